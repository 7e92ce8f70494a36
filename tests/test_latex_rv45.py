"""rv45 findings on ``symbp latex`` and one on ``symbp verify`` (A4, B5, C2, C3, C4), decided by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from symbp.cli import main
from symbp.errors import SpecError
from symbp.latex import worked
from symbp.network import network

NG = """name = "ng"
layer_brackets = ["(", ")"]
weight_order = "to,from"
weight_layer_offset = 1
description = "Theta^{(l)} maps layer l to layer l+1"
[names]
weight = "\\\\Theta"
weight_matrix = "\\\\Theta"
bias = "b"
z = "z"
a = "a"
input = "x"
delta = "\\\\delta"
target = "y"
cost = "J"
activation = "g"
"""


@pytest.mark.parametrize("extra", [[], ["--worked-example", "--sizes", "2,2,2"], ["--identity", "BP4"]])
def test_latex_refuses_weight_layer_offset_profile(tmp_path, capsys, extra):
    # rv45 A4: in Ng's notation ∂J/∂Θ^{(l)}_{jk} = a^{(l)}_k δ^{(l+1)}_j, so the document's
    # BP4 "a^{(l-1)}_k δ^{(l)}_j" is false there: refuse (exit 2), write nothing.
    prof = tmp_path / "ng.toml"
    prof.write_text(NG)
    out = tmp_path / "cat_ng.tex"
    assert main(["latex", "--notation", str(prof), "--out", str(out), *extra]) == 2
    assert not out.exists()
    assert "weight_layer_offset" in capsys.readouterr().err


def test_latex_nielsen_profile_still_written(tmp_path):
    # the wrong variant of the refusal: a 0-offset profile must still get its document
    out = tmp_path / "bp3.tex"
    assert main(["latex", "--identity", "BP3", "--sizes", "2,2", "--out", str(out)]) == 0
    assert out.exists()


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_worked_relu_cross_entropy_never_internal_error(tmp_path, seed):
    # rv45 C2: relu outputs 0 or ≥ 1 leave ln a, ln(1 − a) undefined: exit 2, or a
    # written example when the seed's outputs happen to lie in (0, 1) (seed 2); never 70.
    out = tmp_path / "w.tex"
    rc = main(["latex", "--worked-example", "--sizes", "2,2,2", "--activation", "relu", "--cost", "cross-entropy",
               "--seed", str(seed), "--out", str(out)])
    assert rc in (0, 2)
    assert out.exists() == (rc == 0)


def test_worked_relu_cross_entropy_seed0_refused_with_reason():
    # seed 0 gives a^3_1 = 0 (by the run): ln 0 is undefined
    with pytest.raises(SpecError, match="cross-entropy cost needs every output strictly between 0 and 1"):
        worked.worked_example(network([2, 2, 2], "relu", "cross-entropy"), seed=0)


@pytest.mark.parametrize("sizes", [[2, 2], [2, 3, 2], [3, 3, 3], [2, 2, 2]])
def test_worked_one_hot_targets_sum_to_one(sizes):
    # rv45 C3: under --one-hot the drawn targets are one class (Σ y = 1), and the example checks itself
    net = network(sizes, "sigmoid", "softmax-cross-entropy", one_hot=True)
    ex = worked.worked_example(net, seed=0)
    ys = [ex.values[("y", 1, j)] for j in range(1, sizes[-1] + 1)]
    assert sum(ys) == 1 and sorted(ys) == [0] * (len(ys) - 1) + [1]


def test_worked_one_hot_refuses_targets_not_summing_to_one():
    # wrong variant: y = 0.1, 0.5 under one-hot is bad input, named as such (no internal key)
    net = network([2, 2], "sigmoid", "softmax-cross-entropy", one_hot=True)
    with pytest.raises(SpecError, match="sum to 3/5, not 1"):
        worked.worked_example(net, {("y", 1, 1): Fraction(1, 10), ("y", 1, 2): Fraction(1, 2)})


def test_latex_softmax_ce_one_hot_checked_within_its_assumption(tmp_path):
    # rv45 B5: "δ^L = a^L − y when Σ_k y_k = 1" is true; its check uses one-hot targets, so no
    # counterexample with Σ y = 5/4 is printed
    out = tmp_path / "l1.tex"
    assert main(["latex", "--identity", "softmax-ce-one-hot", "--sizes", "3,3,3", "--cost", "softmax-cross-entropy",
                 "--out", str(out)]) == 0
    tex = out.read_text()
    assert "refuted" not in tex and "one-hot targets" in tex and "\\begin{proof}" in tex


def test_latex_softmax_ce_general_form_still_refutes_plain_a_minus_y(tmp_path, capsys):
    # the wrong variant must stay refuted: without --one-hot, verify refutes δ^L = a^L − y
    assert main(["verify", "--cost", "softmax-cross-entropy", r"\delta^L = a^L - y"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("refuted")


@pytest.mark.parametrize("formula", [r"\delta^L = a^L - y", r"\delta^L_j = a^L_j - y_j",
                                     r"\frac{\partial C}{\partial b^L} = a^L - y"])
def test_verify_no_correction_identical_to_refuted_formula(capsys, formula):
    # rv45 C4: the repair is the assumption Σ_k y_k = 1, said in the diagnosis; the refuted
    # formula is not printed back as its own "corrected" form
    assert main(["verify", "--cost", "softmax-cross-entropy", formula]) == 1
    out = capsys.readouterr().out
    assert "Σ_k y_k = 1" in out
    assert "corrected:" not in out
