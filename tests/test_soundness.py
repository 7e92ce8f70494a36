"""Soundness of `symbp verify` (issue 12): never "holds" about a wrong formula.

The corpus (tests/data/soundness_corpus.toml) holds adversarial formulas, each with the
verdict it must get and why: depth-dependent claims, fixed layers, softmax outputs with
σ-forms, square networks, trailing text, other notations, the cases of the issue. Every
"holds" here (and in every other test) is re-checked by the independent oracle at random
points (tests/conftest.py, `symbp.verify.recheck`).
"""

from __future__ import annotations

import dataclasses
import json

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

import pytest

from symbp.notation import load
from symbp.verify import verify
from symbp.verify.recheck import recheck
from symbp.verify.verdicts import checked_lines

ROOT = Path(__file__).resolve().parents[1]
CORPUS = tomllib.loads((ROOT / "tests" / "data" / "soundness_corpus.toml").read_text(encoding="utf-8"))["case"]
STATUSES = ("holds", "conditional", "refuted", "undecided", "unreadable", "uninterpretable")


def _verify(case: dict):
    notation = case.get("notation", "nielsen")
    if notation.endswith(".toml"):
        notation = load(ROOT / notation)
    options = dict(cost=case.get("cost", "quadratic"), activation=case.get("activation", "generic"),
                   one_hot=case.get("one_hot", False))
    if "sizes" in case:
        options["sizes"] = tuple(case["sizes"])
    return verify(case["formula"], notation, **options), notation


def test_the_corpus_is_adversarial_and_large():
    assert len(CORPUS) >= 150
    expected = {c["expect"] for c in CORPUS}
    assert expected <= set(STATUSES) | {"not-holds"}
    assert {"holds", "conditional", "refuted", "unreadable"} <= expected


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c["formula"][:60])
def test_corpus_formula_gets_its_verdict(case):
    v, notation = _verify(case)
    if case["expect"] == "not-holds":
        assert v.status != "holds" and v.exit_code != 0, (v.status, v.reason)
    else:
        assert v.status == case["expect"], (case["why"], v.status, v.reason)
    if "condition" in case:
        assert v.condition == case["condition"], v.reason
    if "exit" in case:
        assert v.exit_code == case["exit"], (v.status, v.condition_met)
    if v.status == "holds" and v.family:  # (a scalar identity of σ has no network)
        # proved on the family, or beyond it when the formula is a catalogue identity (symbp.general)
        assert v.verdict in ("proved", "proved-for-all-sizes") and v.checked, v.reason
        assert {c["depth"] for c in v.checked} >= {2, 3, 4, 5, 6}  # every role of every layer
    if v.status == "conditional":
        assert v.verdict == "conditional" and not v.identity
        assert v.exit_code == (0 if v.condition_met else 3)


# -- quantifiers: every depth, the domain reported ---------------------------------------------


def test_a_conditional_verdict_names_the_depths_and_lists_every_network():
    # Issue 12: δ^4 = (a^4 − y) ⊙ σ'(z^4) holds only when layer 4 is the output.
    v = verify(r"\delta^4 = (a^4-y)\odot\sigma'(z^4)")
    assert v.status == "conditional" and v.condition == "L = 4" and v.exit_code == 3
    d = json.loads(json.dumps(v.to_dict()))
    assert d["verdict"] == "conditional" and d["condition"] == "L = 4"
    by_depth = {c["depth"]: c["status"] for c in d["checked"]}
    assert by_depth[2] == by_depth[3] == "none" and by_depth[4] == "holds" and by_depth[5] == by_depth[6] == "fails"
    assert all(o["reason"] for c in d["checked"] for o in c["outside"])
    assert "[2, 3, 4, 2] (L = 4): holds" in v.checked_text()


def test_a_conditional_formula_exits_0_only_on_a_fixed_network_that_meets_it():
    text = r"\frac{\partial C}{\partial w^{L-2}_{jk}} = x_k \delta^{L-2}_j"
    assert verify(text).exit_code == 3
    assert verify(text, sizes=(2, 3, 4, 2)).exit_code == 0
    mine = verify(text, sizes=(3, 4, 3, 4, 2))
    assert mine.status == "conditional" and mine.condition_met is False and mine.exit_code == 3
    assert not verify(text).identity  # never labelled BP4


def test_layers_outside_the_domain_are_listed_with_the_reason():
    v = verify(r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)")
    assert v.status == "holds"
    deep = next(c for c in v.checked if c["depth"] == 6)
    assert deep["layers"] == ["l = 5", "l = 4", "l = 3", "l = 2"]
    reasons = {o["layers"]: o["reason"] for o in deep["outside"]}
    assert "layer 7" in reasons["l = 6"] and "layer 1" in reasons["l = 1"]


def test_index_values_one_place_lacks_are_listed_outside_the_domain():
    # w^l_{jj} exists for j ≤ min(n_l, n_{l-1}): on [3, 2], j = 3 is a neuron of a^1 but not a column of w^2.
    v = verify(r"\frac{\partial C}{\partial w^l_{jj}} = a^{l-1}_j \delta^l_j")
    assert v.status == "holds"
    first = next(c for c in v.checked if c["sizes"] == [3, 2])
    assert {"layers": "l = 2, j = 3", "reason": "j = 3 is outside w^l_{jj}, where j runs over 1..2"} in first["outside"]


def test_the_public_family_argument_adds_networks_and_never_replaces_the_depths():
    v = verify(r"a^{L-3}_k = x_k", family=((2, 3, 4, 2),))
    assert v.status == "conditional" and len(v.family) > 1


def test_a_user_network_is_checked_as_well():
    v = verify(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k", sizes=(2, 2, 2), diagnose=False)
    assert v.status == "refuted" and [2, 2, 2] in [c["sizes"] for c in v.checked]


def test_a_softmax_output_is_never_skipped():
    v = verify(r"a^l = \sigma(z^l)", cost="softmax-cross-entropy", diagnose=False)
    assert v.status == "refuted" and v.counterexample is not None
    assert "softmax" in v.reason


# -- the oracle: refutations confirmed, holds re-checked -------------------------------------------


def test_a_refutation_carries_a_counterexample_the_oracle_confirmed():
    v = verify(r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j", diagnose=False)
    cx = v.counterexample
    assert v.status == "refuted" and cx.lhs != cx.rhs and cx.point
    assert abs(cx.rhs_value - 2 * cx.lhs_value) < 1e-9 * (1 + abs(cx.lhs_value))


def test_recheck_agrees_with_a_true_formula_and_catches_a_planted_wrong_holds():
    assert recheck(verify(r"\nabla_{w^l} C = \delta^l (a^{l-1})^T")) == []
    wrong = verify(r"\nabla_{w^l} C = 2 \delta^l (a^{l-1})^T", diagnose=False)
    planted = dataclasses.replace(wrong, status="holds", checked=tuple(dict(c, status="holds") for c in wrong.checked))
    assert recheck(planted)


# -- nothing dropped: tags and conditions ----------------------------------------------------------


def test_tags_label_and_conditions_restrict_and_say_so():
    v = verify(r"\delta^l = (a^l - y) \odot \sigma'(z^l), \quad l = L \quad (\text{BP1})")
    assert v.status == "holds"
    assert "l = L" in v.interpretation["words"] and "BP1" in v.interpretation["words"]
    bad = verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j, \quad j = 2 \delta^l_j")
    assert bad.status == "unreadable" and "position" in bad.reason


# -- probably-true is not a proof -----------------------------------------------------------------


def _pit_certificate():
    from symbp import identities, network
    from symbp.prove import prove

    cert = prove(identities.CATALOGUE["BP3"], network([2, 3, 2]), method="pit")
    assert cert.verdict == "probably-true"
    return cert


def test_junit_marks_probably_true_and_require_proof_fails_it():
    from symbp.verify.junit import to_xml

    cert = _pit_certificate()
    passing = to_xml([cert]).decode()
    assert 'failures="0"' in passing and 'value="probably-true"' in passing and "not a proof" in passing
    failing = to_xml([cert], require_proof=True).decode()
    assert 'failures="1"' in failing and 'type="probably-true"' in failing


def test_check_certificate_with_require_proof_fails_probably_true():
    from symbp.testing import SymbpAssertionError, check_certificate

    cert = _pit_certificate()
    assert check_certificate(cert) is cert
    with pytest.raises(SymbpAssertionError, match="not a proof"):
        check_certificate(cert, require_proof=True)


def test_cli_require_proof(tmp_path, capsys):
    from symbp.cli import main

    assert main(["prove", "--identity", "BP3", "--method", "pit"]) == 0
    assert main(["prove", "--identity", "BP3", "--method", "pit", "--require-proof"]) == 3
    assert main(["prove", "--identity", "BP3", "--method", "exact", "--require-proof"]) == 0
    text = r"\delta^4 = (a^4-y)\odot\sigma'(z^4)"
    assert main(["verify", text]) == 3
    assert main(["verify", "--sizes", "2,3,4,2", text]) == 0
    assert main(["verify", "--sizes", "2,3,4,2", "--require-proof", text]) == 3
    out = capsys.readouterr().out
    assert "condition: L = 4" in out and "checked:" in out


def test_sigma_written_at_a_softmax_output_leaves_no_trace_for_later_formulas():
    # Found when CI ran the corpus in another order: σ(z^L) at a softmax output adds atoms of its own to the
    # network's (memoised) model, after which true softmax facts on that network came out "undecided".
    assert verify(r"a^L = \sigma(z^L)", cost="softmax-cross-entropy").status == "refuted"
    v = verify(r"\frac{\partial a^L_j}{\partial z^L_j} = a^L_j (1 - a^L_j)", cost="softmax-cross-entropy")
    assert v.status == "holds", v.reason  # by hand: ∂softmax_j/∂z_j = a_j (1 − a_j)


def test_the_layer_a_network_failed_at_is_listed_apart_from_those_that_held():
    # review 20 F8: BP1 claimed for every l ≤ L holds at l = L and fails at l = L − 1 (a^{L-1} − y has the wrong
    # size there); the listing named only l = L, where it holds
    v = verify(r"\delta^l = (a^l - y) \odot \sigma'(z^l) \quad \text{for } l \le L")
    assert v.status == "conditional"
    deep = next(c for c in v.checked if c["depth"] == 3)
    assert deep["status"] == "fails" and deep["layers"] == ["l = 3"] and deep["failed_at"] == ["l = 2"]
    assert "failed at l = 2" in checked_lines([deep])
    assert all("failed_at" not in c for c in v.checked if c["status"] == "holds")


@pytest.mark.parametrize("condition", [r"\quad (j = 0)", r"\quad j = 0"])
def test_a_condition_naming_no_neuron_before_the_first_is_no_instance_not_refuted(condition):
    # review rv43 B2: BP3 restricted to j = 0 (neurons are numbered from 1) was refuted, "past the neurons";
    # like j = 5 past every layer's neurons, it names no instance: undecided, each network listing why
    for right in (r"\delta^l_j", r"2 \delta^l_j"):
        result = verify(r"\frac{\partial C}{\partial b^l_j} = " + right + " " + condition)
        assert result.status == "undecided", result
        assert "no network checked has an instance" in result.reason and "before the neurons 1.." in result.reason
    assert verify(r"\frac{\partial C}{\partial b^l_j} = 2 \delta^l_j \quad (j = 1)").status == "refuted"
