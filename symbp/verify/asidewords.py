r"""Words that undo an aside or a confinement (review 25, A3 and A5): a heading that says its section is *not* an
aside ("Section 2 (not an aside)", "no digression", "End of the digression", "Back from the aside"), a confinement
that is negated ("Not just for this section", "It is not true that only this section …", ru "Не только в этом
разделе", pl "Nie tylko w tej sekcji"), and words in a definition's own sentence that say it lasts beyond its
section ("from now on", "for the rest of the notes", cs "až do konce textu").

>>> bool(denies_aside("Section 2 (not an aside)")), bool(denies_aside("End of the digression"))
(True, True)
>>> bool(denies_aside("Aside: comparison"))
False
>>> negated_before("It is not true that "), negated_before("Не "), negated_before("We saw that ")
(True, True, False)
"""

from __future__ import annotations

import re

#: A heading that says its section is not an aside, or that the aside is over (en/cs/ru/pl).
_DENIES_ASIDE = re.compile(
    r"\b(?:not|no|non)[-\s]+(?:an?\s+|the\s+)?(?:aside|digression|excursus|side\s*note|comparison)"
    r"|\b(?:end|close)\s+of\s+(?:the\s+|this\s+|our\s+)?(?:aside|digression|excursus|side\s*note|comparison)"
    r"|\b(?:back|return\w*)\s+(?:from|after)\b|\bafter\s+the\s+(?:aside|digression|excursus)"
    r"|\b(?:aside|digression|excursus)\s+(?:ends|ended|is\s+over|over|done)\b"
    r"|\b(?:odbočk|vsuvk|exkurz)\w*\s+(?:končí|skonč\w*)|\bkonec\s+(?:odbočk|vsuvk|exkurz)\w*"
    r"|\bne(?:ní)?\s+(?:odbočk|vsuvk|exkurz)\w*|\bžádn\w*\s+(?:odbočk|vsuvk)\w*|\bnávrat\w*|\bzpět\b"
    r"|\bконец\s+(?:отступлени|экскурс)\w*|\bне\s+(?:отступлени|экскурс)\w*|\bбез\s+отступлени\w*"
    r"|\b(?:отступлени|экскурс)\w*\s+(?:законч|оконч)\w*|\bвозвра\w*"
    r"|\bkoniec\s+(?:dygresj|ekskurs)\w*|\bnie\s+(?:dygresj|ekskurs)\w*|\bbez\s+dygresj\w*|\bpowr[óo]t\w*|\bwracamy\b",
    re.I)
#: A negation right before a confinement: "not", "n't", "not true that", "not only", cs "nejen", ru/pl/cs "не/nie/ne".
_NEGATION_BEFORE = re.compile(
    r"(?:\bnot\b|n['’]t\b|\bnejen\b|\bne\b|\bне\b|\bnie\b)\s+(?:(?:true|the\s+case|so)\s+that\s+|pravda,?\s+že\s+"
    r"|правда,?\s+что\s+|prawda,?\s+że\s+)?(?:[\w’']+\s+)?$", re.I)
#: Words in a definition's own sentence that it lasts beyond its section.
LASTS = re.compile(
    r"\bfrom\s+now\s+on\b|\bhenceforth\b|\bfrom\s+here\s+on\b|\bhereafter\b"
    r"|\b(?:for\s+)?the\s+rest\s+of\s+(?:the|these|our)\s+(?:notes|text|course|book|lectures?)\b"
    r"|\buntil\s+the\s+end\s+of\s+(?:the|these|our)\s+(?:notes|text|course|book)\b|\bthroughout\b"
    r"|\bod\s*teď\b|\bodnynějška\b|\bdo\s+konce\s+(?:textu|poznámek|kurzu)|\bотныне\b|\bдо\s+конца\s+(?:текста|курса)"
    r"|\bod\s+teraz\b|\bodtąd\b|\bdo\s+końca\s+(?:tekstu|notatek|kursu)", re.I)

#: Words besides "in this section" that keep a definition to a stretch of the notes (cs/ru/pl too).
KEPT_TO = re.compile(
    r"\b(?:of|for)\s+this\s+(?:section|subsection|chapter|part|example|lecture)\b|\bthis\s+(?:section|subsection"
    r"|chapter|part|example)\s+(?:alone|only)\b|\b(?:only|just)\s+(?:in\s+)?this\s+(?:section|subsection|chapter|part"
    r"|example)\b|\bjust\s+for\s+this\b|\btemporar\w*|\bnowhere\s+else\b"
    r"|\bdočasně\b|\bpouze\s+zde\b|\bвременно\b|\bтолько\s+здесь\b|\btymczasowo\b|\btylko\s+tutaj\b", re.I)


def denies_aside(title: str) -> bool:
    """Does the heading ``title`` say its section is not an aside (or that the aside ends)?"""
    return _DENIES_ASIDE.search(title) is not None


def negated_before(words: str) -> bool:
    """Do ``words`` (the sentence up to a confinement) end in a negation of it ("Not just", "It is not true that
    only", "Не только")?"""
    return _NEGATION_BEFORE.search(words) is not None
