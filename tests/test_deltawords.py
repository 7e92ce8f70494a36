r"""δ defined by the notes in words (``deltawords``): review rv44 A9 and B4.

Held-out notes written for these tests; verdicts decided by hand. The notes' cost is C = ½ Σ_j (a^L_j − y_j)² with
a^L = σ(z^L), so symbp's δ^L ≡ ∂C/∂z^L = (a^L − y) ⊙ σ'(z^L) and ∂C/∂b^L = (a^L − y) ⊙ σ'(z^L).

When the notes define δ^L in words as ∂C/∂a^L = a^L − y (or write a^L − y itself), their δ is not symbp's:

* the definition is no claim: never refuted (before, it was: "a missing factor σ'(z)");
* ∂C/∂b^L = δ^L is false under their δ (it lacks σ'(z^L)): refuted (before, it held as BP3);
* ∂C/∂b^L = δ^L ⊙ σ'(z^L) is true under their δ: it holds (before, it was refuted).

symbp checks those claims with the notes' δ put in. A claim with another δ (δ^l, δ^{L-1}) is uninterpretable, naming
the definition's line, never judged against ∂C/∂z. A formula δ^L = a^L − y written without words that define stays a
claim, refuted as before; a definition in words that agrees with ∂C/∂z is judged as before (it holds, and so does BP3
after it).
"""

import pytest

from symbp.verify.notes import verify_text

PRE = r"The cost is $C = \frac{1}{2}\sum_j (a^L_j - y_j)^2$ and $a^L = \sigma(z^L)$." + "\n\n"
BP3 = r"\frac{\partial C}{\partial b^L} = \delta^L"
TRUE_UNDER_THEIRS = r"\frac{\partial C}{\partial b^L} = \delta^L \odot \sigma'(z^L)"
AFTER = f"Then $${BP3}.$$\n\nand $${TRUE_UNDER_THEIRS}.$$\n"  # lines 5 and 7
DA = r"\frac{\partial C}{\partial a^L}"


def _rows(text: str) -> dict:
    return {(r.formula.line, " ".join(r.formula.text.split())): r.result for r in verify_text(text).rows}


#: Definitions of δ^L in words, otherwise than ∂C/∂z: filed as definitions (no row).
DEFINED = [
    rf"Let $\delta^L$ denote the output error, where $\delta^L = {DA}$.",  # the review's a12.md
    r"Let $\delta^L$ denote the output error, where $\delta^L = a^L - y$.",
    r"We write $\delta^L$ for the output error, where $\delta^L = a^L - y$.",
    rf"The output error $\delta^L$ is defined as $\delta^L = {DA}$.",
    r"Let $\delta^L = a^L - y$.",
    r"Nechť $\delta^L$ označuje chybu výstupní vrstvy, kde $\delta^L = a^L - y$.",
    r"Пусть $\delta^L = a^L - y$.",
    rf"Niech $\delta^L = {DA}$.",
]


@pytest.mark.parametrize("sentence", DEFINED)
def test_delta_defined_in_words_is_a_definition_and_blocks_the_claims_after_it(sentence):
    report = verify_text(PRE + sentence + "\n\n" + AFTER)
    rows = {(r.formula.line, " ".join(r.formula.text.split())): r.result for r in report.rows}
    assert not [k for k in rows if k[0] == 3], rows  # the definition is no row: never refuted
    definition = [f for f in report.skipped if f.line == 3 and f.kind == "definition"]
    assert definition and "not symbp's δ ≡ ∂C/∂z" in definition[0].reason, [(f.line, f.reason) for f in report.skipped]
    _judged_with_theirs(rows)


def _judged_with_theirs(rows: dict) -> None:
    # hand-decided: under the notes' δ^L = a^L − y, line 5 is false (σ'(z^L) missing) and line 7 true
    got = {line: v for (line, _), v in rows.items() if line in (5, 7)}
    for line, status in ((5, "refuted"), (7, "holds")):
        said = f"{got[line].reason} {got[line].remark}"
        assert got[line].status == status and "own δ put in" in said and "line 3" in said, (got[line].status, said)


@pytest.mark.parametrize("sentence", [r"Denote by $\delta^L = a^L - y$ the output error.",
                                      r"Let $\delta^L = a^L - y$ denote the output error.",
                                      r"We write $\delta^L = \nabla_a C$ for the output error."])
def test_delta_named_with_its_formula_stays_unjudged_and_blocks_the_claims_after_it(sentence):
    rows = _rows(PRE + sentence + "\n\n" + AFTER)
    own = [v for (line, _), v in rows.items() if line == 3]
    assert own and own[0].status == "uninterpretable" and "naming" in own[0].reason, own  # the naming guard's
    _judged_with_theirs(rows)  # line 5 held before


@pytest.mark.parametrize("claim", [r"\frac{\partial C}{\partial b^l} = \delta^l",
                                   r"\delta^{L-1} = ((w^L)^T \delta^L) \odot \sigma'(z^{L-1})",
                                   r"\frac{\partial C}{\partial b^L_j} = \delta^L_j"])
def test_another_delta_after_a_delta_defined_in_words_is_unjudged(claim):
    # δ^l, δ^{L-1}, δ^L_j beside the notes' vector δ^L = a^L − y: what they mean is not said; never judged as ∂C/∂z
    # (δ^L_j = ∂C/∂z^L_j would make the last one hold, BP3)
    rows = _rows(PRE + r"Let $\delta^L$ denote the output error, where $\delta^L = a^L - y$." + f"\n\nThen $${claim}.$$\n")
    got = rows[(5, claim)]
    assert got.status == "uninterpretable" and "line 3" in got.reason, (got.status, got.reason)


def test_a_later_definition_of_delta_ends_putting_in_the_earlier_one():
    # δ^L = a^L − y (line 3), then δ^L ≡ ∂C/∂z^L (line 5): under the later one ∂C/∂b^L = δ^L ⊙ σ'(z^L) is false, so
    # the earlier δ must not be put in (it would hold); never judged as holding
    text = (PRE + r"Let $\delta^L$ denote the output error, where $\delta^L = a^L - y$." + "\n\n"
            + r"Now $$\delta^L \equiv \frac{\partial C}{\partial z^L}.$$" + f"\n\nThen $${TRUE_UNDER_THEIRS}.$$\n")
    got = _rows(text)[(7, TRUE_UNDER_THEIRS)]
    assert got.status != "holds", (got.status, got.reason)


def test_delta_defined_by_where_covers_the_claim_before_it_in_its_sentence():
    # "$$∂C/∂b^L = δ^L,$$ where δ^L = a^L − y": false under the δ the sentence gives (σ'(z^L) missing); held before
    for text in (f"$${BP3},$$\nwhere $\\delta^L = a^L - y$.\n", f"Then ${BP3}$, where $\\delta^L = a^L - y$.\n"):
        got = [v for (line, _), v in _rows(PRE + text).items() if line == 3]
        assert len(got) == 1 and got[0].status == "refuted", [(v.status, v.reason) for v in got]


@pytest.mark.parametrize("definition", [r"(a^L - y) \odot \sigma'(z^L)", r"\frac{\partial C}{\partial z^L}"])
def test_delta_defined_in_words_as_symbps_delta_is_judged_as_before(definition):
    rows = _rows(PRE + rf"Let $\delta^L$ denote the output error, where $\delta^L = {definition}$." + "\n\n" + AFTER)
    assert rows[(3, f"\\delta^L = {definition}")].status == "holds"
    assert rows[(5, BP3)].status == "holds"  # BP3
    assert rows[(7, TRUE_UNDER_THEIRS)].status == "refuted"  # σ'(z^L) once too often under δ ≡ ∂C/∂z


@pytest.mark.parametrize("sentence", [r"$\delta^L = a^L - y$.", r"The output error is $\delta^L = a^L - y$.",
                                      r"Here, where the cost is quadratic, we get $\delta^L = a^L - y$.",
                                      r"We now see where the factor goes: $\delta^L = a^L - y$.",
                                      r"Let's check: $\delta^L = a^L - y$."])
def test_delta_written_as_a_claim_stays_refuted(sentence):
    # the wrong variant: no words that define, so δ^L = a^L − y is the classic slip (σ'(z^L) missing), refuted
    rows = _rows(PRE + sentence + "\n\n" + AFTER)
    assert rows[(3, r"\delta^L = a^L - y")].status == "refuted"
    assert rows[(5, BP3)].status == "holds"  # BP3 under symbp's δ, as before
    assert rows[(7, TRUE_UNDER_THEIRS)].status == "refuted"


#: δ^L given by an equation after a leading word that defines (review issue 12 A5/B2): before, the formula was refuted
#: as a slip of BP1 and ∂C/∂b^L = δ^L held after it (BP3 under δ ≡ ∂C/∂z), though under the notes' δ it lacks σ'(z^L).
LEADING = [rf"Denote $\delta^L = {DA}$.", r"Put $\delta^L = a^L - y$.", rf"Introduce $\delta^L = {DA}$.",
           rf"We introduce $\delta^L = {DA}$.", rf"Položme $\delta^L = {DA}$.", rf"Введём $\delta^L = {DA}$.",
           r"Введем $\delta^L = a^L - y$.", rf"Przyjmijmy $\delta^L = {DA}$.", rf"Zaveďme $\delta^L = {DA}$."]


@pytest.mark.parametrize("sentence", LEADING)
def test_delta_given_by_an_equation_after_a_leading_word_is_the_notes_own_delta(sentence):
    test_delta_defined_in_words_is_a_definition_and_blocks_the_claims_after_it(sentence)


@pytest.mark.parametrize("sentence", [r"Put differently, $\delta^L = a^L - y$.",
                                      r"Introduce the output error $\delta^L = a^L - y$."])
def test_leading_words_that_do_not_define_leave_delta_a_claim(sentence):
    # "Put differently" restates; "Introduce the output error δ^L = …" names δ ≡ ∂C/∂z (as "Define the output error"
    # does, rv42 9): δ^L = a^L − y is the slip of BP1 (σ'(z^L) missing), refuted, and BP3 holds after it
    test_delta_written_as_a_claim_stays_refuted(sentence)


def test_delta_of_every_layer_after_denote_is_put_in_and_listed_once():
    # "Denote δ^l = ∂C/∂a^l": ∂C/∂b^l = δ^l is then ∂C/∂b^l = ∂C/∂a^l, false (∂C/∂b^l = ∂C/∂a^l ⊙ σ'(z^l) by the
    # chain rule, σ' ≠ 1 for a sigmoid); BP3 entrywise with δ^l_j (another δ than the vector defined) is unjudged
    report = verify_text(PRE + r"Denote $\delta^l = \partial C/\partial a^l$." + "\n\n"
                         + r"Then $\frac{\partial C}{\partial b^l} = \delta^l$ and $\frac{\partial C}{\partial b^l_j}"
                         r" = \delta^l_j$." + "\n")
    got = {" ".join(r.formula.text.split()): r.result for r in report.rows if r.formula.line == 5}
    assert got[r"\frac{\partial C}{\partial b^l} = \left(\partial C/\partial a^l\right)"].status == "refuted", got
    assert got[r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"].status == "uninterpretable", got
    assert len([d for d in report.model.definitions if d.what == "own-delta"]) == 1, report.model.definitions


def test_denote_by_delta_the_error_is_symbps_delta():
    # "Denote by δ^l_j the error ∂C/∂z^l_j" is δ ≡ ∂C/∂z itself: BP3 holds (issue 12's caution)
    rows = _rows(PRE + r"Denote by $\delta^l_j$ the error $\partial C/\partial z^l_j$." + "\n\n"
                 + r"Then $\frac{\partial C}{\partial b^l_j} = \delta^l_j$." + "\n")
    assert rows[(5, r"\frac{\partial C}{\partial b^l_j} = \delta^l_j")].status == "holds", rows
