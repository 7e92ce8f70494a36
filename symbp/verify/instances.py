r"""The instances of a formula on one network: its free variables and their values.

A free layer variable (l) takes every value for which the formula names only
existing layers; a free neuron index (i, j, k) every value of the layer it
stands in. An index standing in two places of different sizes on one side
(w^l_{jj}) takes the values both places have; the others are outside the
formula's domain, each reported with both places. Between the sides of a claim
an index must run over the same neurons: one that does not is a shape error.
"""

from __future__ import annotations

import itertools

from .interpret import Context, LayerOutOfRange, ShapeMismatch, Uninterpretable, slots
from .entries import entry_slots
from .nodes import Cdots, Comprehension, Entry, Equation, Index, Layer, Nabla, Partial, Quantity, Sum, Where, children, walk


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
    if isinstance(node, Entry):  # (a^L - y)_j: j runs over the entries of the bracket's value
        return [s for s in entry_slots(node, ctx) if s[0].name is not None and s[0].name not in bound]
    for q in _quantities(node):
        out.extend(s for s in slots(q, ctx) if s[0].name is not None and s[0].name not in bound)
    if not isinstance(node, (Quantity, Partial, Nabla)):
        for c in children(node):
            out.extend(free_slots(c, ctx, bound))
    return out


def layer_bindings(eq: Equation, ctx: Context, *, same_ranges: bool = True):
    """Every assignment of the free layer variables on ``ctx.net``, with its index ranges or why it has none.

    Yields ``(layers, ranges, None)`` for an assignment under which every layer the
    formula names exists (``ranges``: index name -> (lowest, highest)), and
    ``(layers, None, reason)`` for one outside the formula's domain. ``same_ranges``: the sides are the sides of
    an equality, so a free index runs over the same neurons on each (a declaration's arguments need not).
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
            if same_ranges:
                _sides_agree(sides, ctx, {w.var for w in eq.where if w.kind == "index"})
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


def _sides_agree(sides: list, ctx: Context, conditioned: set):
    """Raise ``ShapeMismatch`` when a free index runs over other neurons on one side than on another.

    Within one side an index in places of different sizes takes the values every place has (w^l_{jj}: the
    diagonal). Between two sides it may not: ``∂C/∂w^L_{jk} = a^{L-1}_j δ^L_k`` is defined for k ≤ n_{L-1} on the
    left and k ≤ n_L on the right, a slip that the common values alone can hide (with one output neuron only
    j = k = 1 is common, where the swap is invisible). Only the highest values are compared (Dyda's index 0,
    in one place only, is ``_ranges``'); an index under a condition of the claim is left to the condition.
    """
    per_side = []
    for k, side in enumerate(sides):
        mine: dict = {}
        for idx, lo, n, where in free_slots(side, ctx):
            if idx.name is None or idx.name in conditioned:
                continue
            had = mine.get(idx.name)
            mine[idx.name] = (idx, n, where) if had is None or n < had[1] else had
        per_side.append((k, mine))
    for (a, left), (b, right) in itertools.combinations(per_side, 2):
        for name in sorted(left.keys() & right.keys()):
            (idx, n0, w0), (_, n1, w1) = left[name], right[name]
            if n0 != n1:
                raise ShapeMismatch(
                    f"the index {idx.latex()} runs over 1..{n0} on side {a + 1} (in {w0}) but over 1..{n1} on side "
                    f"{b + 1} (in {w1}) (network {list(ctx.net.sizes)}, {_layers_text(ctx.bind)}): the two sides are "
                    f"not defined for the same {idx.latex()}")


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
    if new_lo == 0 < lo and ctx.notation.bias_column and not ctx.notation.unit_zero:
        # Dyda: only x and the weight's column have an entry 0 (x_0 = 1, the bias column); k = 0 in a place numbered
        # from 1 (a_k) is a slip of letters, not a false claim (review 24 R3: BP4 at k = 0 with a_0 was refuted)
        raise Uninterpretable(f"the condition {w.text} sets {w.var} to 0, but in the {ctx.notation.name} notation only "
                              f"x and the weight's bias column have an entry 0 (x_0 = 1), and {w.var} also stands in a "
                              "place numbered from 1")
    if new_hi < lo and all(b is None or b.size is None for b in (w.lo, w.hi)):
        # j = 0 where neurons are numbered from 1: no neuron of the network, as k = 3 past two neurons above (review
        # rv43 B2: BP3 with "(j = 0)" was refuted, "past the neurons")
        raise LayerOutOfRange(f"the condition {w.text} names neurons {new_lo}..{new_hi} of {w.var}, before the "
                              f"neurons {lo}..{hi} of the place it stands in (network {list(ctx.net.sizes)})")
    if new_lo < lo or new_hi > hi:
        raise ShapeMismatch(f"the condition {w.text} lets {w.var} run over {new_lo}..{new_hi}, past the "
                            f"neurons {lo}..{hi} of the place it stands in (network {list(ctx.net.sizes)})")
    return new_lo, new_hi


def _ranges(found: list, lvars: list, ctx: Context, notes: list | None = None) -> dict:
    places: dict[str, list] = {}
    for idx, lo, n, where in found:
        if idx.name == "L":
            raise ShapeMismatch(f"{where}: L is the number of layers, not a neuron (the last neuron is n_L)")
        if idx.name in lvars:
            raise ShapeMismatch(f"{idx.name} is used both as a layer and as a neuron index (in {where})")
        places.setdefault(idx.name, []).append((lo, n, where, idx))
    ranges: dict[str, tuple] = {}
    for name, at in places.items():
        lows, highs = {lo for lo, _, _, _ in at}, {n for _, n, _, _ in at}
        if len(highs) == 1 and lows == {0, 1}:
            # Dyda's index 0 (x_0 = 1, the bias column) exists in one place only: the formula is
            # about j ≥ 1 ("x_j = a_j for j ≥ 1", seed 003 line 17), and j = 0 is outside its
            # domain (reported).
            if notes is not None:
                only = next(w for lo, _, w, _ in at if lo == 0)
                other = next(w for lo, _, w, _ in at if lo == 1)
                notes.append(({name: 0}, f"{at[0][3].latex()} = 0 exists in {only} (the constant x_0 = 1 "
                              f"or the bias column) but not in {other}"))
            ranges[name] = (1, highs.pop())
            continue
        # An index standing in places of different sizes (w^l_{jj}): the formula means something only
        # where every place exists. The other values are outside its domain, each reported.
        lo, hi = max(lows), min(highs)
        if lo > hi:
            (lo0, n0, w0, idx), (lo1, n1, w1, _) = at[0], next(p for p in at if p[:2] != at[0][:2])
            raise ShapeMismatch(
                f"the index {idx.latex()} runs over {lo0}..{n0} in {w0} but over {lo1}..{n1} in {w1} "
                f"(network {list(ctx.net.sizes)}, {_layers_text(ctx.bind)}): no value is in both")
        ranges[name] = (lo, hi)
        if notes is not None:
            for v in range(min(lows), max(highs) + 1):
                if not lo <= v <= hi:
                    plo, pn, where, idx = next(p for p in at if not p[0] <= v <= p[1])
                    notes.append(({name: v}, f"{idx.latex()} = {v} is outside {where}, where "
                                  f"{idx.latex()} runs over {plo}..{pn}"))
    return {name: ranges[name] for name in sorted(ranges)}


def index_bindings(layers: dict, ranges: dict, where: tuple = ()):
    """Every assignment of the free neuron indices, on top of the layer assignment ``layers``.

    A condition ``j \\neq k`` (in ``where``) leaves out the assignments where the two are equal.
    """
    names = list(ranges)
    differ = [(w.var, w.differs) for w in where if w.kind == "differs"]
    for combo in itertools.product(*(range(ranges[n][0], ranges[n][1] + 1) for n in names)):
        bind = dict(zip(names, combo))
        if any(bind.get(a) is not None and bind.get(a) == bind.get(b) for a, b in differ):
            continue
        yield {**layers, **bind}


def bindings(eq: Equation, ctx: Context):
    """Every valid assignment of the free layer variables and neuron indices on ``ctx.net``."""
    for layers, ranges, outside in layer_bindings(eq, ctx):
        if outside is None:
            yield from index_bindings(layers, ranges, eq.where)


def _layers_text(bind: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in bind.items()) or "no layer variable"
