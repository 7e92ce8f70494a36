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

A code cell's comments may deny a formula beside it (issue 14): "# wrong:" ending a code cell, the display opening the
markdown cell after it; a code cell of comments only, "# this is incorrect", after the display's cell. Such comments
are read as words of the run they face (the trailing comments before it, on the line before; the comments of a
comment-only cell after it, as a paragraph of their own; not a comment that ends in a colon: it points on). Other
comments facing a formula's cell that call something wrong (``vocabulary.VERDICT``, a denial) leave the formulas of
that cell unjudged when no words read them ("# this is incorrect" over code: the code or the formula?).

>>> from .extract import Formula
>>> f = Formula(1, "a = b", True, lines=(1,), source="a = b", cell=2)
>>> cells = '{"cells": [{"cell_type": "markdown", "source": "It is not true that"}, '
>>> cells += '{"cell_type": "markdown", "source": "$$a = b$$"}]}'
>>> read_words([f], cells, "notebook")[0].negated
'It is not true that'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from .antecedents import ambiguous
from .extract import Formula
from .denials import FALSE_AFTER, FALSE_BEFORE
from .graphexamples import _locate
from .negation import mark
from .negverdict import MARKED, UNCLEAR
from .sentences import with_dollars
from .vocabulary import VERDICT
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
    # the source of each markdown cell, a _Code for a code cell (``scan`` checked the notebook's form)
    out = []
    for c in json.loads(text)["cells"]:
        source = c.get("source", "")
        source = "".join(source) if isinstance(source, list) else source if isinstance(source, str) else ""
        out.append(source if c["cell_type"] == "markdown" else _Code.of(source) if c["cell_type"] == "code" else None)
    return out


#: A comment line of a code cell: "# wrong:", "## this is incorrect" (not a shebang, "#!").
_COMMENT = re.compile(r"^[ \t]*#+(?!!)[ \t]?(.*?)[ \t]*$")


@dataclass(frozen=True)
class _Code:
    """A code cell's comments at its edges: ``head`` (before any code), ``tail`` (after all code), each its lines
    joined by line breaks; ``only``: the cell holds comments and blank lines only."""

    head: str
    tail: str
    only: bool

    @staticmethod
    def of(source: str) -> "_Code":
        said = [_COMMENT.match(x) for x in source.splitlines() if x.strip()]

        def edge(ms) -> list:  # the comments up to the first line of code
            out = []
            for m in ms:
                if m is None:
                    break
                out.append(m.group(1))
            return [x for x in out if x]

        return _Code("\n".join(edge(said)), "\n".join(reversed(edge(reversed(said)))), None not in said)

    def before(self) -> str:
        # the comments that face the markdown cell after this cell: its trailing ones
        return self.tail

    def after(self) -> str:
        # the comments that face the markdown cell before this cell, when they are read as its words: those of a
        # cell of comments only, not ending in a colon ("# wrong:" points on, at the cell after)
        return self.head if self.only and not self.head.rstrip().endswith(":") else ""

    def facing_back(self) -> str:
        # the comments that face the markdown cell before this cell (read or not)
        return "" if self.head.rstrip().endswith(":") and self.only else self.head


def _runs(cells: list) -> list:
    # for each cell, (the text of its run of adjacent markdown cells joined by line breaks, with the comments of the
    # code cells around it that face it, the line its own source starts at there); None for a cell that is not
    # markdown
    out, run = [], []
    for at, source in enumerate(cells + [None]):
        if isinstance(source, str):
            run.append(source)
            continue
        if run:
            first = at - len(run)
            code_before = cells[first - 1] if first > 0 and isinstance(cells[first - 1], _Code) else None
            prefix = code_before.before() if code_before else ""
            suffix = source.after() if isinstance(source, _Code) else ""
            joined = (prefix + "\n" if prefix else "") + "\n".join(run) + ("\n\n" + suffix if suffix else "")
            skip = prefix.count("\n") + 1 if prefix else 0
            lines = [skip + sum(c.count("\n") + 1 for c in run[:n]) for n in range(len(run))]
            out += [(joined, shift) for shift in lines]
        out += [None]
        run = []
    return out[:len(cells)]


def _facing(cells: list, number: int) -> str:
    # the comments of the code cells beside markdown cell ``number`` (1-based) that face it and call something wrong
    said = []
    if number >= 2 and isinstance(cells[number - 2], _Code):
        said.append(cells[number - 2].before())
    if number < len(cells) and isinstance(cells[number], _Code):
        said.append(cells[number].facing_back())
    for words in said:
        flat = " ".join(words.split())
        if flat and (VERDICT.search(flat) or FALSE_BEFORE.search(flat + " $") or FALSE_AFTER.match(" " + flat)):
            return flat if len(flat) <= 80 else flat[:79] + "\u2026"
    return ""


def _notebook(items: "list[Formula]", text: str) -> "list[Formula]":
    # each formula of a markdown cell read in its run of adjacent markdown cells (and the comments that face it),
    # then put back in its cell
    cells = _cells(text)
    runs = _runs(cells)
    out = []
    for f in items:
        if f.cell is None or not 1 <= f.cell <= len(runs) or runs[f.cell - 1] is None:
            out.append(f)
            continue
        window, shift = runs[f.cell - 1]
        alone = replace(f, cell=None, line=f.line + shift, lines=tuple(n + shift for n in f.lines))
        read = _marked(mark([alone], window)[0], window, "markdown")
        if not read.negated and read.kind in ("claim", "definition") and (comment := _facing(cells, f.cell)):
            # "# this is incorrect" over code beside the formula's cell: about the code or the formula, not read
            read = replace(read, kind="claim", negated=UNCLEAR + "# " + comment)
        out.append(replace(read, cell=f.cell, line=f.line, lines=f.lines))
    return out


__all__ = ["read_words"]
