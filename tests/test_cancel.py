r"""A term and its negative in one sum are taken out unexpanded, exactly (``verify.cancel``; review rv50 D1).

rv50 D1: ∂C/∂b^l_j = δ^l_j + k X − k X with X = (δ^l_j)^8 (δ^l_j)^8 (δ^l_j)^8 (δ^l_j)^8 took 30 s a formula (X
expanded twice) and ended undecided. By hand it is BP3 (∂C/∂b^l_j = δ^l_j, Nielsen ch. 2) plus k X − k X = 0, so it
holds; with 2δ^l_j in place of δ^l_j it is false (a factor 2).
"""

from __future__ import annotations

import pytest

from symbp.verify import verify

X = r"(\delta^l_j)^{8}(\delta^l_j)^{8}(\delta^l_j)^{8}(\delta^l_j)^{8}"
LHS = r"\frac{\partial C}{\partial b^l_j}"


def test_a_padded_bp3_holds_within_a_short_budget():
    v = verify(rf"{LHS} = \delta^l_j + 3 {X} - 3 {X}", budget=10.0)
    assert (v.status, v.identity) == ("holds", "BP3")


def test_a_padded_false_claim_is_still_refuted():
    v = verify(rf"{LHS} = 2\delta^l_j + {X} - {X}", budget=10.0)
    assert v.status == "refuted"  # 2δ^l_j ≠ δ^l_j wherever δ^l_j ≠ 0


@pytest.mark.parametrize("pad", [
    r"q - q",  # q is no quantity of symbp's: not read, so the claim is not judged
    r"\frac{1}{\delta^l_j} - \frac{1}{\delta^l_j}",  # a quotient: not taken out (0/0 has no value where δ = 0)
])
def test_padding_that_is_not_certainly_a_number_is_not_taken_out(pad):
    v = verify(rf"{LHS} = \delta^l_j + {pad}", budget=10.0)
    assert v.status != "holds"


def test_a_term_that_differs_from_its_negative_does_not_cancel():
    # δ + (δ)^2 − 2(δ)^2 = δ − δ², not δ: false wherever δ ∉ {0}
    v = verify(rf"{LHS} = \delta^l_j + (\delta^l_j)^2 - 2 (\delta^l_j)^2", budget=10.0)
    assert v.status == "refuted"
