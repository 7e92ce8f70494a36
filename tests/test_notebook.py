"""Notebooks: the rich displays of symbp's objects, and docs/tutorial.ipynb executed end to end."""

from pathlib import Path

import pytest

from symbp import identities, network, prove, prove_all
from symbp.certificate import Certificates
from symbp.numeric.train import History
from symbp.verify import verify

ROOT = Path(__file__).resolve().parents[1]


def test_a_network_shows_its_layers_cost_and_parameter_count():
    net = network([2, 3, 2], activation="sigmoid", cost="quadratic")
    page = net._repr_html_()
    assert "17 parameters" in page and page.count("<tr>") == 4  # header + 3 layers
    assert "sigmoid" in net._repr_latex_() and "[2,3,2]" in net._repr_latex_()


def test_prove_all_is_a_list_shown_as_a_table_of_verdicts():
    certs = prove_all(network([2, 3, 2]), ["BP1", "BP3"])
    assert isinstance(certs, Certificates) and isinstance(certs, list) and len(certs) == 2
    page = certs._repr_html_()
    assert page.count("<tr>") == 3 and page.count(">proved<") == 2
    assert "<math" in page  # the statements typeset
    assert r"\text{BP3}" in certs._repr_latex_()


def test_a_refuted_formula_shows_its_counterexample_and_correction():
    # The factor 2 of examples/lecture.tex: C = ½‖a − y‖² gives ∇_a C = a − y.
    v = verify(r"\nabla_a C = 2 (a^L - y)")
    assert v.status == "refuted" and v.counterexample is not None
    page = v._repr_html_()
    assert "refuted" in page and "counterexample" in page and "corrected" in page
    assert page.count("<math") >= 3  # the formula, the point, the corrected formula
    assert "corrected" in v._repr_latex_()
    # BP2 without its transpose: refuted by the shapes alone, which the page says in words.
    shapes = verify(r"\delta^l = (w^{l+1} \delta^{l+1}) \odot \sigma'(z^l)")
    assert shapes.status == "refuted" and "does not multiply" in shapes._repr_html_()


def test_a_history_draws_loss_and_accuracy():
    h = History(loss=[0.5, 0.3, 0.2], accuracy=[0.5, 0.75, 1.0], test_loss=[0.6, 0.4, 0.3],
                test_accuracy=[0.5, 0.5, 0.75])
    svg = h._repr_html_()
    assert svg.startswith("<svg") and svg.count("<polyline") == 4


def test_a_single_certificate_shows_its_typeset_proof():
    cert = prove(identities.BP2, network([2, 3, 2]))
    assert cert._repr_latex_().startswith("\\begin{align*}")


def test_the_tutorial_notebook_runs_and_every_display_is_rich(tmp_path):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra")
    pytest.importorskip("ipykernel", reason="ipykernel is in the test extra")
    nb = nbformat.read(ROOT / "docs" / "tutorial.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    kinds = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            assert out.output_type != "error", out
            kinds.append(set(out.get("data", {})))
    assert sum("text/html" in k for k in kinds) >= 5  # network, certificates, two verifications, history
    assert any("text/latex" in k and "text/html" not in k for k in kinds)  # the proof of BP2
    assert any("image/svg+xml" in k for k in kinds)  # the computational graph (Graphviz)
