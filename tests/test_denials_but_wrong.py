r"""", but this is wrong" in Czech, Russian and Polish, and "a typo:" before a formula (``denials``; review rv42d 6).

Held-out notes written for these tests; verdicts decided by hand. Under the notes' quadratic cost and a^L = σ(z^L),
δ^L = (a^L − y) ⊙ σ'(z^L) is true (BP1) and δ^L = a^L − y is false. A formula the notes call wrong is their
statement that it is false: it holds for the slip and is refuted for BP1 (before, the slip was refuted as if the
notes asserted it, and BP1 held).
"""

import pytest

from symbp.verify.notes import verify_text

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
WRONG = r"\delta^L = a^L - y"


def _status(text: str) -> str:
    rows = [r for r in verify_text(PRE + text).rows if r.formula.line > 1]
    assert len(rows) == 1, [r.formula.text for r in rows]
    return rows[0].result.status


@pytest.mark.parametrize("sentence", [
    "Výstupní chyba je ${}$, ale to je špatně.",
    "Dalo by se psát ${}$, ale to neplatí.",
    "Выходная ошибка равна ${}$, но это неверно.",
    "Błąd wyjściowy to ${}$, ale to jest błędne.",
    "A typo: $${}$$",
    "There is a typo: $${}$$",
    "Опечатка: $${}$$",
])
def test_denials_but_wrong_the_slip_called_wrong_holds_and_bp1_is_refuted(sentence):
    assert _status(sentence.format(WRONG) + "\n") == "holds", sentence
    assert _status(sentence.format(BP1) + "\n") == "refuted", sentence


def test_denials_but_wrong_under_a_condition_is_not_judged():
    assert _status(f"Mamy ${BP1}$, ale to jest błędne dla $l < L$.\n") == "uninterpretable"


def test_denials_but_other_words_after_ale_are_no_denial():
    assert _status(f"Výstupní chyba je ${BP1}$, ale to je jen začátek.\n") == "holds"


def test_denials_but_a_typo_with_another_subject_is_not_judged():
    # the display may be the slide's typo or its correction: never a plain verdict
    assert _status(f"Slide 3 has a typo:\n$${BP1}$$\n") == "uninterpretable"
