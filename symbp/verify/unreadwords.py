r"""Words around a judged formula that change what it means and that no reader of symbp reads: not judged.

Many closed word lists read the prose around a formula (suppositions, hypotheticals, denials, questions, layer
restrictions, rates, targets). Sceptical reviews kept finding false holds where the prose holds words none of them
reads: "Had we used $C = \sum_j |a^L_j - y_j|$ as the cost, the output error would be $\delta^L = …$" judged under the
notes' quadratic cost; "$$\delta^L = \nabla_a C$$ The second of these is incorrect." judged as a claim; "… for
$l < L$. The same is true for the output layer." judged for the hidden layers only. Rather than one more reader
per phrase, this is one last guard: a judged formula whose sentence (``sentences.sentence_span``: a display with
the words leading into it) — or the next sentence, when it opens by going back to it — holds words of one of these
*kinds* (``KINDS``) that no reader consumed becomes unjudged (``uninterpretable``), its reason naming the words.

The kinds (English, Czech, Russian, Polish):

* **a change of the model** (``CHANGING``): "With the cost doubled", "Removing the factor ½", "Dropping the
  biases", "without biases"; zdvojená cena, bez biasu; удвоив, без смещения; podwojony koszt;
* **a supposition** (``SUPPOSING``): "had we", "were we to", "if … were", "we'd", "would" (not "would like"),
  "suppose", "assume", "imagine", "instead", "otherwise", "in place of"; kdyby, bychom, "pak by platilo",
  předpokládejme, místo, jinak; если бы, бы, предположим, допустим, вместо, иначе; gdyby, byśmy, "mielibyśmy",
  załóżmy, przypuśćmy, zamiast, inaczej;
* **a reference back that judges** (``BACK``): "the second of these", "the former", "the latter", "the first
  one", "the previous formula is …" (a verdict ahead); in a next sentence that judges, such a reference, "the upper
  formula", "Formula (1)" anywhere ("In fact, the first of these is wrong", "If the cost were doubled, the second of
  these would be right"; review rv44 A10, B7); a next sentence of nothing but verdicts by order is read
  (``ordinals``: "The first of these is right and the second is wrong", after a lead that changes nothing); "both", "this one", "each of them" beside a word that judges ("wrong", "incorrect", "true", "holds");
  the same in cs/ru/pl (druhý z nich, обе, drugi z nich, …);
* **the same said of another case** (``SAME``): "the same is true / holds / applies for …", "likewise for";
  totéž platí, то же самое верно, to samo dotyczy;
* **a naming** (``NAMING``): "we write … for", "let … denote", "denote by", "stands for"; označme, značíme;
  обозначим; oznaczmy: the formula names something, it is no claim.

An "if" alone, "when", "for $l < L$" are no hazard: ``suppositions``, ``inforce`` and ``layerwords`` read them. A
hazard counts as consumed (the row is judged as before) when a reader handled the formula's sentence: the formula is
one the notes call false or state under a hypothetical (``Formula.negated``, ``Formula.under``: it is not judged as a
claim here), it defines the notes' model (``model``), or, for words of the same sentence saying the same of another
layer, ``layerwords`` restricted it. An alternative to a one-hot target ("one-hot or a vector of counts") is read
where the target is said to be one-hot (``ALTERNATIVE``, used by ``targetwords``): no one-hot target is taken.

>>> text = "Had we used $C = |a - y|$ as the cost, the error would be $\\delta^L = a^L - y$."
>>> h = hazard_of(text, 1, "\\delta^L = a^L - y")
>>> h.kind, h.words
('a supposition', 'Had we used … as the cost')
>>> hazard_of("The error is $\\delta^L = a^L - y$.", 1, "\\delta^L = a^L - y") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from .denials import OWN_NEXT
from .graphcondition import SENTENCE_CONDITION
from .graphexamples import _locate
from .negverdict import negated_verdict
from .otherwords import COST_NOUN, other_span
from .ordinals import PLACED, group, verdicts
from .sentences import FORMULA, SENTENCE_END, line_of, masked, sentence_span, with_dollars
from .vocabulary import catch

#: Counterfactual words: what the sentence states holds under something else than the notes' model. "instead of"
#: before a gerund ("instead of summing over $j$ we write …") is a way of writing, not another model.
SUPPOSING = re.compile(
    r"(?<!\bnobody\s)(?<!\bno\sone\s)\bwould\b(?!\s+(?:like|rather|love|prefer)\b)|\b(?:had|were)\s+(?:we|I|one|you)\b|\bwere\s+to\b"
    r"|\bimagin(?:e|ing)\b|\binstead\b(?!\s+of\s+\w+ing\b)|\botherwise\b|\bin\s+place\s+of\b"
    # "If the target $y$ were a probability vector, then …" (review rv42d 7), "we'd get"
    r"|\bif\b[^.;!?]*?\bwere\b|\b(?:we|you|one|it|this|that)[’']d\b"
    r"|\b(?:kdyby\w*|bychom|byste|místo|jinak(?!\s+řečeno))\b"  # "jinak řečeno": in other words
    # the Czech conditional "by" beside a Czech word ("pak by platilo", "bylo by"), never the English "by"
    r"|\b(?:pak|tak|to|což|tedy|potom|už|již|nám|se|si)\s+by\b|\b(?:byl|platil|měl|vyšl|šl|dostal|musel|mohl|znamenal"
    r"|vypadal|stačil|dal|rovnal|změnil|zůstal)[aoiy]?\s+by\b|\bby\s+(?:(?:se|si|nám|to|tedy|pak)\s+)?(?:byl|platil|měl"
    r"|vyšl|šl|dostal|musel|mohl|znamenal|vypadal|stačil|dal|rovnal|změnil|zůstal)[aoiy]?\b"
    r"|\b(?:бы|вместо|иначе(?!\s+говоря))\b"
    # the Polish conditional: "mielibyśmy", "byłoby", "wynosiłby" (review rv42d 2)
    r"|\b(?:gdyby\w*|byśmy|zamiast|inaczej(?!\s+(?:mówiąc|pisząc)))\b|\b\w+(?:ł|ła|ło|li|ły)by(?:m|ś|śmy|ście)?\b", re.IGNORECASE)
#: Nouns of the model a change may touch: the cost and its factors, the biases (cs, ru, pl after the English).
_CHANGED = (r"(?:cost|loss|objective|error\s+function|factor|prefactor|constant|coefficient|normali[sz]ation"
            r"|bias(?:es)?|bias\s+terms?"
            r"|cen[auěyo]|ztrát\w*|faktor\w*|koeficient\w*|konstant\w*|bias\w*|prah\w*|polovin\w*"
            r"|(?:функци\w*\s+)?(?:стоимост\w*|потер\w*)|множител\w*|коэффициент\w*|констант\w*|смещени\w*|сдвиг\w*"
            r"|порог\w*|koszt\w*|strat\w*|czynnik\w*|współczynnik\w*|stał\w*|bias\w*|przesunię\w*|wyraz\w*\s+woln\w*)\b")
#: Words that change the notes' model for the sentence they stand in: the cost scaled ("With the cost doubled",
#: "Удвоив", "Przy podwojonym koszcie"), a factor or the biases left out ("Removing the factor ½", "Dropping the
#: biases", "without biases"; cs/ru/pl). What the sentence states holds under that other model, which no reader
#: builds (review rv42d 2, 5: it was judged under the notes' own, BP1 held beside a doubled cost and $z^l = w^l
#: a^{l-1}$ was refuted after "Dropping the biases"). Multiplying by a constant alone is no change (the rate η).
CHANGING = re.compile(
    r"\b(?:doubl|halv|tripl|quadrupl)(?:ed|ing)\b|\b(?:double|halve|triple)\s+(?:the|it|this|our)\b"
    r"|\b(?:remov|dropp?|omitt?|delet|ignor|neglect|discard|leav)(?:e|es|ed|ing|s)?\s+(?:out\s+)?(?:(?:the|a|an|this|that"
    r"|all|any|its)\s+)*(?:\w+\s+)?" + _CHANGED +
    r"|\bwithout\s+(?:(?:the|a|an|any|its)\s+)?(?:\w+\s+)?(?!loss\s+of\s+generality)" + _CHANGED +
    r"|\b(?:scal|rescal|multipl|divid)\w*\s+(?:(?:the|our|this)\s+)?" + COST_NOUN +
    r"|\b" + COST_NOUN + r"\s+(?:is\s+|was\s+|being\s+)?(?:scaled|rescaled|multiplied|divided)\b"
    r"|\bbias[-\s]free\b|\bno\s+bias(?:es)?\b"
    r"|\b(?:zdvojnásob|zdvojen|zdvoj[íi]|ztrojnásob|zpolovič)\w*"
    r"|\b(?:odstran|vynech|zanedb|škrtn|zruš)\w*\s+(?:\w+\s+){0,2}?" + _CHANGED +
    r"|\b(?:vynásob|vyděl|přeškál)\w*\s+(?:\w+\s+){0,2}?" + COST_NOUN + r"|\bbez\s+(?:\w+\s+)?" + _CHANGED +
    r"|\b(?:удво|утро|вдвое)\w*"
    r"|\b(?:убра|убер|убир|отброс|опусти|опуска|пренебр|игнориру)\w*\s+(?:\w+\s+){0,2}?" + _CHANGED +
    r"|\b(?:умнож|раздел)\w*\s+(?:\w+\s+){0,2}?" + COST_NOUN + r"|\bбез\s+(?:\w+\s+)?" + _CHANGED +
    r"|\b(?:podwoj|potroj|dwukrotn)\w*"
    r"|\b(?:usu[nw]|usunię|pomij|pomin|zaniedb|zignor)\w*\s+(?:\w+\s+){0,2}?" + _CHANGED +
    r"|\b(?:pomnoż|podziel|przeskal)\w*\s+(?:\w+\s+){0,2}?" + COST_NOUN, re.IGNORECASE)
#: Words that set up a supposition: the notes' own setup when a reader took a definition or a named cost or
#: activation from the sentence ("Assume $\sigma$ is the sigmoid"), else a supposition no reader read. After a modal
#: ("One could suppose that $$…$$ does not hold") they report a guess, which ``denials.REPORTED`` reads; after "not"
#: ("We do not assume anything about $\sigma$") they suppose nothing.
SETUP = re.compile(r"(?<!\bcould\s)(?<!\bmight\s)(?<!\bmay\s)(?<!\bnot\s)(?<!n[’']t\s)(?<!\bnever\s)"
                   r"\b(?:suppos(?:e|ing)|assum(?:e|ing))\b"
                   r"|\b(?:předpokládejme|предположим|допустим|załóżmy|przypuśćmy)\b", re.IGNORECASE)
#: Words that name something by the formula ("We write $\delta^L = \nabla_a C$ for the output error", "let … denote",
#: označme, обозначим, oznaczmy): notation, not a claim, unless a reader took a definition from the sentence.
NAMING = re.compile(r"\bwe\s+write\b(?=[^.;]*\bfor\b)|\blet\b(?=[^.;]*\bdenote\b)|\bdenote[sd]?\s+by\b|\bwe\s+denote\b"
                    r"|\bstands?\s+for\b|\b(?:označme|označíme|značíme|обозначим|обозначаем|oznaczmy|oznaczamy|oznaczymy)\b",
                    re.IGNORECASE)
#: A reference back to formulas already written that picks one out by its order: a verdict on it follows ("the last
#: one is wrong"; not "in the last one", a layer).
_ORDINAL = (r"the\s+(?:first|second|third|last)\s+(?:of\s+(?:these|them|the\s+two|those)\b"
            r"|one\s+(?:is|was|does|holds|fails)\b)|the\s+(?:former|latter)\b"
            r"|(?:první|druh[áýé]|třetí|poslední)\s+z\s+(?:nich|těchto|obou)\b|(?:ta|ten|to)\s+(?:první|druh[áýé])\b"
            r"|(?:перв|втор|треть|последн)\w*\s+из\s+(?:них|этих|двух)\b|(?:последн|перв)\w*\s+(?:формул\w*|равенств\w*)"
            r"\s+(?:неверн|ошибочн)"
            r"|(?:pierwsz|drug|trzec|ostatn)\w*\s+z\s+(?:nich|tych|dwóch)\b"
            # "The previous formula is wrong", "the second equation is incorrect", "the first is right": a verdict
            # follows in the sentence (``_VERDICT_AHEAD``); not "the first equation is the definition of δ" (rv42d 3)
            r"|(?:the\s+(?:first|second|third|last|previous|preceding|final)\s+(?:(?:formula|equation|identity"
            r"|expression|display|one)\s+(?:above\s+)?)?(?:is|was|does|holds|fails)\b"
            r"|(?:první|druh[áýé]|třetí|poslední|předchozí)\s+(?:vzorec|vztah|rovnost|rovnice)\s+(?:je|není|neplatí|platí)\b"
            r"|(?:втор|треть|предыдущ)\w*\s+(?:формул\w*|равенств\w*)\s"
            r"|(?:pierwsz|drug|trzec|ostatn|poprzedn)\w*\s+(?:wzór|równość|formuła)\s+(?:jest|nie)\b)(?=_VERDICT_AHEAD)")
#: A reference back to the formulas just written as a whole ("both", "this one"): beside a word that judges them.
_WHOLE = (r"\bboth\b|\bthis\s+one\b|\beach\s+of\s+(?:them|these)\b|\b(?:oba|obě|obojí)\b|\b(?:оба|обе)\b"
          r"|\b(?:oba|obie|obydwa|obydwie)\b")
#: Words that judge a formula: true or false, right or wrong.
_JUDGES = re.compile(
    r"\b(?:wrong|incorrect|correct|false|true|right|valid|invalid|holds?|fails?|mistaken|typo)\b"
    r"|\b(?:špatn\w*|chybn\w*|správn\w*|neplatí|platí|pravdiv\w*|nepravdiv\w*)\b"
    r"|\b(?:неверн\w*|верн\w*|ошибочн\w*|неправильн\w*|правильн\w*|ложн\w*|выполня\w*)"
    r"|\b(?:błędn\w*|fałszyw\w*|prawdziw\w*|poprawn\w*|niepoprawn\w*|zachodz\w*)", re.IGNORECASE)
#: A verdict ahead in the sentence ("… is wrong", "… je špatně"), for the references that need one.
_VERDICT_AHEAD = r"[^.;!?]*?(?:" + _JUDGES.pattern + r")"
BACK = re.compile(r"\b(?:" + _ORDINAL.replace("_VERDICT_AHEAD", _VERDICT_AHEAD) + r")", re.IGNORECASE)
#: … at the opening of a clause only ("Both are wrong", "; both fail"; not "it holds for both layers").
_BACK_WHOLE = re.compile(rf"(?:^|[,;:\n])\s*(?:(?:but|however|ale|но|jednak)\s+)?(?:{_WHOLE})", re.IGNORECASE)
SAME = re.compile(
    r"\bthe\s+same\s+(?:is\s+true|holds|applies|goes)\b|\blikewise\s+(?:for|at|in)\b|\bsimilarly\s+(?:for|at|in)\b"
    r"|\btotéž\s+platí\b|\bto\s+samé\s+platí\b|\bobdobně\s+(?:pro|v|ve)\b"
    r"|\bто\s+же\s+(?:самое\s+)?(?:верно|справедливо|выполняется)\b|\bаналогично\s+(?:для|в)\b"
    r"|\bto\s+samo\s+(?:dotyczy|zachodzi|jest\s+prawdą)\b|\bpodobnie\s+(?:dla|w)\b", re.IGNORECASE)
#: "one-hot or a vector of counts", "counts or one-hot": the target is one-hot only in one of the cases said.
ALTERNATIVE = re.compile(
    r"one[-\s]?hot(?:\s+\w+){0,2}\s+(?:or|nebo|или|lub|albo)\s|\b(?:or|nebo|или|lub|albo)\s+(?:an?\s+)?one[-\s]?hot",
    re.IGNORECASE)
#: Where a next sentence opens by going back to the formulas before it (after a connective: "But", "However").
_OPENS = re.compile(r"^\W*(?:(?:but|however|and|note\s+that|ale|však|но|однако|и|ale|jednak|i)\b\W*)?", re.IGNORECASE)

#: "where" (kde, где, gdzie) after the words that name: what follows defines the name, it names nothing itself.
_WHERE = re.compile(r"\b(?:where|kde|где|gdzie)\b", re.IGNORECASE)

#: Where a list item starts: it ends the sentence before it ("- 5. Output: …", "• …", "\\item").
_ITEM = re.compile(r"\n[ \t]*(?:[-*+\u2022]|\d+[.)]|\\item)\s")

#: A display's closing, then a line that begins with a letter: a new sentence begins there when it is a capital.
_CAPITAL_AFTER = re.compile(r"(?:\$\$|\\\]|\\end\s*\{[A-Za-z*]+\})[ \t.,;]*\n[ \t]*(?=\w)")


def _capitals(text: str, start: int, stop: int) -> list:
    return [m.end() for m in _CAPITAL_AFTER.finditer(text, start, stop) if text[m.end()].isupper()]

#: The kinds, in the order they are looked for (a reference back before a supposition: "would" in "the second of
#: these would be wrong" is part of the verdict on it).
KINDS = (("a reference back that judges", "back"), ("the same said of another case", "same"),
         ("a change of the model", "changing"), ("a supposition", "supposing"), ("a naming", "naming"))


@dataclass(frozen=True)
class Hazard:
    """Words of ``kind`` around a formula that no reader of symbp reads, as the notes write them (formulas as …)."""

    kind: str
    words: str
    where: str = "sentence"  # "sentence" (the formula's own), "next" (the sentence after it) or "before" (the one before)
    lines: tuple = ()  # the first and last line of the sentence
    at: int = -1  # where the words stand in the notes' text (the formulas a reference back speaks of share it)
    start: int = -1  # where the formula stands in the notes' text
    wrong: bool = False  # the notes call this formula wrong by an ordinal reference back ("The second of these is wrong")
    right: bool = False  # … or right ("The first of these is right and the second is wrong"): their claim, as written
    said: str = ""  # the next sentence from the words to its end, formulas masked (what ``ordinals`` reads)
    setup: bool = False  # words that set up a supposition or name ("assume", "we write … for"): the notes' own when a
    # reader took a definition from their sentence

    def reason(self, result) -> str:
        """Why the row is not judged, with what it is as written."""
        said = f"the words \u201c{self.words}\u201d " + {"sentence": "around it", "before": "before it"}.get(self.where,
                                                                                                        "after it")
        return (f"{said} are not read by symbp ({self.kind}): what they do to the formula is not known, so it is not "
                f"judged; as written it {result.status}" + (f" ({result.reason})" if result.reason else ""))


def _quoted(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` holding the words at ``start``–``end`` (formulas masked in these positions), as the
    notes write it with each formula shown as …; a clause of a word or two goes on to the next; at most 14 words."""
    shown = FORMULA.sub("\u2026", sentence)
    # positions in ``shown``: each formula before the words is one character there
    offset = sum(len(m.group(0)) - 1 for m in FORMULA.finditer(sentence) if m.end() <= start)
    a, b = start - offset, end - offset
    lo = max(shown.rfind(c, 0, a) for c in ",.;:\n") + 1
    cut = re.search(r"[,.;:!?\n]", shown[b:])
    hi = b + cut.start() if cut else len(shown)
    if len(shown[lo:hi].split()) < 4 and cut is not None:  # "the latter," → "the latter, it is wrong"
        more = re.search(r"[.;:!?\n]", shown[hi + 1:])
        hi = hi + 1 + (more.start() if more else len(shown) - hi - 1)
    words = shown[lo:hi].split()
    return " ".join(words[:14]) + (" \u2026" if len(words) > 14 else "")


@functools.lru_cache(maxsize=64)
def _find(words: str, kinds: tuple) -> "tuple[str, int, int, bool] | None":
    # (the kind, where its words start and end, whether they are setting-up words only: ``SETUP``); once per
    # sentence, shared among its formulas (review rv49 C1)
    for kind, name in KINDS:
        if name not in kinds:
            continue
        if name == "back":
            m = BACK.search(words)
            if m is None:
                whole = _BACK_WHOLE.search(words)
                m = whole if whole is not None and _JUDGES.search(words) else None
        elif name == "same":
            m = SAME.search(words)
        elif name == "changing":
            m = CHANGING.search(words)
        elif name == "naming":
            if (m := NAMING.search(words)) is not None:
                return kind, m.start(), m.end(), True
        else:
            m = SUPPOSING.search(words)
            if m is None and (m := SETUP.search(words)) is not None:
                return kind, m.start(), m.end(), True
        if m is not None:
            return kind, m.start(), m.end(), False
    return None


def hazard_of(text: str, line: int, source: str, *, restricted: bool = False,
              model_at: "dict | None" = None) -> "Hazard | None":
    """The hazard of the formula ``source`` written at ``line`` of ``text``: unread words of its sentence, or of the
    next sentence when that opens by going back to it ("The second of these is wrong.", "The same is true for …");
    None when there are none. ``restricted``: ``layerwords`` read its sentence (the same said of another layer there
    is its to read). ``model_at``: the notes' model where the formula stands (``Model.at``): a cost or an activation named
    in its sentence, or the sentence right before, that is not the notes' own is a hazard (``otherwords``)."""
    at = _locate(text, line, source)
    if at is None:
        return None
    start, end = with_dollars(text, *at)
    first, stop = sentence_span(text, start, end)
    # a list item is a sentence of its own, full stop or not (seed 000: "aby místo cyklu" two items below BP3–BP4);
    # so is a capitalised line after a display (review 19 F6: "$$…$$⏎If we had assumed more, it would be simpler.")
    first = max([first] + [m.start() + 1 for m in _ITEM.finditer(text, first, start)] + _capitals(text, first, start))
    capitals = _capitals(text, max(first, end - 4), stop)  # the formula's own closing included
    stop = min([stop] + [m.start() for m in _ITEM.finditer(text, end, stop)] + capitals)
    sentence = text[first:stop]
    words = masked(sentence)
    own = ("back", "changing", "supposing", "naming") if restricted else ("back", "same", "changing", "supposing",
                                                                          "naming")
    found = _find(words, own)
    if found is not None and found[0] == "a naming" and _WHERE.search(words, found[2], start - first):
        found = None  # "Let $\delta^l_j$ denote the error, where $\delta^l_j = …$": the formula after "where" defines it
    if found is None and (caught := catch(sentence, own=(start - first, end - first))) is not None:  # the catch-alls (``vocabulary``)
        found = (*caught, caught[0] == "a change of the cost")  # consumed where a reader took the cost from it
    if found is None and model_at is not None and (other := other_span(words, model_at)) is not None:
        found = (OTHER_KIND, *other, False)  # "Under the mean absolute error, …" (review rv48 A2, A6)
    if found is not None:
        kind, a, b, setup = found
        return Hazard(kind, _quoted(sentence, a, b), lines=(line_of(text, first), line_of(text, stop)), setup=setup,
                      at=first + a, start=start)
    if model_at is not None and (before := _before(text, first)) is not None:
        said = masked(text[before[0]:before[1]])
        # "Next we switch to the mean absolute error.⏎⏎$$…$$"; an activation symbp knows named there ("Some authors
        # prefer tanh.") switches nothing unless ``activation_switched`` reads a switch; nor do words that give the
        # other cost's formula ("Another cost is $$C = …$$"): the readers of the cost read that
        unswitched = {k: v for k, v in model_at.items() if k != "activation"}
        gives = any("=" in m.group(0) for m in FORMULA.finditer(text[before[0]:before[1]]))
        if not gives and (other := other_span(said, unswitched)) is not None:
            return Hazard(OTHER_KIND, _quoted(text[before[0]:before[1]], *other), "before",
                          lines=(line_of(text, before[0]), line_of(text, stop)), at=before[0] + other[0], start=start)
    # the next sentence, when it opens by going back to the formulas before it
    ended = SENTENCE_END.match(text, stop) or _ITEM.match(text, stop)
    after = ended.end() if ended is not None else stop if stop in capitals else -1
    if after < 0:
        return None
    more = SENTENCE_END.search(text, after)
    following = text[after:more.start() if more else len(text)]
    following = following[:next((m.start() for m in _ITEM.finditer(following)), len(following))]
    lead = _OPENS.match(masked(following)).end()
    opening = masked(following)[lead:]
    for kind, name in KINDS[:2]:
        found = _find(opening[:60], (name,))
        if found is not None and found[1] == 0:  # at its very opening
            return Hazard(kind, _quoted(following, lead + found[1], lead + found[2]), "next",
                          at=after + lead, start=start, said=opening)
    # further in, a reference back in a sentence that judges ("In fact, the first of these is wrong", "If the cost
    # were doubled, the second of these would be right", "Formula (1) is wrong"): ``ordinals`` reads it exactly or
    # the formulas stay unjudged (review rv44 A10, B7: judged as plain claims)
    far = (BACK.search(opening) or PLACED.search(opening)) if _JUDGES.search(opening) else None
    if far is not None:
        return Hazard(KINDS[0][0], _quoted(following, lead, lead + far.end()), "next", at=after + lead, start=start,
                      said=opening)
    # a verdict in a next sentence with no formula of its own ("$$…$$ This formula is wrong."; not "A common mistake
    # is to write $$…$$", about the formula it leads into)
    # "…$. This is incorrect." and a paragraph after a blank line are ``negation``'s to read (``OWN_NEXT``, ``OWN_PARAGRAPH``)
    caught = catch(following, kinds=("a verdict on a formula",))
    if caught is not None and not FORMULA.search(following) and not _PARAGRAPH.search(text, stop, after + 1) \
            and not (text[start:start + 2] != "$$" and OWN_NEXT.match(text[end:end + 400])):
        kind, a, b = caught
        return Hazard(kind, _quoted(following, a, b), "next", at=after + a, start=start, said=opening)
    return None


#: The kind of a cost or an activation named in words that is not the notes' own (``otherwords``).
OTHER_KIND = "a cost or an activation other than the notes' own"


def _before(text: str, first: int) -> "tuple[int, int] | None":
    """(start, stop) of the sentence right before the one starting at ``first`` (a blank line between them too)."""
    stop = len(text[:first].rstrip())
    if stop == 0:
        return None
    ends = list(SENTENCE_END.finditer(text, max(0, stop - 2000), stop - 1))
    return (ends[-1].end() if ends else max(0, stop - 2000)), stop


def hazards(text: str, items: list, model, restricted: "set | dict" = (), spoken: tuple = ()) -> dict:
    """{(line, text): Hazard} for the claims of ``items`` (formulas of ``text``) that words no reader consumed make
    unsure. Skipped: formulas the notes call false or state under a hypothetical (read by ``negation``, ``inforce``,
    ``suppositions``), formulas of a notebook cell (their lines are the cell's), and the notes' model definitions.
    ``model`` gives the definitions the model took (a definition it took read its sentence); ``restricted`` the
    (line, text) of the formulas ``layerwords`` restricted by the words of their sentence; ``spoken`` the costs and
    activations named in words (``prosecost.mentions``). Words that only set up a supposition ("assume",
    "suppose") are consumed where a definition or a named cost or activation was taken from their sentence."""
    # δ defined in words (``deltawords``: its value the formula's line) read only the words that define: a naming
    # around it ("Denote by $\\delta^L = …$ the error") is still the guard's
    took = [d for d in model.definitions if not (d.what == "own-delta" and isinstance(d.value, int))]
    defined = {(d.line, " ".join(str(d.text).split())) for d in took}
    read = {d.line for d in took} | {m.line for m in spoken}  # lines a reader took the model from
    out, spots = {}, []
    for f in items:
        if f.kind not in ("claim", "definition") or f.negated or f.under or f.cell is not None:
            continue
        if (f.line, " ".join(f.text.split())) in defined:
            continue
        written = f.source or f.text
        h = hazard_of(text, f.line, written, restricted=(f.line, f.text) in restricted,
                      model_at=model.at(f.line))
        if h is not None and not (h.setup and any(h.lines[0] <= n <= h.lines[1] for n in read)):
            out[(f.line, f.text)] = h
        elif f.display and (at := _locate(text, f.line, written)) is not None:
            start, end = with_dollars(text, *at)  # with its delimiters, as ``hazard_of`` takes it
            spots.append(((f.line, f.text), start, end))
    return _called_wrong(text, _gathered(text, spots, out))


#: What may stand between formulas of one run: white space, punctuation, the delimiters of displays and their rows.
_WORDLESS = re.compile(r"(?:\s|[.,;:]|\$|\\\[|\\\]|\\\\|&|\\(?:begin|end)\s*\{[A-Za-z*]+\}|\\q?quad\b)*")


def _gathered(text: str, spots: list, found: dict) -> dict:
    """``found`` with the formulas before those a next sentence goes back to ("$$A$$⏎⏎$$B$$⏎⏎The first of these is
    wrong.": the sentence of A ends before B's) given its hazard too, when they are displays and nothing but other
    such displays, white space and punctuation stand between: "these" may mean them (review rv44 A10: A was judged as a claim, and "the
    first" was counted from B). ``spots``: (key, start, end) of the displayed formulas without a hazard."""
    groups: dict = {}
    for key, h in found.items():
        if h.kind == KINDS[0][0] and h.where == "next" and 0 <= h.start < h.at:
            groups.setdefault(h.at, []).append(h)
    for h in (min(hs, key=lambda h: h.start) for hs in groups.values()):
        first = h.start
        for key, start, end in sorted(spots, key=lambda s: -s[1]):
            if key not in found and end <= first and _WORDLESS.fullmatch(text, end, first):
                found[key] = replace(h, start=start)
                first = start
    return found


def _called_wrong(text: str, found: dict) -> dict:
    """``found`` with the formulas an ordinal reference back in the next sentence judges marked ``wrong`` or ``right``
    ("$$A$$ $$B$$ The first of these is right and the second is wrong."; ``ordinals`` reads the whole sentence or
    nothing): only when the formulas before the words are exactly the claims found with them (no other formula
    between). Counted from the first ("the second of these") only when no other formula stands before them in their
    paragraph (the notes may count it too); the others stay unjudged."""
    groups: dict = {}
    for key, h in found.items():
        if h.kind == KINDS[0][0] and h.where == "next" and 0 <= h.start < h.at:
            groups.setdefault(h.at, []).append(key)
    for at, keys in groups.items():
        keys.sort(key=lambda k: found[k].start)
        if len(FORMULA.findall(text[found[keys[0]].start:at])) != len(keys):
            continue
        # words between them that introduce new formulas ("we consider two candidates:") close the group before
        # them: those formulas are not "these" and are judged on their own; other words, and nothing is read
        # (``ordinals.group``; review rv47 A1, B1)
        split = group([_gap(text, found[a].start, found[b].start) for a, b in zip(keys, keys[1:])])
        if split is None:
            continue
        for key in keys[:split[0]]:
            del found[key]
        keys = keys[split[0]:]
        first = found[keys[0]]
        paragraph = max([0] + [m.end() for m in _PARAGRAPH.finditer(text, max(0, first.start - 3000), first.start)])
        # alone: no other formula in the paragraph before (or words that introduce them after it), nor a display
        # right before them, nor displays of their own apart by a blank line and nothing else (``_gathered``:
        # "$$z = …$$⏎⏎$$A$$⏎$$B$$⏎The first of these": is the first z or A?)
        earlier = list(FORMULA.finditer(text, paragraph, first.start))
        introduced = split[1] or bool(earlier) and group([_gap(text, earlier[-1].start(), first.start)]) == (1, True)
        alone = (introduced or not earlier) \
            and not _FORMULA_BEFORE.search(text, 0, first.start) \
            and not any(_apart(text, found[a].start, found[b].start) for a, b in zip(keys, keys[1:]))
        said = verdicts(first.said, len(keys), alone=alone)
        for index, verdict in (said or {}).items():
            found[keys[index]] = replace(found[keys[index]], wrong=verdict == "wrong", right=verdict == "right")
    return found


def _gap(text: str, a: int, b: int) -> str:
    """The words between the formula at ``a`` and the next at ``b`` (formulas masked), or "" when none stand there."""
    m = FORMULA.match(text, a)
    between = text[m.end() if m else a:b]
    return "" if _WORDLESS.fullmatch(FORMULA.sub("", between)) else masked(between)


#: A blank line: where a paragraph starts.
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _apart(text: str, a: int, b: int) -> bool:
    """Do the formula at ``a`` and the next at ``b`` stand apart by a blank line, with no words between?"""
    between = FORMULA.sub("", text[a:b])
    return _PARAGRAPH.search(between) is not None and _WORDLESS.fullmatch(between) is not None


#: A display's end, then only white space and punctuation to where the text is cut.
_FORMULA_BEFORE = re.compile(r"(?:\$\$|\\\]|\\end\s*\{[A-Za-z*]+\})[\s.,;:]*\Z")


#: Statuses that are a verdict: the ones this guard takes back.
_JUDGED = ("holds", "refuted", "conditional", "ambiguous")


def unjudged(rows: list, found: dict, row_type) -> list:
    """``rows`` with each judged row whose formula has a hazard in ``found`` made uninterpretable (see the module)."""
    out = []
    for r in rows:
        h = found.get((r.formula.line, r.formula.text))
        if h is None or r.result.status not in _JUDGED or r.formula.negated or r.formula.under \
                or SENTENCE_CONDITION in r.result.reason:  # the graph reading put its sentence's supposed values in
            out.append(r)
            continue
        if h.wrong:  # the notes' statement that it is false, as ``negation`` judges one
            out.append(row_type(r.formula, negated_verdict(r.result, h.words)))
            continue
        if h.right:  # the notes call it right: their claim, judged as written
            out.append(r)
            continue
        out.append(row_type(r.formula, replace(r.result, status="uninterpretable", verdict="undecided",
                                               reason=h.reason(r.result), counterexample=None, diagnosis="",
                                               corrected="", condition="", condition_met=None, identity="")))
    return out


__all__ = ["ALTERNATIVE", "BACK", "CHANGING", "Hazard", "KINDS", "NAMING", "SAME", "SUPPOSING", "hazard_of", "hazards", "unjudged"]
