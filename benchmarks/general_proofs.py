"""Time the whole all-sizes catalogue (issue 3; target: < 30 s on this machine).

Run from the repository root:  python benchmarks/general_proofs.py

Side by side:
* the catalogue for every (activation, cost) pair, all-sizes only and with the
  concrete cross-checks ([2, 3, 2], [3, 2, 2, 2], lemma sums written out);
* the first catalogue in a fresh process (SymPy's caches cold) and a repeat;
* a naive baseline: one two-layer BP2 with Indexed sums, differentiated with
  ``sympy.diff(...).doit()`` and compared with ``sympy.simplify`` (the route
  issue 3 measured at ~12 s), against the same equation through
  ``symbp.general.reduction.remainder``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy  # noqa: E402

from symbp import general  # noqa: E402
from symbp.functions import generic_function  # noqa: E402
from symbp.general.reduction import Range, remainder  # noqa: E402

NETWORKS = [
    (act, cost)
    for act in ("generic", "sigmoid", "tanh")
    for cost in ("quadratic", "cross-entropy", "softmax-cross-entropy", "mean-quadratic")
]


def catalogue(cross_check: bool) -> tuple[tuple, int, dict]:
    t0, c0 = time.perf_counter(), time.process_time()
    count, verdicts = 0, {}
    for act, cost in NETWORKS:
        for c in general.prove_catalogue(general.network(activation=act, cost=cost), cross_check=cross_check):
            count += 1
            verdicts[c.verdict] = verdicts.get(c.verdict, 0) + 1
    return (time.perf_counter() - t0, time.process_time() - c0), count, verdicts


def naive_bp2() -> tuple[tuple, str, tuple]:
    sig, sigp = generic_function("sigma")
    P = dict(integer=True, positive=True)
    n, m = sympy.Symbol("n_l", **P), sympy.Symbol("n_lp1", **P)
    i, j, k, r = sympy.symbols("i j k r", **P)
    w, b, z, y = (sympy.IndexedBase(s) for s in "wbzy")

    def znext(ii):
        return sympy.Sum(w[ii, k] * sig(z[k]), (k, 1, n)) + b[ii]

    C = sympy.Sum((sig(znext(i)) - y[i]) ** 2, (i, 1, m)) / 2
    rhs = sigp(z[j]) * sympy.Sum(w[r, j] * (sig(znext(r)) - y[r]) * sigp(znext(r)), (r, 1, m))
    t0, c0 = time.perf_counter(), time.process_time()
    naive = sympy.simplify(sympy.diff(C, z[j]).doit() - rhs)
    t_naive = (time.perf_counter() - t0, time.process_time() - c0)
    t0, c0 = time.perf_counter(), time.process_time()
    ours = remainder(sympy.diff(C, z[j]), rhs, [Range(j, 1, n)])
    t_ours = (time.perf_counter() - t0, time.process_time() - c0)
    status = "0" if naive == 0 else "not reduced to 0 (a Piecewise on j ≤ n_l and unmerged sums remain)"
    assert ours == 0
    return t_naive, status, t_ours


def main() -> None:
    cold, n, verdicts = catalogue(cross_check=False)
    warm, _, _ = catalogue(cross_check=False)
    checked, n2, verdicts2 = catalogue(cross_check=True)
    t_naive, status, t_ours = naive_bp2()
    print(f"networks: {len(NETWORKS)} (activation × cost); certificates per pass: {n}")
    print(f"{'run':<44}{'wall s':>9}{'cpu s':>9}")
    rows = [
        ("all-sizes catalogue, cold process", cold, str(verdicts)),
        ("all-sizes catalogue, repeat", warm, ""),
        ("all-sizes + concrete cross-checks", checked, str(verdicts2)),
        ("naive BP2 (diff.doit + simplify)", t_naive, f"result: {status}"),
        ("same BP2 through reduction.remainder", t_ours, "result: 0"),
    ]
    for label, (wall, cpu), note in rows:
        print(f"{label:<44}{wall:>9.3f}{cpu:>9.3f}   {note}")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
