r"""The output layer's kind said in words (review 23, F1): a softmax or a linear output is never checked as σ(z^L).

Hand: a softmax output a^L_j = e^{z^L_j} / Σ_k e^{z^L_k} is not σ(z^L_j) applied entrywise (its entry depends on every
z^L_k: ``_softmax_entry_depends_on_the_others`` checks it with SymPy), its Jacobian is ∂a^L_j/∂z^L_k = a^L_j(δ_jk − a^L_k)
(so ∂a^L_j/∂z^L_j = a^L_j(1 − a^L_j), not σ'(z^L_j), and the entries j ≠ k are −a^L_j a^L_k ≠ 0), and with
C = −Σ_k y_k ln a^L_k and a one-hot y, δ^L = a^L − y (no σ'(z^L) factor). A linear output a^L = z^L has δ^L = a^L − y
under the quadratic cost, not (a^L − y) ⊙ σ'(z^L), and a^L = σ(z^L) is false there. Words that deny the softmax ("unlike
a softmax output") or suppose it ("if the output were a softmax") leave the notes' σ output: a^L = σ(z^L) holds.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text
from symbp.verify.outputwords import said

FORWARD = r"The network has $z^l = w^l a^{l-1} + b^l$. "
CE = r" and the cost is the cross-entropy $C = -\sum_k y_k \ln a^L_k$, where $y$ is one-hot."


def _softmax_entry_depends_on_the_others() -> bool:
    z1, z2 = sympy.symbols("z1 z2")
    a1 = sympy.exp(z1) / (sympy.exp(z1) + sympy.exp(z2))
    jac_11 = sympy.simplify(sympy.diff(a1, z1) - a1 * (1 - a1))
    return sympy.diff(a1, z2) != 0 and jac_11 == 0


def _rows(text: str) -> dict:
    return {(r.formula.source or r.formula.text): r.result for r in verify_text(text, "auto").rows}


@pytest.mark.parametrize("words", [
    "The output layer is a softmax layer",
    "The hidden layers apply $\\sigma$ and the output layer applies the softmax function",
    "We use a softmax output layer",
    "Výstupní vrstva je softmax",
    "Выходной слой — softmax",
    "Warstwa wyjściowa to softmax",
])
@pytest.mark.parametrize("claim", [r"a^L = \sigma(z^L)", r"\delta^L = (a^L - y) \odot \sigma'(z^L)",
                                   r"\frac{\partial a^L_j}{\partial z^L_j} = \sigma'(z^L_j)"])
def test_a_softmax_output_said_in_words_refutes_the_sigma_output(words, claim):
    assert _softmax_entry_depends_on_the_others()
    got = _rows(FORWARD + words + CE + f"\n\n$${claim}$$\n")[claim]
    assert got.status == "refuted", (got.status, got.reason)


def test_the_softmax_delta_holds_under_a_softmax_said_in_words():
    claim = r"\delta^L = a^L - y"
    got = _rows(FORWARD + "The output layer is a softmax layer" + CE + f"\n\n$${claim}$$\n")[claim]
    assert got.status == "holds", got.reason
    assert _rows(FORWARD + "The output layer is a softmax" + CE + "\n")[r"z^l = w^l a^{l-1} + b^l"].status == "holds"


@pytest.mark.parametrize("claim", [r"a^L = \sigma(z^L)", r"\frac{\partial a^L_j}{\partial z^L_k} = 0 \quad \text{when } j \neq k"])
def test_a_softmax_said_in_words_without_its_cost_is_never_a_sigma_verdict(claim):
    got = _rows(FORWARD.replace(". ", "; ") + "the hidden layers apply $\\sigma$ and the output layer applies the softmax "
                "function.\n\n" + f"$${claim}$$\n")[claim]
    assert got.status == "uninterpretable", (got.status, got.reason)
    assert "softmax" in got.reason


@pytest.mark.parametrize("words", [
    "The hidden layers apply $\\sigma$, while the output layer is linear (no activation).",
    "The output layer has no activation.",
    "We use an identity output.",
    "Výstupní vrstva je lineární.",
    "Выходной слой линейный.",
    "Warstwa wyjściowa jest liniowa.",
])
@pytest.mark.parametrize("claim", [r"\delta^L = (a^L - y) \odot \sigma'(z^L)", r"a^L = \sigma(z^L)"])
def test_a_linear_output_said_in_words_is_never_a_sigma_verdict(words, claim):
    text = FORWARD + words + " The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$.\n\n" + f"$${claim}$$\n"
    report = verify_text(text, "auto")
    got = {r.formula.text: r.result for r in report.rows}.get(claim)
    if got is None:  # a^L = σ(z^L) beside the words is the notes' own forward pass, its conflict with them said (issue 12/14)
        own = [f for f in report.skipped if f.text == claim]
        assert own and own[0].kind == "definition" and "against the words" in own[0].reason, own
        return
    assert got.status == "uninterpretable", (got.status, got.reason)
    assert "against the words" in got.reason, got.reason  # σ'(z^L) and the words disagree: both named


@pytest.mark.parametrize("sentence", [
    "A student claims that the same relation holds for every layer, the output layer included:",
    "For the hidden layers, and in fact for the output layer too,",
])
def test_every_layer_beside_a_softmax_said_in_words_is_refuted_at_the_output(sentence):
    text = (FORWARD + "The hidden layers use $a^l = \\sigma(z^l)$ for $l < L$.\nThe output layer is a softmax" + CE
            + f"\n\n{sentence}\n$$a^l = \\sigma(z^l)$$\n")
    got = [r.result.status for r in verify_text(text, "auto").rows if r.formula.line == 5]
    assert got == ["refuted"], got


@pytest.mark.parametrize("words", [
    "Unlike a softmax output, our output layer applies $\\sigma$ too.",
    "The output layer is not a softmax.",
    "If the output were a softmax, the cost would change.",
    "For example, a softmax output layer is common in classification.",
])
def test_denied_or_supposed_output_words_leave_the_sigma_output(words):
    assert said(words) == []
    text = FORWARD + "Every layer applies $a^l = \\sigma(z^l)$. " + words + "\n\n$$a^L = \\sigma(z^L)$$\n"
    assert _rows(text)[r"a^L = \sigma(z^L)"].status == "holds"  # the notes' own forward pass at l = L


def test_a_heading_is_no_sentence_about_the_output():
    assert said("# Softmax output\n\nThe cost is quadratic.") == []
    assert [(s.line, s.kind) for s in said("# Softmax\n\nThe output layer is a softmax.")] == [(3, "softmax")]


@pytest.mark.parametrize("words", [
    "Softmax regression is a linear model whose output is normalised.",
    "The output activations are always positive, so the output layer is linear-free.",
    "The hidden layers are linear and the output layer is a sigmoid.",
    "The weighted input of the output layer is linear in the weights.",
])
def test_linear_words_about_something_else_say_nothing_of_the_output(words):
    assert [s for s in said(words) if s.kind == "linear"] == []
