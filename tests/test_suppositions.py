r"""Review rv39 A3, B1, B3, B4: values and properties the prose only supposes ("If $w_{12} = w_{21}$, then",
"If $W$ were symmetric", "If $\sigma$ were the identity", "If $b^l = 0$, then").

Truth by hand.

* Graph notes, g = W x with W a 2×2 matrix, x a column of 2: g_1 = w_11 x_1 + w_12 x_2, g_2 = w_21 x_1 + w_22 x_2.
  So ∂g_1/∂x_2 = w_12 and ∂g_2/∂x_1 = w_21 for a general W; under the tie w_12 = w_21 (a symmetric W)
  ∂g_1/∂x_2 = w_21 too, and ∂g_1/∂x_2 = w_22 stays false (w_12 = w_21 says nothing of w_22).
  ∂g_1/∂w_11 = x_1, which is x_2 only under x_1 = x_2; ∂g_2/∂w_21 = x_1 ≠ x_2 in general.
* Layered notes (z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖²): δ^L = (a^L − y) ⊙ σ'(z^L), which is
  a^L − y with σ the identity (σ' = 1) and not for a general σ; z^l = w^l a^{l-1} exactly when b^l = 0;
  δ^L = 0 when y = a^L (∇_a C = a^L − y = 0), and not in general.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.suppositions import supposed, supposes

GRAPH = "Let $x$ be a column vector with two entries and $W$ a $2 \\times 2$ matrix.\n\n$$g = W x$$\n\n"
GENERAL = "\n\nIn general,\n\n$$\\frac{\\partial g_2}{\\partial x_1} = w_{12}$$\n"  # false: it is w_21
LAYERED = ("Network: $z^l = w^l a^{l-1} + b^l$, $a^l = \\sigma(z^l)$, $C = \\frac{1}{2}\\|a^L - y\\|^2$.\n\n")
G12 = r"\frac{\partial g_1}{\partial x_2}"


def _rows(text: str) -> dict:
    """line -> (status, formula, reason) of every row and filed formula."""
    report = verify_text(text, "auto")
    out = {}
    for row in report.rows:
        out.setdefault(row.formula.line, []).append((row.result.status, row.formula.text, row.result.reason))
    for f in report.skipped:
        out.setdefault(f.line, []).append((f.kind, f.text, f.reason))
    return out


def _status(text: str, formula: str) -> list:
    report = verify_text(text, "auto")
    return [r.result.status for r in report.rows if " ".join(r.formula.text.split()) == formula]


# -- A3: a tie supposed after "if" (and its kin) is that sentence's condition, never the model's ------------------

@pytest.mark.parametrize("sentence", [
    f"If $w_{{12}} = w_{{21}}$, then\n\n$${G12} = w_{{21}}$$",
    f"Kdyby platilo $w_{{12}} = w_{{21}}$, měli bychom ${G12} = w_{{21}}$.",
    f"Were $w_{{12}} = w_{{21}}$, we would get\n\n$${G12} = w_{{21}}$$",
    f"Gdyby $w_{{12}} = w_{{21}}$, mielibyśmy ${G12} = w_{{21}}$.",
    f"Если бы $w_{{12}} = w_{{21}}$, то ${G12} = w_{{21}}$.",
    f"For a symmetric matrix, $w_{{12}} = w_{{21}}$, and then\n\n$${G12} = w_{{21}}$$",
])
def test_rv39_supposed_tie_holds_its_own_claim_and_never_leaks(sentence):
    text = GRAPH + sentence + GENERAL
    assert _status(text, f"{G12} = w_{{21}}") == ["holds"]  # true under the tie its sentence states
    assert _status(text, r"\frac{\partial g_2}{\partial x_1} = w_{12}") == ["refuted"]  # false for a general W


def test_rv39_wrong_claim_under_a_supposed_tie_is_refuted():
    text = GRAPH + f"If $w_{{12}} = w_{{21}}$, then\n\n$${G12} = w_{{22}}$$" + GENERAL
    assert _status(text, f"{G12} = w_{{22}}") == ["refuted"]


def test_rv39_tie_of_inputs_in_czech_condition_stays_in_its_sentence():
    text = (GRAPH + "Pokud $x_1 = x_2$, pak $\\frac{\\partial g_1}{\\partial w_{11}} = x_2$.\n\nObecně platí\n\n"
            "$$\\frac{\\partial g_2}{\\partial w_{21}} = x_2$$\n")
    assert _status(text, r"\frac{\partial g_1}{\partial w_{11}} = x_2") == ["holds"]
    assert _status(text, r"\frac{\partial g_2}{\partial w_{21}} = x_2") == ["refuted"]


def test_rv39_plain_tie_without_condition_words_is_still_the_model():
    # no word of a supposition: the tie stays a definition of the model, as before (∂g_2/∂x_1 = w_21 = w_12)
    text = GRAPH + "Here $w_{12} = w_{21}$.\n\n$$\\frac{\\partial g_2}{\\partial x_1} = w_{12}$$\n"
    assert _status(text, r"\frac{\partial g_2}{\partial x_1} = w_{12}") == ["holds"]


# -- B1: a supposition in words symbp cannot turn into values ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    f"If $W$ were symmetric, we would have\n\n$${G12} = w_{{21}}$$",
    f"Kdyby $W$ byla symetrická, platilo by ${G12} = w_{{21}}$.",
    f"For a symmetric $W$,\n\n$${G12} = w_{{21}}$$",
])
def test_rv39_supposition_in_words_is_not_judged(sentence):
    text = GRAPH + sentence + "\n"
    assert _status(text, f"{G12} = w_{{21}}") == ["uninterpretable"]
    reason = [r.result.reason for r in verify_text(text, "auto").rows][0]
    assert "supposition" in reason


def test_rv39_supposed_row_is_not_folded_into_the_plain_claim():
    # the plain claim is false (∂g_1/∂x_2 = w_12); the same formula under "If W were symmetric" is its own row
    text = GRAPH + f"$${G12} = w_{{21}}$$\n\nIf $W$ were symmetric, we would have ${G12} = w_{{21}}$.\n"
    assert sorted(_status(text, f"{G12} = w_{{21}}")) == ["refuted", "uninterpretable"]


# -- B3: a supposition about the activation in layered notes -------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "If $\\sigma$ were the identity, we would have",
    "Kdyby $\\sigma$ byla identita, platilo by",
    "Gdyby $\\sigma$ była funkcją tożsamościową, mielibyśmy",
    "For the identity activation,",
])
def test_rv39_activation_supposed_in_words_is_not_judged_under_sigma(sentence):
    text = LAYERED + sentence + "\n\n$$\\delta^L = a^L - y$$\n"
    assert _status(text, r"\delta^L = a^L - y") == ["uninterpretable"]


def test_rv39_same_claim_without_the_supposition_is_still_refuted():
    # δ^L = a^L − y lacks σ'(z^L) for a general σ
    assert _status(LAYERED + "We have\n\n$$\\delta^L = a^L - y$$\n", r"\delta^L = a^L - y") == ["refuted"]


# -- B4: a supposed value in layered notes is a condition, not a claim ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    "If $b^l = 0$, then\n\n$$z^l = w^l a^{l-1}$$",
    "Suppose for a moment that all biases vanish, $b^l = 0$. Then\n\n$$z^l = w^l a^{l-1}$$",
    "Jeśli $b^l = 0$, to\n\n$$z^l = w^l a^{l-1}$$",
])
def test_rv39_supposed_bias_is_a_condition_and_its_claim_is_never_refuted(sentence):
    rows = _rows(LAYERED + sentence + "\n")
    flat = [r for rs in rows.values() for r in rs]
    assert [r[0] for r in flat if r[1] == "b^l = 0"] == ["definition"]  # the supposition: no claim, not refuted
    assert [r[0] for r in flat if r[1] == "z^l = w^l a^{l-1}"] == ["uninterpretable"]


def test_rv39_supposed_target_value_keeps_the_general_claim_refuted():
    text = LAYERED + "If $y = a^L$, then $\\delta^L = 0$.\n\nIn general,\n\n$$\\delta^L = 0$$\n"
    assert sorted(_status(text, r"\delta^L = 0")) == ["refuted", "uninterpretable"]  # false for a general y
    assert _status(text, "y = a^L") == []  # filed as the condition


def test_rv39_chain_rule_sentence_is_no_supposition():
    # "If we apply …" supposes no value and no property: the claim is judged (δ^L = a^L − y is false)
    text = LAYERED + "If we apply the chain rule, we get\n\n$$\\delta^L = a^L - y$$\n"
    assert _status(text, r"\delta^L = a^L - y") == ["refuted"]
    assert supposed("If we apply the chain rule, we get\n\n$$a = b$$\n") == []


def test_rv39_index_condition_is_left_to_the_layer_rules():
    assert supposed("If $l = L$, then $$\\delta^l = a^l$$") == []
    assert not supposes("Here $w_{12} = w_{21}$.", 1, "w_{12} = w_{21}")


def test_rv39_supposed_tie_is_filed_as_a_condition_not_an_example():
    text = GRAPH + f"If $w_{{12}} = w_{{21}}$, then\n\n$${G12} = w_{{21}}$$" + GENERAL
    filed = [f for f in verify_text(text, "auto").skipped if f.text == "w_{12} = w_{21}"]
    assert [f.kind for f in filed] == ["definition"] and "supposes" in filed[0].reason


def test_rv39_property_word_outside_the_supposed_clause_supposes_nothing():
    # "zero" belongs to a later clause, not to what "When" supposes: the display is judged as usual
    assert supposed("When we compute $\\delta^L$ we need $\\sigma'(z^L)$, which is zero for saturated neurons:"
                    "\n\n$$a = b$$\n") == []


def test_rv39_numbered_layer_value_is_a_supposition_but_graph_leaves_are_left_to_graph_notes():
    # z^2 = w^2 a^1 is true when b^2 = 0 (Nielsen's numbering): never refuted
    text = LAYERED + "If $b^2 = 0$, then\n\n$$z^2 = w^2 a^1$$\n"
    assert _status(text, "z^2 = w^2 a^1") == ["uninterpretable"]
    # b^{(1)} of graph notes is a leaf their reading puts in exactly (``graphcondition``)
    assert supposed("If $b^{(1)} = 0$, then\n\n$$a = b$$\n") == []


@pytest.mark.parametrize("sentence", [
    f"In the special case $w_{{12}} = w_{{21}}$ we have\n\n$${G12} = w_{{21}}$$",
    f"In case $w_{{12}} = w_{{21}}$, we have\n\n$${G12} = w_{{21}}$$",
    f"Given $w_{{12}} = w_{{21}}$, we have\n\n$${G12} = w_{{21}}$$",
    f"Je-li $w_{{12}} = w_{{21}}$, pak\n\n$${G12} = w_{{21}}$$",
    f"При $w_{{12}} = w_{{21}}$ имеем\n\n$${G12} = w_{{21}}$$",
])
def test_rv41_a_tie_supposed_in_other_words_never_leaks(sentence):
    """Review rv41 A3: these wordings filed the tie as part of the model, so 'In general ∂g_2/∂x_1 = w_12' held."""
    text = GRAPH + sentence + GENERAL
    assert _status(text, r"\frac{\partial g_2}{\partial x_1} = w_{12}") == ["refuted"]  # false for a general W
