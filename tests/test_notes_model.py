"""The notes' own definitions of the cost and of δ are honoured, never overridden (sceptical review F14–F16).

Truth by hand: with C = Σ_j (a^L_j − y_j)⁴, ∂C/∂a^L_j = 4(a^L_j − y_j)³, so the notes' ∂C/∂a = a − y is false *for
their cost* although it holds for symbp's ½-cost; with δ^l_j := ∂C/∂a^l_j, δ^L = a^L − y is true and BP1's σ' factor
is wrong. symbp has neither meaning, so it must not judge those claims at all. C = Σ_j (a^L_j − y_j)² (no ½) is
symbp's squared-error cost since reach20: ∂C/∂a^L_j = 2(a^L_j − y_j), and the same two claims are refuted.
"""

import pytest

from symbp.verify.notes import verify_text

SQUARED_ERROR = "\n".join([
    "We use the squared error",
    "$$C = \\sum_j (a^L_j - y_j)^2$$",
    "so that",
    "$$\\frac{\\partial C}{\\partial a^L_j} = a^L_j - y_j$$",
    "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",
    "and the forward pass",
    "$$a^l = \\sigma(z^l)$$",
])

OWN_COST = "\n".join([
    "We use the error to the fourth power",
    "$$C = \\sum_j (a^L_j - y_j)^4$$",
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
    # The cost itself is the notes' own definition, and the two claims about C and δ are not judged (no "holds"
    # under another cost) ...
    assert 2 not in rows
    assert any(f.line == 2 and f.kind == "definition" and "own definition of C" in f.reason for f in report.skipped)
    for line in (4, 5):
        assert rows[line].status == "uninterpretable", (line, rows[line].status, rows[line].reason)
        assert "their own cost at line 2" in rows[line].reason
    # ... while a claim that does not involve the cost is still judged.
    assert rows[7].status == "holds"
    assert any("own cost" in line for line in report.header())


def test_the_squared_error_without_the_half_is_read_as_the_notes_cost():
    rows = _by_line(verify_text(SQUARED_ERROR, "auto"))
    assert rows[2].status == "holds"  # their cost, read as symbp's squared error
    for line in (4, 5):  # a − y and (a − y) ⊙ σ'(z) are a factor 2 short of 2(a − y), 2(a − y) ⊙ σ'(z)
        assert rows[line].status == "refuted", (line, rows[line].status, rows[line].reason)
    assert rows[7].status == "holds"


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


# -- second sceptical review (R2, R9, R12, R13): definitions recorded must be applied or block the claims ---------

SOFTMAX_ONLY = "\n".join([
    "The output layer is a softmax,",
    "$$a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}.$$",
    "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",
])


def test_a_softmax_output_without_its_cost_blocks_the_claims_about_delta():
    # By hand: with a softmax output δ^L = J_softmax^T ∇_a C, not (a − y) ⊙ σ'(z^L) (issue 12's classic error).
    rows = _by_line(verify_text(SOFTMAX_ONLY, "auto"))
    assert rows[3].status == "uninterpretable" and "softmax" in rows[3].reason


def test_a_softmax_output_with_the_cost_given_on_the_command_line_is_judged():
    rows = _by_line(verify_text(SOFTMAX_ONLY, "auto", cost="softmax-cross-entropy"))
    assert rows[3].status == "refuted"


@pytest.mark.parametrize("definition", [
    r"\delta^l_j := -\frac{\partial C}{\partial z^l_j}",           # Rumelhart's sign
    r"\delta^l_j := \frac{1}{2}\frac{\partial C}{\partial z^l_j}",
    r"\delta^l_j := \frac{\partial C}{\partial z^{l+1}_j}",
    r"\delta^l = \nabla_{a^l} C",
])
def test_every_delta_other_than_dC_dz_blocks_the_claims_about_delta(definition):
    text = f"$${definition}$$\n\n$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$\n\n" \
           "$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$$\n"
    rows = _by_line(verify_text(text, "auto"))
    assert rows[3].status == rows[5].status == "uninterpretable", (rows[3].reason, rows[5].reason)


def test_delta_defined_as_dC_dz_is_the_profiles_delta():
    text = "$$\\delta^l_j := \\frac{\\partial C}{\\partial z^l_j}$$\n\n$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$$\n"
    rows = _by_line(verify_text(text, "auto"))
    assert rows[3].status == "holds"


def test_one_equals_the_sum_of_the_targets_is_the_one_hot_assumption():
    text = "\n".join([
        "$$a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$$", "$$C = -\\sum_j y_j \\ln(a^L_j)$$",
        "$$1 = \\sum_k y_k$$", "$$\\delta^L = a^L - y$$"])
    rows = _by_line(verify_text(text, "auto"))
    assert rows[4].status == "holds"  # by hand: softmax + cross-entropy with Σy = 1 gives δ^L = a^L − y


@pytest.mark.parametrize("words", ["times 2", "doubled", "negated", "squared", "transposed"])
def test_a_remark_that_changes_the_value_is_never_a_label(words):
    from symbp.verify.verification import verify

    v = verify(f"\\delta^L = \\nabla_a C \\odot \\sigma'(z^L) \\text{{ ({words})}}")
    assert v.status == "unreadable" and "may change" in v.reason
    assert verify(r"\delta^L = \nabla_a C \odot \sigma'(z^L) \text{ (BP1)}").status == "holds"


@pytest.mark.parametrize("cost", [
    r"C = -\sum_j \left[\ln a^L_j y_j + (1-y_j)\ln(1-a^L_j)\right]",    # \ln a y: of a or of a y, not clear
    r"C = \frac{1}{2}\|y - a^L\|^2 + \frac{\lambda}{2}\sum_w w^2",       # an L2 term symbp cannot read
])
def test_a_cost_definition_symbp_cannot_read_blocks_the_claims_about_C(cost):
    # By hand: under either cost BP1 with the quadratic cost's a − y is false (the CE gives δ^L = a^L − y for
    # sigmoid; the L2 term adds λw to ∂C/∂w), so no claim about C or δ may be judged against ½‖a − y‖².
    text = f"$${cost}$$\n\n$$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$$\n\n" \
           "$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j$$\n\n$$a^l = \\sigma(z^l)$$\n"
    rows = _by_line(verify_text(text, "auto"))
    assert rows[1].status == "unreadable"
    assert rows[3].status == rows[5].status == "uninterpretable" and "cannot read" in rows[3].reason
    assert rows[7].status == "holds"  # the forward pass does not depend on the cost
    rows = _by_line(verify_text(text, "auto", cost="quadratic"))  # the user chose the cost: judged under it
    assert rows[3].status == "holds"


# Review 18 F0: a property of σ (σ on both sides, or σ of more than a bare z) is a claim, never the definition of σ.
_TANH = "Every neuron uses $\\sigma(z) = \\tanh(z)$ and $a^l = \\sigma(z^l)$.\n\n"


@pytest.mark.parametrize("prefix, prop, claim, status", [
    # tanh notes with the sigmoid's symmetry written as a slip: the slip is refuted and tanh stays in force
    (_TANH, r"\sigma(-z) = 1 - \sigma(z)", r"\sigma'(z^l) = 1 - (a^l)^2", "holds"),
    (_TANH, r"\sigma(-z) = 1 - \sigma(z)", r"\sigma'(z^l) = a^l \odot (1 - a^l)", "refuted"),
    # no σ defined: the property picks no activation (before: the sigmoid, and σ' = σ(1 − σ) held)
    ("", r"\sigma(-z) = 1 - \sigma(z)", r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "refuted"),
    ("", r"\sigma(z) = z\,\sigma'(z)", r"\sigma'(z)\sigma'(z) = \sigma'(z)", "refuted"),
])
def test_a_property_of_sigma_is_a_claim_not_its_definition(prefix, prop, claim, status):
    report = verify_text(prefix + f"$${prop}$$\n\n$${claim}$$\n")
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[claim].status == status, rows[claim].reason
    assert rows[prop].status == "refuted"  # false for tanh, and not true of every σ
    assert "sigmoid" not in " ".join(report.model.lines()) and "identity" not in " ".join(report.model.lines())


def test_leaky_relu_in_words_is_not_relu():
    report = verify_text("The activation is the leaky ReLU.\n\n$$\\sigma'(z)\\sigma'(z) = \\sigma'(z)$$\n")
    (row,) = report.rows
    # not read as ReLU (σ'σ' = σ' holds for ReLU). Refuted under a generic σ before review rv48 A6; now a leaky ReLU
    # named in words is an activation symbp has no reader for, so the claim is unjudged: a generic σ's
    # counterexample says nothing of an activation the notes fixed
    assert row.result.status == "uninterpretable" and "leaky relu" in row.result.reason.lower()
    assert "relu" not in row.result.reason.lower().replace("leaky relu", "")


# Review 18 F11: a regularization term named in words makes the claims about the weights' gradient unjudged.
_L2_NOTES = ("Notation: $z^l = w^l a^{l-1} + b^l$, $a^l = \\sigma(z^l)$, $C = \\frac12\\|y - a^L\\|^2$.\n\n"
             "{words}\n\n$${claim}$$\n")


@pytest.mark.parametrize("words, claim, status", [
    ("From now on the cost also contains the L2 regularization term (weight decay).",
     r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "uninterpretable"),  # misses λ w / n
    ("We add weight decay to the cost.", r"w^l \to w^l - \eta \delta^l (a^{l-1})^T", "uninterpretable"),
    ("Nyní ke ztrátě přidáme regularizační člen.", r"\nabla_{w^l} C = \delta^l (a^{l-1})^T", "uninterpretable"),
    # a term in the weights changes neither δ nor ∂C/∂b
    ("From now on the cost also contains the L2 regularization term.", r"\frac{\partial C}{\partial b^l_j} = \delta^l_j",
     "holds"),
    # a denial counts too: the words cannot tell a plain one from "the biases do not have any L2 term; only the
    # weights do" (review 22), so the weight claims are not judged either way
    ("We train without regularization.", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",
     "uninterpretable"),
    ("The biases do not have any L2 regularization; only the weights do.",
     r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "uninterpretable"),
    # a heading names the topic of its section, whose claims may carry the term (review 19 F7, rg9: before, BP4 held)
    ("## Regularization", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "uninterpretable"),
])
def test_a_regularization_term_in_words_leaves_weight_gradients_unjudged(words, claim, status):
    report = verify_text(_L2_NOTES.replace("{words}", words).replace("{claim}", claim))
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[claim].status == status, rows[claim].reason
    if status == "uninterpretable":
        assert "regulariz" in rows[claim].reason or "weight decay" in rows[claim].reason


# Review 19 F5: a line whose words doubt Σ_k y_k = 1 made it the one-hot assumption, and softmax δ^L = a^L − y held.
_SOFTMAX_NOTES = ("The output layer is a softmax, $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$, and the cost is "
                  "$C = -\\sum_j y_j \\ln(a^L_j)$.\n{words}\nThen the output error is\n$$\\delta^L = a^L - y$$\n")


@pytest.mark.parametrize("words, status", [
    ("The identity $\\sum_k y_k = 1$ does not hold for our targets.", "refuted"),
    ("Here $\\sum_k y_k = 1$ need not hold.", "refuted"),
    ("We cannot assume $\\sum_k y_k = 1$.", "refuted"),
    ("Nowhere do we use $\\sum_k y_k = 1$.", "refuted"),
    ("Note that $\\sum_k y_k = 1$ fails for our soft labels.", "refuted"),
    ("We assume $\\sum_k y_k = 1$.", "holds"),  # stated: the assumption is made
])
def test_a_doubted_sum_of_the_targets_is_no_assumption(words, status):
    report = verify_text(_SOFTMAX_NOTES.replace("{words}", words))
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[r"\delta^L = a^L - y"].status == status, rows[r"\delta^L = a^L - y"].reason


_TANH_NOTES = ("In this lecture every neuron uses $a^l = \\tanh(z^l)$ where $z^l = w^l a^{l-1} + b^l$, and the cost is "
               "$C = \\frac12 \\|a^L - y\\|^2$.\n\n$$CLAIM$$\n")


@pytest.mark.parametrize("claim, status", [
    # by hand: tanh' = 1 − tanh², so δ^L = (a^L − y) ⊙ (1 − (a^L)²) and δ^l = (w^{l+1})^T δ^{l+1} ⊙ (1 − (a^l)²)
    (r"\delta^L = (a^L - y) \odot (1 - (a^L)^2)", "holds"),
    (r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot (1 - (a^l)^2)", "holds"),
    (r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot (1 - a^l)", "refuted"),
    (r"\delta^L = (a^L - y) \odot a^L (1 - a^L)", "refuted"),  # the sigmoid's derivative
])
def test_a_tanh_forward_pass_on_every_layer_is_the_activation(claim, status):
    # review 20: a^l = tanh(z^l) made every claim uninterpretable ("use --activation tanh")
    report = verify_text(_TANH_NOTES.replace("CLAIM", claim), "nielsen")
    (row,) = [r for r in report.rows if r.formula.text == claim]
    assert row.result.status == status, row.result.reason
    assert report.model.at(4).get("activation") == "tanh"


def test_tanh_at_the_output_only_is_not_every_layers_activation():
    notes = "The output is $a^L = \\tanh(z^L)$.\n\n$$\\delta^L = (a^L - y) \\odot (1 - (a^L)^2)$$\n"
    assert verify_text(notes, "nielsen").model.at(3).get("activation") != "tanh"


def test_tanh_beside_a_sigmoid_output_is_not_every_layers_activation():
    # review 22 F7: a^l = tanh(z^l) for the hidden layers and a^L = σ(z^L): BP1 with tanh' at the output is false
    # (σ' there), and it held when tanh was taken for every layer
    claim = r"\delta^L = (a^L - y) \odot (1 - (a^L)^2)"
    notes = ("The hidden layers use $a^l = \\tanh(z^l)$ and the output layer $a^L = \\sigma(z^L)$, with "
             "$z^l = w^l a^{l-1} + b^l$ and $C = \\frac12\\|a^L - y\\|^2$.\n\n$$" + claim + "$$\n")
    report = verify_text(notes, "nielsen")
    assert report.model.at(3).get("activation") != "tanh"
    assert [r.result.status for r in report.rows if r.formula.text == claim] != ["holds"]


# Review 19 F7: a regularization term named in words that look like a denial but are none ("Not surprisingly", "No
# doubt", a double negation, "do not drop"), named another way (an L2 / ridge / Tikhonov penalty), broken over a line,
# or stated "throughout" after the claim. By hand, with the L2 term (λ/2n)Σw² in the cost, ∂C/∂w^l_{jk} =
# a^{l-1}_k δ^l_j + (λ/n) w^l_{jk}: BP4 as written is false for λ ≠ 0 (``_l2_gradient_differs``), so it must never
# hold after those words; ∂C/∂b^l_j = δ^l_j is untouched by a term in the weights and keeps holding.
def _l2_gradient_differs() -> bool:
    """Whether ∂/∂w of C + (λ/2)w² differs from ∂C/∂w by central differences (one weight, one sigmoid neuron)."""
    import math
    lam, x, y, w, b, h = 0.3, 0.7, 0.2, 0.5, -0.1, 1e-6
    cost = lambda v: 0.5 * (1 / (1 + math.exp(-(v * x + b))) - y) ** 2  # noqa: E731
    reg = lambda v: cost(v) + 0.5 * lam * v * v  # noqa: E731
    plain, regularized = [(f(w + h) - f(w - h)) / (2 * h) for f in (cost, reg)]
    return abs(regularized - plain - lam * w) < 1e-6 and abs(regularized - plain) > 1e-3


_BP4 = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"
_BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"


@pytest.mark.parametrize("notes", [
    "{c} Not surprisingly, regularization helps here, so the cost also contains an L2 term.\n$${bp4}$$\n",
    "{c} No doubt weight decay matters, so our cost contains it.\n$${bp4}$$\n",
    "{c} We never train without regularization: the cost carries an L2 term.\n$${bp4}$$\n",
    "{c} Unlike last week, we do not drop the regularization term now.\n$${bp4}$$\n",
    "{c} We add the L2 penalty $\\frac{{\\lambda}}{{2n}}\\sum_w w^2$ to it.\n$${bp4}$$\n",
    "{c} We add a ridge penalty on the weights to it.\n$${bp4}$$\n",
    "{c} The cost has a Tikhonov penalty $\\lambda \\|w\\|^2$ added.\n$${bp4}$$\n",
    "{c}\n$${bp4}$$\nThroughout these notes the cost also contains an L2 regularization term.\n",
    "{c}, and we train it with weight\ndecay.\n$${bp4}$$\n",
    "{c} plus an L2 regulari-\nzation term.\n$${bp4}$$\n",
    "# Training with L2 regularization\n\n{c} plus the term of this section's title.\n$${bp4}$$\n"])
def test_regularization_words_that_look_like_denials_or_other_names(notes):
    assert _l2_gradient_differs()
    head = "# Gradients\n\n" if not notes.startswith("#") else ""
    c = "The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$."
    body = notes.format(c=c if "{c}," not in notes and "{c} plus" not in notes else c[:-1], bp4=_BP4)
    report = verify_text(head + body + f"$${_BP3}$$\n")
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[_BP4].status == "uninterpretable", rows[_BP4]
    assert "regularization term" in rows[_BP4].reason
    assert rows[_BP3].status == "holds", rows[_BP3]
