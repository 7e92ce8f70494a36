r"""Finding the math in a document: LaTeX, Markdown or a Jupyter notebook in, math segments out.

One pass over the text (``delimiters``) turns it into *events*: math delimiters (``$``,
``$$``, ``\(``, ``\)``, ``\[``, ``\]``, ``\begin{align}`` … ``\end{align}``)
and *breaks* (a blank line, the end of a Markdown table cell or row, of a
heading, a code fence). What is not rendered as math never becomes an event:
LaTeX comments (``%`` to the end of the line), ``\verb|…|``, ``verbatim``-like
environments and ``\iffalse … \fi`` in LaTeX; code spans, fenced code blocks
indented code blocks (CommonMark: after a blank line, not in a list)
and HTML comments in Markdown; an escaped dollar ``\$`` in both. A second pass
pairs each opening delimiter with its closer *before the next break*; an
opener without one becomes an ``unclosed`` segment (reported with its line)
and the scan goes on right after it, so one stray ``$$`` never swallows the
rest of the file. Both passes are linear in the size of the text (the closers
are found by bisection in per-kind position lists).

Markdown blockquotes are transparent: the ``>`` markers at the start of each
line are read as spaces (``unquoted``), so math in a quote is found as it is
outside one, at the same lines, and a display over several quoted lines has
no ``>`` in it. A row of a display that starts with a deeper ``>`` than the
display's first line (``>`` a relation or a quote's marker?) makes the
display unreadable. An environment that is neither read nor a known text
environment and has math in it (``\begin{myeq} a = b \end{myeq}``) becomes an
unreadable segment naming it (``environments``), never nothing.

>>> [(s.line, s.delimiter, s.body) for s in scan("Text $a = b$ and\n\n$$c = d$$\n")]
[(1, '$', 'a = b'), (3, '$$', 'c = d')]
>>> s, = scan("| x | $$ |\n|---|---|\n")
>>> s.problem
'the $$ at line 1 is never closed before the table cell ends'
>>> scan("% $\\delta^L = 2$\n\\verb|$x$|", kind="latex")
[]
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace

from ..errors import InputFileError
from .delimiters import MATH_ENVIRONMENTS, MATH_FENCE, UNREAD_ENVIRONMENTS, _Event, _Lexer, _line, _line_starts
from .environments import unread_environments

__all__ = ["Segment", "guess_kind", "kind_of", "scan", "scan_notebook", "unquoted"]

_INLINE = {"$", "\\(", "math"}
_CLOSER = {"$": "$", "$$": "$$", "\\[": "\\]", "\\(": "\\)"}


@dataclass(frozen=True)
class Segment:
    """One piece of math as written: its body, where it starts, and how it was delimited.

    ``line`` is the line of the opening delimiter (1-based, in the file or in
    the notebook cell ``cell``); ``body_line`` the line where the body starts.
    ``problem`` is set for a delimiter that is never closed (``body`` is then
    the text up to the break, and nothing of it is checked).
    """

    body: str
    line: int
    column: int
    delimiter: str  # '$', '$$', '\\(', '\\[' or an environment's name
    display: bool
    body_line: int
    cell: int | None = None
    problem: str = ""
    before: str | None = None  # the text between the segment before this one (of the same scan) and this one,
    # or from the start of the scan for its first segment



def kind_of(name: str) -> str:
    """'latex', 'markdown' or 'notebook', from a file name's suffix (text files read as Markdown).

    >>> kind_of("chapter2.tex"), kind_of("README.md"), kind_of("lecture.ipynb"), kind_of("notes.txt")
    ('latex', 'markdown', 'notebook', 'markdown')
    """
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("tex", "ltx", "latex", "sty", "cls", "bib"):
        return "latex"
    if suffix == "ipynb":
        return "notebook"
    return "markdown"


def guess_kind(text: str) -> str:
    """For text without a name (standard input): a notebook, LaTeX (a preamble or ``\\begin{document}``) or Markdown."""
    head = text.lstrip()[:2000]
    if head.startswith("{") and '"cells"' in text[:100_000]:
        return "notebook"
    if re.search(r"\\documentclass|\\begin\{document\}|\\section\{|^\s*%", head, re.M):
        return "latex"
    return "markdown"


def scan(text: str, kind: str = "markdown", *, cell: int | None = None) -> list[Segment]:
    """Every math segment of ``text`` (``kind`` 'latex' or 'markdown'), in order, unclosed ones included."""
    if kind == "notebook":
        return scan_notebook(text)
    if kind not in ("latex", "markdown"):
        raise ValueError(f"kind must be 'latex', 'markdown' or 'notebook', got {kind!r}")
    starts = _line_starts(text)
    depths, widths = [0] * len(starts), [0] * len(starts)
    if kind == "markdown":
        text, depths, widths = unquoted(text)
    lexer = _Lexer(text, kind, starts, depths, widths)
    found = _pair(text, lexer.events(), starts, cell, depths)
    return _with_unread_environments(text, found, lexer, starts, cell)


def _with_unread_environments(text: str, found: list[tuple], lexer: "_Lexer", starts: list[int],
                              cell: int | None) -> list[Segment]:
    r"""The segments ``found``, and a segment for each environment not read that has math in it
    (``environments``): unreadable, naming it, in its place in the order."""
    unread = unread_environments(text, lexer.environments, [(a, b) for a, b, _ in found] + lexer.skipped)
    if not unread:
        return [seg for _, _, seg in found]
    added = []
    for begin, begin_end, end, name, closed in unread:
        line = _line(starts, begin)
        problem = (f"the environment {name} at line {line} is not read: its formulas are not checked" if closed else
                   f"the environment {name} at line {line} is not read (nor closed): its formulas are not checked")
        body = text[begin_end:end].strip().split("\n", 1)[0][:200]
        added.append((begin, begin_end, Segment(body, line, begin - starts[line - 1] + 1, name, True,
                                                _line(starts, begin_end), cell, problem)))
    # (start, where the text after it starts, segment, whether it is an environment added here), in order
    items = sorted([(a, b, seg, False) for a, b, seg in found] + [(a, b, seg, True) for a, b, seg in added],
                   key=lambda item: item[0])
    out: list[Segment] = []
    for k, (a, _, seg, environment) in enumerate(items):
        if environment:  # the text before it: from the end of the one before
            seg = replace(seg, before=text[min(items[k - 1][1], a) if k else 0:a])
        elif k and items[k - 1][3] and seg.before is not None:  # the text before it: from the \begin{…} before
            seg = replace(seg, before=text[items[k - 1][1]:a])
        out.append(seg)
    return out


def scan_notebook(text: str) -> list[Segment]:
    """The math of a Jupyter notebook's markdown cells; each segment names its cell (1-based) and line in it."""
    try:
        data = json.loads(text)
        cells = data["cells"]
        if not isinstance(cells, list):
            raise TypeError(f"its cells are a {type(cells).__name__}")
    except (ValueError, KeyError, TypeError) as exc:
        raise InputFileError(f"this is not a Jupyter notebook (.ipynb JSON with a list of cells): {exc}") from None
    out: list[Segment] = []
    for number, c in enumerate(cells, start=1):
        if not isinstance(c, dict) or not isinstance(c.get("cell_type"), str):
            raise InputFileError(f"this is not a well-formed Jupyter notebook: cell {number} is not a cell "
                                 "(a JSON object with a cell_type)")
        if c["cell_type"] != "markdown":
            continue
        source = c.get("source", "")
        if isinstance(source, list) and all(isinstance(piece, str) for piece in source):
            source = "".join(source)
        if not isinstance(source, str):  # review rv43 C4: a source of 7 was read as the text "7", found no formulas
            raise InputFileError(f"this is not a well-formed Jupyter notebook: the source of markdown cell {number} "
                                 f"is {type(source).__name__}, not text or a list of lines")
        out += scan(source, "markdown", cell=number)
    return out


#: A Markdown blockquote's markers at the start of a line (CommonMark: up to three spaces, ``>``, one optional space;
#: nested quotes repeat them).
_QUOTE = re.compile(r"(?:[ ]{0,3}>[ ]?)+")


def unquoted(text: str) -> tuple[str, list[int], list[int]]:
    """Markdown ``text`` with the blockquote markers at the start of each line turned into spaces, the depth of each
    line (how many ``>`` it starts with) and the width of its markers. Every character stays where it was, so
    positions and lines are those of the file, and a display that spans quoted lines has no ``>`` in its body.

    >>> unquoted("Text\\n> $$a\\n> > = b$$")
    ('Text\\n  $$a\\n    = b$$', [0, 1, 2], [0, 2, 4])
    """
    lines = text.split("\n")
    depths, widths = [], []
    for n, line in enumerate(lines):
        m = _QUOTE.match(line)
        depths.append(m.group(0).count(">") if m else 0)
        widths.append(m.end() if m else 0)
        if m:
            lines[n] = " " * m.end() + line[m.end():]
    return "\n".join(lines), depths, widths



def _pair(text: str, events: list[_Event], starts: list[int], cell: int | None, depths: list[int]) -> list[tuple]:
    """The second pass: each opener with its closer before the next break; unclosed openers reported.

    Returns ``(start, end, segment)`` for each segment: ``end`` is where its closer ends (for one never closed,
    where the break that leaves it open is)."""
    positions: dict[str, list[int]] = {}
    breaks: list[int] = []
    for k, e in enumerate(events):
        if e.kind == "break":
            breaks.append(k)
        elif e.kind in ("close", "both"):
            positions.setdefault(e.key, []).append(k)
    out: list[Segment] = []
    k = 0
    last_end: int | None = None  # where the segment before ends (after its closer)
    while k < len(events):
        e = events[k]
        if e.kind not in ("open", "both"):
            k += 1
            continue
        closer = _CLOSER.get(e.key) or "end:" + e.key.split(":", 1)[1]
        candidates = positions.get(closer, [])
        c = bisect.bisect_right(candidates, k)
        b = bisect.bisect_right(breaks, k)
        limit = breaks[b] if b < len(breaks) else len(events)
        name = e.key.split(":", 1)[1] if ":" in e.key else e.key
        line = _line(starts, e.pos)
        column = e.pos - starts[line - 1] + 1
        display = name not in _INLINE
        if c < len(candidates) and candidates[c] < limit:
            j = candidates[c]
            body = text[e.end:events[j].pos]
            before = text[0 if last_end is None else last_end:e.pos]
            problem = ""
            if name in UNREAD_ENVIRONMENTS or (name == "empheq" and e.inner not in MATH_ENVIRONMENTS):
                shown = name if name != "empheq" else f"empheq with {e.inner or 'no environment'}"
                problem = f"the environment {shown} at line {line} is not read: its formulas are not checked"
            deeper = next((n for n in range(line + 1, _line(starts, events[j].pos) + 1)
                           if depths[n - 1] > depths[line - 1]), None)
            if deeper is not None and not problem:
                # > ends a row, or opens a blockquote inside the formula: which one, the renderer decides
                problem = (f"line {deeper} inside the formula at line {line} starts with '>', a blockquote's "
                           "marker or a relation: not read")
            if problem:
                line_end = body.find("\n", 1)
                body = body[:line_end if line_end > 0 else len(body)][:200]
            out.append((e.pos, events[j].end, Segment(body, line, column, e.inner or name, display,
                                                      _line(starts, e.end), cell, problem, before)))
            last_end = events[j].end
            k = j + 1
            continue
        what = events[limit].key if limit < len(events) else "file"
        end = events[limit].pos if limit < len(events) else len(text)
        shown = name if name == MATH_FENCE else f"\\begin{{{name}}}" if ":" in e.key else name
        problem = f"the {shown} at line {line} is never closed before the {what} ends"
        # Nothing of an unclosed segment is checked; its body is shown up to the end of its line.
        line_end = text.find("\n", e.end, end)
        shown_body = text[e.end:line_end if line_end >= 0 else end][:200]
        before = None if last_end is None else text[last_end:e.pos]
        out.append((e.pos, end, Segment(shown_body, line, column, name, display, _line(starts, e.end), cell, problem,
                                        before)))
        last_end = e.end
        k += 1
    return out
