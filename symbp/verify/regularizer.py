r"""A regularization term the notes add to their cost in words: "the cost also contains the L2 term".

symbp's costs have no regularization term. Once the prose names one (L2 or L1 regularization, weight decay, an
L2 / ridge / Tikhonov / lasso penalty; cs/ru/pl), the gradient of the cost by a weight gains the term's derivative
(λ/n · w for L2), so a claim about ∂C/∂w, ∇_w C or a step on w after those words is not the claim symbp would check:
it is uninterpretable, naming the words. δ, ∂C/∂b and the steps on the biases do not depend on a term in the
weights, and are judged as before. Every mention counts, a denial too: "without regularization" beside "the
biases do not have any L2 term; only the weights do" or "we do not need the weight decay to be large" (review 22)
shows that the words cannot tell a plain denial apart, and reading one as a cost without the term let the
unregularized BP4 hold. A heading counts too ("# Training with L2 regularization": the claims of its section may carry the term). The words are read across line breaks ("weight⏎decay", "regulari-⏎zation"). A term
stated for the whole notes ("Throughout these notes the cost contains an L2 term", "the formulas above") reaches
back to the claims before it.

>>> [(m.line, m.words) for m in regularizers("Intro.\n\nFrom now on the cost has an L2 regularization term.\n")]
[(3, 'regularization')]
>>> [m.words for m in regularizers("We train without regularization.")]
['regularization']
>>> [m.words for m in regularizers("We never train without regularization.")]
['regularization']
>>> [(m.line, m.throughout) for m in regularizers("A.\nThroughout, we train with weight\ndecay.")]
[(2, True)]
>>> about_weights(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "w", "w")
True
>>> about_weights(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", "w", "w")
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prosecost import MATH

_S = r"[-\s]+"  # between the words of a term: spaces, a line break, a hyphen
#: A regularization or penalty term named in words (English, Czech, Russian, Polish).
_TERM = re.compile(r"regulari[sz]\w*|regulariza\w*|regularizačn\w*|weight" + _S + r"decay|penali[sz]\w*|penalt\w*"
                   r"|\bridge\b|tikhonov\w*|\blasso\b|elastic" + _S + r"net|регуляризац\w*|затухани\w*\s+вес\w*"
                   r"|штраф\w*|regularyzac\w*|zanik\w*\s+wag|útlum\w*\s+vah", re.I)
#: Words that state the term for the whole notes: it reaches back to the claims before it.
_THROUGHOUT = re.compile(r"\bthroughout\b|\beverywhere\b|\balways\b|\bin\s+(?:all\s+(?:of\s+)?)?(?:these|this|the|our)"
                         r"\s+(?:whole\s+|entire\s+)?(?:notes|lectures?|course|text|chapter|document)\b"
                         r"|\bfrom\s+the\s+(?:start|beginning)\b|\ball\s+(?:the\s+)?(?:costs|losses)\b"
                         r"|\babove\b|\bearlier\b|\bvýše\b|\bвыше\b|\bpowyżej\b"
                         r"|\bvšude\b|\bvždy\b|\bвсегда\b|\bвсюду\b|\bzawsze\b|\bwszędzie\b", re.I)
#: A heading: its own sentence (a section "# Training with L2 regularization" is about a regularized cost).
_HEADING = re.compile(r"\s*(?:#|\\(?:sub)*section\*?\{|\\(?:chapter|paragraph)\*?\{)")


@dataclass(frozen=True)
class Regularizer:
    line: int
    words: str
    throughout: bool = False  # stated for the whole notes: in force before its line too

    def reason(self) -> str:
        where = f"for the whole notes, on line {self.line}" if self.throughout else f"on line {self.line}"
        return (f"the notes add a regularization term to their cost (“{self.words}” {where}), which "
                "symbp's costs lack: its gradient by a weight gains the term's derivative, so a claim about the "
                "cost's gradient by a weight, or a step on a weight, is not checked (write the regularized cost "
                "as a formula to have it read)")


def _prose(text: str) -> "tuple[str, list[int]]":
    """The words of ``text`` without math and headings, a word broken by a hyphen at a line's end joined, and the
    line of each character."""
    words, lines = [], []
    raw = text.splitlines()
    for n, line in enumerate(raw, start=1):
        clean = MATH.sub(" ", line) + (". " if _HEADING.match(line) else "")  # a heading is a sentence
        if re.search(r"[A-Za-zа-яё]-\s*$", clean) and n < len(raw) and re.match(r"\s*[a-zа-яё]", raw[n]):
            clean = re.sub(r"-\s*$", "", clean)  # "regulari-⏎zation"
            sep = ""
        else:
            sep = "\n"
        words.append(clean + sep)
        lines += [n] * (len(clean) + len(sep))
    return "".join(words), lines


def _sentence(words: str, start: int, end: int) -> str:
    first = max(words.rfind(". ", 0, start), words.rfind("\n\n", 0, start), words.rfind("! ", 0, start))
    stops = [k for k in (words.find(". ", end), words.find("\n\n", end), words.find("! ", end)) if k >= 0]
    return words[first + 1:min(stops) if stops else len(words)]


def regularizers(text: str) -> tuple[Regularizer, ...]:
    """The lines whose prose names a regularization term of the cost (math and headings taken out first), one
    per line; those stated for the whole notes first."""
    words, lines = _prose(text)
    out: dict = {}
    for m in _TERM.finditer(words):
        line = lines[m.start()] if m.start() < len(lines) else len(text.splitlines())
        if line in out:
            continue  # a denial too counts: "the biases do not have any L2 term; only the weights do" (review 22)
        out[line] = Regularizer(line, " ".join(m.group(0).split()),
                                bool(_THROUGHOUT.search(_sentence(words, m.start(), m.end()))))
    return tuple(sorted(out.values(), key=lambda r: (not r.throughout, r.line)))


#: λ in a formula: the weight of a regularization term (UFLDL's J(W,b) = [...] + \frac{\lambda}{2} Σ (W^{(l)}_{ji})²).
_LAMBDA = re.compile(r"\\lambda(?![A-Za-z])")


def in_definitions(formulas: "list[tuple[int, str]]", defines_cost) -> tuple[Regularizer, ...]:
    r"""The definitions of the cost among ``formulas`` (line, text) (``defines_cost(text)``) that add a term weighted
    by λ, as regularizers for the whole notes: symbp reads no such cost, and without the words for it a claim about
    the cost's gradient by a weight would be checked against the cost without the term (UFLDL defines J(W,b) so,
    and ∂J(W,b)/∂W^{(l)}_{ij} = a^{(l)}_j δ^{(l+1)}_i held).

    >>> [r.line for r in in_definitions([(3, r"J = \frac12\|a - y\|^2 + \frac{\lambda}{2}\|W\|^2"), (5, r"J = C")],
    ...                                 lambda t: t.startswith("J"))]
    [3]
    """
    return tuple(Regularizer(line, f"the term in λ of {' '.join(text.split())[:60]}", True)
                 for line, text in formulas if defines_cost(text) and _LAMBDA.search(text))


def since_line(found: tuple[Regularizer, ...], line: int) -> "Regularizer | None":
    """The regularizer in force at ``line``: one stated for the whole notes, else the first named on a line up to
    ``line``; None if none."""
    return next((r for r in found if r.throughout or r.line <= line), None)


def about_weights(text: str, weight: str, matrix: str) -> bool:
    r"""Does ``text`` differentiate by a weight (∂…/∂w, ∇_w, ∇_{W}) or update one (w \to …, W := …)?"""
    names = "|".join(re.escape(n) for n in sorted({weight, matrix}))
    by = rf"(?:\\partial|\bd)\s*\{{?\s*(?:\\mathbf\{{|\\boldsymbol\{{)?\s*(?:{names})(?![A-Za-z])"
    nabla = rf"\\nabla_\s*\{{?\s*(?:\\mathbf\{{|\\boldsymbol\{{)?\s*(?:{names})(?![A-Za-z])"
    step = rf"^\s*(?:\\tilde\s*\{{)?\s*(?:{names})(?![A-Za-z])[^=]*?(?:\\to|\\rightarrow|\\leftarrow|\\gets|:=|=\s*(?:{names}))"
    return bool(re.search(by, text) or re.search(nabla, text) or re.match(step, text))


#: A name a derivative is taken by: a letter, a bold letter, a Greek letter.
_NAME = r"\s*\{?\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?(\\[A-Za-z]+|[A-Za-z])"
#: A step on a quantity: "W \leftarrow …", "w := …", "θ \to …".
_STEP = re.compile(r"\\leftarrow|\\gets|:=|\\to\b|\\rightarrow|\\mapsto")


def _group(text: str, at: int) -> "tuple[str, int]":
    """The brace group of ``text`` opening at or after ``at`` (spaces skipped), and where it ends; ('', at) if none."""
    k = at
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text) or text[k] != "{":
        return "", at
    depth = 0
    for j in range(k, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[k + 1:j], j + 1
    return "", at


def derivative_names(text: str) -> "list[str]":
    r"""The names ``text`` differentiates by: the denominators of its fractions (∂/∂X, dX), ∇_X.

    >>> derivative_names(r"\frac{\partial L}{\partial w_{12}} = \frac{dL}{d\mathbf{h}} + \nabla_{W} J")
    ['w', 'h', 'W']
    """
    out = []
    for m in re.finditer(r"\\frac(?![A-Za-z])", text):
        _, end = _group(text, m.end())
        below, _ = _group(text, end)
        out += [n.group(1) for n in re.finditer(r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|(?<![A-Za-z\\])d)" + _NAME, below)]
    out += [n.group(1) for n in re.finditer(r"\\nabla\s*_" + _NAME, text)]
    return out


def about_parameters(text: str, computed) -> bool:
    r"""Does ``text`` (graph notes) differentiate by a quantity the notes do not compute (``computed(name)`` is
    False: a weight, an input, a target) or step one? A term in the weights changes those; the derivatives by the
    computed nodes (∂L/∂h) stay as they are.

    >>> about_parameters(r"\frac{\partial L}{\partial w_{12}} = x_2", {"h", "L"}.__contains__)
    True
    >>> about_parameters(r"\frac{\partial L}{\partial h} = h - y", {"h", "L"}.__contains__)
    False
    >>> about_parameters(r"W \leftarrow W - \eta G", {"h", "L"}.__contains__)
    True
    """
    return bool(_STEP.search(text)) or any(not computed(n) for n in derivative_names(text))
