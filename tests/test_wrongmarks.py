r"""Formulas the notes mark wrong without words: struck out, tagged, crossed, tabulated, under a heading (``wrongmarks``;
review rv50 A2, A4).

Short notes written for these tests, under symbp's default model (Nielsen's z^l = w^l a^{l-1} + b^l, a^l = σ(z^l),
C = ½‖a^L − y‖²), verdicts worked out by hand: BP3 ∂C/∂b^l_j = δ^l_j is true (∂z^l_j/∂b^l_j = 1), and δ^L = a^L − y
is false (the factor σ'(z^L) of BP1 is missing; σ generic). A formula the notes mark wrong is not their claim: how
wrong they mean it is not said, so it is uninterpretable, never "holds" (before, BP3 struck out held, exit 0). The
controls (a tick, a plain heading, a "yes" cell, a tag that names, a theorem) keep the formula the notes' claim.
"""

import json

import pytest

from symbp.verify.notes import verify_text

BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
SLIP = r"\delta^L = a^L - y"


def _statuses(text: str, kind: str = "markdown") -> dict:
    return {r.formula.text: r.result.status for r in verify_text(text, kind=kind).rows}


def _status(text: str, kind: str = "markdown") -> str:
    found = _statuses(text, kind)
    assert len(found) == 1, found
    return next(iter(found.values()))


@pytest.mark.parametrize("notes", [
    "~~$BP3$~~\n",
    "<del>$BP3$</del>\n",
    "<s>$BP3$</s>\n",
    "- ❌ $BP3$\n",
    "1. $BP3$ ✗\n",
    "| formula | correct? |\n|---|---|\n| $BP3$ | no |\n",
    "| wrong | right |\n|---|---|\n| $BP3$ | $\\delta^l_j$ |\n",
    "## Common mistakes (do not use these)\n\n1. $BP3$\n",
    "Erratum: in the previous version we wrote $$BP3,$$ which has been corrected.\n",
    "Cvičení. Najděte chybu ve vzorci $$BP3.$$\n",
    "Упражнение. Найдите ошибку в формуле $$BP3.$$\n",
    "Ćwiczenie. Znajdź błąd we wzorze $$BP3.$$\n",
    "Exercise. Explain why $$BP3$$ is off by a factor.\n",
    "> Student answer (marked 0/5): $$BP3$$\n",
])
def test_wrongmarks_a_true_formula_marked_wrong_in_markdown_is_not_judged(notes):
    assert _status(notes.replace("BP3", BP3)) == "uninterpretable", notes


@pytest.mark.parametrize("notes", [
    "\\sout{$BP3$}\n",
    "\\st{$BP3$}\n",
    "\\begin{equation} BP3 \\tag{wrong} \\end{equation}\n",
    "\\begin{itemize}\\item[\\xmark] $BP3$\\end{itemize}\n",
    "\\begin{itemize}\\item[$\\times$] $BP3$\\end{itemize}\n",
    "\\begin{remark}[A common mistake] $$BP3$$ \\end{remark}\n",
    "\\begin{mistake} $$BP3$$ \\end{mistake}\n",
    "\\subsection*{Errors in last year's notes} $$BP3$$\n",
])
def test_wrongmarks_a_true_formula_marked_wrong_in_latex_is_not_judged(notes):
    assert _status(notes.replace("BP3", BP3), "latex") == "uninterpretable", notes


def test_wrongmarks_a_false_formula_struck_out_is_not_judged_either():
    # struck out, it is not the notes' claim: not refuted as one (nor "holds": how wrong they mean it is not said)
    assert _status(f"~~${SLIP}$~~\n") == "uninterpretable"


def test_wrongmarks_a_heading_reaches_to_the_next_heading_of_its_level():
    notes = f"## Common mistakes\n\n### Output layer\n\n$${SLIP}$$\n\n## Backpropagation\n\n$${BP3}$$\n"
    assert _statuses(notes) == {SLIP: "uninterpretable", BP3: "holds"}


def test_wrongmarks_the_crossed_item_only_the_ticked_one_is_the_claim():
    notes = f"\\begin{{itemize}}\\item[\\xmark] ${BP3}$ \\item[\\cmark] ${SLIP}$\\end{{itemize}}\n"
    assert _statuses(notes, "latex") == {BP3: "uninterpretable", SLIP: "refuted"}


@pytest.mark.parametrize("notes, kind", [
    ("- ✓ $SLIP$\n", "markdown"),
    ("- ✅ $SLIP$\n", "markdown"),
    ("## Backpropagation\n\n$$SLIP$$\n", "markdown"),
    ("## Output error\n\n$$SLIP$$\n", "markdown"),
    ("| formula | correct? |\n|---|---|\n| $SLIP$ | yes |\n", "markdown"),
    ("\\begin{equation} SLIP \\tag{BP1} \\end{equation}\n", "latex"),
    ("\\begin{theorem}[Output error] $$SLIP$$ \\end{theorem}\n", "latex"),
    ("\\subsection{Errors of the output layer} $$SLIP$$\n", "latex"),
    ("Exercise. Find $$SLIP.$$\n", "markdown"),
])
def test_wrongmarks_controls_keep_the_notes_claim_judged(notes, kind):
    # a tick, a plain heading, a "yes" cell, a tag that names, a theorem: the notes claim it, and it is false
    assert _status(notes.replace("SLIP", SLIP), kind) == "refuted", notes


def _notebook(*cells: str) -> str:
    # a notebook of these cells: markdown, or code when one starts with "#!code "
    return json.dumps({"cells": [{"cell_type": "code", "source": c[len("#!code "):], "metadata": {}, "outputs": []}
                                 if c.startswith("#!code ") else {"cell_type": "markdown", "source": c, "metadata": {}}
                                 for c in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.mark.parametrize("cells", [
    ("$$BP3$$", "This is incorrect."),
    ("A common mistake is to write", "$$BP3$$"),
    ("Some words first.\n\nIt is not true that", "$$BP3$$"),
    ("It is not true that $$BP3$$",),
])
def test_wrongmarks_a_notebook_denial_across_cells_is_read(cells):
    # the notes call true BP3 wrong: their statement is refuted (it held, exit 0, review rv50 A14)
    assert _status(_notebook(*(c.replace("BP3", BP3) for c in cells)), "notebook") == "refuted", cells


def test_wrongmarks_a_notebook_mark_is_read_and_plain_cells_stay_claims():
    notes = _notebook(f"~~${BP3}$~~", "#!code x = 1", f"$${SLIP}$$", "This is what we use.")
    assert _statuses(notes, "notebook") == {BP3: "uninterpretable", SLIP: "refuted"}


def test_wrongmarks_a_latex_table_row_that_says_no():
    table = f"\\begin{{tabular}}{{ll}}\n${BP3}$ & no \\\\\n${SLIP}$ & yes \\\\\n\\end{{tabular}}\n"
    assert _statuses(table, "latex") == {BP3: "uninterpretable", SLIP: "refuted"}


def test_wrongmarks_a_comment_in_a_code_block_is_no_heading():
    notes = f"```python\n# Pitfalls\nx = 1\n```\n\nThe output error is\n\n$${SLIP}$$\n"
    assert _status(notes) == "refuted"
