r"""Math in Markdown blockquotes is read as outside them; an environment symbp does not read is reported, not dropped.

The oracle for every verdict is Nielsen's BP3 (Neural Networks and Deep Learning, ch. 2):
∂C/∂b^l_j = δ^l_j, so the same formula with 3δ^l_j is false (3δ ≠ δ wherever δ ≠ 0). Line numbers are
counted by hand in each text below.
"""

import json

import pytest

from symbp.verify import verify_notes
from symbp.verify.scan import scan

TRUE = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
FALSE = r"\frac{\partial C}{\partial b^l_j} = 3\delta^l_j"


def _rows(tmp_path, text, name="notes.md"):
    """{formula text: (status, line, reason)} of every row of the notes ``text``."""
    path = tmp_path / name
    path.write_text(text)
    return {r.formula.text: (r.result.status, r.formula.line, r.result.reason) for r in verify_notes(path).rows}


# --- 1. blockquotes --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("quoted", [
    "> We have ${f}$ here.",                           # inline
    "> $${f}$$",                                       # display on one line
    "> \\[\n> {f}\n> \\]",                             # \[ … \] over three quoted lines
    "> \\begin{{equation}}\n> {f}\n> \\end{{equation}}",  # an environment
    "> ```math\n> {f}\n> ```",                         # a GitHub math fence
    "> > $${f}$$",                                     # a quote in a quote
    ">$${f}$$",                                        # no space after the marker
])
def test_math_in_a_blockquote_is_read_as_outside_it(tmp_path, quoted):
    head = "Intro line.\n\n"  # the quote starts at line 3
    for formula, truth in ((TRUE, "holds"), (FALSE, "refuted")):
        rows = _rows(tmp_path, head + quoted.format(f=formula) + "\n\nAfter.\n")
        assert list(rows) == [formula], rows  # no '>' in the formula
        status, line, _ = rows[formula]
        assert status == truth, rows
        assert line == 3 + quoted.split("{f}")[0].count("\n"), rows  # the line of the formula in the file


def test_a_display_over_several_quoted_lines_is_joined_without_the_markers(tmp_path):
    text = ("# Notes\n\n> The bias gradient:\n>\n> $$\n> \\frac{\\partial C}{\\partial b^l_j}\n"
            "> = 3\\delta^l_j\n> $$\n>\n> and that is all.\n")
    rows = _rows(tmp_path, text)
    assert list(rows) == [FALSE], rows
    assert rows[FALSE][:2] == ("refuted", 6), rows  # the display opens on line 5, its formula on line 6
    rows = _rows(tmp_path, text.replace("3\\delta", "\\delta"))
    assert rows[TRUE][:2] == ("holds", 6), rows


def test_quoted_segments_keep_the_lines_and_columns_of_the_file():
    text = "Text\n> a $x = 1$\n>\n> > $$y\n> > = 2$$\n"
    segs = scan(text)
    assert [(s.line, s.column, s.delimiter, s.body) for s in segs] == [
        (2, 5, "$", "x = 1"), (4, 5, "$$", "y\n    = 2")]


def test_a_line_starting_with_gt_inside_a_display_is_not_read_as_a_quote_silently(tmp_path):
    # ">" at the start of a row: a relation to MathJax, a blockquote to CommonMark. Either reading changes the
    # formula, so it is unreadable, never judged as "f(x) 0".
    rows = _rows(tmp_path, "Text.\n\n$$\n\\sigma(z)\n> 0\n$$\n")
    assert [(s, line) for s, line, _ in rows.values()] == [("unreadable", 3)], rows
    assert "starts with '>'" in next(iter(rows.values()))[2]


def test_a_math_fence_left_open_ends_with_its_blockquote(tmp_path):
    rows = _rows(tmp_path, f"> ```math\n> {FALSE}\n\nText after.\n\n$${TRUE}$$\n")
    statuses = sorted(s for s, _, _ in rows.values())
    assert statuses == ["holds", "unreadable"], rows
    assert any("never closed before the blockquote ends" in r for _, _, r in rows.values()), rows


def test_gt_is_a_relation_in_latex_not_a_quote():
    (seg,) = scan("$$a\n> b$$", kind="latex")
    assert seg.body == "a\n> b" and not seg.problem


def test_a_notebook_markdown_cell_with_a_quote_is_read(tmp_path):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["Intro\n", "\n", f"> $${FALSE}$$\n"]}]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    (row,) = verify_notes(path).rows
    assert (row.formula.text, row.result.status, row.formula.cell, row.formula.line) == (FALSE, "refuted", 1, 3)


# --- 2. environments symbp does not read ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["myeq", "eqn", "boxedeq*"])
@pytest.mark.parametrize("formula", [TRUE, FALSE])
def test_an_unknown_environment_with_math_is_unreadable_not_judged(tmp_path, name, formula):
    text = f"\\section{{Bias}}\nText.\n\n\\begin{{{name}}}\n  {formula}\n\\end{{{name}}}\n\nMore text.\n"
    rows = _rows(tmp_path, text, "notes.tex")
    assert [(s, line) for s, line, _ in rows.values()] == [("unreadable", 4)], rows
    reason = next(iter(rows.values()))[2]
    assert f"environment {name} at line 4 is not read" in reason, reason


def test_an_unknown_environment_in_markdown_is_reported_too(tmp_path):
    rows = _rows(tmp_path, f"Text.\n\n\\begin{{myeq}}\n{FALSE}\n\\end{{myeq}}\n")
    assert [s for s, _, _ in rows.values()] == ["unreadable"], rows


def test_theorem_like_environments_still_read_their_inline_math(tmp_path):
    for env in ("theorem", "thm", "lemma"):  # known, and one of the notes' own (\newtheorem{thm}{Theorem})
        text = (f"\\begin{{{env}}}[BP3]\nFor every layer $l$ and neuron $j$, ${FALSE}$.\n\\end{{{env}}}\n"
                f"\\begin{{proof}}\nBy the chain rule, ${TRUE}$. \\label{{eq:bp_3}}\n\\end{{proof}}\n")
        rows = _rows(tmp_path, text, "notes.tex")
        assert {t: s for t, (s, _, _) in rows.items()} == {FALSE: "refuted", TRUE: "holds"}, (env, rows)


def test_environments_whose_math_is_read_another_way_are_not_reported(tmp_path):
    text = ("\\begin{subequations}\\label{eq:bp_3}\n\\begin{align}\n" + FALSE + "\n\\end{align}\n\\end{subequations}\n"
            "\\begin{figure}[h]\\centering\n\\begin{tikzpicture}[x=1cm]\\node at (0,0) {$a_1$};\\end{tikzpicture}\n"
            "\\end{figure}\n"
            "\\begin{mybox}[title=Note]\n% an old version: a = b\nText only, $" + TRUE + "$.\n\\end{mybox}\n"
            "$$\\begin{cases} a = 1 \\\\ b = 2 \\end{cases}$$\n")
    rows = _rows(tmp_path, text, "notes.tex")
    assert {t: s for t, (s, _, _) in rows.items() if s != "unreadable"} == {FALSE: "refuted", TRUE: "holds"}, rows
    assert not any("not read: its formulas are not checked" in r for _, _, r in rows.values()), rows


def test_the_known_unread_environments_are_reported_once():
    text = "\\begin{numcases}{f(x)=}\n1 & x > 0\n\\end{numcases}\n"
    (seg,) = scan(text, kind="latex")
    assert seg.delimiter == "numcases" and "not read" in seg.problem


def test_unknown_environments_nested_are_reported_where_the_math_is():
    text = "\\begin{outer}\nSome words.\n\\begin{myeq}\na = b\n\\end{myeq}\n\\end{outer}\n"
    (seg,) = scan(text, kind="latex")
    assert (seg.delimiter, seg.line, seg.body) == ("myeq", 3, "a = b")
    text = "\\begin{outer}\nx^2 \\begin{myeq} a = b \\end{myeq}\n\\end{outer}\n"
    assert [(s.delimiter, s.line) for s in scan(text, kind="latex")] == [("outer", 1), ("myeq", 2)]


def test_an_unknown_environment_never_closed_is_reported_to_the_paragraph_end():
    segs = scan("\\begin{myeq}\na = b\n\nText $x$.", kind="latex")
    assert [(s.delimiter, bool(s.problem)) for s in segs] == [("myeq", True), ("$", False)]
    assert "nor closed" in segs[0].problem


def test_math_commands_only_inside_comments_or_verbatim_do_not_report():
    text = "\\begin{notes}\n% x = 1\n\\verb|a_b = c|\nPlain words.\n\\end{notes}\n"
    assert scan(text, kind="latex") == []
