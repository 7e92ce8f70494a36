r"""An update rule in the notes' own layout: ``W \gets W - \eta \left(\frac{\partial L}{\partial W}\right)^T`` is
the step of gradient descent in the numerator layout, where ∂L/∂W has the shape of Wᵀ (review F18).

The rule is checked in each layout (``graphupdate.update_in``), and the verdicts are weighed as those of any claim
(``graphcheck.combine``): a rule whose shapes fit one layout only is judged in it, unless the notes declare the
other in words (then it is ambiguous, never holds: ``W \gets W - \eta \frac{\partial L}{\partial W}`` with W of 2×3
under "we use the numerator layout"); where both fit and the verdicts differ (a square W, a gradient by a vector
subtracted from a vector of the other orientation cannot fit both), the notes' own layout decides: the one they
declare, else the one their other claims single out by their shapes, else the rule is ambiguous. A rule is never
evidence of the notes' layout: its outcome keeps no verdicts per layout (``GraphOutcome.consistent_layouts``).

>>> from symbp.verify.graphbuild import build
>>> from symbp.verify.graphread import read_graph as r
>>> defs = [(1, r("g = x W")), (2, r("L = L(g)"))]
>>> rule = r("W \\gets W - \\eta \\left(\\frac{\\partial L}{\\partial W}\\right)^T")
>>> model = build(defs, [rule], [(1, "x", "row", (2,)), (1, "W", "", (2, 3))], {"L": []})
>>> check_update(rule, model).status, check_update(rule, model).layout
('holds', 'numerator')
"""

from __future__ import annotations

from ..general.reduction import ReductionTimeout, deadline
from .graphcheck import GraphOutcome, LayoutVerdict, combine
from .graphderivatives import LAYOUTS, MIXED
from .graphmodel import Model
from .graphnodes import Equation
from .graphupdate import update_in


def check_update(eq: Equation, model: Model, notes_layout="", budget: float | None = 30.0) -> GraphOutcome:
    """The verdict on the update rule ``eq`` (see the module docstring); ``notes_layout`` is the notes' own layout
    as ``graphcheck.check_graph`` takes it (declared in words, or the evidence of the other claims)."""
    return check_update_on(eq, [model], notes_layout, lambda found: found[0], budget)


def check_update_on(eq: Equation, models: list, notes_layout, judge, budget: float | None = 30.0) -> GraphOutcome:
    """The verdict on the update rule ``eq`` over several ``models`` (the mini-batches of several sizes): in each
    layout, ``judge`` makes one verdict of the rule's verdict on each model (its rate must be one rate), then the
    layouts are weighed as in ``check_update``. The outcome is the chosen layout's, with the words of the others.
    The check runs under ``budget`` seconds: past it the rule is undecided (review 31 H1: a mini-batch rule under a
    logistic σ spent minutes in SymPy's simplify showing its step is η/m times the gradient)."""
    try:
        with deadline(budget):
            return _check_update_on(eq, models, notes_layout, judge)
    except ReductionTimeout:
        return GraphOutcome("undecided", f"the time budget of {budget:.3g} s ran out while comparing the rule's step "
                            "with the gradient")


def _check_update_on(eq: Equation, models: list, notes_layout, judge) -> GraphOutcome:
    per: dict = {}
    kinds: set = set()
    for layout in LAYOUTS:
        per[layout] = []
        for model in models:
            out, seen = update_in(eq, model, layout)
            per[layout].append(out)
            kinds |= seen
    if not kinds:  # no derivative by a vector or a matrix: the layout does not matter
        for out in per["denominator"]:
            if out.status == "misfit":
                out.status = "refuted"
        return judge(per["denominator"])
    if kinds >= {"gradient", "jacobian"}:
        per[MIXED] = [update_in(eq, model, MIXED)[0] for model in models]
    verdicts, judged = {}, {}
    for layout, found in per.items():
        misfit = next((o for o in found if o.status == "misfit"), None)
        if misfit is not None:  # the shapes do not depend on the size of the mini-batch
            verdicts[layout] = LayoutVerdict(layout, "misfit", misfit.reason)
            continue
        judged[layout] = judge(found)
        verdicts[layout] = LayoutVerdict(layout, judged[layout].status, judged[layout].reason)
    out = combine(verdicts, kinds, notes_layout)
    named = [k for k in out.layout.split("+") if k in judged] or [k for k in judged if out.layout == "both"]
    if out.status != "ambiguous" and named:
        chosen = judged[named[0]]  # its rate, condition, counterexample; the words say how the layout was chosen
        chosen.reason, chosen.layout = out.reason, out.layout
        out = chosen
    out.verdicts = {}  # never evidence of the notes' layout, nor a claim that contradicts another's layout
    out.kinds = tuple(sorted(kinds))
    return out


__all__ = ["check_update", "check_update_on"]
