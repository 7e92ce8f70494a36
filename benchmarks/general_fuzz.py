r"""Fuzzing the all-sizes prover with variants of its own identities (issue 12, items 3 and 7).

Each example takes an identity of ``symbp.general.chains.IDENTITIES`` and edits
it through the documented public route, ``dataclasses.replace`` (docs/general.md):
one side gets its indices swapped, a layer moved (l ↔ l+1, l ↔ L, l−1 ↔ L),
a transpose dropped, a factor changed or dropped, another quantity put in
place of one, σ' turned into σ; or the sides are exchanged, or an index
range is moved to another layer's size, shrunk or stretched; or the edit
keeps the identity true (a factor moved into a sum, a summation index
renamed, a term added and taken away), so that proofs occur too. The variant
goes to ``general.prove_general`` on a network it is stated for.

Claims checked for every example:

* ``prove_general`` returns a certificate (no exception, whatever the variant);
* ``proved-for-all-sizes`` only when an **independent check** agrees on every
  one of five concrete networks of depth 2–6 whose weight matrices are all
  non-square (``SIZES``), at every layer l and index the statement names;
* ``refuted`` only when the independent check finds an instance where the two
  sides differ.

The independent check shares nothing with ``symbp.general`` but the
variant's SymPy expressions: its own reader (``Reader``) turns each side, at
every layer and index the statement names, into two things, which must agree:

* the core's exact quantities (``quantities.ExactQuantities``: the ground truth
  by differentiating the composed network, ``derive.GroundTruth``), compared by
  the core's exact prover (``symbp.prove``, method ``exact``, whose refutations
  the oracle confirms);
* the oracle's numbers (``symbp.oracle``: the composed network at 120 digits,
  derivatives by central differences, nothing of ``derive``) at two fixed
  random points per network, compared with the oracle's tolerance.

    python benchmarks/general_fuzz.py --examples 2000 --seed 1
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time
from collections import Counter
from fractions import Fraction

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import sympy

from symbp import general
from symbp.algebra import Poly, RatFunc
from symbp.backprop import Mat
from symbp.errors import IdentityError
from symbp.general.chains import IDENTITIES
from symbp.general.lemmas import Layers
from symbp.general.reduction import Range
from symbp.identities import Comparison, Identity
from symbp.network import network
from symbp.prove import prove
from symbp.quantities import ExactQuantities
from symbp.oracle import OracleError, OracleQuantities, differ

#: the all-sizes networks a variant is asked on (each identity goes to one it is stated for)
GENERAL_NETWORKS = (
    dict(activation="generic", cost="quadratic"),
    dict(activation="generic", cost="cross-entropy"),
    dict(activation="generic", cost="softmax-cross-entropy"),
    dict(activation="generic", cost="softmax-cross-entropy", one_hot=True),
    dict(activation="generic", cost="mean-quadratic"),
    dict(activation="sigmoid", cost="cross-entropy"),
    dict(activation="tanh", cost="quadratic"),
)
#: the concrete networks of the independent check: depth 2 to 6, no square weight matrix
SIZES = ([3, 2], [2, 3, 2], [2, 3, 2, 3], [3, 2, 3, 2, 3], [2, 3, 2, 3, 2, 3])

M = Layers()

# -- the independent reader: a side of a variant as the core's exact quantities --------------


class Unsupported(Exception):
    """The side names something this reader has no concrete value for."""


class Undefined(Exception):
    """The side names a quantity that does not exist at this instance."""


def _offsets(m):
    # each quantity of the model: (kind, layer offset from l; "L" for the output layer)
    return {
        m.w: ("w", 0), m.w_next: ("w", 1), m.b: ("b", 0), m.b_next: ("b", 1),
        m.a_prev: ("a", -1), m.a_L: ("a", "L"), m.y: ("y", "L"),
        m.z: ("z", 0), m.z_next: ("z", 1), m.z_L: ("z", "L"),
        m.delta: ("delta", 0), m.delta_next: ("delta", 1), m.delta_L: ("delta", "L"),
        m.dC_dz: ("delta", 0), m.dC_dz_next: ("delta", 1), m.dC_dz_L: ("delta", "L"),
        m.nabla: ("nabla", "L"), m.dC_da_L: ("nabla", "L"),
        m.dC_db: ("dC/db", 0), m.dC_dw: ("dC/dw", 0), m.dC_da_prev: ("dC/da", -1),
        m.delta_x: ("delta_x", 0), m.a_prev_x: ("a_x", -1),
    }


def layers_named(exprs, m=M) -> set:
    """The layer offsets the expressions name: 0, 1, -1 (relative to l) and "L"."""
    table, found = _offsets(m), set()
    sizes = {m.n_prev: -1, m.n: 0, m.n_next: 1, m.n_L: "L"}
    for e in exprs:
        for x in e.atoms(sympy.Indexed):
            if x.base in table:
                found.add(table[x.base][1])
        found.update(sizes[s] for s in e.free_symbols if s in sizes)
    return found


def layers_checked(named: set, L: int) -> list[int]:
    """The l at which the claim speaks on a network of depth L: every l where all it names exists."""
    if not named & {-1, 0, 1}:
        return [L]
    return list(range(2, L)) if 1 in named else list(range(2, L + 1))


class _Exact:
    """Arithmetic and the few values outside the quantities interface, over ``ExactQuantities``."""

    def __init__(self, q):
        self.q = q

    def const(self, f: Fraction):
        return Poly.const(f)

    def inverse(self, x):
        return RatFunc(Poly.const(1)) / x

    def z(self, layer, j):
        return self.q.model.Z[1][layer][j - 1]

    def d_cost_da(self, layer, j, own: bool):
        # ∂C/∂a^layer_j, C written as a function of a^layer (``own``: sample 1's cost alone)
        return self.q.gt.d_cost(("a", 1, layer, j), sample=1 if own else None)

    def exp_z_L(self, j):
        return self.q.model.atom(("E", 1, j))


class _Numeric:
    """The same over ``oracle.OracleQuantities``: mpmath numbers at one point."""

    def __init__(self, q):
        self.q, self.mp = q, q.oracle.mp

    def const(self, f: Fraction):
        return self.mp.mpf(f.numerator) / f.denominator

    def inverse(self, x):
        return 1 / x

    def z(self, layer, j):
        return self.q.oracle.z(layer, j)

    def d_cost_da(self, layer, j, own: bool):
        return self.q.oracle.derivative(("C", 1) if own else ("C",), ("a", 1, layer, j))

    def exp_z_L(self, j):
        return self.q.oracle.atom_value(("E", 1, j))


class Reader:
    """One side of a statement at layer l of a concrete network, read from quantities ``q``.

    ``q`` is the core's ``ExactQuantities`` (exact elements in the atoms) or the
    oracle's ``OracleQuantities`` (numbers at a point); both answer the same
    interface (``W``, ``a``, ``y``, ``sigma_prime``, ``delta``, ``nabla_a``, ``dC_dw``, ``dC_db``).
    """

    def __init__(self, m, q, l):
        self.m, self.q, self.net, self.l = m, q, q.net, l
        self.table = _offsets(m)
        self.batch = q.net.batch > 1
        self.arith = _Exact(q) if isinstance(q, ExactQuantities) else _Numeric(q)

    def _layer(self, offset):
        return self.net.L if offset == "L" else self.l + offset

    def _entry(self, column: Mat, i: int):
        if not 1 <= i <= column.shape[0]:
            raise Undefined(f"index {i} of a quantity with {column.shape[0]} entries")
        return column.rows[i - 1][0]

    def _size(self, layer):
        if not 1 <= layer <= self.net.L:
            raise Undefined(f"layer {layer}")
        return self.net.n(layer)

    def quantity(self, base, idx):
        q, net = self.q, self.net
        if base not in self.table:
            raise Unsupported(str(base))
        kind, offset = self.table[base]
        layer = self._layer(offset)
        self._size(layer)
        if kind in ("w", "b", "z", "delta", "dC/db", "dC/dw") and layer < 2:
            raise Undefined(f"{kind} at layer {layer}")
        if kind == "w":
            j, k = idx
            if not (1 <= j <= net.n(layer) and 1 <= k <= net.n(layer - 1)):
                raise Undefined(f"w^{layer}_{j}{k}")
            return q.W(layer).rows[j - 1][k - 1]
        if kind == "b":
            return self._entry(Mat.column([r[0] for r in q.W_augmented(layer).rows]), idx[0])
        if kind == "a":
            return self._entry(q.a(layer), idx[0])
        if kind == "y":
            return self._entry(q.y(), idx[0])
        if kind == "z":
            if not 1 <= idx[0] <= net.n(layer):
                raise Undefined(f"z^{layer}_{idx[0]}")
            return self.arith.z(layer, idx[0])
        if kind == "delta":
            return self._entry(q.delta(layer, 1, per_sample=self.batch), idx[0])
        if kind == "nabla":
            if self.batch:  # the derivative of sample 1's own cost
                self._entry(q.y(), idx[0])
                return self.arith.d_cost_da(layer, idx[0], own=True)
            return self._entry(q.nabla_a(1), idx[0])
        if kind == "dC/db":
            return self._entry(q.dC_db(layer), idx[0])
        if kind == "dC/dw":
            j, k = idx
            g = q.dC_dw(layer)
            if not (1 <= j <= g.shape[0] and 1 <= k <= g.shape[1]):
                raise Undefined(f"dC/dw^{layer}_{j}{k}")
            return g.rows[j - 1][k - 1]
        if kind == "dC/da":
            self._entry(q.a(layer), idx[0])
            return self.arith.d_cost_da(layer, idx[0], own=self.batch)
        x, i = idx
        if not 1 <= x <= net.batch:
            raise Undefined(f"sample {x}")
        if kind == "delta_x":
            return self._entry(q.delta(layer, x, per_sample=True), i)
        return self._entry(q.a(layer, x), i)

    def __call__(self, e):
        arith = self.arith
        if isinstance(e, sympy.Add):
            return sum((self(a) for a in e.args), arith.const(Fraction(0)))
        if isinstance(e, sympy.Mul):
            out = arith.const(Fraction(1))
            for a in e.args:
                out = out * self(a)
            return out
        if isinstance(e, sympy.Pow) and e.exp.is_Integer:
            b = self(e.base)
            return b ** int(e.exp) if e.exp >= 0 else arith.inverse(b ** int(-e.exp))
        if isinstance(e, sympy.Rational):
            return arith.const(Fraction(int(e.p), int(e.q)))
        if isinstance(e, sympy.KroneckerDelta) and all(a.is_Integer for a in e.args):
            return arith.const(Fraction(1 if e.args[0] == e.args[1] else 0))
        if isinstance(e, sympy.Sum):
            body = e.function
            for v, lo, hi in e.limits:
                if not (lo.is_Integer and hi.is_Integer):
                    raise Unsupported(f"sum from {lo} to {hi}")
                body = sympy.Add(*[body.xreplace({v: t}) for t in range(int(lo), int(hi) + 1)])
            return self(body)
        if isinstance(e, sympy.Indexed):
            if not all(i.is_Integer for i in e.indices):
                raise Unsupported(f"free index in {e}")
            return self.quantity(e.base, [int(i) for i in e.indices])
        if isinstance(e, (self.m.sigma, self.m.sigma_prime)):
            z = e.args[0]
            if not (isinstance(z, sympy.Indexed) and self.table.get(z.base, ("",))[0] == "z" and z.indices[0].is_Integer):
                raise Unsupported(f"σ of {z}")
            layer, j = self._layer(self.table[z.base][1]), int(z.indices[0])
            self._size(layer)
            if layer < 2:
                raise Undefined(f"z^{layer}")
            if isinstance(e, self.m.sigma):
                if layer == self.net.L and self.net.output_softmax:
                    raise Undefined("σ(z^L) at a softmax output")
                return self._entry(self.q.a(layer), j)
            try:
                return self._entry(self.q.sigma_prime(layer), j)
            except IdentityError as exc:  # σ'(z^L) at a softmax output
                raise Undefined(str(exc)) from None
        if isinstance(e, sympy.exp) and self.net.output_softmax:
            z = e.args[0]
            if isinstance(z, sympy.Indexed) and z.base == self.m.z_L and z.indices[0].is_Integer:
                j = int(z.indices[0])
                if not 1 <= j <= self.net.n(self.net.L):
                    raise Undefined(f"z^L_{j}")
                return arith.exp_z_L(j)
        raise Unsupported(f"{type(e).__name__}: {e}")


def _sizes_at(m, net, l):
    Z = sympy.Integer
    sizes = {m.n_prev: Z(net.n(l - 1)), m.n: Z(net.n(l)), m.n_L: Z(net.n(net.L)), m.m_batch: Z(net.batch)}
    if l < net.L:
        sizes[m.n_next] = Z(net.n(l + 1))
    return sizes


def _index_values(ranges, sizes):
    out = [{}]
    for r in ranges:
        nxt = []
        for at in out:
            lo, hi = (sympy.Integer(b) if isinstance(b, int) else b.xreplace(sizes).xreplace(at) for b in (r.lo, r.hi))
            if not (lo.is_Integer and hi.is_Integer):
                raise Unsupported(f"range {r.latex()}")
            nxt += [{**at, r.index: sympy.Integer(v)} for v in range(int(lo), int(hi) + 1)]
        out = nxt
    return out


#: each concrete network and its ground-truth quantities (exact, and the oracle's at
#: ``POINTS`` fixed random points), computed once per run: they do not depend on the variant
_NETWORKS: dict = {}
POINTS = 2


def _network(sizes, kwargs):
    key = (tuple(sizes), tuple(sorted(kwargs.items())))
    if key not in _NETWORKS:
        net = network(list(sizes), **kwargs)
        rng = random.Random(str(key))
        leaves = ([("x", s, k) for s in net.samples for k in range(1, net.n(1) + 1)]
                  + [("y", s, j) for s in net.samples for j in range(1, net.n(net.L) + 1)] + net.parameters())
        # a generic σ feeding a cross-entropy output must stay in (0, 1): the arctan stand-in
        generic = "arctan" if kwargs.get("cost") == "cross-entropy" else "polynomial"
        oracles = []
        for _ in range(POINTS):
            # small values, as the counterexample search uses: a cubic stand-in composed over six
            # layers stays moderate, so the oracle's numeric derivatives settle
            point = {k: Fraction(rng.randint(-6, 6), rng.randint(6, 12)) for k in leaves}
            if kwargs.get("cost") == "cross-entropy":  # targets in (0, 1) too
                point.update({k: Fraction(rng.randint(1, 9), 10) for k in leaves if k[0] == "y"})
            if net.one_hot:  # the last target is 1 − Σ of the others
                for s in net.samples:
                    point.pop(("y", s, net.n(net.L)))
            oracles.append(OracleQuantities(net, point, generic=generic))
        _NETWORKS[key] = (net, ExactQuantities(net), oracles)
    return _NETWORKS[key]


def _instances(m, variant, net, l_values, ranges, read, undefined):
    # (layer, assignment, lhs value, rhs value) of every instance at which both sides exist
    lhs, rhs = variant.lhs(m), variant.rhs(m)
    for l in l_values:
        size_map = _sizes_at(m, net, l)
        reader = read(l)
        for at in _index_values(ranges, size_map):
            try:
                yield l, at, reader(lhs.xreplace(size_map).subs(at)), reader(rhs.xreplace(size_map).subs(at))
            except Undefined as exc:
                undefined.append(f"l={l} {at}: {exc}")


def _exact_verdict(m, variant, net, known, l_values, ranges) -> str:
    # the core's exact prover: symbp.prove with an identity made of the variant's two sides
    undefined = []

    def compare(given):
        # ``prove`` hands in fresh exact quantities of ``net``: the memoised ones of the same network
        # (same atoms) give the same elements without recomputing the ground truth. To confirm a
        # refutation it hands in the oracle's quantities, which are read as they are.
        q = known if isinstance(given, ExactQuantities) else given
        for l, at, lv, rv in _instances(m, variant, net, l_values, ranges, lambda l: Reader(m, q, l), undefined):
            where = ", ".join(f"{k}={v}" for k, v in at.items())
            yield Comparison(l, 1, Mat([[lv]]), Mat([[rv]]), f"lhs at l={l} {where}", "rhs", tuple(str(k) for k in at) or ("j",))

    ident = Identity(name=f"{variant.name} (variant)", title="", statement="", source="general_fuzz", compare=compare)
    cert = prove(ident, net, method="exact", budget=120.0)
    if cert.verdict == "refuted":
        return "false"
    if cert.verdict == "proved":
        return "undefined" if undefined else ("true" if cert.instances else "empty")
    if undefined and cert.instances == 0:
        return "undefined"
    if cert.instances == 0 and "checked nowhere" in cert.reason:  # no instance on this network: nothing to compare
        return "empty"
    return f"undecided ({cert.reason})"


def _oracle_verdict(m, variant, net, oracles, l_values, ranges) -> str:
    # the oracle (symbp.oracle): the composed network at 120 digits, numeric derivatives, at fixed points
    undefined, seen, unknown = [], 0, ""
    for q in oracles:
        try:
            for _, _, lv, rv in _instances(m, variant, net, l_values, ranges, lambda l, q=q: Reader(m, q, l), undefined):
                seen += 1
                if differ(q.oracle, lv, rv):
                    return "false"
        except (OracleError, ArithmeticError) as exc:
            unknown = unknown or str(exc)
    if unknown:
        return f"undecided (the oracle cannot evaluate: {unknown})"
    if undefined:
        return "undefined"
    return "true" if seen else "empty"


def independent(variant, gnet_kwargs: dict, sizes_list=SIZES, stop_at_false: bool = False) -> dict:
    """Each concrete network -> 'true' | 'false' | 'undefined' | 'empty' | 'unsupported …' | 'undecided …' | 'disagree …'.

    Both the core's exact prover and the oracle judge the claim at every layer and
    index it names; they must agree ('disagree' means one of them is wrong).
    """
    m = M
    ranges = variant.ranges(m)
    named = layers_named([variant.lhs(m), variant.rhs(m)] + [sympy.Tuple(r.lo, r.hi) for r in ranges])
    out = {}
    for sizes in sizes_list:
        net, known, oracles = _network(sizes, gnet_kwargs)
        l_values = layers_checked(named, net.L)
        try:
            exact = _exact_verdict(m, variant, net, known, l_values, ranges)
            numeric = _oracle_verdict(m, variant, net, oracles, l_values, ranges)
        except Unsupported as exc:
            out[str(sizes)] = f"unsupported ({exc})"
            continue
        if exact == numeric:
            out[str(sizes)] = exact
        elif "false" in (exact, numeric) and (exact.startswith("undecided") or numeric.startswith("undecided")):
            out[str(sizes)] = "false"  # one found the sides apart, the other could not say
        elif exact.startswith("undecided") or numeric.startswith("undecided"):
            out[str(sizes)] = f"undecided (exact: {exact}; oracle: {numeric})"
        else:
            out[str(sizes)] = f"disagree (exact: {exact}; oracle: {numeric})"
        if stop_at_false and out[str(sizes)] == "false":
            break
    return out


# -- edits of an identity's sides ------------------------------------------------------------


def _neighbours(m):
    # a quantity -> the same quantity at another layer (l ↔ l+1, l ↔ L, l−1 ↔ L)
    pairs = [(m.w, m.w_next), (m.b, m.b_next), (m.delta, m.delta_next), (m.delta, m.delta_L),
             (m.delta_next, m.delta_L), (m.z, m.z_next), (m.z, m.z_L), (m.z_next, m.z_L), (m.a_prev, m.a_L),
             (m.dC_dz, m.dC_dz_next)]
    out = {}
    for a, b in pairs:
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return out


def _others(m):
    # quantities of one index that may stand in for one another (one of each arity)
    return {1: [m.a_prev, m.a_L, m.y, m.delta, m.delta_next, m.delta_L, m.nabla, m.b, m.dC_db, m.dC_da_prev],
            2: [m.w, m.w_next, m.dC_dw, m.delta_x, m.a_prev_x]}


def _sites(e, pred):
    return sorted({x for x in sympy.preorder_traversal(e) if pred(x)}, key=sympy.default_sort_key)


def _swap_indices(rng, m, e):
    sites = _sites(e, lambda x: isinstance(x, sympy.Indexed) and len(set(x.indices)) > 1)
    if not sites:
        return None
    x = rng.choice(sites)
    return "indices of " + str(x.base) + " swapped", e.xreplace({x: x.base[tuple(reversed(x.indices))]})


def _swap_free(rng, m, e):
    free = sorted(e.free_symbols & {m.i, m.j, m.k}, key=str)
    if not free:
        return None
    a = rng.choice(free)
    b = rng.choice([s for s in (m.i, m.j, m.k) if s != a])
    return f"{a} ↔ {b}", e.xreplace({a: b, b: a})


def _shift_layer(rng, m, e):
    nb = _neighbours(m)
    sites = _sites(e, lambda x: isinstance(x, sympy.Indexed) and x.base in nb)
    sizes = {m.n: [m.n_next, m.n_prev, m.n_L], m.n_next: [m.n, m.n_L], m.n_prev: [m.n, m.n_L], m.n_L: [m.n, m.n_next]}
    size_sites = sorted(e.free_symbols & set(sizes), key=str)
    if sites and (not size_sites or rng.random() < 0.7):
        x = rng.choice(sites)
        new = rng.choice(nb[x.base])
        return f"{x.base} → {new}", e.xreplace({x: new[x.indices]})
    if size_sites:
        s = rng.choice(size_sites)
        t = rng.choice(sizes[s])
        return f"size {s} → {t}", e.xreplace({s: t})
    return None


def _drop_transpose(rng, m, e):
    # a weight in a sum with its row and column exchanged, i.e. (w^{l+1})^T δ read as w^{l+1} δ
    sites = _sites(e, lambda x: isinstance(x, sympy.Indexed) and x.base in (m.w, m.w_next))
    if not sites:
        return None
    x = rng.choice(sites)
    return f"transpose of {x.base} dropped", e.xreplace({x: x.base[tuple(reversed(x.indices))]})


def _change_factor(rng, m, e):
    kind = rng.randrange(4)
    if kind == 0:
        c = rng.choice([2, -1, sympy.Rational(1, 2), 3])
        return f"× {c}", c * e
    if kind == 1:
        return "+ y_j", e + m.y[m.j]
    muls = _sites(e, lambda x: isinstance(x, sympy.Mul) and len(x.args) > 1)
    if not muls:
        return None
    x = rng.choice(muls)
    drop = rng.randrange(len(x.args))
    rest = sympy.Mul(*[a for n, a in enumerate(x.args) if n != drop])
    if kind == 2:
        return f"factor {x.args[drop]} dropped", e.xreplace({x: rest})
    return f"factor {x.args[drop]} squared", e.xreplace({x: x * x.args[drop]})


def _other_quantity(rng, m, e):
    pool = _others(m)
    sites = _sites(e, lambda x: isinstance(x, sympy.Indexed) and len(x.indices) in pool)
    if not sites:
        return None
    x = rng.choice(sites)
    new = rng.choice([b for b in pool[len(x.indices)] if b != x.base])
    return f"{x.base} → {new}", e.xreplace({x: new[x.indices]})


def _sigma_for_prime(rng, m, e):
    sites = _sites(e, lambda x: isinstance(x, m.sigma_prime))
    if not sites:
        return None
    x = rng.choice(sites)
    return "σ' → σ", e.xreplace({x: m.sigma(x.args[0])})


def _true_edit(rng, m, e):
    # edits that keep the side equal: the prover should still prove these
    kind = rng.randrange(3)
    sums = _sites(e, lambda x: isinstance(x, sympy.Sum))
    if kind == 0 and sums:
        s = rng.choice(sums)
        (v, lo, hi), = s.limits[:1]
        fresh = sympy.Dummy("t", integer=True, positive=True)
        return "summation index renamed", e.xreplace({s: sympy.Sum(s.function.xreplace({v: fresh}), (fresh, lo, hi))})
    if kind == 1 and sums:
        s = rng.choice(sums)
        outer = [x for x in _sites(e, lambda x: isinstance(x, sympy.Mul) and s in x.args)]
        if outer:
            x = outer[0]
            rest = sympy.Mul(*[a for a in x.args if a != s])
            (v, *_), = s.limits[:1]
            if v not in rest.free_symbols:
                return "factor moved into the sum", e.xreplace({x: sympy.Sum(s.function * rest, *s.limits)})
    atoms = _sites(e, lambda x: isinstance(x, sympy.Indexed) and x.free_symbols <= e.free_symbols)
    t = rng.choice(atoms) if atoms else sympy.Integer(1)
    return f"{t} added and taken away", sympy.Add(e, 2 * t, sympy.Mul(-1, t, evaluate=False), -t, evaluate=False)


SIDE_EDITS = {
    "swap indices": _swap_indices, "swap free indices": _swap_free, "move a layer": _shift_layer,
    "drop a transpose": _drop_transpose, "change a factor": _change_factor, "other quantity": _other_quantity,
    "σ' for σ": _sigma_for_prime, "true edit": _true_edit,
}


def _range_edit(rng, m, ranges):
    if not ranges:
        return None
    n = rng.randrange(len(ranges))
    r = ranges[n]
    kind = rng.randrange(3)
    others = [s for s in (m.n_prev, m.n, m.n_next, m.n_L) if s != r.hi]
    if kind == 0:
        new = Range(r.index, r.lo, rng.choice(others))
        what = f"range of {r.index} up to {new.hi}"
    elif kind == 1:
        new = Range(r.index, r.lo, r.hi + 1)
        what = f"range of {r.index} one past its size"
    else:
        new = Range(r.index, r.lo, sympy.Integer(1))
        what = f"range of {r.index} only 1"
    return what, ranges[:n] + [new] + ranges[n + 1:]


def variant(rng: random.Random):
    """A random edit of a random identity: (label, the identity's name, network kwargs, the variant)."""
    name = rng.choice(sorted(IDENTITIES))
    idt = IDENTITIES[name]
    kwargs = rng.choice([k for k in GENERAL_NETWORKS if name in general.applicable(general.network(**k))])
    roll = rng.random()
    if roll < 0.08:
        return "sides exchanged", name, kwargs, dataclasses.replace(idt, lhs=idt.rhs, rhs=idt.lhs)
    if roll < 0.2:
        edit = _range_edit(rng, M, list(idt.ranges(M)))
        if edit is not None:
            what, ranges = edit
            return what, name, kwargs, dataclasses.replace(idt, ranges=lambda m, r=tuple(ranges): list(r))
    side = "lhs" if rng.random() < 0.3 else "rhs"
    for _ in range(10):
        label = rng.choice(sorted(SIDE_EDITS))
        done = SIDE_EDITS[label](rng, M, getattr(idt, side)(M))
        if done is not None:
            what, expr = done
            return f"{side}: {label} ({what})", name, kwargs, dataclasses.replace(idt, **{side: lambda m, e=expr: e})
    return "unchanged", name, kwargs, idt


# -- one example -----------------------------------------------------------------------------


@dataclasses.dataclass
class Tally:
    counts: Counter = dataclasses.field(default_factory=Counter)
    problems: list = dataclasses.field(default_factory=list)
    seconds: float = 0.0

    def add(self, key, n=1):
        self.counts[key] += n


def _truth(values) -> str:
    kinds = set(values)
    for k in ("false", "undefined", "unsupported", "undecided"):
        if any(v.startswith(k) for v in kinds):
            return k
    return "true" if "true" in kinds else "empty"


def _checked(tally: Tally, where: str, truth: dict) -> dict:
    # Count the networks the two independent routes judged, and each one where they disagree
    # (one of the core's exact quantities and the oracle is wrong: a problem in itself).
    for sizes, v in truth.items():
        tally.add("networks judged by both routes")
        if v.startswith("disagree"):
            tally.add("networks where exact and oracle disagree")
            tally.problems.append(f"EXACT AND ORACLE DISAGREE {where} on {sizes}: {v}")
        elif v.startswith("undecided"):
            tally.add("networks undecided by a route")
    return truth


def check(rng: random.Random, tally: Tally, classify: bool = False) -> None:
    """Draw one variant, prove it, and hold the verdict against the independent check.

    ``classify`` also checks the undecided ones, to count how many were true
    (incompleteness) and how many false (a refutation missed).
    """
    label, name, kwargs, var = variant(rng)
    where = f"{name} [{label}] on {kwargs}"
    t0 = time.perf_counter()
    try:
        cert = general.prove_general(var, general.network(**kwargs), budget_seconds=60.0)
    except Exception as exc:  # noqa: BLE001 - the claim under test: nothing escapes
        tally.problems.append(f"CRASH {where}: {type(exc).__name__}: {exc}")
        return
    finally:
        tally.seconds += time.perf_counter() - t0
    tally.add(f"verdict {cert.verdict}")
    if cert.verdict == "proved-for-all-sizes":
        truth = _checked(tally, where, independent(var, kwargs))
        tally.add("proved, independently checked")
        if any(v not in ("true", "empty") for v in truth.values()) or "true" not in truth.values():
            tally.problems.append(f"UNSOUND {where}: proved-for-all-sizes, independent check {truth}")
    elif cert.verdict == "refuted":
        truth = _checked(tally, where, independent(var, kwargs, stop_at_false=True))
        tally.add("refuted, independently checked")
        if "false" not in truth.values():
            tally.problems.append(f"UNCONFIRMED REFUTATION {where}: {cert.reason[:200]}; independent check {truth}")
        if cert.counterexample is None:
            tally.problems.append(f"REFUTED WITHOUT COUNTEREXAMPLE {where}")
        elif not cert.counterexample.oracle:  # an identity's refutation is issued only once the oracle confirms it
            tally.problems.append(f"REFUTED WITHOUT THE ORACLE'S CONFIRMATION {where}: {cert.reason[:200]}")
    elif cert.verdict == "undecided":
        if not cert.reason:
            tally.problems.append(f"UNDECIDED WITHOUT A REASON {where}")
        if classify:
            truth = _checked(tally, where, independent(var, kwargs, stop_at_false=True))
            tally.add(f"undecided, independently {_truth(truth.values())}")
    else:
        tally.problems.append(f"UNKNOWN VERDICT {where}: {cert.verdict}")


def run(examples: int, seed: int, classify: bool = False) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    for _ in range(examples):
        check(random.Random(rng.getrandbits(64)), tally, classify)
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--classify", action="store_true", help="check the undecided ones too (how many were true)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    tally = run(args.examples, args.seed, args.classify)
    wall = time.perf_counter() - t0
    print(f"{args.examples} variants of the all-sizes identities (seed {args.seed}), {wall:.1f} s "
          f"({tally.seconds:.1f} s in prove_general, the rest in the independent check)")
    for key, n in sorted(tally.counts.items()):
        print(f"  {key:<40}{n:>7}")
    print(f"independent check: core exact prover and the oracle ({POINTS} points) on {len(SIZES)} networks, depths "
          f"{min(map(len, SIZES))}–{max(map(len, SIZES))}: {', '.join(map(str, SIZES))}")
    print(f"problems: {len(tally.problems)}")
    for p in tally.problems[:40]:
        print("  " + p)


if __name__ == "__main__":
    main()
