"""The exact layer check uses what the forward pass's atoms are (rv54 F4): R = 1/D, u² = 1/v, s² = v, t² = 1/n.

Before, a true formula that divided by (1 − p²) or wrote √d/d was left undecided: the atoms were independent, so
the difference was a non-zero polynomial and no counterexample could be confirmed. Each expected verdict below is
decided by sympy on the scalar factor that differs from the textbook formula (the independent truth), and a
near miss of each is refuted.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from symbp.algebra import Poly
from symbp.layers.field import Symbolic
from symbp.verify.layer_check import verify_layer

p, d, v = sympy.symbols("p d v", positive=True)
ATTN = r"\frac{\partial L}{\partial Q} = (P \odot (G V^T - \mathrm{rowsum}(G V^T \odot P))) K "
BN = r"\left(m\,g_i - \sum_j g_j - \hat{x}_i \sum_j g_j \hat{x}_j\right)"

CASES = [
    # (layer, formula, its factor, the textbook factor): the formula holds exactly when the two factors agree
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i (1+p)}{1 - p^2}", (1 + p) / (1 - p**2), 1 / (1 - p)),
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i (1-p)}{1 - p^2}", (1 - p) / (1 - p**2), 1 / (1 - p)),
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{(1 - p)^2} (1 - p)", (1 - p) / (1 - p)**2, 1 / (1 - p)),
    ("attention", ATTN + r"\frac{\sqrt{d}}{d}", sympy.sqrt(d) / d, 1 / sympy.sqrt(d)),
    ("attention", ATTN + r"\frac{2}{\sqrt{d}}", 2 / sympy.sqrt(d), 1 / sympy.sqrt(d)),
    ("attention", ATTN + r"\frac{1}{d}", 1 / d, 1 / sympy.sqrt(d)),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{\gamma \sqrt{\sigma^2+\epsilon}}{m(\sigma^2+\epsilon)}" + BN,
     sympy.sqrt(v) / v, 1 / sympy.sqrt(v)),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{\gamma \sqrt{\sigma^2+\epsilon}}{m(\sigma^2+\epsilon)^2}" + BN,
     sympy.sqrt(v) / v**2, 1 / sympy.sqrt(v)),
]


@pytest.mark.parametrize("kind, formula, factor, textbook", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_a_formula_that_rewrites_the_forward_pass_s_own_quotient_is_judged(kind, formula, factor, textbook):
    same = sympy.simplify(factor - textbook) == 0
    result = verify_layer(kind, formula)
    assert result.status == ("holds" if same else "refuted"), result.to_dict()


def test_the_definitions_prove_only_what_they_imply():
    field = Symbolic()
    pp = field.leaf("p", ())
    keep = field.function("recip", ("keep",), 1 - pp)          # R = 1/(1 − p)
    var = field.leaf("v", ())
    u = field.function("rsqrt", ("u",), var)                   # u = 1/√v
    t = field.inv_sqrt_const(2)                                 # t = 1/√2
    assert field.is_zero(keep * (1 - pp) - 1)
    assert field.is_zero(keep * (1 + pp) * (1 - pp) - (1 + pp))
    assert field.is_zero(u * u * var - 1)
    assert field.is_zero(2 * t * t - 1)
    assert not field.is_zero(keep * (1 - pp) - 2)
    assert not field.is_zero(u * var - 1)                       # u v = √v, not 1
    assert not field.is_zero(t - Fraction(1, 2))
    assert not field.is_zero(keep - pp)


def test_a_definition_through_another_defined_atom_is_not_used():
    # R2 = 1/(1 − R1) with R1 = 1/(1 − p) is nested: left independent (undecided upstream), never a wrong zero
    field = Symbolic()
    pp = field.leaf("p", ())
    r1 = field.function("recip", ("a",), 1 - pp)
    r2 = field.function("recip", ("b",), 1 - r1)
    assert not field.is_zero(r2 * (1 - r1) - 2)
    assert field.is_zero(r1 * (1 - pp) - 1)


def test_a_mask_stays_boolean_through_the_definitions():
    # r ∈ {0, 1}: r²R(1 − p) − r is 0 (r² = r and R(1 − p) = 1); r²R − r is not
    field = Symbolic(frozenset({"r"}))
    r, pp = field.leaf("r", (1,)), field.leaf("p", ())
    keep = field.function("recip", ("keep",), 1 - pp)
    assert field.is_zero(r * r * keep * (1 - pp) - r)
    assert not field.is_zero(r * r * keep - r)
    assert isinstance(r * r * keep, Poly)


@pytest.mark.parametrize("rhs", [r"dS K \frac{1}{\sqrt{d}}", r"d S K \frac{1}{\sqrt{d}}", r"\frac{dS K}{\sqrt{d}}"])
def test_ds_in_an_attention_formula_is_not_read_as_d_times_s(rhs):
    # FlashAttention writes dQ = dS K/√d with dS the gradient ∂L/∂S; read as d·S·K/√d = √d S K it was refuted, a
    # refutation of a formula the user did not write
    result = verify_layer("attention", r"\frac{\partial L}{\partial Q} = " + rhs)
    assert result.status == "uninterpretable" and "FlashAttention" in result.reason


def test_d_as_the_head_dimension_is_still_read():
    # d/d = 1 and d · S with the product written: the head dimension, as docs/layers.md says
    assert verify_layer("attention", r"\frac{\partial L}{\partial V} = \frac{d}{d} P^T G").status == "holds"
    assert verify_layer("attention", r"\frac{\partial L}{\partial V} = \frac{d \cdot P^T G}{d}").status == "holds"
