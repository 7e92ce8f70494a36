r"""The value of a layer formula's right side on one concrete layer, in the run's field.

``layer_check`` gives the formula its meaning (which array each symbol names,
which indices are free); the evaluator here walks the tree of ``layer_nodes``
at one assignment of the free indices: a symbol is its array's entry or
slice (``Arr``, vectors as columns; entries outside the range are 0), sums
run over the index's range, products multiply matrices or entries, ``\odot``
multiplies entrywise with a column broadcast against a matrix. A symbol or
index that does not fit the layer is ``Uninterpretable``, naming it.

>>> Arr(2, 1, {(1, 1): 3, (2, 1): 4}).T()
Arr(rows=1, cols=2, entries={(1, 1): 3, (1, 2): 4})
>>> _index(IOp("+", Var("t"), INum(1)), {"t": 2}, {})
3
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from ..errors import SymbpError
from ..layers.identity import CannotForm
from .layer_nodes import Add, Call, Deriv, Div, INum, IOp, Mul, Pow, Sqrt, Sum, Sym, Transpose, Var


#: The RNN's arrays with a row per step (x_t^T is row t of x); with ``columns`` set on the meaning, a whole one is
#: read with the steps as columns instead (X = [x_1 … x_T]), only to tell a formula written in that layout apart.
STEP_ARRAYS = ("x", "g", "h", "a", "delta", "dphi")


class Uninterpretable(SymbpError, ValueError):
    """A readable formula whose symbols or indices do not fit the layer."""



@dataclass(frozen=True)
class Arr:
    """A matrix of field elements; vectors are columns (n × 1)."""

    rows: int
    cols: int
    entries: dict  # (r, c) -> element, 1-based

    def T(self) -> "Arr":
        return Arr(self.cols, self.rows, {(c, r): x for (r, c), x in self.entries.items()})



def _ranges(idxs: list) -> list:
    if not idxs or idxs[0] == ():
        return []
    return [(min(i[d] for i in idxs), max(i[d] for i in idxs)) for d in range(len(idxs[0]))]



def _index(e, env: dict, consts: dict) -> int:
    if isinstance(e, INum):
        return e.value
    if isinstance(e, Var):
        if e.name in env:
            return env[e.name]
        if e.name in consts:
            return consts[e.name]
        if e.name == "•":
            raise Uninterpretable("an index the textbooks leave out (the feature of batch norm, the sample of layer norm) "
                                  "is left out on the right side but named on the left: name it on both sides or on neither")
        raise Uninterpretable(f"the index {e.name} is free on the right side but not on the left (sum over it, or name it on the left)")
    a, b = _index(e.a, env, consts), _index(e.b, env, consts)
    return a + b if e.op == "+" else a - b if e.op == "-" else a * b


def _show(sym: Sym) -> str:
    name = {"gamma": "γ", "beta": "β", "mu": "μ", "sigma^2": "σ²", "epsilon": "ε", "delta": "δ"}.get(sym.name, sym.name)
    return ("x̂" if sym.accent == "hat" and name == "x" else f"{sym.accent} {name}".strip()) + ("_{…}" if sym.sub else "")


class _Evaluator:
    """The right side's value at one assignment of the free indices, in the run's field."""

    # ``meaning`` is layer_check's reading of the formula: its kind, array_name and subscripts.
    def __init__(self, meaning, v, arrays: dict, consts: dict):
        self.m, self.v, self.arrays, self.consts = meaning, v, arrays, consts
        self.field = v.field

    def value(self, node, env: dict):
        f = getattr(self, "_" + type(node).__name__)
        return f(node, env)

    def _Num(self, node, env):
        return self.v.const(node.value)

    def _Sym(self, node: Sym, env):
        if not node.accent and node.name in self.consts and not node.sub:
            return self.v.const(self.consts[node.name])
        if not node.accent and node.name in ("delta",) and self.m.kind == "rnn":
            return self._lookup("delta", node, env)
        return self._lookup(self.m.array_name(node), node, env)

    def _lookup(self, name: str, node: Sym, env):
        if name not in self.arrays:
            raise Uninterpretable(f"{_show(node)} is not part of this layer")
        table = self.arrays[name]
        keys = list(table)
        rank = len(keys[0]) if keys else 0
        sub = self.m.subscripts(node, name, rank)
        fixed = tuple(_index(e, env, self.consts) for e in sub)
        if len(fixed) == rank:
            return table.get(fixed, self.v.zero) if rank else table[()]
        ranges = _ranges([k for k in keys if k[: len(fixed)] == fixed]) or _ranges(keys)
        rest = ranges[len(fixed):]
        if len(rest) > 2:
            raise Uninterpretable(f"{_show(node)} is an array of {len(rest)} dimensions here; give more indices")
        rows = rest[0][1] - rest[0][0] + 1
        cols = rest[1][1] - rest[1][0] + 1 if len(rest) > 1 else 1
        entries = {}
        for r in range(rows):
            for c in range(cols):
                key = fixed + (rest[0][0] + r,) + ((rest[1][0] + c,) if len(rest) > 1 else ())
                entries[(r + 1, c + 1)] = table.get(key, self.v.zero)
        if not fixed and name in STEP_ARRAYS and getattr(self.m, "columns", False):
            return Arr(rows, cols, entries).T()
        return Arr(rows, cols, entries)

    def _Add(self, node: Add, env):
        total = None
        for sign, term in node.terms:
            x = self.value(term, env)
            x = x if sign > 0 else self._scale(x, -1)
            total = x if total is None else self._plus(total, x)
        return total

    def _plus(self, a, b):
        if isinstance(a, Arr) or isinstance(b, Arr):
            # a number added to an array is added to every entry, as in the MLP reader (``p ⊙ (g − Σ_j p_j g_j)``,
            # the catalogue's own softmax backward with ⟨g, p⟩ written as a sum: rv54 F2, refuted before)
            a = a if isinstance(a, Arr) else Arr(b.rows, b.cols, {k: a for k in b.entries})
            b = b if isinstance(b, Arr) else Arr(a.rows, a.cols, {k: b for k in a.entries})
            a, b = _broadcast(a, b)
            return Arr(a.rows, a.cols, {k: a.entries[k] + b.entries[k] for k in a.entries})
        return a + b

    def _scale(self, x, s):
        if isinstance(x, Arr):
            return Arr(x.rows, x.cols, {k: e * s for k, e in x.entries.items()})
        return x * s

    def _Mul(self, node: Mul, env):
        a, b = self.value(node.a, env), self.value(node.b, env)
        if node.op == "odot":
            if not (isinstance(a, Arr) and isinstance(b, Arr)):
                return self._times(a, b)
            a, b = _broadcast(a, b)
            return Arr(a.rows, a.cols, {k: a.entries[k] * b.entries[k] for k in a.entries})
        return self._times(a, b)

    def _times(self, a, b):
        if isinstance(a, Arr) and isinstance(b, Arr):
            if a.cols != b.rows and (1, 1) in ((a.rows, a.cols), (b.rows, b.cols)):
                # a 1×1 matrix that does not fit is a number, as in the core verifier (values.multiply): (p^T g) p
                number, m = (a.entries[(1, 1)], b) if (a.rows, a.cols) == (1, 1) else (b.entries[(1, 1)], a)
                return self._scale(m, number)
            if a.cols != b.rows:
                raise CannotForm(f"a {a.rows}×{a.cols} matrix times a {b.rows}×{b.cols} matrix")
            return Arr(a.rows, b.cols, {(r, c): self.v.total(a.entries[(r, k)] * b.entries[(k, c)] for k in range(1, a.cols + 1))
                                        for r in range(1, a.rows + 1) for c in range(1, b.cols + 1)})
        if isinstance(a, Arr):
            return self._scale(a, b)
        if isinstance(b, Arr):
            return self._scale(b, a)
        return a * b

    def _Div(self, node: Div, env):
        a, b = self.value(node.a, env), self.value(node.b, env)
        if isinstance(b, Arr):
            raise CannotForm("a division by an array")
        if self.field.is_zero(b):
            raise Uninterpretable("a division by zero")
        return self._scale(a, self._inverse(b))

    def _inverse(self, b):
        if isinstance(b, (int, Fraction)):
            return 1 / Fraction(b)
        # 1/(1 − p), 1/Σ e^z, 1/(σ² + ε): the forward pass's own atoms where they are meant
        inverse = self.field.inverse_of(b) if hasattr(self.field, "inverse_of") else None
        return inverse if inverse is not None else 1 / b

    def _Pow(self, node: Pow, env):
        base = self.value(node.base, env)
        e = node.exp
        if e.denominator == 2:
            base = self._root(base)
            e = e * 2
        if e.denominator != 1:
            raise Uninterpretable(f"a power {e} is read only for halves and whole numbers")
        n = int(e)
        if isinstance(base, Arr):  # elementwise, as h_t^2 in 1 − h_t^2
            return Arr(base.rows, base.cols, {k: self._power(x, n) for k, x in base.entries.items()})
        return self._power(base, n)

    def _power(self, x, n: int):
        out = self.v.const(1)
        for _ in range(abs(n)):
            out = out * x
        if n >= 0:
            return out
        if self.field.is_zero(out):
            raise Uninterpretable("a negative power of zero")
        return self._inverse(out)  # m^{-1} as 1/m (1 / a field element was a TypeError)

    def _Sqrt(self, node: Sqrt, env):
        return self._root(self.value(node.arg, env))

    def _root(self, x):
        if isinstance(x, Arr):
            raise Uninterpretable("a square root of an array")
        if isinstance(x, (int, Fraction)) or (hasattr(x, "terms") and set(x.terms) <= {()}):
            q = Fraction(x if isinstance(x, (int, Fraction)) else x.terms.get((), 0))
            if q.denominator == 1 and q > 0:
                return 1 / self.v.inv_sqrt_const(int(q))
        root = self.field.root_of(x)
        eps = self.arrays.get("eps", {}).get(())
        if root is None and eps is not None and hasattr(self.field, "sqrt_atom") \
                and self.field.root_of(x + eps) is not None:
            # √σ² where the forward pass takes √(σ² + ε): a root of its own (an atom, independent of the others, so
            # a difference that vanishes is still a proof); a counterexample, at a point with ε > 0, refutes it
            self.m.missing_eps = True
            return self.field.sqrt_atom(x)
        if root is None:
            raise Uninterpretable("a square root is read only of σ² + ε (the forward pass's) or of a whole number such as d")
        return root

    def _Transpose(self, node: Transpose, env):
        x = self.value(node.base, env)
        return x.T() if isinstance(x, Arr) else x

    def _Sum(self, node: Sum, env):
        spans = []
        for n, letter in enumerate(node.index):
            if node.lo is not None or node.hi is not None:
                lo = _index(node.lo, env, self.consts) if node.lo is not None else 1
                hi = _index(node.hi, env, self.consts) if node.hi is not None else self._range(letter, node.body)[1]
                spans.append(range(lo, hi + 1))
            else:
                lo, hi = self._range(letter, node.body)
                spans.append(range(lo, hi + 1))
        total = None
        for values in product(*spans):
            x = self.value(node.body, dict(env, **dict(zip(node.index, values))))
            total = x if total is None else self._plus(total, x)
        return total if total is not None else self.v.zero

    def _range(self, letter: str, body) -> tuple:
        found = []
        for sym in _symbols(body):
            name = self._name_of(sym)
            if name is None or name not in self.arrays:
                continue
            keys = list(self.arrays[name])
            rank = len(keys[0]) if keys else 0
            for pos, e in enumerate(self.m.subscripts(sym, name, rank)):
                if isinstance(e, Var) and e.name == letter:
                    found.append(_ranges(keys)[pos])
        if not found:
            raise Uninterpretable(f"cannot tell the range of the summation index {letter}: write \\sum_{{{letter}=1}}^{{…}}")
        lo, hi = max(f[0] for f in found), min(f[1] for f in found)
        if any(f != (lo, hi) for f in found) and self.m.kind not in ("rnn",):
            raise Uninterpretable(f"the summation index {letter} ranges over different lengths in different arrays")
        return lo, hi

    def _name_of(self, sym: Sym):
        if sym.name == "delta" and self.m.kind == "rnn":
            return "delta"
        if sym.name in self.consts and not sym.sub:
            return None
        return self.m.array_name(sym)

    def _Call(self, node: Call, env):
        if node.fname == "varphi'":
            arg = node.arg
            if not (self.m.kind == "rnn" and isinstance(arg, Sym) and arg.name == "a"):
                raise Uninterpretable("φ'(·) is read only as φ'(a_t), the RNN's activation derivative")
            return self._lookup("dphi", arg, env)
        if node.fname == "rowsum":
            x = self.value(node.arg, env)
            if not isinstance(x, Arr):
                raise CannotForm("rowsum of a number")
            return Arr(x.rows, 1, {(r, 1): self.v.total(x.entries[(r, c)] for c in range(1, x.cols + 1)) for r in range(1, x.rows + 1)})
        if node.fname == "diag":  # a column's entries on the diagonal of a square matrix (softmax's diag(p) − p pᵀ)
            x = self.value(node.arg, env)
            if not isinstance(x, Arr) or x.cols != 1:
                raise CannotForm("diag(·) of something that is not a column vector")
            n = x.rows
            return Arr(n, n, {(r, c): x.entries[(r, 1)] if r == c else self.v.zero
                              for r in range(1, n + 1) for c in range(1, n + 1)})
        raise Uninterpretable(f"unknown function {node.fname}")

    def _Deriv(self, node: Deriv, env):
        if self.m.kind == "residual" and node.num is not None and node.num.name == "F" and node.of.name == "x":
            i = _index(node.num.sub[0], env, self.consts)
            k = _index(node.of.sub[0], env, self.consts)
            return self.arrays["J"].get((i, k), self.v.zero)
        raise Uninterpretable("a derivative on the right side is read only as ∂F_i/∂x_k (the residual block's Jacobian)")


def _broadcast(a: Arr, b: Arr) -> tuple:
    # (n × 1) against (n × m): the column is repeated, as rowsum(…) is in attention's dS.
    if (a.rows, a.cols) == (b.rows, b.cols):
        return a, b
    if a.rows == b.rows and a.cols == 1:
        return Arr(b.rows, b.cols, {(r, c): a.entries[(r, 1)] for r, c in b.entries}), b
    if a.rows == b.rows and b.cols == 1:
        return a, Arr(a.rows, a.cols, {(r, c): b.entries[(r, 1)] for r, c in a.entries})
    # a 1×1 product beside an array is a number (``(p^T g)``: docs/layers.md); a row against a matrix of as many
    # columns is repeated down it (the transpose of the column case: rv54 F2, dK of attention written out)
    if (a.rows, a.cols) == (1, 1):
        return Arr(b.rows, b.cols, {k: a.entries[(1, 1)] for k in b.entries}), b
    if (b.rows, b.cols) == (1, 1):
        return a, Arr(a.rows, a.cols, {k: b.entries[(1, 1)] for k in a.entries})
    if a.cols == b.cols and a.rows == 1:
        return Arr(b.rows, b.cols, {(r, c): a.entries[(1, c)] for r, c in b.entries}), b
    if a.cols == b.cols and b.rows == 1:
        return a, Arr(a.rows, a.cols, {(r, c): b.entries[(1, c)] for r, c in a.entries})
    raise CannotForm(f"a {a.rows}×{a.cols} array and a {b.rows}×{b.cols} array do not fit")


def _symbols(node):
    if isinstance(node, Sym):
        yield node
    for attr in ("a", "b", "base", "arg", "body"):
        child = getattr(node, attr, None)
        if child is not None and not isinstance(child, (Var, INum, IOp)):
            yield from _symbols(child)
    for _, term in getattr(node, "terms", ()):
        yield from _symbols(term)
