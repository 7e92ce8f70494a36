r"""A sentence after formulas that picks them out by order and judges them (``ordinals``, read by ``unreadwords``).

Review rv42d, 1 and 3. Held-out notes written for these tests; verdicts decided by hand. Under the notes' quadratic
cost C = ½ Σ_j (a^L_j − y_j)² and a^L = σ(z^L): δ^L = (a^L − y) ⊙ σ'(z^L) is true (BP1), δ^L = a^L − y is false
(σ'(z^L) is missing). The notes' statement "X is wrong" holds when X is false and is refuted when X is true; "X is
right" is their claim X. Words the reader does not read fully ("no longer wrong", "wrong only at $l = 2$", "the
latter, unlike the former") leave every formula they speak of unjudged, never holds.
"""

from symbp.verify.notes import verify_text

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
WRONG = r"\delta^L = a^L - y"


def _statuses(text: str) -> dict:
    return {" ".join(r.formula.text.split()): r.result.status for r in verify_text(text).rows if r.formula.line > 1}


def _two(first: str, second: str, words: str) -> dict:
    got = _statuses(PRE + f"$${first}$$\n$${second}$$\n{words}\n")
    return {"first": got[" ".join(first.split())], "second": got[" ".join(second.split())]}


def test_ordinals_first_right_and_second_wrong_reads_each():
    # BP1 is right (the notes' claim holds); the slip is wrong (their statement that it is wrong holds)
    got = _two(BP1, WRONG, "The first of these is right and the second is wrong.")
    assert got == {"first": "holds", "second": "holds"}


def test_ordinals_first_right_and_second_wrong_of_the_slip_first_is_refuted_twice():
    # wrong variant: the slip called right (false), BP1 called wrong (false); before, the slip got "holds"
    got = _two(WRONG, BP1, "The first of these is right and the second is wrong.")
    assert got == {"first": "refuted", "second": "refuted"}


def test_ordinals_no_longer_wrong_is_not_read():
    got = _two(BP1, WRONG, "The second of these is no longer wrong.")
    assert got == {"first": "uninterpretable", "second": "uninterpretable"}


def test_ordinals_wrong_only_at_one_layer_is_not_read():
    got = _two(BP1, WRONG, "The second of these is wrong only at $l = 2$.")
    assert got == {"first": "uninterpretable", "second": "uninterpretable"}


def test_ordinals_wrong_but_only_after_a_comma_is_not_read():
    got = _two(BP1, WRONG, "The second of these is wrong, except at the output layer.")
    assert got == {"first": "uninterpretable", "second": "uninterpretable"}


def test_ordinals_latter_unlike_the_former_is_not_read():
    for words in ("The latter, unlike the former, is wrong.", "The latter, unlike the former, is right."):
        got = _two(BP1, WRONG, words)
        assert got == {"first": "uninterpretable", "second": "uninterpretable"}, words


def test_ordinals_former_right_latter_wrong_reads_each():
    assert _two(BP1, WRONG, "The former is right, the latter wrong.") == {"first": "holds", "second": "holds"}
    assert _two(WRONG, BP1, "The former is right, the latter wrong.") == {"first": "refuted", "second": "refuted"}


def test_ordinals_previous_formula_is_wrong_after_one_slip_holds():
    got = _statuses(PRE + f"$${WRONG}$$\nThe previous formula is wrong.\n")
    assert got[" ".join(WRONG.split())] == "holds"


def test_ordinals_previous_formula_is_wrong_after_bp1_is_refuted():
    # wrong variant: before, the words were unread and BP1 held as the notes' claim
    got = _statuses(PRE + f"$${BP1}$$\nThe previous formula is wrong.\n")
    assert got[" ".join(BP1.split())] == "refuted"


def test_ordinals_last_and_second_formula_is_wrong():
    for words in ("The last formula is wrong.", "The second formula is wrong.", "The second equation is incorrect."):
        assert _two(BP1, WRONG, words) == {"first": "uninterpretable", "second": "holds"}, words
        assert _two(WRONG, BP1, words) == {"first": "uninterpretable", "second": "refuted"}, words


def test_ordinals_second_formula_wrong_in_czech_russian_polish():
    for words in ("Druhý vzorec je špatně.", "Вторая формула неверна.", "Drugi wzór jest błędny."):
        assert _two(BP1, WRONG, words) == {"first": "uninterpretable", "second": "holds"}, words
        assert _two(WRONG, BP1, words) == {"first": "uninterpretable", "second": "refuted"}, words


def test_ordinals_first_of_these_after_another_formula_of_the_paragraph_is_not_counted():
    # "the first" may count the formula of the paragraph before the two: not read (the last one would be)
    text = PRE + f"We had $C = 0$ there. Now\n$${WRONG}$$\n$${BP1}$$\nThe first of these is wrong.\n"
    got = _statuses(text)
    assert got[" ".join(WRONG.split())] == "uninterpretable"
    assert got[" ".join(BP1.split())] == "uninterpretable"


def test_ordinals_the_first_equation_without_a_verdict_is_no_hazard():
    got = _two(BP1, WRONG, "The first equation is the one we prove below.")
    assert got == {"first": "holds", "second": "refuted"}
