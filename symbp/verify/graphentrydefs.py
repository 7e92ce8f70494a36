r"""A matrix the notes define by a formula for its entries that is not read: ``G_{ij} = 2\frac{\partial L}{\partial w_{ij}}``.

``graphjacobians`` reads ``G_{ij} = \frac{\partial L}{\partial w_{ij}}`` (and ``J_{ji} = ∂y_j/∂x_i``): the entries
are the derivatives themselves. Any other formula for the entries of a name the notes never define otherwise
(``G_{ij} = 2\frac{\partial L}{\partial w_{ij}}``, ``… + 1``, ``G_{ij} = … for $i \ne j$ and $G_{ii} = 0$``) is a
definition too, but not read: it was judged as a claim about a G of a made-up size and refuted ("the index j runs
over 1..3 on one side and 1..2 on another", review rv44 B2). Its line is uninterpretable, saying so, and a claim
that uses G names that line (not "the notes never define G").

>>> from symbp.verify.graphread import read_graph
>>> entry_defined(read_graph(r"G_{ij} = 2\frac{\partial L}{\partial w_{ij}}"))
'G'
>>> entry_defined(read_graph(r"G_{12} = 2\frac{\partial L}{\partial w_{12}}")) is None
True
"""

from __future__ import annotations

import re

from .graphcheck import GraphOutcome
from .graphmodel import to_latex
from .graphnodes import Equation, Sym
from .sentences import FORMULA, position_of, sentences

#: Words that may stand before a definition of a matrix by its entries in its sentence ("Define $G_{ij} = …$.",
#: "We write the gradient as $G_{ij} = …$"); any other word (for, when, only, if, off-diagonal) may restrict it.
_LEADING = {"define", "defines", "let", "we", "write", "set", "denote", "put", "and", "here", "now", "then", "also",
            "so", "with", "the", "a", "matrix", "gradient", "as", "by", "call", "name", "introduce", "its", "entries",
            "of", "use", "shorthand", "notation", "write",
            # Polish, Czech, Russian (review rv48 D2: "Oznaczmy $G_{ij} = …$."): let, denote, define, set, we write
            "oznaczmy", "niech", "zdefiniujmy", "definiujemy", "przyjmijmy", "połóżmy", "piszemy", "macierz",
            "označme", "označíme", "nechť", "definujme", "definujeme", "položme", "píšeme", "matice",
            "обозначим", "пусть", "определим", "положим", "запишем", "матрица", "и", "i", "a"}


def entry_defined(eq) -> str | None:
    """The name ``eq`` gives entries to by index letters (G of ``G_{ij} = …``, ``G_{ii} = 0``), else None."""
    if not isinstance(eq, Equation) or len(eq.sides) != 2 or eq.rels[0] not in ("=", ":=", "\\coloneqq"):
        return None
    lhs = eq.sides[0]
    if not isinstance(lhs, Sym) or lhs.sample or lhs.mark or not lhs.sub:
        return None
    letters = "".join(lhs.sub)
    return lhs.base if letters.isalpha() and len(letters) == 2 else None


def stands_alone(formula, text: str, name: str = "") -> bool:
    """Whether ``formula`` (``extract.Formula``) is all its sentence says: no other formula in it (but the ``name`` it
    defines), no word after it
    and only the words of ``_LEADING`` before it ("Define $G_{ij} = …$ for $i \\ne j$." restricts it: review rv44
    B2). True when the formula is not found in ``text`` (``text`` empty: a caller with no notes)."""
    src = formula.source or formula.text
    if not text or not src:
        return True
    at = text.find(src, position_of(text, formula.line)) if formula.line <= text.count("\n") + 1 else -1
    if at < 0:
        return True
    span = next(((s, e) for s, e in sentences(text) if s <= at < e), None)
    if span is None:
        return True
    math = [m for m in FORMULA.finditer(text, span[0], span[1]) if not (m.start() <= at < m.end())
            and m.group(0).strip("$ ") != name]  # "Define the matrix $J$ by its entries $J_{ji} = …$."
    after = text[at + len(src):span[1]]
    before = re.sub(r"[,;:]", " ", FORMULA.sub(" ", text[span[0]:at])).replace("$", " ").replace("\\[", " ").lower().split()
    # "$$G_{ij} = …$$\n\nfor $i \\ne j$.": a sentence that goes on in lower case after the formula's
    goes_on = re.match(r"\s*[a-z]", text[span[1]:]) is not None
    return not math and not goes_on and re.fullmatch(r"[\s$.!\\\]]*", after) is not None and all(
        w in _LEADING for w in before)


def unread_entries(results: dict, model, is_claim) -> None:
    """Rewrite ``results`` (id(formula) -> (piece, outcomes), as ``graphnotes`` keeps them) for each name the notes
    define only by a formula for its entries that is not read (see the module docstring)."""
    if model is None:
        return
    lines: dict = {}
    for p, outcomes in sorted(results.values(), key=lambda r: r[0].formula.line):
        for k, eq in enumerate([e for e in p.eqs if is_claim(e)][:len(outcomes)]):
            name = entry_defined(eq)
            if name is None or (model.known and model.canonical(name) in model.known):
                continue
            if outcomes[k].status != "uninterpretable" or f"never define {name}" not in outcomes[k].reason:
                continue  # judged (w̃_{jk} of an update rule), or not for a reason of its own: that stays
            lines.setdefault(name, p.formula.line)
            outcomes[k] = GraphOutcome(
                "uninterpretable", f"{to_latex(eq)}: a definition of {name} by its entries, not read here (only entries "
                f"defined as the derivatives themselves, {name}_{{ij}} = ∂L/∂w_{{ij}} in a sentence of its own and no "
                f"other formula for {name}, are); {name} is left unread and the claims that use it are not judged")
    for p, outcomes in results.values():
        for r in outcomes:
            for name, line in lines.items():
                never = f"the notes never define {name}"
                if r.status == "uninterpretable" and never in r.reason:
                    r.reason = r.reason.replace(never, f"the definition of {name} by its entries on line {line} is "
                                                       "not read")


__all__ = ["entry_defined", "stands_alone", "unread_entries"]
