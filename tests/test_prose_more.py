r"""Review rv42: prose around formulas that was misread (false refutes 1–8, false holds 9–11), against hand truths.

Truth by hand.

* Layered notes z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖² (``HEAD``): ∇_a C = a^L − y, so
  δ^L = (a^L − y) ⊙ σ'(z^L) (BP1, ``TRUE``) and not twice that (``FALSE``; ``fd_delta_output`` decides both by
  central differences); δ^L = ∇_a C lacks the factor σ'(z^L) and is false for a general σ; ∂C/∂b^L = δ^L (BP3).
  With σ the identity (σ' = 1) δ^L = a^L − y; for a general σ it is not. With b^l = 0, z^l = w^l a^{l-1}.
  tanh' = 1 − tanh², so σ'(z) = 1 − σ(z)² holds for σ = tanh and not for a general σ.
* Graph notes g = W x, W 2×2: ∂g_1/∂x_2 = w_12, which is w_21 only under the tie w_12 = w_21; never w_22.
* Softmax output a^L_j = e^{z_j} / Σ_k e^{z_k} with C = −Σ_k y_k ln a^L_k: ∂C/∂z^L_j = a^L_j Σ_k y_k − y_j
  (``_softmax_gradient`` checks it with SymPy), a^L_j − y_j exactly when Σ_k y_k = 1 — for a probability vector y,
  not for a vector of counts. There a^L = softmax(z^L) is no σ(z^L) entrywise: a^l = σ(z^l) holds for l < L only.
"""

from __future__ import annotations

import pytest
import sympy

from negation_cases import FALSE, HEAD, TRUE, fd_delta_output
from symbp.verify.notes import verify_text


def _results(text: str) -> dict:
    """formula as written -> [status of each row and filed formula of it] (filed ones by their bucket)."""
    report = verify_text(text, "auto")
    out: dict = {}
    for r in report.rows:
        out.setdefault(" ".join((r.formula.source or r.formula.text).split()).rstrip(".,;"), []).append(r.result.status)
    for f in report.skipped:
        out.setdefault(" ".join((f.source or f.text).split()).rstrip(".,;"), []).append(f.kind)
    return out


def test_the_oracle_tells_true_from_false():
    assert fd_delta_output(1.0) and not fd_delta_output(2.0)


# -- 1: a denial with its correction in the same sentence, a denial after a statement of two formulas ------------

@pytest.mark.parametrize("sentence", [
    f"It is not true that ${FALSE}$; rather ${TRUE}$.",
    f"It is not true that ${FALSE}$, but ${TRUE}$.",
    f"It is not true that\n$${FALSE};$$\nrather\n$${TRUE}.$$",
])
def test_rv42_denial_and_correction_in_one_sentence(sentence):
    got = _results(HEAD + sentence + "\n")
    assert got[FALSE] == ["holds"] and got[TRUE] == ["holds"]  # the denial is right; the correction is BP1


def test_rv42_denial_of_the_true_formula_before_a_wrong_correction():
    got = _results(HEAD + f"It is not true that ${TRUE}$; rather ${FALSE}$.\n")
    assert got[TRUE] == ["refuted"] and got[FALSE] == ["refuted"]


BP3 = r"\frac{\partial C}{\partial b^L} = \delta^L"


@pytest.mark.parametrize("denied, want", [(FALSE, "holds"), (TRUE, "refuted"), (r"\delta^L = \nabla_a C", "holds")])
def test_rv42_denial_after_a_statement_of_two_formulas(denied, want):
    # the first formula is a longer one that starts as the denied \delta^L = \nabla_a C (it was found there)
    sentence = (r"We have $\delta^L = \nabla_a C \odot \sigma'(z^L)$ and $" + BP3 + "$, but it is not true that $"
                + denied + "$.")
    got = _results(HEAD + sentence + "\n")
    assert got[denied] == [want]
    assert got[BP3] == ["holds"]  # the words "but it is not true" open the next denial: BP3 is stated


def test_rv42_denial_after_a_condition_is_still_not_judged():
    got = _results(HEAD + f"For $l = L$ and $j = 1$, but it is not true that ${FALSE}$.\n")
    assert got[FALSE] == ["uninterpretable"]


# -- 2: a question that asks only why --------------------------------------------------------------------------

TANH = r"\sigma(z) = \tanh(z)"
PRIME = r"\sigma'(z) = 1 - \sigma(z)^2"


@pytest.mark.parametrize("sentence", [
    f"Our activation is ${TANH}$ — why? Then ${PRIME}$.",
    f"Our activation is ${TANH}$ (why?), so ${PRIME}$.",
    f"Naše aktivace je ${TANH}$ — proč? Pak ${PRIME}$.",
])
def test_rv42_why_asked_of_a_definition_keeps_it(sentence):
    got = _results(HEAD + sentence + "\n")
    assert got[PRIME] == ["holds"]  # tanh' = 1 − tanh²
    wrong = _results(HEAD + sentence.replace("1 - ", "1 + ") + "\n")
    assert wrong[PRIME.replace("1 - ", "1 + ")] == ["refuted"]


def test_rv42_a_real_question_still_defines_nothing():
    got = _results(HEAD + f"Exercise: what changes with ${TANH}$?\n\nHere ${PRIME}$.\n")
    assert got[TANH] == ["prose"] and got[PRIME] == ["refuted"]  # σ stays general


# -- 3: an assumption for the rest of the notes -----------------------------------------------------------------

GRAPH = "Let $x$ be a column vector with two entries and $W$ a $2 \\times 2$ matrix.\n\n$$g = W x$$\n\n"
G12 = r"\frac{\partial g_1}{\partial x_2}"


@pytest.mark.parametrize("words", ["For the rest of these notes,", "Until the end of the notes,", "Do konce textu platí"])
def test_rv42_tie_for_the_rest_of_the_notes_is_an_assumption(words):
    got = _results(GRAPH + f"{words} $w_{{12}} = w_{{21}}$. Then ${G12} = w_{{21}}$.\n")
    assert got[f"{G12} = w_{{21}}"] == ["conditional"]  # true under the tie, not for every W
    wrong = _results(GRAPH + f"{words} $w_{{12}} = w_{{21}}$. Then ${G12} = w_{{22}}$.\n")
    assert wrong[f"{G12} = w_{{22}}"] == ["refuted"]


def test_rv42_tie_of_an_example_is_not_assumed():
    got = _results(GRAPH + f"For example, $w_{{12}} = w_{{21}}$. Then ${G12} = w_{{21}}$.\n")
    assert got[f"{G12} = w_{{21}}"] == ["refuted"]


@pytest.mark.parametrize("words", ["For the rest of these notes,", "We assume", "Throughout,"])
def test_rv42_layered_value_assumed_is_never_refuted(words):
    got = _results(HEAD + f"{words} $b^l = 0$. Then $z^l = w^l a^{{l-1}}$.\n")
    assert got["b^l = 0"] == ["definition"] and got["z^l = w^l a^{l-1}"] == ["uninterpretable"]


def test_rv42_layered_value_not_assumed_leaves_the_claim_refuted():
    got = _results(HEAD + "We do not assume $b^l = 0$. Then $z^l = w^l a^{l-1}$.\n")
    assert got["b^l = 0"] == ["prose"] and got["z^l = w^l a^{l-1}"] == ["refuted"]


# -- 4 and 11: the hidden layers, the output layer put off or claimed too -----------------------------------------

SOFTMAX = ("# Softmax\n\n{sentence}\nthe output layer is a softmax, $$a^L_j = \\frac{{e^{{z^L_j}}}}{{\\sum_k e^{{z^L_k}}}},$$\n"
           "with the cost $C = -\\sum_k y_k \\ln(a^L_k)$.\n")
ACT = r"a^l = \sigma(z^l)"


def _softmax(sentence: str) -> dict:
    return _results(SOFTMAX.format(sentence=sentence))


@pytest.mark.parametrize("sentence", [
    f"For the hidden layers (the output layer is treated below), ${ACT}$;",
    f"For the hidden layers (we treat the output layer later), ${ACT}$;",
    f"For the hidden layers — the output layer comes later — ${ACT}$;",
    f"For the hidden layers, ${ACT}$. The same is not true for the output layer.",
])
def test_rv42_output_layer_put_off_keeps_the_restriction(sentence):
    assert _softmax(sentence)[ACT] == ["holds"]  # l < L


@pytest.mark.parametrize("sentence", [
    f"For the hidden layers (and the output layer), ${ACT}$;",
])
def test_rv42_output_layer_named_with_them_is_not_left_out(sentence):
    assert _softmax(sentence)[ACT] == ["refuted"]  # claimed at L too, where a^L is the softmax


def test_rv42_wrong_formula_stays_refuted_with_the_output_layer_put_off():
    got = _softmax(r"For the hidden layers (the output layer is treated below), $a^l = \sigma(z^{l-1})$;")
    assert got[r"a^l = \sigma(z^{l-1})"] == ["refuted"]


@pytest.mark.parametrize("sentence", [
    f"For the hidden layers, ${ACT}$. The same is true for the output layer.",
    f"For the hidden layers, ${ACT}$. This also holds in the output layer.",
    f"Pro skryté vrstvy je ${ACT}$. Totéž platí pro výstupní vrstvu.",
])
def test_rv42_the_same_said_of_the_output_layer_next_never_holds(sentence):
    assert _softmax(sentence)[ACT] == ["uninterpretable"]  # false at L, true for l < L: the words are not read


# -- 5: a special case of the activation --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"In the special case of the identity activation, $\delta^L = a^L - y$.",
    r"For the identity activation, $\delta^L = a^L - y$.",
    r"In the special case $\sigma(z) = z$, $\delta^L = a^L - y$.",
])
def test_rv42_special_case_of_the_activation_is_never_refuted(sentence):
    assert _results(HEAD + sentence + "\n")[r"\delta^L = a^L - y"] == ["uninterpretable"]


def test_rv42_supposed_activation_never_becomes_the_model():
    got = _results(HEAD + "If $\\sigma(z) = z$, then $\\delta^L = a^L - y$.\n\nIn general, $\\delta^L = a^L - y$.\n")
    assert got[r"\sigma(z) = z"] == ["definition"]  # the supposition's condition
    assert got[r"\delta^L = a^L - y"] == ["uninterpretable", "refuted"]  # under it; then for a general σ


def test_rv42_activation_the_notes_use_is_the_model():
    got = _results(HEAD + "We use $\\sigma(z) = z$. Then $\\delta^L = a^L - y$.\n")
    assert got[r"\delta^L = a^L - y"] == ["holds"]


@pytest.mark.parametrize("claim, want", [("z^l = w^l a^{l-1}", "uninterpretable"), ("z^l = w^l a^{l-1} + 2", "uninterpretable")])
def test_rv42_supposed_value_before_a_comma_is_the_condition(claim, want):
    got = _results(HEAD + f"If $b^l = 0$, ${claim}$.\n")
    assert got["b^l = 0"] == ["definition"] and got[claim] == [want]  # never refuted as the notes' claim


# -- 6: double negatives -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["It is not false that", "It is not incorrect that", "Это не неверно, что",
                                   "Nie jest nieprawdą, że", "Není nepravda, že"])
def test_rv42_double_negative_states_the_formula(words):
    assert _results(HEAD + f"{words} ${TRUE}$.\n")[TRUE] == ["holds"]
    assert _results(HEAD + f"{words} ${FALSE}$.\n")[FALSE] == ["refuted"]


@pytest.mark.parametrize("after", ["is not false", "is not wrong"])
def test_rv42_double_negative_after_the_formula(after):
    assert _results(HEAD + f"${TRUE}$ {after}.\n")[TRUE] == ["holds"]
    assert _results(HEAD + f"${FALSE}$ {after}.\n")[FALSE] == ["refuted"]


# -- 7: "This formula is wrong:" before two displays -----------------------------------------------------------------

@pytest.mark.parametrize("words, between", [
    ("This formula is wrong:", ""), ("Wrong:", ""), ("This formula is wrong:", "The correct one is\n"),
])
def test_rv42_wrong_before_two_displays_denies_the_first(words, between):
    got = _results(HEAD + f"{words}\n$${FALSE}$$\n{between}$${TRUE}$$\n")
    assert got[FALSE] == ["holds"] and got[TRUE] == ["holds"]  # the first is wrong; the second is the correction


def test_rv42_wrong_before_two_displays_true_first():
    got = _results(HEAD + f"This formula is wrong:\n$${TRUE}$$\n$${FALSE}$$\n")
    assert got[TRUE] == ["refuted"] and got[FALSE] == ["refuted"]


def test_rv42_display_condition_after_a_denial_is_still_not_read():
    got = _results(HEAD + f"This formula is wrong:\n$${FALSE}$$\n$$l = L$$\n")
    assert got[FALSE] == ["uninterpretable"]


# -- 8 and 10: probability vectors, and one-hot as one of two cases ------------------------------------------------

SOFTMAX_CE = ("# Softmax\n\nThe hidden layers are $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$ for $l < L$; the "
              "output layer is a softmax, $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$, and the cost is\n"
              "$$C = -\\sum_k y_k \\ln(a^L_k)$$\n")
RIGHT = r"\frac{\partial C}{\partial b^L_j} = a^L_j - y_j"
BACKWARDS = r"\frac{\partial C}{\partial b^L_j} = y_j - a^L_j"


def _softmax_gradient(sum_to_one: bool) -> bool:
    """Is ∂C/∂z_1 = a_1 − y_1 for C = −Σ y_k ln softmax(z)_k (3 outputs), with Σ y = 1 or for every y?"""
    z, y = sympy.symbols("z1:4"), list(sympy.symbols("y1:4"))
    if sum_to_one:
        y[2] = 1 - y[0] - y[1]
    total = sum(sympy.exp(v) for v in z)
    a = [sympy.exp(v) / total for v in z]
    cost = -sum(y[k] * sympy.log(a[k]) for k in range(3))
    return sympy.simplify(sympy.diff(cost, z[0]) - (a[0] - y[0])) == 0


@pytest.mark.parametrize("words", ["The target $y$ is a probability vector.", "The target $y$ is a probability distribution.",
                                   "The entries of the target $y$ sum to one.", "Cíl $y$ je pravděpodobnostní vektor."])
def test_rv42_probability_vector_targets_sum_to_one(words):
    assert _softmax_gradient(True) and not _softmax_gradient(False)
    assert _results(SOFTMAX_CE + words + f"\n$${RIGHT}$$\n")[RIGHT] == ["holds"]
    assert _results(SOFTMAX_CE + words + f"\n$${BACKWARDS}$$\n")[BACKWARDS] == ["refuted"]


@pytest.mark.parametrize("words", ["The target $y$ is not a probability vector.", "The target $y$ is a vector of counts.",
                                   "The target $y$ is one-hot or a vector of counts.",
                                   "The target $y$ is either one-hot or a vector of counts.",
                                   "Cíl $y$ je one-hot vektor nebo vektor četností."])
def test_rv42_targets_that_may_not_sum_to_one(words):
    assert _results(SOFTMAX_CE + words + f"\n$${RIGHT}$$\n")[RIGHT] == ["refuted"]


def test_rv42_one_hot_alone_is_still_the_assumption():
    assert _results(SOFTMAX_CE + f"The target $y$ is a one-hot vector.\n$${RIGHT}$$\n")[RIGHT] == ["holds"]


# -- 9: a wrong δ^L said as "we write" ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "We write ${f}$ for the output error.", "Define the output error ${f}$.", "We call ${f}$ the output error.",
])
def test_rv42_we_write_a_wrong_output_error_is_a_slip(sentence):
    slip = r"\delta^L = \nabla_a C"
    # "We write … for" is a naming the guard (``unreadwords``) does not read: the slip is left unjudged there, never
    # held; "Define" and "We call" are read as definitions, and the slip is refuted
    expected = ["uninterpretable"] if sentence.startswith("We write") else ["refuted"]
    assert _results(HEAD + sentence.format(f=slip) + "\n")[slip] == expected
    if not sentence.startswith("We write"):
        assert _results(HEAD + sentence.format(f=TRUE) + "\n")[TRUE] == ["holds"]
