r"""Slips in batch and layer norm formulas (``verify --layer``): a missing ε, a 1/(m − 1) for 1/m, γ in the wrong place
or indexed by the wrong dimension.

Truth by hand (Ioffe and Szegedy 2015; Ba, Kiros and Hinton 2016), with x̂ = (x − μ)/√(σ² + ε) and ε > 0:
- batch norm, one feature over m samples: ∂L/∂x_i = γ/(m√(σ²+ε)) (m g_i − Σ_j g_j − x̂_i Σ_j g_j x̂_j);
- layer norm, one sample over n features with a per-feature γ: ∂L/∂x_c = 1/(n√(σ²+ε)) (n γ_c g_c − Σ_k γ_k g_k −
  x̂_c Σ_k γ_k g_k x̂_k).
Without ε the formula is the right one multiplied by √((σ²+ε)/σ²) ≠ 1: wrong for every ε > 0. With 1/(m − 1) it is
the right one times m/(m − 1) ≠ 1: wrong for every m ≥ 2, and means nothing at m = 1. With γ_c outside the bracket of
the layer norm formula it is right only when every feature has the same γ. γ_s, with s a sample, names an entry of a
per-feature γ by a sample: not a formula about the layer.
"""

from __future__ import annotations

import pytest

from symbp.verify.layer_check import verify_layer

BN_BRACKET = r"\left(m\,g_i - \sum_j g_j - \hat{x}_i \sum_j g_j \hat{x}_j\right)"
BN = r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}" + BN_BRACKET
LN_BRACKET = r"\Big(n \gamma_c g_c - \sum_k \gamma_k g_k - \hat x_c \sum_k \gamma_k g_k \hat x_k\Big)"
LN = r"\frac{\partial L}{\partial x_c} = \frac{1}{n\sqrt{\sigma^2+\epsilon}}" + LN_BRACKET


def test_the_right_formulas_hold():
    assert verify_layer("batchnorm", BN).status == "holds"
    assert verify_layer("layernorm", LN).status == "holds"


@pytest.mark.parametrize("kind, formula", [
    ("batchnorm", BN.replace(r"\sqrt{\sigma^2+\epsilon}", r"\sqrt{\sigma^2}")),
    ("layernorm", LN.replace(r"\sqrt{\sigma^2+\epsilon}", r"\sqrt{\sigma^2}")),
])
def test_a_missing_epsilon_is_refuted_and_named(kind, formula):
    v = verify_layer(kind, formula)
    assert v.status == "refuted", v.reason
    assert "ε is missing" in v.reason
    assert v.counterexample is not None and v.counterexample.point["ε"] != "0"
    assert v.exit_code == 1


def test_a_root_of_the_variance_that_cancels_still_holds():
    # √σ² / √σ² = 1 whatever σ² > 0 is: the root is an atom of its own, so cancelling it is a proof
    formula = r"\frac{\partial L}{\partial \beta} = \frac{\sqrt{\sigma^2}}{\sqrt{\sigma^2}} \sum_i g_i"
    assert verify_layer("batchnorm", formula).status == "holds"


@pytest.mark.parametrize("kind, formula, letter", [
    ("batchnorm", BN.replace(r"{m\sqrt", r"{(m-1)\sqrt"), "m"),
    ("layernorm", LN.replace(r"{n\sqrt", r"{(n-1)\sqrt"), "n"),
])
def test_one_over_size_minus_one_is_refuted_where_it_is_defined(kind, formula, letter):
    v = verify_layer(kind, formula)
    assert v.status == "refuted", v.reason
    assert f"{letter} = 1 is outside the formula's domain" in v.reason
    assert v.exit_code == 1


def test_a_formula_that_holds_wherever_it_is_defined_is_not_judged():
    # (m − 1)/(m − 1) is 1 for m ≥ 2 and undefined at m = 1: not refuted, not held (as before)
    v = verify_layer("batchnorm", r"\frac{\partial L}{\partial \beta} = \frac{m-1}{m-1}\sum_{i} g_i")
    assert v.status == "uninterpretable" and "0 at m = 1" in v.reason


def test_both_slips_at_once_are_refuted_with_both_named():
    v = verify_layer("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{(m-1)\sqrt{\sigma^2}}" + BN_BRACKET)
    assert v.status == "refuted"
    assert "m = 1 is outside" in v.reason and "ε is missing" in v.reason


def test_layer_norm_with_gamma_outside_the_bracket_is_refuted():
    # the batch norm form, γ_c as one factor for the whole sample: right only when every feature's γ is the same
    formula = (r"\frac{\partial L}{\partial x_c} = \frac{\gamma_c}{n\sqrt{\sigma^2+\epsilon}}"
               r"\Big(n g_c - \sum_k g_k - \hat x_c \sum_k g_k \hat x_k\Big)")
    assert verify_layer("layernorm", formula).status == "refuted"


@pytest.mark.parametrize("kind, formula", [
    ("layernorm", r"\frac{\partial L}{\partial x_{s,c}} = \frac{1}{n\sqrt{\sigma^2_s+\epsilon}}\Big(n \gamma_s g_{s,c} - "
                  r"\sum_k \gamma_s g_{s,k} - \hat x_{s,c} \sum_k \gamma_s g_{s,k} \hat x_{s,k}\Big)"),
    ("batchnorm", BN.replace(r"\frac{\gamma}", r"\frac{\gamma_i}")),  # i is batch norm's sample
])
def test_a_per_feature_gamma_indexed_by_the_sample_is_uninterpretable(kind, formula):
    v = verify_layer(kind, formula)
    assert v.status == "uninterpretable", (v.status, v.reason)
    assert "γ has one entry per feature" in v.reason


def test_layer_norm_with_both_indices_written_holds():
    formula = (r"\frac{\partial L}{\partial x_{s,c}} = \frac{1}{n\sqrt{\sigma^2_s+\epsilon}}\Big(n \gamma_c g_{s,c} - "
               r"\sum_k \gamma_k g_{s,k} - \hat x_{s,c} \sum_k \gamma_k g_{s,k} \hat x_{s,k}\Big)")
    assert verify_layer("layernorm", formula).status == "holds"
