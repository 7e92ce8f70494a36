"""The layout graph notes declare in words decides a claim that fits both layouts (review 18: a part that said
"from now on, the numerator layout" had its claims judged in the denominator layout its earlier part used)."""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.graphownlayout import declared_layouts, layout_at
from symbp.verify.notes import verify_text

SETUP = ("Let $y = W x$ with $x = \\begin{pmatrix} x_1 \\\\ x_2 \\end{pmatrix}$ and "
         r"$W = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}$, $L = L(y_1, y_2)$." "\n\n")
#: dy/dx written out as Wᵀ: W is square, so the shapes fit both layouts
CLAIM = r"$$\frac{dy}{dx} = \begin{pmatrix} w_{11} & w_{21} \\ w_{12} & w_{22} \end{pmatrix}$$" "\n"


def _truth(layout: str) -> str:
    """The verdict by direct differentiation: the Jacobian of W x is W (a row per entry of y); the denominator
    layout is its transpose."""
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    x = sympy.Matrix(sympy.symbols("x1 x2"))
    jacobian = (w * x).jacobian(x)
    expected = jacobian if layout == "numerator" else jacobian.T
    return "holds" if expected == w.T else "refuted"


def _status(text: str) -> str:
    (row,) = [r for r in verify_text(text, "rowvector").rows if "dy" in r.formula.text]
    return row.result


@pytest.mark.parametrize("sentence,layout", [
    ("We write every derivative in the numerator layout.", "numerator"),
    ("Derivatives are written in the denominator layout.", "denominator"),
    ("Od této chvíle píšeme derivace v čitatelovém uspořádání.", "numerator"),
    ("Stosujemy układ mianownika.", "denominator"),
])
def test_a_declared_layout_decides_a_claim_that_fits_both(sentence, layout):
    result = _status(sentence + "\n\n" + SETUP + CLAIM)
    assert result.status == _truth(layout)
    assert f"in the {layout} layout, the notes' own (declared in words on line 1)" in result.reason
    other = "denominator" if layout == "numerator" else "numerator"
    assert f"in the {other} layout it would be {_truth(other)}" in result.reason


@pytest.mark.parametrize("sentence", [
    "We never use the numerator layout.",  # denied
    "If we used the numerator layout, the Jacobian would be W.",  # supposed
    "The numerator layout and the denominator layout differ by a transpose.",  # both named
    # review 22: a layout named to set it aside, deferred or confined (the mixed convention said in two sentences
    # now declares the mixed layout: tests/test_layout_switch.py)
    "Unlike many texts, we avoid the numerator layout.",
    "Instead of the denominator layout, many books take the numerator one.",
    "In Part 2 we will switch to the numerator layout.",
    "In this section only, we use the numerator layout.",
    "Nepoužíváme čitatelové uspořádání.",
    "The numerator layout is wrong for our purposes.",
])
def test_words_that_declare_nothing_leave_the_claim_ambiguous(sentence):
    result = _status(sentence + "\n\n" + SETUP + CLAIM)
    assert result.status == "ambiguous"
    assert "numerator layout refuted" in result.reason and "denominator layout holds" in result.reason


def test_a_declaration_applies_from_its_line_on():
    text = SETUP + CLAIM + "\nFrom now on we use the numerator layout.\n\n" + CLAIM
    rows = [r.result for r in verify_text(text, "rowvector").rows if "dy" in r.formula.text]
    assert [r.status for r in rows] == ["ambiguous", _truth("numerator")]


def test_notes_that_declare_both_layouts_declare_neither():
    # which one a claim after the second is in ("now", a switch, or a second convention for other derivatives) is
    # left to its shapes (review 22 F3)
    assert declared_layouts("We use the numerator layout.\n\nNow we use the denominator layout.\n") == []
    declared = declared_layouts("We use the numerator layout.\n\nWe use it throughout.\n")
    assert declared == [(1, "numerator")] and layout_at(declared, 2).layout == "numerator"


def test_a_gradient_as_a_column_under_a_declared_numerator_layout_is_not_judged_in_either():
    # ∂L/∂x of a column x is a column in the denominator layout only: under "the numerator layout" it is ambiguous
    # (notes that say numerator may still mean columns for gradients, the mixed convention): never holds
    text = ("We use the numerator layout.\n\n" + SETUP
            + r"$$\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial y}$$" "\n")
    (row,) = [r.result for r in verify_text(text, "rowvector").rows if "partial x" in r.formula.text]
    assert row.status == "ambiguous" and "well-shaped only in the denominator layout" in row.reason
    assert verify_text(text.replace("numerator", "denominator"), "rowvector").rows[-1].result.status == "holds"


LINEAR = "Let $h$ be a column vector of length 3, $V$ a $2 \\times 3$ matrix, $s = V h$ and $L = L(s_1, s_2)$.\n"


def _statuses(text: str) -> list:
    return [r.result.status for r in verify_text(text, "rowvector").rows if "partial s}{\\partial h" in r.formula.text]


def _jacobian_shape() -> tuple:
    """∂s/∂h of s = V h by direct differentiation: a row per entry of s (the numerator layout) is 2×3, V's shape."""
    v = sympy.Matrix(2, 3, sympy.symbols("v1:7"))
    h = sympy.Matrix(sympy.symbols("h1:4"))
    jacobian = (v * h).jacobian(h)
    assert jacobian == v
    return jacobian.shape


def test_a_claim_well_shaped_only_in_the_undeclared_layout_never_holds():
    # review 20 F0: "Throughout we use the numerator layout", then ∂s/∂h = V^T (3×2, the denominator layout's shape)
    assert _jacobian_shape() == (2, 3)
    declared = "Throughout we use the numerator layout.\n\n" + LINEAR
    right, slip = r"$$\frac{\partial s}{\partial h} = V$$" "\n", r"$$\frac{\partial s}{\partial h} = V^T$$" "\n"
    assert _statuses(declared + right) == ["holds"]
    (row,) = [r.result for r in verify_text(declared + slip, "rowvector").rows if "V^T" in r.formula.text]
    assert row.status == "ambiguous" and "the notes declare the numerator layout on line 1" in row.reason
    # declared the other way round, the slip is the other line
    assert _statuses(declared.replace("numerator", "denominator") + slip) == ["holds"]
    assert _statuses(declared.replace("numerator", "denominator") + right) == ["ambiguous"]


def test_one_derivative_written_in_both_layouts_without_a_word_is_ambiguous_on_both_lines():
    # review 20 p12: ∂s/∂h = V and ∂s/∂h = V^T both held, each in the one layout its shapes fit
    text = LINEAR + "\n" r"$$\frac{\partial s}{\partial h} = V$$" "\n" r"$$\frac{\partial s}{\partial h} = V^T$$" "\n"
    report = verify_text(text, "rowvector")
    rows = [r.result for r in report.rows if "partial s}{\\partial h" in r.formula.text]
    assert [r.status for r in rows] == ["ambiguous", "ambiguous"]
    assert "the numerator layout on line 3; the denominator layout on line 4" in rows[0].reason
    # one layout throughout: nothing contradicts, both claims are judged
    same = LINEAR + "\n" r"$$\frac{\partial s}{\partial h} = V$$" "\n" r"$$\frac{\partial s_1}{\partial h} = V_{1}$$"
    assert _statuses(same)[0] == "holds"


def test_a_jacobian_before_a_declaration_that_contradicts_a_declared_one_is_ambiguous():
    # review 22 F17: V^T before "Throughout …" (which does not reach back) and V after it both held
    text = (LINEAR + "\n" r"$$\frac{\partial s}{\partial h} = V^T$$" "\n\nIn these notes we use the numerator layout.\n\n"
            r"$$\frac{\partial s}{\partial h} = V$$" "\n")
    assert _statuses(text) == ["ambiguous", "holds"]


def test_the_gradient_by_one_matrix_in_both_layouts_is_ambiguous_on_both_lines():
    # review 22 F14: ∂L/∂W as W's shape (2×3) on one line and as Wᵀ's (3×2) on another: both held. By hand,
    # ∂L/∂W_{ij} = e_i x_j with e = (h − t) ⊙ (1 − h²): entry (i, j) on the first line, (j, i) on the second
    x, e = sympy.Matrix(sympy.symbols("x1:4")), sympy.Matrix(sympy.symbols("e1:3"))
    assert (e * x.T).shape == (2, 3) and (x * e.T) == (e * x.T).T
    notes = ("Let $x$ be a column vector of length 3 and $W$ a $2 \\times 3$ matrix, $g = W x$, $h = \\tanh(g)$, "
             "$L = \\frac{1}{2}\\|h - t\\|^2$.\n\n")
    first = r"\frac{\partial L}{\partial W} = \left((h - t) \odot (1 - h^2)\right) x^T"
    second = r"\frac{\partial L}{\partial W} = x \left((h - t) \odot (1 - h^2)\right)^T"
    alone = {r.formula.text: r.result.status for r in verify_text(notes + f"$${first}$$\n", "auto").rows}
    assert alone[first] == "holds"
    both = {r.formula.text: r.result for r in verify_text(notes + f"$${first}$$\n\n$${second}$$\n", "auto").rows}
    assert both[first].status == both[second].status == "ambiguous"
    assert "the gradient by W in both layouts" in both[first].reason


#: review (layouts, finding 3): row notes g = x W with a square W; ∂g_j/∂x_i = W_{ij}, so the Jacobian (a row per
#: entry of g) is Wᵀ and the denominator layout's ∂g/∂x is W. "Gradients are row vectors" in notes of rows is the
#: denominator layout or the mixed convention (Jacobians in the numerator layout): by hand, = W and = Wᵀ are each
#: true in one of them, so both are ambiguous (before: = Wᵀ was refuted in the denominator layout alone).
ROWS = (r"Let $g = x W$ where $x$ is a row vector with 2 entries and $W$ a $2 \times 2$ matrix, $h = \tanh(g)$ and "
        "$L = L(h_1, h_2)$.\n\n")


@pytest.mark.parametrize("words", ["We write gradients as row vectors.", "Every gradient is a row vector."])
@pytest.mark.parametrize("claim", [r"\frac{\partial g}{\partial x} = W", r"\frac{\partial g}{\partial x} = W^T"])
def test_gradients_as_rows_in_row_notes_fix_no_jacobian_layout(words, claim):
    text = ROWS + words + "\n\n" + f"Then ${claim}$.\n"
    (row,) = [r.result for r in verify_text(text, "rowvector").rows if r.formula.text == claim]
    assert row.status == "ambiguous", row.reason
    assert "says only which way gradients point" in row.reason


def test_gradients_as_rows_in_row_notes_still_judge_a_wrong_jacobian():
    # ∂g/∂x = 2W is false in every layout: refuted whatever the words allow
    text = ROWS + "We write gradients as row vectors.\n\n" + r"Then $\frac{\partial g}{\partial x} = 2 W$." "\n"
    (row,) = [r.result for r in verify_text(text, "rowvector").rows if "2 W" in r.formula.text]
    assert row.status == "refuted", row.reason


def test_a_named_layout_still_decides_a_jacobian_in_row_notes():
    # the opposite variant: "the denominator layout" named declares Jacobians too; = W holds, = W^T refuted
    for claim, want in ((r"\frac{\partial g}{\partial x} = W", "holds"), (r"\frac{\partial g}{\partial x} = W^T", "refuted")):
        text = ROWS + "We write every derivative in the denominator layout.\n\n" + f"Then ${claim}$.\n"
        (row,) = [r.result for r in verify_text(text, "rowvector").rows if r.formula.text == claim]
        assert row.status == want, row.reason


def test_gradients_as_rows_in_column_notes_are_the_numerator_layout_for_jacobians_too():
    # in notes of columns, rows as gradients are the numerator layout's alone (the reverse pairing is no convention
    # symbp reads, review rv40 A8): dy/dx = W (the Jacobian of W x) holds, = W^T is refuted
    for claim, want in ((r"\frac{\partial y}{\partial x} = W", "holds"), (r"\frac{\partial y}{\partial x} = W^T", "refuted")):
        text = "We write gradients as row vectors.\n\n" + SETUP + f"Then ${claim}$.\n"
        (row,) = [r.result for r in verify_text(text, "rowvector").rows if r.formula.text == claim]
        assert row.status == want, row.reason


def test_gradients_as_columns_in_column_notes_fix_no_jacobian_layout():
    # columns as gradients in notes of columns: the denominator layout or the mixed convention; dy/dx = W is the
    # Jacobian (mixed: true) but not its transpose (denominator: false): ambiguous
    claim = r"\frac{\partial y}{\partial x} = W"
    text = "We write gradients as column vectors.\n\n" + SETUP + f"Then ${claim}$.\n"
    (row,) = [r.result for r in verify_text(text, "rowvector").rows if r.formula.text == claim]
    assert row.status == "ambiguous", row.reason
