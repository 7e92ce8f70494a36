r"""A formula the notes assert as the fix of a mistake, or under a double negative, is not one they call wrong (review
rv48 A1, B1; ``denials``).

Held-out notes (the review's /tmp/rv48/voc/*.md), verdicts decided by hand. Under z^l = w^l a^{l-1} + b^l and the
quadratic cost, ∂C/∂b^l_j = δ^l_j is true (BP3) and ∂C/∂b^l_j = a^{l-1}_j δ^l_j is false.

* "Contrary to (unlike, in contrast to) a common mistake, X": the notes assert X: the false X is refuted, BP3 holds.
  Before, "common mistake" was read as calling X wrong: the false X held ("the notes call this formula wrong, and it
  is") and BP3 was refuted.
* "This corrects a common mistake: X": X may be the mistake or its correction: uninterpretable for both. So is
  "Contrary to a common mistake, X is wrong" (before: judged as asserted, and the true BP3 held though the notes
  call it wrong).
* "It is wrong to think that X is wrong" (en, cs, ru, pl): the notes assert X, read exactly (like "Ошибочно считать,
  что X неверно" before): the false X is refuted, BP3 holds. Before, the cs, ru, pl forms read "is wrong" after X as
  calling it wrong: the false X held.
* "It is wrong to think that X" (a single negative): the notes call X wrong: the false X holds (their statement that
  it is wrong is true), BP3 is refuted (before: uninterpretable, or in Czech and Polish judged as if asserted).
"""

import pytest

from symbp.verify.notes import verify_text

PRE = (r"We use $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ with the quadratic cost "
       r"$C = \frac{1}{2}\|y - a^L\|^2$." + "\n\n")
TRUE = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
FALSE = r"\frac{\partial C}{\partial b^l_j} = a^{l-1}_j \delta^l_j"


def _status(sentence: str) -> str:
    rows = [r for r in verify_text(PRE + sentence + "\n").rows if r.formula.line > 1]
    assert len(rows) == 1, [r.formula.text for r in rows]
    return rows[0].result.status


ASSERTED = [
    "Contrary to a common mistake, ${}$.",  # v11
    "Unlike the common mistake, ${}$.",  # w101
    "In contrast to a typical error made by students, ${}$.",
    "As opposed to the common mistake:\n$${}$$",
    "Contrary to what students wrongly write, ${}$.",
    "It is wrong to think that ${}$ is wrong.",
    "Неверно думать, что ${}$ неверно.",  # v8
    "Ошибочно считать, что ${}$ неверно.",
    "Je chybou si myslet, že ${}$ je špatně.",  # w106
    "Błędem jest sądzić, że ${}$ jest błędne.",  # w107
]


@pytest.mark.parametrize("sentence", ASSERTED)
def test_rv48_mistake_asserted_formula_is_judged_on_its_merits(sentence):
    assert _status(sentence.format(FALSE)) == "refuted", sentence
    assert _status(sentence.format(TRUE)) == "holds", sentence


DENIED = [
    "It is wrong to think that ${}$.",
    "It would be wrong to think that ${}$.",
    "Неверно думать, что ${}$.",
    "Je chybou si myslet, že ${}$.",
    "Błędem jest sądzić, że ${}$.",
    "A common mistake is to write ${}$.",  # unchanged: no contrast before it
]


@pytest.mark.parametrize("sentence", DENIED)
def test_rv48_mistake_single_negative_calls_the_formula_wrong(sentence):
    assert _status(sentence.format(FALSE)) == "holds", sentence
    assert _status(sentence.format(TRUE)) == "refuted", sentence


@pytest.mark.parametrize("sentence", [
    "This corrects a common mistake: ${}$.",  # w103
    "Correcting a typical error:\n$${}$$",
    # the contrast asserts the formula, the words after it call it wrong: which is meant is not read
    "Contrary to a common mistake, ${}$ is wrong.",
    "This is not a common mistake: ${}$ is wrong.",
])
def test_rv48_mistake_correction_of_a_mistake_is_not_judged(sentence):
    assert _status(sentence.format(FALSE)) == "uninterpretable", sentence
    assert _status(sentence.format(TRUE)) == "uninterpretable", sentence


def test_rv48_mistake_contrast_farther_back_keeps_the_denial():
    # only "contrary to" + an article right before the words turns them round: here the notes deny the formula
    sentence = "Contrary to popular belief, it is not true that ${}$."
    assert _status(sentence.format(FALSE)) == "holds"
    assert _status(sentence.format(TRUE)) == "refuted"


def test_rv48_mistake_graph_notes_contrary_to_a_mistake_is_refuted():
    # /tmp/rv48/g/k7.md: L = ½‖h − t‖², so ∂L/∂h = h − t; the notes assert t − h, which is false
    notes = ("The input $x$ is a column vector with entries $x_1, x_2$, and $W$ is a $2 \\times 2$ matrix.\n\n"
             "$$g = Wx$$\n\n$$h = \\sigma(g)$$\n\nThe loss is $L = \\frac{1}{2}\\|h - t\\|^2$.\n\n")
    rows = verify_text(notes + "Contrary to a common mistake, $\\frac{\\partial L}{\\partial h} = t - h$.\n").rows
    assert [r.result.status for r in rows if r.formula.line == 9] == ["refuted"]
    rows = verify_text(notes + "Contrary to a common mistake, $\\frac{\\partial L}{\\partial h} = h - t$.\n").rows
    assert [r.result.status for r in rows if r.formula.line == 9] == ["holds"]


# "Contrary to what one might think, …": the opener's "might" reports no belief of what follows it, so the denial
# after the comma is the notes' own. Before, the whole lead was read as a reported belief and X as asserted: the true
# BP3 the notes deny held. By hand: the notes deny X, so BP3 is refuted ("the notes call it wrong, but it holds") and
# the false X holds (their denial is right).
@pytest.mark.parametrize("lead", ["Contrary to what one might think, it is not true that ${}$.",
                                  "Contrary to what one might think, a common mistake is to write ${}$.",
                                  "Unlike what students may expect, it is not true that ${}$."])
def test_rv48_mistake_contrary_to_what_one_might_think_keeps_the_denial(lead):
    assert _status(lead.format(TRUE)) == "refuted"
    assert _status(lead.format(FALSE)) == "holds"
