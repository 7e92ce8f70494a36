r"""Denials whose words the readers missed, and δ defined by "Define" (review guard5).

Verdicts decided by hand. Nielsen's notation, the notes' cost C generic (∇_a C = ∂C/∂a^L), a^l = σ(z^l):

* BP1 at the output layer, δ^l = ∇_a C ⊙ σ'(z^l) for l = L, is TRUE (δ^L ≡ ∂C/∂z^L = ∂C/∂a^L ⊙ σ'(z^L));
* δ^l = ∇_a C for l = L lacks σ'(z^L): FALSE wherever σ' ≠ 1 (the wrong variant).

When the notes deny the true one ("It is not true that for $l = L$ we have …"), the row is the verdict on their
statement "this is false": refuted ("the notes call this formula wrong …, but it holds"), never "holds". Denying
the false one is right: that statement holds. Before, the condition between the denial and the formula hid the
words: the formula was judged as if they were not there (conditional; "Not true:" and "Wrong:" held).
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

TRUE = r"\delta^l = \nabla_a C \odot \sigma'(z^l)"
FALSE = r"\delta^l = \nabla_a C"
CALLED = "the notes call this formula wrong"

#: Denials with a prose condition between them and the formula (en, cs, ru, pl).
DENIALS = [
    "It is not true that for $l = L$ we have ${f}$.",
    "It is false that for $l = L$ we have ${f}$.",
    "It does not hold that for $l = L$ we have ${f}$.",
    "Not true: for $l = L$ we have ${f}$.",
    "Wrong: for $l = L$ we have ${f}$.",
    "It is not true that when $l = L$, ${f}$.",
    "Neplatí, že pro $l = L$ máme ${f}$.",
    "Není pravda, že pro $l = L$ máme ${f}$.",
    "Неверно, что для $l = L$ имеем ${f}$.",
    "Nie jest prawdą, że dla $l = L$ mamy ${f}$.",
]


def _only(text: str):
    rows = verify_text(text).rows
    assert len(rows) == 1, [(r.formula.text, r.result.status) for r in rows]
    return rows[0].result


@pytest.mark.parametrize("sentence", DENIALS)
def test_a_denial_before_a_prose_condition_refutes_the_true_formula(sentence):
    result = _only(sentence.replace("{f}", TRUE) + "\n")
    assert result.status == "refuted" and result.reason.startswith(CALLED) and "but it holds" in result.reason, result


@pytest.mark.parametrize("sentence", DENIALS)
def test_a_denial_before_a_prose_condition_of_the_false_formula_holds(sentence):
    # the wrong variant: the notes deny a formula that is wrong, so their statement holds; the formula never does
    result = _only(sentence.replace("{f}", FALSE) + "\n")
    assert result.status == "holds" and result.reason.startswith(CALLED) and "and it is" in result.reason, result


@pytest.mark.parametrize("sentence", ["It is not true that for the output layer we have ${f}$.",
                                      "It is not true that in the output layer, ${f}$.",
                                      "Неверно, что для выходного слоя имеем ${f}$."])
@pytest.mark.parametrize("formula", [TRUE, FALSE])
def test_a_denial_before_a_condition_in_words_is_not_judged(sentence, formula):
    # "the output layer" in words is not read as l = L: the denial is under words not read, never judged
    result = _only(sentence.replace("{f}", formula) + "\n")
    assert result.status == "uninterpretable" and "not read" in result.reason, result


def test_the_same_condition_stated_still_holds_and_its_wrong_variant_is_refuted():
    assert _only(f"For $l = L$ we have ${TRUE}$.\n").status == "holds"
    assert _only(r"For $l = L$ we have $\delta^l = \nabla_a C \odot \sigma(z^l)$." + "\n").status == "refuted"


@pytest.mark.parametrize("words", ["This is incorrect for the output layer.", "This is wrong for hidden layers.",
                                   "Это неверно для выходного слоя."])
@pytest.mark.parametrize("formula", [TRUE, r"\delta^L = \nabla_a C \odot \sigma'(z^L)", FALSE])
def test_a_paragraph_denying_the_display_under_words_is_not_judged(words, formula):
    # the notes call the display wrong "for the output layer": BP1 is right there, so "holds" hid the contradiction;
    # what the words restrict is not read: unjudged, with the reason (never holds, the wrong variant never refuted
    # as if the notes claimed it)
    result = _only(f"$${formula}$$\n\n{words}\n")
    assert result.status == "uninterpretable" and result.reason.startswith(CALLED) and "not read" in result.reason, result


def test_a_plain_paragraph_denial_still_refutes_and_a_look_alike_states():
    assert _only(r"$$\delta^L = \nabla_a C \odot \sigma'(z^L)$$" + "\n\nThis is incorrect.\n").status == "refuted"
    said = _only(r"$$\delta^L = \nabla_a C$$" + "\n\nIt is wrong to drop the factor here, so we keep it.\n")
    assert said.status == "refuted" and not said.reason.startswith(CALLED), said


# δ defined by "Define", "We define", "Set": the notes' notation, as "$\delta^L$ is defined as …" is (deltawords).
# Cost C = ½ Σ_j (a^L_j − y_j)², a^L = σ(z^L). By hand, under the notes' δ^L = ∇_a C = a^L − y: ∂C/∂b^L = (a^L − y) ⊙
# σ'(z^L), so ∂C/∂b^L = δ^L is FALSE (σ'(z^L) missing) and ∂C/∂b^L = δ^L ⊙ σ'(z^L) is TRUE.
PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
AFTER = ("Then $$\\frac{\\partial C}{\\partial b^L} = \\delta^L.$$\n\n"
         "and $$\\frac{\\partial C}{\\partial b^L} = \\delta^L \\odot \\sigma'(z^L).$$\n")  # lines 5 and 7


def _by_line(sentence: str) -> dict:
    report = verify_text(PRE + sentence + "\n\n" + AFTER)
    return {r.formula.line: r.result for r in report.rows}, report


@pytest.mark.parametrize("sentence", [r"Define $\delta^L = \nabla_a C$.", r"We define $\delta^L = \nabla_a C$.",
                                      r"Set $\delta^L = \nabla_a C$.", r"We now define $\delta^L = a^L - y$.",
                                      r"Definujme $\delta^L = \nabla_a C$.", r"Определим $\delta^L = \nabla_a C$."])
def test_define_makes_the_notes_own_delta(sentence):
    rows, report = _by_line(sentence)
    assert 3 not in rows, rows[3]  # a definition: never refuted (rv42 9 refuted "Define" as a slip of BP1)
    assert any(f.line == 3 and f.kind == "definition" for f in report.skipped)
    for line, status in ((5, "refuted"), (7, "holds")):  # line 5 the wrong variant: never holds
        said = f"{rows[line].reason} {rows[line].remark}"
        assert rows[line].status == status and "own δ put in" in said and "line 3" in said, (rows[line].status, said)


@pytest.mark.parametrize("sentence", [r"By BP1, $\delta^L = \nabla_a C$.", r"On the training set, $\delta^L = \nabla_a C$.",
                                      r"We have $\delta^L = \nabla_a C$."])
def test_a_delta_claimed_stays_a_claim_and_is_refuted(sentence):
    rows, _ = _by_line(sentence)
    assert rows[3].status == "refuted", rows[3]  # BP1 without σ'(z^L): wrong, the notes claim it
    assert rows[5].status == "holds" and rows[7].status == "refuted"  # symbp's δ ≡ ∂C/∂z: BP3 holds
