r"""The notes' own names for what symbp already has, recognised from the notes themselves.

Two kinds, each only with the notes' own evidence, never by guessing:

* a letter naming the function the network computes: ``\mathbf{a}^{(L)} = \boldsymbol{\alpha}(\mathbf{x})``
  (the output a^L written as a function α of the input x, α a letter the notation does not know) is the
  definition of α, not a claim: it says nothing the network does not already say;
* the cost written in lower case: where the notes write ``\Delta C \approx \frac{\partial c}{\partial z} \Delta z``
  (the change of the cost C through the derivative of c), c is their cost C, so a definition ``c = …`` is
  checked as ``C = …`` (the row says so).

>>> from symbp.notation import profile
>>> names_output(r"\mathbf{a}^{(L)} = \boldsymbol{\alpha}(\mathbf{x})", profile("sokolinsky"))
'\\alpha'
>>> names_output(r"a^{(L)} = \sigma(z^{(L)})", profile("sokolinsky"))
''
>>> cost_letter_alias([r"\Delta C \approx \frac{\partial c}{\partial z_i^{(l)}} \Delta z_i^{(l)}"], "C")
'c'
"""

from __future__ import annotations

import re

from ..errors import SymbpError
from ..notation import Notation
from .lexer import ReadError
from .nodes import Quantity
from .reader import read

# Q = F(args): a letter (Greek or Latin, bold or not) applied to arguments, the whole right side.
_NAMED = re.compile(r"^\s*(?P<lhs>[^=]+?)\s*=\s*(?:\\(?:boldsymbol|mathbf|bm|mathit)\s*\{\s*(?P<wrapped>\\?[A-Za-z]+)\s*\}"
                    r"|(?P<bare>\\[A-Za-z]+|[A-Za-z]))\s*(?:\\left)?\(\s*(?P<args>[^()=]+?)\s*(?:\\right)?\)\s*$")
#: Letters that are functions symbp reads (or the notation's own): never a new name.
_KNOWN = {"sigma", "tanh", "exp", "log", "ln", "max", "min", "softmax", "Sigma", "nabla", "partial", "delta", "sum"}


def names_output(text: str, nt: Notation) -> str:
    r"""The letter that ``text`` names the network's function by (``a^{(L)} = α(x)``: '\\alpha'), or ''.

    The left side must read as the output a^L, every argument as the input x, and the letter must be one the
    notation does not know (σ, a quantity's letter, a function symbp reads are not new names).
    """
    m = _NAMED.match(text)
    if m is None:
        return ""
    letter = m.group("wrapped") or m.group("bare")
    bare = letter.lstrip("\\")
    if bare in _KNOWN or bare in {_plain(v) for v in nt.names.values()}:
        return ""
    lhs = _quantity(m.group("lhs"), nt)
    if lhs is None or lhs.role != "a" or lhs.indices or lhs.layer is None or lhs.layer.var != "L" or lhs.layer.offset:
        return ""
    for arg in m.group("args").split(","):
        q = _quantity(arg, nt)
        if q is None or q.role != "x" or q.indices:
            return ""
    return letter


def cost_letter_alias(texts: list[str], cost: str) -> str:
    r"""The lower-case letter the notes use for their cost ``cost`` (C), shown by ``\Delta C \approx \frac{\partial c}…``;
    '' when the notes give no such evidence (or the cost letter has no lower case)."""
    if not re.fullmatch(r"[A-Z]", cost):
        return ""
    low = cost.lower()
    evidence = re.compile(r"\\Delta\s*" + cost + r"\s*\\approx\s*\\frac\s*\{\s*\\partial\s*" + low + r"\s*\}")
    return low if any(evidence.search(t) for t in texts) else ""


def as_cost(text: str, alias: str, cost: str) -> str:
    """``c = …`` (``alias`` = c) as ``C = …``; any other text unchanged."""
    m = re.match(r"\s*" + re.escape(alias) + r"\s*(?==)", text)
    if m is None or re.search(r"(?<![A-Za-z\\])" + re.escape(alias) + r"(?![A-Za-z])", text[m.end():]):
        return text
    return cost + " " + text[m.end():]


def _quantity(text: str, nt: Notation) -> "Quantity | None":
    try:
        side = read(f"{text.strip()} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        return None
    return side if isinstance(side, Quantity) else None


def _plain(name: str) -> str:
    return re.sub(r"\\(?:mathrm|text|mathbf|boldsymbol)\{([^{}]*)\}", r"\1", name).lstrip("\\")
