"""Speed of `symbp verify`: median time per corpus formula and the seeds errata run (< 60 s).

Run from anywhere:  python benchmarks/verify_speed.py [--no-errata]  (its data are found beside this file;
the seeds in ../shared/seeds beside the checkout or in $SYMBP_SEEDS, as derivations/seed_errata.py finds them)
Each formula of the verify corpus (correct ones and mutants, diagnosis included)
and of the soundness corpus (tests/data/soundness_corpus.toml, issue 12: target
median < 50 ms) is verified, first with a cold cache of networks (ground truth
rebuilt for each formula), then warm (the networks of one set of notes shared),
then the whole errata run is timed.
"""

from __future__ import annotations

import statistics
import sys
import time
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "derivations"))  # seed_errata: where the seeds are

from symbp import verify as verify_module  # noqa: E402
import importlib  # noqa: E402

check_module = importlib.import_module("symbp.verify.check")  # the module (symbp.verify.check is also a function)


def soundness_jobs() -> list:
    cases = tomllib.loads((ROOT / "tests" / "data" / "soundness_corpus.toml").read_text(encoding="utf-8"))["case"]
    jobs = []
    for c in cases:
        notation = c.get("notation", "nielsen")
        if notation.endswith(".toml"):
            from symbp.notation import load

            notation = load(ROOT / notation)
        opts = dict(cost=c.get("cost", "quadratic"), activation=c.get("activation", "generic"),
                    one_hot=c.get("one_hot", False))
        if "sizes" in c:
            opts["sizes"] = tuple(c["sizes"])
        jobs.append((c["formula"], notation, opts))
    return jobs


def timed(jobs: list, cold: bool) -> tuple[list[float], list[float]]:
    """(wall-clock seconds, CPU seconds) per formula: on a shared machine the CPU time is the steadier figure."""
    times, cpu = [], []
    for formula, notation, opts in jobs:
        if cold:
            check_module._CONTEXTS.clear()
        start, c0 = time.perf_counter(), time.process_time()
        verify_module.verify(formula, notation, **opts)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - c0)
    return times, cpu


def corpus_times() -> list[float]:
    data = tomllib.loads((ROOT / "tests" / "data" / "verify_corpus.toml").read_text(encoding="utf-8"))
    jobs = []
    for e in data["correct"]:
        opts = dict(cost=e.get("cost", "quadratic"), one_hot=e.get("one_hot", False))
        jobs.append((e["formula"], e["notation"], opts))
        jobs.extend((m, e["notation"], opts) for m, _ in e["mutants"])
    jobs.extend((e["formula"], e["notation"], dict(cost=e.get("cost", "quadratic"))) for e in data["wrong"])
    times = []
    for formula, notation, opts in jobs:
        check_module._CONTEXTS.clear()  # cold: ground truth recomputed for each formula
        start = time.perf_counter()
        verify_module.verify(formula, notation, **opts)
        times.append(time.perf_counter() - start)
    return times


BAD_INPUTS = [
    "{" * 201 + "1" + "}" * 201 + " = 1",
    "x_1 + " * 700 + "x_1 = 1",
    r"\frac{}{} = 1",
    r"\delta^L } = 1",
    r"\delta^{L = 1",
    r"\foo = 1",
    "(" * 199 + "x_1" + ")" * 199 + " = x_1",
]


def bad_input_times() -> list[float]:
    from symbp.verify.reader import ReadError, read

    times = []
    for text in BAD_INPUTS:
        start = time.perf_counter()
        try:
            read(text)
        except ReadError:
            pass
        times.append(time.perf_counter() - start)
    return times


def notes_times() -> tuple[list[float], list[tuple[str, float, int]]]:
    """Notes mode end to end on the seeds 000–003 (finding, inferring the notation and the model, checking,
    diagnosing): each checked row's own time, and per seed the wall time over the formulas found."""
    from symbp.verify.notes import verify_notes

    from seed_errata import seeds_folder

    rows, seeds = [], []
    # review (layouts, finding 8): the seeds beside the checkout or in $SYMBP_SEEDS, never relative to the cwd
    for path in sorted(seeds_folder().glob("00[0-3]_*.txt")):
        check_module._CONTEXTS.clear()
        start = time.perf_counter()
        report = verify_notes(path)
        wall = time.perf_counter() - start
        found = sum(report.account().values())
        seeds.append((path.name[:3], wall, found))
        rows += [r.result.seconds for r in report.rows]
    return rows, seeds


def main() -> None:
    jobs = soundness_jobs()
    for cold in (True, False):
        times, cpu = timed(jobs, cold)
        print(f"soundness corpus ({'cold' if cold else 'warm'}): {len(times)} formulas, median "
              f"{statistics.median(times) * 1000:.1f} ms (CPU {statistics.median(cpu) * 1000:.1f} ms), "
              f"max {max(times) * 1000:.0f} ms (target: median < 50 ms)")
        slow = sorted(zip(times, (j[0] for j in jobs)), reverse=True)[:3]
        print("  slowest: " + "; ".join(f"{t:.2f} s {f[:50]}" for t, f in slow))
    bad = bad_input_times()
    print(f"bad input: {len(bad)} cases, slowest {max(bad) * 1000:.2f} ms (target < 100 ms)")
    times = corpus_times()
    print(f"verify corpus (cold): {len(times)} formulas, median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms (target: median < 1000 ms)")
    rows, seeds = notes_times()
    if not rows:
        raise SystemExit("verify_speed: no checked rows in the seeds 000–003 (is the seeds' folder empty?)")
    print(f"notes mode (seeds 000–003, notation and model inferred): {len(rows)} checked rows, median "
          f"{statistics.median(rows) * 1000:.1f} ms per row (target < 100 ms); per formula found, end to end: "
          + ", ".join(f"seed {name} {wall / found * 1000:.0f} ms ({found} in {wall:.1f} s)" for name, wall, found in seeds))
    if "--no-errata" in sys.argv:
        return
    import seed_errata

    check_module._CONTEXTS.clear()
    out = Path("/tmp/seed-errata-bench.md")
    seconds = seed_errata.main(str(out))
    print(f"seeds errata run: {seconds:.2f} s (target < 60 s)")


if __name__ == "__main__":
    main()
