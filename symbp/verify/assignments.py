r"""An algorithm's assignment read as the equation it states: ``\delta^L \gets (a^L - y) \odot \sigma'(z^L)``.

Notes that write backpropagation as an algorithm set each quantity with an arrow (``\gets``, ``\leftarrow``,
``\longleftarrow``): ``z^l \gets w^l a^{l-1} + b^l``, ``a^l \gets \sigma(z^l)``, ``\delta^l \gets ((w^{l+1})^T
\delta^{l+1}) \odot \sigma'(z^l)``. Each states that the quantity equals the value, so it is read as ``z^l = …``
(a definition of the forward pass, a claim about δ), never filed as prose. Not rewritten: a step of gradient
descent (``w^l \gets w^l - \eta …``, read by ``updates``: the arrow is its meaning) and an assignment whose name
is a term of its own value (``G \gets G + \delta^l (a^{l-1})^T``, an accumulation, not an equation).

>>> equations(r"z^l \gets w^l a^{l-1} + b^l, \quad a^l \gets \sigma(z^l)")
('z^l = w^l a^{l-1} + b^l, \\quad a^l = \\sigma(z^l)', ('z^l', 'a^l'))
>>> equations(r"w^l \gets w^l - \eta\, \delta^l (a^{l-1})^T")[1], equations(r"G \gets G + \delta^l")[1]
((), ())
"""

from __future__ import annotations

import re

from ..errors import SymbpError
from .claims import UPDATE_RULE
from .definition_kinds import DELTA_DEFINITION, defines_delta, delta_claim
from .lexer import ReadError
from .nodes import Quantity, walk
from .reader import read
from .updates import read_rule

#: The arrows an algorithm assigns with (value on the right, name on the left).
LEFT_ARROW = re.compile(r"\\(?:gets|leftarrow|longleftarrow)(?![A-Za-z])")
_GREEK = (r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|theta|vartheta|iota|kappa|mu|nu|xi|pi|rho|sigma|tau|"
          r"upsilon|phi|varphi|chi|psi|omega|Delta|Gamma|Theta|Phi|Psi|Omega)(?![A-Za-z])")
_SCRIPT = r"(?:\s*[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z0-9]))"
#: A name: a letter or a Greek letter (bold or with an arrow too) with its scripts, nothing computed.
NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?:[A-Za-z]|" + _GREEK + r")\s*\}|" + _GREEK
        + r"|(?<![A-Za-z\\])[A-Za-z])" + _SCRIPT + "*")
_NAME_AT_END = re.compile("(?P<name>" + NAME + r")\s*$")
#: What may stand before the name of an assignment: the start, punctuation, a space or a \quad, words in \text.
_BEFORE = re.compile(r"(?:^|[,;:&]|\\q?quad|\\text\s*\{[^{}]*\}|\\[,;! ])\s*$")
#: Where the value of an assignment ends: punctuation or a \quad at depth 0 (or the end).
_VALUE_END = re.compile(r"\s*(?:[,;]|\\q?quad(?![A-Za-z])|\\text\s*\{)")


_CONTROL = re.compile(r"\\(?:[A-Za-z]+|.?)")


def _depth0(text: str, pattern: re.Pattern) -> list[re.Match]:
    """The matches of ``pattern`` outside braces, brackets and parentheses."""
    out, depth, i = [], 0, 0
    while i < len(text):
        c = text[i]
        if c in "{([" or c in "})]":
            depth = depth + 1 if c in "{([" else max(0, depth - 1)
            i += 1
            continue
        m = pattern.match(text, i) if depth == 0 else None
        if m and m.end() > i:
            out.append(m)
            i = m.end()
            continue
        # a control sequence (\, \{, \quad) as a whole: never half of one
        i = _CONTROL.match(text, i).end() if c == "\\" else i + 1
    return out


def _names(text: str) -> set:
    return {re.sub(r"\s+|[{}]", "", m.group(0)) for m in re.finditer(NAME, text)}


def equations(text: str) -> tuple[str, tuple]:
    r"""``text`` with each assignment ``name ← value`` written ``name = value``, and the names so assigned.

    >>> equations(r"\delta^L \leftarrow (a^L - y) \odot \sigma'(z^L)")
    ("\\delta^L = (a^L - y) \\odot \\sigma'(z^L)", ('\\delta^L',))
    """
    arrows = _depth0(text, LEFT_ARROW)
    out, names, last = [], [], 0
    for k, arrow in enumerate(arrows):
        m = _NAME_AT_END.search(text, last, arrow.start())
        if m is None or not _BEFORE.search(text[last:m.start()]):
            continue
        stop = arrows[k + 1].start() if k + 1 < len(arrows) else len(text)
        ends = [e for e in _depth0(text[arrow.end():stop], _VALUE_END)]
        value = text[arrow.end():arrow.end() + (ends[0].start() if ends else stop - arrow.end())]
        name = m.group("name").strip()
        if not value.strip() or "=" in value or re.sub(r"\s+|[{}]", "", name) in _names(value):
            continue  # nothing assigned, a chain, or an accumulation G ← G + …
        if read_rule(f"{name} {arrow.group(0)} {value}") is not None:
            continue  # a step of gradient descent: the arrow is what it says
        out.append(text[last:arrow.start()].rstrip() + " =")
        names.append(name)
        last = arrow.end()
    out.append(text[last:])
    return "".join(out), tuple(names)


#: A derivative of the cost: a definition of δ by it names what δ means (δ ≡ ∂C/∂z, δ := −∇_z C).
_DERIVATIVE = re.compile(r"\\partial(?![A-Za-z])|\\nabla(?![A-Za-z])|\\frac\s*\{\s*d\s*[A-Za-z\\]")


def recursion_claim(text: str, nt) -> "str | None":
    r"""The claim ``δ^l = …`` a "definition" ``δ^l := …`` of the network's δ by the δ of another layer states
    (``\delta^l := ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)``: backpropagation's step, not a new quantity,
    since it needs δ to mean something already); None for any other text.

    >>> from symbp.notation import profile
    >>> recursion_claim(r"\delta^l := ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", profile("nielsen"))
    "\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l)"
    >>> recursion_claim(r"\delta^l := \frac{\partial C}{\partial z^l}", profile("nielsen")) is None
    True
    """
    sign = DELTA_DEFINITION.search(text)
    if sign is None or _DERIVATIVE.search(text[sign.end():]) or not defines_delta(text, nt):
        return None
    claim = delta_claim(text)
    try:
        lhs, rhs = read(claim, nt).sides[:2]
    except (ReadError, SymbpError, ValueError):  # what the reader cannot read stays a definition
        return None
    if not isinstance(lhs, Quantity) or lhs.layer is None or lhs.implicit_layer:
        return None
    others = [q for q in walk(rhs) if isinstance(q, Quantity) and q.role == "delta" and q.layer is not None
              and q.layer != lhs.layer]
    return claim if others else None


def in_place(text: str) -> tuple:
    r"""The names ``text`` assigns from themselves with an arrow (``\delta^l \gets \delta^l \odot \sigma'(z^l)``):
    an algorithm that computes a quantity in several steps, whose other assignments of it are intermediate values.

    >>> in_place(r"\delta^l \gets \delta^l \odot \sigma'(z^l)"), in_place(r"w^l \gets w^l - \eta\, \delta^l")
    (('\\delta^l',), ())
    """
    out = []
    for arrow in _depth0(text, LEFT_ARROW):
        m = _NAME_AT_END.search(text, 0, arrow.start())
        if m is None or not _BEFORE.search(text[:m.start()]):
            continue
        name, value = m.group("name").strip(), text[arrow.end():]
        rule = f"{name} {arrow.group(0)} {value}"
        if re.sub(r"\s+|[{}]", "", name) in _names(value) and read_rule(rule) is None and not UPDATE_RULE.match(rule):
            out.append(name)
    return tuple(out)
