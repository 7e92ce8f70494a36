"""Registry entries: SymPy derivative = registered derivative; NumPy twins = SymPy values; stability."""

import numpy as np
import pytest
import sympy

from symbp import functions
from symbp.errors import SpecError

z = sympy.Symbol("z", real=True)
NAMED = ["sigmoid", "tanh", "softplus", "identity"]


@pytest.mark.parametrize("name", NAMED)
def test_registered_derivative_equals_sympy_diff(name):
    act = functions.activation(name)
    diff = sympy.diff(act.expr(z), z) - act.prime(z)
    assert sympy.simplify(diff.rewrite(sympy.exp)) == 0


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "identity"])
def test_prime_of_value_equals_derivative(name):
    act = functions.activation(name)
    diff = act.prime(z) - act.prime_of_value(act.expr(z))
    assert sympy.simplify(diff.rewrite(sympy.exp)) == 0


def test_relu_derivative_is_heaviside_with_zero_at_zero():
    relu = functions.activation("relu")
    assert relu.prime(sympy.Integer(0)) == 0
    assert relu.prime(sympy.Rational(1, 2)) == 1
    assert float(relu.numpy_prime(np.array([0.0]))[0]) == 0.0


@pytest.mark.parametrize("name", NAMED + ["relu"])
def test_numpy_twin_matches_sympy_at_points(name):
    act = functions.activation(name)
    for v in (-3.5, -0.25, 0.75, 2.0):
        want = float(act.expr(sympy.Float(v)))
        assert act.numpy(np.float64(v)) == pytest.approx(want, rel=1e-12, abs=1e-14)
        want_p = float(act.prime(sympy.Float(v)))
        assert act.numpy_prime(np.float64(v)) == pytest.approx(want_p, rel=1e-12, abs=1e-14)


@pytest.mark.parametrize("name", NAMED + ["relu"])
def test_numpy_twins_do_not_overflow_at_1000(name):
    act = functions.activation(name)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        values = act.numpy(np.array([-1000.0, 1000.0]))
        primes = act.numpy_prime(np.array([-1000.0, 1000.0]))
    assert np.all(np.isfinite(primes))
    assert np.isfinite(values[0])


def test_generic_activation_differentiates_to_its_prime():
    sigma = functions.activation("generic")
    u = sympy.Symbol("u")
    assert sympy.diff(sigma.expr(u**2), u) == 2 * u * sigma.prime(u**2)


def test_generic_has_no_numbers():
    with pytest.raises(SpecError, match="no numeric values"):
        functions.activation("generic").numpy(0.0)


def test_softmax_numpy_is_stable_and_normalised():
    p = functions.numpy_softmax(np.array([1000.0, 0.0, -1000.0]))
    assert np.all(np.isfinite(p)) and p.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy", "softmax-cross-entropy"])
def test_cost_numpy_gradient_matches_sympy_gradient(cost):
    entry = functions.cost(cost)
    a, y = sympy.symbols("a1 a2"), sympy.symbols("y1 y2")
    point = {a[0]: sympy.Rational(1, 5), a[1]: sympy.Rational(3, 5), y[0]: 0, y[1]: 1}
    want = [float(g.xreplace(point)) for g in entry.grad(a, y)]
    got = entry.numpy_grad(np.array([0.2, 0.6]), np.array([0.0, 1.0]))
    assert np.allclose(got, want, rtol=1e-12)


@pytest.mark.parametrize("bad", ["swish", "", "generic:1x"])
def test_unknown_activation_is_a_clear_error(bad):
    with pytest.raises(SpecError):
        functions.activation(bad)
