"""A derivative of the loss by a quantity the notes' model never connects to it (``graphunlinked``, review rv45 A5).

Seed 004 with line 58 turned into gradient *ascent* (``\\vec{u} = \\vec{u} + \\alpha \\nabla \\vec{u}``): the notes'
A = σ(Σ u_i g_i) is read, but L is L(y_1, y_2) of the other example and B(A) is never defined, so in the model u
never reaches L and ∇_u L ≡ 0: the ascent step held "a step of gradient descent", ∂L/∂u_1 = 0 held. By hand both
are false in the notes (L depends on u through B(A)); in the model nothing decides them: uninterpretable, naming u.
In notes where u reaches L (A = h u, L = L(A)) the same claims are judged: ascent refuted, descent holds.

Update rules are the exception (``graphopaque``): a step's form does not depend on what the gradient is. Written
with the loss's own gradient by u, ``u = u - α∇u`` is the step of gradient descent however L depends on u (hand:
it is the definition of the step), and ``u = u + α∇u`` adds it, a step uphill, whatever it is; so they are judged
with the gradient an opaque symbol: descent holds, ascent is refuted, as in the linked notes. The derivatives
themselves (∂L/∂u_1 = 0, ∇u = 0) stay uninterpretable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symbp.verify.notes import verify_text

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "004_f3b761f6b47dbad4.txt"

# u is mentioned, and reaches A, but nothing the model reads takes A to L
LOOSE = r"""Let $x$ be a row vector of length 2, $W$ a $2 \times 3$ matrix and $u$ a column vector of length 3.

$$g = x W, \quad h = \sigma(g), \quad A = h u, \quad L = L(h)$$
"""

# the same notes with L a function of A: u reaches L (hand: ∂L/∂u_i = L'(A) h_i, nonzero)
LINKED = LOOSE.replace("L = L(h)", "L = L(A)")


def _verdicts(preamble: str, *claims: str) -> dict:
    text = preamble + "".join(f"\n$${c}$$\n" for c in claims)
    report = verify_text(text, "rowvector")
    return {row.formula.text: row.result for row in report.rows}


CLAIMS = (r"\vec{u} = \vec{u} + \alpha \nabla \vec{u}", r"\vec{u} = \vec{u} - \alpha \nabla \vec{u}",
          r"\frac{\partial L}{\partial u_1} = 0", r"\nabla \vec{u} = 0", r"u \leftarrow u + 7 \alpha \nabla_u L")


def test_unlinked_derivative_is_never_judged():
    got = _verdicts(LOOSE, *CLAIMS)
    for claim in CLAIMS[2:4]:
        assert got[claim].status == "uninterpretable", (claim, got[claim].status, got[claim].reason)
        assert "never says how L depends on u" in got[claim].reason


def test_unlinked_step_is_judged_by_its_form():
    # hand: descent is the step's definition whatever ∇u is; ascent adds the gradient (the linked verdicts below)
    got = _verdicts(LOOSE, *CLAIMS)
    assert got[CLAIMS[1]].status == "holds", got[CLAIMS[1]].reason
    assert "only the step's form is judged" in got[CLAIMS[1]].reason
    for claim in (CLAIMS[0], CLAIMS[4]):
        assert got[claim].status == "refuted", (claim, got[claim].status, got[claim].reason)
        assert "a step uphill" in got[claim].reason


def test_linked_parameter_is_judged():
    # wrong variants: the ascent steps and the zero derivatives are refuted once u reaches L; descent holds
    got = _verdicts(LINKED, *CLAIMS)
    assert got[CLAIMS[0]].status == "refuted"
    assert got[CLAIMS[1]].status == "holds"
    assert got[CLAIMS[2]].status == "refuted"
    assert got[CLAIMS[3]].status == "refuted"
    assert got[CLAIMS[4]].status == "refuted"


def test_unlinked_leaves_the_linked_weights_judged():
    # W reaches L through h: the ascent step on W is refuted (a step uphill), descent holds, in the same notes
    got = _verdicts(LOOSE, r"W = W + \alpha \nabla W", r"W = W - \alpha \nabla W")
    assert got[r"W = W + \alpha \nabla W"].status == "refuted"
    assert got[r"W = W - \alpha \nabla W"].status == "holds"


@pytest.mark.skipif(not SEED.exists(), reason="the seeds are not beside the checkout")
def test_seed_004_gradient_ascent_on_u_does_not_hold():
    text = SEED.read_text().replace(r"\vec{u} = \vec{u} - \alpha \nabla \vec{u}; W = W - \alpha \nabla W",
                                    r"\vec{u} = \vec{u} + \alpha \nabla \vec{u}; W = W + \alpha \nabla W")
    text += "\n$$\\frac{\\partial L}{\\partial u_1} = 0$$\n"
    report = verify_text(text, "rowvector")
    rows = {row.formula.line: row.result for row in report.rows}
    assert rows[58].status == "refuted"
    # both steps are uphill: u's by its form (its gradient opaque, graphopaque), W's in the model
    assert rows[58].reason.count("a step uphill") == 2, rows[58].reason
    last = max(rows)
    assert rows[last].status == "uninterpretable"
