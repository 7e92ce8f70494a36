r"""Review rv32: derivative layouts declared (or not) in the words of layered notes.

Verdicts decided by hand. Nielsen's network z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖²: the entries of
∂C/∂a^L are a^L_j − y_j. In the denominator layout (Nielsen's, the reading when the notes declare nothing) ∂C/∂a^L is
the column a^L − y; in the numerator layout it is the row (a^L − y)^T. A column and a row of n_L ≥ 2 entries are not
equal, so in each layout exactly one of the two claims is true.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphownlayout import declared_layouts, unsure_layouts
from symbp.verify.notes import verify_text

SETUP = ("The forward pass is $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the quadratic cost "
         "$C = \\frac12 \\|a^L - y\\|^2$.\n\n")
COLUMN = r"\frac{\partial C}{\partial a^L} = a^L - y"
ROW = r"\frac{\partial C}{\partial a^L} = (a^L - y)^T"
EXPLICIT = ("We use the numerator layout throughout: the derivative of a scalar with respect to a column vector is "
            "a row vector.")


def _statuses(text: str) -> list:
    return [(r.formula.line, r.formula.text, r.result.status) for r in verify_text(text).rows
            if r.formula.text in (COLUMN, ROW)]


def test_a_layout_switched_later_keeps_the_first_before_the_switch_and_the_second_after_it():
    # F1: numerator declared on line 3, "from now on the denominator layout" on line 13. Lines 7/9 are under the
    # numerator layout only: the row holds, the column is ill-shaped (before: the two declarations cancelled, the
    # column held and the row was refuted). The switch is unconditional and says where it starts ("from now on"):
    # lines 15/17 are in the denominator layout, the column a^L − y true, the row ill-shaped (issue 14 item 2,
    # ``layoutswitch``; review rv32 had them ambiguous). A second declaration without such words stays a
    # contradiction: tests/test_layout_switch.py
    text = ("# Notes\n\n" + EXPLICIT + "\n\n" + SETUP + f"$${ROW}$$\n\n$${COLUMN}$$\n\n## Part 2\n\n"
            "From now on we use the denominator layout: the derivative of a scalar with respect to a column vector "
            f"is a column vector.\n\n$${COLUMN}$$\n\n$${ROW}$$\n")
    assert _statuses(text) == [(7, ROW, "holds"), (9, COLUMN, "refuted"), (15, COLUMN, "holds"),
                               (17, ROW, "refuted")]


@pytest.mark.parametrize("words", [
    "Many textbooks use the numerator layout throughout.",
    "Goodfellow et al. write all derivatives in the numerator layout.",
    "It is tempting to use the numerator layout throughout, but we stick to Nielsen's convention.",
    "The numerator layout is used in many places; we use Nielsen's convention.",
    "Let us use the numerator layout throughout, as an exercise.",
    "Používáme čitatelovou konvenci? Ne.",
])
def test_a_layout_named_as_someone_elses_or_asked_about_is_not_the_notes_own(words):
    # F2: these sentences do not say the notes use the numerator layout (before: they declared it, and the row
    # (a^L − y)^T held). Nielsen's reading makes the row false and the column true; the named layout the other way:
    # which one is meant is open, so both are ambiguous, never holds
    text = "# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n"
    assert declared_layouts(text) == [] and [layout for _, layout in unsure_layouts(text)] == ["numerator"]
    report = verify_text(text)
    assert [s for _, _, s in _statuses(text)] == ["ambiguous", "ambiguous"]
    assert any("none declared" in h for h in report.header())


def test_a_plain_declaration_still_decides():
    # the numerator layout declared and explained: the row holds, the column is refuted (tests/test_layered_layout.py)
    text = "# Notes\n\n" + EXPLICIT + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n"
    assert [s for _, _, s in _statuses(text)] == ["refuted", "holds"]


@pytest.mark.parametrize("words", [
    "We will use the numerator layout throughout: the derivative of a scalar by a column vector is a row vector.",
    "In this section only, we use the numerator layout: the derivative of a scalar by a column vector is a row vector.",
    "In what follows we will write all derivatives in the numerator layout.",
    "We use the numerator layout, not the denominator layout.",
    "We use the numerator layout rather than Nielsen's convention: gradients are row vectors.",
    "Budeme používat čitatelovou konvenci.",
    "Instead of Nielsen's convention we use the numerator layout throughout.",
    "Unlike Nielsen, we use the numerator layout throughout.",
])
def test_a_layout_deferred_confined_or_set_against_another_is_never_read_as_nielsens(words):
    # F3: each sentence most likely declares the numerator layout for what follows (the row true, the column false),
    # but with words ("will", "only", "not the …", "rather", "instead", "unlike") that made it declare nothing; the
    # layered reading then fell back to Nielsen's silently and the column a^L − y held. Now: ambiguous, never holds
    text = "# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n"
    assert [s for _, _, s in _statuses(text)] == ["ambiguous", "ambiguous"]


@pytest.mark.parametrize("words", [
    "We never use the numerator layout.",
    "Unlike many texts, we avoid the numerator layout.",
    "Nepoužíváme čitatelovou konvenci.",
])
def test_a_denied_layout_leaves_nielsens_reading(words):
    # the notes say they do not use it: Nielsen's reading, the column true and the row false
    text = "# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n"
    assert [s for _, _, s in _statuses(text)] == ["holds", "refuted"]


def test_the_mixed_convention_said_in_one_sentence_leaves_gradients_as_columns():
    # Jacobians in the numerator layout, every gradient a column: ∂C/∂a^L is the column a^L − y (true), the row false
    words = "We write Jacobians in the numerator layout, and every gradient is a column vector."
    text = "# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n"
    assert [s for _, _, s in _statuses(text)] == ["holds", "refuted"]


def test_a_declaration_after_the_claims_that_may_reach_back_leaves_them_ambiguous():
    # F4: "Throughout these notes we use the numerator layout" on the last line: the claims before it are in the
    # notes' convention too, most likely; before: Nielsen's reading, the column held and the row was refuted
    text = ("# Notes\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n\nThroughout these notes we use the numerator layout: "
            "the derivative of a scalar with respect to a column vector is a row vector.\n")
    assert [s for _, _, s in _statuses(text)] == ["ambiguous", "ambiguous"]
    # "from now on" starts where it stands: before it, Nielsen's reading
    onwards = text.replace("Throughout these notes we use", "From now on we use")
    assert [s for _, _, s in _statuses(onwards)] == ["holds", "refuted"]
