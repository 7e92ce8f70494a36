r"""The larger constructs of the formula reader: fractions and ∂X/∂Y, ∇, sums,
function applications, written-out matrices and Dyda's bracket vectors.

A mixin of the reader's parser: each method starts after its macro (or its
bracket) and returns a node of ``symbp.verify.nodes``.
"""

from __future__ import annotations

import re

from .lexer import Token, _capped_exponent, _size
from fractions import Fraction

from .nodes import Apply, Cdots, Comprehension, Div, Matrix, Nabla, Num, Pow, Quantity, Sum
from .numericsums import written_out


#: Matrix environments read (vmatrix is a determinant, not a matrix: not read).
_MATRICES = {"pmatrix", "bmatrix", "matrix", "Bmatrix", "smallmatrix", "array"}


class Constructs:
    """Methods of ``reader._Parser`` for the constructs with arguments."""

    def _comprehension(self, body, tok: Token) -> Comprehension:
        """``[ body ]_{k=1,\\dots,n^{[l]}}``: the column vector of body over k."""
        raw = self.script()
        ranges = []
        for text in "".join(raw).split(";"):  # [w_{k,j}]_{k=1,…,n^{[l]}; j=0,…,n^{[l-1]}}: rows, then columns
            m = re.fullmatch(r"([A-Za-z])=(\d+),\\(?:l|c)?dots,(n[_^].+)", text)
            if not m:
                self.fail("a bracketed vector's subscript must read like k=1,\\dots,n^{[l]}", tok)
            ranges.append((m.group(1), int(m.group(2)), _size([m.group(3)], tok, self)))
        if len(ranges) > 2:
            self.fail("a bracketed matrix has two index ranges, rows then columns", tok)
        (var, lower, upper), columns = ranges[0], (ranges[1] if len(ranges) == 2 else None)
        return Comprehension(body, var, lower, upper, columns)

    def function(self, func: str, base: str, tok: Token):
        primes = 0
        while self.at("'"):
            self.next()
            primes += 1
        if primes > 1:
            self.fail("only first derivatives σ' are read", tok)
        power = self._function_power(func, base) if self.at("^") else None
        t = self.peek()
        if not (t.kind == "char" and t.text in "({["):
            self.fail(f"{base}{chr(39) * primes} must be applied to an argument in parentheses", t)
        arg = self.primary()
        return Pow(Apply(func, primes, arg, base), power) if power else Apply(func, primes, arg, base)

    def _function_power(self, func: str, base: str) -> int:
        r"""``\sigma^2(z)``: a whole power k ≥ 2 before the argument is the power (σ(z))^k, as ``\tanh^2(z)`` is; any
        other superscript there (``\sigma^{-1}``, a layer) is not read."""
        stok = self.next()
        raw = self.script()
        if func not in ("sigma", "exp") or not ("".join(raw).isdigit() and int("".join(raw)) >= 2):
            self.fail(f"{base}^{''.join(raw)}: only a whole power before the argument is read, as in {base}^2(z) "
                      f"(the square of {base}(z))", stok)
        return _capped_exponent(int("".join(raw)), stok, self)

    def matrix(self, tok: Token) -> Matrix:
        env = "".join(self.script())
        if env not in _MATRICES:
            self.fail(f"the environment {env!r} is not read here (only {', '.join(sorted(_MATRICES))})", tok)
        if env == "array":
            self.script()  # the column specification {cc}
        rows, row = [], []
        while True:
            t = self.peek()
            if t.kind == "end":
                self.fail(f"\\begin{{{env}}} is never ended", tok)
            if t.kind == "macro" and t.text == "end":
                self.next()
                if "".join(self.script()) != env:
                    self.fail(f"\\begin{{{env}}} is ended by another environment", t)
                rows.append(row)
                break
            t = self.peek()
            blank = (t.kind == "char" and t.text == "&") or (t.kind == "macro" and t.text in ("\\", "end"))
            row.append(None if blank else self.additive())  # a blank cell (a written-out diagonal's zeros)
            sep = self.peek()
            if sep.kind == "char" and sep.text == "&":
                self.next()
            elif sep.kind == "macro" and sep.text == "\\":
                self.next()
                rows.append(row)
                row = []
            elif not (sep.kind == "macro" and sep.text == "end"):
                self.fail(f"expected '&', '\\\\' or \\end{{{env}}} in the matrix", sep)
        if rows and rows[-1] == [None] and len(rows) > 1:
            rows.pop()  # a \\ before \end
        if any(len(r) != len(rows[0]) for r in rows):
            self.fail("the rows of the matrix have different lengths", tok)
        cells = [e for r in rows for e in r]
        if None in cells and not any(isinstance(c, Cdots) and c.kind == "ddots" for c in cells):
            self.fail("a matrix cell is empty (blank cells are read only in a diagonal written with \\ddots)", tok)
        if len(cells) >= 3 and isinstance(cells[-2], Cdots) and min(len(rows), len(rows[0])) == 1:
            cells[-1] = _last_neuron(cells[-1], self.notation)
        return Matrix(len(rows), len(rows[0]), tuple(cells), env)

    def frac(self, tok: Token):
        if self.at("partial") or (self.at("{") and self.peek(1).kind == "macro" and self.peek(1).text == "partial"):
            return self.derivative_frac(tok)
        if [self.peek(k).text for k in range(5)] == ["{", "d", "}", "{", "d"]:
            return self.d_operator(tok)  # \frac{d}{dz} X: the derivative of a function of one variable
        ahead = [self.peek(k) for k in range(4)]
        if [u.text for u in ahead[:2]] == ["{", "d"] and ahead[3].text == "}" and (
                ahead[2].text in self.activation_names):
            return self.d_fraction(tok)  # \frac{d\sigma}{dz}
        if [u.text for u in ahead[:2]] == ["{", "d"] and ahead[2].text != "}":
            read = self.d_quotient(tok)  # \frac{dC}{da}: as \frac{d}{da} C
            if read is not None:
                return read
        num = self._argument("numerator")
        den = self._argument("denominator")
        return Div(num, den)

    def _argument(self, what: str):
        """A \\frac argument: a braced group, or one token as TeX allows (``\\frac12``, ``\\frac 1 {2}``)."""
        if self.at("{"):
            return self._braced(what)
        t = self.peek()
        if t.kind == "num" and len(t.text) > 1:  # \frac12: the digits are two arguments
            self.next()
            self.toks.insert(self.i, Token("num", t.text[1:], t.pos + 1))
            return Num(Fraction(int(t.text[0])))
        if t.kind == "end" or (t.kind == "char" and t.text in "}=+-"):
            self.fail(f"the {what} of \\frac is missing", t)
        return self.primary()

    def _braced(self, what: str):
        t = self.expect("{")
        if self.at("}"):
            self.fail(f"the {what} of \\frac is empty", self.peek())
        inner = self.additive()
        end = self.next()
        if end.text != "}":
            self.fail(f"expected '}}' to close the {what} opened at position {t.pos}", end)
        return inner

    def nabla(self, tok: Token):
        if not self.at("_"):
            self.fail("∇ needs a subscript, as in \\nabla_a C", tok)
        self.next()
        raw = self.script()
        sub = type(self)(" ".join(raw), self.notation)  # the subscript is read by the same parser
        wrt = sub.primary()
        if not isinstance(wrt, Quantity):
            self.fail("∇_X C needs a quantity X", tok)
        of = self.in_cost_slot(self.primary)
        if not (isinstance(of, Quantity) and of.role == "C"):
            self.fail("∇_X must be applied to the cost C", tok)
        return Nabla(wrt, of)

    def sum_(self):
        tok = self.expect("sum")
        self._enter()  # a sum's body is read recursively: it counts as a level of nesting
        try:
            return self._sum_rest(tok)
        finally:
            self._leave()

    def _sum_rest(self, tok: Token):
        var, lower, upper = None, None, None
        for _ in range(2):
            if self.at("_") and var is None:
                self.next()
                raw = self.script()
                text = "".join(raw)
                ranged = re.fullmatch(r"([A-Za-z])=(\d+),?(?:\\[lc]?dots|\.\.\.?),?(.+)", text)
                if len(raw) == 1 and raw[0].isalpha():
                    var = raw[0]
                elif len(raw) == 3 and raw[0].isalpha() and raw[1] == "=" and raw[2].isdigit():
                    var, lower = raw[0], int(raw[2])
                elif ranged and upper is None:  # \sum_{k=1, \dots, n^{[l]}}: the range in the subscript
                    var, lower, upper = ranged.group(1), int(ranged.group(2)), _size([ranged.group(3)], tok, self)
                else:
                    self.fail("a sum's subscript must be an index like k or k=1", tok)
            elif self.at("^") and upper is None:
                stok = self.next()
                raw = self.script()
                # \sum_{k=1}^{2}: a number for the bound, the sum written out (``numericsums``, rv48 D6)
                upper = int("".join(raw)) if "".join(raw).isdigit() else _size(raw, stok, self)
        body = self.product()
        if isinstance(upper, int):
            if var is None:
                self.fail("a sum with a number for its bound needs its index (\\sum_{k=1}^{2})", tok)
            try:
                return written_out(var, 1 if lower is None else lower, upper, body)
            except ValueError as exc:
                self.fail(str(exc), tok)
        return Sum(var, lower, upper, body)


def _last_neuron(entry, notation=None):
    """In ``(σ'(z^L_1), ⋮, σ'(z^L_n))`` the bare ``n`` is the size of z^L's layer (n_L); in ``(Σ_k w^l_{1k} a_k, ⋮,
    Σ_k w^l_{nk} a_k)`` it is the size of the layer its place in the weight runs over (rv52 A5: read as a free
    index, n = 1, it made the column one entry long and the definition of w^l a^{l-1} "refuted")."""
    from .nodes import Index, Layer, rebuild

    n = Index("n")

    def fix(node):
        if not isinstance(node, Quantity) or node.layer is None:
            return None
        if node.indices == (n,):
            return Quantity(node.role, node.base, node.layer, (Index(size=node.layer),), node.sep)
        if node.role in ("w", "W") and notation is not None and len(node.indices) == 2 and node.indices.count(n) == 1:
            to = node.layer.offset + notation.weight_layer_offset
            receiving = node.indices.index(n) == (0 if notation.weight_order == "to,from" else 1)
            size = Index(size=Layer(node.layer.var, to if receiving else to - 1, node.layer.brackets))
            indices = tuple(size if i == n else i for i in node.indices)
            return Quantity(node.role, node.base, node.layer, indices, node.sep)
        return None

    return rebuild(entry, fix)
