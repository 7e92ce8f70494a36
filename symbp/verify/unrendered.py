r"""The notes' comments: text that is never typeset, blanked before any reader (formulas or words) sees it.

A LaTeX ``%`` comment, the comment package's ``\begin{comment} … \end{comment}`` (and the environments it is told to
exclude: ``\excludecomment{solution}``, ``\let\solution\comment``), a Markdown ``<!-- … -->``: nobody reading the
typeset notes sees their words. ``scan`` already finds no formula in them; the readers of words (the output layer
"is linear", the activation, where a definition reaches) read the text itself, and took a commented-out
``% old version: the output layer is linear`` as the notes' model (review rv53 F18: δ^L = a^L − y held for a generic
σ). ``blanked(text, kind)`` gives the text with every comment made spaces (line breaks kept, so lines and positions
stay), as ``conditionals`` does with a branch that is not typeset.

>>> blanked("a % the output layer is linear\nb", "latex")
'a                             \nb'
>>> blanked("a <!-- linear? -->\nb `<!-- code -->`", "markdown")
'a                 \nb `<!-- code -->`'
"""

from __future__ import annotations

import re

from .conditionals import Conditionals, read
from .delimiters import _Lexer, _line_starts
from .scan import unquoted

_EXCLUDED = re.compile(r"\\excludecomment\s*\{\s*([A-Za-z]+\*?)\s*\}"
                       r"|\\let\s*\\([A-Za-z]+)\s*=?\s*\\comment(?![A-Za-z])")


def blanked(text: str, kind: str) -> str:
    """``text`` (``kind`` 'latex' or 'markdown'; a notebook is left as it is) with its comments blanked."""
    if kind == "latex" and "%" not in text and "comment" not in text:
        return text
    if kind == "markdown" and "<!--" not in text:
        return text
    if kind not in ("latex", "markdown"):
        return text
    starts = _line_starts(text)
    depths, widths = [0] * len(starts), [0] * len(starts)
    body = text
    if kind == "markdown":
        body, depths, widths = unquoted(text)
    lexer = _Lexer(body, kind, starts, depths, widths)
    lexer.events()
    spans = list(lexer.comments)
    if kind == "latex":
        spans += _excluded(text, spans)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def typeset(text: str, kind: str) -> "tuple[str, Conditionals]":
    """``text`` with its comments blanked, and that text with, in LaTeX, the branches of conditionals not known to
    be typeset blanked too (``conditionals.read``; the conditionals' own tokens always)."""
    text = blanked(text, kind)
    return text, read(text) if kind == "latex" else Conditionals(text)


def _excluded(text: str, comments: list) -> list:
    # \excludecomment{solution}: every \begin{solution} … \end{solution} after it is a comment (not in a comment)
    names = {m.group(1) or m.group(2): m.start() for m in _EXCLUDED.finditer(text)
             if not any(a <= m.start() < b for a, b in comments)}
    out = []
    for name, at in names.items():
        for m in re.finditer(r"\\begin\s*\{" + re.escape(name) + r"\}", text[at:]):
            start = at + m.start()
            close = text.find(f"\\end{{{name}}}", at + m.end())
            out.append((start, len(text) if close < 0 else close + len(name) + 6))
    return out


__all__ = ["blanked", "typeset"]
