r"""The cost rescaled in words: "Let us drop the ½ from the cost", "we double the cost" (issue 12 A11/B8).

Notes change their cost by a factor in a sentence and never write the new cost down: "Let us drop the ½ from the
cost", "From now on we double the cost", "We multiply the loss by 2"; vynecháme ½, zdvojnásobíme cenu; без множителя
½, удвоим стоимость; pomijamy ½, podwajamy koszt. From there on ∂C/∂a^L is 2(a^L − y) where it was a^L − y, and
BP1 with (a^L − y) is false; judged under the cost the notes wrote before, it held. No reader rescales the cost, so
``said_scaled`` finds such sentences and the caller leaves every claim about C or δ from there on unjudged, quoting the
words (``unknowns.Unknown`` of a cost, not before its line).

Only an explicit scaling counts: the ½ dropped, omitted or left out (or "without the ½"), the cost doubled, halved,
tripled, multiplied or divided by a number. "With the $L_2$ loss", "the total cost is the mean of the per-sample
costs", "the cost changes" say no factor (review: a broad reading of such phrases unjudged sound notes). Not a
sentence that writes the new cost itself ("We use $C = \sum_j (a^L_j - y_j)^2$ without the ½": the model reads that
formula) or names it ("We use the squared error, without the factor ½": ``prosecost`` reads that cost), nor one
that only supposes the change ("if we dropped the ½, … would …"), nor one that denies it ("we do
not drop the ½").

>>> [(s.line, s.words) for s in said_scaled("Intro.\n\nLet us drop the ½ from the cost.\n")]
[(3, 'drop the ½')]
>>> [(s.line, s.words) for s in said_scaled("From now on we double the cost.") + said_scaled("Vynecháme $\\frac12$.\n")
...  + said_scaled("Далее без множителя ½.")]
[(1, 'double the cost'), (1, 'Vynecháme ½'), (1, 'без множителя ½')]
>>> said_scaled("With the $L_2$ loss.") + said_scaled("If we dropped the ½, the 2 would stay.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import FORMULA, line_of, masked, sentences
from .otherwords import COST_NOUN
from .prosecost import mentions

#: ½ as a formula alone: $\frac12$, $\tfrac{1}{2}$, $1/2$, $0.5$.
_HALF_FORMULA = re.compile(r"^\$+\s*(?:\\[dt]?frac\s*\{?\s*1\s*\}?\s*\{?\s*2\s*\}?|1\s*/\s*2|0\.5)\s*\$+$")
#: ½ in words once the formulas are masked.
_HALF = r"(?:½|1/2|one[-\s]half|polovin\w*|половин\w*|połow\w*)"
#: Words before ½ that name it: "the factor", "the constant", "faktor", "множитель", "czynnik".
_FACTOR = r"(?:(?:the|a|this|that|its|our)\s+)?(?:(?:factor|prefactor|constant|coefficient)\s+(?:of\s+)?)?" \
          r"(?:faktor\w*\s+|koeficient\w*\s+|konstant\w*\s+|множител\w*\s+|коэффициент\w*\s+|czynnik\w*\s+" \
          r"|współczynnik\w*\s+)?"
#: The ½ left out, or the cost multiplied by a number (en, cs, ru, pl).
_SCALED = re.compile(
    r"\b(?:drop|dropp(?:ed|ing)|drops|omit|omitt(?:ed|ing)|omits|remov\w*|leav\w*\s+out|discard\w*|without"
    r"|vynech\w*|vypust\w*|odstran\w*|bez|опуст\w*|опуска\w*|отброс\w*|убер\w*|убира\w*|без|pomij\w*|pomiń\w*"
    r"|pomin\w*|usu[nńw]\w*|bez)\s+" + _FACTOR + _HALF + r"(?![\w/])"
    r"|\b(?:doubl\w*|halv\w*|tripl\w*|quadrupl\w*|zdvoj\w*|zpolovič\w*|ztrojnásob\w*|удво\w*|утро\w*|уполовин\w*"
    r"|podwaj\w*|podwoj\w*|potraj\w*|potroj\w*)\s+(?:(?:the|our|this|its)\s+)?" + COST_NOUN
    + r"|\b" + COST_NOUN + r"\s+(?:is\s+|was\s+|gets\s+)?(?:doubled|halved|tripled)\b"
    r"|\b(?:multipl\w*|divid\w*|scal\w*|rescal\w*|vynásob\w*|vyděl\w*|násob\w*|умнож\w*|раздел\w*|pomnoż\w*|mnoż\w*"
    r"|podziel\w*|dziel\w*)\s+(?:(?:the|our|this|its)\s+)?" + COST_NOUN
    + r"\s+(?:by|на|przez)\s+(?:a\s+factor\s+(?:of\s+)?)?(?:\d|~|two|three|four|half|dvěma|два|dwa)", re.IGNORECASE)
#: Words that only suppose the change ("would", "were we", "if … were"; kdyby, бы, gdyby): nothing changes after.
_SUPPOSED = re.compile(r"\bwould\b|\b(?:had|were)\s+(?:we|one|I|you)\b|\bwere\s+to\b|\bif\b[^.]*\b(?:were|dropped"
                       r"|doubled|halved)\b|\bkdyby\w*|\bbychom\b|\bбы\b|\bgdyby\w*|\bbyśmy\b", re.IGNORECASE)
#: A denial just before the words: "we do not drop the ½", "never double the cost", nevynecháme, не, nie.
_DENIED = re.compile(r"\b(?:not|never|no|n[’']t|ne|nikdy|не|никогда|nie|nigdy)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Scaled:
    """Words that rescale the cost: the line they stand on, as written (formulas left out, ½ as ½), and where their
    sentence starts and ends in the notes' text."""

    line: int
    words: str
    start: int
    end: int


def said_scaled(text: str, cost: str = "C") -> "list[Scaled]":
    """The ``Scaled`` words of each sentence of ``text`` that rescales the cost in words (see the module); ``cost`` is the
    notes' cost letter (a sentence that writes the new cost, ``C = …``, is left to the model)."""
    defines = re.compile(r"^\$+\s*" + re.escape(cost) + r"\s*(?:\([^$]*?\))?\s*(?::=|=|\\equiv)")
    out = []
    for a, b in sentences(text):
        sentence = text[a:b]
        formulas = list(FORMULA.finditer(sentence))
        if any(defines.match(m.group(0)) for m in formulas):
            continue
        words = masked(sentence)
        for m in formulas:  # ½ written as a formula is read as ½
            if _HALF_FORMULA.match(m.group(0).strip()):
                words = words[:m.start()] + "½" + "~" * (m.end() - m.start() - 1) + words[m.end():]
        if any(m.cost == "squared-error" for m in mentions(sentence)):
            continue  # "the squared error, without the factor ½": ``prosecost`` reads that cost, ½ left out
        found = _SCALED.search(words)
        if found is None or _SUPPOSED.search(words) or _DENIED.search(words[:found.start()]):
            continue
        said = " ".join(words[found.start():found.end()].replace("~", "").split())
        out.append(Scaled(line_of(text, a + found.start()), said, a, b))
    return out


__all__ = ["Scaled", "said_scaled"]
