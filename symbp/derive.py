r"""Ground truth by direct differentiation, never by the backprop recursion.

Two routes, tested against each other:

* ``sympy_gradient``: ``sympy.diff`` of the fully composed C(x, y, w, b).
  Exact, simple, and slow past a few dozen parameters.
* ``GroundTruth``: forward-mode differentiation on the graph of definitions
  (z^l_j as a polynomial in the atoms of layer l−1, a^l_j = σ(z^l_j)). For
  each quantity q it differentiates, the derivative of every node with
  respect to q is found from the nodes it is defined from, layer by layer
  *forwards* (the chain rule applied mechanically); each local partial
  derivative comes from differentiating the node's definition. It never
  forms δ^{l+1} to get δ^l.

δ^l_j ≡ ∂C/∂z^l_j differentiates C written as a function of z^l: the seed is
z^l_j itself and nothing upstream of it moves.

>>> from symbp.network import network
>>> net = network([1, 1], activation="generic")
>>> print(gradient(net, ("w", 2, 1, 1)))
x_1*(-y_1 + sigma(z^2_1))*sigma_prime(z^2_1)
"""

from __future__ import annotations

import time
import weakref
from fractions import Fraction

import sympy

from .algebra import BudgetExceeded, Poly, RatFunc  # noqa: F401  (BudgetExceeded is re-exported)
from .errors import SpecError
from .network import Network

ZERO = Poly()


def _sum(pieces: list):
    # Poly.sum adds many polynomials in one pass; a rational function among the pieces needs RatFunc's +.
    if all(type(p) is Poly for p in pieces):
        return Poly.sum(pieces)
    out = ZERO
    for p in pieces:
        out = out + p
    return out


class Budget:
    """A deadline and a cap on polynomial size, checked at safe points."""

    def __init__(self, seconds: float | None = None, max_terms: int = 2_000_000):
        self.deadline = None if seconds is None else time.perf_counter() + seconds
        self.seconds = seconds
        self.max_terms = max_terms

    def check(self, element=None) -> None:
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise BudgetExceeded(f"the time budget of {self.seconds:g} s ran out")
        if element is not None and isinstance(element, Poly) and len(element.terms) > self.max_terms:
            raise BudgetExceeded(f"an expression grew past {self.max_terms} terms")


class GroundTruth:
    """Exact derivatives of a network's cost (and of its nodes), in atoms.

    A *seed* names what to differentiate with respect to:
    ``("w", l, j, k)``, ``("b", l, j)``, ``("x", s, k)`` (leaves),
    ``("z", s, l, j)`` (δ: C as a function of z^l) and ``("a", s, l, j)``
    (C as a function of a^l, e.g. ∇_a C).
    """

    def __init__(self, net: Network, budget: Budget | None = None):
        self.net = net
        self.model = net.atoms
        self.budget = budget or Budget()
        self._cost_grad_cache: dict = {}

    # -- the tangent of every node with respect to one seed -------------------

    def _tangents(self, seed: tuple):
        model = self.model
        graph = _graph(model)
        kind = seed[0]
        seed_atom = model.index.get(seed) if kind in ("w", "b", "x", "y") else None
        if kind == "a" and seed[2] == 1:  # a^1 is the input x
            seed_atom = model.index.get(("x", seed[1], seed[3]))
            kind, seed = "x", ("x", seed[1], seed[3])
        # Only the forward cone of the seed can move: the atoms and nodes
        # downstream of it. Everything else has a zero tangent, known without
        # differentiating (the sums below skip exactly the zero terms they
        # skipped before, in the same order).
        if kind in ("z", "a"):  # a^l_j moves σ(z^l_j) itself, z^l_j everything σ(z^l_j) moves
            moving, moving_z = graph.cone(seed_atom=None, seed_node=seed[1:])
        else:
            moving, moving_z = graph.cone(seed_atom=seed_atom, seed_node=None)
        memo_atom: dict[int, object] = {}
        memo_z: dict[tuple, object] = {}
        check = self.budget.check

        def z_tangent(s, l, j):
            key = (s, l, j)
            if key in memo_z:
                return memo_z[key]
            if kind == "z" and s == seed[1] and l <= seed[2]:
                value = Poly.const(1) if (l, j) == (seed[2], seed[3]) else ZERO
            elif kind == "a" and s == seed[1] and l <= seed[2]:
                value = ZERO
            elif kind in ("z", "a") and s != seed[1]:
                value = ZERO
            elif key not in moving_z:
                value = ZERO
            else:
                value = total(model.Z[s][l][j - 1])
            memo_z[key] = value
            return value

        def atom_tangent(g: int):
            if g in memo_atom:
                return memo_atom[g]
            key = model.keys[g]
            akind = key[0]
            if akind in ("x", "y", "w", "b"):
                value = Poly.const(1) if g == seed_atom else ZERO
            elif akind == "S":
                _, s, l, j = key
                if kind == "a" and (s, l) == (seed[1], seed[2]):
                    value = Poly.const(1) if j == seed[3] else ZERO
                else:
                    dz = z_tangent(s, l, j)
                    value = ZERO if _zero(dz) else model.D[s][l][j - 1] * dz
            elif akind == "E":
                _, s, j = key
                dz = z_tangent(s, self.net.L, j)
                value = ZERO if _zero(dz) else Poly.gen(g) * dz
            else:  # D atoms: σ'' never enters first derivatives
                raise AssertionError(f"atom {key} is never differentiated")
            check(value)
            memo_atom[g] = value
            return value

        def total(element):
            """d(element)/d(seed) = Σ_g ∂element/∂g · dg/d(seed)."""
            pieces = []
            for g in graph.moving_gens(element, moving):  # outside the cone dg = 0
                dg = atom_tangent(g)
                if _zero(dg):
                    continue
                pieces.append(graph.partial(element, g) * dg)
            out = _sum(pieces)
            check(out)
            return out

        return total, z_tangent

    # -- the cost -------------------------------------------------------------

    def _cost_gradient_atoms(self, s: int):
        """∂C_s/∂a^{s,L}_j for each j, from ``sympy.diff`` of the cost, in atoms."""
        if s in self._cost_grad_cache:
            return self._cost_grad_cache[s]
        net = self.net
        n = net.n(net.L)
        a_syms = [sympy.Symbol(f"_a{j}") for j in range(1, n + 1)]
        y_syms = [sympy.Symbol(f"_y{j}") for j in range(1, n + 1)]
        grads = net.cost_entry.grad(a_syms, y_syms)
        mapping = {a: self.model.A[s][net.L][j] for j, a in enumerate(a_syms)}
        mapping.update({y: self.model.target(j + 1, s) for j, y in enumerate(y_syms)})
        out = [from_sympy(g, mapping) for g in grads]
        self._cost_grad_cache[s] = out
        return out

    def d_cost(self, seed: tuple, *, sample: int | None = None):
        """dC/d(seed); with ``sample`` the per-sample cost C_x of that sample only."""
        net = self.net
        total, _ = self._tangents(seed)
        samples = [sample] if sample is not None else list(net.samples)
        weight = 1 if (sample is not None or net.batch == 1) else sympy.Rational(1, net.batch)
        pieces = []
        for s in samples:
            g = self._cost_gradient_atoms(s)
            for j in range(1, net.n(net.L) + 1):
                if seed[0] == "a" and (seed[1], seed[2]) == (s, net.L):
                    # C as a function of a^L itself: a^L_j moves alone (a softmax
                    # output has no atom of its own for the chain rule to meet).
                    da = Poly.const(1) if j == seed[3] else ZERO
                else:
                    da = total(self.model.A[s][net.L][j - 1])
                if _zero(da):
                    continue
                pieces.append(g[j - 1] * da)
        out = _sum(pieces)
        if weight != 1:
            out = out * _frac(weight)
        return out

    def d_node(self, node, seed: tuple):
        """d(node)/d(seed) for a node given as an algebra element (e.g. z^{l+1}_i)."""
        itself = self._seed_layer_node(node, seed)
        if itself is not None:
            return itself
        total, _ = self._tangents(seed)
        return total(node)

    def _seed_layer_node(self, node, seed: tuple):
        # A node of the seed's own layer and kind: ∂z^l_i/∂z^l_j = ∂a^l_i/∂a^l_j = [i = j].
        # Differentiating its definition would give 0 (it is built from the layer
        # below), and a softmax output a^L_i = E_i/ΣE has no atom the seed could
        # meet, so these are answered here (found by the oracle, tests/test_oracle.py).
        kind = seed[0]
        if kind not in ("z", "a") or (kind == "a" and seed[2] == 1):
            return None
        _, s, l, j = seed
        layer = (self.model.Z if kind == "z" else self.model.A)[s].get(l)
        for i, element in enumerate(layer or (), start=1):
            if element is node or _same_element(element, node):
                return Poly.const(1) if i == j else ZERO
        return None

    def dz_dseed(self, s: int, l: int, j: int, seed: tuple):
        _, z_tangent = self._tangents(seed)
        return z_tangent(s, l, j)

    # -- named quantities -----------------------------------------------------

    def delta(self, l: int, j: int, s: int = 1, *, per_sample: bool = False):
        """δ^l_j ≡ ∂C/∂z^l_j (``per_sample``: of C_x, the cost of sample s alone)."""
        return self.d_cost(("z", s, l, j), sample=s if per_sample else None)

    def nabla_a(self, j: int, s: int = 1, *, l: int | None = None):
        """∂C/∂a^l_j (default l = L), C written as a function of a^l."""
        return self.d_cost(("a", s, l or self.net.L, j))

    def prepare(self) -> "GroundTruth":
        """Build the atoms and the graph of the network now (before forking workers)."""
        _graph(self.model)
        return self

    def dw(self, l: int, j: int, k: int):
        return self.d_cost(("w", l, j, k))

    def db(self, l: int, j: int):
        return self.d_cost(("b", l, j))

    def to_sympy(self, element) -> sympy.Expr:
        return element.to_sympy(self.model.sympy_atom)


class _Graph:
    """Which node uses which atom, each node's atoms and partial derivatives, computed once per network.

    The forward pass of a tangent visits only the *cone* of its seed (the
    nodes downstream of it); ``partial`` remembers ∂node/∂atom, which the
    tangents of every seed of a layer share (∂z^{l+1}_i/∂σ(z^l_j) = w^{l+1}_{ij}).
    """

    def __init__(self, model):
        self.keys = model.keys
        self.index = model.index
        self.users: dict[int, list] = {}  # atom -> the z nodes (s, l, j) whose definition holds it
        self._gens: dict[int, tuple] = {}  # id(node polynomial) -> its atoms, sorted
        self._partials: dict = {}
        self._gen_sets: dict = {}
        self._nodes: list = []  # keeps the polynomials (and so their ids) alive
        for s, layers in model.Z.items():
            for l, nodes in layers.items():
                for j, z in enumerate(nodes, start=1):
                    gens = tuple(sorted(z.gens()))
                    self._gens[id(z)] = gens
                    self._nodes.append(z)
                    for g in gens:
                        self.users.setdefault(g, []).append((s, l, j))
        for s, layers in model.A.items():
            for a in layers[max(layers)]:
                self._gens[id(a)] = tuple(sorted(a.gens()))
                self._nodes.append(a)
        # the atom that carries z^{s,l}_j forward: σ(z) (S) or, for a softmax output, exp(z) (E)
        self.carrier: dict[tuple, int] = {}
        for key, g in model.index.items():
            if key[0] == "S":
                self.carrier[key[1:]] = g
            elif key[0] == "E":
                s, j = key[1:]
                self.carrier[(s, model.net.L, j)] = g

    def gens(self, element) -> tuple:
        gens = self._gens.get(id(element))
        return gens if gens is not None else tuple(sorted(element.gens()))

    def moving_gens(self, element, moving: set) -> list:
        """The atoms of ``element`` in ``moving``, in increasing order."""
        gens = self.gens(element)
        if len(moving) * 8 < len(gens):  # a small cone in a wide node (z^2_j of 784 inputs)
            present = self._gen_sets.get(id(element))
            if present is None:
                present = self._gen_sets[id(element)] = frozenset(gens)
            return sorted(g for g in moving if g in present)
        return [g for g in gens if g in moving]

    def partial(self, element, g: int):
        if id(element) not in self._gens:
            return element.diff(g)
        partials = self._partials.get(id(element))
        if partials is None:
            partials = self._partials[id(element)] = _all_partials(element)
        return partials[g]

    def cone(self, seed_atom, seed_node) -> tuple[set, set]:
        """(atoms, z nodes) downstream of a leaf atom or of a node (s, l, j)."""
        atoms, nodes = set(), set()
        frontier = []
        if seed_atom is not None:
            atoms.add(seed_atom)
            frontier.append(seed_atom)
        if seed_node is not None:
            nodes.add(tuple(seed_node))
            g = self.carrier.get(tuple(seed_node))
            if g is not None:
                atoms.add(g)
                frontier.append(g)
        while frontier:
            g = frontier.pop()
            for node in self.users.get(g, ()):
                if node in nodes:
                    continue
                nodes.add(node)
                carried = self.carrier.get(node)
                if carried is not None and carried not in atoms:
                    atoms.add(carried)
                    frontier.append(carried)
        return atoms, nodes


def _all_partials(element) -> dict:
    # ∂element/∂g for every atom g in one pass over the terms: what
    # ``element.diff(g)`` gives for each g (same terms, same order), without
    # a pass over all of z^2_j (784 inputs) for each of its 785 atoms.
    if not isinstance(element, Poly):
        return {g: element.diff(g) for g in element.gens()}
    acc: dict = {}
    for m, c in element.terms.items():
        last = None
        for pos, g in enumerate(m):
            if g == last:
                continue  # the first occurrence of a repeated atom stands for it
            last = g
            rest = m[:pos] + m[pos + 1 :]
            out = acc.setdefault(g, {})
            out[rest] = _norm_coefficient(out.get(rest, 0) + c * m.count(g))
    return {g: Poly({m: c for m, c in out.items() if c != 0}) for g, out in acc.items()}


def _norm_coefficient(c):
    if type(c) is Fraction and c.denominator == 1:
        return c.numerator
    return c


_GRAPHS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _graph(model) -> _Graph:
    graph = _GRAPHS.get(model)
    if graph is None:
        graph = _GRAPHS[model] = _Graph(model)
    return graph


def _same_element(a, b) -> bool:
    if isinstance(a, Poly) and isinstance(b, Poly):
        return a.terms == b.terms
    if isinstance(a, RatFunc) and isinstance(b, RatFunc):
        return a.num.terms == b.num.terms and a.den.terms == b.den.terms
    return False


def _zero(e) -> bool:
    return e.is_zero() if isinstance(e, (Poly, RatFunc)) else e == 0


def _frac(r):
    from fractions import Fraction

    return Fraction(int(r.p), int(r.q))


def from_sympy(expr: sympy.Expr, mapping: dict):
    """Convert a rational SymPy expression over ``mapping``'s symbols to the algebra.

    Only +, ×, integer powers and rational numbers are accepted: anything else
    (log, exp of a non-atom, ...) is a bug of ours, not a user's input.
    """
    from fractions import Fraction

    if expr in mapping:
        return mapping[expr]
    if expr.is_Integer:
        return Poly.const(int(expr))
    if expr.is_Rational:
        return Poly.const(Fraction(int(expr.p), int(expr.q)))
    if expr.is_Add:
        out = ZERO
        for arg in expr.args:
            out = out + from_sympy(arg, mapping)
        return out
    if expr.is_Mul:
        out = Poly.const(1)
        for arg in expr.args:
            out = out * from_sympy(arg, mapping)
        return out
    if expr.is_Pow and expr.exp.is_Integer:
        base = from_sympy(expr.base, mapping)
        e = int(expr.exp)
        if e >= 0:
            return base**e
        return RatFunc(Poly.const(1)) / (base ** (-e))
    raise ValueError(f"cannot express {expr} in the network's atoms")


# -- public helpers -----------------------------------------------------------


def _parameter_key(net: Network, wrt) -> tuple:
    if isinstance(wrt, tuple):
        key = wrt
    else:
        key = parse_quantity(str(wrt))
    kind = key[0]
    if kind == "w":
        _, l, j, k = key
        ok = 2 <= l <= net.L and 1 <= j <= net.n(l) and 1 <= k <= net.n(l - 1)
    elif kind == "b":
        _, l, j = key
        ok = 2 <= l <= net.L and 1 <= j <= net.n(l)
    else:
        ok = False
    if not ok:
        raise SpecError(f"{wrt!r} is not a parameter of the network {net.label()} (w^l_jk or b^l_j, l = 2..{net.L})")
    return key


def parse_quantity(text: str) -> tuple:
    """Parse ``w^2_{1,2}``, ``w^2_12``, ``b^3_1`` into a parameter key.

    This is a tiny fixed-format reader (no evaluation of any kind).

    >>> parse_quantity("w^2_{1,2}")
    ('w', 2, 1, 2)
    >>> parse_quantity("b^3_1")
    ('b', 3, 1)
    """
    import re

    t = text.replace(" ", "")
    m = re.fullmatch(r"([wb])\^\{?(\d+)\}?_\{?([\d,]+)\}?", t)
    if not m:
        raise SpecError(f"cannot read the parameter {text!r}; write it like w^2_{{1,2}} or b^3_1")
    kind, l, idx = m.group(1), int(m.group(2)), m.group(3)
    parts = [int(p) for p in idx.split(",")] if "," in idx else [int(c) for c in idx]
    if kind == "w" and len(parts) == 2:
        return ("w", l, parts[0], parts[1])
    if kind == "b" and len(parts) == 1:
        return ("b", l, parts[0])
    raise SpecError(f"{text!r}: a weight has two neuron indices (w^l_{{j,k}}), a bias one (b^l_j)")


def gradient(net: Network, wrt, budget: Budget | None = None) -> sympy.Expr:
    """∂C/∂(parameter) as a SymPy expression over z^l_j, σ(z^l_j), σ'(z^l_j).

    ``wrt`` is a key like ``("w", 2, 1, 2)`` or text like ``"w^2_{1,2}"``.
    """
    key = _parameter_key(net, wrt)
    gt = GroundTruth(net, budget)
    return sympy.factor_terms(gt.to_sympy(gt.d_cost(key)))


def sympy_gradient(net: Network, wrt) -> sympy.Expr:
    """``sympy.diff`` of the fully composed cost: the slow, obvious oracle."""
    key = _parameter_key(net, wrt)
    return sympy.diff(net.composed_cost(), net.symbol(key))


def substitute_forward(net: Network, expr: sympy.Expr, s: int = 1) -> sympy.Expr:
    """Replace the display symbols z^l_j in ``expr`` by their composed values."""
    zs, _ = net.forward(s)
    subs = {net.z(l, j, s): zs[l][j - 1] for l in zs for j in range(1, net.n(l) + 1)}
    return expr.xreplace(subs)
