r"""Review rv42: the rate's value or sign said in more ways, and numbered iterates read as a step.

Truth by hand, for z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖² (∂C/∂w^l = δ^l (a^{l-1})^T, BP4):
w^l → w^l − η δ^l (a^{l-1})^T is a step of gradient descent exactly when η > 0. Every lead below sets η < 0 (−0.1,
−10⁻² = −0.01, η ∈ (−1, 0), "negative" in en/cs/ru/pl), so the rule is w^l + |η| ∂C/∂w^l, a step uphill: refuted,
as for "$\eta = -0.1$" before the rule (tests/test_ratewords.py). "Gradient descent on −C" is w + η ∂C/∂w, which the
rule is not: not judged as descent. "η as large as possible" says no sign: the rule stays the descent step (holds);
so do η = 5·10⁻³ = 0.005 > 0 (after an earlier η = −1, which it replaces) and the words "negative gradient".
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.ratewords import rates

NET = "$$z^l = w^l a^{l-1} + b^l, \\qquad a^l = \\sigma(z^l)$$\n\n$$C = \\frac12 \\|a^L - y\\|^2$$\n\n"
RULE = "\n\n$$w^l \\to w^l - \\eta \\delta^l (a^{l-1})^T$$\n"
GRAPH = "Let $h = \\sigma(W x)$ and $L = \\frac12 \\|h - t\\|^2$.\n\n"


def _rule(text: str, mark: str = "\\to"):
    (row,) = [r for r in verify_text(text, "auto").rows if mark in r.formula.text]
    return row.result


@pytest.mark.parametrize("lead", [
    "Gradient descent with the learning rate $\\eta := -0.1$:",
    "Gradient descent with the learning rate $\\eta \\coloneqq -0.1$:",
    "Gradient descent with the learning rate $\\eta = -10^{-2}$:",
    "Gradient descent with a learning rate $\\eta$ of \u22120.1:",
    "Gradient descent with a learning rate $\\eta$ of $-0.1$:",
    "Gradient descent with $\\eta \\in (-1, 0)$:",
    "Gradient descent with a negative learning rate:",
    "Gradient descent se záporným $\\eta$:",
    "Градиентный спуск с отрицательным $\\eta$:",
    "Spadek gradientu z ujemnym $\\eta$:",
])
def test_rv42_a_rate_set_negative_in_other_words_refutes_the_descent_step(lead):
    v = _rule(NET + lead + RULE)
    assert v.status == "refuted" and "uphill" in v.reason, v


@pytest.mark.parametrize("after", ["where $\\eta = -0.1$.", "where $\\eta$ is a negative learning rate."])
def test_rv42_a_negative_rate_in_a_where_after_the_rule_refutes_it(after):
    v = _rule(NET + "Gradient descent:" + RULE + after + "\n")
    assert v.status == "refuted" and "uphill" in v.reason, v


def test_rv42_a_where_after_the_rule_decides_over_a_rate_before_it():
    assert _rule(NET + "First $\\eta = -1$. Gradient descent:" + RULE + "where $\\eta = 0.1$.\n").status == "holds"


def test_rv42_gradient_descent_on_the_negative_cost_is_not_judged_as_descent():
    v = _rule(NET + "Gradient descent on $-C$:" + RULE)
    assert v.status == "uninterpretable" and "-C" in v.reason, v
    v = _rule(GRAPH + "We minimise $-L$ by\n\n$$W \\leftarrow W - \\eta \\nabla_W L$$\n", "\\leftarrow")
    assert v.status == "uninterpretable" and "-L" in v.reason, v


@pytest.mark.parametrize("lead", [
    "Gradient descent with $\\eta$ as large as possible:",  # advice, no sign: still the descent step
    "First $\\eta = -1$. Later $\\eta = 5 \\cdot 10^{-3}$ for gradient descent:",
    "First $\\eta = -1$. Later $\\eta = 5 \\times 10^{-3}$ for gradient descent:",
    "We step along the negative gradient with the learning rate $\\eta$:",
    "The step is the negative of the learning rate times the gradient:",
    "With a non-negative learning rate $\\eta$:",
    "With $\\eta \\in (0, 1)$:",
    "Krok ve směru záporného gradientu s rychlostí učení $\\eta$:",
    "A negative learning rate would send the step uphill. Gradient descent:",
    "Gradient ascent uses a negative learning rate. Gradient descent:",
])
def test_rv42_a_positive_rate_or_words_without_its_sign_keep_the_descent_step(lead):
    assert _rule(NET + lead + RULE).status == "holds"


def test_rv42_a_rate_set_after_the_rule_outside_a_where_changes_nothing():
    assert _rule(NET + "Gradient descent:" + RULE + "Next we take $\\eta = -0.1$ in a demo.\n").status == "holds"


@pytest.mark.parametrize("rule, why", [
    ("$$w^l \\to w^l + \\eta \\delta^l (a^{l-1})^T$$", "uphill"),      # plus sign
    ("$$w^l \\to w^l - \\eta \\delta^{l+1} (a^{l-1})^T$$", ""),       # another layer's δ
])
def test_rv42_a_wrong_step_stays_refuted_beside_a_positive_rate(rule, why):
    v = _rule(NET + "Gradient descent:\n\n" + rule + "\n\nwhere $\\eta = 5 \\cdot 10^{-3}$.\n")
    assert v.status == "refuted" and why in v.reason, v


def test_rv42_rates_reads_powers_of_ten_and_a_unicode_minus():
    assert [s[3] for s in rates("Take $\\eta = 5 \\cdot 10^{-3}$. Take $\\eta = -10^{-2}$. Take $\\eta = \u22120.5$.")] \
        == [0.005, -0.01, -0.5]


# Numbered iterates. Truth by hand, for h = σ(W x), L = ½‖h − t‖² (or L left undefined: a generic function of W):
# gradient descent from W_1 (W_t) is W_2 = W_1 − η ∇L(W_1), the gradient where the step starts. W_2 := W_1 −
# η ∇_W L(W_2) evaluates it at the new iterate: the implicit (proximal) step, another method, so not the descent
# step (refuted, as G = ∂L/∂W_2 is, review rv40 A10). := and = write the same rule (W_{t+1} := W_t − η ∂L/∂W_t
# holds as W_{t+1} = W_t − … does); a plus sign or a start from another letter stays refuted.

def _only(text: str):
    (row,) = [r for r in verify_text(text, "auto").rows if "\\eta" in r.formula.text or "\\alpha" in r.formula.text]
    return row.result


@pytest.mark.parametrize("rule", ["W_2 := W_1 - \\eta \\nabla_W L(W_2)", "W_{t+1} := W_t - \\eta \\nabla_W L(W_{t+1})",
                                  "W_{t+1} = W_t - \\eta \\nabla_W L(W_{t+1})"])
def test_rv42_the_gradient_at_the_new_iterate_is_no_descent_step(rule):
    v = _only(GRAPH + f"$${rule}$$\n")
    assert v.status == "refuted" and "implicit" in v.reason, v


@pytest.mark.parametrize("rule", ["W_2 := W_1 - \\eta \\nabla_W L(W_1)", "W_{t+1} := W_t - \\eta \\nabla_W L(W_t)",
                                  "W_{t+1} := W_t - \\eta \\frac{\\partial L}{\\partial W_t}",
                                  "W_{t+1} \\leftarrow W_t - \\eta \\frac{\\partial L}{\\partial W_t}",
                                  "W_{k+1} := W_k - \\eta \\frac{\\partial L}{\\partial W_k}"])
def test_rv42_a_step_from_the_iterate_it_starts_at_holds_with_any_arrow(rule):
    assert _only(GRAPH + f"$${rule}$$\n").status == "holds"


@pytest.mark.parametrize("rule", ["W_{t+1} := W_t + \\eta \\frac{\\partial L}{\\partial W_t}",
                                  "W_2 := W_1 + \\eta \\nabla_W L(W_1)"])
def test_rv42_an_iterate_step_uphill_stays_refuted(rule):
    assert _only(GRAPH + f"$${rule}$$\n").status == "refuted"


def test_rv42_a_step_from_another_parameter_stays_refuted():
    text = ("Let $h = W_1 x$ and $y = W_2 h$ be the two layers, $L = \\frac12 \\|y - t\\|^2$.\n\n"
            "$$W_2 := W_1 - \\eta G$$\n\nwhere $G = \\frac{\\partial L}{\\partial W_1}$, the gradient at $W_1$.\n")
    v = _only(text)
    assert v.status == "refuted" and "starts from W_1" in v.reason, v


@pytest.mark.parametrize("where, status", [
    ("where $G = \\frac{\\partial L}{\\partial W_1}$.", "holds"),
    ("where $G := \\frac{\\partial L}{\\partial W_1}$.", "holds"),
    ("where $G = \\frac{\\partial L}{\\partial W_2}$.", "refuted"),   # the implicit step again
    ("", "uninterpretable"),                                           # G never defined
    # G said in words only, W_1 named alone in the prose: not a second parameter (before: "starts from W_1")
    ("where $G$ is the gradient of $L$ at $W_1$.", "uninterpretable"),
])
def test_rv42_the_single_claim_w2_from_w1_by_a_named_gradient(where, status):
    v = _only("$$W_2 := W_1 - \\eta G$$\n\n" + where + "\n")
    assert v.status == status, v


def test_rv42_theta_iterates_read_as_a_step():
    net = "Let $h = \\sigma(\\Theta x)$ and $J = \\frac12 \\|h - y\\|^2$.\n\n"
    assert _only(net + "$$\\Theta_{t+1} = \\Theta_t - \\alpha \\nabla_\\Theta J(\\Theta_t)$$\n").status == "holds"
    assert _only(net + "$$\\Theta_{t+1} := \\Theta_t - \\alpha \\frac{\\partial J}{\\partial \\Theta_t}$$\n").status \
        == "holds"
    assert _only(net + "$$\\Theta_{t+1} = \\Theta_t + \\alpha \\nabla_\\Theta J(\\Theta_t)$$\n").status == "refuted"
    assert _only(net + "$$\\Theta_{t+1} = \\Theta_t - \\alpha \\nabla_\\Theta J(\\Theta_{t+1})$$\n").status == "refuted"


# A new value the prose names. Truth by hand, for h = σ(W x), L = ½‖h − t‖²: "U = W − η ∂L/∂W, where U is the new
# value of the weights" is the step W ← W − η ∂L/∂W (holds); with + it goes uphill, and a start from V (no weights
# of the notes) is not W's step (refuted). W^+ = W − η ∂L/∂W writes the next iterate with a plus: W' (holds). Without
# such words U = … is the notes' definition of a new quantity, not judged.

@pytest.mark.parametrize("body, status", [
    ("$$U = W - \\eta \\frac{\\partial L}{\\partial W}$$\n\nwhere $U$ is the new value of the weights.\n", "holds"),
    ("The weights after the step are\n\n$$U = W - \\eta \\frac{\\partial L}{\\partial W}.$$\n", "holds"),
    ("$$W^+ = W - \\eta \\frac{\\partial L}{\\partial W}$$\n\nwhere $W^+$ are the weights after the step.\n", "holds"),
    ("$$U = W + \\eta \\frac{\\partial L}{\\partial W}$$\n\nwhere $U$ is the new value of the weights.\n", "refuted"),
    ("$$U = V - \\eta \\frac{\\partial L}{\\partial W}$$\n\nwhere $U$ is the new value of the weights.\n", "refuted"),
    ("$$W^{+} = W + \\eta \\frac{\\partial L}{\\partial W}$$\n", "refuted"),
])
def test_rv42_a_new_value_named_in_prose_is_judged_as_the_step(body, status):
    assert _only(GRAPH + body).status == status


def test_rv42_a_new_name_without_words_stays_a_definition():
    rows = verify_text(GRAPH + "$$U = W - \\eta \\frac{\\partial L}{\\partial W}$$\n", "auto").rows
    assert not [r for r in rows if "\\eta" in r.formula.text]


# A number inside the gradient is the rate's: W − η ∇_W(2L) = W − 2η ∇_W L, a descent step by the rate 2η (holds,
# the rate named); W − η ∇_W(−L) = W + η ∇_W L goes uphill (refuted).

def test_rv42_a_number_inside_the_gradient_is_named_as_the_rate():
    v = _only(GRAPH + "$$W \\leftarrow W - \\eta \\nabla_W (2L)$$\n")
    assert v.status == "holds" and "2η" in v.reason, v
    assert _only(GRAPH + "$$W \\leftarrow W - \\eta \\nabla_W (-L)$$\n").status == "refuted"
    v = _only(GRAPH + "With $\\eta = -0.1$:\n\n$$W \\leftarrow W - \\eta \\nabla_W (2L)$$\n")
    assert v.status == "refuted" and "uphill" in v.reason, v


# The chain W_t → W_{t+1} = W_t − η ∇_W L names the next iterate in the middle: the descent step (holds; before:
# refuted, t read as an entry index); with + it goes uphill, with ∇L(W_{t+1}) it is the implicit step (refuted).

@pytest.mark.parametrize("rule, status", [
    ("W_t \\to W_{t+1} = W_t - \\eta \\nabla_W L", "holds"),
    ("W_t \\to W_{t+1} = W_t - \\eta \\frac{\\partial L}{\\partial W_t}", "holds"),
    ("W_t \\to W_{t+1} = W_t - \\eta \\nabla_W L(W_t)", "holds"),
    ("W_t \\to W_{t+1} = W_t + \\eta \\nabla_W L", "refuted"),
    ("W_t \\to W_{t+1} = W_t - \\eta \\nabla_W L(W_{t+1})", "refuted"),
])
def test_rv42_the_chain_to_the_next_iterate(rule, status):
    assert _only(GRAPH + f"$${rule}$$\n").status == status


# A formula that sets the rate is the notes' definition of it, read: η = 5·10⁻³ = 0.005 > 0 (before: unreadable,
# "unknown macro \eta"); η = −0.1 is read as not positive.

@pytest.mark.parametrize("value, number, words", [("5 \\cdot 10^{-3}", "0.005", "positive"),
                                                  ("-0.1", "-0.1", "not positive")])
def test_rv42_a_rate_set_by_a_formula_is_a_definition(value, number, words):
    report = verify_text(NET + f"Gradient descent with $\\eta = {value}$:" + RULE, "auto")
    assert not [r for r in report.rows if r.formula.text.startswith("\\eta")]
    (d,) = [f for f in report.skipped if f.text.startswith("\\eta")]
    assert d.kind == "definition" and f"= {number} ({words}" in d.reason, d


# η ∈ (−1, 1) allows negative rates: the rule is a descent step for some of them and uphill for others, so it is not
# judged (it held); η ∈ (0, 1) is positive (holds), η ∈ (−1, 0) negative (refuted).
@pytest.mark.parametrize("interval, status", [("(-1, 1)", "uninterpretable"), ("(-0.5, 2]", "uninterpretable"),
                                              ("(0, 1)", "holds"), ("(-1, 0)", "refuted")])
def test_a_rate_in_an_interval_reaching_below_zero_leaves_the_step_unjudged(interval, status):
    result = _rule(NET + f"Gradient descent with $\\eta \\in {interval}$:" + RULE)
    assert result.status == status
    if status == "uninterpretable":
        assert "sign is left open" in result.reason
