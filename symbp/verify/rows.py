r"""A display cut into rows: ``\\``, the environments that hold rows, the ``&`` of aligned columns.

A display is split only at unambiguous boundaries: rows (``\\``, each row at
its own line), an ``\intertext{…}`` between rows, and, in an align's rows
(r&l&r&l), the ``&`` closing a pair of columns (marked ``PAIR_END``: two
equations side by side are cut there by ``claims.pieces`` when both are
complete). The begin/end of a container (``aligned``, ``align``, ``gather``,
``IEEEeqnarray``, …) is dropped; its arguments are part of its opener, never
math. An ``array`` that is the whole display reads row by row when it has one
column, or two or three columns whose every ``&`` stands next to a relation
(``{rl}``, ``{rcl}``); any other array stays whole. ``multline`` and ``split``
hold one equation. Housekeeping that never changes what a formula says
(comments, ``\label``, ``\nonumber``, ``\tag``) is blanked with its line kept.

>>> [(line, " ".join(r.split())) for line, r in display_rows("a &= b \\\\\n &= c", 4, one_equation=False)]
[(4, 'a = b'), (5, '= c')]
"""

from __future__ import annotations

import re

from .claims import starts_with_operator, starts_with_relation, trim, first_side
from .environments import environment_arguments

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
PAIRED = {"align", "align*", "flalign", "flalign*", "alignat", "alignat*", "xalignat", "xalignat*", "xxalignat",
           "aligned", "alignedat"}
ONE_EQUATION = {"multline", "multline*", "split", "multlined"}  # rows of one equation, not rows of claims
_ENV = re.compile(r"\\(begin|end)\s*\{([A-Za-z]+\*?)\}")
#: Spacing and an empty group before a display's first operator (``\qquad {}\times 2``).
_GROUP = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
_DIMEN = r"\s*-?\s*(?:\d+\.?\d*|\.\d+)\s*(?:mu|pt|em|ex|cm|mm|in|bp|pc|sp|dd|cc)(?![A-Za-z])"
#: Spacing, phantoms and an empty group before a row's or a display's first operator (``\qquad {}\times 2``,
#: ``\hspace{1cm} +``, ``\mkern18mu \odot``, ``\phantom{=} +``, ``\mathrel{\phantom{=}} +``): they only indent it.
LEAD = re.compile(r"^(?:\s|\\[,;:!> ]|\\q?quad(?![A-Za-z])|\{\s*\}|\\(?:hspace\*?|hphantom|phantom|vphantom)\s*"
                   + _GROUP + r"|\\(?:mathrel|mathbin|mathord)\s*\{\s*\\[hv]?phantom\s*" + _GROUP + r"\s*\}"
                   r"|\\(?:hskip|mskip|kern|mkern)" + _DIMEN + r"|\\(?:enspace|thinspace|medspace|thickspace|"
                   r"negthinspace|negmedspace|negthickspace)(?![A-Za-z]))+")


def housekeeping(body: str, first_line: int) -> tuple[str, list]:
    """The body with comments, labels and tags blanked (newlines kept), and what was removed, by line."""
    removed: list[tuple[int, str]] = []

    def blank(m: re.Match) -> str:
        removed.append((first_line + body.count("\n", 0, m.start()), " ".join(m.group(0).split())))
        return "".join("\n" if c == "\n" else " " for c in m.group(0))

    return _HOUSEKEEPING.sub(blank, body), removed


def display_rows(body: str, first_line: int, one_equation: bool, paired: bool = False,
          side_by_side: "list | None" = None) -> list[tuple[int, str]]:
    """Rows at depth 0 (outside braces and matrices), '&' dropped, each with its line.

    With ``paired`` (an align's rows, r&l&r&l), the ``&`` that closes a pair of columns is marked (``PAIR_END``): the
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
                    single = single or name in ONE_EQUATION
                    paired = name in PAIRED if m.group(1) == "begin" else paired
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
            text_row = INTERTEXT.match(body, i)
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
            out.append(PAIR_END if paired and not row_arrays and columns % 2 == 0 else " ")
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
PAIR_END = "\x00"
#: Text set between the rows of an align (amsmath, mathtools): ``\intertext{and so}``.
INTERTEXT = re.compile(r"\\(?:short)?intertext\s*" + _GROUP)


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


def dangling(text: str) -> str:
    """A chain ending in ``=`` (it goes on in the next display) without that last ``=``; other text unchanged."""
    m = re.search(r"(?<![:<>!=\\])=$", text)
    if m is None:
        return text
    before = text[:m.start()].rstrip()
    return before if first_side(before) != before else text


def flatten(text: str) -> str:
    flat = " ".join(text.replace(PAIR_END, " \\quad ").split())
    # "= \\ &=" whose "\\\\" lost a backslash (its "&" closing a column pair reads as \\quad)
    flat = re.sub(r"=(?:\s|\\ |\\quad(?![A-Za-z]))*=", "=", flat)
    lead = LEAD.sub("", flat)
    if starts_with_operator(lead) or starts_with_relation(lead):
        flat = lead  # "&{}\\times 2", "&\\hspace{1cm} +", "&\\phantom{=} +": spacing before the operator only indents it
    return trim(flat)
