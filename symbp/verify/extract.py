r"""From math segments to claims: every formula of the notes, each in exactly one bucket.

``scan`` finds the math segments of a document, ``joining`` joins a formula
written across several of them (two displays, table cells, a prose
condition), ``rows`` cuts a display into rows; this module cuts the rows into
claims and sorts every piece into one bucket:

* ``claim``: an equation to judge (it goes to ``verify``);
* ``definition``: ``:=``, ``=:``, ``::=``, a lone ``\equiv``, ``\triangleq``,
  and ranges or conditions on an index standing alone (``l = 2, \dots, L``);
* ``prose``: math used in prose (a symbol, an expression, ``\approx``, ``<``,
  ``\in``): no equation to judge;
* ``unreadable``: a delimiter never closed, a continuation row with nothing
  before it (the reason and the line are given).

A chain that opens with a definition sign (``δ ≡ ∂C/∂z = …``, ``:=``, ``\\coloneqq``, ``\\triangleq``) or
closes with ``=:`` is the definition of a name and then claims: every link after the definition is
checked; a "definition" of a derivative symbp knows (``∂C/∂w ≡ …``) is a claim. A formula split across
two displays (one that starts with an operator, or follows one that ends with ``=`` or an operator) is
joined, or, with text between, both halves are unreadable: half a formula is never judged.

A row that starts with an operator (``&\\qquad \\times 2``, ``& + \\delta^l_j``), after any spacing or
phantom that only indents it (``&\\hspace{1cm} +``, ``&\\mkern18mu \\odot``, ``&\\phantom{=} +``), continues
the row before it and is joined to it, never filed as prose; after ``\\intertext{…}`` such a row and the
row before are unreadable (half a formula with text between), while an ``&=`` row goes on from the chain.
In an align's rows (r&l&r&l) the ``&`` closing a pair of columns separates two equations side by side.

A display is split only at unambiguous boundaries: rows (``\\``, each row at
its own line, ``&=`` rows continuing the chain above), and ``\quad``, prose
(``\text{and}``) or ``\implies`` *between two complete claims*. Whatever
follows a claim and is not itself a claim (``\text{ plus } x``, ``\quad l = L``)
stays attached to it, so the reader sees it: it is read as a condition or
makes the claim unreadable, never silently dropped. Removed before reading,
and listed with the claim: TeX comments, ``\label``, ``\nonumber``/``\notag`` (``\IEEEnonumber``),
``\tag{…}``, an equation number such as ``\quad (0.1)`` or ``(\text{BP1})``,
and a ``// comment`` written in words (math after ``//`` stays). Backslashes lost in extraction
(``rac{``, ``ight)``, ``abla``, ``egin{``) are restored and the claim says so.

>>> [(f.line, f.text) for f in extract("\\begin{align}\na &= b \\label{x} \\\\\n  &= c\n\\end{align}")]
[(2, 'a = b'), (3, 'a = c')]
>>> [(f.kind, f.text) for f in extract_all("$x$, $y := 2$ and $$z^l = w^l a^{l-1} + b^l \\text{ plus } 1$$")]
[('prose', 'x'), ('definition', 'y := 2'), ('claim', 'z^l = w^l a^{l-1} + b^l \\text{ plus } 1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .assignments import equations
from .claimlinks import NOT_EQUATION, defined_as, definition_chain, links
from .claims import UNEQUAL, classify, first_side, pieces, starts_with_operator, starts_with_relation, unequal
from .joining import joined_segments
from .rows import INTERTEXT, ONE_EQUATION, PAIR_END, PAIRED, dangling, display_rows, flatten, housekeeping
from .scan import Segment, scan

BUCKETS = ("claim", "definition", "prose", "unreadable")


#: An inline formula that is one operator and nothing else (``$\times$`` in "a 2 $\times$ 3 matrix").
_LONE_OPERATOR = re.compile(r"\s*(?:\+|-|\*|/|\\(?:times|cdot|pm|mp|div|ast)(?![A-Za-z]))\s*")


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
    negated: str = ""  # the notes' words that call the formula false ("it is not true that"; ``negation``)
    under: str = ""  # the hypothetical that redefines the model the formula is stated under ("If we used …"; ``inforce``)
    assigned: str = ""  # the name an algorithm's arrow assigns (``\delta^l \gets …`` read as ``\delta^l = …``)

    @property
    def where(self) -> str:
        """'line 12', 'cell 3, line 2', or 'lines 12, 31' for a formula written on several lines (folded)."""
        lines = list(dict.fromkeys((self.line,) + tuple(self.lines)))
        at = f"line {self.line}" if len(lines) < 2 else "lines " + ", ".join(map(str, lines))
        return (f"cell {self.cell}, " if self.cell is not None else "") + at


# Extraction damage: "\f", "\r", "\n", "\b", "\t" read as control characters and dropped.
_REPAIRS = (
    (re.compile(r"(?<![\\A-Za-z])rac\{"), r"\\frac{"),
    (re.compile(r"(\\(?:equiv|cdot|odot|quad|qquad|implies|left|sum|sigma'?))(rac\{)"), r"\1\\f\2"),
    (re.compile(r"(\\(?:equiv|cdot|odot|quad|qquad|implies|left|sum|sigma'?))(abla)"), r"\1\\n\2"),
    (re.compile(r"(?<![\\A-Za-z])abla(?=[_\s])"), r"\\nabla"),
    (re.compile(r"(?<![\\A-Za-z])ightarrow(?![A-Za-z])"), r"\\rightarrow"),  # "\rightarrow": \r eaten
    (re.compile(r"(?<![\\A-Za-z])ight(?=[)\]\|.])"), r"\\right"),
    (re.compile(r"(?<![\\A-Za-z])egin\{"), r"\\begin{"),
    (re.compile(r"(?<![\\A-Za-z])ig(?=[()])"), r"\\big"),
    (re.compile(r"(?<=\\sigma)ig(?=[()])"), r"\\big"),
    (re.compile(r"(?<=[\^_][A-Za-z0-9])ig(?=[()])"), r"\\big"),  # "z^lig)": z^l\big)
    (re.compile(r"(?<![\\A-Za-z])ext\{"), r"\\text{"),
    (re.compile(r"(?<=_\{)\s+m (?=(?:in|out)\})"), r"\\rm "),  # "a_{\rm in}": \r eaten, a line break left
    # "j eq k": "\neq" between two indices with its "\n" eaten ("eq" alone renders as the letters e q)
    (re.compile(r"(?<=[A-Za-z}])(\s+)eq(?= +(?:[A-Za-z](?![A-Za-z])|\\text\{[A-Za-z]\}))"), r"\1\\neq"),
    # "\ a - y\ ^2": a norm whose bars were taken for table separators; a superscript on a
    # control space means nothing, so the "\ " before "^" and its partner were "\|".
    (re.compile(r"(?<!\\)\\ ((?:(?!\\ )[^$])+?)\\ (?=\^)"), r"\\|\1\\|"),
)

# Definition signs spelled in ways the readers below do not know, written as the one spelling each has there.
_SIGNS = (
    (re.compile("\u2261"), r" \\equiv "),  # ≡
    (re.compile("\u2254"), " := "),  # ≔
    (re.compile("\u225c"), r" \\triangleq "),  # ≜
    (re.compile(r"\\mathrel\s*\{\s*(:=|=:)\s*\}"), r" \1 "),
    (re.compile(r"\\eqqcolon(?![A-Za-z])"), " =: "),
)
#: A definition written right to left, ``X =: C``: read as ``C := X`` (one ``=:``, a name on its right).
_BACKWARD_DEFINITION = re.compile(r"^(?P<x>(?:(?!=:|:=).)+?)\s*=:\s*(?P<name>[^=:]+?)\s*$", re.S)


def normalise_signs(text: str) -> str:
    r"""``text`` with its definition signs in the spellings symbp reads (``≡`` is ``\equiv``, ``≔`` is ``:=``).

    >>> normalise_signs("C \u2261 x") , normalise_signs(r"d \mathrel{:=} x"), normalise_signs(r"x \eqqcolon C")
    ('C  \\equiv  x', 'd  :=  x', 'x  =:  C')
    """
    for pattern, fix in _SIGNS:
        text = pattern.sub(fix, text)
    return text


def forward(piece: str) -> str:
    r"""A definition ``X =: C`` written as ``C := X``; any other text unchanged.

    >>> forward(r"\|a^L - y\|^2 =: C"), forward("a = b")
    ('C := \\|a^L - y\\|^2', 'a = b')
    """
    m = _BACKWARD_DEFINITION.match(piece.strip())
    if m is None or "=" in m["name"]:
        return piece
    return f"{m['name'].strip()} := {m['x'].strip()}"




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
    """The formulas of each segment, in order (not folded); a formula split across two displays joined first."""
    out: list[Formula] = []
    previous: Formula | None = None  # the last display claim: "$$= …$$" continues it
    for seg, joined, cut in joined_segments(segments):
        if cut:
            # a display that continues another with text between: neither half is judged alone
            flat = " ".join(seg.body.split())
            out.append(Formula(seg.line, flat, display=True, cell=seg.cell, kind="unreadable", reason=cut,
                               source=flat, lines=(seg.line,)))
            continue
        items = _segment(seg, previous)
        if joined and items:
            items[-1] = _with(items[-1], lines=tuple(dict.fromkeys(items[-1].lines + joined)))
        for f in items:
            if f.kind == "claim" and f.display:
                previous = f
        out += items
    return out


def fold(items: list[Formula], context=None) -> list[Formula]:
    """Identical formulas (same bucket, same text, the same words negating them, under the same hypothetical)
    folded into the first, with all their lines.

    ``context(formula)`` (optional) is part of what must be identical: the
    notes' model in force at each line, so one text under two costs stays two.
    """
    out: list[Formula] = []
    lines: list[list] = []
    seen: dict[tuple, int] = {}
    for f in items:
        key = (f.kind, " ".join(f.text.split()), f.reason if f.kind == "unreadable" else "", f.negated, f.under,
               context(f) if context is not None else None)
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
    body, removed_at = housekeeping(seg.body, seg.body_line)
    repaired_body = _repair_raw(body)
    segment_repaired = repaired_body != body
    repaired_body = normalise_signs(repaired_body)  # a spelling of a sign, not damage: not "repaired"
    side_by_side: list[bool] = []
    rows = display_rows(repaired_body, seg.body_line, one_equation=seg.delimiter in ONE_EQUATION,
                 paired=seg.delimiter in PAIRED, side_by_side=side_by_side)
    if len(side_by_side) != len(rows):  # text rows of an array joined onto the row above: no pairs there
        side_by_side = [False] * len(rows)
    out: list[Formula] = []
    head: str | None = None  # the first side of the chain the rows continue
    head_prose: int | None = None  # index in out of a prose row that is only the head of the chain below it
    line_of: dict[int, int] = {}  # id of a formula of ``out`` -> the row it was read from
    for n, (line, raw) in enumerate(rows):
        last = max(line, rows[n + 1][0] - 1) if n + 1 < len(rows) else line + raw.count("\n")
        removed = tuple(x for at, x in removed_at if line <= at <= last or (n == 0 and at < line))
        between = INTERTEXT.match(raw.lstrip())
        if between:
            raw = raw.lstrip()[between.end():]
            removed += (" ".join(between.group(0).split()),)
        text, assigned = equations(dangling(flatten(raw)))  # an algorithm's "δ^l ← …" states δ^l = …
        repaired = segment_repaired
        source = " ".join(raw.replace(PAIR_END, " & ").split())
        if not text:
            continue
        beside = n > 0 and side_by_side[n - 1] and sum(f.kind == "claim" and line_of.get(id(f)) == n - 1
                                                         for f in out) > 1
        if beside and (starts_with_operator(text) or starts_with_relation(text)):
            # "a &= b & c &= d \\\\ &= e": the row goes on from one of the equations side by side above it
            out.append(Formula(line, text, kind="unreadable", lines=(line,), source=source, repaired=repaired,
                               reason="a row that goes on from a row of several equations side by side: which one "
                                      "it continues is not read", removed=removed, **base))
            head, head_prose = None, None
            continue
        if starts_with_operator(text) and between and out:
            # "a &= b \\\\ \\intertext{so} &+ c": the formula goes on after text; neither half is judged alone
            words = " ".join(between.group(0).split())[:60]
            if out[-1].kind == "claim":
                out[-1] = _with(out[-1], kind="unreadable", reason=f"the formula goes on at line {line} after the text "
                                f"{words}: not judged on its first half")
            out.append(Formula(line, text, kind="unreadable", lines=(line,), source=source, repaired=repaired,
                               reason=f"continues the formula at line {out[-1].line} after the text {words}; not "
                                      "joined", removed=removed, **base))
            head, head_prose = None, None
            continue
        if starts_with_operator(text) and not (text.lstrip()[0] in "+-" and links(text)):
            # "&\\qquad \\times 2", "& + \\delta^l_j", "&\\hspace{1cm} + …": the right side of the row before goes on
            # ("-\\frac{∂C}{∂b} &= -\\delta", a sign with a relation of its own, is an equation of its own).
            if not out and not base["display"] and _LONE_OPERATOR.fullmatch(text):
                # "W of shape inputs $\times$ outputs": a sign used as a word of the sentence, nothing to check
                out.append(Formula(line, text, kind="prose", lines=(line,), source=source, repaired=repaired,
                                   reason="an operator on its own in a sentence", **base))
                continue
            if not out or out[-1].kind == "unreadable":
                out.append(Formula(line, text, kind="unreadable", lines=(line,), source=source, repaired=repaired,
                                   reason="a row that starts with an operator, with no formula before it to continue",
                                   **base))
                continue
            before = out.pop()
            f = _classify(f"{before.text} {text}", before.line, f"{before.source} {source}", repaired or before.repaired,
                          before.removed + removed, base)
            out.append(_with(f, lines=before.lines))
            if f.kind == "claim":
                head, head_prose = first_side(f.text), None
            continue
        if starts_with_relation(text):
            lead = head if head is not None else (
                first_side(previous.text) if seg.display and previous is not None and not out else None)
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
        parts = pieces(text)
        for whole, dropped in parts:
            # "δ ≡ ∂C/∂z = 2(a − y)σ'(z)": the definition δ ≡ ∂C/∂z, and the claim ∂C/∂z = 2(a − y)σ'(z) checked
            for piece in [t for t, _ in definition_chain(whole) or [(whole, "")]]:
                f = _classify(piece, line, source, repaired, removed + dropped, base)
                if first_side(piece) in assigned and f.kind == "claim":
                    f = _with(f, assigned=first_side(piece))
                out.append(f)
                line_of[id(f)] = n
                if f.kind == "claim":
                    head, head_prose = first_side(piece), None
                elif f.kind == "definition" and defined_as(piece) is not None:
                    head, head_prose = defined_as(piece), None  # "δ &≡ ∂C/∂z \\ &= …" goes on from ∂C/∂z
                elif f.kind == "prose" and not NOT_EQUATION.search(piece) and len(parts) == 1:
                    head, head_prose = piece, len(out) - 1
    return out


def _repair_raw(text: str) -> str:
    for pattern, fix in _REPAIRS:
        text = pattern.sub(fix, text)
    return text


def _classify(piece: str, line: int, source: str, repaired: bool, removed: tuple, base: dict) -> Formula:
    kind, reason = classify(piece)
    if kind == "prose" and base.get("display") and unequal(piece):  # a ≠ b in a display: reported, not prose
        kind, reason = "unreadable", UNEQUAL
    if kind == "definition":
        piece = forward(piece)  # "X =: C" is read, by the model and the checks, as "C := X"
    return Formula(line, piece.strip(), lines=(line,), source=source, repaired=repaired, removed=removed,
                   kind=kind, reason=reason, **base)
