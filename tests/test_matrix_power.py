r"""A power of a square matrix is the matrix power (review rv38).

Hand: δ^L = Σ'(z^L)(a^L − y) with Σ' diagonal, so ‖δ^L‖² = (a^L − y)ᵀ Σ'ᵀ Σ' (a^L − y) = (a^L − y)ᵀ Σ'(z^L)² (a^L − y):
true, and was "ambiguous" because Σ'(z^L)² was called ill-shaped. With the cube it is false (σ'³ ≠ σ'² for a generic σ);
δ^L = Σ'² (a^L − y) is false too. A power of a matrix that is not square (w^L on [2, 3, 2] is 2×3) has no meaning.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify


@pytest.mark.parametrize("formula, status", [
    (r"\|\delta^L\|^2 = (a^L-y)^T \Sigma'(z^L)^2 (a^L-y)", "holds"),
    (r"\|\delta^L\|^2 = (a^L-y)^T \Sigma'(z^L)^3 (a^L-y)", "refuted"),
    (r"\delta^L = \Sigma'(z^L)^2 (a^L - y)", "refuted"),
    (r"\Sigma'(z^L)^0 \delta^L = \delta^L", "holds"),  # M⁰ = I (review rv40 B4)
    (r"\Sigma'(z^L)^0 \delta^L = 2\delta^L", "refuted"),
])
def test_a_square_matrix_power(formula, status):
    got = verify(formula, "nielsen")
    assert got.status == status, (got.status, got.reason)


def test_a_power_of_a_matrix_that_is_not_square_is_not_read_as_holding():
    got = verify(r"(w^L)^2 a^{L-1} = w^L w^L a^{L-1}", "nielsen", sizes=(2, 3, 2))
    assert got.status != "holds", (got.status, got.reason)
