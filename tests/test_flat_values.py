r"""Review rv44 A5 (networks): a division by a generic σ's value is undecided, never holds.

A generic σ is every differentiable function, so one constant on an interval is among them (0 for z ≤ 0, a
smoothed relu; 1 for large z; 1 on one interval and −1 on another). Where a neuron's z falls in such an
interval, a^l_j = σ(z^l_j) is that constant on an open set of inputs. Decided by hand:

* ∂C/∂w^l_{jk} / a^{l-1}_k = δ^l_j (BP4 divided): for l ≥ 3, a^{l-1}_k = σ(z^{l-1}_k) may be 0 on an open set,
  where the left side is 0/0: undecided (it held). With sigmoid (0 < σ < 1) and tanh (tanh(z) = 0 only at z = 0,
  a null set) it holds. Its wrong variant, = δ^l_j a^{l-1}_k, is refuted where defined.
* A division by 1 − a^{l-1}_k: 0 where σ is 1 on an interval: undecided; sigmoid's 1 − σ > 0: holds.
* A division by a^L_1 + a^L_2: 0 where σ is 1 at one neuron and −1 at the other: undecided.
* Safe divisors, 0 only on a null set of the point space: an input x_k (a hyperplane), a^L_j − y_j (σ constant at
  c makes it c − y_j, 0 only where y_j = c), 1 + (a^L_j)^2 (never 0): the true formulas hold.
* Binary cross-entropy takes ln a^L and ln(1 − a^L): the cost's own domain is 0 < a^L < 1, so its gradient
  −y/a + (1 − y)/(1 − a) holds under a generic σ; a division by a hidden a^{l-1}_k is still undecided.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify

BP4_DIVIDED = r"\frac{\partial C}{\partial w^l_{jk}} \Big/ a^{l-1}_k = \delta^l_j"


def test_rv44_a5_bp4_divided_by_a_generic_activation_is_undecided():
    v = verify(BP4_DIVIDED, diagnose=False)
    assert (v.status, v.exit_code) == ("undecided", 3), v.reason
    assert "divides by a^{l-1}_k" in v.reason and "constant on an interval" in v.reason
    assert "σ(z^2_1) = 0" in v.reason  # the constant that makes it 0, on the network [2, 3, 2]


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_rv44_a5_bp4_divided_holds_where_the_activation_is_zero_on_no_open_set(activation):
    assert verify(BP4_DIVIDED, activation=activation, diagnose=False).status == "holds"


def test_rv44_a5_bp4_divided_by_relu_stays_undecided():
    assert verify(BP4_DIVIDED, activation="relu", diagnose=False).status == "undecided"


def test_rv44_a5_wrong_bp4_divided_is_refuted_where_defined():
    v = verify(r"\frac{\partial C}{\partial w^l_{jk}} \Big/ a^{l-1}_k = \delta^l_j a^{l-1}_k", diagnose=False)
    assert (v.status, v.exit_code) == ("refuted", 1), v.reason


def test_rv44_a5_division_by_one_minus_a_generic_undecided_sigmoid_holds():
    formula = r"\frac{\partial C}{\partial w^l_{jk}} \Big/ (1 - a^{l-1}_k) = \frac{a^{l-1}_k \delta^l_j}{1 - a^{l-1}_k}"
    v = verify(formula, diagnose=False)
    assert v.status == "undecided" and "divides by 1 - a^{l-1}_k" in v.reason and "= 1 there" in v.reason, v.reason
    assert verify(formula, activation="sigmoid", diagnose=False).status == "holds"


def test_rv44_a5_division_by_a_sum_of_two_activations_is_undecided():
    v = verify(r"\frac{\partial C}{\partial a^L_j} = \frac{(a^L_j - y_j)(a^L_1 + a^L_2)}{a^L_1 + a^L_2}", diagnose=False)
    assert v.status == "undecided" and "divides by a^L_1 + a^L_2" in v.reason, v.reason


@pytest.mark.parametrize("formula", [
    r"\frac{\partial C}{\partial w^2_{jk}} \Big/ x_k = \delta^2_j",  # x_k = 0 on a hyperplane only
    r"\frac{\partial C}{\partial a^L_j} = \frac{(a^L_j - y_j)(a^L_j - y_j)}{a^L_j - y_j}",  # 0 only where y_j = c
    r"\frac{\partial C}{\partial a^L_j} = \frac{(a^L_j - y_j)(1 + (a^L_j)^2)}{1 + (a^L_j)^2}",  # never 0
])
def test_rv44_a5_division_by_what_is_zero_only_on_a_null_set_holds(formula):
    v = verify(formula, diagnose=False)
    assert v.status == "holds", v.reason


def test_rv44_a5_wrong_division_by_an_input_is_refuted():
    v = verify(r"\frac{\partial C}{\partial w^2_{jk}} \Big/ x_k = \delta^2_k", sizes=(2, 2), diagnose=False)
    assert v.status == "refuted", v.reason


def test_rv44_a5_cross_entropy_gradient_divides_by_the_output_within_its_domain():
    v = verify(r"\frac{\partial C}{\partial a^L_j} = -\frac{y_j}{a^L_j} + \frac{1-y_j}{1-a^L_j}", cost="cross-entropy",
               diagnose=False)
    assert v.status == "holds", v.reason
    wrong = verify(r"\frac{\partial C}{\partial a^L_j} = -\frac{y_j}{a^L_j} + \frac{y_j}{1-a^L_j}", cost="cross-entropy",
                   diagnose=False)
    assert wrong.status == "refuted", wrong.reason
    hidden = verify(BP4_DIVIDED, cost="cross-entropy", diagnose=False)
    assert hidden.status == "undecided", hidden.reason
