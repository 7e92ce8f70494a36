"""A newcomer's path: every `symbp` command of the README, and every Python snippet of README and docs/, runs.

The commands run with the installed `symbp` in a fresh folder (a copy of
examples/ in it) and must end in a verdict or success, never a usage error
(exit 2) or an internal error (70). A command still running after
``DEADLINE`` seconds has got past its argument parsing and input checks
(which take well under a second) and is stopped there, so the suite stays
quick; .ci/newcomer runs every one of them to the end in a fresh environment
made with the README's install line (tests/readme_commands.py), and
``test_the_readme_install_line_brings_what_its_commands_import`` checks that
that line's extras hold what the commands need.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

import readme_commands as rc

ROOT = Path(__file__).resolve().parents[1]
DEADLINE = 6.0  # the import and the argument parsing take about 2 s on a busy runner
COMMANDS = rc.commands()


def test_the_readme_has_the_commands_a_newcomer_needs():
    lines = [" ".join(c.argv) for c in COMMANDS]
    assert "" in lines  # a bare `symbp`
    assert any(c.argv[:1] == ("verify",) and "examples/lecture.tex" in c.argv for c in COMMANDS)
    assert any(c.stdin_file == "examples/lecture.tex" for c in COMMANDS)
    assert any(c.argv[:2] == ("bench", "fd") for c in COMMANDS)
    # the README installs the extras its own commands need
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install ".[plot,digits]"' in readme.split("```")[1]


@pytest.mark.parametrize("command", COMMANDS, ids=[shlex.join(c.argv)[:60] or "(bare)" for c in COMMANDS])
def test_every_readme_command_runs_without_a_usage_error(command):
    folder = rc.workspace()
    try:
        code, err = rc.run(command, folder, timeout=DEADLINE)
        problem = rc.verdict_of(code, err)
        assert not problem, f"symbp {shlex.join(command.argv)}: {problem}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_readme_install_line_brings_what_its_commands_import():
    # The commands run here in the test environment (which has every extra); a newcomer has only the
    # extras of the README's install line, so those must hold what the README's commands import.
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    install = re.search(r'pip install "\.\[([a-z,]+)\]"', (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1])
    assert install, "the README's first line installs symbp with its extras"
    installed = " ".join(req for name in install.group(1).split(",") for req in extras[name])
    needs = {"--plot": "matplotlib", "digits": "scikit-learn"}
    for command in COMMANDS:
        for word, package in needs.items():
            if word in command.argv:
                assert package in installed, f"symbp {' '.join(command.argv)} needs {package}, not in {install.group(0)}"


def _snippets():
    out = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for n, m in enumerate(re.finditer(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S), start=1):
            out.append(pytest.param(m.group(1), id=f"{path.name}#{n}"))
    return out


@pytest.mark.parametrize("code", _snippets())
def test_every_python_snippet_of_the_docs_runs(code, tmp_path, monkeypatch):
    # In a fresh namespace and folder; a snippet that defines test functions (a course's test file) has
    # those without parameters called too, so they run as the docs say they would.
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "snippet"}
    exec(compile(code, "snippet", "exec"), namespace)  # noqa: S102 - the project's own documentation
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value) and not getattr(value, "pytestmark", None):
            value()


def test_no_machine_paths_in_the_repository():
    # Issue 16: derivations/seed_errata.py read the seeds from an absolute path of one machine.
    machine = re.compile("/" + "(work|home|Users|root)/[A-Za-z]")
    skip = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis"}
    found = []
    for path in ROOT.rglob("*"):
        if skip & set(path.relative_to(ROOT).parts) or path.suffix not in {".py", ".md", ".tex", ".toml", ".ipynb", ".txt", ".cfg"}:
            continue
        if path.is_file() and machine.search(path.read_text(encoding="utf-8", errors="replace")):
            found.append(str(path.relative_to(ROOT)))
    assert not found, found
