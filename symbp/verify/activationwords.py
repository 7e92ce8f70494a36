r"""The activation letter defined in words: "where $\sigma$ is the logistic sigmoid" (review 23).

Notes often define σ in a sentence and never as a formula: "$\sigma$ is the logistic sigmoid", "where $\sigma$ denotes
the sigmoid function", "kde $\sigma$ je logistická sigmoida", "$\sigma$ — сигмоида", "$\sigma$ to funkcja
sigmoidalna". Such a sentence binds the notes' own activation letter to a named activation, as
``\sigma(z) = \frac{1}{1+e^{-z}}`` would: a ``Definition`` of the activation from its line on. A sentence that only
names the sigmoid ("the sigmoid is popular") is not one: it may be an aside, and ``prosecost`` weighs it beside the
activation in force. A sentence that doubts, denies or supposes ("if $\sigma$ were the sigmoid", "$\sigma$ is not the
sigmoid", "$\sigma$ need not be the sigmoid") defines nothing, nor does one that keeps it to some layers or to another text ("in the output layer",
"in the original paper").

>>> [(d.line, d.value) for d in activation_said("Intro.\nHere $\\sigma$ is the logistic sigmoid.\n", r"\sigma")]
[(2, 'sigmoid')]
>>> [(d.line, d.value) for d in activation_said("kde $\\sigma$ je hyperbolický tangens.", r"\sigma")]
[(1, 'tanh')]
>>> activation_said("If $\\sigma$ were the sigmoid, then …", r"\sigma"), activation_said(
...     "The sigmoid is popular.", r"\sigma")
([], [])
>>> activation_said("Here $\\sigma$ is not the sigmoid.", r"\sigma")
[]
>>> activation_said("In the output layer $\\sigma$ is the sigmoid.", r"\sigma")
[]
"""

from __future__ import annotations

import re

from .model import Definition
from .sentences import HYPOTHETICAL, doubts, line_of, masked, sentences

#: Words that bind the letter: "is (the)", "denotes", "stands for", "means"; cs/ru/pl ("je", "označuje", "značí",
#: "—", "является", "обозначает", "to", "jest", "oznacza").
_BINDS = (r"\s*(?:,\s*)?(?:is|denotes|stands\s+for|means|is\s+defined\s+as|je|označuje|značí|představuje|[—–-]"
          r"|является|обозначает|означает|to|jest|oznacza)\s+(?:always\s+|here\s+|vždy\s+|zde\s+|всегда\s+|здесь\s+"
          r"|zawsze\s+|tu\s+)?(?:the\s+|a\s+|an\s+|our\s+)?(?:usual\s+|standard\s+|logistic\w*\s+|logistick\w*\s+"
          r"|логистическ\w*\s+|logistyczn\w*\s+)?(?:funkcj\w*\s+)?")
#: The named activations, as the words after the binding say them.
_NAMES = (("sigmoid", r"(?:sigmoid\w*|logistic\s+function|logistick\w*\s+funkc\w*|сигмоид\w*|logistic\b)"),
          ("tanh", r"(?:\\?tanh\b|(?:hyperbolic|hyperbolick\w*|гиперболическ\w*)\s+(?:tangent|tangens\w*|тангенс\w*)"
                   r"|tangens\w*\s+hiperboliczn\w*)"),
          ("relu", r"(?:ReLU\b|rectifier\b|rectified\s+linear)"))


#: Words that keep the binding to some layers, another text or another time ("in the output layer", "only",
#: "in the original paper", "historically"; cs/ru/pl): not a definition for every layer of these notes.
_KEPT = re.compile(r"\b(?:layer|layers|output|hidden|only|just|paper|original|historic\w*|older|elsewhere|other"
                   r"|vrstv\w*|výstup\w*|skryt\w*|jen|pouze|článk\w*|слой\w*|сло[ея]\w*|выходн\w*|скрыт\w*|только"
                   r"|лишь|стать\w*|warstw\w*|wyjści\w*|ukryt\w*|tylko|jedynie|artykul\w*)\b", re.I)


def _pattern(letter: str, name: str) -> re.Pattern:
    return re.compile(r"\$\s*" + re.escape(letter) + r"\s*(?:\([^$()]*\))?\s*\$" + _BINDS + name, re.I)


def activation_said(text: str, letter: str) -> list:
    """The definitions "activation" (value: symbp's name for it) that the prose of ``text`` makes of the activation
    letter ``letter``: one per sentence that binds the letter to a named activation, neither doubting nor supposing."""
    patterns = [(act, _pattern(letter, words)) for act, words in _NAMES]
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        found = [(m, act) for act, p in patterns for m in [p.search(sentence)] if m]
        plain = masked(sentence)
        if len(found) != 1 or HYPOTHETICAL.search(plain) or doubts(sentence) or _KEPT.search(plain):
            continue
        m, act = found[0]
        line = line_of(text, start + m.start())
        out.append(Definition(line, "activation", act, " ".join(text.splitlines()[line - 1].split())[:120]))
    return out


__all__ = ["activation_said"]
