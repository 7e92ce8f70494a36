"""``symbp bench train | fd``: run the benchmarks of symbp's source checkout.

    symbp bench train [--quick] [--json out.json]   # benchmarks/train_peers.py
    symbp bench fd [--quick]                         # benchmarks/fd.py

The scripts live in the checkout's ``benchmarks/`` folder (they import the
peers they compare against, which are not symbp dependencies). An installed
symbp finds the checkout it was installed from (``extras.source_checkout``),
so the command works from anywhere while that folder exists; when it is gone,
the error names the script to run in a checkout.
"""

from __future__ import annotations

import argparse
import os
import runpy
from pathlib import Path

from ..errors import SymbpError
from ..display.extras import source_checkout
from .common import with_examples

SCRIPTS = {"train": "train_peers.py", "fd": "fd.py"}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "bench",
        help="run a benchmark: train (symbp vs PyTorch, JAX, a per-sample loop) or fd (backprop vs finite differences)",
        description="Run a benchmark script from the benchmarks/ folder of the checkout symbp was installed from; "
                    "extra options go to the script.",
        epilog=with_examples(
            "symbp bench fd --quick                  # backprop vs finite differences on growing networks",
            "symbp bench train --quick               # the trainer against its peers (pip install \".[peers]\")",
            exits="0 the benchmark ran; 2 bad input (no checkout, unknown option); 70 internal error",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("which", choices=sorted(SCRIPTS),
                   help="train: side-by-side training speed; fd: the notes' closing claim (Nielsen, ch. 2): "
                        "one backward pass against a million forward ones")
    p.add_argument("options", nargs=argparse.REMAINDER, help="passed to the script (e.g. --quick)")
    p.set_defaults(func=run)


def script_path(which: str) -> "Path | None":
    """The script in the checkout symbp was installed from, else in ./benchmarks, else None."""
    checkout = source_checkout()
    for folder in ([checkout / "benchmarks"] if checkout else []) + [Path.cwd() / "benchmarks"]:
        path = folder / SCRIPTS[which]
        if path.is_file():
            return path
    return None


def run(args) -> int:
    path = script_path(args.which)
    if path is None:
        raise SymbpError(
            f"symbp bench {args.which} runs benchmarks/{SCRIPTS[args.which]} from symbp's source checkout, and the "
            "checkout this symbp was installed from is not known or no longer exists; in a checkout, run "
            f"`python benchmarks/{SCRIPTS[args.which]}` (or `symbp bench {args.which}` from its top folder)"
        )
    module = runpy.run_path(os.fspath(path), run_name="symbp_bench")
    return int(module["main"](args.options) or 0)
