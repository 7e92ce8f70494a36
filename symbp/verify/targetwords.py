r"""One-hot targets said in words in layered notes: "The target $y$ is a one-hot vector." (review 20, F1).

The softmax cross-entropy C = −Σ_k y_k ln a^L_k gives ∂C/∂z^L_j = a^L_j Σ_k y_k − y_j, which is a^L_j − y_j only when
the targets sum to one. Notes say so in a formula (``\sum_k y_k = 1``, read by ``model``) or in words: "The target
$y$ is a one-hot vector.", "We use the one-hot target $y$.", "Cíl $y$ je one-hot vektor.", "Zakładamy, że $y$ jest
wektorem one-hot.", "Целевой вектор $y$ — one-hot вектор." (the phrases ``graphtargets.one_hot_words`` reads for
graph notes). Such words are the same assumption as the formula, from their line on, for the notes' target letter.

Words that deny or doubt it ("$y$ is not one-hot", "need not be", ``sentences.doubts``) or make it hypothetical or
an example ("if $y$ were one-hot", "for example", ``sentences.HYPOTHETICAL``) assume nothing: the whole sentence is
read, not only the phrase.

>>> [(d.line, d.what, d.value) for d in one_hot_said("Intro.\nThe target $y$ is a one-hot vector.\n", "y")]
[(2, 'one-hot', 'words')]
>>> one_hot_said("If the target $y$ were a one-hot vector, then …", "y"), one_hot_said("$t$ is one-hot.", "y")
([], [])
>>> one_hot_said("The target $y$ need not be a one-hot vector.", "y")
[]
"""

from __future__ import annotations

import re

from .graphtargets import one_hot_words
from .model import Definition
from .sentences import HYPOTHETICAL, doubts, line_of, masked, sentences

_ONE_HOT = re.compile(r"one[- ]?hot", re.I)


def one_hot_said(text: str, target: str) -> list:
    """The definitions "one-hot" (value ``"words"``) the prose of ``text`` makes of the target letter ``target``:
    one per sentence that calls it one-hot, neither doubting nor supposing."""
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if not _ONE_HOT.search(masked(sentence)) or doubts(sentence) or HYPOTHETICAL.search(masked(sentence)):
            continue
        for said in one_hot_words(sentence):
            if said.name == target:
                line = line_of(text, start) + said.line - 1
                out.append(Definition(line, "one-hot", "words", " ".join(text.splitlines()[line - 1].split())[:120]))
    return out


__all__ = ["one_hot_said"]
