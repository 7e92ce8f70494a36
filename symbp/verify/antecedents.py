r"""Which formula a denial after several formulas means: "We have $A$ and $B$, but this is wrong."

``negation`` reads words right after a formula that call it false ("$$…$$ is wrong", "…, but this is wrong") as a
denial of that formula. Where other formulas stand before the words in the same sentence, and the words point back
("this", "that", "which", "to", "это"), or the formulas are all in one display ("$$A, \quad B$$⏎but this is
wrong."), which one the notes call false is not said: "this" may be either, or the whole statement. Every claim the
words may mean is then marked (``AMBIGUOUS``): it is neither judged as a claim nor as the notes' statement that it
is false (review rv44 B6: BP1 was refuted, "the notes call this formula wrong", and the slip beside it held).

>>> from symbp.verify.extract import Formula
>>> text = "We have $a = b$ and $c = d$, but this is wrong."
>>> items = [Formula(1, "a = b", False), Formula(1, "c = d", False, negated="but this is wrong")]
>>> [f.negated for f in ambiguous(items, text)]
['one of several: but this is wrong', 'one of several: but this is wrong']
>>> text = "We have $a = b$, and $c = d$ is wrong."
>>> [f.negated for f in ambiguous([items[0], Formula(1, "c = d", False, negated="is wrong")], text)]
['', 'is wrong']
"""

from __future__ import annotations

import re
from dataclasses import replace

from .denials import FALSE_AFTER
from .extract import Formula
from .graphexamples import _locate, sentence_around
from .negverdict import AMBIGUOUS, GOES_ON_MARK, MARKED, ROW, UNCLEAR

#: Denial words that point back rather than name the formula before them: "…, but this is wrong", "…, which is
#: false", "This is incorrect.", "(wrong!)"; cs "ale to je špatně", ru "но это неверно", pl "ale to jest błędne".
_POINTS_BACK = re.compile(r"(?:,\s*)?(?:(?:but|yet|however|ale|avšak|však|но|однако|lecz|jednak),?\s+)?"
                          r"(?:this|that|it|which|to|tohle|toto|tento|tato|это|эта|так|tak|ten|ta)\b|\(", re.IGNORECASE)
#: The closing of the formula and what may stand before a sentence after it that denies it ("$$…$$⏎⏎This is wrong.").
_CLOSER = re.compile(r"^(?:\s|\$|\\\]|\\\)|\\end\s*\{[A-Za-z*]+\}|[.,;])*")


def _denied_after(text: str, f: Formula) -> "tuple[str, int, int] | None":
    """(the words after ``f`` that deny it, where its sentence starts, where ``f`` starts) when the notes deny it by
    words after it, in its sentence or the next ("$$…$$⏎This is wrong."); None otherwise."""
    around = sentence_around(text, f.line, f.source or f.text)
    if around is None:
        return None
    before, after, start = around
    m = FALSE_AFTER.match(after)
    if m is None:
        # the sentence after, when it is only a denial: "$$…$$⏎This is incorrect." (``negation._denied_below``)
        at = _locate(text, f.line, f.source or f.text)
        rest = text[at[1]:] if at is not None else ""
        lead = _CLOSER.match(rest).end()
        if "\n" not in rest[:lead] and "." not in rest[:lead]:
            return None
        m = FALSE_AFTER.match(rest[lead:])
        if m is None or not _POINTS_BACK.match(m.group("w")):
            return None
    return " ".join(m.group("w").split()), start - len(before), start


def ambiguous(items: "list[Formula]", text: str) -> "list[Formula]":
    """``items`` (formulas of ``text``, ``negation.mark`` applied) with each claim a denial after several formulas
    may mean marked ``AMBIGUOUS`` (see the module): the claims of the denied formula's sentence before it, when the
    words point back, or of its display, when the display holds several formulas."""
    out = list(items)
    for n, f in enumerate(items):
        if (f.kind != "claim" or not f.negated or f.cell is not None
                or f.negated.startswith((GOES_ON_MARK, ROW, UNCLEAR, MARKED))):
            continue
        said = _denied_after(text, f)
        if said is None:
            continue
        words, first, start = said
        shared = [k for k, g in enumerate(items) if k != n and g.kind == "claim" and g.cell is None and g.display
                  and f.display and g.line == f.line and (g.source or g.text) == (f.source or f.text)]
        before = []
        if _POINTS_BACK.match(words):
            for k, g in enumerate(items):
                if k == n or g.kind != "claim" or g.cell is not None or k in shared:
                    continue
                at = _locate(text, g.line, g.source or g.text)
                if at is not None and first <= at[0] < start:
                    before.append(k)
        if not shared and not before:
            continue
        for k in (n, *shared, *before):
            out[k] = replace(out[k], negated=AMBIGUOUS + words)
    return out


__all__ = ["ambiguous"]
