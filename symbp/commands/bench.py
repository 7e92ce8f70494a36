"""``symbp bench train | fd``: run the benchmarks of a source checkout.

    symbp bench train [--quick] [--json out.json]   # benchmarks/train_peers.py
    symbp bench fd [--quick]                         # benchmarks/fd.py

The scripts live in the repository's ``benchmarks/`` folder (they import the
peers they compare against, which are not symbp dependencies), so this needs
a source checkout.
"""

from __future__ import annotations

import argparse
import os
import runpy

from ..errors import SymbpError

SCRIPTS = {"train": "train_peers.py", "fd": "fd.py"}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "bench",
        help="run a benchmark: train (symbp vs PyTorch, JAX, a per-sample loop) or fd (backprop vs finite differences)",
        description="Run a benchmark script from the source checkout's benchmarks/ folder; extra options go to it.",
    )
    p.add_argument("which", choices=sorted(SCRIPTS), help="train: side-by-side training speed; fd: seed 000's claim")
    p.add_argument("options", nargs=argparse.REMAINDER, help="passed to the script (e.g. --quick)")
    p.set_defaults(func=run)


def script_path(which: str) -> str:
    """The script beside the package's source tree, else in ./benchmarks."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for folder in (os.path.join(root, "benchmarks"), os.path.join(os.getcwd(), "benchmarks")):
        path = os.path.join(folder, SCRIPTS[which])
        if os.path.exists(path):
            return path
    return os.path.join(root, "benchmarks", SCRIPTS[which])


def run(args) -> int:
    path = script_path(args.which)
    if not os.path.exists(path):
        raise SymbpError(
            f"symbp bench {args.which} runs {SCRIPTS[args.which]} from the benchmarks/ folder of a source "
            f"checkout, and there is none at {path}"
        )
    module = runpy.run_path(path, run_name="symbp_bench")
    return int(module["main"](args.options) or 0)
