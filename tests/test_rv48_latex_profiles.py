r"""Review rv48 B2 and D5: a theorem ``symbp latex`` prints in a notation holds under ``symbp verify`` in it.

Verdicts decided by hand:

- B2. In Dyda's notation W^{[l+1]} is n_{l+1} × (n_l + 1), column 0 the bias (x_0 = 1), so (W^{[l+1]})^T δ^{[l+1]}
  has n_l + 1 rows; its row 0 is Σ_k w_{k,0} δ_k (the bias column's), rows j ≥ 1 are Σ_k w_{k,j} δ_k. The documents
  state: "In a product with a layer's δ or activations, W stands for its weight columns j ≥ 1" (Dyda drops the
  first element by hand). Read so, ((W^{[l+1]})^T δ^{[l+1]}) ⊙ φ'(net^{[l]}) has the entries
  Σ_k w_{k,j} δ_k φ'(net_j) = δ^{[l]}_j: BP2 holds, and so do Σ'(net^{[l]}) (W^{[l+1]})^T δ^{[l+1]} and the
  product formula (the same sums, one Σ' at a time). ∂L/∂a^{[l]} = (W^{[l+1]})^T δ^{[l+1]} holds (rows j ≥ 1
  are ∂L/∂a_j). net^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]} holds (weight columns times a, plus the bias column
  b_k = w_{k,0}); net^{[l]} = W^{[l]} a^{[l-1]} is refuted (the bias is missing: the values differ).
  Wrong variants stay refuted: W^{[l+1]} δ^{[l+1]} without the transpose (2×4 times a vector of 2 on [2, 3, 2]),
  φ'(net^{[l+1]}) in place of φ'(net^{[l]}) (a vector of 3 against one of 2), and W^{[l]}, δ^{[l]} one layer
  too low (on [3, 2, 4] a vector of 3 against one of 2; on square layers the values differ).
  The same in a TOML profile with ``bias_column = true`` (p4, layers from 0: W^{l}, z^{l}, f).
- D5. A profile whose target letter is t prints a^{L} − t, never y, where the prover wrote a^L − y (BP1',
  ce-sigmoid, softmax-ce): y is no quantity of that profile.
- Every theorem of the catalogue documents (generic/quadratic, sigmoid/cross-entropy, relu/softmax-CE, tanh/
  softmax-CE with --one-hot; sizes 2,3,2) in dyda, p4 (bias column), p1 (layers from 0, [ ] brackets, from,to
  order, target t, cost E) and p3 (layers from 3, ( ) brackets, target t): holds under ``verify`` in the
  notation it is printed in (Dyda's own identities, shown as written in the other profiles, in dyda), with the
  same activation, cost and one-hot: each is an identity the prover proved on every network it names.
"""

from __future__ import annotations

import re

import pytest

from symbp.cli import main
from symbp.notation import load
from symbp.verify import verify

PROFILE = """name = "{name}"
{extra}
[names]
weight = "W"
weight_matrix = "W"
bias = "b"
z = "z"
a = "a"
input = "x"
delta = "\\\\delta"
target = "t"
cost = "E"
activation = "f"
"""
EXTRA = {
    "p4": 'bias_column = true\nlayer_shift = -1',
    "p1": 'layer_shift = -1\nweight_order = "from,to"\nlayer_brackets = ["[", "]"]',
    "p3": 'layer_shift = 2\nindex_separator = ","\nlayer_brackets = ["(", ")"]',
}


def _profile(tmp_path, name):
    if name == "dyda":
        return "dyda", "dyda"
    path = tmp_path / f"{name}.toml"
    path.write_text(PROFILE.format(name=name, extra=EXTRA[name]))
    return str(path), load(path)


DYDA_BP2 = r"\delta^{[l]} = ((W^{[l+1]})^T \delta^{[l+1]}) \odot \varphi'(\mathrm{net}^{[l]})"


@pytest.mark.parametrize("formula, status", [
    (DYDA_BP2, "holds"),
    (r"\delta^{[l]} = \Sigma'(\mathrm{net}^{[l]})\,(W^{[l+1]})^T \delta^{[l+1]}", "holds"),
    (r"\delta^{[l]} = \Sigma'(\mathrm{net}^{[l]})(W^{[l+1]})^T \Sigma'(\mathrm{net}^{[l+1]}) \cdots (W^{[L]})^T"
     r" \Sigma'(\mathrm{net}^{[L]})\,\nabla_a \mathbf{L}", "holds"),
    (r"\frac{\partial \mathbf{L}}{\partial a^{[l]}} = (W^{[l+1]})^T \delta^{[l+1]}", "holds"),
    (r"\frac{\partial \mathbf{L}}{\partial x^{[l-1]}} = (W^{[l]})^T \delta^{[l]}", "holds"),
    (r"\mathrm{net}^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}", "holds"),
    (r"\mathrm{net}^{[l]} = W^{[l]} x^{[l-1]}", "holds"),
    # wrong variants
    (r"\mathrm{net}^{[l]} = W^{[l]} a^{[l-1]}", "refuted"),
    (r"\delta^{[l]} = (W^{[l+1]} \delta^{[l+1]}) \odot \varphi'(\mathrm{net}^{[l]})", "refuted"),
    (r"\delta^{[l]} = ((W^{[l+1]})^T \delta^{[l+1]}) \odot \varphi'(\mathrm{net}^{[l+1]})", "refuted"),
    (r"\delta^{[l]} = ((W^{[l]})^T \delta^{[l]}) \odot \varphi'(\mathrm{net}^{[l]})", "refuted"),
    (r"\delta^{[l]} = \Sigma'(\mathrm{net}^{[l]})\,W^{[l+1]} \delta^{[l+1]}", "refuted"),
    (r"\delta^{[l]} = \Sigma'(\mathrm{net}^{[l+1]})\,(W^{[l+1]})^T \delta^{[l+1]}", "refuted"),
    (r"\delta^{[l]} = (W^{[l+1]})^T \delta^{[l+1]}", "refuted"),
])
def test_rv48_b2_dyda_whole_w_beside_n_entries_is_its_weight_columns(formula, status):
    v = verify(formula, "dyda", diagnose=False)
    assert v.status == status, (formula, v.reason)


@pytest.mark.parametrize("formula, status", [
    (r"\delta^{l} = ((W^{l+1})^T \delta^{l+1}) \odot f'(z^{l})", "holds"),
    (r"\delta^{l} = \Sigma'(z^{l})\,(W^{l+1})^T \delta^{l+1}", "holds"),
    (r"\delta^{l} = \Sigma'(z^{l})(W^{l+1})^T \Sigma'(z^{l+1}) \cdots (W^{L})^T \Sigma'(z^{L})\,\nabla_a E", "holds"),
    (r"\delta^{l} = (W^{l+1} \delta^{l+1}) \odot f'(z^{l})", "refuted"),
    (r"\delta^{l} = ((W^{l+1})^T \delta^{l+1}) \odot f'(z^{l+1})", "refuted"),
    (r"z^{l} = W^{l} a^{l-1}", "refuted"),
])
def test_rv48_b2_bias_column_toml_profile_reads_the_weight_columns(tmp_path, formula, status):
    _, nt = _profile(tmp_path, "p4")
    v = verify(formula, nt, diagnose=False)
    assert v.status == status, (formula, v.reason)


def test_rv48_b2_the_reading_says_w_stands_for_its_weight_columns():
    v = verify(DYDA_BP2, "dyda", diagnose=False)
    assert "weight columns j ≥ 1" in v.interpretation["words"]


@pytest.mark.parametrize("ident, act, cost", [("BP1'", "generic", "quadratic"), ("ce-sigmoid", "sigmoid", "cross-entropy"),
                                              ("softmax-ce", "relu", "softmax-cross-entropy")])
@pytest.mark.parametrize("name", ["p1", "p3"])
def test_rv48_d5_target_letter_of_the_profile_is_printed(tmp_path, name, ident, act, cost):
    spec, _ = _profile(tmp_path, name)
    out = tmp_path / "one.tex"
    assert main(["latex", "--notation", spec, "--identity", ident, "--sizes", "2,3,2", "--activation", act,
                 "--cost", cost, "--out", str(out)]) == 0
    doc = out.read_text()
    assert re.search(r"- t \\\]", doc) and not re.search(r"(?<![a-z\\])y\b", doc), doc


#: (activation, cost, one-hot): the catalogue documents checked
CONFIGS = [("generic", "quadratic", False), ("sigmoid", "cross-entropy", False),
           ("relu", "softmax-cross-entropy", False), ("tanh", "softmax-cross-entropy", True)]
#: every identity a catalogue document proves holds in the notation it is printed in (decided above)
EXPECTED = dict.fromkeys(
    ["BP1", "BP1-matrix", "BP2", "BP2-matrix", "BP3", "BP4", "product-formula", "BP1'", "sigmoid-prime", "tanh-prime",
     "ce-sigmoid", "softmax-ce", "softmax-ce-one-hot", "dyda-weight-gradient", "dyda-input-gradient"], "holds")
_SECTION = re.compile(r"\\section\{[^}]*\}(.*?)(?=\\section|\Z)", re.S)
_THEOREM = re.compile(r"\\begin\{theorem\}\[([^\]]*)\]\s*\\\[(.*?)\\\]", re.S)


def _theorems(doc: str, own):
    """(identity, formula, notation it is written in) of every theorem of ``doc``."""
    for section in _SECTION.findall(doc):
        written = "dyda" if "notation of dyda" in section else ("nielsen" if "as the prover wrote" in section else own)
        for name, formula in _THEOREM.findall(section):
            yield name, formula.strip(), written


# Softmax outputs in a bias-column profile cost ~20-30 s per document (BP3 of the bias column, ∂L/∂w_{j,0}): one
# of them (dyda, relu) in the suite; the tanh one-hot documents in dyda and p4 held too when this test was written.
@pytest.mark.parametrize("name, config", [("dyda", c) for c in CONFIGS[:3]] + [("p4", c) for c in CONFIGS[:2]]
                         + [(name, c) for name in ("p1", "p3") for c in CONFIGS[:3]],
                         ids=lambda x: x if isinstance(x, str) else f"{x[0]}-{x[1]}{'-onehot' if x[2] else ''}")
def test_rv48_every_printed_theorem_verifies_in_its_notation(tmp_path, name, config):
    act, cost, one_hot = config
    spec, nt = _profile(tmp_path, name)
    out = tmp_path / "cat.tex"
    assert main(["latex", "--notation", spec, "--sizes", "2,3,2", "--activation", act, "--cost", cost,
                 *(["--one-hot"] if one_hot else []), "--out", str(out)]) == 0
    found = list(_theorems(out.read_text(), nt))
    assert len(found) >= 5, found
    wrong = []
    for ident, formula, written in found:
        # (BP3 of the bias column, ∂L/∂w_{j,0}, under softmax-CE takes ~20 s on a quiet machine: room for a busy one)
        v = verify(formula, written, activation=act, cost=cost, one_hot=one_hot, diagnose=False, budget=150)
        if v.status != EXPECTED[ident]:
            wrong.append((ident, formula, v.status, v.reason))
    assert not wrong, wrong


@pytest.mark.parametrize("formula, act, status", [
    # by hand: sigmoid' = σ(1 − σ), tanh' = 1 − tanh²; z is σ's variable (Dyda's weighted input is net)
    (r"\varphi'(z) = \varphi(z)(1 - \varphi(z))", "sigmoid", "holds"),
    (r"\tanh'(z) = 1 - \tanh^2(z)", "tanh", "holds"),
    (r"\varphi'(z) = \varphi(z)(1 + \varphi(z))", "sigmoid", "refuted"),
    (r"\tanh'(z) = 1 + \tanh^2(z)", "tanh", "refuted"),
    (r"\varphi'(z) = \varphi(z)(1 - \varphi(z))", "tanh", "refuted"),
])
def test_rv48_dyda_scalar_identity_in_z_is_read_in_net(formula, act, status):
    v = verify(formula, "dyda", activation=act, diagnose=False)
    assert v.status == status, v.reason
    assert "as σ's variable \\mathrm{net}" in v.reason


def test_rv48_statement_remarks_follow_the_display_in_words(tmp_path):
    # the display holds the formula alone (verify reads it); the remark is said after it, in the profile's letters
    out = tmp_path / "d.tex"
    assert main(["latex", "--notation", "dyda", "--identity", "dyda-weight-gradient", "--identity",
                 "dyda-input-gradient", "--identity", "softmax-ce-one-hot", "--sizes", "2,3,2", "--cost",
                 "softmax-cross-entropy", "--one-hot", "--out", str(out)]) == 0
    doc = out.read_text()
    assert "\\[ \\frac{\\partial \\mathbf{L}}{\\partial W^{[l]}} = \\delta^{[l]} (x^{[l-1]})^T \\]\nHere $x_{0} = 1$." in doc
    assert "(W^{[l]})^T \\delta^{[l]} \\]\nBoth sides are taken on their rows $j \\ge 1$." in doc
    assert "\\[ \\delta^{[L]} = a^{[L]} - y \\]\nThis holds when $\\sum_k y_{k} = 1$." in doc


#: Theorems of the default catalogue written in names no notation profile has (the computational-graph notes'
#: L, x, y, W, u, A, B and d/dy; the mini-batch's m in Dyda's letters): not read by ``verify --notation dyda``, a gap
#: left open (rv48 report), never a verdict. Everything else is decided: holds.
NOT_READ_IN_DYDA = {"minibatch", "rowvector-linear-dx", "rowvector-linear-dW", "column-linear-dy", "column-linear-dW",
                    "elementwise-backprop", "elementwise-diagonal", "logistic-chain-u", "logistic-chain-W"}


def test_rv48_default_dyda_catalogue_theorems_hold_in_dyda():
    # derivations/dyda/catalogue.tex is what `symbp latex --notation dyda` prints (test_derivations keeps it current),
    # all-sizes theorems included; each is verified on the activation and cost of its first "Checked on" line
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "derivations" / "dyda" / "catalogue.tex").read_text()
    checked, wrong = [], []
    for section in _SECTION.findall(doc):
        fn = re.search(r"the function (\w+) itself", section)
        net = re.search(r"activation (\w+), cost ([a-z-]+)(, one-hot)?", section)
        act, cost, one_hot = (net.group(1), net.group(2), bool(net.group(3))) if net else ("generic", "quadratic", False)
        act = fn.group(1) if fn else act
        for ident, formula in _THEOREM.findall(section):
            if ident in NOT_READ_IN_DYDA:
                continue
            checked.append(ident)
            v = verify(formula.strip(), "dyda", activation=act, cost=cost, one_hot=one_hot, diagnose=False, budget=150)
            if v.status != "holds":
                wrong.append((ident, formula, v.status, v.reason))
    assert {"BP1", "BP2", "BP2-matrix", "product-formula", "BP1-quadratic", "ce-sigmoid", "input-gradient",
            "sigmoid-prime", "tanh-prime", "softmax-ce", "dyda-weight-gradient"} <= set(checked), checked
    assert not wrong, wrong
