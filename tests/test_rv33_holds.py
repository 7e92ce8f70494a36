r"""Review rv33: the newest readings attacked (activation words, one-hot words elsewhere, count words).

Truths by hand, quadratic cost C = ½‖a^L − y‖², a = σ(z): δ^L = (a − y) ⊙ σ'(z). For the logistic sigmoid s,
s' = s(1 − s), so SIGMOID_FORM δ^L = (a − y) ⊙ a ⊙ (1 − a) holds, and only then: for σ(z) = s(2z) σ' = 2σ(1 − σ); for
σ = s' = s(1 − s) (the sigmoid derivative), σ = softplus (whose derivative is the sigmoid), σ = s² or SiLU z·s(z), σ' is
not σ(1 − σ) at a generic point; for tanh σ' = 1 − σ², ≠ σ(1 − σ). The generic form with σ' holds for every σ.
"""

from __future__ import annotations

import pytest

from symbp.verify.activationwords import activation_said
from symbp.verify.notes import verify_text

HEAD = ("The forward pass is $z^{(l)} = w^{(l)} a^{(l-1)} + b^{(l)}$ and $a^{(l)} = \\sigma(z^{(l)})$, {words} "
        "The cost is $C = \\frac12 \\|a^{(L)} - y\\|^2$.\n\n")
SIGMOID_FORM = r"\delta^{(L)} = (a^{(L)} - y) \odot a^{(L)} \odot (1 - a^{(L)})"
TANH_FORM = r"\delta^{(L)} = (a^{(L)} - y) \odot (1 - (a^{(L)})^2)"
GENERIC_FORM = r"\delta^{(L)} = (a^{(L)} - y) \odot \sigma'(z^{(L)})"


def _rv33_statuses(words: str) -> list:
    text = HEAD.replace("{words}", words) + "".join(f"$${c}$$\n\n" for c in (SIGMOID_FORM, TANH_FORM, GENERIC_FORM))
    rows = {r.formula.text: r.result for r in verify_text(text).rows}
    return [rows[c].status for c in (SIGMOID_FORM, TANH_FORM, GENERIC_FORM)]


# A1: words after the name change the function named, or keep it to some layers, texts or parts
@pytest.mark.parametrize("words", [
    "where $\\sigma$ is sigmoid-like.",
    "where $\\sigma$ is a sigmoidal squashing function such as tanh.",
    "where $\\sigma$ is a sigmoid such as tanh.",
    "where $\\sigma$ is a sigmoid; we use tanh.",
    "where $\\sigma$ is the sigmoid or tanh.",
    "where $\\sigma$ is the sigmoid, or the ReLU.",
    "where $\\sigma$ is the sigmoid's cousin tanh.",
    "where $\\sigma$ is the logistic sigmoid squared.",
    "where $\\sigma$ is the sigmoid with slope 2.",
    "where $\\sigma$ is the sigmoid $1/(1+e^{-2z})$.",
    "where $\\sigma$ is a logistic function with gain $\\beta$.",
    "where $\\sigma$ is the sigmoid derivative.",
    "where $\\sigma$ is the logistic function's derivative.",
    "where $\\sigma$ is the sigmoid linear unit.",
    "where $\\sigma$ is the logistic sigmoid at the top.",
    "where $\\sigma$ is the logistic sigmoid for $l = L$.",
    "where $\\sigma$ is the logistic sigmoid of neuron $j$.",
    "kde $\\sigma$ je sigmoida pro poslední neurony.",
    "where $\\sigma$ is the logistic sigmoid in Chapter 1.",
    "In Chapter 1, $\\sigma$ is the sigmoid.",
    "where $\\sigma$ is the sigmoid in many textbooks.",
    "where $\\sigma$ is the sigmoid in the exercises.",
    "kde $\\sigma$ je sigmoida jako v kapitole 1.",
    "where $\\sigma$ is the sigmoid, but we will replace it by tanh.",
])
def test_rv33_words_after_the_name_that_change_it_never_make_the_sigmoid_form_hold(words):
    sigmoid, _, generic = _rv33_statuses(words)
    assert sigmoid != "holds" and generic == "holds"


# A2: the sentence is about another function of σ (its derivative, inverse, antiderivative)
@pytest.mark.parametrize("words", [
    "where the derivative of $\\sigma$ is the logistic sigmoid.",
    "where the inverse of $\\sigma$ is the logistic function.",
    "where the antiderivative of $\\sigma$ is the sigmoid.",
])
def test_rv33_a_sentence_about_the_derivative_of_sigma_does_not_bind_sigma(words):
    sigmoid, _, generic = _rv33_statuses(words)
    assert sigmoid != "holds" and generic == "holds"


# A3: σ(2z) is the sigmoid makes σ(u) = s(u/2); A4: tanh of 2z is not tanh
@pytest.mark.parametrize("words", ["where $\\sigma(2z)$ is the logistic sigmoid.",
                                   "where $\\sigma(z/2)$ is the logistic function."])
def test_rv33_sigma_of_another_argument_named_the_sigmoid_is_not_the_sigmoid(words):
    assert _rv33_statuses(words)[0] != "holds"


@pytest.mark.parametrize("words", ["where $\\sigma$ is the tanh of $2z$.",
                                   "where $\\sigma$ is the hyperbolic tangent scaled to (0,1)."])
def test_rv33_a_scaled_tanh_is_not_tanh(words):
    assert _rv33_statuses(words)[1] != "holds"


# A5: the words and a formula of another σ on the same line: σ(z) = s(2z) is no sigmoid
@pytest.mark.parametrize("words", [
    "where $\\sigma$ is the logistic sigmoid, $\\sigma(z) = \\frac{1}{1+e^{-2z}}$.",
    "where $\\sigma$ is the logistic sigmoid. We take $\\sigma(z) = \\frac{1}{1+e^{-2z}}$.",
    "where $\\sigma(z) = \\frac{1}{1+e^{-2z}}$. Here $\\sigma$ is the logistic sigmoid.",
])
def test_rv33_words_beside_a_formula_of_another_sigma_on_the_line_do_not_win(words):
    sigmoid, tanh, generic = _rv33_statuses(words)
    assert sigmoid != "holds" and tanh != "holds" and generic == "holds"


# the plain bindings still bind (recall kept)
@pytest.mark.parametrize("words", [
    "where $\\sigma$ is the logistic sigmoid, $\\sigma(z) = \\frac{1}{1+e^{-z}}$.",
    "where $\\sigma$ is the logistic sigmoid and $\\eta$ is the rate.",
    "where $\\sigma$ is the sigmoid activation function.",
    "where $\\sigma$ is the sigmoid, applied elementwise.",
    "where the activation $\\sigma$ is the sigmoid.",
    "where $\\sigma$ is the sigmoid and $\\phi$ is the tanh.",
])
def test_rv33_plain_bindings_still_bind_sigma_to_the_sigmoid(words):
    assert _rv33_statuses(words) == ["holds", "refuted", "holds"]


def test_rv33_the_english_sigmoidal_is_no_binding_but_the_polish_one_is():
    assert activation_said("Here $\\sigma$ is a sigmoidal function.", r"\sigma") == []
    assert [d.value for d in activation_said("gdzie $\\sigma$ to funkcja sigmoidalna.", r"\sigma")] == ["sigmoid"]


# O1: the one-hot target placed elsewhere (another chapter, an exercise, a task) is no assumption here. By hand,
# L = −Σ_k t_k log y_k, y = softmax(u): ∂L/∂u_j = y_j Σ_k t_k − t_j, which is y − t only when Σ_k t_k = 1: refuted
# for every t (e.g. t = (1, 1): y_1·2 − 1 ≠ y_1 − 1), conditional under a one-hot assumption the notes make.
SOFTMAX_NOTES = ("# Softmax\n\nLet $u = W x$, $y = \\operatorname{softmax}(u)$ and $L = -\\sum_k t_k \\log y_k$.\n\n"
                 "{words}\n\n$$\\frac{\\partial L}{\\partial u} = y - t$$\n")


def _rv33_softmax_status(words: str) -> str:
    rows = [r for r in verify_text(SOFTMAX_NOTES.replace("{words}", words)).rows if "partial" in r.formula.text]
    return rows[0].result.status


@pytest.mark.parametrize("words", [
    "$t$ is one-hot in the third chapter.",
    "$t$ is one-hot in Chapter three.",
    "$t$ is one-hot (Exercise 2).",
    "$t$ is one-hot in tutorial 4.",
    "$t$ is one-hot in Task 2.",
    "$t$ is one-hot on the problem sheet.",
    "Cíl $t$ je one-hot vektor v úloze 3.",
    "Cel $t$ jest wektorem one-hot w zadaniu 3.",
    "Цель $t$ — one-hot вектор в задаче 3.",
    "## Exercises\n\n1. Assume $t$ is one-hot and simplify.\n\n## Gradients",
])
def test_rv33_a_one_hot_target_said_elsewhere_is_not_assumed(words):
    assert _rv33_softmax_status(words) == "refuted"


@pytest.mark.parametrize("words", ["Here $t$ is a one-hot vector.", "In this section, $t$ is one-hot.",
                                   "# Exercises done\n\n## Gradients\n\nHere $t$ is a one-hot vector."])
def test_rv33_a_one_hot_target_of_these_notes_is_assumed(words):
    assert _rv33_softmax_status(words) == "conditional"


def test_rv33_the_number_of_entries_is_a_count_not_a_vector():
    """O2: "$n$ is the number of entries of $y$" made n a vector and nothing was judged. By hand, y = W x (2 entries),
    L = ‖y − t‖²/(2n): ∂L/∂y = (y − t)/n and ∂L/∂W = (y − t)xᵀ/n; without 1/n both are false (n = 2 here)."""
    text = ("# Mean\n\nLet $x$ be a column vector with 3 entries and $W$ a $2 \\times 3$ matrix. Here $n$ is the number "
            "of entries of $y$. Let $y = W x$ and $L = \\frac{1}{2n} \\|y - t\\|^2$.\n\n"
            "$$\\frac{\\partial L}{\\partial y} = \\frac{1}{n}(y - t)$$\n\n$$\\frac{\\partial L}{\\partial y} = y - t$$\n\n"
            "$$\\frac{\\partial L}{\\partial W} = \\frac{1}{n}(y - t) x^T$$\n\n$$\\frac{\\partial L}{\\partial W} = (y - t) x^T$$\n")
    got = [r.result.status for r in verify_text(text).rows if "partial" in r.formula.text]
    assert got == ["holds", "refuted", "holds", "refuted"]
