"""The grammar fuzzer (benchmarks/grammar_fuzz.py) in the suite: random formulas with their own meaning.

Each formula is generated together with a numeric meaning evaluated from the independent
oracle (the composed network, numerically differentiated) on networks of depth 2 to 6 of
random sizes; `verify`'s verdict must never say holds where the oracle finds the sides
different, nor refute what the oracle finds equal everywhere (issue 12, item 7). The
suite runs 50 examples (a smoke run that keeps the suite's time down); the 10,000-example
run is `python benchmarks/grammar_fuzz.py`.
"""

import random
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import grammar_fuzz  # noqa: E402

# 50 here (150 before: ~30 CPU-s, now ~10); the soundness evidence is benchmarks/grammar_fuzz.py's 10,000.
FUZZ = settings(max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.integers(0, 2**32 - 1))
def test_verify_agrees_with_the_oracle_on_random_formulas(seed):
    rng = random.Random(seed)
    tally = grammar_fuzz.Tally()
    grammar_fuzz.check_claim(grammar_fuzz.random_claim(rng), rng, tally)
    assert not tally.unsound, tally.unsound
    assert not tally.false_refutations, tally.false_refutations


def test_the_grammar_makes_true_false_and_depth_dependent_formulas():
    # The fuzzer is only worth its runs if its formulas are of every kind (checked on the
    # formulas themselves, by the oracle, not by verify).
    rng = random.Random(7)
    tally = grammar_fuzz.Tally()
    for _ in range(40):
        grammar_fuzz.check_claim(grammar_fuzz.random_claim(rng), rng, tally)
    assert tally.truths["true"] >= 5 and tally.truths["false"] >= 5
    assert {"nielsen", "sokolinsky", "dyda"} <= {grammar_fuzz.random_claim(rng).notation for _ in range(60)}


def test_the_meaning_is_the_oracle_s_not_the_verifier_s():
    # Planted: a formula the oracle knows to be false at every depth must come out "fails".
    G = grammar_fuzz
    claim = G.Claim(G.Q("delta", G.Lay("L")), G.Op("scale", (G.Q("delta", G.Lay("L")),), 2), "nielsen", "quadratic",
                    "generic", False)
    assert {G.truth_at_depth(claim, d, seed=d) for d in range(2, 7)} == {"fails"}
    true = G.Claim(G.Nabla("b", G.Lay("l")), G.Q("delta", G.Lay("l")), "sokolinsky", "quadratic", "sigmoid", False)
    assert {G.truth_at_depth(true, d, seed=d) for d in range(2, 7)} == {"holds"}
