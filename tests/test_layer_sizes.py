"""A layer formula that holds must hold for every size: the sizes it uses as numbers are checked on enough values.

Oracle: batch norm composed by hand in SymPy at m = 5 and differentiated with ``sympy.diff``.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.layer_check import verify_layer
from symbp.verify.layer_reader import read_layer_formula
from symbp.verify.layer_sizes import dependence

BN_RIGHT = (r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}\left(m\,g_i - \sum_j g_j"
            r" - \hat{x}_i \sum_j g_j \hat{x}_j\right)")
BN_WRONG = (r"\frac{\partial L}{\partial x_i} = \frac{\gamma (1 + (m-2)(m-3)(m-4))}{m\sqrt{\sigma^2+\epsilon}}\left(m\,g_i"
            r" - \sum_j g_j - \hat{x}_i \sum_j g_j \hat{x}_j\right)")

def _batchnorm_oracle(m: int, factor):
    """∂L/∂x_1 by sympy.diff of L = Σ g_i (γ x̂_i + β), and the claimed right side with ``factor``(m), at a point."""
    x = sympy.symbols(f"x1:{m + 1}")
    g = [sympy.Rational(k + 2, 3) * (-1) ** k for k in range(m)]
    gamma, eps = sympy.Rational(3, 2), sympy.Rational(1, 10)
    mu = sum(x) / m
    var = sum((xi - mu) ** 2 for xi in x) / m
    xhat = [(xi - mu) / sympy.sqrt(var + eps) for xi in x]
    loss = sum(gi * (gamma * h) for gi, h in zip(g, xhat))
    point = {xi: sympy.Rational(k * k - 3 * k + 1, 4) for k, xi in enumerate(x)}
    true = sympy.diff(loss, x[0]).subs(point)
    hat = [h.subs(point) for h in xhat]
    root = sympy.sqrt(var.subs(point) + eps)
    claimed = gamma * factor(m) / (m * root) * (m * g[0] - sum(g) - hat[0] * sum(a * b for a, b in zip(g, hat)))
    return sympy.nsimplify(true), claimed

def test_the_oracle_tells_the_factor_vanishing_at_2_3_4_wrong_at_m_5_and_the_right_formula_right():
    true, right = _batchnorm_oracle(5, lambda m: 1)
    assert sympy.simplify(true - right) == 0
    true, wrong = _batchnorm_oracle(5, lambda m: 1 + (m - 2) * (m - 3) * (m - 4))
    assert sympy.simplify(true - wrong) != 0
    for m in (2, 3, 4):  # where the factor is 1: the old family could not tell
        true, wrong = _batchnorm_oracle(m, lambda m: 1 + (m - 2) * (m - 3) * (m - 4))
        assert sympy.simplify(true - wrong) == 0

def test_batchnorm_claim_with_a_factor_vanishing_on_the_catalogue_batches_is_refuted_the_right_one_holds():
    wrong = verify_layer("batchnorm", BN_WRONG)
    assert wrong.status == "refuted" and "batch=5" in wrong.reason
    right = verify_layer("batchnorm", BN_RIGHT)
    assert right.status == "holds" and all(c.verdict == "proved" for c in right.certificates)

@pytest.mark.parametrize("kind, formula, status", [
    ("layernorm", r"\frac{\partial L}{\partial x_c} = \frac{1 + (n-2)(n-4)}{n\sqrt{\sigma^2+\epsilon}}\Big(n \gamma_c g_c"
                  r" - \sum_k \gamma_k g_k - \hat x_c \sum_k \gamma_k g_k \hat x_k\Big)", "refuted"),
    ("attention", r"\frac{\partial L}{\partial Q} = \frac{1 + (d-2)(d-3)(d-4)}{\sqrt{d}} \left(P \odot \left(G V^T"
                  r" - \mathrm{rowsum}(G V^T \odot P)\right)\right) K", "refuted"),
    ("attention", r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt{d}} \left(P \odot \left(G V^T - \mathrm{rowsum}(G V^T"
                  r" \odot P)\right)\right) K", "holds"),
    ("rnn", r"\frac{\partial L}{\partial b} = (1 + (T-3)(T-4)(T-5)) \sum_{t=1}^{T} \delta_t", "refuted"),
    ("rnn", r"\frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta_t", "holds"),
    # stride and padding are not widened: more values needed than the shapes have is uninterpretable
    ("conv1d", r"\frac{\partial L}{\partial b_k} = (1 + (s-1)(s-2)) \sum_p g_{k,p}", "uninterpretable"),
    ("conv1d", r"\frac{\partial L}{\partial b_k} = \sum_p g_{k,p}", "holds"),
    # an index not affine in the sizes; a denominator 0 at some size (as written, even if it cancels)
    ("batchnorm", r"\frac{\partial L}{\partial \beta} = \sum_{i=(m-2)(m-3)(m-4)+1}^{m} g_i", "uninterpretable"),
    ("batchnorm", r"\frac{\partial L}{\partial \beta} = \frac{m-7}{m-7}\sum_{i} g_i", "uninterpretable"),
    ("batchnorm", r"\frac{\partial L}{\partial \beta} = \frac{1}{m-7}\sum_{i} (m-7) g_i", "uninterpretable"),
    ("batchnorm", r"\frac{\partial L}{\partial \beta} = \sum_{i=1}^{m} g_i", "holds"),
])
def test_other_sizes_used_as_numbers(kind, formula, status):
    result = verify_layer(kind, formula)
    assert result.status == status, result.reason

def test_dependence_reads_degrees_and_roots():
    rhs = read_layer_formula(BN_WRONG)[1]
    assert dependence(rhs, {"m"}) == {"m": 5}  # numerator degree 4, denominator m
    rhs = read_layer_formula(r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt{d}} P K")[1]
    assert dependence(rhs, {"d"}) == {"d": 1}  # in √d


@pytest.mark.parametrize("formula, status", [
    (r"\frac{\partial L}{\partial \beta} = m m^{-1} \sum_i g_i", "holds"),  # m^{-1} was a TypeError (1 / a field element)
    (r"\frac{\partial L}{\partial \beta} = m^{-1} \sum_i g_i", "refuted"),
    (r"\frac{\partial L}{\partial \beta} = \frac{1}{m^{99999} + 1} \sum_i g_i", "unreadable"),  # at once: an exponent past the cap of 8 is not read (issue 12 D1)
    # 0 at m = 6 only (outside its domain), and not 1 at any other m: wrong wherever it is defined
    (r"\frac{\partial L}{\partial \beta} = \frac{1}{(m-1)(m-2)(m-3)(m-4)(m-5)(m-6) + m - 6}\sum_i g_i", "refuted"),
    (r"\frac{\partial L}{\partial x_i} = \gamma (\sigma^2+\epsilon)^{-1/2} \left(g_i - m^{-1}\sum_j g_j\right)"
     r" - \gamma m^{-1} (\sigma^2+\epsilon)^{-1/2} \hat x_i \sum_j g_j \hat x_j", "holds"),
])
def test_powers_of_the_size(formula, status):
    assert verify_layer("batchnorm", formula).status == status
