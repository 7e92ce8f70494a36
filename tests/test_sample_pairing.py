"""Per-sample computed quantities in mini-batch claims, and a quantity before a transposed bracket (review 24 R1, R2).

Graph notes: every verdict on a claim about the batch cost J is compared with sympy.diff of the composed batch cost
J = (1/M) Σ_k ½‖tanh(W x_k) − y_k‖², built here for M = 1, 2, 3, against the claim's right side built by hand from
each sample's own δ_k = (h_k − y_k) ⊙ (1 − h_k²) — so pairing δ of one sample with x of another is wrong on M ≥ 2.
Layered notes: the mean cost's gradient is the mean of the per-sample BP4 terms δ^{l,(t)} (a^{l-1,(t)})^T (hand:
∂C/∂W^l = (1/m) Σ_t ∂C_t/∂W^l, and ∂C_t/∂W^l = δ^l(x_t) a^{l-1}(x_t)^T by BP4 for that one input)."""

from __future__ import annotations

import random

import pytest
import sympy

from symbp.verify.notes import verify_text

GRAPH = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.
$$h = \tanh(g), \quad g = W x$$
$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$
$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$
$$\frac{\partial L^{(t)}}{\partial h^{(t)}} = h^{(t)} - y^{(t)}, \quad
  \frac{\partial L^{(t)}}{\partial g^{(t)}} = (h^{(t)} - y^{(t)}) \odot (1 - (h^{(t)})^2)$$
"""
DEFINITIONS = {
    "labelled": r"$$\delta^{(t)} = (h^{(t)} - y^{(t)}) \odot (1 - (h^{(t)})^2)$$",
    "bare": r"$$\delta = (h - y) \odot (1 - h^2)$$",
}


def _verdicts(text: str, notation: str = "auto") -> dict:
    return {row.formula.text: row.result for row in verify_text(text, notation).rows}


def _oracle(M: int, pair) -> bool:
    """Whether ∂J/∂W (sympy.diff of the composed J) equals (1/M) Σ_k δ_k x_{pair(k)}^T at three exact points."""
    W = sympy.Matrix(2, 2, lambda i, j: sympy.Symbol(f"w{i}{j}"))
    xs = [sympy.Matrix([sympy.Symbol(f"x{k}_{i}") for i in (1, 2)]) for k in range(M)]
    ys = [sympy.Matrix([sympy.Symbol(f"y{k}_{i}") for i in (1, 2)]) for k in range(M)]
    hs = [(W * x).applyfunc(sympy.tanh) for x in xs]
    J = sum((((h - y).T * (h - y))[0, 0] / 2 for h, y in zip(hs, ys)), sympy.Integer(0)) / M
    grad = W.applyfunc(lambda w: sympy.diff(J, w))
    ds = [sympy.Matrix([(h[i] - y[i]) * (1 - h[i] ** 2) for i in range(2)]) for h, y in zip(hs, ys)]
    side = sum((ds[k] * xs[pair(k, M)].T for k in range(M)), sympy.zeros(2, 2)) / M
    rng = random.Random(5)
    for _ in range(3):
        point = {s: sympy.Rational(rng.randint(-9, 9) or 1, rng.randint(2, 7)) for s in (grad - side).free_symbols}
        if any(abs(sympy.N(e.xreplace(point), 40)) > 1e-25 for e in grad - side):
            return False
    return True


SAME = lambda k, M: k  # noqa: E731
NEXT = lambda k, M: (k + 1) % M  # noqa: E731  (x of the next sample: wrong on M ≥ 2)
FIRST = lambda k, M: 0  # noqa: E731

# claim -> the pairing of δ's sample with x's sample it states
GRAPH_CLAIMS = {
    r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t)} (x^{(t)})^T": SAME,
    r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t)} \left(x^{(t)}\right)^{\top}": SAME,
    r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{i=1}^{m} \delta^{(i)}(x^{(i)})^T": SAME,
    r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t)} (x^{(s)})^T": FIRST,  # s free: s = 1 fails
    r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{s=1}^{m} \delta^{(t)} (x^{(s)})^T": NEXT,  # t free
}


@pytest.mark.parametrize("definition", list(DEFINITIONS))
@pytest.mark.parametrize("claim", list(GRAPH_CLAIMS))
def test_graph_batch_claim_pairs_each_samples_delta_with_its_own_input(definition, claim):
    v = _verdicts(GRAPH + DEFINITIONS[definition] + "\n" + f"$${claim}$$\n")[claim]
    truth = all(_oracle(M, GRAPH_CLAIMS[claim]) for M in (1, 2, 3))
    if truth:
        assert v.status == "holds", v.reason
    else:
        assert not _oracle(2, GRAPH_CLAIMS[claim])
        assert v.status == "refuted", v.reason


def test_the_oracle_separates_the_pairings():
    assert all(_oracle(M, SAME) for M in (1, 2, 3))
    assert not _oracle(2, NEXT) and not _oracle(3, FIRST)


def test_graph_quantity_before_a_transposed_bracket_is_a_product():
    # δ^{(t)} (x^{(t)})^T was read as δ^{(t)} applied to x^{(t)}, transposed: a row vector, refuted by shapes
    text = GRAPH + DEFINITIONS["bare"] + "\n" + r"$$\frac{\partial L^{(t)}}{\partial W} = \delta^{(t)}(x^{(t)})^T$$" \
        + "\n" + r"$$\frac{\partial L^{(t)}}{\partial W} = \delta^{(t)}(h^{(t)})^T$$" + "\n"
    rows = _verdicts(text)
    assert rows[r"\frac{\partial L^{(t)}}{\partial W} = \delta^{(t)}(x^{(t)})^T"].status == "holds"
    assert rows[r"\frac{\partial L^{(t)}}{\partial W} = \delta^{(t)}(h^{(t)})^T"].status == "refuted"


def test_graph_plain_name_of_what_the_quantity_depends_on_before_a_transposed_bracket_is_ambiguous():
    # h(x)^T: h times x^T, or h (a function of x) transposed; never silently one of them
    notes = GRAPH.replace("^{(t)}", "").replace(r"J = \frac{1}{m}\sum_{t=1}^{m} L", "K = 2 L")
    text = notes + DEFINITIONS["bare"] + "\n" + r"$$\frac{\partial L}{\partial W} = \delta(x)^T$$" + "\n"
    v = _verdicts(text)[r"\frac{\partial L}{\partial W} = \delta(x)^T"]
    assert v.status == "uninterpretable" and "which is not said" in v.reason


LAYERED = r"""We use a feedforward network with layers $l = 1, \dots, L$, $z^l = W^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$, $a^0 = x$.
The cost of one sample is $C^{(t)} = \frac{1}{2}\|y^{(t)} - a^{L,(t)}\|^2$ and
$$C = \frac{1}{m}\sum_{t=1}^{m} C^{(t)}.$$
"""

LAYERED_CLAIMS = {
    r"\frac{\partial C}{\partial W^l} = \frac{1}{m}\sum_{t=1}^{m} \delta^{l,(t)} (a^{l-1,(t)})^T": {"holds"},
    r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m} \delta^{l,(t)}": {"holds"},
    r"\frac{\partial C}{\partial w^l_{jk}} = \frac1m \sum_{t=1}^m \delta^{l,(t)}_j a^{l-1,(t)}_k": {"holds"},
    r"\frac{\partial C}{\partial w^l_{jk}} = \frac1m \sum_x \delta^{x,l}_j a^{x,l-1}_k": {"holds"},
    r"\frac{\partial C}{\partial W^1} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t),1} (x^{(t)})^T": {"holds"},
    r"\frac{\partial C}{\partial W^1} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t),1}(x^{(t)})^T": {"holds"},
    r"\frac{\partial C}{\partial W^1} = \frac{1}{m}\sum_{x} \delta^{x,1} (x)^T": {"holds"},
    # wrong: another layer's δ, the sum without 1/m, the input of no sample or of another sample
    r"\frac{\partial C}{\partial W^1} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t),2} (x^{(t)})^T": {"refuted"},
    r"\frac{\partial C}{\partial W^l} = \frac{1}{m}\sum_{t=1}^{m} \delta^{l,(t)} (a^{l,(t)})^T": {"refuted"},
    r"\frac{\partial C}{\partial W^l} = \sum_{t=1}^{m} \delta^{l,(t)} (a^{l-1,(t)})^T": {"refuted"},
    r"\frac{\partial C}{\partial W^1} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t),1} x^T": {"uninterpretable"},
    r"\frac{\partial C}{\partial W^1} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t),1} (x^{(1)})^T": {"uninterpretable"},
    r"\frac{\partial C}{\partial W^l} = \frac{1}{m}\sum_{t=1}^{m} \delta^{l,(t)} (a^{l-1,(s)})^T": {"uninterpretable"},
    r"\frac{\partial C}{\partial W^l} = \frac{1}{m}\sum_{t=1}^{m} \delta^{l,(t)} (a^{l-1,(1)})^T": {"uninterpretable"},
}


def test_layered_batch_claims_with_the_label_after_the_layer():
    text = LAYERED + "".join(f"$${c}$$\n" for c in LAYERED_CLAIMS)
    rows = _verdicts(text)
    assert rows[r"C^{(t)} = \frac{1}{2}\|y^{(t)} - a^{L,(t)}\|^2"].status == "holds"
    for claim, allowed in LAYERED_CLAIMS.items():
        assert rows[claim].status in allowed, (claim, rows[claim].status, rows[claim].reason)


def test_a_name_a_formula_defines_is_not_a_function_before_a_transposed_bracket():
    # Review 25 B2: with δ^{(t)} = ∂L^{(t)}/∂g^{(t)} written as a formula, the claim's δ^{(t)} (x^{(t)})^T made δ a
    # function (δ of x, transposed) and the true ∂J/∂W = (1/m) Σ_t δ^{(t)} x^{(t)T} (by hand: g = W x, so
    # ∂L/∂W_{ij} = (∂L/∂g_i) x_j) was refuted on its shapes. A definition by a derivative is not part of the graph
    # model, so the claim is not judged: never refuted.
    notes = ("Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \\times 2$ matrix.\n"
             "$$h = \\tanh(g), \\quad g = W x$$\n$$L^{(t)} = \\frac{1}{2}\\|h^{(t)} - y^{(t)}\\|^2$$\n"
             "$$J = \\frac{1}{m}\\sum_{t=1}^{m} L^{(t)}$$\n$$\\delta^{(t)} = \\frac{\\partial L^{(t)}}{\\partial g^{(t)}}$$\n"
             "$$\\frac{\\partial J}{\\partial W} = \\frac{1}{m}\\sum_{t=1}^{m} \\delta^{(t)} (x^{(t)})^T$$\n")
    rows = {r.formula.line: r.result for r in verify_text(notes, "auto").rows}
    assert rows[6].status == "uninterpretable" and "never define" in rows[6].reason, rows[6]
    assert "function" not in rows[5].reason, rows[5]
