r"""The learning rate's value or sign said in words, clause by clause (review rv42, rates3).

Read: "a learning rate $\eta$ of $-0.1$", "the step size to $-0.1$", "a negative learning rate", "$\eta$ is
negative", "a learning rate less than zero" (menší než nula, меньше нуля, mniejszy od zera), "greater than zero",
"a positive (non-negative) learning rate", "the learning rate is not positive" (≤ 0), "is not negative" (≥ 0).

A sentence is cut into clauses (at commas, semicolons, brackets and words such as "which", "but"). A statement in
a clause that supposes it ("if …", "would") or rules it out ("is never used", "must not", "makes no sense",
"uphill") is dropped; one in a clause with another negation or a condition after it ("$\eta = -0.1$ is not a typo")
is not read: ``unread``. Before, any such word anywhere in the sentence dropped every statement of it ("We take
$\eta = -0.1$, which is not what one usually does." held the rule as a descent step). A clause of a sentence that
names the rate ("learning rate", "step size", a formula ``$\eta$``) with a number, a minus sign or a word of sign or
comparison that no reader read is ``unread`` too: symbp does not judge the rule as a descent step beside it.

>>> [s[1:4] for s in said("We use a learning rate less than zero.")]
[(None, '<', 0.0)]
>>> [s[1:4] for s in said("We take $\\eta = -0.1$, which is not what one usually does.", formulas=False)]
[]
>>> [s[1:3] for s in said("Here $\\eta$ is below the noise floor.")]
[('\\eta', 'unread')]
"""

from __future__ import annotations

import re

from .ratenumber import MINUS, number
from .ratestated import SYMBOL, pieces, plain, statements, symbol
from .sentences import FORMULA, HYPOTHETICAL, masked

_NOUN = (r"(?:learning\s+rate|step\s*-?\s*(?:size|length)|rychlost\w*\s+učení|krok\w*\s+učení|скорост\w*\s+обучения"
         r"|шаг\w*\s+обучения|темп\w*\s+обучения|współczynnik\w*\s+uczenia|krok\w*\s+uczenia|tempo\s+uczenia)")
#: the readers take "rate" alone too ("a negative rate"); a clause that names the rate needs the longer nouns
RATE_NOUN = r"(?:" + _NOUN[3:-1] + r"|rate)"
_NEGATIVE = (r"(?<![-\w])(?:negative(?![A-Za-z])|non-?positive|záporn\w*|nekladn\w*|отрицательн\w*|неположительн\w*"
             r"|ujemn\w*|niedodatni\w*)")
_POSITIVE = r"(?<![-\w])(?:positive(?![A-Za-z])|kladn\w*|положительн\w*|dodatni\w*)"
_NONNEG = r"(?<![-\w])(?:non-?negative|nezáporn\w*|неотрицательн\w*|nieujemn\w*)"
_SUBJECT = r"(?P<s>\b" + RATE_NOUN + r"(?:\s*~+)?|~+)"
_BE = r"(?:is|be|are|was|je|jest|есть|является|must\s+be|should\s+be)"
_ADVERB = r"(?:(?:strictly|always|chosen|taken|set|here|zde|tu|здесь|tutaj|a|an|small|some)\s+)*"
_NOT = r"(?P<not>not|never|ne|není|nie|не)\s+"
_ZERO = r"(?:zero|nought|nul[auyoe]|nulou|nule|нул[ьяюе]|нолю|ноль|zer[oa]|zerem)\b"
_VALUE = r"(?P<n>" + MINUS + r"?\s*\d+(?:[.,]\d+)?\b|" + _ZERO + r"|~+)"
_OF = (r"(?:(?:(?:is|was|be|are)\s+)?(?:set\s+to|equal\s+to|fixed\s+at|chosen\s+as)|of|is|equals?|to|at|=|:|je|jest"
       r"|wynosi|равн\w*|составляет|na)")
#: (regex, relation, value or None when the match's value group says it)
_READERS = [
    (re.compile(r"\b" + RATE_NOUN + r"\s*,?\s*(?P<f>~+\s*)?,?\s*" + _OF + r"\s*" + _VALUE, re.I), "=", None),
    (re.compile(_NEGATIVE + r"\s+(?!of\b)(?:\w+\s+)?(?P<s>\b" + RATE_NOUN + r"|~+)", re.I), "<", 0.0),
    (re.compile(_SUBJECT + r"\s+(?:" + _BE + r"\s+" + _ADVERB + r")?" + _NEGATIVE, re.I), "<", 0.0),
    (re.compile(_SUBJECT + r"\s+" + _BE + r"\s+" + _NOT + _ADVERB + _POSITIVE, re.I), "<=", 0.0),
    (re.compile(_SUBJECT + r"\s+" + _BE + r"\s+" + _NOT + _ADVERB + _NEGATIVE, re.I), ">=", 0.0),
    (re.compile(_POSITIVE + r"\s+(?!of\b)(?:\w+\s+)?(?P<s>\b" + RATE_NOUN + r"|~+)", re.I), ">", 0.0),
    (re.compile(_SUBJECT + r"\s+(?:" + _BE + r"\s+" + _ADVERB + r")?" + _POSITIVE, re.I), ">", 0.0),
    (re.compile(_NONNEG + r"\s+(?:\w+\s+)?(?P<s>\b" + RATE_NOUN + r"|~+)", re.I), ">=", 0.0),
    (re.compile(_SUBJECT + r"\s+(?:\w+\s+){0,3}?(?:less\s+than|smaller\s+than|lower\s+than|below|menší\s+než|меньше"
                r"|ниже|mniejsz\w*\s+(?:od|niż)|poniżej)\s+" + _VALUE, re.I), "<", None),
    (re.compile(_SUBJECT + r"\s+(?:\w+\s+){0,3}?(?:greater\s+than|larger\s+than|bigger\s+than|more\s+than|above"
                r"|větší\s+než|больше|выше|większ\w*\s+(?:od|niż)|powyżej)\s+" + _VALUE, re.I), ">", None),
]

#: words that rule a value out: the clause states nothing
_RULE_OUT = re.compile(r"\b(?:never|must\s+not|mustn['’]t|should\s+not|shouldn['’]t|cannot|can['’]t|may\s+not"
                       r"|not\s+(?:be\s+)?(?:allowed|used|permitted)|avoid\w*|uphill|forbidden|excluded|nikdy|nesmí"
                       r"|nigdy|nie\s+może|никогда|нельзя|не\s+должн\w*|не\s+может)\b"
                       r"|\bnie\s+ma\s+sensu|\bnemá\s+smysl|\bне\s+имеет\s+смысла|\bmakes?\s+no\s+sense", re.I)
#: another negation: what the clause says of the rate is not read
_NEGATION = re.compile(r"\b(?:not|no|ne|není|nemá|не|nie)\b|n['’]t\b", re.I)
_SUPPOSED_ANYWHERE = re.compile(r"\b(?:would|could|were|had|бы|gdyby\w*|kdyby\w*)\b", re.I)
_CLAUSE = re.compile(r"[,;()\[\]|]|\s[—–]\s|\s(?=(?:which|but|whereas|while|although|though|because|since|což|ale"
                     r"|ačkoli|protože|который\w*|которая|которое|но|хотя|потому|który|która|które|chociaż"
                     r"|ponieważ)\b)", re.I)
#: words of sign or comparison (not of the gradient: "the negative gradient", "záporného gradientu")
_SIGNISH = re.compile(r"(?:" + _NEGATIVE + r"|" + _POSITIVE + r"|" + _NONNEG + r"|\b(?:zero|nought|less\s+than"
                      r"|smaller\s+than|lower\s+than|greater\s+than|larger\s+than|bigger\s+than|more\s+than|below"
                      r"|above|exceed\w*|minus|sign|opposite|menší|větší|nul[auyoe]|меньше|больше|ниже|выше|нул\w*"
                      r"|mniejsz\w*|większ\w*|poniżej|powyżej|zer[oa])\b)(?![\w-])(?!\s+(?:of\b|gradient|direction|slope"
                      r"|směr|gradientu|градиент|направлени|kierun|grad))", re.I)
_PROSE_NUMBER = re.compile(r"(?<![\w.(])" + MINUS + r"?\d+(?:[.,]\d+)?(?![\w)])")
#: a number after these words names a part of the notes, not a value ("equation 3", "layer 2", "krok 5")
_REFERS = re.compile(r"(?:equation|eq|eqs|section|chapter|figure|fig|step|line|layer|table|page|lecture|example"
                     r"|rovnic\w*|kapitol\w*|krok\w*|vrstv\w*|уравнени\w*|шаг\w*|глав\w*|сло\w*|równani\w*"
                     r"|rozdzia\w*|warstw\w*)\.?\s*$", re.I)


def _value_number(clause: str) -> bool:
    """Does the clause hold a number in prose that is not a reference ("equation 3")?"""
    return any(not _REFERS.search(clause[:m.start()]) for m in _PROSE_NUMBER.finditer(clause))


def clauses(hidden: str) -> list:
    """[(start, end)] of the clauses of a masked sentence."""
    out, start = [], 0
    for m in _CLAUSE.finditer(hidden):
        out.append((start, m.start()))
        start = m.end() if not m.group(0).isspace() and m.group(0).strip() else m.start()
    return [(a, b) for a, b in out + [(start, len(hidden))] if b > a]


def _status(clause: str, anchor: int) -> str:
    """'dropped' (supposed or ruled out), 'unsure' (another negation, a condition after the statement) or 'read';
    ``clause`` has the statement itself blanked, ``anchor`` is where the statement starts in it."""
    if _RULE_OUT.search(clause) or _SUPPOSED_ANYWHERE.search(clause):
        return "dropped"
    h = HYPOTHETICAL.search(clause)
    if h is not None:
        return "dropped" if h.start() < anchor else "unsure"
    return "unsure" if _NEGATION.search(clause) else "read"


def _value(sentence: str, m: re.Match) -> "float | None":
    text = m.group("n")
    if text.startswith("~"):
        return number(plain(sentence[m.start("n"):m.end("n")]))
    if re.fullmatch(_ZERO, text, re.I):
        return 0.0
    return number(text.replace(" ", ""))


def _subject(sentence: str, m: re.Match) -> "tuple[bool, str | None]":
    """(whether the match names a rate, its letter or None for the learning rate in words)."""
    group = "s" if "s" in m.groupdict() and m.group("s") is not None else "f" if m.groupdict().get("f") else None
    if group is None:
        return True, None
    said = m.group(group).strip()
    if not said.startswith("~") and "~" not in said:
        return True, None
    at = m.start(group) + len(said) - len(said.lstrip()) + (said.index("~") if "~" in said else 0)
    f = next((x for x in FORMULA.finditer(sentence) if x.start() <= at < x.end()), None)
    bare = plain(f.group(0)) if f else ""
    if re.fullmatch(SYMBOL, bare):
        return True, symbol(bare)
    return (False, None) if said.startswith("~") else (True, None)


def said(sentence: str, formulas: bool = True) -> list:
    """[(offset, rate or None, relation, value, in words)] of ``sentence`` (see the module): ``formulas`` False
    leaves its inline formulas to the caller."""
    hidden = masked(sentence)
    parts = clauses(hidden)
    found = []  # (start, end, rate, op, v, words)
    if formulas:
        for f in FORMULA.finditer(sentence):
            lead = re.match(r"\$\$|\$|\\\[|\\\(|\\begin\s*\{[^{}]*\}", f.group(0)).end()
            trail = re.search(r"(?:\$\$|\$|\\\]|\\\)|\\end\s*\{[^{}]*\})$", f.group(0))
            inner = f.group(0)[lead:trail.start() if trail else len(f.group(0))]
            for k, piece in pieces(inner):  # a display's pieces: w \to w - \eta g, \quad \eta = -0.1
                found += [(f.start() + (lead + k if k else 0), f.end(), r, op, v, False)
                          for r, op, v in statements(piece)]
    for regex, op, fixed in _READERS:
        for m in regex.finditer(hidden):
            names, rate = _subject(sentence, m)
            if not names:
                continue
            v = fixed if fixed is not None else _value(sentence, m)
            if v is None:
                continue
            if any(a < m.end() and m.start() < b for a, b, *rest in found if rest[-1]):
                continue  # one phrase read once ("a negative learning rate": not again as "rate … negative")
            found.append((m.start(), m.end(), rate, op, v, True))
    out = []
    for a, b, rate, op, v, words in found:
        span = [(c, d) for c, d in parts if c < b and a < d] or [(a, b)]
        status = "read"
        for c, d in span:
            clause = hidden[c:d][:max(a - c, 0)] + " " * (min(b, d) - max(a, c)) + hidden[c:d][max(min(b, d) - c, 0):]
            s = _status(clause, max(a - c, 0))
            status = "dropped" if "dropped" in (status, s) else "unsure" if "unsure" in (status, s) else "read"
        if status == "read":
            out.append((a, rate, op, v, words))
        elif status == "unsure" and op != "unread":
            out.append((a, rate, "unread", " ".join(sentence.split()), words))
        elif status == "unsure":
            out.append((a, rate, op, v, words))
    return out + _unread_clauses(sentence, hidden, parts, found)


def _unread_clauses(sentence: str, hidden: str, parts: list, found: list) -> list:
    """A clause with a number or a word of sign where the sentence names the rate and no reader read it; a clause
    whose only such word is "positive" (kladné, положительное, dodatni) and no negation says η > 0 ("$\\eta$ is a
    small, positive parameter"). A number in prose counts in a clause that names the rate or opens with "which" (not
    "and we run 1000 steps")."""
    rates = {symbol(plain(f.group(0))) for f in FORMULA.finditer(sentence) if re.fullmatch(SYMBOL, plain(f.group(0)))}
    named = re.search(r"\b" + _NOUN, hidden, re.I) is not None
    rates |= {r for *_, r, op, v, w in found if r}
    if not named and not rates:
        return []
    out = []
    for c, d in parts:
        if any(c < b and a < d for a, b, *_ in found):
            continue
        clause = hidden[c:d]
        numbers = [f for f in FORMULA.finditer(sentence, c, d) if f.end() <= d and number(plain(f.group(0))) is not None]
        refers = re.search(r"\b" + _NOUN + r"|~", clause, re.I) and any(
            re.fullmatch(SYMBOL, plain(f.group(0))) for f in FORMULA.finditer(sentence, c, d)) or re.search(
            r"\b" + _NOUN, clause, re.I) or _BACK.match(clause)
        signs = [m.group(0) for m in _SIGNISH.finditer(clause)]
        if not (signs or numbers or (refers and _value_number(clause))
                or re.search(r"(?<![\w-])" + MINUS + r"\s*(?:~|\d)", clause)):
            continue
        status = _status(clause, len(clause))
        if status == "dropped" or HYPOTHETICAL.search(clause):
            continue  # "if the learning rate were negative": supposed
        who = sorted(rates) if not named else [None]
        if status == "read" and signs and all(re.fullmatch(_POSITIVE + "|" + _NONNEG, w, re.I) for w in signs) \
                and not numbers and not re.search(MINUS + r"|\d", clause):
            out += [(c, r, ">", 0.0, True) for r in who]  # "a small, positive parameter": η > 0
            continue
        text = " ".join(sentence.split())
        out += [(c, r, "unread", text, True) for r in who]
    return out


#: a clause that speaks of what the one before it named: "…, which we set to $-0.1$"
_BACK = re.compile(r"\s*(?:which|that|who|což|který\w*|která|které|который\w*|которая|которое|który|która|które|co)\b",
                   re.I)


__all__ = ["RATE_NOUN", "clauses", "said"]
