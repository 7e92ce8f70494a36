r"""The matrix of entries, ``w^l = [w^l_{jk}]`` (review 20, F3): a notation that is true, never refuted.

Hand: in Nielsen's notation z^l = w^l a^{l-1} + b^l, so w^l is the n_l × n_{l-1} matrix whose row j, column k is
w^l_{jk}; [w^l_{jk}] (first index the row) is that matrix. In Dyda's, net^{[l]} = W^{[l]} x^{[l-1]} with x_0 = 1, so
W^{[l]} is n^{[l]} × (n^{[l-1]} + 1), row k and column j (from 0, the bias) being w_{k,j}^{[l]}. ``_matrix_of_entries``
reads the layout off symbp's composed forward pass, independently of the reader; every "holds" is also re-checked by
the numeric oracle (the suite's ``recheck`` hook).
"""

from __future__ import annotations

import pytest

from symbp.network import network
from symbp.notation import profile
from symbp.verify.notes import verify_text
from symbp.verify.verification import verify


def test_the_hand_layout_of_the_weights():
    # z^2 = w^2 x + b^2 on the network [3, 2], from symbp's composed forward pass (no reader): the coefficient of x_k
    # in z^2_j, the (j, k) entry of the matrix w^2, is the weight w^2_{jk} — the first index names the row
    import sympy

    net = network([3, 2], activation="generic", cost="quadratic")
    z, _ = net.forward()
    matrix = sympy.Matrix(2, 3, lambda r, c: sympy.diff(z[2][r], net.x(c + 1)))
    assert matrix == sympy.Matrix(2, 3, lambda r, c: net.weight(2, r + 1, c + 1))
    assert matrix.T.shape == (3, 2)  # the transpose, rows over the 3 inputs, is another matrix
    assert profile("nielsen").weight(2, 1, 3) == "w^{2}_{13}"  # the same entry as the notes write it
    assert profile("dyda").weight(2, 1, 3) == "w^{[1]}_{1,3}"


@pytest.mark.parametrize("notation, formula", [
    ("nielsen", r"w^l = [w^l_{jk}]"),
    ("nielsen", r"w^l = \left[w^l_{jk}\right]"),
    ("nielsen", r"w^{l+1} = [w^{l+1}_{jk}]"),
    ("dyda", r"W^{[l]} = [w_{k,j}^{[l]}]"),
])
def test_the_matrix_of_its_entries_holds(notation, formula):
    got = verify(formula, notation)
    assert got.status == "holds", got.reason
    assert "entry is" in got.reason


@pytest.mark.parametrize("notation, formula, status", [
    ("nielsen", r"w^l = [w^{l-1}_{jk}]", "refuted"),  # another layer's weights: a 2×3 matrix against a 3×… one
    ("dyda", r"W^{[l]} = [w_{k,j}^{[l-1]}]", "refuted"),
    ("nielsen", r"w^l = [w^l_{kj}]", "uninterpretable"),  # the letters swapped: the matrix or its transpose
    ("dyda", r"W^{[l]} = [w_{j,k}^{[l]}]", "uninterpretable"),
    ("nielsen", r"w^l = [w^l_{ab}]", "uninterpretable"),  # which letter is the row: not said
])
def test_a_wrong_or_undecided_one_never_holds(notation, formula, status):
    got = verify(formula, notation)
    assert got.status == status, got.reason


def test_in_notes_the_definition_of_the_matrix_is_no_refutation():
    text = ("Macierz wag $w^l = [w^l_{jk}]$, gdzie $w^l_{jk}$ to waga od neuronu $k$ w warstwie $l-1$ do neuronu $j$.\n"
            "$$z^l = w^l a^{l-1} + b^l, \\quad a^l = \\sigma(z^l)$$\n")
    rows = {r.formula.text: r.result.status for r in verify_text(text, "auto").rows}
    assert rows[r"w^l = [w^l_{jk}]"] == "holds"
    swapped = {r.formula.text: r.result.status for r in verify_text(text.replace("[w^l_{jk}]", "[w^l_{kj}]"), "auto").rows}
    assert swapped[r"w^l = [w^l_{kj}]"] == "uninterpretable"
