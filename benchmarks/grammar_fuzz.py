r"""A grammar fuzzer for `symbp verify`: random formulas that carry their own meaning (issue 12, item 7).

Each formula is built from a small grammar of network quantities (δ, a, z, b, w, x, y,
∂C/∂·, ∇C, σ, σ'), transposes, ⊙, sums over an index, sums and differences, layers
written ``l``, ``l±1``, ``L−k`` or as numbers, in Nielsen's, Sokolinsky's or Dyda's
notation, with an elementwise or a softmax output. Built alongside its LaTeX is its
*meaning*: a function that evaluates the formula numerically from the oracle's numbers
(the composed network, numerically differentiated: ``symbp.verify.oracle_values``).
Nothing of the reader, the interpreter or the ground truth is used to decide what a
formula means or whether it is true.

Each formula's truth is then decided depth by depth on networks of depth 2 to 6 (random
sizes, never the verifier's own): every instance at one random point. ``verify``'s verdict
is compared with it:

* UNSOUND: verify says holds (or holds at a depth) where the oracle finds the sides differ;
* FALSE REFUTATION: verify says refuted (or fails at a depth) where the oracle finds every
  instance equal on every network of that depth;
* other verdicts (undecided, unreadable, uninterpretable) are counted, not disagreements.

    python benchmarks/grammar_fuzz.py --examples 10000

tests/test_grammar_fuzz.py runs a few hundred examples through Hypothesis.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from fractions import Fraction

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from symbp.network import network  # noqa: E402
from symbp.verify import oracle_values  # noqa: E402

# -- notations: only how things are written ---------------------------------------------------

PROFILES = {
    "nielsen": dict(shift=0, br=("", ""), order="to,from", sep="", z="z", cost="C", weights=True),
    "sokolinsky": dict(shift=0, br=("(", ")"), order="from,to", sep="", z="z", cost="C", weights=True),
    "dyda": dict(shift=-1, br=("[", "]"), order="to,from", sep=",", z=r"\mathrm{net}", cost=r"\mathbf{L}", weights=False),
}


@dataclass(frozen=True)
class Lay:
    """A layer as written: ``var + off`` (var 'l', 'L', or None for a number), in the notation's numbering."""

    var: str | None
    off: int = 0

    def latex(self, p: dict) -> str:
        inner = str(self.off) if self.var is None else self.var + (f"{self.off:+d}" if self.off else "")
        return "{" + p["br"][0] + inner + p["br"][1] + "}"

    def moved(self, by: int) -> "Lay":
        return Lay(self.var, self.off + by)


# -- the grammar: nodes that print themselves and evaluate themselves ----------------------------


@dataclass(frozen=True)
class Q:
    """A quantity: kind in delta, a, z, b, w, x, y; idx: index letters ((to, from) for w)."""

    kind: str
    lay: Lay | None
    idx: tuple = ()


@dataclass(frozen=True)
class D:
    """∂C/∂(of^lay_idx), of in z, b, a, w."""

    of: str
    lay: Lay
    idx: tuple = ()


@dataclass(frozen=True)
class DN:
    """∂(num)/∂(den) of two indexed nodes (z or a)."""

    num: Q
    den: Q


@dataclass(frozen=True)
class Nabla:
    of: str
    lay: Lay


@dataclass(frozen=True)
class Sig:
    primes: int
    arg: Q


@dataclass(frozen=True)
class Op:
    """T (transpose), had, add, sub, mul (juxtaposition), scale (a number times), sum (over an index)."""

    op: str
    args: tuple
    extra: object = None


class Outside(Exception):
    """The binding names a layer the network does not have: not an instance."""


class Bad(Exception):
    """Shapes or index ranges that cannot match: the formula is false there."""


def render(node, p: dict) -> str:
    if isinstance(node, Q):
        if node.kind in ("x", "y"):
            return node.kind + (f"_{node.idx[0]}" if node.idx else "")
        base = {"delta": r"\delta", "z": p["z"]}.get(node.kind, node.kind)
        idx = node.idx
        if node.kind == "w" and idx and p["order"] == "from,to":
            idx = idx[::-1]
        sub = ("_{" + p["sep"].join(idx) + "}") if idx else ""
        return f"{base}^{node.lay.latex(p)}{sub}"
    if isinstance(node, D):
        return rf"\frac{{\partial {p['cost']}}}{{\partial {render(Q(node.of, node.lay, node.idx), p)}}}"
    if isinstance(node, DN):
        return rf"\frac{{\partial {render(node.num, p)}}}{{\partial {render(node.den, p)}}}"
    if isinstance(node, Nabla):
        return rf"\nabla_{{{render(Q(node.of, node.lay), p)}}} {p['cost']}"
    if isinstance(node, Sig):
        return r"\sigma" + "'" * node.primes + r"\left(" + render(node.arg, p) + r"\right)"
    op, args = node.op, node.args
    if op == "T":
        return r"\left(" + render(args[0], p) + r"\right)^T"
    if op == "had":
        return _wrap(args[0], p) + r" \odot " + _wrap(args[1], p)
    if op in ("add", "sub"):
        return render(args[0], p) + (" + " if op == "add" else " - ") + _wrap(args[1], p)
    if op == "mul":
        return _wrap(args[0], p) + " " + _wrap(args[1], p)
    if op == "scale":
        c = node.extra
        num = str(c.numerator) if c.denominator == 1 else rf"\frac{{{c.numerator}}}{{{c.denominator}}}"
        return num + " " + _wrap(args[0], p)
    if op == "sum":
        var, bound = node.extra if isinstance(node.extra, tuple) else (node.extra, None)
        if bound is None:
            return rf"\sum_{{{var}}} " + _wrap(args[0], p)
        size = ("n^" + bound.latex(p)) if p["br"] == ("[", "]") else ("n_" + bound.latex(p))
        return rf"\sum_{{{var}=1}}^{{{size}}} " + _wrap(args[0], p)
    raise AssertionError(op)


def _wrap(node, p: dict) -> str:
    text = render(node, p)
    return r"\left(" + text + r"\right)" if isinstance(node, Op) and node.op != "T" else text


# -- values: numbers and matrices of the oracle's context ------------------------------------------


class Env:
    """One network at one point: the oracle's numbers, the bindings, the notation's numbering."""

    def __init__(self, net, o, p: dict, bind: dict):
        self.net, self.o, self.p, self.bind = net, o, p, bind
        self.mp = o.mp

    def layer(self, lay: Lay, lowest: int) -> int:
        """The Nielsen number of a written layer; Outside if the network has no such layer (of this kind)."""
        shift = self.p["shift"]
        if lay.var is None:
            user = lay.off
        elif lay.var == "L":
            user = self.net.L + shift + lay.off
        else:
            user = self.bind[lay.var] + lay.off
        n = user - shift
        if not (lowest <= n <= self.net.L):
            raise Outside()
        return n

    def n(self, layer: int) -> int:
        return self.net.n(layer)


_LOWEST = {"a": 1, "x": 1, "z": 2, "delta": 2, "b": 2, "w": 2, "y": 1}


def _column(values: list) -> tuple:
    return ("mat", len(values), 1, [[v] for v in values])


def _layer_of(node: Q, env: Env) -> int:
    if node.kind == "x":
        return 1
    if node.kind == "y":
        return env.net.L
    return env.layer(node.lay, _LOWEST[node.kind])


def _node_value(kind: str, l: int, j: int, env: Env):
    o = env.o
    if kind == "a":
        return o.a(l, j) if l > 1 else o.value(("x", 1, j))
    if kind == "x":
        return o.value(("x", 1, j))
    if kind == "y":
        return o.value(("y", 1, j))
    if kind == "z":
        return o.z(l, j)
    if kind == "b":
        return o.value(("b", l, j))
    if kind == "delta":
        return o.derivative(("C",), ("z", 1, l, j))
    raise AssertionError(kind)


def _index(name: str, env: Env, size: int) -> int:
    v = int(name) if name.isdigit() else env.bind[name]
    if not 1 <= v <= size:
        raise Bad()
    return v


def evaluate(node, env: Env):
    if isinstance(node, Q):
        l = _layer_of(node, env)
        if node.kind == "w":
            if node.idx:
                j, k = _index(node.idx[0], env, env.n(l)), _index(node.idx[1], env, env.n(l - 1))
                return env.o.value(("w", l, j, k))
            return _laid_out(env, [[env.o.value(("w", l, j, k)) for k in range(1, env.n(l - 1) + 1)]
                                   for j in range(1, env.n(l) + 1)])
        if node.idx:
            return _node_value(node.kind, l, _index(node.idx[0], env, env.n(l)), env)
        return _column([_node_value(node.kind, l, j, env) for j in range(1, env.n(l) + 1)])
    if isinstance(node, (D, Nabla)):
        of, lay, idx = (node.of, node.lay, node.idx) if isinstance(node, D) else (node.of, node.lay, ())
        l = env.layer(lay, _LOWEST[of])
        if of == "w":
            seeds = lambda j, k: ("w", l, j, k)  # noqa: E731
            if idx:
                return env.o.derivative(("C",), seeds(_index(idx[0], env, env.n(l)), _index(idx[1], env, env.n(l - 1))))
            return _laid_out(env, [[env.o.derivative(("C",), seeds(j, k)) for k in range(1, env.n(l - 1) + 1)]
                                   for j in range(1, env.n(l) + 1)])
        seed = (lambda j: ("b", l, j)) if of == "b" else (lambda j: ("x", 1, j) if l == 1 else (of, 1, l, j))
        if idx:
            return env.o.derivative(("C",), seed(_index(idx[0], env, env.n(l))))
        return _column([env.o.derivative(("C",), seed(j)) for j in range(1, env.n(l) + 1)])
    if isinstance(node, DN):
        ln, ld = _layer_of(node.num, env), _layer_of(node.den, env)
        i, j = _index(node.num.idx[0], env, env.n(ln)), _index(node.den.idx[0], env, env.n(ld))
        if ld > ln or (ld == ln and node.den.kind == "a" and node.num.kind == "z"):
            return env.mp.zero  # nothing downstream moves what is upstream
        if ld == ln and node.den.kind == node.num.kind:
            return env.mp.one if i == j else env.mp.zero  # a node by itself, or a neighbour of its layer
        wrt = ("x", 1, j) if ld == 1 else (node.den.kind, 1, ld, j)
        return env.o.derivative((node.num.kind, 1, ln, i), wrt)
    if isinstance(node, Sig):
        l = env.layer(node.arg.lay, 2)

        def one(j):
            z = env.o.z(l, j)
            name = env.net.activation(l, j).name
            if node.primes == 0:
                return env.o.sigma(name, z)
            return env.o.sigma_derivative(name, z)

        if node.arg.idx:
            return one(_index(node.arg.idx[0], env, env.n(l)))
        return _column([one(j) for j in range(1, env.n(l) + 1)])
    op = node.op
    if op == "sum":
        var, bound = node.extra if isinstance(node.extra, tuple) else (node.extra, None)
        body = node.args[0]
        if var in env.bind:
            raise Bad()  # a summation index that is also a free index: no meaning
        top = env.n(env.layer(bound, 1)) if bound is not None else _range(var, body, env)
        total = None
        for v in range(1, top + 1):
            env.bind[var] = v
            term = evaluate(body, env)
            total = term if total is None else _combine(total, term, lambda a, b: a + b)
        del env.bind[var]
        return total
    vals = [evaluate(a, env) for a in node.args]
    if op == "T":
        v = vals[0]
        return ("mat", v[2], v[1], [list(r) for r in zip(*v[3])]) if _is_mat(v) else v
    if op == "scale":
        c = env.mp.mpf(node.extra.numerator) / node.extra.denominator
        return _map(vals[0], lambda x: c * x)
    if op in ("add", "sub", "had"):
        fn = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "had": lambda a, b: a * b}[op]
        return _combine(vals[0], vals[1], fn)
    if op == "mul":
        a, b = vals
        if not _is_mat(a) or not _is_mat(b):
            return _map(b, lambda x: a * x) if not _is_mat(a) else _map(a, lambda x: x * b)
        if a[2] != b[1]:
            raise Bad()
        rows = [[env.mp.fsum(a[3][r][k] * b[3][k][c] for k in range(a[2])) for c in range(b[2])] for r in range(a[1])]
        return rows[0][0] if (a[1], b[2]) == (1, 1) else ("mat", a[1], b[2], rows)
    raise AssertionError(op)


def _laid_out(env: Env, rows: list) -> tuple:
    # A weight matrix (and its gradient) has rows by the notation's first weight index: the
    # receiving neuron (Nielsen, Dyda), the sending one (Sokolinsky) — docs/verify.md.
    if env.p["order"] == "from,to":
        rows = [list(r) for r in zip(*rows)]
    return ("mat", len(rows), len(rows[0]), rows)


def _is_mat(v) -> bool:
    return isinstance(v, tuple) and v and v[0] == "mat"


def _map(v, fn):
    return ("mat", v[1], v[2], [[fn(x) for x in r] for r in v[3]]) if _is_mat(v) else fn(v)


def _combine(a, b, fn):
    if _is_mat(a) != _is_mat(b) or (_is_mat(a) and (a[1], a[2]) != (b[1], b[2])):
        raise Bad()
    if not _is_mat(a):
        return fn(a, b)
    return ("mat", a[1], a[2], [[fn(x, y) for x, y in zip(ra, rb)] for ra, rb in zip(a[3], b[3])])


def _places(node, env: Env, out: dict, bound=()) -> None:
    """index letter -> set of sizes of the places it stands in (free indices only)."""
    if isinstance(node, Op) and node.op == "sum":
        var = node.extra[0] if isinstance(node.extra, tuple) else node.extra
        _places(node.args[0], env, out, bound + (var,))
        return
    qs = []
    if isinstance(node, Q):
        qs = [node]
    elif isinstance(node, D):
        qs = [Q(node.of, node.lay, node.idx)]
    elif isinstance(node, DN):
        qs = [node.num, node.den]
    elif isinstance(node, Sig):
        qs = [node.arg]
    for q in qs:
        if not q.idx:
            continue
        l = _layer_of(q, env) if q.kind not in ("w",) else env.layer(q.lay, 2)
        sizes = [env.n(l), env.n(l - 1)] if q.kind == "w" else [env.n(l)]
        for name, size in zip(q.idx, sizes):
            if name not in bound and not name.isdigit():
                out.setdefault(name, set()).add(size)
    if isinstance(node, Op):
        for a in node.args:
            _places(a, env, out, bound)


def _range(var: str, body, env: Env) -> int:
    found: dict = {}
    _places(body, env, found)
    sizes = found.get(var, set())
    if len(sizes) != 1:
        raise Bad()
    return sizes.pop()


# -- truth, depth by depth, from the oracle ---------------------------------------------------


@dataclass(frozen=True)
class Claim:
    lhs: object
    rhs: object
    notation: str
    cost: str
    activation: str
    one_hot: bool
    where: tuple = ()  # (var, lo Lay | None, hi Lay | None, text): a condition after the formula
    tag: str = ""

    def latex(self) -> str:
        p = PROFILES[self.notation]
        text = render(self.lhs, p) + " = " + render(self.rhs, p)
        for _, _, _, written in self.where:
            text += r", \quad " + written
        if self.tag:
            text += rf" \quad (\text{{{self.tag}}})"
        return text


def _allowed(claim: Claim, env: Env) -> bool:
    for var, lo, hi, _ in claim.where:
        if var not in env.bind:
            continue  # a condition on a letter the formula lost to a mutation (verify: uninterpretable)
        value = env.bind[var]
        bounds = [env.net.L + env.p["shift"] + b.off if b.var == "L" else b.off for b in (lo, hi) if b is not None]
        if lo is not None and value < bounds[0]:
            return False
        if hi is not None and value > bounds[-1]:
            return False
    return True


def random_sizes(depth: int, rng: random.Random) -> list:
    sizes = [rng.choice((2, 3, 4))]
    while len(sizes) < depth:
        sizes.append(rng.choice([n for n in (2, 3, 4) if n != sizes[-1]]))
    return sizes


def random_point(net, rng: random.Random) -> dict:
    small = tuple(Fraction(n, 8) for n in (-3, -2, -1, 1, 2, 3))
    point = {key: rng.choice(small) for key in net.parameters()}
    point.update({("x", 1, k): rng.choice(small) for k in range(1, net.n(1) + 1)})
    n = net.n(net.L)
    point.update({("y", 1, j): Fraction(rng.choice((-2, -1, 1, 2, 3)), 4) for j in range(1, n + 1)})
    if net.one_hot:
        point[("y", 1, n)] = 1 - sum((point[("y", 1, j)] for j in range(1, n)), Fraction(0))
    return point


def truth_at_depth(claim: Claim, depth: int, seed: int, sample: int | None = None) -> str:
    """'holds', 'fails', 'none' or 'unknown' on one random network of this depth, at one random point.

    Every instance is evaluated, or (``sample``) that many of them, drawn at random; the
    network and the point depend only on ``seed``, so a sampled answer can be redone in full.
    """
    rng = random.Random(seed)
    net = network(random_sizes(depth, rng), activation=claim.activation, cost=claim.cost, one_hot=claim.one_hot)
    o = oracle_values.oracle(net, random_point(net, rng), "cubic")
    p = PROFILES[claim.notation]
    lvars = sorted({n.lay.var for n in _walk(claim.lhs, claim.rhs) if getattr(n, "lay", None) is not None
                    and n.lay.var not in (None, "L")})
    binds = []
    for values in _product([range(1 + p["shift"], net.L + p["shift"] + 1)] * len(lvars)):
        env = Env(net, o, p, dict(zip(lvars, values)))
        if not _allowed(claim, env):
            continue
        try:
            found: dict = {}
            _places(claim.lhs, env, found)
            _places(claim.rhs, env, found)
        except Outside:
            continue
        # An index standing in places of different sizes takes the values every place has
        # (w^l_{jj}: j ≤ n_l and j ≤ n_{l-1}); the others are outside the formula's domain.
        names = sorted(found)
        binds += [{**env.bind, **dict(zip(names, combo))}
                  for combo in _product([range(1, min(found[n]) + 1) for n in names])]
    if sample is not None and len(binds) > sample:
        binds = rng.sample(binds, sample)
    instances = 0
    for bind in binds:
        env = Env(net, o, p, dict(bind))
        try:
            lv, rv = evaluate(claim.lhs, env), evaluate(claim.rhs, env)
        except Outside:
            continue
        except Bad:
            return "fails"
        except (ValueError, ZeroDivisionError, OverflowError):
            return "unknown"  # the oracle cannot answer here (an undefined cost)
        instances += 1
        if not _same(lv, rv, o.mp):
            return "fails"
    return "holds" if instances else "none"


def _same(a, b, mp) -> bool:
    if _is_mat(a) != _is_mat(b) or (_is_mat(a) and (a[1], a[2]) != (b[1], b[2])):
        return False
    pairs = [(x, y) for ra, rb in zip(a[3], b[3]) for x, y in zip(ra, rb)] if _is_mat(a) else [(a, b)]
    return all(abs(x - y) <= mp.mpf(10) ** -20 * (1 + abs(x) + abs(y)) for x, y in pairs)


def _walk(*nodes):
    for node in nodes:
        yield node
        if isinstance(node, Op):
            yield from _walk(*node.args)
        elif isinstance(node, Sig):
            yield from _walk(node.arg)
        elif isinstance(node, DN):
            yield from _walk(node.num, node.den)


def _product(ranges):
    import itertools

    return itertools.product(*ranges)


# -- the generator ------------------------------------------------------------------------------


def _layers(rng: random.Random) -> Lay:
    return rng.choice([Lay("l"), Lay("l"), Lay("l"), Lay("l", 1), Lay("l", -1), Lay("L"), Lay("L", -1), Lay("L", -2),
                       Lay(None, 2), Lay(None, 3), Lay(None, 4)])


def _templates(lam: Lay, p: dict, cost: str, one_hot: bool) -> list:
    """True (or nearly true) claims about layer ``lam``: (lhs, rhs)."""
    up, down = lam.moved(1), lam.moved(-1)
    sp = Sig(1, Q("z", lam))
    out = [
        (Q("delta", lam), Op("had", (Nabla("a", lam), sp))),
        (Nabla("b", lam), Q("delta", lam)),
        (Q("a", lam), Sig(0, Q("z", lam))),
        (D("b", lam, ("j",)), Q("delta", lam, ("j",))),
        (D("z", lam, ("j",)), Q("delta", lam, ("j",))),
        (DN(Q("a", lam, ("j",)), Q("z", lam, ("j",))), Sig(1, Q("z", lam, ("j",)))),
        (Q("delta", Lay("L")), Op("had", (Op("sub", (Q("a", Lay("L")), Q("y", None))), Sig(1, Q("z", Lay("L")))))),
    ]
    if cost == "softmax-cross-entropy":
        y, a_out = Q("y", None), Q("a", Lay("L"))
        total = Op("sum", (Q("y", None, ("k",)),), "k")
        out.append((Q("delta", Lay("L")), Op("sub", (a_out, y)) if one_hot else
                    Op("sub", (Op("mul", (total, a_out)), y))))
    if p["weights"]:
        wt = Op("T", (Q("w", up),))
        out += [
            (Q("delta", lam), Op("had", (Op("mul", (wt, Q("delta", up))), sp))),
            (Nabla("a", lam), Op("mul", (wt, Q("delta", up)))),
            (Q("z", lam), Op("add", (Op("mul", (Q("w", lam), Q("a", down))), Q("b", lam)))),
            (Nabla("w", lam), Op("mul", (Q("delta", lam), Op("T", (Q("a", down),))))),
            (Q("delta", lam, ("j",)), Op("mul", (Op("sum", (Op("mul", (Q("w", up, ("k", "j")), Q("delta", up, ("k",)))),), "k"),
                                                  Sig(1, Q("z", lam, ("j",)))))),
            (D("a", lam, ("j",)), Op("sum", (Op("mul", (Q("w", up, ("k", "j")), Q("delta", up, ("k",)))),), "k")),
            (D("w", lam, ("j", "k")), Op("mul", (Q("a", down, ("k",)), Q("delta", lam, ("j",))))),
            (Q("z", lam, ("j",)), Op("add", (Op("sum", (Op("mul", (Q("w", lam, ("j", "k")), Q("a", down, ("k",)))),), "k"),
                                            Q("b", lam, ("j",))))),
            (DN(Q("z", up, ("k",)), Q("a", lam, ("j",))), Q("w", up, ("k", "j"))),
        ]
    return out


def _mutate(node, rng: random.Random):
    """One usual slip somewhere in ``node`` (or the node itself unchanged if none applies)."""
    spots = [n for n in _walk(node)]
    target = rng.choice(spots)
    choice = rng.randrange(9)
    new = None
    if choice == 0 and getattr(target, "lay", None) is not None:
        new = replace(target, lay=target.lay.moved(rng.choice((-1, 1))))
    elif choice == 1 and isinstance(target, Op) and target.op == "T":
        new = target.args[0]
    elif choice == 1 and isinstance(target, Q) and not target.idx and target.kind in ("w", "a", "delta"):
        new = Op("T", (target,))
    elif choice == 2 and isinstance(target, Q) and target.kind == "w" and target.idx:
        new = replace(target, idx=target.idx[::-1])
    elif choice == 3 and isinstance(target, Op) and target.op == "had":
        new = target.args[0]
    elif choice == 4 and isinstance(target, Q) and target.kind == "a":
        new = Q("x", None, target.idx)
    elif choice == 5:
        new = Op("scale", (target,), rng.choice((Fraction(2), Fraction(-1), Fraction(1, 2))))
    elif choice == 7 and isinstance(target, Op) and target.op == "sum" and not isinstance(target.extra, tuple):
        layers = [n.lay for n in _walk(target.args[0]) if isinstance(n, Q) and n.lay is not None
                  and target.extra in n.idx[:1]]
        if layers:  # an explicit upper bound: the layer the index stands in, or one off
            new = replace(target, extra=(target.extra, layers[0].moved(rng.choice((0, 0, 1, -1)))))
    elif choice == 8 and isinstance(target, Q) and target.idx:  # a fixed neuron: j → 1 or 2
        k = rng.randrange(len(target.idx))
        new = replace(target, idx=target.idx[:k] + (rng.choice(("1", "2")),) + target.idx[k + 1:])
    elif choice == 6 and isinstance(target, Q) and target.idx:
        swap = {"j": "k", "k": "j"}
        new = replace(target, idx=tuple(swap.get(i, i) for i in target.idx))
    if new is None:
        return node
    return _replace_node(node, target, new)


def _replace_node(node, old, new):
    if node is old:
        return new
    if isinstance(node, Op):
        return replace(node, args=tuple(_replace_node(a, old, new) for a in node.args))
    if isinstance(node, Sig):
        arg = _replace_node(node.arg, old, new)
        return replace(node, arg=arg) if isinstance(arg, Q) and arg.kind == "z" else node
    if isinstance(node, DN):
        num, den = _replace_node(node.num, old, new), _replace_node(node.den, old, new)
        return replace(node, num=num, den=den) if isinstance(num, Q) and isinstance(den, Q) else node
    return node


def _conditions(rng: random.Random, lam: Lay) -> tuple:
    if lam.var != "l" or rng.random() > 0.15:
        return ()
    return (rng.choice([
        ("l", None, Lay("L", -1), "l < L"),
        ("l", Lay("L"), Lay("L"), "l = L"),
        ("l", Lay(None, 2), Lay("L", -1), r"2 \le l \le L-1"),
    ]),)


def random_claim(rng: random.Random) -> Claim:
    notation = rng.choice(tuple(PROFILES))
    p = PROFILES[notation]
    cost = rng.choice(("quadratic", "quadratic", "softmax-cross-entropy"))
    one_hot = cost == "softmax-cross-entropy" and rng.random() < 0.5
    activation = rng.choice(("generic", "generic", "sigmoid"))
    lam = _layers(rng)
    lhs, rhs = rng.choice(_templates(lam, p, cost, one_hot))
    for _ in range(rng.choice((0, 1, 1, 2))):
        if rng.random() < 0.5:
            rhs = _mutate(rhs, rng)
        else:
            lhs = _mutate(lhs, rng)
    if notation == "dyda":  # Dyda's weights carry the bias column: the grammar leaves them out
        if any(isinstance(n, Q) and n.kind in ("w", "b") or isinstance(n, (D, Nabla)) and n.of in ("w", "b")
               for n in _walk(lhs, rhs)):
            notation, p = "nielsen", PROFILES["nielsen"]
    where = _conditions(rng, lam)
    if where and (notation == "dyda"):
        where = ()
    tag = rng.choice(("", "", "", "BP1", "BP2", "eq. 3"))
    return Claim(lhs, rhs, notation, cost, activation, one_hot, where, tag)


# -- comparing with verify -----------------------------------------------------------------------


@dataclass
class Tally:
    examples: int = 0
    unsound: list = None
    false_refutations: list = None
    statuses: Counter = None
    truths: Counter = None
    seconds: float = 0.0

    def __post_init__(self):
        self.unsound, self.false_refutations, self.unclear = [], [], []
        self.statuses, self.truths = Counter(), Counter()


#: Instances evaluated per network (at random) when verify's verdict is not contradicted by them.
SAMPLE = 12


def check_claim(claim: Claim, rng: random.Random, tally: Tally, depths=range(2, 7)) -> None:
    from symbp.verify import verify

    text = claim.latex()
    v = verify(text, claim.notation, activation=claim.activation, cost=claim.cost, one_hot=claim.one_hot,
               budget=20, diagnose=False)
    tally.examples += 1
    tally.statuses[v.status] += 1
    seeds = {d: rng.randrange(2**32) for d in depths}
    truth = {d: truth_at_depth(claim, d, seeds[d], SAMPLE) for d in depths}
    if v.status in ("refuted", "conditional") and any(truth[d] == "holds" for d in truth):
        # A sample that found no difference is no evidence against a refutation: look at every instance.
        truth = {d: truth_at_depth(claim, d, seeds[d]) if t == "holds" else t for d, t in truth.items()}
    truth = {d: t for d, t in truth.items() if t != "unknown"}
    kind = "true" if all(t in ("holds", "none") for t in truth.values()) and "holds" in truth.values() else (
        "false" if all(t in ("fails", "none") for t in truth.values()) and "fails" in truth.values() else
        "empty" if all(t == "none" for t in truth.values()) else "mixed")
    tally.truths[kind] += 1
    said = {c["depth"]: c["status"] for c in v.checked}
    where = f"{text}  [{claim.notation}, {claim.activation}, {claim.cost}{', one-hot' if claim.one_hot else ''}]"
    for d, t in truth.items():
        verdict = "holds" if v.status == "holds" else said.get(d) if v.status == "conditional" else None
        if verdict == "holds" and t == "fails":
            tally.unsound.append(f"UNSOUND at L = {d + PROFILES[claim.notation]['shift']}: {where}: verify {v.status}")
    if v.status in ("undecided", "uninterpretable", "unreadable"):
        tally.unclear.append(f"{v.status.upper()} (the oracle: {kind}): {where}: {v.reason[:160]}")
    if v.status == "refuted" and kind == "true":
        tally.false_refutations.append(f"FALSE REFUTATION: {where}: {v.reason[:200]}")
    if v.status == "conditional":
        for d, t in truth.items():
            if said.get(d) == "fails" and t == "holds":
                tally.false_refutations.append(f"FALSE REFUTATION at depth {d}: {where}: {v.reason[:200]}")


def run(examples: int, seed: int = 0, cpu_minutes: float | None = None) -> Tally:
    """``examples`` formulas, or as many as fit in ``cpu_minutes`` of this process's CPU time."""
    rng = random.Random(seed)
    tally = Tally()
    start, cpu0 = time.perf_counter(), time.process_time()
    for n in range(1, examples + 1):
        if cpu_minutes is not None and time.process_time() - cpu0 > 60 * cpu_minutes:
            break
        try:
            check_claim(random_claim(rng), rng, tally)
        except KeyboardInterrupt:  # stopped by hand: the formulas checked so far are the result
            break
        if n % 500 == 0:  # progress on long runs
            print(f"  {n} formulas, {time.perf_counter() - start:.0f} s: {len(tally.unsound)} unsound, "
                  f"{len(tally.false_refutations)} false refutations", flush=True)
            for line in (tally.unsound + tally.false_refutations)[-3:]:
                print("    " + line, flush=True)
    tally.seconds = time.perf_counter() - start
    return tally


def _stop(signum, frame):
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cpu-minutes", type=float, default=None, help="stop after this much CPU time")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _stop)  # `kill PID` ends the run with its summary
    t = run(args.examples, args.seed, args.cpu_minutes)
    print(f"{t.examples} formulas in {t.seconds:.0f} s; verify said {dict(t.statuses)}; the oracle found {dict(t.truths)}")
    print(f"disagreements: {len(t.unsound)} unsound, {len(t.false_refutations)} false refutations")
    for line in (t.unsound + t.false_refutations)[:40]:
        print("  " + line)
    print(f"not judged ({len(t.unclear)}):")
    for line in t.unclear[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
