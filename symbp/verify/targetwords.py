r"""One-hot targets said in words in layered notes: "The target $y$ is a one-hot vector." (review 20, F1).

The softmax cross-entropy C = −Σ_k y_k ln a^L_k gives ∂C/∂z^L_j = a^L_j Σ_k y_k − y_j, which is a^L_j − y_j only when
the targets sum to one. Notes say so in a formula (``\sum_k y_k = 1``, read by ``model``) or in words: "The target
$y$ is a one-hot vector.", "We use the one-hot target $y$.", "Cíl $y$ je one-hot vektor.", "Zakładamy, że $y$ jest
wektorem one-hot.", "Целевой вектор $y$ — one-hot вектор." (the phrases ``graphtargets.one_hot_words`` reads for
graph notes); in layered notes also "We use one-hot encoding for $y$.", "Вектор $y$ закодирован как one-hot.",
"Etykiety $y$ są w kodowaniu one-hot.", "Цель $y$ — вектор с одной единицей (one-hot)." (review 39 B5). Such words are the same assumption as the formula, from their line on, for the notes' target letter.

Words that deny or doubt it ("$y$ is not one-hot", "need not be", ``sentences.doubts``) or make it hypothetical or
an example ("if $y$ were one-hot", "for example", ``sentences.HYPOTHETICAL``), or offer another kind of target beside
it ("one-hot or a vector of counts", ``unreadwords.ALTERNATIVE``) assume nothing: the whole sentence is read, not only
the phrase.

>>> [(d.line, d.what, d.value) for d in one_hot_said("Intro.\nThe target $y$ is a one-hot vector.\n", "y")]
[(2, 'one-hot', 'words')]
>>> one_hot_said("If the target $y$ were a one-hot vector, then …", "y"), one_hot_said("$t$ is one-hot.", "y")
([], [])
>>> one_hot_said("The target $y$ need not be a one-hot vector.", "y")
[]
>>> one_hot_said("The target $y$ is one-hot or a vector of counts.", "y")  # one-hot in one case only (unreadwords)
[]
"""

from __future__ import annotations

import re

from .clauses import own_clause, taken_back
from .graphtargets import elsewhere, not_made, one_hot_words, under_exercises, unequal
from .model import Definition
from .sentences import FORMULA, HYPOTHETICAL, doubts, line_of, masked, sentences
from .unreadwords import ALTERNATIVE

_ONE_HOT = re.compile(r"one[- ]?hot", re.I)


#: The targets called one-hot with no letter, as an assumption: "We assume one-hot targets", "the targets are one-hot"
#: (cs/pl/ru: "předpokládáme one-hot cíle", "zakładamy cele one-hot", "предполагаем one-hot метки"); "for one-hot
#: targets …" (a case, not an assumption) is not read.
_NAMELESS = re.compile(r"\b(?:(?:we\s+)?(?:assum\w*|use|using)\s+(?:that\s+)?(?:the\s+)?one[- ]?hot[- ]?(?:encoded\s+)?"
                       r"(?:targets|labels|target\s+vectors)\b|the\s+(?:targets|labels)\s+are\s+(?:always\s+)?one[- ]?hot\b"
                       r"|(?:předpokládáme|používáme)\s+one[- ]?hot\s+(?:cíle|výstupy|vektory)"
                       r"|(?:zakładamy|używamy)\s+(?:celów\s+|cele\s+|etykiety\s+)?one[- ]?hot"
                       r"|(?:предполагаем|используем)\s+one[- ]?hot)", re.I)


_LETTER = r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\$"
#: The targets called one-hot in everyday words (review 39 B5), each with the letter in group 1:
#: "one-hot encoding for $y$" (kódování … pro, kodowanie … dla, кодирование … для), "$y$ is encoded as one-hot"
#: (zakódován jako, zakodowany, закодирован как), "$y$ are in one-hot encoding" (v kódování, w kodowaniu, в кодировке),
#: "$y$ — a vector with a single one (one-hot)": the one-hot in brackets in the letter's own clause.
_EVERYDAY = re.compile(
    r"\bone[- ]?hot[- ]?(?:encoding|coding|representation|kódování|kodowani\w*|кодировани\w*|кодировк\w*)\s+"
    r"(?:for|of|pro|dla|для)\s+(?:the\s+)?(?:(?:targets?|labels?|cíl\w*|cel\w*|etykiet\w*|метк\w*|цел\w*)\s+)?" + _LETTER
    + r"|" + _LETTER + r"\s*(?:(?:is|are|je|jsou|jest|są|будет|будут)\s+)?(?:(?:always|vždy|zawsze|всегда)\s+)?"
    r"(?:(?:one[- ]?hot[- ]?)?(?:encoded|coded|represented|zakódován\w*|kódován\w*|zakodowan\w*|kodowan\w*|"
    r"закодирован\w*|кодиру\w*|представлен\w*)\s+(?:as\s+|jako\s+|как\s+|w\s+)?(?:a\s+|an\s+)?one[- ]?hot\b"
    r"|(?:in|v|w|в)\s+(?:the\s+)?(?:one[- ]?hot\s+(?:encoding|form|kódování|kodowaniu|postaci|кодировке|формате)"
    r"|(?:encoding|form|kódování|kodowaniu|postaci|formie|кодировке|формате)\s+one[- ]?hot)\b)"
    r"|" + _LETTER + r"\s*(?:—|–|-|:|is|are|je|jsou|jest|są|является|это)\s[^$.;()]{0,80}\(\s*one[- ]?hot\s*\)", re.I)


def _everyday(sentence: str, text: str, start: int, target: str) -> list:
    """"We use one-hot encoding for $y$.", "Вектор $y$ закодирован как one-hot.": the target letter called one-hot
    in words ``one_hot_words`` does not read, unless a clause of the sentence denies or doubts it."""
    out = []
    if under_exercises(text, start):  # an exercise's target, not the notes' (as ``one_hot_words``)
        return out
    for m in _EVERYDAY.finditer(sentence):
        at = next(k for k in range(1, 4) if m.group(k))
        if m.group(at) != target or taken_back(sentence, m.start(), m.end(), not_made) or unequal(sentence):
            continue
        line = line_of(text, start) + sentence.count("\n", 0, m.start())
        out.append(Definition(line, "one-hot", "words", " ".join(text.splitlines()[line - 1].split())[:120]))
    return out


def _nameless(sentence: str, text: str, start: int) -> list:
    """"We assume one-hot targets": the notes' target letter, unless a clause of the sentence denies it."""
    plain = masked(sentence)
    m = _NAMELESS.search(plain)
    if m is None or taken_back(sentence, m.start(), m.end(), not_made) or unequal(sentence):
        return []
    line = line_of(text, start) + sentence.count("\n", 0, m.start())
    return [Definition(line, "one-hot", "words", " ".join(text.splitlines()[line - 1].split())[:120])]


#: The targets said to sum to one in other words (review rv42 8), the letter in group 1 or 2: "$y$ is a probability
#: vector (distribution)", "the entries of $y$ sum to one"; cs "$y$ je pravděpodobnostní vektor (rozdělení)", "složky
#: $y$ dávají v součtu 1"; ru "$y$ — вероятностный вектор (распределение вероятностей)", "компоненты $y$ в сумме дают 1";
#: pl "$y$ jest wektorem (rozkładem) prawdopodobieństwa", "składowe $y$ sumują się do 1". Σ_k y_k = 1 is all that
#: the softmax cross-entropy's a^L − y needs.
_ONE = r"(?:one|1|jedn\w*|единиц\w*|jeden|jedności)\b"
_PROBABILITY = re.compile(
    _LETTER + r"\s*(?:(?:is|are|je|jsou|jest|są|является|—|–|-|:)\s+)?(?:always\s+|vždy\s+|zawsze\s+|всегда\s+)?(?:a\s+|an\s+)?"
    r"(?:probability\s+(?:vector|distribution)|(?:discrete\s+)?distribution\s+of\s+probabilities|vector\s+of\s+probabilities"
    r"|pravděpodobnostní\w*\s+(?:vektor|rozdělení)\w*|вероятностн\w*\s+(?:вектор|распределени)\w*"
    r"|распределени\w*\s+вероятност\w*|(?:wektor\w*|rozkład\w*)\s+prawdopodobieństwa)"
    r"|\b(?:entries|components|coordinates|složky|prvky|компоненты|элементы|składowe|elementy)\s+(?:of\s+)?(?:the\s+)?(?:(?:targets?|target\s+vector|cíle|цели|celu)\s+)?" + _LETTER
    + r"\s*(?:sum|add\s+up|dávají\s+v\s+součtu|se\s+sčítají\s+na|в\s+сумме\s+дают|суммируются\s+(?:в|до)|sumują\s+się)"
    r"\s*(?:to\s+|do\s+|k\s+)?" + _ONE, re.I)


def _probability(sentence: str, text: str, start: int, target: str) -> list:
    """"The target $y$ is a probability vector.": Σ_k y_k = 1 said in words, unless a clause denies or doubts it."""
    out = []
    if under_exercises(text, start) or HYPOTHETICAL.search(masked(sentence)):
        return out
    for m in _PROBABILITY.finditer(sentence):
        if (m.group(1) or m.group(2)) != target or taken_back(sentence, m.start(), m.end(), not_made):
            continue
        line = line_of(text, start) + sentence.count("\n", 0, m.start())
        out.append(Definition(line, "one-hot", "words", " ".join(text.splitlines()[line - 1].split())[:120]))
    return out


def one_hot_said(text: str, target: str) -> list:
    """The definitions "one-hot" (value ``"words"``: Σ_k y_k = 1) the prose of ``text`` makes of the target letter
    ``target``: one per sentence that calls it one-hot or a probability vector, neither doubting nor supposing."""
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        out += _probability(sentence, text, start, target)
        if not _ONE_HOT.search(masked(sentence)) or HYPOTHETICAL.search(masked(sentence)) or elsewhere(sentence):
            continue  # a denial or doubt is judged in the clause that calls the target one-hot (``one_hot_words``)
        if ALTERNATIVE.search(masked(sentence)):  # "one-hot or a vector of counts": one-hot in one case only
            continue
        if not one_hot_words(sentence):
            out += _nameless(sentence, text, start) or _everyday(sentence, text, start, target)
        for said in one_hot_words(sentence):
            if said.name == target:
                line = line_of(text, start) + said.line - 1
                out.append(Definition(line, "one-hot", "words", " ".join(text.splitlines()[line - 1].split())[:120]))
    return out


def sum_doubted(line: str, own: bool) -> bool:
    """Whether the words of ``line`` doubt the formula ``\\sum_k y_k = 1`` on it (``own``: its clause, or a later
    clause that speaks of its truth), or, on the line after a display, the clause the line starts with; the whole
    line when no such formula is found."""
    if not own:
        return doubts(own_clause(line, 0, 0))
    span = next((m for m in FORMULA.finditer(line) if "sum" in m.group(0)), None)
    return doubts(line) if span is None else taken_back(line, span.start(), span.end(), doubts)


__all__ = ["one_hot_said", "sum_doubted"]
