r"""An exact point of a network, and the values of its atoms there.

A point gives every leaf of one sample (inputs x, targets y, weights w,
biases b) an exact rational value. ``atom_values`` evaluates the atoms of
``network.atoms`` there (σ(z) from the activation's SymPy expression, to
``DIGITS`` digits with mpmath), so that any ground-truth element
(``derive.GroundTruth``) can be evaluated at the point with ``evaluate``.

>>> from symbp.network import network
>>> net = network([1, 1], "sigmoid")
>>> pt = make_point(net, {"w^2_{1,1}": Fraction(1, 2)})
>>> pt.values[("w", 2, 1, 1)]
Fraction(1, 2)
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping

import mpmath
import sympy

from .algebra import Poly, RatFunc
from .derive import parse_quantity
from .errors import SpecError
from .network import Network


class PointError(SpecError):
    """A point that cannot be made (an unknown leaf, a bad value, a generic σ)."""


#: Working precision (decimal digits) of the values at a point.
DIGITS = 50
#: The most digits ``cost_digits`` raises the precision to (past it, a point is too saturated to evaluate faithfully).
MAX_DIGITS = 2000
#: The largest decimal exponent of a leaf's value: 10^-10000 ≤ |v| ≤ 10^10000 (or v = 0). ``1e1000000`` ran for
#: many minutes (mpmath turning 10^1000000 into a float) and ``1e1000000000`` never ends in ``Fraction`` itself.
MAX_VALUE_EXPONENT = 10_000
#: The most digits a leaf's value may be written with (Python reads no more than 4300 into an integer).
MAX_VALUE_DIGITS = 1000

#: The numbers ``Fraction`` reads: a decimal with an optional exponent, or a ratio of whole numbers.
_NUMBER = re.compile(r"\s*[+-]?(?:(?P<int>\d*)(?:\.(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?|\d+\s*/\s*[+-]?\d+)\s*")


def exact_value(value, what: str = "the value") -> Fraction:
    """``value`` (text like ``'1/2'``, ``'-0.3'``, ``'1e-5'``, an int, a float or a ``Fraction``) as an exact
    ``Fraction``, within ``MAX_VALUE_DIGITS`` digits and 10^±``MAX_VALUE_EXPONENT``; ``PointError`` otherwise.

    >>> exact_value("1/2"), exact_value("-0.3"), exact_value("2.5e-3")
    (Fraction(1, 2), Fraction(-3, 10), Fraction(1, 400))
    >>> exact_value("1e1000000")
    Traceback (most recent call last):
    ...
    symbp.point.PointError: the value 1e1000000 is past symbp's limit: a value lies within 10^-10000 and 10^10000 in size (or is 0), and is written with at most 1000 digits
    """
    limit = (f"a value lies within 10^-{MAX_VALUE_EXPONENT} and 10^{MAX_VALUE_EXPONENT} in size (or is 0), and is "
             f"written with at most {MAX_VALUE_DIGITS} digits")
    if isinstance(value, str):
        m = _NUMBER.fullmatch(value)
        if m is None or not re.search(r"\d", value):
            raise PointError(f"{what} is not an exact number like 1/2 or -0.3 (got {value!r})")
        # checked on the text, before ``Fraction`` works out 10^exponent (which can take hours)
        exponent = (m.group("exp") or "").lstrip("+-")
        if sum(c.isdigit() for c in value) - len(exponent) > MAX_VALUE_DIGITS or (
                len(exponent.lstrip("0")) > len(str(2 * MAX_VALUE_EXPONENT))):
            raise PointError(f"{what} {_short(value)} is past symbp's limit: {limit}")
    try:
        out = Fraction(value)
    except (TypeError, ValueError, ZeroDivisionError):
        raise PointError(f"{what} is not an exact number like 1/2 or -0.3 (got {value!r})") from None
    if out:
        # |out| ≈ 2^(bits of the numerator − bits of the denominator), to within a factor of 2
        size = abs(out.numerator).bit_length() - out.denominator.bit_length()
        if abs(size) > MAX_VALUE_EXPONENT * 3.3219 + 1:
            shown = _short(value) if isinstance(value, str) else f"of about 2^{size}"
            raise PointError(f"{what} {shown} is past symbp's limit: {limit}")
    return out


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 40 else f"{text[:20]}…{text[-10:]} ({len(text)} characters)"


@dataclass(frozen=True)
class Point:
    """Exact rational values of every leaf: x and y of every sample, w and b.

    Keys follow the atom model: ("x", s, k), ("y", s, j) for sample s (1 unless
    the network holds a mini-batch), ("w", l, j, k), ("b", l, j).
    """

    values: Mapping

    def describe(self) -> dict:
        """Plain data: each leaf named in Nielsen indexing, value as 'p/q'."""
        out = {}
        for key, v in self.values.items():
            kind, *idx = key
            if kind in ("x", "y"):
                batch = any(k[0] == kind and k[1] != 1 for k in self.values)
                name = f"{kind}^{{({idx[0]})}}_{idx[1]}" if batch else f"{kind}_{idx[1]}"
            elif kind == "w":
                name = f"w^{idx[0]}_{{{idx[1]},{idx[2]}}}"
            else:
                name = f"b^{idx[0]}_{idx[1]}"
            out[name] = str(v)
        return out

    def cost_value(self, net: Network, digits: int = DIGITS):
        """C at this point, evaluated from the cost's SymPy expression (a mini-batch: the mean over its samples).

        ``digits`` is the working precision; ``cost_digits`` says how many a saturated point needs.
        """
        vals = atom_values(net, self, digits)
        model = net.atoms
        leaves = {model.index[k]: v for k, v in _leaf_items(model, self)}
        total = mpmath.mpf(0)
        with mpmath.workdps(digits):
            for s in net.samples:
                acts = [sympy.Float(evaluate(a, vals, digits), digits) for a in model.A[s][net.L]]
                ys = [_rational(evaluate(model.target(j, s), leaves, digits), digits) for j in range(1, net.n(net.L) + 1)]
                total += mpmath.mpf(net.cost_entry.expr(acts, ys).evalf(digits)._to_mpmath(_prec(digits)))
            return total / net.batch


def _prec(digits: int = DIGITS) -> int:
    return int(digits * 3.33) + 8


def _rational(x, digits: int = DIGITS):
    if isinstance(x, Fraction):
        return sympy.Rational(x.numerator, x.denominator)
    if isinstance(x, int):
        return sympy.Integer(x)
    return sympy.Float(x, digits)


def _leaf_items(model, pt: Point):
    return [(k, v) for k, v in pt.values.items() if k in model.index]


def leaf_keys(net: Network) -> list[tuple]:
    """Every leaf: the inputs and targets of every sample (one, or each of a mini-batch), then the parameters.

    >>> from symbp.network import network
    >>> leaf_keys(network([1, 1], "sigmoid", cost="mean-quadratic", batch=2))[:4]
    [('x', 1, 1), ('y', 1, 1), ('x', 2, 1), ('y', 2, 1)]
    """
    keys = []
    for s in net.samples:
        keys += [("x", s, k) for k in range(1, net.n(1) + 1)]
        keys += [("y", s, j) for j in range(1, net.n(net.L) + 1)]
    return keys + net.parameters()


def _random_value(rng: random.Random, kind: str, net: Network) -> Fraction:
    if kind == "y" and net.cost in ("cross-entropy", "softmax-cross-entropy"):
        return Fraction(rng.randint(0, 1))  # a class label, as in seed 004's classifier
    if kind in ("x", "y"):
        return Fraction(rng.randint(1, 9), 10)
    # Weights and biases: nonzero tenths in [-1, 1], so no edge is silently 0.
    return Fraction(rng.choice([-1, 1]) * rng.randint(1, 10), 10)


def make_point(net: Network, given: "str | Point | Mapping" = "random", *, seed: int = 0) -> Point:
    """An exact point for ``net``: ``"random"``, a ``Point``, or a mapping of some leaves.

    Mapping keys are leaf keys or text (``"w^2_{1,2}"``, ``"x_1"``); values
    are numbers or ``Fraction``s. Leaves not given are drawn with ``seed``.

    >>> from symbp.network import network
    >>> make_point(network([1, 1], "sigmoid"), {"w^2_{1,1}": Fraction(1, 2)}).values[("w", 2, 1, 1)]
    Fraction(1, 2)
    """
    if isinstance(given, Point):
        return given
    if isinstance(given, str):
        if given != "random":
            raise PointError(f"a point is 'random', 'none' or a mapping of leaves to numbers, got {given!r}")
        given = {}
    if any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1)):
        raise PointError(
            f"the network {net.label()} has a generic activation, which has no values at a point; "
            "pick a named activation (sigmoid, tanh, ...) or draw it without a point"
        )
    known = leaf_keys(net)
    fixed = {}
    for key, value in given.items():
        k = _leaf_key(key, net)
        if k not in known:
            raise PointError(f"{key!r} is not an input, target or parameter of the network {net.label()}")
        fixed[k] = exact_value(value, f"the value of {key!r}")
    rng = random.Random(seed)
    values = {}
    for k in known:
        drawn = _random_value(rng, k[0], net)  # draw anyway: fixing one leaf keeps the others
        values[k] = fixed.get(k, drawn)
    if net.output_softmax:
        # A class label for the softmax: y one-hot (unless the caller fixed y).
        for s in net.samples:
            label = rng.randint(1, net.n(net.L))
            for j in range(1, net.n(net.L) + 1):
                values[("y", s, j)] = fixed.get(("y", s, j), Fraction(int(j == label)))
    return Point(values)


def _leaf_key(key, net: Network) -> tuple:
    if isinstance(key, tuple):
        return key
    text = str(key).replace(" ", "").replace("{", "").replace("}", "")
    for kind in ("x", "y"):
        if text.startswith(kind + "_") and text[2:].isdigit():
            return (kind, 1, int(text[2:]))
        m = re.fullmatch(kind + r"\^\(?(\d+)\)?_(\d+)", text)  # x^{(2)}_1: input 1 of sample 2
        if m:
            return (kind, int(m.group(1)), int(m.group(2)))
    return parse_quantity(str(key))


def atom_values(net: Network, pt: Point, digits: int = DIGITS) -> dict:
    """The value (mpmath, ``digits`` digits) of every atom of ``net.atoms`` at ``pt``.

    σ(z) atoms are evaluated from the activation's SymPy expression at the
    exact z, layer by layer.
    """
    model = net.atoms
    for s in net.samples:
        for j in range(1, net.n(net.L) + 1):
            model.target(j, s)  # the cost's y atoms are otherwise created on first use
    vals: dict = {}
    with mpmath.workdps(digits):
        for i, key in enumerate(model.keys):
            if key[0] in ("x", "y", "w", "b"):
                vals[i] = mpmath.mpf(pt.values[key].numerator) / pt.values[key].denominator
        for s in net.samples:  # every sample of a mini-batch at its own inputs
            for l in net.layers:
                for j in range(1, net.n(l) + 1):
                    z = sympy.Float(evaluate(model.Z[s][l][j - 1], vals, digits), digits)
                    if l == net.L and net.output_softmax:
                        vals[model.index[("E", s, j)]] = _mp(sympy.exp(z), digits)
                        continue
                    act = net.activation(l, j)
                    vals[model.index[("S", s, l, j)]] = _mp(act.expr(z), digits)
                    if ("D", s, l, j) in model.index:
                        vals[model.index[("D", s, l, j)]] = _mp(act.prime(z), digits)
    return vals


def _mp(expr, digits: int = DIGITS):
    return mpmath.mpf(sympy.N(expr, digits)._to_mpmath(_prec(digits)))


def evaluate(element, vals: dict, digits: int = DIGITS):
    """An algebra element's value at atom values ``vals`` (mpmath, ``digits`` digits)."""
    def coeff(c):
        return mpmath.mpf(c.numerator) / c.denominator if isinstance(c, Fraction) else mpmath.mpf(c)

    with mpmath.workdps(digits):
        if isinstance(element, (Poly, RatFunc)):
            return element.evaluate(vals, coeff=coeff)
        return coeff(Fraction(element))


def cost_digits(net: Network, pt: Point) -> int:
    r"""The working precision at which binary cross-entropy and its gradient at ``pt`` are faithful.

    C = −Σ [y ln a + (1 − y) ln(1 − a)] and ∂C/∂a = (a − y)/(a(1 − a)) need
    1 − a and a to their own precision: a saturated σ(z) = 1 − e^{−z} rounds
    to 1 at ``DIGITS`` digits (a division by zero, or a silently wrong
    gradient) although C is finite. So the precision grows by the digits a
    saturation of |z^L_j| can cost (2|z|/ln 10 covers tanh's 1 − e^{−2z}).
    Raises ``PointError`` where C is not a real number (an output a^L_j ∉ (0, 1),
    as relu, tanh or identity outputs can give) or where the precision would
    pass ``MAX_DIGITS``. Other costs need no more than ``DIGITS``.

    >>> from symbp.network import network
    >>> net = network([1, 1], "sigmoid", "cross-entropy")
    >>> cost_digits(net, make_point(net, {"b^2_1": 100, "w^2_{1,1}": 0}))
    146
    """
    if net.cost != "cross-entropy":
        return DIGITS
    model, outputs = net.atoms, range(1, net.n(net.L) + 1)
    vals = atom_values(net, pt)
    worst = max(abs(evaluate(model.Z[s][net.L][j - 1], vals)) for s in net.samples for j in outputs)
    digits = DIGITS + int(2 * worst / mpmath.log(10)) + 10 * (worst > 1)
    if digits > MAX_DIGITS:
        raise PointError(
            f"at this point an output of the network {net.label()} has weighted input |z^{net.L}| ≈ "
            f"{mpmath.nstr(worst, 6)}, so its activation lies within about 10^-{int(worst / mpmath.log(10))} of 0 or 1; "
            f"the binary cross-entropy cost divides by a and 1 − a there, and evaluating its gradient faithfully would "
            f"need about {digits} digits, past symbp's limit of {MAX_DIGITS}; choose smaller weights, biases or inputs"
        )
    vals = atom_values(net, pt, digits)
    for s in net.samples:
        for j in outputs:
            a = evaluate(model.A[s][net.L][j - 1], vals, digits)
            if not 0 < a < 1:
                where = f"a^{net.L}_{j}" if net.batch == 1 else f"a^{net.L}_{j} of sample {s}"
                raise PointError(
                    f"the binary cross-entropy cost −[y ln a + (1 − y) ln(1 − a)] is not a real number at this point: "
                    f"the {net.activation(net.L, j).name} output {where} = {mpmath.nstr(a, 6)} lies outside (0, 1), "
                    f"where ln a or ln(1 − a) is undefined; binary cross-entropy needs a sigmoid output layer "
                    f"(or a point where every output lies in (0, 1))"
                )
    return digits
