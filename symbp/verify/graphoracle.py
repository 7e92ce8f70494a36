r"""An independent numeric oracle for claims in the notes' own terms.

It shares only the notes' *specification* with the exact check: the one-level
definitions of the model and the claim's tree. Every node gets a number at a
point (generic functions through their stand-ins, evaluated numerically, 50
digits); a derivative ∂F/∂V is a central difference: V is moved by ±h, every
node computed from V is recomputed, every other node stays, F is read off. No
symbolic differentiation, no expansion, no atoms.

>>> from symbp.verify.graphread import read_graph as r
>>> from symbp.verify.graphbuild import build
>>> m = build([(1, r("g = x W")), (2, r("x = (x_1, x_2)")), (3, r("h = \\tanh(g)")),
...            (4, r("W = \\begin{pmatrix} w_{11} & w_{12} \\\\ w_{21} & w_{22} \\end{pmatrix}"))])
>>> v = oracle_sides(r("\\frac{\\partial h_1}{\\partial w_{21}} = x_2 (1 - h_1^2)"), m, "denominator", {}, seed=1)
>>> abs(v[0] - v[1]) < 1e-20
True
"""

from __future__ import annotations

import random

import mpmath
import sympy
from sympy.core.function import AppliedUndef

from .graphderivatives import derivative_forms
from .graphevaluate import Evaluator, is_mat
from .graphmodel import Model
from .graphvalues import stand_in

_DIGITS = 50
_H = mpmath.mpf("1e-18")


class OutsideDomain(ArithmeticError):
    """A node's value at the point is not a real number (the log of a negative number): the point is outside the
    domain of the notes' functions and decides nothing."""


def _real_number(expr) -> mpmath.mpf:
    """The value of a numeric SymPy expression as an mpmath number; ``OutsideDomain`` when it is not real."""
    value = sympy.N(expr, _DIGITS)
    if not (value.is_real and value.is_finite):
        raise OutsideDomain(f"the value {value} is not a real number")
    return mpmath.mpf(str(value))


class _Numeric:
    """Numbers for every node at one point, with some nodes moved (``overrides``)."""

    def __init__(self, model: Model, point: dict):
        self.m = model
        self.point = point

    def values(self, overrides: dict) -> dict:
        out = dict(overrides)

        def val(s):
            if s in out:
                return out[s]
            if s in self.m.defs:
                out[s] = self.number(self.m.defs[s], val)
            else:
                out[s] = self.point.get(s, mpmath.mpf(0))
            return out[s]

        for s in self.m.names:
            val(s)
        return out

    def number(self, expr, val):
        expr = sympy.sympify(expr)
        repl = {}
        for app in sorted(expr.atoms(AppliedUndef), key=lambda a: -len(str(a))):
            args = [self.number(a, val) for a in app.args]
            repl[app] = sympy.Float(stand_in(tuple(sympy.Float(a, _DIGITS) for a in args)), _DIGITS)
        expr = expr.xreplace(repl) if repl else expr
        subs = {s: sympy.Float(val(s), _DIGITS) if s in self.m.names else sympy.Float(self.point.get(s, 0), _DIGITS)
                for s in expr.free_symbols}
        return _real_number(expr.xreplace(subs))


class _NumericModel:
    """The model's interface as ``Evaluator`` uses it, with numbers and central differences."""

    def __init__(self, model: Model, point: dict):
        self._m = model
        self.num = _Numeric(model, point)
        self.base = self.num.values({})

    def __getattr__(self, name):
        return getattr(self._m, name)

    def d(self, expr, target):
        plus = self.num.values(self._moved(target, +_H))
        minus = self.num.values(self._moved(target, -_H))
        f = lambda vals: self.num.number(expr, lambda s: vals[s])  # noqa: E731
        return (f(plus) - f(minus)) / (2 * _H)

    def _moved(self, target, h):
        # the target moves; every node not computed from it keeps its value
        keep = {s: v for s, v in self.base.items() if s != target and not self._m.depends(s, target)}
        keep[target] = self.base[target] + h
        return keep

    def full(self, expr):
        return self.num.number(expr, lambda s: self.base[s])


def _finish(value, nm: _NumericModel):
    if is_mat(value):
        return [nm.full(e) if not isinstance(e, mpmath.mpf) else e for e in value]
    return nm.full(value) if not isinstance(value, mpmath.mpf) else value


def oracle_sides(eq, model: Model, layout: str, bind: dict, seed: int = 0, point: dict | None = None) -> list:
    """Each side of ``eq`` as numbers (a list per vector or matrix, row by row) at a random or given point."""
    mpmath.mp.dps = _DIGITS + 10
    rng = random.Random(seed)
    if point is None:
        point = {s: mpmath.mpf(rng.randint(-9, 9) or 1) / rng.randint(2, 7) for s in model.names}
    else:
        point = {s: mpmath.mpf(str(sympy.N(v, _DIGITS))) for s, v in point.items()}
    nm = _NumericModel(model, point)
    ev = Evaluator(nm, layout, bind)
    ev.forms = derivative_forms(eq)
    nm_atoms = _NumericAtoms(nm)
    ev.m = _AtomsProxy(nm, nm_atoms)
    return [_finish(ev.value(s), nm) for s in eq.sides]


class _NumericAtoms:
    """f(point) and ∂_k f(point) of a generic function as numbers (a central difference of the stand-in)."""

    def __init__(self, nm: _NumericModel):
        self.nm = nm

    def value(self, func, point):
        return stand_in(tuple(sympy.Float(self._n(p), _DIGITS) for p in point))

    def partial(self, func, k, point):
        args = [self._n(p) for p in point]
        up = list(args)
        down = list(args)
        up[k] += _H
        down[k] -= _H
        f = lambda a: mpmath.mpf(str(sympy.N(stand_in(tuple(sympy.Float(x, _DIGITS) for x in a)), _DIGITS)))  # noqa
        return (f(up) - f(down)) / (2 * _H)

    def _n(self, p):
        return p if isinstance(p, mpmath.mpf) else self.nm.full(p)


class _AtomsProxy:
    def __init__(self, nm, atoms):
        self._nm = nm
        self.atoms = atoms

    def __getattr__(self, name):
        return getattr(self._nm, name)

    def moved_to(self, leaf, value):
        """The model at this point with ``leaf`` moved to ``value`` (a bar ``|_{x_1 = 0}``)."""
        number = value if isinstance(value, mpmath.mpf) else mpmath.mpf(str(sympy.N(value, _DIGITS)))
        nm = _NumericModel(self._nm._m, {**self._nm.num.point, leaf: number})
        return _AtomsProxy(nm, _NumericAtoms(nm))


def confirm(model: Model, lv, rv, point: dict) -> bool:
    """Whether the exact values ``lv`` ≠ ``rv`` at ``point`` are confirmed numerically (stand-ins evaluated as
    numbers, derivative atoms by central differences of the stand-ins)."""
    mpmath.mp.dps = _DIGITS + 10
    num_point = {s: mpmath.mpf(str(sympy.N(v, _DIGITS))) for s, v in point.items()}
    nm = _NumericModel(model, num_point)
    atoms = _NumericAtoms(nm)

    def number(e):
        e = sympy.sympify(e)
        subs = {}
        for s in e.free_symbols:
            if model.atoms.is_atom(s):
                key = model.atoms.keys[s]
                args = tuple(number(a) for a in key[-1])
                subs[s] = sympy.Float(atoms.value(key[1], args) if key[0] == "v" else
                                      atoms.partial(key[1], key[2], args), _DIGITS)
            else:
                subs[s] = sympy.Float(num_point.get(s, 0), _DIGITS)
        return _real_number(e.xreplace(subs))

    a, b = number(lv), number(rv)
    return abs(a - b) > mpmath.mpf("1e-12") * (1 + abs(a) + abs(b))
