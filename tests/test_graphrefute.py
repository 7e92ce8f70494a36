"""The refutation step's exact zero test and its numeric shortcut (symbp/verify/graphrefute.py).

``_vanishes`` decides "the two sides are equal" for graph notes: a wrong answer there is a false "holds". The
oracle here is SymPy itself: ``simplify`` of the difference (slow, independent of the field arithmetic), and
``sympy.N`` at 50 digits for the numeric shortcut.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy

from symbp.verify import graphrefute as gr

x, y, t1, t2 = sympy.symbols("x y t1 t2")
f = sympy.Function("f")
_SOFTMAX_1 = sympy.exp(x) / (sympy.exp(x) + sympy.exp(y))
_LOGISTIC = 1 / (1 + sympy.exp(-x))


@pytest.mark.parametrize("difference, zero", [
    (sympy.diff(_LOGISTIC, x) - _LOGISTIC * (1 - _LOGISTIC), True),
    (sympy.diff(_LOGISTIC, x) - _LOGISTIC, False),
    # ∂L/∂u_1 of the softmax cross-entropy: y_1 − t_1 only when t_1 + t_2 = 1, never for every t
    (sympy.diff(-(t1 * sympy.log(_SOFTMAX_1) + t2 * sympy.log(1 - _SOFTMAX_1)), x) - (_SOFTMAX_1 - t1), False),
    (sympy.diff(-(t1 * sympy.log(_SOFTMAX_1) + t2 * sympy.log(1 - _SOFTMAX_1)), x) - (_SOFTMAX_1 * (t1 + t2) - t1),
     True),
    (sympy.exp(2 * x) - sympy.exp(x) ** 2, True),
    (sympy.exp(x + y) - sympy.exp(x) * sympy.exp(y) + f(x) - f(x), True),
    (sympy.exp(x) * f(x) - sympy.exp(x) * f(y), False),
    (sympy.log(x * y) - sympy.log(x) - sympy.log(y), False),  # log(xy) = log x + log y is not taken for granted
])
def test_the_exact_zero_test_agrees_with_simplify(difference, zero):
    assert (sympy.simplify(difference) == 0) is zero  # the oracle
    assert gr._vanishes(difference) is zero


@pytest.mark.parametrize("expr", [
    sympy.exp(sympy.Rational(1, 3)) / (sympy.exp(sympy.Rational(1, 3)) + sympy.exp(sympy.Rational(2, 7))),
    sympy.log(sympy.Rational(3, 10)) * sympy.tanh(sympy.Rational(-9, 2)) ** 3 - sympy.Rational(5, 7),
    sympy.sech(sympy.Rational(1, 9)) ** -2 + sympy.cosh(1) * sympy.sinh(2),
    sympy.sqrt(2) + sympy.pi,  # not in the walk's table: by sympy.N
])
def test_the_numeric_walk_agrees_with_sympy_n(expr):
    with mpmath.workdps(50):
        walked = gr._walk(expr)
    assert abs(walked - mpmath.mpmathify(sympy.N(expr, 50))) < mpmath.mpf(10) ** -45


def test_the_shortcut_never_calls_a_value_outside_the_domain_nonzero():
    # log of a negative number, a division by zero: not real numbers, so no shortcut (the exact test decides)
    assert gr._clearly_nonzero(sympy.log(-1 - x ** 2), None) is False
    assert gr._clearly_nonzero(1 / (x - x + 0 * y), None) is False
    assert gr._clearly_nonzero(sympy.exp(x) - 1, None) is True
