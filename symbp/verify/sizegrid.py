r"""Networks enough to pin a formula's value as a polynomial in the layer sizes its sums run to.

A sum ``\sum_{k=1}^{n_L} f`` adds one term per neuron of layer L, so a formula
can depend on n_L polynomially: ``\sum_{k=1}^{n_L} 1`` is n_L, and
(Σ 1 − 2)(Σ 1 − 3)(Σ 1 − 4) is 0 on every output layer of 2, 3 or 4 neurons and
6 on one of 5 (review 38, F4). Expanded, a claim whose sums give it degree m
(``degrees``: a sum adds one, a product adds, a sum of terms takes the largest)
is a sum of monomials in the network's atoms; a monomial naming s summed neurons
has a coefficient that is a polynomial of total degree at most m − s in the
sizes, valid wherever those neurons exist (the other sums count their choices:
a falling factorial). A polynomial of total degree m in the sizes of the layers
P is 0 everywhere if it is 0 on the lattice {n : n_p ≥ 2, Σ (n_p − 2) ≤ m} (a
principal lattice, unisolvent for that degree; the coefficients of monomials
naming s neurons are pinned on its part with n_p ≥ s), or on the grid
2 ≤ n_p ≤ 2 + m_p (m_p: the degree in n_p alone). So each depth is checked on
its standard network with the sizes at P running over the smaller of the two,
every other layer as it was.

Degree 1 (one sum: BP2's Σ_k w^{l+1}_{kj} δ^{l+1}_k, a softmax's Σ_k y_k) adds
nothing: a wrong formula is right for at most one size of its layer, and the two
networks of depth 3 differ in every layer (``check`` refutes a depth where one
network holds and another fails). The ground truth adds nothing of its own: δ ≡
∂C/∂z, written over the atoms, has no term a sum leaves free (every term of
Σ_k w_{kj} δ_k names neuron k).

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

from .nodes import (Add, Apply, Cdots, Comprehension, Div, Equation, Index, Layer, Matrix, Mul, Norm, Pow, Quantity,
                    Sum, Transpose, children, walk)

#: More networks than this for the sizes of a formula's sums: undecided, never holds.
MAX_GRID = 60


#: The layer of a sum whose bound is not written and whose index stands nowhere we can place: every layer.
ANY = Layer("?", 0)


def degrees(node, notation=None) -> dict:
    r"""The degree of ``node``'s value in the size of each layer its sums run over, and in all of them
    (key ``None``): a sum adds 1 to its body's, a product adds its factors', a sum of terms takes the
    largest, a power multiplies ((Σ 1 − 3)^3 is of degree 3), a quotient counts both parts.

    >>> from symbp.notation import profile
    >>> from symbp.verify.reader import read
    >>> d = degrees(read(r"C = (\sum_{k=1}^{n_L} 1 - 3)^3 + \sum_k a^L_k").sides[1], profile("nielsen"))
    >>> d[None], d[Layer("L", 0)]
    (3, 3)
    """
    if isinstance(node, (Sum, Comprehension)):
        out = dict(degrees(node.body, notation))
        if isinstance(node, Sum) or isinstance(node.upper, Layer):
            layer = node.upper if isinstance(node.upper, Layer) else _index_layer(node.var, node.body, notation)
            out[layer] = out.get(layer, 0) + 1
            out[None] = out.get(None, 0) + 1
        return out
    if isinstance(node, Norm):  # ‖v‖²: a sum over v's entries
        out = dict(degrees(node.arg, notation))
        layer = next((q.layer if q.role != "y" else Layer("L", 0) for q in walk(node.arg) if isinstance(q, Quantity)
                      and (q.layer is not None or q.role == "y")), ANY)
        out[layer] = out.get(layer, 0) + 1
        out[None] = out.get(None, 0) + 1
        return out
    if isinstance(node, Apply):
        # σ(Σ_k w_{jk} a_k + b_j) is read only when its argument is a neuron's z (else uninterpretable): its value
        # is that neuron's, whatever the sizes (σ(Σ_{k=1}^{n_L} 1), exp of a size, is never read).
        return {}
    if isinstance(node, Pow):
        return {k: v * max(1, abs(node.exp)) for k, v in degrees(node.base, notation).items()}
    parts = [degrees(c, notation) for c in children(node)]
    out: dict = {}
    for part in parts:
        for k, v in part.items():
            out[k] = max(out.get(k, 0), v) if isinstance(node, Add) else out.get(k, 0) + v
    if isinstance(node, Mul):
        # review (layouts, finding 5): uᵀv of two vectors is a sum over their layer, Σ_k u_k v_k, hidden in the
        # product: (1 - a^L)^T (1 - a^L) is n_L − 2Σa + Σa², of degree 1 in n_L as \sum_k (1 - a^L_k)^2 is
        for layer in _inner_products(node.factors, notation):
            out[layer] = out.get(layer, 0) + 1
            out[None] = out.get(None, 0) + 1
    return out


def _inner_products(factors, notation=None) -> list:
    # the layer of each uᵀv in a product: a transposed vector followed by a vector, both of the network's vectors
    # of one layer (a, z, δ, b, y, the input x: no weight, no entry, no sum of their own); a matrix's product is not
    # counted
    rows = getattr(notation, "vectors", "column") == "row"  # u vᵀ of two row vectors is their inner product
    out = []
    for left, right in zip(factors, factors[1:]):
        if rows and isinstance(right, Transpose) and not isinstance(left, Transpose):
            left, right = right, left  # review rv42c 1: (a^L)(a^L)^T in row notes was not counted
        if isinstance(left, Transpose) and not isinstance(right, Transpose):
            layers = {_vector_layer(left.arg, notation), _vector_layer(right, notation)}
            if len(layers) == 1 and None not in layers:
                out.append(layers.pop())
            elif not isinstance(left.arg, Quantity) and _vector_layer(right, notation) is not None:
                # (M v)^T v, (Σ'(z^L) σ'(z^L))^T σ'(z^L): whatever stands transposed on the left, the product sums over
                # the entries of the vector on the right (rv52 A2: a cubic in n_L spelled so was not counted, and a
                # false BP3 held on output sizes 2, 3, 4)
                out.append(_vector_layer(right, notation))
        elif isinstance(left, (Mul, Apply, Matrix)) and _vector_layer(right, notation) is not None:
            # ((1 + 0a^L)(1 + 0a^L)^T)(1 + 0a^L), diag(v) v: a product, a matrix function or a matrix written out
            # times a vector of a layer sums over that layer too (a diagonal one only collapses: counting it is
            # more networks, never fewer)
            out.append(_vector_layer(right, notation))
    return out


def _vector_layer(node, notation=None) -> "Layer | None":
    # the layer of a vector expression of the network's vectors of one layer (y is the output's, x the input's:
    # review rv42c 1, (N_x − 2)(N_x − 3) with N_x the input's size written through xᵀx held), else None
    found = set()
    for n in walk(node):
        if isinstance(n, (Sum, Comprehension, Norm, Transpose, Apply)) and n is not node:
            return None
        if isinstance(n, Quantity):
            if n.role == "x" and n.layer is None and not n.indices and notation is not None:
                found.add(Layer(None, 1 + notation.layer_shift))
                continue
            if n.indices or n.role not in ("a", "z", "delta", "b", "y"):
                return None
            found.add(Layer("L", 0) if n.role == "y" else n.layer)
    return found.pop() if len(found) == 1 and None not in found else None


def _claim_degrees(lhs, rhs, notation) -> dict:
    # L − R: the larger of the two, unless a sum stands in a denominator (P/Q − R has P − RQ on top).
    left, right = degrees(lhs, notation), degrees(rhs, notation)
    divided = any(isinstance(n, Div) and degrees(n.den).get(None) for side in (lhs, rhs) for n in walk(side))
    keys = set(left) | set(right)
    return {k: (left.get(k, 0) + right.get(k, 0)) if divided else max(left.get(k, 0), right.get(k, 0)) for k in keys}


def _claims(eq: Equation, notation=None) -> list:
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    return [_claim_degrees(sides[0], s, notation) for s in sides[1:]]


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
    """The degree of the claims of ``eq`` (a side against the first) in the sizes their sums run to."""
    return max((c.get(None, 0) for c in _claims(eq)), default=0)


def _positions(layers: dict, depth: int, shift: int) -> list:
    """For each value of the layer variables, {Nielsen layer (1 … depth): the degree in its size}."""
    def place(b, at):
        return b.offset - shift if b.var is None else depth + b.offset if b.var == "L" else at[b.var] + b.offset
    known = {b: d for b, d in layers.items() if b is not None and b != ANY}
    free = sorted({b.var for b in known if b.var not in (None, "L")})
    out = []
    for values in product(range(1, depth + 1), repeat=len(free)):
        at = dict(zip(free, values))
        counts: dict = {}
        for b, d in known.items():
            if 1 <= place(b, at) <= depth:
                counts[place(b, at)] = counts.get(place(b, at), 0) + d
        if layers.get(ANY):  # a sum over a layer not known here may run over any of them
            counts = {p: counts.get(p, 0) + layers[ANY] for p in range(1, depth + 1)}
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
    claims = [c for c in _claims(eq, notation) if c.get(None, 0) >= 2]
    if not claims:
        return (), True
    out: list = []
    for depth, base in sorted(standard.items()):
        for counts, degree in [(c, claim[None]) for claim in claims
                               for c in _positions(claim, depth, notation.layer_shift)]:
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
