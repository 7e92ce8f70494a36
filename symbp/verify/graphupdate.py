r"""Update rules in the notes' own terms: ``W \leftarrow W - \eta \frac{\partial L}{\partial W}``.

Read forms: ``P \to P - …``, ``P \to \tilde{P} = P - …``, ``P := P - …``,
``P \leftarrow P - …``, ``P \gets P - …``, ``P' = P - …``, ``\tilde{P} = P - …``, ``P_{t+1} = P_t - …``
and ``P = P - \alpha \nabla P`` (the same symbol on both sides: an update, not
an equation). A rule holds when the new value is the old value of the same
parameter minus a positive constant (the learning rate) times the gradient of
the notes' cost with respect to that parameter, entry by entry (the gradient
has the parameter's shape). Otherwise it is refuted with the slip named:
"starts from w_k instead of b_l", the gradient by another parameter, a plus
sign, a step that is not a gradient.

>>> from symbp.verify.graphread import read_graph as r
>>> is_update(r("W \\leftarrow W - \\eta \\frac{\\partial L}{\\partial W}"))
True
>>> is_update(r("g = x W"))
False
"""

from __future__ import annotations

import itertools
import random

import sympy

from .graphcheck import GraphOutcome, free_indices
from .graphevaluate import Evaluator, Misfit, is_mat, shape_words
from .graphmodel import Add, GraphUninterpretable, Model, Mul, Nabla, Neg, Sym, to_latex
from .graphnodes import Deriv, Div, Equation, walk

ARROWS = (r"\to", r"\leftarrow", ":=")


def _param(eq: Equation):
    """(parameter, its new value's expression) of an update rule, or None."""
    lhs = eq.sides[0]
    if not isinstance(lhs, Sym):
        return None
    rhs = eq.sides[-1]
    if eq.rels[0] in ARROWS:
        return lhs, rhs
    if len(eq.sides) == 2 and eq.rels[0] == "=":
        old = _old_term(rhs)
        if old is None:
            return None
        if old == lhs and _has_gradient(rhs):
            return lhs, rhs  # W = W - α ∇W: an update written as an equation
        if lhs.base.endswith("'") and isinstance(old, Sym) and old.base == lhs.base[:-1]:
            return Sym(old.base, lhs.sub), rhs  # w' = w - …
        if lhs.base.startswith("\\tilde{") and isinstance(old, Sym) and _has_gradient(rhs):
            return Sym(lhs.base[7:-1], lhs.sub), rhs  # \tilde{w} = w - …: the new value named by a tilde
        if lhs.sub and old.sub and lhs.base == old.base and _next_step(lhs.sub[-1], old.sub[-1]):
            param = Sym(old.base, old.sub[:-1])
            return param, _drop_step(rhs, old, param)  # w_{t+1} = w_t - …: the parameter at step t
    return None


def _drop_step(node, old: Sym, param: Sym):
    from dataclasses import fields, replace

    if node == old:
        return param
    if isinstance(node, tuple):
        return tuple(_drop_step(x, old, param) for x in node)
    if not hasattr(node, "__dataclass_fields__") or isinstance(node, Sym):
        return node
    return replace(node, **{f.name: _drop_step(getattr(node, f.name), old, param) for f in fields(node)})


def _next_step(new: str, old: str) -> bool:
    return new.replace(" ", "") == f"{old}+1" and old.isalpha()


def _has_gradient(node) -> bool:
    return any(isinstance(n, (Nabla, Deriv)) for n in walk(node))


def _old_term(rhs):
    if isinstance(rhs, Add) and not isinstance(rhs.terms[0], Neg):
        return rhs.terms[0]
    return None


def step_free(eq: Equation) -> Equation:
    """The rule with the parameter's step index dropped (``W_{t+1} = W_t - …`` as ``W = W - …``), so that the
    step label t is not taken for an entry index of W when the notes' shapes are inferred."""
    found = _param(eq)
    if found is None or eq.rels[0] in ARROWS:
        return eq
    return Equation(found, eq.rels[:1])


def is_update(eq: Equation) -> bool:
    """Whether ``eq`` is read as an update rule."""
    return _param(eq) is not None


def check_update(eq: Equation, model: Model) -> GraphOutcome:
    """The verdict on an update rule against the notes' cost (see the module docstring); a rule written for
    one entry (``\\tilde{w}_{jk} = w_{jk} - …``) is checked for every value of its free indices."""
    param, rhs = _param(eq)
    if not model.loss:
        raise GraphUninterpretable(f"{to_latex(eq)}: the notes define no cost for this step to descend")
    try:
        ranges = free_indices(step_free(eq), model)
    except Misfit as exc:
        return GraphOutcome("refuted", f"the new value does not fit: {exc}")
    names = sorted(ranges)
    for combo in itertools.product(*(range(1, ranges[n] + 1) for n in names)):
        bind = dict(zip(names, combo))
        out = _check_at(eq, model, param, rhs, bind)
        if out.status != "holds":
            if bind:
                out.reason = "with " + ", ".join(f"{k} = {v}" for k, v in bind.items()) + ": " + out.reason
            return out
    every = f" (every {', '.join(names)})" if names else ""
    return GraphOutcome("holds", f"a step of gradient descent on {model.loss} with respect to {param.latex()}"
                        f"{every}, the gradient entry by entry in the shape of the parameter")


def _check_at(eq: Equation, model: Model, param: Sym, rhs, bind: dict) -> GraphOutcome:
    ev = Evaluator(model, "denominator", bind)
    target = ev.targets(param)
    loss = model.node(model.loss)
    gradient = target.applyfunc(lambda v: model.d(loss, v)) if is_mat(target) else model.d(loss, target)
    eta = sympy.Symbol("eta#", positive=True)
    sides = [_drop_step(x, eq.sides[0], param) for x in eq.sides[1:]] if eq.rels[0] in ARROWS else [rhs]
    for side in sides:
        try:
            value = ev.value(side)
        except Misfit as exc:
            return GraphOutcome("refuted", f"the new value does not fit: {exc}")
        if is_mat(value) != is_mat(target) or (is_mat(value) and value.shape != target.shape):
            return GraphOutcome("refuted", f"the new value is {shape_words(value)} but {to_latex(param)} is "
                                f"{shape_words(target)}")
        if side is not rhs and isinstance(side, Sym):
            continue  # \tilde{w}: the name of the new value
        start = _old_term(side)
        if start is not None and isinstance(start, Sym) and start != param and not (
                Evaluator(model, "denominator", bind).targets(start) == target):
            return GraphOutcome("refuted", f"starts from {start.latex()} instead of {param.latex()}")
        step = (target - value) if is_mat(value) else target - value
        if not _is_multiple(step, gradient, model, eta):
            return GraphOutcome("refuted", f"the step {to_latex(side)} is not a positive multiple of the gradient "
                                f"of {model.loss} with respect to {param.latex()}")
    return GraphOutcome("holds", "")


def _is_multiple(step, gradient, model: Model, eta) -> bool:
    """step = c · gradient for one positive constant c (c free of every quantity of the notes)."""
    steps = list(step) if is_mat(step) else [step]
    grads = list(gradient) if is_mat(gradient) else [gradient]
    ratio = None
    for s, g in zip(steps, grads):
        s, g = model.full(s), model.full(g)
        if g == 0:
            if s != 0:
                return False
            continue
        c = sympy.cancel(s / g)
        if _varies(c, model):
            if _differs_at_points(c, model):
                return False  # two points of the notes' quantities give two ratios: not a constant
            c = sympy.simplify(c)  # the same ratio at both points: let SymPy show it is one (rare, slower)
            if _varies(c, model):
                return False
        if ratio is None:
            ratio = c
        elif sympy.simplify(c - ratio) != 0:
            return False
    if ratio is None:
        return all(model.full(s) == 0 for s in steps)
    return bool(ratio.is_positive) or ratio.is_positive is None and not (-ratio).is_positive


def _varies(c, model: Model) -> bool:
    return any(sym in model.names or model.atoms.is_atom(sym) for sym in c.free_symbols)


def _differs_at_points(c, model: Model) -> bool:
    """The ratio at two random points of the notes' quantities (rates held fixed), 30 digits: clearly different
    values prove it is not a constant (the rational simplification above leaves tanh² and the like unsimplified)."""
    rng = random.Random(7)
    fixed = {sym: sympy.Rational(1, 3) for sym in c.free_symbols if not _varies(sym, model)}
    values = []
    for _ in range(2):
        point = {sym: sympy.Rational(rng.randint(-9, 9) or 1, rng.randint(2, 7)) for sym in c.free_symbols
                 if sym not in fixed}
        try:
            values.append(sympy.N(c.subs({**point, **fixed}), 30))
        except (ArithmeticError, TypeError, ValueError):
            return False
    a, b = values
    if not (a.is_number and b.is_number) or a.has(sympy.zoo, sympy.nan) or b.has(sympy.zoo, sympy.nan):
        return False
    return abs(a - b) > sympy.Float("1e-20") * (1 + abs(a))


__all__ = ["check_update", "is_update", "Div", "Mul"]
