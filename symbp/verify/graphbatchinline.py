r"""A batch cost written out over the samples, ``J = \frac{1}{2m}\sum_{i=1}^m \|\hat y^{(i)} - y^{(i)}\|^2`` (issue 14).

``graphbatch`` reads a batch cost that averages a per-sample cost the notes name (``J = \frac1m \sum_t L^{(t)}``).
Notes as often write the summand out. Such a cost is read as the mean of the cost of one sample, named ``\ell``
(a name the notes do not use): ``\ell = \frac12 \|\hat y - y\|^2``, the summand with its sample labels taken off and
the constant in front of the sum (the 1/2 of 1/(2m)) moved into it, and ``J = \frac1m \sum_i \ell^{(i)}``. The
batch models (m = 1, 2, 3 samples) then judge the claims about J as for any batch cost. A summand that names
another sample than the sum's, or uses J itself, is not read (the definition stays as written, and is reported
not read).

>>> from symbp.verify.graphread import read_graph as r
>>> one, mean = inline_cost(r(r"J = \frac{1}{2m}\sum_{i=1}^m \|\hat y^{(i)} - y^{(i)}\|^2"), {"J", "y"})
>>> to_latex(one), to_latex(mean)
('\\ell = \\frac{1}{2} \\|\\hat{y} - y\\|^{2}', 'J = \\frac{1}{m} \\sum_{i=1}^{m} \\ell^{(i)}')
>>> inline_cost(r(r"J = \frac{1}{m}\sum_{i=1}^m L^{(i)}"), {"J", "L"}) is None  # graphbatch's own form
True
"""

from __future__ import annotations

from dataclasses import fields, replace
from fractions import Fraction

from .graphbatch import split
from .graphmodel import Div, Mul, Num, Sum, Sym, is_definition, to_latex
from .graphmodel import Equation
from .graphnodes import walk

#: The name the cost of one sample gets (the first the notes do not use).
NAMES = ("\\ell", "\\ell_{0}")


def inline_split(defs: list) -> tuple[list, dict, list]:
    """``graphbatch.split`` of ``defs`` [(line, eq, piece)], a batch cost written out over the samples read first as
    the mean of a cost of one sample (its definition added to the one-sample model's)."""
    used = {n.base for _, eq, _ in defs for n in walk(eq) if isinstance(n, Sym)}
    out, added, words, original = [], [], {}, {}
    for d in defs:
        found = inline_cost(d[1], used) if is_definition(d[1]) else None
        if found is None:
            out.append(d)
            continue
        one, mean = found
        out.append((d[0], mean, d[2]))
        added.append((id(mean), (d[0], one, None)))
        original[id(mean)] = d
        words[id(mean)] = f"{to_latex(d[1])}, read as the mean of the cost of one sample {to_latex(one)}"
    kept, costs, taken = split(out)
    for k, (d, cost) in enumerate(taken):
        if id(d[1]) in words:
            taken[k] = (d, replace(cost, text=words[id(d[1])]))
            costs[cost.name] = taken[k][1]
    read = {id(d[1]) for d, _ in taken}
    kept = [original.get(id(d[1]), d) for d in kept]  # not taken (a second cost of J): as the notes wrote it
    return kept + [one for key, one in added if key in read], costs, taken


def inline_cost(eq, used: set) -> tuple | None:
    """(the cost of one sample, the batch cost over it) that ``eq`` writes out over the samples, else None."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if not isinstance(lhs, Sym) or lhs.sub or lhs.sample or lhs.mark:
        return None
    name = next((n for n in NAMES if n not in used), None)
    parts = _mean(rhs)
    if parts is None or name is None:
        return None
    coef, count, total = parts
    if total.lower not in (None, Num(Fraction(1))) or (total.upper is not None and total.upper != Sym(count)):
        return None
    body, var = total.body, total.var
    labels = {n.sample for n in walk(body) if isinstance(n, Sym) and n.sample}
    if labels != {var} or isinstance(body, Sym) or any(isinstance(n, Sym) and n.base == lhs.base for n in walk(body)):
        return None
    if any(isinstance(n, Sum) and n.var == var for n in walk(body)):
        return None
    one_body = _unlabelled(body, var)
    value = one_body if coef == 1 else Mul((Div(Num(coef.numerator), Num(coef.denominator)), one_body))
    one = Equation((Sym(name), value), ("=",))
    mean = Equation((lhs, Mul((Div(Num(Fraction(1)), Sym(count)), Sum(var, total.lower, total.upper,
                                                                        Sym(name, sample=var))))), ("=",))
    return one, mean


def _mean(rhs) -> tuple | None:
    """(the constant, the count's letter, the sum) of c/m Σ …, 1/(2m) Σ …, \\frac12 \\frac1m Σ …, (Σ …)/m."""
    if isinstance(rhs, Div) and isinstance(rhs.num, Sum):
        factors, total = [Div(Num(Fraction(1)), rhs.den)], rhs.num
    elif isinstance(rhs, Mul) and isinstance(rhs.factors[-1], Sum):
        factors, total = list(rhs.factors[:-1]), rhs.factors[-1]
    else:
        return None
    if total.var is None:
        return None
    coef, letters = Fraction(1), []
    for f in factors:
        if isinstance(f, Num):
            coef *= f.value
        elif isinstance(f, Div) and isinstance(f.num, Num):
            coef *= f.num.value
            for g in f.den.factors if isinstance(f.den, Mul) else (f.den,):
                if isinstance(g, Num) and g.value:
                    coef /= g.value
                elif isinstance(g, Sym) and not (g.sub or g.sample or g.mark) and g.base in ("m", "n", "N", "M"):
                    letters.append(g.base)
                else:
                    return None
        else:
            return None
    if len(letters) != 1:
        return None
    return coef, letters[0], total


def _unlabelled(node, var: str):
    """``node`` with the sample label ``var`` taken off every name (ŷ^{(i)} is the one sample's ŷ)."""
    if isinstance(node, Sym):
        return replace(node, sample="") if node.sample == var else node
    if isinstance(node, tuple):
        return tuple(_unlabelled(x, var) for x in node)
    if not hasattr(node, "__dataclass_fields__"):
        return node
    return replace(node, **{f.name: _unlabelled(getattr(node, f.name), var) for f in fields(node)})


__all__ = ["inline_cost", "inline_split"]
