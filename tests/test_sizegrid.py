r"""Sums hidden in products of vectors count in the sizes a claim is checked at (``sizegrid``). Review (layouts,
finding 5): N = (1 - a^L)^T(1 - a^L) - (a^L)^T a^L + 2(a^L)^T(a^L + 1) - 2(a^L)^T a^L is n_L written through inner
products (n − 2Σa + Σa² − Σa² + 2Σa² + 2Σa − 2Σa²), so (N − 2)(N − 3)(N − 4) is 0 on output layers of 2, 3 and 4
neurons and 6 on one of 5: added to the quadratic cost it held on the standard family."""

from __future__ import annotations

from symbp.notation import profile
from symbp.verify import verify
from symbp.verify.nodes import Layer
from symbp.verify.reader import read
from symbp.verify.sizegrid import degrees

N = r"((1 - a^L)^T(1 - a^L) - (a^L)^T a^L + 2(a^L)^T(a^L + 1) - 2(a^L)^T a^L)"
COST = r"C = \frac{1}{2}(a^L - y)^T(a^L - y)"


def test_an_inner_product_of_output_vectors_is_a_sum_over_the_output_layer():
    d = degrees(read(r"C = (a^L - y)^T (a^L - y)").sides[1], profile("nielsen"))
    assert d[None] == 1 and d[Layer("L", 0)] == 1
    # a matrix times a vector is not counted as an inner product (its entries are sums, the vector is no number)
    assert degrees(read(r"C = (w^L)^T \delta^L").sides[1], profile("nielsen")) == {}


def test_a_polynomial_in_n_L_written_through_inner_products_is_refuted():
    wrong = verify(f"{COST} + ({N} - 2)({N} - 3)({N} - 4)", "nielsen")
    assert wrong.status == "refuted", wrong.reason  # 6 ≠ 0 at n_L = 5


def test_the_same_terms_that_vanish_for_every_size_still_hold():
    # the opposite variant: N − N is 0 for every n_L, so the claim is the quadratic cost itself
    right = verify(f"{COST} + ({N} - {N})({N} - 3)({N} - 4)", "nielsen")
    assert right.status == "holds", right.reason
