"""Ground truth: forward-mode on the graph of definitions = sympy.diff of the composed cost = finite differences."""

import random

import numpy as np
import pytest
import sympy

from symbp import derive
from symbp.errors import SpecError
from symbp.network import network


def _all_parameters(net):
    return net.parameters()


@pytest.mark.parametrize("sizes", [[2, 3, 2], [3, 2, 4], [2, 3, 3, 2]])
def test_forward_mode_equals_sympy_diff_exactly_for_generic_sigma(sizes):
    # DESIGN.md: ground truth is direct differentiation; on small networks the
    # graph-of-definitions route must equal sympy.diff of the composed C.
    net = network(sizes, activation="generic")
    params = _all_parameters(net)
    random.Random(1).shuffle(params)
    for key in params[:8]:
        ours = derive.substitute_forward(net, derive.gradient(net, key))
        oracle = derive.sympy_gradient(net, key)
        assert sympy.expand(ours - oracle) == 0, key


def test_forward_mode_equals_sympy_diff_for_identity_activation():
    net = network([2, 2, 2], activation="identity")
    for key in net.parameters():
        ours = derive.substitute_forward(net, derive.gradient(net, key))
        assert sympy.expand(ours - derive.sympy_gradient(net, key)) == 0, key


def _high_precision_gap(net, key, rng):
    ours = derive.substitute_forward(net, derive.gradient(net, key))
    oracle = derive.sympy_gradient(net, key)
    symbols = sorted(ours.free_symbols | oracle.free_symbols, key=str)
    zs, _ = net.forward()
    while True:
        point = {s: sympy.Rational(rng.randint(-6, 6), 4) for s in symbols}
        # relu has no derivative at z = 0 (symbp takes 0, SymPy's Heaviside 1/2): stay off the kink.
        if all(z.xreplace(point) != 0 for layer in zs.values() for z in layer):
            return abs(sympy.N((ours - oracle).xreplace(point), 40))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "softplus", "relu"])
def test_forward_mode_equals_sympy_diff_for_named_activations(activation):
    net = network([2, 3, 2], activation=activation)
    rng = random.Random(3)
    for key in rng.sample(net.parameters(), 5):
        assert _high_precision_gap(net, key, rng) < 1e-30, key


@pytest.mark.parametrize(
    "cost, activation, one_hot",
    [("cross-entropy", "sigmoid", False), ("softmax-cross-entropy", "sigmoid", True)],
)
def test_forward_mode_equals_sympy_diff_for_the_cross_entropy_costs(cost, activation, one_hot):
    # Softmax without one-hot targets (the slowest sympy.diff of the suite) is not repeated here:
    # the central differences below take the same route (gradient, substitute_forward) on a softmax
    # output, and tests/test_oracle.py compares derive with the oracle at every node and seed of
    # [2,2,2] tanh softmax-cross-entropy, and the oracle with sympy.diff of that composed cost.
    net = network([2, 2, 3], activation=activation, cost=cost, one_hot=one_hot)
    rng = random.Random(5)
    for key in rng.sample(net.parameters(), 5):
        assert _high_precision_gap(net, key, rng) < 1e-30, key


def test_mean_quadratic_batch_cost_is_differentiated_over_all_samples():
    net = network([1, 2, 1], activation="generic", cost="mean-quadratic", batch=3)
    for key in [("w", 2, 1, 1), ("b", 3, 1)]:
        ours = derive.substitute_forward(net, derive.gradient(net, key), s=1)
        for s in (2, 3):
            ours = derive.substitute_forward(net, ours, s=s)
        assert sympy.expand(ours - derive.sympy_gradient(net, key)) == 0


def test_per_neuron_override_seed_000_exercise():
    # Seed 000's exercise: one neuron uses another activation f.
    net = network([2, 2, 1], activation="generic", overrides={(2, 1): "generic:f"})
    for key in [("w", 2, 1, 1), ("w", 3, 1, 1)]:
        ours = derive.substitute_forward(net, derive.gradient(net, key))
        oracle = derive.sympy_gradient(net, key)
        assert sympy.expand(ours - oracle) == 0
    assert "f_prime" in str(derive.gradient(net, ("w", 2, 1, 1)))


def _numeric_cost(net, values):
    f = sympy.lambdify(list(values), net.composed_cost(), "mpmath")
    return lambda vals: float(f(*vals))


@pytest.mark.parametrize(
    "sizes, activation, cost",
    [([2, 3, 2], "sigmoid", "quadratic"), ([3, 2, 2], "sigmoid", "cross-entropy"), ([2, 3, 3], "softplus", "softmax-cross-entropy")],
)
def test_ground_truth_agrees_with_central_finite_differences(sizes, activation, cost):
    # Independent oracle: central differences of the composed cost, float64,
    # h = 1e-6, tolerance 1e-6 absolute (truncation error is O(h^2)).
    net = network(sizes, activation=activation, cost=cost)
    C = net.composed_cost()
    symbols = sorted(C.free_symbols, key=str)
    rng = np.random.default_rng(0)
    point = {s: float(v) for s, v in zip(symbols, rng.uniform(-1, 1, len(symbols)))}
    for s in symbols:
        if s.name.startswith("y"):
            point[s] = float(rng.uniform(0.1, 0.9))
    f = sympy.lambdify(symbols, C, "numpy")
    h = 1e-6
    for key in rng.permutation(np.array(net.parameters(), dtype=object))[:6]:
        key = tuple(key)
        sym = net.symbol(key)
        plus, minus = dict(point), dict(point)
        plus[sym] += h
        minus[sym] -= h
        fd = (f(*[plus[s] for s in symbols]) - f(*[minus[s] for s in symbols])) / (2 * h)
        gt = derive.substitute_forward(net, derive.gradient(net, key))
        exact = float(gt.xreplace({s: sympy.Float(v, 30) for s, v in point.items()}))
        assert exact == pytest.approx(fd, abs=1e-6), key


def test_delta_is_derivative_with_respect_to_z_not_backprop():
    # δ^L_j for the quadratic cost and generic σ: (σ(z) − y) σ'(z), by hand.
    net = network([1, 1], activation="generic")
    gt = derive.GroundTruth(net)
    d = gt.to_sympy(gt.delta(2, 1))
    sigma, sigma_prime = net.activation(2, 1).expr, net.activation(2, 1).prime
    z = net.z(2, 1)
    assert sympy.expand(d - (sigma(z) - net.y(1)) * sigma_prime(z)) == 0


@pytest.mark.parametrize("text", ["w^9_11", "v^2_11", "w^2_1", "b^2_12", "w^1_11"])
def test_bad_parameter_names_are_clear_errors(text):
    with pytest.raises(SpecError):
        derive.gradient(network([2, 3, 2]), text)


def test_parse_quantity_reads_both_index_styles():
    assert derive.parse_quantity("w^2_{1,2}") == ("w", 2, 1, 2)
    assert derive.parse_quantity("w^{3}_{21}") == ("w", 3, 2, 1)
    assert derive.parse_quantity("b^3_1") == ("b", 3, 1)


def test_budget_stops_a_long_computation():
    net = network([6, 12, 12, 6], activation="sigmoid")
    gt = derive.GroundTruth(net, derive.Budget(seconds=0.0))
    with pytest.raises(derive.BudgetExceeded):
        gt.dw(2, 1, 1)


@pytest.mark.parametrize("cost, one_hot", [("softmax-cross-entropy", False), ("softmax-cross-entropy", True), ("quadratic", False)])
def test_nabla_a_at_the_output_is_the_cost_gradient(cost, one_hot):
    # ∂C/∂a^L_j with C written as a function of a^L: −y_j/a_j for categorical CE, a_j − y_j for ½‖a − y‖².
    net = network([2, 3], activation="generic", cost=cost, one_hot=one_hot)
    gt = derive.GroundTruth(net)
    a = [sympy.Symbol(f"a{j}") for j in range(1, 4)]
    want = net.cost_entry.grad(a, net.targets())
    _, acts = net.forward()
    for j in range(1, 4):
        got = derive.substitute_forward(net, gt.to_sympy(gt.nabla_a(j)))
        expected = want[j - 1].xreplace(dict(zip(a, acts[2])))
        assert sympy.simplify(got - expected) == 0
        assert got != 0
