"""verify.oracle_values: the oracles ``atom_values`` keeps are the oracles it would build afresh.

The counterexample search (``verify.confirm``) tries the same seeded points for every claim on a network,
so ``atom_values`` keeps the oracle of each (network, point, stand-in). The oracle of record here is a
fresh ``symbp.oracle.Oracle`` at the same point: every value must be the same number, and a different
network, point or stand-in must get an oracle of its own.
"""

from __future__ import annotations

from fractions import Fraction

from symbp.network import network
from symbp.oracle import Oracle
from symbp.verify import oracle_values


def _point(net, shift: Fraction = Fraction(0)) -> dict:
    leaves = {("x", 1, k): Fraction(k, 3) + shift for k in range(1, net.n(1) + 1)}
    leaves.update({("y", 1, j): Fraction(j, 5) for j in range(1, net.n(net.L) + 1)})
    for l in net.layers:
        for j in range(1, net.n(l) + 1):
            leaves[("b", l, j)] = Fraction(j - 2, 7)
            for k in range(1, net.n(l - 1) + 1):
                leaves[("w", l, j, k)] = Fraction(j + k, 9) - Fraction(1, 2)
    return leaves


KEYS = [("G", ("w", 3, 1, 2)), ("G", ("z", 1, 2, 1)), ("N", ("a", 3, 2), ("z", 1, 2, 2)), ("S", 1, 2, 1)]


def _fresh(net, leaves, generic):
    o = Oracle(net, leaves, generic=generic)
    return [o.derivative(("C",), KEYS[0][1]), o.derivative(("C",), KEYS[1][1]),
            o.derivative(("a", 1, 3, 2), KEYS[2][2]), o.atom_value(KEYS[3])]


def test_kept_oracles_give_the_fresh_oracles_numbers(monkeypatch):
    monkeypatch.setattr(oracle_values, "_ORACLES", {})
    net, other_net = network([2, 3, 2], "generic"), network([2, 3, 2], "sigmoid")
    leaves, moved = _point(net), _point(net, Fraction(1, 11))
    for n, pt, stand_in, generic in ((net, leaves, None, "polynomial"), (net, leaves, "sigmoid", "sigmoid"),
                                     (net, moved, None, "polynomial"), (other_net, leaves, None, "polynomial")):
        for _ in range(2):  # built, then kept
            values, _ = oracle_values.atom_values(n, dict(pt), stand_in, KEYS)
            assert [values[k] for k in KEYS] == _fresh(n, pt, generic)
    # one oracle per (network, point, stand-in): the four settings above, none shared
    assert len(oracle_values._ORACLES) == 4
    assert _fresh(net, leaves, "polynomial") != _fresh(net, moved, "polynomial")
    assert _fresh(net, leaves, "polynomial") != _fresh(other_net, leaves, "polynomial")
