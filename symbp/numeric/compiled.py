r"""An optional compiled fast path: a whole SGD epoch in one Numba function.

Plain NumPy pays a Python cost (tens of µs) per mini-batch, which dominates
at batch 10. Here the loop over mini-batches, the gather of shuffled rows,
the products (as loops: at m ≤ 16 they beat a BLAS call, whose blocking pays
off only on larger products) and every elementwise step run compiled, in the
same matrix form as ``train``. ``Trainer(backend="numba")`` uses it for
every batch size: past ``train.SMALL_BATCH`` samples the products call BLAS
(numba's ``np.dot``, through SciPy) and the rest stays compiled, so a large
mini-batch pays no Python cost either. Without SciPy, large batches take
NumPy's products with the compiled elementwise steps of ``FusedKernels``.
It needs the optional extra ``symbp[compiled]`` (numba, SciPy).

The elementwise kernels come from the registry, not written by hand: σ is
the entry's ``expr`` and σ' its ``prime_of_value`` (or its twin
``numpy_prime`` read through ``functions.SYMPY_UFUNCS``), each turned into a
scalar function by ``lambdify`` and compiled (see ``scalar_kernels``).

>>> from symbp.numeric.train import Trainer
>>> model = Trainer([2, 3, 1], "sigmoid", "quadratic", backend="numba")  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import sympy

from .. import functions
from ..display.extras import install_hint
from ..errors import SymbpError

#: Activations whose ``expr`` is exact in scalar IEEE arithmetic at every z.
#: softplus, log(1 + e^z), overflows to inf at z = 1000 where the answer is
#: 1000, so it stays on the NumPy path (np.logaddexp).
SUPPORTED_ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")
SUPPORTED_COSTS = ("quadratic", "mean-quadratic")


class CompiledUnavailable(SymbpError, ImportError):
    """Numba (the optional extra) is missing, or the network is outside the compiled path."""


def _numba():
    try:
        import numba
    except ImportError:
        raise CompiledUnavailable(
            "the compiled path needs numba, which is not installed; "
            f"install it with {install_hint('compiled', 'numba')}, or use --backend fast"
        ) from None
    return numba


def check_supported(activations, cost: str) -> None:
    """Raise ``CompiledUnavailable`` naming what the compiled path does not cover."""
    bad = [a for a in activations if a not in SUPPORTED_ACTIVATIONS]
    if bad:
        raise CompiledUnavailable(
            f"the compiled path covers the activations {', '.join(SUPPORTED_ACTIVATIONS)}, not {', '.join(bad)}; "
            "use --backend fast"
        )
    if cost not in SUPPORTED_COSTS:
        raise CompiledUnavailable(
            f"the compiled path covers the costs {', '.join(SUPPORTED_COSTS)}, not {cost!r}; use --backend fast"
        )
    if len(set(activations[:-1])) > 1:
        raise CompiledUnavailable("the compiled path takes one hidden activation (and any output one); use --backend fast")


_KERNELS: dict = {}


def scalar_kernels(name: str):
    """(σ(z), σ'(z, a)) of activation ``name`` as compiled scalar functions.

    σ is the registry's ``expr`` itself, lambdified: in scalar IEEE
    arithmetic 1/(1 + e^{−z}) is exact in the limits (e^{1000} = inf gives
    0, with no NumPy to warn) and its exp is three times cheaper than the
    twin's tanh. σ' is the registry's ``prime_of_value`` of a = σ(z) where
    the notes write it so (σ(1 − σ), 1 − tanh², each a proved catalogue
    identity), else the twin ``numpy_prime`` read symbolically. Tests compare
    both with the NumPy twins, ±1000 included.
    """
    if name in _KERNELS:
        return _KERNELS[name]
    numba = _numba()
    act = functions.activation(name)
    z, a = sympy.symbols("z a", real=True)
    modules = [{"Heaviside": numba.njit(_heaviside)}, "math"]
    if act.prime_of_value is not None:
        prime = act.prime_of_value(a)
        prime = sympy.Integer(prime) if isinstance(prime, int) else prime  # identity: σ' = 1
    else:
        prime = act.numpy_prime(z, xp=functions.SYMPY_UFUNCS)
    kernels = (numba.njit(sympy.lambdify(z, act.expr(z), modules)), numba.njit(sympy.lambdify((z, a), prime, modules)))
    _KERNELS[name] = kernels
    return kernels


def _heaviside(x, at_zero):
    return 1.0 if x > 0 else (at_zero if x == 0 else 0.0)


_EPOCHS: dict = {}


def _small_kernels(numba):
    # fastmath lets LLVM reassociate the sums into SIMD lanes: results agree
    # with the NumPy path to rounding, not bit for bit.
    @numba.njit(fastmath=True)
    def dense(a, W, z):
        # z = a Wᵀ in blocks of 4 neurons × 2 samples: each x[k] and w[k]
        # loaded feeds several multiply-adds (8 running sums in registers)
        n, m, K = W.shape[0], a.shape[0], W.shape[1]
        j = 0
        while j + 4 <= n:
            w0, w1, w2, w3 = W[j], W[j + 1], W[j + 2], W[j + 3]
            s = 0
            while s < m:
                x0 = a[s]
                x1 = a[s + 1] if s + 1 < m else a[s]  # an odd last sample is done twice
                c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = w0[0] * 0
                for k in range(K):
                    u, v = x0[k], x1[k]
                    c00 += w0[k] * u
                    c01 += w1[k] * u
                    c02 += w2[k] * u
                    c03 += w3[k] * u
                    c10 += w0[k] * v
                    c11 += w1[k] * v
                    c12 += w2[k] * v
                    c13 += w3[k] * v
                z[s, j], z[s, j + 1], z[s, j + 2], z[s, j + 3] = c00, c01, c02, c03
                if s + 1 < m:
                    z[s + 1, j], z[s + 1, j + 1], z[s + 1, j + 2], z[s + 1, j + 3] = c10, c11, c12, c13
                s += 2
            j += 4
        while j < n:  # the last n mod 4 neurons
            w = W[j]
            for s in range(m):
                x = a[s]
                acc = w[0] * 0
                for k in range(K):
                    acc += w[k] * x[k]
                z[s, j] = acc
            j += 1

    @numba.njit(fastmath=True)
    def times(delta, W, out):
        # out = δ W (BP2 before the σ' factor)
        for s in range(delta.shape[0]):
            for k in range(W.shape[1]):
                out[s, k] = 0
            for j in range(W.shape[0]):
                d = delta[s, j]
                w = W[j]
                for k in range(W.shape[1]):
                    out[s, k] += d * w[k]

    @numba.njit(fastmath=True)
    def rank_update(W, delta, a):
        # W −= δᵀ a, four samples per sweep of row j (fewer loads and stores of W)
        m = a.shape[0]
        for j in range(W.shape[0]):
            w = W[j]
            s = 0
            while s + 4 <= m:
                d0, d1, d2, d3 = delta[s, j], delta[s + 1, j], delta[s + 2, j], delta[s + 3, j]
                x0, x1, x2, x3 = a[s], a[s + 1], a[s + 2], a[s + 3]
                for k in range(w.shape[0]):
                    w[k] -= d0 * x0[k] + d1 * x1[k] + d2 * x2[k] + d3 * x3[k]
                s += 4
            while s < m:
                d, x = delta[s, j], a[s]
                for k in range(w.shape[0]):
                    w[k] -= d * x[k]
                s += 1

    return dense, times, rank_update


def _blas_kernels(numba):
    # Past SMALL_BATCH samples the products are large enough for BLAS to win
    # (numba's np.dot calls it through SciPy); the same three signatures.
    @numba.njit
    def dense(a, W, z):
        np.dot(a, W.T, z)  # z = a Wᵀ

    @numba.njit
    def times(delta, W, out):
        np.dot(delta, W, out)  # out = δ W

    @numba.njit
    def rank_update(W, delta, a):
        g = np.dot(delta.T, a)  # δᵀ a, summed over the batch
        for j in range(W.shape[0]):
            for k in range(W.shape[1]):
                W[j, k] -= g[j, k]

    return dense, times, rank_update


def epoch_function(hidden: str, output: str, large: bool = False):
    """The compiled ``epoch(Ws, bs, X, Y, order, batch, eta, ...)`` for these activations.

    ``large``: the products by BLAS (batches past ``SMALL_BATCH``), else by
    the register-blocked loops above.
    """
    key = (hidden, output, large)
    if key in _EPOCHS:
        return _EPOCHS[key]
    numba = _numba()
    sig_h, prime_h = scalar_kernels(hidden)
    sig_o, prime_o = scalar_kernels(output)
    dense, times, rank_update = _blas_kernels(numba) if large else _small_kernels(numba)

    @numba.njit(cache=False)
    def forward(Ws, bs, x, Zs, As):
        depth = len(Ws)
        a = x
        for i in range(depth):
            z = Zs[i]
            dense(a, Ws[i], z)
            out = As[i]
            b = bs[i]
            for s in range(z.shape[0]):
                for j in range(z.shape[1]):
                    v = z[s, j] + b[j]
                    z[s, j] = v
                    out[s, j] = sig_o(v) if i == depth - 1 else sig_h(v)
            a = out

    @numba.njit(cache=False)
    def step(Ws, bs, x, y, Zs, As, Ds, scale):
        depth = len(Ws)
        forward(Ws, bs, x, Zs, As)
        # BP1: δ^L = (a^L − y) ⊙ σ'(z^L), the (η/m) folded in
        delta = Ds[depth - 1]
        z, a = Zs[depth - 1], As[depth - 1]
        for s in range(z.shape[0]):
            for j in range(z.shape[1]):
                delta[s, j] = scale * (a[s, j] - y[s, j]) * prime_o(z[s, j], a[s, j])
        for i in range(depth - 1, -1, -1):
            a_prev = As[i - 1] if i > 0 else x
            if i > 0:  # BP2, with the weights before this step's update
                below = Ds[i - 1]
                times(delta, Ws[i], below)
                zb, ab = Zs[i - 1], As[i - 1]
                for s in range(zb.shape[0]):
                    for j in range(zb.shape[1]):
                        below[s, j] *= prime_h(zb[s, j], ab[s, j])
            W, b = Ws[i], bs[i]
            rank_update(W, delta, a_prev)  # BP4 summed over the batch, applied
            for j in range(W.shape[0]):
                total = 0.0
                for s in range(delta.shape[0]):
                    total += delta[s, j]  # BP3
                b[j] -= total
            if i > 0:
                delta = Ds[i - 1]

    @numba.njit(cache=False)
    def epoch(Ws, bs, X, Y, order, batch, eta, Zs, As, Ds, xs, ys, Zr, Ar, Dr, xr, yr):
        n = X.shape[0]
        for start in range(0, n, batch):
            stop = min(start + batch, n)
            m = stop - start
            if m == batch:
                bx, by, bZ, bA, bD = xs, ys, Zs, As, Ds
            else:
                bx, by, bZ, bA, bD = xr, yr, Zr, Ar, Dr
            for r in range(m):
                row = order[start + r]
                for k in range(X.shape[1]):
                    bx[r, k] = X[row, k]
                for k in range(Y.shape[1]):
                    by[r, k] = Y[row, k]
            step(Ws, bs, bx, by, bZ, bA, bD, eta / m)

    _EPOCHS[key] = epoch
    return epoch


class CompiledEpoch:
    """Buffers and the compiled epoch for one trainer and one batch size."""

    def __init__(self, model, batch: int, n: int, large: bool = False):
        numba = _numba()
        List = numba.typed.List
        check_supported(list(model.net.activations), model.cost.name)
        acts = model.net.activations
        self.fn = epoch_function(acts[0] if len(acts) > 1 else acts[-1], acts[-1], large)
        t = model.dtype
        rest = n % batch or batch

        def layer_buffers(m):
            return (List([np.empty((m, k), t) for k in model.sizes[1:]]) for _ in range(3))

        self.Zs, self.As, self.Ds = layer_buffers(batch)
        self.Zr, self.Ar, self.Dr = layer_buffers(rest)
        self.xs, self.ys = np.empty((batch, model.sizes[0]), t), np.empty((batch, model.sizes[-1]), t)
        self.xr, self.yr = np.empty((rest, model.sizes[0]), t), np.empty((rest, model.sizes[-1]), t)
        # the typed lists hold the trainer's own arrays: updates land in place
        self.Ws, self.bs = List(model.weights), List(model.biases)
        self.batch = batch

    def __call__(self, X, Y, order, eta: float) -> None:
        self.fn(self.Ws, self.bs, X, Y, order, self.batch, eta, self.Zs, self.As, self.Ds,
                self.xs, self.ys, self.Zr, self.Ar, self.Dr, self.xr, self.yr)




_FUSED: dict = {}


class FusedKernels:
    """Compiled elementwise steps for mini-batches past ``SMALL_BATCH`` (the products stay BLAS's).

    Each is one pass over its arrays where NumPy takes several (z + b, then
    σ in four ufunc calls): ``bias_act`` (z ← z + b, a ← σ(z)), ``output_delta``
    (δ^L ← scale·(a^L − y) ⊙ σ'(z^L), BP1 for the quadratic costs) and
    ``times_prime`` (δ ← δ ⊙ σ'(z), the factor of BP2). σ and σ' are the
    registry's, compiled as in ``scalar_kernels``.
    """

    def __init__(self, hidden: str, output: str):
        numba = _numba()
        sig_h, prime_h = scalar_kernels(hidden)
        sig_o, prime_o = scalar_kernels(output)

        def bias_act(sig):
            @numba.njit
            def kernel(z, b, out):
                for s in range(z.shape[0]):
                    for j in range(z.shape[1]):
                        v = z[s, j] + b[j]
                        z[s, j] = v
                        out[s, j] = sig(v)

            return kernel

        def times_prime(prime):
            @numba.njit
            def kernel(delta, z, a):
                for s in range(delta.shape[0]):
                    for j in range(delta.shape[1]):
                        delta[s, j] *= prime(z[s, j], a[s, j])

            return kernel

        @numba.njit
        def output_delta(a, y, z, delta, scale):
            for s in range(a.shape[0]):
                for j in range(a.shape[1]):
                    delta[s, j] = scale * (a[s, j] - y[s, j]) * prime_o(z[s, j], a[s, j])

        self.bias_act_hidden, self.bias_act_output = bias_act(sig_h), bias_act(sig_o)
        self.times_prime_hidden = times_prime(prime_h)
        self.output_delta = output_delta


def fused_kernels(hidden: str, output: str) -> FusedKernels:
    """The ``FusedKernels`` of these activations (compiled once per process)."""
    key = (hidden, output)
    if key not in _FUSED:
        _FUSED[key] = FusedKernels(hidden, output)
    return _FUSED[key]
