r"""Mutation soundness: symbp must refute every wrong variant of a correct formula.

Every catalogue identity is mutated by the slips people make when copying
backpropagation from the board (issue 7): drop or add a transpose, swap two
indices, flip a sign, drop σ', multiply by 2, shift a layer index by one,
replace Σ'(z) by Σ(z), drop the one-hot assumption. Each mutant is checked on
several networks:

1. *Is it really wrong?* Decided independently of the method under test:
   both sides are built as exact polynomials in the network's atoms
   (``quantities.ExactQuantities``) and subtracted; a zero difference in every
   entry means the mutant is still a correct formula (e.g. a transpose of a
   1×1 weight, σ' dropped for the identity activation) and it is *equivalent*,
   not counted. A numeric cross-check at random float points (a concrete
   activation standing in for a generic σ) must agree with every
   "equivalent" decision.
2. *Does symbp refute it?* ``prove(mutant, net, method=m)`` for m in
   auto, exact, pit. Killed = ``refuted`` (with its counterexample).

Kill rate = refuted / really wrong. A really wrong mutant reported as holding
(proved / probably-true) is a soundness failure and is listed by name.

    python benchmarks/mutation.py            # full run, prints the table
    python benchmarks/mutation.py --json out.json

The operators are usable from tests (``tests/test_mutation.py`` runs a reduced grid).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from dataclasses import dataclass, field, replace

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from symbp import identities as ids
from symbp import mutants as fixed_mutants
from symbp.backprop import Mat, ShapeError
from symbp.derive import Budget, BudgetExceeded
from symbp.network import Network, network
from symbp.prove import prove
from symbp.quantities import ExactQuantities, PointQuantities

METHODS = ("auto", "exact", "pit")


# -- operators on the quantities a formula reads -------------------------------------


class _Mutated:
    """Forwards every quantity to ``q`` except the ones an operator replaces.

    ``touched`` counts the replacements actually made: an operator that never
    touches a formula (σ' in BP4) does not make a mutant of it.
    """

    def __init__(self, q, overrides: dict, counter: "Counter"):
        self._q = q
        self._overrides = overrides
        self._counter = counter
        self.replaced: list = []  # the values handed out in place of the originals

    def __getattr__(self, name):
        if name in self._overrides:
            return lambda *a, **k: self._overrides[name](self, self._q, *a, **k)
        return getattr(self._q, name)


def _ones_like(m: Mat) -> Mat:
    return Mat([[1 for _ in r] for r in m.rows], m.mod)


def _touch(proxy, value):
    proxy._counter.touched += 1
    proxy.replaced.append(value)
    return value


def _drop_sigma_prime(p, q, l, s=1):
    return _touch(p, _ones_like(q.sigma_prime(l, s)))


def _sigma_for_sigma_prime(p, q, l, s=1):
    q.sigma_prime(l, s)  # keeps the softmax guard: σ'(z^L) of a softmax does not exist
    return _touch(p, q.a(l, s))


def _transpose_w(p, q, l):
    return _touch(p, q.W(l).T)


def _transpose_w_augmented(p, q, l):
    return _touch(p, q.W_augmented(l).T)


def _shift_w(p, q, l):
    # w^{l} -> w^{l-1}: the layer index of a weight one too low.
    return _touch(p, q.W(l - 1)) if l - 1 >= 2 else q.W(l)


def _shift_sigma_prime(p, q, l, s=1):
    # σ'(z^l) -> σ'(z^{l+1}), where z^{l+1} exists and has an elementwise σ'.
    target = l + 1
    if target <= q.L and not (target == q.L and q.net.output_softmax):
        return _touch(p, q.sigma_prime(target, s))
    return q.sigma_prime(l, s)


def _shift_a(p, q, l, s=1):
    # a^{l} -> a^{l-1} (e.g. a^{l-1}_k in BP4 written a^{l-2}_k).
    return _touch(p, q.a(l - 1, s)) if l - 1 >= 1 else q.a(l, s)


def _shift_delta(p, q, l, s=1, per_sample=False):
    # δ^{l} -> δ^{l+1} on the right-hand side.
    return _touch(p, q.delta(l + 1, s, per_sample)) if l + 1 <= q.L else q.delta(l, s, per_sample)


# -- operators on the right-hand side as a whole -----------------------------------


def _flip_sign(rhs: Mat):
    return -rhs, True


def _times_two(rhs: Mat):
    return rhs.scale(2), True


def _swap_indices(rhs: Mat):
    r, c = rhs.shape
    if r >= 2 and c >= 2:
        return rhs.T, True  # j <-> k (non-square: the formula cannot be formed)
    if r >= 2:  # a column: neurons 1 and 2 exchanged
        rows = [list(x) for x in rhs.rows]
        rows[0], rows[1] = rows[1], rows[0]
        return Mat(rows, rhs.mod), True
    if c >= 2:
        rows = [list(rhs.rows[0])]
        rows[0][0], rows[0][1] = rows[0][1], rows[0][0]
        return Mat(rows, rhs.mod), True
    return rhs, False


@dataclass(frozen=True)
class Operator:
    name: str
    slip: str  # what the mistake looks like in notes
    quantities: dict = field(default_factory=dict)  # method name -> replacement
    rhs: object = None  # Mat -> (Mat, changed)


OPERATORS = (
    Operator("transpose-w", "(w^{l+1})^T written w^{l+1}, or a transpose added", {"W": _transpose_w, "W_augmented": _transpose_w_augmented}),
    Operator("swap-indices", "w_{jk} read as w_{kj}; a^{l-1}_k δ^l_j as a^{l-1}_j δ^l_k", rhs=_swap_indices),
    Operator("flip-sign", "a − y written y − a", rhs=_flip_sign),
    Operator("drop-sigma-prime", "⊙ σ'(z^l) forgotten", {"sigma_prime": _drop_sigma_prime}),
    Operator("times-two", "a factor 2 that does not match the ½ in the cost", rhs=_times_two),
    Operator("shift-layer-w", "w^{l+1} written w^{l}", {"W": _shift_w}),
    Operator("shift-layer-sigma-prime", "σ'(z^l) written σ'(z^{l+1})", {"sigma_prime": _shift_sigma_prime}),
    Operator("shift-layer-a", "a^{l-1} written a^{l-2}", {"a": _shift_a}),
    Operator("shift-layer-delta", "δ^{l+1} written δ^{l+2} (δ^l as δ^{l+1})", {"delta": _shift_delta}),
    Operator("sigma-for-sigma-prime", "Σ'(z) replaced by Σ(z)", {"sigma_prime": _sigma_for_sigma_prime}),
)
DROP_ONE_HOT = "drop-one-hot"  # a network operator: the same identity without Σ_k y_k = 1


class Counter:
    touched = 0


def mutate(identity: ids.Identity, op: Operator, counter: Counter | None = None) -> ids.Identity:
    """The identity with ``op`` applied to its right-hand side (left: ground truth, untouched)."""
    counter = counter if counter is not None else Counter()

    def compare(q):
        base = identity.compare(q)
        if op.rhs is not None:
            for comp in base:
                rhs, changed = op.rhs(comp.rhs)
                counter.touched += changed
                yield replace(comp, rhs=rhs, rhs_tex=rf"{comp.rhs_tex}\ [{op.name}]")
            return
        proxy = _Mutated(q, op.quantities, counter)
        others = identity.compare(proxy)
        for comp in base:
            proxy.replaced = []
            mutated = next(others)
            # The mutant's left side is the unmutated ground truth (from q): a
            # replacement that only went into the proxy's left side (δ^l of
            # BP2 shifted) does not touch the formula.
            if any(v is mutated.lhs for v in proxy.replaced):
                counter.touched -= 1
            yield replace(comp, rhs=mutated.rhs, rhs_tex=rf"{comp.rhs_tex}\ [{op.name}]")

    return replace(identity, name=f"{identity.name} [{op.name}]", compare=compare)


# -- the independent decision: is the mutant really wrong? ------------------------


def exact_status(identity, net: Network, budget: float = 30.0) -> str:
    """'wrong', 'equivalent' or 'unknown' (budget): LHS − RHS as exact polynomials."""
    q = ExactQuantities(net, Budget(budget))
    try:
        for comp in identity.compare(q):
            if comp.lhs.shape != comp.rhs.shape:
                return "wrong"
            for (_, _, lv), (_, _, rv) in zip(comp.lhs.entries(), comp.rhs.entries()):
                d = lv - rv
                if (d != 0) if isinstance(d, int) else not d.is_zero():
                    return "wrong"
    except ShapeError:
        return "wrong"
    except BudgetExceeded:
        return "unknown"
    return "equivalent"


def numeric_agrees(identity, net: Network, points: int = 2, seed: int = 1) -> "bool | None":
    """Both sides at random float points (sigmoid for a generic σ): do they agree to 1e-9?

    None when no point could be evaluated (a denominator vanished at each).
    """
    import numpy as np

    from symbp import functions
    from symbp.testing.gradients import _FloatField

    rng = random.Random(seed)
    checked = 0
    for _ in range(4 * points):
        if checked == points:
            break

        def leaf(key):
            v = rng.uniform(-1, 1)
            return abs(v) if key[0] == "y" and net.output_softmax else v

        def neuron(s, l, j, z):
            act = net.activation(l, j)
            if act.is_generic:
                act = functions.activation("sigmoid")
            return float(act.numpy(np.float64(z))), float(act.numpy_prime(np.float64(z)))

        try:
            q = PointQuantities(net, _FloatField(), leaf, neuron, output_exp=lambda s, j, z: math.exp(z))
        except ZeroDivisionError:  # e.g. log(a) of cross-entropy at a dead relu output: another point
            continue
        checked += 1
        try:
            for comp in identity.compare(q):
                if comp.lhs.shape != comp.rhs.shape:
                    return False
                for (_, _, lv), (_, _, rv) in zip(comp.lhs.entries(), comp.rhs.entries()):
                    if abs(lv - rv) > 1e-9 * (1 + abs(lv) + abs(rv)):
                        return False
        except ShapeError:
            return False
        except ZeroDivisionError:
            checked -= 1
    return True if checked else None


# -- the run ---------------------------------------------------------------------------


def default_networks() -> list[Network]:
    return [
        network([2, 3, 2], "generic"),
        network([2, 2, 2], "sigmoid"),  # square: a dropped transpose still fits
        network([1, 1, 1], "tanh"),  # 1×1 weights: every transpose is equivalent
        network([2, 3, 2, 2], "generic"),  # deep enough to shift w and δ
        network([3, 3, 3], "identity"),  # σ' = 1: dropping σ' is equivalent
        network([2, 3, 2], "sigmoid", "cross-entropy"),
        network([2, 3, 3], "generic", "softmax-cross-entropy", one_hot=True),
        network([2, 2, 2], "relu", "mean-quadratic"),
        network([2, 2, 3], "softplus"),
        # relu: σ' = 0 wherever a unit is dead, so a concrete counterexample
        # must find a point where the units the slip involves are alive.
        network([3, 3, 1], "relu"),
        network([2, 2, 1], "relu"),
        network([3, 2], "relu", "cross-entropy"),
    ]


@dataclass
class Tally:
    mutants: int = 0
    not_applicable: int = 0
    equivalent: int = 0
    unknown: int = 0
    wrong: int = 0
    numeric_disagreements: list = field(default_factory=list)
    killed: dict = field(default_factory=lambda: {m: 0 for m in METHODS})
    undecided: dict = field(default_factory=lambda: {m: [] for m in METHODS})
    unsound: dict = field(default_factory=lambda: {m: [] for m in METHODS})  # wrong but reported as holding
    false_alarms: dict = field(default_factory=lambda: {m: [] for m in METHODS})  # equivalent but refuted
    by_operator: dict = field(default_factory=dict)
    by_shape: dict = field(default_factory=lambda: {m: 0 for m in METHODS})  # refuted because it cannot be formed
    # networks with and without relu (σ' = 0 on dead units makes counterexamples rarer): [wrong, killed per method]
    by_family: dict = field(default_factory=dict)
    seconds: float = 0.0

    def kill_rate(self, method: str) -> float:
        return self.killed[method] / self.wrong if self.wrong else float("nan")


def _family(net: Network) -> str:
    acts = set(net.activations) | {name for _, name in net.overrides}
    return "networks with relu" if "relu" in acts else "networks without relu"


def _judge(tally: Tally, mutant, net, op_name, methods, budget):
    label = f"{mutant.name} on {net.label()}"
    status = exact_status(mutant, net, budget)
    ops = tally.by_operator.setdefault(op_name, {"wrong": 0, "equivalent": 0, "killed": {m: 0 for m in methods}})
    tally.mutants += 1
    if status == "unknown":
        tally.unknown += 1
        return
    if status == "equivalent":
        tally.equivalent += 1
        ops["equivalent"] += 1
        # Lemmas about single local derivatives exist only as exact quantities.
        if not mutant.exact_only and numeric_agrees(mutant, net) is False:
            tally.numeric_disagreements.append(label)
    else:
        tally.wrong += 1
        ops["wrong"] += 1
    family = tally.by_family.setdefault(_family(net), {"wrong": 0, "killed": {m: 0 for m in methods}})
    family["wrong"] += status == "wrong"
    for m in methods:
        cert = prove(mutant, net, method=m, budget=budget)
        if status == "wrong":
            if cert.verdict == "refuted":
                tally.killed[m] += 1
                family["killed"][m] += 1
                tally.by_shape[m] += bool(cert.counterexample and cert.counterexample.reason)
                ops["killed"][m] += 1
            elif cert.holds:
                tally.unsound[m].append(f"{label}: {cert.verdict}")
            else:
                # Evidence for the reader of the report: does the mutant agree with the ground truth
                # wherever it is defined? (relu: σ' = 1 wherever a cross-entropy output is defined.)
                same = numeric_agrees(mutant, net, points=50, seed=7) if not mutant.exact_only else None
                note = " [agrees numerically at 50 random points: equivalent where defined?]" if same else ""
                tally.undecided[m].append(f"{label}: {cert.reason}{note}")
        elif cert.verdict == "refuted":
            tally.false_alarms[m].append(label)


def run(nets=None, identities=None, operators=OPERATORS, methods=METHODS, budget: float = 30.0, include_fixed=True) -> Tally:
    """Mutate every identity that applies to each network; judge every mutant."""
    start = time.perf_counter()
    tally = Tally()
    nets = nets if nets is not None else default_networks()
    chosen = [ids.get(n) for n in identities] if identities else [i for i in ids.CATALOGUE.values() if i.compare is not None]
    for net in nets:
        for ident in chosen:
            if ident.applies(net):
                continue
            for op in operators:
                counter = Counter()
                mutant = mutate(ident, op, counter)
                # Applicability: does the operator change anything this formula reads?
                try:
                    for _ in mutant.compare(ExactQuantities(net)):
                        pass
                except ShapeError:
                    pass
                if counter.touched == 0:
                    tally.not_applicable += 1
                    continue
                _judge(tally, mutant, net, op.name, methods, budget)
            if net.one_hot:  # the same identity asked without Σ_k y_k = 1
                plain = network(list(net.sizes), list(net.activations), net.cost, one_hot=False)
                if not ident.applies(plain):
                    _judge(tally, replace(ident, name=f"{ident.name} [{DROP_ONE_HOT}]"), plain, DROP_ONE_HOT, methods, budget)
        if include_fixed:
            for mutant in fixed_mutants.ALL:
                if not mutant.applies(net):
                    _judge(tally, mutant, net, "symbp.mutants", methods, budget)
    tally.seconds = time.perf_counter() - start
    return tally


def report(t: Tally, methods=METHODS) -> str:
    lines = [
        f"mutants generated:       {t.mutants}  (operators that touch nothing in a formula skipped: {t.not_applicable})",
        f"equivalent (still true): {t.equivalent}   numeric cross-check disagreements: {len(t.numeric_disagreements)}",
        f"undecided by exact:      {t.unknown}",
        f"really wrong:            {t.wrong}",
    ]
    for m in methods:
        lines.append(
            f"  {m:5}: refuted {t.killed[m]}/{t.wrong} = {100 * t.kill_rate(m):.1f}%   "
            f"undecided {len(t.undecided[m])}   WRONG REPORTED AS HOLDING {len(t.unsound[m])}   "
            f"equivalent refuted {len(t.false_alarms[m])}   (of the refuted: {t.by_shape[m]} cannot be formed, "
            f"{t.killed[m] - t.by_shape[m]} by a numeric counterexample)"
        )
    for name, f in sorted(t.by_family.items()):
        lines.append(f"  {name}: " + ", ".join(
            f"{m} {f['killed'][m]}/{f['wrong']} = {100 * f['killed'][m] / max(f['wrong'], 1):.1f}%" for m in methods))
    lines.append("")
    lines.append(f"{'operator':26} {'wrong':>6} {'equiv':>6} " + " ".join(f"{m + ' kill':>10}" for m in methods))
    for name, o in t.by_operator.items():
        lines.append(f"{name:26} {o['wrong']:6} {o['equivalent']:6} " + " ".join(f"{o['killed'][m]:10}" for m in methods))
    for m in methods:
        for item in t.unsound[m]:
            lines.append(f"UNSOUND ({m}): {item}")
        for item in t.undecided[m][:60]:
            lines.append(f"undecided ({m}): {item}")
        for item in t.false_alarms[m]:
            lines.append(f"equivalent but refuted ({m}): {item}")
    for item in t.numeric_disagreements:
        lines.append(f"exact says equivalent, numbers disagree: {item}")
    lines.append(f"\n{t.seconds:.1f} s")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="write the tally as JSON here")
    parser.add_argument("--budget", type=float, default=30.0)
    args = parser.parse_args(argv)
    t = run(budget=args.budget)
    print(report(t))
    formulas = None
    try:
        import formula_mutation
        import symbp.verify  # noqa: F401 - the text mutants need the verifier
    except ImportError:
        print("\n(symbp.verify not in this build: text mutants of the corpus skipped)")
    else:
        formulas = formula_mutation.run(budget=args.budget)
        print("\n-- text mutants of the corpus formulas (symbp verify) --")
        print(formula_mutation.report(formulas))
    if args.json:
        data = {k: getattr(t, k) for k in ("mutants", "not_applicable", "equivalent", "unknown", "wrong", "killed", "unsound",
                                            "false_alarms", "numeric_disagreements", "by_operator", "by_shape", "by_family", "seconds")}
        data["undecided"] = {m: len(v) for m, v in t.undecided.items()}
        data["kill_rate"] = {m: t.kill_rate(m) for m in METHODS}
        tmp = args.json + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
        os.replace(tmp, args.json)
    sound = not any(t.unsound.values()) and not t.numeric_disagreements and not (formulas and formulas["unsound"])
    return 0 if sound and all(t.killed[m] == t.wrong for m in METHODS) else 1


if __name__ == "__main__":
    sys.exit(main())
