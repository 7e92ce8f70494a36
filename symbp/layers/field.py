r"""The number systems a layer's forward pass is evaluated in.

A layer's forward pass is written once (``dual``) and run in one of three
fields:

* ``Symbolic``: exact polynomials over ℚ in *atoms* (``symbp.algebra.Poly``).
  Every input, parameter and upstream-gradient entry is an atom, and so is
  every value of a function that is not a polynomial: 1/√v for a variance v,
  e^s inside a softmax, 1/Σ_k e^{s_k}, φ(a) and φ'(a) for a generic
  activation, the arg-max indicators of a pooling window. Atoms are treated
  as independent, so "the difference is the zero polynomial" is a sufficient
  condition for an identity (substitute the true values and it stays 0).
* ``ModPrime``: the same atoms drawn at random in 𝔽_p, p = 2^61 − 1, for the
  polynomial identity test; each value carries a bound on its degree in the
  atoms, for the Schwartz–Zippel error bound.
* ``Numeric``: real numbers at 60 digits (mpmath), every function computed
  for real at an exact rational point: a counterexample anyone can
  re-evaluate. A generic activation φ is a concrete stand-in here.

>>> F = Symbolic()
>>> x = F.leaf("x", (1,))
>>> (x * x - x * x).is_zero()
True
"""

from __future__ import annotations

import random
from fractions import Fraction

from ..algebra import ONE, Poly, RatFunc, exponents

#: Stand-ins for a generic activation φ at a concrete point: a counterexample
#: for one differentiable φ refutes a claim about every differentiable φ.
STAND_INS = {
    "cubic": ("φ(t) = t + t²/2 + t³/6", lambda t: t + t * t / 2 + t * t * t / 6, lambda t: 1 + t + t * t / 2),
}


class Symbolic:
    """Exact polynomials in named atoms; ``atoms`` lists the key of each."""

    name = "exact"

    def __init__(self, booleans: frozenset = frozenset()):
        self.index: dict[tuple, int] = {}
        self.keys: list[tuple] = []
        self.arguments: dict[tuple, tuple] = {}  # function atom key -> (function, argument)
        #: Leaves whose every value is 0 or 1 (a dropout mask): r² = r for them, so ``is_zero`` compares the
        #: polynomials with each such atom's powers reduced to its first.
        self.booleans = frozenset(booleans)

    def atom(self, key: tuple) -> Poly:
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.keys)
            self.keys.append(key)
        return Poly.gen(i)

    def leaf(self, name: str, idx: tuple) -> Poly:
        return self.atom((name, idx))

    def const(self, q) -> "int | Fraction":
        q = Fraction(q)
        return q.numerator if q.denominator == 1 else q

    def function(self, fname: str, key: tuple, arg) -> Poly:
        # The value of a non-polynomial function is an atom of its own; its
        # derivative rule (``dual.RULES``) is written in terms of that atom.
        self.arguments[("fn", fname, key)] = (fname, arg)
        return self.atom(("fn", fname, key))

    def root_of(self, value):
        """1/u for the atom u = 1/√(value) of the forward pass, if there is one (else None)."""
        for key, (fname, arg) in self.arguments.items():
            if fname == "rsqrt" and (arg - value).is_zero():
                return 1 / self.atom(key)
        return None

    def sqrt_atom(self, value) -> Poly:
        """√value as an atom of its own, for a root the forward pass does not take (√σ² where it takes √(σ² + ε)):
        independent of the other atoms, so a difference that is the zero polynomial is still a proof, and any other
        needs a point (``refute``, where ``Numeric.root_of`` computes the root)."""
        key = ("fn", "sqrt", tuple(sorted(value.terms.items())) if isinstance(value, Poly) else (value,))
        self.arguments[key] = ("sqrt", value)
        return self.atom(key)

    def inverse_of(self, value):
        """1/value through the forward pass's atoms: R for R = 1/D, u² for u = 1/√v; else None."""
        for key, (fname, arg) in self.arguments.items():
            if fname in ("recip", "rsqrt") and (arg - value).is_zero():
                atom = self.atom(key)
                return atom if fname == "recip" else atom * atom
        return None

    def indicator(self, key: tuple, values: list, position: int) -> Poly:
        return self.atom(("fn", "argmax", key))

    def block(self, name: str, i: int, args: list):
        # F_i and its Jacobian entries ∂F_i/∂(argument k): atoms, for every differentiable block.
        return self.atom(("fn", name, (i,))), [self.atom(("fn", name + "'", (i, k))) for k in range(1, len(args) + 1)]

    def inv_sqrt_const(self, n: int):
        """1/√n for a positive integer: rational when n is a square, else an atom."""
        r = _isqrt(n)
        return Fraction(1, r) if r is not None else self.atom(("1/sqrt", n))

    def is_zero(self, e) -> bool:
        """Whether ``e`` is 0 at every value of the atoms (each boolean leaf at 0 or 1). A polynomial of degree at
        most one in each boolean atom is 0 on all of {0, 1} in them only if it is the zero polynomial, so reducing
        b^k to b decides it exactly."""
        if not isinstance(e, (Poly, RatFunc)):
            return e == 0
        num = e.num if isinstance(e, RatFunc) else e  # a quotient is 0 where its numerator is (its denominator is not)
        return self._reduced(num).is_zero() or self._zero_by_definitions(num)

    def _reduced(self, p: Poly) -> Poly:
        if self.booleans:
            return _multilinear(p, {i for i, k in enumerate(self.keys) if k[0] in self.booleans})
        return p

    def _zero_by_definitions(self, p: Poly) -> bool:
        """Whether ``p`` is 0 once the atoms that stand for a function of others are replaced by what they are: a
        ``recip`` atom R by 1/D, and a power u^k of a root (u = 1/√v, s = √v, t = 1/√n) by u^(k mod 2) times the
        radicand's power. Each replacement is an identity of the forward pass, so a zero result is a proof
        (``(1 + p)/(1 − p²)`` is 1/(1 − p); √d/d is 1/√d). The rest (a root to the first power, exp, tanh, the
        leaves) stays independent, so a non-zero result decides nothing: the caller goes on to look for a point.
        An atom whose argument holds another such atom is not replaced (a nested definition: left undecided)."""
        defined = {i for i, key in enumerate(self.keys)
                   if key[0] == "1/sqrt" or self.arguments.get(key, ("",))[0] in ("recip", "rsqrt", "sqrt")}
        meaning = {}  # atom -> (its kind, the numerator and the denominator of its value or of its square)
        for i in defined:
            key = self.keys[i]
            if key[0] == "1/sqrt":
                meaning[i] = ("root", Poly.const(Fraction(1, key[1])), ONE)  # t = 1/√n: t² = 1/n
                continue
            fname, arg = self.arguments[key]
            arg = arg if isinstance(arg, Poly) else Poly.const(arg)
            if arg.gens() & defined:
                continue
            meaning[i] = (("value", ONE, arg) if fname == "recip"     # R = 1/D
                          else ("root", ONE, arg) if fname == "rsqrt"  # u² = 1/v
                          else ("root", arg, ONE))                     # s² = v
        if not meaning:
            return False
        # Each term over a common denominator Π D_i^(its highest power), so that the sum stays small.
        terms, highest = [], {}
        for m, c in self._reduced(p).terms.items():
            num, kept, dens = Poly.const(c), [], {}
            for g, e in exponents(m):
                kind, top, bottom = meaning.get(g, (None, ONE, ONE))
                power = e if kind == "value" else e // 2 if kind == "root" else 0
                kept += [g] * (e - 2 * power if kind == "root" else 0 if kind == "value" else e)
                num = num * top ** power
                if power and bottom is not ONE:
                    dens[g] = power
                    highest[g] = max(highest.get(g, 0), power)
            terms.append((num * Poly({tuple(sorted(kept)): 1}), dens))
        total = Poly.sum(num * _product(meaning[g][2] ** (k - dens.get(g, 0)) for g, k in highest.items())
                         for num, dens in terms)
        return self._reduced(total).is_zero()


def _product(factors) -> Poly:
    out = ONE
    for f in factors:
        out = out * f
    return out


def _multilinear(p: Poly, gens: set) -> Poly:
    """``p`` with every power b^k (k ≥ 1) of an atom b in ``gens`` replaced by b: the same function on b ∈ {0, 1}.

    >>> r, x = Poly.gen(0), Poly.gen(1)
    >>> _multilinear(r * r * x - r * x, {0}).is_zero(), _multilinear(x * x - x, {0}).is_zero()
    (True, False)
    """
    if not gens:
        return p
    out: dict = {}
    for m, c in p.terms.items():
        key = tuple(sorted([*{g for g in m if g in gens}, *(g for g in m if g not in gens)]))
        out[key] = out.get(key, 0) + c
    return Poly({m: c for m, c in out.items() if c != 0})


class Zp:
    """An element of 𝔽_p with an upper bound on its degree in the atoms."""

    __slots__ = ("v", "deg")
    p = (1 << 61) - 1

    def __init__(self, v: int, deg: int = 0):
        self.v = v % self.p
        self.deg = deg

    @staticmethod
    def _lift(o):
        if isinstance(o, Zp):
            return o
        if isinstance(o, Fraction):
            return Zp(o.numerator * pow(o.denominator, -1, Zp.p))
        return Zp(int(o))

    def __add__(self, o):
        o = self._lift(o)
        return Zp(self.v + o.v, max(self.deg, o.deg))

    __radd__ = __add__

    def __sub__(self, o):
        o = self._lift(o)
        return Zp(self.v - o.v, max(self.deg, o.deg))

    def __rsub__(self, o):
        return self._lift(o) - self

    def __neg__(self):
        return Zp(-self.v, self.deg)

    def __mul__(self, o):
        o = self._lift(o)
        return Zp(self.v * o.v, self.deg + o.deg)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = self._lift(o)
        if o.deg:  # every non-polynomial step is a function atom; see ``dual``
            raise AssertionError("division by a non-constant in a layer's forward pass")
        return Zp(self.v * pow(o.v, -1, self.p), self.deg)

    def __rtruediv__(self, o):
        return self._lift(o) / self

    def __pow__(self, n: int):
        return Zp(pow(self.v, n, self.p), self.deg * n)

    def __eq__(self, o):
        return isinstance(o, (Zp, int, Fraction)) and self.v == self._lift(o).v

    __hash__ = None  # type: ignore[assignment]


class ModPrime:
    """Independent random atoms in 𝔽_p (the polynomial identity test)."""

    name = "pit"
    p = Zp.p

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._atoms: dict[tuple, Zp] = {}

    def atom(self, key: tuple) -> Zp:
        v = self._atoms.get(key)
        if v is None:
            v = self._atoms[key] = Zp(self.rng.randrange(1, self.p), 1)
        return v

    def leaf(self, name: str, idx: tuple) -> Zp:
        return self.atom((name, idx))

    def const(self, q) -> Zp:
        return Zp._lift(Fraction(q))

    def function(self, fname: str, key: tuple, arg) -> Zp:
        return self.atom(("fn", fname, key))

    def indicator(self, key: tuple, values: list, position: int) -> Zp:
        return self.atom(("fn", "argmax", key))

    def block(self, name: str, i: int, args: list):
        return self.atom(("fn", name, (i,))), [self.atom(("fn", name + "'", (i, k))) for k in range(1, len(args) + 1)]

    def inv_sqrt_const(self, n: int):
        r = _isqrt(n)
        return self.const(Fraction(1, r)) if r is not None else self.atom(("1/sqrt", n))

    def is_zero(self, e) -> bool:
        return Zp._lift(e).v == 0


class Numeric:
    """Real numbers at 60 digits: a concrete point, every function computed for real.

    ``values`` maps (name, index) to an exact rational for the leaves; a
    generic activation is the ``activation`` stand-in (``"cubic"``, or
    ``"tanh"``/``"sigmoid"``). A private mpmath context keeps the global
    precision of other code untouched.
    """

    name = "numeric"

    def __init__(self, values: dict, activation: str = "cubic", dps: int = 60):
        from mpmath.ctx_mp import MPContext

        self.mp = MPContext()
        self.mp.dps = dps
        self.values = values
        self.activation = activation

    def leaf(self, name: str, idx: tuple):
        return self.num(self.values[(name, idx)])

    def num(self, q):
        q = Fraction(q)
        return self.mp.mpf(q.numerator) / q.denominator

    def const(self, q):
        return self.num(q)

    def function(self, fname: str, key: tuple, arg):
        mp = self.mp
        if fname == "rsqrt":
            return 1 / mp.sqrt(arg)
        if fname == "exp":
            return mp.exp(arg)
        if fname == "recip":
            return 1 / arg
        if fname == "log":
            return mp.log(arg)
        if fname == "tanh":
            return mp.tanh(arg)
        if fname in ("phi", "phi'"):
            return activation_value(self.activation, arg, mp, derivative=fname == "phi'")
        raise AssertionError(f"no numeric rule for the function {fname}")

    def indicator(self, key: tuple, values: list, position: int):
        # Ties: the first maximal position of the window (row-major), the
        # convention stated in the pooling documents.
        best = max(values)
        first = next(n for n, v in enumerate(values) if v == best)
        return self.num(1 if first == position else 0)

    def inv_sqrt_const(self, n: int):
        r = _isqrt(n)
        return self.num(Fraction(1, r)) if r is not None else 1 / self.mp.sqrt(n)

    def root_of(self, value):
        return self.mp.sqrt(value) if value >= 0 else None

    def inverse_of(self, value):
        return 1 / value

    def block(self, name: str, i: int, args: list):
        return block_value(i, args), block_jacobian(i, args)

    def is_zero(self, e) -> bool:
        return e == 0


def activation_value(name: str, t, mp, derivative: bool = False):
    """φ(t) or φ'(t) for a concrete activation (a stand-in for a generic φ)."""
    if name in STAND_INS:
        _, f, fp = STAND_INS[name]
        return fp(t) if derivative else f(t)
    if name == "tanh":
        v = mp.tanh(t)
        return 1 - v * v if derivative else v
    if name == "sigmoid":
        v = 1 / (1 + mp.exp(-t))
        return v * (1 - v) if derivative else v
    raise AssertionError(f"no activation {name}")


#: A concrete differentiable block standing in for an arbitrary one (a residual
#: branch F): F_i(x) = x_i²/2 + Σ_k x_k/(i + 2k), indices from 1. Its Jacobian 1/(i + 2k) off the diagonal is not
#: symmetric, so J for Jᵀ (the usual residual slip) differs at a point and can be confirmed (review 24 U1).
BLOCK_STAND_IN = "F_i(x) = x_i²/2 + Σ_k x_k/(i + 2k)"


def block_value(i: int, args: list):
    return args[i - 1] * args[i - 1] / 2 + sum(a / (i + 2 * k) for k, a in enumerate(args, start=1))


def block_jacobian(i: int, args: list) -> list:
    one = args[0] ** 0  # 1 in the arguments' own number type
    return [(args[i - 1] if k == i else 0) + one / (i + 2 * k) for k in range(1, len(args) + 1)]


def describe_activation(name: str) -> str:
    """How a stand-in activation is written in a counterexample."""
    if name in STAND_INS:
        return STAND_INS[name][0]
    return f"φ = {name}"


def _isqrt(n: int):
    import math

    r = math.isqrt(n)
    return r if r * r == n else None


class Rational(Numeric):
    """Exact rationals at a chosen point (worked examples): every value is a ``Fraction``.

    Only functions with rational values at the point are allowed: 1/√v when v
    is the square of a rational, 1/D, and the polynomial stand-in for φ.
    """

    name = "rational"

    def __init__(self, values: dict, activation: str = "cubic"):
        self.values = values
        self.activation = activation

    def num(self, q):
        return Fraction(q)

    def function(self, fname: str, key: tuple, arg):
        if fname == "rsqrt":
            root = _rational_sqrt(Fraction(arg))
            if root is None:
                raise ValueError(f"√{arg} is not rational: choose the point so that it is")
            return 1 / root
        if fname == "recip":
            return 1 / Fraction(arg)
        if fname in ("phi", "phi'") and self.activation in STAND_INS:
            _, f, fp = STAND_INS[self.activation]
            return fp(arg) if fname == "phi'" else f(arg)
        raise ValueError(f"{fname} has no rational value here; worked examples use rational points only")

    def inv_sqrt_const(self, n: int):
        r = _isqrt(n)
        if r is None:
            raise ValueError(f"1/√{n} is not rational")
        return Fraction(1, r)


def _rational_sqrt(q: Fraction):
    a, b = _isqrt(q.numerator) if q.numerator >= 0 else None, _isqrt(q.denominator)
    return Fraction(a, b) if a is not None and b is not None else None
