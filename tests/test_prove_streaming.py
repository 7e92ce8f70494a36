"""Issue 17: streamed and parallel exact proofs give the certificates the prover always gave.

The oracle is the prover itself as it was before the exact proofs were
streamed, sharded over processes and given a faster algebra:
``tests/data/catalogue_certificates.json`` holds its certificates (timings
dropped) for every identity of the catalogue and every usual slip, on a
spread of networks, both methods (``tests/golden_certificates.py`` wrote it).
"""

from __future__ import annotations

import importlib
import json

import pytest

from golden_certificates import cases, certificate_dict, golden

GOLDEN = golden()
CASES = list(cases())


def test_the_golden_file_covers_every_case():
    assert sorted(GOLDEN) == sorted(label for label, *_ in CASES)
    verdicts = {d.get("verdict") for d in GOLDEN.values()}
    assert {"proved", "probably-true", "refuted"} <= verdicts  # the slips are in, and refuted


@pytest.mark.parametrize("label,net,ident,method", CASES, ids=[c[0] for c in CASES])
def test_certificate_is_unchanged(label, net, ident, method):
    assert certificate_dict(net, ident, method) == GOLDEN[label]


# Every exact case that fails somewhere (where the earliest failing instance
# matters) and every proved one on two of the networks: forking per case
# costs, so not all 335.
EXACT = [
    c for c in CASES
    if c[3] == "exact" and (GOLDEN[c[0]].get("verdict") != "proved" or c[1].sizes in ((3, 2, 2, 3), (2, 2, 2, 2)))
]


@pytest.mark.parametrize("label,net,ident,method", EXACT, ids=[c[0] for c in EXACT])
def test_certificate_is_unchanged_with_instances_over_two_processes(label, net, ident, method, monkeypatch):
    # prove(jobs=2) shards the rows of every comparison over two forked
    # processes; the earliest failing instance, the counts and the steps
    # must come out as in one process.
    prove_module = importlib.import_module("symbp.prove")
    monkeypatch.setattr(prove_module, "SHARD_PARAMETERS", 0)  # shard even these small networks
    assert certificate_dict(net, ident, method, jobs=2) == GOLDEN[label]


def _cli_json(capsys, *extra):
    from symbp.cli import main

    code = main(["prove", "--sizes", "3,4,4,2", "--activation", "sigmoid", "--method", "exact", "--json", *extra])
    certs = json.loads(capsys.readouterr().out)
    for c in certs:
        c.pop("seconds")
    return code, certs


def test_cli_jobs_gives_the_certificates_of_one_process(capsys, monkeypatch):
    monkeypatch.setattr(importlib.import_module("symbp.prove"), "SHARD_PARAMETERS", 0)
    one = _cli_json(capsys, "--jobs", "1")
    two = _cli_json(capsys, "--jobs", "2")
    assert one == two and one[0] == 0
    assert len(one[1]) > 4 and {c["verdict"] for c in one[1]} == {"proved"}  # the default catalogue, seeds 000–003


def test_cli_jobs_must_be_a_positive_number(capsys):
    from symbp.cli import main

    assert main(["prove", "--sizes", "2,3,2", "--jobs", "0"]) == 2
    assert "--jobs must be a whole number of processes ≥ 1, got 0" in capsys.readouterr().err
