r"""Which networks a formula is checked on: every depth, every role its layers can take.

A formula speaks of layers as a free variable (``l``, ``l+1``), from the
output (``L``, ``L-2``) or by number (``4``). It is a claim about every
network, so it is checked on networks of every depth from 2 up to a depth
where each layer it names has taken every role it can: the input, the first
hidden layer, an interior one, the last hidden layer and the output, and in
every order relative to each other. Layer 4 is the output when L = 4, the last
hidden layer when L = 5 and interior from L = 6; ``L-3`` and ``2`` coincide
when L = 5 and stand one and two apart when L = 6 and 7. Past that depth no
new arrangement appears, so the verdict of the deepest networks is the
verdict of all deeper ones.

>>> from symbp.verify.reader import read
>>> depth_limit(reach(read(r"\delta^4 = (a^4 - y) \odot \sigma'(z^4)"), profile("nielsen")))
6
>>> depth_limit(reach(read(r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \Sigma'(z^L) \nabla_a C"),
...                   profile("nielsen")))
7
>>> networks_of_depth(3)
((2, 3, 2), (3, 2, 4))
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..notation import Notation, profile  # noqa: F401  (profile: the doctest's)
from .nodes import Comprehension, Equation, Index, Layer, Nabla, Partial, Quantity, Sum, Where, walk

#: Every formula is checked on networks of at least this depth.
MIN_DEPTH = 6
#: Networks deeper than this are not built: a formula that needs them is undecided.
MAX_DEPTH = 10

# One or two networks per depth. No two neighbouring layers have the same size, so a
# forgotten transpose is a shape error; the depth-3 pair and the depth-4 network have
# different sizes in every layer or in input and output, so an index that stands in the
# wrong layer meets a layer of another size. Deeper networks alternate 2 and 3 neurons:
# they are there for the roles of the layers, and stay small enough to check exactly.
_SHALLOW = {2: ((3, 2),), 3: ((2, 3, 2), (3, 2, 4)), 4: ((2, 3, 4, 2),), 5: ((3, 2, 4, 2, 3),)}


def networks_of_depth(depth: int) -> tuple:
    """The layer sizes of the standard networks with ``depth`` layers (input and output included)."""
    if depth in _SHALLOW:
        return _SHALLOW[depth]
    first = 2 if depth % 2 == 0 else 3
    return (tuple(first if i % 2 == 0 else 5 - first for i in range(depth)),)


def other_sizes(sizes: tuple) -> tuple:
    """A second network of the same depth, whose sizes coincide where the standard one's do not.

    The standard deep networks alternate 2 and 3 neurons, so layers two apart have equal
    sizes; this one cycles through 2, 3, 4 (layers three apart agree), the shift that
    differs from ``sizes`` in the most layers. A formula that holds only because two sizes
    happen to agree (a sum bound n_1 written for n_5, a softmax with two outputs) fails on
    one of the two.

    >>> other_sizes((2, 3, 2, 3, 2, 3))
    (2, 3, 4, 2, 3, 4)
    """
    shifts = [tuple(2 + (i + s) % 3 for i in range(len(sizes))) for s in range(3)]
    return max(shifts, key=lambda c: sum(a != b for a, b in zip(c, sizes)))


@dataclass(frozen=True)
class Reach:
    """The layers a formula names, in Nielsen's numbering.

    ``fixed``: layer numbers (``4``, and 1 for the input x, the ends of
    sums); ``from_output``: the offsets k of ``L+k`` (k ≤ 0 for real
    layers); ``spans``: for each layer variable, the lowest and highest
    offset it is written with (``l-1`` … ``l+1`` is (-1, 1)).
    """

    fixed: tuple = ()
    from_output: tuple = ()
    spans: tuple = ()  # ((var, lowest, highest), ...)


def _layers(node) -> list:
    out: list = []
    for n in walk(node):
        qs = [n] if isinstance(n, Quantity) else [n.num, n.den] if isinstance(n, Partial) else (
            [n.wrt] if isinstance(n, Nabla) else [])
        for q in qs:
            if q.layer is not None:
                out.append(q.layer)
            elif q.role == "x":
                out.append(("input",))
            elif q.role == "y" or (isinstance(n, Nabla) and q.role == "a"):
                out.append(Layer("L", 0))
            for i in q.indices:
                if isinstance(i, Index) and i.size is not None:
                    out.append(i.size)
        if isinstance(n, (Sum, Comprehension)) and n.upper is not None:
            out.append(n.upper)
        if isinstance(n, Where) and n.kind == "depth":  # L = 8 must be among the depths checked
            out.extend(b for b in (n.lo, n.hi) if b is not None)
        if isinstance(n, Where) and n.kind in ("index", "layer"):  # j = 1, \dots, n_{L-6}: layer L-6 must exist
            out.extend(b.size if isinstance(b, Index) else b for b in (n.lo, n.hi)
                       if isinstance(b, Layer) or (isinstance(b, Index) and b.size is not None))
    return out


def reach(eq: Equation, notation: Notation) -> Reach:
    """The layers ``eq`` names (``notation`` says how its numbers count)."""
    fixed, from_output, spans = set(), set(), {}
    for lay in _layers(eq):
        if isinstance(lay, tuple):
            fixed.add(1)
        elif lay.var is None:
            fixed.add(lay.offset - notation.layer_shift)
        elif lay.var == "L":
            from_output.add(lay.offset)
        else:
            lo, hi = spans.get(lay.var, (lay.offset, lay.offset))
            spans[lay.var] = (min(lo, lay.offset), max(hi, lay.offset))
    return Reach(tuple(sorted(fixed)), tuple(sorted(from_output)),
                 tuple((v, lo, hi) for v, (lo, hi) in sorted(spans.items())))


def depth_limit(r: Reach) -> int:
    """The depth up to which ``r``'s layers have met every arrangement (at least ``MIN_DEPTH``).

    A numbered layer N is the output at L = N and interior from L = N + 2; a
    layer L − k is the input at L = k + 1 and interior from L = k + 3; the
    window of a layer variable (width s) lies inside the interior from
    L = s + 5. Each distance between them adds the same again.
    """
    top = max(r.fixed, default=0)
    below = max((-k for k in r.from_output), default=0)
    width = sum(hi - lo for _, lo, hi in r.spans)
    return max(MIN_DEPTH, 2 + top + below + width + (3 if r.spans else 0))


def size_sensitive(eq: Equation) -> bool:
    """Does the formula's value depend on layer sizes beyond its shapes?

    Explicit sizes (``\\sum_{k=1}^{n_l}``, ``n_L`` as an index, bracket vectors, a condition
    ``j = 1, \\dots, n_l``) and fixed neuron numbers (``a^L_1 + a^L_2``) can make a wrong formula
    hold on networks whose sizes happen to agree; such formulas are checked at every depth on a
    second network with other sizes.
    """
    for n in walk(eq):
        if isinstance(n, (Sum, Comprehension)) and n.upper is not None:
            return True
        if isinstance(n, Quantity) and any(isinstance(i, Index) and (i.size is not None or i.name is None)
                                           for i in n.indices):
            return True
        if isinstance(n, Where) and n.kind == "index":
            return True
    return False


def distances(r: Reach, depth: int) -> set:
    """Every distance between two layers ``r`` names at ``depth`` (Nielsen: layer 1 is the input).

    Numbered layers and layers counted from the output stand at fixed places; the layers
    of one variable (``l-1``, ``l+1``) stand at fixed distances from each other. A layer
    variable against a fixed place takes every distance as the variable runs.
    """
    places = sorted({p for p in r.fixed if 1 <= p <= depth} | {depth + k for k in r.from_output if 1 <= depth + k <= depth})
    out = {q - p for i, p in enumerate(places) for q in places[i + 1:]}
    for _, lo, hi in r.spans:
        out |= set(range(1, hi - lo + 1))
    return {d for d in out if 0 < d < depth}


def distinct_sizes(depth: int, apart: set) -> tuple:
    """Small layer sizes (2 and up) where neighbours and any two layers ``apart`` layers apart differ.

    A sum cut at n_{L-6} for n_L, or at n_1 for n_L, holds on every network where those
    sizes agree; the standard networks repeat their sizes with period 2 or 3, so layers six
    apart always agree. On this network every pair of layers the formula names differs.

    >>> distinct_sizes(8, {6})
    (2, 3, 2, 3, 2, 3, 4, 2)
    >>> distinct_sizes(4, {2, 3})
    (2, 3, 4, 5)
    """
    sizes: list = []
    for i in range(depth):
        taken = {sizes[i - d] for d in apart | {1} if i - d >= 0}
        sizes.append(next(v for v in range(2, depth + 3) if v not in taken))
    return tuple(sizes)


def family(eq: Equation, notation: Notation, extra: tuple = ()) -> tuple:
    """(depth, sizes) of every network ``eq`` is checked on, shallowest first, and the depth limit.

    ``extra`` networks (the user's own) are checked as well, at their depth.
    """
    limit = depth_limit(reach(eq, notation))
    out = [(d, sizes) for d in range(2, min(limit, MAX_DEPTH) + 1) for sizes in networks_of_depth(d)]
    if size_sensitive(eq):
        out += [(d, other_sizes(sizes)) for d, sizes in out if other_sizes(sizes) not in [s for _, s in out]]
        r = reach(eq, notation)
        for d in range(2, min(limit, MAX_DEPTH) + 1):
            sizes = distinct_sizes(d, distances(r, d))
            for sizes in (sizes, sizes[::-1]):  # the pairs apart both ways round (n_1 < n_L, n_1 > n_L)
                if all(sizes != s for _, s in out):
                    out.append((d, sizes))
    for sizes in extra:
        sizes = tuple(sizes)
        if all(sizes != s for _, s in out):
            out.append((len(sizes), sizes))
    out.sort(key=lambda item: item[0])
    return tuple(out), limit


def fitted(eq: Equation, family: tuple, notation: Notation) -> tuple:
    """Networks where the neuron numbers the formula writes exist, for each network of ``family`` that lacks one.

    ``a^2_1 = \\sigma(w^2_{11} x_1 + w^2_{12} x_2 + w^2_{13} x_3 + b^2_1)`` speaks of a third input: each
    network with fewer inputs is grown to three (the layers the formula names by number, or L, grow to the
    largest neuron number written there; the others keep their sizes).
    """
    needs: dict = {}  # Nielsen layer (or "L", "L-1", ...) -> the largest neuron number written there
    quantities = [n for n in walk(eq) if isinstance(n, Quantity)]
    for q in quantities:
        for layer, number in _written_neurons(q, notation):
            needs[layer] = max(needs.get(layer, 0), number)
    for w in eq.where:  # \quad j = 4, j \ge 4: the number a condition gives an index, where the index stands (rv52 A6)
        bound = max((b.value for b in (w.lo, w.hi) if isinstance(b, Index) and b.name is None and b.size is None
                     and b.value), default=None) if w.kind == "index" else None
        for q in quantities if bound else ():
            if any(i.name == w.var for i in q.indices):
                numbered = replace(q, indices=tuple(Index(value=bound) if i.name == w.var else i for i in q.indices))
                for layer, number in _written_neurons(numbered, notation):
                    needs[layer] = max(needs.get(layer, 0), number)
    if not needs:
        return ()
    out = []
    for sizes in family:
        for more in (0, 1):  # to the number, and past it: the layer's neurons past the ones written exist too
            grown = list(sizes)
            for (var, l), number in needs.items():
                if var not in (None, "L"):  # a layer variable: any layer can be the one named
                    grown = [max(g, number + more) for g in grown]
                    continue
                at = (l if var is None else len(sizes) + l) - 1
                if 0 <= at < len(grown):
                    grown[at] = max(grown[at], number + more)
            if tuple(grown) != tuple(sizes) and tuple(grown) not in family and tuple(grown) not in out:
                out.append(tuple(grown))
    return tuple(out)


def _written_neurons(q: Quantity, notation: Notation) -> list:
    """((layer var, Nielsen layer or offset from L), number) for each neuron number written on ``q``."""
    numbers = [i.value if i.name is None and i.size is None else None for i in q.indices]
    if q.role == "x" and q.layer is None:
        return [((None, 1), numbers[0])] if numbers and numbers[0] else []
    if q.role == "y":
        return [(("L", 0), numbers[0])] if numbers and numbers[0] else []
    if q.layer is None:
        return []
    extra = notation.weight_layer_offset if q.role in ("w", "W", "b") else 0
    key = (None, q.layer.offset - notation.layer_shift + extra) if q.layer.var is None else (q.layer.var, q.layer.offset + extra)
    if q.role in ("w", "W") and len(numbers) == 2:
        to, frm = numbers if notation.weight_order == "to,from" else numbers[::-1]
        below = (key[0], key[1] - 1)
        return [(k, v) for k, v in ((key, to), (below, frm)) if v]
    return [(key, numbers[0])] if len(numbers) == 1 and numbers[0] else []
