r"""Whether the notes assert the size of a mini-batch they write (``m = 32``), and its value (review 22 X3, X4).

``graphbatch.batch_sizes`` takes ``m = 32`` beside a cost over a mini-batch as the notes' own m. Only an asserted
one counts: the sentence around it must not deny it ("we do not take $m = 4$", "$m = 4$ is not what we use";
``sentences.doubts``), suppose, imagine or condition it ("suppose for a moment $m = 4$", "if $m = 4$, …", "for
example $m = 4$"; ``sentences.HYPOTHETICAL``), nor keep it to a moment ("for a moment", "for now", "temporarily";
cs/ru/pl). Such a size names no m: claims are checked for every m.

Its value is a whole number written as one (``32``) or as a product, a quotient or a power of whole numbers
(``2^3``, ``4 \cdot 8``): ``m = 2^3`` is m = 8.

>>> asserted("Each mini-batch has $m = 32$ samples.", 1, "m = 32"), asserted("We do not take $m = 4$.", 1, "m = 4")
(True, False)
>>> asserted("Suppose for a moment $m = 4$.", 1, "m = 4"), asserted("If $m = 4$, the sum has four terms.", 1, "m = 4")
(False, False)
>>> asserted("Nebereme $m = 4$.", 1, "m = 4"), asserted("Rather than $m = 4$, we use any $m$.", 1, "m = 4")
(False, False)
>>> from symbp.verify.graphread import read_graph
>>> whole(read_graph("m = 2^3").sides[1]), whole(read_graph("m = 4 \\cdot 8").sides[1]), whole(read_graph("m = 1/2").sides[1])
(8, 32, None)
"""

from __future__ import annotations

import re
from fractions import Fraction

from .graphexamples import _locate
from .graphnodes import Div, Mul, Num, Pow
from .sentences import HYPOTHETICAL, doubts, masked, sentence_span

#: Words that keep a value to a moment: it is not the notes' own.
_MOMENT = re.compile(r"\bfor\s+(?:a\s+moment|now|the\s+moment|illustration)\b|\btemporar\w*|\blet\s+us\s+pretend\b"
                     r"|\bna\s+chvíli\b|\bprozatím\b|\bdočasně\b|\bна\s+(?:минуту|время)\b|\bвременно\b|\bдопустим\b"
                     r"|\bna\s+chwilę\b|\btymczasowo\b|\bzałóżmy\b|\bprzypuśćmy\b|\bpředpokládejme\b|\bпредположим\b",
                     re.IGNORECASE)
#: Words that set a size aside or leave m open: "rather than", "instead of", "nobody uses", "other courses use", "an
#: example uses …, but … any m", "we keep m arbitrary"; cs "nebereme", "místo"; pl "zamiast", "nikt"; ru "вместо",
#: "никто" (review 25 B4). Such a size is not the notes' m.
_SET_ASIDE = re.compile(
    r"\brather\s+than\b|\binstead\s+of\b|\bnobody\b|\bno\s+one\b|\bunlike\b|\bother\s+(?:courses|texts|books|authors"
    r"|notes|lectures)\b|\bany\s+~|\barbitrar\w*|\bfree\b|\bne(?:ber|bud|použ|uvaž|vol|přijím)\w*|\bmísto\b|\bnikdo\b"
    r"|\blibovoln\w*|\bzamiast\b|\bnikt\b|\bdowoln\w*|\bвместо\b|\bникто\b|\bпроизвольн\w*|\bлюб\w*\s+~", re.IGNORECASE)
#: The largest batch size read (a power written with a huge exponent is no size).
_LARGEST = 10 ** 9


def whole(node) -> "int | None":
    """The whole number ≥ 1 ``node`` writes (a number, or a product, quotient or power of them), else None."""
    value = _value(node)
    return int(value) if value is not None and value.denominator == 1 and 1 <= value <= _LARGEST else None


def _value(node) -> "Fraction | None":
    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Mul):
        out = Fraction(1)
        for f in node.factors:
            v = _value(f)
            if v is None or abs(out * v) > _LARGEST:
                return None
            out *= v
        return out
    if isinstance(node, Div):
        top, bottom = _value(node.num), _value(node.den)
        return top / bottom if top is not None and bottom else None
    if isinstance(node, Pow) and isinstance(node.exp, int) and 0 <= node.exp <= 64:
        base = _value(node.base)
        if base is None or abs(base) > 1 and node.exp > 30:
            return None
        return base ** node.exp
    return None


def asserted(text: str, line: int, source: str) -> bool:
    """Do the notes ``text`` assert the formula ``source`` written at ``line`` (its sentence neither denies, supposes
    nor imagines it; see the module)? Not found in the text: asserted (as before)."""
    at = _locate(text, line, source) if text else None
    if at is None:
        return True
    first, stop = sentence_span(text, at[0], at[1])
    words = masked(text[first:stop])
    return not (HYPOTHETICAL.search(words) or _MOMENT.search(words) or _SET_ASIDE.search(words)
                or doubts(text[first:stop]))


__all__ = ["asserted", "whole"]
