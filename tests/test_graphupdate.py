"""Update rules in graph-style notes (``graphupdate``): the spellings review 11 found unread (``\\tilde{w}_{12}``
in a chain, ``\\tilde{w_{12}}``, ``w^{\\text{new}}``, ``W_{new}``, ``w^{\\text{old}}``, ``W^{(t+1)} = W^{(t)} - …``),
each tied to the parameter it updates. Truth by hand: with g = x W + b (x a row of 2, W 2×3),
g_j = x_1 w_{1j} + x_2 w_{2j} + b_j, so ∂L/∂w_{ij} = x_i ∂L/∂g_j and ∂L/∂W = xᵀ ∂L/∂g (a 2×3 matrix); a step of
gradient descent is P − η ∂L/∂P with η > 0. Every "holds" below is also re-derived by finite differences on a
concrete loss (``test_true_rules_agree_with_finite_differences``)."""

from __future__ import annotations

import numpy as np
import pytest

from symbp.verify.graphnodes import Sym, to_latex
from symbp.verify.graphread import read_graph as r
from symbp.verify.lexer import ReadError
from symbp.verify.graphupdate import is_update, mark_kind, new_value_of
from symbp.verify.notes import verify_text

ROW = r"""Let $x = (x_1, x_2)$ be a row vector and $W$ a $2 \times 3$ matrix. The layer computes $g = x W + b$,
then $h = \tanh(g)$ entrywise, and the loss is $L = L(h_1, h_2, h_3)$. Learning rate $\eta > 0$.
"""

# two matrices, so that a rule can start from the wrong one (hand: ∂L/∂W = xᵀ ∂L/∂g, ∂L/∂V = xᵀ ∂L/∂u)
TWO = r"""Let $x = (x_1, x_2)$ be a row vector, $W$ a $2 \times 2$ matrix and $V$ a $2 \times 2$ matrix.
The layer computes $g = x W$ and $u = x V$, and the loss is $L = L(g_1, g_2, u_1, u_2)$. Learning rate $\eta > 0$.
"""


def _verdicts(preamble: str, *claims: str) -> dict:
    text = preamble + "".join(f"\n$${c}$$\n" for c in claims)
    report = verify_text(text, "rowvector")
    return {row.formula.text: row.result for row in report.rows}


def _one(claim: str, preamble: str = ROW):
    return _verdicts(preamble, claim)[claim]


# -- a chain w \to \tilde{w} = …: the tilde names the new value of the same entry (review 11, n05/n06) ----------

@pytest.mark.parametrize("claim, status", [
    (r"w_{12} \to \tilde{w}_{12} = w_{12} - \eta\, x_1 \frac{\partial L}{\partial g_2}", "holds"),  # x_1 ∂L/∂g_2
    (r"w_{12} \to \tilde{w}_{12} = w_{12} - \eta\, x_2 \frac{\partial L}{\partial g_1}", "refuted"),  # that is w_21's
    (r"w_{12} \to \tilde{w_{12}} = w_{12} - \eta\, x_1 \frac{\partial L}{\partial g_2}", "holds"),
    (r"w_{12} \to \tilde{w_{12}} = w_{12} - \eta\, x_2 \frac{\partial L}{\partial g_1}", "refuted"),
    (r"w_{12} \to \tilde{w}_{12} = w_{12} + \eta\, x_1 \frac{\partial L}{\partial g_2}", "refuted"),  # uphill
    (r"w_{12} \to \tilde{w}_{12} = w_{22} - \eta\, x_1 \frac{\partial L}{\partial g_2}", "refuted"),  # wrong start
])
def test_tilde_chain(claim, status):
    assert _one(claim).status == status


def test_tilde_chain_wrong_start_is_named():
    v = _one(r"w_{12} \to \tilde{w}_{12} = w_{22} - \eta\, x_1 \frac{\partial L}{\partial g_2}")
    assert v.status == "refuted" and "starts from w_{22} instead of w_{12}" in v.reason


def test_tilde_naming_another_parameter_is_refuted():
    # the rule updates w_12 but calls the new value b̃_12: the name is a slip, not a definition of b̃
    v = _one(r"w_{12} \to \tilde{b}_{12} = w_{12} - \eta\, x_1 \frac{\partial L}{\partial g_2}")
    assert v.status == "refuted" and "names the new value of b_{12}" in v.reason


# -- new and old named by a script: w^{\text{new}}, W_{new}, w^{\text{old}} -------------------------------------

@pytest.mark.parametrize("claim, status", [
    (r"w_{21}^{\text{new}} = w_{21} - \eta\, x_2 \frac{\partial L}{\partial g_1}", "holds"),  # n06 line 15
    (r"w_{21}^{\text{new}} = w_{21} - \eta\, x_1 \frac{\partial L}{\partial g_1}", "refuted"),  # n06 line 17
    (r"w^{\text{new}}_{21} = w^{\text{old}}_{21} - \eta\, x_2 \frac{\partial L}{\partial g_1}", "holds"),
    (r"W_{new} = W - \eta\, x^T \frac{\partial L}{\partial g}", "holds"),
    (r"W_{\text{new}} = W_{\text{old}} - \eta\, x^T \frac{\partial L}{\partial g}", "holds"),
    (r"W_{\text{new}} = W_{\text{old}} - \eta\, x^T \frac{\partial L}{\partial h}", "refuted"),  # no tanh'
    (r"W_{new} = W + \eta\, x^T \frac{\partial L}{\partial g}", "refuted"),
    (r"b^{\text{new}} = b^{\text{old}} - \eta \frac{\partial L}{\partial g}", "holds"),  # ∂L/∂b_j = ∂L/∂g_j
    (r"b^{\text{new}} = W^{\text{old}} - \eta \frac{\partial L}{\partial g}", "refuted"),  # starts from W
])
def test_new_and_old_values(claim, status):
    assert _one(claim).status == status


def test_new_value_starting_elsewhere_names_the_slip():
    v = _one(r"b^{\text{new}}_2 = b_1 - \eta (1 - h_2^2) \frac{\partial L}{\partial h_2}")
    assert v.status == "refuted" and "starts from b_1 instead of b_2" in v.reason


# -- steps numbered in a superscript: W^{(t+1)} = W^{(t)} - … --------------------------------------------------

@pytest.mark.parametrize("claim, status", [
    (r"W^{(t+1)} = W^{(t)} - \eta\, x^T \frac{\partial L}{\partial g}", "holds"),
    # the gradient at the current W; W is square and no layout is declared: in the numerator layout ∂L/∂W is the
    # gradient transposed, so the layouts disagree (review F18; declared: ``test_superscript_steps_in_a_declared_layout``)
    (r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial L}{\partial W^{(t)}}", "ambiguous"),
    (r"W^{(t+1)} = W^{(t)} + \eta\, x^T \frac{\partial L}{\partial g}", "refuted"),  # wrong sign
    (r"W^{(t+1)} = W^{(t)} - \eta\, x^T \frac{\partial L}{\partial u}", "refuted"),  # V's gradient
    (r"W^{(t+1)} = V^{(t)} - \eta\, x^T \frac{\partial L}{\partial g}", "refuted"),  # wrong start
    (r"W^{(t)} = W^{(t-1)} - \eta\, x^T \frac{\partial L}{\partial g}", "holds"),
    (r"W^{(t)} = V^{(t-1)} - \eta\, x^T \frac{\partial L}{\partial g}", "refuted"),
    (r"W^{(k+1)} = W^{(k)} - \eta \frac{\partial L}{\partial W^{(k)}}", "ambiguous"),
    (r"V^{(k+1)} = V^{(k)} - \eta\, x^T \frac{\partial L}{\partial g}", "refuted"),  # W's gradient for V
])
def test_superscript_steps(claim, status):
    assert _one(claim, TWO).status == status


@pytest.mark.parametrize("layout, status", [("denominator", "holds"), ("numerator", "refuted")])
def test_superscript_steps_in_a_declared_layout(layout, status):
    # hand: ∂L/∂W is xᵀ ∂L/∂g in W's shape (denominator), its transpose in the numerator layout, and for a square W
    # a step by the transpose is no step of gradient descent
    for claim in (r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial L}{\partial W^{(t)}}",
                  r"W^{(k+1)} = W^{(k)} - \eta \frac{\partial L}{\partial W^{(k)}}"):
        assert _one(claim, f"We use the {layout} layout.\n\n" + TWO).status == status


def test_superscript_step_wrong_start_is_named():
    # as seed 001's bias step "b_l \to \tilde{b_l} = w_k - …": the new W starts from V
    v = _one(r"W^{(t+1)} = V^{(t)} - \eta\, x^T \frac{\partial L}{\partial g}", TWO)
    assert v.status == "refuted" and "starts from V instead of W" in v.reason


def test_step_letter_that_also_labels_a_sample_is_uninterpretable():
    # t numbers W's steps and labels L^{(t)}: the loss of sample t, or at step t? the notes do not say
    v = _one(r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial L^{(t)}}{\partial W}", TWO)
    assert v.status == "uninterpretable" and "numbers the steps of W" in v.reason and "L^{(t)}" in v.reason


def test_marked_name_outside_an_update_rule_is_uninterpretable():
    # w^{new} in a derivative claim is no quantity of the notes' graph: never read as w itself
    v = _one(r"\frac{\partial L}{\partial w_{12}^{\text{new}}} = x_1 \frac{\partial L}{\partial g_2}")
    assert v.status == "uninterpretable" and "w_{12}^{\\text{new}}" in v.reason
    v = _one(r"w^{\text{old}}_{12} = w_{12} - \eta\, x_1 \frac{\partial L}{\partial g_2}")
    assert v.status == "uninterpretable"


def test_new_value_is_never_a_definition():
    # g^{(t+1)} = x V would contradict g = x W if it were read as a definition of g
    v = _one(r"g^{(t+1)} = x V", TWO)
    assert v.status == "uninterpretable" and "g^{(t+1)}" in v.reason


# -- reading ----------------------------------------------------------------------------------------------------

def test_marks_are_read_and_printed_as_written():
    eq = r(r"W^{(t+1)} = W^{(t)} - \eta x")
    assert eq.sides[0] == Sym("W", (), "", "^{(t+1)}")
    assert eq.sides[1].terms[0] == Sym("W", (), "t")  # (t) alone stays a sample label: the rule decides
    assert to_latex(r(r"w_{21}^{\text{new}} = w_{21}")) == r"w_{21}^{\text{new}} = w_{21}"
    assert r(r"W_{new} = W").sides[0].mark == "_{new}"
    assert is_update(r(r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial L}{\partial W}"))


def test_layer_superscripts_are_not_steps():
    # W^{(l+1)} is the next layer, not a step; (t+1) is never a power
    with pytest.raises(ReadError, match="superscript"):
        r(r"W^{(l+1)} = W^{(l)} - x")
    assert r(r"g = x^{(t+1)}").sides[1] == Sym("x", (), "", "^{(t+1)}")  # a step label, not x to a power


def test_mark_kinds():
    assert mark_kind(Sym("W", (), "", "^{(t+1)}")) == ("step", "t", 1)
    assert mark_kind(Sym("W", (), "", "^{(t-1)}")) == ("step", "t", -1)
    assert mark_kind(Sym("W", (), "t")) == ("sample", "t")
    assert mark_kind(Sym("w", ("12",), "", "^{\\text{old}}")) == ("old",)
    assert new_value_of(Sym("\\tilde{w}", ("12",))) == Sym("w", ("12",))
    assert new_value_of(Sym("w'", ("12",))) == Sym("w", ("12",))
    assert new_value_of(Sym("w", ("12",), "", "^{\\text{old}}")) is None


# -- independent oracle: the true rules are steps along −∂L/∂W by finite differences ----------------------------

def _loss(x, W, b, t):
    # a concrete L(h_1, h_2, h_3) = ½ Σ (h_j − t_j)² with h = tanh(x W + b)
    return 0.5 * np.sum((np.tanh(x @ W + b) - t) ** 2)


def test_true_rules_agree_with_finite_differences():
    rng = np.random.default_rng(14)
    x, W, b, t = rng.normal(size=2), rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=3)
    eps = 1e-6
    grad_W = np.zeros((2, 3))
    for i in range(2):
        for j in range(3):
            d = np.zeros((2, 3))
            d[i, j] = eps
            grad_W[i, j] = (_loss(x, W + d, b, t) - _loss(x, W - d, b, t)) / (2 * eps)
    grad_g = np.zeros(3)
    for j in range(3):
        d = np.zeros(3)
        d[j] = eps
        grad_g[j] = (_loss(x, W, b + d, t) - _loss(x, W, b - d, t)) / (2 * eps)  # ∂L/∂g_j = ∂L/∂b_j
    # the rules judged "holds" above: ΔW = −η xᵀ ∂L/∂g, Δw_12 = −η x_1 ∂L/∂g_2, Δw_21 = −η x_2 ∂L/∂g_1
    assert np.allclose(np.outer(x, grad_g), grad_W, atol=1e-7)
    assert abs(x[0] * grad_g[1] - grad_W[0, 1]) < 1e-7
    assert abs(x[1] * grad_g[0] - grad_W[1, 0]) < 1e-7
    # and the refuted ones really differ: x_2 ∂L/∂g_1 is not ∂L/∂w_12
    assert abs(x[1] * grad_g[0] - grad_W[0, 1]) > 1e-3


# -- a step from another name written with := is an update rule to name, not a definition (review rv33 O3) ---------
# Before, W_2 := W_1 - η δ_2 a^T was read as a definition of W_2 that does not fit (4×3 minus 2×4), and every claim of
# the notes fell out of the graph reading. By hand (h = W_1 x, a = tanh h, y = W_2 a, L = ½‖y − t‖²): ∂L/∂W_2 = δ_2 aᵀ
# with δ_2 = y − t, ∂L/∂W_1 = δ_1 xᵀ with δ_1 = (1 − a²) ⊙ W_2ᵀ δ_2.
TWO_LAYER = r"""Let $x$ be a column vector with 3 entries, $W_1$ is a $4 \times 3$ matrix and $W_2$ is a $2 \times 4$
matrix. Let $h = W_1 x$, $a = \tanh(h)$, $y = W_2 a$ and $L = \frac12 \|y - t\|^2$.

We write $\delta_2 = y - t$ and $\delta_1 = (1 - a^2) \odot (W_2^T \delta_2)$.
"""


def test_an_assigned_step_from_another_name_is_an_update_rule():
    claims = {r"W_2 := W_1 - \eta \delta_2 a^T": ("refuted", "starts from W_1 instead of W_2"),
              r"W_2 := W_2 - \eta \delta_2 a^T": ("holds", ""), r"W_1 := W_1 - \eta \delta_1 x^T": ("holds", ""),
              r"W_1 := W_1 - \eta \delta_1 a^T": ("refuted", "")}
    got = _verdicts_column(TWO_LAYER, *claims)
    for claim, (status, words) in claims.items():
        assert got[claim].status == status and words in got[claim].reason, (claim, got[claim].reason)


def test_an_assignment_without_a_rate_still_defines():
    got = _verdicts_column(TWO_LAYER.replace("Let $h = W_1 x$", "Let $h := W_1 x$"),
                           r"\frac{\partial L}{\partial W_1} = \delta_1 x^T", r"\frac{\partial L}{\partial W_1} = \delta_1 a^T")
    assert [r.status for r in got.values()] == ["holds", "refuted"]


def _verdicts_column(preamble: str, *claims: str) -> dict:
    text = preamble + "".join(f"\n$${c}$$\n" for c in claims)
    return {row.formula.text: row.result for row in verify_text(text).rows if row.formula.text in claims}
