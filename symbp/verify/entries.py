r"""One entry of a bracketed vector or matrix expression: ``(a^L - y)_j``, ``((w^{l+1})^T \delta^{l+1})_j``,
``(\delta^l (a^{l-1})^T)_{jk}``.

The bracket is evaluated as it is written, in the notes' own orientation (a layout in force turns the gradients
inside it, not the entry: ``(\delta^l (a^{l-1})^T)_{jk}`` is row j, column k of that product in every layout), and
the entry is read from its value: one index of a vector (a column's row, a row's column), two of a matrix (row,
then column). The indices range over the shape the bracket has on each network (``entry_slots``, for
``instances``). Whether the bracket is a number, a vector or a matrix does not depend on the network: on a network
with a layer of one neuron, where a column of that layer is 1 × 1, it is decided on the same network with every
layer of at least two. An entry index on a number, two on a vector or one on a matrix is uninterpretable, with the
reason.

>>> from symbp.verify import verify
>>> verify(r"(a^L - y)_j = \frac{\partial C}{\partial a^L_j}").status
'holds'
>>> verify(r"(\delta^l (a^{l-1})^T)_{kj} = \frac{\partial C}{\partial w^l_{jk}}").status
'refuted'
>>> verify(r"(\delta^l (a^{l-1})^T)_j = \delta^l_j").status
'uninterpretable'
"""

from __future__ import annotations

from dataclasses import replace

from .context import RULES, Context, evaluate
from .nodes import Comprehension, Entry, Partial, Quantity, Sum, children, latex_of
from .values import Mat, ShapeMismatch, Uninterpretable


def _kind(node: Entry, value, ctx: Context) -> str:
    """"number", "vector" or "matrix": what the bracket is on every network, not only on this one."""
    if any(n == 1 for n in ctx.net.sizes):  # a 1 here may be a layer of one neuron: ask a network without one
        wide = Context(replace(ctx.net, sizes=tuple(max(n, 2) for n in ctx.net.sizes)), ctx.notation, opaque=True)
        wide.bind = dict(ctx.bind)
        try:
            value = evaluate(node.arg, wide)
        except (ShapeMismatch, Uninterpretable):
            pass  # (one output neuron read as a number, ``values.multiply``): the shape it has here
    if not isinstance(value, Mat):
        return "number"
    rows, cols = value.rows, value.cols
    return "number" if rows == cols == 1 else "vector" if 1 in (rows, cols) else "matrix"


def _sizes(node: Entry, value: Mat, ctx: Context) -> tuple:
    """The sizes the entry's indices run over: (n,) for a vector, (rows, columns) for a matrix."""
    what = latex_of(node)
    if ctx.notation.bias_column:
        raise Uninterpretable(f"{what}: an entry of a bracket is not read in the {ctx.notation.name} notation, whose "
                              "vectors may carry the constant x_0 = 1 as entry 0; write the entry of each quantity")
    if len(node.indices) > 2:
        raise Uninterpretable(f"{what}: {len(node.indices)} indices on a bracket; a vector's entry has one, a "
                              "matrix's two")
    kind = _kind(node, value if (value.rows, value.cols) != (1, 1) else value.entries[0][0], ctx)
    inner = latex_of(node.arg)
    if kind == "number":
        raise Uninterpretable(f"{what}: {inner} is a number (a scalar), so an entry index on it has no meaning")
    if kind == "vector" and len(node.indices) == 2:
        raise Uninterpretable(f"{what}: {inner} is a vector ({value.shape} on the network {list(ctx.net.sizes)}), "
                              "whose entries have one index, not two")
    if kind == "matrix" and len(node.indices) == 1:
        raise Uninterpretable(f"{what}: {inner} is a matrix ({value.shape} on the network {list(ctx.net.sizes)}), "
                              "whose entries have two indices (row, column), not one")
    if kind == "vector":
        return (value.rows if value.cols == 1 else value.cols,)
    return value.rows, value.cols


def _letters(node, bound: tuple = ()) -> set:
    # The free index letters of a bracket's inside (a sum binds its letter, a bracket vector its own)
    if isinstance(node, Sum):
        return _letters(node.body, bound + ((node.var,) if node.var else ()))
    if isinstance(node, Comprehension):
        return _letters(node.body, bound + (node.var,) + ((node.columns[0],) if node.columns else ()))
    if isinstance(node, (Quantity, Entry)):
        out = {i.name for i in node.indices if i.name and i.name not in bound}
        return out | (_letters(node.arg, bound) if isinstance(node, Entry) else set())
    if isinstance(node, Partial):
        return _letters(node.num, bound) | _letters(node.den, bound)
    out: set = set()
    for child in children(node):
        out |= _letters(child, bound)
    return out


def _inner(node: Entry, ctx: Context):
    if _letters(node.arg):
        raise Uninterpretable(f"{latex_of(node)}: the bracket has a free index of its own inside; an entry is read "
                              "of a vector or a matrix written without indices")
    value = evaluate(node.arg, ctx)
    # A row times a column is a number (``values.multiply``), also where the row and the column are those of a
    # layer of one neuron: as the bracket's entry it is the 1 × 1 matrix it was (``_kind`` says what it is)
    return value if isinstance(value, Mat) else Mat(1, 1, [[value]])


def entry_slots(node: Entry, ctx: Context) -> list:
    """(index, lowest, size, where) of each index of the entry under the layer bindings (``instances.free_slots``)."""
    value = _inner(node, ctx)
    what = latex_of(node)
    return [(idx, 1, n, what) for idx, n in zip(node.indices, _sizes(node, value, ctx))]


def _entry(node: Entry, ctx: Context):
    value = _inner(node, ctx)
    what = latex_of(node)
    sizes = _sizes(node, value, ctx)
    at = [ctx.index(idx, n, what) for idx, n in zip(node.indices, sizes)]
    if len(at) == 2:
        return value.entries[at[0] - 1][at[1] - 1]
    return value.entries[at[0] - 1][0] if value.cols == 1 else value.entries[0][at[0] - 1]


RULES[Entry] = _entry

__all__ = ["entry_slots"]
