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
"""

from __future__ import annotations

import re

#: The words that pick a formula by its order, and which of the formulas before they pick (0 the first, -1 the last).
_ORDER = ((r"first|former|první|перв\w*|pierwsz\w*", 0),
          (r"second|druh[áýé]|втор\w*|drug[iaeo]", 1),
          (r"third|třetí|треть\w*|trzec\w*", 2),
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
    at, pairs = 0, False
    for m in _CLAUSE.finditer(words):
        gap = words[at:m.start()]
        if not (gap.strip() == "" and at == 0 or at > 0 and _JOIN.fullmatch(gap)):
            return None
        order = m.group("order").lower()
        pairs = pairs or order in ("former", "latter")
        index = _index(order)
        if index >= 0 and not alone:
            return None
        index = count + index if index < 0 else index
        if not 0 <= index < count or index in out:
            return None
        out[index] = "wrong" if m.group("wrong") else "right"
        at = m.end()
    if not out or not _END.fullmatch(words[at:]) or pairs and count != 2:
        return None
    return out


__all__ = ["verdicts"]
