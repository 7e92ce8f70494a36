"""Regenerate every proof document in derivations/.

    python derivations/build.py           # write the .tex files
    python derivations/build.py --check   # exit 1 if a committed file is stale
    python derivations/build.py --pdf     # also compile each (needs pdflatex)

For each notation profile (nielsen, sokolinsky, dyda) it writes the whole
catalogue, one document per identity, and the worked examples. Every proof
comes from ``symbp.prove`` at build time; nothing is typed by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from symbp.latex import catalogue, document, engine, worked  # noqa: E402
from symbp.network import network  # noqa: E402

NOTATIONS = ("nielsen", "sokolinsky", "dyda")

#: The worked examples: (file stem, network spec). The sigmoid one is the
#: seeds' kind of exercise; the identity one has exact fractions throughout.
WORKED = (
    ("worked-2-3-2-sigmoid", dict(sizes=[2, 3, 2], activation="sigmoid")),
    ("worked-2-2-2-identity", dict(sizes=[2, 2, 2], activation="identity")),
)


def slug(name: str) -> str:
    """A file name for an identity (BP1' -> BP1-prime)."""
    return name.replace("'", "-prime").replace(" ", "-")


def documents() -> dict[str, str]:
    """Every document, keyed by its path relative to derivations/."""
    certs = catalogue.certificates()
    by_identity: dict[str, list] = {}
    for c in certs:
        by_identity.setdefault(c.identity, []).append(c)
    examples = [(stem, worked.worked_example(network(**spec))) for stem, spec in WORKED]
    out = {}
    for notation in NOTATIONS:
        out[f"{notation}/catalogue.tex"] = document.catalogue_document(certs, notation)
        for name, group in by_identity.items():
            out[f"{notation}/{slug(name)}.tex"] = document.identity_document(group, notation)
        for stem, ex in examples:
            out[f"{notation}/{stem}.tex"] = worked.worked_document(ex, notation)
    return out


def stale(docs: dict[str, str]) -> list[str]:
    """Paths whose committed file differs from ``docs`` (or is missing, or is no longer made)."""
    out = [rel for rel, tex in docs.items() if not (HERE / rel).is_file() or (HERE / rel).read_text(encoding="utf-8") != tex]
    for notation in NOTATIONS:
        for path in sorted((HERE / notation).glob("*.tex")):
            rel = f"{notation}/{path.name}"
            if rel not in docs:
                out.append(rel)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    parser.add_argument("--pdf", action="store_true", help="also compile every document (PDFs are not committed)")
    args = parser.parse_args(argv)
    docs = documents()
    old = stale(docs)
    if args.check:
        for rel in old:
            print(f"stale: derivations/{rel}")
        return 1 if old else 0
    for notation in NOTATIONS:
        (HERE / notation).mkdir(exist_ok=True)
        for path in (HERE / notation).glob("*.tex"):
            if f"{notation}/{path.name}" not in docs:
                path.unlink()  # an identity that left the catalogue
    for rel, tex in docs.items():
        engine.write_atomic(HERE / rel, tex)
        if args.pdf:
            engine.compile_pdf(HERE / rel)
    print(f"wrote {len(docs)} documents in {HERE} ({len(old)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
