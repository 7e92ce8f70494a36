r"""Finding the math in a document: LaTeX, Markdown or a Jupyter notebook in, math segments out.

One pass over the text turns it into *events*: math delimiters (``$``,
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
from .environments import environment_arguments, unread_environments

__all__ = ["Segment", "environment_arguments", "guess_kind", "kind_of", "scan", "scan_notebook", "unquoted"]

#: Environments whose body is math, one equation or one per row.
MATH_ENVIRONMENTS = frozenset(
    f"{name}{star}" for name in ("equation", "align", "alignat", "flalign", "gather", "multline", "eqnarray",
                                 "displaymath", "math", "dmath")
    for star in ("", "*")
) | frozenset({"xalignat", "xalignat*", "xxalignat", "IEEEeqnarray", "IEEEeqnarray*", "empheq", "dseries",
               "dseries*", "darray", "darray*"})
#: Display environments of other packages that symbp does not read: reported as unreadable, never skipped.
UNREAD_ENVIRONMENTS = frozenset({"numcases", "subnumcases", "mathpar", "DispWithArrows", "DispWithArrows*"})
#: A Markdown code fence whose info string is ``math`` (GitHub, GitLab): display math, not code.
MATH_FENCE = "```math"
#: Environments whose body is shown as typed (never math).
VERBATIM_ENVIRONMENTS = frozenset({"verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment", "alltt",
                                   "BVerbatim", "LVerbatim", "filecontents", "filecontents*"})
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


@dataclass(frozen=True)
class _Event:
    pos: int  # where the token starts
    end: int  # where it ends
    kind: str  # 'open', 'close', 'both' (a dollar), 'break'
    key: str  # the delimiter: '$', '$$', '\\[', '\\]', 'begin:align', 'end:align'; for a break: what ends
    line: int = 0
    inner: str = ""  # the environment an ``empheq`` displays (its argument: align, gather, …)


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
            raise TypeError
    except (ValueError, KeyError, TypeError) as exc:
        raise InputFileError(f"this is not a Jupyter notebook (.ipynb JSON with a list of cells): {exc}") from None
    out: list[Segment] = []
    for number, c in enumerate(cells, start=1):
        if not isinstance(c, dict) or c.get("cell_type") != "markdown":
            continue
        source = c.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
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


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _line(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos)


def _indent(line: str) -> int:
    """The indentation of ``line`` in columns (a tab to the next multiple of four)."""
    col = 0
    for c in line:
        if c == " ":
            col += 1
        elif c == "\t":
            col += 4 - col % 4
        else:
            break
    return col


class _Lexer:
    """The first pass: delimiters and breaks, with comments, code and verbatim text skipped."""

    _TOKEN = re.compile(r"\\|\$\$?|%|`+|<!--|\||\n")
    _FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})[^\n]*")
    _TABLE_RULE = re.compile(r"[ ]{0,3}\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

    def __init__(self, text: str, kind: str, starts: list[int], depths: list[int], widths: list[int]):
        self.text, self.kind, self.starts, self.depths, self.widths = text, kind, starts, depths, widths
        self.out: list[_Event] = []
        # each line after its blockquote markers (Markdown): code, fences, headings and tables are found in there
        self.lines = [line[w:] for line, w in zip(text.split("\n"), widths)]
        self.table_lines = self._table_lines() if kind == "markdown" else set()
        self.runs: dict | None = None  # backtick runs by length, found on first use
        self.paragraph_ends: list[int] = []
        self.skipped: list[tuple[int, int]] = []  # spans not rendered: comments, code, verbatim text
        self.environments: list[tuple] = []  # (position, end, 'begin' or 'end', name) of the environments not read

    def _table_lines(self) -> set:
        """Line numbers of Markdown table rows: lines starting with '|' in a block that has a rule row."""
        lines = self.lines
        rows: set = set()
        block: list[int] = []
        for i, line in enumerate(lines + [""], start=1):
            if line.strip():
                block.append(i)
                continue
            if any(self._TABLE_RULE.match(lines[j - 1]) for j in block):
                rows.update(j for j in block if lines[j - 1].lstrip().startswith("|"))
            block = []
        return rows

    def events(self) -> list[_Event]:
        text, n = self.text, len(self.text)
        i = 0
        at_line_start = True
        while i < n:
            if at_line_start:
                i = self._line_start(i)
                at_line_start = False
                if i >= n:
                    break
            m = self._TOKEN.search(text, i)
            if m is None:
                break
            i, tok = m.start(), m.group(0)
            if tok == "\n":
                i = self._newline(i)
                at_line_start = True
            elif tok == "\\":
                i = self._backslash(i)
            elif tok[0] == "$":
                self._add(i, i + len(tok), "both", tok)
                i += len(tok)
            elif tok == "%":
                i = self._percent(i)
            elif tok[0] == "`":
                i = self._backticks(i, tok)
            elif tok == "<!--":
                i = self._html_comment(i)
            else:  # '|'
                if _line(self.starts, i) in self.table_lines:
                    self._add(i, i + 1, "break", "table cell")
                i += 1
        return self.out

    def _add(self, pos: int, end: int, kind: str, key: str) -> None:
        self.out.append(_Event(pos, end, kind, key))

    def _skip(self, pos: int, end: int) -> int:
        """Text from ``pos`` to ``end`` is not rendered (a comment, code): noted, and scanning goes on at ``end``."""
        self.skipped.append((pos, end))
        return end

    def _line_start(self, i: int) -> int:
        """Markdown block starts: code fences, headings. Returns where scanning goes on."""
        if self.kind != "markdown":
            return i
        text = self.text
        n = _line(self.starts, i) - 1
        fence = self._FENCE.match(text, i + self.widths[n])  # after a blockquote's markers, if any
        if fence:
            info = text[fence.end(1):fence.end()].strip().split(" ", 1)[0].lower()
            return self._fence(n, fence, MATH_FENCE if info == "math" else "")  # ```math: display math (GitHub)
        end = self._indented_code(i)
        if end is not None:
            self._add(i, i, "break", "code block")
            self._add(end, end, "break", "code block")
            return self._skip(i, end)
        return i

    def _fence(self, n: int, opener: re.Match, math: str) -> int:
        """The events of a fenced block opened on line ``n`` (0-based): a code block, or math of the key ``math``
        when that is set. It ends at its closing fence, or where its blockquote ends. Returns where scanning goes on."""
        text, marker = self.text, opener.group(1)
        closing = re.compile(rf"[ ]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
        i, body_start = self.starts[n], min(opener.end() + 1, len(text))
        self._add(i, i, "break", "code block")
        if math:
            self._add(i, body_start, "open", "begin:" + math)
        for m in range(n + 1, len(self.lines)):
            if self.depths[m] < self.depths[n]:  # the blockquote ends, and the block in it
                end = self.starts[m] - 1
                self._add(end, end, "break", "blockquote" if math else "code block")
                return end if math else self._skip(i, end)
            if closing.match(self.lines[m]):
                start = self.starts[m] + self.widths[m]
                end = start + len(self.lines[m])
                if math:
                    self._add(start, end, "close", "end:" + math)
                self._add(end, end, "break", "code block")
                return end if math else self._skip(i, end)
        self._add(len(text), len(text), "break", "file" if math else "code block")
        return len(text) if math else self._skip(i, len(text))

    _LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")

    def _indented_code(self, i: int) -> "int | None":
        """Where the Markdown indented code block starting at ``i`` ends (the end of its last line), or None.

        CommonMark: four spaces (or a tab) of indentation start one only after a blank line (it cannot interrupt a
        paragraph) and not in a list (after a blank line, indented text goes on the list item before it)."""
        lines = self.lines
        n = _line(self.starts, i) - 1  # 0-based
        if _indent(lines[n]) < 4 or not lines[n].strip() or (n > 0 and lines[n - 1].strip()):
            return None
        k = n - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        while k >= 0 and lines[k].strip():  # the block of text before: a list item, or a list's indented content
            if self._LIST_ITEM.match(lines[k]) or _indent(lines[k]) >= 2:
                return None
            k -= 1
        last = n
        for m in range(n + 1, len(lines)):
            if lines[m].strip() and _indent(lines[m]) < 4:
                break
            if lines[m].strip():
                last = m
        return self.starts[last] + self.widths[last] + len(lines[last])

    def _newline(self, i: int) -> int:
        text = self.text
        line = _line(self.starts, i)
        j = i + 1
        # A blank line (only spaces) ends the paragraph; so does the end of a table row or a heading.
        k = j
        while k < len(text) and text[k] in " \t\r":
            k += 1
        if k >= len(text) or text[k] == "\n":
            self._add(i, k, "break", "paragraph")
        elif line in self.table_lines:
            self._add(i, j, "break", "table row")
        elif self.kind == "markdown" and re.match(r"[ ]{0,3}#{1,6}(\s|$)", self.lines[line - 1]):
            self._add(i, j, "break", "heading")
        return j

    def _backslash(self, i: int) -> int:
        text = self.text
        m = re.compile(r"\\([A-Za-z]+\*?|.)", re.S).match(text, i)
        if m is None:
            return i + 1
        name = m.group(1)
        if name in ("[", "]", "(", ")"):
            kind = "open" if name in "[(" else "close"
            self._add(i, m.end(), kind, "\\" + name)
            return m.end()
        if name in ("begin", "end"):
            env = re.compile(r"\s*\{([A-Za-z]+\*?)\}").match(text, m.end())
            if env is None:
                return m.end()
            envname = env.group(1)
            if name == "begin" and envname in VERBATIM_ENVIRONMENTS:
                close = text.find(f"\\end{{{envname}}}", env.end())
                return self._skip(i, len(text) if close < 0 else close + len(envname) + 6)
            if envname in MATH_ENVIRONMENTS or envname in UNREAD_ENVIRONMENTS:
                if name == "end":
                    self._add(i, env.end(), "close", f"end:{envname}")
                    return env.end()
                # the arguments (\begin{alignat}{2}, \begin{IEEEeqnarray}{rCl}, \begin{empheq}[box=\fbox]{align})
                # are part of the opener, never of the math
                end, args = environment_arguments(envname, text, env.end())
                inner = ""
                if envname == "empheq" and args:
                    inner = args[-1].split("=", 1)[0].strip()
                self.out.append(_Event(i, end, "open", f"begin:{envname}", inner=inner))
                return end
            self.environments.append((i, env.end(), name, envname))
            return env.end()
        if name in ("verb", "verb*"):
            # \verb|…|: the delimiter is the next character; the text up to its next occurrence is verbatim.
            if m.end() < len(text) and text[m.end()] not in " \n":
                close = text.find(text[m.end()], m.end() + 1)
                line_end = text.find("\n", m.end())
                if close > 0 and (line_end < 0 or close < line_end):
                    return self._skip(i, close + 1)
            return m.end()
        if name == "iffalse" and self.kind == "latex":
            close = re.compile(r"\\fi(?![A-Za-z])").search(text, m.end())
            return self._skip(i, len(text) if close is None else close.end())
        return m.end()

    def _percent(self, i: int) -> int:
        if self.kind != "latex":
            return i + 1
        end = self.text.find("\n", i)
        return self._skip(i, len(self.text) if end < 0 else end)  # the newline itself is still seen (a comment line is not blank)

    def _backticks(self, i: int, tok: str) -> int:
        if self.kind != "markdown":
            return i + len(tok)
        # A code span: closed by the next run of exactly as many backticks within the paragraph.
        if self.runs is None:
            self.runs = {}
            for m in re.finditer(r"`+", self.text):
                self.runs.setdefault(len(m.group(0)), []).append(m.start())
            self.paragraph_ends = [m.start() for m in re.finditer(r"\n[ \t\r]*(?=\n|$)", self.text)]
        same = self.runs[len(tok)]
        c = bisect.bisect_right(same, i)
        p = bisect.bisect_right(self.paragraph_ends, i)
        limit = self.paragraph_ends[p] if p < len(self.paragraph_ends) else len(self.text)
        if c < len(same) and same[c] < limit:
            return self._skip(i, same[c] + len(tok))
        return i + len(tok)

    def _html_comment(self, i: int) -> int:
        if self.kind != "markdown":
            return i + 4
        close = self.text.find("-->", i + 4)
        return self._skip(i, len(self.text) if close < 0 else close + 3)


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
