"""A yes/no option given as anything but a bool is bad input, never truthy (rv54 F1).

``one_hot="False"`` (a value read from a config file or an environment variable) was truthy, so Σ_k y_k = 1 was
assumed and ``\\delta^L = a^L - y`` held under the softmax cross-entropy. Without that assumption it is false: by
``sympy.diff``, ∂C/∂z_1 − (a_1 − y_1) = (Σ_k y_k − 1) a_1, which is 1/3 at z = 0, y = (1, 1, 0) (checked below).
"""

from __future__ import annotations

import numpy
import pytest
import sympy

from symbp import general, network
from symbp.errors import SpecError
from symbp.verify import verify

BP1_SOFTMAX = r"\delta^L = a^L - y"


def test_the_hand_truth_needs_the_targets_to_sum_to_one():
    z = sympy.symbols("z1:4")
    y = (1, 1, 0)
    total = sum(sympy.exp(v) for v in z)
    a = [sympy.exp(v) / total for v in z]
    cost = -sum(y[k] * sympy.log(a[k]) for k in range(3))
    gap = (sympy.diff(cost, z[0]) - (a[0] - y[0])).subs({v: 0 for v in z})
    assert sympy.nsimplify(gap) == sympy.Rational(1, 3)


@pytest.mark.parametrize("value", ["False", "no", "0", 0, 1, None, "True"])
def test_verify_refuses_a_one_hot_that_is_no_bool(value):
    with pytest.raises(SpecError, match="one_hot must be True or False"):
        verify(BP1_SOFTMAX, "nielsen", cost="softmax-cross-entropy", one_hot=value)


@pytest.mark.parametrize("value", ["False", "no", 1])
def test_the_network_constructors_refuse_it_too(value):
    with pytest.raises(SpecError, match="one_hot must be True or False"):
        network([3, 4, 3], cost="softmax-cross-entropy", one_hot=value)
    with pytest.raises(SpecError, match="one_hot must be True or False"):
        general.network(cost="softmax-cross-entropy", one_hot=value)


def test_real_bools_and_numpy_bools_are_read():
    assert verify(BP1_SOFTMAX, "nielsen", cost="softmax-cross-entropy", one_hot=False).status == "refuted"
    assert verify(BP1_SOFTMAX, "nielsen", cost="softmax-cross-entropy", one_hot=True).status == "holds"
    assert network([3, 4, 3], cost="softmax-cross-entropy", one_hot=numpy.bool_(True)).one_hot is True
