"""A quantity the words tie to the loss that no formula takes to it (``graphlosswords``, review rv48 A5).

/tmp/rv48/g/u3.md: u = (u_1, u_2), s = u_1 z_1, "The loss is $L = L(s, z_2)$, and $u_2$ scales the target of the
second output." u_1 reaches L, so ``graphunlinked`` read u and took ∂L/∂u_2 as the model's 0: it held. By hand the
words make L depend on u_2 (through the target), so ∂L/∂u_2 is not 0 in general and nothing the model reads says
what it is: uninterpretable, naming the sentence. Decided by hand for the other reading: with the same formulas
and only "The loss is $L = L(s, z_2)$." (u_2 named nowhere near the loss), L is written as a function of s and z_2
alone, s = u_1 z_1 and z_2 = tanh(w_21 x_1 + w_22 x_2) are not computed from u_2, so ∂L/∂u_2 = 0 is true in the
notes and holds (the words say nothing that the formulas leave out).
"""

from __future__ import annotations

from symbp.verify.notes import verify_text

HEAD = r"""The input $x$ is a column vector with entries $x_1, x_2$, and $W$ is a $2 \times 2$ matrix, and $u = (u_1, u_2)$ holds two extra weights.

$$y = Wx$$

$$z = \tanh(y)$$

$$s = u_1 z_1$$

"""
TIED = HEAD + "The loss is $L = L(s, z_2)$, and $u_2$ scales the target of the second output.\n"
PLAIN = HEAD + "The loss is $L = L(s, z_2)$. We keep $u_2$ for a later section.\n"
CZECH = HEAD + "Ztráta je $L = L(s, z_2)$ a $u_2$ škáluje cíl druhého výstupu.\n"

ZERO = r"\frac{\partial L}{\partial u_2} = 0"
GRAD = r"\nabla_u L = \left(\frac{\partial L}{\partial s} z_1, 0\right)"
U1 = r"\frac{\partial L}{\partial u_1} = \frac{\partial L}{\partial s} z_1"
U1_WRONG = r"\frac{\partial L}{\partial u_1} = \frac{\partial L}{\partial s} z_2"
ASCENT = r"u_2 \leftarrow u_2 + 5\eta \frac{\partial L}{\partial u_2}"
NONZERO = r"\frac{\partial L}{\partial u_2} = z_2"


def _verdicts(text: str, *claims: str) -> dict:
    report = verify_text(text + "".join(f"\n$${c}$$\n" for c in claims))
    return {row.formula.text: row.result for row in report.rows}


def test_loss_words_tie_entry_zero_unjudged():
    # hand: ∂L/∂u_2 ≠ 0 in the notes (u_2 scales a target of L) and the model does not say what it is; the gradient
    # with a 0 for u_2 is the same slip; ∂L/∂u_1 = ∂L/∂s z_1 is true and judged, z_2 in its place refuted; the step
    # u_2 + 5η ∂L/∂u_2 is ascent whatever the gradient is: refuted
    got = _verdicts(TIED, ZERO, GRAD, U1, U1_WRONG, ASCENT)
    for claim in (ZERO, GRAD):
        assert got[claim].status == "uninterpretable", (claim, got[claim].status, got[claim].reason)
        assert "ties u_{2} to the loss in words" in got[claim].reason and "line 9" in got[claim].reason
    assert got[U1].status == "holds", got[U1].reason
    assert got[U1_WRONG].status == "refuted"
    assert got[ASCENT].status == "refuted" and "uphill" in got[ASCENT].reason


def test_loss_words_tie_entry_in_czech():
    # hand: as in English ("u_2 škáluje cíl": u_2 scales the target): not judged
    got = _verdicts(CZECH, ZERO)
    assert got[ZERO].status == "uninterpretable", got[ZERO].reason


def test_loss_words_absent_zero_holds():
    # hand: L = L(s, z_2) and nothing in the words ties u_2 to it: ∂L/∂u_2 = 0 is true and holds; the wrong variant
    # ∂L/∂u_2 = z_2 is refuted
    got = _verdicts(PLAIN, ZERO, NONZERO)
    assert got[ZERO].status == "holds", got[ZERO].reason
    assert got[NONZERO].status == "refuted"
