r"""A name defined as a derivative entry is a name for that derivative in the claims after it (review rv48 D2).

``G_{ij} = \frac{\partial L}{\partial w_{ij}}`` as a display of its own was "not read" once a later claim said
``G = …`` (/tmp/rv48/g/e5.md), and so was the Polish "Oznaczmy $G_{ij} = …$" (held/h3_pl_row.md); ``Let $J_{ij} =
\frac{\partial y_j}{\partial x_i}$`` with later ``J = W^T`` made J (a loss letter) the loss, a 2×2 matrix (e2.md).
A formula with the name on the left *after* its entries' definition is a claim about the derivative it names; one
before it still defines the name another way (left unread, never judged). Each verdict decided by hand:

e5 (column x, y = W x, L = L(z_1, z_2), G = ∂L/∂W, ∂L/∂w_ij = ∂L/∂y_i x_j): G = dL/dy x^T holds; G = x (dL/dy)^T
(entry (i, j) = x_i ∂L/∂y_j) refuted; G_12 = ∂L/∂y_2 x_1 (is ∂L/∂y_1 x_2) refuted; W ← W − η G holds.
e2 (J_ij = ∂y_j/∂x_i = w_ji, so J = W^T; ∂L/∂x_i = Σ_j J_ij ∂L/∂y_j): dL/dx = J dL/dy holds, J^T in its place
refuted; J = W^T holds, J = W refuted.
h3 (row x (1×2), g = x W, W 2×3, h = σ(g), L = ½‖h − t‖²): G = x^T ∂L/∂g holds; G = (∂L/∂g)^T x (3×2) refuted;
G_12 = x_2 ∂L/∂g_1 (is x_1 ∂L/∂g_2) refuted; W ← W − η G holds.
"""

from __future__ import annotations

from symbp.verify.notes import verify_text

_COLUMN = r"""The input $x$ is a column vector with entries $x_1, x_2$, and $W$ is a $2 \times 2$ matrix.

$$y = Wx$$

$$z = \tanh(y)$$

The loss is $L = L(z_1, z_2)$.

"""
_E5 = _COLUMN + r"""$$G_{ij} = \frac{\partial L}{\partial w_{ij}}$$

$$G = \frac{dL}{dy} x^T$$

$$G = x \left(\frac{dL}{dy}\right)^T$$

$$G_{12} = \frac{\partial L}{\partial y_2} x_1$$

$$W \leftarrow W - \eta G$$
"""
_E2 = _COLUMN + r"""Let $J_{ij} = \frac{\partial y_j}{\partial x_i}$.

$$\frac{dL}{dx} = J^T \frac{dL}{dy}$$

$$\frac{dL}{dx} = J \frac{dL}{dy}$$

$$J = W^T$$

$$J = W$$
"""
_H3 = r"""# Propagacja wsteczna — wektory wierszowe

Wejście $x = (x_1, x_2)$ jest wektorem wierszowym, $W$ jest macierzą $2 \times 3$:

$$g = xW$$

$$h = \sigma(g)$$

gdzie $\sigma$ to funkcja sigmoidalna stosowana do każdej składowej. Strata:

$$L = \frac{1}{2}\|h - t\|^2$$

gdzie $t$ to wektor docelowy. Oznaczmy $G_{ij} = \frac{\partial L}{\partial w_{ij}}$.

$$G = x^T \frac{\partial L}{\partial g}$$

$$G = \left(\frac{\partial L}{\partial g}\right)^T x$$

$$G_{12} = x_2 \frac{\partial L}{\partial g_1}$$

$$W \leftarrow W - \eta G$$
"""


def _status(text: str) -> dict:
    return {row.formula.text: row.result.status for row in verify_text(text).rows}


def test_entry_name_display_then_claims_about_it():
    got = _status(_E5)
    assert got[r"G = \frac{dL}{dy} x^T"] == "holds", got
    assert got[r"G = x \left(\frac{dL}{dy}\right)^T"] == "refuted", got
    assert got[r"G_{12} = \frac{\partial L}{\partial y_2} x_1"] == "refuted", got
    assert got[r"W \leftarrow W - \eta G"] == "holds", got
    assert r"G_{ij} = \frac{\partial L}{\partial w_{ij}}" not in got  # a definition, not a row


def test_entry_name_jacobian_is_no_loss():
    got = _status(_E2)
    assert got[r"\frac{dL}{dx} = J \frac{dL}{dy}"] == "holds", got
    assert got[r"\frac{dL}{dx} = J^T \frac{dL}{dy}"] == "refuted", got
    assert got["J = W^T"] == "holds", got
    assert got["J = W"] == "refuted", got


def test_entry_name_polish_inline():
    got = _status(_H3)
    assert got[r"G = x^T \frac{\partial L}{\partial g}"] == "holds", got
    assert got[r"G = \left(\frac{\partial L}{\partial g}\right)^T x"] == "refuted", got
    assert got[r"G_{12} = x_2 \frac{\partial L}{\partial g_1}"] == "refuted", got
    assert got[r"W \leftarrow W - \eta G"] == "holds", got


def test_entry_name_after_another_definition_is_not_read():
    # hand: G = x (dL/dy)^T first (wrong as ∂L/∂W) and G_{ij} = ∂L/∂w_{ij} after it: which one defines G is not
    # said; the wrong formula never holds, and neither does W ← W − η G through it
    text = _COLUMN + r"""$$G = x \left(\frac{dL}{dy}\right)^T$$

$$G_{ij} = \frac{\partial L}{\partial w_{ij}}$$

$$W \leftarrow W - \eta G$$
"""
    got = _status(text)
    assert got.get(r"G = x \left(\frac{dL}{dy}\right)^T") != "holds", got
    assert got.get(r"W \leftarrow W - \eta G") != "holds", got
