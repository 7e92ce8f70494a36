r"""The cost a definition C = … is, compared with symbp's costs in the atoms of a small network (``model``).

``cost_of(rhs, notation, outputs)`` names the cost (a log is an atom of its argument); ``why_own`` says why a cost of
the output and the targets is none of symbp's (a vector with several outputs, twice the quadratic cost, or none).
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from .. import functions
from ..algebra import Poly
from ..errors import SymbpError
from ..network import network
from ..notation import Notation
from .context import Context
from .interpret import evaluate
from .values import LayerOutOfRange, Mat, ShapeMismatch

#: Costs a definition C = … is compared with, by the shape of C(a, y) (the output is decided apart).
_COSTS = ("quadratic", "cross-entropy", "softmax-cross-entropy")

#: Why a cost of the output and the targets is none of symbp's, when nothing more particular is known.
OWN_COST = "symbp's costs are the quadratic ½‖a^L − y‖², the cross-entropy and the softmax cross-entropy"


def why_own(rhs, notation: Notation) -> str:
    """Why the cost ``rhs`` is none of symbp's: a vector with several outputs that is the quadratic cost with one
    (½(y − a^L)² squares entry by entry), twice the quadratic cost (no ½), or none of them."""
    if cost_of(rhs, notation, 1) == "quadratic":
        return ("with several output neurons it is a vector (the square is taken entry by entry), not a number; it is "
                "the quadratic cost with one output neuron: say so in the prose (\"one output neuron\") or give "
                "--sizes …,1")
    found = _value(rhs, notation, 2)
    if found is not None and not isinstance(found[0], Mat):
        value, ctx, a, y, atoms = found
        quadratic = _atoms_of(functions.cost("quadratic").expr(a, y), atoms, ctx)
        if quadratic is not None and (value - quadratic * 2).is_zero():
            return "the quadratic cost has its ½: ½‖a^L − y‖²"
    return OWN_COST


def _value(rhs, notation: Notation, outputs: int):
    """(the value of ``rhs``, its context, symbols a and y, their atoms) on a small network, or None."""
    net = network([2, 3, outputs], activation="generic", cost="quadratic")
    ctx = Context(net, notation)
    ctx.logs = True
    try:
        value = evaluate(rhs, ctx)
    except (SymbpError, ArithmeticError, ValueError, ShapeMismatch, LayerOutOfRange):
        return None
    if isinstance(value, Mat) and (value.rows, value.cols) == (1, 1):
        value = value.entries[0][0]  # a layer of one neuron: a number
    a = [sympy.Symbol(f"_a{j}") for j in range(1, net.n(net.L) + 1)]
    y = [sympy.Symbol(f"_y{j}") for j in range(1, net.n(net.L) + 1)]
    atoms = {s: ctx.model.A[1][net.L][j] for j, s in enumerate(a)}
    atoms.update({s: ctx.model.target(j + 1, 1) for j, s in enumerate(y)})
    return value, ctx, a, y, atoms


def cost_of(rhs, notation: Notation, outputs: "int | None" = None) -> str | None:
    """The cost C(a, y) that ``rhs`` is, compared in the atoms of a small network (a log is an atom) with
    ``outputs`` output neurons (2 when the notes do not fix them)."""
    found = _value(rhs, notation, outputs or 2)
    if found is None or isinstance(found[0], Mat):
        return None
    value, ctx, a, y, atoms = found
    for name in _COSTS:
        expected = _atoms_of(functions.cost(name).expr(a, y), atoms, ctx)
        if expected is not None and (value - expected).is_zero():
            return "categorical" if name == "softmax-cross-entropy" else name
    return None


def _atoms_of(expr: sympy.Expr, atoms: dict, ctx: Context):
    if expr in atoms:
        return atoms[expr]
    if expr.is_Rational:
        return Poly.const(Fraction(int(expr.p), int(expr.q)))
    if isinstance(expr, sympy.log):
        inner = _atoms_of(expr.args[0], atoms, ctx)
        return None if inner is None else ctx.log_atom(inner)
    if expr.is_Add or expr.is_Mul:
        parts = [_atoms_of(x, atoms, ctx) for x in expr.args]
        if any(p is None for p in parts):
            return None
        out = parts[0]
        for p in parts[1:]:
            out = out + p if expr.is_Add else out * p
        return out
    if expr.is_Pow and expr.exp.is_Integer and int(expr.exp) >= 0:
        base = _atoms_of(expr.base, atoms, ctx)
        return None if base is None else base ** int(expr.exp)
    return None


__all__ = ["OWN_COST", "cost_of", "why_own"]
