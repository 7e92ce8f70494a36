r"""Quantities the notes name but never define, in their own terms.

``J = J(o_1, o_2)`` with o never defined, or ``E = E(z_1, z_2)`` beside ``z_1 = h(y_1)`` and no word on z_2: the
notes never say how o (or z_2) is computed, so a derivative that reaches the inputs only through it (∂J/∂x_2) is
not 0 by default. Such a node is *undefined*: a leaf of the notes' graph that is no input (no definition computes
anything from it, no prose sizes it, it is an argument of no declared intermediate quantity, as x_1 is in
``y_1 = y_1(x_1, x_2)``).

A claim that reaches an undefined node is checked on the *generic twin* of the model, where each undefined node is
a generic function of every other node that depends on no undefined one. The claim holds if it holds there (then it
holds however the notes compute the node, as a chain rule written on declarations does); otherwise it is
uninterpretable, naming the node.

A declaration of a quantity the definitions compute (``u_1 = u_1(x_1)`` beside ``u = x W``) is a claim about the
graph, checked in ``graphdeclare``.

>>> import sympy
>>> from symbp.verify.graphmodel import Model
>>> m = Model()
>>> x, o = m.node("x", (1,)), m.node("o", (1,))
>>> undefined_nodes(m, inputs={"x"})
[o_{1}]
>>> make_generic(m, [o]); m.defs[o]
o_{1}(x_{1})
"""

from __future__ import annotations

import sympy

from .graphevaluate import Evaluator, Misfit
from .graphcheck import GraphOutcome
from .graphmodel import LOSS_NAMES, GraphUninterpretable, Model, Sym, is_declaration, is_definition, to_latex
from .graphnodes import Call, Deriv, Mat, walk


def input_names(defs: list, hints: list, model: Model) -> set:
    """The names the notes use as inputs: on the right of a definition, sized in the prose, or an argument of a
    declared quantity that is not the loss (``y_1 = y_1(x_1, x_2)`` makes x an input)."""
    out = {model.canonical(name) for _, name, _, _ in hints}
    for _, eq, _ in defs:
        lhs, rhs = eq.sides[0], eq.sides[-1]
        if is_declaration(eq):
            if lhs.base not in LOSS_NAMES:
                out |= {model.canonical(n.base) for n in walk(rhs) if isinstance(n, Sym) and n != rhs.func}
        elif is_definition(eq):
            out |= {model.canonical(n.base) for n in walk(rhs) if isinstance(n, Sym)}
            if isinstance(lhs, Mat):  # (x_1, x_2) = …: a written vector of entries names them
                out |= {model.canonical(n.base) for n in walk(lhs) if isinstance(n, Sym)}
    return out


def undefined_nodes(model: Model, inputs: set) -> list:
    """The nodes of ``model`` that no definition computes and that are no input (none if the notes name no input:
    notes made of declarations only)."""
    if not inputs:
        return []
    out = [s for s, (name, _) in model.names.items()
           if s not in model.defs and model.canonical(name) not in inputs and name not in model.functions]
    return sorted(out, key=sympy.default_sort_key)


class MapLine(int):
    """The line of a definition ``z = F(y)`` left unread because F is a general map (``graphanymap``), with the
    names F is applied to (``args``) and F (``func``): the notes do say what z is computed from."""

    args: tuple = ()
    func: str = ""
    arbitrary: bool = False  # the words say F is any map ("any", "arbitrary", "libovolné"), not a given one

    def __new__(cls, line: int, args: tuple = (), func: str = "", arbitrary: bool = False):
        out = super().__new__(cls, line)
        out.args, out.func, out.arbitrary = tuple(args), func, arbitrary
        return out


def _map_line(model: Model, node, unread: dict | None):
    line = (unread or {}).get(model.canonical(model.names[node][0])) if node in model.names else None
    return line if isinstance(line, MapLine) and line.args else None


def make_generic(model: Model, undefined: list, unread: dict | None = None) -> None:
    """Make each undefined node of ``model`` a generic function of every node that reaches no undefined one; a node
    of a general map ``z = F(y)`` (``unread``: name -> ``MapLine``) of the entries of what F is applied to only
    (z_k = F_k(y_1, …, y_n): z depends on x through y alone, review rv48 D1)."""
    free = [s for s in model.names if s not in undefined and not any(model.depends(s, u) for u in undefined)]
    free = sorted(free, key=sympy.default_sort_key)
    for u in undefined:
        mapped = _map_line(model, u, unread)
        own = [s for s in free if model.canonical(model.names[s][0]) in mapped.args] if mapped else []
        model.defs[u] = sympy.Function(str(u))(*(own or free))
        model.where.setdefault(u, 0)
    model._full.clear()
    model._d.clear()


def involved(eq, model: Model, undefined: list) -> list:
    """The undefined nodes that a name of the claim ``eq`` is computed from (or is)."""
    found = []
    for sym in (n for n in walk(eq) if isinstance(n, Sym)):
        nodes = _nodes(sym, model)
        for u in undefined:
            if u not in found and any(model.depends(n, u) for n in nodes):
                found.append(u)
    return found


def through_map(eq, model: Model, reached: list, unread: dict | None) -> bool:
    """Whether the claim ``eq`` passes through a general map: it reaches a node no ``MapLine`` of ``unread`` defines
    (a node the notes never define), names a node of a map or one computed from it other than the loss as what a
    derivative is taken of (∂L/∂x_1 passes through none: it is a claim about the graph before F), or applies F."""
    maps = [u for u in reached if _map_line(model, u, unread)]
    if len(maps) < len(reached):
        return True
    funcs = {_map_line(model, u, unread).func for u in maps}
    loss = {n for n in walk(eq) if isinstance(n, Deriv) and isinstance(n.num, Sym) and not n.num.sub
            and n.num.base in {*LOSS_NAMES, model.loss}}
    skip = {id(d.num) for d in loss}
    for n in walk(eq):
        if isinstance(n, Call) and isinstance(n.func, Sym) and n.func.base.rstrip("'") in funcs:
            return True
        if isinstance(n, Sym) and id(n) not in skip and n.base.rstrip("'") not in funcs:
            if any(model.depends(node, u) for node in _nodes(n, model) for u in maps):
                return True
    return False


def twin_verdict(eq, out, reached: list, model: Model, unread: dict | None) -> GraphOutcome:
    """The verdict on a claim that reaches the undefined nodes ``reached``, from ``out``, its verdict on the generic
    twins: it holds if it holds there (however the nodes are computed); a claim that does not pass through a general
    map (``through_map``) keeps its verdict there, as a claim about the graph before the map (∂L/∂x_1 = ∂L/∂y_1 w_11
    beside y = W x is refuted however F is computed: review rv48 D1); any other is uninterpretable, naming the nodes."""
    names = words(reached)
    lines = sorted({line for n, line in (unread or {}).items()
                    if any(model.canonical(model.names[u][0]) == n for u in reached)})
    unread_words = f"whose definition on line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))} is not read"
    if out.status == "holds":
        out.reason += f" (however the notes compute {names}, {unread_words if lines else 'which they never define'})"
        return out
    # a given F ("$F$ is the softmax") may make such a claim true that fails for another (Σ_k ∂L/∂y_k = 0): only
    # an F the words leave arbitrary refutes it
    if not through_map(eq, model, reached, unread) and (
            out.status != "refuted" or all(_map_line(model, u, unread).arbitrary for u in reached)):
        if out.status == "uninterpretable":
            return out
        funcs = ", ".join(sorted({_map_line(model, u, unread).func for u in reached}))
        out.reason += (f" (with {names} any map of what the notes apply {funcs} to: the claim does not pass through "
                       f"{funcs}, {unread_words})")
        return out
    if lines:
        return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the claim depends on {names}, {unread_words}, so "
                            "how it is computed is not known here")
    return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the claim depends on {names}, which the notes name but "
                        f"never define, so they never say how it is computed")


def _nodes(sym: Sym, model: Model) -> list:
    for cand in (sym, Sym(sym.base)) if sym.sub else (sym,):
        try:
            t = Evaluator(model, "denominator").targets(cand)
        except (GraphUninterpretable, Misfit, KeyError, IndexError, ValueError):
            continue
        return list(t) if hasattr(t, "shape") else [t]
    return []


def words(nodes: list) -> str:
    """``o_{1}, o_{2}`` as the notes write them."""
    return ", ".join(str(n) for n in nodes)
