r"""From math segments to claims: every formula of the notes, each in exactly one bucket.

``scan`` finds the math segments of a document; this module cuts each into
rows and claims and sorts every piece into one bucket:

* ``claim``: an equation to judge (it goes to ``verify``);
* ``definition``: ``:=``, ``=:``, ``::=``, a lone ``\equiv``, ``\triangleq``,
  and ranges or conditions on an index standing alone (``l = 2, \dots, L``);
* ``prose``: math used in prose (a symbol, an expression, ``\approx``, ``<``,
  ``\in``): no equation to judge;
* ``unreadable``: a delimiter never closed, a continuation row with nothing
  before it (the reason and the line are given).

A display is split only at unambiguous boundaries: rows (``\\``, each row at
its own line, ``&=`` rows continuing the chain above), and ``\quad``, prose
(``\text{and}``) or ``\implies`` *between two complete claims*. Whatever
follows a claim and is not itself a claim (``\text{ plus } x``, ``\quad l = L``)
stays attached to it, so the reader sees it: it is read as a condition or
makes the claim unreadable, never silently dropped. Removed before reading,
and listed with the claim: TeX comments, ``\label``, ``\nonumber``/``\notag``,
``\tag{…}``, an equation number such as ``\quad (0.1)`` or ``(\text{BP1})``,
and a ``// comment`` written in words. Backslashes lost in extraction
(``rac{``, ``ight)``, ``abla``, ``egin{``) are restored and the claim says so.

>>> [(f.line, f.text) for f in extract("\\begin{align}\na &= b \\label{x} \\\\\n  &= c\n\\end{align}")]
[(2, 'a = b'), (3, 'a = c')]
>>> [(f.kind, f.text) for f in extract_all("$x$, $y := 2$ and $$z^l = w^l a^{l-1} + b^l \\text{ plus } 1$$")]
[('prose', 'x'), ('definition', 'y := 2'), ('claim', 'z^l = w^l a^{l-1} + b^l \\text{ plus } 1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scan import Segment, scan

BUCKETS = ("claim", "definition", "prose", "unreadable")


@dataclass(frozen=True)
class Formula:
    """One formula of the notes: the text checked (``text``), the text as written (``source``), its bucket."""

    line: int
    text: str
    display: bool
    repaired: bool = False
    lines: tuple = ()
    source: str = ""
    kind: str = "claim"  # one of BUCKETS
    reason: str = ""  # why it is not judged (definition, prose, unreadable)
    cell: int | None = None  # the notebook cell, if any
    removed: tuple = ()  # what was taken out before checking: comments, labels, tags

    @property
    def where(self) -> str:
        """'line 12' or 'cell 3, line 2'."""
        return (f"cell {self.cell}, " if self.cell is not None else "") + f"line {self.line}"


# Extraction damage: "\f", "\r", "\n", "\b", "\t" read as control characters and dropped.
_REPAIRS = (
    (re.compile(r"(?<![\\A-Za-z])rac\{"), r"\\frac{"),
    (re.compile(r"(\\(?:equiv|cdot|odot|quad|qquad|implies|left|sum|sigma'?))(rac\{)"), r"\1\\f\2"),
    (re.compile(r"(\\(?:equiv|cdot|odot|quad|qquad|implies|left|sum|sigma'?))(abla)"), r"\1\\n\2"),
    (re.compile(r"(?<![\\A-Za-z])abla(?=[_\s])"), r"\\nabla"),
    (re.compile(r"(?<![\\A-Za-z])ight(?=[)\]\|.])"), r"\\right"),
    (re.compile(r"(?<![\\A-Za-z])egin\{"), r"\\begin{"),
    (re.compile(r"(?<![\\A-Za-z])ig(?=[()])"), r"\\big"),
    (re.compile(r"(?<=\\sigma)ig(?=[()])"), r"\\big"),
    (re.compile(r"(?<=[\^_][A-Za-z0-9])ig(?=[()])"), r"\\big"),  # "z^lig)": z^l\big)
    (re.compile(r"(?<![\\A-Za-z])ext\{"), r"\\text{"),
)

# Housekeeping that never changes what a formula says: removed (newlines kept) and listed.
_HOUSEKEEPING = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)|\\label\s*\{[^{}\n]*\}|\\(?:nonumber|notag)(?![A-Za-z])|\\tag\*?\s*\{[^{}\n]*\}"
)
# Environments that hold rows of the display they are in; their begin/end is dropped.
_CONTAINERS = {"aligned", "alignedat", "split", "gathered", "align", "align*", "eqnarray", "eqnarray*", "gather",
               "gather*", "flalign", "flalign*", "alignat", "alignat*", "multline", "multline*", "multlined"}
_ONE_EQUATION = {"multline", "multline*", "split", "multlined"}  # rows of one equation, not rows of claims
_ENV = re.compile(r"\\(begin|end)\s*\{([A-Za-z]+\*?)\}(\{[^{}]*\})?")
_RELATION = re.compile(r"(?<![<>!:=])=(?![:=])|\\equiv(?![A-Za-z])")
_DEFINITION = re.compile(r":=|=:|::=|\\coloneqq|\\eqqcolon|\\triangleq|\\stackrel\s*\{[^{}]*\}\s*\{?=|"
                         r"\\overset\s*\{[^{}]*\}\s*\{?=|\\doteq|\\defeq")
_NOT_EQUATION = re.compile(r"\\(?:approx|simeq|sim|propto|le|leq|ge|geq|neq|ne|in|notin|subset|subseteq|to|mapsto|"
                           r"rightarrow|leftarrow|ni|ll|gg|lt|gt)(?![A-Za-z])|[<>]")
# Connectives at depth 0 that may separate two claims.
_CONNECTIVE = re.compile(
    r"\\q?quad(?![A-Za-z])|\\(?:implies|Rightarrow|Longrightarrow|iff|Leftrightarrow|Longleftrightarrow|Leftarrow)"
    r"(?![A-Za-z])|\\(?:text|textrm|mbox|textnormal|mathrm)\s*\{(?P<words>[^{}]*)\}|//"
)
# Equation numbers and labels written after a formula: (0.1), (3), (\text{BP1}), \text{BP1'}, (BP2a).
_TAG = re.compile(r"\s*[,;.]?\s*(\(\s*(\\text\s*\{\s*)?[A-Za-z]{0,4}\s*\d+(\.\d+)*[a-z']*\s*\}?\s*\)|"
                  r"\\text\s*\{\s*\(?[A-Z]{1,4}\d+[a-z']*\)?\s*\})\s*[,;.]?\s*")
# An index condition or range: l = L, k = 1, \dots, n, j \geq 1 (a lowercase index letter on the left).
_CONDITION = re.compile(r"\s*[,;]?\s*[ijklmpqst](_\{?\d\}?)?\s*(=|<|>|\\(?:le|leq|ge|geq|neq|ne|in)(?![A-Za-z]))")
_RANGE = re.compile(r"\\l?c?dots|\\ldots|\.\.\.|…")


def extract(source: str, kind: str = "markdown") -> list[Formula]:
    r"""The claims of ``source`` (the formulas to judge), with their lines; identical claims folded.

    ``kind`` is 'markdown' (also for plain text), 'latex' or 'notebook'.

    >>> [c.text for c in extract("Proof: $$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)$$ and $x$.")]
    ["\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)"]
    """
    return [f for f in extract_all(source, kind) if f.kind == "claim"]


def extract_all(source: str, kind: str = "markdown") -> list[Formula]:
    """Every formula of ``source`` in its bucket (see the module docstring); identical ones folded."""
    return fold(formulas(scan(source, kind)))


def formulas(segments: list[Segment]) -> list[Formula]:
    """The formulas of each segment, in order (not folded)."""
    out: list[Formula] = []
    previous: Formula | None = None  # the last display claim: "$$= …$$" continues it
    for seg in segments:
        items = _segment(seg, previous)
        for f in items:
            if f.kind == "claim" and f.display:
                previous = f
        out += items
    return out


def fold(items: list[Formula]) -> list[Formula]:
    """Identical formulas (same bucket, same text) folded into the first, with all their lines."""
    out: list[Formula] = []
    lines: list[list] = []
    seen: dict[tuple, int] = {}
    for f in items:
        key = (f.kind, " ".join(f.text.split()), f.reason if f.kind == "unreadable" else "")
        if key in seen:
            lines[seen[key]] += f.lines
            continue
        seen[key] = len(out)
        out.append(f)
        lines.append(list(f.lines))
    return [_with(f, lines=tuple(ls)) if len(ls) != len(f.lines) else f for f, ls in zip(out, lines)]


def _with(f: Formula, **kw) -> Formula:
    d = {name: getattr(f, name) for name in f.__dataclass_fields__}
    d.update(kw)
    return Formula(**d)


def _segment(seg: Segment, previous: Formula | None) -> list[Formula]:
    base = dict(display=seg.display, cell=seg.cell)
    if seg.problem:
        opener = f"\\begin{{{seg.delimiter}}}" if seg.delimiter[0].isalpha() else seg.delimiter
        flat = " ".join(f"{opener} {seg.body}".split())
        return [Formula(seg.line, flat, kind="unreadable", reason=seg.problem, source=flat, lines=(seg.line,), **base)]
    body, removed_at = _housekeeping(seg.body, seg.body_line)
    repaired_body = _repair_raw(body)
    segment_repaired = repaired_body != body
    rows = _rows(repaired_body, seg.body_line, one_equation=seg.delimiter in _ONE_EQUATION)
    out: list[Formula] = []
    head: str | None = None  # the first side of the chain the rows continue
    head_prose: int | None = None  # index in out of a prose row that is only the head of the chain below it
    for n, (line, raw) in enumerate(rows):
        last = max(line, rows[n + 1][0] - 1) if n + 1 < len(rows) else line + raw.count("\n")
        removed = tuple(x for at, x in removed_at if line <= at <= last or (n == 0 and at < line))
        text = _flatten(raw)
        repaired = segment_repaired
        source = " ".join(raw.split())
        if not text:
            continue
        if _starts_with_relation(text):
            lead = head if head is not None else (
                _first_side(previous.text) if seg.display and previous is not None and not out else None)
            if lead is None:
                out.append(Formula(line, text, kind="unreadable", lines=(line,), source=source, repaired=repaired,
                                   reason="a row that starts with a relation, with no formula before it to continue",
                                   **base))
                continue
            text = f"{lead} {text}"
            if head_prose is not None:
                del out[head_prose]  # "\\frac{∂C}{∂w} \\\\ &= …": the first row is the left side, not prose
                head_prose = None
        else:
            head, head_prose = None, None
        pieces = _pieces(text)
        for piece, dropped in pieces:
            f = _classify(piece, line, source, repaired, removed + dropped, base)
            out.append(f)
            if f.kind == "claim":
                head, head_prose = _first_side(piece), None
            elif f.kind == "prose" and not _NOT_EQUATION.search(piece) and len(pieces) == 1:
                head, head_prose = piece, len(out) - 1
    return out


def _housekeeping(body: str, first_line: int) -> tuple[str, list]:
    """The body with comments, labels and tags blanked (newlines kept), and what was removed, by line."""
    removed: list[tuple[int, str]] = []

    def blank(m: re.Match) -> str:
        removed.append((first_line + body.count("\n", 0, m.start()), " ".join(m.group(0).split())))
        return "".join("\n" if c == "\n" else " " for c in m.group(0))

    return _HOUSEKEEPING.sub(blank, body), removed


def _rows(body: str, first_line: int, one_equation: bool) -> list[tuple[int, str]]:
    """Rows at depth 0 (outside braces and matrices), '&' dropped, each with its line."""
    rows: list[tuple[int, str]] = []
    out: list[str] = []
    depth, envs, line, row_line = 0, [], first_line, first_line
    i, n = 0, len(body)
    single, started = one_equation, False
    while i < n:
        c = body[i]
        if c == "\\":
            m = _ENV.match(body, i)
            if m:
                name = m.group(2)
                if name in _CONTAINERS and not envs:
                    single = single or name in _ONE_EQUATION
                    out.append(" ")  # the container's begin/end is dropped
                elif m.group(1) == "begin":
                    envs.append(name)
                    out.append(m.group(0))
                else:
                    if envs:
                        envs.pop()
                    out.append(m.group(0))
                line += m.group(0).count("\n")
                started = started or not (name in _CONTAINERS and not envs)
                i = m.end()
                continue
            if body.startswith("\\\\", i) and depth == 0 and not envs:
                j = i + 2
                if j < n and body[j] == "[":  # \\[2pt]: extra space after the row break
                    close = body.find("]", j)
                    j = close + 1 if close > 0 else j
                if single:
                    out.append(" ")
                else:
                    rows.append((row_line, "".join(out)))
                    out, started = [], False
                    row_line = line
                i = j
                continue
            out.append(body[i:i + 2])
            started = True
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == "&" and depth == 0 and not envs:
            out.append(" ")
            i += 1
            continue
        elif c == "\n":
            line += 1
            if not started:
                row_line = line
        if not c.isspace():
            started = True
        out.append(c)
        i += 1
    rows.append((row_line, "".join(out)))
    return [(ln, r) for ln, r in rows if r.strip()]


def _repair_raw(text: str) -> str:
    for pattern, fix in _REPAIRS:
        text = pattern.sub(fix, text)
    return text


def _flatten(text: str) -> str:
    flat = " ".join(text.split())
    flat = re.sub(r"=(?:\s|\\ )*=", "=", flat)  # "= \\ &=" whose "\\\\" lost a backslash
    return _trim(flat)


def _trim(text: str) -> str:
    """Spacing and punctuation at either end taken off ('…, \\quad', '\\, x.')."""
    while True:
        t = re.sub(r"^(\s|\\[,;:! ]|\\q?quad(?![A-Za-z]))+", "", text)
        t = re.sub(r"(\s|\\[,;:! ]|\\q?quad(?![A-Za-z])|(?<!\\)[,;.])+$", "", t)
        while t.endswith("\\") and not t.endswith("\\\\"):  # a line break "\\\\" cut in half
            t = t[:-1].rstrip()
        if t == text:
            return t
        text = t


def _starts_with_relation(text: str) -> bool:
    return bool(re.match(r"(=|\\equiv(?![A-Za-z])|\\approx(?![A-Za-z]))", text))


def _first_side(text: str) -> str:
    """The text before the first top-level '=' (or ≡) of a claim."""
    depth = 0
    for i, c in enumerate(text):
        if c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif depth == 0 and c == "=" and (i == 0 or text[i - 1] not in ":<>!"):
            return text[:i].strip()
        elif depth == 0 and text.startswith("\\equiv", i):
            return text[:i].strip()
    return text


def _top_level(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each connective outside braces and environments."""
    out = []
    depth, envs, i = 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == "\\" and text.startswith("\\begin", i):
            envs += 1
        elif c == "\\" and text.startswith("\\end", i):
            envs = max(0, envs - 1)
        if depth == 0 and envs == 0 and c in "\\/":
            m = _CONNECTIVE.match(text, i)
            if m and (c == "\\" or (i == 0 or text[i - 1] != "\\")):
                words = m.group("words")
                if words is None or _is_prose(words) or m.group(0).startswith("//"):
                    out.append((m.start(), m.end(), m.group(0)))
                    i = m.end()
                    continue
            if c == "\\":
                i += 2
                continue
        i += 1
    return out


def _is_prose(words: str) -> bool:
    """``\\text{…}`` holding words (not a symbol such as \\text{net}): spaces, letters beyond ASCII, a connective."""
    w = words.strip()
    return (not w) or bool(re.search(r"\s|[^\x00-\x7f]|//|^[,;.:]", words)) or w in _WORDS


_WORDS = {"and", "or", "if", "for", "where", "with", "hence", "so", "then", "i.e.", "thus", "since", "because",
          "oraz", "i", "a", "tedy", "kde", "gdzie", "где", "и"}


def _pieces(text: str) -> list[tuple[str, tuple]]:
    """Split a row between two complete claims; keep everything else attached; strip tags and // comments."""
    cuts = _top_level(text)
    if not cuts:
        text, tags = _strip_tag(text)
        return [(text, tags)]
    # Alternate math and runs of connectives (connectives with only spaces between them form one run).
    chunks: list[list] = [["math", text[:cuts[0][0]]]]
    end = cuts[0][0]
    for a, b, _ in cuts:
        between = text[end:a]
        if chunks[-1][0] == "run" and not between.strip():
            chunks[-1][1] += between + text[a:b]
        else:
            if chunks[-1][0] == "run":
                chunks.append(["math", between])
            chunks.append(["run", text[a:b]])
        end = b
    chunks.append(["math", text[end:]])
    groups: list[list] = []  # [text, removed]
    first = chunks[0][1]
    if first.strip():
        groups.append([first, ()])
    k = 1
    while k < len(chunks):
        run, nxt = chunks[k][1], chunks[k + 1][1] if k + 1 < len(chunks) else ""
        k += 2
        if "//" in run:
            rest = run[run.index("//"):] + nxt + "".join(c for _, c in chunks[k:])
            if groups and not _RELATION.search(_strip_text(rest)):
                groups[-1][0] += " " + run[:run.index("//")]
                groups[-1][1] += (" ".join(rest.split()),)  # a // comment in words, after the formula
                break
        if not groups or _starts_claim(nxt):
            if nxt.strip():
                groups.append([nxt, ()])  # a new claim (the connective between claims is not part of either)
            continue
        tagless, tags = _strip_tag("x = " + nxt) if nxt.strip() else ("", ())
        prose = bool(re.search(r"\\(text|textrm|mbox|textnormal|mathrm)", run))
        if tags and tagless.strip() == "x =":
            groups[-1][1] += tags  # "\quad (0.1)": an equation number
            if prose:
                groups[-1][0] += " " + run
        elif nxt.strip() or prose:
            groups[-1][0] += f" {run} {nxt}"  # stays attached: read as a condition, or unreadable
    out = []
    for g_text, removed in groups:
        g_text, tags = _strip_tag(g_text)
        g_text = _trim(" ".join(g_text.split()))
        if g_text:
            out.append((g_text, removed + tags))
    return out or [(" ".join(text.split()), ())]


def _starts_claim(chunk: str) -> bool:
    """A complete claim (an equation that is not a condition on an index) starts this chunk."""
    c = chunk.strip()
    return bool(c) and bool(_RELATION.search(c)) and not _CONDITION.match(c) and not _starts_with_relation(c)


def _strip_text(s: str) -> str:
    return re.sub(r"\\(text|textrm|mbox)\s*\{[^{}]*\}", " ", s)


def _strip_tag(text: str) -> tuple[str, tuple]:
    """An equation number at the end, like ', (0.1)' or '(\\text{BP1})', taken off and returned."""
    offset = max(0, len(text) - 120)  # tags are short: look at the end only (and stay linear)
    for m in re.finditer(r"(\\q?quad\s*)?" + _TAG.pattern + r"$", text[offset:]):
        start = offset + m.start()
        if start > 0 and _RELATION.search(text[:start]):
            return text[:start].rstrip(), (" ".join(m.group(0).split()),)
    return text, ()


def _classify(piece: str, line: int, source: str, repaired: bool, removed: tuple, base: dict) -> Formula:
    common = dict(lines=(line,), source=source, repaired=repaired, removed=removed, **base)
    text = piece.strip()
    if _DEFINITION.search(text) or (re.search(r"\\equiv(?![A-Za-z])", text) and not re.search(
            r"(?<![<>!:=])=(?![:=])", text)):
        return Formula(line, text, kind="definition", reason="a definition (:=, =:, ≡), not a claim", **common)
    if not _RELATION.search(text):
        what = "a statement that is not an equation" if _NOT_EQUATION.search(text) else "no equation"
        return Formula(line, text, kind="prose", reason=f"math in prose: {what}", **common)
    if _CONDITION.match(text) and (_RANGE.search(text) or re.fullmatch(
            r"\s*[ijklmpqst](_\{?\d\}?)?\s*=\s*[A-Za-z0-9+\-\s]{1,8}", text)):
        return Formula(line, text, kind="definition", reason="a range or condition on an index, not a claim", **common)
    return Formula(line, text, **common)
