"""Hyperbolic atoms as unknowns in graphrefute's exact zero test (``_as_unknowns(e, _HYPERBOLIC)``).

tanh' = 1 − tanh², so a tanh network's identities usually cancel with each tanh an unknown, before any rewriting
in exp. The oracle is sympy.simplify of the same difference; the unknowns may only fail to show a zero (then
``_vanishes`` falls back to exp), never show one that is not there.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify import graphrefute as gr

x, y, w = sympy.symbols("x y w")
f = sympy.Function("f")
_TWO_LAYERS = sympy.tanh(w * sympy.tanh(x) + y)  # a tanh of a tanh, as a two-layer tanh network gives


@pytest.mark.parametrize("difference, zero", [
    (sympy.diff(sympy.tanh(x), x) - (1 - sympy.tanh(x) ** 2), True),
    (sympy.diff(sympy.tanh(x), x) - (1 + sympy.tanh(x) ** 2), False),
    (sympy.diff(_TWO_LAYERS, x) - (1 - _TWO_LAYERS ** 2) * w * (1 - sympy.tanh(x) ** 2), True),
    (sympy.diff(_TWO_LAYERS, x) - (1 - _TWO_LAYERS ** 2) * (1 - sympy.tanh(x) ** 2), False),  # w dropped
    (sympy.diff(_TWO_LAYERS, w) - (1 - _TWO_LAYERS ** 2) * sympy.tanh(x) + f(x) - f(x), True),
])
def test_hyperbolic_differences_are_decided_as_simplify_decides_them(difference, zero):
    assert (sympy.simplify(difference) == 0) is zero  # the oracle
    assert gr._vanishes(difference) is zero


def test_a_zero_only_through_identities_between_atoms_is_left_to_the_exp_rewrite():
    # cosh² − sinh² = 1 is not a rational identity of two unknowns: the unknowns keep it, exp finds the zero
    d = sympy.cosh(x) ** 2 - sympy.sinh(x) ** 2 - 1
    assert gr._as_unknowns(d, gr._HYPERBOLIC) != 0
    assert gr._vanishes(d) is True


def test_atoms_of_one_function_and_one_argument_are_one_unknown():
    d = sympy.tanh(x + y) * sympy.sech(2 * x) - sympy.sech(2 * x) * sympy.tanh(y + x)
    assert gr._as_unknowns(d, gr._HYPERBOLIC) == 0
    assert gr._as_unknowns(sympy.tanh(x) - sympy.tanh(y), gr._HYPERBOLIC) != 0


def test_without_opaque_functions_a_hyperbolic_atom_is_not_cancelled():
    # the plain call (after a rewrite in exp) never meets a tanh; given one, it returns it untouched, never 0
    d = sympy.tanh(x) - sympy.tanh(x) + sympy.tanh(y)
    assert gr._as_unknowns(d) == d
