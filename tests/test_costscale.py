r"""The cost rescaled in words (``costscale``): review issue 12 A11/B8.

Held-out notes written for these tests; verdicts decided by hand. The notes' cost is C = ½ Σ_j (a^L_j − y_j)² with
a^L = σ(z^L): δ^L = (a^L − y) ⊙ σ'(z^L) (BP1). After "Let us drop the ½ from the cost" (or "we double the cost") the
cost is Σ_j (a^L_j − y_j)², so δ^L = 2(a^L − y) ⊙ σ'(z^L) and the BP1 written with (a^L − y) is false: before, it held
under the cost of line 1. symbp does not rescale the cost, so such a claim is left unjudged, the words quoted; a claim
before the words, or after a cost the notes write down again, is judged as before, and so is one that says nothing of
C or δ (z^L = w^L a^{L-1} + b^L holds whatever the cost).
"""

import pytest

from symbp.verify.costscale import said_scaled
from symbp.verify.notes import verify_text

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
Z = r"z^L = w^L a^{L-1} + b^L"


def _rows(text: str) -> dict:
    return {(r.formula.line, " ".join(r.formula.text.split())): r.result for r in verify_text(text).rows}


SCALED = [("Let us drop the ½ from the cost.", "drop the ½"), ("From now on we double the cost.", "double the cost"),
          (r"We drop the factor $\frac12$.", "drop the factor ½"), ("We multiply the loss by 2.", "multiply the loss by 2"),
          ("Vynecháme ½.", "Vynecháme ½"), ("Zdvojnásobíme cenu.", "Zdvojnásobíme cenu"),
          ("Далее без множителя ½.", "без множителя ½"), ("Удвоим стоимость.", "Удвоим стоимость"),
          ("Odtąd pomijamy ½.", "pomijamy ½"), ("Podwajamy koszt.", "Podwajamy koszt")]


@pytest.mark.parametrize("sentence,words", SCALED)
def test_bp1_after_the_cost_rescaled_in_words_is_not_judged(sentence, words):
    rows = _rows(PRE + sentence + f"\n\nThen ${BP1}$ and ${Z}$.\n")
    got = rows[(5, BP1)]
    assert got.status == "uninterpretable" and f"“{words}”" in got.reason and "line 3" in got.reason, \
        (got.status, got.reason)
    assert rows[(5, Z)].status == "holds"  # no C, no δ: the cost's scale does not matter


def test_claims_before_the_rescaling_and_after_a_new_cost_are_judged():
    # line 3: BP1 under the cost of line 1 (holds); line 5 the words; line 7 BP1 unjudged; line 9 writes the cost
    # ½ Σ_j (a^L_j − y_j)² again, under which BP1 (its factors swapped) holds at line 11 and δ^L = a^L − y (σ'
    # missing) is refuted
    swapped = r"\delta^L = \sigma'(z^L) \odot (a^L - y)"
    text = (PRE + f"So ${BP1}$.\n\nLet us drop the ½ from the cost.\n\nThen ${BP1}$.\n\n"
            + r"Back to $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$." + f"\n\nThen ${swapped}$ and $\\delta^L = a^L - y$.\n")
    rows = _rows(text)
    assert rows[(3, BP1)].status == "holds"
    assert rows[(7, BP1)].status == "uninterpretable"
    assert rows[(11, swapped)].status == "holds"
    assert rows[(11, r"\delta^L = a^L - y")].status == "refuted"


@pytest.mark.parametrize("sentence", ["With the $L_2$ loss.", "The total cost is the mean of the per-sample costs.",
                                      "If we dropped the ½, the factor 2 would stay.", "We do not drop the ½.",
                                      "The cost changes with the weights."])
def test_words_that_do_not_rescale_the_cost_leave_bp1_judged(sentence):
    # none of these rescales the notes' cost: BP1 holds under ½ Σ_j (a^L_j − y_j)² as before
    assert said_scaled(sentence) == []
    assert _rows(PRE + sentence + f"\n\nThen ${BP1}$.\n")[(5, BP1)].status == "holds"


def test_a_sentence_that_writes_the_new_cost_is_left_to_the_model():
    assert said_scaled(r"We use $C = \sum_j (a^L_j - y_j)^2$ without the ½.") == []


@pytest.mark.parametrize("sentence", ["Let us drop the ½ from the cost. Then ${}$.", "Odtąd pomijamy ½: ${}$.",
                                      "Without the ½, the output error is ${}$."])
def test_bp1_on_the_line_of_the_rescaling_is_not_judged(sentence):
    # in the words' own sentence or the next one on its line: under Σ_j (a^L_j − y_j)² BP1 with a^L − y is false
    rows = _rows(PRE + sentence.format(BP1) + "\n")
    assert rows[(3, BP1)].status == "uninterpretable", (rows[(3, BP1)].status, rows[(3, BP1)].reason)
