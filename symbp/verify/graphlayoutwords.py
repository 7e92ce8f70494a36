r"""The layout the notes declare in words ("we write derivatives in the numerator layout"), for graph notes.

Whether ∂L/∂y of a column y is a column or a row is a convention (``graphcheck``). A claim that fits in one layout
only is judged in it; a claim that fits in both, where the verdicts differ, is judged in the notes' own layout.
Without words, that is the layout the notes' other claims single out by their shapes. With words, it is the layout
the notes name: a sentence that names one layout (and not the other) declares it from its line on, until another
sentence declares the other. A sentence that doubts, denies or supposes ("we do not use the numerator layout",
"if we used the numerator layout") declares nothing, nor does one that names both layouts.

>>> text = "# Part 2\n\nFrom now on we write derivatives in the numerator layout (Jacobians).\n\n$$x$$\n"
>>> declared_layouts(text)
[(3, 'numerator')]
>>> layout_at(declared_layouts(text), 5), layout_at(declared_layouts(text), 1)
(DeclaredLayout(line=3, layout='numerator'), None)
>>> declared_layouts("We never use the numerator layout.\n"), declared_layouts("If we used the denominator layout, …\n")
([], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import HYPOTHETICAL, doubts, line_of, masked, sentences

#: The words naming each layout (English, Czech, Russian, Polish). "Jacobian formulation" is the numerator layout's
#: other name, "gradient layout" the denominator's.
_NAMES = {
    "numerator": re.compile(
        r"\bnumerator[\s-]+(?:layout|convention|notation)\b|\bjacobian\s+(?:layout|formulation|convention)\b"
        r"|\bčitatelov\w*\s+(?:uspořádání|rozložení|konvenc\w*|notac\w*)\b|\b(?:uspořádání|rozložení)\s+čitatele\b"
        r"|\bраскладк\w*\s+числител\w*|\bчислительн\w*\s+раскладк\w*|\bukład\w*\s+licznik\w*"
        r"|\blicznikow\w*\s+układ\w*", re.IGNORECASE),
    "denominator": re.compile(
        r"\bdenominator[\s-]+(?:layout|convention|notation)\b|\bgradient\s+(?:layout|formulation|convention)\b"
        r"|\bhessian\s+formulation\b"
        r"|\bjmenovatelov\w*\s+(?:uspořádání|rozložení|konvenc\w*|notac\w*)\b|\b(?:uspořádání|rozložení)\s+jmenovatele\b"
        r"|\bраскладк\w*\s+знаменател\w*|\bзнаменательн\w*\s+раскладк\w*|\bukład\w*\s+mianownik\w*"
        r"|\bmianownikow\w*\s+układ\w*", re.IGNORECASE),
}


@dataclass(frozen=True)
class DeclaredLayout:
    """The layout the notes name in words at ``line``: ``graphcheck`` judges a claim that fits both layouts in it."""

    line: int
    layout: str

    def words(self) -> str:
        return f"the notes' own (declared in words on line {self.line})"


def declared_layouts(text: str) -> list[tuple[int, str]]:
    """(line, layout) for each sentence of the prose that declares a layout, in the order of the notes."""
    out = []
    for start, end in sentences(text):
        words = masked(text[start:end])
        named = [layout for layout, pattern in _NAMES.items() if pattern.search(words)]
        if len(named) != 1 or doubts(words) or HYPOTHETICAL.search(words):
            continue
        found = _NAMES[named[0]].search(text, start, end)
        out.append((line_of(text, found.start() if found else start), named[0]))
    return out


def layout_at(declared: list, line: int) -> "DeclaredLayout | None":
    """The layout declared last before ``line``; None when no declaration comes before it."""
    before = [d for d in declared if d[0] <= line]
    return DeclaredLayout(*before[-1]) if before else None


__all__ = ["DeclaredLayout", "declared_layouts", "layout_at"]
