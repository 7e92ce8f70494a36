r"""One claim on one network: every instance, exactly, against the ground truth.

``check_network`` evaluates both sides of ``lhs = rhs`` (``interpret``) for every
layer value inside the formula's domain and every neuron index, each value an
exact ``symbp.algebra`` element from the ground truth (direct differentiation);
the layer values outside the domain are kept with the reason. ``compare`` is the
exact equality test: canonical polynomials, and for the sigmoid and tanh the rule
σ' = rule(σ) put in where the two sides differ. ``check`` (the whole formula,
every depth) builds on it.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass, field

from .. import algebra, derive, functions
from ..certificate import Counterexample
from ..network import network
from ..notation import Notation
from .confirm import confirm
from .instances import index_bindings, layer_bindings
from .values import _variable_rows, one_entry
from .interpret import (Context, LayerOutOfRange, Mat, OutsideDomain, ShapeMismatch, Uninterpretable, _broadcast_constant,
                        evaluate, shape_of)
from .nodes import Equation, to_latex
from .outputact import activations


@dataclass(frozen=True)
class Setting:
    """The network assumptions a formula is checked under.

    ``family``: networks checked besides the standard ones (the user's own);
    ``fixed``: the network the user fixed (``verify --sizes``), if any; ``outputs``: the number of output
    neurons the notes fix in their prose ("one output neuron"), which every network checked then has. ``output``: the
    output layer's own activation and the words that say it, (name, words), when the notes name one in words other
    than σ ("the output layer is linear": ``outputact``); σ is then the hidden layers' activation.
    """

    notation: Notation
    activation: str = "generic"
    cost: str = "quadratic"
    one_hot: bool = False
    family: tuple = ()
    fixed: tuple | None = None
    outputs: int | None = None
    output: tuple | None = None


_NETWORKS: dict = {}  # (sizes, activation, cost, one_hot) -> (network, its ground truth), shared by the notations


class _Contexts(dict):
    """(sizes, activation, cost, one_hot, notation) -> Context; clearing it clears the shared networks too (cold)."""

    def clear(self) -> None:
        super().clear()
        _NETWORKS.clear()


_CONTEXTS: dict = _Contexts()
_MAX_CONTEXTS = 96

#: Activations whose σ' is a polynomial in σ (σ' = σ(1 − σ), tanh' = 1 − tanh²). Their networks are
#: built with σ' as an atom of its own, and the rule is put in only where the two sides differ:
#: equal with σ' free, they are equal under the rule; and the polynomials stay small.
_RULE_OF_VALUE = ("sigmoid", "tanh")


def _context(sizes: tuple, activation: str, cost: str, one_hot: bool, notation: Notation,
             output: tuple | None = None) -> Context:
    # Ground truth is memoised per network, so the formulas of one set of notes share it; the network and its
    # ground truth do not depend on the notation, so the contexts of every notation tried (``infer``) share them.
    built = "generic" if activation in _RULE_OF_VALUE else activation
    built = activations(built, len(sizes), output)  # the output layer's own activation said in words (``outputact``)
    net_key = (sizes, activation, cost, one_hot, output)  # σ' = rule(σ) adds atoms of its own: sigmoid and generic apart
    key = (sizes, activation, cost, one_hot, json.dumps(notation.to_dict(), sort_keys=True), output)
    if key in _CONTEXTS and _CONTEXTS[key].sigma_at_softmax:
        # σ written at a softmax output added atoms of its own (σ(z^L_j), a value the network does not compute)
        # to this context's model; a later formula gets a fresh one (its zero test was thrown off by them), and so
        # does every other context that shares that network.
        _forget(_CONTEXTS[key].net)
    if key not in _CONTEXTS:
        _evict(_CONTEXTS, _MAX_CONTEXTS)
        if net_key not in _NETWORKS:
            _evict(_NETWORKS, _MAX_CONTEXTS)
            net = network(list(sizes), activation=built, cost=cost, one_hot=one_hot)
            _NETWORKS[net_key] = (net, derive.GroundTruth(net))
        net, gt = _NETWORKS[net_key]
        ctx = Context(net, notation, gt)
        ctx.activation = activation
        ctx.output = output
        ctx.prime_rule = functions.activation(activation).prime_of_value if activation in _RULE_OF_VALUE else None
        _CONTEXTS[key] = ctx
    return _CONTEXTS[key]


def _evict(cache: dict, most: int) -> None:
    """Room for one more entry: the oldest entries go first (a set of notes reuses its recent networks)."""
    while len(cache) >= most:
        del cache[next(iter(cache))]


def _forget(net) -> None:
    """Drop a network whose model gained atoms of its own, and every context built on it."""
    for k in [k for k, c in _CONTEXTS.items() if c.net is net]:
        del _CONTEXTS[k]
    for k in [k for k, (n, _) in _NETWORKS.items() if n is net]:
        del _NETWORKS[k]


# -- one claim on one network ---------------------------------------------------------------


@dataclass
class NetCheck:
    """One claim ``lhs = rhs`` on one network.

    ``status``: holds (every instance exact), fails (a shape error, or a difference
    at ``failure``), none (no layer value inside the formula's domain), undecided
    (the budget ran out).
    """

    depth: int
    sizes: tuple
    status: str = "none"
    instances: int = 0
    layers: list = field(default_factory=list)  # layer assignments checked (where every instance held)
    failed: list = field(default_factory=list)  # the layer assignment where the claim failed, if it did
    outside: list = field(default_factory=list)  # (layer assignment, reason)
    reason: str = ""
    failure: tuple | None = None  # (ctx, bind, lhs value, rhs value, entry)
    counterexample: Counterexample | None = None
    ill_shaped: bool = False  # failed because the two sides' shapes differ


def check_network(lhs, rhs, depth: int, sizes: tuple, setting: Setting, deadline: float,
                  where: tuple = (), *, screen: bool = False) -> NetCheck:
    """Every instance of ``lhs = rhs`` (under the conditions ``where``) on the network ``sizes``.

    Stops at the first difference. With ``screen``, the first instance is first evaluated
    by the oracle at a few points: sides that clearly differ there fail the network at once,
    with that confirmed counterexample, and no exact ground truth is built for it.
    """
    out = NetCheck(depth, tuple(sizes))
    try:
        ctx = _context(tuple(sizes), setting.activation, setting.cost, setting.one_hot, setting.notation, setting.output)
    except derive.BudgetExceeded as exc:  # the budget ran out while the network itself was built
        out.status, out.reason = "undecided", f"{exc} on the network {list(sizes)}"
        return out
    ctx.gt.budget = derive.Budget(max(0.01, deadline - time.perf_counter()))
    eq = Equation((lhs, rhs), ("=",), where)
    if screen and _screened(eq, ctx, out, setting, deadline):
        return out
    bind: dict = {}
    layers: dict = {}
    try:
        for layers, ranges, outside in layer_bindings(eq, ctx):
            if outside is not None:
                out.outside.append((layers, outside))
                continue
            count = 0
            for bind in index_bindings(layers, ranges, eq.where):
                if time.perf_counter() > deadline:
                    raise derive.BudgetExceeded("the time budget ran out")
                ctx.bind = dict(bind)
                ctx.undefined = []
                try:
                    lv, rv = evaluate(lhs, ctx), evaluate(rhs, ctx)
                except OutsideDomain as exc:
                    # One instance the formula does not speak of (Dyda's constant x_0 under ∂/∂x, a neuron
                    # number the network lacks): reported, and the layer's other instances still checked.
                    if (layers, str(exc)) not in out.outside:
                        out.outside.append((layers, str(exc)))
                    continue
                except LayerOutOfRange as exc:
                    out.outside.append((layers, str(exc)))
                    count = -1
                    break
                count += 1
                bad = compare(lv, rv, lhs, rhs, ctx)
                if bad is True:
                    bad = _in_spaces(rv, rhs, where, ctx)
                if bad is True and ctx.undefined:  # equal where defined, but undefined on an open set
                    out.status, out.reason = "undecided", f"{ctx.undefined[0]} ({_where(ctx, bind)})"
                    return out
                if bad is True:
                    continue
                out.instances += count
                out.status = "fails"
                out.failed.append(layers)
                if isinstance(bad, str):  # the shapes differ (or the value is not in the space the formula names)
                    out.reason, out.ill_shaped = f"{_where(ctx, bind)}: {bad}", True
                else:
                    out.reason = f"the two sides differ {_where(ctx, bind)}" + (f", entry {bad[2]}" if bad[2] else "")
                    out.failure = (ctx, dict(bind), bad[0], bad[1], bad[2])
                return out
            if count > 0:
                out.instances += count
                out.layers.append(layers)
    except ShapeMismatch as exc:
        at = _where(ctx, bind) + ": " if bind and "network" not in str(exc) else f"on the network {list(sizes)}: "
        out.status, out.reason = "fails", f"{at}{exc}" if "network" not in str(exc) or bind else str(exc)
        out.ill_shaped = True
        if layers:
            out.failed.append(layers)
        return out
    except derive.BudgetExceeded as exc:
        out.status, out.reason = "undecided", f"{exc} on the network {list(sizes)} after {out.instances} instances"
        return out
    finally:
        ctx.bind = {}
    out.status = "holds" if out.instances else "none"
    return out


def _screened(eq: Equation, ctx: Context, out: NetCheck, setting: Setting, deadline: float) -> bool:
    """The oracle's look at the first instance: True (and ``out`` failed) if it finds the sides apart."""
    lhs, rhs = eq.sides
    cx = None
    try:
        instances = [b for layers, ranges, outside in layer_bindings(eq, ctx) if outside is None
                     for b in index_bindings(layers, ranges, eq.where)]
        # The first instance and a few others: a wrong formula is rarely right at all of them.
        picks = instances[:1] + random.Random(len(instances)).sample(instances[1:], min(3, max(0, len(instances) - 1)))
        stop = min(deadline, time.perf_counter() + 5)
        for bind in picks:
            cx = confirm(lhs, rhs, ctx, bind, None, _where(ctx, bind), activation=getattr(ctx, "activation", None),
                         deadline=stop, tries=2)
            if cx is not None:
                break
    except (ShapeMismatch, LayerOutOfRange, Uninterpretable, derive.BudgetExceeded):
        return False  # the exact check says what is wrong, with its reason (or that the budget ran out)
    finally:
        ctx.bind = {}
    if cx is None:
        return False
    out.status, out.instances, out.counterexample = "fails", 1, cx
    out.reason = f"the two sides differ {cx.instance}"
    out.failure = (ctx, dict(bind), None, None, ())
    return True


def _in_spaces(value, side, where: tuple, ctx: Context):
    """True, or why ``value`` is not in the space a ``\\in \\mathbb{R}^{n_l}`` after the formula names."""
    for w in where:
        if w.kind == "space":
            n = ctx.size(w.lo.size, w.text)
            if not (isinstance(value, Mat) and (value.rows, value.cols) == (n, 1)):
                return f"{to_latex(side)} is {shape_of(value)}, but {w.text} says a column vector of {n}"
    return True


def compare(lv, rv, lhs, rhs, ctx: Context | None = None):
    """True if equal; a reason string for a shape mismatch; else (l, r, entry) of a differing entry.

    A number on one side of a vector is the vector of that number (``\\delta^L = 0``,
    ``\\sigma'(z^l) = 1``), as it is in ``1 - a^L``.
    """
    lv, rv = one_entry(*_variable_rows(*_broadcast_constant(lv, rv)))  # a layer of one neuron: a number
    if isinstance(lv, Mat) != isinstance(rv, Mat) or (
        isinstance(lv, Mat) and (lv.rows, lv.cols) != (rv.rows, rv.cols)
    ):
        return f"the left side {to_latex(lhs)} is {shape_of(lv)} but the right side {to_latex(rhs)} is {shape_of(rv)}"
    if isinstance(lv, Mat):
        for r in range(lv.rows):
            for c in range(lv.cols):
                if not _equal(lv.entries[r][c], rv.entries[r][c], ctx):
                    return lv.entries[r][c], rv.entries[r][c], (r + 1, c + 1)
        return True
    return True if _equal(lv, rv, ctx) else (lv, rv, ())


def _equal(a, b, ctx: Context | None) -> bool:
    # Polynomials are kept in a canonical form (sorted monomials, no zero terms), so equal
    # term dictionaries are equal polynomials: the common case needs no subtraction.
    if isinstance(a, algebra.Poly) and isinstance(b, algebra.Poly) and a.terms == b.terms:
        return True
    if isinstance(a, algebra.RatFunc) and isinstance(b, algebra.RatFunc) and a.den.terms != b.den.terms:
        # a − b is (a.num b.den − b.num a.den) / (a.den b.den): its zero test is a.num b.den = b.num a.den
        # (decided whole, without the difference, when it is dense), so the difference and the product of the
        # denominators (the largest of the three) are built only when the network's relations or σ' = rule(σ)
        # must be put into it.
        if algebra.products_equal(a.num, b.den, b.num, a.den):
            return True
        model = getattr(ctx, "model", None)
        if getattr(ctx, "prime_rule", None) is None and not (getattr(model, "relations", None)
                                                             or getattr(model, "idempotent", None)):
            return False
        return _zero(algebra.RatFunc(a.num * b.den - b.num * a.den, a.den * b.den), ctx)
    return _zero(a - b, ctx)


def _zero(diff, ctx: Context | None) -> bool:
    """Is ``diff`` exactly 0, with σ' = rule(σ) put in when the activation has such a rule?

    The network's own zero test comes first (``atoms.vanishes``: it knows that a relu's σ is
    z·[z > 0] and the identity's is z).
    """
    if not hasattr(diff, "is_zero"):
        return diff == 0
    vanishes = getattr(getattr(ctx, "model", None), "vanishes", None)
    if diff.is_zero() or (vanishes is not None and vanishes(diff)):
        return True
    rule = getattr(ctx, "prime_rule", None)
    if rule is None:
        return False
    num = diff.num if hasattr(diff, "den") else diff
    model = ctx.model
    image = {}
    for g in num.gens():
        key = model.keys[g]
        if key[0] == "D":
            image[g] = algebra.Poly.const(1) * rule(model.atom(("S",) + tuple(key[1:])))
    if not image:
        return False  # no σ' to put the rule in: the difference stands
    if _rule_at_random_point(num, image) != 0:
        return False  # nonzero at one point under the rule: certainly not zero, no need to expand
    return _put(num, image).is_zero()  # zero there: prove it exactly


_P = (1 << 61) - 1


def _rule_at_random_point(poly, image: dict) -> int:
    """``poly`` modulo a large prime at random atom values, σ' given its value by the rule."""
    import random

    rng = random.Random(len(poly.terms))
    values = {g: rng.randrange(1, _P) for g in poly.gens()}
    for g in image:
        sub = image[g]
        for h in sub.gens():
            values.setdefault(h, rng.randrange(1, _P))
        values[g] = sub.evaluate_mod(values, _P)
    return poly.evaluate_mod(values, _P)


def _put(poly, image: dict):
    """``poly`` with the atoms of ``image`` replaced by their polynomials."""
    out = poly.evaluate(_Image(image), coeff=algebra.Poly.const)
    return out if isinstance(out, algebra.Poly) else algebra.Poly.const(out)


class _Image:
    """Atom values for ``Poly.evaluate``: an atom of the image is its polynomial, any other atom itself."""

    def __init__(self, image: dict):
        self.image = image

    def __getitem__(self, g: int):
        return self.image[g] if g in self.image else algebra.Poly.gen(g)


def _where(ctx: Context, bind: dict) -> str:
    vals = ", ".join(f"{k} = {v}" for k, v in sorted(bind.items()))
    return f"on the network {list(ctx.net.sizes)}" + (f" with {vals}" if vals else "")
