r"""The loss written as a sum of the costs of the training inputs, under the letter of the per-input costs.

``C = \sum_x C_x``, ``L = \sum_{i=1}^n L_i``, ``L = \sum_x L(x)``, ``E = E_1 + \dots + E_n``, ``\mathcal{L} = \frac12
\sum_t \mathcal{L}^{(t)}``: the loss is the total of the per-input costs, n times their mean. symbp's model is the
mean (1/n) Σ_x C_x (the per-input claims are the same for both, a claim about the total is not), so a definition of
the sum must be seen as a definition of the loss under any letter. ``definition_kinds.loss_letter`` read only C, E,
J and a calligraphic letter: ``L = \sum_x L_x`` (L alone is also the depth) was no cost definition, and under it
∂L/∂w = (1/n) Σ_x a^{x,l-1}_k δ^{x,l}_j held, where the sum's gradient is Σ_x a^{x,l-1}_k δ^{x,l}_j (review
costsum 1).

>>> summed(r"L = \sum_x L_x"), summed(r"C = C_1 + \dots + C_n"), summed(r"\ell := \sum_{i=1}^n \ell_i")
('L', 'C', '\\ell')
>>> summed(r"L = \frac{1}{n}\sum_x L_x"), summed(r"L = \sum_j a_j"), summed(r"C = \sum_x E_x")
('', '', '')
>>> summed(r"L = \frac12\sum_x L_x"), summed(r"C = \sum_j C_j")
('L', '')
"""

from __future__ import annotations

import re

from .sentences import line_of, masked, sentences

#: The loss letters a sum of per-input costs is written under.
_LETTER = r"(?:C|E|J|L|\\ell|\\mathcal\s*\{\s*[A-Z]\s*\}|\\mathbf\s*\{\s*L\s*\})"
_RELATION = r"(?::=|=|\\equiv|\\coloneqq|\\triangleq|\\doteq)"
#: A factor before the sum: 1/n (the mean), ½, 1/(2n).
_SCALE = r"(?P<scale>\\[dt]?frac\s*(?:\{[^{}]*\}|\S)\s*(?:\{[^{}]*\}|\S))?\s*"
#: One input's label after the per-input letter: _x, _{x_i}, _i, ^{(t)}, (x), (x_i).
_LABEL = (r"(?:_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[A-Za-z0-9])|\^\s*\{\s*\(\s*[A-Za-z]\s*\)\s*\}|"
          r"\(\s*[A-Za-z](?:_\s*\{?[A-Za-z0-9]\}?)?\s*\))")
_SUM = re.compile(r"^\s*(?P<letter>" + _LETTER + r")\s*(?:\(\s*w\s*,\s*b\s*\))?\s*" + _RELATION + r"\s*" + _SCALE
                  + r"\\sum\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z]))?\s*(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*"
                  r"(?P<each>" + _LETTER + r")\s*" + _LABEL + r"\s*[.,;]?\s*$")
_DOTS = r"(?:\\[lc]?dots|\\ldots|\\cdots|\.\.\.)"
_TERMS = re.compile(r"^\s*(?P<letter>" + _LETTER + r")\s*(?:\(\s*w\s*,\s*b\s*\))?\s*" + _RELATION + r"\s*" + _SCALE
                    + r"\(?\s*(?P<each>" + _LETTER + r")\s*_\s*\{?\s*1\s*\}?\s*\+\s*(?:(?P=each)\s*_\s*\{?\s*2\s*\}?\s*\+\s*)?"
                    + _DOTS + r"\s*\+\s*(?P=each)\s*_\s*\{?\s*[A-Za-z]\s*\}?\s*\)?\s*[.,;]?\s*$")
#: Σ_j, Σ_k, C_j: an output neuron's index, not an input's.
_OUTPUT_INDEX = re.compile(r"\\sum\s*_\s*\{?\s*[jk](?![A-Za-z])|_\s*\{?\s*[jk]\s*\}?\s*[.,;]?\s*$")
#: 1/n, 1/m, 1/N, \frac1n: the scale of the mean.
_MEAN = re.compile(r"^\\[dt]?frac\s*\{?\s*1\s*\}?\s*\{?\s*[mnN]\s*\}?$")


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


def summed(text: str) -> str:
    """The loss letter ``text`` defines as a sum (or a multiple of a sum other than the mean) of the per-input costs
    under the same letter, or ''. The mean, ``C = \\frac{1}{n}\\sum_x C_x``, is symbp's own cost: ''."""
    m = _SUM.match(text) or _TERMS.match(text)
    if m is None or not _same(m.group("letter"), m.group("each")):
        return ""
    if _OUTPUT_INDEX.search(text[m.end("letter"):]):
        return ""  # C = Σ_j C_j: a sum over the output neurons, the cost of one input
    if m.group("scale") and _MEAN.match(re.sub(r"\s", "", m.group("scale"))):
        return ""
    return m.group("letter").replace(" ", "")


#: The loss said in words to be the sum of the per-input costs: "the total cost is the sum of the per-sample costs",
#: "the loss summed over the training examples"; "celková cena je součet cen jednotlivých vzorků", "сумма потерь по
#: всем примерам", "suma kosztów dla poszczególnych próbek" (review rv42d 4: read as the mean, the claims with 1/n
#: held). Words of a mean, an average or a denial in the sentence as well ("the mean, not the sum") leave which one it
#: is unread: the cost is then unknown too.
_SUM_WORDS = re.compile(
    r"\bsum(?:med)?\s+(?:of|over)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:individual\s+)?(?:per[-\s](?:sample|input|example"
    r"|instance|pattern|observation)\s+(?:costs|losses|errors)|(?:costs|losses|errors)\s+(?:of|over|for|on)\s+(?:the\s+"
    r"|all\s+(?:the\s+)?|each\s+|every\s+)?(?:individual\s+|single\s+)?(?:training\s+)?(?:samples?|inputs?|examples?"
    r"|instances?|patterns?|observations?|data\s*points?))"
    r"|\b(?:cost|loss)\s+(?:\w+\s+){0,3}?summed\s+over\s+(?:all\s+)?(?:the\s+)?(?:training\s+)?(?:samples|inputs"
    r"|examples|instances|patterns|observations)"
    r"|\bsoučt?\w*\s+(?:\w+\s+)?(?:cen|ztrát|chyb)\w*\s+(?:\w+\s+){0,2}?(?:vzork|příklad|vstup|dat)\w*"
    r"|\bсумм\w*\s+(?:\w+\s+)?(?:потер|ошиб|стоимост)\w*\s+(?:\w+\s+){0,3}?(?:пример|объект|образц|выборк|вход)\w*"
    r"|\bsum\w*\s+(?:\w+\s+)?(?:koszt|strat|błęd)\w*\s+(?:\w+\s+){0,3}?(?:próbek|próbk\w*|przykład\w*|wejś\w*"
    r"|obserwacj\w*)", re.IGNORECASE)
#: The same with the per-input cost written as a formula: "The cost $C$ is the sum of the $C_x$ over all $n$ training
#: inputs", "The total cost $C$ adds up the $C_x$ of all $n$ training inputs"; cs "Cena $C$ je součet $C_x$ přes všech
#: $n$ trénovacích vstupů", ru "Стоимость $C$ есть сумма $C_x$ по всем …", pl "Koszt $C$ to suma $C_x$ po wszystkich …"
#: (review rv49 A13: ``countwords`` read "over all $n$ training inputs" as the mean, and the 1/n forms held). The cost
#: is named before the sum: "the gradient is the sum of the $\delta^x$ over the inputs" says nothing of the cost.
_SUM_OF_FORMULA = re.compile(
    r"\b(?:cost|loss|objective|cen[aěy]|ztrát\w*|стоимост\w*|потер\w*|koszt\w*|strat\w*)\b[^.;:]{0,60}?"
    r"\b(?:sum(?:med)?|adds?\s+up|součet|součtem|сумм\w*|sum[aąę])\s+(?:(?:of|up|the|all)\s+)*~+\s+"
    r"(?:(?:[^\W\d_]+|~+)\s+){0,4}?(?:samples?|inputs?|examples?|instances?|patterns?|observations?|data\s*points?"
    r"|vzork\w*|příklad\w*|vstup\w*|пример\w*|объект\w*|образц\w*|вход\w*|próbek|próbk\w*|przykład\w*|wejś\w*"
    r"|obserwacj\w*)", re.IGNORECASE)
_NOT_SUM = re.compile(r"\b(?:mean|average|averaged|divided|normali[sz]ed|not|rather|instead|průměr\w*|není|ne|средн\w*"
                      r"|не|średni\w*|nie)\b", re.IGNORECASE)


def said_summed(text: str) -> "list[tuple[int, str]]":
    r"""(line, words) of each sentence of ``text`` that says in words that the cost is the sum of the per-input costs.

    >>> said_summed("Intro.\n\nThe total cost is the sum of the per-sample costs.\n")
    [(3, 'sum of the per-sample costs')]
    >>> said_summed("The cost is the mean, not the sum of the per-sample costs.")[0][0]
    1
    >>> said_summed("The cost $C$ is the sum of the $C_x$ over all $n$ training inputs.")[0][1]
    'cost $C$ is the sum of the $C_x$ over all $n$ training inputs'
    >>> said_summed("The gradient is the sum of the $\\delta^x$ over the inputs.")
    []
    """
    out = []
    for a, b in sentences(text):
        words = masked(text[a:b])
        if _SUM_WORDS.search(words) is None:  # "the sum (not the mean) of the per-sample costs": past the aside
            words = re.sub(r"\s*\([^()]*\)", "", words)
        m = _SUM_WORDS.search(words) or _SUM_OF_FORMULA.search(words)
        if m is not None:  # beside words of a mean or a denial ("the sum (not the mean)", "the mean, not the sum"):
            # which one the cost is, is not read, so it is not the mean either (review rv44 A3: "not"/"mean" vetoed
            # the sum, and the 1/n form held)
            shown = text[a:b] if len(words) == b - a else words  # the formulas as written, not masked
            out.append((line_of(text, a + m.start()), " ".join(shown[max(m.start() - 40, 0):m.end()].split())
                        if _NOT_SUM.search(words) else " ".join(shown[m.start():m.end()].split())))
    return out


__all__ = ["said_summed", "summed"]
