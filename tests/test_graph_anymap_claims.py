r"""Claims beside a general map z = F(y) that do not pass through F (review rv48 D1), each verdict decided by hand.

/tmp/rv48/held/h2_cs_graph.md: y = W x (W 2×2), z = F(y) with F "libovolné diferencovatelné zobrazení ... které
obecně nepůsobí po složkách" (any differentiable map R² → R², not entrywise), L = L(z_1, z_2), and a side quantity
s = x_1 + x_2 "která se do ztráty vůbec nedostane" (never enters the loss). Every claim after it was uninterpretable:
z's definition is not read, and the generic twin made z a function of *every* node (x, W, s too), so even
dL/dx = W^T dL/dy failed there. By hand, z = F(y) says z is computed from y alone: z_k = F_k(y_1, y_2) for an
arbitrary F. Then
  - dL/dx = W^T dL/dy, ∂L/∂w_21 = ∂L/∂y_2 x_1, the full chain rule for ∂L/∂y_1 and the two steps on W are true for
    every F: hold;
  - ∂L/∂x_1 = ∂L/∂y_1 w_11 (the ∂L/∂y_2 w_21 term missing) and dL/dW = x (dL/dy)^T (transposed) are claims about the
    graph before F, false as identities in the upstream gradient ∂L/∂y, which an arbitrary F leaves arbitrary:
    refuted;
  - ∂L/∂y_1 with the z_1 term only passes through F and is false for an F that mixes: never holds (uninterpretable);
  - ∂L/∂s = 0 is true in the notes (s never reaches L), but only the words say so: never refuted (it was, as
    ``_frontier`` made s an argument of L because a claim differentiates L by it).
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

_CS = r"""Vstup $x$ je sloupcový vektor se složkami $x_1, x_2$, $W$ je matice $2 \times 2$:

$$y = Wx$$

Zde $F$ je libovolné diferencovatelné zobrazení z $\mathbb{R}^2$ do $\mathbb{R}^2$, které obecně nepůsobí po složkách (míchá složky vektoru $y$):

$$z = F(y)$$

Ztráta je $L = L(z_1, z_2)$. Navíc si spočítáme pomocnou veličinu $s = x_1 + x_2$, která se do ztráty vůbec nedostane.
"""
_EN = _CS.replace("Vstup $x$ je sloupcový vektor se složkami $x_1, x_2$, $W$ je matice $2 \\times 2$:",
                  "The input $x$ is a column vector with entries $x_1, x_2$, and $W$ is a $2 \\times 2$ matrix:").replace(
    "Zde $F$ je libovolné diferencovatelné zobrazení z $\\mathbb{R}^2$ do $\\mathbb{R}^2$, které obecně nepůsobí po "
    "složkách (míchá složky vektoru $y$):",
    "Here $F$ is any differentiable map from $\\mathbb{R}^2$ to $\\mathbb{R}^2$; in general it mixes the entries of "
    "$y$.").replace(
    "Ztráta je $L = L(z_1, z_2)$. Navíc si spočítáme pomocnou veličinu $s = x_1 + x_2$, která se do ztráty vůbec "
    "nedostane.", "The loss is $L = L(z_1, z_2)$. We also compute $s = x_1 + x_2$, which never enters the loss.")

HOLDS = (r"\frac{dL}{dx} = W^T \frac{dL}{dy}",
         r"\frac{\partial L}{\partial w_{21}} = \frac{\partial L}{\partial y_2} x_1",
         r"\frac{\partial L}{\partial y_1} = \frac{\partial L}{\partial z_1}\frac{\partial z_1}{\partial y_1} + "
         r"\frac{\partial L}{\partial z_2}\frac{\partial z_2}{\partial y_1}",
         r"W \leftarrow W - \eta \frac{dL}{dW}",
         r"W \leftarrow W - \eta \frac{dL}{dy} x^T")
REFUTED = (r"\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial y_1} w_{11}",
           r"\frac{dL}{dW} = x \left(\frac{dL}{dy}\right)^T",
           r"\frac{dL}{dx} = W \frac{dL}{dy}")  # the transpose missing: false for every F
THROUGH_F = (r"\frac{\partial L}{\partial y_1} = \frac{\partial L}{\partial z_1}\frac{\partial z_1}{\partial y_1}",
             r"\frac{\partial z}{\partial y} = \operatorname{diag}(F'(y))")
SIDE = r"\frac{\partial L}{\partial s} = 0"


def _verdicts(text: str) -> dict:
    claims = HOLDS + REFUTED + THROUGH_F + (SIDE,)
    report = verify_text(text + "".join(f"\n$${c}$$\n" for c in claims))
    return {row.formula.text: row.result for row in report.rows}


@pytest.mark.parametrize("text", [_CS, _EN], ids=["czech", "english"])
def test_anymap_claims_before_the_map_are_judged(text):
    got = _verdicts(text)
    for claim in HOLDS:
        assert got[claim].status == "holds", (claim, got[claim].status, got[claim].reason)
    for claim in REFUTED:
        assert got[claim].status == "refuted", (claim, got[claim].status, got[claim].reason)
    for claim in THROUGH_F:  # false for an F that mixes: never holds, not judged
        assert got[claim].status == "uninterpretable", (claim, got[claim].status, got[claim].reason)
    assert got[SIDE].status != "refuted", got[SIDE].reason


def test_side_quantity_is_no_loss_argument():
    # hand: z = tanh(y) (entrywise), L = L(z_1, z_2) and s = x_1 + x_2 beside it; a claim ∂L/∂s = 0 does not make
    # s an argument of L, so dL/dx = W^T dL/dy is true and holds (it was refuted: L read as L(z_1, z_2, s)), and
    # ∂L/∂s = 0 (true: s never reaches L) is not refuted; the wrong dL/dx = W dL/dy is refuted
    text = _EN.replace("$$z = F(y)$$", "$$z = \\tanh(y)$$").replace(
        "Here $F$ is any differentiable map from $\\mathbb{R}^2$ to $\\mathbb{R}^2$; in general it mixes the entries "
        "of $y$.", "")
    assert "tanh" in text and "mixes" not in text
    claims = (HOLDS[0], REFUTED[2], SIDE)
    report = verify_text(text + "".join(f"\n$${c}$$\n" for c in claims))
    got = {row.formula.text: row.result for row in report.rows}
    assert got[HOLDS[0]].status == "holds", got[HOLDS[0]].reason
    assert got[REFUTED[2]].status == "refuted"
    assert got[SIDE].status != "refuted", got[SIDE].reason


SUM_ZERO = r"\frac{\partial L}{\partial y_1} + \frac{\partial L}{\partial y_2} = 0"


def test_anymap_given_map_refutes_nothing_before_it():
    # hand: "Here $F$ is the softmax." names a given F, not read: Σ_k ∂L/∂y_k = 0 is TRUE for the softmax (each row
    # of its Jacobian diag(z) − z zᵀ sums to 0) though it names neither z nor F, so a claim before F is refuted
    # only where the words leave F arbitrary; it never holds either (false for another F); the slip ∂L/∂x_1 =
    # ∂L/∂y_1 w_11 is not refuted then (unjudged), never holds; dL/dx = W^T dL/dy still holds (true for every F)
    text = _EN.replace("Here $F$ is any differentiable map from $\\mathbb{R}^2$ to $\\mathbb{R}^2$; in general it "
                       "mixes the entries of $y$.", "Here $F$ is the softmax.")
    assert "softmax" in text
    report = verify_text(text + "".join(f"\n$${c}$$\n" for c in (SUM_ZERO, REFUTED[0], HOLDS[0])))
    got = {row.formula.text: row.result for row in report.rows}
    assert got[SUM_ZERO].status == "uninterpretable", got[SUM_ZERO].reason
    assert got[REFUTED[0]].status == "uninterpretable", got[REFUTED[0]].reason
    assert got[HOLDS[0]].status == "holds", got[HOLDS[0]].reason


def test_anymap_arbitrary_map_refutes_sum_zero():
    # hand: for an arbitrary F, Σ_k ∂L/∂y_k = 0 is false (F = identity, L = z_1 gives 1): refuted
    report = verify_text(_EN + f"\n$${SUM_ZERO}$$\n")
    got = {row.formula.text: row.result for row in report.rows}
    assert got[SUM_ZERO].status == "refuted", got[SUM_ZERO].reason
