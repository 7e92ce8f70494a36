r"""Scalar identities of the activation in a free variable z: σ'(z) = σ(z)(1 − σ(z)).

Formulas from the formula sheets (seed 001) that talk about the activation
itself, not about a network. Both sides are built as SymPy expressions with
constructors; σ'(u) is the derivative of σ's definition (the ground truth),
never a remembered rule. A named activation is decided exactly: written
through t = e^z both sides are rational functions of t, and their difference
cancels to 0 or it does not. A generic σ holds only what holds for every
differentiable function; otherwise the core's stand-in σ(t) = t + t²/2 + t³/6
gives an exact counterexample.

>>> check_scalar_text(r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "sigmoid")[0]
'holds'
>>> check_scalar_text(r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "generic")[0]
'refuted'
"""

from __future__ import annotations

import sympy

from .. import functions
from ..certificate import Counterexample
from ..general.reduction import ReductionTimeout, deadline
from .interpret import Uninterpretable
from .nodes import Add, Apply, Cdots, Derivative, Div, Equation, Hadamard, Mul, Neg, Num, Pow, Quantity, Transpose, to_latex, walk

Z = sympy.Symbol("z", real=True)
#: The bare scalars a scalar formula may name.
SCALARS = {"z": Z, "a": sympy.Symbol("a", real=True), "y": sympy.Symbol("y", real=True)}
#: Functions a scalar formula may name besides σ: their derivatives come from differentiating them.
_NAMED = {"tanh": sympy.tanh, "log": sympy.log}
#: Where a scalar counterexample is sought: a rational point for each bare scalar.
_POINTS = {"z": sympy.Rational(1, 3), "a": sympy.Rational(3, 7), "y": sympy.Rational(-2, 5)}


def is_scalar(eq: Equation) -> bool:
    r"""True for a formula in bare scalars (z, and a, y: no layer, no index) that applies σ or differentiates.

    ``\sigma'(z) = \sigma(z)(1-\sigma(z))``, ``\frac{\partial}{\partial a} \frac12 (a-y)^2 = a - y``.
    """
    qs = [n for n in walk(eq) if isinstance(n, Quantity)]
    bare = bool(qs) and all(q.layer is None and not q.indices for q in qs)
    if not bare or not all(q.role in ("z", "a", "y") for q in qs):
        return False
    if any(isinstance(n, Derivative) for n in walk(eq)):
        return True
    return all(q.role == "z" for q in qs) and any(isinstance(n, Apply) for n in walk(eq))


def _build(node, sigma, sigma_prime):
    """A SymPy expression for ``node`` (constructors only)."""
    rec = lambda n: _build(n, sigma, sigma_prime)  # noqa: E731
    if isinstance(node, Quantity):
        return SCALARS[node.role]
    if isinstance(node, Derivative):
        return sympy.diff(rec(node.arg), SCALARS[node.den.role])
    if isinstance(node, Num):
        return sympy.Rational(node.value.numerator, node.value.denominator)
    if isinstance(node, Add):
        return sympy.Add(*[rec(t) for t in node.terms])
    if isinstance(node, Neg):
        return -rec(node.arg)
    if isinstance(node, (Mul, Hadamard)):
        factors = node.factors if isinstance(node, Mul) else (node.left, node.right)
        if any(isinstance(f, Cdots) for f in factors):
            raise Uninterpretable(r"\cdots in a scalar formula")
        return sympy.Mul(*[rec(f) for f in factors])
    if isinstance(node, Div):
        return rec(node.num) / rec(node.den)
    if isinstance(node, Pow):
        return rec(node.base) ** node.exp
    if isinstance(node, Transpose):
        return rec(node.arg)
    if isinstance(node, Apply):
        arg = rec(node.arg)
        if node.func == "exp":
            return sympy.exp(arg)
        if node.func == "sigma":
            return sigma(arg) if node.primes == 0 else sigma_prime(arg)
        if node.func in _NAMED:
            u = sympy.Symbol("u", real=True)
            f = _NAMED[node.func](u)
            return (f if node.primes == 0 else sympy.diff(f, u)).subs(u, arg)  # f' by differentiating f
        raise Uninterpretable(f"{to_latex(node)} is not read in a scalar formula")
    raise Uninterpretable(f"{type(node).__name__} is not read in a scalar formula")


def _canonical_zero(diff: sympy.Expr) -> bool:
    # Write exponentials through t = e^z: the difference is a rational function of t.
    t = sympy.Symbol("t", positive=True)
    d = diff.rewrite(sympy.exp)
    d = d.subs(sympy.exp(-Z), 1 / t).subs(sympy.exp(Z), t)
    if d.has(Z) and not d.has(sympy.Function):
        d = sympy.expand(d)
    d = sympy.cancel(sympy.together(d))
    return d == 0


def sympy_sides(eq: Equation, activation: str) -> list:
    """The sides of a scalar formula as SymPy expressions, σ as ``activation`` (σ' by differentiating σ)."""
    act = functions.activation(activation)
    u = sympy.Symbol("u", real=True)
    if act.is_generic:
        sigma, sigma_prime = act.expr, act.prime
    else:
        derivative = sympy.diff(act.expr(u), u)
        sigma, sigma_prime = act.expr, (lambda a: derivative.subs(u, a))
    return [_build(s, sigma, sigma_prime) for s in eq.sides if not isinstance(s, Cdots)]


def check_scalar(eq: Equation, activation: str, budget: float = 30.0):
    """(status, reason, counterexample) for a scalar identity under ``activation``, within ``budget`` seconds.

    SymPy's simplification is interrupted when the budget runs out (a timer
    signal, as in ``general.reduction.deadline``); the verdict is then
    ``undecided`` with the reason.
    """
    try:
        with deadline(budget):
            return _check_scalar(eq, activation)
    except ReductionTimeout:
        return "undecided", f"the time budget of {budget:g} s ran out while simplifying the scalar identity", None


def _check_scalar(eq: Equation, activation: str):
    act = functions.activation(activation)
    u = sympy.Symbol("u", real=True)
    if act.is_generic:
        sigma, sigma_prime = act.expr, act.prime
    else:
        derivative = sympy.diff(act.expr(u), u)  # the ground truth: differentiate the definition
        sigma, sigma_prime = act.expr, (lambda a: derivative.subs(u, a))
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    if len(sides) < 2:
        raise Uninterpretable("this is not an equation (no '=' between two expressions)")
    exprs = [_build(s, sigma, sigma_prime) for s in sides]
    for k, e in enumerate(exprs[1:], start=2):
        diff = exprs[0] - e
        if diff == 0 or sympy.expand(diff) == 0 or (not act.is_generic and _canonical_zero(diff)):
            continue
        return _refute(sides, k, act)
    what = "every differentiable σ" if act.is_generic else f"σ = {act.name}, for every real z"
    return "holds", f"exact: the difference is 0 for {what}", None


def _refute(sides, k: int, act):
    from ..counterexample import _stand_in

    if act.is_generic:
        f, fp, text = _stand_in("sigma")
        sigma, sigma_prime, note = f, fp, text
    else:
        u = sympy.Symbol("u", real=True)
        derivative = sympy.diff(act.expr(u), u)
        sigma, sigma_prime, note = act.expr, (lambda a: derivative.subs(u, a)), f"σ = {act.name}"
    lhs, rhs = _build(sides[0], sigma, sigma_prime), _build(sides[k - 1], sigma, sigma_prime)
    names = {v: n for n, v in SCALARS.items()}
    used = sorted((lhs.free_symbols | rhs.free_symbols) & set(names), key=lambda v: names[v])
    point = {v: _POINTS[names[v]] for v in used}
    where = ", ".join(f"{names[v]} = {point[v]}" for v in used) or "any point"
    lhs, rhs = lhs.subs(point), rhs.subs(point)
    lv, rv = sympy.N(lhs, 50), sympy.N(rhs, 50)
    if not (lv.is_number and rv.is_number) or abs(lv - rv) <= sympy.Float(10) ** -30 * (1 + abs(lv) + abs(rv)):
        return "undecided", f"side {k} differs from side 1 symbolically, but not at {where}", None
    cx = Counterexample(
        instance=f"{where}, side {k} against side 1", layer=None, indices=(),
        point={names[v]: str(point[v]) for v in used},
        lhs=str(lhs if lhs.is_Rational else sympy.N(lhs, 25)),
        rhs=str(rhs if rhs.is_Rational else sympy.N(rhs, 25)),
        lhs_value=float(lv), rhs_value=float(rv), activation=note,
    )
    return "refuted", f"side {k} differs from side 1 at {where}", cx


def check_scalar_text(text: str, activation: str = "generic"):
    from .reader import read

    return check_scalar(read(text), activation)
