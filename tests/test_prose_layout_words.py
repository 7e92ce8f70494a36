r"""Layouts said in prose without the word "layout", in one sentence, and Jacobians of row-vector notes
(``symbp/verify/graphownlayout.py``, ``layoutswitch.py``, ``interpret._jacobian``).

Verdicts decided by hand.

Row-vector layered notes: z^l = a^{l-1} W^l + b^l with W^l of shape n_{l-1} × n_l, so z^l_j = Σ_i a^{l-1}_i W^l_{ij}
and ∂z^l_j/∂a^{l-1}_i = W^l_{ij}. The numerator layout (a row per entry j of z^l, a column per entry i of a^{l-1})
writes the Jacobian (W^l)^T, n_l × n_{l-1}; the denominator layout (a row per entry of a^{l-1}) writes W^l. On a
network whose layers differ in size only the layout whose shape fits can hold.
"""

from __future__ import annotations

import sympy

from symbp.verify.notes import verify_text

ROW_LAYERS = r"""Row-vector convention: $z^l = a^{l-1} W^l + b^l$, $a^l = \sigma(z^l)$, with $W^l$ of shape
inputs $\times$ outputs, and cost $C = \frac{1}{2}\|a^L - y\|^2$.
"""
ROW_JAC_W = r"\frac{\partial z^l}{\partial a^{l-1}} = W^l"
ROW_JAC_WT = r"\frac{\partial z^l}{\partial a^{l-1}} = (W^l)^T"


def _row_jacobian_by_hand() -> bool:
    """The numerator-layout Jacobian of z = a W (a a row of 3, W 3×2) is W^T; its transpose, W, the denominator's."""
    a = sympy.Matrix(1, 3, sympy.symbols("a1:4"))
    w = sympy.Matrix(3, 2, sympy.symbols("w1:7"))
    return (a * w).jacobian(a) == w.T


def _row_claim(words: str, claim: str):
    report = verify_text(words + "\n\n" + ROW_LAYERS + f"\n$${claim}$$\n")
    (row,) = [r.result for r in report.rows if r.formula.text == claim]
    return row


def test_a_row_vector_jacobian_is_read_in_each_declared_layout():
    # before: "the derivative of a vector by a matrix has three indices" (a^{l-1} is a row vector, not a matrix)
    assert _row_jacobian_by_hand()
    numerator, denominator = "We use the numerator layout.", "We use the denominator layout."
    mixed = "Jacobians use the numerator layout. Gradients use the denominator layout."
    for words, right, wrong, layout in ((numerator, ROW_JAC_WT, ROW_JAC_W, "numerator layout"),
                                        (mixed, ROW_JAC_WT, ROW_JAC_W, "mixed convention"),
                                        (denominator, ROW_JAC_W, ROW_JAC_WT, "denominator layout")):
        held, refuted = _row_claim(words, right), _row_claim(words, wrong)
        assert held.status == "holds" and refuted.status == "refuted", (words, held.reason, refuted.reason)
        assert f"in the {layout} the notes declare on line 1" in held.reason
        assert f"in the {layout} the notes declare on line 1" in refuted.reason


def test_an_undeclared_row_vector_jacobian_names_the_layouts_its_shapes_fit():
    # no layout declared: W^l fits (and holds in) the denominator layout only, (W^l)^T the numerator layout and the
    # mixed convention; the words say a gradient has the shape of a^l there (a row here), never "a column"
    held = _row_claim("", ROW_JAC_W)
    assert held.status == "holds" and "holds in the denominator layout" in held.reason
    assert "gradient is a column" not in held.reason and "∂C/∂a^l has the shape of a^l" in held.reason
    held = _row_claim("", ROW_JAC_WT)
    assert held.status == "holds" and "in the numerator layout" in held.reason and "mixed convention" in held.reason
    # both written, no layout declared: one of the two is false in the layout the notes use
    report = verify_text(ROW_LAYERS + f"\n$${ROW_JAC_W}$$\n\n$${ROW_JAC_WT}$$\n")
    assert [r.result.status for r in report.rows if "partial" in r.formula.text] == ["ambiguous", "ambiguous"]
    # a wrong factor is refuted in every layout
    assert _row_claim("", r"\frac{\partial z^l}{\partial a^{l-1}} = 2 W^l").status == "refuted"
