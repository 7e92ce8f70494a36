r"""A cost written out as a mean over the samples in graph notes (issue 14): ``J = \frac{1}{2m}\sum_{i=1}^m
\|\hat y^{(i)} - y^{(i)}\|^2`` beside ``\hat y = W x``. Before, the definition was not read and no claim about J was
judged. By hand: ∂J/∂W = (1/m) Σ_i (ŷ^{(i)} − y^{(i)}) x^{(i)T}; without 1/m it is m times too large, with 1/(2m) half of
it (both differ on m = 2 samples); ∂J/∂ŷ^{(i)} = (ŷ^{(i)} − y^{(i)}) / m.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphbatchinline import inline_cost
from symbp.verify.graphread import read_graph
from symbp.verify.notes import verify_text

NOTES = r"""# A linear model over a batch

Let $W$ be a $2 \times 3$ matrix. For a sample $x$ we compute $\hat y = W x$.
The cost is $<COST>$.

With $\delta^{(i)} = \hat y^{(i)} - y^{(i)}$:

$$\frac{\partial J}{\partial W} = \frac1m \sum_{i=1}^m \delta^{(i)} x^{(i)T}$$

$$\frac{\partial J}{\partial W} = \sum_{i=1}^m \delta^{(i)} x^{(i)T}$$

$$\frac{\partial J}{\partial W} = \frac{1}{2m} \sum_{i=1}^m \delta^{(i)} x^{(i)T}$$

$$\frac{\partial J}{\partial \hat y^{(i)}} = \frac{1}{m} \delta^{(i)}$$
"""
RIGHT = r"\frac{\partial J}{\partial W} = \frac1m \sum_{i=1}^m \delta^{(i)} x^{(i)T}"
NO_MEAN = r"\frac{\partial J}{\partial W} = \sum_{i=1}^m \delta^{(i)} x^{(i)T}"
HALF = r"\frac{\partial J}{\partial W} = \frac{1}{2m} \sum_{i=1}^m \delta^{(i)} x^{(i)T}"
BY_OUTPUT = r"\frac{\partial J}{\partial \hat y^{(i)}} = \frac{1}{m} \delta^{(i)}"


def _verdicts(cost: str) -> dict:
    return {row.formula.text: row.result for row in verify_text(NOTES.replace("<COST>", cost)).rows}


@pytest.mark.parametrize("cost", [
    r"J = \frac{1}{2m}\sum_{i=1}^m \|\hat y^{(i)} - y^{(i)}\|^2",
    r"J = \frac{1}{m}\sum_{i=1}^{m} \frac12 \|\hat y^{(i)} - y^{(i)}\|^2",
    r"J = \frac12 \cdot \frac{1}{m}\sum_{i} \|\hat y^{(i)} - y^{(i)}\|^2",
    # J computed past ŷ: J never reads the node ŷ, yet a reader takes ŷ = W x for granted, so ∂J/∂ŷ^{(i)} is not
    # judged (graphunlinked); refuting it on the graph's 0 was a false refutation of a true formula
    r"J = \frac{1}{2m}\sum_{i=1}^m \|W x^{(i)} - y^{(i)}\|^2",
])
def test_mean_cost_written_out_is_judged(cost):
    got = _verdicts(cost)
    assert got[RIGHT].status == "holds", got[RIGHT].reason
    assert "m = 1, 2, 3" in got[RIGHT].reason  # what was checked is said
    assert got[NO_MEAN].status == "refuted", got[NO_MEAN].reason
    assert got[HALF].status == "refuted", got[HALF].reason
    through = "hat" in cost
    assert got[BY_OUTPUT].status == ("holds" if through else "uninterpretable"), got[BY_OUTPUT].reason
    if not through:
        assert "never says how J depends on" in got[BY_OUTPUT].reason


def test_a_summand_of_another_sample_is_not_read():
    """Σ_i ‖ŷ^{(j)} − y^{(i)}‖²: which sample's ŷ is not the sum's; nothing about J is judged, never held."""
    got = _verdicts(r"J = \frac{1}{2m}\sum_{i=1}^m \|\hat y^{(j)} - y^{(i)}\|^2")
    for claim in (RIGHT, NO_MEAN, HALF):
        assert got[claim].status not in ("holds", "refuted"), (claim, got[claim].status, got[claim].reason)


def test_inline_cost_forms():
    one, mean = inline_cost(read_graph(r"J = \frac{1}{2m}\sum_{i=1}^m \|\hat y^{(i)} - y^{(i)}\|^2"), {"J"})
    assert one == read_graph(r"\ell = \frac{1}{2} \|\hat y - y\|^2")  # the labels taken off, the 1/2 moved in
    assert mean == read_graph(r"J = \frac{1}{m} \sum_{i=1}^m \ell^{(i)}")
    # \ell taken by the notes: another name; a sum to n divided by m, or a summand using J: not read
    one, _ = inline_cost(read_graph(r"J = \frac{1}{m}\sum_{i} (y^{(i)})^2"), {"J", "\\ell"})
    assert one.sides[0].base != "\\ell"
    assert inline_cost(read_graph(r"J = \frac{1}{m}\sum_{i=1}^n (y^{(i)})^2"), {"J"}) is None
    assert inline_cost(read_graph(r"J = \frac{1}{m}\sum_{i=1}^m J y^{(i)}"), {"J"}) is None
