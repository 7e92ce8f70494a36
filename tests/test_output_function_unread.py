r"""An output layer defined with a function symbp cannot read is still another output than σ (rv53 F10).

Notes whose hidden layers compute ``a^l = \sigma(z^l)`` and whose output layer computes ``a^L = \Phi(z^L)`` (or
``\varsigma(z^L)``): the definition is unreadable (an unknown macro), and before the fix the claim
``\delta^L = (a^L - y) \odot \sigma'(z^L)`` was judged with σ at the output, and held.

Hand truth: with C = ½‖a^L − y‖² and a^L = Φ(z^L) entrywise, δ^L = (a^L − y) ⊙ Φ'(z^L) (checked below by
``sympy.diff``), which is the claim only where Φ' = σ'. Nothing in the notes says so, so the claim must not hold;
symbp leaves it uninterpretable, naming the definition, as it does for ``a^L = g(z^L)``.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"


def _notes(output: str) -> str:
    return ("# Backpropagation\n\nWe use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$. The hidden layers "
            f"compute $a^l = \\sigma(z^l)$ and the output layer computes ${output}$.\n\n$${BP1}$$\n")


def _verdict(text: str):
    report = verify_text(text, "auto")
    return {r.formula.text: r.result for r in report.rows}[BP1]


def test_the_hand_truth_has_the_output_functions_derivative():
    z, y = sympy.symbols("z y")
    phi = sympy.Function("Phi")
    delta = sympy.diff((phi(z) - y) ** 2 / 2, z)
    assert sympy.simplify(delta - (phi(z) - y) * sympy.Derivative(phi(z), z)) == 0
    assert delta.has(sympy.Derivative(phi(z), z))  # Φ', not σ'


@pytest.mark.parametrize("output", [r"a^L = \Phi(z^L)", r"a^L = \varsigma(z^L)", r"a^L = \Xi\left(z^L\right)",
                                    r"a^L_j = \Psi(z^L_j)"])
def test_an_unreadable_output_function_leaves_bp1_unjudged(output):
    result = _verdict(_notes(output))
    assert result.status == "uninterpretable", (result.status, result.reason)
    assert "otherwise than σ(z^L)" in result.reason
    assert output.split("=")[1].strip()[:4] in result.reason


def test_a_readable_function_letter_is_left_unjudged_the_same_way():
    result = _verdict(_notes(r"a^L = g(z^L)"))
    assert result.status == "uninterpretable" and "otherwise than σ(z^L)" in result.reason


def test_sigma_at_the_output_still_lets_bp1_hold():
    result = _verdict(_notes(r"a^L = \sigma(z^L)"))
    assert result.status == "holds", result.reason
