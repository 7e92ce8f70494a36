"""The symbp command: exit codes 0/1/2/3, one-paragraph errors without tracebacks."""

import json
import os
import subprocess
import sys

import pytest

from symbp.cli import main


def test_default_run_proves_bp1_to_bp4(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for name in ("BP1", "BP2", "BP3", "BP4"):
        assert f"{name} " in out
    assert "refuted" not in out and "undecided" not in out


def test_json_output_is_one_certificate_per_identity(capsys):
    code = main(["prove", "--sizes", "3,4,4,2", "--activation", "tanh", "--identity", "BP2", "--identity", "product-formula", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["identity"] for c in data] == ["BP2", "product-formula"]
    assert all(c["verdict"] == "proved" for c in data)


def test_softmax_one_hot_identity(capsys):
    assert main(["prove", "--sizes", "3,4,3", "--cost", "softmax-cross-entropy", "--one-hot", "--identity", "softmax-ce-one-hot"]) == 0


def test_refuted_identity_exits_1_with_counterexample(capsys):
    code = main(["prove", "--sizes", "3,4,3", "--cost", "softmax-cross-entropy", "--identity", "softmax-ce-one-hot"])
    assert code == 1
    out = capsys.readouterr().out
    assert "refuted" in out and "point:" in out


def test_undecided_exits_3(capsys):
    code = main(["prove", "--sizes", "6,10,10,6", "--activation", "sigmoid", "--identity", "BP4", "--method", "exact", "--budget", "0.01"])
    assert code == 3
    assert "undecided" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["prove", "--sizes", "0,3"], "≥ 1"),
        (["prove", "--sizes", "2"], "at least 2"),
        (["prove", "--sizes", "a,b"], "entry 1"),
        (["prove", "--sizes", ",".join(["2"] * 10_000)], "limit"),
        (["prove", "--activation", "swish"], "unknown activation"),
        (["prove", "--identity", "BP5"], "unknown identity"),
        (["prove", "--cost", "quadratic", "--identity", "softmax-ce"], "does not apply"),
        (["prove", "--budget", "-1"], "budget"),
        (["derive", "--wrt", "w^7_11"], "not a parameter"),
    ],
)
def test_bad_input_is_one_paragraph_and_exit_2(capsys, argv, words):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symbp: error:") and words in err.replace("\n", " ")
    assert "Traceback" not in err


def test_derive_prints_the_ground_truth(capsys):
    assert main(["derive", "--sizes", "2,3,2", "--wrt", "w^3_{1,2}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("∂C/∂w^3_12 =") and "σ'(z^3_1)" in out


def test_derive_plain_text_in_the_chosen_notation(capsys):
    # Review 5: --notation was ignored without --latex. Sokolinsky's w^{(2)}_{21} is Nielsen's w^2_{12};
    # the sum runs over his w^{(3)}_{1i} (Nielsen's w^3_{i1}); Dyda writes φ and net^{[l-1]}.
    assert main(["derive", "--sizes", "2,3,2", "--wrt", "w^2_{1,2}", "--notation", "sokolinsky"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("∂C/∂w^(2)_21 =") and "w^(3)_12" in out and "w^3_21" not in out
    assert main(["derive", "--sizes", "2,3,2", "--wrt", "w^2_{1,2}", "--notation", "dyda"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("∂L/∂w^[1]_1,2 =") and "φ'(net^[1]_1)" in out and "sigma" not in out


def test_module_entry_point_runs_without_traceback():
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    r = subprocess.run([sys.executable, "-m", "symbp.cli", "prove", "--sizes", "a"], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_python_dash_m_symbp_is_the_command():
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    r = subprocess.run([sys.executable, "-m", "symbp", "verify", r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 1 and r.stdout.startswith("refuted"), r.stdout + r.stderr


def test_installed_console_script_has_every_subcommand(tmp_path):
    # Run from an empty folder so the installed package, not the source tree,
    # is imported: a wheel missing symbp/commands would have no subcommands.
    import shutil

    exe = shutil.which("symbp")
    if exe is None:
        pytest.skip("symbp is not installed in this environment")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([exe, "prove", "--sizes", "2,2", "--identity", "BP1"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "BP1" in r.stdout and "proved" in r.stdout


def test_derive_latex_renders_in_the_chosen_notation(capsys):
    # ∂C/∂w^2_{12} (Nielsen, to 1 from 2) is Sokolinsky's w^{(2)}_{21}; the sum runs over his w^{(3)}_{1i}.
    assert main(["derive", "--sizes", "2,3,2", "--wrt", "w^2_{1,2}", "--latex", "--notation", "sokolinsky"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(r"\frac{\partial C}{\partial w^{(2)}_{21}}")
    assert "w^{(3)}_{12}" in out and "w^{3}" not in out


def test_a_diagnosis_without_a_correction_prints_no_empty_corrected_line(capsys):
    """An update that adds the gradient is diagnosed (the sign) with no corrected formula: no 'corrected: ' line."""
    assert main(["verify", r"w^l \to w^l + \eta \delta^l (a^{l-1})^T"]) == 1
    out = capsys.readouterr().out
    assert "diagnosis: the sign" in out and "corrected:" not in out
