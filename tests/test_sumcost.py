r"""A cost defined as the SUM over the inputs, C = Σ_x C_x, with its per-input cost beside it (review rv38, F2).

Hand: with C = Σ_x C_x (no 1/n), ∂C/∂b^l = Σ_x ∂C_x/∂b^l = Σ_x δ^{x,l}; the mean (1/n) Σ_x δ^{x,l} is n times too
small. symbp's model is the mean cost, so under the sum neither claim may be judged as if C were the mean: the
1/n version held and the true one was refuted "a missing 1/n" when C_x = ½‖y − a^L‖² came after the sum on the same
line. With C = (1/n) Σ_x C_x (the mean) the 1/n version is BP3 over the inputs and holds.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

MEAN_FORM = r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}"
SUM_FORM = r"\frac{\partial C}{\partial b^l} = \sum_x \delta^{x,l}"


def _statuses(cost: str) -> dict:
    text = f"# Cost\n\n{cost}\n\n$${MEAN_FORM}.$$\n\n$${SUM_FORM}.$$\n"
    return {r.formula.text.rstrip(". "): r.result.status for r in verify_text(text, "auto").rows}


@pytest.mark.parametrize("cost", [
    r"The cost is $C = \sum_x C_x$, where $C_x = \frac{1}{2}\|y - a^L\|^2$.",
    r"$$C = \sum_x C_x, \qquad C_x = \frac{1}{2}\|y - a^L\|^2.$$",
    r"The cost is $C = \sum_x C_x$." "\n\n" r"Here $C_x = \frac{1}{2}\|y - a^L\|^2$.",
    r"Here $C_x = \frac{1}{2}\|y - a^L\|^2$ and $C = \sum_x C_x$.",
])
def test_a_sum_cost_never_takes_the_mean_reading(cost):
    got = _statuses(cost)
    assert got[MEAN_FORM] != "holds", got  # false under the sum
    assert got[SUM_FORM] != "refuted", got  # true under the sum


def test_the_mean_cost_with_its_per_input_cost_is_judged():
    got = _statuses(r"The cost is $C = \frac{1}{n}\sum_x C_x$, where $C_x = \frac{1}{2}\|y - a^L\|^2$.")
    assert got[MEAN_FORM] == "holds", got
    assert got[SUM_FORM] == "refuted", got
