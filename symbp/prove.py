r"""prove(identity, network) -> Certificate.

Strategies:

* ``exact``: every instance (layer, sample, index) of the identity is
  compared with the ground truth as exact polynomials in the network's atoms;
  a zero difference is a proof (``proved``).
* ``pit``: a polynomial identity test. Both sides are evaluated, by forward
  mode, at random points of 𝔽_p (p = 2^61 − 1), the atoms drawn
  independently; agreement everywhere gives ``probably-true`` with the
  Schwartz–Zippel bound, never ``proved``.
* ``auto``: ``exact`` when the network is small enough to fit the budget,
  falling back to ``pit`` if the budget runs out.

A disagreement is never reported on its own: ``refuted`` needs a concrete
counterexample, found by evaluating both sides at an exact rational point
with a concrete activation (for a generic σ, a cubic polynomial stands in,
then the sigmoid), and confirmed there by the independent oracle
(``symbp.oracle``, which evaluates both sides from the network's
specification alone). If none is found, or the oracle does not confirm, the
verdict is ``undecided`` with the reason.

>>> from symbp import network, identities
>>> prove(identities.BP2, network([2, 3, 2])).verdict
'proved'
"""

from __future__ import annotations

import random
import time
from fractions import Fraction

from .algebra import limits
from .algebra import Poly
from .identities import applicable, get as get_identity
from .backprop import ShapeError
from .certificate import Certificate, Certificates, Counterexample, Step
from .derive import Budget, BudgetExceeded, GroundTruth
from .errors import IdentityError, SpecError
from .network import Network, network
from .shards import available as shards_available, lower as shards_lower, run as shards_run
from .oracle import Oracle, OracleError
from .counterexample import identity_sides, search, search_pointwise
from .quantities import ExactQuantities, ModP, PointQuantities

METHODS = ("auto", "exact", "pit")
#: Provers of specifications that are not networks, by class: the packages above
#: the engine register theirs when ``symbp`` is imported (``symbp.layers`` its layers).
SPEC_PROVERS: dict = {}
#: ``auto`` tries ``exact`` up to this many parameters (and within the budget).
AUTO_EXACT_PARAMETERS = 1500
PIT_POINTS = 2
#: No polynomial of an exact proof may grow past this many terms (memory).
MAX_TERMS = 2_000_000
#: ``jobs`` > 1 forks worker processes only for networks this large: below,
#: starting them costs more than the instances.
SHARD_PARAMETERS = 300


def prove(identity, net, *, method: str = "auto", budget: float = 60.0, points: int = PIT_POINTS, seed: int = 0,
          jobs: int = 1) -> Certificate:
    """Check ``identity`` on every instance of ``net``; return a ``Certificate``.

    ``budget`` is in seconds; running out gives ``undecided`` with the reason.
    ``jobs`` > 1 spreads the instances of an exact check over that many
    processes (``shards``; networks of ``SHARD_PARAMETERS`` parameters and
    more): the same certificate, timings aside, sooner.
    """
    if hasattr(net, "prove_general"):  # networks of symbolic size (symbp.general)
        return net.prove_general(identity, budget=budget)
    for kind, prover in SPEC_PROVERS.items():
        if isinstance(net, kind):
            return prover(identity, net, method=method, budget=budget, points=points, seed=seed)
    ident = get_identity(identity)
    if method not in METHODS:
        raise SpecError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    if not isinstance(net, Network):
        raise SpecError(f"prove needs a Network (from symbp.network(...)), got {type(net).__name__}")
    if ident.function_rule is not None:
        applicable(net, [ident])  # σ in its statement is the network's activation: it must be that function
        return _prove_function_rule(ident, net)
    reason = ident.applies(net)
    if reason:
        raise IdentityError(f"{ident.name} does not apply to the network {net.label()}: {reason}")
    start = time.perf_counter()
    if method == "pit" and ident.exact_only:
        method = "exact"  # a lemma about one local derivative: a point check would restate the definition
    if method in ("exact", "auto") and (method == "exact" or net.parameter_count <= AUTO_EXACT_PARAMETERS or ident.exact_only):
        try:
            with limits(deadline=start + budget, max_terms=MAX_TERMS):
                return _prove_exact(ident, net, Budget(budget), start, seed, jobs)
        except BudgetExceeded as exc:
            if method == "exact" or ident.exact_only:
                return _certificate(ident, net, "exact", "undecided", start, reason=f"exact check stopped: {exc}")
            remaining = max(budget - (time.perf_counter() - start), 1.0)
            cert = _prove_pit(ident, net, points, seed, start, Budget(remaining))
            return _replace(cert, method="auto→pit", reason=(cert.reason + f" (exact ran out: {exc})").strip())
    return _prove_pit(ident, net, points, seed, start, Budget(budget))


def _left(start: float, budget) -> float:
    # What is left of the budget for the oracle's confirmation (a second at least).
    seconds = budget.seconds if isinstance(budget, Budget) else budget
    if seconds is None:
        return 20.0
    return max(1.0, min(20.0, seconds - (time.perf_counter() - start)))


def _certificate(ident, net, method, verdict, start, **kw) -> Certificate:
    return Certificate(
        identity=ident.name,
        network=net.describe(),
        method=method,
        verdict=verdict,
        seconds=round(time.perf_counter() - start, 4),
        statement=ident.statement,
        source=ident.source,
        **kw,
    )


def _replace(cert: Certificate, **kw) -> Certificate:
    from dataclasses import replace

    return replace(cert, **kw)


def _label(ident, comp, r, c) -> tuple[str, tuple]:
    """Name the failing entry (row r, column c, 0-based) in Nielsen's indices."""
    names = comp.indices
    if comp.lhs.shape[1] == 1:
        idx = (r + 1,)
    else:
        idx = (r + 1, c + comp.first_column)
    text = ", ".join(f"{n}={i}" for n, i in zip(names, idx))
    where = f"l={comp.layer}, " if comp.layer is not None else ""
    if comp.sample > 1:
        where += f"sample {comp.sample}, "
    return f"{ident.name} at {where}{text}", idx


def _shape_refutation(ident, net, comp_desc: str, exc: Exception, start, method) -> Certificate:
    cx = Counterexample(
        instance=comp_desc, layer=None, indices=(), point={}, lhs="", rhs="", lhs_value=float("nan"), rhs_value=float("nan"),
        reason=f"the right-hand side cannot be formed: {exc}",
    )
    return _certificate(ident, net, method, "refuted", start, counterexample=cx, reason=str(exc))


# -- exact ------------------------------------------------------------------------


def _prove_exact(ident, net, budget, start, seed, jobs=1) -> Certificate:
    q = ExactQuantities(net, budget)
    want, failing = None, None  # every instance, in order
    try:
        if jobs > 1 and net.parameter_count >= SHARD_PARAMETERS and shards_available():
            # The shards compare the instances; here only the earliest failing
            # one (if any) is computed again, for its counterexample, while the
            # walk below lays out the same steps and counts as in one process.
            failing = _first_failure_in_shards(ident, net, budget, jobs)
            want = lambda index, row: index == failing  # noqa: E731
        count, steps, failure = _walk(ident, q, budget, want)
        if failing is not None and failure is None:
            raise AssertionError(f"a worker found instance {failing + 1} failing, but it holds when computed again")
    except ShapeError as exc:
        return _shape_refutation(ident, net, ident.name, exc, start, "exact")
    if failure is not None:
        index, comp, r, c, lv, rv = failure
        label, idx = _label(ident, comp, r, c)
        sides = identity_sides(ident, comp.layer, comp.sample, comp.lhs_tex, r, c)
        found = search(net, lv, rv, label, comp.layer, idx, seed, oracle_sides=sides, budget=_left(start, budget))
        if found.counterexample is None:
            return _certificate(
                ident, net, "exact", "undecided", start, instances=index + 1,
                reason=f"at {label} the difference is not the zero polynomial in the atoms, but no concrete counterexample "
                + (f"was confirmed: {found.reason}" if found.reason else "was found"),
            )
        return _certificate(
            ident, net, "exact", "refuted", start, instances=index + 1, counterexample=found.counterexample, reason=f"fails at {label}"
        )
    if count == 0:
        return _nothing_compared(ident, net, "exact", start)
    return _certificate(ident, net, "exact", "proved", start, instances=count, steps=tuple(steps))


def _nothing_compared(ident, net, method, start) -> Certificate:
    # An identity whose comparisons are empty on this network (an Identity of the user's own, or one entry none of
    # whose layers exists here) has been checked nowhere: that is no proof of it.
    return _certificate(ident, net, method, "undecided", start, instances=0,
                        reason=f"{ident.name} gives nothing to compare on the network {net.label()} (no instance, no "
                               "entry): it was checked nowhere")


def _walk(ident, q, budget, want=None, stop=None):
    """Go through every instance of ``ident`` in order, comparing those ``want(index, row)`` picks (all by default).

    Each instance's two sides are computed, compared and dropped (the lazy
    matrices keep no weight gradient). Returns ``(count, steps, failure)``:
    the instances gone through, one step per comparison, and the first
    failing instance as ``(index, comparison, r, c, lhs, rhs)`` or ``None``.
    A shard passes ``stop``: it gives up past the earliest failure found so far.
    """
    count, row_id, steps = 0, 0, []
    for comp in ident.compare(q):
        if comp.lhs.shape != comp.rhs.shape:
            raise ShapeError(f"{comp.lhs_tex} is {comp.lhs.shape[0]}×{comp.lhs.shape[1]} but the formula gives {comp.rhs.shape[0]}×{comp.rhs.shape[1]}")
        rows, cols = comp.lhs.shape
        for r in range(rows):
            if stop is not None and count > stop.value:
                return count, steps, None
            for c in range(cols):
                index = count
                count += 1
                if want is not None and not want(index, row_id):
                    continue
                budget.check()
                lv, rv = comp.lhs.entry(r, c), comp.rhs.entry(r, c)
                if _differ(lv, rv, q.model):
                    return count, steps, (index, comp, r, c, lv, rv)
            row_id += 1
        steps.append(
            Step(
                lhs=comp.lhs_tex,
                rhs=comp.rhs_tex,
                why=f"ground truth by differentiation vs. the formula, layer {comp.layer}" + (f", sample {comp.sample}" if q.net.batch > 1 and comp.sample else ""),
                checked=f"{rows * cols} entries: difference is the zero polynomial",
            )
        )
    return count, steps, None


def _first_failure_in_shards(ident, net, budget, jobs):
    """The index of the earliest failing instance, or ``None``: rows shared round-robin over ``jobs`` processes."""
    GroundTruth(net).prepare()  # the atoms and the graph, built once and inherited by every process

    def shard(w, n, stop):
        q = ExactQuantities(net, budget)
        try:
            with limits(deadline=budget.deadline, max_terms=MAX_TERMS):
                _, _, failure = _walk(ident, q, budget, lambda index, row: row % n == w, stop)
        except ShapeError:
            return None  # every process meets it at the same comparison; the walk afterwards reports it
        if failure is None:
            return None
        shards_lower(stop, failure[0])
        return failure[0]

    found = [f for f in shards_run(shard, jobs) if f is not None]
    return min(found) if found else None


def _differ(lv, rv, model) -> bool:
    """LHS − RHS is not zero: as a polynomial in the atoms, or after the activation's exact relations (relu, identity)."""
    if type(lv) is Poly and type(rv) is Poly and lv.terms == rv.terms:
        return False  # the same canonical dictionary: the difference is 0 (checked in C, no subtraction)
    diff = lv - rv
    if isinstance(diff, int):
        return diff != 0
    return not model.vanishes(diff)


# -- polynomial identity test -----------------------------------------------------------


def _degree_bound(net: Network) -> int:
    # A generous bound on the total degree of (LHS − RHS) with denominators
    # cleared: each layer adds a weight and σ' (degree ≤ 2 for σ' = σ(1−σ)),
    # the cost ≤ 3, a softmax output ≤ 2 n_L more.
    extra = 3 * net.n(net.L) if net.output_softmax or net.cost == "cross-entropy" else 0
    return 4 * net.L + extra + 8


def _random_point_quantities(net, rng) -> PointQuantities:
    field = ModP(rng)

    def leaf(key):
        return field.random()

    def neuron(s, l, j, z):
        act = net.activation(l, j)
        sv = field.random()
        if act.prime_of_value is not None:
            dv = field.r(act.prime_of_value(sv))
        else:
            dv = field.random()
        if act.value_of_prime is not None:  # relu: a = z·σ'(z), identity: a = z (true for every z)
            sv = field.r(act.value_of_prime(z, dv))
        return sv, dv

    return PointQuantities(net, field, leaf, neuron, output_exp=lambda s, j, z: field.random())


def _prove_pit(ident, net, points, seed, start, budget) -> Certificate:
    rng = random.Random(seed)
    count = 0
    p = ModP.p
    try:
        for trial in range(points):
            for attempt in range(3):  # a vanishing denominator: draw again
                try:
                    with limits(deadline=budget.deadline):  # a large network's atoms honour the budget (rv43 C2)
                        q = _random_point_quantities(net, rng)
                        comparisons = list(ident.compare(q))
                    break
                except ZeroDivisionError:
                    continue
            else:
                return _certificate(ident, net, "pit", "undecided", start, reason="denominators vanished at three random points")
            for comp in comparisons:
                budget.check()
                if comp.lhs.shape != comp.rhs.shape:
                    raise ShapeError(f"{comp.lhs_tex} is {comp.lhs.shape[0]}×{comp.lhs.shape[1]} but the formula gives {comp.rhs.shape[0]}×{comp.rhs.shape[1]}")
                for (r, c, lv), (_, _, rv) in zip(comp.lhs.entries(), comp.rhs.entries()):
                    if trial == 0:
                        count += 1
                    if (lv - rv) % p:
                        label, idx = _label(ident, comp, r, c)
                        found = search_pointwise(ident, net, comp, r, c, label, idx, seed, budget=_left(start, budget))
                        if found.counterexample is None:
                            return _certificate(
                                ident, net, "pit", "undecided", start, instances=count,
                                reason=f"at {label} the two sides differ as polynomials in the atoms, but no concrete counterexample "
                                + (f"was confirmed: {found.reason}" if found.reason else "was found"),
                            )
                        return _certificate(
                            ident, net, "pit", "refuted", start, instances=count, counterexample=found.counterexample, reason=f"fails at {label}"
                        )
    except ShapeError as exc:
        return _shape_refutation(ident, net, ident.name, exc, start, "pit")
    except BudgetExceeded as exc:
        return _certificate(ident, net, "pit", "undecided", start, instances=count, reason=f"polynomial identity test stopped: {exc}")
    if count == 0:
        return _nothing_compared(ident, net, "pit", start)
    d = _degree_bound(net)
    bound = f"each instance: P(false agreement) ≤ ({d}/p)^{points} < {float(Fraction(d, p) ** points):.1e}, p = 2^61 − 1 (Schwartz–Zippel)"
    return _certificate(
        ident, net, "pit", "probably-true", start, instances=count, points=points, error_bound=bound,
        reason="both sides agree at every random point; this is strong evidence, not a proof",
    )


# -- σ' written through σ -------------------------------------------------------------


def _prove_function_rule(ident, net) -> Certificate:
    import sympy

    from .functions import activation as activation_named

    start = time.perf_counter()
    act = activation_named(ident.function_rule)
    if act.prime_of_value is None:
        raise IdentityError(f"{ident.name}: the activation {act.name} has no rule writing σ' through σ")
    z = sympy.Symbol("z", real=True)
    t = sympy.Symbol("t", positive=True)
    truth = sympy.diff(act.expr(z), z)  # ground truth: differentiate the definition
    claim = act.prime_of_value(act.expr(z))
    # Canonical form: write everything through t = e^z and cancel the rational function.
    diff = (truth - claim).rewrite(sympy.exp).subs(sympy.exp(z), t)
    diff = sympy.cancel(sympy.together(diff.subs(sympy.exp(-z), 1 / t)))
    lhs_tex, rhs_tex = sympy.latex(truth), sympy.latex(claim)
    if diff == 0:
        step = Step(lhs=lhs_tex, rhs=rhs_tex, why=f"differentiate the definition of {act.name}", checked="with t = e^z both sides are the same rational function of t")
        return Certificate(
            identity=ident.name, network={"function": act.name}, method="exact", verdict="proved", instances=1,
            seconds=round(time.perf_counter() - start, 4), statement=ident.statement, source=ident.source, steps=(step,),
        )
    value = sympy.Rational(1, 3)
    cx = Counterexample(
        instance=ident.name, layer=None, indices=(), point={"z": "1/3"}, lhs=str(sympy.N(truth.subs(z, value), 25)),
        rhs=str(sympy.N(claim.subs(z, value), 25)), lhs_value=float(truth.subs(z, value)), rhs_value=float(claim.subs(z, value)),
    )
    apart = abs(cx.lhs_value - cx.rhs_value) > 1e-12
    confirmed = apart and _oracle_differs(act.name, cx.rhs_value)
    reason = f"remaining: {diff}"
    if apart and not confirmed:
        reason += "; the independent oracle's σ'(1/3) (numeric differentiation) agrees with the rule, so SymPy's is in doubt"
    return Certificate(
        identity=ident.name, network={"function": act.name}, method="exact", verdict="refuted" if confirmed else "undecided",
        instances=1, seconds=round(time.perf_counter() - start, 4), statement=ident.statement, source=ident.source,
        counterexample=cx if confirmed else None, reason=reason,
    )


def _oracle_differs(name: str, claimed: float) -> bool:
    # The oracle's σ'(1/3), by differentiating its own σ numerically, against the claimed value.
    point = {("x", 1, 1): 1, ("y", 1, 1): 0, ("w", 2, 1, 1): Fraction(1, 3), ("b", 2, 1): 0}
    try:
        return abs(float(Oracle(network([1, 1], name), point).sigma_prime(2, 1)) - claimed) > 1e-12
    except OracleError:
        return False


def prove_all(net: Network, names=None, **kwargs) -> Certificates:
    """Prove each applicable identity (or each named one) on ``net`` (a list a notebook shows as a table)."""
    return Certificates(prove(ident, net, **kwargs) for ident in applicable(net, names))
