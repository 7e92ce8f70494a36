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

from .graphexamples import _HEADING, _locate
from .graphtargets import under_exercises
from .sentences import line_of, masked, prose, sentence_span, sentences, with_dollars

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
    start, end = with_dollars(text, *at)
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


# -- the answer to a question that supposes another model (review costsum 3) ---------------------------------------

#: A question's supposing word: "What is $\\delta^L$ if the output layer is linear?", "… with a softmax output?".
_SUPPOSING = re.compile(r"\b(?:if|when|whenever|with|under|suppose|supposing|assum\w*|given|instead|were|had|would"
                        r"|in\s+the\s+case|pokud|kdyby\w*|jestliže|když|při|если|бы|при|jeśli|jeżeli|gdyby\w*|gdy"
                        r"|przy)\b", re.IGNORECASE)
#: What a supposition must change to make the answer another model's: the cost, the activation, the output layer, a
#: formula ("if $y = a^L$").
_MODEL = re.compile(r"\b(?:cost|loss|activation|output|layer|sigmoid|tanh|relu|linear|softmax|identity|entropy"
                    r"|quadratic|squared|likelihood|ztrát\w*|aktivac\w*|výstup\w*|vrstv\w*|lineární\w*|потер\w*"
                    r"|активац\w*|выход\w*|сло[йяе]\w*|линейн\w*|koszt\w*|strat\w*|aktywacj\w*|wyjści\w*"
                    r"|warstw\w*|liniow\w*)", re.IGNORECASE)
#: A formula with a relation after the supposing word: a supposed value ("if $y = a^L$").
_VALUE = re.compile(r"\$[^$]*(?:=|\\neq|<|>)[^$]*\$")
_BLANK = re.compile(r"\n[ \t]*\n")
#: An answer's label alone in its paragraph: "Answer:", "**Solution.**", "Odpověď:", "Ответ:", "Odpowiedź:".
_LABEL = re.compile(r"\s*(?:\*\*|_)?\s*(?:answer|solution|odpověď|řešení|ответ|решение|odpowiedź|rozwiązanie)\s*[.:]?\s*"
                    r"(?:\*\*|_)?\s*[.:]?\s*", re.IGNORECASE)


def _answer_end(text: str, pos: int) -> int:
    # the answer: to the end of the question's paragraph, or, when the question ends it, the paragraph after a label
    # ("Answer:⏎⏎$$…$$", "Answer: $$…$$"), or a heading
    start = pos
    blank = _BLANK.search(text, start)
    end = blank.start() if blank else len(text)
    if blank and not text[pos:end].strip():  # the question ends its paragraph: an answer only after a label
        start = blank.end()
        blank = _BLANK.search(text, start)
        end = blank.start() if blank else len(text)
        labelled = re.match(r"\s*(?:\*\*|_)?\s*(?:answer|solution|odpověď|řešení|ответ|решение|odpowiedź|rozwiązanie)\b",
                            text[start:end], re.IGNORECASE)
        if labelled is None:  # "What is σ'?⏎⏎$$…$$": a display of the notes' own (review 39 A4), read as stated
            return pos
    while blank and _LABEL.fullmatch(text, start, end):  # "Answer:⏎⏎$$…$$": the label's paragraph, then the answer
        start = blank.end()
        blank = _BLANK.search(text, start)
        end = blank.start() if blank else len(text)
    head = next((m.start() for m in _HEADING.finditer(text) if pos <= m.start() < end), None)
    return end if head is None else head


def supposing_questions(text: str) -> list:
    """[(answer start, answer end, (line, the question's words))] for each question of ``text`` that supposes another
    model (a supposing word, then a cost, an activation, the output layer or a formula): its answer follows it."""
    out = []
    for a, b in sentences(text):
        if not text[a:b].rstrip().endswith("?"):
            continue
        words = masked(text[a:b])
        hyp = _SUPPOSING.search(words)
        if hyp is None or not (_MODEL.search(words, hyp.end()) or _VALUE.search(text, a + hyp.end(), b)):
            continue
        said = " ".join(prose(text[a:b]).split())
        out.append((b, _answer_end(text, b), (line_of(text, a), said[:80] + ("…" if len(said) > 80 else ""))))
    return out


def answered(text: str, items: list, taken: dict) -> "tuple[dict, list]":
    """(id(formula) -> the question it answers, in ``inforce``'s words; the header's lines) for the claims of ``items``
    in the answer to a question that supposes another model ("Exercise. What is $\\delta^L$ if the output layer is
    linear? Answer: $$\\delta^L = …$$"): stated under the question's supposition, not the notes' model, so never judged
    under it (before, BP1 with σ'(z^L) held as the answer for a linear output). Those already ``taken`` keep theirs."""
    found = supposing_questions(text)
    marks, header = {}, {}
    for f in items:
        if not found or f.cell is not None or id(f) in taken or f.negated or f.kind != "claim":
            continue
        at = _locate(text, f.line, f.source or f.text)
        hit = next((what for s, e, what in found if at is not None and s <= at[0] < e), None)
        if hit is None:
            continue
        line, said = hit
        quoted = f"\u201c{said}\u201d"
        marks[id(f)] = f"the supposition of line {line} (the question {quoted}, which this answers)"
        header[line] = (f"line {line}: a question that supposes another model ({quoted}): its answer is stated under "
                        "the supposition, not the notes' model, and is not judged")
    return marks, list(header.values())


__all__ = ["answered", "asked", "questions", "supposing_questions"]
