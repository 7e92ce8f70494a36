r"""A run of digits below a matrix's name in graph notes (issue 14): ``W_{12}``, ``W_{10}``, ``W_{111}``.

g = W x, so ∂g_i/∂W_{jk} = [i = j] x_k (worked by hand). ``W_{10}`` was read as W_{1,0} and *refuted* for its column 0,
whatever the claim said; the notes may mean the tenth W of W_1, W_2, …, or write 0-based indices, which the model
does not read: uninterpretable, naming the readings. ``W_{111}`` of a 12×12 W is W_{1,11} or W_{11,1}: the notes do
not say which; of a 2×12 W only W_{1,11} is an entry.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphdigits import digit_split
from symbp.verify.graphmodel import GraphUninterpretable
from symbp.verify.notes import verify_text

SMALL = r"""# Entries

Let $x$ be a column vector with entries $x_1, x_2$, $W$ a $2 \times 2$ matrix and $g = W x$.

$$\frac{\partial g_1}{\partial W_{12}} = x_2$$

$$\frac{\partial g_1}{\partial W_{12}} = x_1$$

$$\frac{\partial g_1}{\partial W_{10}} = x_1$$

$$\frac{\partial g_1}{\partial W_{10}} = 0$$
"""

LARGE = r"""# Entries

Let $x$ be a column vector with 12 entries, $W$ a <ROWS> \times 12$ matrix and $g = W x$.

$$\frac{\partial g_1}{\partial W_{111}} = x_{11}$$

$$\frac{\partial g_1}{\partial W_{111}} = x_1$$

$$\frac{\partial g_1}{\partial W_{10}} = 0$$
"""


def _verdicts(text: str) -> dict:
    return {row.formula.text: row.result for row in verify_text(text).rows}


def test_w10_of_a_small_matrix_is_never_judged():
    got = _verdicts(SMALL)
    assert got[r"\frac{\partial g_1}{\partial W_{12}} = x_2"].status == "holds"  # W_{1,2}: ∂g_1/∂W_{12} = x_2
    assert got[r"\frac{\partial g_1}{\partial W_{12}} = x_1"].status == "refuted"
    for claim in (r"\frac{\partial g_1}{\partial W_{10}} = x_1", r"\frac{\partial g_1}{\partial W_{10}} = 0"):
        result = got[claim]
        assert result.status == "uninterpretable", result.reason  # before: refuted for a column 0
        assert "W_{1,0}" in result.reason and "W_1, W_2" in result.reason  # both readings named


def test_digit_runs_of_a_large_matrix():
    square = _verdicts(LARGE.replace("<ROWS>", "$12"))
    for claim in (r"\frac{\partial g_1}{\partial W_{111}} = x_{11}", r"\frac{\partial g_1}{\partial W_{111}} = x_1"):
        assert square[claim].status == "uninterpretable"
        assert "W_{1,11}" in square[claim].reason and "W_{11,1}" in square[claim].reason
    assert square[r"\frac{\partial g_1}{\partial W_{10}} = 0"].status == "uninterpretable"
    wide = _verdicts(LARGE.replace("<ROWS>", "$2"))  # 2 rows: W_{111} can only be W_{1,11}, ∂g_1/∂W_{1,11} = x_11
    assert wide[r"\frac{\partial g_1}{\partial W_{111}} = x_{11}"].status == "holds"
    assert wide[r"\frac{\partial g_1}{\partial W_{111}} = x_1"].status == "refuted"


@pytest.mark.parametrize("digits, dims, split", [("12", (2, 3), (1, 2)), ("21", (2, 3), (2, 1)),
                                                 ("111", (2, 12), (1, 11)), ("111", (12, 2), (11, 1)),
                                                 ("1012", (10, 12), (10, 12)), ("105", (12, 12), (10, 5))])
def test_digit_split_takes_the_one_entry(digits, dims, split):
    assert digit_split(digits, dims, f"W_{{{digits}}}", "W") == split


@pytest.mark.parametrize("digits, dims", [("10", (2, 2)), ("111", (12, 12)), ("31", (2, 2)), ("112", (12, 12))])
def test_digit_split_refuses_to_guess(digits, dims):
    with pytest.raises(GraphUninterpretable):
        digit_split(digits, dims, f"W_{{{digits}}}", "W")
