r"""The links of a chain and the definitions in it: ``=``, the signs notes define with, and declarations.

A claim may be a chain ``X ≡ Y = Z`` whose first or last link defines a name (``:=``, ``=:``, ``\\coloneqq``,
``\\triangleq``, ``≡``), or a declaration of what a quantity depends on (``C = C(a^L, y)``) rather than an
equation to check. This module finds the links at depth 0 (``links``), cuts a chain into its definition and its
claim (``definition_chain``), gives the right side of a definition a row below continues (``defined_as``) and
reads a declaration (``declaration``). It is its own module because these are the rules for the *signs* of one
claim, used by the row joiner, the extractor and the model builders, while ``claims`` cuts a row into claims
and sorts them; ``NOT_EQUATION`` (≈, ≤, →: a relation that is not an equation) is here with the other signs.
"""

from __future__ import annotations

import re


NOT_EQUATION = re.compile(r"\\(?:approx|simeq|sim|propto|le|leq|ge|geq|neq|ne|in|notin|subset|subseteq|to|mapsto|"
                           r"rightarrow|leftarrow|ni|ll|gg|lt|gt)(?![A-Za-z])|[<>]")


#: The signs of a chain's links at depth 0: ``=`` and the signs notes define with (``=:`` and ``\\eqqcolon``
#: define the side on their right).
_LINK = re.compile(r"::=|:=|=:|\\(?:coloneqq|eqqcolon|triangleq|equiv|doteq|defeq)(?![A-Za-z])|"
                   r"\\(?:stackrel|overset)\s*\{[^{}]*\}\s*(?:\{\s*=\s*\}|=)|=")
_BACKWARD = ("=:", "\\eqqcolon")
#: A side symbp already knows the meaning of: a derivative (∂C/∂w, ∂C/∂b, ∂C/∂a, ∇_a C, dC/dz).
KNOWN_SIDE = re.compile(r"\\partial(?![A-Za-z])|\\nabla(?![A-Za-z])|\\frac\s*\{\s*d\s*[A-Za-z\\]")
#: A quantity of the forward pass (a, z, bold or with indices): a chain defining it is the notes' forward pass.
_FORWARD_NAME = re.compile(r"\s*(?:[az]|\\mathbf\s*\{\s*[az]\s*\})\s*(?:[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?\w)\s*)*")
#: A bare name: a letter or a Greek letter with indices (``\delta^l_j``), nothing computed.
_BARE_NAME = re.compile(r"\s*(?:\\[A-Za-z]+|[A-Za-z])\s*(?:[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?\w)\s*)*")


def links(text: str) -> list[tuple[int, int, str]]:
    r"""(start, end, sign) of each link of a chain: ``=`` and the definition signs, outside braces and brackets.

    >>> [s for _, _, s in links(r"\delta^L_j \equiv \frac{\partial C}{\partial z^L_j} = 2(a - y)")]
    ['\\equiv', '=']
    """
    out = []
    depth, i = 0, 0
    while i < len(text):
        c = text[i]
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth = max(0, depth - 1)
        elif depth == 0 and (c in ":=" or c == "\\"):
            m = _LINK.match(text, i)
            if m and not (m.group(0) == "=" and i > 0 and text[i - 1] in "<>!"):
                out.append((m.start(), m.end(), m.group(0)))
                i = m.end()
                continue
        if c == "\\":
            m = re.compile(r"\\(?:[A-Za-z]+|.)").match(text, i)
            i = m.end() if m else i + 1
            continue
        i += 1
    return out


def definition_chain(text: str) -> "list[tuple[str, str]] | None":
    r"""A chain with a definition in it cut into its definition and its claim: [(text, kind)], else None.

    In ``X ≡ Y = Z`` (``:=``, ``\coloneqq``, ``\triangleq`` alike) the definition is ``X ≡ Y`` and every link
    after it, ``Y = Z``, is a claim; in ``Z = Y =: X`` the definition is ``Y =: X``. A "definition" of a quantity
    symbp already knows (a derivative: ∂C/∂w, ∂C/∂b, ∇_a C) is a claim, its sign read as ``=``; ``∂C/∂z ≡ δ``,
    a derivative named by a bare letter, stays a definition of that letter.

    >>> definition_chain(r"\delta^l := \frac{\partial C}{\partial z^l} = 2 a")
    [('\\delta^l := \\frac{\\partial C}{\\partial z^l}', 'definition'), ('\\frac{\\partial C}{\\partial z^l} = 2 a', 'claim')]
    >>> definition_chain(r"\frac{\partial C}{\partial b^l_j} \equiv 2\delta^l_j")
    [('\\frac{\\partial C}{\\partial b^l_j} = 2\\delta^l_j', 'claim')]
    >>> definition_chain(r"a = b = c") is None, definition_chain(r"\delta \equiv \frac{\partial C}{\partial z}") is None
    (True, True)
    """
    found = links(text)
    signs = [s for _, _, s in found]
    if not found or all(s == "=" for s in signs) or NOT_EQUATION.search(text):
        return None
    sides = [text[:found[0][0]]] + [text[a[1]:b[0]] for a, b in zip(found, found[1:])] + [text[found[-1][1]:]]
    sides = [s.strip() for s in sides]
    if any(not s for s in sides):
        return None
    first = signs[0] != "=" and signs[0] not in _BACKWARD  # X := Y …
    last = signs[-1] in _BACKWARD  # … Y =: X
    inner = signs[1 if first else 0:len(signs) - 1 if last else len(signs)]
    if (not first and not last) or any(s not in ("=", "\\equiv") for s in inner):
        return None  # ≡ only inside the chain (a claim as written), or a definition sign inside it (as written)
    # the side each definition defines: a derivative symbp knows is not the notes' to define
    if first and KNOWN_SIDE.search(sides[0]) and not (signs[0] == "\\equiv" and len(signs) == 1
                                                       and _BARE_NAME.fullmatch(sides[1])
                                                       and not KNOWN_SIDE.search(sides[1])):
        first = False
    if last and KNOWN_SIDE.search(sides[-1]):
        last = False
    if len(signs) > 1 and (first and not _same_indices(sides[0], sides[1])
                           or last and not _same_indices(sides[-1], sides[-2])):
        return None  # δ_j ≡ ∂C/∂z_i = …: an index the right side lacks, no definition of δ_j: the chain as written
    if len(signs) == 1 and (first or last):
        return None  # one definition of a name: filed as written
    if first and _FORWARD_NAME.fullmatch(sides[0]) or last and _FORWARD_NAME.fullmatch(sides[-1]):
        return None  # a ≡ σ(z) = σ(w a): the notes' forward pass as a whole (it holds under a structure, or blocks)
    out = []
    lo, hi = (1 if first else 0), (len(sides) - 2 if last else len(sides) - 1)
    if first:
        out.append((f"{sides[0]} {signs[0]} {sides[1]}", "definition"))
    if hi > lo:
        out.append((" = ".join(sides[lo:hi + 1]), "claim"))
    if last:
        out.append((f"{sides[-2]} {signs[-1]} {sides[-1]}", "definition"))
    return out


def _same_indices(name: str, value: str) -> bool:
    """Are the index letters of the defined ``name`` (``\\delta_j^L``) all indices of its ``value`` as well?"""
    def letters(side: str) -> set:
        side = re.sub(r"\\[A-Za-z]+", " ", side)
        return {c for m in re.finditer(r"_\s*(?:\{([^{}]*)\}|([A-Za-z]))", side) for c in (m.group(1) or m.group(2))
                if c in "ijklmnpqrst"}
    return letters(name) <= letters(value)


def defined_as(text: str) -> "str | None":
    r"""The right side of a definition ``X := Y`` (``≡``, ``\\coloneqq``…), which a row ``&= Z`` below continues."""
    found = links(text)
    if len(found) != 1 or found[0][2] == "=" or found[0][2] in _BACKWARD:
        return None
    right = text[found[0][1]:].strip()
    return right or None


#: A declaration of what a quantity depends on: ``J = J(o_1, o_2, o_3)``, ``y_1 = y_1(x_1, x_2)``, ``L = L(\\mathbf{y})``.
#: The same name on both sides, its arguments plain quantities separated by commas (no operator between them).
_NAME = r"(?:\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])(?:\s*[_^]\s*(?:\{[A-Za-z0-9,+\-()\[\]\s]*\}|[A-Za-z0-9]))*"
_ARG = r"(?:" + _NAME + r"|\d+(?:\.\d+)?|\\[lc]?dots|\\ldots|\.\.\.)"  # C = C(2): a number, never C
DECLARATION = re.compile(r"\s*(?P<n>" + _NAME + r")\s*=\s*(?P=n)\s*(?:\\left\s*)?\(\s*(?P<args>" + _ARG
                          + r"(?:\s*,\s*" + _ARG + r")*)\s*(?:\\right\s*)?\)\s*")
_ELLIPSIS = re.compile(r"\\[lc]?dots|\\ldots|\.\.\.")


def declaration(text: str) -> "tuple[str, list[str]] | None":
    r"""(the name, its arguments) of a declaration ``X = X(A, B)``, an ellipsis among them left out; else None.

    >>> declaration(r"C = C(a^L, \dots, y)")
    ('C', ['a^L', 'y'])
    >>> declaration(r"z^l_j = z^l_j(w^l_{j,k}, b^l_j)")
    ('z^l_j', ['w^l_{j,k}', 'b^l_j'])
    >>> declaration(r"C = \frac12 (y - a^L)^2") is None
    True
    """
    m = DECLARATION.fullmatch(text)
    if m is None:
        return None
    args, depth, cur = [], 0, ""
    for c in m.group("args"):
        depth += (c == "{") - (c == "}")
        if c == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
        else:
            cur += c
    args.append(cur.strip())
    return m.group("n").strip(), [a for a in args if a and not _ELLIPSIS.fullmatch(a)]
