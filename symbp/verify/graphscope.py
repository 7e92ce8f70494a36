r"""Where an assumption of the notes is in force: from the line that gives it until words release it or its part ends.

An assumed value (``graphexamples`` reads the words that make it one: "we assume $x_1 = 0$") holds from its
line on, until a later sentence gives the values back their freedom ("arbitrary again", "in general", "no
longer", "we drop this assumption", a negated assumption; obecně, в общем случае, w ogólnym przypadku, …),
naming it or no value at all, or until the part its own words confine it to ends ("in this section": the next
heading of its level or above; "in this paragraph": the next paragraph of prose).

>>> releases("Now the inputs are arbitrary again."), releases("We assume the inputs are fixed.")
(True, False)
>>> text = "# A\n\nAssume $b = 0$ in this section.\n\n# B\n"
>>> section_end(text, text.index("Assume")) == text.index("# B")
True
"""

from __future__ import annotations

import re

from .graphexamples import _ASSUMPTION, _CLAUSE, _HEADING, _MATH, _NEGATED, _locate
from .graphnodes import Equation, Sym
from .sentences import SENTENCE_END as _SENTENCE_END

#: Words that give the values back their freedom: "arbitrary again", "in general", "no longer", …
_RELEASE = re.compile(
    r"\barbitrary again|\bagain arbitrary|\b(?:free|general) again|\bin general\b|\bgeneral case|\bno longer\b"
    r"|\b(?:drop|lift|remove)\w* (?:the|this|that|these|our) assumption|\bwithout (?:the|this|that|these|any) assumption"
    r"|\b(?:opět|znovu|zase) libovoln|\blibovoln\w* (?:opět|znovu)|\bobecn(?:ě|ý případ|ém případě)|\b(?:už|již) ne"
    r"|\bbez (?:tohoto|těchto) předpoklad"
    r"|(?:снова|опять) произвольн|произвольн\w* (?:снова|опять)|\bв общем случае|\bобщий случай|\b(?:больше|уже) не\b"
    r"|\bбез (?:этого|этих) предположени"
    r"|\b(?:znów|znowu|ponownie) dowoln|\bdowoln\w* (?:znów|znowu|ponownie)|\bw (?:ogólnym przypadku|ogólności)"
    r"|\bprzypadek ogólny|\bjuż nie\b|\bbez (?:tego|tych) założe",
    re.I)
#: A release that names no value must at least speak of values: "the inputs are arbitrary again", not "in general
#: terms, the next step is the chain rule".
_ABOUT_VALUES = re.compile(r"assum|arbitrar|value|free|\bany\b|předpokl|libovol|hodnot|предполож|произвол|значени"
                           r"|свобод|założ|zakład|dowoln|wartoś", re.I)
#: Words that confine a value to its part: "in this section", "in this paragraph only", …
_CONFINE = re.compile(
    r"\bin this (section|subsection|chapter|part|example|paragraph)|\bv (?:této|tomto) (části|sekci|kapitole|oddílu"
    r"|příkladu|odstavci)|\bв (?:этом|данном) (разделе|параграфе|примере|абзаце|пункте)|\bw (?:tej|tym) (sekcji|części"
    r"|rozdziale|przykładzie|akapicie|paragrafie)", re.I)
_PARAGRAPH = ("paragraph", "odstavci", "абзаце", "akapicie")
#: A name in a formula: a letter with an optional subscript (x, x_1, w_{12}, \\mathbf{x}).
_MENTION = re.compile(r"(?<![\\A-Za-z])([A-Za-z])\s*(?:_\s*(?:\{([^{}]*)\}|([A-Za-z0-9])))?")


def assumption_spans(text: str, values: list, kinds: dict) -> dict:
    """id(eq) -> the line ranges [(first, past the last)] where each assumed value of ``values`` [(line, eq, piece)]
    is in force: from the line that gives it on, until a later sentence releases it (``_released``) or the part
    its words confine it to ends ("in this section": the next heading of its level or above; "in this paragraph":
    the next paragraph of prose).

    >>> from symbp.verify.graphnodes import Num
    >>> text = "Assume $x_1 = 0$.\\n\\n$$c$$\\n\\nNow $x_1$ is arbitrary again.\\n\\n$$c$$\\n"
    >>> class F: line, lines, source, text, cell = 1, (1,), "x_1 = 0", "x_1 = 0", None
    >>> class P: formula = F
    >>> eq = Equation((Sym("x", ("1",)), Num(0)), ("=",))
    >>> assumption_spans(text, [(1, eq, P)], {id(eq): "assumption"})[id(eq)]
    [(1, 5)]
    """
    released = _releases(text)
    heads = [(m.start(), _level(m.group(0))) for m in _HEADING.finditer(text)]
    out = {}
    for _, eq, p in values:
        if kinds.get(id(eq)) != "assumption" or p is None:
            continue
        f, spans = p.formula, []
        for line in dict.fromkeys((f.line,) + tuple(f.lines)):
            if releases_itself(text, line, f.source or f.text):
                continue  # "we no longer assume $x_1 = 0$": the value written again to withdraw it
            at = _locate(text, line, f.source or f.text)
            end = len(text) + 1 if at is None else _in_force_until(text, at, eq, released, heads)
            spans.append((line, text.count("\n", 0, end) + 1 if end <= len(text) else 10 ** 9))
        out[id(eq)] = spans
    return out


def releases_itself(text: str, line: int, source: str) -> bool:
    """The sentence of the value ``source`` (at ``line``) withdraws it: "we no longer assume $x_1 = 0$"."""
    at = _locate(text, line, source)
    if at is None:
        return False
    near = text[max(0, at[0] - 2000):at[0]]
    ends = list(_SENTENCE_END.finditer(near))
    stop = _SENTENCE_END.search(text, at[1])
    before = _CLAUSE.split(_MATH.sub(" ", near[ends[-1].end() if ends else 0:]))[-1]  # the value's own clause
    after = _CLAUSE.split(_MATH.sub(" ", text[at[1]:stop.start() if stop else len(text)]))[0]
    words = before + " " + after
    return bool(_RELEASE.search(words) or (_NEGATED.search(words) and _ASSUMPTION.search(words)))


def in_force(spans: dict, line: int) -> frozenset:
    """The ids of the assumed values in force at ``line`` (``assumption_spans``)."""
    return frozenset(k for k, ranges in spans.items() if any(a <= line < b for a, b in ranges))


def _in_force_until(text: str, at: tuple, eq: Equation, released: list, heads: list) -> int:
    """The position where the value at ``at`` (its span in ``text``) stops being in force (past the text: never)."""
    start, end = at
    ends = list(_SENTENCE_END.finditer(text[:start][-2000:]))
    sentence_start = start - len(text[:start][-2000:]) + (ends[-1].end() if ends else 0)
    stop = _SENTENCE_END.search(text, end)
    words = _MATH.sub(" ", text[sentence_start:stop.start() if stop else len(text)])
    until = len(text) + 1
    confined = _CONFINE.search(words)
    if confined and next(g for g in confined.groups() if g).lower() in _PARAGRAPH:
        until = _next_paragraph(text, end)
    elif confined:
        until = _section_end(heads, start, end, until)
    lhs = eq.sides[0]
    for pos, names in released:
        if pos > end and (names is None or any(_names_leaf(n, lhs) for n in names)):
            return min(until, pos)
    return until


def section_end(text: str, start: int, end: "int | None" = None) -> int:
    r"""The start of the first heading after ``end`` (default ``start``) of the level of the section around
    ``start`` or above: where that section ends (past the text, ``len(text) + 1``: it never does). Text before
    any heading ends at the first heading.

    >>> text = "# A\n\none\n\n## B\n\ntwo\n\n# C\n"
    >>> section_end(text, text.index("one")) == text.index("# C"), section_end(text, text.index("two")) == text.index("# C")
    (True, True)
    """
    heads = [(m.start(), _level(m.group(0))) for m in _HEADING.finditer(text)]
    return _section_end(heads, start, start if end is None else end, len(text) + 1)


def _section_end(heads: list, start: int, end: int, default: int) -> int:
    above = [lv for pos, lv in heads if pos < start]
    level = above[-1] if above else 99
    return next((pos for pos, lv in heads if pos > end and lv <= level), default)


def releases(words: str) -> bool:
    """Do ``words`` (prose, formulas taken out) give back what was fixed: "in general", "no longer", "the general
    case", "we drop this assumption" (obecně, в общем случае, w ogólnym przypadku, …)?

    >>> releases("In general, the output is a vector."), releases("Generally speaking")
    (True, False)
    """
    return _RELEASE.search(words) is not None


def _releases(text: str) -> list:
    """[(position, names)] of each sentence (or heading) that releases values: the names it mentions, None for all
    (words that release without naming, "the inputs are arbitrary again"). A negated assumption ("we no longer
    assume $x_1 = 0$", ``_NEGATED``) releases the names it mentions."""
    out, start = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        stop = m.end() if m else len(text)
        sentence = text[start:stop]
        words = _MATH.sub(" ", sentence)
        if _RELEASE.search(words) or (_NEGATED.search(words) and _ASSUMPTION.search(words)):
            names = [(b.lower(), (s1 or s2 or "").replace(",", "").replace(" ", ""))
                     for math in _MATH.findall(sentence) for b, s1, s2 in _MENTION.findall(
                         re.sub(r"\\(?:mathbf|boldsymbol|vec|bm)\s*\{([^{}]*)\}", r"\1", math))]
            if names or (_RELEASE.search(words) and _ABOUT_VALUES.search(words)):
                out.append((start + len(sentence) - len(sentence.lstrip()), names or None))
        start = stop
    return out


def _names_leaf(name: tuple, lhs) -> bool:
    """A mention (base, subscript) names the leaf ``lhs``: the same letter, the whole quantity or the same entry."""
    if not isinstance(lhs, Sym) or name[0] != lhs.base.lower():
        return False
    sub = "".join(lhs.sub).replace(",", "").replace(" ", "")
    return not name[1] or not sub or name[1] == sub


def _next_paragraph(text: str, end: int) -> int:
    """The start of the next paragraph after ``end`` that has words outside its formulas (a display alone is part of
    the paragraph before it)."""
    for m in re.finditer(r"\n\s*\n", text[end:]):
        block = text[end + m.end():].split("\n\n", 1)[0]
        if re.search(r"[^\W\d_]{2,}", _MATH.sub(" ", block)):
            return end + m.end()
    return len(text) + 1


def _level(heading: str) -> int:
    """1 for # and \\section, 2 for ## and \\subsection, …; 4 for \\paragraph."""
    h = heading.strip()
    if "\n" in h:  # a setext heading: underlined with = (level 1) or - (level 2)
        return 1 if h.endswith("=") else 2
    if h.startswith("#"):
        return len(h) - len(h.lstrip("#"))
    return 4 if "paragraph" in h else h.count("sub") + 1


__all__ = ["assumption_spans", "in_force", "releases", "releases_itself", "section_end"]
