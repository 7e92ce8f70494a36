r"""Reading formulas in the notes' own terms: named quantities, derivatives, matrices, update arrows.

A hand-written recursive-descent reader (the tokens are ``lexer``'s): nothing
the user typed is evaluated. It reads symbols with subscripts (``w_{12}``,
``y_1``, ``C_{i_j}``), decorations (``\vec{u}``, ``\mathbf{x}`` are the symbol
itself; ``\tilde{w}``, ``\hat{y}``, ``w'`` are other symbols), products by
juxtaposition and ``\cdot``, ``\odot``, transposes ``^T``, powers, fractions,
``\frac{\partial X}{\partial Y}`` and ``\frac{dX}{dY}`` (also the operator form
``\frac{\partial}{\partial Y} X``), evaluation bars ``\big|_{g_1}``, function
applications ``h(y_1)``, ``L(y_1, y_2)``, ``\tanh(g)``, ``\sigma(…)``, tuples
``(x_1, x_2)`` (a row vector), ``pmatrix``/``bmatrix``/``array`` with ``\dots``
rows, sums, ``\nabla``, norms, and the relations ``=``, ``:=``, ``\equiv`` and
the update arrows ``\to``, ``\rightarrow``, ``\leftarrow``, ``\gets``.

>>> from symbp.verify.graphnodes import to_latex
>>> to_latex(read_graph(r"\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial y_1} w_{11}"))
'\\frac{\\partial L}{\\partial x_1} = \\frac{\\partial L}{\\partial y_1} w_{11}'
>>> read_graph(r"g = x W").sides[1]
Mul(factors=(Sym(base='x', sub=(), sample='', mark=''), Sym(base='W', sub=(), sample='', mark='')))
"""

from __future__ import annotations

import re
import sys
from fractions import Fraction

from .graphnodes import Add, Bar, Call, Deriv, Div, Dots, Equation, Had, Mat, Mul, Nabla, Neg, Norm, Num, Pow, Sum, Sym, T
from .lexer import MAX_DEPTH, ReadError, Token, _check_limits, _tokenize

#: Relations between sides; the arrows are update rules (``w \to w - \eta \nabla C``).
RELATIONS = {"=": "=", ":=": ":=", "equiv": r"\equiv", "to": r"\to", "rightarrow": r"\to", "longrightarrow": r"\to",
             "mapsto": r"\to", "leftarrow": r"\leftarrow", "gets": r"\leftarrow", "longleftarrow": r"\leftarrow",
             "coloneqq": ":=", "coloneq": ":="}
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
         "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Phi", "Psi", "Omega", "ell"}
_FUNCTIONS = {"tanh": "tanh", "sigma": "sigma", "exp": "exp", "log": "log", "ln": "log", "cosh": "cosh", "sinh": "sinh",
              "sech": "sech", "diag": "diag"}
#: Functions written like \tanh, without parentheses around a plain argument (\tanh g_1).
_OPERATORS = ("exp", "log", "tanh", "cosh", "sinh", "sech")
_SAME = {"vec", "mathbf", "boldsymbol", "bm", "mathit", "overrightarrow"}  # the symbol itself, in bold
_OTHER = {"tilde", "hat", "bar", "widetilde", "widehat", "overline"}  # another symbol
_SPACE = {"\\,", "\\;", "\\!", "\\ ", "\\:", "\\>", "displaystyle", "textstyle", "limits", "quad", "qquad",
          "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"}
_DOTS = {"dots", "ldots", "cdots", "vdots", "ddots"}
#: y^{(t)}: a parenthesised superscript names a training input only with these letters (a^{(l)} is a layer).
_SAMPLE_LETTERS = {"t", "i", "n", "s", "x", "m", "p"}
_MATRICES = {"pmatrix", "bmatrix", "matrix", "array", "vmatrix", "Bmatrix"}


def read_graph(text: str, expression: bool = False) -> Equation:
    """Read one formula in the notes' own terms; ``ReadError`` names the position of what it cannot read.

    With ``expression`` a formula without a relation is read too (an Equation of one side)."""
    if not isinstance(text, str):
        raise ReadError(f"a formula must be text, got {type(text).__name__}")
    _check_limits(text)
    parser = _Parser(text)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20 * MAX_DEPTH + 1000))
    try:
        return parser.equation(expression)
    except RecursionError:
        raise ReadError(f"the formula nests too deeply to read (limit {MAX_DEPTH} levels)") from None
    finally:
        sys.setrecursionlimit(limit)


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0
        self.depth = 0
        self.in_matrix = 0
        self.in_parens = 0
        self.in_norm = 0

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

    def next(self) -> Token:
        self._skip()
        t = self.toks[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def at(self, text: str, kind: str | None = None) -> bool:
        t = self.peek()
        return t.kind != "end" and t.text == text and (kind is None or t.kind == kind)

    def expect(self, text: str) -> Token:
        t = self.next()
        if t.text != text or t.kind == "end":
            self.fail(f"expected '{text}'", t)
        return t

    def fail(self, what: str, tok: Token | None = None):
        tok = tok or self.peek()
        found = "the end" if tok.kind == "end" else repr(("\\" if tok.kind == "macro" else "") + tok.text)
        raise ReadError(f"{what} at position {tok.pos} (found {found}) in {self.text!r}")

    # -- grammar -------------------------------------------------------------------

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

    def equation(self, expression: bool = False) -> Equation:
        sides, rels = [self.side()], []
        while True:
            rel = self._relation()
            if rel is None:
                break
            rels.append(rel)
            sides.append(self.side())
        t = self.peek()
        if t.kind == "char" and t.text in ",.;":
            self.next()
            t = self.peek()
        if t.kind != "end":
            self.fail("unexpected input after the formula", t)
        if not rels and not expression:
            self.fail("no relation (=, :=, \\to, \\leftarrow) between two expressions", t)
        return Equation(tuple(sides), tuple(rels))

    def side(self):
        t = self.peek()
        if t.kind == "end" or (t.kind == "char" and t.text in "=,;") or (t.kind == "macro" and t.text in RELATIONS):
            self.fail("a side of the equation is empty", t)
        return self.additive()

    def additive(self):
        terms = []
        t = self.peek()
        neg = t.kind == "char" and t.text in "+-"
        if neg:
            self.next()
        first = self.term()
        terms.append(Neg(first) if neg and t.text == "-" else first)
        while self.peek().kind == "char" and self.peek().text in "+-":
            op = self.next().text
            term = self.term()
            terms.append(Neg(term) if op == "-" else term)
        return terms[0] if len(terms) == 1 else Add(tuple(terms))

    def term(self):
        left = self.product()
        while self.peek().kind == "macro" and self.peek().text in ("odot", "circ"):
            self.next()
            left = Had(left, self.product())
        return left

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

    def product(self):
        factors = []
        while True:
            t = self.peek()
            if self._ends(t):
                break
            if t.kind == "macro" and t.text in ("cdot", "times"):
                self.next()
                continue
            if t.kind == "char" and t.text == "/":
                self.next()
                if not factors:
                    self.fail("'/' has nothing to divide", t)
                factors[-1] = Div(factors[-1], self.unary())
                continue
            if t.kind == "macro" and t.text == "sum":
                factors.append(self.sum_())
                break  # the summand runs to the end of the term
            factors.append(self.unary())
        if not factors:
            self.fail("expected a factor")
        return factors[0] if len(factors) == 1 else Mul(tuple(factors))

    def unary(self):
        signs = 0
        while self.peek().kind == "char" and self.peek().text == "-":
            self.next()
            signs += 1
        node = self.postfix(self.primary())
        return Neg(node) if signs % 2 else node

    def postfix(self, node):
        while True:
            if self.at("^", "char"):
                tok = self.next()
                raw = self.script()
                if raw in (["T"], ["\\top"], ["\\intercal"]):
                    node = T(node)
                elif len(raw) == 1 and raw[0].isdigit() and 1 <= int(raw[0]) <= 8:
                    node = Pow(node, int(raw[0]))
                else:
                    self.fail("a superscript here must be T or a small whole power", tok)
            elif self.at("|", "char") and self.peek(1).text == "_":
                self.next(), self.next()
                node = Bar(node, self._bar_point())
            else:
                return node

    def _bar_point(self):
        t = self.next()
        if t.kind == "char" and t.text == "{":
            at = self.additive()
            if self.at("=", "char"):
                self.next()
                at = (at, self.additive())
            self.expect("}")
            return at
        self.i -= 1
        return self.primary_symbol_only()

    def primary_symbol_only(self):
        t = self.next()
        if t.kind == "char" and t.text.isalpha():
            return self.symbol(t.text, t)
        self.fail("expected a symbol after the bar", t)

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
        if t.kind == "num":  # ^12 is ^1 then 2 in TeX
            if len(t.text) > 1:
                self.toks.insert(self.i, Token("num", t.text[1:], t.pos + 1))
            return [t.text[0]]
        return [("\\" + t.text) if t.kind == "macro" else t.text]

    # -- primaries -------------------------------------------------------------------

    def primary(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(f"the formula nests deeper than {MAX_DEPTH}")
        try:
            return self._primary(self.peek())
        finally:
            self.depth -= 1

    def _primary(self, t: Token):
        if t.kind == "num":
            self.next()
            return Num(Fraction(t.text))  # 2.2 as 11/5, exactly
        if t.kind == "char" and t.text in "([{":
            return self.group(self.next())
        if t.kind == "char" and t.text == "|" or (t.kind == "macro" and t.text == "|"):
            return self.norm(self.next())
        if t.kind == "char" and t.text.isalpha():
            self.next()
            return self.after_symbol(self.symbol(t.text, t), t)
        if t.kind == "macro":
            return self.macro(self.next())
        self.fail("expected a quantity, a number or '('", t)

    def group(self, t: Token):
        close = {"(": ")", "[": "]", "{": "}"}[t.text]
        self.in_parens += 1
        try:
            items = [self.additive()]
            quad = False
            while True:
                u = self.peek()
                if u.kind == "char" and u.text == ",":
                    self.next()
                    items.append(self.additive())
                elif u.kind == "macro" and u.text in ("quad", "qquad") and close == ")":
                    self.next()  # ( a \quad b ): a row written with spaces
                    quad = True
                    items.append(self.additive())
                else:
                    break
        finally:
            self.in_parens -= 1
        end = self.next()
        if end.text != close:
            self.fail(f"expected '{close}' to close the '{t.text}' at position {t.pos}", end)
        if len(items) == 1:
            return items[0]
        if close == "}":
            self.fail("a list in braces is not read", t)
        return Mat((tuple(items),), tuple_form=not quad)

    def norm(self, t: Token):
        double = t.kind == "macro" or (self.at("|", "char"))
        if t.kind == "char" and double:
            self.next()
        self.in_norm += 1
        try:
            inner = self.additive()
        finally:
            self.in_norm -= 1
        close = self.next()
        if close.text != "|":
            self.fail("a norm is never closed", close)
        if double and close.kind == "char":
            self.expect("|")
        return Norm(inner)

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
        if self.at("^", "char") and not sample:
            raw = self.peek(1)
            if raw.kind == "char" and raw.text == "{" and self.peek(2).text == "(":
                j = self.i
                self.next()
                parts = self.script()
                text = "".join(parts)
                if text.startswith("(") and text.endswith(")") and text[1:-1] in _SAMPLE_LETTERS:
                    sample = text[1:-1]
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

    def after_symbol(self, sym: Sym, tok: Token):
        # f(a, b): an application (or a product with one factor in parentheses: the model decides)
        t = self.peek()
        if t.kind == "char" and t.text == "(" and self.toks[self.i].pos == t.pos and self._adjacent(t):
            self.next()
            args = [self.additive()]
            while self.at(",", "char"):
                self.next()
                args.append(self.additive())
            self.expect(")")
            return Call(sym, tuple(args))
        return sym

    def _adjacent(self, t: Token) -> bool:
        # "y_1(x_1, x_2)" or "h(y)": the parenthesis follows the name with no space
        prev = self.toks[self.i - 1]
        end = prev.pos + len(prev.text) + (1 if prev.kind == "macro" else 0)
        return t.pos <= end + (1 if prev.text == "}" else 0)

    def macro(self, t: Token):
        name = t.text
        if name in ("frac", "dfrac", "tfrac"):
            return self.frac(t)
        if name in _SAME:
            inner = self.script()
            if len(inner) != 1 or not inner[0].lstrip("\\").isalpha():
                self.fail(f"\\{name} of something that is not a letter", t)
            return self.after_symbol(self.symbol(inner[0], t), t)
        if name in _OTHER:
            inner = self.script()
            base = inner[0] if inner else ""
            if not base.lstrip("\\").isalpha():
                self.fail(f"\\{name} of something that is not a letter", t)
            sub = _subscript(inner[2:], t, self) if len(inner) > 2 and inner[1] == "_" else ()
            if len(inner) > 1 and not sub:
                self.fail(f"\\{name}{{…}} holds more than a letter", t)
            sym = self.symbol(f"\\{name}{{{base}}}", t)
            return self.after_symbol(Sym(sym.base, sub or sym.sub, sym.sample), t)
        if name in ("text", "mathrm", "operatorname", "textrm"):
            word = "".join(self.script())
            if word in _FUNCTIONS:
                return self.function(_FUNCTIONS[word], t)
            if len(word) == 1 and word.isalpha():
                return self.after_symbol(self.symbol(word, t), t)
            self.fail(f"the words {word!r} are not math symbp reads", t)
        if name in _FUNCTIONS:
            return self.function(_FUNCTIONS[name], t)
        if name in GREEK:
            return self.after_symbol(self.symbol("\\" + name, t), t)
        if name == "nabla":
            return self.nabla(t)
        if name == "sum":
            self.i -= 1
            return self.sum_()
        if name == "begin":
            return self.matrix(t)
        if name in _DOTS:
            return Dots()
        if name == "|":
            return self.norm(t)
        raise ReadError(f"unknown macro \\{name} at position {t.pos} in {self.text!r}")

    def function(self, func: str, t: Token):
        r"""``\tanh(g)``, ``\tanh'(g)``, ``\tanh^2(g)`` (the square of tanh g, not tanh of tanh),
        ``\operatorname{diag}(v)``; ``\tanh^{-1}`` (the inverse function) is not read."""
        primes = self._primes()
        power = None
        if self.at("^", "char"):
            power = self._function_power(func)
            primes += self._primes()
        if primes > 1:
            self.fail(f"only first derivatives of {func} are read", t)
        if func == "diag" and (primes or power):
            self.fail("a derivative or a power of diag is not read", t)
        u = self.peek()
        if not (u.kind == "char" and u.text in "(["):
            if func in _OPERATORS:
                node = Call(func, (self.unary(),), primes)
                return Pow(node, power) if power else node
            self.fail(f"{func} must be applied to an argument in parentheses", u)
        arg = self.group(self.next())
        node = Call(func, (arg,), primes)
        return Pow(node, power) if power else node

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

    def frac(self, t: Token):
        num_start = self.i
        if self._d_prefix():
            # \frac{dX}{dY}, \frac{\partial X}{\partial Y}, \frac{\partial}{\partial Y} X
            self.expect("{")
            total = self._take_d()
            num = None if self.at("}", "char") else self.additive()
            self.expect("}")
            self.expect("{")
            total2 = self._take_d()
            if total != total2:
                self.fail("a derivative mixes d and ∂", t)
            den = self.additive()
            self.expect("}")
            if num is None:
                num = self.unary()
            if isinstance(den, Mul) or not isinstance(den, Sym):
                self.fail("a derivative must be taken with respect to one symbol", t)
            return Deriv(num, den, total)
        self.i = num_start
        self.expect("{")
        num = self.additive()
        self.expect("}")
        self.expect("{")
        den = self.additive()
        self.expect("}")
        return Div(num, den)

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

    def nabla(self, t: Token):
        wrt = None
        if self.at("_", "char"):
            self.next()
            save = self.toks, self.i
            raw = self.script()
            sub = _Parser(" ".join(raw))
            try:
                wrt = sub.unary()
            except ReadError:
                self.toks, self.i = save
                self.fail("cannot read the subscript of ∇", t)
        of = self.unary()
        if wrt is None:
            return Nabla(of, None)
        return Nabla(wrt, of)

    def sum_(self):
        t = self.expect("sum")
        var, lower, upper = None, None, None
        for _ in range(2):
            if self.at("_", "char") and var is None and lower is None:
                self.next()
                raw = self.script()
                text = "".join(raw)
                if "=" in text:
                    var, low = text.split("=", 1)
                    lower = _Parser(low).additive() if low else None
                elif text.replace("\\in", "").strip():
                    var = text.split("\\in")[0]
                if var is not None and not (var.isalpha() and len(var) <= 2 or var in ("x", "t")):
                    self.fail(f"cannot read the summation index {var!r}", t)
            elif self.at("^", "char") and upper is None:
                self.next()
                upper = _Parser(" ".join(self.script())).additive()
        body = self.term_after_sum()
        return Sum(var, lower, upper, body)

    def term_after_sum(self):
        return self.product()

    def matrix(self, t: Token):
        env = "".join(self.script())
        if env not in _MATRICES:
            self.fail(f"the environment {env!r} is not read here", t)
        if env == "array" and self.at("{", "char"):
            self.script()  # the column specification {c}, {cc}, {l}
        rows, row = [], []
        self.in_matrix += 1
        try:
            while True:
                u = self.peek()
                if u.kind == "end":
                    self.fail(f"\\begin{{{env}}} is never ended", t)
                if u.kind == "macro" and u.text == "end":
                    self.next()
                    if "".join(self.script()) != env:
                        self.fail(f"\\begin{{{env}}} is ended by another environment", u)
                    if row:
                        rows.append(tuple(row))
                    break
                if u.kind == "macro" and u.text in _DOTS and self.peek(1).text in ("&", "\\", "end"):
                    self.next()
                    row.append(Dots())
                else:
                    row.append(self.additive())
                sep = self.peek()
                if sep.kind == "char" and sep.text == "&":
                    self.next()
                elif sep.kind == "macro" and sep.text == "\\":
                    self.next()
                    rows.append(tuple(row))
                    row = []
                elif not (sep.kind == "macro" and sep.text == "end"):
                    self.fail("expected &, \\\\ or \\end in a matrix", sep)
        finally:
            self.in_matrix -= 1
        widths = {len(r) for r in rows}
        if len(widths) != 1:
            self.fail("the rows of the matrix have different lengths", t)
        return Mat(tuple(rows))


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
