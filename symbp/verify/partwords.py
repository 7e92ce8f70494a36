r"""What a part of the notes says in words about its weight convention (``sections``, review 19 F9).

Two kinds of words count, each only in the part's own prose (displays left out):

* words that **keep** the notation: "we keep (exactly) the notation of Part A", "with the same notation",
  "the notation is unchanged", "as in Part A" about the notation; ponecháme / zachováme (stejné) značení;
  сохраняем (те же) обозначения, в тех же обозначениях; zachowujemy (te same) oznaczenia. A sentence with a
  denial or a change in it ("we no longer keep …", "the same notation, but with j and k swapped") keeps nothing.
* words that **name** the order of the weight's indices: a weight written with two indices ($w^l_{jk}$) and, after
  it in the same sentence, "from … k … to … j" (also "into j from k"; z/od … do/k; от … к/в; z/od … do/na): the
  index after "from" sends, the one after "to" receives. Sentences naming both orders name none.
* words that **change** the order without naming the new one (review 22 F8): the weight's indices swapped,
  reversed, exchanged, "the other way round" ("from now on we swap the indices of $w^l_{jk}$"; prohodíme, obrátíme;
  поменяем местами, в обратном порядке; zamieniamy, odwrotnie) — indices named by no weight only when the
  display the sentence introduces has a weight (or it has none) and the words tell of no common mistake
  ("Students often swap the indices:" before a softmax Jacobian speaks of its indices, review 39 D2) — or a
  sentence saying what a weight $w^l_{jk}$ now is ("but from now on $w^l_{jk}$ connects neuron j to neuron k"). A part with them after words keeping the
  notation does not keep it: the change wins over the keeping (``sections`` reads the part under both orders).

"In this part" alone says where a part starts, nothing about a convention: it is neither.

>>> kept("In this part we keep exactly the notation of Part A and apply it.")
True
>>> kept("We keep the notation, but with the roles of j and k swapped."), kept("We no longer keep the notation.")
(False, False)
>>> named_order("Here $w^l_{jk}$ is the weight from neuron $j$ in layer $l-1$ to neuron $k$ in layer $l$.")
'from,to'
>>> named_order(r"In this part $w^{(l)}_{jk}$ goes into neuron j from neuron k."), named_order("In this part.")
('to,from', None)
>>> changed("From now on we swap the indices of the weights."), changed("We do not swap the indices.")
(True, False)
"""

from __future__ import annotations

import re

from .sentences import FORMULA, DISPLAY, sentences

#: Words keeping the notation (or the convention, the indexing) of what came before.
_KEEP = re.compile(
    r"\b(?:keep|keeps|kept|keeping|retain|retains|retaining|use|using|follow|following|with|in)\s+(?:exactly\s+)?"
    r"(?:the\s+|our\s+)?(?:same|very\s+same|previous|earlier|old)\s+(?:notation|convention|indexing|indices)"
    r"|\b(?:keep|keeps|kept|keeping|retain|retains|retaining)\s+(?:exactly\s+|also\s+)?(?:the\s+|our\s+|all\s+)?"
    r"(?:notation|convention|indexing)\b"
    r"|\b(?:notation|convention|indexing)\s+(?:is|stays|remains)\s+(?:exactly\s+)?(?:the\s+same|unchanged|as\s+(?:in|before))"
    r"|\b(?:notation|convention)\s+as\s+(?:in|before)\b"
    r"|\b(?:ponech[aá]me|zachov[aá]me|zachov[aá]v[aá]me|pou[žz]ijeme|pou[žz][ií]v[aá]me)\s+(?:stejn[eéá]\s+)?"
    r"(?:zna[čc]en[ií]|notaci|ozna[čc]en[ií])"
    r"|\bstejn[eéá]\s+(?:zna[čc]en[ií]|notac[ie]|ozna[čc]en[ií])"
    r"|\b(?:сохраня\w*|сохрани\w*|остав\w*)\s+(?:те\s+же\s+|прежн\w+\s+)?(?:обозначени\w*|нотаци\w*)"
    r"|\b(?:в\s+)?(?:тех\s+же|те\s+же|прежних|прежние)\s+(?:обозначени\w*|нотаци\w*)"
    r"|\b(?:zachowuj\w*|zachowam\w*|pozostawiam\w*|u[żz]ywam\w*)\s+(?:tych\s+samych\s+|te\s+same\s+|tej\s+samej\s+)?"
    r"(?:oznacze\w*|notacj\w*)"
    r"|\b(?:te\s+same|tych\s+samych|tej\s+samej)\s+(?:oznacze\w*|notacj\w*)", re.IGNORECASE)
#: A denial, an exception or a change in the sentence: then it keeps nothing.
_NOT_KEPT = re.compile(
    r"\b(?:not|no|never|longer|nor|but|except|however|although|though|swap\w*|revers\w*|chang\w*|switch\w*|"
    r"differ\w*|unlike|instead|other|opposite|new|transpos\w*)\b|n[’']t\b"
    r"|\b(?:ne|nikoli|ale|kromě|místo|jinak|jiné|opačn\w*|změn\w*|prohod\w*|nov\w*)\b|\bne\w*(?:me|te)\b"
    r"|\b(?:не|но|кроме|вместо|иначе|друг\w*|противополож\w*|измен\w*|нов\w*)\b"
    r"|\b(?:nie|ale|oprócz|zamiast|inaczej|inn\w*|przeciwn\w*|zmien\w*|zamien\w*|now\w*)\b", re.IGNORECASE)

#: A weight with two indices in a formula: w^l_{jk}, w_{jk}^{(l)}, w^{[l]}_{j,k}, \theta_{jk}.
_WEIGHT = re.compile(r"(?:\\?(?:w|W|theta|Theta|omega))\s*(?:\^\s*(?:\{[^{}]*\}|\w)\s*)?_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}")
#: An index letter alone in math, or as an ordinal: $k$, $k^{\rm th}$, $k^{th}$, $k^{\text{th}}$, $k$-th (Nielsen's
#: "from the $k^{\rm th}$ neuron in the $(l-1)^{\rm th}$ layer to the $j^{\rm th}$ neuron", review 24 C1).
_ORDINAL = r"(?:\s*\^\s*\{?\s*(?:\\(?:rm|mathrm|text|textrm)\s*\{?\s*)?(?:th|st|nd|rd)\s*\}?\s*\}?)?"
_ONE_LETTER = re.compile(r"\$\s*[a-z]" + _ORDINAL + r"\s*\$")
#: The words before the sending index and before the receiving one.
_FROM = re.compile(r"\b(?:from|od|ze|z|от|из|ot)\b", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|into|towards|do|ke|k|к|ко)\b", re.IGNORECASE)


#: Words that swap the order of the weight's indices (not naming the new one).
_SWAP = re.compile(
    r"\b(?:swap\w*|revers\w*|exchang\w*|interchang\w*|flip\w*|invert\w*)\b"
    r"|\b(?:the\s+)?other\s+way\s+(?:round|around)\b|\bopposite\s+(?:order|direction|way)\b"
    r"|\b(?:prohod\w*|prohoz\w*|obr[aá]t\w*|obr[aá]cen\w*|zam[eě]n\w*|opa[čc]n\w*|naopak)\b"
    r"|\b(?:помен\w*|меня\w*\s+местами|местами|переставл?\w*|обратн\w*|наоборот)\b"
    r"|\b(?:zamien\w*|zamian\w*|odwr[óo]c\w*|odwrotn\w*|na\s+odwr[óo]t|przestaw\w*)\b", re.IGNORECASE)
#: What the swap words are about: the weight's indices (not "the order of the layers", "the weight matrix").
_INDICES = re.compile(
    r"\b(?:ind(?:ex|ices|exes)|subscripts?|roles?)\b|\bj\s+and\s+k\b|\bk\s+and\s+j\b"
    r"|\b(?:index\w*|indexy|indexů|role)\b|\bj\s+a\s+k\b|\b(?:индекс\w*|рол\w*)\b|\bj\s+и\s+k\b"
    r"|\b(?:indeks\w*|rol\w*)\b|\bj\s+i\s+k\b", re.IGNORECASE)
#: Words naming the weights themselves (weight, váha, вес, waga).
_WEIGHT_WORD = re.compile(r"\b(?:weights?|v[aá]h[ayuo]?|vah|вес(?:а|ов|ам|ами|ах|е|у|ом)?|wag[aiięo]?|wagami|wagach)\b", re.IGNORECASE)
#: Words telling of a common mistake (what students often do), not of the notes' own convention.
_MISTAKE = re.compile(
    r"\b(?:often|commonly|frequently|typical\w*|mistakes?|errors?|students?|beginners?)\b"
    r"|\b(?:často|obvykl\w*|chyb\w*|student\w*)\b|\b(?:часто|обычно|ошиб\w*|студент\w*|начинающ\w*)\b"
    r"|\b(?:często|zwykle|błęd\w*|błąd|student\w*)\b", re.IGNORECASE)
#: "From now on", "but", "now": words that a sentence about what a weight is says something new.
_FROM_NOW = re.compile(
    r"\b(?:from\s+now\s+on|henceforth|hereafter|from\s+here\s+on|now|but|however|instead)\b"
    r"|\b(?:od\s+te[ďd]|nyn[ií]|te[ďd]|v[šs]ak|ale|m[ií]sto\s+toho)\b|\b(?:теперь|отныне|но|однако|вместо\s+этого)\b"
    r"|\b(?:odt[ąa]d|od\s+teraz|teraz|ale|jednak|natomiast|zamiast\s+tego)\b", re.IGNORECASE)
#: The neurons a weight joins: a sentence saying what a weight now is speaks of them.
_NEURONS = re.compile(r"\b(?:neurons?|units?|nodes?|neuron\w*|нейрон\w*)\b", re.IGNORECASE)
#: A denial in a sentence: "we do not swap the indices" changes nothing.
_DENIED = re.compile(r"\b(?:not|no|never|nor|without)\b|n[’']t\b|\bne(?:ní|bud\w*|prohod\w*|obr[aá]t\w*|zam[eě]n\w*)\b"
                     r"|\bbez\b|\b(?:не|без)\b|\b(?:nie|bez)\b", re.IGNORECASE)


def changed(sentence: str) -> bool:
    """Does ``sentence`` change the order of the weight's indices without naming the new one: words that swap them
    ("we swap the indices", "the other way round") about the weights or their indices, or a sentence saying what
    a weight written with two indices now is, between which neurons ("but from now on $w^l_{jk}$ connects neuron j
    to neuron k")? Not
    when it denies it ("we do not swap the indices")."""
    words = FORMULA.sub(" ", sentence)
    if _DENIED.search(words):
        return False
    weight = any(_WEIGHT.search(m.group(0)) and not DISPLAY.match(m.group(0)) for m in FORMULA.finditer(sentence))
    if _SWAP.search(words) and (weight or _INDICES.search(words) and (
            _WEIGHT_WORD.search(words) or _of_weights(sentence))):
        return True
    return weight and bool(_FROM_NOW.search(words)) and bool(_NEURONS.search(words)) and named_order(sentence) is None


def _of_weights(sentence: str) -> bool:
    """Are the indices a sentence swaps (named by no weight) the weights'? Not when it tells of a common mistake
    ("students often swap the indices"), nor when the display it introduces has no weight in it (the indices of a
    softmax Jacobian, review 39 D2); words alone ("we swap the roles of j and k") are taken to be about the weights."""
    if _MISTAKE.search(FORMULA.sub(" ", sentence)):
        return False
    shown = [m.group(0) for m in FORMULA.finditer(sentence) if DISPLAY.match(m.group(0))]
    return not shown or any(_WEIGHT.search(d) for d in shown)


def kept(sentence: str) -> bool:
    """Do the words of ``sentence`` (its formulas taken out) keep the notation of what came before (see the
    module)?"""
    words = FORMULA.sub(" ", sentence)
    return _KEEP.search(words) is not None and _NOT_KEPT.search(words) is None


def named_order(sentence: str) -> "str | None":
    """The order of a weight's indices ``sentence`` names in words: "to,from" (w_{jk} from k to j), "from,to", or
    None (see the module)."""
    found = set()
    for m in FORMULA.finditer(sentence):
        if DISPLAY.match(m.group(0)):
            continue
        w = _WEIGHT.search(m.group(0))
        if w is None or w.group(1) == w.group(2):
            continue
        first, second = w.group(1), w.group(2)
        for sender, receiver in _roles(_tokens(sentence[m.end():], (first, second))):
            found.add("from,to" if sender == first else "to,from" if sender != receiver else "?")
    return found.pop() if len(found) == 1 else None


def _tokens(text: str, letters: tuple) -> list:
    """The words of ``text`` in order, an index letter standing alone ($k$, or a bare k) as ("", letter)."""
    out = []
    text = FORMULA.sub(lambda f: f.group(0) if _ONE_LETTER.fullmatch(f.group(0)) else " ", text)  # no words in math
    for m in re.finditer(r"\$\s*([a-z])" + _ORDINAL + r"\s*\$|[^\W\d_]+", text):
        letter = m.group(1) if m.group(1) is not None else m.group(0)
        out.append(("", letter) if letter in letters else (m.group(0), ""))
    return out


def _roles(tokens: list) -> set:
    """{(sending index, receiving index)} of each "from S … to R" (and "into R from S") in ``tokens``."""
    found = set()
    for first, second in ((_FROM, _TO), (_TO, _FROM)):
        for at, (word, _) in enumerate(tokens):
            one = _letter_after(tokens, at) if first.fullmatch(word) else None
            if one is None:
                continue
            then = next((n for n in range(one[0] + 1, min(len(tokens), one[0] + 12)) if second.fullmatch(tokens[n][0])
                         or tokens[n][1] == "k" and second.fullmatch("k") and _letter_after(tokens, n) is not None),
                        None)
            other = _letter_after(tokens, then)
            if other is not None:
                found.add((one[1], other[1]) if first is _FROM else (other[1], one[1]))
    return found


def _letter_after(tokens: list, at: "int | None") -> "tuple[int, str] | None":
    """(where, which) the first index letter within a few words after ``at`` ("neuron k", "the neuron $k$")."""
    if at is None:
        return None
    return next(((n, tokens[n][1]) for n in range(at + 1, min(len(tokens), at + 5)) if tokens[n][1]), None)


def part_words(text: str) -> "tuple[int | None, str | None, int | None, int | None]":
    """(the first sentence of ``text`` that keeps the notation, as an offset; the order its words name, or None
    when none or both are named; the offset of the first naming sentence; the offset of the first sentence that
    changes the order without naming it, ``changed``)."""
    keep_at, orders, named_at, changed_at = None, set(), None, None
    for start, end in sentences(text):
        sentence = text[start:end]
        if keep_at is None and kept(sentence):
            keep_at = start
        order = named_order(sentence)
        if order is not None:
            orders.add(order)
            named_at = start if named_at is None else named_at
        elif changed_at is None and changed(sentence):
            changed_at = start
    return keep_at, (orders.pop() if len(orders) == 1 else None), named_at, changed_at


__all__ = ["changed", "kept", "named_order", "part_words"]
