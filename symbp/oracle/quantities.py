r"""The quantities interface of the catalogue, answered by the oracle.

``OracleQuantities`` offers the methods ``quantities.ExactQuantities`` and
``quantities.PointQuantities`` offer (``W``, ``a``, ``y``, ``sigma_prime``,
``delta``, ``nabla_a``, ``dC_dw``, ``dC_db``, the local Jacobians), each entry
a number from ``numeric.Oracle``. So any identity of the catalogue can have
both its sides evaluated at a point purely from the oracle:
``ident.compare(OracleQuantities(net, point))``.

>>> from fractions import Fraction
>>> from symbp.network import network
>>> from symbp.identities import BP3
>>> net = network([1, 2, 1], "sigmoid")
>>> pt = {k: Fraction(1, 3) for k in [("x", 1, 1), ("y", 1, 1)] + net.parameters()}
>>> comp = next(BP3.compare(OracleQuantities(net, pt)))
>>> abs(comp.lhs.rows[0][0] - comp.rhs.rows[0][0]) < 1e-45
True
"""

from __future__ import annotations

from ..backprop import Mat
from ..errors import IdentityError
from ..network import Network
from .numeric import Oracle


class OracleQuantities:
    """The catalogue's quantities at one exact point, from the oracle (``mod`` is None: real numbers)."""

    mod = None

    def __init__(self, net: Network, point, *, generic: str = "polynomial", budget: float | None = None, oracle: Oracle | None = None):
        self.net = net
        self.oracle = oracle or Oracle(net, point, generic=generic, budget=budget)
        self.one = self.oracle.mp.one
        self._cache: dict = {}

    @property
    def L(self) -> int:
        return self.net.L

    @property
    def samples(self) -> range:
        return self.net.samples

    def fraction(self, p: int, q: int):
        return self.oracle.mp.mpf(p) / q

    def _memo(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _n(self, l: int) -> range:
        return range(1, self.net.n(l) + 1)

    # -- the network's values ---------------------------------------------------------------

    def W(self, l: int) -> Mat:
        o = self.oracle
        return Mat([[o.value(("w", l, j, k)) for k in self._n(l - 1)] for j in self._n(l)], name=f"w^{l}")

    def W_augmented(self, l: int) -> Mat:
        o = self.oracle
        return Mat([[o.value(("b", l, j))] + [o.value(("w", l, j, k)) for k in self._n(l - 1)] for j in self._n(l)], name=f"W^{l}")

    def a(self, l: int, s: int = 1) -> Mat:
        return Mat.column([self.oracle.a(l, j, s) for j in self._n(l)], name=f"a^{l}")

    def y(self, s: int = 1) -> Mat:
        return Mat.column([self.oracle.value(("y", s, j)) for j in self._n(self.L)], name="y")

    def sigma_prime(self, l: int, s: int = 1) -> Mat:
        if l == self.L and self.net.output_softmax:
            raise IdentityError(
                "σ'(z^L) does not exist for a softmax output layer (its Jacobian is not diagonal); "
                "use the softmax-ce identities"
            )
        return self._memo(("sp", l, s), lambda: Mat.column([self.oracle.sigma_prime(l, j, s) for j in self._n(l)], name=f"σ'(z^{l})"))

    # -- derivatives, each a difference quotient of the composed network ---------------------

    def delta(self, l: int, s: int = 1, per_sample: bool = False) -> Mat:
        o = self.oracle
        return self._memo(("delta", l, s, per_sample), lambda: Mat.column([o.delta(l, j, s, per_sample) for j in self._n(l)], name=f"δ^{l}"))

    def nabla_a(self, s: int = 1, l: int | None = None) -> Mat:
        l = l or self.L
        return self._memo(("nabla", s, l), lambda: Mat.column([self.oracle.dC_da(l, j, s) for j in self._n(l)], name="∇_a C"))

    def dC_dw(self, l: int) -> Mat:
        o = self.oracle
        return self._memo(("dw", l), lambda: Mat([[o.dC_dw(l, j, k) for k in self._n(l - 1)] for j in self._n(l)]))

    def dC_db(self, l: int) -> Mat:
        return self._memo(("db", l), lambda: Mat.column([self.oracle.dC_db(l, j) for j in self._n(l)]))

    def dz_next_dz(self, l: int, s: int = 1) -> Mat:
        """J[i][j] = ∂z^{l+1}_i/∂z^l_j."""
        d = self.oracle.derivative
        return Mat([[d(("z", s, l + 1, i), ("z", s, l, j)) for j in self._n(l)] for i in self._n(l + 1)])

    def dz_db(self, l: int, s: int = 1) -> Mat:
        d = self.oracle.derivative
        return Mat([[d(("z", s, l, i), ("b", l, j)) for j in self._n(l)] for i in self._n(l)])

    def dz_dw_own(self, l: int, s: int = 1) -> Mat:
        """M[i][k] = ∂z^l_i/∂w^l_{ik}."""
        d = self.oracle.derivative
        return Mat([[d(("z", s, l, i), ("w", l, i, k)) for k in self._n(l - 1)] for i in self._n(l)])

    def da_dz(self, l: int, s: int = 1) -> Mat:
        """J[j][i] = ∂a^l_j/∂z^l_i (the activation's Jacobian; a softmax's is full)."""
        d = self.oracle.derivative
        return Mat([[d(("a", s, l, j), ("z", s, l, i)) for i in self._n(l)] for j in self._n(l)])
