r"""Notes that declare two layouts (issue 14, item 2; ``symbp/verify/layoutswitch.py``).

Verdicts decided by hand.

Layered notes (Nielsen's network z^l = w^l a^{l-1} + b^l, a^l = σ(z^l), C = ½‖a^L − y‖²): the entries of ∂C/∂a^L
are a^L_j − y_j. In the denominator layout ∂C/∂a^L is the column a^L − y; in the numerator layout it is the row
(a^L − y)^T. A column and a row of n_L ≥ 2 entries are not equal: in each layout exactly one of COLUMN, ROW holds.

Graph notes (y = W x, x a column of 2, W 2×2 of generic entries, L = L(y_1, y_2)): the Jacobian of W x by x is W
(a row per entry of y, the numerator layout; SymPy below); the denominator layout writes its transpose. So
dy/dx = W^T holds only in the denominator layout, dy/dx = W only in the numerator layout. The gradient ∂L/∂x has
the entries ∂L/∂x_k = Σ_j w_jk ∂L/∂y_j: as a column (the denominator layout) it is W^T ∂L/∂y; as a row (the
numerator layout) (∂L/∂y)^T W, the shape of x^T.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.graphownlayout import declared_layouts, unsure_layouts
from symbp.verify.notes import verify_text

SETUP = ("The forward pass is $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the quadratic cost "
         "$C = \\frac12 \\|a^L - y\\|^2$.\n\n")
COLUMN = r"\frac{\partial C}{\partial a^L} = a^L - y"
ROW = r"\frac{\partial C}{\partial a^L} = (a^L - y)^T"
TRUTH = {"denominator": {COLUMN: "holds", ROW: "refuted"}, "numerator": {COLUMN: "refuted", ROW: "holds"}}
SAYS_ROW = "the derivative of a scalar with respect to a column vector is a row vector"
SAYS_COLUMN = "the derivative of a scalar with respect to a column vector is a column vector"


def _layered(text: str) -> list:
    report = verify_text(text)
    return [(r.formula.text, r.result.status) for r in report.rows if r.formula.text in (COLUMN, ROW)], report


def _switched(first: str, second: str) -> str:
    return ("# Notes\n\n" + first + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n\n## Part 2\n\n" + second
            + f"\n\n$${COLUMN}$$\n\n$${ROW}$$\n")


def _expect(before: str, after: str) -> list:
    return [(c, TRUTH[before][c]) for c in (COLUMN, ROW)] + [(c, TRUTH[after][c]) for c in (COLUMN, ROW)]


@pytest.mark.parametrize("first,second,before,after", [
    (f"We use the denominator layout: {SAYS_COLUMN}.", f"From now on we use the numerator layout: {SAYS_ROW}.",
     "denominator", "numerator"),
    (f"We use the numerator layout: {SAYS_ROW}.", f"Henceforth we use the denominator layout: {SAYS_COLUMN}.",
     "numerator", "denominator"),
    (f"We use the numerator layout: {SAYS_ROW}.", f"From here on we switch to the denominator layout: {SAYS_COLUMN}.",
     "numerator", "denominator"),
])
def test_a_genuine_switch_governs_the_claims_after_it_and_the_first_layout_those_before(first, second, before, after):
    statuses, report = _layered(_switched(first, second))
    assert statuses == _expect(before, after)
    # the header names both layouts, each from its line (3 and 13)
    assert f"layout: the {before} layout from line 3; the {after} layout from line 13" in report.header()


def test_the_verdict_after_a_switch_names_the_layout_it_switched_to():
    text = _switched(f"We use the numerator layout: {SAYS_ROW}.", f"From now on we use the denominator layout: "
                     f"{SAYS_COLUMN}.")
    rows = [r.result for r in verify_text(text).rows if r.formula.text == ROW]
    assert [r.status for r in rows] == ["holds", "refuted"]
    assert "numerator layout the notes declare on line 3" in rows[0].interpretation["layout"]
    assert "denominator layout the notes declare on line 13" in rows[1].reason


@pytest.mark.parametrize("second", [
    "Now we use the denominator layout.",  # no word says it starts here: a contradiction, not a switch
    "We use the denominator layout.",
    "From now on, many textbooks use the denominator layout.",  # someone else's
    "In Part 2 we will switch to the denominator layout.",  # deferred
])
def test_a_second_layout_that_is_no_genuine_switch_leaves_the_claims_after_it_ambiguous(second):
    # the first declaration still governs the claims before the second sentence; after it, which layout is meant is
    # open (the numerator layout's row holds, the denominator layout's column holds): ambiguous, never holds
    statuses, _ = _layered(_switched(f"We use the numerator layout: {SAYS_ROW}.", second))
    assert statuses[:2] == [(COLUMN, "refuted"), (ROW, "holds")]
    assert statuses[2:] == [(COLUMN, "ambiguous"), (ROW, "ambiguous")]


def test_a_supposed_layout_after_a_declaration_leaves_the_declared_one_in_force():
    # "if we used …" declares nothing and names no layout the notes may mean: the numerator layout of line 3 still
    # governs the claims after it (the same formulas again, folded into the rows of lines 7 and 9)
    text = _switched(f"We use the numerator layout: {SAYS_ROW}.",
                     "From now on, if we used the denominator layout, the gradient would be a column.")
    assert declared_layouts(text) == [(3, "numerator")] and unsure_layouts(text) == []
    statuses, _ = _layered(text)
    assert set(statuses) == {(COLUMN, "refuted"), (ROW, "holds")}


def test_a_switch_is_read_in_czech_and_polish():
    assert declared_layouts("Používáme čitatelovou konvenci.\n\nOd této chvíle používáme jmenovatelovou konvenci.\n") \
        == [(1, "numerator"), (3, "denominator")]
    assert declared_layouts("Stosujemy układ licznika.\n\nOdtąd stosujemy układ mianownika.\n") \
        == [(1, "numerator"), (3, "denominator")]
    assert unsure_layouts("Stosujemy układ licznika.\n\nOdtąd stosujemy układ mianownika.\n") == []


MIXED_WORDS = "Jacobians use the numerator layout. Gradients use the denominator layout."


@pytest.mark.parametrize("words", [
    MIXED_WORDS,
    "Jacobians are written in the numerator layout. Gradients are written in the denominator layout.",
    "Jacobians are written in the numerator layout.\n\nEvery gradient is a column vector.",
])
def test_the_mixed_convention_in_two_sentences_makes_a_gradient_a_column(words):
    # gradients in the denominator layout: ∂C/∂a^L is the column a^L − y (true), the row (a^L − y)^T ill-shaped
    statuses, report = _layered("# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n")
    assert statuses == [(COLUMN, "holds"), (ROW, "refuted")]
    assert any("mixed convention" in h for h in report.header())


def test_the_reverse_pairing_declares_nothing():
    # Jacobians in the denominator layout and gradients in the numerator layout is no convention: neither is
    # declared, and the layered claims stay ambiguous (each holds in one of the layouts named)
    words = "Jacobians use the denominator layout. Gradients use the numerator layout."
    assert declared_layouts(words + "\n") == []
    statuses, _ = _layered("# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n")
    assert [s for _, s in statuses] == ["ambiguous", "ambiguous"]


GRAPH = ("Let $y = W x$ with $x = \\begin{pmatrix} x_1 \\\\ x_2 \\end{pmatrix}$ and "
         r"$W = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}$, $L = L(y_1, y_2)$." "\n\n")
JAC_T = r"\frac{dy}{dx} = \begin{pmatrix} w_{11} & w_{21} \\ w_{12} & w_{22} \end{pmatrix}"
JAC = r"\frac{dy}{dx} = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}"
GRAD_COLUMN = r"\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial y}"
GRAD_ROW = r"\frac{\partial L}{\partial x} = \left(\frac{\partial L}{\partial y}\right)^T W"


def _jacobian_is_w() -> bool:
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    x = sympy.Matrix(sympy.symbols("x1 x2"))
    return (w * x).jacobian(x) == w and w != w.T


def _graph(words: str, *claims: str) -> dict:
    text = words + "\n\n" + GRAPH + "".join(f"$${c}$$\n\n" for c in claims)
    return {r.formula.text: r.result for r in verify_text(text, "rowvector").rows if r.formula.text in claims}


def test_graph_notes_read_the_mixed_convention_jacobians_by_rows_gradients_as_columns():
    assert _jacobian_is_w()  # the Jacobian (numerator layout) is W: W^T is its denominator-layout transpose
    rows = _graph(MIXED_WORDS, JAC, JAC_T, GRAD_COLUMN, GRAD_ROW)
    assert rows[JAC].status == "holds" and rows[JAC_T].status == "refuted"
    assert "Jacobians in the numerator layout" in rows[JAC_T].reason
    assert rows[GRAD_COLUMN].status == "holds" and rows[GRAD_ROW].status == "refuted"


def test_graph_notes_follow_a_switch():
    # dy/dx = W^T: the denominator layout's Jacobian (holds) before the switch, refuted in the numerator layout after
    assert _jacobian_is_w()
    text = ("We use the denominator layout.\n\n" + GRAPH + f"$${JAC_T}$$\n\nFrom now on we use the numerator "
            f"layout.\n\n$${JAC_T}$$\n")
    rows = [r.result for r in verify_text(text, "rowvector").rows if r.formula.text == JAC_T]
    assert [r.status for r in rows] == ["holds", "refuted"]
    assert "declared in words on line 1" in rows[0].reason and "declared in words on line 7" in rows[1].reason


MIX = "Let $x$ be a column vector of length 3, $W$ a $2 \\times 3$ matrix, $y = W x$ and $L = L(y_1, y_2)$.\n\n"
BY_X_ROW = r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y} W"
BY_X_COLUMN = r"\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial y}"
BY_W = r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial y} x^T"


def _gradients_by_hand() -> tuple:
    """∂L/∂x_k = Σ_j w_jk ∂L/∂y_j and ∂L/∂w_jk = ∂L/∂y_j x_k, with ∂L/∂y_j independent symbols: the row g W
    (g the row of ∂L/∂y_j) is ∂L/∂x as a row, W^T g^T as a column; g^T x^T is ∂L/∂W in W's shape (2×3), and no
    product of a row g with the row x^T exists (the numerator layout's reading of BY_W does not multiply)."""
    w = sympy.Matrix(2, 3, sympy.symbols("w1:7"))
    x = sympy.Matrix(sympy.symbols("x1:4"))
    g = sympy.Matrix(1, 2, sympy.symbols("g1:3"))
    by_x = sympy.Matrix(1, 3, [sum(w[j, k] * g[j] for j in range(2)) for k in range(3)])
    by_w = sympy.Matrix(2, 3, lambda j, k: g[j] * x[k])
    return g * w == by_x, w.T * g.T == by_x.T, g.T * x.T == by_w


def _mix(words: str, *claims: str):
    report = verify_text(words + MIX + "".join(f"$${c}$$\n\n" for c in claims), "rowvector")
    return {r.formula.text: r.result for r in report.rows if r.formula.text in claims}, report


def test_claims_that_need_different_layouts_keep_their_verdicts_and_are_warned_about():
    assert _gradients_by_hand() == (True, True, True)
    rows, report = _mix("", BY_W, BY_X_ROW)
    # each is true in the one layout its shapes fit (∂L/∂W in W's shape: denominator; ∂L/∂x a row: numerator)
    assert rows[BY_W].status == "holds" and "in the denominator layout" in rows[BY_W].reason
    assert rows[BY_X_ROW].status == "holds"
    assert "warning: this claim fits only the numerator layout, while the claim on line 3 fits only the " \
        "denominator layout" in rows[BY_X_ROW].reason
    assert "warning" not in rows[BY_W].reason
    assert ("layout: none declared, and the claims need different layouts: the denominator layout on line 3; the "
            "numerator layout on line 5") in report.header()


def test_claims_in_one_layout_get_no_warning():
    rows, report = _mix("", BY_X_COLUMN, BY_W)
    assert [rows[c].status for c in (BY_X_COLUMN, BY_W)] == ["holds", "holds"]
    assert not any("warning" in r.reason for r in rows.values())
    assert not any("need different layouts" in h for h in report.header())


def test_a_claim_under_a_declared_layout_is_judged_in_it_without_a_mixing_warning():
    # the denominator layout declared: ∂L/∂x as a row is ill-shaped there (refuted), ∂L/∂W in W's shape holds
    rows, report = _mix("We use the denominator layout.\n\n", BY_W, BY_X_ROW)
    assert rows[BY_W].status == "holds" and rows[BY_X_ROW].status == "refuted"
    assert not any("warning: this claim fits only" in r.reason for r in rows.values())
    assert not any("need different layouts" in h for h in report.header())


def test_a_claim_holding_in_the_numerator_layout_is_labelled_the_transpose_of_nielsens():
    # Nielsen's BP1' is ∇_a C = a^L − y, a column. Under the numerator layout ∂C/∂a^L = (a^L − y)^T is its
    # transpose: labelled so; the same formula as Nielsen's (the denominator layout) keeps the plain label
    def notes(words: str) -> str:
        return "# Notes\n\n" + words + "\n\n" + SETUP + f"$${COLUMN}$$\n\n$${ROW}$$\n"

    rows = {r.formula.text: r.result for r in verify_text(notes(f"We use the numerator layout: {SAYS_ROW}.")).rows}
    assert rows[ROW].status == "holds" and rows[ROW].identity == "BP1', transposed (the numerator layout)"
    rows = {r.formula.text: r.result for r in verify_text(notes("We use the denominator layout.")).rows}
    assert rows[COLUMN].status == "holds" and rows[COLUMN].identity == "BP1'"
    # the mixed convention writes gradients as Nielsen does: his label as it is
    rows = {r.formula.text: r.result for r in verify_text(notes(MIXED_WORDS)).rows}
    assert rows[COLUMN].status == "holds" and rows[COLUMN].identity == "BP1'"


ROW_SETUP = ("The forward pass is $g^l = a^{l-1} W^l + b^l$ and $a^l = \\sigma(g^l)$, with the quadratic cost "
             "$L = \\frac12 \\|a^L - y\\|^2$.\n\n")
SAME = r"\frac{\partial L}{\partial a^L} = a^L - y"  # a row, like a^L: the denominator layout's shape
FLIPPED = r"\frac{\partial L}{\partial a^L} = (a^L - y)^T"  # a column: the numerator layout's shape


def _row_notes(words: str) -> dict:
    text = "# Notes\n\n" + words + "\n\n" + ROW_SETUP + f"$${SAME}$$\n\n$${FLIPPED}$$\n"
    return {r.formula.text: r.result for r in verify_text(text, "rowvector").rows if r.formula.text in (SAME, FLIPPED)}


def test_row_vector_notes_say_the_layout_in_their_own_terms():
    # row-vector notes (g = a W + b, a^L a row): ∂L/∂a^L has the entries a^L_j − y_j; in the denominator layout it is
    # a row (a^L − y), in the numerator layout a column ((a^L − y)^T). The words name rows and L, W as the notes do
    rows = _row_notes("We use the numerator layout: the derivative of a scalar with respect to a row vector is a "
                      "column vector.")
    assert rows[SAME].status == "refuted" and rows[FLIPPED].status == "holds"
    assert "∂L/∂ of a row vector is a column vector, ∂L/∂W^l has the shape of (W^l)^T" in rows[SAME].reason
    assert "column vector is a row" not in rows[SAME].reason
    rows = _row_notes("We use the denominator layout.")
    assert rows[SAME].status == "holds" and rows[FLIPPED].status == "refuted"
    assert "∂L/∂ of a row vector is a row vector, ∂L/∂W^l has the shape of W^l" in rows[FLIPPED].reason


def test_row_vector_notes_naming_the_numerator_layout_alone_speak_of_gradients_as_rows():
    # the numerator layout named without saying which way a gradient points: the row a^L − y (gradients shaped like
    # the row vectors, the mixed convention) may be meant: ambiguous, never holds; the words say rows, not columns
    rows = _row_notes("We use the numerator layout.")
    assert rows[SAME].status == "ambiguous" and rows[FLIPPED].status == "holds"
    assert "gradients as rows" in rows[SAME].reason and "columns" not in rows[SAME].reason.split("it is refuted")[0]


def test_a_switch_undone_without_the_words_of_one_leaves_every_claim_after_the_first_change_ambiguous():
    # numerator (line 3), "from now on" denominator (line 13), then plainly "We use the numerator layout." (line
    # 19): the notes contradict themselves; which layout the claims between lines 13 and 19 are in is not sure, so
    # none after line 13 holds or is refuted on a reading the words leave open (the claims before keep line 3's)
    text = (_switched(f"We use the numerator layout: {SAYS_ROW}.", "From now on we use the denominator layout.")
            + "\nWe use the numerator layout.\n\n$$\\frac{\\partial C}{\\partial b^L} = 0$$\n")
    assert declared_layouts(text) == [] and (13, "denominator") in unsure_layouts(text)
    statuses, _ = _layered(text)
    assert statuses[:2] == [(COLUMN, "refuted"), (ROW, "holds")]
    assert statuses[2:] == [(COLUMN, "ambiguous"), (ROW, "ambiguous")]


def test_a_label_follows_the_left_side_not_a_transposed_gradient_on_the_right():
    # under the numerator layout ∂C/∂a^L is a row, so (∂C/∂a^L)^T ⊙ σ'(z^L) is the column δ^L (Nielsen's BP1, δ
    # being no row here: the notes do not define it): the claim is BP1 itself, not its transpose
    bp1 = r"\delta^L = \left(\frac{\partial C}{\partial a^L}\right)^T \odot \sigma'(z^L)"
    text = "# Notes\n\n" + f"We use the numerator layout: {SAYS_ROW}." + "\n\n" + SETUP + f"$${bp1}$$\n"
    (row,) = [r.result for r in verify_text(text).rows if r.formula.text == bp1]
    assert row.status == "holds" and row.identity == "BP1"


JACOBIAN = r"\frac{\partial z^l}{\partial a^{l-1}} = w^l"
JACOBIAN_T = r"\frac{\partial z^l}{\partial a^{l-1}} = (w^l)^T"


def test_layered_jacobians_that_need_different_layouts_are_not_both_held():
    # z^l = w^l a^{l-1} + b^l: ∂z^l_j/∂a^{l-1}_k = w^l_jk, so with a row per entry of z^l (the numerator layout, and
    # the mixed convention) the Jacobian is w^l, n_l × n_{l-1}; with a column per entry (the denominator layout)
    # (w^l)^T. Without a declared layout each holds in its own only, so one of the two is false in the layout the notes
    # use: neither holds (review rv35 A2; a warning beside two holds would still pass a false claim)
    text = SETUP + f"$${JACOBIAN}$$\n\n$${JACOBIAN_T}$$\n"
    report = verify_text(text)
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[JACOBIAN].status == "ambiguous" and rows[JACOBIAN_T].status == "ambiguous"
    assert "line 3 holds only in the mixed convention" in rows[JACOBIAN_T].reason
    assert "line 5 holds only in the denominator layout" in rows[JACOBIAN].reason
    # the mixed convention declared: Jacobians by rows, the transpose is refuted, and nothing to warn about
    rows = {r.formula.text: r.result for r in verify_text(MIXED_WORDS + "\n\n" + text).rows}
    assert rows[JACOBIAN].status == "holds" and rows[JACOBIAN_T].status == "refuted"
    assert not any("warning: this claim fits only" in r.reason for r in rows.values())
