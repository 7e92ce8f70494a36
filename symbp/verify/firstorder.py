r"""A first-order change of the cost, ΔC ≈ X Δz_i^{(l)}: the claim ∂C/∂z_i^{(l)} = X (seed 002, line 33).

Notes motivate δ by how much the cost moves when one quantity moves a little: ΔC ≈ (∂C/∂z_i) Δz_i. By
Taylor's theorem ΔC = (∂C/∂q) Δq + o(Δq) when the one entry q alone changes, so ΔC ≈ X Δq holds for every
small Δq exactly when X = ∂C/∂q: the statement is checked as that equation, whose verdict it takes. Only one
term X Δq with q one entry (a subscript: z_i^{(l)}, w_{jk}^l) is read; a sum of such terms, a change of a
whole vector (whose product with X depends on a layout) or a ΔC beside another cost letter is left unread.

>>> as_derivative(r"\Delta C \approx \frac{\partial C}{\partial z_i^{(l)}} \Delta z_i^{(l)}")
'\\frac{\\partial C}{\\partial z_i^{(l)}} = \\frac{\\partial C}{\\partial z_i^{(l)}}'
>>> as_derivative(r"\Delta C \approx \sum_j \frac{\partial C}{\partial z_j} \Delta z_j") is None
True
"""

from __future__ import annotations

import re

from .diffquotient import difference_quotient
from .verdicts import replaced, Verification

_SCRIPT = r"(?:_\{[^{}]+\}|_[A-Za-z0-9])"
_LAYER = r"(?:\^\{[^{}]+\}|\^[A-Za-z0-9])"
#: one entry of a quantity: a letter, a subscript and at most one layer superscript, in either order
_ENTRY = rf"[A-Za-z](?:{_SCRIPT}{_LAYER}?|{_LAYER}{_SCRIPT})"
_CHANGE = re.compile(rf"\\Delta\s*C\s*\\approx\s*(?P<factor>.+?)\s*(?:\\cdot\s*)?\\Delta\s*(?P<entry>{_ENTRY})")
#: what the factor X may not hold: another change, a sum of terms, a second relation
_OTHER_TERMS = re.compile(r"\\Delta|\\sum|\\approx|=|[+-]")
_GROUP = re.compile(r"\{[^{}]*\}")
_READING = ("a first-order change of the cost: ΔC ≈ X Δq holds for every small change Δq of q alone exactly when "
            "X = ∂C/∂q (Taylor: ΔC = ∂C/∂q Δq + o(Δq)); checked as ")


def as_derivative(formula: str) -> "str | None":
    r"""The equation ∂C/∂q = X that ΔC ≈ X Δq states, or None for any other formula.

    >>> as_derivative(r"\Delta C \approx \delta^l_j \Delta z^l_j")
    '\\frac{\\partial C}{\\partial z^l_j} = \\delta^l_j'
    """
    m = _CHANGE.fullmatch(formula.strip().rstrip(",."))
    if m is None or other_cost(formula) or _OTHER_TERMS.search(_outer(m["factor"])) or not m["factor"]:
        return None
    return rf"\frac{{\partial C}}{{\partial {m['entry']}}} = {m['factor']}"


def other_cost(formula: str) -> str:
    r"""The other letter a first-order change differentiates, ΔC ≈ ∂c/∂q Δq: c; '' for any other formula.

    Such a statement is the notes' evidence that c is their cost C (``names.cost_letter_alias``): judging it by that
    same evidence would prove nothing, so it is not judged.

    >>> other_cost(r"\Delta C \approx \frac{\partial c}{\partial z_i^{(l)}} \Delta z_i^{(l)}")
    'c'
    """
    m = _CHANGE.fullmatch(formula.strip().rstrip(",."))
    letter = re.match(r"\\frac\s*\{\s*\\partial\s*([A-Za-z])\s*\}", m["factor"]) if m else None
    return letter[1] if letter and letter[1] != "C" else ""


def reads(formula: str) -> bool:
    r"""Is ``formula`` a first-order statement this module judges (ΔC ≈ X Δq, or a difference quotient)?

    >>> reads(r"\frac{\partial C}{\partial w_j} \approx \frac{C(w + \epsilon e_j) - C(w)}{\epsilon}")
    True
    """
    return as_derivative(formula) is not None or difference_quotient(formula) is not None


def _outer(text: str) -> str:
    # the text outside braces: a sign in z^{(l-1)} is no second term, one outside is
    while _GROUP.search(text):
        text = _GROUP.sub("", text)
    return text


def first_order(formula: str, verify) -> "Verification | None":
    r"""The verdict on ΔC ≈ X Δq: that of ∂C/∂q = X (``verify`` checks it), quoted as written; on a difference
    quotient ∂C/∂w_j ≈ (C(w + ε e_j) − C(w))/ε (``diffquotient``); None otherwise."""
    quotient = difference_quotient(formula)
    if quotient is not None:
        return quotient
    stated = as_derivative(formula)
    if stated is None:
        return None
    result = verify(stated)
    words = _READING + stated
    return replaced(result, formula=formula, reason=f"{result.reason} ({words})" if result.reason else words,
                    corrected="", interpretation=dict(result.interpretation, words=words, latex=stated))
