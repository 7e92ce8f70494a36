r"""Declarations that restate what the notes' graph already says, checked as claims about it.

``L = L(y_1, y_2)`` with ``y_1 = y_1(x_1, x_2)`` declared gives the model its generic function L of y_1, y_2. A
second declaration of a name the notes already declare or define (``L = L(x_1, x_2)`` "through the graph",
``h_1 = h_1(x_1, x_2)`` beside ``h = \tanh(g)``, ``y_1 = y_1(L)``) says what that quantity depends on: it is a
claim about the graph, and never changes the model (``restated`` takes it out of the definitions).

*Depends on* means through the graph: ∂X/∂A, with A held as a variable and everything not computed from A fixed,
is not identically zero. The declaration holds if X depends on every argument it names; it is refuted if X does not
depend on one of them (``y_1 = y_1(L)`` when L is computed from y_1; ``g_1 = g_1(V)`` when g = x W). A declaration
that names some entries of a quantity but not others that X depends on as well (``y_2 = y_2(x_2)`` after
``y_2 = y_2(x_1, x_2)``) has two readings: "y_2 depends on x_2" (true) and "y_2 is a function of x_2 only" (false);
it is uninterpretable, naming both. Quantities it leaves out entirely (the weights, in ``h_1 = h_1(x_1, x_2)``) are
parameters a declaration need not list.

>>> from symbp.verify.graphread import read_graph
>>> defs = [(1, read_graph("L = L(y_1, y_2)"), None), (1, read_graph("y_1 = y_1(x_1, x_2)"), None),
...         (3, read_graph("L = L(x_1, x_2)"), None)]
>>> kept, claims = restated(defs)
>>> [ln for ln, _, _ in kept], [ln for ln, _, _ in claims]
([1, 1], [3])
"""

from __future__ import annotations

import sympy

from .graphcheck import GraphOutcome
from .graphevaluate import Evaluator, Misfit
from .graphmodel import GraphUninterpretable, Model, Sym, is_declaration, is_definition, to_latex
from .graphnodes import Call, Dots, Equation, Mat, walk


def restated(defs: list) -> tuple[list, list]:
    """(the definitions that build the model, the declarations that are claims about it) of ``defs``
    [(line, equation, piece)]: a declaration of a name some definition defines, or that an earlier declaration
    already declares."""
    defined = set()
    for _, eq, _ in defs:
        if is_declaration(eq) or not is_definition(eq):
            continue
        lhs = eq.sides[0]
        cells = [c for row in lhs.rows for c in row] if isinstance(lhs, Mat) else [lhs]
        bases = {c.base for c in cells if isinstance(c, Sym)}
        named = [n for n in walk(eq.sides[-1]) if isinstance(n, Sym)]
        if named and all(n.base in bases and n.sub for n in named):
            continue  # y = (y_1, y_2): the entries named, nothing computed
        defined |= bases
    kept, claims, declared = [], [], set()
    for d in defs:
        eq = d[1]
        if not is_declaration(eq):
            kept.append(d)
            continue
        lhs = eq.sides[0]
        key = (lhs.base, lhs.sub)
        if lhs.base in defined or key in declared:
            claims.append(d)
        else:
            declared.add(key)
            kept.append(d)
    return kept, claims


def listed_entries(eq):
    r"""``L = L(h_1, \dots, h_k)``: the arguments written as a list of entries with ⋯ between, read as the entries they
    stand for: h_1 to h_3 written out for a number, the vector h (all its entries) for a letter (the size the notes
    name with it); (the equation, the words that say so, or "" when nothing was read so). A list of another form is
    left as written (its ⋯ is not read, and the declaration has no meaning in the model).

    >>> from symbp.verify.graphread import read_graph
    >>> eq, words = listed_entries(read_graph(r"L = L(h_1, \dots, h_3)"))
    >>> to_latex(eq)
    'L = L(h_1, h_2, h_3)'
    >>> to_latex(listed_entries(read_graph(r"L = L(h_1, \dots, h_k)"))[0])
    'L = L(h)'
    """
    if not is_declaration(eq) or not any(isinstance(a, Dots) for a in eq.sides[-1].args):
        return eq, ""
    args = list(eq.sides[-1].args)
    k = next(i for i, a in enumerate(args) if isinstance(a, Dots))
    first, last = (args[k - 1] if k else None), (args[k + 1] if k + 1 < len(args) else None)
    if not (isinstance(first, Sym) and isinstance(last, Sym) and first.base == last.base and first.sub == ("1",)
            and len(last.sub) == 1 and sum(isinstance(a, Dots) for a in args) == 1
            and not any(isinstance(a, Sym) and a.base == first.base for a in args[:k - 1] + args[k + 2:])):
        return eq, ""
    end = last.sub[0]
    if end.isdigit():
        entries = tuple(Sym(first.base, (str(i),)) for i in range(1, int(end) + 1))
        words = ""
    elif end.isalpha() and len(end) == 1:
        entries = (Sym(first.base),)
        words = (f"{to_latex(eq)} is read as a function of every entry of {first.base} ({end} its number of "
                 "entries)")
    else:
        return eq, ""
    call = eq.sides[-1]
    new = Call(call.func, tuple(args[:k - 1]) + entries + tuple(args[k + 2:]), call.primes)
    return Equation((eq.sides[0], new), eq.rels), words


def check_declared(eq, model: Model) -> GraphOutcome:
    """The verdict on the declaration ``eq`` (``X = X(A, B)``) as a claim about the graph of ``model``."""
    target = Evaluator(model, "denominator").targets(eq.sides[0])
    targets = list(target) if isinstance(target, sympy.MatrixBase) else [target]
    args = []
    for a in eq.sides[-1].args:
        try:
            v = Evaluator(model, "denominator").value(a)
        except Misfit as exc:
            raise GraphUninterpretable(f"{to_latex(a)}: {exc}") from None
        for s in (list(v) if isinstance(v, sympy.MatrixBase) else [v]):
            if s not in model.names:
                raise GraphUninterpretable(f"{to_latex(eq)}: the argument {to_latex(a)} is not a quantity of the "
                                           "notes' graph")
            if s not in args:
                args.append(s)
    name = to_latex(eq.sides[0])
    if not args:
        return GraphOutcome("uninterpretable", f"{to_latex(eq)} names no argument")
    absent = [a for a in args if not any(_depends(model, t, a) for t in targets)]
    if absent:
        shown = ", ".join(str(a) for a in absent)
        back = [a for a in absent if any(model.depends(a, t) for t in targets)]
        why = (f"{', '.join(str(a) for a in back)} {'is' if len(back) == 1 else 'are'} computed from {name}, "
               f"not {name} from {'it' if len(back) == 1 else 'them'}" if back
               else f"nothing the notes define computes {name} from {shown}")
        return GraphOutcome("refuted", f"{name} does not depend on {shown} in the notes' graph: {why} "
                            f"(∂{name}/∂{absent[0]} = 0 with {absent[0]} held as a variable)")
    named = {model.names[a][0] for a in args}
    left_out = sorted((s for s, (n, _) in model.names.items()
                       if n in named and s not in args and s not in targets
                       and any(_depends(model, t, s) for t in targets)
                       and not any(model.depends(a, s) for a in args)), key=sympy.default_sort_key)
    shown = ", ".join(str(a) for a in args)
    if left_out:
        more = ", ".join(str(s) for s in left_out)
        return GraphOutcome("uninterpretable", f"{to_latex(eq)} has two readings: \"{name} depends on {shown}\" is "
                            f"true, but \"{name} is a function of {shown} only\" is false, as it depends on {more} "
                            "too; the notes do not say which is meant")
    partials = ", ".join(f"∂{name}/∂{a}" for a in args)
    return GraphOutcome("holds", f"checked: {name} depends on {shown} through the notes' graph ({partials} "
                        f"{'is' if len(args) == 1 else 'are'} not identically zero)", instances=len(args))


def _depends(model: Model, target, arg) -> bool:
    """Whether ∂target/∂arg in the graph (arg held as a variable) is not identically zero."""
    if not model.depends(target, arg):
        return False
    return model.full(model.d(target, arg)) != 0


__all__ = ["check_declared", "listed_entries", "restated"]
