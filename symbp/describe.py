r"""What symbp understood of a formula: the catalogue identity it instantiates, and words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .instances import _quantities, layer_vars
from .latex.nodes import Cdots, Equation, Index, Partial, Quantity, to_latex, walk

if TYPE_CHECKING:
    from .verify import Setting


def identify(eq: Equation, setting: "Setting") -> str:
    """The catalogue identity (symbp.identities) a proved formula is an instance of, if any."""
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    lhs, rest = sides[0], sides[1:]
    roles_rest = {(q.role, _layer_key(q)) for s in rest for n in walk(s) for q in _quantities(n)}
    funcs = {n.func for s in rest for n in walk(s) if hasattr(n, "func")}
    if any(isinstance(n, Cdots) for s in rest for n in walk(s)):
        return "product-formula"
    if isinstance(lhs, Quantity) and lhs.role == "delta":
        key = _layer_key(lhs)
        if key == ("L", 0):
            if setting.cost == "softmax-cross-entropy":
                return "softmax-ce-one-hot" if setting.one_hot else "softmax-ce"
            return "BP1-matrix" if "Sigma" in funcs else "BP1"
        if key[1] == 0 and ("delta", (key[0], 1)) in roles_rest:
            return "BP2-matrix" if "Sigma" in funcs else "BP2"
    if isinstance(lhs, Partial) and lhs.num.role == "C":
        if lhs.den.role == "b":
            return "BP3"
        if lhs.den.role in ("w", "W"):
            return "BP4"
        if lhs.den.role == "a" and setting.cost == "quadratic":
            return "BP1'"
    return ""


def _layer_key(q: Quantity):
    return (q.layer.var, q.layer.offset) if q.layer is not None else None


_ROLE_WORDS = {"w": "weight", "W": "weight matrix", "b": "bias", "z": "weighted input", "a": "activation",
               "x": "input", "y": "target", "delta": "error δ ≡ ∂C/∂z", "C": "cost"}


def describe(eq: Equation, setting: "Setting") -> dict:
    """What symbp understood: words and LaTeX (in the user's notation)."""
    nt = setting.notation
    parts, seen = [], set()
    for n in walk(eq):
        for q in _quantities(n):
            key = (q.role, q.base)
            if key not in seen:
                seen.add(key)
                parts.append(f"{q.base} = {_ROLE_WORDS.get(q.role, q.role)}")
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
    words.append(
        f"Checked on the networks {', '.join(str(list(s)) for s in setting.family)} with activation "
        f"{setting.activation} and cost {setting.cost}" + (" (Σ_k y_k = 1)" if setting.one_hot else "")
        + "; δ ≡ ∂C/∂z and every ∂C/∂(…) by direct differentiation, never by backprop."
    )
    return {"words": " ".join(words), "latex": to_latex(eq)}


def _free_indices(eq: Equation) -> set:
    """Index letters not bound by a sum or a bracket vector."""
    from .latex.nodes import Comprehension, Sum, children

    out: set = set()

    def go(node, bound):
        if isinstance(node, (Sum, Comprehension)):
            go(node.body, bound | ({node.var} if node.var else set()))
            return
        for q in _quantities(node):
            out.update(Index(i.name).latex() for i in q.indices if i.name and i.name not in bound)
        for c in children(node):
            go(c, bound)

    go(eq, set())
    return out
