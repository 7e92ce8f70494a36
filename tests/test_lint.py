"""The code has no unused imports, unused locals, undefined names or other pyflakes findings.

Ruff runs only its ``F`` rules (pyflakes', reimplemented; the selection is in
pyproject.toml under [tool.ruff.lint]) over symbp/, tests/, benchmarks/ and examples/.
A re-export or an import kept for its side effect says so with ``# noqa: F401`` and
a reason on the line; ruff honours those, plain pyflakes does not.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("symbp", "tests", "benchmarks", "examples")


def _ruff(cwd: Path, *paths: str) -> subprocess.CompletedProcess:
    # The ruff binary that the test extra installs beside this Python.
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed; it is part of the test extra (pip install '.[test]')")
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([ruff, "check", "--no-cache", "--output-format", "concise", *paths],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_ruff_pyflakes_rules_find_nothing():
    done = _ruff(ROOT, *CHECKED)
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_unused_import_is_a_finding(tmp_path):
    # The check is not vacuous: with the project's own settings, an unused import fails it.
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "mod.py").write_text("import os\n\n\ndef f(x):\n    unused = x\n    return y\n", encoding="utf-8")
    done = _ruff(tmp_path, "mod.py")
    assert done.returncode == 1
    for rule in ("F401", "F841", "F821"):   # unused import, unused local, undefined name
        assert rule in done.stdout, done.stdout
