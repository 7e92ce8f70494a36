r"""One formula in the row-vector profile's own layer, when no notes define the quantities.

``symbp verify --notation rowvector '<formula>'`` without notes: a formula the
layered reading cannot read (no layer superscripts) is read in the profile's
own single layer, g = x W + b, a = h(g), L = L(a): x a row vector, W of shape
inputs × outputs, b a row, h and L generic. The sizes are a family (2 × 3 and
3 × 2, never square): a claim holds only if it holds on both.

>>> check_single(r"\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}")[0]
'holds'
"""

from __future__ import annotations

import re

from .graphbuild import build
from .graphcheck import check_graph
from .graphmodel import GraphError, GraphUninterpretable
from .graphread import read_graph
from .graphupdate import is_update
from .graphupdatelayout import check_update
from .lexer import ReadError

#: The profile's own layer, and the words that say so.
LAYER = ("g = x W + b", "a = h(g)", "L = L(a)")
WORDS = "the row-vector profile's own layer: g = x W + b, a = h(g), L = L(a) (x and b rows, W inputs × outputs, " \
        "h and L any differentiable functions)"
FAMILY = ((2, 3), (3, 2))


def has_layers(text: str) -> bool:
    """Whether a formula writes layer superscripts (w^l, \\delta^{l+1}, a^{(L)}): the layered reading's, not ours."""
    text = re.sub(r"\\(sum|prod)\s*_\s*(\{[^{}]*\}|\S)\s*\^\s*(\{[^{}]*\}|\S)", "", text)  # Σ_{j=1}^{k}: a bound
    return bool(re.search(r"\^\s*\{?\s*\(?[a-zA-Z][+-]?\d?\)?\s*\}?", re.sub(r"\^\s*\{?\s*(T|\\top)\s*\}?", "", text)))


def check_single(formula: str, budget: float = 30.0) -> tuple:
    """(status, reason, outcome) of ``formula`` in the profile's own layer, on the family of sizes."""
    try:
        eq = read_graph(formula)
    except ReadError as exc:
        return "unreadable", str(exc), None
    outcomes = []
    for n, m in FAMILY:
        defs = [(1, read_graph(text)) for text in LAYER]
        hints = [(1, "x", "row", (n,)), (1, "W", "", (n, m)), (1, "b", "row", (m,))]
        try:
            model = build(defs, [eq], hints, {"L": []})
            out = check_update(eq, model, budget=budget / 2) if is_update(eq) else check_graph(eq, model, budget / 2)
        except (GraphUninterpretable, GraphError) as exc:
            words = str(exc).replace("the notes never define", "the profile's own layer has no")
            return "uninterpretable", f"{words} (read in {WORDS})", None
        outcomes.append((f"{n}×{m}", out))
    bad = next(((size, o) for size, o in outcomes if o.status != "holds"), None)
    if bad is None:
        size, first = outcomes[0]
        return "holds", f"{first.reason}, with W of 2×3 and 3×2 (read in {WORDS})", first
    size, o = bad
    return o.status, f"with W of {size}: {o.reason} (read in {WORDS})", o
