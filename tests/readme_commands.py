"""Every `symbp` command line of the README, run as a newcomer would type it.

Used two ways:

* by tests/test_readme.py, in the test environment: each command runs in a
  fresh folder holding a copy of examples/, and must end in a verdict or
  success (exit 0, 1 or 3), never a usage error (2) or an internal error (70);
* by .ci/newcomer, in a fresh virtual environment made with the README's own
  install line (`pip install ".[plot,digits]"`), as a script:

      python tests/readme_commands.py          # exit 1 if any command fails

A `cat FILE | symbp ...` line feeds FILE on standard input.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Exit codes that are not a verdict or success: bad input (usage) and an internal error.
FAILING = {2: "bad input / usage error", 70: "internal error"}


@dataclass(frozen=True)
class Command:
    line: str  # as written in the README (without its comment)
    argv: tuple  # the words after `symbp`
    stdin_file: str = ""  # `cat FILE | symbp ...`


def commands(readme: "Path | None" = None) -> list[Command]:
    """The `symbp` lines of the README's shell blocks, in order, without their comments."""
    text = (readme or ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in shell_blocks(text):
        for raw in block:
            if not re.search(r"(^|&&|\|)\s*symbp\b", raw):
                continue
            words = shlex.split(raw, comments=True)
            if not words:
                continue
            stdin_file = ""
            if "|" in words:
                bar = words.index("|")
                if words[:1] == ["cat"] and bar == 2:
                    stdin_file, words = words[1], words[bar + 1:]
            if "&&" in words:  # `pip install ... && symbp`: the part after the install
                words = words[words.index("&&") + 1:]
            if words[:1] != ["symbp"]:
                continue
            out.append(Command(raw.split(" #")[0].strip(), tuple(words[1:]), stdin_file))
    return out


def shell_blocks(text: str) -> list[list[str]]:
    """The lines of each fenced block without a language or with a shell one (not python, not output)."""
    blocks, current, lang = [], None, ""
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current, lang = [], line[3:].strip()
            else:
                if lang in ("", "sh", "bash", "shell", "console"):
                    blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def symbp_script() -> str:
    """The `symbp` console script installed beside this Python."""
    found = shutil.which("symbp", path=str(Path(sys.executable).parent)) or shutil.which("symbp")
    if found is None:
        raise SystemExit("the `symbp` command is not installed beside this Python; install symbp first")
    return found


def run(command: Command, folder: Path, *, timeout: "float | None" = None) -> tuple[int | None, str]:
    """Run one command in ``folder``: (exit code, or None if still running at ``timeout``; its stderr tail)."""
    stdin = open(folder / command.stdin_file, "rb") if command.stdin_file else subprocess.DEVNULL
    env = {**os.environ, "SYMBP_PROGRESS": "0", "NO_COLOR": "1", "MPLBACKEND": "Agg"}
    try:
        done = subprocess.run([symbp_script(), *command.argv], cwd=folder, stdin=stdin, capture_output=True,
                              text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return None, err[-1500:]
    finally:
        if command.stdin_file:
            stdin.close()
    return done.returncode, done.stderr[-1500:]


def workspace() -> Path:
    """A fresh folder with a copy of the checkout's examples/ (the README's paths are relative)."""
    folder = Path(tempfile.mkdtemp(prefix="symbp-readme-"))
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


def verdict_of(code: "int | None", err: str) -> str:
    """'' when the command ended in a verdict or success (or was still running), else what went wrong."""
    if code in FAILING:
        return f"exit {code} ({FAILING[code]}): {err.strip()}"
    if code is not None and code not in (0, 1, 3):
        return f"exit {code}: {err.strip()}"
    if "usage:" in err or "unrecognized arguments" in err:
        return f"a usage message: {err.strip()}"
    return ""


def main() -> int:
    failed = 0
    for command in commands():
        folder = workspace()
        code, err = run(command, folder, timeout=1800)
        problem = verdict_of(code, err) if code is not None else "did not finish within 30 minutes"
        print(f"{'FAIL' if problem else 'ok  '} [{code}] symbp {shlex.join(command.argv)}" + (f"\n     {problem}" if problem else ""))
        failed += bool(problem)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{failed} of {len(commands())} README commands failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
