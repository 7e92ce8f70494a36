"""``symbp verify --layer KIND``: formulas about layers, in the notation of docs/layers.md (issue 15).

Each case states what a correct reader must answer: the textbook formulas hold, the usual
slips are refuted (with a counterexample the independent oracle confirms), text that cannot
be read is unreadable with its position, and symbols the layer does not have are reported.
Sources as in tests/test_layers.py.
"""

from __future__ import annotations

import pytest

from symbp.cli import main
from symbp.verify.layer_check import verify_layer

CASES = [
    # batch norm (Ioffe and Szegedy), the issue's own example first
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}\left(m\,g_i - \sum_j g_j - \hat{x}_i \sum_j g_j \hat{x}_j\right)", "holds"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{\sqrt{\sigma^2+\epsilon}}\left(m\,g_i - \sum_j g_j - \hat{x}_i \sum_j g_j \hat{x}_j\right)", "refuted"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{1}{m\sqrt{\sigma^2+\epsilon}}\left(m\,g_i - \sum_j g_j - \hat{x}_i \sum_j g_j \hat{x}_j\right)", "refuted"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \frac{\gamma g_i}{\sqrt{\sigma^2+\epsilon}}", "refuted"),
    ("batchnorm", r"\frac{\partial L}{\partial \gamma} = \sum_i g_i \hat x_i", "holds"),
    ("batchnorm", r"\frac{\partial L}{\partial \gamma_c} = \sum_i g_{i,c} \hat x_{i,c}", "holds"),
    ("batchnorm", r"\frac{\partial L}{\partial \beta} = \sum_i g_i", "holds"),
    ("batchnorm", r"\frac{\partial L}{\partial \gamma} = \sum_i g_i", "refuted"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \gamma (\sigma^2+\epsilon)^{-1/2} \left(g_i - \frac{1}{m}\sum_j g_j\right) - \frac{\gamma}{m} (\sigma^2+\epsilon)^{-1/2} \hat x_i \sum_j g_j \hat x_j", "holds"),
    ("layernorm", r"\frac{\partial L}{\partial x_c} = \frac{1}{n\sqrt{\sigma^2+\epsilon}}\Big(n \gamma_c g_c - \sum_k \gamma_k g_k - \hat x_c \sum_k \gamma_k g_k \hat x_k\Big)", "holds"),
    ("layernorm", r"\frac{\partial L}{\partial x_c} = \frac{1}{n\sqrt{\sigma^2+\epsilon}}\Big(n g_c - \sum_k g_k - \hat x_c \sum_k g_k \hat x_k\Big)", "refuted"),
    # convolution (Goodfellow et al. §9.5): 1-based, zero outside the arrays
    ("conv2d", r"\frac{\partial L}{\partial w_{c,k,i,j}} = \sum_{p,q} g_{k,p,q} \tilde x_{c, s(p-1)+i, s(q-1)+j}", "holds"),
    ("conv2d", r"\frac{\partial L}{\partial w_{c,k,i,j}} = \sum_{p,q} g_{k,p,q} \tilde x_{c, p+i-1, q+j-1}", "refuted"),
    ("conv2d", r"\frac{\partial L}{\partial b_k} = \sum_{p,q} g_{k,p,q}", "holds"),
    ("conv1d", r"\frac{\partial L}{\partial x_{c,u}} = \sum_k \sum_{i} g_{k,u+P-i+1} w_{c,k,i}", "refuted"),
    ("conv1d", r"\frac{\partial L}{\partial w_{c,k,i}} = \sum_{p} g_{k,p} \tilde x_{c, s(p-1)+i}", "holds"),
    # BPTT (Goodfellow et al. §10.2.2)
    ("rnn", r"\delta_t = \varphi'(a_t) \odot (g_t + W_{hh}^{\mathsf T} \delta_{t+1})", "holds"),
    ("rnn", r"\delta_t = \varphi'(a_t) \odot (g_t + W_{hh} \delta_{t+1})", "refuted"),
    ("rnn", r"\delta_t = \varphi'(a_t) \odot W_{hh}^{\mathsf T} \delta_{t+1}", "refuted"),
    ("rnn", r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta_t h_{t-1}^{\mathsf T}", "holds"),
    ("rnn", r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta_t h_{t}^{\mathsf T}", "refuted"),
    ("rnn", r"\frac{\partial L}{\partial W_{xh}} = \sum_{t=1}^{T} \delta_t x_t^T", "holds"),
    ("rnn", r"\frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta_t", "holds"),
    ("rnn", r"\frac{\partial L}{\partial x_t} = W_{xh}^{\mathsf T} \delta_t", "holds"),
    ("rnn", r"\frac{\partial L}{\partial h_0} = W_{hh}^T \delta_1", "holds"),
    # attention (Vaswani et al.; Dao et al.)
    ("attention", r"\frac{\partial L}{\partial V} = P^T G", "holds"),
    ("attention", r"\frac{\partial L}{\partial V} = P G", "refuted"),
    ("attention", r"\frac{\partial L}{\partial S} = P \odot (G V^T - \mathrm{rowsum}(P \odot G V^T))", "holds"),
    ("attention", r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt{d}} \left(P \odot \left(G V^T - \mathrm{rowsum}(G V^T \odot P)\right)\right) K", "holds"),
    ("attention", r"\frac{\partial L}{\partial Q} = \left(P \odot \left(G V^T - \mathrm{rowsum}(G V^T \odot P)\right)\right) K", "refuted"),
    ("attention", r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}} \left(P \odot \left(G V^T - \mathrm{rowsum}(G V^T \odot P)\right)\right)^T Q", "holds"),
    # softmax, dropout, residual
    ("softmax", r"\frac{\partial L}{\partial z_k} = p_k \Big(g_k - \sum_j g_j p_j\Big)", "holds"),
    ("softmax", r"\frac{\partial L}{\partial z_k} = p_k g_k", "refuted"),
    # the Jacobian in matrix form, diag(p) − p pᵀ (symmetric, so its transpose too); diag(p) alone drops p pᵀ
    ("softmax", r"\frac{\partial L}{\partial z} = (\mathrm{diag}(p) - p p^T) g", "holds"),
    ("softmax", r"\frac{\partial L}{\partial z} = (\operatorname{diag}(p) - p p^T)^T g", "holds"),
    ("softmax", r"\frac{\partial L}{\partial z} = \mathrm{diag}(g) p - p p^T g", "holds"),
    ("softmax", r"\frac{\partial L}{\partial z} = \mathrm{diag}(p) g", "refuted"),
    ("softmax", r"\frac{\partial L}{\partial z} = (\mathrm{diag}(p) + p p^T) g", "refuted"),
    ("softmax", r"\frac{\partial L}{\partial z} = \mathrm{diag}(p^T) g", "refuted"),
    ("softmax-ce", r"\frac{\partial C}{\partial z_j} = p_j - y_j", "holds"),
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{1-p}", "holds"),
    ("dropout", r"\frac{\partial L}{\partial x_i} = r_i g_i", "refuted"),
    # the mask is 0 or 1, so r_i² = r_i and r_i(2 − r_i) = r_i: true; p is a rate in (0, 1), so (1 − p)² is not 1 − p
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i^2}{1-p} g_i", "holds"),
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i (2 - r_i)}{1-p} g_i", "holds"),
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i^2}{(1-p)^2} g_i", "refuted"),
    ("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i}{1-p} g_i^2", "refuted"),
    ("residual", r"\frac{\partial L}{\partial x_k} = g_k + \sum_i \frac{\partial F_i}{\partial x_k} g_i", "holds"),
    ("residual", r"\frac{\partial L}{\partial x_k} = \sum_i \frac{\partial F_i}{\partial x_k} g_i", "refuted"),
    # not readable, or not about this layer
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = g_i \quad i > 1", "unreadable"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = \zeta_i", "unreadable"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = q_i", "uninterpretable"),
    ("batchnorm", r"\frac{\partial L}{\partial x_i} = g_j", "uninterpretable"),
    ("batchnorm", r"\frac{\partial L}{\partial \hat x_i} = \gamma g_i", "uninterpretable"),
    ("maxpool", r"\frac{\partial L}{\partial x_i} = g_i", "uninterpretable"),
]


@pytest.mark.parametrize("kind, formula, status", CASES, ids=[f"{k}-{n}" for n, (k, _, _) in enumerate(CASES)])
def test_each_formula_gets_the_right_answer(kind, formula, status):
    result = verify_layer(kind, formula)
    assert result.status == status, result.reason
    if status == "refuted":
        cx = result.counterexample
        assert cx is not None
        if not cx.reason:  # a numeric counterexample, confirmed by the oracle
            assert "independent oracle" in result.oracle and cx.lhs != cx.rhs
    if status == "holds":
        assert len(result.certificates) >= 3 and all(c.verdict == "proved" for c in result.certificates)


def test_a_formula_with_one_stride_letter_is_not_checked_where_the_strides_differ_and_says_so():
    result = verify_layer("conv2d", r"\frac{\partial L}{\partial b_k} = \sum_{p,q} g_{k,p,q} + 0 s")
    assert result.status == "holds"
    assert "not checked on" in result.reason and "s_h and s_w" in result.reason


def test_cli_exit_codes(capsys):
    ok = r"\frac{\partial L}{\partial \gamma} = \sum_i g_i \hat x_i"
    assert main(["verify", "--layer", "batchnorm", ok]) == 0
    assert main(["verify", "--layer", "batchnorm", r"\frac{\partial L}{\partial \gamma} = \sum_i g_i"]) == 1
    assert main(["verify", "--layer", "batchnorm", r"\frac{\partial L}{\partial x_i} = g_i \quad"]) == 2
    assert main(["verify", "--layer", "pooling3d", ok]) == 2
    err = capsys.readouterr().err
    assert "known: conv1d" in err and "position" in err and "Traceback" not in err


def test_residual_jacobian_for_its_transpose_is_refuted_with_a_confirmed_counterexample():
    # Review 24 U1: ∂L/∂x_k = g_k + Σ_i (∂F_k/∂x_i) g_i uses J for Jᵀ, the usual residual slip (He et al. 2016, eq. 5
    # has ∂F_i/∂x_k). It was only ever undecided: the stand-in block's Jacobian was symmetric (1/(i + k)), so no point
    # could confirm the difference. By hand (sympy): the stand-in's Jacobian is not symmetric now.
    import sympy

    from symbp.layers.field import block_value

    xs = sympy.symbols("x1:4")
    jac = sympy.Matrix(3, 3, lambda i, k: sympy.diff(block_value(i + 1, list(xs)), xs[k]))
    assert jac != jac.T
    slip = verify_layer("residual", r"\frac{\partial L}{\partial x_k} = g_k + \sum_i \frac{\partial F_k}{\partial x_i} g_i")
    assert slip.status == "refuted", slip.reason
    assert verify_layer("residual", r"\frac{\partial L}{\partial x_k} = g_k + \sum_i \frac{\partial F_i}{\partial x_k} g_i"
                        ).status == "holds"
