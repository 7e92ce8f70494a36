r"""The values of a formula: exact scalars (``algebra`` elements) and matrices.

Shapes are checked as values combine, and a mismatch is a ``ShapeMismatch``
naming both shapes: a refutation with a reason, never a crash. The
exceptions here are how interpretation reports what it cannot or must not do.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..algebra import Poly
from ..errors import SymbpError


class Uninterpretable(SymbpError, ValueError):
    """A formula that reads but means nothing symbp can check (say why)."""


class ShapeMismatch(Exception):
    """Shapes or indices that no convention makes sense of: a refutation with a reason."""


class LayerOutOfRange(Exception):
    """A layer binding under which the formula names a layer that does not exist.

    Such a binding is outside the formula's domain: it is reported with this reason, never
    silently dropped.
    """


class OutsideDomain(LayerOutOfRange):
    """An instance the formula does not speak of: a neuron number the network lacks (a_3 on two neurons), or
    Dyda's constant entry x_0 = 1 under ∂/∂x. Reported with the reason, never counted as a check."""


@dataclass
class Mat:
    """A matrix of algebra elements; a column vector has cols == 1."""

    rows: int
    cols: int
    entries: list  # list of rows
    variable_rows: int = 0  # 1 for ∂C/∂x of Dyda's augmented x = (1; a): row 0, the constant, is left out
    #: Dyda's bias column (a notation with ``bias_column``): row 0 / column 0 of this value is the bias index of a
    #: whole W (the column that meets x_0 = 1). Beside an operand one entry shorter there (a layer's δ, its
    #: activations, Σ'), W stands for its weight columns j ≥ 1, as the documents of ``symbp latex`` state: ``bias_fit``.
    bias_row: bool = False
    bias_col: bool = False

    @staticmethod
    def column(values: list) -> "Mat":
        return Mat(len(values), 1, [[v] for v in values])

    def T(self) -> "Mat":
        return Mat(self.cols, self.rows, [[self.entries[r][c] for r in range(self.rows)] for c in range(self.cols)],
                   bias_row=self.bias_col, bias_col=self.bias_row)

    def weights_only(self, axis: str) -> "Mat":
        """This value without its bias row (``axis`` "row") or bias column ("col"): W's weight columns j ≥ 1."""
        if axis == "row":
            return Mat(self.rows - 1, self.cols, self.entries[1:], bias_col=self.bias_col)
        return Mat(self.rows, self.cols - 1, [row[1:] for row in self.entries], bias_row=self.bias_row)

    def map(self, fn) -> "Mat":
        return Mat(self.rows, self.cols, [[fn(v) for v in row] for row in self.entries], bias_row=self.bias_row,
                   bias_col=self.bias_col)

    @property
    def shape(self) -> str:
        if self.cols == 1:
            return f"a column vector of {self.rows}"
        if self.rows == 1:
            return f"a row vector of {self.cols}"
        return f"a {self.rows}×{self.cols} matrix"


def shape_of(v) -> str:
    return v.shape if isinstance(v, Mat) else "a scalar"


def _said(what) -> str:
    # Messages name the place in the formula; it is printed only when something is wrong.
    return what() if callable(what) else what


def _variable_rows(lv, rv):
    """∂C/∂x of Dyda's x = (1; a) has the rows x_1 … x_n: the other side's row 0 (the constant) is left out.
    Likewise a side with W's bias index beside a side one entry shorter there (``bias_fit``)."""
    for a, b, swap in ((lv, rv, False), (rv, lv, True)):
        if isinstance(a, Mat) and a.variable_rows and isinstance(b, Mat) and b.rows == a.rows + 1 and b.cols == a.cols:
            b = Mat(a.rows, b.cols, b.entries[1:])
            return (b, a) if swap else (a, b)
    return bias_fit(lv, rv)


def bias_fit(a, b):
    """(a, b), where one is a value with Dyda's bias index (``Mat.bias_row``/``bias_col``: (W^{[l]})^T δ^{[l]} has
    n + 1 rows, row 0 the bias column's) and the other is one entry shorter there and the same in the other
    direction: that one without its bias row or column, so W stands for its weight columns j ≥ 1 (review rv48 B2:
    ((W^{[l+1]})^T δ^{[l+1]}) ⊙ φ'(net^{[l]}), which ``symbp latex`` prints as Theorem BP2 in Dyda's notation,
    was refuted for its shapes). Nothing else changes: any other shape is left to the caller to refuse."""
    if not (isinstance(a, Mat) and isinstance(b, Mat)):
        return a, b
    for x, y, swap in ((a, b, False), (b, a, True)):
        if x.bias_row and (x.rows, x.cols) == (y.rows + 1, y.cols):
            x = x.weights_only("row")
        elif x.bias_col and (x.rows, x.cols) == (y.rows, y.cols + 1):
            x = x.weights_only("col")
        else:
            continue
        return (y, x) if swap else (x, y)
    return a, b


def _lift(a, b, op: str, what):
    if isinstance(a, Mat) and isinstance(b, Mat):
        if (a.rows, a.cols) != (b.rows, b.cols):
            raise ShapeMismatch(f"{_said(what)}: cannot {op} {a.shape} and {b.shape}")
        return Mat(a.rows, a.cols, [[x for x in row] for row in a.entries]), b
    if isinstance(a, Mat) or isinstance(b, Mat):
        raise ShapeMismatch(f"{_said(what)}: cannot {op} {shape_of(a)} and {shape_of(b)}")
    return a, b


def _broadcast_constant(a, b):
    # "1 - a^L" in notes means the vector of ones minus a^L: only a number broadcasts.
    def ones(m: Mat, c):
        return Mat(m.rows, m.cols, [[c for _ in range(m.cols)] for _ in range(m.rows)])

    if isinstance(a, Mat) and isinstance(b, Poly) and not b.gens():
        return a, ones(a, b)
    if isinstance(b, Mat) and isinstance(a, Poly) and not a.gens():
        return ones(b, a), b
    return a, b


def one_entry(a, b) -> tuple:
    """(a, b) with a 1 × 1 matrix beside a number read as that number: the vector of a layer of one neuron is a
    number (C = ½(y − a^L)² with one output)."""
    if isinstance(a, Mat) == isinstance(b, Mat):
        return a, b
    return tuple(m.entries[0][0] if isinstance(m, Mat) and (m.rows, m.cols) == (1, 1) else m for m in (a, b))


def _elementwise(a, b, fn):
    if isinstance(a, Mat):
        return Mat(a.rows, a.cols, [[fn(x, y) for x, y in zip(ra, rb)] for ra, rb in zip(a.entries, b.entries)])
    return fn(a, b)


def multiply(a, b, what, one_output: bool = False):
    r"""``a`` times ``b`` (numbers, matrices). With ``one_output`` (a network with one output neuron and no other
    layer of one) a 1 × 1 matrix is an output vector, a number: beside a row or a column it does not fit it scales
    it, so ``(a^{L-1})^T \delta^L`` is the row δ^L (a^{L-1})^T (review 19 M2). Where the shapes fit nothing
    changes."""
    if not isinstance(a, Mat) and not isinstance(b, Mat):
        return a * b
    if not isinstance(a, Mat):
        return b.map(lambda x: a * x)
    if not isinstance(b, Mat):
        return a.map(lambda x: x * b)
    if a.cols == b.rows + 1 and a.bias_col:  # W^{[l]} beside n entries: its weight columns j ≥ 1 (``bias_fit``)
        a = a.weights_only("col")
    elif b.rows == a.cols + 1 and b.bias_row:  # Σ'(net^{[l]}) (W^{[l+1]})^T: the same, transposed
        b = b.weights_only("row")
    if a.cols != b.rows and one_output and (1, 1) in ((a.rows, a.cols), (b.rows, b.cols)):
        number, m = (a.entries[0][0], b) if (a.rows, a.cols) == (1, 1) else (b.entries[0][0], a)
        return m.map(lambda x: number * x)
    if a.cols != b.rows:
        raise ShapeMismatch(f"{_said(what)}: {a.shape} times {b.shape} does not multiply")
    out = [[sum((a.entries[r][k] * b.entries[k][c] for k in range(a.cols)), Poly()) for c in range(b.cols)]
           for r in range(a.rows)]
    if a.rows == 1 and b.cols == 1:
        return out[0][0]  # a row times a column is a number
    return Mat(a.rows, b.cols, out, bias_row=a.bias_row, bias_col=b.bias_col)  # (W^{[l]})^T δ^{[l]} keeps the bias row
