r"""The words and marks that call formulas wrong, read before anything else: in a text, and across a notebook's cells.

``read_words`` is the first reading of the notes' formulas: ``negation.mark`` (words that deny a formula or say it is
not assumed), then ``wrongmarks`` (a formula struck out, tagged "wrong", crossed, in a table row that says "no",
under a heading of mistakes, in an erratum, an exercise that says it holds a mistake, a graded answer): such a
formula is checked as written and reported uninterpretable, quoting the mark (``negverdict.MARKED``); a definition so
marked is never part of the model.

In a Jupyter notebook every markdown cell was read alone, and its words not at all: "It is not true that" ending one
cell, the display in the next, or a display followed by a cell "This is incorrect." (review rv50 A14; not even the
words of the formula's own cell were read). Here each formula of a markdown cell is read in its run of adjacent
markdown cells (a code cell ends a run), joined by line breaks, as if that run were one Markdown text: the denials
and the marks. (The later readers of words, ``unreadwords`` among them, still leave a notebook's cells alone.)

>>> from .extract import Formula
>>> f = Formula(1, "a = b", True, lines=(1,), source="a = b", cell=2)
>>> cells = '{"cells": [{"cell_type": "markdown", "source": "It is not true that"}, '
>>> cells += '{"cell_type": "markdown", "source": "$$a = b$$"}]}'
>>> read_words([f], cells, "notebook")[0].negated
'It is not true that'
"""

from __future__ import annotations

import json
from dataclasses import replace

from .antecedents import ambiguous
from .extract import Formula
from .graphexamples import _locate
from .negation import mark
from .negverdict import MARKED
from .sentences import with_dollars
from .wrongmarks import wrong_mark

#: What follows a mark in the reason: its meaning is not read.
_NOT_READ = ": the notes call it wrong in a way symbp does not read (how wrong is not said), so it is not judged"


def read_words(items: "list[Formula]", text: str, kind: str) -> "list[Formula]":
    """``items`` (the formulas of the notes ``text``, of ``kind`` 'latex', 'markdown' or 'notebook') with the words
    and marks that call them wrong read (see the module)."""
    if kind == "notebook":
        return _notebook(items, text)
    # "$A$ and $B$, but this is wrong": which one is meant is not said (``antecedents``)
    return ambiguous([_marked(f, text, kind) for f in mark(items, text)], text)


def _marked(f: Formula, text: str, kind: str) -> Formula:
    # the formula with a mark that calls it wrong (``wrongmarks``) put in ``negated``; a definition becomes a claim
    # checked as written and never filed (as a display whose sentence goes on)
    if f.cell is not None or f.kind not in ("claim", "definition") or f.negated:
        return f
    at = _locate(text, f.line, f.source or f.text)
    if at is None:
        return f
    said = wrong_mark(text, *with_dollars(text, *at), kind)
    return f if said is None else replace(f, kind="claim", negated=MARKED + said + _NOT_READ)


def _cells(text: str) -> list:
    # the source of each cell, None for a cell that is not markdown (``scan`` checked the notebook's form)
    out = []
    for c in json.loads(text)["cells"]:
        source = c.get("source", "")
        out.append(("".join(source) if isinstance(source, list) else source) if c["cell_type"] == "markdown" else None)
    return out


def _runs(cells: list) -> list:
    # for each cell, (the text of its run of adjacent markdown cells joined by line breaks, the line its own source
    # starts at there); None for a cell that is not markdown
    out, run = [], []
    for source in cells + [None]:
        if source is not None:
            run.append(source)
            continue
        joined = "\n".join(run)
        lines = [sum(c.count("\n") + 1 for c in run[:n]) for n in range(len(run))]
        out += [(joined, shift) for shift in lines] + [None]
        run = []
    return out[:len(cells)]


def _notebook(items: "list[Formula]", text: str) -> "list[Formula]":
    # each formula of a markdown cell read in its run of adjacent markdown cells, then put back in its cell
    runs = _runs(_cells(text))
    out = []
    for f in items:
        if f.cell is None or not 1 <= f.cell <= len(runs) or runs[f.cell - 1] is None:
            out.append(f)
            continue
        window, shift = runs[f.cell - 1]
        alone = replace(f, cell=None, line=f.line + shift, lines=tuple(n + shift for n in f.lines))
        read = _marked(mark([alone], window)[0], window, "markdown")
        out.append(replace(read, cell=f.cell, line=f.line, lines=f.lines))
    return out


__all__ = ["read_words"]
