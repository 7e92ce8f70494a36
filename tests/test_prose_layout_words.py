r"""Layouts said in prose without the word "layout", in one sentence, and Jacobians of row-vector notes
(``symbp/verify/graphownlayout.py``, ``layoutswitch.py``, ``interpret._jacobian``).

Verdicts decided by hand.

Row-vector layered notes: z^l = a^{l-1} W^l + b^l with W^l of shape n_{l-1} × n_l, so z^l_j = Σ_i a^{l-1}_i W^l_{ij}
and ∂z^l_j/∂a^{l-1}_i = W^l_{ij}. The numerator layout (a row per entry j of z^l, a column per entry i of a^{l-1})
writes the Jacobian (W^l)^T, n_l × n_{l-1}; the denominator layout (a row per entry of a^{l-1}) writes W^l. On a
network whose layers differ in size only the layout whose shape fits can hold.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.graphownlayout import declared_layouts
from symbp.verify.notes import verify_text

ROW_LAYERS = r"""Row-vector convention: $z^l = a^{l-1} W^l + b^l$, $a^l = \sigma(z^l)$, with $W^l$ of shape
inputs $\times$ outputs, and cost $C = \frac{1}{2}\|a^L - y\|^2$.
"""
ROW_JAC_W = r"\frac{\partial z^l}{\partial a^{l-1}} = W^l"
ROW_JAC_WT = r"\frac{\partial z^l}{\partial a^{l-1}} = (W^l)^T"


def _row_jacobian_by_hand() -> bool:
    """The numerator-layout Jacobian of z = a W (a a row of 3, W 3×2) is W^T; its transpose, W, the denominator's."""
    a = sympy.Matrix(1, 3, sympy.symbols("a1:4"))
    w = sympy.Matrix(3, 2, sympy.symbols("w1:7"))
    return (a * w).jacobian(a) == w.T


def _row_claim(words: str, claim: str):
    report = verify_text(words + "\n\n" + ROW_LAYERS + f"\n$${claim}$$\n")
    (row,) = [r.result for r in report.rows if r.formula.text == claim]
    return row


def test_a_row_vector_jacobian_is_read_in_each_declared_layout():
    # before: "the derivative of a vector by a matrix has three indices" (a^{l-1} is a row vector, not a matrix)
    assert _row_jacobian_by_hand()
    numerator, denominator = "We use the numerator layout.", "We use the denominator layout."
    mixed = "Jacobians use the numerator layout. Gradients use the denominator layout."
    for words, right, wrong, layout in ((numerator, ROW_JAC_WT, ROW_JAC_W, "numerator layout"),
                                        (mixed, ROW_JAC_WT, ROW_JAC_W, "mixed convention"),
                                        (denominator, ROW_JAC_W, ROW_JAC_WT, "denominator layout")):
        held, refuted = _row_claim(words, right), _row_claim(words, wrong)
        assert held.status == "holds" and refuted.status == "refuted", (words, held.reason, refuted.reason)
        assert f"in the {layout} the notes declare on line 1" in held.reason
        assert f"in the {layout} the notes declare on line 1" in refuted.reason


def test_an_undeclared_row_vector_jacobian_names_the_layouts_its_shapes_fit():
    # no layout declared: W^l fits (and holds in) the denominator layout only, (W^l)^T the numerator layout and the
    # mixed convention; the words say a gradient has the shape of a^l there (a row here), never "a column"
    held = _row_claim("", ROW_JAC_W)
    assert held.status == "holds" and "holds in the denominator layout" in held.reason
    assert "gradient is a column" not in held.reason and "∂C/∂a^l has the shape of a^l" in held.reason
    held = _row_claim("", ROW_JAC_WT)
    assert held.status == "holds" and "in the numerator layout" in held.reason and "mixed convention" in held.reason
    # both written, no layout declared: one of the two is false in the layout the notes use
    report = verify_text(ROW_LAYERS + f"\n$${ROW_JAC_W}$$\n\n$${ROW_JAC_WT}$$\n")
    assert [r.result.status for r in report.rows if "partial" in r.formula.text] == ["ambiguous", "ambiguous"]
    # a wrong factor is refuted in every layout
    assert _row_claim("", r"\frac{\partial z^l}{\partial a^{l-1}} = 2 W^l").status == "refuted"


# -- item 1: a layout said by which way gradients point, or where a Jacobian's entry stands ----------------------
#
# Nielsen's layered notes (column vectors, C = ½‖a^L − y‖²): ∂C/∂a^L has the entries a^L_j − y_j, a column in the
# denominator layout, the row (a^L − y)^T in the numerator layout; ∂z^l_j/∂a^{l-1}_k = w^l_{jk}, so the Jacobian
# with a row per entry of z^l (the numerator layout) is w^l, with a column per entry (the denominator layout) (w^l)^T.
# Layers of different sizes: a row is never a column, w^l never (w^l)^T, so one of each pair is false.

SETUP = ("The forward pass is $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the quadratic cost "
         "$C = \\frac12 \\|a^L - y\\|^2$.\n\n")
COLUMN = r"\frac{\partial C}{\partial a^L} = a^L - y"
ROW = r"\frac{\partial C}{\partial a^L} = (a^L - y)^T"
JACOBIAN = r"\frac{\partial z^l}{\partial a^{l-1}} = w^l"
JACOBIAN_T = r"\frac{\partial z^l}{\partial a^{l-1}} = (w^l)^T"


def _layered(words: str, *claims: str):
    report = verify_text("# Notes\n\n" + words + "\n\n" + SETUP + "".join(f"$${c}$$\n\n" for c in claims))
    return {r.formula.text: r.result for r in report.rows if r.formula.text in claims}, report


@pytest.mark.parametrize("words", [
    "We write gradients as rows.", "Gradients are rows.", "Gradienty píšeme jako řádky.",
    "Градиенты записываем как строки.", "Gradienty zapisujemy jako wiersze."])
def test_gradients_written_as_rows_declare_the_numerator_layout(words):
    # before: these declared nothing, and Nielsen's column a^L − y held
    assert declared_layouts(words + "\n") == [(1, "numerator")]
    rows, _ = _layered(words, COLUMN, ROW)
    assert rows[ROW].status == "holds" and rows[COLUMN].status == "refuted", rows[ROW].reason


@pytest.mark.parametrize("words", [
    "Gradients are columns.", "We write gradients as columns.", "Gradienty jsou sloupce.", "Градиенты — столбцы.",
    "Gradienty są kolumnami."])
def test_gradients_written_as_columns_declare_the_denominator_layout_for_gradients(words):
    assert declared_layouts(words + "\n") == [(1, "denominator")]
    rows, report = _layered(words, COLUMN, ROW)
    assert rows[COLUMN].status == "holds" and rows[ROW].status == "refuted"
    assert "every gradient is a column vector" in "; ".join(report.header())  # not "a row vector"


@pytest.mark.parametrize("words", [
    "The rows of W are the weights of each neuron.", "The gradients are the rows of W.",
    "Gradients are rows of W.", "The gradient with respect to the rows of W is a matrix.",
    "If gradients were rows, the rule would change.", "Gradients are not rows.", "Gradienty jsou řádky matice W.",
    "Градиенты — строки матрицы W.", "Each row of the Jacobian is the gradient of one output."])
def test_a_sentence_that_mentions_rows_declares_nothing(words):
    assert declared_layouts(words + "\n") == []
    rows, _ = _layered(words, COLUMN, ROW)  # Nielsen's reading, as with no words at all
    assert rows[COLUMN].status == "holds" and rows[ROW].status == "refuted"


@pytest.mark.parametrize("words, layout", [
    (r"The Jacobian has entries $\partial y_i / \partial x_j$ in row i, column j.", "numerator"),
    (r"We write the Jacobian as $\left(\frac{\partial y_i}{\partial x_j}\right)_{ij}$.", "numerator"),
    (r"The Jacobian $(\partial y_i/\partial x_j)_{ji}$ is used below.", "denominator"),
    (r"The Jacobian has entries $\partial y_i / \partial x_j$ in row $j$, column $i$.", "denominator"),
    (r"Jakobián má prvek $\partial y_i/\partial x_j$ v řádku $i$ a sloupci $j$.", "numerator"),
    (r"Якобиан имеет элемент $\partial y_i/\partial x_j$ в строке $j$ и столбце $i$.", "denominator"),
    (r"Jakobian ma element $\partial y_i/\partial x_j$ w wierszu i i kolumnie j.", "numerator"),
])
def test_where_a_jacobians_entry_stands_declares_its_layout(words, layout):
    assert declared_layouts(words + "\n") == [(1, layout)]
    rows, _ = _layered(words, JACOBIAN, JACOBIAN_T)
    right, wrong = (JACOBIAN, JACOBIAN_T) if layout == "numerator" else (JACOBIAN_T, JACOBIAN)
    assert rows[right].status == "holds" and rows[wrong].status == "refuted", rows[right].reason
    assert f"{layout} layout the notes declare on line 3" in rows[right].reason


def test_a_jacobians_entries_say_nothing_of_gradients():
    # "Jacobians by rows" is the numerator layout and the mixed convention alike: a gradient whose verdict differs
    # there (the column a^L − y holds with gradients as columns, is refuted as the numerator layout's row) is ambiguous
    rows, _ = _layered(r"The Jacobian has entries $\partial y_i / \partial x_j$ in row i, column j.", COLUMN, ROW)
    assert rows[COLUMN].status == "ambiguous" and rows[ROW].status == "ambiguous"


# -- item 2: the mixed convention in one sentence, and one sentence that contradicts itself -------------------------

@pytest.mark.parametrize("words", [
    "Jacobians use the numerator layout and gradients the denominator layout.",
    "Jacobians use the numerator layout, and gradients use the denominator layout.",
    "Jakobiány píšeme v čitatelovém uspořádání a gradienty v jmenovatelovém uspořádání.",
    "Якобианы пишем в раскладке числителя, а градиенты в раскладке знаменателя.",
])
def test_one_sentence_declares_the_mixed_convention(words):
    # Jacobians by rows (w^l holds, (w^l)^T refuted), gradients as columns (a^L − y holds, the row refuted); before:
    # the sentence named both layouts and declared nothing, every one of the four was ambiguous
    rows, report = _layered(words, COLUMN, ROW, JACOBIAN, JACOBIAN_T)
    assert [rows[c].status for c in (COLUMN, ROW, JACOBIAN, JACOBIAN_T)] == ["holds", "refuted", "holds", "refuted"]
    assert any("the mixed convention" in h and "from line 3" in h for h in report.header())


def test_one_sentence_in_the_reverse_pairing_declares_nothing():
    # Jacobians in the denominator layout and gradients in the numerator layout is no convention (as in two sentences)
    words = "Jacobians use the denominator layout and gradients the numerator layout."
    assert declared_layouts(words + "\n") == []
    rows, _ = _layered(words, COLUMN, ROW)
    assert rows[COLUMN].status != "holds" and rows[ROW].status != "holds"


@pytest.mark.parametrize("words", [
    "Jacobians use the numerator layout, and Jacobians use the denominator layout.",
    "Jakobiány píšeme v čitatelovém uspořádání a jakobiány v jmenovatelovém uspořádání.",
])
def test_one_sentence_that_contradicts_itself_picks_no_layout(words):
    # w^l holds only with a row per entry of z^l, (w^l)^T only with a column per entry: the sentence says both, so
    # neither is judged held or refuted on a reading the words leave open, and the reason says why
    assert declared_layouts(words + "\n") == []
    rows, report = _layered(words, JACOBIAN, JACOBIAN_T)
    assert rows[JACOBIAN].status == "ambiguous" and rows[JACOBIAN_T].status == "ambiguous"
    for r in rows.values():
        assert "line 3 gives Jacobians both the numerator and the denominator layout, contradicting itself" in r.reason
    assert any("contradicting itself" in h for h in report.header())


# graph notes (y = W x, W 2×2, x a column; L = L(y_1, y_2)): the Jacobian of W x by x is W in the numerator layout,
# W^T in the denominator layout (a square W: both fit, the verdicts differ); ∂L/∂x is the column W^T ∂L/∂y in the
# denominator layout and the row (∂L/∂y) W in the numerator layout (``test_layout_switch._gradients_by_hand``)
GRAPH = ("Let $y = W x$ with $x = \\begin{pmatrix} x_1 \\\\ x_2 \\end{pmatrix}$ and "
         r"$W = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}$, $L = L(y_1, y_2)$." "\n\n")
JAC = r"\frac{dy}{dx} = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}"
JAC_T = r"\frac{dy}{dx} = \begin{pmatrix} w_{11} & w_{21} \\ w_{12} & w_{22} \end{pmatrix}"
BY_X_COLUMN = r"\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial y}"
BY_X_ROW = r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y} W"


def _graph(words: str, *claims: str) -> dict:
    text = words + "\n\n" + GRAPH + "".join(f"$${c}$$\n\n" for c in claims)
    return {r.formula.text: r.result for r in verify_text(text, "rowvector").rows if r.formula.text in claims}


def _graph_truth() -> bool:
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    x = sympy.Matrix(sympy.symbols("x1 x2"))
    g = sympy.Matrix(1, 2, sympy.symbols("g1 g2"))  # ∂L/∂y_j
    by_x = [sum(w[j, k] * g[j] for j in range(2)) for k in range(2)]  # ∂L/∂x_k
    return (w * x).jacobian(x) == w and list(g * w) == by_x and list(w.T * g.T) == by_x


@pytest.mark.parametrize("words, layout", [
    ("We write gradients as rows.", "numerator"),
    ("Gradients are columns.", "denominator"),
    (r"The Jacobian has entries $\partial y_i / \partial x_j$ in row i, column j.", "numerator"),
    (r"The Jacobian $(\partial y_i/\partial x_j)_{ji}$ is used below.", "denominator"),
])
def test_graph_notes_read_the_layout_said_without_the_word(words, layout):
    assert _graph_truth()
    claims = (JAC, JAC_T) if "Jacobian" in words else (BY_X_ROW, BY_X_COLUMN)
    rows = _graph(words, *claims)
    right, wrong = claims if layout == "numerator" else claims[::-1]
    assert rows[right].status == "holds" and rows[wrong].status == "refuted", rows[right].reason
    # a gradient written the other way fits only the layout not declared (without the words it held there)
    assert "declared in words on line 1" in rows[right if "Jacobian" in words else wrong].reason \
        or "the notes declare the" in rows[wrong].reason


def test_graph_notes_read_the_mixed_convention_in_one_sentence():
    assert _graph_truth()
    rows = _graph("Jacobians use the numerator layout and gradients the denominator layout.", JAC, JAC_T,
                  BY_X_COLUMN, BY_X_ROW)
    assert [rows[c].status for c in (JAC, JAC_T, BY_X_COLUMN, BY_X_ROW)] == ["holds", "refuted", "holds", "refuted"]


def test_graph_notes_that_contradict_themselves_in_one_sentence_hold_no_jacobian():
    rows = _graph("Jacobians use the numerator layout, and Jacobians use the denominator layout.", JAC)
    assert rows[JAC].status == "ambiguous"


# -- item 5: a sentence that leaves the layout the notes declared ------------------------------------------------

def _left(first: str, leave: str) -> tuple:
    text = first + "\n\n" + GRAPH + f"$${JAC}$$\n\n" + leave + f"\n\n$${JAC}$$\n\n$${JAC_T}$$\n"
    report = verify_text(text, "rowvector")
    rows = [(r.formula.line, r.result) for r in report.rows if r.formula.text in (JAC, JAC_T)]
    return rows, "; ".join(report.header())


@pytest.mark.parametrize("leave", [
    "From now on we no longer use the numerator layout.", "We now leave the numerator layout behind.",
    "Od teď už nepoužíváme čitatelové uspořádání.", "Opuszczamy układ licznika.",
    "Больше не используем раскладку числителя."])
def test_graph_claims_after_a_sentence_that_leaves_the_layout_are_in_no_declared_layout(leave):
    # W is the numerator layout's Jacobian (_graph_truth): before the sentence it holds, in the layout declared on
    # line 1 (before: ambiguous, the notes were taken to declare nothing at all); after it the notes name no layout
    # and W, W^T fit both and disagree: ambiguous, never held nor refuted in the layout they left (before: "We now
    # leave …" was not read, and W^T was refuted in the numerator layout)
    assert _graph_truth()
    first = ("Používáme čitatelovou konvenci." if "čitatel" in leave else "Stosujemy układ licznika." if "licznik" in leave
             else "Используем раскладку числителя." if "числител" in leave else "We use the numerator layout.")
    rows, header = _left(first, leave)
    assert [(line, r.status) for line, r in rows] == [(5, "holds"), (9, "ambiguous"), (11, "ambiguous")], rows
    assert "line 7 leaves the numerator layout and does not say which layout the notes use after it" in header
    assert "denominator layout named on line 7" not in header  # the sentence names no denominator layout


def test_graph_claims_after_leaving_one_layout_for_the_other_are_in_the_other():
    rows, header = _left("We use the numerator layout.", "Leaving the numerator layout, we use the denominator layout "
                         "from now on.")
    assert [(line, r.status) for line, r in rows] == [(5, "holds"), (9, "refuted"), (11, "holds")], rows
    assert "the numerator layout from line 1; the denominator layout from line 7" in header


def test_leaving_the_layered_network_is_no_change_of_layout():
    # "we now leave the layered network" names no layout: the numerator layout declared on line 1 stays in force
    rows, _ = _left("We use the numerator layout.", "We now leave the layered network and turn to a small graph.")
    # (W on lines 5 and 9, the same formula with the same verdict, is one row of line 5)
    assert [(line, r.status) for line, r in rows] == [(5, "holds"), (11, "refuted")], rows


def test_layered_claims_after_leaving_the_layout_name_the_sentence_in_their_reason():
    text = ("# Notes\n\nWe use the numerator layout.\n\n" + SETUP + f"$${ROW}$$\n\nFrom now on we no longer use the "
            f"numerator layout.\n\n$${ROW}$$\n")
    rows = [r.result for r in verify_text(text).rows if r.formula.text == ROW]
    # (a^L − y)^T is ∂C/∂a^L in the numerator layout (holds on line 7), not in the one the notes do not name after
    # line 9: ambiguous, and the reason says the sentence left the layout (before: "the denominator layout on line 9
    # is named without being declared")
    assert [r.status for r in rows] == ["holds", "ambiguous"]
    assert "line 9 leaves the numerator layout" in rows[1].reason
