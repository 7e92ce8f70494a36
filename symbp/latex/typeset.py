r"""Typesetting hygiene: words as LaTeX text, prover formulas as safe math.

pdflatex without extra packages knows no σ or ≠ in its input, and a
justification may contain ``_`` or ``%``; these functions make any string
safe to typeset, and re-index formulas into the document's notation.
"""

from __future__ import annotations

import re

from ..notation import Notation, profile
from ..errors import NotationError
from .retarget import retarget

_MATH_UNICODE = {
    "σ": r"\sigma", "δ": r"\delta", "Σ": r"\Sigma", "∑": r"\sum", "∂": r"\partial", "≠": r"\neq",
    "≤": r"\leq", "≥": r"\geq", "−": "-", "×": r"\times", "⊙": r"\odot", "·": r"\cdot", "∇": r"\nabla",
    "≡": r"\equiv", "→": r"\to", "′": "'", "½": r"\tfrac{1}{2}", "‖": r"\|", "φ": r"\varphi", "∈": r"\in",
    "…": r"\dots", "²": "^{2}", "³": "^{3}", "ᵀ": "^{T}", "λ": r"\lambda", "η": r"\eta", "ε": r"\varepsilon",
    "∞": r"\infty", "≈": r"\approx", "⋯": r"\cdots", "ℓ": r"\ell", "∀": r"\forall", "⇒": r"\Rightarrow",
}
_TEXT_UNICODE = {"–": "--", "—": "---", "’": "'", "‘": "`", "“": "``", "”": "''", "…": r"\dots{}", "−": "-"}
_TEXT_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}", "&": r"\&", "%": r"\%",
    "#": r"\#", "~": r"\~{}", "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}


def math(latex_text: str, notation="nielsen", *, matrices: bool = True) -> str:
    """A prover's Nielsen LaTeX, re-indexed into ``notation``, safe for pdflatex."""
    return _unicode_math(retarget(latex_text, notation, matrices=matrices))


#: A statement's trailing remark, which no formula reader takes as part of the formula (rv48: the theorems
#: of dyda-weight-gradient, dyda-input-gradient and softmax-ce-one-hot were unreadable under symbp verify):
#: the document shows it in words after the display (``split_remark``).
_REMARKS = (
    (re.compile(r"\s*\\quad\s*\\text\{when \}\s*(?P<m>\S.*)$"), "remark_when"),
    (re.compile(r",\\ (?P<m>x_0 = 1)$"), "remark_with"),
    (re.compile(r"\\ \(\\text\{rows \} (?P<m>j \\ge 1)\)$"), "remark_rows"),
    # the all-sizes statements' cost, activation or matrix form (not their index ranges, which verify reads)
    (re.compile(r"\s*\\quad\s*\((?P<m>(?:C =|\\sigma \\text\{|\\nabla_)[^()]*(?:\([^()]*\)[^()]*)*)\)$"),
     "remark_paren"),
)


def split_remark(statement: str) -> tuple[str, str, str]:
    r"""(the formula, the phrase key of its remark, the remark's math), or (statement, "", "") without one.

    >>> split_remark(r"\delta^L = a^L - y \quad\text{when } \sum_k y_k = 1")
    ('\\delta^L = a^L - y', 'remark_when', '\\sum_k y_k = 1')
    >>> split_remark(r"\delta^L_j = a^L_j - y_j \quad (\sigma \text{ the sigmoid, binary cross-entropy})")[1:]
    ('remark_paren', '\\sigma \\text{ the sigmoid, binary cross-entropy}')
    >>> split_remark(r"\frac{\partial C}{\partial a^{l-1}_k} = \sum_j w^l_{jk} \delta^l_j \quad (\nabla_{a^{l-1}} C = (w^l)^T \delta^l)")[2]
    '\\nabla_{a^{l-1}} C = (w^l)^T \\delta^l'
    >>> split_remark(r"\nabla_a C = a^L - y")
    ('\\nabla_a C = a^L - y', '', '')
    """
    for pattern, key in _REMARKS:
        m = pattern.search(statement)
        if m:
            return statement[: m.start()].rstrip(), key, m.group("m")
    return statement, "", ""


# A TeX-like token in running words: one letter or a command with ^ or _ scripts
# ("z^L", "a^{l+1}", "n_{L}"), not part of a longer word ("lemma_dz").
_INLINE = re.compile(r"(?<![\\\w])((?:\\[A-Za-z]+|[A-Za-zδσφΣ∇])(?:[\^_](?:\{[^{}]*\}|[A-Za-z0-9]))+)")


def _words(part: str, notation) -> list[str]:
    out = []
    pos = 0
    for m in _INLINE.finditer(part):
        out.append(_escape(part[pos : m.start()]))
        token = m.group(1)
        try:
            # In words, "w^l" names the weights of layer l, not a matrix to transpose.
            token = "".join(ch if ch.isascii() else _MATH_UNICODE[ch] + " " for ch in token)  # δ^4 -> \\delta ^4
            shown = math(token, notation, matrices=False) if notation is not None else _unicode_math(token)
            out.append(f"${shown}$")
        except NotationError:
            out.append(_escape(token))
        pos = m.end()
    out.append(_escape(part[pos:]))
    return out


def _escape(part: str) -> str:
    out = []
    for ch in part:
        if ch in _TEXT_SPECIAL:
            out.append(_TEXT_SPECIAL[ch])
        elif ord(ch) < 128:
            out.append(ch)
        elif ch in _TEXT_UNICODE:
            out.append(_TEXT_UNICODE[ch])
        elif ch in _MATH_UNICODE:
            out.append(f"${_MATH_UNICODE[ch]} $")
        else:
            out.append(rf"\texttt{{[U+{ord(ch):04X}]}}")
    return "".join(out)


def _unicode_math(s: str) -> str:
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
        elif ch in _MATH_UNICODE:
            out.append(_MATH_UNICODE[ch] + " ")
        else:
            out.append(rf"\text{{[U+{ord(ch):04X}]}}")
    return "".join(out)


def text(s: str, notation=None) -> str:
    r"""Plain words as LaTeX text: specials escaped, Greek and math signs as math.

    Segments between ``$...$`` are math, and so are TeX-like tokens such as
    ``z^L`` in running words; both are re-indexed into ``notation`` if given.

    >>> text("σ' of z^3_1 & 50% ≠ $w^{3}_{12}$ in lemma_dz", "sokolinsky")
    "$\\sigma $' of $z^{(3)}_{1}$ \\& 50\\% $\\neq $ $w^{(3)}_{21}$ in lemma\\_dz"
    """
    parts = str(s).split("$")
    out = []
    for n, part in enumerate(parts):
        if n % 2 == 1 and n < len(parts) - 1:  # a math segment
            out.append("$" + (math(part, notation) if notation is not None else _unicode_math(part)) + "$")
            continue
        if n % 2 == 1:  # an unmatched '$': escape it
            out.append(r"\$")
        if notation is not None:
            part = _renumber_layers(part, profile(notation))
        out += _words(part, notation)
    return "".join(out)


_LAYER_WORDS = re.compile(r"\b(layer |l=)(\d+)\b")


def _renumber_layers(words: str, p: Notation) -> str:
    # Provers say "layer 3" in Nielsen's numbering; a reader of another profile
    # counts from elsewhere (Dyda: the input is layer 0).
    if not p.layer_shift:
        return words
    return _LAYER_WORDS.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + p.layer_shift}", words)


def preamble(packages: str = "amsmath", extra: str = "") -> str:
    r"""The opening of a symbp document, before its title: the article class, ``packages``, any
    ``extra`` lines (theorem environments), and the page layout every document shares.

    >>> print(preamble("amsmath").splitlines()[1])
    \usepackage{amsmath}
    """
    return f"\\documentclass[11pt,a4paper]{{article}}\n\\usepackage{{{packages}}}\n{extra}" + _PAGE


# Wide text, small margins, no indents: the proofs' long aligned formulas need the room.
_PAGE = r"""\allowdisplaybreaks
\setlength{\textwidth}{16cm}
\setlength{\oddsidemargin}{0cm}
\setlength{\evensidemargin}{0cm}
\setlength{\textheight}{24cm}
\setlength{\topmargin}{-1.5cm}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5em}
"""
