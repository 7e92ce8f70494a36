r"""Deliberately wrong versions of catalogue identities: the usual slips.

They exist to show that symbp refutes them (tests, the mutation benchmark);
each names the slip it makes. None is part of the catalogue.

>>> from symbp import network
>>> from symbp.prove import prove
>>> prove(BP2_NO_TRANSPOSE, network([2, 3, 2])).verdict
'refuted'
"""

from __future__ import annotations

from dataclasses import replace

from . import backprop as bp
from . import identities as ids
from .backprop import Mat
from .identities import Comparison


def _bp2_no_transpose(q):
    for s in q.samples:
        for l in range(q.L - 1, 1, -1):
            rhs = (q.W(l + 1) @ q.delta(l + 1, s)).hadamard(q.sigma_prime(l, s))
            yield Comparison(l, s, q.delta(l, s), rhs, rf"\delta^{{{l}}}", rf"(w^{{{l + 1}}} \delta^{{{l + 1}}}) \odot \sigma'(z^{{{l}}})")


def _bp2_no_sigma_prime(q):
    for s in q.samples:
        for l in range(q.L - 1, 1, -1):
            yield Comparison(l, s, q.delta(l, s), q.W(l + 1).T @ q.delta(l + 1, s), rf"\delta^{{{l}}}", rf"(w^{{{l + 1}}})^T \delta^{{{l + 1}}}")


def _bp4_swapped(q):
    for l in range(2, q.L + 1):
        # a^{l-1}_j δ^l_k: the indices of BP4 exchanged.
        delta, a = q.delta(l), q.a(l - 1)
        n, m = q.net.n(l), q.net.n(l - 1)
        if n == m:
            rows = [[a.rows[j][0] * delta.rows[k][0] for k in range(m)] for j in range(n)]
            rhs = Mat(rows, q.mod)
        else:
            rhs = bp.outer(a, delta)  # shape (n_{l-1} × n_l): cannot match ∂C/∂w^l
        yield Comparison(l, 1, q.dC_dw(l), rhs, rf"\partial C/\partial w^{{{l}}}_{{jk}}", rf"a^{{{l - 1}}}_j \delta^{{{l}}}_k", ("j", "k"))


def _bp1_sign(q):
    for s in q.samples:
        yield Comparison(q.L, s, q.delta(q.L, s), -bp.bp1(q, s), r"\delta^L", r"-\nabla_a C \odot \sigma'(z^L)")


def _nabla_factor_two(q):
    for s in q.samples:
        yield Comparison(q.L, s, q.nabla_a(s), bp.quadratic_nabla(q, s).scale(2), r"\nabla_a C", r"2(a^L - y)")


BP2_NO_TRANSPOSE = replace(
    ids.BP2, name="BP2 without transpose", compare=_bp2_no_transpose,
    statement=r"\delta^l = (w^{l+1} \delta^{l+1}) \odot \sigma'(z^l)",
)
BP2_NO_SIGMA_PRIME = replace(
    ids.BP2, name="BP2 without sigma'", compare=_bp2_no_sigma_prime, statement=r"\delta^l = (w^{l+1})^T \delta^{l+1}"
)
BP4_SWAPPED = replace(
    ids.BP4, name="BP4 with j and k swapped", compare=_bp4_swapped,
    statement=r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k",
)
BP1_SIGN = replace(ids.BP1, name="BP1 with the sign flipped", compare=_bp1_sign, statement=r"\delta^L = -\nabla_a C \odot \sigma'(z^L)")
NABLA_FACTOR_TWO = replace(
    ids.BP1_QUADRATIC, name="dC/da = 2(a - y) against the 1/2 cost", compare=_nabla_factor_two, aliases=(),
    statement=r"\nabla_a C = 2(a^L - y)",
)
#: The one-hot identity asked of a network without Σ_k y_k = 1 is itself the mutant.
ONE_HOT_WITHOUT_ASSUMPTION = ids.SOFTMAX_CE_ONE_HOT

ALL = (BP2_NO_TRANSPOSE, BP2_NO_SIGMA_PRIME, BP4_SWAPPED, BP1_SIGN, NABLA_FACTOR_TWO)
