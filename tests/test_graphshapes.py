"""Shapes in graph notes: a matrix of one row times a column is a number, as it is evaluated (review 20 F6: with V a
1×2 matrix, u = V h was taken for a 1-vector and then found a scalar, and the notes were called contradictory)."""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

NOTES = ("Let $x$ be a column vector of length 3, $W$ a $2 \\times 3$ matrix and $V$ a $1 \\times 2$ matrix.\n"
         "$$g = W x, \\quad h = \\sigma(g), \\quad u = V h, \\quad L = \\frac{1}{2}(u - t)^2$$\n")


def _truth() -> dict:
    """By direct differentiation with σ generic: ∂L/∂u = u − t, ∂L/∂h = Vᵀ(u − t) (a column, h's shape)."""
    v = sympy.Matrix(1, 2, sympy.symbols("v1:3"))
    t, u_ = sympy.symbols("t u")
    hs = sympy.Matrix(sympy.symbols("h1:3"))  # h = σ(W x): L depends on h through u only
    L = sympy.Rational(1, 2) * ((v * hs)[0] - t) ** 2
    grad_h = sympy.Matrix([sympy.diff(L, e) for e in hs])
    assert sympy.simplify(grad_h - v.T * ((v * hs)[0] - t)) == sympy.zeros(2, 1)
    assert sympy.diff(sympy.Rational(1, 2) * (u_ - t) ** 2, u_) == u_ - t
    return {"t - u": "refuted", "u - t": "holds", "V^T (u - t)": "holds"}


@pytest.mark.parametrize("claim, right", [
    (r"\frac{\partial L}{\partial u} = u - t", "u - t"),
    (r"\frac{\partial L}{\partial u} = t - u", "t - u"),
    (r"\frac{\partial L}{\partial h} = V^T (u - t)", "V^T (u - t)"),
])
def test_a_one_row_matrix_times_a_column_is_a_number(claim, right):
    (row,) = [r for r in verify_text(NOTES + f"$${claim}$$\n", "auto").rows if r.formula.text == claim]
    assert row.result.status == _truth()[right], row.result.reason
