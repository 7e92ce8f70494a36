r"""Marks that call a formula wrong without the words ``negation`` reads: struck out, tagged, crossed, tabulated, titled.

Notes mark wrong formulas in many ways that are not a sentence: struck out (``~~…~~``, ``\sout{…}``, ``\st{…}``,
``<del>…</del>``, ``<s>…</s>``), tagged (``\tag{wrong}``, ``\tag{✗}``), a list item crossed (``- ❌ $…$``,
``\item[\xmark]``, ``\item[$\times$]``), a table row whose other cell says "no", "wrong" or ✗ (or whose column is
headed "wrong"), a heading or an environment over it that calls what follows mistakes (``## Common mistakes``,
``\begin{remark}[A common mistake]``, ``\begin{mistake}``, ``\subsection*{Errors in …}``; a heading's scope runs to
the next heading of the same or a higher level), and words of its sentence that no phrase list reads: an erratum
("Erratum: … we wrote $$…$$, which has been corrected"), an exercise that says the formula holds a mistake ("Najděte
chybu ve vzorci", "Найдите ошибку в формуле", "Znajdź błąd we wzorze", "Explain why $$…$$ is off by a factor"), a
graded answer below full marks ("Student answer (marked 0/5)"). Judged as the notes' claim, a true formula they call
wrong "holds" (review rv50 A2, A4). How wrong the notes mean it (wholly, by a factor, in part) is not said, so the
formula is not judged: ``cellwords`` marks it (``negverdict.MARKED``), and the row is uninterpretable, quoting the mark.

A tick (✓, ✅, ``\cmark``), a plain heading ("## Backpropagation"), a "yes" cell, a tag that names (``\tag{BP1}``) and a
theorem environment leave the formula the notes' claim.

>>> text = "~~$a = b$~~ and $c = d$"
>>> wrong_mark(text, 2, 7, "markdown"), wrong_mark(text, 16, 21, "markdown")
('the notes strike it out (“~~…~~”)', None)
>>> wrong_mark("- ✓ $a = b$", 4, 11, "markdown") is None
True
"""

from __future__ import annotations

import functools
import re

from .sentences import FORMULA, masked, sentence_span
from .vocabulary import VERDICT

#: Struck-out text: Markdown's ``~~…~~`` (not in LaTeX, where ``~`` is a space), HTML's ``<del>``, ``<s>``, ``<strike>``.
_STRUCK_MARKDOWN = re.compile(r"(?<!~)~~(?!~)(?:(?!\n[ \t]*\n).)+?(?<!~)~~(?!~)", re.DOTALL)  # not a ~~~ fence
_STRUCK_HTML = re.compile(r"<(del|s|strike)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
#: LaTeX's strike-outs (ulem, soul): their argument is matched by braces.
_STRUCK_LATEX = re.compile(r"\\(?:sout|st|xout|strike|hout)\s*\{")

#: Marks that cross a formula out: ✗ ✘ ✖ ❌ ❎ 🚫 ⛔ and the LaTeX ones (pifont's \ding{55}, \xmark, \ballotx).
_CROSS = re.compile(r"[\u2717\u2718\u2716\u274c\u274e\U0001f6ab\u26d4]|\\(?:xmark|ballotx|XSolidBrush|XSolid)\b"
                    r"|\\ding\s*\{\s*5[56]\s*\}")
#: A LaTeX list item's label that crosses: ``\item[$\times$]``, ``\item[x]``, ``\item[\texttimes]``, or a cross mark.
_CROSS_LABEL = re.compile(r"^\s*(?:\$\s*\\times\s*\$|\\texttimes|[xX×]|\$\s*\\(?:times|otimes)\s*\$)\s*$")
#: A Markdown list item's marker at the start of a line.
_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022]|\d+[.)])[ \t]")
#: A LaTeX list item, its label read.
_LATEX_ITEM = re.compile(r"\\item\b\s*(?:\[(?P<label>[^\]]*)\])?")

#: A tag on a display that judges it: ``\tag{wrong}``, ``\tag*{false}``, ``\tag{✗}``.
_TAG = re.compile(r"\\tag\*?\s*\{(?P<t>(?:[^{}]|\{[^{}]*\})*)\}")

#: A table cell that answers "no": no, nope, ne, нет, nie, N, ×, x, ✗ (a verdict word is read by ``VERDICT``).
_NO_CELL = re.compile(r"^\s*(?:\*\*|__|\*|_)?\s*(?:no|nope|n|ne|нет|nie|x|×|\\times|\$\\times\$|\\xmark)\s*[.!]?\s*"
                      r"(?:\*\*|__|\*|_)?\s*$", re.IGNORECASE)

#: Words of a heading or an environment's title that call what follows wrong (en, cs, ru, pl): VERDICT's words, and
#: mistakes, pitfalls, misconceptions, errata, fallacies, "what not to do"; "errors" only where they are mistakes
#: ("common errors", "Errors in …"): the error δ is propagated back ("Backpropagating the errors" is no such title).
_TITLE = re.compile(
    r"\b(?:pitfalls?|misconceptions?|errat(?:a|um)|corrigend(?:a|um)|fallac(?:y|ies)|blunders?|gotchas?|bloopers?"
    r"|myths?|refuted|disproved|debunked"  # issue 14
    r"|(?:do\s+not|don['’]t|never)\s+(?:use|write|do)|what\s+not\s+to)\b"
    r"|\b(?:common|typical|frequent|classic)\s+(?:\w+\s+)?(?:errors\b|error\s*[:.!]?\s*$)"
    r"|^\W*errors\s+(?:in|to\s+avoid)\b(?!\s+(?:the\s+)?\w+\s+layers?\b)"
    r"|\b(?:čast|typick|běžn)\w*\s+chyb\w*|^\W*chyby\s+(?:v|ve)\b|\bomyl\w*"
    r"|\b(?:типичн|част|распространённ|распространенн)\w*\s+ошибк\w*|^\W*ошибки\s+в\b|\bзаблуждени\w*"
    r"|\b(?:typow|częst|pospolit)\w*\s+błęd\w*|^\W*błędy\s+w\b|\bmyln\w*\s+przekonan\w*", re.IGNORECASE)
#: An environment whose name says its content is wrong: mistake, error(s), wrong, pitfall, misconception, erratum.
_WRONG_ENVIRONMENT = re.compile(r"^(?:common)?(?:mistakes?|errors?|wrong|pitfalls?|misconceptions?|errat(?:a|um)"
                                r"|fallac(?:y|ies)|incorrect|nonexamples?|badexamples?)\*?$", re.IGNORECASE)

#: Markdown's headings (ATX), their level the count of #.
_MD_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
#: A fenced code block (``` or ~~~ to the same fence, or to the end).
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
#: LaTeX's sectioning commands, with their levels.
_LATEX_LEVELS = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5,
                 "subparagraph": 6}
_LATEX_HEADING = re.compile(r"\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*"
                            r"(?:\[[^\]]*\])?\s*\{(?P<t>(?:[^{}]|\{[^{}]*\})*)\}")
_BEGIN = re.compile(r"\\begin\s*\{(?P<name>[A-Za-z*]+)\}(?:\s*\[(?P<title>(?:[^\[\]]|\{[^{}]*\})*)\])?")

#: Words of the formula's sentence: an erratum, an exercise that says the formula holds a mistake, a graded answer
#: below full marks (``_graded``), an amount it is off by.
_SAID = re.compile(
    r"\b(?:errat(?:a|um)|corrigend(?:a|um))\b"
    r"|\b(?:has|have|had)\s+been\s+(?:corrected|fixed|retracted|withdrawn|amended)\b"
    r"|\b(?:find|spot|locate|identify|correct|fix)\s+(?:the\s+|a\s+|an\s+|any\s+)?(?:\w+\s+)?(?:mistakes?|bugs?|flaws?|typos?)\b"
    r"|\boff\s+by\s+(?:(?:a|an|one|the|some)\s+)?\w+|\bwrong\s+by\s+(?:a|an|one|the)\b"
    r"|\b(?:najd[iěe]\w*|najít|hledejte|opravte|odhalte)\s+(?:\w+\s+)?chyb\w*"
    r"|\b(?:найди\w*|найти|исправь\w*|отыщи\w*)\s+(?:\w+\s+)?ошибк\w*"
    r"|\b(?:znajd[źz]\w*|znaleźć|popraw\w*|wskaż\w*)\s+(?:\w+\s+)?b[łl][ąę]d\w*", re.IGNORECASE)
#: A grade: "marked 0/5", "graded 2 out of 10", "score: 1/4", "0/5 points".
_GRADE = re.compile(r"\b(?:marked|graded|scored?|points?|marks?|баллы?|оценка|punkty?|ocena)\s*:?\s*"
                    r"(?P<got>\d+)\s*(?:/|out\s+of|z|из|na)\s*(?P<of>\d+)\b"
                    r"|\b(?P<got2>\d+)\s*/\s*(?P<of2>\d+)\s*(?:points?|pts|marks?|bodů|баллов|punktów)\b", re.IGNORECASE)


def wrong_mark(text: str, start: int, end: int, kind: str) -> "str | None":
    """How the notes ``text`` (``kind`` 'latex' or 'markdown') mark the formula at ``start``–``end`` (its delimiters
    included) wrong, as the notes write it (other formulas shown as …), or None. See the module."""
    for find in (_struck, _tagged, _crossed, _tabulated, _titled, _said):
        found = find(text, start, end, kind)
        if found:
            return found
    return None


def _shown(words: str, limit: int = 80) -> str:
    # the words as the notes write them, each formula as …, cut at ``limit`` characters
    said = " ".join(FORMULA.sub("\u2026", words).split())
    return said if len(said) <= limit else said[:limit - 1].rstrip() + "\u2026"


def _braced(text: str, opening: int) -> int:
    # where the group whose "{" is at ``opening`` closes (after its "}"), or -1
    depth = 0
    for at in range(opening, min(len(text), opening + 20000)):
        c = text[at]
        if c == "\\":
            continue
        if c == "{" and text[at - 1] != "\\":
            depth += 1
        elif c == "}" and text[at - 1] != "\\":
            depth -= 1
            if depth == 0:
                return at + 1
    return -1


def _struck(text: str, start: int, end: int, kind: str) -> "str | None":
    spans = [(m.start(), m.end()) for m in _STRUCK_HTML.finditer(text, max(0, start - 3000), min(len(text), end + 3000))]
    if kind != "latex":
        spans += [(m.start(), m.end()) for m in _STRUCK_MARKDOWN.finditer(text, max(0, start - 3000), end + 3000)]
    for m in _STRUCK_LATEX.finditer(text, max(0, start - 3000), end):
        spans.append((m.start(), _braced(text, m.end() - 1)))
    for a, b in spans:
        if a <= start and end <= b:
            return "the notes strike it out (\u201c" + _shown(text[a:b]) + "\u201d)"
    return None


#: A display's closing: where its tag may stand last (the formula checked is without it).
_CLOSING = re.compile(r"\$\$|\\\]|\\end\s*\{")


def _tagged(text: str, start: int, end: int, kind: str) -> "str | None":
    closing = _CLOSING.search(text, end - 2 if text.startswith("$$", end - 2) else end)
    tail = text[end:closing.start()] if closing else "$"
    stop = closing.end() if "$" not in tail and "\n\n" not in tail and len(tail) < 300 else end  # its own closing
    for m in _TAG.finditer(text, start, stop):
        tag = m.group("t")
        if VERDICT.search(tag) or _CROSS.search(tag) or _CROSS_LABEL.match(tag):
            return "the notes tag it \u201c" + m.group(0) + "\u201d"
    return None


def _line_span(text: str, start: int, end: int) -> "tuple[int, int]":
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _crossed(text: str, start: int, end: int, kind: str) -> "str | None":
    lo, hi = _line_span(text, start, end)
    items = list(_LATEX_ITEM.finditer(text, max(0, start - 3000), start))
    if items and not re.search(r"\\(?:begin|end)\s*\{", text[items[-1].end():start]):
        item = items[-1]  # the formula's \item: its label, and marks in it (up to the next \item)
        following = _LATEX_ITEM.search(text, end)
        stop = min(following.start() if following else hi, hi if hi > end else len(text))
        label = item.group("label") or ""
        if _CROSS_LABEL.match(label) or _CROSS.search(label) or VERDICT.search(label):
            return "the notes mark its list item \u201c" + _shown(item.group(0)) + "\u201d"
        lo, hi = item.end(), stop
    else:  # a Markdown list item goes back over its lines to its marker (or a blank line)
        while lo > 0 and not _ITEM.match(text, lo):
            before = text.rfind("\n", 0, lo - 1) + 1
            if not text[before:lo].strip():
                break
            lo = before
    words = masked(text[lo:hi])
    m = _CROSS.search(words)
    return None if m is None else "the notes cross it (\u201c" + _shown(text[lo:hi].strip()) + "\u201d)"


def _cells(line: str, bar: str) -> "list[tuple[int, int]]":
    # (start, end) of each cell of a table row (formulas masked first: a norm's \| is no cell border)
    words = masked(line)
    if bar == "|":
        words = words.replace("\\|", "~~")
    out, at = [], 0
    for m in re.finditer(re.escape(bar) if bar == "|" else r"&|\\\\", words):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(line)))
    return [(a, b) for a, b in out if line[a:b].strip() or bar != "|"]


def _says_no(cell: str) -> bool:
    return bool(_NO_CELL.match(cell) or VERDICT.search(masked(cell)) or _CROSS.search(masked(cell)))


#: A LaTeX table's opening and closing (an align's & is no cell border).
_TABULAR = re.compile(r"\\(begin|end)\s*\{(?:tabular[x*]?|longtable|tabu|supertabular)\}")


def _in_tabular(text: str, at: int) -> bool:
    events = list(_TABULAR.finditer(text, max(0, at - 20000), at))
    return bool(events) and events[-1].group(1) == "begin"


def _tabulated(text: str, start: int, end: int, kind: str) -> "str | None":
    lo, hi = _line_span(text, start, end)
    line = text[lo:hi]
    bar = "|" if kind != "latex" and line.lstrip().startswith("|") else "&" if kind == "latex" and _in_tabular(text, lo) else ""
    if not bar:
        return None
    cells = _cells(line, bar)
    own = next((n for n, (a, b) in enumerate(cells) if a <= start - lo < b), None)
    if own is None:
        return None
    for n, (a, b) in enumerate(cells):
        if n != own and _says_no(line[a:b]):
            return "its table row says \u201c" + _shown(line[a:b].strip()) + "\u201d"
    if bar == "|":  # the column's heading: the first row of the table
        first = lo
        while first > 0:
            before = text.rfind("\n", 0, first - 1) + 1
            if not text[before:first].lstrip().startswith("|"):
                break
            first = before
        head = text[first:text.find("\n", first) if text.find("\n", first) >= 0 else len(text)]
        heads = _cells(head, "|")
        if first != lo and own < len(heads) and (VERDICT.search(masked(head[slice(*heads[own])]))
                                                  or _TITLE.search(head[slice(*heads[own])])):
            return "its table column is headed \u201c" + _shown(head[slice(*heads[own])].strip()) + "\u201d"
    return None


@functools.lru_cache(maxsize=8)
def _all_headings(text: str, kind: str) -> tuple:
    # (where, level, title) of every heading of ``text``, once per text
    if kind == "latex":
        return tuple((m.start(), _LATEX_LEVELS[m.group(1)], m.group("t")) for m in _LATEX_HEADING.finditer(text))
    fences = [(m.start(), m.end()) for m in _FENCE.finditer(text)]  # a "# comment" in a code block is no heading
    return tuple((m.start(), len(m.group(1)), m.group(2)) for m in _MD_HEADING.finditer(text)
                 if not any(a <= m.start() < b for a, b in fences))


def _headings(text: str, start: int, kind: str) -> list:
    # (level, title) of the headings over ``start``: each runs to the next heading of its level or a higher one
    over: list = []
    for at, level, title in _all_headings(text, kind):
        if at >= start:
            break
        over = [h for h in over if h[0] < level] + [(level, title)]
    return over


@functools.lru_cache(maxsize=8)
def _all_environments(text: str) -> tuple:
    # (begin, end, name, title) of every environment that says its content is wrong or has a title, once per text
    out = []
    for m in _BEGIN.finditer(text):
        name, title = m.group("name"), m.group("title") or ""
        if not (title or _WRONG_ENVIRONMENT.match(name)):
            continue
        stop = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}").search(text, m.end())
        out.append((m.start(), stop.start() if stop else len(text), name, title))
    return tuple(out)


def _environments(text: str, start: int, end: int) -> list:
    # (name, title) of the environments the formula stands in: begun before it, not ended before it ends
    return [(name, title) for a, b, name, title in _all_environments(text) if a < start and end <= b]


def _titled(text: str, start: int, end: int, kind: str) -> "str | None":
    for level, title in _headings(text, start, kind):
        if _TITLE.search(title.strip()) or VERDICT.search(masked(title)):
            return "it stands under the heading \u201c" + _shown(title.strip()) + "\u201d"
    for name, title in _environments(text, start, end):
        if _WRONG_ENVIRONMENT.match(name) or _TITLE.search(title.strip()) or VERDICT.search(masked(title)):
            return f"it stands in the environment \u201c{name}\u201d" + (f" titled \u201c{_shown(title)}\u201d" if title else "")
    return None


def _graded(words: str) -> "re.Match | None":
    # a grade below full marks
    for m in _GRADE.finditer(words):
        got, of = (m.group("got"), m.group("of")) if m.group("got") else (m.group("got2"), m.group("of2"))
        if int(got) < int(of):
            return m
    return None


def _said(text: str, start: int, end: int, kind: str) -> "str | None":
    first, stop = sentence_span(text, start, end)
    lo, hi = _line_span(text, start, end)
    first = min(first, lo)  # the line's own words too: "> Student answer (marked 0/5): $$…$$"
    words = masked(text[first:max(stop, hi)])
    m = _SAID.search(words) or _graded(words)
    if m is None:
        return None
    a = max(words.rfind(c, 0, m.start()) for c in ".;:\n") + 1
    return "its sentence says \u201c" + _shown(text[first + a:first + m.end()].strip(" \t\n>")) + "\u201d"


__all__ = ["wrong_mark"]
