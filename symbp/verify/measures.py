r"""The values of whole-vector measures: a norm ‖v‖², and the cost C itself.

A norm is read only to an even power (‖v‖² = Σ_i v_i², a polynomial); ‖v‖ on
its own is a square root, which the exact algebra does not hold, so it is
uninterpretable rather than approximated. The cost's value is the network's
own cost at its output: C = ½‖a^L − y‖² for the quadratic cost. The
cross-entropy costs hold logarithms, so their value is not read (their
derivatives are).
"""

from __future__ import annotations

from fractions import Fraction

from ..algebra import Poly
from .context import RULES, Context, evaluate
from .nodes import Norm, to_latex
from .values import Mat, Uninterpretable


def _norm(node: Norm, ctx: Context):
    value = evaluate(node.arg, ctx)
    entries = [x for row in value.entries for x in row] if isinstance(value, Mat) else [value]
    if node.power % 2:
        raise Uninterpretable(f"{to_latex(node)}: a norm to an odd power is a square root, which symbp does not "
                              "read; write ‖v‖² or its square")
    squares = sum((x * x for x in entries), Poly())
    return squares ** (node.power // 2) if node.power > 2 else squares


def cost_value(ctx: Context, what: str):
    """The value of the network's cost C at its output (one sample); only the quadratic costs (½‖a − y‖² and
    ‖a − y‖², the squared error) are polynomial."""
    net, model = ctx.net, ctx.model
    if net.cost not in ("quadratic", "squared-error") or net.batch != 1:
        raise Uninterpretable(f"the value of the cost {what} under the {net.cost} cost holds logarithms or a "
                              "mean over samples, which symbp does not read (only its derivatives are checked)")
    half = Poly.const(Fraction(1, 2) if net.cost == "quadratic" else Fraction(1))
    out = Poly()
    for j in range(1, net.n(net.L) + 1):
        d = model.A[1][net.L][j - 1] - model.target(j, 1)
        out = out + d * d
    return half * out


RULES.update({Norm: _norm})
