r"""Update rules in layered notes (issue 14, items 3 and 4): Nielsen's mini-batch step, the names of a new value,
η/N, and the softmax with the log-likelihood cost named in words.

Truth by hand:

* Nielsen, ch. 1, eq. (20)–(21): a mini-batch X_1 … X_m drawn from the n training inputs gives
  w_k → w_k − (η/m) Σ_j ∂C_{X_j}/∂w_k, b_l → b_l − (η/m) Σ_j ∂C_{X_j}/∂b_l, the gradient of the mini-batch cost
  (1/m) Σ_j C_{X_j}; with BP3/BP4 per input (ch. 2) ∂C_x/∂b^l = δ^{x,l}, ∂C_x/∂w^l = δ^{x,l}(a^{x,l-1})^T. Checked
  below by finite differences on a hand-made network with n = 3 inputs and a batch of 2.
* A new value named w^{l,new}, (w^l)^{new}, w^l_{new}, w^{l}_{(t+1)}, \tilde{b}^l, w'^l_{jk} is that parameter after
  one step; the rule is right exactly when the arrow form w^l → (the same value side) is.
* Nielsen, ch. 3, eq. (81)–(84): a softmax output with the log-likelihood cost C = −ln a^L_y (y one-hot) has
  δ^L_j = a^L_j − y_j; checked below by finite differences of −ln softmax(z)_y.
"""

from __future__ import annotations

import mpmath
import pytest

from symbp.notation import profile
from symbp.verify import verify
from symbp.verify.notes import verify_text
from symbp.verify.updatenames import read_new

# -- the oracles --------------------------------------------------------------------------------------------


def _sigmoid(t):
    return 1 / (1 + mpmath.exp(-t))


def test_the_mini_batch_step_is_the_gradient_of_the_mini_batch_cost_by_finite_differences():
    # one neuron a = σ(w x + b), C_x = ½(a − y)², n = 3 inputs, a mini-batch of the first m = 2
    mpmath.mp.dps = 40
    data = [(mpmath.mpf("0.3"), mpmath.mpf("0.9")), (mpmath.mpf("-1.2"), mpmath.mpf("0.1")),
            (mpmath.mpf("2.0"), mpmath.mpf("0.5"))]
    w, b = mpmath.mpf("0.7"), mpmath.mpf("-0.4")

    def cost(inputs, w, b):
        return sum((_sigmoid(w * x + b) - y) ** 2 / 2 for x, y in inputs) / len(inputs)

    def delta(x, y):  # BP1 per input: (a − y) σ'(z)
        a = _sigmoid(w * x + b)
        return (a - y) * a * (1 - a)

    batch, h = data[:2], mpmath.mpf(10) ** -15
    by_fd_b = (cost(batch, w, b + h) - cost(batch, w, b - h)) / (2 * h)
    by_fd_w = (cost(batch, w + h, b) - cost(batch, w - h, b)) / (2 * h)
    m = len(batch)
    assert abs(by_fd_b - sum(delta(x, y) for x, y in batch) / m) < mpmath.mpf(10) ** -20  # (1/m) Σ δ^x
    assert abs(by_fd_w - sum(delta(x, y) * x for x, y in batch) / m) < mpmath.mpf(10) ** -20  # (1/m) Σ δ^x a^x
    everyone = (cost(data, w, b + h) - cost(data, w, b - h)) / (2 * h)
    assert abs(everyone - by_fd_b) > mpmath.mpf(10) ** -3  # the batch's gradient is not the full cost's: an estimate


def test_softmax_log_likelihood_delta_by_finite_differences():
    mpmath.mp.dps = 40
    z, target = [mpmath.mpf("0.2"), mpmath.mpf("-1.1"), mpmath.mpf("0.7")], 1  # y one-hot at the 2nd output

    def cost(z):
        return -mpmath.log(mpmath.exp(z[target]) / sum(mpmath.exp(t) for t in z))

    a = [mpmath.exp(t) / sum(mpmath.exp(s) for s in z) for t in z]
    h = mpmath.mpf(10) ** -15
    for j in range(3):
        up, down = list(z), list(z)
        up[j] += h
        down[j] -= h
        fd = (cost(up) - cost(down)) / (2 * h)
        assert abs(fd - (a[j] - (1 if j == target else 0))) < mpmath.mpf(10) ** -20  # a^L − y
        assert abs(fd - (a[j] - (1 if j == target else 0)) * a[j] * (1 - a[j])) > mpmath.mpf(10) ** -3


# -- 1. Nielsen's SGD: a mini-batch of m of the notes' n inputs ---------------------------------------------

_NIELSEN = r"""# Stochastic gradient descent

$$C = \frac1n\sum_x C_x$$

$$C_x = \frac{1}{2}\|y(x) - a^L(x)\|^2$$

$${rule}$$
"""


def _row(text: str, formula: str):
    return {row.formula.text: row.result for row in verify_text(text, "nielsen").rows}[formula]


@pytest.mark.parametrize("rule", [
    r"w^l \rightarrow w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T",
    r"b^l \rightarrow b^l - \frac{\eta}{m}\sum_x \delta^{x,l}",
    r"b^l \rightarrow b^l - \frac{\eta}{m}\sum_{x=1}^{m} \delta^{x,l}",
])
def test_nielsens_mini_batch_step_holds_under_the_mean_over_n(rule):
    got = _row(_NIELSEN.replace("{rule}", rule), rule)
    assert got.status == "holds", got.reason
    assert "mini-batch cost" in got.reason and "notes' n inputs" in got.reason


@pytest.mark.parametrize("rule, status, said", [
    (r"w^l \rightarrow w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l})^T", "refuted", "2×2 matrix"),  # a^{x,l}
    (r"b^l \rightarrow b^l - \frac{\eta}{m}\sum_x \delta^{x,l+1}", "refuted", "column vector of 2"),
    (r"b^l \rightarrow b^l - \frac{\eta}{m}\sum_{x=1}^{n} \delta^{x,l}", "refuted",
     "sums over the n training inputs but divides by m"),
    (r"b^l \rightarrow w^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "refuted", "starts from w^l instead of b^l"),
    (r"b^l \rightarrow b^l + \frac{\eta}{m}\sum_x \delta^{x,l}", "refuted", "a step uphill"),
    (r"b^l \rightarrow b^l - \eta\sum_x \delta^{x,l}", "refuted", "without dividing by its size"),
    (r"b^l \rightarrow b^l - \frac{\eta}{N}\sum_x \delta^{x,l}", "uninterpretable", "divides by N"),  # N never defined
])
def test_wrong_mini_batch_steps_are_never_held(rule, status, said):
    got = _row(_NIELSEN.replace("{rule}", rule), rule)
    assert got.status == status, got.reason
    assert said in got.reason


def test_the_sum_over_n_divided_by_m_is_diagnosed_as_such():
    rule = r"b^l \rightarrow b^l - \frac{\eta}{m}\sum_{x=1}^{n} \delta^{x,l}"
    assert _row(_NIELSEN.replace("{rule}", rule), rule).diagnosis == "divide by n"


def test_eta_over_the_notes_own_n_capital():
    text = _NIELSEN.replace(r"\frac1n", r"\frac1N")
    for rule, status in ((r"b^l \rightarrow b^l - \frac{\eta}{N}\sum_x \delta^{x,l}", "holds"),
                         (r"w^l \rightarrow w^l - \frac{\eta}{N}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
                         (r"w^l \rightarrow w^l - \frac{\eta}{N}\sum_x \delta^{x,l}(a^{x,l+1})^T", "refuted"),
                         (r"b^l \rightarrow b^l - \frac{\eta}{N}\delta^{x,l}", "refuted"),
                         (r"b^l \rightarrow b^l - \frac{\eta}{n}\sum_x \delta^{x,l}", "uninterpretable")):
        got = _row(text.replace("{rule}", rule), rule)
        assert got.status == status, (rule, got.reason)


# -- 2. the names of the new value -------------------------------------------------------------------------

_SPELLINGS = r"""# Spellings

$$C = \frac1n\sum_x C_x$$

$${rule}$$
"""


@pytest.mark.parametrize("rule", [
    r"w^{l,\text{new}} = w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T",
    r"w^{l,\text{new}} = w^{l,\text{old}} - \eta \frac{\partial C}{\partial w^l}",
    r"(w^l)^{\text{new}} = w^l - \eta \frac{\partial C}{\partial w^l}",
    r"w^l_{\text{new}} = w^l - \eta \frac{\partial C}{\partial w^l}",
    r"w^{l}_{(t+1)} = w^{l}_{(t)} - \eta \frac{\partial C}{\partial w^{l}_{(t)}}",
    r"b^{l}_{(t)} = b^{l}_{(t-1)} - \frac{\eta}{m}\sum_x \delta^{x,l}",
    r"W^{l,(t+1)} = W^{l,(t)} - \eta \frac{\partial C}{\partial W^l}",
    r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial C}{\partial W}",
    r"\tilde{b}^l = b^l - \frac{\eta}{m}\sum_x \delta^{x,l}",
    r"\tilde{b^l} = b^l - \eta \frac{\partial C}{\partial b^l}",
    r"\tilde{w}^l_{jk} = w^l_{jk} - \frac{\eta}{m}\sum_x \delta^{x,l}_j a^{x,l-1}_k",
    r"w'^l_{jk} = w^l_{jk} - \frac{\eta}{m}\sum_x a^{x,l-1}_k \delta^{x,l}_j",
    r"b^{l,\text{new}} = b^l - \frac{\eta}{N}\sum_x \delta^{x,l}",
])
def test_a_right_rule_holds_under_every_name_of_the_new_value(rule):
    text = _SPELLINGS.replace(r"\frac1n", r"\frac1N") if "{N}" in rule else _SPELLINGS
    got = _row(text.replace("{rule}", rule), rule)
    assert got.status == "holds", got.reason


@pytest.mark.parametrize("rule, said", [
    (r"w^{l,\text{new}} = w^l - \eta \frac{\partial C}{\partial b^l}", "the gradient is with respect to b^l"),
    (r"(w^l)^{\text{new}} = w^l + \eta \frac{\partial C}{\partial w^l}", "a step uphill"),
    (r"w^l_{\text{new}} = b^l - \eta \frac{\partial C}{\partial w^l}", "starts from b^l instead of w^l"),
    (r"w^{l}_{(t+1)} = w^{l}_{(t)} - \eta \delta^l (a^l)^T", "2×2 matrix"),
    (r"W^{(t+1)} = V^{(t)} - \eta \frac{\partial C}{\partial W}", "starts from V instead of W"),
    (r"\tilde{b}^l = w^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "starts from w^l instead of b^l"),
    (r"\tilde{w}^l_{jk} = w^l_{jk} - \frac{\eta}{m}\sum_x \delta^{x,l}_k a^{x,l-1}_j",
     "not defined for the same j"),  # j, k swapped: j runs over layer l on the left, over layer l-1 on the right
    (r"w'^l_{jk} = w^l_{jk} - \eta\sum_x a^{x,l-1}_k \delta^{x,l}_j", "without dividing by its size"),
])
def test_a_wrong_rule_is_refuted_under_every_name_of_the_new_value(rule, said):
    got = _row(_SPELLINGS.replace("{rule}", rule), rule)
    assert got.status == "refuted", got.reason
    assert said in got.reason


def test_a_step_letter_that_also_labels_a_sample_is_not_read():
    for rule, label in ((r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial C^{(t)}}{\partial W}", r"C^{(t)}"),
                        (r"w^{l}_{(t+1)} = w^{l}_{(t)} - \eta \delta^{(t),l} (a^{(t),l-1})^T", r"\delta^{(t),l}")):
        got = _row(_SPELLINGS.replace("{rule}", rule), rule)
        assert got.status == "uninterpretable", got.reason
        assert "a training sample or a step" in got.reason and label in got.reason


def test_a_step_superscript_is_never_a_layer_a_power_or_a_sample():
    assert read_new(r"w^{(l+1)} = w^{(l)} - \eta \frac{\partial C}{\partial w^{(l)}}") is None  # l: a layer
    assert read_new(r"W^{(t)} = W - \eta \frac{\partial C}{\partial W}") is None  # (t) alone: no step
    assert read_new(r"(w^l)^T = w^l - \eta \frac{\partial C}{\partial w^l}") is None  # a transpose
    assert read_new(r"w^{\text{old}} = w - \eta \frac{\partial C}{\partial w}") is None  # not a new value
    read = read_new(r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial C}{\partial W^{(t)}}")
    assert (read.param, read.rest) == ("W", r"W - \eta \frac{\partial C}{\partial W}")  # the current W, no power
    assert read_new(r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial C^{(t)}}{\partial W}").unread


def test_a_marked_rule_is_never_filed_as_a_forward_pass():
    # before: w^{l}_{(t+1)} = … (w and a on the right) was taken for the notes' weighted input, and every other
    # claim of the notes became uninterpretable
    text = _SPELLINGS.replace("{rule}", r"w^{l}_{(t+1)} = w^{l}_{(t)} - \eta \delta^l (a^{l-1})^T") \
        + "\n$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$$\n"
    assert _row(text, r"\frac{\partial C}{\partial b^l_j} = \delta^l_j").status == "holds"


def test_single_formula_verify_reads_the_new_names_too():
    nt = profile("nielsen")
    assert verify(r"w^{l,\text{new}} = w^l - \eta \frac{\partial C}{\partial w^l}", nt).status == "holds"
    assert verify(r"w'^l_{jk} = w^l_{jk} - \eta\, a^{l-1}_j \delta^l_k", nt).status == "refuted"


# -- 3. the softmax with the log-likelihood cost, named in words -------------------------------------------

_LIKELIHOOD = r"""# Softmax

From now on we use the softmax output layer with the log-likelihood cost.

$${claim}$$
"""


def test_log_likelihood_with_softmax_makes_the_true_delta_ambiguous_never_refuted():
    claim = r"\delta^L = a^L - y"
    got = _row(_LIKELIHOOD.replace("{claim}", claim), claim)
    assert got.status == "ambiguous", got.reason
    assert "log-likelihood cost C = −ln a^L_y (a one-hot target y)" in got.reason and "it holds" in got.reason


def test_the_quadratic_delta_under_softmax_log_likelihood_is_never_held():
    claim = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
    got = _row(_LIKELIHOOD.replace("{claim}", claim), claim)
    assert got.status == "ambiguous", got.reason  # holds only under the quadratic default
    assert "log-likelihood" in got.reason and "refuted" in got.reason
    nt = profile("nielsen")
    given = verify(claim, nt, cost="softmax-cross-entropy", one_hot=True)
    assert given.status == "refuted"
    assert verify(r"\delta^L = a^L - y", nt, cost="softmax-cross-entropy", one_hot=True).status == "holds"


@pytest.mark.parametrize("words, one_hot", [
    ("the softmax output layer with the log-likelihood cost", True),
    ("a softmax output and the negative log-likelihood", True),
    ("the softmax layer trained with NLL", True),
    ("the softmax output layer with the cross-entropy cost", False),  # a target that may be any distribution
    ("sigmoid outputs with the log-likelihood cost", False),  # no softmax: the cross-entropy of sigmoids
])
def test_which_words_name_a_one_hot_target(words, one_hot):
    from symbp.verify.prosecost import mentions

    (found,) = mentions(f"From now on we use {words}.\n")
    assert found.one_hot is one_hot


# -- a rule on a quantity the network computes -----------------------------------------------------------------
# Gradient descent moves the parameters; a^l, z^l are computed from them and y is data, so "a^l → a^l − η ∂C/∂a^l"
# is not a step of the network (it held before, read as descent on a free variable a^l). A step on the input x
# is a real step (descending on the input, as adversarial examples do) and its gradient is checked as before.
@pytest.mark.parametrize("rule, status, words", [
    (r"a^l \to a^l - \eta \frac{\partial C}{\partial a^l}", "uninterpretable", "a^l is the activation"),
    (r"z^l_j \to z^l_j - \eta \delta^l_j", "uninterpretable", "z^l_j is the weighted input"),
    (r"y \to y - \eta \nabla_y C", "uninterpretable", "y is the target, given by the data"),
    (r"x \to x - \eta \nabla_x C", "holds", "gradient descent on the cost C"),
    (r"b^l \to b^l - \eta \delta^l", "holds", "BP3"),
    (r"b^l \to b^l + \eta \delta^l", "refuted", "uphill")])
def test_a_rule_updates_a_parameter_not_a_computed_quantity(rule, status, words):
    report = verify_text("$$C = \\frac12\\|a^L - y\\|^2$$\n\n$$" + rule + "$$\n", path="rules.md")
    (row,) = [r for r in report.rows if r.formula.line == 3]
    assert row.result.status == status, row.result.reason
    assert words in row.result.reason


# Review 18 F4: Σ_j ∂C_{X_j}/∂w without bounds under 1/n: X_1, …, X_m is Nielsen's mini-batch, so the sum may run
# over it (then the 1/n is a slip for 1/m) or over all n inputs; which is not said, so it is not judged.
@pytest.mark.parametrize("rule, status", [
    (r"w_k \to w_k' = w_k - \frac{\eta}{n}\sum_j \frac{\partial C_{X_j}}{\partial w_k}", "uninterpretable"),
    (r"w_k \to w_k' = w_k - \frac{\eta}{n}\sum_{j=1}^m \frac{\partial C_{X_j}}{\partial w_k}", "refuted"),  # divide by m
    (r"w_k \to w_k' = w_k - \frac{\eta}{m}\sum_j \frac{\partial C_{X_j}}{\partial w_k}", "holds"),  # Nielsen's eq. (20)
    (r"w^l \to w^l - \frac{\eta}{n}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),  # Σ_x: the n inputs, a step on C
])
def test_an_unbounded_sum_over_indexed_samples_under_one_over_n_is_not_judged(rule, status):
    got = _row(_NIELSEN.replace("{rule}", rule), rule)
    assert got.status == status, got.reason
    if status == "uninterpretable":
        assert "has no bounds" in got.reason


# -- 4. review 20, F4.2 and F4.3: Sokolinsky's w_{ji}^{(l)} with ←, and the chain P \to \tilde{P} = … ----------
# Truth by hand: in Sokolinsky's notation w_{ji}^{(l)} joins neuron j of layer l−1 to neuron i of layer l, so
# ∂C/∂w_{ji}^{(l)} = δ_i^{(l)} a_j^{(l-1)} and ∂C/∂b_i^{(l)} = δ_i^{(l)} (BP4, BP3); the step subtracts η times it
# from the same parameter. Before, the subscript-first spelling was "prose" (f05 lines 17–18: exit 0 on a bias step
# that starts from w), and the chain with a tilded name and its scripts was "unknown macro \to" (f14 line 5).

_SOKOLINSKY = r"""# Обновление

Вес $w_{ji}^{(l)}$ соединяет нейрон $j$ слоя $l-1$ с нейроном $i$ слоя $l$:
$$z_i^{(l)} = \sum_j w_{ji}^{(l)} a_j^{(l-1)} + b_i^{(l)}, \qquad a_i^{(l)} = \sigma(z_i^{(l)}).$$
Функция потерь $C = \frac{1}{2}\sum_i (a_i^{(L)} - y_i)^2$.

$${rule}$$
"""


@pytest.mark.parametrize("rule, status, said", [
    (r"w_{ji}^{(l)} \leftarrow w_{ji}^{(l)} - \eta\, \delta_i^{(l)} a_j^{(l-1)}", "holds", "BP4"),
    (r"b_i^{(l)} \leftarrow b_i^{(l)} - \eta\, \delta_i^{(l)}", "holds", "BP3"),
    (r"b_i^{(l)} \leftarrow w_{ji}^{(l)} - \eta\, \delta_i^{(l)}", "refuted", "starts from w_{ji}^{(l)} instead of b_i^{(l)}"),
    (r"w_{ji}^{(l)} \gets w_{ji}^{(l)} + \eta\, \delta_i^{(l)} a_j^{(l-1)}", "refuted", "uphill"),
    (r"w_{ji}^{(l)} \leftarrow w_{ji}^{(l)} - \eta\, \delta_j^{(l)} a_i^{(l-1)}", "refuted", ""),  # i, j swapped
])
def test_sokolinsky_rules_with_a_left_arrow_are_judged(rule, status, said):
    report = verify_text(_SOKOLINSKY.replace("{rule}", rule), "sokolinsky")
    got = {row.formula.text: row.result for row in report.rows}[rule]
    assert got.status == status and said in got.reason, got.reason
    assert not any(f.kind == "prose" and "arrow" in f.text for f in report.skipped)
    assert verify(rule, "sokolinsky").status == status  # a single formula reads the same


@pytest.mark.parametrize("rule, status, said", [
    (r"w^l_{jk} \to \tilde{w}^l_{jk} = w^l_{jk} - \eta \frac{\partial C}{\partial w^l_{jk}}", "holds", ""),
    (r"w^l_{jk} \to \tilde{w}^l_{jk} = w^l_{jk} - \eta\, a^{l-1}_k \delta^l_j", "holds", "BP4"),
    (r"b^l_j \to b^l_j' = b^l_j - \eta\, \delta^l_j", "holds", "BP3"),
    (r"w^l_{jk} \to \tilde{w}^l_{jk} = w^l_{jk} + \eta \frac{\partial C}{\partial w^l_{jk}}", "refuted", "uphill"),
    (r"b^l_j \to b^l_j' = w^l_{jk} - \eta \frac{\partial C}{\partial b^l_j}", "refuted", "starts from w^l_{jk}"),
    (r"w^l_{jk} \to \tilde{w}^l_{jk} = w^l_{jk} - \eta\, a^{l-1}_j \delta^l_k", "refuted", ""),
    (r"w^l_{jk} \to \tilde{b}^l_j = w^l_{jk} - \eta \frac{\partial C}{\partial w^l_{jk}}", "refuted",
     "names the new value of b^l_j"),
])
def test_the_chain_to_a_named_new_value_is_read_as_the_rule(rule, status, said):
    text = r"$z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$, $C = \frac{1}{2}\|a^L - y\|^2$." f"\n$${rule}$$\n"
    got = _row(text, rule)
    assert got.status == status and said in got.reason, got.reason


def test_a_step_letter_also_written_on_the_gradient_is_not_read_as_a_neuron():
    # Review 23 p22: in b^l_{t+1} = b^l_t − η δ^l_t the letter t numbers the steps, and δ^l_t was read as neuron t of
    # δ^l, a scalar against the vector b^l: refuted, though as the author means it (δ at step t) it is BP3's step.
    # Whether t is a step or a neuron the notes do not say: uninterpretable. The same rule with δ^l holds (by hand,
    # ∂C/∂b^l = δ^l), and one that starts from w is still refuted.
    head = "$$C = \\frac12\\|a^L - y\\|^2$$\n\n"
    rows = {}
    for rule in (r"b^l_{t+1} = b^l_t - \eta\, \delta^l_t", r"b^l_{t+1} = b^l_t - \eta\, \delta^l",
                 r"b^l_{t+1} = w^l_t - \eta\, \delta^l", r"b^l_t = b^l_{t-1} - \eta\, \delta^l_t"):
        report = verify_text(head + "$$" + rule + "$$\n", path="rules.md")
        rows[rule] = {row.formula.text: row.result for row in report.rows}[rule]
    statuses = [r.status for r in rows.values()]
    assert statuses == ["uninterpretable", "holds", "refuted", "uninterpretable"], rows
    assert "numbers the steps" in rows[r"b^l_{t+1} = b^l_t - \eta\, \delta^l_t"].reason


def test_a_tilde_without_braces_names_the_new_value():
    # Review 23 b08: \tilde w^l = … was unreadable ("unknown macro \tilde"); \tilde{w}^l = … was read. By hand:
    # ∂C/∂w^l = δ^l (a^{l-1})^T (BP4), so the first rule is a step of gradient descent and the second climbs.
    head = "$$C = \\frac12\\|a^L - y\\|^2$$\n\n"
    right, wrong = r"\tilde w^l = w^l - \eta\, \delta^l (a^{l-1})^T", r"\tilde b^l = b^l + \eta\, \delta^l"
    report = verify_text(head + f"$${right}$$\n\n$${wrong}$$\n", path="rules.md")
    rows = {row.formula.text: row.result for row in report.rows}
    assert rows[right].status == "holds" and rows[wrong].status == "refuted", rows


# -- review 23: a bias "defined" with := from the weights is a wrong update step, never a definition ----------------
# Hand: one SGD step on the bias is b^l − η ∂C/∂b^l = b^l − η δ^l (BP3); b^l := w^l − η δ^l starts from the weights,
# so it is false (w^l is a matrix, b^l a vector: the two sides are not even the same object), with := as with \leftarrow.


@pytest.mark.parametrize("arrow", [":=", r"\leftarrow"])
def test_a_bias_step_from_the_weights_with_assign_is_refuted_not_filed(arrow):
    text = (r"Vážený vstup je $z^{(l)} = w^{(l)} a^{(l-1)} + b^{(l)}$." + "\n\nČastá chyba studentů je aktualizovat práh"
            f" takto:\n$$b^{{(l)}} {arrow} w^{{(l)}} - \\eta\\, \\delta^{{(l)}}$$\n")
    report = verify_text(text, "auto")
    rows = [r.result for r in report.rows if r.formula.line == 4]
    assert [r.status for r in rows] == ["refuted"], ([(r.status, r.reason) for r in rows],
                                                     [(f.line, f.reason) for f in report.skipped])
    assert not [f for f in report.skipped if f.line == 4]


def test_an_assignment_of_a_parameter_without_a_rate_stays_a_definition():
    from symbp.verify.claims import classify
    assert classify(r"b := w_0")[0] == "definition"
    assert classify(r"z^l := w^l a^{l-1} + b^l")[0] == "definition"
    assert classify(r"b^{(l)} := w^{(l)} - \eta\, \delta^{(l)}")[0] == "claim"
