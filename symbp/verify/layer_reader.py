r"""Reading a formula about a layer (batch norm, convolution, RNN, attention, ...) in the documents' notation.

The reader turns LaTeX into a small tree, never through ``eval`` or
``sympify``: numbers, symbols with subscripts (index expressions such as
``s(p-1)+i`` or ``t+1``) and superscripts (``\sigma^2``, a power, a
transpose ``^{\mathsf T}``), ``\hat``/``\tilde``, sums ``\sum_{j}`` or
``\sum_{t=1}^{T}``, ``\frac``, ``\sqrt``, products (implicit, ``\cdot``) and
``\odot``, ``\varphi'(a_t)``, ``\mathrm{rowsum}(\cdot)``, ``\mathrm{diag}(p)``, and derivatives
``\frac{\partial L}{\partial x_i}``. Anything else is unreadable, with its
position: nothing of the text is dropped except spacing and sizing macros.
What the symbols mean is ``layer_check``'s business; the tokens are
``layer_lexer``'s and the tree's nodes ``layer_nodes``'s.

>>> lhs, rhs = read_layer_formula(r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{1-p}")
>>> lhs.of.name, lhs.of.sub
('x', (Var(name='i'),))
"""

from __future__ import annotations

from fractions import Fraction

from .layer_lexer import LayerReadError, Tok, tokenize
from .lexer import MAX_EXPONENT, ReadError, check_numbers
from .layer_nodes import Add, Call, Deriv, Div, INum, IOp, Mul, Num, Pow, Sqrt, Sum, Sym, Transpose, Var

_GREEK = {"gamma", "beta", "mu", "sigma", "epsilon", "varepsilon", "delta", "varphi", "phi", "partial"}


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = tokenize(text)
        self.i = 0

    # -- helpers
    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def at(self, kind: str, text: str = None) -> bool:
        t = self.tok
        return t.kind == kind and (text is None or t.text == text)

    def take(self) -> Tok:
        t = self.tok
        self.i += 1
        return t

    def expect(self, kind: str, text: str) -> Tok:
        if not self.at(kind, text):
            self.fail(f"expected {text!r}")
        return self.take()

    def fail(self, what: str):
        t = self.tok
        shown = t.text if t.kind != "end" else "the end"
        raise LayerReadError(f"{what} at position {t.pos} (found {shown!r}) in {self.text!r}")

    def group_text(self) -> str:
        # {word} of \mathrm, \operatorname, \mathsf, \text: the letters inside (or one letter: \mathsf T)
        if self.at("char") and self.tok.text.isalpha():
            return self.take().text
        self.expect("char", "{")
        parts = []
        while not self.at("char", "}"):
            if self.at("end"):
                self.fail("an unclosed '{'")
            parts.append(self.take().text)
        self.take()
        return "".join(parts)

    # -- formula
    def equation(self):
        lhs = self.expr()
        if not (self.at("char", "=") or self.at("macro", "equiv")):
            self.fail("expected '='")
        self.take()
        rhs = self.expr()
        if self.at("char", ",") or self.at("char", "."):
            self.take()
        if not self.at("end"):
            self.fail("text after the formula (one formula at a time)")
        return lhs, rhs

    def expr(self):
        terms = []
        sign = 1
        if self.at("char", "-") or self.at("char", "+"):
            sign = -1 if self.take().text == "-" else 1
        terms.append((sign, self.term()))
        while self.at("char", "+") or self.at("char", "-"):
            sign = -1 if self.take().text == "-" else 1
            terms.append((sign, self.term()))
        return terms[0][1] if len(terms) == 1 and terms[0][0] == 1 else Add(tuple(terms))

    def _starts_factor(self) -> bool:
        t = self.tok
        if t.kind == "num":
            return True
        if t.kind == "char":
            return t.text.isalpha() or t.text in "(["
        return t.kind == "macro" and t.text not in ("odot", "cdot", "times", "quad", "qquad", "equiv")

    def term(self):
        # ⊙ binds less tightly than a product written by juxtaposition: P ⊙ G V^T is P ⊙ (G V^T).
        node = self.product()
        while self.at("macro", "odot"):
            self.take()
            node = Mul("odot", node, self.product())
        return node

    def product(self):
        node = self.power()
        while True:
            if self.at("macro", "cdot") or self.at("macro", "times"):
                self.take()
                node = Mul("mul", node, self.power())
            elif self._starts_factor():
                node = Mul("mul", node, self.power())
            else:
                return node

    def power(self):
        node = self.atom()
        while self.at("char", "^"):
            self.take()
            node = self.superscript(node)
        return node

    def superscript(self, base):
        start = self.i
        if self.at("char", "{"):
            self.take()
            if self.at("macro", "top") or self.at("macro", "intercal"):
                self.take()
                self.expect("char", "}")
                return Transpose(base)
            if self.at("macro", "mathsf") or self.at("macro", "mathrm") or self.at("macro", "mathbf"):
                self.take()
                word = self.group_text()
                self.expect("char", "}")
                if word == "T":
                    return Transpose(base)
                self.i = start
                self.fail(f"unknown superscript {word!r}")
            if self.at("char", "T"):
                self.take()
                self.expect("char", "}")
                return Transpose(base)
            value = self.fraction()
            self.expect("char", "}")
            return Pow(base, value)
        if self.at("char", "T") or self.at("macro", "top"):
            self.take()
            return Transpose(base)
        if self.at("num"):
            return Pow(base, Fraction(int(self.take().text[0])))
        self.fail("expected an exponent or T")

    def fraction(self) -> Fraction:
        sign = 1
        if self.at("char", "-"):
            self.take()
            sign = -1
        if not self.at("num"):
            self.fail("expected a number in the exponent")
        value = Fraction(int(self.take().text))
        if self.at("char", "/"):
            self.take()
            if not self.at("num"):
                self.fail("expected a denominator")
            value /= int(self.take().text)
        if abs(value.numerator) > MAX_EXPONENT or value.denominator > MAX_EXPONENT:  # x^{99999999}: no budget stops it
            self.fail(f"the exponent {sign * value} is past the cap of {MAX_EXPONENT} (numerator and denominator)")
        return sign * value

    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.take()
            return Num(Fraction(int(t.text)))
        if t.kind == "char" and t.text in "([":
            close = ")" if t.text == "(" else "]"
            self.take()
            inner = self.expr()
            self.expect("char", close)
            return inner
        if t.kind == "char" and t.text == "{":
            self.take()
            inner = self.expr()
            self.expect("char", "}")
            return inner
        if t.kind == "macro":
            if t.text in ("frac", "dfrac", "tfrac"):
                return self.frac()
            if t.text == "sqrt":
                self.take()
                return Sqrt(self.braced())
            if t.text == "sum":
                return self.sum()
            if t.text in ("hat", "widehat", "tilde", "widetilde"):
                self.take()
                accent = "hat" if "hat" in t.text else "tilde"
                inner = self.braced_symbol() if self.at("char", "{") else self.symbol_name()
                return self.scripts(inner, accent)
            if t.text in ("mathrm", "operatorname", "text"):
                self.take()
                word = self.group_text()
                if word in ("rowsum", "diag"):
                    return Call(word, self.parenthesised())
                if len(word) == 1:
                    return self.scripts(word, "")
                self.i -= 1
                self.fail(f"unknown word {word!r}")
            if t.text in ("varphi", "phi"):
                self.take()
                if self.at("char", "'"):
                    self.take()
                    return Call("varphi'", self.parenthesised())
                self.i -= 1
                self.fail("φ is read only as φ'(a_t)")
            if t.text in _GREEK - {"partial", "varphi", "phi"}:
                self.take()
                return self.scripts(t.text if t.text != "varepsilon" else "epsilon", "")
        if t.kind == "char" and t.text.isalpha():
            self.take()
            return self.scripts(t.text, "")
        self.fail("cannot read this here")

    def braced(self):
        self.expect("char", "{")
        inner = self.expr()
        self.expect("char", "}")
        return inner

    def parenthesised(self):
        if not (self.at("char", "(") or self.at("char", "[")):
            self.fail("expected '('")
        close = ")" if self.take().text == "(" else "]"
        inner = self.expr()
        self.expect("char", close)
        return inner

    def symbol_name(self) -> str:
        t = self.take()
        if t.kind == "char" and t.text.isalpha():
            return t.text
        if t.kind == "macro" and t.text in _GREEK:
            return t.text
        self.i -= 1
        self.fail("expected a symbol")

    def braced_symbol(self) -> str:
        self.expect("char", "{")
        name = self.symbol_name()
        self.expect("char", "}")
        return name

    def scripts(self, name: str, accent: str):
        sub, sup = None, None
        for _ in range(2):
            if self.at("char", "_") and sub is None:
                self.take()
                sub = self.subscript()
            elif self.at("char", "^") and sup is None and name in ("sigma",) and self._peek_two():
                braced = self.toks[self.i + 1].text == "{"
                for _ in range(4 if braced else 2):
                    self.take()
                sup = 2
            else:
                break
        if name == "sigma" and sup == 2:
            name = "sigma^2"
        elif name == "sigma":
            self.fail("σ is read only as σ² (the variance)")
        if name == "W" and sub is not None and len(sub) == 1 and isinstance(sub[0], Var) and sub[0].name in ("hh", "xh"):
            return Sym(f"W_{sub[0].name}", None, None, accent)
        return Sym(name, sub, None, accent)

    def _peek_two(self) -> bool:
        nxt = self.toks[self.i + 1]
        if nxt.kind == "num" and nxt.text == "2":
            return True
        return nxt.kind == "char" and nxt.text == "{" and self.toks[self.i + 2].text == "2" and self.toks[self.i + 3].text == "}"

    def subscript(self) -> tuple:
        if not self.at("char", "{"):
            t = self.take()
            if t.kind == "num":
                return (INum(int(t.text[0])),) if len(t.text) == 1 else tuple(INum(int(c)) for c in t.text)
            if t.kind == "char" and t.text.isalpha():
                return (Var(t.text),)
            self.i -= 1
            self.fail("expected an index")
        self.take()
        if self._word_subscript():
            word = self.take().text + self.take().text
            self.take()
            return (Var(word),)
        out = [self.iexpr()]
        while self.at("char", ","):
            self.take()
            out.append(self.iexpr())
        self.expect("char", "}")
        return tuple(out)

    def _word_subscript(self) -> bool:
        # W_{hh}, W_{xh}: a name, not a product of indices
        a, b, c = self.toks[self.i : self.i + 3]
        return a.kind == b.kind == "char" and a.text + b.text in ("hh", "xh") and c.text == "}"

    def iexpr(self):
        node = self.iterm()
        while self.at("char", "+") or self.at("char", "-"):
            op = self.take().text
            node = IOp(op, node, self.iterm())
        return node

    def iterm(self):
        node = self.ifactor()
        while self.at("num") or (self.at("char") and (self.tok.text.isalpha() or self.tok.text == "(")):
            node = IOp("*", node, self.ifactor())
        return node

    def ifactor(self):
        t = self.tok
        if t.kind == "num":
            self.take()
            return INum(int(t.text))
        if t.kind == "char" and t.text.isalpha():
            self.take()
            if self.at("char", "_"):  # s_h, P_w: a constant with its dimension
                self.take()
                d = self.take()
                return Var(f"{t.text}_{d.text}")
            return Var(t.text)
        if t.kind == "char" and t.text == "(":
            self.take()
            inner = self.iexpr()
            self.expect("char", ")")
            return inner
        self.fail("expected an index")

    def frac(self):
        self.take()
        if self.at("char", "{") and self.toks[self.i + 1].kind == "macro" and self.toks[self.i + 1].text == "partial":
            self.take()
            self.take()
            top = self.atom()
            self.expect("char", "}")
            self.expect("char", "{")
            self.expect("macro", "partial")
            bottom = self.atom()
            self.expect("char", "}")
            if not isinstance(bottom, Sym):
                self.fail("expected the quantity differentiated by")
            if isinstance(top, Sym) and top.sub is None and top.name in ("L", "C"):
                return Deriv(top.name, bottom)
            if isinstance(top, Sym):
                return Deriv(top.name, bottom, num=top)
            self.fail("expected ∂L, ∂C or ∂F_i")
        a = self.braced()
        b = self.braced()
        return Div(a, b)

    def sum(self):
        self.take()
        letters, lo, hi = (), None, None
        if self.at("char", "_"):
            self.take()
            if self.at("char", "{"):
                self.take()
                names = [self.symbol_name()]
                while self.at("char", ","):
                    self.take()
                    names.append(self.symbol_name())
                if self.at("char", "="):
                    self.take()
                    lo = self.iexpr()
                self.expect("char", "}")
                letters = tuple(names)
            else:
                letters = (self.symbol_name(),)
        if self.at("char", "^"):
            self.take()
            if self.at("char", "{"):
                self.take()
                hi = self.iexpr()
                self.expect("char", "}")
            else:
                hi = self.ifactor()
        if not letters:
            self.fail("a sum needs its index: \\sum_{j}")
        body = self.term()
        return Sum(letters, lo, hi, body)


def read_layer_formula(text: str) -> tuple:
    """(left side, right side) of a formula about a layer; ``LayerReadError`` with the position if unreadable."""
    sides = _Parser(text).equation()
    try:
        for side in sides:
            check_numbers(side, text)  # (99999999^8)^8…: one multiplication no time budget stops (lexer)
    except ReadError as exc:
        raise LayerReadError(str(exc)) from None
    return sides
