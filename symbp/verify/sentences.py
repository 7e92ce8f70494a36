r"""Sentences of the notes' prose, and the words that make one hypothetical ("if … would", "imagine replacing").

``sentences`` cuts prose into sentences without cutting a formula, and keeps a display with the words that
lead into it ("If $n_L = 1$, then⏎⏎$$…$$" is one sentence). ``HYPOTHETICAL`` finds the words that make a
sentence hypothetical, conditional or an example; ``single_output`` (one output neuron in the prose) and
``inforce`` (which cost or activation is in force at a line) read them alike.

>>> text = "We use $C$. If we used $D$ instead, we would get\n\n$$x = 1$$\n\nDone."
>>> [" ".join(text[a:b].split()) for a, b in sentences(text)][1]
'If we used $D$ instead, we would get $$x = 1$$'
>>> HYPOTHETICAL.search(masked("Představte si, že nahradíte $\\sigma$")) is not None
True
"""

from __future__ import annotations

import re

#: Words that make a sentence hypothetical, conditional or an example: it does not fix the notes' network ("If the
#: network had a single output neuron, we could write …", "If $n_L = 1$, then …", "In the special case $n_L = 1$ …",
#: "For example, with one output neuron, …"), at most the formulas it states after them.
HYPOTHETICAL = re.compile(
    r"\b(?:if|had|would|were|suppose|supposing|imagine|could|when|whenever|in\s+the\s+(?:\w+\s+)?case"
    r"|for\s+(?:example|instance))\b|\be\.\s?g\."
    r"|\b(?:pokud|kdyby|kdybychom|jestliže|když|v\s+(?:\w+\s+)?případě|například)\b"
    r"|\b(?:если|в\s+(?:\w+\s+)?случае|бы|например)\b"
    r"|\b(?:jeśli|jeżeli|gdyby\w*|gdy|w\s+(?:\w+\s+)?przypadku|na\s+przykład)\b"
    # imagine (Czech, Russian, Polish): "Představte si, že nahradíte …", "Представьте, что …", "Wyobraźmy sobie …"
    r"|\bpředstav(?:te|me)?\s+si\b|\bпредстав(?:ьте|им|ь)\b|\bwyobraź(?:my|cie)?\s+sobie\b", re.IGNORECASE)

#: Formulas in the text: display ($$…$$, \[…\], an environment) or inline ($…$, \(…\)).
FORMULA = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}|\$[^$]+\$|\\\(.*?\\\)",
                     re.DOTALL)
DISPLAY = re.compile(r"\$\$|\\\[|\\begin")
#: A sentence ends at . ! ? (outside formulas) or a blank line; a blank line after words that do not end, before a
#: display, goes on into that display ("If $n_L = 1$, then\n\n$$…$$").
_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bnapř)(?<!\bnp)(?<!т\.е)(?<!\bнапр)(?<!\bcf)(?<!\btj)"
                  r"[.!?](?=\s|$)|\n[ \t]*\n")  # not after e.g., i.e., např., т.е., …: the sentence goes on


def sentences(text: str) -> list:
    """[(start, end)] of the sentences of ``text`` (formulas are never cut; see ``_END``)."""
    masked = list(text)
    for m in FORMULA.finditer(text):
        masked[m.start():m.end()] = "~" * (m.end() - m.start())
    masked = "".join(masked)
    out, start, at = [], 0, 0
    while at < len(masked):
        m = _END.search(masked, at)
        if m is None:
            break
        if m.group(0)[0] not in ".!?" and not masked[start:m.start()].rstrip().endswith("~"):
            # words without their end, then a display: the display is theirs (one display, never a run of them)
            nxt = len(masked) - len(masked[m.end():].lstrip())
            if nxt < len(masked) and masked[nxt] == "~" and DISPLAY.match(text, nxt):
                at = nxt + len(masked[nxt:]) - len(masked[nxt:].lstrip("~"))
                continue
        out.append((start, m.end()))
        start = at = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


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


__all__ = ["DISPLAY", "FORMULA", "HYPOTHETICAL", "line_of", "masked", "position_of", "prose", "sentences"]
