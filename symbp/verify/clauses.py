r"""The clause of a sentence that says something, apart from the consequences the sentence draws after it.

"The target $y$ is one-hot, so we do not need the other terms." makes the assumption: the "not" is in the
consequence ("so we do not need …"), not in what is assumed. A negation drops an assumption only when it is in the
assumption's own clause ("$y$ is not one-hot", "we do not assume one-hot targets") or in a clause that turns
against it ("…, but we cannot"): ``own_clause`` cuts a sentence at ";" and at the words that start a consequence
(", so", ", hence", ", thus", ", therefore", ", which"; cs "takže", "a proto", "proto"; pl "więc", "zatem",
"dlatego"; ru "поэтому", "так что", "значит"), never at "but" and its kin (review 24 R4).

>>> s = "The target $y$ is one-hot, so we do not need the other terms."
>>> own_clause(s, s.index("one-hot"), s.index("one-hot") + 7)
'The target $y$ is one-hot'
>>> s = "We would like to assume that $y$ is one-hot, but we cannot."
>>> own_clause(s, s.index("one-hot"), s.index("one-hot") + 7) == s
True
>>> s = "We do not use a bias; $y$ is one-hot."
>>> own_clause(s, s.index("$y$"), s.index("$y$") + 3)
' $y$ is one-hot.'
"""

from __future__ import annotations

import re

from .sentences import masked

#: Where a consequence (or another statement) starts: the words before it are the clause that says something.
_CUT = re.compile(r";|,\s*(?:and\s+)?(?:so|hence|thus|therefore|which|that\s+is\s+why)\b|\bso\s+that\b"
                  r"|,?\s*(?:takže|a\s+proto|proto|tudíž|a\s+tak)\b|,?\s*(?:więc|zatem|dlatego|a\s+zatem)\b"
                  r"|,?\s*(?:поэтому|так\s+что|значит|следовательно)(?![А-Яа-яЁё])", re.I)


#: Words of a later clause that speak of the assumption's truth ("…, which does not hold in general", "; this is
#: not true"): a negation there still takes the assumption back.
_TRUTH = re.compile(r"\b(?:hold\w*|true|untrue|false|valid|the\s+case|correct|wrong|assum\w*|one[- ]?hot|platí|neplatí"
                    r"|pravd\w*|předpokl\w*|prawd\w*|obowiązuj\w*|zakład\w*|słuszn\w*)\b"
                    r"|(?<![А-Яа-яЁё])(?:верн\w*|неверн\w*|выполня\w*|справедлив\w*|предпол\w*|истинн\w*|ложн\w*)", re.I)


def own_clause(sentence: str, start: int, end: int) -> str:
    """The part of ``sentence`` around ``sentence[start:end]`` between the cuts before and after it (its math is
    never cut)."""
    plain = masked(sentence)
    cuts = [(m.start(), m.end()) for m in _CUT.finditer(plain)]
    left = max((e for s, e in cuts if e <= start), default=0)
    right = min((s for s, e in cuts if s >= end), default=len(sentence))
    return sentence[left:right]


def taken_back(sentence: str, start: int, end: int, denies) -> bool:
    """Whether ``denies`` (a test of words) finds ``sentence[start:end]``'s own clause denied, or a later clause of
    the sentence that speaks of its truth ("…, which does not hold in general").

    >>> from .sentences import doubts
    >>> s = "Assume $a = 1$, which does not hold in general."
    >>> taken_back(s, 7, 14, doubts), taken_back("Assume $a = 1$; this does not change the network.", 7, 14, doubts)
    (True, False)
    """
    if denies(own_clause(sentence, start, end)):
        return True
    plain = masked(sentence)
    cuts = [m.start() for m in _CUT.finditer(plain) if m.start() >= end] + [len(sentence)]
    return any(denies(sentence[a:b]) and _TRUTH.search(masked(sentence[a:b])) for a, b in zip(cuts, cuts[1:]))


__all__ = ["own_clause", "taken_back"]
