r"""Costs and activations named in words that symbp has no reader for (``otherwords``, ``otherphrases``; review rv49
A1, A2; probes /tmp/rv49/p/cNN_nH.txt, aNN_nH.txt, seed2_huber.txt).

Verdicts decided by hand. Notes: the quadratic cost C = ½‖y − a^L‖², σ the sigmoid. There BP1
δ^L = (a^L − y) ⊙ σ'(z^L) holds. Under the L1 loss, the RMSE, the Huber, 0-1 or Charbonnier loss ∂C/∂a^L ≠ a^L − y,
so BP1 as written is false there: the formula must be unjudged (never "holds"). For softplus σ'(0) = ½ while
σ(0)(1 − σ(0)) = ln 2 (1 − ln 2) ≈ 0.213; for the linear activation σ' = 1; for the rectifier (ReLU), tanh, arctan
σ' ≠ σ(1 − σ): the sigmoid's σ'(z) = σ(z)(1 − σ(z)) and its BP1 δ^L = (a^L − y) ⊙ a^L ⊙ (1 − a^L) are false there, so
unjudged. The notes' own cost or activation named ("For the quadratic cost", "For the sigmoid activation") stays
judged: BP1 holds, the slip δ^L = a^L − y is refuted.
"""

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.otherphrases import other_phrase
from symbp.verify.sentences import masked

NOTES = (r"We use $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ and the quadratic cost "
         r"$C = \frac{1}{2}\|y - a^L\|^2$. Here $\sigma$ is the sigmoid." + "\n\n")
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
WRONG = r"\delta^L = a^L - y"  # false under the quadratic cost and under each cost below
SP = r"\sigma'(z) = \sigma(z)(1 - \sigma(z))"  # true for the sigmoid only
SBP1 = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"  # BP1 for the sigmoid only


def _row(text: str, formula: str):
    rows = [r for r in verify_text(text).rows if r.formula.line > 1 and " ".join(r.formula.text.split()) == formula]
    assert rows, [r.formula.text for r in verify_text(text).rows]
    return rows[-1].result


COSTS = [
    ("For the $L_1$ loss, ${}$.", "For the"),  # c01: the name masked as math
    ("For the root mean square error, ${}$.", "root mean square error"),  # c02
    ("Для функции потерь Хубера ${}$.", "Хубера"),  # c03
    ("Pro ztrátu L1 platí ${}$.", "ztrátu L1"),  # c04
    ("Для функции потерь L1 ${}$.", "потерь L1"),  # c05
    ("For the ℓ₁ loss, ${}$.", "ℓ₁ loss"),  # c06
    ("With the Manhattan distance as the cost, ${}$.", "Manhattan"),  # c07
    ("Dla straty L1 mamy ${}$.", "straty L1"),  # c11
    ("For the 0-1 loss, ${}$.", "0-1 loss"),  # c12
    ("For the RMSE, ${}$.", "RMSE"),  # c14
    ("For the L¹ loss, ${}$.", "L¹ loss"),  # c15
    ("For the Charbonnier loss, ${}$.", "Charbonnier loss"),  # c20
    ("With a cost other than the quadratic one, ${}$.", "cost other than"),  # c22
    ("For a non-quadratic cost, ${}$.", "non-quadratic cost"),  # c23
    ("When the cost changes, ${}$.", "cost changes"),  # c26
    ("Dla pozostałych funkcji kosztu ${}$.", "pozostałych funkcji kosztu"),  # c28
    ("For the Tukey biweight loss, ${}$.", "Tukey biweight loss"),  # a name on no list
    ("Pro nekvadratickou ztrátu platí ${}$.", "nekvadratickou"),  # cs "non-quadratic"
]


@pytest.mark.parametrize("sentence, words", COSTS)
def test_rv49_other_cost_named_in_words_leaves_bp1_unjudged(sentence, words):
    got = _row(NOTES + sentence.format(BP1) + "\n", BP1)
    assert got.status == "uninterpretable" and words in got.reason, (got.status, got.reason)


@pytest.mark.parametrize("sentence, words", COSTS[::4])
def test_rv49_other_cost_named_in_words_never_holds_the_slip(sentence, words):
    assert _row(NOTES + sentence.format(WRONG) + "\n", WRONG).status == "uninterpretable"


ACTIVATIONS = [
    "For the softplus activation, ${}$.",  # a01sp: softplus is symbp's own activation
    "For the linear activation, ${}$.",  # a02
    "For the rectifier, ${}$.",  # a03
    "For the hyperbolic-tangent activation, ${}$.",  # a04
    "For the arctangent activation, ${}$.",  # a05
    "For the bipolar sigmoid, ${}$.",  # a06
    "Pro lineární aktivační funkci platí ${}$.",  # a08
    "Для функции активации softplus ${}$.",  # a09
    "Dla funkcji aktywacji softplus mamy ${}$.",  # a10
    "For an activation other than the sigmoid, ${}$.",  # a12
    "For a non-sigmoid activation, ${}$.",  # a13
    "For the ReLU6 activation, ${}$.",  # a14
    "Для функции активации th ${}$.",  # a15
    "For the Elliott activation, ${}$.",  # a19
    "For the sinusoidal activation, ${}$.",  # a20
]


@pytest.mark.parametrize("sentence", ACTIVATIONS)
@pytest.mark.parametrize("formula", [SP, SBP1])
def test_rv49_other_activation_named_in_words_leaves_the_sigmoid_formula_unjudged(sentence, formula):
    got = _row(NOTES + sentence.format(formula) + "\n", formula)
    assert got.status == "uninterpretable", (got.status, got.reason)


@pytest.mark.parametrize("sentence, formula, status", [
    ("For the quadratic cost, ${}$.", BP1, "holds"),
    ("For the quadratic cost, ${}$.", WRONG, "refuted"),  # the wrong variant
    ("For the total cost, ${}$.", BP1, "holds"),
    ("For the total cost, ${}$.", WRONG, "refuted"),
    ("For the mean squared error loss, ${}$.", BP1, "holds"),
    ("For the sigmoid activation, ${}$.", SP, "holds"),
    ("For the sigmoid activation, ${}$.", r"\sigma'(z) = 1 - \sigma(z)^2", "refuted"),  # tanh's: wrong here
    ("For the output activation, ${}$.", SBP1, "holds"),
    ("For the output activation, ${}$.", WRONG, "refuted"),
    ("Pro kvadratickou ztrátu platí ${}$.", BP1, "holds"),
])
def test_rv49_the_notes_own_cost_or_activation_in_words_stays_judged(sentence, formula, status):
    assert _row(NOTES + sentence.format(formula) + "\n", formula).status == status


@pytest.mark.parametrize("words", [
    "We minimize the cost by gradient descent, ~.",
    "The gradient of the training loss is ~.",
    "For the per-sample cost ~ we have ~.",
    "The activation of the output layer is ~.",
    "Funkcja kosztu ~ ma pochodną ~.",
    "Vrátíme se k ceně ~.",
    "For the rectified linear activation in ReLU notes, ~.",
])
def test_rv49_phrases_that_name_no_unread_cost_or_activation(words):
    assert other_phrase(masked(words), "relu") is None


def test_rv49_softplus_notes_own_softplus_named_is_no_other():
    assert other_phrase("For the softplus activation, ~.", "softplus") is None
    assert other_phrase("For the softplus activation, ~.", "generic") == "the softplus activation"


def test_rv49_seed_002_with_the_huber_loss_leaves_bp1_unjudged():
    # seed 002 with "для случая среднеквадратичной ошибки" changed to "для случая функции потерь Хубера" (line 122, BP1)
    from pathlib import Path
    seed = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "002_6c03023361eccb9b.txt"
    if not seed.exists():
        pytest.skip("seed 002 not found")
    text = seed.read_text(encoding="utf-8")
    assert "для случая среднеквадратичной ошибки" in text
    changed = text.replace("для случая среднеквадратичной ошибки", "для случая функции потерь Хубера")
    rows = [r for r in verify_text(changed).rows if r.formula.line == 122]
    assert rows and all(r.result.status != "holds" for r in rows), [(r.formula.text, r.result.status) for r in rows]
