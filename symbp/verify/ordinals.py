r"""What a sentence that picks formulas out by their order says of each: "The first of these is right and the second
is wrong."

``unreadwords`` finds a reference back to the formulas just written ("the second of these", "the previous formula",
"the latter"); ``verdicts`` reads the sentence only when it is nothing but such references, each with a plain verdict
(wrong or right), joined by "and", "but", a comma. Anything else in it — a negation ("is not wrong", "is no longer
wrong"), a restriction ("wrong only at $l = 2$"), a comparison ("the latter, unlike the former, …"), a formula — and
nothing is read: the guard leaves every formula it speaks of unjudged, never a plain verdict (review rv42d, 1: "The
first of these is right and the second is wrong" called the *first* wrong, "is no longer wrong" was read as "wrong").

English, Czech, Russian, Polish.

>>> verdicts("The first of these is right and the second is wrong.", 2)
{0: 'right', 1: 'wrong'}
>>> verdicts("The previous formula is wrong.", 1), verdicts("Вторая формула неверна.", 2)
({0: 'wrong'}, {1: 'wrong'})
>>> verdicts("The second of these is no longer wrong.", 2), verdicts("The latter, unlike the former, is wrong.", 2)
(None, None)
>>> verdicts("The second of these is wrong only at ~~~~~.", 2), verdicts("The third of these is wrong.", 2)
(None, None)

A lead that changes nothing is passed over; "only" makes every other formula the opposite; any other lead (a
supposition, a change of the model) and nothing is read (review rv44 A10, B7):

>>> verdicts("In fact, the first of these is wrong.", 2), verdicts("Only the second of these is right.", 2)
({0: 'wrong'}, {0: 'wrong', 1: 'right'})
>>> verdicts("If the cost were doubled, the second of these would be right.", 2)
>>> verdicts("With the cost doubled, the first of these is right and the second is wrong.", 2)

Which formulas "these" are (``group``): words between two of the displays before the reference that introduce new
ones ("and for the weight we consider two candidates:", "the following:") close the group before them; "these" are
the displays after such words (review rv47 A1, B1: the bias formula before "we consider two candidates:" was counted
as "the first of these"). Any other words between them but a joining "and", "or" and nothing is read:

>>> group(["", " and for the weight we consider two candidates: "]), group([" and "]), group([" Next we have "])
((2, True), (0, False), None)
"""

from __future__ import annotations

import re

#: The words that pick a formula by its order, and which of the formulas before they pick (0 the first, -1 the last).
_ORDER = ((r"first|former|první|перв\w*|pierwsz\w*", 0),
          (r"second|druh[áýé]|втор\w*|drug[iaeo]", 1),
          (r"third|třetí|треть\w*|trzec\w*", 2),
          # "the upper formula", "the top one", "the bottom one" (review rv44 A10): by where they stand on the page
          (r"upper|top|horní|верхн\w*|górn\w*", 0), (r"lower|bottom|dolní|нижн\w*|doln\w*", -1),
          (r"last|final|previous|preceding|latter|poslední|předchozí|předešl[ýáé]|последн\w*|предыдущ\w*|ostatn\w*"
           r"|poprzedn\w*", -1))
_ORDINAL = "|".join(words for words, _ in _ORDER)
#: A reference: "the second (of these, of them, formula, one)", "ta druhá (z nich, rovnice)", "вторая (из них,
#: формула)", "drugi (z nich, wzór)".
_REFERENCE = (r"(?:(?:the|ten|ta|to)\s+)?(?P<order>" + _ORDINAL + r")"
              r"(?:\s+(?:of\s+(?:these|them|those|the\s+(?:two|three))(?:\s+(?:formulas|equations|identities))?"
              r"|one|formula|equation|identity|expression|display"
              r"|z\s+(?:nich|těchto|obou|tří)|vzorec|vztah|rovnost|rovnice|výraz"
              r"|из\s+(?:них|этих|двух|тр[её]х)|формул\w*|равенств\w*|выражени\w*"
              r"|z\s+(?:nich|tych|dwóch|trzech)|wzór|równość|formuła))?")
#: A plain verdict: the formula is wrong, or it is right.
_WRONG = (r"wrong|incorrect|false|invalid|mistaken|erroneous|an?\s+(?:mistake|typo|error|slip|misprint)"
          r"|špatně|špatn[ýáé]|chybně|chybn[ýáé]|nesprávně|nesprávn[ýáé]|chyba|překlep"
          r"|неверн[аоыйя]?|ошибочн[аоыйя]?|неправильн[аоыйя]?|ложн[аоыйя]?|ошибка|опечатка"
          r"|błędn[yaie]|fałszyw[yaie]|niepoprawn[yaie]|zł[yae]|źle|błąd|literówka")
_RIGHT = (r"right|correct|true|valid|fine|holds"
          r"|správně|správn[ýáé]|platí|pravdiv[ýáé]|dobře"
          r"|верн[аоыйя]?|правильн[аоыйя]?|справедлив[аоыйя]?|выполняется"
          r"|poprawn[yaie]|prawdziw[yaie]|dobr[yaeo]|dobrze|zachodzi")
_CLAUSE = re.compile(
    _REFERENCE + r"(?:\s*[—–-]\s*|\s+(?:is|was|je|jest|byl[aoy]?|by[łl][aoy]?|это)\s+|\s+)?"
    r"(?:(?:also|too|likewise|také|rovněž|тоже|также|też|również)\s+)?"
    r"(?:(?P<wrong>" + _WRONG + r")|(?P<right>" + _RIGHT + r"))(?!\w)", re.IGNORECASE)
#: All that may stand between two clauses: a comma or a semicolon, "and", "but", "while" (a, ale, и, а, но, i, …).
_JOIN = re.compile(r"(?:\s*[,;]\s*(?:(?:and|but|while|whereas|a|ale|zatímco|kdežto|и|а|но|i|natomiast|lecz)\s+)?"
                   r"|\s+(?:and|but|while|whereas|a|ale|zatímco|kdežto|и|а|но|i|natomiast|lecz)\s+)", re.IGNORECASE)
#: The end of the sentence after the last clause.
_END = re.compile(r"[\s.!]*", re.IGNORECASE)
#: Words that may lead into the verdicts and change nothing of them: "In fact, the first of these is wrong", "Of these,
#: the first is wrong", "We claim that …", "It turns out that …", "Note: …" (review rv44 A10: before, a verdict that
#: did not open its sentence was neither read nor guarded). Any other lead ("With the cost doubled, …", "If …") and
#: nothing is read.
_LEAD = re.compile(r"(?:(?:in\s+fact|indeed|clearly|obviously|of\s+course|here|note(?:\s+that)?|we\s+(?:claim|see|note)"
                   r"\s+that|it\s+turns\s+out(?:\s+that)?|of\s+(?:these|them|those|the\s+(?:two|three))"
                   r"|ve\s+skutečnosti|zřejmě|zde|na\s+самом\s+деле|очевидно|здесь|w\s+rzeczywistości|oczywiście|tutaj)"
                   r"(?:\s*[,:—–-]\s*|\s+))*", re.IGNORECASE)
#: "Only" right before the one reference: it is so, and each other formula is the opposite ("Only the second of these
#: is right": the first is wrong).
_ONLY = re.compile(r"(?:only|jen|pouze|только|лишь|tylko)\s+", re.IGNORECASE)
#: Words of a reference that speak of several formulas: "the first of these", "the second of the two", "the top one".
_SEVERAL = re.compile(r"\b(?:first|první|перв\w*|pierwsz\w*|top|bottom|these|them|those|two|three|nich|těchto|obou|tří|них|этих|двух|тр[её]х|tych|dwóch|trzech)\b",
                      re.IGNORECASE)
#: Orders that speak of two formulas only: "the former", "the latter", "the upper", "the lower".
_PAIRED = re.compile(r"former|latter|upper|lower|horní|dolní|верхн\w*|нижн\w*|górn\w*|doln\w*", re.IGNORECASE)

#: References back that pick a formula by where it stands or by a number ("the upper formula", "the top one",
#: "Formula (1)", "the formula on the first line"): ``unreadwords`` guards a verdict sentence that holds one, wherever
#: it stands in it (``verdicts`` reads "the upper", "the top one"; a number or a line, never).
PLACED = re.compile(
    r"\b(?:upper|lower|top|bottom)\s+(?:formula|equation|identity|expression|display|one|line)\b"
    r"|\b(?:formula|equation|identity|eq\.?|vzorec|vztah|rovnice|rovnost|формул\w*|равенств\w*|уравнени\w*|wz[oó]r\w*"
    r"|równa\w*|równoś\w*)\s*\(\s*\d+\s*\)"
    r"|\b(?:on|in)\s+the\s+(?:first|second|third|last|top|bottom|upper|lower|previous)\s+line\b"
    r"|\b(?:horní|dolní)\s+(?:vzorec|vztah|rovnice|rovnost)\b|\b(?:верхн|нижн)\w*\s+(?:формул\w*|равенств\w*)"
    r"|\b(?:górn|doln)\w*\s+(?:wzór|równość|formuła)", re.IGNORECASE)


#: Words that introduce formulas after them, a group of their own: a clause ending in a colon ("we consider two
#: candidates:"), "the following", "two candidates", "consider", "compare" (cs, ru, pl alike).
_INTRODUCES = re.compile(
    r":\s*$|\b(?:the\s+following|(?:two|three|several|some|these|other|alternative)\s+(?:candidates|options|alternatives"
    r"|variants|versions|possibilities|guesses|formulas|equations|expressions)|consider|compare|následující|uvažujme"
    r"|porovnejme|dv[aě]\s+(?:kandidát\w*|možnost\w*|vzorc\w*)|следующ\w*|рассмотрим|сравним|дв[ае]\s+(?:кандидат\w*"
    r"|вариант\w*|формул\w*)|następując\w*|rozważmy|porównajmy|dw[aie]\s+(?:kandydat\w*|możliwoś\w*|wzor\w*))\b",
    re.IGNORECASE)
#: Words that join two formulas of one group: "and", "or", "as well as", a comma (a, nebo, и, или, i, lub).
_JOINS = re.compile(r"[\s,;.]*(?:(?:and|or|as\s+well\s+as|a|nebo|и|или|i|lub|albo)[\s,;.]*)?", re.IGNORECASE)


def group(gaps: "list[str]") -> "tuple[int, bool] | None":
    """(the index of the first formula a reference back after ``len(gaps) + 1`` formulas speaks of, whether words
    introduce it) given the words in each gap between a formula and the next (formulas masked, white space and
    delimiters only where none: ""); None when words between them that neither join nor introduce leave it unsure
    which formulas "these" are (see the module)."""
    first, introduced = 0, False
    for n, gap in enumerate(gaps):
        if _INTRODUCES.search(gap):
            first, introduced = n + 1, True
        elif not _JOINS.fullmatch(gap):
            return None
    return first, introduced


def _index(order: str) -> int:
    return next(n for words, n in _ORDER if re.fullmatch(words, order, re.IGNORECASE))


def verdicts(words: str, count: int, alone: bool = True) -> "dict[int, str] | None":
    """{index of a formula among the ``count`` before: 'wrong' or 'right'} that ``words`` (a sentence from its
    reference back to its end, formulas masked) say, or None when the sentence is not only such verdicts, when
    "the former"/"the latter" speak of other than two formulas, an order is past them, or one is judged twice.
    Not ``alone`` (other formulas stand before the ``count`` in their paragraph, which "the first" may count too):
    only references from the end are read ("the last", "the previous formula").

    >>> verdicts("The last one is wrong.", 2, alone=False), verdicts("The first one is wrong.", 2, alone=False)
    ({1: 'wrong'}, None)
    """
    out: dict = {}
    at = _LEAD.match(words).end()
    only = _ONLY.match(words, at)
    at, pairs = only.end() if only else at, False
    for m in _CLAUSE.finditer(words, at):
        gap = words[at:m.start()]
        if not (gap.strip() == "" and not out or out and _JOIN.fullmatch(gap)):
            return None
        order = m.group("order")
        pairs = pairs or bool(_PAIRED.fullmatch(order))
        index = _index(order)
        if index >= 0 and not alone or count < 2 and _SEVERAL.search(words[:m.end()]):
            return None
        index = count + index if index < 0 else index
        if not 0 <= index < count or index in out:
            return None
        out[index] = "wrong" if m.group("wrong") else "right"
        at = m.end()
    if not out or not _END.fullmatch(words[at:]) or pairs and count != 2:
        return None
    if only:  # the one named is so, every other formula the opposite: all of them counted
        if len(out) != 1 or not alone or count < 2:
            return None
        (index, verdict), = out.items()
        out = {n: verdict if n == index else "right" if verdict == "wrong" else "wrong" for n in range(count)}
    return out


__all__ = ["PLACED", "group", "verdicts"]
