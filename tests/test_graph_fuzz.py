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
