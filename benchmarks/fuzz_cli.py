"""The command line the verdict fuzzers share (graph_fuzz.py, update_fuzz.py): ``--examples`` and
``--seed``, the tally printed with the time taken, exit status 1 when a tally counts a failure."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import Callable, Sequence


def main(run: Callable[[int, int], Counter], description: str, examples: int, failures: Sequence[str],
         argv=None) -> int:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--examples", type=int, default=examples)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    tally = run(args.examples, args.seed)
    print(dict(tally), f"{time.perf_counter() - start:.1f} s")
    return 1 if any(tally[name] for name in failures) else 0
