r"""The verdict on the notes' statement that a formula is false, and how a formula carries the words that deny it.

``negation`` reads the words around a formula that call it false and marks the formula with them
(``Formula.negated``: the words, after one of the marks below when the denial is not plain). This module turns the
verdict on the formula as written into the verdict on what the notes say of it: refuted becomes holds, holds becomes
refuted; a mark (a row of a display, a condition not read, a sentence that goes on, one formula of several) leaves
it undecided or unjudged, never a plain verdict.
"""

from __future__ import annotations

from dataclasses import replace

from .verdicts import Verification

#: How ``Formula.negated`` marks a later row of a display the words before it negate (``negated_verdict``).
ROW = "a row of a display after: "
#: How ``Formula.negated`` marks a claim the notes call false under a condition that is not read (words, condition).
UNDER = "under a condition: "
#: Between the words that deny a formula and the condition they are put under, after ``UNDER``.
SEP = "\u241e"
#: How ``Formula.negated`` marks a display whose sentence goes on after it with words that change it (``GOES_ON``).
GOES_ON_MARK = "the sentence goes on: "
#: How ``Formula.negated`` marks a claim that words after several formulas may call false, or may not (``antecedents``).
AMBIGUOUS = "one of several: "
#: How ``Formula.negated`` marks a claim that words touching it judge or negate in a way not read (``doubtwords``).
UNCLEAR = "words not read: "
#: How ``Formula.negated`` marks a formula the notes mark wrong without words read here (``wrongmarks``): the reason.
MARKED = "marked: "


def negated_verdict(v: Verification, words: str) -> Verification:
    """The verdict on the notes' statement that the formula of ``v`` is false (they call it so with ``words``).

    >>> v = Verification(formula="a = b", status="refuted", verdict="refuted", reason="the two sides differ")
    >>> w = negated_verdict(v, "it is not true that")
    >>> w.status, w.verdict, w.reason
    ('holds', 'proved', 'the notes call this formula wrong (“it is not true that”), and it is: the two sides differ')
    >>> negated_verdict(replace(v, status="holds", verdict="proved", reason=""), "wrong:").status
    'refuted'
    >>> negated_verdict(replace(v, status="holds", verdict="proved", reason=""), GOES_ON_MARK + "transposed").status
    'uninterpretable'
    """
    said = f"the notes call this formula wrong (\u201c{words}\u201d)"
    named = v.identity and v.identity not in v.reason and f"it is {v.identity}"
    what = "; ".join(filter(None, (named, v.diagnosis,
                                   v.corrected and f"corrected: {v.corrected}", v.reason, _shown(v.counterexample))))
    cleared = dict(identity="", diagnosis="", corrected="", counterexample=None, condition="", condition_met=None)
    if words.startswith((UNDER, GOES_ON_MARK, AMBIGUOUS, UNCLEAR, MARKED)):  # what the notes claim is not read: no verdict
        if words.startswith(MARKED):
            said = words[len(MARKED):]
        elif words.startswith(UNCLEAR):
            said = (f"the words \u201c{words[len(UNCLEAR):]}\u201d judge or negate this formula in a way symbp does not "
                    "read (whether the notes state it or deny it is not decided): it is not judged")
        elif words.startswith(AMBIGUOUS):
            said = (f"the words \u201c{words[len(AMBIGUOUS):]}\u201d after it call a formula wrong, but which of the "
                    "formulas before them is meant (this one or another beside it) is not said: it is not judged")
        elif words.startswith(UNDER):
            denial, condition = words[len(UNDER):].split(SEP, 1)
            said = (f"the notes call this formula wrong (\u201c{denial}\u201d) under words symbp does not read "
                    f"(\u201c{condition}\u201d): whether the formula is wrong there is not decided")
        else:
            said = (f"the sentence goes on after the display (\u201c{words[len(GOES_ON_MARK):]}\u201d): what those "
                    "words do to the formula is not read")
        status = "unreadable" if v.status == "unreadable" else "uninterpretable"
        return replace(v, status=status, verdict="undecided", reason=f"{said}; as written it is {v.status}"
                       + (f" ({what})" if what else ""), **cleared)
    if words.startswith(ROW):
        said = f"the notes call a formula of this display wrong before it (\u201c{words[len(ROW):]}\u201d)"
        if v.status not in ("holds", "refuted", "conditional"):
            return replace(v, reason=f"{said}; {v.reason}" if v.reason else said)
        return replace(v, status="undecided", verdict="undecided",
                       reason=f"{said}; whether they mean this row too is not said: as the notes' claim it is "
                              f"{v.status} ({what})", **cleared)
    if v.status == "refuted":
        return replace(v, status="holds", verdict="proved", reason=f"{said}, and it is: {what}", **cleared)
    if v.status == "holds":
        return replace(v, status="refuted", verdict="refuted", reason=f"{said}, but it holds: {what}", **cleared)
    if v.status == "conditional":
        return replace(v, status="undecided", verdict="undecided",
                       reason=f"{said}, but it holds when {v.condition}: whether the notes mean it false under that "
                              f"condition is not said ({what})", **cleared)
    return replace(v, reason=f"{said}; {what}" if what else said)


def _shown(cx) -> str:
    if cx is None:
        return ""
    return f"counterexample: left {cx.lhs[:60]} \u2260 right {cx.rhs[:60]}" + (f" ({cx.activation})"
                                                                              if cx.activation else "")


__all__ = ["AMBIGUOUS", "GOES_ON_MARK", "MARKED", "ROW", "SEP", "UNCLEAR", "UNDER", "negated_verdict"]
