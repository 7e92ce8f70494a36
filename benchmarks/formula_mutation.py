r"""Mutation soundness of ``symbp verify`` on the correct formulas of the corpus.

Each correct formula of ``tests/data/verify_corpus.toml`` (copied from the
seeds, in their own notations) is mutated as text by the usual slips: drop or
add a transpose, swap two indices, flip the sign of the right side, drop σ'
or Σ'(z), multiply by 2, shift a layer index by one, replace Σ'(z) by Σ(z),
drop the one-hot assumption. One mutant per place where an operator applies.

Text mutants cannot be judged by the exact polynomial check of
``benchmarks/mutation.py`` (that needs the identity's structure), so
equivalence is decided by hand: ``EQUIVALENT`` lists each mutant that is
still a correct formula, with the reason. A mutant verify reports as holding
that is not in that list is printed as UNSOUND for review. Mutants the reader
cannot read, or the verifier cannot interpret, are counted apart (not
refuted, but not reported as holding either).

    python benchmarks/formula_mutation.py
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

# Mutants that are still correct, reviewed by hand: (mutant text, why).
EQUIVALENT: dict[str, str] = {
    r"\delta^l = \Sigma'(z^l) \left(w^{l+1}\right)^T \cdots  \left(w^L\right)^T \Sigma'(z^L) \nabla_a C":
        "Σ'(z^{L-1}) dropped just after \\cdots is absorbed by it: the chain Σ'(z^l)(w^{l+1})^T ⋯ (w^L)^T Σ'(z^L) ∇_a C "
        "is the product formula written with the block resumed mid-way (Nielsen, ch. 2 line 349)",
}

_TRANSPOSE = re.compile(r"\^\s*(?:\{\s*(?:T|\\top)\s*\}|T(?![a-zA-Z])|\\top)")
_WEIGHT = re.compile(r"(?<![\\a-zA-Z])(w|W)\^(\{[^{}]*\}|[a-zA-Z0-9])(?!\s*_)(?!\s*\)\s*\^)")
_PAIR = re.compile(r"_\{\s*([a-z])\s*(,?)\s*([a-z])\s*\}")
_SIGMA_PRIME = re.compile(r"(\\odot\s*)?(\\sigma|\\varphi)'\s*(\\left)?\(([^()]*)(\\right)?\)")
_BIG_SIGMA_PRIME = re.compile(r"\\Sigma'\s*(\\left)?\(([^()]*)(\\right)?\)")
_LAYER_SCRIPT = re.compile(r"\^\{\s*([(\[]?)\s*(l|L)\s*([+-]\s*1)?\s*([)\]]?)\s*\}|\^(l|L)(?![a-zA-Z])")


def _top_level_rhs(text: str) -> int:
    """Index just after the last top-level '=' (the right side starts there), or -1."""
    depth, last = 0, -1
    for i, c in enumerate(text):
        if c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif c == "=" and depth == 0:
            last = i + 1
    return last


def _each(pattern, text, replace):
    for m in pattern.finditer(text):
        new = replace(m)
        if new is not None:
            yield text[: m.start()] + new + text[m.end():]


def drop_transpose(text):
    yield from _each(_TRANSPOSE, text, lambda m: "")


def add_transpose(text):
    yield from _each(_WEIGHT, text, lambda m: f"({m.group(0)})^T")


def swap_indices(text):
    yield from _each(_PAIR, text, lambda m: None if m.group(1) == m.group(3) else f"_{{{m.group(3)}{m.group(2)}{m.group(1)}}}")


def flip_sign(text):
    i = _top_level_rhs(text)
    if i > 0:
        yield f"{text[:i]} -\\left({text[i:].strip()}\\right)"


def times_two(text):
    i = _top_level_rhs(text)
    if i > 0:
        yield f"{text[:i]} 2\\left({text[i:].strip()}\\right)"


def drop_sigma_prime(text):
    yield from _each(_SIGMA_PRIME, text, lambda m: "")
    yield from _each(_BIG_SIGMA_PRIME, text, lambda m: "")


def sigma_for_sigma_prime(text):
    yield from _each(_SIGMA_PRIME, text, lambda m: m.group(0).replace("'", "", 1))
    yield from _each(_BIG_SIGMA_PRIME, text, lambda m: m.group(0).replace("'", "", 1))


def _shift(m):
    if m.group(5):
        letter, op, open_, close = m.group(5), None, "", ""
    else:
        open_, letter, op, close = m.group(1), m.group(2), m.group(3), m.group(4)
    op = (op or "").replace(" ", "")
    new = {"": "+1", "+1": "+2", "-1": ""}[op] if letter == "l" else {"": "-1", "-1": "-2", "+1": ""}[op]
    return f"^{{{open_}{letter}{new}{close}}}"


def shift_layer(text):
    yield from _each(_LAYER_SCRIPT, text, _shift)


OPERATORS = {
    "drop-transpose": drop_transpose,
    "add-transpose": add_transpose,
    "swap-indices": swap_indices,
    "flip-sign": flip_sign,
    "times-two": times_two,
    "drop-sigma-prime": drop_sigma_prime,
    "sigma-for-sigma-prime": sigma_for_sigma_prime,
    "shift-layer": shift_layer,
}


def corpus() -> list[dict]:
    import tomllib

    path = ROOT / "tests" / "data" / "verify_corpus.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")).get("correct", [])


def _options(entry: dict) -> dict:
    return {k: entry[k] for k in ("activation", "cost", "one_hot") if k in entry}


def _empty_side(text: str) -> bool:
    # An operator that removed a whole side (σ'(z) = … without σ'(z)) made no formula.
    return any(not side.strip() for side in text.split("="))


def mutants(entries=None):
    """(operator, original entry, mutant text, verify options) for every applicable place."""
    seen = set()
    for entry in entries if entries is not None else corpus():
        text = entry["formula"]
        for name, op in OPERATORS.items():
            for mutant in op(text):
                key = (" ".join(mutant.split()), entry.get("notation", "nielsen"))
                if key[0] == " ".join(text.split()) or key in seen or _empty_side(mutant):
                    continue
                seen.add(key)
                yield name, entry, mutant, _options(entry)
        for mutant, _diagnosis in entry.get("mutants", []):  # the corpus's own hand-made slips
            yield "corpus-mutant", entry, mutant, _options(entry)
        if entry.get("one_hot"):
            options = _options(entry)
            options["one_hot"] = False
            yield "drop-one-hot", entry, text, options


def run(entries=None, budget: float = 30.0) -> dict:
    from symbp.verify import verify

    start = time.perf_counter()
    out = {"outcomes": Counter(), "by_operator": {}, "unsound": [], "equivalent": [], "not_refuted": [], "originals_hold": 0,
           "originals": 0}
    for entry in entries if entries is not None else corpus():
        out["originals"] += 1
        if verify(entry["formula"], entry.get("notation", "nielsen"), budget=budget, **_options(entry)).status == "holds":
            out["originals_hold"] += 1
    for name, entry, mutant, options in mutants(entries):
        result = verify(mutant, entry.get("notation", "nielsen"), budget=budget, **options)
        ops = out["by_operator"].setdefault(name, Counter())
        label = f"[{name}] {mutant}" + (f"  ({options})" if options else "")
        if result.status == "holds":
            if mutant in EQUIVALENT and name != "drop-one-hot":
                out["equivalent"].append(f"{label}: {EQUIVALENT[mutant]}")
                ops["equivalent"] += 1
                continue
            out["unsound"].append(f"{label}  [{entry.get('source', '')}]")
        elif result.status != "refuted":
            out["not_refuted"].append(f"{label}: {result.status}: {result.reason[:160]}")
        ops[result.status] += 1
        out["outcomes"][result.status] += 1
    out["seconds"] = time.perf_counter() - start
    return out


def report(out: dict) -> str:
    judged = sum(out["outcomes"].values())
    refuted = out["outcomes"]["refuted"]
    lines = [
        f"corpus formulas: {out['originals']} (verify says {out['originals_hold']} hold)",
        f"text mutants: {judged + len(out['equivalent'])}, of which equivalent (hand-reviewed): {len(out['equivalent'])}",
        f"judged wrong: {judged}: refuted {refuted} ({100 * refuted / max(judged, 1):.1f}%), "
        + ", ".join(f"{k} {v}" for k, v in sorted(out["outcomes"].items()) if k != "refuted"),
        f"WRONG FORMULAS REPORTED AS HOLDING: {len(out['unsound'])}",
        "",
        f"{'operator':24} " + " ".join(f"{s:>14}" for s in ("refuted", "holds", "unreadable", "uninterpretable", "undecided")),
    ]
    for name, c in out["by_operator"].items():
        lines.append(f"{name:24} " + " ".join(f"{c[s]:14}" for s in ("refuted", "holds", "unreadable", "uninterpretable", "undecided")))
    lines += [f"UNSOUND? {u}" for u in out["unsound"]]
    lines += [f"equivalent: {e}" for e in out["equivalent"]]
    lines += [f"not refuted: {n}" for n in out["not_refuted"]]
    lines.append(f"\n{out['seconds']:.1f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    result = run()
    print(report(result))
    sys.exit(1 if result["unsound"] else 0)
