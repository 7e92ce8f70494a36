r"""What the notes assume of their targets: "t is one-hot", or ``\sum_k t_k = 1``.

The gradient of a softmax under a cross-entropy, ``L = -\sum_k t_k \log y_k`` with ``y = \operatorname{softmax}(u)``,
is ∂L/∂u_j = y_j Σ_k t_k − t_j. The textbook ``\frac{\partial L}{\partial u} = y - t`` holds only when the targets sum
to one, which notes say in words ("$t$ is a one-hot vector") or in a formula (``\sum_k t_k = 1``). So:

* without such words, ``y - t`` is refuted (a counterexample with Σ t_k ≠ 1);
* from the line that says so on, a claim refuted for every t is checked again under the assumption: with
  Σ t_k = 1 (the last entry of t computed from the others), and, for a one-hot t, at every one-hot t
  (t = e_1, …, e_n, exactly what "one-hot" allows). A claim that holds there is ``conditional``, naming the
  assumption and its line, never "holds"; one that fails there stays refuted, the assumption said;
* the formula ``\sum_k t_k = 1`` is the assumption, not a claim (t is an input: no definition computes it);
  a negated one ("we do not assume $\sum_k t_k = 1$", "t is not one-hot") assumes nothing.

A claim that differentiates by the targets is not judged under the assumption (it ties their entries: whether
the derivative follows the tie is not said).

Words that only imagine the assumption or doubt it make none, as in layered notes (``sentences``, ``inforce``):
a sentence that is a counterfactual hypothetical ("If we had assumed that $t$ is one-hot, …", "Imagine replacing $t$
by a one-hot vector, so that $\sum_k t_k = 1$", "If the targets were one-hot, we would have …") or whose words deny
or doubt ("we cannot", "fails", "It is not the case that", "we drop the assumption", "no longer"; or ``\neq`` in
its math: "In general $\sum_k t_k \neq 1$; the one-hot target $t$ is the exception"). A claim in the scope of such a
hypothetical is stated under it (``imagined``): uninterpretable, never judged as the notes' own.

>>> found = one_hot_words("Here $t$ is a one-hot vector. Then $L$ is the loss.")
>>> [(a.line, a.name, a.kind) for a in found]
[(1, 't', 'one-hot')]
>>> one_hot_words("We do not assume that $t$ is one-hot.")
[]
>>> [a.name for a in one_hot_words("Compare $y$ with the one-hot target $t$; $s$ is assumed to be one-hot.")]
['s', 't']
>>> one_hot_words("If we had assumed that $t$ is one-hot, the gradient would simplify."), one_hot_words(
...     "We would like to assume that $t$ is one-hot, but we cannot.")
([], [])
>>> [a.name for a in one_hot_words("Cíl $t$ je one-hot vektor. Zakładamy, że $u$ jest wektorem one-hot.")]
['t', 'u']
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

import sympy

from .clauses import own_clause, taken_back
from .graphcheck import GraphOutcome
from .graphexamples import _NEGATED, _locate, prose_words, sentence_around
from .graphmodel import Deriv, GraphError, Model, Num, Sym, is_definition, to_latex
from .graphnodes import Sum, walk
from .inforce import hypotheticals
from .sentences import doubts, masked

_NAME = r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\$"
_ONE_HOT = r"one[- ]?hot"
#: "$t$ is a one-hot vector", "$t$ is one-hot encoded"; "the one-hot target $t$", "one-hot targets $t$".
_NAME_FIRST = re.compile(_NAME + r"\s*(?:,|:|—|–|-)?\s*(?:is|are|be|being|je|jsou|jest|są|является)?\s*"
                         r"(?:always\s+|assumed\s+(?:to\s+be\s+)?|vždy\s+|zawsze\s+|всегда\s+)?"
                         r"(?:a\s+|an\s+|the\s+)?(?:(?:vektor\w*|wektor\w*|вектор\w*)\s+)?" + _ONE_HOT, re.I)
_WORD_FIRST = re.compile(r"\b" + _ONE_HOT + r"(?:[- ]encoded)?\s+(?:target|label|vector|vektor|wektor|вектор|cíl|cel)"
                         r"\w*(?:\s+(?:vector|vektor\w*|wektor\w*|вектор\w*))?\s*" + _NAME, re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s|\n\s*\n")

WORDS = ("an assumption of the notes on their targets: the claims are checked for every target, and one that holds "
         "only under it is conditional")


@dataclass(frozen=True)
class TargetAssumption:
    line: int
    name: str  # the targets' letter, t
    kind: str  # "one-hot" or "sum to one"
    shown: str  # the assumption as the notes say it

    def words(self) -> str:
        return f"{self.shown} (assumed on line {self.line})"


#: Words that take an assumption back or loosen it ("we drop the assumption", "we relax it"): it is not made.
_DROPPED = re.compile(r"\b(?:drop\w*|relax\w*|abandon\w*|lift\w*|remov\w*)\b", re.I)
#: An alternative beside the one-hot: "$y$ is one-hot or a vector of counts", "either one-hot or soft" (review rv42 10:
#: the targets may not sum to one, and a^L − y held); cs "nebo", ru "или", pl "lub", "albo".
_OR_ELSE = re.compile(r"\b(?:or|either|nebo|anebo|buď|či|или|либо|lub|albo|bądź)\b", re.I)
#: "≠" in the math of a sentence about the targets: "In general $\sum_k t_k \neq 1$".
_UNEQUAL = re.compile(r"\\(?:neq?|not\s*=)(?![A-Za-z])|≠")


def not_made(sentence: str) -> bool:
    """Do the words of ``sentence`` deny, doubt or take back what it says of the targets?"""
    words = re.sub(r"\$[^$]*\$", " ", sentence)
    return bool(_NEGATED.search(words) or doubts(sentence) or _DROPPED.search(words) or unequal(sentence)
                or _OR_ELSE.search(words))


def unequal(sentence: str) -> bool:
    """"≠" anywhere in the math of ``sentence`` ("In general $\\sum_k t_k \\neq 1$; the one-hot target $t$ is the
    exception"): the sum of the targets itself is denied, whichever clause says so."""
    return bool(_UNEQUAL.search(" ".join(re.findall(r"\$[^$]*\$", sentence))))


#: Words in the one-hot's own clause that put it elsewhere: "only in the exercises", "in the next chapter", "in
#: chapter 3" (cs/pl/ru): the target is one-hot there, not here (review 25 A4); in layered notes (``targetwords``) and graph notes alike.
_ELSEWHERE = re.compile(
    r"\b(?:only|just)\s+(?:in|for|within)\b|\bin\s+(?:the\s+)?(?:exercises?|homework|appendix|problems?|next|following"
    r"|later|last|previous|other|another)\b|\bin\s+(?:chapter|lecture|section|part)\s+\d"
    r"|\b(?:jen|pouze|jedině)\s+(?:ve?|pro)\b|\bve?\s+(?:cvičení\w*|příští\w*|další\w*|následující\w*|jiné\w*"
    r"|kapitole\s+\d|dodatku)|\b(?:tylko|jedynie|wyłącznie)\s+(?:w|we|dla)\b|\bw\s+(?:ćwiczeniach|następn\w*"
    r"|kolejn\w*|innym|rozdziale\s+\d|dodatku)|\b(?:только|лишь)\s+(?:в|во|для)\b"
    r"|\bв\s+(?:упражнени\w*|следующ\w*|друг\w*|приложени\w*|глав\w*\s+\d)"
    # another part named by its number in words or a number of its own ("in the third chapter", "in Chapter three",
    # "(Exercise 2)", "in Task 2", "on the problem sheet", "v úloze 3", "w zadaniu 3", "в задаче 3"; review rv33 O1)
    r"|\b(?:in|on)\s+(?:the\s+)?(?:(?!this\b|these\b|our\b|present\b|current\b)\w+\s+)?(?:chapter|lecture|section|part|tutorial|lab|quiz|task|problem\s+sheet"
    r"|worksheet|assignment|exercise|problem)s?\b(?!\s+(?:of\s+)?(?:these|this|our)\b)"
    r"|\(\s*(?:exercise|problem|task|homework|chapter|section|cvičení|úloha|zadanie|ćwiczenie|упражнение|задача)\b"
    r"|\bve?\s+(?:úloz\w*|kapitol\w*|přednášc\w*|sekc\w*)|\bw\s+(?:zadani\w*|zadaniach|rozdzia\w*|wykład\w*|sekcj\w*)"
    r"|\bв\s+(?:задач\w*|лекци\w*|раздел\w*)|§", re.I)
#: A heading of a part of exercises ("## Exercises", "\\section{Problems}", "Cvičení", "Ćwiczenia", "Упражнения"): a
#: one-hot said under it is the exercise's, not the notes' (review rv33 O1).
_HEADING = re.compile(r"^\s*(?:#+\s*(.*?)\s*$|\\(?:sub)*section\*?\{([^}]*)\})", re.M)
_EXERCISES = re.compile(r"\b(?:exercises?|problems?|homework|tasks?|quiz|cvičení|úlohy|ćwiczenia|zadania|упражнения"
                        r"|задачи)\b", re.I)


def under_exercises(text: str, pos: int) -> bool:
    r"""Is ``pos`` in a part of ``text`` whose latest heading names exercises or problems?

    >>> under_exercises("# Notes\n\n## Exercises\n\n1. Assume $t$ is one-hot.", 40)
    True
    >>> under_exercises("# Exercises\n\n## Gradients\n\nHere $t$ is one-hot.", 40)
    False
    """
    ends, exercises = _headings(text)
    k = bisect.bisect_right(ends, pos)  # the headings that end by pos; the latest one decides
    return bool(k) and exercises[k - 1]


@functools.lru_cache(maxsize=8)
def _headings(text: str) -> "tuple[list[int], list[bool]]":
    """The end of every heading of ``text`` and whether it names exercises, found once per text (review rv43 C3:
    scanning from the start for every sentence made long notes quadratic)."""
    heads = list(_HEADING.finditer(text))
    return ([h.end() for h in heads],
            [_EXERCISES.search(h.group(1) or h.group(2) or "") is not None for h in heads])
#: A clause that says the notes do not use it here or now ("so we do not use that here"; cs/pl/ru).
_NOT_HERE = re.compile(
    r"(?:\bnot\b|n['’]t\b|\bnever\b|\bne(?:použ|potřeb|uvažuj|bud|ní\b)\w*|\bnie\b|\bне\b)[^.;]*?\b(?:here|now|in\s+these\s+notes|zde|tady|teď|nyní"
    r"|tu|tutaj|teraz|здесь|тут|сейчас)\b|\b(?:here|zde|tady|tu|tutaj|здесь|тут)\b[^.;]*?(?:\bnot\b|\bne(?:použ|potřeb|uvažuj|bud|ní\b)\w*|\bnie\b|\bне\b)",
    re.I)


def elsewhere(sentence: str) -> bool:
    """Does ``sentence`` put the one-hot target elsewhere ("$y$ is one-hot only in the exercises", "in the next
    chapter") or say it is not used here ("…, so we do not use that here")?

    >>> elsewhere("The target $y$ is one-hot only in the exercises, so we do not use that here.")
    True
    >>> elsewhere("The target $y$ is one-hot, so we do not need the other terms.")
    False
    """
    plain = masked(sentence)
    hot = re.search(_ONE_HOT, plain, re.I)
    if hot is None:
        return False
    if _ELSEWHERE.search(masked(own_clause(sentence, hot.start(), hot.end()))):
        return True
    return _NOT_HERE.search(plain, hot.end()) is not None


def one_hot_words(text: str, imagined: list | None = None) -> list:
    """The targets the prose calls one-hot; a sentence that denies or doubts it says nothing, one that only imagines
    it (a counterfactual hypothetical) is put in ``imagined`` [(assumption, hypothetical)] instead."""
    out = []
    hyps = hypotheticals(text)
    for m in [*_NAME_FIRST.finditer(text), *_WORD_FIRST.finditer(text)]:
        start = max((s.end() for s in _SENTENCE.finditer(text, 0, m.start())), default=0)
        stop = _SENTENCE.search(text, m.end())
        sentence = text[start:stop.start() if stop else len(text)]
        if elsewhere(sentence) or under_exercises(text, m.start()):
            continue  # one-hot only in the exercises, the next chapter, or not used here: not an assumption here
        if taken_back(sentence, m.start() - start, m.end() - start, not_made) or unequal(sentence):
            continue  # a "not" in a consequence ("…, so we do not need …") is not about the targets (``clauses``)
        line = text.count("\n", 0, m.start()) + 1
        said = TargetAssumption(line, m.group(1), "one-hot", f"{m.group(1)} is one-hot")
        h = next((h for h in hyps if h.covers(m.start())), None)
        if h is not None:
            if imagined is not None:
                imagined.append((said, h))
            continue
        out.append(said)
    return sorted(set(out), key=lambda a: (a.line, a.name))


def sums_to_one(eq) -> str:
    """The letter t of ``\\sum_k t_k = 1`` (or ``1 = \\sum_{k=1}^{n} t_k``), else ""."""
    if len(eq.sides) != 2 or eq.rels != ("=",):
        return ""
    for total, one in (eq.sides, eq.sides[::-1]):
        if (isinstance(one, Num) and one.value == 1 and isinstance(total, Sum) and total.var
                and isinstance(total.body, Sym) and total.body.sub == (total.var,) and not total.body.mark
                and (total.lower is None or (isinstance(total.lower, Num) and total.lower.value == 1))):
            return total.body.base
    return ""


def target_formulas(pieces: list, defs: list, text: str, imagined: list | None = None,
                    doubted: dict | None = None) -> list:
    """[(assumption, piece)]: the formulas ``\\sum_k t_k = 1`` of a vector t no definition computes, not negated and
    not an example; one in a counterfactual hypothetical goes to ``imagined`` [(assumption, hypothetical)], one whose
    sentence doubts it to ``doubted`` (id(formula) -> why it is prose)."""
    computed = {eq.sides[0].base for _, eq, _ in defs if is_definition(eq) and isinstance(eq.sides[0], Sym)}
    hyps = hypotheticals(text)
    out = []
    for p in pieces:
        f = p.formula
        if p.error or len(p.eqs) != 1 or f.negated:
            continue
        name = sums_to_one(p.eqs[0])
        if not name or name in computed:
            continue
        if f.cell is None and prose_words(text, f.line, f.source or f.text, let=False) == "example":
            continue
        said = TargetAssumption(f.line, name, "sum to one", to_latex(p.eqs[0]))
        at = _locate(text, f.line, f.source or f.text) if f.cell is None else None
        if at is not None:
            h = next((h for h in hyps if h.covers(at[0])), None)
            if h is not None:
                if imagined is not None:
                    imagined.append((said, h))
                if doubted is not None:
                    doubted[id(f)] = (f"said under a hypothetical (\u201c{h.words}\u201d): not an assumption of the "
                                      "notes on their targets, and not a claim")
                continue
            around = sentence_around(text, f.line, f.source or f.text)
            at_f = len(around[0]) + 1 if around is not None else 0
            if around is not None and taken_back(around[0] + " $f$ " + around[1], at_f, at_f + 3, not_made):
                if doubted is not None:
                    doubted[id(f)] = ("the words around it deny or doubt it: not an assumption of the notes on their "
                                      "targets, and not a claim")
                continue
        out.append((said, p))
    return out


def imagined_claims(results: dict, imagined: list, text: str) -> None:
    """Each claim of ``results`` (id -> (piece, outcomes)) in the scope of a hypothetical that imagines an assumption
    on the targets (``imagined``), after it: uninterpretable, stated under the hypothetical."""
    for key, (p, outcomes) in list(results.items()):
        f = p.formula
        at = _locate(text, f.line, f.source or f.text) if f.cell is None else None
        if at is None:
            continue
        h = next(((a, h) for a, h in imagined if h.covers(at[0]) and a.line <= f.line), None)
        if h is None:
            continue
        a, hyp = h
        why = (f"stated under the hypothetical {a.shown} of line {a.line} (\u201c{hyp.words}\u201d): the notes do not "
               "claim it of their own targets, and it is not judged under their model")
        results[key] = (p, [GraphOutcome("uninterpretable", why) for _ in outcomes])


def impose(model: Model, name: str, one_hot: int | None = None) -> int:
    """Put the assumption into ``model``: the last entry of ``name`` computed as 1 minus the others (Σ = 1), or, with
    ``one_hot`` = c, every entry fixed (t_c = 1, the others 0; c past the size is the last entry). Returns the
    size; 0 when ``name`` is no vector of inputs here (nothing is imposed)."""
    q = model.quantities.get(model.canonical(name))
    if q is None or q.rank != 1 or not q.dims or not q.dims[0]:
        return 0
    n = q.dims[0]
    nodes = [model.node(q.name, (k,)) for k in range(1, n + 1)]
    if any(s in model.defs for s in nodes):
        return 0
    if one_hot is None:
        model.define(nodes[-1], 1 - sympy.Add(*nodes[:-1]), 0, f"sum of {name} is 1")
    else:
        for k, s in enumerate(nodes, start=1):
            model.define(s, sympy.Integer(int(k == min(one_hot, n))), 0, f"{name} is one-hot")
    return n


def apply_targets(results: dict, assumptions: list, checker_with, budget: float, layout, is_claim) -> None:
    """Each claim of ``results`` (id -> (piece, outcomes), one outcome per equation ``is_claim`` takes) refuted for
    every target, at or after the line of an assumption of ``assumptions``, checked again under it;
    ``checker_with(impose_on)`` gives the check of a claim on the notes' models with ``impose_on(model)`` applied to
    each (or None when they cannot be built)."""
    made: dict = {}
    for p, outcomes in results.values():
        latest = {a.name: a for a in assumptions if a.line <= p.formula.line}  # per vector, the latest said before
        if not latest:
            continue
        for k, eq in enumerate(e for e in p.eqs if is_claim(e)):
            if outcomes[k].status != "refuted" or outcomes[k].counterexample is None:
                continue  # holds, not judged, or shapes that do not fit: values of t change none of them
            general = outcomes[k]
            for a in latest.values():  # the first assumption the claim holds under, else the last one's verdict
                outcomes[k] = _under(eq, replace(general), a, made, checker_with, budget,
                                     layout(p.formula.line) if callable(layout) else layout)
                if outcomes[k].status == "conditional":
                    break


def _under(eq, general: GraphOutcome, a: TargetAssumption, made: dict, checker_with, budget: float,
           layout) -> GraphOutcome:
    said = a.words()
    if any(isinstance(n, Deriv) and isinstance(n.den, Sym) and n.den.base == a.name for n in walk(eq)):
        return GraphOutcome("uninterpretable", f"{general.reason}; the notes assume {said}, which ties the entries "
                            f"of {a.name}: whether the derivative by {a.name} follows the tie is not said")
    checks = _checks(a, made, checker_with)
    if not checks:  # t computed by the notes, or no vector: the assumption is not theirs on inputs; the verdict stays
        general.reason += f" (the notes assume {said}, but {a.name} is not a vector of inputs of their model: not used)"
        return general
    outs = [(what, check(eq, budget / (2 * len(checks)), layout)) for what, check in checks]
    sum_one = outs[0][1]
    if sum_one.status == "holds" or (len(outs) > 1 and all(o.status == "holds" for _, o in outs[1:])):
        where = outs[0][0] if sum_one.status == "holds" else "at every one-hot " + a.name
        return GraphOutcome("conditional", f"it holds under the notes' assumption {said}, checked {where}; not for "
                            f"every {a.name}: without it, {general.reason}", sum_one.layout, sum_one.verdicts,
                            general.counterexample, sum_one.instances, condition=said)
    pool = outs[1:] if a.kind == "one-hot" else outs
    worst = next((o for o in pool if o[1].status == "refuted"), None) or next(
        (o for o in pool if o[1].status != "holds"), pool[0])
    what, r = worst
    r.reason += f" (under the notes' assumption {said}, checked {what})"
    return r


def _checks(a: TargetAssumption, made: dict, checker_with) -> list:
    """[(words, check)]: Σ = 1, then (one-hot) each one-hot target; [] when the assumption does not fit the model."""
    if a in made:
        return made[a]
    sizes: list = []

    def on(model, c=None):
        n = impose(model, a.name, c)
        if not n:
            raise GraphError(f"{a.name} is not a vector of inputs of the notes")
        sizes.append(n)

    out = []
    try:
        check = checker_with(lambda m: on(m))
        if check is not None:
            out.append((f"with the entries of {a.name} summing to 1", check))
            if a.kind == "one-hot":
                for c in range(1, max(sizes) + 1):
                    check = checker_with(lambda m, c=c: on(m, c))
                    if check is None:
                        out = []
                        break
                    out.append((f"at {a.name} = e_{c}, entry {c} one and the others zero", check))
    except GraphError:
        out = []
    made[a] = out
    return out


__all__ = ["TargetAssumption", "WORDS", "apply_targets", "elsewhere", "imagined_claims", "impose", "one_hot_words", "sums_to_one",
           "target_formulas"]
