r"""Checking a claim in the notes' own terms against their model, in each layout that fits.

Every free index letter takes every value of the quantities it indexes; every
side of a chain is compared with the first, entry by entry, after the model
has put both in leaves and generic-function atoms (exact: a difference that
expands to 0 holds for every differentiable choice of the generic functions).
A difference that does not vanish is refuted only with an exact point at
which the two sides differ (generic functions replaced by stand-ins), and
that point is confirmed by an independent numeric oracle (``graphrefute``, ``graphoracle``:
mpmath central differences of the notes' definitions); otherwise undecided.

Layouts: the claim is evaluated in the denominator and the numerator layout
(``graphevaluate``), and, when it has both a gradient and a Jacobian, in the
mixed layout too (gradients shaped like the variable, Jacobians with a row per
entry of the function; issue 14). The verdict is the one of the layouts in
which the shapes fit; when several fit and disagree, the notes' own layout (the
one they declare in words, ``graphownlayout``, else the one their other claims
fit only in) decides and the other verdicts are given
too; without one the claim is *ambiguous* and every verdict is reported. A
reading added this way never makes a claim hold that another reading that fits
refutes.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import sympy

from ..certificate import Counterexample
from ..general.reduction import ReductionTimeout, deadline
from .graphderivatives import LAYOUTS, MIXED, derivative_forms
from .graphevaluate import Evaluator, Misfit, index_size, is_mat, shape_words
from .graphgradientwords import gradients_only
from .graphownlayout import DeclaredLayout
from .graphrefute import binding_words, difference, domain_words, refute
from .graphmodel import GraphUninterpretable, Model, Num, Sum, Sym, split_index, to_latex
from .graphnodes import Equation, walk
from .graphsizes import letter_words


@dataclass
class LayoutVerdict:
    layout: str
    status: str  # holds | refuted | misfit | undecided
    reason: str = ""
    instances: int = 0
    counterexample: Counterexample | None = None
    failed_sides: tuple = ()
    generic: tuple = ()  # the functions (atom names: "sigma", "L") taken as generic where the sides differ


@dataclass
class GraphOutcome:
    status: str  # holds | refuted | undecided | ambiguous | uninterpretable | conditional
    reason: str
    layout: str = ""  # the layout the verdict is in ("" when no vector derivative makes it matter)
    verdicts: dict = field(default_factory=dict)
    counterexample: Counterexample | None = None
    instances: int = 0
    generic: tuple = ()  # the functions taken as generic in a refutation (or a difference left undecided)
    kinds: tuple = ()  # the kinds of vector derivative in the claim: "gradient", "jacobian"
    condition: str = ""  # conditional: the notes' assumptions it holds under, with their lines
    rate: object = None  # an update rule that holds: the constant its step is of the gradient (η, η/m)

    def consistent_layouts(self) -> set:
        """The layouts the claim fits only in: its layout, and the mixed one when that is the same here (a claim with
        gradients only is the same in the mixed and the denominator layout); empty if it fits in several."""
        if not self.verdicts or self.layout not in self.verdicts or any(
                v.status != "misfit" for k, v in self.verdicts.items() if k != self.layout):
            return set()
        same = {("gradient",): "denominator", ("jacobian",): "numerator"}.get(tuple(sorted(self.kinds)))
        return {self.layout} | ({MIXED} if MIXED not in self.verdicts and same == self.layout else set())


def free_indices(eq: Equation, model: Model) -> dict:
    """Index letter -> its range, for every letter a subscript uses that no sum binds."""
    bound = {n.var for n in walk(eq) if isinstance(n, Sum) and n.var}
    out: dict = {}
    for side in eq.sides:
        for n in walk(side):
            if isinstance(n, Sym) and n.sub:
                q = model.quantities.get(model.canonical(n.base))
                if q is None or q.rank == 0:
                    continue
                for i in split_index(n.sub, q.rank):
                    if isinstance(i, str) and i not in bound and i not in out:
                        size = index_size(model, side, i)
                        if size is None:
                            continue
                        for other in eq.sides:
                            s2 = index_size(model, other, i)
                            if s2 is not None and s2 != size:
                                raise Misfit(f"the index {i} runs over 1..{size} on one side and 1..{s2} on another")
                        out[i] = size
    return out


def _bar_points(ev: Evaluator, values: list, model: Model) -> tuple[list, dict, bool]:
    """The sides' values with every bar's point (x_1 = 0) put in, those points, and whether a side depends on a bar's
    input outside the bar (then the claim reads two ways: with x_1 free there, or the whole claim at x_1 = 0)."""
    if not ev.points:
        return values, {}, False
    repl = {leaf: value for leaf, value, _ in ev.points}
    outside = False
    at_point = []
    for value in values:
        entries = list(value) if is_mat(value) else [value]
        outside = outside or any(set(repl) & model.atoms.leaves(model.full(e)) for e in entries)
        put = lambda e: model.atoms.substitute(model.full(e), repl)  # noqa: E731
        at_point.append(value.applyfunc(put) if is_mat(value) else put(value))
    return at_point, {words: (leaf, value) for leaf, value, words in ev.points}, outside


def check_graph(eq: Equation, model: Model, budget: float = 30.0, notes_layout: str | tuple = "") -> GraphOutcome:
    """The verdict on ``eq`` (every side against the first), see the module docstring. ``notes_layout`` is the
    notes' own layout, or the evidence of it: for each other claim that fits one layout only, the set of layouts
    it is consistent with. A vector of the claim whose orientation the notes never fix (t used only as t_k) is a
    column by default, or a row when only then do the claim's shapes fit in some layout (as a layout is chosen;
    review 15 r2: ``∂L/∂c = y - t`` with y a row was refuted for t's default orientation); when the shapes fit
    either way and the verdicts differ, the claim is uninterpretable, naming it."""
    start = time.perf_counter()
    out = _check_graph(eq, model, budget, notes_layout)
    loose = _unoriented(eq, model)
    if not loose or out.status not in ("holds", "refuted", "ambiguous"):
        return out
    for q in loose:
        q.orient = "row"
    try:
        other = _check_graph(eq, model, max(budget - (time.perf_counter() - start), 0.5), notes_layout)
    finally:
        for q in loose:
            q.orient = ""
    names = ", ".join(q.name for q in loose)
    if _misfit_everywhere(other):  # as a row the claim means nothing: the column it is by default is the reading
        return out
    if _misfit_everywhere(out):  # as a column it means nothing, as a row it does: that reading, said
        other.reason = f"with {names} taken as a row (as a column the shapes fit in no layout): {other.reason}"
        return other
    if other.status == out.status:
        return out
    raise GraphUninterpretable(f"{to_latex(eq)}: the notes never say whether {names} "
                               f"{'is a row or a column' if len(loose) == 1 else 'are rows or columns'}, and the "
                               f"verdict depends on it: with {names} a column, {out.status} ({out.reason}); as a row, "
                               f"{other.status} ({other.reason})")


def _misfit_everywhere(out: GraphOutcome) -> bool:
    return bool(out.verdicts) and all(v.status == "misfit" for v in out.verdicts.values())


def _unoriented(eq: Equation, model: Model) -> list:
    """The vectors the claim names whole (t, not t_k) whose orientation the notes never fix."""
    out = []
    for n in walk(eq):
        if isinstance(n, Sym) and not n.sub:
            q = model.quantities.get(model.canonical(n.base))
            if q is not None and q.rank == 1 and not q.orient and q not in out:
                out.append(q)
    return out


def _check_graph(eq: Equation, model: Model, budget: float, notes_layout) -> GraphOutcome:
    start = time.perf_counter()
    verdicts = {}
    layout_matters = False
    kinds: set = set()
    for layout in LAYOUTS:
        left = budget - (time.perf_counter() - start)
        verdict, used, seen = _check_layout(eq, model, layout, max(left, 0.5))
        verdicts[layout] = verdict
        layout_matters = layout_matters or used
        kinds |= seen
    if not layout_matters:
        v = verdicts["denominator"]
        return _outcome(v, "", {})
    if kinds >= {"gradient", "jacobian"}:  # a gradient and a Jacobian: the mixed convention is a reading of its own
        left = budget - (time.perf_counter() - start)
        verdicts[MIXED], _, _ = _check_layout(eq, model, MIXED, max(left, 0.5))
    out = combine(verdicts, kinds, notes_layout)
    out.kinds = tuple(sorted(kinds))
    return out


def combine(verdicts: dict, kinds: set, notes_layout) -> GraphOutcome:
    """The verdict of a claim from its verdicts in each layout (``LayoutVerdict``, "misfit" where the shapes do not
    fit): the one of the only layout that fits, the one all that fit agree on, else the notes' own layout's
    (``notes_layout``: declared, or the evidence of the other claims), else ambiguous; a claim that holds only in
    the layout the notes do not declare is ambiguous. Update rules are weighed the same way (``graphupdatelayout``)."""
    fit = {k: v for k, v in verdicts.items() if v.status != "misfit"}
    narrowed = gradients_only(verdicts, kinds, notes_layout, combine)  # "gradients are rows" (``graphgradientwords``)
    if narrowed is not None:
        return narrowed
    if isinstance(notes_layout, DeclaredLayout) and MIXED not in verdicts:
        notes_layout = notes_layout.for_kinds(kinds)  # the mixed convention, for gradients or Jacobians only
    evidence, notes_layout = notes_layout, _notes_choice(notes_layout, fit, kinds)
    if not fit:
        reason = f"the shapes fit in {'neither' if len(verdicts) == 2 else 'no'} layout: " + "; ".join(f"{k}: {w.reason}" for k, w in verdicts.items())
        return GraphOutcome("refuted", reason, "", verdicts, None, 0)
    misfits = "; ".join(f"{k}: {w.reason}" for k, w in verdicts.items() if k not in fit)
    if len(fit) == 1:
        (k, v), = fit.items()
        out = _outcome(v, k, verdicts)
        out.reason = f"in the {k} layout (the only one the shapes fit: {misfits}); " + out.reason
        if isinstance(evidence, DeclaredLayout) and evidence.layout != k and out.status == "holds":
            # the notes name their layout, and the claim is well-shaped only in the other one (review 20 F0): a
            # gradient is refuted where no convention the words allow writes it so (issue 14: the denominator
            # layout declared, or the numerator layout with "a gradient is a row vector"); else it is ambiguous
            # (the numerator layout named alone: gradients as columns, the mixed convention, may be meant)
            if kinds == {"gradient"} and (evidence.layout == "denominator" or evidence.explicit):
                return GraphOutcome("refuted", f"it is well-shaped only in the {k} layout, but the notes declare the "
                                    f"{evidence.layout} layout on line {evidence.line}, in which the shapes do not "
                                    f"fit ({misfits})", evidence.layout, verdicts, None, 0,
                                    kinds=tuple(sorted(kinds)))
            return GraphOutcome("ambiguous", f"it is well-shaped only in the {k} layout, but the notes declare the "
                                f"{evidence.layout} layout on line {evidence.line}: {out.reason}", k, verdicts,
                                None, out.instances, kinds=tuple(sorted(kinds)))
        return out
    names = list(fit)
    first = fit[names[0]]
    if all(v.status == first.status for v in fit.values()):
        out = _outcome(first, "both" if names == list(LAYOUTS) else "+".join(names), verdicts)
        if len(fit) == len(verdicts):
            out.reason = ("in both layouts; " if len(fit) == 2 else "in every layout; ") + out.reason
        else:
            out.reason = f"in the {_and(names)} layouts (the shapes do not fit in the {misfits}); " + out.reason
        return out
    if notes_layout in fit:
        chosen = fit[notes_layout]
        out = _outcome(chosen, notes_layout, verdicts)
        others = "; ".join(f"in the {k} layout it would be {v.status}: {v.reason}" for k, v in fit.items()
                           if k != notes_layout)
        whose = evidence.words() if isinstance(evidence, DeclaredLayout) else \
            "the notes' own (their other claims fit only in it)"
        out.reason = f"in the {notes_layout} layout, {whose}: {out.reason}; {others}"
        return out
    reason = "the layouts disagree: " + "; ".join(f"{k} layout {v.status} ({v.reason})" for k, v in fit.items())
    generic = set()
    for v in fit.values():
        generic |= set(v.generic)
    return GraphOutcome("ambiguous", reason, "", verdicts, next((v.counterexample for v in fit.values()
                                                                  if v.counterexample is not None), None),
                        sum(v.instances for v in fit.values()), tuple(sorted(generic)))


def _notes_choice(evidence, fit: dict, kinds: set) -> str:
    """The notes' own layout among the layouts ``fit`` of this claim: given, or the one at least two other claims
    single out among them (a claim consistent with two of them singles out none), twice as often as any other."""
    if isinstance(evidence, DeclaredLayout):
        evidence = evidence.layout
    if isinstance(evidence, str):
        if evidence == MIXED and MIXED not in fit:  # the same as one pure layout here
            evidence = "numerator" if "jacobian" in kinds else "denominator"
        return evidence if evidence in fit else ""
    votes = {k: 0 for k in fit}
    for consistent in evidence:
        common = _as_read_here(consistent, fit, kinds) & set(fit)
        if len(common) == 1:
            votes[common.pop()] += 1
    for k, n in votes.items():
        if n >= 2 and all(n >= 2 * m for j, m in votes.items() if j != k):
            return k
    return ""


def _as_read_here(consistent, fit: dict, kinds: set) -> set:
    """The layouts another claim is consistent with, as they read the claim at hand: when the mixed layout is no
    reading of its own here (a claim of gradients only, or of Jacobians only), the mixed layout is the pure one
    it agrees with for this claim (gradients: denominator; Jacobians: numerator). So gradient claims that fit
    only the denominator or the mixed layout say nothing about the layout of a Jacobian (review 15 W4).

    >>> sorted(_as_read_here({"denominator", MIXED}, {"denominator": 0, "numerator": 0}, {"jacobian"}))
    ['denominator', 'numerator']
    >>> sorted(_as_read_here({"denominator", MIXED}, {"denominator": 0, "numerator": 0}, {"gradient"}))
    ['denominator']
    """
    out = set(consistent)
    if MIXED in out and MIXED not in fit:
        out.discard(MIXED)
        if kinds == {"jacobian"}:
            out.add("numerator")
        elif kinds == {"gradient"}:
            out.add("denominator")
    return out


def _and(names: list) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def _outcome(v: LayoutVerdict, layout: str, verdicts: dict) -> GraphOutcome:
    status = "refuted" if v.status == "misfit" else v.status  # an update rule's may be conditional, uninterpretable
    return GraphOutcome(status, v.reason, layout, verdicts, v.counterexample, v.instances, v.generic)


def _check_layout(eq: Equation, model: Model, layout: str, budget: float) -> tuple[LayoutVerdict, bool, set]:
    """(the verdict in ``layout``, whether a vector derivative made the layout matter, the kinds of derivative)."""
    kinds: set = set()
    verdict, used = _check_in(eq, model, layout, budget, kinds)
    return verdict, used, kinds


def _check_in(eq: Equation, model: Model, layout: str, budget: float, kinds: set) -> tuple[LayoutVerdict, bool]:
    used = False
    try:
        ranges = free_indices(eq, model)
    except Misfit as exc:
        return LayoutVerdict(layout, "misfit", str(exc)), False
    names = sorted(ranges)
    forms = derivative_forms(eq)
    letters: dict = {}  # the letters of sums' bounds and their sizes in this model
    zero = ""  # a literal 0 read as a zero matrix or vector
    instances = 0
    failed = []
    first = None
    points: dict = {}  # "x_1 = 0" of each bar that sets an input at a value: the claim is about that point
    outside = False  # a side depends on a bar's input outside the bar
    try:
        with deadline(budget):
            for combo in itertools.product(*(range(1, ranges[n] + 1) for n in names)):
                bind = dict(zip(names, combo))
                ev = Evaluator(model, layout, bind)
                ev.forms = forms
                try:
                    raw = [ev.value(s) for s in eq.sides]
                    values = zero_shaped(eq, raw)
                    if not zero and any(v is not r for v, r in zip(values, raw)):
                        zero = f" (0 read as the zero {shape_words(values[0] if is_mat(values[0]) else values[-1])[2:]})"
                except Misfit as exc:
                    kinds |= ev.kinds
                    return LayoutVerdict(layout, "misfit", binding_words(bind) + str(exc) + _sizes(ev.letters_used)), \
                        ev.layout_used or used
                kinds |= ev.kinds
                used = used or ev.layout_used
                letters.update(ev.letters_used)
                values, found, free = _bar_points(ev, values, model)
                points.update(found)
                outside = outside or free
                instances += 1
                for k in range(1, len(values)):
                    diff = difference(values[0], values[k], model)
                    if isinstance(diff, str):
                        return LayoutVerdict(layout, "misfit", binding_words(bind) + diff.format(
                            left=to_latex(eq.sides[0]), right=to_latex(eq.sides[k]))), used
                    if diff is not None:
                        if k not in failed:
                            failed.append(k)
                        if first is None:
                            first = (bind, k, diff)
    except ReductionTimeout:
        return LayoutVerdict(layout, "undecided", f"the time budget ran out after {instances} instances",
                             instances), used
    at = f" at {', '.join(points)} only (the bar's point)" if points else ""
    if first is None and outside:
        # the whole claim holds at the point; with the input free outside the bar it may not: not said which
        raise GraphUninterpretable(f"{to_latex(eq)}: it holds when the whole claim is taken at {', '.join(points)}, "
                                   "but a side depends on that input outside the bar, and the notes do not say "
                                   "whether the point is meant there too")
    if first is None:
        return LayoutVerdict(layout, "holds", f"exact on {instances} instance{'s' if instances != 1 else ''}{at}{zero}",
                             instances), used
    bind, k, (entry, lv, rv) = first
    outside_domain: list = []
    cx = refute(model, lv, rv, bind, entry, k, eq, layout, {leaf: v for leaf, v in points.values()}, outside_domain)
    sides = ", ".join(str(s + 1) for s in failed)
    where = binding_words(bind) + (f"entry {entry}, " if entry else "")
    generic = generic_functions(model, lv - rv)
    if cx is None:
        return LayoutVerdict(layout, "undecided", f"{where}side {sides} differs from side 1 symbolically, but no "
                             "exact point separating them was found" + domain_words(outside_domain)
                             + generic_words(generic), instances, None, tuple(failed), generic), used
    words = f"{where}side {sides} differs from side 1" if len(eq.sides) > 2 else f"{where}the two sides differ"
    words += _sizes(letters) + at + zero
    return LayoutVerdict(layout, "refuted", words + generic_words(generic), instances, cx, tuple(failed),
                         generic), used


def generic_functions(model: Model, expr) -> tuple:
    """The names of the generic functions whose atoms ``expr`` holds (looking inside the atoms' points)."""
    names, todo, seen = set(), list(sympy.sympify(expr).free_symbols), set()
    while todo:
        s = todo.pop()
        if s in seen or not model.atoms.is_atom(s):
            continue
        seen.add(s)
        key = model.atoms.keys[s]
        names.add(key[1])
        for a in key[-1]:
            todo.extend(sympy.sympify(a).free_symbols)
    return tuple(sorted(names))


def generic_words(names: tuple) -> str:
    """' (with σ, L taken as generic differentiable functions)' for a verdict that depends on them."""
    if not names:
        return ""
    shown = ", ".join("σ" if n == "sigma" else n for n in names)
    what = "a generic differentiable function" if len(names) == 1 else "generic differentiable functions"
    return f" (with {shown} taken as {what})"


def _sizes(letters: dict) -> str:
    """Where a sum's bound is a letter, the size it had where the claim failed (a witness size)."""
    return f" (where {letter_words(letters)})" if letters else ""


def zero_shaped(eq: Equation, values: list) -> list:
    """The values of the sides, a side written as the literal 0 beside sides of one matrix or vector shape taken as
    the zero of that shape (∂g_1/∂V = 0 for a matrix V); another number (``= 1``) stays a scalar.

    >>> from fractions import Fraction
    >>> v = sympy.ImmutableMatrix([[1, 2]])
    >>> zero_shaped(Equation((Sym("a"), Num(Fraction(0))), ("=",)), [v, sympy.Integer(0)])[1]
    Matrix([[0, 0]])
    """
    shapes = {v.shape for v in values if is_mat(v)}
    if len(shapes) != 1:
        return values
    zero = sympy.ImmutableMatrix.zeros(*shapes.pop())
    return [zero if isinstance(side, Num) and side.value == 0 else v for side, v in zip(eq.sides, values)]


def read_words(model: Model) -> str:
    """The model in words, for the interpretation of a verdict."""
    return "; ".join(model.lines())


__all__ = ["GraphOutcome", "LayoutVerdict", "check_graph", "combine", "free_indices", "generic_functions", "generic_words", "read_words", "GraphUninterpretable"]
