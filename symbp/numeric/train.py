r"""The fast path: mini-batch SGD in the matrix form the proofs certify.

For a mini-batch of m samples stacked as rows (A^1 = X is m × n_1), with
Nielsen's weights W^l of shape n_l × n_{l−1}:

.. math::
   Z^l = A^{l-1} (W^l)^T + b^l, \quad A^l = \sigma(Z^l)                     \\
   \Delta^L = \nabla_a C \odot \sigma'(Z^L)                     \quad (BP1)  \\
   \Delta^{l} = (\Delta^{l+1} W^{l+1}) \odot \sigma'(Z^l)        \quad (BP2)  \\
   W^l \leftarrow W^l - \tfrac{\eta}{m} (\Delta^l)^T A^{l-1}, \quad
   b^l \leftarrow b^l - \tfrac{\eta}{m} \textstyle\sum_x \Delta^{x,l}  \quad (BP3, BP4)

Row x of Δ^l is δ^{x,l}; (Δ^l)^T A^{l−1} = Σ_x δ^{x,l}(a^{x,l−1})^T is seed
001's "kuchařka" as one matrix product per layer. σ, σ' and ∇_a C are the
``symbp.functions`` registry twins, run in place on buffers allocated once
per batch size. The fast path is checked against the lambdified ground truth
and finite differences in tests/test_train.py.

>>> import numpy as np
>>> from symbp.numeric import data
>>> xor = data.xor()
>>> model = Trainer([2, 3, 1], activation="sigmoid", cost="cross-entropy", seed=1)
>>> history = model.fit(xor.X_train, xor.Y_train, epochs=3000, batch=4, eta=2.0)
>>> history.accuracy[-1]
1.0
"""

from __future__ import annotations

import os
import time
import warnings
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .. import functions
from ..files import write_atomic
from ..errors import SpecError, SymbpError
from ..network import network
from ..display.progress import Progress
from .saturation import saturation_warning
from . import blas

DTYPES = ("float32", "float64")
#: fast: NumPy matrix form; numba: the same, compiled per epoch (optional
#: extra); lambdify: each gradient from the symbolic ground truth.
BACKENDS = ("fast", "numba", "lambdify")
#: Up to this batch size the compiled epoch does its products with its own
#: register-blocked loops; above, it calls BLAS (through SciPy; without
#: SciPy, "numba" runs NumPy's products with compiled elementwise steps).
SMALL_BATCH = 16
_EVAL_CHUNK = 4096
#: A product of at least this many multiply-adds is worth several BLAS threads.
BLAS_PARALLEL_MACS = blas.PARALLEL_MACS


class TrainingDiverged(SymbpError, FloatingPointError):
    """The loss became NaN or infinite; names the epoch and the likely cause."""


class SaturationWarning(UserWarning):
    """The loss stayed flat while most sigmoid/tanh units sat in their flat tails (σ' ≈ 0)."""


@dataclass
class History:
    """Per-epoch loss and accuracy (training set, and test set when given)."""

    loss: list = field(default_factory=list)
    accuracy: list = field(default_factory=list)
    test_loss: list = field(default_factory=list)
    test_accuracy: list = field(default_factory=list)
    seconds: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # e.g. a flat loss with saturated units

    @property
    def epochs(self) -> int:
        return len(self.loss)

    def _repr_html_(self) -> str:
        """A small plot of loss and accuracy per epoch (SVG), for notebooks."""
        from .history_svg import history_svg

        return history_svg(self)


class Trainer:
    r"""A sigmoid/tanh/relu/softplus/identity MLP trained by mini-batch SGD.

    ``weights[i]`` is W^{i+2} (shape n_l × n_{l−1}), ``biases[i]`` is b^{i+2}.
    Initial weights are N(0, 1/n_{l−1}), biases N(0, 1) (Nielsen's
    ``network2`` default), from ``seed``. ``backend="lambdify"`` takes each
    gradient from ``numeric.gradient`` (the ground truth) instead of BP;
    ``backend="numba"`` runs each epoch compiled (``compiled``, optional
    extra): its own product loops for mini-batches ≤ 16, BLAS above.
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: "str | Sequence[str]" = "sigmoid",
        cost: str = "quadratic",
        *,
        dtype: str = "float64",
        seed: int = 0,
        backend: str = "fast",
    ):
        if str(dtype) not in DTYPES:
            raise SpecError(f"dtype must be one of {', '.join(DTYPES)}, got {dtype!r}")
        if backend not in BACKENDS:
            raise SpecError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
        self.net = network(list(sizes), activation, cost, batch=1)
        if any(functions.activation(a).is_generic for a in self.net.activations):
            raise SpecError("training needs named activations (sigmoid, tanh, relu, softplus, identity), not 'generic'")
        if self.net.output_softmax and self.net.sizes[-1] == 1:
            raise SpecError("a softmax over one output is 1 whatever the input: its gradient is 0 and the network "
                            "cannot learn. Give the output layer two or more neurons (one per class), or, for one "
                            "yes/no output, use --cost cross-entropy with a sigmoid output (or quadratic)")
        self.sizes = list(self.net.sizes)
        self.dtype = np.dtype(str(dtype))
        self.backend = backend
        self.seed = seed
        self.cost = self.net.cost_entry
        # σ of layer l is self.acts[l - 2]; a softmax output has none
        self.acts = [functions.activation(a) for a in self.net.activations]
        rng = np.random.default_rng(seed)
        self.weights = [
            (rng.standard_normal((n, p)) / np.sqrt(p)).astype(self.dtype) for p, n in zip(self.sizes, self.sizes[1:])
        ]
        self.biases = [rng.standard_normal(n).astype(self.dtype) for n in self.sizes[1:]]
        self._buffers: dict[int, dict] = {}
        # decided once, not per mini-batch (the per-batch Python cost is what
        # limits small batches)
        self._softmax = self.net.output_softmax
        self._sigmoid_ce = self.cost.name == "cross-entropy" and self.acts[-1].name == "sigmoid"
        self._WT = [W.T for W in self.weights]  # views: they follow in-place updates
        self._lambdified = None
        self._compiled: dict = {}
        self._on_batch = None  # called with the samples of each mini-batch while ``fit`` shows progress
        self._shuffled = None
        self._fused = None  # compiled elementwise steps (backend numba, batches past SMALL_BATCH)
        if backend == "lambdify":
            from . import lambdified as numeric

            self._lambdified = numeric.gradient(self.net)
        if backend == "numba":
            from . import compiled

            compiled.check_supported(list(self.net.activations), self.cost.name)
            compiled.scalar_kernels(self.acts[-1].name)  # fails now, not mid-fit, without numba
            acts = self.net.activations
            self._fused = compiled.fused_kernels(acts[0] if len(acts) > 1 else acts[-1], acts[-1])

    # -- the fast path ---------------------------------------------------------

    def _buffer(self, m: int) -> dict:
        # One set of arrays per batch size, reused for every mini-batch.
        if m not in self._buffers:
            t = self.dtype
            self._buffers[m] = {
                "Z": [np.empty((m, n), t) for n in self.sizes[1:]],
                "A": [np.empty((m, n), t) for n in self.sizes[1:]],
                "D": [np.empty((m, n), t) for n in self.sizes[1:]],
                "delta": [np.empty((m, n), t) for n in self.sizes[1:]],
                "dW": [np.empty_like(W) for W in self.weights],
                "db": [np.empty_like(b) for b in self.biases],
            }
        return self._buffers[m]

    def _forward(self, X: np.ndarray, buf: dict) -> np.ndarray:
        a = X
        Z, A = buf["Z"], buf["A"]
        last = len(self.weights) - 1
        for i in range(last + 1):
            z = np.matmul(a, self._WT[i], out=Z[i])
            if self._fused is not None:
                kernel = self._fused.bias_act_output if i == last else self._fused.bias_act_hidden
                kernel(z, self.biases[i], A[i])
                a = A[i]
                continue
            z += self.biases[i]
            if i == last and self._softmax:
                a = functions.numpy_softmax(z, axis=1, out=A[i])
            else:
                a = self.acts[i].numpy(z, out=A[i])
        return a

    def _output_delta(self, Y: np.ndarray, buf: dict, scale: float) -> np.ndarray:
        a, z, delta = buf["A"][-1], buf["Z"][-1], buf["delta"][-1]
        if self._softmax:
            # δ^L = (Σ_k y_k) a^L − y (seed 003, proved in the catalogue):
            # the product of ∇_a C = −y/a and the softmax Jacobian would be
            # 0·∞ where a_k underflows to 0.
            np.multiply(a, Y.sum(axis=1, keepdims=True), out=delta)
            delta -= Y
        elif self._sigmoid_ce:
            # BP1 with σ' = σ(1 − σ) cancels the denominator a(1 − a) of
            # ∇_a C exactly: δ^L = a^L − y, finite even where a^L rounds to 1.
            np.subtract(a, Y, out=delta)
        elif self._fused is not None:
            self._fused.output_delta(a, Y, z, delta, scale)  # BP1, ∇_a C = a^L − y, scale folded in
            return delta
        else:
            self.cost.numpy_grad(a, Y, out=delta)  # ∇_a C (BP1)
            self._times_sigma_prime(delta, len(self.weights) - 1, buf)
        delta *= scale
        return delta

    def _times_sigma_prime(self, delta: np.ndarray, i: int, buf: dict) -> None:
        act = self.acts[i]
        if act.is_identity:
            return
        if self._fused is not None:  # hidden layers only: the output's σ' is in output_delta
            self._fused.times_prime_hidden(delta, buf["Z"][i], buf["A"][i])
            return
        if act.prime_of_value is not None:
            # σ' from a = σ(z), as the notes write it (σ' = σ(1 − σ), 1 − tanh²);
            # each rule is a proved catalogue identity, and saves a tanh.
            delta *= act.prime_of_value(buf["A"][i])
        else:
            delta *= act.numpy_prime(buf["Z"][i], out=buf["D"][i])

    def _backward(self, X: np.ndarray, Y: np.ndarray, buf: dict, scale: float) -> None:
        # fills buf["dW"], buf["db"] with scale × Σ_x ∂C_x/∂w, ∂C_x/∂b
        delta = self._output_delta(Y, buf, scale)
        for i in range(len(self.weights) - 1, -1, -1):
            a_prev = buf["A"][i - 1] if i > 0 else X
            np.matmul(delta.T, a_prev, out=buf["dW"][i])  # BP4, summed over the batch
            np.sum(delta, axis=0, out=buf["db"][i])  # BP3
            if i > 0:
                below = np.matmul(delta, self.weights[i], out=buf["delta"][i - 1])  # BP2
                self._times_sigma_prime(below, i - 1, buf)
                delta = below

    def gradient(self, X, Y) -> tuple[list, list]:
        """(dW, db): the batch-mean gradient ∂C/∂W^l, ∂C/∂b^l by backprop (copies)."""
        X, Y = self._check(X, Y)
        if self._lambdified is not None:
            return self._lambdified(self.weights, self.biases, X, Y)
        buf = self._buffer(X.shape[0])
        self._forward(X, buf)
        self._backward(X, Y, buf, 1.0 / X.shape[0])
        return [d.copy() for d in buf["dW"]], [d.copy() for d in buf["db"]]

    def step(self, X: np.ndarray, Y: np.ndarray, eta: float) -> None:
        """One SGD update on one mini-batch (arrays already checked)."""
        m = X.shape[0]
        if self._lambdified is not None:
            dW, db = self._lambdified(self.weights, self.biases, X, Y)
            for W, b, gW, gb in zip(self.weights, self.biases, dW, db):
                W -= (eta * gW).astype(self.dtype)
                b -= (eta * gb).astype(self.dtype)
            return
        buf = self._buffer(m)
        self._forward(X, buf)
        self._backward(X, Y, buf, eta / m)  # the (η/m) rides along in Δ^L
        for W, b, dW, db in zip(self.weights, self.biases, buf["dW"], buf["db"]):
            W -= dW
            b -= db

    def epoch(self, X: np.ndarray, Y: np.ndarray, batch: int, eta: float, rng: np.random.Generator) -> None:
        """One pass over shuffled data in mini-batches of ``batch`` (last one may be smaller).

        X, Y must already be C-contiguous arrays of the trainer's dtype. BLAS
        runs on one thread unless a mini-batch's largest product is big
        enough to share (``blas_threads``).
        """
        order = rng.permutation(X.shape[0])
        with blas.limit(self.blas_threads(batch)):
            if self.backend == "numba" and (batch <= SMALL_BATCH or blas.in_compiled_code()):
                key = (batch, X.shape[0])
                if key not in self._compiled:
                    from .compiled import CompiledEpoch

                    self._compiled[key] = CompiledEpoch(self, batch, X.shape[0], large=batch > SMALL_BATCH)
                    blas.rescan()  # compiling may have loaded SciPy's BLAS: limit it too
                self._compiled[key](X, Y, order, eta)
                if self._on_batch is not None:  # the progress bar, only when one is shown
                    self._on_batch(X.shape[0])
                return
            self._numpy_epoch(X, Y, order, batch, eta)

    def _numpy_epoch(self, X, Y, order, batch: int, eta: float) -> None:
        # One gather of the whole shuffled set per epoch, into buffers kept
        # between epochs; each mini-batch is then a contiguous view (no copy,
        # no per-batch allocation).
        n = X.shape[0]
        if self._shuffled is None or self._shuffled[0].shape != X.shape or self._shuffled[1].shape != Y.shape:
            self._shuffled = (np.empty_like(X), np.empty_like(Y))
        Xs, Ys = self._shuffled
        np.take(X, order, axis=0, out=Xs)
        np.take(Y, order, axis=0, out=Ys)
        for start in range(0, n, batch):
            self.step(Xs[start : start + batch], Ys[start : start + batch], eta)
            if self._on_batch is not None:  # the progress bar, only when one is shown
                self._on_batch(min(batch, n - start))

    def blas_threads(self, batch: int) -> "int | None":
        """BLAS threads for mini-batches of ``batch``: 1, or ``None`` (BLAS's own choice) for big products (``blas``)."""
        return blas.threads_for(self.sizes, batch)

    # -- evaluation --------------------------------------------------------------

    def predict(self, X) -> np.ndarray:
        """a^L for every row of X (evaluated in chunks)."""
        X = np.ascontiguousarray(X, dtype=self.dtype)
        out = np.empty((X.shape[0], self.sizes[-1]), self.dtype)
        for start in range(0, X.shape[0], _EVAL_CHUNK):
            part = X[start : start + _EVAL_CHUNK]
            out[start : start + part.shape[0]] = self._forward(part, self._buffer(part.shape[0]))
        return out

    def loss(self, X, Y) -> float:
        """C = (1/n) Σ_x C_x over the rows, with the registry's stable cost."""
        X, Y = self._check(X, Y)
        A = self.predict(X)
        # the registry's costs take neurons × samples (columns are samples)
        return float(np.mean(self.cost.numpy(A.T.astype(np.float64), Y.T.astype(np.float64))))

    def accuracy(self, X, Y) -> float:
        """Fraction classified right: argmax for several outputs, a > ½ for one."""
        X, Y = self._check(X, Y)
        A = self.predict(X)
        if A.shape[1] == 1:
            return float(np.mean((A[:, 0] > 0.5) == (Y[:, 0] > 0.5)))
        return float(np.mean(A.argmax(axis=1) == Y.argmax(axis=1)))

    def _check(self, X, Y) -> tuple[np.ndarray, np.ndarray]:
        X = np.ascontiguousarray(X, dtype=self.dtype)
        Y = np.ascontiguousarray(Y, dtype=self.dtype)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise SpecError(f"X has shape {X.shape}, expected (samples, {self.sizes[0]}) for sizes {self.sizes}")
        if Y.shape != (X.shape[0], self.sizes[-1]):
            raise SpecError(f"Y has shape {Y.shape}, expected ({X.shape[0]}, {self.sizes[-1]}) for sizes {self.sizes}")
        return X, Y

    # -- training ------------------------------------------------------------------

    def _divergence_cause(self, eta: float) -> str:
        # Binary cross-entropy takes ln a and ln(1 − a): an output layer whose values can leave (0, 1)
        # makes the loss undefined whatever η is, so η is not the cause to name.
        out = self.acts[-1] if self.acts and not self._softmax else None
        if self.cost.name == "cross-entropy" and out is not None and out.name != "sigmoid":
            return (f"binary cross-entropy −[y ln a + (1 − y) ln(1 − a)] needs every output a in (0, 1), and the "
                    f"{out.name} output layer can leave it, where ln a or ln(1 − a) is not a real number; use a sigmoid "
                    f"output layer (one activation per layer, e.g. {out.name},sigmoid) or another cost")
        return (f"the weights diverged, most likely because the learning rate η is too large; "
                f"try a smaller η such as {eta / 10:g}")

    def fit(
        self,
        X,
        Y,
        *,
        epochs: int = 1,
        batch: int = 10,
        eta: float = 1.0,
        X_test=None,
        Y_test=None,
        progress: bool = False,
    ) -> History:
        r"""Train for ``epochs`` passes of mini-batch SGD; return the ``History``.

        Stops with ``TrainingDiverged`` when the loss becomes NaN or ±inf.
        The progress bar goes to stderr, and only when stderr is a terminal.
        """
        X, Y = self._check(X, Y)
        if not (isinstance(epochs, int) and epochs >= 1):
            raise SpecError(f"epochs must be a whole number ≥ 1, got {epochs!r}")
        if not (isinstance(batch, int) and batch >= 1):
            raise SpecError(f"batch must be a whole number ≥ 1, got {batch!r}")
        if not (np.isfinite(eta) and eta > 0):
            raise SpecError(f"the learning rate η must be a positive number, got {eta!r}")
        test = X_test is not None and Y_test is not None
        if test:
            X_test, Y_test = self._check(X_test, Y_test)
        rng = np.random.default_rng(self.seed)
        batches = -(-X.shape[0] // batch)
        bar = Progress(epochs * batches, "training", "mini-batch") if progress else None
        if bar is not None:
            self._on_batch = lambda m: bar.update(-(-m // batch))
        history = History()
        with np.errstate(over="ignore", invalid="ignore"):
            for e in range(1, epochs + 1):
                t0 = time.perf_counter()
                self.epoch(X, Y, batch, eta, rng)
                history.seconds.append(time.perf_counter() - t0)
                loss = self.loss(X, Y)
                if not np.isfinite(loss):
                    if bar:
                        bar.close()
                        self._on_batch = None
                    raise TrainingDiverged(
                        f"the training loss became {loss} at epoch {e} of {epochs} (η = {eta:g}, batch {batch}, "
                        f"{self.cost.name} cost): {self._divergence_cause(eta)}"
                    )
                history.loss.append(loss)
                history.accuracy.append(self.accuracy(X, Y))
                if test:
                    history.test_loss.append(self.loss(X_test, Y_test))
                    history.test_accuracy.append(self.accuracy(X_test, Y_test))
                if bar:
                    bar.update(0, note=f"epoch {e}/{epochs}, loss {loss:.4g}, accuracy {history.accuracy[-1]:.3f}")
        if bar:
            bar.close()
            self._on_batch = None
        warning = saturation_warning(self, X, history)
        if warning:
            history.warnings.append(warning)
            warnings.warn(warning, SaturationWarning, stacklevel=2)
        return history

    # -- weights on disk -------------------------------------------------------------

    def save(self, path: "str | os.PathLike") -> None:
        """Write sizes, activations, cost and weights to ``path`` (.npz), atomically."""
        path = os.fspath(path)
        arrays = {"sizes": np.array(self.sizes), "activations": np.array(self.net.activations),
                  "cost": np.array(self.cost.name), "dtype": np.array(self.dtype.name)}
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=2):
            arrays[f"w{l}"], arrays[f"b{l}"] = W, b
        write_atomic(path, lambda f: np.savez(f, **arrays), what="the weights")

    @classmethod
    def load(cls, path: "str | os.PathLike", *, seed: int = 0, backend: str = "fast") -> "Trainer":
        """A ``Trainer`` with the weights saved by ``save``; errors name the file."""
        path = os.fspath(path)
        try:
            with np.load(path, allow_pickle=False) as f:
                stored = {k: f[k] for k in f.files}
        except FileNotFoundError:
            raise SpecError(f"no weights file at {path!r}") from None
        except (OSError, ValueError) as exc:
            raise SpecError(f"{path!r} is not a weights file written by symbp ({exc})") from None
        missing = [k for k in ("sizes", "activations", "cost", "dtype") if k not in stored]
        if missing:
            raise SpecError(f"{path!r} lacks {', '.join(missing)}: not a weights file written by symbp")
        model = cls([int(n) for n in stored["sizes"]], [str(a) for a in stored["activations"]],
                    str(stored["cost"]), dtype=str(stored["dtype"]), seed=seed, backend=backend)
        for i, l in enumerate(model.net.layers):
            W, b = stored.get(f"w{l}"), stored.get(f"b{l}")
            if W is None or b is None or W.shape != model.weights[i].shape or b.shape != model.biases[i].shape:
                raise SpecError(f"{path!r}: w{l}/b{l} missing or of the wrong shape for sizes {model.sizes}")
            model.weights[i][...] = W
            model.biases[i][...] = b
        return model
