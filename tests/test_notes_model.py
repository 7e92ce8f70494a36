"""The notes' own definitions of the cost and of δ are honoured, never overridden (sceptical review F14–F16).

Truth by hand: with C = Σ_j (a^L_j − y_j)² (no ½), ∂C/∂a^L_j = 2(a^L_j − y_j), so the notes' ∂C/∂a = a − y is
false *for their cost* although it holds for symbp's ½-cost; with δ^l_j := ∂C/∂a^l_j, δ^L = a^L − y is true and
BP1's σ' factor is wrong. symbp has neither meaning, so it must not judge those claims at all.
"""

from symbp.verify.notes import verify_text

OWN_COST = "\n".join([
    "We use the squared error",
    "$$C = \\sum_j (a^L_j - y_j)^2$$",
    "so that",
    "$$\\frac{\\partial C}{\\partial a^L_j} = a^L_j - y_j$$",
    "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",
    "and the forward pass",
    "$$a^l = \\sigma(z^l)$$",
])

OWN_DELTA = "\n".join([
    "$$\\delta^l_j := \\frac{\\partial C}{\\partial a^l_j}$$",
    "",
    "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",
    "",
    "$$\\delta^L = a^L - y$$",
])


def _by_line(report):
    return {row.formula.line: row.result for row in report.rows}


def test_a_cost_of_the_notes_own_is_not_replaced_by_symbps():
    report = verify_text(OWN_COST, "auto")
    rows = _by_line(report)
    # The cost itself and the two claims about C and δ are not judged (no "holds" under another cost) ...
    for line in (2, 4, 5):
        assert rows[line].status == "uninterpretable", (line, rows[line].status, rows[line].reason)
        assert "their own cost at line 2" in rows[line].reason
    # ... while a claim that does not involve the cost is still judged.
    assert rows[7].status == "holds"
    assert any("own cost" in line for line in report.header())


def test_symbps_own_cost_written_out_is_a_definition_not_a_conflict():
    text = "$$C = \\frac{1}{2}\\sum_j (a^L_j - y_j)^2$$\n\n$$\\frac{\\partial C}{\\partial a^L_j} = a^L_j - y_j$$\n"
    rows = _by_line(verify_text(text, "auto"))
    assert rows[3].status == "holds"


def test_a_delta_defined_otherwise_than_dC_dz_is_not_checked_as_dC_dz():
    rows = _by_line(verify_text(OWN_DELTA, "auto"))
    for line in (3, 5):
        assert rows[line].status == "uninterpretable", (line, rows[line].status)
        assert "define δ at line 1" in rows[line].reason


def test_a_sigmoid_defined_by_the_notes_is_the_activation_of_their_claims():
    text = "$$\\sigma(z) = \\frac{1}{1+e^{-z}},$$\nand\n$$\\sigma'(z) = \\sigma(z)(1-\\sigma(z)).$$\n"
    rows = _by_line(verify_text(text, "auto"))
    assert rows[1].status == rows[3].status == "holds"
