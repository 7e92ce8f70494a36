r"""Suppositions in the prose: "If $b^l = 0$, then $$…$$", "If $W$ were symmetric, we would have $$…$$".

A sentence that opens a supposition (if, when, suppose, were, had, for a …; kdyby, pokud, jestliže; если, бы;
gdyby, jeśli, jeżeli: ``OPENER``) states the formulas after its turn ("then", "we would have", "pak", "то",
", to", "mielibyśmy": ``_TURN``) under what it supposes; a sentence that opens with "Then" ("In that case", "Pak",
"Тогда", "Wtedy") goes on with the supposition of the sentence before it. What is supposed is

* **values** (``$b^l = 0$``, ``$y = a^L$``, ``$y = 0$``: a layered quantity set to a number or to another
  quantity): such a formula is the supposition's condition, never a claim of the notes (it was refuted as one), and
  the claims stated under it are not judged under the notes' model, which has no such value (they were refuted:
  ``z^l = w^l a^{l-1}`` is true when b^l = 0). Values of the computational-graph notes' leaves (``w_{21} = 0``,
  ties ``w_{12} = w_{21}``) are left to ``graphexamples``/``graphcondition``, which put them in exactly;
* **words** symbp does not turn into values ("If $W$ were symmetric", "For a symmetric $W$", "If $\sigma$ were the
  identity", "Kdyby $\sigma$ byla identita", "For the identity activation"): a property word (``_PROPERTY``) in the
  condition and no equation there. The claims stated under it are not judged, never refuted and never "holds".

Both are filed through ``inforce``'s ``Formula.under``: such a claim is uninterpretable with the supposition named,
and it is its own row (never folded into the same formula stated without it).

>>> text = "If $b^l = 0$, then $z^l = w^l a^{l-1}$."
>>> [(text[a:b], role) for a, b, role, _ in supposed(text)]
[('$b^l = 0$', 'condition'), ('$z^l = w^l a^{l-1}$', 'claim')]
>>> [role for _, _, role, _ in supposed("If $W$ were symmetric, we would have\n\n$$a = b$$\n")]
['claim']
>>> supposed("If we apply the chain rule, we get\n\n$$a = b$$\n")
[]
"""

from __future__ import annotations

import re

from .asidewords import LASTS
from .graphexamples import _NEGATED, _locate, is_tie, is_value, is_value_expression, sentence_around
from .sentences import FORMULA, line_of, masked, prose, sentences

#: Words that open a supposition (a condition or a hypothetical) in a sentence.
OPENER = re.compile(
    r"\b(?:if|when|whenever|provided|suppose|supposing|assuming)\b|^\W*(?:were|had)\b|^\W*for\s+(?:an?|the|any)\s(?!rest\b)"
    # "In the special case", "In case", "Given", "Only for", cs "Je-li", ru "При" (review rv41 A3)
    r"|\bin\s+(?:the\s+)?(?:special\s+)?case\b|^\W*given\b|^\W*only\s+(?:for|if|when)\b|\b(?:je|jsou)-li\b|^\W*при\s"
    r"|\bw\s+przypadku\b|\bв\s+(?:частном\s+)?случае\b|\bv\s+(?:případě|speciálním\s+případě)\b"
    r"|\b(?:pokud|kdyby\w*|jestliže|když|předpokládejme)\b|^\W*pro\s"
    r"|\b(?:если|бы|когда|предположим)\b|^\W*для\s"
    r"|\b(?:jeśli|jeżeli|gdyby\w*|gdy|załóżmy|przypuśćmy)\b|^\W*dla\s", re.I)
#: Words that assume (for the rest of the notes): "we assume", "throughout", "from now on", "for the rest of these
#: notes" (``asidewords.LASTS``); cs/ru/pl alike. A layered value after them ("We assume $b^l = 0$") is filed as a
#: supposition's value (review rv42 3: it was refuted as the notes' claim, and so was ``z^l = w^l a^{l-1}`` after it);
#: the claims of later sentences are checked under the notes' model, which has no such value (never "holds" for it).
_ASSUMED = re.compile(r"\b(?:we\s+)?(?:assume|assuming|let\s+us\s+assume)\b|\bpředpoklád\w*|\bпредпола\w*|\bпредполож\w*"
                      r"|\bzałóżmy|\bzakładamy|" + LASTS.pattern, re.I)
#: Where a supposition turns to what holds under it: "then", "we would have", "pak", ", to", "mielibyśmy".
_TURN = re.compile(
    r"\bthen\b|\bwe\s+(?:would\s+|could\s+|will\s+)?(?:have|get|obtain|find)\b|\bwould\s+(?:be|hold|read|become)\b"
    r"|\b(?:pak|potom|tedy)\b|\bplatil[oai]?\s+by\b|\b(?:měli|dostali|dostaneme)\s+bychom\b|\bplatí\b"
    r"|\b(?:тогда|получи\w*|имели\s+бы|было\s+бы|выполнял\w*)\b|,\s*(?:то|to)\b"
    r"|\b(?:wtedy|wówczas|mielibyśmy|otrzyma\w*|dostali\w*|byłoby)\b", re.I)
#: A sentence that goes on with the supposition of the sentence before it: "Then $$…$$", "In that case".
_THEN = re.compile(r"^\W*(?:then|in\s+(?:that|this)\s+case|pak|potom|v\s+tom\s+případě|тогда|в\s+этом\s+случае"
                   r"|wtedy|wówczas|w\s+tym\s+przypadku)\b", re.I)
#: Properties and functions named in words, which symbp does not turn into values of the model.
_PROPERTY = re.compile(
    r"symmetr|symetr|симметр|orthogon|ortogon|ортогон|diagonal|diagonál|диагонал|diagonaln|invertib|invertovat"
    r"|обратим|odwracaln|identit|tożsamoś|тождеств|positive|kladn|положительн"
    r"|dodatni|negative|záporn|отрицательн|ujemn|\bzero\b|nulov|нулев|zerow|constant|konstantn|постоянн|stał"
    r"|unit\s+matrix|jednotkov|единичн|jednostkow", re.I)
#: A value of a layered quantity (a layer written ^…, or the target y): a name set to a number or to another name,
#: ``b^l = 0``, ``y = a^L``, ``w^l = 0``. Index and size letters (``l = L``, ``L = 2``, ``n_L = 1``) are conditions
#: the layered reading has its own rules for; anything longer (``C = \frac12\|a^L - y\|^2``) may define the model.
_NAME = r"\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}=]*\}|[A-Za-z0-9]))*"
_VALUE = re.compile(rf"^\s*(?P<lhs>{_NAME})\s*=\s*(?P<rhs>-?\d+(?:\.\d+)?|{_NAME})\s*[.,;]?\s*$")
#: A layer written as a letter (b^l, a^L, w^{l+1}, b^{(l)}, w^{[l]}) or a bare number (b^2); b^{(1)}, W^{[1]} of graph
#: notes are leaves of theirs, which ``graphexamples`` puts in exactly.
_LAYER = re.compile(r"\^\s*(?:\{?\s*[(\[]?\s*[lL](?![A-Za-z])|\{?\s*\d)")
_INDEX = re.compile(r"^\s*(?:[lLjkinmN]|n\s*_\s*\{?\s*L\s*\}?)\s*$")


#: An activation given by a formula, ``\sigma(z) = z``: supposed ("If $\sigma(z) = z$, then", "In the special case
#: $\sigma(z) = z$, …") it is the condition of its sentence's claims, never the notes' activation (review rv42 5: it
#: became the model's σ for the rest of the notes, and "In general, $\delta^L = a^L - y$" held).
_ACTIVATION = re.compile(r"^\s*\\(?:sigma|varphi|phi|psi)\s*\(\s*[a-z]\s*\)\s*=")


def _layered_value(formula: str) -> bool:
    m = _VALUE.match(formula)
    if m is None or _INDEX.match(m.group("lhs")) or _INDEX.match(m.group("rhs")):
        return False
    sides = (m.group("lhs"), m.group("rhs"))
    return any(_LAYER.search(s) or s.strip() == "y" for s in sides)


def supposed(text: str) -> list:
    """[(start, end, role, (line, words, kind))] for each formula of ``text`` a supposition governs: ``role``
    'condition' (a value it supposes) or 'claim' (a formula stated under it); ``kind`` 'value' or 'words'."""
    out: list = []
    last = None  # the supposition of the sentence before, for a sentence that opens with "Then"
    for a, b in sentences(text):
        sentence = text[a:b]
        words = masked(sentence)
        formulas = [(a + m.start(), a + m.end()) for m in FORMULA.finditer(sentence)]
        opener = OPENER.search(words)
        assumed = opener is None and _ASSUMED.search(words)
        if assumed and _NEGATED.search(words):
            assumed = None  # "We do not assume $b^l = 0$": no assumption (``negation`` files the value as prose)
        if assumed:  # "We assume $b^l = 0$", "For the rest of these notes, $b^l = 0$": values only (below)
            opener = assumed
        if opener is None:
            if last is not None and _THEN.search(words):
                out += [(s, e, "claim", last) for s, e in formulas if _inner(text[s:e]).count("=")]
            last = None
            continue
        turn = _TURN.search(words, opener.end())
        cut = a + (turn.start() if turn is not None else _unturned(words, opener.end()))
        inline = lambda s, e: not text.startswith("$$", s) and not text.startswith("\\[", s)  # noqa: E731
        conditions = [(s, e) for s, e in formulas if a + opener.start() <= s < cut and inline(s, e)]
        after = [(s, e) for s, e in formulas if s >= a + opener.start() and (s, e) not in conditions]
        values = [(s, e) for s, e in conditions if "=" in _inner(text[s:e])]
        said = " ".join(prose(text[a + opener.start():cut]).split()).rstrip(" ,.;:")
        if values and all(_layered_value(_inner(text[s:e])) or not assumed and _ACTIVATION.match(_inner(text[s:e]))
                              for s, e in values):  # "Throughout, σ(z) = …" sets the notes' σ, supposes nothing
            what = (line_of(text, a + opener.start()), said, "value")
            out += [(s, e, "condition", what) for s, e in values]
        elif not values and not assumed and _PROPERTY.search(prose(text[a + opener.start():_clause(words, opener.end(), cut - a) + a],
                                                   displays=False)):  # "If $W$ were symmetric, …": its own clause
            what = (line_of(text, a + opener.start()), said, "words")
        else:
            last = None
            continue
        out += [(s, e, "claim", what) for s, e in after if "=" in _inner(text[s:e])]
        last = what
    return out


def supposes(text: str, line: int, source: str) -> bool:
    """Do the words before the formula ``source`` (at ``line`` of ``text``) in its sentence open a supposition
    ("If $w_{12} = w_{21}$", "Were …", "Kdyby platilo …", "Если бы …", "For a symmetric matrix, …")?

    >>> supposes("Let $x$ be given. Were $w_{12} = w_{21}$, we would get", 1, "w_{12} = w_{21}")
    True
    >>> supposes("Here $w_{12} = w_{21}$.", 1, "w_{12} = w_{21}")
    False
    """
    around = sentence_around(text, line, source)
    return around is not None and OPENER.search(masked(around[0])) is not None


#: How a value the prose supposes is filed in graph notes (``graphnotes``): never a definition of the model.
CONDITION_WORDS = ("a value the prose supposes (after \u201cif\u201d or the like), given to an input or a parameter: "
                   "the condition of the claims of its sentence, which are checked under it; not part of the model, "
                   "the other claims are checked for every value")


def supposed_values(text: str, eqs: list, lines: list, source: str) -> bool:
    """Are the graph-notes equations ``eqs`` of the formula ``source`` (written at ``lines``) values a sentence
    only supposes ("If $w_{12} = w_{21}$, then", "Were …", "Kdyby platilo …")? Then they are a condition of the
    claims of their sentence (``graphcondition.prose_condition``) and never a definition of the model (rv39 A3):
    numbers, ties and expressions without names only (``g = W x`` after "if" still defines g)."""
    return bool(eqs) and all(is_value(e, set()) or is_tie(e, set()) or is_value_expression(e) for e in eqs) and any(
        supposes(text, line, source) for line in lines)


def _unturned(words: str, start: int) -> int:
    r"""Where the condition of a supposition without a turn ("then", "we have") ends in its sentence ``words``
    (formulas masked): at the first comma after its words and its first formula, "If $b^l = 0$, $z^l = …$"; at the
    first comma when no formula stands before it, "In the special case of the identity activation, $…$" (review rv42
    5: every inline formula of the sentence was taken for the condition, and the claim after the comma was refuted);
    the end of the sentence when there is no such comma.

    >>> _unturned("If ~~~~~~~, ~~~~~~~.", 2), _unturned("In the special case of the identity, ~~~~~.", 2)
    (10, 35)
    """
    comma = words.find(",", start)
    if comma < 0:
        return len(words)
    if "~" in words[start:comma] or not re.search(r"~", words[comma:]):
        return comma
    # the comma ends words before any formula: a property, "In the special case of the identity activation, $…$";
    # or not, "Throughout, $b^l = 0$, so $…$", "Suppose that biases vanish, $b^l = 0$": the formula after it, up to
    # the next comma
    later = words.find(",", words.find("~", comma))
    return comma if _PROPERTY.search(words[start:comma]) else (later if later >= 0 else len(words))


def _clause(words: str, start: int, stop: int) -> int:
    """Where the clause of a supposition's words ends: its first comma (formulas masked), or ``stop``."""
    comma = words.find(",", start, stop)
    return comma if comma >= 0 else stop


def _inner(formula: str) -> str:
    return formula.strip().strip("$").removeprefix("\\[").removesuffix("\\]").removeprefix("\\(").removesuffix("\\)")


def under(text: str, items: list, taken: dict) -> "tuple[dict, set, list]":
    """(id(formula) -> the supposition it is stated under, in ``inforce``'s words; the (line, text) of the formulas
    that are a supposition's condition, filed as such; the header's lines) for the formulas ``items`` of ``text``
    (those already under a hypothetical, ``taken``, keep it)."""
    found = supposed(text)
    if not found:
        return {}, set(), []
    marks, conditions, header = {}, set(), {}
    for f in items:
        if f.cell is not None or id(f) in taken or f.negated:
            continue
        at = _locate(text, f.line, f.source or f.text)
        hit = next(((role, what) for s, e, role, what in found if at is not None and s <= at[0] < e), None)
        if hit is None:
            continue
        role, (line, said, kind) = hit
        quoted = f"\u201c{said}\u201d"
        if role == "condition":
            marks[id(f)] = f"the supposition of line {line} ({quoted}): a condition of the claims stated under it"
            conditions.add((f.line, f.text))
        elif kind == "value":
            marks[id(f)] = (f"the supposition of line {line} ({quoted}), a value symbp does not put into the notes' "
                            "layered model")
        else:
            marks[id(f)] = (f"the supposition of line {line} ({quoted}), said in words symbp does not turn into "
                            "values")
        header[line] = (f"line {line}: a supposition ({quoted}): not the notes' model; its condition is no claim and "
                        "the claims stated under it are not judged")
    return marks, conditions, list(header.values())


__all__ = ["CONDITION_WORDS", "OPENER", "supposed", "supposed_values", "supposes", "under"]
