r"""Formulas the notes ask about, not state (review 39 A4, B6, C2).

"Exercise: what changes with $\sigma(z) = \tanh(z)$?", "What changes if $z^l = w^l a^{l-1}$?", "Co se změní pro
$C = \|a^L - y\|^2$?", "Что изменится, если $h = \sigma(g)$?", "Co się zmieni dla $\sigma(z) = z$?": a formula in a
sentence that ends with "?", or after the words "what changes with/if" (co se změní, что изменится, co się zmieni)
in its sentence, is a question of the notes, not their statement. It is prose: not judged, not a definition of the
model (a σ, a cost, a node of a graph the notes define otherwise stays theirs), with the reason saying so. A
display after a question ("What is δ^L?⏎⏎$$\delta^L = …$$") is the answer, its own sentence, and is read.

>>> text = "Net.\n\nExercise: what changes with $\\sigma(z) = \\tanh(z)$?\n"
>>> asked(text, 3, "\\sigma(z) = \\tanh(z)")
'Exercise: what changes with …?'
>>> asked("We have $a = b$. Why?", 1, "a = b"), asked("What is $\\delta$? It is $a = b$.", 1, "a = b")
('', '')
>>> asked("Ours is $a = b$ — why? Next.", 1, "a = b"), asked("Why is ours $a = b$? Next.", 1, "a = b")
('', 'Why is ours …?')
>>> asked("What changes is that $a = b$ now.", 1, "a = b"), asked("Что изменится, если $a = b$.", 1, "a = b")
('', 'Что изменится, если …')
"""

from __future__ import annotations

import re
from dataclasses import replace

from .graphexamples import _locate
from .graphtargets import under_exercises
from .sentences import sentence_span

#: Words that ask what a change would do, before the formula in its sentence (en/cs/ru/pl).
_WHAT_CHANGES = re.compile(
    r"(?:\bwhat\s+(?:changes|would\s+change|happens|would\s+happen)|\bhow\s+does\s+\w+\s+change)"
    r",?\s+(?:with|if|when|for|under|in)\b"
    r"|\b(?:co\s+se\s+(?:změní|stane)|jak\s+se\s+změní),?\s+(?:pro|když|při|se|s|ve?|pokud|jestliže)\b"
    r"|\b(?:что\s+(?:изменится|поменяется|будет|произойдёт|произойдет)|как\s+изменится),?\s+(?:если|при|для|с|в)\b"
    r"|\b(?:co\s+si[ęe]\s+(?:zmieni|stanie)|jak\s+si[ęe]\s+zmieni),?\s+(?:dla|gdy|jeśli|jeżeli|przy|z|w)\b",
    re.IGNORECASE)


#: A question after the formula that asks only for its reason, in a clause of its own: "$…$ — why?", "$…$, but why?",
#: "$…$ (why?)", "— proč?", "— почему?", "— dlaczego?" (review rv42 2: the definition was skipped as a question and
#: the claims after it were checked without it).
_WHY = re.compile(r"\s*(?:[,;:—–]|\s-)\s*\(?\s*(?:(?:but|and|ale|a|но|а|ale|i)\s+)?(?:why(?:\s+so|\s+not)?|how\s+come|proč|почему|зачем"
                  r"|dlaczego|czemu)\s*\)?\s*|\s*\(\s*(?:why|proč|почему|dlaczego)\s*", re.I)


#: A sentence that opens as an exercise ("Exercise: …", "Cvičení 2. …"); a heading of exercises is ``under_exercises``.
_EXERCISE = re.compile(r"\s*(?:exercises?|problems?|tasks?|cvičení|úloh[ay]|упражнени[ея]|задач[аи]|ćwiczeni[ea]"
                       r"|zadani[ea])\b", re.IGNORECASE)


def asked(text: str, line: int, source: str) -> str:
    """The question (its words, the formula shown as …) the formula ``source`` at ``line`` of ``text`` stands in,
    or "" when its sentence states it."""
    at = _locate(text, line, source)
    if at is None:
        return ""
    start, end = at
    while start > 0 and text[start - 1] == "$":
        start -= 1
    while end < len(text) and text[end] == "$":
        end += 1
    first, stop = sentence_span(text, start, end)
    if text.startswith("?", stop) and _WHY.fullmatch(text[end:stop]):
        return ""  # "Our activation is $\sigma(z) = \tanh(z)$ — why?": the formula is stated, its reason asked
    if not (text.startswith("?", stop) or _WHAT_CHANGES.search(re.sub(r"\$[^$]*\$", " ", text[first:start]))):
        return ""
    shown = " ".join(f"{text[first:start]}…{text[end:stop]}".split()).rstrip(".,;:?")
    return shown[:100] + ("?" if text.startswith("?", stop) else "")


def questions(items: list, text: str) -> list:
    """``items`` with each claim or definition the notes only ask about made prose, the reason naming the question
    (a notebook's formulas, and those the notes deny, are left as they are)."""
    out = []
    for f in items:
        question = ""
        if f.cell is None and f.kind in ("claim", "definition", "unreadable") and not f.negated:
            question = asked(text, f.line, f.source or f.text)
        if not question:
            out.append(f)
            continue
        at = _locate(text, f.line, f.source or f.text)
        whose = "an exercise's" if (at and under_exercises(text, at[0])) or _EXERCISE.match(question) else "a"
        out.append(replace(f, kind="prose", reason=f"asked in {whose} question (“{question}”), not stated: the "
                                                   "notes claim nothing with it and do not define their model by it"))
    return out


__all__ = ["asked", "questions"]
