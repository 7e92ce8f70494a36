r"""An entry of a bracketed vector or matrix expression, ``(a^L - y)_j``, ``((w^{l+1})^T \delta^{l+1})_j``,
``(\delta^l (a^{l-1})^T)_{jk}`` (``symbp.verify.entries``).

Truth by hand (Nielsen, ch. 2; quadratic cost C = ½‖a^L − y‖²):
- ∂C/∂a^L_j = a^L_j − y_j, the j-th entry of a^L − y.
- ((w^{l+1})^T δ^{l+1})_j = Σ_k ((w^{l+1})^T)_{jk} δ^{l+1}_k = Σ_k w^{l+1}_{kj} δ^{l+1}_k; Σ_k w^{l+1}_{jk} δ^{l+1}_k is
  the j-th entry of w^{l+1} δ^{l+1}, another vector (of another size unless the layers are equal).
- (δ^l (a^{l-1})^T)_{jk} = δ^l_j a^{l-1}_k = ∂C/∂w^l_{jk} (BP4); its (k, j) entry is δ^l_k a^{l-1}_j, not ∂C/∂w^l_{jk}.
- An entry of a plain product is row j, column k of the product as written, in every layout; the entry of the
  gradient matrix (∂C/∂w^l)_{jk} is turned by the numerator layout (∂C/∂w^l has the shape of (w^l)^T there), so
  (∂C/∂w^l)_{jk} = (δ^l (a^{l-1})^T)_{kj} holds in the numerator layout and (… )_{jk} does not.
Every "holds" here is re-checked by the independent oracle (``tests/conftest.py``).
"""

from __future__ import annotations

import pytest

from symbp.verify import verify
from symbp.verify.gradlayout import GradientLayout
from symbp.verify.recheck import recheck

_PRODUCT = r"(\delta^l (a^{l-1})^T)"


@pytest.mark.parametrize("claim, status", [
    (r"(a^L - y)_j = \frac{\partial C}{\partial a^L_j}", "holds"),
    (r"(y - a^L)_j = \frac{\partial C}{\partial a^L_j}", "refuted"),
    (r"(a^L - y)_j = \frac{\partial C}{\partial z^L_j}", "refuted"),  # δ^L_j needs σ'(z^L_j)
    (r"((w^{l+1})^T \delta^{l+1})_j = \sum_k w^{l+1}_{kj}\delta^{l+1}_k", "holds"),
    (r"((w^{l+1})^T \delta^{l+1})_j = \sum_k w^{l+1}_{jk}\delta^{l+1}_k", "refuted"),
    (_PRODUCT + r"_{jk} = \frac{\partial C}{\partial w^l_{jk}}", "holds"),
    (_PRODUCT + r"_{kj} = \frac{\partial C}{\partial w^l_{jk}}", "refuted"),
    (_PRODUCT + r"_{jk} = \frac{\partial C}{\partial w^l_{kj}}", "refuted"),
    (r"(\sigma'(z^L) \odot (a^L - y))_j = \delta^L_j", "holds"),  # BP1, entry by entry
    (r"(\sigma'(z^L) \odot (a^L - y))_j = \frac{\partial C}{\partial a^L_j}", "refuted"),
    (r"(\sigma'(z^l) \odot ((w^{l+1})^T \delta^{l+1}))_j = \delta^l_j", "holds"),  # BP2
    (r"(\sigma'(z^l) \odot (w^{l+1} \delta^{l+1}))_j = \delta^l_j", "refuted"),
    (r"(w^l a^{l-1} + b^l)_j = z^l_j", "holds"),
    (r"((w^l)^T)_{jk} = w^l_{kj}", "holds"),
    (r"((w^l)^T)_{jk} = w^l_{jk}", "refuted"),
    (r"C = \frac{1}{2}\sum_j ((a^L - y)_j)^2", "holds"),
    (r"C = \sum_j ((a^L - y)_j)^2", "refuted"),
])
def test_an_entry_of_a_bracket_is_its_value_entry(claim, status):
    v = verify(claim)
    assert v.status == status, v.reason
    if status == "holds":
        assert recheck(v) == []


@pytest.mark.parametrize("claim, words", [
    (r"((a^l)^T a^l)_j = a^l_j", "is a number"),
    (r"(a^L - y)_{jk} = \frac{\partial C}{\partial a^L_j}", "whose entries have one index, not two"),
    (_PRODUCT + r"_j = \delta^l_j", "whose entries have two indices (row, column), not one"),
    (r"(a^L_j - y_j)_j = a^L_j - y_j", "a free index of its own inside"),
    (r"(a^L - y)_{jkl} = a^L_j", "3 indices"),
])
def test_an_entry_past_the_shape_is_uninterpretable(claim, words):
    v = verify(claim)
    assert v.status == "uninterpretable", (v.status, v.reason)
    assert words in v.reason


@pytest.mark.parametrize("sizes", [(3, 1, 2), (2, 3, 1), (1, 2, 2)])
def test_a_layer_of_one_neuron_does_not_change_what_the_bracket_is(sizes):
    # On [3, 1, 2], (w^3)^T δ^3 is 1 × 1 (a number by the shapes alone) and δ^2 (a^1)^T is 1 × 3: still a vector
    # and a matrix, as on every other network
    assert verify(r"((w^{l+1})^T \delta^{l+1})_j = \sum_k w^{l+1}_{kj}\delta^{l+1}_k", sizes=sizes).status == "holds"
    assert verify(r"((w^{l+1})^T \delta^{l+1})_j = \sum_k w^{l+1}_{jk}\delta^{l+1}_k", sizes=sizes).status == "refuted"
    assert verify(_PRODUCT + r"_{jk} = \frac{\partial C}{\partial w^l_{jk}}", sizes=sizes).status == "holds"
    assert verify(_PRODUCT + r"_j = \delta^l_j", sizes=sizes).status == "uninterpretable"
    assert verify(r"(a^L - y)_{jk} = a^L_j - y_j", sizes=sizes).status == "uninterpretable"


def test_the_numerator_layout_turns_a_gradient_not_a_product():
    numerator = GradientLayout("numerator", 1, explicit=True)
    grad = r"\left(\frac{\partial C}{\partial w^l}\right)_{jk}"
    assert verify(_PRODUCT + r"_{jk} = \frac{\partial C}{\partial w^l_{jk}}", layout=numerator).status == "holds"
    assert verify(grad + " = " + _PRODUCT + "_{kj}", layout=numerator).status == "holds"
    assert verify(grad + " = " + _PRODUCT + "_{jk}", layout=numerator).status == "refuted"
    assert verify(grad + " = " + _PRODUCT + "_{jk}").status == "holds"  # Nielsen's: the denominator layout
    # a gradient inside a bracket is turned by the layout before the entry is taken
    inside = r"(\frac{\partial C}{\partial w^l} + 0)_{jk} = \frac{\partial C}{\partial w^l_{"
    assert verify(inside + "kj}}", layout=numerator).status == "holds"
    assert verify(inside + "jk}}", layout=numerator).status == "refuted"


def test_an_entry_of_a_bracket_is_not_read_with_a_bias_column():
    v = verify(r"(a^L - y)_j = \frac{\partial C}{\partial a^L_j}", "dyda")
    assert v.status == "uninterpretable" and "dyda" in v.reason


def test_the_cli_reads_an_entry_of_a_bracket(capsys):
    from symbp.cli import main

    assert main(["verify", r"(a^L - y)_j = \frac{\partial C}{\partial a^L_j}"]) == 0
    assert main(["verify", r"(\delta^l (a^{l-1})^T)_{kj} = \frac{\partial C}{\partial w^l_{jk}}"]) == 1
