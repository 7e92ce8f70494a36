"""Review 31: notes files (graph-style notes and layered notes) that made symbp refute a true statement or
hang. Truth is decided by hand in each test's docstring."""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

ROW = r"""Let $x = (x_1, x_2)$ be a row vector and $W$ a $2 \times 2$ matrix.

$$g = x W, \quad h = \tanh(g), \quad L = L(h_1, h_2)$$
"""


def _result(notes: str, claim: str, notation: str = "auto"):
    report = verify_text(notes + f"\n$${claim}$$\n", notation)
    rows = [row for row in report.rows if row.formula.text.startswith(claim.split(r"\quad")[0].strip())]
    assert rows, [row.formula.text for row in report.rows]
    return rows[0].result


# -- F1: a condition on the claim's indices (j = k) --------------------------------------------------------------

@pytest.mark.parametrize("condition", [r"\text{when } j = k", r"\text{if } j = k", r"\text{for } j = k",
                                       r"(j = k)"])
def test_rv31_f1_an_index_condition_in_graph_notes_is_never_a_refutation(condition):
    """g = x W: g_k = Σ_j x_j w_{jk}, so ∂L/∂w_{jk} = x_j ∂L/∂g_k. Written as x_k ∂L/∂g_j it is wrong for j ≠ k but
    true under its condition j = k (both sides x_j ∂L/∂g_j). symbp refuted it at j = 1, k = 2, outside the
    condition; now it is not judged (uninterpretable or unreadable), never refuted."""
    r = _result(ROW, r"\frac{\partial L}{\partial w_{jk}} = x_k \frac{\partial L}{\partial g_j} \quad " + condition)
    assert r.status in ("uninterpretable", "unreadable"), (r.status, r.reason)


def test_rv31_f1_the_same_claim_without_its_condition_is_still_refuted():
    """Without the condition, ∂L/∂w_{12} = x_2 ∂L/∂g_1 (the claim at j = 1, k = 2) is false: x_1 ∂L/∂g_2 is right."""
    r = _result(ROW, r"\frac{\partial L}{\partial w_{jk}} = x_k \frac{\partial L}{\partial g_j}")
    assert r.status == "refuted"


def test_rv31_f1_a_value_condition_is_still_read():
    """∂h_1/∂x_2 = (1 − h_1²) w_{21} is 0 exactly when w_{21} = 0: the value condition on a parameter still holds."""
    r = _result(ROW, r"\frac{\partial h_1}{\partial x_2} = 0 \quad \text{when } w_{21} = 0")
    assert r.status == "holds", r.reason


def test_rv31_f1_a_bracketed_index_condition_in_layered_notes_is_not_cut_off():
    """BP4 is ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j; with the indices swapped it is true only on the diagonal j = k. The
    bracket (j = k) was cut off as a claim of its own and the claim refuted for every j, k."""
    notes = "Notes on backpropagation.\n"
    r = _result(notes, r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k \quad (j = k)")
    assert r.status != "refuted" and r.status != "holds", (r.status, r.reason)


# -- H1: an update rule is checked under a time budget --------------------------------------------------------------

def test_rv31_h1_an_update_rule_is_checked_under_a_budget():
    """A mini-batch rule under a logistic σ ran for minutes (SymPy's cancel on every entry of every batch size),
    with no budget. Now the rule check has one: past it the rule is undecided, never holds or refuted unseen.
    (Truth of the rule itself: W − η (∂L/∂W)ᵀ with g = x W, W 2×3, is the step in the numerator layout.)"""
    from symbp.verify.graphbuild import build
    from symbp.verify.graphread import read_graph as r
    from symbp.verify.graphupdatelayout import check_update

    defs = [(1, r("g = x W")), (2, r(r"h = \tanh(g)")), (3, r("L = L(h)"))]
    rule = r(r"W \gets W - \eta \left(\frac{\partial L}{\partial W}\right)^T")
    model = build(defs, [rule], [(1, "x", "row", (2,)), (1, "W", "", (2, 3))], {"L": []})
    assert check_update(rule, model).status == "holds"
    out = check_update(rule, model, budget=1e-4)
    assert out.status == "undecided" and "time budget" in out.reason


# -- F2: a value the sentence states a claim under, a blank line or a counterfactual away ---------------------------

COLUMN = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.

$$g = W x, \quad h = \tanh(g), \quad L = L(h_1, h_2)$$

"""


@pytest.mark.parametrize("words", [
    "If $w_{21} = 0$, then\n",                       # the display after a blank line goes on the sentence
    "Had we chosen $w_{21} = 0$, we would get\n",   # a counterfactual (en, cs, pl)
    "Were $w_{21} = 0$, we would have\n",
    "Kdyby $w_{21} = 0$, dostali bychom\n",
    "Gdyby $w_{21} = 0$, mielibyśmy\n",
])
def test_rv31_f2_a_claim_stated_under_a_value_is_checked_under_it(words):
    """g_2 = w_{21} x_1 + w_{22} x_2, so ∂g_2/∂x_1 = w_{21}: 0 under the sentence's w_{21} = 0, which the notes state
    the claim under (it was refuted for every w_{21}); ∂g_2/∂x_2 = w_{22} is not 0 under it and stays refuted."""
    text = COLUMN + words + "\n$$\\frac{\\partial g_2}{\\partial x_1} = 0$$\n\n$$\\frac{\\partial g_2}{\\partial x_2} = 0$$\n"
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[r"\frac{\partial g_2}{\partial x_1} = 0"].status == "holds"
    assert rows[r"\frac{\partial g_2}{\partial x_2} = 0"].status == "refuted"


def test_rv31_f2_a_value_of_another_time_is_no_condition():
    """"We had $w_{21} = 0$ in the last lecture. Now" states no condition of the claim: ∂g_2/∂x_1 = w_{21} ≠ 0 in
    general, refuted."""
    text = COLUMN + "We had $w_{21} = 0$ in the last lecture. Now\n\n$$\\frac{\\partial g_2}{\\partial x_1} = 0$$\n"
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[r"\frac{\partial g_2}{\partial x_1} = 0"].status == "refuted"


# -- F3: a vector or a matrix said by the noun before its name, or after another name -------------------------------

GRAPH = r"""

$$g = x W, \quad h = \tanh(g), \quad L = L(h)$$
"""


@pytest.mark.parametrize("words", [
    "The input vector $x$ is multiplied by the weight matrix $W$:",
    "The input $x$ is a vector and $W$ is a matrix:",
    "Vstupní vektor $x$ násobíme maticí vah $W$:",
    "Входной вектор $x$ умножаем на матрицу весов $W$:",
    "Wektor wejściowy $x$ mnożymy przez macierz wag $W$:",
])
def test_rv31_f3_a_vector_times_a_matrix_said_in_words_is_no_product_of_numbers(words):
    """The words make x a vector and W a matrix, so g = x W is a row vector and ∂L/∂x = ∂L/∂g Wᵀ (∂L/∂x_j =
    Σ_k ∂L/∂g_k w_{jk}); ∂L/∂x = ∂L/∂g W is wrong (for W of n × k it does not even multiply when n ≠ k). symbp read
    x and W as numbers (or, with "$x$ násobíme maticí vah $W$", x as the matrix and W as a number) and said both
    slips held. Now the slip is never "holds", and the right formula still holds."""
    text = words + GRAPH + (r"$$\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W$$" "\n\n"
                            r"$$\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T$$" "\n")
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W"].status == "refuted"
    assert rows[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T"].status == "holds"


def test_rv31_f3_a_noun_after_a_preposition_names_nothing():
    """'multiply each vector by $x$': x is not said to be a vector; '$x$ times the vector $u$': u is, x is not."""
    from symbp.verify.graphprose import hints_and_prose

    assert hints_and_prose("We multiply each vector by $x$.")[0] == []
    assert hints_and_prose("Take $x$ times the vector $u$.")[0] == [(1, "u", "vector", ())]


@pytest.mark.parametrize("words", [
    "Let $W$ and $V$ be matrices and $x$, $t$ vectors.",
    "Here $x$ and $t$ are vectors.",
    "Let $x$ be an input (a vector).",
])
def test_rv31_f3_a_vector_said_in_words_is_never_read_as_a_number(words):
    """x a vector (the words) and g = x W make W a matrix and g, h, u rows: ∂L/∂h = ∂L/∂u Vᵀ and ∂L/∂x = ∂L/∂g Wᵀ.
    Read as numbers (the words were not read), ∂L/∂h = ∂L/∂u V and ∂L/∂x = ∂L/∂g W held."""
    text = words + "\n\n$$g = x W, \\quad h = \\tanh(g), \\quad u = h V, \\quad L = L(u)$$\n" + "".join(
        f"\n$${c}$$\n" for c in (r"\frac{\partial L}{\partial h} = \frac{\partial L}{\partial u} V",
                                 r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W",
                                 r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T"))
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[r"\frac{\partial L}{\partial h} = \frac{\partial L}{\partial u} V"].status == "refuted"
    assert rows[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W"].status == "refuted"
    assert rows[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T"].status == "holds"


def test_rv31_f3_a_vector_the_definitions_make_a_number_is_a_contradiction():
    """'$A$ is a vector' beside A = Σ_i u_i h_i (a number): the words and the definition contradict each other; the
    notes are not judged as if A were a number."""
    text = ("Let $u$ and $h$ be vectors with entries $u_1, u_2$ and $h_1, h_2$. Here $A$ is a vector.\n\n"
            "$$A = \\sum_{i=1}^{2} u_i h_i, \\quad L = L(A)$$\n\n$$\\frac{\\partial L}{\\partial u_1} = "
            "\\frac{\\partial L}{\\partial A} h_1$$\n")
    rows = verify_text(text).rows
    assert rows and all(row.result.status not in ("holds", "refuted") for row in rows)
    assert any("A is a vector by the words of line 1" in row.result.reason for row in rows)


# -- F4: words that call a formula a mistake, not read ---------------------------------------------------------------

TRUE_W12 = r"\frac{\partial L}{\partial w_{12}} = \frac{\partial L}{\partial g_1} x_2"   # g_1 = w_11 x_1 + w_12 x_2
FALSE_W12 = r"\frac{\partial L}{\partial w_{12}} = \frac{\partial L}{\partial g_2} x_1"  # g_2 has no w_12


@pytest.mark.parametrize("words", ["A typical student error:", "A common beginner's mistake is to write",
                                   "To nie jest prawda:"])
def test_rv31_f4_a_formula_called_a_mistake_is_judged_as_the_notes_denial(words):
    """g = W x: ∂L/∂w_{12} = ∂L/∂g_1 x_2 is true, ∂L/∂g_2 x_1 false. Called a mistake by the notes, the true one is a
    mistake of the notes (refuted) and the false one their right denial (holds); the words were not read and both
    verdicts came out the other way round ("holds" for the notes calling a true formula a student error)."""
    text = COLUMN + "".join(f"{words}\n\n$${c}$$\n\n" for c in (TRUE_W12, FALSE_W12))
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[TRUE_W12].status == "refuted"
    assert rows[FALSE_W12].status == "holds"


def test_rv31_f4_a_negated_mistake_is_the_claim_itself():
    """"This is not a typical student error:" calls nothing wrong: each formula is judged as written."""
    text = COLUMN + "".join(f"This is not a typical student error:\n\n$${c}$$\n\n" for c in (TRUE_W12, FALSE_W12))
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[TRUE_W12].status == "holds"
    assert rows[FALSE_W12].status == "refuted"


@pytest.mark.parametrize("words", [
    "The input $x$ has two entries and $W$ has two rows and three columns.",
    "Let $x$ be a two-dimensional vector.",
    "Vstup $x$ má dvě složky.",
])
def test_rv31_f3_entries_and_rows_said_in_words(words):
    """x with entries (however many) is no number, nor is W with rows and columns: with g = x W, ∂L/∂x = ∂L/∂g Wᵀ,
    and ∂L/∂g W (which held with x and W read as numbers) is refuted."""
    text = words + GRAPH + "\n$$" + r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W" + "$$\n"
    rows = {row.formula.text: row.result for row in verify_text(text).rows}
    assert rows[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W"].status == "refuted"


def test_rv31_f3_a_name_said_to_be_a_scalar_is_never_guessed_a_matrix():
    """x a vector and W a scalar (the words): g = x W is x scaled, ∂L/∂x = ∂L/∂g W holds. Reading W as a matrix (the
    vector reading's guess beside a vector) refuted it; now W stays a number (the claim is never refuted)."""
    text = "Let $x$ be a vector and $W$ a scalar." + GRAPH + "\n$$" + \
        r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W" + "$$\n"
    from symbp.verify.graphmodel import GraphError

    try:
        rows = {row.formula.text: row.result for row in verify_text(text).rows}
    except GraphError as exc:  # the words' vector beside a scalar: not read (exit 2), never a verdict
        assert "x is a vector by the words of line 1" in str(exc)
        return
    assert rows[r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W"].status != "refuted"
