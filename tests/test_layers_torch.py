"""The proved layer formulas, evaluated numerically, equal PyTorch's autograd on random inputs.

PyTorch is optional (``pip install ".[peers]"``, which pins torch 2.13.0); without it
these tests are skipped with that note. PyTorch shares nothing with symbp: its
gradients come from its own backward kernels, so agreement to float64 rounding is an
independent cross-check of every formula on concrete numbers. Indices: symbp's are
1-based, PyTorch's tensors 0-based; w_{c,k,i,j} (input channel c, output channel k)
is PyTorch's weight[k, c, i, j].
"""

from __future__ import annotations

import random

import pytest

from symbp import layers
from symbp.layers.field import Numeric
from symbp.layers.identity import evaluate

torch = pytest.importorskip("torch", reason="PyTorch is not installed (pip install '.[peers]'); the cross-check is skipped")
F = torch.nn.functional

RTOL = 1e-10


def _claims(names, spec, values, activation="cubic"):
    out = {}
    for name in names:
        _, claim, _ = evaluate(layers.get(name), spec, Numeric(values, activation=activation))
        out.update({k: float(v) for k, v in claim.items()})
    return out


def _tensor(values, name, shape, index, grad=True):
    t = torch.zeros(shape, dtype=torch.float64)
    for (n, idx), v in values.items():
        if n == name:
            t[index(idx)] = float(v)
    return t.requires_grad_(grad)


def _close(claim: dict, name: str, grad, index):
    got = {k: v for k, v in claim.items() if k[0] == name}
    assert got, name
    for (_, idx), v in got.items():
        ref = float(grad[index(idx)])
        assert abs(v - ref) <= RTOL * (1 + abs(ref)), (name, idx, v, ref)


def _point(spec, seed=0):
    return spec.draw(random.Random(seed))


@pytest.mark.parametrize("shape", layers.catalogue.SHAPES["conv2d"])
def test_conv2d_gradients_equal_pytorch(shape):
    spec = layers.layer("conv2d", shape)
    v = _point(spec)
    C, K = spec.in_channels, spec.out_channels
    x = _tensor(v, "x", (1, C, *spec.input), lambda i: (0, i[0] - 1, i[1] - 1, i[2] - 1))
    w = _tensor(v, "w", (K, C, *spec.kernel), lambda i: (i[1] - 1, i[0] - 1, i[2] - 1, i[3] - 1))
    b = _tensor(v, "b", (K,), lambda i: (i[0] - 1,))
    g = _tensor(v, "g", (1, K, *spec.out), lambda i: (0, i[0] - 1, i[1] - 1, i[2] - 1), grad=False)
    (F.conv2d(x, w, b, stride=spec.stride, padding=spec.padding) * g).sum().backward()
    claim = _claims(["conv2d-weight-gradient", "conv2d-bias-gradient", "conv2d-input-gradient"], spec, v)
    _close(claim, "x", x.grad, lambda i: (0, i[0] - 1, i[1] - 1, i[2] - 1))
    _close(claim, "w", w.grad, lambda i: (i[1] - 1, i[0] - 1, i[2] - 1, i[3] - 1))
    _close(claim, "b", b.grad, lambda i: (i[0] - 1,))


@pytest.mark.parametrize("shape", layers.catalogue.SHAPES["conv1d"])
def test_conv1d_gradients_equal_pytorch(shape):
    spec = layers.layer("conv1d", shape)
    v = _point(spec)
    C, K = spec.in_channels, spec.out_channels
    x = _tensor(v, "x", (1, C, *spec.input), lambda i: (0, i[0] - 1, i[1] - 1))
    w = _tensor(v, "w", (K, C, *spec.kernel), lambda i: (i[1] - 1, i[0] - 1, i[2] - 1))
    b = _tensor(v, "b", (K,), lambda i: (i[0] - 1,))
    g = _tensor(v, "g", (1, K, *spec.out), lambda i: (0, i[0] - 1, i[1] - 1), grad=False)
    (F.conv1d(x, w, b, stride=spec.stride, padding=spec.padding) * g).sum().backward()
    claim = _claims(["conv1d-weight-gradient", "conv1d-bias-gradient", "conv1d-input-gradient"], spec, v)
    _close(claim, "x", x.grad, lambda i: (0, i[0] - 1, i[1] - 1))
    _close(claim, "w", w.grad, lambda i: (i[1] - 1, i[0] - 1, i[2] - 1))
    _close(claim, "b", b.grad, lambda i: (i[0] - 1,))


@pytest.mark.parametrize("kind", ["maxpool", "avgpool"])
@pytest.mark.parametrize("n", [0, 1, 2])
def test_pooling_gradients_equal_pytorch(kind, n):
    spec = layers.layer(kind, layers.catalogue.SHAPES[kind][n])
    v = _point(spec, seed=n)
    x = _tensor(v, "x", (1, spec.channels, *spec.input), lambda i: (0, i[0] - 1, i[1] - 1, i[2] - 1))
    g = _tensor(v, "g", (1, spec.channels, *spec.out), lambda i: (0, i[0] - 1, i[1] - 1, i[2] - 1), grad=False)
    if kind == "maxpool":
        y = F.max_pool2d(x, spec.kernel, spec.stride, spec.padding)
    else:
        y = F.avg_pool2d(x, spec.kernel, spec.stride, spec.padding, count_include_pad=True)
    (y * g).sum().backward()
    claim = _claims([f"{kind}-input-gradient"], spec, v)
    _close(claim, "x", x.grad, lambda i: (0, i[0] - 1, i[1] - 1, i[2] - 1))


def test_max_pooling_tie_convention_is_pytorchs():
    # A window with two equal maxima: symbp's stated convention (first in row-major order) is PyTorch's choice.
    spec = layers.maxpool(channels=1, kernel=2, stride=2, input=(2, 4))
    v = {("x", (1, i, j)): val for (i, j), val in zip(((1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 3), (2, 4)),
                                                       (1, 3, 2, 2, 3, 0, 2, -1))}
    v.update({("g", (1, 1, q)): q + 1 for q in (1, 2)})
    from fractions import Fraction

    v = {k: Fraction(x) for k, x in v.items()}
    x = _tensor(v, "x", (1, 1, 2, 4), lambda i: (0, 0, i[1] - 1, i[2] - 1))
    g = _tensor(v, "g", (1, 1, 1, 2), lambda i: (0, 0, i[1] - 1, i[2] - 1), grad=False)
    (F.max_pool2d(x, 2, 2) * g).sum().backward()
    claim = _claims(["maxpool-input-gradient"], spec, v)
    _close(claim, "x", x.grad, lambda i: (0, 0, i[1] - 1, i[2] - 1))


@pytest.mark.parametrize("kind", ["batchnorm", "layernorm"])
@pytest.mark.parametrize("n", [0, 2])
def test_normalisation_gradients_equal_pytorch(kind, n):
    spec = layers.layer(kind, layers.catalogue.SHAPES[kind][n])
    v = _point(spec, seed=n)
    m, c = spec.batch, spec.features
    x = _tensor(v, "x", (m, c), lambda i: (i[0] - 1, i[1] - 1))
    gamma = _tensor(v, "gamma", (c,), lambda i: (i[0] - 1,))
    beta = _tensor(v, "beta", (c,), lambda i: (i[0] - 1,))
    g = _tensor(v, "g", (m, c), lambda i: (i[0] - 1, i[1] - 1), grad=False)
    eps = float(v[("eps", ())])
    if kind == "batchnorm":
        y = F.batch_norm(x, None, None, weight=gamma, bias=beta, training=True, eps=eps)
    else:
        y = F.layer_norm(x, (c,), gamma, beta, eps=eps)
    (y * g).sum().backward()
    claim = _claims([f"{kind}-input-gradient", f"{kind}-gamma-gradient", f"{kind}-beta-gradient"], spec, v)
    _close(claim, "x", x.grad, lambda i: (i[0] - 1, i[1] - 1))
    _close(claim, "gamma", gamma.grad, lambda i: (i[0] - 1,))
    _close(claim, "beta", beta.grad, lambda i: (i[0] - 1,))


def test_residual_gradient_equals_pytorch_through_the_stand_in_block():
    spec = layers.residual(features=4)
    v = _point(spec)
    x = _tensor(v, "x", (4,), lambda i: (i[0] - 1,))
    g = _tensor(v, "g", (4,), lambda i: (i[0] - 1,), grad=False)
    # F_i(x) = x_i²/2 + Σ_k x_k/(i + 2k), indices from 1 (the block symbp's counterexamples use).
    block = torch.stack([x[i] ** 2 / 2 + sum(x[k] / ((i + 1) + 2 * (k + 1)) for k in range(4)) for i in range(4)])
    ((x + block) * g).sum().backward()
    _close(_claims(["residual-gradient"], spec, v), "x", x.grad, lambda i: (i[0] - 1,))


def test_dropout_gradient_equals_pytorchs_dropout_with_its_own_mask():
    spec = layers.dropout(features=8)
    v = _point(spec)
    torch.manual_seed(3)
    x = _tensor(v, "x", (8,), lambda i: (i[0] - 1,))
    g = _tensor(v, "g", (8,), lambda i: (i[0] - 1,), grad=False)
    p = 0.25
    y = F.dropout(x, p=p, training=True)
    (y * g).sum().backward()
    from fractions import Fraction

    mask = (y.detach() != 0).to(torch.int64)  # the inputs are non-zero, so a zero output is a dropped entry
    v.update({("r", (i,)): Fraction(int(mask[i - 1])) for i in range(1, 9)})
    v[("p", ())] = Fraction(1, 4)
    _close(_claims(["dropout-gradient"], spec, v), "x", x.grad, lambda i: (i[0] - 1,))


@pytest.mark.parametrize("shape", ["activation=tanh", "inputs=1,hidden=2,steps=4,activation=tanh",
                                   "inputs=3,hidden=1,steps=5,activation=tanh"])
def test_rnn_bptt_gradients_equal_pytorch(shape):
    spec = layers.layer("rnn", shape)
    v = _point(spec)
    nx, nh, T = spec.inputs, spec.hidden, spec.steps
    net = torch.nn.RNN(nx, nh, nonlinearity="tanh", bias=True, batch_first=True).double()
    with torch.no_grad():
        net.weight_hh_l0.copy_(_tensor(v, "W_hh", (nh, nh), lambda i: (i[0] - 1, i[1] - 1), grad=False))
        net.weight_ih_l0.copy_(_tensor(v, "W_xh", (nh, nx), lambda i: (i[0] - 1, i[1] - 1), grad=False))
        net.bias_ih_l0.copy_(_tensor(v, "b", (nh,), lambda i: (i[0] - 1,), grad=False))
        net.bias_hh_l0.zero_()  # one bias b, as in the notes
    x = _tensor(v, "x", (1, T, nx), lambda i: (0, i[0] - 1, i[1] - 1))
    h0 = _tensor(v, "h0", (1, 1, nh), lambda i: (0, 0, i[0] - 1))
    g = _tensor(v, "g", (1, T, nh), lambda i: (0, i[0] - 1, i[1] - 1), grad=False)
    out, _ = net(x, h0)
    (out * g).sum().backward()
    claim = _claims(["rnn-weight-gradients", "rnn-input-gradient"], spec, v, activation="tanh")
    _close(claim, "W_hh", net.weight_hh_l0.grad, lambda i: (i[0] - 1, i[1] - 1))
    _close(claim, "W_xh", net.weight_ih_l0.grad, lambda i: (i[0] - 1, i[1] - 1))
    _close(claim, "b", net.bias_ih_l0.grad, lambda i: (i[0] - 1,))
    _close(claim, "x", x.grad, lambda i: (0, i[0] - 1, i[1] - 1))
    _close(claim, "h0", h0.grad, lambda i: (0, 0, i[0] - 1))


@pytest.mark.parametrize("shape", layers.catalogue.SHAPES["attention"])
def test_attention_gradients_equal_pytorch(shape):
    spec = layers.layer("attention", shape)
    v = _point(spec)
    Q = _tensor(v, "Q", (spec.queries, spec.dim), lambda i: (i[0] - 1, i[1] - 1))
    K = _tensor(v, "K", (spec.keys, spec.dim), lambda i: (i[0] - 1, i[1] - 1))
    V = _tensor(v, "V", (spec.keys, spec.values), lambda i: (i[0] - 1, i[1] - 1))
    G = _tensor(v, "g", (spec.queries, spec.values), lambda i: (i[0] - 1, i[1] - 1), grad=False)
    (F.scaled_dot_product_attention(Q[None], K[None], V[None])[0] * G).sum().backward()
    claim = _claims(["attention-query-gradient", "attention-key-gradient", "attention-value-gradient"], spec, v)
    for name, t in (("Q", Q), ("K", K), ("V", V)):
        _close(claim, name, t.grad, lambda i: (i[0] - 1, i[1] - 1))


def test_softmax_and_cross_entropy_gradients_equal_pytorch():
    spec = layers.softmax(size=5)
    v = _point(spec)
    z = _tensor(v, "z", (5,), lambda i: (i[0] - 1,))
    g = _tensor(v, "g", (5,), lambda i: (i[0] - 1,), grad=False)
    (torch.softmax(z, 0) * g).sum().backward()
    _close(_claims(["softmax-backward"], spec, v), "z", z.grad, lambda i: (i[0] - 1,))

    spec = layers.softmax_ce(classes=4)
    v = _point(spec)
    z = _tensor(v, "z", (1, 4), lambda i: (0, i[0] - 1))
    ys = [float(v[("y", (k,))]) for k in (1, 2, 3)]
    target = torch.tensor([ys + [1 - sum(ys)]], dtype=torch.float64)  # targets that sum to 1 (class probabilities)
    F.cross_entropy(z, target, reduction="sum").backward()
    for name in ("softmax-ce-gradient", "softmax-ce-gradient-general"):
        _close(_claims([name], spec, v), "z", z.grad, lambda i: (0, i[0] - 1))
