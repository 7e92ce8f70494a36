r"""Values in the notes' own terms: entries as SymPy symbols, generic functions as keyed atoms.

Every entry of every quantity of the notes (x_1, w_{12}, g_3, L) is a *node*
with a SymPy symbol. A node is a leaf (an input or a parameter) or has a
one-level definition in other nodes' symbols. A function the notes never
define (h in z = h(y), L in L = L(y_1, y_2)) stays generic: its value and each
first partial derivative at a point are independent symbols (*atoms*), keyed
by the function and the fully expanded point, so the same quantity reached by
two paths is the same atom. An identity that reduces to 0 in these atoms holds
for every differentiable choice of the generic functions.

>>> import sympy
>>> reg = Atoms()
>>> x = sympy.Symbol("x")
>>> reg.value("h", (x,)) == reg.value("h", (x,)), reg.value("h", (x,)) == reg.value("h", (x + 1,))
(True, False)
"""

from __future__ import annotations

import sympy

#: Stand-ins for generic functions in counterexamples: h(t) = t + t²/2 + t³/6 (one argument) and, for
#: several, the sum of those of each argument plus half the product of the first two (not separable).
_T = sympy.Symbol("t")


def stand_in(args: tuple) -> sympy.Expr:
    """The stand-in of a generic function at ``args`` (SymPy numbers or expressions)."""
    total = sum((a + a**2 / 2 + a**3 / 6 for a in args), sympy.Integer(0))
    if len(args) >= 2:
        total += args[0] * args[1] / 2
    return total


STAND_IN_TEXT = "generic functions replaced by f(t) = t + t²/2 + t³/6 (several arguments: the sum of those " \
                "plus half the product of the first two)"


class Atoms:
    """The registry of generic-function atoms: f(point) and ∂_k f(point), one symbol per key."""

    def __init__(self):
        self.by_key: dict = {}
        self.keys: dict = {}  # symbol -> key

    def _atom(self, key: tuple, label: str) -> sympy.Symbol:
        if key not in self.by_key:
            s = sympy.Symbol(f"{label}#{len(self.by_key)}", real=True)
            self.by_key[key] = s
            self.keys[s] = key
        return self.by_key[key]

    def value(self, func: str, point: tuple) -> sympy.Symbol:
        point = tuple(sympy.expand(p) for p in point)
        return self._atom(("v", func, point), f"{func}")

    def partial(self, func: str, k: int, point: tuple) -> sympy.Symbol:
        point = tuple(sympy.expand(p) for p in point)
        return self._atom(("d", func, k, point), f"d{k}{func}")

    def substitute(self, expr, repl: dict):
        """``expr`` with the leaves of ``repl`` replaced, inside the atoms' points too (f(x_1) at x_1 = 0 is f(0))."""
        expr = sympy.sympify(expr)
        swap = {}
        for s in expr.free_symbols:
            if s in self.keys:
                key = self.keys[s]
                point = tuple(self.substitute(a, repl) for a in key[-1])
                if point != key[-1]:
                    swap[s] = self.value(key[1], point) if key[0] == "v" else self.partial(key[1], key[2], point)
        return sympy.expand(expr.xreplace({**swap, **repl}))

    def is_atom(self, s) -> bool:
        return s in self.keys

    def leaves(self, expr) -> set:
        """The symbols of ``expr`` that are not atoms, looking inside the atoms' points too."""
        out, todo = set(), list(sympy.sympify(expr).free_symbols)
        seen = set()
        while todo:
            s = todo.pop()
            if s in seen:
                continue
            seen.add(s)
            if s in self.keys:
                for a in self.keys[s][-1]:
                    todo.extend(sympy.sympify(a).free_symbols)
            else:
                out.add(s)
        return out

    def numeric(self, expr: sympy.Expr, point: dict) -> sympy.Expr:
        """``expr`` at an exact point: leaves from ``point``, atoms through the stand-ins."""
        memo: dict = {}

        def value_of(sym):
            if sym in memo:
                return memo[sym]
            if sym in self.keys:
                key = self.keys[sym]
                args = tuple(evaluate(a) for a in key[-1])
                if key[0] == "v":
                    out = stand_in(args)
                else:
                    ts = sympy.symbols(f"t0:{len(args)}")
                    out = sympy.diff(stand_in(ts), ts[key[2]]).subs(dict(zip(ts, args)))
            else:
                out = point[sym]
            memo[sym] = out
            return out

        def evaluate(e):
            e = sympy.sympify(e)
            return e.xreplace({s: value_of(s) for s in e.free_symbols})

        return evaluate(expr)
