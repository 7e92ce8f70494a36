r"""Which sentences about the output layer's activation state the notes' model (review rv53 F4, F5, F13, F16, F18).

Natural language is open-ended: a list of the forms that do *not* state the model ("the layer before the output layer
is linear", "Should the output layer be linear? We do not think so.", "every layer except the output layer uses
tanh", "the output layer uses tanh in the next chapter", "in Keras the output layer is linear by default", "the output
layer has no activation other than σ", "no layer, the output layer included, is linear", words in inline code) is
never complete. So the words are read as the notes' model only in a narrow set of **plain** sentences: an affirmative
declarative clause whose subject is the output layer itself and whose predicate is one activation, nothing more
("The output layer is linear.", "The output layer uses tanh.", "Výstupní vrstva je lineární.", "Выходной слой
линейный.", "Warstwa wyjściowa jest liniowa.", "Na wyjściu softmax."), with an optional "In these notes," / "Here,"
in front, a formula after it ("…, $a^L = z^L$"), and beside it only clauses about the hidden layers ("The hidden
layers are linear and the output layer is a sigmoid."). A plain clause that denies one activation ("The output layer
is not linear.", "Výstupní vrstva není lineární.") is read as that denial (``reading`` gives "not").

Every other sentence that speaks of the output layer together with an activation word (``mentions``) is not read:
``outputwords`` keeps it as words symbp cannot read as the model, and the claims that depend on the output layer are
not judged (``outputact.conflict``), never held against a model the words may not state.

>>> reading("The output layer is linear."), reading("In these notes, the output layer uses tanh.")
('plain', 'plain')
>>> reading("The output layer is not linear."), reading("Výstupní vrstva není lineární.")
('not', 'not')
>>> [reading(s) for s in ("The layer before the output layer is linear.", "Is the output layer linear?",
...                       "The output layer is linear only in Chapter 5.", "Every layer except the output layer uses tanh.")]
[None, None, None, None]
>>> mentions("The output layer has no activation other than σ."), mentions("The output layer has ten neurons.")
(True, False)
"""

from __future__ import annotations

import re

#: A formula in the sentence, as ``clause`` writes it.
FORMULA = "§"

_PREFIX = (r"(?:(?:in\s+these\s+notes|in\s+this\s+(?:chapter|section|lecture|note)|here|throughout|from\s+now\s+on"
           r"|(?:in|for)\s+(?:classification|regression)(?:\s+(?:tasks|problems))?"
           r"|v\s+těchto\s+poznámkách|zde|odteď|здесь|в\s+этих\s+заметках|далее|tutaj|w\s+tych\s+notatkach|odtąd)"
           r"\s*,?\s+)?")
#: The words that only say how usual it is ("usually"): kept, the sentence is then hedged (``outputwords``).
_ADVERB = r"(?:(?:usually|typically|often|commonly|obvykle|často|обычно|часто|zwykle|często)\s+)?"

# -- English ---------------------------------------------------------------------------------------------------------
_SUBJ_EN = (r"(?:the\s+|our\s+|the\s+network's\s+)?(?:output|last|final)\s+"
            r"(?:layer(?:'s\s+activation(?:\s+function)?)?|neurons?|units?|nodes?|activation\s+function)")
_NAME_EN = (r"(?:the\s+|a\s+|an\s+)?(?:(?:logistic\s+)?sigmoid|logistic(?:\s+function)?|tanh|hyperbolic\s+tangent|relu"
            r"|rectifier|rectified\s+linear\s+unit|softmax|softplus|identity|linear)"
            r"(?:\s+(?:function|activation(?:\s+function)?|non-?linearity|layer|units?|neurons?|map))?")
_NONE_EN = r"no\s+(?:activation(?:\s+function)?|non-?linearity)"
_PAREN = (r"(?:\s*\(\s*(?:no\s+activation(?:\s+function)?|(?:the\s+)?identity|linear|without\s+(?:an?\s+)?activation)"
          r"\s*\))?")
_EN = (rf"{_SUBJ_EN}\s+{_ADVERB}(?:(?:is|are)\s+{_ADVERB}(?:linear|{_NAME_EN}|without\s+(?:an?\s+|any\s+)?activation(?:\s+function)?)"
       rf"|(?:uses|use|applies|apply|computes|compute|has|have)\s+(?:{_NAME_EN}|{_NONE_EN})){_PAREN}"
       r"|we\s+(?:use|take|choose|have)\s+(?:a|an|the)\s+(?:linear|identity|sigmoid|logistic|tanh|relu|softmax)\s+output"
       r"(?:\s+(?:layer|neurons|units))?"
       rf"|we\s+(?:take|make|assume|choose)\s+the\s+output\s+layer\s+(?:to\s+be\s+)?(?:linear|{_NAME_EN})"
       rf"|we\s+use\s+{_NAME_EN}\s+(?:in|at|for)\s+the\s+output\s+layer"
       # "…, where $\sigma$ is the sigmoid in the output layer", "with $\sigma$ the sigmoid in the output layer"
       rf"|(?:{FORMULA}\s*,?\s*)?(?:where\s+{FORMULA}\s+is|with\s+{FORMULA})\s+{_NAME_EN}\s+(?:in|at|for)\s+the\s+output\s+layer"
       r"|we\s+use\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+cost(?:\s+function)?\s+with\s+(?:a\s+)?"
       r"(?:sigmoid|logistic|tanh|linear|softmax|relu)\s+output\s+(?:layer|neurons|units)")
_EN_NOT = (rf"{_SUBJ_EN}\s+(?:(?:is|are)\s+not\s+(?:linear|{_NAME_EN})|(?:does|do)\s+not\s+(?:use|apply)\s+{_NAME_EN})")

# -- Czech -----------------------------------------------------------------------------------------------------------
_SUBJ_CS = r"(?:výstupní|poslední)\s+(?:vrstva|neurony|neuron)"
_NAME_CS = (r"(?:lineární(?:\s+funkc\w+)?|identit\w*|identick\w*(?:\s+funkc\w*)?|softmax\w*|sigmoid\w*"
            r"|logistick\w*\s+funkc\w*|tanh|hyperbolick\w*\s+tangens\w*|relu)")
_CS = (rf"{_SUBJ_CS}\s+{_ADVERB}(?:(?:je|používá|aplikuje|počítá|má)\s+{_NAME_CS}"
       r"|nemá\s+(?:žádnou\s+)?(?:aktivační\s+funkc\w+|aktivac\w+)|je\s+bez\s+(?:aktivační\s+funkce|aktivace))"
       rf"|na\s+výstupu\s+(?:je\s+|používáme\s+)?{_NAME_CS}")
_CS_NOT = rf"{_SUBJ_CS}\s+(?:není|nepoužívá|neaplikuje)\s+{_NAME_CS}"

# -- Russian ---------------------------------------------------------------------------------------------------------
_SUBJ_RU = r"(?:(?:выходной|последний)\s+слой|выходные\s+нейроны)"
_NAME_RU = (r"(?:линейн\w*(?:\s+функци\w*)?|тождественн\w*(?:\s+функци\w*)?|softmax|софтмакс\w*|сигмоид\w*"
            r"|логистическ\w*\s+функци\w*|tanh|гиперболическ\w*\s+тангенс\w*|relu)")
_RU = (rf"{_SUBJ_RU}\s+{_ADVERB}(?:(?:—\s+|-\s+|это\s+|является\s+|использует\s+|применяет\s+|вычисляет\s+)?{_NAME_RU}"
       r"|(?:не\s+имеет|без)\s+(?:никакой\s+)?(?:функции\s+)?активаци\w*)"
       rf"|(?:в\s+выходном\s+слое|на\s+выходе)\s+(?:используется\s+|применяется\s+|стоит\s+|—\s+)?{_NAME_RU}")
_RU_NOT = rf"{_SUBJ_RU}\s+не\s+(?:является\s+|использует\s+|применяет\s+)?{_NAME_RU}"

# -- Polish ----------------------------------------------------------------------------------------------------------
_SUBJ_PL = r"(?:warstwa\s+wyjściowa|ostatnia\s+warstwa|neurony\s+wyjściowe)"
_NAME_PL = (r"(?:liniow\w*|tożsamościow\w*(?:\s+funkcj\w*)?|(?:funkcj\w*\s+)?tożsamoś\w*|softmax|sigmoid\w*"
            r"|funkcj\w*\s+logistyczn\w*|logistyczn\w*\s+funkcj\w*|tanh|tangens\w*\s+hiperboliczn\w*|relu)")
_PL = (rf"{_SUBJ_PL}\s+{_ADVERB}(?:(?:jest\s+|to\s+|używa\s+|stosuje\s+|oblicza\s+)?{_NAME_PL}"
       r"|nie\s+ma\s+(?:żadnej\s+)?(?:funkcji\s+)?aktywacji)"
       rf"|(?:na\s+wyjściu|w\s+warstwie\s+wyjściowej)\s+(?:jest\s+|mamy\s+|używamy\s+|stosujemy\s+)?{_NAME_PL}")
_PL_NOT = rf"{_SUBJ_PL}\s+(?:nie\s+jest|nie\s+używa|nie\s+stosuje)\s+{_NAME_PL}"

#: The clause ends: a formula that restates it ("…, $a^L = z^L$"), the full stop.
_END = rf"(?:\s*[,:]?\s*{FORMULA})?\s*[.!]?"
_PLAIN = re.compile(rf"{_PREFIX}(?:{_EN}|{_CS}|{_RU}|{_PL}){_END}", re.I)
_NOT = re.compile(rf"{_PREFIX}(?:{_EN_NOT}|{_CS_NOT}|{_RU_NOT}|{_PL_NOT}){_END}", re.I)

#: Where a sentence divides into clauses that can be read one by one.
_CLAUSES = re.compile(r"\s*;\s*|\s*,?\s+(?:while|whereas|and|а|и|oraz)\s+(?=\S)|\s*,\s+(?:a|i)\s+"
                      r"|\s+(?:a|i)\s+(?=(?:výstupn|skryt|posledn|warstw|ukryt|ostatni|neurony)\w*\s)", re.I)
#: A clause about the hidden layers only (beside the plain clause about the output layer).
_HIDDEN = re.compile(r"(?:the\s+|our\s+)?(?:hidden\s+layers?|skryt\w*\s+vrstv\w*|скрыт\w*\s+сло\w*|warstwy\s+ukryte"
                     r"|ukryte\s+warstwy)\s+[^;]*", re.I)
#: A clause of formulas only ("The forward pass is $…$", "we use $…$"), or the cost named beside (neither says what
#: the output layer applies).
_NEUTRAL = re.compile(rf"(?:the\s+forward\s+pass\s+is\s+|we\s+use\s+|we\s+have\s+)?{FORMULA}"
                      rf"|(?:the\s+)?(?:quadratic|cross-entropy)\s+cost(?:\s+(?:is\s+)?{FORMULA})?\s*[.!]?", re.I)
#: Words that make a clause more than a plain statement: negation, exception, restriction, question, supposition,
#: modality, another time or place, another network's or library's, a quantifier over the layers, code.
_RISK = re.compile(
    r"(?<![\w-])(?:not|no|never|none|neither|nor|except|other|others|only|but|unless|unlike|instead|rather|than"
    r"|should|would|could|might|may|must|can|if|whether|tempting|suppose|imagine|chapter|section|later|next|previous"
    r"|before|after|elsewhere|keras|pytorch|tensorflow|default|tutorials?|every|each|all|any|output"
    r"|ne\w*|kromě|jen|pouze|jinou|jiné|jiná|не|нет|кроме|только|другие|другой|каждый|все|nie|oprócz|tylko|inne|każda"
    r"|wszystkie)(?![\w-])|[`?<>%#{}\\]", re.I)

#: Words that name an activation (a kind ``outputwords`` reads, or one it does not) or deny one, in any of the four
#: languages; "linear" not in its other uses ("a linear combination", "linear in the weights"), and not the word
#: "activation" alone (notes speak of the output neurons' activations everywhere).
_ACTIVATION = re.compile(
    r"(?<![\w])(?:\w*linear(?:ity|ities)?(?![\w-])(?!\s+(?:combination|in\b|function\s+of|map|transformation|algebra))"
    r"|identity|tanh|sigmoid\w*|logistic|relu|rectifi\w*|softplus|no\s+(?:\w+\s+)?(?:activation|non-?linearity)"
    r"|without\s+(?:\w+\s+)?activation|activation\s+of\s+its\s+own|\w*lineárn\w*|identit\w*|sigmoid\w*|tangens\w*"
    r"|(?:bez|nemá|žádn\w*|jin\w*)\s+(?:\w+\s+){0,2}aktivac\w*|\w*линейн\w*|тождеств\w*|сигмоид\w*|тангенс\w*"
    r"|(?:без|нет|не\s+имеет|друг\w*)\s+(?:\w+\s+){0,2}активаци\w*|\w*liniow\w*|tożsamoś\w*"
    r"|(?:bez|nie\s+ma|inn\w*|żadnej)\s+(?:\w+\s+){0,2}aktywacj\w*|logistyczn\w*|logistick\w*|логистическ\w*)", re.I)
#: The output layer itself.
_OUTPUT = re.compile(
    r"(?:output|last|final|top)[\s_-]+(?:layer|neurons?|units?|nodes?|activation\s+function|non-?linearity)"
    r"|(?:at|on|in)\s+the\s+output(?![\w-])(?!\s+of\b)"
    r"|výstupn\w*\s+(?:vrstv\w*|neuron\w*)|na\s+výstupu|posledn\w*\s+vrstv\w*"
    r"|выходн\w*\s+(?:сло\w*|нейрон\w*)|на\s+выходе|последн\w*\s+сло\w*"
    r"|warstw\w*\s+wyjściow\w*|wyjściow\w*\s+warstw\w*|na\s+wyjściu|ostatni\w*\s+warstw\w*", re.I)


#: A fenced code block (``` or ~~~ to the same fence, or to the end): code, not what the notes say.
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1[ \t]*$|\Z)", re.M | re.S)


def without_code(prose: str) -> str:
    """``prose`` with its fenced code blocks blanked (the positions and lines stay): "# the output layer is linear" in
    a code block is a comment of the code (review rv53 F18, cm3)."""
    return _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), prose)


def clause(text: str, prose: str, start: int, end: int) -> str:
    """The sentence ``text[start:end]`` as ``reading`` reads it: one space between words, each formula ``FORMULA``
    (``prose`` is ``text`` with its formulas blanked, a formula naming an activation written as its word)."""
    out = []
    for k in range(start, end):
        formula = prose[k] == " " and not text[k].isspace()
        out.append(FORMULA if formula else prose[k])
    words = re.sub(rf"{FORMULA}(?:\s*{FORMULA})*", FORMULA, "".join(out))
    words = re.sub(rf"{FORMULA}(\w+){FORMULA}", r" \1 ", words)  # a formula that names an activation: its word
    return " ".join(words.split())


#: A question, a supposition or another time, place or network ("Should the output layer be a softmax?", "in the
#: next chapter", "in Keras … by default"): said of a softmax, not the notes' model (a sentence that is not plain).
#: (Not "later", "only": "for the hidden layers (we treat the output layer later), …; the output layer is a softmax".)
_DOUBT = re.compile(r"\?|(?<![\w-])(?:should|would|could|might|tempting|chapter|keras|pytorch|tensorflow"
                    r"|default|tutorials?|except|whether|kapitol\w*|глав\w*|rozdzia\w*)(?![\w-])", re.I)


def doubted(sentence: str) -> bool:
    """Does ``sentence`` (not plain) ask, suppose, or speak of another time, place or network (``_DOUBT``)?"""
    return bool(_DOUBT.search(sentence))


def mentions(sentence: str) -> bool:
    """Does ``sentence`` speak of the output layer together with an activation word?"""
    return bool(_OUTPUT.search(sentence) and _ACTIVATION.search(sentence))


def reading(sentence: str) -> "str | None":
    """'plain' when ``sentence`` (``clause``'s form) states the output layer's activation plainly, 'not' when it
    plainly denies one, None when it is no such plain sentence (see the module)."""
    sentence = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", sentence.strip())  # a list item's mark
    parts = [p for p in _CLAUSES.split(sentence) if p]
    found = []
    for part in parts:
        for name, pattern in (("plain", _PLAIN), ("not", _NOT)):
            if pattern.fullmatch(part):
                found.append(name)
                break
        else:
            if not (_NEUTRAL.fullmatch(part) or _HIDDEN.fullmatch(part) and not _RISK.search(part)
                    and not _OUTPUT.search(part)):
                return None  # a clause that is neither plain about the output layer nor about the hidden layers
    return found[0] if len(found) == 1 else None


def plain_span(sentence: str) -> "tuple[int, int] | None":
    """Where in ``sentence`` the plain clause about the output layer is (the kinds are read there only)."""
    at = 0
    for part in _CLAUSES.split(sentence):
        at = sentence.find(part, at)
        if _PLAIN.fullmatch(part) or _NOT.fullmatch(part):
            return at, at + len(part)
        at += len(part)
    return None


__all__ = ["FORMULA", "clause", "doubted", "mentions", "plain_span", "reading", "without_code"]
