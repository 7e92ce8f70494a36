r"""Review rv34: held-out notes for issue 14 (graph notes, update rules, per-sample quantities).

Truth by hand:

* Nielsen, ch. 1, eq. (20)–(21): for a mini-batch X_1 … X_m the step is w → w − (η/m) Σ_j ∂C_{X_j}/∂w, the
  gradient of the mini-batch cost (1/m) Σ_j C_{X_j}; without the 1/m it is the gradient of the sum (a slip), by
  ∂C_{X_j}/∂b the bias step must use the bias's gradient, and a step of b that starts from w is a slip. How the
  layer is written (w^l, w^{l}, w^{(l)}) does not change any of this.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

BATCH = r"""A mini-batch of $m$ training inputs $x_1, \dots, x_m$ is drawn; the learning rate is $\eta > 0$.
"""


def _verdicts(preamble: str, *claims: str, notation: str = "auto") -> dict:
    text = preamble + "".join(f"\n$${c}$$\n" for c in claims)
    report = verify_text(text, notation)
    return {row.formula.text: row.result for row in report.rows}


def _one(claim: str, preamble: str = BATCH, notation: str = "auto"):
    return _verdicts(preamble, claim, notation=notation)[claim]


# -- B1: a layer in braces made Nielsen's mini-batch step a false refute ("not over i") ------------------------

@pytest.mark.parametrize("claim, status", [
    (r"w^{l} \to w^{l} - \frac{\eta}{m} \sum_{j=1}^{m} \frac{\partial C_{X_j}}{\partial w^{l}}", "holds"),
    (r"w^{(l)} \to \tilde{w}^{(l)} = w^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial w^{(l)}}",
     "holds"),
    (r"b^{(l)}_j \to b^{(l)}_j - \frac{\eta}{m} \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial b^{(l)}_{j}}", "holds"),
    (r"b^{(l)} \to b^{(l)} - \eta \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial b^{(l)}}", "refuted"),  # no 1/m
    (r"b^{(l)} \to b^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial w^{(l)}}", "refuted"),
    (r"b^{(l)} \to \tilde{b}^{(l)} = w^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial b^{(l)}}",
     "refuted"),  # starts from w
    (r"w^{(l)}_{jk} \to w^{(l)}_{jk} - \frac{\eta}{m} \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial w^{(l)}_{kj}}",
     "refuted"),  # another entry's gradient
])
def test_rv34_batch_step_with_the_layer_in_braces(claim, status):
    assert _one(claim).status == status


def test_rv34_batch_step_without_the_mean_says_so():
    v = _one(r"b^{(l)} \to b^{(l)} - \eta \sum_{i=1}^m \frac{\partial C_{x_i}}{\partial b^{(l)}}")
    assert v.status == "refuted" and "not over i" not in v.reason and "dividing" in v.reason


# -- A1: in graph notes a := step that starts from another name was filed as a definition (never judged) --------
# Hand: h = tanh(W x), p = vᵀh, ℓ = ½(p − y)²: dℓ/dv = (p − y) h, so v's step is v − η (p − y) h.

GRAPH = r"""Column vectors throughout. $x \in \mathbb{R}^2$, $W \in \mathbb{R}^{2 \times 2}$, $v \in \mathbb{R}^2$.

$$h = \tanh(W x)$$

$$p = v^T h$$

$$\ell = \frac{1}{2}(p - y)^2$$
"""


@pytest.mark.parametrize("claim, status, words", [
    (r"v := W - \eta \frac{d\ell}{dv}", "refuted", "starts from W instead of v"),
    (r"v := x - \eta (p - y) h", "refuted", "starts from x instead of v"),
    (r"v := v - \eta (p - y) h", "holds", ""),
    (r"v := v - \eta \frac{d\ell}{dv}", "holds", ""),
    (r"v := v - \eta (p - y) v", "refuted", ""),
])
def test_rv34_graph_assignment_step_is_judged(claim, status, words):
    v = _one(claim, GRAPH)
    assert v.status == status and words in v.reason


def test_rv34_a_wrong_assignment_step_leaves_the_graph_model_intact():
    # v := x - η… read as a definition of v made p → v → p a circle: every other claim became unreadable
    got = _verdicts(GRAPH, r"v := x - \eta (p - y) h", r"\frac{d\ell}{dv} = (p - y) h",
                    r"\frac{\partial p}{\partial h_2} = v_2", r"\frac{\partial p}{\partial h_2} = v_1")
    assert got[r"\frac{d\ell}{dv} = (p - y) h"].status == "holds"
    assert got[r"\frac{\partial p}{\partial h_2} = v_2"].status == "holds"
    assert got[r"\frac{\partial p}{\partial h_2} = v_1"].status == "refuted"


# -- C1: --notation rowvector on layered row notes in their own letters judged nothing -------------------------
# Hand (row vectors, W^l inputs × outputs, z^l = a^{l-1} W^l + b^l): ∂C/∂z^l_j = Σ_k w^{l+1}_{jk} ∂C/∂z^{l+1}_k σ'(z^l_j),
# i.e. δ^l = (δ^{l+1} (W^{l+1})^T) ⊙ σ'(z^l); ∂C/∂w^l_{jk} = a^{l-1}_j δ^l_k, i.e. ∂C/∂W^l = (a^{l-1})^T δ^l.

ROWS = r"""Activations are row vectors; $W^l$ has shape (inputs $\times$ outputs).

$$z^l = a^{l-1} W^l + b^l$$

$$a^l = \sigma(z^l)$$

$$C = \frac{1}{2} \|a^L - y\|^2$$
"""


@pytest.mark.parametrize("claim, status", [
    (r"\delta^l = (\delta^{l+1} (W^{l+1})^T) \odot \sigma'(z^l)", "holds"),
    (r"\delta^l = (\delta^{l+1} W^{l+1}) \odot \sigma'(z^l)", "refuted"),
    (r"\frac{\partial C}{\partial W^l} = (a^{l-1})^T \delta^l", "holds"),
    (r"\frac{\partial C}{\partial W^l} = \delta^l (a^{l-1})^T", "refuted"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k", "holds"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "refuted"),
    (r"W^l \leftarrow W^l - \frac{\eta}{m} \sum_{x} (a^{x,l-1})^T \delta^{x,l}", "holds"),
    (r"W^l \leftarrow W^l - \eta \sum_{x} (a^{x,l-1})^T \delta^{x,l}", "refuted"),
])
def test_rv34_rowvector_given_reads_the_notes_own_letters(claim, status):
    assert _one(claim, ROWS, notation="rowvector").status == status


# -- C2: the textbook step w_{t+1} = w_t − η ∇C(w_t): the gradient evaluated at the current point ------------------
# Hand: gradient descent on C moves the parameter against ∇C at its current value; ∇C(w_t) is that value's gradient.

MEAN = r"""The cost is $C = \frac{1}{n}\sum_x C_x$, with $C_x = \frac{1}{2}\|y(x) - a^L(x)\|^2$.
"""


@pytest.mark.parametrize("claim, status, words", [
    (r"w_{t+1} = w_t - \eta \nabla C(w_t)", "holds", ""),
    (r"w_{t+1} = w_t - \eta \nabla_w C(w_t)", "holds", ""),
    (r"w_{t+1} = w_t + \eta \nabla C(w_t)", "refuted", "uphill"),
    (r"b_{t+1} = w_t - \eta \nabla_b C(b_t)", "refuted", "starts from w instead of b"),
    (r"\theta_{t+1} = \theta_t - \eta \nabla C(\theta_t)", "holds", ""),
    (r"\theta_{t+1} = \theta_t + \eta \nabla_\theta C", "refuted", "uphill"),
])
def test_rv34_step_with_the_gradient_at_the_current_point(claim, status, words):
    v = _one(claim, MEAN)
    assert v.status == status and words in v.reason


def test_rv34_gradient_at_the_next_point_is_not_read_as_the_current_one():
    # ∇C(w_{t+1}) would be an implicit (backward) step: never the plain rule's holds
    assert _one(r"w_{t+1} = w_t - \eta \nabla C(w_{t+1})", MEAN).status != "holds"


# -- C3: the input's label after the layer without a comma, a^{L(t)}, z^{L(t)} (Ng's a^{[l](i)}) --------------------
# Hand: C = (1/n) Σ_t C^{(t)} with C^{(t)} = ½‖y^{(t)} − a^{L(t)}‖²: ∂C^{(t)}/∂b^L_j = (a^{L(t)}_j − y^{(t)}_j) σ'(z^{L(t)}_j)
# (BP1 + BP3 for input t), and ∂C/∂b^L_j is the mean of these over t; BP4 for input t uses a^{L-1(t)}.

SEQ = r"""The cost is $C = \frac{1}{n}\sum_x C_x$, where $C_x = \frac{1}{2}\|y(x) - a^{L}(x)\|^2$.
Example $t$ is $(x^{(t)}, y^{(t)})$.
"""


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C^{(t)}}{\partial b^{L}_j} = (a^{L(t)}_j - y^{(t)}_j) \sigma'(z^{L(t)}_j)", "holds"),
    (r"\frac{\partial C}{\partial b^{L}_j} = \frac{1}{n} \sum_{t=1}^{n} (a^{L(t)}_j - y^{(t)}_j) \sigma'(z^{L(t)}_j)",
     "holds"),
    (r"\frac{\partial C}{\partial b^{L}_j} = \sum_{t=1}^{n} (a^{L(t)}_j - y^{(t)}_j)\sigma'(z^{L(t)}_j)", "refuted"),
    (r"\frac{\partial C}{\partial b^{L}_j} = \frac{1}{n} \sum_{t=1}^{n} (a^{L(t)}_j - y^{(t)}_j)", "refuted"),
    (r"\frac{\partial C}{\partial w^{L}_{jk}} = \frac{1}{n}\sum_{t=1}^{n} a^{L-1(t)}_k \delta^{L(t)}_j", "holds"),
    (r"\frac{\partial C}{\partial w^{L}_{jk}} = \frac{1}{n}\sum_{t=1}^{n} a^{L(t)}_k \delta^{L(t)}_j", "refuted"),
    (r"\delta^{l(t)} = ((w^{l+1})^T \delta^{l+1(t)}) \odot \sigma'(z^{l(t)})", "holds"),
    (r"\delta^{l(t)} = (w^{l+1} \delta^{l+1(t)}) \odot \sigma'(z^{l(t)})", "refuted"),
])
def test_rv34_label_after_the_layer(claim, status):
    assert _one(claim, SEQ).status == status


def test_rv34_label_after_the_layer_keeps_a_second_input_apart():
    v = _one(r"\frac{\partial C^{(t)}}{\partial b^{L}_j} = (a^{L(x)}_j - y^{(t)}_j) \sigma'(z^{L(t)}_j)", SEQ)
    assert v.status not in ("holds", "refuted") and "several training inputs" in v.reason


# -- C5: x = (x_1, x_2) written as a tuple, then y = V x: the tuple's entries of a column, not a contradiction ------
# Hand: y = V x (V 2×2), z = h(y) entrywise: ∂y_1/∂x_2 = v_12, ∂y_2/∂x_1 = v_21, ∂z_1/∂y_2 = 0, ∂y_1/∂v_21 = 0,
# ∂L/∂x_1 = Σ_i ∂L/∂y_i ∂y_i/∂x_1; dL/dV = dL/dy xᵀ (denominator layout).

TUPLE = r"""Let $L = L(y_1, y_2)$, where $y_1 = y_1(x_1, x_2)$ and $y_2 = y_2(x_1, x_2)$, and $x = (x_1, x_2)$.
A linear layer $y = V x$ with $V$ a $2 \times 2$ matrix is followed by $z = h(y)$ elementwise, $h$ undefined.
"""


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial y_1}{\partial x_2} = v_{12}", "holds"),
    (r"\frac{\partial y_2}{\partial x_1} = v_{12}", "refuted"),
    (r"\frac{\partial z_1}{\partial y_2} = 0", "holds"),
    (r"\frac{\partial y_1}{\partial v_{21}} = x_1", "refuted"),
    (r"\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial y_1} \frac{\partial y_1}{\partial x_1}"
     r" + \frac{\partial L}{\partial y_2} \frac{\partial y_2}{\partial x_1}", "holds"),
    (r"\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial y_1} \frac{\partial y_1}{\partial x_1}", "refuted"),
    (r"\frac{dL}{dV} = \frac{dL}{dy} x^T", "holds"),
])
def test_rv34_a_tuple_takes_its_orientation_from_the_products(claim, status):
    assert _one(claim, TUPLE).status == status


def test_rv34_a_row_said_in_words_still_contradicts_a_column_product():
    said = TUPLE.replace(r"and $x = (x_1, x_2)$.", r"and $x = (x_1, x_2)$. Let $x$ be a row vector of 2 entries.")
    assert said != TUPLE
    v = _one(r"\frac{\partial y_1}{\partial x_2} = v_{12}", said)
    assert v.status not in ("holds", "refuted")


# -- C4: the i-th input of a mini-batch as a label, δ^{x_i,(l)} (seed 001's kuchařka writes a^{x,l}, C_{i_j}) --------
# Hand: BP3/BP4 for the input x_i: ∂C_{x_i}/∂b^l = δ^{x_i,l}, ∂C_{x_i}/∂w^l = δ^{x_i,l} (a^{x_i,l-1})^T; Nielsen's
# step (η/m) Σ_i of these; without the 1/m a slip; a^{x_i,l} of the layer itself a wrong layer.

@pytest.mark.parametrize("claim, status", [
    (r"b^{(l)} \to \tilde{b}^{(l)} = b^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \delta^{x_i,(l)}", "holds"),
    (r"b^{(l)} \to \tilde{b}^{(l)} = b^{(l)} - \eta \sum_{i=1}^m \delta^{x_i,(l)}", "refuted"),
    (r"w^{(l)} \to w^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \delta^{x_i,(l)} (a^{x_i,(l-1)})^T", "holds"),
    (r"w^{(l)} \to w^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \delta^{x_i,(l)} (a^{x_i,(l)})^T", "refuted"),
    (r"\frac{\partial C_{x_i}}{\partial w^l_{jk}} = a^{x_i,l-1}_k \delta^{x_i,l}_j", "holds"),
    (r"\frac{\partial C_{x_i}}{\partial w^l_{jk}} = a^{x_i,l}_k \delta^{x_i,l}_j", "refuted"),
])
def test_rv34_mini_batch_input_as_a_label(claim, status):
    assert _one(claim).status == status


@pytest.mark.parametrize("claim", [
    r"w^{(l)} \to w^{(l)} - \frac{\eta}{m} \sum_{i=1}^m \delta^{x_i,(l)} (a^{x_j,(l-1)})^T",
    r"w^{l} \to w^{l} - \frac{\eta}{m} \sum_{x} \delta^{x,l} (a^{t,l-1})^T",
])
def test_rv34_a_step_mixing_two_inputs_is_not_an_internal_error(claim):
    # it crashed with exit 70 (ValueError from the per-sample reading); two inputs in one term: not judged
    v = _one(claim)
    assert v.status == "uninterpretable" and "several training inputs" in v.reason
