r"""Words around a judged formula that no reader of symbp reads leave it unjudged (``unreadwords``).

Each note below is small and held out (written for these tests, not taken from the seeds); the verdicts are decided
by hand. Under the notes' quadratic cost C = ½ Σ_j (a^L_j − y_j)² and a^L = σ(z^L):
δ^L = (a^L − y) ⊙ σ'(z^L) is true (BP1), δ^L = a^L − y is false (it is the cross-entropy's),
δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l) is true for l < L (BP2) and means nothing at l = L (there is no w^{L+1}).
Under the absolute error C = Σ_j |a^L_j − y_j| the output error is sign(a^L − y) ⊙ σ'(z^L): BP1 as written for the
quadratic cost is false there, so a note stating it under that cost must never get "holds".
"""

from symbp.verify.notes import verify_text
from symbp.verify.unreadwords import hazard_of

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
WRONG = r"\delta^L = a^L - y"
BP2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"


def _status(text: str, formula: str) -> str:
    rows = [r for r in verify_text(text).rows if " ".join(r.formula.text.split()).startswith(" ".join(formula.split()))]
    assert rows, [r.formula.text for r in verify_text(text).rows]
    return rows[-1].result.status


def _reason(text: str, formula: str) -> str:
    return next(r.result.reason for r in verify_text(text).rows if r.formula.text.startswith(formula))


# -- without the words: judged as before, true and false ------------------------------------------------------------

def test_plain_bp1_holds_and_its_slip_is_refuted():
    assert _status(PRE + f"The output error is ${BP1}$.\n", BP1) == "holds"
    assert _status(PRE + f"The output error is ${WRONG}$.\n", WRONG) == "refuted"


def test_plain_hidden_layer_bp2_holds():
    assert _status(PRE + f"For the hidden layers, ${BP2}$ for $l < L$.\n", BP2) == "holds"


# -- a supposition ------------------------------------------------------------------------------------------------

def test_supposed_cost_named_after_the_formula_is_not_judged():
    # the cost word comes after the formula: BP1 is stated under the absolute error, where it is false
    text = PRE + f"The output error would be ${BP1}$ had we used $C = \\sum_j |a^L_j - y_j|$ as the cost.\n"
    assert _status(text, BP1) == "uninterpretable"


def test_were_we_to_far_from_the_formula_is_not_judged():
    text = PRE + ("Were we to take the absolute error as the cost, which some texts do because it is robust to "
                  f"outliers in the data, the output error becomes ${BP1}$.\n")
    assert _status(text, BP1) == "uninterpretable"
    assert "Were we to" in _reason(text, BP1)


def test_instead_in_the_sentence_leaves_the_wrong_formula_unjudged_too():
    text = PRE + f"Using the absolute error instead, the output error is ${WRONG}$.\n"
    assert _status(text, WRONG) == "uninterpretable"


def test_czech_supposition_is_not_judged():
    text = PRE + ("Kdybychom místo kvadratické ceny použili absolutní chybu, výstupní chyba by byla "
                  f"${BP1}$.\n")
    assert _status(text, BP1) == "uninterpretable"


def test_russian_supposition_is_not_judged():
    text = PRE + f"Если бы мы взяли абсолютную ошибку, выходная ошибка была бы ${BP1}$.\n"
    assert _status(text, BP1) == "uninterpretable"


def test_polish_supposition_is_not_judged():
    text = PRE + f"Gdybyśmy zamiast kosztu kwadratowego użyli błędu bezwzględnego, błąd wyjściowy wynosiłby ${BP1}$.\n"
    assert _status(text, BP1) == "uninterpretable"


def test_if_b_zero_then_stays_a_condition():
    # read by ``suppositions`` as before: the claim under b^l = 0 is not judged, b^l = 0 is its condition
    text = PRE + "If $b^l = 0$, then $z^l = w^l a^{l-1}$.\n"
    assert _status(text, "z^l = w^l a^{l-1}") == "uninterpretable"
    assert "supposition of line 3" in _reason(text, "z^l = w^l a^{l-1}")


def test_would_like_is_no_supposition():
    assert _status(PRE + f"We would like to show that ${BP1}$.\n", BP1) == "holds"


# -- a reference back that judges ---------------------------------------------------------------------------------

def test_second_of_these_is_incorrect_is_the_notes_statement_that_it_is_false():
    # δ^L = ∇_a C lacks σ'(z^L): calling it incorrect is right (holds); the first is left unjudged
    text = PRE + f"$${BP1}$$\n$$\\delta^L = \\nabla_a C$$\nThe second of these is incorrect.\n"
    assert _status(text, r"\delta^L = \nabla_a C") == "holds"
    assert "call this formula wrong" in _reason(text, r"\delta^L = \nabla_a C")
    assert _status(text, BP1) == "uninterpretable"


def test_calling_the_true_second_formula_wrong_is_refuted():
    # BP1 is true: the notes' statement that it is wrong is false
    text = PRE + f"$${WRONG}$$\n$${BP1}$$\nThe second of these is wrong.\n"
    assert _status(text, BP1) == "refuted"
    assert _status(text, WRONG) == "uninterpretable"


def test_second_of_these_is_not_wrong_is_not_read_exactly():
    text = PRE + f"$${WRONG}$$\n$${BP1}$$\nThe second of these is not wrong.\n"
    assert _status(text, BP1) == "uninterpretable"


def test_the_former_in_the_next_sentence_is_read_as_going_back():
    text = PRE + f"We have ${WRONG}$. The former is wrong, of course.\n"
    assert _status(text, WRONG) == "uninterpretable"


def test_both_wrong_after_two_true_formulas_is_never_holds():
    text = PRE + f"Consider ${BP1}$ and $\\frac{{\\partial C}}{{\\partial b^l}} = \\delta^l$. Both are wrong.\n"
    assert _status(text, BP1) == "uninterpretable"


def test_both_without_a_judging_word_is_no_hazard():
    text = PRE + f"Consider ${BP1}$ and $\\frac{{\\partial C}}{{\\partial b^l}} = \\delta^l$. Both sides are vectors.\n"
    assert _status(text, BP1) == "holds"


def test_czech_second_of_them_is_wrong():
    text = PRE + f"$${BP1}$$\n$${WRONG}$$\nDruhý z nich je chybný.\n"
    assert _status(text, WRONG) == "holds"
    assert _status(text, BP1) == "uninterpretable"


def test_polish_second_of_them_is_wrong():
    text = PRE + f"$${BP1}$$\n$${WRONG}$$\nDrugi z nich jest błędny.\n"
    assert _status(text, WRONG) == "holds"  # the notes call the false one false
    assert _status(text, BP1) == "uninterpretable"


def test_russian_first_of_them_is_wrong_of_a_true_formula_is_refuted():
    text = PRE + f"$${BP1}$$\n$${WRONG}$$\nПервая из них неверна.\n"
    assert _status(text, BP1) == "refuted"


# -- the same said of another case -------------------------------------------------------------------------------

def test_same_is_true_for_the_output_layer_after_a_hidden_layer_formula():
    text = PRE + f"For the hidden layers, ${BP2}$ for $l < L$. The same is true for the output layer.\n"
    assert _status(text, BP2) == "uninterpretable"
    assert "The same is true for the output layer" in _reason(text, BP2)


def test_russian_same_is_true_for_the_output_layer():
    text = PRE + f"Для скрытых слоёв ${BP2}$ при $l < L$. То же самое верно и для выходного слоя.\n"
    assert _status(text, BP2) == "uninterpretable"


# -- the lexicon --------------------------------------------------------------------------------------------------

def test_hazard_names_the_kind_and_the_words():
    h = hazard_of("Suppose $x = 1$; otherwise $a = b$.", 1, "a = b")
    assert h is not None and h.kind == "a supposition"
    assert hazard_of("We have $a = b$. Then $c = d$.", 1, "a = b") is None


def test_assume_with_a_named_activation_is_the_notes_setup():
    # "Assume σ is the sigmoid": read by ``prosecost`` (the sigmoid named in words); judged as before (ambiguous:
    # it holds for the sigmoid, not for every σ)
    text = PRE + "Assume $\\sigma$ is the sigmoid, so $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$.\n"
    assert _status(text, "\\sigma'(z)") == "ambiguous"


def test_assume_a_cost_no_reader_reads_is_not_judged():
    text = PRE + f"Assume the absolute error is the cost; the output error is then ${BP1}$.\n"
    assert _status(text, BP1) == "uninterpretable"


def test_instead_of_a_gerund_is_a_way_of_writing():
    text = PRE + f"Instead of summing over $j$ we write ${BP1}$.\n"
    assert _status(text, BP1) == "holds"


def test_one_hot_or_counts_takes_no_one_hot_target():
    # softmax output, cross-entropy: δ^L = a^L − y needs Σ_k y_k = 1; a vector of counts does not sum to one
    pre = ("The output layer is a softmax layer, $a^L = \\mathrm{softmax}(z^L)$, and the cost is "
           "$C = -\\sum_j y_j \\log a^L_j$. ")
    assert _status(pre + f"The target $y$ is a one-hot vector.\n\nThe output error is ${WRONG}$.\n", WRONG) == "holds"
    assert _status(pre + f"The target $y$ is one-hot or a vector of counts.\n\nThe output error is ${WRONG}$.\n",
                   WRONG) != "holds"


def test_czech_same_holds_for_the_output_layer():
    text = PRE + f"Pro skryté vrstvy platí ${BP2}$ pro $l < L$. Totéž platí pro výstupní vrstvu.\n"
    assert _status(text, BP2) == "uninterpretable"


def test_polish_same_for_the_output_layer():
    text = PRE + f"Dla warstw ukrytych ${BP2}$ dla $l < L$. To samo dotyczy warstwy wyjściowej.\n"
    assert _status(text, BP2) == "uninterpretable"


def test_formula_true_only_under_the_supposed_cost_is_never_refuted():
    # δ^L = a^L − y is the cross-entropy's output error (sigmoid output): false under the notes' quadratic cost,
    # but the sentence states it under another cost, so a refute of the notes would be wrong too
    text = PRE + f"Had we chosen the cross-entropy with sigmoid outputs, the output error would simply be ${WRONG}$.\n"
    assert _status(text, WRONG) == "uninterpretable"


def test_same_sentence_restriction_read_by_layerwords_keeps_its_verdict():
    # "the same formula holds in the output layer" in its own sentence is ``layerwords``' to read: unchanged
    text = PRE + f"For the hidden layers, ${BP2}$ for $l < L$.\n"
    assert "not read by symbp" not in _reason(text, BP2)


# -- a naming -----------------------------------------------------------------------------------------------------

def test_we_write_for_names_and_is_no_claim():
    # δ^L = ∇_a C lacks σ'(z^L): false as a claim, refuted; named by "We write … for", it is notation, not judged
    assert _status(PRE + "The output error is $\\delta^L = \\nabla_a C$.\n", "\\delta^L = \\nabla_a C") == "refuted"
    text = PRE + "We write $\\delta^L = \\nabla_a C$ for the output error.\n"
    assert _status(text, "\\delta^L = \\nabla_a C") == "uninterpretable"
    assert "We write … for the output error" in _reason(text, "\\delta^L = \\nabla_a C")


def test_czech_naming_is_no_claim():
    text = PRE + "Označme $\\delta^L = \\nabla_a C$ výstupní chybu.\n"
    assert _status(text, "\\delta^L = \\nabla_a C") == "uninterpretable"
