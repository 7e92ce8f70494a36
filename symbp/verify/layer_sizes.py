r"""How a layer formula depends on the layer's sizes (m, n, T, d, s, P), and the shapes that decide it for every size.

``verify --layer`` proves a formula exactly on a few shapes; a formula that holds there must hold for every size
(a factor 1 + (m−2)(m−3)(m−4) is 1 on batches of 2, 3 and 4 only). A size letter stands in two kinds of place:

* as a number (``\frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}``, ``\frac{1}{\sqrt d}``): the right side is read as a
  ratio of polynomials in that letter (in √d where a root of it is taken), every other quantity an opaque factor,
  a sum as its summand. The degree k of numerator and denominator together bounds how the formula's coefficients can
  differ from the true ones, so the formula is checked on k + 2 different values of the size (one beyond k + 1, as
  the smallest shape can be degenerate: x̂ = ±1 on a batch of two). Batch, features, steps and dim are widened
  by extra shapes; stride and padding are not, and a formula that would need more values of them than the
  catalogue's shapes have is uninterpretable. A size inside a function (φ'(…)) or under a root with other
  quantities, and a denominator that is 0 at some size, are uninterpretable.
* in an index or a sum's bound (``\delta_{T+1}``, ``\sum_{j=1}^{m}``, ``\tilde x_{s i + k}``): read only when the
  index is affine in the sizes (no product of two sizes, no power of one); otherwise uninterpretable.

>>> from symbp.verify.layer_reader import read_layer_formula as r
>>> dependence(r(r"\frac{\partial L}{\partial x_i} = \frac{(m-2)(m-3)}{m} g_i")[1], {"m"})
{'m': 3}
"""

from __future__ import annotations

import sympy

from .layer_nodes import (
    Add, Call, Deriv, Div, INum, IOp, Mul, Num, Pow, Sqrt, Sum, Sym, Transpose, Var, index_letters,
)
from .layer_values import Uninterpretable

#: The shape parameter that each size letter is, where extra shapes may vary it.
VARIED = {"batchnorm": {"m": "batch"}, "layernorm": {"n": "features"}, "rnn": {"T": "steps"},
          "attention": {"d": "dim"}}
#: The largest value a size is widened to (a batch of 10 takes well under a second).
MAX_VALUE = 10

_ROOT = "_r"


def _index_poly(e, sizes: set):
    if isinstance(e, INum):
        return sympy.Integer(e.value)
    if isinstance(e, Var):
        return sympy.Symbol(e.name)
    a, b = _index_poly(e.a, sizes), _index_poly(e.b, sizes)
    return a + b if e.op == "+" else a - b if e.op == "-" else a * b


def check_indices(lhs, rhs, sizes: set) -> None:
    """Raise ``Uninterpretable`` when an index or a sum's bound is not affine in the sizes."""
    for e in _index_exprs(lhs) + _index_exprs(rhs):
        poly = sympy.Poly(sympy.expand(_index_poly(e, sizes)), *[sympy.Symbol(s) for s in sorted(sizes)] or [sympy.Dummy()])
        if poly.total_degree() > 1:
            raise Uninterpretable(f"an index or a sum's bound {sympy.sstr(poly.as_expr())} is not affine in the sizes "
                                  f"{', '.join(sorted(sizes))}: it is read only as a size plus or minus a number or an index")


def _index_exprs(node) -> list:
    out = []
    if isinstance(node, Sym):
        out += [e for e in (node.sub or ()) if not isinstance(e, (INum, Var))]
    if isinstance(node, Sum):
        out += [e for e in (node.lo, node.hi) if e is not None and not isinstance(e, (INum, Var))]
    for attr in ("a", "b", "base", "arg", "body", "of", "num"):
        child = getattr(node, attr, None)
        if child is not None and not isinstance(child, (Var, INum, IOp)):
            out += _index_exprs(child)
    for _, term in getattr(node, "terms", ()):
        out += _index_exprs(term)
    return out


class _Reader:
    """The right side as a SymPy expression in the sizes, every other quantity a fresh opaque symbol."""

    def __init__(self, sizes: set):
        self.sizes, self.count = sizes, 0
        self.denominators = []  # as written: \frac{m-7}{m-7} means nothing at m = 7
        self.letters = {}  # each opaque symbol -> the index letters of the entry it stands for

    def opaque(self, *subs):
        self.count += 1
        q = sympy.Symbol(f"_q{self.count}", positive=True)
        self.letters[q] = set().union(set(), *(index_letters(e) for sub in subs for e in sub or ()))
        return q

    def read(self, node):
        if isinstance(node, Num):
            return sympy.Rational(node.value.numerator, node.value.denominator)
        if isinstance(node, Sym):
            if node.name in self.sizes and not node.sub and not node.accent:
                return sympy.Symbol(node.name, positive=True)
            return self.opaque(node.sub)
        if isinstance(node, Add):
            return sympy.Add(*[s * self.read(t) for s, t in node.terms])
        if isinstance(node, Mul):
            return self.read(node.a) * self.read(node.b)
        if isinstance(node, Div):
            den = self.read(node.b)
            self.denominators.append(den)
            return self.read(node.a) / den
        if isinstance(node, Pow):
            return self.read(node.base) ** sympy.Rational(node.exp.numerator, node.exp.denominator)
        if isinstance(node, Sqrt):
            return sympy.sqrt(self.read(node.arg))
        if isinstance(node, Transpose):
            return self.read(node.base)
        if isinstance(node, Sum):
            return self._sum(node)
        if isinstance(node, (Call, Deriv)):
            inner = self.read(node.arg) if isinstance(node, Call) else sympy.Integer(1)
            if inner.free_symbols & {sympy.Symbol(s, positive=True) for s in self.sizes}:
                raise Uninterpretable("a size stands inside a function; its dependence on the size is not read")
            return self.opaque(*_subscripts(node))
        raise Uninterpretable(f"a part of the formula whose dependence on the sizes is not read: {type(node).__name__}")

    def _sum(self, node):
        # Linear: a term with an entry at the summation index keeps its coefficients in the sizes (the sum is
        # the layer's own quantity), but any other term is added once per index of the range, so
        # \sum_{j=1}^{m} 1 is m, and \sum_{j=1}^{m} g_i is m g_i: degree 1 in m.
        body = sympy.expand(self.read(node.body))
        plain = sympy.Add(*[t for t in sympy.Add.make_args(body)
                            if not any(self.letters.get(q, set()) & set(node.index) for q in t.free_symbols)])
        if plain == 0:
            return body
        if node.lo is None or node.hi is None:
            raise Uninterpretable("a term that does not depend on the summation index, summed over a range without both "
                                  "bounds: its dependence on the sizes is not read; write them (\\sum_{j=1}^{m})")
        count = sympy.Integer(1)
        for _ in node.index:
            count *= _index_poly(node.hi, self.sizes) - _index_poly(node.lo, self.sizes) + 1
        count = count.subs({sympy.Symbol(s): sympy.Symbol(s, positive=True) for s in self.sizes})
        if count.free_symbols - {sympy.Symbol(s, positive=True) for s in self.sizes}:
            raise Uninterpretable("a term that does not depend on the summation index, summed over a range that depends "
                                  "on another index: its dependence on the sizes is not read")
        return body - plain + count * plain


def _subscripts(node) -> list:
    # the subscripts inside a function's argument (φ'(a_t)) or a derivative (∂F_i/∂x_k)
    if isinstance(node, Deriv):
        return [node.of.sub] + ([node.num.sub] if node.num is not None else [])
    arg = node.arg
    return [arg.sub] if isinstance(arg, Sym) else []


def dependence(rhs, sizes: set) -> dict:
    """For each size letter the right side uses as a number, the degree of numerator plus denominator (module
    docstring; in √size where a root of it is taken). Raises ``Uninterpretable`` where the dependence is not read."""
    reader = _Reader(sizes)
    expr = reader.read(rhs)
    out = {}
    for name in sorted(sizes):
        size = sympy.Symbol(name, positive=True)
        root = sympy.Symbol(_ROOT, positive=True)
        for p in [expr, *reader.denominators]:  # before any factoring: m^{99999} would take minutes
            if any(a.base.has(size) and a.exp.is_number and abs(a.exp) > 2 * MAX_VALUE for a in p.atoms(sympy.Pow)):
                raise Uninterpretable(f"a power of {name} beyond {2 * MAX_VALUE}: more sizes than are checked here")
        zeros: set = set()
        for written in reader.denominators:
            squared = _has_root(written, size)
            zeros |= _zeros(sympy.numer(sympy.together(written.subs(size, root ** 2 if squared else root))), root, squared)
        if size not in expr.free_symbols:
            _no_zero(name, zeros)
            continue
        squared = _has_root(expr, size)
        e = expr.subs(size, root ** 2 if squared else root)
        if not e.is_rational_function(root):
            raise Uninterpretable(f"the formula depends on {name} in a way that is not a ratio of polynomials in {name} "
                                  f"(or in √{name})")
        num, den = sympy.fraction(sympy.cancel(sympy.together(e)))
        _no_zero(name, zeros | _zeros(den, root, squared))
        out[name] = sympy.Poly(num, root).degree() + sympy.Poly(den, root).degree()
    return out


def _has_root(expr, size) -> bool:
    return any(p.exp.q != 1 and p.base.has(size) for p in expr.atoms(sympy.Pow))


def _zeros(den, root, squared: bool) -> set:
    """The sizes ≥ 1 at which a denominator is 0: the formula means nothing there."""
    if root not in den.free_symbols:
        return set()
    out = set()
    for factor in sympy.Mul.make_args(sympy.factor(den)):
        factor = factor.base if isinstance(factor, sympy.Pow) else factor
        if factor.free_symbols != {root}:
            continue
        poly = sympy.Poly(factor, root)
        if poly.degree() <= 4:  # exact and complete
            zeros = [z ** 2 if squared else z for z in poly.real_roots() if z > 0]
        else:  # real_roots of a high degree takes seconds: the sizes up to 1000, exactly
            zeros = [sympy.Integer(k) for k in range(1, 1001) if poly.eval(sympy.sqrt(k) if squared else k) == 0]
        out |= {int(value) for value in zeros if value.is_integer and value >= 1}
    return out


class ZeroDenominator(Uninterpretable):
    """A formula that divides by a factor that is 0 at some sizes (``values`` of the letter ``name``): it means
    nothing there, so those sizes are outside its domain. ``layer_check`` still refutes it on the other sizes when
    it is wrong there; one that holds there is not judged (for how many sizes it holds is not decided)."""

    def __init__(self, name: str, values: tuple):
        self.name, self.values = name, values
        shown = ", ".join(str(v) for v in values)
        super().__init__(f"the formula divides by a factor that is 0 at {name} = {shown}")


def _no_zero(name: str, zeros: set) -> None:
    if zeros:
        raise ZeroDenominator(name, tuple(sorted(zeros)))


def shapes_for(kind: str, family: tuple, degrees: dict, value_of) -> tuple:
    """The family, widened so that each size the formula uses as a number takes degree + 2 different values.
    ``value_of(shape, letter)`` is the size on one shape (None when the shape has no such value)."""
    shapes = list(family)
    for letter, degree in degrees.items():
        need = degree + 2
        have = {value_of(s, letter) for s in shapes} - {None}
        param = VARIED.get(kind, {}).get(letter)
        if param is None:
            if len(have) < need:
                raise Uninterpretable(f"the formula's dependence on {letter} (degree {degree}) needs {need} different "
                                      f"values of it, and the shapes checked have {len(have)}")
            continue
        base = family[1] if len(family) > 1 else family[0]
        value = 1
        while len(have) < need:
            value += 1
            if value > MAX_VALUE:
                raise Uninterpretable(f"the formula's dependence on {letter} (degree {degree}) needs {need} different "
                                      f"values of it, more than checked here (up to {MAX_VALUE})")
            if value not in have:
                shapes.append(_with(base, param, value))
                have.add(value)
    return tuple(shapes)


def _with(shape: str, param: str, value: int) -> str:
    parts = [p for p in shape.split(",") if p and not p.startswith(param + "=")]
    return ",".join(parts + [f"{param}={value}"])
