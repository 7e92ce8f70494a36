r"""Tokens and limits of the formula reader, and the small readers of scripts.

A formula is split into tokens (macros, single characters, numbers) with their
positions; the limits (length, nesting, braces) are checked before any parsing
so that bad input fails fast with its position. The script readers turn a
superscript or subscript into a ``Layer``, an index list or a layer size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass
from fractions import Fraction

from ..errors import SymbpError
from .nodes import Add, Apply, Comprehension, Div, Equation, Hadamard, Matrix, Mul, Neg, Num, Pow, Sum, Transpose, walk
from .nodes import Index, Layer

MAX_CHARS = 4000
MAX_DEPTH = 200
#: The largest exponent written after one ``^`` …
MAX_EXPONENT = 8
#: … and the largest total degree of a formula: powers of powers multiply (``((x^{8})^{8}`` has degree 64),
#: factors add; a number scaling an exponential's argument counts as its degree (e^{9z} = (e^z)^9).
#: Past it the formula is refused before any algebra, so nested powers cannot outrun the time budget.
MAX_DEGREE = 32
#: The most decimal digits an exact number built from a formula's own numbers may have (``number_bits``): past it
#: (``(((99999999^8)^8)^8)^8`` has 32,768) the formula is refused before any algebra, because one multiplication
#: of such numbers cannot be stopped by the time budget.
MAX_NUMBER_DIGITS = 1000
MAX_NUMBER_BITS = 3322  # 1000 digits


class ReadError(SymbpError, ValueError):
    """A formula that cannot be read; the message names the position."""


@dataclass(frozen=True)
class Token:
    kind: str  # 'macro', 'char', 'num', 'end'
    text: str
    pos: int


# Macros that only space or size things: dropped.
_SPACING = {"\\,", "\\;", "\\!", "\\ ", "\\:", "\\>", "displaystyle", "textstyle",
            "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "left", "right", "limits"}
_FONTS = {"mathbf", "boldsymbol", "bm", "mathit", "vec", "mathcal"}
_TEXTS = {"text", "mathrm", "operatorname", "textrm", "mathsf"}
_RELATIONS = {"=": "=", "equiv": r"\equiv"}
_UNICODE = {"δ": "\\delta", "σ": "\\sigma", "∂": "\\partial", "⊙": "\\odot", "∇": "\\nabla", "Σ": "\\Sigma",
            "·": "\\cdot", "⋯": "\\cdots", "…": "\\dots", "≡": "\\equiv", "φ": "\\varphi", "−": "-",
            "⋅": "\\cdot", "∘": "\\circ", "×": "\\times", "∑": "\\sum", "‖": "\\|", "Θ": "\\Theta", "θ": "\\theta",
            "ℓ": "\\ell", "′": "'", "•": "\\bullet",
            "≤": "\\le", "≥": "\\ge", "∈": "\\in", "∀": "\\forall", "≠": "\\ne"}
#: Macros that only say whether a line is numbered (amsmath, IEEEtran): skipped with the tail of a formula.
NO_NUMBER = ("nonumber", "notag", "IEEEnonumber", "IEEEyesnumber", "IEEEnosubnumber", "IEEEyessubnumber")
_KNOWN = (_SPACING | _FONTS | _TEXTS | set(_RELATIONS) | {"quad", "qquad",
    "delta", "sigma", "varphi", "phi", "Sigma", "frac", "dfrac", "tfrac", "partial", "nabla", "sum", "cdot", "times",
    "odot", "circ", "cdots", "dots", "ldots", "top", "exp", "max", "left", "right", "|", "{", "}",
    "tag", "forall", "in", "le", "leq", "ge", "geq", "lt", "gt", "leqslant", "geqslant", "textnormal", "label",
    *NO_NUMBER,
})


#: The transpose written in a roman or sans-serif font, or as \intercal (``^{\mathsf T}``, ``^{\rm T}``,
#: ``^{\mathrm{T}}``, ``^\intercal``; review rv46 D6): read as ``^T`` by every reader of formulas.
_TRANSPOSE_FONT = re.compile(r"\^\s*(?:\{\s*(?:\\(?:mathsf|mathrm|textsf|textrm|text|rm|sf)\s*(?:\{\s*T\s*\}|T)|\\intercal)\s*\}"
                             r"|\\intercal(?![A-Za-z])|\\(?:mathsf|mathrm|textsf)\s*\{\s*T\s*\})")


def plain_transposes(text: str) -> str:
    r"""``text`` with every transpose spelled in a font or as \intercal written ``^T``, padded with spaces so that
    every position after it stays where it was (the readers' messages name positions in the text as written).

    >>> spelled = r"(a^{l-1})^{\mathsf T} + x^{\mathrm{T}} + y^\intercal + z^{\rm T}"
    >>> plain = plain_transposes(spelled)
    >>> " ".join(plain.split()), len(plain) == len(spelled)
    ('(a^{l-1})^T + x^T + y^T + z^T', True)
    >>> plain_transposes(r"a^{\top} b^T")
    'a^{\\top} b^T'
    """
    return _TRANSPOSE_FONT.sub(lambda m: "^T" + " " * (len(m.group(0)) - 2), text)


_STYLE = re.compile(r"\\(?:displaystyle|textstyle|scriptstyle|scriptscriptstyle)(?![A-Za-z])\s*")


def plain_style(text: str) -> str:
    r"""``text`` without ``\displaystyle`` and its kin, which change only how big a sum or a fraction is set (review
    rv46 D7: ``\frac{1}{n}\displaystyle\sum_x`` was not read as the mean over the inputs).

    >>> plain_style(r"b^l \to b^l - \frac{\eta}{m}\displaystyle\sum_x \delta^{x,l}")
    'b^l \\to b^l - \\frac{\\eta}{m}\\sum_x \\delta^{x,l}'
    """
    return _STYLE.sub("", text)


def _tokenize(text: str) -> list[Token]:
    text = plain_transposes(text)
    out, i, n = [], 0, len(text)
    text_end = -1  # inside the braces of \text{…}: words, any letters (počtu, для), read as characters
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if i < text_end and c not in "\\{}":
            out.append(Token("char", c, i))
            i += 1
            continue
        if c in _UNICODE:
            value = _UNICODE[c]
            out.append(Token("macro", value[1:], i) if value.startswith("\\") else Token("char", value, i))
            i += 1
            continue
        if c == "\\" and i >= text_end and _UPRIGHT_D.match(text, i):
            # \mathrm{d}: the upright d of a derivative (\frac{\mathrm{d} C}{\mathrm{d} a}) is the letter d
            out.append(Token("char", "d", i))
            i = _UPRIGHT_D.match(text, i).end()
            continue
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+)", text[i:])
            if m:
                out.append(Token("macro", m.group(1), i))
                i += len(m.group(0))
                if m.group(1) in _WORDS and text_end < i:
                    text_end = _group_close(text, i)
                continue
            if i + 1 >= n:
                raise ReadError(f"a lone backslash at the end, position {i}, in “{text}”")
            c2 = text[i + 1]
            if i < text_end:  # an accent or a symbol inside words: \'e, \&
                out.append(Token("macro", c2, i))
                i += 2
                continue
            if c2 not in ",;! :>{}|\\_":
                raise ReadError(f"unknown macro \\{c2} at position {i} in “{text}”")
            out.append(Token("macro", "\\" + c2 if c2 in ",;! :>" else c2, i))
            i += 2
            continue
        if c in "0123456789":  # not str.isdigit(): '¹' is a digit to it but not to \d
            m = re.match(r"\d+(?:\.\d+)?", text[i:])  # 0.5 is one number; "1." ends a sentence
            out.append(Token("num", m.group(0), i))
            i += len(m.group(0))
            continue
        if c.isascii() and (c.isalpha() or c in "{}^_'()[]+-=,./|&:;<>!*"):
            out.append(Token("char", c, i))
            i += 1
            continue
        if c == "?":  # the writer's own question (seed 004, line 77: "… - ? + \frac{dL}{dx}?"): asked, not claimed
            raise ReadError(f"a question mark at position {i}: the notes ask here, they do not state, in “{text}”")
        raise ReadError(f"unexpected character {c!r} at position {i} in “{text}”")
    out.append(Token("end", "", n))
    return out


#: The upright d of a derivative, d in a roman font: read as the letter d.
_UPRIGHT_D = re.compile(r"\\(?:mathrm|text|textrm|operatorname|mathsf|rm)\s*\{\s*d\s*\}")
#: Macros whose brace argument holds words, not math.
_WORDS = {"text", "textrm", "mbox", "textnormal", "textbf", "textit", "mathrm", "operatorname", "mathsf"}


def _group_close(text: str, i: int) -> int:
    """The position of the '}' closing the group that opens at the first non-space character from ``i`` (-1 if none)."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text) or text[j] != "{":
        return -1
    depth = 0
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _check_limits(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise ReadError(f"the formula has {len(text)} characters, past the limit of {MAX_CHARS}")
    if not text.strip():
        raise ReadError("the formula is empty")
    depth, stack = 0, []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            stack.append(i)
            if len(stack) > MAX_DEPTH:
                raise ReadError(f"braces nest deeper than {MAX_DEPTH} at position {i}")
        elif c == "}":
            if not stack:
                raise ReadError(f"a stray '}}' at position {i} in “{text}”")
            stack.pop()
        elif c in "([":
            depth += 1
            if depth + len(stack) > MAX_DEPTH:
                raise ReadError(f"the formula nests deeper than {MAX_DEPTH} at position {i}")
        elif c in ")]":
            depth = max(0, depth - 1)
        i += 1
    if stack:
        raise ReadError(f"the '{{' at position {stack[-1]} is never closed in “{text}”")


# -- scripts ------------------------------------------------------------------------


def _capped_exponent(e: int, tok: Token, p: "object") -> int:
    if e > MAX_EXPONENT:
        p.fail(f"the exponent {e} is past the cap of {MAX_EXPONENT}", tok)
    return e


def degree(node) -> int:
    r"""The total degree of a formula's tree, as the algebra would expand it (see ``MAX_DEGREE``).

    >>> from symbp.verify.nodes import Num, Pow, Quantity, Mul
    >>> x = Quantity("a", "a", None, ())
    >>> degree(Pow(Pow(x, 8), 8)), degree(Mul((Pow(x, 8), Pow(x, 8)))), degree(Num(3))
    (64, 16, 0)
    """
    if isinstance(node, Num):
        return 0
    if isinstance(node, Equation):
        return max((degree(s) for s in node.sides), default=0)
    if isinstance(node, (Add,)):
        return max((degree(t) for t in node.terms), default=0)
    if isinstance(node, Mul):
        return sum(degree(f) for f in node.factors)
    if isinstance(node, Hadamard):
        return degree(node.left) + degree(node.right)
    if isinstance(node, Div):
        return degree(node.num) + degree(node.den)
    if isinstance(node, Pow):
        return degree(node.base) * node.exp
    if isinstance(node, (Neg, Transpose)):
        return degree(node.arg)
    if isinstance(node, Apply):
        return max(1, degree(node.arg)) * max(1, _scale(node.arg))
    if isinstance(node, (Sum, Comprehension)):
        return degree(node.body)
    if isinstance(node, Matrix):
        return max((degree(e) for e in node.entries), default=0)
    return 1


def _scale(node) -> int:
    """The largest whole number multiplying something inside an exponential's argument."""
    best = 1
    for sub in walk(node):
        if isinstance(sub, Num):
            value = abs(sub.value)
            best = max(best, int(value) if value >= 1 else 1)
    return best


def number_bits(node) -> int:
    r"""An upper bound on the bits of any exact number the algebra can build from the formula's own numbers.

    A number's bits are those of its numerator and denominator; a power multiplies them by its exponent (powers
    of powers multiply: ``((99999999^8)^8)^8`` is a number of 1536 digits), every other node adds those of its
    parts (a sum of fractions multiplies their denominators), so the bound holds for the expanded coefficients too.

    >>> from symbp.verify.nodes import Num, Pow, Quantity, Mul
    >>> from fractions import Fraction
    >>> x = Quantity("a", "a", None, ())
    >>> number_bits(Pow(Pow(Num(Fraction(3, 4)), 8), 8)), number_bits(Mul((Num(Fraction(7)), x))), number_bits(x)
    (320, 4, 0)
    """
    # By the nodes' names and fields: the notes' own terms (``graphnodes``) have their Num, Pow and Add too.
    name = type(node).__name__
    value = getattr(node, "value", None)
    if name in ("Num", "INum") and isinstance(value, (int, Fraction)):
        value = Fraction(value)
        return abs(value.numerator).bit_length() + value.denominator.bit_length()
    parts = [number_bits(c) for c in _parts(node)]
    exp = getattr(node, "exp", None)
    if name == "Pow" and isinstance(exp, (int, Fraction)):
        return parts[0] * max(1, abs(exp.numerator if isinstance(exp, Fraction) else exp)) if parts else 0
    total = sum(parts) + (len(parts) if name == "Add" else 0)
    power = getattr(node, "power", 1)
    return total * max(1, abs(power)) if name == "Norm" and isinstance(power, int) else total


def _parts(node) -> list:
    out = []
    for f in fields(node) if is_dataclass(node) else ():
        v = getattr(node, f.name)
        for x in (v if isinstance(v, tuple) else (v,)):
            if is_dataclass(x) and not isinstance(x, type):
                out.append(x)
    return out


def check_degree(eq, text: str) -> None:
    """Raise ``ReadError`` if the total degree of ``eq`` is past ``MAX_DEGREE``, or the numbers it can build are
    past ``MAX_NUMBER_DIGITS`` digits."""
    d = degree(eq)
    if d > MAX_DEGREE:
        shown = str(d) if d.bit_length() < 3000 else "of more than 900 digits"
        raise ReadError(f"the formula has total degree {shown} (powers of powers multiply), past the limit of "
                        f"{MAX_DEGREE}, in “{text}”")
    check_numbers(eq, text)


def check_numbers(eq, text: str):
    """``eq``; ``ReadError`` if the numbers it can build are past ``MAX_NUMBER_DIGITS`` digits (``number_bits``)."""
    bits = number_bits(eq)
    if bits > MAX_NUMBER_BITS:
        raise ReadError(f"the numbers of the formula can reach up to about {int(bits * 0.30103):,} digits (powers of "
                        f"powers multiply their digits), past the limit of {MAX_NUMBER_DIGITS} digits, in “{text}”")
    return eq


#: The number of layers as a layer (UFLDL: layers 1, …, n_l, the output a^{(n_l)}): in a layer's place it can only be
#: the last layer. (As a sum's bound, n_l is the size of layer l: ``_size``.)
_LAYER_COUNT = re.compile(r"n_\{?l\}?\s*([+-]\s*\d+)?")


def _layer(raw: list[str], tok: Token, p: "object") -> Layer:
    text = "".join(raw)
    brackets = ("", "")
    for open_, close in (("(", ")"), ("[", "]")):
        if text.startswith(open_) and text.endswith(close):
            brackets, text = (open_, close), text[1:-1]
    count = _LAYER_COUNT.fullmatch(text)
    if count is not None:  # UFLDL's n_l: the number of layers, so a^{(n_l)} is the output layer, a^L
        return Layer("L", int(count.group(1) or 0), brackets)
    m = re.fullmatch(r"([A-Za-z])?([+-]\d+)?|(\d+)", text)
    if not m or (m.group(1) is None and m.group(3) is None):
        p.fail(f"cannot read the layer {''.join(raw)!r} (expected l, l+1, L-1, 2, (l) or [l])", tok)
    if m.group(3) is not None:
        return Layer(None, int(m.group(3)), brackets)
    var = m.group(1)
    return Layer(var, int(m.group(2) or 0), brackets)


def _indices(raw: list[str], tok: Token, p: "object") -> tuple:
    text = "".join(raw)
    size = r"n_\{[^{}]*\}|n_[A-Za-z0-9]|n\^\{[^{}]*\}"  # n_{l-1}: the last neuron of a layer, in a list (w_{1 n_{l-1}})
    if re.fullmatch(size, text) or re.fullmatch(r"n(?:_|\^)[^{]*", text) and not re.fullmatch(r"n_[A-Za-z0-9]\d+", text):
        return (Index(size=_size(raw, tok, p)),), ""  # a_{n_L}: the last neuron of layer L
    sep = "," if "," in text else ""
    parts = text.split(",") if sep else re.findall(size + r"|[A-Za-z](?:_\d+)?|\d", text)
    out = []
    for part in parts:
        part = part.strip()
        if re.fullmatch(size, part):
            out.append(Index(size=_size(list(part), tok, p)))
            continue
        m = re.fullmatch(r"([A-Za-z])(?:_(\d+))?|(\d+)", part)
        if not m or (sep == "" and "".join(parts) != text):
            p.fail(f"cannot read the index list {text!r} (expected letters or numbers like jk, k,j or 12)", tok)
        if m.group(3) is not None:
            out.append(Index(None, int(m.group(3))))
        else:
            out.append(Index(m.group(1) + (m.group(2) or "")))
    if not out:
        p.fail("an empty index list", tok)
    return tuple(out), sep


def _size(raw: list[str], tok: Token, p: "object") -> Layer:
    """The upper bound of a sum: n_{l+1}, n_L, n^{[l]}, M_l, s_{l+1} (the number of neurons of a layer).

    Notes name that number n_l, N_l, m_l, M_l, s_l (Ng) or d_l; in a sum's bound a letter with a layer can
    mean nothing else.
    """
    text = "".join(raw)
    m = re.fullmatch(r"[nNmMsSdD](?:_|\^)(?:\{(?P<group>.+)\}|(?P<one>\\[A-Za-z]+|[A-Za-z0-9]))", text)
    if not m or (m.group("group") is not None and not _balanced(m.group("group"))):
        # n_l - 1 is the size of layer l minus one, not n_{l-1}: a script without braces is one token (review rv43
        # A1: the bound n_l - 1 was read as n_{l-1}, and z^l_j = Σ_{k=1}^{n_l - 1} w^l_{jk} a^{l-1}_k + b^l_j held)
        p.fail(f"a sum's upper bound must be a layer size like n_{{l+1}}, got {text!r}", tok)
    inner = m.group("group") if m.group("group") is not None else m.group("one")
    return _layer([inner] if inner.startswith("\\") else list(inner), tok, p)


def _balanced(group: str) -> bool:
    """Is ``group`` (what stands between a script's outer braces) balanced, so those braces are one group
    (``{l}-{1}`` is not)?"""
    depth = 0
    for ch in group:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def macro_words(name: str, pos: int, text: str) -> str:
    """Why the macro ``\\name`` is not read: a ∂ outside a quotient (``\\partial(B)``, seed 004 line 65) is an
    unfinished derivative, said so; any other is an unknown macro."""
    if name == "partial":
        return (f"\\partial at position {pos} stands alone, outside a quotient ∂…/∂…: an unfinished derivative, "
                f"not read, in {text!r}")
    return f"unknown macro \\{name} at position {pos} in {text!r}"
