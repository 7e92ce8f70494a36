r"""Which names of the notes' own model are vectors or matrices, their sizes and their orientation.

Shapes come, in this order, from the prose ("a row vector", "a 2 × 3 matrix"),
from written-out vectors and matrices a quantity is equated to, from the
products of the definitions (y = W x makes W |y| × |x| and x a column; g = x W
makes x a row), and last from the largest entry index the notes write
(x_1, x_2: two entries). Orientation not said anywhere: a column (and the
model says so). Sizes fixed nowhere are open: each is tried at ``FAMILY_SIZES``.
A name nothing gives a shape is a number, or in the vector reading a vector or
matrix by the products it stands in (``graphguess``; ``graphbuild.build`` says
which reading).

>>> from symbp.verify.graphread import read_graph
>>> defs = [(1, read_graph("g = x W")), (2, read_graph("x = (x_1, x_2)"))]
>>> open_dims(defs, hints=[(3, "W", "matrix", ())])  # "W a matrix": 2 rows, its columns (and g's size) open
['g']
"""

from __future__ import annotations

from .graphmodel import (Add, Call, Div, Had, Mat, Model, Mul, Neg, Norm, Num, Pow, Quantity, Sym, T,
                         is_declaration, is_definition, is_matrix_letter, literal_shape, split_index, uses)
from .graphdelta import kronecker_uses
from .graphguess import flipped as _transpose, guessed_shapes, guessed_words, open_letter, scaled
from .graphoneentry import learn_one_entry
from .graphnodes import walk
from .graphsizes import add_letters, open_size, sum_bounds
from .graphsoftmax import share_index_sizes

#: Sizes given in turn to the dimensions the notes never fix (a second member of the family starts at 3).
FAMILY_SIZES = (2, 3)
#: The sizes in turn of each member of the family of open sizes (``sizes["start"]`` picks one): 2 and 3 first, then
#: 4 and 5, then 1 and 4, 4 and 1, so every open size takes 1, 2, 3 and 4 (and more) and a claim true only at 2 and 3
#: (review rv42c 2: a sum to an open size, (Σ_j 1 − 2)(Σ_j 1 − 3)) is refuted. The members with a size 1 refute only
#: by values: ``graphfamily.SIZE_ONE``.
FAMILY_CYCLES = ((2, 3), (3, 2), (4, 5), (1, 4), (4, 1))


def open_dims(defs: list, formulas: list = (), hints: list = (), vectors: bool = False) -> list:
    """The names of the dimensions the notes never fix (each is tried at ``FAMILY_SIZES``); ``vectors``: in the
    vector reading (``graphguess``)."""
    m = Model()
    eqs = [eq for _, eq in defs] + list(formulas)
    m.functions = model_functions([eq for _, eq in defs], formulas)
    return shape_quantities(m, defs, eqs, hints, {"vectors": vectors})


def shape_quantities(m: Model, defs: list, eqs: list, hints: list, sizes: dict) -> list:
    """Give ``m`` its quantities with their ranks, sizes and orientation, from the definitions ``defs``, all the
    formulas ``eqs`` and the prose ``hints``; ``sizes`` fixes dimensions the notes leave open. The names of the
    quantities whose sizes were open, in the order they were fixed. ``sizes["vectors"]``: the names the notes give
    no shape are read as vectors and matrices by their products (``graphguess``), not as numbers."""
    m.vector_reading = bool(sizes.get("vectors"))
    _ranks(m, defs, eqs, hints)
    add_letters(m, hints)
    opened = _shapes(m, defs, eqs, hints, sizes)
    if guessed_words(m):
        m.notes.append(guessed_words(m))
    return opened


# -- names ------------------------------------------------------------------------------------


def called_functions(eqs) -> set:
    """The names the formulas apply as functions (h in z = h(y), h in h'(g)), not the name a declaration declares."""
    out = set()
    for eq in eqs:
        declared = eq.sides[0] if is_declaration(eq) else None
        for n in walk(eq):
            if isinstance(n, Call) and isinstance(n.func, Sym) and n.func != declared:
                out.add(n.func.base.rstrip("'"))  # h'(g) names the function h
    return out


def model_functions(defs: list, formulas: list) -> set:
    r"""The names applied as functions: those the definitions ``defs`` apply, and those the other ``formulas``
    (claims, prose) apply that the definitions never use as a quantity. A claim never makes a quantity of the
    definitions a function (``W \left(\cdot\right)`` in a claim leaves the matrix W of ``g = W x`` a matrix).

    >>> from symbp.verify.graphread import read_graph as r
    >>> claims = [r(r"\frac{\partial L}{\partial x} = W(g + x)"), r("y = f(x)")]
    >>> sorted(model_functions([r("g = W x"), r("z = h(g)")], claims))
    ['f', 'h']
    """
    named = {n.base for eq in defs for n in walk(eq) if isinstance(n, Sym)} - called_functions(defs)
    # a name a formula gives a value to as a quantity (δ^{(t)} = ∂L^{(t)}/∂g^{(t)}, read as a claim) is no function
    # either, though a claim writes it before a bracket (review 25 B2: δ^{(t)} (x^{(t)})^T was then refuted)
    named |= {eq.sides[0].base for eq in formulas if getattr(eq, "sides", None) and isinstance(eq.sides[0], Sym)}
    return called_functions(defs) | {f for f in called_functions(formulas) if f not in named}


def _ranks(m: Model, defs, eqs, hints) -> None:
    used = uses(eqs)
    # "$x$ is a vector" (no size, no orientation) leaves x open: the vector reading gives it its shape (``graphbuild``)
    said = {name: (orient, dims) for _, name, orient, dims in hints if orient not in ("letters", "vector", "entries")}
    for _, name, orient, dims in hints:  # "an n × k matrix": a matrix whose sizes are letters
        if orient == "letters" and name not in said:
            said[name] = ("", dims)
    ranks: dict = {}
    defined = {n.base for _, eq in defs for n in walk(eq) if isinstance(n, Sym)}
    for base, subs in used.items():
        if base in m.functions and not any(subs - {()}) or kronecker_uses(base, subs, defined):
            continue  # a function, or Kronecker's δ_{ij}: no quantity
        parts = {len(split_index(s, 2)) if s else 0 for s in subs}
        two = any(len(s) == 2 or (len(s) == 1 and len(s[0]) == 2 and not s[0].isdigit() and "_" not in s[0])
                  for s in subs if s) or any(len(s) == 1 and len(s[0]) == 2 and s[0].isdigit() for s in subs if s)
        if base in said and said[base][1] and len(said[base][1]) == 2:
            ranks[base] = 2
        elif (is_matrix_letter(base) or (len(base) == 1 and base.islower() and base.upper() in used)) and two:
            ranks[base] = 2  # w_{12} of W, and v_{32} of a matrix V the notes use
        elif any(s for s in subs):
            ranks[base] = 1
        else:
            ranks[base] = 0
        del parts
    # a capital letter with lowercase entries: W with w_{ij}; a lowercase matrix letter's entries belong to it
    for base in list(ranks):
        if base not in ranks:
            continue
        if len(base) == 1 and base.islower() and ranks[base] == 2 and base.upper() in ranks:
            ranks[base.upper()] = 2
            del ranks[base]
        elif len(base) == 1 and base.isupper() and ranks[base] == 0 and base.lower() in ranks \
                and ranks[base.lower()] == 2:
            ranks[base] = ranks.pop(base.lower())
    for base, (orient, dims) in said.items():
        if dims:
            ranks[base] = len(dims) if len(dims) == 2 else 1
        elif orient == "scalar":  # "$W$ a scalar": a number, never guessed a matrix (``graphguess``)
            if base in ranks:
                ranks[base] = 0
        elif orient:
            ranks[base] = 2 if orient == "matrix" else 1
    for _, eq in defs:
        lhs, rhs = eq.sides[0], eq.sides[-1]
        if isinstance(lhs, Sym) and not lhs.sub and isinstance(rhs, Mat):
            shape = literal_shape(rhs)
            ranks[lhs.base] = 1 if 1 in shape else 2
    scalars = {name for _, name, orient, _ in hints if orient == "scalar"}
    for _, name, orient, _ in hints:  # "$x$ a vector and $W$ a scalar", g = x W: x a vector of open size; "a noise
        # vector $\xi$": a vector, a name the vector reading never guesses (a single Latin letter only, ``graphguess``)
        if orient == "vector" and ranks.get(name) == 0 and name not in said and (scalars or name.startswith("\\")):
            ranks[name] = 1
    m.open_ranks = {base for base, r in ranks.items() if r == 0 and base not in said}
    for base, r in ranks.items():
        m.quantities[base] = Quantity(base, r)


def _shapes(m: Model, defs, eqs, hints, sizes: dict) -> list:
    qs = m.quantities
    for line, name, orient, dims in hints:
        q = qs.get(m.canonical(name))
        if q is not None and orient == "letters" and q.rank == 2 == len(dims):  # a 2 × n matrix: 2 rows
            q.dims = tuple(d if isinstance(d, int) else (q.dims[k] if q.dims else None) for k, d in enumerate(dims))
            q.dims = q.dims if any(q.dims) else ()
        if q is None or orient == "letters":
            continue
        if orient in ("row", "col") and q.rank == 1:
            q.orient, q.why = orient, f"said on line {line}"
        if dims:
            q.dims = tuple(dims) if q.rank == 2 else (max(dims),)
            q.why = f"said on line {line}"
    # written-out vectors and matrices equated to a name
    tuples = []  # x = (x_1, x_2): a row unless a product of the definitions says otherwise (y = V x: a column)
    for line, eq in defs:
        lhs, rhs = eq.sides[0], eq.sides[-1]
        for named, lit in ((lhs, rhs), (rhs, lhs)):
            if isinstance(named, Sym) and not named.sub and isinstance(lit, Mat) and named.base in qs:
                q = qs[named.base]
                r, c = literal_shape(lit)
                if q.rank == 1 and not q.dims and getattr(lit, "tuple_form", False) and r == 1:
                    q.dims, q.why = (c,), f"line {line}"
                    tuples.append((q, lit))
                elif q.rank == 1 and not q.dims:
                    q.dims, q.orient, q.why = (max(r, c),), ("row" if r == 1 and c > 1 else "col"), f"line {line}"
                elif q.rank == 2 and (not q.dims or not all(q.dims)):
                    q.dims, q.why = (r, c), f"line {line}"
        # a written vector of entries on either side: (x_1; x_2) = W (y_1; y_2) sizes x and y
        for k, side in enumerate(eq.sides):
            for n in walk(side):
                if isinstance(n, Mat):
                    _vector_of_entries(m, n, line, defining=(k == 0 and n is side))
    # products, sums and functions of the definitions: W y makes y a column of W's columns, x W makes x a row
    claims = [eq for eq in eqs if not (is_definition(eq) or is_declaration(eq))]
    m.free_tuples = {id(lit) for _, lit in tuples}  # no orientation of their own while the products speak
    _propagate(m, defs, claims)
    m.free_tuples = set()
    if any(not q.orient for q, _ in tuples):
        for q, _ in tuples:
            q.orient = q.orient or "row"
        _propagate(m, defs, claims)
    # the largest entry index written anywhere: vectors first, then (their sizes carried through the definitions)
    # matrices, whose largest index is only a bound (w_{12} of a W that g = x W makes 2×3 once g has 3 entries)
    used = uses(eqs)
    for rank in (1, 2):
        _largest_index(m, used, rank, defs)
        _propagate(m, defs, claims)
    opened = []
    counter = 0
    while True:
        q = next((q for q in _in_order(m, defs) if q.rank and (not q.dims or not all(q.dims))), None)
        if q is None:
            break
        opened.append(q.name)
        dims = list(q.dims) if q.dims else [None] * q.rank
        for k, d in enumerate(dims):
            if not d:
                cycle = FAMILY_CYCLES[sizes.get("start", 0) % len(FAMILY_CYCLES)]
                dims[k] = sizes.get(q.name, open_size(m, q.name, k, cycle[counter % len(cycle)]))
                counter += 1
        q.dims, q.why = tuple(dims), "a size the notes leave open"
        _propagate(m, defs, claims)
    return opened


def _largest_index(m: Model, used: dict, rank: int, defs) -> None:
    """The sizes of the quantities of ``rank`` that are still open, from the largest entry index written; an
    index is only a bound, so a vector and what an entrywise definition makes of it (h = tanh(g)) share the
    larger one (g_2 and h_3 written: both have 3 entries)."""
    bounds = {}
    for base, subs in used.items():
        q = m.quantities.get(m.canonical(base))
        if q is None or q.rank != rank:
            continue
        best = list(bounds.get(q.name, [0] * q.rank))
        for s in subs:
            if not s:
                continue
            idx = split_index(s, q.rank)
            for k, i in enumerate(idx[:q.rank]):
                if isinstance(i, int):
                    best[k] = max(best[k], i)
        bounds[q.name] = best
    for name, axis, top in sum_bounds(m, defs, rank):  # Σ_{k=1}^{2} t_k: t has (at least) 2 entries
        best = bounds.setdefault(name, [0] * rank)
        best[axis] = max(best[axis], top)
    for _ in range(len(defs)):
        for _, eq in defs:
            lhs, rhs = eq.sides[0], eq.sides[-1]
            args = rhs.args if isinstance(rhs, Call) and len(rhs.args) == 1 else ()
            if not (is_definition(eq) and not is_declaration(eq) and isinstance(lhs, Sym) and not lhs.sub
                    and len(args) == 1 and isinstance(args[0], Sym) and not args[0].sub):
                continue
            pair = [m.canonical(lhs.base), m.canonical(args[0].base)]
            if all(n in bounds for n in pair):
                top = [max(a, b) for a, b in zip(bounds[pair[0]], bounds[pair[1]])]
                bounds[pair[0]] = bounds[pair[1]] = top
    for name, best in bounds.items():
        q = m.quantities[name]
        if q.dims and all(q.dims):
            continue
        # an index 1 alone says nothing of the size (review rv42c: g_1 in one claim made g a vector of 1, and g = x W
        # then "a scalar", exit 2): that size stays open
        dims = [d or (b if b > 1 else None) for d, b in zip(q.dims or (None,) * q.rank, best)]
        if all(dims):
            q.dims, q.why = tuple(dims), q.why or "its largest entry index"


def _in_order(m: Model, defs) -> list:
    """The quantities in the order the definitions first name them, then the others."""
    seen, out = set(), []
    for _, eq in defs:
        for n in walk(eq):
            if isinstance(n, Sym):
                name = m.canonical(n.base)
                if name in m.quantities and name not in seen:
                    seen.add(name)
                    out.append(m.quantities[name])
    return out + [q for q in m.quantities.values() if q.name not in seen]


# -- shapes through the definitions ------------------------------------------------------------------
# A shape is ("s",) a scalar, ("v", orient, n) a vector (orient "row"/"col"/None, n None if unknown),
# ("m", rows, cols) a matrix, or None when nothing is known.


def _propagate(m: Model, defs, claims=()) -> None:
    ordered = _by_dependence(defs)
    for _ in range(4):
        for _, eq in ordered:
            if is_declaration(eq) or not is_definition(eq):
                continue
            lhs, rhs = eq.sides[0], eq.sides[-1]
            shape = _shape(m, rhs)
            if isinstance(lhs, Sym) and not lhs.sub and shape is not None:
                _learn(m, lhs, shape)
                learn_one_entry(m, lhs, rhs, shape)  # g = x W of a 3×1 W, g_j written: one entry (rv45 C1)
            if isinstance(lhs, Sym) and not lhs.sub:
                _shape(m, rhs, _shape(m, lhs))
        share_index_sizes(m, defs, claims)  # after the products: y_i = e^{u_i} / Σ_j e^{u_j}, Σ_k t_k log y_k


def _by_dependence(defs) -> list:
    """The definitions with each after those of the names it uses, else in the notes' order: a name defined later
    on the same line is not a number meanwhile (``y = W^{(2)} a^{(1)}`` filed before ``a^{(1)} = \\tanh(z^{(1)})``
    made y a matrix of W^{(2)}'s shape)."""
    defines = {}
    for k, (_, eq) in enumerate(defs):
        lhs = eq.sides[0] if getattr(eq, "sides", None) else None
        if isinstance(lhs, Sym) and not lhs.sub and is_definition(eq) and not is_declaration(eq):
            defines.setdefault(lhs.base, k)
    out, placed = [], set()

    def place(k: int, path: frozenset) -> None:
        if k in placed or k in path:
            return
        for n in walk(defs[k][1].sides[-1]):
            if isinstance(n, Sym) and defines.get(n.base, k) != k:
                place(defines[n.base], path | {k})
        placed.add(k)
        out.append(defs[k])

    for k in range(len(defs)):
        place(k, frozenset())
    return out


def _qshape(m: Model, sym: Sym):
    q = m.quantities.get(m.canonical(sym.base))
    if q is None or sym.sub:
        return ("s",) if q is not None and sym.sub else None
    if q.rank == 0:
        return ("s",)
    if q.rank == 1:
        return ("v", q.orient or None, q.dims[0] if q.dims else None)
    return ("m",) + (tuple(q.dims) if q.dims else (None, None))


def _learn(m: Model, sym, shape) -> None:
    sym, flip = scaled(sym)  # W^T of a shape: W of its transpose (x W^T); 2 W, W / 2: W of that shape (issue 12)
    shape = _transpose(shape) if flip else shape
    if not isinstance(sym, Sym) or sym.sub or shape is None or shape[0] == "s":
        return
    q = m.quantities.get(m.canonical(sym.base))
    if q is None or sym.base in m.functions:
        return
    if shape[0] == "v":
        if q.rank == 0:
            q.rank = 1
        if q.rank != 1:
            return
        if shape[1] and not q.orient:
            q.orient = shape[1]
        if shape[2] and not q.dims:
            q.dims = (shape[2],)
    elif shape[0] == "m":
        if q.rank == 0:
            q.rank = 2
        if q.rank != 2:
            return
        dims = list(q.dims) if q.dims else [None, None]
        for k in (0, 1):
            dims[k] = dims[k] or shape[1 + k]
        q.dims = tuple(dims) if any(dims) else ()


def _shape(m: Model, node, want=None):
    """The shape of ``node`` (see above); ``want`` a shape the context requires, learnt by bare symbols."""
    if isinstance(node, Sym):
        got = _qshape(m, node)
        if want is not None:
            _learn(m, node, want)
            got = _qshape(m, node) or got
        return got
    if isinstance(node, Num):
        return ("s",)  # 2 in h = 2 σ(g): a number, so the product has σ(g)'s shape (issue 12)
    if isinstance(node, (Neg,)):
        return _shape(m, node.arg, want)
    if isinstance(node, T):
        inner = _shape(m, node.arg, _transpose(want))
        return _transpose(inner)
    if isinstance(node, Mat):
        r, c = literal_shape(node)
        if id(node) in getattr(m, "free_tuples", ()):
            return ("v", None, c)  # x = (x_1, x_2): a tuple, its orientation from the products (``shape_quantities``)
        return ("v", "row", c) if r == 1 and c > 1 else ("v", "col", r) if c == 1 and r > 1 else ("m", r, c)
    if isinstance(node, (Add, Had)):
        terms = node.terms if isinstance(node, Add) else (node.left, node.right)
        shapes = [_shape(m, t) for t in terms]
        known = want or next((sh for sh in shapes if sh is not None and sh[0] != "s"), None) or next(
            (sh for sh in shapes if sh is not None), None)
        if known is not None and known[0] != "s":
            for t in terms:
                if _shape(m, t) != ("s",) or _leaf_scalar(m, t):
                    _shape(m, t, known)
        return known
    if isinstance(node, Call):
        if len(node.args) == 1:
            return _shape(m, node.args[0], want)
        return ("s",)
    if isinstance(node, Norm):
        _shape(m, node.arg)  # what is inside still teaches its symbols
        return ("s",)
    if isinstance(node, (Div,)):
        if isinstance(node.num, Num):  # \frac{1}{1 + e^{-g}}: a number over a vector is that vector's shape
            return _shape(m, node.den, want)
        return _shape(m, node.num, want)
    if isinstance(node, Pow):
        return _shape(m, node.base)
    if isinstance(node, Mul):
        fs = node.factors
        shape = _shape(m, fs[0])
        for k, f in enumerate(fs[1:], start=1):
            last = k == len(fs) - 1
            # the factor on the left is the product so far when only numbers precede it (2 x W: x; issue 12)
            left = fs[k - 1] if all(_shape(m, e) == ("s",) and not open_letter(m, e) for e in fs[:k - 1]) else None
            shape = _times(m, shape, _shape(m, f), left, f, want if last else None)
        return shape
    return None


def _times(m: Model, a, b, left, right, want):
    """The shape of a product, teaching the bare symbols on either side what the other side says."""
    taught = guessed_shapes(m, left, right, a, b)  # the vector reading: x W with x and W open (``graphguess``)
    for sym, shape in taught:
        _learn(m, sym, shape)
        m.open_ranks.discard(m.canonical(sym.base))
    if taught:
        a = _shape(m, left) if left is not None else a
        b = _shape(m, right)
    for one, other, side in ((a, b, right), (b, a, left)):  # a number times x: x has the product's shape
        if one is not None and one[0] == "s" and isinstance(side, Sym) and want is not None and want[0] != "s" \
                and other is not None and other[0] == want[0]:
            _learn(m, side, want)
            return _shape(m, side)
    if a is not None and a[0] == "s":
        return b
    if b is not None and b[0] == "s":
        return a
    n_want = want[2] if want is not None and want[0] == "v" else None
    if a is not None and b is not None and a[0] == "v" and b[0] == "m":  # x W: x a row of W's rows
        _learn(m, left, ("v", "row", b[1]))
        _learn(m, right, ("m", a[2], n_want))
        b = _shape(m, right)
        return ("s",) if b[2] == 1 else ("v", "row", b[2])  # x W with W of one column: a number, as evaluated
    if a is not None and b is not None and a[0] == "m" and b[0] == "v":  # W y: y a column of W's columns
        _learn(m, right, ("v", "col", a[2]))
        _learn(m, left, ("m", n_want, b[2]))
        a = _shape(m, left) if left is not None else a
        return ("s",) if a[1] == 1 else ("v", "col", a[1])  # V h with V of one row: a number, as evaluated
    if a is not None and b is not None and a[0] == "m" and b[0] == "m":
        _learn(m, right, ("m", a[2], None))
        _learn(m, left, ("m", None, b[1]))
        return ("m", a[1], b[2])
    if a is not None and b is not None and a[0] == "v" and b[0] == "v":
        if a[1] == "row" and b[1] == "col":
            return ("s",)
        if a[1] == "col" and b[1] == "row":
            return ("m", a[2], b[2])
    return None


def _leaf_scalar(m: Model, node) -> bool:
    # y in a - y: a name with no entries and no definition of its own takes the shape of what it is added to
    while isinstance(node, Neg):
        node = node.arg
    if not isinstance(node, Sym) or node.sub:
        return False
    q = m.quantities.get(m.canonical(node.base))
    return q is not None and q.rank == 0 and node.base not in m.functions


def _vector_of_entries(m: Model, lit: Mat, line: int, defining: bool = False) -> None:
    cells = [c for row in lit.rows for c in row if isinstance(c, Sym)]
    if not cells or len(cells) != sum(len(r) for r in lit.rows):
        return
    bases = {c.base for c in cells}
    if len(bases) != 1:
        return
    name = m.canonical(bases.pop())
    q = m.quantities.get(name)
    r, c = literal_shape(lit)
    if q is not None and q.rank == 1 and (r == 1 or c == 1):
        idx = [split_index(x.sub, 1) for x in cells]
        if [i[0] for i in idx] == list(range(1, len(cells) + 1)) and not q.dims:
            q.dims, q.why = (len(cells),), f"line {line}"
            if not q.orient and r > 1:
                q.orient = "col"  # a written column of x's entries; a row of them may be a row literal only
            if not q.orient and defining:
                q.orient = "row"  # (g_1, g_2, g_3) = …: the quantity defined is written as a row



__all__ = ["FAMILY_CYCLES", "FAMILY_SIZES", "called_functions", "model_functions", "open_dims", "shape_quantities"]
