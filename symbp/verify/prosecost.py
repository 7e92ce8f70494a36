r"""Costs the notes name in words: "from now on we use the cross-entropy cost", "křížová entropie".

Notes often change their cost in a sentence and never write the new one as a formula. A claim after
such a sentence is about the cost the words name, not the one symbp would take (the notes' last
definition, else the quadratic): checked under one alone, BP1 of the quadratic cost would hold in a
section about the cross-entropy. ``mentions`` finds the costs (and activations: "the logistic sigmoid")
named in the notes' prose (English, Czech, Russian, Polish) with their lines; ``checked_under_each``
checks a claim under each named since the notes last set theirs, and says ``ambiguous`` when they disagree.

>>> [(m.line, m.cost) for m in mentions("Intro.\n\nNow take the cross-entropy cost with a softmax output.\n")]
[(3, 'softmax-cross-entropy')]
>>> [(m.line, m.cost) for m in mentions("Для случая среднеквадратичной ошибки: $C = 1$")]
[(1, 'quadratic')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Callable

from .grouping import verdict_words
from .verdicts import Verification

#: The cross-entropy in words: English, Czech, Russian, Polish (any case or inflection).
_CROSS_ENTROPY = re.compile(
    r"cross[-\s]*entrop|křížov\w*\s+entropi|entropi\w*\s+křížov|перекр[её]стн\w*\s+энтропи|кросс[-\s]*энтропи"
    r"|entropi\w*\s+krzyżow|krzyżow\w*\s+entropi|log[-\s]*loss|log[-\s]*likelihood|logistic\s+(?:loss|cost)"
    r"|\bBCE\b|\bNLL\b|binary\s+cross|negative\s+log|logistick\w*\s+(?:ztrát|chyb|cen)"
    r"|логистическ\w*\s+(?:потер|функци\w*\s+потерь|ошибк)|logistyczn\w*\s+(?:strat|funkcj\w*\s+straty)", re.I)
#: The log-likelihood in words: of a softmax output it is C = −ln a^L_y, the cross-entropy of a one-hot target.
_LIKELIHOOD = re.compile(r"likelihood|\bNLL\b|věrohodnost|правдоподоби|wiarygodno", re.I)
#: A softmax output in words.
_SOFTMAX = re.compile(r"soft[-\s]?max|софтмакс", re.I)
#: The quadratic cost (mean squared error) in words: squared error, sum of squares, least squares, the L2 or
#: Euclidean loss (review 19, F14).
_QUADRATIC = re.compile(
    r"quadratic\s+(?:cost|loss|error)|squared[-\s]+errors?|mean[-\s]+square\s*(?:d\s+)?error|\b(?:MSE|SSE)\b"
    r"|sum[-\s]+of[-\s]+(?:the\s+)?squar|least[-\s]+squares|(?<![\w\\])(?:L|ℓ)[-_\s]?\{?2\}?[-\s]+(?:loss|cost|error)"
    r"|euclidean\s+(?:loss|cost|error)"
    # rv50 A1: the squared distance or norm, not half of it (that is the quadratic cost, symbp's default)
    r"|(?<!half\s)(?<!half\sthe\s)(?<!half\sof\sthe\s)squared\s+(?:euclidean\s+)?distance\s+between"
    r"|(?<!half\s)(?<!half\sthe\s)(?<!half\sof\sthe\s)squared\s+(?:euclidean\s+)?norm\s+of\s+the\s+(?:error|difference|residual)"
    r"|kvadratick\w*\s+(?:chyb|cen|ztrát|odchyl)|středn\w*\s+kvadratick|součt?\w*\s+čtverc|nejmenších\s+čtverc"
    r"|среднеквадратичн|квадратичн\w*\s+(?:ошибк|стоимост|функци|потер)|наименьших\s+квадратов"
    r"|сумм\w*\s+квадратов|kwadratow\w*\s+(?:funkcj|błęd|koszt|strat)|średniokwadratow"
    r"|najmniejszych\s+kwadratów|sum\w*\s+kwadratów", re.I)
#: Words that deny the cost named after them in their clause ("we never use the quadratic cost", "unlike the
#: quadratic cost", "instead of the cross-entropy"; cs/ru/pl): the notes name it only to say it is not theirs
#: (review 19, F17). "No doubt", "not only", "not surprisingly" deny nothing.
_DENIED_BEFORE = re.compile(
    r"\bnot\b(?!\s+(?:only|just|surprisingly|necessarily))|\bnever\b|\bno\b(?!\s+doubt)|n[’']t\b|\bwithout\b"
    r"|\bunlike\b|\brather\s+than\b|\binstead\s+of\b|\bother\s+than\b|\bnowhere\b|\bneither\b|\bnor\b|\bavoid"
    r"|\bnepouží\w*|\bnikdy\b|\bmísto\b|\bna\s+rozdíl\s+od\b|\bbez\b"
    r"|\bне\b|\bникогда\b|\bвместо\b|\bв\s+отличие\s+от\b|\bбез\b"
    r"|\bnie\b|\bnigdy\b|\bzamiast\b|\bw\s+przeciwieństwie\s+do\b", re.I)
#: "… is not used", "… is never what we use" right after the name.
_DENIED_AFTER = re.compile(r"[\w\s-]{0,20}?\b(?:is|are|was)\s+(?:not|never)\s+(?:used|what\s+we\s+use)\b", re.I)
#: Words that start another clause between a denial and a cost's name ("there is no slowdown since we use the
#: cross-entropy"): the denial is not of the cost.
_CONNECTIVE = re.compile(r"\b(?:since|because|as|so|when|while|which|that|where|if|and|then|protože|když|kter\w*"
                         r"|поскольку|так|когда|котор\w*|если|ponieważ|gdy|któr\w*|więc|jeśli)\b", re.I)
#: Where a clause starts: a punctuation mark, a blank line, "but" (ale, но, lecz).
_CLAUSE = re.compile(r"[.;:!?,()\u2014\u2013]|\n[ \t]*\n|\b(?:but|ale|но|lecz)\b", re.I)
_BEGIN = re.compile(r"\\begin\{(?:equation|align|gather|multline|eqnarray)\*?\}")
_END = re.compile(r"\\end\{(?:equation|align|gather|multline|eqnarray)\*?\}")
#: Activations named in words near a cost ("the cross-entropy with sigmoid output neurons").
#: "leaky ReLU", "hard sigmoid", "hard tanh" are other functions: they name none of these.
_ACTIVATION_WORDS = (("sigmoid", re.compile(r"(?<!hard[\s-])sigmoid|logisti|сигмоид|логистич", re.I)),
                     ("tanh", re.compile(r"(?<!hard[\s-])\btanh\b|hyperbolic\s+tangent|hyperbolick\w*\s+tangens"
                                         r"|гиперболическ\w*\s+тангенс|tangens\w*\s+hiperboliczn", re.I)),
                     ("relu", re.compile(r"(?<!leaky[\s-])\bReLU\b", re.I)))
#: Inline math and one-line displays, taken out before the words are read.
MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]")


@dataclass(frozen=True)
class Mention:
    """A cost named in words: its line, symbp's name for it and the words."""

    line: int
    cost: str  # "" when only an activation is named
    words: str
    activation: str = ""  # the activation named (beside a cost: in the same sentence, "with sigmoid neurons")
    one_hot: bool = False  # the log-likelihood of a softmax output, C = −ln a^L_y: the target is one-hot
    at: int = -1  # where the words start in the notes' text
    half: bool = False  # a squared error whose sentence writes its ½ in a formula ("the squared error $\frac12\|…\|^2$")

    def label(self) -> str:
        """The cost in a verdict's words: the log-likelihood says its one-hot target."""
        if self.one_hot:
            return "softmax log-likelihood cost C = −ln a^L_y (a one-hot target y)"
        return f"{self.cost} cost"

    def where(self) -> str:
        return f"“{self.words}” on line {self.line}"


def mentions(text: str) -> tuple[Mention, ...]:
    """The costs and activations the prose of ``text`` names, in order of their lines (see the module): a name may
    run over a line break ("cross⏎entropy", review 19 F18), not over a blank line; a cost named only to be denied
    ("we never use the quadratic cost", "unlike the quadratic cost") is none (F17)."""
    words = _prose_of(text)
    lines = text.splitlines()
    starts = [0]
    for raw in lines:
        starts.append(starts[-1] + len(raw) + 1)
    out, costed = [], set()
    for pattern, cost in ((_CROSS_ENTROPY, "cross-entropy"), (_QUADRATIC, "quadratic")):
        for m in pattern.finditer(words):
            if _BLANK.search(m.group(0)) or _denied(words, m):
                continue
            n = bisect.bisect_right(starts, m.start())
            last = bisect.bisect_right(starts, m.end() - 1)
            costed.update(range(n, last + 1))
            near = " ".join(lines[max(0, n - 2):last + 1])
            named = [act for act, words_of in _ACTIVATION_WORDS if words_of.search(near)]
            beside = named[0] if len(named) == 1 else ""
            soft = cost == "cross-entropy" and bool(_SOFTMAX.search(near))
            name = "softmax-cross-entropy" if soft else cost
            half = False
            if cost == "quadratic" and _without_half(text, words, m):
                name = "squared-error"  # "the squared error, without the factor ½": ‖a − y‖², not ½‖a − y‖²
            elif cost == "quadratic":
                half = _with_half(text, words, m)
            likelihood = soft and bool(_LIKELIHOOD.search(words, m.start(), m.end() + 16))  # "negative log-likelihood"
            out.append((m.start(), Mention(n, name, _phrase(words, m), beside, one_hot=likelihood, at=m.start(),
                                           half=half)))
    for act, words_of in _ACTIVATION_WORDS:
        seen = set()
        for m in words_of.finditer(words):
            n = bisect.bisect_right(starts, m.start())
            if n not in costed and n not in seen and not _BLANK.search(m.group(0)):
                seen.add(n)
                out.append((m.start(), Mention(n, "", _phrase(words, m), act, at=m.start())))
    out.sort(key=lambda pair: (pair[1].line, pair[0]))
    return tuple(m for _, m in out)


#: Math that is not prose: displays ($$…$$, \[…\], the equation environments) and inline formulas.
_NOT_PROSE = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(equation|align|gather|multline|eqnarray)(\*?)\}.*?\\end\{\1\2\}"
                        r"|\$(?:[^$\n]|\n(?![ \t]*\n))*?\$|\\\(.*?\\\)", re.S)
_BLANK = re.compile(r"\n[ \t]*\n")


def _prose_of(text: str) -> str:
    """``text`` with its math blanked out (line breaks kept: the positions and lines stay)."""
    return _NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


#: Words that leave the ½ out of a squared error: "without the (usual) factor ½", "with no ½ in front", "we drop
#: the ½", "bez faktoru ½", "bez jedné poloviny", "без множителя ½", "bez czynnika ½" (review 25, A1).
_NO_HALF = re.compile(
    r"(?:\bwithout\b|\bno\b|\bdrop\w*|\bomit\w*|\bleav\w*\s+out|\bbez\b|\bбез\b|\bopuszcz\w*|\bvynech\w*)"
    r"[^.;]{0,40}?(?:½|one[-\s]half|a\s+half|\bhalf\b|\\t?frac\s*\{?\s*1\s*\}?\s*\{?\s*2\b|\b1\s*/\s*2\b|polovin\w*"
    r"|половин\w*|połow\w*)", re.I)
#: A ½ written in a formula: \frac12, \frac{1}{2}, \tfrac12, 1/2, ½, 0.5.
_HALF = re.compile(r"\\[td]?frac\s*\{?\s*1\s*\}?\s*\{?\s*2\b|\b1\s*/\s*2\b|½|\b0?\.5\b")
#: A square of a difference in a formula: ‖a − y‖², Σ (a_j − y_j)^2, (y - a)^{2}.
_SQUARE = re.compile(r"-[^$]*?(?:\\\||\||\))\s*(?:_\s*\{?\s*2\s*\}?\s*)?\^\s*\{?\s*2")
#: Where a sentence ends in prose with the math blanked out.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n[ \t]*\n")


def _without_half(text: str, words: str, m: re.Match) -> bool:
    """Does the sentence that names the squared error at ``m`` leave the ½ out, in words ("without the factor ½")
    or in the formula it writes ("the squared error $\\|a^L - y\\|^2$")? ``words`` is ``text`` with its math
    blanked, so a sentence ends at prose punctuation only."""
    sentence = _sentence_of(text, words, m)
    if _NO_HALF.search(sentence):
        return True
    formulas = [f.group(0) for f in MATH.finditer(sentence)]
    return any(_SQUARE.search(f) and not _HALF.search(f) for f in formulas) and not any(_HALF.search(f) for f in formulas)


def _with_half(text: str, words: str, m: re.Match) -> bool:
    """Does the sentence that names the squared error at ``m`` write it with its ½ in a formula?"""
    return any(_HALF.search(f.group(0)) for f in MATH.finditer(_sentence_of(text, words, m)))


def _sentence_of(text: str, words: str, m: re.Match) -> str:
    """The sentence of ``text`` around the match ``m`` in ``words`` (``text`` with its math blanked)."""
    ends = [e.end() for e in _SENTENCE_END.finditer(words, 0, m.start())]
    start = ends[-1] if ends else 0
    after = _SENTENCE_END.search(words, m.end())
    return text[start:after.end() if after else len(text)]


def _denied(words: str, m: re.Match) -> bool:
    """Is the cost named at ``m`` denied in its clause ("we never use the quadratic cost")?"""
    before = words[max(0, m.start() - 200):m.start()]
    cut = list(_CLAUSE.finditer(before))
    clause = before[cut[-1].end():] if cut else before
    denials = list(_DENIED_BEFORE.finditer(clause))
    if denials:  # the denial governs the name: a few words between them, none that starts another clause
        between = clause[denials[-1].end():]
        if len(between.split()) <= 4 and not _CONNECTIVE.search(between):
            return True
    return bool(_DENIED_AFTER.match(words, m.end(), m.end() + 80))


def beside_softmax(found: tuple[Mention, ...], softmax_at: Callable[[int], bool]) -> tuple[Mention, ...]:
    """``found`` with the log-likelihood named where the notes' output is a softmax (``softmax_at(line)``: their
    definition of it is in force there, also from below a heading) read as the softmax log-likelihood of a one-hot
    target, as the words beside a softmax are (review 20, F1: "# Log-likelihood cost" was the binary cross-entropy).

    >>> [(m.cost, m.one_hot) for m in beside_softmax(mentions("# Log-likelihood cost"), lambda line: True)]
    [('softmax-cross-entropy', True)]
    """
    return tuple(replace(m, cost="softmax-cross-entropy", one_hot=True)
                 if m.cost == "cross-entropy" and _LIKELIHOOD.search(m.words) and softmax_at(m.line) else m
                 for m in found)


def _phrase(words: str, m: re.Match) -> str:
    return " ".join((m.group(0) + re.match(r"\w*", words[m.end():]).group(0)).split())  # to the end of its word


def checked_under_each(result: Verification, line: int, settings: dict, model_at: dict, given: dict,
                       found: tuple[Mention, ...], recheck: Callable[[dict], Verification]) -> Verification:
    """``result`` (the claim at ``line`` checked under ``settings``), or ``ambiguous`` when a cost or an
    activation named in words since the notes set theirs (``model_at``: the notes' model there; ``given``: what
    the command line fixed) gives another verdict; ``recheck(settings)`` checks the claim under other settings.

    A refutation under the generic σ is rechecked under an activation named in words (it may hold for that σ
    only); a verdict under the generic σ that holds holds for every σ.
    """
    if result.status not in ("holds", "refuted", "conditional"):
        return result
    alternatives: dict = {}
    if not given.get("cost"):
        for m in _since(found, model_at.get("cost_since", model_at.get("cost_line")), line,
                        lambda m: _named(m, settings, model_at)):
            takes = bool(m.activation) and settings["activation"] == "generic" and not given.get("activation")
            for cost in _meant(m, model_at):
                if cost == settings["cost"] and not (m.one_hot and not settings["one_hot"]):
                    continue  # ½‖a − y‖² of a loose "squared error" is the setting already
                label = (f"the {m.label()}" if cost == m.cost else f"the {cost} cost") + (
                    f" and the {m.activation} activation" if takes else "")
                alternatives[label + f" ({m.where()})"] = {**settings, "cost": cost,
                                                          "activation": m.activation if takes else settings["activation"],
                                                          "one_hot": settings["one_hot"] or m.one_hot}
    if not given.get("activation") and settings["activation"] == "generic" and result.status == "refuted":
        for m in _since(found, model_at.get("activation_since", model_at.get("activation_line")), line, lambda m: not m.cost and m.activation):
            alternatives[f"the {m.activation} activation ({m.where()})"] = {**settings, "activation": m.activation}
    if not alternatives:
        return result
    where = f"defined on line {model_at['cost_line']}" if "cost_line" in model_at else "symbp's default"
    readings = [(f"the {settings['cost']} cost ({where}) and σ {settings['activation']}", result)]
    readings += [(label, recheck(other)) for label, other in alternatives.items()]
    if all(r.status == result.status for _, r in readings):
        return result  # the same verdict under every cost and activation the notes name
    d = {name: getattr(result, name) for name in result.__dataclass_fields__}
    d.update(status="ambiguous", verdict="undecided", identity="", counterexample=None, diagnosis="", corrected="",
             condition="", condition_met=None,
             reason="ambiguous: the notes name a cost or an activation in words, and the verdict depends on it: "
                    + "; ".join(f"under {name} it {verdict_words(r)}" for name, r in readings)
                    + " (define them with a formula, or give --cost / --activation)")
    return Verification(**d)


def named_since(found: tuple[Mention, ...], model_at: dict, line: int, settings: dict, given: dict) -> tuple:
    """The costs and activations named in words that ``checked_under_each`` would check a claim at ``line`` under
    besides ``settings`` (the same choice): part of the setting a claim is read under, so one text before and after
    "from now on, the cross-entropy cost" is two rows, never folded into one (review 18, M7)."""
    costs = () if given.get("cost") else _since(
        found, model_at.get("cost_since", model_at.get("cost_line")), line, lambda m: _named(m, settings, model_at))
    acts = () if given.get("activation") or settings["activation"] != "generic" else _since(
        found, model_at.get("activation_since", model_at.get("activation_line")), line, lambda m: not m.cost and m.activation)
    return tuple(sorted({(m.cost, m.activation, m.one_hot) for m in [*costs, *acts]}))


#: Words that name the quadratic cost with its ½ (Nielsen's "quadratic cost", C = ½‖y − a‖²); "squared error",
#: "MSE", "sum of squares" … do not say whether the ½ is there.
_WITH_HALF = re.compile(r"quadratic\s+cost|kvadratick\w*\s+cen|квадратичн\w*\s+(?:стоимост|функци\w*\s+стоимост)"
                        r"|kwadratow\w*\s+(?:funkcj\w*\s+)?koszt", re.I)


def _meant(m: Mention, model_at: dict) -> tuple:
    """The costs a mention may mean: a squared error named in words that do not fix the ½, where no formula of the
    notes defines the cost, is ½‖a − y‖² or ‖a − y‖² (both are checked; a verdict that depends on it is ambiguous)."""
    if m.cost == "quadratic" and not m.half and "cost_line" not in model_at and not _WITH_HALF.search(m.words):
        return ("quadratic", "squared-error")
    return (m.cost,)


def _named(m: Mention, settings: dict, model_at: dict) -> bool:
    """Does the cost mention ``m`` name a cost besides the one of ``settings``?"""
    return bool(m.cost) and (any(cost != settings["cost"] for cost in _meant(m, model_at))
                             or m.one_hot and not settings["one_hot"])


def _since(found: tuple[Mention, ...], set_on: int | None, line: int, wanted) -> list[Mention]:
    """The mentions ``wanted`` keeps after line ``set_on`` (where the notes set theirs; before the claim only)
    up to ``line``, the last of each cost and activation."""
    since = set_on if set_on is not None and set_on <= line else 0
    last: dict = {}
    for m in found:
        if since < m.line <= line and wanted(m):
            last[(m.cost, m.activation, m.one_hot)] = m
    return list(last.values())
