r"""Forward-mode differentiation of a layer's definition: numbers that carry their partials.

A ``Dual`` is a value together with its partial derivatives with respect to
the quantities being differentiated (inputs, parameters, or a *probe* added
to an intermediate such as the pre-activation a_t of an RNN). Each
operation computes its local derivative next to its value, so running a
layer's forward pass on ``Dual`` numbers differentiates its definition
mechanically, forwards, without ever forming a backward formula.

Every function that is not a polynomial is applied through ``Tape.fn``; its
derivative rule is written here, once, in terms of its own value:

======== ======================= ========================================
function value                    derivative
======== ======================= ========================================
rsqrt    u = v^{-1/2}             −u³/2
exp      E = e^s                  E
recip    R = 1/D                  −R²
log      ln D                     1/D (the ``recip`` atom of the same D)
tanh     T = tanh a               1 − T²
phi      φ(a), generic            φ'(a), an atom of its own
======== ======================= ========================================

>>> from symbp.layers.field import Symbolic
>>> tape = Tape(Symbolic(), track={"x"})
>>> x = tape.leaf("x", (1,))
>>> y = x * x * 3
>>> y.partials[("x", (1,))] == x.value * 6
True
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Iterable

from ..algebra import BudgetExceeded


class Dual:
    """A value and its partials {(name, index): derivative}, over one field."""

    __slots__ = ("value", "partials")

    def __init__(self, value, partials: dict | None = None):
        self.value = value
        self.partials = partials if partials is not None else {}

    def __add__(self, other):
        if not isinstance(other, Dual):
            return Dual(self.value + other, self.partials)
        out = dict(self.partials)
        for k, p in other.partials.items():
            out[k] = out[k] + p if k in out else p
        return Dual(self.value + other.value, out)

    __radd__ = __add__

    def __neg__(self):
        return Dual(-self.value, {k: -p for k, p in self.partials.items()})

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        if not isinstance(other, Dual):
            return Dual(self.value * other, {k: p * other for k, p in self.partials.items()})
        out = {k: p * other.value for k, p in self.partials.items()}
        for k, p in other.partials.items():
            term = self.value * p
            out[k] = out[k] + term if k in out else term
        return Dual(self.value * other.value, out)

    __rmul__ = __mul__

    def __truediv__(self, other):
        # Only by constants: any other division is a ``recip`` function atom.
        if isinstance(other, Dual):
            if other.partials:
                raise AssertionError("divide by a tracked quantity through Tape.fn('recip', ...)")
            other = other.value
        if isinstance(other, int):
            other = Fraction(other)
        inv = 1 / other
        return self * inv

    def __pow__(self, n: int):
        if not isinstance(n, int) or n < 0:
            raise AssertionError(f"Dual power must be a natural number, got {n!r}")
        out = Dual(1)
        for _ in range(n):
            out = out * self
        return out


def _rsqrt(tape, key, arg, v):
    return -Fraction(1, 2) * v * v * v


def _exp(tape, key, arg, v):
    return v


def _recip(tape, key, arg, v):
    return -(v * v)


def _log(tape, key, arg, v):
    return tape.field.function("recip", key, arg)


def _tanh(tape, key, arg, v):
    return 1 - v * v


def _phi(tape, key, arg, v):
    return tape.field.function("phi'", key, arg)


#: The derivative of each function, from its value (and, for φ, its own atom).
RULES = {"rsqrt": _rsqrt, "exp": _exp, "recip": _recip, "log": _log, "tanh": _tanh, "phi": _phi}


class Tape:
    """Where a forward pass gets its leaves, constants and functions.

    ``track`` names the leaves to differentiate with respect to; ``probes``
    the intermediates (a zero with partial 1 is added to each, so the
    derivative of the output with respect to the intermediate itself comes
    out). Named intermediates are kept in ``named`` for the claims.
    """

    def __init__(self, field, track: Iterable[str] = (), probes: Iterable[str] = (), deadline: float | None = None):
        self.field = field
        self.track = set(track)
        self.probes = set(probes)
        self.named: dict[str, dict] = {}
        self.leaves: dict[str, dict] = {}  # {name: {index: Dual}}, filled before the forward pass
        self.deadline = deadline

    def leaf(self, name: str, idx: tuple) -> Dual:
        v = self.field.leaf(name, idx)
        return Dual(v, {(name, idx): 1} if name in self.track else None)

    def const(self, q) -> Dual:
        return Dual(self.field.const(q))

    def fn(self, fname: str, key: tuple, x: Dual) -> Dual:
        v = self.field.function(fname, key, x.value)
        if not x.partials:
            return Dual(v)
        d = RULES[fname](self, key, x.value, v)
        return Dual(v, {k: d * p for k, p in x.partials.items()})

    def indicator(self, key: tuple, window: list, position: int) -> Dual:
        # [position is the arg-max of the window]: locally constant, so its
        # partials are 0 wherever the maximum is unique.
        return Dual(self.field.indicator(key, [w.value for w in window], position))

    def inv_sqrt_const(self, n: int) -> Dual:
        return Dual(self.field.inv_sqrt_const(n))

    def block(self, name: str, i: int, args: list) -> tuple:
        """F_i(args) for an arbitrary differentiable block, and its Jacobian row ∂F_i/∂(each argument).

        The partials of F_i go through the Jacobian entries (atoms in the exact algebra).
        """
        value, jac = self.field.block(name, i, [a.value for a in args])
        out: dict = {}
        for a, j in zip(args, jac):
            for k, p in a.partials.items():
                term = j * p
                out[k] = out[k] + term if k in out else term
        return Dual(value, out), [Dual(j) for j in jac]

    def probe(self, name: str, idx: tuple, x: Dual) -> Dual:
        if name not in self.probes:
            return x
        hook = getattr(self.field, "probe", None)  # a field of expressions adds a symbol to differentiate by
        if hook is not None:
            return Dual(hook(name, idx, x.value), x.partials)
        partials = dict(x.partials)
        partials[(name, idx)] = 1
        return Dual(x.value, partials)

    def keep(self, name: str, idx: tuple, x: Dual) -> Dual:
        """Record a named intermediate (x̂, μ, h_t, P, ...) for the claims."""
        self.named.setdefault(name, {})[idx] = x
        return x

    def sum(self, terms: Iterable) -> Dual:
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise BudgetExceeded("the time budget ran out during the forward pass")
        value = self.field.const(0)
        out: dict = {}
        for t in terms:
            if not isinstance(t, Dual):
                value = value + t
                continue
            value = value + t.value
            for k, p in t.partials.items():
                out[k] = out[k] + p if k in out else p
        return Dual(value, out)
