r"""Sentences of the notes' prose, and the words that make one hypothetical ("if … would", "imagine replacing").

``sentences`` cuts prose into sentences without cutting a formula, and keeps a display with the words that
lead into it ("If $n_L = 1$, then⏎⏎$$…$$" is one sentence). ``HYPOTHETICAL`` finds the words that make a
sentence hypothetical, conditional or an example; ``single_output`` (one output neuron in the prose) and
``inforce`` (which cost or activation is in force at a line) read them alike.

Where a sentence goes on across a blank line (a display set on a paragraph of its own): words that cannot end
there (no full stop, question or exclamation mark; not a heading; not ending in a formula) go on, over the blank
line, into the display after them ("It is not true that⏎⏎$$…$$", "If $n_L = 1$, then⏎⏎$$…$$": ``runs_on``); words
after a display and a blank line that begin in lower case go on the display's sentence ("The formula⏎⏎$$…$$⏎⏎is
wrong.": ``goes_on``). ``sentence_span`` is the sentence of one formula by these rules (``graphexamples``, read by
the negation and assumption readers).

>>> runs_on("It is not true that\n"), runs_on("We have shown this.\n"), runs_on("## Mistakes\n")
(True, False, False)
>>> goes_on("is wrong."), goes_on("The next formula")
(True, False)
>>> text = "We use $C$. If we used $D$ instead, we would get\n\n$$x = 1$$\n\nDone."
>>> [" ".join(text[a:b].split()) for a, b in sentences(text)][1]
'If we used $D$ instead, we would get $$x = 1$$'
>>> HYPOTHETICAL.search(masked("Představte si, že nahradíte $\\sigma$")) is not None
True
"""

from __future__ import annotations

import functools
import re

#: Words that make a sentence hypothetical, conditional or an example: it does not fix the notes' network ("If the
#: network had a single output neuron, we could write …", "If $n_L = 1$, then …", "In the special case $n_L = 1$ …",
#: "For example, with one output neuron, …"), at most the formulas it states after them.
HYPOTHETICAL = re.compile(
    r"\b(?:if|had|would|were|suppose|supposing|imagine|when|whenever|in\s+the\s+(?:\w+\s+)?case"
    # "could", not "could be written / shown / computed as", "we could write": ordinary phrasing, not a supposition
    r"|could(?!(?:\s+(?:also|equally|equivalently|easily|then|now))?(?:\s+be)?\s+(?:written|rewritten|expressed|shown"
    r"|computed|derived|verified|checked|obtained|simplified|write|rewrite|express|show|compute|derive|verify|check)\b)"
    r"|for\s+(?:example|instance))\b|\be\.\s?g\."
    r"|\b(?:pokud|kdyby|kdybychom|jestliže|když|v\s+(?:\w+\s+)?případě|například)\b"
    r"|\b(?:если|в\s+(?:\w+\s+)?случае|бы|например)\b"
    r"|\b(?:jeśli|jeżeli|gdyby\w*|gdy|w\s+(?:\w+\s+)?przypadku|na\s+przykład)\b"
    # imagine (Czech, Russian, Polish): "Představte si, že nahradíte …", "Представьте, что …", "Wyobraźmy sobie …"
    r"|\bpředstav(?:te|me)?\s+si\b|\bпредстав(?:ьте|им|ь)\b|\bwyobraź(?:my|cie)?\s+sobie\b", re.IGNORECASE)

#: Formulas in the text: display ($$…$$, \[…\], an environment) or inline ($…$, \(…\)).
#: (only math environments and tables: \begin{document}, itemize or a theorem environment are prose; read as a formula they
#: made a whole LaTeX document one sentence, so no word reader saw its sentences)
MATH_ENVIRONMENTS = (r"(?:equation|align|alignat|flalign|gather|multline|eqnarray|displaymath|math|dmath|dgroup|split"
                     r"|aligned|alignedat|gathered|array|[pbvBV]?matrix|smallmatrix|cases|dcases|subequations"
                     r"|tabular|tabularx|longtable|table)\*?")  # a table's cells: read by ``cellwords``, as before
FORMULA = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(" + MATH_ENVIRONMENTS + r")\}.*?\\end\{\1\}|\$[^$]+\$|\\\(.*?\\\)",
                     re.DOTALL)
DISPLAY = re.compile(r"\$\$|\\\[|\\begin")
#: A sentence ends at . ! ? (outside formulas) or a blank line; a blank line after words that do not end, before a
#: display, goes on into that display ("If $n_L = 1$, then\n\n$$…$$").
_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bnapř)(?<!\bnp)(?<!т\.е)(?<!\bнапр)(?<!\bcf)(?<!\btj)"
                  r"[.!?](?=\s|$)|\n[ \t]*\n")  # not after e.g., i.e., např., т.е., …: the sentence goes on


def sentences(text: str) -> list:
    """[(start, end)] of the sentences of ``text`` (formulas are never cut; see ``_END``)."""
    return list(_sentences(text))  # a fresh list: the callers may change theirs


@functools.lru_cache(maxsize=16)
def _sentences(text: str) -> tuple:
    # found once per text: two dozen readers ask for the same notes' sentences (review rv43 C3)
    masked = list(text)
    for m in FORMULA.finditer(text):
        masked[m.start():m.end()] = "~" * (m.end() - m.start())
    masked = "".join(masked)
    out, start, at = [], 0, 0
    while at < len(masked):
        m = _END.search(masked, at)
        if m is None:
            break
        if m.group(0)[0] not in ".!?" and runs_on(text[start:m.start()]):
            # words without their end, then a display: the display is theirs (one display, never a run of them)
            nxt = len(masked) - len(masked[m.end():].lstrip())
            if nxt < len(masked) and masked[nxt] == "~" and DISPLAY.match(text, nxt):
                at = nxt + len(masked[nxt:]) - len(masked[nxt:].lstrip("~"))
                continue
        out.append((start, m.end()))
        start = at = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return tuple(out)


def prose(sentence: str, displays: bool = True) -> str:
    """``sentence`` with its display formulas taken out (claims, not words about outputs); with ``displays=False``
    every formula is taken out."""
    return FORMULA.sub(lambda m: " " if not displays or DISPLAY.match(m.group(0)) else m.group(0), sentence)


def masked(sentence: str) -> str:
    """``sentence`` with every formula masked by ``~`` (the same length: positions stay)."""
    return FORMULA.sub(lambda m: "~" * len(m.group(0)), sentence)


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def position_of(text: str, line: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at



#: The end of a sentence: . ! ? followed by a space, not after an abbreviation (e.g., i.e., např., np., т.е.).
SENTENCE_END = re.compile(r"[.!?](?<!\be\.g.)(?<!\bi\.e.)(?<!\bnapř.)(?<!\bnp.)(?<!т\.е.)(?<!\bнапр.)(?<!\bcf.)(?<!\btj.)"
                           r"(?=\s)|\n\s*\n")  # the abbreviations looked behind only at a full stop: faster
#: A display's opening: $$, \[, an environment.
DISPLAY_OPEN = re.compile(r"\$\$|\\\[|\\begin\s*\{")
#: A heading on the last line of the words: Markdown, LaTeX sectioning, a setext underline; a table row.
_HEADING = re.compile(r"(?:^|\n)[ \t]*(?:#{1,6}\s[^\n]*|\\(?:sub)*section\*?\s*\{[^\n]*|\\paragraph\*?\s*\{[^\n]*"
                      r"|[=-]{3,}|\|[^\n]*\|)[ \t]*$")
#: A formula's closing at the end of the words: $, \], \), an environment's end.
_FORMULA_END = re.compile(r"(?:\$|\\\]|\\\)|\\end\s*\{[^{}]*\})\s*$")


def runs_on(words: str) -> bool:
    """Do ``words`` (a sentence up to a blank line) go on into a display after the blank line? Words that cannot end
    there do: no . ! ? at their end, not a heading, not ending in a formula (a formula ends its own sentence)."""
    stripped = words.rstrip()
    return bool(stripped) and stripped[-1] not in ".!?" and not _FORMULA_END.search(stripped) \
        and not _HEADING.search(stripped)


def goes_on(after: str) -> bool:
    """Do the words ``after`` (the paragraph after a display and a blank line) go on the display's sentence? Those
    that begin in lower case do ("is wrong.", "but this is false.", "where δ is the error")."""
    stripped = after.lstrip()
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()


def with_dollars(text: str, start: int, end: int) -> "tuple[int, int]":
    """The span ``start``:``end`` of a formula in ``text`` widened over the ``$`` or ``$$`` around it.

    >>> with_dollars("so $$x$$ here", 5, 6)
    (3, 8)
    """
    while start > 0 and text[start - 1] == "$":
        start -= 1
    while end < len(text) and text[end] == "$":
        end += 1
    return start, end


def sentence_span(text: str, start: int, end: int) -> "tuple[int, int]":
    """(where the sentence of the formula at ``start``–``end`` of ``text`` starts, where it stops), by the two rules
    above (``graphexamples.sentence_around``); a sentence longer than 2000 characters is cut there."""
    lo = max(0, start - 2000)  # a sentence longer than this is cut there
    ends = list(SENTENCE_END.finditer(text, lo, start))
    first = ends[-1].end() if ends else lo
    display = text.startswith("$$", start) or bool(_OPENER.search(text, first, start))
    if display and ends and ends[-1].group(0)[0] == "\n" and _OPENED.fullmatch(text, first, start):
        words_from = ends[-2].end() if len(ends) > 1 else lo  # words before the blank line that cannot end there
        if runs_on(text[words_from:ends[-1].start()]):
            first = words_from
    stop_at = SENTENCE_END.search(text, end)
    stop = stop_at.start() if stop_at else len(text)
    if display and stop_at and stop_at.group(0)[0] == "\n" and _CLOSED.fullmatch(text, end, stop) \
            and goes_on(text[stop_at.end():stop_at.end() + 200]):  # "$$…$$⏎⏎is wrong."
        more = SENTENCE_END.search(text, stop_at.end())
        stop = more.start() if more else len(text)
    return first, stop


#: A display's opening right before its formula: \\[, an environment with its arguments.
_OPENER = re.compile(r"(?:\\\[|\\begin\s*\{[A-Za-z*]+\}(?:\s*\{[^{}]*\})*)\s*$")
#: Between a sentence's start and a display: only its opening (``$$`` is left out of the formula already).
_OPENED = re.compile(r"\s*(?:\\\[|\\begin\s*\{[A-Za-z*]+\}(?:\s*\{[^{}]*\})*)?\s*")
#: Between a display and a blank line: its closing, a comma or a full stop.
_CLOSED = re.compile(r"(?:\s|\$|\\\]|\\end\s*\{[A-Za-z*]+\}|[,.;])*")


#: Words that deny or doubt what a formula in the same line states ("does not hold", "need not", "cannot assume",
#: "is false", "fails", "nowhere"; cs/ru/pl): an assumption written there is not made (a coarse test, for
#: assumptions only, where taking one that is not made could let a false claim hold).
_DOUBT = re.compile(r"\b(?:not|never|nowhere|cannot|false|fails?|failing|untrue|neither|nor)\b|n[’']t\b"
                    r"|\b(?:ne|není|nikdy|neplatí|nemusí|не|нет|никогда|nie|nigdy)\b", re.IGNORECASE)


def doubts(line: str) -> bool:
    r"""Do the words of ``line`` (its math taken out) deny or doubt something?

    >>> doubts(r"The identity $\sum_k y_k = 1$ does not hold here."), doubts(r"We assume $\sum_k y_k = 1$.")
    (True, False)
    """
    return _DOUBT.search(FORMULA.sub(" ", line)) is not None


__all__ = ["DISPLAY", "DISPLAY_OPEN", "FORMULA", "HYPOTHETICAL", "SENTENCE_END", "doubts", "goes_on", "line_of", "masked",
           "position_of", "prose", "runs_on", "sentence_span", "sentences"]
