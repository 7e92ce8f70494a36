r"""Labels after a formula: ``\tag{BP1}``, ``\label{eq:bp1}``, ``(\text{BP1})``, ``(2.14)``, and what is no label.

A remark after a formula is kept as a label only when every word of it is a
number, a tag (BP1, eq25), a roman numeral or a word of the small vocabulary
notes label their formulas with (``is_label``). A remark that could restrict
the claim (for, if, only, ``=``) must be written as a condition (``tail``),
one that could change its value (times 2, doubled, transposed) must be
written into the formula, and a bare number right against the formula may be
a factor: each is a ``ReadError`` naming its position, never a label.

>>> from symbp.verify.reader import read_claim
>>> read_claim(r"\delta^L = \nabla_a C \odot \sigma'(z^L) \quad (\text{Nielsen, eq. 29})").labels
('Nielsen, eq. 29',)
>>> read_claim(r"\delta^L = \nabla_a C \odot \sigma'(z^L) \quad (\text{doubled})").labels
Traceback (most recent call last):
...
symbp.verify.lexer.ReadError: the remark (doubled) may change the claim's value; symbp reads only labels such as (BP1) after a formula, so write the change into the formula at position 48 (found “\text”) in “\delta^L = \nabla_a C \odot \sigma'(z^L) \quad (\text{doubled})”
"""

from __future__ import annotations

import re

#: Words that make a parenthesised remark a restriction, not a label.
_RESTRICTING = {"for", "if", "only", "where", "when", "layer", "layers", "all", "each", "every", "output", "input",
                "hidden", "unless", "except", "with", "not", "and", "or", "last", "first"}
#: Words in a remark that would change the claim's value (``\text{(times 2)}``): never read as a label.
_MODIFYING = {"times", "twice", "double", "doubled", "half", "halved", "negated", "negative", "minus", "plus",
              "squared", "square", "cubed", "inverse", "inverted", "reciprocal", "transpose", "transposed",
              "divided", "multiplied", "factor", "sign", "opposite", "sum", "summed", "mean", "average", "scaled",
              "add", "added", "subtract", "subtracted", "over", "per", "by", "power", "root", "exp", "log",
              "swapped", "swap", "reversed", "flipped", "exchanged", "interchanged", "shifted", "without",
              "missing", "extra", "wrong", "incorrect", "typo", "error", "approx", "approximately", "up",
              # Czech, Russian, Polish: times, twice, half, minus, transposed, swapped
              "krát", "dvakrát", "polovina", "poloviční", "záporně", "transponovaně", "prohozené", "bez",
              "раз", "умножить", "умноженное", "дважды", "половина", "минус", "плюс", "транспонированная",
              "без", "razy", "połowa", "transponowana", "podwojone", "zamienione"}


def _tag(p) -> str:
    tok = p.next()
    if p.at("*"):
        p.next()
    if not p.at("{"):
        p.fail("\\tag needs its label in braces", tok)
    start = p.peek()
    p.script()
    close = p.toks[p.i - 1]  # the closing brace: the label is the text between
    return _label_words(p, p.text[start.pos + 1:close.pos], start)


def _key(p) -> str:
    tok = p.next()
    if not p.at("{"):
        p.fail("\\label needs its key in braces", tok)
    start = p.peek()
    p.script()
    key = p.text[start.pos + 1:p.toks[p.i - 1].pos].strip()
    if re.fullmatch(r"[A-Za-z0-9]+(?:[:_\-.][A-Za-z0-9]+)+", key):
        return key  # eq:bp3, fig-1: a key as LaTeX writes them
    return _label_words(p, key, start)  # words in a key are read as any remark is



#: One word of a label: an equation number (25, 2.14, 3a), a tag (BP1, BP3a, eq25), a roman numeral other than
#: x, as in (ii), or a word of the small vocabulary notes label their formulas with. Any other word could say
#: what the remark does to the claim (doubled, negated, false, "krat 2", "do kwadratu"), so it is no label.
_LABEL_WORD = re.compile(r"(\d+(\.\d+)*[a-h]?'*|(?:[A-Z][A-Za-z]{1,3}|eqn?)\d+(\.\d+)*[a-h]?'*|(i{1,3}|iv|vi{0,3}|ix)\.?)")
_LABEL_VOCABULARY = {
    "eq", "eqn", "equation", "eqs", "formula", "rule", "chain", "definition", "def", "lemma", "theorem", "identity",
    "see", "cf", "ch", "chapter", "sec", "section", "vector", "matrix", "form", "component", "components",
    "nielsen", "sokolinsky", "dyda", "backprop", "backpropagation", "bp",
    "rovnice", "vzorec", "definice", "věta", "kapitola", "viz", "maticově", "vektorově", "tvar",
    "уравнение", "формула", "определение", "лемма", "теорема", "глава", "см", "форма",
    "równanie", "wzór", "definicja", "twierdzenie", "rozdział", "zob", "postać",
}


def is_label(words: str) -> bool:
    """Whether a remark after a formula reads as a label: numbers, tags and words of the label vocabulary only.

    Whatever else is in it (``×2``, ``1/2``, ``-1``, ``l+1``, ``T``, ``j→k``, a single letter, any other
    word) could be an edit of the claim, so it is not a label.

    >>> [is_label(w) for w in ("BP3", "2.14", "Nielsen, eq. 29", "ii", "×2", "x2", "1/2", "T", "doubled", "krat 2")]
    [True, True, True, True, False, False, False, False, False, False]
    """
    parts = [w for w in re.split(r"[\s,:;]+", words.strip()) if w]
    return bool(parts) and all(_LABEL_WORD.fullmatch(w) or w.lower().rstrip(".") in _LABEL_VOCABULARY for w in parts)


def _label_words(p, words: str, tok) -> str:
    words = words.strip()
    if words.startswith("(") and words.endswith(")"):
        words = words[1:-1].strip()  # \tag*{(BP3)}: the parentheses are the tag's own
    found = set(re.findall(r"[^\W\d_]+", words.lower()))
    if found & _MODIFYING:
        p.fail(f"the remark ({words}) may change the claim's value; symbp reads only labels such as (BP1) "
               "after a formula, so write the change into the formula", tok)
    if found & _RESTRICTING or re.search(r"[=<>\\$]", words):
        p.fail(f"the remark ({words}) may restrict the claim; write it as a condition such as "
               "\\quad l = L or \\text{for } l < L", tok)
    if not is_label(words):
        p.fail(f"the remark ({words}) is not a label (a label is a number, a tag or a reference, such as (BP1), "
               "(2.14) or (Nielsen, eq. 29)); what else it says could change the claim, so write that into the "
               "formula", tok)
    if re.fullmatch(r"[\d.\s]+[a-h]?", words) and not _apart(p, tok):
        p.fail(f"the number ({words}) stands right after the formula, where it may be a factor; an equation "
               "number stands apart (\\quad (2) or \\tag{2})", tok)
    return words


def _apart(p, tok) -> bool:
    """Whether ``tok`` (a remark) is set apart from the formula before it: a space, \\quad or a tag."""
    before = p.text[:tok.pos]
    inner = p.text[tok.pos:tok.pos + 12]
    return (before[-1:].isspace() or re.search(r"\\(?:q?quad|[,;:! ]|tag\*?)\s*\{?$", before) is not None
            or re.match(r"\\\w+\s*\{\s+", inner) is not None)
