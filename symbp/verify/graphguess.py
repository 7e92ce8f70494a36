r"""Names whose shape the notes never say, read as vectors and matrices by the products they stand in.

Notes that write ``g = x W``, ``h = \tanh(g)``, ``u = h V`` and no sentence about sizes leave open whether x, W, g,
… are numbers, vectors or matrices; symbp first reads a name without entries or words as a number. When that
reading makes the definitions contradict each other (``u_i`` written in the prose makes u a vector, which a product
of numbers cannot be), the model is built again in the *vector reading* (``graphbuild.build``): in a product of a
definition, a single lowercase letter beside a matrix is a vector (a row on its left, ``x W``; a column on its
right, ``W x``), one after a row vector is a column (``A = h u``: a number, as the output neuron's sum), one before
a column a row, and a single capital letter beside a vector or another open name is a matrix. A reading that makes
the loss (L, C, E, J) anything but a number is no reading (``loss_is_number``). Only when both readings
contradict each other do the notes (exit 2). Notes whose formulas transpose, multiply entrywise or take a norm
(``speaks_of_vectors``) are read in the vector reading first, numbers second. The sizes stay open (tried at 2
and 3, ``graphshapes``).

>>> from symbp.verify.graphmodel import Model, Quantity, Sym
>>> m = Model(vector_reading=True)
>>> m.quantities.update({"x": Quantity("x", 0), "W": Quantity("W", 0)})
>>> m.open_ranks = {"x", "W"}
>>> [(sym.base, shape) for sym, shape in guessed_shapes(m, Sym("x"), Sym("W"), ("s",), ("s",))]
[('x', ('v', 'row', None)), ('W', ('m', None, None))]
"""

from __future__ import annotations

from .graphmodel import LOSS_NAMES, Div, Had, Mat, Model, Mul, Neg, Norm, Sym, T
from .graphnodes import walk
from .graphsubnames import written_letter


def _open(m: Model, node) -> str:
    """'lower' or 'upper' for a bare single letter the notes give no shape (still a number), else ''."""
    letter = written_letter(node.base) if isinstance(node, Sym) else ""  # W_1, a name of its own: as W
    if not (isinstance(node, Sym) and not node.sub and len(letter) == 1 and letter.isalpha()):
        return ""
    name = m.canonical(node.base)
    q = m.quantities.get(name)
    if (q is None or q.rank != 0 or name not in m.open_ranks or name in LOSS_NAMES or name in m.functions):
        return ""
    return "upper" if letter.isupper() else "lower"


def flipped(shape):
    """The shape of the transpose of a thing of ``shape`` (``graphshapes``' shapes)."""
    if shape is None or shape[0] == "s":
        return shape
    if shape[0] == "v":
        return ("v", {"row": "col", "col": "row"}.get(shape[1]), shape[2])
    return ("m", shape[2], shape[1])


def is_number(node) -> bool:
    r"""Whether ``node`` is a number written with no name (2, \frac{1}{2}, -3, 0.5)."""
    return not any(isinstance(n, Sym) for n in walk(node)) and not isinstance(node, (T, Had, Norm, Mat))


def scaled(node) -> tuple:
    r"""(what ``node`` transposes or scales, whether an odd number of transposes): ``W^T`` is W transposed, ``2 W``,
    ``-W`` and ``\frac{W}{2}`` are W scaled (a number times W has W's shape); anything else is itself."""
    odd = False
    while True:
        if isinstance(node, T):
            node, odd = node.arg, not odd
        elif isinstance(node, Neg):
            node = node.arg
        elif isinstance(node, Div) and is_number(node.den):
            node = node.num
        elif isinstance(node, Mul) and sum(not is_number(f) for f in node.factors) == 1:
            node = next(f for f in node.factors if not is_number(f))
        else:
            return node, odd


def open_letter(m: Model, node) -> bool:
    """Whether ``node`` is a bare single letter the notes give no shape (a number until a product says more)."""
    return bool(_open(m, node))


def guessed_shapes(m: Model, left, right, a, b) -> list:
    """[(symbol, shape)] the vector reading gives the open names of the product ``left right`` whose shapes are
    ``a`` and ``b`` (``graphshapes``: ("s",), ("v", orient, n), ("m", rows, cols)); [] outside that reading. A
    transposed open name (``x W^T``, ``W^T x``) is guessed as the product needs its transpose, the name itself
    the transpose of that (issue 12: W^T was never guessed, and the notes read as numbers)."""
    if not m.vector_reading:
        return []
    (left, flip_l), (right, flip_r) = scaled(left), scaled(right)
    out = _guessed(m, left, right, a, b)
    out = [(sym, flipped(shape) if (flip_l if sym is left else flip_r) else shape) for sym, shape in out]
    for sym, shape in out:
        name = m.canonical(sym.base)
        m.guessed[name] = "a matrix" if shape[0] == "m" else f"a {'row' if shape[1] == 'row' else 'column'} vector"
    return out


def _guessed(m: Model, left, right, a, b) -> list:
    """``guessed_shapes`` of the product ``left right`` as written (left and right seen through their transposes,
    their shapes ``a``, ``b`` those of what is multiplied)."""
    kind_l, kind_r = _open(m, left), _open(m, right)
    out = []
    if kind_l and b is not None and b[0] == "m":  # x W: x a row of W's rows; A W: a matrix
        out.append((left, ("v", "row", b[1]) if kind_l == "lower" else ("m", None, b[1])))
    elif kind_r and a is not None and a[0] == "m":  # W x: x a column of W's columns
        out.append((right, ("v", "col", a[2]) if kind_r == "lower" else ("m", a[2], None)))
    elif kind_r == "upper" and a is not None and a[0] == "v" and a[1] == "row":  # h V, h a row: V a matrix
        out.append((right, ("m", a[2], None)))
    elif kind_l == "upper" and b is not None and b[0] == "v" and b[1] == "col":  # W x, x a column: W a matrix
        out.append((left, ("m", None, b[2])))
    elif kind_r == "lower" and a is not None and a[0] == "v" and a[1] == "row":  # h u, h a row: u a column (a number)
        out.append((right, ("v", "col", a[2])))
    elif kind_l == "lower" and b is not None and b[0] == "v" and b[1] == "col":  # u^T-less u y, y a column: u a row
        out.append((left, ("v", "row", b[2])))
    elif kind_l == "lower" and kind_r == "upper":  # x W, neither said: a row and a matrix
        out += [(left, ("v", "row", None)), (right, ("m", None, None))]
    elif kind_l == "upper" and kind_r == "lower":  # W x: a matrix and a column
        out += [(left, ("m", None, None)), (right, ("v", "col", None))]
    return out


def loss_is_number(m: Model) -> str:
    """'' when every loss letter of the model is a number, else why not (the vector reading is then dropped)."""
    for name in LOSS_NAMES:
        q = m.quantities.get(name)
        if q is not None and q.rank and name not in m.functions:
            return f"the vector reading makes the loss {q.describe()}"
    return ""


def speaks_of_vectors(eqs) -> bool:
    r"""Whether the formulas transpose, multiply entrywise or take a norm (``V^T``, ``\odot``, ``\|u - t\|``):
    notes that do speak of vectors and matrices, so the vector reading is tried first (as numbers, ``h^T`` and
    ``\frac{\partial L}{\partial h} \odot (1 - h^2)`` would make claims about vectors hold or fail as numbers)."""
    return any(isinstance(n, (T, Had, Norm)) for eq in eqs for n in walk(eq))


def guessed_words(m: Model) -> str:
    """The model's note on the vector reading ('' outside it)."""
    if not m.guessed:
        return ""
    named = ", ".join(f"{name} {what}" for name, what in sorted(m.guessed.items()))
    return (f"read as vectors and matrices by the products they stand in ({named}): the notes never say, and as "
            "numbers their definitions would contradict each other")


__all__ = ["guessed_shapes", "guessed_words", "is_number", "loss_is_number", "open_letter", "scaled",
           "speaks_of_vectors"]
