r"""Refutations: an exact point where a claim and the ground truth differ, confirmed independently.

A difference that is not the zero polynomial in the atoms is not yet a
refutation (the atoms are treated as independent). A refutation needs a
concrete point: exact rational values of every leaf (inputs, parameters, g),
every function computed for real at 60 digits, a concrete activation for a
generic φ (a cubic first, then tanh), and both sides evaluated there. Before
it is reported, an *independent oracle* confirms it: the layer's forward
pass written a second time in plain loops (``LayerSpec.reference``),
differentiated by mpmath's high-precision finite differences. The oracle
must agree with the ground truth and disagree with the claim; if it agrees
with neither, that is a symbp bug and the verdict is ``undecided``.

>>> from symbp.layers import batchnorm, get, mutants
>>> found = find(mutants.get("batchnorm-input-gradient without 1/m").identity, batchnorm(batch=2, features=1))
>>> found.counterexample.lhs != found.counterexample.rhs
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

from ..certificate import Counterexample
from .field import Numeric, describe_activation
from .identity import evaluate

#: Random points tried per stand-in activation.
TRIES = 6


@dataclass(frozen=True)
class Found:
    """A confirmed counterexample, or the reason there is none."""

    counterexample: Counterexample | None
    oracle: str = ""
    bug: str = ""


def _text(mp, v) -> str:
    return mp.nstr(v, 25)


def _gap(a, b) -> float:
    return float(abs(a - b) / (1 + abs(a) + abs(b)))


def oracle_derivative(spec, values: dict, key: tuple, activation: str, mp):
    """∂L/∂(key) by finite differences of ``spec.reference`` (L = Σ_o g_o y_o, g held fixed)."""
    name, idx = key
    real = {k: mp.mpf(v.numerator) / v.denominator for k, v in values.items()}
    g = {o: real.get(("g", o), mp.mpf(1)) for o in spec.outputs()}

    def loss(t):
        point, probes = real, {}
        if key in real:
            point = dict(real)
            point[key] = t
        else:
            probes = {key: t}
        y = spec.reference(point, probes, mp, activation)
        return mp.fsum(g[o] * y[o] for o in spec.outputs())

    at = real[key] if key in real else mp.mpf(0)
    return mp.diff(loss, at)


def find(identity, spec, prefer: tuple | None = None, seed: int = 0) -> Found:
    """A counterexample to ``identity`` on ``spec``, confirmed by the oracle (or why none was found)."""
    rng = random.Random(seed + 7919)
    activations = ("cubic", "tanh") if spec.generic_activation else ("cubic",)
    bug = ""
    for act in activations:
        for _ in range(TRIES):
            values = spec.draw(rng)
            field = Numeric(values, activation=act)
            try:
                truth, claim, _ = evaluate(identity, spec, field)
            except ZeroDivisionError:
                continue
            key = _worst(truth, claim, prefer)
            if key is None:
                continue
            mp = field.mp
            oracle = oracle_derivative(spec, values, key, act, mp)
            t, c = truth[key], claim[key]
            scale = 1 + abs(oracle)
            if abs(oracle - t) > mp.mpf(10) ** -20 * scale:
                bug = (f"the ground truth ({_text(mp, t)}) and the independent oracle ({_text(mp, oracle)}) "
                       f"disagree at {spec.symbol(*key)}: a symbp bug, please report it")
                continue
            if abs(oracle - c) <= mp.mpf(10) ** -20 * scale:
                continue
            note = describe_activation(act) if spec.generic_activation else ""
            cx = Counterexample(
                instance=f"∂{spec.LOSS}/∂{spec.symbol(*key)}", layer=None, indices=tuple(key[1]),
                point={spec.symbol(n, i): _fraction(v) for (n, i), v in values.items()},
                lhs=_text(mp, t), rhs=_text(mp, c), lhs_value=float(t), rhs_value=float(c), activation=note,
            )
            text = (f"independent oracle (the forward pass in plain loops, differentiated by 60-digit finite "
                    f"differences) at this point: ∂{spec.LOSS}/∂{spec.symbol(*key)} = {_text(mp, oracle)}, "
                    f"agreeing with the ground truth and not with the formula")
            return Found(cx, oracle=text)
    return Found(None, bug=bug)


def _worst(truth: dict, claim: dict, prefer) -> "tuple | None":
    # The preferred entry if it differs clearly; otherwise the entry with the largest gap.
    if prefer is not None and prefer in truth and _gap(truth[prefer], claim[prefer]) > 1e-12:
        return prefer
    best, gap = None, 1e-12
    for k in truth:
        g = _gap(truth[k], claim[k])
        if g > gap:
            best, gap = k, g
    return best


def _fraction(v: Fraction) -> str:
    return str(Fraction(v))
