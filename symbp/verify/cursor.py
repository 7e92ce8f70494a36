r"""Cursors over a formula's tokens: look ahead, take, expect, fail with a position.

``TokenCursor`` is what both readers share: taking a token, expecting one, failing with the
position, and the raw tokens of a sub- or superscript; each reader says which tokens are
spacing to step over. ``Cursor`` is the layered reader's, a base class of its
parser (``reader._Parser``), beneath its mixins ``constructs`` and ``forms`` and the
trailing-tag grammar of ``tail``: it moves over the rendered tokens (``rendered.as_rendered``), stepping over spacing
macros (``\,``, ``\displaystyle``, ``\left(``), counts how deep the formula nests, and
raises ``ReadError`` naming the position of what it did not expect. It also
hands out the raw tokens of a script and the words of a ``\text{…}`` group.

>>> from symbp.verify.reader import _Parser
>>> from symbp.notation import profile
>>> p = _Parser(r"\displaystyle w^{l+1}_{jk}", profile("nielsen"))
>>> p.next().text, p.next().text, p.script()
('w', '^', ['l', '+', '1'])
>>> p.expect("=")
Traceback (most recent call last):
...
symbp.verify.lexer.ReadError: expected '=' at position 21 (found “_”) in “\displaystyle w^{l+1}_{jk}”
"""

from __future__ import annotations

import re

from .lexer import _SPACING, MAX_DEPTH, ReadError, Token


class TokenCursor:
    """Take, expect and fail over ``toks`` from the position ``i`` in ``text``.

    A reader subclasses it with ``peek(k)`` (the token k ahead) and ``_skip`` (what it steps over as spacing).
    """

    toks: list
    i: int
    text: str

    def _skip(self):
        """Step over the tokens this reader treats as spacing (none here)."""

    def next(self) -> Token:
        self._skip()
        t = self.toks[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def expect(self, text: str) -> Token:
        t = self.next()
        if t.text != text or t.kind == "end":
            self.fail(f"expected '{text}'", t)
        return t

    def fail(self, what: str, tok: Token | None = None):
        tok = tok or self.peek()
        found = "the end" if tok.kind == "end" else "“" + ("\\" if tok.kind == "macro" else "") + tok.text + "”"
        raise ReadError(f"{what} at position {tok.pos} (found {found}) in “{self.text}”")

    def _equation_number_next(self, t: Token) -> bool:
        """At ``t``, after a factor: True for an equation number that ends the formula after a spacing command
        (``\\;\\;(2)``); a number in parentheses glued to the end fails, as it reads as a factor too; False for
        anything else (``\\cdot (2)`` is a factor)."""
        if not self._number_at_the_end() or self._after_operator(t):
            return False
        if self._set_apart(t):
            return True
        self.fail("the formula ends in a number in parentheses, an equation number or a factor: symbp does not guess "
                  "which (write \\quad (2) or \\tag{2} for a number, 2 without parentheses for a factor)", t)

    def _set_apart(self, t: Token) -> bool:
        """Whether ``\\quad`` or a spacing command (``\\;``, ``\\,``, ``\\:``, ``\\>``, ``\\ ``) stands right before ``t``."""
        return re.search(r"(?:\\[,;:> ]|\\q?quad)\s*$", self.text[:t.pos]) is not None

    def _after_operator(self, t: Token) -> bool:
        """Whether ``\\cdot``, ``\\times`` or ``*`` stands right before ``t``: ``\\cdot (2)`` is a factor."""
        return re.search(r"(?:\\cdot|\\times|\*)\s*$", self.text[:t.pos]) is not None

    def _number_at_the_end(self) -> bool:
        """Whether ``(2)``, ``(2.14)``, ``[2]`` (a number in parentheses) is all that is left, up to a full stop, a
        comma, a tag, a label or a remark: after ``\\;`` or glued to the formula it reads as an equation number as
        well as a factor (``reader`` and ``graphread`` decide with ``_set_apart`` and ``_after_operator``)."""
        opening = self.peek()
        closing = {"(": ")", "[": "]"}.get(opening.text) if opening.kind == "char" else None
        if not (closing and self.peek(1).kind == "num" and self.peek(2).kind == "char" and self.peek(2).text == closing):
            return False
        k = 3
        while self.peek(k).kind == "char" and self.peek(k).text in ".,;":
            k += 1
        after = self.peek(k)  # the end, or what may only follow a formula: a tag, a label, \\quad and a remark
        return after.kind == "end" or (after.kind == "macro" and after.text in (
            "tag", "label", "quad", "qquad", "nonumber", "notag"))

    def script(self) -> list[str]:
        """The raw tokens of a sub/superscript (one token or a braced group)."""
        t = self.next()
        if t.kind == "char" and t.text == "{":
            out, depth = [], 1
            while True:
                u = self.next()
                if u.kind == "end":
                    self.fail("a script group is never closed", u)
                if u.kind == "char" and u.text == "{":
                    depth += 1
                elif u.kind == "char" and u.text == "}":
                    depth -= 1
                    if depth == 0:
                        break
                out.append(("\\" + u.text) if u.kind == "macro" else u.text)
            return out
        if t.kind == "end" or (t.kind == "char" and t.text == "}"):
            self.fail("a script is empty", t)
        if t.kind == "num":  # ^12 means ^1 followed by 2 in TeX
            first, rest = t.text[0], t.text[1:]
            if rest:
                self.toks.insert(self.i, Token("num", rest, t.pos + 1))
            return [first]
        return [("\\" + t.text) if t.kind == "macro" else t.text]


class Cursor(TokenCursor):
    """Token movement of ``reader._Parser``: ``toks``, the position ``i``, the ``text`` and the nesting ``depth``."""

    def peek(self, k: int = 0) -> Token:
        return self.toks[self._ahead(k)]

    def _ahead(self, k: int) -> int:
        """The index of the token k tokens ahead, spacing skipped."""
        self._skip()
        j = self.i
        while k > 0 and self.toks[j].kind != "end":
            j += 1
            while self.toks[j].kind == "macro" and self.toks[j].text in _SPACING:
                j += 1
            k -= 1
        return j

    def _skip(self):
        while self.toks[self.i].kind == "macro" and self.toks[self.i].text in _SPACING:
            t = self.toks[self.i]
            self.i += 1
            if t.text in ("left", "right", "bigl", "bigr", "Bigl", "Bigr"):
                # \left and \right size a delimiter: one must follow (\left. is the empty one).
                u = self.toks[self.i]
                if u.kind == "char" and u.text == ".":
                    self.i += 1
                elif not (u.text in ("(", ")", "[", "]", "|", "{", "}") and u.kind in ("char", "macro")):
                    raise ReadError(f"\\{t.text} at position {t.pos} must be followed by a delimiter such as "
                                    f"( or ] in “{self.text}”")

    def at(self, text: str) -> bool:
        t = self.peek()
        return t.kind in ("char", "macro") and t.text == text

    def _enter(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(f"the formula nests deeper than {MAX_DEPTH}")

    def _leave(self):
        self.depth -= 1

    def text_at(self, k: int = 0) -> str | None:
        """The words of a ``\\text{…}`` (or ``\\mathrm``, ``\\textrm``) group starting k tokens ahead, else None."""
        j = self._ahead(k)
        t = self.toks[j]
        if not (t.kind == "macro" and t.text in ("text", "textrm", "mathrm", "textnormal")):
            return None
        opening = self.toks[j + 1]
        if not (opening.kind == "char" and opening.text == "{"):
            return None
        depth, m = 0, j + 1
        while self.toks[m].kind != "end":
            u = self.toks[m]
            if u.kind == "char" and u.text in "{}":
                depth += 1 if u.text == "{" else -1
                if depth == 0:
                    return self.text[opening.pos + 1:u.pos]
            m += 1
        return None
