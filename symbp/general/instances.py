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


class OutsideDomain(Exception):
    """A quantity the statement names does not exist at this instance (e.g. a^{l-1}_3 when n_{l-1} = 2)."""


def _layer_range(head: str, L: int) -> tuple[int, int]:
    # a^1 = x is the input; z, w, b, δ exist from layer 2 on
    return (1, L) if head == "a" else (2, L)


class _Translate:
    """An all-sizes expression at a concrete network and layer l, as an algebra element.

    Every quantity is looked up with its indices checked against the network's
    sizes: one that does not exist raises ``OutsideDomain``, never wraps around
    (Python's list[-1]) or borrows a neighbour. On a mini-batch network, δ, ∇_a C
    and ∂C/∂a, ∂C/∂z are of sample 1's own cost C_1, ∂C/∂w and ∂C/∂b of the mean.
    """

    def __init__(self, m, net, gt, l):
        self.m, self.net, self.gt, self.l = m, net, gt, l
        L = net.L
        self.model = net.atoms
        self.layer = {"l": l, "l+1": l + 1, "l-1": l - 1, "L": L}
        Z = sympy.Integer
        self.sizes = {m.n_prev: Z(net.n(l - 1)), m.n: Z(net.n(l)), m.n_L: Z(net.n(L)), m.m_batch: Z(net.batch)}
        if l < L:
            self.sizes[m.n_next] = Z(net.n(l + 1))
        self.batch = net.batch > 1

    def _role(self, name):
        head, _, sup = name.partition("^")
        sup = sup.strip("{}")
        if sup and sup not in self.layer:
            raise KeyError(name)
        return head, self.layer[sup] if sup else None

    def _need(self, what, layer, idx, shape):
        lo, hi = _layer_range(what, self.net.L)
        if layer is not None and not lo <= layer <= hi:
            raise OutsideDomain(f"layer {layer} has no {what} (the network has layers 1 to {self.net.L})")
        if len(idx) != len(shape) or any(not 1 <= i <= n for i, n in zip(idx, shape)):
            raise OutsideDomain(f"{what}^{layer}_{{{','.join(map(str, idx))}}} does not exist (sizes {list(self.net.sizes)})")

    def _n(self, layer):
        # the size of a layer that exists; never sizes[-1] for layer 0
        if layer is None or not 1 <= layer <= self.net.L:
            raise OutsideDomain(f"there is no layer {layer} (the network has layers 1 to {self.net.L})")
        return self.net.n(layer)

    def indexed(self, base: str, idx):
        model, gt, net, n = self.model, self.gt, self.net, self._n
        L = net.L
        if "^{x," in base:  # per-sample: the first index is the sample x
            head, _, layer = base.partition("^{x,")
            lay = self.layer.get(layer.rstrip("}"))
            if lay is None or head not in (r"\delta", "a"):
                raise KeyError(base)
            self._need(head, lay, idx, (net.batch, n(lay)))
            if head == r"\delta":
                return gt.delta(lay, idx[1], idx[0], per_sample=True)
            return model.A[idx[0]][lay][idx[1] - 1]
        if base.startswith(("dC/d", "dC_x/d")):
            return self._derivative(base, idx)
        if base == r"\nabla_{a} C":
            self._need("a", L, idx, (n(L),))
            return _nabla(gt, net, idx[0])
        if base == "y":
            self._need("y", None, idx, (n(L),))
            return model.target(idx[0], 1)
        head, layer = self._role(base)
        if head == "w":
            self._need("w", layer, idx, (n(layer), n(layer - 1)))
            return model.atom(("w", layer, *idx))
        if head == "b":
            self._need("b", layer, idx, (n(layer),))
            return model.atom(("b", layer, *idx))
        if head == "a":
            self._need("a", layer, idx, (n(layer),))
            return model.A[1][layer][idx[0] - 1]
        if head == "z":
            self._need("z", layer, idx, (n(layer),))
            return model.Z[1][layer][idx[0] - 1]
        if head == r"\delta":
            self._need("δ", layer, idx, (n(layer),))
            return gt.delta(layer, idx[0], 1, per_sample=self.batch)
        raise KeyError(base)

    def _derivative(self, base, idx):
        # ∂C/∂(quantity): the ground truth by differentiation (derive.GroundTruth)
        net, n = self.net, self._n
        per_sample = base.startswith("dC_x/d")
        head, layer = self._role(base.partition("/d")[2])
        if per_sample:
            s, idx = idx[0], idx[1:]
            if not 1 <= s <= net.batch:
                raise OutsideDomain(f"there is no sample {s} (batch of {net.batch})")
        else:
            s = 1
        if head == "z":
            self._need("z", layer, idx, (n(layer),))
            return self.gt.delta(layer, idx[0], s, per_sample=self.batch or per_sample)
        if head == "a":
            self._need("a", layer, idx, (n(layer),))
            if layer == net.L and not per_sample:
                return _nabla(self.gt, net, idx[0])
            return self.gt.d_cost(("a", s, layer, idx[0]), sample=s if (self.batch or per_sample) else None)
        if head in ("w", "b"):
            self._need(head, layer, idx, (n(layer), n(layer - 1)) if head == "w" else (n(layer),))
            return self.gt.d_cost((head, layer, *idx), sample=s if per_sample else None)
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
        if isinstance(e, sympy.KroneckerDelta) and all(x.is_Integer for x in e.args):
            a, b = (int(x) for x in e.args)
            return Poly.const(1 if a == b else 0)
        if isinstance(e, sympy.Sum):
            body = e.function
            for v, lo, hi in e.limits:  # innermost first; a sum with hi < lo is empty
                if not (lo.is_Integer and hi.is_Integer):
                    raise TypeError(f"a sum from {lo} to {hi}")
                body = sympy.Add(*[body.xreplace({v: k}) for k in range(int(lo), int(hi) + 1)])
            return self(body)
        if isinstance(e, sympy.Indexed):
            if not all(i.is_Integer for i in e.indices):
                raise TypeError(f"{e} has a free index")
            return self.indexed(str(e.base), [int(i) for i in e.indices])
        if isinstance(e, (self.m.sigma, self.m.sigma_prime)):
            z = e.args[0]
            if not (isinstance(z, sympy.Indexed) and str(z.base).startswith("z^") and z.indices[0].is_Integer):
                raise TypeError(f"σ of {z}")
            _, layer = self._role(str(z.base))
            j = int(z.indices[0])
            self._need("z", layer, [j], (self._n(layer),))
            if layer == self.net.L and self.net.output_softmax:
                raise OutsideDomain("σ and σ' of z^L mean nothing at a softmax output (a^L is the softmax of z^L)")
            table = self.model.A if isinstance(e, self.m.sigma) else self.model.D
            return table[1][layer][j - 1]
        if isinstance(e, sympy.exp) and self.net.output_softmax:
            z = e.args[0]
            if isinstance(z, sympy.Indexed) and str(z.base) == "z^{L}" and z.indices[0].is_Integer:
                self._need("z", self.net.L, [int(z.indices[0])], (self._n(self.net.L),))
                return self.model.atom(("E", 1, int(z.indices[0])))
        raise TypeError(f"no concrete meaning for {e}")

    def instantiate(self, expr, at: dict):
        expr = expr.xreplace(self.sizes)
        bound = {v for s in expr.atoms(sympy.Sum) for v, _, _ in s.limits}
        # subs keeps bound summation indices apart from the free ones; xreplace is enough otherwise
        return self(expr.subs(at) if bound & set(at) else expr.xreplace(at))


def _nabla(gt, net, j):
    # ∂C_1/∂a^{1,L}_j: of sample 1's own cost on a mini-batch network
    return gt.d_cost(("a", 1, net.L, j), sample=1) if net.batch > 1 else gt.nabla_a(j)


def _as_expr(v):
    return sympy.Integer(v) if isinstance(v, int) else v


def _assignments(ranges, sizes: dict):
    """Every assignment of the range indices at concrete sizes (later ranges may use earlier indices)."""
    def rec(k, at):
        if k == len(ranges):
            yield dict(at)
            return
        r = ranges[k]
        lo, hi = (_as_expr(b).xreplace(sizes).xreplace(at) for b in (r.lo, r.hi))
        if not (lo.is_Integer and hi.is_Integer):
            raise TypeError(f"the range {r.latex()} has no concrete bounds")
        for v in range(int(lo), int(hi) + 1):
            at[r.index] = sympy.Integer(v)
            yield from rec(k + 1, at)
        at.pop(r.index, None)

    yield from rec(0, {})


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
                "method": "exact: derive.GroundTruth against this formula at concrete sizes"}
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
    checked, failures, outside, cx = 0, [], [], None
    for net in concrete_networks(gnet):
        gt = GroundTruth(net, Budget(budget_seconds))
        for l in layer_values(layers, net.L):
            tr = _Translate(m, net, gt, l)
            assignments = [{m.j: sympy.Integer(j)} for j in range(1, net.n(l) + 1)] if lhs is None \
                else _assignments(ranges, tr.sizes)
            for at in assignments:
                where = f"{list(net.sizes)} at l={l}" + "".join(f", {k}={v}" for k, v in at.items())
                try:
                    if lhs is None:
                        lv, rv = gt.delta(l, int(at[m.j]), 1, per_sample=net.batch > 1), _product_rhs(net, gt, l, int(at[m.j]))
                    else:
                        lv, rv = tr.instantiate(lhs, at), tr.instantiate(rhs, at)
                except OutsideDomain as exc:
                    outside.append(f"{where}: {exc}")
                    continue
                checked += 1
                if not is_zero(lv - rv):
                    failures.append(where)
                    if cx is None and len(failures) <= 8:  # a non-zero difference is not yet a refutation
                        cx = _counterexample(net, name, l, at, lv, rv)
    return checked, failures, outside, cx


def _counterexample(net, name, l, at, lhs, rhs, seed: int = 7):
    """The core's exact-point search (``counterexample.find_counterexample``) on one failing instance, or None."""
    from ..counterexample import find_counterexample

    label = f"{name} on {list(net.sizes)} at l={l}" + "".join(f", {k}={v}" for k, v in at.items())
    indices = tuple(int(v) for v in at.values())
    return find_counterexample(net, lhs, rhs, label, l, indices, seed)
