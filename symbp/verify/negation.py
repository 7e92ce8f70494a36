r"""Formulas the notes' own words deny: a claim they call false, a value they say they do not assume.

Notes quote wrong formulas to warn against them ("It is not true that $…$", "A common mistake is to write
$$…$$", "$w_{12} = w_{21}$ fails in general"; "Neplatí, že", "Неверно, что", "Nie jest prawdą, że") and name
what they do not assume ("We do not assume $w_{12} = w_{21}$"). Judging such a formula as the notes' claim turns
the verdict upside down, and taking the value into the model makes false claims hold. Two kinds:

* a **negated claim** (``"false"``): words that call the formula false or a mistake, right before it in its
  sentence ("it is not true that", "a common mistake is to write", "wrong:") or right after it ("is false",
  "does not hold", "fails"). It is checked, and the verdict reported is that of the notes' statement "this is
  false" (``negverdict.negated_verdict``): refuted becomes holds, holds becomes refuted, a conditional verdict is
  undecided, any other verdict stays with a reason saying the notes negate it;
* a value **not assumed** (``"not assumed"``): a negated assumption word governing the formula ("we do not
  assume", "nowhere do we assume that", "it would be wrong to assume"; "nepředpokládáme, že", "не
  предполагаем, что", "nie zakładamy, że"). Neither a claim nor part of the model: prose, with the reason.

The words must govern the formula: they end right where it starts (only "that", a colon, a comma, a display's
opening delimiter between), or begin right where it ends; a "not" elsewhere in a long sentence changes nothing.
Between the parts of a phrase only a closed list of words may stand, who makes the mistake or where ("a common
mistake *for beginners* is to write", "a frequent error *in exams* is", "častou chybou *začátečníků* je psát");
an adverb calls what is written a mistake ("students often *wrongly* write", "chybně píší", "ошибочно пишут",
"błędnie piszą"). A negation right before the words turns them round ("This is not a common mistake:"): the
formula is the notes' claim. A sentence that lists formulas, each called false by its own words ("It is not true
that $$A$$, and $$B$$ is wrong too"), denies each; other math in the sentence may be a condition. A denial of
something said about the formula (words after it that go on what is denied: "It is not true that $$…$$ is
restricted to …", "Do not write $$…$$ with …"), a "wrong:" with another subject ("Slide 12 is wrong:"), and a denial
asked as a question ("$$…$$ is false? No.") are 'qualified' too. A denial under
a condition that is not read ("It is not true that $$…$$ for the hidden layers") is 'qualified': the row is
uninterpretable, never a plain verdict. Words after a display that go on its sentence and change it ("$$…$$
multiplied by two", ``denials.GOES_ON``) make the row uninterpretable too. A display's sentence goes on over a blank
line (``sentences``). The word lists are in ``denials``.

>>> negation("It is not true that\n$$a = b$$\n", 2, "a = b").kind
'false'
>>> negation("We do not assume $w_{12} = w_{21}$.", 1, "w_{12} = w_{21}").kind
'not assumed'
>>> negation("In general $x_1 = x_2$ does not hold.", 1, "x_1 = x_2").words
'does not hold'
>>> negation("It is not clear at first, but $a = b$.", 1, "a = b") is None
True
>>> negation("A frequent error in exams is $a = b$.", 1, "a = b").words
'frequent error in exams is'
>>> negation("A common error function is $a = b$.", 1, "a = b") is None  # not who makes a mistake: not read
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .denials import (ADVERB, COLON_JUDGED, CONTRAST, EXCLAIMED, FALSE_AFTER, FALSE_BEFORE, GOES_ON, LEAD_CLAUSE, NEGATION, NOT_ASSUMED, OWN_NEXT, OWN_NEXT_LONGER, OWN_PARAGRAPH,
                      OWN_PARAGRAPH_LONGER,
                      NOT_BEFORE, PLAIN_SUBJECT, PLAIN_TAIL, PROSE_CONDITION, QUALIFIED, REPORTED, TURNED)
from .doubtwords import coordinated, unclear
from .extract import Formula
from .graphexamples import JOINED_CONDITION, sentence_around
from .negverdict import GOES_ON_MARK, ROW, SEP, UNCLEAR, UNDER

#: The opening and the closing of a display: a math environment, \\[ \\], $$.
_DISPLAY_EVENT = re.compile(r"\\(?:begin|end)\s*\{(?:equation|align|alignat|flalign|gather|multline|eqnarray|split"
                            r"|aligned|gathered|alignedat|dmath|IEEEeqnarray|displaymath|array)\*?\}|\\\[|\\\]|\$\$")


def _reported(lead: str, after_words: bool) -> bool:
    """The last clause of ``lead`` reports a belief or asks ("students think that"), or, for words after the
    formula (``after_words``), negates ("we cannot say that"): the words calling the formula false are not read."""
    clause = LEAD_CLAUSE.split(lead)[-1]
    return bool(REPORTED.search(clause) or (after_words and NEGATION.search(clause)))


@dataclass(frozen=True)
class Negation:
    """``kind`` is 'false' (a claim the notes call false), 'not assumed', 'row' (a later row of a display that the
    words before it call false or not assumed: which rows they mean is not said), 'qualified' (called false under
    ``condition``, words symbp does not read), 'goes on' (a display whose sentence goes on with words that change
    it, ``GOES_ON``: ``words`` are they) or 'unclear' (words that judge or negate it unclearly, ``doubtwords``);
    ``words`` the notes' words."""

    kind: str
    words: str
    condition: str = ""


def negation(text: str, line: int, source: str) -> "Negation | None":
    """What the words around the formula ``source`` (at ``line`` of ``text``) deny of it, or None (see the module
    docstring; a formula not found as written is not negated)."""
    around = sentence_around(text, line, source)
    if around is None:
        return None
    before, written, start = around
    # Markdown's bold by underscores, "__Wrong:__ $$…$$": no word boundary before the word (it was judged as stated)
    before, after = _UNDERSCORES.sub("  ", before), _UNDERSCORES.sub("  ", written)
    if words := coordinated(before, after):  # "Neither $A$ nor $B$ holds": not stated, denied or not (issue 14)
        return Negation("unclear", words)
    found = _negation(text, before, after, start, JOINED_CONDITION.search(source) is not None)
    if found is None and not _CLOSER.sub("", after).strip(" \t\n.,;"):
        found = _denied_below(text, source, start)
    if found is None:  # "Naively, $…$", "We do not have $…$", "$…$ is nonsense": judged or negated, not read
        at = text.find(source, start)
        words = unclear(before, after, text[at + len(source):] if at >= 0 else "")
        return Negation("unclear", words) if words else None
    if found is not None and found.kind == "false" and _asked(text, source, written, start):
        return Negation("qualified", found.words, "asked as a question")  # "$$…$$ is false? No.": not a denial
    if found is not None and found.kind == "false" and _NOT_IN_GENERAL.search(found.words):
        # "It is not true in general that $$δ^L = a^L − y$$": false beyond the notes' setting, perhaps true in it;
        # which setting the words mean is not said (review 22 R3: refuted where it holds for the notes' network)
        return Negation("qualified", found.words, "not in general: whether the notes' own network is meant is not said")
    return found


def _denied_below(text: str, source: str, start: int) -> "Negation | None":
    """A display followed, after a blank line, by a paragraph that is only a sentence calling it false ("$$…$$⏎⏎This is
    incorrect.", "Это неверно."; review rv39): the notes deny it as surely as on the next line."""
    at = text.find(source, start)
    if at < 0:
        return None
    if not (text.startswith("$$", start) or _DISPLAY_OPENER.search(text[:at])):
        # an inline formula, the only one of its sentence, that ends it, and a next sentence that only denies it
        rest = re.sub(r"^\s*(?:\$|\\\))", "", text[at + len(source):])
        around = sentence_around(text, text.count("\n", 0, at) + 1, source)
        if around is None or _SPAN.search(around[0]):
            return None
        m = OWN_NEXT.match(rest)
        return Negation("false", " ".join(m.group("w").split())) if m else _denied_under(OWN_NEXT_LONGER.match(rest))
    rest = re.sub(r"^\s*(?:\$\$|\\\]|\\end\s*\{[A-Za-z*]+\})", "", text[at + len(source):])
    m = OWN_PARAGRAPH.match(rest)
    return Negation("false", " ".join(m.group("w").split())) if m else _denied_under(OWN_PARAGRAPH_LONGER.match(rest))


def _denied_under(m: "re.Match | None") -> "Negation | None":
    """A next sentence that calls the formula false and goes on ("This is incorrect for the output layer.", "Это
    неверно для скрытых слоёв."): the notes deny it under words that are not read ('qualified', never judged as their
    claim; review guard5: it held, though the notes call it wrong where it is right)."""
    if m is None or not m.group("c").strip(" \t\n,;:"):
        return None
    return Negation("qualified", " ".join(m.group("w").split()), _clipped(m.group("c")))


#: Markdown's emphasis by underscores at a word's edge (not a subscript: "$w_1$" has one).
_UNDERSCORES = re.compile(r"(?<![\\_])__(?!_)")

#: Words that deny a formula's generality, not the formula: "not always", "not in general", "not necessarily".
_NOT_IN_GENERAL = re.compile(r"\b(?:always|generally|necessarily|in\s+general|need|needs|can\s+fail|may\s+fail|sometimes|occasionally|vždy|obecně|nutně|всегда|в\s+общем"
                             r"|обязательно|zawsze|ogólnie|w\s+ogólności|koniecznie)\b", re.IGNORECASE)


def _asked(text: str, source: str, after: str, start: int) -> bool:
    """Does the sentence of the formula ``source`` (at ``start`` of ``text``, ``after`` the words after it in its
    sentence) end with a question mark?"""
    at = text.find(source, start)
    if at < 0:
        return False
    end = at + len(source)
    while end < len(text) and text[end] == "$":
        end += 1
    return text.startswith(after, end) and text[end + len(after):end + len(after) + 1] == "?"


def _negation(text: str, before: str, after: str, start: int, joined: bool = False) -> "Negation | None":
    """``negation`` on the sentence around the formula: ``before`` and ``after`` it, ``start`` where it starts;
    ``joined``: the formula is a claim under the prose condition that leads it (``joining``)."""
    if text.startswith("$$", start) or _DISPLAY_OPENER.search(before):
        goes = GOES_ON.match(after)
        if goes and "\n" in after[:goes.start("w")] and after[goes.start("w")].isupper() \
                and not FALSE_BEFORE.search(before) and not NOT_ASSUMED.search(before):
            # "$$…$$⏎If we had assumed …": a capital on a line of its own begins the next sentence (not after a
            # denial: "It is not true that⏎$$…$$⏎Unless l = L." may deny it under the condition only)
            goes = None
        if goes:  # "$$…$$ multiplied by two.": what the words do to the formula is not read
            return Negation("goes on", _clipped(after[goes.start("w"):]))
    m = NOT_ASSUMED.search(before)
    if m:
        return Negation("not assumed", " ".join(m.group("w").split()))
    said = _said(text, before, after, start, joined)
    if said is not None and not said.condition:
        return said
    listed = _listed(before, after)
    if listed:
        return Negation("false", listed)
    if said is not None:
        return said  # "It is not true that $$…$$ for the hidden layers": a denial under a condition not read
    opened = _open_display(text[max(0, start - 3000):start])
    if opened:  # a later row of a display: the words before the display govern its first row
        m = FALSE_BEFORE.search(opened) or NOT_ASSUMED.search(opened)
        if m and not NOT_BEFORE.search(opened[:m.start()]):
            return Negation("row", " ".join(m.group("w").split()))
    return None


#: The end of an earlier display, then a new line (the words after it begin a line of their own).
_CLOSED_BEFORE = re.compile(r"(?:\$\$|\\\]|\\end\s*\{[A-Za-z*]+\})[\s.,;]*\n\s*$")


def _said(text: str, before: str, after: str, start: int, joined: bool = False) -> "Negation | None":
    """The words right before or after the formula that call it false ('false'), with the condition they are put
    under ('qualified': other math or a condition word in the sentence, ``QUALIFIED``); None where there are none,
    or they are turned round, doubled, or part of a belief the sentence reports. Words before a prose condition
    that leads the formula ("It is not true that for $l = L$ we have $…$", ``PROSE_CONDITION``) call false the
    claim under it: 'false' when the formula is read under it (``joined``), else 'qualified' by it."""
    m = FALSE_BEFORE.search(before)
    led = ""  # the prose condition between the words and the formula
    if m is None and (c := PROSE_CONDITION.search(before)) is not None:
        m = FALSE_BEFORE.search(before, 0, c.start())
        if m is not None:
            led, before = before[c.start():], before[:c.start()]
    if m and NOT_BEFORE.search(before[:m.start()]):
        return None  # "This is not a common mistake: $$…$$": the words are turned round, the formula is stated
    words, lead = (m.group("w"), before[:m.start()]) if m else (None, before)
    if words is not None and words[:1].isupper() and _CLOSED_BEFORE.search(lead):
        lead = ""  # "$$…$$⏎Wrong: $$…$$": the capital after the display on a line of its own starts a sentence
    if words is None and not before.strip(" \t\n$"):  # "Wrong!⏎$$…$$": the word is a sentence of its own
        head = text[:start - len(before)].rstrip()
        e = EXCLAIMED.search(head)
        if e and not _AFTER_FORMULA.search(head, 0, e.start("w")):  # "$$…$$⏎Wrong!⏎$$…$$": which one is meant?
            words, lead = e.group("w"), ""
    own = CONTRAST.split(after, maxsplit=1)[0]  # "Wrong: $$…$$ right: $$…$$": the words up to the contrast
    if words is not None:
        if twice := FALSE_AFTER.search(own):  # "It is not true that $$…$$ does not hold": the notes claim the formula,
            # unless a belief judged by an adverb ("Students wrongly think that $$…$$ is false"): whose word, not read
            return Negation("unclear", u) if (u := unclear(before, "", "", denied=twice.group("w"))) else None
        own = _displays_after.sub("", own)  # "Wrong:⏎$$A$$⏎$$B$$": B is no condition of A (review rv42 7)
        condition = (lead if QUALIFIED.search(_own_clause(lead)) else own if QUALIFIED.search(own)
                     else _other_subject(lead, words) or ("" if PLAIN_TAIL.match(_CLOSER.sub("", _ROWS_AFTER.sub("", own))) else own))
        if led and not joined:
            condition = condition or led  # the claim under the condition is denied, and it is not read so
        reported = _reported(lead, False)
    else:
        m = FALSE_AFTER.search(after)
        if m is None:
            return None
        if words := unclear(before, "", "", denied=m.group("w")):
            return Negation("unclear", words)  # "Students rightly think $$…$$ is false": whose denial, not read
        words, tail = m.group("w"), after[m.end():]
        condition = before if QUALIFIED.search(before) else "" if PLAIN_TAIL.match(tail) else tail
        reported = not TURNED.match(words) and _reported(before, True)
    if reported and not ADVERB.match(words):
        return None  # "Students think that $$…$$ is wrong": a belief the notes report, not their word
    return Negation("qualified" if condition else "false", " ".join(words.split()), _clipped(condition))


#: Where the clause of a denial starts after a statement of its own: "We have $A$ and $B$, but it is not true that",
#: "…; it is false that".
_STATEMENT_END = re.compile(r"(?:;|,?\s*\b(?:but|yet|whereas|ale|но|lecz|jednak)\b)(?!.*(?:;|\b(?:but|yet|whereas|ale|но|lecz"
                            r"|jednak)\b))", re.I | re.S)
#: Words that make a clause a condition or a setting, not a statement: "With $j \neq k$, but …", "Since …".
_SETTING = re.compile(r"\b(?:with|given|since|as|at|under|in|on|because|due|během|při|s|se|jelikož|protože|с|так\s+как"
                      r"|поскольку|z|ze|skoro|ponieważ)\b", re.I)
#: An index condition written as math: "$j \neq k$", "$l = L$", "$l < L$".
_INDEX_MATH = re.compile(r"^\s*[a-zA-Z]\s*(?:=|<|>|\\ne|\\neq|\\le|\\leq|\\ge|\\geq|\\lt|\\gt|\\in)\s*[a-zA-Z0-9]+"
                         r"(?:\s*[-+]\s*\d)?\s*$")


#: Displays on lines of their own after the formula, each an equation of a quantity (not an index condition
#: ``l = L``): the notes' next formulas, which do not restrict the one before (its correction, or another claim).
_displays_after = re.compile(r"^(?:[ \t]*\n[ \t]*(?:\$\$(?![^$]*\\text)(?=\s*\\?[A-Za-z]+\s*[\^_{(\\])[^$]*=[^$]*\$\$"
                             r"|\\\[(?![^\]]*\\text)(?=\s*\\?[A-Za-z]+\s*[\^_{(\\])[^\]]*=[^\]]*\\\]))+(?=\s*[.,;]?\s*$)")


def _own_clause(lead: str) -> str:
    r"""The words before a denial that may put it under a condition: ``lead``, or, after a statement of the notes'
    own that ends at "but" or ";" ("We have $A$ and $B$, but it is not true that $C$"), only what follows it (review
    rv42 1: the statement's formulas were read as a condition, and the denial of a false $C$ was not judged). A clause
    with a condition word, a setting word (with, given, since) or an index condition ($j \neq k$) stays all of it.

    >>> _own_clause("We have $a = b + c$ and $C = 2 a$, but "), _own_clause("We have $l = L$, but ")
    (' ', 'We have $l = L$, but ')
    >>> _own_clause("With $a = b + c$, but "), _own_clause("With $j \\neq k$, but ")
    ('With $a = b + c$, but ', 'With $j \\neq k$, but ')
    """
    m = _STATEMENT_END.search(lead)
    if m is None:
        return lead
    earlier = lead[:m.start()]
    words = re.sub(r"\$[^$]*\$", " ", earlier)
    maths = re.findall(r"\$([^$]*)\$", earlier)
    if QUALIFIED.search(words) or _SETTING.search(words) or not maths or any(
            "=" not in x or _INDEX_MATH.match(x) for x in maths) or "$$" in earlier:
        return lead
    return lead[m.end():]


def _other_subject(lead: str, words: str) -> str:
    """The subject that ``words`` ending in a colon ("wrong:", "a mistake:") call wrong, when it is not the formula
    after them: "Slide 12 is wrong:", "The printed formula was wrong:", "Nothing is wrong:" (the display may be the
    notes' correction, or their claim); '' when the words stand alone or after "the following (formula) is".

    >>> _other_subject("Slide 12 is ", "wrong:"), _other_subject("", "Wrong:"), _other_subject("The following is ", "wrong:")
    ('Slide 12 is wrong:', '', '')
    >>> _other_subject("Slide 12 is ", "not true that")
    ''
    """
    if not COLON_JUDGED.fullmatch(words.strip()) or PLAIN_SUBJECT.fullmatch(lead):
        return ""
    return " ".join((lead + words).split())


#: The later rows of the formula's display after it (the words that govern a row are ``row``'s concern).
_ROWS_AFTER = re.compile(r"^\s*\\\\.*?(?:\\end\s*\{[A-Za-z*]+\}|\\\]|\$\$)", re.S)
#: The formula's closing delimiter at the start of the words after it.
_CLOSER = re.compile(r"^(?:\s|\$|\\\]|\\\)|\\end\s*\{[A-Za-z*]+\})*")
#: A formula's end right before "Wrong!" in its paragraph: the word may be about that formula as well.
_AFTER_FORMULA = re.compile(r"(?:\$|\\\]|\\\)|\\end\s*\{[^{}]*\})[ \t]*\n?[ \t]*\Z")  # in its paragraph
#: A display's opening right before the formula (``$$`` is left out of the words already).
_DISPLAY_OPENER = re.compile(r"(?:\\\[|\\begin\s*\{[A-Za-z*]+\}(?:\s*\{[^{}]*\})*)\s*$")


def _clipped(words: str) -> str:
    """``words`` on one line, without formula delimiters at their edges, at most 80 characters."""
    words = " ".join(re.sub(r"^(?:\s|\$|\\\]|\\end\s*\{[A-Za-z*]+\}|[,;])*", "", words).split()).rstrip(" .,;")
    return words if len(words) <= 80 else words[:79] + "…"


#: A formula in the words of a sentence: a display ($$…$$, \[…\], an environment) or inline ($…$, \(…\)).
_SPAN = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\s*\{(\w+\*?)\}.*?\\end\s*\{\1\}|\$[^$]+\$|\\\(.*?\\\)", re.S)
#: All that may join two formulas the notes call false in one sentence ("…, and", "; similarly,", "too"), with the
#: formula's own delimiters at the edges.
_LINK = re.compile(r"(?:[\s,;:—–-]|\\end\s*\{[A-Za-z*]+\}|\\\]|\\\)|\\begin\s*\{[A-Za-z*]+\}\s*$|\\\[\s*$|\\\(\s*$"
                   r"|\b(?:and|or|nor|also|too|either|as\s+well|similarly|likewise|in\s+general|generally|a|i|и|а|také"
                   r"|rovněž|též|также|тоже|też|również|oraz)\b)*", re.I)


def _listed(before: str, after: str) -> str:
    r"""The words that call the formula false when its sentence is a list of formulas the notes call false, each
    by its own words right before or right after it and nothing else between them but "and", "too", punctuation
    ("It is not true that $$A$$, and $$B$$ is wrong too", "$$A$$ is wrong, and $$B$$ is wrong too"); '' otherwise.
    Other math in a sentence may be a condition ("For $j \neq k$, $$…$$ is wrong"), so a sentence with a formula
    the words do not call false is not such a list, nor one with a condition word before the first.

    >>> _listed("It is not true that $$a = b$$, and ", " is wrong too.")
    'is wrong'
    >>> _listed("", " is wrong, and $$c = d$$ does not hold either.")
    'is wrong'
    >>> _listed("", " is wrong, and $$c = d$$ for $j = k$.")
    ''
    >>> _listed("For $j = k$ it is not true that $$a = b$$, and ", " is wrong too."), _listed("$$a = b$$ and ", "")
    ('', '')
    """
    spans_before, spans_after = list(_SPAN.finditer(before)), list(_SPAN.finditer(after))
    if not spans_before and not spans_after:
        return ""
    pieces = _between(before, spans_before) + _between(after, spans_after)
    own = len(spans_before)  # formula j stands between pieces[j] and pieces[j + 1]
    said: "list[list[str]]" = [[] for _ in range(len(pieces) - 1)]  # the words that call each formula false
    for i, piece in enumerate(pieces):
        if i > 0:  # the words right after formula i - 1
            m = FALSE_AFTER.match(piece)
            if m:
                said[i - 1].append(m.group("w"))
                piece = piece[m.end():]
        if i < len(pieces) - 1:  # the words right before formula i
            m = FALSE_BEFORE.search(piece)
            if m:
                if NOT_BEFORE.search(piece[:m.start()]):
                    return ""
                said[i].append(m.group("w"))
                piece = piece[:m.start()]
        if i == 0:
            fits = not QUALIFIED.search(piece) and not _reported(piece, True)
        elif i == len(pieces) - 1:
            fits = bool(PLAIN_TAIL.match(piece))
        else:
            fits = bool(_LINK.fullmatch(piece))
        if not fits:
            return ""
    if any(len(words) != 1 for words in said):  # one not called false; or twice, which claims it
        return ""
    return " ".join(said[own][0].split())


def _between(text: str, spans: list) -> "list[str]":
    """The words of ``text`` before, between and after the formulas ``spans`` (one more piece than formulas)."""
    cuts = [0, *(x for s in spans for x in (s.start(), s.end())), len(text)]
    return [text[a:b] for a, b in zip(cuts[::2], cuts[1::2])]


def _open_display(before: str) -> str:
    r"""The text before a display that is still open at the end of ``before``, up to and with its opener, when rows
    of it stand between (the formula is not its first row); '' otherwise.

    >>> _open_display(r"Wrong: \begin{align} a &= b \\ "), _open_display(r"Wrong: \begin{align} ")
    ('Wrong: \\begin{align}', '')
    >>> _open_display("$$a = b$$ and "), _open_display("Wrong: $$a = b ")
    ('', 'Wrong: $$')
    """
    events = list(_DISPLAY_EVENT.finditer(before))
    if not events:
        return ""
    last = events[-1]
    if last.group(0) == "$$":
        if before.count("$$") % 2 == 0:
            return ""
    elif last.group(0).startswith(("\\end", "\\]")):
        return ""
    rest = re.sub(r"^(?:\s*\{[^{}]*\}|\s*\[[^\]]*\])*", "", before[last.end():])  # an environment's arguments
    return before[:last.end()] if rest.strip() else ""


def mark(items: "list[Formula]", text: str) -> "list[Formula]":
    """``items`` (formulas of ``text``) with the words that deny them read: a formula the notes say they do not assume
    is prose (the reason says so); a claim they call false keeps its bucket and carries the words (``negated``);
    a definition they call false is prose, saying so (it is neither checked nor part of the model). A notebook's
    formulas (lines of its cells) are not looked up.

    >>> f = Formula(1, "a = b", False, lines=(1,))
    >>> [(g.kind, g.negated) for g in mark([f], "It is not true that $a = b$.")]
    [('claim', 'It is not true that')]
    """
    out = []
    for f in items:
        said = None
        if f.cell is None and f.kind in ("claim", "definition", "unreadable"):
            said = negation(text, f.line, f.source or f.text)
        if said is None:
            out.append(f)
        elif said.kind == "not assumed" or (said.kind == "row" and f.kind == "definition"):
            out.append(replace(f, kind="prose", reason=not_assumed_reason(said.words)))
        elif said.kind == "unclear" and f.kind == "definition":  # neither checked nor part of the model
            out.append(replace(f, kind="prose", reason=f"words around it judge or negate it in a way symbp does not read "
                                                       f"(\u201c{said.words}\u201d): it is not taken as a definition"))
        elif said.kind == "unclear":
            out.append(replace(f, negated=UNCLEAR + said.words))
        elif said.kind == "goes on":  # checked as written, reported uninterpretable (a definition too: never filed)
            out.append(replace(f, kind="claim" if f.kind == "definition" else f.kind, negated=GOES_ON_MARK + said.words))
        elif f.kind == "definition":
            under = f" under words symbp does not read (\u201c{said.condition}\u201d)" if said.condition else ""
            out.append(replace(f, kind="prose", reason=f"the notes call it wrong (\u201c{said.words}\u201d){under}: a "
                                                       "definition they deny is neither checked nor part of the model"))
        elif said.kind == "qualified":
            out.append(replace(f, negated=UNDER + said.words + SEP + said.condition))
        else:
            out.append(replace(f, negated=(ROW if said.kind == "row" else "") + said.words))
    return out


def not_assumed_reason(words: str) -> str:
    """Why a formula the notes say they do not assume is prose."""
    return (f"the notes say they do not assume it (\u201c{words}\u201d): it is neither a claim nor part of the "
            "model")


__all__ = ["Negation", "mark", "negation", "not_assumed_reason"]
