"""One epoch of mini-batch SGD, side by side: symbp's fast path against its peers.

    nice -n 10 python benchmarks/train_peers.py     # or: symbp bench train
    python benchmarks/train_peers.py --quick        # a smoke run (fewer samples, 1 repeat)

It prints the BLAS library, its kernel and the thread settings measured with,
each configuration runner by runner, then one table of the eight
configurations: the best symbp runner against the fastest peer, as a ratio
of wall-clock rates and of rates per CPU-second.

Task (issue 6): a sigmoid MLP with quadratic cost C = 1/(2m) Σ_x ‖a^L − y‖²,
plain SGD with η = 3, one epoch over shuffled data: [784,30,10] on 10,000
synthetic samples and [64,30,10] on scikit-learn's digits; mini-batch 10
and 128; float32 and float64. Every runner shuffles each epoch inside its
timed region. Figures are samples per second, best of several epochs after
a warm-up epoch (which also compiles JAX/Numba); the runners take turns
epoch by epoch, so a burst of load on the machine hits them alike. Beside
each wall-clock rate, samples per CPU-second of this process (all its
threads): on a shared machine it shows what a runner costs when it is not
waiting; for a multi-threaded runner it is below the wall-clock rate. Peers that are not
installed are skipped with a note. Nothing here asserts a timing.

Runners:
* symbp fast path: ``symbp.numeric.train.Trainer.epoch`` (NumPy; BLAS threads chosen by
  product size, and once with 2 threads forced for comparison);
* symbp numba backend: ``Trainer(backend="numba")`` (optional extra): the compiled epoch
  for batches ≤ 16, BLAS products with compiled elementwise steps above;
* Nielsen-style per-sample loop: written afresh from the book's description of
  ``update_mini_batch``/``backprop`` (column vectors, one sample at a time);
* PyTorch eager: torch.nn.Sequential + optim.SGD, CPU, torch.set_num_threads(2);
* JAX step-jit: the SGD update jit-compiled, the loop over mini-batches in Python;
* JAX epoch-scan: the whole epoch under jax.lax.scan in one jit (the remainder
  n mod m samples that do not fill a mini-batch are dropped, as scan needs equal
  steps; the others train on them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # run from a source checkout

from symbp.numeric import data  # noqa: E402
from symbp.numeric.train import BLAS_PARALLEL_MACS, SMALL_BATCH, Trainer  # noqa: E402

ETA = 3.0


def flops_per_sample(sizes) -> int:
    # forward z = W a (2·n_l·n_{l−1}), ∂C/∂W = δ aᵀ (same), δ^{l} = Wᵀ δ^{l+1} for l ≥ 2
    pairs = list(zip(sizes, sizes[1:]))
    return sum(4 * p * n for p, n in pairs) + sum(2 * p * n for p, n in pairs[1:])


def matmul_gflops(dtype: str, n: int = 2000, repeats: int = 5) -> float:
    a = np.random.default_rng(0).random((n, n)).astype(dtype)
    b = a.copy()
    a @ b
    best = min(_timed(lambda: a @ b) for _ in range(repeats))
    return 2 * n**3 / best / 1e9


def _timed(f) -> float:
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def _prepared(run_epoch, n: int):
    run_epoch()  # warm-up (and compilation)
    return run_epoch, n


# -- runners: each returns (one timed epoch, samples), or raises Skip ----------


class Skip(Exception):
    pass


_BLAS = {}


def _blas_controller():
    # one scan of the loaded libraries: threadpool_limits() rescans them on
    # every call (~2 ms), which would be charged to each timed epoch
    if "controller" not in _BLAS:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _BLAS["controller"] = None
        else:
            _BLAS["controller"] = ThreadpoolController()
    return _BLAS["controller"]


def run_symbp(sizes, X, Y, batch, dtype, repeats, threads=None, backend="fast"):
    # threads=None: the trainer's own choice (Trainer.blas_threads: one BLAS
    # thread unless a product is large); a number forces that many for the
    # whole epoch, overriding the trainer's choice.
    controller = _blas_controller() if threads is not None else None
    if threads is not None and controller is None:
        raise Skip("threadpoolctl not installed (needed to set BLAS threads)")
    if backend == "numba":
        try:
            import numba  # noqa: F401
        except ImportError:
            raise Skip("numba not installed (pip install '.[compiled]' in the checkout)") from None
    model = Trainer(sizes, "sigmoid", "quadratic", dtype=dtype, seed=0, backend=backend)
    if threads is not None:
        model.blas_threads = lambda batch: None  # leave the limit set below in force
    X = np.ascontiguousarray(X, dtype=dtype)
    Y = np.ascontiguousarray(Y, dtype=dtype)
    rng = np.random.default_rng(0)

    def epoch():
        if threads is None:
            return model.epoch(X, Y, batch, ETA, rng)
        with controller.limit(limits=threads, user_api="blas"):
            return model.epoch(X, Y, batch, ETA, rng)

    return _prepared(epoch, len(X))


def run_nielsen(sizes, X, Y, batch, dtype, repeats):
    # Per-sample backprop as the book describes it: for each x in the
    # mini-batch, a forward pass storing zs and activations, δ^L, then δ^l
    # backwards, summing ∇b and ∇w; then w ← w − (η/m) Σ ∇w.
    rng = np.random.default_rng(0)
    W = [(rng.standard_normal((n, p)) / np.sqrt(p)).astype(dtype) for p, n in zip(sizes, sizes[1:])]
    B = [rng.standard_normal((n, 1)).astype(dtype) for n in sizes[1:]]
    Xc = [x.reshape(-1, 1).astype(dtype) for x in X]
    Yc = [y.reshape(-1, 1).astype(dtype) for y in Y]

    def sigmoid(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    def backprop(x, y):
        activation, activations, zs = x, [x], []
        for w, b in zip(W, B):
            z = w @ activation + b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        s = activations[-1]
        delta = (s - y) * s * (1 - s)
        nabla_w, nabla_b = [None] * len(W), [None] * len(W)
        nabla_w[-1], nabla_b[-1] = delta @ activations[-2].T, delta
        for l in range(2, len(sizes)):
            s = activations[-l]
            delta = (W[-l + 1].T @ delta) * s * (1 - s)
            nabla_w[-l], nabla_b[-l] = delta @ activations[-l - 1].T, delta
        return nabla_w, nabla_b

    def epoch():
        order = rng.permutation(len(Xc))
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            sum_w = [np.zeros_like(w) for w in W]
            sum_b = [np.zeros_like(b) for b in B]
            for i in rows:
                dw, db = backprop(Xc[i], Yc[i])
                for k in range(len(W)):
                    sum_w[k] += dw[k]
                    sum_b[k] += db[k]
            for k in range(len(W)):
                W[k] -= (ETA / len(rows)) * sum_w[k]
                B[k] -= (ETA / len(rows)) * sum_b[k]

    return _prepared(epoch, len(X))


def run_torch(sizes, X, Y, batch, dtype, repeats, threads=2):
    try:
        import torch
    except ImportError:
        raise Skip("PyTorch not installed (pip install torch==2.13.0)") from None
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    tdtype = getattr(torch, dtype)
    layers = []
    for p, n in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(p, n), torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers).to(tdtype)
    opt = torch.optim.SGD(model.parameters(), lr=ETA)
    Xt, Yt = torch.from_numpy(np.ascontiguousarray(X, dtype=dtype)), torch.from_numpy(np.ascontiguousarray(Y, dtype=dtype))
    gen = torch.Generator().manual_seed(0)

    def epoch():
        order = torch.randperm(len(Xt), generator=gen)
        for start in range(0, len(Xt), batch):
            rows = order[start : start + batch]
            x, y = Xt[rows], Yt[rows]
            opt.zero_grad(set_to_none=True)
            loss = 0.5 * ((model(x) - y) ** 2).sum() / len(rows)
            loss.backward()
            opt.step()

    return _prepared(epoch, len(X))


def _jax(dtype):
    try:
        import jax
    except ImportError:
        raise Skip("JAX not installed (pip install jax jaxlib)") from None
    jax.config.update("jax_enable_x64", True)  # float64 arrays stay float64; float32 stay float32
    return jax


def _jax_model(jax, sizes, dtype):
    jnp = jax.numpy
    rng = np.random.default_rng(0)
    params = [
        (jnp.asarray((rng.standard_normal((n, p)) / np.sqrt(p)).astype(dtype)), jnp.asarray(rng.standard_normal(n).astype(dtype)))
        for p, n in zip(sizes, sizes[1:])
    ]

    def loss(params, x, y):
        a = x
        for w, b in params:
            a = jax.nn.sigmoid(a @ w.T + b)
        return 0.5 * jnp.sum((a - y) ** 2) / x.shape[0]

    def update(params, x, y):
        grads = jax.grad(loss)(params, x, y)
        return jax.tree_util.tree_map(lambda p, g: p - ETA * g, params, grads)

    return params, update


def run_jax_step(sizes, X, Y, batch, dtype, repeats):
    jax = _jax(dtype)
    params, update = _jax_model(jax, sizes, dtype)
    step = jax.jit(update, donate_argnums=0)
    Xj, Yj = jax.numpy.asarray(X.astype(dtype)), jax.numpy.asarray(Y.astype(dtype))
    rng = np.random.default_rng(0)
    state = {"p": params}

    def epoch():
        order = jax.numpy.asarray(rng.permutation(len(X)))
        Xs, Ys = Xj[order], Yj[order]
        p = state["p"]
        for start in range(0, len(X), batch):
            p = step(p, Xs[start : start + batch], Ys[start : start + batch])
        jax.block_until_ready(p)
        state["p"] = p

    return _prepared(epoch, len(X))


def run_jax_scan(sizes, X, Y, batch, dtype, repeats):
    jax = _jax(dtype)
    jnp = jax.numpy
    params, update = _jax_model(jax, sizes, dtype)
    steps = len(X) // batch
    Xj, Yj = jnp.asarray(X.astype(dtype)), jnp.asarray(Y.astype(dtype))

    @jax.jit
    def epoch_scan(params, order):
        xs = Xj[order[: steps * batch]].reshape(steps, batch, -1)
        ys = Yj[order[: steps * batch]].reshape(steps, batch, -1)

        def body(p, xy):
            return update(p, *xy), None

        params, _ = jax.lax.scan(body, params, (xs, ys))
        return params

    rng = np.random.default_rng(0)
    state = {"p": params}

    def epoch():
        state["p"] = jax.block_until_ready(epoch_scan(state["p"], jnp.asarray(rng.permutation(len(X)))))

    return _prepared(epoch, steps * batch)


RUNNERS = [
    ("symbp fast path (NumPy, BLAS threads by size)", run_symbp),
    ("symbp fast path (NumPy, BLAS 2 threads forced)", lambda *a: run_symbp(*a, threads=2)),
    ("symbp numba backend", lambda *a: run_symbp(*a, backend="numba")),
    ("Nielsen per-sample loop (NumPy)", run_nielsen),
    ("PyTorch eager (2 threads)", run_torch),
    ("PyTorch eager (1 thread)", lambda *a: run_torch(*a, threads=1)),
    ("JAX step-jit", run_jax_step),
    ("JAX epoch lax.scan", run_jax_scan),
]


def describe_kernels() -> list[str]:
    """The BLAS libraries (kernel, version, threads) and the peers' thread settings, as measured with."""
    lines = []
    controller = _blas_controller()
    if controller is None:
        lines.append("BLAS: threadpoolctl not installed, library and threads unknown")
    else:
        for info in controller.info():
            if info.get("user_api") != "blas":
                continue
            lines.append(
                f"BLAS: {info.get('internal_api')} {info.get('version')} ({info.get('prefix')}), kernel "
                f"{info.get('architecture')}, {info.get('threading_layer')} threading, {info.get('num_threads')} threads "
                "by default"
            )
    lines.append(
        "symbp fast path: one BLAS thread for every mini-batch product below "
        f"{BLAS_PARALLEL_MACS:,} multiply-adds (Trainer.blas_threads), BLAS's default above; "
        "the 'forced' runner holds 2 threads for the whole epoch"
    )
    try:
        import numba

        lines.append(f"numba {numba.__version__}: compiled epoch for batches ≤ {SMALL_BATCH} (one thread, no BLAS); "
                     f"above, BLAS products (as the fast path) with compiled elementwise steps")
    except ImportError:
        lines.append("numba: not installed")
    try:
        import torch

        lines.append(f"PyTorch {torch.__version__}: torch.set_num_threads(2) or (1) per runner "
                     f"(intra-op default {torch.get_num_threads()} threads)")
    except ImportError:
        lines.append("PyTorch: not installed")
    try:
        import jax

        lines.append(f"JAX {jax.__version__} on {jax.devices()[0].platform}: XLA's own threads "
                     f"(XLA_FLAGS={os.environ.get('XLA_FLAGS', '') or 'unset'})")
    except ImportError:
        lines.append("JAX: not installed")
    return lines


def datasets(quick: bool):
    out = [("synthetic", [784, 30, 10], data.synthetic(2_000 if quick else 10_000, 784, 10, seed=0, test_fraction=0.0))]
    try:
        out.append(("digits", [64, 30, 10], data.digits(seed=0, test_fraction=0.0)))
    except data.DataUnavailable as exc:
        print(f"note: digits skipped: {exc}")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 synthetic samples, 1 timed epoch")
    parser.add_argument("--repeats", type=int, default=5, help="timed epochs per runner (best is kept)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else args.repeats
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())} before the run; numpy {np.__version__}")
    peaks = {dt: matmul_gflops(dt) for dt in ("float32", "float64")}
    controller = _blas_controller()
    single = {}
    if controller is not None:
        with controller.limit(limits=1, user_api="blas"):
            single = {dt: matmul_gflops(dt) for dt in ("float32", "float64")}
    for dt, g in peaks.items():
        one = f", {single[dt]:.1f} GFLOP/s with 1 BLAS thread" if dt in single else ""
        print(f"matmul {dt}: {g:.1f} GFLOP/s (2000×2000 product, default BLAS threads){one}")
    for line in describe_kernels():
        print(line)
    results = []
    for name, sizes, ds in datasets(args.quick):
        X, Y = ds.X_train, ds.Y_train
        for dtype in ("float32", "float64"):
            for batch in (10, 128):
                print(f"\n{name} {sizes}, {len(X)} samples, batch {batch}, {dtype}")
                row = {"data": name, "sizes": sizes, "samples": len(X), "batch": batch, "dtype": dtype, "rates": {}}
                prepared = {}
                for label, runner in RUNNERS:
                    try:
                        prepared[label] = runner(sizes, X, Y, batch, dtype, repeats)
                    except Skip as why:
                        print(f"  {label:<42} skipped: {why}")
                # round-robin: each round times one epoch of every runner, so a
                # burst of load on this machine hits them all alike; best kept
                best = {label: float("inf") for label in prepared}
                best_cpu = dict(best)
                for _ in range(repeats):
                    for label, (epoch, n) in prepared.items():
                        wall, cpu = time.perf_counter(), time.process_time()
                        epoch()
                        best[label] = min(best[label], time.perf_counter() - wall)
                        best_cpu[label] = min(best_cpu[label], time.process_time() - cpu)
                for label, (epoch, n) in prepared.items():
                    rate, cpu_rate = n / best[label], n / max(best_cpu[label], 1e-9)
                    row["rates"][label] = rate
                    row.setdefault("cpu_rates", {})[label] = cpu_rate
                    print(f"  {label:<42} {rate / 1e3:>9.1f}k samples/s   ({cpu_rate / 1e3:>7.1f}k per CPU-second)")
                results.append(row)
                _summarise(row, sizes, peaks[dtype], single.get(dtype))
    print_table(results)
    print(f"\nload average after the run: {' '.join(f'{v:.2f}' for v in os.getloadavg())} "
          f"(above the CPU count, other processes shared the machine and every figure is low)")
    if args.json:
        with open(args.json + ".tmp", "w") as f:
            json.dump({"matmul_gflops": peaks, "matmul_gflops_1_thread": single, "results": results}, f, indent=1)
        os.replace(args.json + ".tmp", args.json)
    return 0


def _best(rates: dict, ours: bool):
    picked = {k: v for k, v in rates.items() if k.startswith("symbp") == ours}
    return max(picked.items(), key=lambda kv: kv[1]) if picked else (None, None)


def print_table(results) -> None:
    """The eight configurations in one table: best symbp, fastest peer, their ratio (wall clock and per CPU-second)."""
    print("\n| [sizes] batch dtype | best symbp | fastest peer | ratio | ratio per CPU-second |")
    print("|---|---|---|---|---|")
    for row in results:
        name = "digits" if row["data"] == "digits" else str(row["sizes"]).replace(" ", "")
        label = f"{name} b{row['batch']} {'f32' if row['dtype'] == 'float32' else 'f64'}"
        ours, ours_rate = _best(row["rates"], True)
        peer, peer_rate = _best(row["rates"], False)
        if ours is None or peer is None:
            print(f"| {label} | {ours or '—'} | {peer or 'no peer installed'} | — | — |")
            continue
        cpu = row.get("cpu_rates", {})
        cpu_ours = max(v for k, v in cpu.items() if k.startswith("symbp"))
        cpu_peer = max(v for k, v in cpu.items() if not k.startswith("symbp"))
        print(f"| {label} | {ours_rate / 1e3:,.0f}k ({ours.replace('symbp ', '')}) | {peer_rate / 1e3:,.0f}k ({peer}) "
              f"| {ours_rate / peer_rate:.2f}× | {cpu_ours / cpu_peer:.2f}× |")


def _summarise(row, sizes, peak, single_peak=None):
    rates = row["rates"]
    ours = {k: v for k, v in rates.items() if k.startswith("symbp")}
    peers = {k: v for k, v in rates.items() if not k.startswith("symbp")}
    if not ours:
        return
    best_label, best = max(ours.items(), key=lambda kv: kv[1])
    line = f"  -> best symbp {best / 1e3:.1f}k"
    if peers:
        peer_label, peer = max(peers.items(), key=lambda kv: kv[1])
        line += f" = {best / peer:.2f}× the fastest peer ({peer_label}, {peer / 1e3:.1f}k)"
    gflops = best * flops_per_sample(sizes) / 1e9
    line += f"; {gflops:.1f} GFLOP/s = {100 * gflops / peak:.0f}% of matmul"
    if single_peak:
        line += f" ({100 * gflops / single_peak:.0f}% of 1-thread matmul)"
    print(line)


if __name__ == "__main__":
    sys.exit(main())
