r"""How each kind of link in a proof chain is checked: one small rule per kind.

A rule takes the session (model ``m``, network, budget, lemma and identity
results), the link, the line before (``prev``), the line after (``nxt``) and
the range facts, and returns a ``Check``: what failed (empty when the link
holds), the text for the certificate's ``checked`` field, and the lemmas or
identities it used. A kind with no rule is an error that names it.

Every rule starts from ``prev``: a chain is only as good as the weakest
"this line is the previous line, rewritten". A fact (a lemma, an identity
proved earlier) is used only where it is a fact of *this* network, at
indices its own ranges cover.

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
from .lemmas import applies as lemma_applies
from .meaning import assumptions, is_batch_mean, meaning
from .printing import latex
from .reduction import Range, in_range


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


#: the layer quantities a chain rule may go through, and the size of each
CHAIN_RULE_SIZES = {"a^{L}": "n_L", "z^{L}": "n_L", "z^{l+1}": "n_next", "z^{l}": "n", "a^{l-1}": "n_prev"}


def chain_rule(m, prev: sympy.Expr, wrt: str, via: str) -> sympy.Expr:
    r"""The multivariable chain rule, written out mechanically.

    ``prev`` must be ∂C/∂(wrt)[idx]; the result is
    Σ_{i=1}^{n} ∂C/∂(via)_i · ∂(via)_i/∂(wrt)[idx], n the size of ``via``'s layer.
    """
    if via not in CHAIN_RULE_SIZES:
        raise IdentityError(f"the chain rule cannot go through {via}; it goes through one of {', '.join(CHAIN_RULE_SIZES)}")
    if not (isinstance(prev, sympy.Indexed) and str(prev.base) == f"dC/d{wrt}"):
        raise IdentityError(f"the chain rule over {via} needs ∂C/∂{wrt} on the line before, got {latex(prev)}")
    i = sympy.Dummy("i", integer=True, positive=True)
    outer = sympy.IndexedBase(f"dC/d{via}")[i]
    inner = sympy.IndexedBase(f"d{via}/d{wrt}")[(i, *prev.indices)]
    return sympy.Sum(outer * inner, (i, 1, getattr(m, CHAIN_RULE_SIZES[via])))


def substitute(expr, base, params: tuple, rhs, needs, facts, problems: list, what: str):
    """``expr`` with every ``base[...]`` replaced by ``rhs`` at its indices.

    ``needs`` are the ranges (over ``params``) where ``base[params] = rhs`` is
    known; each occurrence must satisfy them under ``facts`` and the ranges of
    the sums around it, else a problem is recorded and the occurrence kept.
    """
    if isinstance(expr, sympy.Indexed) and expr.base == base:
        if len(expr.indices) != len(params):
            problems.append(f"{latex(expr)} has {len(expr.indices)} indices; {what} is about {len(params)}")
            return expr
        at = dict(zip(params, expr.indices))
        for r in needs:
            x, lo, hi = (sympy.Integer(v) if isinstance(v, int) else v.xreplace(at) for v in (r.index, r.lo, r.hi))
            if not in_range(x, lo, hi, facts):
                problems.append(f"{what} holds for {latex(lo)} ≤ {latex(x)} ≤ {latex(hi)}, "
                                f"which the ranges do not give at {latex(expr)}")
                return expr
        return rhs.xreplace(at)
    if isinstance(expr, sympy.Sum):
        inner = list(facts) + [Range(v, lo, hi) for v, lo, hi in expr.limits]
        return sympy.Sum(substitute(expr.function, base, params, rhs, needs, inner, problems, what), *expr.limits)
    if expr.is_Atom or not expr.args:
        return expr
    return expr.func(*[substitute(a, base, params, rhs, needs, facts, problems, what) for a in expr.args])


def _differs(session, a, b, ranges, what) -> list:
    rest = session.reduce(a, b, ranges)
    return [] if rest == 0 else [f"{what}; remainder {latex(rest)}"]


def _proved(cert) -> list:
    return [] if cert.verdict == "proved-for-all-sizes" else [f"{cert.identity} is {cert.verdict}: {cert.reason}"]


def assumed(session, hypotheses: dict, whose: str) -> list:
    """Problems: each hypothesis that is not an assumption of the session's network."""
    m, gnet = session.m, session.gnet
    known = assumptions(m, gnet)
    problems = []
    for key, value in hypotheses.items():
        if not any(session.reduce(key, k, []) == 0 and sympy.simplify(value - v) == 0 for k, v in known.items()):
            problems.append(f"{whose} needs {latex(key)} = {latex(value)}, which the network does not assume "
                            f"(one_hot={gnet.one_hot})")
    return problems


@_rule("definition")
def _definition(session, link, prev, nxt, ranges):
    m = session.m
    problems = _differs(session, by_definitions(m, prev), by_definitions(m, nxt), ranges,
                        f"'{link.why}' does not turn the line into the next")
    return Check(problems, "the same quantity once every δ and ∇_a C is replaced by the derivative it names")


#: parameters are shared by every sample of a mini-batch; layer values belong to one sample
_PARAMETERS = ("b^", "w^")


@_rule("chain-rule")
def _chain_rule(session, link, prev, nxt, ranges):
    m = session.m
    if not (isinstance(link.ref, tuple) and len(link.ref) == 2):
        raise IdentityError(f"a chain-rule link names (source, via), got {link.ref!r} ({link.why})")
    source, via = link.ref
    problems = []
    if not m.only_through(source, via):
        problems.append(f"the chain rule needs C to depend on {source} only through {via}, "
                        "and the layer definitions say otherwise")
    if is_batch_mean(session.gnet.cost) and source.startswith(_PARAMETERS):
        problems.append(f"C = (1/m) Σ_x C_x depends on {source} through {via} of every sample x, "
                        f"not through one {via}: the chain rule over {via} holds for one sample's cost")
    problems += _differs(session, chain_rule(m, prev, source, via), nxt, ranges,
                         f"the line after the chain rule is not its expansion over {via}")
    return Check(problems, f"expansion generated mechanically over every entry of {via} and compared (difference 0); "
                           f"premise checked on the layer definitions: {source} reaches C only through {via}")


def _lemma_is_about_this_network(session, name, base, idx) -> list:
    # The lemma's left side must be what the opaque symbol names on this
    # network (lemma-da-dz is not ∂a^L/∂z^L of a softmax output), and its
    # hypotheses must be the network's assumptions. Checked once per session.
    cache = session.lemma_fit
    if name not in cache:
        m, gnet, lemma = session.m, session.gnet, session.lemmas[name]
        problems = []
        if not lemma_applies(lemma, gnet.cost):
            problems.append(f"{name} is about the {' or '.join(lemma.costs)} cost, not {gnet.cost}")
        means = meaning(m, base, idx, output=gnet.output, cost=gnet.cost)
        if means is None:
            problems.append(f"{name}: no meaning for {base} on this network")
        else:
            problems += _differs(session, lemma.lhs(m), means, lemma.ranges(m),
                                 f"{name}'s left side is not {latex(base[idx])} on this network "
                                 f"({gnet.output} output, {gnet.cost} cost)")
        cache[name] = problems + assumed(session, lemma.hypotheses(m), name)
    return cache[name]


@_rule("lemma")
def _lemma(session, link, prev, nxt, ranges):
    m, name = session.m, link.ref
    if not isinstance(name, str) or name not in OPAQUE_LEMMAS or name not in session.lemmas:
        raise IdentityError(f"no lemma {name!r} that a chain can apply ({link.why})")
    base_of, index_of = OPAQUE_LEMMAS[name]
    base, idx = base_of(m), index_of(m)
    lemma = session.lemmas[name]
    problems = _proved(session.lemma(name))
    if problems:  # a lemma that is not proved is not used (nor built again)
        return Check(problems, "", [name])
    problems += _lemma_is_about_this_network(session, name, base, idx)
    substituted = substitute(prev, base, idx, lemma.rhs(m), lemma.ranges(m), ranges, problems, name)
    problems += _differs(session, substituted, nxt, ranges, f"substituting {name} does not give the next line")
    return Check(problems, f"{name} substituted; difference reduced to 0 under {ranges_text(ranges)}", [name])


@_rule("identity")
def _identity(session, link, prev, nxt, ranges):
    # The whole line is the cited identity's left side, the next line its
    # right side, at indices the cited identity's ranges cover.
    m, name = session.m, link.ref
    cited = CHAIN_IDENTITIES.get(name) if isinstance(name, str) else None
    if cited is None:
        raise IdentityError(f"no identity {name!r} to cite ({link.why})")
    problems = _proved(session.identity(name))
    problems += _differs(session, prev, cited.lhs(m), ranges, f"the line is not {name}'s left side {latex(cited.lhs(m))}")
    problems += _differs(session, cited.rhs(m), nxt, ranges, f"{name}'s right side is not the next line")
    problems += [f"{name} is stated for {latex(r.lo)} ≤ {latex(r.index)} ≤ {latex(r.hi)}, which the ranges here "
                 f"({ranges_text(ranges)}) do not give" for r in cited.ranges(m) if not in_range(r.index, r.lo, r.hi, ranges)]
    return Check(problems, f"{name}, proved for all sizes above: the line is its left side and the next its right side",
                 [name])


#: ∂C/∂θ of the mini-batch mean -> the per-sample derivative ∂C_x/∂θ, by name in ``Layers``
_PER_SAMPLE = {"dC/dw^{l}": "dCx_dw", "dC/db^{l}": "dCx_db"}


@_rule("linearity")
def _linearity(session, link, prev, nxt, ranges):
    # prev is ∂C/∂θ[idx]; differentiate C = (1/m) Σ_x C_x(x, θ) with C_x undefined.
    m, gnet = session.m, session.gnet
    if not (isinstance(prev, sympy.Indexed) and str(prev.base) in _PER_SAMPLE):
        raise IdentityError(f"linearity of the mean needs ∂C/∂w^l or ∂C/∂b^l on the line before, got {latex(prev)}")
    per_sample_name = _PER_SAMPLE[str(prev.base)]
    problems = []
    if link.ref != per_sample_name:
        problems.append(f"linearity turns {latex(prev)} into the per-sample {per_sample_name}, not {link.ref}")
    if not is_batch_mean(gnet.cost):
        problems.append(f"the cost {gnet.cost} is not a mean (1/m) Σ_x C_x over a mini-batch")
    per_sample_base = getattr(m, per_sample_name)
    theta, Cx = sympy.Symbol("theta"), sympy.Function("C_x")
    x = sympy.Dummy("x", integer=True, positive=True)
    d = sympy.diff(sympy.Rational(1) / m.m_batch * sympy.Sum(Cx(x, theta), (x, 1, m.m_batch)), theta)
    d = d.replace(lambda e: isinstance(e, sympy.Derivative), lambda e: per_sample_base[(e.expr.args[0], *prev.indices)])
    problems += _differs(session, d, nxt, ranges, "the line is not the derivative of the mean")
    return Check(problems, "sympy.diff of (1/m) Σ_x C_x(θ) with C_x an undefined function of the parameter "
                           "(difference 0)")


#: BP3/BP4 for one sample's cost: the per-sample derivative it rewrites and its index symbols
_PER_SAMPLE_IDENTITY = {
    "BP4": (lambda m: m.dCx_dw, lambda m: (m.x, m.j, m.k)),
    "BP3": (lambda m: m.dCx_db, lambda m: (m.x, m.j)),
}


@_rule("per-sample")
def _per_sample(session, link, prev, nxt, ranges):
    # BP3/BP4 hold for one sample's cost C_x: ∂C_x/∂θ is their right side with δ, a of sample x.
    m, bp = session.m, link.ref
    if not isinstance(bp, str) or bp not in _PER_SAMPLE_IDENTITY:
        raise IdentityError(f"per-sample links apply BP3 or BP4 to each sample's cost, not {bp!r}")
    cited = CHAIN_IDENTITIES[bp]
    base, params = _PER_SAMPLE_IDENTITY[bp][0](m), _PER_SAMPLE_IDENTITY[bp][1](m)
    per_sample = {m.delta: m.delta_x, m.a_prev: m.a_prev_x}
    rhs = cited.rhs(m).replace(lambda q: isinstance(q, sympy.Indexed) and q.base in per_sample,
                               lambda q: per_sample[q.base][(m.x, *q.indices)])
    needs = [Range(m.x, sympy.Integer(1), m.m_batch)] + list(cited.ranges(m))
    problems = _proved(session.per_sample_identity(bp))
    substituted = substitute(prev, base, params, rhs, needs, ranges, problems, f"{bp} for sample x")
    problems += _differs(session, substituted, nxt, ranges, f"{bp} per sample does not give the next line")
    return Check(problems, f"{bp} (proved for all sizes for one sample's cost) substituted for each sample x; "
                           "difference 0", [bp])
