r"""Ellipses, read from the pattern of what is written around them.

``\\cdots`` in a product chain, and ``\\vdots`` in a vector written out entry
by entry: ``(\\partial C/\\partial a^L_1, \\vdots, \\partial C/\\partial a^L_{n_L})``
is the vector whose entry i repeats the first entry with its index 1 set to i,
up to the index of the last entry.

Seed 000 writes the recursive product formula as
δ^l = Σ'(z^l)(w^{l+1})^T ⋯ Σ'(z^{L-1})(w^L)^T Σ'(z^L) ∇_a C: the block of
factors before ``\\cdots`` is repeated, one layer further each time, until
the factors written after it take over.
"""

from __future__ import annotations

from .context import Context
from .nodes import Cdots, Layer, Mul, Nabla, Partial, Quantity, rebuild, walk
from .values import LayerOutOfRange, Uninterpretable


def _layers_of(node) -> list[Layer]:
    out = []
    for n in walk(node):
        if isinstance(n, Quantity) and n.layer is not None:
            out.append(n.layer)
        if isinstance(n, (Partial, Nabla)):
            out.extend(q.layer for q in (getattr(n, "num", None), getattr(n, "den", None), getattr(n, "wrt", None))
                       if isinstance(q, Quantity) and q.layer is not None)
    return out


def _strip_layers(node):
    return rebuild(node, lambda n: Quantity(n.role, n.base, None, n.indices, n.sep) if isinstance(n, Quantity) else None)


def _at_layer(node, var: str, value: int):
    """``node`` with its layer variable ``var`` replaced by the number ``value``."""

    def fix(n):
        if isinstance(n, Quantity) and n.layer is not None and n.layer.var == var:
            return Quantity(n.role, n.base, Layer(None, value + n.layer.offset, n.layer.brackets), n.indices, n.sep)
        return None

    return rebuild(node, fix)


def expand_cdots(node: Mul, ctx: Context) -> tuple:
    r"""Fill in ``A(l) B(l) ⋯ A(L-1) B(L-1) tail`` from the pattern of the factors before ``\cdots``.

    The block before ``\cdots`` (its period found from the factors) is repeated
    for each layer between the last written block and the first factor after
    ``\cdots``; the factors after it are taken as written.
    """
    factors = node.factors
    c = next(i for i, f in enumerate(factors) if isinstance(f, Cdots))
    before, after = factors[:c], factors[c + 1 :]
    if not before or not after or any(isinstance(f, Cdots) for f in after):
        raise Uninterpretable(r"\cdots needs written factors on both sides (and only one \cdots)")
    first_layers = _layers_of(before[0])
    if not first_layers or first_layers[0].var is None:
        raise Uninterpretable(r"the factors before \cdots carry no layer variable to continue")
    var = first_layers[0].var
    found = None
    for p in range(1, len(before) + 1):
        block = before[:p]
        # The written factors follow the block, one layer further each time it repeats; they may stop
        # mid-block (Σ'(z^l)(w^{l+1})^T Σ'(z^{l+1}) ⋯: the block Σ'(z^t)(w^{t+1})^T and a half).
        ok = all(_strip_layers(before[i]) == _strip_layers(block[i % p])
                 and _shifted(block[i % p], before[i], i // p) for i in range(p, len(before)))
        # The factors after \cdots may resume the pattern at any factor of the block.
        start = next((m for m in range(p) if ok and _strip_layers(after[0]) == _strip_layers(block[m])
                      and _layers_of(block[m])), None)
        if start is not None:
            found = (p, start)
            break
    if found is None:
        raise Uninterpretable(r"the factors after \cdots do not continue the pattern of those before it")
    period, start = found
    block = before[:period]
    t0 = ctx.bind[var] if var in ctx.bind else None
    if t0 is None:
        raise Uninterpretable(f"the layer variable {var} of the chain is not bound")
    # Factor number i of the whole chain is block[i % period] at layer t0 + i // period; the first
    # factor after \cdots is number ``resume``: the factors in between are filled in.
    t_after = _user_layer(_layers_of(after[0])[0], ctx) - _layers_of(block[start])[0].offset
    resume = (t_after - t0) * period + start
    if resume < len(before):
        raise LayerOutOfRange(rf"the chain with \cdots is too short to mean anything at {var} = {t0}")
    middle = [_at_layer(block[i % period], var, t0 + i // period) for i in range(len(before), resume)]
    return tuple(before) + tuple(middle) + tuple(after)


def _shifted(first, later, by: int) -> bool:
    """Does ``later`` name the layers of ``first``, each ``by`` layers further?"""
    a, b = _layers_of(first), _layers_of(later)
    return len(a) == len(b) and all(x.var == y.var and y.offset == x.offset + by for x, y in zip(a, b))


def _user_layer(layer: Layer, ctx: Context) -> int:
    return ctx.layer(layer, layer.latex()) + ctx.notation.layer_shift




def expand_vector(first, last, start: int, count: int) -> list:
    """Entries start..count of the pattern ``first, ⋮, last``."""
    return [_instantiate(first, last, i) for i in range(start, count + 1)]


def pattern_end(first, last):
    """(start, end Index): where ``first`` has index 0 or 1 and ``last`` another index (one place only)."""
    ends: set = set()
    _differences(first, last, ends)
    if len(ends) != 1:
        raise Uninterpretable(r"the entries around \vdots must differ in one index only, 0 or 1 in the first entry")
    return ends.pop()


def _differences(a, b, ends: set) -> None:
    from dataclasses import fields

    from .nodes import Index, _is_node

    if isinstance(a, Index) and isinstance(b, Index):
        if a != b:
            if a.value not in (0, 1) or a.name is not None or a.size is not None:
                raise Uninterpretable(r"the first entry of a \vdots pattern must have index 0 or 1 where the entries differ")
            ends.add((a.value, b))
        return
    if type(a) is not type(b):
        raise Uninterpretable(r"the entries around \vdots do not follow one pattern")
    if isinstance(a, tuple):
        if len(a) != len(b):
            raise Uninterpretable(r"the entries around \vdots do not follow one pattern")
        for x, y in zip(a, b):
            _differences(x, y, ends)
        return
    if _is_node(a) or isinstance(a, (Layer,)):
        for f in fields(a):
            _differences(getattr(a, f.name), getattr(b, f.name), ends)
        return
    if a != b:
        raise Uninterpretable(r"the entries around \vdots do not follow one pattern")


def _instantiate(first, last, i: int):
    from dataclasses import fields, replace

    from .nodes import Index, _is_node

    if isinstance(first, Index):
        return Index(value=i) if first != last else first
    if isinstance(first, tuple):
        return tuple(_instantiate(x, y, i) for x, y in zip(first, last))
    if _is_node(first):
        changes = {f.name: _instantiate(getattr(first, f.name), getattr(last, f.name), i) for f in fields(first)}
        return replace(first, **changes)
    return first
