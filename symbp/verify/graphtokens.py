r"""The token level of the graph reader: a cursor over the lexer's tokens and the names it recognises.

``graphread``'s grammar reads expressions; everything below an expression is here: skipping
spacing macros and ``\left``/``\right``, the relations (``=``, ``:=``, ``\to``, ``\gets``), where a
product ends, the raw tokens of a sub- or superscript, and a symbol with its primes, subscript,
sample label ``^{(t)}`` and update mark (``NEW_OLD``: ``^{\text{new}}``, ``_{old}``; ``STEP_MARK``:
``^{(t+1)}``, ``^{(k)}``), the ``d`` or ``\partial`` of a derivative and the primes of a function.
No expression is read here.

>>> c = Cursor(r"w^{\text{new}}_{12} = w_{12}")
>>> t = c.next()
>>> c.symbol(t.text, t)
Sym(base='w', sub=('12',), sample='', mark='^{\\text{new}}')
>>> c._relation()
'='
"""

from __future__ import annotations

import re

from .graphnodes import Sym
from .cursor import TokenCursor
from .lexer import Token, _tokenize

#: Relations between sides; the arrows are update rules (``w \to w - \eta \nabla C``).
RELATIONS = {"=": "=", ":=": ":=", "equiv": r"\equiv", "to": r"\to", "rightarrow": r"\to", "longrightarrow": r"\to",
             "mapsto": r"\to", "leftarrow": r"\leftarrow", "gets": r"\leftarrow", "longleftarrow": r"\leftarrow",
             "coloneqq": ":=", "coloneq": ":="}
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
         "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Phi", "Psi", "Omega", "ell"}
_SAME = {"vec", "mathbf", "boldsymbol", "bm", "mathit", "overrightarrow"}  # the symbol itself, in bold
_SPACE = {"\\,", "\\;", "\\!", "\\ ", "\\:", "\\>", "displaystyle", "textstyle", "limits", "quad", "qquad",
          "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"}
#: A layer superscript, ``(1)``, ``[2]``, ``(2)T`` (the notes' own layer names: W^{(1)}, Ng's W^{[1]}).
LAYER = re.compile(r"([(\[])(\d{1,2})([)\]])(T|\\top|\\intercal)?")
#: Letters notes apply as functions: ``f^{(1)}(z)`` may be f's first derivative, never read as a layer's own f.
_FUNCTION_LETTERS = {"f", "g", "h", "\\phi", "\\varphi", "\\psi", "\\sigma"}
#: y^{(t)}: a parenthesised superscript names a training input only with these letters (a^{(l)} is a layer).
_SAMPLE_LETTERS = {"t", "i", "j", "n", "s", "x", "m", "p"}


def is_sample(letter: str, bound: tuple = ()) -> bool:
    """Whether ``^{(letter)}`` labels a training input: one of the usual letters, or the letter of a sum it is read
    in (``\\sum_k L^{(k)}``: k is the sum's, whatever else k means outside it), never a layer's l or L."""
    return letter in _SAMPLE_LETTERS or (letter in bound and letter not in ("l", "L"))


class Cursor(TokenCursor):
    r"""A position in a formula's tokens, with the readers of single tokens and of names.

    >>> c = Cursor(r"w \gets w - \eta")
    >>> c.next().text, c._relation(), c.peek().text, c.peek(1).text
    ('w', '\\leftarrow', 'w', '-')
    """

    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0
        self.depth = 0
        self.in_matrix = 0
        self.in_parens = 0
        self.in_norm = 0
        self.bound: tuple = ()  # the letters of the sums being read: \sum_k L^{(k)} labels a sample k (``graphread``)

    # -- tokens ------------------------------------------------------------------

    def _skip(self):
        while True:
            t = self.toks[self.i]
            if t.kind == "macro" and t.text in _SPACE and not (t.text in ("quad", "qquad") and not (
                    self.in_matrix > 0 and self.in_parens == 0)):
                self.i += 1
                continue
            if t.kind == "macro" and t.text in ("left", "right"):
                self.i += 1
                u = self.toks[self.i]
                if u.kind == "char" and u.text == ".":
                    self.i += 1  # \left. and \right. are empty delimiters
                continue
            return

    def peek(self, k: int = 0) -> Token:
        self._skip()
        j = self.i
        for _ in range(k):
            j += 1
            while self.toks[j].kind == "macro" and self.toks[j].text in _SPACE | {"left", "right"}:
                j += 1
        return self.toks[j]

    def at(self, text: str, kind: str | None = None) -> bool:
        t = self.peek()
        return t.kind != "end" and t.text == text and (kind is None or t.kind == kind)

    def _relation(self) -> str | None:
        t = self.peek()
        if t.kind == "char" and t.text == "=":
            self.next()
            return "="
        if t.kind == "char" and t.text == ":" and self.peek(1).text == "=":
            self.next(), self.next()
            return ":="
        if t.kind == "macro" and t.text in RELATIONS:
            self.next()
            return RELATIONS[t.text]
        return None

    def _ends(self, t: Token) -> bool:
        if t.kind == "end":
            return True
        if t.kind == "char" and t.text == "|" and self.in_norm == 0 and self.peek(1).text != "_":
            return False
        if t.kind == "char" and t.text in "+-=),]}&;|":
            return True
        if t.kind == "char" and t.text == ",":
            return True
        if t.kind == "char" and t.text == ":" and self.peek(1).text == "=":
            return True
        if t.kind == "macro" and t.text in ("quad", "qquad"):
            return True
        if t.text == "|" and self.in_norm == 0 and not (t.kind == "char" and self.peek(1).text == "_"):
            return False  # "\|" opens a norm here
        return t.kind == "macro" and (t.text in RELATIONS or t.text in ("\\", "end", "|", "odot", "circ", "right"))

    def symbol(self, base: str, tok: Token) -> Sym:
        sub: tuple = ()
        sample = ""
        if self.at("'", "char"):
            while self.at("'", "char"):
                self.next()
                base += "'"
        mark = ""
        if self.at("_", "char"):
            self.next()
            raw = self.script()
            mark = _mark("_", raw)
            sub = () if mark else _subscript(raw, tok, self)
            if "'" not in base:
                while self.at("'", "char"):  # w_{12}': the prime after the subscript, as in w'_{12}
                    self.next()
                    base += "'"
        base = self._layer(base)
        if self.at("^", "char") and not sample:
            raw = self.peek(1)
            if raw.kind == "char" and raw.text == "{" and self.peek(2).text == "(":
                j = self.i
                self.next()
                parts = self.script()
                text = "".join(parts)
                transposed = re.fullmatch(r"(\(.*\))(T|\\top|\\intercal)", text)
                text = transposed.group(1) if transposed else text
                if text.startswith("(") and text.endswith(")") and is_sample(text[1:-1], self.bound):
                    sample = text[1:-1]
                    if transposed:  # x^{(i)T}: the transpose of the sample's x, read after the name
                        self._transpose_next()
                else:
                    self.i = j
        if self.at("^", "char") and not sample and not mark:
            j = self.i
            self.next()
            mark = _mark("^", self.script())
            if not mark:
                self.i = j  # T, a power: read after the symbol
        if not sub and self.at("_", "char"):
            self.next()
            raw = self.script()
            found = "" if mark else _mark("_", raw)
            if found:
                mark = found
            else:
                sub = _subscript(raw, tok, self)
        return Sym(base, sub, sample, mark)

    def _layer(self, base: str) -> str:
        r"""``base`` with a layer superscript that follows it (``^{(1)}``, ``^{[2]}``) as part of its name: W^{(1)}
        is a name of its own (the first layer's matrix), never a power nor an entry of W; ``^{(2)T}`` leaves its T
        to be read after the name (``W^{(2)T}`` is the transpose of W^{(2)})."""
        if not (self.at("^", "char") and self.peek(1).text == "{" and self.peek(2).text in ("(", "[")):
            return base
        j = self.i
        self.next()
        found = LAYER.fullmatch("".join(self.script()).replace(" ", ""))
        if found is None or found.group(1) + found.group(3) not in ("()", "[]") or (
                base in _FUNCTION_LETTERS and self.at("(", "char") and self._adjacent(self.peek())):
            self.i = j  # f^{(1)}(z): the first derivative of f, or a layer's own f; not read
            return base
        if found.group(4):  # a^{(1)T}: the transpose, read by the grammar as a^{(1)}^T
            self._transpose_next()
        return f"{base}^{{{found.group(1)}{found.group(2)}{found.group(3)}}}"

    def _transpose_next(self) -> None:
        at = self.toks[self.i - 1].pos
        self.toks[self.i:self.i] = [Token("char", "^", at), Token("char", "T", at)]

    def _adjacent(self, t: Token) -> bool:
        # "y_1(x_1, x_2)" or "h(y)": the parenthesis follows the name with no space
        prev = self.toks[self.i - 1]
        end = prev.pos + len(prev.text) + (1 if prev.kind == "macro" else 0)
        return t.pos <= end + (1 if prev.text == "}" else 0)

    def _primes(self) -> int:
        primes = 0
        while self.at("'", "char"):
            self.next()
            primes += 1
        return primes

    def _function_power(self, func: str) -> int:
        hat = self.next()
        raw = "".join(self.script())
        if raw in ("-1", "{-1}"):
            self.fail(f"{func}^{{-1}} is the inverse function of {func}, which is not read (a power of {func} is "
                      f"written {func}^2)", hat)
        if not raw.isdigit() or func in ("sigma", "diag"):
            self.fail(f"a power of {func} is read only as a whole number, as in \\{func}^2(g)", hat)
        return int(raw)

    def _d_prefix(self) -> bool:
        t1, t2 = self.peek(), self.peek(1)
        if t1.text != "{":
            return False
        if t2.kind == "macro" and t2.text == "partial":
            return True
        if t2.kind == "char" and t2.text == "d":
            t3 = self.peek(2)
            return t3.kind == "char" and t3.text.isalpha() or (t3.kind == "macro" and (t3.text in GREEK | _SAME))
        if t2.kind == "macro" and t2.text in ("mathrm", "text") and self.toks[self.i + 3].text == "d":
            return True
        return False

    def _take_d(self) -> bool:
        t = self.next()
        if t.kind == "macro" and t.text == "partial":
            return False
        if t.kind == "char" and t.text == "d":
            return True
        if t.kind == "macro" and t.text in ("mathrm", "text"):
            if self.script() == ["d"]:
                return True
        self.fail("expected ∂ or d", t)


def _subscript(raw: list[str], tok: Token, p) -> tuple:
    """``12`` -> ("12",) kept whole (the model splits it by the rank); ``i,j`` -> ("i", "j"); ``i_j`` kept."""
    text = "".join(raw).replace(" ", "")
    if text.startswith("{") and text.endswith("}") and text.count("{") == 1:
        text = text[1:-1]  # \tilde{w_{jk}}: the braces of the subscript
    if not text:
        p.fail("an empty subscript", tok)
    if any(c in text for c in "\\{}()^+-=") and not _simple_offset(text):
        p.fail(f"cannot read the subscript {text!r} (expected numbers or index letters like 12, ij, i,j, t, t+1)",
               tok)
    return tuple(part for part in text.split(",") if part) if "," in text else (text,)


#: The name of a value in an update rule: ``new``, ``\text{old}`` (read by ``updatenames`` in layered notes too).
NEW_OLD = re.compile(r"(?:\\(?:text|mathrm|textrm|mathit|rm)\{)?(?:new|old)\}?")
#: A step of an update rule, ``(t+1)``, ``(t)``, ``(t-1)``: not l, L (W^{(l+1)} is the next layer).
STEP_MARK = re.compile(r"\(([A-KM-Za-km-z])([+-]1)?\)")


def _mark(script: str, raw: list[str]) -> str:
    """``^{\\text{new}}``, ``_{old}``, ``^{(t+1)}``, ``^{(k)}``: the name of a value in an update rule (empty for
    any other script). ``^{(t)}`` with a letter that names a training input (t, i, n, …) is a sample, not a step:
    the reader keeps it as such and the update rule decides; ``^{(k)}`` alone is a step (k counts iterations)."""
    text = "".join(raw).replace(" ", "")
    if NEW_OLD.fullmatch(text) and (text.count("{") == text.count("}")):
        return f"{script}{{{text}}}"
    step = STEP_MARK.fullmatch(text)
    if script == "^" and step and (step.group(2) or step.group(1) == "k"):
        return f"^{{{text}}}"
    return ""


def _simple_offset(text: str) -> bool:
    # w_{t+1}, w_{t-1}: a time step
    import re

    return bool(re.fullmatch(r"[A-Za-z][+-]\d", text))
