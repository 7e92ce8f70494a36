r"""Data sets for training: XOR, synthetic, scikit-learn's digits, MNIST .npz.

Every set is a ``Dataset`` of float64 arrays with samples as rows: inputs
``X`` (n × n_1) and targets ``Y`` (n × n_L, one-hot for classes). Everything
random is drawn from ``seed``, so the same seed gives the same arrays.

>>> xor().Y_train.ravel().tolist()
[0.0, 1.0, 1.0, 0.0]
>>> a, b = synthetic(100, 8, 3, seed=5), synthetic(100, 8, 3, seed=5)
>>> bool((a.X_train == b.X_train).all())
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from ..errors import SpecError, SymbpError
from ..display.extras import install_hint


class DataUnavailable(SymbpError, LookupError):
    """A data set needs a file or an optional package that is not there."""


@dataclass(frozen=True)
class Dataset:
    """Training and test arrays (samples as rows) and where they came from."""

    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray

    @property
    def inputs(self) -> int:
        return self.X_train.shape[1]

    @property
    def outputs(self) -> int:
        return self.Y_train.shape[1]


def one_hot(labels, classes: int) -> np.ndarray:
    """Rows e_{label}: ``one_hot([2, 0], 3)`` is [[0, 0, 1], [1, 0, 0]]."""
    labels = np.asarray(labels, dtype=np.int64).ravel()
    if labels.size and (labels.min() < 0 or labels.max() >= classes):
        raise SpecError(f"labels must lie in 0..{classes - 1}, found {labels.min()}..{labels.max()}")
    out = np.zeros((labels.size, classes))
    out[np.arange(labels.size), labels] = 1.0
    return out


def xor() -> Dataset:
    """The four XOR points; train and test are the same four (nothing to hold out)."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return Dataset("xor", X, Y, X.copy(), Y.copy())


def synthetic(samples: int = 10_000, inputs: int = 784, classes: int = 10, *, seed: int = 0,
              test_fraction: float = 0.1) -> Dataset:
    """Inputs uniform in [0, 1) (like pixel intensities), labelled by a random linear teacher.

    The labels are argmax(x T + c) for a random T, so the set is learnable
    but not trivially separable by a tiny network.
    """
    if samples < 2 or inputs < 1 or classes < 2:
        raise SpecError(f"synthetic data needs ≥ 2 samples, ≥ 1 input, ≥ 2 classes; got {samples}, {inputs}, {classes}")
    rng = np.random.default_rng(seed)
    X = rng.random((samples, inputs))
    teacher = rng.standard_normal((inputs, classes))
    scores = (X - 0.5) @ teacher + 0.1 * rng.standard_normal((samples, classes))
    Y = one_hot(scores.argmax(axis=1), classes)
    return _split("synthetic", X, Y, test_fraction, rng)


def digits(*, seed: int = 0, test_fraction: float = 0.2) -> Dataset:
    """scikit-learn's 8×8 digits (1,797 images shipped inside scikit-learn), pixels / 16.

    Needs the optional extra ``symbp[digits]`` (scikit-learn).
    """
    try:
        from sklearn.datasets import load_digits
    except ImportError:
        raise DataUnavailable(
            "the digits data set is shipped inside scikit-learn, which is not installed; "
            f"install it with {install_hint('digits', 'scikit-learn')}"
        ) from None
    bunch = load_digits()
    X = np.asarray(bunch.data, dtype=np.float64) / 16.0
    Y = one_hot(bunch.target, 10)
    return _split("digits", X, Y, test_fraction, np.random.default_rng(seed))


def mnist_npz(path: "str | os.PathLike") -> Dataset:
    """An MNIST-format ``.npz`` (keys x_train, y_train, x_test, y_test; uint8 images).

    Images are flattened and scaled to [0, 1]; labels become one-hot.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise DataUnavailable(
            f"no data file at {path!r}; --data takes xor, synthetic, digits, or the path of an MNIST-format "
            ".npz with arrays x_train, y_train, x_test, y_test (symbp downloads nothing)"
        )
    try:
        with np.load(path, allow_pickle=False) as f:
            stored = {k: f[k] for k in f.files}
    except (OSError, ValueError) as exc:
        raise SpecError(f"{path!r} is not a readable .npz file ({exc})") from None
    missing = [k for k in ("x_train", "y_train", "x_test", "y_test") if k not in stored]
    if missing:
        raise SpecError(f"{path!r} lacks the arrays {', '.join(missing)} of the MNIST .npz format")
    classes = int(max(stored["y_train"].max(), stored["y_test"].max())) + 1

    def images(a):
        a = np.asarray(a, dtype=np.float64).reshape(a.shape[0], -1)
        return a / 255.0 if a.max() > 1.0 else a

    return Dataset(
        os.path.basename(path),
        images(stored["x_train"]),
        one_hot(stored["y_train"], classes),
        images(stored["x_test"]),
        one_hot(stored["y_test"], classes),
    )


def load(name: str, *, seed: int = 0, samples: int = 10_000, inputs: int = 784, classes: int = 10) -> Dataset:
    """By name, as ``--data`` takes it: xor, synthetic, digits, or a path to an .npz."""
    key = str(name).strip()
    if key == "xor":
        return xor()
    if key == "synthetic":
        return synthetic(samples, inputs, classes, seed=seed)
    if key == "digits":
        return digits(seed=seed)
    if key.endswith(".npz") or os.sep in key:
        return mnist_npz(key)
    raise SpecError(f"unknown data set {name!r}; use xor, synthetic, digits, or the path of an MNIST-format .npz")


def _split(name: str, X, Y, test_fraction: float, rng: np.random.Generator) -> Dataset:
    order = rng.permutation(X.shape[0])
    n_test = int(round(test_fraction * X.shape[0]))
    test, train = order[:n_test], order[n_test:]
    return Dataset(name, X[train], Y[train], X[test], Y[test])
