r"""Refutations as readable text, in the notation the test asked for.

A failing course test should show where a formula fails and the point, with every quantity written the way the
course writes it (Sokolinsky's ``w^{(3)}_{21}`` for Nielsen's ``w^3_{12}``), never a SymPy repr. ``explain`` renders
a certificate of ``symbp.prove``; ``explain_formula`` a refuted result of ``symbp.verify``.
"""

from __future__ import annotations

from ..certificate import Certificate
from ..errors import SymbpError
from ..network import Network, network as build_network
from ..notation import Notation, profile


def _leaf_names(net: Network, note: Notation) -> dict:
    """Network symbol name (as a counterexample stores it) -> LaTeX in ``note``."""
    out = {}
    for key in net.parameters():
        if key[0] == "w":
            out[str(net.weight(*key[1:]))] = note.weight(*key[1:])
        else:
            out[str(net.bias(*key[1:]))] = note.bias(*key[1:])
    for s in net.samples:
        sample = f"^{{({s})}}" if net.batch != 1 else ""
        for k in range(1, net.n(1) + 1):
            out[str(net.x(k, s))] = note.neuron("a", 1, k) + sample
        for j in range(1, net.n(net.L) + 1):
            out[str(net.y(j, s))] = note.target(j) + sample
    return out


def _entry(cert: Certificate, net: "Network | None", note: Notation) -> str:
    """The failing entry named in the notation, from the statement's left side."""
    cx = cert.counterexample
    l, idx = cx.layer, tuple(cx.indices)
    if l is None or not idx:
        return ""
    lhs = cert.statement.split("=", 1)[0]
    cost = note.cost
    if len(idx) == 2:
        j, k = idx
        if k == 0:  # Dyda's bias column
            return rf"\partial {cost}/\partial {note.bias(l, j)}"
        if "partial w" in lhs or "partial W" in lhs or "partial \\mathbf" in lhs:
            return rf"\partial {cost}/\partial {note.weight(l, j, k)}"
        return f"entry ({j}, {k}) of layer {note.layer(l)}"
    (j,) = idx
    if lhs.strip().startswith(r"\delta"):
        return note.neuron("delta", l, j)
    if r"\partial b" in lhs:
        return rf"\partial {cost}/\partial {note.bias(l, j)}"
    if lhs.strip().startswith(r"\nabla"):
        return rf"\partial {cost}/\partial {note.neuron('a', l, j)}"
    return f"entry {j} of layer {note.layer(l)}"


def explain(cert: Certificate, notation="nielsen", net: "Network | None" = None) -> str:
    r"""A refutation as readable text: statement, where it fails, the point, both values.

    Quantities are written in ``notation`` (a profile name or ``Notation``):
    in Sokolinsky's profile Nielsen's w^3_{12} prints as ``w^{(3)}_{21}``.
    """
    note = profile(notation)
    if net is None and "sizes" in cert.network:
        net = _network_from_description(cert.network)
    lines = [f"{cert.identity}: {cert.verdict} (notation {note.name})", f"  statement: {_in_notation(cert.statement, note)}"]
    if cert.network.get("sizes"):
        lines.append(f"  network: {_describe(cert.network)}")
    if cert.network.get("layer"):
        lines[1] = f"  statement: {cert.statement}"
        shape = cert.network.get("shape", "")
        if isinstance(shape, dict):
            shape = ", ".join(f"{k}={'x'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in shape.items())
        lines.append(f"  layer: {cert.network['layer']} ({shape})")
    cx = cert.counterexample
    if cx is None:
        lines.append(f"  reason: {cert.reason}")
        return "\n".join(lines)
    if cx.reason:  # e.g. a product of matrices whose shapes do not fit
        lines.append(f"  {cx.reason}")
        return "\n".join(lines)
    entry = _entry(cert, net, note) if net is not None else ""
    # One notation per message: the entry in the notation asked for; Nielsen's instance only when that is it.
    where = entry if entry and note.name != "nielsen" else (f"{entry} ({cx.instance})" if entry else cx.instance)
    lines.append(f"  fails at {where}")
    if cx.activation:
        lines.append(f"  with {cx.activation}")
    names = _leaf_names(net, note) if net is not None else {}
    point = ", ".join(f"{names.get(k, k)} = {v}" for k, v in cx.point.items())
    lines.append(f"  at the point {point}")
    lines.append(f"  ground truth (differentiation): {cx.lhs}")
    lines.append(f"  the formula gives:              {cx.rhs}")
    return "\n".join(lines)


def _in_notation(statement: str, note: Notation) -> str:
    """The catalogue's (Nielsen) statement re-indexed into ``note``, or as written when it cannot be."""
    from ..latex.retarget import NotConvertible, retarget

    if note.name == "nielsen" or not statement:
        return statement
    try:
        return retarget(statement, note)
    except (NotConvertible, SymbpError):
        return f"{statement} (as the catalogue writes it: it has no form in the notation {note.name})"


def _family_leaf_names(result, note: Notation) -> dict:
    """Leaf names of every network of a verification's family, in ``note``."""
    names: dict = {}
    setting = getattr(result, "network", None) or {}
    for sizes in getattr(result, "family", ()) or ():
        try:
            net = build_network(list(sizes), setting.get("activation", "generic"), setting.get("cost", "quadratic"),
                                one_hot=setting.get("one_hot", False))
        except SymbpError:
            continue
        names.update(_leaf_names(net, note))
    return names


def _describe(d: dict) -> str:
    if isinstance(d.get("sizes"), str):  # networks of every size (symbp.general): sizes are symbols, any depth
        return f"{d['sizes']}, depth {d.get('depth', 'any')}, {d.get('activation', '')} {d.get('cost', '')}".strip()
    acts = d.get("activations", [])
    act = acts[0] if len(set(acts)) == 1 else ",".join(acts)
    extra = " one-hot" if d.get("one_hot") else ""
    extra += f" m={d['batch']}" if d.get("batch") else ""
    return f"[{','.join(map(str, d['sizes']))}] {act} {d.get('cost', '')}{extra}"


def _network_from_description(d: dict) -> "Network | None":
    try:
        overrides = {tuple(int(v) for v in key.split(",")): name for key, name in d.get("overrides", {}).items()}
        return build_network(d["sizes"], d["activations"], d["cost"], one_hot=d.get("one_hot", False),
                             batch=d.get("batch"), overrides=overrides)
    except (SymbpError, KeyError, ValueError):
        return None


def explain_formula(result, notation="nielsen") -> str:
    """A refuted formula: what it was read as, where it fails, the values, the diagnosis."""
    note = profile(notation)
    status = getattr(result, "status", "") or "refuted"
    lines = [f"formula {' '.join(result.formula.split())}: {status} (notation {note.name})"]
    words = (getattr(result, "interpretation", None) or {}).get("words")
    if words:
        lines.append(f"  read as: {words}")
    cx = result.counterexample
    if result.reason:
        lines.append(f"  reason: {result.reason}")
    if cx is not None and not cx.reason:
        lines.append(f"  fails {cx.instance}" if cx.instance.startswith(("on ", "at ")) else f"  fails at {cx.instance}")
        if cx.activation:
            lines.append(f"  with {cx.activation}")
        if cx.point:
            names = _family_leaf_names(result, note)
            lines.append(f"  at the point ({note.name} notation) " + ", ".join(f"{names.get(k, k)} = {v}" for k, v in cx.point.items()))
        lines.append(f"  left side:  {cx.lhs}")
        lines.append(f"  right side: {cx.rhs}")
    if getattr(result, "diagnosis", ""):
        lines.append(f"  diagnosis: {result.diagnosis}")
    if getattr(result, "corrected", ""):
        lines.append(f"  corrected: {result.corrected}")
    return "\n".join(lines)
