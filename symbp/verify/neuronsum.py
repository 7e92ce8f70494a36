r"""σ written out for one neuron: σ(z) = 1/(1+e^{-z}) = 1/(1+e^{-(Σ_i^n w_i x_i + b)}) (seed 001, lines 4 and 7).

A formula sheet defines the activation and, in the same chain, spells out the weighted input of one
neuron: its n inputs x_i, the weights w_i into it and its bias b, so z = Σ_i w_i x_i + b (the notes'
z = w a + b written for one neuron j, w_i = w_{ji}). Each side of the chain is compared with σ(z) for
that z, exactly with SymPy, for neurons of 1, 2 and 3 inputs; a side that writes another bias (seed 001,
line 7: "+ 1") holds only for that bias and is refuted at an exact point. A trailing
σ(\vec{z}) = (σ(z_1), …, σ(z_n)) is σ applied entrywise, the convention of every layer's a = σ(z): a
definition, noted and not checked. Only these exact shapes are read; anything else is left to the reader
(which does not read a bare sum bound n), never guessed.

>>> one_neuron(r"\sigma(z) = \frac{1}{1+e^{-z}} = \frac{1}{1+e^{-(\sum_i^n w_i x_i + b)}}", "sigmoid").status
'holds'
>>> one_neuron(r"\sigma(z) = \frac{1}{1+e^{-(\sum_i^n w_i x_i + 1)}}", "sigmoid").diagnosis
'the bias b is written 1'
"""

from __future__ import annotations

import re

import sympy

from ..certificate import Counterexample
from ..functions import activation as named_activation
from .verdicts import VERDICT_OF, Verification

#: Spacing commands and \left/\right change only the typesetting.
_SPACING = re.compile(r"(?<!\\)\\(?:left|right|quad|qquad|[ ,;:!])(?![A-Za-z])")
#: The entrywise σ of a vector that may follow the chain: σ(\vec{z}) = (σ(z_1) \\ ⋮ \\ σ(z_n)).
_VECTOR = re.compile(r",\\sigma\((?:\\vec|\\mathbf|\\boldsymbol)\{z\}\)="
                     r"\\begin\{pmatrix\}\\sigma\(z_1\)\\\\\\vdots\\\\\\sigma\(z_[a-zA-Z]\)\\end\{pmatrix\}$")
_SIGMOID = r"\\frac\{1\}\{1\+e\^\{-"
#: 1/(1+e^{-z}): σ's definition in z itself.
_PLAIN = re.compile(_SIGMOID + r"z\}\}$")
#: 1/(1+e^{-(Σ_i^n w_i x_i + β)}): one neuron's weighted input, its bias written β.
_NEURON = re.compile(_SIGMOID + r"\(\\sum(?:_(?P<i>[a-z])|_\{(?P<j>[a-z])=1\})(?:\^(?:[a-zA-Z]|\{[a-zA-Z]\}))?"
                     r"(?P<terms>w_(?P<w>[a-z])(?:\\cdot)?x_(?P<x>[a-z])|x_(?P<x2>[a-z])(?:\\cdot)?w_(?P<w2>[a-z]))"
                     r"\+(?P<bias>b|\d+)\)\}\}$")
_INPUTS = (1, 2, 3)
#: Where a refutation looks: all weights and inputs 0, the bias at each of these values.
_BIASES = (0, 1, -1, 2)
_READING = ("read with z the weighted input of one neuron, z = Σ_i w_i x_i + b (its inputs x_i, the weights w_i "
            "into it, its bias b: the notes' z = w a + b for one neuron), checked for neurons of 1, 2 and 3 inputs")
_ENTRYWISE = "σ(\\vec{z}) = (σ(z_1), …, σ(z_n)): σ of a vector is applied entrywise, a definition (not checked)"


def one_neuron(formula: str, activation: str) -> "Verification | None":
    r"""The verdict on a σ(z) = 1/(1+e^{-z}) chain with one neuron's Σ_i w_i x_i + b, or None for other formulas.

    Returns None too under a generic σ (the chain is σ's definition then, which no generic σ meets).

    >>> one_neuron(r"\sigma(z) = z", "sigmoid") is None
    True
    """
    text = _SPACING.sub("", formula).replace(" ", "").replace("\n", "").rstrip(",.")
    vector = _VECTOR.search(text)
    chain = text[:vector.start()] if vector else text
    sides = _sides(chain)
    if len(sides) < 2 or sides[0] != r"\sigma(z)" or not any(_NEURON.match(s) for s in sides[1:]):
        return None
    biases = [_bias(s) for s in sides[1:]]
    if None in biases or named_activation(activation).is_generic:
        return None
    return _judge(formula, biases, activation, bool(vector))


def _sides(chain: str) -> list:
    # the chain split at each "=" outside braces (the "=" of \sum_{i=1} stays in its side)
    sides, depth, start = [], 0, 0
    for k, ch in enumerate(chain):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "=" and depth == 0:
            sides.append(chain[start:k])
            start = k + 1
    return sides + [chain[start:]]


def _bias(side: str) -> "str | None":
    # "b" for σ's argument z = Σ w_i x_i + b, the digits of another bias, "z" for 1/(1+e^{-z}); None: not read
    if _PLAIN.match(side):
        return "z"
    m = _NEURON.match(side)
    if m is None:
        return None
    index = m["i"] or m["j"]
    if {m["w"] or m["w2"], m["x"] or m["x2"]} != {index}:  # Σ_i w_i x_j: not one neuron's weighted sum
        return None
    return m["bias"]


def _judge(formula: str, biases: list, activation: str, vector: bool) -> Verification:
    sigma = named_activation(activation).expr
    found, cx, slip = [], None, ""
    for k, bias in enumerate(biases, start=2):
        status, n, point = _compare(sigma, bias)
        if status == "holds":
            found.append(f"side {k} holds")
            continue
        if point is None:
            return _row(formula, "undecided", f"side {k} differs from side 1 symbolically, but at no point tried",
                        activation)
        slip = slip or (f"the bias b is written {bias}" if bias not in ("b", "z") else "")
        found.append(f"side {k} differs from side 1 at {_where(point)}" + (
            f" (it holds only when the bias b = {bias})" if bias not in ("b", "z") else ""))
        cx = cx or _counterexample(sigma, bias, n, point, k, activation)
    status = "refuted" if cx else "holds"
    reason = "; ".join(found) + f" ({_READING}, σ = {activation})" + (f"; {_ENTRYWISE}" if vector else "")
    return _row(formula, status, reason, activation, cx, slip, _corrected(formula, biases) if slip else "")


def _corrected(formula: str, biases: list) -> str:
    # the formula with each other bias written b, when each occurs once as "+ β)" (else no correction is offered)
    for bias in {b for b in biases if b not in ("b", "z")}:
        pattern = re.compile(r"\+\s*" + bias + r"\s*\)")
        if len(pattern.findall(formula)) != 1:
            return ""
        formula = pattern.sub("+ b)", formula)
    return formula


def _neuron(n: int):
    # z of a neuron with n inputs, and Σ_i w_i x_i alone
    w, x = sympy.symbols(f"w1:{n + 1}", real=True), sympy.symbols(f"x1:{n + 1}", real=True)
    total = sum((wi * xi for wi, xi in zip(w, x)), sympy.Integer(0))
    return total + sympy.Symbol("b", real=True), total, w + x


def _side(bias: str, z, total):
    argument = z if bias in ("z", "b") else total + sympy.Integer(int(bias))
    return 1 / (1 + sympy.exp(-argument))


def _compare(sigma, bias: str):
    # ("holds", _, None) when the side equals σ(z) for every neuron size; else the inputs and first point they differ at
    for n in _INPUTS:
        z, total, inputs = _neuron(n)
        difference = sympy.simplify(_side(bias, z, total) - sigma(z))
        if difference == 0:
            continue
        for b in _BIASES:
            point = {**{v: sympy.Integer(0) for v in inputs}, sympy.Symbol("b", real=True): sympy.Integer(b)}
            if sympy.N(difference.subs(point), 30) != 0:
                return "refuted", n, point
        return "refuted", n, None
    return "holds", 0, None


def _where(point: dict) -> str:
    return ", ".join(f"{v} = {value}" for v, value in point.items())


def _counterexample(sigma, bias: str, n: int, point: dict, k: int, activation: str) -> Counterexample:
    z, total, _ = _neuron(n)
    lhs, rhs = sigma(z).subs(point), _side(bias, z, total).subs(point)
    return Counterexample(instance=f"one neuron with {n} input{'s' if n > 1 else ''}, side {k} against side 1", layer=None,
                          indices=(), point={str(v): str(value) for v, value in point.items()},
                          lhs=str(sympy.N(lhs, 25)), rhs=str(sympy.N(rhs, 25)), lhs_value=float(lhs),
                          rhs_value=float(rhs), activation=f"σ = {activation}")


def _row(formula, status, reason, activation, cx=None, slip="", corrected="") -> Verification:
    return Verification(formula=formula, status=status, verdict=VERDICT_OF[status], reason=reason, instances=len(_INPUTS),
                        interpretation={"words": _READING, "latex": formula}, counterexample=cx, diagnosis=slip,
                        corrected=corrected, network={"activation": activation})
