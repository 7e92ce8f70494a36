"""``symbp prove``: check catalogue identities on a network, print a table or JSON."""

from __future__ import annotations

import argparse
import json

from .. import general, shards
from ..errors import SpecError
from ..display.progress import Progress
from .prove_layers import listing as layers_listing, run as run_layers, wanted as layers_wanted
from .colour import colour_on, paint_cell
from .common import (EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED, add_network_arguments, check_budget, network_from_args,
                     with_examples)


def register(sub) -> None:
    p = sub.add_parser(
        "prove", help="prove BP1-BP4 and the other catalogue identities on a network (what a bare `symbp` runs)",
        description="Check identities of the catalogue (BP1-BP4 and the rest; --list shows them) on every layer "
                    "and index of a concrete network, against the ground truth obtained by differentiating the "
                    "cost. One row per identity, printed as soon as it is done; a refutation comes with a "
                    "counterexample at an exact point. With --general, for networks of every size and depth.",
        epilog=with_examples(
            "symbp prove                                          # BP1-BP4 on [2,3,2], any differentiable σ",
            "symbp prove --sizes 4,8,8,4 --activation sigmoid --json",
            "symbp prove --identity BP2 --identity product-formula --sizes 3,4,4,2 --activation tanh",
            "symbp prove --sizes 784,30,10 --method pit             # random-point test, error bound stated",
            "symbp prove --general                                # every size and depth, by induction",
            "symbp prove --list                                   # the catalogue and where each entry comes from",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_network_arguments(p)
    p.add_argument("--identity", action="append", metavar="NAME",
                   help="identity to check (repeatable; default: every identity that applies); see --list")
    p.add_argument("--method", default="auto", choices=("auto", "exact", "pit"),
                   help="exact: zero difference of polynomials; pit: random-point identity test; auto (default)")
    p.add_argument("--budget", type=float, default=60.0, metavar="SECONDS", help="time budget per identity (default 60)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes that share the instances of an exact check (default: the cores there are)")
    p.add_argument("--json", action="store_true", help="print one JSON object per identity (a JSON list)")
    p.add_argument("--list", action="store_true", help="list the catalogue and exit")
    p.add_argument("--general", action="store_true", help="prove for networks of every size and depth (symbolic sizes)")
    p.add_argument("--require-proof", action="store_true",
                   help="only a proof passes: probably-true (a random-point test) exits 3, like undecided")
    p.add_argument("--layer", metavar="KIND", help="prove every identity of a layer kind (conv2d, batchnorm, rnn, ...; see --list)")
    p.add_argument("--shape", metavar="KEY=VALUE,...", help="a layer's shape, e.g. kernel=3x3,stride=2,padding=1 (see --list)")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import identities
    from .. import notation
    from ..prove import prove

    if args.list:
        for ident in identities.CATALOGUE.values():
            print(f"{ident.name:22} {ident.title} [{ident.source}]")
        print("\n".join(layers_listing()))
        return EXIT_OK
    check_budget(args.budget)
    if args.jobs is not None and args.jobs < 1:
        raise SpecError(f"--jobs must be a whole number of processes ≥ 1, got {args.jobs}")
    if layers_wanted(args):
        return run_layers(args)
    if args.general:
        return _run_general(args)
    notation.profile(args.notation)  # an unknown notation is bad input, before any work
    net = network_from_args(args)
    chosen = identities.applicable(net, args.identity)
    if args.notation == "rowvector" and not args.identity:
        from ..identities.rowvector import applicable as seed_004

        chosen += seed_004(net)
    jobs = args.jobs or shards.default_jobs()
    if args.json:
        with Progress(len(chosen), "proving", "identity") as bar:
            certs = []
            for ident in chosen:
                certs.append(prove(ident, net, method=args.method, budget=args.budget, jobs=jobs))
                bar.update()
        print(json.dumps([c.to_dict() for c in certs], ensure_ascii=False, indent=2))
        return exit_code(certs, require_proof=args.require_proof)
    print(f"network {net.label()}  ({net.parameter_count} parameters)", flush=True)
    table = Table([ident.name for ident in chosen])
    for line in table.head():
        print(line)
    certs = []
    with Progress(len(chosen), "proving", "identity") as bar:
        for ident in chosen:
            cert = prove(ident, net, method=args.method, budget=args.budget, jobs=jobs)
            certs.append(cert)
            bar.print(table.row(cert))  # each row as soon as its identity is done
            bar.update()
    profile = notation.profile(args.notation)
    for c in certs:
        if c.verdict == "refuted":
            print(_explain_refutation(c, profile))
        elif c.verdict == "undecided":
            print(f"\n{c.identity}: undecided: {c.reason}")
        elif c.verdict == "probably-true":
            print(f"\n{c.identity}: probably true, not a proof (a random-point identity test at {c.points} points; "
                  f"error bound {c.error_bound})" + (": --require-proof fails it" if args.require_proof else ""))
    return exit_code(certs, require_proof=args.require_proof)


def exit_code(certs, *, require_proof: bool = False) -> int:
    verdicts = {c.verdict for c in certs}
    if "refuted" in verdicts:
        return EXIT_REFUTED
    if "undecided" in verdicts or "conditional" in verdicts:
        return EXIT_UNDECIDED
    if require_proof and "probably-true" in verdicts:
        return EXIT_UNDECIDED  # evidence, not a proof
    return EXIT_OK


class Table:
    """The verdict table, one row at a time, its columns sized before the first row is known."""

    HEADER = ("identity", "verdict", "method", "instances", "seconds")

    def __init__(self, names, *, colour: "bool | None" = None):
        self.widths = [max([len(self.HEADER[0])] + [len(n) for n in names]), len("probably-true"), len("auto→pit"),
                       len("instances"), len("seconds")]
        self.colour = colour_on() if colour is None else colour

    def _line(self, cells) -> str:
        return "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, self.widths)))

    def head(self) -> list[str]:
        return [self._line(self.HEADER).rstrip(), "  ".join("-" * w for w in self.widths)]

    def row(self, c) -> str:
        cells = [c.identity, c.verdict, c.method, str(c.instances), f"{c.seconds:.3f}"]
        line = self._line(cells)
        if self.colour:
            start = self.widths[0] + 2
            line = line[:start] + paint_cell(line[start:start + self.widths[1]], c.verdict, on=True) + line[start + self.widths[1]:]
        if c.verdict == "probably-true" and c.error_bound:
            line += f"  ({bound_note(c.error_bound)})"
        return line


def bound_note(bound: str) -> str:
    """The probability of a false 'probably-true', short: 'P(error) < 7.5e-35 per instance'.

    >>> bound_note("each instance: P(false agreement) ≤ (20/p)^2 < 7.5e-35, p = 2^61 − 1 (Schwartz–Zippel)")
    'P(false agreement) < 7.5e-35 per instance, Schwartz–Zippel'
    """
    if "<" in bound and "P(" in bound:
        value = bound.rsplit("<", 1)[1].split(",")[0].strip()
        return f"P(false agreement) < {value} per instance, Schwartz–Zippel"
    return bound


def _table(certs) -> str:
    table = Table([c.identity for c in certs], colour=False)
    return "\n".join(table.head() + [table.row(c) for c in certs])


def _explain_refutation(c, profile) -> str:
    cx = c.counterexample
    out = [f"\n{c.identity}: refuted"]
    if cx is None:
        return out[0] + f": {c.reason}"
    if cx.reason:
        out.append(f"  {cx.reason}")
        return "\n".join(out)
    out.append(f"  at {cx.instance}")
    if cx.activation:
        out.append(f"  with {cx.activation}")
    point = ", ".join(f"{profile.quantity(k)}={v}" for k, v in cx.point.items())
    out.append(f"  point: {point}")
    out.append(f"  ground truth: {cx.lhs}")
    out.append(f"  formula:      {cx.rhs}")
    if cx.oracle:
        out.append(f"  confirmed: {cx.oracle}")
    return "\n".join(out)


def _run_general(args) -> int:
    # The sizes are symbols and the proof is one chain of lemmas: a network or a method given beside --general
    # would be ignored, so it is refused rather than silently dropped.
    if args.sizes != "2,3,2":
        raise SpecError(f"--general proves for networks of every size and depth; --sizes {args.sizes} does not apply "
                        "(drop --general to check that network)")
    if args.method != "auto":
        raise SpecError(f"--general proves by a chain of lemmas; --method {args.method} does not apply (drop --general "
                        "to check a concrete network with it)")
    activation = getattr(args, "activation", "generic") or "generic"
    if "," in activation:
        raise SpecError(f"--general proves one activation for every layer; got the per-layer list {activation!r} "
                        "(the generic σ already covers every choice)")
    gnet = general.network(activation=activation, cost=args.cost, one_hot=bool(args.one_hot))
    if args.identity:
        resolved = [general.resolve(n) for n in args.identity]  # bad names fail before any work
        certs = [general.prove_general(n, gnet, budget_seconds=args.budget) for n in resolved]
    else:
        certs = general.prove_catalogue(gnet, budget_seconds=args.budget)
    if args.json:
        print(json.dumps([c.to_dict() for c in certs], ensure_ascii=False, indent=2))
    else:
        print(general.report(certs, gnet))
    return exit_code(certs, require_proof=args.require_proof)
