"""Proof documents (symbp.latex.document) and the ``symbp latex`` command.

Every document here is built from certificates that ``symbp.prove`` returns
(or, for the verdicts a prover rarely gives, from a real check we run here),
never from hand-typed "proved" claims.
"""

from __future__ import annotations

import dataclasses

import pytest

from symbp import identities
from symbp.certificate import Certificate, Step
from symbp.cli import main
from symbp.derive import GroundTruth
from symbp.errors import NotationError
from symbp.latex import document, render
from symbp.latex.typeset import math, text
from symbp.network import network
from symbp.prove import prove


def _between(doc: str, start: str, end: str) -> str:
    i = doc.index(start)
    return doc[i : doc.index(end, i)]


@pytest.mark.parametrize("notation", ["nielsen", "sokolinsky", "dyda"])
def test_every_step_of_a_proved_certificate_is_a_line_of_the_align(notation):
    cert = prove(identities.BP2, network([2, 3, 3, 2]))
    assert cert.verdict == "proved" and len(cert.steps) == 2
    doc = document.identity_document(cert, notation)
    proof = _between(doc, r"\begin{proof}", r"\end{align*}")
    for step in cert.steps:
        assert math(step.rhs, notation) in proof
        assert text(step.checked) not in proof  # how it was checked: in the table at the end, not under the line
        assert text(step.checked) in doc[doc.index("How the machine checked each line"):]
    assert proof.count("&= ") == len(cert.steps)  # one line per step, nothing more
    assert proof.count(r"\tag*{(") == len(cert.steps)  # each with its short justification, right-aligned
    assert r"\end{proof}" in doc  # amsthm's proof: the QED box
    assert doc.startswith(r"\documentclass") and doc.rstrip().endswith(r"\end{document}")
    assert "\\usepackage{amsmath,amsthm,array}" in doc and doc.count("\\usepackage{") == 1  # nothing else


def test_a_chain_of_steps_continues_with_equals():
    # Two steps whose equalities we check here with the ground truth (seed 000, BP3):
    # ∂C/∂b^3_1 = δ^3_1 and δ^3_1 = ∂C/∂z^3_1 by definition.
    net = network([2, 2])
    gt = GroundTruth(net)
    assert (gt.db(2, 1) - gt.delta(2, 1)).is_zero()
    steps = (
        Step(r"\frac{\partial C}{\partial b^{2}_{1}}", r"\delta^{2}_{1}", "BP3 at j = 1", "difference is the zero polynomial"),
        Step(r"\delta^{2}_{1}", r"\frac{\partial C}{\partial z^{2}_{1}}", "definition of δ", "by definition"),
    )
    cert = Certificate("BP3", net.describe(), "exact", "proved", instances=1, steps=steps)
    proof = _between(document.identity_document(cert, "sokolinsky"), r"\begin{proof}", r"\end{align*}")
    assert "\n &= " + math(steps[1].rhs, "sokolinsky") in proof  # the chain goes on with "= ..."
    assert proof.count(math(steps[1].lhs, "sokolinsky")) == 1  # its left side is not repeated
    assert r"$\delta $" in proof  # the justification's δ typeset as math


def test_refuted_identity_is_never_typeset_as_a_proof():
    cert = prove(identities.SOFTMAX_CE_ONE_HOT, network([3, 3, 3], cost="softmax-cross-entropy"))
    assert cert.verdict == "refuted"
    doc = document.identity_document(cert, "dyda")
    assert r"\begin{proof}" not in doc
    assert "Verdict: refuted" in doc and "Counterexample." in doc
    assert f"{cert.counterexample.lhs_value:.6g}" in doc and f"{cert.counterexample.rhs_value:.6g}" in doc
    assert "l=2" in doc  # the prover's "l=3" in Dyda's layer numbering
    for name in cert.counterexample.point:
        assert render.symbol_latex(name, "dyda") in doc


def test_undecided_identity_shows_its_reason_not_a_proof():
    # A real budget overrun of the exact prover.
    cert = prove(identities.BP2, network([3, 5, 5, 5, 3]), method="exact", budget=1e-6)
    assert cert.verdict == "undecided"
    doc = document.identity_document(cert, "nielsen")
    assert r"\begin{proof}" not in doc and "Verdict: undecided" in doc
    assert text(cert.reason) in doc
    with_rest = dataclasses.replace(cert, details={"remaining": r"w^{3}_{12} - w^{3}_{21}"})
    assert math("w^{3}_{12} - w^{3}_{21}", "sokolinsky") in document.identity_document(with_rest, "sokolinsky")


def test_probably_true_is_labelled_evidence_not_proof():
    cert = prove(identities.BP3, network([2, 3, 2]), method="pit")
    assert cert.verdict == "probably-true"
    doc = document.identity_document(cert, "nielsen")
    assert r"\begin{proof}" not in doc and "not a proof" in doc


def test_catalogue_document_groups_certificates_by_identity():
    certs = [prove(identities.BP3, network([2, 2])), prove(identities.BP3, network([2, 3, 2])), prove(identities.BP1, network([2, 2]))]
    doc = document.catalogue_document(certs, "nielsen")
    assert doc.count(r"\section{BP3}") == 1 and doc.count(r"\section{BP1}") == 1
    assert doc.count(r"\subsection*{On the network") == 2


def test_dyda_formulas_are_shown_as_written_in_other_notations():
    cert = prove(identities.DYDA_WEIGHT, network([2, 3, 2]))
    doc = document.identity_document(cert, "nielsen")
    assert "shown as written" in doc and "W^{[1]}" in doc


def test_words_are_data_another_language_is_a_dictionary(monkeypatch):
    monkeypatch.setitem(document.PHRASES, "xx", {"proof": "Beweis"})
    monkeypatch.setitem(document.JUSTIFICATIONS, "xx", {"definition of δ": "Definition von δ"})
    step = Step(r"\delta^{2}_{1}", r"\frac{\partial C}{\partial z^{2}_{1}}", "definition of δ")
    cert = Certificate("delta", {"sizes": [1, 2]}, "exact", "proved", steps=(step,))
    doc = document.identity_document(cert, "nielsen", lang="xx")
    assert r"\begin{proof}[Beweis]" in doc and "Definition von" in doc
    assert r"\section*{Definitions}" in doc  # a key missing from "xx" falls back to English


def test_text_escapes_latex_specials_and_maps_unicode():
    assert text("50% of lemma_dz & #2") == r"50\% of lemma\_dz \& \#2"
    # TeX-like tokens in words become math, re-indexed like any formula.
    assert text("C depends on z^l only through z^{l+1}", "sokolinsky") == r"C depends on $z^{(l)}$ only through $z^{(l+1)}$"
    assert text("Σ ≠ 0") == r"$\Sigma $ $\neq $ 0"
    assert "[U+4E2D]" in text("中")


# -- the command ------------------------------------------------------------------


def test_cli_writes_one_identity_document(tmp_path, capsys):
    out = tmp_path / "bp2.tex"
    assert main(["latex", "--notation", "sokolinsky", "--identity", "BP2", "--out", str(out)]) == 0
    doc = out.read_text()
    assert r"\section*{BP2}" in doc and "w^{(" in doc
    assert [p.name for p in tmp_path.iterdir()] == ["bp2.tex"]  # no temporary file left


def test_cli_unknown_notation_exits_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "x.tex"
    assert main(["latex", "--notation", "klingon", "--out", str(out)]) == 2
    assert "unknown notation 'klingon'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_unwritable_path_exits_2_and_leaves_no_partial_file(tmp_path, capsys):
    locked = tmp_path / "missing-dir" / "x.tex"
    assert main(["latex", "--identity", "BP3", "--out", str(locked)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_worked_example_and_bad_activation(tmp_path, capsys):
    out = tmp_path / "example.tex"
    assert main(["latex", "--sizes", "2,3,2", "--activation", "sigmoid", "--worked-example", "--out", str(out)]) == 0
    assert "Backward pass" in out.read_text()
    assert main(["latex", "--sizes", "2,3,2", "--activation", "generic", "--worked-example", "--out", str(out)]) == 2
    assert "needs numbers" in capsys.readouterr().err


def test_all_sizes_proofs_come_first_when_the_general_prover_is_present():
    # symbp.general (issue 3) proves for every size and depth; its lemma chain
    # leads the identity's section, the concrete proofs follow.
    pytest.importorskip("symbp.general")
    from symbp.latex import catalogue

    certs = catalogue.certificates(["BP2"])
    assert certs[0].verdict == "proved-for-all-sizes" and len(certs[0].steps) > 1
    assert all(c.verdict == "proved" for c in certs[1:])
    doc = document.identity_document(certs, "sokolinsky")
    for step in certs[0].steps:
        assert math(step.rhs, "sokolinsky") in doc


def test_a_refutation_by_shape_shows_the_reason_without_an_empty_point():
    # symbp.mutants: BP2 with the transpose dropped cannot even be formed on [2,3,3,2].
    from symbp import mutants

    cert = prove(mutants.BP2_NO_TRANSPOSE, network([2, 3, 3, 2]))
    assert cert.verdict == "refuted" and not cert.counterexample.point
    doc = document.identity_document(cert, "sokolinsky")
    assert r"\begin{proof}" not in doc and "cannot multiply" in doc
    assert "nan" not in doc and "\\begin{align*}\n\n\\end{align*}" not in doc


def test_cli_pdf_without_an_engine_exits_2_before_writing(tmp_path, monkeypatch, capsys):
    from symbp.latex import engine

    monkeypatch.setattr(engine, "find_engine", lambda: None)
    assert main(["latex", "--identity", "BP3", "--pdf", "--out", str(tmp_path / "bp3.tex")]) == 2
    assert "pdflatex" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(__import__("shutil").which("pdflatex") is None, reason="no LaTeX engine (pdflatex) installed")
def test_cli_pdf_compiles_and_cleans_up(tmp_path, capsys):
    assert main(["latex", "--notation", "dyda", "--identity", "BP1", "--pdf", "--out", str(tmp_path / "bp1.tex")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bp1.pdf", "bp1.tex"]
    assert (tmp_path / "bp1.pdf").read_bytes().startswith(b"%PDF")


def test_seed_004_row_vector_statements_are_shown_as_written_with_a_note():
    # x^T in seed 004's dL/dW = x^T dL/dy is a local name, not an indexed quantity.
    cert = prove(identities.get("rowvector-linear-dW"), network([2, 3, 2]))
    doc = document.identity_document(cert, "sokolinsky")
    assert "shown as the prover wrote them" in doc
    assert math(cert.steps[0].rhs, "nielsen") in doc


def test_matrix_forms_are_not_reindexed_into_a_row_vector_profile():
    from symbp.notation import PROFILES

    if "rowvector" not in PROFILES:
        pytest.skip("no row-vector profile in this build")
    with pytest.raises(NotationError):
        render.retarget(r"\delta^{l} = (w^{l+1})^T \delta^{l+1}", "rowvector")
    assert render.retarget(r"\partial C/\partial w^{2}_{jk}", "rowvector") == r"\partial L/\partial w^{2}_{kj}"


def test_an_undecided_chain_shows_its_attempt_and_remainder_but_no_proof():
    # The all-sizes prover (issue 3) returns `undecided` with the steps it tried,
    # the failing one marked "NOT established", and the remainder in its reason.
    good = prove(identities.BP2, network([2, 3, 3, 2])).steps[0]
    failing = Step(good.rhs, r"w^{3}_{12}", "lemma-dz-dz", "NOT established: remainder w^{3}_{12} - w^{3}_{21}")
    cert = Certificate("BP2", {"sizes": "symbolic"}, "all-sizes", "undecided", steps=(good, failing),
                       reason=r"substituting lemma-dz-dz does not give the next line; remainder w^{3}_{12} - w^{3}_{21}")
    doc = document.identity_document(cert, "sokolinsky")
    assert r"\begin{proof}" not in doc
    assert r"\paragraph{Attempt, not a proof.}" in doc and "NOT established" in doc
    assert r"\[ w^{(3)}_{21} - w^{(3)}_{12} \]" in doc  # the remainder as math, re-indexed


def test_a_counterexample_with_equal_values_is_not_called_a_difference():
    # Seen on main: an all-sizes refutation whose counterexample records 0 and 0.
    from symbp.certificate import Counterexample

    cx = Counterexample("[2, 3, 2]", 3, (1,), {"w^3_11": "1"}, "0", "0", 0.0, 0.0, reason="fails at l=3")
    cert = Certificate("softmax-ce-one-hot", {"sizes": [2, 3, 2]}, "all-sizes", "refuted", counterexample=cx, reason="fails")
    doc = document.identity_document(cert, "nielsen")
    assert "take different values" not in doc and "same value for both sides" in doc


def test_a_network_with_different_activations_is_named_by_every_layers(tmp_path, capsys):
    """Review rv38, F1: a tanh hidden layer under a sigmoid output was labelled "[2,3,2] tanh cross-entropy", a network
    on which ce-sigmoid (δ^L = a^L − y) is false; the label names each layer's activation in order."""
    out = tmp_path / "mix.tex"
    assert main(["latex", "--identity", "ce-sigmoid", "--sizes", "2,3,2", "--activation", "tanh,sigmoid",
                 "--cost", "cross-entropy", "--out", str(out)]) == 0
    written = out.read_text()
    assert "tanh $\\to $ sigmoid" in written
    assert "[2,3,2] tanh cross-entropy" not in written
    assert "activation tanh," not in written
