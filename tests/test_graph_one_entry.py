r"""Vectors and matrices of one entry in notes in their own terms (review rv45 B2, C1; ``graphoneentry``).

Before, a net with one output or one input had its true claims refuted on shape ("cannot multiply entrywise a
scalar and a scalar", "diag of a scalar", "a column vector of 1 but … a scalar") or stopped the run ("g = x W makes g
a scalar, but it is g a vector … of 2"): the product of one entry is evaluated as a number.

By hand, row form (x a row of 3, W 3×1, g = x W, h = tanh g, L = L(h)): g and h have one entry, g_1 = Σ_i x_i W_{i1};
∂L/∂g = ∂L/∂h (1 − h²), ∂h/∂g = 1 − h² (diag of one entry), ∂L/∂W_{i1} = x_i ∂L/∂g_1.
Column form with one input (y a column of 1, W 3×1, x = W y, z = h(x)): ∂L/∂y = W^T ∂L/∂x (a number),
y ← y − η W^T ∂L/∂x goes downhill. Column form with one output (y a column of 3, W 1×3, x = W y):
∂L/∂w_{1j} = ∂L/∂x_1 y_j.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

ROW = r"""Let $x$ be a row vector of length 3 and $W$ a $3 \times 1$ matrix.

$$g = x W$$

$$h = \tanh(g)$$

$$L = L(h)$$
"""
ONE_INPUT = r"""Let $y$ be a column vector of length 1 and $W$ a $3 \times 1$ matrix.

$$x = W y$$

$$z = h(x)$$

$$L = L(z)$$
"""
ONE_OUTPUT = r"""Let $y$ be a column vector of length 3 and $W$ a $1 \times 3$ matrix.

$$x = W y$$

$$z = h(x)$$

$$L = L(z)$$
"""


def _verdict(notes: str, claim: str):
    return {r.formula.text: r.result for r in verify_text(notes + f"\n$${claim}$$\n").rows}[claim]


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial h} \odot (1 - h^2)", "holds"),
    (r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial h} \odot (1 + h^2)", "refuted"),
    (r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial h} \odot h", "refuted"),
    (r"\frac{\partial h}{\partial g} = \operatorname{diag}(1 - h^2)", "holds"),
    (r"\frac{\partial h}{\partial g} = \operatorname{diag}(1 + h^2)", "refuted"),
    (r"\frac{\partial L}{\partial W_{ij}} = x_i \frac{\partial L}{\partial g_j}", "holds"),
    (r"\frac{\partial L}{\partial W_{ij}} = x_i \frac{\partial L}{\partial h_j}", "refuted"),
])
def test_row_net_with_one_output(claim, status):
    got = _verdict(ROW, claim)
    assert got.status == status, got.reason


def test_one_output_entry_claim_does_not_stop_the_run():
    """rv45 C1 (g31.md): before, exit 2 "g = x W makes g a scalar, but it is g a vector … of 2"."""
    report = verify_text(ROW + "\n$$\\frac{\\partial L}{\\partial W_{ij}} = x_i \\frac{\\partial L}{\\partial g_j}$$\n")
    assert report.graph.model.quantities["g"].dims == (1,)


@pytest.mark.parametrize("claim, status", [
    (r"\frac{dL}{dy} = W^T \frac{dL}{dx}", "holds"),
    (r"\frac{dL}{dy} = 2 W^T \frac{dL}{dx}", "refuted"),
    (r"\frac{dL}{dy} = W \frac{dL}{dx}", "refuted"),  # 3×1 times 3×1: no product
    (r"y \leftarrow y - \eta W^T \frac{dL}{dx}", "holds"),
    (r"y \leftarrow y + \eta W^T \frac{dL}{dx}", "refuted"),
])
def test_column_net_with_one_input(claim, status):
    got = _verdict(ONE_INPUT, claim)
    assert got.status == status, got.reason


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial L}{\partial w_{ij}} = \frac{\partial L}{\partial x_i} y_j", "holds"),
    (r"\frac{\partial L}{\partial w_{ij}} = \frac{\partial L}{\partial x_i} y_i", "refuted"),
    (r"\frac{\partial L}{\partial w_{ij}} = \frac{\partial L}{\partial z_i} y_j", "refuted"),
])
def test_column_net_with_one_output(claim, status):
    """rv45 C1 (c31.md): before, nothing was judged ("x = W y makes x a scalar")."""
    got = _verdict(ONE_OUTPUT, claim)
    assert got.status == status, got.reason


def test_entrywise_product_of_numbers_the_notes_never_shape_stays_a_misfit():
    """⊙ of names read as numbers (the notes say nothing of a, u): not taken as a product of one-entry vectors, so
    the number reading cannot make a claim hold that the vector reading refutes."""
    from symbp.verify.graphmodel import Model, Quantity
    from symbp.verify.graphoneentry import operands_one_entry
    from symbp.verify.graphread import read_graph

    m = Model()
    m.quantities = {"a": Quantity("a", 0), "u": Quantity("u", 0), "L": Quantity("L", 0),
                    "W": Quantity("W", 2, dims=(3, 1)), "h": Quantity("h", 0)}
    m.one_entry = {"h"}
    eq = read_graph(r"\frac{\partial L}{\partial a} \odot (1 - u^2)", expression=True)
    assert not operands_one_entry(m, eq)
    eq = read_graph(r"\frac{\partial L}{\partial h} \odot (1 - h^2)", expression=True)
    assert operands_one_entry(m, eq)


TARGET = r"""The input $x$ is a row vector with entries $x_1, x_2, x_3$, and $W$ is a $3 \times 1$ matrix.

$$g = xW$$

$$h = \tanh(g)$$

The loss is $L = \frac{1}{2}(h - t)^2$. The target $t$ is a number.
"""


# By hand (review rv49 B5): g and h have one entry and t is a number, so ∂L/∂g = (h − t)(1 − h²); ⊙ of these numbers
# is their product. Before, the true forms were refuted with "cannot multiply entrywise a scalar and a scalar".
@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial L}{\partial g} = (h - t) \odot (1 - h^2)", "holds"),
    (r"\frac{\partial L}{\partial g} = (1 - h^2) \odot (h - t)", "holds"),
    (r"\frac{\partial L}{\partial g} = (h - t) \odot (1 - h) \odot (1 + h)", "holds"),
    (r"\frac{\partial L}{\partial g} = (h - t) \odot (1 - h)", "refuted"),  # the sigmoid's form for tanh
    (r"\frac{\partial L}{\partial g} = (t - h) \odot (1 - h^2)", "refuted"),  # the sign
    (r"\frac{\partial L}{\partial g} = (h - t) \odot h", "refuted"),
])
def test_rv49_b5_entrywise_product_beside_a_number_target(claim, status):
    got = _verdict(TARGET, claim)
    assert got.status == status, got.reason


def test_rv49_b5_an_operand_of_numbers_alone_keeps_the_misfit():
    from symbp.verify.graphmodel import Model, Quantity
    from symbp.verify.graphoneentry import operands_one_entry
    from symbp.verify.graphread import read_graph

    m = Model()
    m.quantities = {"t": Quantity("t", 0), "L": Quantity("L", 0), "h": Quantity("h", 0),
                    "W": Quantity("W", 2, dims=(3, 1))}
    m.one_entry = {"h"}
    assert operands_one_entry(m, read_graph(r"h - t", expression=True), read_graph(r"1 - h^2", expression=True))
    assert not operands_one_entry(m, read_graph(r"t", expression=True), read_graph(r"1 - h^2", expression=True))
