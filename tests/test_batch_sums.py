"""Sums over the inputs in update rules and gradient claims (reviews rv45 A2, A3, B4, rv46 A5, B1).

Verdicts decided by hand: a sum whose letter also indexes the parameter adds δ^{x_1}_1 + δ^{x_2}_2 + …, not the
mini-batch sum (not read); a sum over a named set B in the mean cost's gradient omits the inputs outside B unless B is
all of them (not read); (η/m) Σ_{x∈X} δ^{x,l} is the mini-batch step on X of m (holds); ∂C/∂b = ∂C_x/∂b drops the
mean over the inputs (not read, never holds).
"""

import pytest

from symbp.notation import profile
from symbp.verify import verify

NT = profile("nielsen")


@pytest.mark.parametrize("formula", [
    r"b^l_j \to b^l_j - \frac{\eta}{m}\sum_{j=1}^m \delta^{x_j,l}_j",
    r"w^l \to w^l - \frac{\eta}{m}\sum_{l=1}^m \delta^{x_l,l}(a^{x_l,l-1})^T",
    r"w_k \to w_k - \frac{\eta}{m}\sum_{k=1}^m \frac{\partial C_{X_k}}{\partial w_k}",
    r"b^l_j \to b^l_j - \frac{\eta}{m} \sum \delta^{x_j,l}_j",
    r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_{x \in B_k}\delta^{x,l}",
    r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_{x \in X_1}\delta^{x,l}",
    r"\frac{\partial C}{\partial b^l_j} = \frac{\partial C_x}{\partial b^l_j}",
    r"\frac{\partial C}{\partial w^l} = \frac{\partial C_x}{\partial w^l}",
])
def test_batch_sums_captured_set_or_mixed_cost_never_hold(formula):
    assert verify(formula, NT).status == "uninterpretable"


@pytest.mark.parametrize("formula", [
    r"b^l_j \to b^l_j - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,l}_j",
    r"b^l \to b^l - \frac{\eta}{m}\sum_{x \in X} \delta^{x,l}",
    r"w^l \to w^l - \frac{\eta}{m}\sum_{x \in B}\delta^{x,l}(a^{x,l-1})^T",
    r"b^l \to b^l - \frac{\eta}{m}\sum_{i \in B}\delta^{x_i,l}",
])
def test_batch_sums_mini_batch_steps_hold(formula):
    assert verify(formula, NT).status == "holds"


@pytest.mark.parametrize("formula", [  # wrong variants: a wrong summand over a named mini-batch
    r"b^l \to b^l - \frac{\eta}{m}\sum_{x \in X} \delta^{x,l-1}",
    r"b^l \to b^l + \frac{\eta}{m}\sum_{x \in B}\delta^{x,l}",
    r"b^l \to b^l - \eta\sum_{x \in B}\delta^{x,l}",
])
def test_batch_sums_wrong_set_steps_refuted(formula):
    assert verify(formula, NT).status == "refuted"


def test_batch_sums_set_over_n_in_step_not_read():
    assert verify(r"b^l \to b^l - \frac{\eta}{n}\sum_{x \in B}\delta^{x,l}", NT).status == "uninterpretable"


# A step's summand written as one input's gradient (∇_{b^l} C_x, ∂C_x/∂w^l) is checked as ∂C_x/∂P, not as the mean
# cost's ∂C/∂P (which the C-beside-C_x guard leaves unread): by hand, Σ_x ∇_{b^l} C_x with η/m is Nielsen's (21).
@pytest.mark.parametrize("formula, truth", [
    (r"b^l \leftarrow - \frac{\eta}{m}\sum_x \nabla_{b^l} C_x + b^l", "holds"),
    (r"\boldsymbol{w}^l \to \boldsymbol{w}^l - \frac{\eta}{m}\sum_x \nabla_{\boldsymbol{w}^l} C_x", "holds"),
    (r"w^l \to w^l - \frac{\eta}{m}\sum_x \frac{\partial C_x}{\partial w^l}", "holds"),
    (r"w^l \to w^l - \frac{\eta}{m}\sum_x \nabla_{b^l} C_x", "refuted"),  # the bias's gradient for the weights
    (r"b^l \to b^l + \frac{\eta}{m}\sum_x \nabla_{b^l} C_x", "refuted"),  # ascent
])
def test_batch_sums_per_input_gradient_summand(formula, truth):
    assert verify(formula, NT).status == truth
