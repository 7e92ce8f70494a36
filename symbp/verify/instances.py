r"""The instances of a formula on one network: its free variables and their values.

A free layer variable (l) takes every value for which the formula names only
existing layers; a free neuron index (i, j, k) every value of the layer it
stands in. An index standing in two places of different sizes is a shape
error, reported with both places.
"""

from __future__ import annotations

import itertools

from .interpret import Context, LayerOutOfRange, ShapeMismatch, slots
from .nodes import Cdots, Comprehension, Equation, Layer, Nabla, Partial, Quantity, Sum, children, walk


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
        return free_slots(node.body, ctx, bound + (node.var,) + ((node.columns[0],) if node.columns else ()))
    for q in _quantities(node):
        out.extend(s for s in slots(q, ctx) if s[0].name is not None and s[0].name not in bound)
    if not isinstance(node, (Quantity, Partial, Nabla)):
        for c in children(node):
            out.extend(free_slots(c, ctx, bound))
    return out


def bindings(eq: Equation, ctx: Context):
    """Every valid assignment of the free layer variables and neuron indices on ``ctx.net``."""
    lvars = layer_vars(eq)
    shift = ctx.notation.layer_shift
    users = range(1 + shift, ctx.net.L + shift + 1)
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    for values in itertools.product(users, repeat=len(lvars)):
        ctx.bind = dict(zip(lvars, values))
        try:
            found = [s for side in sides for s in free_slots(side, ctx)]
        except LayerOutOfRange as exc:
            ctx.skipped = str(exc)
            continue
        ranges: dict[str, tuple] = {}
        for idx, lo, n, where in found:
            if idx.name == "L":
                raise ShapeMismatch(f"{where}: L is the number of layers, not a neuron (the last neuron is n_L)")
            if idx.name in lvars:
                raise ShapeMismatch(f"{idx.name} is used both as a layer and as a neuron index (in {where})")
            if idx.name in ranges and ranges[idx.name][:2] != (lo, n):
                lo0, n0, where0 = ranges[idx.name]
                if n0 == n and {lo0, lo} == {0, 1}:
                    # Dyda's index 0 (x_0 = 1, the bias column) exists in one place only: the
                    # formula is about j ≥ 1 ("x_j = a_j for j ≥ 1", seed 003 line 17).
                    ranges[idx.name] = (1, n, where0)
                    continue
                raise ShapeMismatch(
                    f"the index {idx.latex()} runs over {lo0}..{n0} in {where0} but over {lo}..{n} in {where} "
                    f"(network {list(ctx.net.sizes)}, {_layers_text(ctx.bind)}): the shapes do not match"
                )
            ranges.setdefault(idx.name, (lo, n, where))
        names = sorted(ranges)
        base = dict(zip(lvars, values))
        for combo in itertools.product(*(range(ranges[n][0], ranges[n][1] + 1) for n in names)):
            yield {**base, **dict(zip(names, combo))}


def _layers_text(bind: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in bind.items()) or "no layer variable"
