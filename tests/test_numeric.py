"""numeric.gradient (lambdified ground truth) and the registry's stable NumPy twins.

Oracles: sympy.diff of the fully composed cost (derive.sympy_gradient), and
the registry's SymPy expressions, which each stable twin must equal
symbolically (issue 6: "a test shows each stable form equals its SymPy
expression").
"""

import numpy as np
import pytest
import sympy

from symbp import functions, numeric
from symbp.functions import ACTIVATIONS, COSTS, SYMPY_UFUNCS
from symbp.network import network

NAMED = [name for name in ACTIVATIONS if name != "generic"]
z = sympy.Symbol("z", real=True)


def _symbolically_equal(a, b) -> bool:
    difference = sympy.simplify((sympy.nsimplify(a) - b).rewrite(sympy.exp))
    return difference == 0


@pytest.mark.parametrize("name", NAMED)
def test_stable_activation_twin_is_the_sympy_expression(name):
    act = ACTIVATIONS[name]
    assert _symbolically_equal(act.numpy(z, xp=SYMPY_UFUNCS), act.expr(z))
    assert _symbolically_equal(act.numpy_prime(z, xp=SYMPY_UFUNCS), act.prime(z))


def test_symbolic_reading_catches_a_wrong_twin():
    # the check above can fail: σ(z) = ½(1 + tanh z) (missing the /2 inside) is not the sigmoid
    def wrong(z, out=None, xp=np):
        t = xp.tanh(z, out=out)
        t = xp.multiply(t, 0.5, out=t)
        return xp.add(t, 0.5, out=t)

    assert not _symbolically_equal(wrong(z, xp=SYMPY_UFUNCS), ACTIVATIONS["sigmoid"].expr(z))


@pytest.mark.parametrize("name", list(COSTS))
def test_stable_cost_twin_and_gradient_are_the_sympy_cost(name):
    # elementwise, one output neuron; where the log clip is inactive (ε < a < 1 − ε)
    entry = COSTS[name]
    a, y = sympy.symbols("a y", positive=True)
    assert _symbolically_equal(entry.numpy(a, y, xp=SYMPY_UFUNCS), entry.expr([a], [y]))
    assert _symbolically_equal(entry.numpy_grad(a, y, xp=SYMPY_UFUNCS), entry.grad([a], [y])[0])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", NAMED)
def test_twins_are_finite_and_right_at_z_plus_minus_1000(name, dtype):
    act = ACTIVATIONS[name]
    zs = np.array([-1000.0, 1000.0], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is right
        value, prime = act.numpy(zs), act.numpy_prime(zs)
    assert value.dtype == dtype and prime.dtype == dtype
    limits = {
        "sigmoid": ([0, 1], [0, 0]),
        "tanh": ([-1, 1], [0, 0]),
        "relu": ([0, 1000], [0, 1]),
        "softplus": ([0, 1000], [0, 1]),
        "identity": ([-1000, 1000], [1, 1]),
    }[name]
    np.testing.assert_allclose(value, limits[0], atol=1e-30)
    np.testing.assert_allclose(prime, limits[1], atol=1e-30)


def test_twins_write_into_the_given_buffer():
    zs = np.linspace(-3, 3, 7)
    for name in NAMED:
        out = np.empty_like(zs)
        assert ACTIVATIONS[name].numpy(zs, out=out) is out
        np.testing.assert_allclose(out, [float(ACTIVATIONS[name].expr(sympy.Float(v)).evalf()) for v in zs])


def test_softmax_is_log_sum_exp_stable():
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is right
        p = functions.numpy_softmax(np.array([[1000.0, -1000.0, 999.0]]), axis=1)
    np.testing.assert_allclose(p, [[1 / (1 + np.exp(-1.0)), 0.0, np.exp(-1.0) / (1 + np.exp(-1.0))]])


def test_clipped_costs_stay_finite_at_saturation():
    a = np.array([[0.0], [1.0]])
    y = np.array([[1.0], [0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is right
        for name in ("cross-entropy", "softmax-cross-entropy"):
            assert np.all(np.isfinite(COSTS[name].numpy(a, y)))
            assert np.all(np.isfinite(COSTS[name].numpy_grad(a, y)))


CASES = [
    ([2, 2, 1], "sigmoid", "cross-entropy"),
    ([2, 3, 2], "tanh", "quadratic"),
    ([1, 2, 2], "softplus", "softmax-cross-entropy"),
    ([2, 2, 2], "relu", "mean-quadratic"),
]


@pytest.mark.parametrize("sizes, act, cost", CASES)
def test_lambdified_gradient_equals_sympy_diff_of_composed_cost(sizes, act, cost):
    # the oracle: sympy.diff of C(x, y, w, b) written out in full, evaluated at one point
    net = network(sizes, act, cost, batch=1)
    grad = numeric.gradient(net)
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(n, p)) for p, n in zip(sizes, sizes[1:])]
    biases = [rng.normal(size=n) for n in sizes[1:]]
    X = rng.normal(size=(1, sizes[0]))
    Y = rng.random((1, sizes[-1]))
    dW, db = grad(weights, biases, X, Y)
    composed = net.composed_cost()
    point = {net.x(k + 1): X[0, k] for k in range(sizes[0])}
    point.update({net.y(j + 1): Y[0, j] for j in range(sizes[-1])})
    for l in net.layers:
        for j in range(net.n(l)):
            point[net.bias(l, j + 1)] = biases[l - 2][j]
            for k in range(net.n(l - 1)):
                point[net.weight(l, j + 1, k + 1)] = weights[l - 2][j, k]
    for key in net.parameters():
        want = float(sympy.diff(composed, net.symbol(key)).xreplace(point).evalf())
        got = dW[key[1] - 2][key[2] - 1, key[3] - 1] if key[0] == "w" else db[key[1] - 2][key[2] - 1]
        assert got == pytest.approx(want, rel=1e-10, abs=1e-12), key


def test_lambdified_gradient_is_the_mean_over_the_batch():
    net = network([2, 2, 1], "sigmoid", "quadratic")
    grad = numeric.gradient(net)
    rng = np.random.default_rng(1)
    W = [rng.normal(size=(2, 2)), rng.normal(size=(1, 2))]
    b = [rng.normal(size=2), rng.normal(size=1)]
    X, Y = rng.normal(size=(3, 2)), rng.normal(size=(3, 1))
    together = grad(W, b, X, Y)[0][0]
    one_by_one = [grad(W, b, X[i : i + 1], Y[i : i + 1])[0][0] for i in range(3)]
    np.testing.assert_allclose(together, np.mean(one_by_one, axis=0), rtol=1e-12)


def test_lambdify_refuses_large_networks_by_name():
    with pytest.raises(numeric.LambdifyError, match="at most 200.*--backend fast"):
        numeric.gradient(network([784, 30, 10], "sigmoid"))


def test_lambdified_mean_quadratic_matches_the_two_sample_composed_cost():
    # seed 001: C = 1/(2m) Σ_x ‖y(x) − a(x)‖² over m = 2 samples, differentiated as a whole
    net = network([2, 2, 1], "sigmoid", "mean-quadratic", batch=2)
    grad = numeric.gradient(net)
    rng = np.random.default_rng(3)
    W = [rng.normal(size=(2, 2)), rng.normal(size=(1, 2))]
    b = [rng.normal(size=2), rng.normal(size=1)]
    X, Y = rng.normal(size=(2, 2)), rng.random((2, 1))
    dW, db = grad(W, b, X, Y)
    point = {net.x(k + 1, s + 1): X[s, k] for s in range(2) for k in range(2)}
    point.update({net.y(1, s + 1): Y[s, 0] for s in range(2)})
    for l in (2, 3):
        for j in range(net.n(l)):
            point[net.bias(l, j + 1)] = b[l - 2][j]
            for k in range(net.n(l - 1)):
                point[net.weight(l, j + 1, k + 1)] = W[l - 2][j, k]
    composed = net.composed_cost()
    want = float(sympy.diff(composed, net.weight(2, 1, 2)).xreplace(point).evalf())
    assert dW[0][0, 1] == pytest.approx(want, rel=1e-10)
    want_b = float(sympy.diff(composed, net.bias(3, 1)).xreplace(point).evalf())
    assert db[1][0] == pytest.approx(want_b, rel=1e-10)
