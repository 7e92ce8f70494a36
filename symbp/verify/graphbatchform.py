r"""How a claim about a cost over a mini-batch depends on the batch size m, and the sizes that decide it for every m.

A batch claim is checked on batch models of a few sizes (``graphbatch``); a claim that holds there must hold for
*every* m ≥ 1 (review 19 F1: a factor 1 + (m−1)(m−2)(m−3) is 1 at m = 1, 2, 3 only). This module reads the claim as
a *linear form in the samples*: each side a sum of terms c(m) · P, where c(m) is a rational function of m alone (1/m,
η/m's 1/m, (m−1)(m−2)(m−3)) and P is either a sum over the samples Σ_{t=1}^{m} B(t) of an m-free summand, or an
m-free expression (of the shared parameters and of the samples the claim names with a free letter); a derivative of
the batch cost J = (1/m) Σ_t L^{(t)} counts as 1/m times such a sum (or times one sample's term, for a derivative by
a quantity of one sample). m anywhere else (inside σ, a norm, a denominator with other quantities, a function m(…)),
a product of two sums over the samples, or a sum over the samples that does not run from 1 to m: not read.

Why a few sizes then decide every m (docs/graph.md, "Mini-batches"): multiply the difference of the two sides by the
common denominator Q(m) of the coefficients. Vary one sample that the claim does not name: only the sums over the
samples change, so the coefficient polynomials of the summands (degree ≤ d_U) vanish at every checked size, hence
identically once there are d_U + 1 sizes; then every unnamed sample contributes the same, and what remains is one
polynomial in m of degree N = max(d_U + 1, d_V), zero at N + 1 sizes, hence at all. The samples the claim names (F
free letters) are set apart, so the sizes are F + 1, …, F + N + 1 (with 1, 2, 3 always), and no size may make Q zero.

>>> from symbp.verify.graphread import read_graph as r
>>> from symbp.verify.graphbatch import batch_cost
>>> cost = batch_cost(r("J = \\frac{1}{m}\\sum_{t=1}^{m} L^{(t)}"), 4)
>>> sizes_for(r("\\frac{\\partial J}{\\partial W} = \\frac{1}{m}\\sum_{t=1}^{m} \\frac{\\partial L^{(t)}}{\\partial W}"),
...           cost, 0)
(1, 2, 3)
>>> sizes_for(r("\\frac{\\partial J}{\\partial W} = \\frac{(m-1)(m-2)(m-3) + 1}{m}\\sum_{t=1}^{m} "
...             "\\frac{\\partial L^{(t)}}{\\partial W}"), cost, 0)
(1, 2, 3, 4, 5)
"""

from __future__ import annotations

import sympy

from .graphnodes import Add, Call, Deriv, Div, Had, Mat, Mul, Nabla, Neg, Num, Pow, Sum, Sym, T
from .graphnodes import Equation, to_latex, walk

#: The largest mini-batch a claim is checked on (a batch model of 32 samples takes minutes).
MAX_SIZE = 8
#: More terms than this after multiplying out: not read.
_MAX_TERMS = 400

_M = sympy.Symbol("m", positive=True)


class NotLinear(ValueError):
    """The claim's dependence on the batch size is not one this module reads (the message says where)."""


def sizes_for(eq: Equation, cost, free: int, update: bool = False) -> tuple:
    """The batch sizes that decide ``eq`` for every m (see the module docstring): 1, 2, 3 and as many more as its
    dependence on m needs. ``free``: how many sample letters the claim leaves free; ``update``: an update rule (its
    step is compared with a multiple of ∂J/∂W). Raises ``NotLinear`` with the reason when the form is not read."""
    terms = [t for side in eq.sides for t in _terms(side, cost)]
    if update:
        terms.append((_mean(cost), "U"))
    coefs = [sympy.cancel(c) for c, _ in terms]
    for c in coefs:
        if not c.is_rational_function(_M):
            raise NotLinear(f"a factor {c} of m that is not a ratio of polynomials in m")
    q = sympy.Integer(1)
    for c in coefs:
        q = sympy.lcm(q, sympy.fraction(c)[1])
    _no_zero(q, eq)
    degrees = {"U": -1, "V": 0}
    for c, (_, kind) in zip(coefs, terms):
        poly = sympy.Poly(sympy.cancel(c * q), _M)
        degrees[kind] = max(degrees[kind], poly.degree())
    top = max(degrees["U"] + 1, degrees["V"])
    largest = max(3, free + top + 1)
    if largest > MAX_SIZE:
        raise NotLinear(f"its dependence on m (degree {top} once the denominators are cleared) needs mini-batches of "
                        f"up to {largest} samples, more than the {MAX_SIZE} checked here")
    return tuple(range(1, largest + 1))


def _no_zero(den, where) -> None:
    """A denominator as written that is 0 at a batch size m ≥ 1 (``\\frac{m-4}{m(m-4)}``: nothing at m = 4)."""
    top = sympy.fraction(sympy.together(den))[0]
    if not top.has(_M):
        return
    zeros = sorted(int(z) for z in sympy.Poly(top, _M).ground_roots() if z.is_integer and z >= 1)
    if zeros:
        raise NotLinear(f"{to_latex(where)} divides by {sympy.sstr(den)}, which is 0 at m = {zeros[0]}")


def _mean(cost):
    return 1 / _M if cost.mean else sympy.Integer(1)


def _count(node, cost) -> bool:
    return isinstance(node, Sym) and bool(cost.count) and node.base == cost.count and not node.sub \
        and not node.sample and not node.mark


def sample_sum(node) -> bool:
    """A sum over the samples, as the evaluator reads one: its letter indexes nothing, its summand has a label."""
    return isinstance(node, Sum) and node.var is not None \
        and not any(isinstance(n, Sym) and (n.base == node.var or any(node.var in p for p in n.sub))
                    for n in walk(node.body)) \
        and any(isinstance(n, Sym) and n.sample for n in walk(node.body))


def _touches(node, cost) -> bool:
    """Whether ``node`` involves the batch: m, the batch cost, or a sum over the samples."""
    return any(_count(n, cost) or (isinstance(n, Sym) and n.base == cost.name and not (n.sample and cost.name ==
                                                                                       cost.sample_cost)) or sample_sum(n)
               or (isinstance(n, Nabla) and n.of is None) for n in walk(node))


def _pure_m(node, cost) -> bool:
    """Numbers and m only (1, m, m - 1, (m-1)(m-2), m^2)."""
    return all(isinstance(n, (Num, Add, Neg, Mul, Pow, Div)) or _count(n, cost) for n in walk(node))


def _as_sympy(node, cost):
    """A node of numbers and m as a SymPy expression in m (built with constructors)."""
    if isinstance(node, Num):
        return sympy.Rational(node.value.numerator, node.value.denominator)
    if _count(node, cost):
        return _M
    if isinstance(node, Add):
        return sympy.Add(*[_as_sympy(t, cost) for t in node.terms])
    if isinstance(node, Neg):
        return -_as_sympy(node.arg, cost)
    if isinstance(node, Mul):
        return sympy.Mul(*[_as_sympy(f, cost) for f in node.factors])
    if isinstance(node, Div):
        return _as_sympy(node.num, cost) / _as_sympy(node.den, cost)
    if isinstance(node, Pow):
        return _as_sympy(node.base, cost) ** node.exp
    raise NotLinear(f"{to_latex(node)} is not read as a number of m")


def _product(lists: list, where) -> list:
    out = [(sympy.Integer(1), "V")]
    for terms in lists:
        nxt = []
        for c, k in out:
            for c2, k2 in terms:
                if k == "U" and k2 == "U":
                    raise NotLinear(f"{to_latex(where)} multiplies two sums over the samples (or derivatives of the "
                                    "batch cost)")
                nxt.append((c * c2, "U" if "U" in (k, k2) else "V"))
        if len(nxt) > _MAX_TERMS:
            raise NotLinear(f"{to_latex(where)} has too many terms once multiplied out")
        out = nxt
    return out


def _terms(node, cost) -> list:
    """[(coefficient in m, 'U' for a sum over the samples / 'V' for an m-free part)] of ``node`` (module docstring)."""
    if not _touches(node, cost):
        return [(sympy.Integer(1), "V")]
    if _count(node, cost):
        return [(_M, "V")]
    if isinstance(node, Sym) and node.base == cost.name and not node.sub and not node.sample:
        return [(_mean(cost), "U")]
    if isinstance(node, Neg):
        return [(-c, k) for c, k in _terms(node.arg, cost)]
    if isinstance(node, Add):
        return [t for term in node.terms for t in _terms(term, cost)]
    if isinstance(node, Mat):
        return [t for row in node.rows for cell in row for t in _terms(cell, cost)]
    if isinstance(node, T):
        return _terms(node.arg, cost)
    if isinstance(node, Mul):
        return _product([_terms(f, cost) for f in node.factors], node)
    if isinstance(node, Had):
        return _product([_terms(node.left, cost), _terms(node.right, cost)], node)
    if isinstance(node, Div):
        if _touches(node.den, cost):
            if not _pure_m(node.den, cost):
                raise NotLinear(f"{to_latex(node)} divides by {to_latex(node.den)}, which mixes m with other "
                                "quantities")
            den = _as_sympy(node.den, cost)
            _no_zero(den, node)
            return [(c / den, k) for c, k in _terms(node.num, cost)]
        return _terms(node.num, cost)
    if isinstance(node, Pow) and _pure_m(node.base, cost):
        return [(_as_sympy(node, cost), "V")]
    if isinstance(node, Sum) and sample_sum(node):
        return _sample_sum(node, cost)
    if isinstance(node, Sum):  # a sum over entries: a fixed number of terms, whatever m is
        if any(b is not None and _touches(b, cost) for b in (node.lower, node.upper)):
            raise NotLinear(f"{to_latex(node)} sums entries up to a bound that involves the mini-batch")
        return _terms(node.body, cost)
    if isinstance(node, (Deriv, Nabla)):
        return _derivative(node, cost)
    if isinstance(node, Call) and isinstance(node.func, Sym) and node.func.base == cost.count:
        raise NotLinear(f"{to_latex(node)} writes the batch size {cost.count} as a function")
    what = "m" if any(_count(n, cost) for n in walk(node)) else "the mini-batch"
    raise NotLinear(f"{to_latex(node)} involves {what} in a way that is not a multiple of 1/m or of a sum over the "
                    "samples")


def _sample_sum(node: Sum, cost) -> list:
    if node.lower not in (None, Num(1)) or not (node.upper is None or _count(node.upper, cost)):
        bounds = f"{to_latex(node.lower) if node.lower is not None else '1'} to " \
                 f"{to_latex(node.upper) if node.upper is not None else cost.count}"
        raise NotLinear(f"the sum over the samples {to_latex(node)} runs from {bounds}, not over the whole "
                        f"mini-batch (1 to {cost.count or 'm'})")
    out = []
    for c, k in _terms(node.body, cost):
        if k == "U":
            raise NotLinear(f"{to_latex(node)} has a sum over the samples (or a derivative of {cost.name}) inside a "
                            "sum over the samples")
        out.append((c, "U"))
    return out


def _derivative(node, cost) -> list:
    """∂J/∂W (1/m times a sum over the samples), ∂J/∂h^{(t)} (1/m times one sample's term), ∂L^{(t)}/∂W (m-free)."""
    inner, by = node, []
    while isinstance(inner, (Deriv, Nabla)):
        if isinstance(inner, Deriv):
            by.append(inner.den)
            inner = inner.num
        else:
            if inner.of is None:
                raise NotLinear(f"{to_latex(node)}: which cost the gradient is of is not written")
            by.append(inner.wrt)
            inner = inner.of
    if any(_touches(b, cost) for b in by):
        raise NotLinear(f"{to_latex(node)} differentiates by something that involves the mini-batch")
    if not (isinstance(inner, Sym) and inner.base == cost.name and not inner.sub and not inner.sample):
        raise NotLinear(f"{to_latex(node)} differentiates an expression that involves the mini-batch")
    per_sample = any(isinstance(n, Sym) and n.sample for b in by for n in walk(b))
    return [(_mean(cost), "V" if per_sample else "U")]


__all__ = ["MAX_SIZE", "NotLinear", "sample_sum", "sizes_for"]
