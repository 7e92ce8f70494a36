r"""Formulas the notes' own words deny: a claim they call false, a value they say they do not assume.

Notes quote wrong formulas to warn against them ("It is not true that $…$", "A common mistake is to write
$$…$$", "$w_{12} = w_{21}$ fails in general"; "Neplatí, že", "Неверно, что", "Nie jest prawdą, że") and name
what they do not assume ("We do not assume $w_{12} = w_{21}$"). Judging such a formula as the notes' claim turns
the verdict upside down, and taking the value into the model makes false claims hold. Two kinds:

* a **negated claim** (``"false"``): words that call the formula false or a mistake, right before it in its
  sentence ("it is not true that", "a common mistake is to write", "wrong:") or right after it ("is false",
  "does not hold", "fails"). It is checked, and the verdict reported is that of the notes' statement "this is
  false" (``negated_verdict``): refuted becomes holds, holds becomes refuted, a conditional verdict is
  undecided, any other verdict stays with a reason saying the notes negate it;
* a value **not assumed** (``"not assumed"``): a negated assumption word governing the formula ("we do not
  assume", "nowhere do we assume that", "it would be wrong to assume"; "nepředpokládáme, že", "не
  предполагаем, что", "nie zakładamy, że"). Neither a claim nor part of the model: prose, with the reason.

The words must govern the formula: they end right where it starts (only "that", a colon, a comma, a display's
opening delimiter between), or begin right where it ends; a "not" elsewhere in a long sentence changes nothing.

>>> negation("It is not true that\n$$a = b$$\n", 2, "a = b").kind
'false'
>>> negation("We do not assume $w_{12} = w_{21}$.", 1, "w_{12} = w_{21}").kind
'not assumed'
>>> negation("In general $x_1 = x_2$ does not hold.", 1, "x_1 = x_2").words
'does not hold'
>>> negation("It is not clear at first, but $a = b$.", 1, "a = b") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .extract import Formula
from .graphexamples import sentence_around
from .verdicts import Verification

#: Between the words and the formula: a display's or an inline formula's opening delimiter, spaces.
_OPENER = r"(?:\s|\$|\\\[|\\\(|\\begin\s*\{[A-Za-z*]+\}(?:\s*\{[^{}]*\})*)*"
#: After the words: "that" (že, что, że) as part of them, then commas, colons and dashes.
_THAT = r"(?:\s*,?\s*(?:that|že|что|że)(?!\w))?)(?:\s*[,:—–-])*"

#: The opening and the closing of a display: a math environment, \\[ \\], $$.
_DISPLAY_EVENT = re.compile(r"\\(?:begin|end)\s*\{(?:equation|align|alignat|flalign|gather|multline|eqnarray|split"
                            r"|aligned|gathered|alignedat|dmath|IEEEeqnarray|displaymath|array)\*?\}|\\\[|\\\]|\$\$")
#: Words before the formula that call it false or a mistake (they end where it starts).
_FALSE_BEFORE = re.compile(
    r"(?P<w>(?:"
    r"\bit(?:'s|\s+is|\s+was)\s+(?:not\s+true|false|not\s+the\s+case|incorrect|wrong|not\s+correct)"
    r"(?:\s+to\s+(?:write|say|claim))?"
    r"|\b(?:it\s+)?would\s+be\s+(?:wrong|incorrect|a\s+mistake)\s+to\s+(?:write|say|claim)"
    r"|\b(?:common|typical|frequent|classic|usual)\s+(?:mistake|error|pitfall|slip)(?:\s+is(?:\s+to\s+(?:write|say"
    r"|claim|think))?)?"
    r"|\bmistake(?:\s+is\s+to\s+(?:write|say|claim|think))?\s*:"
    r"|\b(?:wrong|incorrect|false|mistaken|erroneous)\s*:"
    r"|\b(?:do\s+not|don't|never|must\s+not|should\s+not|shouldn't)\s+write"
    r"|\bneplatí|\bnení\s+pravda|\bnení\s+pravdou|\bje\s+(?:chybou|chyba|chybné|nesprávné)\s+(?:psát|tvrdit)"
    r"|\b(?:častou|typickou|běžnou)\s+chybou\s+je(?:\s+(?:psát|napsat))?"
    r"|\b(?:častá|typická|běžná)\s+chyba\s+je(?:\s+(?:psát|napsat))?|\b(?:chybně|špatně|nesprávně)\s*:|\bnepište"
    r"|\bне\s*верно|\bнеправда|\bнеправильно(?:\s+(?:писать|считать))?|\bложно|\bошибочно(?:\s+(?:писать|считать|утверждать))?"
    r"|\b(?:частая|типичная|распространённая|распространенная|грубая)\s+ошибка(?:\s*[—–-]?\s*(?:писать|считать))?"
    r"|\bошибка\s*:|\bне\s+пишите"
    r"|\bnie\s+jest\s+prawdą|\bnieprawdą\s+jest|\bnieprawda|\bnie\s+jest\s+prawdziwe"
    r"|\b(?:częstym\s+|typowym\s+)?błędem\s+jest(?:\s+(?:pisać|pisanie|napisać|twierdzić))?"
    r"|\b(?:częsty|typowy|powszechny)\s+błąd\s+(?:to|polega\s+na)(?:\s+(?:pisaniu|napisaniu))?"
    r"|\b(?:błędnie|źle|niepoprawnie|nieprawidłowo)\s*:|\bnie\s+pisz(?:cie)?"
    r")" + _THAT + _OPENER + r"$", re.I)
#: Words right after the formula that call it false: "$x_1 = x_2$ does not hold", "… fails in general".
_FALSE_AFTER = re.compile(
    r"^(?:\s|\$|\\\]|\\\)|\\end\s*\{[A-Za-z*]+\}|,)*"
    r"(?:(?:in\s+general|generally|obecně|в\s+общем\s+случае|w\s+ogólności)\s+)?"
    r"(?P<w>(?:is|are)\s+(?:false|wrong|incorrect|not\s+true|not\s+correct|invalid|not\s+valid"
    r"|an?\s+(?:common\s+|typical\s+)?(?:mistake|error))"
    r"|(?:does\s+not|doesn't|do\s+not|don't)\s+hold|fails\b"
    r"|neplatí|není\s+pravda|je\s+(?:chybn|nesprávn|špatn)\w*"
    r"|неверно|не\s+верно|не\s+выполняется|неправильно|ложно"
    r"|nie\s+zachodzi|nie\s+jest\s+prawdą|jest\s+(?:fałszyw|błędn|nieprawdziw|niepoprawn)\w*)(?!\w)", re.I)
#: A condition before the words (other math, "for", "when", "if", …): "For $j \neq k$ it is wrong that $…$" denies
#: the formula only under it, which is not read, so the formula is not taken as negated (it is judged as written).
_QUALIFIED = re.compile(r"\$|\\\(|\b(?:for|when|whenever|if|unless|where|only|except|provided|pro|když|pokud|jestliže"
                        r"|jen|если|при|для|когда|только|dla|gdy|jeśli|jeżeli|tylko)\b", re.I)
#: Where the words after a formula turn to another one: "Wrong: $$…$$ right: $$…$$", "Do not write $$…$$ but $$…$$".
_CONTRAST = re.compile(r"\b(?:but|instead|rather|whereas|ale|nýbrž|но|lecz|natomiast)\b"
                       r"|\b(?:right|correct|správně|правильно|poprawnie)\s*:", re.I)
#: All that may follow the words that call a formula false, to the end of its sentence: "in general", punctuation.
_PLAIN_TAIL = re.compile(r"[\s,)]*(?:(?:in\s+general|generally|too|as\s+well|also|obecně|také|в\s+общем\s+случае|тоже"
                         r"|также|w\s+ogólności|też|również)[\s,)]*)?"
                         r"[.!;)]*\s*$", re.I)
#: The words that may stand between a negation and "assume": "nowhere do we assume", "we do not need to assume".
_HELPERS = (r"(?:do|does|did|we|you|one|i|need|needs|to|ever|have|has|be|been|is|are|was|will|would|shall|should"
            r"|must|can|further|anymore|really|actually|necessarily)\b")
#: A negated assumption word that governs the formula: "we do not assume (that)", "nowhere do we assume".
_NOT_ASSUMED = re.compile(
    r"(?P<w>(?:"
    r"(?:\bnot|n't|\bnever|\bnowhere|\bno\s+longer|\bno\s+need\s+to|\b(?:wrong|a\s+mistake|incorrect)\s+to"
    r"|\bwithout)(?:\s+" + _HELPERS + r"){0,3}\s+(?:assum|suppos|presuppos)\w*"
    r"(?:\s+(?:here|anywhere|in\s+general|throughout))?"
    r"|(?:\bnepředpoklád\w*|\bnebudeme\s+předpoklád\w*|\bnení\s+(?:třeba|nutné)\s+předpoklád\w*|\bbez\s+předpokladu)"
    r"|\bне\s+(?:\w+\s+)?(?:предпола\w*|допуска\w*)|\bбез\s+предположени\w*"
    r"|\bnie\s+(?:\w+\s+)?(?:zakład\w*|załóż\w*|przyjmuj\w*)|\bbez\s+założeni\w*"
    r")" + _THAT + _OPENER + r"$", re.I)


#: How ``Formula.negated`` marks a later row of a display the words before it negate (``negated_verdict``).
ROW = "a row of a display after: "


@dataclass(frozen=True)
class Negation:
    """``kind`` is 'false' (a claim the notes call false), 'not assumed', or 'row' (a later row of a display that the
    words before it call false or not assumed: which rows they mean is not said); ``words`` the notes' words."""

    kind: str
    words: str


def negation(text: str, line: int, source: str) -> "Negation | None":
    """What the words around the formula ``source`` (at ``line`` of ``text``) deny of it, or None (see the module
    docstring; a formula not found as written is not negated)."""
    around = sentence_around(text, line, source)
    if around is None:
        return None
    before, after, start = around
    m = _NOT_ASSUMED.search(before)
    if m:
        return Negation("not assumed", " ".join(m.group("w").split()))
    m = _FALSE_BEFORE.search(before)
    lead = before[:m.start()] if m else before
    own = _CONTRAST.split(after, maxsplit=1)[0]  # "Wrong: $$…$$ right: $$…$$": the words up to the contrast
    if m is not None and _FALSE_AFTER.search(own):
        return None  # "It is not true that $$…$$ does not hold": two negations, the notes claim the formula
    if m is None and not _QUALIFIED.search(before):
        m = _FALSE_AFTER.search(after)
        if m and not _PLAIN_TAIL.match(after[m.end():]):
            m = None  # "… does not hold for $j \neq k$": the negation is qualified
    elif m and _QUALIFIED.search(own):
        m = None  # "It is not true that $$…$$ for hidden layers": qualified after the formula
    if m and not _QUALIFIED.search(lead):
        return Negation("false", " ".join(m.group("w").split()))
    opened = _open_display(text[max(0, start - 3000):start])
    if opened:  # a later row of a display: the words before the display govern its first row
        m = _FALSE_BEFORE.search(opened) or _NOT_ASSUMED.search(opened)
        if m:
            return Negation("row", " ".join(m.group("w").split()))
    return None


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
        elif f.kind == "definition":
            out.append(replace(f, kind="prose", reason=f"the notes call it wrong (\u201c{said.words}\u201d): a "
                                                       "definition they deny is neither checked nor part of the model"))
        else:
            out.append(replace(f, negated=(ROW if said.kind == "row" else "") + said.words))
    return out


def not_assumed_reason(words: str) -> str:
    """Why a formula the notes say they do not assume is prose."""
    return (f"the notes say they do not assume it (\u201c{words}\u201d): it is neither a claim nor part of the "
            "model")


def negated_verdict(v: Verification, words: str) -> Verification:
    """The verdict on the notes' statement that the formula of ``v`` is false (they call it so with ``words``).

    >>> v = Verification(formula="a = b", status="refuted", verdict="refuted", reason="the two sides differ")
    >>> w = negated_verdict(v, "it is not true that")
    >>> w.status, w.verdict, w.reason
    ('holds', 'proved', 'the notes call this formula wrong (“it is not true that”), and it is: the two sides differ')
    >>> negated_verdict(replace(v, status="holds", verdict="proved", reason=""), "wrong:").status
    'refuted'
    """
    said = f"the notes call this formula wrong (\u201c{words}\u201d)"
    named = v.identity and v.identity not in v.reason and f"it is {v.identity}"
    what = "; ".join(filter(None, (named, v.diagnosis,
                                   v.corrected and f"corrected: {v.corrected}", v.reason, _shown(v.counterexample))))
    cleared = dict(identity="", diagnosis="", corrected="", counterexample=None, condition="", condition_met=None)
    if words.startswith(ROW):
        said = f"the notes call a formula of this display wrong before it (\u201c{words[len(ROW):]}\u201d)"
        if v.status not in ("holds", "refuted", "conditional"):
            return replace(v, reason=f"{said}; {v.reason}" if v.reason else said)
        return replace(v, status="undecided", verdict="undecided",
                       reason=f"{said}; whether they mean this row too is not said: as the notes' claim it is "
                              f"{v.status} ({what})", **cleared)
    if v.status == "refuted":
        return replace(v, status="holds", verdict="proved", reason=f"{said}, and it is: {what}", **cleared)
    if v.status == "holds":
        return replace(v, status="refuted", verdict="refuted", reason=f"{said}, but it holds: {what}", **cleared)
    if v.status == "conditional":
        return replace(v, status="undecided", verdict="undecided",
                       reason=f"{said}, but it holds when {v.condition}: whether the notes mean it false under that "
                              f"condition is not said ({what})", **cleared)
    return replace(v, reason=f"{said}; {what}" if what else said)


def _shown(cx) -> str:
    if cx is None:
        return ""
    return f"counterexample: left {cx.lhs[:60]} \u2260 right {cx.rhs[:60]}" + (f" ({cx.activation})"
                                                                              if cx.activation else "")


__all__ = ["ROW", "Negation", "mark", "negated_verdict", "negation", "not_assumed_reason"]
