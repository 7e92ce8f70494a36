"""The layers on the command line, in the documents and in test suites (issue 15).

Exit codes as everywhere: 0 proved, 1 refuted, 2 bad input (one paragraph, no
traceback), 3 undecided.
"""

from __future__ import annotations

import json
import shutil

import pytest

from symbp import layers
from symbp.cli import main

pytest_plugins = ["pytester"]

# As in test_testing.py: pytester's in-process runs drop the modules first imported
# inside them, so every symbp module is imported here, once, up front.
import importlib  # noqa: E402
import pkgutil  # noqa: E402

import symbp  # noqa: E402

for _info in pkgutil.walk_packages(symbp.__path__, "symbp."):
    try:
        importlib.import_module(_info.name)
    except ImportError:  # a module of an optional extra that is not installed
        pass


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_layer_identities_beside_bp1_to_bp4(capsys):
    code, out, _ = run(capsys, "prove", "--list")
    assert code == 0
    assert "BP4" in out
    for ident in layers.IDENTITIES:
        assert ident.name in out
    assert "layer kinds" in out and "conv2d" in out


def test_prove_a_layer_identity_at_its_default_shape_and_another(capsys):
    code, out, _ = run(capsys, "prove", "--identity", "conv2d-input-gradient")
    assert code == 0 and "proved" in out and "conv2d(" in out
    code, out, _ = run(capsys, "prove", "--identity", "conv2d-input-gradient", "--shape", "stride=2,input=5x5", "--json")
    cert = json.loads(out)[0]
    assert code == 0 and cert["verdict"] == "proved" and cert["network"]["shape"]["stride"] == [2, 2]


def test_prove_every_identity_of_a_layer(capsys):
    code, out, _ = run(capsys, "prove", "--layer", "rnn", "--shape", "steps=4")
    assert code == 0
    for name in ("rnn-bptt", "rnn-weight-gradients", "rnn-input-gradient"):
        assert name in out


def test_prove_for_every_size(capsys):
    code, out, _ = run(capsys, "prove", "--identity", "batchnorm-input-gradient", "--general", "--json")
    cert = json.loads(out)[0]
    assert code == 0 and cert["verdict"] == "proved-for-all-sizes" and cert["method"] == "all-sizes"


def test_pit_is_not_a_proof_and_says_so(capsys):
    code, out, _ = run(capsys, "prove", "--identity", "attention-query-gradient", "--method", "pit")
    assert code == 0 and "probably-true (not a proof)" in out


def test_a_refuted_formula_exits_1_with_its_counterexample(capsys):
    # p − y needs targets that sum to 1: with free targets it is refuted, as it should be.
    code, out, _ = run(capsys, "prove", "--identity", "softmax-ce-gradient", "--shape", "targets=free")
    assert code == 1
    assert "refuted" in out and "point:" in out and "ground truth" in out and "independent oracle" in out


@pytest.mark.parametrize("argv, words", [
    (["prove", "--identity", "conv2d-input-gradient", "--shape", "kernel=9"], "larger than the padded input"),
    (["prove", "--layer", "conv1d", "--shape", "stride=0"], "stride = 0"),
    (["prove", "--layer", "rnn", "--shape", "steps=0"], "steps = 0"),
    (["prove", "--layer", "convolution"], "known: conv1d, conv2d"),
    (["prove", "--identity", "conv9d-gradient"], "and about layers: conv1d-weight-gradient"),
    (["prove", "--identity", "conv2d-input-gradient", "--identity", "BP2"], "two runs"),
    (["prove", "--identity", "conv2d-input-gradient", "--sizes", "3,3"], "--shape key=value"),
    (["prove", "--identity", "conv2d-input-gradient", "--general"], "no proof for every size"),
    (["prove", "--shape", "stride=2"], "--shape needs --layer"),
    (["latex", "--identity", "conv2d-input-gradient", "--shape", "padding=-1"], "padding = -1; it must be at least 0"),
])
def test_layer_bad_input_exits_2_with_one_paragraph(capsys, argv, words):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert words in " ".join(err.split()), err
    assert "Traceback" not in err


def test_latex_of_a_layer_identity(capsys):
    code, out, _ = run(capsys, "latex", "--identity", "rnn-bptt", "--notation", "nielsen")
    assert code == 0
    assert r"\begin{align*}" in out and "rnn-bptt" in out and "NOT established" not in out


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="no LaTeX engine (pdflatex) installed")
def test_latex_pdf_of_a_layer_identity_and_a_worked_example(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "latex", "--identity", "rnn-bptt", "--notation", "nielsen", "--pdf")
    assert code == 0 and (tmp_path / "rnn-bptt.pdf").stat().st_size > 0
    code, out, _ = run(capsys, "latex", "--layer", "conv2d", "--worked-example", "--pdf")
    assert code == 0 and (tmp_path / "worked-conv2d.pdf").stat().st_size > 0


def test_assert_identity_accepts_layers():
    import symbp.testing as st
    from symbp.layers import mutants

    assert st.assert_identity("batchnorm-input-gradient", layers.batchnorm(batch=4)).verdict == "proved"
    wrong = mutants.get("rnn-bptt with W_hh not transposed")
    with pytest.raises(st.SymbpAssertionError, match="fails at ∂L/∂a_"):
        st.assert_identity(wrong.identity, wrong.spec)


def test_the_pytest_plugin_builds_layers_from_a_marker(pytester, monkeypatch):
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(
        """
        import pytest
        import symbp.testing as st

        @pytest.mark.symbp_layer("conv2d", "stride=2,input=5x5")
        def test_conv(symbp_layer):
            st.assert_identity("conv2d-input-gradient", symbp_layer)

        @pytest.mark.symbp_layer("batchnorm", batch=3)
        def test_bn(symbp_layer):
            st.assert_identity("batchnorm-input-gradient", symbp_layer)

        @pytest.mark.symbp_layer("conv2d", "kernel=9")
        def test_bad_shape(symbp_layer):
            pass
        """
    )
    result = pytester.runpytest("-p", "symbp.testing.plugin", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*larger than the padded input*"])
