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


# -- Nielsen's schematic form: a_in, δ_out ---------------------------------------------------------------------

#: ``in`` / ``out`` as a subscript, in roman (``\rm``, ``\mathrm``, ``\text``) or plain.
_IO = r"_\s*\{\s*(?:\\rm\s+|\\mathrm\s*\{\s*|\\text\s*\{\s*|\\textrm\s*\{\s*)?(in|out)\s*\}?\s*\}"
_IO_QUANTITY = re.compile(r"(?<![A-Za-z\\])(a|z|\\delta)" + _IO)
_BARE_W = re.compile(r"\\partial\s+w\s*(?=\})")
#: What a_in, δ_out … stand for beside ∂C/∂w^l_{jk} (Nielsen's order: w^l_{jk} from neuron k of layer l − 1 to j).
_IO_NIELSEN = {"in": ("l-1", "k"), "out": ("l", "j")}


def schematic(formula: str, notation: Notation) -> "tuple[str, str] | None":
    r"""Nielsen's schematic BP4, ``∂C/∂w = a_in δ_out``, written out: (the formula in indices, the words), or None.

    Nielsen writes ∂C/∂w = a_in δ_out "where a_in is the activation of the neuron input to the weight w, and
    δ_out is the error of the neuron output from the weight w". With w = w^l_{jk}, a_in is a^{l-1}_k and δ_out
    is δ^l_j, so the claim is read with those indices for every weight; a_out or δ_in stand for a^l_j and
    δ^{l-1}_k, so a slip of in for out is checked, not read away. Only in Nielsen's notation, and only when w
    has no indices and every other quantity is written with in/out.

    >>> from symbp.notation import profile
    >>> schematic(r"\frac{\partial C}{\partial w} = a_{\rm in} \delta_{\rm out}", profile("nielsen"))[0]
    '\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j'
    >>> schematic(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", profile("nielsen")) is None
    True
    """
    if notation.name.lower() != "nielsen" or not _BARE_W.search(formula) or not _IO_QUANTITY.search(formula):
        return None
    text = _BARE_W.sub(r"\\partial w^l_{jk}", formula)
    text = _IO_QUANTITY.sub(lambda m: f"{m.group(1)}^{{{_IO_NIELSEN[m.group(2)][0]}}}_{_IO_NIELSEN[m.group(2)][1]}",
                            text)
    text = text.replace("^{l}_", "^l_")
    words = ("Nielsen's schematic form: w is any weight w^l_{jk} (from neuron k of layer l-1 to neuron j of "
             "layer l), a_in its input's activation a^{l-1}_k, δ_out the error δ^l_j of the neuron it feeds")
    return text, words
