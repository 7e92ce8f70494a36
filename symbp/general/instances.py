r"""All-sizes claims on concrete instances: cross-checks and counterexamples.

Two routes, both independent of the all-sizes reduction:

* ``cross_check`` takes an identity proved (or not) for symbolic sizes and
  checks it exactly on concrete networks ([2, 3, 2], [3, 2, 2, 2]): both
  sides and the index ranges are taken from the identity object and
  instantiated at every layer and index they are stated for
  (``concrete.Translate``), every derivative they name (δ, ∂C/∂w, ...) being
  the core's ground truth (``derive.GroundTruth``, forward-mode
  differentiation of the definitions), all in the exact atom algebra.
* ``lemma_counterexample`` instantiates a lemma at small sizes and every
  index, sums written out, with a stand-in activation σ(t) = t³ + t and
  random rationals, and returns a ``Counterexample`` when the sides differ.
  Its ground truth is the lemma's left side as SymPy differentiates it from
  the definitions (direct differentiation, sharing nothing with the
  reduction that failed); the two sides are polynomials in exact rationals
  once σ is the stand-in. A difference is reported only when a second
  evaluation agrees: every side free of anything left unevaluated (a
  derivative, a sum, an unknown function) and the difference, evaluated
  again in mpmath at 60 digits from the expressions, equal to the exact one.

>>> from symbp.general.lemmas import LEMMAS, Layers
>>> m = Layers()
>>> lem = LEMMAS["lemma-dz-dz"]
>>> swapped = m.w_next[m.j, m.i] * m.sigma_prime(m.z[m.j])  # indices exchanged
>>> lemma_counterexample(m, lem.lhs(m), swapped, lem.ranges(m)).instance
'n_{l} = 2, n_{l+1} = 2, i = 1, j = 2'
>>> lemma_counterexample(m, lem.lhs(m), lem.rhs(m), lem.ranges(m)) is None
True
"""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import sympy

from ..algebra import is_zero
from ..certificate import Certificate, Counterexample
from ..derive import Budget, BudgetExceeded, GroundTruth
from ..network import network as concrete_network
from ..oracle import OracleGroundTruth, element_value
from .concrete import OutsideDomain, Translate, assignments, product_rhs

SIZES_TRIED = (2, 3)


def _stand_in(t):
    return t**3 + t


def _stand_in_prime(t):
    return 3 * t**2 + 1


def _apply_stand_in(m, expr):
    expr = expr.replace(lambda e: isinstance(e, m.sigma), lambda e: _stand_in(e.args[0]))
    return expr.replace(lambda e: isinstance(e, m.sigma_prime), lambda e: _stand_in_prime(e.args[0]))


def _size_symbols(m):
    return [m.n_prev, m.n, m.n_next, m.n_L]


def lemma_instances(m, lhs, rhs, ranges, max_instances: int = 64):
    """Yield (label, sizes, indices, lhs, rhs) with sizes and indices concrete, sums written out."""
    diff_syms = (lhs - rhs).free_symbols
    sizes = [s for s in _size_symbols(m) if s in diff_syms or any(s in r.hi.free_symbols for r in ranges)]
    count = 0
    for values in itertools.product(SIZES_TRIED, repeat=len(sizes)):
        size_map = dict(zip(sizes, values))
        spans = [range(1, int(r.hi.xreplace(size_map)) + 1) for r in ranges]
        for idx in itertools.product(*spans):
            sub = dict(size_map)
            sub.update({r.index: v for r, v in zip(ranges, idx)})
            label = ", ".join(f"{k} = {v}" for k, v in sub.items())
            # subs, not xreplace: it leaves summation indices alone
            yield label, size_map, sub, lhs.subs(sub).doit(), rhs.subs(sub).doit()
            count += 1
            if count >= max_instances:
                return


def lemma_counterexample(m, lhs, rhs, ranges, hypotheses=None, seed: int = 1) -> Counterexample | None:
    """A concrete size, index and exact point where ``lhs != rhs``, or None."""
    rng = random.Random(seed)
    for label, size_map, sub, l_val, r_val in lemma_instances(m, lhs, rhs, ranges):
        l_val, r_val = _apply_stand_in(m, l_val), _apply_stand_in(m, r_val)
        gap = l_val - r_val
        indexed = gap.atoms(sympy.Indexed)
        others = gap.free_symbols - {s for a in indexed for s in a.free_symbols}
        atoms = sorted(indexed | others, key=str)
        point = {a: sympy.Rational(rng.randint(-9, 9), rng.randint(1, 5)) for a in atoms}
        for hyp, value in (hypotheses or {}).items():
            _satisfy(hyp.xreplace(size_map), value, point)
        lv, rv = l_val.xreplace(point), r_val.xreplace(point)
        d = sympy.N(lv - rv, 50)
        if d.is_number and abs(d) > sympy.Float("1e-30") and _confirmed(l_val, r_val, point, lv - rv):
            return Counterexample(
                instance=label, layer=None, indices=tuple(int(v) for k, v in sub.items() if k not in size_map),
                point={str(k): str(v) for k, v in point.items()}, lhs=str(lv), rhs=str(rv),
                lhs_value=float(sympy.N(lv)), rhs_value=float(sympy.N(rv)),
                activation="σ(t) = t³ + t, σ'(t) = 3t² + 1 (a stand-in for the generic σ)",
                reason=f"at {label} the two sides differ: {lv} ≠ {rv}",
            )
    return None


def _confirmed(l_val, r_val, point: dict, exact) -> bool:
    """Does a second evaluation agree that the sides differ: both fully evaluated (no derivative, sum, integral or
    undefined function left), both exact rationals at the point, and their difference evaluated again in mpmath at
    60 digits from the expressions equal to the exact one?"""
    import mpmath

    for side in (l_val, r_val):
        if side.has(sympy.Derivative, sympy.Subs, sympy.Sum, sympy.Integral) or side.atoms(sympy.core.function.AppliedUndef):
            return False
    if not exact.is_number or exact.is_zero:
        return False
    atoms = sorted(point, key=str)
    with mpmath.workdps(60):
        fn = sympy.lambdify(atoms, l_val - r_val, modules="mpmath")
        again = fn(*[mpmath.mpf(int(point[a].p)) / int(point[a].q) for a in atoms])
        value = mpmath.mpmathify(str(sympy.N(exact, 60))) if not exact.is_Rational else \
            mpmath.mpf(int(exact.p)) / int(exact.q)
        return abs(value) > 0 and abs(again - value) <= mpmath.mpf(10) ** -40 * max(1, abs(value))


def _impose(hyp, value, expr):
    # Σ_r y_r = value: eliminate the last y.
    (v, lo, hi), = hyp.limits
    terms = [hyp.function.xreplace({v: k}) for k in range(int(lo), int(hi) + 1)]
    return expr.xreplace({terms[-1]: value - sum(terms[:-1])})


def _satisfy(hyp, value, point):
    # Σ_r y_r = value: set the last y so the hypothesis holds at the point.
    if isinstance(hyp, sympy.Sum):
        (v, lo, hi), = hyp.limits
        terms = [hyp.function.xreplace({v: k}) for k in range(int(lo), int(hi) + 1)]
        for t in terms:
            point.setdefault(t, sympy.Rational(1, len(terms)))
        point[terms[-1]] = value - sum(point[t] for t in terms[:-1])


# -- identities on concrete networks --------------------------------------------


#: all-sizes name -> the core catalogue's name (``symbp.identities``)
CORE_NAMES = {
    "BP1": "BP1", "BP1-matrix": "BP1-matrix", "BP2": "BP2", "BP2-matrix": "BP2-matrix", "BP3": "BP3",
    "BP4": "BP4", "product-formula": "product-formula", "BP1-quadratic": "BP1'", "ce-sigmoid": "ce-sigmoid",
    "softmax-ce": "softmax-ce", "softmax-ce-one-hot": "softmax-ce-one-hot", "sokolinsky-lemma-2": "lemma-2",
    "sokolinsky-lemma-3": "lemma-3", "sokolinsky-lemma-4": "lemma-4", "input-gradient": "dyda-input-gradient",
    "minibatch": "minibatch",
}
#: the core identity that also checks an all-sizes one (the core's minibatch covers weights and biases)
CORE_CHECKS = {**CORE_NAMES, "minibatch-bias": "minibatch"}


def _core_prove(name: str, gnet, budget_seconds) -> dict:
    """The core's ``prove`` (method exact) of the same identity on each concrete network."""
    from ..identities import get as get_identity
    from ..prove import prove

    ident = get_identity(CORE_CHECKS[name])
    out = {}
    for net in concrete_networks(gnet):
        if ident.applies(net):
            continue
        cert = prove(ident, net, method="exact", budget=budget_seconds or 60.0)
        out[str(list(net.sizes))] = cert.verdict
    return out


def concrete_networks(gnet) -> list:
    kw = dict(activation=gnet.activation, cost=gnet.cost, one_hot=gnet.one_hot)
    return [concrete_network([2, 3, 2], **kw), concrete_network([3, 2, 2, 2], **kw)]


def _with(cert: Certificate, **concrete) -> Certificate:
    return replace(cert, details={**cert.details, "concrete": concrete})


def cross_check(cert: Certificate, identity, gnet, budget_seconds: float | None = None) -> Certificate:
    """``cert`` with ``details['concrete']``: the claim checked exactly on concrete networks.

    ``identity`` is the object that was proved: a ``chains.GeneralIdentity``
    (both sides and the ranges are taken from it, never from its name), a
    ``lemmas.Lemma``, or the name ``"product-formula"``. An all-sizes failure
    that a concrete instance confirms becomes ``refuted`` with that instance as
    the counterexample; a concrete failure of an all-sizes proof makes it
    ``undecided``, naming a symbp bug.
    """
    from .chains import IDENTITIES as CHAIN
    from .chains import GeneralIdentity
    from .lemmas import LEMMAS, Layers, Lemma

    m = Layers()
    if isinstance(identity, Lemma):
        return _cross_check_lemma(cert, identity, LEMMAS.get(identity.name) == identity, m, gnet, budget_seconds)
    own = identity == "product-formula" or (isinstance(identity, GeneralIdentity) and CHAIN.get(identity.name) == identity)
    name = identity if isinstance(identity, str) else identity.name
    try:
        checked, failures, outside, cx = _check_networks(m, identity, gnet, budget_seconds)
    except BudgetExceeded as exc:
        return _with(cert, verdict="undecided", reason=f"concrete check: {exc}")
    except Exception as exc:  # noqa: BLE001 - a variant whose sides cannot be built or have no concrete meaning
        return _with(cert, verdict="not checked", reason=f"the formula has no concrete meaning here: {exc}")
    verdict = "refuted" if failures else "undecided" if outside else "proved" if checked else "not checked"
    concrete = {"networks": [list(n.sizes) for n in concrete_networks(gnet)], "instances": checked,
                "verdict": verdict, "failed": failures[:5],
                "method": "exact: derive.GroundTruth against this formula at concrete sizes; "
                          "a counterexample only where the independent oracle confirms it"}
    if outside:
        concrete["outside_domain"] = outside[:5]
    if own and name in CORE_CHECKS:
        core = _core_prove(name, gnet, budget_seconds)
        concrete["core_prove"] = core
        bad = [k for k, v in core.items() if v not in ("proved", "probably-true")]
        if bad:
            failures.append(f"the core's prove on {bad[0]}: {core[bad[0]]}")
            concrete["verdict"] = "refuted" if "refuted" in core.values() else concrete["verdict"]
    cert = replace(cert, details={**cert.details, "concrete": concrete}, instances=checked)
    if failures and cert.verdict == "undecided" and cx is not None:  # refuted only with a concrete counterexample
        cert = replace(cert, verdict="refuted", counterexample=cx,
                       reason=cert.reason + f"; refuted on the concrete network {failures[0]}")
    if (failures or outside) and cert.verdict == "proved-for-all-sizes":  # never both: the proof is wrong somewhere
        where = failures[0] if failures else f"{outside[0]} (a quantity it names does not exist there)"
        cert = replace(cert, verdict="undecided",
                       reason=f"the all-sizes proof and a concrete instance disagree at {where}; symbp bug")
    return cert


def _cross_check_lemma(cert, lem, own, m, gnet, budget_seconds):
    bad, n = None, 0
    try:
        for label, size_map, _, lv, rv in lemma_instances(m, lem.lhs(m), lem.rhs(m), lem.ranges(m)):
            n += 1
            diff = lv - rv
            for hyp, value in lem.hypotheses(m).items():
                diff = _impose(hyp.xreplace(size_map), value, diff)
            if sympy.cancel(sympy.together(sympy.expand(diff))) != 0 and bad is None:
                bad = label
    except Exception as exc:  # noqa: BLE001 - a replaced lemma no small instance can evaluate
        return _with(cert, verdict="not checked", reason=f"the lemma has no concrete instance: {exc}")
    concrete = {"method": "sums written out at sizes 2 and 3, every index", "instances": n,
                "verdict": "refuted" if bad else "proved", "failed": bad}
    if own and lem.name in CORE_NAMES:
        core = concrete["core_prove"] = _core_prove(lem.name, gnet, budget_seconds)
        if any(v not in ("proved", "probably-true") for v in core.values()):
            bad = bad or f"the core's prove: {core}"
            concrete["verdict"] = "refuted"
    if bad and cert.verdict == "proved-for-all-sizes":
        cert = replace(cert, verdict="undecided",
                       reason=f"the all-sizes proof and the instance {bad} disagree; symbp bug")
    return replace(cert, details={**cert.details, "concrete": concrete}, instances=n)


def _check_networks(m, identity, gnet, budget_seconds):
    from .statement import layers_of, layer_values

    if identity == "product-formula":
        lhs = rhs = None
        ranges, layers = [], ["l"]
    else:
        lhs, rhs, ranges = identity.lhs(m), identity.rhs(m), identity.ranges(m)
        layers = layers_of([lhs, rhs, sympy.Tuple(*[b for r in ranges for b in (r.lo, r.hi)])], m)
    name = identity if isinstance(identity, str) else identity.name
    checked, failures, outside, cx, unconfirmed = 0, [], [], None, ""
    for net in concrete_networks(gnet):
        gt = GroundTruth(net, Budget(budget_seconds))
        for l in layer_values(layers, net.L):
            tr = Translate(m, net, gt, l)
            points = [{m.j: sympy.Integer(j)} for j in range(1, net.n(l) + 1)] if lhs is None \
                else assignments(ranges, tr.sizes)
            for at in points:
                where = f"{list(net.sizes)} at l={l}" + "".join(f", {k}={v}" for k, v in at.items())
                try:
                    lv, rv = _sides(m, net, gt, l, at, lhs, rhs)
                except OutsideDomain as exc:
                    outside.append(f"{where}: {exc}")
                    continue
                checked += 1
                if not is_zero(lv - rv):
                    failures.append(where)
                    if cx is None and len(failures) <= 8:  # a non-zero difference is not yet a refutation
                        found = _counterexample(m, net, name, l, at, lhs, rhs, lv, rv)
                        cx, unconfirmed = found.counterexample, unconfirmed or found.reason
    if failures and cx is None and unconfirmed:
        failures[0] += f" (no counterexample: {unconfirmed})"
    return checked, failures, outside, cx


def _sides(m, net, gt, l, at, lhs, rhs):
    # Both sides at one instance, over ``gt``: the ground truth, or the oracle in its place.
    if lhs is None:  # the product formula, computed downwards
        j = int(at[m.j])
        return gt.delta(l, j, 1, per_sample=net.batch > 1), product_rhs(net, gt, l, j)
    tr = Translate(m, net, gt, l)
    return tr.instantiate(lhs, at), tr.instantiate(rhs, at)


def _counterexample(m, net, name, l, at, lhs, rhs, lv, rv, seed: int = 7):
    """The core's exact-point search on one failing instance, each point confirmed by the independent oracle."""
    from ..counterexample import search

    def oracle_sides(q):  # the same instance, every quantity from the oracle (symbp.oracle)
        return tuple(element_value(q.oracle, v, net) for v in _sides(m, net, OracleGroundTruth(q.oracle, net), l, at, lhs, rhs))

    label = f"{name} on {list(net.sizes)} at l={l}" + "".join(f", {k}={v}" for k, v in at.items())
    indices = tuple(int(v) for v in at.values())
    return search(net, lv, rv, label, l, indices, seed, oracle_sides=oracle_sides)
