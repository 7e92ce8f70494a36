"""The independent oracle (symbp.oracle) against sympy.diff, against derive, and in production.

Three sources of truth meet here: ``sympy.diff`` of the fully composed cost
(SymPy's own rules on the registry's SymPy expressions), the oracle (mpmath
definitions written separately, numeric differentiation), and symbp's ground
truth (``derive``, forward mode over the atom algebra). The first two share
nothing but the network's specification; where all three agree to 10^-40 at
random rational points the ground truth is right there. The sweep over every
(node, seed) pair is how the softmax ∂a^L_j/∂a^L_j bug of issue 12 was found,
and how ∂z^l_j/∂z^l_j = 0 from ``GroundTruth.d_node`` was found with it.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from oracle_agreement import (  # noqa: E402  (the sweep the benchmark runs over its own networks)
    against_ground_truth, cubic, ground_truth_values, point, sympy_leaf_values,
)
from symbp import functions, identities  # noqa: E402
from symbp.derive import GroundTruth  # noqa: E402
from symbp.network import network  # noqa: E402
from symbp.oracle import Oracle, OracleError, OracleQuantities, confirm, element_value  # noqa: E402
from symbp.prove import prove  # noqa: E402
from symbp.quantities import ExactQuantities  # noqa: E402
from symbp.verify import verify  # noqa: E402

TOL = 1e-40


def _point(net, seed=0, denominator=8):
    return point(net, random.Random(seed), denominator)


def _close(oracle_value, sympy_value) -> bool:
    ref = sympy.N(sympy_value, 60)
    got = sympy.Float(str(oracle_value), 60)
    return abs(got - ref) <= TOL * (1 + abs(ref))


NETWORKS = [
    # (sizes, activation, cost, options): every activation, every cost, softmax, one-hot, a mini-batch
    ([2, 3, 2], "sigmoid", "quadratic", {}),
    ([2, 2, 2], "tanh", "quadratic", {}),
    ([2, 2, 2], "softplus", "quadratic", {}),
    ([2, 3, 2], "relu", "quadratic", {}),
    ([2, 2, 2], "identity", "quadratic", {}),
    ([2, 2, 2], "generic", "quadratic", {}),
    ([2, 2, 1], "sigmoid", "cross-entropy", {}),
    ([2, 2, 2], "tanh", "softmax-cross-entropy", {}),
    ([1, 2, 3], "sigmoid", "softmax-cross-entropy", {"one_hot": True}),
    ([2, 2, 1], "generic", "mean-quadratic", {"batch": 2}),
]


@pytest.mark.parametrize("sizes, activation, cost, options", NETWORKS, ids=lambda v: str(v))
def test_oracle_gradient_equals_sympy_diff_of_the_composed_cost(sizes, activation, cost, options):
    # DESIGN.md: ground truth is sympy.diff of the fully composed C(x, y, w, b).
    net = network(sizes, activation, cost, **options)
    pt = _point(net, seed=len(sizes) + sum(sizes))
    oracle = Oracle(net, pt)
    composed = cubic(net.composed_cost())
    sub = sympy_leaf_values(net, pt)
    assert _close(oracle.cost(), composed.xreplace(sub))
    wrt = net.parameters() + [("x", s, k) for s in net.samples for k in range(1, net.n(1) + 1)]
    # sympy.diff is slow on these expressions: a fixed sample of 8 (the sweep below covers every key)
    for key in random.Random(1).sample(wrt, min(8, len(wrt))):
        sym = net.x(key[2], key[1]) if key[0] == "x" else net.symbol(key)
        assert _close(oracle.derivative(("C",), key), sympy.diff(composed, sym).xreplace(sub)), key
    assert oracle.error < 1e-50


def _cost_from_layer(net, l, kind, s=1):
    # C written as a function of z^l (kind "z") or a^l (kind "a") of sample s: the layers above, composed in SymPy.
    nodes = [sympy.Symbol(f"n{j}") for j in range(1, net.n(l) + 1)]
    acts = list(nodes)
    if kind == "z":
        acts = _activations_of_layer(net, l, nodes)
    for m in range(l + 1, net.L + 1):
        z = [sum(net.weight(m, j, k) * acts[k - 1] for k in range(1, net.n(m - 1) + 1)) + net.bias(m, j)
             for j in range(1, net.n(m) + 1)]
        acts = _activations_of_layer(net, m, z)
    cost = net.cost_entry.expr(acts, net.targets(s))
    return nodes, cubic(cost / net.batch)


def _activations_of_layer(net, l, z):
    # SymPy's a^l from z^l, with the registry's expressions (softmax at a softmax output).
    if l == net.L and net.output_softmax:
        return functions.softmax(z)
    return [net.activation(l, j).expr(z[j - 1]) for j in range(1, net.n(l) + 1)]


@pytest.mark.parametrize("sizes, activation, cost, options", NETWORKS[:3] + NETWORKS[5:], ids=lambda v: str(v))
def test_oracle_delta_and_nabla_equal_sympy_diff_of_the_cost_as_a_function_of_a_layer(sizes, activation, cost, options):
    # δ^l_j ≡ ∂C/∂z^l_j with C written as a function of z^l; ∂C/∂a^l_j likewise (DESIGN.md).
    net = network(sizes, activation, cost, **options)
    pt = _point(net, seed=7)
    oracle = Oracle(net, pt)
    sub = sympy_leaf_values(net, pt)
    zs, acts = net.forward(1)
    for l in net.layers:
        for kind in ("z", "a"):
            nodes, cost_expr = _cost_from_layer(net, l, kind)
            here = {n: cubic((zs if kind == "z" else acts)[l][j]).xreplace(sub) for j, n in enumerate(nodes)}
            for j, n in enumerate(nodes, start=1):
                want = sympy.diff(cost_expr, n).xreplace(sub).xreplace(here)
                assert _close(oracle.derivative(("C",), (kind, 1, l, j)), want), (kind, l, j)


def test_softmax_jacobian_equals_sympy_diff():
    net = network([2, 3], "generic", "softmax-cross-entropy")
    oracle = Oracle(net, _point(net, 3))
    z = [sympy.Symbol(f"z{j}") for j in range(1, 4)]
    a = functions.softmax(z)
    at = {z[j]: sympy.Float(str(oracle.z(2, j + 1)), 60) for j in range(3)}
    for i in range(3):
        for j in range(3):
            want = sympy.diff(a[i], z[j]).xreplace(at)
            assert _close(oracle.derivative(("a", 1, 2, i + 1), ("z", 1, 2, j + 1)), want)
            assert abs(oracle.derivative(("a", 1, 2, i + 1), ("a", 1, 2, j + 1)) - int(i == j)) < TOL


# -- the oracle against symbp's ground truth at random points --------------------------------


def disagreements(net, pt, plan="polynomial", ground_truth=GroundTruth):
    """(compared, largest agreeing gap, [(of, wrt, oracle, symbp)]) over every node × seed pair."""
    compared, _, worst, bad, _ = against_ground_truth(net, pt, plan, ground_truth)
    return compared, worst, bad


SWEEP = NETWORKS + [
    ([2, 2, 3, 2], "tanh", "quadratic", {}),
    ([2, 3, 3], "generic", "softmax-cross-entropy", {}),
    ([2, 2, 2], "generic", "quadratic", {"plan": "sigmoid"}),
    ([2, 2, 1], "generic", "cross-entropy", {"plan": "arctan"}),
    ([2, 2, 2], "relu,sigmoid", "quadratic", {}),
]


@pytest.mark.parametrize("sizes, activation, cost, options", SWEEP, ids=lambda v: str(v))
def test_ground_truth_equals_the_oracle_for_every_node_and_seed(sizes, activation, cost, options):
    # Issue 12: ∂a^L_j/∂a^L_j was 0 at a softmax output. Every derivative of every node (C, z, a)
    # with respect to every seed (w, b, x, z, a) must agree with the oracle.
    options = dict(options)
    plan = options.pop("plan", "polynomial")
    net = network(sizes, activation, cost, **options)
    compared, worst, bad = disagreements(net, _point(net, seed=11), plan)
    assert compared > 100
    assert not bad, bad[:5]
    assert worst < 1e-50


def test_the_sweep_detects_a_wrong_ground_truth():
    # A ground truth with the old defect (a node's derivative by itself computed as 0) is caught.
    class Broken(GroundTruth):
        def _seed_layer_node(self, node, seed):
            return None

    net = network([2, 2], "generic", "softmax-cross-entropy")
    _, _, bad = disagreements(net, _point(net, 1), ground_truth=Broken)
    assert (("a", 1, 2, 1), ("a", 1, 2, 1), "1.0", "0.0") in bad


def test_a_wrong_quantity_is_detected_by_the_oracle_quantities():
    # BP2 without σ' (a slip) differs from the oracle's δ^l; BP2 itself agrees (seed 000).
    net = network([2, 3, 2], "sigmoid")
    pt = _point(net, 5)
    q = OracleQuantities(net, pt)
    delta2 = q.delta(2)
    right = q.W(3).T @ q.delta(3)
    bp2 = right.hadamard(q.sigma_prime(2))
    for j in range(3):
        assert abs(delta2.rows[j][0] - bp2.rows[j][0]) < TOL
        assert abs(delta2.rows[j][0] - right.rows[j][0]) > 1e-6


@pytest.mark.parametrize("name", ["BP1", "BP2", "BP3", "BP4", "product-formula", "lemma-2", "lemma-3", "lemma-4"])
def test_every_side_of_the_core_identities_agrees_at_a_point(name):
    ident = identities.get(name)
    net = network([2, 3, 2, 2], "tanh")
    for comp in ident.compare(OracleQuantities(net, _point(net, 2))):
        for (_, _, lv), (_, _, rv) in zip(comp.lhs.entries(), comp.rhs.entries()):
            assert abs(lv - rv) < TOL * (1 + abs(lv)), (comp.layer, comp.lhs_tex)


# -- the oracle in production: refutations need its confirmation --------------------------------


@pytest.mark.parametrize("method", ["exact", "pit"])
def test_a_refutation_carries_the_oracles_confirmation(method):
    net = network([2, 3, 2])
    wrong = dataclasses.replace(identities.BP2, name="BP2-no-sigma-prime",
                                compare=lambda q: _bp2_without_sigma_prime(q))
    cert = prove(wrong, net, method=method)
    assert cert.verdict == "refuted"
    assert "independent oracle" in cert.counterexample.oracle


def _bp2_without_sigma_prime(q):
    for l in range(q.L - 1, 1, -1):
        yield identities.Comparison(l, 1, q.delta(l), q.W(l + 1).T @ q.delta(l + 1), r"\delta^l", r"(w^{l+1})^T\delta^{l+1}")


def test_a_ground_truth_bug_makes_a_true_identity_undecided_not_refuted(monkeypatch):
    # If symbp's ground truth were wrong, the atom algebra would "refute" a true identity;
    # the oracle finds the two sides equal, so the verdict is undecided and says why.
    real = ExactQuantities.dC_db
    monkeypatch.setattr(ExactQuantities, "dC_db", lambda self, l: real(self, l).scale(2))
    cert = prove(identities.BP3, network([2, 3, 2]))
    assert cert.verdict == "undecided"
    assert "independent oracle finds the two sides equal" in cert.reason


def test_confirm_says_unknown_at_a_relu_kink():
    net = network([1, 1], "relu")
    pt = {("x", 1, 1): 1, ("y", 1, 1): 0, ("w", 2, 1, 1): 1, ("b", 2, 1): -1}  # z = 0
    c = confirm(net, pt, lambda q: (q.delta(2).rows[0][0], q.dC_db(2).rows[0][0]))
    assert c.verdict == "unknown" and "relu" in c.reason


# -- issue 12's softmax cases, now right --------------------------------------------------------


@pytest.mark.parametrize("formula, verdict", [
    (r"\frac{\partial a^L_j}{\partial a^L_j} = 1", "proved"),
    (r"\frac{\partial a^L_j}{\partial a^L_j} = 0", "refuted"),
    (r"\frac{\partial C}{\partial a^L_j} = \sum_k \frac{\partial C}{\partial a^L_k}\frac{\partial a^L_k}{\partial a^L_j}", "proved"),
    (r"\frac{\partial z^l_j}{\partial z^l_j} = 1", "proved"),
])
def test_softmax_output_derivatives_of_a_node_by_itself(formula, verdict):
    v = verify(formula, "nielsen", cost="softmax-cross-entropy", diagnose=False)
    assert v.verdict == verdict, v.reason


def test_derive_d_node_of_a_node_by_itself_is_one():
    net = network([2, 3], "generic", "softmax-cross-entropy")
    gt, m = GroundTruth(net), net.atoms
    assert gt.d_node(m.A[1][2][0], ("a", 1, 2, 1)) == 1
    assert gt.d_node(m.A[1][2][0], ("a", 1, 2, 2)).is_zero()
    assert gt.d_node(m.Z[1][2][1], ("z", 1, 2, 2)) == 1


# -- the oracle's own refusals --------------------------------------------------------------------


def test_oracle_refuses_what_it_cannot_answer():
    net = network([1, 1], "relu")
    kink = {("x", 1, 1): 1, ("y", 1, 1): 0, ("w", 2, 1, 1): 1, ("b", 2, 1): -1}
    o = Oracle(net, kink)
    assert o.z(2, 1) == 0 and o.a(2, 1) == 0  # values are fine at the kink
    with pytest.raises(OracleError, match="relu"):
        o.dC_dw(2, 1, 1)
    with pytest.raises(OracleError, match="no value for"):
        Oracle(net, {("x", 1, 1): 1})
    with pytest.raises(OracleError, match="not a quantity"):
        o.derivative(("C",), ("w", 3, 1, 1))
    ce = network([1, 1], "generic", "cross-entropy")
    with pytest.raises(OracleError, match="outside"):  # the cubic stand-in gives a = 2.67, outside (0, 1)
        Oracle(ce, {("x", 1, 1): 1, ("y", 1, 1): 0, ("w", 2, 1, 1): 1, ("b", 2, 1): 1}).cost()
    with pytest.raises(OracleError, match="too large"):
        Oracle(network([200, 200]), {})


def test_oracle_time_budget_is_honoured():
    net = network([2, 3, 2], "sigmoid")
    with pytest.raises(OracleError, match="time budget"):
        Oracle(net, _point(net), budget=0.0).dC_dw(2, 1, 1)


# -- every method of the quantities interface: exact, pointwise (PIT's forward mode), oracle --------


QUANTITIES = [
    ("a", lambda q, net: [q.a(l) for l in range(1, net.L + 1)]),
    ("y", lambda q, net: [q.y()]),
    ("sigma_prime", lambda q, net: [q.sigma_prime(l) for l in net.layers if not (l == net.L and net.output_softmax)]),
    ("delta", lambda q, net: [q.delta(l, s, p) for l in net.layers for s in net.samples for p in (False, True)]),
    ("nabla_a", lambda q, net: [q.nabla_a(s, l) for l in range(2, net.L + 1) for s in net.samples]),
    ("dC_dw", lambda q, net: [q.dC_dw(l) for l in net.layers]),
    ("dC_db", lambda q, net: [q.dC_db(l) for l in net.layers]),
    ("dz_next_dz", lambda q, net: [q.dz_next_dz(l) for l in range(2, net.L)]),
    ("dz_db", lambda q, net: [q.dz_db(l) for l in net.layers]),
    ("dz_dw_own", lambda q, net: [q.dz_dw_own(l) for l in net.layers]),
    ("da_dz", lambda q, net: [q.da_dz(l) for l in net.layers]),
]


@pytest.mark.parametrize("sizes, activation, cost, options", [n for n in SWEEP if "plan" not in n[3]], ids=lambda v: str(v))
def test_every_quantity_of_the_interface_equals_the_oracle(sizes, activation, cost, options):
    # Three implementations of one interface: ExactQuantities (derive's elements, evaluated at
    # the point), PointQuantities (the forward mode PIT and the counterexample search use), and
    # the oracle's. Each method, each entry.
    net = network(sizes, activation, cost, **options)
    pt = _point(net, seed=4)
    exact, point = ExactQuantities(net), ground_truth_values(net, pt, "polynomial")
    oracle = OracleQuantities(net, pt)
    compared = 0
    for name, get in QUANTITIES:
        if name.startswith("dz") or name == "da_dz":
            sources = [exact]  # PointQuantities has no local Jacobians
        else:
            sources = [exact, point]
        want = get(oracle, net)
        for source in sources:
            for m_want, m_got in zip(want, get(source, net)):
                assert m_want.shape == m_got.shape, name
                for (_, _, w), (_, _, g) in zip(m_want.entries(), m_got.entries()):
                    g = point.value(g) if source is exact else g
                    assert abs(w - oracle.oracle.mp.mpf(g)) < TOL * (1 + abs(w)), (name, source)
                    compared += 1
    assert compared > 50


# -- issue 12 item 8: relu and identity facts proved, and nothing false -----------------------------


@pytest.mark.parametrize("activation, formula, verdict", [
    ("relu", r"a^l = z^l \odot \sigma'(z^l)", "proved"),
    ("relu", r"\sigma'(z^l) \odot \sigma'(z^l) = \sigma'(z^l)", "proved"),
    ("relu", r"a^l_j \sigma'(z^l_j) = a^l_j", "proved"),
    ("relu", r"\sigma'(z^l_j) = 1", "refuted"),
    ("relu", r"a^l = z^l", "refuted"),
    ("relu", r"a^l_j = \sigma'(z^l_j)", "refuted"),
    ("relu", r"a^l_j a^l_j = a^l_j", "refuted"),
    ("identity", r"a^l = z^l", "proved"),
    ("identity", r"\sigma'(z^l_j) = 1", "proved"),
    ("identity", r"a^l = z^l \odot \sigma'(z^l)", "proved"),
    ("identity", r"a^l_j = \sigma'(z^l_j)", "refuted"),
    ("sigmoid", r"a^l = z^l \odot \sigma'(z^l)", "refuted"),
])
def test_relu_and_identity_facts(activation, formula, verdict):
    v = verify(formula, "nielsen", activation=activation, diagnose=False)
    assert v.verdict == verdict, v.reason


def test_bp_identities_still_proved_on_relu_and_identity_networks():
    for activation in ("relu", "identity", "relu,identity"):
        net = network([2, 3, 2], activation)
        for name in ("BP1", "BP2", "BP3", "BP4", "product-formula"):
            assert prove(name, net).verdict == "proved", (activation, name)


def _relation_terms(model, s=1):
    # The relu network's atoms and the relations that tie them (each 0 for every real z).
    out = []
    for l in model.net.layers:
        for j in range(1, model.net.n(l) + 1):
            S, D, Z = model.A[s][l][j - 1], model.D[s][l][j - 1], model.Z[s][l][j - 1]
            out.append((S, D, Z))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_the_relu_relations_prove_only_what_is_true(seed):
    # Random elements p·(a − z σ') + q·(σ'² − σ') + r over a relu network's atoms: `vanishes` must
    # find every one with r = 0 and, whenever it says 0, the oracle must find 0 at random points.
    net = network([2, 2, 2], "relu")
    m = net.atoms
    rng = random.Random(seed)
    terms = _relation_terms(m)
    atoms = [t for triple in terms for t in triple] + [m.atom(("w", 2, 1, 1)), m.atom(("x", 1, 2))]
    def small():
        e = 0
        for _ in range(rng.randint(1, 3)):
            f = rng.randint(-2, 2)
            for _ in range(rng.randint(0, 2)):
                f = f * rng.choice(atoms)
            e = e + f
        return e
    S, D, Z = rng.choice(terms)
    S2, D2, Z2 = rng.choice(terms)
    false_facts = [D - 1, S - Z, S * S - S, S - D, D2 * S - S if (S2, D2) != (S, D) else D - 1]
    r = 0 if seed % 2 == 0 else rng.choice(false_facts)
    e = small() * (S - Z * D) + small() * (D * D - D) + r
    if r == 0:
        assert m.vanishes(e)
    if m.vanishes(e):
        for k in range(3):
            pt = _point(net, seed=100 * seed + k)
            try:
                value = element_value(Oracle(net, pt), e, net)
            except OracleError:
                continue
            assert abs(value) < TOL, (seed, k)
    else:
        assert r != 0


def test_false_relu_facts_do_not_vanish():
    m = network([2, 2, 2], "relu").atoms
    for S, D, Z in _relation_terms(m):
        for fact in (D - 1, S - Z, S * S - S, S - D):
            assert not m.vanishes(fact)


# -- σ'-through-σ rules: refuted only when the oracle's σ' disagrees too -------------------------------


def test_a_wrong_derivative_rule_is_refuted_with_the_oracle(monkeypatch):
    wrong = dataclasses.replace(functions.ACTIVATIONS["tanh"], prime_of_value=lambda a: 1 - a)
    monkeypatch.setitem(functions.ACTIVATIONS, "tanh", wrong)
    assert prove(identities.TANH_PRIME, network([1, 1], "tanh")).verdict == "refuted"


def test_a_derivative_rule_the_oracle_confirms_is_not_refuted(monkeypatch):
    # If SymPy's differentiation were wrong, the oracle (numeric σ') would side with the rule: undecided.
    wrong = dataclasses.replace(functions.ACTIVATIONS["tanh"], prime_of_value=lambda a: 1 - a)
    monkeypatch.setitem(functions.ACTIVATIONS, "tanh", wrong)
    monkeypatch.setattr(Oracle, "sigma_prime", lambda self, l, j, s=1: 1 - self.a(l, j, s))
    assert prove(identities.TANH_PRIME, network([1, 1], "tanh")).verdict == "undecided"


def test_a_refutation_with_wrong_values_is_not_issued(monkeypatch):
    # A false identity on top of a wrong ground truth: both see a difference, but the values shown
    # would be the ground truth's, not the network's. The oracle's values differ: undecided.
    real = ExactQuantities.delta
    monkeypatch.setattr(ExactQuantities, "delta", lambda self, l, s=1, per_sample=False: real(self, l, s, per_sample).scale(2))
    wrong = dataclasses.replace(identities.BP2, name="BP2-no-sigma-prime", compare=_bp2_without_sigma_prime)
    cert = prove(wrong, network([2, 3, 2]))
    assert cert.verdict == "undecided"
    assert "but the independent oracle gives" in cert.reason


def test_oracle_ground_truth_keeps_the_sign_of_each_derivative():
    # OracleGroundTruth turns the oracle's numbers into exact constants (the general prover's
    # counterexamples are confirmed through it); mpmath's man_exp is the magnitude only, so a
    # negative ∂C/∂w once came back positive. Every seed, against the oracle's own number.
    from symbp.oracle import OracleGroundTruth

    net = network([2, 3, 2], "sigmoid")
    oracle = Oracle(net, _point(net, seed=4))
    gt = OracleGroundTruth(oracle, net)
    signs = set()
    for seed in [("w", 3, j, k) for j in (1, 2) for k in (1, 2, 3)] + [("b", 2, j) for j in (1, 2, 3)]:
        exact = gt.d_cost(seed).terms.get((), Fraction(0))
        number = oracle.derivative(("C",), seed)
        assert abs(oracle.mp.mpf(exact.numerator) / exact.denominator - number) < TOL * (1 + abs(number))
        signs.add(number > 0)
    assert signs == {True, False}  # both signs occur at this point, so the check can fail
