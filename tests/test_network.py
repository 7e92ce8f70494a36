"""Network specs: validation with clear errors, symbols, composed cost."""

import pytest
import sympy

from symbp.errors import SpecError
from symbp.network import network, parse_sizes


def test_parameter_count_and_layers():
    net = network([784, 30, 10], activation="sigmoid")
    assert net.parameter_count == 23_860
    assert list(net.layers) == [2, 3]


def test_per_layer_activations():
    net = network([2, 3, 2], activation="relu,sigmoid")
    assert net.activation(2, 1).name == "relu" and net.activation(3, 2).name == "sigmoid"


@pytest.mark.parametrize(
    "sizes, match",
    [([0, 3], "≥ 1"), ([2], "at least 2 layers"), ([2] * 10_000, "limit"), (["a", "b"], "whole numbers"),
     # review rv42a C2: these were coerced to [2, 3, 2], [2, 2, 2], [2, 3, 2] and [2, 1, 2] without a word
     ("232", "a list of whole numbers"), ([2, 2.5, 2], r"layer 2 is 2\.5"), ([2.9, 3, 2], r"layer 1 is 2\.9"),
     ([2, True, 2], "layer 2 is True"), (5, "a list of whole numbers")],
)
def test_bad_sizes_are_clear_errors(sizes, match):
    with pytest.raises(SpecError, match=match):
        network(sizes)


def test_verify_refuses_sizes_that_are_not_whole_numbers():
    from symbp.verify import verify

    with pytest.raises(SpecError, match="a list of whole numbers"):
        verify(r"a^l = \sigma(z^l)", sizes="2,3,2")
    with pytest.raises(SpecError, match="whole numbers"):
        verify(r"a^l = \sigma(z^l)", sizes=(2, 2.5, 2))
    assert verify(r"a^l = \sigma(z^l)", sizes=(2, 3, 2)).status == "holds"


@pytest.mark.parametrize("text", ["a,b", "2,,3", "2;3", "-1,2", "2.5,3"])
def test_parse_sizes_names_the_bad_entry(text):
    with pytest.raises(SpecError, match="entry"):
        parse_sizes(text)


def test_activation_count_must_match_layers():
    with pytest.raises(SpecError, match="2 activations"):
        network([2, 3, 3, 2], activation="sigmoid,tanh")


def test_one_hot_only_with_softmax():
    with pytest.raises(SpecError, match="one-hot"):
        network([2, 3, 2], cost="quadratic", one_hot=True)


def test_override_must_name_a_real_neuron():
    with pytest.raises(SpecError, match="no such neuron"):
        network([2, 3, 2], overrides={(2, 4): "tanh"})


def test_composed_cost_is_the_nielsen_forward_pass():
    net = network([1, 1], activation="sigmoid")
    w, b, x, y = net.weight(2, 1, 1), net.bias(2, 1), net.x(1), net.y(1)
    want = sympy.Rational(1, 2) * (1 / (1 + sympy.exp(-(w * x + b))) - y) ** 2
    assert sympy.simplify(net.composed_cost() - want) == 0


def test_one_hot_last_target_is_one_minus_the_others():
    net = network([2, 3], cost="softmax-cross-entropy", one_hot=True)
    ys = net.targets()
    assert sympy.expand(sum(ys)) == 1
