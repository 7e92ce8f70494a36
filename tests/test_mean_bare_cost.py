r"""A sum over the inputs whose summand differentiates the mean cost C itself (review rv45 A1, B1).

With C = (1/n) Σ_x C_x, the derivative of C by a quantity of one input is 1/n of that input's own:
∂C/∂z^{x,l} = (1/n) δ^{x,l}. So Σ_x ∂C/∂z^{x,l} is ∂C/∂b^l (it holds), and (1/n) Σ_x ∂C/∂z^{x,l} is 1/n of it
(refuted). Each verdict below is decided by hand from that line; the 1/n forms held before, the plain sums were
refuted.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify, verify_notes


@pytest.mark.parametrize("formula, status", [
    # 1/n before the sum and 1/n inside ∂C/∂z^{x,l}: 1/n² Σ δ^{x,l}, not ∂C/∂b^l = (1/n) Σ δ^{x,l}
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \frac{\partial C}{\partial z^{x,l}}", "refuted"),
    (r"\frac{\partial C}{\partial b^l_j} = \frac1n\sum_x \frac{\partial C}{\partial z^{x,l}_j}", "refuted"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = \frac1n\sum_x \frac{\partial C}{\partial z^{x,l}_j} a^{x,l-1}_k",
     "refuted"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \nabla_{z^{x,l}} C", "refuted"),
    (r"\frac{\partial C}{\partial b^L_j} = \frac1n\sum_x \frac{\partial C}{\partial a^{x,L}_j}\sigma'(z^{x,L}_j)",
     "refuted"),
    # the sum of the mean cost's per-input derivatives is already the mean of the per-input gradients
    (r"\frac{\partial C}{\partial b^l} = \sum_x \frac{\partial C}{\partial z^{x,l}}", "holds"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = \sum_x \frac{\partial C}{\partial z^{x,l}_j} a^{x,l-1}_k", "holds"),
    (r"\frac{\partial C}{\partial b^L_j} = \sum_x \frac{\partial C}{\partial a^{x,L}_j}\sigma'(z^{x,L}_j)", "holds"),
    # wrong beside the count: the activation of layer l, not l − 1
    (r"\frac{\partial C}{\partial w^l_{jk}} = \sum_x \frac{\partial C}{\partial z^{x,l}_j} a^{x,l}_k", "refuted"),
    # BP1's derivative by a^L beside σ'(z^l): right only at l = L; with the 1/n counted twice, not even there
    (r"\frac{\partial C}{\partial b^l_j} = \sum_x \frac{\partial C}{\partial a^{x,L}_j}\sigma'(z^{x,l}_j)",
     "conditional"),
    (r"\frac{\partial C}{\partial b^l_j} = \frac1n\sum_x \frac{\partial C}{\partial a^{x,L}_j}\sigma'(z^{x,l}_j)",
     "refuted"),
    # the per-input cost C_x in the summand: the mean needs its 1/n (as before)
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \frac{\partial C_x}{\partial z^{x,l}}", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \sum_x \frac{\partial C_x}{\partial z^{x,l}}", "refuted"),
])
def test_mean_cost_derivative_in_the_summand_keeps_its_one_over_n(formula, status):
    assert verify(formula).status == status


def test_the_twice_counted_count_is_named():
    v = verify(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \frac{\partial C}{\partial z^{x,l}}")
    assert "counted twice" in v.diagnosis and "C_x" in v.diagnosis


@pytest.mark.parametrize("formula, status", [
    (r"w^l \to w^l - \frac{\eta}{m}\sum_x \frac{\partial C}{\partial z^{x,l}}(a^{x,l-1})^T", "refuted"),
    (r"w^l \to w^l - \eta\sum_x \frac{\partial C}{\partial z^{x,l}}(a^{x,l-1})^T", "holds"),
    (r"w^l \to w^l - \eta\sum_x \frac{\partial C}{\partial z^{x,l}}(a^{x,l})^T", "refuted"),
    # one input's share of the mean cost's gradient: neither SGD on C_x nor a step on C
    (r"w^l \to w^l - \eta \frac{\partial C}{\partial z^{x,l}}(a^{x,l-1})^T", "uninterpretable"),
    (r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
])
def test_update_steps_by_the_mean_cost_derivative_of_one_input(formula, status):
    assert verify(formula).status == status


NOTES = r"""# Notes
For each training input $x$ of a mini-batch of $m$ inputs the network computes $z^{x,l} = w^l a^{x,l-1} + b^l$ and $a^{x,l} = \sigma(z^{x,l})$.
The cost is $$C = %s, \quad C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2.$$

$$\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_x \frac{\partial C}{\partial z^{x,l}}$$

$$\frac{\partial C}{\partial b^l} = \sum_x \frac{\partial C}{\partial z^{x,l}}$$

$$\frac{\partial C}{\partial w^l} = \frac1m\sum_x \frac{\partial C}{\partial z^{x,l}} (a^{x,l-1})^T$$

$$w^l \to w^l - \frac{\eta}{m}\sum_x \frac{\partial C}{\partial z^{x,l}}(a^{x,l-1})^T$$
"""


def _claims(tmp_path, cost):
    path = tmp_path / "notes.md"
    path.write_text(NOTES % cost, encoding="utf-8")
    return {r.formula.line: r.result.status for r in verify_notes(path).rows if r.formula.line >= 5}


def test_notes_with_the_mean_over_a_mini_batch(tmp_path):
    assert _claims(tmp_path, r"\frac{1}{m}\sum_x C_x") == {5: "refuted", 7: "holds", 9: "refuted", 11: "refuted"}


def test_notes_with_the_summed_cost_judge_none_of_them(tmp_path):
    # C = Σ_x C_x is none of symbp's costs: ∂C/∂z^{x,l} = δ^{x,l} there, and nothing is judged against the mean
    statuses = _claims(tmp_path, r"\sum_x C_x")
    assert set(statuses.values()) == {"uninterpretable"} and len(statuses) == 4
