r"""How far words that name another cost or activation reach (review rv49 A3).

``otherwords`` reads the formula's own sentence and the one right before it. Notes say which cost a passage is
about in other places too, and BP1 of the notes' cost held there:

* a switch "from now on" (od teď, отныне, od teraz; "below … throughout", "in this section", далее, odtąd, …) to a
  cost or activation symbp has no reader for: it holds until a heading of the same or a higher level (a section of
  that level ends) or until the notes switch again (back to their own: "From now on we use the quadratic cost
  again");
* a heading that names one ("## The mean absolute error", "# Part 2: Huber loss", "## Tanh networks" in sigmoid
  notes): it applies to its section, subsections included;
* a lead-in ending in ":" ("For the Huber loss we get the following:") applies to each item of the list under it;
* the sentence right after the formula that goes back to it ("$$…$$ This holds for the mean absolute error.").

``other_in_scope`` returns where such words stand; ``unreadwords`` then leaves the formula unjudged, naming them.

>>> text = "From now on we use the Huber loss.\n\nThe network is the same.\n\n$$x$$\n"
>>> span = other_in_scope(text, text.index("$$"), text.index("$$") + 5, {"cost": "quadratic"})
>>> text[span[0]:span[1]]
'the Huber loss'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .listlead import lead_in
from .otherwords import other_span
from .sentences import FORMULA, SENTENCE_END, masked

#: Words that switch what the notes use from here on (en, cs, ru, pl).
_SWITCH = re.compile(
    r"\bfrom\s+now\s+on\b|\bhenceforth\b|\bhereafter\b|\bfrom\s+here\s+on\b|\bthroughout\b|\bin\s+(?:this|the\s+rest\s+of"
    r"\s+this)\s+(?:section|chapter|part|lecture)\b|\bin\s+what\s+follows\b|\bfor\s+the\s+rest\b|\bfrom\s+this\s+point\b"
    r"|\bod\s+teď\b|\bodteď\b|\bod\s+nynějška\b|\bnadále\b|\bv\s+(?:této|tomto)\s+(?:sekci|kapitole|části|oddílu)\b"
    r"|\bv\s+dalším\b|\bотныне\b|\bдалее\b|\bвпредь\b|\bс\s+этого\s+момента\b|\bв\s+(?:этом|данном)\s+(?:разделе|параграфе)\b"
    r"|\bв\s+этой\s+(?:главе|части)\b|\bod\s+teraz\b|\bodtąd\b|\bw\s+(?:tej|tym|dalszej)\s+(?:sekcji|części|rozdziale)\b",
    re.IGNORECASE)
#: Words that go back to the notes' own ("back to the quadratic cost"; zpět k, вернёмся, wracamy).
_BACK = re.compile(r"\bback\s+to\b|\bzpět\s+k\b|\bвернёмся\b|\bвернемся\b|\bwracamy\b|\bpowrót\b", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+)$", re.MULTILINE)
#: The next sentence going back to the formula: "This holds for …", "It is for …", "Toto platí pro …", "Это верно для …".
_GOES_BACK = re.compile(r"\s*(?:this|that|it|these|which|here|the\s+(?:formula|above|equation)|toto|to|tento|tato"
                        r"|это|эта|этот|оно|ta|ten|to|tu)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _marks(text: str) -> tuple:
    """The headings ((pos, level, end of line)) and the sentences with switch or back words ((start, stop)) of
    ``text``, in order: read once per notes."""
    headings = tuple((m.start(), len(m.group(1)), m.end()) for m in _HEADING.finditer(text))
    switches = {_sentence(text, m.start()) for pattern in (_SWITCH, _BACK) for m in pattern.finditer(text)}
    return headings, tuple(sorted(switches))


def _sentence(text: str, at: int) -> "tuple[int, int]":
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, at - 1000), at)]
    more = SENTENCE_END.search(text, at)
    return (ends[-1] if ends else max(0, at - 1000)), (more.start() if more else len(text))


def _level_at(headings: tuple, pos: int) -> int:
    """The level of the section ``pos`` stands in (0: before any heading)."""
    levels = [level for at, level, _ in headings if at < pos]
    return levels[-1] if levels else 0


def _other(text: str, a: int, b: int, own: dict) -> "tuple[int, int] | None":
    """Where in text[a:b] words naming another cost or activation stand (absolute positions), or None; none in words
    that give the other one's formula (the readers of the cost read those)."""
    piece = text[a:b]
    if any("=" in m.group(0) for m in FORMULA.finditer(piece)):
        return None
    span = other_span(masked(piece), own)
    return None if span is None else (a + span[0], a + span[1])


def other_in_scope(text: str, start: int, stop: int, own: dict) -> "tuple[int, int] | None":
    """Where words stand, in ``text``, naming a cost or an activation other than the notes' own (``own``: the model
    where the formula stands) whose reach covers the formula at ``start``–``stop`` (see the module), or None."""
    headings, switches = _marks(text)
    # a heading of an enclosing section
    level = 7
    for at, lvl, end in reversed([h for h in headings if h[0] < start]):
        if lvl < level:
            level = lvl
            if (span := _other(text, at, end, own)) is not None:
                return span
    # the last switch before the formula, unless a section of its level (or higher) ended since
    before = [s for s in switches if s[1] <= start]
    if before:
        a, b = before[-1]
        lvl = _level_at(headings, a)
        ended = any(a < at < start and level <= lvl for at, level, _ in headings) if lvl else False
        if not ended and _SWITCH.search(text, a, b) and (span := _other(text, a, b, own)) is not None:
            return span
    # a lead-in ending in ":" above the list the formula is an item of
    if (span := _lead_in(text, start, own)) is not None:
        return span
    # the next sentence, when it goes back to the formula
    ended = SENTENCE_END.match(text, stop)
    after = ended.end() if ended else stop
    nxt = text[after:after + 300].split("\n\n")[0]
    if _GOES_BACK.match(nxt):
        cut = SENTENCE_END.search(nxt)
        piece = nxt[:cut.start() if cut else len(nxt)]
        if not FORMULA.search(piece) and (span := _other(text, after, after + len(piece), own)) is not None:
            return span
    return None


def _lead_in(text: str, start: int, own: dict) -> "tuple[int, int] | None":
    at = lead_in(text, start)
    return None if at is None else _other(text, *_sentence(text, at[1] - 1), own)


__all__ = ["other_in_scope"]
