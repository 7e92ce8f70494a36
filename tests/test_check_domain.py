r"""A formula about a layer no network has at any depth is uninterpretable, not undecided (check.below_every_network).

By hand: the input layer computes nothing, so it has no weighted input z, no bias, no error δ and no weights into it
(Nielsen's layer 1, Dyda's layer [0], Ng's layer (1)); a layer below the input does not exist. Every network of every
depth lacks them, so checking deeper networks cannot help: the verdict says so (exit 2) rather than "undecided".
The input's activation a^1 = x does exist, so a claim about it is judged.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify


@pytest.mark.parametrize("notation, claim", [
    ("nielsen", r"\delta^1 = 0"), ("nielsen", r"z^1_j = x_j"), ("nielsen", r"\frac{\partial C}{\partial w^1_{jk}} = 0"),
    ("nielsen", r"b^1_j = 0"), ("nielsen", r"a^0_j = x_j"), ("dyda", r"\delta^{[0]} = 0"),
])
def test_a_layer_that_no_network_has(notation, claim):
    v = verify(claim, notation)
    assert v.status == "uninterpretable" and "no network of any depth" in v.reason, (v.status, v.reason)


@pytest.mark.parametrize("notation, claim, status", [
    ("nielsen", r"a^1_j = x_j", "holds"), ("dyda", r"a^{[0]}_j = x_j", "holds"), ("nielsen", r"a^1_j = 2 x_j", "refuted"),
    ("nielsen", r"\delta^2_j = \frac{\partial C}{\partial z^2_j}", "holds"),
])
def test_the_input_activation_and_the_first_computing_layer_are_judged(notation, claim, status):
    assert verify(claim, notation).status == status
