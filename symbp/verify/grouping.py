r"""How far ⊙ reaches: the groupings of "A ⊙ B C" and which of them the shapes allow.

Notes write ``(a^L-y)\odot\sigma'(z^L)(a^{L-1})^T`` for ∂C/∂w^L. With ⊙
looser than juxtaposition (the reader's usual reading) that is a vector ⊙ a
matrix, which has no shape; with ⊙ on a par with juxtaposition it is
((a^L − y) ⊙ σ'(z^L)) (a^{L-1})^T, the outer product the author meant.
Nothing is guessed: every grouping is read from the text (``read(…,
grouping=…)``) and checked on the family of networks. When exactly one is
well-shaped it is the reading, and the verification says so; when several are
well-shaped and their verdicts differ, the formula is *ambiguous* and both
verdicts are reported, never one of them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .nodes import Equation, to_latex
from .reader import ReadError, read

#: The groupings tried after the usual one (see ``reader.read``).
OTHERS = ("level", "tight")


@dataclass(frozen=True)
class Reading:
    """One grouping of the formula and what its check said."""

    grouping: str
    equation: Equation
    outcome: object  # check.Outcome

    @property
    def well_shaped(self) -> bool:
        return not (self.outcome.status == "refuted" and self.outcome.shape)


def alternatives(text: str, notation, usual: Equation) -> list[tuple[str, Equation]]:
    """The other groupings of ``text`` that give a different tree from ``usual`` (none for most formulas)."""
    out: list[tuple[str, Equation]] = []
    for grouping in OTHERS:
        try:
            eq = read(text, notation, grouping=grouping)
        except ReadError:
            continue
        if eq != usual and all(eq != other for _, other in out):
            out.append((grouping, eq))
    return out


#: The readings of ``\cdot`` / ``\times`` between two column vectors of one size: ⊙ and the dot product aᵀb.
DOT_READINGS = {"loose+odot": "⊙ (the elementwise product)", "loose+dot": "the dot product aᵀb",
                "loose+termodot": "⊙ binding as \\odot does, after the products beside it ((A B) ⊙ C)"}
_TWO_COLUMNS = re.compile(r"a column vector of (\d+) times a column vector of (\d+) does not multiply")


def dotted_vectors(reason: str) -> bool:
    r"""Whether a shape refutation is a product that does not multiply (the case \cdot may read otherwise: as ⊙
    of two columns of one size, or as ⊙ after the products beside it, ``\sigma'(z^l) \cdot (w^{l+1})^T
    \delta^{l+1}``); two column vectors of different sizes do not multiply in any reading."""
    m = _TWO_COLUMNS.search(reason)
    if m is not None:
        return m.group(1) == m.group(2)
    return "does not multiply" in reason


def writes_odot(text: str) -> bool:
    r"""Does ``text`` write the elementwise product ⊙ (``\odot``, ``\circ``)?"""
    return re.search(r"\\(?:odot|circ)(?![A-Za-z])|⊙|∘", text) is not None


#: At most this many \cdot in one formula are read one by one (2^k readings; more: all alike only).
MIXED_DOTS = 4


def is_dot_reading(grouping: str) -> bool:
    """Is ``grouping`` a reading of ``\\cdot`` (as ⊙, as aᵀb, or each one as ⊙ or a product, ``mixed_groupings``)?"""
    return grouping in DOT_READINGS or grouping.startswith("loose+mixed:")


def dot_words(grouping: str) -> str:
    r"""What a reading of ``\cdot`` takes it for, in words.

    >>> dot_words("loose+mixed:01")
    '⊙ at \\cdot 2 (binding as \\odot does) and the matrix product at \\cdot 1'
    """
    if not grouping.startswith("loose+mixed:"):
        return DOT_READINGS.get(grouping, "written")
    mask = grouping[len("loose+mixed:"):]
    odot = ", ".join(str(k + 1) for k, b in enumerate(mask) if b == "1")
    product = ", ".join(str(k + 1) for k, b in enumerate(mask) if b == "0")
    return f"⊙ at \\cdot {odot} (binding as \\odot does) and the matrix product at \\cdot {product}"


def mixed_groupings(text: str) -> list[str]:
    r"""The readings that take each ``\cdot`` (``\times``) of ``text`` for ⊙ at its own level or for the matrix product,
    one by one: ``((w^{l+1})^T \cdot \delta^{l+1}) \cdot \sigma'(z^l)`` multiplies a matrix by a vector at the first
    and means ⊙ at the second (all products is the usual reading, all ⊙ "loose+termodot"; none for one \cdot or more
    than ``MIXED_DOTS``).

    >>> mixed_groupings(r"a \cdot b \cdot c")
    ['loose+mixed:01', 'loose+mixed:10']
    """
    k = len(re.findall(r"\\(?:cdot|times)(?![A-Za-z])", text))
    if not 2 <= k <= MIXED_DOTS:
        return []
    masks = [format(m, f"0{k}b") for m in range(1, 2 ** k - 1)]
    return [f"loose+mixed:{mask}" for mask in masks]


def dot_readings(text: str, notation) -> list[tuple[str, Equation]]:
    r"""``text`` with its ``\cdot`` and ``\times`` read as ⊙ and as the dot product, and each one as ⊙ or as a product
    (``mixed_groupings``); none if it has neither."""
    if not re.search(r"\\(?:cdot|times)(?![A-Za-z])", text):
        return []
    out = []
    for grouping in (*DOT_READINGS, *mixed_groupings(text)):
        try:
            eq = read(text, notation, grouping=grouping)
        except ReadError:
            continue
        if all(eq != other for _, other in out):  # ⊙ at its own level is often the same tree as ⊙ beside one factor
            out.append((grouping, eq))
    return out


def choose(readings: list[Reading], odot_written: bool = False) -> tuple[Reading | None, str]:
    """(the reading to report, words) from the usual reading (first) and the others.

    The usual reading stays unless it is ill-shaped and exactly one other is
    well-shaped; if several are well-shaped and disagree, None and the words
    of the ambiguity. A formula that writes ⊙ as well (``odot_written``) tells
    the products apart, so its ``\\cdot`` is never taken as ⊙ on its own.
    """
    usual = readings[0]
    shaped = [r for r in readings if r.well_shaped]
    if not shaped:
        return usual, ""
    verdicts = {r.outcome.status for r in shaped}
    dots = [r for r in readings if is_dot_reading(r.grouping)]
    if dots and not usual.well_shaped:
        return _choose_dot(dots, shaped, verdicts, odot_written)
    if len(shaped) == 1:
        if shaped[0] is usual:
            return usual, ""
        return shaped[0], (f"read as {to_latex(shaped[0].equation)}: of the ways ⊙ can group with the factors "
                           "beside it, only this one is well-shaped")
    if len(verdicts) == 1:
        return (usual if usual.well_shaped else shaped[0]), ""
    parts = [f"read as {to_latex(r.equation)} it {verdict_words(r.outcome)}" for r in shaped]
    return None, "ambiguous: ⊙ can group with the factors beside it in more than one well-shaped way, and " \
                 "the readings disagree: " + "; ".join(parts)


def _choose_dot(dots: list, shaped: list, verdicts: set, odot_written: bool) -> tuple["Reading | None", str]:
    r"""A product of two column vectors written with \cdot or \times: its readings as ⊙ and as aᵀb."""
    both = " and ".join(f"{dot_words(r.grouping)} ({to_latex(r.equation)})" for r in dots)
    if len(shaped) == 1:
        r = shaped[0]
        if odot_written and (r.grouping in ("loose+odot", "loose+termodot") or r.grouping.startswith("loose+mixed:")):
            return None, ("the formula writes both \\cdot and ⊙ between vectors, so it tells the two products apart: "
                          "its \\cdot is not ⊙, and read as the dot product aᵀb "
                          f"({to_latex(next(d.equation for d in dots if d is not r))}) it is not well-shaped")
        other = " and ".join(f"{dot_words(d.grouping)} ({to_latex(d.equation)})" for d in dots if d is not r)
        return r, (f"\\cdot between two vectors read as {dot_words(r.grouping)}: its other reading"
                   f"{'s' if len(dots) > 2 else ''}, {other or 'as written'}, {'are' if len(dots) > 2 else 'is'} "
                   "not well-shaped")
    if len(verdicts) == 1:
        return shaped[0], (f"\\cdot between two vectors has two readings, {both}; both are well-shaped and they "
                           f"agree: it {verdict_words(shaped[0].outcome)} in each")
    parts = [f"read as {dot_words(r.grouping)}, {to_latex(r.equation)}, it "
             f"{verdict_words(r.outcome)}" for r in shaped]
    return None, ("ambiguous: \\cdot between two vectors reads as ⊙ or as the dot product aᵀb, both are well-shaped, "
                  "and the readings disagree: " + "; ".join(parts))


def verdict_words(outcome) -> str:
    """'holds', or 'is refuted (why)', 'is undecided (why)', …: a reading's verdict inside a sentence."""
    if outcome.status == "holds":
        return "holds"
    return f"is {outcome.status} ({outcome.reason})"
