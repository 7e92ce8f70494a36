r"""Diagnosis: which usual slip turns a refuted formula into one that holds.

Each repair is a small rewrite of the formula tree (add or drop a transpose,
swap a weight's indices, rename an index, flip a sign, add or drop σ', a
factor 2 against the ½ of the cost, a layer index l ↔ l ± 1, the output
layer only, Σ_k y_k = 1). A repair *repairs* the formula only if the rewritten
formula is proved on the whole family, exactly as ``verify`` would; the
corrected formula is printed in the user's notation.
"""

from __future__ import annotations

import time
from dataclasses import fields, replace
from fractions import Fraction

from ..errors import SymbpError
from .check import check
from .nodes import (
    Apply, Comprehension, Div, Equation, Hadamard, Index, Layer, Mul, Nabla, Neg, Num, Partial, Quantity, Sum, Transpose,
    _is_node, rebuild, walk,
)


def diagnose(eq: Equation, setting, outcome, *, budget: float = 10.0):
    """(diagnosis, corrected formula tree) of the first repair that makes ``eq`` hold, or None."""
    deadline = time.perf_counter() + budget
    tried = set()

    def holds(candidate: Equation, s=setting) -> bool:
        key = (candidate, s.one_hot)
        if key in tried or time.perf_counter() > deadline:
            return False
        tried.add(key)
        try:
            return check(candidate, s, max(0.5, deadline - time.perf_counter()), find_counterexample=False).status == "holds"
        except (SymbpError, ArithmeticError):  # a repair that makes no sense is simply not the repair
            return False

    one_hot_words = ("holds only when Σ_k y_k = 1 (a one-hot or probability target; use --one-hot), "
                     "not for every target y")
    settings = [(setting, "")]
    if setting.cost == "softmax-cross-entropy" and not setting.one_hot:
        settings.append((replace(setting, one_hot=True), one_hot_words))
    for s, assumption in settings:
        found = _search(eq, s, holds)
        if found is not None:
            words, candidate = found
            if assumption:
                words = assumption if words is None else f"{words}; and it {assumption}"
            return words, candidate
    return None


def _search(eq: Equation, s, holds):
    """The first repair under setting ``s`` (words None: the formula holds as written)."""
    if s.one_hot and holds(eq, s):
        return None, eq
    for words, candidate in repairs(eq, s):
        candidate = _tidy(candidate)
        if not restates_definition(candidate) and holds(candidate, s):
            return words, candidate
    # Two slips at once, the second one the output layer only (seed 001 writes a^{(k)} for a^L).
    for words0, output_only in _output_layer_only(eq):
        if holds(output_only, s):
            return words0, output_only
        for words, candidate in repairs(output_only, s):
            candidate = _tidy(candidate)
            if not restates_definition(candidate) and holds(candidate, s):
                return f"{words0}; and {words}", candidate
    return None


# -- positional rewriting -------------------------------------------------------------------


def _rewrite_nth(node, pred, fn, n: int):
    """Replace the n-th node (pre-order) satisfying ``pred`` by ``fn(node)``; returns (tree, hit)."""
    counter = [0]

    def go(x):
        if not _is_node(x):
            return x
        if pred(x):
            if counter[0] == n:
                counter[0] += 1
                return fn(x)
            counter[0] += 1
        changes = {}
        for f in fields(x):
            v = getattr(x, f.name)
            if isinstance(v, tuple):
                new = tuple(go(e) for e in v)
                if new != v:
                    changes[f.name] = new
            elif _is_node(v):
                new = go(v)
                if new is not v:
                    changes[f.name] = new
        return replace(x, **changes) if changes else x

    out = go(node)
    return out, counter[0] > n


def _each(eq, pred, fn):
    n = 0
    while True:
        out, hit = _rewrite_nth(eq, pred, fn, n)
        if not hit:
            return
        yield out
        n += 1


def _sides(eq: Equation, k: int, fn) -> Equation:
    sides = list(eq.sides)
    sides[k] = fn(sides[k])
    return Equation(tuple(sides), eq.rels)


def _is_matrix(x) -> bool:
    # A weight matrix, or a whole vector (a^{l-1} in δ (a^{l-1})^T).
    return isinstance(x, Quantity) and x.role in ("w", "W", "a", "x", "delta", "z", "b", "y") and not x.indices and (
        x.layer is not None or x.role in ("x", "y"))


# -- the repairs --------------------------------------------------------------------------------


def repairs(eq: Equation, setting):
    """(words, candidate) for every single repair, most common slips first (well-formed ones only)."""
    for words, cand in _repairs(eq, setting):
        if _well_formed(cand):
            yield words, cand


def _well_formed(eq: Equation) -> bool:
    # A rewrite may not put a transpose where the reader only allows a quantity (∂C/∂(w^T)).
    from .nodes import Nabla

    for n in walk(eq):
        if isinstance(n, Partial) and not (isinstance(n.num, Quantity) and isinstance(n.den, Quantity)):
            return False
        if isinstance(n, Nabla) and not (isinstance(n.wrt, Quantity) and isinstance(n.of, Quantity)):
            return False
    return True


def restates_definition(eq: Equation) -> bool:
    r"""Is ``eq`` true by definition alone (δ^l_j = ∂C/∂z^l_j, δ^l = ∇_{z^l} C, x = x)?

    Such a formula is never offered as a correction: "δ^L = ∂C/∂z^L" repairs
    nothing, it restates what δ means.
    """
    sides = [_by_definition(s) for s in eq.sides]
    return all(side == sides[0] for side in sides[1:])


def _by_definition(side):
    def fix(x):
        if isinstance(x, Quantity) and x.role == "delta":
            z = Quantity("z", "z", _plain_layer(x.layer), x.indices)
            return Partial(Quantity("C", "C"), z)
        if isinstance(x, Nabla) and x.of.role == "C":
            return Partial(Quantity("C", "C"), replace(x.wrt, base=x.wrt.role, sep="", layer=_plain_layer(x.wrt.layer)))
        if isinstance(x, Partial):
            return Partial(Quantity("C", "C") if x.num.role == "C" else replace(x.num, base=x.num.role, sep="",
                                                                                  layer=_plain_layer(x.num.layer)),
                           replace(x.den, base=x.den.role, sep="", layer=_plain_layer(x.den.layer)))
        return None

    return rebuild(side, fix)


def _plain_layer(layer):
    return None if layer is None else Layer(layer.var, layer.offset)


def _z_for_a(eq: Equation):
    """∂C/∂z^L written where BP1 needs ∂C/∂a^L (δ^L = ∂C/∂z^L ⊙ σ'(z^L)): each such derivative by a."""
    def is_dz(x):
        return (isinstance(x, Partial) and x.num.role == "C" and x.den.role == "z") or (
            isinstance(x, Nabla) and x.of.role == "C" and x.wrt.role == "z")

    def to_a(x):
        if isinstance(x, Partial):
            return Partial(x.num, replace(x.den, role="a", base=_a_spelling(eq, x.den)))
        return Nabla(replace(x.wrt, role="a", base=_a_spelling(eq, x.wrt)), x.of)

    for cand in _each(eq, is_dz, to_a):
        yield cand


def _a_spelling(eq: Equation, z: Quantity) -> str:
    """How the author writes the activation (a, or a in a font), else z's letter with a for z."""
    for q in walk(eq):
        if isinstance(q, Quantity) and q.role == "a":
            return q.base
    return z.base.replace("z", "a") if len(z.base) < 12 and "z" in z.base else "a"


def _repairs(eq: Equation, setting):
    # BP1's most common slip: ∂C/∂z^L where the derivative by the activation a^L is meant.
    for cand in _z_for_a(eq):
        yield "∂C/∂z written where ∂C/∂a is meant: BP1 multiplies σ'(z^L) by the derivative of C by the activation a^L (∂C/∂z^L is δ^L itself)", cand
    # Transposes: drop one, or add one to a bare weight matrix.
    for cand in _each(eq, lambda x: isinstance(x, Transpose), lambda x: x.arg):
        yield "an extra transpose: drop it", cand
    for cand in _each(eq, _is_matrix, lambda x: Transpose(x)):
        yield "a missing transpose", cand
    # Swapped weight indices.
    for cand in _each(eq, lambda x: isinstance(x, Quantity) and len(x.indices) == 2,
                      lambda x: replace(x, indices=x.indices[::-1])):
        yield "swapped indices on a weight (the notation's order is " + setting.notation.weight_order + ")", cand
    # The same weight written with swapped indices everywhere (a chain repeats it).
    weights = {(q.base, q.layer) for q in walk(eq) if isinstance(q, Quantity) and len(q.indices) == 2}
    for base, layer in sorted(weights, key=str):
        cand = rebuild(eq, lambda x, b=base, l=layer: replace(x, indices=x.indices[::-1])
                       if isinstance(x, Quantity) and len(x.indices) == 2 and (x.base, x.layer) == (b, l) else None)
        yield "swapped indices on the weight, everywhere it appears", cand
    # An index written with the wrong letter.
    names = sorted({i.name for n in walk(eq) if isinstance(n, Quantity) for i in n.indices if i.name}
                   | {n.var for n in walk(eq) if isinstance(n, (Sum, Comprehension)) and n.var})
    for old in names:
        for new in names:
            if new == old:
                continue
            fn = _rename(old, new)
            for cand in _each(eq, lambda x, o=old: isinstance(x, Quantity) and any(i.name == o for i in x.indices), fn):
                yield f"the index {_pretty(old)} should be {_pretty(new)}", cand
    # The same wrong letter everywhere in one side (seed 003 writes k_0 inside [ … ]_{k=1..n}).
    for k in range(1, len(eq.sides)):
        for old in names:
            for new in names:
                if new != old:
                    yield (f"the index {_pretty(old)} should be {_pretty(new)} throughout side {k + 1}",
                           _sides(eq, k, lambda s, o=old, n=new: rebuild(s, lambda x: _rename(o, n)(x)
                                                                           if isinstance(x, Quantity) else None)))
    # A vector written where one entry is meant (δ^l for δ^l_j).
    scalar_side = any(isinstance(n, Quantity) and n.indices for n in walk(eq))
    if scalar_side:
        for name in names:
            for cand in _each(eq, lambda x: isinstance(x, Quantity) and not x.indices and x.layer is not None
                              and x.role in ("a", "z", "b", "delta"),
                              lambda x, n=name: replace(x, indices=(Index(n),))):
                yield f"a missing index {_pretty(name)}", cand
    # Sign.
    for k in range(1, len(eq.sides)):
        yield "a wrong sign", _sides(eq, k, lambda s: s.arg if isinstance(s, Neg) else Neg(s))
    # The ½ of the cost kept where differentiating the square brings down a 2 that cancels it: a missing 2.
    for cand in _each(eq, _halves, _without_half):
        yield "a missing factor 2: differentiating the square in C = ½‖a − y‖² gives a 2 that cancels the ½", cand
    # A factor 2 the ½ of the cost cancels.
    for cand in _each(eq, lambda x: isinstance(x, Mul) and any(isinstance(f, Num) and f.value == 2 for f in x.factors),
                      _without_two):
        yield "a factor 2 that the ½ in the cost C = ½‖a − y‖² cancels: drop it", cand
    for k in range(1, len(eq.sides)):
        yield "a factor 2 too many (the ½ in the cost cancels it)", _sides(eq, k, lambda s: Mul((Num(Fraction(1, 2)), s)))
        yield "a factor 2 too few", _sides(eq, k, lambda s: Mul((Num(Fraction(2)), s)))
    # σ' missing or extra.
    for z in _z_candidates(eq, setting):
        prime = Apply("sigma", 1, z, _sigma_spelling(eq, setting))
        for k in range(1, len(eq.sides)):
            yield "a missing factor σ'(z)", _sides(eq, k, lambda s, p=prime: Hadamard(s, p))
    for cand in _each(eq, lambda x: isinstance(x, Apply) and x.primes == 1 and x.func == "sigma", lambda x: Num(Fraction(1))):
        yield "an extra factor σ'", cand
    # Layer index off by one.
    for delta in (1, -1):
        for cand in _each(eq, lambda x: isinstance(x, Quantity) and x.layer is not None,
                          lambda x, d=delta: replace(x, layer=replace(x.layer, offset=x.layer.offset + d))):
            yield f"a wrong layer index (off by {'+' if delta > 0 else '-'}1)", cand
        for cand in _each(eq, lambda x: isinstance(x, (Sum, Comprehension)) and x.upper is not None,
                          lambda x, d=delta: replace(x, upper=replace(x.upper, offset=x.upper.offset + d))):
            yield f"a wrong upper bound of the sum (layer off by {'+' if delta > 0 else '-'}1)", cand


def _halves(x) -> bool:
    return (isinstance(x, Div) and isinstance(x.den, Num) and x.den.value == 2) or (
        isinstance(x, Num) and x.value == Fraction(1, 2))


def _without_half(x):
    if isinstance(x, Num):
        return Num(Fraction(1))
    return x.num


def _without_two(x: Mul):
    factors = list(x.factors)
    k = next(i for i, f in enumerate(factors) if isinstance(f, Num) and f.value == 2)
    del factors[k]
    return factors[0] if len(factors) == 1 else Mul(tuple(factors))


def _sigma_spelling(eq: Equation, setting) -> str:
    """The activation as the author writes it (σ, φ, g), else as the notation names it."""
    for n in walk(eq):
        if isinstance(n, Apply) and n.func == "sigma":
            return n.base
    return setting.notation.names["activation"]


def _pretty(name: str) -> str:
    return Index(name).latex()


def _rename(old: str, new: str):
    def fn(q: Quantity):
        return replace(q, indices=tuple(Index(new) if i.name == old else i for i in q.indices))

    return fn


def _z_candidates(eq: Equation, setting) -> list:
    """The z's a missing σ'(z) could be of: δ's own z, and the z's the formula differentiates by."""
    out = []
    lhs = eq.sides[0]
    if isinstance(lhs, Quantity) and lhs.role == "delta":
        spelled = next((q.base for q in walk(eq) if isinstance(q, Quantity) and q.role == "z"), setting.notation.names["z"])
        out.append(Quantity("z", spelled, lhs.layer, lhs.indices, lhs.sep))
    for n in walk(eq):
        if isinstance(n, Partial) and n.den.role == "z" and n.den not in out:
            out.append(n.den)
    return out


def _output_layer_only(eq: Equation):
    """The formula with one layer variable set to the output layer L."""
    from .instances import layer_vars

    for var in layer_vars(eq):
        yield f"it holds only for the output layer: {var} must be L", _all_layers(eq, var)



def _all_layers(eq, var):
    from .nodes import rebuild

    def fix(x):
        if isinstance(x, Quantity) and x.layer is not None and x.layer.var == var:
            return replace(x, layer=Layer("L", x.layer.offset, x.layer.brackets))
        if isinstance(x, (Sum, Comprehension)) and x.upper is not None and x.upper.var == var:
            return replace(x, upper=Layer("L", x.upper.offset, x.upper.brackets))
        return None

    return rebuild(eq, fix)


def _tidy(eq: Equation) -> Equation:
    """Drop factors 1 left behind by a repair (2(a − y) → (a − y), not 1(a − y))."""
    from .nodes import rebuild

    def fix(x):
        if isinstance(x, Mul):
            kept = tuple(f for f in x.factors if not (isinstance(f, Num) and f.value == 1))
            if not kept:
                return Num(Fraction(1))
            return kept[0] if len(kept) == 1 else Mul(kept)
        if isinstance(x, Div) and isinstance(x.den, Num) and x.den.value == 1:
            return x.num
        return None

    return rebuild(eq, fix)
