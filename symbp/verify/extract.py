r"""Finding the formulas in notes: a .tex/.md/.txt file in, claims with line numbers out.

Display formulas (``$$…$$``, ``\[…\]``, ``equation``/``align`` environments)
and inline ones (``$…$``, ``\(…\)``) are found with their line numbers. A formula is
split into its claims at prose (``\text{…}`` with words), ``\quad`` and
``\implies``; pieces without ``=`` (a symbol, an expression) and pure
definitions (``:=``, ``::=``) are skipped. Text extracted from slides lost
the backslash of ``\f``, ``\r``, ``\n``, ``\b`` (``rac{``, ``ight)``,
``abla``, ``egin{``); that damage is repaired where it is unambiguous and
the report says so.

>>> [c.text for c in extract("Proof: $$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)$$ and $x$.")]
["\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DISPLAY = re.compile(
    r"\$\$(?P<a>.+?)\$\$|\\\[(?P<b>.+?)\\\]|\\begin\{(?P<env>equation\*?|align\*?|gather\*?)\}(?P<c>.+?)\\end\{(?P=env)\}",
    re.S,
)
_INLINE = re.compile(r"(?<![\\$])\$(?P<d>[^$]+?)(?<!\\)\$|\\\((?P<e>.+?)\\\)", re.S)

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
_SPLIT = re.compile(r"\\in(?![a-zA-Z])|\\implies|\\Rightarrow|\\iff|\\Longrightarrow|\\q?quad|\\text\{[^{}]*[\s\u0080-\uffff][^{}]*\}|//")


@dataclass(frozen=True)
class Formula:
    """One claim found in the notes."""

    line: int
    text: str
    display: bool
    repaired: bool = False
    lines: tuple = ()


def _repair(text: str) -> tuple[str, bool]:
    out = text
    for pattern, fix in _REPAIRS:
        out = pattern.sub(fix, out)
    out = out.replace("\n", " ")
    out = re.sub(r"=(?:\s|\\ )*=", "=", out)  # "= \\ &=" whose "\\\\" lost a backslash
    return out, out != text.replace("\n", " ")


def _line_of(source: str, pos: int) -> int:
    return source.count("\n", 0, pos) + 1


def extract(source: str) -> list[Formula]:
    """Every claim (a piece with '=') in ``source``, with its line; duplicates folded."""
    found: list[tuple[int, str, bool]] = []
    taken = []
    for m in _DISPLAY.finditer(source):
        body = m.group("a") or m.group("b") or m.group("c") or ""
        found.append((m.start(), body, True))
        taken.append((m.start(), m.end()))
    rest = list(source)
    for a, b in taken:
        rest[a:b] = [" "] * (b - a)
    for m in _INLINE.finditer("".join(rest)):
        body = m.group("d") or m.group("e") or ""
        if "\n\n" in body:
            continue
        found.append((m.start(), body, False))
    found.sort()
    out: list[Formula] = []
    seen: dict[str, int] = {}
    previous: Formula | None = None
    for pos, body, display in found:
        line = _line_of(source, pos)
        text, repaired = _repair(body)
        for piece in _claims(text):
            if piece.startswith("=") and display and previous is not None and previous.display:
                # A derivation split over displays: "$$= …$$" continues the chain above.
                piece = _first_side(previous.text) + " " + piece
            key = " ".join(piece.split())
            if key in seen:
                f = out[seen[key]]
                out[seen[key]] = Formula(f.line, f.text, f.display, f.repaired, f.lines + (line,))
                continue
            seen[key] = len(out)
            out.append(Formula(line, piece, display, repaired, (line,)))
            previous = out[-1]
    return out


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


_MATRIX = re.compile(r"\\begin\{([pbv]?matrix)\}.*?\\end\{\1\}", re.S)


def _claims(text: str) -> list[str]:
    text = re.sub(r"\\begin\{(aligned|align\*?|split)\}|\\end\{(aligned|align\*?|split)\}", " ", text)
    # Row breaks and & inside a matrix belong to the matrix: hide them while splitting rows.
    text = _MATRIX.sub(lambda m: m.group(0).replace("\\\\", "\x00").replace("&", "\x01"), text)
    rows = [r.replace("&", " ") for r in re.split(r"\\\\(?![a-zA-Z])", text)] if "&" in text else [text]
    rows = [r.replace("\x00", "\\\\").replace("\x01", "&") for r in rows]
    chained = []
    for r in rows:
        if chained and r.strip().startswith(("=", r"\equiv")):
            chained[-1] = chained[-1] + " " + r  # "&= …" continues the row above
        else:
            chained.append(r)
    out = []
    for row in chained:
        for piece in _split_top(row):
            piece = re.sub(r"=(?:\s|\\ )*=", "=", piece).strip().strip(",;.").strip()
            while piece.endswith("\\"):  # a line break "\\\\" cut in half
                piece = piece[:-1].rstrip()
            if not piece or not re.search(r"(?<![<>!:])=|\\equiv", piece):
                continue
            if re.match(r"[A-Za-z]\s*=.*\\l?c?dots", piece):
                continue  # "l = 2, 3, …, L": a range, not a formula
            if ":=" in piece or "::=" in piece or re.fullmatch(r"[^=]*\\equiv[^=]*", piece):
                continue  # a definition, not a claim
            out.append(piece)
    return out


def _split_top(text: str) -> list[str]:
    """Split at prose and connectives outside braces."""
    pieces, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0:
            m = _SPLIT.match(text, i)
            if m and (text[i] == "\\" or text[i] == "/") and (i == 0 or text[i - 1] != "\\" or text[i] == "/"):
                pieces.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    pieces.append(text[start:])
    return pieces
