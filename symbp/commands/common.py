"""What the subcommands share: exit codes, the error paragraph, the network arguments."""

from __future__ import annotations

import math
import textwrap

from ..errors import SpecError
from ..network import network, parse_sizes

#: Exit codes everywhere: 0 holds / done, 1 refuted, 2 bad input (one paragraph, no traceback), 3 undecided.
EXIT_OK, EXIT_REFUTED, EXIT_BAD_INPUT, EXIT_UNDECIDED = 0, 1, 2, 3
#: A bug in symbp (BSD sysexits' EX_SOFTWARE): never 0 or 1, so it cannot pass for a verdict.
EXIT_INTERNAL = 70
#: The longest budget an option accepts (seconds): a day. Longer is a typo, and ``inf`` overflows timers.
MAX_BUDGET = 86_400.0


def check_budget(seconds: float, option: str = "--budget") -> float:
    """``seconds`` if it is a finite positive number of seconds up to a day, else ``SpecError``."""
    if not (seconds > 0) or not math.isfinite(seconds) or seconds > MAX_BUDGET:
        raise SpecError(f"{option} must be a positive number of seconds up to {MAX_BUDGET:g} (a day), got {seconds:g}")
    return seconds


#: What every verdict-giving command says about its exit codes in ``--help``.
EXIT_CODES_HELP = ("0 every claim holds; 1 one is refuted; 2 bad input (one paragraph, no traceback); "
                   "3 one is undecided; 70 an internal error (a bug in symbp; the traceback goes to a file)")


def with_examples(*lines: str, exits: str = EXIT_CODES_HELP) -> str:
    """An ``epilog`` for ``--help``: the example command lines, then the exit codes.

    >>> print(with_examples("symbp prove", exits="0 done"))
    examples:
      symbp prove
    <BLANKLINE>
    exit codes: 0 done
    """
    wrapped = textwrap.fill(f"exit codes: {exits}", width=100, subsequent_indent="  ")
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n\n" + wrapped


def error_paragraph(message: str) -> str:
    return textwrap.fill(f"symbp: error: {message}", width=100, break_long_words=False, break_on_hyphens=False)


def add_network_arguments(p, *, sizes: str = "2,3,2", activation: str = "generic", cost: str = "quadratic") -> None:
    p.add_argument("--sizes", default=sizes, help=f"layer sizes, input first (default {sizes})")
    p.add_argument("--activation", default=activation,
                   help="sigmoid, tanh, relu, softplus, identity, generic (any differentiable σ), "
                        f"or a comma list, one per layer (default {activation})")
    p.add_argument("--cost", default=cost,
                   help=f"quadratic, mean-quadratic, squared-error (‖a − y‖², no ½), cross-entropy, softmax-cross-entropy "
                        f"(default {cost})")
    p.add_argument("--one-hot", action="store_true", help="assume Σ_k y_k = 1 (softmax-cross-entropy)")
    p.add_argument("--batch", type=int, default=None, help="mini-batch size m for mean-quadratic (default 2)")
    p.add_argument("--notation", default="nielsen", help="notation profile for printed formulas (default nielsen)")


def network_from_args(args):
    return network(parse_sizes(args.sizes), args.activation, args.cost, one_hot=args.one_hot, batch=args.batch)
