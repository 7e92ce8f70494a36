r"""``assert_gradient``: a numeric gradient function checked against symbp's ground truth.

A course's own backprop (Nielsen's ``network.py`` style: weights and biases as NumPy arrays, a column per sample)
is compared entry by entry with forward-mode differentiation of the cost over the network's definitions
(``symbp.quantities``), never with backprop, at random points.
"""

from __future__ import annotations

import random
from typing import Callable

import numpy as np

from ..errors import SpecError
from ..network import Network
from ..quantities import Exact, PointQuantities
from .assertions import SymbpAssertionError, usage_error


def assert_gradient(fn: Callable, net: Network, *, points: int = 3, rtol: float = 1e-6, atol: float = 1e-9,
                    seed: int = 0, scale: float = 1.0) -> None:
    r"""Check a numeric gradient function against symbp's ground truth at random points.

    ``fn(weights, biases, x, y)`` follows Nielsen's ``network.py``:
    ``weights[i]`` is w^{i+2} (shape n_{l} × n_{l-1}), ``biases[i]`` is b^{i+2}
    (shape n_l × 1), ``x`` is n_1 × m and ``y`` is n_L × m (a column per
    sample, m = the network's batch). It returns ``(nabla_b, nabla_w)`` of the
    same shapes (checked: a transposed or flat gradient fails even where it has
    the right entries, since the update would broadcast it). The ground truth is forward-mode differentiation of the cost
    over the definitions (``symbp.quantities``), never backprop. Every entry
    must satisfy |fn − truth| ≤ atol + rtol·|truth|.
    """
    __tracebackhide__ = True  # a failure shows the user's test line, not symbp's source
    if any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1)):
        usage_error(SpecError(f"assert_gradient needs a concrete activation (sigmoid, tanh, ...); {net.label()} has a generic σ"))
    rng = random.Random(seed)
    for point in range(points):
        values = {}

        def leaf(key):
            v = rng.uniform(-scale, scale)
            if key[0] == "y" and net.output_softmax:
                v = abs(v)
            values[key] = v
            return v

        def neuron(s, l, j, z):
            act = net.activation(l, j)
            return float(act.numpy(np.float64(z))), float(act.numpy_prime(np.float64(z)))

        q = None
        for _ in range(20):  # a point where the cost is undefined (log 0 at a dead relu output): draw again
            try:
                q = PointQuantities(net, _FloatField(), leaf, neuron, output_exp=lambda s, j, z: float(np.exp(z)))
                break
            except ZeroDivisionError:
                continue
        if q is None:
            raise SymbpAssertionError(f"no random point where the cost of {net.label()} is defined was found")
        weights = [np.array(q.W_[l], dtype=float) for l in net.layers]
        biases = [np.array(q.b_[l], dtype=float).reshape(-1, 1) for l in net.layers]
        x = np.array([[q._leaf[("x", s, k)] for s in net.samples] for k in range(1, net.n(1) + 1)])
        y = np.array([[float(q.Y_[s][j - 1]) for s in net.samples] for j in range(1, net.n(net.L) + 1)])
        try:
            got = fn([w.copy() for w in weights], [b.copy() for b in biases], x.copy(), y.copy())
            nabla_b, nabla_w = got
        except (TypeError, ValueError) as exc:
            raise SymbpAssertionError(f"the gradient function must return (nabla_b, nabla_w); calling it failed: {exc}")
        _compare_gradients(net, q, nabla_b, nabla_w, rtol, atol, point)


class _FloatField(Exact):
    # Plain floats for PointQuantities: the oracle of assert_gradient.
    name = "float"

    def coeff(self, c):
        return float(c)


def _compare_gradients(net, q, nabla_b, nabla_w, rtol, atol, point):
    __tracebackhide__ = True
    layers = list(net.layers)
    if len(nabla_b) != len(layers) or len(nabla_w) != len(layers):
        raise SymbpAssertionError(
            f"expected one gradient per layer 2..{net.L} ({len(layers)}), got {len(nabla_b)} for b and {len(nabla_w)} for w"
        )
    worst = []
    for i, l in enumerate(layers):
        truth_w = np.array(q.dC_dw(l).rows, dtype=float)
        truth_b = np.array(q.dC_db(l).rows, dtype=float)
        for what, got, truth in (("w", nabla_w[i], truth_w), ("b", nabla_b[i], truth_b)):
            got = np.asarray(got, dtype=float)
            # The shape itself, not just the number of entries: a 1×n weight gradient returned as n×1 (a^T δ, the
            # row-vector convention) has the right entries, and w − η·∇w then broadcasts to n×n (review 24 A1); so
            # does a flat bias gradient beside Nielsen's n×1 biases, b − η·∇b (review 25 C1).
            if got.shape != truth.shape:
                turned = " (transposed?)" if got.shape == truth.shape[::-1] else (
                    " (flat: b - eta * nabla_b would broadcast to n×n)" if got.shape == truth.shape[:1] else "")
                raise SymbpAssertionError(f"∂C/∂{what}^{l} has shape {got.shape}{turned}, expected {truth.shape}")
            got = got.reshape(truth.shape)
            # 'not within' rather than 'beyond': a NaN entry (0/0 in the user's backprop) is wrong, not silently right
            bad = ~(np.abs(got - truth) <= atol + rtol * np.abs(truth))
            for r, c in zip(*np.nonzero(bad)):
                name = f"w^{l}_{{{r + 1}{c + 1}}}" if what == "w" else f"b^{l}_{{{r + 1}}}"
                worst.append(f"  ∂C/∂{name}: got {got[r, c]:.12g}, ground truth {truth[r, c]:.12g}")
    if worst:
        raise SymbpAssertionError(
            f"the gradient of {net.label()} is wrong at random point {point + 1} (tolerance {atol:g} + {rtol:g}·|truth|):\n"
            + "\n".join(worst[:12]) + (f"\n  ... and {len(worst) - 12} more" if len(worst) > 12 else "")
        )
