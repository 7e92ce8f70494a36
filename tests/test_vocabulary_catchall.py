r"""Catch-alls of ``vocabulary`` in the ``unreadwords`` guard: words of a kind, not phrases (review rv44 A1, A2, B1).

Held-out notes written by the reviewer (/tmp/rv44/a1.md … b1.md and FINDINGS.md); verdicts decided by hand. Under the
notes' quadratic cost C = ½ Σ_j (a^L_j − y_j)² and a^L = σ(z^L), BP1 δ^L = (a^L − y) ⊙ σ'(z^L) holds; the slip
δ^L = a^L − y is false.

* A1: with the ½ left out or the cost doubled, C = Σ_j (a^L_j − y_j)² and δ^L = 2 (a^L − y) ⊙ σ'(z^L): BP1 stated
  there is false, so it must never hold; symbp builds no such model, so both BP1 and the slip are left unjudged.
* A2: the notes call the formula wrong ("…, but that's wrong."): BP1 is then the notes' false statement (never
  "holds"), the slip their true one (never "refuted").
* B1: with the biases zero, z^l = w^l a^{l-1} is true (never "refuted"); z^l = w^l a^l is false (never "holds").
"""

import pytest

from symbp.verify.notes import verify_text

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
FWD = r"The forward pass is $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$." + "\n\n"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
WRONG = r"\delta^L = a^L - y"
NOBIAS, SLIP = "z^l = w^l a^{l-1}", "z^l = w^l a^{l}"


def _row(text: str, formula: str):
    rows = [r for r in verify_text(text).rows if r.formula.line > 1 and " ".join(r.formula.text.split()) == formula]
    assert rows, [r.formula.text for r in verify_text(text).rows]
    return rows[-1].result


@pytest.mark.parametrize("sentence", [
    "If the factor $\\frac12$ is omitted, the output error is ${}$.",  # a1.md
    "Multiplying $C$ by two gives ${}$.",  # a2.md
    "Without the $\\frac{{1}}{{2}}$, the output error is ${}$.",  # a3.md
    "If the $\\frac12$ is dropped, ${}$.",
    "Replacing $C$ by $2C$, ${}$.",
    "With twice the cost, ${}$.",
    "For the cost $C' = 2C$ the output error is ${}$.",
    "Leaving out the one-half, ${}$.",
    "When $C$ is scaled by $2$, ${}$.",
    "With $C \\to 2C$ we have ${}$.",
    "Vynecháme-li faktor $\\frac12$, dostaneme ${}$.",
    "Если опустить множитель $\\frac12$, то ${}$.",
    "Pomijając czynnik $\\frac12$, mamy ${}$.",
])
def test_cost_changed_in_any_words_leaves_bp1_unjudged(sentence):
    for formula in (BP1, WRONG):
        got = _row(PRE + sentence.format(formula) + "\n", formula)
        assert got.status == "uninterpretable" and "change of the cost" in got.reason or \
            "change of the model" in got.reason, (sentence, formula, got.status, got.reason)


@pytest.mark.parametrize("after", [
    ", but that's wrong.",  # a4.md
    "$$\nThis formula is wrong.",  # a5.md (the formula a display)
    ", což je špatně.",  # a6.md
    ", though this is wrong.",
    " -- wrong!",
    ". That's wrong.",
    ". Wrong!",
    ", but this is erroneous.",
    " (this is wrong).",
    ", ale to nieprawda.",
    ", но это неверно.",
])
def test_formula_called_wrong_in_any_words_is_not_the_notes_claim(after):
    for formula, never in ((BP1, "holds"), (WRONG, "refuted")):
        written = f"$${formula}{after}" if after.startswith("$$") else f"${formula}${after}"
        got = _row(PRE + "One might write " + written + "\n", formula)
        assert got.status != never, (after, formula, got.status, got.reason)


@pytest.mark.parametrize("lead", ["Typo in the slides:", "An error:", "Překlep ve slidech:", "Опечатка:"])
def test_formula_introduced_as_an_error_is_not_the_notes_claim(lead):
    for formula, never in ((BP1, "holds"), (WRONG, "refuted")):
        got = _row(PRE + lead + " $$" + formula + "$$\n", formula)
        assert got.status != never, (lead, formula, got.status, got.reason)


@pytest.mark.parametrize("sentence", [
    "Setting the biases to zero, ${}$.",  # b1.md
    "With all biases set to $0$, ${}$.",
    "If the biases vanish, ${}$.",
    "In a biasless network, ${}$.",
    "Forgetting the biases, ${}$.",
    "For $b^l = 0$ we get ${}$.",
    "Při nulových prazích je ${}$.",
    "При нулевых смещениях ${}$.",
])
def test_biases_taken_away_in_any_words_is_no_refutation(sentence):
    for formula in (NOBIAS, SLIP):
        got = _row(PRE + FWD + sentence.format(formula) + "\n", formula)
        assert got.status == "uninterpretable", (sentence, formula, got.status, got.reason)


def test_bias_zero_formula_itself_is_not_refuted():
    got = _row(PRE + FWD + "For $b^l = 0$ we get $z^l = w^l a^{l-1}$.\n", "b^l = 0")
    assert got.status != "refuted", (got.status, got.reason)


# -- controls: plain sentences stay judged --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The output error is ${}$.",
    "The output error, computed first, is ${}$.",
    "For the quadratic cost the output error is ${}$.",
    "Output error: ${}$.",  # a heading "error:" is the error δ, no verdict
    "The output error is ${}$, which is correct.",
    "The error of the cost in the output layer is ${}$.",
])
def test_plain_sentences_about_the_cost_stay_judged(sentence):
    assert _row(PRE + sentence.format(BP1) + "\n", BP1).status == "holds"
    assert _row(PRE + sentence.format(WRONG) + "\n", WRONG).status == "refuted"


@pytest.mark.parametrize("sentence", [
    "The weighted input is ${}$.",
    "With the biases included, ${}$.",
])
def test_plain_sentences_about_the_biases_stay_judged(sentence):
    assert _row(PRE + FWD + sentence.format(NOBIAS) + "\n", NOBIAS).status == "refuted"
    assert _row(PRE + FWD + sentence.format("z^l = w^l a^{l-1} + b^l") + "\n",
                "z^l = w^l a^{l-1} + b^l").status == "holds"


def test_verdict_in_next_sentence_about_its_own_formula_keeps_the_first_judged():
    text = PRE + f"The output error is $${BP1}$$\nThe formula $$\\delta^L = a^L$$ is wrong.\n"
    assert _row(text, BP1).status == "holds"


# -- the catch-alls yield to the words a reader read (``vocabulary._read``) ------------------------------------------
# By hand: BP1 true, the slip false. Words ``negation`` read and turned round or gave to another formula leave the
# formula stated (judged as written); words no reader read still leave it unjudged (the wrong variant: never holds).

@pytest.mark.parametrize("sentence", [
    "It is not false that ${}$.",  # a double negative: stated
    "${}$ is not wrong.",
    "This is not a common mistake: $${}$$",  # ``negation`` turned it round
    "A common mistake is to forget that $${}$$",  # what is forgotten is stated
    "To je chyba výstupní vrstvy: $${}$$",  # chyba: the error δ, no verdict
])
def test_words_a_reader_turned_round_leave_the_formula_stated(sentence):
    assert _row(PRE + sentence.format(BP1) + "\n", BP1).status == "holds"
    assert _row(PRE + sentence.format(WRONG) + "\n", WRONG).status == "refuted"


def test_a_verdict_on_another_formula_said_apart_leaves_this_one_judged():
    # "… holds, and $$B$$ is wrong too": the words are B's (``negation`` reads them there)
    assert _row(PRE + f"$${BP1}$$ holds, and $${WRONG}$$ is wrong too.\n", BP1).status == "holds"
    assert _row(PRE + f"$${WRONG}$$ holds, and $${BP1}$$ is wrong too.\n", WRONG).status == "refuted"


@pytest.mark.parametrize("sentence", ["$${}$$ and $${}$$ are wrong.", "It is not just wrong to write ${}$ and ${}$."])
def test_a_verdict_on_two_formulas_or_not_turned_round_leaves_both_unjudged(sentence):
    # "$$A$$ and $$B$$ are wrong" is about A too; "not just wrong" is no double negative: BP1 must never hold
    for first, second in ((BP1, WRONG), (WRONG, BP1)):
        got = _row(PRE + sentence.format(first, second) + "\n", BP1)
        assert got.status == "uninterpretable" and "wrong" in got.reason, (sentence, got.reason)  # ours or ``negation``'s
