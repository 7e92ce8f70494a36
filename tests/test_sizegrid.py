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


def _count(v: str, rows: bool = False) -> str:
    # the size of v's layer written through inner products (as N above): n − 2Σv + Σv² − Σv² + 2Σv² + 2Σv − 2Σv²
    if rows:
        return rf"((1 - {v})(1 - {v})^T - {v} {v}^T + 2({v} + 1){v}^T - 2{v} {v}^T)"
    return rf"((1 - {v})^T(1 - {v}) - {v}^T {v} + 2{v}^T({v} + 1) - 2{v}^T {v})"


def test_rv42c_inner_products_of_the_input_count_as_a_sum_over_the_input_layer():
    # review rv42c 1, by hand: (n_1 − 2)(n_1 − 3) written through xᵀx is 0 at input sizes 2 and 3 only (2 at n_1 = 4);
    # xᵀx was not counted, the family's inputs are of 2 and 3 neurons: it held
    n = _count("x")
    assert verify(f"{COST} + ({n} - 2)({n} - 3)", "nielsen").status == "refuted"
    assert verify(f"{COST} + ({n} - {n})({n} - 3)", "nielsen").status == "holds"  # 0 for every n_1


def test_rv42c_a_row_vector_times_its_transpose_is_a_sum_in_row_notes():
    # review rv42c 1, by hand: in the row-vector profile a^L (a^L)^T is Σ_k (a^L_k)², so the count below is n_L and
    # (n_L − 2)(n_L − 3)(n_L − 4) is 6 at n_L = 5; the row form u uᵀ was not counted (held)
    n, cost = _count("a^L", rows=True), r"L = \frac{1}{2}(a^L - y)(a^L - y)^T"
    assert verify(f"{cost} + ({n} - 2)({n} - 3)({n} - 4)", "rowvector").status == "refuted"
    assert verify(f"{cost} + ({n} - {n})({n} - 3)({n} - 4)", "rowvector").status == "holds"
