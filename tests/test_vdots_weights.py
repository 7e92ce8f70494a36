r"""A bare ``n`` inside a weight in the last entry of a ``\vdots`` column is the size of the layer its place runs
over (review rv52 A5). Read as a free neuron index (n = 1), the column had one entry and the textbook definitions
of w^l a^{l-1} and (w^{l+1})^T δ^{l+1} were refuted. Truth by hand: entry j of w^l a^{l-1} is Σ_k w^l_{jk} a^{l-1}_k
(j over layer l), entry j of (w^{l+1})^T δ^{l+1} is Σ_k w^{l+1}_{kj} δ^{l+1}_k (j over layer l); the indices swapped
are wrong, and must stay refuted.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify


def _column(entry_first, entry_last):
    return rf"\begin{{pmatrix}} {entry_first} \\ \vdots \\ {entry_last} \end{{pmatrix}}"


@pytest.mark.parametrize("formula, status", [
    (r"w^l a^{l-1} = " + _column(r"\sum_k w^{l}_{1k} a^{l-1}_k", r"\sum_k w^{l}_{nk} a^{l-1}_k"), "holds"),
    (r"w^l a^{l-1} = " + _column(r"\sum_k w^{l}_{k1} a^{l-1}_k", r"\sum_k w^{l}_{kn} a^{l-1}_k"), "refuted"),
    (r"(w^{l+1})^T \delta^{l+1} = " + _column(r"\sum_k w^{l+1}_{k1}\delta^{l+1}_k", r"\sum_k w^{l+1}_{kn}\delta^{l+1}_k"),
     "holds"),
    (r"(w^{l+1})^T \delta^{l+1} = " + _column(r"\sum_k w^{l+1}_{1k}\delta^{l+1}_k", r"\sum_k w^{l+1}_{nk}\delta^{l+1}_k"),
     "refuted"),
])
def test_a_bare_n_in_a_weight_is_the_size_of_its_layer(formula, status):
    assert verify(formula).status == status


@pytest.mark.parametrize("first, last, status", [
    (r"\sum_k w^{[l]}_{k,1}\delta^{[l]}_k", r"\sum_k w^{[l]}_{k,n}\delta^{[l]}_k", "holds"),
    (r"\sum_k w^{[l]}_{1,k}\delta^{[l]}_k", r"\sum_k w^{[l]}_{n,k}\delta^{[l]}_k", "refuted"),
])
def test_in_the_dyda_profile_too(first, last, status):
    assert verify(r"(W^{[l]})^T \delta^{[l]} = " + _column(first, last).replace("pmatrix", "bmatrix"),
                  "dyda").status == status
