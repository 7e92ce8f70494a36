r"""Index sums of symbolic length: the algebra of the layers' all-sizes proofs.

A layer whose entries are summed over a range of *symbolic* length m (the
batch of a batch norm, the features of a layer norm, a softmax's classes)
is written with entries at named indices (x_i, g_j, J_{i,k}) and sums over
them. A sum Σ_{i=1}^{m} f(i) of a product of entries becomes one atom, the
*moment* M[f] (f with its summed index written •); a sum of a term free of
i becomes m times it; and a Kronecker delta collapses its sum,
Σ_i δ_{ij} f(i) = f(j), which is valid because j is itself an index of the
same range (1 ≤ j ≤ m). Everything is then a rational function in the
atoms (the size m, scalars, entries at free indices, moments, function
atoms), and a difference that reduces to the zero rational function is 0
for *every* m and every value of the entries, because the atoms are
treated as independent.

Differentiation is forward mode on the atoms: ∂x_i/∂x_j = δ_{ij};
∂M[f]/∂x_j = Σ_i ∂f(i)/∂x_j (then collapsed); a function atom u = ψ(v)
has ∂u = ψ'(v) ∂v with ψ' written through u (as in ``dual``).

>>> A = Moments()
>>> x = lambda i: A.point("x", i)
>>> mean = A.sum("k", x("k")) / A.m
>>> A.is_zero(A.d(mean, ("x", "j")) - 1 / A.m)
True
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable

from ..algebra import Poly, RatFunc

BOUND = "•"  # the summed index inside a moment's key


class Moments:
    """Atoms and operations of the index-sum algebra (one range 1..m)."""

    def __init__(self, size: str = "m"):
        self.index: dict[tuple, int] = {}
        self.keys: list[tuple] = []
        self.args: dict[int, tuple] = {}  # function atom -> (rule, argument)
        self.pointwise: dict[str, tuple] = {}  # name -> (rule, argument builder) for entry-wise functions
        self._tangents: dict = {}
        self.m = RatFunc(self._gen(("size", size)))

    # -- atoms ----------------------------------------------------------------------

    def _gen(self, key: tuple) -> Poly:
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.keys)
            self.keys.append(key)
        return Poly.gen(i)

    def atom(self, key: tuple) -> RatFunc:
        return RatFunc(self._gen(key))

    def scalar(self, name: str) -> RatFunc:
        return self.atom(("scalar", name))

    def point(self, name: str, *idx: str) -> RatFunc:
        """The entry name_{idx}; a pointwise function's entry if ``name`` was declared by ``declare``."""
        return self.atom(("point", name, tuple(idx)))

    def declare(self, name: str, rule: str, argument: Callable[[str], RatFunc]) -> None:
        """An entry-wise function: name_i = ψ(argument(i)) with ψ ``exp`` (derivative: itself)."""
        self.pointwise[name] = (rule, argument)

    def fn(self, rule: str, key: str, argument: RatFunc) -> RatFunc:
        """A scalar function atom ψ(argument): ``rsqrt``, ``recip`` or ``log`` (of a ``recip`` atom's argument)."""
        a = self.atom(("fn", rule, key))
        self.args[self.index[("fn", rule, key)]] = (rule, argument, key)
        return a

    def const(self, q) -> RatFunc:
        return RatFunc(Poly.const(Fraction(q)))

    # -- sums ---------------------------------------------------------------------------

    def sum(self, i: str, expr) -> RatFunc:
        """Σ_{i=1}^{m} expr: moments, m times a term free of i, and collapsed Kronecker deltas."""
        expr = _lift(expr)
        if any(_involves(self.keys[g], i) for g in expr.den.gens()):
            raise AssertionError("a denominator depends on the summed index")
        out = Poly()
        m = self.m.num
        for mono, c in expr.num.monomials():  # ((atom, exponent), ...)
            inside, rest, deltas = [], [], []
            for g, e in mono:
                key = self.keys[g]
                if key[0] == "delta" and i in key[1]:
                    deltas.append(key)
                elif key[0] == "M" and _involves(key, i):
                    raise AssertionError("a sum over a moment that depends on the summed index")
                elif _involves(key, i):
                    inside.append((key, e))
                else:
                    rest.append((g, e))
            term = Poly.from_exponents({tuple(rest): c}) if rest else Poly.const(c)
            if deltas:  # Σ_i δ_{ij} f(i) = f(j), for 1 ≤ j ≤ m (δ² = δ)
                first = deltas[0][1]
                j = first[0] if first[1] == i else first[1]
                for key in deltas[1:]:
                    other = tuple(sorted(j if a == i else a for a in key[1]))
                    if other[0] != other[1]:
                        term = term * self._gen(("delta", other))
                for key, e in inside:
                    term = term * self._gen(_rename(key, i, j)) ** e
            elif not inside:
                term = term * m
            else:
                moment = tuple(sorted((_rename(key, i, BOUND), e) for key, e in inside))
                term = term * self._gen(("M", moment))
            out = out + term
        return RatFunc(out, expr.den)

    # -- derivatives ----------------------------------------------------------------------

    def d(self, expr, wrt: tuple) -> RatFunc:
        """∂expr/∂(wrt), wrt = ("x", "j") for the entry x_j or ("gamma",) for a scalar."""
        expr = _lift(expr)
        out = RatFunc(Poly())
        for g in sorted(expr.gens()):
            if (g, wrt) not in self._tangents:
                self._tangents[(g, wrt)] = self._d_atom(g, wrt)
            dg = self._tangents[(g, wrt)]
            if dg is not None and not dg.is_zero():
                out = out + expr.diff(g) * dg
        return out

    def _d_atom(self, g: int, wrt: tuple):
        key = self.keys[g]
        kind = key[0]
        if kind in ("size", "delta"):
            return None
        if kind == "scalar":
            return self.const(1) if len(wrt) == 1 and wrt[0] == key[1] else None
        if kind == "point":
            name, idx = key[1], key[2]
            if name in self.pointwise:
                rule, argument = self.pointwise[name]
                assert rule == "exp" and len(idx) == 1
                return self.atom(key) * self.d(argument(idx[0]), wrt)
            if len(wrt) != 2 or wrt[0] != name:
                return None
            if len(idx) != 1:
                raise AssertionError(f"no rule for the derivative of the entry {name}_{idx} by {wrt}")
            return self.delta(idx[0], wrt[1])
        if kind == "fn":
            rule, argument, fkey = self.args[g]
            darg = self.d(argument, wrt)
            if darg.is_zero():
                return None
            u = self.atom(key)
            if rule == "rsqrt":
                return -Fraction(1, 2) * u * u * u * darg
            if rule == "recip":
                return -(u * u) * darg
            if rule == "log":
                return self.fn("recip", fkey, argument) * darg
            raise AssertionError(rule)
        if kind == "M":
            # ∂ Σ_i f(i) = Σ_i ∂f(i): write f at a fresh index, differentiate, sum.
            fresh = "ι"
            term = RatFunc(Poly.const(1))
            for k, e in key[1]:
                term = term * RatFunc(self._gen(_rename(k, BOUND, fresh))) ** e
            return self.sum(fresh, self.d(term, wrt))
        raise AssertionError(key)

    def delta(self, a: str, b: str) -> RatFunc:
        if a == b:
            return self.const(1)
        return self.atom(("delta", tuple(sorted((a, b)))))

    # -- tests ---------------------------------------------------------------------------

    def is_zero(self, expr) -> bool:
        return _lift(expr).is_zero()

    def assume(self, expr, key: tuple, value) -> RatFunc:
        """expr with the atom ``key`` replaced by the constant ``value`` (a stated assumption)."""
        expr = _lift(expr)
        g = self.index.get(key)
        if g is None:
            return expr
        return RatFunc(_substitute(expr.num, g, Fraction(value)), _substitute(expr.den, g, Fraction(value)))

    def moment(self, *factors: tuple) -> tuple:
        """The key of Σ_• Π name_• (for ``assume``): ``moment(("y",))`` is Σ_k y_k."""
        return ("M", tuple(sorted((("point", f[0], (BOUND,) + tuple(f[1:])), 1) for f in factors)))


def _lift(e) -> RatFunc:
    if isinstance(e, RatFunc):
        return e
    if isinstance(e, Poly):
        return RatFunc(e)
    return RatFunc(Poly.const(Fraction(e)))


def _involves(key: tuple, i: str) -> bool:
    if key[0] == "point":
        return i in key[2]
    if key[0] == "delta":
        return i in key[1]
    if key[0] == "M":
        return any(_involves(k, i) for k, _ in key[1])
    return False


def _rename(key: tuple, old: str, new: str) -> tuple:
    if key[0] == "point":
        return ("point", key[1], tuple(new if a == old else a for a in key[2]))
    if key[0] == "M":
        return ("M", tuple(sorted((_rename(k, old, new), e) for k, e in key[1])))
    return key


def _substitute(p: Poly, g: int, value: Fraction) -> Poly:
    out = Poly()
    for mono, c in p.monomials():  # ((atom, exponent), ...)
        factor = Fraction(c)
        rest = []
        for gen, e in mono:
            if gen == g:
                factor *= value**e
            else:
                rest.append((gen, e))
        out = out + Poly.from_exponents({tuple(rest): 1}) * factor if factor else out
    return out
