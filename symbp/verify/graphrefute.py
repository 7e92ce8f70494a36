r"""Whether the two sides of a claim differ, and an exact, confirmed point where they do: the refutation step.

``graphcheck`` evaluates every side of a claim in a layout, for every value of its free indices; this module
compares the values it gets: ``difference`` says whether two sides are equal for every value of the leaves and
of the generic functions (exactly, with exp, log and tanh handled so that ``simplify`` is the last resort), and
``refute`` looks for a point where they differ, each point confirmed by the independent numeric oracle
(``graphoracle``) before it is a counterexample. It is its own module because this is the one step that decides
a refutation, with its own trial points, domain checks and oracle; the layouts and the verdicts are
``graphcheck``'s.
"""

from __future__ import annotations

import random
from fractions import Fraction

import mpmath
import sympy
from sympy.polys.fields import sfield

from ..certificate import Counterexample
from ..display.bignum import NSTR_EXPONENT_BITS, decimal, ratio
from .graphderivatives import derivative_forms
from .graphevaluate import Evaluator, is_mat, one_entry, shape_words
from .graphmodel import Model
from .graphnodes import Equation
from .graphvalues import STAND_IN_TEXT



def binding_words(bind: dict) -> str:
    """'with i = 1, j = 2: ' for the values of the free indices an instance of the claim has."""
    return ("with " + ", ".join(f"{k} = {v}" for k, v in sorted(bind.items())) + ": ") if bind else ""


def difference(a, b, model: Model):
    """None if equal; a template string for a shape mismatch; else (entry, left, right) of a differing entry. A 1×1
    matrix beside a number is that number (a vector of one entry, ``graphoneentry``)."""
    a, b = one_entry(a, b)
    if is_mat(a) != is_mat(b) or (is_mat(a) and a.shape != b.shape):
        return "the left side {left} is " + shape_words(a) + " but the right side {right} is " + shape_words(b)
    pairs = [((), a, b)] if not is_mat(a) else [
        ((r + 1, c + 1), a[r, c], b[r, c]) for r in range(a.shape[0]) for c in range(a.shape[1])]
    for entry, x, y in pairs:
        d = model.full(x) - model.full(y)
        if d != 0 and not _vanishes(d, model):
            return entry, model.full(x), model.full(y)
    return None


_TRANSCENDENTAL = (sympy.tanh, sympy.exp, sympy.log, sympy.cosh, sympy.sinh, sympy.sech)
_HYPERBOLIC = (sympy.tanh, sympy.cosh, sympy.sinh, sympy.sech)


def _vanishes(d, model: Model | None = None) -> bool:
    """Whether the difference ``d`` is 0 for every value of its leaves and generic-function atoms. With exp, log or
    tanh: first a numeric look at a point inside the domain (a value clearly not 0 there: it does not vanish; a
    refutation still needs ``refute``'s exact, confirmed point), then each exp and log taken as an unknown of its
    argument (0 as a rational function of those unknowns is 0 whatever they are: review 15 r3, where ``simplify``
    of a logistic output under a log cost outran the budget), then ``simplify``.

    >>> x = sympy.Symbol("x")
    >>> s = 1 / (1 + sympy.exp(-x))
    >>> _vanishes(sympy.diff(s, x) - s * (1 - s)), _vanishes(sympy.diff(s, x) - s)
    (True, False)
    """
    if not d.has(*_TRANSCENDENTAL):
        return sympy.expand(d) == 0
    if _clearly_nonzero(d, model):
        return False
    if d.has(*_HYPERBOLIC) and _as_unknowns(d, _HYPERBOLIC) == 0:
        return True  # tanh' = 1 − tanh²: most tanh identities cancel with each tanh an unknown, before any exp
    e = d.rewrite(sympy.exp)
    if _as_unknowns(e) == 0:
        return True
    return sympy.simplify(e) == 0


def _clearly_nonzero(d, model: Model | None) -> bool:
    """Whether ``d`` is clearly not 0 at a point with every leaf in (0, 1/10] (generic functions by their stand-ins,
    which stay in (0, 1) there); False when the value is not a real number or close to 0. Only a shortcut: a
    difference found here is refuted only at a point ``refute`` finds exactly and the oracle confirms."""
    rng = random.Random(7)
    leaves = model.atoms.leaves(d) if model is not None else d.free_symbols
    point = {s: sympy.Rational(rng.randint(1, 9), 10 * rng.randint(9, 18)) for s in leaves}
    try:
        with mpmath.workdps(50):
            value = mpmath.mpmathify(_walk(model.atoms.numeric(d, point) if model is not None else d.xreplace(point)))
    except (ZeroDivisionError, TypeError, ValueError, OverflowError):
        return False
    return isinstance(value, mpmath.mpf) and mpmath.isfinite(value) and abs(value) > mpmath.mpf(10) ** -20


_MPMATH = {sympy.exp: mpmath.exp, sympy.log: mpmath.log, sympy.tanh: mpmath.tanh, sympy.cosh: mpmath.cosh,
           sympy.sinh: mpmath.sinh, sympy.sech: mpmath.sech}


def _walk(x):
    """The value of a closed expression ``x`` in mpmath at the working precision: a walk over its tree, some twenty
    times faster than ``sympy.N`` on the sums of exponentials a softmax gives (anything else by ``sympy.N``)."""
    if x.is_Rational:
        return mpmath.mpf(int(x.p)) / int(x.q)
    if x.is_Add or x.is_Mul:
        values = [_walk(a) for a in x.args]
        out = values[0]
        for v in values[1:]:
            out = out + v if x.is_Add else out * v
        return out
    if x.is_Pow:
        base, exponent = x.args
        return _walk(base) ** (int(exponent) if exponent.is_Integer else _walk(exponent))
    if x.func in _MPMATH:
        return _MPMATH[x.func](_walk(x.args[0]))
    return mpmath.mpmathify(sympy.N(x, mpmath.mp.dps))


def _as_unknowns(e, opaque: tuple = ()):
    """``e`` with exp(n a + m b) = E_a^n E_b^m for whole n, m (an unknown E per term of the exponent), each log(a)
    an unknown, and each atom f(a) with f in ``opaque`` an unknown of f and its (expanded) argument, cancelled as a
    rational function: 0 only if ``e`` is 0 identically (unknowns taken as independent can only keep a zero from
    showing, never show one that is not). ``e`` itself when other transcendental atoms remain."""
    unknowns: dict = {}

    def unknown(term):
        if term not in unknowns:
            unknowns[term] = sympy.Dummy("E")
        return unknowns[term]

    def key(arg):
        out = sympy.Integer(1)
        for term in sympy.Add.make_args(sympy.expand(arg)):
            coeff, rest = term.as_coeff_Mul()
            out *= unknown(rest) ** coeff if coeff.is_Integer else unknown(term)
        return out

    kinds = (sympy.exp, sympy.log, *opaque)
    atoms: dict = {}
    for _ in range(8):  # innermost first: an exp inside a log's argument, a log inside an exp
        inner = [f for f in e.atoms(*kinds) if not f.args[0].has(*kinds)]
        if not inner:
            break
        repl = {}
        for f in inner:
            if isinstance(f, sympy.exp):
                repl[f] = key(f.args[0])
            else:
                repl[f] = atoms.setdefault((f.func, sympy.expand(f.args[0])), sympy.Dummy("Lg"))
        e = e.xreplace(repl)
    if e.has(*_TRANSCENDENTAL):
        return e
    return _rational_zero(e)


def _rational_zero(e):
    """0 if ``e`` is 0 as a rational function of its symbols and function atoms (each an indeterminate), else
    ``e``. The field of rational functions (``sfield``) decides this exactly, about five times faster than
    ``cancel(together(e))``, which also finds the cancelled form nobody reads; an expression the field cannot hold
    falls back to ``cancel``. Atoms taken as independent can only make a zero look nonzero, never the reverse."""
    try:
        _, element = sfield(e)
    except (sympy.polys.polyerrors.PolynomialError, sympy.polys.polyerrors.CoercionFailed, NotImplementedError):
        return sympy.cancel(sympy.together(e))
    return sympy.Integer(0) if element == 0 else e


#: Trial points of a refutation: drawn from ±9/2 first, then (when some of those fall outside the domain of the
#: notes' functions, a log of a negative number) from (0, 1/10], where the stand-ins of generic functions and
#: the network's values stay small and positive (a generic σ's stand-in then lies in (0, 1), as a logistic's).
_TRIALS = 12


def refute(model: Model, lv, rv, bind: dict, entry, side: int, eq: Equation | None = None,
           layout: str = "denominator", fixed: dict | None = None,
           outside_domain: list | None = None) -> Counterexample | None:
    """An exact point where ``lv`` ≠ ``rv`` (leaves rational, generic functions by stand-ins), confirmed by the
    independent numeric oracle (the claim re-evaluated there by central differences); None if none is found.
    ``fixed``: leaves a bar sets (|_{x_1 = 0}), held at their values in every trial point. A point at which a
    value is not a real number (the log of a negative number) is outside the domain and skipped, never a
    verdict; ``outside_domain`` collects how many were (a reason for an undecided claim)."""
    from .graphoracle import OutsideDomain, confirm, oracle_sides

    rng = random.Random(14)
    free = model.atoms.leaves(lv) | model.atoms.leaves(rv)
    leaves = sorted((s for s in free if s in model.names), key=str)
    others = sorted((s for s in model.names if s not in model.defs and s not in free), key=str)
    rest = random.Random(15)  # the leaves the two sides do not reach: the oracle computes every node, they need values
    skipped = 0
    for trial in range(2 * _TRIALS):
        if trial == _TRIALS and not skipped:
            break
        small = trial >= _TRIALS
        point = {s: (sympy.Rational(rng.randint(1, 9), 10 * rng.randint(9, 18)) if small else
                     sympy.Rational(rng.randint(-9, 9) or 1, rng.randint(2, 7))) for s in leaves}
        consts = {s: sympy.Rational(rng.randint(1, 9), 10) for s in free if s not in model.names}
        point.update(consts)
        point.update(fixed or {})  # a bar's point: x_1 = 0 (the oracle evaluates every side there)
        whole = {s: (sympy.Rational(rest.randint(1, 9), 10 * rest.randint(9, 18)) if small else
                     sympy.Rational(rest.randint(-9, 9) or 1, rest.randint(2, 7))) for s in others}
        whole.update(point)
        a = model.atoms.numeric(lv, point)
        b = model.atoms.numeric(rv, point)
        av, bv = sympy.N(a, 40), sympy.N(b, 40)
        if not (_real(av) and _real(bv) and _in_domain(model, (lv, rv), point)):
            skipped += 1
            continue
        if abs(av - bv) <= sympy.Float(10) ** -25 * (1 + abs(av) + abs(bv)):
            continue
        try:
            if not confirm(model, lv, rv, whole):
                continue
        except OutsideDomain:
            skipped += 1
            continue
        if eq is not None and not _oracle_differs(eq, model, layout, bind, whole, entry, side, oracle_sides):
            continue
        shown = {str(k): str(v) for k, v in point.items()}
        return Counterexample(
            instance=(binding_words(bind) + (f"entry {entry}, " if entry else "") + f"side {side + 1} against side 1").strip(),
            layer=None, indices=tuple(bind.values()), point=shown,
            lhs=_text(a), rhs=_text(b),
            lhs_value=float(av), rhs_value=float(bv),
            activation=STAND_IN_TEXT if any(model.atoms.is_atom(s) for s in
                                            sympy.sympify(lv - rv).free_symbols) else "")
    if outside_domain is not None:
        outside_domain.append(skipped)
    return None


def _real(v) -> bool:
    """Whether a numeric value is a finite real number (not a log of a negative number, not a division by 0)."""
    return bool(v.is_real) and bool(v.is_finite)


def _in_domain(model: Model, exprs: tuple, point: dict) -> bool:
    """Whether every log in ``exprs`` takes a positive number and every root a non-negative one at ``point``
    (log(y_1) − log(y_2) is real at y_1, y_2 < 0, but there the notes' log is not defined)."""
    for e in map(sympy.sympify, exprs):
        logs = [g.args[0] for g in e.atoms(sympy.log)]
        roots = [p.base for p in e.atoms(sympy.Pow) if p.exp.is_Rational and not p.exp.is_Integer]
        for arg, positive in [(a, True) for a in logs] + [(a, False) for a in roots]:
            v = sympy.N(model.atoms.numeric(arg, point), 30)
            if not _real(v) or v < 0 or (positive and v == 0):
                return False
    return True


def domain_words(outside_domain: list) -> str:
    n = sum(outside_domain)
    if not n:
        return ""
    return (f" ({n} trial point{'s' if n != 1 else ''} fell outside the domain of the notes' functions: a value "
            "there is not a real number, such as the log of a negative number)")


def _oracle_differs(eq, model, layout, bind, point, entry, side, oracle_sides) -> bool:
    try:
        sides = oracle_sides(eq, model, layout, bind, point=point)
    except Exception:  # noqa: BLE001 - an oracle that cannot evaluate confirms nothing
        return False
    a, b = sides[0], sides[side]
    if isinstance(a, list) != isinstance(b, list):  # a 1×1 matrix beside a number: that number (``graphoneentry``)
        a, b = (a[0] if isinstance(a, list) and len(a) == 1 else a), (b[0] if isinstance(b, list) and len(b) == 1 else b)
    if entry:
        a, b = _entry(a, entry, eq, model, layout, bind), _entry(b, entry, eq, model, layout, bind)
    if isinstance(a, list) or isinstance(b, list):
        return False
    return abs(a - b) > 1e-15 * (1 + abs(a) + abs(b))


def _entry(values, entry, eq, model, layout, bind):
    if not isinstance(values, list):
        return values
    ev = Evaluator(model, layout, bind)
    ev.forms = derivative_forms(eq)
    cols = ev.value(eq.sides[0]).shape[1]
    r, c = entry
    return values[(r - 1) * cols + (c - 1)]


def _text(v) -> str:
    # exact when it fits, ≈ 1.23e4301 past bignum.SHOWN_DIGITS (Python prints no integer of 4301 digits)
    if v.is_Rational:
        return ratio(Fraction(int(v.p), int(v.q)))
    n = sympy.N(v, 20)
    if n.is_Float and n and abs(n._mpf_[2] + n._mpf_[3]) > NSTR_EXPONENT_BITS:  # e^(−10^1000): printing takes hours
        return decimal(n._to_mpmath(70), 20)
    return str(n)

