r"""The printer of formulas in the notes' own terms keeps the brackets the reading needs (``graphnodes.to_latex``).

Before, ``L = (\sum_i h_i)^2`` was printed ``L = \sum_{i} h_i^{2}``: the sum of the squares, another formula than
the one checked, shown in the model's words (a definition restated, "defined twice, differently"). By hand: a sum
runs to the end of its product, so a sum squared, or a sum followed by another factor, needs its brackets; a
product squared, a summand of several terms, a labelled name squared (y^{(i)}) too. The test reads each printed
formula back and asks for the same tree.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphnodes import to_latex
from symbp.verify.graphread import read_graph
from symbp.verify.notes import verify_text


@pytest.mark.parametrize("written, printed", [
    (r"L = (\sum_i h_i)^2", r"L = \left(\sum_{i} h_i\right)^{2}"),
    (r"L = (\sum_i h_i) x_1", r"L = \left(\sum_{i} h_i\right) x_1"),
    (r"L = \sum_i (h_i + 1)", r"L = \sum_{i} \left(h_i + 1\right)"),
    (r"L = (a b)^2", r"L = \left(a b\right)^{2}"),
    (r"L = (y^{(i)})^2", r"L = \left(y^{(i)}\right)^{2}"),
    (r"L = \frac{1}{2}(\sum_i h_i)^2", r"L = \frac{1}{2} \left(\sum_{i} h_i\right)^{2}"),
    (r"L = \sum_i h_i^2", r"L = \sum_{i} h_i^{2}"),  # the sum of the squares stays as it is
    (r"L = 2 \sum_i h_i", r"L = 2 \sum_{i} h_i"),
])
def test_graph_printer_keeps_the_brackets_of_a_sum(written, printed):
    tree = read_graph(written)
    assert to_latex(tree) == printed
    assert read_graph(to_latex(tree)) == tree  # the printed formula is the one read


NOTES = r"""# A sum squared

Let $x$ be a column vector and $W$ a $2 \times 3$ matrix. We compute $h = W x$ and $L = (\sum_i h_i)^2$.
<AGAIN>
$$\frac{\partial L}{\partial h_j} = 2 \sum_i h_i$$

$$\frac{\partial L}{\partial h_j} = 2 h_j$$
"""


def test_sum_squared_is_judged_and_shown_with_its_brackets():
    # by hand: ∂(Σ_i h_i)²/∂h_j = 2 Σ_i h_i; 2 h_j is the derivative of Σ_i h_i², another cost
    rows = {r.formula.text: r.result for r in verify_text(NOTES.replace("<AGAIN>", "")).rows}
    assert rows[r"\frac{\partial L}{\partial h_j} = 2 \sum_i h_i"].status == "holds"
    assert rows[r"\frac{\partial L}{\partial h_j} = 2 h_j"].status == "refuted"
    # the sum of the squares written later is another definition, and the words show both as they differ
    again = verify_text(NOTES.replace("<AGAIN>", "\nLater we write $L = \\sum_i h_i^2$.\n"))
    reason = next(r.result.reason for r in again.rows if r.formula.text.startswith(r"\frac{\partial L}"))
    assert r"L = \left(\sum_{i} h_i\right)^{2}" in reason and r"L = \sum_{i} h_i^{2}" in reason, reason
    assert all(r.result.status not in ("holds", "refuted") for r in again.rows if "partial" in r.formula.text)
