"""Finding the formulas of notes: nothing lost, nothing invented, every formula in one bucket (issues 12 and 13).

The cases are those of issue 13 ("Extraction that loses nothing") and issue 12
item 4 (a display split at ``\\quad`` or ``\\text{ plus }`` must never be checked
in part). Expected lines are counted by hand from the inputs.
"""

import json

import pytest

from symbp.verify.extract import extract, extract_all
from symbp.verify.notes import verify_text
from symbp.verify.scan import guess_kind, kind_of, scan

BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"


def texts(source, kind="markdown"):
    return [(f.line, f.text) for f in extract(source, kind)]


# -- delimiters, code and comments ------------------------------------------------


def test_stray_double_dollar_in_a_table_cell_loses_nothing():
    # Issue 13's file: the `$$` in the cell used to pair with the display below and drop it.
    source = "\n".join(["| c | g |", "|---|---|", "| x | $$ |", "", "$$", BP3, "$$"]) + "\n"
    items = extract_all(source)
    assert [(f.kind, f.line) for f in items] == [("unreadable", 3), ("claim", 6)]  # the formula's own line
    assert "never closed before the table cell ends" in items[0].reason
    assert items[1].text == BP3


def test_unclosed_delimiter_is_reported_and_the_scan_resynchronises_at_the_next_paragraph():
    source = "Broken $$ x = y\nstill the paragraph\n\n$a^l = \\sigma(z^l)$ and \\[ z = 1\n\n\\[ b = c \\]\n"
    items = extract_all(source)
    assert [(f.kind, f.line) for f in items] == [("unreadable", 1), ("claim", 4), ("unreadable", 4), ("claim", 6)]
    assert items[0].reason == "the $$ at line 1 is never closed before the paragraph ends"
    assert items[1].text == "a^l = \\sigma(z^l)" and items[3].text == "b = c"


def test_latex_comment_is_not_checked():
    source = "Text.\n% $\\delta^L = 2\\nabla_a C$\n$a^l = \\sigma(z^l)$ % $z = 1$\n"
    assert texts(source, "latex") == [(3, "a^l = \\sigma(z^l)")]


def test_escaped_percent_is_not_a_comment():
    assert texts("$a = b$ costs 5\\% and $c = d$\n", "latex") == [(1, "a = b"), (1, "c = d")]


def test_verb_is_not_math():
    assert texts("Write \\verb|$x = 1$| or \\verb+$$y=2$$+, then $a = b$.\n", "latex") == [(1, "a = b")]


def test_verbatim_environments_and_iffalse_are_not_math():
    source = ("\\begin{verbatim}\n$a = b$\n\\end{verbatim}\n\\iffalse $c = d$ \\fi\n"
              "\\begin{lstlisting}\n$$e = f$$\n\\end{lstlisting}\n$g = h$\n")
    assert texts(source, "latex") == [(8, "g = h")]


def test_escaped_dollars_are_not_delimiters():
    assert texts("It costs \\$5 and \\$6; $a = b$.\n") == [(1, "a = b")]


def test_markdown_code_spans_and_fenced_blocks_are_not_math():
    source = "Use `$a = b$` or ``$$c = d$$``.\n\n```latex\n$$e = f$$\n```\n\n~~~\n$g = h$\n~~~\n$u = v$\n"
    assert texts(source) == [(10, "u = v")]


def test_html_comment_in_markdown_is_not_math():
    assert texts("<!-- $a = b$\n$c = d$ -->\n$e = f$\n") == [(3, "e = f")]


def test_percent_in_markdown_prose_is_text_not_a_comment():
    assert texts("A 50% drop: $a = b$\n") == [(1, "a = b")]


def test_double_dollar_inside_table_cell_pairs_within_the_cell():
    source = "| a | b |\n|---|---|\n| $$a = b$$ | $c = d$ |\n"
    assert texts(source) == [(3, "a = b"), (3, "c = d")]


def test_norm_bars_lost_as_table_separators_are_repaired_and_control_spaces_kept():
    # A seed's "Обозначения" table turned \\| into "\\ ": read as (a - y^2)/2 it was refuted.
    damaged = "$C = \\frac{\\ a^L - y\\ ^2}{2}$ and $a = b \\ \\text{if} \\ c^2$\n"
    items = extract(damaged)
    assert [f.text for f in items] == ["C = \\frac{\\|a^L - y\\|^2}{2}", "a = b \\ \\text{if} \\ c^2"]
    assert items[0].repaired and not items[1].repaired
    report = verify_text(damaged.split(" and ")[0] + "\n", cost="quadratic")
    assert [r.result.status for r in report.rows] == ["holds"]


# -- environments and rows --------------------------------------------------------


def test_every_align_row_is_reported_at_its_own_line_with_labels_removed():
    source = ("\\begin{align}\n"
              "\\delta^L &= \\nabla_a C \\odot \\sigma'(z^L) \\label{eq:bp1} \\\\\n"
              "\\frac{\\partial C}{\\partial b^l_j} &= \\delta^l_j \\nonumber \\\\\n"
              "\\frac{\\partial C}{\\partial w^l_{jk}} &= a^{l-1}_k \\delta^l_j \\tag{BP4}\n"
              "\\end{align}\n")
    items = extract(source, "latex")
    assert [f.line for f in items] == [2, 3, 4]
    assert items[0].text == "\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)"
    assert items[0].removed == ("\\label{eq:bp1}",)
    assert items[1].removed == ("\\nonumber",) and items[2].removed == ("\\tag{BP4}",)


@pytest.mark.parametrize("env", ["align*", "gather", "eqnarray", "flalign", "alignat"])
def test_row_environments_give_one_claim_per_row(env):
    amp = "&=&" if env == "eqnarray" else "&="
    source = f"\\begin{{{env}}}\na {amp} b \\\\\nc {amp} d\n\\end{{{env}}}\n"
    assert texts(source, "latex") == [(2, "a = b"), (3, "c = d")]


def test_multline_is_one_equation_over_several_lines():
    source = "\\begin{multline}\na = b + c \\\\\n+ d\n\\end{multline}\n"
    assert texts(source, "latex") == [(2, "a = b + c + d")]


def test_continued_rows_check_each_step_against_the_first_side():
    source = "$$\\begin{aligned} x &= y \\\\ &= z \\\\ &= w \\end{aligned}$$\n"
    assert [f.text for f in extract(source)] == ["x = y", "x = z", "x = w"]


def test_matrix_rows_stay_inside_the_matrix():
    source = "$$a^l = \\begin{pmatrix} a_1 \\\\ a_2 \\end{pmatrix} \\\\ b = c$$\n"
    assert [f.text for f in extract(source)] == ["a^l = \\begin{pmatrix} a_1 \\\\ a_2 \\end{pmatrix}", "b = c"]


def test_a_display_continuing_the_one_before_it_starts_from_its_first_side():
    # Seed 002, lines 108-112: one derivation over three displays.
    source = "$$\\delta_i = \\frac{\\partial C}{\\partial z_i}$$\n\n$$= \\frac{\\partial C}{\\partial a_i} s$$\n"
    assert texts(source) == [(1, "\\delta_i = \\frac{\\partial C}{\\partial z_i}"),
                             (3, "\\delta_i = \\frac{\\partial C}{\\partial a_i} s")]


def test_a_continuation_with_nothing_before_it_is_unreadable():
    (f,) = extract_all("$$= a + b$$\n")
    assert f.kind == "unreadable" and "no formula before it" in f.reason


# -- splitting only at unambiguous boundaries (issue 12, item 4) --------------------


def test_quad_between_two_complete_claims_splits():
    assert [f.text for f in extract("$$z^l = w^l a^{l-1} + b^l \\quad a^l = \\sigma(z^l)$$")] == [
        "z^l = w^l a^{l-1} + b^l", "a^l = \\sigma(z^l)"]


def test_prose_between_two_claims_splits():
    assert [f.text for f in extract("$$a = b \\text{ and } c = d$$")] == ["a = b", "c = d"]


@pytest.mark.parametrize("tail", [
    r"\text{ plus } 2 \delta^l_j",       # prose followed by more math: the formula goes on
    r", \quad j = 2 \delta^l_j",         # issue 12's example: a condition-shaped remainder
    r"\quad \text{for } l < L",          # a condition in words: the reader reads it or says unreadable
    r"\quad \text{unless the layer is the output}",
])
def test_text_after_a_claim_that_is_not_a_claim_stays_attached(tail):
    (f,) = extract(f"$${BP3} {tail}$$")
    assert f.text == " ".join(f"{BP3} {tail}".split())


def test_a_clause_opened_by_because_or_ie_is_a_sentence_of_its_own():
    # Seed 000 line 300 (Czech): "…, protože b_k závisí jen na z_k, neboli ∂b_k/∂z_j = 0 když j ≠ k":
    # the claim, a prose clause (no relation: filed as prose) and a second claim with its condition.
    source = (r"$$\delta_j^l = \frac{\partial C}{\partial b_j^l}, \text{protože} \, b_k^l \, \text{závisí jen na} \, "
              r"z_k^l, \, \text{neboli} \, \frac{\partial b_k^l}{\partial z_j^l} = 0 \, \text{když j} \neq \text{k}$$")
    got = [(f.kind, f.text) for f in extract_all(source)]
    assert got == [("claim", r"\delta_j^l = \frac{\partial C}{\partial b_j^l}"),
                   ("prose", r"b_k^l \, \text{závisí jen na} \, z_k^l"),
                   ("claim", r"\frac{\partial b_k^l}{\partial z_j^l} = 0 \, \text{když j} \neq \text{k}")]
    # p\'itom (přitom, its ř lost in extraction) at the end of a row: the words are no condition of the claim
    assert [f.text for f in extract(r"$$a^l = \sigma(z^l) \quad \text{p\'itom aktivace k-t\'eho neuronu}$$")] == [
        r"a^l = \sigma(z^l)"]


@pytest.mark.parametrize("tail", [
    r", \text{since } j \neq k",                        # a reason that restricts the claim: kept on it
    r", \text{protože} \, j < k",
    r", \text{because } c \text{ is } d \text{ when } j \neq k",
])
def test_a_clause_that_holds_a_relation_stays_on_the_claim(tail):
    claim = r"\frac{\partial a_k^L}{\partial z_j^L} = 0"
    (f,) = extract(f"$${claim} {tail}$$")
    assert "".join(f.text.split()) == "".join(f"{claim} {tail}".split())  # nothing split off, nothing lost
    (row,) = verify_text(f"$${claim} {tail}$$\n").rows
    assert row.result.status != "holds"  # never checked without the words that may restrict it


def test_a_neq_whose_backslash_n_was_eaten_is_repaired():
    (f,) = extract("$$\\frac{\\partial a_k^L}{\\partial z_j^L} = 0 \\; \\text{pokud} \\; j\neq k$$")
    assert f.text.endswith(r"j \neq k") and f.repaired


def test_a_display_split_at_text_plus_is_never_reported_as_holding():
    report = verify_text(f"$${BP3} \\text{{ plus }} 2\\delta^l_j$$\n")
    (row,) = report.rows
    assert row.result.status != "holds"


def test_equation_numbers_and_comments_are_removed_and_listed():
    (f,) = extract(f"$${BP3}, \\quad (0.1)$$")
    assert f.text == BP3 and f.removed == ("(0.1)",)
    (g,) = extract(f"$${BP3} \\quad (\\text{{BP3}})$$")
    assert g.text == BP3 and g.removed == ("(\\text{BP3})",)
    (h,) = extract(f"$${BP3} // \\text{{ для одного нейрона}}$$")  # seed 002 writes comments after //
    assert h.text == BP3 and h.removed == ("// \\text{ для одного нейрона}",)


# -- buckets -----------------------------------------------------------------------


def test_every_formula_is_in_exactly_one_bucket():
    source = ("$x$ and $\\Delta C \\approx \\nabla C \\cdot \\Delta v$; let $\\delta^l_j := \\frac{\\partial C}"
              "{\\partial z^l_j}$ and $\\delta_j \\equiv \\frac{\\partial C}{\\partial z_j}$ for $l = 2, \\dots, L$.\n"
              f"\n$${BP3}$$\n\n$$ broken\n")
    kinds = [f.kind for f in extract_all(source)]
    assert kinds == ["prose", "prose", "definition", "definition", "definition", "claim", "unreadable"]


def test_account_line_counts_every_formula_once():
    source = (f"$x$, $y := 1$.\n\n$${BP3}$$\n\n$$\\frac{{\\partial C}}{{\\partial b^l_j}} = 2\\delta^l_j$$\n\n"
              "$$\\frac{\\partial C}{\\partial b^l_j} = \\unknownmacro$$\n\n$$ broken\n")
    report = verify_text(source)
    assert report.account_line() == (
        "found 6 formulas: 2 judged (1 holds, 1 refuted), 1 definition, 1 prose, 2 unreadable")
    assert sum(report.account().values()) == 6


def test_identical_claims_are_folded_with_all_their_lines():
    (f,) = extract(f"$${BP3}$$\n\n$${BP3}$$\n")
    assert f.lines == (1, 3)


# -- exit codes for whole notes (issue 13, item 7) -----------------------------------


def test_notes_exit_codes_refuted_then_undecided_then_zero_unreadable_only_when_strict():
    refuted = f"$${BP3}$$\n\n$$\\frac{{\\partial C}}{{\\partial b^l_j}} = 2\\delta^l_j$$\n"
    assert verify_text(refuted).exit_code == 1
    unreadable = f"$${BP3}$$\n\n$$\\frac{{\\partial C}}{{\\partial b^l_j}} = \\unknownmacro$$\n\n$$ open\n"
    assert verify_text(unreadable).exit_code == 0
    assert verify_text(unreadable, strict=True).exit_code == 2
    undecided = f"$${BP3}$$\n\n$$\\frac{{\\partial C}}{{\\partial w^l_{{jk}}}} = a^{{l-1}}_k \\delta^l_j$$\n"
    assert verify_text(undecided, budget=0.001).exit_code in (0, 3)  # a tiny budget: undecided or done
    assert all(r.result.status in ("holds", "undecided") for r in verify_text(undecided, budget=0.001).rows)


# -- notebooks ----------------------------------------------------------------------


def test_notebook_markdown_cells_with_cell_numbers():
    nb = {"cells": [
        {"cell_type": "markdown", "source": ["# Backprop\n", "\n", f"$${BP3}$$\n"]},
        {"cell_type": "code", "source": ["x = '$a = b$'\n"]},
        {"cell_type": "markdown", "source": "Then\n$a^l = \\sigma(z^l)$\n"},
    ], "nbformat": 4}
    items = extract(json.dumps(nb), "notebook")
    assert [(f.cell, f.line, f.text) for f in items] == [(1, 3, BP3), (3, 2, "a^l = \\sigma(z^l)")]
    assert items[0].where == "cell 1, line 3"


@pytest.mark.parametrize("cells, words", [
    ([{"cell_type": "markdown", "source": 7}], "source of markdown cell 1 is int"),
    ([{"cell_type": "code", "source": "x"}, {"cell_type": "markdown", "source": ["$a$", 3]}],
     "source of markdown cell 2 is list"),
    ([5], "cell 1 is not a cell"),
    ([{"source": "$$a = b$$"}], "cell 1 is not a cell"),
])
def test_a_notebook_cell_that_is_not_text_is_bad_input_not_skipped(cells, words):
    # review rv43 C4: a markdown cell whose source was 7 was read as the text "7": "found no formulas", exit 0
    from symbp.errors import InputFileError

    with pytest.raises(InputFileError, match=words):
        scan(json.dumps({"cells": cells}), "notebook")


def test_a_broken_notebook_is_bad_input():
    from symbp.errors import InputFileError

    with pytest.raises(InputFileError, match="not a Jupyter notebook"):
        scan("{not json", "notebook")


def test_kinds_from_names_and_text():
    assert [kind_of(n) for n in ("a.tex", "b.md", "c.ipynb", "d.txt", "e")] == [
        "latex", "markdown", "notebook", "markdown", "markdown"]
    assert guess_kind("\\documentclass{article}\n$a=b$") == "latex"
    assert guess_kind('{"cells": []}') == "notebook"
    assert guess_kind("# Notes\n$a = b$") == "markdown"


# -- linear size: the pathological inputs of issue 12 finish, and lose nothing --------


def test_twelve_thousand_unclosed_environments_are_each_reported():
    source = "\\begin{equation}\n" * 12_000
    items = extract_all(source, "latex")
    assert [f.line for f in items] == list(range(1, 12_001))
    assert all(f.kind == "unreadable" and f"at line {f.line} is never closed" in f.reason for f in items)


def test_many_unclosed_dollars_and_backticks_do_not_hide_a_later_formula():
    source = "$ " * 5_000 + "\n\n" + "`` ` " * 2_000 + f"\n\n$${BP3}$$\n"
    assert [f.text for f in extract(source)] == [BP3]


# Review 14: after a value condition in a display, a claim with a derivative set apart by spacing alone is a claim of
# its own (the condition stays on the claim before); anything else stays attached, so the reader reports it.
def test_a_claim_after_a_display_condition_is_cut_off_and_a_value_is_not():
    from symbp.verify.claims import pieces
    first = r"\frac{\partial h_1}{\partial x_2} = 0 \quad \text{when } w_{21} = 0"
    second = r"\frac{\partial g_1}{\partial x_2} = w_{21}"
    assert [t for t, _ in pieces(f"{first}, \\quad {second}")] == [first, second]
    for glued in (f"{first}, \\quad x_1 = 5", f"{first} \\text{{ and }} {second}", f"{first} \\text{{ or }} x_1 = 5"):
        assert [t for t, _ in pieces(glued)] == [glued]


@pytest.mark.parametrize("display, parts", [
    # review 20: s and p are index letters, but s = V h and p = softmax(u) define quantities, not index conditions
    (r"g = W x, \quad h = \tanh(g), \quad s = V h, \quad L = \frac{1}{2}\|s - t\|^2",
     ["g = W x", r"h = \tanh(g)", "s = V h", r"L = \frac{1}{2}\|s - t\|^2"]),
    (r"u = h V, \quad p = \operatorname{softmax}(u)", ["u = h V", r"p = \operatorname{softmax}(u)"]),
    # a condition on an index stays on its claim
    (r"\delta^l = w \quad l = 2, \dots, L", [r"\delta^l = w \quad l = 2, \dots, L"]),
    (r"\delta^l_j = x \quad j = n_l", [r"\delta^l_j = x \quad j = n_l"]),
    (r"\delta^l_j = x, \quad l = L - 1", [r"\delta^l_j = x, \quad l = L - 1"]),
])
def test_a_definition_named_by_an_index_letter_is_a_claim_of_its_own(display, parts):
    from symbp.verify.claims import pieces
    assert [t for t, _ in pieces(display)] == parts
