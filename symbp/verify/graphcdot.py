r"""``\cdot`` between two columns of one size in notes in their own terms: ⊙, read as the layered reader does.

Graph notes read ``\cdot`` (and ``\times``) as the product, like juxtaposition. Between two column vectors of one
size that product has no shape, and such notes mean the elementwise product: ``\frac{\partial L}{\partial g} = (h - y)
\cdot \sigma'(g)``. So, as in ``grouping`` for layered notes, a claim refuted by shapes alone (no counterexample: a
product that does not multiply) that writes ``\cdot`` and no ⊙ is read again, with each ``\cdot`` as ⊙ of the factors
beside it, and with each one as ⊙ at ⊙'s own level or as the product, one by one (``W^T \cdot (h - y) \cdot
\sigma'(g)``: the matrix product, then ⊙). The readings that are well-shaped decide: one verdict when they agree,
*ambiguous* naming each when they disagree (``W^T (h - y) \cdot \sigma'(g)`` reads as W^T((h − y) ⊙ σ'(g)), true, and as
(W^T(h − y)) ⊙ σ'(g), false). A formula that writes ⊙ as well tells the products apart: its ``\cdot`` stays a product.
None of this makes a claim hold that no reading of it makes hold.

>>> [g for g, _ in readings(r"a = b \cdot c \cdot d")][:4]
['odot', 'mixed:01', 'mixed:02', 'mixed:10']
"""

from __future__ import annotations

import re

from .graphcheck import GraphOutcome
from .graphcondition import own_condition
from .graphdeclare import listed_entries
from .graphmodel import to_latex
from .graphread import read_graph
from .lexer import ReadError

_DOT = re.compile(r"\\(?:cdot|times)(?![A-Za-z])")
_ODOT = re.compile(r"\\(?:odot|circ)(?![A-Za-z])|⊙|∘")
#: At most this many \cdot in one formula are read one by one (2^k readings).
MOST = 4


_KINDS = {"0": "the matrix product", "1": "⊙ after the products beside it", "2": "⊙ of the factors beside it"}


def _words(grouping: str) -> str:
    if grouping == "odot":
        return _KINDS["2"]
    mask = grouping[len("mixed:"):]
    if len(set(mask)) == 1:
        return _KINDS[mask[0]]
    return " and ".join(f"{_KINDS[d]} at \\cdot " + ", ".join(str(k + 1) for k, b in enumerate(mask) if b == d)
                        for d in sorted(set(mask), reverse=True))


def readings(text: str) -> list:
    """[(grouping, equation)]: ``text`` with its ``\\cdot`` read as ⊙ (see the module), each a different tree."""
    k = len(_DOT.findall(text))
    if not k or k > MOST:
        return []
    out: list = []
    digits = "012" if k <= 3 else "01"  # each \cdot one of three ways (27 readings at most), or two, and all as "2"
    masks = [""]
    for _ in range(k):
        masks = [m + d for m in masks for d in digits]
    for grouping in ["odot"] + [f"mixed:{m}" for m in masks if set(m) != {"0"} and set(m) != {"2"}]:
        try:
            eq = listed_entries(read_graph(text, cdot=grouping))[0]
        except ReadError:
            continue
        if all(eq != other for _, other in out):
            out.append((grouping, eq))
    return out


def _shape_refuted(o: GraphOutcome) -> bool:
    return o.status == "refuted" and o.counterexample is None and (
        "does not multiply" in o.reason or "fit in neither layout" in o.reason)


def dotted(text: str, outcome: GraphOutcome, check) -> GraphOutcome:
    """The verdict on the claim ``text`` with its ``\\cdot`` read as ⊙ where the product has no shape (see the module);
    ``outcome`` is its verdict as a product, ``check(equation)`` the check of another reading."""
    claim, condition = own_condition(text)
    if not _shape_refuted(outcome) or condition is not None or _ODOT.search(claim) or not _DOT.search(claim):
        return outcome
    shaped = []
    for grouping, eq in readings(claim):
        o = check(eq)
        if not _shape_refuted(o) and o.status not in ("uninterpretable", "unreadable"):
            shaped.append((grouping, eq, o))
    if not shaped:
        return outcome
    statuses = {o.status for _, _, o in shaped}
    if len(statuses) == 1:
        grouping, eq, o = shaped[0]
        o.reason = (f"\\cdot read as {_words(grouping)} ({to_latex(eq)}): as the product it is not well-shaped"
                    + ("" if len(shaped) == 1 else ", and the other readings that are agree") + f"; {o.reason}")
        return o
    parts = "; ".join(f"read as {_words(g)}, {to_latex(eq)}, it "
                      + ("holds" if o.status == "holds" else f"is {o.status} ({o.reason})") for g, eq, o in shaped)
    return GraphOutcome("ambiguous", "ambiguous: \\cdot between two vectors reads as ⊙ in more than one well-shaped "
                        f"way, and the readings disagree: {parts}")


__all__ = ["dotted", "readings"]
