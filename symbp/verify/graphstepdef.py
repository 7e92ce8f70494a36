r"""A ``:=`` with a minus and a letter η, ξ or α in graph notes: a step of an update rule from the wrong name, or a
definition (review rv36 A1).

``graphmodel.is_definition`` files ``v := x - \eta (p - y) h`` and ``W_2 := W_1 - \eta \delta_2 a^T`` as steps (a
definition would go round in a circle: p = vᵀh depends on v, δ_2 on W_2). By the letters alone it also filed
``u := h - \alpha c`` (α the slope of a leak) and ``u := x - \xi`` (ξ noise) as steps: u became a free input, h and
W_1 no longer reached the loss, and ``∂L/∂W_1 = 0`` held. A step's subtracted gradient depends on the name it
updates; here nothing on the right depends on u, so the line is the definition it reads as.
"""

from __future__ import annotations

from .graphmodel import Equation, Sym, has_derivative, is_declaration, is_definition
from .graphnodes import walk


def _names(node) -> set:
    return {n.base for n in walk(node) if isinstance(n, Sym)}


def _reaches(deps: dict, start: set, goal: str) -> bool:
    seen, todo = set(), list(start)
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(deps.get(name, ()))
    return False


def step_or_definition(eqs: list) -> dict:
    """id(eq) -> the equation read with ``=`` for each ``:=`` that ``is_definition`` calls a step from the wrong name
    but whose right side depends on no value of its left name (through the other definitions): a definition.

    >>> from symbp.verify.graphread import read_graph
    >>> eqs = [read_graph(t) for t in ("h = W_1 x", r"u := h - \\alpha c", r"a = \\tanh(u)", "y = W_2 a")]
    >>> [e.rels for e in step_or_definition(eqs).values()]
    [('=',)]
    >>> step = [read_graph("p = v^T h"), read_graph(r"v := x - \\eta (p - y) h")]
    >>> step_or_definition(step)
    {}
    >>> named = [read_graph("y = W_2 a"), read_graph(r"g = \\frac{\\partial L}{\\partial W_2}"), read_graph("L = y^T y"),
    ...          read_graph(r"W_2 := W_1 - \\eta g")]
    >>> step_or_definition(named)
    {}
    """
    deps: dict = {}
    candidates = []
    for eq in eqs:
        if not isinstance(eq, Equation) or len(eq.sides) != 2 or not isinstance(eq.sides[0], Sym):
            continue
        if is_declaration(eq):
            continue
        if is_definition(eq) or has_derivative(eq.sides[1]):  # g = ∂L/∂W_2 depends on W_2 (through L) too
            deps.setdefault(eq.sides[0].base, set()).update(_names(eq.sides[1]))
        elif eq.rels[0] == ":=":
            plain = Equation(eq.sides, ("=",) + tuple(eq.rels[1:]))
            if is_definition(plain):  # only the rate rule kept it from being one
                candidates.append((eq, plain))
    for eq, plain in candidates:
        deps.setdefault(eq.sides[0].base, set()).update(_names(eq.sides[1]))
    out = {}
    for eq, plain in candidates:
        name = eq.sides[0].base
        if name not in _names(eq.sides[1]) and not _reaches(deps, _names(eq.sides[1]), name):
            out[id(eq)] = plain
    return out


def read_as_definitions(pieces) -> set:
    """Each piece's equations with those of ``step_or_definition`` read as definitions (in place); the ids of the
    formulas so changed (their layered verdict, a step from the wrong name, gives way to the notes' own terms)."""
    plain = step_or_definition([eq for p in pieces for eq in p.eqs])
    out = set()
    for p in pieces:
        if any(id(eq) in plain for eq in p.eqs):
            p.eqs[:] = [plain.get(id(eq), eq) for eq in p.eqs]
            out.add(id(p.formula))
    return out


__all__ = ["read_as_definitions", "step_or_definition"]
