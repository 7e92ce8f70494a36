"""Benchmark: generate and compile the full catalogue document in one notation.

    python benchmarks/latex_build.py [--notation nielsen] [--repeat 3]

Target (issue 4): under 10 s on the development machine, proving included.
Prints each phase's best time over the repeats: proving the catalogue
(symbp.prove on every identity's networks), rendering the document, and
compiling it with pdflatex.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from symbp.files import write_atomic  # noqa: E402
from symbp.latex import catalogue, document, engine  # noqa: E402


def run_once(notation: str, folder: Path) -> dict:
    t0 = time.perf_counter()
    certs = catalogue.certificates()
    t1 = time.perf_counter()
    tex = document.catalogue_document(certs, notation)
    t2 = time.perf_counter()
    path = write_atomic(folder / f"catalogue-{notation}.tex", tex, what="the document")
    pdf = engine.compile_pdf(path)
    t3 = time.perf_counter()
    return {"prove": t1 - t0, "render": t2 - t1, "compile": t3 - t2, "total": t3 - t0,
            "certificates": len(certs), "pages_bytes": pdf.stat().st_size}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notation", default="all", help="nielsen, sokolinsky, dyda or all (default)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if engine.find_engine() is None:
        print("no LaTeX engine: install texlive-latex-base to run this benchmark", file=sys.stderr)
        return 2
    notations = ("nielsen", "sokolinsky", "dyda") if args.notation == "all" else (args.notation,)
    print(f"{'notation':12} {'certs':>5} {'prove s':>8} {'render s':>9} {'compile s':>10} {'total s':>8}  target < 10 s")
    with tempfile.TemporaryDirectory() as tmp:
        for notation in notations:
            runs = [run_once(notation, Path(tmp)) for _ in range(args.repeat)]
            best = {k: min(r[k] for r in runs) for k in ("prove", "render", "compile", "total")}
            print(f"{notation:12} {runs[0]['certificates']:>5} {best['prove']:>8.2f} {best['render']:>9.3f}"
                  f" {best['compile']:>10.2f} {best['total']:>8.2f}  {'ok' if best['total'] < 10 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
