r"""Depth by induction: the recursive product formula for every L and l.

Define P^L = Σ'(z^L) ∇_a C and P^l = Σ'(z^l) (w^{l+1})^T P^{l+1}. The claim
δ^l = P^l for every L ≥ 2 and 2 ≤ l ≤ L follows by downward induction on l:

* base l = L: BP1-matrix, proved for symbolic n_L;
* step l+1 → l: BP2-matrix, proved for symbolic n_l, n_{l+1} at a generic l,
  with the hypothesis δ^{l+1} = P^{l+1} substituted.

Neither case mentions L, so the proof holds for every depth. ``general``
calls ``prove_product_formula`` with its session (lemmas, budget, results).

>>> from symbp import general
>>> cert = general.prove_general("product-formula", general.network())
>>> cert.method, cert.verdict
('induction', 'proved-for-all-sizes')
"""

from __future__ import annotations

import time

import sympy

from ..certificate import Certificate, Step
from .chains import IDENTITIES as CHAIN_IDENTITIES
from .indexmat import Mat, bp2_matrix, diag_prime, vector
from .links import ranges_text
from .printing import latex
from .reduction import Range, ReductionTimeout


def prove_product_formula(session, prove_identity) -> Certificate:
    """Downward induction on l: base BP1-matrix at l = L, step BP2-matrix at generic l."""
    m, t0 = session.m, time.perf_counter()
    base = dict(identity="product-formula", network=session.gnet.describe(), method="induction",
                statement=r"\delta^l = \Sigma'(z^l)(w^{l+1})^T \cdots \Sigma'(z^{L-1})(w^L)^T \Sigma'(z^L) \nabla_a C",
                source="Nielsen, ch. 2 (the recursive product formula)")
    P_next = sympy.IndexedBase("P^{l+1}")
    j, ranges_L, ranges_l = m.j, [_range(m.j, m.n_L)], [_range(m.j, m.n)]
    failed, steps = [], []

    def check(lhs_tex, rhs_tex, why, ok_text, problems):
        # A step says what failed, never a success text it did not earn.
        failed.extend(problems)
        steps.append(Step(lhs_tex, rhs_tex, why, ok_text if not problems else "NOT established: " + "; ".join(problems)))

    def reduced(a, b, ranges, what):
        rest = session.reduce(a, b, ranges)
        return [] if rest == 0 else [f"{what}; remainder {latex(rest)}"]

    try:
        bp1m, bp2m = prove_identity("BP1-matrix"), prove_identity("BP2-matrix")
        not_proved = {c.identity: f"{c.identity} is {c.verdict}: {c.reason}" for c in (bp1m, bp2m)
                      if c.verdict != "proved-for-all-sizes"}
        # the base and the step are about δ^L and δ^l: their proved left sides must say so
        for name, delta in (("BP1-matrix", m.delta_L[j]), ("BP2-matrix", m.delta[j])):
            if session.reduce(CHAIN_IDENTITIES[name].lhs(m), delta, ranges_l) != 0:
                not_proved[name] = f"{name}'s left side is not {latex(delta)}"
        # P^L := Σ'(z^L) ∇_a C and P^l := Σ'(z^l) (w^{l+1})^T P^{l+1}, by definition.
        P_L_def = (diag_prime(m, m.z_L, m.n_L, "Σ'(z^L)") @ vector(m.nabla, m.n_L, "∇_a C")).entry(j, 1)
        base_rhs = CHAIN_IDENTITIES["BP1-matrix"].rhs(m)
        check(latex(m.delta_L[j]), CHAIN_IDENTITIES["BP1-matrix"].rhs_latex + " = P^{L}_{j}",
              "base case l = L: BP1-matrix",
              "BP1-matrix proved for all sizes; equals P^L by its definition (reduced to 0)",
              [not_proved[n] for n in ("BP1-matrix",) if n in not_proved]
              + reduced(base_rhs, P_L_def, ranges_L, "base case: BP1-matrix's right side is not P^L"))
        step_lhs = CHAIN_IDENTITIES["BP2-matrix"].rhs(m)
        step_tex = CHAIN_IDENTITIES["BP2-matrix"].rhs_latex
        check(latex(m.delta[j]), step_tex, "step l+1 → l: BP2-matrix at a generic layer l",
              "BP2-matrix proved for all sizes n_l, n_{l+1}",
              [not_proved[n] for n in ("BP2-matrix",) if n in not_proved])
        hyp = step_lhs.xreplace({m.delta_next: P_next})
        check(step_tex, r"\left(\Sigma'(z^{l}) (w^{l+1})^T P^{l+1}\right)_{j} = P^{l}_{j}",
              r"induction hypothesis $\delta^{l+1} = P^{l+1}$",
              "substitution; equals P^l by its definition (reduced to 0)",
              reduced(hyp, bp2_matrix(m, P_next).entry(j, 1), ranges_l,
                      "induction step: the hypothesis does not give P^l"))
        # An unrolled instance of the recursion, as a check of the nested sums:
        # l = L−1, with layer l+1 playing L.
        two = (diag_prime(m, m.z, m.n, "Σ'(z^{L-1})") @ _W_T(m) @ diag_prime(m, m.z_next, m.n_next, "Σ'(z^L)")
               @ vector(m.nabla, m.n_next, "∇_a C")).entry(j, 1)
        bp2_of_bp1 = m.sigma_prime(m.z[j]) * sympy.Sum(
            m.w_next[m.r, j] * m.nabla[m.r] * m.sigma_prime(m.z_next[m.r]), (m.r, 1, m.n_next))
        check(r"\left(\Sigma'(z^{l}) (w^{l+1})^T \Sigma'(z^{l+1}) \nabla_a C\right)_{j}", latex(bp2_of_bp1),
              "unrolled at l = L−1 (layer l+1 = L): BP2 applied to BP1",
              f"difference reduced to 0 under {ranges_text(ranges_l)}",
              reduced(two, bp2_of_bp1, ranges_l, "unrolled l = L−1 does not match BP2 after BP1"))
    except ReductionTimeout as exc:
        return Certificate(verdict="undecided", reason=f"product-formula: {exc}", seconds=time.perf_counter() - t0, **base)
    details = {
        "lemmas": ["BP1-matrix", "BP2-matrix"] + sorted(set(bp1m.details.get("lemmas", []) + bp2m.details.get("lemmas", []))),
        "induction": ("Claim: δ^l = P^l for every L ≥ 2 and 2 ≤ l ≤ L, where P^L = Σ'(z^L)∇_a C and "
                      "P^l = Σ'(z^l)(w^{l+1})^T P^{l+1}. Base l = L: BP1-matrix. Step: if δ^{l+1} = P^{l+1} "
                      "then δ^l = Σ'(z^l)(w^{l+1})^T δ^{l+1} (BP2-matrix, proved for symbolic n_l, n_{l+1} and "
                      "a generic l) = P^l. By downward induction on l the claim holds for every l; L is arbitrary "
                      "because neither case depends on it."),
        "depth": "any L",
    }
    seconds = time.perf_counter() - t0
    if failed:
        return Certificate(verdict="undecided", steps=tuple(steps), reason="; ".join(failed), seconds=seconds,
                           details=details, **base)
    return Certificate(verdict="proved-for-all-sizes", steps=tuple(steps), seconds=seconds, details=details, **base)


def _W_T(m):
    return Mat(m.n_next, m.n, lambda i, k: m.w_next[i, k], "w^{L}").T


def _range(index, hi):
    return Range(index, sympy.Integer(1), hi)
