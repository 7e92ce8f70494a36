r"""All-sizes claims on concrete instances: cross-checks and counterexamples.

Two routes, both independent of the all-sizes reduction:

* ``cross_check`` takes an identity proved (or not) for symbolic sizes and
  checks it exactly on concrete networks ([2, 3, 2], [3, 2, 2, 2]): the left
  side is the core's ground truth (``derive.GroundTruth``, forward-mode
  differentiation of the definitions), the right side the identity's own
  formula instantiated at those sizes, both in the exact atom algebra.
* ``lemma_counterexample`` instantiates a lemma at small sizes and every
  index, sums written out, with a stand-in activation σ(t) = t³ + t and
  random rationals, and returns a ``Counterexample`` when the sides differ.

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
from fractions import Fraction

import sympy

from ..algebra import Poly, RatFunc, is_zero
from ..certificate import Certificate, Counterexample
from ..derive import Budget, BudgetExceeded, GroundTruth
from ..network import network as concrete_network

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
        if d.is_number and abs(d) > sympy.Float("1e-30"):
            return Counterexample(
                instance=label, layer=None, indices=tuple(int(v) for k, v in sub.items() if k not in size_map),
                point={str(k): str(v) for k, v in point.items()}, lhs=str(lv), rhs=str(rv),
                lhs_value=float(sympy.N(lv)), rhs_value=float(sympy.N(rv)),
                activation="σ(t) = t³ + t, σ'(t) = 3t² + 1 (a stand-in for the generic σ)",
                reason=f"at {label} the two sides differ: {lv} ≠ {rv}",
            )
    return None


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


def _instances(name: str, net) -> list[dict]:
    """Layer/index assignments at which identity ``name`` is stated on ``net``."""
    L, out = net.L, []
    if name in ("BP1", "BP1-matrix", "BP1-quadratic", "softmax-ce", "softmax-ce-one-hot", "ce-sigmoid"):
        return [{"l": L, "j": j} for j in range(1, net.n(L) + 1)]
    if name == "minibatch-bias":
        return [{"l": l, "j": j} for l in range(2, L + 1) for j in range(1, net.n(l) + 1)]
    hidden = range(2, L) if name in ("BP2", "BP2-matrix") else range(2, L + 1)
    for l in hidden:
        for j in range(1, net.n(l) + 1):
            if name in ("BP4", "minibatch"):
                out += [{"l": l, "j": j, "k": k} for k in range(1, net.n(l - 1) + 1)]
            elif name == "input-gradient":
                if j == 1:  # one instance per input entry k of the layer
                    out += [{"l": l, "j": 1, "k": k} for k in range(1, net.n(l - 1) + 1)]
            else:
                out.append({"l": l, "j": j})
    return out


class _Translate:
    """An all-sizes expression at a concrete network, layer l and indices, as an algebra element."""

    def __init__(self, m, net, gt, at):
        self.m, self.net, self.gt, self.at = m, net, gt, at
        l, L = at["l"], net.L
        model = net.atoms
        self.layer = {"l": l, "l+1": l + 1, "l-1": l - 1, "L": L}
        self.sizes = {m.n_prev: net.n(max(l - 1, 1)), m.n: net.n(l), m.n_L: net.n(L)}
        if l < L:
            self.sizes[m.n_next] = net.n(l + 1)
        self.sizes[m.m_batch] = net.batch
        self.idx = {m.j: at["j"]}
        if "k" in at:
            self.idx[m.k] = at["k"]
        self.model = model

    def _role(self, name):
        head, _, sup = name.partition("^")
        return head, self.layer[sup.strip("{}")] if sup else None

    def indexed(self, base: str, idx):
        model, gt = self.model, self.gt
        if "^{x," in base:  # per-sample: the first index is the sample x
            head, _, layer = base.partition("^{x,")
            s, rest = idx[0], idx[1:]
            lay = self.layer[layer.rstrip("}")]
            if head == r"\delta":
                return gt.delta(lay, rest[0], s, per_sample=True)
            return model.A[s][lay][rest[0] - 1]
        # On a mini-batch network the single-sample identities are about sample 1's own cost C_1.
        per_sample = self.net.batch > 1
        head, layer = self._role(base)
        if head == "w":
            return model.atom(("w", layer, *idx))
        if head == "b":
            return model.atom(("b", layer, *idx))
        if head == "a":
            return model.A[1][layer][idx[0] - 1]
        if head == "y":
            return model.target(idx[0], 1)
        if head == r"\delta":
            return gt.delta(layer, idx[0], 1, per_sample=per_sample)
        if head == r"\nabla_{a} C":
            return _nabla(gt, self.net, idx[0])
        raise KeyError(base)

    def __call__(self, e):
        if isinstance(e, sympy.Add):
            return sum((self(a) for a in e.args), Poly())
        if isinstance(e, sympy.Mul):
            out = Poly.const(1)
            for a in e.args:
                out = out * self(a)
            return out
        if isinstance(e, sympy.Pow) and e.exp.is_Integer:
            base = self(e.base)
            return base ** int(e.exp) if e.exp >= 0 else RatFunc(Poly.const(1)) / (base ** int(-e.exp))
        if isinstance(e, sympy.Rational):
            return Poly.const(Fraction(int(e.p), int(e.q)))
        if isinstance(e, sympy.KroneckerDelta):
            a, b = (int(x) for x in e.args)
            return Poly.const(1 if a == b else 0)
        if isinstance(e, sympy.Sum):
            (v, lo, hi), = e.limits
            return sum((self(e.function.xreplace({v: k})) for k in range(int(lo), int(hi) + 1)), Poly())
        if isinstance(e, sympy.Indexed):
            return self.indexed(str(e.base), [int(i) for i in e.indices])
        if isinstance(e, (self.m.sigma, self.m.sigma_prime)):
            z = e.args[0]
            _, layer = self._role(str(z.base))
            j = int(z.indices[0])
            table = self.model.A if isinstance(e, self.m.sigma) else self.model.D
            return table[1][layer][j - 1]
        raise TypeError(f"no concrete meaning for {e}")

    def instantiate(self, expr):
        return self(expr.xreplace(self.sizes).xreplace(self.idx))


def _nabla(gt, net, j):
    # ∂C_1/∂a^{1,L}_j: of sample 1's own cost on a mini-batch network
    return gt.d_cost(("a", 1, net.L, j), sample=1) if net.batch > 1 else gt.nabla_a(j)


def _lhs(name, gt, at):
    l, j = at["l"], at["j"]
    if name == "BP3":
        return gt.db(l, j)
    if name in ("BP4", "minibatch"):
        return gt.dw(l, j, at["k"])
    if name == "minibatch-bias":
        return gt.db(l, j)
    if name == "input-gradient":  # ∂C/∂a^{l-1}_k, C written as a function of a^{l-1}
        return gt.nabla_a(at["k"], l=l - 1)
    return gt.delta(l, j, 1, per_sample=gt.net.batch > 1)


def _product_rhs(net, gt, l, j):
    # P^L_j = σ'(z^L_j)(∇_a C)_j, P^l_j = σ'(z^l_j) Σ_i w^{l+1}_{ij} P^{l+1}_i, computed downwards.
    model, L = net.atoms, net.L
    P = [model.D[1][L][i - 1] * _nabla(gt, net, i) for i in range(1, net.n(L) + 1)]
    for layer in range(L - 1, l - 1, -1):
        P = [model.D[1][layer][k - 1] * sum((model.atom(("w", layer + 1, i, k)) * P[i - 1]
                                             for i in range(1, net.n(layer + 1) + 1)), Poly())
             for k in range(1, net.n(layer) + 1)]
    return P[j - 1]


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
    from .. import identities
    from ..prove import prove

    ident = identities.get(CORE_CHECKS[name])
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


def cross_check(cert: Certificate, identity, gnet, budget_seconds: float | None = None) -> Certificate:
    """``cert`` with ``details['concrete']``: the identity checked exactly on concrete networks.

    An all-sizes failure that a concrete instance confirms becomes ``refuted``
    with that instance as the counterexample.
    """
    from .chains import IDENTITIES as CHAIN
    from .indexmat import ShapeError
    from .lemmas import LEMMAS, Layers

    m = Layers()
    name = identity if isinstance(identity, str) else identity.name
    if isinstance(identity, str) and identity in LEMMAS:
        lem = LEMMAS[identity]
        bad, n = None, 0
        for label, size_map, _, lv, rv in lemma_instances(m, lem.lhs(m), lem.rhs(m), lem.ranges(m)):
            n += 1
            diff = lv - rv
            for hyp, value in lem.hypotheses(m).items():
                diff = _impose(hyp.xreplace(size_map), value, diff)
            if sympy.cancel(sympy.together(sympy.expand(diff))) != 0 and bad is None:
                bad = label
        concrete = {"method": "sums written out at sizes 2 and 3, every index", "instances": n,
                    "verdict": "refuted" if bad else "proved", "failed": bad}
        if identity in CORE_NAMES:
            core = concrete["core_prove"] = _core_prove(identity, gnet, budget_seconds)
            if any(v not in ("proved", "probably-true") for v in core.values()):
                bad = bad or f"the core's prove: {core}"
                concrete["verdict"] = "refuted"
        if bad and cert.verdict == "proved-for-all-sizes":
            cert = replace(cert, verdict="undecided",
                           reason=f"the all-sizes proof and the instance {bad} disagree; symbp bug")
        return replace(cert, details={**cert.details, "concrete": concrete}, instances=n)
    if name == "product-formula":
        rhs_of = None
    else:
        idt = identity if not isinstance(identity, str) else CHAIN[identity]
        try:
            rhs_of = idt.rhs(m)
        except ShapeError as exc:
            concrete = {"verdict": "not checked", "reason": f"the formula is not defined for every size: {exc}"}
            return replace(cert, details={**cert.details, "concrete": concrete})
    try:
        checked, failures, cx = _check_networks(m, name, rhs_of, gnet, budget_seconds)
    except BudgetExceeded as exc:
        concrete = {"verdict": "undecided", "reason": f"concrete check: {exc}"}
        return replace(cert, details={**cert.details, "concrete": concrete})
    except (TypeError, KeyError) as exc:  # a formula with a quantity no concrete network has
        concrete = {"verdict": "not checked", "reason": f"the formula has no concrete meaning here: {exc}"}
        return replace(cert, details={**cert.details, "concrete": concrete})
    concrete = {"networks": [list(n.sizes) for n in concrete_networks(gnet)], "instances": checked,
                "verdict": "refuted" if failures else "proved", "failed": failures[:5],
                "method": "exact: derive.GroundTruth against this formula at concrete sizes"}
    if isinstance(identity, str) and identity in CORE_CHECKS:
        core = _core_prove(identity, gnet, budget_seconds)
        concrete["core_prove"] = core
        bad = [k for k, v in core.items() if v not in ("proved", "probably-true")]
        if bad:
            failures.append(f"the core's prove on {bad[0]}: {core[bad[0]]}")
            concrete["verdict"] = "refuted" if "refuted" in core.values() else concrete["verdict"]
    cert = replace(cert, details={**cert.details, "concrete": concrete}, instances=checked)
    if failures and cert.verdict == "undecided" and cx is not None:  # refuted only with a concrete counterexample
        cert = replace(cert, verdict="refuted", counterexample=cx,
                       reason=cert.reason + f"; refuted on the concrete network {failures[0]}")
    if failures and cert.verdict == "proved-for-all-sizes":  # never both: the all-sizes proof is wrong somewhere
        cert = replace(cert, verdict="undecided",
                       reason=f"the all-sizes proof and a concrete instance disagree at {failures[0]}; symbp bug")
    return cert


def _check_networks(m, name, rhs_of, gnet, budget_seconds):
    checked, failures, cx = 0, [], None
    for net in concrete_networks(gnet):
        gt = GroundTruth(net, Budget(budget_seconds))
        for at in _instances(name, net):
            lhs = _lhs(name, gt, at)
            if rhs_of is None:
                rhs = _product_rhs(net, gt, at["l"], at["j"])
            else:
                rhs = _Translate(m, net, gt, at).instantiate(rhs_of)
            checked += 1
            if not is_zero(lhs - rhs):
                failures.append(f"{list(net.sizes)} at " + ", ".join(f"{k} = {v}" for k, v in at.items()))
                if cx is None and len(failures) <= 8:  # a non-zero difference is not yet a refutation
                    cx = _counterexample(net, name, at, lhs, rhs)
    return checked, failures, cx


def _counterexample(net, name, at, lhs, rhs, seed: int = 7):
    """The core's exact-point search (``counterexample.find_counterexample``) on one failing instance, or None."""
    from ..counterexample import find_counterexample

    label = f"{name} on {list(net.sizes)} at " + ", ".join(f"{k}={v}" for k, v in at.items())
    indices = tuple(v for k, v in at.items() if k != "l")
    return find_counterexample(net, lhs, rhs, label, at.get("l"), indices, seed)
