r"""What the prose says a name is, in graph notes: the orientation said after the formula that defines the name, and
a Greek name called a vector.

Before, "$u = (u_1, u_2)$ is a column vector." and "Let the column vector $u = (u_1, u_2)$ …" were not read (the
tuple stayed a row), and "a noise vector $\xi$" left ξ a constant (a learning-rate letter), so g = W (x + ξ) did not
fit. By hand: for a column u, s = uᵀu = u_1² + u_2², so ∂s/∂u_1 = 2 u_1 (u_1 alone is half of it); for g = W(x + ξ)
and a generic L, ∂L/∂ξ = ∂L/∂x = Wᵀ ∂L/∂g in the denominator layout, and W ∂L/∂g differs for a W that is not
symmetric.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphprose import hints_and_prose
from symbp.verify.notes import verify_text

TUPLE = r"""# A tuple and its orientation

<SAID> We compute $s = u^T u$.

$$\frac{\partial s}{\partial u_1} = 2 u_1$$

$$\frac{\partial s}{\partial u_1} = u_1$$
"""


def _rows(text: str) -> dict:
    return {r.formula.text: r.result for r in verify_text(text).rows}


@pytest.mark.parametrize("said", [
    r"$u = (u_1, u_2)$ is a column vector.",
    r"Here $u = (u_1, u_2)$ is a column vector, as always.",
    r"Let the column vector $u = (u_1, u_2)$ be given.",
])
def test_orientation_said_after_or_before_the_tuple(said):
    rows = _rows(TUPLE.replace("<SAID>", said))
    assert rows[r"\frac{\partial s}{\partial u_1} = 2 u_1"].status == "holds"
    assert rows[r"\frac{\partial s}{\partial u_1} = u_1"].status == "refuted"


def test_tuple_without_words_stays_a_row():
    # a row u makes uᵀu a 2×2 matrix: the scalar claim does not hold (the default reading, as before)
    rows = _rows(TUPLE.replace("<SAID>", r"Let $u = (u_1, u_2)$ be given."))
    assert rows[r"\frac{\partial s}{\partial u_1} = 2 u_1"].status != "holds"


def test_orientation_word_belongs_to_the_name_after_it():
    hints, _ = hints_and_prose(r"We multiply $u = (u_1, u_2)$ by the row vector $v$.")
    assert ("u" not in {name for _, name, orient, _ in hints if orient in ("row", "col")})
    assert (1, "v", "row", ()) in hints


NOISE = r"""# Noise

Let $x$ be a column vector of length 2 and $W$ a $2 \times 2$ matrix. We add a <NOISE> to the input:
$g = W (x + \xi)$ and $L = L(g_1, g_2)$.

$$\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial g}$$

$$\frac{\partial L}{\partial \xi} = W^T \frac{\partial L}{\partial g}$$

$$\frac{\partial L}{\partial \xi} = W \frac{\partial L}{\partial g}$$
"""


def test_noise_vector_in_prose_is_a_vector():
    rows = _rows(NOISE.replace("<NOISE>", r"noise vector $\xi$"))
    assert rows[r"\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial g}"].status == "holds"
    assert rows[r"\frac{\partial L}{\partial \xi} = W^T \frac{\partial L}{\partial g}"].status == "holds"
    assert rows[r"\frac{\partial L}{\partial \xi} = W \frac{\partial L}{\partial g}"].status == "refuted"


@pytest.mark.parametrize("noise", [r"noise $\xi$", r"noise $e$"])
def test_noise_added_to_a_vector_is_a_vector(noise):
    # without the word, ξ added to the column x is a vector of x's shape by the sum, as a Latin letter is (only a
    # number is spread over a vector); before, the rate's letter ξ stayed a constant and the definition misfit
    rows = _rows(NOISE.replace("<NOISE>", noise).replace("\\xi", "e" if "e$" in noise else "\\xi"))
    assert [r.status for t, r in rows.items() if "partial" in t] == ["holds", "holds", "refuted"]
