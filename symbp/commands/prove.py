"""``symbp prove``: check catalogue identities on a network, print a table or JSON."""

from __future__ import annotations

import json

from .. import general, shards
from ..errors import SpecError
from . import prove_layers
from .common import EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED, add_network_arguments, check_budget, network_from_args


def register(sub) -> None:
    p = sub.add_parser("prove", help="prove BP1-BP4 and the other catalogue identities on a network")
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
        print("\n".join(prove_layers.listing()))
        return EXIT_OK
    check_budget(args.budget)
    if args.jobs is not None and args.jobs < 1:
        raise SpecError(f"--jobs must be a whole number of processes ≥ 1, got {args.jobs}")
    if prove_layers.wanted(args):
        return prove_layers.run(args)
    if args.general:
        return _run_general(args)
    notation.profile(args.notation)  # an unknown notation is bad input, before any work
    net = network_from_args(args)
    chosen = identities.applicable(net, args.identity)
    if args.notation == "rowvector" and not args.identity:
        from ..identities.rowvector import applicable as seed_004

        chosen += seed_004(net)
    jobs = args.jobs or shards.default_jobs()
    certs = [prove(ident, net, method=args.method, budget=args.budget, jobs=jobs) for ident in chosen]
    if args.json:
        print(json.dumps([c.to_dict() for c in certs], ensure_ascii=False, indent=2))
    else:
        print(f"network {net.label()}  ({net.parameter_count} parameters)")
        print(_table(certs))
        for c in certs:
            if c.verdict == "refuted":
                print(_explain_refutation(c, notation.profile(args.notation)))
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


def _table(certs) -> str:
    rows = [("identity", "verdict", "method", "instances", "seconds")]
    rows += [(c.identity, c.verdict, c.method, str(c.instances), f"{c.seconds:.3f}") for c in certs]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) if i < 3 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


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
    # --sizes is ignored: the sizes are symbols.
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
