"""Exit codes that cannot lie, bad input in one line, outputs that never replace inputs (issue 12 item 6, issue 13).

Only a verdict exits 0, 1 or 3; bad input exits 2 with one paragraph and no
traceback; an internal error exits 70, says "internal error" and where the
traceback went.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from symbp.cli import main
from symbp.commands.common import EXIT_INTERNAL

BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
WRONG_BP3 = r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j"


def one_paragraph_error(err: str) -> bool:
    return err.startswith("symbp: error:") and "Traceback" not in err and err.strip().count("\n\n") == 0


# -- internal errors --------------------------------------------------------------


def test_internal_error_exits_70_and_names_the_traceback_file(monkeypatch, capsys):
    from symbp.commands import derive

    def broken(args):
        raise RuntimeError("an invariant broke")

    monkeypatch.setattr(derive, "run", broken)
    assert main(["derive", "--wrt", "b^2_1"]) == EXIT_INTERNAL == 70
    err = capsys.readouterr().err
    flat = " ".join(err.split())
    assert "internal error (exit code 70): RuntimeError: an invariant broke" in flat and "Traceback" not in err
    path = flat.split("traceback was written to ")[1].split()[0]
    text = Path(path).read_text(encoding="utf-8")
    assert "RuntimeError: an invariant broke" in text and "Traceback" in text
    Path(path).unlink()


def test_internal_error_code_is_not_a_verdict_code():
    assert EXIT_INTERNAL not in (0, 1, 2, 3)


# -- bad input files: exit 2, one paragraph ------------------------------------------


@pytest.fixture()
def files(tmp_path):
    ok = tmp_path / "ok.md"
    ok.write_text(f"$${BP3}$$\n", encoding="utf-8")
    (tmp_path / "garbage.bin").write_bytes(bytes([0x88, 0x00, 0xff, 0x10]) * 64)
    (tmp_path / "latin1.md").write_bytes("caf\xe9 $a = b$\n".encode("latin-1"))
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return tmp_path


@pytest.mark.parametrize("argv, words", [
    (["verify", "--notes", "{t}/garbage.bin"], "binary file"),
    (["verify", "--notes", "{t}/latin1.md"], "is not UTF-8 text: byte 3 (line 1)"),
    (["verify", "--notes", "{t}/empty.md"], "is empty"),
    (["verify", "--notes", "{t}/folder"], "it is a folder"),
    (["verify", "--notes", "{t}/missing.md"], "no such file"),
    (["verify", "--notes", "/dev/zero"], "larger than the limit of 8 MiB"),
    (["verify", "--notation", "{t}/garbage.bin", BP3], "binary file"),
    (["verify", "--notes", "{t}/ok.md", "--report", "{t}/folder"], "it is a folder"),
    (["verify", "--notes", "{t}/ok.md", "--report", "{t}/folder/"], "it is a folder"),
    (["verify", "--notes", "{t}/ok.md", "--report", "{t}/ok.md"], "an input of this run"),
    (["verify", "--notes", "{t}/ok.md", "--junit", "{t}/ok.md"], "an input of this run"),
    (["verify", "--notes", "{t}/ok.md", "--report", "{t}/nowhere/r.md"], "does not exist"),
    (["verify", BP3, "--budget", "inf"], "up to 86400"),
    (["verify", BP3, "--budget", "nan"], "positive number"),
    (["verify", BP3, "--strict"], "--strict needs --notes"),
    (["prove", "--general", "--identity", "BP3", "--budget", "inf"], "up to 86400"),
    # review 17: options --general cannot honour, and two outputs naming one file, were taken silently
    (["prove", "--general", "--identity", "BP3", "--sizes", "3,3"], "--sizes 3,3 does not apply"),
    (["prove", "--general", "--identity", "BP3", "--method", "pit"], "--method pit does not apply"),
    (["verify", "--notes", "{t}/ok.md", "--report", "{t}/r.md", "--junit", "{t}/r.md"], "one would overwrite the other"),
    (["latex", "--identity", "BP3", "--budget", "1e300"], "up to 86400"),
])
def test_bad_input_exits_2_with_one_paragraph(files, capsys, argv, words):
    argv = [a.replace("{t}", str(files)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert one_paragraph_error(err), err
    assert words in err.replace("\n", " ")


def test_report_never_replaces_the_notes(files, capsys):
    notes = files / "ok.md"
    before = notes.read_text(encoding="utf-8")
    assert main(["verify", "--notes", str(notes), "--report", str(notes)]) == 2
    assert notes.read_text(encoding="utf-8") == before


def test_outputs_refuse_the_profile_they_read(tmp_path, capsys):
    profile = Path(__file__).parent / "data" / "ng.toml"
    copy = tmp_path / "ng.toml"
    copy.write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["latex", "--notation", str(copy), "--identity", "BP3", "--out", str(copy)]) == 2
    assert "an input of this run" in capsys.readouterr().err.replace("\n", " ")


def test_train_save_refuses_the_weights_it_loads(tmp_path, capsys):
    weights = tmp_path / "w.npz"
    weights.write_bytes(b"PK")  # never read: the check comes first
    assert main(["train", "--load", str(weights), "--save", str(weights)]) == 2
    assert "an input of this run" in capsys.readouterr().err.replace("\n", " ")


# -- exit codes of whole notes (issue 13, item 7) ---------------------------------------


def test_notes_exit_codes(tmp_path, capsys):
    holds = tmp_path / "holds.md"
    holds.write_text(f"$${BP3}$$\n\n$$\\frac{{\\partial C}}{{\\partial b^l_j}} = \\nosuchmacro$$\n", encoding="utf-8")
    assert main(["verify", "--notes", str(holds)]) == 0  # an unreadable row is reported, not fatal
    out = capsys.readouterr().out
    assert "found 2 formulas: 1 judged (1 holds), 1 unreadable" in out
    assert main(["verify", "--notes", str(holds), "--strict"]) == 2
    refuted = tmp_path / "refuted.md"
    refuted.write_text(f"$${BP3}$$\n\n$${WRONG_BP3}$$\n", encoding="utf-8")
    assert main(["verify", "--notes", str(refuted)]) == 1


def test_stray_double_dollar_file_loses_nothing_through_the_cli(tmp_path, capsys):
    # Issue 13's reproduction: `[]`, exit 0 before.
    x = tmp_path / "x.md"
    x.write_text("\n".join(["| c | g |", "|---|---|", "| x | $$ |", "", "$$", BP3, "$$"]) + "\n", encoding="utf-8")
    assert main(["verify", "--notes", str(x), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [(d["line"], d["bucket"]) for d in data] == [(3, "unreadable"), (6, "judged")]
    assert data[1]["status"] == "holds" and data[1]["identity"] == "BP3"
    assert "found 2 formulas: 1 judged (1 holds), 1 unreadable" in captured.err


def test_notes_report_shows_the_checked_text_beside_the_source(tmp_path, capsys):
    notes = tmp_path / "n.tex"
    notes.write_text(f"\\begin{{align}}\n{BP3} \\label{{eq:bp3}} \\\\\nz^l &= w^l a^{{l-1}} + b^l \\quad (0.1)\n"
                     "\\end{align}\n% $\\delta^L = 2\\nabla_a C$\n", encoding="utf-8")
    report = tmp_path / "r.md"
    assert main(["verify", "--notes", str(notes), "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert "| 2 | `\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j` (not part of the claim: `\\label{eq:bp3}`)" in text
    assert "`z^l = w^l a^{l-1} + b^l` (checked) from `z^l = w^l a^{l-1} + b^l \\quad (0.1)` (as written)" in text
    assert "nabla_a C" not in text  # the commented-out formula is not checked
    assert "Found 2 formulas: 2 judged (2 holds)." in text


# -- standard input -------------------------------------------------------------------


def _stdin(monkeypatch, text: str):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_dash_reads_one_formula_from_standard_input(monkeypatch, capsys):
    _stdin(monkeypatch, WRONG_BP3 + "\n")
    assert main(["verify", "-"]) == 1
    assert capsys.readouterr().out.startswith("refuted")


def test_dash_reads_notes_from_standard_input(monkeypatch, capsys):
    _stdin(monkeypatch, f"# Notes\n\n$${BP3}$$ and $x$\n")
    assert main(["verify", "-"]) == 0
    out = capsys.readouterr().out
    assert "line 3: holds" in out and "found 2 formulas: 1 judged (1 holds), 1 prose" in out


def test_notes_dash_reads_standard_input(monkeypatch, capsys):
    _stdin(monkeypatch, f"$${WRONG_BP3}$$\n")
    assert main(["verify", "--notes", "-"]) == 1


def test_empty_standard_input_is_bad_input(monkeypatch, capsys):
    _stdin(monkeypatch, "")
    assert main(["verify", "-"]) == 2
    assert "standard input is empty" in capsys.readouterr().err


def test_console_script_internal_and_bad_input_never_exit_0_or_1(tmp_path):
    # End to end through a subprocess: a binary --notation file (a UnicodeDecodeError before) exits 2.
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    (tmp_path / "garbage.bin").write_bytes(bytes(range(128, 256)))
    r = subprocess.run([sys.executable, "-m", "symbp.cli", "verify", "--notation", str(tmp_path / "garbage.bin"), BP3],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "not UTF-8" in r.stderr


@pytest.mark.parametrize("option", ["--report", "--junit"])
def test_output_is_not_the_file_standard_input_comes_from(tmp_path, option):
    # Review 8 F1: `symbp verify --notes - --report notes.md < notes.md` replaced the user's notes and exited 0.
    notes = tmp_path / "notes.md"
    notes.write_text(f"$${BP3}$$\n")
    with notes.open("rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "symbp.cli", "verify", "--notes", "-", option, str(notes)],
                           stdin=stdin, capture_output=True, text=True, timeout=300)
    # the message is a wrapped paragraph: a long temporary path can put "standard" and "input" on two lines
    assert r.returncode == 2 and "standard input" in " ".join(r.stderr.split()) and "Traceback" not in r.stderr, r.stderr
    assert notes.read_text() == f"$${BP3}$$\n"
    other = tmp_path / ("report.md" if option == "--report" else "junit.xml")
    with notes.open("rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "symbp.cli", "verify", "--notes", "-", option, str(other)],
                           stdin=stdin, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and other.exists(), r.stderr


# -- outputs that are not regular files (review rv43 C1) --------------------------------


def test_report_through_a_symlink_replaces_the_target_and_keeps_the_link(files, tmp_path, capsys):
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["verify", "--notes", str(files / "ok.md"), "--report", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") != "old\n"


def test_junit_into_a_named_pipe_writes_into_it_and_leaves_the_pipe(files, tmp_path, capsys):
    import threading

    pipe = tmp_path / "pipe.xml"
    os.mkfifo(pipe)
    got = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    code = main(["verify", "--notes", str(files / "ok.md"), "--junit", str(pipe)])
    reader.join(timeout=30)
    assert code == 0
    assert got and got[0].startswith(b"<?xml")
    assert pipe.is_fifo()  # a rename of a temporary file over it would have left a regular file


def test_a_malformed_notebook_cell_exits_2_naming_the_file_and_the_cell(tmp_path, capsys):
    notebook = tmp_path / "b.ipynb"
    notebook.write_text('{"cells": [{"cell_type": "markdown", "source": 7}]}', encoding="utf-8")
    assert main(["verify", "--notes", str(notebook)]) == 2  # was "found no formulas", exit 0 (review rv43 C4)
    err = capsys.readouterr().err.replace("\n", " ")
    assert str(notebook) in err and "markdown cell 1" in err
