r"""The number of output neurons the notes state in words, two or more, is honoured (rv53 F15).

"The output layer has 3 neurons." was ignored, so BP2 written out for three outputs,
``\delta^{L-1}_j = (w^L_{1j}\delta^L_1 + w^L_{2j}\delta^L_2 + w^L_{3j}\delta^L_3)\sigma'(z^{L-1}_j)``, was refuted on a
network with four outputs. With n_L = 3, as the notes say, the bracket is Σ_k w^L_{kj} δ^L_k (checked below by
``sympy.diff`` of a composed network): the claim holds on the notes' network and not on every network, so the
verdict is ``conditional`` on n_L = 3, like the one-output words (``single_output``). Wrong claims stay refuted,
and words that do not plainly fix the number (a negation, a qualifier, a hypothetical) fix nothing or only the
claims they state.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

COST = r"We use the quadratic cost $C = \frac12\sum_j (a^L_j - y_j)^2$. "
BP2_3 = r"\delta^{L-1}_j = (w^L_{1j}\delta^L_1 + w^L_{2j}\delta^L_2 + w^L_{3j}\delta^L_3)\sigma'(z^{L-1}_j)"
BP2_2 = r"\delta^{L-1}_j = (w^L_{1j}\delta^L_1 + w^L_{2j}\delta^L_2)\sigma'(z^{L-1}_j)"


def _verdict(words: str, claim: str, **options):
    text = f"# Backpropagation\n\n{COST}{words}\n\n$${claim}$$\n"
    report = verify_text(text, "auto", **options)
    return {r.formula.text: r.result for r in report.rows}[claim]


def test_the_hand_truth_three_terms_are_bp2_with_three_outputs():
    """On a [2, 2, 3] network, ∂C/∂z^{L−1}_j by sympy.diff of the composed cost is the three-term bracket times σ'."""
    sigma = sympy.Function("sigma")
    z1 = sympy.symbols("z1:3")  # the hidden layer's weighted inputs, the variables differentiated
    w = sympy.Matrix(3, 2, sympy.symbols("w1:7"))
    b = sympy.symbols("b1:4")
    y = sympy.symbols("y1:4")
    zL = [sum(w[k, j] * sigma(z1[j]) for j in range(2)) + b[k] for k in range(3)]
    cost = sum((sigma(zL[k]) - y[k]) ** 2 for k in range(3)) / 2
    for j in range(2):
        delta_L = [(sigma(zL[k]) - y[k]) * sympy.Subs(sympy.Derivative(sigma(sympy.Symbol("u")), "u"), "u", zL[k])
                   for k in range(3)]
        bracket = sum(w[k, j] * delta_L[k] for k in range(3))
        truth = sympy.diff(cost, z1[j])
        claim = bracket * sympy.Subs(sympy.Derivative(sigma(sympy.Symbol("u")), "u"), "u", z1[j])
        assert sympy.simplify((truth - claim).doit()) == 0
        two_terms = sum(w[k, j] * delta_L[k] for k in range(2)) * claim.args[-1]
        assert sympy.simplify((truth - two_terms).doit()) != 0


@pytest.mark.parametrize("words", ["The output layer has 3 neurons.", "The output layer has three neurons.",
                                   r"The network has 3 output neurons, $a^L \in \mathbb{R}^3$.",
                                   "Výstupní vrstva má tři neurony.", "Выходной слой имеет три нейрона.",
                                   "Warstwa wyjściowa ma trzy neurony."])
def test_three_output_neurons_in_words_make_bp2_written_for_three_conditional(words):
    result = _verdict(words, BP2_3)
    assert result.status == "conditional", (result.status, result.reason)
    assert result.condition == "n_L = 3"
    assert "as the notes say on line 3" in result.reason


def test_a_wrong_claim_under_three_outputs_stays_refuted():
    result = _verdict("The output layer has 3 neurons.", BP2_2)
    assert result.status == "refuted", result.reason


def test_a_neuron_the_stated_layer_lacks_is_never_held():
    result = _verdict("The output layer has 3 neurons.", r"\sum_k a^L_k = a^L_1 + a^L_2 + a^L_3 + a^L_4")
    assert result.status not in ("holds", "conditional"), result.reason


@pytest.mark.parametrize("words", ["The output layer does not have 3 neurons.",
                                   "The output layer has 3 neurons, one per class, in the next chapter.",
                                   "The output layer has 3 neurons or 4 neurons."])
def test_words_that_do_not_plainly_fix_three_outputs_fix_nothing(words):
    result = _verdict(words, BP2_3)
    assert result.status == "refuted", (result.status, result.reason)


def test_a_hypothetical_count_makes_only_its_own_claim_conditional():
    result = _verdict("If the output layer has 3 neurons, then", BP2_3)
    assert result.status == "conditional" and result.condition == "n_L = 3", result.reason


def test_sizes_that_disagree_with_the_words_win():
    result = _verdict("The output layer has 3 neurons.", BP2_3, sizes=(2, 3, 4))
    assert result.status == "refuted", result.reason


def test_the_one_output_words_still_give_n_l_1():
    result = _verdict("The output layer has one neuron.", r"\delta^{L-1}_j = w^L_{1j}\delta^L_1\sigma'(z^{L-1}_j)")
    assert result.status == "conditional" and result.condition == "n_L = 1", result.reason
