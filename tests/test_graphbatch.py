"""Per-sample quantities and mini-batches in graph notes (issue 14, item 4), and the locality of a definition
the graph path cannot read.

Every verdict on a claim about the batch cost J is compared with an independent oracle written here: the
composed batch cost J = (1/M) Σ_k ½‖tanh(W x_k) − y_k‖² built directly in SymPy for M = 1, 2, 3 samples,
differentiated with ``sympy.diff``, against the claim's right side built by hand; the two are compared at exact
random points. A claim "holds" only where the oracle finds the sides equal on every M, and each wrong variant is
one the oracle separates on some M ≥ 2."""

from __future__ import annotations

import random

import pytest
import sympy

from symbp.verify.graphbatch import batch_cost
from symbp.verify.graphread import read_graph as r
from symbp.verify.notes import verify_text

NOTES = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.
$$h = \tanh(g), \quad g = W x$$
$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$
$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$
$$\frac{\partial L^{(t)}}{\partial h^{(t)}} = h^{(t)} - y^{(t)}, \quad
  \frac{\partial L^{(t)}}{\partial g^{(t)}} = (h^{(t)} - y^{(t)}) \odot (1 - (h^{(t)})^2)$$
"""
# (the last two claims, gradients written as columns, fix the notes' layout: the denominator one)

#: The per-sample error (h − y) ⊙ tanh'(g), as the claims write it.
DELTA = r"\left((h^{(t)} - y^{(t)}) \odot (1 - (h^{(t)})^2)\right)"


def _rows(text: str, notation: str = "rowvector") -> dict:
    report = verify_text(text, notation)
    return {row.formula.text: row.result for row in report.rows}


def _verdict(claim: str, notes: str = NOTES, notation: str = "rowvector"):
    return _rows(notes + f"$${claim}$$\n", notation)[claim]


# -- the independent oracle ------------------------------------------------------------------------------------

def _batch(M: int):
    """W, the samples' x_k and y_k, their h_k and δ_k = (h_k − y_k) ⊙ (1 − h_k²), and ∂J/∂W by sympy.diff of the
    composed J = (1/M) Σ_k ½‖tanh(W x_k) − y_k‖²."""
    W = sympy.Matrix(2, 2, lambda i, j: sympy.Symbol(f"w{i + 1}{j + 1}"))
    xs = [sympy.Matrix([sympy.Symbol(f"x{k}_{i}") for i in (1, 2)]) for k in range(M)]
    ys = [sympy.Matrix([sympy.Symbol(f"y{k}_{i}") for i in (1, 2)]) for k in range(M)]
    hs = [(W * x).applyfunc(sympy.tanh) for x in xs]
    J = sum((((h - y).T * (h - y))[0, 0] / 2 for h, y in zip(hs, ys)), sympy.Integer(0)) / M
    grad = W.applyfunc(lambda w: sympy.diff(J, w))
    deltas = [sympy.Matrix([(h[i] - y[i]) * (1 - h[i] ** 2) for i in range(2)]) for h, y in zip(hs, ys)]
    return W, xs, ys, deltas, grad


def _equal(a: sympy.Matrix, b: sympy.Matrix, seed: int = 3) -> bool:
    """a = b at three exact random points (50 digits): enough to separate the wrong variants below."""
    rng = random.Random(seed)
    for _ in range(3):
        point = {s: sympy.Rational(rng.randint(-9, 9) or 1, rng.randint(2, 7)) for s in (a - b).free_symbols}
        if any(abs(sympy.N(e.xreplace(point), 50)) > 1e-30 for e in (a - b)):
            return False
    return True


# each claim: its right side built by hand from the oracle's pieces (None: the product cannot be formed)
ORACLE_SIDES = {
    "true": lambda M, xs, d: sum((d[k] * xs[k].T for k in range(M)), sympy.zeros(2, 2)) / M,
    "no 1/m": lambda M, xs, d: sum((d[k] * xs[k].T for k in range(M)), sympy.zeros(2, 2)),
    "one sample's x": lambda M, xs, d: sum((d[k] * xs[0].T for k in range(M)), sympy.zeros(2, 2)) / M,  # s = 1
    "wrong index": lambda M, xs, d: sum((d[0] * xs[0].T for k in range(M)), sympy.zeros(2, 2)) / M,  # t = 1
    "transposed": lambda M, xs, d: sum((xs[k] * d[k].T for k in range(M)), sympy.zeros(2, 2)) / M,
}

CLAIMS = {
    "true": rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {DELTA} (x^{{(t)}})^T",
    "no 1/m": rf"\frac{{\partial J}}{{\partial W}} = \sum_{{t=1}}^{{m}} {DELTA} (x^{{(t)}})^T",
    "one sample's x": rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {DELTA} (x^{{(s)}})^T",
    "wrong index": rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{s=1}}^{{m}} {DELTA} (x^{{(t)}})^T",
    "transposed": rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} x^{{(t)}} {DELTA}^T",
}


@pytest.mark.parametrize("name", list(CLAIMS))
def test_batch_gradient_claims_agree_with_sympy_diff_of_the_composed_batch_cost(name):
    oracle = {}
    for M in (1, 2, 3):
        W, xs, ys, deltas, grad = _batch(M)
        oracle[M] = _equal(grad, ORACLE_SIDES[name](M, xs, deltas))
    v = _verdict(CLAIMS[name])
    if name == "true":
        assert all(oracle.values())
        assert v.status == "holds", v.reason
        assert "m = 1, 2, 3" in v.reason  # the verdict names the batch sizes checked
    else:
        assert not all(oracle[M] for M in (2, 3))
        assert v.status == "refuted", v.reason
        assert "m = 1, 2, 3" in v.reason


def test_missing_mean_holds_on_one_sample_and_is_refuted_on_two():
    # the oracle: without 1/m the claim is exact at M = 1 and wrong at M = 2 — the verifier must look past m = 1
    W, xs, ys, deltas, grad = _batch(1)
    assert _equal(grad, ORACLE_SIDES["no 1/m"](1, xs, deltas))
    v = _verdict(CLAIMS["no 1/m"])
    assert v.status == "refuted" and "on a mini-batch of m = 2 samples" in v.reason


def test_missing_transpose_is_refuted_by_shapes():
    # δ x^{(t)} is a column times a column: the product cannot be formed
    claim = rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {DELTA} x^{{(t)}}"
    v = _verdict(claim)
    assert v.status == "refuted" and "does not multiply" in v.reason


def test_entry_claim_against_sympy_diff():
    claim = (r"\frac{\partial J}{\partial w_{12}} = \frac{1}{m}\sum_{t=1}^{m} (h_1^{(t)} - y_1^{(t)})"
             r"(1 - (h_1^{(t)})^2) x_2^{(t)}")
    for M in (1, 2, 3):
        W, xs, ys, deltas, grad = _batch(M)
        hand = sum((deltas[k][0] * xs[k][1] for k in range(M)), sympy.Integer(0)) / M
        assert _equal(sympy.Matrix([grad[0, 1]]), sympy.Matrix([hand]))
    assert _verdict(claim).status == "holds"
    wrong = claim.replace(r"\frac{1}{m}", "")
    assert _verdict(wrong).status == "refuted"


def test_gradient_by_one_samples_output_checked_for_every_sample():
    # ∂J/∂h^{(t)} = (1/m)(h^{(t)} − y^{(t)}): J reaches h^{(t)} only through L^{(t)}
    for M in (1, 2, 3):
        W, xs, ys, deltas, grad = _batch(M)
        h0 = sympy.Matrix(2, 1, lambda i, j: sympy.Symbol(f"h0_{i}"))
        J = sum((((h0 if k == 0 else sympy.zeros(2, 1)) - ys[k]).T * ((h0 if k == 0 else sympy.zeros(2, 1)) - ys[k]))
                [0, 0] / 2 for k in range(M)) / M
        assert _equal(sympy.Matrix([sympy.diff(J, h0[0])]), sympy.Matrix([(h0[0] - ys[0][0]) / M]))
    v = _verdict(r"\frac{\partial J}{\partial h^{(t)}} = \frac{1}{m}(h^{(t)} - y^{(t)})")
    assert v.status == "holds" and "every sample t" in v.reason
    assert _verdict(r"\frac{\partial J}{\partial h^{(t)}} = h^{(t)} - y^{(t)}").status == "refuted"
    assert _verdict(r"\frac{\partial J}{\partial W} = \frac{\partial L^{(t)}}{\partial W}").status == "refuted"


def test_claim_about_one_sample_is_checked_on_its_own_graph():
    W, xs, ys, deltas, grad = _batch(1)  # M = 1: J is that sample's L
    assert _equal(grad, deltas[0] * xs[0].T)
    v = _verdict(rf"\frac{{\partial L^{{(t)}}}}{{\partial W}} = {DELTA} (x^{{(t)}})^T")
    assert v.status == "holds"
    assert _verdict(rf"\frac{{\partial L^{{(t)}}}}{{\partial W}} = {DELTA} (x^{{(t)}})^T".replace(
        "(x^{(t)})^T", "x^{(t)}")).status == "refuted"
    # two samples in a claim about one: never read as the same sample
    assert _verdict(rf"\frac{{\partial L^{{(t)}}}}{{\partial W}} = {DELTA} (x^{{(s)}})^T").status == "uninterpretable"


@pytest.mark.parametrize("claim, why", [
    (rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {DELTA} x^T", "differs from sample"),
    (r"\frac{\partial J}{\partial W} = \frac{1}{n}\sum_{t=1}^{n} \frac{\partial L^{(t)}}{\partial W}",
     "never say the two are equal"),
    (r"\frac{\partial J}{\partial x} = W^T (h - y)", "differs from sample"),
    (r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W^{(t)}}",
     "differs from sample to sample"),  # W labelled by a sample somewhere: never taken as shared
])
def test_unsaid_sample_is_uninterpretable_never_holds(claim, why):
    v = _verdict(claim)
    assert v.status == "uninterpretable" and why in v.reason, v.reason


def test_sum_of_sample_gradients_holds():
    v = _verdict(r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}")
    assert v.status == "holds"
    assert _verdict(r"\frac{\partial J}{\partial W} = \sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}").status \
        == "refuted"
    assert _verdict(r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m-1} \frac{\partial L^{(t)}}{\partial W}"
                    ).status == "refuted"


@pytest.mark.parametrize("cost, status_mean, status_sum", [
    (r"\frac1m\sum_t L^{(t)}", "holds", "refuted"),
    (r"\frac{1}{m}\sum_{t=1}^{m} L^{(t)}", "holds", "refuted"),
    (r"\sum_{t=1}^{m} L^{(t)}", "refuted", "holds"),  # a total cost: the sum without 1/m is its gradient
])
def test_batch_cost_forms(cost, status_mean, status_sum):
    notes = NOTES.replace(r"\frac{1}{m}\sum_{t=1}^{m} L^{(t)}", cost)
    mean = r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"
    total = r"\frac{\partial J}{\partial W} = \sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"
    assert _verdict(mean, notes).status == status_mean
    assert _verdict(total, notes).status == status_sum


def test_batch_cost_with_n():
    notes = NOTES.replace(r"\frac{1}{m}\sum_{t=1}^{m} L^{(t)}", r"\frac1N\sum_{n=1}^N L^{(n)}")
    claim = r"\frac{\partial J}{\partial W} = \frac{1}{N}\sum_{n=1}^{N} \frac{\partial L^{(n)}}{\partial W}"
    v = _verdict(claim, notes)
    assert v.status == "holds" and "N = 1, 2, 3" in v.reason


def test_batch_cost_reading():
    assert batch_cost(r(r"J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}"), 1).mean
    assert not batch_cost(r(r"J = \sum_t L^{(t)}"), 1).mean
    assert batch_cost(r(r"J = \frac{1}{m}\sum_{t=1}^{m-1} L^{(t)}"), 1) is None  # m − 1 terms over m
    assert batch_cost(r(r"J = \frac{1}{m}\sum_{t=1}^{m} L"), 1) is None  # the summand names no sample
    # the letter of its own summand: L the mean of the L^{(t)} (tests/test_graph_same_letter_cost.py says when)
    same = batch_cost(r(r"L = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}"), 1)
    assert (same.name, same.sample_cost, same.mean) == ("L", "L", True)


@pytest.mark.parametrize("rule, status", [
    # the step over η is the oracle's "true" side: (1/M) Σ_k δ_k x_kᵀ = ∂J/∂W at every M
    (rf"W' = W - \frac{{\eta}}{{m}}\sum_{{t=1}}^{{m}} {DELTA} (x^{{(t)}})^T", "holds"),
    (r"W' = W - \frac{\eta}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}", "holds"),
    (r"W \leftarrow W - \eta \frac{\partial J}{\partial W}", "holds"),
    (r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial J}{\partial W}", "holds"),  # (t) beside (t+1) numbers steps
    # the oracle's "no 1/m" side: M times ∂J/∂W, a rate that grows with the batch
    (rf"W' = W - \eta\sum_{{t=1}}^{{m}} {DELTA} (x^{{(t)}})^T", "refuted"),
    (rf"W' = W - \frac{{\eta}}{{m}}\sum_{{t=1}}^{{m}} x^{{(t)}} {DELTA}^T", "refuted"),  # transposed
    (r"W \leftarrow W + \eta \frac{\partial J}{\partial W}", "refuted"),  # uphill
    (r"W \leftarrow W - \frac{\eta}{m} \frac{\partial J}{\partial W}", "uninterpretable"),  # a second 1/m
])
def test_update_rules_on_the_batch_cost(rule, status):
    for M in (1, 2, 3):
        W, xs, ys, deltas, grad = _batch(M)
        assert _equal(grad, ORACLE_SIDES["true"](M, xs, deltas))
        assert _equal(M * grad, ORACLE_SIDES["no 1/m"](M, xs, deltas))
    v = _verdict(rule)
    assert v.status == status, v.reason


def test_a_step_rule_does_not_make_the_parameter_differ_per_sample():
    notes = NOTES + "$$W^{(t+1)} = W^{(t)} - \\eta \\frac{\\partial J}{\\partial W}$$\n"
    claim = r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"
    v = _verdict(claim, notes)
    assert v.status == "holds" and "W is shared" in v.reason


# -- locality (issue 14 item 4, step 1) ------------------------------------------------------------------------

ISSUE = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.
$$h = \sigma(g), \quad g = W x$$
$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$
$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$
$$\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}$$
$$\frac{\partial g_1}{\partial w_{12}} = x_2$$
"""


@pytest.mark.parametrize("notation", ["auto", "rowvector"])
def test_issue_file_is_judged(notation):
    rows = _rows(ISSUE, notation)
    assert rows[r"\frac{\partial g_1}{\partial w_{12}} = x_2"].status == "holds"
    assert rows[r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"
                ].status == "holds"


UNREAD = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.
$$h = \sigma(g), \quad g = W x$$
$$u = \frac{1}{m}\sum_{t=1}^{m} h_1^{(t)}$$
$$K = 2 u$$
"""


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial K}{\partial w_{11}} = 0", "uninterpretable"),  # 0 only if u were a free input
    (r"\frac{\partial K}{\partial x_1} = 0", "uninterpretable"),
    (r"\frac{\partial u}{\partial x_1} = 0", "uninterpretable"),
    (r"\frac{\partial K}{\partial u} = 2", "holds"),  # true however u is computed
    (r"\frac{\partial g_1}{\partial w_{12}} = x_2", "holds"),  # the rest of the notes is judged
    (r"\frac{\partial g_1}{\partial w_{12}} = x_1", "refuted"),
])
def test_unread_definition_stays_on_its_line_and_is_never_an_input(claim, status):
    rows = _rows(UNREAD + f"$${claim}$$\n")
    assert rows[claim].status == status, rows[claim].reason
    unread = rows[r"u = \frac{1}{m}\sum_{t=1}^{m} h_1^{(t)}"]
    assert unread.status == "uninterpretable" and "not read" in unread.reason


def test_claim_on_an_unread_cost_names_its_line():
    notes = ISSUE.replace(r"\sum_{t=1}^{m} L^{(t)}$$", r"\sum_{t=1}^{m-1} L^{(t)}$$")  # not a batch cost
    rows = _rows(notes)
    claim = rows[r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"]
    assert claim.status == "uninterpretable" and "line 4 is not read" in claim.reason
    assert rows[r"\frac{\partial g_1}{\partial w_{12}} = x_2"].status == "holds"


# Review 19 F15: a regularization term named in words was ignored in graph notes, so ∂L/∂w_{12} without the term's
# λ w_{12} held, and so did a batch step without λW. From the words' line on (from the start when stated for the
# whole notes) a derivative by a quantity the graph does not compute, or a step, is uninterpretable; ∂L/∂h keeps its
# verdict. The oracle: L = ½‖tanh(W x) − y‖² (+ λ/2 Σ w²) differentiated by ``sympy.diff`` at an exact random point.
_ONE = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.
$$g = W x, \quad h = \tanh(g)$$
$$L = \frac{1}{2}\|h - y\|^2$$
"""
_BY_W12 = r"\frac{\partial L}{\partial w_{12}} = (h_1 - y_1)(1 - h_1^2) x_2"
_BY_W12_WRONG = r"\frac{\partial L}{\partial w_{12}} = (h_1 - y_1)(1 - h_1^2) x_1"
_BY_H1 = r"\frac{\partial L}{\partial h_1} = h_1 - y_1"


def _one_sample_oracle(lam) -> "tuple[bool, bool]":
    """(∂L/∂w_{12} equals the claim, equals the wrong variant) for L + λ/2 Σ w² at an exact random point."""
    rnd = random.Random(19)
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    x, y = sympy.Matrix(sympy.symbols("x1 x2")), sympy.Matrix(sympy.symbols("y1 y2"))
    h = (w * x).applyfunc(sympy.tanh)
    loss = sum((h[i] - y[i]) ** 2 for i in range(2)) / 2 + lam * sum(v ** 2 for v in w) / 2
    point = {s: sympy.Rational(rnd.randint(-9, 9), 7) for s in (*w, *x, *y)}
    by_w12 = sympy.diff(loss, w[0, 1]).subs(point)
    right, wrong = ((h[0] - y[0]) * (1 - h[0] ** 2) * v for v in (x[1], x[0]))
    same = lambda a, b: abs(sympy.N(a - b.subs(point), 30)) < 1e-25  # noqa: E731
    return same(by_w12, right), same(by_w12, wrong)


def test_the_oracle_separates_the_regularized_gradient():
    assert _one_sample_oracle(0) == (True, False)
    assert _one_sample_oracle(sympy.Rational(3, 10)) == (False, False)


@pytest.mark.parametrize("words", ["The loss also contains an L2 regularization term on $W$.",
                                   "Not surprisingly, we train with weight\ndecay."])
def test_graph_notes_regularization_in_words_leaves_weight_gradients_unjudged(words):
    claims = (_BY_W12, _BY_W12_WRONG, _BY_H1)
    rows = _rows(_ONE + words + "\n" + "".join(f"$${c}$$\n" for c in claims), "auto")
    assert rows[_BY_W12].status == "uninterpretable" and "regularization term" in rows[_BY_W12].reason, rows[_BY_W12]
    assert rows[_BY_W12_WRONG].status == "uninterpretable", rows[_BY_W12_WRONG]
    assert rows[_BY_H1].status == "holds", rows[_BY_H1]  # a term in W does not change ∂L/∂h


def test_graph_notes_a_later_term_keeps_the_verdicts_and_a_denial_does_not():
    claims = "".join(f"$${c}$$\n" for c in (_BY_W12, _BY_W12_WRONG))
    rows = _rows(_ONE + claims + "From now on the loss also contains weight decay.\n", "auto")
    assert rows[_BY_W12].status == "holds" and rows[_BY_W12_WRONG].status == "refuted", rows
    rows = _rows(_ONE + "We train without regularization.\n" + claims, "auto")  # a denial counts too (review 22)
    assert rows[_BY_W12].status == "uninterpretable", rows[_BY_W12]
    rows = _rows(_ONE + claims + "Throughout, the loss also contains weight decay.\n", "auto")  # reaches back
    assert rows[_BY_W12].status == "uninterpretable", rows[_BY_W12]


def test_graph_notes_weight_decay_on_the_batch_cost_leaves_the_step_unjudged():
    step = r"W \leftarrow W - \frac{\eta}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"
    grad = r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"
    plain = _rows(NOTES + f"$${grad}$$\n$${step}$$\n")
    assert plain[grad].status == "holds" and plain[step].status == "holds", plain
    rows = _rows(NOTES + f"We train with weight decay on the batch cost.\n$${grad}$$\n$${step}$$\n")
    assert rows[grad].status == "uninterpretable" and rows[step].status == "uninterpretable", rows
