r"""Control sequences the notes define for themselves: a formula that uses one is not read in symbp's meaning.

``\renewcommand{\odot}{+}`` in a preamble, ``$$\def\sigma{2\varsigma}$$`` in Markdown (MathJax and KaTeX keep it for
the rest of the page), ``\let\cdot\times``: each changes what every later formula that writes the name says, and
symbp does not expand the notes' macros. Such a formula is unreadable, naming the definition, never read with the
built-in meaning (review rv52 A1: BP1 written with a redefined ``\odot`` held). Conservative on purpose: every
formula that uses the name is unreadable, also one written before the definition (in LaTeX it keeps the old
meaning there), and a new name (``\newcommand{\R}{\mathbb{R}}``) just as a redefined one.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from .scriptmacros import configured

#: The key ``defined`` gives a macros configuration symbp could not read (``scriptmacros``): every formula unreadable.
UNREAD_CONFIGURATION = "<macros>"

#: \newcommand{\name}, \renewcommand*\name, \providecommand, \DeclareRobustCommand, \DeclareMathOperator*{\name};
#: \def\name, \gdef, \edef, \xdef, \let\name; with or without the braces around the name.
_GAP = r"(?:\s|%[^\n]*\n)*"  # spaces, and comments running on to the next line (``\renewcommand%⏎{\odot}``)
_DEFINES = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|DeclareMathOperator|(?:New|Renew|Provide|Declare)"
    r"(?:Document|Expandable)?Command(?:Copy)?|mathchardef|chardef|DeclareMathSymbol|DeclareMathDelimiter"
    r"|DeclareMathAccent|DeclareMathRadical)(?![A-Za-z])" + _GAP + r"\*?" + _GAP + r"\{?" + _GAP + r"(\\[A-Za-z]+|\\.)"
    r"|\\(?:[gex]?def|let|global" + _GAP + r"\\[gex]?def|global" + _GAP + r"\\let|futurelet|letcs)(?![A-Za-z])" + _GAP
    + r"(?!\\csname(?![A-Za-z]))(\\[A-Za-z]+|\\.)"
    # etoolbox and \csname: the name without its backslash (\csdef{odot}, \expandafter\def\csname odot\endcsname)
    r"|\\(?:cs[gex]?def|cslet|csletcs|csundef)(?![A-Za-z])" + _GAP + r"\{" + _GAP + r"([A-Za-z]+)"
    r"|\\csname" + _GAP + r"([A-Za-z]+)" + _GAP + r"\\endcsname"
    # a character: \DeclareUnicodeCharacter{2299}{+} (inputenc), \newunicodechar{⊙}{+} (review rv53 F8)
    r"|\\DeclareUnicodeCharacter" + _GAP + r"\{\s*([0-9A-Fa-f]{2,6})\s*\}"
    r"|\\newunicodechar" + _GAP + r"\{\s*([^\s{}\\])\s*\}")


def defined(text: str, kind: str = "markdown") -> dict[str, int]:
    """{control sequence: the line of its first definition} of the notes ``text`` (a notebook: its cells, in order,
    numbered by cell then line as one text)."""
    if kind == "notebook":
        try:
            cells = json.loads(text).get("cells", [])
            text = "\n".join("".join(c.get("source", "")) if isinstance(c.get("source"), list)
                             else str(c.get("source", "")) for c in cells if isinstance(c, dict))
        except (ValueError, AttributeError):
            pass  # not JSON: read as it is
    out: dict[str, int] = {}
    for m in _DEFINES.finditer(text):
        if m.group(5):
            name = chr(int(m.group(5), 16)) if int(m.group(5), 16) <= 0x10FFFF else "\ufffd"
        else:
            name = m.group(1) or m.group(2) or m.group(6) or "\\" + (m.group(3) or m.group(4))
        out.setdefault(name, text.count("\n", 0, m.start()) + 1)
    names, unread = configured(text)  # MathJax's and KaTeX's macros, configured in a <script> or the front matter
    for name, line in names.items():
        out.setdefault(name, line)
    if unread is not None:
        out.setdefault(UNREAD_CONFIGURATION, unread)
    return out


def unread_redefined(items: list, text: str, kind: str = "markdown") -> list:
    """``items`` with each formula that uses a control sequence the notes define made unreadable, naming it."""
    names = defined(text, kind)
    if not names:
        return items
    if UNREAD_CONFIGURATION in names:  # macros configured in a way symbp does not follow: any formula may use one
        return [f if f.kind == "unreadable" else replace(f, kind="unreadable", source=f.source or f.text, reason=(
            f"the page configures its renderer's macros (line {names[UNREAD_CONFIGURATION]}) in a way symbp does "
            "not read: any control sequence in a formula may be one of them")) for f in items]
    uses = re.compile("|".join(re.escape(n) + ("(?![A-Za-z])" if n[-1].isalpha() else "") for n in
                               sorted(names, key=len, reverse=True))
                      + ("|'" if "\\prime" in names else ""))  # σ' is σ^{\prime}: a redefined \prime changes it
    out = []
    for f in items:
        m = uses.search(f.source or f.text) or uses.search(f.text)
        if m is None or f.kind == "unreadable" or _DEFINES.search(f.source or f.text):
            out.append(f)
            continue
        name = "\\prime" if m.group(0) == "'" else m.group(0)
        where = "a notebook cell" if kind == "notebook" else f"line {names[name]}"
        out.append(replace(f, kind="unreadable", source=f.source or f.text, reason=(
            f"it writes {name}, which the notes define for themselves ({where}): symbp does not expand the notes' "
            f"macros, and reading {name} in its usual meaning could check another formula than the one typeset")))
    return out
