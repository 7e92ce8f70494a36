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


def choose(readings: list[Reading]) -> tuple[Reading | None, str]:
    """(the reading to report, words) from the usual reading (first) and the others.

    The usual reading stays unless it is ill-shaped and exactly one other is
    well-shaped; if several are well-shaped and disagree, None and the words
    of the ambiguity.
    """
    usual = readings[0]
    shaped = [r for r in readings if r.well_shaped]
    if not shaped:
        return usual, ""
    verdicts = {r.outcome.status for r in shaped}
    if len(shaped) == 1:
        if shaped[0] is usual:
            return usual, ""
        return shaped[0], (f"read as {to_latex(shaped[0].equation)}: of the ways ⊙ can group with the factors "
                           "beside it, only this one is well-shaped")
    if len(verdicts) == 1:
        return (usual if usual.well_shaped else shaped[0]), ""
    parts = [f"read as {to_latex(r.equation)} it {_verdict_words(r.outcome)}" for r in shaped]
    return None, "ambiguous: ⊙ can group with the factors beside it in more than one well-shaped way, and " \
                 "the readings disagree: " + "; ".join(parts)


def _verdict_words(outcome) -> str:
    if outcome.status == "holds":
        return "holds"
    if outcome.status == "refuted":
        return f"is refuted ({outcome.reason})"
    return f"is undecided ({outcome.reason})"
