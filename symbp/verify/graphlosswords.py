r"""A quantity the prose ties to the loss that no formula the model reads takes to it: no derivative of 0 holds.

``graphunlinked`` leaves ∂L/∂u unjudged when *no* entry of u reaches the loss L in the model. When some entry does
(u_1 in ``s = u_1 z_1``), a derivative by another entry u_2 is read as the model's own 0. That zero is the model's,
not the notes', when the words tie u_2 to the loss: "The loss is $L = L(s, z_2)$, and $u_2$ scales the target of the
second output" (review rv48 A5: ∂L/∂u_2 = 0 held). So a quantity (or entry) named in math in a sentence that speaks of
the loss, the cost, a target, a penalty or a regulariser (English, Czech, Polish, Russian), or that names the loss
itself in math, and that the model does not connect to the loss, makes a claim with a derivative or a gradient of the
loss by it uninterpretable, naming the sentence. A sentence that says nothing of the loss leaves the model's zero
alone: "The loss is $L = L(s, z_2)$." with u_2 named nowhere else keeps ∂L/∂u_2 = 0 holding (L is a function of s
and z_2 only, and neither is computed from u_2). A step of the wrong sign stays refuted (ascent is ascent whatever the
gradient is).

>>> from symbp.verify.graphbuild import build
>>> from symbp.verify.graphread import read_graph as r
>>> m = build([(1, r("u = (u_1, u_2)")), (2, r("s = u_1 z")), (3, r("L = L(s)"))], [], [])
>>> m.loss = "L"
>>> text = "Let $z$ be given. The loss is $L = L(s)$, and $u_2$ scales its target."
>>> [str(n) for n in worded_unlinked(text, m)]
['u_{2}']
>>> worded_unlinked("The loss is $L = L(s)$. We keep $u_2$ for later.", m)
{}
"""

from __future__ import annotations

import re

from .graphcheck import GraphOutcome
from .graphopaque import NOTE as OPAQUE_NOTE
from .graphevaluate import Evaluator, Misfit
from .graphmodel import GraphUninterpretable, Model, to_latex
from .graphnodes import Deriv, Nabla, Sym, walk
from .graphread import read_graph
from .graphupdate import is_update
from .lexer import ReadError
from .sentences import FORMULA, line_of, sentences

#: Words that speak of the loss or of a term in it (English, Czech, Polish, Russian).
_LOSS_WORDS = re.compile(
    r"\b(?:loss\w*|cost\w*|objective\w*|targets?|penalt\w*|penali[sz]\w*|regulari[sz]\w*|"
    r"ztrát\w*|chyb\w*|cíl\w*|penaliz\w*|regularizac\w*|"
    r"strat\w*|koszt\w*|cel\w*|kar\w*|regularyzac\w*|"
    r"потер\w*|цел\w*|штраф\w*|регуляризац\w*|стоимост\w*)", re.IGNORECASE)


def _nodes(sym: Sym, model: Model) -> list:
    # the node or the entries a name of the notes stands for in the model; [] when the model has no such name
    try:
        t = Evaluator(model, "denominator").targets(sym)
    except (GraphUninterpretable, Misfit, KeyError, IndexError, ValueError, TypeError):
        return []
    return list(t) if hasattr(t, "shape") else [t]


def _syms(math: str) -> list:
    body = math.strip().strip("$").strip()
    for expression in (True, False):
        try:
            return [n for n in walk(read_graph(body, expression=expression)) if isinstance(n, Sym)]
        except ReadError:  # a formula the graph reader does not read names nothing here
            continue
    return []


def _loss_node(model: Model):
    return model.nodes.get((model.loss, ())) if model.loss else None


def worded_unlinked(text: str, model: Model, undefined: list = ()) -> dict:
    """node -> (line, sentence) of the entries a sentence about the loss names in math, none of which the model
    connects to the loss (see the module docstring). None when the loss reaches a node of ``undefined`` (never
    defined, or defined in a way not read): the generic twins of ``graphundefined`` then connect every node to it,
    and their verdict stands."""
    loss = _loss_node(model)
    if loss is None or any(model.depends(loss, u) for u in undefined):
        return {}
    out: dict = {}
    for start, end in sentences(text):
        sentence = text[start:end]
        inline = [m.group(0) for m in FORMULA.finditer(sentence) if not m.group(0).startswith(("$$", "\\[", "\\begin"))]
        if not inline:
            continue
        syms = [s for m in inline for s in _syms(m)]
        worded = _LOSS_WORDS.search(FORMULA.sub(" ", sentence)) or any(s.base == model.loss and not s.sub for s in syms)
        if not worded:
            continue
        shown = " ".join(FORMULA.sub(lambda m: m.group(0), sentence).split())
        shown = shown if len(shown) <= 90 else shown[:87] + "…"
        line = line_of(text, start + len(sentence) - len(sentence.lstrip()))
        for s in syms:
            if s.base == model.loss:
                continue
            for node in _nodes(s, model):
                if node != loss and not model.depends(loss, node):
                    out.setdefault(node, (line, shown))
    return out


def _by_worded(eq, model: Model, worded: dict) -> list:
    # the worded nodes a derivative or a gradient of the loss in ``eq`` is taken by
    hit = []
    for n in walk(eq):
        if isinstance(n, Deriv) and isinstance(n.num, Sym) and n.num.base == model.loss and not n.num.sub:
            by = n.den
        elif isinstance(n, Nabla) and (n.of is None or (isinstance(n.of, Sym) and n.of.base == model.loss)):
            by = n.wrt
        else:
            continue
        if isinstance(by, Sym):
            hit += [node for node in _nodes(by, model) if node in worded and node not in hit]
    return hit


def worded_claims(results: dict, model: Model | None, text: str, is_claim, undefined: list = ()) -> None:
    """A claim with a derivative of the loss by a quantity the words tie to it and the model does not is
    uninterpretable, naming the sentence (``results``: id(formula) -> (piece, outcomes), as ``graphnotes`` keeps
    them); ``undefined``: the nodes the notes never define or define in a way not read."""
    if model is None:
        return
    worded = worded_unlinked(text, model, undefined)
    if not worded:
        return
    for p, outcomes in results.values():
        claims = [e for e in p.eqs if is_claim(e)]
        for k, eq in enumerate(claims[:len(outcomes)]):
            hit = _by_worded(eq, model, worded)
            o = outcomes[k]
            if not hit or o.status == "uninterpretable":
                continue
            if o.status == "refuted" and is_update(eq) and o.reason.startswith(("the sign", "adds ")):
                continue  # u ← u + η ∇_u L: ascent, whatever the gradient is
            if o.status == "holds" and is_update(eq) and OPAQUE_NOTE in o.reason:
                continue  # u ← u - η ∇_u L judged by its form, the gradient opaque: no zero of the model's (graphopaque)
            line, shown = worded[hit[0]]
            name = str(hit[0])
            outcomes[k] = GraphOutcome(
                "uninterpretable", f"{to_latex(eq)}: line {line} ties {name} to the loss in words (“{shown}”), but no "
                f"formula the notes' model reads takes {name} to {model.loss}, so a derivative of {model.loss} by "
                f"{name} is not judged")


__all__ = ["worded_claims", "worded_unlinked"]
