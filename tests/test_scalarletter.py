r"""σ's scalar identities in a letter of their own (``scalarletter``). Review (layouts, finding 7): the row
``$$\sigma(t) = \frac{1}{1+e^{-t}} \qquad \sigma'(t) = \sigma(t)(1-\sigma(t))$$`` was unreadable ("the letter 't'").

By hand: for σ(t) = 1/(1 + e^{-t}), σ'(t) = e^{-t}/(1 + e^{-t})² = σ(t)(1 − σ(t)); σ(t)(1 + σ(t)) differs (at t = 0:
1/4 against 3/4)."""

from __future__ import annotations

from symbp.verify import verify
from symbp.verify.notes import verify_text
from symbp.verify.scalarletter import as_z


def _rows(text: str) -> dict:
    return {r.formula.text: r.result for r in verify_text(text).rows}


def test_a_qquad_row_of_sigmoid_in_t_reads_both_claims():
    rows = _rows("$$\\sigma(t) = \\frac{1}{1+e^{-t}} \\qquad \\sigma'(t) = \\sigma(t)(1-\\sigma(t))$$\n")
    assert rows[r"\sigma(t) = \frac{1}{1+e^{-t}}"].status == "holds"
    assert rows[r"\sigma'(t) = \sigma(t)(1-\sigma(t))"].status == "holds"


def test_a_wrong_sigmoid_derivative_in_t_is_refuted():
    rows = _rows("$$\\sigma(t) = \\frac{1}{1+e^{-t}} \\qquad \\sigma'(t) = \\sigma(t)(1+\\sigma(t))$$\n")
    result = rows[r"\sigma'(t) = \sigma(t)(1+\sigma(t))"]
    assert result.status == "refuted"
    assert "read with t as σ's variable z" in result.reason


def test_one_formula_in_u_is_read_in_z():
    assert verify(r"\sigma'(u) = \sigma(u)(1-\sigma(u))", "nielsen", activation="sigmoid").status == "holds"
    assert verify(r"\sigma'(u) = 1 - \sigma(u)", "nielsen", activation="sigmoid").status == "refuted"


def test_a_letter_beside_z_or_with_an_index_is_not_renamed():
    assert as_z(r"\sigma(t) = \sigma(z)") is None
    assert as_z(r"\sigma(t_j) = t_j") is None
    assert as_z(r"\sigma(t^{(l)}) = 1") is None
    assert verify(r"\sigma(t) = \sigma(z)", "nielsen").status == "unreadable"
