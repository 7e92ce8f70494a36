r"""A refutation under one-hot targets is confirmed at a one-hot target (rv52 A12).

symbp models "one-hot" by Σ_k y_k = 1 (the last target is what the others leave). A claim true for every one-hot y
and false for other y with Σ y = 1 was refuted at a target such as y = (2, −1): a target the claim is not about.
Example, with a softmax output and C = −Σ_k y_k ln a^L_k: δ^L = a^L − y (Σ y = 1), so for y = e_c
Σ_k y_k δ^L_k = a^L_c − 1 = Σ_k y_k a^L_k − 1 (checked below by ``sympy.diff``), while for y = (2, −1) it is
2a_1 − a_2 − 5 ≠ 2a_1 − a_2 − 1. The oracle (``confirm``) now evaluates at one-hot targets e_c only, so such a claim
is undecided (not shown either way, never refuted nor held), and a claim false at one-hot targets is refuted with a
one-hot counterexample.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify import verify

SUM_Y_DELTA = r"\sum_k y_k \delta^L_k = \sum_k y_k a^L_k - 1"
NORM = r"\|\delta^L\|^2 = \|a^L\|^2 - 2\sum_k y_k a^L_k + 1"


def _softmax_truth(n: int, target):
    z = sympy.symbols(f"z1:{n + 1}")
    total = sum(sympy.exp(v) for v in z)
    a = [sympy.exp(v) / total for v in z]
    cost = -sum(target[k] * sympy.log(a[k]) for k in range(n))
    delta = [sympy.diff(cost, v) for v in z]
    return a, delta


@pytest.mark.parametrize("c", [0, 1, 2])
def test_the_hand_truth_holds_at_every_one_hot_target(c):
    y = [int(k == c) for k in range(3)]
    a, delta = _softmax_truth(3, y)
    left = sum(y[k] * delta[k] for k in range(3))
    assert sympy.simplify(left - (sum(y[k] * a[k] for k in range(3)) - 1)) == 0
    norm = sum(d ** 2 for d in delta)
    assert sympy.simplify(norm - (sum(v ** 2 for v in a) - 2 * sum(y[k] * a[k] for k in range(3)) + 1)) == 0


def test_the_hand_truth_fails_for_a_target_that_only_sums_to_one():
    y = [2, -1]
    a, delta = _softmax_truth(2, y)
    left = sum(y[k] * delta[k] for k in range(2))
    assert sympy.simplify(left - (sum(y[k] * a[k] for k in range(2)) - 1)) != 0


@pytest.mark.parametrize("formula", [SUM_Y_DELTA, NORM])
def test_a_claim_true_for_one_hot_targets_is_never_refuted(formula):
    v = verify(formula, cost="softmax-cross-entropy", one_hot=True)
    assert v.status == "undecided", (v.status, v.reason)
    assert "one-hot targets" in v.reason


@pytest.mark.parametrize("formula", [r"\delta^L = a^L + y", r"\sum_k y_k \delta^L_k = \sum_k y_k a^L_k"])
def test_a_claim_false_for_one_hot_targets_is_refuted_at_one(formula):
    v = verify(formula, cost="softmax-cross-entropy", one_hot=True)
    assert v.status == "refuted", (v.status, v.reason)
    point = v.counterexample.point
    targets = sorted(value for name, value in point.items() if name.startswith("y_"))
    assert targets == ["0"] * (len(targets) - 1) + ["1"], point


def test_a_claim_true_for_every_target_summing_to_one_still_holds():
    v = verify(r"\frac{\partial C}{\partial z^L_j} = a^L_j - y_j", cost="softmax-cross-entropy", one_hot=True)
    assert v.status == "holds", v.reason


def test_notes_that_say_one_hot_no_longer_refute_the_one_hot_identities():
    from symbp.verify.notes import verify_text

    text = ("The output layer is a softmax, $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$, with the cost "
            "$C = -\\sum_k y_k \\ln a^L_k$.\nThe target $y$ is a one-hot vector.\n\n"
            f"$${SUM_Y_DELTA}$$\n\n$${NORM}$$\n")
    rows = {r.formula.text: r.result for r in verify_text(text, "auto").rows}
    assert rows[SUM_Y_DELTA].status == "undecided", rows[SUM_Y_DELTA].reason
    assert rows[NORM].status == "undecided", rows[NORM].reason
