"""Fuzzing the all-sizes prover with edited identities (issue 12, item 7); the long run is benchmarks/general_fuzz.py.

Claim: whatever a variant of a chain identity says (sides edited through
``dataclasses.replace``: indices swapped, layers moved, transposes dropped,
factors changed, other quantities, ranges moved; and edits that keep it true),
``prove_general`` returns a certificate, is ``proved-for-all-sizes`` only when
an independent check agrees on five concrete networks of depth 2–6 with no
square weight matrix, and is ``refuted`` only when that check finds the sides
differ. The independent check reads each side with the fuzzer's own reader (not
symbp.general's) twice, and both readings must agree: into the core's exact
ground-truth quantities, compared by the core's exact prover (``symbp.prove``),
and into the numbers of the oracle (``symbp.oracle``: the composed network at
120 digits, derivatives by central differences, nothing of ``derive``). A
refutation must also carry the oracle's confirmation at its counterexample.
"""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import general_fuzz  # noqa: E402

from symbp import general  # noqa: E402
from symbp.general.chains import IDENTITIES as CHAIN  # noqa: E402

# 80 variants in all (200 before: ~45 CPU-s, now ~18); the long run is benchmarks/general_fuzz.py (500 by default).
CHUNKS = 2
PER_CHUNK = 40


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_variants_are_never_proved_or_refuted_against_the_independent_check(chunk):
    tally = general_fuzz.run(PER_CHUNK, seed=1000 + chunk)
    assert tally.problems == []
    counts = tally.counts
    assert sum(counts.values()) >= PER_CHUNK
    # the chunk exercised both directions: some variants proved (and checked), many refuted (and confirmed)
    assert counts["verdict refuted"] >= PER_CHUNK // 4
    assert counts["proved, independently checked"] == counts["verdict proved-for-all-sizes"]
    assert counts["refuted, independently checked"] == counts["verdict refuted"]


def test_the_fuzzer_produces_proofs_too():
    # Edits that keep an identity true must still be proved (or the check above would be vacuous).
    tally = general_fuzz.run(40, seed=7)
    assert tally.counts["verdict proved-for-all-sizes"] >= 3


def test_the_independent_check_tells_true_from_false():
    # The oracle itself, on the catalogue (true at every network, seeds 000/003) and on BP2 with
    # w^{l+1} untransposed (false): it is not a check that cannot fail.
    truth = general_fuzz.independent(CHAIN["BP2"], general_fuzz.GENERAL_NETWORKS[0])
    assert truth["[3, 2]"] == "empty"  # depth 2 has no hidden layer: BP2 says nothing there
    assert set(truth.values()) == {"true", "empty"}
    sm = dict(activation="generic", cost="softmax-cross-entropy")
    truth = general_fuzz.independent(CHAIN["softmax-ce"], sm)
    assert set(truth.values()) == {"true"}
    import dataclasses

    import sympy

    wrong = dataclasses.replace(
        CHAIN["BP2"],
        rhs=lambda m: m.sigma_prime(m.z[m.j]) * sympy.Sum(m.w_next[m.j, m.r] * m.delta_next[m.r], (m.r, 1, m.n_next)),
    )
    truth = general_fuzz.independent(wrong, general_fuzz.GENERAL_NETWORKS[0])
    assert "false" in truth.values()


def test_every_identity_is_reached_by_the_fuzzer():
    seen = set()
    rng = random.Random(3)
    for _ in range(200):
        _, name, kwargs, _ = general_fuzz.variant(random.Random(rng.getrandbits(64)))
        assert name in general.applicable(general.network(**kwargs))
        seen.add(name)
    assert seen == set(CHAIN)
