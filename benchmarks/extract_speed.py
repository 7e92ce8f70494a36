"""Speed of finding the formulas in notes: extraction must be linear in the size of the file.

Run from the repository root:  python benchmarks/extract_speed.py
Times ``extract_all`` (scan + rows + buckets, no verification) on pathological
inputs of growing size (12,000 lines of unclosed ``\\begin{equation}``: 13.7 s
with the old display regex; unclosed ``$``; unmatched backticks) and on the
seeds. Linear means the time per line stays flat as the size doubles.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symbp.verify.extract import extract_all  # noqa: E402

SEEDS = Path(os.environ.get("SYMBP_SEEDS") or ROOT.parent / "shared" / "seeds")  # beside the checkout

CASES = {
    "unclosed \\begin{equation} (latex)": ("\\begin{equation}\n", "latex"),
    "unclosed \\begin{equation} + a line (markdown)": ("\\begin{equation}\nx = 1\n", "markdown"),
    "lone $ (markdown)": ("$ a = b\n", "markdown"),
    "unmatched backticks (markdown)": ("`` ` ``` x\n", "markdown"),
    "closed displays (markdown)": ("$$a^l = \\sigma(z^l)$$\n\n", "markdown"),
}


def timed(text: str, kind: str) -> tuple[float, int]:
    start = time.perf_counter()
    items = extract_all(text, kind)
    return time.perf_counter() - start, len(items)


def main(argv: list[str] | None = None) -> int:
    print(f"{'input':48} {'lines':>7} {'formulas':>9} {'seconds':>8} {'µs/line':>8}")
    for name, (unit, kind) in CASES.items():
        for repeat in (3_000, 6_000, 12_000):
            text = unit * repeat
            seconds, n = timed(text, kind)
            lines = text.count("\n")
            print(f"{name:48} {lines:>7} {n:>9} {seconds:>8.3f} {1e6 * seconds / lines:>8.1f}")
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            seconds, n = timed(text, "markdown")
            lines = text.count("\n")
            print(f"{'seed ' + path.name[:3]:48} {lines:>7} {n:>9} {seconds:>8.3f} {1e6 * seconds / lines:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
