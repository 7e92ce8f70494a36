r"""Checking a read formula on a family of concrete networks, against the ground truth.

Both sides are evaluated (``interpret``) on every network of the family, for
every valid value of the formula's free layer variables and neuron indices;
each value is an exact ``symbp.algebra`` element computed by direct
differentiation. A difference that is not exactly zero is refuted only with a
concrete counterexample at an exact point (``symbp.counterexample``).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from .. import algebra, derive
from ..certificate import Counterexample
from ..counterexample import find_counterexample  # the core's exact-point search
from ..network import network
from ..notation import Notation
from .instances import bindings
from .interpret import Context, LayerOutOfRange, Mat, ShapeMismatch, Uninterpretable, evaluate, shape_of
from .nodes import Cdots, Equation, to_latex, walk

#: The default family: different depths, no square weight matrices.
FAMILY = ((2, 3, 2), (3, 2, 4), (2, 3, 4, 2))
#: Added for a product chain with \cdots, so it has layers to fill in.
DEEP = (3, 2, 4, 2, 3)

@dataclass(frozen=True)
class Setting:
    """The network assumptions a formula is checked under."""

    notation: Notation
    activation: str = "generic"
    cost: str = "quadratic"
    one_hot: bool = False
    family: tuple = FAMILY


_CONTEXTS: dict = {}


def _context(sizes: tuple, activation: str, cost: str, one_hot: bool, notation: Notation) -> Context:
    # Ground truth is memoised per network, so the formulas of one set of notes share it.
    key = (sizes, activation, cost, one_hot, json.dumps(notation.to_dict(), sort_keys=True))
    if key not in _CONTEXTS:
        if len(_CONTEXTS) > 64:
            _CONTEXTS.clear()
        net = network(list(sizes), activation=activation, cost=cost, one_hot=one_hot)
        _CONTEXTS[key] = Context(net, notation)
    return _CONTEXTS[key]


# -- checking on the family ----------------------------------------------------------------


@dataclass
class Outcome:
    status: str
    reason: str = ""
    instances: int = 0
    counterexample: Counterexample | None = None
    failure: tuple | None = None  # (context, bindings, lhs value, rhs value, side)
    side: int = 0
    failed_sides: tuple = ()


def claims(eq: Equation) -> list[tuple[object, object, int]]:
    """The claims of a chain ``A = B = C``: every side against the first (⋯ sides skipped)."""
    sides = [(i, s) for i, s in enumerate(eq.sides) if not isinstance(s, Cdots)]
    if len(sides) < 2:
        raise Uninterpretable("this is not an equation (no '=' between two expressions)")
    first = sides[0][1]
    return [(first, s, i) for i, s in sides[1:]]


#: No polynomial of a check may grow past this many terms (memory).
MAX_TERMS = 1_000_000


def check(eq: Equation, setting: Setting, budget: float = 30.0, *, find_counterexample: bool = True) -> Outcome:
    """Evaluate every claim of ``eq`` (each side against the first) on the family.

    All failing claims of a chain are reported; the counterexample is the first one found.
    """
    deadline = time.perf_counter() + budget
    total, failures = 0, []
    for lhs, rhs, side in claims(eq):
        claim = Equation((lhs, rhs), ("=",))
        # Every product inside is held to the deadline and a size cap, so one
        # huge expansion (a power of a long sum) cannot outrun the budget.
        with algebra.limits(deadline=deadline, max_terms=MAX_TERMS):
            out = check_claim(claim, side, setting, deadline, find_counterexample)
        total += out.instances
        if out.status != "holds":
            out.side = side
            failures.append(out)
            if not find_counterexample:
                break
    if not failures:
        return Outcome("holds", f"exact on {total} instances", total)
    status = "refuted" if any(f.status == "refuted" for f in failures) else "undecided"
    first = next(f for f in failures if f.status == status)
    if len(eq.sides) > 2:
        reason = "; ".join(f"side {f.side + 1}: {f.reason}" for f in failures)
    else:
        reason = first.reason
    cx = next((f.counterexample for f in failures if f.counterexample is not None), None)
    out = Outcome(status, reason, total, counterexample=cx, failure=first.failure)
    out.failed_sides = tuple(f.side for f in failures if f.status == "refuted")
    return out


def check_claim(eq: Equation, side: int, setting: Setting, deadline: float, find_counterexample: bool) -> Outcome:
    """One claim ``lhs = rhs`` on every network of the family and every instance."""
    lhs, rhs = eq.sides
    has_cdots = any(isinstance(n, Cdots) for s in eq.sides for n in walk(s))
    family = setting.family + ((DEEP,) if has_cdots and DEEP not in setting.family else ())
    instances, skipped_reason = 0, ""
    for sizes in family:
        ctx = _context(tuple(sizes), setting.activation, setting.cost, setting.one_hot, setting.notation)
        ctx.gt.budget = derive.Budget(max(0.01, deadline - time.perf_counter()))
        ctx.skipped = ""
        bind: dict = {}
        try:
            for bind in bindings(eq, ctx):
                if time.perf_counter() > deadline:
                    raise derive.BudgetExceeded("the time budget ran out")
                ctx.bind = dict(bind)
                try:
                    lv, rv = evaluate(lhs, ctx), evaluate(rhs, ctx)
                except LayerOutOfRange as exc:
                    skipped_reason = str(exc)
                    continue
                instances += 1
                bad = compare(lv, rv, lhs, rhs, ctx.model.vanishes)
                if bad is True:
                    continue
                if isinstance(bad, str):
                    return Outcome("refuted", f"{_where(ctx, bind)}: {bad}", instances)
                failure = (ctx, dict(bind), bad[0], bad[1], side, bad[2])
                if not find_counterexample:
                    return Outcome("refuted", "differs", instances, failure=failure)
                return _refute(failure, instances)
        except ShapeMismatch as exc:
            where = _where(ctx, bind) + ": " if bind and "network" not in str(exc) else ""
            return Outcome("refuted", f"{where}{exc}", instances)
        except derive.BudgetExceeded as exc:
            return Outcome("undecided", f"{exc} after {instances} instances", instances)
        finally:
            skipped_reason = skipped_reason or ctx.skipped
            ctx.bind = {}
    if instances == 0:
        if skipped_reason:
            return Outcome("refuted", f"no instance of the formula makes sense on the family: {skipped_reason}")
        raise Uninterpretable("the formula has no instance on the family of networks")
    return Outcome("holds", f"exact on {instances} instances", instances)


def compare(lv, rv, lhs, rhs, vanishes=None):
    """True if equal; a reason string for a shape mismatch; else (l, r, entry) of a differing entry.

    ``vanishes`` is the zero test (the network's ``atoms.vanishes``, which knows relu and identity).
    """
    vanishes = vanishes or (lambda e: e.is_zero())
    if isinstance(lv, Mat) != isinstance(rv, Mat) or (
        isinstance(lv, Mat) and (lv.rows, lv.cols) != (rv.rows, rv.cols)
    ):
        return f"the left side {to_latex(lhs)} is {shape_of(lv)} but the right side {to_latex(rhs)} is {shape_of(rv)}"
    if isinstance(lv, Mat):
        for r in range(lv.rows):
            for c in range(lv.cols):
                if not vanishes(lv.entries[r][c] - rv.entries[r][c]):
                    return lv.entries[r][c], rv.entries[r][c], (r + 1, c + 1)
        return True
    return True if vanishes(lv - rv) else (lv, rv, ())


def _where(ctx: Context, bind: dict) -> str:
    vals = ", ".join(f"{k} = {v}" for k, v in sorted(bind.items()))
    return f"on the network {list(ctx.net.sizes)}" + (f" with {vals}" if vals else "")


def _refute(failure, instances: int) -> Outcome:
    ctx, bind, lv, rv, side, entry = failure
    label = _where(ctx, bind) + (f", entry {entry}" if entry else "")
    layer = next((v for k, v in bind.items() if k in ("l", "L")), None)
    cx = find_counterexample(ctx.net, lv, rv, label, layer, tuple(bind.values()), 0)
    if cx is None:
        return Outcome("undecided", f"the two sides differ symbolically {label}, but no concrete point separating "
                       "them was found", instances, failure=failure)
    return Outcome("refuted", f"the two sides differ {label}", instances, counterexample=cx, failure=failure)
