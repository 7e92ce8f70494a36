r"""Review rv42a A3: a formula that divides by σ'(z) where σ' may be 0 on an interval never holds.

Truth by hand. δ^l_j = ∂C/∂a^l_j · σ'(z^l_j) (BP1 and BP2 entry by entry, from the chain rule through
a^l_j = σ(z^l_j)), so δ^l_j / σ'(z^l_j) = ∂C/∂a^l_j wherever σ'(z^l_j) ≠ 0, and has no value where σ'(z^l_j) = 0.

* A generic σ is every differentiable function: one constant on an interval is among them, and every neuron whose
  z falls there (an open set of inputs) has σ'(z) = 0, so the quotient is undefined on an open set: undecided with
  the reason, never holds (it held). The same for the scalar σ(z)σ'(z)/σ'(z) = σ(z).
* relu: σ'(z) = 0 for every z < 0 — undecided (the network formula already was; the scalar one held).
* sigmoid, tanh: σ' = σ(1 − σ) > 0 and 1 − tanh² > 0 everywhere: the formula holds.
* A wrong variant (a factor 2 too many) differs wherever it is defined: refuted under every σ.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify

QUOTIENT = r"\frac{\delta^l_j}{\sigma'(z^l_j)} = \frac{\partial C}{\partial a^l_j}"
QUOTIENT_WRONG = r"\frac{\delta^l_j}{\sigma'(z^l_j)} = 2 \frac{\partial C}{\partial a^l_j}"
VECTOR = r"\frac{\delta^l}{\sigma'(z^l)} = (w^{l+1})^T \delta^{l+1}"  # BP2 divided entry by entry by σ'(z^l)
SCALAR = r"\frac{\sigma(z)\sigma'(z)}{\sigma'(z)} = \sigma(z)"
SCALAR_WRONG = r"\frac{\sigma(z)\sigma'(z)}{\sigma'(z)} = 2\sigma(z)"


@pytest.mark.parametrize("formula", [QUOTIENT, VECTOR])
def test_a_division_by_a_generic_sigma_prime_is_undecided_not_held(formula):
    v = verify(formula, "nielsen")
    assert v.status == "undecided", (v.status, v.reason)
    assert "flat" in v.reason and "0/0" in v.reason


def test_a_division_by_relu_prime_stays_undecided():
    v = verify(QUOTIENT, "nielsen", activation="relu")
    assert v.status == "undecided" and "relu makes 0" in v.reason


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_a_division_by_a_sigma_prime_that_is_never_zero_holds(activation):
    assert verify(QUOTIENT, "nielsen", activation=activation).status == "holds"


@pytest.mark.parametrize("activation", ["generic", "relu", "sigmoid"])
def test_a_division_by_sigma_prime_with_a_wrong_factor_is_refuted(activation):
    assert verify(QUOTIENT_WRONG, "nielsen", activation=activation).status == "refuted"


@pytest.mark.parametrize("activation", ["generic", "relu"])
def test_a_scalar_division_by_sigma_prime_is_undecided_not_held(activation):
    v = verify(SCALAR, "nielsen", activation=activation)
    assert v.status == "undecided", (v.status, v.reason)
    assert "it divides by \\sigma'(z)" in v.reason


def test_a_scalar_division_by_relu_itself_is_undecided():
    # relu(z) = 0 for every z < 0: σ(z)/σ(z) has no value there (it held, SymPy cancelling it to 1)
    assert verify(r"\frac{\sigma(z)}{\sigma(z)} = 1", "nielsen", activation="relu").status == "undecided"


def test_a_scalar_division_by_sigmoid_prime_holds_and_its_wrong_variant_is_refuted():
    assert verify(SCALAR, "nielsen", activation="sigmoid").status == "holds"
    for activation in ("generic", "relu", "sigmoid"):
        assert verify(SCALAR_WRONG, "nielsen", activation=activation).status == "refuted", activation


def test_relu_division_by_z_is_still_read_where_defined():
    # σ(z)/z = σ'(z) for relu fails only at z = 0 (a point, not an interval): read where defined, as before
    assert verify(r"\frac{\sigma(z)}{z} = \sigma'(z)", "nielsen", activation="relu").status == "holds"


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "generic", "relu"])
@pytest.mark.parametrize("formula", [r"\frac{\max(0,z)}{\max(0,z)} = 1", r"\frac{z\,\max(0,z)}{\max(0,z)} = z"])
def test_a_division_by_max_of_zero_and_z_is_undecided_under_any_activation(activation, formula):
    # review rv44 A4: max(0, z) is 0 for every z < 0, so both sides are 0/0 on a half-line; under sigmoid, tanh and a
    # generic σ the quotient was cancelled and "holds … for every real z" was said (relu was already undecided)
    result = verify(formula, activation=activation)
    assert result.status == "undecided" and "divides by" in result.reason, (activation, result.status, result.reason)


def test_a_division_by_max_that_differs_where_defined_is_refuted():
    assert verify(r"\frac{\max(0,z)}{\max(0,z)} = 2", activation="sigmoid").status == "refuted"


@pytest.mark.parametrize("formula", [r"\frac{\max(0,1-z)}{\max(0,1-z)} = 1",
                                     r"\frac{\max(0,\sigma(z)-1)}{\max(0,\sigma(z)-1)} = 1"])
def test_a_division_by_max_of_zero_and_anything_is_undecided(formula):
    # review rv44 A4 (after max3): max(0, 1 - z) is 0 for every z ≥ 1, max(0, σ(z) - 1) for every z under sigmoid
    result = verify(formula, activation="sigmoid")
    assert result.status == "undecided" and "divides by" in result.reason, (result.status, result.reason)
    assert verify(r"\frac{z}{1+\max(0,z)} = \frac{z}{1+\max(0,z)}", activation="sigmoid").status == "holds"


@pytest.mark.parametrize("formula", [r"\frac{\sigma(z)\sigma'(z)}{\sigma(z)} = \sigma'(z)",
                                     r"\frac{\sigma(z)(1-\sigma(z))}{1-\sigma(z)} = \sigma(z)",
                                     r"\frac{\sigma(z)}{\sigma(z)} = 1"])
def test_a_scalar_division_by_what_a_constant_generic_sigma_makes_zero_is_undecided(formula):
    # review rv44 A5: a generic σ may be constant at 0 (or at 1) on an interval, where σ(z) (or 1 − σ(z)) is 0 for
    # every z: the quotient is 0/0 there (σ(z) = e^{-1/z} for z > 0, 0 else, is differentiable). Under sigmoid, σ is
    # never 0 or 1: decided.
    result = verify(formula)
    assert result.status == "undecided" and "constant at" in result.reason, (result.status, result.reason)
    assert verify(formula, activation="sigmoid").status == "holds"


def test_a_scalar_division_by_what_no_constant_sigma_makes_zero_still_holds():
    assert verify(r"\frac{\sigma(z)}{1+\sigma(z)^2} = \frac{\sigma(z)}{1+\sigma(z)^2}").status == "holds"
    assert verify(r"\frac{\sigma(z)\sigma(z)}{\sigma(z)} = 2\sigma(z)").status == "refuted"


@pytest.mark.parametrize("left", [r"\frac{d}{dz}\sigma(z)", r"\frac{d}{dz}\max(0,z)"])
def test_relu_differentiated_is_read_where_defined_not_refuted_at_the_kink(left):
    # review rv44 B5: d/dz relu(z) = σ'(z) is σ' by definition for every z ≠ 0, and d/dz relu has no value at 0:
    # it was refuted at z = 0 by the convention σ'(0) = 0. A wrong right side is still refuted off the kink.
    result = verify(left + r" = \sigma'(z)", activation="relu")
    assert result.status == "holds" and "z ≠ 0" in result.reason, (result.status, result.reason)
    assert verify(left + " = 1", activation="relu").status == "refuted"
    assert verify(r"\sigma'(-z) = 1 - \sigma'(z)", activation="relu").status == "refuted"  # no derivative: the convention
