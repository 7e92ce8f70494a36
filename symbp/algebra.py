r"""Exact polynomials and rational functions over ℚ in named atoms.

The ground truth of a network is a polynomial (a rational function, for the
cross-entropy costs) in *atoms*: inputs x, targets y, weights w, biases b and
one atom per neuron for σ(z^l_j) and, for a generic σ, σ'(z^l_j). A sparse
dictionary of monomials is a canonical form, so "LHS − RHS reduces to 0" is a
dictionary being empty: no ``simplify``, no heuristics.

Atoms are treated as independent. That makes "the difference is the zero
polynomial" a *sufficient* condition for an identity to hold (substitute the
real values and it still is 0). It is never used to refute: refutations come
from evaluating both sides at a concrete point (``prove``).

>>> x, y = Poly.gen(0), Poly.gen(1)
>>> ((x + y) ** 2 - x * x - 2 * x * y - y * y).is_zero()
True
>>> r = RatFunc(x, y) + RatFunc(Poly.const(1), Poly.const(1))
>>> (r * y - x - y).is_zero()
True
"""

from __future__ import annotations

import contextvars
import time
from contextlib import contextmanager
from fractions import Fraction
from typing import Callable, Mapping

import symbp.dense as dense  # the module itself (not through symbp's __init__): its names are looked up at each call


class BudgetExceeded(Exception):
    """A symbolic computation ran past its time or size budget."""


# Limits for the current computation, checked inside every multiplication, so
# that one huge expansion (a power of a long sum) cannot run past its budget.
_LIMITS: contextvars.ContextVar = contextvars.ContextVar("symbp_algebra_limits", default=None)


@contextmanager
def limits(deadline: float | None = None, max_terms: int | None = None):
    """Within this block, products past ``deadline`` (a ``time.perf_counter``
    value) or past ``max_terms`` terms raise ``BudgetExceeded``."""
    token = _LIMITS.set((deadline, max_terms))
    try:
        yield
    finally:
        _LIMITS.reset(token)


def _check_limits(n_terms: int) -> None:
    lim = _LIMITS.get()
    if lim is None:
        return
    deadline, max_terms = lim
    if deadline is not None and time.perf_counter() > deadline:
        raise BudgetExceeded("the time budget ran out inside an expansion")
    if max_terms is not None and n_terms > max_terms:
        raise BudgetExceeded(f"an expression grew past {max_terms:,} terms")

def _max_terms() -> "int | None":
    lim = _LIMITS.get()
    return None if lim is None else lim[1]


Monomial = tuple  # the atoms of the product, sorted, each repeated by its exponent: g0·g3² is (0, 3, 3); () is 1


def exponents(m: Monomial) -> tuple:
    """((atom, exponent), ...) of a monomial, by atom: ``exponents((0, 3, 3))`` is ((0, 1), (3, 2))."""
    out = []
    for g in m:
        if out and out[-1][0] == g:
            out[-1][1] += 1
        else:
            out.append([g, 1])
    return tuple((g, e) for g, e in out)


def _mono_mul(a: Monomial, b: Monomial) -> Monomial:
    # A monomial is a sorted run of atoms, so a product is a merge: one C-level
    # sort of the concatenation (short tuples), no dictionary of exponents.
    if not a:
        return b
    if not b:
        return a
    return tuple(sorted(a + b))


def _norm(c):
    # Keep integers as int (fast); Fractions only when needed. type() rather
    # than isinstance: Fraction is an ABC and isinstance on it is slow.
    if type(c) is Fraction and c.denominator == 1:
        return c.numerator
    return c


def _all_int(terms: dict) -> bool:
    for c in terms.values():
        if type(c) is not int:
            return False
    return True


class Poly:
    """A sparse polynomial with rational coefficients in integer-numbered atoms."""

    __slots__ = ("terms",)

    def __init__(self, terms: dict | None = None):
        self.terms = terms if terms is not None else {}

    @staticmethod
    def const(c) -> "Poly":
        c = _norm(Fraction(c)) if not isinstance(c, int) else c
        return Poly({(): c} if c != 0 else {})

    @staticmethod
    def gen(i: int) -> "Poly":
        return Poly({(i,): 1})

    @staticmethod
    def from_exponents(terms: Mapping) -> "Poly":
        """From {((atom, exponent), ...): coefficient}, the form ``monomials`` gives."""
        out: dict = {}
        for m, c in terms.items():
            key = tuple(sorted(g for g, e in m for _ in range(e)))
            s = out.get(key, 0) + c
            if s == 0:
                out.pop(key, None)
            else:
                out[key] = _norm(s)
        return Poly(out)

    @staticmethod
    def sum(pieces) -> "Poly":
        """Σ of the polynomials ``pieces``, added into one dictionary.

        The same polynomial, terms in the same order, as ``p_1 + p_2 + …``
        without a copy of the running total per addition.
        """
        out: dict = {}
        get = out.get
        for p in pieces:
            for m, c in p.terms.items():
                s = get(m, 0) + c
                if s == 0:
                    out.pop(m, None)
                else:
                    out[m] = _norm(s)
        return Poly(out)

    def monomials(self):
        """(((atom, exponent), ...), coefficient) for each term."""
        for m, c in self.terms.items():
            yield exponents(m), c

    # -- arithmetic ---------------------------------------------------------

    def _coerce(self, other):
        if isinstance(other, Poly):
            return other
        if isinstance(other, (int, Fraction)):
            return Poly.const(other)
        return NotImplemented

    def __add__(self, other):
        if isinstance(other, RatFunc):
            return RatFunc(self) + other
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        if not other.terms:
            return self
        if not self.terms:
            return other
        out = dict(self.terms)
        for m, c in other.terms.items():
            s = out.get(m, 0) + c
            if s == 0:
                out.pop(m, None)
            else:
                out[m] = _norm(s)
        return Poly(out)

    __radd__ = __add__

    def __neg__(self):
        return Poly({m: -c for m, c in self.terms.items()})

    def __sub__(self, other):
        if isinstance(other, RatFunc):
            return RatFunc(self) - other
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        if isinstance(other, RatFunc):
            return RatFunc(self) * other
        if isinstance(other, (int, Fraction)):
            if other == 0:
                return Poly()
            return Poly({m: _norm(c * other) for m, c in self.terms.items()})
        if not isinstance(other, Poly):
            return NotImplemented
        if not self.terms or not other.terms:
            return Poly()
        a, b = (self.terms, other.terms) if len(self.terms) >= len(other.terms) else (other.terms, self.terms)
        if len(a) * len(b) >= dense.MIN_PRODUCT:
            terms = dense.multiply(a, b, _max_terms())
            if terms is not None:
                return Poly(terms)
        checked = _LIMITS.get() is not None
        out: dict = {}
        get = out.get
        for mb, cb in b.items():
            if checked:
                _check_limits(len(out))
            # one row of products: a monomial times every term of a, all
            # distinct (multiplying by a monomial is one-to-one), built in C
            if mb:
                row = [((tuple(sorted(ma + mb)) if ma else mb), ca * cb) for ma, ca in a.items()]
            else:
                row = [(ma, ca * cb) for ma, ca in a.items()]
            if not out:
                out.update(row)  # nothing to collide with: the same dictionary, in the same order
                continue
            for m, c in row:
                s = get(m, 0) + c
                if s == 0:
                    out.pop(m, None)
                else:
                    out[m] = s
        if _all_int(a) and _all_int(b):
            return Poly(out)
        return Poly({m: _norm(c) for m, c in out.items()})

    __rmul__ = __mul__

    def __pow__(self, n: int):
        if not isinstance(n, int) or n < 0:
            raise ValueError(f"Poly power must be a natural number, got {n!r}")
        if n >= 2 and len(self.terms) >= 2:
            terms = dense.power(self.terms, n, _max_terms())
            if terms is not None:
                return Poly(terms)
        # square-and-multiply, with no squaring past the highest bit (that
        # square, of the whole answer, would be the costliest product and unused)
        result = None
        base = self
        while True:
            if n & 1:
                result = base if result is None else result * base
            n >>= 1
            if not n:
                break
            base = base * base
        return result if result is not None else Poly.const(1)

    def __truediv__(self, other):
        if isinstance(other, (int, Fraction)):
            return self * (Fraction(1) / Fraction(other))
        return RatFunc(self) / other

    def __rtruediv__(self, other):
        return RatFunc(Poly.const(other) if not isinstance(other, Poly) else other) / self

    # -- inspection ---------------------------------------------------------

    def is_zero(self) -> bool:
        return not self.terms

    def __eq__(self, other):
        other = self._coerce(other) if not isinstance(other, RatFunc) else other
        if isinstance(other, RatFunc):
            return (RatFunc(self) - other).is_zero()
        return isinstance(other, Poly) and self.terms == other.terms

    def __hash__(self):
        return hash(frozenset(self.terms.items()))

    def __len__(self):
        return len(self.terms)

    def gens(self) -> set:
        return {g for m in self.terms for g in m}

    def degree(self) -> int:
        return max((len(m) for m in self.terms), default=0)

    def diff(self, gen: int) -> "Poly":
        """∂/∂(atom ``gen``), treating every atom as an independent variable."""
        out: dict = {}
        for m, c in self.terms.items():
            if gen in m:
                e = m.count(gen)
                pos = m.index(gen)
                rest = m[:pos] + m[pos + 1 :]
                out[rest] = _norm(out.get(rest, 0) + c * e)
        return Poly({m: c for m, c in out.items() if c != 0})

    def evaluate(self, values: Mapping[int, object], *, mul: Callable | None = None, coeff: Callable = lambda c: c):
        """Value at ``values`` (atom -> number); ``coeff`` converts coefficients."""
        total = 0
        for m, c in self.terms.items():
            term = coeff(c)
            for g, e in exponents(m):
                term = term * values[g] ** e
            total = total + term
        return total

    def evaluate_mod(self, values: Mapping[int, int], p: int) -> int:
        """Value modulo the prime ``p`` (coefficients mapped into 𝔽_p)."""
        total = 0
        for m, c in self.terms.items():
            if type(c) is Fraction:
                term = c.numerator * pow(c.denominator, -1, p) % p
            else:
                term = c % p
            for g, e in exponents(m):
                term = term * pow(values[g], e, p) % p
            total += term
        return total % p

    def to_sympy(self, atom: Callable[[int], object]):
        import sympy

        out = []
        for m, c in self.terms.items():
            factors = [sympy.Rational(c.numerator, c.denominator) if isinstance(c, Fraction) else sympy.Integer(c)]
            factors += [atom(g) ** e for g, e in exponents(m)]
            out.append(sympy.Mul(*factors))
        return sympy.Add(*out)

    def __repr__(self):
        if not self.terms:
            return "Poly(0)"
        parts = []
        for m, c in self.terms.items():
            mono = "*".join(f"g{g}" + (f"^{e}" if e > 1 else "") for g, e in exponents(m))
            parts.append(f"{c}" + (f"*{mono}" if mono else ""))
        return "Poly(" + " + ".join(parts) + ")"


ONE = Poly.const(1)


def products_equal(p: Poly, q: Poly, r: Poly, s: Poly) -> bool:
    """Is ``p q = r s`` exactly? (Two fractions p/s and r/q are equal when it is.)

    The same answer as ``(p * q - r * s).is_zero()``; a dense comparison is
    decided by FLINT whole (``dense.products_equal``), with no product turned
    back into a dictionary.

    >>> x, y = Poly.gen(0), Poly.gen(1)
    >>> products_equal(x + y, x - y, x * x - y * y, ONE), products_equal(x, y, x, x)
    (True, False)
    """
    same = dense.products_equal(p.terms, q.terms, r.terms, s.terms, _max_terms())
    if same is not None:
        return same
    return (p * q).terms == (r * s).terms  # canonical dictionaries: equal terms, equal polynomials


class RatFunc:
    """num/den with polynomial num and den; equality by cross-multiplication.

    No gcd cancellation: the zero test (numerator is the zero polynomial) is
    exact without it, and the costs that need fractions are small.
    """

    __slots__ = ("num", "den")

    def __init__(self, num: Poly, den: Poly | None = None):
        if isinstance(num, (int, Fraction)):
            num = Poly.const(num)
        self.num = num
        self.den = den if den is not None else ONE
        if self.den.is_zero():
            raise ZeroDivisionError("rational function with zero denominator")

    @staticmethod
    def _lift(x):
        if isinstance(x, RatFunc):
            return x
        if isinstance(x, Poly):
            return RatFunc(x)
        if isinstance(x, (int, Fraction)):
            return RatFunc(Poly.const(x))
        return NotImplemented

    def __add__(self, other):
        other = self._lift(other)
        if other is NotImplemented:
            return other
        if self.den == other.den:
            return RatFunc(self.num + other.num, self.den)
        return RatFunc(self.num * other.den + other.num * self.den, self.den * other.den)

    __radd__ = __add__

    def __neg__(self):
        return RatFunc(-self.num, self.den)

    def __sub__(self, other):
        other = self._lift(other)
        if other is NotImplemented:
            return other
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        other = self._lift(other)
        if other is NotImplemented:
            return other
        return RatFunc(self.num * other.num, self.den * other.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._lift(other)
        if other is NotImplemented:
            return other
        if other.num.is_zero():
            raise ZeroDivisionError("division by the zero rational function")
        return RatFunc(self.num * other.den, self.den * other.num)

    def __rtruediv__(self, other):
        return self._lift(other) / self

    def __pow__(self, n: int):
        return RatFunc(self.num**n, self.den**n)

    def is_zero(self) -> bool:
        return self.num.is_zero()

    def __eq__(self, other):
        other = self._lift(other)
        if other is NotImplemented:
            return False
        return (self - other).is_zero()

    __hash__ = None  # type: ignore[assignment]

    def diff(self, gen: int) -> "RatFunc":
        # quotient rule
        return RatFunc(self.num.diff(gen) * self.den - self.num * self.den.diff(gen), self.den * self.den)

    def gens(self) -> set:
        return self.num.gens() | self.den.gens()

    def degree(self) -> int:
        return self.num.degree() + self.den.degree()

    def evaluate(self, values, **kwargs):
        return self.num.evaluate(values, **kwargs) / self.den.evaluate(values, **kwargs)

    def evaluate_mod(self, values, p):
        d = self.den.evaluate_mod(values, p)
        if d == 0:
            raise ZeroDivisionError("denominator vanishes at this point")
        return self.num.evaluate_mod(values, p) * pow(d, -1, p) % p

    def to_sympy(self, atom):
        return self.num.to_sympy(atom) / self.den.to_sympy(atom)

    def __repr__(self):
        return f"RatFunc({self.num!r} / {self.den!r})"


Element = "Poly | RatFunc"


def is_zero(e) -> bool:
    return e.is_zero() if isinstance(e, (Poly, RatFunc)) else e == 0


def lift(e):
    """Numbers become constant polynomials; polynomials stay."""
    if isinstance(e, (Poly, RatFunc)):
        return e
    return Poly.const(e)
