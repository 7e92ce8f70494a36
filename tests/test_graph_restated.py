r"""Graph notes that stopped the reading (issue 14): a δ restated in another true form, and a scalar weight.

Two-layer net (by hand): L = ½‖y − t‖², y = W_2 a, so ∂L/∂W_2 = (y − t) aᵀ. ``δ_2 = y − t`` restated as
``δ_2 = −(t − y)`` is the same value: accepted, the claims judged (before: "defined twice, differently", nothing
judged; δ_2 hᵀ, h for a, is refuted); restated as ``δ_2 = t − y`` it contradicts the first: both lines named, nothing held.

g = x W with x a vector and W a scalar, L = L(g) generic: ∂L/∂W = Σ_i x_i ∂L/∂g_i = xᵀ ∂L/∂g (a number), ∂L/∂x = W ∂L/∂g;
x ⊙ ∂L/∂g is a vector, not ∂L/∂W; ∂L/∂g alone misses the factor W. Before, the words "x a vector" and "W a scalar"
stopped the run (exit 2: "x is a vector by the words, but the definitions make it a number").
"""

from __future__ import annotations

from symbp.verify.notes import verify_text

NET = r"""# Two-layer

Let $x$ be a column vector with 3 entries, $W_1$ a $4 \times 3$ matrix and $W_2$ a $2 \times 4$ matrix.
Let $h = W_1 x$, $a = \tanh(h)$, $y = W_2 a$ and $L = \frac12 \|y - t\|^2$.

We write $\delta_2 = y - t$, and equally $<AGAIN>$.

$$\frac{\partial L}{\partial W_2} = \delta_2 a^T$$

$$\frac{\partial L}{\partial W_2} = \delta_2 h^T$$
"""
RIGHT = r"\frac{\partial L}{\partial W_2} = \delta_2 a^T"
WRONG = r"\frac{\partial L}{\partial W_2} = \delta_2 h^T"


def _report(text: str):
    report = verify_text(text)
    return {row.formula.text: row.result for row in report.rows}, report


def test_equal_restatement_is_accepted():
    for again in (r"\delta_2 = -(t - y)", r"\delta_2 = y + (-1) t", r"\delta_2 = W_2 a - t"):
        got, report = _report(NET.replace("<AGAIN>", again))
        assert got[RIGHT].status == "holds", (again, got[RIGHT].reason)
        assert got[WRONG].status == "refuted", (again, got[WRONG].reason)  # h for a = tanh(h): the shape fits, the value not
        assert any("restates" in n for n in report.graph.model.notes)


def test_contradictory_restatement_names_both_lines():
    got, report = _report(NET.replace("<AGAIN>", r"\delta_2 = t - y"))
    assert report.graph.model is None
    assert "twice, differently" in report.graph.error and "t - y" in report.graph.error
    assert all(r.status not in ("holds", "refuted") for r in got.values())


SCALAR = r"""# A scalar weight

Let $x$ be a vector and $W$ a scalar. Let $g = x W$ and $L = L(g)$.

$$\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}$$

$$\frac{\partial L}{\partial W} = x \odot \frac{\partial L}{\partial g}$$

$$\frac{\partial L}{\partial x} = W \frac{\partial L}{\partial g}$$

$$\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g}$$
"""


def test_vector_times_a_scalar_weight():
    got, report = _report(SCALAR)
    assert report.graph.model.quantities["W"].rank == 0 and report.graph.model.quantities["x"].rank == 1
    assert got[r"\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}"].status == "holds"
    assert got[r"\frac{\partial L}{\partial W} = x \odot \frac{\partial L}{\partial g}"].status == "refuted"
    assert got[r"\frac{\partial L}{\partial x} = W \frac{\partial L}{\partial g}"].status == "holds"
    assert got[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g}"].status == "refuted"
