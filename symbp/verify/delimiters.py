r"""The first pass of ``scan``: a document's math delimiters and breaks, as events, with what is not rendered skipped.

``_Lexer(text, kind, …).events()`` finds, in one linear pass, each math
delimiter (``$``, ``$$``, ``\(``, ``\)``, ``\[``, ``\]``, ``\begin{align}``
… ``\end{align}``, a Markdown `````math`` fence) and each *break* (a blank
line, the end of a Markdown table cell or row, of a heading, a code block),
as an ``_Event`` with its position. LaTeX comments, ``\verb|…|``,
``verbatim``-like environments, ``\iffalse … \fi``, Markdown code spans,
fenced and indented code blocks and HTML comments are skipped (and noted in
``skipped``); environments that are neither math nor read are noted in
``environments``. ``scan`` pairs the events into segments.

>>> text = "a $x$ b `$y$`\n\n$$z$$"
>>> starts = _line_starts(text)
>>> lexer = _Lexer(text, "markdown", starts, [0] * len(starts), [0] * len(starts))
>>> [(e.pos, e.kind, e.key) for e in lexer.events()]
[(2, 'both', '$'), (4, 'both', '$'), (13, 'break', 'paragraph'), (15, 'both', '$$'), (18, 'both', '$$')]
>>> lexer.skipped
[(8, 13)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .environments import environment_arguments

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

#: ``\let\ifdraft\iffalse``, ``\def\ifdraft{\iffalse}``, ``\newcommand{\hide}{\iffalse}``: an \iffalse that is the value of
#: a definition, not one that opens hidden text (review rv53 F7: the rest of the document was skipped, exit 0)
_NAMED = r"(?:\\[A-Za-z@]+|\\csname\s*[A-Za-z@]+\s*\\endcsname)"  # \\ifdraft, \\csname ifdraft\\endcsname (rv53 F7)
_DEFINED_AS = re.compile(r"(?:\\let\s*" + _NAMED + r"\s*=?|\\[gex]?def\s*" + _NAMED + r"\s*\{|\\(?:re)?newcommand\*?\s*\{?\s*"
                         + _NAMED + r"\s*\}?\s*(?:\[\d\]\s*)?\{|\\unless\s*)\s*$")


@dataclass(frozen=True)
class _Event:
    pos: int  # where the token starts
    end: int  # where it ends
    kind: str  # 'open', 'close', 'both' (a dollar), 'break'
    key: str  # the delimiter: '$', '$$', '\\[', '\\]', 'begin:align', 'end:align'; for a break: what ends
    line: int = 0
    inner: str = ""  # the environment an ``empheq`` displays (its argument: align, gather, …)


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
        self.comments: list[tuple[int, int]] = []  # of those, the comments: words no reader may take as the notes'
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
                end = len(text) if close < 0 else close + len(envname) + 6
                if envname == "comment":  # the comment package's: not typeset at all
                    self.comments.append((i, end))
                return self._skip(i, end)
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
        if name == "iffalse" and self.kind == "latex" and not _DEFINED_AS.search(text, max(0, i - 80), i):
            close = re.compile(r"\\fi(?![A-Za-z])").search(text, m.end())
            return self._skip(i, len(text) if close is None else close.end())
        return m.end()

    def _percent(self, i: int) -> int:
        if self.kind != "latex":
            return i + 1
        end = self.text.find("\n", i)
        self.comments.append((i, len(self.text) if end < 0 else end))
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
        self.comments.append((i, len(self.text) if close < 0 else close + 3))
        return self._skip(i, len(self.text) if close < 0 else close + 3)
