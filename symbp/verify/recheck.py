r"""A second opinion on "holds": the oracle re-checks instances at random points.

``recheck(result)`` takes a ``Verification`` that holds (or a conditional one,
on the networks where it holds) and evaluates instances of the formula again
at random exact points, every derivative the formula uses taken from the
oracle (``oracle_values``: the composed network, numerically differentiated)
and only the formula's own arithmetic from its reading. It returns the
instances where the two sides differ: an empty list means the oracle agrees.
The test suites run it on every "holds" they produce (``HOOKS``).

>>> from symbp.verify import verify
>>> recheck(verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"))
[]
"""

from __future__ import annotations

import random
from fractions import Fraction

from ..network import network
from ..notation import Notation, profile
from .oracle_values import atom_values, context_of, value_at
from .conditions import apply_conditions, output_condition
from .confirm import _entry, _random_leaves
from .context import Context, evaluate
from .instances import index_bindings, layer_bindings
from .interpret import LayerOutOfRange, Mat, _broadcast_constant
from .values import _variable_rows, one_entry  # Dyda's ∂/∂x: the constant row x_0 left out, as in check
from .nodes import Derivative, walk
from .reader import read_claim
from .outputact import activations

#: Two sides agree when they are this close (relative to 1 + |l| + |r|): far above the
#: oracle's error, far below any real difference at a small rational point.
TOLERANCE = Fraction(1, 10**20)


def recheck(result, notation: "str | Notation | None" = None, *, per_network: int = 3, seed: int = 0) -> list[str]:
    """Instances of a holding ``result`` where the oracle finds the two sides different (empty: agreement).

    ``per_network`` instances are drawn on each network the verdict rests on, one
    random point each (a generic σ: the cubic stand-in). ``notation`` is needed
    only for a user profile (a ``Notation``; built-in names are found from the result).
    """
    if result.status not in ("holds", "conditional") or not result.checked:
        return []
    nt = profile(notation or result.notation)
    grouping = result.interpretation.get("reading", "loose")  # the grouping of ⊙ the verdict rests on
    eq = apply_conditions(output_condition(read_claim(result.formula, nt, grouping=grouping).equation)[0])
    if any(isinstance(n, Derivative) for n in walk(eq)):
        return []  # ∂/∂(…) of an expression has no oracle value (only nodes' derivatives do): not re-checked
    activation, cost = result.network["activation"], result.network["cost"]
    one_hot = result.network.get("one_hot", False)
    rng = random.Random(seed)
    problems = []
    for c in result.checked:
        if c["status"] != "holds":
            continue
        output = result.network.get("output_activation")  # the output layer's own, said in words (``outputact``)
        net = network(c["sizes"], activation=activations(activation, len(c["sizes"]), output and (output,)), cost=cost,
                      one_hot=one_hot)
        ctx = Context(net, nt, opaque=True)
        ctx.output = (output, "") if output else None
        instances = _instances(eq, ctx)
        for bind in rng.sample(instances, min(per_network, len(instances))):
            problems.extend(_differences(eq, ctx, bind, rng))
    return problems


def _instances(eq, ctx: Context) -> list:
    out = []
    for layers, ranges, outside in layer_bindings(eq, ctx):
        if outside is None:
            out.extend(index_bindings(layers, ranges, eq.where))
    return out


def _differences(eq, ctx: Context, bind: dict, rng: random.Random) -> list[str]:
    ctx.bind = dict(bind)
    first = eq.sides[0]
    out = []
    for side in eq.sides[1:]:
        try:
            lv, rv = one_entry(*_variable_rows(*_broadcast_constant(evaluate(first, ctx), evaluate(side, ctx))))
        except LayerOutOfRange:
            continue
        entries = [(r + 1, c + 1) for r in range(lv.rows) for c in range(lv.cols)] if isinstance(lv, Mat) else [()]
        net = ctx.net
        leaves = _random_leaves(net, rng, small=rng.random() < 0.5)
        for entry in entries:
            left, right = _entry(lv, entry), _entry(rv, entry)
            gens = sorted(set(left.gens()) | set(right.gens())) if hasattr(left, "gens") else []
            try:
                values, _ = atom_values(net, leaves, None, [net.atoms.keys[g] for g in gens])
            except (ValueError, ZeroDivisionError, OverflowError):
                continue  # a point where the oracle cannot answer (an undefined cost) says nothing
            mp = context_of(values)
            a, b = value_at(left, values, net), value_at(right, values, net)
            if abs(a - b) > mp.mpf(TOLERANCE.numerator) / TOLERANCE.denominator * (1 + abs(a) + abs(b)):
                where = ", ".join(f"{k} = {v}" for k, v in sorted(bind.items()))
                out.append(f"on {list(net.sizes)} with {where or 'no variable'}, entry {entry or '-'}: "
                           f"left {mp.nstr(a, 15)}, right {mp.nstr(b, 15)} (the oracle)")
                break
    ctx.bind = {}
    return out


#: Functions called with every ``Verification`` that holds (the test suites install a re-check here).
HOOKS: list = []
