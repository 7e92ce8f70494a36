r"""The number of training inputs said in words, and whether the notes speak of mini-batches (review rv46 A3, A4).

- "The cost over all $n$ training inputs is": the count of the inputs is n, though no formula C = (1/n) Σ_x C_x
  says so; a claim dividing by another letter (1/m, never introduced) is not judged against it;
- a step ``w \to w - \frac{\eta}{m}\sum_x …`` under a mean over n inputs is Nielsen's mini-batch step only in notes
  that do not deny mini-batches, or that introduce m ("a mini-batch of $m$ inputs", $m = 10$) or speak of mini-batches
  or SGD beside the denial; "full-batch gradient descent, … (no mini-batches here)" alone: m is never introduced.

>>> said_counts("Intro.\nThe cost over all $n$ training inputs is")
((2, 'n'),)
>>> said_counts("With a mini-batch of $m$ inputs:")
()
>>> said_counts("mini-batches $B$ of $m$ training inputs, drawn from the $n$ training inputs")
((1, 'n'),)
>>> speaks_of_batches("Full-batch gradient descent (no mini-batches here): over all $n$ inputs")
False
>>> speaks_of_batches("Input mini batch."), speaks_of_batches("With a mini-batch of $m$ inputs:")
(True, True)
"""

from __future__ import annotations

import re

from .setwords import batch_size_spans

_SAID = re.compile(r"(?:\b(?:all|the)\s+\$\s*(?P<a>[mnN])\s*\$\s+(?:training\s+)?(?:inputs|examples|samples|data\s+points)"
                   r"|\$\s*(?P<b>[mnN])\s*\$\s+training\s+(?:inputs|examples|samples))", re.I)
_M_INTRODUCED = re.compile(r"(?<!\$)\$\s*m\s*(?:(?:=|<|>|\\(?:le|leq|ll|ge|geq|neq|ne)(?![A-Za-z]))[^$]*)?\$(?!\$)")
_BATCH_WORDS = re.compile(r"mini[-\s]?batch|minibatch|\bSGD\b|stochastic|stochastick|mini[-\s]?dávk|dávk[ayou]"
                          r"|mini[-\s]?paczk|mini[-\s]?parti|мини-?батч|мини-?пакет|стохастич", re.I)
_NOT_BATCH = re.compile(r"\b(?:no|without|not|bez|bez\s+użycia|без)\s+(?:\w+\s+){0,2}?(?:mini[-\s]?batch\w*|minibatch\w*"
                        r"|SGD|stochastic\w*|mini[-\s]?dávk\w*|mini[-\s]?paczk\w*|мини-?батч\w*)|full[-\s]batch", re.I)


def said_counts(text: str) -> tuple:
    """(line, letter) of every sentence that says how many training inputs there are ("over all $n$ training
    inputs", "the $N$ examples"): m, n or N."""
    found = []
    for k, line in enumerate(text.splitlines(), start=1):
        batch = batch_size_spans(line)  # "mini-batches $B$ of $m$ training inputs": a batch's size (rv48 D3)
        for m in _SAID.finditer(line):
            if any(a <= m.start() and m.end() <= b for a, b in batch):
                continue
            found.append((k, m.group("a") or m.group("b")))
    return tuple(found)


def batches_allowed(text: str) -> bool:
    """Whether a step with η/m may be read as a mini-batch's: False only in notes that deny mini-batches ("full-batch
    gradient descent", "no mini-batches here") and neither introduce m nor speak of mini-batches otherwise; notes
    silent on them keep Nielsen's reading (a step's 1/m is the mini-batch's).

    >>> batches_allowed("Full-batch gradient descent (no mini-batches here)"), batches_allowed("Gradient descent:")
    (False, True)
    """
    return not _NOT_BATCH.search(text) or speaks_of_batches(text)


def speaks_of_batches(text: str) -> bool:
    """Whether the notes introduce a mini-batch's m in words (``$m$``, ``$m = 10$``) or speak of mini-batches or
    stochastic gradient descent, a negated mention ("no mini-batches", "full-batch") aside."""
    plain = _NOT_BATCH.sub(" ", text)
    return bool(_M_INTRODUCED.search(plain) or _BATCH_WORDS.search(plain))


__all__ = ["batches_allowed", "said_counts", "speaks_of_batches"]
