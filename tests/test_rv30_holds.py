"""Review 30: single formulas, ``symbp prove`` and the Python API; each test asserts the verdict the mathematics gives.

Truths by hand:
* A softmax output a^L = softmax(z^L) has ∂a^L_k/∂z^L_j = a^L_k([k = j] − a^L_j), which is not [k = j] σ'(z^L_j)
  (at k ≠ j it is −a^L_k a^L_j ≠ 0), so lemma-da-dz is false on a softmax-cross-entropy network.
"""

from __future__ import annotations

import pytest

from symbp import general
from symbp.errors import IdentityError


# A1: `symbp prove --general --identity lemma-da-dz --cost softmax-cross-entropy` said proved-for-all-sizes: the lemma
# was proved on a^L = σ(z^L) whatever the network's output, and listed among the lemmas of a softmax network.
def test_the_elementwise_output_lemma_is_not_proved_for_a_softmax_output():
    softmax = general.network(cost="softmax-cross-entropy")
    assert "lemma-da-dz" not in general.applicable(softmax)
    with pytest.raises(IdentityError, match="does not apply"):
        general.prove_general("lemma-da-dz", softmax)
    assert all(c.identity != "lemma-da-dz" for c in general.prove_catalogue(softmax, cross_check=False))


@pytest.mark.parametrize("cost", ["quadratic", "mean-quadratic", "cross-entropy"])
def test_the_elementwise_output_lemma_is_still_proved_for_an_elementwise_output(cost):
    assert general.prove_general("lemma-da-dz", general.network(cost=cost)).verdict == "proved-for-all-sizes"
