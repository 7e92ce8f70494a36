r"""A regularization term the notes add to their cost in words: "the cost also contains the L2 term".

symbp's costs have no regularization term. Once the prose says the cost carries one (L2 or L1
regularization, weight decay; cs/ru/pl), the gradient of the cost by a weight gains the term's
derivative (λ/n · w for L2), so a claim about ∂C/∂w, ∇_w C or a step on w after those words is not
the claim symbp would check: it is uninterpretable, naming the words. δ, ∂C/∂b and the steps on the
biases do not depend on a term in the weights, and are judged as before. Words that deny the term
("without regularization", "no weight decay") and headings (a topic, not yet a term) add nothing.

>>> [(m.line, m.words) for m in regularizers("Intro.\n\nFrom now on the cost has an L2 regularization term.\n")]
[(3, 'regularization')]
>>> regularizers("We train without regularization.")
()
>>> about_weights(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "w", "w")
True
>>> about_weights(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", "w", "w")
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prosecost import MATH

#: A regularization term named in words (English, Czech, Russian, Polish).
_TERM = re.compile(r"regulari[sz]\w*|weight[- ]decay|regulariza\w*|regularizačn\w*|регуляризац\w*"
                   r"|затухани\w*\s+вес\w*|regularyzac\w*|zanik\w*\s+wag", re.I)
#: Words just before it that deny it: "without regularization", "no weight decay", "bez regularizace".
_DENIED = re.compile(r"(?:\bwithout|\bno|\bnot|\bbez|\bбез|\bнет|\bnie)\W+(?:\w+\W+){0,2}$", re.I)

_HEADING = re.compile(r"\s*(?:#|\\(?:sub)*section\*?\{|\\(?:chapter|paragraph)\*?\{)")


@dataclass(frozen=True)
class Regularizer:
    line: int
    words: str

    def reason(self) -> str:
        return (f"the notes add a regularization term to their cost (“{self.words}” on line {self.line}), which "
                "symbp's costs lack: its gradient by a weight gains the term's derivative, so a claim about the "
                "cost's gradient by a weight, or a step on a weight, is not checked (write the regularized cost "
                "as a formula to have it read)")


def regularizers(text: str) -> tuple[Regularizer, ...]:
    """The lines whose prose says the cost carries a regularization term (math taken out first)."""
    out = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if _HEADING.match(raw):
            continue  # "# Regularization": a topic, not yet a term in the cost
        words = MATH.sub(" ", raw)
        for m in _TERM.finditer(words):
            if not _DENIED.search(words[:m.start()]):
                out.append(Regularizer(n, m.group(0)))
                break
    return tuple(out)


def since_line(found: tuple[Regularizer, ...], line: int) -> "Regularizer | None":
    """The first regularizer named on a line up to ``line``, else None."""
    return next((r for r in found if r.line <= line), None)


def about_weights(text: str, weight: str, matrix: str) -> bool:
    r"""Does ``text`` differentiate by a weight (∂…/∂w, ∇_w, ∇_{W}) or update one (w \to …, W := …)?"""
    names = "|".join(re.escape(n) for n in sorted({weight, matrix}))
    by = rf"(?:\\partial|\bd)\s*\{{?\s*(?:\\mathbf\{{|\\boldsymbol\{{)?\s*(?:{names})(?![A-Za-z])"
    nabla = rf"\\nabla_\s*\{{?\s*(?:\\mathbf\{{|\\boldsymbol\{{)?\s*(?:{names})(?![A-Za-z])"
    step = rf"^\s*(?:\\tilde\s*\{{)?\s*(?:{names})(?![A-Za-z])[^=]*?(?:\\to|\\rightarrow|\\leftarrow|\\gets|:=|=\s*(?:{names}))"
    return bool(re.search(by, text) or re.search(nabla, text) or re.match(step, text))
