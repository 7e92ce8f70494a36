r"""Phrases before a formula that deny it and were not read (issue 12): "It's a myth that", "A common misconception is
that", "You cannot claim that", "Wrongly, some books write"; "Nelze tvrdit, že", "Mylně se tvrdí, že"; "Не следует
думать, что", "Нельзя утверждать, что"; "Typowy błąd studentów:", "Nie należy myśleć, że", "Nie można twierdzić, że".

Verdicts decided by hand: under the quadratic cost C = ½‖a^L − y‖² with a^L = σ(z^L) (sigmoid),
δ^L = ∂C/∂z^L = (a^L − y) ⊙ σ'(z^L) (BP1, TRUE; checked by central differences in ``negation_cases``), and
δ^L = a^L − y is FALSE (σ' ≤ ¼ never equals 1). The notes deny each: their statement "this is false" holds for
the slip and is refuted for BP1. Before, the words were not read, the slip was refuted as the notes' own claim
(the notes flagged wrong) and BP1 held.
"""

import pytest

from symbp.verify.notes import verify_text

from negation_cases import CALLED, HEAD, TRUE, fd_delta_output

SLIP = r"\delta^L = a^L - y"


def _row(text: str):
    rows = [r for r in verify_text(HEAD + text + "\n").rows if r.formula.line > 3]
    assert len(rows) == 1, [r.formula.text for r in rows]
    return rows[0].result


def test_issue12_the_truth_of_bp1_by_finite_differences():
    assert fd_delta_output(1.0) and not fd_delta_output(2.0)


@pytest.mark.parametrize("words", [
    "It's a myth that", "A common misconception is that", "You cannot claim that", "Wrongly, some books write",
    "Nelze tvrdit, že", "Mylně se tvrdí, že", "Не следует думать, что", "Нельзя утверждать, что",
    "Typowy błąd studentów:", "Nie należy myśleć, że", "Nie można twierdzić, że",
])
def test_issue12_a_denial_before_the_display_turns_the_verdict(words):
    slip, bp1 = _row(f"{words}\n$${SLIP}$$"), _row(f"{words}\n$${TRUE}$$")
    quoted = words.rstrip(":").replace("A common", "common")
    assert slip.status == "holds" and slip.reason.startswith(CALLED) and quoted in slip.reason, slip
    assert bp1.status == "refuted" and quoted in bp1.reason, bp1


@pytest.mark.parametrize("words", ["It is not a myth that", "This is not a common misconception:"])
def test_issue12_a_denial_turned_round_is_the_notes_claim(words):
    # "not a myth": the notes state the formula; it is judged as written
    assert _row(f"{words}\n$${TRUE}$$").status == "holds"
    assert _row(f"{words}\n$${SLIP}$$").status == "refuted"
