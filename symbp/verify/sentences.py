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


__all__ = ["DISPLAY_OPEN", "goes_on", "runs_on"]
