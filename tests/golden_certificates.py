"""The whole catalogue proved on a spread of networks: the cases and their certificates.

``tests/test_prove_streaming.py`` compares today's certificates with
``tests/data/catalogue_certificates.json``, written by this module from the
prover as it was *before* exact proofs were streamed and sharded over
processes (issue 17): the same verdicts, instances, steps, counterexamples
and reasons, timings aside. Regenerate only when a verdict is meant to change:

    python tests/golden_certificates.py tests/data/catalogue_certificates.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symbp import identities as ids  # noqa: E402
from symbp import mutants  # noqa: E402
from symbp.errors import SymbpError  # noqa: E402
from symbp.identities import rowvector  # noqa: E402
from symbp.network import network  # noqa: E402
from symbp.prove import prove  # noqa: E402

#: (sizes, activation, cost, options): every cost, every named activation, a
#: deeper net, non-square layers, a mini-batch and a per-neuron override.
NETWORKS = [
    ([2, 3, 2], "generic", "quadratic", {}),
    ([2, 3, 2], "sigmoid", "quadratic", {}),
    ([3, 2, 2, 3], "tanh", "quadratic", {}),
    ([2, 3, 2], "relu", "quadratic", {}),
    ([2, 2, 3], "softplus", "quadratic", {}),
    ([2, 3, 2], "identity", "quadratic", {}),
    ([2, 2, 2], "sigmoid", "cross-entropy", {}),
    ([2, 3, 3], "tanh", "softmax-cross-entropy", {}),
    ([2, 3, 3], "generic", "softmax-cross-entropy", {"one_hot": True}),
    ([2, 2, 2], "sigmoid", "mean-quadratic", {}),
    ([2, 3, 2], "generic", "quadratic", {"overrides": {(2, 1): "tanh"}}),
    ([2, 2, 2, 2], "generic", "quadratic", {}),
]

#: Every identity that exists, the deliberate slips included (they must stay refuted).
IDENTITIES = (
    list(ids.CATALOGUE.values())
    + list(mutants.ALL)
    + list(rowvector.WRONG.values())
)


def cases():
    """(label, network, identity, method) for every identity that applies, both methods."""
    for sizes, activation, cost, options in NETWORKS:
        net = network(sizes, activation, cost, **options)
        for ident in IDENTITIES:
            if ident.function_rule is None and ident.applies(net) is not None:
                continue
            for method in ("exact", "pit"):
                extra = f" overrides {sorted(options['overrides'].items())}" if "overrides" in options else ""
                yield f"{net.label()}{extra} | {ident.name} | {method}", net, ident, method


def golden() -> dict:
    """The stored certificates, each counterexample's value past a float (NaN, ±inf) read as null: the one change of
    form since they were written (JSON has no NaN; ``certificate.finite_values``, issue 12 C1), no change of value."""
    from symbp.certificate import finite_values

    stored = json.loads((Path(__file__).parent / "data" / "catalogue_certificates.json").read_text(encoding="utf-8"))
    for d in stored.values():
        if isinstance(d.get("counterexample"), dict):
            finite_values(d["counterexample"])
    return stored


def certificate_dict(net, ident, method, **kwargs) -> dict:
    """The certificate as plain data without its timing (or the error it raised)."""
    try:
        cert = prove(ident, net, method=method, budget=120.0, **kwargs)
    except SymbpError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    d = cert.to_dict()
    d.pop("seconds")
    return json.loads(json.dumps(d))  # tuples as lists, as stored


def main(path: str) -> int:
    out = {label: certificate_dict(net, ident, method) for label, net, ident, method in cases()}
    Path(path).write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(out)} certificates written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
