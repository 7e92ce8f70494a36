"""Seed 000's closing claim, measured: backprop vs finite differences for one gradient.

    python benchmarks/fd.py          # or: symbp bench fd

The notes (Nielsen, ch. 2) end with: for a network of 1,000,000 weights, finite
differences need 1,000,001 forward passes (C(w) once, then C(w + h e_i) for
every weight i), backpropagation one forward and one backward pass. For
growing sigmoid networks with quadratic cost and one sample, this prints both
pass counts, the measured time of one backprop gradient (symbp's fast path,
float64), the time of the finite-difference gradient, and their ratio. Where
timing every pass would take minutes, a stated number of passes is timed and
the rest extrapolated (marked "extrapolated"). The finite differences that
were computed are compared with backprop, so the two gradients are shown to
agree. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # a source checkout

from symbp.numeric.train import Trainer  # noqa: E402
from symbp.display.progress import Progress  # noqa: E402

NETWORKS = [[4, 5, 3], [64, 30, 10], [784, 30, 10], [784, 100, 10], [1000, 999, 1]]
H = 1e-6


def measure(sizes, max_passes: int, repeats: int = 20) -> dict:
    model = Trainer(sizes, "sigmoid", "quadratic", dtype="float64", seed=0)
    rng = np.random.default_rng(1)
    x = rng.random((1, sizes[0]))
    y = rng.random((1, sizes[-1]))
    model.gradient(x, y)  # warm-up: buffers
    t = time.perf_counter()
    for _ in range(repeats):
        dW, db = model.gradient(x, y)
    bp_seconds = (time.perf_counter() - t) / repeats

    buf = model._buffer(1)

    def cost() -> float:
        a = model._forward(x, buf)
        return float(model.cost.numpy(a.T, y.T)[0])

    params = [(W, dW_l) for W, dW_l in zip(model.weights, dW)] + [(b, db_l) for b, db_l in zip(model.biases, db)]
    total = sum(P.size for P, _ in params)
    base_t = time.perf_counter()
    c0 = cost()
    done, worst = 0, 0.0
    for P, G in params:
        flat, gflat = P.reshape(-1), G.reshape(-1)
        # spread the timed passes over every layer (a stride), not only the first rows
        stride = max(1, total // max_passes)
        for i in range(0, flat.size, stride):
            keep = flat[i]
            flat[i] = keep + H
            fd = (cost() - c0) / H
            flat[i] = keep
            worst = max(worst, abs(fd - gflat[i]) / max(1e-3, abs(gflat[i])))
            done += 1
    fd_seconds_measured = time.perf_counter() - base_t
    per_pass = fd_seconds_measured / (done + 1)
    fd_seconds = per_pass * (total + 1)
    return {
        "sizes": sizes,
        "weights": total,
        "bp_passes": 2,
        "fd_passes": total + 1,
        "bp_seconds": bp_seconds,
        "fd_seconds": fd_seconds,
        "extrapolated": done < total,
        "timed_passes": done + 1,
        "worst_relative_difference": worst,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="backprop vs finite differences (Nielsen, ch. 2)")
    parser.add_argument("--max-passes", type=int, default=3000, help="time at most this many FD passes, extrapolate the rest")
    parser.add_argument("--quick", action="store_true", help="only the three smallest networks")
    args = parser.parse_args(argv)
    nets = NETWORKS[:3] if args.quick else NETWORKS
    print(f"{'network':<16} {'weights':>9} {'BP passes':>9} {'FD passes':>10} {'BP time':>10} {'FD time':>12} "
          f"{'FD/BP':>10}  FD vs BP (worst rel. diff, h = {H:g})")
    with Progress(len(nets), "measuring", "network") as bar:  # a bar on a terminal, a line every 10 s in a log
        for sizes in nets:
            r = measure(sizes, args.max_passes)
            fd = f"{r['fd_seconds']:.3g} s" + ("*" if r["extrapolated"] else "")
            bar.print(f"{str(sizes).replace(' ', ''):<16} {r['weights']:>9,} {r['bp_passes']:>9} {r['fd_passes']:>10,} "
                      f"{r['bp_seconds'] * 1e6:>8.0f}µs {fd:>12} {r['fd_seconds'] / r['bp_seconds']:>10,.0f}  "
                      f"{r['worst_relative_difference']:.1e} over {r['timed_passes'] - 1:,} weights")
            bar.update()
    print("* extrapolated from the timed passes (time per pass × passes); BP time is one forward + one backward pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
