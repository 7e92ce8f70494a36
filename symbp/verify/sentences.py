r"""Where a sentence of the notes goes on across a blank line: a display set on a paragraph of its own.

A sentence ends at . ! ? or at a blank line. Notes often put a display on its own paragraph, and then the blank line
does not end the sentence:

* words that cannot end there (no full stop, question or exclamation mark; not a heading; not ending in a formula)
  go on, over the blank line, into the display after them: "It is not true that⏎⏎$$…$$", "A common mistake is to
  write⏎⏎\begin{equation}…", "If $n_L = 1$, then⏎⏎$$…$$" (``runs_on``);
* words after a display and a blank line that begin in lower case go on the display's sentence: "The formula⏎⏎
  $$…$$⏎⏎is wrong.", "⏎⏎but this is false." (``goes_on``).

The one-output reader (``single_output``) and the words around a formula (``graphexamples.sentence_around``, read by
the negation and assumption readers) share these two rules.

>>> runs_on("It is not true that\n"), runs_on("We have shown this.\n"), runs_on("## Mistakes\n")
(True, False, False)
>>> goes_on("is wrong."), goes_on("The next formula")
(True, False)
"""

from __future__ import annotations

import re

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


__all__ = ["DISPLAY_OPEN", "SENTENCE_END", "goes_on", "runs_on", "sentence_span"]
