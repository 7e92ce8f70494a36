r"""Macros a page configures for MathJax or KaTeX: the names, read from the configuration, nothing evaluated.

A Markdown page may set up its renderer in a ``<script>`` block: ``MathJax = { tex: { macros: { odot: "+" } } }``
(MathJax 3), ``MathJax.Hub.Config({ TeX: { Macros: { odot: "+" } } })`` (MathJax 2), KaTeX's
``renderMathInElement(document.body, { macros: { "\\odot": "+" } })``, or in its front matter (``macros:`` with the
names below it). Each such name is one the notes define for themselves (``macrodefs``): a formula that writes it is
not read in its usual meaning (review rv53 F8: ``\odot`` configured as ``+``, BP1 held). The configuration is read as
text: the keys of every ``macros`` object. Where a configuration names macros in a way this reader does not follow
(``macros: myMacros``, ``Object.assign(…macros, …)``), ``configured`` says so with the line, and every formula of the
page is then unreadable.

>>> configured('<script>\nMathJax = { tex: { macros: { odot: "+", "RR": ["{\\\\mathbb R}", 0] } } };\n</script>')
({'\\odot': 2, '\\RR': 2}, None)
>>> configured("<script>MathJax = { tex: { macros: myMacros } };</script>")
({}, 1)
"""

from __future__ import annotations

import re

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)(?:</script\s*>|\Z)", re.S | re.I)
_MACROS = re.compile(r"\bmacros\b", re.I)
_KEY = re.compile(r"[A-Za-z_$][\w$]*")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def configured(text: str) -> "tuple[dict[str, int], int | None]":
    """({control sequence: line} the page's script blocks and front matter configure, the line of a configuration
    whose names this reader cannot follow, or None)."""
    names: dict[str, int] = {}
    unread = None
    blocks = [(m.start(1), m.group(1)) for m in _SCRIPT.finditer(text)]
    front = _FRONT.match(text)
    for start, block in blocks:
        for m in _MACROS.finditer(block):
            line = text.count("\n", 0, start + m.start()) + 1
            found = _after(block, m.end())
            if found is None:
                unread = unread or line
                continue
            for name in found:
                names.setdefault("\\" + name, line)
    if front:
        found, line = _front_matter(front.group(1))
        if found is None:
            unread = unread or line
        for name in found or ():
            names.setdefault("\\" + name, line)
    return names, unread


def _after(block: str, end: int) -> "list[str] | None":
    # what follows the word macros: an object (its keys), .name = …, ["name"] = …; None for anything else
    m = re.compile(r"\s*:\s*\{").match(block, end)
    if m:
        return _keys(block, m.end() - 1)
    m = re.compile(r"\s*\.\s*([A-Za-z_$][\w$]*)\s*=(?!=)").match(block, end)
    if m:
        return [m.group(1)]
    m = re.compile(r"""\s*\[\s*(["'])\\*([^"'\\]+)\1\s*\]\s*=(?!=)""").match(block, end)
    if m:
        return [m.group(2)]
    return None


def _keys(block: str, brace: int) -> "list[str] | None":
    """The keys of the object literal opening at ``block[brace]``, or None if it is not one this reader follows."""
    keys: list[str] = []
    i, n = brace + 1, len(block)
    while True:
        i = _space(block, i)
        if i >= n:
            return None
        if block[i] == "}":
            return keys
        if block[i] in "\"'":
            close = _string_end(block, i)
            if close is None:
                return None
            key = block[i + 1:close - 1].lstrip("\\")
            i = close
        else:
            m = _KEY.match(block, i)
            if m is None:  # a spread (...x), a computed key ([x]), a number: not followed
                return None
            key, i = m.group(0), m.end()
        if not key:
            return None
        keys.append(key)
        i = _space(block, i)
        if i < n and block[i] == ":":
            i = _value_end(block, i + 1)
            if i is None:
                return None
            i = _space(block, i)
        if i < n and block[i] == ",":
            i += 1
        elif i < n and block[i] == "}":
            return keys
        else:
            return None


def _space(block: str, i: int) -> int:
    # spaces and comments
    while i < len(block):
        if block[i].isspace():
            i += 1
        elif block.startswith("//", i):
            end = block.find("\n", i)
            i = len(block) if end < 0 else end
        elif block.startswith("/*", i):
            end = block.find("*/", i + 2)
            i = len(block) if end < 0 else end + 2
        else:
            break
    return i


def _string_end(block: str, i: int) -> "int | None":
    quote, j = block[i], i + 1
    while j < len(block):
        if block[j] == "\\":
            j += 2
            continue
        if block[j] == quote:
            return j + 1
        if block[j] == "\n":
            return None
        j += 1
    return None


def _value_end(block: str, i: int) -> "int | None":
    # where a value ends: at the ',' or '}' of its object, brackets and strings passed over
    depth = 0
    while i < len(block):
        c = block[i]
        if c in "\"'`":
            end = _string_end(block, i) if c != "`" else block.find("`", i + 1) + 1
            if not end:
                return None
            i = end
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return None


def _front_matter(front: str) -> "tuple[list[str] | None, int]":
    # YAML front matter: "macros:" followed by a {…} on its line, or by more indented "name: …" lines
    lines = front.split("\n")
    out: list[str] = []
    for k, line in enumerate(lines):
        m = re.match(r"(\s*)[\"']?macros[\"']?\s*:\s*(.*)$", line, re.I)
        if m is None:
            continue
        at = k + 2  # the front matter starts on line 2
        rest = m.group(2).strip()
        if rest.startswith("{"):
            found = _keys(rest, 0)
            if found is None:
                return None, at
            out += found
            continue
        if rest and not rest.startswith("#"):
            return None, at
        indent = len(m.group(1))
        for inner in lines[k + 1:]:
            if not inner.strip():
                continue
            if len(inner) - len(inner.lstrip()) <= indent:
                break
            key = re.match(r"\s*(?:-\s*)?[\"']?\\*([^\"':\s]+)[\"']?\s*:", inner)
            if key is None:
                continue  # a value's continuation line
            out.append(key.group(1))
    return out, 1


__all__ = ["configured"]
