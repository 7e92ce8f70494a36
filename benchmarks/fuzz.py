r"""Fuzzing symbp: random networks through ``prove``; random LaTeX through the reader.

Networks (always): random sizes (1–3 neurons, 2–4 layers), activations per
layer, costs. Every catalogue identity that applies must hold (proved or
probably-true); every mutant (``symbp.mutants`` and a random mutation
operator of ``benchmarks/mutation.py``) must be refuted when exact
subtraction says it is wrong, and must hold when it says it is equivalent.

Formulas (when ``symbp.verify.reader`` is present): well-formed formulas over
the notation and garbage strings go to the reader, to ``symbp.verify`` and to
the CLI: no uncaught exception, no run past the budget, exit code 0–3.

    python benchmarks/fuzz.py --examples 10000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hypothesis import strategies as st

import mutation as mu
from symbp import identities as ids
from symbp import mutants
from symbp.network import network
from symbp.prove import prove

ACTIVATIONS = ("generic", "sigmoid", "tanh", "relu", "softplus", "identity", "generic:f")
COSTS = ("quadratic", "mean-quadratic", "cross-entropy", "softmax-cross-entropy")


@st.composite
def networks(draw, max_layers: int = 4, max_width: int = 3):
    """A random valid ``Network`` (small enough for the exact prover)."""
    sizes = draw(st.lists(st.integers(1, max_width), min_size=2, max_size=max_layers))
    acts = draw(st.lists(st.sampled_from(ACTIVATIONS), min_size=len(sizes) - 1, max_size=len(sizes) - 1))
    cost = draw(st.sampled_from(COSTS))
    one_hot = cost == "softmax-cross-entropy" and draw(st.booleans())
    batch = draw(st.integers(1, 3)) if cost == "mean-quadratic" else None
    return network(sizes, acts, cost, one_hot=one_hot, batch=batch)


class Outcome(Counter):
    """Counts of what happened; ``problems`` lists every soundness failure."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []


def check_network(net, rng: random.Random, out: Outcome, budget: float = 30.0) -> None:
    """Prove every applicable identity; refute every mutant that is really wrong."""
    for ident in ids.applicable(net):
        cert = prove(ident, net, budget=budget)
        out[f"identity {cert.verdict}"] += 1
        if not cert.holds:
            out.problems.append(f"{ident.name} on {net.label()}: {cert.verdict} ({cert.reason})")
    candidates = [m for m in mutants.ALL if not m.applies(net)]
    usable = [i for i in ids.CATALOGUE.values() if i.compare is not None and not i.applies(net)]
    if usable:
        candidates.append(mu.mutate(rng.choice(usable), rng.choice(mu.OPERATORS)))
    for mutant in candidates:
        status = mu.exact_status(mutant, net, budget)
        cert = prove(mutant, net, method=rng.choice(("auto", "pit")), budget=budget)
        out[f"mutant {status} -> {cert.verdict}"] += 1
        if status == "wrong" and cert.holds:
            out.problems.append(f"UNSOUND: {mutant.name} on {net.label()} reported {cert.verdict}")
        elif status == "wrong" and cert.verdict != "refuted":
            out.problems.append(f"not killed: {mutant.name} on {net.label()}: {cert.verdict} ({cert.reason})")
        elif status == "equivalent" and cert.verdict == "refuted":
            out.problems.append(f"false alarm: {mutant.name} on {net.label()} is equivalent but refuted")


def run_networks(examples: int, seed: int = 0, progress: int = 0) -> Outcome:
    from hypothesis import HealthCheck, given, settings

    out = Outcome()
    start = time.perf_counter()
    rng = random.Random(seed)

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(networks())
    def one(net):
        out["networks"] += 1
        check_network(net, rng, out)
        if progress and out["networks"] % progress == 0:
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(out.items()) if k != "networks")
            print(f"  ... {out['networks']} networks in {time.perf_counter() - start:.0f} s; {counts}; "
                  f"problems {len(out.problems)}: {out.problems[-3:]}", flush=True)

    one()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="fuzz symbp")
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--formulas-only", action="store_true", help="skip the networks part")
    parser.add_argument("--networks-only", action="store_true", help="skip the formulas part")
    args = parser.parse_args(argv)
    out = Outcome()
    start = time.perf_counter()
    if not args.formulas_only:
        out = run_networks(args.examples, progress=500)
    seconds = time.perf_counter() - start
    print(f"networks: {out['networks']} random networks in {seconds:.1f} s ({1000 * seconds / max(out['networks'], 1):.1f} ms each)")
    for key in sorted(k for k in out if k != "networks"):
        print(f"  {key:40} {out[key]}")
    print(f"  problems: {len(out.problems)}")
    unsound = [p for p in out.problems if p.startswith(("UNSOUND", "false alarm"))]
    relu = [p for p in out.problems if p not in unsound and "relu" in p.split(" on ", 1)[-1].split(":", 1)[0]]
    other = [p for p in out.problems if p not in unsound and p not in relu]
    print(f"    unsound or false alarm: {len(unsound)}; not killed on a network with relu: {len(relu)}; other: {len(other)}")
    for p in unsound + other + relu[:10]:
        print(f"    {p}")
    formulas = None if args.networks_only else _formula_fuzz(args.examples)
    if formulas is not None:
        print(formulas)
    return 1 if out.problems or (formulas and "problems: 0" not in formulas) else 0


def _formula_fuzz(examples):
    try:
        import formula_fuzz
    except ImportError:
        return None
    return formula_fuzz.main_text(examples)


if __name__ == "__main__":
    sys.exit(main())
