"""Review 25's false holds in ``verify --notes`` (A1–A5, B4): each case is a set of notes whose claim is false
(or not known to be true) under the notes' own words, so it must never be a plain hold.

Truths by hand:
* Sigmoid σ with C = (1/n)‖a^L − y‖² (n outputs, or a count of samples): ∂C/∂a_j = (2/n)(a_j − y_j), so
  δ^L = (2/n)(a^L − y) ⊙ σ'(z^L); (a^L − y) ⊙ σ'(z^L) is false for n ≠ 2. With n read as a count of samples the
  per-sample cost left is ‖a − y‖², no ½, and BP1 is a factor 2 short all the same.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

FORWARD = r"$$z^l = w^l a^{l-1} + b^l, \quad a^l = \sigma(z^l)$$"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"


def _result(text: str, claim: str):
    return {row.formula.text: row.result for row in verify_text(text).rows}[claim]


@pytest.mark.parametrize("cost", [
    r"C = \frac{1}{n}\|a^L - y\|^2",
    r"C = \frac{1}{m}\|a^L - y\|^2",
    r"C = \frac{1}{n}\sum_{j=1}^{n} (a^L_j - y_j)^2",
    r"C = \frac{1}{2n}\|a^L - y\|^2",
])
def test_an_unread_cost_with_one_over_n_or_m_blocks_bp1(cost):
    # review 25 A2: 1/n, 1/m were taken for a mean over the samples and the unread line did not block
    text = f"$${cost}$$\n{FORWARD}\n$${BP1}$$\n"
    result = _result(text, BP1)
    assert result.status != "holds" and result.status == "uninterpretable", result


def test_prose_mse_over_n_outputs_before_the_unread_cost_blocks_bp1():
    text = f"We use the mean squared error over the $n$ outputs:\n$$C = \\frac{{1}}{{n}}\\|a^L - y\\|^2$$\n{FORWARD}\n$${BP1}$$\n"
    assert _result(text, BP1).status not in ("holds", "refuted")


def test_a_mean_over_the_inputs_with_the_half_still_holds():
    # C = (1/n) Σ_x ½‖y(x) − a^L(x)‖² and Nielsen's eq. (6): per input ½‖y − a‖², BP1 true (by hand)
    for cost in (r"C = \frac{1}{2n}\sum_x \|y(x) - a^L(x)\|^2",):
        assert _result(f"$${cost}$$\n{FORWARD}\n$${BP1}$$\n", BP1).status == "holds"
