r"""Reading formulas in the notes' own terms: named quantities, derivatives, matrices, update arrows.

A hand-written recursive-descent reader (the tokens are ``lexer``'s, walked by ``graphtokens``' cursor): nothing
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


import sys
from fractions import Fraction

from .graphnodes import Add, Bar, Call, Deriv, Div, Dots, Equation, Had, Mat, Mul, Nabla, Neg, Norm, Num, Pow, Sum, Sym, T
from .graphdelta import cases, iverson
from .graphtokens import _SAME, GREEK, RELATIONS, Cursor, _subscript
from .lexer import MAX_DEPTH, ReadError, Token, _check_limits, check_numbers, macro_words

_FUNCTIONS = {"tanh": "tanh", "sigma": "sigma", "exp": "exp", "log": "log", "ln": "log", "cosh": "cosh", "sinh": "sinh",
              "sech": "sech", "diag": "diag", "softmax": "softmax"}
#: Functions written like \tanh, without parentheses around a plain argument (\tanh g_1).
_OPERATORS = ("exp", "log", "tanh", "cosh", "sinh", "sech")
_OTHER = {"tilde", "hat", "bar", "widetilde", "widehat", "overline"}  # another symbol
_DOTS = {"dots", "ldots", "cdots", "vdots", "ddots"}
_MATRICES = {"pmatrix", "bmatrix", "matrix", "array", "vmatrix", "Bmatrix"}


def read_graph(text: str, expression: bool = False, cdot: str = "") -> Equation:
    """Read one formula in the notes' own terms; ``ReadError`` names the position of what it cannot read.

    With ``expression`` a formula without a relation is read too (an Equation of one side). ``cdot`` reads ``\\cdot``
    and ``\\times`` otherwise than as the product (``graphcdot``): "odot", each as ⊙ of the factors beside it;
    "mixed:01", the k-th as ⊙ at ⊙'s own level where the mask has 1 and as the product where it has 0."""
    if not isinstance(text, str):
        raise ReadError(f"a formula must be text, got {type(text).__name__}")
    _check_limits(text)
    parser = _Parser(text)
    parser.cdot = cdot
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20 * MAX_DEPTH + 1000))
    try:
        return check_numbers(parser.equation(expression), text)  # ((99999999^8)^8)^8…: refused (lexer)
    except RecursionError:
        raise ReadError(f"the formula nests too deeply to read (limit {MAX_DEPTH} levels)") from None
    finally:
        sys.setrecursionlimit(limit)


class _Parser(Cursor):
    # -- grammar -------------------------------------------------------------------

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
        if t.kind == "char" and t.text == "(" and self._number_at_the_end() and self._set_apart(t):
            self.i = len(self.toks) - 1  # "\\;(2)", "\\quad (2)": an equation number, not part of the claim
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

    cdot = ""  # how \cdot and \times are read (``read_graph``)

    def _dot_reading(self, t) -> str:
        """How this reading takes the ``\\cdot`` / ``\\times`` ``t``: "0" the product, "1" ⊙ at ⊙'s own level, "2" ⊙ of
        the factors beside it (the mask of "mixed:…", one digit for each in the order written; "odot": all "2")."""
        if not (t.kind == "macro" and t.text in ("cdot", "times")):
            return ""
        if self.cdot == "odot":
            return "2"
        if not self.cdot.startswith("mixed:"):
            return "0"
        dots = [u.pos for u in self.toks if u.kind == "macro" and u.text in ("cdot", "times")]
        mask = self.cdot[len("mixed:"):]
        k = dots.index(t.pos) if t.pos in dots else len(mask)
        return mask[k] if k < len(mask) else "0"

    def _loose_dot(self, t) -> bool:
        return self._dot_reading(t) == "1"

    def term(self):
        left = self.product()
        while (self.peek().kind == "macro" and self.peek().text in ("odot", "circ")) or self._loose_dot(self.peek()):
            self.next()
            left = Had(left, self.product())
        return left

    def product(self):
        factors = []
        while True:
            t = self.peek()
            if self._ends(t):
                break
            if self._loose_dot(t):
                break
            if t.kind == "macro" and t.text in ("cdot", "times"):
                self.next()
                if self._dot_reading(t) == "2":
                    if not factors:
                        self.fail(f"\\{t.text} has nothing to multiply on its left", t)
                    factors[-1] = Had(factors[-1], self.unary())
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
            if factors and self._equation_number_next(t):
                break  # "\\;\\;(2)": an equation number after a spacing command, read after the formula
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
                elif node == Sym("e") and not (len(raw) == 1 and raw[0].isdigit()):
                    node = Call("exp", (self._exponent(raw, tok),), 0, "e")  # e^{u_i}: the exponential of u_i
                elif len(raw) == 1 and raw[0].isdigit() and 1 <= int(raw[0]) <= 8:
                    node = Pow(node, int(raw[0]))
                else:
                    self.fail("a superscript here must be T or a small whole power", tok)
            elif self.at("|", "char") and self.peek(1).text == "_":
                self.next(), self.next()
                node = Bar(node, self._bar_point())
            else:
                return node

    def _exponent(self, raw: list, tok: Token):
        sub = _Parser(" ".join(raw))
        try:
            out = sub.additive()
            if sub.peek().kind != "end":
                sub.fail("unexpected input in the exponent")
        except ReadError:
            self.fail(f"cannot read the exponent {''.join(raw)!r} of e", tok)
        return out

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
        if close == "]":
            delta = iverson(self)  # [i = j]: Kronecker's delta
            if delta is not None:
                return delta
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
        raise ReadError(macro_words(name, t.pos, self.text))

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
        if func in ("diag", "softmax") and (primes or power):
            self.fail(f"a derivative or a power of {func} is not read", t)
        u = self.peek()
        if not (u.kind == "char" and u.text in "(["):
            if func in _OPERATORS:
                node = Call(func, (self.unary(),), primes)
                return Pow(node, power) if power else node
            self.fail(f"{func} must be applied to an argument in parentheses", u)
        arg = self.group(self.next())
        node = Call(func, (arg,), primes)
        return Pow(node, power) if power else node

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
        num = self._frac_argument()
        return Div(num, self._frac_argument())

    def _frac_argument(self):
        r"""One argument of ``\frac``: a braced group, or in TeX's short form one digit or letter (``\frac12``,
        ``\frac1n``)."""
        t = self.peek()
        if t.kind == "num":
            self.next()
            if len(t.text) > 1 and t.text[1:].isdigit():  # \frac12 is \frac{1}{2}
                self.toks.insert(self.i, Token("num", t.text[1:], t.pos + 1))
            elif len(t.text) > 1:
                self.fail("a number with a point cannot be an argument of \\frac without braces", t)
            return Num(Fraction(t.text[0]))
        if t.kind == "char" and t.text.isalpha():
            self.next()
            return Sym(t.text)  # \frac1n: the letter alone, its scripts would belong to the fraction
        self.expect("{")
        arg = self.additive()
        self.expect("}")
        return arg

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
        saved, self.bound = self.bound, self.bound + ((var.strip(),) if var else ())  # its letter labels samples
        body = self.term_after_sum()
        self.bound = saved
        return Sum(var, lower, upper, body)

    def term_after_sum(self):
        return self.product()

    def matrix(self, t: Token):
        env = "".join(self.script())
        if env == "cases":
            return cases(self, t)
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
