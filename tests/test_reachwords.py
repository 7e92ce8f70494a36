r"""Where a definition of the cost or σ starts and ends, and where the words leave it unclear (review 19: F2, F3, F4,
F14, F17, F18, F20).

Each finding: the wrong formula never holds, and the right one is judged right where the notes say which cost is
in force (or ``ambiguous``, naming the line, where they leave it unclear). The hand verdicts are pinned by an
independent computation (``_delta``: SymPy differentiation of the composed cost of a two-neuron sigmoid output
layer; no symbp code).
"""

import pytest
import sympy as sp

from symbp.verify.model import Definition, Model
from symbp.verify.notes import verify_text
from symbp.verify.reachwords import settle

Z1, Z2, Y1, Y2 = sp.symbols("z1 z2 y1 y2", real=True)
CE = r"C = -\sum_j \left[ y_j \ln(a^L_j) + (1 - y_j) \ln (1 - a^L_j) \right]"
QUAD = r"C = \frac{1}{2}\|a^L - y\|^2"
SIGMOID = r"\sigma(z) = \frac{1}{1 + e^{-z}}"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"  # true under the quadratic cost only
CE_DELTA = r"\delta^L = a^L - y"  # true under the cross-entropy (sigmoid) only


def _delta(cost: str):
    """δ_1 = ∂C/∂z_1 of a two-neuron sigmoid output layer under ``cost``."""
    a = [1 / (1 + sp.exp(-Z1)), 1 / (1 + sp.exp(-Z2))]
    if cost == "quadratic":
        c = ((a[0] - Y1) ** 2 + (a[1] - Y2) ** 2) / 2
    else:
        c = -sum(y * sp.log(x) + (1 - y) * sp.log(1 - x) for y, x in ((Y1, a[0]), (Y2, a[1])))
    return sp.diff(c, Z1), a[0]


def _same(x, y) -> bool:
    point = {Z1: sp.Rational(3, 10), Z2: sp.Rational(-7, 10), Y1: sp.Rational(1, 5), Y2: sp.Rational(2, 3)}
    return abs(sp.N((x - y).subs(point), 30)) < 1e-20


def test_the_oracle_decides_the_reach_verdicts():
    (quadratic, a1), (cross, _) = _delta("quadratic"), _delta("cross-entropy")
    sigma_prime = a1 * (1 - a1)
    assert _same(quadratic, (a1 - Y1) * sigma_prime) and not _same(quadratic, a1 - Y1)  # BP1 / not a − y
    assert _same(cross, a1 - Y1) and not _same(cross, (a1 - Y1) * sigma_prime)  # a − y / not BP1
    assert _same(sp.diff(a1, Z1), a1 * (1 - a1)) and not _same(sp.diff(a1, Z1), 1 - a1 ** 2)  # σ' of the sigmoid


def _rows(text: str) -> dict:
    report = verify_text(text, "auto")
    return {line: row.result for row in report.rows for line in row.formula.lines}


def _claim_at(text: str, line: int, claim: str):
    """The verdict of ``claim`` put in the place of the claim on ``line`` of ``text``."""
    lines = text.split("\n")
    lines[line - 1] = f"$${claim}$$"
    return _rows("\n".join(lines))[line]


# -- F2: a "from now on" about something else does not stop a "Throughout" cost ------------------------------------

def _throughout(words: str) -> str:
    return "\n".join(["# Backpropagation", "", "The error of the output layer is", f"$${BP1}$$", "", words,
                      "Throughout these notes the cost is", f"$${CE}$$", f"and the activation is ${SIGMOID}$."])


@pytest.mark.parametrize("words", ['From now on we drop the word "vector" when it is clear.',
                                   "Instead of bold letters we use plain ones.",
                                   "In this section the layer index is dropped where clear.",
                                   "Od této chvíle vynecháváme slovo vektor.", "Отныне мы опускаем индекс слоя.",
                                   "Od teraz pomijamy indeks warstwy."])
def test_words_about_notation_do_not_stop_a_cost_stated_throughout(words):
    text = _throughout(words)
    # by hand (oracle): the notes' cost is the cross-entropy with the sigmoid: δ^L = a^L − y, BP1 is false
    assert _claim_at(text, 4, BP1).status == "refuted"
    assert _claim_at(text, 4, CE_DELTA).status == "holds"


def test_a_chain_rule_section_does_not_stop_a_cost_stated_throughout():
    text = "\n".join(["# 1. Output error", "", f"$${BP1}$$", "", "# 2. The cost", "",
                      "In this section we also review the chain rule.", "Throughout these notes the cost is",
                      f"$${CE}$$", f"and the activation is ${SIGMOID}$."])
    assert _claim_at(text, 3, BP1).status == "refuted"
    assert _claim_at(text, 3, CE_DELTA).status == "holds"


def test_an_activation_stated_throughout_reaches_back_over_notation_words():
    text = "\n".join(["# Backpropagation", "", "The derivative of the activation is",
                      r"$$\sigma'(z) = \sigma(z)(1 - \sigma(z))$$", "",
                      "From now on we drop the layer index when it is clear.",
                      f"Throughout these notes the activation is the logistic function ${SIGMOID}$."])
    # the logistic σ: σ' = σ(1 − σ) (oracle), not 1 − σ²
    assert _claim_at(text, 4, r"\sigma'(z) = \sigma(z)(1 - \sigma(z))").status == "holds"
    assert _claim_at(text, 4, r"\sigma'(z) = 1 - \sigma(z)^2").status == "refuted"


def test_notation_words_before_a_cost_not_stated_throughout_leave_it_unclear():
    text = "\n".join(["# Backpropagation", "", "The error of the output layer is", f"$${BP1}$$", "",
                      'From now on we drop the word "vector" when it is clear.', "The cost is", f"$${CE}$$",
                      f"and the activation is ${SIGMOID}$."])
    for claim in (BP1, CE_DELTA):  # true under one reading each: never a verdict under a guess
        result = _claim_at(text, 4, claim)
        assert result.status == "ambiguous", result.reason
        assert "line 6" in result.reason and "vector" in result.reason


def test_words_about_the_cost_still_stop_the_reach():
    text = "\n".join(["# Backpropagation", "", f"The activation is ${SIGMOID}$.", f"$${BP1}$$", "",
                      "From now on we use another cost.", "It is", f"$${CE}$$"])
    assert _claim_at(text, 4, BP1).status == "holds"  # the quadratic default before the switch
    assert _claim_at(text, 4, CE_DELTA).status == "refuted"


# -- F3: a comparison with another cost does not replace the notes' model -------------------------------------------

def _compare(sentence: str, back: str = "Back to our own cost. Then the output error satisfies") -> str:
    return "\n".join(["# Backpropagation", "", f"The cost is ${CE}$ and ${SIGMOID}$.", "The output error is",
                      f"$${CE_DELTA}$$", "", sentence, "", back, f"$${BP1}$$"])


COMPARISONS = [f"Compare with the cost ${QUAD}$ of chapter 1.", f"Consider for comparison the cost ${QUAD}$ .",
               f"For the quadratic cost ${QUAD}$ the error would carry a factor σ'.",
               f"Assume for a moment the cost ${QUAD}$ .", f"If we used the cost ${QUAD}$, we'd get an extra factor σ'.",
               f"If one switched to ${QUAD}$, one'd get an extra factor σ'.",
               f"Swapping in the cost ${QUAD}$ gives an extra factor σ'.",
               f"The cost ${QUAD}$ is what we would use if we had no probabilistic model, but we do.",
               f"$${QUAD}$$ would be the cost had we chosen the quadratic model instead."]


@pytest.mark.parametrize("sentence", COMPARISONS)
def test_back_to_our_own_cost_after_a_comparison(sentence):
    text = _compare(sentence)
    assert _claim_at(text, 10, BP1).status == "refuted"  # the cross-entropy again (oracle)
    assert _claim_at(text, 10, CE_DELTA).status == "holds"
    assert _claim_at(text, 5, CE_DELTA).status == "holds"


@pytest.mark.parametrize("sentence", COMPARISONS[:2] + COMPARISONS[5:6])
def test_a_comparison_without_going_back_leaves_the_cost_unclear(sentence):
    text = _compare(sentence, back="Then the output error satisfies")
    for claim in (BP1, CE_DELTA):
        result = _claim_at(text, 10, claim)
        assert result.status == "ambiguous", (claim, result.reason)
        assert "line 7" in result.reason


def test_a_switch_in_the_same_section_is_the_model():
    text = _compare(f"From now on the cost is ${QUAD}$.", back="Then the output error satisfies")
    assert _claim_at(text, 10, BP1).status == "holds"  # quadratic from line 7 on (oracle)
    assert _claim_at(text, 10, CE_DELTA).status == "refuted"


def test_back_to_our_own_activation_after_a_comparison():
    text = "\n".join(["# Activations", "", f"Our activation is the logistic function ${SIGMOID}$.", "",
                      r"For comparison, the hyperbolic tangent $\sigma(z) = \tanh(z)$ is also popular.", "",
                      "Back to our own activation. Its derivative is", r"$$\sigma'(z) = 1 - \sigma(z)^2$$"])
    assert _claim_at(text, 8, r"\sigma'(z) = 1 - \sigma(z)^2").status == "refuted"
    assert _claim_at(text, 8, r"\sigma'(z) = \sigma(z)(1 - \sigma(z))").status == "holds"


# -- F4: the paragraph after a hypothetical may go on with it --------------------------------------------------------

def _after_hypothetical(words: str, blank: bool = True) -> str:
    return "\n".join(["# Backpropagation", "", f"The cost is ${QUAD}$ and ${SIGMOID}$.", "The output error is",
                      f"$${BP1}$$", "", f"If we used the cross-entropy ${CE}$ instead, the factor would cancel.",
                      *([""] if blank else []), words, f"$${BP1}$$"])


@pytest.mark.parametrize("words", ["In that case the output error would be", "With that cost, the output error is",
                                   "The output error then becomes", "So under this alternative,"])
def test_the_paragraph_after_a_hypothetical_is_not_judged(words):
    text = _after_hypothetical(words)
    # under the hypothetical cross-entropy BP1 is false (oracle); under the notes' quadratic cost it is true: the
    # claim of line 10 is stated in the hypothetical's case, never a "holds"
    rows = _rows(text)
    assert rows[10].status == "uninterpretable", rows[10].reason
    assert rows[5].status == "holds"  # the notes' own BP1 before it


@pytest.mark.parametrize("words", ["Back to the output error: it would then be",
                                   "In general, the output error would then be"])
def test_going_back_in_a_counterfactual_sentence_does_not_end_the_hypothetical(words):
    rows = _rows(_after_hypothetical(words, blank=False))
    assert rows[9].status == "uninterpretable", rows[9].reason


def test_a_paragraph_that_goes_back_is_judged_again():
    rows = _rows(_after_hypothetical("Back to our own cost: the output error is"))
    assert rows[10].status == "holds"  # quadratic, sigmoid: BP1 (oracle)
    wrong = _claim_at(_after_hypothetical("Back to our own cost: the output error is"), 10, CE_DELTA)
    assert wrong.status == "refuted"


def test_the_paragraph_after_a_hypothetical_node_in_graph_notes():
    text = "\n".join([r"Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.",
                      r"$$g = W x, \quad h = \tanh(g)$$", "", r"Imagine replacing the tanh by the identity, $h = g$.",
                      "", "In that case the derivative would still be",
                      r"$$\frac{\partial h_1}{\partial g_1} = 1 - h_1^2$$", "", "# Back to the tanh", "",
                      r"$$\frac{\partial h_1}{\partial g_1} = 1 - h_1^2$$", "",
                      r"$$\frac{\partial h_1}{\partial g_1} = 1$$"])
    report = verify_text(text, "auto")
    rows = {line: row.result for row in report.rows for line in row.formula.lines}
    assert rows[7].status == "uninterpretable", rows[7].reason  # h = g there: ∂h/∂g = 1, not 1 − h²
    # the notes' own h = tanh(g): ∂h_1/∂g_1 = 1 − tanh² (SymPy), not 1
    g = sp.Symbol("g")
    assert sp.simplify(sp.diff(sp.tanh(g), g) - (1 - sp.tanh(g) ** 2)) == 0
    assert rows[11].status == "holds" and rows[13].status == "refuted"
    assert any("definition of h" in line for line in report.header())


# -- F14: a cost that starts later, and the quadratic cost's other names ----------------------------------------------

@pytest.mark.parametrize("name", ["squared-error cost", "sum-of-squares cost", "L2 loss as our cost",
                                  "least-squares cost", "Euclidean cost"])
@pytest.mark.parametrize("later", ["Later, in the second half of these notes, the cost will be",
                                   "Starting with the next lecture the cost is", "Only in chapter 3 do we use the cost",
                                   "Později, v druhé části, bude cena", "Начиная с следующей лекции стоимость равна",
                                   "Dopiero w rozdziale 3 koszt jest"])
def test_a_cost_that_starts_later_does_not_reach_back(name, later):
    text = "\n".join(["# Backpropagation", "", f"We start with the {name}, and ${SIGMOID}$. The output error is",
                      f"$${CE_DELTA}$$", "", later, f"$${CE}$$"])
    # at line 4 the cost is a squared error (oracle): a − y misses σ' with or without the ½, refuted; the words do not
    # say whether the ½ is there (½‖a − y‖² gives BP1, ‖a − y‖² twice it), so BP1 is ambiguous between those two only,
    # never under the cross-entropy defined later (with "quadratic cost" it holds: test_prosecost)
    assert _claim_at(text, 4, CE_DELTA).status == "refuted"
    bp1 = _claim_at(text, 4, BP1)
    assert bp1.status == "ambiguous" and "squared-error cost" in bp1.reason and "cross-entropy" not in bp1.reason
    assert _claim_at(text.replace(name, "quadratic cost"), 4, BP1).status == "holds"


def test_a_cost_that_starts_later_with_no_cost_named_before():
    text = "\n".join(["# Backpropagation", "", f"The sigmoid is ${SIGMOID}$. The output error is", f"$${CE_DELTA}$$",
                      "", "Later, in the second half of these notes, the cost will be", f"$${CE}$$", "",
                      f"$${CE_DELTA}$$"])
    rows = _rows(text)
    assert rows[4].status == "refuted" and rows[9].status == "holds"


def test_a_cost_that_will_be_is_unclear_before_it():
    text = "\n".join(["# Backpropagation", "", f"The sigmoid is ${SIGMOID}$. The output error is", f"$${BP1}$$", "",
                      "The cost will be", f"$${CE}$$"])
    result = _claim_at(text, 4, BP1)
    assert result.status == "ambiguous" and "line 7" in result.reason, result.reason


# -- F17: a cost named only to be denied ----------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["Unlike many textbooks, we never use the quadratic cost in these notes.",
                                   "We do not use the quadratic cost.",
                                   "Nikdy nepoužíváme kvadratickou chybu.", "Мы не используем квадратичную ошибку.",
                                   "Nie używamy kwadratowej funkcji kosztu."])
def test_a_cost_named_only_to_deny_it_is_not_the_cost(words):
    text = "\n".join(["# 1. Output error", "", words, f"$${BP1}$$", "", "# 2. The cost", "", "Our cost is",
                      f"$${CE}$$", f"and the activation is ${SIGMOID}$."])
    assert _claim_at(text, 4, BP1).status == "refuted"  # the cross-entropy is the only cost (oracle)
    assert _claim_at(text, 4, CE_DELTA).status == "holds"


# -- F20: "In this section only" ends with the section ---------------------------------------------------------------

def _digression(words: str) -> str:
    return "\n".join(["# 1. Setting", "", f"The cost is ${QUAD}$ and ${SIGMOID}$.", "", "# 2. A digression", "",
                      f"{words} ${CE}$.", f"$${CE_DELTA}$$", "", "# 3. The output error", "", f"$${CE_DELTA}$$"])


@pytest.mark.parametrize("words", ["In this section only, the cost is", "Pouze v této části je cena",
                                   "Только в этом разделе стоимость равна", "Tylko w tej sekcji koszt to"])
def test_a_cost_for_this_section_only_ends_with_it(words):
    text = _digression(words)
    rows = _rows(text)
    assert rows[8].status == "holds"  # the cross-entropy in section 2 (oracle)
    assert rows[12].status == "refuted"  # the quadratic cost again in section 3
    assert _claim_at(text, 12, BP1).status == "holds"


def test_a_cost_for_this_section_leaves_the_next_one_unclear():
    # (a section headed "A digression" is an aside: its cost ends with it, review 22 F15; here another title)
    text = _digression("In this section, the cost is").replace("# 2. A digression", "# 2. Another cost")
    assert _rows(text)[8].status == "holds"
    for claim in (CE_DELTA, BP1):
        result = _claim_at(text, 12, claim)
        assert result.status == "ambiguous" and "line 10" in result.reason, result.reason


def test_settle_reaches_back_and_ends():
    text = "# 1\n\nThe cost is $C = 1$.\n\n# 2\n\nIn this section only the cost is $D = 1$.\n\n# 3\n\nEnd.\n"
    model = Model([Definition(3, "cost", "quadratic", "C = 1"), Definition(7, "cost", "cross-entropy", "D = 1")])
    settle(text, model, ())
    assert model.reach == {"cost": 0}
    assert [(r.line, r.prior.line) for r in model.restores] == [(9, 3)]
    assert model.at(8)["cost"] == "cross-entropy" and model.at(10)["cost"] == "quadratic"


# -- review 22 F4, F5, F11: the only definition, after the claim, in words that leave unclear whether it is the
# notes' own before it (a comparison, an exercise, a denial, "starting here", "so far … next"): never judged under
# it alone. Truth by the oracle above: a − y is δ^L only under the cross-entropy, and the notes' cost before the
# sentence may be the quadratic one.
_BEFORE_CE = ("Our network uses the sigmoid $" + SIGMOID + "$ and $a^l = \\sigma(z^l)$, $z^l = w^l a^{l-1} + b^l$."
              "\n\nThe output error is\n\n$$" + CE_DELTA + "$$\n\n{words}\n"
              "$$C = -\\sum_j \\left[y_j \\ln a^L_j + (1 - y_j) \\ln (1 - a^L_j)\\right]$$\n")


@pytest.mark.parametrize("words", [
    "For comparison, the cross-entropy cost is", "Exercise: redo this for the cross-entropy cost",
    "A popular alternative, not used here, is the cross-entropy", "Homework: show that with the cross-entropy",
    "Had the cost been the cross-entropy, namely", "The cross-entropy cost, which we do not use here, is",
    "In the appendix we list the cross-entropy", "Another cost one could use is",
    "Starting here, the cost is", "Having finished with the quadratic cost, we turn to",
    "So far the cost was quadratic. Next we take",
])
def test_a_later_definition_in_hedging_words_is_not_the_claims_cost_alone(words):
    (quadratic, a1), (cross, _) = _delta("quadratic"), _delta("cross-entropy")
    assert _same(cross, a1 - Y1) and not _same(quadratic, a1 - Y1)  # the claim's truth turns on the cost
    result = _rows(_BEFORE_CE.replace("{words}", words))[5]
    assert result.status == "ambiguous", (result.status, result.reason)


# -- review 22 F10: a cost kept to one section in other words than "In this section only" -------------------------
_SECTIONS = ("# Section 1\n\nThe network computes $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$ with $" + SIGMOID
             + "$. The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$.\n\n$$" + BP1 + "$$\n\n# Section 2\n\n{words}\n"
             "$$C = -\\sum_j \\left[y_j \\ln a^L_j + (1 - y_j) \\ln (1 - a^L_j)\\right]$$\n\n$$" + CE_DELTA
             + "$$\n\n# Section 3\n\n$$" + CE_DELTA + "$$\n")


@pytest.mark.parametrize("words", [
    "Until the end of this section the cost is the cross-entropy", "For the rest of this section, we take the cross-entropy",
    "Here, and nowhere else, the cost is", "Just for this example the cost is", "Temporarily, the cost is",
])
def test_a_cost_kept_to_its_section_in_other_words_is_not_in_force_after_it(words):
    (quadratic, a1), _ = _delta("quadratic"), _delta("cross-entropy")
    assert not _same(quadratic, a1 - Y1)  # a − y is false under the quadratic cost of section 1
    result = _rows(_SECTIONS.replace("{words}", words))[16]
    assert result.status in ("refuted", "ambiguous"), (result.status, result.reason)


# -- review 22 F15: a cost defined in a section headed as an aside; S1v4: "this section alone" a sentence before ----

@pytest.mark.parametrize("heading, words", [
    ("Aside: comparison", "The cross-entropy cost is"), ("Digression", "Consider the cost"),
    ("Remark: for comparison", "Another cost is"), ("Odbočka: srovnání", "Cena je"),
    ("Отступление: сравнение", "Стоимость равна"), ("Dygresja", "Koszt to"),
])
def test_a_cost_defined_in_an_aside_is_not_in_force_after_it(heading, words):
    """The notes' cost is the quadratic (section 1); a section headed as an aside defines the cross-entropy (was:
    in force after the aside, a − y held in section 3, BP1 refuted). Inside it, the aside's cost."""
    (quadratic, a1), (cross, _) = _delta("quadratic"), _delta("cross-entropy")
    assert not _same(quadratic, a1 - Y1) and _same(cross, a1 - Y1)
    text = _SECTIONS.replace("# Section 2", f"# {heading}").replace("{words}", words)
    rows = _rows(text)
    assert rows[12].status == "holds", rows[12].reason
    assert rows[16].status == "refuted", (rows[16].status, rows[16].reason)
    assert _claim_at(text, 16, BP1).status == "holds"


@pytest.mark.parametrize("heading", ["Aside: comparison", "\\subsection{Aside}", "Digression"])
def test_a_cost_of_an_aside_in_notes_with_no_cost_of_their_own_is_unclear_after_it(heading):
    """No cost outside the aside: the claims after it are read with and without its cost, ambiguous where they
    differ (was: the aside's cost in force, a − y held)."""
    text = _SECTIONS.replace(" The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$.", "").replace(
        "# Section 2", heading if heading.startswith("\\") else f"# {heading}").replace("{words}", "A cost is")
    assert _rows(text)[12].status == "holds"  # in the aside, its cross-entropy
    for claim in (CE_DELTA, BP1):
        result = _claim_at(text, 16, claim)
        assert result.status == "ambiguous", (claim, result.status, result.reason)


@pytest.mark.parametrize("words", [
    "This section alone uses another cost. It is", "Only this section uses a different cost.\nIt is",
    "Jen v této části použijeme jinou cenu. Je to", "Только в этом разделе используется другая стоимость. Она равна",
    "Tylko w tej sekcji używamy innego kosztu. Jest to",
])
def test_a_cost_kept_to_its_section_by_the_sentence_before_it_ends_with_it(words):
    """S1v4: the words keeping the cost to its section are in the sentence before its definition (was: in force
    after the section, a − y held in section 3)."""
    (quadratic, a1), _ = _delta("quadratic"), _delta("cross-entropy")
    assert not _same(quadratic, a1 - Y1)
    text = _SECTIONS.replace("{words}", words)
    last = len(text.split("\n")) - 1
    rows = _rows(text)
    assert rows[last].status == "refuted", (rows[last].status, rows[last].reason)
    assert rows[last - 4].status == "holds"  # a − y in its own section, under the cross-entropy
    assert _claim_at(text, last, BP1).status == "holds"
