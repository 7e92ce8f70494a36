"""Review rv46, the findings left after the first fixes: A1–A4 (false holds), C2, D3, D5–D7 (reach).

Verdicts decided by hand, each with a wrong variant that must not hold:

- A1/A2: an update step by one sample's gradient divided by the mini-batch's m without a sum over the samples,
  ``b^l := b^l - \\frac{\\eta}{m}\\delta^{x,l}``, is not a step of mini-batch gradient descent (that sums the m
  samples' gradients). In notes whose cost is a mean over the samples it is refuted; without one, not judged.
- A3/A4: a count of the inputs said only in words ("over all $n$ training inputs") is the notes' count: a claim
  with 1/m (m never introduced) is not judged, the one with 1/n holds; a step with η/m under C = (1/n) Σ_x C_x is
  Nielsen's mini-batch step only in notes that speak of a mini-batch ("full-batch …, no mini-batches": not judged).
"""

from pathlib import Path

import pytest

from symbp.notation import profile
from symbp.verify import verify
from symbp.verify.notes import verify_notes

NT = profile("nielsen")

LAYERS = r"""Forward pass: $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$.

$$C_x = \frac{1}{2}\|a^L - y\|^2$$

and the cost over all $n$ training inputs is

$$C = \frac{1}{n}\sum_x C_x.$$

With a mini-batch of $m$ inputs:

"""


def _rows(tmp_path: Path, text: str, name: str = "notes.md") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {r.formula.line: r.result for r in verify_notes(path).rows if r.formula.kind != "prose"}


# -- A1: layered notes, C = (1/n) Σ_x C_x ------------------------------------------------------------------------

def test_rv46_a1_one_sample_step_over_m_refuted_beside_its_summed_twin(tmp_path):
    # hand: (η/m) Σ_x δ^{x,l}(a^{x,l-1})^T is Nielsen's eq. (20) (holds); (η/m) δ^{x,l} alone is 1/m of one sample's
    # step, the sum over the mini-batch missing (refuted, the notes' cost being the mean over the inputs)
    rows = _rows(tmp_path, LAYERS + "$$w^l := w^l - \\frac{\\eta}{m}\\sum_{x} \\delta^{x,l} (a^{x,l-1})^T$$\n\n"
                 "$$b^l := b^l - \\frac{\\eta}{m}\\delta^{x,l}$$\n\n"
                 "$$b^l := b^l - \\frac{\\eta}{m}\\frac{\\partial C_x}{\\partial b^l}$$\n")
    assert rows[11].status == "holds"
    assert rows[13].status == "refuted" and "the sum is missing" in rows[13].reason
    assert rows[15].status == "refuted"


def test_rv46_a1_one_sample_step_over_m_not_judged_without_a_mean_cost():
    # hand: no mean cost and nothing else summed: a step on one sample (no 1/m) or a mini-batch's without its sum
    v = verify(r"b^l \to b^l - \frac{\eta}{m}\delta^{x,l}", NT)
    assert v.status == "uninterpretable" and "the sum is missing" in v.reason


def test_rv46_a1_chain_with_a_summed_side_refutes_the_unsummed_one():
    # hand: seed 001's line 24 shape: w_k − (ξ/m) ∇C_{i_j} = w_k − (ξ/m) Σ_i ∂C_{i_j}/∂w_k: the first value side
    # lacks the sum its twin writes (refuted); the twin alone holds
    chain = verify(r"w_k \to \tilde{w_k} = w_k - \frac{\xi}{m} \nabla C_{i_j}^{(k)} = w_k - \frac{\xi}{m} "
                   r"\sum_{i=1}^m \frac{\partial C_{i_j}}{\partial w_k}", NT)
    assert chain.status == "refuted"
    assert verify(r"w_k \to w_k - \frac{\xi}{m} \sum_{i=1}^m \frac{\partial C_{i_j}}{\partial w_k}", NT).status == "holds"


def test_rv46_a1_sgd_step_without_the_m_still_holds():
    # hand: b^l − η δ^{x,l} is one step of stochastic gradient descent on the sample x (BP3)
    assert verify(r"b^l \to b^l - \eta\,\delta^{x,l}", NT).status == "holds"


# -- A2: graph notes with a batch cost J = (1/m) Σ_t L^{(t)} -------------------------------------------------------

BATCH = r"""The weight matrix $W$ is a $2 \times 2$ matrix, and each input $x^{(t)}$ is a column vector with entries $x^{(t)}_1, x^{(t)}_2$. For the sample $t$:

$$h^{(t)} = \tanh(W x^{(t)})$$

$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$

The batch cost over $m$ samples:

$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$

Updates:

"""


def test_rv46_a2_graph_one_sample_term_over_m_refuted(tmp_path):
    # hand: (η/m) Σ_t (…) (x^{(t)})^T is the step on J (holds); (η/m) × sample t's term alone is not a multiple of
    # ∂J/∂W once m ≥ 2 (refuted, the sum over the batch missing); η × sample t's term is SGD on L^{(t)} (holds)
    term = r"\left((h^{(t)} - y^{(t)}) \odot (1 - (h^{(t)})^2)\right) (x^{(t)})^T"
    rows = _rows(tmp_path, BATCH + f"$$W \\leftarrow W - \\frac{{\\eta}}{{m}}\\sum_{{t=1}}^{{m}} {term}$$\n\n"
                 f"$$W \\leftarrow W - \\frac{{\\eta}}{{m}} {term}$$\n\n"
                 f"$$W \\leftarrow W - \\eta {term}$$\n")
    assert rows[13].status == "holds"
    assert rows[15].status == "refuted" and "the sum over the m samples of the mini-batch is missing" in rows[15].reason
    assert rows[17].status == "holds"


# -- A3/A4: the count said in words; m never introduced ----------------------------------------------------------

PROSE_N = r"""Forward pass: $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$.

$$C_x = \frac{1}{2}\|a^L - y\|^2$$

The cost over all $n$ training inputs is

$$\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_x \delta^{x,l}$$

$$\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}$$

$$\frac{\partial C}{\partial b^l} = \sum_x \delta^{x,l}$$
"""


def test_rv46_a3_count_said_in_words_leaves_an_unintroduced_m_unjudged(tmp_path):
    # hand: n inputs said in words, C their mean: (1/n) Σ_x δ^{x,l} is BP3's mean (holds); 1/m names a count never
    # introduced (not judged; before, both held for one C); without the 1/n: n times the gradient (refuted)
    rows = _rows(tmp_path, PROSE_N)
    assert rows[7].status == "uninterpretable" and "divides by m" in rows[7].reason
    assert rows[9].status == "holds"
    assert rows[11].status == "refuted"


FULL_BATCH = r"""Forward pass: $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$.

$$C_x = \frac{1}{2}\|a^L - y\|^2$$

The cost over all $n$ training inputs is

$$C = \frac{1}{n}\sum_x C_x.$$

WORDS

$$w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T$$

$$b^l \to b^l - \frac{\eta}{n}\sum_x \delta^{x,l}$$

$$b^l \to b^l - \eta\sum_x \delta^{x,l}$$
"""


def test_rv46_a4_eta_over_m_unjudged_in_full_batch_notes(tmp_path):
    # hand: the notes say the sum runs over all n inputs and there are no mini-batches: η/m divides by a count they
    # never introduce (not judged; before, held as a mini-batch step); η/n Σ_x is the full step (holds); η Σ_x without
    # a 1/n is n times it (refuted)
    words = "Full-batch gradient descent, where the sum runs over all $n$ training inputs (no mini-batches here):"
    rows = _rows(tmp_path, FULL_BATCH.replace("WORDS", words))
    assert rows[11].status == "uninterpretable" and "divides by m" in rows[11].reason
    assert rows[13].status == "holds"
    assert rows[15].status == "refuted"


def test_rv46_a4_eta_over_m_holds_where_the_notes_speak_of_a_mini_batch(tmp_path):
    # hand: "a mini-batch of $m$ inputs" drawn from the n: Nielsen's eq. (20), holds (the control of the test above)
    rows = _rows(tmp_path, FULL_BATCH.replace("WORDS", "Stochastic gradient descent on a mini-batch of $m$ inputs:"))
    assert rows[11].status == "holds"
    assert rows[15].status == "refuted"


# -- D6: the transpose in a font or as \intercal ----------------------------------------------------------------

@pytest.mark.parametrize("mark", [r"^{\mathsf T}", r"^{\mathsf{T}}", r"^{\intercal}", r"^\intercal", r"^{\rm T}",
                                  r"^{\mathrm{T}}", r"^{\mathrm T}"])
def test_rv46_d6_transpose_spellings_read_as_t(mark):
    # hand: δ^l (a^{l-1})^T is BP4 (holds) whatever font the T is set in; δ^l (a^l)^T has the wrong layer (refuted)
    assert verify(r"\frac{\partial C}{\partial w^l} = \delta^{l}(a^{l-1})" + mark, NT).status == "holds"
    assert verify(r"\frac{\partial C}{\partial w^l} = \delta^{l}(a^{l})" + mark, NT).status == "refuted"


def test_rv46_d6_transpose_in_a_font_inside_a_mini_batch_step(tmp_path):
    # hand: Nielsen's eq. (20) with (a^{x,l-1})^{\mathsf T} (holds); with a^{x,l} (refuted: the wrong layer)
    rows = _rows(tmp_path, LAYERS + "$$w^l \\to w^l - \\frac{\\eta}{m}\\sum_x \\delta^{x,l}\\,(a^{x,l-1})^{\\mathsf T}$$\n\n"
                 "$$w^l \\to w^l - \\frac{\\eta}{m}\\sum_x \\delta^{x,l}\\,(a^{x,l})^{\\mathsf T}$$\n")
    assert rows[11].status == "holds"
    assert rows[13].status == "refuted"


# -- C2: an update rule w^l_{t+1} = w^l_t - … is never the notes' forward pass --------------------------------

STEP_NOTES = r"""The cost $C = \frac{1}{2}\|a^L - y\|^2$, $a^l = \sigma(z^l)$.

$$w^l_{t+1} = w^l_t - \eta\, \delta^l (a^{LAYER})^T$$

$$\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j$$

$$\frac{\partial C}{\partial w^l_{jk}} = a^{l}_k \delta^l_j$$
"""


def test_rv46_c2_wrong_update_rule_refuted_not_a_forward_pass(tmp_path):
    # hand: δ^l (a^l)^T is not ∂C/∂w^l (wrong layer: refuted, as the \gets spelling is); the claims after it are
    # judged against Nielsen's forward pass (BP4 holds, a^l_k refuted), not left unjudged behind a "definition"
    rows = _rows(tmp_path, STEP_NOTES.replace("LAYER", "l"))
    assert rows[3].status == "refuted"
    assert rows[5].status == "holds"
    assert rows[7].status == "refuted"


def test_rv46_c2_right_update_rule_holds(tmp_path):
    # hand: w^l − η δ^l (a^{l-1})^T is a step of SGD on one input (BP4)
    rows = _rows(tmp_path, STEP_NOTES.replace("LAYER", "l-1"))
    assert rows[3].status == "holds" and rows[5].status == "holds" and rows[7].status == "refuted"


# -- D7: \displaystyle changes only the typesetting ----------------------------------------------------------

def test_rv46_d7_displaystyle_before_a_sum_is_ignored():
    # hand: (1/n) Σ_x δ^{x,l} is BP3's mean (holds), the formula quoted as written; Σ_x δ^{x,l} without the 1/n is
    # n times it (refuted)
    v = verify(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\displaystyle\sum_x \delta^{x,l}", NT)
    assert v.status == "holds" and "\\displaystyle" in v.formula
    assert verify(r"\frac{\partial C}{\partial b^l} = \displaystyle\sum_x \delta^{x,l}", NT).status == "refuted"


def test_rv46_d7_displaystyle_in_a_mini_batch_step(tmp_path):
    # hand: Nielsen's eq. (21) with \displaystyle (holds); the error of layer l-1 in it (refuted: another layer's size)
    rows = _rows(tmp_path, LAYERS + "$$b^l \\to b^l - \\frac{\\eta}{m}\\displaystyle\\sum_x \\delta^{x,l}$$\n\n"
                 "$$b^l \\to b^l - \\frac{\\eta}{m}\\displaystyle\\sum_x \\delta^{x,l-1}$$\n")
    assert rows[11].status == "holds"
    assert rows[13].status == "refuted"


# -- D3: ∇C without a subscript, the gradient by every parameter ----------------------------------------------

def test_rv46_d3_nabla_c_mean_of_per_input_gradients():
    # hand: C = (1/n) Σ_x C_x, so ∇C = (1/n) Σ_x ∇C_x for the weights and the biases alike (holds); without the
    # 1/n it is n times the gradient (refuted)
    assert verify(r"\nabla C = \frac{1}{n}\sum_x \nabla C_x", NT).status == "holds"
    assert verify(r"\nabla C = \sum_x \nabla C_x", NT).status == "refuted"
    assert verify(r"\nabla C = \nabla C_x", NT).status != "holds"  # one input's gradient for the mean's


# -- D5: a step from another iterate -----------------------------------------------------------------------------

@pytest.mark.parametrize("rule", [r"w_{t+1} = w_{t-1} - \eta \nabla C", r"w_{t+1} = w_{t+1} - \eta \nabla C",
                                  r"w^l_{t+1} = w^l_{t-1} - \eta\, \delta^l (a^{l-1})^T"])
def test_rv46_d5_step_from_another_iterate_refuted(rule):
    # hand: gradient descent steps from w_t to w_{t+1}; starting from w_{t-1} (or the new value itself) is a slip
    v = verify(rule, NT)
    assert v.status == "refuted" and "starts from" in v.reason


def test_rv46_d5_step_from_the_current_iterate_holds():
    # hand: w_{t+1} = w_t − η ∇C is the step (holds); w_t = w_{t-1} − η ∇C the same, one step earlier
    assert verify(r"w_{t+1} = w_t - \eta \nabla C", NT).status == "holds"
    assert verify(r"w_{t} = w_{t-1} - \eta \nabla C", NT).status == "holds"


def test_rv46_d7_sum_over_a_calligraphic_mini_batch_in_a_step():
    # hand: (η/m) Σ_{x∈𝓑} δ^{x,l} is Nielsen's eq. (21) on the mini-batch 𝓑 of m (holds, as Σ_{x∈X} does); the error
    # of layer l-1 in it has another layer's size (refuted)
    assert verify(r"b^l \to b^l - \frac{\eta}{m}\sum_{x \in \mathcal{B}} \delta^{x,l}", NT).status == "holds"
    assert verify(r"b^l \to b^l - \frac{\eta}{m}\sum_{x \in \mathcal{B}} \delta^{x,l-1}", NT).status == "refuted"
