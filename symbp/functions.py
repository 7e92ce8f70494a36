r"""Activations and costs: one registry entry each.

An entry keeps side by side what every part of symbp needs of it:

* ``expr(z)``: the SymPy expression of the function (what the proofs mean),
* ``prime(z)``: its derivative as SymPy writes it,
* ``prime_of_value``: how σ'(z) is written in terms of a = σ(z), when that is
  how the notes write it (σ' = σ(1 − σ), tanh' = 1 − tanh²); ``None`` when σ'
  is its own quantity. Each such rule is itself a catalogue identity, proved
  from ``expr`` by differentiation (``identities.SIGMOID_PRIME``, ...).
* ``numpy`` / ``numpy_prime``: the numerically stable NumPy twins the trainer
  uses (no overflow at z = ±1000).

>>> import sympy
>>> z = sympy.Symbol("z")
>>> ACTIVATIONS["sigmoid"].expr(z)
1/(1 + exp(-z))
>>> float(ACTIVATIONS["sigmoid"].numpy(-1000.0))
0.0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import sympy

from .errors import SpecError


# --- generic activations ---------------------------------------------------
#
# An undefined function proves an identity for every differentiable activation
# at once. SymPy's own ``Function('sigma')`` differentiates a composite
# argument into ``Subs(Derivative(...))``; we give σ a derivative that is a
# second undefined function σ', so σ'(z) of any argument is one clean atom.

_GENERIC_CACHE: dict[str, tuple[type, type]] = {}


def generic_function(name: str = "sigma") -> tuple[type, type]:
    """Return the pair (f, f_prime) of undefined SymPy functions named ``name``.

    ``diff(f(u), u)`` is ``f_prime(u)``; nothing else is known about f.

    >>> import sympy
    >>> f, fp = generic_function("f")
    >>> u = sympy.Symbol("u")
    >>> sympy.diff(f(2 * u), u)
    2*f_prime(2*u)
    """
    if name in _GENERIC_CACHE:
        return _GENERIC_CACHE[name]
    prime = sympy.Function(f"{name}_prime")

    def fdiff(self, argindex=1):
        return prime(self.args[0])

    func = type(name, (sympy.Function,), {"fdiff": fdiff, "nargs": 1})
    _GENERIC_CACHE[name] = (func, prime)
    return func, prime


# --- stable NumPy forms ------------------------------------------------------
#
# Each twin is written once, as a sequence of ufunc calls on a namespace ``xp``
# (NumPy by default). ``out=`` lets the trainer reuse preallocated buffers.
# Run on ``SYMPY_UFUNCS`` instead, the very same code builds a SymPy
# expression, so tests can show symbolically that the stable form *is* the
# registry's ``expr``/``prime`` (tests/test_numeric.py).


class _SympyUfuncs:
    """NumPy's ufunc names over SymPy, for reading a twin symbolically.

    Python floats become exact rationals (0.5 -> 1/2). ``clip`` reads as the
    identity: the claim checked is equality where the clip is inactive.
    """

    @staticmethod
    def _q(v):
        return sympy.Rational(v) if isinstance(v, float) else v

    def multiply(self, a, b, out=None):
        return self._q(a) * self._q(b)

    def add(self, a, b, out=None):
        return self._q(a) + self._q(b)

    def subtract(self, a, b, out=None):
        return self._q(a) - self._q(b)

    def divide(self, a, b, out=None):
        return self._q(a) / self._q(b)

    def negative(self, a, out=None):
        return -a

    def positive(self, a, out=None):
        return a

    def square(self, a, out=None):
        return a**2

    def tanh(self, a, out=None):
        return sympy.tanh(a)

    def exp(self, a, out=None):
        return sympy.exp(a)

    def log(self, a, out=None):
        return sympy.log(a)

    def logaddexp(self, a, b, out=None):
        # the definition; NumPy evaluates it without overflow
        return sympy.log(sympy.exp(self._q(a)) + sympy.exp(self._q(b)))

    def maximum(self, a, b, out=None):
        return sympy.Max(self._q(a), self._q(b))

    def greater(self, a, b, out=None):
        return sympy.Heaviside(a - self._q(b), 0)

    def clip(self, a, lo, hi, out=None):
        return a

    def sum(self, a, axis=0):
        return a

    def fill_ones(self, z, out=None):
        return sympy.Integer(1)


SYMPY_UFUNCS = _SympyUfuncs()


def _buffer(z, out, xp):
    # A fresh float result when the caller gave no buffer (NumPy only).
    if xp is not np:
        return None
    if out is None:
        z = np.asarray(z)
        out = np.empty(z.shape, np.result_type(z.dtype, np.float32))
    return out


def _np_sigmoid(z, out=None, xp=np):
    # 1/(1+e^{-z}) overflows e^{-z} for z << 0; ½(1 + tanh(z/2)) is exact and bounded.
    t = xp.multiply(z, 0.5, out=_buffer(z, out, xp))
    t = xp.tanh(t, out=t)
    t = xp.multiply(t, 0.5, out=t)
    return xp.add(t, 0.5, out=t)


def _np_sigmoid_prime(z, out=None, xp=np):
    # σ'(z) = ¼(1 − tanh²(z/2)): bounded, and no cancellation in σ(1 − σ) at large |z|.
    t = xp.multiply(z, 0.5, out=_buffer(z, out, xp))
    t = xp.tanh(t, out=t)
    t = xp.square(t, out=t)
    t = xp.subtract(1.0, t, out=t)
    return xp.multiply(t, 0.25, out=t)


def _np_tanh(z, out=None, xp=np):
    return xp.tanh(z, out=_buffer(z, out, xp))


def _np_tanh_prime(z, out=None, xp=np):
    t = xp.tanh(z, out=_buffer(z, out, xp))
    t = xp.square(t, out=t)
    return xp.subtract(1.0, t, out=t)


def _np_relu(z, out=None, xp=np):
    return xp.maximum(z, 0.0, out=_buffer(z, out, xp))


def _np_relu_prime(z, out=None, xp=np):
    # relu'(0) is taken as 0, like Heaviside(z, 0) in ``prime``
    return xp.greater(z, 0.0, out=_buffer(z, out, xp))


def _np_softplus(z, out=None, xp=np):
    # log(1 + e^z) overflows e^z for z >> 0; logaddexp(0, z) does not.
    return xp.logaddexp(0.0, z, out=_buffer(z, out, xp))


def _np_identity(z, out=None, xp=np):
    return xp.positive(z, out=_buffer(z, out, xp))


def _np_identity_prime(z, out=None, xp=np):
    if xp is not np:
        return xp.fill_ones(z)
    out = _buffer(z, out, xp)
    out[...] = 1
    return out


@dataclass(frozen=True)
class Activation:
    """One elementwise activation: SymPy expression, derivative, NumPy twins."""

    name: str
    expr: Callable[[sympy.Expr], sympy.Expr]
    prime: Callable[[sympy.Expr], sympy.Expr]
    numpy: Callable
    numpy_prime: Callable
    prime_of_value: Callable | None = None
    latex: str = r"\sigma"
    note: str = ""
    #: σ(z) written through z and d = σ'(z), when the function *is* that
    #: (relu: z·d, identity: z): a relation the exact algebra may use.
    value_of_prime: Callable | None = None
    #: σ' takes only the values 0 and 1, so σ'(z)² = σ'(z) (relu, with σ'(0) = 0).
    prime_idempotent: bool = False

    @property
    def is_generic(self) -> bool:
        return self.name == "generic" or self.name.startswith("generic:")

    @property
    def is_identity(self) -> bool:
        return self.name == "identity"


def _generic(name: str = "sigma") -> Activation:
    f, fp = generic_function(name)

    def no_numpy(z, *args, **kwargs):
        raise SpecError(
            f"the generic activation {name!r} has no numeric values; pick a named "
            "activation (sigmoid, tanh, relu, softplus, identity) to compute numbers"
        )

    return Activation(
        name="generic" if name == "sigma" else f"generic:{name}",
        expr=lambda z: f(z),
        prime=lambda z: fp(z),
        numpy=no_numpy,
        numpy_prime=no_numpy,
        latex=r"\sigma" if name == "sigma" else name,
        note="an undefined differentiable function: proves the identity for every activation",
    )


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        name="sigmoid",
        expr=lambda z: 1 / (1 + sympy.exp(-z)),
        prime=lambda z: sympy.exp(-z) / (1 + sympy.exp(-z)) ** 2,
        numpy=_np_sigmoid,
        numpy_prime=_np_sigmoid_prime,
        prime_of_value=lambda a: a * (1 - a),
    ),
    "tanh": Activation(
        name="tanh",
        expr=sympy.tanh,
        prime=lambda z: 1 - sympy.tanh(z) ** 2,
        numpy=_np_tanh,
        numpy_prime=_np_tanh_prime,
        prime_of_value=lambda a: 1 - a**2,
    ),
    "relu": Activation(
        name="relu",
        expr=lambda z: sympy.Max(0, z),
        # Heaviside(z, 0): relu is not differentiable at z = 0; we take the
        # one-sided value 0 there, as every numeric library does.
        prime=lambda z: sympy.Heaviside(z, 0),
        numpy=_np_relu,
        numpy_prime=_np_relu_prime,
        note="σ'(0) is taken as 0 (relu has no derivative at z = 0)",
        # relu(z) = z·[z > 0] and [z > 0]² = [z > 0], for every real z (z = 0 included).
        value_of_prime=lambda z, d: z * d,
        prime_idempotent=True,
    ),
    "softplus": Activation(
        name="softplus",
        expr=lambda z: sympy.log(1 + sympy.exp(z)),
        prime=lambda z: 1 / (1 + sympy.exp(-z)),
        numpy=_np_softplus,
        numpy_prime=_np_sigmoid,
    ),
    "identity": Activation(
        name="identity",
        expr=lambda z: z,
        prime=lambda z: sympy.Integer(1),
        numpy=_np_identity,
        numpy_prime=_np_identity_prime,
        prime_of_value=lambda a: 1,
        value_of_prime=lambda z, d: z,
    ),
    "generic": _generic("sigma"),
}


def activation(name: str) -> Activation:
    """Return the registry entry for ``name``.

    ``generic`` is the undefined σ; ``generic:f`` an undefined function named f
    (seed 000's exercise gives one neuron "another activation f").

    >>> activation("tanh").name
    'tanh'
    """
    if not isinstance(name, str):
        raise SpecError(f"activation must be a name, got {name!r}")
    key = name.strip().lower() if not name.startswith("generic:") else name.strip()
    if key in ACTIVATIONS:
        return ACTIVATIONS[key]
    if key.startswith("generic:"):
        fname = key.split(":", 1)[1]
        if not fname.isidentifier():
            raise SpecError(f"generic activation name {fname!r} must be an identifier, e.g. 'generic:f'")
        return _generic(fname)
    raise SpecError(
        f"unknown activation {name!r}; known: {', '.join(sorted(ACTIVATIONS))}, or 'generic:NAME'"
    )


# --- costs --------------------------------------------------------------------


def _np_softmax(z, axis=0, out=None):
    z = np.asarray(z)
    # log-sum-exp shift: exp never sees a positive argument, so never overflows
    e = np.subtract(z, z.max(axis=axis, keepdims=True), out=out)
    e = np.exp(e, out=e)
    e /= e.sum(axis=axis, keepdims=True)
    return e


#: Costs with a log clip a into [_LOG_CLIP, 1 − _LOG_CLIP], so a saturated
#: output gives a large finite loss instead of inf.
_LOG_CLIP = 1e-12


@dataclass(frozen=True)
class Cost:
    r"""One cost of a single sample: C(a^L, y) as a SymPy expression.

    ``output`` says what the output layer is: ``"activation"`` (the network's
    elementwise σ) or ``"softmax"`` (a^L = softmax(z^L), replacing σ there).
    ``binary_sigmoid`` marks binary cross-entropy, meant for a sigmoid output.
    """

    name: str
    expr: Callable[[Sequence[sympy.Expr], Sequence[sympy.Expr]], sympy.Expr]
    numpy: Callable
    numpy_grad: Callable
    output: str = "activation"
    latex: str = "C"
    note: str = ""

    def grad(self, a: Sequence[sympy.Expr], y: Sequence[sympy.Expr]) -> list[sympy.Expr]:
        """∇_a C by differentiating ``expr`` (the ground truth of BP1')."""
        c = self.expr(a, y)
        return [sympy.diff(c, ai) for ai in a]


def _quadratic(a, y):
    return sympy.Rational(1, 2) * sum((ai - yi) ** 2 for ai, yi in zip(a, y))


def _squared_error(a, y):
    return sum((ai - yi) ** 2 for ai, yi in zip(a, y))


def _cross_entropy(a, y):
    return -sum(yi * sympy.log(ai) + (1 - yi) * sympy.log(1 - ai) for ai, yi in zip(a, y))


def _categorical(a, y):
    return -sum(yi * sympy.log(ai) for ai, yi in zip(a, y))


def _np_quadratic(a, y, xp=np):
    d = xp.subtract(a, y)
    return xp.multiply(0.5, xp.sum(xp.square(d), axis=0))


def _np_quadratic_grad(a, y, out=None, xp=np):
    return xp.subtract(a, y, out=out)


def _np_squared_error(a, y, xp=np):
    d = xp.subtract(a, y)
    return xp.sum(xp.square(d), axis=0)


def _np_squared_error_grad(a, y, out=None, xp=np):
    return xp.multiply(2.0, xp.subtract(a, y), out=out)


def _np_ce(a, y, xp=np):
    a = xp.clip(a, _LOG_CLIP, 1 - _LOG_CLIP)
    terms = xp.add(xp.multiply(y, xp.log(a)), xp.multiply(xp.subtract(1.0, y), xp.log(xp.subtract(1.0, a))))
    return xp.negative(xp.sum(terms, axis=0))


def _np_ce_grad(a, y, out=None, xp=np):
    a = xp.clip(a, _LOG_CLIP, 1 - _LOG_CLIP)
    return xp.divide(xp.subtract(a, y), xp.multiply(a, xp.subtract(1.0, a)), out=out)


def _np_cat(a, y, xp=np):
    return xp.negative(xp.sum(xp.multiply(y, xp.log(xp.clip(a, _LOG_CLIP, 1.0))), axis=0))


def _np_cat_grad(a, y, out=None, xp=np):
    return xp.negative(xp.divide(y, xp.clip(a, _LOG_CLIP, 1.0)), out=out)


COSTS: dict[str, Cost] = {
    "quadratic": Cost(
        name="quadratic",
        expr=_quadratic,
        numpy=_np_quadratic,
        numpy_grad=_np_quadratic_grad,
        note="C = ½‖a^L − y‖²",
    ),
    "mean-quadratic": Cost(
        name="mean-quadratic",
        expr=_quadratic,  # per sample; the network averages over its m samples
        numpy=_np_quadratic,
        numpy_grad=_np_quadratic_grad,
        note="C = 1/(2m) Σ_x ‖a^{x,L} − y^x‖² over a mini-batch of m samples (the formula sheet)",
    ),
    "squared-error": Cost(
        name="squared-error",
        expr=_squared_error,
        numpy=_np_squared_error,
        numpy_grad=_np_squared_error_grad,
        note="C = ‖a^L − y‖², the quadratic cost without its ½ (notes that define it so)",
    ),
    "cross-entropy": Cost(
        name="cross-entropy",
        expr=_cross_entropy,
        numpy=_np_ce,
        numpy_grad=_np_ce_grad,
        note="binary cross-entropy −Σ [y ln a + (1 − y) ln(1 − a)], for a sigmoid output",
    ),
    "softmax-cross-entropy": Cost(
        name="softmax-cross-entropy",
        expr=_categorical,
        numpy=_np_cat,
        numpy_grad=_np_cat_grad,
        output="softmax",
        latex=r"\mathbf{L}",
        note="a^L = softmax(z^L), C = −Σ_k y_k ln a_k (Dyda)",
    ),
}


def cost(name: str) -> Cost:
    """Return the registry entry for cost ``name``.

    >>> cost("quadratic").note
    'C = ½‖a^L − y‖²'
    """
    if not isinstance(name, str) or name.strip().lower() not in COSTS:
        raise SpecError(f"unknown cost {name!r}; known: {', '.join(COSTS)}")
    return COSTS[name.strip().lower()]


def softmax(z: Sequence[sympy.Expr]) -> list[sympy.Expr]:
    """The softmax of a list of SymPy expressions, exp(z_i)/Σ_k exp(z_k)."""
    total = sum(sympy.exp(zk) for zk in z)
    return [sympy.exp(zi) / total for zi in z]


numpy_softmax = _np_softmax
