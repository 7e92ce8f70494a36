r"""A cost given by a bare formula in a sentence's supposing clause: "If the cost were $\frac12\|a^L - y\|^2$, then
$\delta^L = a^L - y$", "With the loss $…$ instead, …", "Were we to use the loss $…$", "Kdyby ztráta byla $…$",
"Если бы функция потерь была $…$", "Gdyby koszt był $…$" (review rv40 A7).

``inforce`` reads a hypothetical cost defined by an equation (``C = …``) or named in words; a cost written as a bare
formula after a cost word ("the cost were $…$", "the loss $…$", "the $L_2$ loss $…$") was not read, and the claims
of the sentence were judged under the notes' own cost (δ^L = a^L − y held [ce-sigmoid] under a supposed quadratic
cost, where it is false). The claims stated after such a formula in its sentence are

* under a supposition when the sentence is hypothetical (``sentences.HYPOTHETICAL`` or ``inforce``'s
  counterfactual words: if, were, instead, kdyby, бы, gdyby, …): uninterpretable, never judged;
* under a cost the sentence names ("With the $L_2$ loss $…$, …") otherwise: uninterpretable too unless the notes
  define that very cost by a formula (the same cost symbp reads, ``model.definition``).

>>> text = "If the cost were $\\frac12\\|a^L - y\\|^2$, then $\\delta^L = a^L - y$."
>>> [(text[s:e], hyp) for s, e, hyp, _ in supposed_costs(text)]
[('$\\delta^L = a^L - y$', True)]
>>> supposed_costs("If the cost $C$ is small, then $x = 1$.")
[]
>>> text = "Had we used $\\sum_j |a^L_j - y_j|$ as the cost, then $\\delta^L = a^L - y$."
>>> [(text[s:e], hyp) for s, e, hyp, _ in supposed_costs(text)]
[('$\\delta^L = a^L - y$', True)]
"""

from __future__ import annotations

import re

from .graphexamples import _locate
from .inforce import _COUNTERFACTUAL
from .model import definition
from .sentences import FORMULA, HYPOTHETICAL, line_of, masked, prose, sentences

_COST = (r"\b(?:cost|loss|objective|error\s+function|cen[aouy]|ztrát\w*|nákladov\w*|chybov\w*|стоимост\w*|потер\w*"
         r"|koszt\w*|strat\w*)")
#: A cost word and up to six words (or formulas: "the $L_2$ loss") before the formula it introduces ("if the cost
#: function that we minimise were $…$": review costsum 2, it was three).
_COST_WORD = re.compile(_COST + r"(?:\s+(?:\w+|~+)){0,6}?\s+$", re.I)
#: The formula before its cost word: "Had we used $…$ as the cost", "Take $…$ to be our loss", "$…$ jako ztrátu",
#: "$…$ в качестве функции потерь", "$…$ jako koszt" (review costsum 2: such a cost was not read).
_AS_COST = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:as|be|for|jako|в\s+качестве|za)\s+(?:(?:the|our|a|an|its|new|naši|nasz\w*)\s+)?"
                      r"(?:\w+\s+)?" + _COST, re.I)
#: What makes a formula a cost's expression rather than a name: a norm, a square, a sum, a logarithm, a difference.
_EXPRESSION = re.compile(r"\\\||\\lVert|\^\s*\{?\s*2|\\sum|\\log|\\ln|\\frac|-")


def _inner(formula: str) -> str:
    return formula.strip().strip("$").removeprefix("\\(").removesuffix("\\)")


def supposed_costs(text: str) -> list:
    """[(start, end, hypothetical, (line, words))] for each claim of ``text`` stated after a cost given by a bare
    formula in its sentence; ``hypothetical``: the sentence supposes it (if, were, instead, kdyby, бы, gdyby, …)."""
    out: list = []
    for a, b in sentences(text):
        sentence = text[a:b]
        words = masked(sentence)
        formulas = list(FORMULA.finditer(sentence))
        cost = next((m for m in formulas if not m.group(0).startswith(("$$", "\\[", "\\begin"))
                     and "=" not in m.group(0) and _EXPRESSION.search(_inner(m.group(0)))
                     and (_COST_WORD.search(words[:m.start()]) or _AS_COST.match(words[m.end():]))), None)
        if cost is None:
            continue
        hypothetical = bool(HYPOTHETICAL.search(words) or _COUNTERFACTUAL.search(words))
        said_to = _AS_COST.match(words[cost.end():])
        said = " ".join(prose(sentence[:cost.end() + (said_to.end() if said_to else 0)]).split())
        what = (line_of(text, a), said[:80] + ("…" if len(said) > 80 else ""), _inner(cost.group(0)))
        said_to = _AS_COST.match(words[cost.end():])  # "$…$ as the cost": its claims come after the cost word
        after = cost.end() + (said_to.end() if said_to else 0)
        out += [(a + m.start(), a + m.end(), hypothetical, what) for m in formulas
                if m.start() >= after and "=" in m.group(0)]
    return out


def under(text: str, items: list, taken: dict, notation, outputs) -> "tuple[dict, list]":
    """(id(formula) -> the supposed cost it is stated under, in ``inforce``'s words; the header's lines) for the
    formulas ``items`` of ``text`` (those already under a hypothetical, ``taken``, keep theirs); ``outputs(line)``:
    the number of output neurons the notes fix there, or None."""
    found = supposed_costs(text)
    marks, header = {}, {}
    if not found:
        return marks, []
    letter = notation.names["cost"]
    own = {(d.what, d.value) for f in items if f.kind in ("claim", "definition") and not f.negated
           and id(f) not in taken and (d := definition(f.text, notation, f.line, outputs(f.line))) is not None
           and d.what == "cost"}

    def same_cost(cost: str, line: int) -> bool:  # the very cost the notes define by a formula (quadratic, …)
        d = definition(f"{letter} = {cost}", notation, line, outputs(line))
        return d is not None and d.what == "cost" and own == {(d.what, d.value)}

    for f in items:
        if f.cell is not None or id(f) in taken or f.negated or f.kind != "claim":
            continue
        at = _locate(text, f.line, f.source or f.text)
        hit = next(((hyp, what) for s, e, hyp, what in found if at is not None and s <= at[0] < e), None)
        if hit is None:
            continue
        hyp, (line, said, cost) = hit
        quoted = f"\u201c{said}\u201d"
        if hyp:
            marks[id(f)] = (f"the supposition of line {line} ({quoted}), a cost given by a formula that is not the "
                            "notes' own")
            header[line] = (f"line {line}: a supposition ({quoted}): another cost, not the notes' model; the claims "
                            "stated under it are not judged")
        elif not same_cost(cost, line):
            marks[id(f)] = (f"the cost the sentence of line {line} names by a formula ({quoted}), which is not a cost "
                            "the notes define")
            header[line] = (f"line {line}: a cost named by a formula ({quoted}), not the notes' own: the claims "
                            "stated with it are not judged")
    return marks, list(header.values())


__all__ = ["supposed_costs", "under"]
