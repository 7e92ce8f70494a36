r"""Values of the opaque atoms of a formula at a point, from the independent oracle.

``atom_values(net, leaves, stand_in, keys)`` gives each atom key its number
from ``symbp.oracle`` — the fully composed network at 120 digits, every
derivative a central difference of it, nothing of ``derive``, ``quantities``
or ``algebra``: the leaves as given, σ(z), σ'(z) and e^z of the forward pass,
and every derivative atom (``("G", seed)``: ∂C/∂seed; ``("N", node, seed)``:
∂node/∂seed). ``oracle(net, leaves, stand_in)`` is that oracle itself, for the
tests' and the fuzzer's own evaluations. A generic σ is replaced by a
concrete stand-in: ``"cubic"`` (σ(t) = t + t²/2 + t³/6) or ``"sigmoid"``.

>>> from fractions import Fraction
>>> from symbp.network import network
>>> net = network([1, 1], "identity")
>>> leaves = {("x", 1, 1): Fraction(2), ("y", 1, 1): Fraction(1), ("w", 2, 1, 1): Fraction(3), ("b", 2, 1): Fraction(0)}
>>> values, _ = atom_values(net, leaves, None, [("G", ("w", 2, 1, 1))])
>>> round(float(values[("G", ("w", 2, 1, 1))]), 12)   # (w x + b − y) x = (6 − 1)·2
10.0
"""

from __future__ import annotations

import mpmath

from ..oracle import Oracle, OracleError, element_value

__all__ = ["OracleError", "atom_values", "context_of", "oracle", "value_at"]

_WORDS = {"cubic": "σ(t) = t + t²/2 + t³/6", "sigmoid": "σ = the sigmoid"}
_GENERIC = {None: "polynomial", "cubic": "polynomial", "sigmoid": "sigmoid"}


def oracle(net, leaves: dict, stand_in: str | None = None) -> Oracle:
    """The oracle at the exact point ``leaves`` (a generic σ replaced by ``stand_in``)."""
    return Oracle(net, leaves, generic=_GENERIC[stand_in])


def atom_values(net, leaves: dict, stand_in: str | None, keys: list) -> tuple[dict, str]:
    """({atom key: value}, a note on the stand-in activation) at the point ``leaves``.

    The values are numbers of the oracle's own mpmath context (``values[key].context``).
    """
    o = _shared_oracle(net, leaves, stand_in)
    out = {}
    for key in keys:
        kind = key[0]
        if kind in ("S", "D") and key[2] == net.L and net.output_softmax:
            # σ written at a softmax output: the hidden layers' σ at z^L_j, a value the network
            # does not compute (interpret._sigma_at_softmax).
            _, s, l, j = key
            name, z = net.activation(l, j).name, o.z(l, j, s)
            out[key] = o.sigma(name, z) if kind == "S" else o.sigma_derivative(name, z)
        elif kind in ("x", "y", "w", "b", "S", "D", "E"):
            out[key] = o.atom_value(key)
        elif kind == "G":
            out[key] = o.derivative(("C",), key[1])
        elif kind == "N":
            role, l, j = key[1]
            out[key] = o.derivative((role, 1, l, j), key[2])
        else:
            raise OracleError(f"the oracle has no value for the atom {key}")
    generic = any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1))
    note = _WORDS.get(stand_in or "cubic", "") if generic else ""
    return out, note


#: The oracles ``atom_values`` built, by (network, point, stand-in): the counterexample search tries the same
#: points (a seeded generator) for every claim on a network, and an oracle's values and derivatives at a point
#: depend on nothing else (``Oracle`` reads only the network's specification, a frozen value).
_ORACLES: dict = {}
_MAX_ORACLES = 64


def _shared_oracle(net, leaves: dict, stand_in: str | None) -> Oracle:
    key = (net, frozenset(leaves.items()), stand_in)
    o = _ORACLES.get(key)
    if o is None:
        o = oracle(net, leaves, stand_in)  # a point where it cannot be built raises, and is not kept
        while len(_ORACLES) >= _MAX_ORACLES:
            del _ORACLES[next(iter(_ORACLES))]
        _ORACLES[key] = o
    return o


class _Values:
    """The oracle's values of a formula's atoms, in the shape ``element_value`` reads (``mp``, ``atom_value``)."""

    def __init__(self, values: dict):
        self.mp = context_of(values)
        self.atom_value = values.__getitem__


def context_of(values: dict):
    """The oracle's own high-precision mpmath context, in which the formula's arithmetic is done."""
    v = next(iter(values.values()), None)
    return getattr(v, "context", mpmath.mp)


def value_at(element, values: dict, net):
    """An algebra element over ``net``'s atoms at the point ``values`` gives them (``atom_values``).

    >>> from fractions import Fraction
    >>> from symbp.network import network
    >>> net = network([1, 1], "identity")
    >>> leaves = {("x", 1, 1): Fraction(2), ("y", 1, 1): Fraction(1), ("w", 2, 1, 1): Fraction(3), ("b", 2, 1): Fraction(0)}
    >>> key = ("G", ("w", 2, 1, 1))
    >>> values, _ = atom_values(net, leaves, None, [key])
    >>> round(float(value_at(3 * net.atoms.atom(key), values, net)), 12)
    30.0
    """
    return element_value(_Values(values), element, net)
