"""How well symbp's ground truth agrees with the independent oracle, and the oracle with sympy.diff.

For networks of every activation and cost (softmax, one-hot and a mini-batch
included), depths 2-5, at several random rational points: every derivative of
every node (C, per-sample C, z, a) with respect to every seed (w, b, x, z, a)
from ``derive.GroundTruth`` (evaluated at the point) against the oracle; and
on the smaller networks every ∂C/∂(parameter) of the oracle against
``sympy.diff`` of the fully composed cost. Prints the counts, the largest
agreeing gap and every disagreement (there should be none). tests/test_oracle.py
runs the same sweep (``point``, ``against_ground_truth``) on its own networks.

    python benchmarks/oracle_agreement.py [--points 3] [--quick]
"""

from __future__ import annotations

import argparse
import random
import time
from fractions import Fraction

import sympy

from symbp import counterexample as cxm
from symbp.derive import GroundTruth
from symbp.functions import generic_function
from symbp.network import network
from symbp.oracle import Oracle, OracleError
from symbp.quantities import Decimal60, PointQuantities

TOL = 1e-40

NETWORKS = [
    ([2, 3, 2], "sigmoid", "quadratic", {}), ([3, 2, 3, 2], "tanh", "quadratic", {}),
    ([2, 3, 2], "softplus", "quadratic", {}), ([2, 3, 3, 2], "relu", "quadratic", {}),
    ([2, 2, 2, 2, 2], "identity", "quadratic", {}), ([2, 3, 2], "generic", "quadratic", {}),
    ([2, 2, 3, 2], "generic", "quadratic", {"plan": "sigmoid"}), ([2, 3, 1], "sigmoid", "cross-entropy", {}),
    ([2, 2, 1], "generic", "cross-entropy", {"plan": "arctan"}), ([2, 3, 3], "generic", "softmax-cross-entropy", {}),
    ([2, 2, 3, 3], "tanh", "softmax-cross-entropy", {}), ([1, 2, 3], "sigmoid", "softmax-cross-entropy", {"one_hot": True}),
    ([2, 2, 2], "generic", "mean-quadratic", {"batch": 2}), ([1, 2, 1], "sigmoid", "mean-quadratic", {"batch": 3}),
    ([2, 2, 2], "relu,sigmoid", "quadratic", {}), ([2, 2, 1], "generic", "quadratic", {"overrides": {(2, 1): "generic:f"}}),
]


def point(net, rng, denominator=8):
    # Exact rational leaves; targets in (0, 1) so every cost is defined.
    pt = {}
    for s in net.samples:
        for k in range(1, net.n(1) + 1):
            pt[("x", s, k)] = Fraction(rng.randint(-denominator, denominator), denominator)
        for j in range(1, net.n(net.L) + (0 if net.one_hot else 1)):
            pt[("y", s, j)] = Fraction(rng.randint(1, denominator - 1), denominator)
    for key in net.parameters():
        pt[key] = Fraction(rng.choice([-1, 1]) * rng.randint(1, denominator), denominator)
    return pt


def cubic(expr):
    # The oracle's stand-in for a generic σ, substituted into SymPy's composed cost.
    f, _ = generic_function("sigma")
    return expr.replace(lambda e: isinstance(e, f), lambda e: e.args[0] + e.args[0] ** 2 / 2 + e.args[0] ** 3 / 6)


def sympy_leaf_values(net, pt):
    # The point as a SymPy substitution: each leaf's symbol to its exact rational.
    sub = {}
    for key, v in pt.items():
        kind, *idx = key
        sym = net.x(idx[1], idx[0]) if kind == "x" else net.y(idx[1], idx[0]) if kind == "y" else net.symbol(key)
        sub[sym] = sympy.Rational(v.numerator, v.denominator)
    return sub


def ground_truth_values(net, pt, plan):
    # symbp's ground truth (derive) evaluated at the point with the counterexample search's concrete σ.
    for s in net.samples:
        for j in range(1, net.n(net.L) + 1):
            net.atoms.target(j, s)
    field = Decimal60()
    neuron, _ = cxm._concrete_neuron(net, field, plan)
    return PointQuantities(net, field, lambda k: field.coeff(pt[k]), neuron, output_exp=lambda s, j, z: field.mp.exp(z))


def seeds(net):
    out = list(net.parameters())
    for s in net.samples:
        out += [("x", s, k) for k in range(1, net.n(1) + 1)]
        for l in range(1, net.L + 1):
            out += [("a", s, l, j) for j in range(1, net.n(l) + 1)]
            out += [("z", s, l, j) for j in range(1, net.n(l) + 1)] if l >= 2 else []
    return out


def nodes(net):
    out = [("C",)] + ([("C", s) for s in net.samples] if net.batch > 1 else [])
    for s in net.samples:
        for l in net.layers:
            out += [(kind, s, l, j) for j in range(1, net.n(l) + 1) for kind in ("z", "a")]
    return out


def against_ground_truth(net, pt, plan="polynomial", ground_truth=GroundTruth):
    """(compared, refused, largest agreeing gap, [(of, wrt, oracle, symbp)], the oracle's error estimate)
    over every node × seed pair."""
    oracle = Oracle(net, pt, generic=plan)
    values = ground_truth_values(net, pt, plan)
    gt, m = ground_truth(net), net.atoms
    compared, refused, worst, bad = 0, 0, 0.0, []
    for of in nodes(net):
        for wrt in seeds(net):
            try:
                want = oracle.derivative(of, wrt)
            except OracleError:
                refused += 1
                continue  # a relu kink: no derivative to compare
            if of[0] == "C":
                element = gt.d_cost(wrt, sample=of[1] if len(of) == 2 else None)
            else:
                element = gt.d_node((m.Z if of[0] == "z" else m.A)[of[1]][of[2]][of[3] - 1], wrt)
            got = oracle.mp.mpf(values.value(element))
            compared += 1
            gap = abs(want - got)
            if gap > TOL * (1 + abs(want)):
                bad.append((of, wrt, oracle.nstr(want, 12), oracle.nstr(got, 12)))
            else:
                worst = max(worst, float(gap))
    return compared, refused, worst, bad, float(oracle.error)


def against_sympy(net, pt, plan):
    if plan != "polynomial" or net.parameter_count > 20:
        return 0, 0.0
    oracle = Oracle(net, pt, generic=plan)
    cost = cubic(net.composed_cost())
    for _, name in net.overrides:  # a generic f: t + c·t², c = (len(f) + 1)/3, as the oracle's stand-in
        if name.startswith("generic:"):
            g, _ = generic_function(name.split(":", 1)[1])
            c = sympy.Rational(len(name.split(":", 1)[1]) + 1, 3)
            cost = cost.replace(lambda e, g=g: isinstance(e, g), lambda e, c=c: e.args[0] + c * e.args[0] ** 2)
    sub = sympy_leaf_values(net, pt)
    worst, n = 0.0, 0
    for key in net.parameters():
        try:
            got = oracle.derivative(("C",), key)
        except OracleError:
            continue  # a relu kink
        ref = sympy.N(sympy.diff(cost, net.symbol(key)).xreplace(sub), 60)
        worst = max(worst, float(abs(sympy.Float(str(got), 60) - ref)))
        n += 1
    return n, worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="one point, no sympy.diff")
    args = ap.parse_args()
    points = 1 if args.quick else args.points
    total, refused_total, worst_total, bad_total, est = 0, 0, 0.0, [], 0.0
    n_sympy, worst_sympy = 0, 0.0
    start = time.perf_counter()
    print(f"{'network':46} {'compared':>9} {'refused':>8} {'max gap':>10} {'sympy':>6} {'max gap':>10}")
    for sizes, activation, cost, options in NETWORKS:
        options = dict(options)
        plan = options.pop("plan", "polynomial")
        net = network(sizes, activation, cost, **options)
        rng = random.Random(sum(sizes) + len(activation))
        row = [0, 0, 0.0, 0, 0.0]
        for _ in range(points):
            pt = point(net, rng)
            c, r, w, bad, e = against_ground_truth(net, pt, plan)
            row[0] += c
            row[1] += r
            row[2] = max(row[2], w)
            bad_total += [(net.label(), *b) for b in bad]
            est = max(est, e)
            if not args.quick:
                n, ws = against_sympy(net, pt, plan)
                row[3] += n
                row[4] = max(row[4], ws)
        total += row[0]
        refused_total += row[1]
        worst_total = max(worst_total, row[2])
        n_sympy += row[3]
        worst_sympy = max(worst_sympy, row[4])
        label = net.label() + ("" if plan == "polynomial" else f" (σ: {plan})")
        print(f"{label:46} {row[0]:9} {row[1]:8} {row[2]:10.1e} {row[3]:6} {row[4]:10.1e}")
    print(f"\nground truth vs oracle: {total} derivatives compared, {len(bad_total)} disagreements, "
          f"largest agreeing gap {worst_total:.1e}, {refused_total} refused by the oracle (relu kinks)")
    print(f"oracle vs sympy.diff: {n_sympy} gradients compared, largest gap {worst_sympy:.1e}")
    print(f"oracle's own a-posteriori error estimate: at most {est:.1e}; {time.perf_counter() - start:.1f} s")
    for b in bad_total[:20]:
        print("DISAGREEMENT", *b)


if __name__ == "__main__":
    main()
