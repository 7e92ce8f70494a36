"""Seed 004's local statements: proved on concrete networks, slips refuted.

The prover compares each statement with the ground truth (``derive``); these
tests also check the row-vector reading itself against ``sympy.diff`` of the
composed cost, an oracle that shares no code with the ground truth.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.errors import IdentityError
from symbp.point import make_point
from symbp.network import network
from symbp.notation import PROFILES, profile
from symbp.prove import prove
from symbp.identities.rowvector import IDENTITIES, WRONG, applicable

CLASSIFIER = network([2, 3, 1], "sigmoid", "cross-entropy")  # the seed's own example
NETS = [
    CLASSIFIER,
    network([2, 3, 1], "generic", "quadratic"),  # any differentiable h at once
    network([3, 4, 2], "tanh", "quadratic"),
    network([2, 3, 3], "relu", "softmax-cross-entropy"),
]


@pytest.mark.parametrize("net", NETS, ids=lambda n: n.label())
@pytest.mark.parametrize("name", list(IDENTITIES))
def test_seed_004_statement_is_proved_exactly(name, net):
    ident = IDENTITIES[name]
    if ident.applies(net):
        pytest.skip(ident.applies(net))
    cert = prove(ident, net, method="exact")
    assert cert.verdict == "proved", (cert.reason, cert.counterexample)
    assert cert.instances > 0


@pytest.mark.parametrize("name", ["rowvector-linear-dx", "rowvector-linear-dW", "logistic-chain-W"])
def test_seed_004_statement_passes_the_polynomial_identity_test(name):
    cert = prove(IDENTITIES[name], network([4, 5, 1], "sigmoid", "cross-entropy"), method="pit")
    assert cert.verdict == "probably-true"


def test_the_seed_classifier_gets_all_eight_statements():
    assert [i.name for i in applicable(CLASSIFIER)] == list(IDENTITIES)
    assert "logistic-chain-u" not in [i.name for i in applicable(network([2, 3, 2], "sigmoid"))]


def test_classifier_chain_does_not_apply_to_two_outputs():
    with pytest.raises(IdentityError, match=r"\[n, m, 1\]"):
        prove(IDENTITIES["logistic-chain-u"], network([2, 3, 2], "sigmoid"))


def test_row_order_slip_is_refuted_by_shapes():
    # dL/dW = dL/dy · x^T is the column-vector order; with rows it cannot be formed.
    cert = prove(WRONG["rowvector-linear-dW-wrong-order"], CLASSIFIER)
    assert cert.verdict == "refuted"
    assert "cannot multiply" in cert.reason


@pytest.mark.parametrize("name", ["rowvector-linear-dW-transposed", "rowvector-linear-dx-no-transpose",
                                  "elementwise-forgotten-h-prime"])
def test_slip_on_a_square_layer_is_refuted_by_a_counterexample(name):
    # On a square layer the shapes fit, so only the values can tell.
    cert = prove(WRONG[name], network([2, 2, 2], "sigmoid", "quadratic"))
    assert cert.verdict == "refuted"
    cx = cert.counterexample
    assert cx is not None and cx.point and cx.lhs_value != cx.rhs_value


def test_dropping_dB_dA_from_the_chain_is_refuted():
    cert = prove(WRONG["logistic-chain-u-missing-dB-dA"], CLASSIFIER)
    assert cert.verdict == "refuted" and cert.counterexample.point


def test_row_vector_reading_matches_sympy_diff():
    # y = x W with W_{kj} = w^l_{jk}: check ∂L/∂W = x^T ∂L/∂y and ∂L/∂x = ∂L/∂y W^T
    # entry by entry at an exact point, every derivative by sympy.diff of the
    # composed cost (∂L/∂y_j is ∂C/∂b^l_j, since y_j = (xW)_j + b_j).
    net = CLASSIFIER
    pt = make_point(net, "random", seed=11)
    subs = {}
    for (kind, *idx), v in pt.values.items():
        sym = net.x(idx[1]) if kind == "x" else net.y(idx[1]) if kind == "y" else net.symbol((kind, *idx))
        subs[sym] = sympy.Rational(v.numerator, v.denominator)
    C = net.composed_cost()
    _, acts = net.forward()
    value = lambda e: sympy.N(e.xreplace(subs), 40)  # noqa: E731
    l = 3
    x = [acts[l - 1][k] for k in range(net.n(l - 1))]
    dL_dy = [sympy.diff(C, net.bias(l, j)) for j in range(1, net.n(l) + 1)]
    for k in range(1, net.n(l - 1) + 1):
        for j in range(1, net.n(l) + 1):
            dL_dW_kj = sympy.diff(C, net.weight(l, j, k))  # W_{kj} = w^l_{jk}
            assert abs(value(dL_dW_kj - x[k - 1] * dL_dy[j - 1])) < 1e-30
    # ∂L/∂x_k for the input layer: x_k = a^1_k, W_{kj} = w^2_{jk}.
    dL_dy2 = [sympy.diff(C, net.bias(2, j)) for j in range(1, net.n(2) + 1)]
    for k in range(1, net.n(1) + 1):
        rhs = sum(dL_dy2[j - 1] * net.weight(2, j, k) for j in range(1, net.n(2) + 1))
        assert abs(value(sympy.diff(C, net.x(k)) - rhs)) < 1e-30


def test_rowvector_profile_prints_from_then_to():
    row = profile("rowvector")
    assert row.vectors == "row" and row.weight_order == "from,to"
    assert row.weight(2, 1, 2) == "w^{2}_{21}"  # Nielsen's w^2_{12}: from neuron 2 to neuron 1
    assert row.neuron("z", 2, 1) == "g^{2}_{1}" and row.cost == "L"
    assert all(p.vectors == "column" for name, p in PROFILES.items() if name != "rowvector")
