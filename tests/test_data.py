"""Data sets (symbp.data): shapes, determinism with a seed, clear errors."""

import numpy as np
import pytest

from symbp.errors import SpecError
from symbp.numeric import data


def test_xor_is_the_truth_table():
    xor = data.xor()
    assert xor.X_train.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert [int(a) ^ int(b) for a, b in xor.X_train] == xor.Y_train.ravel().tolist()


def test_synthetic_is_deterministic_in_its_seed_and_one_hot():
    a = data.synthetic(200, 7, 4, seed=3)
    b = data.synthetic(200, 7, 4, seed=3)
    c = data.synthetic(200, 7, 4, seed=4)
    assert np.array_equal(a.X_train, b.X_train) and np.array_equal(a.Y_test, b.Y_test)
    assert not np.array_equal(a.X_train, c.X_train)
    assert a.X_train.shape == (180, 7) and a.X_test.shape == (20, 7)
    assert np.all(a.Y_train.sum(axis=1) == 1) and set(np.unique(a.Y_train)) == {0.0, 1.0}
    assert len(np.unique(a.Y_train.argmax(axis=1))) > 1  # the teacher uses more than one class


def test_one_hot_rejects_labels_out_of_range():
    with pytest.raises(SpecError, match=r"labels must lie in 0..2, found 0..3"):
        data.one_hot([0, 3], 3)


def test_digits_are_8x8_images_scaled_to_unit_interval():
    pytest.importorskip("sklearn")
    d = data.digits(seed=0)
    assert d.inputs == 64 and d.outputs == 10
    assert d.X_train.shape[0] + d.X_test.shape[0] == 1797
    assert 0.0 <= d.X_train.min() and d.X_train.max() <= 1.0
    assert np.array_equal(d.X_test, data.digits(seed=0).X_test)


def test_digits_without_sklearn_names_the_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_sklearn(name, *args, **kwargs):
        if name.startswith("sklearn"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    with pytest.raises(data.DataUnavailable, match=r"scikit-learn.*\[digits\]"):
        data.digits()


def test_mnist_npz_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    path = tmp_path / "mini.npz"
    np.savez(path, x_train=rng.integers(0, 256, (12, 28, 28), dtype=np.uint8), y_train=np.arange(12) % 10,
             x_test=rng.integers(0, 256, (3, 28, 28), dtype=np.uint8), y_test=np.array([1, 2, 9]))
    d = data.load(str(path))
    assert d.X_train.shape == (12, 784) and d.Y_test.argmax(axis=1).tolist() == [1, 2, 9]
    assert d.X_train.max() <= 1.0


def test_missing_mnist_file_is_a_clear_error(tmp_path):
    with pytest.raises(data.DataUnavailable, match=r"no data file at .*mnist.npz.*x_train"):
        data.load(str(tmp_path / "mnist.npz"))


def test_npz_without_mnist_arrays_names_them(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, a=np.zeros(3))
    with pytest.raises(SpecError, match="lacks the arrays x_train, y_train, x_test, y_test"):
        data.load(str(path))


def test_unknown_data_name_lists_the_choices():
    with pytest.raises(SpecError, match="use xor, synthetic, digits"):
        data.load("cifar")
