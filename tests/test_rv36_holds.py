r"""Review rv36: verdicts worked by hand for graph notes (layer superscripts, mean costs, := rules).

A1: ``u := h - \alpha c`` with α the slope of a leak (a constant, no learning rate) was read as a step of an update
rule from the wrong name (a minus and α), so u was a free input and ∂L/∂W_1 = 0 held. By hand, with h = W_1 x,
u = h − α c, a = tanh(u), y = W_2 a, L = ½‖y − t‖²: ∂L/∂u = W_2ᵀ(y − t) ⊙ (1 − a²), ∂u/∂h = I, so
∂L/∂h = W_2ᵀ(y − t) ⊙ (1 − a²) ≠ 0 and ∂L/∂W_1 = (∂L/∂h) xᵀ ≠ 0.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

_LEAK = r"""# Leaky

Let $x$ be a column vector with 3 entries, $W_1$ a $4 \times 3$ matrix and $W_2$ a $2 \times 4$ matrix, $c$ a column vector with 4 entries, and let $\alpha = 0.01$ be the slope of the leak.
Let $h = W_1 x$, $u := h - \alpha c$, $a = \tanh(u)$, $y = W_2 a$ and $L = \frac12 \|y - t\|^2$.

$$<CLAIM>$$
"""


def _one(notes: str, claim: str):
    report = verify_text(notes.replace("<CLAIM>", claim))
    rows = [r for r in report.rows if r.formula.text == claim]
    assert len(rows) == 1, [(r.formula.text, r.result.status) for r in report.rows]
    return rows[0].result, report


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial L}{\partial W_1} = 0", "refuted"),
    (r"\frac{\partial L}{\partial h} = 0", "refuted"),
    (r"\frac{\partial L}{\partial h} = W_2^T (y - t) \odot (1 - a^2)", "holds"),
    (r"\frac{\partial L}{\partial u} = W_2^T (y - t) \odot (1 - a^2)", "holds"),
    (r"\frac{\partial L}{\partial W_1} = (W_2^T (y - t) \odot (1 - a^2)) x^T", "holds"),
    (r"\frac{\partial L}{\partial c} = -W_2^T (y - t) \odot (1 - a^2)", "refuted"),  # −α times it: α = 1/100
])
def test_rv36_a_leak_slope_minus_is_a_definition_not_a_step(claim, status):
    got, report = _one(_LEAK, claim)
    assert got.status == status, got.reason
    assert not any(r.formula.text == r"u := h - \alpha c" for r in report.rows)  # a definition, never "starts from h"


def test_rv36_noise_minus_with_a_scale_is_a_definition():
    """u := x − ξ Wᵀ t (ξ a scalar): u depends on W, so ∂L/∂W = (y − t)uᵀ + (terms through u) is not (y − t)uᵀ; by
    hand ∂L/∂x = ∂L/∂u = Wᵀ(y − t) (∂u/∂x = I)."""
    notes = r"""# Noise

Let $x$ be a column vector with 3 entries and $W$ a $2 \times 3$ matrix, $\xi$ a scalar.
We compute $u := x - \xi W^T t$, $y = W u$ and $L = \frac12 \|y - t\|^2$.

$$<CLAIM>$$
"""
    assert _one(notes, r"\frac{\partial L}{\partial x} = W^T (y - t)")[0].status == "holds"
    assert _one(notes, r"\frac{\partial L}{\partial W} = (y - t) u^T")[0].status == "refuted"


def test_rv36_a_step_from_the_wrong_name_stays_a_step():
    """W_2 := W_1 − η δ aᵀ: δ = y − t depends on W_2 (y = W_2 a), a definition would go round in a circle: a step
    that starts from W_1, refuted."""
    notes = r"""# Step

Let $x$ be a column vector with 3 entries, $W_1$ a $4 \times 3$ matrix and $W_2$ a $2 \times 4$ matrix.
Let $a = \tanh(W_1 x)$, $y = W_2 a$, $L = \frac12 \|y - t\|^2$ and $\delta = y - t$.

$$<CLAIM>$$
"""
    got, _ = _one(notes, r"W_2 := W_1 - \eta \delta a^T")
    assert got.status == "refuted" and "starts from" in got.reason, got.reason


def test_rv36_a_step_by_a_named_gradient_stays_a_step():
    """W_2 := W_1 − η g with g = ∂L/∂W_2 (a claim-like definition, no model definition): g depends on W_2 through L,
    so the line is a step from the wrong name, and the model stays whole: ∂L/∂W_2 = (y − t) aᵀ holds (y = W_2 a),
    ∂L/∂W_1 = 0 is refuted (W_1 reaches L through h = W_1 x)."""
    notes = r"""# Step with a gradient name

Let $x$ be a column vector with 3 entries, $W_1$ a $4 \times 3$ matrix and $W_2$ a $2 \times 4$ matrix.
Let $h = W_1 x$, $a = \tanh(h)$, $y = W_2 a$ and $L = \frac12 \|y - t\|^2$. Write $g = \frac{\partial L}{\partial W_2}$.

$$W_2 := W_1 - \eta g$$

$$<CLAIM>$$
"""
    got, _ = _one(notes, r"\frac{\partial L}{\partial W_2} = (y - t) a^T")
    assert got.status == "holds", got.reason
    assert _one(notes, r"\frac{\partial L}{\partial W_1} = 0")[0].status == "refuted"
    step = [r for r in _one(notes, r"\frac{\partial L}{\partial W_1} = 0")[1].rows if r.formula.text.startswith("W_2 :=")]
    assert step and step[0].result.status == "refuted" and "starts from" in step[0].result.reason
