"""A batch claim that "holds" holds for every batch size m (review 19 F1, M3, M4; ``graphbatchform``).

The oracle is independent of symbp: the composed batch cost J = (1/M) Σ_k ½‖tanh(W x_k) − y_k‖² is built in SymPy for
M samples (M = 1 … 5) and differentiated with ``sympy.diff``; each claim's right side is built by hand for the same
M and compared at exact random points. Every wrong claim here agrees with the oracle at M = 1, 2, 3 and differs at
M = 4 (the review's point: three sizes are not enough), and must never come out "holds"."""

from __future__ import annotations

import random

import pytest
import sympy

from symbp.verify.graphbatch import batch_cost
from symbp.verify.graphbatchform import NotLinear, sizes_for
from symbp.verify.graphread import read_graph as r
from symbp.verify.notes import verify_text

HEAD = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.
$$h = \tanh(g), \quad g = W x$$
$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$
$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$
"""
GRAD = r"\frac{\partial L^{(t)}}{\partial W}"
CUBIC = "(m-1)(m-2)(m-3)"


def _rows(text: str) -> dict:
    return {row.formula.text: row.result for row in verify_text(text, "rowvector").rows}


def _verdict(claim: str, notes: str = HEAD):
    return _rows(notes + f"$${claim}$$\n")[claim]


# -- the independent oracle ------------------------------------------------------------------------------------

def _batch(M: int):
    """W, the samples' x_k, y_k, and ∂J/∂W by sympy.diff of the composed J = (1/M) Σ_k ½‖tanh(W x_k) − y_k‖²; also
    the per-sample gradients G_k = ∂L_k/∂W (sympy.diff of one sample's cost)."""
    W = sympy.Matrix(2, 2, lambda i, j: sympy.Symbol(f"w{i + 1}{j + 1}"))
    xs = [sympy.Matrix([sympy.Symbol(f"x{k}_{i}") for i in (1, 2)]) for k in range(M)]
    ys = [sympy.Matrix([sympy.Symbol(f"y{k}_{i}") for i in (1, 2)]) for k in range(M)]
    costs = [(((W * x).applyfunc(sympy.tanh) - y).T * ((W * x).applyfunc(sympy.tanh) - y))[0, 0] / 2
             for x, y in zip(xs, ys)]
    J = sum(costs, sympy.Integer(0)) / M
    grad = W.applyfunc(lambda w: sympy.diff(J, w))
    per = [W.applyfunc(lambda w, c=c: sympy.diff(c, w)) for c in costs]
    return W, grad, per


def _equal(a: sympy.Matrix, b: sympy.Matrix, seed: int = 5) -> bool:
    rng = random.Random(seed)
    for _ in range(2):
        point = {s: sympy.Rational(rng.randint(-9, 9) or 1, rng.randint(2, 7)) for s in (a - b).free_symbols}
        if any(abs(sympy.N(e.xreplace(point), 40)) > 1e-25 for e in (a - b)):
            return False
    return True


def _cubic(M: int):
    return sympy.Integer((M - 1) * (M - 2) * (M - 3))


# claim -> its right side built by hand from the oracle's pieces at M samples
RIGHT = rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {GRAD}"
WRONG = {
    "factor": (rf"\frac{{\partial J}}{{\partial W}} = \frac{{1 + {CUBIC}}}{{m}}\sum_{{t=1}}^{{m}} {GRAD}",
               lambda M, W, per: (1 + _cubic(M)) / M * sum(per, sympy.zeros(2, 2))),
    "term": (rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {GRAD} + {CUBIC} W",
             lambda M, W, per: sum(per, sympy.zeros(2, 2)) / M + _cubic(M) * W),
    "in 1/m only": (rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {GRAD} + "
                    r"(1 - \frac{1}{m})(1 - \frac{2}{m})(1 - \frac{3}{m}) W",
                    lambda M, W, per: sum(per, sympy.zeros(2, 2)) / M
                    + sympy.Rational((M - 1) * (M - 2) * (M - 3), M ** 3) * W),
}


def test_the_right_batch_gradient_holds_and_agrees_with_sympy_diff_at_four_and_five_samples():
    for M in (1, 4, 5):
        W, grad, per = _batch(M)
        assert _equal(grad, sum(per, sympy.zeros(2, 2)) / M)
    v = _verdict(RIGHT)
    assert v.status == "holds", v.reason
    assert "m = 1, 2, 3 samples" in v.reason


@pytest.mark.parametrize("name", list(WRONG))
def test_a_claim_wrong_only_from_four_samples_on_is_refuted_at_four(name):
    claim, hand = WRONG[name]
    agree = {}
    for M in (1, 2, 3, 4):
        W, grad, per = _batch(M)
        agree[M] = _equal(grad, hand(M, W, per))
    assert agree == {1: True, 2: True, 3: True, 4: False}  # the oracle: right on 1, 2, 3 samples, wrong on 4
    v = _verdict(claim)
    assert v.status == "refuted", v.reason
    assert "on a mini-batch of m = 4 samples" in v.reason


def test_one_samples_output_with_the_cubic_factor_is_refuted_at_four():
    # ∂J/∂h^{(t)} = (1/m)(h^{(t)} − y^{(t)}) by sympy.diff of J over M samples with h_1 free; the factor
    # (1 + (m−1)(m−2)(m−3))/m is 1/M at M ≤ 3 and 7/4 at M = 4
    for M in (3, 4):
        h = [sympy.Matrix(2, 1, lambda i, j, k=k: sympy.Symbol(f"h{k}_{i}")) for k in range(M)]
        y = [sympy.Matrix(2, 1, lambda i, j, k=k: sympy.Symbol(f"y{k}_{i}")) for k in range(M)]
        J = sum((((hk - yk).T * (hk - yk))[0, 0] / 2 for hk, yk in zip(h, y)), sympy.Integer(0)) / M
        true = sympy.diff(J, h[0][0])
        claimed = (1 + _cubic(M)) / M * (h[0][0] - y[0][0])
        assert sympy.simplify(true - claimed) == 0 if M == 3 else sympy.simplify(true - claimed) != 0
    right = _verdict(r"\frac{\partial J}{\partial h^{(t)}} = \frac{1}{m}(h^{(t)} - y^{(t)})")
    assert right.status == "holds", right.reason
    v = _verdict(rf"\frac{{\partial J}}{{\partial h^{{(t)}}}} = \frac{{1 + {CUBIC}}}{{m}}(h^{{(t)}} - y^{{(t)}})")
    assert v.status == "refuted" and "m = 4 samples" in v.reason, v.reason


def test_update_rule_with_the_cubic_factor_is_refuted_naming_the_rates():
    # the step at M = 4 is η (1 + 6)/4 Σ G_k = 7η ∂J/∂W (sympy.diff): not the one rate η of M ≤ 3
    W, grad, per = _batch(4)
    eta = sympy.Symbol("eta", positive=True)
    assert _equal(eta * (1 + _cubic(4)) / 4 * sum(per, sympy.zeros(2, 2)), 7 * eta * grad)
    v = _verdict(rf"W \leftarrow W - \frac{{\eta (1 + {CUBIC})}}{{m}}\sum_{{t=1}}^{{m}} {GRAD}")
    assert v.status == "refuted", v.reason
    assert "7η at m = 4" in v.reason and "without 1/m" not in v.reason
    right = rf"W \leftarrow W - \frac{{\eta}}{{m}}\sum_{{t=1}}^{{m}} {GRAD}"
    assert _verdict(right, "We use the denominator layout.\n\n" + HEAD).status == "holds"
    # W is square and no layout is declared: in the numerator layout the step is the gradient transposed (review F18)
    assert _verdict(right).status == "ambiguous"


@pytest.mark.parametrize("claim, why", [
    # tanh((m−1)(m−2)(m−3)) = 0 at m = 1, 2, 3 only: m inside a function is not read
    (rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m}} {GRAD} + \tanh({CUBIC}) W", "m in a way"),
    # 0/0 at m = 4: the claim says nothing there
    (rf"\frac{{\partial J}}{{\partial W}} = \frac{{m - 4}}{{m \cdot (m - 4)}}\sum_{{t=1}}^{{m}} {GRAD}", "0 at m = 4"),
    # m(…) reads as a function: never a false refutation at m = 1, never a hold
    (rf"\frac{{\partial J}}{{\partial W}} = \frac{{6}}{{m(m^2 - 6m + 11)}}\sum_{{t=1}}^{{m}} {GRAD}", "before a bracket"),
])
def test_m_where_it_is_not_read_is_uninterpretable_never_holds(claim, why):
    v = _verdict(claim)
    assert v.status == "uninterpretable", (v.status, v.reason)
    assert why in v.reason


def test_the_sizes_follow_the_degree_in_m():
    cost = batch_cost(r(r"J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}"), 4)
    assert sizes_for(r(RIGHT), cost, 0) == (1, 2, 3)
    assert sizes_for(r(WRONG["factor"][0]), cost, 0) == (1, 2, 3, 4, 5)  # degree 4 once 1/m is cleared
    assert sizes_for(r(WRONG["term"][0]), cost, 0) == (1, 2, 3, 4, 5)
    assert sizes_for(r(WRONG["in 1/m only"][0]), cost, 0) == (1, 2, 3, 4)
    with pytest.raises(NotLinear):  # a product of two sums over the samples
        sizes_for(r(r"\frac{\partial J}{\partial W} = \frac{1}{m^2}\sum_{t=1}^{m} x^{(t)} "
                    r"\sum_{s=1}^{m} (x^{(s)})^T"), cost, 0)
    with pytest.raises(NotLinear):  # degree 9: more than 8 samples
        sizes_for(r(r"\frac{\partial J}{\partial W} = \frac{1 + (m-1)(m-2)(m-3)(m-4)(m-5)(m-6)(m-7)(m-8)}{m}"
                    r"\sum_{t=1}^{m} G^{(t)}"), cost, 0)


# -- the notes' own m (review 19 M3) ------------------------------------------------------------------------------

def _with_size(sentence: str, claim: str, at_end: bool = False):
    notes = HEAD + (f"$${claim}$$\n{sentence}\n" if at_end else f"{sentence}\n$${claim}$$\n")
    return _rows(notes)[claim]


@pytest.mark.parametrize("sentence, at_end", [("Each mini-batch has $m = 32$ samples.", False),
                                              ("In our experiments $m = 32$.", True),
                                              ("We use mini-batches of $m = 4$ samples.", False)])
def test_a_batch_size_in_the_prose_is_the_notes_m_not_an_error(sentence, at_end):
    v = _with_size(sentence, RIGHT, at_end)
    assert v.status == "holds", v.reason
    assert "so also for the notes' m = " in v.reason


def test_a_claim_true_only_for_the_notes_m_is_conditional_on_it():
    # (1/4) Σ_{t=1}^{m} ∂L^{(t)}/∂W: ∂J/∂W at M = 4 (sympy.diff), not at M = 2
    for M, same in ((4, True), (2, False)):
        W, grad, per = _batch(M)
        assert _equal(grad, sum(per, sympy.zeros(2, 2)) / 4) == same
    claim = rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{4}}\sum_{{t=1}}^{{m}} {GRAD}"
    v = _with_size("We use mini-batches of $m = 4$ samples.", claim)
    assert v.status == "conditional", v.reason
    assert "m = 4 (line" in v.reason
    missing = rf"\frac{{\partial J}}{{\partial W}} = \sum_{{t=1}}^{{m}} {GRAD}"  # wrong at M = 4 too
    assert _with_size("We use mini-batches of $m = 4$ samples.", missing).status == "refuted"
    # m = 32 is not checked: a claim refuted on small batches may be about it, so it is undecided, never holds
    big = _with_size("Each mini-batch has $m = 32$ samples.", missing)
    assert big.status == "undecided" and "m = 32" in big.reason, big.reason


# -- a sum whose letter is a free index (review 19 M4) -------------------------------------------------------------

def test_a_sum_over_the_free_index_gives_the_index_clash_as_reason():
    claim = (r"\frac{\partial J}{\partial w_{ij}} = \frac{1}{m}\sum_{j=1}^{m} \frac{\partial L^{(j)}}{\partial g^{(j)}_i}"
             r" x^{(j)}_j")
    v = _verdict(claim)
    assert v.status == "uninterpretable"
    assert "j labels a sample" in v.reason and "indexes an entry" in v.reason
    assert "never define" not in v.reason


def test_a_label_with_the_letter_of_the_batch_size_is_not_any_sample():
    # (1/m) Σ_{t=1}^{m-1} ∂L^{(t)}/∂W + (1/m) ∂L^{(m)}/∂W is ∂J/∂W for every m (L^{(m)}: the last sample); it was
    # refuted "on a mini-batch of m = 2 samples, sample m = 1" (m taken as a free sample letter)
    claim = (rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{m}}\sum_{{t=1}}^{{m-1}} {GRAD} + "
             r"\frac{1}{m}\frac{\partial L^{(m)}}{\partial W}")
    v = _verdict(claim)
    assert v.status == "uninterpretable" and "last" in v.reason, v.reason


# -- review 22 X3, X4: only an asserted m is the notes' m; m = 2^2 is m = 4 ---------------------------------------

QUARTER = rf"\frac{{\partial J}}{{\partial W}} = \frac{{1}}{{4}}\sum_{{t=1}}^{{m}} {GRAD}"


@pytest.mark.parametrize("sentence", [
    "We do not take $m = 4$.", "Suppose for a moment $m = 4$.", "If $m = 4$, the sum has four terms.",
    "For example, $m = 4$ would give four terms.", "Kdyby $m = 4$, suma by měla čtyři členy.",
    "Мы не берём $m = 4$.", "Załóżmy na chwilę, że $m = 4$.",
])
def test_a_denied_or_imagined_batch_size_names_no_m(sentence):
    """(1/4) Σ ∂L^{(t)}/∂W is ∂J/∂W at M = 4 only (oracle: not at M = 2). Under a denied or imagined m = 4 it was
    conditional on that m "of the notes"; the notes assert no m, so it is refuted for every m."""
    W, grad, per = _batch(2)
    assert not _equal(grad, sum(per, sympy.zeros(2, 2)) / 4)
    v = _with_size(sentence, QUARTER)
    assert v.status == "refuted", (v.status, v.reason)
    assert "the notes' mini-batch of m = 4" not in v.reason
    assert _with_size(sentence, RIGHT).status == "holds"


@pytest.mark.parametrize("size", ["2^2", "2 \\cdot 2", "2^{2}"])
def test_a_batch_size_written_as_a_power_or_product_is_read(size):
    """$m = 2^2$ is the notes' m = 4 (was: not read as a size, m a leaf of the model: the right mean refuted)."""
    W, grad, per = _batch(4)
    assert _equal(grad, sum(per, sympy.zeros(2, 2)) / 4)
    v = _with_size(f"We use mini-batches of $m = {size}$ samples.", RIGHT)
    assert v.status == "holds" and "so also for the notes' m = 4" in v.reason, (v.status, v.reason)
    v = _with_size(f"We use mini-batches of $m = {size}$ samples.", QUARTER)
    assert v.status == "conditional" and "m = 4 (line" in v.reason, (v.status, v.reason)
