"""benchmarks/verify_speed.py finds its data beside its own file, whatever the working folder (review, layouts
finding 8: run as ``cd /tmp && python …/benchmarks/verify_speed.py`` it must not depend on the cwd)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "verify_speed.py"


def _load():
    spec = importlib.util.spec_from_file_location("verify_speed_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_verify_speed_reads_its_corpora_from_outside_the_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bench = _load()
    assert bench.soundness_jobs()  # tests/data/soundness_corpus.toml, found beside the script


def test_verify_speed_finds_the_seeds_where_seed_errata_does(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SYMBP_SEEDS", str(tmp_path))  # a folder with no seeds: nothing to time, no crash
    assert _load().notes_times() == ([], [])
    monkeypatch.setenv("SYMBP_SEEDS", str(tmp_path / "missing"))
    with pytest.raises(SystemExit, match="SYMBP_SEEDS"):
        _load().notes_times()
