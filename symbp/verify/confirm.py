r"""A refutation is issued only when an independent oracle sees the two sides differ.

The exact check (``check``) finds that the two sides of an instance are
different polynomials in the network's atoms. That is not yet a refutation:
it could be a bug of the ground truth, which the exact algebra would share.
Here the instance is evaluated again, at concrete points, with every
derivative the formula uses (δ, ∂C/∂w, ∂a/∂z, …) taken from the oracle —
high-precision numbers of the fully composed network, which share nothing
with ``derive``, ``quantities`` or ``algebra`` — and only the formula's own
arithmetic (its sums, products, transposes) taken from the reading of the
formula. A point where the two sides clearly differ is the counterexample.

The formula is evaluated in an *opaque* context: each derivative is an atom of
its own, so a side is a small polynomial in the leaves x, y, w, b, the neuron
values σ(z), σ'(z), e^z and the derivative atoms, each of which is given a
value at the point by the oracle or by the concrete activation.
"""

from __future__ import annotations

import json
import random
import time
from fractions import Fraction

import mpmath

from ..certificate import Counterexample
from ..counterexample import point_text
from ..display.bignum import decimal
from ..network import network
from ..oracle import DIGITS
from .oracle_values import atom_values, context_of, value_at
from .outputact import activations
from .context import Context, evaluate
from .values import Mat, OutsideDomain, Uninterpretable, _broadcast_constant, _variable_rows, one_entry

# For a generic σ a concrete function stands in: a counterexample for one
# differentiable σ refutes a claim about every differentiable σ. The cubic keeps
# a counterexample checkable by hand; the sigmoid is tried when it does not separate.
_STAND_INS = ("cubic", "sigmoid")
_POINT_VALUES = tuple(Fraction(n, 4) for n in (-4, -3, -2, -1, 1, 2, 3, 4))
#: Relative gap two sides must show at a point to count as different (far above the oracle's error).
CLEAR_GAP = mpmath.mpf("1e-12")


def confirm(lhs, rhs, ctx: Context, bind: dict, entry: "tuple | None", label: str, *, deadline: float,
            activation: str | None = None, tries: int = 6, seed: int = 0) -> Counterexample | None:
    """A counterexample to ``lhs = rhs`` at ``bind`` on ``ctx.net``, confirmed by the oracle, or None.

    ``entry`` is the (row, column) of a matrix side where the exact check saw
    the difference (empty for a scalar; None: any entry); ``activation`` is the
    one the claim is about (default: the network's own).
    """
    output = getattr(ctx, "output", None)  # the output layer's own activation said in words (``outputact``)
    octx = _opaque(ctx, activations(activation, ctx.net.L, output) if activation else _activation_arg(ctx.net), output)
    net = octx.net
    octx.bind = dict(bind)
    try:
        lv_all, rv_all = one_entry(*_variable_rows(*_broadcast_constant(evaluate(lhs, octx), evaluate(rhs, octx))))  # as ``compare``
    except (Uninterpretable, OutsideDomain):  # (σ at an output layer the notes' words make another: ``outputact``)
        return None  # the oracle has no value for it (∂/∂(…) of an expression): unconfirmed, so undecided
    if isinstance(lv_all, Mat) != isinstance(rv_all, Mat) or (
            isinstance(lv_all, Mat) and (lv_all.rows, lv_all.cols) != (rv_all.rows, rv_all.cols)):
        return None  # a shape error is refuted with its reason, not at a point
    if entry is None:
        entries = [(r + 1, c + 1) for r in range(lv_all.rows) for c in range(lv_all.cols)] \
            if isinstance(lv_all, Mat) else [()]
    else:
        entries = [entry]
    pairs = [(e, _entry(lv_all, e), _entry(rv_all, e)) for e in entries]
    atoms = sorted({g for _, left, right in pairs for side in (left, right) if hasattr(side, "gens")
                    for g in side.gens()})
    rng = random.Random(seed + 7919)
    generic = any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1))
    best = None
    for stand_in in (_STAND_INS if generic else (None,)):
        for attempt in range(tries):
            if time.perf_counter() > deadline:
                return None if best is None else best[1]
            # Every other point small and positive: there a polynomial stand-in keeps σ inside (0, 1),
            # where a cross-entropy cost is defined.
            leaves = _random_leaves(net, rng, small=attempt % 2 == 1, one_hot=True)
            try:
                values, note = atom_values(net, leaves, stand_in, [net.atoms.keys[g] for g in atoms])
            except (ZeroDivisionError, ValueError, OverflowError):
                continue
            mp = context_of(values)
            for e, left, right in pairs:
                try:
                    lv, rv = value_at(left, values, net), value_at(right, values, net)
                except (ZeroDivisionError, ValueError, OverflowError):
                    continue
                if not all(isinstance(v, mp.mpf) and mp.isfinite(v) for v in (lv, rv)):
                    continue  # a point where the network's values overflow or leave the reals says nothing
                lv, rv = mpmath.mpf(lv), mpmath.mpf(rv)
                gap = abs(lv - rv) / (1 + abs(lv) + abs(rv))
                if gap > CLEAR_GAP and (best is None or gap > best[0]):
                    where = label + (f", entry {e}" if e and entry is None else "")
                    best = (gap, _counterexample(where, bind, leaves, net, lv, rv, note))
                    if gap > mpmath.mpf("1e-3"):
                        return best[1]
    return None if best is None else best[1]


_OPAQUE: dict = {}


def _opaque(ctx: Context, activation: str, output: "tuple | None" = None) -> Context:
    # One opaque context per network and notation, reused: its derivative atoms are keyed by seed.
    key = (tuple(ctx.net.sizes), activation, ctx.net.cost, ctx.net.one_hot,
           json.dumps(ctx.notation.to_dict(), sort_keys=True), output)
    if key not in _OPAQUE:
        if len(_OPAQUE) > 64:
            _OPAQUE.clear()
        net = network(list(ctx.net.sizes), activation=activation, cost=ctx.net.cost, one_hot=ctx.net.one_hot)
        _OPAQUE[key] = Context(net, ctx.notation, opaque=True)
        _OPAQUE[key].output = output  # σ written at layer L is outside the formula's domain there too
    return _OPAQUE[key]


def _activation_arg(net) -> str:
    return ",".join(net.activations)


def _entry(value, entry: tuple):
    if isinstance(value, Mat):
        r, c = entry if entry else (1, 1)
        return value.entries[r - 1][c - 1]
    return value


def _random_leaves(net, rng: random.Random, small: bool = False, one_hot: bool = False) -> dict:
    """Values of the network's leaves at a random exact point. With ``one_hot`` and a network of one-hot targets the
    target is a one-hot vector e_c (c at random), not merely one whose entries sum to 1: a counterexample must be a
    target the claim is about (rv52 A12: Σ_k y_k δ^L_k = Σ_k y_k a^L_k − 1, true for every one-hot y and false for
    y = (2, −1), was refuted there)."""
    out = _leaves(net, rng, small)
    if one_hot and net.one_hot:
        n = net.n(net.L)
        c = rng.randrange(1, n + 1)
        out.update({("y", 1, j): Fraction(int(j == c)) for j in range(1, n + 1)})
    return out


def _leaves(net, rng: random.Random, small: bool) -> dict:
    # Small values in deep networks: the cubic stand-in, composed layer after layer, must not explode.
    scale = Fraction(1) if net.L <= 4 else Fraction(1, 2)
    if small:
        return _small_leaves(net, rng)
    out = {}
    for l in net.layers:
        for j in range(1, net.n(l) + 1):
            out[("b", l, j)] = scale * rng.choice(_POINT_VALUES)
            for k in range(1, net.n(l - 1) + 1):
                out[("w", l, j, k)] = scale * rng.choice(_POINT_VALUES)
    for k in range(1, net.n(1) + 1):
        out[("x", 1, k)] = scale * rng.choice(_POINT_VALUES)
    n = net.n(net.L)
    for j in range(1, n + 1):
        out[("y", 1, j)] = rng.choice(_POINT_VALUES)
    if net.one_hot:  # Σ_k y_k = 1: the last target is what the others leave
        out[("y", 1, n)] = 1 - sum((out[("y", 1, j)] for j in range(1, n)), Fraction(0))
    return out


def _small_leaves(net, rng: random.Random) -> dict:
    values = tuple(Fraction(n, 16) for n in (1, 2, 3, 4))
    out = {key: rng.choice(values) for key in net.parameters()}
    out.update({("x", 1, k): rng.choice(values) for k in range(1, net.n(1) + 1)})
    n = net.n(net.L)
    out.update({("y", 1, j): rng.choice(_POINT_VALUES) for j in range(1, n + 1)})
    if net.one_hot:
        out[("y", 1, n)] = 1 - sum((out[("y", 1, j)] for j in range(1, n)), Fraction(0))
    return out


def _counterexample(label: str, bind: dict, leaves: dict, net, lv, rv, note: str) -> Counterexample:
    layer = next((v for k, v in bind.items() if k in ("l", "L")), None)
    return Counterexample(
        instance=label, layer=layer, indices=tuple(bind.values()), point=point_text(leaves, net),
        lhs=_show(lv), rhs=_show(rv), lhs_value=float(lv), rhs_value=float(rv), activation=note,
        # left and right are the oracle's own numbers: said, so a JSON reader sees the confirmation (review rv42a)
        oracle=f"left and right computed by the independent oracle ({DIGITS} digits, numeric differentiation of the "
               "fully composed network) with the formula's own arithmetic",
    )


def _show(v) -> str:
    # A whole number prints as one (a hand-checkable 9, not 9.0); otherwise 25 digits.
    # Past 30 digits it is 25 digits and an exponent: the oracle knows DIGITS (50) of it, so the integer's other
    # digits would be noise, and Python has no text for an integer of 4301 digits (issue 12 C1).
    if abs(v) < mpmath.mpf(10) ** 30 and abs(v - mpmath.nint(v)) < mpmath.mpf(10) ** -30 * (1 + abs(v)):
        return str(int(mpmath.nint(v)))
    return decimal(v, 25)
