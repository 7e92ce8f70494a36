r"""A number, a 1×1 product or a row beside an array broadcasts in ``verify --layer`` (rv54 F2).

The catalogue's softmax backward, ∂L/∂z = p ⊙ (g − ⟨g, p⟩), written with ⟨g, p⟩ as ``\sum_j p_j g_j`` or
``p^T g``, was refuted ("a number added to an array"); so was the attention key gradient written as the transpose of
the accepted dS (a row of row sums subtracted from every row). Both are true: checked below by ``sympy.diff`` of
L = Σ_k g_k softmax(z)_k and by central differences of L = Σ G ⊙ softmax(Q Kᵀ/√d) V. Wrong variants stay refuted.
"""

from __future__ import annotations

import numpy
import pytest
import sympy

from symbp.verify.layer_check import verify_layer

DK = r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}} (P^T \odot (V G^T - \mathrm{rowsum}(G V^T \odot P)^T)) Q"


def test_the_hand_truth_of_the_softmax_backward():
    z, g = sympy.symbols("z1:4"), sympy.symbols("g1:4")
    total = sum(sympy.exp(v) for v in z)
    p = [sympy.exp(v) / total for v in z]
    loss = sum(g[k] * p[k] for k in range(3))
    inner = sum(p[j] * g[j] for j in range(3))
    for i in range(3):
        assert sympy.simplify(sympy.diff(loss, z[i]) - p[i] * (g[i] - inner)) == 0


def test_the_hand_truth_of_the_key_gradient_by_central_differences():
    rng = numpy.random.default_rng(0)
    q, k, v, g = (rng.normal(size=s) for s in ((3, 2), (3, 2), (3, 2), (3, 2)))
    d = 2

    def loss(keys):
        s = q @ keys.T / numpy.sqrt(d)
        p = numpy.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        return float((g * (p @ v)).sum())

    s = q @ k.T / numpy.sqrt(d)
    p = numpy.exp(s - s.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    rowsum = (g @ v.T * p).sum(axis=1, keepdims=True)
    claim = (p.T * (v @ g.T - rowsum.T)) @ q / numpy.sqrt(d)
    h, numeric = 1e-6, numpy.zeros_like(k)
    for idx in numpy.ndindex(*k.shape):
        step = numpy.zeros_like(k)
        step[idx] = h
        numeric[idx] = (loss(k + step) - loss(k - step)) / (2 * h)
    assert numpy.abs(numeric - claim).max() < 1e-7


@pytest.mark.parametrize("formula", [r"\frac{\partial L}{\partial z} = p \odot (g - \sum_j p_j g_j)",
                                     r"\frac{\partial L}{\partial z} = p \odot (g - p^T g)",
                                     r"\frac{\partial L}{\partial z} = p \odot (g - g^T p)"])
def test_the_catalogue_softmax_backward_with_the_inner_product_written_out_holds(formula):
    result = verify_layer("softmax", formula)
    assert result.status == "holds", result


@pytest.mark.parametrize("formula", [r"\frac{\partial L}{\partial z} = p \odot (g - \sum_j p_j)",
                                     r"\frac{\partial L}{\partial z} = p \odot (g - 2 p^T g)",
                                     r"\frac{\partial L}{\partial z} = g - p^T g"])
def test_wrong_variants_stay_refuted(formula):
    assert verify_layer("softmax", formula).status == "refuted"


def test_the_key_gradient_with_a_row_of_row_sums_holds_and_the_column_does_not():
    assert verify_layer("attention", DK).status == "holds"
    assert verify_layer("attention", DK.replace(r"\odot P)^T", r"\odot P)")).status == "refuted"
