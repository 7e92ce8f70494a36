r"""The instances of a formula on one network: its free variables and their values.

A free layer variable (l) takes every value for which the formula names only
existing layers; a free neuron index (i, j, k) every value of the layer it
stands in. An index standing in two places of different sizes is a shape
error, reported with both places.
"""

from __future__ import annotations

import itertools

from .interpret import Context, LayerOutOfRange, ShapeMismatch, Uninterpretable, slots
from .nodes import Cdots, Comprehension, Equation, Index, Layer, Nabla, Partial, Quantity, Sum, Where, children, walk


def layer_vars(eq: Equation) -> list[str]:
    out = []
    for node in walk(eq):
        for q in _quantities(node):
            if q.layer is not None and q.layer.var not in (None, "L") and q.layer.var not in out:
                out.append(q.layer.var)
        if isinstance(node, (Sum, Comprehension)) and isinstance(node.upper, Layer) and node.upper.var not in (None, "L", *out):
            out.append(node.upper.var)
    return out


def _quantities(node) -> list[Quantity]:
    if isinstance(node, Quantity):
        return [node]
    if isinstance(node, Partial):
        return [node.num, node.den]
    return []  # ∇_a C has no indices; its layer is checked when it is evaluated


def free_slots(node, ctx: Context, bound: tuple = ()) -> list:
    """(index, lowest, size, where) of every free neuron index under the layer bindings."""
    out = []
    if isinstance(node, Sum):
        return free_slots(node.body, ctx, bound + ((node.var,) if node.var else ()))
    if isinstance(node, Comprehension):
        return free_slots(node.body, ctx, bound + (node.var,))
    for q in _quantities(node):
        out.extend(s for s in slots(q, ctx) if s[0].name is not None and s[0].name not in bound)
    if not isinstance(node, (Quantity, Partial, Nabla)):
        for c in children(node):
            out.extend(free_slots(c, ctx, bound))
    return out


def layer_bindings(eq: Equation, ctx: Context):
    """Every assignment of the free layer variables on ``ctx.net``, with its index ranges or why it has none.

    Yields ``(layers, ranges, None)`` for an assignment under which every layer the
    formula names exists (``ranges``: index name -> (lowest, highest)), and
    ``(layers, None, reason)`` for one outside the formula's domain.
    """
    lvars = layer_vars(eq)
    shift = ctx.notation.layer_shift
    # From the output down: the ground truth of a layer near the output is the cheapest, so a
    # formula that fails everywhere fails fast (every value is still checked when it holds).
    users = range(ctx.net.L + shift, shift, -1)
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    for values in itertools.product(users, repeat=len(lvars)):
        layers = dict(zip(lvars, values))
        ctx.bind = dict(layers)
        excluded = next((w for w in eq.where if w.kind == "layer" and not _allows(w, layers[w.var], ctx)), None)
        if excluded is not None:
            yield layers, None, f"excluded by the claim's condition {excluded.text}"
            continue
        try:
            found = [s for side in sides for s in free_slots(side, ctx)]
            notes: list = []
            ranges = _ranges(found, lvars, ctx, notes)
            whole = dict(ranges)
            for w in eq.where:  # several conditions on one index: each against its place, together
                if w.kind == "index":
                    lo, hi = _restricted(w, whole, ctx, notes)
                    ranges[w.var] = (max(lo, ranges[w.var][0]), min(hi, ranges[w.var][1]))
        except LayerOutOfRange as exc:
            yield layers, None, str(exc)
            continue
        for index, why in notes:  # index values outside the domain, reported like layers
            yield {**layers, **index}, None, why
        yield layers, ranges, None


def _allows(w: Where, value: int, ctx: Context) -> bool:
    """Does the layer condition ``w`` allow the (user-numbered) layer ``value``?"""
    def user(b: Layer) -> int:
        return b.offset if b.var is None else ctx.user_L + b.offset

    return (w.lo is None or value >= user(w.lo)) and (w.hi is None or value <= user(w.hi))


def _restricted(w: Where, ranges: dict, ctx: Context, notes: list | None = None) -> tuple:
    """The range of a free index under its condition; a condition wider than the index's layer is a shape error."""
    if w.var not in ranges:
        raise Uninterpretable(f"the condition {w.text} is about {w.var}, which is not a free neuron index here "
                              "(a summation index, or absent)")
    lo, hi = ranges[w.var]

    def value(b: Index) -> int:
        return ctx.size(b.size, w.text) if b.size is not None else b.value

    new_lo = lo if w.lo is None else value(w.lo)
    new_hi = hi if w.hi is None else value(w.hi)
    if new_hi > hi and new_lo >= lo and all(b is None or b.size is None for b in (w.lo, w.hi)):
        # k = 3 where the layer has two neurons: the values past it are outside the formula's
        # domain on this network (reported), the others are checked. (A range up to a layer's
        # size, n_{l+1} past n_l, claims neurons the layer lacks: a shape error, below.)
        why = (f"the condition {w.text} names neurons {max(new_lo, hi + 1)}..{new_hi} of {w.var}, past the neurons "
               f"{lo}..{hi} of the place it stands in (network {list(ctx.net.sizes)})")
        if new_lo > hi:
            raise LayerOutOfRange(why)
        if notes is not None:
            notes.append(({w.var: f"{hi + 1}..{new_hi}"}, why))
        return new_lo, hi
    if new_lo < lo or new_hi > hi:
        raise ShapeMismatch(f"the condition {w.text} lets {w.var} run over {new_lo}..{new_hi}, past the "
                            f"neurons {lo}..{hi} of the place it stands in (network {list(ctx.net.sizes)})")
    return new_lo, new_hi


def _ranges(found: list, lvars: list, ctx: Context, notes: list | None = None) -> dict:
    ranges: dict[str, tuple] = {}
    # An index written twice in one quantity (w^l_{jj}) runs over both its places at once: the
    # formula is about the values they share, and the others are outside its domain (reported).
    seen_in: dict = {}
    diagonal = set()
    for idx, lo, n, where in found:
        if idx.name is not None and (idx.name, where) in seen_in and seen_in[(idx.name, where)] != (lo, n):
            diagonal.add(idx.name)
        seen_in[(idx.name, where)] = (lo, n)
    for idx, lo, n, where in found:
        if idx.name == "L":
            raise ShapeMismatch(f"{where}: L is the number of layers, not a neuron (the last neuron is n_L)")
        if idx.name in lvars:
            raise ShapeMismatch(f"{idx.name} is used both as a layer and as a neuron index (in {where})")
        if idx.name in ranges and ranges[idx.name][:2] != (lo, n):
            lo0, n0, where0 = ranges[idx.name]
            if n0 == n and {lo0, lo} == {0, 1}:
                # Dyda's index 0 (x_0 = 1, the bias column) exists in one place only: the
                # formula is about j ≥ 1 ("x_j = a_j for j ≥ 1", seed 003 line 17), and j = 0 is
                # outside its domain (reported).
                ranges[idx.name] = (1, n, where0)
                if notes is not None:
                    only = where0 if lo0 == 0 else where
                    other = where if lo0 == 0 else where0
                    notes.append(({idx.name: 0}, f"{idx.latex()} = 0 exists in {only} (the constant x_0 = 1 "
                                  f"or the bias column) but not in {other}"))
                continue
            if idx.name in diagonal and lo0 == lo:
                shared = min(n0, n)
                ranges[idx.name] = (lo, shared, where0 if n0 <= n else where)
                if notes is not None:
                    notes.append(({idx.name: f"{shared + 1}..{max(n0, n)}"},
                                  f"{idx.latex()} = {shared + 1}..{max(n0, n)} exists in "
                                  f"{where0 if n0 > n else where} but not in {where if n0 > n else where0}"))
                continue
            raise ShapeMismatch(
                f"the index {idx.latex()} runs over {lo0}..{n0} in {where0} but over {lo}..{n} in {where} "
                f"(network {list(ctx.net.sizes)}, {_layers_text(ctx.bind)}): the shapes do not match"
            )
        ranges.setdefault(idx.name, (lo, n, where))
    return {name: ranges[name][:2] for name in sorted(ranges)}


def index_bindings(layers: dict, ranges: dict):
    """Every assignment of the free neuron indices, on top of the layer assignment ``layers``."""
    names = list(ranges)
    for combo in itertools.product(*(range(ranges[n][0], ranges[n][1] + 1) for n in names)):
        yield {**layers, **dict(zip(names, combo))}


def bindings(eq: Equation, ctx: Context):
    """Every valid assignment of the free layer variables and neuron indices on ``ctx.net``."""
    for layers, ranges, outside in layer_bindings(eq, ctx):
        if outside is None:
            yield from index_bindings(layers, ranges)


def _layers_text(bind: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in bind.items()) or "no layer variable"
