r"""Checking a formula about a layer: what its symbols mean, its value on concrete layers, the verdict.

``symbp verify --layer KIND FORMULA`` reads the formula (``layer_reader``) in
the notation of the layer documents (``docs/layers.md``): x̂, μ, σ², γ, β, ε,
m for batch norm (n for layer norm); w_{c,k,i,j}, x̃, g, b, s, P for
convolution; h_t, a_t, δ_t, W_hh, W_xh, φ'(a_t), T for the RNN; Q, K, V, G,
P, S, d for attention; z, p, y for softmax. A symbol without an index is the
whole vector or matrix (x_t, W_hh, P); with fewer indices than it has, a
slice; batch norm's feature index (layer norm's sample index) may be left
out, as the textbooks do, and then ranges over every feature (sample).
Entries outside an array's range are 0 (the zero padding of convolution
formulas; δ_{T+1} = 0). δ_t, and every other symbol, means the true
quantity (δ_t = ∂L/∂a_t by differentiation), as in the core verifier.

The formula becomes a ``LayerIdentity`` whose claim evaluates the right side,
and is proved with ``symbp.layers``'s prover on the layer's catalogue shapes:
``holds`` when it is proved exactly on all of them, ``refuted`` with a
counterexample confirmed by the independent oracle, otherwise ``undecided``.

>>> verify_layer("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{1-p}").status
'holds'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

from ..certificate import Certificate, Counterexample
from ..errors import SymbpError
from ..layers import catalogue as layer_catalogue
from ..layers.identity import CannotForm, LayerIdentity
from ..prove import prove
from .layer_lexer import LayerReadError
from .layer_nodes import Add, Call, Deriv, Div, INum, IOp, Mul, Pow, Sqrt, Sum, Sym, Transpose, Var
from .layer_reader import read_layer_formula

#: The shapes a formula is checked on, where they differ from the catalogue's: for 2-D convolution
#: a square stride-2 shape too, so that a formula written with one s (or P) is checked with stride > 1.
FAMILY = {
    "conv2d": layer_catalogue.SHAPES["conv2d"] + ("in_channels=2,out_channels=2,kernel=3,stride=2,padding=1,input=5x5",),
}

STATUS_EXIT = {"holds": 0, "refuted": 1, "unreadable": 2, "uninterpretable": 2, "undecided": 3}


class Uninterpretable(SymbpError, ValueError):
    """A readable formula whose symbols or indices do not fit the layer."""


class NotOnThisShape(Uninterpretable):
    """A formula that has no meaning on one shape of the family (s when the strides differ by dimension)."""


_NORM = {"x": "x", "g": "g", "y": "y", "hat x": "xhat", "gamma": "gamma", "beta": "beta", "mu": "mu", "sigma^2": "var",
         "epsilon": "eps"}
_CONV = {"x": "x", "tilde x": "xpad", "w": "w", "g": "g", "b": "b", "y": "y"}

#: Each layer kind's notation: its symbols (LaTeX name -> the layer's array), its constants, the
#: index the textbooks leave out (and where it goes in each array), what ∂L/∂(symbol) differentiates.
NOTATIONS = {
    "batchnorm": dict(symbols=_NORM, constants={"m": lambda s: s.batch}, implicit=("feature", {"x": 1, "g": 1, "y": 1, "xhat": 1,
                      "gamma": 0, "beta": 0, "mu": 0, "var": 0})),
    "layernorm": dict(symbols=_NORM, constants={"n": lambda s: s.features}, implicit=("sample", {"x": 0, "g": 0, "y": 0, "xhat": 0,
                      "mu": 0, "var": 0})),
    "conv1d": dict(symbols=_CONV, constants={"s": lambda s: s.stride[0], "P": lambda s: s.padding[0]}),
    "conv2d": dict(symbols=_CONV, constants={
        "s": lambda s: _same(s.stride, "s"), "P": lambda s: _same(s.padding, "P"), "s_h": lambda s: s.stride[0],
        "s_w": lambda s: s.stride[1], "P_h": lambda s: s.padding[0], "P_w": lambda s: s.padding[1]}),
    "rnn": dict(symbols={"x": "x", "g": "g", "h": "h", "a": "a", "delta": "delta", "W_hh": "W_hh", "W_xh": "W_xh", "b": "b"},
                constants={"T": lambda s: s.steps}),
    "attention": dict(symbols={"Q": "Q", "K": "K", "V": "V", "G": "g", "g": "g", "P": "P", "S": "S", "O": "y"},
                      constants={"d": lambda s: s.dim}),
    "softmax": dict(symbols={"z": "z", "g": "g", "p": "p"}, constants={}),
    "softmax-ce": dict(symbols={"z": "z", "p": "p", "y": "t"}, constants={}),
    "dropout": dict(symbols={"x": "x", "g": "g", "r": "r", "p": "p", "y": "y"}, constants={}),
    "residual": dict(symbols={"x": "x", "g": "g", "y": "y"}, constants={}),
}


def _same(pair: tuple, letter: str) -> int:
    if pair[0] != pair[1]:
        raise NotOnThisShape(f"{letter} differs by dimension on this shape; write {letter}_h and {letter}_w")
    return pair[0]


@dataclass(frozen=True)
class Arr:
    """A matrix of field elements; vectors are columns (n × 1)."""

    rows: int
    cols: int
    entries: dict  # (r, c) -> element, 1-based

    def T(self) -> "Arr":
        return Arr(self.cols, self.rows, {(c, r): x for (r, c), x in self.entries.items()})


@dataclass(frozen=True)
class LayerVerification:
    """What ``verify_layer`` found: the status, the reason, the certificates per shape, a counterexample."""

    formula: str
    layer: str
    status: str
    reason: str = ""
    certificates: tuple = ()
    counterexample: "Counterexample | None" = None
    oracle: str = ""
    read_as: str = ""
    details: dict = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return STATUS_EXIT[self.status]

    def to_dict(self) -> dict:
        return {"formula": self.formula, "layer": self.layer, "status": self.status, "reason": self.reason,
                "read_as": self.read_as, "oracle": self.oracle,
                "certificates": [c.to_dict() for c in self.certificates],
                "counterexample": None if self.counterexample is None else self.certificates[-1].to_dict()["counterexample"]}


# -- the meaning of the formula on one layer ----------------------------------------------------


class _Meaning:
    def __init__(self, kind: str, lhs, rhs):
        if kind not in NOTATIONS:
            readable = ", ".join(NOTATIONS)
            raise Uninterpretable(f"formulas about {kind} are not read (pooling windows have no index notation here); "
                                  f"the layers whose formulas are read: {readable}")
        self.kind = kind
        self.notation = NOTATIONS[kind]
        self.lhs, self.rhs = lhs, rhs
        self.target, self.lhs_sub = self._lhs(lhs)

    # -- symbols
    def array_name(self, sym: Sym) -> str:
        key = f"{sym.accent} {sym.name}".strip()
        name = self.notation["symbols"].get(key)
        if name is None:
            raise Uninterpretable(f"the {self.kind} notation has no symbol {_show(sym)}; it has "
                                  + ", ".join(self.notation["symbols"]))
        return name

    def subscripts(self, sym: Sym, name: str, rank: int) -> tuple:
        sub = tuple(sym.sub or ())
        implicit = self.notation.get("implicit")
        if implicit and name in implicit[1] and len(sub) == rank - 1:
            sub = sub[: implicit[1][name]] + (Var("•"),) + sub[implicit[1][name]:]
        if len(sub) > rank:
            raise Uninterpretable(f"{_show(sym)} has {len(sub)} indices; {name} has {rank}")
        return sub

    def _lhs(self, lhs):
        if isinstance(lhs, Sym) and lhs.name == "delta" and self.kind == "rnn":
            return "a", self.subscripts(lhs, "a", 2)
        if not isinstance(lhs, Deriv) or lhs.num is not None:
            raise Uninterpretable("the left side must be a gradient, ∂L/∂(quantity) (or δ_t for the RNN)")
        sym = lhs.of
        if self.kind == "rnn" and sym.name == "h" and sym.sub == (INum(0),):
            return "h0", ()
        if self.kind == "rnn" and sym.name == "delta":
            raise Uninterpretable("δ_t is ∂L/∂a_t; write δ_t = … or ∂L/∂a_t = …")
        name = self.array_name(sym)
        if name in ("y", "xhat", "mu", "var", "g", "xpad", "P", "p", "t", "dphi"):
            raise Uninterpretable(f"∂L/∂{_show(sym)}: only inputs, parameters{', δ_t' if self.kind == 'rnn' else ''} and the scores S "
                                  "are differentiated by here")
        return name, None

    # -- arrays of one evaluation
    def arrays(self, v) -> dict:
        spec = v.spec
        out = {}
        for latex, name in self.notation["symbols"].items():
            if name == "g":
                out[name] = dict(v.g)
            elif name == "y":
                out[name] = {k: d.value for k, d in v._outputs.items()}
            elif name == "delta":
                out[name] = {k: v.dL("a", k) for k in spec.probe_indices("a")}
            elif name == "xpad":
                big = tuple(n + 2 * p for n, p in zip(spec.input, spec.padding))
                out[name] = {(c, *u): spec.padded(v["x"], c, u, v.zero)
                             for c in range(1, spec.in_channels + 1) for u in product(*(range(1, b + 1) for b in big))}
            else:
                try:
                    out[name] = v[name]
                except KeyError:
                    continue
        if self.kind == "rnn":
            out["dphi"] = v["dphi"]
        if self.kind == "residual":
            out["J"] = v["J"]
        return out

    def wrt(self) -> tuple:
        extra = ("a",) if self.kind == "rnn" and self.target != "a" else ()
        return (self.target,) + extra

    def entries(self, spec) -> list:
        idxs = spec.indices(self.target)
        if self.lhs_sub is None:
            sym = self.lhs.of if isinstance(self.lhs, Deriv) else None
            if sym is None or not sym.sub or self.target == "h0":
                return [(self.target, i) for i in idxs]
            self.lhs_sub = self.subscripts(sym, self.target, len(idxs[0]))
        free = self._free(self.lhs_sub)
        out = []
        for env in self._assignments(free, _ranges(idxs)):
            fixed = [_index(e, env, self.consts(spec)) for e in self.lhs_sub]
            out += [(self.target, i) for i in idxs if tuple(i[: len(fixed)]) == tuple(fixed)]
        return out

    def _free(self, sub) -> list:
        letters = []
        for pos, e in enumerate(sub):
            if isinstance(e, Var) and e.name not in self.notation["constants"]:
                letters.append((e.name, pos))
            elif not isinstance(e, INum) and not _constant_only(e, self.notation["constants"]):
                raise Uninterpretable("an index of the left side must be a letter or a number")
        return letters

    def _assignments(self, free, ranges):
        names = [n for n, _ in free]
        spans = [range(ranges[pos][0], ranges[pos][1] + 1) for _, pos in free]
        for values in product(*spans):
            yield dict(zip(names, values))

    def consts(self, spec) -> "_Constants":
        return _Constants(self.notation["constants"], spec)

    # -- the claim
    def claim(self, v) -> dict:
        spec = v.spec
        arrays = self.arrays(v)
        idxs = spec.indices(self.target)
        rank = len(idxs[0]) if idxs and idxs[0] != () else 0
        sub = self.lhs_sub
        if sub is None:
            sym = self.lhs.of if isinstance(self.lhs, Deriv) else None
            sub = () if sym is None or self.target == "h0" else self.subscripts(sym, self.target, rank)
        free = self._free(sub)
        ranges = _ranges(idxs)
        out = {}
        ev = _Evaluator(self, v, arrays, self.consts(spec))
        for env in self._assignments(free, ranges):
            value = ev.value(self.rhs, env)
            fixed = tuple(_index(e, env, ev.consts) for e in sub)
            rest = [d for d in range(len(fixed), rank)]
            if not rest:
                if isinstance(value, Arr):
                    raise CannotForm(f"the left side is one entry, the right side a {value.rows}×{value.cols} array")
                out[(self.target, fixed)] = value
                continue
            if not isinstance(value, Arr):
                raise CannotForm(f"the left side is a {'vector' if len(rest) == 1 else 'matrix'}, the right side one number")
            spans = [ranges[d] for d in rest]
            shape = (spans[0][1] - spans[0][0] + 1, (spans[1][1] - spans[1][0] + 1) if len(rest) > 1 else 1)
            if len(rest) > 2 or (value.rows, value.cols) != shape:
                raise CannotForm(f"the left side is {shape[0]}×{shape[1]}, the right side {value.rows}×{value.cols}")
            for (r, c), x in value.entries.items():
                pos = (spans[0][0] + r - 1,) + ((spans[1][0] + c - 1,) if len(rest) > 1 else ())
                out[(self.target, fixed + pos)] = x
        return out


class _Constants:
    """The layer's constants (m, T, d, s, P, ...), each computed when a formula uses it."""

    def __init__(self, makers: dict, spec):
        self.makers, self.spec = makers, spec

    def __contains__(self, name) -> bool:
        return name in self.makers

    def __getitem__(self, name):
        return self.makers[name](self.spec)


def _ranges(idxs: list) -> list:
    if not idxs or idxs[0] == ():
        return []
    return [(min(i[d] for i in idxs), max(i[d] for i in idxs)) for d in range(len(idxs[0]))]


def _constant_only(e, constants) -> bool:
    if isinstance(e, INum):
        return True
    if isinstance(e, Var):
        return e.name in constants
    return isinstance(e, IOp) and _constant_only(e.a, constants) and _constant_only(e.b, constants)


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

    def __init__(self, meaning: _Meaning, v, arrays: dict, consts: dict):
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
            if not (isinstance(a, Arr) and isinstance(b, Arr)):
                raise CannotForm("a number added to an array")
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
        if isinstance(b, (int, Fraction)):
            return self._scale(a, 1 / Fraction(b))
        # 1/(1 − p), 1/Σ e^z, 1/(σ² + ε): the forward pass's own atoms where they are meant
        inverse = self.field.inverse_of(b) if hasattr(self.field, "inverse_of") else None
        return self._scale(a, inverse if inverse is not None else 1 / b)

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
        return out if n >= 0 else 1 / out

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


# -- the verdict --------------------------------------------------------------------------------------


def verify_layer(kind: str, formula: str, *, budget: float = 30.0, shapes: "tuple | None" = None) -> LayerVerification:
    """Read ``formula`` about the layer ``kind`` and check it on the layer's catalogue shapes."""
    kind = layer_catalogue.kind(kind).kind  # an unknown kind is bad input (SpecError)
    try:
        lhs, rhs = read_layer_formula(formula)
    except LayerReadError as exc:
        return LayerVerification(formula, kind, "unreadable", reason=str(exc))
    try:
        meaning = _Meaning(kind, lhs, rhs)
    except Uninterpretable as exc:
        return LayerVerification(formula, kind, "uninterpretable", reason=str(exc))
    ident = LayerIdentity(
        name="the formula", kind=kind, title="", statement=formula, source="", wrt=meaning.wrt(), claim=meaning.claim,
        lhs=formula.split("=", 1)[0], entries=meaning.entries,
    )
    certs, skipped = [], []
    for shape in shapes if shapes is not None else FAMILY.get(kind, layer_catalogue.SHAPES[kind]):
        spec = layer_catalogue.layer(kind, shape)
        try:
            cert = prove(ident, spec, method="exact", budget=budget)
        except NotOnThisShape as exc:
            skipped.append(f"not checked on {spec.label()}: {exc}")
            continue
        except Uninterpretable as exc:
            return LayerVerification(formula, kind, "uninterpretable", reason=str(exc), certificates=tuple(certs))
        certs.append(cert)
        if cert.verdict != "proved":
            break
    if not certs:
        return LayerVerification(formula, kind, "uninterpretable", reason="; ".join(skipped))
    result = _verdict(formula, kind, certs)
    if skipped:
        from dataclasses import replace

        result = replace(result, reason=result.reason + " (" + "; ".join(skipped) + ")", details={"not checked": skipped})
    return result


def _verdict(formula: str, kind: str, certs: list) -> LayerVerification:
    labels = [_label(c) for c in certs]
    last = certs[-1]
    if last.verdict == "proved":
        return LayerVerification(formula, kind, "holds", reason=f"proved exactly on {len(certs)} shapes: {'; '.join(labels)}",
                                 certificates=tuple(certs))
    if last.verdict == "refuted":
        return LayerVerification(formula, kind, "refuted", reason=f"on {labels[-1]}: {last.reason}", certificates=tuple(certs),
                                 counterexample=last.counterexample, oracle=last.details.get("oracle", ""))
    return LayerVerification(formula, kind, "undecided", reason=f"on {labels[-1]}: {last.reason}", certificates=tuple(certs))


def _label(cert: Certificate) -> str:
    shape = cert.network.get("shape", {})
    return ", ".join(f"{k}={'x'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in shape.items())
