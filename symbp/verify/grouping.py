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
from itertools import product

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


#: At most this many ``\cdot``/``\times`` are read one by one (2 · 2^k readings).
MAX_DOTS = 4


def _masks(count: int) -> list[str]:
    r"""Each ``\cdot`` of a chain of ``count`` on its own: a product, or ⊙ (of the factors beside it, or at its own
    level); the readings where every one is ⊙ or none is are the ones above."""
    if count < 2 or count > MAX_DOTS:
        return []
    out = []
    for odot in "ot":
        for mask in product("m" + odot, repeat=count):
            if "m" in mask and odot in mask:
                out.append("loose+mask:" + "".join(mask))
    return out


def is_dot_reading(grouping: str) -> bool:
    return grouping in DOT_READINGS or grouping.startswith("loose+mask:")


def dot_words(grouping: str) -> str:
    """What a reading of ``\\cdot`` takes it for, in words."""
    if grouping.startswith("loose+mask:"):
        mask = grouping[len("loose+mask:"):]
        return ("each \\cdot on its own: " + ", ".join(
            f"the {k + 1}{'st' if k == 0 else 'nd' if k == 1 else 'rd' if k == 2 else 'th'} a "
            + {"m": "product", "o": "⊙", "t": "⊙ after the products beside it"}[c] for k, c in enumerate(mask)))
    return DOT_READINGS.get(grouping, "written")


def dot_readings(text: str, notation) -> list[tuple[str, Equation]]:
    r"""``text`` with its ``\cdot`` and ``\times`` read as ⊙ and as the dot product (none if it has neither); with
    several, also each on its own as a product or ⊙ (``(a^L-y) \cdot \sigma'(z^L) \cdot (a^{L-1})^T``)."""
    count = len(re.findall(r"\\(?:cdot|times)(?![A-Za-z])", text))
    if not count:
        return []
    out = []
    for grouping in list(DOT_READINGS) + _masks(count):
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
        if odot_written and r.grouping != "loose+dot":
            return None, ("the formula writes both \\cdot and ⊙ between vectors, so it tells the two products apart: "
                          "its \\cdot is not ⊙, and read as the dot product aᵀb "
                          f"({to_latex(next(d.equation for d in dots if d is not r))}) it is not well-shaped")
        others = [d for d in dots if d is not r]
        other = " and ".join(f"{dot_words(d.grouping)} ({to_latex(d.equation)})" for d in others)
        if len(others) > 2:
            other = f"the {len(others)} others (⊙, the dot product aᵀb, each \\cdot on its own as a product or ⊙)"
        return r, (f"\\cdot between two vectors read as {dot_words(r.grouping)}: its other reading, "
                   f"{other or 'as written'}, is not well-shaped")
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
