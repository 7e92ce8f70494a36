"""Worked examples (symbp.latex.worked): numbers checked against independent oracles.

Oracle: ``sympy.diff`` of the fully composed cost (``derive.sympy_gradient``),
evaluated at the example's point, and a hand-worked one-neuron example in the
style of seed 000's exercises.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
import sympy

from symbp.derive import sympy_gradient
from symbp.errors import SpecError
from symbp.latex import worked, worked_page
from symbp.network import network


def _point(net, ex) -> dict:
    subs = {}
    for key, v in ex.values.items():
        kind = key[0]
        sym = {"x": lambda k: net.x(k[2]), "y": lambda k: net.y(k[2])}.get(kind, net.symbol)(key)
        subs[sym] = sympy.Rational(Fraction(v).numerator, Fraction(v).denominator)
    return subs


def test_sigmoid_example_matches_sympy_diff_of_the_composed_cost():
    net = network([2, 3, 2], activation="sigmoid")
    ex = worked.worked_example(net, seed=3)
    subs = _point(net, ex)
    for key in net.parameters():
        truth = sympy_gradient(net, key).xreplace(subs).evalf(40)
        assert abs(float(truth - ex.grads[key])) < 1e-30, key
    assert not ex.exact


def test_identity_example_is_exact_and_equals_sympy_diff():
    net = network([2, 2, 2], activation="identity")
    ex = worked.worked_example(net)
    assert ex.exact
    subs = _point(net, ex)
    for key in net.parameters():
        assert sympy.nsimplify(sympy_gradient(net, key).xreplace(subs)) == ex.grads[key], key


def test_one_neuron_by_hand():
    # C = ½(σ(wx + b) − y)² with σ the identity, x = 2, y = 1, w = 3, b = −1:
    # z = 5, δ = z − y = 4, ∂C/∂b = 4, ∂C/∂w = x δ = 8.
    net = network([1, 1], activation="identity")
    ex = worked.worked_example(net, {("x", 1, 1): 2, ("y", 1, 1): 1, ("w", 2, 1, 1): 3, ("b", 2, 1): -1})
    assert ex.z[(2, 1)] == 5 and ex.delta[(2, 1)] == 4
    assert ex.grads[("b", 2, 1)] == 4 and ex.grads[("w", 2, 1, 1)] == 8
    assert ex.cost == 8


def test_a_wrong_number_is_caught_by_the_checks():
    net = network([2, 2, 1], activation="tanh")
    ex = worked.worked_example(net)
    key = ("w", 2, 1, 2)
    bad = dataclasses.replace(ex, grads={**ex.grads, key: ex.grads[key] * sympy.Float("1.001", 50)})
    with pytest.raises(worked.WorkedExampleError, match="direct differentiation"):
        worked._check(bad)


def test_document_shows_every_gradient_and_the_checks():
    net = network([2, 3, 2], activation="sigmoid")
    ex = worked.worked_example(net)
    doc = worked_page.worked_document(ex, "sokolinsky")
    for key in net.parameters():
        assert worked_page._shown(ex.grads[key], ex.exact) in doc
    assert "w^{(3)}_{21}" in doc  # Sokolinsky's from,to order in the given values
    assert "Checks" in doc and "finite differences" in doc


def test_generic_activation_and_softmax_are_refused_with_a_reason():
    with pytest.raises(SpecError, match="needs numbers"):
        worked.worked_example(network([2, 2]))
    with pytest.raises(SpecError, match="mini-batch"):
        worked.worked_example(network([2, 2], activation="sigmoid", cost="mean-quadratic"))
    with pytest.raises(SpecError, match="not an input"):
        worked.worked_example(network([1, 1], activation="sigmoid"), {("w", 3, 1, 1): 1})


def test_a_wrong_cost_is_caught_by_numpy():
    net = network([2, 2, 1], activation="sigmoid")
    ex = worked.worked_example(net)
    with pytest.raises(worked.WorkedExampleError, match="NumPy"):
        worked._check(dataclasses.replace(ex, cost=ex.cost * 2))


def test_softmax_cross_entropy_example_matches_sympy_diff():
    # Seed 003: a softmax output with the categorical cross-entropy; δ^L by the
    # chain rule through the softmax Jacobian, checked against sympy.diff.
    net = network([2, 3, 3], activation="tanh", cost="softmax-cross-entropy")
    ex = worked.worked_example(net, seed=1)
    subs = _point(net, ex)
    for key in net.parameters():
        truth = sympy_gradient(net, key).xreplace(subs).evalf(40)
        assert abs(float(truth - ex.grads[key])) < 1e-30, key
    doc = worked_page.worked_document(ex, "dyda")
    assert "chain rule through the softmax" in doc and r"\mathbf{L}" in doc
