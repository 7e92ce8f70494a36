"""``symbp prove`` for the layers beyond the MLP (``--identity conv2d-input-gradient``, ``--layer``, ``--shape``).

    symbp prove --identity conv2d-input-gradient                  # at the layer's default shape
    symbp prove --identity conv2d-input-gradient --shape stride=2,input=5x5
    symbp prove --layer batchnorm --shape batch=4                 # every identity of the layer
    symbp prove --identity batchnorm-input-gradient --general     # for every batch size
"""

from __future__ import annotations

import json
import textwrap

from ..errors import IdentityError, SpecError

#: The options of ``symbp prove`` that describe a fully connected network, with their defaults.
_NETWORK_OPTIONS = {"sizes": "2,3,2", "activation": "generic", "cost": "quadratic", "one_hot": False, "batch": None}


def wanted(args) -> bool:
    """Whether the arguments ask about layers (and only about layers)."""
    from .. import layers

    names = args.identity or []
    about_layers = [n for n in names if _is_layer_identity(layers, n)]
    if about_layers and len(about_layers) < len(names):
        other = next(n for n in names if not _is_layer_identity(layers, n))
        raise SpecError(f"--identity {about_layers[0]} is about a layer and --identity {other} about a network: "
                        "prove them in two runs")
    if (args.layer or args.shape) and names and not about_layers:
        raise SpecError(f"--layer and --shape are for the layer identities; {names[0]} is about a fully connected network")
    return bool(about_layers or args.layer or args.shape)


def _is_layer_identity(layers, name: str) -> bool:
    try:
        layers.get(name)
    except IdentityError:
        return False
    return True


def listing() -> list[str]:
    """The lines ``--list`` adds for the layer catalogue."""
    from .. import layers

    lines = ["", "layer identities (--identity NAME, --shape key=value,...; see docs/layers.md):"]
    for ident in layers.IDENTITIES:
        lines.append(f"{ident.name:30} {ident.title} [{ident.source}]")
    lines += ["", "layer kinds (--layer KIND) and their shape parameters:"]
    for built in layers.KINDS.values():
        lines.append(f"{built.kind:12} {built.summary}: {', '.join(built.params)}")
    return lines


def _targets(args) -> list:
    """[(identity, layer spec)] from --identity/--layer/--shape."""
    from .. import layers

    for key, default in _NETWORK_OPTIONS.items():
        if getattr(args, key, default) != default:
            raise SpecError(f"--{key.replace('_', '-')} describes a fully connected network; a layer's shape is --shape key=value,...")
    shape = args.shape or ""
    if args.identity:
        idents = [layers.get(n) for n in args.identity]
        kinds = {i.kind for i in idents}
        if args.layer and {layers.kind(args.layer).kind} != kinds:
            raise SpecError(f"--layer {args.layer} does not match --identity {idents[0].name} (a {idents[0].kind} identity)")
        if len(kinds) > 1 and shape:
            raise SpecError("--shape applies to one layer kind; the identities named are about " + ", ".join(sorted(kinds)))
        return [(i, layers.layer(i.kind, shape)) for i in idents]
    if not args.layer:
        raise SpecError("--shape needs --layer KIND or --identity NAME (a layer identity)")
    spec = layers.layer(args.layer, shape)
    return [(i, spec) for i in layers.identities_of(args.layer)]


def run(args) -> int:
    from ..prove import prove
    from .common import EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED

    targets = _targets(args)  # bad names and shapes fail before any work
    if args.general:
        from ..layers import allsizes

        certs = [allsizes.prove_all_sizes(ident, budget=args.budget) for ident, _ in targets]
    else:
        certs = [prove(ident, spec, method=args.method, budget=args.budget) for ident, spec in targets]
    if args.json:
        print(json.dumps([c.to_dict() for c in certs], ensure_ascii=False, indent=2))
    else:
        print(report(certs, targets, general=args.general))
    verdicts = {c.verdict for c in certs}
    return EXIT_REFUTED if "refuted" in verdicts else EXIT_UNDECIDED if "undecided" in verdicts else EXIT_OK


def report(certs, targets, general: bool = False) -> str:
    """The table of verdicts, and what went wrong where something did."""
    rows = [("identity", "layer", "verdict", "method", "entries", "seconds")]
    for c, (_, spec) in zip(certs, targets):
        where = "every size" if general else spec.label()
        rows.append((c.identity, where, c.verdict, c.method, str(c.instances), f"{c.seconds:.3f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(cell.rjust(w) if i >= 4 else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths))).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    for c in certs:
        if c.verdict == "refuted":
            lines.append(explain(c))
        elif c.verdict == "undecided":
            lines.append(f"\n{c.identity}: undecided: {c.reason}")
        elif c.verdict == "probably-true":
            lines.append(f"\n{c.identity}: probably-true (not a proof): {c.error_bound}")
    return "\n".join(lines)


def explain(c) -> str:
    cx = c.counterexample
    out = [f"\n{c.identity}: refuted", f"  formula: {c.statement}"]
    if cx is None:
        return "\n".join(out + [f"  {c.reason}"])
    if cx.reason:
        return "\n".join(out + [f"  {cx.reason}"])
    out.append(f"  fails at {cx.instance}")
    if cx.activation:
        out.append(f"  with {cx.activation}")
    point = ", ".join(f"{k} = {v}" for k, v in cx.point.items())
    out.append(textwrap.fill(f"point: {point}", width=100, initial_indent="  ", subsequent_indent="    "))
    out.append(f"  ground truth: {cx.lhs}")
    out.append(f"  formula:      {cx.rhs}")
    if c.details.get("oracle"):
        out.append(textwrap.fill(c.details["oracle"], width=100, initial_indent="  ", subsequent_indent="    "))
    return "\n".join(out)
