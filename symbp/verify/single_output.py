r"""A formula about the output alone that is ill-shaped with several outputs and holds with one.

``C = \frac12 (y - a^L)^2`` squares a vector entry by entry: with several
output neurons the right side is a vector and the cost a number, so the
formula is refuted on every standard network (each has at least two outputs).
With one output neuron (n_L = 1) the vector has one entry, a number, and the
formula is the quadratic cost (its reading as an inner product: ``vector_square``);
likewise ``\delta^L = (a^L - y)^T \sigma'(z^L)``. When a formula that names only
the output layer (a^L, z^L, δ^L, y, C) is refuted by shapes alone, a number on
one side and a vector on the other (not a row for a column: a missing transpose
stays refuted), it is checked again on the same networks with a single output.
If it holds on every one:

* the user fixed a network with one output (``--sizes 3,1``): the verdict is
  ``conditional`` on n_L = 1, met by that network (exit 0);
* otherwise it stays refuted (a claim about every network, ill-shaped on those
  with several outputs: a slip such as a missing index is not hidden), and the
  reason says that it holds with one output and to give such a network with
  ``--sizes``.

>>> from symbp.verify import verify
>>> v = verify(r"\delta^L = (a^L - y)^T \sigma'(z^L)")
>>> v.status, "with a single output neuron (n_L = 1) it is a number and holds" in v.reason
('refuted', True)
>>> v = verify(r"\delta^L = (a^L - y)^T \sigma'(z^L)", sizes=(3, 1))
>>> v.status, v.condition, v.exit_code
('conditional', 'n_L = 1', 0)
"""

from __future__ import annotations

import re
import time

from .check import Outcome
from .family import family
from .instances import _quantities
from .network_check import Setting, check_network
from .nodes import Equation, walk

#: The shape refutation this is about: a number on one side, a vector on the other.
_SCALAR_VS_VECTOR = re.compile(r"the left side .* is a scalar but the right side .* is a (?:column|row) vector of \d+|"
                               r"the left side .* is a (?:column|row) vector of \d+ but the right side .* is a scalar")

#: The condition a single-output verdict carries.
CONDITION = "n_L = 1"


def only_output(eq: Equation) -> bool:
    """Does ``eq`` name the output layer only (a^L, z^L, δ^L, y, C; no other layer, no input)?"""
    qs = [q for n in walk(eq) for q in _quantities(n)]
    return bool(qs) and all(q.role in ("y", "C") or (q.layer is not None and q.layer.var == "L" and q.layer.offset == 0)
                            for q in qs) and any(q.role != "C" for q in qs)


def single_output(eq: Equation, outcome: Outcome, setting: Setting, budget: float) -> "Outcome | None":
    """The conditional verdict (n_L = 1, met) of a formula ``outcome`` refuted by shapes alone, on a network the user
    fixed with one output; without one, ``outcome`` with the reason saying that it holds with one output; or None
    (see above)."""
    if outcome.status != "refuted" or not outcome.shape or len(eq.sides) != 2 or not only_output(eq):
        return None
    if not _SCALAR_VS_VECTOR.search(outcome.reason):  # a row for a column (a missing transpose) stays refuted
        return None
    deadline = time.perf_counter() + budget
    nets = [sizes for _, sizes in family(eq, setting.notation)[0] if len(sizes) <= 4]
    ones = list(dict.fromkeys(tuple(s[:-1]) + (1,) for s in nets))
    if setting.fixed and setting.fixed[-1] == 1 and tuple(setting.fixed) not in ones:
        ones.append(tuple(setting.fixed))
    checked, total = [], 0
    for sizes in ones:
        nc = check_network(eq.sides[0], eq.sides[1], len(sizes), sizes, setting, deadline, eq.where)
        if nc.status != "holds" or nc.instances == 0:
            return None
        total += nc.instances
        checked.append({"sizes": list(sizes), "depth": len(sizes), "L": len(sizes) + setting.notation.layer_shift,
                        "status": "holds", "instances": nc.instances, "layers": [], "outside": []})
    where = ", ".join(str(list(s)) for s in ones)
    if not (setting.fixed and setting.fixed[-1] == 1):
        # a claim about every network, ill-shaped on most of them: refuted, and the reason says what one output does
        outcome.reason += (f"; with a single output neuron ({CONDITION}) it is a number and holds (checked on "
                           f"{where}): give your network with --sizes if it has one output")
        return outcome
    kept = tuple(c for c in outcome.checked if tuple(c["sizes"]) not in ones)  # a fixed [3, 1]: listed once
    reason = (f"holds only with a single output neuron ({CONDITION}: checked on {where}, your network among them), "
              f"where it is a number; with several outputs it is ill-shaped: {outcome.reason}")
    return Outcome("conditional", reason, sum(c["instances"] for c in kept) + total, condition=CONDITION,
                   condition_met=True, checked=kept + tuple(checked),
                   networks=tuple(s for s in outcome.networks if s not in ones) + tuple(ones),
                   shape=True)


__all__ = ["CONDITION", "only_output", "single_output"]
