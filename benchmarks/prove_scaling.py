"""Certify BP1–BP4 for every parameter of growing networks, three ways, side by side.

* naive: ``sympy.diff`` of the composed cost for each parameter and each δ,
  then ``sympy.simplify(lhs - rhs) == 0`` per instance (what one writes first);
* symbp exact: zero polynomials in the atoms (``prove(..., method="exact")``);
* symbp pit: random points of 𝔽_p (``method="pit"``).

Each run is a fresh process with a wall-clock limit (default 60 s); the table
gives seconds and the child's peak RSS. Run: ``python benchmarks/prove_scaling.py``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time

NETWORKS = [[2, 2, 2], [2, 3, 2], [3, 4, 3], [4, 8, 8, 4], [8, 16, 16, 8], [16, 32, 32, 10], [784, 30, 10]]
IDENTITIES = ("BP1", "BP2", "BP3", "BP4")


def _naive(sizes, activation):
    import sympy

    from symbp.network import network

    net = network(sizes, activation=activation)
    L = net.L
    C = net.composed_cost()
    zs, acts = net.forward()
    act = lambda l, j, z: net.activation(l, j).expr(z)  # noqa: E731
    prime = lambda l, j, z: net.activation(l, j).prime(z)  # noqa: E731

    def cost_from(l):
        # C written as a function of free symbols z^l, composed forwards.
        zsym = [sympy.Symbol(f"Z{l}_{j}") for j in range(1, net.n(l) + 1)]
        a = [act(l, j, zsym[j - 1]) for j in range(1, net.n(l) + 1)]
        for m in range(l + 1, L + 1):
            z = [sum(net.weight(m, j, k) * a[k - 1] for k in range(1, net.n(m - 1) + 1)) + net.bias(m, j) for j in range(1, net.n(m) + 1)]
            a = [act(m, j, z[j - 1]) for j in range(1, net.n(m) + 1)]
        return net.cost_entry.expr(a, net.targets()), zsym

    delta = {}
    for l in net.layers:
        Cl, zsym = cost_from(l)
        back = dict(zip(zsym, zs[l]))
        delta[l] = [sympy.diff(Cl, zj).xreplace(back) for zj in zsym]
    checks = 0

    def holds(lhs, rhs):
        nonlocal checks
        checks += 1
        if sympy.simplify(lhs - rhs) != 0:
            raise AssertionError("simplify did not reach 0")

    asym = [sympy.Symbol(f"A{j}") for j in range(1, net.n(L) + 1)]
    grad = net.cost_entry.grad(asym, net.targets())
    for j in range(1, net.n(L) + 1):  # BP1
        nabla = grad[j - 1].xreplace(dict(zip(asym, acts[L])))
        holds(delta[L][j - 1], nabla * prime(L, j, zs[L][j - 1]))
    for l in range(2, L):  # BP2
        for j in range(1, net.n(l) + 1):
            rhs = sum(net.weight(l + 1, i, j) * delta[l + 1][i - 1] for i in range(1, net.n(l + 1) + 1)) * prime(l, j, zs[l][j - 1])
            holds(delta[l][j - 1], rhs)
    for l in net.layers:  # BP3, BP4
        for j in range(1, net.n(l) + 1):
            holds(sympy.diff(C, net.bias(l, j)), delta[l][j - 1])
            for k in range(1, net.n(l - 1) + 1):
                holds(sympy.diff(C, net.weight(l, j, k)), acts[l - 1][k - 1] * delta[l][j - 1])
    return checks


def _symbp(sizes, activation, method, budget):
    from symbp.network import network
    from symbp.prove import prove

    net = network(sizes, activation=activation)
    total = 0
    for name in IDENTITIES:
        cert = prove(name, net, method=method, budget=budget)
        want = "proved" if method == "exact" else "probably-true"
        if cert.verdict != want:
            raise AssertionError(f"{name}: {cert.verdict} ({cert.reason})")
        total += cert.instances
    return total


def _child(conn, kind, sizes, activation, budget):
    start = time.perf_counter()
    try:
        n = _naive(sizes, activation) if kind == "naive" else _symbp(sizes, activation, kind, budget)
        status = f"{n} instances"
    except Exception as exc:  # reported in the table, not hidden
        status = f"failed: {exc}"
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((seconds, peak_mb, status))


def run_one(kind, sizes, activation, limit):
    parent, child = mp.Pipe(duplex=False)
    proc = mp.Process(target=_child, args=(child, kind, sizes, activation, limit))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, None, f"over {limit:g} s"
    return parent.recv() if parent.poll() else (None, None, "crashed")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per run (default 60)")
    ap.add_argument("--activation", default="sigmoid")
    ap.add_argument("--quick", action="store_true", help="only the three smallest networks")
    args = ap.parse_args(argv)
    nets = NETWORKS[:3] if args.quick else NETWORKS
    print(f"BP1–BP4 on every parameter, activation={args.activation}, limit {args.limit:g} s per run")
    print(f"{'network':>16} {'params':>7} | {'method':>6} {'seconds':>8} {'peak MB':>8}  result")
    skip = set()
    for sizes in nets:
        params = sum(sizes[i] * (sizes[i - 1] + 1) for i in range(1, len(sizes)))
        for kind in ("naive", "exact", "pit"):
            if kind in skip:
                print(f"{str(sizes):>16} {params:>7} | {kind:>6} {'—':>8} {'—':>8}  skipped (a smaller network already ran out)")
                continue
            seconds, peak, status = run_one(kind, sizes, args.activation, args.limit)
            s = f"{seconds:8.2f}" if seconds is not None else f"{'—':>8}"
            m = f"{peak:8.0f}" if peak is not None else f"{'—':>8}"
            print(f"{str(sizes):>16} {params:>7} | {kind:>6} {s} {m}  {status}", flush=True)
            if seconds is None or status.startswith("failed"):
                skip.add(kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
