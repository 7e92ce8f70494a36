r"""A sum hidden in a product whose left factor is not a plain vector is counted by the size degree (rv52 A2).

With v = 1 + 0·a^L, the all-ones vector of the output layer, diag(v) = I and (diag(v) v)^T v = n_L; with the identity
activation σ' ≡ 1 and Σ'(z^L) = I, so (Σ'(z^L) σ'(z^L))^T σ'(z^L) = n_L too. The claims below add
(n_L − 2)(n_L − 3)(n_L − 4) δ^L_j to BP3: true on output layers of 2, 3 or 4 neurons, false on 5 (the factor is 6).
``sizegrid.degrees`` counted uᵀv only for u a plain vector, so the cubic was degree 0, the family's output sizes were
2 to 4, and a false BP3 held. Each product is now a sum over the vector on its right.
"""

from __future__ import annotations

import pytest

from symbp.notation import profile
from symbp.verify import verify
from symbp.verify.nodes import Layer
from symbp.verify.reader import read
from symbp.verify.sizegrid import degrees

ONES = "(1+0a^L)"


def _cubic(n_l: str) -> str:
    return (r"\frac{\partial C}{\partial b^L_j} = \delta^L_j + "
            + "".join(f"({n_l} - {k})" for k in (2, 3, 4)) + r"\delta^L_j")


FORMS = {
    "diag": (rf"(\operatorname{{diag}}{ONES}{ONES})^T {ONES}", None),
    "outer": (rf"{ONES}^T(({ONES}{ONES}^T){ONES})", None),
    "sigma-prime": (r"(\Sigma'(z^L)\sigma'(z^L))^T \sigma'(z^L)", "identity"),
}


def test_the_hand_truth_the_cubic_is_zero_on_two_to_four_and_six_on_five():
    assert [(n - 2) * (n - 3) * (n - 4) for n in (2, 3, 4, 5)] == [0, 0, 0, 6]


@pytest.mark.parametrize("name", FORMS)
def test_each_spelling_of_n_l_has_degree_one_in_the_output_size(name):
    n_l, _ = FORMS[name]
    d = degrees(read(f"x = {n_l}").sides[1], profile("nielsen"))
    assert d.get(Layer("L", 0), 0) >= 1 and d[None] >= 1, d


@pytest.mark.parametrize("name", FORMS)
def test_a_size_cubic_added_to_bp3_is_refuted(name):
    n_l, activation = FORMS[name]
    v = verify(_cubic(n_l), activation=activation) if activation else verify(_cubic(n_l))
    assert v.status == "refuted", (v.status, v.reason)
    assert any(c["sizes"][-1] >= 5 for c in v.checked), v.checked


def test_a_weight_matrix_times_a_vector_is_still_not_counted():
    assert degrees(read(r"C = (w^L)^T \delta^L").sides[1], profile("nielsen")) == {}


def test_bp2_in_matrix_form_still_proves():
    v = verify(r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)")
    assert v.status == "holds", v.reason
