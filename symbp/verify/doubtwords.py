r"""Words touching a formula that judge or negate it in a way no reader of symbp reads: it is left unjudged.

``denials`` lists the phrases whose meaning is clear: they call the formula false, and ``negation`` judges the
notes' statement "this is false". Other words judge or negate a formula as surely, but what they make of it is not
clear, and reading them either way may turn the verdict upside down (issue 12): a hedge that announces a mistake
("Naively, $…$", "Seemingly, $…$"), a negated verb ("We do not have $…$", "Nemáme", "Nie mamy", "У нас нет"), a
verdict word whose scope is not said ("$…$ is nonsense", "is hardly true", "nefunguje", "ерунда", "bzdura"), a
speaker called wrong in the next sentence ("Some claim $…$. They are wrong.", "Mýlí se.", "Они ошибаются.", "Mylą
się."), or a verdict that opens the next sentence and goes on about what was said ("$…$ applied entrywise. Wrong:
it mixes the layers": which formula is meant is not read), a belief judged by an adverb and then negated ("Students
rightly think $…$ is false", "Studenti se mylně domnívají, že $…$ neplatí": whose word the negation is, is not
read), words that deny the formula follows rather than that it holds ("One cannot conclude that", "It does not follow
that", "There is no reason to believe that", "a common trap", "nemá smysl", "bez sensu"; issue 14), and formulas joined
so that none is stated ("Neither $A$ nor $B$ holds", "Exactly one of $A$ and $B$ holds", ``coordinated``). The formula
is not judged: ``negation`` marks it 'unclear', quoting the words. Closed lists (English, Czech,
Russian, Polish); plain sentences ("We have $…$", "Note that", "It is not hard to see that") are not in them.

>>> unclear("Naively, ", "", "")
'Naively,'
>>> unclear("We do not have ", ".", ""), unclear("We have ", ".", "")
('We do not have', None)
>>> unclear("", " is nonsense.", " is nonsense."), unclear("Some claim ", ".", ". Mýlí se.")
('is nonsense', 'Mýlí se')
>>> unclear("", " applied entrywise.", " applied entrywise. Wrong: it mixes the layers.")
'Wrong: it mixes the layers'
>>> unclear("Students rightly think ", " is false.", "", denied="is false")
'rightly think … is false'
"""

from __future__ import annotations

import re

from .denials import LEAD_CLAUSE

#: A hedge that announces the formula is about to be shown wrong: "Naively,", "Seemingly", "At first sight".
_HEDGE = re.compile(
    r"\b(?:naively|naïvely|seemingly|at\s+first\s+(?:sight|glance)|on\s+the\s+face\s+of\s+it|naivně|zdánlivě"
    r"|na\s+první\s+pohled|наивно|на\s+первый\s+взгляд|казалось\s+бы|naiwnie|pozornie|na\s+pierwszy\s+rzut\s+oka)(?!\w)",
    re.I)
#: Where the words before a formula end: its opening delimiter, "that", commas, colons.
_EDGE = r"(?:\s*,?\s*(?:that|že|что|że)(?!\w))?[\s,:—–-]*(?:\$|\\\[|\\\(|\\begin\s*\{[A-Za-z*]+\})*\s*$"
#: A negated verb of having right before the formula: "We do not have", "Nemáme", "Nie mamy", "У нас нет".
_NOT_HAVE = re.compile(
    r"(?P<w>\b(?:we|one|you)\s+(?:do\s+not|don['’]t|does\s+not|doesn['’]t|cannot|can['’]t)\s+(?:have|get|obtain)"
    r"|\bne(?:máme|dostaneme|dostáváme|platí\s+nám)|\bnie\s+(?:mamy|otrzymujemy|dostajemy)"
    r"|\bу\s+нас\s+нет|\bне\s+(?:имеем|получаем)|\bмы\s+не\s+(?:имеем|получаем))" + _EDGE, re.I)
#: Words that deny the formula follows, or that there is a reason for it, not that it is false (issue 14): "One cannot
#: conclude that", "It does not follow that", "There is no reason to believe that", "A common trap:", "Nelze usoudit,
#: že", "Z toho nevyplývá, že", "Отсюда не следует, что", "Nie wynika z tego, że". Only right before the formula:
#: "It does not follow the usual convention: $…$" is no such words.
_NOT_FOLLOWING = re.compile(
    r"(?P<w>\b(?:one|we|you)\s+(?:cannot|can['’]t|can\s+not)\s+(?:(?:simply|just)\s+)?(?:conclude|infer|deduce)"
    r"|\bit\s+(?:does\s+not|doesn['’]t)\s+(?:(?:necessarily|immediately)\s+)?follow(?:\s+from\s+(?:this|that|here|the\s+above))?"
    r"|\bthere\s+is\s+no\s+reason\s+to\s+(?:believe|think|expect|assume|suppose)"
    r"|\b(?:(?:a|the)\s+)?(?:(?:common|typical|classic|frequent)\s+)?trap(?:\s+is\s+to\s+(?:write|think|believe))?"
    r"|\bnelze\s+(?:usoudit|vyvodit|odvodit)|\b(?:z\s+toho\s+|odtud\s+)?(?:nevyplývá|neplyne)(?:\s+z\s+toho)?"
    r"|\bnení\s+důvod\s+(?:se\s+domnívat|si\s+myslet|věřit)|\b(?:častou\s+|typickou\s+)?pastí\s+je|\b(?:častá|typická|klasická)\s+past"
    r"|\bнельзя\s+(?:заключить|сделать\s+вывод)|\b(?:отсюда\s+|из\s+этого\s+)?не\s+следует"
    r"|\bнет\s+(?:никаких\s+)?оснований\s+(?:считать|полагать|думать)|\bловушка\s*:"
    r"|\bnie\s+można\s+(?:wnioskować|wywnioskować)|\b(?:z\s+tego\s+|stąd\s+)?nie\s+wynika(?:\s+z\s+tego)?"
    r"|\bnie\s+ma\s+powodu\s+(?:sądzić|uważać|myśleć)|\bpułapka\s*:)" + _EDGE, re.I)
#: A verdict word before the formula whose scope is not said: "Hardly true:", "It is hardly true that", "Nonsense:".
_VERDICT_BEFORE = re.compile(
    r"(?P<w>\b(?:it\s+is\s+)?hardly\s+(?:true|correct|valid)|\b(?:nonsense|rubbish|nesmysl|ерунда|чепуха|чушь|бред"
    r"|bzdura|nonsens)\s*:)" + _EDGE, re.I)
#: A verdict word right after the formula: "is nonsense", "is hardly true", "nefunguje", "— ерунда", "to bzdura".
_VERDICT_AFTER = re.compile(
    r"^(?:\s|\$|\\\]|\\\)|\\end\s*\{[A-Za-z*]+\}|[,—–-])*(?P<w>(?:(?:is|are)\s+)?(?:(?:utter|complete|pure)\s+)?(?:nonsense"
    r"|rubbish|bogus|meaningless)|(?:(?:is|are)\s+)?hardly\s+(?:true|correct|valid)|(?:does\s+not|doesn['’]t|do\s+not"
    r"|don['’]t)\s+work|(?:(?:je|to\s+je)\s+)?(?:nesmysl|nefunguj\w*)|(?:это\s+)?(?:ерунда|чепуха|чушь|бред)"
    r"|не\s+работает|(?:(?:to|jest)\s+)?(?:bzdura|nonsens)|nie\s+działa"
    # issue 14: "is a common trap", "je bez sensu", "nemá smysl", "не имеет смысла", "nie ma sensu"
    r"|(?:is|are)\s+an?\s+(?:(?:common|typical|classic|frequent)\s+)?trap|(?:(?:je|to\s+je|to|jest)\s+)?bez\s+sensu"
    r"|nemá\s+smysl|не\s+имеет\s+смысла|nie\s+ma\s+sensu)(?!\w)", re.I)
#: The next sentence calls a speaker wrong: "They are wrong.", "Mýlí se.", "Они ошибаются.", "Mylą się.".
_SPEAKER_WRONG = re.compile(
    r"^(?:(?!\n[ \t]*\n)[^.!?])*[.!?]\s+(?P<w>(?:but\s+)?(?:they|he|she|the\s+authors?)\s+(?:are|is)\s+(?:wrong|mistaken)"
    r"|(?:(?:oni|ona|on)\s+)?(?:se\s+mýl\w*|mýl\w*\s+se)|(?:(?:они|он|она)\s+)?ошиба\w*|(?:(?:oni|ona|on)\s+)?myl\w*\s+się)"
    r"\s*[.!]", re.I)
#: The next sentence opens with a verdict and goes on about something said before, not a formula after it: "$$…$$
#: applied entrywise. Wrong: it mixes the layers." (which formula, and what of it, is wrong is not read).
_WRONG_NEXT = re.compile(
    r"^(?:(?:(?!\n[ \t]*\n)[^.!?])*[.!?])?\s+(?P<w>(?:wrong|incorrect|false|mistaken|not\s+(?:true|correct)|chybně|špatně"
    r"|nesprávně|neplatí|неверно|неправильно|ошибка|błędnie|źle|niepoprawnie|nieprawda)\s*[:!—–-]\s*(?![\s$\\])[^.!?\n$]*)",
    re.I)
#: A belief judged by an adverb: "Students rightly think", "Studenti se mylně domnívají", "ошибочно полагают".
_JUDGED_BELIEF = re.compile(
    r"\b(?:rightly|correctly|wrongly|mistakenly|incorrectly|justly|správně|oprávněně|mylně|chybně|правильно|справедливо"
    r"|ошибочно|неверно|słusznie|poprawnie|błędnie|mylnie)\s+(?:(?:se|si|się)\s+)?(?:think|thinks|believe|believes"
    r"|claim|claims|assume|assumes|write|writes|state|states|say|says|píší|píšou|píše|uvádějí|domnív\w*|myslí|věří|tvrdí"
    r"|считают|считает|думают|думает|полагают|полагает|утверждают|пишут|пишет|uważają|uważa|sądzą|sądzi|myślą|twierdzą"
    r"|piszą|pisze)\b", re.I)


#: "Neither … nor" (cs, pl "ani … ani", ru "ни … ни") with the formula after the first word, and before the second
#: or a few words after it (issue 14): the notes deny each formula so joined, or say something else of it.
_NEITHER = re.compile(r"\b(?:neither|ani|ни)(?!\w)(?:(?!\n[ \t]*\n).)*?(?<!\w)(?:nor|ani|ни)(?!\w)", re.I | re.S)
#: What may stand between "nor" and the formula: a few words, no clause break, no other formula.
_NOR_TO_FORMULA = re.compile(r"[^,;:$\\.!?]{0,40}")
#: "Exactly one of" (cs "právě jeden z", ru "ровно один из", pl "dokładnie jeden z") before the formula: the notes
#: claim one of the formulas, not which.
_EXACTLY = re.compile(r"\b(?:exactly|precisely)\s+one\s+of(?!\w)|\b(?:právě|přesně)\s+jed(?:en|na|no|nom|ním)\s+ze?(?!\w)"
                      r"|\bровно\s+од(?:ин|на|но|ного|ной|ному)\s+из(?!\w)"
                      r"|\bdokładnie\s+jed(?:en|na|no|nego|nej|nym)\s+ze?(?!\w)", re.I)

#: Where a sentence goes on from "exactly one of …" to a statement of its own: ";", "hence", "so", "proto", "поэтому".
_GOES_ON_TO = re.compile(r";|\b(?:hence|so|thus|therefore|then|whence|tedy|proto|takže|tudíž|поэтому|значит|следовательно"
                         r"|więc|zatem|dlatego|stąd)(?!\w)", re.I)


def coordinated(before: str, after: str) -> "str | None":
    r"""The words that join the formula to others in a way that states none of them, or None: "Neither $A$ nor $B$
    holds" (the formula after "neither", before "nor" or right after it), "Exactly one of $A$ and $B$ holds" (the
    formula after "exactly one of" in its sentence). ``before`` and ``after``: the words of its sentence.

    >>> coordinated("Neither ", " nor $b = c$ holds."), coordinated("Neither $a = b$ nor ", " holds.")
    ('Neither … nor', 'Neither … nor')
    >>> coordinated("Neither $a = b$ nor $b = c$ holds, so ", "."), coordinated("Exactly one of ", " holds.")
    (None, 'Exactly one of')
    >>> coordinated("Exactly one of the outputs fires, so ", ".") is None
    True
    """
    sentence, at = before + "\0" + after, len(before)
    for m in _NEITHER.finditer(sentence):
        if m.start() < at and (at < m.end() or _NOR_TO_FORMULA.fullmatch(sentence, m.end(), at)):
            first, last = m.group(0).split(None, 1)[0], sentence[m.start():m.end()].split()[-1]
            return f"{first} \u2026 {last}"
    m = _EXACTLY.search(before)
    if m is None or _GOES_ON_TO.search(before, m.end()):  # "Exactly one of the outputs fires; hence $…$": stated
        return None
    return " ".join(m.group(0).split())

def unclear(before: str, after: str, following: str, *, denied: str = "") -> "str | None":
    """The words touching a formula that judge or negate it unclearly (see the module), or None. ``before`` and
    ``after``: the words of its sentence before and after it; ``following``: the text after it, on into the next
    sentence; ``denied``: words after it that call it false, already read (``denials.FALSE_AFTER``)."""
    clause = LEAD_CLAUSE.split(before)[-1]
    if denied and (m := _JUDGED_BELIEF.search(clause)):
        return " ".join(f"{clause[m.start():].strip()} … {denied}".split())
    if (m := _HEDGE.search(clause)) and "$" not in clause[m.end():] and "\\(" not in clause[m.end():]:
        return " ".join(clause[m.start():].split()).rstrip(" $")
    for m in (_NOT_HAVE.search(before), _NOT_FOLLOWING.search(before), _VERDICT_BEFORE.search(before), _VERDICT_AFTER.match(after),
              _SPEAKER_WRONG.match(following), _WRONG_NEXT.match(following)):
        if m:
            return " ".join(m.group("w").split())
    return None


__all__ = ["coordinated", "unclear"]
