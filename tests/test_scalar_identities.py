"""Scalar identities of a named activation (verify/scalar.py): softplus's logarithms and relu's kink.

The truth is decided independently of symbp's algebra: softplus(z) = log(1 + e^z) is evaluated with mpmath at 40
digits at several points (an identity must agree everywhere; a wrong one differs at some point), and relu's
σ'(z) = [z > 0] with the documented σ'(0) = 0 is evaluated by hand.
"""

from __future__ import annotations

import mpmath
import pytest

from symbp.verify.scalar import check_scalar_text

mpmath.mp.dps = 40


def _softplus(z):
    return mpmath.log(1 + mpmath.e ** z)


def _agrees(f, g) -> bool:
    return all(abs(f(mpmath.mpf(z)) - g(mpmath.mpf(z))) < mpmath.mpf(10) ** -30 for z in (-3.5, -0.25, 0.5, 2, 7))


@pytest.mark.parametrize("text, left, right", [
    (r"\sigma(z) - \sigma(-z) = z", lambda z: _softplus(z) - _softplus(-z), lambda z: z),
    (r"\sigma(-z) = \sigma(z) - z", lambda z: _softplus(-z), lambda z: _softplus(z) - z),
    (r"\sigma(z) - \sigma(-z) = 2z", lambda z: _softplus(z) - _softplus(-z), lambda z: 2 * z),
    (r"\sigma(z) + \sigma(-z) = z", lambda z: _softplus(z) + _softplus(-z), lambda z: z),
    (r"\sigma(-z) = \sigma(z) + z", lambda z: _softplus(-z), lambda z: _softplus(z) + z),
])
def test_softplus_identities_through_logarithms(text, left, right):
    truth = _agrees(left, right)
    status = check_scalar_text(text, "softplus")[0]
    assert status == ("holds" if truth else "refuted"), (text, status, truth)


def test_a_log_of_factors_not_known_positive_is_not_split():
    # log(e^z − 1) is not log(e^z) + log(1 − e^{−z}) for every z (undefined for z ≤ 0): never a hold from splitting
    assert check_scalar_text(r"\log(e^{z} - 1) = z + \log(1 - e^{-z})", "softplus")[0] != "holds"


def _relu_prime(z):
    return 1 if z > 0 else 0  # σ'(0) = 0: symbp's documented convention


@pytest.mark.parametrize("text, left, right", [
    (r"\sigma'(-z) = 1 - \sigma'(z)", lambda z: _relu_prime(-z), lambda z: 1 - _relu_prime(z)),
    (r"\sigma'(z) + \sigma'(-z) = 1", lambda z: _relu_prime(z) + _relu_prime(-z), lambda z: 1),
])
def test_relu_fails_only_at_the_kink(text, left, right):
    assert all(left(z) == right(z) for z in (-2, -0.5, 0.5, 3)) and left(0) != right(0)  # the truth, by hand
    status, reason, cx = check_scalar_text(text, "relu")
    assert status == "refuted" and cx.point == {"z": "0"}, (status, reason)
    assert "for every z ≠ 0" in reason and "convention" in reason


def test_relu_facts_true_at_the_kink_still_hold():
    assert check_scalar_text(r"\sigma(z) = z \sigma'(z)", "relu")[0] == "holds"
    assert check_scalar_text(r"\sigma'(z)^2 = \sigma'(z)", "relu")[0] == "holds"


def test_relu_derivative_as_sigma_over_z_holds_where_defined():
    # review (layouts, finding 6), by hand: relu(z)/z is 1 for z > 0 and 0 for z < 0, relu'(z) on each piece; at z = 0
    # the right side is 0/0. Read where defined (as a network's division by z^l_j): holds, the reason naming z = 0
    from symbp.verify.scalar import check_scalar_text

    status, reason, _ = check_scalar_text(r"\sigma'(z) = \sigma(z)/z", "relu")
    assert status == "holds" and "every z ≠ 0" in reason and "undefined" in reason
    assert check_scalar_text(r"\sigma'(z) = 2\sigma(z)/z", "relu")[0] == "refuted"  # 1 ≠ 2 at z = 1/3
    assert check_scalar_text(r"\sigma'(z) = \sigma(-z)/z", "relu")[0] == "refuted"  # 1 ≠ 0 at z = 1/3


def test_relu_derivative_as_sigma_over_z_agrees_with_the_network_form():
    from symbp.verify import verify

    assert verify(r"\sigma'(z^l) = \sigma(z^l) / z^l", "nielsen", activation="relu").status == "holds"
    assert verify(r"\sigma'(z^l) = 2 \sigma(z^l) / z^l", "nielsen", activation="relu").status == "refuted"


def test_relu_square_over_z_sigma_is_not_cancelled_before_the_pieces():
    # review rv42c, 3, by hand: σ(z)²/(z σ(z)) under relu is z²/z² = 1 for z > 0 and 0/0 for every z < 0, so "= 1"
    # and "= σ'(z)" are no identities of every z (SymPy cancelled it to σ(z)/z: σ' held, "= 1" was refuted at
    # z = −1/3 with a left side of 0 it does not have): undecided, naming the division
    from symbp.verify.scalar import check_scalar_text

    for right in ("1", r"\sigma'(z)"):
        status, reason, _ = check_scalar_text(r"\frac{\sigma(z)^2}{z\sigma(z)} = " + right, "relu")
        assert status == "undecided" and "z < 0" in reason, (right, status, reason)
    # the wrong variant: 2 is wrong where the formula is defined (1 ≠ 2 at z = 1/3), refuted there
    status, reason, _ = check_scalar_text(r"\frac{\sigma(z)^2}{z\sigma(z)} = 2", "relu")
    assert status == "refuted" and "z = 1/3" in reason
