r"""The output layer's activation named in words, otherwise than σ, is honoured at layer L (issue 12/14, ``outputact``).

Notes bind σ for the layers in general (``a^l = \sigma(z^l)``, σ the logistic sigmoid) and name the output layer's
activation in words: "the output layer is linear", "… uses tanh", "výstupní vrstva je lineární", "выходной слой
линейный", "warstwa wyjściowa jest liniowa", "na wyjściu softmax". symbp applied σ at layer L too, so
``\delta^L = (a^L - y) \odot \sigma'(z^L)`` held for a linear output.

Hand truth (``_delta_L`` checks each with SymPy): with C = ½‖a^L − y‖² and a^L = f(z^L) entrywise,
δ^L = (a^L − y) ⊙ f'(z^L), so

* linear, f(z) = z: δ^L = a^L − y; (a^L − y) ⊙ σ'(z^L) with σ the sigmoid is not it (σ' < 1/4 everywhere);
* tanh: f' = 1 − f², δ^L = (a^L − y) ⊙ (1 − (a^L)²); the sigmoid's a^L(1 − a^L) is not it;
* sigmoid (σ = tanh at the hidden layers): f' = f(1 − f), δ^L = (a^L − y) ⊙ a^L ⊙ (1 − a^L); 1 − (a^L)² is not;
* relu: f'(z) = [z > 0], so δ^L ⊙ a^L = (a^L − y) ⊙ a^L (f'·f = f), while δ^L = a^L − y fails where z^L < 0;
* softmax with C = −Σ_k y_k ln a^L_k and a one-hot y: δ^L = a^L − y, and σ'(z^L) has no place in it.

σ written at layer L beside such words (``a^L = \sigma(z^L)``, ``\sigma'(z^L)``) is where the formula and the words
disagree: never "holds", its reason names both.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

SIGMOID = "where $\\sigma$ is the logistic sigmoid"
TANH = "where $\\sigma$ is the hyperbolic tangent"
QUADRATIC = "The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$."
BP1_SIGMA = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"


def _notes(words: str, *claims: str, sigma: str = SIGMOID, cost: str = QUADRATIC) -> str:
    return (f"# Backpropagation\n\nWe use $z^l = w^l a^{{l-1}} + b^l$ and $a^l = \\sigma(z^l)$, {sigma}.\n{cost}\n"
            f"{words}\n\n" + "".join(f"$${c}$$\n\n" for c in claims))


def _rows(text: str) -> dict:
    report = verify_text(text, "auto")
    rows = {r.formula.text: r.result for r in report.rows}
    rows.update({f.text: f for f in report.skipped if f.kind == "definition"})
    return rows


def _delta_L(f):
    """δ^L = ∂C/∂z of one output neuron, C = ½(f(z) − y)², by direct differentiation, as a function of (a, y, z)."""
    z, y = sympy.symbols("z y", real=True)
    return sympy.diff((f(z) - y) ** 2 / 2, z), z, y


def _same(f, candidate) -> bool:
    truth, z, y = _delta_L(f)
    return sympy.simplify(truth - candidate(f(z), y, z)) == 0


def _sigmoid(z):
    return 1 / (1 + sympy.exp(-z))


def test_the_hand_truths_are_direct_differentiation():
    assert _same(lambda z: z, lambda a, y, z: a - y)
    assert not _same(lambda z: z, lambda a, y, z: (a - y) * _sigmoid(z) * (1 - _sigmoid(z)))
    assert _same(sympy.tanh, lambda a, y, z: (a - y) * (1 - a**2))
    assert not _same(sympy.tanh, lambda a, y, z: (a - y) * a * (1 - a))
    assert _same(_sigmoid, lambda a, y, z: (a - y) * a * (1 - a))
    assert not _same(_sigmoid, lambda a, y, z: (a - y) * (1 - a**2))
    # relu, f'(z) = [z > 0]: δ·a = (a − y)·a on both sides of 0; δ = a − y fails where z < 0 (δ = 0 there, a − y = −y)
    delta, z, y = _delta_L(lambda t: sympy.Max(0, t))
    for point in ({z: 2, y: sympy.Rational(1, 3)}, {z: -2, y: sympy.Rational(1, 3)}):
        a = sympy.Max(0, z).subs(point)
        assert delta.subs(point) * a == (a - point[y]) * a
    assert delta.subs({z: -2, y: sympy.Rational(1, 3)}) != -sympy.Rational(1, 3)


# -- linear (identity) output, in the four languages -------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "The output layer is linear.",                      # en
    "Výstupní vrstva je lineární.",                     # cs
    "Выходной слой линейный.",                           # ru
    "Warstwa wyjściowa nie ma funkcji aktywacji.",      # pl
])
def test_a_linear_output_said_in_words_makes_delta_L_a_minus_y(words):
    rows = _rows(_notes(words, r"\delta^L = a^L - y", BP1_SIGMA, r"\delta^L = 2(a^L - y)"))
    assert rows[r"\delta^L = a^L - y"].status == "holds", rows[r"\delta^L = a^L - y"].reason
    wrong = rows[BP1_SIGMA]
    assert wrong.status == "uninterpretable", (wrong.status, wrong.reason)
    assert "against the words at line 5" in wrong.reason and "identity" in wrong.reason and "sigmoid" in wrong.reason
    assert rows[r"\delta^L = 2(a^L - y)"].status == "refuted"


def test_bp2_below_a_linear_output_still_holds():
    bp2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"
    assert _rows(_notes("The output layer is linear.", bp2))[bp2].status == "holds"


# -- tanh and the sigmoid at the output, another σ at the hidden layers ---------------------------------------------

@pytest.mark.parametrize("words", ["The output layer uses $\\tanh$.", "Výstupní vrstva používá hyperbolický tangens."])
def test_a_tanh_output_under_a_sigmoid_sigma(words):
    true, wrong = r"\delta^L = (a^L - y) \odot (1 - (a^L)^2)", r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"
    rows = _rows(_notes(words, true, wrong, BP1_SIGMA))
    assert rows[true].status == "holds", rows[true].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason
    assert rows[BP1_SIGMA].status == "uninterpretable"  # before: held, BP1 with the hidden layers' σ'


@pytest.mark.parametrize("words", ["В выходном слое используется логистическая функция.",
                                   "Na wyjściu jest funkcja logistyczna."])
def test_a_sigmoid_output_under_a_tanh_sigma(words):
    true, wrong = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)", r"\delta^L = (a^L - y) \odot (1 - (a^L)^2)"
    rows = _rows(_notes(words, true, wrong, sigma=TANH))
    assert rows[true].status == "holds", rows[true].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason


def test_a_relu_output_under_a_sigmoid_sigma():
    true, wrong = r"\delta^L \odot a^L = (a^L - y) \odot a^L", r"\delta^L = a^L - y"
    rows = _rows(_notes("The output layer uses a ReLU.", true, wrong, BP1_SIGMA))
    assert rows[true].status == "holds", rows[true].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason
    assert rows[BP1_SIGMA].status != "holds"


@pytest.mark.parametrize("words", ["The output layer uses the logistic function.",
                                   "In classification the output layer is usually a sigmoid."])
def test_words_that_agree_with_sigma_change_nothing(words):
    rows = _rows(_notes(words, BP1_SIGMA, r"\delta^L = a^L - y"))
    assert rows[BP1_SIGMA].status == "holds"
    assert rows[r"\delta^L = a^L - y"].status == "refuted"


# -- softmax at the output (symbp's softmax cross-entropy model) ----------------------------------------------------

@pytest.mark.parametrize("words", ["Výstupní vrstva používá softmax.", "На выходе softmax.", "Na wyjściu softmax."])
def test_a_softmax_output_said_in_words(words):
    cost = "The cost is $C = -\\sum_k y_k \\ln a^L_k$, where $y$ is one-hot."
    rows = _rows(_notes(words, r"\delta^L = a^L - y", BP1_SIGMA, cost=cost))
    assert rows[r"\delta^L = a^L - y"].status == "holds", rows[r"\delta^L = a^L - y"].reason
    assert rows[BP1_SIGMA].status != "holds"


# -- formulas that conflict with the words; words that cannot be honoured -------------------------------------------

def test_sigma_written_at_L_beside_linear_words_is_a_conflict_naming_both():
    rows = _rows(_notes("The output layer is linear.", r"a^L = \sigma(z^L)"))
    got = rows[r"a^L = \sigma(z^L)"]
    assert getattr(got, "status", "definition") != "holds"
    assert "a^L = \\sigma(z^L)" in got.reason or "\\sigma(z^L)" in got.reason
    assert "against the words at line 5" in got.reason


def test_the_general_forward_pass_holds_below_L_and_says_so():
    got = _rows(_notes("Выходной слой линейный.", r"a^l = \sigma(z^l)"))[r"a^l = \sigma(z^l)"]
    assert got.status == "holds" and "at l = L it is not judged" in got.reason, got.reason


@pytest.mark.parametrize("words,why", [
    ("The output layer uses softplus.", "no output layer of that activation"),
    ("The output layer is linear. Elsewhere we say the output layer uses tanh.", "otherwise at different places"),
    ("For regression the output layer is usually linear.", "only as what is usual or possible"),
])
def test_output_words_that_cannot_be_honoured_leave_the_output_claims_unjudged(words, why):
    rows = _rows(_notes(words, r"\delta^L = a^L - y", BP1_SIGMA))
    for claim in (r"\delta^L = a^L - y", BP1_SIGMA):
        assert rows[claim].status == "uninterpretable" and why in rows[claim].reason, rows[claim].reason
