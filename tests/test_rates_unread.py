r"""Review rates3: a rate the notes make ≤ 0 in more spellings, and statements of the rate no reader reads.

Truth by hand, for z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖² (∂C/∂w^l = δ^l (a^{l-1})^T, BP4):
w^l → w^l − η δ^l (a^{l-1})^T is a step of gradient descent exactly when η > 0. Every lead in the first list makes
η < 0 (−0.1 = −0{,}1 = −1/10 = (−0.1) = \num{−0.1}; 0 > η; η ∈ (−∞, 0); η ≈ −0.1; "less than zero" in en/cs/ru/pl;
"the step size to −0.1"; "not positive" is η ≤ 0): the rule is then w^l + |η| ∂C/∂w^l, a step uphill, refuted. A
statement symbp cannot read (η = −ε, "below the noise floor", a table, a statement under "if" after it or beside a
"not" it cannot place) may make η ≤ 0: the rule is not judged (uninterpretable, the statement named), never held.
A positive η (0{,}1, 0 < η, η ∈ (0, ∞), 10^{400}, 10^{-400}: tiny but positive) keeps the descent step (holds).
"""

from __future__ import annotations

import pytest

from symbp.verify.ratenumber import number
from symbp.verify.ratewords import rates

from test_rates_more import GRAPH, NET, RULE, _rule  # the notes and the row reader the rate tests share


@pytest.mark.parametrize("text", [
    NET + "Gradient descent:\n\n$$\\eta = -0.1$$\n" + RULE,
    NET + "Gradient descent:\n\n$$w^l \\to w^l - \\eta \\delta^l (a^{l-1})^T, \\quad \\eta=-0.1$$\n",
    NET + "With $\\eta = -0{,}1$:" + RULE,
    NET + "With $\\eta = -1/10$:" + RULE,
    NET + "With $\\eta = (-0.1)$:" + RULE,
    NET + "With $\\eta = \\num{-0.1}$:" + RULE,
    NET + "With $0 > \\eta$:" + RULE,
    NET + "With $\u03b7 = -0.1$:" + RULE,
    NET + "With $\\eta \\in (-\\infty,0)$:" + RULE,
    NET + "With $\\eta \\approx -0.1$:" + RULE,
    NET + "We set the step size to $-0.1$:" + RULE,
    NET + "We use a learning rate less than zero:" + RULE,
    NET + "Použijeme rychlost učení menší než nula:" + RULE,
    NET + "Возьмём скорость обучения меньше нуля:" + RULE,
    NET + "Bierzemy współczynnik uczenia mniejszy od zera:" + RULE,
    NET + "The learning rate is not positive." + RULE,
    NET + "We take $\\eta = -0.1$, which is not what one usually does." + RULE,
    NET + "Gradient descent\\footnote{$\\eta=-0.1$}:" + RULE,
])
def test_rates3_a_rate_made_negative_in_more_spellings_refutes_the_descent_step(text):
    v = _rule(text)
    assert v.status == "refuted" and "uphill" in v.reason, v


@pytest.mark.parametrize("letter", ["rho", "tau", "beta"])
def test_rates3_the_rate_is_whatever_multiplies_the_gradient(letter):
    v = _rule(GRAPH + f"With $\\{letter} = -0.1$:\n\n$$W \\gets W - \\{letter} \\nabla_W L$$\n", "\\gets")
    assert v.status == "refuted" and "uphill" in v.reason, v
    # wrong variant: another letter set negative says nothing of this rule's rate
    assert _rule(GRAPH + f"With $\\eta = -0.1$:\n\n$$W \\gets W - \\{letter} \\nabla_W L$$\n", "\\gets").status == "holds"


@pytest.mark.parametrize("text, named", [
    (NET + "With $\\eta = -\\epsilon$:" + RULE, "-\\epsilon"),
    (NET + "The learning rate $\\eta$ is below the noise floor." + RULE, "noise floor"),
    (NET + "We take $\\eta = -0.1$ if the loss explodes." + RULE, "explodes"),
    (NET + "Note $\\eta = -0.1$ is no typo." + RULE, "typo"),
    (NET + "| rate | value |\n|---|---|\n| $\\eta$ | $-0.1$ |\n\nGradient descent:" + RULE, "-0.1"),
    (NET + "With $\\eta \\approx 0$:" + RULE, "near 0"),
])
def test_rates3_a_statement_of_the_rate_no_reader_reads_leaves_the_rule_unjudged(text, named):
    v = _rule(text)
    assert v.status == "uninterpretable" and named in v.reason, v


@pytest.mark.parametrize("text", [
    NET + "We maximise $C$. The step is" + RULE,
    NET + "## Maximising the cost\n\nThe step is" + RULE,
])
def test_rates3_ascent_in_the_sentence_before_or_the_heading_leaves_the_rule_unjudged(text):
    v = _rule(text)
    assert v.status == "uninterpretable" and "ascent" in v.reason, v


@pytest.mark.parametrize("text", [
    NET + "With $\\eta = 0{,}1$:" + RULE,
    NET + "With $0 < \\eta$:" + RULE,
    NET + "With $0 < \\eta < \\frac{2}{L}$:" + RULE,
    NET + "With $\\eta \\in (0, \\infty)$:" + RULE,
    NET + "We set the step size to $0.1$:" + RULE,
    NET + "We use a learning rate greater than zero:" + RULE,
    NET + "Gradient descent:\n\n$$\\eta = 0.1$$\n" + RULE,
    NET + "The learning rate is not negative." + RULE,
    NET + "Here $\\eta$ is the learning rate." + RULE,
    NET + "With $\\eta = 10^{400}$:" + RULE,     # huge, positive (before: OverflowError, exit 70)
    NET + "With $\\eta = 10^{-400}$:" + RULE,    # tiny, positive (before: read as 0, "makes no step")
    NET + "The learning rate is negatively correlated with the batch size." + RULE,  # no sign of η
    NET + "We maximise $C$ in the next section. Gradient descent:" + RULE,   # its own sentence says descent
    NET + "If $\\eta = -0.1$, the step goes uphill. Gradient descent:" + RULE,
])
def test_rates3_a_positive_or_harmless_statement_keeps_the_descent_step(text):
    assert _rule(text).status == "holds"


@pytest.mark.parametrize("lead", ["With $\\eta = 0{,}1$:", "With $0 < \\eta$:", "With $\\eta = 10^{400}$:"])
def test_rates3_a_wrong_step_stays_refuted_beside_a_positive_rate(lead):
    rule = "\n\n$$w^l \\to w^l + \\eta \\delta^l (a^{l-1})^T$$\n"
    assert _rule(NET + lead + rule).status == "refuted"


def test_rates3_powers_of_ten_past_a_float_keep_their_sign():
    assert number("10^{400}") > 0 and 0 < number("10^{-400}") < 1e-300 and number("-10^{-400}") < 0
    assert [s[3] for s in rates("Take $\\eta = 10^{400}$.")][0] > 1e300


# G ← −G before W ← W − η G (G named ∂L/∂W): the step then adds η ∂L/∂W, uphill; G ← 2G changes the rate. Which value
# G holds at the rule is not read: not judged (before: held as the descent step by ∂L/∂W).
@pytest.mark.parametrize("again", ["$G \\gets -G$", "$G := 2G$"])
def test_rates3_a_gradient_name_reassigned_before_the_rule_leaves_it_unjudged(again):
    text = GRAPH + f"Let $G = \\frac{{\\partial L}}{{\\partial W}}$. Then {again}.\n\n$$W \\gets W - \\eta G$$\n"
    v = _rule(text, "\\gets W")
    assert v.status == "uninterpretable" and "G" in v.reason, v
    # wrong variant: without the reassignment the rule is the descent step
    plain = GRAPH + "Let $G = \\frac{\\partial L}{\\partial W}$.\n\n$$W \\gets W - \\eta G$$\n"
    assert _rule(plain, "\\gets W").status == "holds"


# The delta rule. By hand: h = W x, L = ½‖t − h‖², ∂L/∂W = (h − t) x^T, so W ← W + η (t − h) x^T = W − η ∂L/∂W is
# the step of gradient descent (before: refuted, "adds the gradient", the added term never read); W ← W + η (h − t) x^T
# adds the gradient (refuted, uphill).
@pytest.mark.parametrize("step, status", [("W + \\eta (t-h) x^T", "holds"), ("W + \\eta (h-t) x^T", "refuted"),
                                          ("W - \\eta (t-h) x^T", "refuted")])
def test_rates3_the_delta_rule_adds_minus_the_gradient(step, status):
    text = f"Let $h = W x$ and $L = \\frac12 \\|t - h\\|^2$.\n\n$$W \\gets {step}$$\n"
    assert _rule(text, "\\gets").status == status


# W^{(1)} := W^{(0)} − η ∇L(W^{(0)}): the first step of gradient descent if the brackets number iterates, a step from
# another layer's value if they number layers; not read which (before: refuted, "starts from W^{(0)}"). With + it adds
# the gradient either way (refuted).
def test_rates3_bracketed_iterates_are_not_refuted_as_another_start():
    v = _rule(GRAPH + "$$W^{(1)} := W^{(0)} - \\eta \\nabla_W L(W^{(0)})$$\n", ":=")
    assert v.status == "uninterpretable", v
    assert _rule(GRAPH + "$$W^{(1)} := W^{(0)} + \\eta \\nabla_W L(W^{(0)})$$\n", ":=").status == "refuted"


# "We write $W_1$ for the first layer": W_1 is a layer's weights, not an iterate, so W_2 := W_1 − η G (G = ∂L/∂W_1)
# starts from another layer's value (refuted; before: read as the iterate step W := W − η ∂L/∂W and held). Without the
# words, the same rule is the iterate step (holds, tests/test_rates_more.py).
def test_rates3_a_name_the_prose_calls_a_layer_is_no_iterate():
    text = ("We write $W_1$ for the first layer.\n\n$$W_2 := W_1 - \\eta G$$\n\n"
            "where $G = \\frac{\\partial L}{\\partial W_1}$.\n")
    v = _rule(text, ":=")
    assert v.status == "refuted" and "W_1" in v.reason, v
    assert _rule("$$W_2 := W_1 - \\eta G$$\n\nwhere $G = \\frac{\\partial L}{\\partial W_1}$.\n", ":=").status == "holds"


# Prose around the rate that says its sign, or nothing of it: "a small, positive parameter" (Nielsen's words), "kladné
# číslo", "положительное число" say η > 0; "set to 3.0" is positive; "we run 1000 steps" counts steps, not the rate
# (all hold). "The learning rate, $\eta$, is $-0.1$" sets η < 0 (refuted); "which we set to $-0.1$" may (not read:
# uninterpretable, never held).
@pytest.mark.parametrize("lead, status", [
    ("Here, $\\eta$ is a small, positive parameter (known as the learning rate).", "holds"),
    ("Rychlost učení $\\eta$ je malé kladné číslo.", "holds"),
    ("Скорость обучения $\\eta$ — небольшое положительное число.", "holds"),
    ("The learning rate is set to 3.0 in the code.", "holds"),
    ("The learning rate $\\eta > 0$ is fixed, and we run 1000 steps.", "holds"),
    ("The learning rate, $\\eta$, is $-0.1$.", "refuted"),
    ("We take $\\eta$, which we set to $-0.1$.", "uninterpretable"),
])
def test_rates3_prose_that_says_the_sign_or_nothing_of_it(lead, status):
    assert _rule(NET + lead + RULE).status == status


# W ← W − η² ∇_W L with η = −0.1: the rate is η² = 0.01 > 0, a step of gradient descent (holds; before: refuted,
# "uphill"); with η = 0 it makes no step (refuted); W ← W − η³ ∇_W L with η = −0.1 goes uphill (refuted).
@pytest.mark.parametrize("rate, value, status", [("\\eta^2", "-0.1", "holds"), ("\\eta^2", "0", "refuted"),
                                                 ("\\eta^3", "-0.1", "refuted")])
def test_rates3_a_power_of_the_rate_keeps_its_own_sign(rate, value, status):
    text = GRAPH + f"With $\\eta = {value}$:\n\n$$W \\gets W - {rate} \\nabla_W L$$\n"
    assert _rule(text, "\\gets").status == status


# Gradient descent takes the gradient where the step starts. W_{t+1} = W_t − η ∇L(W_{t−1}) (a stale iterate),
# W' = W − η ∇L(W') and \tilde W = W − η ∇L(\tilde W) (implicit steps) are not that step: never "holds".
@pytest.mark.parametrize("rule", ["W_{t+1} = W_t - \\eta \\nabla L(W_{t-1})", "W' = W - \\eta \\nabla L(W')",
                                  "\\tilde W = W - \\eta \\nabla L(\\tilde W)"])
def test_rates3_a_gradient_taken_elsewhere_than_the_start_never_holds(rule):
    assert _rule(GRAPH + f"$${rule}$$\n", "\\eta").status in ("refuted", "uninterpretable")
