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


def jacobian_entries(sentence: str) -> "str | None":
    """The layout a sentence about a Jacobian gives it by saying where its entry ∂y_i/∂x_j stands (see the module
    docstring), else None. ``sentence``: the raw words, formulas and all."""
    if not JACOBIANS.search(sentence):
        return None
    entry = _ENTRY.search(sentence)
    if entry is None:
        return None
    num, den = entry.groups()
    grid = _GRID.search(sentence, entry.end())
    if grid is not None:
        at = grid.groups()
    else:
        row, column = _ROW_AT.search(sentence, entry.end()), _COLUMN_AT.search(sentence, entry.end())
        if row is None or column is None:
            return None
        at = (row.group(1), column.group(1))
    if num == den:
        return None
    return {(num, den): "numerator", (den, num): "denominator"}.get(at)


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


__all__ = ["clauses", "jacobian_entries"]
