r"""The oracle's core: a network evaluated at 120 digits, derivatives by central differences.

Independence. Of a ``Network`` this module reads only its specification:
``sizes``, the activation *name* of every neuron (``activations`` and
``overrides``), the ``cost`` name, ``one_hot`` and ``batch``. It defines the
activations and costs itself, in mpmath, and never calls ``derive``,
``quantities``, ``algebra`` or the derivative rules of ``functions``: every
derivative is a difference quotient of the composed forward pass, never a
backprop recursion or a symbolic rule.

What a derivative means. ``derivative(of, wrt)`` moves ``wrt`` by t in the
forward pass and reads ``of``; everything downstream of ``wrt`` follows,
nothing upstream moves. So δ^l_j = ∂C/∂z^l_j is C as a function of z^l (z^l_j
is shifted right after it is computed), ∂C/∂a^l_j shifts a^l_j right after
the activation, and ∂a^L_i/∂a^L_j = [i = j] even at a softmax output.

Error bound. Values are computed with ``WORK_DIGITS`` = 120 significant
digits from the exact rational point. A derivative is the central difference
D(h) = (f(h) − f(−h))/2h with h = 10^-55; its truncation error is
h²·|f'''|/6 ≈ 10^-110·|f'''| and its rounding error about
10^-120·κ/h = 10^-65·κ (κ: the size of the values the forward pass carries),
so the answer is good to far more than the ``DIGITS`` = 50 digits promised
unless |f'''| or κ is astronomically large. Every derivative is checked a
posteriori: D(10^-60) is computed too, and if the two differ by more than
10^-55·(1 + |D|) the oracle refuses with ``OracleError``. ``error`` is the
largest such estimate seen.

A relu has no derivative at z = 0: if a relu neuron's z is within 10^-30 of
0 where a derivative would pass through it, the oracle refuses (σ'(0) = 0 is
symbp's convention, not a derivative). The cross-entropy cost exists only for
0 < a < 1 (and ln a needs a > 0): elsewhere the oracle refuses too.

A generic σ has no values; it is replaced by a concrete stand-in, the same
as the counterexample search's (written again here, not imported):
``generic="polynomial"`` takes σ(t) = t + t²/2 + t³/6 (and t + c·t² with
c = (len(f) + 1)/3 for a generic f), ``generic="sigmoid"`` the sigmoid,
``generic="arctan"`` σ(t) = 1/2 + arctan(t)/π (outputs in (0, 1), for the
cross-entropy, that are not the sigmoid's).

>>> from fractions import Fraction
>>> from symbp.network import network
>>> net = network([1, 1], "identity")
>>> o = Oracle(net, {("x", 1, 1): 2, ("y", 1, 1): 0, ("w", 2, 1, 1): Fraction(1, 2), ("b", 2, 1): 1})
>>> o.nstr(o.cost())      # C = ½ (w x + b − y)² = ½ · 2²
'2.0'
>>> o.nstr(o.dC_dw(2, 1, 1))   # (a − y) x = 2 · 2
'4.0'
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Mapping

from mpmath.ctx_mp import MPContext

from ..errors import SymbpError
from ..network import Network

#: Digits the oracle's answers are good to.
DIGITS = 50
#: Working precision of every evaluation.
WORK_DIGITS = 120
_STEP_EXPONENT = 55  # h = 10^-55
_CHECK_EXPONENT = 60  # the a-posteriori check's second step
_KINK = 30  # |z| < 10^-30 at a relu counts as the kink z = 0
#: Networks past this many parameters × samples are refused (one forward pass grows with it).
MAX_WORK = 20_000

_WORK: list = []  # the one mpmath context of WORK_DIGITS every oracle computes in (building one costs ~1 ms)


def _work_context() -> MPContext:
    """The oracle's own mpmath context at WORK_DIGITS (never the global ``mpmath.mp``), made once and shared:
    no oracle changes its precision, and it is set again here in case anything did."""
    if not _WORK:
        _WORK.append(MPContext())
    _WORK[0].dps = WORK_DIGITS
    return _WORK[0]


class OracleError(SymbpError, ValueError):
    """The oracle cannot answer at this point (a kink, an undefined cost, a budget, a bad key)."""


_ACTIVATIONS = ("sigmoid", "tanh", "softplus", "relu", "identity")
_COSTS = ("quadratic", "mean-quadratic", "squared-error", "cross-entropy", "softmax-cross-entropy")


class Oracle:
    r"""Every value and derivative of ``net`` at one exact ``point``, to ``DIGITS`` digits.

    ``point`` maps leaf keys to exact numbers (int, ``Fraction``, ``"p/q"``):
    ``("x", s, k)``, ``("y", s, j)``, ``("w", l, j, k)``, ``("b", l, j)``
    (Nielsen indexing, sample s from 1; an object with a ``values`` mapping,
    such as ``point.Point``, is accepted too). Node keys: ``("z", s, l, j)``,
    ``("a", s, l, j)`` (``a^1`` is x), ``("C",)`` the cost (the mean over the
    mini-batch) and ``("C", s)`` the cost of sample s alone.

    ``budget`` (seconds) bounds the total time spent; running out raises
    ``OracleError``.
    """

    def __init__(self, net: Network, point, *, generic: str = "polynomial", budget: float | None = None):
        if generic not in ("polynomial", "sigmoid", "arctan"):
            raise OracleError(f"generic stand-in must be 'polynomial', 'sigmoid' or 'arctan', got {generic!r}")
        if net.cost not in _COSTS:
            raise OracleError(f"the oracle does not know the cost {net.cost!r}")
        work = sum(net.sizes[i] * (net.sizes[i - 1] + 1) for i in range(1, len(net.sizes))) * net.batch
        if work > MAX_WORK:
            raise OracleError(f"the network {list(net.sizes)} is too large for the oracle ({work} parameters × samples, limit {MAX_WORK})")
        self.mp = _work_context()
        self.net = net
        self.generic = generic
        self.sizes = tuple(net.sizes)
        self.L = len(self.sizes)
        self.batch = net.batch
        self.softmax_output = net.cost == "softmax-cross-entropy"
        self.deadline = None if budget is None else time.perf_counter() + budget
        self.budget = budget
        self.error = self.mp.zero
        self._h = self.mp.mpf(10) ** -_STEP_EXPONENT
        self._h2 = self.mp.mpf(10) ** -_CHECK_EXPONENT
        self._names = {(l, j): self._activation_name(l, j) for l in range(2, self.L + 1) for j in range(1, self.n(l) + 1)}
        self._read_point(point)
        self._base = {s: self._forward(s) for s in range(1, self.batch + 1)}
        self._memo: dict = {}

    # -- the specification ------------------------------------------------------------

    def n(self, l: int) -> int:
        return self.sizes[l - 1]

    def _activation_name(self, l: int, j: int) -> str:
        name = dict(self.net.overrides).get((l, j), self.net.activations[l - 2])
        if name == "generic" or name.startswith("generic:"):
            return name
        if name not in _ACTIVATIONS:
            raise OracleError(f"the oracle does not know the activation {name!r}")
        return name

    def _read_point(self, point) -> None:
        values = point if isinstance(point, Mapping) else getattr(point, "values", None)
        if not isinstance(values, Mapping):
            raise OracleError(f"a point is a mapping of leaves to exact numbers, got {type(point).__name__}")
        mpf = self.mp.mpf

        def get(key):
            if key not in values:
                raise OracleError(f"the point gives no value for {_name(key)}")
            try:
                v = Fraction(values[key]) if not hasattr(values[key], "_mpf_") else values[key]
            except (TypeError, ValueError, ZeroDivisionError):
                raise OracleError(f"the value of {_name(key)} must be an exact number, got {values[key]!r}") from None
            return mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpf(v)

        self.w = {l: [[get(("w", l, j, k)) for k in range(1, self.n(l - 1) + 1)] for j in range(1, self.n(l) + 1)]
                  for l in range(2, self.L + 1)}
        self.b = {l: [get(("b", l, j)) for j in range(1, self.n(l) + 1)] for l in range(2, self.L + 1)}
        self.x, self.y = {}, {}
        n_out = self.n(self.L)
        for s in range(1, self.batch + 1):
            self.x[s] = [get(("x", s, k)) for k in range(1, self.n(1) + 1)]
            ys = [get(("y", s, j)) for j in range(1, n_out + (0 if self.net.one_hot else 1))]
            if self.net.one_hot:  # Σ_k y_k = 1: the last target is 1 − Σ of the others
                last = 1 - sum(ys, self.mp.zero)
                given = values.get(("y", s, n_out))
                if given is not None and abs(get(("y", s, n_out)) - last) > self.mp.mpf(10) ** -DIGITS:
                    raise OracleError(f"the point gives {_name(('y', s, n_out))} = {given}, but one-hot targets need 1 − Σ of the others")
                ys.append(last)
            self.y[s] = ys

    # -- the functions, defined here ----------------------------------------------------

    def sigma(self, name: str, t):
        """σ(t) of the activation called ``name`` (a generic σ: its stand-in)."""
        mp = self.mp
        if name.startswith("generic"):
            if self.generic == "arctan":
                return mp.mpf(1) / 2 + mp.atan(t) / mp.pi
            if self.generic == "sigmoid":
                name = "sigmoid"
            elif name == "generic":
                return t + t * t / 2 + t * t * t / 6
            else:
                c = mp.mpf(len(name.split(":", 1)[1]) + 1) / 3
                return t + c * t * t
        if name == "sigmoid":
            return 1 / (1 + mp.exp(-t))
        if name == "tanh":
            return mp.tanh(t)
        if name == "softplus":
            return mp.log(1 + mp.exp(t))
        if name == "relu":
            return t if t > 0 else mp.zero
        return t  # identity

    def _cost_of_sample(self, a: list, y: list):
        mp = self.mp
        if self.net.cost in ("quadratic", "mean-quadratic"):
            return sum(((ai - yi) ** 2 for ai, yi in zip(a, y)), mp.zero) / 2
        if self.net.cost == "squared-error":
            return sum(((ai - yi) ** 2 for ai, yi in zip(a, y)), mp.zero)
        for ai in a:
            if not (0 < ai and (self.softmax_output or ai < 1)):
                raise OracleError(f"the {self.net.cost} cost is undefined here: an output is {mp.nstr(ai, 8)}, outside (0, 1)")
        if self.net.cost == "cross-entropy":
            return -sum((yi * mp.log(ai) + (1 - yi) * mp.log(1 - ai) for ai, yi in zip(a, y)), mp.zero)
        return -sum((yi * mp.log(ai) for ai, yi in zip(a, y)), mp.zero)

    # -- the forward pass, with one quantity moved by t -----------------------------------

    def _forward(self, s: int, move: tuple | None = None, t=0):
        """z and a (dicts by layer) of sample s with ``move`` shifted by t; reuses the base below the move."""
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise OracleError(f"the oracle ran out of its time budget of {self.budget:g} s")
        start = 2 if move is None else _start_layer(move)
        base = self._base.get(s) if move is not None else None
        Z = {l: base[0][l] for l in range(2, start)} if base else {}
        A = {l: base[1][l] for l in range(1, start)} if base else {}
        if start == 2:
            A[1] = list(self.x[s])
            if move is not None and move[0] == "x":
                A[1][move[2] - 1] += t
        for l in range(start, self.L + 1):
            # In the layer the move starts in, only the moved neuron's z changes (unless x moved).
            only = move[2] if move is not None and l == start and move[0] in ("w", "b") else None
            if move is not None and l == start and move[0] in ("z", "a"):
                only = move[3]
            z = list(base[0][l]) if only is not None else [None] * self.n(l)
            for j in range(1, self.n(l) + 1):
                if only is not None and (j != only or move[0] == "a"):
                    continue
                row = self.w[l][j - 1]
                if move is not None and move[0] == "w" and (move[1], move[2]) == (l, j):
                    row = list(row)
                    row[move[3] - 1] += t
                bias = self.b[l][j - 1] + (t if move is not None and move[0] == "b" and move[1:] == (l, j) else 0)
                z[j - 1] = self.mp.fsum(wk * ak for wk, ak in zip(row, A[l - 1])) + bias
            if move is not None and move[0] == "z" and move[2] == l:
                z[move[3] - 1] += t
            Z[l] = z
            if l == self.L and self.softmax_output:
                top = max(z)  # the shift cancels in the quotient; it keeps exp small
                e = [self.mp.exp(zi - top) for zi in z]
                total = self.mp.fsum(e)
                a = [ei / total for ei in e]
            elif only is not None:
                a = list(base[1][l])
                if move[0] != "a":
                    a[only - 1] = self.sigma(self._names[(l, only)], z[only - 1])
            else:
                a = [self.sigma(self._names[(l, j)], z[j - 1]) for j in range(1, self.n(l) + 1)]
            if move is not None and move[0] == "a" and move[2] == l:
                a[move[3] - 1] += t
            A[l] = a
        return Z, A

    def _read(self, key: tuple, s: int, state):
        Z, A = state
        if key[0] == "C":
            return self._cost_of_sample(A[self.L], self.y[s])
        _, _, l, j = key
        return (Z if key[0] == "z" else A)[l][j - 1]

    # -- values ---------------------------------------------------------------------------

    def value(self, key: tuple):
        """The value of a leaf, a node (z, a) or the cost at the point."""
        key = self._check_key(key, "value")
        kind = key[0]
        if kind == "w":
            return self.w[key[1]][key[2] - 1][key[3] - 1]
        if kind == "b":
            return self.b[key[1]][key[2] - 1]
        if kind in ("x", "y"):
            return (self.x if kind == "x" else self.y)[key[1]][key[2] - 1]
        if key == ("C",):
            total = self.mp.fsum(self._read(("C",), s, self._base[s]) for s in self._base)
            return total / self.batch
        s = key[1]
        return self._read(key, s, self._base[s])

    def z(self, l: int, j: int, s: int = 1):
        return self.value(("z", s, l, j))

    def a(self, l: int, j: int, s: int = 1):
        return self.value(("a", s, l, j))

    def cost(self, s: int | None = None):
        """C (the mean over the mini-batch), or C of sample s alone."""
        return self.value(("C",) if s is None else ("C", s))

    def sigma_prime(self, l: int, j: int, s: int = 1):
        """σ'(z^l_j): the neuron's own σ differentiated numerically at z^l_j."""
        if l == self.L and self.softmax_output:
            raise OracleError("the output layer is a softmax: σ' there is its Jacobian, ∂a^L_i/∂z^L_j (ask derivative)")
        name = self._names[(l, j)]
        z = self.z(l, j, s)
        if name == "relu" and abs(z) < self.mp.mpf(10) ** -_KINK:
            raise OracleError(f"z^{l}_{j} = 0 at a relu neuron, which has no derivative there")
        return self.sigma_derivative(name, z)

    def sigma_derivative(self, name: str, t):
        """σ'(t) of the activation called ``name``, differentiated numerically (for σ at any argument)."""
        if name == "relu" and abs(t) < self.mp.mpf(10) ** -_KINK:
            raise OracleError("a relu has no derivative at 0")
        return self._difference(lambda u: self.sigma(name, t + u))

    # -- derivatives ------------------------------------------------------------------------

    def derivative(self, of: tuple, wrt: tuple):
        r"""∂(of)/∂(wrt): ``wrt`` moved by t in the forward pass, ``of`` read.

        ``of``: ``("C",)``, ``("C", s)``, ``("z", s, l, j)``, ``("a", s, l, j)``;
        ``wrt``: a parameter ``("w", l, j, k)`` / ``("b", l, j)``, an input
        ``("x", s, k)``, or a node ``("z", s, l, j)`` / ``("a", s, l, j)``.
        """
        of = self._check_key(of, "of")
        wrt = self._check_key(wrt, "wrt")
        if wrt[0] in ("y", "C"):
            raise OracleError(f"the oracle differentiates with respect to parameters, inputs and nodes, not {_name(wrt)}")
        if of[0] in ("w", "b", "x", "y"):
            return self.mp.one if of == wrt else self.mp.zero
        memo = (of, wrt)
        if memo not in self._memo:
            self._memo[memo] = self._derivative(of, wrt)
        return self._memo[memo]

    def _derivative(self, of, wrt):
        if wrt[0] in ("w", "b"):
            moving = list(self._base)
        else:
            moving = [wrt[1]]
        if of == ("C",):
            reads = [(s, ("C",), self.mp.one / self.batch) for s in moving]
        else:
            reads = [(of[1], of, self.mp.one)] if of[1] in moving else []
        if not reads:
            return self.mp.zero
        self._refuse_kinks(wrt, [s for s, _, _ in reads])

        def f(t):
            return self.mp.fsum(weight * self._read(key, s, self._forward(s, wrt, t)) for s, key, weight in reads)

        return self._difference(f)

    def _difference(self, f):
        h, h2 = self._h, self._h2
        d1 = (f(h) - f(-h)) / (2 * h)
        d2 = (f(h2) - f(-h2)) / (2 * h2)
        err = abs(d1 - d2)
        if err > self.mp.mpf(10) ** -(DIGITS + 5) * (1 + abs(d1)):
            raise OracleError(f"a numeric derivative did not settle (steps 1e-{_STEP_EXPONENT} and 1e-{_CHECK_EXPONENT} differ by {self.mp.nstr(err, 3)})")
        self.error = max(self.error, err)
        return d1

    def _refuse_kinks(self, wrt, samples) -> None:
        start = _start_layer(wrt) + (1 if wrt[0] == "a" else 0)  # a^l moves after its own σ
        tiny = self.mp.mpf(10) ** -_KINK
        for s in samples:
            Z = self._base[s][0]
            for l in range(max(start, 2), self.L + 1):
                for j in range(1, self.n(l) + 1):
                    if self._names[(l, j)] == "relu" and not (l == self.L and self.softmax_output) and abs(Z[l][j - 1]) < tiny:
                        raise OracleError(f"z^{l}_{j} = 0 at a relu neuron, which has no derivative there")

    # -- named derivatives (Nielsen) ---------------------------------------------------------

    def delta(self, l: int, j: int, s: int = 1, per_sample: bool = False):
        """δ^l_j ≡ ∂C/∂z^l_j (``per_sample``: of C_x, the cost of sample s alone)."""
        return self.derivative(("C", s) if per_sample else ("C",), ("z", s, l, j))

    def dC_dw(self, l: int, j: int, k: int):
        return self.derivative(("C",), ("w", l, j, k))

    def dC_db(self, l: int, j: int):
        return self.derivative(("C",), ("b", l, j))

    def dC_dx(self, k: int, s: int = 1):
        return self.derivative(("C",), ("x", s, k))

    def dC_da(self, l: int, j: int, s: int = 1):
        """∂C/∂a^l_j, C written as a function of a^l."""
        return self.derivative(("C",), ("a", s, l, j))

    # -- for other parts of symbp ----------------------------------------------------------

    def atom_value(self, key: tuple):
        """The value of an atom of ``network.atoms`` (x, y, w, b; S = σ(z), D = σ'(z), E = exp(z^L))."""
        kind = key[0]
        if kind == "S":
            return self.a(key[2], key[3], key[1])
        if kind == "D":
            return self.sigma_prime(key[2], key[3], key[1])
        if kind == "E":
            return self.mp.exp(self.z(self.L, key[2], key[1]))
        return self.value(key)

    def nstr(self, v, digits: int = 25) -> str:
        """A value as a decimal string."""
        return self.mp.nstr(v, digits)

    def _check_key(self, key, role: str) -> tuple:
        if not isinstance(key, tuple) or not key:
            raise OracleError(f"a key is a tuple like ('z', 1, 2, 1), got {key!r} as {role}")
        kind, idx = key[0], key[1:]
        if kind == "a" and len(idx) == 3 and idx[1] == 1:
            key, kind, idx = ("x", idx[0], idx[2]), "x", (idx[0], idx[2])
        shape = {"w": 3, "b": 2, "x": 2, "y": 2, "z": 3, "a": 3}.get(kind)
        ok = kind == "C" and (idx == () or (len(idx) == 1 and 1 <= idx[0] <= self.batch))
        if shape == len(idx) and all(isinstance(i, int) for i in idx):
            if kind in ("w", "b"):
                l = idx[0]
                ok = 2 <= l <= self.L and 1 <= idx[1] <= self.n(l) and (kind == "b" or 1 <= idx[2] <= self.n(l - 1))
            elif kind in ("x", "y"):
                ok = 1 <= idx[0] <= self.batch and 1 <= idx[1] <= self.n(1 if kind == "x" else self.L)
            else:
                s, l, j = idx
                ok = 1 <= s <= self.batch and 2 <= l <= self.L and 1 <= j <= self.n(l)
        if not ok:
            raise OracleError(f"{key!r} is not a quantity of the network {list(self.sizes)} (batch {self.batch})")
        return key


def _start_layer(move: tuple) -> int:
    # The first layer whose z the move changes (a move of a^l starts at l, after σ).
    kind = move[0]
    if kind in ("w", "b"):
        return move[1]
    if kind == "x":
        return 2
    return move[2]  # ("z"|"a", s, l, j)


def _name(key: tuple) -> str:
    kind, *idx = key
    if kind in ("x", "y"):
        return f"{kind}^({idx[0]})_{idx[1]}" if idx[0] != 1 else f"{kind}_{idx[1]}"
    if kind == "w":
        return f"w^{idx[0]}_{{{idx[1]},{idx[2]}}}"
    if kind == "b":
        return f"b^{idx[0]}_{idx[1]}"
    return str(key)
