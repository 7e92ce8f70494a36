r"""What symbp understood of a formula: the catalogue identity it instantiates, and words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .instances import _quantities, layer_vars
from .latex.nodes import Cdots, Equation, Partial, Quantity, to_latex, walk

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
    parts = []
    seen = set()
    for n in walk(eq):
        for q in _quantities(n):
            key = (q.role, q.base)
            if key in seen:
                continue
            seen.add(key)
            parts.append(f"{q.base} = {_ROLE_WORDS.get(q.role, q.role)}")
    lv = layer_vars(eq)
    words = (
        f"Read in the {nt.name} notation ({nt.description}). Symbols: {'; '.join(parts)}. "
        + (f"Free layer variable(s) {', '.join(lv)} range over every layer where the formula names existing layers; "
           if lv else "")
        + "free neuron indices range over every neuron of their layer; "
        + f"checked on the networks {', '.join(str(list(s)) for s in setting.family)} "
        + f"with activation {setting.activation} and cost {setting.cost}"
        + (" (Σ_k y_k = 1)" if setting.one_hot else "")
        + "; δ and ∂C/∂(…) by direct differentiation."
    )
    return {"words": words, "latex": to_latex(eq)}
