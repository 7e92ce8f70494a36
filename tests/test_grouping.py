r"""Each ``\cdot`` of a chain read on its own as a product or ⊙ (review 21 F1): the true BP1/BP2/BP4 with a factor 1,
½ · 2 or (a^{L-1})^T beside them hold, the wrong variants stay refuted.

Oracle: ∂C/∂w^L of a small sigmoid network by ``sympy.diff``, against ((a^L − y) ⊙ σ'(z^L)) (a^{L-1})^T, the
reading the chain is given.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify import verify
from symbp.verify.grouping import _masks, dot_readings

P = "'"


def test_the_outer_product_reading_is_the_true_gradient_by_sympy_diff():
    sig = lambda t: 1 / (1 + sympy.exp(-t))  # noqa: E731
    a1 = sympy.Matrix([sympy.Rational(1, 3), sympy.Rational(-1, 2)])
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    b = sympy.Matrix([sympy.Rational(1, 5), sympy.Rational(-2, 7)])
    y = sympy.Matrix([1, 0])
    z = w * a1 + b
    a = z.applyfunc(sig)
    cost = sum((a[j] - y[j]) ** 2 for j in range(2)) / 2
    point = dict(zip(w, [sympy.Rational(1, 2), -1, sympy.Rational(1, 4), 2]))
    grad = sympy.Matrix(2, 2, [sympy.diff(cost, w[j, k]) for j in range(2) for k in range(2)]).subs(point)
    zs = z.subs(point)
    reading = ((a - y).subs(point).multiply_elementwise(zs.applyfunc(lambda t: sig(t) * (1 - sig(t))))) * a1.T
    assert all(abs(sympy.N(e, 30)) < 1e-25 for e in grad - reading)
    wrong = (a - y).subs(point).multiply_elementwise(zs.applyfunc(sig)) * a1.T  # σ for σ'
    assert any(abs(sympy.N(e, 30)) > 1e-3 for e in grad - wrong)


@pytest.mark.parametrize("formula, status", [
    (rf"\delta^L = (a^L-y) \cdot \sigma{P}(z^L) \cdot 1", "holds"),
    (rf"\delta^L = 1 \cdot (a^L-y) \cdot \sigma{P}(z^L)", "holds"),
    (rf"\delta^L = 2 \cdot (a^L-y) \cdot \frac{{1}}{{2}} \sigma{P}(z^L)", "holds"),
    (rf"\delta^L = (a^L-y) \times \sigma{P}(z^L) \times 1", "holds"),
    (rf"\delta^L = (a^L-y) \cdot \sigma{P}(z^L) - 0 \cdot \delta^L", "holds"),
    (rf"\delta^l = \sigma{P}(z^l) \cdot (w^{{l+1}})^T \delta^{{l+1}} \cdot 1", "holds"),
    (rf"\frac{{\partial C}}{{\partial w^L}} = (a^L - y) \cdot \sigma{P}(z^L) \cdot (a^{{L-1}})^T", "holds"),
    # wrong variants: σ for σ', a^L for a^{L-1}, a missing transpose, the row first, a factor 2, W for Wᵀ, w^l for w^{l+1}
    (r"\frac{\partial C}{\partial w^L} = (a^L - y) \cdot \sigma(z^L) \cdot (a^{L-1})^T", "refuted"),
    (rf"\frac{{\partial C}}{{\partial w^L}} = (a^L - y) \cdot \sigma{P}(z^L) \cdot (a^{{L}})^T", "refuted"),
    (rf"\frac{{\partial C}}{{\partial w^L}} = (a^L - y) \cdot \sigma{P}(z^L) \cdot a^{{L-1}}", "refuted"),
    (rf"\frac{{\partial C}}{{\partial w^L}} = (a^{{L-1}})^T \cdot (a^L - y) \cdot \sigma{P}(z^L)", "refuted"),
    (r"\delta^L = (a^L-y) \cdot \sigma(z^L) \cdot 1", "refuted"),
    (rf"\delta^L = 2 \cdot (a^L-y) \cdot \sigma{P}(z^L) \cdot 1", "refuted"),
    (rf"\delta^l = \sigma{P}(z^l) \cdot (w^{{l+1}}) \delta^{{l+1}} \cdot 1", "refuted"),
    (rf"\delta^l = \sigma{P}(z^l) \cdot (w^{{l}})^T \delta^{{l+1}} \cdot 1", "refuted"),
    (rf"\delta^L = (a^L-y) \cdot \sigma{P}(z^L) - 1 \cdot \delta^L", "refuted"),
])
def test_each_cdot_of_a_chain_on_its_own(formula, status):
    result = verify(formula, "nielsen")
    assert result.status == status, result.reason


def test_masks_mix_a_product_with_one_kind_of_odot_and_only_for_chains():
    assert _masks(1) == [] and _masks(5) == []
    assert sorted(_masks(2)) == ["loose+mask:mo", "loose+mask:mt", "loose+mask:om", "loose+mask:tm"]
    names = [g for g, _ in dot_readings(rf"\delta^L = (a^L-y) \cdot \sigma{P}(z^L) \cdot 1", "nielsen")]
    assert "loose+mask:om" in names and "loose+odot" in names
