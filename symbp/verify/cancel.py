r"""A term and its negative in one sum, taken out before either is expanded (review rv50 D1).

``δ + k X − k X`` with X = (δ^l_j)^8 (δ^l_j)^8 (δ^l_j)^8 (δ^l_j)^8 expanded X twice, a polynomial of degree 32 in
the network's atoms, only for the two to cancel: 30 s a formula. t − t = 0 is exact wherever t has a value, so
the pair may be left out of the sum, but only where t certainly has one: a product (or a positive power) of
factors that each evaluate to a number. Those factors are evaluated (cheap, and any error or undefined point
they carry is kept); the product is never expanded. Anything else (a quotient, a vector, ⋯) is summed as written.

>>> from symbp.verify.reader import read_claim
>>> eq = read_claim(r"\delta^l_j = \delta^l_j + 2 (\delta^l_j)^{8} - 2 (\delta^l_j)^{8}").equation
>>> opposite_pairs(eq.sides[1].terms)
(1, 2)
"""

from __future__ import annotations

from .context import evaluate
from .nodes import Apply, Cdots, Mul, Neg, Num, Pow
from .values import LayerOutOfRange, Mat, OutsideDomain, ShapeMismatch, Uninterpretable


def opposite_pairs(terms: tuple) -> tuple:
    """The positions of the terms that pair off as t and −t (written the same, the one negated), in order."""
    taken: list = []
    for k, t in enumerate(terms):
        if k in taken or not isinstance(t, Neg):
            continue
        twin = next((i for i, u in enumerate(terms) if i not in taken and i != k and u == t.arg), None)
        if twin is not None:
            taken += [twin, k]
    return tuple(sorted(taken))


def defined_number(node, ctx) -> bool:
    """Does ``node`` certainly evaluate to a number under ``ctx``, without expanding it? Products, positive powers
    and negatives of factors that each evaluate to a number (not a matrix) do; a factor that fails to evaluate
    says no (the sum as written then raises its own error)."""
    if isinstance(node, Num):
        return True
    if isinstance(node, Neg):
        return defined_number(node.arg, ctx)
    if isinstance(node, Mul) and not any(isinstance(f, Cdots) for f in node.factors):
        return all(defined_number(f, ctx) for f in node.factors)
    if isinstance(node, Pow) and node.exp >= 1 and not isinstance(node.base, Apply):
        return defined_number(node.base, ctx)
    try:
        return not isinstance(evaluate(node, ctx), Mat)
    except (Uninterpretable, ShapeMismatch, LayerOutOfRange, OutsideDomain):
        return False
