r"""Numbers written as factors of a step of gradient descent belong to its rate (``symbp.verify.steprate``).

By hand (Nielsen, BP3/BP4): ∂C/∂w^l = δ^l (a^{l-1})^T and ∂C/∂b^l = δ^l. A step w^l − η δ^l (a^{l-1})^T · 2 · 3 is
w^l − 6η ∂C/∂w^l: gradient descent with the learning rate 6η > 0, a correct rule. Before, only the last number was
taken for the rate (3η) and δ^l (a^{l-1})^T · 2 was checked as the gradient: a false refutation.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify
from symbp.verify.steprate import numeric_factors

_GRAD = r"\delta^l (a^{l-1})^T"


@pytest.mark.parametrize("factors, rate", [
    (r" \cdot 2 \cdot 3", "6η"),
    (r" \times 2 \times 3", "6η"),
    (r" \cdot 2 \cdot \frac{1}{2}", ""),  # 2 · ½ = 1: the rate is η
    (r" \cdot \frac12 \cdot \frac13", "η/6"),
    (r" \cdot \frac{1}{2}", "η/2"),
])
def test_a_product_of_closing_numbers_is_the_rate(factors, rate):
    v = verify(rf"w^l \to w^l - \eta {_GRAD}{factors}", "nielsen")
    assert v.status == "holds", (factors, v.reason)
    assert (f"the learning rate is {rate}" in v.reason) if rate else "the learning rate is" not in v.reason, v.reason


@pytest.mark.parametrize("rule", [
    rf"w^l \to w^l - 2 \cdot 3 \eta {_GRAD}",        # numbers opening the step: 6η
    rf"w^l \to w^l - 2 \eta {_GRAD} \cdot 3",        # before the rate and after the gradient: 6η
    rf"w^l \to w^l - \eta \cdot 2 {_GRAD}",          # right after the rate: 2η
    r"w^l \to w^l - \frac{\eta}{m} 2 \sum_x \delta^{x,l} (a^{x,l-1})^T",  # (2η/m) Σ_x ∂C_x/∂w^l
    r"b^l \to b^l - \eta \delta^l \cdot 2 \cdot 3",  # BP3 with the rate 6η
    # the mean over the mini-batch with the rate 6η/m: (6η/m) Σ_x ∂C_x/∂w^l
    r"w^l \to w^l - \frac{\eta}{m} \sum_x \frac{\partial C_x}{\partial w^l} \cdot 2 \cdot 3",
])
def test_numbers_around_the_rate_and_the_gradient_multiply_the_rate(rule):
    v = verify(rule, "nielsen")
    assert v.status == "holds", (rule, v.reason)


@pytest.mark.parametrize("rule", [
    rf"w^l \to w^l + \eta {_GRAD} \cdot 2 \cdot 3",                # adds 6η times the gradient: uphill
    rf"w^l \to w^l + \eta \cdot 2 {_GRAD}",                       # adds 2η times the gradient
    r"w^l \to w^l - \eta \cdot 2 a^{l-1} (\delta^l)^T",           # 2η times the gradient transposed
    rf"w^l \to w^l - \eta \cdot 0 {_GRAD}",                        # no step
    rf"w^l \to w^l - \eta {_GRAD} \cdot 2 \cdot (-3)",             # −6η: uphill
    rf"w^l \to w^l - (-\eta) {_GRAD} \cdot 2 \cdot 3",             # the same written with (−η)
    r"w^l \to w^l - \eta a^{l-1} (\delta^l)^T \cdot 2 \cdot 3",   # the gradient transposed (3×2 for [3, 2])
    r"w^l \to w^l - \eta \delta^l \cdot 2 \cdot 3",               # δ^l is the bias's gradient, not the weight's
    rf"w^l \to w^l - \eta {_GRAD} \cdot 2 \cdot 0",                # rate 0: no step at all
    rf"w^l \to w^l - \frac12 (\eta - 1) {_GRAD} \cdot 3",          # rate 3(η − 1)/2 ≤ 0 at η = 1/2
    r"b^l \to w^l - \eta \delta^l \cdot 2 \cdot 3",                # starts from another parameter
])
def test_a_wrong_step_with_numbers_in_its_rate_is_still_refuted(rule):
    v = verify(rule, "nielsen")
    assert v.status == "refuted", (rule, v.status, v.reason)


def test_numeric_factors_takes_the_numbers_off_both_ends_and_keeps_a_zero():
    assert numeric_factors(r"2 \cdot 3 \eta \nabla C \cdot \frac12") == (r"\eta \nabla C", ["2", "3", r"\frac{1}{2}"])
    assert numeric_factors(r"\eta \nabla C \cdot 0") == (r"\eta \nabla C \cdot 0", [])
    assert numeric_factors(r"\eta \nabla C \cdot 10^{-3}") == (r"\eta \nabla C \cdot 10^{-3}", [])  # not read here
