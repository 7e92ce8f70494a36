r"""Which cost and activation are in force at a line (review 18 F1, F5, F9c, M1, M6).

A cost or σ written in a hypothetical ("If we used … instead, we would …", "Představte si, že nahradíte …") is not
the notes' model; the claims stated under it are not judged; a first definition does not reach back over "From now
on" / "switch to" / "instead", nor back over a heading above which another cost is named in words.

Every expected verdict is decided by hand and pinned by an independent computation (``_truth``: SymPy
differentiation of the composed cost of a two-neuron output layer, no symbp code).
"""

import pytest
import sympy as sp

from symbp.verify.inforce import hypotheticals
from symbp.verify.model import Definition, Model
from symbp.verify.reachwords import settle
from symbp.verify.notes import verify_text


def _rows(report):
    return {line: row.result for row in report.rows for line in row.formula.lines}


# -- the independent oracle: one output layer of two neurons, δ_j = ∂C/∂z_j by SymPy ------------------------------

Z1, Z2, Y1, Y2 = sp.symbols("z1 z2 y1 y2", real=True)


def _sigmoid(z):
    return 1 / (1 + sp.exp(-z))


def _truth(cost: str, act=_sigmoid) -> dict:
    """δ_1, ∂C/∂a_1 and a_1 of the output layer under ``cost``."""
    a = [act(Z1), act(Z2)]
    A1, A2 = sp.symbols("A1 A2", positive=True)
    if cost == "quadratic":
        of_a = ((A1 - Y1) ** 2 + (A2 - Y2) ** 2) / 2
    else:  # binary cross-entropy
        of_a = -sum(y * sp.log(x) + (1 - y) * sp.log(1 - x) for y, x in ((Y1, A1), (Y2, A2)))
    cost_z = of_a.subs({A1: a[0], A2: a[1]})
    return {"delta1": sp.diff(cost_z, Z1), "dC_da1": sp.diff(of_a, A1).subs({A1: a[0], A2: a[1]}), "a1": a[0]}


def _same(x, y) -> bool:
    point = {Z1: sp.Rational(3, 10), Z2: sp.Rational(-7, 10), Y1: sp.Rational(1, 5), Y2: sp.Rational(2, 3)}
    return abs(sp.N((x - y).subs(point), 30)) < 1e-20


def test_the_oracle_decides_the_hand_verdicts():
    q, ce = _truth("quadratic"), _truth("cross-entropy")
    a1 = q["a1"]
    sig1 = sp.diff(_sigmoid(Z1), Z1)
    assert _same(q["delta1"], (a1 - Y1) * sig1)  # BP1 under the quadratic cost
    assert not _same(q["delta1"], a1 - Y1)  # δ^L = a^L − y is false there
    assert _same(q["dC_da1"], a1 - Y1)
    assert _same(ce["delta1"], a1 - Y1)  # cross-entropy + sigmoid: δ^L = a^L − y
    assert not _same(ce["delta1"], (a1 - Y1) * sig1)
    assert not _same(ce["dC_da1"], a1 - Y1)  # (a − y)/(a(1 − a))
    assert _same(sig1, a1 * (1 - a1)) and not _same(sig1, 1 - a1 ** 2)  # σ' of the sigmoid
    assert _same(sp.diff(sp.tanh(Z1), Z1), 1 - sp.tanh(Z1) ** 2)
    assert not _same(sp.diff(sp.tanh(Z1), Z1), sp.tanh(Z1) * (1 - sp.tanh(Z1)))


# -- F1 / M6: a hypothetical cost or σ is not the notes' model --------------------------------------------------

HYPO_COST = "\n".join([
    "# Cross-entropy",                                                                             # 1
    "",
    "The activation is the sigmoid $\\sigma(z) = \\frac{1}{1+e^{-z}}$ and the cost is the cross-entropy",  # 3
    "",
    "$$C = -\\sum_j \\left[y_j \\ln(a^L_j) + (1 - y_j)\\ln(1 - a^L_j)\\right].$$",                  # 5
    "",
    "If we used the quadratic cost $C = \\frac12\\|a^L - y\\|^2$ instead, we would have "
    "$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$,",                                                 # 7
    "and the factor $\\sigma'(z^L)$ slows learning down.",
    "",
    "Back to our own cost, the one defined at the top.",                                           # 10
    "",
    "$$\\frac{\\partial C}{\\partial a^L_j} = a^L_j - y_j$$",                                      # 12
    "",
    "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",                                              # 14
    "",
    "$$\\frac{\\partial C}{\\partial b^L_j} = a^L_j - y_j$$",                                      # 16
])


def test_a_hypothetical_cost_does_not_replace_the_notes_cost():
    report = verify_text(HYPO_COST, "auto")
    rows = _rows(report)
    # by hand (cross-entropy + sigmoid, the oracle above): ∂C/∂a_j = (a − y)/(a(1 − a)), δ^L = a − y, ∂C/∂b = a − y
    assert rows[12].status == "refuted", rows[12].reason
    assert rows[14].status == "refuted", rows[14].reason
    assert rows[16].status == "holds", rows[16].reason
    # the claim stated under the hypothetical is not judged, and says which hypothetical
    assert rows[7].status == "uninterpretable"
    assert "stated under the hypothetical cost (quadratic) of line 7" in rows[7].reason
    # M6: the hypothetical definition is no confirmed row, but a definition saying it is hypothetical
    assert not any(r.formula.line == 7 and r.formula.text.startswith("C =") for r in report.rows)
    assert any(f.line == 7 and f.text.startswith("C =") and "hypothetical definition" in f.reason
               for f in report.skipped)
    assert not any("the cost is quadratic" in line for line in report.header())
    assert any(line.strip().startswith("lines 7–8: a hypothetical") for line in report.header())


HYPO_SIGMA = "\n".join([
    "Our network uses the logistic function $\\sigma(z) = \\frac{1}{1+e^{-z}}$, and $a^l = \\sigma(z^l)$.",  # 1
    "",
    "If we had chosen $\\sigma(z) = \\tanh(z)$ instead, we would have $\\sigma'(z^l) = 1 - (a^l)^2$.",       # 3
    "",
    "Back to our network:",                                                                                  # 5
    "",
    "$$\\sigma'(z^l) = 1 - (a^l)^2$$",                                                                       # 7
    "",
    "$$\\sigma'(z^l) = a^l \\odot (1 - a^l)$$",                                                              # 9
])


def test_a_hypothetical_activation_does_not_replace_the_notes_sigmoid():
    report = verify_text(HYPO_SIGMA, "auto")
    rows = _rows(report)
    assert rows[7].status == "refuted"  # 1 − a² is tanh's derivative, not the sigmoid's (oracle)
    assert rows[9].status == "holds"
    assert rows[3].status == "uninterpretable" and "hypothetical activation (tanh) of line 3" in rows[3].reason
    assert not any(r.formula.text.startswith("\\sigma(z) = \\tanh") for r in report.rows)  # M6
    # the same text under the hypothetical and in the notes' own model is two claims, not one folded row
    assert [r.formula.lines for r in report.rows if r.formula.text == "\\sigma'(z^l) = 1 - (a^l)^2"] == [(3,), (7,)]


EXERCISE = "\n".join([
    "# Cvičení",                                                                                   # 1
    "",
    "Značení: $z^l = w^l a^{l-1} + b^l$, $a^l = \\sigma(z^l)$ se sigmoidou $\\sigma(z) = \\frac{1}{1+e^{-z}}$,",  # 3
    "$C = \\frac{1}{2}\\|a^L - y\\|^2$.",                                                           # 4
    "",
    "- Představte si, že nahradíte sigmoid identitou, $\\sigma(z) = z$. Pak $\\delta^L = a^L - y$ a",  # 6
    "  $\\delta^l = (w^{l+1})^T\\delta^{l+1}$.",                                                    # 7
    "",
    "# Zpět k sigmoidě",                                                                            # 9
    "",
    "$$\\delta^L = a^L - y$$",                                                                      # 11
    "",
    "$$\\delta^l = (w^{l+1})^T \\delta^{l+1}$$",                                                    # 13
    "",
    "$$\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot a^l \\odot (1 - a^l)$$",                      # 15
])


def test_an_exercise_that_replaces_the_sigmoid_by_the_identity_ends_with_its_item():
    report = verify_text(EXERCISE, "auto")
    rows = _rows(report)
    # by hand, sigmoid + quadratic: BP1 and BP2 need σ'(z) = a ⊙ (1 − a) (oracle: δ ≠ a − y)
    assert rows[11].status == "refuted" and rows[13].status == "refuted"
    assert rows[15].status == "holds"
    for line in (6, 7):  # the exercise's own claims: not of the notes' network
        assert rows[line].status == "uninterpretable" and "Představte si" in rows[line].reason
    assert not any(r.formula.lines == (6, 11) for r in report.rows)


@pytest.mark.parametrize("sentence", [
    "Kdybychom místo toho použili kvadratickou cenu $C = \\frac12\\|a^L - y\\|^2$, dostali bychom "
    "$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$.",
    "Если бы мы использовали вместо неё квадратичную стоимость $C = \\frac12\\|a^L - y\\|^2$, то "
    "$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$.",
    "Gdybyśmy zamiast tego użyli kosztu $C = \\frac12\\|a^L - y\\|^2$, to "
    "$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$.",
    "Suppose we replace the cost by $C = \\frac12\\|a^L - y\\|^2$; then $\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$.",
])
def test_hypotheticals_in_four_languages(sentence):
    text = "\n".join([
        "The activation is the sigmoid $\\sigma(z) = \\frac{1}{1+e^{-z}}$ and the cost",
        "$$C = -\\sum_j \\left[y_j \\ln(a^L_j) + (1 - y_j)\\ln(1 - a^L_j)\\right].$$",
        "", sentence, "",
        "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",   # 6: right after it, which it may go on with
        "", "Back to our own cost:", "",
        "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",   # 10: false under the notes' cross-entropy
        "", "$$\\delta^L = a^L - y$$",                      # 12: true there
    ])
    report = verify_text(text, "auto")
    rows = _rows(report)
    assert rows[4].status == "uninterpretable", rows[4].reason
    # a display between the hypothetical and the words going back is stated under it: not judged
    assert rows[6].status == "uninterpretable", rows[6].reason
    assert any(line.strip().startswith("lines 4–6: a hypothetical") for line in report.header())
    assert rows[10].status == "refuted" and rows[12].status == "holds"


@pytest.mark.parametrize("sentence", [
    "Představte si, že nahradíte sigmoid identitou, $\\sigma(z) = z$. Pak $\\delta^L = a^L - y$.",
    "Представьте, что мы заменили сигмоиду тождественной функцией $\\sigma(z) = z$. Тогда $\\delta^L = a^L - y$.",
    "Wyobraźmy sobie, że zastąpimy sigmoidę identycznością $\\sigma(z) = z$. Wtedy $\\delta^L = a^L - y$.",
    "Imagine replacing the sigmoid by the identity, $\\sigma(z) = z$. Then $\\delta^L = a^L - y$.",
])
def test_an_imagined_activation_in_four_languages(sentence):
    text = "\n".join(["The activation is $\\sigma(z) = \\frac{1}{1+e^{-z}}$, the cost $C = \\frac12\\|a^L - y\\|^2$.",
                      "", sentence, "", "# Back", "", "$$\\delta^L = a^L - y$$",  # 7: false (sigmoid + quadratic)
                      "", "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$"])   # 9: BP1, true
    report = verify_text(text, "auto")
    rows = _rows(report)
    assert rows[3].status == "uninterpretable", rows[3].reason
    assert rows[7].status == "refuted" and rows[9].status == "holds"
    assert not any(r.formula.text == "\\sigma(z) = z" for r in report.rows)


@pytest.mark.parametrize("sentence", [
    "Suppose the cost is the cross-entropy $C = -\\sum_j \\left[y_j \\ln(a^L_j) + (1 - y_j)\\ln(1 - a^L_j)\\right]$.",
    "The cost is $C = -\\sum_j \\left[y_j \\ln(a^L_j) + (1 - y_j)\\ln(1 - a^L_j)\\right]$, which we would minimise.",
])
def test_a_definition_without_a_counterfactual_stays_the_model(sentence):
    # no "would/instead/replace/imagine" governing it: the notes' own cost, in force after it
    text = "\n".join(["$\\sigma(z) = \\frac{1}{1+e^{-z}}$.", "", sentence, "", "$$\\delta^L = a^L - y$$",
                      "", "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$"])
    rows = _rows(verify_text(text, "auto"))
    assert rows[5].status == "holds" and rows[7].status == "refuted"


GRAPH_HYPO = "\n".join([
    "Let $x$ be a row vector of length 2, $W$ a $2 \\times 2$ matrix and $t$ the target.",            # 1
    "",
    "$$g = x W$$",                                                                                     # 3
    "",
    "$$h = \\tanh(g)$$",                                                                               # 5
    "",
    "$$L = \\frac{1}{2}\\|h - t\\|^2$$",                                                               # 7
    "",
    "If we had used the logistic function instead, $h = \\sigma(g)$, we would get "
    "$\\frac{\\partial h_1}{\\partial g_1} = h_1(1 - h_1)$.",                                          # 9
    "",
    "Back to our own network, with the tanh:",                                                         # 11
    "",
    "$$\\frac{\\partial L}{\\partial g_1} = (h_1 - t_1)(1 - h_1^2)$$",                                 # 13
    "",
    "$$\\frac{\\partial L}{\\partial g_1} = (h_1 - t_1) h_1 (1 - h_1)$$",                              # 15
])


def test_a_hypothetical_node_in_graph_notes_is_no_contradiction():
    report = verify_text(GRAPH_HYPO, "auto")  # no GraphError ("the notes define h twice"): M1
    rows = _rows(report)
    # by hand, h = tanh(g): ∂L/∂g_1 = (h_1 − t_1)(1 − h_1²) (oracle: tanh' = 1 − tanh²)
    assert rows[13].status == "holds" and rows[15].status == "refuted"
    assert rows[9].status == "uninterpretable" and "hypothetical definition of h of line 9" in rows[9].reason
    assert any(f.line == 9 and f.text.startswith("h =") and "hypothetical" in f.reason for f in report.skipped)


ONE_OUTPUT = "\n".join([
    "Notation: $z^l = w^l a^{l-1} + b^l$, $a^l = \\sigma(z^l)$.",                                    # 1
    "The output layer has ten neurons and the cost is $C = \\frac12\\|a^L - y\\|^2$.",               # 2
    "",
    "With a single output neuron the cost would be $C = \\frac12 (a^L - y)^2$. Then",                # 4
    "",
    "$$\\frac{\\partial C}{\\partial a^L} = a^L - y$$",                                              # 6
    "",
    "$$\\frac{\\partial C}{\\partial b^L} = (a^L - y) \\sigma'(z^L)$$",                              # 8
    "",
    "Back to ten outputs:",                                                                          # 10
    "",
    "$$\\frac{\\partial C}{\\partial w^L} = (a^{L-1})^T \\delta^L$$",                                # 12
    "",
    "$$\\delta^{L-1} = (w^L)^T \\delta^L \\odot \\sigma'(z^{L-1})$$",                                # 14
])


def test_a_hypothetical_one_output_cost_ends_where_the_notes_go_back():
    rows = _rows(verify_text(ONE_OUTPUT, "auto"))
    for line in (6, 8):  # stated under the one-output hypothetical, up to "Back to ten outputs"
        assert rows[line].status == "uninterpretable" and "hypothetical cost" in rows[line].reason
    # by hand, quadratic cost, ten outputs: ∂C/∂w^L = δ^L (a^{L−1})^T, so the transposed order is refuted (shapes);
    # BP2 holds
    assert rows[12].status == "refuted"
    assert rows[14].status == "holds"


def test_a_hypothetical_ends_before_a_sentence_of_its_own():
    # "Since … in our data set" is the notes' own statement, not the hypothetical's, though "arbitrary again" follows
    text = ("Were $x_1 = 0$, we would get $$a = 0.$$\n\nSince $x_1 = 0$ in our data set, $$b = 0.$$\n\n"
            "Now let $x_1$ be arbitrary again:\n")
    h, = hypotheticals(text)
    assert "Since" not in text[h.start:h.end]


def test_the_scope_of_a_hypothetical():
    text = ("We use $C$. If we used $D$ instead, we would get\n\n$$x$$\n\nand\n\n$$y$$\n\nDone.\n\n"
            "- Imagine replacing it, $E$.\n- Next item $F$.\n")
    first, second = hypotheticals(text)
    assert text[first.start:first.end].rstrip().endswith("$$y$$")  # "and ⏎⏎ $$y$$" goes on in lower case
    assert "Done" not in text[first.start:first.end]
    assert text[second.start:second.end].strip() == "Imagine replacing it, $E$."  # a list item ends it
    for plain in ("If we use $C = 1$, then $x = 2$.", "We had defined $C = 1$.", "We could also write $C = 1$.",
                  "We would like to minimise $C = 1$."):
        assert hypotheticals(plain) == [], plain  # no counterfactual word: a condition, or the notes' own words
    assert len(hypotheticals("If there were one output, $C = 1$.")) == len(hypotheticals("Had we $C = 1$.")) == 1


# -- F5: a first definition does not reach back over "From now on" ----------------------------------------------

RETRO = "\n".join([
    "# 1. Last week",                                                                               # 1
    "",
    "The network computes $a^l = \\sigma(z^l)$ with $\\sigma(z) = \\frac{1}{1+e^{-z}}$.",            # 3
    "In this section the cost is half the squared distance between the output and the target.",     # 4
    "",
    "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",                                               # 6
    "",
    "$$\\delta^L_j = a^L_j - y_j$$",                                                                # 8
    "",
    "# 2. The cross-entropy cost",                                                                  # 10
    "",
    "{switch}",                                                                                     # 12
    "",
    "$$C = -\\sum_j \\left[y_j \\ln(a^L_j) + (1 - y_j)\\ln(1 - a^L_j)\\right].$$",                   # 14
    "",
    "$$\\delta^L = a^L - y$$",                                                                      # 16
])


@pytest.mark.parametrize("switch", ["From now on we switch to the cross-entropy cost",
                                    "Od této chvíle používáme tuto cenu",
                                    "Отныне функция стоимости такая",
                                    "Od teraz koszt jest taki",
                                    "We use this cost instead"])
def test_a_definition_from_now_on_does_not_reach_back(switch):
    rows = _rows(verify_text(RETRO.replace("{switch}", switch), "auto"))
    # by hand, section 1 is the quadratic default (sigmoid): BP1 holds, δ^L = a^L − y is false; section 2 is the
    # cross-entropy, where δ^L = a^L − y holds (the oracle)
    assert rows[6].status == "holds", rows[6].reason
    assert rows[8].status == "refuted", rows[8].reason
    assert rows[16].status == "holds", rows[16].reason


def test_a_first_definition_with_no_such_words_still_reaches_back():
    # seeds state their cost after the formulas that use it ("Throughout these notes", no word of a switch): the
    # cross-entropy holds before it too
    rows = _rows(verify_text(RETRO.replace("{switch}", "Throughout these notes the cost is").replace(
        "In this section the cost is half the squared distance between the output and the target.", ""), "auto"))
    assert rows[8].status == "holds" and rows[6].status == "refuted"


def test_a_heading_stops_the_reach_when_the_earlier_section_names_another_cost():
    text = RETRO.replace("{switch}", "The cost is").replace(
        "In this section the cost is half the squared distance between the output and the target.",
        "We use the quadratic cost.")
    rows = _rows(verify_text(text, "auto"))
    assert rows[6].status == "holds" and rows[8].status == "refuted" and rows[16].status == "holds"
    model = Model([Definition(14, "cost", "cross-entropy", "C = 1")])
    settle(text, model, ())
    assert model.reach == {"cost": 0}  # no mention given: no heading stop


SOFTMAX_LATER = "\n".join([
    "# 1. Sigmoid output layer",                                                                    # 1
    "",
    "The network computes $a^l = \\sigma(z^l)$ in every layer.",                                    # 3
    "",
    "$$\\frac{\\partial a^L_1}{\\partial z^L_2} = -a^L_1 a^L_2$$",                                  # 5
    "",
    "# 2. Softmax output layer",                                                                    # 7
    "",
    "From now on the output layer is a softmax,",                                                   # 9
    "",
    "$$a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}},$$",                                           # 11
    "",
    "$$\\frac{\\partial a^L_1}{\\partial z^L_2} = -a^L_1 a^L_2$$",                                  # 13
    "",
    "with the cost $C = -\\sum_j y_j \\ln(a^L_j)$ and a one-hot target, $\\sum_j y_j = 1$. Then",       # 15
    "",
    "$$\\delta^L = a^L - y$$",                                                                      # 17
])


def test_a_softmax_from_now_on_is_not_the_output_before():
    report = verify_text(SOFTMAX_LATER, "auto")
    rows = _rows(report)
    # by hand: an elementwise output has ∂a_1/∂z_2 = 0 ≠ −a_1 a_2; the softmax has exactly −a_1 a_2
    z = sp.symbols("z1 z2")
    soft = [sp.exp(z[0]) / (sp.exp(z[0]) + sp.exp(z[1])), sp.exp(z[1]) / (sp.exp(z[0]) + sp.exp(z[1]))]
    assert sp.simplify(sp.diff(soft[0], z[1]) + soft[0] * soft[1]) == 0
    assert rows[3].status == "holds"
    assert rows[5].status == "refuted", rows[5].reason
    assert rows[13].status == "holds", rows[13].reason
    assert rows[17].status == "holds", rows[17].reason  # softmax + cross-entropy, one-hot: δ^L = a^L − y
    assert not any(r.formula.lines == (5, 13) for r in report.rows)


def test_a_sigmoid_from_now_on_leaves_the_tanh_part_alone():
    text = "\n".join([
        "# 1. Tanh", "", "Every neuron uses the hyperbolic tangent, $a^l = \\sigma(z^l)$.", "",
        "$$\\sigma'(z^l) = a^l \\odot (1 - a^l)$$",                                   # 5: false for tanh
        "", "# 2. Logistic", "", "From now on $$\\sigma(z) = \\frac{1}{1+e^{-z}}$$ and then", "",
        "$$\\sigma'(z^l) = a^l \\odot (1 - a^l)$$",                                   # 11: true
    ])
    report = verify_text(text, "auto")
    rows = _rows(report)
    assert rows[5].status == "refuted" and rows[11].status == "holds"
    assert not any(r.formula.lines == (5, 11) for r in report.rows)


# -- review 22 X5: "would" in one sentence does not make the next sentence's cost hypothetical ---------------------

def _would_then_own(words: str, own: str, earlier: str = "") -> str:
    return "\n".join([
        "# Backpropagation",                                                                           # 1
        "",
        "The activation is $\\sigma(z) = \\frac{1}{1+e^{-z}}$, $a^l = \\sigma(z^l)$." + earlier,      # 3
        "",
        f"{words} {own} $$C = \\frac{{1}}{{2}}\\|a^L - y\\|^2.$$",                                   # 5
        "",
        "$$\\delta^L = a^L - y$$",                                                                     # 7
        "",
        "$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$$",                                              # 9
    ])


@pytest.mark.parametrize("words, own", [
    ("With cross-entropy the output error would be simpler.", "Our cost is"),
    ("With cross-entropy the output error would be simpler.", "We use"),
    ("Had we taken the cross-entropy, the factor would cancel.", "In these notes, however, the cost is"),
    ("Kdybychom použili křížovou entropii, chyba by byla jednodušší.", "Naše cena je"),
    ("С перекрёстной энтропией ошибка была бы проще.", "Наша стоимость —"),
    ("Gdybyśmy użyli entropii krzyżowej, błąd byłby prostszy.", "Nasz koszt to"),
])
def test_would_in_one_sentence_leaves_the_next_sentences_cost_the_notes_own(words, own):
    """The quadratic cost of line 5 follows a sentence with "would" (was: read as hypothetical, δ^L = a^L − y not
    judged and BP1 ambiguous): BP1 holds, a − y is refuted (oracle: quadratic, sigmoid)."""
    q = _truth("quadratic")
    assert not _same(q["delta1"], q["a1"] - Y1)
    rows = _rows(verify_text(_would_then_own(words, own), "auto"))
    assert rows[7].status == "refuted", (rows[7].status, rows[7].reason)
    assert rows[9].status == "holds", (rows[9].status, rows[9].reason)


def test_would_before_the_own_cost_after_another_cost_judges_under_the_own_cost():
    """An earlier section's cross-entropy, then "would …. Our cost is $$C = ½‖a − y‖²$$" under a new heading (was:
    the quadratic cost taken as hypothetical, BP1 refuted under the cross-entropy, a − y not judged)."""
    text = _would_then_own("# Our cost\n\nWith cross-entropy the output error would be simpler.", "Our cost is",
                           earlier=" In chapter 1 the cost was $$C = -\\sum_j \\left[y_j \\ln(a^L_j) + (1 - y_j)"
                                   "\\ln(1 - a^L_j)\\right].$$")
    rows = _rows(verify_text(text, "auto"))
    assert rows[9].status == "refuted", (rows[9].status, rows[9].reason)
    assert rows[11].status == "holds", (rows[11].status, rows[11].reason)


@pytest.mark.parametrize("after", ["It is then", "In that case it is", "Then the cost is"])
def test_a_sentence_going_on_with_would_stays_hypothetical(after):
    text = _would_then_own("If we used another cost, the output error would be simpler.", after)
    assert _rows(verify_text(text, "auto"))[7].status == "uninterpretable"
