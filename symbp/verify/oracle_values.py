r"""Values of the opaque atoms of a formula at a point, from the composed network alone.

``atom_values(net, leaves, stand_in, keys)`` gives each atom key its number:
the leaves as given, σ(z), σ'(z) and e^z from a forward pass of the network
with concrete activations, and every derivative atom (``("G", seed)``:
∂C/∂seed; ``("N", node, seed)``: ∂node/∂seed) by numerical differentiation of
the *fully composed* network at 50 digits — nothing of ``derive``,
``quantities`` or ``algebra`` is used.

>>> from fractions import Fraction
>>> from symbp.network import network
>>> net = network([1, 1], "identity")
>>> leaves = {("x", 1, 1): Fraction(2), ("y", 1, 1): Fraction(1), ("w", 2, 1, 1): Fraction(3), ("b", 2, 1): Fraction(0)}
>>> values, _ = atom_values(net, leaves, None, [("G", ("w", 2, 1, 1))])
>>> round(float(values[("G", ("w", 2, 1, 1))]), 12)   # (w x + b − y) x = (6 − 1)·2
10.0
"""

from __future__ import annotations

from fractions import Fraction

import mpmath

DIGITS = 50


def _cubic(t):
    return t + t * t / 2 + t * t * t / 6, 1 + t + t * t / 2


def _sigmoid(t):
    s = 1 / (1 + mpmath.exp(-t))
    return s, s * (1 - s)


def _tanh(t):
    v = mpmath.tanh(t)
    return v, 1 - v * v


def _relu(t):
    return (t if t > 0 else mpmath.mpf(0)), mpmath.mpf(1 if t > 0 else 0)


def _softplus(t):
    return mpmath.log(1 + mpmath.exp(t)), 1 / (1 + mpmath.exp(-t))


def _identity(t):
    return t, mpmath.mpf(1)


_NAMED = {"sigmoid": _sigmoid, "tanh": _tanh, "relu": _relu, "softplus": _softplus, "identity": _identity}
_WORDS = {"cubic": "σ(t) = t + t²/2 + t³/6", "sigmoid": "σ = the sigmoid"}


def _function(name: str, stand_in: str | None):
    """(σ(t), σ'(t)) of an activation; a generic one becomes the stand-in."""
    if name in _NAMED:
        return _NAMED[name], ""
    if name == "generic":
        return (_cubic if stand_in in (None, "cubic") else _sigmoid), _WORDS[stand_in or "cubic"]
    # generic:f — another unknown function: a cubic of its own, so f ≠ σ at the point.
    fname = name.split(":", 1)[1]
    c = mpmath.mpf(len(fname) + 1) / 3
    if stand_in == "sigmoid":
        return (lambda t: (_sigmoid(t * c)[0], c * _sigmoid(t * c)[1])), f"{fname}(t) = σ({c}·t), σ the sigmoid"
    return (lambda t: (t + c * t * t, 1 + 2 * c * t)), f"{fname}(t) = t + {mpmath.nstr(c, 6)}·t²"


class _Composed:
    """The network as one numeric function of its leaves, with an optional nudge of one node."""

    def __init__(self, net, leaves: dict, stand_in: str | None):
        self.net, self.leaves, self.notes = net, leaves, {}
        self.f = {}
        for l in net.layers:
            for j in range(1, net.n(l) + 1):
                fn, note = _function(net.activation(l, j).name, stand_in)
                self.f[(l, j)] = fn
                if note:
                    self.notes[note] = None

    def run(self, nudge=None):
        """Forward pass; ``nudge`` = (kind, key, t) adds t to a leaf, or to z^l_j / a^l_j."""
        net = self.net
        val = {k: mpmath.mpf(v.numerator) / v.denominator for k, v in self.leaves.items()}
        if nudge and nudge[0] == "leaf":
            val[nudge[1]] = val[nudge[1]] + nudge[2]
        a = {1: [val[("x", 1, k)] for k in range(1, net.n(1) + 1)]}
        z = {}
        if nudge and nudge[0] == "a" and nudge[1][0] == 1:
            a[1][nudge[1][1] - 1] += nudge[2]
        for l in net.layers:
            z[l] = [sum(val[("w", l, j, k)] * a[l - 1][k - 1] for k in range(1, net.n(l - 1) + 1)) + val[("b", l, j)]
                    for j in range(1, net.n(l) + 1)]
            if nudge and nudge[0] == "z" and nudge[1][0] == l:
                z[l][nudge[1][1] - 1] += nudge[2]
            if l == net.L and net.output_softmax:
                top = max(z[l])
                e = [mpmath.exp(v - top) for v in z[l]]
                a[l] = [v / sum(e) for v in e]
            else:
                a[l] = [self.f[(l, j)](z[l][j - 1])[0] for j in range(1, net.n(l) + 1)]
            if nudge and nudge[0] == "a" and nudge[1][0] == l:
                a[l][nudge[1][1] - 1] += nudge[2]
        ys = [val[("y", 1, j)] for j in range(1, net.n(net.L) + 1)]
        return z, a, self._cost(a[net.L], ys)

    def _cost(self, out, ys):
        name = self.net.cost
        if name in ("quadratic", "mean-quadratic"):
            return sum((o - y) ** 2 for o, y in zip(out, ys)) / 2
        if name == "cross-entropy":
            return -sum(y * mpmath.log(o) + (1 - y) * mpmath.log(1 - o) for o, y in zip(out, ys))
        return -sum(y * mpmath.log(o) for o, y in zip(out, ys))

    def derivative(self, seed: tuple, node: tuple | None = None):
        """∂C/∂seed, or ∂node/∂seed for node = (role, layer, neuron)."""
        kind = seed[0]
        if kind in ("w", "b"):
            nudge = lambda t: ("leaf", seed, t)  # noqa: E731
        elif kind == "x":
            nudge = lambda t: ("leaf", ("x", 1, seed[2]), t)  # noqa: E731
        else:  # ("z" | "a", sample, layer, neuron)
            nudge = lambda t: (kind, (seed[2], seed[3]), t)  # noqa: E731

        def f(t):
            z, a, c = self.run(nudge(t))
            if node is None:
                return c
            role, l, j = node
            return (z if role == "z" else a)[l][j - 1]

        return mpmath.diff(f, 0)


def atom_values(net, leaves: dict, stand_in: str | None, keys: list) -> tuple[dict, str]:
    """({atom key: value}, a note on the stand-in activation) at the point ``leaves``."""
    with mpmath.workdps(DIGITS):
        comp = _Composed(net, leaves, stand_in)
        z, a, _ = comp.run()
        out = {}
        for key in keys:
            kind = key[0]
            if kind in ("x", "y", "w", "b"):
                v = leaves[key]
                out[key] = mpmath.mpf(v.numerator) / v.denominator
            elif kind in ("S", "D"):
                _, _, l, j = key
                fv, dv = comp.f[(l, j)](z[l][j - 1])
                if kind == "S" and not (l == net.L and net.output_softmax):
                    fv = a[l][j - 1]  # the network's own a^l_j
                out[key] = fv if kind == "S" else dv
            elif kind == "E":
                out[key] = mpmath.exp(z[net.L][key[2] - 1])
            elif kind == "G":
                out[key] = comp.derivative(key[1])
            elif kind == "N":
                out[key] = comp.derivative(key[2], key[1])
            else:
                raise ValueError(f"no value for the atom {key}")
        note = "; ".join(comp.notes)
    return out, note



