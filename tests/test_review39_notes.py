"""Review 39 (D1, D2, B5, C1, A4/B6/C2): whole notes read through ``verify_text``. Each verdict below was decided
by hand from the mathematics (the comments say how), never copied from the code's output."""

from __future__ import annotations

from symbp.verify.notes import verify_text

NET = (r"Network: $z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$, $C = \frac{1}{2}\|a^L - y\|^2$." "\n\n")
BP2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"
BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
BP4 = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"


def _rows(text: str) -> dict:
    return {row.formula.text: row.result for row in verify_text(text).rows}


def _display(*formulas: str) -> str:
    return "".join(f"$${f}$$\n\n" for f in formulas)


# D1: δ^L = ∇_a C is BP1 with σ'(z^L) missing. For the quadratic cost and the sigmoid-free generic σ,
# δ^L_j = ∂C/∂z^L_j = (a^L_j − y_j) σ'(z^L_j) ≠ a^L_j − y_j = (∇_a C)_j: refuted. BP2–BP4 hold under δ ≡ ∂C/∂z.

def test_review39_output_gradient_without_sigma_prime_is_a_slip_not_a_definition():
    rows = _rows(NET + "The output error is\n\n" + _display(r"\delta^L = \nabla_a C", BP2, BP3, BP4))
    assert rows[r"\delta^L = \nabla_a C"].status == "refuted"
    assert "σ'" in rows[r"\delta^L = \nabla_a C"].diagnosis  # the diagnosis: a missing σ'
    assert [rows[f].status for f in (BP2, BP3, BP4)] == ["holds", "holds", "holds"]


def test_review39_output_gradient_slip_beside_the_definition_of_delta():
    text = (NET + "We define the error by\n\n" + _display(r"\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}")
            + "The output error is\n\n" + _display(r"\delta^L = \nabla_a C", BP2, BP3))
    rows = _rows(text)
    assert rows[r"\delta^L = \nabla_a C"].status == "refuted"
    assert rows[BP2].status == rows[BP3].status == "holds"


def test_review39_output_gradient_slip_other_spellings():
    for slip in (r"\delta^L = \nabla_{a^L} C", r"\delta^L_j = \frac{\partial C}{\partial a^L_j}"):
        rows = _rows(NET + _display(slip, BP3))
        assert rows[slip].status == "refuted", slip
        assert rows[BP3].status == "holds", slip


def test_review39_output_gradient_with_sigma_prime_still_holds():
    rows = _rows(NET + _display(r"\delta^L = \nabla_a C \odot \sigma'(z^L)"))
    assert rows[r"\delta^L = \nabla_a C \odot \sigma'(z^L)"].status == "holds"  # BP1


def test_review39_delta_defined_as_gradient_by_a_still_blocks():
    # δ^l ≡ ∂C/∂a^l is another meaning of δ (for every layer): δ^L = ∇_a C is then true by definition and BP3 false;
    # symbp checks neither against its δ ≡ ∂C/∂z
    rows = _rows(NET + _display(r"\delta^l \equiv \frac{\partial C}{\partial a^l}", r"\delta^L = \nabla_a C", BP3))
    assert rows[r"\delta^L = \nabla_a C"].status == "uninterpretable"
    assert rows[BP3].status == "uninterpretable"


def test_review39_output_gradient_defined_with_equiv_beside_the_definition_of_delta_is_a_slip():
    # docs/verify.md: beside δ ≡ ∂C/∂z that holds, a false definition of δ is a slip (a refuted row), the rest judged
    rows = _rows(NET + _display(r"\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}", r"\delta^L \equiv \nabla_a C", BP3))
    assert rows[r"\delta^L \equiv \nabla_a C"].status == "refuted"
    assert rows[BP3].status == "holds"


# D2: words about swapping indices before a formula with no weight in it (the softmax Jacobian) say nothing of the
# weights' convention. The softmax Jacobian is symmetric: a_j(δ_jk − a_k) and a_k(δ_jk − a_j) are both a_j − a_j²
# for j = k and −a_j a_k for j ≠ k, so both displays hold (the notes' "Это неверно." is itself wrong).

SOFTMAX_RU = (r"# Производная softmax" "\n\n"
              r"Скрытые слои: $z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$ для $l < L$; выходной слой — softmax:"
              "\n\n" r"$$a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}}$$" "\n\n"
              r"Функция стоимости $C = -\sum_k y_k \ln a^L_k$." "\n\nПравильная формула:\n\n"
              r"$$\frac{\partial a^L_j}{\partial z^L_k} = a^L_j(\delta_{jk} - a^L_k)$$" "\n\n{words}\n\n"
              r"$$\frac{\partial a^L_j}{\partial z^L_k} = a^L_k(\delta_{jk} - a^L_j)$$" "\n\nЭто неверно.\n")


def test_review39_swapping_the_indices_of_a_softmax_jacobian_is_not_a_weight_convention():
    for words in ("Студенты часто переставляют индексы:", "Here the indices are swapped:"):
        rows = _rows(SOFTMAX_RU.replace("{words}", words))
        assert not [t for t, v in rows.items() if v.status in ("ambiguous", "undecided")], words
        assert rows[r"\frac{\partial a^L_j}{\partial z^L_k} = a^L_j(\delta_{jk} - a^L_k)"].status == "holds"
        # the softmax Jacobian is symmetric, a_k(δ_jk − a_j) = a_j(δ_jk − a_k): TRUE, and the notes call it wrong
        # ("Это неверно.", read since review rv39 A1), so their statement is refuted
        swapped = rows[r"\frac{\partial a^L_j}{\partial z^L_k} = a^L_k(\delta_{jk} - a^L_j)"]
        assert swapped.status == "refuted" and swapped.reason.startswith("the notes call this formula wrong"), swapped
        assert rows[r"z^l = w^l a^{l-1} + b^l \quad l < L"].status == "holds"


def test_review39_swap_words_speak_of_weights_only_with_weights():
    from symbp.verify.partwords import changed
    assert not changed("Студенты часто переставляют индексы:\n\n$$a_j(\\delta_{jk} - a_k)$$\n\n")
    assert not changed("Students often swap the indices:\n\n$$\\frac{\\partial C}{\\partial w^l_{jk}} = a_j$$\n\n")
    assert not changed("Here the indices are swapped:\n\n$$a_j(\\delta_{jk} - a_k)$$\n\n")
    assert changed("From now on we swap the indices:\n\n$$\\frac{\\partial C}{\\partial w^l_{jk}} = a_j$$\n\n")
    assert changed("Но теперь индексы весов поменяем местами.") and changed("We swap the roles of j and k.")


def test_review39_students_swapping_weight_indices_is_a_slip_in_one_convention():
    # z^l = w^l a^{l-1} + b^l fixes w_{jk} from k to j: ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j, the swapped one is false
    good, bad = (r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",
                 r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k")
    rows = _rows("# Part A\n\n" + NET + _display(good) + "Students often swap the indices:\n\n"
                 + _display(bad, BP3))
    assert rows[good].status == "holds" and rows[bad].status == "refuted" and rows[BP3].status == "holds"


# B5: one-hot targets in everyday words. Softmax + C = −Σ_k y_k ln a^L_k gives δ^L_j = a^L_j Σ_k y_k − y_j, which is
# a^L_j − y_j when Σ_k y_k = 1 (one-hot): δ^L = a^L − y holds under the notes' one-hot y, is false for a general y.

SOFTMAX = (r"Hidden layers: $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ for $l < L$; the output layer is a "
           r"softmax, $a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}}$, with the cost $C = -\sum_k y_k \ln a^L_k$."
           "\n\n{words}\n\n" r"$$\delta^L = a^L - y$$" "\n")


def _output_error(words: str) -> str:
    return _rows(SOFTMAX.replace("{words}", words))[r"\delta^L = a^L - y"].status


def test_review39_one_hot_targets_in_everyday_words():
    for words in ("We use one-hot encoding for $y$.", "Вектор $y$ закодирован как one-hot.",
                  "Цель $y$ — вектор с одной единицей (one-hot).", "Wektor $y$ jest zakodowany one-hot.",
                  "Etykiety $y$ są w kodowaniu one-hot.", "The labels $y$ are encoded as one-hot vectors."):
        assert _output_error(words) == "holds", words


def test_review39_targets_denied_one_hot_in_everyday_words_are_not():
    for words in ("$y$ is not one-hot.", "We do not use one-hot encoding for $y$.",
                  "Here $y$ are soft labels, not one-hot.", "Etykiety $y$ nie są w kodowaniu one-hot.",
                  "Цель $y$ — вектор вероятностей (не one-hot).", "We use one-hot encoding for $t$.",
                  "If we used one-hot encoding for $y$, the formula would simplify."):
        assert _output_error(words) == "refuted", words


# C1: a heading's noun ("# Notes on matrices") is no shape of the name in the next paragraph. With x a row (1×2) and
# W 2×2, g = x W is a row of 2: g_1 = x_1 w_{11} + x_2 w_{21}, so ∂g_1/∂x_2 = w_{21} (not w_{12}), and
# h = tanh(g) gives ∂h_1/∂g_1 = 1 − h_1².

def test_review39_a_heading_about_matrices_declares_no_shape():
    body = ("Let $x$ be a row vector with two entries and $W$ a $2 \\times 2$ matrix.\n\n"
            + _display("g = x W", r"h = \tanh(g)", r"\frac{\partial g_1}{\partial x_2} = w_{21}",
                       r"\frac{\partial g_1}{\partial x_2} = w_{12}", r"\frac{\partial h_1}{\partial g_1} = 1 - h_1^2"))
    for heading in ("# Notes on matrices", "# Square matrices", "# Graph and matrices"):
        report = verify_text(f"{heading}\n\n{body}")
        rows = {row.formula.text: row.result.status for row in report.rows}
        assert rows[r"\frac{\partial g_1}{\partial x_2} = w_{21}"] == "holds", heading
        assert rows[r"\frac{\partial g_1}{\partial x_2} = w_{12}"] == "refuted", heading
        assert rows[r"\frac{\partial h_1}{\partial g_1} = 1 - h_1^2"] == "holds", heading


def test_review39_a_noun_before_a_name_on_the_next_line_still_names_it():
    from symbp.verify.graphprose import hints_and_prose
    hints, _ = hints_and_prose("Here we multiply by the weight matrix\n$W$ from the right.")
    assert (1, "W", "matrix", ()) in hints
    hints, _ = hints_and_prose("# Notes on matrices\n\nLet $x$ be a row vector.")
    assert not [h for h in hints if h[1] == "x" and h[2] == "matrix"]


# A4/B6/C2: a formula in a question is asked, not stated: prose with the reason, not judged, not a definition.
# The notes' own σ (sigmoid) stays in force: σ'(z) = σ(z)(1 − σ(z)) holds for the sigmoid and is false for tanh.

SIGMOID = (r"Network: $z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$, $\sigma(z) = \frac{1}{1+e^{-z}}$, "
           r"$C = \frac{1}{2}\|a^L - y\|^2$." "\n\n{words}\n\n" r"$$\sigma'(z) = \sigma(z)(1 - \sigma(z))$$" "\n\n"
           r"$$\delta^L = (a^L - y) \odot \sigma'(z^L)$$" "\n")


def test_review39_a_formula_in_a_question_is_not_stated():
    for words, asked in (("Exercise: what changes with $\\sigma(z) = \\tanh(z)$?", r"\sigma(z) = \tanh(z)"),
                         ("Exercise: what changes with $z^l = w^l a^{l-1}$?", r"z^l = w^l a^{l-1}"),
                         ("Cvičení: co se změní pro $C = \\|a^L - y\\|^2$?", r"C = \|a^L - y\|^2"),
                         ("Упражнение: что изменится, если $\\sigma(z) = \\tanh(z)$", r"\sigma(z) = \tanh(z)"),
                         ("Ćwiczenie: co się zmieni dla $\\sigma(z) = z$.", r"\sigma(z) = z")):
        report = verify_text(SIGMOID.replace("{words}", words))
        rows = {row.formula.text: row.result.status for row in report.rows}
        assert asked not in rows, words
        skipped = [f for f in report.skipped if f.text == asked]
        assert skipped and skipped[0].kind == "prose" and "question" in skipped[0].reason, words
        assert rows[r"\sigma'(z) = \sigma(z)(1 - \sigma(z))"] == "holds", words  # the sigmoid's, still in force
        assert rows[r"\delta^L = (a^L - y) \odot \sigma'(z^L)"] == "holds", words  # BP1, quadratic cost


def test_review39_a_question_then_its_answer_is_read():
    # "What is σ'? ⏎⏎ $$σ'(z) = σ(z)(1 + σ(z))$$": the display answers the question and is a claim of the notes (false)
    text = SIGMOID.replace("{words}", "What is the derivative of the sigmoid?").replace(
        r"$$\sigma'(z) = \sigma(z)(1 - \sigma(z))$$", r"$$\sigma'(z) = \sigma(z)(1 + \sigma(z))$$")
    rows = _rows(text)
    assert rows[r"\sigma'(z) = \sigma(z)(1 + \sigma(z))"].status == "refuted"


def test_review39_an_exercise_question_in_graph_notes_defines_nothing():
    # g = x W + b (x 1×2, W 2×3), h = tanh(g): ∂h_1/∂g_1 = 1 − h_1² holds; h = σ(g) in the question is no redefinition
    text = ("# Graph\n\nLet $x$ be a row vector with two entries and $W$ a $2 \\times 3$ matrix.\n\n"
            + _display("g = x W + b", r"h = \tanh(g)") + "Exercise: what changes with $h = \\sigma(g)$?\n\n"
            + _display(r"\frac{\partial h_1}{\partial g_1} = 1 - h_1^2", r"\frac{\partial h_1}{\partial g_1} = 1 - h_1"))
    rows = _rows(text)
    assert rows[r"\frac{\partial h_1}{\partial g_1} = 1 - h_1^2"].status == "holds"
    assert rows[r"\frac{\partial h_1}{\partial g_1} = 1 - h_1"].status == "refuted"


def test_review39_words_of_change_in_a_statement_are_no_question():
    # "What changes is that …" states the formula: z^l = w^l a^{l-1} without the bias is false beside the notes'
    # z^l = w^l a^{l-1} + b^l (b ≠ 0), and stays a refuted row; a statement in an exercise part is judged too
    rows = _rows(SIGMOID.replace("{words}", "What changes is that $z^l = w^l a^{l-1}$ here."))
    assert rows[r"z^l = w^l a^{l-1}"].status == "refuted"
    rows = _rows(SIGMOID.replace("{words}", "## Exercises\n\nShow that\n\n$$\\sigma'(z) = \\sigma(z)(1 + \\sigma(z))$$"))
    assert rows[r"\sigma'(z) = \sigma(z)(1 + \sigma(z))"].status == "refuted"
