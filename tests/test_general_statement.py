"""All-sizes proofs tied to their statement (issue 12, item 3).

Each wrong variant below is built through the documented route
(``dataclasses.replace`` on ``symbp.general.chains.IDENTITIES``, docs/general.md)
and must never be ``proved-for-all-sizes``. Where a test says a variant is
false, the independent check of benchmarks/general_fuzz.py confirms it: each
side read by that module's own reader, on concrete networks, into ground-truth
quantities (``derive.GroundTruth``, compared by the core's exact prover) and into
the oracle's numbers (``symbp.oracle``), the two readings agreeing; and the
counterexample itself carries the oracle's confirmation.
Seeds: 000 (Nielsen, BP1-BP4), 001 (mini-batch), 002 (Sokolinsky's lemmas),
003 (softmax + categorical cross-entropy).
"""

import dataclasses
import sys
from pathlib import Path

import pytest
import sympy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import general_fuzz  # noqa: E402

from symbp import general  # noqa: E402
from symbp.general import links  # noqa: E402
from symbp.general.chains import IDENTITIES as CHAIN  # noqa: E402
from symbp.general.chains import Link  # noqa: E402
from symbp.general.lemmas import LEMMAS, Layers  # noqa: E402
from symbp.general.proofs import _identity_applies, _Session  # noqa: E402
from symbp.general.reduction import Range, remainder  # noqa: E402
from symbp.errors import IdentityError  # noqa: E402

R = dataclasses.replace
GENERIC = dict(activation="generic", cost="quadratic")
SOFTMAX = dict(activation="generic", cost="softmax-cross-entropy")
CE_SIGMOID = dict(activation="sigmoid", cost="cross-entropy")
BATCH = dict(activation="generic", cost="mean-quadratic")


def _false_somewhere(variant, kwargs):
    truth = general_fuzz.independent(variant, kwargs, stop_at_false=True)
    return "false" in truth.values()


def _refuted_and_confirmed(variant, kwargs):
    cert = general.prove_general(variant, general.network(**kwargs))
    assert cert.verdict == "refuted", cert.reason
    cx = cert.counterexample
    assert cx is not None and cx.lhs != cx.rhs
    assert "independent oracle" in cx.oracle  # issued only after the oracle confirmed the point
    assert _false_somewhere(variant, kwargs)  # the independent check agrees it is false
    return cert


# -- the four cases of the review ---------------------------------------------------------


def test_bp1_quadratic_with_left_side_y_is_refuted_not_proved():
    # seed 002, BP1': δ^L_j = (a^L_j − y_j) σ'(z^L_j). With y_j on the left the chain's first
    # link (BP1) no longer starts from its own left side.
    wrong = R(CHAIN["BP1-quadratic"], lhs=lambda m: m.y[m.j])
    cert = _refuted_and_confirmed(wrong, GENERIC)
    assert "the line is not BP1's left side" in cert.reason
    assert cert.statement.startswith("y_{j} =")  # the statement shown is the one checked


def test_bp2_matrix_with_left_side_a_is_refuted_not_proved():
    # seed 000, matrix BP2 with a^{l-1}_j on the left: not even defined for j up to n_l.
    wrong = R(CHAIN["BP2-matrix"], lhs=lambda m: m.a_prev[m.j])
    cert = _refuted_and_confirmed(wrong, GENERIC)
    assert "a^{l-1}_{j} needs 1 ≤ j ≤ n_{l-1}" in cert.reason
    assert "the line is not BP2's left side" in cert.reason


def test_ce_sigmoid_with_left_side_delta_l_is_refuted_not_proved():
    # Nielsen ch. 3: δ^L = a^L − y for sigmoid + cross-entropy; δ^l on the left is another claim.
    wrong = R(CHAIN["ce-sigmoid"], lhs=lambda m: m.delta[m.j])
    cert = _refuted_and_confirmed(wrong, CE_SIGMOID)
    assert "BP1's left side" in cert.reason


@pytest.mark.parametrize("side", ["lhs", "rhs"])
def test_bp4_with_indices_swapped_gives_a_verdict_not_a_traceback(side):
    # The review's IndexError: a^{l-1}_j δ^l_k names a^{l-1}_3 on [2, 3, 2]. Now a verdict with
    # the reason; on a network where every quantity exists the swap is false, so it is refuted.
    swapped = {"lhs": lambda m: m.dC_dw[m.k, m.j], "rhs": lambda m: m.a_prev[m.j] * m.delta[m.k]}[side]
    wrong = R(CHAIN["BP4"], **{side: swapped})
    cert = general.prove_general(wrong, general.network())
    assert cert.verdict in ("refuted", "undecided") and cert.reason
    assert "not defined for every size" in cert.reason
    assert cert.verdict == "refuted" and _false_somewhere(wrong, GENERIC)


def test_identity_link_checks_the_line_against_the_cited_left_side():
    # BP1-matrix's chain cites BP1; asked to start from δ^l_j the link says so.
    wrong = R(CHAIN["BP1-matrix"], lhs=lambda m: m.delta[m.j], ranges=lambda m: [Range(m.j, 1, m.n_L), Range(m.j, 1, m.n)])
    cert = general.prove_general(wrong, general.network())
    assert cert.verdict != "proved-for-all-sizes"
    assert "has two ranges" in cert.reason and "the line is not BP1's left side" in cert.reason


def test_identity_link_needs_the_cited_ranges():
    # The cited BP1 holds for j ≤ n_L; BP1-matrix claimed for j ≤ n_l may not cite it.
    wrong = R(CHAIN["BP1-matrix"], ranges=lambda m: [Range(m.j, 1, m.n)])
    cert = general.prove_general(wrong, general.network())
    assert cert.verdict != "proved-for-all-sizes"
    assert "BP1 is stated for 1 ≤ j ≤ n_{L}, which the ranges here" in cert.reason


def test_linearity_reads_the_line_before_it():
    # seed 001: the bias gradient's linearity step turned into a weight's: the link names it.
    mb = CHAIN["minibatch-bias"]
    wrong = R(mb, chain=(R(mb.chain[0], ref="dCx_dw"), mb.chain[1]))
    cert = general.prove_general(wrong, general.network(cost="mean-quadratic"))
    assert cert.verdict != "proved-for-all-sizes"
    assert "linearity turns" in cert.reason
    # and on a single-sample cost there is no mean to be linear in
    on_quadratic = general.prove_general(R(mb, costs=()), general.network())
    assert on_quadratic.verdict != "proved-for-all-sizes"
    assert "not a mean" in on_quadratic.reason


def test_concrete_cross_check_takes_both_sides_from_the_object_not_the_name():
    # A variant still named BP1-quadratic whose chain is empty and whose left side is y_j:
    # the old cross-check took δ^L_j by name and called it proved on [2, 3, 2].
    from symbp.general.instances import cross_check
    from symbp.certificate import Certificate

    wrong = R(CHAIN["BP1-quadratic"], lhs=lambda m: m.y[m.j], chain=())
    blank = Certificate(identity=wrong.name, network={}, method="all-sizes", verdict="undecided", reason="x")
    checked = cross_check(blank, wrong, general.network())
    assert checked.details["concrete"]["verdict"] == "refuted"
    assert checked.verdict == "refuted" and checked.counterexample is not None
    assert "core_prove" not in checked.details["concrete"]  # the core's BP1' is another claim


# -- every identity, every link ----------------------------------------------------------

#: a network each catalogue identity is stated for
NETWORKS = (GENERIC, BATCH, dict(SOFTMAX, one_hot=True), CE_SIGMOID, SOFTMAX)


def _stated_for(idt):
    return next(kw for kw in NETWORKS if _identity_applies(idt, general.network(**kw)))


CHAIN_LINKS = [(name, i) for name, idt in CHAIN.items() for i in range(len(idt.chain))]


@pytest.mark.parametrize("name, i", CHAIN_LINKS, ids=[f"{n}-link{i + 2}" for n, i in CHAIN_LINKS])
def test_every_link_checks_its_input_is_the_previous_line(name, i):
    # Each link of each catalogue chain accepts the line before it (the left side for the
    # first), and rejects twice that line: what a link starts from is checked, not assumed.
    idt = CHAIN[name]
    session = _Session(general.network(**_stated_for(idt)), 60.0, None)
    m = session.m
    prev = idt.lhs(m) if i == 0 else idt.chain[i - 1].expr(m)
    link, nxt, ranges = idt.chain[i], idt.chain[i].expr(m), idt.ranges(m)
    assert links.check_link(session, link, prev, nxt, ranges).problems == []
    try:
        problems = links.check_link(session, link, 2 * prev, nxt, ranges).problems
    except IdentityError as exc:  # e.g. the chain rule refuses a line that is not ∂C/∂(something)
        problems = [str(exc)]
    assert problems, f"{name}'s link {i + 2} ({link.kind}) accepted a line that is not the one before it"


@pytest.mark.parametrize("name", sorted(CHAIN))
def test_every_identity_with_another_left_side_is_not_proved(name):
    # The chain starts from the identity's own left side: doubling it (false wherever the
    # side is not 0) leaves a chain that no longer starts there.
    idt = CHAIN[name]
    kwargs = _stated_for(idt)
    wrong = R(idt, lhs=lambda m, f=idt.lhs: 2 * f(m))
    cert = general.prove_general(wrong, general.network(**kwargs))
    assert cert.verdict in ("refuted", "undecided") and cert.reason
    assert cert.statement.startswith("2 ")  # the statement shown is the one checked
    if cert.verdict == "refuted":
        assert "independent oracle" in cert.counterexample.oracle and _false_somewhere(wrong, kwargs)


def test_a_refutation_the_oracle_does_not_confirm_is_not_issued(monkeypatch):
    # The counterexample search offers each point to the oracle; an oracle that finds the two
    # sides equal (here made to) means the ground truth is in doubt: no refutation, the reason kept.
    from symbp.general import instances

    monkeypatch.setattr(instances, "element_value", lambda oracle, element, net: oracle.mp.mpf(0))
    wrong = R(CHAIN["BP1-quadratic"], lhs=lambda m: m.y[m.j])
    cert = general.prove_general(wrong, general.network())
    assert cert.verdict == "undecided" and cert.counterexample is None
    failed = cert.details["concrete"]["failed"]
    assert failed and "no counterexample: the independent oracle finds the two sides equal" in failed[0]


# -- facts used only where they hold ------------------------------------------------------


def test_bp1_is_not_proved_at_a_softmax_output_even_when_the_variant_says_it_applies():
    # The classic error (issue 12, item 2): BP1 with a softmax output. lemma-da-dz is about an
    # elementwise output; on a softmax one ∂a^L_k/∂z^L_j is the softmax Jacobian.
    wrong = R(CHAIN["BP1"], outputs=("activation", "softmax"))
    cert = general.prove_general(wrong, general.network(cost="softmax-cross-entropy"))
    assert cert.verdict != "proved-for-all-sizes"
    assert "lemma-da-dz's left side is not" in cert.reason and "softmax output" in cert.reason


def test_a_replaced_lemma_must_still_be_about_its_derivative():
    # lemma-dz-dz replaced by the true but useless w_ji σ' = w_ji σ' (left side changed too):
    # the lemma is proved as what it now says, and BP2 may not use it for ∂z^{l+1}_i/∂z^l_j.
    lem = LEMMAS["lemma-dz-dz"]
    swapped = lambda m: m.w_next[m.j, m.i] * m.sigma_prime(m.z[m.j])  # noqa: E731
    both = R(lem, lhs=swapped, rhs=swapped)
    gnet = general.network()
    itself = general.prove_general("lemma-dz-dz", gnet, lemmas={"lemma-dz-dz": both})
    assert itself.verdict == "proved-for-all-sizes"
    assert itself.statement.startswith(r"\sigma'\left(z^{l}_{j}\right) w^{l+1}_{ji} =")
    bp2 = general.prove_general("BP2", gnet, lemmas={"lemma-dz-dz": both})
    assert bp2.verdict != "proved-for-all-sizes"
    assert "lemma-dz-dz's left side is not" in bp2.reason


def test_ce_sigmoid_is_not_proved_on_a_network_without_its_cost_and_activation():
    # With its applicability edited away, the cross-entropy lemma and the sigmoid written out
    # are not facts of a generic quadratic network; the claim is false there.
    wrong = R(CHAIN["ce-sigmoid"], costs=(), activations=())
    cert = _refuted_and_confirmed(wrong, GENERIC)
    assert "lemma-dC-da-cross-entropy is about the cross-entropy cost" in cert.reason
    assert "which is not what this network defines" in cert.reason  # the sigmoid of its unfold


def test_an_unfold_that_writes_something_else_is_caught():
    wrong = R(CHAIN["softmax-ce"], unfold=lambda m, e: e.xreplace({m.a_L[m.j]: m.y[m.j]}))
    cert = general.prove_general(wrong, general.network(cost="softmax-cross-entropy"))
    assert cert.verdict != "proved-for-all-sizes"
    assert "not what this network defines" in cert.reason


def test_a_hypothesis_must_be_an_assumption_of_the_network():
    # seed 003: δ^L = a^L − y needs Σ_k y_k = 1; dropping the flag that says so does not help.
    sm = general.network(cost="softmax-cross-entropy")
    no_flag = R(CHAIN["softmax-ce-one-hot"], needs_one_hot=False)
    cert = general.prove_general(no_flag, sm)
    assert cert.verdict == "refuted" and "which the network does not assume (one_hot=False)" in cert.reason
    assert _false_somewhere(no_flag, SOFTMAX)
    other = R(CHAIN["softmax-ce"], hypotheses=lambda m: {m.y[m.j]: 0})
    assert general.prove_general(other, sm).verdict != "proved-for-all-sizes"
    one_hot = general.network(cost="softmax-cross-entropy", one_hot=True)
    assert general.prove_general(no_flag, one_hot).verdict == "proved-for-all-sizes"


def test_parameter_gradients_of_a_mini_batch_mean_need_the_per_sample_route():
    # seed 001: on C = (1/m) Σ_x C_x, ∂C/∂b^l is not δ^l of one sample. BP3 with its
    # single-sample flag edited away is refuted, the chain rule over z^l named as the reason.
    wrong = R(CHAIN["BP3"], single_sample=False)
    cert = _refuted_and_confirmed(wrong, BATCH)
    assert "holds for one sample's cost" in cert.reason


def test_per_sample_link_applies_only_bp3_or_bp4():
    mb = CHAIN["minibatch-bias"]
    wrong = R(mb, chain=(mb.chain[0], R(mb.chain[1], ref="BP2")))
    cert = general.prove_general(wrong, general.network(cost="mean-quadratic"))
    assert cert.verdict == "undecided" and "not 'BP2'" in cert.reason


def test_a_lemma_applies_only_at_indices_its_ranges_cover():
    # lemma-dz-dw (seed 002, Lemma 4) holds for q ≤ n_{l-1}; an occurrence with k ≤ n_l only is kept.
    m = Layers()
    lem = LEMMAS["lemma-dz-dw"]
    problems = []
    line = m.dz_dw[m.i, m.j, m.k]
    out = links.substitute(line, m.dz_dw, (m.j, m.p, m.q), lem.rhs(m), lem.ranges(m),
                           [Range(m.i, 1, m.n), Range(m.j, 1, m.n), Range(m.k, 1, m.n)], problems, "lemma-dz-dw")
    assert out == line and problems and "1 ≤ k ≤ n_{l-1}" in problems[0]
    problems = []
    out = links.substitute(line, m.dz_dw, (m.j, m.p, m.q), lem.rhs(m), lem.ranges(m),
                           [Range(m.i, 1, m.n), Range(m.j, 1, m.n), Range(m.k, 1, m.n_prev)], problems, "lemma-dz-dw")
    assert problems == [] and out == sympy.KroneckerDelta(m.i, m.j) * m.a_prev[m.k]


def test_ranges_are_part_of_the_statement():
    # BP4 claimed for k up to n_l names weights that do not exist; a range on a size restricts
    # "every size"; both are caught before any link.
    gnet = general.network()
    too_far = R(CHAIN["BP4"], ranges=lambda m: [Range(m.j, 1, m.n), Range(m.k, 1, m.n)])
    cert = general.prove_general(too_far, gnet)
    assert cert.verdict == "undecided" and "needs 1 ≤ k ≤ n_{l-1}" in cert.reason
    assert cert.details["concrete"]["verdict"] == "undecided" and cert.details["concrete"]["outside_domain"]
    one_size = R(CHAIN["BP3"], ranges=lambda m: [Range(m.j, 1, m.n), Range(m.n, 2, 2)])
    cert = general.prove_general(one_size, gnet)
    assert cert.verdict != "proved-for-all-sizes" and "restricts the size n_{l}" in cert.reason


def test_a_proof_through_layer_l_plus_1_does_not_cover_l_equal_L():
    # BP3 holds for 2 ≤ l ≤ L. A chain that detours through δ^{l+1} (adding and removing
    # δ^{l+1}_j − ∂C/∂z^{l+1}_j, zero by definition) names a layer that l = L lacks.
    bp3 = CHAIN["BP3"]
    detour = lambda m: sympy.Sum(m.delta[m.i] * m.dz_db[m.i, m.j], (m.i, 1, m.n)) + m.delta_next[m.j] - m.dC_dz_next[m.j]  # noqa: E731
    back = lambda m: sympy.Sum(m.delta[m.i] * m.dz_db[m.i, m.j], (m.i, 1, m.n))  # noqa: E731
    chain = bp3.chain[:2] + (Link(detour, "definition", "a detour"), Link(back, "definition", "back")) + bp3.chain[2:]
    cert = general.prove_general(R(bp3, chain=chain), general.network())
    assert cert.verdict == "undecided"
    assert "covers l < L only" in cert.reason
    assert all(s.checked and not s.checked.startswith("NOT") for s in cert.steps)  # every link itself holds


# -- malformed variants: a verdict with a reason, never a traceback -------------------------


@pytest.mark.parametrize("edit, words", [
    (dict(lhs=lambda m: 1 / 0), "could not be built: ZeroDivisionError"),
    (dict(rhs=lambda m: "delta"), "is not an expression"),
    (dict(ranges=lambda m: [1, 2]), "must be a list of Range"),
    (dict(chain=(Link(lambda m: m.delta[m.j], "hypothesis", "assumed"),)), "no check for a link of kind 'hypothesis'"),
    (dict(chain=(Link(lambda m: m.delta[m.j], "lemma", "x", "lemma-nope"),)), "no lemma 'lemma-nope'"),
    (dict(chain=(Link(lambda m: m.delta[m.j], "identity", "x", "BP9"),)), "no identity 'BP9'"),
    (dict(chain=(Link(lambda m: m.delta[m.j], "chain-rule", "x", ("b^{l}", "q^{l}")),)), "cannot go through q^{l}"),
    (dict(chain=(Link(lambda m: m.delta[m.j], "chain-rule", "x", "b^{l}"),)), "names (source, via)"),
    (dict(lhs=lambda m: m.y[m.j, m.k]), "has 2 indices"),
    (dict(rhs=lambda m: sympy.IndexedBase("q")[m.j]), "has no quantity q"),
    (dict(hypotheses=lambda m: {"sum y": 1}), "must map expressions to expressions"),
])
def test_a_malformed_variant_is_undecided_with_its_reason(edit, words):
    cert = general.prove_general(R(CHAIN["BP3"], **edit), general.network())
    assert cert.verdict == "undecided"
    assert words in cert.reason


@pytest.mark.parametrize("edit, words", [
    (dict(chain=("a line",)), "line 2 of its chain is not a Link"),
    (dict(chain=(Link(lambda m: m.delta[m.j], "lemma", "x", ["lemma-dz-db"]),)), "neither a name nor (source, via)"),
    (dict(outputs=None), "its outputs is not a tuple of names"),
    (dict(depth=3), "its depth is not text"),
    (dict(rhs=None), "its rhs is not a function"),
])
def test_a_variant_with_malformed_fields_is_undecided_with_its_reason(edit, words):
    cert = general.prove_general(R(CHAIN["BP3"], **edit), general.network())
    assert cert.verdict == "undecided"
    assert words in cert.reason


def test_a_variant_that_does_not_apply_is_refused_like_its_name():
    with pytest.raises(IdentityError, match="not for a network"):
        general.prove_general(CHAIN["softmax-ce"], general.network())


# -- the reduction -------------------------------------------------------------------------


def test_an_empty_sum_is_zero_not_a_negative_count():
    # Σ_{k=1}^{n−2} 1 is n − 2 only when n ≥ 2; for n = 1 it is the empty sum, 0.
    n = sympy.Symbol("n", integer=True, positive=True)
    k = sympy.Symbol("k", integer=True, positive=True)
    assert remainder(sympy.Sum(sympy.Integer(1), (k, 1, n - 2)), n - 2, []) != 0
    assert remainder(sympy.Sum(sympy.Integer(1), (k, 1, n - 1)), n - 1, []) == 0
    assert sympy.Sum(1, (k, 1, n - 2)).subs(n, 1).doit() == -1  # SymPy's own convention, which we do not use


def test_a_free_symbol_named_like_a_canonical_index_is_refused():
    k0 = sympy.Symbol("_k0", integer=True, positive=True)
    k = sympy.Symbol("k", integer=True, positive=True)
    n = sympy.Symbol("n", integer=True, positive=True)
    a = sympy.IndexedBase("a")
    with pytest.raises(IdentityError, match="_k0"):
        remainder(sympy.Sum(a[k] * k0, (k, 1, n)), sympy.Sum(a[k] * k, (k, 1, n)), [])


# -- the statement and depth a certificate shows ------------------------------------------


def test_catalogue_certificates_keep_their_statement_and_depth():
    gnet = general.network()
    for name in ("BP1", "BP2", "BP3", "BP4", "BP2-matrix"):
        cert = general.prove_general(name, gnet, cross_check=False)
        assert cert.statement == CHAIN[name].statement
        assert cert.details["depth"].startswith(CHAIN[name].depth)


def test_a_variant_depth_is_read_off_its_statement():
    # BP3 written with δ^{l+1}: wrong, and its quantifier says l < L (it names layer l+1).
    wrong = R(CHAIN["BP3"], rhs=lambda m: m.delta_next[m.j], ranges=lambda m: [Range(m.j, 1, m.n_next)])
    cert = general.prove_general(wrong, general.network())
    assert cert.verdict == "refuted"
    assert cert.details["depth"].startswith("any L, any 2 ≤ l < L")
    assert _false_somewhere(wrong, GENERIC)
