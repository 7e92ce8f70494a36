"""A σ'-rule applies only to a network whose every neuron uses its function (rv54 F3).

On [2, 3, 2] with tanh then sigmoid, both sigmoid-prime (σ' = σ(1 − σ)) and tanh-prime (σ' = 1 − σ²) were proved,
yet read on the network each is false at the other function's layer: tanh'(0) = 1 ≠ tanh(0)(1 − tanh(0)) = 0 and
sigmoid'(0) = 1/4 ≠ 1 − sigmoid(0)² = 3/4 (checked below). Such a network is refused with the reason, as a network
of the other function alone already was.
"""

from __future__ import annotations

import pytest
import sympy

from symbp import network, prove
from symbp.errors import IdentityError
from symbp.identities import catalogue


def test_the_hand_truth_each_rule_fails_for_the_other_function():
    z = sympy.Symbol("z")
    tanh, sig = sympy.tanh(z), 1 / (1 + sympy.exp(-z))
    assert (sympy.diff(tanh, z) - tanh * (1 - tanh)).subs(z, 0) == 1
    assert (sympy.diff(sig, z) - (1 - sig ** 2)).subs(z, 0) == sympy.Rational(-1, 2)


@pytest.mark.parametrize("name", ["sigmoid-prime", "tanh-prime"])
def test_a_rule_is_refused_on_a_network_of_two_functions(name):
    net = network([2, 3, 2], activation="tanh,sigmoid")
    with pytest.raises(IdentityError, match="uses sigmoid, tanh"):
        prove(catalogue.CATALOGUE[name], net)


def test_a_neurons_override_counts_as_a_function_of_the_network():
    net = network([2, 3, 2], activation="sigmoid", overrides={(2, 1): "tanh"})
    with pytest.raises(IdentityError, match="uses sigmoid, tanh"):
        prove(catalogue.CATALOGUE["sigmoid-prime"], net)


def test_a_network_of_one_function_still_proves_its_rule():
    assert prove(catalogue.CATALOGUE["tanh-prime"], network([2, 3, 2], activation="tanh")).verdict == "proved"
