r"""Building the notes' model from their definitions: the one-level definition of every entry, the
declarations (``L = L(y_1, y_2)``) and the checks that the definitions fit together (none twice, none in a
circle). Which names are vectors or matrices, their sizes and orientation: ``graphshapes``.

>>> from symbp.verify.graphread import read_graph
>>> m = build([(1, read_graph("g = x W")), (2, read_graph("x = (x_1, x_2)")),
...            (3, read_graph("W = \\begin{pmatrix} w_{11} & w_{12} & w_{13} \\\\ w_{21} & w_{22} & w_{23} \\end{pmatrix}"))])
>>> m.quantities["g"].describe()
'g a row vector of 3'
"""

from __future__ import annotations

import re

import sympy
from sympy.core.function import AppliedUndef

from .graphevaluate import Evaluator, Misfit
from .graphguess import loss_is_number, speaks_of_vectors
from .graphmodel import (LOSS_NAMES, Call, GraphError, GraphUninterpretable, Model, Quantity, Sym, is_declaration,
                         is_definition, split_index, to_latex)
from .graphnodes import Equation, Mat, walk
from .graphoneentry import one_entry_names, one_entry_value
from .graphshapes import called_functions, model_functions, shape_quantities
from .graphsizes import letter_words


def build(defs: list, formulas: list = (), hints: list = (), differentiated: dict | None = None,
          sizes: dict | None = None, sigma=None) -> Model:
    """The model of ``defs`` [(line, Equation)], shapes also from every formula and the prose ``hints``
    [(line, name, orient, dims)]; ``sizes`` fixes dimensions the notes leave open (the family); ``sigma`` is σ as
    a function of a SymPy expression when the notes say which (``graphsigma``), None: σ is generic.

    ``sizes["vectors"]`` says whether the names the notes give no shape are numbers (False) or read as vectors and
    matrices by their products (True, ``graphguess``); not given: numbers (vectors first when the formulas transpose,
    ``speaks_of_vectors``), and when that reading makes the definitions contradict each other (or the loss a vector),
    the other one; when both fail, the error of the numbers' reading stands."""
    sizes = dict(sizes or {})
    if "vectors" not in sizes:
        readings = (True, False) if speaks_of_vectors([eq for _, eq in defs] + list(formulas)) else (False, True)
        if said_vectors(hints):  # words say a name is a vector: never the reading of numbers (review 31 F3)
            readings = (True,)
        errors = {}
        for vectors in readings:
            try:
                return build(defs, formulas, hints, differentiated, {**sizes, "vectors": vectors}, sigma)
            except GraphError as exc:
                errors[vectors] = exc
            except GraphUninterpretable as exc:
                if not vectors:
                    raise
                errors[vectors] = exc
        raise errors[False if False in errors else True] from None  # as the names read as numbers, if tried
    m = Model()
    if sigma is not None:
        m.sigma, m.sigma_is_generic = sigma, False
    defs, again = _twice(defs)
    formulas = list(formulas) + [eq for _, eq, _ in again]
    eqs = [eq for _, eq in defs] + list(formulas)
    m.functions = model_functions([eq for _, eq in defs], formulas)
    m.applied = called_functions([eq for _, eq in defs])
    try:
        shape_quantities(m, defs, eqs, hints, sizes)
    except GraphError as exc:
        _blame_twice(again, exc)
        raise
    if m.vector_reading and loss_is_number(m):
        raise GraphError(loss_is_number(m))
    written = {n.base for eq in eqs if isinstance(eq, Equation) and eq.rels for n in walk(eq) if isinstance(n, Sym)}
    for name, (line, kind) in said_vectors(hints).items():
        q = m.quantities.get(m.canonical(name))
        if q is not None and name in written and (q.rank == 0 or (q.rank == 2 and kind == "vector")):
            said = "a vector" if kind == "vector" else "a quantity with entries"
            raise GraphError(f"{name} is {said} by the words of line {line}, but the definitions make it "
                             f"{'a number' if q.rank == 0 else 'a matrix'}", lines=(line,))
    m.known = {m.canonical(n.base) for _, eq in defs for n in walk(eq) if isinstance(n, Sym)}
    m.known |= {m.canonical(n.func.base) for _, eq in defs for n in walk(eq)
                if isinstance(n, Call) and isinstance(n.func, Sym)}
    try:
        _define(m, defs)
    except GraphError as exc:
        _blame_twice(again, exc)
        raise
    _patterns(m, defs)
    m.one_entry = one_entry_names(m, defs)  # g = x W of a 3×1 W: a vector of one entry, ⊙ its product (rv45 B2)
    _declare(m, defs, differentiated or {})
    _acyclic(m, defs)
    for line, eq, first in again:
        _restated(m, line, eq, first)
    return m


def said_vectors(hints) -> dict:
    """Name -> (line, "vector" or "entries") for the names the prose says are vectors without a size or an
    orientation ("$x$ is a vector", "the input vector $x$") or have entries ("$x$ has two entries"): ``graphprose``."""
    return {name: (line, orient) for line, name, orient, _ in hints if orient in ("vector", "entries")}


def _twice(defs) -> tuple[list, list]:
    """(the definitions, [(line, eq, first)] of a name defined again by another formula): g = x W at one line and
    g = W x at another, or δ_2 = y − t and δ_2 = −(t − y). ``_restated`` accepts the second when it has the first's
    value, else names both lines (``first``: (line, text) of the first)."""
    seen: dict = {}
    kept, again = [], []
    for line, eq in defs:
        if is_declaration(eq) or not is_definition(eq) or not isinstance(eq.sides[0], Sym):
            kept.append((line, eq))
            continue
        key = eq.sides[0]
        rhs = to_latex(eq.sides[-1]).replace(" ", "")
        if key in seen and seen[key][1] != rhs:
            again.append((line, eq, (seen[key][0], seen[key][2])))
            continue
        seen.setdefault(key, (line, rhs, to_latex(eq.sides[-1])))
        kept.append((line, eq))
    return kept, again


def _blame_twice(again: list, exc: GraphError) -> None:
    """A shape that does not fit, of a name the notes define twice by different formulas (g = x W, later g = W x):
    the error names both lines, as ``_restated`` does (the shapes of the second made the first not fit)."""
    for line, eq, first in again:
        key = eq.sides[0]
        if re.search(r"(?<![\\\w])" + re.escape(key.latex()) + r"(?!\w)", str(exc)):
            raise GraphError(f"the notes define {key.latex()} twice, differently: at line {first[0]} ({key.latex()} = "
                             f"{first[1]}) and at line {line} ({to_latex(eq)}): {exc}", lines=(first[0], line)) from None


def _restated(m: Model, line: int, eq, first: tuple) -> None:
    """A name defined again (``_twice``): accepted when both formulas give it the same value in the model (entry by
    entry, through the definitions), else the notes define it twice, differently (both lines named)."""
    key = eq.sides[0]
    why = (f"the notes define {key.latex()} twice, differently: at line {first[0]} ({key.latex()} = {first[1]}) "
           f"and at line {line} ({to_latex(eq)})")
    try:
        before = Evaluator(m, "denominator").value(key)
        after = Evaluator(m, "denominator").value(eq.sides[-1])
    except (GraphError, GraphUninterpretable, Misfit) as exc:
        raise GraphError(f"{why}: {exc}", lines=(first[0], line)) from None
    pairs = (list(zip(before, after)) if isinstance(before, sympy.MatrixBase) and isinstance(after, sympy.MatrixBase)
             and before.shape == after.shape else [(before, after)] if not isinstance(before, sympy.MatrixBase)
             and not isinstance(after, sympy.MatrixBase) else None)
    if pairs is None or any(sympy.expand(m.full(a) - m.full(b)) != 0 for a, b in pairs):
        raise GraphError(why, lines=(first[0], line))
    m.notes.append(f"line {line}: {to_latex(eq)} restates {key.latex()} = {first[1]} of line {first[0]} (the same "
                   "value)")


# -- definitions --------------------------------------------------------------------------------


def _define(m: Model, defs) -> None:
    for line, eq in defs:
        if is_declaration(eq) or not is_definition(eq):
            continue
        try:
            _define_one(m, line, eq)
        except GraphUninterpretable as exc:  # the definition that has no meaning: the caller leaves it unread
            exc.definition = getattr(exc, "definition", None) or (line, eq)
            raise


def _define_one(m: Model, line: int, eq) -> None:
    lhs, rhs = eq.sides[0], eq.sides[-1]
    text = to_latex(eq)
    ev = Evaluator(m, "denominator")
    ev.loose = ev.defining = True
    if isinstance(lhs, Sym) and not lhs.sub:
        name = m.canonical(lhs.base)
        q = m.quantities.get(name)
        if q is None:
            q = m.quantities[name] = Quantity(name, 0)
        try:
            value = ev.value(rhs)
        except Misfit as exc:
            raise GraphError(f"line {line}: the definition {text} does not fit together: {exc}"
                             + _said(m, rhs)) from None
        if (isinstance(rhs, Mat) and rhs.tuple_form and q.rank == 1 and q.orient == "col"
                and isinstance(value, sympy.MatrixBase) and value.shape[0] == 1):
            value = value.T  # x = (x_1, x_2) of a column x (y = V x): a tuple's entries, not a row (``graphshapes``)
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


def _said(m: Model, node) -> str:
    """Where the shapes of the names in ``node`` come from, when the notes' words or lines give them
    (`` (x a column vector of 2, said on line 1)``): a contradiction names both lines."""
    names = dict.fromkeys(m.canonical(n.base) for n in walk(node) if isinstance(n, Sym))
    said = [f"{q.describe()}, {q.why}" for q in (m.quantities.get(n) for n in names)
            if q is not None and q.rank and q.why.startswith(("said on line", "line "))]
    return f" ({'; '.join(said)})" if said else ""


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
            raise GraphError(f"line {line}: {text} makes {name} {r}×{c}, but it is {q.describe()} ({q.why or 'elsewhere'})")
        targets = list(m.entries(name))
        for t, v in zip(targets, list(value)):
            m.define(t, _node_args(m, v, line), line, text)
    else:
        if q.rank and value == 0 and q.dims and all(q.dims):  # b = 0 for a vector or a matrix: the zero vector
            for t in m.entries(name):
                m.define(t, sympy.Integer(0), line, text)
            return
        if q.rank and one_entry_value(q):  # g = x W of a 3×1 W, g_1 written: g a vector of one entry (rv45 C1)
            m.define(m.entries(name)[0, 0], _node_args(m, value, line), line, text)
            return
        if q.rank:
            raise GraphError(f"line {line}: {text} makes {name} a scalar, but it is {q.describe()}"
                             + (f" ({q.why})" if q.why else ""))
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
        ev.defining = True
        node = m.node(name, combo)
        try:
            value = ev.value(rhs)
        except GraphUninterpretable as exc:
            if getattr(exc, "bound", False) and node in m.defs:  # y = W x, then y_j = Σ_{i=1}^{k} w_{ji} x_i
                raise GraphError(f"the notes define {node} twice, differently: at line {m.where[node]} and at line "
                                 f"{line} ({text}), where {exc}; one definition per quantity") from None
            raise
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
            if name in m.quantities and m.nodes.get((name, ())) in m.defs:  # never a node made by asking
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
    # only what is computed from a declared argument: a quantity beside the graph (s = x_1 + x_2 beside L = L(z_1,
    # z_2)) is no argument because a claim differentiates L by it (∂L/∂s = 0 was refuted, and dL/dx = W^T dL/dy
    # with it: review rv48 D1)
    keep += [e for e in extra if any(m.depends(e, a) for a in args)
             and not any(o != e and m.depends(o, e) for o in keep + extra)]
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


__all__ = ["build"]
