r"""A layer formula restricted to the hidden layers by the words of its sentence (review 20, F2).

Hand: with a softmax output, a^L_j = e^{z^L_j} / Σ_k e^{z^L_k}, which is no σ(z^L_j) applied entrywise (for a generic σ
the two differ: the softmax's entry depends on every z^L_k); at a hidden layer l < L, a^l = σ(z^l) is the forward pass
itself. So ``a^l = \sigma(z^l)`` holds for l < L and is refuted at l = L; ``_softmax_is_not_entrywise`` checks the first
fact with SymPy. Wrong variants (a^l = σ(z^{l-1}), ∂a^l_j/∂z^l_j = σ(z^l_j)) stay refuted under the restriction, and words
that restrict the layers without being read exactly never let a formula be refuted by the output layer.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.layerwords import restricted_maths
from symbp.verify.notes import verify_text

SOFTMAX = r"the output layer is a softmax, $$a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}},$$" + "\n" + \
    r"with the cost $C = -\sum_k y_k \ln(a^L_k)$." + "\n"


def _softmax_is_not_entrywise() -> bool:
    z1, z2 = sympy.symbols("z1 z2")
    sigma = sympy.Function("sigma")
    softmax_1 = sympy.exp(z1) / (sympy.exp(z1) + sympy.exp(z2))
    return sympy.diff(softmax_1, z2) != 0 and sympy.diff(sigma(z1), z2) == 0  # the softmax entry depends on z2


def _rows(sentence: str) -> dict:
    report = verify_text("# Softmax\n\n" + sentence + "\n" + SOFTMAX, "auto")
    return {(r.formula.source or r.formula.text): r.result for r in report.rows}


ACTIVATION = r"a^l = \sigma(z^l)"


@pytest.mark.parametrize("sentence", [
    r"The hidden layers are $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ for $l < L$;",
    r"The hidden layers are $z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$;",
    r"Hidden layers as before, $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$;",
    r"We have $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ for $l \le L-1$;",
    r"We have $a^l = \sigma(z^l)$ for $2 \le l \le L-1$;",
    r"Skryté vrstvy počítají $a^l = \sigma(z^l)$;",
    r"Скрытые слои: $a^l = \sigma(z^l)$;",
    r"Warstwy ukryte: $a^l = \sigma(z^l)$;",
])
def test_the_sentences_restriction_is_the_formulas_condition(sentence):
    assert _softmax_is_not_entrywise()
    got = _rows(sentence)[ACTIVATION]
    assert got.status == "holds", got.reason
    assert "restricted by the words" in got.remark
    assert got.formula.startswith(ACTIVATION + r" \quad ")  # the condition checked is shown


@pytest.mark.parametrize("sentence, formula", [
    (r"The hidden layers are $a^l = \sigma(z^{l-1})$ for $l < L$;", r"a^l = \sigma(z^{l-1})"),
    (r"The hidden layers have $\frac{\partial a^l_j}{\partial z^l_j} = \sigma(z^l_j)$;",
     r"\frac{\partial a^l_j}{\partial z^l_j} = \sigma(z^l_j)"),  # σ, not σ': wrong at every layer
])
def test_a_wrong_formula_stays_refuted_under_the_restriction(sentence, formula):
    assert _rows(sentence)[formula].status == "refuted"


@pytest.mark.parametrize("sentence", [
    r"Every layer computes $a^l = \sigma(z^l)$;",  # no restriction: refuted at the softmax output, as before
    r"For the hidden layers and the output layer alike, $a^l = \sigma(z^l)$;",  # the output clause is not restricted
    r"The hidden layers are as before; every layer has $a^l = \sigma(z^l)$, and",  # another clause
])
def test_words_that_do_not_restrict_the_formula_leave_it_refuted(sentence):
    got = _rows(sentence)[ACTIVATION]
    assert got.status == "refuted", got.reason


@pytest.mark.parametrize("sentence", [
    r"Every layer except the last has $a^l = \sigma(z^l)$;",
    r"Všechny vrstvy kromě poslední mají $a^l = \sigma(z^l)$;",
    r"For $l \ne L$ we have $a^l = \sigma(z^l)$;",
])
def test_a_restriction_not_read_exactly_is_never_a_refutation(sentence):
    got = next(r for text, r in _rows(sentence).items() if text.startswith(ACTIVATION))
    assert got.status in ("uninterpretable", "unreadable"), got.reason  # "for $l \ne L$" is joined to it, not read


def test_a_formula_with_its_own_condition_keeps_it():
    got = _rows(r"The hidden layers are $a^l = \sigma(z^l) \quad l = L$;")[r"a^l = \sigma(z^l) \quad l = L"]
    assert got.status == "refuted"  # its own condition l = L is where it fails; the words do not replace it


def test_the_clauses():
    text = r"The hidden layers are $a^l = \sigma(z^l)$; the output layer is $a^L = z^L$."
    assert [(text[r.start:r.end], r.condition) for r in restricted_maths(text)] == [(r"$a^l = \sigma(z^l)$", "hidden")]


# -- review 23, F2: words that widen "the hidden layers" to every layer ------------------------------------------------
# Hand: the sentence claims a^l = σ(z^l) at every layer, the output layer included; at l = L the output is the softmax,
# which is not σ applied entrywise (``_softmax_is_not_entrywise``): the claim is false, never "holds (l < L)".


@pytest.mark.parametrize("sentence", [
    r"Not only in the hidden layers but in every layer we have $a^l = \sigma(z^l)$;",
    r"The relation $a^l = \sigma(z^l)$ holds in the hidden layers as well as in the output layer;",
    r"In the hidden layers, and equally in the last one, $a^l = \sigma(z^l)$;",
    r"In the hidden layers $a^l = \sigma(z^l)$, and in fact this holds for the output layer too;",
    r"In the hidden layers and also in the output layer, $a^l = \sigma(z^l)$;",
    r"For the hidden layers, including the output layer, $a^l = \sigma(z^l)$;",
    r"Nejen ve skrytých vrstvách, ale ve všech vrstvách platí $a^l = \sigma(z^l)$;",
    r"Ve skrytých vrstvách i ve výstupní vrstvě platí $a^l = \sigma(z^l)$;",
    r"Не только в скрытых слоях, но и в выходном слое $a^l = \sigma(z^l)$;",
    r"В скрытых слоях, а также в выходном слое $a^l = \sigma(z^l)$;",
    r"Nie tylko w warstwach ukrytych, ale we wszystkich warstwach $a^l = \sigma(z^l)$;",
    r"W warstwach ukrytych oraz w warstwie wyjściowej $a^l = \sigma(z^l)$;",
    r"W warstwach ukrytych, jak i w warstwie wyjściowej, $a^l = \sigma(z^l)$;",
    r"Both in the hidden layers and in the output layer, $a^l = \sigma(z^l)$;",
    "For the hidden layers $a^l = \\sigma(z^l)$, and in fact this holds for the output layer too:\n$$a^l = \\sigma(z^l)$$\n",
    r"Zarówno w warstwach ukrytych, jak i w wyjściowej, $a^l = \sigma(z^l)$;",
])
def test_words_widening_the_hidden_layers_do_not_restrict(sentence):
    assert _softmax_is_not_entrywise()
    got = next(r for text, r in _rows(sentence).items() if text.startswith(ACTIVATION))
    assert got.status == "refuted", (got.status, got.reason, got.formula)
    assert "l < L" not in got.formula


@pytest.mark.parametrize("sentence", [
    r"Just as in the hidden layers, $a^l = \sigma(z^l)$;",  # a comparison: the formula speaks of other layers
    r"The hidden layers use $a^l = \sigma(z^l)$, and also the output layer has its own $a^L = z^L$;",
])
def test_a_comparison_with_the_hidden_layers_is_never_a_verdict_at_the_output(sentence):
    got = next(r for text, r in _rows(sentence).items() if text.startswith(ACTIVATION))
    assert got.status in ("uninterpretable", "unreadable"), (got.status, got.reason)


@pytest.mark.parametrize("sentence", [
    r"The hidden layers use $a^l = \sigma(z^l)$, and the output layer uses the softmax below;",
    r"The hidden layers as well as the input are written $a^l = \sigma(z^l)$ for $l < L$;",
    r"In both hidden layers we have $a^l = \sigma(z^l)$;",
])
def test_words_about_another_layer_keep_the_restriction(sentence):
    got = next(r for text, r in _rows(sentence).items() if text.startswith(ACTIVATION))
    assert got.status == "holds", (got.status, got.reason)


@pytest.mark.parametrize("sentence", [
    r"In the hidden layers and in the final layer alike, $a^l = \sigma(z^l)$;",
    r"In the hidden layers and in the top layer, $a^l = \sigma(z^l)$;",
    r"In the hidden layers and at layer $L$, $a^l = \sigma(z^l)$;",
    r"In every hidden layer and in the final one, $a^l = \sigma(z^l)$;",
    r"After the hidden layers comes the final layer, where $a^l = \sigma(z^l)$;",
    r"The hidden layers feed the top layer, which has $a^l = \sigma(z^l)$;",
    r"Beyond the hidden layers, $a^l = \sigma(z^l)$;",
    r"Not only in the output layer but also in the hidden layers, $a^l = \sigma(z^l)$;",  # review rv40 A6
    r"In the output layer, and also in the hidden layers, $a^l = \sigma(z^l)$;",
    r"For $l < L$ and also for $l = L$, $a^l = \sigma(z^l)$;",  # review rv41 A1
    r"For all hidden layers and also for $l = L$, $a^l = \sigma(z^l)$;",
    r"В скрытых слоях, а также при $l = L$, $a^l = \sigma(z^l)$;",
    r"For the hidden layers $a^l = \sigma(z^l)$, and the same formula holds in the output layer;",
    r"Ve skrytých vrstvách i ve finální vrstvě $a^l = \sigma(z^l)$;",
    r"W warstwach ukrytych i w warstwie końcowej $a^l = \sigma(z^l)$;",
])
def test_hidden_layers_beside_another_layer_never_hold_at_the_softmax_output(sentence):
    """Review rv39, A2: the sentence claims the formula at the final layer too, where a^L = softmax(z^L) is no σ(z^L)
    entrywise (``_softmax_is_not_entrywise``): read as l < L it held; now the words are not read exactly, so the formula
    is checked as written and, refuted at L, made uninterpretable — never a holds."""
    assert _softmax_is_not_entrywise()
    got = next(r for text, r in _rows(sentence).items() if text.startswith(ACTIVATION))
    assert got.status in ("uninterpretable", "refuted"), (got.status, got.reason, got.formula)
    assert "l < L" not in got.formula


@pytest.mark.parametrize("sentence", [
    r"For all $l \le L$ (not only $l < L$), $a^l = \sigma(z^l)$;",
    r"Not only for $l < L$: $a^l = \sigma(z^l)$;",
    r"Above the hidden layers sits the softmax layer, for which $a^l = \sigma(z^l)$;",
])
def test_a_condition_that_takes_the_output_layer_in_is_no_restriction(sentence):
    """Review rv39, A2: "For all $l \\le L$ (not only $l < L$)" claims the formula at L too; read as l < L it held."""
    got = next(r for text, r in _rows(sentence).items() if text.startswith(ACTIVATION))
    assert got.status in ("uninterpretable", "refuted"), (got.status, got.reason, got.formula)
    assert "l < L" not in got.formula
