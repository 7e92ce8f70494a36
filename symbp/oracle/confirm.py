r"""Confirming a refutation with the oracle, and the oracle in the ground truth's place.

A refutation is issued only after the oracle, at the counterexample's point
and with the same concrete σ, finds the two sides different. ``confirm``
evaluates the two sides from ``OracleQuantities`` (any identity of the
catalogue: ``ident.compare(q)``) and says ``differ``, ``agree``, ``mismatch``
(different, but not with the caller's values) or ``unknown`` (the oracle
could not answer: a relu kink, an undefined cost, its budget).

For text read by ``symbp verify``, whose formulas are evaluated over
``derive.GroundTruth``, ``OracleGroundTruth`` stands in for the ground truth:
every derivative it gives is the oracle's number (as an exact constant), and
``element_value`` evaluates the resulting element with the oracle's atom
values. Nothing of ``derive`` is used on this route.

>>> from fractions import Fraction
>>> from symbp.network import network
>>> net = network([1, 1], "sigmoid")
>>> pt = {("x", 1, 1): 1, ("y", 1, 1): 0, ("w", 2, 1, 1): Fraction(1, 2), ("b", 2, 1): 0}
>>> confirm(net, pt, lambda q: (q.delta(2).rows[0][0], q.dC_db(2).rows[0][0])).verdict
'agree'
>>> confirm(net, pt, lambda q: (q.delta(2).rows[0][0], 2 * q.dC_db(2).rows[0][0])).verdict
'differ'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from ..algebra import Poly, RatFunc
from ..network import Network
from .numeric import DIGITS, Oracle, OracleError
from .quantities import OracleQuantities

#: Two oracle values differ when they are this far apart (relative to 1 + |l| + |r|):
#: far above the oracle's 10^-50, far below any real difference at a small rational point.
TOLERANCE_DIGITS = DIGITS - 10

#: Seconds one confirmation may take.
BUDGET = 20.0


@dataclass(frozen=True)
class Confirmation:
    """What the oracle found at one point, with the reason when it is not ``differ``.

    ``differ``: the two sides differ (with the caller's values, if given); ``agree``: they are
    equal; ``mismatch``: they differ, but the caller's values are not the oracle's; ``unknown``:
    the oracle cannot evaluate this point (a relu kink, an undefined cost, its budget).
    """

    verdict: str
    lhs: str = ""
    rhs: str = ""
    reason: str = ""

    @property
    def confirmed(self) -> bool:
        """True when the oracle finds the two sides different (and, if asked, with the caller's values)."""
        return self.verdict == "differ"

    def describe(self) -> str:
        """One line for a counterexample: what the oracle computed."""
        return f"the independent oracle ({DIGITS} digits, numeric differentiation) gives left {self.lhs}, right {self.rhs}"


def differ(oracle: Oracle, lv, rv) -> bool:
    """True when two oracle values are different beyond the oracle's error."""
    mp = oracle.mp
    lv, rv = _mp(mp, lv), _mp(mp, rv)
    return abs(lv - rv) > mp.mpf(10) ** -TOLERANCE_DIGITS * (1 + abs(lv) + abs(rv))


def confirm(net: Network, point, sides: Callable, *, generic: str = "polynomial", expect: tuple | None = None,
            budget: float = BUDGET) -> Confirmation:
    r"""Evaluate ``sides(q) -> (lhs, rhs)`` with ``q = OracleQuantities(net, point)`` and compare.

    ``expect``: the (lhs, rhs) values the caller's own evaluation found; when
    given, a difference is confirmed only if the oracle's values match them
    too (else the ground truth and the oracle disagree: ``unknown``, a bug).
    """
    try:
        q = OracleQuantities(net, point, generic=generic, budget=budget)
        lv, rv = sides(q)
        mp = q.oracle.mp
        lv, rv = _mp(mp, lv), _mp(mp, rv)
    except (OracleError, ArithmeticError, ValueError) as exc:  # ValueError: SymbpErrors of reading the sides
        return Confirmation("unknown", reason=f"the independent oracle cannot evaluate this point: {exc}")
    shown = dict(lhs=mp.nstr(lv, 25), rhs=mp.nstr(rv, 25))
    if not differ(q.oracle, lv, rv):
        return Confirmation("agree", reason="the independent oracle finds the two sides equal at this point "
                            f"(left {shown['lhs']}, right {shown['rhs']}): symbp's ground truth disagrees with it", **shown)
    if expect is not None:
        el, er = (_mp(mp, v) for v in expect)
        if differ(q.oracle, el, lv) or differ(q.oracle, er, rv):
            return Confirmation("mismatch", reason=(
                f"symbp's ground truth gives left {mp.nstr(el, 25)}, right {mp.nstr(er, 25)} at this point but the "
                f"independent oracle gives left {shown['lhs']}, right {shown['rhs']}"), **shown)
    return Confirmation("differ", **shown)


def _mp(mp, v):
    if isinstance(v, Fraction):
        return mp.mpf(v.numerator) / v.denominator
    return mp.mpf(v)


# -- the oracle in the ground truth's place ---------------------------------------------


class _Unbounded:
    def check(self, element=None) -> None:  # the oracle keeps its own deadline
        return None


class OracleGroundTruth:
    """``derive.GroundTruth``'s interface (``d_cost``, ``d_node``, ``delta``, …) answered by the oracle.

    Values are exact constants (the oracle's binary numbers as fractions), so
    code written over the ground truth's elements runs unchanged; evaluate
    its results with ``element_value``.
    """

    def __init__(self, oracle: Oracle, net: Network):
        self.oracle = oracle
        self.net = net
        self.model = net.atoms
        self.budget = _Unbounded()
        self._nodes: list[tuple] = []  # (element, key) of every z and a of the network
        for s in net.samples:
            for l in net.layers:
                for j in range(1, net.n(l) + 1):
                    self._nodes.append((self.model.Z[s][l][j - 1], ("z", s, l, j)))
                    self._nodes.append((self.model.A[s][l][j - 1], ("a", s, l, j)))

    def _const(self, v) -> Poly:
        man, exp = v.man_exp if v else (0, 0)  # mpmath's man_exp is the mantissa's magnitude: the sign is separate
        return Poly.const((-1 if v < 0 else 1) * Fraction(man) * Fraction(2) ** exp)

    def d_cost(self, seed: tuple, *, sample: int | None = None) -> Poly:
        return self._const(self.oracle.derivative(("C",) if sample is None else ("C", sample), seed))

    def d_node(self, element, seed: tuple) -> Poly:
        return self._const(self.oracle.derivative(self._key(element), seed))

    def delta(self, l: int, j: int, s: int = 1, *, per_sample: bool = False) -> Poly:
        return self.d_cost(("z", s, l, j), sample=s if per_sample else None)

    def nabla_a(self, j: int, s: int = 1, *, l: int | None = None) -> Poly:
        return self.d_cost(("a", s, l or self.net.L, j))

    def dw(self, l: int, j: int, k: int) -> Poly:
        return self.d_cost(("w", l, j, k))

    def db(self, l: int, j: int) -> Poly:
        return self.d_cost(("b", l, j))

    def _key(self, element) -> tuple:
        for node, key in self._nodes:
            if _same(node, element):
                return key
        if isinstance(element, Poly) and len(element.terms) == 1:
            ((mono, c),) = element.monomials()
            if c == 1 and len(mono) == 1 and mono[0][1] == 1:
                key = self.model.keys[mono[0][0]]
                if key[0] in ("x", "w", "b"):
                    return key
        raise OracleError("the oracle differentiates the network's nodes (z, a) and leaves, and this is neither")


def _same(a, b) -> bool:
    if isinstance(a, Poly) and isinstance(b, Poly):
        return a.terms == b.terms
    if isinstance(a, RatFunc) and isinstance(b, RatFunc):
        return a.num.terms == b.num.terms and a.den.terms == b.den.terms
    return False


def element_value(oracle: Oracle, element, net: Network):
    """An element over ``net.atoms`` evaluated with the oracle's values of the atoms."""
    mp = oracle.mp
    if isinstance(element, RatFunc):
        return element_value(oracle, element.num, net) / element_value(oracle, element.den, net)
    if not isinstance(element, Poly):
        return _mp(mp, Fraction(element))
    keys = net.atoms.keys
    total = mp.zero
    for mono, c in element.monomials():
        term = _mp(mp, Fraction(c))
        for g, e in mono:
            term *= oracle.atom_value(keys[g]) ** e
        total += term
    return total
