r"""How each kind of link in a proof chain is checked: one small rule per kind.

A rule takes the session (model ``m``, budget, lemma and identity results),
the link, the line before (``prev``), the line after (``nxt``) and the range
facts, and returns a ``Check``: what failed (empty when the link holds), the
text for the certificate's ``checked`` field, and the lemmas or identities it
used. A kind with no rule is an error that names it.

>>> sorted(LINK_CHECKS)
['chain-rule', 'definition', 'identity', 'lemma', 'linearity', 'per-sample']
>>> from symbp.general.lemmas import Layers
>>> m = Layers()
>>> chain_rule(m, m.dC_dz[m.j], "z^{l}", "z^{l+1}")
Sum(dC/dz^{l+1}[_i]*dz^{l+1}/dz^{l}[_i, j], (_i, 1, n_{l+1}))
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy

from .chains import IDENTITIES as CHAIN_IDENTITIES
from .chains import OPAQUE_LEMMAS
from ..errors import IdentityError
from .printing import latex


@dataclass
class Check:
    problems: list = field(default_factory=list)
    checked: str = ""
    used: list = field(default_factory=list)


def ranges_text(ranges) -> str:
    return ", ".join(f"{sympy.latex(r.lo)} ≤ {r.index} ≤ {r.hi}" for r in ranges) or "no range facts"


LINK_CHECKS: dict = {}


def _rule(kind):
    def register(fn):
        LINK_CHECKS[kind] = fn
        return fn

    return register


def check_link(session, link, prev, nxt, ranges) -> Check:
    rule = LINK_CHECKS.get(link.kind)
    if rule is None:
        raise IdentityError(f"no check for a link of kind {link.kind!r} ({link.why})")
    return rule(session, link, prev, nxt, ranges)


def by_definitions(m, expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with each named quantity replaced by what it names: δ^l by ∂C/∂z^l, ∇_a C by ∂C/∂a^L."""
    names = {m.delta: m.dC_dz, m.delta_next: m.dC_dz_next, m.delta_L: m.dC_dz_L, m.nabla: m.dC_da_L}
    return expr.replace(
        lambda e: isinstance(e, sympy.Indexed) and e.base in names,
        lambda e: names[e.base][e.indices],
    )


def chain_rule(m, prev: sympy.Expr, wrt: str, via: str) -> sympy.Expr:
    r"""The multivariable chain rule, written out mechanically.

    ``prev`` must be ∂C/∂(wrt)[idx]; the result is
    Σ_{i=1}^{n} ∂C/∂(via)_i · ∂(via)_i/∂(wrt)[idx], n the size of ``via``'s layer.
    """
    sizes = {"a^{L}": m.n_L, "z^{L}": m.n_L, "z^{l+1}": m.n_next, "z^{l}": m.n, "a^{l-1}": m.n_prev}
    if not (isinstance(prev, sympy.Indexed) and str(prev.base) == f"dC/d{wrt}"):
        raise IdentityError(f"the chain rule over {via} needs ∂C/∂{wrt} on the line before, got {prev}")
    i = sympy.Dummy("i", integer=True, positive=True)
    outer = sympy.IndexedBase(f"dC/d{via}")[i]
    inner = sympy.IndexedBase(f"d{via}/d{wrt}")[(i, *prev.indices)]
    return sympy.Sum(outer * inner, (i, 1, sizes[via]))


def _differs(session, a, b, ranges, what) -> list:
    rest = session.reduce(a, b, ranges)
    return [] if rest == 0 else [f"{what}; remainder {latex(rest)}"]


def _proved(cert) -> list:
    return [] if cert.verdict == "proved-for-all-sizes" else [f"{cert.identity} is {cert.verdict}: {cert.reason}"]


@_rule("definition")
def _definition(session, link, prev, nxt, ranges):
    m = session.m
    problems = _differs(session, by_definitions(m, prev), by_definitions(m, nxt), ranges,
                        f"'{link.why}' does not turn the line into the next")
    return Check(problems, "the same quantity once every δ and ∇_a C is replaced by the derivative it names")


@_rule("chain-rule")
def _chain_rule(session, link, prev, nxt, ranges):
    m, (source, via) = session.m, link.ref
    problems = []
    if not m.only_through(source, via):
        problems.append(f"the chain rule needs C to depend on {source} only through {via}, "
                        "and the layer definitions say otherwise")
    problems += _differs(session, chain_rule(m, prev, source, via), nxt, ranges,
                         f"the line after the chain rule is not its expansion over {via}")
    return Check(problems, f"expansion generated mechanically over every entry of {via} and compared (difference 0); "
                           f"premise checked on the layer definitions: {source} reaches C only through {via}")


@_rule("lemma")
def _lemma(session, link, prev, nxt, ranges):
    m, name = session.m, link.ref
    base_of, index_of = OPAQUE_LEMMAS[name]
    base, idx, rhs = base_of(m), index_of(m), session.lemmas[name].rhs(m)
    substituted = prev.replace(lambda e: isinstance(e, sympy.Indexed) and e.base == base,
                               lambda e: rhs.xreplace(dict(zip(idx, e.indices))))
    problems = _proved(session.lemma(name)) + _differs(session, substituted, nxt, ranges,
                                                       f"substituting {name} does not give the next line")
    return Check(problems, f"{name} substituted; difference reduced to 0 under {ranges_text(ranges)}", [name])


@_rule("identity")
def _identity(session, link, prev, nxt, ranges):
    name = link.ref
    problems = _proved(session.identity(name)) + _differs(
        session, CHAIN_IDENTITIES[name].rhs(session.m), nxt, ranges, f"{name}'s right side is not the next line")
    return Check(problems, f"{name}, proved for all sizes above", [name])


@_rule("linearity")
def _linearity(session, link, prev, nxt, ranges):
    # prev is ∂C/∂θ[idx]; differentiate C = (1/m) Σ_x C_x(x, θ) with C_x undefined.
    m, per_sample_base = session.m, getattr(session.m, link.ref)
    theta, Cx = sympy.Symbol("theta"), sympy.Function("C_x")
    x = sympy.Dummy("x", integer=True, positive=True)
    d = sympy.diff(sympy.Rational(1) / m.m_batch * sympy.Sum(Cx(x, theta), (x, 1, m.m_batch)), theta)
    d = d.replace(lambda e: isinstance(e, sympy.Derivative), lambda e: per_sample_base[(e.expr.args[0], *prev.indices)])
    problems = _differs(session, d, nxt, ranges, "the line is not the derivative of the mean")
    return Check(problems, "sympy.diff of (1/m) Σ_x C_x(θ) with C_x an undefined function of the parameter "
                           "(difference 0)")


@_rule("per-sample")
def _per_sample(session, link, prev, nxt, ranges):
    # BP3/BP4 hold for any cost, so for C_x: ∂C_x/∂θ is their right side with δ, a of sample x.
    m, bp = session.m, link.ref
    rhs = CHAIN_IDENTITIES[bp].rhs(m)
    base, idx = (m.dCx_dw, (m.j, m.k)) if bp == "BP4" else (m.dCx_db, (m.j,))

    def of_sample(e):
        x = e.indices[0]
        out = rhs.xreplace(dict(zip(idx, e.indices[1:])))
        return out.replace(lambda q: isinstance(q, sympy.Indexed) and q.base in (m.delta, m.a_prev),
                           lambda q: (m.delta_x if q.base == m.delta else m.a_prev_x)[(x, *q.indices)])

    substituted = prev.replace(lambda e: isinstance(e, sympy.Indexed) and e.base == base, of_sample)
    problems = _proved(session.identity(bp, any_cost=True)) + _differs(
        session, substituted, nxt, ranges, f"{bp} per sample does not give the next line")
    return Check(problems, f"{bp} (proved for all sizes and any cost) substituted for each sample x; difference 0", [bp])
