r"""An entry of a gradient written on a bracket, ``(\frac{\partial C}{\partial w^l})_{jk}``, ``(\nabla_{a^L} C)_j``
(reader._gradient_entry, gradlayout.entries_in_layout).

Truth by hand: the entry j of a gradient vector is ∂C/∂a_j in every layout. The gradient matrix ∂C/∂w^l has the shape
of w^l in Nielsen's reading (the denominator layout), so its entry (j, k) is ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j (BP4); in
the numerator layout it has the shape of (w^l)^T, so its entry (j, k) is ∂C/∂w^l_{kj} = a^{l-1}_j δ^l_k.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify
from symbp.verify.notes import verify_text

_JK = r"\left(\frac{\partial C}{\partial w^l}\right)_{jk}"


@pytest.mark.parametrize("claim, status", [
    (_JK + r" = a^{l-1}_k \delta^l_j", "holds"),
    (_JK + r" = a^{l-1}_j \delta^l_k", "refuted"),
    (r"\left(\frac{\partial C}{\partial b^l}\right)_j = \delta^l_j", "holds"),
    (r"(\nabla_{a^L} C)_j = a^L_j - y_j", "holds"),
    (r"(\nabla_{a^L} C)_j = y_j - a^L_j", "refuted"),
    (r"(\nabla_{w^L} C)_{jk} = a^{L-1}_k \delta^L_j", "holds"),
])
def test_entries_of_a_gradient_in_nielsens_reading(claim, status):
    v = verify(claim, "nielsen")
    assert v.status == status, v.reason
    assert v.interpretation["latex"].startswith(r"\left("), v.interpretation  # read as written


def test_the_numerator_layout_transposes_the_entry():
    text = ("We use the numerator layout throughout: the derivative of a scalar by a column vector is a row vector.\n\n"
            f"$${_JK} = a^{{l-1}}_j \\delta^l_k$$\n\n$${_JK} = a^{{l-1}}_k \\delta^l_j$$\n\n"
            r"$$\left(\frac{\partial C}{\partial b^l}\right)_j = \delta^l_j$$" + "\n")
    rows = [r.result for r in verify_text(text).rows if r.formula.kind == "claim"]
    assert [r.status for r in rows] == ["holds", "refuted", "holds"], [r.reason for r in rows]
    assert "numerator layout" in rows[0].reason
