r"""Layouts said without a declaration's usual words: by a Jacobian's entries ("the Jacobian has entries
∂y_i/∂x_j in row i, column j"), and one sentence that gives each kind of derivative its layout ("Jacobians use the
numerator layout and gradients the denominator layout"). ``graphownlayout`` reads the sentences; this module says
what such a sentence declares.

A Jacobian whose entry ∂y_i/∂x_j stands in row i (the numerator's index) is the numerator layout's; in row j (the
denominator's index) the denominator layout's. The row and column are said by a subscript on the bracket,
``(\partial y_i/\partial x_j)_{ij}``, or in words ("in row i, column j"; cs "v řádku i a sloupci j", pl "w wierszu
i i kolumnie j", ru "в строке i и столбце j"). A sentence that only mentions rows ("the rows of W") says nothing.

>>> jacobian_entries(r"The Jacobian $(\partial y_i/\partial x_j)_{ij}$ of the layer.")
'numerator'
>>> jacobian_entries(r"The Jacobian has entries $\frac{\partial y_i}{\partial x_j}$ in row $j$, column $i$.")
'denominator'
>>> jacobian_entries("The rows of the Jacobian are gradients.") is None
True
>>> from symbp.verify.graphownlayout import LAYOUT_NAMES as names
>>> clauses("Jacobians use the numerator layout and gradients the denominator layout.", names)
[(0, 'jacobian', 'numerator'), (39, 'gradient', 'denominator')]
>>> clauses("We use the numerator layout, not the denominator layout.", names) is None
True
"""

from __future__ import annotations

import re

from .layoutswitch import JACOBIANS, kinds_at

#: One entry of a Jacobian: ∂y_i/∂x_j, \frac{\partial y_i}{\partial x_j}; the numerator's and denominator's index.
_ENTRY = re.compile(r"\\partial\s*\{?\s*[A-Za-z]\w*(?:\^\{?[^{}_$]*\}?)?\s*_\s*\{?\s*([a-z])\s*\}?\s*\}?\s*"
                    r"(?:/|\}\s*\{)\s*\\partial\s*\{?\s*[A-Za-z]\w*(?:\^\{?[^{}_$]*\}?)?\s*_\s*\{?\s*([a-z])\s*\}?")
#: The (row, column) subscript of a bracket of entries: ")_{ij}", "]_{i,j}", "\right)_{ij}".
_GRID = re.compile(r"[)\]]\s*_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}")
#: "row i" and "column j" in words (en/cs/pl/ru), the index perhaps in $…$.
_INDEX = r"\s+\$?\s*([a-z])\s*\$?(?![\w])"
_ROW_AT = re.compile(r"\b(?:rows?|řádk\w*|řádek|wiersz\w*|строк\w*)" + _INDEX, re.IGNORECASE)
_COLUMN_AT = re.compile(r"\b(?:columns?|sloupc\w*|sloupec|kolumn\w*|столбц\w*|столбец)" + _INDEX, re.IGNORECASE)


#: The notes' derivative said to be the transpose of the Jacobian the sentence writes ("our derivative is the
#: transpose of the Jacobian …", "… we use its transpose"): the other layout (review rv40 A1). ``transposed``.
_TRANSPOSED = re.compile(r"\b(?:is|are|use|write|take|adopt)\s+(?:the|its|their)\s+transpose\b", re.IGNORECASE)
#: Any other word of transposing: where the sentence leaves it unclear which matrix is the notes', it declares nothing.
_TRANSPOSE = re.compile(r"\btranspo\w*|\btranspon\w*|\bтранспон\w*", re.IGNORECASE)


def _matrix(sentence: str, num: str, den: str) -> bool:
    # the sentence names the matrix ∂y/∂x whose entry ∂y_j/∂x_i it places ("the matrix ∂y/∂x has …"): a Jacobian
    return bool(re.search(r"\\partial\s*\{?\s*" + re.escape(num) + r"\s*\}?\s*(?:/|\{)\s*\\partial\s*\{?\s*"
                          + re.escape(den) + r"(?![_\w^])", sentence))


def transposed(sentence: str) -> "int | None":
    """Where the clause that says the notes' derivative is the transpose of the Jacobian written starts (after the
    last ';' before the words), else None: its own words say whether the notes use it ("Many texts use the Jacobian
    …; we use its transpose")."""
    found = _TRANSPOSED.search(sentence)
    return None if found is None else sentence.rfind(";", 0, found.start()) + 1


def jacobian_entries(sentence: str) -> "str | None":
    """The layout a sentence about a Jacobian gives it by saying where its entry ∂y_i/∂x_j stands (see the module
    docstring), else None. ``sentence``: the raw words, formulas and all. A sentence that says the notes' derivative
    is its transpose gives the other layout; one that speaks of transposing otherwise, none (review rv40 A1)."""
    entry = _ENTRY.search(sentence)
    if entry is None:
        return None
    if not JACOBIANS.search(sentence) and not _matrix(sentence, *_letters(entry.group(0))):
        return None
    num, den = entry.groups()
    grid = _GRID.search(sentence, entry.end())
    before = [g for g in _GRID.finditer(sentence, 0, entry.start())
              if re.fullmatch(r"\s*=\s*(?:\\[dt]?frac\s*\{)?\s*", sentence[g.end():entry.start()])]
    if grid is None and before:  # "(\frac{∂y}{∂x})_{ij} = \frac{∂y_j}{∂x_i}": the entry at (i, j)
        grid = before[-1]
    if grid is not None:
        at = grid.groups()
    else:
        row, column = _ROW_AT.search(sentence, entry.end()), _COLUMN_AT.search(sentence, entry.end())
        if row is None or column is None:
            return None
        at = (row.group(1), column.group(1))
    if num == den:
        return None
    layout = {(num, den): "numerator", (den, num): "denominator"}.get(at)
    if layout is None or not _TRANSPOSE.search(sentence):
        return layout
    if transposed(sentence) is None:
        return None
    return "denominator" if layout == "numerator" else "numerator"


def _letters(entry: str) -> "tuple[str, str]":
    # the letters of the numerator and the denominator of an entry ∂y_i/∂x_j: y, x
    y, x = re.findall(r"\\partial\s*\{?\s*([A-Za-z][A-Za-z0-9]*)", entry)[:2]
    return y, x


def clauses(words: str, names: dict) -> "list[tuple[int, str, str]] | None":
    """(offset, kind of derivative, layout) of each clause of one sentence that names a layout after a kind of
    derivative ("Jacobians use the numerator layout and gradients the denominator layout"), when the sentence
    names two layouts or more and each after a kind word of its own; else None (a sentence that names two layouts
    otherwise names both, which declares nothing). ``names``: the layouts' patterns (``graphownlayout.LAYOUT_NAMES``)."""
    found = sorted((m.start(), layout) for layout, pattern in names.items() for m in pattern.finditer(words))
    if len(found) < 2:
        return None
    out, before = [], 0
    for at, layout in found:
        kinds = kinds_at(words, before, at)
        if not kinds:
            return None  # "…, not the denominator layout": no kind of its own
        out.append((kinds[-1][0], kinds[-1][1], layout))
        before = at
    return out


__all__ = ["clauses", "jacobian_entries", "transposed"]
