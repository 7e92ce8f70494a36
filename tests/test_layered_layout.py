r"""Layered notes honour the layout they declare in words (issue 14, item 2).

The verdicts are decided by hand. Nielsen's network: z^l = w^l a^{l-1} + b^l with columns a^l, b^l, z^l and w^l of
n_l × n_{l-1}; C = ½‖a^L − y‖². The entries are fixed by the network: ∂C/∂a^L_j = a^L_j − y_j,
∂C/∂b^L_j = (a^L_j − y_j) σ'(z^L_j), ∂C/∂w^l_{jk} = δ^l_j a^{l-1}_k with δ^l_j = ∂C/∂z^l_j. Only how they are
arranged depends on the layout: in the denominator layout (Nielsen's) ∂C/∂a^L is a column and ∂C/∂w^l has the
shape of w^l; in the numerator layout ∂C/∂a^L is a row (the shape of (a^L)^T) and ∂C/∂w^l has the shape of
(w^l)^T, n_{l-1} × n_l. The gradient ∇_a C is a column by definition unless the notes say every gradient is a row.
A formula whose two sides have different shapes on a network with n_L ≥ 2 (or non-square w^l) is false there.
A step of gradient descent subtracts the gradient in the parameter's own shape.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphownlayout import declared_layouts
from symbp.verify.notes import verify_text

SETUP = ("The forward pass is $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the quadratic cost "
         "$C = \\frac12 \\|a^L - y\\|^2$.\n\n")
COLUMN = r"\frac{\partial C}{\partial a^L} = a^L - y"
ROW = r"\frac{\partial C}{\partial a^L} = (a^L - y)^T"
BIAS = r"\frac{\partial C}{\partial b^L} = (a^L - y) \odot \sigma'(z^L)"
BIAS_ROW = r"\frac{\partial C}{\partial b^L} = (a^L - y)^T \odot \sigma'(z^L)^T"

EXPLICIT = {
    "en": "We use the numerator layout throughout: the derivative of a scalar with respect to a column vector is a "
          "row vector.",
    "cs": "Používáme čitatelovou konvenci: derivace skaláru podle sloupcového vektoru je řádkový vektor.",
}


def _notes(words: str, *claims: str) -> str:
    return "# Notes\n\n" + words + "\n\n" + SETUP + "".join(f"$${c}$$\n\n" for c in claims)


def _rows(text: str) -> dict:
    report = verify_text(text)
    return {r.formula.text: r.result for r in report.rows}, report


@pytest.mark.parametrize("language", sorted(EXPLICIT))
def test_a_declared_numerator_layout_makes_the_gradient_by_a_column_a_row(language):
    rows, report = _rows(_notes(EXPLICIT[language], COLUMN, ROW, BIAS, BIAS_ROW))
    # ∂C/∂a^L is a row: (a^L − y)^T is it, entry by entry; the column a^L − y and the column (a^L − y) ⊙ σ'(z^L)
    # are ill-shaped for it: refuted (the words say a gradient by a column is a row: no doubt is left)
    assert rows[ROW].status == "holds" and rows[BIAS_ROW].status == "holds"
    assert "numerator layout" in rows[ROW].interpretation["layout"] and "line 3" in rows[ROW].interpretation["layout"]
    for wrong in (COLUMN, BIAS):
        assert rows[wrong].status == "refuted", rows[wrong].reason
        assert "numerator layout the notes declare on line 3" in rows[wrong].reason
    assert "layout: the numerator layout, declared in words on line 3" in report.header()


def test_the_numerator_layout_named_alone_leaves_a_column_gradient_ambiguous():
    # "the numerator layout" without saying which way a gradient points: gradients as columns (the mixed
    # convention) may be meant, so the column is ambiguous, naming both readings; it never holds
    rows, _ = _rows(_notes("We use the numerator layout throughout.", COLUMN, ROW, BIAS))
    assert rows[ROW].status == "holds"
    for doubtful in (COLUMN, BIAS):
        assert rows[doubtful].status == "ambiguous"
        assert "numerator layout on line 3" in rows[doubtful].reason and "it holds" in rows[doubtful].reason


def test_a_declared_denominator_layout_refutes_the_row_gradient():
    rows, report = _rows(_notes("We use the denominator layout throughout.", COLUMN, ROW, BIAS))
    assert rows[COLUMN].status == "holds" and rows[BIAS].status == "holds"
    assert rows[ROW].status == "refuted" and "denominator layout the notes declare on line 3" in rows[ROW].reason
    assert "layout: the denominator layout, declared in words on line 3" in report.header()


NABLA = r"\nabla_a C = a^L - y"
NABLA_ROW = r"\nabla_a C = (a^L - y)^T"


def test_the_gradient_nabla_stays_a_column_unless_every_gradient_is_a_row():
    rows, _ = _rows(_notes(EXPLICIT["en"], NABLA, NABLA_ROW))
    assert rows[NABLA].status == "holds" and rows[NABLA_ROW].status == "refuted"
    rows, _ = _rows(_notes("Every gradient is a row vector.", NABLA, NABLA_ROW))
    assert rows[NABLA].status == "refuted" and rows[NABLA_ROW].status == "holds"


DELTA_ROW_DEF = r"\delta^l = \frac{\partial C}{\partial z^l}"
DELTA_COLUMN_DEF = r"\delta^l = \left(\frac{\partial C}{\partial z^l}\right)^T"
BP1_COLUMN = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
BP1_ROW = r"\delta^L = (a^L - y)^T \odot \sigma'(z^L)^T"
BP3 = r"\frac{\partial C}{\partial b^l} = \delta^l"
BP3_T = r"\frac{\partial C}{\partial b^l} = (\delta^l)^T"
BP4_OUTER = r"\frac{\partial C}{\partial w^l} = a^{l-1} \delta^l"
BP4_OUTER_T = r"\frac{\partial C}{\partial w^l} = a^{l-1} (\delta^l)^T"
BP4_NIELSEN = r"\frac{\partial C}{\partial w^l} = \delta^l (a^{l-1})^T"


def test_delta_is_what_the_notes_define_it_as():
    # δ^l = ∂C/∂z^l as written, under the numerator layout: a row. ∂C/∂b^l (a row) is it; ∂C/∂w^l (n_{l-1} × n_l,
    # entry (k, j) = a^{l-1}_k δ^l_j) is the column a^{l-1} times the row δ^l; Nielsen's δ^l (a^{l-1})^T is a row
    # times a row: ill-shaped
    rows, _ = _rows(_notes(EXPLICIT["en"], DELTA_ROW_DEF, BP1_ROW, BP1_COLUMN, BP3, BP3_T, BP4_OUTER, BP4_NIELSEN))
    assert {k: rows[k].status for k in (DELTA_ROW_DEF, BP1_ROW, BP3, BP4_OUTER)} == dict.fromkeys(
        (DELTA_ROW_DEF, BP1_ROW, BP3, BP4_OUTER), "holds")
    assert {k: rows[k].status for k in (BP1_COLUMN, BP3_T, BP4_NIELSEN)} == dict.fromkeys(
        (BP1_COLUMN, BP3_T, BP4_NIELSEN), "refuted")
    # δ^l = (∂C/∂z^l)^T: a column, Nielsen's; ∂C/∂b^l (a row) is its transpose, ∂C/∂w^l is a^{l-1} (δ^l)^T
    rows, _ = _rows(_notes(EXPLICIT["en"], DELTA_COLUMN_DEF, BP1_COLUMN, BP3, BP3_T, BP4_OUTER_T, BP4_NIELSEN))
    assert {k: rows[k].status for k in (DELTA_COLUMN_DEF, BP1_COLUMN, BP3_T, BP4_OUTER_T)} == dict.fromkeys(
        (DELTA_COLUMN_DEF, BP1_COLUMN, BP3_T, BP4_OUTER_T), "holds")
    assert {k: rows[k].status for k in (BP3, BP4_NIELSEN)} == dict.fromkeys((BP3, BP4_NIELSEN), "refuted")


STEP_W = r"w^l \to w^l - \eta \frac{\partial C}{\partial w^l}"
STEP_W_T = r"w^l \to w^l - \eta \left(\frac{\partial C}{\partial w^l}\right)^T"
STEP_W_OUTER = r"w^l \to w^l - \eta \, a^{l-1} \delta^l"
STEP_B = r"b^l \to b^l - \eta \frac{\partial C}{\partial b^l}"
STEP_B_NABLA = r"b^l \to b^l - \eta \nabla_{b^l} C"
STEP_ENTRY = r"w^l_{jk} \to w^l_{jk} - \eta \frac{\partial C}{\partial w^l_{jk}}"


def test_update_rules_step_by_the_gradient_in_the_parameters_shape():
    # under the numerator layout ∂C/∂w^l has the shape of (w^l)^T and ∂C/∂b^l is a row: the step needs the
    # transpose; ∇_{b^l} C is a column, an entry is a number in every layout
    rows, _ = _rows(_notes(EXPLICIT["en"], DELTA_ROW_DEF, STEP_W, STEP_W_T, STEP_W_OUTER, STEP_B, STEP_B_NABLA,
                           STEP_ENTRY))
    for wrong in (STEP_W, STEP_B, STEP_W_OUTER):  # a^{l-1} δ^l is ∂C/∂w^l here (n_{l-1} × n_l), not w^l's shape
        assert rows[wrong].status == "refuted", (wrong, rows[wrong].reason)
        assert "numerator layout" in rows[wrong].reason
    for right in (STEP_W_T, STEP_B_NABLA, STEP_ENTRY):
        assert rows[right].status == "holds", (right, rows[right].reason)
    assert "numerator layout" in rows[STEP_W_T].reason
    # no layout declared: Nielsen's, where ∂C/∂w^l has the shape of w^l (non-square on most networks: the
    # transpose of the numerator layout does not even fit)
    rows, _ = _rows(_notes("", STEP_W, STEP_W_T))
    assert rows[STEP_W].status == "holds" and rows[STEP_W_T].status == "refuted"


@pytest.mark.parametrize("words", [
    "If we used the numerator layout, the derivative of a scalar by a column vector would be a row vector.",
    "We never use the numerator layout.",
    "## Exercise\nUse the numerator layout throughout and redo the derivation: the derivative is a row vector.",
    "Exercise 3. We use the numerator layout: redo the derivation.",
    "## Aside\nWe use the numerator layout here.",
    "## Cvičení\nPoužíváme čitatelovou konvenci: derivace podle sloupcového vektoru je řádkový vektor.",
    "## Упражнение\nМы используем раскладку числителя.",
])
def test_a_layout_supposed_denied_or_in_an_exercise_declares_nothing(words):
    # "# Notes\n" + "If we used …": a hypothetical right after a heading without a blank line too
    text = "# Notes\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n\n## Next\n\nMore.\n"
    assert declared_layouts(text) == []
    rows, report = _rows(text)
    assert rows[COLUMN].status == "holds" and rows[ROW].status == "refuted"  # Nielsen's, the default
    assert not any(h.startswith("layout:") for h in report.header())


def test_a_section_that_is_no_exercise_declares_its_layout():
    # "Problem setup" is no exercise; "the vanishing gradient problem" neither
    for heading in ("## Problem setup", "## The vanishing gradient problem", "## Not an aside"):
        assert declared_layouts(heading + "\nWe use the numerator layout throughout.\n") == [(2, "numerator")]


SQUARE = ("Let $x \\in \\mathbb{R}^2$ be a column vector and $W \\in \\mathbb{R}^{2 \\times 2}$.\n\n$$h = W x$$\n\n"
          "$$L = \\frac12 \\|h\\|^2$$\n\n")
GRAPH_STEP = r"W \leftarrow W - \eta \frac{\partial L}{\partial W}"


def test_a_square_weight_step_with_no_layout_declared_is_ambiguous_in_graph_notes():
    # ∂L/∂W = h x^T in the denominator layout, x h^T in the numerator layout; W is 2×2, so both fit, and
    # W − η h x^T is gradient descent while W − η x h^T is not (h x^T ≠ x h^T): which is meant is not said
    rows, _ = _rows("# Notes\n\n" + SQUARE + f"$${GRAPH_STEP}$$\n")
    step = rows[GRAPH_STEP]
    assert step.status == "ambiguous"
    assert "denominator layout holds" in step.reason and "numerator layout refuted" in step.reason
    # under an exercise's numerator layout: still not declared, still ambiguous
    rows, _ = _rows("# Notes\n\n## Exercise\nUse the numerator layout.\n\n" + SQUARE + f"$${GRAPH_STEP}$$\n")
    assert rows[GRAPH_STEP].status == "ambiguous"


GRAPH_COLUMN = r"\frac{\partial L}{\partial h} = h"
GRAPH_ROW = r"\frac{\partial L}{\partial h} = h^T"


def test_graph_and_layered_notes_agree_under_a_declared_layout():
    # ∂L/∂h of L = ½‖h‖² has the entries h_i: a column in the denominator layout, a row in the numerator layout
    text = "# Notes\n\nWORDS\n\n" + SQUARE + f"$${GRAPH_COLUMN}$$\n\n$${GRAPH_ROW}$$\n"
    rows, report = _rows(text.replace("WORDS", "We use the denominator layout throughout."))
    assert rows[GRAPH_COLUMN].status == "holds" and rows[GRAPH_ROW].status == "refuted"
    assert "denominator layout on line 3" in rows[GRAPH_ROW].reason
    assert "layout: the denominator layout, declared in words on line 3" in report.header()
    rows, _ = _rows(text.replace("WORDS", EXPLICIT["cs"]))
    assert rows[GRAPH_ROW].status == "holds" and rows[GRAPH_COLUMN].status == "refuted"
    rows, _ = _rows(text.replace("WORDS", "We use the numerator layout throughout."))  # named alone: columns may be meant
    assert rows[GRAPH_ROW].status == "holds" and rows[GRAPH_COLUMN].status == "ambiguous"
