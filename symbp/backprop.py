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

    A matrix may be *lazy* (``Mat.lazy``): its entries are computed when
    asked for, so a prover can compare one entry of a weight-shaped matrix,
    drop it and go on, instead of holding every gradient at once. An outer
    product (inner dimension 1) and anything computed from a lazy matrix is
    lazy; a lazy vector keeps the entries it has computed (a formula reads
    δ^{l+1}_k again for every row), a lazy matrix keeps none. Reading
    ``rows`` computes and keeps every entry. Values are the same either way:
    each entry is the same sum of the same products, in the same order.

    >>> outer = Mat.column([1, 2]) @ Mat([[3, 4, 5]])
    >>> outer.is_lazy, outer.entry(1, 2), outer.rows
    (True, 10, [[3, 4, 5], [6, 8, 10]])
    """

    __slots__ = ("_rows", "_entry", "_shape", "mod", "name")

    def __init__(self, rows: Sequence[Sequence], mod: int | None = None, name: str = ""):
        self._rows = [list(r) for r in rows]
        self._entry = None
        self._shape = (len(self._rows), len(self._rows[0]) if self._rows else 0)
        self.mod = mod
        self.name = name

    @classmethod
    def lazy(cls, shape: tuple[int, int], entry, mod: int | None = None, name: str = "", keep: bool | None = None) -> "Mat":
        """A matrix whose entry (i, j), 0-based, is ``entry(i, j)``, computed when read.

        ``keep`` (default: for vectors) remembers each computed entry.
        """
        m = cls.__new__(cls)
        m._rows = None
        m._shape = (int(shape[0]), int(shape[1]))
        if keep is None:
            keep = 1 in m._shape
        if keep:
            memo: dict = {}

            def kept(i, j, entry=entry):
                key = (i, j)
                if key not in memo:
                    memo[key] = entry(i, j)
                return memo[key]

            m._entry = kept
        else:
            m._entry = entry
        m.mod = mod
        m.name = name
        return m

    @property
    def is_lazy(self) -> bool:
        return self._rows is None

    @property
    def rows(self) -> list:
        if self._rows is None:
            r, c = self._shape
            self._rows = [[self._entry(i, j) for j in range(c)] for i in range(r)]
        return self._rows

    def entry(self, i: int, j: int):
        """Entry (i, j), 0-based (computed now if the matrix is lazy)."""
        if self._rows is not None:
            return self._rows[i][j]
        return self._entry(i, j)

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
        if column.is_lazy:
            return cls.lazy((n, n), lambda i, j: column.entry(i, 0) if i == j else zero, column.mod, name)
        rows = [[column.rows[i][0] if i == j else zero for j in range(n)] for i in range(n)]
        return cls(rows, column.mod, name)

    @classmethod
    def hstack(cls, left: "Mat", right: "Mat", name: str = "") -> "Mat":
        """[left | right]: the columns of ``left``, then those of ``right``."""
        if left.shape[0] != right.shape[0]:
            raise ShapeError(f"cannot place {left.shape_text} beside {right.shape_text}: different numbers of rows")
        (r, c), mod = left.shape, left.mod
        if left.is_lazy or right.is_lazy:
            return cls.lazy((r, c + right.shape[1]), lambda i, j: left.entry(i, j) if j < c else right.entry(i, j - c), mod, name)
        return cls([a + b for a, b in zip(left.rows, right.rows)], mod, name)

    @property
    def shape(self) -> tuple[int, int]:
        return self._shape

    @property
    def shape_text(self) -> str:
        r, c = self.shape
        label = f"{self.name} " if self.name else ""
        return f"{label}({r}×{c})"

    def _reduce(self, v):
        return v % self.mod if self.mod is not None else v

    def _with(self, rows, name="") -> "Mat":
        return Mat(rows, self.mod, name)

    def _lazy_with(self, shape, entry, name="") -> "Mat":
        return Mat.lazy(shape, entry, self.mod, name)

    @property
    def T(self) -> "Mat":
        r, c = self.shape
        name = f"({self.name})^T" if self.name else ""
        if self.is_lazy:
            return self._lazy_with((c, r), lambda i, j: self.entry(j, i), name)
        return self._with([[self.rows[i][j] for i in range(r)] for j in range(c)], name)

    def __matmul__(self, other: "Mat") -> "Mat":
        (r, n), (n2, c) = self.shape, other.shape
        if n != n2:
            raise ShapeError(
                f"cannot multiply {self.shape_text} by {other.shape_text}: {n} columns against {n2} rows"
            )
        name = f"{self.name} {other.name}".strip()

        def entry(i, j):
            acc = 0
            for k in range(n):
                a, b = self.entry(i, k), other.entry(k, j)
                if _is_zero(a) or _is_zero(b):
                    continue
                acc = acc + a * b
            return self._reduce(acc)

        if n == 1 or self.is_lazy or other.is_lazy:
            return self._lazy_with((r, c), entry, name)
        return self._with([[entry(i, j) for j in range(c)] for i in range(r)], name)

    def hadamard(self, other: "Mat") -> "Mat":
        if self.shape != other.shape:
            raise ShapeError(f"the Hadamard product ⊙ needs equal shapes, got {self.shape_text} and {other.shape_text}")
        return self._elementwise(other, lambda a, b: a * b, "", f"{self.name} ⊙ {other.name}")

    def _elementwise(self, other: "Mat", op, symbol: str, name: str = "") -> "Mat":
        if self.shape != other.shape:
            raise ShapeError(f"cannot {symbol} {self.shape_text} and {other.shape_text}")
        if self.is_lazy or other.is_lazy:
            return self._lazy_with(self.shape, lambda i, j: self._reduce(op(self.entry(i, j), other.entry(i, j))), name)
        return self._with([[self._reduce(op(a, b)) for a, b in zip(ra, rb)] for ra, rb in zip(self.rows, other.rows)], name)

    def __add__(self, other: "Mat") -> "Mat":
        return self._elementwise(other, lambda a, b: a + b, "add")

    def __sub__(self, other: "Mat") -> "Mat":
        return self._elementwise(other, lambda a, b: a - b, "subtract")

    def scale(self, c) -> "Mat":
        if self.is_lazy:
            return self._lazy_with(self.shape, lambda i, j: self._reduce(c * self.entry(i, j)), self.name)
        return self._with([[self._reduce(c * a) for a in r] for r in self.rows], self.name)

    def __neg__(self) -> "Mat":
        return self.scale(-1)

    def entries(self):
        """(row, column, value), 0-based; a lazy matrix computes each when it is reached."""
        if self._rows is not None:
            for i, r in enumerate(self._rows):
                for j, v in enumerate(r):
                    yield i, j, v
            return
        r, c = self._shape
        for i in range(r):
            for j in range(c):
                yield i, j, self._entry(i, j)

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
