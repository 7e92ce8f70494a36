r"""The claims: BP1–BP4, their matrix forms and the product formula.

Each formula is written once, as the notes write it, over a *quantities*
object ``q`` that supplies the network's matrices and vectors (exact
polynomials from ``derive``, or numbers at a point from ``pointwise``). The
right-hand sides here use only the ground truth of the quantities the formula
itself names (δ^{l+1} in BP2, ∇_a C in BP1); nothing is derived from them.

>>> m = Mat([[1, 2], [3, 4]])
>>> (m.T @ Mat.column([1, 1])).rows
[[4], [6]]
"""

from __future__ import annotations

from typing import Iterable, Sequence

from .errors import SymbpError


class ShapeError(SymbpError, ValueError):
    """Two matrices of a formula do not fit together (e.g. a missing transpose)."""


class Mat:
    """A small dense matrix over exact elements, or integers modulo ``mod``.

    Only what the formulas need: product, transpose, Hadamard product,
    diagonal matrices, sums and scalar multiples; shapes are checked and a
    mismatch raises ``ShapeError`` naming both shapes.
    """

    __slots__ = ("rows", "mod", "name")

    def __init__(self, rows: Sequence[Sequence], mod: int | None = None, name: str = ""):
        self.rows = [list(r) for r in rows]
        self.mod = mod
        self.name = name

    @classmethod
    def column(cls, values: Iterable, mod: int | None = None, name: str = "") -> "Mat":
        return cls([[v] for v in values], mod, name)

    @classmethod
    def diag(cls, column: "Mat", name: str = "") -> "Mat":
        """Σ'(z) = diag(σ'(z)) from a column vector."""
        if column.shape[1] != 1:
            raise ShapeError(f"diag needs a column vector, got a {column.shape_text} matrix")
        n = column.shape[0]
        zero = 0
        rows = [[column.rows[i][0] if i == j else zero for j in range(n)] for i in range(n)]
        return cls(rows, column.mod, name)

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), len(self.rows[0]) if self.rows else 0)

    @property
    def shape_text(self) -> str:
        r, c = self.shape
        label = f"{self.name} " if self.name else ""
        return f"{label}({r}×{c})"

    def _reduce(self, v):
        return v % self.mod if self.mod is not None else v

    def _with(self, rows, name="") -> "Mat":
        return Mat(rows, self.mod, name)

    @property
    def T(self) -> "Mat":
        r, c = self.shape
        name = f"({self.name})^T" if self.name else ""
        return self._with([[self.rows[i][j] for i in range(r)] for j in range(c)], name)

    def __matmul__(self, other: "Mat") -> "Mat":
        (r, n), (n2, c) = self.shape, other.shape
        if n != n2:
            raise ShapeError(
                f"cannot multiply {self.shape_text} by {other.shape_text}: {n} columns against {n2} rows"
            )
        rows = []
        for i in range(r):
            row = []
            for j in range(c):
                acc = 0
                for k in range(n):
                    a, b = self.rows[i][k], other.rows[k][j]
                    if _is_zero(a) or _is_zero(b):
                        continue
                    acc = acc + a * b
                row.append(self._reduce(acc))
            rows.append(row)
        return self._with(rows, f"{self.name} {other.name}".strip())

    def hadamard(self, other: "Mat") -> "Mat":
        if self.shape != other.shape:
            raise ShapeError(f"the Hadamard product ⊙ needs equal shapes, got {self.shape_text} and {other.shape_text}")
        return self._with(
            [[self._reduce(a * b) for a, b in zip(ra, rb)] for ra, rb in zip(self.rows, other.rows)],
            f"{self.name} ⊙ {other.name}",
        )

    def _elementwise(self, other: "Mat", op, symbol: str) -> "Mat":
        if self.shape != other.shape:
            raise ShapeError(f"cannot {symbol} {self.shape_text} and {other.shape_text}")
        return self._with([[self._reduce(op(a, b)) for a, b in zip(ra, rb)] for ra, rb in zip(self.rows, other.rows)])

    def __add__(self, other: "Mat") -> "Mat":
        return self._elementwise(other, lambda a, b: a + b, "add")

    def __sub__(self, other: "Mat") -> "Mat":
        return self._elementwise(other, lambda a, b: a - b, "subtract")

    def scale(self, c) -> "Mat":
        return self._with([[self._reduce(c * a) for a in r] for r in self.rows], self.name)

    def __neg__(self) -> "Mat":
        return self.scale(-1)

    def entries(self):
        """(row, column, value), 0-based."""
        for i, r in enumerate(self.rows):
            for j, v in enumerate(r):
                yield i, j, v

    def __repr__(self):
        return f"Mat{self.shape}"


def _is_zero(v) -> bool:
    if isinstance(v, int):
        return v == 0
    z = getattr(v, "is_zero", None)
    return z() if callable(z) else False


def outer(col: Mat, row_source: Mat) -> Mat:
    """col · (row_source)^T, both column vectors: δ (a^{l-1})^T."""
    return col @ row_source.T


# -- the equations (Nielsen's indexing; q supplies the quantities) ------------


def bp1(q, s: int = 1) -> Mat:
    r"""BP1: δ^L = ∇_a C ⊙ σ'(z^L)."""
    return q.nabla_a(s).hadamard(q.sigma_prime(q.L, s))


def bp1_matrix(q, s: int = 1) -> Mat:
    r"""BP1 in matrix form: δ^L = Σ'(z^L) ∇_a C."""
    return Mat.diag(q.sigma_prime(q.L, s)) @ q.nabla_a(s)


def bp2(q, l: int, s: int = 1) -> Mat:
    r"""BP2: δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l)."""
    return (q.W(l + 1).T @ q.delta(l + 1, s)).hadamard(q.sigma_prime(l, s))


def bp2_matrix(q, l: int, s: int = 1) -> Mat:
    r"""BP2 in matrix form: δ^l = Σ'(z^l) (w^{l+1})^T δ^{l+1}."""
    return Mat.diag(q.sigma_prime(l, s)) @ (q.W(l + 1).T @ q.delta(l + 1, s))


def bp3(q, l: int, s: int = 1) -> Mat:
    r"""BP3: ∂C/∂b^l_j = δ^l_j."""
    return q.delta(l, s)


def bp4(q, l: int, s: int = 1) -> Mat:
    r"""BP4: ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j, i.e. the matrix δ^l (a^{l-1})^T."""
    return outer(q.delta(l, s), q.a(l - 1, s))


def product_formula(q, l: int, s: int = 1) -> Mat:
    r"""δ^l = Σ'(z^l)(w^{l+1})^T Σ'(z^{l+1}) ⋯ (w^L)^T Σ'(z^L) ∇_a C."""
    out = Mat.diag(q.sigma_prime(q.L, s)) @ q.nabla_a(s)
    for m in range(q.L - 1, l - 1, -1):
        out = Mat.diag(q.sigma_prime(m, s)) @ (q.W(m + 1).T @ out)
    return out


def quadratic_nabla(q, s: int = 1) -> Mat:
    r"""BP1' (quadratic cost, Sokolinsky's Lemma 1): ∇_a C = a^L − y."""
    return q.a(q.L, s) - q.y(s)


def minibatch_weight_gradient(q, l: int) -> Mat:
    r"""Seed 001's "kuchařka": ∂C/∂w^l = (1/m) Σ_x δ^{x,l} (a^{x,l-1})^T."""
    total = None
    for s in q.samples:
        term = outer(q.delta(l, s, per_sample=True), q.a(l - 1, s))
        total = term if total is None else total + term
    return total.scale(q.fraction(1, len(q.samples)))


def minibatch_bias_gradient(q, l: int) -> Mat:
    r"""∂C/∂b^l = (1/m) Σ_x δ^{x,l}."""
    total = None
    for s in q.samples:
        term = q.delta(l, s, per_sample=True)
        total = term if total is None else total + term
    return total.scale(q.fraction(1, len(q.samples)))


def augmented_weight_gradient(q, l: int, s: int = 1) -> Mat:
    r"""Dyda: ∂L/∂W^{[l]} = δ^{[l]} (x^{[l-1]})^T with x_0 = 1 (bias column 0)."""
    x_aug = Mat.column([q.one] + [r[0] for r in q.a(l - 1, s).rows], q.mod)
    return outer(q.delta(l, s), x_aug)


def augmented_input_gradient(q, l: int, s: int = 1) -> Mat:
    r"""Dyda: ∂L/∂x^{[l-1]} = (W^{[l]})^T δ^{[l]}, rows j ≥ 1 (x_0 = 1 is a constant)."""
    full = q.W_augmented(l).T @ q.delta(l, s)
    return Mat(full.rows[1:], q.mod)
