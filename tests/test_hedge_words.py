"""Hedge words ("may", "can", "could", "might"; lze, можно, можно, można) that are ordinary mathematical phrasing,
and the genuinely hypothetical ones (``denials.REPORTED``, ``sentences.HYPOTHETICAL``, ``inforce``).

Verdicts decided by hand (``negation_cases``): with C = ½‖a^L − y‖², δ^L = (a^L − y) ⊙ σ'(z^L) (BP1) is TRUE,
twice it is FALSE. Under the identity activation (σ(z) = z, σ' = 1) δ^L = a^L − y; in the notes' network (σ generic)
it is not (δ^L_j = (a^L_j − y_j) σ'(z^L_j)).
"""

from __future__ import annotations

import pytest

from symbp.verify import verify_notes
from symbp.verify.notes import verify_text

from negation_cases import CALLED as _CALLED
from negation_cases import FALSE as _FALSE
from negation_cases import HEAD as _HEAD
from negation_cases import TRUE as _TRUE


def _rows(tmp_path, body: str) -> dict:
    path = tmp_path / "notes.md"
    path.write_text(_HEAD + body)
    return {r.formula.text: r.result for r in verify_notes(path).rows if r.formula.line > 3}


@pytest.mark.parametrize("words", [
    "One may show that $${f}$$ does not hold.", "One could check that $${f}$$ is wrong.",
    "It may be verified that $${f}$$ is false.", "We might note that $${f}$$ does not hold.",
    "Может быть показано, что $${f}$$ неверно.", "Можно показать, что $${f}$$ неверно.",
    "Lze ukázat, že $${f}$$ neplatí.", "Można pokazać, że $${f}$$ nie zachodzi."])
def test_a_modal_with_a_verb_of_showing_is_the_notes_own_denial(tmp_path, words):
    # before: "may", "could", "might", "может" made the sentence a reported guess, the denial was not read and the
    # formula was judged as if the notes claimed it: the notes' true "X is false" was refuted, and their false
    # "BP1 does not hold" held
    rows = _rows(tmp_path, words.format(f=_FALSE) + "\n\n" + words.format(f=_TRUE) + "\n")
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted", rows[_TRUE]


@pytest.mark.parametrize("words", [
    "One might think that $${f}$$ is false.", "Students may believe that $${f}$$ is wrong.",
    "One could suppose that $${f}$$ does not hold.", "Some might wonder whether $${f}$$ is false.",
    "Можно подумать, что $${f}$$ неверно."])
def test_a_modal_that_reports_a_guess_is_still_no_denial(tmp_path, words):
    # a belief the notes report: the words calling the formula false are not read, it is judged as written
    rows = _rows(tmp_path, words.format(f=_FALSE) + "\n\n" + words.format(f=_TRUE) + "\n")
    assert rows[_FALSE].status == "refuted" and not rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "holds", rows[_TRUE]


SETUP = ("The forward pass is $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the quadratic cost "
         "$C = \\frac12 \\|a^L - y\\|^2$.\n\n")
GOOD = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
BAD = r"\delta^L = (y - a^L) \odot \sigma'(z^L)"


def _claim(words: str, formula: str):
    report = verify_text(SETUP + words.replace("{f}", formula) + "\n")
    (row,) = [r.result for r in report.rows if r.formula.text == formula]
    return row, report


@pytest.mark.parametrize("words", [
    "This can be written as ${f}$.", "One may show that ${f}$.", "We can show that ${f}$.",
    "It may be computed as ${f}$.", "The error could be written as ${f}$.", "Hence we might write ${f}$.",
    "This can be written as\n\n$${f}$$", "Lze zapsat ${f}$.", "To lze zapsat jako ${f}$.", "Можно записать ${f}$.",
    "Можно показать, что ${f}$.", "Można zapisać ${f}$.", "Można pokazać, że ${f}$."])
def test_ordinary_modal_phrasing_is_judged_as_a_claim(words):
    assert _claim(words, GOOD)[0].status == "holds"
    assert _claim(words, BAD)[0].status == "refuted"


@pytest.mark.parametrize("words", [
    "Suppose we replaced $\\sigma$ by the identity; then ${f}$.",
    "If we replaced $\\sigma$ by the identity, we would get ${f}$.",
    "With a linear activation instead of $\\sigma$ we would have ${f}$.",
    "Kdybychom nahradili $\\sigma$ identitou, pak ${f}$.",
    "Если бы мы заменили $\\sigma$ тождественной функцией, то ${f}$.",
    "Gdybyśmy zastąpili $\\sigma$ identycznością, to ${f}$."])
def test_a_claim_under_a_replaced_activation_is_not_judged_of_the_notes_network(words):
    # δ^L = a^L − y is true under the identity and false of the notes' σ: neither refuted nor held (before: refuted)
    row, report = _claim(words, r"\delta^L = a^L - y")
    assert row.status == "uninterpretable" and "hypothetical" in row.reason, row.reason
    assert any("hypothetical" in h for h in report.header())
    # the notes' own claims after the paragraph are judged again
    text = SETUP + words.replace("{f}", r"\delta^L = a^L - y") + "\n\nBack to our network.\n\n$$" + BAD + "$$\n"
    assert [r.result.status for r in verify_text(text).rows if r.formula.text == BAD] == ["refuted"]


def test_if_we_used_another_activation_is_a_hypothetical_and_a_plain_if_is_not():
    row, _ = _claim("If we used the identity, we could write ${f}$.", r"\delta^L = a^L - y")
    assert row.status == "uninterpretable"
    # "could write" beside "instead" still supposes: the identity instead of σ
    row, _ = _claim("With the identity instead of $\\sigma$ we could write ${f}$.", r"\delta^L = a^L - y")
    assert row.status == "uninterpretable"
    # a condition on the notes' own network, with no other model: judged
    assert _claim("If $a^L \\neq y$, then ${f}$.", BAD)[0].status == "refuted"
