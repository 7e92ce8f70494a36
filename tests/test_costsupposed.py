r"""Review rv40 A7: a cost supposed by a bare formula ("If the cost were $\frac12\|a^L - y\|^2$, then …").

Truth by hand. With the sigmoid σ and the cross-entropy C = −Σ_j (y_j ln a_j + (1 − y_j) ln(1 − a_j)),
∂C/∂a_j = (a_j − y_j) / (a_j (1 − a_j)) and σ' = a(1 − a), so δ^L = a^L − y. Under the quadratic cost ½‖a^L − y‖²
with the sigmoid, δ^L = (a^L − y) ⊙ a^L ⊙ (1 − a^L), which is not a^L − y: a sentence saying "if the cost were
½‖a^L − y‖², then δ^L = a^L − y" is false, and must never hold under the notes' own cross-entropy.
With the quadratic cost in the notes, δ^L = (a^L − y) ⊙ σ'(z^L) is true, and a^L − y is false.
"""

from __future__ import annotations

import pytest

from symbp.verify.costsupposed import supposed_costs
from symbp.verify.notes import verify_text

CE = ("$$z^l = w^l a^{l-1} + b^l, \\qquad a^l = \\sigma(z^l), \\qquad \\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\n"
      "$$C = -\\sum_j \\left(y_j \\ln a^L_j + (1-y_j)\\ln(1-a^L_j)\\right)$$\n\n")
QUAD = "$$z^l = w^l a^{l-1} + b^l, \\qquad a^l = \\sigma(z^l)$$\n\n$$C = \\frac12 \\|a^L - y\\|^2$$\n\n"
F = "$\\frac12\\|a^L - y\\|^2$"
WRONG = "\\delta^L = a^L - y"


def _status(text: str, formula: str) -> list:
    report = verify_text(text, "auto")
    return [r.result.status for r in report.rows if " ".join(r.formula.text.split()) == formula]


@pytest.mark.parametrize("sentence", [
    f"If the cost were {F}, then $\\delta^L = a^L - y$.",
    f"With the loss {F} instead, $\\delta^L = a^L - y$.",
    f"Were we to use the loss {F}, we would get $\\delta^L = a^L - y$.",
    f"Kdyby ztráta byla {F}, pak $\\delta^L = a^L - y$.",
    f"Если бы функция потерь была {F}, то $\\delta^L = a^L - y$.",
    f"Gdyby koszt był {F}, to $\\delta^L = a^L - y$.",
    f"With the $L_2$ loss {F}, $\\delta^L = a^L - y$.",  # no supposing word: a cost other than the notes'
])
def test_rv40_claim_under_a_cost_formula_is_not_judged_under_the_notes_cost(sentence):
    assert _status(CE + sentence + "\n", WRONG) == ["uninterpretable"]  # false under the supposed cost


def test_rv40_the_same_claim_without_the_supposed_cost_still_holds_under_cross_entropy():
    assert _status(CE + "Then $\\delta^L = a^L - y$.\n", WRONG) == ["holds"]


def test_rv40_cost_formula_naming_the_notes_own_cost_keeps_its_claims_judged():
    right = "With the $L_2$ loss " + F + ", $\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$.\n"
    assert _status(QUAD + right, "\\delta^L = (a^L - y) \\odot \\sigma'(z^L)") == ["holds"]
    wrong = "With the $L_2$ loss " + F + ", $\\delta^L = a^L - y$.\n"
    assert _status(QUAD + wrong, WRONG) == ["refuted"]


def test_rv40_a_cost_letter_alone_is_no_cost_formula():
    assert supposed_costs("If the cost $C$ is small, then $x = 1$.") == []
