r"""Counterexamples at exact points: how symbp refutes.

A difference that is not the zero polynomial in the atoms is not yet a
refutation (the atoms are treated as independent). A refutation needs a
concrete point: exact rational values of x, y, w, b, a concrete activation
(for a generic σ, the cubic σ(t) = t + t²/2 + t³/6 stands in first, then the
sigmoid: one differentiable σ where the claim fails refutes "every σ"), and
both sides evaluated there exactly (rationals) or to 60 digits (mpmath).

Those values come from the same atom algebra as the ground truth, so a
ground-truth bug would show up as a bogus counterexample. A point is
therefore taken only after the independent oracle (``symbp.oracle``: the
composed network at 120 digits, derivatives by central differences)
confirms, at that point and with the same concrete σ, that the two sides
differ and have the values shown; otherwise the search reports why
(``Search.reason``) and the caller's verdict is ``undecided``.

>>> from symbp.network import network
>>> from symbp.quantities import ExactQuantities
>>> q = ExactQuantities(network([1, 1]))
>>> cx = find_counterexample(q.net, q.delta(2).rows[0][0], -q.delta(2).rows[0][0])
>>> cx.lhs_value == -cx.rhs_value != 0
True
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from fractions import Fraction

from .certificate import Counterexample
from .display.bignum import ratio
from .network import Network
from .oracle import OracleError, confirm
from .quantities import Decimal60, Exact, PointQuantities

#: Seconds the oracle may take to confirm one candidate point.
ORACLE_BUDGET = 20.0

# For a generic σ a concrete polynomial stands in: a counterexample for one
# differentiable σ refutes a claim about every differentiable σ.
_STAND_INS = {
    "sigma": (lambda t: t + t * t / 2 + t * t * t / 6, lambda t: 1 + t + t * t / 2, "σ(t) = t + t²/2 + t³/6"),
}


def _stand_in(name: str):
    if name in _STAND_INS:
        return _STAND_INS[name]
    c = Fraction(len(name) + 1, 3)
    return (lambda t: t + c * t * t, lambda t: 1 + 2 * c * t, f"{name}(t) = t + {c}·t²")


def _concrete_neuron(net, field, plan: str = "polynomial"):
    # plan: what stands in for a generic σ ("polynomial", "sigmoid" or "arctan"; see PLANS).
    mpmath = getattr(field, "mp", None)  # the field's own 60-digit context
    described: dict[str, str] = {}

    def neuron(s, l, j, z):
        act = net.activation(l, j)
        name = act.name
        if act.is_generic and plan == "polynomial":
            fname = "sigma" if name == "generic" else name.split(":", 1)[1]
            f, fp, text = _stand_in(fname)
            described[fname] = text
            return f(z), fp(z)
        if act.is_generic and plan == "arctan":
            described[name] = "σ(t) = 1/2 + arctan(t)/π"
            mz = field.coeff(z) if isinstance(z, Fraction) else z
            return 1 / field.coeff(2) + mpmath.atan(mz) / mpmath.pi, 1 / (mpmath.pi * (1 + mz * mz))
        if act.is_generic:
            described[name] = "σ = the sigmoid"
            name = "sigmoid"
        if name == "identity":
            return z, field.coeff(1)
        if name == "relu":
            return (z if z > 0 else field.coeff(0)), field.coeff(1 if z > 0 else 0)
        mz = field.coeff(z) if isinstance(z, Fraction) else z
        if name == "sigmoid":
            sv = 1 / (1 + mpmath.exp(-mz))
            return sv, sv * (1 - sv)
        if name == "tanh":
            tv = mpmath.tanh(mz)
            return tv, 1 - tv * tv
        if name == "softplus":
            return mpmath.log(1 + mpmath.exp(mz)), 1 / (1 + mpmath.exp(-mz))
        raise AssertionError(name)

    return neuron, described


_POINT_VALUES = tuple(Fraction(n, 4) for n in (-4, -3, -2, -1, 1, 2, 3, 4))
_OUTPUT_BIASES = (Fraction(1, 4), Fraction(1, 2))
_OUTPUT_WEIGHTS = tuple(Fraction(n, 16) for n in (-2, -1, 1, 2))


def _concrete_points(net, seed):
    """Concrete quantities at a few exact rational points (yields (q, activation note))."""
    needs_mp = net.output_softmax or any(
        net.activation(l, j).name in ("sigmoid", "tanh", "softplus") for l in net.layers for j in range(1, net.n(l) + 1)
    )
    rng = random.Random(seed + 7919)
    has_generic = any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1))
    # A generic σ: the cubic first, then the sigmoid; outputs the cross-entropy can take (in (0, 1))
    # and not the sigmoid's, last (claims true only for a sigmoid output fail there).
    plans = ["polynomial"]
    if has_generic:
        plans += ["sigmoid"] + (["arctan"] if net.cost == "cross-entropy" else [])
    # relu units are dead (σ' = 0) at about half of all points, and a dead unit
    # can hide a slip: look at more points there.
    has_relu = any(net.activation(l, j).name == "relu" for l in net.layers for j in range(1, net.n(l) + 1))
    # The cross-entropy exists only for outputs in (0, 1), and the oracle confirms no point
    # outside its domain: an unbounded output layer needs more points to land inside.
    bounded = net.cost == "cross-entropy"
    tries = 24 if has_relu or bounded else 4
    for plan in plans:
        field = Decimal60() if (needs_mp or plan != "polynomial") else Exact()
        for attempt in range(tries):
            leaf_values = {}

            def leaf(key, inside=bounded and attempt % 2 == 0):
                # Small values keep the counterexample readable by hand. For the cross-entropy, every
                # other point gives the output layer small weights and a bias in (0, 1), so that its
                # z, and most activations of it, land in (0, 1) where the cost exists.
                if inside and key[0] in ("w", "b") and key[1] == net.L:
                    v = rng.choice(_OUTPUT_BIASES if key[0] == "b" else _OUTPUT_WEIGHTS)
                else:
                    v = rng.choice(_POINT_VALUES)
                leaf_values[key] = v
                return field.coeff(v)

            neuron, described = _concrete_neuron(net, field, plan)

            def output_exp(s, j, z, field=field):
                return field.mp.exp(z)

            try:
                q = PointQuantities(net, field, leaf, neuron, output_exp=output_exp)
            except ZeroDivisionError:
                continue
            note = "; ".join(described.values())
            yield q, leaf_values, note, field, plan


def _differs(field, a, b) -> bool:
    if not isinstance(field, Decimal60):
        return a != b
    scale = 1 + abs(a) + abs(b)
    # 60-digit arithmetic on a few dozen operations: 10^-40 is far above its error.
    return abs(a - b) > scale * field.mp.mpf(10) ** -40


def _gap(a, b) -> float:
    return float(abs(a - b) / (1 + abs(a) + abs(b)))


class _Best:
    """Keep the clearest confirmed counterexample seen (largest relative gap), and why others were not taken.

    The oracle has ``budget`` seconds in all. When it finds the two sides equal at a point where
    the atom algebra sees them differ (or different values), the ground truth is in doubt: the
    search stops there, with no counterexample and that reason.
    """

    def __init__(self, net, oracle_sides, budget):
        self.cx, self.gap = None, -1.0
        self.net, self.oracle_sides = net, oracle_sides
        self.deadline = time.perf_counter() + budget
        self.unconfirmed = ""

    def offer(self, field, lv, rv, leaves, plan, make) -> bool:
        """Take the point if it is the clearest so far and the oracle confirms it; True: stop looking."""
        if not _differs(field, lv, rv):
            return False
        gap = _gap(lv, rv)
        if gap <= self.gap:
            return False
        oracle = ""
        if self.oracle_sides is not None:
            left = self.deadline - time.perf_counter()
            if left <= 0:
                self.unconfirmed = self.unconfirmed or "the independent oracle ran out of time"
                return True
            conf = confirm(self.net, leaves, self.oracle_sides, generic=plan, expect=(lv, rv), budget=left)
            if not conf.confirmed:
                self.unconfirmed = conf.reason if conf.verdict != "unknown" else (self.unconfirmed or conf.reason)
                return conf.verdict != "unknown"  # "agree" or "mismatch": a ground-truth bug, stop here
            oracle = conf.describe()
        self.cx, self.gap = make(oracle), gap
        return gap > 1e-3  # clear enough: stop looking

    def result(self) -> "Search":
        if self.cx is not None:
            return Search(self.cx, "")
        return Search(None, self.unconfirmed)


@dataclass(frozen=True)
class Search:
    """A confirmed counterexample, or None and the reason (empty: no point separated the sides)."""

    counterexample: Counterexample | None
    reason: str = ""


def identity_sides(ident, layer, sample, lhs_tex, r: int, c: int):
    """``oracle_sides`` for entry (r, c) of one comparison of a catalogue identity."""
    def sides(q):
        for comp in ident.compare(q):
            if (comp.layer, comp.sample, comp.lhs_tex) == (layer, sample, lhs_tex):
                return comp.lhs.rows[r][c], comp.rhs.rows[r][c]
        raise OracleError(f"{ident.name} has no comparison {lhs_tex} at layer {layer} on the oracle's side")

    return sides


def _show(field, v) -> str:
    if not isinstance(field, Decimal60):
        # exact values of deep networks can pass the 4300 digits Python prints: abbreviated (``bignum``)
        return ratio(v) if isinstance(v, (int, Fraction)) else str(v)
    return field.mp.nstr(v, 25)


def point_text(leaf_values: dict, net: Network) -> dict[str, str]:
    r"""The point of a counterexample as the user reads it: each leaf named as in ``net``, its value as text.

    The keys of ``leaf_values`` are the atoms' leaves: ``("w", l, j, k)``, ``("b", l, j)``,
    ``("x", s, j)`` and ``("y", s, j)`` (sample ``s``, unit ``j``).

    >>> from fractions import Fraction
    >>> from symbp.network import network
    >>> point_text({("w", 2, 1, 1): Fraction(1, 2), ("b", 2, 1): 3, ("x", 1, 1): Fraction(-1, 3)}, network([1, 1]))
    {'w^2_11': '1/2', 'b^2_1': '3', 'x_1': '-1/3'}
    """
    out = {}
    for key, v in leaf_values.items():
        kind, *rest = key
        if kind == "w":
            name = str(net.weight(*rest))
        elif kind == "b":
            name = str(net.bias(*rest))
        else:
            s, j = rest
            name = str(net.x(j, s) if kind == "x" else net.y(j, s))
        out[name] = ratio(v) if isinstance(v, (int, Fraction)) else str(v)
    return out


def _counterexample(field, lv, rv, label, layer, idx, leaves, net, note):
    return lambda oracle: Counterexample(
        instance=label, layer=layer, indices=tuple(idx), point=point_text(leaves, net),
        lhs=_show(field, lv), rhs=_show(field, rv), lhs_value=float(lv), rhs_value=float(rv), activation=note,
        oracle=oracle,
    )


def find_counterexample(net: Network, lhs, rhs, label: str = "", layer: int | None = None, indices: tuple = (), seed: int = 0,
                        *, oracle_sides=None, budget: float = ORACLE_BUDGET):
    """A concrete counterexample to ``lhs = rhs`` (exact ``algebra`` elements over ``net``'s atoms), or None.

    Both sides are evaluated at exact rational points with concrete
    activations (a cubic stands in for a generic σ, then the sigmoid); the
    clearest disagreement found is returned. With ``oracle_sides`` (a
    function of ``oracle.OracleQuantities`` giving the two sides' values) a
    point is taken only if the independent oracle confirms the difference
    there (see ``search``, which also says why none was taken).
    """
    return search(net, lhs, rhs, label, layer, indices, seed, oracle_sides=oracle_sides, budget=budget).counterexample


def search(net: Network, lhs, rhs, label: str = "", layer: int | None = None, indices: tuple = (), seed: int = 0,
           *, oracle_sides=None, budget: float = ORACLE_BUDGET) -> Search:
    """``find_counterexample``, returning a ``Search`` (the counterexample, or why none was confirmed)."""
    best = _Best(net, oracle_sides, budget)
    for q, leaves, note, field, plan in _concrete_points(net, seed):
        try:
            lv, rv = q.value(lhs), q.value(rhs)
        except ZeroDivisionError:
            continue
        if best.offer(field, lv, rv, dict(leaves), plan, _counterexample(field, lv, rv, label, layer, indices, dict(leaves), net, note)):
            break
    return best.result()


def search_pointwise(ident, net, comp0, r, c, label, idx, seed, *, budget: float = ORACLE_BUDGET) -> Search:
    """A counterexample to entry (r, c) of the comparison ``comp0`` of ``ident``, confirmed by the oracle."""
    best = _Best(net, identity_sides(ident, comp0.layer, comp0.sample, comp0.lhs_tex, r, c), budget)
    for q, leaves, note, field, plan in _concrete_points(net, seed):
        try:
            for comp in ident.compare(q):
                if (comp.layer, comp.sample, comp.lhs_tex) != (comp0.layer, comp0.sample, comp0.lhs_tex):
                    continue
                lv, rv = comp.lhs.rows[r][c], comp.rhs.rows[r][c]
                make = _counterexample(field, lv, rv, label, comp.layer, idx, dict(leaves), net, note)
                if best.offer(field, lv, rv, dict(leaves), plan, make):
                    return best.result()
        except ZeroDivisionError:
            continue
    return best.result()
