r"""A layer convention said only in words (rv54 F8–F10): the claims it bears on are not judged under Nielsen's.

Notes that define no weighted input are read under Nielsen's convention (w^l feeding layer l, rows per neuron of
layer l, column vectors, the input layer 1). Words saying otherwise made Nielsen's BP2/BP4 "hold" (exit 0) though
they are false under the notes' own convention (the hand truth below); now those claims are uninterpretable, and
words that agree change nothing.
"""

import sympy as sp
import pytest

from symbp.verify.conventionwords import said
from symbp.verify.notes import verify_text

HEAD = ("# Backpropagation\n\nThe activations are $a^l = \\sigma(z^l)$ and the cost is "
        "$C = \\frac{1}{2}\\|a^L - y\\|^2$.\n")
BP4 = r"\frac{\partial C}{\partial w^l} = \delta^l (a^{l-1})^T"
BP2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"
BP3 = r"\frac{\partial C}{\partial b^l} = \delta^l"
BP4_X = r"\frac{\partial C}{\partial w^2} = \delta^2 x^T"
GENERIC = f"\nThen\n$${BP4}$$\n$${BP2}$$\n$${BP3}$$\n"


def _rows(sentence: str, claims: str = GENERIC) -> dict:
    return {r.formula.text: r.result for r in verify_text(HEAD + sentence + "\n" + claims, "auto").rows}


@pytest.mark.parametrize("sentence, claims, kind", [
    ("Here $w^l$ is the matrix of weights between layer $l$ and layer $l+1$.", (BP4, BP2), "feeds"),
    ("The weights $w^l$ connect layer $l$ to layer $l+1$, and $b^l$ is the bias of layer $l+1$.", (BP4, BP2, BP3),
     "feeds"),
    ("Note that $w^l_{jk}$ is the weight from neuron $k$ in layer $l$ to neuron $j$ in layer $l+1$.", (BP4, BP2),
     "feeds"),
    ("Here $b^l$ is the bias vector of layer $l+1$.", (BP3,), "feeds"),
    ("The biases $b^l$ are added in the next layer, layer $l+1$.", (BP3,), "feeds"),
    ("The matrix $w^l$ has one row per neuron of layer $l-1$ and one column per neuron of layer $l$.", (BP4, BP2),
     "shape"),
    ("Note that $w^l$ is stored transposed: its shape is $n_{l-1} \\times n_l$.", (BP4, BP2), "shape"),
    ("All vectors in these notes are row vectors.", (BP4, BP2), "rows"),
    ("We treat $a^l$, $z^l$ and $\\delta^l$ as row vectors.", (BP4, BP2), "rows"),
])
def test_words_against_the_default_leave_the_claims_unjudged(sentence, claims, kind):
    rows = _rows(sentence)
    for claim in claims:
        result = rows[claim]
        assert result.status == "uninterpretable", (claim, result.status, result.reason)
        assert "in words" in result.reason and "--notation" in result.reason
    assert [s.kind for s in said(sentence)] == [kind]


@pytest.mark.parametrize("sentence", [
    "We number the layers from zero: the input layer is layer $0$.",
    "The input is layer 0, the first hidden layer is layer 1, and the output is layer $L$.",
    "Layers are counted from 0 (the input $x$) to $L$ (the output).",
    "Vrstvy číslujeme od nuly: vstup je vrstva 0.",
    "Слои нумеруются с нуля: вход — это слой 0.",
    "Warstwy numerujemy od zera: wejście to warstwa 0.",
])
def test_layers_numbered_from_zero_in_words(sentence):
    rows = _rows(sentence, f"\nThen\n$${BP4_X}$$\n$${BP4}$$\n")
    assert rows[BP4_X].status == "uninterpretable", rows[BP4_X].reason
    assert "layer 1" in rows[BP4_X].reason
    assert rows[BP4].status == "holds"  # a claim at every l does not depend on where the numbering starts


@pytest.mark.parametrize("sentence", [
    "The weights $w^l$ connect layer $l-1$ to layer $l$, and $b^l$ is the bias of layer $l$.",
    "The input is layer 1.",
    "There is no layer 0: the input is layer 1.",
    "The matrix $w^l$ has one row per neuron of layer $l$ and one column per neuron of layer $l-1$.",
    "Its shape is $n_l \\times n_{l-1}$.",
    "Here $(w^{l+1})^T$ is the transpose of the weight matrix and $(a^{l-1})^T$ is a row vector.",
    "Here $w^{l+1}$ connects layer $l$ to layer $l+1$.",
    "All vectors are column vectors.",
])
def test_words_that_agree_change_nothing(sentence):
    rows = _rows(sentence, GENERIC)
    assert {claim: rows[claim].status for claim in (BP4, BP2, BP3)} == dict.fromkeys((BP4, BP2, BP3), "holds")
    assert said(sentence) == []


def test_a_weighted_input_written_decides_and_the_words_still_stop_a_hold():
    # the notes write z^{l+1} = w^l a^l + b^l: read under w^l feeding l + 1, Nielsen's BP4 is refuted there
    rows = _rows("Here $w^l$ is the matrix of weights between layer $l$ and layer $l+1$.\n"
                 "$$z^{l+1} = w^l a^l + b^l$$\n")
    assert rows[BP4].status != "holds"


def test_hand_truth_the_shapes_under_the_stated_conventions():
    """On [2, 3, 2] with w^l feeding layer l + 1 (z^2 = w^1 x + b^1, z^3 = w^2 a^2 + b^2), ∂C/∂w^2 is 2×3 while
    δ^2 (a^1)^T = δ^2 x^T is 3×2: Nielsen's BP4 at l = 2 cannot hold; the true one is δ^3 (a^2)^T."""
    x = sp.Matrix(sp.symbols("x1:3"))
    y = sp.Matrix(sp.symbols("y1:3"))
    w1, b1 = sp.Matrix(3, 2, sp.symbols("u1:7")), sp.Matrix(sp.symbols("c1:4"))
    w2, b2 = sp.Matrix(2, 3, sp.symbols("v1:7")), sp.Matrix(sp.symbols("d1:3"))
    z2 = w1 * x + b1
    a2 = z2.applyfunc(sp.tanh)
    z3 = w2 * a2 + b2
    a3 = z3.applyfunc(sp.tanh)
    cost = sum((a3[i] - y[i]) ** 2 for i in range(2)) / 2
    grad = sp.Matrix(2, 3, lambda i, j: sp.diff(cost, w2[i, j]))
    zs = sp.Matrix(sp.symbols("q1:3"))
    cost_of_z3 = sum((zs.applyfunc(sp.tanh)[i] - y[i]) ** 2 for i in range(2)) / 2
    delta3 = sp.Matrix([sp.diff(cost_of_z3, q) for q in zs]).subs(dict(zip(zs, z3)))
    hidden = sp.Matrix(sp.symbols("h1:4"))
    cost_of_z2 = sum(((w2 * hidden.applyfunc(sp.tanh) + b2).applyfunc(sp.tanh)[i] - y[i]) ** 2 for i in range(2)) / 2
    delta2 = sp.Matrix([sp.diff(cost_of_z2, h) for h in hidden]).subs(dict(zip(hidden, z2)))
    assert grad.shape == (2, 3) and (delta2 * x.T).shape == (3, 2)
    point = dict(zip(list(x) + list(y) + list(w1) + list(b1) + list(w2) + list(b2),
                     [sp.Rational(k % 7 - 3, 5) for k in range(1, 24)]))
    true = delta3 * a2.T
    assert all(sp.N((grad - true)[i, j].subs(point)) == pytest.approx(0, abs=1e-12) for i in range(2) for j in range(3))
    # with the input as layer 0 (w^2 feeds layer 2 from layer 1, the hidden one), ∂C/∂w^2 is 2×3 and δ^2 x^T is 2×2
    assert (delta3 * x.T).shape == (2, 2) != grad.shape
    # w^l stored transposed (z^l = (w^l)^T a^{l-1} + b^l): w^3 is 3×2 and (w^3)^T δ^3 is (2×3)(2×1), not formable
    with pytest.raises(sp.ShapeError):
        _ = w2 * delta3
