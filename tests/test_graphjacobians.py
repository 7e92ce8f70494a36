r"""A matrix the notes name by its entries as derivatives (``graphjacobians``). Review (layouts, finding 1): notes
that define ``J_{ji} = \frac{\partial y_j}{\partial x_i}`` (J the Jacobian, a row per entry of y) and claim
``\frac{\partial y}{\partial x} = J^T`` had the definition refuted on its index ranges and the claim unread.

Decided by hand, for y = W x with x a column: ∂y_j/∂x_i = W_{ji}, so J = W. In the numerator layout ∂y/∂x is the
Jacobian, J itself: ``= J^T`` is false (for a square W, which is not symmetric) and ``= J`` true. In the
denominator layout ∂y/∂x is Jᵀ: ``= J^T`` true and ``= J`` false. With no layout declared the two disagree:
ambiguous. J defined the other way round (``J_{ij} = ∂y_j/∂x_i``) is Wᵀ, and every verdict swaps.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphjacobians import named_matrix
from symbp.verify.graphread import read_graph
from symbp.verify.notes import verify_text

SQUARE = (r"Let $y = W x$ with $x = \begin{pmatrix} x_1 \\ x_2 \end{pmatrix}$ and "
          r"$W = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}$, $L = L(y_1, y_2)$." "\n\n")
WIDE = (r"Let $y = W x$ with $x = \begin{pmatrix} x_1 \\ x_2 \\ x_3 \end{pmatrix}$ and "
        r"$W = \begin{pmatrix} w_{11} & w_{12} & w_{13} \\ w_{21} & w_{22} & w_{23} \end{pmatrix}$, "
        "$L = L(y_1, y_2)$.\n\n")
NUMERATOR = "We write every derivative in the numerator layout.\n\n"
DENOMINATOR = "We write every derivative in the denominator layout.\n\n"


def _claim(setup: str, said: str, entries: str, claim: str):
    """The claim's result, and whether the entries' line is filed as a definition (not judged)."""
    text = said + setup + f"Define the matrix $J$ by its entries ${entries}$.\n\n" + f"Then ${claim}$.\n"
    report = verify_text(text, "rowvector")
    rows = {r.formula.text: r.result for r in report.rows}
    return rows[claim], entries not in rows and any(f.text == entries for f in report.skipped)


def test_named_matrix_reads_where_the_entry_stands():
    assert named_matrix(read_graph(r"J_{ji} = \frac{\partial y_j}{\partial x_i}")) == ("J", "y", "x", "numerator")
    assert named_matrix(read_graph(r"J_{ij} = \frac{\partial y_j}{\partial x_i}")) == ("J", "y", "x", "denominator")
    assert named_matrix(read_graph(r"J_{ij} = \frac{\partial y_j}{\partial x_j}")) is None


JACOBIAN = r"J_{ji} = \frac{\partial y_j}{\partial x_i}"
TRANSPOSED = r"J_{ij} = \frac{\partial y_j}{\partial x_i}"


@pytest.mark.parametrize("said,entries,claim,want", [
    (NUMERATOR, JACOBIAN, r"\frac{\partial y}{\partial x} = J^T", "refuted"),  # the review's false hold
    (NUMERATOR, JACOBIAN, r"\frac{\partial y}{\partial x} = J", "holds"),
    (DENOMINATOR, JACOBIAN, r"\frac{\partial y}{\partial x} = J^T", "holds"),
    (DENOMINATOR, JACOBIAN, r"\frac{\partial y}{\partial x} = J", "refuted"),
    ("", JACOBIAN, r"\frac{\partial y}{\partial x} = J^T", "ambiguous"),
    ("", JACOBIAN, r"\frac{\partial y}{\partial x} = J", "ambiguous"),
    (NUMERATOR, TRANSPOSED, r"\frac{\partial y}{\partial x} = J^T", "holds"),
    (DENOMINATOR, TRANSPOSED, r"\frac{\partial y}{\partial x} = J^T", "refuted"),
])
def test_a_jacobian_named_by_its_entries_is_judged_in_the_notes_layout(said, entries, claim, want):
    result, definition = _claim(SQUARE, said, entries, claim)
    assert result.status == want, result.reason
    assert definition


def test_a_named_jacobian_fitting_one_layout_never_holds_against_the_declared_one():
    # W of 2×3: J = W is 2×3, ∂y/∂x = J^T fits only the denominator layout (3×2); under the numerator layout
    # declared it must not hold (design: well-shaped only in the layout not declared is ambiguous)
    result, _ = _claim(WIDE, NUMERATOR, JACOBIAN, r"\frac{\partial y}{\partial x} = J^T")
    assert result.status == "ambiguous", result.reason
    result, _ = _claim(WIDE, DENOMINATOR, JACOBIAN, r"\frac{\partial y}{\partial x} = J^T")
    assert result.status == "holds", result.reason


def test_a_claim_fitting_one_layout_says_the_layout_when_none_is_declared():
    # review (layouts, finding 2): a claim well-shaped only in the numerator layout, notes silent on layouts: the
    # verdict is the numerator layout's and says so (docs/verify.md: "state the layout used in every verdict")
    result, _ = _claim(WIDE, "", JACOBIAN, r"\frac{\partial y}{\partial x} = J")
    assert result.status == "holds" and "in the numerator layout" in result.reason, result.reason
    result, _ = _claim(WIDE, "", TRANSPOSED, r"\frac{\partial y}{\partial x} = J")
    assert result.status == "holds" and "in the denominator layout" in result.reason, result.reason
    result, _ = _claim(WIDE, "", JACOBIAN, r"\frac{\partial y}{\partial x} = W^T")
    assert result.status == "holds" and "in the denominator layout" in result.reason, result.reason
    result, _ = _claim(WIDE, "", JACOBIAN, r"\frac{\partial y}{\partial x} = 2 J")  # the wrong variant
    assert result.status == "refuted", result.reason
