r"""The mean over a set of inputs written with the inputs numbered, ``\frac1n\sum_{i=1}^n \delta^{x_i,l}``.

Before, only ``\frac1n\sum_x \delta^{x,l}`` was read; with the inputs x_1 … x_n (the i-th input's label x_i, as
the update steps already read it) the claim was unreadable. By hand, for the mean cost C = (1/n) Σ_x C_x:
∂C/∂b^l = (1/n) Σ_i ∂C_{x_i}/∂b^l = (1/n) Σ_i δ^{x_i,l} (BP3 for each input), ∂C/∂w^l = (1/n) Σ_i δ^{x_i,l}
(a^{x_i,l-1})^T (BP4). Without the 1/n it is n times the mean; with a^{x_i,l} the wrong layer; a sum to n − 1
leaves out an input; 1/(2n) is half the mean. A letter that numbers the inputs and also indexes an entry
(Σ_j δ^{x_j,l}_j) is not read, never judged.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

NOTES = r"""A mini-batch of $n$ training inputs $x_1, \dots, x_n$ is drawn; the cost is $C = \frac{1}{n}\sum_x C_x$.
"""


def _verdict(claim: str):
    rows = {r.formula.text: r.result for r in verify_text(NOTES + f"\n$${claim}$$\n").rows}
    return rows[claim]


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{i=1}^n \delta^{x_i,l}", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{i} \delta^{x_i,l}", "holds"),
    (r"\frac{\partial C}{\partial b^l_j} = \frac1n\sum_{i=1}^n \delta^{x_i,l}_j", "holds"),
    (r"\frac{\partial C}{\partial w^l} = \frac1n\sum_{i=1}^n \delta^{x_i,l} (a^{x_i,l-1})^T", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \sum_{i=1}^n \delta^{x_i,l}", "refuted"),  # no 1/n
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{2n}\sum_{i=1}^n \delta^{x_i,l}", "refuted"),
    (r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{i=1}^{n-1} \delta^{x_i,l}", "refuted"),
    (r"\frac{\partial C}{\partial w^l} = \frac1n\sum_{i=1}^n \delta^{x_i,l} (a^{x_i,l})^T", "refuted"),
    (r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{i=1}^n \delta^{x_i,l+1}", "refuted"),
])
def test_mean_over_numbered_inputs(claim, status):
    got = _verdict(claim)
    assert got.status == status, got.reason


@pytest.mark.parametrize("claim", [
    r"\frac{\partial C}{\partial b^l_j} = \frac1n\sum_{j=1}^n \delta^{x_j,l}_j",  # j the input and the entry
    r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{i=1}^n \delta^{x_j,l}",  # another input than the sum's
    r"\frac{\partial C}{\partial w^l} = \frac1n\sum_{i=1}^n \delta^{x_i,l} (a^{l-1})^T",  # a^{l-1} of no input
])
def test_mean_over_numbered_inputs_not_read(claim):
    assert _verdict(claim).status in ("uninterpretable", "unreadable")


def test_sum_over_neurons_is_still_a_sum_over_neurons():
    # BP2 by entries (Nielsen ch. 2): ∂C/∂a^l_k = Σ_j w^{l+1}_{jk} δ^{l+1}_j, a sum over j that is no mean
    assert _verdict(r"\frac{\partial C}{\partial a^l_k} = \sum_j w^{l+1}_{jk} \delta^{l+1}_j").status == "holds"
