r"""A formula's tokens as the formula renders: what TeX shows, not how it was typed.

The reader works on what a reader of the notes *sees*. Typing habits that
render to nothing, or to the same symbols as a plainer spelling, are resolved
here on the token list, before parsing (nothing is evaluated; tokens are only
dropped or relabelled):

* a bare brace group ``{…}`` (one that is no macro's argument and no script)
  is invisible: ``\sum_j{w_{kj} a_j + b_k}`` renders, and reads, as
  Σ_j w_{kj} a_j + b_k;
* ``\color{green}`` sets a colour and shows nothing (``\textcolor{c}{X}`` shows X);
* old font switches ``{\cal C}``, ``{\bf a}``, ``{\rm net}`` read as ``\mathcal{C}``, ``\mathbf{a}``, ``\mathrm{net}``;
* a prime written ``^{\prime}`` or ``^\prime`` is ``'``;
* Markdown escapes inside math: ``\_`` is ``_`` and ``\\|`` is ``\|``;
* Octave's elementwise ``.*`` is one operator (the Hadamard product ⊙).

>>> from symbp.verify.lexer import _tokenize
>>> [t.text for t in as_rendered(_tokenize(r"\sum_j{w_j + b}"))]
['sum', '_', 'j', 'w', '_', 'j', '+', 'b', '']
>>> [t.text for t in as_rendered(_tokenize(r"{\cal C}"))]
['mathcal', '{', 'C', '}', '']
"""

from __future__ import annotations

from .lexer import Token

#: Macros and how many brace arguments each takes (their groups are arguments, not bare groups).
ARITY = {
    "frac": 2, "dfrac": 2, "tfrac": 2, "cfrac": 2, "binom": 2, "stackrel": 2, "overset": 2, "underset": 2,
    "mathbf": 1, "boldsymbol": 1, "bm": 1, "mathit": 1, "vec": 1, "mathcal": 1, "mathscr": 1, "mathsf": 1,
    "mathrm": 1, "text": 1, "textrm": 1, "textbf": 1, "textit": 1, "mbox": 1, "operatorname": 1, "textnormal": 1,
    "hat": 1, "widehat": 1, "tilde": 1, "widetilde": 1, "bar": 1, "overline": 1, "dot": 1, "sqrt": 1,
    "begin": 1, "end": 1, "label": 1, "tag": 1, "color": 1, "textcolor": 2, "mathbb": 1, "pmb": 1,
}
#: Old-style font switches that act on the rest of their group, and the macro that takes it as an argument.
_SWITCHES = {"cal": "mathcal", "bf": "mathbf", "rm": "mathrm", "it": "mathit", "sf": "mathsf", "boldmath": "boldsymbol"}
#: Environments whose \begin takes a second argument (the column specification).
_SPEC_ENVS = {"array", "tabular", "alignat", "alignat*"}


def _is(t: Token, kind: str, text: str) -> bool:
    return t.kind == kind and t.text == text


def _group_end(toks: list[Token], i: int) -> int:
    """The index of the '}' closing the '{' at ``i`` (or of the end token if it is never closed)."""
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j]
        if t.kind == "char" and t.text == "{":
            depth += 1
        elif t.kind == "char" and t.text == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(toks) - 1


def as_rendered(toks: list[Token]) -> list[Token]:
    """The token list with what renders to nothing removed and equivalent spellings unified (see the module)."""
    toks = _escapes(toks)
    toks = _switches(toks)
    toks = _colours(toks)
    toks = _primes(toks)
    return _bare_groups(toks)


def _escapes(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if _is(t, "macro", "_"):
            out.append(Token("char", "_", t.pos))  # Markdown's escaped underscore
        elif _is(t, "macro", "\\") and nxt is not None and _is(nxt, "char", "|"):
            out.append(Token("macro", "|", t.pos))  # Markdown's \\| is TeX's \| (a norm bar)
            i += 1
        elif _is(t, "char", ".") and nxt is not None and _is(nxt, "char", "*") and nxt.pos == t.pos + 1:
            out.append(Token("macro", "dotstar", t.pos))  # Octave's elementwise product
            i += 1
        else:
            out.append(t)
        i += 1
    return out


def _switches(toks: list[Token]) -> list[Token]:
    """``{\\cal C}`` → ``\\mathcal{C}``: a group opening with a font switch is that font's argument."""
    out: list[Token] = []
    for i, t in enumerate(toks):
        if t.kind == "macro" and t.text in _SWITCHES and out and _is(out[-1], "char", "{"):
            brace = out.pop()
            out.append(Token("macro", _SWITCHES[t.text], t.pos))
            out.append(brace)
            continue
        out.append(t)
    return out


def _colours(toks: list[Token]) -> list[Token]:
    """``\\color{c}`` shows nothing; ``\\textcolor{c}{X}`` shows X (as a bare group)."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "macro" and t.text in ("color", "textcolor") and i + 1 < len(toks) and _is(toks[i + 1], "char", "{"):
            i = _group_end(toks, i + 1) + 1
            continue
        out.append(t)
        i += 1
    return out


def _primes(toks: list[Token]) -> list[Token]:
    """``^{\\prime}``, ``^\\prime`` and ``^{\\prime\\prime}`` are primes ``'``."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if _is(t, "char", "^") and i + 1 < len(toks):
            nxt = toks[i + 1]
            if _is(nxt, "macro", "prime"):
                out.append(Token("char", "'", t.pos))
                i += 2
                continue
            if _is(nxt, "char", "{"):
                end = _group_end(toks, i + 1)
                inner = toks[i + 2:end]
                if inner and all(_is(u, "macro", "prime") or _is(u, "char", "'") for u in inner):
                    out.extend(Token("char", "'", u.pos) for u in inner)
                    i = end + 1
                    continue
        out.append(t)
        i += 1
    return out


_STARRED = frozenset({"tag"})  # macros with a starred form whose star precedes the arguments


def _bare_groups(toks: list[Token]) -> list[Token]:
    """Drop the braces of every group that is neither a script nor a macro's argument."""
    keep = [True] * len(toks)

    def arguments(i: int, count: int) -> int:
        # A macro's (or a script's) arguments: each a brace group or a single token (\frac 1 {2}).
        for _ in range(count):
            if i >= len(toks) or toks[i].kind == "end":
                return i
            if _is(toks[i], "char", "{"):
                end = _group_end(toks, i)
                region(i + 1, end)
                i = end + 1
            else:
                i += 1
        return i

    def region(i: int, end: int) -> None:
        while i < end:
            t = toks[i]
            if _is(t, "char", "{"):
                close = _group_end(toks, i)
                keep[i] = keep[close] = False  # a bare group: invisible when rendered
                region(i + 1, close)
                i = close + 1
            elif t.kind == "char" and t.text in "^_":
                i = arguments(i + 1, 1)
            elif t.kind == "macro" and t.text in ARITY:
                count = ARITY[t.text]
                if t.text == "begin" and i + 1 < len(toks) and _is(toks[i + 1], "char", "{"):
                    name = "".join(u.text for u in toks[i + 2:_group_end(toks, i + 1)])
                    count += 1 if name in _SPEC_ENVS else 0
                star = i + 1 < len(toks) and _is(toks[i + 1], "char", "*") and t.text in _STARRED
                i = arguments(i + 1 + star, count)  # \tag*{…}: the star is not the argument
            else:
                i += 1

    region(0, len(toks))
    return [t for t, k in zip(toks, keep) if k]
