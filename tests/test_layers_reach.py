"""``verify --layer`` checks a formula beyond every entry its indices name (review 24: F1–F5, R1, R2, C1).

An entry outside an array is 0, so a sum cut at a literal bound (truncated BPTT ``\\sum_{t=T-4}^{T}``,
``\\sum_{j=1}^{5}``) or a term at a far index (``g_{i+5}``) agrees with the truth on every shape of size at most
that literal. Each false formula here is shown false by an independent float64 model in NumPy (central finite
differences of a forward pass written here, sharing no code with symbp) at a size past the literal, and then must
not hold; each true one is shown true by the same models.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from symbp.layers import catalogue
from symbp.verify.layer_check import CONV_LETTER_SHAPES, FAMILY, verify_layer
from symbp.verify.layer_reader import read_layer_formula
from symbp.verify.layer_sizes import dependence

EPS = 1e-6
BN = (r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}\left(m\,g_i - \sum_j g_j"
      r" - \hat{x}_i \sum_j g_j \hat{x}_j\right)")


def _grad(f, x):
    """∂f/∂x by central differences (x a float array, changed in place and restored)."""
    out = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        keep = x[idx]
        x[idx] = keep + EPS
        up = f()
        x[idx] = keep - EPS
        down = f()
        x[idx] = keep
        out[idx] = (up - down) / (2 * EPS)
    return out


# -- a tanh RNN with probes on a_t and h_t (steps as rows, 0-based here) -------------------------------


class _RNN:
    def __init__(self, T, n=2, k=1, seed=0):
        rng = np.random.default_rng(seed)
        self.T, self.n = T, n
        self.Whh, self.Wxh, self.b = rng.normal(size=(n, n)) * 0.6, rng.normal(size=(n, k)), rng.normal(size=n)
        self.x, self.h0, self.g = rng.normal(size=(T, k)), rng.normal(size=n), rng.normal(size=(T, n))
        self.pa, self.ph = np.zeros((T, n)), np.zeros((T, n))

    def run(self):
        h, hs, as_ = self.h0, [self.h0], []
        for t in range(self.T):
            a = self.Whh @ h + self.Wxh @ self.x[t] + self.b + self.pa[t]
            h = np.tanh(a) + self.ph[t]
            hs.append(h)
            as_.append(a)
        return np.array(hs), np.array(as_)

    def loss(self):
        return float(np.sum(self.g * self.run()[0][1:]))

    def delta(self):  # δ_t = ∂L/∂a_t, rows t = 1..T; a zero row T+1.. for the convention δ_{T+1} = 0
        return np.vstack([_grad(self.loss, self.pa), np.zeros((10, self.n))])


def _rnn_cases():
    out = []
    for T, lo in ((6, None), (7, 1)):
        r = _RNN(T)
        hs, _ = r.run()
        d = r.delta()

        def span(lo_t, hi_t, f):
            return sum(f(t) for t in range(max(lo_t, 1), min(hi_t, T) + 1))

        truths = {"W_hh": _grad(r.loss, r.Whh), "W_xh": _grad(r.loss, r.Wxh), "b": _grad(r.loss, r.b)}
        terms = {"W_hh": lambda t: np.outer(d[t - 1], hs[t - 1]), "W_xh": lambda t: np.outer(d[t - 1], r.x[t - 1]),
                 "b": lambda t: d[t - 1]}
        for name in ("W_hh", "W_xh", "b") if lo is None else ("W_hh",):
            start, stop = (T - 4, T) if lo is None else (1, 5)
            out.append((name, start, stop, truths[name], span(start, stop, terms[name]), span(1, T, terms[name])))
    return out


def test_the_rnn_model_finds_truncated_bptt_and_a_literal_bound_wrong_past_t_5():
    # Goodfellow et al. §10.2.2: ∂L/∂W_hh = Σ_{t=1}^{T} δ_t h_{t-1}^T; the last five steps only are not it at T ≥ 6
    for name, start, stop, truth, cut, full in _rnn_cases():
        assert np.allclose(truth, full, atol=1e-6), name
        assert not np.allclose(truth, cut, atol=1e-3), (name, start, stop)


@pytest.mark.parametrize("formula", [
    r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=T-4}^{T} \delta_t h_{t-1}^{\mathsf T}",
    r"\frac{\partial L}{\partial W_{xh}} = \sum_{t=T-4}^{T} \delta_t x_t^{\mathsf T}",
    r"\frac{\partial L}{\partial b} = \sum_{t=T-4}^{T} \delta_t",
    r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{5} \delta_t h_{t-1}^{\mathsf T}",
])
def test_truncated_bptt_and_a_literal_step_bound_are_refuted(formula):
    result = verify_layer("rnn", formula)
    assert result.status == "refuted", result.reason
    assert "steps=6" in result.reason or "steps=7" in result.reason


def test_a_sum_bound_past_every_size_checked_is_not_a_hold():
    # \sum_{t=1}^{10}: T = 11 and 12 would be needed, past the steps checked here
    result = verify_layer("rnn", r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{10} \delta_t h_{t-1}^{\mathsf T}")
    assert result.status == "uninterpretable" and "steps = 12" in result.reason


def test_a_recursion_with_a_term_six_steps_ahead_is_refuted():
    # δ_t has no W_hh^T W_hh^T δ_{t+6} term: at T = 8 it is a real entry for t = 1, 2
    r = _RNN(8)
    d = r.delta()
    dphi = 1 - np.tanh(r.run()[1]) ** 2
    W = r.Whh.T
    right = [dphi[t] * (r.g[t] + W @ d[t + 1]) for t in range(8)]
    wrong = [dphi[t] * (r.g[t] + W @ d[t + 1] + W @ W @ d[t + 6]) for t in range(8)]
    assert np.allclose(right, d[:8], atol=1e-6) and not np.allclose(wrong, d[:8], atol=1e-3)
    formula = (r"\delta_t = \varphi'(a_t) \odot (g_t + W_{hh}^{\mathsf T} \delta_{t+1} + W_{hh}^{\mathsf T}"
               r" W_{hh}^{\mathsf T} \delta_{t+6})")
    assert verify_layer("rnn", formula).status == "refuted"


# -- softmax, softmax + cross-entropy, batch norm, dropout, residual, attention, convolution -------------------


def _softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def _softmax_case(n=7):
    rng = np.random.default_rng(1)
    z, g = rng.normal(size=n), rng.normal(size=n)
    truth = _grad(lambda: float(g @ _softmax(z)), z)
    return z, g, _softmax(z), truth


def test_softmax_sums_cut_at_a_literal_are_wrong_at_size_7_and_refuted():
    _, g, p, truth = _softmax_case()
    n = len(p)
    assert np.allclose(truth, p * g - p * (g @ p), atol=1e-6)
    cut = np.array([p[k] * g[k] - p[k] * sum(g[j] * p[j] for j in range(5)) for k in range(n)])
    window = np.array([p[k] * g[k] - p[k] * sum(g[j] * p[j] for j in range(max(k - 4, 0), min(k + 5, n))) for k in range(n)])
    assert not np.allclose(truth, cut, atol=1e-3) and not np.allclose(truth, window, atol=1e-3)
    for formula in (r"\frac{\partial L}{\partial z_k} = p_k g_k - p_k \sum_{j=1}^{5} g_j p_j",
                    r"\frac{\partial L}{\partial z_k} = p_k g_k - p_k \sum_{j=k-4}^{k+4} g_j p_j"):
        assert verify_layer("softmax", formula).status == "refuted", formula


def test_a_scalar_on_the_left_of_a_vector_is_read_as_a_product_of_a_number():
    # (p^T g) p = ⟨g, p⟩ p: the softmax backward pass as notes write it (review 24 R2)
    _, g, p, truth = _softmax_case(3)
    assert np.allclose(truth, p * g - (p @ g) * p, atol=1e-6)
    assert not np.allclose(truth, p * g - (g @ g) * p, atol=1e-3)
    assert verify_layer("softmax", r"\frac{\partial L}{\partial z} = p \odot g - (p^T g) p").status == "holds"
    assert verify_layer("softmax", r"\frac{\partial L}{\partial z} = p \odot g - (g^T g) p").status == "refuted"


def test_softmax_ce_with_a_target_five_classes_on_is_refuted():
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=6), rng.dirichlet(np.ones(6))
    truth = _grad(lambda: float(-y @ np.log(_softmax(z))), z)
    p = _softmax(z)
    assert np.allclose(truth, p - y, atol=1e-6)
    assert not np.allclose(truth[0], p[0] - y[0] + y[5], atol=1e-3)
    assert verify_layer("softmax-ce", r"\frac{\partial C}{\partial z_j} = p_j - y_j + y_{j+5}").status == "refuted"


def _batchnorm(m=7):
    rng = np.random.default_rng(3)
    x, g, gamma, eps = rng.normal(size=m), rng.normal(size=m), 1.3, 0.1

    def xhat():
        return (x - x.mean()) / np.sqrt(x.var() + eps)

    truth = _grad(lambda: float(g @ (gamma * xhat())), x)
    return x, g, gamma, eps, xhat(), truth


def test_batchnorm_with_a_literal_bound_or_a_far_entry_is_wrong_at_batch_7_and_refuted():
    x, g, gamma, eps, xh, truth = _batchnorm()
    m = len(x)
    c = gamma / (m * np.sqrt(x.var() + eps))
    right = c * (m * g - g.sum() - xh * (g @ xh))
    assert np.allclose(truth, right, atol=1e-6)
    cut = c * (m * g - g[:5].sum() - xh * (g[:5] @ xh[:5]))
    far = right + np.concatenate([g[5:], np.zeros(5)])[:m]  # + g_{i+5}
    last = right + g[m - 6]  # + g_{m-5}
    for wrong in (cut, far, last):
        assert not np.allclose(truth, wrong, atol=1e-3)
    for formula in (BN.replace(r"\sum_j", r"\sum_{j=1}^{5}"), BN + " + g_{i+5}", BN + " + g_{m-5}"):
        assert verify_layer("batchnorm", formula).status == "refuted", formula


def test_dropout_with_a_mask_entry_six_on_is_refuted():
    mask, g, p = np.array([1, 0, 1, 1, 0, 1, 1.0]), np.arange(1.0, 8.0), 0.25
    x = np.linspace(-1, 1, 7)
    truth = _grad(lambda: float(g @ (mask * x / (1 - p))), x)
    assert np.allclose(truth, mask * g / (1 - p), atol=1e-6) and not np.isclose(truth[0], truth[0] + mask[6] * g[0])
    formula = r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{1-p} + r_{i+6} g_i"
    assert verify_layer("dropout", formula).status == "refuted"


def test_residual_and_attention_sums_cut_at_a_literal_are_refuted():
    rng = np.random.default_rng(4)
    A = rng.normal(size=(6, 6))
    x, g = rng.normal(size=6), rng.normal(size=6)
    truth = _grad(lambda: float(g @ (x + np.tanh(A @ x))), x)
    J = (1 - np.tanh(A @ x) ** 2)[:, None] * A  # ∂F_i/∂x_k
    assert np.allclose(truth, g + J.T @ g, atol=1e-6) and not np.allclose(truth, g + J[:5].T @ g[:5], atol=1e-3)
    formula = r"\frac{\partial L}{\partial x_k} = g_k + \sum_{i=1}^{5} \frac{\partial F_i}{\partial x_k} g_i"
    assert verify_layer("residual", formula).status == "refuted"
    # attention, dV = P^T G; the sum over the first three queries only is wrong with four
    Q, K, V, G = (rng.normal(size=s) for s in ((4, 2), (3, 2), (3, 2), (4, 2)))

    def out():
        S = Q @ K.T / np.sqrt(2)
        P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
        return P, float(np.sum(G * (P @ V)))

    P = out()[0]
    dV = _grad(lambda: out()[1], V)
    assert np.allclose(dV, P.T @ G, atol=1e-6) and not np.allclose(dV, P[:3].T @ G[:3], atol=1e-3)
    formula = r"\frac{\partial L}{\partial V_{j,c}} = \sum_{i=1}^{3} P_{i,j} G_{i,c}"
    assert verify_layer("attention", formula).status == "refuted"
    # the same cut written with the size of another dimension: d + 1 = 3 queries of 4 (d = 2 here)
    assert verify_layer("attention", formula.replace("^{3}", "^{d+1}")).status == "refuted"


def _conv2d(x, w, s, P):
    """y_{k,p,q} = Σ_{c,i,j} w_{c,k,i,j} x̃_{c, s_h(p-1)+i, s_w(q-1)+j} (0-based here), x̃ zero-padded by P."""
    C, K, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (P[0], P[0]), (P[1], P[1])))
    Ho, Wo = (xp.shape[1] - kh) // s[0] + 1, (xp.shape[2] - kw) // s[1] + 1
    y = np.zeros((K, Ho, Wo))
    for k, p, q in np.ndindex(K, Ho, Wo):
        y[k, p, q] = np.sum(w[:, k] * xp[:, s[0] * p:s[0] * p + kh, s[1] * q:s[1] * q + kw])
    return y


def _conv_input_formula(w, g, shift):
    """Σ_k Σ_{p,q} g_{k,p,q} w_{c,k,shift(u,v,p,q)} (1-based indices, 0 outside the kernel)."""
    C, K, kh, kw = w.shape
    H, W = shift["H"], shift["W"]
    out = np.zeros((C, H, W))
    for c, u, v in np.ndindex(C, H, W):
        for k, p, q in np.ndindex(g.shape):
            i, j = shift["at"](u + 1, v + 1, p + 1, q + 1)
            if 1 <= i <= kh and 1 <= j <= kw:
                out[c, u, v] += g[k, p, q] * w[c, k, i - 1, j - 1]
    return out


def _conv_check(s, P, kernel, size, at):
    rng = np.random.default_rng(5)
    x, w = rng.normal(size=(1, *size)), rng.normal(size=(1, 1, *kernel))
    g = rng.normal(size=_conv2d(x, w, s, P).shape)
    truth = _grad(lambda: float(np.sum(g * _conv2d(x, w, s, P))), x)
    right = _conv_input_formula(w, g, {"H": size[0], "W": size[1],
                                       "at": lambda u, v, p, q: (u + P[0] - s[0] * (p - 1), v + P[1] - s[1] * (q - 1))})
    return truth, right, _conv_input_formula(w, g, {"H": size[0], "W": size[1], "at": at})


def test_conv2d_paddings_swapped_under_one_stride_letter_are_refuted():
    # stride 2 in both dimensions, padding 1×0: the swap is seen only where P_h ≠ P_w (review 24 F4)
    s, P = (2, 2), (1, 0)
    truth, right, swapped = _conv_check(s, P, (3, 3), (5, 5), lambda u, v, p, q: (u + P[1] - 2 * (p - 1), v + P[0] - 2 * (q - 1)))
    assert np.allclose(truth, right, atol=1e-6) and not np.allclose(truth, swapped, atol=1e-3)
    formula = (r"\frac{\partial L}{\partial x_{c,u,v}} = \sum_k \sum_{p,q} g_{k,p,q} "
               r"w_{c,k,u+P_w-s(p-1),v+P_h-s(q-1)}")
    assert verify_layer("conv2d", formula).status == "refuted"
    right_text = formula.replace("u+P_w", "u+P_h").replace("v+P_h", "v+P_w")
    assert verify_layer("conv2d", right_text).status == "holds"


def test_conv2d_a_shift_affine_in_the_four_letters_is_refuted():
    # s_h − s_w − P_h + P_w is 0 on the four shapes the family had; stride 1×2, padding 0 shows it
    s, P = (1, 2), (0, 0)
    shift = s[0] - s[1] - P[0] + P[1]
    truth, right, shifted = _conv_check(s, P, (2, 2), (4, 4),
                                        lambda u, v, p, q: (u + P[0] - s[0] * (p - 1) + shift, v + P[1] - s[1] * (q - 1)))
    assert np.allclose(truth, right, atol=1e-6) and not np.allclose(truth, shifted, atol=1e-3)
    formula = (r"\frac{\partial L}{\partial x_{c,u,v}} = \sum_k \sum_{p,q} g_{k,p,q} "
               r"w_{c,k,u+P_h-s_h(p-1)+s_h-s_w-P_h+P_w,v+P_w-s_w(q-1)}")
    assert verify_layer("conv2d", formula).status == "refuted"


def test_the_conv2d_family_with_letters_has_five_affinely_independent_stride_padding_points():
    points = set()
    for shape in FAMILY["conv2d"] + CONV_LETTER_SHAPES["conv2d"]:
        spec = catalogue.layer("conv2d", shape)
        points.add((*spec.stride, *spec.padding))
    first, *rest = sorted(points)
    assert sympy.Matrix([[a - b for a, b in zip(p, first)] for p in rest]).rank() == 4


def test_conv_sums_cut_at_a_literal_are_refuted():
    rng = np.random.default_rng(6)
    g = rng.normal(size=(1, 6, 6))  # the bias gradient is Σ_{p,q} g_{k,p,q} over every output
    assert not np.isclose(g.sum(), g[:, :5, :5].sum())
    assert verify_layer("conv2d", r"\frac{\partial L}{\partial b_k} = \sum_{p=1}^{5} \sum_{q=1}^{5} g_{k,p,q}").status == "refuted"
    formula = r"\frac{\partial L}{\partial w_{c,k,i}} = \sum_{p=1}^{5} g_{k,p} \tilde x_{c, s(p-1)+i}"
    assert verify_layer("conv1d", formula).status == "refuted"


# -- F5: a size written as a sum of ones; R1: a fixed index; C1: ∂L/∂h_t ---------------------------------------


def test_a_sum_of_ones_up_to_m_is_m_in_the_degree_widening():
    rhs = read_layer_formula(r"\frac{\partial L}{\partial x_i} = (\sum_{j=1}^{m} 1 - 2) g_i")[1]
    assert dependence(rhs, {"m"}) == {"m": 1}
    rhs = read_layer_formula(r"\frac{\partial L}{\partial x_i} = \sum_{j=1}^{m} g_i")[1]  # m g_i
    assert dependence(rhs, {"m"}) == {"m": 1}
    rhs = read_layer_formula(r"\frac{\partial L}{\partial x_i} = \sum_{j=1}^{m} g_j")[1]  # the layer's own sum
    assert dependence(rhs, {"m"}) == {}


def test_a_factor_of_sums_of_ones_vanishing_on_batches_2_to_6_is_refuted():
    # (m−2)(m−3)(m−4)(m−5)(m−6) g_i added: 0 on batches 2..6 (hand-worked), 120 g_i at m = 7
    ones = r"\sum_{j=1}^{m} 1"
    extra = "".join(f"({ones} - {k})" for k in range(2, 7))
    formula = BN.replace(r"\sum_j", r"\sum_{j=1}^{m}") + f" + {extra} g_i"
    assert [np.prod([m - k for k in range(2, 7)]) for m in range(2, 8)] == [0, 0, 0, 0, 0, 120]
    assert verify_layer("batchnorm", formula).status == "refuted"
    four = BN.replace(r"\sum_j", r"\sum_{j=1}^{m}") + " + " + "".join(f"({ones} - {k})" for k in range(2, 6)) + " g_i"
    assert verify_layer("batchnorm", four).status == "refuted"  # review 24 F5: 24 g_i at m = 6


def test_a_true_formula_at_a_fixed_index_holds_on_the_shapes_that_have_that_entry():
    r = _RNN(4)
    d = r.delta()
    dphi = 1 - np.tanh(r.run()[1]) ** 2
    assert np.allclose(d[3], dphi[3] * (r.g[3] + r.Whh.T @ d[4]), atol=1e-6)  # δ_4 at T = 4: δ_5 = 0
    result = verify_layer("rnn", r"\delta_4 = \varphi'(a_4) \odot (g_4 + W_{hh}^{\mathsf T} \delta_5)")
    assert result.status == "holds" and "no entry the left side names" in result.reason
    result = verify_layer("dropout", r"\frac{\partial L}{\partial x_4} = \frac{r_4 g_4}{1-p}")
    assert result.status == "holds" and "dropout(features=3)" in result.reason
    assert verify_layer("dropout", r"\frac{\partial L}{\partial x_4} = \frac{r_4 g_4}{p}").status == "refuted"
    assert verify_layer("dropout", r"\frac{\partial L}{\partial x_{40}} = \frac{r_{40} g_{40}}{1-p}").status == "uninterpretable"


def test_the_gradient_by_h_t_is_read_on_the_rnn():
    # ∂L/∂h_t = g_t + W_hh^T δ_{t+1} (Goodfellow et al. §10.2.2, eq. 10.21), the total derivative by h_t
    r = _RNN(4)
    d = r.delta()
    dh = _grad(r.loss, r.ph)
    assert np.allclose(dh, r.g + d[1:5] @ r.Whh, atol=1e-6)  # row t: g_t + W_hh^T δ_{t+1}
    assert not np.allclose(dh, r.g + d[1:5] @ r.Whh.T, atol=1e-3)
    assert verify_layer("rnn", r"\frac{\partial L}{\partial h_t} = g_t + W_{hh}^{\mathsf T} \delta_{t+1}").status == "holds"
    assert verify_layer("rnn", r"\frac{\partial L}{\partial h_t} = g_t + W_{hh} \delta_{t+1}").status == "refuted"
    assert verify_layer("rnn", r"\frac{\partial L}{\partial h} = 0").status in ("refuted", "uninterpretable")


def test_an_rnn_matrix_formula_with_the_steps_as_columns_is_a_layout_question_not_refuted():
    # X = [x_1 … x_T], Δ = [δ_1 … δ_T] as columns: ∂L/∂X = W_xh^T Δ (review 24 R4); this reader stacks steps as rows
    r = _RNN(3, n=2, k=2)
    d = r.delta()[:3]
    dx = _grad(r.loss, r.x)  # row t: ∂L/∂x_t
    assert np.allclose(dx.T, r.Wxh.T @ d.T, atol=1e-6) and not np.allclose(dx.T, r.Wxh @ d.T, atol=1e-3)
    result = verify_layer("rnn", r"\frac{\partial L}{\partial x} = W_{xh}^T \delta")
    assert result.status == "uninterpretable" and "steps as columns" in result.reason
    assert verify_layer("rnn", r"\frac{\partial L}{\partial x} = \delta W_{xh}").status == "holds"
    assert verify_layer("rnn", r"\frac{\partial L}{\partial x} = W_{xh} \delta").status == "refuted"
