r"""Vectors and matrices of one entry in the notes' own terms (review rv45 B2, C1).

Notes of a net with one output (``x`` a row of 3, ``W`` a 3×1 matrix, ``g = x W``, ``h = \tanh(g)``) or one input
(``y`` a column of 1, ``x = W y``) have quantities of one entry. The evaluator gives a product of one entry as a
number (``graphevaluate.times``); the notes treat it as a vector of one entry, and both are right:

- ``g = x W`` with ``g_1`` (or ``g_j``) written elsewhere makes g a vector of one entry, not a contradiction
  (``learn_one_entry`` while the shapes are read, ``one_entry_value`` when the definition is);
- a 1×1 matrix beside a number (``y - \eta W^T \frac{dL}{dx}`` of a y of one entry, a claim whose sides are a 1×1
  gradient and a number) is that number;
- ``\frac{\partial L}{\partial h} \odot (1 - h^2)`` of an h of one entry is the product, ``\operatorname{diag}(1 - h^2)``
  the 1×1 matrix, the number 1 − h², but only where every quantity of the operands has a shape the notes fix
  (``one_entry_names``): a number the notes' shapes leave open (a name read as a number when the notes never say
  what it is) may be a vector the reading missed, and ⊙ of two such numbers stays a misfit.

>>> from symbp.verify.graphmodel import Quantity
>>> one_entry_value(Quantity("g", 1, dims=(1,))), one_entry_value(Quantity("g", 1, dims=(3,)))
(True, False)
"""

from __future__ import annotations

from .graphderivatives import CONSTANTS
from .graphmodel import LOSS_NAMES, Call, Model, Mul, Quantity, Sym, is_declaration, is_definition
from .graphnodes import walk

ONE = "one entry: its definition is a product of one entry"


def one_entry_value(q: Quantity) -> bool:
    """Whether a vector or matrix ``q`` a definition gives a number is one of one entry (all its sizes 1)."""
    return bool(q.rank) and bool(q.dims) and all(d == 1 for d in q.dims)


def learn_one_entry(m: Model, lhs: Sym, rhs, shape) -> None:
    """``g = x W`` of a row x and a W of one column, ``g_j`` written elsewhere (g a vector of a size not yet known):
    g has one entry. Only when the product's factors are vectors or matrices the notes shape: a product of names
    read as numbers (the notes never say what x and W are) may be the vectors a reading missed, and stays a
    contradiction that sends the reading back (``graphbuild.build``)."""
    q = m.quantities.get(m.canonical(lhs.base))
    if shape != ("s",) or q is None or q.rank != 1 or (q.dims and all(q.dims)) or not isinstance(rhs, Mul):
        return
    if any(getattr(m.quantities.get(m.canonical(n.base)), "rank", 0) for n in walk(rhs) if isinstance(n, Sym)):
        q.dims, q.why = (1,), ONE


def _names(m: Model, node) -> set:
    """The quantities ``node`` mentions (functions, constants and numbers left out)."""
    out = set()
    for n in walk(node):
        if isinstance(n, Call) and isinstance(n.func, Sym):
            continue
        if isinstance(n, Sym) and n.base not in m.functions and n.base.lstrip("\\") not in CONSTANTS:
            out.add(m.canonical(n.base))
    for n in walk(node):  # a function's own name is no quantity (h in z = h(y)), its arguments are
        if isinstance(n, Call) and isinstance(n.func, Sym) and n.func.base in m.functions:
            out.discard(m.canonical(n.func.base))
    return out


def one_entry_names(m: Model, defs) -> set:
    """The names whose shape the notes fix and that have one entry: a vector or matrix of one entry, and a number
    a definition computes only from quantities the notes shape (``g = x W``, then ``h = \\tanh(g)``)."""
    shaped = {name for name, q in m.quantities.items() if q.rank and q.dims and all(q.dims)}
    one = {name for name in shaped if all(d == 1 for d in m.quantities[name].dims)}
    computed = {}
    for _, eq in defs:
        if is_declaration(eq) or not is_definition(eq) or not isinstance(eq.sides[0], Sym) or eq.sides[0].sub:
            continue
        name = m.canonical(eq.sides[0].base)
        q = m.quantities.get(name)
        if q is not None and q.rank == 0:
            computed[name] = _names(m, eq.sides[-1])
    grown = True
    while grown:
        grown = False
        for name, uses in computed.items():
            if name not in one and uses and uses <= shaped | one and uses & (shaped | one):
                one.add(name)
                grown = True
    return one


def operands_one_entry(m: Model, *nodes) -> bool:
    """Whether numbers computed from ``nodes`` are entries of one-entry quantities the notes shape: every quantity
    they mention is one of ``m.one_entry``, a shaped vector or matrix, or the loss, and some is not the loss. A
    number of the model may stand beside them when every operand mentions a one-entry or shaped quantity (the
    target $t$ in (h − t) ⊙ (1 − h²) with h of one entry, review rv49 B5: t is then a number in every reading,
    and ⊙ of numbers is their product); an operand of unshaped names alone keeps ⊙ a misfit."""
    shaped = {name for name, q in m.quantities.items() if q.rank and q.dims and all(q.dims)} | set(m.one_entry)
    each = [_names(m, n) for n in nodes]
    names = set().union(*each)
    if bool(names - set(LOSS_NAMES)) and names <= shaped | set(LOSS_NAMES):
        return True
    numbers = {name for name, q in m.quantities.items() if q.rank == 0}
    return all(own & shaped for own in each) and names <= shaped | numbers | set(LOSS_NAMES)


__all__ = ["learn_one_entry", "one_entry_names", "one_entry_value", "operands_one_entry"]
