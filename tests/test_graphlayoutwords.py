"""The layout graph notes declare in words decides a claim that fits both layouts (review 18: a part that said
"from now on, the numerator layout" had its claims judged in the denominator layout its earlier part used)."""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.graphlayoutwords import declared_layouts, layout_at
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
])
def test_words_that_declare_nothing_leave_the_claim_ambiguous(sentence):
    result = _status(sentence + "\n\n" + SETUP + CLAIM)
    assert result.status == "ambiguous"
    assert "numerator layout refuted" in result.reason and "denominator layout holds" in result.reason


def test_a_declaration_applies_from_its_line_on():
    text = SETUP + CLAIM + "\nFrom now on we use the numerator layout.\n\n" + CLAIM
    rows = [r.result for r in verify_text(text, "rowvector").rows if "dy" in r.formula.text]
    assert [r.status for r in rows] == ["ambiguous", _truth("numerator")]


def test_a_later_declaration_replaces_an_earlier_one():
    declared = declared_layouts("We use the numerator layout.\n\nNow the denominator layout.\n")
    assert declared == [(1, "numerator"), (3, "denominator")]
    assert layout_at(declared, 2).layout == "numerator" and layout_at(declared, 4).layout == "denominator"


def test_a_claim_that_fits_one_layout_only_is_judged_in_it_whatever_is_declared():
    # ∂L/∂y of a column y is a column in the denominator layout only: the declaration does not make it misfit
    text = ("We use the numerator layout.\n\n" + SETUP
            + r"$$\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial y}$$" "\n")
    (row,) = [r.result for r in verify_text(text, "rowvector").rows if "partial x" in r.formula.text]
    assert row.status == "holds" and "the only one the shapes fit" in row.reason
