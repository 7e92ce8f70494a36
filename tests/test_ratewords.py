r"""Review rv40 A9: the learning rate's value or sign stated in the notes, and gradient ascent said in words.

Truth by hand, for z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖² (∂C/∂w^l = δ^l (a^{l-1})^T, BP4):
w^l → w^l − η δ^l (a^{l-1})^T is a step of gradient descent exactly when η > 0. With η = −0.1 it is
w^l + 0.1 ∂C/∂w^l, a step uphill; with η < 0 likewise; with η = 0 nothing moves; so none of them is a descent step.
A sentence that speaks of gradient ascent (maximising C) needs w^l + η ∂C/∂w^l: the rule as written is not that.
With η = 0.1 or η > 0 the rule is the descent step and holds.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.ratewords import rates

NET = "$$z^l = w^l a^{l-1} + b^l, \\qquad a^l = \\sigma(z^l)$$\n\n$$C = \\frac12 \\|a^L - y\\|^2$$\n\n"
RULE = "\n\n$$w^l \\to w^l - \\eta \\delta^l (a^{l-1})^T$$\n"


def _rule(lead: str):
    (row,) = [r for r in verify_text(NET + lead + RULE, "auto").rows if "\\to" in r.formula.text]
    return row.result


@pytest.mark.parametrize("lead, words", [
    ("Gradient descent with the learning rate $\\eta = -0.1$:", "uphill"),
    ("Gradient descent with a negative learning rate $\\eta < 0$:", "uphill"),
    ("Gradient descent with $\\eta \\le 0$:", "uphill"),
    ("Gradient descent with the learning rate $\\eta = 0$:", "no step"),
])
def test_rv40_a_rate_the_notes_set_nonpositive_refutes_the_descent_step(lead, words):
    v = _rule(lead)
    assert v.status == "refuted" and words in v.reason, v


@pytest.mark.parametrize("lead", ["Gradient ascent (we maximise $C$), with $\\eta > 0$:",
                                  "We maximise the cost by the step"])
def test_rv40_gradient_ascent_in_words_is_not_judged_as_descent(lead):
    v = _rule(lead)
    assert v.status == "uninterpretable" and "ascent" in v.reason, v


@pytest.mark.parametrize("lead", ["Gradient descent with the learning rate $\\eta = 0.1$:",
                                  "Gradient descent with $\\eta > 0$:",
                                  "If $\\eta = 0$, nothing moves. Gradient descent:",
                                  "Gradient descent:",
                                  # a value ruled out, not stated (review rv41 B4)
                                  "Note that $\\eta \\le 0$ is never used. Gradient descent:",
                                  "The rate must not be negative ($\\eta < 0$ makes the step go uphill). Gradient descent:",
                                  "Skoro $\\eta < 0$ nie ma sensu, bierzemy dodatnie $\\eta$. Gradient descent:"])
def test_rv40_a_positive_or_unstated_rate_keeps_the_descent_step(lead):
    assert _rule(lead).status == "holds"


def test_rv40_the_last_stated_rate_before_the_rule_decides():
    assert _rule("First $\\eta = -1$. Later we take $\\eta = 0.5$ for gradient descent:").status == "holds"
    assert rates("We take $\\eta = \\frac{1}{2}$.") == [(8, "\\eta", "=", 0.5, False)]
