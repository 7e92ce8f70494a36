"""What a user sees while long work runs: rows as they finish, progress, colour, help, and the install hints."""

from __future__ import annotations

import io
import time

import pytest

from symbp import identities, network
from symbp.cli import build_parser, main
from symbp.commands.colour import colour_on, paint
from symbp.commands.prove import Table, bound_note
from symbp.display.extras import install_hint
from symbp.prove import prove
from symbp.display.progress import Progress
from symbp.verify.notes import verify_text


def test_colour_follows_no_color_and_force_color(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_on(io.StringIO()) and paint("refuted", "refuted") == "refuted"
    monkeypatch.delenv("NO_COLOR")
    assert not colour_on(io.StringIO())  # not a terminal: plain text
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert colour_on(io.StringIO())
    assert paint("holds", "holds", on=True) == "\x1b[32mholds\x1b[0m"


def test_a_log_gets_a_plain_progress_line_with_rate_and_time_left():
    out = io.StringIO()
    bar = Progress(4, "training", "mini-batch", stream=out, every=0.0)
    bar.update()
    time.sleep(0.01)
    bar.update(note="loss 0.25")
    bar.close()
    lines = out.getvalue().splitlines()
    assert lines and lines[-1].startswith("training: 2/4 mini-batches (50%), ")
    assert "mini-batches/s" in lines[-1] and "left" in lines[-1] and lines[-1].endswith("; loss 0.25")


def test_progress_is_off_with_symbp_progress_0(monkeypatch):
    monkeypatch.setenv("SYMBP_PROGRESS", "0")
    out = io.StringIO()
    bar = Progress(2, "proving", "identity", stream=out, every=0.0)
    bar.update()
    assert out.getvalue() == ""


def test_a_probably_true_row_shows_its_error_bound():
    cert = prove(identities.BP3, network([2, 3, 2]), method="pit")
    row = Table(["BP3"], colour=False).row(cert)
    assert "probably-true" in row and "P(false agreement) <" in row and "per instance" in row
    assert bound_note("no bound stated") == "no bound stated"


def test_prove_prints_each_row_as_it_is_done(capsys, monkeypatch):
    # The rows come out one by one, each before the next identity is proved.
    import importlib

    prove_module = importlib.import_module("symbp.prove")

    seen = []
    real = prove_module.prove

    def watching(ident, net, **kw):
        seen.append(capsys.readouterr().out)  # what had been printed when this identity started
        return real(ident, net, **kw)

    monkeypatch.setattr(prove_module, "prove", watching)
    assert main(["prove", "--identity", "BP1", "--identity", "BP3"]) == 0
    assert "BP1" not in seen[0] and "BP1 " in seen[1]  # BP1's row was out before BP3 began


def test_verify_notes_reports_each_row_as_it_is_checked():
    calls = []
    report = verify_text("$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$$\n\n$$\\delta^L = 2 a^L$$\n",
                         on_row=lambda row, done, total: calls.append((row.formula.line, done, total)))
    assert [c[1:] for c in calls] == [(1, 2), (2, 2)] and len(report.rows) == 2


def test_every_subcommand_has_a_description_examples_and_exit_codes():
    parser = build_parser()
    top = parser.format_help()
    assert "A bare `symbp` runs `symbp prove`" in top.replace("\n", " ")
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, p in sub.choices.items():
        text = p.format_help()
        assert p.description, name
        assert "examples:" in text and f"symbp {name}" in text, name
        assert "exit codes:" in text and "70" in text, name
        for action in p._actions:
            assert action.help, f"symbp {name} {action.option_strings or action.dest} has no help"


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and out.startswith("symbp ") and "a bare `symbp` runs `symbp prove`" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "A bare `symbp` runs `symbp prove`" in capsys.readouterr().out


def test_install_hints_work_from_a_checkout():
    hint = install_hint("plot", "matplotlib")
    assert "symbp[plot]" not in hint  # an index name, which cannot work for a checkout
    assert "pip install" in hint and ("[plot]" in hint)


def test_no_internal_names_in_the_catalogue_or_help(capsys):
    assert main(["prove", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "seed 0" not in listing.lower() and "Nielsen, ch. 2" in listing and "Sokolinsky" in listing
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, p in sub.choices.items():
        assert "seed 0" not in p.format_help().lower(), name


def test_an_unreadable_formula_is_quoted_as_typed_not_as_a_python_repr(capsys):
    typed = r"\delta^l = \foo{x} + \sigma'(z^l)"
    assert main(["verify", "--notation", "nielsen", typed]) == 2
    err = " ".join(capsys.readouterr().err.split())  # the paragraph may wrap
    assert f"“{typed}”" in err and r"unknown macro \foo" in err
    assert "\\\\" not in err and "Traceback" not in err  # no doubled backslashes, no traceback
