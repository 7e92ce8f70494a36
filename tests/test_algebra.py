"""The exact algebra: canonical forms, so "difference is zero" means what it says."""

from fractions import Fraction

import pytest

from symbp.algebra import Poly, RatFunc

x, y, z = Poly.gen(0), Poly.gen(1), Poly.gen(2)


def test_binomial_expansion_cancels_to_the_zero_polynomial():
    assert ((x + y) ** 3 - (x**3 + 3 * x * x * y + 3 * x * y * y + y**3)).is_zero()


def test_distinct_monomials_do_not_cancel():
    assert not (x * y - y * z).is_zero()
    assert not (x - y).is_zero()


def test_rational_coefficients_are_exact():
    half = Poly.const(Fraction(1, 2))
    assert (half * x + half * x - x).is_zero()
    assert not (half * x - Fraction(1, 3) * x).is_zero()


def test_diff_treats_atoms_as_independent_variables():
    p = x * x * y + 3 * y
    assert p.diff(0) == 2 * x * y
    assert p.diff(1) == x * x + 3
    assert p.diff(2).is_zero()


def test_ratfunc_equality_by_cross_multiplication():
    a = RatFunc(x * y, y * z)
    b = RatFunc(x, z)
    assert (a - b).is_zero()
    assert not (a - RatFunc(y, z)).is_zero()


def test_ratfunc_quotient_rule_matches_hand_derivative():
    # d/dx (x / (x + y)) = y / (x + y)^2
    r = RatFunc(x, x + y)
    assert (r.diff(0) - RatFunc(y, (x + y) ** 2)).is_zero()


def test_evaluation_exact_and_modular_agree():
    p = Fraction(3, 4) * x * x - 5 * y + 1
    values = {0: 7, 1: 11}
    exact = p.evaluate({0: Fraction(7), 1: Fraction(11)})
    assert exact == Fraction(3, 4) * 49 - 55 + 1
    prime = 1_000_003
    want = exact.numerator * pow(exact.denominator, -1, prime) % prime
    assert p.evaluate_mod(values, prime) == want


def test_zero_denominator_is_rejected():
    with pytest.raises(ZeroDivisionError):
        RatFunc(x, Poly())
