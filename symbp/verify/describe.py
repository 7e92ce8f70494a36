r"""What symbp understood of a formula: the catalogue identity it instantiates, and words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .instances import _quantities, layer_vars
from .nodes import Cdots, Equation, Index, Mul, Nabla, Partial, Quantity, children, to_latex, walk

if TYPE_CHECKING:
    from .check import Setting


def identify(eq: Equation, setting: "Setting") -> str:
    """The catalogue identity (symbp.identities) a proved formula is an instance of, if any."""
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    lhs, rest = sides[0], sides[1:]
    if any(side == lhs for side in rest):
        return ""  # δ^L = δ^L, ∂C/∂b^l = ∂C/∂b^l: true of every network, an instance of nothing (review rv38)
    roles_rest = {(q.role, _layer_key(q)) for s in rest for n in walk(s) for q in _quantities(n)}
    funcs = {n.func for s in rest for n in walk(s) if hasattr(n, "func")}
    if any(isinstance(n, Mul) and any(isinstance(f, Cdots) for f in n.factors) for s in rest for n in walk(s)):
        return "product-formula"
    if isinstance(lhs, Quantity) and lhs.role == "delta":
        key = _layer_key(lhs)
        if key == ("L", 0):
            if setting.cost == "softmax-cross-entropy":
                return "softmax-ce-one-hot" if setting.one_hot else "softmax-ce"
            # ce-sigmoid is δ^L = a^L − y of a sigmoid output; under another σ a formula in a and y alone is BP1
            if setting.cost == "cross-entropy" and setting.activation == "sigmoid" and not funcs and not any(
                    isinstance(n, (Partial, Nabla)) for s in rest for n in walk(s)):
                return "ce-sigmoid"
            return "BP1-matrix" if "Sigma" in funcs else "BP1"
        if key[1] == 0 and ("delta", (key[0], 1)) in roles_rest:
            return "BP2-matrix" if "Sigma" in funcs else "BP2"
    if isinstance(lhs, Nabla):
        if lhs.wrt.role == "b":
            return "BP3"
        if lhs.wrt.role in ("w", "W"):
            return "BP4"
        if lhs.wrt.role == "a" and setting.cost == "quadratic" and _layer_key(lhs.wrt) in (("L", 0), None):
            return "BP1'"
    if isinstance(lhs, Partial) and lhs.num.role == "C":
        if lhs.den.role == "b":
            return "BP3"
        if lhs.den.role in ("w", "W"):
            return "BP4"
        if lhs.den.role == "a" and setting.cost == "quadratic" and _layer_key(lhs.den) in (("L", 0), None):
            return "BP1'"  # ∂C/∂a^L = a^L − y; ∂C/∂a^{l−1} = (w^l)ᵀ δ^l is the gradient passed back, not BP1'"
    return ""


def _layer_key(q: Quantity):
    return (q.layer.var, q.layer.offset) if q.layer is not None else None


_ROLE_WORDS = {"w": "weight", "W": "weight matrix", "b": "bias", "z": "weighted input", "a": "activation",
               "x": "input", "y": "target", "delta": "error δ ≡ ∂C/∂z", "C": "cost"}


def describe(eq: Equation, setting: "Setting", outputs_by: str = "") -> dict:
    """What symbp understood: words and LaTeX (in the user's notation); ``outputs_by``: what fixed the number of
    output neurons (default: the notes' prose)."""
    nt = setting.notation
    parts, seen = [], set()
    for n in walk(eq):
        for q in _quantities(n):
            key = (q.role, q.base)
            if key not in seen:
                seen.add(key)
                word = _ROLE_WORDS.get(q.role, q.role)
                if q.role == "x" and q.layer is not None:
                    word = "the layer's input with the constant 1 on top, (1; a)"
                parts.append(f"{q.base} = {word}")
    lv = layer_vars(eq)
    free = sorted(_free_indices(eq))
    words = [f"Read in the {nt.name} notation ({nt.description})."]
    if parts:
        words.append(f"Symbols: {'; '.join(parts)}.")
    if lv:
        words.append(f"Layer variable{'s' if len(lv) > 1 else ''} {', '.join(lv)}: every layer where the formula "
                     "names only existing layers.")
    if free:
        words.append(f"Free neuron ind{'ices' if len(free) > 1 else 'ex'} {', '.join(free)}: every neuron of the "
                     "layer each stands in.")
    if any(q.role == "x" and q.layer is not None for n in walk(eq) if isinstance(n, (Partial, Nabla))
           for q in ((n.den,) if isinstance(n, Partial) else (n.wrt,))):
        words.append("∂/∂x of the augmented x = (1; a) ranges over its variable entries x_1 … x_n: x_0 = 1 is a "
                     "constant, so an instance at entry 0 is outside the formula's domain and a vector of n + 1 rows "
                     "on the other side is compared on its rows 1 … n.")
    if nt.bias_column and _whole_weight_value(eq):
        words.append("A whole W holds the bias as column 0 (x_0 = 1); beside a value one entry shorter there (in a "
                     "product with a layer's δ, its activations or Σ', an entrywise product, a sum, or the other "
                     "side), W stands for its weight columns j ≥ 1, as Dyda drops that entry by hand and as the "
                     "documents of symbp latex state.")
    words.append(
        "Checked on networks of every depth from 2 up to one where each layer it names has taken every role "
        "(input, first hidden, interior, last hidden, output), listed with the verdict"
        + (f", and on {', '.join(str(list(s)) for s in setting.family)}" if setting.family else "")
        + (f", and on the network {list(setting.fixed)}" if setting.fixed else "")
        + (f", each with {setting.outputs} output neuron{'s' if setting.outputs != 1 else ''} "
           + (outputs_by or f"as the notes say (their own n_L = {setting.outputs})") if setting.outputs else "")
        + f", with activation {setting.activation} and cost {setting.cost}" + (" (Σ_k y_k = 1)" if setting.one_hot else "")
        # the output layer's own activation, said in words (``outputact``)
        + (f", the output layer's activation {setting.output[0]} as the notes say in words at {setting.output[1]}"
           if getattr(setting, "output", None) else "")
        + "; δ ≡ ∂C/∂z and every ∂C/∂(…) by direct differentiation, never by backprop."
    )
    out = {"words": " ".join(words), "latex": to_latex(eq)}
    if nt.name != "nielsen":
        out["nielsen"] = to_latex(in_nielsen(eq, nt))
        if nt.bias_column:
            out["nielsen"] += r" \quad (\hat{a}^l = (1; a^l): the bias column's constant input)"
    return out


def _whole_weight_value(node) -> bool:
    """Does a whole weight matrix W stand in the formula as a value (not as the variable of a ∂)?"""
    if isinstance(node, Quantity):
        return node.role in ("w", "W") and not node.indices
    return not isinstance(node, (Partial, Nabla)) and any(_whole_weight_value(c) for c in children(node))


_NIELSEN_BASE = {"w": "w", "W": "w", "b": "b", "z": "z", "a": "a", "x": "x", "y": "y", "delta": r"\delta", "C": "C"}


def in_nielsen(eq: Equation, nt) -> Equation:
    r"""The same formula in Nielsen's notation: layers shifted, weight indices in (to, from) order.

    >>> from symbp.verify.reader import read
    >>> from symbp.notation import profile
    >>> to_latex(in_nielsen(read(r"\frac{\partial C}{\partial w^{(l)}_{ji}} = \delta^{(l)}_i a^{(l-1)}_j", "sokolinsky"),
    ...                     profile("sokolinsky")))
    '\\frac{\\partial C}{\\partial w^l_{ij}} = \\delta^l_i a^{l-1}_j'
    """
    from dataclasses import replace

    from .nodes import Apply, Comprehension, Layer, Sum, rebuild

    def layer(lay, extra=0):
        if lay is None:
            return None
        shift = 0 if lay.var == "L" else -nt.layer_shift
        return Layer(lay.var, lay.offset + shift + extra)

    def index(i):
        return replace(i, size=layer(i.size)) if i.size is not None else i

    def fix(node):
        if isinstance(node, Quantity):
            indices = tuple(index(i) for i in node.indices)
            if node.role in ("w", "W") and len(indices) == 2 and nt.weight_order != "to,from":
                indices = indices[::-1]
            if node.role in ("w", "W") and len(indices) == 2 and indices[1].value == 0 and nt.bias_column:
                return Quantity("b", "b", layer(node.layer), indices[:1], "")
            if node.role == "x" and node.layer is not None:  # Dyda's augmented (1; a^{[l]})
                return Quantity("x", r"\hat{a}", layer(node.layer), indices, "")
            base = _NIELSEN_BASE.get(node.role, node.base)
            extra = nt.weight_layer_offset if node.role in ("w", "W", "b") else 0
            return Quantity(node.role, base, layer(node.layer, extra), indices, "")
        if isinstance(node, (Sum, Comprehension)) and node.upper is not None:
            return replace(node, upper=layer(node.upper))
        if isinstance(node, Apply) and node.func in ("sigma", "f"):
            return replace(node, base=r"\sigma")
        if isinstance(node, Nabla) and node.of.role == "C":
            return None
        return None

    return rebuild(eq, fix)


def _free_indices(eq: Equation) -> set:
    """Index letters not bound by a sum or a bracket vector."""
    from .nodes import Comprehension, Sum, children

    out: set = set()

    def go(node, bound):
        if isinstance(node, (Sum, Comprehension)):
            columns = {node.columns[0]} if isinstance(node, Comprehension) and node.columns else set()
            go(node.body, bound | ({node.var} if node.var else set()) | columns)
            return
        for q in _quantities(node):
            out.update(Index(i.name).latex() for i in q.indices if i.name and i.name not in bound)
        for c in children(node):
            go(c, bound)

    go(eq, set())
    return out
