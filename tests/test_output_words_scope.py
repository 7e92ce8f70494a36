r"""Words on the output layer's activation that do not state the notes' model never make BP1 hold (review rv53 F4, F5,
F13, F16, F17, F18; ``outputplain``).

The notes (rv53's template): the quadratic cost C = ½ Σ_j (a^L_j − y_j)², "the activation σ" (generic), one sentence
of words, then a claim about δ^L. Hand truth (``test_the_hand_truths``: SymPy differentiation, one output neuron):

* σ at the output: δ^L = (a^L − y) σ'(z^L), so δ^L = a^L − y is false (σ generic), and so is
  δ^L = (a^L − y)(1 − (a^L)²) (σ' ≠ 1 − σ² for a generic σ; for the sigmoid at z = 0, σ' = 1/4 and 1 − σ² = 3/4);
* a linear output (f(z) = z): δ^L = a^L − y; a tanh output: δ^L = (a^L − y)(1 − (a^L)²).

Only a plain sentence whose subject is the output layer states the model ("The output layer is linear."); a sentence
about another layer, a question, a supposition, an exception, a quantifier over the layers, another chapter, a
library's default, inline code, … leaves the claims that depend on the output layer not judged (uninterpretable),
and a plain denial ("Výstupní vrstva není lineární.") leaves σ at the output (refuted). Words honoured reach the claims
from their line on: a claim before them is not judged.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

HEAD = ("# Backpropagation\n\nWe use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$ and the activation "
        "$\\sigma$.\n")
LINEAR = r"\delta^L = a^L - y"
TANH = r"\delta^L = (a^L - y) \odot (1 - (a^L)^2)"
UNREAD = "cannot read as the model"


def _status(words: str, claim: str) -> "tuple[str, str]":
    text = f"{HEAD}{words}\n\nThe output error is\n\n$${claim}.$$\n"
    row = next(r.result for r in verify_text(text, "auto").rows if r.formula.text.rstrip(".") == claim)
    return row.status, row.reason


def test_the_hand_truths():
    z, y = sympy.symbols("z y", real=True)
    sigma = sympy.Function("sigma")

    def delta(f):
        return sympy.diff((f(z) - y) ** 2 / 2, z)

    assert sympy.simplify(delta(sigma) - (sigma(z) - y) * sympy.Derivative(sigma(z), z)) == 0
    assert sympy.simplify(delta(sigma) - (sigma(z) - y)) != 0  # δ^L = a^L − y is false under σ at the output
    assert sympy.simplify(delta(lambda t: t) - (z - y)) == 0  # … true under a linear output
    assert sympy.simplify(delta(sympy.tanh) - (sympy.tanh(z) - y) * (1 - sympy.tanh(z) ** 2)) == 0
    s = 1 / (1 + sympy.exp(-z))  # the sigmoid at z = 0: σ' = 1/4, 1 − σ² = 3/4
    assert sympy.diff(s, z).subs(z, 0) == sympy.Rational(1, 4) and (1 - s**2).subs(z, 0) == sympy.Rational(3, 4)


@pytest.mark.parametrize("words", [
    "The layer before the output layer is linear.",                              # h4: another layer
    "Only the output layer is nonlinear; every other layer is linear.",         # h5
    "Should the output layer be linear? We do not think so.",                   # l2: a question
    "Is the output layer linear? No.",                                          # l5
    "Making the output layer linear is tempting.",                              # l6
    "The output layer is linear only in Chapter 5.",                            # l9: another chapter
    "In Keras the output layer is linear by default.",                          # l11: a library
    "The output layer has no activation other than $\\sigma$.",                 # na1
    "The output layer has no activation of its own: it applies $\\sigma$ like the others.",  # na4
    "No layer, the output layer included, is linear.",                          # na3
    "We use it as is (see `output_layer_is_linear = False` in the code).",      # cm4: inline code
    "The output layer is never linear.",
    "Výstupní vrstva nemá jinou aktivaci než $\\sigma$.",
    "Every hidden layer is linear, but the output layer is not.",
])
def test_words_that_do_not_state_a_linear_output_never_make_delta_a_minus_y_hold(words):
    status, reason = _status(words, LINEAR)
    assert status in ("uninterpretable", "refuted"), (status, reason)
    if status == "uninterpretable":
        assert UNREAD in reason and "“" in reason, reason


@pytest.mark.parametrize("words", [
    "Every layer except the output layer uses tanh.",                           # k3: the exception
    "The output layer uses tanh in the next chapter; here it uses the sigmoid.",  # k4
    "Does the output layer use tanh? No.",                                      # m1
    "Using tanh in the output layer is tempting.",                              # m2
    "The output layer uses tanh only in Chapter 5.",                            # m3
    "In PyTorch tutorials the output layer uses tanh.",                         # m4
    "Все слои, кроме выходного слоя, используют tanh.",
    "Wszystkie warstwy oprócz warstwy wyjściowej używają tanh.",
])
def test_words_that_do_not_state_a_tanh_output_never_make_its_delta_hold(words):
    status, reason = _status(words, TANH)
    assert status != "holds", reason
    assert status in ("uninterpretable", "ambiguous", "refuted"), (status, reason)


@pytest.mark.parametrize("words", [
    "The output layer is not linear.",
    "Výstupní vrstva není lineární.",                                           # h7: cs negation
    "Выходной слой не является линейным.",
    "Warstwa wyjściowa nie jest liniowa.",
])
def test_a_plain_denial_leaves_sigma_at_the_output(words):
    status, reason = _status(words, LINEAR)
    assert status == "refuted", (status, reason)


@pytest.mark.parametrize("words", ["Výstupní vrstva nepoužívá tanh.", "Warstwa wyjściowa nie używa tanh.",
                                   "Выходной слой не использует tanh.", "The output layer does not use tanh."])
def test_a_denied_tanh_is_never_honoured(words):
    assert _status(words, TANH)[0] != "holds"


# -- controls: plain statements are still read ------------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "The output layer is linear.",
    "In these notes, the output layer is linear.",
    "Here, the output layer is the identity.",
    "Výstupní vrstva je lineární.",
    "Výstupní vrstva nemá aktivační funkci.",
    "Выходной слой линейный.",
    "Warstwa wyjściowa jest liniowa.",
    "The hidden layers apply $\\sigma$, while the output layer is linear (no activation).",
])
def test_a_plain_linear_output_makes_delta_a_minus_y_hold(words):
    status, reason = _status(words, LINEAR)
    assert status == "holds", (status, reason)


@pytest.mark.parametrize("words", ["The output layer uses tanh.", "The hidden layers are linear and the output layer uses tanh."])
def test_a_plain_tanh_output_makes_its_delta_hold(words):
    status, reason = _status(words, TANH)
    assert status == "holds", (status, reason)


def test_fenced_code_is_not_what_the_notes_say():
    words = "```python\n# the output layer is linear\nmodel.add(Dense(3))\n```"
    assert _status(words, LINEAR)[0] == "refuted"


# -- where the words stand: from their line on ------------------------------------------------------------------------

def test_plain_words_after_a_claim_do_not_reach_back_to_it():
    text = (f"{HEAD}\nThe output error is\n\n$${LINEAR}.$$\n\nThe output layer is linear.\n\nAgain,\n\n"
            "$$\\delta^L = a^L - y,$$\n")
    rows = [r.result for r in verify_text(text, "auto").rows if r.formula.text.startswith(r"\delta^L")]
    assert [r.status for r in rows] == ["uninterpretable", "holds"], [(r.status, r.reason) for r in rows]
    assert "only later, at line 9" in rows[0].reason, rows[0].reason


def test_words_after_the_claim_in_an_example_are_not_the_notes():  # rv53 F17, bk2.md
    text = ("# Backpropagation\n\nWe use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$. The output error "
            f"is\n\n$${LINEAR}.$$\n\n**Example.** Take a network whose output layer is linear.\n")
    row = next(r.result for r in verify_text(text, "auto").rows if r.formula.text.startswith(r"\delta^L"))
    assert row.status != "holds", row.reason


@pytest.mark.parametrize("words,status", [
    ("Should the output layer be a softmax? No.", "uninterpretable"),
    ("In Keras the output layer is a softmax by default.", "uninterpretable"),
    ("The output layer is a softmax.", "holds"),  # control: symbp's softmax cross-entropy model
])
def test_a_softmax_asked_or_of_another_network_is_not_the_model(words, status):
    # C = −Σ_k y_k ln a^L_k, y one-hot: under a softmax output δ^L = a^L − y; under σ at the output
    # δ^L_j = −(y_j / a^L_j) σ'(z^L_j), which is not a^L_j − y_j (e.g. y_j = 0: 0 ≠ a^L_j)
    head = ("# Backpropagation\n\nWe use the log-likelihood cost $C = -\\sum_k y_k \\ln a^L_k$, where $y$ is one-hot, "
            "and the activation $\\sigma$.\n")
    text = f"{head}{words}\n\nThe output error is\n\n$${LINEAR}.$$\n"
    row = next(r.result for r in verify_text(text, "auto").rows if r.formula.text.startswith(r"\delta^L"))
    assert row.status == status, (row.status, row.reason)


def test_plain_words_reach_the_formulas_of_their_own_paragraph():
    # the forward pass written just before the words, in their paragraph: σ below L holds, L is the words' (identity)
    text = ("# Backpropagation\n\nWe use $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$.\n"
            "The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$.\nThe output layer is linear.\n\n$$\\delta^L = a^L - y$$\n")
    rows = {r.formula.text: r.result for r in verify_text(text, "auto").rows}
    assert rows[r"a^l = \sigma(z^l)"].status == "holds", rows[r"a^l = \sigma(z^l)"].reason
    assert "at l = L it is not judged" in rows[r"a^l = \sigma(z^l)"].reason
    assert rows[r"\delta^L = a^L - y"].status == "holds"
