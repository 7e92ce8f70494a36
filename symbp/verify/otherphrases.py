r"""A cost or an activation named by a noun phrase whose modifier is no name symbp reads (review rv49 A1, A2).

``otherwords`` lists the names of costs and activations symbp has no reader for; the names are many ("the
Charbonnier loss", "the $L_1$ loss", "the 0-1 loss", "a non-quadratic cost", "the linear activation", "the ReLU6
activation", "функция потерь Хубера"), and each one missing let BP1 of the notes' cost hold beside it. This is the
catch-all: a cost or an activation noun after a determiner ("the", "a", "for", …) whose modifiers are neither
neutral words ("the total cost", "the output activation") nor a name symbp reads (the quadratic cost and the
cross-entropy, ``prosecost``'s; sigmoid, tanh, ReLU, softplus) names another one. In Czech, Russian and Polish a
name after the noun does the same ("ztráta L1", "функция потерь Хубера", "strata L1"). "error" alone is not such a
noun: it is the notes' δ ("the output error").

>>> other_phrase("For the Charbonnier loss, ~.", "sigmoid")
'the Charbonnier loss'
>>> other_phrase("For the ~~~~~ loss, ~.", "sigmoid")
'the ~~~~~ loss'
>>> other_phrase("For the linear activation, ~.", "sigmoid")
'the linear activation'
>>> other_phrase("For the total cost, ~.", "sigmoid") is None
True
>>> other_phrase("For the quadratic cost, ~.", "sigmoid") is None
True
>>> other_phrase("Для функции потерь Хубера ~.", "sigmoid")
'функции потерь Хубера'
"""

from __future__ import annotations

import re

#: A determiner or preposition that opens the noun phrase.
_OPEN = r"\b(?:the|a|an|this|that|our|its|their|for|with|under|using|of|to|by|on|in)\s+"
#: Up to three modifiers (a formula masked by ``~`` is one: "the $L_1$ loss") then the noun.
_WORD = r"[\w~][\w~'’-]*"
_COST_PHRASE = re.compile(_OPEN + r"((?:" + _WORD + r"\s+){1,3}?)(?:cost|loss|objective)(?:\s+function)?\b"
                          r"|" + _OPEN + r"((?:" + _WORD + r"\s+){1,3}?)error\s+function\b", re.IGNORECASE)
_ACTIVATION_PHRASE = re.compile(_OPEN + r"((?:" + _WORD + r"\s+){1,3}?)(?:activation(?:\s+function)?|nonlinearit(?:y|ies)"
                                r"|transfer\s+function)\b", re.IGNORECASE)
#: Words that modify a cost or an activation without naming one.
_NEUTRAL = frozenset("""
the a an this that these those its our their your my his her same total overall average mean whole full final
original given chosen usual standard above following resulting corresponding individual single expected scalar
empirical training test validation batch mini-batch minibatch sample per-sample per-example one-sample example
network network's neuron neuron's layer layer's output hidden input previous next current new old actual true
regularized regularised unregularized unregularised notes' notes own entire simple plain basic common general
generic arbitrary fixed any each every some such lowest low high higher lower small smaller large larger minimal
minimum maximum value values elementwise entrywise element-wise entry-wise nonlinear non-linear smooth
differentiable derivative weighted j-th jth k-th kth l-th i-th first second third last only other different
another alternative cost loss overall-cost per-input input's total-cost its' is was be and or of for with
""".split())
#: Names symbp reads: the quadratic cost and the cross-entropy (``prosecost``), another cost said outright
#: (``otherwords``), and the activations it knows.
_READ_COST = re.compile(r"quadratic|squared?|^(?:MSE|SSE|L2|ℓ2|L²|ℓ₂|l2)$|euclidean|least|cross|entrop|log|likelihood"
                        r"|^(?:NLL|BCE)$|categorical|binary|softmax|multiclass|multi-class", re.IGNORECASE)
_READ_ACTIVATION = {
    "sigmoid": re.compile(r"sigmoid|logistic", re.IGNORECASE),
    "tanh": re.compile(r"^tanh$|hyperbolic|tangent", re.IGNORECASE),
    "relu": re.compile(r"^relu$|rectified", re.IGNORECASE),  # "rectified linear"
    "softplus": re.compile(r"softplus", re.IGNORECASE),
}
#: cs, ru, pl: a name after the cost noun, on its line ("ztráta L1", "функция потерь Хубера", "strata L1"): a word
#: with a capital or a digit; not a formula (the notes' "funkce ceny $C$"), not the notes' own (MSE).
_POST_NAME = re.compile(
    r"\b(?:ztrát\w*|(?:ztrátov\w*|cenov\w*|účelov\w*)\s+funkc\w*|(?:функци\w*\s+)?(?:стоимост|потер)\w*"
    r"|(?:funkcj\w*\s+)?(?:koszt\w*|strat[aęyoą]\w*))[ \t]+(?!(?:MSE|SSE|L2)\b)([A-ZА-ЯЁ]\w*|\w*\d\w*)")
#: cs, ru, pl: a cost that is not the quadratic one (nekvadratická, неквадратичная, niekwadratowa) or the
#: remaining ones (ostatní, остальные, pozostałe).
_NOT_QUADRATIC = re.compile(
    r"\b(?:ne|не|nie)[-\s]?(?:kvadrat|квадрат|kwadrat)\w*|\bnon[-\s]?quadratic\b"
    r"|\b(?:ostatn\w*|остальн\w*|pozosta\w*)\s+(?:\w+\s+)?(?:ztrát|cen|funkc\w*\s+(?:ceny|ztráty)|функци\w*\s+(?:стоимост"
    r"|потер)|стоимост|потер|funkcj\w*\s+(?:koszt|strat)|koszt|strat)\w*", re.IGNORECASE)


def _names(modifiers: str, read) -> bool:
    """Whether the modifiers name a cost (activation) other than those ``read`` matches."""
    words = [w.strip("'’").lower() if not w.isupper() else w for w in modifiers.split()]
    if any(read(w) for w in words):
        return False
    return any(w.lower() not in _NEUTRAL for w in words)


def other_phrase_span(words: str, activation: "str | None") -> "tuple[int, int] | None":
    """Where in ``words`` (formulas masked) the first noun phrase stands that names a cost or an activation symbp
    has no reader for (see the module), or None. ``activation``: the notes' own fixed one ("generic", None: not
    fixed; then only sigmoid, tanh and ReLU are read, by ``prosecost``)."""
    known = dict(_READ_ACTIVATION)
    if activation in (None, "generic"):
        known.pop("softplus")
    hits = []
    for m in _COST_PHRASE.finditer(words):
        mods = m.group(1) or m.group(2)
        if _names(mods, lambda w: _READ_COST.search(w) is not None):
            at = m.start(1 if m.group(1) else 2)
            hits.append((at - _article(words, at), m.end()))
            break
    for m in _ACTIVATION_PHRASE.finditer(words):
        if "~" in m.group(1):
            continue  # "the layer-$l$ activation": a value, not a function
        if _names(m.group(1), lambda w: any(p.search(w) for p in known.values())):
            hits.append((m.start(1) - _article(words, m.start(1)), m.end()))
            break
    for pattern in (_POST_NAME, _NOT_QUADRATIC):
        if (m := pattern.search(words)) is not None:
            hits.append((m.start(), m.end()))
    return min(hits) if hits else None


def _article(words: str, at: int) -> int:
    """How far back from ``at`` the article before the modifiers starts ("the ", "a ", "an "), else 0."""
    m = re.search(r"\b(?:the|a|an)\s+$", words[max(0, at - 8):at], re.IGNORECASE)
    return 0 if m is None else len(m.group(0))


def other_phrase(words: str, activation: "str | None") -> "str | None":
    """The words ``other_phrase_span`` finds, as written (white space joined), or None."""
    span = other_phrase_span(words, activation)
    return None if span is None else " ".join(words[span[0]:span[1]].split())


__all__ = ["other_phrase", "other_phrase_span"]
