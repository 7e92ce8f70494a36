r"""The forms around TeX's conditionals that ``conditionals`` reads: arguments, switch setters, macro definitions.

LaTeX packages set and test switches through macros with arguments: ifthen's ``\setboolean{linear}{true}`` and
``\ifthenelse{\boolean{linear}}{A}{B}``, etoolbox's ``\setbool``, ``\toggletrue`` and ``\iftoggle{linear}{A}{B}``.
A macro the notes define may stand for a conditional (``\newcommand{\hide}{\iffalse}``) or drop its argument
(``\newcommand{\hide}[1]{}``). This module finds the pieces (argument spans, the body of a definition); what they
mean for the typeset text is ``conditionals``' business.

>>> groups("\\ifthenelse{\\boolean{x}}{A} {B} C", 11)
[(12, 23), (25, 26), (29, 30)]
>>> body("\\newcommand{\\hide}[1]{}", 17)
(1, False, 22, 22)
"""

from __future__ import annotations

import re

#: ifthen's and etoolbox's switch setters: name -> (how many arguments, the value they set or None: the 2nd argument)
SETTERS = {
    "setboolean": (2, None), "setbool": (2, None), "booltrue": (1, True), "boolfalse": (1, False),
    "newboolean": (1, False), "provideboolean": (1, False), "newbool": (1, False), "providebool": (1, False),
    "settoggle": (2, None), "toggletrue": (1, True), "togglefalse": (1, False), "newtoggle": (1, False),
    "providetoggle": (1, False),
}
#: Setters of etoolbox's toggles, which live apart from the \newif switches (``\iftoggle`` reads only them).
TOGGLES = frozenset({"settoggle", "toggletrue", "togglefalse", "newtoggle", "providetoggle"})
#: Conditionals with arguments whose test symbp reads: name -> (the arguments, how the test is read)
DECIDED = {"ifthenelse": 3, "ifbool": 3, "notbool": 3, "iftoggle": 3, "nottoggle": 3}

_GAP = re.compile(r"[ \t]*(?:\n[ \t]*)?")  # spaces and at most one line break (a blank line is a \par, no argument)
_BOOLEAN = re.compile(r"\s*\\boolean\s*\{\s*([A-Za-z@]+)\s*\}\s*$")
_NOT_BOOLEAN = re.compile(r"\s*\\(?:NOT|not)\s*\\boolean\s*\{\s*([A-Za-z@]+)\s*\}\s*$")


def group(text: str, pos: int) -> "tuple[int, int] | None":
    """The inside (start, end) of the brace group opening at ``text[pos]``, or None if there is none (unbalanced)."""
    if pos >= len(text) or text[pos] != "{":
        return None
    depth = 0
    i = pos
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "%":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return pos + 1, i
        i += 1
    return None


def groups(text: str, pos: int, count: "int | None" = None, *, options: bool = False) -> list:
    """The insides of the brace groups that follow ``pos`` as a macro's arguments (at most ``count``); with
    ``options``, a star and ``[…]`` options between them are passed over."""
    out: list = []
    while count is None or len(out) < count:
        m = _GAP.match(text, pos)
        at = m.end()
        if options and at < len(text) and text[at] in "*[":
            close = text.find("]", at) if text[at] == "[" else at
            if close < 0:
                break
            pos = close + 1
            continue
        span = group(text, at)
        if span is None:
            break
        out.append(span)
        pos = span[1] + 1
    return out


def name_argument(text: str, span: tuple) -> "str | None":
    """The switch name an argument holds (``{linear}``), or None."""
    m = re.fullmatch(r"\s*([A-Za-z@]+)\s*", text[span[0]:span[1]])
    return m.group(1) if m else None


def value_argument(text: str, span: tuple) -> "bool | None":
    """``{true}`` / ``{false}`` (any case, as ifthen reads them), else None (a macro, something else)."""
    word = text[span[0]:span[1]].strip().lower()
    return {"true": True, "false": False}.get(word)


def boolean_test(test: str) -> "tuple[str, bool] | None":
    r"""``\boolean{x}`` -> ('x', True); ``\NOT\boolean{x}`` -> ('x', False); any other test of ifthen: None."""
    m = _BOOLEAN.match(test)
    if m:
        return m.group(1), True
    m = _NOT_BOOLEAN.match(test)
    return (m.group(1), False) if m else None


_ARITY = re.compile(r"\s*\}?\s*(?:\[\s*(\d)\s*\])?\s*(\[[^\]]*\])?\s*")
_DEF_PARAMS = re.compile(r"((?:\s*#\d)*)\s*")


def body(text: str, end: int, style: str = "newcommand") -> "tuple[int, bool, int, int] | None":
    r"""The parameters and body of a definition whose name ends at ``end``: (how many parameters, whether the first
    is optional, body start, body end), or None when the body is not one brace group.

    ``style`` 'newcommand': ``{\name}[2][default]{body}``; 'def': ``\name#1#2{body}``."""
    if style == "def":
        m = _DEF_PARAMS.match(text, end)
        count, optional = m.group(1).count("#"), False
    else:
        m = _ARITY.match(text, end)
        count, optional = int(m.group(1) or 0), bool(m.group(2))
    span = group(text, m.end())
    if span is None:
        return None
    return count, optional, span[0], span[1]


_ENVIRONMENT = re.compile(r"\\(?:re)?newenvironment\s*\*?\s*\{\s*([A-Za-z]+\*?)\s*\}\s*(?:\[\s*\d\s*\]\s*)?(?:\[[^\]]*\]\s*)?")
_HIDING = re.compile(r"\\(?:if(?!f(?![A-Za-z]))[A-Za-z]*|unless|comment|fi)(?![A-Za-z])")


def hiding_environments(text: str) -> dict:
    r"""{environment: line} of the notes' ``\newenvironment``\s whose code opens or closes a conditional or a
    comment (``\newenvironment{hide}{\iffalse}{\fi}``): what their body typesets is not known."""
    out = {}
    for m in _ENVIRONMENT.finditer(text):
        begin = group(text, m.end())
        end = group(text, _GAP.match(text, begin[1] + 1).end()) if begin else None
        code = text[begin[0]:begin[1]] + (text[end[0]:end[1]] if end else "") if begin else ""
        if begin is None or _HIDING.search(code):
            out.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    return out


__all__ = ["DECIDED", "hiding_environments", "SETTERS", "TOGGLES", "body", "boolean_test", "group", "groups", "name_argument",
           "value_argument"]
