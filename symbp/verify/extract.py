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
from dataclasses import dataclass, replace

from .claims import (NOT_EQUATION, UNEQUAL, classify, defined_as, definition_chain, first_side, links, pieces,
                     starts_with_operator, starts_with_relation, trim, unequal)
from .scan import Segment, environment_arguments, scan

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


# Housekeeping that never changes what a formula says: removed (newlines kept) and listed.
_HOUSEKEEPING = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)|\\label\s*\{[^{}\n]*\}|\\(?:nonumber|notag|IEEE(?:no|yes)(?:sub)?number)(?![A-Za-z])|\\tag\*?\s*\{[^{}\n]*\}"
)
# Environments that hold rows of the display they are in; their begin/end is dropped.
_CONTAINERS = {"aligned", "alignedat", "split", "gathered", "lgathered", "rgathered", "align", "align*", "eqnarray",
               "eqnarray*", "gather", "gather*", "flalign", "flalign*", "alignat", "alignat*", "xalignat", "xalignat*",
               "xxalignat", "multline", "multline*", "multlined", "IEEEeqnarray", "IEEEeqnarray*"}
#: Environments whose rows are pairs of columns, r&l&r&l (amsmath): an ``&`` closing a pair (the 2nd, 4th, … of a
#: row) separates two equations set side by side, ``a &= b & c &= d``. In eqnarray and IEEEeqnarray (``a &=& b``)
#: every ``&`` is inside one equation.
_PAIRED = {"align", "align*", "flalign", "flalign*", "alignat", "alignat*", "xalignat", "xalignat*", "xxalignat",
           "aligned", "alignedat"}
_ONE_EQUATION = {"multline", "multline*", "split", "multlined"}  # rows of one equation, not rows of claims
_ENV = re.compile(r"\\(begin|end)\s*\{([A-Za-z]+\*?)\}")


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
    for seg, joined, cut in _joined(segments):
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


#: A display that ends with a relation or an operator (``$$a^L_j =$$``, ``$$C = … +$$``): the next display goes on.
_OPEN_END = re.compile(r"(?:=|\\equiv|\\coloneqq|\\triangleq|\+|-|\*|/|\\(?:times|cdot|odot|otimes|oplus|circ|pm|mp|"
                       r"div|ast)(?![A-Za-z]))$")
#: What may stand between two halves of one formula: nothing, punctuation or a short connective in words.
_SHORT_BETWEEN = re.compile(r"[\s,;:]*(?:(?:and|or|then|i\.e\.|that is|so|plus|minus|times)[\s,;:]*)?", re.I)
#: Spacing and an empty group before a display's first operator (``\qquad {}\times 2``).
_GROUP = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
_DIMEN = r"\s*-?\s*(?:\d+\.?\d*|\.\d+)\s*(?:mu|pt|em|ex|cm|mm|in|bp|pc|sp|dd|cc)(?![A-Za-z])"
#: Spacing, phantoms and an empty group before a row's or a display's first operator (``\qquad {}\times 2``,
#: ``\hspace{1cm} +``, ``\mkern18mu \odot``, ``\phantom{=} +``, ``\mathrel{\phantom{=}} +``): they only indent it.
_LEAD = re.compile(r"^(?:\s|\\[,;:!> ]|\\q?quad(?![A-Za-z])|\{\s*\}|\\(?:hspace\*?|hphantom|phantom|vphantom)\s*"
                   + _GROUP + r"|\\(?:mathrel|mathbin|mathord)\s*\{\s*\\[hv]?phantom\s*" + _GROUP + r"\s*\}"
                   r"|\\(?:hskip|mskip|kern|mkern)" + _DIMEN + r"|\\(?:enspace|thinspace|medspace|thickspace|"
                   r"negthinspace|negmedspace|negthickspace)(?![A-Za-z]))+")


def _joined(segments: list[Segment]) -> list[tuple]:
    """(segment, lines joined into it, why it is unreadable or '') for each segment, after joining each display
    that continues the display before it: one that starts with an operator (``$$\\qquad \\times 2.$$``), or
    follows one that ends with a relation or an operator (``$$a^L_j =$$``). Joined when only spacing, punctuation
    or a short connective stands between; otherwise both halves are unreadable, never judged apart."""
    out: list[list] = []
    condition = None  # the prose condition of the last inline claim: "For $j \neq k$ we get $A$ and $B$" puts it on B
    for seg in segments:
        prev = out[-1] if out else None
        if condition is not None and prev is not None and not prev[2] and _and_then(prev[0], seg):
            out.append([replace(seg, body=f"{seg.body.strip()} \\quad \\text{{for }} {condition.body.strip()}"),
                        (condition.line,) if condition.line != seg.line else (), ""])
            continue
        condition = None
        if prev is not None and not prev[2] and _continues(prev[0], seg):
            a = prev[0]
            if _SHORT_BETWEEN.fullmatch(seg.before or ""):
                gap = seg.body_line - (a.body_line + a.body.count("\n"))
                body = a.body.rstrip() + ("\n" * gap if gap > 0 else " ") + _LEAD.sub("", seg.body)
                prev[0] = replace(a, body=body)
                prev[1] = prev[1] + (seg.line,)
                continue
            words = " ".join((seg.before or "").split())[:40]
            prev[2] = (f"the formula goes on in the display at line {seg.line}, with text between ({words}): not "
                       "judged on its first half")
            out.append([seg, (), f"continues the formula at line {a.line} (text between: {words}); not joined"])
            continue
        if prev is not None and not prev[2] and not prev[1] and _prose_condition(prev[0], seg):
            # "For $j \neq 1$ we get $\partial h_j / \partial u_1 = 0$": the claim under the condition the prose puts
            condition = prev[0]
            prev[0] = replace(seg, body=f"{seg.body.strip()} \\quad \\text{{for }} {condition.body.strip()}")
            prev[1] = (condition.line,) if condition.line != seg.line else ()
            continue
        if prev is not None and not prev[2] and _table_cells(prev[0], seg):
            # | $\delta^L$ | $= (a^L - y) \odot \sigma'(z^L)$ |: one formula set in the cells of a table row
            prev[0] = replace(prev[0], body=f"{prev[0].body.rstrip()} {seg.body.strip()}")
            prev[1] = prev[1] + (seg.line,)
            continue
        if prev is not None and not prev[2] and _stranded(prev[0], seg):
            # "$$… = δ$$", a blank line, "$$\\cdot\\,2$$" (or "$…$ $\\times 2$"): not joined, never judged apart
            prev[2] = (f"the formula may go on in the formula at line {seg.line}, which starts with an operator: not "
                       "judged on its first half")
            out.append([seg, (), f"starts with an operator after the formula at line {prev[0].line}; not joined"])
            continue
        out.append([seg, (), ""])
    return [tuple(x) for x in out]


def _continues(a: Segment, b: Segment) -> bool:
    """Does the display ``b`` continue the display ``a`` right before it (same cell, both read)?"""
    if not (a.display and b.display) or a.problem or b.problem or a.cell != b.cell or b.before is None:
        return False
    if re.search(r"\n[ \t]*\n", b.before):
        return False  # a blank line between: another paragraph, not the same formula
    head = _LEAD.sub("", b.body).strip()
    tail = trim(" ".join(_housekeeping(a.body, a.body_line)[0].split()))
    if _OPEN_END.search(tail):
        return bool(head)
    # "$$-\\nabla C = …$$" with its own relation is an equation of its own (a sign, not an operator on the last side)
    return starts_with_operator(head) and not (head[0] in "+-" and links(head))


#: A relation at the start of a piece of math: it goes on from the piece before it.
_LEADING_RELATION = re.compile(r"(?:=|:=|\\equiv|\\coloneqq|\\triangleq)(?![A-Za-z])")


#: An index or layer condition alone in inline math: $j \neq 1$, $l = L$, $l < L$, $2 \le l \le L - 1$.
_INDEX_CONDITION = re.compile(r"\s*(?:\d\s*\\le(?:q)?\s*)?[ijklmpqst](?:_\{?\d\}?)?\s*(?:=|<|>|\\neq?|\\leq?|\\geq?)"
                              r"\s*[A-Za-z0-9+\-\s]{1,12}(?:\\leq?\s*[A-Za-z0-9+\-\s]{1,8})?")
#: The words that lead a condition in prose ("For $j \neq 1$", "Pro $l = L$", "Если $l < L$", "Dla $j = k$")…
#: The lead word opens its sentence, at most after a connective ("Thus, for"): "Except for", "It is not true that
#: for", "Neplatí, že pro" put it under other words, which turn the condition around, so they are not read.
_CONDITION_LEAD = re.compile(r"(?:\A|[.!?;:]|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+\.)[ \t])\s*"
                             r"(?:(?:thus|hence|so|then|therefore|also|similarly|now|and|tedy|proto|takže|potom|a|i|"
                             r"тогда|итак|значит|и|więc|zatem|czyli|teraz)\s*,?\s*)?"
                             r"(?:for|if|when|whenever|pro|pokud|když|jestliže|для|если|при|dla|gdy|jeśli|jeżeli|przy)"
                             r"\s*$", re.I)
#: Between two inline claims of one sentence, the second under the same condition: "… $A$ and $B$", "$A$, $B$".
_AND = re.compile(r"[ \t]*(?:,|,?\s*(?:and|a|i|и|oraz|také|also))[ \t]*", re.I)
#: … and the words between it and the claim it restricts ("we get", "platí", "получаем", "mamy").
_CONDITION_THEN = re.compile(r"[\s,:]*(?:(?:then|we\s+(?:get|have|obtain|find)|one\s+(?:gets|has)|it\s+holds(?:\s+that)?|"
                             r"holds|dostaneme|dostáváme|máme|platí|je|получаем|имеем|выполняется|mamy|otrzymujemy|"
                             r"zachodzi|jest)[\s,:]*)*", re.I)


def _prose_condition(a: Segment, b: Segment) -> bool:
    """Is ``a`` an index condition in prose that leads the inline claim ``b`` ("For $j \neq 1$ we get $…$")?"""
    if a.display or b.display or a.problem or b.problem or a.cell != b.cell or a.before is None or b.before is None:
        return False
    if re.search(r"\n[ \t]*\n", b.before) or not _INDEX_CONDITION.fullmatch(a.body):
        return False
    return _CONDITION_LEAD.search(a.before) is not None and _CONDITION_THEN.fullmatch(b.before) is not None


def _and_then(a: Segment, b: Segment) -> bool:
    """Is ``b`` an inline claim right after the inline claim ``a`` in one sentence ("$A$ and $B$")?"""
    if a.display or b.display or b.problem or a.cell != b.cell or b.before is None:
        return False
    return _AND.fullmatch(b.before) is not None and bool(_RELATION_IN.search(b.body))


#: An equation's relation anywhere in a piece of math.
_RELATION_IN = re.compile(r"(?<![<>!:=\\])=(?![:=])")


def _table_cells(a: Segment, b: Segment) -> bool:
    """Are ``a`` and ``b`` inline math in neighbouring cells of one Markdown table row (``| $a$ | $= b$ |``), ``b``
    going on from ``a`` (it starts with a relation, or ``a`` ends with a relation or an operator)?"""
    if a.display or b.display or a.problem or b.problem or a.cell != b.cell or b.before is None:
        return False
    if a.line != b.line or not re.fullmatch(r"[ \t]*\|[ \t]*", b.before):
        return False
    head = _LEAD.sub("", b.body).strip()
    tail = trim(" ".join(a.body.split()))
    # a cell that starts with an operator after a cell that is a formula of its own ("| $∂C/∂b = 2δ$ | $-δ$ |") may
    # go on from it or stand beside it: not joined, and neither judged (``_stranded``)
    return bool(head) and bool(tail) and (_LEADING_RELATION.match(head) is not None or _OPEN_END.search(tail) is not None)


def _stranded(a: Segment, b: Segment) -> bool:
    """Does ``b`` start with an operator right after ``a`` though ``_continues`` does not join them: a display after
    a blank line, or an inline formula after an inline formula with only spaces between?"""
    if a.problem or b.problem or a.cell != b.cell or b.before is None or a.display != b.display:
        return False
    if a.display and not re.fullmatch(r"\s*", b.before):
        return False
    if not a.display and not re.fullmatch(r"[ \t]*(?:\|[ \t]*)?", b.before):  # side by side, or neighbouring cells
        return False
    head = _LEAD.sub("", b.body).strip()
    return bool(head) and starts_with_operator(head) and not (head[0] in "+-" and links(head))


def fold(items: list[Formula], context=None) -> list[Formula]:
    """Identical formulas (same bucket, same text) folded into the first, with all their lines.

    ``context(formula)`` (optional) is part of what must be identical: the
    notes' model in force at each line, so one text under two costs stays two.
    """
    out: list[Formula] = []
    lines: list[list] = []
    seen: dict[tuple, int] = {}
    for f in items:
        key = (f.kind, " ".join(f.text.split()), f.reason if f.kind == "unreadable" else "",
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
    body, removed_at = _housekeeping(seg.body, seg.body_line)
    repaired_body = _repair_raw(body)
    segment_repaired = repaired_body != body
    repaired_body = normalise_signs(repaired_body)  # a spelling of a sign, not damage: not "repaired"
    side_by_side: list[bool] = []
    rows = _rows(repaired_body, seg.body_line, one_equation=seg.delimiter in _ONE_EQUATION,
                 paired=seg.delimiter in _PAIRED, side_by_side=side_by_side)
    if len(side_by_side) != len(rows):  # text rows of an array joined onto the row above: no pairs there
        side_by_side = [False] * len(rows)
    out: list[Formula] = []
    head: str | None = None  # the first side of the chain the rows continue
    head_prose: int | None = None  # index in out of a prose row that is only the head of the chain below it
    line_of: dict[int, int] = {}  # id of a formula of ``out`` -> the row it was read from
    for n, (line, raw) in enumerate(rows):
        last = max(line, rows[n + 1][0] - 1) if n + 1 < len(rows) else line + raw.count("\n")
        removed = tuple(x for at, x in removed_at if line <= at <= last or (n == 0 and at < line))
        between = _INTERTEXT.match(raw.lstrip())
        if between:
            raw = raw.lstrip()[between.end():]
            removed += (" ".join(between.group(0).split()),)
        text = _dangling(_flatten(raw))
        repaired = segment_repaired
        source = " ".join(raw.replace(_PAIR_END, " & ").split())
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
                out.append(f)
                line_of[id(f)] = n
                if f.kind == "claim":
                    head, head_prose = first_side(piece), None
                elif f.kind == "definition" and defined_as(piece) is not None:
                    head, head_prose = defined_as(piece), None  # "δ &≡ ∂C/∂z \\ &= …" goes on from ∂C/∂z
                elif f.kind == "prose" and not NOT_EQUATION.search(piece) and len(parts) == 1:
                    head, head_prose = piece, len(out) - 1
    return out


def _housekeeping(body: str, first_line: int) -> tuple[str, list]:
    """The body with comments, labels and tags blanked (newlines kept), and what was removed, by line."""
    removed: list[tuple[int, str]] = []

    def blank(m: re.Match) -> str:
        removed.append((first_line + body.count("\n", 0, m.start()), " ".join(m.group(0).split())))
        return "".join("\n" if c == "\n" else " " for c in m.group(0))

    return _HOUSEKEEPING.sub(blank, body), removed


def _rows(body: str, first_line: int, one_equation: bool, paired: bool = False,
          side_by_side: "list | None" = None) -> list[tuple[int, str]]:
    """Rows at depth 0 (outside braces and matrices), '&' dropped, each with its line.

    With ``paired`` (an align's rows, r&l&r&l), the ``&`` that closes a pair of columns is marked (``_PAIR_END``): the
    equations side by side on one row are cut there when both are complete (``claims.pieces``). An
    ``\\intertext{…}`` ends a row; the next row starts with it, and ``_segment`` decides what follows it.
    ``side_by_side``, if given, receives one flag a row: does it have columns of more than one pair?
    """
    pairs: list[bool] = []
    rows: list[tuple[int, str]] = []
    out: list[str] = []
    depth, envs, line, row_line = 0, [], first_line, first_line
    i, n = 0, len(body)
    single, started = one_equation, False
    columns = 0  # the '&' of this row so far
    row_arrays = 0  # one-column arrays open whose rows are read as rows
    arrays_read = False
    while i < n:
        c = body[i]
        if c == "\\":
            m = _ENV.match(body, i)
            if m:
                name = m.group(2)
                # the arguments are part of the opener (\begin{alignedat}{2}, \begin{aligned}[t]), never math
                end, args = environment_arguments(name, body, m.end()) if m.group(1) == "begin" else (m.end(), [])
                whole = body[i:end]
                if name == "array" and not envs and (row_arrays if m.group(1) == "end" else
                                                      _rows_array(body, end, args[-1] if args else "")):
                    # a one-column array around the display: its rows are rows (\\), like an aligned's
                    row_arrays += 1 if m.group(1) == "begin" else -1
                    arrays_read = True
                    out.append(" ")
                    line += whole.count("\n")
                    i = end
                    continue
                if name in _CONTAINERS and not envs:
                    single = single or name in _ONE_EQUATION
                    paired = name in _PAIRED if m.group(1) == "begin" else paired
                    out.append(" ")  # the container's begin/end is dropped
                elif m.group(1) == "begin":
                    envs.append(name)
                    out.append(whole)
                else:
                    if envs:
                        envs.pop()
                    out.append(whole)
                line += whole.count("\n")
                started = started or not (name in _CONTAINERS and not envs)
                i = end
                continue
            text_row = _INTERTEXT.match(body, i)
            if text_row and depth == 0 and not envs and not single:
                if "".join(out).strip():
                    rows.append((row_line, "".join(out)))
                    pairs.append(paired and columns >= 2)
                out, started, columns = [text_row.group(0)], True, 0
                row_line = line
                line += text_row.group(0).count("\n")
                i = text_row.end()
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
                    pairs.append(paired and columns >= 2)
                    out, started, columns = [], False, 0
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
            columns += 1
            out.append(_PAIR_END if paired and not row_arrays and columns % 2 == 0 else " ")
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
    pairs.append(paired and columns >= 2)
    if side_by_side is not None:
        side_by_side += [p for p, (_, r) in zip(pairs, rows) if r.strip()]
    rows = [(ln, r) for ln, r in rows if r.strip()]
    return _remarks_on_rows(rows) if arrays_read else rows


_TEXT_ROW = re.compile(r"\s*(?:\\(?:text|textbf|textrm|textit|mathrm|mbox)\s*\{[^$]*\}\s*)+")


def _remarks_on_rows(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    r"""A one-column array's text-only row after a formula's row is a remark on it (``\text{negated}`` under
    ``∂C/∂b = δ``), kept on that row for the tail's rules (labels, conditions, else unreadable); text rows before
    the first formula are a heading (``\text{počtu:}``), prose."""
    out: list[tuple[int, str]] = []
    for ln, r in rows:
        if _TEXT_ROW.fullmatch(r) and out and not _TEXT_ROW.fullmatch(out[-1][1]):
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {r.strip()}")
        else:
            out.append((ln, r))
    return out


_ONE_COLUMN = re.compile(r"\{\s*\|?\s*[lcr]\s*\|?\s*\}")
#: Two or three columns, as ``{rl}`` or ``{rcl}`` set an equation's sides apart.
_SIDE_COLUMNS = re.compile(r"\{\s*\|?\s*[lcr]\s*\|?\s*[lcr]\s*\|?\s*(?:[lcr]\s*\|?\s*)?\}")
#: A relation just before or just after a column break ``&``.
_RELATION_BEFORE = re.compile(r"(?:=|\\equiv|\\coloneqq|\\triangleq)\s*$")
_RELATION_AFTER = re.compile(r"\s*(?:=|:=|\\equiv|\\coloneqq|\\triangleq)(?![A-Za-z])")


#: Where ``_rows`` marks an ``&`` that closes a pair of columns: read as ``\\quad`` (two equations side by side are
#: cut there by ``claims.pieces`` when both are complete), shown as ``&`` in the text as written.
_PAIR_END = "\x00"
#: Text set between the rows of an align (amsmath, mathtools): ``\intertext{and so}``.
_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*" + _GROUP)


def _rows_array(body: str, start: int, spec: str) -> bool:
    r"""Is the ``\begin{array}`` whose arguments end at ``start`` (column spec ``spec``) the whole display, closed,
    and one whose rows read as formulas?

    A one-column array (``{c}``) with no ``&`` of its own: its rows (``\\``) render one under another, as a
    display's rows do. An array of two or three columns (``{rl}``, ``{rcl}``) whose every ``&`` stands next
    to a relation (``\delta^L & = …``, ``a & = & b``) sets the sides of an equation apart, as an aligned's
    ``&=`` does. Any other array (a stray ``&``, ``a = b & c = d`` side by side) is left whole.
    """
    spec = "{" + spec + "}"
    one = _ONE_COLUMN.fullmatch(spec) is not None
    if not (one or _SIDE_COLUMNS.fullmatch(spec)) or body[:body.rfind("\\begin", 0, start)].strip():
        return False
    depth, envs, i = 0, 0, start
    while i < len(body):
        c = body[i]
        if c == "\\":
            m = _ENV.match(body, i)
            if m:
                if m.group(1) == "begin":
                    envs += 1
                elif envs:
                    envs -= 1
                elif m.group(2) == "array":
                    return not body[m.end():].strip()  # the array is the whole display
                else:
                    return False
                i = m.end()
                continue
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "&" and depth == 0 and envs == 0:
            row_start = max(body.rfind("\\\\", 0, i), body.rfind("&", 0, i), start)
            if one or not (_RELATION_BEFORE.search(body[row_start:i]) or _RELATION_AFTER.match(body, i + 1)):
                return False
        i += 1
    return False


def _dangling(text: str) -> str:
    """A chain ending in ``=`` (it goes on in the next display) without that last ``=``; other text unchanged."""
    m = re.search(r"(?<![:<>!=\\])=$", text)
    if m is None:
        return text
    before = text[:m.start()].rstrip()
    return before if first_side(before) != before else text


def _repair_raw(text: str) -> str:
    for pattern, fix in _REPAIRS:
        text = pattern.sub(fix, text)
    return text


def _flatten(text: str) -> str:
    flat = " ".join(text.replace(_PAIR_END, " \\quad ").split())
    # "= \\ &=" whose "\\\\" lost a backslash (its "&" closing a column pair reads as \\quad)
    flat = re.sub(r"=(?:\s|\\ |\\quad(?![A-Za-z]))*=", "=", flat)
    lead = _LEAD.sub("", flat)
    if starts_with_operator(lead) or starts_with_relation(lead):
        flat = lead  # "&{}\\times 2", "&\\hspace{1cm} +", "&\\phantom{=} +": spacing before the operator only indents it
    return trim(flat)


def _classify(piece: str, line: int, source: str, repaired: bool, removed: tuple, base: dict) -> Formula:
    kind, reason = classify(piece)
    if kind == "prose" and base.get("display") and unequal(piece):  # a ≠ b in a display: reported, not prose
        kind, reason = "unreadable", UNEQUAL
    if kind == "definition":
        piece = forward(piece)  # "X =: C" is read, by the model and the checks, as "C := X"
    return Formula(line, piece.strip(), lines=(line,), source=source, repaired=repaired, removed=removed,
                   kind=kind, reason=reason, **base)
