"""A control sequence the notes define for themselves is not read in symbp's meaning (review rv52 A1).

As typeset after ``\\renewcommand{\\odot}{+}``, "δ^L = (a^L − y) ⊙ σ'(z^L)" says δ^L = (a^L − y) + σ'(z^L), which is
not BP1; symbp dropped the definition and said "holds". Each case below is BP1 as written (it holds without the
definition: the control) made unreadable by a definition of one of its names.
"""

from __future__ import annotations

import json

import pytest

from symbp.verify import verify_text
from symbp.verify.macrodefs import defined

COST = "Cost $C = \\frac12\\|a^L - y\\|^2$.\n\n"
BP1 = "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$\n"


def _statuses(text, kind="markdown"):
    return [(r.formula.kind, r.result.status) for r in verify_text(text, "nielsen", kind=kind).rows]


def test_without_a_definition_bp1_holds():
    assert ("claim", "holds") in _statuses(COST + BP1)


@pytest.mark.parametrize("definition, name", [
    ("$$\\def\\sigma{2\\varsigma}$$\n\n", "\\sigma"),
    ("$$\\renewcommand{\\odot}{+}$$\n\n", "\\odot"),
    ("$$\\newcommand\\odot{+}$$\n\n", "\\odot"),
    ("$$\\let\\odot\\times$$\n\n", "\\odot"),
    ("$$\\DeclareMathOperator{\\sigma}{sig}$$\n\n", "\\sigma"),
])
def test_a_formula_using_a_name_the_notes_define_is_unreadable(definition, name):
    report = verify_text(COST + definition + BP1, "nielsen")
    row = [r for r in report.rows if "\\delta^L" in r.formula.text][0]
    assert row.result.status == "unreadable" and name in row.result.reason


def test_a_latex_preamble_redefinition_reaches_the_body():
    text = ("\\documentclass{article}\n\\renewcommand{\\odot}{+}\n\\begin{document}\n" + COST
            + "\\[\\delta^L = (a^L - y) \\odot \\sigma'(z^L)\\]\n\\end{document}\n")
    report = verify_text(text, "nielsen", kind="latex")
    assert [r.result.status for r in report.rows if "\\delta^L" in r.formula.text] == ["unreadable"]
    assert report.exit_code != 0


def test_a_notebook_definition_in_another_cell_counts():
    nb = {"cells": [{"cell_type": "markdown", "source": ["$$\\renewcommand{\\odot}{+}$$"]},
                    {"cell_type": "markdown", "source": [COST, BP1]}], "metadata": {}, "nbformat": 4,
          "nbformat_minor": 5}
    assert defined(json.dumps(nb), "notebook") == {"\\odot": 1}
    report = verify_text(json.dumps(nb), "nielsen", kind="notebook")
    assert [r.result.status for r in report.rows if "\\delta^L" in r.formula.text] == ["unreadable"]


def test_a_definition_of_a_name_no_formula_uses_changes_nothing():
    assert ("claim", "holds") in _statuses(COST + "$$\\newcommand{\\R}{\\mathbb{R}}$$\n\n" + BP1)
    assert defined("\\newcommand{\\R}{\\mathbb{R}} \\def\\x{1} \\renewcommand*{\\odot}{+}") == {
        "\\R": 1, "\\x": 1, "\\odot": 1}


@pytest.mark.parametrize("preamble", [
    "\\renewcommand *{\\odot}{+}", "\\RenewDocumentCommand{\\odot}{}{+}", "\\DeclareDocumentCommand{\\odot}{}{+}",
    "\\csdef{odot}{+}", "\\cslet{odot}+", "\\letcs\\odot{oplus}", "\\expandafter\\def\\csname odot\\endcsname{+}",
    "\\RenewCommandCopy\\odot\\oplus", "\\renewcommand%\n{\\odot}{+}", "\\mathchardef\\odot=\"202B",
    "\\DeclareMathSymbol{\\odot}{\\mathbin}{operators}{\"2B}", "\\global\\let\\odot=+",
    "\\renewcommand{\\prime}{}",  # σ' is σ^{\prime}: typeset, BP1 loses its derivative
])
def test_every_way_latex_redefines_a_name_is_seen(preamble):
    # review rv53 F1: each of these typesets BP1 as something else (checked with pdflatex), and BP1 held
    text = ("\\documentclass{article}\n" + preamble + "\n\\begin{document}\n" + COST
            + "\\[\\delta^L = (a^L - y) \\odot \\sigma'(z^L)\\]\n\\end{document}\n")
    report = verify_text(text, "nielsen", kind="latex")
    assert [r.result.status for r in report.rows if "\\delta^L" in r.formula.text] == ["unreadable"]


# -- review rv53 F8: characters and the renderer's configuration ---------------------------------------------------

UNI = "\\begin{{document}}\n" + COST + "$$\\delta^L = (a^L - y) ⊙ \\sigma'(z^L)$$\n\\end{{document}}\n"


def _bp1(text, kind):
    return [r.result for r in verify_text(text, "nielsen", kind=kind).rows if "\\delta^L" in r.formula.text][0]


@pytest.mark.parametrize("preamble", ["\\DeclareUnicodeCharacter{2299}{+}", "\\DeclareUnicodeCharacter {2299} {+}",
                                      "\\newunicodechar{⊙}{+}"])
def test_a_unicode_character_the_notes_define_makes_the_formula_unreadable(preamble):
    # u3.tex, u1.tex: pdflatex typesets δ^L = (a^L − y) + σ'(z^L); symbp said "holds [BP1]"
    control = "\\documentclass{article}\n" + UNI.format()
    assert _bp1(control, "latex").status == "holds"  # the character ⊙ read as \odot: BP1
    result = _bp1("\\documentclass{article}\n" + preamble + "\n" + UNI.format(), "latex")
    assert result.status == "unreadable" and "⊙" in result.reason and "line 2" in result.reason


@pytest.mark.parametrize("script", [
    '<script>\nMathJax = { tex: { macros: { odot: "+" } } };\n</script>',
    '<script type="text/x-mathjax-config">\nMathJax.Hub.Config({ TeX: { Macros: { RR: "{\\\\bf R}", '
    'odot: ["+", 0] } } });\n</script>',
    '<script>\nrenderMathInElement(document.body, { delimiters: [], macros: { "\\\\odot": "+" } });\n</script>',
    '<script>\nwindow.MathJax = { tex: { macros: {\n  // the product\n  odot: "+",\n} } };\n</script>',
    '<script>\nMathJax.tex.macros.odot = "+";\n</script>',
    '---\ntitle: notes\nmacros:\n  "\\\\odot": "+"\n---\n',
])
def test_a_macro_configured_for_the_renderer_makes_the_formula_unreadable(script):
    # u2.md: MathJax renders \odot as +; symbp said "holds [BP1]"
    result = _bp1(script + "\n\n" + COST + BP1, "markdown")
    assert result.status == "unreadable" and "\\odot" in result.reason


def test_a_script_without_macros_changes_nothing_and_one_that_hides_them_makes_every_formula_unreadable():
    plain = '<script>\nMathJax = { tex: { inlineMath: [["$", "$"]] } };\n</script>\n\n'
    assert _bp1(plain + COST + BP1, "markdown").status == "holds"
    hidden = "<script>\nMathJax = { tex: { macros: myMacros } };\n</script>\n\n"
    report = verify_text(hidden + COST + BP1, "nielsen")
    assert {r.result.status for r in report.rows} == {"unreadable"}
    assert all("line 2" in r.result.reason for r in report.rows)
    assert defined(hidden + COST + BP1) == {"<macros>": 2}
