r"""Layouts said in prose that were read the wrong way (review rv40 A1, A4, A8; ``symbp/verify/layoutwords.py``,
``graphownlayout.py``).

Verdicts decided by hand. Layered notes z^l = w^l a^{l-1} + b^l (column vectors, w^l of shape n_l × n_{l-1}), so
∂z^l_i/∂a^{l-1}_j = w^l_{ij}. In the numerator layout (row index = the numerator's index) ∂z^l/∂a^{l-1} = w^l; in the
denominator layout (row index = the denominator's index) it is (w^l)^T, and w^l is wrong (the shapes differ on a
network whose layers differ in size). With C a scalar, ∂C/∂a^{l-1} = ∂C/∂z^l w^l in the numerator layout (rows);
with gradients shaped like their variable (columns) it is (w^l)^T ∂C/∂z^l, and ∂C/∂z^l w^l does not multiply.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

LAYERS = r"""$$z^l = w^l a^{l-1} + b^l, \qquad a^l = \sigma(z^l)$$

$$C = \frac12 \|a^L - y\|^2$$
"""
JAC_W = r"\frac{\partial z^l}{\partial a^{l-1}} = w^l"
JAC_WT = r"\frac{\partial z^l}{\partial a^{l-1}} = (w^l)^T"
GRAD_ROW = r"\frac{\partial C}{\partial a^{l-1}} = \frac{\partial C}{\partial z^l} w^l"
GRAD_COLUMN = r"\frac{\partial C}{\partial a^{l-1}} = (w^l)^T \frac{\partial C}{\partial z^l}"


def _claim(words: str, claim: str, before: str = ""):
    report = verify_text(f"# Notes\n\n{before}{LAYERS}\n{words}\n\n$${claim}$$\n")
    (row,) = [r.result for r in report.rows if r.formula.text == claim]
    return row


def test_rv40_the_jacobian_of_a_layer_by_hand():
    a, w = sympy.Matrix(3, 1, sympy.symbols("a1:4")), sympy.Matrix(2, 3, sympy.symbols("w1:7"))
    assert (w * a).jacobian(a) == w  # numerator layout: w; the denominator layout is its transpose, 3 × 2


DENOMINATOR = [  # each puts ∂y_j/∂x_i at row i, column j: the denominator layout (review rv40 A1)
    r"For a map $y = f(x)$ the Jacobian $\frac{\partial y}{\partial x}$ has entries "
    r"$\left(\frac{\partial y}{\partial x}\right)_{ij} = \frac{\partial y_j}{\partial x_i}$.",
    r"The matrix $\frac{\partial y}{\partial x}$ has $\partial y_j / \partial x_i$ in row $i$, column $j$.",
    r"We write $\frac{\partial y}{\partial x}$ for the matrix with $\frac{\partial y_j}{\partial x_i}$ in row $i$ "
    r"and column $j$.",
    r"Our derivative of $y$ by $x$ is the transpose of the Jacobian $(\partial y_i/\partial x_j)_{ij}$.",
    r"Many texts use the Jacobian $(\partial y_i/\partial x_j)_{ij}$; we use its transpose.",
]
NUMERATOR = [  # the same forms with ∂y_i/∂x_j at row i, column j: the numerator layout
    r"For a map $y = f(x)$ the Jacobian $\frac{\partial y}{\partial x}$ has entries "
    r"$\left(\frac{\partial y}{\partial x}\right)_{ij} = \frac{\partial y_i}{\partial x_j}$.",
    r"The matrix $\frac{\partial y}{\partial x}$ has $\partial y_i / \partial x_j$ in row $i$, column $j$.",
    r"Our derivative of $y$ by $x$ is the transpose of the Jacobian $(\partial y_j/\partial x_i)_{ij}$.",
]


@pytest.mark.parametrize("words", DENOMINATOR)
def test_rv40_a_jacobian_said_by_its_entries_in_the_denominator_layout(words):
    # before: w^l held (the sentence was not read, or read as the numerator layout)
    assert _claim(words, JAC_W).status == "refuted"
    assert _claim(words, JAC_WT).status == "holds"


@pytest.mark.parametrize("words", NUMERATOR)
def test_rv40_a_jacobian_said_by_its_entries_in_the_numerator_layout(words):
    assert _claim(words, JAC_W).status == "holds"
    assert _claim(words, JAC_WT).status == "refuted"


def test_rv40_other_words_of_transposing_declare_nothing():
    # which matrix is the notes' is not said: the sentence is not read as the Jacobian's layout
    from symbp.verify.layoutwords import jacobian_entries
    assert jacobian_entries(r"The Jacobian $(\partial y_i/\partial x_j)_{ij}$; its transpose is the gradient.") is None


def test_rv40_jacobians_in_the_denominator_layout_with_gradients_as_rows_hold_no_jacobian():
    # no convention symbp reads (review rv40 A8: read as the numerator layout, w^l held)
    words = "Jacobians use the denominator layout, while gradients are written as rows."
    assert _claim(words, JAC_W).status != "holds"
    assert _claim(words, JAC_WT).status != "refuted"  # (w^l)^T is right for Jacobians in the denominator layout
    # Jacobians in the numerator layout and gradients as rows: the numerator layout, w^l
    numerator = "Jacobians use the numerator layout, while gradients are written as rows."
    assert _claim(numerator, JAC_W).status == "holds" and _claim(numerator, JAC_WT).status == "refuted"


SWITCH = "We use the numerator layout throughout.\n\n"


def test_rv40_a_switch_said_by_the_shape_of_gradients():
    # review rv40 A4: before, ∂C/∂z^l w^l held in the numerator layout of line 3
    words = "From now on, gradients have the shape of the variable."
    assert _claim(words, GRAD_ROW, SWITCH).status == "refuted"
    assert _claim(words, GRAD_COLUMN, SWITCH).status == "holds"
    # without the switch the numerator layout's rows hold
    assert _claim("", GRAD_ROW, SWITCH).status == "holds"


def test_rv40_gradients_shaped_like_the_transpose_are_the_numerator_layout():
    words = "Gradients have the shape of the transposed variable."
    assert _claim(words, GRAD_ROW).status == "holds"
    assert _claim(words, GRAD_COLUMN).status == "refuted"


@pytest.mark.parametrize("words", ["From now on, gradients are laid out like the variable.",
                                   "Hereafter gradients are transposed."])
def test_rv40_an_unread_switch_of_the_shape_of_gradients_leaves_the_layout_unclear(words):
    # the layout may have changed (to columns, where ∂C/∂z^l w^l does not multiply): never a silent "holds"
    assert _claim(words, GRAD_ROW, SWITCH).status == "ambiguous"
    # words from here on that say nothing of gradients' shape keep the numerator layout
    assert _claim("From now on we keep the same notation.", GRAD_ROW, SWITCH).status == "holds"
