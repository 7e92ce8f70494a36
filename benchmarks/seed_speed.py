"""CPU time of `symbp verify --notes` on each seed, per run and per formula, optionally beside another checkout.

Run from the repository root:

    python benchmarks/seed_speed.py [--against OTHER_CHECKOUT] [--rounds N] [SEED ...]

Each seed (default: 000 003 004) is verified in a fresh process (cold caches, imports not counted), and the
CPU seconds (``time.process_time``, so other work on a shared machine does not count) are printed with the
number of rows, the median CPU time of one formula's ``verify`` call and the whole run divided by the rows
(the row-vector notes are judged mostly in their own terms, after the per-formula calls). With
``--against`` the same seeds run from the other checkout too, alternately, and the rows' verdicts of the two
are compared (they must be the same). The seeds are read from ``$SYMBP_SEEDS`` or ``../shared/seeds``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = r'''
import statistics, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import symbp
import symbp.verify.notes as notes
assert symbp.__file__.startswith(sys.argv[1]), symbp.__file__
calls = []
plain = notes.verify
def timed(text, *args, **kwargs):
    start = time.process_time()
    try:
        return plain(text, *args, **kwargs)
    finally:
        calls.append(time.process_time() - start)
notes.verify = timed
path = next(Path(sys.argv[2]).glob(sys.argv[3] + "_*.txt"))
start = time.process_time()
report = notes.verify_notes(path, "auto")
cpu = time.process_time() - start
median = statistics.median(calls) if calls else 0.0
print(cpu, len(report.rows), median, "|".join(f"{r.formula.line}:{r.result.status}" for r in report.rows))
'''


def seeds_folder() -> Path:
    folder = Path(os.environ["SYMBP_SEEDS"]) if os.environ.get("SYMBP_SEEDS") else ROOT.parent / "shared" / "seeds"
    if not folder.is_dir():
        raise SystemExit(f"seed_speed: the seed notes are not at {folder}; set SYMBP_SEEDS")
    return folder


def run(checkout: Path, seeds: Path, seed: str) -> tuple[float, int, float, str]:
    """(CPU seconds, rows, median seconds per verify call, the rows' verdicts) of one seed from ``checkout``."""
    out = subprocess.run([sys.executable, "-c", _RUN, str(checkout), str(seeds), seed], capture_output=True,
                         text=True, cwd="/tmp", check=False)
    if out.returncode:
        raise SystemExit(f"seed_speed: seed {seed} from {checkout} failed:\n{out.stderr[-3000:]}")
    cpu, rows, median, verdicts = out.stdout.strip().split(" ", 3)
    return float(cpu), int(rows), float(median), verdicts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="*", default=["000", "003", "004"])
    parser.add_argument("--against", type=Path, help="another checkout (e.g. `git archive main` unpacked)")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    folder = seeds_folder()
    trees = [("this", ROOT)] + ([("other", args.against.resolve())] if args.against else [])
    for seed in args.seeds:
        seen = {}
        for _ in range(args.rounds):
            for name, tree in trees:
                cpu, rows, median, verdicts = run(tree, folder, seed)
                seen.setdefault(name, verdicts)
                print(f"seed {seed} {name:5s} CPU {cpu:6.2f} s  rows {rows:3d}  median verify {median * 1000:5.0f} ms"
                      f"  run / rows {cpu / max(rows, 1) * 1000:5.0f} ms")
        if len(set(seen.values())) > 1:
            print(f"seed {seed}: the verdicts differ between the checkouts")


if __name__ == "__main__":
    main()
