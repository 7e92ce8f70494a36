r"""Proofs for every network: symbolic layer sizes, and depth by induction.

A proof on [2, 3, 2] is evidence; this module proves BP1–BP4, their matrix
forms, the recursive product formula and the softmax-CE output error for
*every* size and depth. Layer sizes n_{l-1}, n_l, n_{l+1}, n_L are positive
integer symbols (``lemmas.Layers``); each lemma is an equality computed from
the layer definitions and reduced to 0 under the index-range facts
(``reduction``); each identity is a chain of links through those lemmas
(``chains``). Depth is by induction: BP2's step involves layers l and l+1
only, so the base case (BP1, matrix form) and one generic step prove the
product formula for every L and l.

Verdicts: ``proved-for-all-sizes`` when every link reduced to exactly 0;
``refuted`` when a concrete instance gives a counterexample; ``undecided``
otherwise (budget, or a remainder SymPy could not reduce, shown in
``details['remainder']``).

>>> gnet = network(activation="generic")
>>> prove_general("BP3", gnet).verdict
'proved-for-all-sizes'
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import sympy

from ..functions import activation as activation_named, cost as cost_named
from ..certificate import Certificate, Step
from .chains import IDENTITIES as CHAIN_IDENTITIES
from .chains import GeneralIdentity
from ..errors import IdentityError, SpecError, flag
from .induction import prove_product_formula
from .lemmas import LEMMAS, Layers, Lemma
from .chainproof import build, has_sigma, malformed, prove_chain
from .links import ranges_text
from .lemmas import applies as lemma_applies
from .meaning import per_sample_cost
from .printing import latex
from .reduction import ReductionTimeout, deadline, remainder
from .statement import range_problems, render

#: Every name ``prove_general`` accepts, identities first, then lemmas.
IDENTITIES: tuple = tuple(CHAIN_IDENTITIES) + ("product-formula",) + tuple(LEMMAS)


@dataclass(frozen=True)
class GeneralNetwork:
    """A network of any depth whose layer sizes are symbols."""

    activation: str = "generic"
    cost: str = "quadratic"
    one_hot: bool = False

    @property
    def output(self) -> str:
        return cost_named(self.cost).output

    def prove_general(self, identity, budget: float = 60.0) -> Certificate:
        """``prove(identity, self)``: ``identity`` a name or a core ``identities.Identity``."""
        return prove_general(resolve(identity), self, budget_seconds=budget)

    def describe(self) -> dict:
        return {
            "sizes": "symbolic (n_{l-1}, n_l, n_{l+1}, n_L)",
            "depth": "any",
            "activation": self.activation,
            "cost": self.cost,
            "one_hot": self.one_hot,
        }


def network(activation: str = "generic", cost: str = "quadratic", one_hot: bool = False) -> GeneralNetwork:
    """A network of symbolic sizes and any depth, validated like ``symbp.network``.

    >>> network(cost="softmax-cross-entropy").output
    'softmax'
    """
    act = activation_named(activation)
    entry = cost_named(cost)
    one_hot = flag(one_hot, "one_hot")
    if one_hot and entry.output != "softmax":
        raise SpecError(f"one_hot (Σ_k y_k = 1) is an assumption of softmax-cross-entropy, not of {entry.name!r}")
    return GeneralNetwork(act.name, entry.name, bool(one_hot))


def resolve(identity) -> "str | GeneralIdentity":
    """The all-sizes name of ``identity``: one of ours, or a core catalogue identity (or alias).

    >>> resolve("BP1'")
    'BP1-quadratic'
    """
    from ..identities import get as get_identity
    from .instances import CORE_NAMES

    if isinstance(identity, GeneralIdentity):
        return identity
    if isinstance(identity, str) and identity.strip() in IDENTITIES:
        return identity.strip()
    try:
        core = get_identity(identity)
    except IdentityError:
        raise IdentityError(f"unknown all-sizes identity {identity!r}; known: {', '.join(IDENTITIES)} "
                            "(or their names in the core catalogue, e.g. BP1', lemma-2)") from None
    ours = {v: k for k, v in CORE_NAMES.items()}
    if not isinstance(identity, str) and core.name in ours and core != get_identity(core.name):
        # an edited identity (dataclasses.replace) that kept its name is not the catalogue's: proving the
        # catalogue's in its place would certify what was not asked
        raise IdentityError(f"this {core.name} is not the catalogue's {core.name} (its fields were changed), and "
                            "symbp.general proves only its own identities: edit the all-sizes identity instead "
                            "(symbp.general.chains.IDENTITIES, docs/general.md), or prove this one on concrete networks")
    if core.name not in ours:
        raise IdentityError(f"{core.name} has no all-sizes proof in symbp.general (it is checked on concrete "
                            f"networks only); all-sizes identities: {', '.join(IDENTITIES)}")
    return ours[core.name]


def applicable(gnet: GeneralNetwork) -> list[str]:
    """The identity and lemma names that apply to ``gnet``, in catalogue order."""
    names = [n for n, idt in CHAIN_IDENTITIES.items()
             if _identity_applies(idt, gnet) and (gnet.one_hot or not idt.needs_one_hot)]
    if gnet.output == "activation":
        names.append("product-formula")
    return names + [n for n, lem in LEMMAS.items() if lemma_applies(lem, gnet.cost)]


def _asked_without_one_hot(key: str, gnet: GeneralNetwork) -> bool:
    idt = CHAIN_IDENTITIES.get(key)
    return idt is not None and idt.needs_one_hot and _identity_applies(idt, gnet)


def _identity_applies(idt: GeneralIdentity, gnet: GeneralNetwork) -> bool:
    return (gnet.output in idt.outputs and (not idt.costs or gnet.cost in idt.costs)
            and (not idt.activations or gnet.activation in idt.activations)
            and not (idt.single_sample and gnet.cost == "mean-quadratic"))


# -- lemmas ------------------------------------------------------------------------


class _Session:
    """One model, the budget, and every lemma/identity result proved so far."""

    def __init__(self, gnet, budget_seconds, lemmas):
        self.gnet = gnet
        self.m = Layers()
        self.deadline = time.perf_counter() + budget_seconds
        self.budget_seconds = budget_seconds
        for key, lem in (lemmas or {}).items():
            if not isinstance(lem, Lemma) or key not in LEMMAS:
                raise IdentityError(f"lemmas= replaces a lemma by name with a Lemma (e.g. dataclasses.replace of "
                                    f"LEMMAS[{key!r}]); got {key!r}: {type(lem).__name__}")
        self.lemmas = dict(LEMMAS, **(lemmas or {}))
        self.lemma_certs: dict[str, Certificate] = {}
        self.lemma_fit: dict[str, list] = {}  # lemma -> why it is not a fact of this network ([] when it is)
        self.done: dict[str, Certificate] = {}
        self.sigma_seen: dict = {}  # id(identity or lemma) -> (it, whether its lines mention σ or σ')
        self._per_sample: _Session | None = None

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    def lemma(self, name: str) -> Certificate:
        """The raw lemma (generic σ), proved once per session and reused by every chain."""
        if name not in self.lemma_certs:
            self.lemma_certs[name] = _prove_lemma(self, self.lemmas[name])
        return self.lemma_certs[name]

    def identity(self, name: str) -> Certificate:
        """An identity another chain builds on, proved once per session."""
        return self.done.get(name) or prove_general(name, self.gnet, cross_check=False, _session=self)

    def per_sample_identity(self, name: str) -> Certificate:
        """``name`` proved for one sample's cost C_x (on a mini-batch mean, the quadratic cost of one sample)."""
        cost = per_sample_cost(self.gnet.cost)
        if cost == self.gnet.cost:
            return self.identity(name)
        if self._per_sample is None:
            child = _Session(replace(self.gnet, cost=cost), self.budget_seconds, None)
            child.lemmas, child.deadline = self.lemmas, self.deadline
            self._per_sample = child
        return self._per_sample.identity(name)

    def reduce(self, lhs, rhs, ranges, hypotheses=None):
        if self.left() <= 0:
            raise ReductionTimeout(f"the time budget of {self.budget_seconds:g} s ran out")
        with deadline(self.left()):
            return remainder(lhs, rhs, ranges, hypotheses)


def _prove_lemma(session: _Session, lemma: Lemma) -> Certificate:
    m, t0 = session.m, time.perf_counter()
    own = LEMMAS.get(lemma.name)
    base = dict(identity=lemma.name, network=session.gnet.describe(), method="all-sizes",
                statement=lemma.statement if own == lemma else "", source=lemma.source)
    try:
        ranges = build("ranges", lemma.ranges, m)
        lhs = build("left side", lemma.lhs, m)
        rhs = build("right side", lemma.rhs, m)
        hyp = build("hypotheses", lemma.hypotheses, m)
        if own != lemma:  # a replaced lemma: the statement shown is the one checked
            lhs_tex = lemma.lhs_latex if own is not None and own.lhs == lemma.lhs else latex(lhs)
            base["statement"] = render(lhs_tex, latex(rhs), ranges, hyp)
        session.sigma_seen[id(lemma)] = (lemma, has_sigma(m, [lhs, rhs]))
        malformed = range_problems(m, ranges)
        if malformed:
            raise IdentityError("; ".join(malformed))
        rest = session.reduce(lhs, rhs, ranges, hyp)
    except (IdentityError, ReductionTimeout) as exc:
        return Certificate(verdict="undecided", reason=f"{lemma.name}: {exc}", seconds=time.perf_counter() - t0, **base)
    checked = f"difference reduced to 0 under {ranges_text(ranges)}"
    if hyp:
        checked += " and the hypothesis " + ", ".join(f"{latex(k)} = {v}" for k, v in hyp.items())
    if rest != 0:
        checked = f"NOT established: the difference does not reduce to 0; remainder {latex(rest)}"
    steps = (
        Step(lemma.lhs_latex, latex(lhs), "differentiate the definition (SymPy's diff through the sums)", "sympy.diff"),
        Step(latex(lhs), latex(rhs), "collapse each Kronecker-delta sum (its index is in range), factor", checked),
    )
    seconds = time.perf_counter() - t0
    if rest == 0:
        return Certificate(verdict="proved-for-all-sizes", steps=steps, seconds=seconds,
                           details={"ranges": ranges_text(ranges), "computed": latex(lhs)}, **base)
    from .instances import lemma_counterexample

    try:
        cx = lemma_counterexample(m, lhs, rhs, ranges, hyp)
    except Exception:  # noqa: BLE001 - a replaced lemma no small instance can evaluate: no counterexample
        cx = None
    reason = f"{lemma.name}: lhs − rhs does not reduce to 0 for symbolic sizes; remainder {latex(rest)}"
    details = {"remainder": latex(rest), "computed": latex(lhs)}
    if cx is not None:
        return Certificate(verdict="refuted", counterexample=cx, reason=reason + f"; {cx.reason}", steps=steps,
                           seconds=time.perf_counter() - t0, details=details, **base)
    return Certificate(verdict="undecided", reason=reason, seconds=time.perf_counter() - t0, details=details,
                       steps=steps, **base)


# -- identities --------------------------------------------------------------------


# -- public --------------------------------------------------------------------------


def prove_general(name, gnet: GeneralNetwork, budget_seconds: float = 60.0, *, lemmas: dict | None = None,
                  cross_check: bool = True, _session: _Session | None = None) -> Certificate:
    """Prove identity or lemma ``name`` for every layer size (and depth) of ``gnet``.

    ``name`` is one of ``IDENTITIES`` or a ``chains.GeneralIdentity`` (e.g. a
    mutated one); ``lemmas`` replaces lemmas by name (to test that a wrong lemma
    breaks the proof). ``cross_check`` also checks the identity exactly on
    concrete networks (``instances.cross_check``) and records the result in
    ``details['concrete']``.

    >>> prove_general("BP2", network()).details["lemmas"]
    ['lemma-dz-dz']
    """
    session = _session or _Session(gnet, budget_seconds, lemmas)
    idt = name if isinstance(name, GeneralIdentity) else None
    key = idt.name if idt else name
    if idt is None and key in session.done:
        cert = session.done[key]
        if cross_check and "concrete" not in cert.details:
            from .instances import cross_check as concrete

            cert = session.done[key] = concrete(cert, _checked_object(session, key), gnet, session.left())
        return cert
    if idt is None and key not in IDENTITIES:
        raise IdentityError(f"unknown all-sizes identity {key!r}; known: {', '.join(IDENTITIES)}")
    if idt is None and key not in applicable(gnet) and not _asked_without_one_hot(key, gnet):
        raise IdentityError(f"{key} does not apply to a network with cost {gnet.cost!r}; "
                            f"these do: {', '.join(applicable(gnet))}")
    if idt is not None and malformed(idt):
        return Certificate(identity=str(idt.name), network=gnet.describe(), method="all-sizes", verdict="undecided",
                           reason=f"{idt.name}: " + "; ".join(malformed(idt)))
    if idt is not None and not _identity_applies(idt, gnet):
        raise IdentityError(f"{key} (as given) is stated for outputs {', '.join(idt.outputs)}"
                            + (f", costs {', '.join(idt.costs)}" if idt.costs else "")
                            + (f", activations {', '.join(idt.activations)}" if idt.activations else "")
                            + (", one sample's cost" if idt.single_sample else "")
                            + f"; not for a network with activation {gnet.activation!r} and cost {gnet.cost!r}")
    t0 = time.perf_counter()
    if idt is None and key in LEMMAS:
        cert = session.lemma(key)
    elif idt is None and key == "product-formula":
        cert = prove_product_formula(session, session.identity)
    else:
        cert = prove_chain(session, idt or CHAIN_IDENTITIES[key])
    if _mentions_sigma(session, key, idt):
        cert = _specialise(session, cert)
    if cross_check:
        from .instances import cross_check as concrete

        cert = concrete(cert, idt or _checked_object(session, key), gnet, session.left())
    cert = replace(cert, seconds=time.perf_counter() - t0)
    if idt is None:
        session.done[key] = cert
    return cert


def _checked_object(session: _Session, key: str):
    # What the concrete cross-check compares: the lemma as this session proved
    # it (a replaced lemma included), the chain identity, or the product formula.
    if key in LEMMAS:
        return session.lemmas[key]
    return CHAIN_IDENTITIES.get(key, key)


def _mentions_sigma(session: _Session, key: str, idt) -> bool:
    # An identity whose lines never mention σ or σ' (BP3, BP4, the z-lemmas)
    # holds for a named activation without specialising σ.
    m = session.m
    proved = idt or (session.lemmas[key] if key in LEMMAS else CHAIN_IDENTITIES.get(key))
    if id(proved) in session.sigma_seen:  # read off the lines when they were built
        return session.sigma_seen[id(proved)][1]
    try:
        if key in LEMMAS and idt is None:
            lem = session.lemmas[key]
            exprs = [lem.lhs(m), lem.rhs(m)]
        elif key == "product-formula" and idt is None:
            return True
        else:
            idt = idt or CHAIN_IDENTITIES[key]
            exprs = [idt.lhs(m), idt.rhs(m)] + [link.expr(m) for link in idt.chain]
        return any(isinstance(e, sympy.Basic) and e.has(m.sigma, m.sigma_prime) for e in exprs)
    except Exception:  # noqa: BLE001 - a malformed variant: its certificate already says why
        return True


def _specialise(session: _Session, cert: Certificate) -> Certificate:
    """For a named activation, the generic-σ proof plus the check that σ' is its derivative."""
    act = activation_named(session.gnet.activation)
    if act.is_generic or cert.verdict != "proved-for-all-sizes":
        return cert
    t = sympy.Symbol("t", real=True)
    try:
        with deadline(max(session.left(), 0.1)):
            rest = sympy.simplify(sympy.diff(act.expr(t), t) - act.prime(t))
    except ReductionTimeout as exc:
        return replace(cert, verdict="undecided", reason=f"specialising σ to {act.name}: {exc}")
    step = Step(r"\sigma'(t)", latex(act.prime(t)), f"σ := {act.name}, a special case of the generic σ",
                "d/dt of the activation minus its σ' simplified to 0" if rest == 0 else "did not simplify to 0")
    if rest != 0:
        return replace(cert, verdict="undecided", steps=cert.steps + (step,),
                       reason=f"σ' of {act.name} is not its derivative everywhere: d/dt σ − σ' = {rest}")
    return replace(cert, steps=cert.steps + (step,))


def prove_catalogue(gnet: GeneralNetwork, budget_seconds: float = 120.0, *, cross_check: bool = True) -> list[Certificate]:
    """Every applicable identity and lemma for ``gnet``, each lemma proved once and reused."""
    session = _Session(gnet, budget_seconds, None)
    return [prove_general(name, gnet, cross_check=cross_check, _session=session) for name in applicable(gnet)]
