r"""Subscripted names of their own in graph notes (issue 14 reach, ``graphsubnames``): the common "two-layer net"
notes write W_1, W_2 for the layers' matrices and δ_1, δ_2 for their errors. Before, δ_2 and W_1 were read as entries
of δ and W and nothing of such notes was judged. Every verdict below is decided by hand:

L = ½‖y − t‖², y = W_2 a, a = tanh(h), h = W_1 x (x ∈ R³, W_1 4×3, W_2 2×4), so
∂L/∂y = y − t = δ_2, ∂L/∂W_2 = δ_2 aᵀ (2×4: holds), ∂L/∂a = W_2ᵀ δ_2, ∂L/∂h = (1 − a²) ⊙ W_2ᵀ δ_2 = δ_1 (tanh' = 1 − tanh²),
∂L/∂W_1 = δ_1 xᵀ (4×3: holds); δ_1 aᵀ is 4×4, not W_1's 4×3: refuted by its shape in both layouts.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphprose import hints_and_prose
from symbp.verify.graphread import read_graph as r
from symbp.verify.graphsubnames import own_names
from symbp.verify.notes import verify_text

SIZES = r"$W_1$ is a $4 \times 3$ matrix and $W_2$ is a $2 \times 4$ matrix"
TWO_LAYER = r"""# A two-layer net

Let $x$ be a column vector with 3 entries, <SIZES>. Let $h = W_1 x$, $a = \tanh(h)$, $y = W_2 a$ and $L = \frac12 \|y - t\|^2$.

We write $\delta_2 = y - t$ and $\delta_1 = (1 - a^2) \odot (W_2^T \delta_2)$.

$$\frac{\partial L}{\partial W_2} = \delta_2 a^T$$

$$\frac{\partial L}{\partial W_1} = \delta_1 x^T$$

$$\frac{\partial L}{\partial W_1} = \delta_1 a^T$$
"""
RIGHT_2 = r"\frac{\partial L}{\partial W_2} = \delta_2 a^T"
RIGHT_1 = r"\frac{\partial L}{\partial W_1} = \delta_1 x^T"
WRONG_1 = r"\frac{\partial L}{\partial W_1} = \delta_1 a^T"


def _verdicts(text: str) -> dict:
    report = verify_text(text)
    return {row.formula.text: row.result for row in report.rows}


@pytest.mark.parametrize("sizes", [
    SIZES,
    r"$W_1$ a $4 \times 3$ matrix and $W_2$ a $2 \times 4$ matrix",  # the article "a", not the name $a$
    r"$W_1 \in \mathbb{R}^{4\times 3}$ and $W_2 \in \mathbb{R}^{2 \times 4}$",
    r"$W_{1}$ is a $4 \times 3$ matrix and $W_{2}$ is a $2 \times 4$ matrix",  # braces around the digit
])
def test_two_layer_net_is_judged(sizes):
    got = _verdicts(TWO_LAYER.replace("<SIZES>", sizes))
    assert got[RIGHT_2].status == "holds", got[RIGHT_2].reason
    assert got[RIGHT_1].status == "holds", got[RIGHT_1].reason
    assert got[WRONG_1].status == "refuted", got[WRONG_1].reason
    assert "4×4" in got[WRONG_1].reason  # δ_1 aᵀ: 4×4, never a guessed shape of a scalar W_1


def test_two_layer_net_with_own_letters():
    """U, V instead of W_1, W_2 (δ_1, δ_2 stay subscripted): the prose sizes belong to U and V, never to y."""
    text = TWO_LAYER.replace("<SIZES>", SIZES).replace("W_1", "U").replace("W_2", "V")
    got = _verdicts(text)
    assert got[RIGHT_2.replace("W_2", "V")].status == "holds"
    assert got[RIGHT_1.replace("W_1", "U")].status == "holds"
    assert got[WRONG_1.replace("W_1", "U")].status == "refuted"


def test_the_model_says_which_names_are_its_own():
    report = verify_text(TWO_LAYER.replace("<SIZES>", SIZES))
    lines = report.graph.model.lines()
    assert "W_1 a 4×3 matrix (said on line 3)" in lines
    assert any("names of their own" in line and "\\delta_2" in line for line in lines)


def test_biases_and_wrong_backward_step():
    """h = tanh(W_1 x + b_1), y = W_2 h + b_2: ∂L/∂b_2 = y − t; ∂L/∂b_1 = (1 − h²) ⊙ W_2ᵀ(y − t) holds and W_2ᵀ(y − t)
    (tanh' forgotten) is refuted (4 entries, numerically: 1 − h² ≠ 1 at a generic point)."""
    text = (r"Let $x$ be a column vector with 3 entries, $W_1$ a $4 \times 3$ matrix and $W_2$ a $2 \times 4$ matrix. "
            r"Let $h = \tanh(W_1 x + b_1)$, $y = W_2 h + b_2$ and $L = \frac12 \|y - t\|^2$." "\n\n"
            r"$$\frac{\partial L}{\partial b_2} = y - t$$" "\n\n"
            r"$$\frac{\partial L}{\partial b_1} = (1 - h^2) \odot (W_2^T (y - t))$$" "\n\n"
            r"$$\frac{\partial L}{\partial b_1} = W_2^T (y - t)$$" "\n")
    got = _verdicts(text)
    assert got[r"\frac{\partial L}{\partial b_2} = y - t"].status == "holds"
    assert got[r"\frac{\partial L}{\partial b_1} = (1 - h^2) \odot (W_2^T (y - t))"].status == "holds"
    assert got[r"\frac{\partial L}{\partial b_1} = W_2^T (y - t)"].status == "refuted"


def test_no_sizes_said_the_products_decide():
    """No prose: W_1, W_2 are read as matrices by their products (the vector reading guesses W_1 as it does W; before,
    W_1 was a number and the right backward step was refuted: "cannot multiply entrywise a scalar and a scalar").
    ∂L/∂W_2 = (y − t) aᵀ holds (its shape is W_2's only in the denominator layout). The sizes are open, so the family
    has a square W_1: there ∂L/∂W_1 = ((1 − a²) ⊙ W_2ᵀ(y − t)) xᵀ holds in the denominator layout and, transposed in
    the numerator layout, differs, and the notes declare no layout: ambiguous, naming both. W_2 (y − t) without the
    transpose does not multiply (y has W_2's rows, not its columns, at the family's sizes): refuted."""
    text = (r"Let $h = W_1 x$, $a = \tanh(h)$, $y = W_2 a$ and $L = \frac12 \|y - t\|^2$." "\n\n"
            r"$$\frac{\partial L}{\partial W_2} = (y - t) a^T$$" "\n\n"
            r"$$\frac{\partial L}{\partial W_1} = ((1 - a^2) \odot (W_2^T (y - t))) x^T$$" "\n\n"
            r"$$\frac{\partial L}{\partial W_1} = ((1 - a^2) \odot (W_2 (y - t))) x^T$$" "\n")
    report = verify_text(text)
    got = {row.formula.text: row.result for row in report.rows}
    assert report.graph.model.quantities["W_2"].rank == 2 and report.graph.model.quantities["W_1"].rank == 2
    assert got[r"\frac{\partial L}{\partial W_2} = (y - t) a^T"].status == "holds"
    right = got[r"\frac{\partial L}{\partial W_1} = ((1 - a^2) \odot (W_2^T (y - t))) x^T"]
    assert right.status == "ambiguous" and "denominator layout holds" in right.reason
    assert got[r"\frac{\partial L}{\partial W_1} = ((1 - a^2) \odot (W_2 (y - t))) x^T"].status == "refuted"


def test_w1_stays_an_entry_of_a_vector_w():
    """W is a row vector with entries W_1, W_2 and y = W x = W_1 x_1 + W_2 x_2: ∂L/∂W_1 = (y − t) x_1 holds,
    (y − t) x_1 for W_2 is refuted (it is (y − t) x_2)."""
    text = (r"Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a row vector with entries $W_1, W_2$. "
            r"Let $y = W x$ and $L = \frac12 (y - t)^2$." "\n\n"
            r"$$\frac{\partial L}{\partial W_1} = (y - t) x_1$$" "\n\n"
            r"$$\frac{\partial L}{\partial W_2} = (y - t) x_1$$" "\n")
    report = verify_text(text)
    got = {row.formula.text: row.result for row in report.rows}
    assert got[r"\frac{\partial L}{\partial W_1} = (y - t) x_1"].status == "holds"
    assert got[r"\frac{\partial L}{\partial W_2} = (y - t) x_1"].status == "refuted"
    assert report.graph.model.quantities["W"].rank == 1  # an array with entries, not two names


def test_whole_and_entry_at_once_is_not_judged():
    """W is a 2×2 matrix and the claim transposes W_1: a row of W? a matrix of its own? Not said: uninterpretable,
    never judged on a guess; the claim about W itself is judged (∂L/∂x = Wᵀ(g − t) holds)."""
    text = (r"Let $x$ be a column vector with 2 entries and $W$ a $2 \times 2$ matrix. "
            r"Let $g = W x$ and $L = \frac12 \|g - t\|^2$." "\n\n"
            r"$$\frac{\partial L}{\partial x} = W^T (g - t)$$" "\n\n"
            r"$$\frac{\partial L}{\partial x} = W_1^T (g - t)$$" "\n")
    got = _verdicts(text)
    assert got[r"\frac{\partial L}{\partial x} = W^T (g - t)"].status == "holds"
    bad = got[r"\frac{\partial L}{\partial x} = W_1^T (g - t)"]
    assert bad.status == "uninterpretable"
    assert "W_1 is used as a whole" in bad.reason and "W as an array" in bad.reason


@pytest.mark.parametrize("formulas, renamed", [
    (["h = W_1 x", r"\frac{\partial L}{\partial W_1} = \delta_1 x^T"], {"W_1", "\\delta_1"}),  # xᵀ: x whole
    (["g = x W", r"\frac{\partial L}{\partial x_1} = W_{12}"], set()),  # seed 004: entries of W and x
    (["z = w_1 x_1 + w_2 x_2", r"\frac{\partial L}{\partial w_1} = x_1"], set()),  # numbers: entries stay
    (["y = w_1 x", "L = (y - t)^2"], set()),  # nothing makes x a vector: no sign that w_1 is a whole
    ([r"h = \tanh(g)", "h_1 = g_1"], set()),  # h used on its own: h_1 its entry
])
def test_own_names_rules(formulas, renamed):
    assert set(own_names([r(f) for f in formulas], []).renamed.values()) == renamed


def test_prose_shapes_of_subscripted_names():
    hints, _ = hints_and_prose(r"Let $W_1$ a $4 \times 3$ matrix, $\delta_2 \in \mathbb{R}^{2}$ and $W_{2}$, $W_3$ be "
                               r"$2 \times 2$ matrices.")
    assert (1, "W_1", "", (4, 3)) in hints
    assert (1, "\\delta_2", "", (2,)) in hints
    assert (1, "W_2", "", (2, 2)) in hints and (1, "W_3", "", (2, 2)) in hints


def test_three_layers_with_layer_vectors():
    """h_1 = tanh(W_1 x), h_2 = tanh(W_2 h_1), y = W_3 h_2 (W_3 1×3: y a number), L = ½(y − t)²: h_1, h_2 are the
    layers' vectors, names of their own. ∂L/∂h_2 = W_3ᵀ(y − t); ∂L/∂W_2 = ((1 − h_2²) ⊙ W_3ᵀ(y − t)) h_1ᵀ holds and
    with h_2ᵀ (the layer's own output instead of its input; W_2 is 3×3, so only the values tell) is refuted;
    ∂L/∂h_1 = W_2ᵀ((1 − h_2²) ⊙ W_3ᵀ(y − t)) holds, written with a bold h_1."""
    text = (r"Let $x$ be a column vector with 2 entries, $W_1$ a $3 \times 2$ matrix, $W_2$ a $3 \times 3$ matrix and "
            r"$W_3$ a $1 \times 3$ matrix. Let $h_1 = \tanh(W_1 x)$, $h_2 = \tanh(W_2 h_1)$, $y = W_3 h_2$ and "
            r"$L = \frac12 (y - t)^2$." "\n\n")
    claims = {r"\frac{\partial L}{\partial h_2} = W_3^T (y - t)": "holds",
              r"\frac{\partial L}{\partial W_2} = ((1 - h_2^2) \odot W_3^T (y - t)) h_1^T": "holds",
              r"\frac{\partial L}{\partial W_2} = ((1 - h_2^2) \odot W_3^T (y - t)) h_2^T": "refuted",
              r"\frac{\partial L}{\partial \mathbf{h}_1} = W_2^T ((1 - h_2^2) \odot W_3^T (y - t))": "holds"}
    got = _verdicts(text + "".join(f"$${c}$$\n\n" for c in claims))
    assert {c: got[c].status for c in claims} == claims


def test_an_unread_definition_of_a_name_of_its_own_is_never_an_input():
    r"""h_1 = sparsemax(W_1 x) is not read. y = W_2 h_1 + W_3 x, so ∂L/∂x = W_3ᵀ(y − t) + (∂h_1/∂x)ᵀ W_2ᵀ(y − t): the
    claim W_3ᵀ(y − t) is wrong, and would hold if h_1 were taken as a free input. It must not be judged so."""
    text = (r"Let $x$ be a column vector with 3 entries, $W_1$ a $4 \times 3$ matrix, $W_2$ a $2 \times 4$ matrix and "
            r"$W_3$ a $2 \times 3$ matrix." "\n\n" r"$$h_1 = \operatorname{sparsemax}(W_1 x)$$" "\n\n"
            r"Let $y = W_2 h_1 + W_3 x$ and $L = \frac12 \|y - t\|^2$." "\n\n"
            r"$$\frac{\partial L}{\partial x} = W_3^T (y - t)$$" "\n")
    got = _verdicts(text)[r"\frac{\partial L}{\partial x} = W_3^T (y - t)"]
    assert got.status == "uninterpretable" and "line 3" in got.reason, got.reason


def test_a_name_computed_from_an_undecided_one_is_not_judged():
    """u = W_1ᵀ g with W a 2×2 matrix: W_1 a row of W, an entry, a matrix of its own? Not said. L is computed from u,
    so ∂L/∂x = Wᵀ(u − t) (no W_1 in it) is a guess as well: uninterpretable, naming W_1."""
    text = (r"Let $x$ be a column vector with 2 entries and $W$ a $2 \times 2$ matrix. "
            r"Let $g = W x$, $u = W_1^T g$ and $L = \frac12 \|u - t\|^2$." "\n\n"
            r"$$\frac{\partial L}{\partial x} = W^T (u - t)$$" "\n")
    got = _verdicts(text)[r"\frac{\partial L}{\partial x} = W^T (u - t)"]
    assert got.status == "uninterpretable" and "W_1 is used as a whole" in got.reason, got.reason


def test_update_rules_of_names_of_their_own():
    """W_1 ← W_1 − η δ_1 xᵀ is gradient descent (δ_1 xᵀ = ∂L/∂W_1); W_2 ← W_2 − η δ_1 aᵀ adds a 4×4 step to a 2×4
    matrix (the gradient is δ_2 aᵀ): refuted."""
    text = TWO_LAYER.replace("<SIZES>", SIZES) + (r"$$W_1 \leftarrow W_1 - \eta \delta_1 x^T$$" "\n\n"
                                                  r"$$W_2 \leftarrow W_2 - \eta \delta_1 a^T$$" "\n")
    got = _verdicts(text)
    assert got[r"W_1 \leftarrow W_1 - \eta \delta_1 x^T"].status == "holds"
    assert got[r"W_2 \leftarrow W_2 - \eta \delta_1 a^T"].status == "refuted"
