r"""The notes' comments: text that is never typeset, blanked before any reader (formulas or words) sees it.

A LaTeX ``%`` comment, the comment package's ``\begin{comment} … \end{comment}`` (and the environments it is told to
exclude: ``\excludecomment{solution}``, ``\let\solution\comment``), a Markdown ``<!-- … -->``: nobody reading the
typeset notes sees their words. ``scan`` already finds no formula in them; the readers of words (the output layer
"is linear", the activation, where a definition reaches) read the text itself, and took a commented-out
``% old version: the output layer is linear`` as the notes' model (review rv53 F18: δ^L = a^L − y held for a generic
σ). ``blanked(text, kind)`` gives the text with every comment made spaces (line breaks kept, so lines and positions
stay), as ``conditionals`` does with a branch that is not typeset.

>>> blanked("a % the output layer is linear\nb", "latex")
'a %                            \nb'
>>> blanked("a <!-- linear? -->\nb `<!-- code -->`", "markdown")
'a                 \nb `<!-- code -->`'
"""

from __future__ import annotations

import json
import re

from .conditionals import Conditionals, read
from .delimiters import _Lexer, _line_starts
from .scan import unquoted

_EXCLUDED = re.compile(r"\\excludecomment\s*\{\s*([A-Za-z]+\*?)\s*\}"
                       r"|\\let\s*\\([A-Za-z]+)\s*=?\s*\\comment(?![A-Za-z])")


def blanked(text: str, kind: str) -> str:
    """``text`` (``kind`` 'latex', 'markdown' or 'notebook': its markdown cells) with its comments blanked."""
    if kind == "latex" and "%" not in text and "comment" not in text:
        return text
    if kind in ("markdown", "notebook") and "<!--" not in text:
        return text
    if kind == "notebook":
        return _notebook(text)
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
        if text[a] == "%":  # the % stays: a comment line is no blank line (no paragraph ends there, as in TeX)
            a += 1
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def typeset(text: str, kind: str) -> "tuple[str, Conditionals]":
    """``text`` with its comments blanked, and that text with, in LaTeX, the branches of conditionals not known to
    be typeset blanked too (``conditionals.read``; the conditionals' own tokens always)."""
    text = blanked(text, kind)
    return text, read(text) if kind == "latex" else Conditionals(text)


def _notebook(text: str) -> str:
    # each markdown cell's comments blanked in its source lines; the notebook written out again (only when one has a
    # comment: the readers of words read the notebook's text as it is)
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
    except (ValueError, TypeError, KeyError):
        return text  # not a notebook: scan says so
    changed = False
    for cell in cells if isinstance(cells, list) else ():
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        lines = source if isinstance(source, list) else [source]
        if not all(isinstance(line, str) for line in lines):
            continue
        joined = "".join(lines)
        clean = blanked(joined, "markdown")
        if clean == joined:
            continue
        changed = True
        out, at = [], 0
        for line in lines:  # the same lengths: blanking keeps every character's place
            out.append(clean[at:at + len(line)])
            at += len(line)
        cell["source"] = out if isinstance(source, list) else out[0]
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n" if changed else text


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
