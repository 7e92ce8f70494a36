"""Costs named in words: a claim after "from now on, the cross-entropy cost" is checked under that cost too.

Truth by hand (Nielsen, ch. 2 and 3): with the quadratic cost δ^L = (a^L − y) ⊙ σ'(z^L); with the
cross-entropy and sigmoid output neurons δ^L = a^L − y; BP3 (∂C/∂b = δ) holds under every cost, and a
factor 2 in it under none.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.prosecost import mentions

SWITCH = r"""We start with the quadratic cost.

$$\delta^L = (a^L - y) \odot \sigma'(z^L)$$

From now on we use the cross-entropy cost with sigmoid output neurons.

$${claim}$$
"""


def _status(text: str, claim: str, **given):
    report = verify_text(text, **given)
    return {row.formula.text: row.result for row in report.rows}[claim]


def test_a_claim_after_a_cost_named_in_words_is_checked_under_it_too():
    claim = r"\delta^L = a^L - y"
    result = _status(SWITCH.format(claim=claim), claim)
    # true under the cross-entropy with σ the logistic function, false under the quadratic: never refuted alone
    assert result.status == "ambiguous"
    assert "cross-entropy cost and the sigmoid activation" in result.reason and "line 5" in result.reason
    assert "quadratic" in result.reason


def test_the_quadratic_bp1_after_the_switch_is_not_a_plain_hold():
    claim = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
    text = SWITCH.format(claim=claim).replace("$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$\n\nFrom", "From")
    # BP1 of the quadratic cost, written in a cross-entropy part: never a plain hold (with "sigmoid output neurons"
    # honoured as the output's activation, σ' at L against them is not judged: outputact)
    assert _status(text, claim).status in ("ambiguous", "uninterpretable")


def test_claims_before_the_words_and_claims_every_cost_agrees_on_stand():
    text = SWITCH.format(claim=r"\frac{\partial C}{\partial b^l_j} = \delta^l_j")
    report = verify_text(text + "\n$$\\frac{\\partial C}{\\partial b^l_j} = 2\\delta^l_j$$\n")
    statuses = [row.result.status for row in report.rows]
    # BP3 under both; 2δ under neither; BP1 before line 5 held before the output's words were honoured for the whole
    # notes (outputact: "sigmoid output neurons" at line 5 makes σ' at L not judged anywhere): never refuted
    assert statuses[1:] == ["holds", "refuted"] and statuses[0] in ("holds", "uninterpretable")


def test_a_cost_given_on_the_command_line_decides():
    claim = r"\delta^L = a^L - y"
    assert _status(SWITCH.format(claim=claim), claim, cost="cross-entropy", activation="sigmoid").status == "holds"
    assert _status(SWITCH.format(claim=claim), claim, cost="quadratic").status == "refuted"


def test_a_cost_defined_by_a_formula_after_the_words_is_the_cost():
    claim = r"\delta^L = a^L - y"
    text = SWITCH.format(claim=r"C = -\sum_j \left[y_j \ln a^L_j + (1 - y_j) \ln(1 - a^L_j)\right]") + f"\n$${claim}$$\n"
    report = verify_text(text)
    result = {row.formula.text: row.result for row in report.rows}[claim]
    assert result.status != "ambiguous"  # the formula on line 7 says which cost; the words before it do not count


@pytest.mark.parametrize("sentence, cost", [
    ("Dále používáme křížovou entropii.", "cross-entropy"),
    ("Далее используем перекрёстную энтропию и софтмакс.", "softmax-cross-entropy"),
    ("Używamy funkcji softmax i entropii krzyżowej.", "softmax-cross-entropy"),
    ("Для случая среднеквадратичной ошибки.", "quadratic"),
    ("We minimise the mean squared error.", "quadratic"),
])
def test_costs_named_in_four_languages(sentence, cost):
    assert [m.cost for m in mentions(f"Intro.\n\n{sentence}\n")] == [cost]


def test_words_inside_a_display_are_not_prose():
    text = "$$\n\\text{cross-entropy} = 1\n$$\n\\begin{equation}\n\\text{log-likelihood}\n\\end{equation}\n"
    assert mentions(text) == ()


# -- review 19: other names of the quadratic cost (F14), denials (F17), names across a line break (F18) -------------

@pytest.mark.parametrize("words", ["the squared-error cost", "the sum-of-squares cost", "the L2 loss", "the L_2 loss",
                                   "the least-squares cost", "the Euclidean cost", "the sum of squared errors",
                                   "metodu nejmenších čtverců", "метод наименьших квадратов",
                                   "metodę najmniejszych kwadratów"])
def test_other_names_of_the_quadratic_cost(words):
    assert [m.cost for m in mentions(f"We use {words}.\n")] == ["quadratic"]


@pytest.mark.parametrize("sentence", ["Unlike many textbooks, we never use the quadratic cost in these notes.",
                                      "We do not use the quadratic cost.", "Unlike the quadratic cost, it is fast.",
                                      "The quadratic cost is not used here.", "We never minimise the squared error.",
                                      "Nikdy nepoužíváme kvadratickou chybu.", "Мы не используем квадратичную ошибку.",
                                      "Nie używamy kwadratowej funkcji kosztu."])
def test_a_cost_named_to_deny_it_is_no_mention(sentence):
    assert mentions(f"Intro.\n\n{sentence}\n") == ()


@pytest.mark.parametrize("sentence, cost", [
    ("We use the cross-entropy instead of the quadratic cost.", "cross-entropy"),
    ("We do not use the quadratic cost but the cross-entropy.", "cross-entropy"),
    ("No doubt the cross-entropy is the better cost.", "cross-entropy"),
    ("Not surprisingly, the quadratic cost learns slowly.", "quadratic"),
])
def test_a_denial_reaches_only_the_cost_it_governs(sentence, cost):
    assert [m.cost for m in mentions(sentence)] == [cost]


@pytest.mark.parametrize("text", ["From now on we use the cross\nentropy cost with sigmoid output neurons.",
                                  "From now on we use the cross-\nentropy cost with sigmoid output neurons.",
                                  "From now on we use the cross\n   entropy cost with sigmoid output neurons."])
def test_a_cost_named_across_a_line_break(text):
    (found,) = mentions(text)
    assert (found.line, found.cost, found.activation) == (1, "cross-entropy", "sigmoid")
    assert [m.cost for m in mentions(text.replace("\n", "\n\n")) if m.cost] == []  # not over a blank line


def test_a_claim_after_a_cost_named_across_a_line_break_is_not_a_plain_hold():
    claim = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
    text = f"# Output error\n\nFrom now on we use the cross\nentropy cost with sigmoid output neurons.\n$${claim}$$\n"
    # BP1 holds under the quadratic default and is false under the cross-entropy with sigmoid neurons: never a plain
    # hold (ambiguous, or not judged at L where the words make the output sigmoid: outputact)
    assert _status(text, claim).status in ("ambiguous", "uninterpretable")


@pytest.mark.parametrize("sentence", ["There is no slowdown since we use the cross-entropy cost.",
                                      "Nothing is lost when we use the cross-entropy cost.",
                                      "We do not need the σ' factor, and we use the cross-entropy cost."])
def test_a_denial_of_something_else_keeps_the_cost_named(sentence):
    # a cost dropped wrongly would let the default cost's BP1 hold alone: the name stays
    assert [m.cost for m in mentions(sentence)] == ["cross-entropy"]


# "Squared error" in words does not say whether the ½ is there (the factor 2 of BP1 depends on it): where no formula
# defines the cost, a claim whose verdict depends on it is ambiguous; Nielsen's "quadratic cost" has the ½, and a
# formula C = ½‖a − y‖² fixes it. By hand: ½‖a − y‖² gives δ^L = (a − y) ⊙ σ'(z^L), ‖a − y‖² gives twice that.
_BP1, _BP1_TWICE = r"\delta^L = (a^L - y) \odot \sigma'(z^L)", r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)"


@pytest.mark.parametrize("words", ["the squared-error cost", "the mean squared error", "the sum of squared errors",
                                   "the L2 loss", "střední kvadratickou odchylku"])
def test_a_squared_error_in_words_leaves_the_half_open(words):
    text = f"We train with {words}.\n\n$${_BP1}$$\n\n$${_BP1_TWICE}$$\n\n$$\\frac{{\\partial C}}{{\\partial b^l_j}} = \\delta^l_j$$\n"
    assert _status(text, _BP1).status == "ambiguous"
    assert _status(text, _BP1_TWICE).status == "ambiguous"
    assert _status(text, r"\frac{\partial C}{\partial b^l_j} = \delta^l_j").status == "holds"  # no ½ needed


def test_the_quadratic_cost_or_a_formula_fixes_the_half():
    text = f"We train with the quadratic cost.\n\n$${_BP1}$$\n\n$${_BP1_TWICE}$$\n"
    assert (_status(text, _BP1).status, _status(text, _BP1_TWICE).status) == ("holds", "refuted")
    text = f"We train with the squared error\n$$C = \\frac12 \\|a^L - y\\|^2.$$\n\n$${_BP1}$$\n\n$${_BP1_TWICE}$$\n"
    assert (_status(text, _BP1).status, _status(text, _BP1_TWICE).status) == ("holds", "refuted")
