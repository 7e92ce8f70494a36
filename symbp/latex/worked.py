r"""Worked examples: one concrete network with numbers, done by hand as the seeds do.

Given x, y, w and b, the example runs the forward pass, the output error
(BP1), the backward pass (BP2) and the gradients (BP3, BP4). Every number is
computed exactly when the activation allows it (identity, relu: rational
numbers) and to 50 significant digits otherwise, and every gradient is then
checked against two oracles that never use backpropagation: the exact
derivative of the composed cost (``symbp.derive.GroundTruth``, evaluated at the
point) and NumPy central finite differences of the float64 cost. A mismatch is
an error: a wrong worked example is never written.

>>> from symbp.network import network
>>> ex = worked_example(network([1, 1], activation="identity"),
...                     {("x", 1, 1): 2, ("y", 1, 1): 1, ("w", 2, 1, 1): 3, ("b", 2, 1): -1})
>>> ex.grads[("w", 2, 1, 1)]            # C = ½(3·2 − 1 − 1)², so ∂C/∂w = (6 − 2)·2
8
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import sympy

from ..functions import numpy_softmax
from ..derive import GroundTruth
from ..errors import SpecError, SymbpError
from ..network import Network

#: Activations whose values at rational points are rational: exact arithmetic.
EXACT_ACTIVATIONS = ("identity", "relu")
DIGITS = 50  # working precision of the inexact examples
SHOWN = 6  # significant digits printed

#: The example's words, per language (see ``document.PHRASES``).
PHRASES = {
    "en": {
        "title": "A worked example: the network {label}",
        "given": "Given",
        "given_text": "The input, the target and the parameters.",
        "forward": "Forward pass",
        "cost": "Cost",
        "backward": "Backward pass",
        "gradients": "Gradients",
        "checks": "Checks",
        "bp1": "BP1", "bp2": "BP2", "bp3": "BP3", "bp4": "BP4",
        "def_z": "definition of {z}", "def_a": "definition of {a}", "softmax": "softmax",
        "softmax_chain": "chain rule through the softmax",
        "numbers_exact": "All numbers are exact.",
        "numbers_decimal": "Numbers are computed to {digits} significant digits and shown to {shown}.",
        "check_text": (
            "Every gradient above was compared with two oracles that do not use backpropagation:"
            " the exact derivative of the composed cost (symbp.derive, evaluated at this point;"
            " largest difference {exact}) and NumPy float64 central finite differences of the cost"
            " (step {h}; largest difference {fd}, tolerance {tol}). NumPy's float64 forward pass gives the"
            " same cost (difference {cost})."
        ),
    }
}


class WorkedExampleError(SymbpError, ArithmeticError):
    """A worked example's numbers disagree with an oracle (a bug, never printed)."""


@dataclass(frozen=True)
class WorkedExample:
    """The numbers of one worked example, keyed in Nielsen indexing.

    ``values`` holds the given x, y, w, b; ``z``, ``a``, ``delta`` map
    (l, j) to numbers, ``grads`` maps parameter keys to ∂C/∂(parameter).
    """

    net: Network
    values: dict
    z: dict
    a: dict
    sigma_prime: dict
    nabla_a: dict
    delta: dict
    cost: object
    grads: dict
    exact: bool
    checks: dict = field(default_factory=dict)


def default_values(net: Network, seed: int = 0) -> dict:
    """Small rational values for x, y, w, b (tenths), the same for the same seed.

    >>> from symbp.network import network
    >>> default_values(network([1, 1]))[("x", 1, 1)]
    Fraction(7, 10)
    """
    rng = random.Random(seed)
    tenth = lambda lo, hi: Fraction(rng.choice([v for v in range(lo, hi + 1) if v != 0]), 10)  # noqa: E731
    values = {("x", 1, k): tenth(1, 9) for k in range(1, net.n(1) + 1)}
    values.update({("y", 1, j): tenth(1, 9) for j in range(1, net.n(net.L) + 1)})
    if net.one_hot:  # Σ_k y_k = 1 is what --one-hot assumes (rv45 C3): one class, drawn by the seed
        hot = rng.randrange(1, net.n(net.L) + 1)
        values.update({("y", 1, j): Fraction(int(j == hot)) for j in range(1, net.n(net.L) + 1)})
    for key in net.parameters():
        values[key] = tenth(-9, 9)
    return values


def _check_network(net: Network) -> None:
    if net.batch != 1:
        raise SpecError(f"worked examples cover one sample; {net.label()} has a mini-batch")
    for l in _elementwise_layers(net):
        for j in range(1, net.n(l) + 1):
            if net.activation(l, j).is_generic:
                raise SpecError(
                    f"a worked example needs numbers, and the generic activation of neuron {j} of layer {l} has none;"
                    " pick sigmoid, tanh, relu, softplus or identity"
                )


def _check_cost_domain(net: Network, outs: list) -> None:
    # ln a and ln(1 − a) of the cross-entropy are defined only for 0 < a < 1 (rv45 C2:
    # a relu output is 0 or unbounded); such a point has no cost to work an example on.
    if net.cost_entry.name != "cross-entropy":
        return
    for j, out in enumerate(outs, start=1):
        if not 0 < out < 1:
            act = net.activation(net.L, j).name
            raise SpecError(
                f"the cross-entropy cost needs every output strictly between 0 and 1, but the {act} output layer of"
                f" {net.label()} gives a^{net.L}_{j} = {sympy.N(out, SHOWN)} at the example's point (--seed picks other numbers), where"
                f" ln a or ln(1 - a) is undefined; use a sigmoid output layer with the cross-entropy cost"
            )


def _key_words(key) -> str:
    # Nielsen's w^l_{jk}, b^l_j for a parameter key: a message names no internal keys.
    return f"w^{key[1]}_{{{key[2]}{key[3]}}}" if key[0] == "w" else f"b^{key[1]}_{key[2]}"


def _elementwise_layers(net: Network) -> list[int]:
    # A softmax output layer has no elementwise σ of its own.
    return [l for l in net.layers if not (l == net.L and net.output_softmax)]


def worked_example(net: Network, values: dict | None = None, *, seed: int = 0) -> WorkedExample:
    """Run the example on ``net`` at ``values`` (default ``default_values``) and check it."""
    _check_network(net)
    given = dict(default_values(net, seed))
    for key, v in (values or {}).items():
        if key not in given:
            raise SpecError(f"{key!r} is not an input, target or parameter of the network {net.label()}")
        given[key] = Fraction(v)
    if net.one_hot and sum(given[("y", 1, j)] for j in range(1, net.n(net.L) + 1)) != 1:
        raise SpecError(f"the network {net.label()} has one-hot targets, but the given targets y sum to"
                        f" {sum(given[('y', 1, j)] for j in range(1, net.n(net.L) + 1))}, not 1")
    # ln a of the cross-entropy is not rational at rational points: such a cost is worked in decimals.
    exact = not net.output_softmax and net.cost_entry.name != "cross-entropy" and all(
        net.activation(l, j).name in EXACT_ACTIVATIONS for l in net.layers for j in range(1, net.n(l) + 1)
    )

    def num(v):
        v = Fraction(v)  # ints and Fractions only: nothing here is parsed
        v = sympy.Rational(v.numerator, v.denominator)
        return v if exact else sympy.Float(v, DIGITS)

    def value(expr):
        return sympy.nsimplify(expr) if exact else sympy.Float(expr.evalf(DIGITS), DIGITS)

    L = net.L
    z, a, sp, delta = {}, {}, {}, {}
    for k in range(1, net.n(1) + 1):
        a[(1, k)] = num(given[("x", 1, k)])
    for l in net.layers:
        for j in range(1, net.n(l) + 1):
            act = net.activation(l, j)
            zj = sum(num(given[("w", l, j, k)]) * a[(l - 1, k)] for k in range(1, net.n(l - 1) + 1))
            z[(l, j)] = zj + num(given[("b", l, j)])
            if l in _elementwise_layers(net):
                a[(l, j)] = value(act.expr(z[(l, j)]))
                sp[(l, j)] = value(act.prime(z[(l, j)]))
    if net.output_softmax:  # a^L = softmax(z^L)
        total = sum(sympy.exp(z[(L, k)]) for k in range(1, net.n(L) + 1))
        for j in range(1, net.n(L) + 1):
            a[(L, j)] = value(sympy.exp(z[(L, j)]) / total)
    ys = [num(given[("y", 1, j)]) for j in range(1, net.n(L) + 1)]
    outs = [a[(L, j)] for j in range(1, net.n(L) + 1)]
    _check_cost_domain(net, outs)
    cost = value(net.cost_entry.expr(outs, ys))
    a_syms = [sympy.Symbol(f"_a{j}") for j in range(1, net.n(L) + 1)]
    y_syms = [sympy.Symbol(f"_y{j}") for j in range(1, net.n(L) + 1)]
    subs = dict(zip(a_syms, outs)) | dict(zip(y_syms, ys))
    nabla = {j: value(g.xreplace(subs)) for j, g in enumerate(net.cost_entry.grad(a_syms, y_syms), start=1)}
    for j in range(1, net.n(L) + 1):
        if net.output_softmax:  # the chain rule through the softmax: ∂a_k/∂z_j = a_k([k = j] − a_j)
            delta[(L, j)] = sum(
                nabla[k] * a[(L, k)] * ((1 if k == j else 0) - a[(L, j)]) for k in range(1, net.n(L) + 1)
            )
        else:  # BP1
            delta[(L, j)] = nabla[j] * sp[(L, j)]
    for l in range(L - 1, 1, -1):  # BP2, from the output backwards
        for j in range(1, net.n(l) + 1):
            back = sum(num(given[("w", l + 1, k, j)]) * delta[(l + 1, k)] for k in range(1, net.n(l + 1) + 1))
            delta[(l, j)] = sp[(l, j)] * back
    grads = {}
    for key in net.parameters():  # BP3, BP4
        if key[0] == "b":
            grads[key] = delta[(key[1], key[2])]
        else:
            _, l, j, k = key
            grads[key] = a[(l - 1, k)] * delta[(l, j)]
    ex = WorkedExample(net, given, z, a, sp, nabla, delta, cost, grads, exact)
    return WorkedExample(**{**ex.__dict__, "checks": _check(ex)})


# -- the two oracles ----------------------------------------------------------------


def _check(ex: WorkedExample) -> dict:
    net = ex.net
    gt = GroundTruth(net)
    model = net.atoms
    truths = {key: gt.d_cost(key) for key in ex.grads}  # may add atoms (y) to the model
    atom_values = {}
    for i, key in enumerate(model.keys):
        kind, *rest = key
        if kind in ("x", "y", "w", "b"):  # x and y keys are (kind, sample, index) in both
            atom_values[i] = sympy.Rational(*_ratio(ex.values[key]))
        elif kind == "S":
            atom_values[i] = ex.a[(rest[1], rest[2])]
        elif kind == "D":
            atom_values[i] = ex.sigma_prime[(rest[1], rest[2])]
        elif kind == "E":  # exp(z^L_j) of a softmax output
            atom_values[i] = sympy.exp(ex.z[(net.L, rest[1])]).evalf(DIGITS)
    coeff = lambda c: sympy.Rational(*_ratio(c))  # noqa: E731
    worst_exact = 0
    tolerance = 0 if ex.exact else sympy.Float(10) ** (-(DIGITS - 10))
    for key, mine in ex.grads.items():
        truth = truths[key].evaluate(atom_values, coeff=coeff)
        diff = abs(sympy.nsimplify(truth - mine) if ex.exact else sympy.Float(truth - mine, DIGITS))
        if diff > tolerance:
            raise WorkedExampleError(
                f"worked example on {net.label()}: ∂C/∂{_key_words(key)} is {mine} by backpropagation but {truth} by direct"
                " differentiation"
            )
        worst_exact = max(worst_exact, diff)
    h, tol, worst_fd = 1e-6, 1e-6, 0.0
    base = {key: float(v) for key, v in ex.values.items()}
    cost_gap = abs(_numpy_cost(net, base) - float(ex.cost))
    if cost_gap > 1e-12 * max(1.0, abs(float(ex.cost))):
        raise WorkedExampleError(
            f"worked example on {net.label()}: the cost is {float(ex.cost):.15g} here but {_numpy_cost(net, base):.15g}"
            " by NumPy's float64 forward pass"
        )
    for key, mine in ex.grads.items():
        up, down = dict(base), dict(base)
        up[key] += h
        down[key] -= h
        fd = (_numpy_cost(net, up) - _numpy_cost(net, down)) / (2 * h)
        err = abs(fd - float(mine))
        if err > tol * max(1.0, abs(fd)):
            raise WorkedExampleError(
                f"worked example on {net.label()}: ∂C/∂{_key_words(key)} is {float(mine):.10g} by backpropagation but"
                f" {fd:.10g} by NumPy finite differences"
            )
        worst_fd = max(worst_fd, err)
    return {"exact": worst_exact, "finite_differences": worst_fd, "h": h, "tolerance": tol, "cost": cost_gap}


def _ratio(v) -> tuple[int, int]:
    f = Fraction(v)
    return f.numerator, f.denominator


def _numpy_cost(net: Network, values: dict) -> float:
    """The float64 cost by NumPy's forward pass (the activations' NumPy twins)."""
    act = np.array([values[("x", 1, k)] for k in range(1, net.n(1) + 1)])
    for l in net.layers:
        w = np.array([[values[("w", l, j, k)] for k in range(1, net.n(l - 1) + 1)] for j in range(1, net.n(l) + 1)])
        b = np.array([values[("b", l, j)] for j in range(1, net.n(l) + 1)])
        zl = w @ act + b
        if l == net.L and net.output_softmax:
            act = numpy_softmax(zl)
        else:
            act = np.array([net.activation(l, j).numpy(zl[j - 1]) for j in range(1, net.n(l) + 1)], dtype=float)
    y = np.array([values[("y", 1, j)] for j in range(1, net.n(net.L) + 1)])
    return float(net.cost_entry.numpy(act, y))

