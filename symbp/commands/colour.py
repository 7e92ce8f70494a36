r"""Verdicts in colour on a terminal: green holds, red refuted, yellow undecided, grey unread.

Colour is used only when standard output is a terminal and ``NO_COLOR`` is
unset (https://no-color.org); ``FORCE_COLOR`` turns it on anyway. Piped or
redirected output is plain text, byte for byte.

>>> paint("refuted", "refuted", on=True) == "\x1b[31mrefuted\x1b[0m"
True
>>> paint("refuted", "refuted", on=False)
'refuted'
"""

from __future__ import annotations

import os
import sys

#: ANSI colour of each verdict or status.
COLOURS = {
    "proved": "32", "proved-for-all-sizes": "32", "holds": "32", "probably-true": "36",
    "refuted": "31", "undecided": "33", "conditional": "33",
    "unreadable": "90", "uninterpretable": "90",
}


def colour_on(stream=None) -> bool:
    """Whether to colour text written to ``stream`` (standard output by default)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream if stream is not None else sys.stdout
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def paint(text: str, verdict: str, *, on: "bool | None" = None) -> str:
    """``text`` in the colour of ``verdict`` when colour is on (``on`` defaults to ``colour_on()``)."""
    code = COLOURS.get(verdict)
    if code is None or not (colour_on() if on is None else on):
        return text
    return f"\x1b[{code}m{text}\x1b[0m"


def paint_cell(cell: str, verdict: str, *, on: "bool | None" = None) -> str:
    """A padded table cell with only its words coloured, so the columns stay aligned."""
    word = cell.rstrip()
    return paint(word, verdict, on=on) + cell[len(word):]
