r"""A change of the activation after the notes defined it as the sigmoid (review rv38, F5).

Hand: for the sigmoid σ' = σ(1 − σ), so δ^L = (a^L − y) ⊙ a^L ⊙ (1 − a^L) is BP1; for tanh σ' = 1 − σ², so the same
formula is false (at z = 1: a(1 − a) ≈ 0.18 but 1 − a² ≈ 0.42). After a switch to tanh the claim must never hold:
refuted when the switch is a formula symbp reads as tanh (σ := \tanh, σ \equiv \tanh, σ = \tanh, σ(\cdot) = \tanh(\cdot)),
not judged when the words say the activation changes (which one is not read). Words that do not change the notes'
activation ("Some authors prefer tanh") leave the sigmoid in force, and the claim holds.
"""

from __future__ import annotations

import math

import pytest

from symbp.verify.notes import verify_text

CLAIM = r"\delta^L = (a^L - y)\odot a^L \odot (1 - a^L)"
HEAD = "# Notes\n\nWe use the logistic function $\\sigma(z) = \\frac{1}{1+e^{-z}}$ and $C = \\frac12\\|a^L - y\\|^2$.\n\n"


def _claim(middle: str):
    report = verify_text(HEAD + middle + f"\n\nThen ${CLAIM}$.\n", "auto")
    return next(r.result for r in report.rows if r.formula.text == CLAIM)


def test_the_two_derivatives_differ():
    s, t = 1 / (1 + math.exp(-1.0)), math.tanh(1.0)
    assert abs(s * (1 - s) - (1 - t * t)) > 0.1 and abs(t * (1 - t) - (1 - t * t)) > 0.1


@pytest.mark.parametrize("switch", [r"$\sigma := \tanh$", r"$\sigma \equiv \tanh$", r"$\sigma = \tanh$",
                                    r"$\sigma(\cdot) = \tanh(\cdot)$"])
def test_a_switch_written_as_a_function_is_read(switch):
    got = _claim(f"In the second half, {switch}.")
    assert got.status == "refuted", (got.status, got.reason)


@pytest.mark.parametrize("words", [
    r"In the second half of the course we switch to $\tanh$ instead of the logistic function.",
    "From now on we use tanh instead of the sigmoid.",
    "Далее будем использовать tanh вместо сигмоиды.",
    "Od teraz używamy funkcji tanh zamiast sigmoidy.",
    "Odteď místo sigmoidy používáme tanh.",
    "For the rest of these notes the activation is the hyperbolic tangent.",  # review rv40 A3
    r"From here on, the sigmoid gives way to $\tanh$.",
    "Dále jako aktivační funkci používáme hyperbolický tangens.",  # review rv41 A5
    r"The sigmoid is now retired; all neurons below use $\tanh$.",
])
def test_a_switch_in_words_is_never_judged_under_the_sigmoid(words):
    got = _claim(words)
    assert got.status in ("uninterpretable", "ambiguous", "refuted"), (got.status, got.reason)


@pytest.mark.parametrize("words", ["Some authors prefer tanh.", "Instead of writing the sum twice we abbreviate it."])
def test_words_that_change_nothing_leave_the_sigmoid(words):
    got = _claim(words)
    assert got.status == "holds", (got.status, got.reason)
