r"""Values of the opaque atoms of a formula at a point, from the composed network alone.

``atom_values(net, leaves, stand_in, keys)`` gives each atom key its number:
the leaves as given, σ(z), σ'(z) and e^z from a forward pass of the network
with concrete activations, and every derivative atom (``("G", seed)``:
∂C/∂seed; ``("N", node, seed)``: ∂node/∂seed) by numerical differentiation of
the *fully composed* network at 50 digits — nothing of ``derive``,
``quantities`` or ``algebra`` is used. ``oracle(net, leaves, stand_in)`` is
that composed network itself (``value``, ``z``, ``a``, ``sigma``,
``sigma_prime``, ``derivative``), for the tests' own evaluations.

>>> from fractions import Fraction
>>> from symbp.network import network
>>> net = network([1, 1], "identity")
>>> leaves = {("x", 1, 1): Fraction(2), ("y", 1, 1): Fraction(1), ("w", 2, 1, 1): Fraction(3), ("b", 2, 1): Fraction(0)}
>>> values, _ = atom_values(net, leaves, None, [("G", ("w", 2, 1, 1))])
>>> round(float(values[("G", ("w", 2, 1, 1))]), 12)   # (w x + b − y) x = (6 − 1)·2
10.0
"""

from __future__ import annotations

from mpmath.ctx_mp import MPContext

DIGITS = 50
_WORDS = {"cubic": "σ(t) = t + t²/2 + t³/6", "sigmoid": "σ = the sigmoid"}


class OracleError(ValueError):
    """The composed network cannot be evaluated at this point (an undefined cost, a kink)."""


class _Composed:
    """The network as one numeric function of its leaves; a derivative moves one quantity by t."""

    def __init__(self, net, leaves: dict, stand_in: str | None):
        self.net, self.stand_in = net, stand_in
        self.mp = MPContext()
        self.mp.dps = DIGITS + 20
        self.leaves = {k: self.mp.mpf(v.numerator) / v.denominator for k, v in leaves.items()}
        self.softmax_output = net.output_softmax
        self._base = self._forward(None, 0)
        self._memo: dict = {}

    # -- the functions ----------------------------------------------------------------------

    def sigma(self, name: str, t):
        """σ(t) of the activation called ``name`` (a generic σ: its stand-in)."""
        mp = self.mp
        if name.startswith("generic"):
            if self.stand_in == "sigmoid":
                name = "sigmoid"
            elif name == "generic":
                return t + t * t / 2 + t * t * t / 6
            else:  # another unknown function f: a quadratic of its own
                return t + mp.mpf(len(name.split(":", 1)[1]) + 1) / 3 * t * t
        if name == "sigmoid":
            return 1 / (1 + mp.exp(-t))
        if name == "tanh":
            return mp.tanh(t)
        if name == "softplus":
            return mp.log(1 + mp.exp(t))
        if name == "relu":
            return t if t > 0 else mp.zero
        return t

    def _cost(self, out: list, ys: list):
        mp, name = self.mp, self.net.cost
        if name in ("quadratic", "mean-quadratic"):
            return mp.fsum((o - y) ** 2 for o, y in zip(out, ys)) / 2
        if any(not (0 < o and (self.softmax_output or o < 1)) for o in out):
            raise OracleError(f"the {name} cost is undefined where an output leaves (0, 1)")
        if name == "cross-entropy":
            return -mp.fsum(y * mp.log(o) + (1 - y) * mp.log(1 - o) for o, y in zip(out, ys))
        return -mp.fsum(y * mp.log(o) for o, y in zip(out, ys))

    def _forward(self, move, t):
        """(z, a, C) with ``move`` = a leaf key, or ("z" | "a", sample, layer, neuron), shifted by t."""
        net, val = self.net, dict(self.leaves)
        if move is not None and move[0] in ("w", "b", "x"):
            val[move] = val[move] + t
        a = {1: [val[("x", 1, k)] for k in range(1, net.n(1) + 1)]}
        if move is not None and move[0] == "a" and move[2] == 1:
            a[1][move[3] - 1] += t
        z = {}
        for l in net.layers:
            z[l] = [self.mp.fsum(val[("w", l, j, k)] * a[l - 1][k - 1] for k in range(1, net.n(l - 1) + 1))
                    + val[("b", l, j)] for j in range(1, net.n(l) + 1)]
            if move is not None and move[0] == "z" and move[2] == l:
                z[l][move[3] - 1] += t
            if l == net.L and self.softmax_output:
                top = max(z[l])
                e = [self.mp.exp(v - top) for v in z[l]]
                a[l] = [v / self.mp.fsum(e) for v in e]
            else:
                a[l] = [self.sigma(net.activation(l, j).name, z[l][j - 1]) for j in range(1, net.n(l) + 1)]
            if move is not None and move[0] == "a" and move[2] == l:
                a[l][move[3] - 1] += t
        ys = [val[("y", 1, j)] for j in range(1, net.n(net.L) + 1)]
        return z, a, self._cost(a[net.L], ys)

    # -- values and derivatives -------------------------------------------------------------

    def value(self, key: tuple):
        if key[0] in ("w", "b", "x", "y"):
            return self.leaves[key]
        return self._read(key, self._base)

    def z(self, l: int, j: int, s: int = 1):
        return self._base[0][l][j - 1]

    def a(self, l: int, j: int, s: int = 1):
        return self._base[1][l][j - 1]

    def sigma_prime(self, l: int, j: int, s: int = 1):
        name, z = self.net.activation(l, j).name, self.z(l, j)
        return self.difference(lambda t: self.sigma(name, z + t))

    def difference(self, f):
        """f'(0) by a central difference: (f(h) − f(−h)) / 2h, h = 10^-25 at 70 digits (error ~10^-45)."""
        h = self.mp.mpf(10) ** -25
        return (f(h) - f(-h)) / (2 * h)

    def _read(self, of: tuple, state):
        z, a, c = state
        if of[0] == "C":
            return c
        _, _, l, j = of
        return (z if of[0] == "z" else a)[l][j - 1]

    def derivative(self, of: tuple, wrt: tuple):
        """∂(of)/∂(wrt): ``wrt`` moved by t in the forward pass, ``of`` read (("C",), or a node)."""
        if (of, wrt) not in self._memo:
            self._memo[(of, wrt)] = self.difference(lambda t: self._read(of, self._forward(wrt, t)))
        return self._memo[(of, wrt)]


def oracle(net, leaves: dict, stand_in: str | None = None) -> _Composed:
    """The composed network at the exact point ``leaves`` (a generic σ replaced by ``stand_in``)."""
    return _Composed(net, leaves, stand_in)


def atom_values(net, leaves: dict, stand_in: str | None, keys: list) -> tuple[dict, str]:
    """({atom key: value}, a note on the stand-in activation) at the point ``leaves``.

    The values are numbers of the oracle's own 70-digit mpmath context (``values[key].context``).
    """
    o = oracle(net, leaves, stand_in)
    out = {}
    for key in keys:
        kind = key[0]
        if kind in ("x", "y", "w", "b"):
            out[key] = o.value(key)
        elif kind in ("S", "D"):
            _, _, l, j = key
            if l == net.L and net.output_softmax:
                # σ written at a softmax output: the hidden layers' σ at z^L_j, a value the network
                # does not compute (interpret._sigma_at_softmax).
                name, z = net.activation(l, j).name, o.z(l, j)
                out[key] = o.sigma(name, z) if kind == "S" else o.difference(lambda t: o.sigma(name, z + t))
            else:
                out[key] = o.a(l, j) if kind == "S" else o.sigma_prime(l, j)
        elif kind == "E":
            out[key] = o.mp.exp(o.z(net.L, key[2]))
        elif kind == "G":
            out[key] = o.derivative(("C",), key[1])
        elif kind == "N":
            role, l, j = key[1]
            out[key] = o.derivative((role, 1, l, j), key[2])
        else:
            raise OracleError(f"no value for the atom {key}")
    generic = any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1))
    note = _WORDS.get(stand_in or "cubic", "") if generic else ""
    return out, note
