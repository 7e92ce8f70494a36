r"""Review rv42a: spellings that were unreadable and are read now, and verdicts pinned by hand.

Truth by hand:

* ``\sigma^2(z)`` is (σ(z))², as ``\tanh^2(z)`` is (tanh z)²: the sigmoid's σ' = σ − σ², and σ² ≠ σ.
* ``\mathrm{d}`` is the upright d of a derivative: ``\frac{\mathrm{d}}{\mathrm{d} z}\sigma(z)`` is σ'(z), which is
  σ(1 − σ) for the sigmoid; d/da ½(a − y)² = a − y, not 2(a − y).
* ``\max(0, z)`` is relu(z): a^l_j = max(0, z^l_j) on a relu network; max(0, z) ≠ z (z < 0); the network's σ
  only under relu, so under another σ the claim is uninterpretable (as ``\tanh`` is).
* At a softmax output a^L_j = e^{z^L_j}/Σ_k e^{z^L_k}, ∂a^L_j/∂z^L_j = a^L_j(1 − a^L_j), not σ'(z^L_j).
* B1: with C = Σ_j (a^L_j − y_j)² (no ½), ∂C/∂a^L_j = 2(a^L_j − y_j) and δ^L_j = 2(a^L_j − y_j)σ'(z^L_j), however
  the factor 2 is written; with Nielsen's ½ they are false.
* B2: Nielsen's δ^l is a column. ``\delta^l = (\delta^{l+1})^T w^{l+1} \odot \sigma'(z^l)^T`` says column = row:
  false in his notation; the numerator layout's δ^l is a row and so is its δ^{l+1}, so (δ^{l+1})^T w^{l+1} is
  ill-shaped there: false in every layout (its transpose of the left side holds). The numerator layout's own BP2,
  δ^l = δ^{l+1} w^{l+1} ⊙ σ'(z^l)^T, holds where the notes declare that layout.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify
from symbp.verify.notes import verify_text


def _status(formula: str, activation: str = "generic", cost: str = "quadratic") -> str:
    return verify(formula, "nielsen", activation=activation, cost=cost).status


def _notes(text: str) -> dict:
    return {row.formula.text: row.result.status for row in verify_text(text).rows}


# -- σ^2(z) ---------------------------------------------------------------------------------------------------------

def test_sigma_squared_before_its_argument_is_the_square_of_sigma():
    assert _status(r"\sigma'(z) = \sigma(z) - \sigma^2(z)", "sigmoid") == "holds"
    assert _status(r"\sigma^2(z^l_j) = (a^l_j)^2") == "holds"
    assert _status(r"\sigma^2(z) = \sigma(z)", "sigmoid") == "refuted"  # not σ(σ(z)), not σ(z)
    assert _status(r"\sigma^2(z^l_j) = a^l_j") == "refuted"


def test_sigma_with_another_superscript_before_its_argument_stays_unreadable():
    assert _status(r"\sigma^{-1}(z) = z") == "unreadable"  # the inverse function is not read


# -- \mathrm{d} ---------------------------------------------------------------------------------------------------

def test_an_upright_d_reads_as_the_d_of_a_derivative():
    assert _status(r"\frac{\mathrm{d}}{\mathrm{d} z}\sigma(z) = \sigma(z)(1 - \sigma(z))", "sigmoid") == "holds"
    assert _status(r"\frac{\mathrm{d}\sigma}{\mathrm{d} z} = \sigma(z)(1 - \sigma(z))", "sigmoid") == "holds"
    assert _status(r"\frac{\mathrm{d}}{\mathrm{d} z}\sigma(z) = 2\sigma(z)(1 - \sigma(z))", "sigmoid") == "refuted"
    assert _status(r"\frac{\mathrm{d}}{\mathrm{d} a}\frac{1}{2}(a - y)^2 = a - y") == "holds"
    assert _status(r"\frac{\text{d}}{\text{d} a}\frac{1}{2}(a - y)^2 = 2(a - y)") == "refuted"


def test_an_upright_d_quotient_of_the_cost_in_notes_is_read_as_its_partial_twin():
    rows = _notes("The cost is\n\n$$C = \\frac{1}{2}(a - y)^2$$\n\nThen\n\n"
                  "$$\\frac{\\mathrm{d} C}{\\mathrm{d} a} = a - y$$\n\n$$\\frac{\\mathrm{d} C}{\\mathrm{d} a} = 2(a - y)$$\n")
    assert rows[r"\frac{\mathrm{d} C}{\mathrm{d} a} = a - y"] == "holds"
    assert rows[r"\frac{\mathrm{d} C}{\mathrm{d} a} = 2(a - y)"] == "refuted"


@pytest.mark.parametrize("formula", [r"\frac{d}{dz} a = \sigma'(z)", r"\frac{\mathrm{d} a}{\mathrm{d} z} = \sigma'(z)"])
def test_a_bare_a_differentiated_by_z_is_not_refuted(formula):
    # a = σ(z) makes it true, a free a makes it 0 = σ'(z); which is meant is not said (∂a/∂z: "a needs a layer")
    assert _status(formula, "sigmoid") == "uninterpretable"


# -- \max(0, z) ---------------------------------------------------------------------------------------------------

def test_max_of_zero_and_z_is_relu():
    assert _status(r"a^l_j = \max(0, z^l_j)", "relu") == "holds"
    assert _status(r"a^l_j = \max(z^l_j, 0)", "relu") == "holds"
    assert _status(r"\sigma(z) = \max(0, z)", "relu") == "holds"
    assert _status(r"\max(0, z) = z", "relu") == "refuted"  # differs for z < 0
    assert _status(r"\max(0, z) = z") == "refuted"
    assert _status(r"\sigma(z) = \max(0, z)") == "refuted"  # a generic σ is not relu


def test_max_on_a_network_whose_sigma_is_not_relu_is_uninterpretable():
    assert _status(r"a^l_j = \max(0, z^l_j)", "sigmoid") == "uninterpretable"


def test_another_maximum_stays_unreadable():
    assert _status(r"\max(1, z) = z") == "unreadable"


# -- softmax output -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("formula", [r"\frac{\partial a^L_j}{\partial z^L_j} = \sigma'(z^L_j)",
                                     r"\frac{\partial a^l_j}{\partial z^l_j} = \sigma'(z^l_j)"])
def test_sigma_prime_at_a_softmax_output_does_not_hold(formula):
    for activation in ("generic", "sigmoid"):
        assert _status(formula, activation, "softmax-cross-entropy") == "refuted", activation
    right = r"\frac{\partial a^L_j}{\partial z^L_j} = a^L_j(1 - a^L_j)"
    assert _status(right, "generic", "softmax-cross-entropy") == "holds"


# -- B1: a factor 2 written in steps ------------------------------------------------------------------------------

@pytest.mark.parametrize("formula", [
    r"\frac{\partial C}{\partial a^L_j} = 2 \cdot (a^L_j - y_j)",
    r"\frac{\partial C}{\partial a^L_j} = (a^L_j - y_j) \cdot 2",
    r"\delta^L_j = 2(a^L_j - y_j)\sigma'(z^L_j)",
    r"\delta^L_j = 2 \cdot (a^L_j - y_j) \cdot \sigma'(z^L_j)",
    r"\delta^L = (a^L - y) \cdot 2 \odot \sigma'(z^L)",
])
def test_a_factor_two_however_written_holds_without_the_half_and_not_with_it(formula):
    assert _status(formula, cost="squared-error") == "holds"
    assert _status(formula, cost="quadratic") == "refuted"


def test_a_factor_two_in_notes_whose_cost_has_no_half():
    rows = _notes("The cost is\n\n$$C = \\sum_j (a^L_j - y_j)^2.$$\n\nThen\n\n"
                  "$$\\delta^L_j = (a^L_j - y_j) \\cdot 2 \\sigma'(z^L_j)$$\n\n$$\\delta^L_j = (a^L_j - y_j)\\sigma'(z^L_j)$$\n")
    assert rows[r"\delta^L_j = (a^L_j - y_j) \cdot 2 \sigma'(z^L_j)"] == "holds"
    assert rows[r"\delta^L_j = (a^L_j - y_j)\sigma'(z^L_j)"] == "refuted"


# -- B2: BP2 with the left side a row -----------------------------------------------------------------------------

def test_bp2_with_a_row_on_the_left_and_a_column_delta_on_the_right_is_refuted_with_the_transpose_named():
    v = verify(r"\delta^l = (\delta^{l+1})^T w^{l+1} \odot \sigma'(z^l)^T", "nielsen")
    assert v.status == "refuted" and "row vector" in v.reason
    assert v.corrected.startswith(r"\left(\delta^l\right)^T")
    assert _status(r"(\delta^l)^T = (\delta^{l+1})^T w^{l+1} \odot \sigma'(z^l)^T") == "holds"


def test_bp2_in_a_declared_numerator_layout_holds_and_the_mixed_one_is_refuted():
    head = "We use the numerator layout throughout.\n\n$$\\delta^l \\equiv \\frac{\\partial C}{\\partial z^l}$$\n\n"
    own = r"\delta^l = \delta^{l+1} w^{l+1} \odot \sigma'(z^l)^T"
    mixed = r"\delta^l = (\delta^{l+1})^T w^{l+1} \odot \sigma'(z^l)^T"
    rows = _notes(head + f"$${own}$$\n\n$${mixed}$$\n")
    assert rows[own] == "holds" and rows[mixed] == "refuted"
