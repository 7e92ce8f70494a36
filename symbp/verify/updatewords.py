r"""An update rule whose new value the prose names: ``U = W - \eta \frac{\partial L}{\partial W}``, "where $U$ is the new
value of the weights" (review rv42).

A new letter on the left of a step (``U = W - \eta …``) reads as a definition of a new quantity U. When the prose of its
sentence (or of a "where …" right after it) says U is the new value of the weights ("$U$ is the new value", "the
updated weights $U$", "the weights after the step are …"), the formula is the update rule ``W \gets W - \eta …`` and is
judged as one (before: filed as a definition of U, never judged). A name the notes define otherwise too is left as
written. ``W^+ = W - \eta …`` (the next iterate written with a ``+``) is read as ``W' = W - \eta …`` (before: unreadable,
"+" taken for a layer); a ``^+`` elsewhere (a pseudo-inverse) is left.

>>> text = "$$U = W - \\eta \\nabla_W L$$ where $U$ is the new value of the weights."
>>> prose_new_values(text, [(1, "U = W - \\eta \\nabla_W L")])
{0: 'W \\gets W - \\eta \\nabla_W L'}
>>> prose_new_values("$$U = W - \\eta \\nabla_W L$$", [(1, "U = W - \\eta \\nabla_W L")])
{}
"""

from __future__ import annotations

import re

from .graphexamples import _locate
from .sentences import FORMULA, masked, sentences

_RATE = r"\\(?:eta|xi|alpha|epsilon|varepsilon|gamma|lambda|mu)(?![A-Za-z])"
_NAME = r"(?:[A-Za-z]|\\[A-Za-z]+)(?:_\s*(?:\{[^{}]*\}|\w))?"
#: ``U = W - \eta …`` (also := and a bold or Greek letter): a new name, the old one, a sign and a rate after it
_STEP = re.compile(r"^\s*(?P<new>" + _NAME + r")\s*(?P<arrow>:=|=)\s*(?P<old>" + _NAME + r")(?![\w'^])\s*(?P<rest>[-+].*)$",
                   re.S)
#: ``W^+ = W - \eta …``, ``W^{+}``: the next iterate marked by a plus
_PLUS = re.compile(r"^\s*(?P<name>" + _NAME + r")\s*\^\s*(?:\+|\{\s*\+\s*\})\s*(?P<arrow>:=|=)\s*(?P<old>" + _NAME
                   + r")(?![\w'^])\s*(?P<rest>[-+].*)$", re.S)
#: words that say a name is the new value of a parameter (en; cs, ru, pl in their common phrasing)
_NEW_VALUE = (r"(?:new|updated|next)\s+(?:value|values|weights?|parameters?|iterate|matrix)|(?:weights?|parameters?|values?)"
              r"\s+after\s+(?:the|one|a)\s+(?:step|update)|nov[áéý]\w*\s+(?:hodnot\w*|vah\w*)|нов\w+\s+(?:значени\w*|вес\w*)"
              r"|now\w+\s+(?:wartoś\w*|wag\w*)")
_WHERE = re.compile(r"^\s*[,;:]?\s*(?:where|here|with|kde|где|gdzie)\b", re.I)


def _bare(name: str) -> str:
    return re.sub(r"[\s{}]", "", name)


def _says_new(sentence: str, new: str) -> bool:
    """Does ``sentence`` say that ``new`` is the new value ("$U$ is the new value", "the updated weights $U$"), or
    call the formula in it the weights after the step?"""
    hidden = masked(sentence)
    words = re.search(_NEW_VALUE, hidden, re.I)
    if words is None:
        return False
    named = [m for m in FORMULA.finditer(sentence) if _bare(m.group(0).strip("$")) == _bare(new)]
    if not named:  # "The weights after the step are $$U = …$$": the words name the formula itself
        return True
    return any(abs(m.start() - words.start()) < 60 for m in named)


def prose_new_values(text: str, formulas: list) -> dict:
    r"""index -> ``W \gets W - …`` for each ``(line, text[, source])`` of ``formulas`` that is a step to a new name the prose calls
    the new value (see the module); ``W' = W - …`` for ``W^+ = W - …``."""
    spans = sentences(text)
    defined = {}
    for _, t, *_written in formulas:
        m = re.match(r"^\s*(" + _NAME + r")\s*(?::=|=)", t)
        if m:
            defined[_bare(m.group(1))] = defined.get(_bare(m.group(1)), 0) + 1
    out = {}
    for k, (line, t, *written) in enumerate(formulas):
        plus = _PLUS.match(t)
        if plus and _bare(plus.group("name")) == _bare(plus.group("old")) and re.search(_RATE, plus.group("rest")):
            out[k] = f"{plus.group('name')}' {plus.group('arrow')} {plus.group('old')} {plus.group('rest')}"
            continue
        m = _STEP.match(t)
        if m is None or _bare(m.group("new")) == _bare(m.group("old")) or not re.search(_RATE, m.group("rest")):
            continue
        if defined.get(_bare(m.group("new")), 0) > 1:
            continue  # U defined elsewhere too: the notes' own quantity
        at = _locate(text, line, (written[0] if written else "") or t)
        i = next((i for i, (a, b) in enumerate(spans) if at is not None and a <= at[0] < b), None)
        if i is None:
            continue
        said = [text[spans[i][0]:spans[i][1]]]
        if i + 1 < len(spans) and _WHERE.match(masked(text[spans[i + 1][0]:spans[i + 1][1]])):
            said.append(text[spans[i + 1][0]:spans[i + 1][1]])
        if any(_says_new(s, m.group("new")) for s in said):
            out[k] = f"{m.group('old')} \\gets {m.group('old')} {m.group('rest')}"
    return out


__all__ = ["prose_new_values"]
