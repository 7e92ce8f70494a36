r"""TeX conditionals in LaTeX notes: only the branch typeset is checked (issue 12, A2).

``\newif\ifsigmoid \sigmoidfalse … \ifsigmoid A \else B \fi`` typesets B only; both A and B were read as shown.
The truth used: BP1 in Nielsen's notation, δ^L_j = ∂C/∂a^L_j σ'(z^L_j), holds; the same plus 1 is wrong (direct
differentiation gives no constant term); BP3, ∂C/∂b^l_j = δ^l_j, holds and 5δ^l_j is wrong.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from symbp.cli import main
from symbp.verify.conditionals import read
from symbp.verify.notes import verify_text

BP1 = r"\[ \delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j) \]"
BP1_WRONG = r"\[ \delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j) + 1 \]"
BP3 = r"\[ \frac{\partial C}{\partial b^l_j} = \delta^l_j \]"
BP3_WRONG = r"\[ \frac{\partial C}{\partial b^l_j} = 5\delta^l_j \]"


def _notes(preamble: str, body: str) -> str:
    return f"\\documentclass{{article}}\n{preamble}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"


def _switch(setting: str) -> str:
    # line 2: \newif, line 3: the setting; the conditional on lines 6-10 (A on 7, B on 9)
    return _notes(f"\\newif\\ifsigmoid\n{setting}", f"The output error:\n\\ifsigmoid\n{BP1_WRONG}\n\\else\n{BP1}\n\\fi")


def _verdicts(report) -> dict:
    return {r.formula.line: r.result.status for r in report.rows}


def _not_shown(report) -> dict:
    return {f.line: f.reason for f in report.skipped if f.kind == "not shown"}


def test_the_branch_a_false_switch_skips_is_not_checked_and_is_listed_not_shown():
    report = verify_text(_switch("\\sigmoidfalse"), path="n.tex", kind="latex")
    assert _verdicts(report) == {9: "holds"}  # only B; the wrong A, not typeset, is not refuted
    hidden = _not_shown(report)
    assert list(hidden) == [7] and "\\sigmoidfalse at line 3" in hidden[7] and "not typeset" in hidden[7]
    assert "1 not shown" in report.account_line() and report.exit_code == 0


def test_a_true_switch_typesets_the_first_branch():
    report = verify_text(_switch("\\sigmoidtrue"), path="n.tex", kind="latex")
    assert _verdicts(report) == {7: "refuted"}  # A is typeset, and wrong
    assert list(_not_shown(report)) == [9]
    assert report.exit_code == 1


def test_a_switch_never_set_is_false_as_newif_leaves_it():
    report = verify_text(_switch(""), path="n.tex", kind="latex")
    assert _verdicts(report) == {9: "holds"}
    assert "false until set" in _not_shown(report)[7]


def test_the_last_setting_before_the_conditional_counts():
    report = verify_text(_switch("\\sigmoidfalse\n\\sigmoidtrue"), path="n.tex", kind="latex")
    assert _verdicts(report) == {8: "refuted"}  # one line lower: A on 8, B on 10
    assert "\\sigmoidtrue at line 4" in _not_shown(report)[10]


def test_a_switch_set_inside_a_macro_leaves_both_branches_unjudged():
    text = _switch("\\newcommand{\\usesigmoid}{\\sigmoidtrue}")
    report = verify_text(text, path="n.tex", kind="latex")
    assert _verdicts(report) == {7: "uninterpretable", 9: "uninterpretable"}
    reasons = [r.result.reason for r in report.rows]
    assert all("cannot tell" in why and "inside braces" in why for why in reasons)
    assert not _not_shown(report)


def test_an_undeclared_conditional_and_a_primitive_test_leave_their_branches_unjudged():
    body = f"\\ifdraft\n{BP3_WRONG}\n\\fi\n\\ifx\\a\\b\n{BP1_WRONG}\n\\else\n{BP1}\n\\fi"
    report = verify_text(_notes("", body), path="n.tex", kind="latex")
    assert _verdicts(report) == {5: "uninterpretable", 8: "uninterpretable", 10: "uninterpretable"}
    why = {r.formula.line: r.result.reason for r in report.rows}
    assert "not declared with \\newif" in why[5] and "\\ifx is a test of TeX's" in why[8]


def test_iffalse_hides_its_first_branch_and_typesets_its_else():
    # before: the lexer skipped from \iffalse to \fi, dropping the \else branch that TeX typesets
    body = f"\\iffalse\n{BP3_WRONG}\n\\else\n{BP3}\n\\fi\n\\iftrue\n{BP1}\n\\else\n{BP1_WRONG}\n\\fi"
    report = verify_text(_notes("", body), path="n.tex", kind="latex")
    assert _verdicts(report) == {7: "holds", 10: "holds"}
    hidden = _not_shown(report)
    assert sorted(hidden) == [5, 12] and "\\iffalse" in hidden[5] and "\\iftrue" in hidden[12]


def test_nested_conditionals_inside_a_taken_branch_are_decided_too():
    body = (f"\\ifsigmoid\n\\ifdraft\n{BP3_WRONG}\n\\fi\n{BP1}\n\\else\n{BP1_WRONG}\n\\fi")
    report = verify_text(_notes("\\newif\\ifsigmoid\n\\sigmoidtrue", body), path="n.tex", kind="latex")
    assert _verdicts(report) == {7: "uninterpretable", 9: "holds"}  # \ifsigmoid on line 5
    assert list(_not_shown(report)) == [11]


def test_iff_is_not_a_conditional_and_an_ifthenelse_symbp_cannot_decide_leaves_both_branches_unjudged():
    text = _notes("", "$a \\iff b$\n" + BP3)
    assert read(text).branches == [] and read(text).text == text
    # review rv53 F19: a conditional with arguments is no longer passed over (both branches read as typeset)
    text = _notes("", "$a \\iff b$ and \\ifthenelse{\\equal{a}{b}}{x}{y}\n" + BP3)
    assert [(b.state, text[b.start:b.end]) for b in read(text).branches] == [("unknown", "x"), ("unknown", "y")]


def test_a_conditional_inside_a_formula_leaves_the_formula_as_written():
    body = r"\[ \frac{\partial C}{\partial b^l_j} = \delta^l_j \ifsigmoid + 1 \fi \]"
    report = verify_text(_notes("\\newif\\ifsigmoid", body), path="n.tex", kind="latex")
    assert [r.result.status for r in report.rows] == ["unreadable"]  # never read shorter as BP3


def test_cli_exit_codes_and_report(tmp_path, capsys):
    notes = tmp_path / "n.tex"
    notes.write_text(_switch("\\sigmoidfalse"))
    md = tmp_path / "r.md"
    assert main(["verify", "--notes", str(notes), "--report", str(md)]) == 0
    assert "found 2 formulas: 1 judged (1 holds), 1 not shown" in capsys.readouterr().out
    assert "| 7 |" in md.read_text() and "\\sigmoidfalse at line 3" in md.read_text()
    notes.write_text(_switch("\\newcommand{\\usesigmoid}{\\sigmoidtrue}"))
    # unjudged formulas fail a --strict run, in a subprocess with a timeout (a hang fails the test)
    done = subprocess.run([sys.executable, "-m", "symbp", "verify", "--strict", "--notes", str(notes)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "2 uninterpretable" in done.stdout


def test_let_to_iftrue_and_a_braced_newif_are_switches():
    text = "\\newif{\\ifs}\n\\strue\n\\ifs\n$$a=1$$\n\\else\n$$b=2$$\n\\fi\n\\let\\ifd\\iftrue\n\\ifd $c=1$ \\else $c=2$ \\fi"
    out = read(text)
    assert [line.strip() for line in out.text.splitlines()] == [
        "\\newif{\\ifs}", "\\strue", "", "$$a=1$$", "", "", "", "\\let\\ifd\\iftrue", "$c=1$"]
    assert [b.state for b in out.branches] == ["hidden", "hidden"]
    assert "\\strue at line 2" in out.branches[0].reason and "\\let\\ifd\\iftrue at line 8" in out.branches[1].reason


@pytest.mark.parametrize("definition", ["\\let\\ifdraft\\iffalse", "\\let\\ifdraft=\\iffalse",
                                        "\\def\\ifdraft{\\iffalse}", "\\newcommand{\\hide}{\\iffalse}"])
def test_an_iffalse_that_a_definition_takes_as_its_value_hides_nothing(definition):
    # review rv53 F7: the \iffalse of a preamble's \let\ifdraft\iffalse was read as opening hidden text to the end of
    # the file: "found no formulas", exit 0, for notes whose one claim (δ^L = a^L − y, σ generic) is false
    text = ("\\documentclass{article}\n\\usepackage{amsmath}\n" + definition + "\n\\begin{document}\n"
            "The output error for the quadratic cost is\n\\begin{equation}\n\\delta^L = a^L - y.\n\\end{equation}\n"
            "\\end{document}\n")
    assert [r.result.status for r in verify_text(text, "nielsen", kind="latex").rows] == ["refuted"]
