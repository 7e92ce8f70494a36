r"""The cost a definition C = … is, compared with symbp's costs in the atoms of a small network (``model``).

``cost_of(rhs, notation, outputs)`` names the cost (a log is an atom of its argument; ‖a − y‖² without the ½ is the
squared-error cost); ``why_own`` says why a cost of the output and the targets is none of symbp's (a vector with
several outputs, or none).
"""

from __future__ import annotations

import re
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
_COSTS = ("quadratic", "squared-error", "cross-entropy", "softmax-cross-entropy")

#: Why a cost of the output and the targets is none of symbp's, when nothing more particular is known.
OWN_COST = ("symbp's costs are the quadratic ½‖a^L − y‖² (and ‖a^L − y‖² without the ½), the cross-entropy and the "
            "softmax cross-entropy")


def why_own(rhs, notation: Notation) -> str:
    """Why the cost ``rhs`` is none of symbp's: a vector with several outputs that is the quadratic cost with one
    (½(y − a^L)² squares entry by entry), or none of them."""
    one = cost_of(rhs, notation, 1)
    if one in ("quadratic", "squared-error"):
        return ("with several output neurons it is a vector (the square is taken entry by entry), not a number; it is "
                f"the {one} cost with one output neuron: say so in the prose (\"one output neuron\") or give --sizes …,1")
    return OWN_COST  # (twice the quadratic cost, ‖a − y‖², is symbp's squared-error cost: ``cost_of`` finds it)


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


#: Why ‖a^L − y‖² (symbp's squared-error cost) is not read as the notes' cost beside another cost letter.
TWICE_BESIDE = ("the quadratic cost without its ½ (‖a^L − y‖²), defined beside a cost under another letter: which "
                "letter the claims differentiate is not told apart, so it is not read as the cost")


def beside_other_letters(found: list, own) -> list:
    r"""The definitions ``found`` with a squared-error cost (‖a − y‖², no ½) turned into the notes' own cost (made by
    ``own(d, reason)``) when the notes also define a cost under another letter (``E = \frac12 Σ …`` beside
    ``C = Σ (a − y)²``): one model cost cannot stand for both letters, so the claims about it stay unjudged as
    before the squared-error cost was known (review R7)."""
    costs = [d for d in found if d.what in ("cost", "own-cost")]
    letters = {m.group(0) for d in costs if (m := re.match(r"\\?[A-Za-z]+", d.text.strip())) is not None}
    if len(letters) < 2:
        return found
    return [own(d, TWICE_BESIDE) if d.what == "cost" and d.value == "squared-error" else d for d in found]


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


__all__ = ["OWN_COST", "TWICE_BESIDE", "beside_other_letters", "cost_of", "why_own"]
