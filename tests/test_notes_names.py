"""Issue 13 (seeds 000 and 002): rows of a one-column array, a chain ending in "=", and the notes' own names.

Cases written by hand after the seeds: Nielsen's Czech lecture (seed 000, line 338) puts a label and a chain
ending in "=" in one ``\\begin{array}{c}``; Sokolinsky's lecture (seed 002) names the network's output
``a^{(L)} = α(x)`` under "Обозначения" and writes its cost ``c`` where it says ΔC ≈ ∂c/∂z Δz. The expected
verdicts come from BP1 (δ^L = ∇_a C ⊙ σ'(z^L), which ⊙ commutes) and from the quadratic cost
C = ½‖a^L − y‖², whose a^{(l)} for a hidden layer has the wrong size (n_l entries against y's n_L).
"""

import importlib

import pytest

from symbp.notation import profile
from symbp.oracle import numeric
from symbp.verify.extract import extract_all
from symbp.verify import verify
from symbp.verify.names import as_cost, cost_letter_alias, names_output, schematic
from symbp.verify.notes import verify_text

network_check = importlib.import_module("symbp.verify.network_check")

BP1_CHAIN = (r"\delta^L = \nabla_a C \odot \sigma'(z^L) = \begin{pmatrix} \frac{\partial C}{\partial a_1^L} \\ \vdots \\ "
             r"\frac{\partial C}{\partial a_{n_L}^L} \end{pmatrix} \odot \begin{pmatrix} \sigma'(z_1^L) \\ \vdots \\ "
             r"\sigma'(z_{n_L}^L) \end{pmatrix} = \begin{pmatrix} \sigma'(z_1^L) \\ \vdots \\ \sigma'(z_{n_L}^L) "
             r"\end{pmatrix} \odot \begin{pmatrix} \frac{\partial C}{\partial a_1^L} \\ \vdots \\ "
             r"\frac{\partial C}{\partial a_{n_L}^L} \end{pmatrix}")


def test_a_one_column_array_that_is_the_whole_display_is_read_row_by_row():
    source = "$$\\begin{array}{c} \\text{\\textbf{počtu:}} \\\\ " + BP1_CHAIN + " = \\\\ \\end{array}$$\n"
    items = extract_all(source)
    assert [(f.kind, f.text) for f in items] == [("prose", r"\text{\textbf{počtu:}}"), ("claim", BP1_CHAIN)]
    assert items[1].source.endswith("=")  # the "=" the chain goes on from is in the row as written
    report = verify_text(source, "nielsen")
    assert [r.result.status for r in report.rows] == ["holds"]


def test_a_wrong_row_in_such_an_array_is_refuted():
    # the same display with BP1's σ' replaced by σ: the row is read, and refuted
    wrong = r"\delta^L = \nabla_a C \odot \sigma(z^L)"
    report = verify_text(f"$$\\begin{{array}}{{c}} \\text{{počtu:}} \\\\ {wrong} = \\\\ \\end{{array}}$$\n", "nielsen")
    assert [r.result.status for r in report.rows] == ["refuted"]


def test_arrays_with_columns_or_beside_other_math_stay_whole():
    # two arrays side by side, an array in \left( … \right), an array with two columns: not rows of the display
    for source in (r"$$\begin{array}{c} x \\ y \end{array} \quad \begin{array}{c} a = b \\ c \end{array}$$",
                   r"$$v = \left( \begin{array}{c} a_1^L \\ a_2^L \end{array} \right)$$",
                   r"$$\begin{array}{cc} a^l = \sigma(z^l) & x \\ y & z \end{array}$$"):
        items = extract_all(source + "\n")
        assert items and all("\\begin{array}" in f.text for f in items), source  # no row taken out of an array


def test_a_dangling_equals_sign_needs_an_equation_before_it():
    # "a = b =" is checked as a = b (the chain goes on in the next display); a lone "x =" is left as written
    items = extract_all("$$z^l = w^l a^{l-1} + b^l =$$\n\n$$x =$$\n")
    assert [(f.kind, f.text) for f in items][0] == ("claim", "z^l = w^l a^{l-1} + b^l")
    assert items[1].text == "x ="


def test_the_output_named_as_a_function_of_the_input_is_a_definition():
    nt = profile("sokolinsky")
    assert names_output(r"\mathbf{a}^{(L)} = \boldsymbol{\alpha}(\mathbf{x})", nt) == r"\alpha"
    assert names_output(r"a^{(L)} = f(x)", nt) == "f"
    # not the output, not of the input, or a function symbp reads: no new name
    assert names_output(r"a^{(l)} = \alpha(x)", nt) == ""
    assert names_output(r"a^{(L)} = \alpha(z^{(L)})", nt) == ""
    assert names_output(r"a^{(L)} = \sigma(x)", nt) == ""
    assert names_output(r"a^{(L)} = \alpha(x) + 1", nt) == ""
    report = verify_text("$\\mathbf{a}^{(L)} = \\boldsymbol{\\alpha}(\\mathbf{x})$ – the output\n", "sokolinsky")
    assert report.rows == [] and [f.kind for f in report.skipped] == ["definition"]


def test_the_cost_in_lower_case_only_with_the_notes_evidence():
    assert cost_letter_alias([r"\Delta C \approx \frac{\partial c}{\partial z_i^{(l)}} \Delta z_i^{(l)}"], "C") == "c"
    assert cost_letter_alias([r"c = \frac{\|a^{(L)} - y\|^2}{2}"], "C") == ""
    assert as_cost(r"c = \frac{\|a^{(L)} - y\|^2}{2}", "c", "C") == r"C = \frac{\|a^{(L)} - y\|^2}{2}"
    assert as_cost(r"c = c + 1", "c", "C") == r"c = c + 1"  # c on the right too: not a definition of it
    evidence = "$\\Delta C \\approx \\frac{\\partial c}{\\partial z_i^{(l)}} \\Delta z_i^{(l)}$\n\n"
    right, hidden = r"$c = \frac{\|a^{(L)} - y\|^2}{2}$", r"$c = \frac{\|a^{(l)} - y\|^2}{2}$"
    statuses = [r.result.status for r in verify_text(f"{right}\n\n{hidden}\n\n{evidence}", "sokolinsky").rows]
    assert statuses == ["holds", "refuted"]  # a^{(l)} - y: n_l entries against n_L
    # without the evidence c is no letter of the notation: unreadable, not guessed (nor taken for a new name:
    # the cost's letter in lower case is too close to the cost to be the notes' own name)
    assert [r.result.status for r in verify_text(f"{right}\n", "sokolinsky").rows] == ["unreadable"]


def test_contexts_of_two_notations_share_the_network_and_a_polluted_one_is_dropped_with_all_its_contexts():
    network_check._CONTEXTS.clear()
    a = network_check._context((2, 3, 2), "generic", "softmax-cross-entropy", False, profile("nielsen"))
    b = network_check._context((2, 3, 2), "generic", "softmax-cross-entropy", False, profile("sokolinsky"))
    assert a is not b and a.net is b.net and a.gt is b.gt
    a.sigma_at_softmax = True  # σ written at the softmax output added atoms to the shared model
    c = network_check._context((2, 3, 2), "generic", "softmax-cross-entropy", False, profile("nielsen"))
    d = network_check._context((2, 3, 2), "generic", "softmax-cross-entropy", False, profile("sokolinsky"))
    assert c.net is not a.net and d.net is c.net and not c.sigma_at_softmax
    network_check._CONTEXTS.clear()
    assert network_check._NETWORKS == {}


def test_a_definition_written_at_several_lines_is_verified_once(monkeypatch):
    import symbp.verify.notesrows as notes  # where a formula is checked once per setting (_Once)

    calls = []
    real = notes.verify
    monkeypatch.setattr(notes, "verify", lambda text, *a, **k: calls.append(text) or real(text, *a, **k))
    source = "$$z^l = w^l a^{l-1} + b^l$$\n\ntext\n\n$$z^l = w^l a^{l-1} + b^l$$\n"
    report = verify_text(source, "nielsen")
    assert calls == ["z^l = w^l a^{l-1} + b^l"]
    assert [(r.formula.lines, r.result.status) for r in report.rows] == [((1, 5), "holds")]


def test_the_oracles_shared_context_keeps_its_precision():
    ctx = numeric._work_context()
    ctx.dps = 15  # whatever changed it, the next oracle computes at its own precision
    assert numeric._work_context().dps == numeric.WORK_DIGITS


# Nielsen, ch. 2, eq. (32) (seed 000 lines 156, 166): ∂C/∂w = a_in δ_out is BP4 with w = w^l_{jk}, a_in = a^{l-1}_k
# and δ_out = δ^l_j. By hand: ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j (true); swapping in and out gives a^l_j δ^{l-1}_k (false:
# on [2, 3, 2] at l = 3 it is a^3_1 δ^2_1, not a^2_1 δ^3_1); a factor 2 is false.
@pytest.mark.parametrize("formula, status", [
    (r"\frac{\partial C}{\partial w} = a_{\rm in} \delta_{\rm out}", "holds"),
    (r"\frac{\partial C}{\partial w} = \delta_{\mathrm{out}} a_{\mathrm{in}}", "holds"),
    (r"\frac{\partial C}{\partial w} = a_{\text{in}} \delta_{\text{out}}", "holds"),
    (r"\frac{\partial C}{\partial w} = a_{\rm out} \delta_{\rm in}", "refuted"),
    (r"\frac{\partial C}{\partial w} = 2 a_{\rm in} \delta_{\rm out}", "refuted"),
    (r"\frac{\partial C}{\partial w} = a_{\rm in} \delta_{\rm in}", "refuted"),
])
def test_nielsens_schematic_bp4(formula, status):
    v = verify(formula)
    assert v.status == status, v.reason
    assert "schematic" in v.interpretation["per_sample"]


def test_schematic_form_only_in_nielsens_notation_and_with_a_bare_w():
    assert schematic(r"\frac{\partial C}{\partial w} = a_{\rm in} \delta_{\rm out}", profile("sokolinsky")) is None
    assert schematic(r"\frac{\partial C}{\partial w^l_{jk}} = a_{\rm in} \delta^l_j", profile("nielsen")) is None
    # a w left without its indices elsewhere is not read away: unreadable or uninterpretable, never a verdict
    assert verify(r"\frac{\partial C}{\partial w} = a_{\rm in} \delta_{\rm out} w").status in ("unreadable",
                                                                                                "uninterpretable")


def test_schematic_form_damaged_by_extraction_is_repaired():
    # Seed 000 line 156: "\r" of "\rm" eaten, leaving a line break and " m in}".
    report = verify_text("$\\frac{\\partial C}{\\partial w} \\equiv a_{\n m in} \\delta_{\n m out}$\n", "nielsen")
    (row,) = report.rows
    assert row.formula.repaired and row.result.status == "holds", row.result.reason
