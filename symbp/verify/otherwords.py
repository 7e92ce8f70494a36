r"""A cost or an activation named in words beside a formula that is not the notes' own (review rv48 A2, A6).

"Under the mean absolute error, $\delta^L = (a^L - y) \odot \sigma'(z^L)$" in notes with the quadratic cost: the words
say which cost the formula is about, and it is not the one symbp would judge it under. No reader of symbp builds the
mean absolute error, the Huber, hinge or log-cosh loss (nor swish, ELU, GELU …), nor "another cost" or "a different
loss function" whose formula the words do not give; judged under the notes' model, BP1 of the quadratic cost held
beside them. ``named_other`` finds such words in a formula's sentence (or the sentence right before it), so that
``unreadwords`` leaves the formula unjudged, naming the words (never "holds", never "refuted").

Named costs symbp reads (quadratic, cross-entropy: ``prosecost``) are not looked for here; an activation symbp knows
(sigmoid, tanh, ReLU) counts only where the notes fixed theirs and it is another one ("For the tanh activation" in
sigmoid notes); under a generic σ, ``prosecost`` weighs it. English, Czech, Russian, Polish.

>>> named_other("Under the mean absolute error, ~.", {"cost": "quadratic"})
'mean absolute error'
>>> named_other("For the tanh activation, ~.", {"activation": "sigmoid"})
'tanh'
>>> named_other("For the sigmoid activation, ~.", {"activation": "sigmoid"}) is None
True
>>> named_other("For the quadratic cost, ~.", {"cost": "quadratic"}) is None
True
"""

from __future__ import annotations

import re

#: Costs symbp has no reader for, by name (en, cs, ru, pl): the absolute error (L1, MAE), Huber, hinge, log-cosh, the
#: exponential cost, the KL divergence, focal, Poisson, cosine, quantile losses.
_UNKNOWN_COST = (
    r"mean[-\s]+absolute[-\s]+(?:error|deviation)|absolute(?:[-\s]+value)?[-\s]+(?:error|loss|cost|deviation)"
    r"|\bMAE\b|(?<![\w\\])(?:smooth[-\s]+)?(?:L|ℓ|l)[-_\s]?\{?1\}?[-\s]+(?:loss|cost|error|norm\s+(?:loss|cost))"
    r"|\bHuber\w*|\bhinge\b|\blog[-\s]?cosh\b|\bexponential[-\s]+(?:cost|loss)|\bKL[-\s]+divergence|Kullback"
    r"|\bfocal[-\s]+loss|\bPoisson[-\s]+(?:loss|cost)|\bcosine[-\s]+(?:loss|cost|similarity\s+loss|proximity)"
    r"|\b(?:quantile|pinball|contrastive|triplet|dice|Tukey|Cauchy|Wasserstein|Hellinger)[-\s]+(?:loss|cost)"
    r"|\b(?:absolutn\w*|absolutní)\s+(?:chyb|odchyl|ztrát|cen)\w*|\bstředn\w*\s+absolutn\w*"
    r"|\bexponenciáln\w*\s+(?:cen|ztrát)\w*"
    r"|\bабсолютн\w*\s+(?:ошибк|отклонени|потер|стоимост|погрешност)\w*|\bсредн\w*\s+абсолютн\w*|\bХьюбер\w*"
    r"|\bэкспоненциальн\w*\s+(?:стоимост|потер)\w*"
    r"|\bbezwzględn\w*\s+(?:błęd|błąd|strat|koszt)\w*|\b(?:błęd|błąd)\w*\s+bezwzględn\w*|\bśredni\w*\s+bezwzględn\w*"
    r"|\bwykładnicz\w*\s+(?:koszt|strat|funkcj\w*\s+(?:kosztu|straty))\w*")
#: The cost in words (en, cs, ru, pl), one group: as the words that call it another name it (here), that scale it
#: (``unreadwords``), or that begin a clause about it after the activation's name (``activationwords``).
COST_NOUN = (r"(?:(?:cost|loss|objective|error\s+function)(?:\s+function)?"
             r"|(?:ztrátov\w*|cenov\w*|účelov\w*)\s+funkc\w*|cen[auěyo]|ztrát\w*"
             r"|(?:функци\w*\s+)?(?:стоимост|потер)\w*|(?:funkcj\w*\s+)?(?:koszt\w*|strat(?:[aęyoą]\w*)?))\b")  # not "strategy"
#: Another cost, whatever it is: "another cost", "a different loss function", "the cost is different", "we switch
#: the cost function"; jiná ztrátová funkce, другая функция стоимости, inna funkcja kosztu.
_OTHER_COST = (
    r"\b(?:another|(?:a\s+|some\s+)?different|(?:some\s+)?other|an?\s+alternative|a\s+new)\s+(?:" + COST_NOUN + r")"
    r"|\bthe\s+(?:" + COST_NOUN + r")\s+(?:is|was|will\s+be)\s+(?:different|another|changed|replaced)"
    r"|\b(?:switch\w*|swap\w*|replac\w*)\s+(?:the\s+|our\s+|its\s+)?(?:" + COST_NOUN + r")"
    r"|\bchang\w*\s+(?:the\s+|our\s+|its\s+|of\s+(?:the\s+)?)?(?:cost|loss|objective)\s+function"
    r"|\b(?:jin\w*|odlišn\w*|nov\w*)\s+(?:" + COST_NOUN + r")|\b(?:změn\w*|vymě\w*|zamě\w*)\s+(?:ztrátov|cenov|účelov)\w*\s+funkc"
    r"|\b(?:друг\w*|ин(?:ой|ая|ую|ое|ые|ых|ом|ого|ому)|нов\w*)\s+(?:" + COST_NOUN + r")"
    r"|\b(?:смен\w*|замен\w*)\s+функци\w*\s+(?:стоимост|потер)"
    r"|\b(?:inn\w*|now\w*)\s+(?:" + COST_NOUN + r")|\b(?:zmie[nń]\w*|zamie[nń]\w*|zmian\w*)\s+funkcj\w*\s+(?:koszt|strat)")
#: Activations symbp has no reader for, by name: swish, SiLU, GELU, ELU, SELU, softsign, leaky or parametric ReLU,
#: hard sigmoid or tanh, mish, maxout, arctan, a step; and another activation whatever it is.
_OTHER_ACTIVATION = (
    r"\b(?:swish|SiLU|GELU|ELU|SELU|softsign|PReLU|mish|maxout|arctan|Heaviside)\b|\bleaky\b|\bhard[-\s]+(?:sigmoid|tanh)"
    r"|\b(?:step|sine|Gaussian|RBF)\s+(?:activation|function\s+as\s+activation)"
    r"|\b(?:another|(?:a\s+|some\s+)?different|(?:some\s+)?other|an?\s+alternative|a\s+new)\s+(?:activation|nonlinearity)"
    r"|\b(?:switch\w*|chang\w*|swap\w*|replac\w*)\s+(?:the\s+|our\s+|its\s+)?activation"
    r"|\b(?:jin\w*|odlišn\w*)\s+aktivačn\w*|\b(?:друг\w*|ин\w*)\s+(?:функци\w*\s+)?активац\w*"
    r"|\b(?:inn\w*)\s+(?:funkcj\w*\s+)?aktywac\w*")
OTHER = re.compile(_UNKNOWN_COST + "|" + _OTHER_COST + "|" + _OTHER_ACTIVATION, re.IGNORECASE)
#: The activations symbp knows, named in words: another than the notes' fixed one is another activation.
_KNOWN = (("sigmoid", re.compile(r"(?<!hard[\s-])\bsigmoid\w*|\blogistic\s+(?:function|activation)|сигмоид\w*"
                                 r"|\bsigmoid\w*", re.I)),
          ("tanh", re.compile(r"(?<!hard[\s-])\btanh\b|hyperbolic\s+tangent|hyperbolick\w*\s+tangens"
                              r"|гиперболическ\w*\s+тангенс|tangens\w*\s+hiperboliczn", re.I)),
          ("relu", re.compile(r"(?<!leaky[\s-])(?<!leaky\s)\bReLU\b|rectified\s+linear", re.I)))


def other_span(words: str, own: dict) -> "tuple[int, int] | None":
    """Where in ``words`` (a sentence, formulas masked) the first words stand that name a cost or an activation
    other than the notes' own (``own``: ``Model.at`` where the formula stands), or None. See the module."""
    hits = [m for m in [OTHER.search(words)] if m is not None]
    fixed = own.get("activation")
    if fixed and fixed != "generic":
        hits += [m for name, pattern in _KNOWN if name != fixed for m in [pattern.search(words)] if m is not None]
    if not hits:
        return None
    first = min(hits, key=lambda m: m.start())
    return first.start(), first.end()


def named_other(words: str, own: dict) -> "str | None":
    """The words ``other_span`` finds, as written (white space joined), or None."""
    span = other_span(words, own)
    return None if span is None else " ".join(words[span[0]:span[1]].split())


__all__ = ["COST_NOUN", "OTHER", "named_other", "other_span"]
