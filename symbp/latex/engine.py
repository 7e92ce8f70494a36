"""Running a LaTeX engine on a generated document.

``pdflatex`` is preferred (two passes for a document with a table of
contents, one otherwise); ``latexmk -pdf`` is used when only it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ..errors import SymbpError


class LatexError(SymbpError, RuntimeError):
    """No engine, or the engine failed on a document (the message quotes its log)."""


def find_engine() -> list[str] | None:
    """The command to compile a .tex file, or ``None`` when no engine is installed."""
    if shutil.which("pdflatex"):
        return ["pdflatex", "-halt-on-error", "-interaction=nonstopmode"]
    if shutil.which("latexmk"):
        return ["latexmk", "-pdf", "-halt-on-error", "-interaction=nonstopmode"]
    return None


def compile_pdf(tex: "str | Path", *, timeout: float = 120.0) -> Path:
    """Compile ``tex`` next to itself; return the PDF's path. Aux files are removed."""
    tex = Path(tex).resolve()
    engine = find_engine()
    if engine is None:
        raise LatexError("no LaTeX engine found (pdflatex or latexmk); install texlive-latex-base to use --pdf")
    # A table of contents (or a reference) is written on the first pass and set on the second.
    passes = 2 if engine[0] == "pdflatex" and re.search(r"\\(tableofcontents|ref\{)", tex.read_text(errors="replace")) else 1
    try:
        for _ in range(passes):
            done = subprocess.run(
                engine + [f"-output-directory={tex.parent}", tex.name],
                cwd=tex.parent, capture_output=True, text=True, timeout=timeout,
            )
            if done.returncode != 0:
                break
    except subprocess.TimeoutExpired:
        raise LatexError(f"{engine[0]} did not finish {tex.name} within {timeout:g} s") from None
    log = tex.with_suffix(".log")
    for suffix in (".aux", ".fls", ".fdb_latexmk"):
        tex.with_suffix(suffix).unlink(missing_ok=True)
    if done.returncode != 0:
        tail = _error_lines(log.read_text(errors="replace") if log.exists() else done.stdout)
        raise LatexError(f"{engine[0]} failed on {tex}: {tail}")
    log.unlink(missing_ok=True)
    return tex.with_suffix(".pdf")


def _error_lines(log: str) -> str:
    lines = log.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("!"):
            return " ".join(l.strip() for l in lines[n : n + 4])
    return " ".join(lines[-5:])
