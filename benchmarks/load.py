r"""Load and limits: verifying a large notes file formula by formula in a sandboxed worker.

Builds notes files of 250 … 2,000 formulas (correct formulas of the verifier's
corpus, their mutants, unreadable garbage, and a few "CAS bombs": formulas
whose exact expansion would run for minutes), verifies each formula in a
``symbp.testing.sandbox.Sandbox`` worker (timeout, address-space limit), and reports
time per formula, total time against size, and peak RSS of the parent and of
the worker. A bomb is stopped by the timeout and reported ``undecided``; the
rest of the file continues.

    python benchmarks/load.py                      # sizes 250, 500, 1000, 2000
    python benchmarks/load.py --sizes 2000 --timeout 5 --memory-mb 1536
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from symbp.testing.sandbox import Outcome, Sandbox

# Used when the verifier's corpus is not there: BP1–BP4 and the usual slips (Nielsen, ch. 2, Nielsen).
_FALLBACK = (
    r"\delta^L = \nabla_a C \odot \sigma'(z^L)",
    r"\delta^L = \nabla_a C",
    r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)",
    r"\delta^l = (w^{l+1} \delta^{l+1}) \odot \sigma'(z^l)",
    r"\frac{\partial C}{\partial b^l_j} = \delta^l_j",
    r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j",
    r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",
    r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k",
)
_GARBAGE = (r"\delta^l = \frac{", r"w^{l+1 = \odot", r"\foo{x} = 1", "δ = ∂C/∂ = =", r"\left( \delta^l \right. = 1")
# Exact expansion of a 6-term sum of ground-truth quantities to the 8th power
# (the reader's cap): verify's own budget is not consulted inside one
# polynomial product, so only the sandbox stops it.
BOMB = r"\delta^l_j = (\delta^l_j + a^{l-1}_k + w^l_{jk} + b^l_j + z^l_j + a^l_j)^{8}"


def formula_pool() -> list[str]:
    """Nielsen-notation formulas (correct and wrong) for the generated notes."""
    corpus = ROOT / "tests" / "data" / "verify_corpus.toml"
    pool: list[str] = []
    if corpus.exists():
        import tomllib

        data = tomllib.loads(corpus.read_text(encoding="utf-8"))
        for kind in ("correct", "wrong"):
            for entry in data.get(kind, []):
                if entry.get("notation", "nielsen") != "nielsen" or entry.get("cost") or entry.get("activation"):
                    continue
                pool.append(entry["formula"])
                pool.extend(m[0] for m in entry.get("mutants", []))
    return pool or list(_FALLBACK)


_SPACES = (r"\,", r"\;", r"\!", r"\:")


def _variant(formula: str, n: int) -> str:
    # The notes reader folds repeated formulas; spacing macros (which the reader
    # drops) make each copy a distinct claim with the same meaning.
    marks = []
    for _ in range(6):
        marks.append(_SPACES[n % 4])
        n //= 4
    lhs, eq, rhs = formula.partition("=")
    return f"{lhs}={''.join(marks)} {rhs}" if eq else formula


def make_notes(path: Path, n: int, bombs: int = 3, garbage_every: int = 50) -> dict:
    """Write a .tex file with ``n`` formulas; return what it holds."""
    pool = formula_pool()
    kinds = Counter()
    lines = [r"\section*{Generated notes for the load benchmark}"]
    bomb_at = {int((i + 1) * n / (bombs + 1)) for i in range(bombs)}
    for i in range(n):
        if i in bomb_at:
            text, kind = _variant(BOMB, i), "bomb"
        elif garbage_every and i % garbage_every == garbage_every - 1:
            g = i // garbage_every
            text, kind = _GARBAGE[g % len(_GARBAGE)] + f" + {i}", "garbage"
        else:
            text, kind = _variant(pool[i % len(pool)], i // len(pool)), "formula"
        kinds[kind] += 1
        lines.append(f"Claim {i + 1}:")
        lines.append(f"\\[ {text} \\]")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return dict(kinds)


def verify_one(text: str, notation: str, budget: float):
    """The step run in the worker (module level, so it can be sent to it)."""
    from symbp.verify import verify

    return verify(text, notation, budget=budget)


def _rss_mb(pid) -> float:
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 2**20
    except Exception:
        return float("nan")


def verify_notes_sandboxed(path: Path, notation: str = "nielsen", *, budget: float = 10.0, timeout: float = 20.0,
                           memory_mb: int = 2048) -> dict:
    """Verify every formula of ``path``, each in the sandbox; statuses, timings and peak worker RSS."""
    from symbp.verify.extract import extract

    formulas = extract(path.read_text(encoding="utf-8"))
    statuses: Counter = Counter()
    stopped = []
    worker_peak = 0.0
    completed_seconds = 0.0
    with Sandbox(timeout=timeout, memory_mb=memory_mb) as box:
        warm = box.run(verify_one, r"\delta^L = \nabla_a C \odot \sigma'(z^L)", notation, budget)  # start-up, not timed
        if not warm.ok:
            raise RuntimeError(f"the worker could not verify a formula: {warm.reason}")
        start = time.perf_counter()
        for i, f in enumerate(formulas):
            out: Outcome = box.run(verify_one, f.text, notation, budget)
            if out.ok:
                statuses[out.value.status] += 1
                completed_seconds += out.seconds
            else:
                statuses["undecided"] += 1  # stopped by the sandbox: undecided, with the reason
                stopped.append((f.line, out.status, out.reason.splitlines()[0], round(out.seconds, 1)))
            if i % 25 == 0 and box.pid:
                worker_peak = max(worker_peak, _rss_mb(box.pid))
        if box.pid:
            worker_peak = max(worker_peak, _rss_mb(box.pid))
        restarts = box.restarts
    seconds = time.perf_counter() - start
    done = max(len(formulas) - len(stopped), 1)
    return dict(formulas=len(formulas), statuses=dict(statuses), stopped=stopped, seconds=seconds,
                per_formula_ms=1000 * seconds / max(len(formulas), 1), completed_ms=1000 * completed_seconds / done,
                worker_peak_rss_mb=worker_peak, restarts=restarts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="load benchmark of symbp verify on large notes files")
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--budget", type=float, default=10.0, help="verify's own budget per formula (s)")
    parser.add_argument("--timeout", type=float, default=8.0, help="the sandbox's hard limit per formula (s)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="the worker's address-space limit")
    parser.add_argument("--bombs", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        import symbp.verify  # noqa: F401
    except ImportError:
        print("symbp.verify is not in this build: nothing to load-test")
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"notes-{n}.tex"
            kinds = make_notes(path, n, bombs=args.bombs)
            r = verify_notes_sandboxed(path, budget=args.budget, timeout=args.timeout, memory_mb=args.memory_mb)
            parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            rows.append((n, kinds, r, parent))
            print(f"{n:5} formulas written {kinds}, {r['formulas']} claims extracted: {r['seconds']:7.1f} s in all, "
                  f"{r['per_formula_ms']:6.1f} ms/claim ({r['completed_ms']:.1f} ms per completed claim), "
                  f"worker peak RSS {r['worker_peak_rss_mb']:.0f} MB, parent peak RSS {parent:.0f} MB, "
                  f"worker restarts {r['restarts']}")
            print(f"      statuses {r['statuses']}")
            for line, status, reason, secs in r["stopped"]:
                print(f"      line {line}: {status} after {secs} s: {reason}")
    if len(rows) > 1:
        (n0, _, r0, _), (n1, _, r1, _) = rows[0], rows[-1]
        print(f"time ratio {r1['seconds'] / r0['seconds']:.2f} for a size ratio {n1 / n0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
