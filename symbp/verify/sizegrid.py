r"""Networks enough to pin a formula's value as a polynomial in the layer sizes its sums run to.

A sum ``\sum_{k=1}^{n_L} f`` adds one term per neuron of layer L, so a formula
can depend on n_L polynomially: ``\sum_{k=1}^{n_L} 1`` is n_L, and
(Σ 1 − 2)(Σ 1 − 3)(Σ 1 − 4) is 0 on every output layer of 2, 3 or 4 neurons and
6 on one of 5 (review 38, F4). Expanded, a claim with m sums is a sum of
monomials in the network's atoms; a monomial naming s summed neurons of those
layers has a coefficient that is a polynomial of total degree at most m − s in
the sizes, valid wherever those neurons exist (the other m − s sums count their
choices: a falling factorial). A polynomial of total degree m in the sizes of
the layers P is 0 everywhere if it is 0 on the lattice {n : n_p ≥ 2, Σ (n_p − 2)
≤ m} (a principal lattice, unisolvent for that degree; the coefficients of
monomials naming s neurons are pinned on its part with n_p ≥ s). So each depth
is checked on its standard network with the sizes at P running over that
lattice, every other layer as it was.

One sum (BP2's Σ_k w^{l+1}_{kj} δ^{l+1}_k, a softmax's Σ_k y_k, ∂C/∂a^l written
out) is degree ≤ 1: two sizes at each layer pin it, and the family already has
them (2 and 3, and 4, at every layer of every depth), so nothing is added. The
ground truth adds nothing of its own: δ ≡ ∂C/∂z, written over the atoms, has
no term a sum leaves free (every term of Σ_k w_{kj} δ_k names neuron k).

>>> from symbp.verify.reader import read
>>> from symbp.notation import profile
>>> eq = read(r"\delta^L_j = (a^L_j - y_j)\sigma'(z^L_j) + (\sum_{k=1}^{n_L} 1 - 2)(\sum_{k=1}^{n_L} 1 - 3)")
>>> sums_per_claim(eq)
2
>>> size_grid(eq, profile("nielsen"), {2: (3, 2)})
(((2, (3, 3)), (2, (3, 4))), True)
"""

from __future__ import annotations

from itertools import product

from .nodes import Cdots, Comprehension, Equation, Index, Layer, Pow, Quantity, Sum, children, walk

#: More networks than this for the sizes of a formula's sums: undecided, never holds.
MAX_GRID = 60


#: The layer of a sum whose bound is not written and whose index stands nowhere we can place: every layer.
ANY = Layer("?", 0)


def _bounds(node, notation=None, times: int = 1) -> list:
    """The layer each sum of ``node`` runs over (its bound ``n_{layer}``, or where its index stands), once
    for each factor it makes: a sum under a cube is three ((Σ 1 − 2)^3 is of degree 3 in the size)."""
    out = []
    if isinstance(node, (Sum, Comprehension)) and isinstance(node.upper, Layer):
        out += [node.upper] * times
    elif isinstance(node, Sum) and node.var is not None:
        out += [_index_layer(node.var, node.body, notation)] * times
    if isinstance(node, Pow):
        times *= max(1, abs(node.exp))
    for child in children(node):
        out += _bounds(child, notation, times)
    return out


def _index_layer(var: str, body, notation) -> Layer:
    # Where \sum_k's k stands first: the layer of a^L_k, z, δ, b; L for y_k; the receiving or sending layer
    # of a weight (the notation's order and layer offset, as ``family._written_neurons`` reads them).
    for q in walk(body):
        if not isinstance(q, Quantity) or notation is None:
            continue
        names = [i.name if isinstance(i, Index) else None for i in q.indices]
        if var not in names:
            continue
        if q.role == "y":
            return Layer("L", 0)
        if q.role == "x" and q.layer is None:
            return Layer(None, 1 + notation.layer_shift)
        if q.layer is None or q.role not in ("a", "z", "delta", "b", "w", "W"):
            return ANY
        if q.role in ("w", "W"):
            extra = notation.weight_layer_offset
            to_first = notation.weight_order == "to,from"
            sending = len(names) == 2 and names.index(var) == (1 if to_first else 0)
            return Layer(q.layer.var, q.layer.offset + extra - (1 if sending else 0))
        return q.layer
    return ANY


def sums_per_claim(eq: Equation) -> int:
    """The most sums with a layer size for bound in one claim (a side against the first)."""
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    if len(sides) < 2:
        return 0
    first = len(_bounds(sides[0]))
    return max(first + len(_bounds(s)) for s in sides[1:])


def _positions(bounds: list, depth: int, shift: int) -> list:
    """For each value of the layer variables, {Nielsen layer (1 … depth): the number of sums that run over it}."""
    def place(b, at):
        return b.offset - shift if b.var is None else depth + b.offset if b.var == "L" else at[b.var] + b.offset
    known = [b for b in bounds if b != ANY]
    free = sorted({b.var for b in known if b.var not in (None, "L")})
    out = []
    for values in product(range(1, depth + 1), repeat=len(free)):
        at = dict(zip(free, values))
        counts: dict = {}
        for b in known:
            if 1 <= place(b, at) <= depth:
                counts[place(b, at)] = counts.get(place(b, at), 0) + 1
        if len(known) < len(bounds):  # a sum over a layer not known here may run over any of them
            counts = {p: counts.get(p, 0) + len(bounds) - len(known) for p in range(1, depth + 1)}
        if counts and counts not in out:
            out.append(counts)
    return out


def _points(counts: dict, degree: int) -> list:
    """The smaller of two sets of sizes that pin the polynomial: the lattice Σ e ≤ degree (total degree), or
    the grid e_p ≤ counts[p] (each sum to layer p adds at most one factor n_p)."""
    places = sorted(counts)
    lattice = list(_lattice(len(places), degree))
    grid = list(product(*(range(counts[p] + 1) for p in places)))
    return [dict(zip(places, e)) for e in min(lattice, grid, key=len)]


def _lattice(count: int, degree: int):
    # Every e in N^count with e_1 + … + e_count ≤ degree.
    if count == 0:
        yield ()
        return
    for first in range(degree + 1):
        for rest in _lattice(count - 1, degree - first):
            yield (first,) + rest


def size_grid(eq: Equation, notation, standard: dict) -> tuple:
    """(depth, sizes) of the networks that pin ``eq``'s sums as polynomials in the sizes (none for one sum).

    ``standard`` maps each depth checked to its standard network; the layers a sum runs over
    there take the sizes 2 + e, Σ e ≤ the number of sums (or e_p ≤ the sums over layer p,
    when that grid is smaller), and whether they are all of them: past ``MAX_GRID``
    networks the first ``MAX_GRID`` are returned (they may still refute) with False.
    """
    degree = sums_per_claim(eq)
    if degree < 2:
        return (), True
    bounds = [b for s in eq.sides if not isinstance(s, Cdots) for b in _bounds(s, notation)]
    out: list = []
    for depth, base in sorted(standard.items()):
        for counts in _positions(bounds, depth, notation.layer_shift):
            for e in _points(counts, degree):
                sizes = list(base)
                for p, k in e.items():
                    sizes[p - 1] = 2 + k
                item = (depth, tuple(sizes))
                if tuple(sizes) != tuple(base) and item not in out:
                    if len(out) == MAX_GRID:
                        return tuple(out), False
                    out.append(item)
    return tuple(out), True
