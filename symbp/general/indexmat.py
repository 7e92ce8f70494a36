r"""Matrices of symbolic shape, written as index sums (never ``MatrixSymbol``).

SymPy's ``MatrixSymbol`` calculus is unreliable in 1.14 for derivatives
through Hadamard products and elementwise functions, so the matrix forms of
the proofs (Σ'(z^l)(w^{l+1})^T δ^{l+1}, ...) are built from a shape and an
entry function: a product is an explicit ``Sum`` over the inner index, and a
product of mismatched symbolic shapes raises ``ShapeError`` naming them.

>>> import sympy
>>> n, m = sympy.symbols("n m", integer=True, positive=True)
>>> W = Mat(m, n, lambda i, j: sympy.IndexedBase("w")[i, j], "w")
>>> v = vector(sympy.IndexedBase("d"), m, "d")
>>> (W.T @ v).entry(sympy.Symbol("j"), 1)
Sum(d[_k]*w[_k, j], (_k, 1, m))
>>> W @ v
Traceback (most recent call last):
...
symbp.general.indexmat.ShapeError: w is m×n but d has m rows: the product is undefined unless n = m
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy
from sympy import KroneckerDelta, Sum

from ..errors import IdentityError


class ShapeError(IdentityError):
    """A matrix product whose inner sizes differ (for symbolic sizes)."""


@dataclass(frozen=True)
class Mat:
    """A matrix of symbolic shape, given by its (i, j) entry as a SymPy expression."""

    rows: sympy.Expr
    cols: sympy.Expr
    entry: Callable
    name: str

    @property
    def T(self) -> "Mat":
        return Mat(self.cols, self.rows, lambda i, j: self.entry(j, i), f"({self.name})^T")

    def __matmul__(self, other: "Mat") -> "Mat":
        if sympy.simplify(self.cols - other.rows) != 0:
            raise ShapeError(
                f"{self.name} is {self.rows}×{self.cols} but {other.name} has {other.rows} rows: "
                f"the product is undefined unless {self.cols} = {other.rows}"
            )

        def entry(i, j):
            k = _fresh_index(self.entry(i, j) * other.entry(i, j) * i * j)
            return Sum(self.entry(i, k) * other.entry(k, j), (k, 1, self.cols))

        return Mat(self.rows, other.cols, entry, f"{self.name} {other.name}")


def _fresh_index(expr) -> sympy.Dummy:
    # A summation index whose printed name is not already in use, so that
    # nested products read Σ_k Σ_m ... rather than Σ_k Σ_k.
    used = {s.name for s in expr.free_symbols | expr.atoms(sympy.Dummy)}
    name = next(c for c in ("k", "m", "s", "t", "u", "v", "p", "q") if c not in used)
    return sympy.Dummy(name, integer=True, positive=True)


def vector(base, n, name) -> Mat:
    return Mat(n, sympy.Integer(1), lambda i, j: base[i], name)


def diag_prime(m, z, n, name) -> Mat:
    """Σ'(z) = diag σ'(z)."""
    return Mat(n, n, lambda i, j: KroneckerDelta(i, j) * m.sigma_prime(z[i]), name)


def bp2_matrix(m, next_vector) -> Mat:
    """Σ'(z^l) (w^{l+1})^T v for a vector v of layer l+1."""
    W = Mat(m.n_next, m.n, lambda i, j: m.w_next[i, j], "w^{l+1}")
    return diag_prime(m, m.z, m.n, "Σ'(z^l)") @ W.T @ vector(next_vector, m.n_next, str(next_vector))
