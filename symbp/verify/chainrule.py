r"""The chain rule written in function letters: ∂f/∂x = Σ_i ∂f/∂g_i · ∂g_i/∂x.

Notes state the chain rule before they use it, in letters that are no network
quantity: ``\frac{\partial f}{\partial x} = \frac{\partial f}{\partial g} \cdot
\frac{\partial g}{\partial x}`` or, for many variables, ``\frac{\partial f}{\partial x}
= \sum_i \frac{\partial f}{\partial g_i} \cdot \frac{\partial g_i}{\partial x}``. Such a
formula is read as the textbook reads it: f is an arbitrary differentiable function
of the inner functions (the letters it is differentiated by on the right, g or
g_1, …, g_m), and each inner function one of x. Both sides are built from SymPy's
undefined functions and compared exactly for m = 1, 2, 3 (a sum over i runs over
all m inner functions); a formula that differs is refuted with concrete functions
at a point. Only derivatives (∂X/∂Y of two letters), products (· or side by
side), a sum over the inner index, ``+`` and ``-`` are read; anything else is
not this kind of formula (``None``). Nothing is evaluated: the tree is built from
tokens with constructors.

>>> chain_rule(r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial g} \cdot \frac{\partial g}{\partial x}")[0]
'holds'
>>> chain_rule(r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial g} + \frac{\partial g}{\partial x}")[0]
'refuted'
"""

from __future__ import annotations

import sympy

from .lexer import Token, _tokenize
from .rendered import as_rendered

#: Letters that name functions in a chain rule (outer f, inner g, h) and the variable x.
_OUTER, _INNER, _VARIABLE = "f", "gh", "x"
#: The numbers of inner functions checked.
_WIDTHS = (1, 2, 3)


class _Skip(Exception):
    """Not a chain rule in function letters."""


def chain_rule(formula: str) -> tuple[str, str] | None:
    """('holds' | 'refuted', why) for a chain rule written in function letters, else None."""
    try:
        toks = [t for t in as_rendered(_tokenize(formula)) if not (t.kind == "macro" and t.text in _SPACES)]
    except Exception:  # the main reader reports what cannot be tokenized
        return None
    try:
        sides = _Parser(toks).equation()
    except _Skip:
        return None
    inner = {name for side in sides for name in _names(side) if name[0] in _INNER}
    if {name[0] for name in inner} - {"g"} or not inner:
        return None  # one inner letter, g or g_i, as the notes write it
    indexed = {name[1] for name in inner}
    if len(indexed) != 1:
        return None
    index = indexed.pop()
    widths = (1,) if index is None else _WIDTHS
    for m in widths:
        try:
            lhs, rhs = (_value(side, m, index) for side in sides)
        except _Skip:
            return None  # g_i outside a sum over i, ∂x/∂f: not the chain rule's form
        if sympy.simplify((lhs - rhs).doit()) != 0:
            where = "f(g(x))" if index is None else ("f(g_1(x))" if m == 1 else f"f(g_1(x), …, g_{m}(x))")
            return "refuted", f"with f and g arbitrary, the sides differ for {where}: {_counterexample(lhs, rhs, m)}"
    where = "f(g(x))" if index is None else "f(g_1(x), …, g_m(x)) for m = 1, 2, 3"
    return "holds", f"the chain rule: with f and g arbitrary differentiable functions, both sides agree for {where}"


_SPACES = {"\\,", "\\;", "\\!", "\\ ", "\\:", "quad", "qquad", "left", "right", "displaystyle"}


class _Parser:
    """Sides of ``D = D'`` where each side is a sum of products of ∂X/∂Y (and Σ_i of such)."""

    def __init__(self, toks: list[Token]):
        self.toks, self.i = toks, 0

    def peek(self) -> Token:
        if self.i >= len(self.toks):
            raise _Skip  # the text ended early ('{'): the main reader says why it cannot be read
        return self.toks[self.i]

    def take(self, kind: str, text: str | None = None) -> Token:
        t = self.peek()
        if t.kind != kind or (text is not None and t.text != text):
            raise _Skip
        self.i += 1
        return t

    def at(self, kind: str, text: str) -> bool:
        t = self.peek()
        return t.kind == kind and t.text == text

    def equation(self) -> list:
        sides = [self.expression()]
        while self.at("char", "="):
            self.i += 1
            sides.append(self.expression())
        self.take("end")
        if len(sides) < 2:
            raise _Skip
        return sides

    def expression(self):
        terms = [(1, self.term())]
        while self.at("char", "+") or self.at("char", "-"):
            sign = 1 if self.take("char").text == "+" else -1
            terms.append((sign, self.term()))
        return ("add", terms)

    def term(self):
        if self.at("macro", "sum"):
            self.i += 1
            var = None
            if self.at("char", "_"):
                self.i += 1
                var = self._script_letter()
            if self.at("char", "^"):
                raise _Skip  # a bound: the inner functions are all of them, unbounded
            return ("sum", var, self.term())
        factors = [self.derivative()]
        while True:
            if self.at("macro", "cdot"):
                self.i += 1
                factors.append(self.derivative())
            elif self.at("macro", "frac"):
                factors.append(self.derivative())
            else:
                return ("mul", factors)

    def derivative(self):
        self.take("macro", "frac")
        self.take("char", "{")
        self.take("macro", "partial")
        num = self.name()
        self.take("char", "}")
        self.take("char", "{")
        self.take("macro", "partial")
        den = self.name()
        self.take("char", "}")
        return ("d", num, den)

    def name(self) -> tuple:
        t = self.take("char")
        if t.text not in _OUTER + _INNER + _VARIABLE:
            raise _Skip
        index = None
        if self.at("char", "_"):
            self.i += 1
            index = self._script_letter()
        return (t.text, index)

    def _script_letter(self) -> str:
        if self.at("char", "{"):
            self.i += 1
            t = self.take("char")
            self.take("char", "}")
        else:
            t = self.take("char")
        if not (len(t.text) == 1 and t.text.isalpha()):
            raise _Skip
        return t.text


def _names(node) -> list:
    kind = node[0]
    if kind == "add":
        return [n for _, t in node[1] for n in _names(t)]
    if kind == "sum":
        return _names(node[2])
    if kind == "mul":
        return [n for f in node[1] for n in _names(f)]
    return [node[1], node[2]]


def _value(node, m: int, index: str | None, bound: dict | None = None):
    """The SymPy value of a side when f takes m inner functions (``bound``: the sum's index value)."""
    bound = bound or {}
    kind = node[0]
    if kind == "add":
        return sympy.Add(*[sign * _value(t, m, index, bound) for sign, t in node[1]])
    if kind == "sum":
        if node[1] != index:
            raise _Skip
        return sympy.Add(*[_value(node[2], m, index, {**bound, index: i}) for i in range(1, m + 1)])
    if kind == "mul":
        return sympy.Mul(*[_value(f, m, index, bound) for f in node[1]])
    return _derivative(node[1], node[2], m, index, bound)


def _derivative(num: tuple, den: tuple, m: int, index: str | None, bound: dict):
    x = sympy.Symbol("x")
    us = sympy.symbols(f"u1:{m + 1}")
    inner = [sympy.Function(f"g_{i}")(x) for i in range(1, m + 1)]
    outer = sympy.Function("f")(*us)

    def which(name: tuple) -> int:
        if name[1] is None:
            return 1
        if name[1] not in bound:
            raise _Skip  # g_i outside a sum over i: a free index, not read here
        return bound[name[1]]

    composed = outer.subs(dict(zip(us, inner)), simultaneous=True)
    if num[0] == "f" and den[0] == "x":
        return sympy.diff(composed, x)
    if num[0] == "f" and den[0] == "g":
        k = which(den)
        return sympy.diff(outer, us[k - 1]).subs(dict(zip(us, inner)), simultaneous=True)
    if num[0] == "g" and den[0] == "x":
        return sympy.diff(inner[which(num) - 1], x)
    if num == den:
        return sympy.Integer(1)
    raise _Skip  # ∂x/∂f, ∂g/∂f: not the chain rule's derivatives


def _counterexample(lhs, rhs, m: int) -> str:
    """The two sides with concrete functions put in, at x = 1/2 (exact)."""
    x = sympy.Symbol("x")
    us = sympy.symbols(f"u1:{m + 1}")
    concrete_f = sympy.Lambda(us, sum((k + 1) * u ** (k + 2) for k, u in enumerate(us)))
    concrete = {sympy.Function("f"): concrete_f}
    for i in range(1, m + 1):
        concrete[sympy.Function(f"g_{i}")] = sympy.Lambda(x, x ** (i + 1) + i)
    f_text = " + ".join(f"{k + 1}·u_{k + 1}^{k + 2}" for k in range(m))
    g_text = ", ".join(f"g_{i}(x) = x^{i + 1} + {i}" for i in range(1, m + 1))
    left_x, right_x = lhs.subs(concrete).doit(), rhs.subs(concrete).doit()
    for point in (sympy.Rational(1, 2), sympy.Rational(1, 3), sympy.Integer(2), sympy.Integer(3)):
        left, right = sympy.nsimplify(left_x.subs(x, point)), sympy.nsimplify(right_x.subs(x, point))
        if left != right:
            return f"with f(u) = {f_text}, {g_text}, at x = {point} the left side is {left} and the right side {right}"
    return f"the difference of the two sides is {sympy.simplify(lhs - rhs)}, not 0"
