r"""Scalar identities of the activation in a free variable z: σ'(z) = σ(z)(1 − σ(z)).

Formulas from the formula sheets (seed 001) that talk about the activation
itself, not about a network. Both sides are built as SymPy expressions with
constructors; σ'(u) is the derivative of σ's definition (the ground truth),
never a remembered rule. A named activation is decided exactly: written
through t = e^z both sides are rational functions of t, and their difference
cancels to 0 or it does not; a kinked σ (relu, σ'(0) = 0 by convention) is
decided the same way on each piece, z > 0, z < 0 and z = 0. A generic σ holds
only what holds for every differentiable function; otherwise the core's
stand-in σ(t) = t + t²/2 + t³/6 gives an exact counterexample.

>>> check_scalar_text(r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "sigmoid")[0]
'holds'
>>> check_scalar_text(r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "generic")[0]
'refuted'
>>> check_scalar_text(r"\sigma(z) = z \sigma'(z)", "relu")[0]
'holds'
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
_NAMED = {"tanh": sympy.tanh, "log": sympy.log, "cosh": sympy.cosh, "sinh": sympy.sinh, "sech": sympy.sech}
#: Where a scalar counterexample is sought for the bare scalars other than z.
_OTHER_POINTS = {"a": sympy.Rational(3, 7), "y": sympy.Rational(-2, 5)}
_POINT = sympy.Rational(1, 3)
#: Points of z a refutation tries after z = 1/3: a piecewise σ (relu) differs from a wrong side only on one piece.
_POINTS = (_POINT, -_POINT, sympy.Integer(2), sympy.Integer(-2))
#: The pieces of a kinked σ: z of each sign, and the kink itself (σ'(0) = 0, the documented convention).
_PIECES = (("z > 0", sympy.Symbol("z", positive=True)), ("z < 0", sympy.Symbol("z", negative=True)),
           ("z = 0", sympy.Integer(0)))


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
        if node.den.role == "z" and any(isinstance(q, Quantity) and q.role == "a" for q in walk(node.arg)):
            # d/dz of a bare a: a = σ(z) is meant (then it is σ'(z)) or a free a (then 0); neither is said, and
            # reading it as a free a refuted d/dz a = σ'(z); ∂a/∂z is uninterpretable too ("a needs a layer")
            raise Uninterpretable(f"{to_latex(node)}: a bare a differentiated by z (write σ(z), or a^l_j and z^l_j)")
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
        if node.func == "relu":  # \max(0, z)
            return sympy.Max(0, arg)
        if node.func == "sigma":
            return sigma(arg) if node.primes == 0 else sigma_prime(arg)
        if node.func == "log" and (arg.is_nonpositive or arg.is_extended_nonpositive):
            # log(−σ(z)) under the sigmoid: no real number; SymPy's principal log would cancel the iπ (review rv35 A3)
            raise Uninterpretable(f"{to_latex(node)}: the log of a number that is never positive is not a real number")
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
    if d != 0 and d.has(sympy.log):
        d = sympy.cancel(sympy.together(sympy.expand(_split_logs(d.subs(Z, sympy.log(t))))))
    return d == 0


def _split_logs(d: sympy.Expr) -> sympy.Expr:
    # log of a product of positive factors is the sum of their logs (softplus: log(1 + 1/t) = log(1 + t) − log t).
    # A log whose factors are not all known positive is left whole, so nothing unsound is split.
    def split(arg):
        factors = sympy.factor(sympy.together(arg)).as_powers_dict()
        if not all(base.is_positive for base in factors):
            return sympy.log(arg)
        return sympy.Add(*[power * sympy.log(base) for base, power in factors.items() if base != 1])
    return d.replace(sympy.log, split)


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
    sigma, sigma_prime = _functions(act)
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    if len(sides) < 2:
        raise Uninterpretable("this is not an equation (no '=' between two expressions)")
    exprs = [_build(s, sigma, sigma_prime) for s in sides]
    flat = _flat_divisor(sides, act, sigma, sigma_prime)
    status, reason, cx = _compare(sides, exprs, act, sigma, sigma_prime)
    if flat and status != "refuted":  # equal where defined (or not shown to differ), undefined on an interval
        return "undecided", flat + (f"; {reason}" if status == "undecided" else ""), None
    return status, reason, cx


def _flat_divisor(sides, act, sigma, sigma_prime) -> str:
    # A division by something 0 on a whole interval of z: relu's σ(z) or σ'(z) for z < 0, or σ'(z) of a generic σ,
    # which may be flat on an interval. SymPy cancels σ'(z)/σ'(z) to 1 as it builds the quotient, so each
    # denominator is looked at before (review rv42a A3: σ(z)σ'(z)/σ'(z) = σ(z) held for every σ, and for relu).
    for node in (n for side in sides for n in walk(side) if isinstance(n, Div)):
        den = _build(node.den, sigma, sigma_prime)
        if act.is_generic:
            prime = sigma_prime(Z).func
            if den.has(prime) and sympy.simplify(den.replace(lambda e: e.func == prime, lambda e: 0)) == 0:
                return (f"it divides by {to_latex(node.den)}, which is 0 wherever σ is flat (a generic σ is every "
                        "differentiable function, and one constant on an interval has σ'(z) = 0 there): the formula "
                        "is undefined on that interval, and symbp does not read 0/0 as a value")
            value = _constant_root(den, sigma(Z).func, prime)
            if value is not None:  # review rv44 A5: σ(z)σ'(z)/σ(z) = σ'(z) held for every σ, though σ may be 0
                return (f"it divides by {to_latex(node.den)}, which is 0 wherever σ is constant at {value} on an "
                        "interval (a generic σ is every differentiable function, and one such is among them): the "
                        "formula is undefined there, and symbp does not read 0/0 as a value")
        if den.has(sympy.Max) and not _kinked(act):  # \max(0, z) under any σ: 0 for every z < 0 (review rv44 A4)
            for name, at in _PIECES[:2]:
                if den.has(Z) and _piece_zero(den.subs(Z, at)):
                    return (f"it divides by {to_latex(node.den)}, which is 0 for every {name}: the formula is "
                            "undefined there, and symbp does not read 0/0 as a value")
        if den.has(sympy.Max) and sympy.simplify(den.replace(lambda e: isinstance(e, sympy.Max), lambda e: 0)) == 0:
            # \max(0, u) is 0 wherever u ≤ 0, a whole region for max(0, 1 - z) or max(0, σ(z) - 1) (review rv44 A4)
            return (f"it divides by {to_latex(node.den)}, which is 0 wherever the argument of its \\max is ≤ 0 (a "
                    "whole region of z): the formula is undefined there, and symbp does not read 0/0 as a value")
        if act.is_generic:
            continue
        if _kinked(act):
            for name, at in _PIECES[:2]:
                if den.has(Z) and _piece_zero(den.subs(Z, at)):
                    return (f"it divides by {to_latex(node.den)}, which {act.name} makes 0 for every {name}: the "
                            "formula is undefined there, and symbp does not read 0/0 as a value")
    return ""


def _constant_root(den, sigma_func, prime_func):
    """A value c such that ``den`` is 0 for every z of an interval where a generic σ is the constant c (σ' = 0
    there), or None: the denominator with σ'(z) at 0 and σ(z) a symbol s, looked at for a real root in s (z at a
    few values, for a z beside σ)."""
    s = sympy.Symbol("s")
    flat = den.replace(lambda e: e.func == prime_func, lambda e: 0)
    if not flat.has(sigma_func):
        return None
    flat = flat.replace(lambda e: e.func == sigma_func, lambda e: s)
    for at in (sympy.Rational(1, 3), sympy.Integer(2), sympy.Rational(-1, 2)):
        try:
            poly = sympy.Poly(sympy.together(flat.subs(Z, at)).as_numer_denom()[0], s)
        except sympy.PolynomialError:
            return None  # not a polynomial in σ: not looked at
        roots = [r for r in sympy.real_roots(poly)] if poly.degree() > 0 else []
        if roots:
            return roots[0]
    return None


def _compare(sides, exprs, act, sigma, sigma_prime):
    kinked = _kinked(act) or any(e.has(sympy.Max) for e in exprs)  # relu written \max(0, z) under any σ
    if _kinked(act):
        vanishing = _vanishing_divisor(sides, sigma, sigma_prime)
        if vanishing is not None:  # refuted where it is defined, else undecided (layouts3, rv42c 3)
            name, reason = vanishing
            points = tuple(p for p in _POINTS if (p < 0) == (name == "z > 0"))
            for k in range(2, len(sides) + 1):
                status, why, cx = _refute(sides, k, act, points=points)
                if status == "refuted":
                    return status, why, cx
            return "undecided", reason, None
    undefined = []  # the sides undefined at the kink (σ(z)/z of relu), equal to the first everywhere else
    for k, e in enumerate(exprs[1:], start=2):
        diff = exprs[0] - e
        if diff == 0 or sympy.expand(diff) == 0 or (not act.is_generic and _canonical_zero(diff)):
            continue
        if kinked:
            failing = [name for name, at in _PIECES if not _piece_zero(diff.subs(Z, at))]
            if not failing:
                continue
            derived = [any(isinstance(n, Derivative) for n in walk(sides[i])) for i in (0, k - 1)]
            if failing == ["z = 0"] and any(derived) and not all(derived):
                # review rv44 B5: d/dz relu(z) has no value at the kink (relu is not differentiable at 0): the side
                # that differentiates is read where defined, never refuted there by the convention σ'(0) = 0
                undefined.append(1 if derived[0] else k)
                continue
            if failing == ["z = 0"] and any(_undefined_at_zero(x) for x in (exprs[0], e)):
                # review (layouts, finding 6): relu's σ'(z) = σ(z)/z is true for z ≠ 0 and means nothing at z = 0
                # (0/0): read where defined, as a network's division by z^l_j is (``interpret._divisor_vanishing``),
                # never refuted by the convention σ'(0) = 0 (before: undecided, "differs symbolically")
                undefined.append(1 if _undefined_at_zero(exprs[0]) else k)
                continue
            if failing == ["z = 0"]:  # equal on both sides of the kink, not at it: the convention decides
                status, reason, cx = _refute(sides, k, act, points=(sympy.Integer(0),))
                if status == "refuted":
                    reason += (" (the kink, where σ'(0) = 0 by symbp's documented convention; the two sides agree "
                               "for every z ≠ 0)")
                return status, reason, cx
        return _refute(sides, k, act, points=_POINTS if kinked else None)
    if undefined:
        return "holds", (f"exact for every z ≠ 0 with σ = {act.name} (on each piece, z > 0 and z < 0); at z = 0 side "
                         f"{undefined[0]} is undefined (it divides by 0): read where defined, as a division by z^l_j "
                         "in a network is"), None
    what = "every differentiable σ" if act.is_generic else f"σ = {act.name}, for every real z"
    if kinked:
        what += " (on each piece: z > 0, z < 0 and z = 0, where σ'(0) = 0 by convention)"
    return "holds", f"exact: the difference is 0 for {what}", None


def _vanishing_divisor(sides, sigma, sigma_prime):
    # review rv42c 3: SymPy cancels relu's σ(z)²/(z σ(z)) to σ(z)/z as it builds it, so the division by σ(z), 0 for
    # every z < 0, was lost before the pieces were split (held as σ'(z); "= 1" refuted by a made-up 0 at z = −1/3).
    # A divisor that vanishes on a whole piece leaves the formula undefined there: undecided, naming it (as a
    # network's division by a^L_j that relu makes 0 is, ``interpret``), never decided on the other piece alone.
    for side in sides:
        for node in walk(side):
            if not isinstance(node, Div):
                continue
            den = _build(node.den, sigma, sigma_prime)
            for name, at in _PIECES[:2]:
                if _piece_zero(den.subs(Z, at)):
                    return name, (f"it divides by {to_latex(node.den)}, which is 0 for every {name}: the formula "
                                  "is undefined there (0/0 is not cancelled), so it is no identity of every z")
    return None


def _undefined_at_zero(expr) -> bool:
    # a side with no value at the kink z = 0 (a division by z there): nan or an infinity
    at = expr.subs(Z, 0)
    return bool(at.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo) or at.is_finite is False)


def _functions(act):
    # σ and σ' as SymPy functions: σ' differentiated from σ's definition (the ground truth). A kink's
    # derivative (relu's Heaviside step) takes the documented convention σ'(0) = 0.
    if act.is_generic:
        return act.expr, act.prime
    u = sympy.Symbol("u", real=True)
    derivative = sympy.diff(act.expr(u), u).replace(sympy.Heaviside, lambda x, *_: sympy.Heaviside(x, 0))
    return act.expr, (lambda a: derivative.subs(u, a))


def _kinked(act) -> bool:
    u = sympy.Symbol("u", real=True)
    return not act.is_generic and act.expr(u).has(sympy.Max, sympy.Min, sympy.Piecewise, sympy.Abs)


def _piece_zero(d: sympy.Expr) -> bool:
    # On one piece every σ of ±z has collapsed to a polynomial (else it stays unresolved: not zero).
    if d.has(sympy.Max, sympy.Min, sympy.Heaviside, sympy.Piecewise, sympy.Abs):
        return False
    return sympy.cancel(sympy.together(sympy.expand(d))) == 0


def _refute(sides, k: int, act, points=None):
    from ..counterexample import _stand_in

    if act.is_generic:
        f, fp, text = _stand_in("sigma")
        sigma, sigma_prime, note = f, fp, text
    else:
        (sigma, sigma_prime), note = _functions(act), f"σ = {act.name}"
    names = {v: n for n, v in SCALARS.items()}
    # z = 1/3 first; a kinked σ also at points of the other sign (the kink itself only when asked: ``points``).
    tried = []
    for at in points or (_POINTS if _kinked(act) else (_POINT,)):
        lhs, rhs = _build(sides[0], sigma, sigma_prime), _build(sides[k - 1], sigma, sigma_prime)
        used = sorted((lhs.free_symbols | rhs.free_symbols) & set(names), key=lambda v: names[v])
        point = {v: at if names[v] == "z" else _OTHER_POINTS[names[v]] for v in used}
        where = ", ".join(f"{names[v]} = {point[v]}" for v in used) or "any point"
        tried.append(where)
        lhs, rhs = lhs.subs(point), rhs.subs(point)
        lv, rv = sympy.N(lhs, 50), sympy.N(rhs, 50)
        if not (lv.is_real and rv.is_real) or abs(lv - rv) <= sympy.Float(10) ** -30 * (1 + abs(lv) + abs(rv)):
            continue
        cx = Counterexample(
            instance=f"{where}, side {k} against side 1", layer=None, indices=(),
            point={names[v]: str(point[v]) for v in used},
            lhs=str(lhs if lhs.is_Rational else sympy.N(lhs, 25)),
            rhs=str(rhs if rhs.is_Rational else sympy.N(rhs, 25)),
            lhs_value=float(lv), rhs_value=float(rv), activation=note,
        )
        return "refuted", f"side {k} differs from side 1 at {where}", cx
    return "undecided", f"side {k} differs from side 1 symbolically, but not at {'; '.join(tried)}", None


def check_scalar_text(text: str, activation: str = "generic"):
    from .reader import read

    return check_scalar(read(text), activation)
