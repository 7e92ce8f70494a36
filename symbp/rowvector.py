r"""Seed 004's local statements, as claims checked on concrete networks.

Seed 004 writes a layer with row vectors, g = x W (W of shape inputs ×
outputs), and derives backpropagation one local step at a time:

* linear layer y = x W (row vectors):
  :math:`\frac{dL}{dx} = \frac{dL}{dy} W^T` and :math:`\frac{dL}{dW} = x^T \frac{dL}{dy}`;
* the same layer written with columns, x = W y:
  :math:`\frac{dL}{dy} = W^T \frac{dL}{dx}` and :math:`\frac{dL}{dW} = \frac{dL}{dx} y^T`;
* an elementwise activation z = h(y):
  :math:`\frac{dL}{dy} = (\frac{dz}{dy})^T \frac{dL}{dz}` with dz/dy diagonal;
* the one-hidden-layer logistic classifier (g = x W, h = σ(g), A = Σ u_i h_i,
  B = σ(A), L = cost(B)): :math:`\frac{\partial L}{\partial u_i} =
  \frac{\partial L}{\partial B}\frac{\partial B}{\partial A}\frac{\partial A}{\partial u_i}`.

Each ``Claim`` maps the seed's letters onto a ``Network`` (Nielsen indexing:
x = a^{l-1}, y = z^l, W_{kj} = w^l_{jk}) and compares its two sides entry by
entry. Both sides are built from the ground truth (``derive.GroundTruth``),
so ``check`` proves that the seed's *relation* between the derivatives holds:
the difference reduces to the zero polynomial in the exact atoms. A claim
whose difference does not vanish is refuted only by a counterexample: both
sides evaluated at an exact point (or, for a matrix product whose shapes do
not match, the two shapes). ``WRONG`` holds the variants a student writes by
mistake; they must come out refuted.

>>> from symbp.network import network
>>> net = network([2, 3, 1], "sigmoid", "cross-entropy")
>>> check(CLAIMS["rowvector-linear-dW"], net).verdict
'proved'
>>> check(WRONG["rowvector-linear-dW-wrong-order"], net).verdict
'refuted'
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import mpmath

from .algebra import Poly
from .certificate import Certificate, Counterexample, Step
from .derive import Budget, BudgetExceeded, GroundTruth
from .errors import IdentityError
from .network import Network


class ShapeError(Exception):
    """A matrix product or comparison whose shapes do not match."""


class Mat:
    """A small matrix of algebra elements (just what the claims need)."""

    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), len(self.rows[0]) if self.rows else 0)

    @property
    def T(self) -> "Mat":
        r, c = self.shape
        return Mat([[self.rows[i][j] for i in range(r)] for j in range(c)])

    def __matmul__(self, other: "Mat") -> "Mat":
        (r, n), (m, c) = self.shape, other.shape
        if n != m:
            raise ShapeError(f"({r}×{n})·({m}×{c})")
        out = []
        for i in range(r):
            row = []
            for j in range(c):
                total = Poly()
                for k in range(n):
                    total = total + self.rows[i][k] * other.rows[k][j]
                row.append(total)
            out.append(row)
        return Mat(out)

    def __mul__(self, other: "Mat") -> "Mat":
        # Product of two 1×1 matrices (scalars of the chain rule).
        return Mat([[self.rows[0][0] * other.rows[0][0]]])

    @staticmethod
    def row(values) -> "Mat":
        return Mat([list(values)])

    @staticmethod
    def column(values) -> "Mat":
        return Mat([[v] for v in values])

    @staticmethod
    def diag(values) -> "Mat":
        n = len(values)
        return Mat([[values[i] if i == j else Poly() for j in range(n)] for i in range(n)])

    @staticmethod
    def scalar(value) -> "Mat":
        return Mat([[value]])


class Layer:
    """The seed's letters for layer l of ``net`` (sample 1), from the ground truth.

    Row-vector profile: x = a^{l-1}, y = z^l (bias included: it does not move
    any derivative), W_{kj} = w^l_{jk}, L = C. Column form (the seed's x = W y):
    the same layer with the letters swapped, ``col_x`` = z^l, ``col_y`` = a^{l-1}.
    Elementwise step z = h(y): ``h_in`` = z^l, ``h_out`` = a^l.
    """

    def __init__(self, net: Network, gt: GroundTruth, l: int):
        self.net, self.gt, self.l = net, gt, l
        self.model = net.atoms
        self.n_in, self.n_out = net.n(l - 1), net.n(l)

    @cached_property
    def x(self) -> Mat:
        return Mat.row(self.model.A[1][self.l - 1])

    @cached_property
    def W(self) -> Mat:
        # Row k (input), column j (output): W_{kj} = w^l_{jk}.
        atom = self.model.atom
        return Mat([[atom(("w", self.l, j, k)) for j in range(1, self.n_out + 1)] for k in range(1, self.n_in + 1)])

    @cached_property
    def dL_dx(self) -> Mat:
        return Mat.row([self.gt.nabla_a(k, 1, l=self.l - 1) for k in range(1, self.n_in + 1)])

    @cached_property
    def dL_dy(self) -> Mat:
        return Mat.row([self.gt.delta(self.l, j) for j in range(1, self.n_out + 1)])

    @cached_property
    def dL_dW(self) -> Mat:
        gt, l = self.gt, self.l
        return Mat([[gt.dw(l, j, k) for j in range(1, self.n_out + 1)] for k in range(1, self.n_in + 1)])

    # The seed's column form x = W y: x is the layer's output, y its input.
    col_W = property(lambda self: self.W.T)
    col_y = property(lambda self: self.x.T)
    col_dL_dx = property(lambda self: self.dL_dy.T)
    col_dL_dy = property(lambda self: self.dL_dx.T)
    col_dL_dW = property(lambda self: self.dL_dW.T)

    # z = h(y) elementwise, with y = z^l and z = a^l.
    h_dL_dy = property(lambda self: self.dL_dy.T)

    @cached_property
    def h_dL_dz(self) -> Mat:
        return Mat.column([self.gt.nabla_a(j, 1, l=self.l) for j in range(1, self.n_out + 1)])

    @cached_property
    def h_dz_dy(self) -> Mat:
        """The Jacobian (dz/dy)_{ji} = ∂z_j/∂y_i, each entry from the ground truth."""
        A, n = self.model.A[1][self.l], self.n_out
        return Mat([[self.gt.d_node(A[j - 1], ("z", 1, self.l, i)) for i in range(1, n + 1)] for j in range(1, n + 1)])

    @property
    def h_prime(self) -> Mat:
        return Mat.diag(self.model.D[1][self.l])


class Classifier:
    """Seed 004's logistic classifier on a network [n, m, 1] (Nielsen indexing).

    g = x W (g_j = z^2_j, W_{kj} = w^2_{jk}), h_j = a^2_j, u_i = w^3_{1i},
    A = z^3_1, B = a^3_1 = σ(A), L = C(B).
    """

    def __init__(self, net: Network, gt: GroundTruth):
        model = net.atoms
        self.m = net.n(2)
        self.n = net.n(1)
        A, B = model.Z[1][3][0], model.A[1][3][0]
        self.dL_dB = gt.nabla_a(1, 1, l=3)
        self.dB_dA = gt.d_node(B, ("z", 1, 3, 1))
        self.dL_du = [gt.dw(3, 1, i) for i in range(1, self.m + 1)]
        # Local partials straight from each node's definition.
        self.dA_du = [A.diff(model.index[("w", 3, 1, i)]) for i in range(1, self.m + 1)]
        self.dA_dh = [A.diff(model.index[("S", 1, 2, j)]) for j in range(1, self.m + 1)]
        self.dh_dg = [gt.d_node(model.A[1][2][j - 1], ("z", 1, 2, j)) for j in range(1, self.m + 1)]
        self.dL_dW = Mat([[gt.dw(2, j, k) for j in range(1, self.m + 1)] for k in range(1, self.n + 1)])
        self.dg_dW = Mat(
            [[model.Z[1][2][j - 1].diff(model.index[("w", 2, j, k)]) for j in range(1, self.m + 1)]
             for k in range(1, self.n + 1)]
        )


@dataclass(frozen=True)
class Claim:
    """One of the seed's statements: ``lhs`` and ``rhs`` build matrices from a context.

    ``scope`` is "layer" (checked at every layer l = 2..L, context ``Layer``)
    or "classifier" (networks [n, m, 1], context ``Classifier``).
    """

    name: str
    statement: str
    lhs: Callable
    rhs: Callable
    scope: str = "layer"
    profile: str = "rowvector"
    source: str = "seed 004"
    note: str = ""
    needs_elementwise: bool = False

    def applies(self, net: Network) -> bool:
        if net.batch != 1:
            return False
        if self.scope == "classifier":
            return net.L == 3 and net.n(3) == 1 and not net.output_softmax
        return True

    def layers(self, net: Network) -> list[int]:
        if self.scope == "classifier":
            return [3]
        return [l for l in net.layers if not (self.needs_elementwise and l == net.L and net.output_softmax)]


def _chain_u(c: Classifier) -> Mat:
    return Mat.column([c.dL_dB * c.dB_dA * c.dA_du[i] for i in range(c.m)])


def _chain_W(c: Classifier) -> Mat:
    rows = []
    for k in range(c.n):
        rows.append([c.dL_dB * c.dB_dA * c.dA_dh[j] * c.dh_dg[j] * c.dg_dW.rows[k][j] for j in range(c.m)])
    return Mat(rows)


_D = r"\frac{\partial L}{\partial %s}"

CLAIMS: dict[str, Claim] = {
    c.name: c
    for c in [
        Claim("rowvector-linear-dx", rf"{_D % 'x'} = {_D % 'y'} W^T \quad (y = xW)",
              lambda q: q.dL_dx, lambda q: q.dL_dy @ q.W.T),
        Claim("rowvector-linear-dW", rf"{_D % 'W'} = x^T {_D % 'y'} \quad (y = xW)",
              lambda q: q.dL_dW, lambda q: q.x.T @ q.dL_dy),
        Claim("column-linear-dy", rf"{_D % 'y'} = W^T {_D % 'x'} \quad (x = Wy)",
              lambda q: q.col_dL_dy, lambda q: q.col_W.T @ q.col_dL_dx, profile="nielsen"),
        Claim("column-linear-dW", rf"{_D % 'W'} = {_D % 'x'} y^T \quad (x = Wy)",
              lambda q: q.col_dL_dW, lambda q: q.col_dL_dx @ q.col_y.T, profile="nielsen"),
        Claim("elementwise-jacobian", rf"{_D % 'y'} = \left(\frac{{dz}}{{dy}}\right)^T {_D % 'z'} \quad (z = h(y))",
              lambda q: q.h_dL_dy, lambda q: q.h_dz_dy.T @ q.h_dL_dz, profile="nielsen"),
        Claim("elementwise-diagonal", r"\frac{dz}{dy} = \operatorname{diag} h'(y) \quad (z = h(y))",
              lambda q: q.h_dz_dy, lambda q: q.h_prime, profile="nielsen", needs_elementwise=True),
        Claim("logistic-chain-u",
              r"\frac{\partial L}{\partial u_i} = \frac{\partial L}{\partial B}\frac{\partial B}{\partial A}"
              r"\frac{\partial A}{\partial u_i}",
              lambda c: Mat.column(c.dL_du), _chain_u, scope="classifier"),
        Claim("logistic-chain-W",
              r"\frac{\partial L}{\partial w_{kj}} = \frac{\partial L}{\partial B}\frac{\partial B}{\partial A}"
              r"\frac{\partial A}{\partial h_j}\frac{\partial h_j}{\partial g_j}\frac{\partial g_j}{\partial w_{kj}}",
              lambda c: c.dL_dW, _chain_W, scope="classifier"),
    ]
}

#: Wrong variants: each must be refuted (by a shape mismatch or a counterexample).
WRONG: dict[str, Claim] = {
    c.name: c
    for c in [
        Claim("rowvector-linear-dW-wrong-order", rf"{_D % 'W'} = {_D % 'y'} x^T \quad (y = xW)",
              lambda q: q.dL_dW, lambda q: q.dL_dy @ q.x.T, note="the column-vector order used with rows"),
        Claim("rowvector-linear-dW-transposed", rf"{_D % 'W'} = \left({_D % 'y'}\right)^T x \quad (y = xW)",
              lambda q: q.dL_dW, lambda q: q.dL_dy.T @ q.x, note="the transpose of the right answer"),
        Claim("rowvector-linear-dx-no-transpose", rf"{_D % 'x'} = {_D % 'y'} W \quad (y = xW)",
              lambda q: q.dL_dx, lambda q: q.dL_dy @ q.W, note="W where W^T belongs"),
        Claim("elementwise-forgotten", rf"{_D % 'y'} = {_D % 'z'} \quad (z = h(y))",
              lambda q: q.h_dL_dy, lambda q: q.h_dL_dz, profile="nielsen", note="h' left out"),
        Claim("logistic-chain-u-missing",
              r"\frac{\partial L}{\partial u_i} = \frac{\partial L}{\partial B}\frac{\partial A}{\partial u_i}",
              lambda c: Mat.column(c.dL_du),
              lambda c: Mat.column([c.dL_dB * c.dA_du[i] for i in range(c.m)]),
              scope="classifier", note="dB/dA left out"),
    ]
}


# -- checking -------------------------------------------------------------------

#: |lhs − rhs| above this (relative, at graph.DIGITS working digits) is a real difference.
_SEPARATION = mpmath.mpf(10) ** -25


def _context(claim: Claim, net: Network, gt: GroundTruth, l: int):
    return Classifier(net, gt) if claim.scope == "classifier" else Layer(net, gt, l)


def _shape(m: Mat) -> str:
    return "×".join(map(str, m.shape))


def _refuted_by_shape(claim: Claim, net: Network, l: int, lhs: str, rhs: str, start: float, notation: str):
    reason = f"at layer {l}: the left side is {lhs} but the right side is {rhs}; the two cannot be equal"
    cx = Counterexample(instance=f"layer {l}", layer=l, indices=(), point={}, lhs=f"shape {lhs}",
                        rhs=f"shape {rhs}", lhs_value=float("nan"), rhs_value=float("nan"), reason=reason)
    return _certificate(claim, net, "refuted", start, notation, counterexample=cx, reason=reason, method="exact")


def _certificate(claim, net, verdict, start, notation, **kw) -> Certificate:
    network = dict(net.describe(), notation=notation)
    return Certificate(identity=claim.name, network=network, verdict=verdict, statement=claim.statement,
                       source=claim.source, seconds=round(time.perf_counter() - start, 4), **kw)


def check(claim: Claim, net: Network, *, budget_seconds: float | None = 60.0, points: int = 3,
          notation: str | None = None) -> Certificate:
    """Prove ``claim`` on ``net`` exactly, or refute it with a counterexample.

    ``proved``: at every layer the claim covers, each entry of LHS − RHS is the
    zero polynomial (rational function) in the network's atoms. ``refuted``:
    the shapes differ, or both sides differ at an exact point (a generic σ
    is replaced by the sigmoid there). ``undecided``: the budget ran out, or
    the difference is not zero as a polynomial yet vanished at ``points``
    points (atoms tied by a relation we do not model).
    """
    from .graph import DIGITS, atom_values, evaluate, make_point

    notation = notation or claim.profile
    if not claim.applies(net):
        raise IdentityError(
            f"{claim.name} speaks of seed 004's classifier, a network [n, m, 1] with an elementwise output; "
            f"it does not apply to {net.label()}"
        )
    start = time.perf_counter()
    gt = GroundTruth(net, Budget(budget_seconds))
    steps, differences, instances = [], [], 0
    try:
        for l in claim.layers(net):
            ctx = _context(claim, net, gt, l)
            lhs = claim.lhs(ctx)
            try:
                rhs = claim.rhs(ctx)
            except ShapeError as exc:
                return _refuted_by_shape(claim, net, l, _shape(lhs), f"a product {exc} of unmatched shapes",
                                         start, notation)
            if lhs.shape != rhs.shape:
                return _refuted_by_shape(claim, net, l, _shape(lhs), _shape(rhs), start, notation)
            zero = True
            for r, (lrow, rrow) in enumerate(zip(lhs.rows, rhs.rows), start=1):
                for c, (a, b) in enumerate(zip(lrow, rrow), start=1):
                    instances += 1
                    gt.budget.check()
                    if not (a - b).is_zero():
                        zero = False
                        differences.append((l, (r, c), a, b))
            where = "the classifier [n, m, 1]" if claim.scope == "classifier" else f"layer {l}"
            steps.append(Step(lhs=claim.statement.split("=")[0].strip(), rhs=claim.statement.split("=", 1)[1].strip(),
                              why=f"{where}: {lhs.shape[0]}×{lhs.shape[1]} entries, each side from the ground truth",
                              checked="difference reduced to 0 in the exact atoms" if zero else "difference is not 0"))
    except BudgetExceeded as exc:
        return _certificate(claim, net, "undecided", start, notation, method="exact", instances=instances,
                            reason=f"the ground truth ran out of budget ({exc})")
    if not differences:
        return _certificate(claim, net, "proved", start, notation, method="exact", instances=instances,
                            steps=tuple(steps))
    for seed in range(points):
        pt = make_point(net, "random", seed=seed, stand_in="sigmoid")
        vals = atom_values(net, pt)
        for l, (r, c), a, b in differences:
            with mpmath.workdps(DIGITS):
                lv, rv = evaluate(a, vals), evaluate(b, vals)
                if abs(lv - rv) > _SEPARATION * max(1, abs(lv), abs(rv)):
                    generic = any(act.startswith("generic") for act in net.activations)
                    cx = Counterexample(
                        instance=f"layer {l}, entry ({r}, {c})", layer=l, indices=(r, c), point=pt.describe(),
                        lhs=mpmath.nstr(lv, 30), rhs=mpmath.nstr(rv, 30), lhs_value=float(lv), rhs_value=float(rv),
                        activation="sigmoid in place of the generic σ" if generic else "",
                        reason="the two sides differ at this exact point (values to 30 digits)",
                    )
                    return _certificate(claim, net, "refuted", start, notation, method="exact",
                                        instances=instances, counterexample=cx, steps=tuple(steps))
    return _certificate(claim, net, "undecided", start, notation, method="exact", instances=instances,
                        reason=f"LHS − RHS is not the zero polynomial in the atoms, yet vanished at {points} "
                               "random exact points; no verdict either way")


def check_all(net: Network, **kwargs) -> list[Certificate]:
    """Every claim and every wrong variant that applies to ``net``."""
    return [check(c, net, **kwargs) for c in [*CLAIMS.values(), *WRONG.values()] if c.applies(net)]
