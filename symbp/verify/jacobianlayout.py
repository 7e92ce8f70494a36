r"""A layered Jacobian, ∂z^l/∂a^{l-1} or ∂a^l/∂z^l, when the notes declare no layout: weighed in each.

Nielsen's notes write no Jacobian of a vector by a vector, so symbp's default reading has no layout for one. Three
conventions are in use, and a claim with a Jacobian is checked in each (``verification.verify``):

* the mixed convention (``MIXED``): a Jacobian has a row per entry of its numerator (∂z^l/∂a^{l-1} = w^l), a
  gradient ∂C/∂a^l is a column, as in Nielsen's notes;
* the denominator layout (``DENOMINATOR``): the transpose of each Jacobian (∂z^l/∂a^{l-1} = (w^l)^T), gradients
  columns;
* the numerator layout (``NUMERATOR``): Jacobians as in the mixed convention, gradients rows.

``weigh`` makes one verdict of the three. A reading in which some network's two sides have different shapes does
not fit the claim (a claim is meant for every size). Of the readings that fit:

* all hold, or all are refuted: that verdict, naming the layouts it was made in;
* some hold and some are refuted: ``ambiguous`` with each verdict (never a hold);
* otherwise the least decided, with the reasons.

When no reading fits, the claim is refuted (its shapes differ in every layout).
"""

from __future__ import annotations

from .gradlayout import GradientLayout
from .verdicts import Verification, replaced

MIXED = GradientLayout("mixed")
DENOMINATOR = GradientLayout("denominator")
NUMERATOR = GradientLayout("numerator", explicit=True)
#: From the least to the most decided: the verdict of readings that neither hold nor are refuted.
_ORDER = ("unreadable", "uninterpretable", "ambiguous", "undecided", "conditional", "refuted", "holds")


def ill_shaped(v: Verification) -> bool:
    """Did some network refute ``v`` because the sides' shapes differ (the layout does not fit the claim)?"""
    return v.status == "refuted" and any(c.get("ill_shaped") for c in v.checked)


_NAMES = {"mixed": "the mixed convention", "denominator": "the denominator layout", "numerator": "the numerator layout"}
# a gradient's shape said by the vector's, true of column (Nielsen) and row-vector notes alike (review: "a gradient is
# a column" was said of the denominator layout in notes whose vectors are rows, where ∂C/∂a^l is a row)
_MEANS = {"mixed": "a Jacobian such as ∂z^l/∂a^{l-1} has a row per entry of z^l, a gradient ∂C/∂a^l has the shape "
                   "of a^l",
          "denominator": "∂z^l/∂a^{l-1} has a column per entry of z^l, a gradient ∂C/∂a^l has the shape of a^l",
          "numerator": "∂z^l/∂a^{l-1} has a row per entry of z^l, a gradient ∂C/∂a^l has the shape of (a^l)^T"}


def _words(layout: GradientLayout) -> str:
    return f"in {_NAMES[layout.layout]} ({_MEANS[layout.layout]})"


def _brief(v: Verification) -> str:
    return v.reason.split("\n")[0] if v.reason else v.status


def weigh(readings: "list[tuple[Verification, GradientLayout]]") -> Verification:
    """One verdict from the claim read in each layout of ``readings`` (verdict, layout)."""
    fits = [(v, layout) for v, layout in readings if not ill_shaped(v)]
    if not fits:
        v, _ = readings[0]
        return _said(v, "its shapes differ in every layout: in "
                     + " and ".join(_NAMES[layout.layout] for _, layout in readings[1:]) + " too")
    statuses = {v.status for v, _ in fits}
    others = [(v, layout) for v, layout in readings if (v, layout) not in fits]
    unfit = ("; its shapes do not fit " + " or ".join(_NAMES[layout.layout] for _, layout in others)
             if others else "")
    if statuses <= {"holds"} or statuses <= {"refuted"} or (  # conditional alike in each: the same condition
            statuses == {"conditional"} and len({v.condition for v, _ in fits}) == 1):
        v = fits[0][0]
        where = " and ".join(_words(layout) for _, layout in fits)
        out = _said(v, f"{v.status} {where}{unfit}")
        if others:  # the layouts its shapes fit, when not all do: for ``layoutmix`` and ``agreeing`` across the notes
            out = replaced(out, interpretation=dict(out.interpretation, fits=tuple(layout.layout for _, layout in fits)))
        return out
    if statuses <= {"holds", "refuted", "conditional"}:
        reason = ("the layouts disagree and the notes declare none: "
                  + "; ".join(f"{_words(layout)} it is {v.status} ({_brief(v)})" for v, layout in fits))
        return replaced(fits[0][0], status="ambiguous", verdict="undecided", reason=reason + unfit, identity="",
                        diagnosis="", corrected="", counterexample=None, condition="", condition_met=None)
    v = min((v for v, _ in fits), key=lambda w: _ORDER.index(w.status) if w.status in _ORDER else 0)
    return _said(v, "; ".join(f"{_words(layout)}: {w.status} ({_brief(w)})" for w, layout in fits) + unfit)


def _said(v: Verification, words: str) -> Verification:
    reason = f"{v.reason} ({words})" if v.reason else words
    return replaced(v, reason=reason, interpretation=dict(v.interpretation, layout=words))


def agreeing(rows: list, row_type) -> list:
    """The notes' rows with the claims that hold only in some layouts (``weigh``: the others do not fit them) made
    ambiguous where no one layout makes them all hold: notes without a declared layout that write both
    ∂z^l/∂a^{l-1} = (w^l)^T and ∂z^l/∂a^{l-1} = w^l contradict themselves, and one of the two is false in the layout
    they use (review rv35 A2). A formula the notes call wrong does not choose the layout; one that holds only where
    the notes' claims do not is ambiguous too (the notes may well be right to call it wrong). ``row_type(formula,
    result)`` builds a row."""
    held = [(r, set(r.result.interpretation["fits"])) for r in rows
            if r.result.status == "holds" and r.result.interpretation.get("fits")]
    stated = [(r, layouts) for r, layouts in held if not r.formula.negated]
    if not stated:
        return rows
    common = set.intersection(*(layouts for _, layouts in stated))
    doubted = [(r, layouts) for r, layouts in held if not common or (r.formula.negated and not layouts & common)]
    if not doubted:
        return rows
    said = "; ".join(f"line {r.formula.line} holds only {' or '.join(_words(GradientLayout(n)) for n in sorted(ls))}"
                     for r, ls in held)
    why = ("the notes declare no layout and their claims hold in different ones, so one of them is false in the "
           f"layout the notes use: {said}") if not common else (
           f"the notes declare no layout, and their claims hold only {' or '.join(_words(GradientLayout(n)) for n in sorted(common))}, "
           f"where this formula, which they call wrong, does not: {said}")
    changed = {id(r): row_type(r.formula, replaced(r.result, status="ambiguous", verdict="undecided", diagnosis="",
                                                   corrected="", identity="", reason=why)) for r, _ in doubted}
    return [changed.get(id(r), r) for r in rows]
