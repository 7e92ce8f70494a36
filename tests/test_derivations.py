"""derivations/: the committed documents are current, and every one compiles.

Compiling needs a LaTeX engine (Debian: texlive-latex-base
texlive-latex-recommended); the compile test is skipped only when none is
installed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _build():
    spec = importlib.util.spec_from_file_location("derivations_build", ROOT / "derivations" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def docs():
    return _build().documents()


def test_committed_documents_are_current(docs):
    stale = _build().stale(docs)
    assert not stale, f"run `python derivations/build.py`; stale: {stale}"


def test_every_identity_and_notation_has_a_document(docs):
    from symbp import identities

    build = _build()
    for notation in build.NOTATIONS:
        assert f"{notation}/catalogue.tex" in docs
        for name in identities.CATALOGUE:
            assert f"{notation}/{build.slug(name)}.tex" in docs
        for stem, _ in build.WORKED:
            assert f"{notation}/{stem}.tex" in docs


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="no LaTeX engine (pdflatex) installed")
def test_every_document_compiles_with_pdflatex(docs, tmp_path):
    def compile_one(rel: str):
        folder = tmp_path / rel.replace("/", "_").removesuffix(".tex")
        folder.mkdir()
        (folder / "doc.tex").write_text(docs[rel], encoding="utf-8")
        done = subprocess.run(
            ["pdflatex", "-halt-on-error", "-interaction=nonstopmode", "doc.tex"],
            cwd=folder, capture_output=True, text=True, timeout=120,
        )
        ok = done.returncode == 0 and (folder / "doc.pdf").stat().st_size > 0
        log = (folder / "doc.log").read_text(encoding="latin-1") if (folder / "doc.log").exists() else ""
        # Nothing past the margin: pdflatex reports every line that does not fit as an overfull box.
        overfull = [line for line in log.splitlines() if line.startswith("Overfull \\hbox")]
        return rel, ok, done.stdout[-800:], overfull

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(compile_one, sorted(r for r in docs if r.endswith(".tex"))))
    failed = [(rel, log) for rel, ok, log, _ in results if not ok]
    assert not failed, failed[0]
    wide = [(rel, boxes) for rel, _, _, boxes in results if boxes]
    assert not wide, f"{len(wide)} documents run past the margin, e.g. {wide[0]}"


def test_no_internal_names_or_python_reprs_in_the_documents(docs):
    # What a reader of the PDFs must never see: seed numbers, the tool used as a justification,
    # dictionaries, keyword arguments, index tuples or SymPy constructors.
    import re

    leaks = re.compile(r"seed \d|sympy\.diff|\{'|one_hot=|indices \(|Symbol\(|Rational\(|Function\(")
    found = [(rel, m.group(0)) for rel, text in docs.items() for m in leaks.finditer(text)]
    assert not found, found[:5]
    catalogue = docs["nielsen/catalogue.tex"]
    assert r"\tableofcontents" in catalogue and "Nielsen" in catalogue
