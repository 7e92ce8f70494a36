r"""The quantities a formula talks about, from two interchangeable sources.

* ``ExactQuantities``: exact polynomials in the network's atoms, the ground
  truth from ``derive.GroundTruth`` (canonical form: a difference is zero or
  it is not).
* ``PointQuantities``: the same quantities as numbers at one point, computed
  by forward-mode differentiation over a number field: integers modulo a
  prime (for the polynomial identity test), exact rationals or 60-digit
  floats (for counterexamples with a concrete activation).

Both offer the same methods, so each formula in ``backprop`` is written once.
"""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import sympy

from .algebra import Poly, RatFunc
from .backprop import Mat
from .derive import Budget, GroundTruth, from_sympy
from .errors import IdentityError
from .network import Network


class _Common:
    net: Network
    mod: int | None = None

    @property
    def L(self) -> int:
        return self.net.L

    @property
    def samples(self) -> range:
        return self.net.samples

    def _check_sigma_prime(self, l: int) -> None:
        if l == self.net.L and self.net.output_softmax:
            raise IdentityError(
                "σ'(z^L) does not exist for a softmax output layer (its Jacobian is not diagonal); "
                "use the softmax-ce identities"
            )


class ExactQuantities(_Common):
    """Ground-truth quantities as exact ``algebra`` elements."""

    one = 1

    def __init__(self, net: Network, budget: Budget | None = None):
        self.net = net
        self.gt = GroundTruth(net, budget)
        self.model = net.atoms
        self._cache: dict = {}

    def _memo(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def fraction(self, p: int, q: int):
        return Fraction(p, q)

    def W(self, l: int) -> Mat:
        m = self.model
        return Mat(
            [[m.atom(("w", l, j, k)) for k in range(1, self.net.n(l - 1) + 1)] for j in range(1, self.net.n(l) + 1)],
            name=f"w^{l}",
        )

    def W_augmented(self, l: int) -> Mat:
        w = self.W(l)
        return Mat([[self.model.atom(("b", l, j + 1))] + row for j, row in enumerate(w.rows)], name=f"W^{l}")

    def a(self, l: int, s: int = 1) -> Mat:
        return Mat.column(self.model.A[s][l], name=f"a^{l}")

    def y(self, s: int = 1) -> Mat:
        return Mat.column([self.model.target(j, s) for j in range(1, self.net.n(self.L) + 1)], name="y")

    def sigma_prime(self, l: int, s: int = 1) -> Mat:
        self._check_sigma_prime(l)
        return Mat.column(self.model.D[s][l], name=f"σ'(z^{l})")

    # The ground-truth vectors and matrices are lazy (``Mat.lazy``): an entry
    # is differentiated when a comparison reaches it. A vector (δ^l, ∇_a C)
    # keeps its entries, which the formulas read again and again; a
    # weight-shaped ∂C/∂w^l keeps none, so an exact proof holds one of its
    # polynomials at a time instead of every gradient of the network.

    def delta(self, l: int, s: int = 1, per_sample: bool = False) -> Mat:
        return self._memo(
            ("delta", l, s, per_sample),
            lambda: Mat.lazy(
                (self.net.n(l), 1), lambda i, _: self.gt.delta(l, i + 1, s, per_sample=per_sample), name=f"δ^{l}"
            ),
        )

    def nabla_a(self, s: int = 1, l: int | None = None) -> Mat:
        l = l or self.L
        return self._memo(
            ("nabla", s, l),
            lambda: Mat.lazy((self.net.n(l), 1), lambda i, _: self.gt.nabla_a(i + 1, s, l=l), name="∇_a C"),
        )

    def dC_dw(self, l: int) -> Mat:
        return Mat.lazy((self.net.n(l), self.net.n(l - 1)), lambda j, k: self.gt.dw(l, j + 1, k + 1))

    def dC_db(self, l: int) -> Mat:
        return Mat.lazy((self.net.n(l), 1), lambda j, _: self.gt.db(l, j + 1), keep=False)

    def dz_next_dz(self, l: int, s: int = 1) -> Mat:
        """J[i][j] = ∂z^{l+1}_i/∂z^l_j (C plays no part)."""
        Z = self.model.Z[s][l + 1]
        return Mat([[self.gt.d_node(Z[i], ("z", s, l, j)) for j in range(1, self.net.n(l) + 1)] for i in range(len(Z))])

    def dz_db(self, l: int, s: int = 1) -> Mat:
        Z = self.model.Z[s][l]
        return Mat([[self.gt.d_node(Z[i], ("b", l, j)) for j in range(1, len(Z) + 1)] for i in range(len(Z))])

    def dz_dw_own(self, l: int, s: int = 1) -> Mat:
        """M[i][k] = ∂z^l_i/∂w^l_{ik} (Sokolinsky's Lemma 4, his w^{(l)}_{ki})."""
        Z = self.model.Z[s][l]
        return Mat([[self.gt.d_node(Z[i], ("w", l, i + 1, k)) for k in range(1, self.net.n(l - 1) + 1)] for i in range(len(Z))])

    def da_dz(self, l: int, s: int = 1) -> Mat:
        """J[j][i] = ∂a^l_j/∂z^l_i (the activation's Jacobian)."""
        A = self.model.A[s][l]
        return Mat([[self.gt.d_node(A[j], ("z", s, l, i)) for i in range(1, len(A) + 1)] for j in range(len(A))])


# -- fields for PointQuantities ------------------------------------------------


class ModP:
    """Integers modulo the Mersenne prime 2^61 − 1."""

    name = "modp"
    p = (1 << 61) - 1

    def __init__(self, rng: random.Random):
        self.rng = rng

    def random(self) -> int:
        return self.rng.randrange(1, self.p)

    def coeff(self, c) -> int:
        if isinstance(c, Fraction):
            return c.numerator * pow(c.denominator, -1, self.p) % self.p
        return int(c) % self.p

    def r(self, v):
        return v % self.p

    def div(self, a, b):
        if b % self.p == 0:
            raise ZeroDivisionError("a denominator vanished at this point")
        return a * pow(int(b), -1, self.p) % self.p


class Exact:
    """Exact rationals (Fractions)."""

    name = "exact"
    p = None

    def coeff(self, c):
        return Fraction(c)

    def r(self, v):
        return v

    def div(self, a, b):
        if b == 0:
            raise ZeroDivisionError("a denominator vanished at this point")
        return a / b


class Decimal60(Exact):
    """60-digit mpmath floats, for activations with transcendental values.

    A private mpmath context, so the global precision of other code is untouched.
    """

    name = "mp60"

    def __init__(self):
        from mpmath.ctx_mp import MPContext

        self.mp = MPContext()
        self.mp.dps = 60

    def coeff(self, c):
        c = Fraction(c)
        return self.mp.mpf(c.numerator) / c.denominator


def evaluate_element(element, values: dict, field) -> object:
    """Value of a Poly/RatFunc/number at ``values`` (atom index -> value)."""
    if isinstance(element, RatFunc):
        return field.div(evaluate_element(element.num, values, field), evaluate_element(element.den, values, field))
    if isinstance(element, Poly):
        total = field.coeff(0)
        for m, c in element.monomials():
            term = field.coeff(c)
            for g, e in m:
                term = field.r(term * values[g] ** e)
            total = field.r(total + term)
        return total
    return field.coeff(element)


class PointQuantities(_Common):
    """The same quantities as numbers at one point (forward mode, vectorised).

    ``leaf(key)`` gives the value of x, y, w, b; ``neuron(s, l, j, z)`` gives
    (σ(z), σ'(z)) of neuron j of layer l at the value z of its input, or
    ``exp(z)`` for a softmax output. For the polynomial identity test these
    ignore z and return random field elements (the atoms are independent);
    for a counterexample they apply a concrete activation.
    """

    def __init__(self, net: Network, field, leaf, neuron, output_exp=None):
        self.net = net
        self.field = field
        self.mod = field.p
        self.one = field.coeff(1)
        self._leaf = {}
        self._values: dict = {}  # atom index -> value (for evaluate_element)
        model = net.atoms
        self.W_, self.b_, self.A_, self.D_, self.Z_, self.E_, self.Y_ = {}, {}, {}, {}, {}, {}, {}
        for l in net.layers:
            self.W_[l] = np.array(
                [[self._leafv(("w", l, j, k), leaf) for k in range(1, net.n(l - 1) + 1)] for j in range(1, net.n(l) + 1)],
                dtype=object,
            )
            self.b_[l] = np.array([self._leafv(("b", l, j), leaf) for j in range(1, net.n(l) + 1)], dtype=object)
        for s in net.samples:
            n_out = net.n(net.L)
            ys = [self._leafv(("y", s, j), leaf) for j in range(1, n_out + (0 if net.one_hot else 1))]
            if net.one_hot:
                ys.append(field.r(self.one - sum(ys, field.coeff(0))))
            self.Y_[s] = np.array(ys, dtype=object)
            A = {1: np.array([self._leafv(("x", s, k), leaf) for k in range(1, net.n(1) + 1)], dtype=object)}
            D, Z, E = {}, {}, None
            for l in net.layers:
                Z[l] = self._r(self.W_[l].dot(A[l - 1]) + self.b_[l])
                if l == net.L and net.output_softmax:
                    E = np.array([output_exp(s, j, Z[l][j - 1]) for j in range(1, net.n(l) + 1)], dtype=object)
                    for j in range(1, net.n(l) + 1):
                        self._values[model.index[("E", s, j)]] = E[j - 1]
                    total = sum(E, field.coeff(0))
                    A[l] = np.array([field.div(e, total) for e in E], dtype=object)
                    continue
                vals = [neuron(s, l, j, Z[l][j - 1]) for j in range(1, net.n(l) + 1)]
                A[l] = np.array([v[0] for v in vals], dtype=object)
                D[l] = np.array([v[1] for v in vals], dtype=object)
                for j, (sv, dv) in enumerate(vals, start=1):
                    self._values[model.index[("S", s, l, j)]] = sv
                    if ("D", s, l, j) in model.index:
                        self._values[model.index[("D", s, l, j)]] = dv
            self.A_[s], self.D_[s], self.Z_[s], self.E_[s] = A, D, Z, E
        self._g = {s: self._cost_gradient(s) for s in net.samples}

    def _leafv(self, key, leaf):
        v = leaf(key)
        self._leaf[key] = v
        if key in self.net.atoms.index:
            self._values[self.net.atoms.index[key]] = v
        return v

    def _r(self, arr):
        if self.mod is None:
            return arr
        return np.array([v % self.mod for v in arr.ravel()], dtype=object).reshape(arr.shape)

    def point(self) -> dict:
        """The leaves (x, y, w, b) of this point."""
        return dict(self._leaf)

    def fraction(self, p: int, q: int):
        return self.field.div(self.field.coeff(p), self.field.coeff(q))

    def _cost_gradient(self, s):
        net = self.net
        n = net.n(net.L)
        a_syms = [sympy.Symbol(f"_a{j}") for j in range(n)]
        y_syms = [sympy.Symbol(f"_y{j}") for j in range(n)]
        grads = net.cost_entry.grad(a_syms, y_syms)
        mapping = {sym: Poly.gen(i) for i, sym in enumerate(a_syms + y_syms)}
        values = {i: v for i, v in enumerate(list(self.A_[s][net.L]) + list(self.Y_[s]))}
        return np.array([evaluate_element(from_sympy(g, mapping), values, self.field) for g in grads], dtype=object)

    # -- forward-mode tangents ------------------------------------------------

    def _to_cost(self, s: int, l0: int, dZ: np.ndarray | None, dA: np.ndarray | None = None) -> np.ndarray:
        """Push tangents of z^{l0} (or a^{l0}) of sample s forward to dC_s."""
        net = self.net
        l = l0
        if dA is None:
            if l == net.L and net.output_softmax:
                dA = self._softmax_tangent(s, dZ)
            else:
                dA = self._r(self.D_[s][l][:, None] * dZ)
        while l < net.L:
            l += 1
            dZ = self._r(self.W_[l].dot(dA))
            if l == net.L and net.output_softmax:
                dA = self._softmax_tangent(s, dZ)
            else:
                dA = self._r(self.D_[s][l][:, None] * dZ)
        return self._r(self._g[s].dot(dA))

    def _softmax_tangent(self, s, dZ):
        # d(E_i / T) with dE_i = E_i dz_i and T = Σ_k E_k: the quotient rule.
        f = self.field
        E = self.E_[s]
        T = f.r(sum(E, f.coeff(0)))
        dE = self._r(E[:, None] * dZ)
        dT = self._r(dE.sum(axis=0))
        out = np.empty(dZ.shape, dtype=object)
        T2 = f.r(T * T)
        for i in range(dZ.shape[0]):
            for c in range(dZ.shape[1]):
                out[i, c] = f.div(f.r(dE[i, c] * T - E[i] * dT[c]), T2)
        return out

    def _identity(self, n):
        eye = np.empty((n, n), dtype=object)
        eye.fill(self.field.coeff(0))
        for i in range(n):
            eye[i, i] = self.field.coeff(1)
        return eye

    def _weight(self, per_sample):
        if self.net.batch == 1 or per_sample:
            return self.field.coeff(1)
        return self.fraction(1, self.net.batch)

    # -- the quantities ---------------------------------------------------------

    def W(self, l):
        return Mat(self.W_[l].tolist(), self.mod, name=f"w^{l}")

    def W_augmented(self, l):
        return Mat([[b] + list(row) for b, row in zip(self.b_[l], self.W_[l])], self.mod, name=f"W^{l}")

    def a(self, l, s=1):
        return Mat.column(self.A_[s][l], self.mod, name=f"a^{l}")

    def y(self, s=1):
        return Mat.column(self.Y_[s], self.mod, name="y")

    def sigma_prime(self, l, s=1):
        self._check_sigma_prime(l)
        return Mat.column(self.D_[s][l], self.mod, name=f"σ'(z^{l})")

    def delta(self, l, s=1, per_sample=False):
        n = self.net.n(l)
        row = self._to_cost(s, l, self._identity(n))
        w = self._weight(per_sample)
        return Mat.column([self.field.r(w * v) for v in row], self.mod, name=f"δ^{l}")

    def nabla_a(self, s=1, l=None):
        l = l or self.L
        n = self.net.n(l)
        row = self._to_cost(s, l, None, dA=self._identity(n))
        w = self._weight(False)
        return Mat.column([self.field.r(w * v) for v in row], self.mod, name="∇_a C")

    def dC_dw(self, l):
        net, f = self.net, self.field
        n, m = net.n(l), net.n(l - 1)
        total = None
        for s in net.samples:
            # One tangent per weight w^l_{jk}: ∂z^l_i/∂w^l_{jk} = [i = j] a^{l-1}_k.
            dZ = np.empty((n, n * m), dtype=object)
            dZ.fill(f.coeff(0))
            for j in range(n):
                for k in range(m):
                    dZ[j, j * m + k] = self.A_[s][l - 1][k]
            row = self._to_cost(s, l, dZ)
            total = row if total is None else self._r(total + row)
        w = self._weight(False)
        return Mat([[f.r(w * total[j * m + k]) for k in range(m)] for j in range(n)], self.mod)

    def dC_db(self, l):
        total = None
        for s in self.net.samples:
            row = self._to_cost(s, l, self._identity(self.net.n(l)))
            total = row if total is None else self._r(total + row)
        w = self._weight(False)
        return Mat.column([self.field.r(w * v) for v in total], self.mod)

    def value(self, element):
        """An exact ``algebra`` element evaluated at this point."""
        return evaluate_element(element, self._values, self.field)
