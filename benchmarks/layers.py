"""The layer identities proved exactly: time at the default shape, the largest shape within the limit, and naive SymPy.

* symbp exact: ``prove(identity, layer, method="exact")`` — zero polynomials in the atoms;
* naive: the forward pass as SymPy expressions (1/√, exp, tanh as SymPy functions),
  L = Σ_o g_o y_o, ``sympy.diff`` for every entry, then ``sympy.simplify(truth − formula) == 0``
  per entry (what one writes first).

Each run is a fresh process with a wall-clock limit (default 60 s). For each layer kind the
shape grows along one size until ``exact`` no longer finishes within the limit; the naive
baseline runs on the default shape and on the largest shape ``exact`` finished.

    python benchmarks/layers.py                  # every identity at its default shape, then the growth runs
    python benchmarks/layers.py --quick          # default shapes only
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time

#: One size that grows per layer kind, and the identity it is measured on (the costliest of the kind).
GROWTH = {
    "conv1d": ("conv1d-input-gradient", "input={n}", (8, 16, 32, 64, 128, 256, 512)),
    "conv2d": ("conv2d-input-gradient", "in_channels=2,out_channels=2,kernel=3,padding=1,input={n}x{n}", (4, 8, 12, 16, 24, 32)),
    "maxpool": ("maxpool-input-gradient", "input={n}x{n}", (4, 8, 16, 32, 64, 128)),
    "avgpool": ("avgpool-input-gradient", "input={n}x{n}", (4, 8, 16, 32, 64, 128)),
    "batchnorm": ("batchnorm-input-gradient", "batch={n},features=2", (4, 8, 16, 32, 64)),
    "layernorm": ("layernorm-input-gradient", "batch=2,features={n}", (4, 8, 16, 32, 64)),
    "residual": ("residual-gradient", "features={n}", (8, 16, 32, 64, 128, 256)),
    "dropout": ("dropout-gradient", "features={n}", (64, 256, 1024, 4096, 16384)),
    "rnn": ("rnn-weight-gradients", "inputs=2,hidden=2,steps={n}", (3, 4, 5, 6, 7, 8, 10, 12)),
    "attention": ("attention-key-gradient", "queries={n},keys={n},dim=2,values=2", (2, 3, 4, 6, 8, 12)),
    "softmax": ("softmax-backward", "size={n}", (4, 8, 16, 32, 64, 128)),
    "softmax-ce": ("softmax-ce-gradient", "classes={n}", (4, 8, 16, 32, 64, 128)),
}


class SympyField:
    """The forward pass as SymPy expressions: every leaf a Symbol, every function SymPy's own."""

    name = "sympy"

    def __init__(self):
        import sympy

        self.sp = sympy
        self.probes: dict = {}

    def leaf(self, name, idx):
        return self.sp.Symbol(f"{name}_{'_'.join(map(str, idx))}")

    def const(self, q):
        return self.sp.Rational(q.numerator, q.denominator) if hasattr(q, "denominator") else self.sp.Integer(q)

    def function(self, fname, key, arg):
        sp = self.sp
        if fname == "rsqrt":
            return 1 / sp.sqrt(arg)
        if fname == "exp":
            return sp.exp(arg)
        if fname == "recip":
            return 1 / arg
        if fname == "log":
            return sp.log(arg)
        if fname == "tanh":
            return sp.tanh(arg)
        raise ValueError(f"naive baseline: no SymPy function for {fname}")

    def indicator(self, key, values, position):
        raise ValueError("naive baseline: max pooling has no SymPy derivative that simplify decides")

    def inv_sqrt_const(self, n):
        return 1 / self.sp.sqrt(n)

    def block(self, name, i, args):
        f = self.sp.Function(f"F{i}")(*args)
        return f, [self.sp.diff(f, a) for a in args]

    def probe(self, name, idx, value):
        eps = self.sp.Symbol(f"probe_{name}_{'_'.join(map(str, idx))}")
        self.probes[(name, idx)] = eps
        return value + eps

    def is_zero(self, e):
        return e == 0


def _naive(kind, shape):
    import sympy

    from symbp import layers
    from symbp.layers.identity import run

    name = GROWTH[kind][0] if kind in GROWTH else kind
    ident = layers.get(name)
    spec = layers.layer(ident.kind, shape)
    if getattr(spec, "activation", "tanh") == "generic":
        spec = spec.with_shape(activation="tanh")
    field = SympyField()
    v = run(spec, field, ident.wrt)
    loss = sum(v.g[o] * y.value for o, y in v._outputs.items())
    claim = ident.claim(v)
    checks = 0
    for (n, idx), rhs in claim.items():
        if (n, idx) in field.probes:
            eps = field.probes[(n, idx)]
            truth = sympy.diff(loss, eps).subs({e: 0 for e in field.probes.values()})
            rhs = rhs.subs({e: 0 for e in field.probes.values()})
        else:
            truth = sympy.diff(loss, field.leaf(n, idx))
            if field.probes:
                truth, rhs = (t.subs({e: 0 for e in field.probes.values()}) for t in (truth, rhs))
        checks += 1
        if sympy.simplify(truth - rhs) != 0:
            raise AssertionError(f"simplify did not reach 0 at {n}{idx}")
    return f"{checks} entries"


def _exact(name, shape):
    from symbp import layers, prove

    ident = layers.get(name)
    cert = prove(ident, layers.layer(ident.kind, shape), method="exact", budget=1e9)
    if cert.verdict != "proved":
        raise AssertionError(f"{cert.verdict}: {cert.reason}")
    return f"{cert.instances} entries, {cert.details.get('atoms')} atoms"


def _child(conn, what, name, shape):
    start = time.perf_counter()
    try:
        status = _naive(name, shape) if what == "naive" else _exact(name, shape)
    except Exception as exc:  # reported in the table, not hidden
        status = f"failed: {exc}"
    conn.send((time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, status))


def run_one(what, name, shape, limit):
    parent, child = mp.Pipe(duplex=False)
    proc = mp.Process(target=_child, args=(child, what, name, shape))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, None, f"over {limit:g} s"
    return parent.recv() if parent.poll() else (None, None, "crashed")


def _row(label, shape, what, result):
    seconds, peak, status = result
    s = f"{seconds:8.3f}" if seconds is not None else f"{'—':>8}"
    m = f"{peak:7.0f}" if peak is not None else f"{'—':>7}"
    print(f"{label:30} {shape or '(default)':52} {what:6} {s} {m}  {status}", flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per run (default 60)")
    ap.add_argument("--quick", action="store_true", help="default shapes only (no growth runs)")
    ap.add_argument("--kind", action="append", help="only these layer kinds")
    args = ap.parse_args(argv)
    from symbp import layers

    print(f"limit {args.limit:g} s per run; seconds and peak RSS (MB) of a fresh process")
    print(f"{'identity':30} {'shape':52} {'method':6} {'seconds':>8} {'peak MB':>7}  result")
    for ident in layers.IDENTITIES:
        if args.kind and ident.kind not in args.kind:
            continue
        _row(ident.name, "", "exact", run_one("exact", ident.name, "", args.limit))
        _row(ident.name, "", "naive", run_one("naive", ident.name, "", args.limit))
    if args.quick:
        return 0
    print("\nlargest shape exact finishes within the limit (growing one size):")
    for kind, (name, template, sizes) in GROWTH.items():
        if args.kind and kind not in args.kind:
            continue
        last = None
        for n in sizes:
            shape = template.format(n=n)
            result = run_one("exact", name, shape, args.limit)
            _row(name, shape, "exact", result)
            if result[0] is None or result[2].startswith("failed"):
                break
            last = shape
        if last is not None:
            _row(name, last, "naive", run_one("naive", kind, last, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
