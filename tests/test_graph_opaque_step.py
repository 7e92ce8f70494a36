"""An update rule on a parameter the model never connects to the loss, judged by its form (``graphopaque``).

Seed 004, line 58: ``\\vec{u} = \\vec{u} - \\alpha \\nabla \\vec{u}`` beside A = σ(Σ u_i g_i) (words) and a B that is never
defined, so no formula the model reads takes u to L. By hand the line is the step of gradient descent on u (it is
that step's definition, whatever ∂L/∂u is): it holds. A start from another entry is a slip whatever the gradient
is; a step by another quantity's derivative (∂A/∂u) is right if L happens to be A, which the notes never say:
not judged. The oracle: in the same notes with u linked (L = L(A)), where ∂L/∂u_i = L'(A) h_i by sympy.diff of the
definitions, the linked verdicts are the same.
"""

from __future__ import annotations

import sympy

from symbp.verify.notes import verify_text

LOOSE = r"""Let $x$ be a row vector of length 2, $W$ a $2 \times 3$ matrix and $u$ a column vector of length 3.

$$g = x W, \quad h = \sigma(g), \quad A = h u, \quad L = L(h)$$
"""
LINKED = LOOSE.replace("L = L(h)", "L = L(A)")

DESCENT_ENTRY = r"u_2 \leftarrow u_2 - \alpha \frac{\partial L}{\partial u_2}"
WRONG_START = r"u_2 \leftarrow u_1 - \alpha \frac{\partial L}{\partial u_2}"
OTHER_GRADIENT = r"u \leftarrow u - \alpha \frac{\partial A}{\partial u}"


def _verdicts(preamble: str, *claims: str) -> dict:
    report = verify_text(preamble + "".join(f"\n$${c}$$\n" for c in claims), "rowvector")
    return {row.formula.text: row.result for row in report.rows}


def test_step_forms_on_an_unlinked_parameter():
    got = _verdicts(LOOSE, DESCENT_ENTRY, WRONG_START, OTHER_GRADIENT)
    assert got[DESCENT_ENTRY].status == "holds", got[DESCENT_ENTRY].reason
    assert got[WRONG_START].status == "refuted" and "starts from u_1" in got[WRONG_START].reason
    assert got[OTHER_GRADIENT].status == "uninterpretable"
    assert "never says how L depends on u" in got[OTHER_GRADIENT].reason


def test_linked_notes_agree_with_the_form_verdicts():
    # oracle: with L = L(A), A = h·u, ∂L/∂u_2 = L'(A) h_2 is not 0 (sympy.diff of the definitions), so the
    # linked model judges the same rules on real gradients
    h = sympy.symbols("h_1:4")
    u = sympy.symbols("u_1:4")
    loss = sympy.Function("L")(sum(a * b for a, b in zip(h, u)))
    assert sympy.diff(loss, u[1]) != 0
    got = _verdicts(LINKED, DESCENT_ENTRY, WRONG_START)
    assert got[DESCENT_ENTRY].status == "holds"
    assert got[WRONG_START].status == "refuted"


def test_seed_004_line_58_snippet():
    # the seed's own line, with A from u in words and B never defined (lines 8, 12, 14, 58, 63 of seed 004); the
    # seed's loss is declared by its other example (L = L(y_1, y_2)), here by g, so W reaches it and u does not
    notes = r"""$X = (x_1, x_2)$, мы хотим: $(\frac{\partial L}{\partial u_1}, \frac{\partial L}{\partial u_2}, \frac{\partial L}{\partial u_3})^T$.

$$(g_1, g_2, g_3) = (x_1, x_2) \begin{pmatrix} w_{11} & w_{12} & w_{13} \\ w_{21} & w_{22} & w_{23} \end{pmatrix}$$

$\frac{\partial L}{\partial B}$ - мы можем посчитать;

$$\vec{u} = \vec{u} - \alpha \nabla \vec{u}; W = W - \alpha \nabla W$$

(A - это $\sigma(\sum u_i g_i)$, g_i нам уже вычислили)

$L = L(g_1, g_2, g_3)$
"""
    rows = {row.formula.line: row.result for row in verify_text(notes, "rowvector").rows}
    assert rows[7].status == "holds", rows[7].reason
    assert "only the step's form is judged" in rows[7].reason


def test_seed_004_sketches_stay_unread_with_their_reason():
    # by hand (seed 004, lines 65 and 77): "∂L/∂w = ∂L/∂B · ∂(B)" breaks off after ∂, and "dL/dW = … - ? + dL/dx?"
    # is the writer's own question; neither is a claim to judge, and the reason says which it is
    notes = LOOSE + "\n$$\\frac{\\partial L}{\\partial u_1} = \\frac{\\partial L}{\\partial A} \\cdot \\partial(A)$$\n" \
        + "\n$$\\frac{dL}{dW} = W - ? + \\frac{dL}{dx}$$\n"
    rows = [row.result for row in verify_text(notes, "rowvector").rows if row.result.status == "unreadable"]
    reasons = " | ".join(r.reason for r in rows)
    assert len(rows) == 2, reasons
    assert "an unfinished derivative" in reasons and "a question mark" in reasons


def test_markdown_row_of_a_step_says_what_holds():
    # a step that holds has no instances to count: its row says what holds (it was empty: "| holds | ; …")
    from symbp.verify.notesreport import to_markdown

    text = to_markdown(verify_text(LOOSE + "\n$$W = W - \\alpha \\nabla W$$\n", "rowvector"))
    row = next(line for line in text.splitlines() if line.startswith("| 5 |"))
    assert "| holds | a step of gradient descent on L with respect to W" in row, row
