r"""The lead-in of a list: the line ending in ":" above the items a formula stands in (review rv49 A3, A16).

A list item is a sentence of its own, so words before a list ("For the Huber loss we get the following:", "The
following are wrong:") stood right before its first item only; they speak of every item.

>>> text = "The following are wrong:\n\n- $a = b$\n- $c = d$\n"
>>> a, b = lead_in(text, text.index("$c"))
>>> text[a:b]
'The following are wrong:'
"""

from __future__ import annotations

import re

from .sentences import position_of

#: A list item's opening: "- ", "* ", "• ", "1. ", "1) ".
ITEM = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+")


def lead_in(text: str, start: int) -> "tuple[int, int] | None":
    """(start, end) of the line ending in ":" that leads into the list whose item holds ``start``, or None (the
    formula is in no list item, or the lines above its items lead into nothing)."""
    at = text.rfind("\n", 0, start) + 1
    if not ITEM.match(text, at):
        return None
    while at > 0:
        prev = text.rfind("\n", 0, at - 1) + 1
        line = text[prev:at].rstrip("\n")
        if line.strip() and not ITEM.match(line) and not line.startswith((" ", "\t", "$$")):
            return (prev, prev + len(line.rstrip())) if line.rstrip().endswith(":") else None
        at = prev
    return None


def item_alone(text: str, line: int, source: str) -> "str | None":
    """The lead-in of the list whose item at ``line`` holds ``source``, then that item's line, as if the item stood
    right under it alone; None when the formula is in no list with a lead-in."""
    at = text.find(source, position_of(text, line))
    if at < 0 or (lead := lead_in(text, at)) is None:
        return None
    return text[lead[0]:lead[1]] + "\n" + text[text.rfind("\n", 0, at) + 1:].split("\n")[0] + "\n"


__all__ = ["ITEM", "item_alone", "lead_in"]
