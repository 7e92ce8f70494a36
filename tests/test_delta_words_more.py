r"""δ given another meaning in words by any wording (``deltaprose``): review rv54 F6, F7.

Held-out notes built here (the reviewer rv54's probes n9_*, n8_*, n17_*, n11_* and more wordings). The notes'
network is z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖². Where they say in words that their δ^l is ∂C/∂a^l,
or −∂C/∂z^l, or ½∂C/∂z^l, Nielsen's BP1, BP2, BP3 are false in their terms (hand truth below, by sympy.diff of a
composed network), so a claim about δ after such a sentence must never hold: it is uninterpretable, the reason
naming the sentence. Where the words say symbp's δ ≡ ∂C/∂z (or nothing), BP2 and BP3 hold as before.
"""

import pytest
import sympy as sp

from symbp.verify.notes import verify_text

PRE = (r"The weighted input is $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$; the cost is "
       r"$C = \frac{1}{2}\|a^L - y\|^2$." + "\n")
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
BP2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"
BP3 = r"\frac{\partial C}{\partial b^l} = \delta^l"
OTHERWISE = "otherwise than δ ≡ ∂C/∂z"


def _rows(sentence: str, claims=(BP2, BP3)) -> dict:
    text = PRE + sentence + "\n\nThen\n" + "".join(f"$${c}$$\n" for c in claims)
    return {r.formula.text: r.result for r in verify_text(text, "auto").rows}


#: δ^l = ∂C/∂a^l in words (F6): n9_1, n9_2, n9_4, n9_5, n8_32cf18, n8_2ade7f, n17_1, n17_2, and more wordings.
AS_ACTIVATION = [
    r"In these notes $\delta^l$ is the derivative of $C$ by the activation $a^l$.",
    r"In these notes $\delta^l$ is the derivative of $C$ with respect to the activation $a^l$.",
    r"Note: our $\delta^l$ is the derivative of the cost by $a^l$, not by $z^l$ as in Nielsen.",
    r"The error $\delta^l$ is the gradient of $C$ by the activations.",
    r"In these notes $\delta^l$ is the derivative of $C$ by the activation $a^l$ (not by $z^l$).",
    r"The error $\delta^l$ is measured at the output of the neurons, i.e. after the activation function.",
    r"The error $\delta^l$ is $\frac{\partial C}{\partial a^l}$ in these notes.",
    r"Our error $\delta^l_j$ of neuron $j$ is the rate of change $\partial C / \partial a^l_j$.",
    r"The error is the derivative of the cost with respect to the activations.",
    r"Recall that $\delta^l$ is $\nabla_{a^l} C$ here.",
    r"The derivative of $C$ by the activation $a^l$ is what we call $\delta^l$.",
    r"Chyba $\delta^l$ je derivace $C$ podle aktivace $a^l$.",
    r"Ошибка $\delta^l$ есть производная $C$ по активации $a^l$.",
    r"Błąd $\delta^l$ to pochodna $C$ po aktywacji $a^l$.",
]
#: δ^l with another sign or scale in words (F7): n11_1, n11_2, n11_3, and more wordings.
SCALED = [
    r"Our $\delta^l$ has the opposite sign to Nielsen's: it is minus the derivative of the cost by $z^l$.",
    r"We define the error $\delta^l$ as the negative gradient of $C$ with respect to $z^l$.",
    r"Here $\delta^l$ is the derivative of $C$ by $z^l$ divided by two.",
    r"Here $\delta^l$ is half the derivative of $C$ by $z^l$.",
    r"The error $\delta^l$ is $-\frac{\partial C}{\partial z^l}$ in these notes.",
    r"The error $\delta^l$ is $\frac{1}{2}\frac{\partial C}{\partial z^l}$ in these notes.",
    r"Chyba $\delta^l$ je záporná derivace $C$ podle $z^l$.",
    r"Ошибка $\delta^l$ есть минус производная $C$ по $z^l$.",
    r"Błąd $\delta^l$ to połowa pochodnej $C$ po $z^l$.",
    # a formula δ = ∂C/∂z beside words that give δ another sign: not symbp's δ either
    r"Our error has the opposite sign to Nielsen's $\delta^l = \frac{\partial C}{\partial z^l}$.",
]


@pytest.mark.parametrize("sentence", AS_ACTIVATION)
def test_delta_as_the_derivative_by_the_activation_leaves_bp2_bp3_unjudged(sentence):
    rows = _rows(sentence)
    for claim in (BP2, BP3):
        assert rows[claim].status == "uninterpretable", (sentence, claim, rows[claim])
        assert OTHERWISE in rows[claim].reason and "line 2" in rows[claim].reason


@pytest.mark.parametrize("sentence", SCALED)
def test_delta_with_another_sign_or_scale_leaves_bp1_bp3_unjudged(sentence):
    rows = _rows(sentence, (BP1, BP3))
    for claim in (BP1, BP3):
        assert rows[claim].status == "uninterpretable", (sentence, claim, rows[claim])
        assert OTHERWISE in rows[claim].reason


@pytest.mark.parametrize("sentence", [
    "",  # no δ sentence
    r"In these notes $\delta^l$ is the derivative of $C$ by $z^l$.",
    r"The error $\delta^l$ is the derivative of $C$ with respect to the weighted input $z^l$.",
    r"The error is $\frac{\partial C}{\partial z^l}$.",
    r"Here $\delta^l_j = \partial C / \partial z^l_j$ is the error of neuron $j$.",
    r"Chyba $\delta^l$ je derivace $C$ podle $z^l$.",
    r"As in Nielsen, the error is $\delta^l = \frac{\partial C}{\partial z^l}$.",
    # BP4 in words (seed 000): a derivative computed from the error and the activation, δ not redefined
    r"This partial derivative is computed from the error of the neuron and the activation of the previous one.",
])
def test_symbps_delta_in_words_keeps_the_claims_judged(sentence):
    rows = _rows(sentence)
    assert rows[BP2].status == "holds", (sentence, rows[BP2])
    assert rows[BP3].status == "holds", (sentence, rows[BP3])


def _s(t):
    return 1 / (1 + sp.exp(-t))


def test_hand_truth_bp2_bp3_false_under_delta_as_dC_da():
    # composed [1,1,1] sigmoid network, quadratic cost (as the reviewer's own check did)
    x, y, w2, b2, w3, b3, A2, A3 = sp.symbols("x y w2 b2 w3 b3 A2 A3")
    z2 = w2 * x + b2
    a2 = _s(z2)
    z3 = w3 * a2 + b3
    a3 = _s(z3)
    C = sp.Rational(1, 2) * (a3 - y) ** 2
    delta3 = sp.diff(sp.Rational(1, 2) * (A3 - y) ** 2, A3).subs(A3, a3)  # ∂C/∂a^3
    delta2 = sp.diff(sp.Rational(1, 2) * (_s(w3 * A2 + b3) - y) ** 2, A2).subs(A2, a2)  # ∂C/∂a^2
    dsigma = sp.diff(_s(x), x).subs(x, z2)
    pt = {x: sp.Rational(1, 2), y: 1, w2: 1, b2: 0, w3: 2, b3: sp.Rational(-1, 3)}
    assert abs(sp.N((delta2 - w3 * delta3 * dsigma).subs(pt))) > 0.01  # BP2 false (0.0175)
    assert abs(sp.N((sp.diff(C, b2) - delta2).subs(pt))) > 0.05  # BP3 false (0.0897)
    # under symbp's δ^2 = ∂C/∂z^2 = δ^2_a σ'(z^2), BP3 holds: the claims are false only in the notes' terms
    assert sp.simplify((sp.diff(C, b2) - delta2 * dsigma).subs(pt)) == 0


def test_hand_truth_bp1_bp3_false_under_negative_or_half_delta():
    x, y, w, b, Z = sp.symbols("x y w b Z")
    z = w * x + b
    a = _s(z)
    C = sp.Rational(1, 2) * (a - y) ** 2
    dCdz = sp.diff(sp.Rational(1, 2) * (_s(Z) - y) ** 2, Z).subs(Z, z)
    pt = {x: sp.Rational(1, 2), y: 1, w: 1, b: 0}
    bp1 = (a - y) * _s(z) * (1 - _s(z))
    for delta in (-dCdz, dCdz / 2):
        assert abs(sp.N((delta - bp1).subs(pt))) > 0.04  # BP1 false
        assert abs(sp.N((sp.diff(C, b) - delta).subs(pt))) > 0.04  # BP3 false
    assert sp.simplify((dCdz - bp1).subs(pt)) == 0 and sp.simplify((sp.diff(C, b) - dCdz).subs(pt)) == 0
