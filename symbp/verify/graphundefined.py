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
from .graphmodel import LOSS_NAMES, GraphUninterpretable, Model, Sym, is_declaration, is_definition
from .graphnodes import Mat, walk


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


def make_generic(model: Model, undefined: list) -> None:
    """Make each undefined node of ``model`` a generic function of every node that reaches no undefined one."""
    free = [s for s in model.names if s not in undefined and not any(model.depends(s, u) for u in undefined)]
    free = sorted(free, key=sympy.default_sort_key)
    for u in undefined:
        model.defs[u] = sympy.Function(str(u))(*free)
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
