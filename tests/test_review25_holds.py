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


# A1. By hand: C = ‖a^L − y‖² (no ½) gives ∂C/∂a = 2(a − y), so δ^L = 2(a^L − y) ⊙ σ'(z^L) and BP1 without the 2
# is false wherever a ≠ y: never a plain hold after words that leave the ½ out.
@pytest.mark.parametrize("words", [
    "We use the squared error, without the factor one half.",
    r"The cost is the plain sum of squared errors, $\sum_j (a^L_j - y_j)^2$, with no $\frac12$ in front.",
    r"The cost is the sum of squares (we drop the usual factor $\frac{1}{2}$).",
    r"Cena je součet čtverců chyb bez faktoru $\frac12$.",
    "Cena je součet čtverců chyb bez jedné poloviny.",
    r"Our loss is the squared error $\|a^L - y\|^2$.",
])
def test_a_squared_error_named_without_the_half_is_not_the_half_cost(words):
    result = _result(f"{words}\n{FORWARD}\n$${BP1}$$\n", BP1)
    assert result.status in ("ambiguous", "refuted"), result
    two = r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)"
    assert _result(f"{words}\n{FORWARD}\n$${two}$$\n", two).status != "refuted"


@pytest.mark.parametrize("words", [
    r"Our loss is the squared error $\frac12\|a^L - y\|^2$.",
    "We use the quadratic cost.",
])
def test_a_squared_error_named_with_the_half_is_the_half_cost(words):
    assert _result(f"{words}\n{FORWARD}\n$${BP1}$$\n", BP1).status == "holds"
