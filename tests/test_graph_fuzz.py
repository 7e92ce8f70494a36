"""Grammar fuzzing of notes in their own terms (issue 14): random row- and column-form notes and claims, each
verdict compared with the independent mpmath oracle (benchmarks/graph_fuzz.py): no holds the oracle
separates, no refutation where the oracle finds the sides equal."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "graph_fuzz", Path(__file__).resolve().parents[1] / "benchmarks" / "graph_fuzz.py")
graph_fuzz = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(graph_fuzz)


def test_graph_fuzz_agrees_with_the_oracle():
    tally = graph_fuzz.run(24, seed=3)
    assert tally["UNSOUND"] == 0
    assert tally["FALSE REFUTATION"] == 0
    assert tally["holds"] > 0 and tally["refuted"] > 0  # both verdicts were exercised


_SPEC2 = importlib.util.spec_from_file_location(
    "update_fuzz", Path(__file__).resolve().parents[1] / "benchmarks" / "update_fuzz.py")
update_fuzz = importlib.util.module_from_spec(_SPEC2)
_SPEC2.loader.exec_module(update_fuzz)


def test_update_rules_and_per_sample_labels_agree_with_their_meaning():
    tally = update_fuzz.run(150, seed=5)
    assert tally["UNSOUND"] == 0 and tally["FALSE REFUTATION"] == 0 and tally["MISREAD"] == 0
    assert tally["holds"] > 0 and tally["refuted"] > 0 and tally["labelled holds"] > 0
