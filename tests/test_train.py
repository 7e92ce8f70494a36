"""The fast path (symbp.train) against two independent oracles.

Three-way agreement (issue 6): the backprop gradient of the fast path equals
the lambdified ground truth (numeric.gradient, forward-mode differentiation of
the definitions, never BP) and central finite differences of the composed
cost C = (1/m) Σ_x C_x (lambdified from network.composed_cost).

Tolerances, stated once:
* float64 fast path vs ground truth: |Δ| ≤ 1e-10 + 1e-8·|g| (rounding only);
* float32 fast path vs float64 ground truth: |Δ| ≤ 2e-5 + 1e-3·|g|;
* ground truth vs central differences, h = 1e-6 in float64: |Δ| ≤ 1e-6 + 1e-5·|g|
  (truncation O(h²) plus rounding O(ε/h)).
"""

import os

import numpy as np
import pytest

from symbp import numeric
from symbp.errors import SpecError
from symbp.numeric import data
from symbp.numeric.train import SMALL_BATCH, Trainer, TrainingDiverged

CASES = [
    # sizes, activation(s), cost, targets
    ([2, 3, 1], "sigmoid", "quadratic", "any"),
    ([3, 4, 2], "tanh,sigmoid", "cross-entropy", "unit"),
    ([2, 3, 2], "sigmoid", "cross-entropy", "unit"),
    ([2, 3, 2], "relu", "mean-quadratic", "any"),
    ([2, 2, 3, 2], "softplus,tanh,identity", "quadratic", "any"),
    # Σ_k y_k ≠ 1 on purpose: δ^L = (Σ y) a − y must hold in general (seed 003)
    ([3, 2, 3], "tanh", "softmax-cross-entropy", "unit"),
    ([2, 3, 3], "sigmoid", "softmax-cross-entropy", "one-hot"),
]


def _batch(sizes, targets, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, sizes[0]))
    if targets == "one-hot":
        Y = data.one_hot(rng.integers(0, sizes[-1], m), sizes[-1])
    elif targets == "unit":
        Y = rng.random((m, sizes[-1]))
    else:
        Y = rng.normal(size=(m, sizes[-1]))
    return X, Y


def _central_differences(truth, weights, biases, X, Y, h=1e-6):
    dW = [np.zeros_like(W) for W in weights]
    db = [np.zeros_like(b) for b in biases]
    for params, grads in ((weights, dW), (biases, db)):
        for P, G in zip(params, grads):
            for idx in np.ndindex(P.shape):
                keep = P[idx]
                P[idx] = keep + h
                up = truth.loss(weights, biases, X, Y)
                P[idx] = keep - h
                down = truth.loss(weights, biases, X, Y)
                P[idx] = keep
                G[idx] = (up - down) / (2 * h)
    return dW, db


def _close(got, want, atol, rtol):
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, atol=atol, rtol=rtol)


@pytest.mark.parametrize("sizes, act, cost, targets", CASES)
def test_fast_path_equals_ground_truth_equals_finite_differences(sizes, act, cost, targets):
    model = Trainer(sizes, act, cost, dtype="float64", seed=3)
    truth = numeric.gradient(model.net)
    X, Y = _batch(sizes, targets, 5, seed=4)
    fast_W, fast_b = model.gradient(X, Y)
    true_W, true_b = truth(model.weights, model.biases, X, Y)
    fd_W, fd_b = _central_differences(truth, [W.copy() for W in model.weights], [b.copy() for b in model.biases], X, Y)
    _close(fast_W + fast_b, true_W + true_b, atol=1e-10, rtol=1e-8)
    _close(true_W + true_b, fd_W + fd_b, atol=1e-6, rtol=1e-5)
    assert max(np.abs(g).max() for g in true_W) > 1e-6  # a real gradient, not all zeros


@pytest.mark.parametrize("sizes, act, cost, targets", CASES[:3] + CASES[5:6])
def test_float32_fast_path_within_float32_rounding_of_ground_truth(sizes, act, cost, targets):
    model = Trainer(sizes, act, cost, dtype="float32", seed=5)
    truth = numeric.gradient(model.net)
    X, Y = _batch(sizes, targets, 7, seed=6)
    fast_W, fast_b = model.gradient(X, Y)
    assert fast_W[0].dtype == np.float32
    w64 = [W.astype(np.float64) for W in model.weights]
    b64 = [b.astype(np.float64) for b in model.biases]
    X32, Y32 = X.astype(np.float32).astype(np.float64), Y.astype(np.float32).astype(np.float64)
    true_W, true_b = truth(w64, b64, X32, Y32)
    _close(fast_W + fast_b, true_W + true_b, atol=2e-5, rtol=1e-3)


def test_sgd_step_is_w_minus_eta_times_gradient():
    # seed 001's update rule w → w − (η/m) Σ_x δ^{x,l} (a^{x,l−1})^T, one step
    model = Trainer([3, 4, 2], "sigmoid", "quadratic", seed=7)
    X, Y = _batch([3, 4, 2], "any", 6, seed=8)
    dW, db = model.gradient(X, Y)
    before = [W.copy() for W in model.weights], [b.copy() for b in model.biases]
    model.step(*model._check(X, Y), eta=0.7)
    _close(model.weights, [W - 0.7 * g for W, g in zip(before[0], dW)], atol=1e-13, rtol=0)
    _close(model.biases, [b - 0.7 * g for b, g in zip(before[1], db)], atol=1e-13, rtol=0)


def test_saturated_sigmoid_cross_entropy_still_learns():
    # z^L = ±1000: a^L rounds to 0 or 1; δ^L = a − y must stay −1 / +1, not 0 or inf
    model = Trainer([1, 1], "sigmoid", "cross-entropy")
    model.weights[0][...] = 1.0
    model.biases[0][...] = 0.0
    X = np.array([[1000.0], [-1000.0]])
    Y = np.array([[0.0], [1.0]])
    with np.errstate(all="raise"):
        dW, db = model.gradient(X, Y)
    np.testing.assert_allclose(db[0], [0.0])  # (1 − 0) + (0 − 1) over 2
    np.testing.assert_allclose(dW[0], [[1000.0]])  # (1000·1 + (−1000)·(−1)) / 2
    assert np.isfinite(model.loss(X, Y))


def test_softmax_output_at_z_1000_gives_finite_delta():
    model = Trainer([2, 3], "sigmoid", "softmax-cross-entropy")
    model.weights[0][...] = [[1000.0, 0.0], [-1000.0, 0.0], [0.0, 0.0]]
    model.biases[0][...] = 0.0
    X, Y = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0, 0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        dW, db = model.gradient(X, Y)
    np.testing.assert_allclose(db[0], [1.0, -1.0, 0.0], atol=1e-12)  # a − y with a = e_1


def test_lambdify_backend_learns_xor():
    # issue 6: `symbp train --sizes 2,3,1 --data xor --backend lambdify`
    xor = data.xor()
    model = Trainer([2, 3, 1], "sigmoid", "cross-entropy", seed=1, backend="lambdify")
    history = model.fit(xor.X_train, xor.Y_train, epochs=1500, batch=4, eta=2.0)
    assert history.loss[-1] < 0.1 * history.loss[0]
    assert history.accuracy[-1] == 1.0


def test_lambdify_and_fast_backends_take_identical_steps():
    xor = data.xor()
    fast = Trainer([2, 3, 1], "tanh,sigmoid", "quadratic", seed=2)
    slow = Trainer([2, 3, 1], "tanh,sigmoid", "quadratic", seed=2, backend="lambdify")
    fast.fit(xor.X_train, xor.Y_train, epochs=20, batch=2, eta=0.5)
    slow.fit(xor.X_train, xor.Y_train, epochs=20, batch=2, eta=0.5)
    _close(fast.weights + fast.biases, slow.weights + slow.biases, atol=1e-10, rtol=1e-8)


def test_history_has_loss_and_accuracy_per_epoch_and_is_seeded():
    ds = data.synthetic(300, 6, 3, seed=1)
    runs = []
    for _ in range(2):
        model = Trainer([6, 8, 3], "sigmoid", "quadratic", seed=11, dtype="float32")
        runs.append(model.fit(ds.X_train, ds.Y_train, epochs=4, batch=10, eta=3.0, X_test=ds.X_test, Y_test=ds.Y_test))
    h = runs[0]
    assert len(h.loss) == len(h.accuracy) == len(h.test_accuracy) == 4
    assert h.loss[-1] < h.loss[0]
    assert runs[0].loss == runs[1].loss  # same seed, same numbers


def test_divergence_stops_with_epoch_and_eta_named():
    ds = data.synthetic(200, 5, 2, seed=0)
    model = Trainer([5, 4, 2], "identity", "quadratic", seed=0)
    with pytest.raises(TrainingDiverged, match=r"epoch \d+ of 50 \(η = 1e\+06.*too large"):
        model.fit(ds.X_train * 100, ds.Y_train, epochs=50, batch=10, eta=1e6)


def test_relu_output_under_binary_cross_entropy_is_named_as_the_cause():
    # rv50 E: ln(1 − a) of a relu output a ≥ 1 is not real whatever η is; the message named η before.
    ds = data.xor()
    model = Trainer([2, 3, 1], "relu", "cross-entropy", seed=0, backend="lambdify")
    with pytest.raises(TrainingDiverged, match=r"relu output layer can leave it") as caught:
        model.fit(ds.X_train, ds.Y_train, epochs=5, batch=4, eta=2.0)
    assert "η is too large" not in str(caught.value)


def test_save_and_load_round_trip_atomically(tmp_path):
    model = Trainer([3, 5, 2], "tanh,sigmoid", "cross-entropy", dtype="float32", seed=4)
    path = tmp_path / "w.npz"
    model.save(path)
    assert sorted(os.listdir(tmp_path)) == ["w.npz"]  # no temp file left behind
    back = Trainer.load(path)
    assert back.sizes == [3, 5, 2] and back.dtype == np.float32 and back.cost.name == "cross-entropy"
    _close(back.weights + back.biases, model.weights + model.biases, atol=0, rtol=0)


def test_load_of_a_missing_file_names_it(tmp_path):
    with pytest.raises(SpecError, match="no weights file at .*nope.npz"):
        Trainer.load(tmp_path / "nope.npz")


def test_bad_shapes_are_named():
    model = Trainer([3, 2], "sigmoid")
    with pytest.raises(SpecError, match=r"X has shape \(4, 2\), expected \(samples, 3\)"):
        model.gradient(np.zeros((4, 2)), np.zeros((4, 2)))


#: numba compiles every kernel once per process: its tests share one xdist worker (pyproject: --dist loadgroup)
NUMBA = pytest.mark.xdist_group("numba")


@NUMBA
@pytest.mark.parametrize("batch, blas_in_compiled_code", [(7, None), (20, True), (20, False)])
@pytest.mark.parametrize("sizes, act, dtype, tol", [
    ([6, 5, 3], "tanh,sigmoid", "float64", 1e-12),
    ([6, 5, 4, 3], "relu,relu,identity", "float64", 1e-12),
    ([6, 5, 3], "tanh,sigmoid", "float32", 1e-5),
])
def test_numba_epoch_equals_numpy_epoch(sizes, act, dtype, tol, batch, blas_in_compiled_code, monkeypatch):
    # the compiled path (optional extra) against the NumPy path tested above:
    # batch 7 the compiled epoch with its own loops (whether BLAS may be called
    # from compiled code is not asked below SMALL_BATCH, hence None); batch 20
    # (past SMALL_BATCH) the compiled epoch calling BLAS or, without SciPy,
    # NumPy's products with compiled elementwise steps; 50 samples leave a
    # short last mini-batch
    pytest.importorskip("numba")
    if blas_in_compiled_code:
        pytest.importorskip("scipy")
    from symbp.numeric import blas

    assert (batch > SMALL_BATCH) == (blas_in_compiled_code is not None)
    monkeypatch.setattr(blas, "in_compiled_code", lambda: blas_in_compiled_code)
    ds = data.synthetic(50, sizes[0], sizes[-1], seed=2, test_fraction=0.0)
    X = np.ascontiguousarray(ds.X_train, dtype=dtype)
    Y = np.ascontiguousarray(ds.Y_train, dtype=dtype)
    fast = Trainer(sizes, act, "quadratic", seed=9, dtype=dtype)
    compiled = Trainer(sizes, act, "quadratic", seed=9, dtype=dtype, backend="numba")
    for _ in range(3):
        fast.epoch(X, Y, batch, 0.8, np.random.default_rng(1))
        compiled.epoch(X, Y, batch, 0.8, np.random.default_rng(1))
    moved = max(np.abs(W - W0).max() for W, W0 in zip(fast.weights, Trainer(sizes, act, seed=9, dtype=dtype).weights))
    assert moved > 1e-2  # training happened
    _close(compiled.weights + compiled.biases, fast.weights + fast.biases, atol=tol, rtol=tol)


@NUMBA
def test_numba_backend_names_what_it_does_not_cover():
    pytest.importorskip("numba")
    from symbp.numeric.compiled import CompiledUnavailable

    with pytest.raises(CompiledUnavailable, match="not softplus.*--backend fast"):
        Trainer([2, 2], "softplus", backend="numba")
    with pytest.raises(CompiledUnavailable, match="not 'cross-entropy'"):
        Trainer([2, 2], "sigmoid", "cross-entropy", backend="numba")


# -- the command line (issue 6's user surface) ---------------------------------


def test_cli_trains_xor_from_the_lambdified_ground_truth(capsys):
    from symbp.cli import main

    code = main(["train", "--sizes", "2,3,1", "--data", "xor", "--epochs", "300", "--batch", "4",
                 "--cost", "cross-entropy", "--eta", "2", "--backend", "lambdify"])
    out = capsys.readouterr().out
    assert code == 0
    assert "backend lambdify" in out
    last = [line.split() for line in out.splitlines() if line.strip().startswith("300 ")][0]
    assert float(last[2]) == 1.0  # training accuracy at epoch 300


def test_cli_divergence_exits_2_naming_epoch_and_eta(capsys):
    from symbp.cli import main

    code = main(["train", "--data", "synthetic", "--samples", "200", "--sizes", "784,5,10", "--activation",
                 "identity", "--eta", "1e5", "--epochs", "20"])
    err = " ".join(capsys.readouterr().err.split())  # the paragraph is wrapped at 100 columns
    assert code == 2
    assert "at epoch" in err and "η = 100000" in err and "too large" in err


def test_cli_plot_and_save_write_complete_files(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    from symbp.cli import main

    png, npz = tmp_path / "loss.png", tmp_path / "w.npz"
    code = main(["train", "--data", "xor", "--sizes", "2,3,1", "--epochs", "5", "--plot", str(png), "--save", str(npz)])
    assert code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert Trainer.load(npz).sizes == [2, 3, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loss.png", "w.npz"]


def test_cli_rejects_sizes_that_do_not_fit_the_data(capsys):
    from symbp.cli import main

    assert main(["train", "--data", "xor", "--sizes", "3,2,1"]) == 2
    assert "has 2 inputs and 1 outputs" in capsys.readouterr().err


def test_progress_bar_stays_off_when_stderr_is_not_a_terminal(capsys):
    xor = data.xor()
    Trainer([2, 2, 1], seed=0).fit(xor.X_train, xor.Y_train, epochs=3, batch=4, eta=1.0, progress=True)
    assert capsys.readouterr().err == ""


def test_bench_fd_reports_pass_counts(capsys):
    # seed 000: 1 + P forward passes for finite differences, 2 for backprop (no timing asserted)
    from symbp.cli import main

    assert main(["bench", "fd", "--quick", "--max-passes", "50"]) == 0
    out = capsys.readouterr().out
    assert "[4,5,3]" in out and " 44 " in out and "2,261" in out


@NUMBA
@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "identity"])
def test_compiled_scalar_kernels_equal_the_numpy_twins_including_z_1000(name):
    pytest.importorskip("numba")
    from symbp import functions
    from symbp.numeric.compiled import scalar_kernels

    sigma, prime = scalar_kernels(name)
    act = functions.activation(name)
    zs = np.concatenate([[-1000.0, -40.0, 40.0, 1000.0], np.linspace(-6, 6, 25)])
    # atol: the twin ½(1 + tanh(z/2)) rounds σ(−40) ≈ 4e−18 to 0; the scalar 1/(1 + e^{−z}) keeps it
    np.testing.assert_allclose([sigma(v) for v in zs], act.numpy(zs), rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose([prime(v, sigma(v)) for v in zs], act.numpy_prime(zs), rtol=1e-12, atol=1e-15)


def _final_row(out: str) -> list[float]:
    rows = [line.split() for line in out.splitlines() if line.split() and line.split()[0].isdigit()]
    return [float(v) for v in rows[-1]]  # epoch, loss, accuracy, test loss, test accuracy, seconds


@pytest.mark.parametrize("name, floor", [
    ("xor", 1.0),          # all four points
    ("synthetic", 0.45),   # ten classes, chance 0.10; the defaults reach 0.57 with seed 0
    ("digits", 0.93),      # the 8×8 digits, 360 held out; the defaults reach 0.97 with seed 0
])
def test_the_defaults_learn_each_built_in_data_set(name, floor, capsys):
    # Issue 16: `symbp train --data synthetic` with the old defaults reached 0.21 after 30 epochs.
    if name == "digits":
        pytest.importorskip("sklearn", reason="the digits set ships inside scikit-learn (the digits extra)")
    from symbp.cli import main

    assert main(["train", "--data", name, "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert _final_row(captured.out)[4] >= floor
    assert "saturated" not in captured.err


def test_a_flat_loss_from_saturated_units_is_warned_about(capsys):
    # Issue 16: a sigmoid network at η = 10⁶ saturated with a flat loss and said nothing.
    from symbp.cli import main

    code = main(["train", "--data", "xor", "--activation", "sigmoid", "--cost", "quadratic", "--eta", "1e6",
                 "--epochs", "200", "--no-progress"])
    out, err = capsys.readouterr()
    err = " ".join(err.split())
    assert code == 0 and _final_row(out)[2] < 1.0  # it did not learn xor
    assert err.startswith("symbp: warning:") and "units (layers 2, 3) are saturated" in err
    assert "smaller learning rate" in err and "Traceback" not in err


def test_a_softmax_over_one_output_is_refused(capsys):
    # softmax(z) = 1 for one output whatever z is: ∂C/∂w = 0, so "training" would report a flat loss as learning
    with pytest.raises(SpecError, match=r"softmax over one output .* two or more neurons"):
        Trainer([2, 3, 1], "sigmoid", "softmax-cross-entropy")
    from symbp.cli import main

    assert main(["train", "--sizes", "2,3,1", "--cost", "softmax-cross-entropy", "--epochs", "1"]) == 2
    assert "softmax over one output" in capsys.readouterr().err
    Trainer([2, 3, 2], "sigmoid", "softmax-cross-entropy")  # two outputs: fine
