r"""Building the notes' model from their definitions: which names are vectors or matrices, their sizes
and orientation, and the one-level definition of every entry.

Shapes come, in this order, from the prose ("a row vector", "a 2 × 3 matrix"),
from written-out vectors and matrices a quantity is equated to, from the
products of the definitions (y = W x makes W |y| × |x| and x a column; g = x W
makes x a row), and last from the largest entry index the notes write
(x_1, x_2: two entries). Orientation not said anywhere: a column (and the
model says so).

>>> from symbp.verify.graphread import read_graph
>>> m = build([(1, read_graph("g = x W")), (2, read_graph("x = (x_1, x_2)")),
...            (3, read_graph("W = \\begin{pmatrix} w_{11} & w_{12} & w_{13} \\\\ w_{21} & w_{22} & w_{23} \\end{pmatrix}"))])
>>> m.quantities["g"].describe()
'g a row vector of 3'
"""

from __future__ import annotations

import sympy
from sympy.core.function import AppliedUndef

from .graphevaluate import Evaluator, Misfit
from .graphmodel import (LOSS_NAMES, Add, Call, Deriv, Div, GraphError, GraphUninterpretable, Had, Mat, Model, Mul, Neg,
                         Norm, Pow, Quantity, Sym, T, has_derivative, is_matrix_letter, literal_shape, split_index, to_latex,
                         is_self_step, uses)
from .graphnodes import walk
from .graphsizes import add_letters, letter_words, open_size

#: Sizes given in turn to the dimensions the notes never fix (a second member of the family starts at 3).
FAMILY_SIZES = (2, 3)


def is_declaration(eq) -> bool:
    """``y_1 = y_1(x_1, x_2)``, ``L = L(y_1, y_2)``: the quantity depends on these."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    return len(eq.sides) == 2 and isinstance(lhs, Sym) and isinstance(rhs, Call) and rhs.func == lhs


def is_definition(eq) -> bool:
    """An equation that defines a quantity: a symbol, an entry or a written vector of entries on the left,
    no derivative anywhere."""
    if len(eq.sides) != 2 or has_derivative(eq) or is_self_step(eq):
        return False
    lhs = eq.sides[0]
    if isinstance(lhs, Sym):
        return not lhs.mark  # W^{(t+1)}, w^{\text{new}}: a value in an update rule, never the quantity's definition
    return isinstance(lhs, Mat) and all(isinstance(c, Sym) for row in lhs.rows for c in row)


def build(defs: list, formulas: list = (), hints: list = (), differentiated: dict | None = None,
          sizes: dict | None = None, sigma=None) -> Model:
    """The model of ``defs`` [(line, Equation)], shapes also from every formula and the prose ``hints``
    [(line, name, orient, dims)]; ``sizes`` fixes dimensions the notes leave open (the family); ``sigma`` is σ as
    a function of a SymPy expression when the notes say which (``graphsigma``), None: σ is generic."""
    m = Model()
    if sigma is not None:
        m.sigma, m.sigma_is_generic = sigma, False
    _twice(defs)
    eqs = [eq for _, eq in defs] + list(formulas)
    m.functions = _functions(eqs)
    m.applied = _functions([eq for _, eq in defs])
    _ranks(m, defs, eqs, hints)
    add_letters(m, hints)
    _shapes(m, defs, eqs, hints, sizes or {})
    m.known = {m.canonical(n.base) for _, eq in defs for n in walk(eq) if isinstance(n, Sym)}
    m.known |= {m.canonical(n.func.base) for _, eq in defs for n in walk(eq)
                if isinstance(n, Call) and isinstance(n.func, Sym)}
    _define(m, defs)
    _patterns(m, defs)
    _declare(m, defs, differentiated or {})
    _acyclic(m, defs)
    return m


def _twice(defs) -> None:
    """g = x W at one line and g = W x at another: the same name defined by two different formulas."""
    seen: dict = {}
    for line, eq in defs:
        if is_declaration(eq) or not is_definition(eq) or not isinstance(eq.sides[0], Sym):
            continue
        key = eq.sides[0]
        rhs = to_latex(eq.sides[-1]).replace(" ", "")
        if key in seen and seen[key][1] != rhs:
            first = seen[key]
            raise GraphError(f"the notes define {key.latex()} twice, differently: at line {first[0]} "
                             f"({key.latex()} = {first[2]}) and at line {line} ({to_latex(eq)})", lines=(first[0], line))
        seen.setdefault(key, (line, rhs, to_latex(eq.sides[-1])))


def open_dims(defs: list, formulas: list = (), hints: list = ()) -> list:
    """The names of the dimensions the notes never fix (each is tried at ``FAMILY_SIZES``)."""
    m = Model()
    eqs = [eq for _, eq in defs] + list(formulas)
    m.functions = _functions(eqs)
    _ranks(m, defs, eqs, hints)
    add_letters(m, hints)
    return _shapes(m, defs, eqs, hints, {}, report_open=True)


# -- names ------------------------------------------------------------------------------------


def _functions(eqs) -> set:
    out = set()
    for eq in eqs:
        declared = eq.sides[0] if is_declaration(eq) else None
        for n in walk(eq):
            if isinstance(n, Call) and isinstance(n.func, Sym) and n.func != declared:
                out.add(n.func.base.rstrip("'"))  # h'(g) names the function h
    return out


def _ranks(m: Model, defs, eqs, hints) -> None:
    used = uses(eqs)
    said = {name: (orient, dims) for _, name, orient, dims in hints if orient != "letters"}
    for _, name, orient, dims in hints:  # "an n × k matrix": a matrix whose sizes are letters
        if orient == "letters" and name not in said:
            said[name] = ("", dims)
    ranks: dict = {}
    for base, subs in used.items():
        if base in m.functions and not any(subs - {()}):
            continue
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
        elif orient:
            ranks[base] = 2 if orient == "matrix" else 1
    for _, eq in defs:
        lhs, rhs = eq.sides[0], eq.sides[-1]
        if isinstance(lhs, Sym) and not lhs.sub and isinstance(rhs, Mat):
            shape = literal_shape(rhs)
            ranks[lhs.base] = 1 if 1 in shape else 2
    for base, r in ranks.items():
        m.quantities[base] = Quantity(base, r)


def _shapes(m: Model, defs, eqs, hints, sizes: dict, report_open: bool = False):
    qs = m.quantities
    for _, name, orient, dims in hints:
        q = qs.get(m.canonical(name))
        if q is not None and orient == "letters" and q.rank == 2 == len(dims):  # a 2 × n matrix: 2 rows
            q.dims = tuple(d if isinstance(d, int) else (q.dims[k] if q.dims else None) for k, d in enumerate(dims))
            q.dims = q.dims if any(q.dims) else ()
        if q is None or orient == "letters":
            continue
        if orient in ("row", "col") and q.rank == 1:
            q.orient, q.why = orient, "said in the notes"
        if dims:
            q.dims = tuple(dims) if q.rank == 2 else (max(dims),)
            q.why = "said in the notes"
    # written-out vectors and matrices equated to a name
    for line, eq in defs:
        lhs, rhs = eq.sides[0], eq.sides[-1]
        for named, lit in ((lhs, rhs), (rhs, lhs)):
            if isinstance(named, Sym) and not named.sub and isinstance(lit, Mat) and named.base in qs:
                q = qs[named.base]
                r, c = literal_shape(lit)
                if q.rank == 1 and not q.dims:
                    q.dims, q.orient, q.why = (max(r, c),), ("row" if r == 1 and c > 1 else "col"), f"line {line}"
                elif q.rank == 2 and (not q.dims or not all(q.dims)):
                    q.dims, q.why = (r, c), f"line {line}"
        # a written vector of entries on either side: (x_1; x_2) = W (y_1; y_2) sizes x and y
        for k, side in enumerate(eq.sides):
            for n in walk(side):
                if isinstance(n, Mat):
                    _vector_of_entries(m, n, line, defining=(k == 0 and n is side))
    # products, sums and functions of the definitions: W y makes y a column of W's columns, x W makes x a row
    _propagate(m, defs)
    # the largest entry index written anywhere: vectors first, then (their sizes carried through the definitions)
    # matrices, whose largest index is only a bound (w_{12} of a W that g = x W makes 2×3 once g has 3 entries)
    used = uses(eqs)
    for rank in (1, 2):
        _largest_index(m, used, rank, defs)
        _propagate(m, defs)
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
                dims[k] = sizes.get(q.name, open_size(m, q.name, k, FAMILY_SIZES[(counter + sizes.get("start", 0))
                                                                                  % len(FAMILY_SIZES)]))
                counter += 1
        q.dims, q.why = tuple(dims), "a size the notes leave open"
        _propagate(m, defs)
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
        dims = [d or b for d, b in zip(q.dims or (None,) * q.rank, best)]
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


def _propagate(m: Model, defs) -> None:
    for _ in range(4):
        for _, eq in defs:
            if is_declaration(eq) or not is_definition(eq):
                continue
            lhs, rhs = eq.sides[0], eq.sides[-1]
            shape = _shape(m, rhs)
            if isinstance(lhs, Sym) and not lhs.sub and shape is not None:
                _learn(m, lhs, shape)
            if isinstance(lhs, Sym) and not lhs.sub:
                _shape(m, rhs, _shape(m, lhs))


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
    if isinstance(node, (Neg,)):
        return _shape(m, node.arg, want)
    if isinstance(node, T):
        inner = _shape(m, node.arg, _transpose(want))
        return _transpose(inner)
    if isinstance(node, Mat):
        r, c = literal_shape(node)
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
        return _shape(m, node.num, want)
    if isinstance(node, Pow):
        return _shape(m, node.base)
    if isinstance(node, Mul):
        fs = node.factors
        shape = _shape(m, fs[0])
        for k, f in enumerate(fs[1:], start=1):
            last = k == len(fs) - 1
            shape = _times(m, shape, _shape(m, f), fs[0] if k == 1 else None, f, want if last else None)
        return shape
    return None


def _times(m: Model, a, b, left, right, want):
    """The shape of a product, teaching the bare symbols on either side what the other side says."""
    if a is not None and a[0] == "s":
        return b
    if b is not None and b[0] == "s":
        return a
    n_want = want[2] if want is not None and want[0] == "v" else None
    if a is not None and b is not None and a[0] == "v" and b[0] == "m":  # x W: x a row of W's rows
        _learn(m, left, ("v", "row", b[1]))
        _learn(m, right, ("m", a[2], n_want))
        b = _shape(m, right)
        return ("v", "row", b[2])
    if a is not None and b is not None and a[0] == "m" and b[0] == "v":  # W y: y a column of W's columns
        _learn(m, right, ("v", "col", a[2]))
        _learn(m, left, ("m", n_want, b[2]))
        a = _shape(m, left) if left is not None else a
        return ("v", "col", a[1])
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


def _transpose(shape):
    if shape is None or shape[0] == "s":
        return shape
    if shape[0] == "v":
        return ("v", {"row": "col", "col": "row"}.get(shape[1]), shape[2])
    return ("m", shape[2], shape[1])


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


# -- definitions --------------------------------------------------------------------------------


def _define(m: Model, defs) -> None:
    for line, eq in defs:
        if is_declaration(eq) or not is_definition(eq):
            continue
        lhs, rhs = eq.sides[0], eq.sides[-1]
        text = to_latex(eq)
        ev = Evaluator(m, "denominator")
        ev.loose = True
        if isinstance(lhs, Sym) and not lhs.sub:
            name = m.canonical(lhs.base)
            q = m.quantities.get(name)
            if q is None:
                q = m.quantities[name] = Quantity(name, 0)
            try:
                value = ev.value(rhs)
            except Misfit as exc:
                raise GraphError(f"line {line}: the definition {text} does not fit together: {exc}") from None
            _assign(m, name, q, value, line, text)
        elif isinstance(lhs, Sym):
            _define_entry(m, lhs, rhs, line, text)
        else:
            cells = [c for row in lhs.rows for c in row]
            try:
                value = ev.value(rhs)
            except Misfit as exc:
                raise GraphError(f"line {line}: the definition {text} does not fit together: {exc}") from None
            vals = list(value) if isinstance(value, sympy.MatrixBase) else [value]
            if len(vals) != len(cells):
                raise GraphError(f"line {line}: {text} equates {len(cells)} entries with {len(vals)} values")
            for cell, v in zip(cells, vals):
                m.define(Evaluator(m, "denominator").targets(cell), _node_args(m, v, line), line, text)


def _patterns(m: Model, defs) -> None:
    """z_1 = h(y_1) written for one entry, the others used but never defined: z_k = h(y_k) for every k."""
    for line, eq in defs:
        if is_declaration(eq) or not is_definition(eq):
            continue
        lhs, rhs = eq.sides[0], eq.sides[-1]
        if not (isinstance(lhs, Sym) and lhs.sub and lhs.sub[0].isdigit() and len(lhs.sub) == 1):
            continue
        name = m.canonical(lhs.base)
        q = m.quantities.get(name)
        if q is None or q.rank != 1:
            continue
        k = lhs.sub[0]
        inner = [n for n in walk(rhs) if isinstance(n, Sym) and n.sub]
        if not inner or any(n.sub != (k,) for n in inner):
            continue
        missing = [i for i in range(1, q.dims[0] + 1) if m.node(name, (i,)) not in m.defs]
        if not missing:
            continue
        text = to_latex(eq)
        for i in missing:
            pattern = _reindex(rhs, k, str(i))
            _define_entry(m, Sym(lhs.base, (str(i),)), pattern, line, text)
        m.notes.append(f"line {line}: {text} is read for every entry ({lhs.base}_k from the entries k of its "
                       "argument), as the notes use the other entries without defining them")


def _reindex(node, old: str, new: str):
    from dataclasses import fields, replace

    if isinstance(node, Sym):
        return Sym(node.base, tuple(new if s == old else s for s in node.sub), node.sample) if node.sub else node
    if isinstance(node, tuple):
        return tuple(_reindex(x, old, new) for x in node)
    if not hasattr(node, "__dataclass_fields__"):
        return node
    return replace(node, **{f.name: _reindex(getattr(node, f.name), old, new) for f in fields(node)})


def _assign(m: Model, name: str, q: Quantity, value, line: int, text: str) -> None:
    if isinstance(value, sympy.MatrixBase):
        r, c = value.shape
        if q.rank == 0:
            q.rank = 1 if 1 in (r, c) else 2
        if q.rank == 1:
            q.orient = q.orient or ("row" if r == 1 and c > 1 else "col")
            if not q.dims or q.why == "a size the notes leave open":
                q.dims = (max(r, c),)
            if q.shape != (r, c):
                raise GraphError(f"line {line}: {text} makes {name} {r}×{c}, but it is {q.describe()} "
                                 f"({q.why or 'elsewhere'})")
        elif not q.dims or not all(q.dims):
            q.dims = (r, c)
        elif q.dims != (r, c):
            raise GraphError(f"line {line}: {text} makes {name} {r}×{c}, but it is {q.describe()} ({q.why})")
        targets = list(m.entries(name))
        for t, v in zip(targets, list(value)):
            m.define(t, _node_args(m, v, line), line, text)
    else:
        if q.rank and value == 0 and q.dims and all(q.dims):  # b = 0 for a vector or a matrix: the zero vector
            for t in m.entries(name):
                m.define(t, sympy.Integer(0), line, text)
            return
        if q.rank:
            raise GraphError(f"line {line}: {text} makes {name} a scalar, but it is {q.describe()}")
        m.define(m.node(name), _node_args(m, value, line), line, text)


def _define_entry(m: Model, lhs: Sym, rhs, line: int, text: str) -> None:
    name = m.canonical(lhs.base)
    q = m.quantities.get(name)
    if q is None or q.rank == 0:
        raise GraphError(f"line {line}: {text} defines an entry of {lhs.base}, which has no entries")
    idx = split_index(lhs.sub, q.rank)
    letters = [i for i in idx if isinstance(i, str)]
    ranges = []
    for i, dim in zip(idx, q.dims):
        ranges.append([i] if isinstance(i, int) else list(range(1, dim + 1)))
    import itertools

    for combo in itertools.product(*ranges):
        bind = {i: v for i, v in zip(idx, combo) if isinstance(i, str)}
        ev = Evaluator(m, "denominator", bind)
        node = m.node(name, combo)
        try:
            value = ev.value(rhs)
        except Misfit as exc:
            sizes = f" (where {letter_words(ev.letters_used)})" if ev.letters_used else ""
            if node in m.defs:  # y = W x at one line, y_j = Σ_{i=1}^{k} w_{ji} x_i (k not x's size) at another
                raise GraphError(f"the notes define {node} twice, differently: at line {m.where[node]} and at line "
                                 f"{line} ({text}), where {exc}{sizes}; one definition per quantity") from None
            raise GraphError(f"line {line}: the definition {text} does not fit together: {exc}{sizes}") from None
        if isinstance(value, sympy.MatrixBase):
            raise GraphError(f"line {line}: {text} gives an entry the value {value.shape[0]}×{value.shape[1]}")
        sizes = f" (where {letter_words(ev.letters_used)})" if ev.letters_used else ""
        try:
            m.define(node, _node_args(m, value, line), line, text)
        except GraphError as exc:
            raise GraphError(str(exc).replace("; one definition", sizes + "; one definition")) from None
    del letters


def _node_args(m: Model, value, line: int):
    """Generic functions take nodes as arguments: an expression argument becomes an auxiliary node."""
    value = sympy.sympify(value)
    repl = {}
    for app in value.atoms(AppliedUndef):
        args = []
        for a in app.args:
            if a in m.names:
                args.append(a)
            else:
                aux = m.node("aux", (len(m.nodes),))
                m.defs[aux] = a
                m.where[aux] = line
                args.append(aux)
        repl[app] = app.func(*args)
    return value.xreplace(repl) if repl else value


def _declare(m: Model, defs, differentiated: dict) -> None:
    declared: dict = {}
    for line, eq in defs:
        if not is_declaration(eq):
            continue
        lhs, call = eq.sides[0], eq.sides[-1]
        target = Evaluator(m, "denominator").targets(lhs)
        if isinstance(target, sympy.MatrixBase):
            raise GraphError(f"line {line}: {to_latex(eq)} declares a vector as a function; declare its entries")
        args = []
        for a in call.args:
            v = Evaluator(m, "denominator").value(a)
            args.extend(list(v) if isinstance(v, sympy.MatrixBase) else [v])
        entry = declared.setdefault(target, [[], []])
        for a in args:
            if a not in entry[0]:
                entry[0].append(a)
        entry[1].append(line)
    m.declared = declared
    for target, (args, lines) in declared.items():
        if target in m.defs:
            continue
        name = m.names[target][0]
        if name in LOSS_NAMES:
            args = _frontier(m, args, differentiated.get(name, []))
            if m.loss == "":
                m.loss = name
        fname = str(target).replace("_{", "_").replace("}", "").replace(",", "")
        m.defs[target] = sympy.Function(fname)(*args)
        m.where[target] = lines[0]
    if not m.loss:
        for name in LOSS_NAMES:
            if name in m.quantities and m.node(name) in m.defs:
                m.loss = name
                break


def _frontier(m: Model, args: list, extra: list) -> list:
    """The loss depends on its declared arguments through whatever the notes compute from them and
    differentiate it by (L = L(y_1, y_2) with z = h(y) and ∂L/∂z_1 used: L is a function of z); a declared argument
    another one is computed from stays an argument (L = L(u_1, u_2, x_1) with u = x W)."""
    extra = [s for s in extra if s in m.defs and s not in args]
    # a declared argument stays one (L = L(u_1, u_2, x_1) with u = x W: the loss also sees x_1 directly, its
    # partial an independent symbol), unless a quantity the notes differentiate the loss by is computed from it
    # other than through the other declared arguments (z = h(y) lies between L(y_1, y_2) and y)
    keep = [a for a in args if not any(_depends_past(m, e, a, set(args) - {a}) for e in extra)]
    keep += [e for e in extra if not any(o != e and m.depends(o, e) for o in keep + extra)]
    if keep != list(args):
        m.notes.append("the loss is read as a function of " + ", ".join(str(k) for k in keep)
                       + " (what the notes compute from its declared arguments and differentiate it by)")
    return keep


def _depends_past(m: Model, sym, target, blocked: set) -> bool:
    """Whether node ``sym`` is computed from node ``target`` along a path that passes none of ``blocked``."""
    if sym == target:
        return True
    if sym in blocked or sym not in m.defs:
        return False
    return any(_depends_past(m, s, target, blocked) for s in m.defs[sym].free_symbols if s in m.names)


def _acyclic(m: Model, defs) -> None:
    state: dict = {}

    def visit(s, path):
        if state.get(s) == 1:
            cycle = path[path.index(s):]
            lines = sorted({m.where[c] for c in cycle if c in m.where})
            raise GraphError(f"the definitions at lines {', '.join(map(str, lines))} go round in a circle: "
                             + " → ".join(str(c) for c in cycle + [s]) + " each computed from the next")
        if state.get(s) == 2 or s not in m.defs:
            return
        state[s] = 1
        for t in sorted(m.defs[s].free_symbols, key=sympy.default_sort_key):  # the same cycle on every run
            if t in m.names:
                visit(t, path + [s])
        state[s] = 2

    for s in list(m.defs):
        visit(s, [])


__all__ = ["FAMILY_SIZES", "build", "is_declaration", "is_definition", "open_dims", "GraphUninterpretable", "Deriv"]
