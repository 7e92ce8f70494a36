r"""A verdict by order that does not open its sentence, and a denial after several formulas (``ordinals``,
``unreadwords``, ``antecedents``).

Review rv44 A10, B6, B7 (repro notes /tmp/rv44/a13.md, a14.md, b7.md, written again here). Verdicts decided by
hand, as in tests/test_ordinals.py: under the notes' quadratic cost C = ½ Σ_j (a^L_j − y_j)² and a^L = σ(z^L),
δ^L = (a^L − y) ⊙ σ'(z^L) is true (BP1) and δ^L = a^L − y is false (σ'(z^L) is missing). "X is wrong" is the notes'
statement that X is false: it holds when X is false and is refuted when X is true; "X is right" is their claim X; a
formula the sentence does not speak of stays unjudged (as for "The first of these is wrong." opening its sentence).
A sentence that is not read exactly (a supposition, a change of the cost, a number or a line for the formula)
leaves every formula it may mean unjudged, never a plain verdict.
"""

import pytest

from symbp.verify.notes import verify_text

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
WRONG = r"\delta^L = a^L - y"
#: True only for the doubled cost C = Σ_j (a^L_j − y_j)² (b7.md); false under the notes' own.
DOUBLED = r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)"
U = "uninterpretable"


def _statuses(text: str) -> dict:
    return {" ".join(r.formula.text.split()): r.result.status for r in verify_text(text).rows if r.formula.line > 1}


def _two(first: str, second: str, words: str, gap: str = "\n") -> dict:
    got = _statuses(PRE + f"$${first}$${gap}$${second}$${gap}{words}\n")
    return {"first": got[" ".join(first.split())], "second": got[" ".join(second.split())]}


#: "the first of these is wrong" after words that change nothing of it: BP1 called wrong (refuted), the slip unjudged.
_FIRST_WRONG = ("The first of these is wrong.", "In fact, the first of these is wrong.", "Of these, the first is wrong.",
                "Here the first of these is wrong.", "Clearly, the first of these is wrong.",
                "Note: the first of these is wrong.", "We claim that the first of these is wrong.",
                "It turns out that the first of these is wrong.", "It turns out the first of these is wrong.",
                "The upper formula is wrong.", "The top one is wrong.")


@pytest.mark.parametrize("words", _FIRST_WRONG)
def test_ordinals_more_first_wrong_after_a_lead_refutes_bp1(words):
    # review rv44 A10: BP1 held (the notes call the true BP1 wrong)
    assert _two(BP1, WRONG, words) == {"first": "refuted", "second": U}


@pytest.mark.parametrize("words", _FIRST_WRONG)
def test_ordinals_more_first_wrong_after_a_lead_of_the_slip_holds(words):
    # wrong variant: the slip first, called wrong, which it is
    assert _two(WRONG, BP1, words) == {"first": "holds", "second": U}


def test_ordinals_more_only_the_second_right_judges_both():
    # "Only the second is right": the second is right (their claim), the first is wrong
    assert _two(BP1, WRONG, "Only the second of these is right.") == {"first": "refuted", "second": "refuted"}
    assert _two(WRONG, BP1, "Only the second of these is right.") == {"first": "holds", "second": "holds"}


def test_ordinals_more_only_the_first_wrong_judges_both():
    assert _two(BP1, WRONG, "Only the first of these is wrong.") == {"first": "refuted", "second": "refuted"}
    assert _two(WRONG, BP1, "Only the first of these is wrong.") == {"first": "holds", "second": "holds"}


def test_ordinals_more_only_after_another_formula_of_the_paragraph_is_not_read():
    # "only" speaks of every formula "these" means, and the paragraph's $C = 0$ may be one of them
    text = PRE + f"We had $C = 0$ there. Now\n$${WRONG}$$\n$${BP1}$$\nOnly the first of these is wrong.\n"
    got = _statuses(text)
    assert (got[WRONG], got[" ".join(BP1.split())]) == (U, U)


@pytest.mark.parametrize("words", ["Formula (1) is wrong.", "The formula on the first line is wrong.",
                                   "Clearly, formula (2) is right."])
def test_ordinals_more_a_number_or_a_line_is_not_read(words):
    # which formula "(1)" or "the first line" is, is not known: neither judged (BP1 held before)
    assert _two(BP1, WRONG, words) == {"first": U, "second": U}
    assert _two(WRONG, BP1, words) == {"first": U, "second": U}


def test_ordinals_more_a_doubled_cost_before_the_verdicts_leaves_both_unjudged():
    # review rv44 a14.md: under the doubled cost BP1 lacks the factor 2; BP1 held
    words = "With the cost doubled, the first of these is right and the second is wrong."
    assert _two(BP1, WRONG, words) == {"first": U, "second": U}
    assert _two(WRONG, BP1, words) == {"first": U, "second": U}


def test_ordinals_more_a_supposition_before_the_verdict_leaves_both_unjudged():
    # review rv44 B7 (b7.md): the doubled-cost formula, true for the doubled cost, was refuted
    for words in ("If the cost were doubled, the second of these would be right.",
                  "If the cost were doubled, the second of these is right.",
                  "Had we doubled the cost, the latter would be correct."):
        assert _two(BP1, DOUBLED, words) == {"first": U, "second": U}, words


def test_ordinals_more_the_same_verdict_without_the_supposition_is_read():
    # control: "the second of these is right" plainly: the doubled-cost formula is the notes' claim, false here
    assert _two(BP1, DOUBLED, "In fact, the second of these is right.") == {"first": U, "second": "refuted"}


def test_ordinals_more_displays_apart_by_blank_lines_are_not_counted_from_the_first():
    # before: BP1's sentence ended at the blank line, so "the first" was counted from the slip, and BP1 held; which
    # display is the first is not sure (another display may stand before, apart by a blank line too): both unjudged
    assert _two(BP1, WRONG, "The first of these is wrong.", gap="\n\n") == {"first": U, "second": U}
    assert _two(WRONG, BP1, "The first of these is wrong.", gap="\n\n") == {"first": U, "second": U}
    # "the last" is sure: the slip called wrong holds, BP1 called wrong is refuted
    assert _two(BP1, WRONG, "Here the last one is wrong.", gap="\n\n") == {"first": U, "second": "holds"}
    assert _two(WRONG, BP1, "Here the last one is wrong.", gap="\n\n") == {"first": U, "second": "refuted"}


def test_ordinals_more_a_display_before_across_a_blank_line_is_not_counted_as_the_first():
    # "$$z^L = …$$⏎⏎$$BP1$$⏎$$slip$$⏎The first of these is wrong.": z^L was called wrong (refuted as a definition)
    text = PRE + f"$$z^L = w^L a^{{L-1}} + b^L$$\n\n$${BP1}$$\n$${WRONG}$$\nThe first of these is wrong.\n"
    got = _statuses(text)
    assert (got["z^L = w^L a^{L-1} + b^L"], got[" ".join(BP1.split())], got[WRONG]) == (U, U, U)


def test_ordinals_more_first_of_these_after_one_formula_is_not_read():
    # "the first of these" speaks of several formulas: with one display before it, the others are elsewhere
    got = _statuses(PRE + f"We prove below that\n\n$${BP1}$$\n\nIn fact, the first of these is wrong.\n")
    assert got[" ".join(BP1.split())] == U


@pytest.mark.parametrize("first,second", [(BP1, WRONG), (WRONG, BP1)])
def test_ordinals_more_this_after_two_formulas_of_one_display_is_not_decided(first, second):
    # review rv44 B6: the denial was given to both formulas of the display (BP1 refuted, the slip held)
    for words in ("but this is wrong.", "This is wrong.", "ale to je špatně."):
        got = _statuses(PRE + f"$${first}, \\quad {second}$$\n{words}\n")
        assert (got[" ".join(first.split())], got[" ".join(second.split())]) == (U, U), words


@pytest.mark.parametrize("first,second", [(BP1, WRONG), (WRONG, BP1)])
def test_ordinals_more_this_after_two_inline_formulas_is_not_decided(first, second):
    # review rv44 B6: only the last formula was taken (unjudged); the first was judged as the notes' claim
    for words in (", but this is wrong.", ", which is wrong.", ", but that is false."):
        got = _statuses(PRE + f"We have ${first}$ and ${second}${words}\n")
        assert (got[" ".join(first.split())], got[" ".join(second.split())]) == (U, U), words


def test_ordinals_more_this_after_one_display_is_still_read():
    # controls: one formula before "this": the notes' statement that it is wrong
    assert _statuses(PRE + f"$${WRONG}$$\nbut this is wrong.\n")[WRONG] == "holds"
    assert _statuses(PRE + f"$${BP1}$$\nbut this is wrong.\n")[" ".join(BP1.split())] == "refuted"


def test_ordinals_more_a_formula_named_wrong_by_its_own_words_does_not_spread():
    # "$B$ is wrong" names B: the claim before it stays the notes' claim (true: holds)
    got = _statuses(PRE + f"We have ${BP1}$, and ${WRONG}$ is wrong.\n")
    assert got[" ".join(BP1.split())] == "holds"
