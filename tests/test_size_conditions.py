r"""A formula true on the user's --sizes network and false on other sizes: conditional, met (review rv43 B1).

Verdicts decided by hand:

* δ^2_1 = σ'(z^2_1) Σ_k w^3_{k1} δ^3_k (BP2, every depth L ≥ 3). Written out as
  σ'(z^2_1)(w^3_{11} δ^3_1 + w^3_{21} δ^3_2) the sum has the two terms of a layer 3 of two neurons: true
  exactly when n_3 = 2, at any depth. On [2, 2, 2] it holds, so with ``--sizes 2,2,2`` it is conditional on
  n_3 = 2, met (exit 0); without ``--sizes`` it is a claim about every network: refuted (exit 1).
* ∂C/∂x_1 = Σ_j w^2_{j1} δ^2_j: written w^2_{11} δ^2_1 + w^2_{21} δ^2_2 it is true exactly when n_2 = 2:
  conditional with ``--sizes 2,2`` (and 3,2), refuted with ``--sizes 2,3`` (the term w^2_{31} δ^2_3 is missing
  on the user's own network).
* ∂C/∂a^{L-1}_1 = Σ_j w^L_{j1} δ^L_j: written with two terms, true exactly when n_L = 2.
* δ^2_1 = σ'(z^2_1)(w^3_{11} (a^3_1 − y_1)σ'(z^3_1) + w^3_{21} (a^3_2 − y_2)σ'(z^3_2)): δ^3_k is
  (a^3_k − y_k)σ'(z^3_k) only when layer 3 is the output (L = 3), and the sum is complete only when n_3 = 2:
  true on [2, 2, 2], and no one layer's size says where; conditional on the user's sizes, met.
* Wrong variants, false on the user's network too: w^3_{12} for w^3_{21} (the weight from neuron 2 of layer 2),
  σ' left out: refuted, exit 1.
"""

from __future__ import annotations

import pytest

from symbp.cli import main
from symbp.verify import verify

BP2_WRITTEN_OUT = r"\delta^2_1 = \sigma'(z^2_1)(w^3_{11} \delta^3_1 + w^3_{21} \delta^3_2)"
INPUT_GRADIENT = r"\frac{\partial C}{\partial x_1} = w^2_{11}\delta^2_1 + w^2_{21}\delta^2_2"


def test_rv43_b1_written_out_bp2_is_conditional_on_n3_on_the_users_network():
    v = verify(BP2_WRITTEN_OUT, sizes=(2, 2, 2), diagnose=False)
    assert (v.status, v.condition, v.condition_met, v.exit_code) == ("conditional", "n_3 = 2", True, 0), v.reason
    assert v.counterexample is not None and "[2, 2, 2]" not in v.counterexample.instance  # the failure elsewhere
    assert "holds exactly when n_3 = 2" in v.reason and "your network [2, 2, 2]" in v.reason
    mine = [c for c in v.checked if c["sizes"] == [2, 2, 2]]
    assert [c["status"] for c in mine] == ["holds"]


def test_rv43_b1_written_out_bp2_without_sizes_stays_refuted():
    v = verify(BP2_WRITTEN_OUT, diagnose=False)
    assert (v.status, v.exit_code) == ("refuted", 1), v.reason


@pytest.mark.parametrize("wrong", [
    r"\delta^2_1 = \sigma'(z^2_1)(w^3_{11} \delta^3_1 + w^3_{12} \delta^3_2)",  # the weight's indices swapped
    r"\delta^2_1 = w^3_{11} \delta^3_1 + w^3_{21} \delta^3_2",  # σ' left out
])
def test_rv43_b1_wrong_written_out_bp2_stays_refuted_on_the_users_network(wrong):
    v = verify(wrong, sizes=(2, 2, 2), diagnose=False)
    assert (v.status, v.exit_code) == ("refuted", 1), v.reason


@pytest.mark.parametrize("sizes", [(2, 2), (3, 2), (2, 2, 2)])
def test_rv43_b1_written_out_input_gradient_is_conditional_on_n2(sizes):
    v = verify(INPUT_GRADIENT, sizes=sizes, diagnose=False)
    assert (v.status, v.condition, v.exit_code) == ("conditional", "n_2 = 2", 0), v.reason


def test_rv43_b1_written_out_input_gradient_refuted_on_a_network_with_three_in_layer_2():
    v = verify(INPUT_GRADIENT, sizes=(2, 3), diagnose=False)
    assert (v.status, v.exit_code) == ("refuted", 1), v.reason


def test_rv43_b1_wrong_input_gradient_stays_refuted():
    v = verify(r"\frac{\partial C}{\partial x_1} = w^2_{11}\delta^2_1 + w^2_{12}\delta^2_2", sizes=(2, 2),
               diagnose=False)
    assert (v.status, v.exit_code) == ("refuted", 1), v.reason


def test_size_condition_counted_from_the_output_is_named_n_L():
    v = verify(r"\frac{\partial C}{\partial a^{L-1}_1} = w^L_{11}\delta^L_1 + w^L_{21}\delta^L_2", sizes=(3, 2, 2),
               diagnose=False)
    assert (v.status, v.condition, v.exit_code) == ("conditional", "n_L = 2", 0), v.reason


def test_size_condition_in_dyda_notation_is_written_as_his_sizes():
    # Dyda numbers the input 0: his layer 1 is Nielsen's layer 2, its size n^{[1]}.
    formula = (r"\frac{\partial L}{\partial x_1} = w^{[1]}_{1,1} \frac{\partial L}{\partial net^{[1]}_1} "
               r"+ w^{[1]}_{2,1}\frac{\partial L}{\partial net^{[1]}_2}")
    v = verify(formula, "dyda", sizes=(2, 2), diagnose=False)
    assert (v.status, v.condition, v.exit_code) == ("conditional", "n^{[1]} = 2", 0), v.reason


def test_depth_and_size_together_make_the_users_sizes_the_condition():
    v = verify(r"\delta^2_1 = \sigma'(z^2_1)(w^3_{11} (a^3_1 - y_1)\sigma'(z^3_1) + w^3_{21} (a^3_2 - y_2)"
               r"\sigma'(z^3_2))", sizes=(2, 2, 2), diagnose=False)
    assert (v.status, v.condition, v.exit_code) == ("conditional", "the layer sizes [2, 2, 2]", 0), v.reason
    assert "no one layer's size (nor the depth) says where it holds" in v.reason


def test_a_wrong_bound_a_square_network_hides_stays_refuted():
    # Σ_{k=1}^{n_l} for Σ_{k=1}^{n_{l+1}}: the formula writes the size itself, so no condition on the sizes.
    v = verify(r"\delta^l_j = \sum_{k=1}^{n_l} w^{l+1}_{kj}\delta^{l+1}_k \sigma'(z^l_j)", sizes=(2, 2, 2, 2),
               diagnose=False)
    assert (v.status, v.exit_code) == ("refuted", 1), v.reason


def test_rv43_b1_the_command_exits_0_on_the_users_network(capsys):
    assert main(["verify", "--sizes", "2,2,2", BP2_WRITTEN_OUT]) == 0
    out = capsys.readouterr().out
    assert out.startswith("conditional") and "condition: n_3 = 2 (your network meets it)" in out
    assert main(["verify", BP2_WRITTEN_OUT]) == 1
