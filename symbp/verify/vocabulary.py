r"""Catch-alls: vocabulary around a formula that may change what it means, whatever the phrasing (``unreadwords``).

Closed phrase lists kept missing variants (review rv44 A1, A2, B1): "If the factor $\frac12$ is omitted, …",
"…, but that's wrong.", "Setting the biases to zero, …". These look for *vocabulary* instead of phrases: a sentence
that mentions the cost (in words or as a lone $C$, $C'$, $\frac12$) together with a word that changes it; a word that
calls a formula wrong; the biases together with a word that takes them away. ``unreadwords`` leaves a formula whose
sentence holds such vocabulary, and that no reader consumed, unjudged (never "holds", never "refuted"). Words
``negation`` read around the formula, or gave to another formula said apart from it, are not looked at (``_read``);
nor is a verdict word a negation turns round ("It is not false that", "isn't wrong").

>>> catch("If the factor $\\frac12$ is omitted, the error is $x$.")[0]
'a change of the cost'
>>> catch("One might write $x$, but that's wrong.")[0]
'a verdict on a formula'
>>> catch("Setting the biases to zero, $z = wa$.")[0]
'the biases taken away'
>>> catch("The output error is $x$.") is None
True
"""

from __future__ import annotations

import functools
import re

from .denials import EXCLAIMED, FALSE_AFTER, FALSE_BEFORE, NOT_BEFORE
from .sentences import FORMULA, masked

#: "chyba", "ошибка", "błąd" as a verdict only where nothing follows ("To je chyba." but not "To je chyba výstupní
#: vrstvy:", the error δ of the output layer).
_ALONE = r"(?!\s*\w)"

#: Words that call a formula wrong (en, cs, ru, pl). "error", "chyba", "ошибка", "błąd" name the error δ of a neuron
#: too ("the output error is", a heading "Output error:"), so they count only as a verdict: "an error", "in error",
#: "to je chyba", "это ошибка".
VERDICT = re.compile(
    r"\b(?:wrong|incorrect(?:ly)?|false|erroneous(?:ly)?|mistaken(?:ly)?|mistakes?|typos?|slips?|invalid|untrue)\b"
    r"|\ban\s+error\b|\bin\s+error\b"
    # a denial in words ("It is not true that for the output layer …", review guard5): neplatí, неправда, nieprawda
    # (not "It is not true that this is hard:", which denies a word about the formula, not the formula)
    r"|(?<!\bsame\sis\s)\bnot\s+(?:true|correct|valid)\b(?!\s+that\s+(?:this|it)\s+(?:is|was)\s+(?:hard|easy|difficult|obvious|clear"
    r"|simple|new|surprising)\b)|\b(?:does|do|did)\s+not\s+hold\b|\b(?:doesn|don|didn)['’]t\s+hold\b"
    r"|\bneplatí\b|\bnení\s+pravd\w*|\bне\s+верн\w*|\bнеправд\w*|\bне\s+выполня\w*|\bnie\s+jest\s+prawd\w*"
    r"|\bnie\s+zachodzi\b"
    r"|\b(?:špatn\w*|chybn\w*|nesprávn\w*|překlep\w*|nepravd\w*)|\b(?:je|to|jde\s+o)\s+chyb[aou]\b" + _ALONE +
    r"|\b(?:неверн|ошибочн|неправильн|опечатк|ложн)\w*|\b(?:это|здесь)\s+ошибк\w*" + _ALONE +
    r"|\b(?:błędn|nieprawd|niepoprawn|literówk|fałszyw)\w*|\b(?:to|jest)\s+błąd\b" + _ALONE,
    re.IGNORECASE)
#: Look-alikes that state the formula: "A common mistake is to forget that $$…$$" (what is forgotten is true); a
#: verdict word negated right before it: "It is not false that", "$$…$$ isn't wrong", "Not wrong!", "Это не неверно",
#: "Nie jest nieprawdą" (a double negative; not "not only wrong").
_STATES = re.compile(r"\b(?:mistake|error|pitfall)\s+(?:is|was)\s+to\s+(?:forget|overlook|ignore|neglect|miss)(?:\s+that)?\b",
                     re.IGNORECASE)
_NEGATED = re.compile(r"(?:\b(?:not|never|не|nie|není|nejsou)|n['’]t)(?:\s+(?:jest|są|a|an|at\s+all|really|entirely|a\s+common"
                      r"|(?:a\s+)?typical))?\s+$", re.IGNORECASE)

#: The cost in words, or its factor one half (en, cs, ru, pl).
_COST_WORDS = re.compile(
    r"\b(?:cost|loss|objective|one[-\s]half|half|factor|prefactor)\b|\bcen[auěyo]\b|\bztrát\w*|\bpolovin\w*|\bfaktor\w*"
    r"|\b(?:стоимост|потер|половин|множител)\w*|\b(?:koszt|strat|połow|czynnik)\w*", re.IGNORECASE)
#: The cost or the factor one half as a formula of its own: $C$, $C_x$, $C'$, $2C$, $\frac12$, $1/2$.
_COST_FORMULA = re.compile(r"^\s*(?:\d*\s*C(?:_\{?\w+\}?)?(?:'|\^\{?\\prime\}?)?|\\frac\s*\{?1\}?\s*\{?2\}?|1\s*/\s*2"
                           r"|\\tfrac\s*\{?1\}?\s*\{?2\}?|\\half)\s*$")
#: Words that change it (en, cs, ru, pl).
_CHANGE_WORDS = re.compile(
    r"\b(?:omit\w*|drop\w*|without|leav\w*\s+out|left\s+out|remov\w*|replac\w*|multipl\w*|scal\w*|rescal\w*|twice"
    r"|doubl\w*|halv\w*|instead|delet\w*|discard\w*|neglect\w*|ignor\w*|skip\w*|times\s+(?:two|2))\b"
    r"|\b(?:vynech|odstran|nahra[dz]|vynásob|škál|přeškál|zdvoj|dvakrát|zanedb|ignor)\w*|\b(?:bez|místo)\b"
    r"|\b(?:убра|убер|опус|замен|умнож|масштаб|удво|вдвое|дважды|пренебр|игнор)\w*|\b(?:без|вместо)\b"
    r"|\b(?:pomi|pomin|usu[nw]|zastąp|zastęp|pomnoż|przeskal|podwoj|dwukrotn|zaniedb|zignor)\w*|\b(?:bez|zamiast)\b",
    re.IGNORECASE)
#: A change of C inside a formula: $C \to 2C$, $C' = 2C$, $2C$ (not $w \to w - \eta \nabla C$, an update; seed 001).
_CHANGE_FORMULA = re.compile(r"(?<![A-Za-z\\])C\s*(?:\\to|\\rightarrow|\\mapsto)|(?<![A-Za-z\\])C\s*(?:'|\^\{?\\prime\}?)"
                             r"|(?<![\w\\])\d+\s*C(?![A-Za-z])")
#: Never a change: "without loss of generality" (bez újmy na obecnosti, без ограничения общности, bez straty ogólności).
_NO_CHANGE = re.compile(r"\bwithout\s+loss\s+of\s+generality\b|\bbez\s+(?:újmy|ztráty)\s+(?:na\s+)?obecnost\w*"
                        r"|\bбез\s+ограничения\s+общности\b|\bbez\s+(?:straty|utraty)\s+ogólności\b", re.IGNORECASE)

#: The biases (en, cs, ru, pl), or $b$, $b^l$, $b^l_j$ in a formula.
_BIAS_WORDS = re.compile(r"\bbias\w*|\b(?:prah|práh|prazí)\w*|\b(?:смещени|сдвиг|порог)\w*|\bprzesunię\w*|\bwyraz\w*\s+woln\w*",
                         re.IGNORECASE)
_BIAS_FORMULA = re.compile(r"(?<![A-Za-z\\])b(?:\^|_|\s*=|\s*$)")
#: Words that take them away: set to zero, vanish, without, "biasless", dropped, forgotten, ignored, omitted.
_ZERO_WORDS = re.compile(
    r"\b(?:zero\w*|vanish\w*|without|\w+less|drop\w*|forget\w*|forgot\w*|ignor\w*|omit\w*|remov\w*|neglect\w*"
    r"|null|absent|no)\b|\bnul\w*|\bbez\b|\b(?:vynech|zanedb|odstran)\w*|\b(?:нул|игнор|пренебр|отсутств|убра)\w*"
    r"|\bбез\b|\bzer\w*|\b(?:pomi|pomin|zaniedb|usu[nw])\w*", re.IGNORECASE)
#: A formula that sets the biases to zero itself: $b^l = 0$.
_BIAS_SET = re.compile(r"^\s*b[\^_{}\w\s]*=\s*0\s*$")
_ZERO_FORMULA = re.compile(r"^(?:(?:(?!\\partial|\\frac|\\nabla)[^=])*=)?\s*0\s*$")  # not ∂C/∂w = 0, a claim

#: The kinds, as a reason names them.
KINDS = ("a verdict on a formula", "a change of the cost", "the biases taken away")


def _cost_formula(body: str) -> bool:
    # $C$, $\frac12$ alone, or a change of C written as a formula ($C \to 2C$, $C' = 2C$)
    return bool(_COST_FORMULA.match(body) or _LONE_C.search(body) and _CHANGE_FORMULA.search(body))


#: The cost C in a formula (not \Cost, not Cx).
_LONE_C = re.compile(r"(?<![A-Za-z\\])C(?![A-Za-z])")


def _formulas(sentence: str) -> list:
    # (start, end, body) of each formula, its delimiters off
    out = []
    for m in FORMULA.finditer(sentence):
        body = re.sub(r"^(?:\$\$?|\\\[|\\\()|(?:\$\$?|\\\]|\\\))$", "", m.group(0))
        out.append((m.start(), m.end(), body))
    return out


@functools.lru_cache(maxsize=256)
def _search(pattern: re.Pattern, words: str) -> "tuple[int, int] | None":
    # where ``pattern`` first stands in ``words``: a sentence's words are the same for each of its formulas (rv49 C1)
    m = pattern.search(words)
    return None if m is None else (m.start(), m.end())


def _first(words: str, pattern: re.Pattern, formulas: list, in_formula) -> "tuple[int, int] | None":
    # where the vocabulary first stands: in the words, or a formula it is
    hits = [span] if (span := _search(pattern, words)) is not None else []
    hits += [(a, b) for a, b, body in formulas if in_formula(body)]
    return min(hits) if hits else None


#: All that may join two formulas of one list ("$$A$$ and $$B$$ are wrong"): words between them that say more (a
#: verb, "but", "rather", a line break between displays) end what is said of the first.
_LINK = re.compile(r"[\s,—–-]*(?:\b(?:and|or|a|i|и|oraz|also|too|as\s+well)\b[\s,—–-]*)*", re.IGNORECASE)

#: A verb in the singular right after a formula: what it says is of that formula alone, not of a list before it.
_SINGULAR = re.compile(r"\s*(?:is|was|isn't|wasn't)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _spoken(sentence: str) -> tuple:
    """(a, b, spans) of each formula of ``sentence`` with words that deny or state it right before or after it: what
    ``_read`` needs whatever the judged formula. Once per sentence, shared among its formulas (review rv49 C1: a
    sentence of n formulas scanned n times for each of them ran in n³ time)."""
    out = []
    for a, b, _ in _formulas(sentence):
        before, after = sentence[:a], sentence[b:]
        spans = []
        turned = False
        if (m := FALSE_BEFORE.search(before)) is not None:
            spans.append((m.start("w"), m.end("w")))
            turned = bool(NOT_BEFORE.search(before, 0, m.start()))
        if (m := EXCLAIMED.search(before)) is not None:
            spans.append((m.start("w"), m.end("w")))
        # not after words turned round before it: "Contrary to a common mistake, $$…$$ is wrong" (review rv48 A1;
        # ``negation`` judged it as written, and a true formula the notes call wrong held)
        if (m := FALSE_AFTER.search(after)) is not None and not turned:
            spans.append((b + m.start("w"), b + m.end("w")))
        if spans:
            out.append((a, b, tuple(spans)))
    return tuple(out)


#: How many times ``_spoken`` scanned a sentence (a test counts them: once per sentence, not once per formula).
def scans() -> int:
    return _spoken.cache_info().misses


def _read(sentence: str, own: tuple) -> list:
    """Where ``negation`` read ``sentence``: the words that deny or state the judged formula right before or after it
    ("This is not a common mistake:", "Students think that … is wrong", "It is not true that … is false": the reader
    gave its verdict, or stated the formula), and another formula of the sentence, with such words, said apart from
    the judged one ("$$A$$ holds, and $$B$$ is wrong too", "Wrong: $$B$$⏎$$A$$"): those words are about it."""
    out = []
    for a, b, spans in _spoken(sentence):
        if a < own[1] and b > own[0]:  # the judged formula
            out += spans
            continue
        after = sentence[b:]
        between = masked(sentence[min(b, own[1]):max(a, own[0])]) if own[0] >= 0 else ""
        alone = b > own[1] and _SINGULAR.match(after)  # "$A$, and $B$ is wrong": the verb is of B alone
        if own[0] < 0 or "\n" in between or not _LINK.fullmatch(between) or alone:
            out += [*spans, (a, b)]
    return out


def _verdict(words: str, read: list) -> "re.Match | None":
    # the first word of verdict no reader read, not turned round by a negation right before it
    if _STATES.search(words):
        return None
    for m in VERDICT.finditer(words):
        if any(a <= m.start() < b for a, b in read) or _NEGATED.search(words, 0, m.start()):
            continue
        return m
    return None


def catch(sentence: str, *, kinds: tuple = KINDS, own: tuple = (-1, -1)) -> "tuple[str, int, int] | None":
    """The catch-all kind met in ``sentence`` and where its words stand (in ``sentence``), or None. ``own``: where the
    judged formula stands in ``sentence``; it mentions nothing itself ($\\partial z / \\partial b = 0$ is no bias set
    to zero). Words a reader read (``_read``) are not looked at."""
    every = _formulas(sentence)
    read = _read(sentence, own)
    words = masked(sentence)
    for a, b in read:
        words = words[:a] + " " * (b - a) + words[b:]
    formulas = [f for f in every if (f[1] <= own[0] or f[0] >= own[1] or _BIAS_SET.match(f[2]))
                and not any(a <= f[0] < b for a, b in read)]
    if KINDS[0] in kinds and (m := _verdict(words, read)) is not None:
        return KINDS[0], m.start(), m.end()
    if KINDS[1] in kinds and not _NO_CHANGE.search(words):
        cost = _first(words, _COST_WORDS, formulas, _cost_formula)
        change = _first(words, _CHANGE_WORDS, formulas, _CHANGE_FORMULA.search)
        if cost is not None and change is not None:
            return KINDS[1], min(cost[0], change[0]), max(cost[1], change[1])
    if KINDS[2] in kinds and not _NO_CHANGE.search(words):
        bias = _first(words, _BIAS_WORDS, formulas, _BIAS_FORMULA.search)
        zero = _first(words, _ZERO_WORDS, formulas, _ZERO_FORMULA.search)
        if bias is not None and zero is not None:
            return KINDS[2], min(bias[0], zero[0]), max(bias[1], zero[1])
    return None


__all__ = ["KINDS", "VERDICT", "catch"]
