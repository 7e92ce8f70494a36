r"""A difference quotient for a derivative, ∂C/∂w_j ≈ (C(w + ε e_j) − C(w))/ε (seed 000, line 417).

Notes compare backpropagation with estimating each derivative by moving one weight a little. The
forward quotient (C(w + ε e_j) − C(w))/ε and the central one (C(w + ε e_j) − C(w − ε e_j))/(2ε) tend
to ∂C/∂w_j as ε → 0 by the definition of a partial derivative (errors O(ε) and O(ε²)): the claim holds
to first order when the moved entry e_j is the differentiated one. Moving another entry e_k estimates
∂C/∂w_k instead: refuted, with the exact limit of the quotient for a cost whose derivatives differ,
C(w) = Σ_i i w_i (∂C/∂w_i = i). Any other form (a missing sign, a divisor that is not ε or 2ε) is not read.

>>> difference_quotient(r"\frac{\partial C}{\partial w_j} \approx \frac{C(w + \epsilon e_j) - C(w)}{\epsilon}").status
'holds'
>>> difference_quotient(r"\frac{\partial C}{\partial w_i} \approx \frac{C(w + \epsilon e_j) - C(w)}{\epsilon}").diagnosis
'the index j should be i'
"""

from __future__ import annotations

import re

import sympy

from ..certificate import Counterexample
from .verdicts import VERDICT_OF, Verification

_EPS = r"(?:\\epsilon|\\varepsilon|h)"
_INDEX = r"(?:[a-z0-9]|\{[a-z0-9]\})"
_QUOTIENT = re.compile(
    rf"\\frac\{{\\partialC\}}\{{\\partial(?P<v>[a-z])_(?P<j>{_INDEX})\}}\\approx"
    rf"\\frac\{{C\((?P=v)\+(?P<e1>{_EPS})e_(?P<k>{_INDEX})\)-C\((?P=v)(?:-(?P<e2>{_EPS})e_(?P<k2>{_INDEX}))?\)\}}"
    rf"\{{(?P<two>2)?(?P<e3>{_EPS})\}}")
_READING = ("a difference quotient: as ε → 0 it tends to the derivative by the entry it moves (the definition of a "
            "partial derivative), so it approximates ∂C/∂{v}_{j} to first order exactly when it moves {v}_{j}")


def difference_quotient(formula: str) -> "Verification | None":
    r"""The verdict on ∂C/∂w_j ≈ (C(w + ε e_k) − C(w))/ε (or the central quotient), or None for other formulas.

    >>> difference_quotient(r"\frac{\partial C}{\partial w_j} \approx \frac{C(w + \epsilon e_j) C(w)}{\epsilon}") is None
    True
    """
    m = _QUOTIENT.fullmatch(re.sub(r"\s+", "", formula).rstrip(",."))
    if m is None or len({m["e1"], m["e2"] or m["e1"], m["e3"]}) != 1 or bool(m["e2"]) != bool(m["two"]):
        return None  # another ε in each place, or a central difference over ε (forward over 2ε): not read
    moved = {m["k"], m["k2"] or m["k"]}
    if len(moved) != 1:
        return None
    v, j, k = m["v"], m["j"].strip("{}"), m["k"].strip("{}")
    words = _READING.format(v=v, j=j)
    if j == k:
        return Verification(formula=formula, status="holds", verdict=VERDICT_OF["holds"],
                            reason=f"holds to first order in ε: {words}", interpretation={"words": words})
    return _refuted(formula, v, j, k, words)


def _refuted(formula: str, v: str, j: str, k: str, words: str) -> Verification:
    # C(w) = Σ_i i w_i over entries 1, 2: the quotient moving entry 2 tends to 2, ∂C/∂w_1 is 1
    eps = sympy.Symbol("epsilon", positive=True)
    w = sympy.symbols(f"{v}1:3", real=True)
    cost = sum((i + 1) * wi for i, wi in enumerate(w))
    limit = sympy.limit((cost.subs(w[1], w[1] + eps) - cost) / eps, eps, 0)
    derivative = sympy.diff(cost, w[0])
    cx = Counterexample(instance=f"{j} = 1, {k} = 2, C({v}) = {v}_1 + 2 {v}_2", layer=None, indices=(),
                        point={}, lhs=str(derivative), rhs=str(limit), lhs_value=float(derivative),
                        rhs_value=float(limit))
    return Verification(formula=formula, status="refuted", verdict=VERDICT_OF["refuted"], instances=1,
                        reason=(f"the quotient moves {v}_{k}, so as ε → 0 it tends to ∂C/∂{v}_{k}, not ∂C/∂{v}_{j}: "
                                f"with {j} = 1, {k} = 2 and C({v}) = {v}_1 + 2 {v}_2 the left side is {derivative}, "
                                f"the quotient's limit {limit} ({words})"),
                        interpretation={"words": words}, counterexample=cx, diagnosis=f"the index {k} should be {j}")
