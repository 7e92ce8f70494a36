r"""A cost subscripted by its sample, ``C_x`` beside ``C = \frac{1}{n}\sum_x C_x``: one input's cost, not an entry
of a vector C (review rv46 C1, D4; ``graphsamplecost``).

Before, row-form layered notes (``z^l = a^{l-1} W^l + b^l``) with these two lines stopped with exit 2 ("C = … makes
C a scalar, but it is C a vector"), and graph notes (``u = W x``, ``h = \tanh(u)``, ``C_x = \frac12\|h - t\|^2``)
judged nothing: the graph reading took C_x for the entry x of a vector C. The column twin of the layered notes held.

By hand (graph notes, x a column of 2, W 2×2, u = W x, h = tanh u, C_x = ½‖h − t‖², C = (1/n) Σ_x C_x):
∂C_x/∂h = h − t; ∂C_x/∂u = (h − t) ⊙ (1 − h²); ∂C_x/∂W = ((h − t) ⊙ (1 − h²)) x^T (denominator layout, W's shape);
∂C/∂W = (1/n) Σ_x ∂C_x/∂W (without 1/n: n times it); a step W − (η/n) Σ_x ∂C_x/∂W goes downhill, + goes uphill.
Row layered notes (C_x quadratic): ∂C/∂b^l = (1/n) Σ_x δ^{x,l} (BP3 of the mean), ∂C_x/∂W^l = (a^{l-1})^T δ^l (rows).
"""

from __future__ import annotations

import pytest

from symbp.verify.graphread import read_graph
from symbp.verify.graphsamplecost import sample_costs
from symbp.verify.notes import verify_text

GRAPH = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.

$$u = W x$$

$$h = \tanh(u)$$

For one training input $x$ the cost is $C_x = \frac{1}{2}\|h - t\|^2$, and over all $n$ inputs

$$C = \frac{1}{n}\sum_x C_x$$

$$\frac{\partial C_x}{\partial h} = h - t, \quad \frac{\partial C_x}{\partial u} = (h - t) \odot (1 - h^2)$$
"""
ROWS = r"""Forward pass with row vectors: $z^l = a^{l-1} W^l + b^l$ and $a^l = \sigma(z^l)$.

$$C_x = \frac{1}{2}\|a^L - y\|^2$$

$$C = \frac{1}{n}\sum_x C_x$$
"""


def _verdict(notes: str, claim: str):
    return {r.formula.text: r.result for r in verify_text(notes + f"\n$${claim}$$\n").rows}[claim]


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C_x}{\partial h} = h - t", "holds"),
    (r"\frac{\partial C_x}{\partial h} = t - h", "refuted"),
    (r"\frac{\partial C_x}{\partial u} = (h - t) \odot (1 - h^2)", "holds"),
    (r"\frac{\partial C_x}{\partial u} = (h - t) \odot (1 + h^2)", "refuted"),
    (r"\frac{\partial C_x}{\partial W} = ((h - t) \odot (1 - h^2)) x^T", "holds"),
    (r"\frac{\partial C_x}{\partial W} = ((h - t) \odot (1 - h)) x^T", "refuted"),
    (r"\frac{\partial C_x}{\partial W} = x ((h - t) \odot (1 - h^2))^T", "refuted"),
    (r"\frac{\partial C}{\partial W} = \frac{1}{n}\sum_x \frac{\partial C_x}{\partial W}", "holds"),
    (r"\frac{\partial C}{\partial W} = \sum_x \frac{\partial C_x}{\partial W}", "refuted"),
    (r"W \gets W + \frac{\eta}{n}\sum_x \frac{\partial C_x}{\partial W}", "refuted"),
    # the mean's gradient by h, h bare: which sample's h is not said, never judged
    (r"\frac{\partial C}{\partial h} = h - t", "uninterpretable"),
])
def test_graph_cost_subscripted_by_its_sample(claim, status):
    got = _verdict(GRAPH, claim)
    assert got.status == status, got.reason


def test_graph_sample_cost_printed_as_written():
    got = _verdict(GRAPH, r"\frac{\partial C_x}{\partial h} = t - h")
    assert "C_x" in got.reason and "C^{(x)}" not in got.reason, got.reason


def test_graph_sample_cost_without_the_mean_is_judged():
    """rv46 probes/p16.md: only C_x, no C = line; before, nothing was judged."""
    notes = GRAPH.split("For one")[0] + r"For one training input $x$ the cost is $C_x = \frac{1}{2}\|h - t\|^2$." + "\n"
    assert _verdict(notes, r"\frac{\partial C_x}{\partial u} = (h - t) \odot (1 - h^2)").status == "holds"
    assert _verdict(notes, r"\frac{\partial C_x}{\partial u} = (h - t) \odot (1 - h)").status == "refuted"


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \sum_x \delta^{x,l}", "refuted"),
    (r"\frac{\partial C_x}{\partial W^l} = (a^{l-1})^T \delta^l", "holds"),
    (r"\frac{\partial C_x}{\partial W^l} = \delta^l (a^{l-1})^T", "refuted"),
])
def test_row_layered_notes_with_a_mean_cost(claim, status):
    """rv46 C1 (probes/p8.md): the row twin of Nielsen's notes, no longer stopped by the graph reading's C vector."""
    got = _verdict(ROWS, claim)
    assert got.status == status, got.reason


def test_row_layered_mean_cost_definitions_hold():
    rows = {r.formula.text: r.result.status for r in verify_text(ROWS).rows}
    assert rows[r"C = \frac{1}{n}\sum_x C_x"] == "holds"
    assert rows[r"C_x = \frac{1}{2}\|a^L - y\|^2"] == "holds"


def test_a_sum_over_entries_keeps_entries():
    """L = Σ_i L_i with L_i = ½(y_i − t_i)²: i indexes y, so L_i is an entry, never a sample's cost."""
    eqs = [read_graph(r"L = \sum_i L_i"), read_graph(r"L_i = \frac{1}{2}(y_i - t_i)^2")]
    assert sample_costs(eqs) == set()
    eqs = [read_graph(r"C = \frac{1}{n}\sum_x C_x"), read_graph(r"C_x = \frac{1}{2}\|h - t\|^2")]
    assert sample_costs(eqs) == {("C", "x")}


def test_step_by_one_samples_cost_is_called_a_stochastic_step_not_gradient_descent_on_the_mean():
    # review issue 12 A6: W - η ∂C_x/∂W descends C_x, one input's cost; gradient descent on C = (1/n) Σ_x C_x steps by
    # ∂C/∂W = (1/n) Σ_x ∂C_x/∂W, which differs from ∂C_x/∂W for n > 1 (the verdict called it a step on C)
    one = _verdict(GRAPH + "\nWe use the denominator layout.\n", r"W \gets W - \eta \frac{\partial C_x}{\partial W}")
    assert one.status == "holds" and "stochastic gradient step on C_x" in one.reason, one.reason
    assert "a step of gradient descent on C " not in one.reason, one.reason
    mean = _verdict(GRAPH + "\nWe use the denominator layout.\n",
                    r"W \gets W - \frac{\eta}{n}\sum_x \frac{\partial C_x}{\partial W}")
    assert mean.status == "holds" and "a step of gradient descent on C " in mean.reason, mean.reason
