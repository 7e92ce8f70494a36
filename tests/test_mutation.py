"""Mutation soundness, reduced grid (the full run is ``benchmarks/mutation.py``).

Claim (issue 7): every really wrong variant of a catalogue identity is refuted
and none is reported as holding; variants that are still correct (a transpose
of a 1×1 weight, σ' dropped for the identity activation) are recognised as
equivalent. "Really wrong" is decided by exact polynomial subtraction, and
every "equivalent" decision is cross-checked at random float points.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import mutation as mu  # noqa: E402

from symbp import identities as ids  # noqa: E402
from symbp import network  # noqa: E402
from symbp.prove import prove  # noqa: E402

NETS = [
    network([2, 2, 2], "sigmoid"),
    network([1, 1, 1], "tanh"),
    network([3, 3, 3], "identity"),
    network([2, 3, 2, 2], "generic"),
]


@pytest.fixture(scope="module")
def tally():
    return mu.run(NETS, identities=["BP1", "BP2", "BP3", "BP4", "BP1'", "lemma-3"], methods=("auto", "pit"), budget=30)


def test_no_wrong_mutant_is_reported_as_holding(tally):
    assert tally.wrong > 100
    assert not any(tally.unsound.values())


def test_every_wrong_mutant_is_refuted(tally):
    assert tally.killed["auto"] == tally.wrong, tally.undecided["auto"]
    assert tally.killed["pit"] == tally.wrong, tally.undecided["pit"]


def test_equivalent_mutants_are_recognised_and_agree_numerically(tally):
    assert tally.equivalent >= 5
    assert tally.numeric_disagreements == []
    assert not any(tally.false_alarms.values())


def test_transpose_of_a_one_by_one_weight_is_equivalent():
    # [1,1,1]: (w^3)^T = w^3, so BP2 without its transpose is still BP2.
    mutant = mu.mutate(ids.BP2, mu.OPERATORS[0])
    assert mu.exact_status(mutant, network([1, 1, 1], "tanh")) == "equivalent"
    assert prove(mutant, network([1, 1, 1], "tanh")).verdict == "proved"


def test_dropping_sigma_prime_is_equivalent_only_for_the_identity_activation():
    drop = next(op for op in mu.OPERATORS if op.name == "drop-sigma-prime")
    mutant = mu.mutate(ids.BP2, drop)
    assert mu.exact_status(mutant, network([3, 3, 3], "identity")) == "equivalent"
    sig = network([3, 3, 3], "sigmoid")
    assert mu.exact_status(mutant, sig) == "wrong"
    assert not mu.numeric_agrees(mutant, sig)  # the independent float check sees it too
    assert prove(mutant, sig).verdict == "refuted"


def test_operator_that_touches_nothing_is_not_a_mutant():
    # BP4 = a^{l-1}_k δ^l_j reads no σ': dropping σ' changes nothing in it.
    counter = mu.Counter()
    drop = next(op for op in mu.OPERATORS if op.name == "drop-sigma-prime")
    mutant = mu.mutate(ids.BP4, drop, counter)
    prove(mutant, network([2, 2, 2], "sigmoid"), method="exact")
    assert counter.touched == 0


def test_one_hot_identity_without_the_assumption_is_refuted():
    # Seed 003 (Dyda): δ^L = a^L − y needs Σ_k y_k = 1.
    plain = network([2, 3, 3], "generic", "softmax-cross-entropy")
    assert mu.exact_status(ids.SOFTMAX_CE_ONE_HOT, plain) == "wrong"
    for method in ("auto", "pit"):
        assert prove(ids.SOFTMAX_CE_ONE_HOT, plain, method=method).verdict == "refuted"


# -- text mutants of the verifier's corpus (seed formulas in their notations) --------------------

import formula_mutation as fm  # noqa: E402


@pytest.fixture(scope="module")
def formula_run():
    return fm.run(budget=30)


def test_no_mutated_seed_formula_is_reported_as_holding(formula_run):
    # Every corpus formula holds, then every text slip of it (167 mutants) is checked:
    # holding is allowed only for the hand-reviewed equivalents of fm.EQUIVALENT.
    assert formula_run["originals_hold"] == formula_run["originals"] > 0
    assert formula_run["unsound"] == []
    assert formula_run["outcomes"]["holds"] == 0


def test_mutated_seed_formulas_are_refuted_or_safely_rejected(formula_run):
    judged = sum(formula_run["outcomes"].values())
    assert judged > 100
    # What is not refuted is unreadable/uninterpretable (e.g. Σ(z) without its prime), never undecided-as-holds.
    assert set(formula_run["outcomes"]) <= {"refuted", "unreadable", "uninterpretable"}
    assert formula_run["outcomes"]["refuted"] >= 0.9 * judged


def test_text_operators_make_the_slips_they_name():
    bp2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"
    assert list(fm.drop_transpose(bp2)) == [r"\delta^l = ((w^{l+1}) \delta^{l+1}) \odot \sigma'(z^l)"]
    assert list(fm.drop_sigma_prime(bp2)) == [r"\delta^l = ((w^{l+1})^T \delta^{l+1}) "]
    assert r"\delta^{l+1} = ((w^{l+1})^T" in next(fm.shift_layer(bp2))
    assert list(fm.swap_indices(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"))[0].endswith("w^l_{kj}} = a^{l-1}_k \\delta^l_j")
