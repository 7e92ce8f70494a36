"""Fuzzing ``prove`` with random networks (Hypothesis); the 10,000-example run is benchmarks/fuzz.py.

Claims (issue 7): on every random network every catalogue identity that
applies holds, every really wrong mutant is refuted, and nothing wrong is
ever reported as holding. "Really wrong" is decided by exact subtraction of
the two sides (benchmarks/mutation.py), not by the method under test.
"""

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fuzz  # noqa: E402

from symbp import mutants, network  # noqa: E402
from symbp.prove import prove  # noqa: E402

FUZZ = settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
NO_RELU = tuple(a for a in fuzz.ACTIVATIONS if a != "relu")


@st.composite
def networks_without_relu(draw):
    net = draw(fuzz.networks())
    acts = [a if a != "relu" else draw(st.sampled_from(NO_RELU)) for a in net.activations]
    return network(list(net.sizes), acts, net.cost, one_hot=net.one_hot, batch=net.batch)


@FUZZ
@given(fuzz.networks(), st.integers(0, 2**32 - 1))
def test_nothing_wrong_is_ever_reported_as_holding(net, seed):
    out = fuzz.Outcome()
    fuzz.check_network(net, random.Random(seed), out)
    assert not [p for p in out.problems if p.startswith(("UNSOUND", "false alarm"))]
    assert out["identity proved"] + out["identity probably-true"] >= 1  # something was checked


@FUZZ
@given(networks_without_relu(), st.integers(0, 2**32 - 1))
def test_every_identity_holds_and_every_wrong_mutant_is_refuted(net, seed):
    out = fuzz.Outcome()
    fuzz.check_network(net, random.Random(seed), out)
    assert out.problems == []


def test_relu_mutant_is_refuted():
    # Found by this fuzzing: 4 concrete points could all leave the unit dead (σ' = 0);
    # the counterexample search now looks at more points for relu networks.
    # BP2 without σ' on [3,3,1] relu: wrong (the exact difference is a non-zero polynomial).
    assert prove(mutants.BP2_NO_SIGMA_PRIME, network([3, 3, 1], "relu")).verdict == "refuted"


def test_relu_gap_is_undecided_not_holding():
    # The gap above must stay on the safe side: undecided, never a verdict that holds.
    cert = prove(mutants.BP2_NO_SIGMA_PRIME, network([3, 3, 1], "relu"))
    assert cert.verdict in ("refuted", "undecided") and not cert.holds


# -- random LaTeX through the reader, verify and the CLI ------------------------------------------

import formula_fuzz  # noqa: E402


@pytest.fixture(scope="module")
def box():
    from symbp.testing.sandbox import Sandbox

    with Sandbox(timeout=10, memory_mb=2048) as b:
        yield b


# 100 examples here (300 before: ~30 CPU-s with the sandbox, now ~10); the soundness evidence is
# benchmarks/formula_fuzz.py's 10,000 inputs (docs/testing.md).
@settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(formula_fuzz.any_input(max_power=3))
def test_reader_verify_and_cli_never_crash_or_overrun(box, case):
    # Well-formed formulas, token soup and raw garbage: read raises only ReadError,
    # verify (in a worker, hard limit budget + 5 s) returns one of the five statuses,
    # the CLI exits 0-3. Powers stay ≤ 3 here; the blow-up of a high power has its own test below.
    text, notation = case
    tally = formula_fuzz.Tally()
    formula_fuzz.check(text, notation, tally, sandbox=box, budget=5.0, margin=5.0)
    assert tally.problems == []
    assert sum(v for k, v in tally.items() if k.startswith("verify ")) == 1


def test_verify_stops_a_polynomial_blow_up_within_its_budget(box):
    # Found by benchmarks/formula_fuzz.py: (a six-term sum)^8 ran for minutes past the budget;
    # every product now consults the budget (algebra.limits). Since issue 17's faster algebra the ^8 alone
    # finishes (and is rightly refuted), so the sum is raised to the 16th power, a polynomial of 20,349 terms.
    bomb = r"\delta^l_j = ((\delta^l_j + a^{l-1}_k + w^l_{jk} + b^l_j + z^l_j + a^l_j)^{8})^{2}"
    out = box.run(formula_fuzz.verify_status, bomb, "nielsen", 2.0, timeout=12.0)
    assert out.ok and out.value == "undecided"


def test_reader_rejects_a_superscript_digit_with_read_error():
    # Found by this fuzzing: '¹'.isdigit() is True but \d+ does not match it (AttributeError before the fix).
    from symbp.errors import SymbpError
    from symbp.verify.reader import read

    with pytest.raises(SymbpError):
        read("\u00b9", "nielsen")
