r"""The tokens of a formula about a layer: macros, characters and numbers, each with its position.

The first step of ``layer_reader``: Unicode letters and operators (γ, ∂, ⊙,
−) become the macros they stand for, spacing and sizing macros (``\left``,
``\,``, ``\displaystyle``) are dropped, and anything else is a
``LayerReadError`` naming its position. A formula longer than ``MAX_CHARS``
is refused before it is read.

>>> [(t.kind, t.text) for t in tokenize(r"\left(γ_i\right)")]
[('char', '('), ('macro', 'gamma'), ('char', '_'), ('char', 'i'), ('char', ')'), ('end', '')]
>>> tokenize("x ≤ 1")
Traceback (most recent call last):
...
symbp.verify.layer_lexer.LayerReadError: cannot read '≤' at position 2
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import SymbpError
from .lexer import plain_transposes

MAX_CHARS = 2000


class LayerReadError(SymbpError, ValueError):
    """A formula that cannot be read; the message names the position."""


_UNICODE = {"γ": "gamma", "β": "beta", "μ": "mu", "σ": "sigma", "ε": "epsilon", "ϵ": "epsilon", "δ": "delta",
            "φ": "varphi", "∂": "partial", "⊙": "odot", "·": "cdot", "Σ": "sum", "∑": "sum", "√": "sqrt"}
_DROP = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "textstyle",
         "limits", ",", ";", "!", " ", ":"}


@dataclass(frozen=True)
class Tok:
    kind: str  # 'macro', 'char', 'num', 'end'
    text: str
    pos: int


def tokenize(text: str) -> list:
    if len(text) > MAX_CHARS:
        raise LayerReadError(f"the formula is {len(text)} characters long; the limit is {MAX_CHARS}")
    text = plain_transposes(text)  # ^{\mathsf T}, ^\intercal: ^T (the one list of spellings, ``lexer``)
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c in _UNICODE:
            out.append(Tok("macro", _UNICODE[c], i))
            i += 1
        elif c == "−":
            out.append(Tok("char", "-", i))
            i += 1
        elif c == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", text[i:])
            if not m:
                raise LayerReadError(f"a lone backslash at position {i}")
            name = m.group(1)
            if name not in _DROP:
                out.append(Tok("macro", {"{": "lbrace", "}": "rbrace", "|": "Vert"}.get(name, name), i))
            i += len(m.group(0))
        elif c.isdigit() and c.isascii():
            m = re.match(r"\d+", text[i:])
            out.append(Tok("num", m.group(0), i))
            i += len(m.group(0))
        elif c.isascii() and (c.isalpha() or c in "{}^_'()[]+-=,/"):
            out.append(Tok("char", c, i))
            i += 1
        else:
            raise LayerReadError(f"cannot read {c!r} at position {i}")
    out.append(Tok("end", "", len(text)))
    return out
