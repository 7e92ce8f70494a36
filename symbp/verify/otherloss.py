r"""A second loss letter beside the notes' cost: read as a multiple of the cost, or not read at all.

Notes that define their cost with one letter (``C = \frac12\|a^L - y\|^2``) may differentiate another
(``\frac{\partial L}{\partial z^L}``). symbp's reader takes any loss letter where only the cost can stand, so
``L`` would silently be read as ``C``. Two cases, each from the notes' own definitions:

* the other letter is **defined as a multiple of the cost** (``L = 2C``, ``L = \frac{1}{2} C``, ``L = C``): its
  derivatives are that multiple of the cost's, so ``\frac{\partial L}{\partial X}`` is checked as
  ``\left(2 \frac{\partial C}{\partial X}\right)`` (the row shows both texts);
* the other letter is **never defined** (or defined in a way that is neither a cost nor a multiple of it): a
  claim about it is ``uninterpretable``, naming the letter — it is not checked as a claim about the cost.

>>> others([(5, r"C = \frac{1}{2}\|a^L - y\|^2"), (6, "L = 2 C"), (8, r"\frac{\partial L}{\partial z^L} = 0")], "C")
{'L': Other(letter='L', line=6, text='L = 2 C', factor=Fraction(2, 1))}
>>> others([(6, "L = 2C"), (9, "L = C")], "C")["L"].factor is None    # defined twice, differently: not read
True
>>> as_multiple(r"\frac{\partial L}{\partial z^L} = (a^L - y)", others([(6, "L = 2C")], "C")["L"], "C")
'\\left(2 \\frac{\\partial C}{\\partial z^L}\\right) = (a^L - y)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..errors import SymbpError
from ..notation import Notation
from .claimlinks import declaration
from .definition_kinds import loss_letter
from .lexer import ReadError
from .nodes import Quantity, walk
from .reader import read

#: The letters that name a loss (as the reader takes them where only the cost can stand).
_LOSS = r"(?:C|E|J|L|\\ell|\\mathcal\{[A-Z]\}|\\mathbf\{L\})"
#: L = 2C, L := \frac{1}{2} C, L = 2 \cdot C, L = C: a loss letter defined as a multiple of another.
_MULTIPLE = re.compile(r"^\s*(?P<letter>" + _LOSS + r")\s*(?::=|=|\\equiv|\\coloneqq)\s*"
                       r"(?:(?P<whole>\d+)|\\t?frac\s*\{\s*(?P<p>\d+)\s*\}\s*\{\s*(?P<q>\d+)\s*\})?\s*(?:\\cdot\s*)?"
                       r"(?P<cost>" + _LOSS + r")\s*[.,;]?\s*$")


#: The end of the text of a letter defined twice as different multiples of the cost.
_TWICE = ", two different definitions"


@dataclass(frozen=True)
class Other:
    """A loss letter the notes differentiate beside their cost; ``factor`` None: never defined as a multiple."""

    letter: str
    line: int = 0
    text: str = ""
    factor: "Fraction | None" = None

    def reason(self, cost: str, cost_line: int) -> str:
        """Why a claim about this letter is not checked (a letter that is no multiple of the cost, or one written in
        a spelling that is not rewritten)."""
        defined = f"at line {cost_line} " if cost_line else ""
        if self.factor is not None:
            how = (f"which the notes define as {_factor_words(self.factor)}{cost} (line {self.line}), but written "
                   f"here otherwise than \\frac{{\\partial {self.letter}}}{{\\partial X}}, so it is not rewritten")
        elif self.text.endswith(_TWICE):
            how = f"which the notes define as {self.text}"
        elif self.line:
            how = (f"which the notes define at line {self.line} ({self.text.strip()[:60]}) in a form symbp does not "
                   f"read as a multiple of {cost}")
        else:
            how = "which the notes never define"
        hint = (f"write \\frac{{\\partial {self.letter}}}{{\\partial X}}" if self.factor is not None else
                f"define {self.letter} from {cost}, e.g. {self.letter} = 2{cost}, or write {cost}")
        return (f"the claim is about {self.letter}, {how}; their cost is {cost} (defined {defined}as a cost), so "
                f"{self.letter} is not read as {cost}: a claim about {self.letter} is not checked ({hint})")

    def words(self, cost: str) -> str:
        """What a multiple of the cost is read as, for the row and the definition."""
        return (f"{self.letter} is {_factor_words(self.factor)}the notes' cost {cost} (line {self.line}: "
                f"{self.text.strip()}): a claim about {self.letter} is checked as one about "
                f"{_factor_latex(self.factor)}{cost}")


def cost_definitions(texts: list) -> dict:
    """The loss letters that (line, text) pairs define as a cost of the output and the targets, each with the
    line of its first definition (a declaration ``C = C(a^L)`` defines nothing)."""
    out: dict = {}
    for line, text in texts:
        letter = loss_letter(text)
        if letter and declaration(text) is None and not _MULTIPLE.match(text):
            out.setdefault(letter, line)
    return out


def others(texts: list, cost: str) -> dict:
    """The loss letters the (line, text) pairs define as a multiple of ``cost`` (``L = 2C``), as ``Other``s."""
    out = {}
    for line, text in texts:
        m = _MULTIPLE.match(text)
        if m is None or m.group("cost") != cost or m.group("letter") == cost:
            continue
        letter = m.group("letter")
        factor = (Fraction(int(m.group("whole"))) if m.group("whole") else
                  Fraction(int(m.group("p")), int(m.group("q"))) if m.group("q") and int(m.group("q")) else
                  Fraction(1) if not m.group("p") else None)
        first = out.get(letter)
        if first is not None and first.factor != factor:  # L = 2C, later L = C: which one a claim means is not said
            out[letter] = Other(letter, first.line, f"{first.text.strip()} at line {first.line} and "
                                f"{text.strip()} at line {line}{_TWICE}")
        elif first is None and factor:
            out[letter] = Other(letter, line, text, factor)
    return out


def beside(texts: list, cost: str) -> dict:
    """The loss letters the notes differentiate beside their cost ``cost`` when they define ``cost`` as a cost: each
    an ``Other``, with its factor when the notes define it as a multiple of ``cost``, else with none. {} when the
    notes do not define ``cost`` (their letters are then the notation's concern, not this module's)."""
    defined = cost_definitions(texts)
    if cost not in defined:
        return {}
    declared = {found[0] for _, text in texts if (found := declaration(text)) is not None}
    multiples = others(texts, cost)
    return {letter: multiples.get(letter) or _written(letter, texts)
            for letter in differentiated([t for _, t in texts], cost) if letter not in defined and letter not in declared}


def _written(letter: str, texts: list) -> Other:
    """The letter with the first definition the notes write of it in a form that is no multiple (L = C/2, L = C + λ…),
    else with none."""
    start = re.compile(r"^\s*" + re.escape(letter) + r"\s*(?::=|=|\\equiv|\\coloneqq)")
    return next((Other(letter, line, text) for line, text in texts if start.match(text)), Other(letter))


def defines_multiple(text: str, other: Other) -> bool:
    """Is ``text`` the definition of ``other`` as a multiple of the cost?"""
    m = _MULTIPLE.match(text)
    return m is not None and m.group("letter") == other.letter


def as_multiple(text: str, other: Other, cost: str) -> str:
    r"""``text`` with each ``\frac{\partial L}{\partial X}`` written as ``\left(k \frac{\partial C}{\partial X}\right)``
    (``other`` = L = kC); other spellings of L (``\partial L / \partial X``, ``\nabla L``) are left as written, so
    the claim stays about L and is not checked."""
    head = re.compile(r"\\frac\s*\{\s*\\partial\s*" + re.escape(other.letter) + r"\s*\}\s*\{")
    out, i = [], 0
    for m in head.finditer(text):
        if m.start() < i:
            continue
        end = _closing(text, m.end())
        if end is None:
            return text
        derivative = "\\frac{\\partial " + cost + "}{" + text[m.end():end] + "}"
        out.append(text[i:m.start()])
        out.append(derivative if other.factor == 1 else rf"\left({_factor_latex(other.factor)}{derivative}\right)")
        i = end + 1
    return "".join(out) + text[i:]


def about(text: str, letter: str, nt: Notation) -> bool:
    r"""Does the claim ``text`` differentiate (or otherwise speak of) the loss letter ``letter`` where the reader
    would take it for the cost?  Read when it can be, else by its spelling ``\partial L``."""
    try:
        eq = read(text, nt)
    except (ReadError, SymbpError, ValueError):
        return re.search(r"\\partial\s*\{?\s*" + re.escape(letter) + r"(?![A-Za-z])", text) is not None
    return any(isinstance(q, Quantity) and q.role == "C" and q.base == letter for q in walk(eq))


def differentiated(texts: list, cost: str) -> dict:
    r"""The loss letters other than ``cost`` written after ∂ in the texts (``\frac{\partial L}{…}``), with the
    number of times."""
    found: dict = {}
    for text in texts:
        for m in re.finditer(r"\\partial\s*\{?\s*(" + _LOSS + r")(?![A-Za-z])", text):
            if m.group(1) != cost:
                found[m.group(1)] = found.get(m.group(1), 0) + 1
    return found


def _closing(text: str, start: int) -> "int | None":
    depth = 1
    for k in range(start, len(text)):
        depth += (text[k] == "{") - (text[k] == "}")
        if depth == 0:
            return k
    return None


def _factor_latex(factor: Fraction) -> str:
    if factor == 1:
        return ""
    if factor.denominator == 1:
        return f"{factor.numerator} "
    return rf"\frac{{{factor.numerator}}}{{{factor.denominator}}} "


def _factor_words(factor: Fraction) -> str:
    return "" if factor == 1 else f"{factor} times "
