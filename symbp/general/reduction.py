r"""Reducing an equality between index expressions of symbolic size to 0.

The all-sizes proofs (``general``) state every step as ``lhs = rhs`` over
``Indexed`` quantities, ``Sum``\ s with symbolic upper limits (layer sizes
n_l) and ``KroneckerDelta``\ s. This module decides such a step by putting
``lhs - rhs`` into a normal form and comparing it with 0:

* sums are split over ``+`` and factors free of the summation index are
  pulled out;
* a sum whose summand carries ``KroneckerDelta(k, x)`` collapses to the
  summand at ``k = x``, **but only when the range facts imply 1 ≤ x ≤ n**
  (the index-range assumptions, e.g. 1 ≤ j ≤ n_l); otherwise the collapse
  keeps its condition as a ``Piecewise`` and the difference stays non-zero;
* summation indices are renamed canonically by depth, so that
  Σ_i w_{ij} δ_i and Σ_k w_{kj} δ_k are the same object and cancel.

Only rewrites that are identities are applied, so a remainder of exactly 0
proves the step; a non-zero remainder proves nothing either way (``general``
then looks for a concrete counterexample).

>>> import sympy
>>> n = sympy.Symbol("n", integer=True, positive=True)
>>> j, k = sympy.symbols("j k", integer=True, positive=True)
>>> a = sympy.IndexedBase("a")
>>> s = sympy.Sum(sympy.KroneckerDelta(j, k) * a[k], (k, 1, n))
>>> remainder(s, a[j], [Range(j, 1, n)])
0
>>> remainder(s, a[j], [])  # without 1 <= j <= n the collapse is not allowed
Piecewise((a[j], j <= n), (0, True)) - a[j]
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

import sympy
from sympy import Add, KroneckerDelta, Mul, Piecewise, Sum
from sympy.core.relational import Relational

from ..errors import IdentityError


class ReductionTimeout(Exception):
    """The time budget of a reduction ran out."""


@dataclass(frozen=True)
class Range:
    """The range fact lo ≤ index ≤ hi (all integers)."""

    index: sympy.Symbol
    lo: sympy.Expr
    hi: sympy.Expr

    def latex(self) -> str:
        return rf"{sympy.latex(self.lo)} \le {sympy.latex(self.index)} \le {sympy.latex(self.hi)}"


@contextmanager
def deadline(seconds: float | None):
    """Interrupt the body with ``ReductionTimeout`` after ``seconds``.

    SymPy is pure Python, so a timer signal can stop it anywhere; off the main
    thread, or without ``setitimer`` (Windows), the body runs unbounded and
    callers check the clock between steps instead.
    """
    if (seconds is None or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    fired = []

    def on_alarm(signum, frame):
        fired.append(True)
        raise ReductionTimeout(f"the time budget of {seconds:.3g} s ran out")

    # Respect a timer someone else set: fire at the earlier of the two, and
    # give theirs back (less the time spent here) afterwards.
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left < seconds:
        yield
        return
    previous = signal.signal(signal.SIGALRM, on_alarm)
    t0 = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
        if fired:  # raised where it was swallowed (a garbage-collector callback, a __del__): the budget still ran out
            raise ReductionTimeout(f"the time budget of {seconds:.3g} s ran out")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.perf_counter() - t0), 1e-3))


def remainder(lhs: sympy.Expr, rhs: sympy.Expr, ranges, hypotheses: dict | None = None) -> sympy.Expr:
    """The normal form of ``lhs - rhs`` under ``ranges``; 0 proves ``lhs = rhs``.

    ``hypotheses`` maps expressions to values they are assumed equal to
    (e.g. Σ_k y_k ↦ 1); both sides are put in normal form first.
    """
    facts = list(ranges)
    diff = normal_form(lhs - rhs, facts)
    if hypotheses:
        subs = {normal_form(k, facts): v for k, v in hypotheses.items()}
        diff = normal_form(diff.xreplace(subs), facts)
    return diff


def normal_form(expr: sympy.Expr, facts) -> sympy.Expr:
    """Collapse, split and canonicalise every sum in ``expr`` (see module doc)."""
    expr = sympy.Integer(expr) if isinstance(expr, int) else expr  # internal expressions only, never user text
    clash = sorted(s.name for s in expr.free_symbols if s.name.startswith("_k"))
    if clash:  # the canonical summation indices are named _k0, _k1, ...: a free one would be captured
        raise IdentityError(f"a free symbol named {clash[0]} clashes with the canonical summation indices")
    out = sympy.expand(_nf(expr, list(facts)))
    out = _canonical(_fresh(out), 0)
    out = Add(*[_delta_substitute(t) for t in Add.make_args(sympy.expand(out))])
    if out != 0 and not out.has(Sum, Piecewise):
        out = sympy.cancel(sympy.together(out))  # rational functions: one fraction
    return out


def _delta_substitute(term):
    # δ_{jk} g(k) = δ_{jk} g(j): the delta is 0 unless j = k. Replace the
    # later-named index by the earlier one in the other factors.
    factors = list(Mul.make_args(term))
    for f in factors:
        if isinstance(f, KroneckerDelta) and all(isinstance(x, sympy.Symbol) for x in f.args):
            keep, drop = sorted(f.args, key=lambda x: x.name)
            rest = [g.xreplace({drop: keep}) if g is not f else g for g in factors]
            return Mul(*rest)
    return term


# -- range facts ---------------------------------------------------------------


def implied(gap: sympy.Expr, facts) -> bool:
    """True when ``gap >= 0`` follows from the facts (or the symbols' assumptions)."""
    gap = sympy.expand(gap)
    if gap.is_nonnegative:
        return True
    for f in facts:
        if f.index in gap.free_symbols:
            for known in (f.index - f.lo, f.hi - f.index):  # both are >= 0
                if sympy.expand(gap - known).is_nonnegative:
                    return True
    return False


def _relation_holds(rel: Relational, facts) -> bool:
    if isinstance(rel, (sympy.GreaterThan, sympy.StrictGreaterThan)):
        big, small = rel.lhs, rel.rhs
    elif isinstance(rel, (sympy.LessThan, sympy.StrictLessThan)):
        big, small = rel.rhs, rel.lhs
    else:
        return False
    strict = isinstance(rel, (sympy.StrictGreaterThan, sympy.StrictLessThan))
    # integers: a > b is a - b - 1 >= 0
    return implied(big - small - (1 if strict else 0), facts)


def _apply_facts(cond, facts):
    return cond.replace(
        lambda c: isinstance(c, Relational) and _relation_holds(c, facts),
        lambda c: sympy.true,
    )


def in_range(x: sympy.Expr, lo: sympy.Expr, hi: sympy.Expr, facts) -> bool:
    return implied(x - lo, facts) and implied(hi - x, facts)


# -- the normal form -----------------------------------------------------------


def _nf(e, facts):
    if isinstance(e, Sum):
        body = e.function
        for v, lo, hi in e.limits:  # innermost first
            inner = facts + [Range(v, lo, hi)]
            body = _collapse_sum(_nf(body, inner), v, lo, hi, facts)
        return body
    if isinstance(e, Piecewise):
        pieces = [(_nf(x, facts), _apply_facts(c, facts)) for x, c in e.args]
        return Piecewise(*pieces)
    if e.is_Atom or isinstance(e, (sympy.Indexed, sympy.IndexedBase)) or not e.args:
        return e
    return e.func(*[_nf(a, facts) for a in e.args])


def _delta_partner(factor, v):
    """If ``factor`` is KroneckerDelta(v, x) (either order) with x free of v, return x."""
    if isinstance(factor, KroneckerDelta):
        a, b = factor.args
        if not (a.is_integer and b.is_integer):  # δ(v, 1/2) is 0 for every integer v
            return None
        if a == v and v not in b.free_symbols:
            return b
        if b == v and v not in a.free_symbols:
            return a
    return None


def _collapse_sum(body, v, lo, hi, facts):
    """Σ_{v=lo}^{hi} body, split over +, constants out, Kronecker deltas collapsed."""
    out = []
    for term in Add.make_args(sympy.expand(body)):
        const, dep = [], []
        for f in Mul.make_args(term):
            (dep if v in f.free_symbols else const).append(f)
        const = Mul(*const)
        if not dep:
            # hi − lo + 1 terms, or none when hi < lo (an empty sum is 0,
            # never SymPy's reversed-sum convention)
            count = hi - lo + 1
            if not implied(count, facts):
                count = Piecewise((count, _apply_facts(sympy.Le(lo, hi + 1), facts)), (0, True))
            out.append(const * count)
            continue
        partner = None
        for f in dep:
            partner = _delta_partner(f, v)
            if partner is not None:
                dep.remove(f)
                break
        if partner is not None:
            value = _nf(Mul(*dep).xreplace({v: partner}), facts)
            if in_range(partner, lo, hi, facts):
                out.append(const * value)
            else:  # the collapse is only valid when lo <= partner <= hi
                cond = _apply_facts(sympy.And(sympy.Le(lo, partner), sympy.Le(partner, hi)), facts)
                out.append(const * Piecewise((value, cond), (0, True)))
            continue
        out.append(const * Sum(Mul(*dep), (v, lo, hi)))
    return Add(*out)


def _dummy(depth: int) -> sympy.Symbol:
    return sympy.Symbol(f"_k{depth}", integer=True, positive=True)


def _fresh(e):
    # Every bound index becomes a unique Dummy first, so the canonical renaming
    # below can never capture an index of an enclosing sum.
    if isinstance(e, Sum):
        (v, lo, hi), = e.limits
        d = sympy.Dummy(v.name, integer=True, positive=True)
        return Sum(_fresh(e.function).xreplace({v: d}), (d, lo, hi))
    if e.is_Atom or not e.args:
        return e
    return e.func(*[_fresh(a) for a in e.args])


def _canonical(e, depth):
    """Rename each summation index to ``_k<depth>`` so equal sums compare equal."""
    if isinstance(e, Sum):
        (v, lo, hi), = e.limits
        d = _dummy(depth)
        body = _canonical(e.function.xreplace({v: d}), depth + 1)
        return Sum(body, (d, lo, hi))
    if e.is_Atom or not e.args:
        return e
    return e.func(*[_canonical(a, depth) for a in e.args])


def timed_remainder(lhs, rhs, ranges, hypotheses=None, seconds: float | None = None):
    """(remainder or None, seconds, reason): ``None`` when the budget ran out."""
    t0 = time.perf_counter()
    try:
        with deadline(seconds):
            r = remainder(lhs, rhs, ranges, hypotheses)
        return r, time.perf_counter() - t0, ""
    except ReductionTimeout as exc:
        return None, time.perf_counter() - t0, str(exc)
