r"""Update rules in the notes' own terms: ``W \leftarrow W - \eta \frac{\partial L}{\partial W}``.

Read forms: ``P \to P - …``, ``P \to \tilde{P} = P - …``, ``P := P - …``,
``P \leftarrow P - …``, ``P \gets P - …``, ``P' = P - …``, ``\tilde{P} = P - …``, ``P_{t+1} = P_t - …``,
``P^{\text{new}} = P^{\text{old}} - …``, ``P_{new} = P - …``, ``P^{(t+1)} = P^{(t)} - …`` (``^{(t)}`` is the step here,
not a sample: a rule that also labels another quantity by t is uninterpretable; ``^{(t+1)}`` is never a power)
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
import re

import sympy

from .graphcheck import GraphOutcome, free_indices
from .graphevaluate import Evaluator, Misfit, is_mat, shape_words
from .steprate import rate_witness, rate_words
from .graphmodel import (RATES, Add, GraphUninterpretable, Model, Mul, Nabla, Neg, Sym, is_self_step, stepped, to_latex,
                         unprimed, untilded)
from .graphnodes import Call, Deriv, Div, Equation, Sum, walk
from .graphopaque import judged_form, opaque_entries, opaque_gradient
from .graphopaque import varies as opaque_varies
from .graphunlinked import unlinked_words

ARROWS = (r"\to", r"\leftarrow", ":=")


def _param(eq: Equation):
    """(parameter, its new value's expression) of an update rule, or None."""
    eq = _rates_multiply(eq)
    lhs = eq.sides[0]
    if not isinstance(lhs, Sym):
        return None
    rhs = eq.sides[-1]
    if eq.rels[0] in ARROWS:
        old = _old_term(rhs)
        if isinstance(old, Sym) and stepped(lhs, old):  # W_{t+1} := W_t - …: as with = (review rv42: t read as an
            param = Sym(old.base, old.sub[:-1])          # index, "starts from W_t instead of W_{t+1}")
            return param, _drop_step(rhs, old, param)
        if len(eq.sides) == 3 and isinstance(eq.sides[1], Sym) and stepped(eq.sides[1], lhs):
            param = Sym(lhs.base, lhs.sub[:-1])  # W_t \to W_{t+1} = W_t - …: the chain to the next iterate (rv42)
            return param, _drop_step(rhs, lhs, param)
        return lhs, rhs
    if len(eq.sides) == 2 and eq.rels[0] == "=":
        old = _old_term(rhs)
        if old is None:
            return None
        if old == lhs and (_has_gradient(rhs) or is_self_step(eq)):
            return lhs, rhs  # W = W - α ∇W, w = w - η x (h - t): an update written as an equation
        if unprimed(lhs) is not None and isinstance(old, Sym) and old.base == unprimed(lhs).base and (
                _has_gradient(rhs) or is_self_step(eq)):
            return Sym(old.base, lhs.sub), rhs  # w' = w - …, w'_{12} = w_{12} - η …: the new value, never h' of h
        if untilded(lhs) is not None and isinstance(old, Sym) and (_has_gradient(rhs) or untilded(lhs) == old):
            # \tilde{w} = w - …: the new value named by a tilde (of the same name: an update even with its
            # gradient written out, \tilde{w}_{12} = w_{12} - η x_2 (…), never a definition of a new node)
            return untilded(lhs), rhs
        if isinstance(old, Sym) and (lhs.mark or (lhs.sample and old.mark)):
            return _marked(lhs, old, rhs)
        if isinstance(old, Sym) and stepped(lhs, old):
            param = Sym(old.base, old.sub[:-1])
            return param, _drop_step(rhs, old, param)  # w_{t+1} = w_t - …: the parameter at step t
    return None


def mark_kind(sym: Sym) -> tuple:
    """What a marked name says: ("new",), ("old",), ("step", letter, offset) for ``^{(t+1)}`` (offset 1), ``^{(k)}``
    (0); a sample superscript ``W^{(t)}`` is ("sample", "t"), a step only beside ``W^{(t+1)}``; () if unmarked.

    >>> mark_kind(Sym("w", ("2", "1"), mark="^{\\text{new}}")), mark_kind(Sym("W", mark="^{(t+1)}"))
    (('new',), ('step', 't', 1))
    """
    if sym.sample:
        return ("sample", sym.sample)
    if "new" in sym.mark:
        return ("new",)
    if "old" in sym.mark:
        return ("old",)
    found = re.fullmatch(r"\^\{\(([A-Za-z])([+-]1)?\)\}", sym.mark)
    if found:
        return ("step", found.group(1), int(found.group(2) or 0))
    return ()


def new_value_of(sym: Sym) -> Sym | None:
    """The parameter whose new value ``sym`` names (``\\tilde{w}_{12}``, ``w'``, ``w^{\\text{new}}``,
    ``W^{(t+1)}``), or None."""
    if untilded(sym) is not None:
        return untilded(sym)
    if unprimed(sym) is not None:
        return unprimed(sym)
    kind = mark_kind(sym)
    if kind == ("new",) or (kind and kind[0] == "step" and kind[2] == 1):
        return Sym(sym.base, sym.sub)
    return None


def _marked(lhs: Sym, old: Sym, rhs):
    # w^{new} = w^{old} - …, W^{(t+1)} = W^{(t)} - …: the old value's label is dropped wherever it is written
    # (∂L/∂W^{(t)} is the gradient at the current W); a start from another name (V^{(t)}) stays a slip to name
    letter = _step_letter(lhs, old)
    if letter:  # W^{(t+1)} = W^{(t)} - …, W^{(t)} = W^{(t-1)} - …
        param = Sym(lhs.base, lhs.sub)
        start = mark_kind(old)
        if start in (("step", letter, 0), ("sample", letter), ("step", letter, -1)):
            rhs = _drop_step(rhs, old, Sym(old.base, old.sub))
        return param, rhs
    param = new_value_of(lhs)
    if param is None:
        return None  # w^{old} = …, W^{(t)} = …: not the new value of anything
    if mark_kind(old) == ("old",):
        rhs = _drop_step(rhs, old, Sym(old.base, old.sub))
    return param, rhs


def _step_letter(lhs: Sym, old: Sym) -> str:
    # the letter that numbers the steps: t of W^{(t+1)}, or of W^{(t)} beside W^{(t-1)}; empty for other names
    kind = mark_kind(lhs)
    if kind and kind[0] == "step" and kind[2] == 1:
        return kind[1]
    before = mark_kind(old)
    if before and before[0] == "step" and before[2] == -1 and kind in (("sample", before[1]), ("step", before[1], 0)):
        return before[1]
    return ""


def step_labels(eq: Equation) -> str:
    """Why an update rule's step label is ambiguous (empty if it is not): ``W^{(t+1)} = W^{(t)} - η ∂L^{(t)}/∂W``
    numbers W's steps by t and labels L by t too: a sample or a step, the notes do not say."""
    lhs = eq.sides[0]
    old = _old_term(eq.sides[-1])
    letter = _step_letter(lhs, old) if isinstance(lhs, Sym) and isinstance(old, Sym) else ""
    found = _param(eq)
    if not letter or found is None:
        return ""
    for n in walk(found[1]):
        if isinstance(n, Sym) and (mark_kind(n) == ("sample", letter) or mark_kind(n)[:2] == ("step", letter)):
            return (f"{letter} numbers the steps of {found[0].latex()} here ({lhs.latex()}), and also labels "
                    f"{n.latex()}: a training sample or a step, the notes do not say")
    return ""


def _drop_step(node, old: Sym, param: Sym):
    from dataclasses import fields, replace

    if node == old:
        return param
    if isinstance(node, tuple):
        return tuple(_drop_step(x, old, param) for x in node)
    if not hasattr(node, "__dataclass_fields__") or isinstance(node, Sym):
        return node
    return replace(node, **{f.name: _drop_step(getattr(node, f.name), old, param) for f in fields(node)})


def _has_gradient(node) -> bool:
    return any(isinstance(n, (Nabla, Deriv)) for n in walk(node))


def _old_term(rhs):
    """The old value in ``rhs``: its one term that is a bare name with a plus sign, wherever it is written
    (``W - η ∂L/∂W`` and ``-η ∂L/∂W + W`` alike); None if there is no such term or several."""
    if not isinstance(rhs, Add):
        return None
    names = [t for t in rhs.terms if isinstance(t, Sym)]
    if len(names) == 1:
        return names[0]
    if not names and not isinstance(rhs.terms[0], Neg):
        return rhs.terms[0]
    return None


def _rates_multiply(node):
    """``\\eta(-\\frac{∂L}{∂W})`` in an update rule is the rate times the bracket, not a function η applied."""
    from dataclasses import fields, replace

    if isinstance(node, tuple):
        return tuple(_rates_multiply(x) for x in node)
    if isinstance(node, Call) and isinstance(node.func, Sym) and node.func.base in RATES and not node.func.sub \
            and len(node.args) == 1 and not node.primes:
        return Mul((node.func, _rates_multiply(node.args[0])))
    if not hasattr(node, "__dataclass_fields__") or isinstance(node, Sym):
        return node
    return replace(node, **{f.name: _rates_multiply(getattr(node, f.name)) for f in fields(node)})


def step_free(eq: Equation) -> Equation:
    """The rule with the parameter's step index dropped (``W_{t+1} = W_t - …`` as ``W = W - …``), so that the
    step label t is not taken for an entry index of W when the notes' shapes are inferred."""
    found = _param(eq)
    if found is None or (eq.rels[0] in ARROWS and found[0] == eq.sides[0]):
        return eq
    return Equation(found, eq.rels[:1])


def steps_computed(eq: Equation, model: Model) -> bool:
    """Whether ``eq`` is an update rule of a name the notes compute (``v := v - η ∂L/∂v`` beside ``v = W x``)."""
    found = _param(eq)
    return found is not None and bool(computed_from(found[0], model))


def is_update(eq: Equation) -> bool:
    """Whether ``eq`` is read as an update rule."""
    return _param(eq) is not None


def update_in(eq: Equation, model: Model, layout: str = "denominator") -> tuple[GraphOutcome, set]:
    """(the verdict on an update rule against the notes' cost in ``layout``, the kinds of vector derivative whose
    shape the layout decides: empty when it does not matter); see the module docstring. A rule written for one
    entry (``\\tilde{w}_{jk} = w_{jk} - …``) is checked for every value of its free indices. A new value whose
    shapes do not fit in ``layout`` has the status "misfit" (``graphupdatelayout`` weighs the layouts)."""
    eq = _rates_multiply(eq)
    param, rhs = _param(eq)
    ambiguous = step_labels(eq)
    if ambiguous:
        raise GraphUninterpretable(f"{to_latex(eq)}: {ambiguous}")
    if not model.loss:
        raise GraphUninterpretable(f"{to_latex(eq)}: the notes define no cost for this step to descend")
    sources = computed_from(param, model)
    if sources:  # v := W x - η ∂L/∂v beside v = W x: v is a node of the graph, no parameter (review rv34)
        raise GraphUninterpretable(f"{to_latex(eq)}: {param.latex()} is computed from {sources}, not a parameter "
                                   "that a step of gradient descent updates")
    kinds: set = set()
    try:
        ranges = free_indices(step_free(eq), model)
    except Misfit as exc:
        return GraphOutcome("refuted", f"the new value does not fit: {exc}"), kinds
    names = sorted(ranges)
    rates, notes = [], set()
    for combo in itertools.product(*(range(1, ranges[n] + 1) for n in names)):
        bind = dict(zip(names, combo))
        out = _check_at(eq, model, param, rhs, bind, layout, kinds)
        if out.status != "holds":
            if bind:
                out.reason = "with " + ", ".join(f"{k} = {v}" for k, v in bind.items()) + ": " + out.reason
            return out, kinds
        rates.append(out.rate)
        notes.add(out.reason)
    every = f" (every {', '.join(names)})" if names else ""
    rate = rates[0] if rates and all(r == rates[0] for r in rates) else None
    # W - η ∇_W (2L), W - η ∇L · 2: the number is the rate's, and the verdict says so (review rv42: the rate 2η unnamed)
    scaled = f", with the learning rate {rate_words(rate)}" if rate is not None and hasattr(rate, "as_coeff_Mul") \
        and rate.as_coeff_Mul()[0] != 1 else ""
    one = sample_cost(eq)
    on = (f"a stochastic gradient step on {one.latex()}, the cost of the one sample {one.sample} (not a step of "
          f"gradient descent on {model.loss}, the mean over the samples, unless there is one)") if one is not None \
        else f"a step of gradient descent on {model.loss}"
    return GraphOutcome("holds", f"{on} with respect to {param.latex()}"
                        f"{every}{scaled}, the gradient entry by entry in the shape of the parameter"
                        + "".join(f"; {n}" for n in sorted(notes) if n), rate=rate), kinds


def sample_cost(eq: Equation) -> "Sym | None":
    """The cost of one sample a step descends, ``C_x`` of ∂C_x/∂W with x bound by no sum in the rule, else None: the
    step is stochastic, on C_x, not one of gradient descent on the notes' C = (1/n) Σ_x C_x (review issue 12 A6: the
    verdict called W - η ∂C_x/∂W a step on C); W - (η/n) Σ_x ∂C_x/∂W is one on C."""
    bound = {n.var for n in walk(eq) if isinstance(n, Sum)}
    for n in walk(eq):
        cost = n.num if isinstance(n, Deriv) else n.of if isinstance(n, Nabla) else None
        if isinstance(cost, Sym) and cost.sample and cost.sample not in bound:
            return cost
    return None


def computed_from(param: Sym, model: Model) -> str:
    """The names the notes compute ``param`` from (``W and x`` for v = W x), in words; '' when the notes do not
    compute it (a weight, a bias, an input: what a step may update)."""
    name = model.canonical(param.base)
    nodes = [s for s in model.defs if model.names.get(s, ("",))[0] == name]
    if not nodes:
        return ""
    found = sorted({model.names[f][0] for s in nodes for f in model.defs[s].free_symbols if f in model.names} - {name})
    if not found:
        return "the notes' other quantities"
    return ", ".join(found[:-1]) + (" and " if len(found) > 1 else "") + found[-1]


def _check_at(eq: Equation, model: Model, param: Sym, rhs, bind: dict, layout: str, kinds: set) -> GraphOutcome:
    ev = Evaluator(model, layout, bind)
    target = ev.targets(param)
    loss = model.node(model.loss)
    unlinked = unlinked_words(model, loss, target)  # a step on u that never reaches L in the model (rv45 A5)
    if unlinked:  # judged by its form alone, the gradient opaque (``graphopaque``)
        ev.opaque = opaque_entries(loss, target)
        gradient = opaque_gradient(ev.opaque, loss, target)
        return judged_form(_compare(eq, model, param, rhs, bind, layout, kinds, ev, target, gradient),
                           f"{to_latex(eq)}: {unlinked}")
    gradient = target.applyfunc(lambda v: model.d(loss, v)) if is_mat(target) else model.d(loss, target)
    return _compare(eq, model, param, rhs, bind, layout, kinds, ev, target, gradient)


def _compare(eq: Equation, model: Model, param: Sym, rhs, bind: dict, layout: str, kinds: set, ev: Evaluator, target,
             gradient) -> GraphOutcome:
    """The verdict on the rule's new value against ``gradient``, the gradient of the loss by ``target``."""
    arrow = eq.rels[0] in ARROWS and param == eq.sides[0]  # W_{t+1} := W_t - …: the new value only, as with =
    sides = [_drop_step(x, eq.sides[0], param) for x in eq.sides[1:]] if arrow else [rhs]
    ratio = None
    for side in sides:
        if side is not rhs and isinstance(side, Sym) and new_value_of(side) is not None:
            if new_value_of(side) != param:  # w_{12} \to \tilde{b}_{12} = …: the new value named for another
                return GraphOutcome("refuted", f"{side.latex()} names the new value of {new_value_of(side).latex()}, "
                                    f"but the rule updates {param.latex()}")
            continue  # \tilde{w}_{12}, w^{\text{new}}: the name of the new value of the parameter
        start = _old_term(side)
        # c := A + α ∂J/∂c: a wrong start is the slip to name, before the shapes it makes misfit
        wrong = f"starts from {start.latex()} instead of {param.latex()}, and " if isinstance(start, Sym) and \
            start != param else ""
        try:
            value = ev.value(side)
        except Misfit as exc:
            return GraphOutcome("misfit", f"{wrong}the new value does not fit: {exc}")
        finally:
            kinds |= ev.kinds  # a derivative by a vector or a matrix: its shape is the layout's
        if is_mat(target) and target.shape == (1, 1) and not is_mat(value):  # y of one entry (rv45 B2)
            value = sympy.ImmutableMatrix([[value]])
        elif is_mat(value) and value.shape == (1, 1) and not is_mat(target):
            value = value[0, 0]
        if is_mat(value) != is_mat(target) or (is_mat(value) and value.shape != target.shape):
            return GraphOutcome("misfit", f"{wrong}the new value is {shape_words(value)} but {to_latex(param)} is "
                                f"{shape_words(target)}")
        if side is not rhs and isinstance(side, Sym):
            continue  # \tilde{w}: the name of the new value
        if start is not None and isinstance(start, Sym) and start != param and not (
                Evaluator(model, layout, bind).targets(start) == target):
            return GraphOutcome("refuted", f"starts from {start.latex()} instead of {param.latex()}")
        step = (target - value) if is_mat(value) else target - value
        ratio = _multiple(step, gradient, model)
        if ratio is False:
            return GraphOutcome("refuted", f"the step {to_latex(_step_of(side, start))} is not a positive multiple "
                                f"of the gradient of {model.loss} with respect to {param.latex()}"
                                + _slip(step, gradient, target, param, model))
        why = _not_a_rate(ratio, model)
        if why:
            status = "undecided" if why.startswith("undecided: ") else "refuted"
            return GraphOutcome(status, why.removeprefix("undecided: "))
    return GraphOutcome("holds", "", rate=ratio)


def _step_of(side, start):
    """What the rule subtracts from the old value: ``\\eta X`` of ``W - \\eta X`` (the whole side when it has no
    old value to subtract from)."""
    if not isinstance(side, Add) or start is None or start not in side.terms:
        return side
    rest = [t for t in side.terms if t is not start]
    if len(rest) == 1:
        return rest[0].arg if isinstance(rest[0], Neg) else Neg(rest[0])
    return Neg(Add(tuple(rest)))


def _slip(step, gradient, target, param: Sym, model: Model) -> str:
    """The slip, when the step is a positive multiple of something near the gradient: the gradient transposed
    (a square matrix), or the gradient with respect to another entry of the same quantity (the indices swapped
    or shifted); empty otherwise."""
    loss = model.node(model.loss)
    if is_mat(step) and is_mat(gradient) and step.shape == gradient.shape[::-1] and step.shape[0] == step.shape[1]:
        if _rate_like(_multiple(step, gradient.T, model), model):
            return ": it is the gradient transposed"
    name = model.canonical(param.base)
    q = model.quantities.get(name)
    if is_mat(target) or q is None or not q.rank or not param.sub or not q.dims:
        return ""
    for idx in itertools.product(*(range(1, d + 1) for d in q.dims)):
        node = model.node(name, idx)
        if node == target:
            continue
        if _rate_like(_multiple(step, model.d(loss, node), model), model):
            parts = [str(i) for i in idx]
            other = Sym(param.base, ("".join(parts) if all(i < 10 for i in idx) else ",".join(parts),))
            return f": it is the gradient with respect to {other.latex()}, another entry of {name}"
    return ""


def _rate_like(ratio, model: Model) -> bool:
    return ratio is not False and ratio is not True and not _not_a_rate(ratio, model)


def _not_a_rate(ratio, model: Model) -> str:
    """Why the constant ``ratio`` (old − new = ratio · gradient) is no learning rate: empty when it is positive
    for every positive value of the rates it names (η, 2η, η²); a reason when some positive rate makes it zero
    or negative (η − 1 at η = 1/2: a step uphill); "undecided: …" when neither is shown."""
    if ratio is True:
        return ""  # the gradient is 0 and so is the step
    ratio = sympy.sympify(ratio)
    rates = {sym: sympy.Dummy(sym.name, positive=True) for sym in ratio.free_symbols}
    positive = ratio.xreplace(rates)
    if positive.is_positive:
        return ""
    words = rate_words(ratio)
    if (-positive).is_positive:
        return f"adds {rate_words(-ratio)} times the gradient: a step uphill"
    names = sorted(rate_words(r) for r in rates)
    if len(rates) == 1:  # one rate: decided by its exact real roots when SymPy cannot show its sign
        found = rate_witness(positive)
        if found is True:
            return ""
        if found is not None:
            trial, at = found
            where = rate_words(trial) if trial.is_Rational else f"the root ≈ {sympy.N(trial, 6)}"
            how = "no step at all" if at == 0 else "a step uphill"
            return f"the rate is {words}, not a learning rate: with {names[0]} = {where} it is {rate_words(at)}, {how}"
        return f"undecided: the rate {words} is not shown to be positive for every positive learning rate"
    for trial in (sympy.Rational(1, 2), sympy.Integer(1), sympy.Integer(2), sympy.Rational(1, 10), sympy.Integer(10)):
        at = positive.xreplace({d: trial for d in rates.values()})
        if at.is_number and at.is_nonpositive:
            how = "no step at all" if at == 0 else "a step uphill"
            where = f"{names[0]} = {trial}" if len(names) == 1 else f"every rate equal to {trial}"
            return (f"the rate is {words}, not a learning rate: with {where} it is "
                    f"{rate_words(at)}, {how}")
    return f"undecided: the rate {words} is not shown to be positive for every positive learning rate"


def _multiple(step, gradient, model: Model):
    """The constant c with step = c · gradient (c free of every quantity of the notes); True when step and
    gradient are both 0, False when there is no such constant."""
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
    return ratio


def _varies(c, model: Model) -> bool:
    return any(sym in model.names or model.atoms.is_atom(sym) or opaque_varies(sym) for sym in c.free_symbols)


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


__all__ = ["computed_from", "is_update", "steps_computed", "update_in", "Div", "Mul"]
