"""Words around a display that the negation reader must not miss (review 18: F3, F6, F7, F8).

F3: a sentence cut by a blank line before its display ("It is not true that⏎⏎$$X$$") or after it ("The formula⏎⏎
$$X$$⏎⏎is wrong."); F6: everyday phrasings ("isn't true", "It is untrue that", "Wrong!", "To je chyba:"); F7: a
denial under a condition symbp does not read (uninterpretable, never holds); F8: words after a display that go on its
sentence and change the claim ("$$X$$ multiplied by two.": uninterpretable).

Truth by hand and by finite differences (``negation_cases.fd_delta_output``): with C = ½‖a^L − y‖², δ^L = (a^L − y) ⊙ σ'(z^L) is
true (BP1), twice that is false. A denial of the false X holds, a denial of the true one is refuted; words that state
X leave the false X refuted and the true one holding.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify_notes

from negation_cases import CALLED as _CALLED
from negation_cases import FALSE as _FALSE
from negation_cases import HEAD as _HEAD
from negation_cases import TRUE as _TRUE
from negation_cases import fd_delta_output


def test_the_oracle_decides_the_two_layout_formulas():
    assert fd_delta_output(1.0, seed=11) and not fd_delta_output(2.0, seed=11)


def _rows(tmp_path, body: str, name: str = "notes.md") -> dict:
    path = tmp_path / name
    path.write_text(_HEAD + body)
    return {r.formula.text: r.result for r in verify_notes(path).rows if r.formula.line > 3}


def _denied(rows):
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


def _stated(rows):
    assert rows[_FALSE].status == "refuted" and _CALLED not in rows[_FALSE].reason, rows[_FALSE]
    assert rows[_TRUE].status == "holds", rows[_TRUE]


# F3: the words before a blank line that cannot end there go on into the display; words in lower case after the
# display and a blank line go on its sentence.
@pytest.mark.parametrize("layout", [
    "It is not true that\n\n$${f}$$\n\n", "A common mistake is to write\n\n$${f}$$\n\n", "Wrong:\n\n$${f}$$\n\n",
    "Неверно, что\n\n$${f}$$\n\n", "The formula\n\n$${f}$$\n\nis wrong.\n\n",
    "Students often believe that\n\n$${f},$$\n\nbut this is false.\n\n",
    "It is not true that\n\\[ {f} \\]\n\n"])
def test_a_denial_across_a_blank_line(tmp_path, layout):
    _denied(_rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE)))


def test_a_denial_across_a_blank_line_in_latex(tmp_path):
    body = "A common mistake is to write\n\n\\begin{{equation}}\n{f}\n\\end{{equation}}\n\n"
    _denied(_rows(tmp_path, body.format(f=_FALSE) + body.format(f=_TRUE), "notes.tex"))


# Look-alikes: the sentence ends before the blank line (a full stop, a heading), or the words after begin a new one.
@pytest.mark.parametrize("layout", [
    "It is not true that the cost is negative.\n\n$${f}$$\n\n",
    "$${f}$$\n\nIt is wrong to drop the factor here, so we keep it.\n\n",
    "Students often believe that\n\n$${f}$$\n\nand this is right.\n\n"])
def test_a_blank_line_after_a_finished_sentence_keeps_the_formula_stated(tmp_path, layout):
    _stated(_rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE)))


# A heading is no sentence that goes on into the display, but it is the title of what follows: "It is not true that"
# over a formula calls it false in a way the denial reader does not read (the sentence ended), so neither is judged
# (review rv50 A2, ``wrongmarks``; the true one held as the notes' claim before).
def test_a_heading_that_calls_what_follows_false_leaves_it_unjudged(tmp_path):
    layout = "## It is not true that\n\n$${f}$$\n\n"
    rows = _rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE))
    assert rows[_FALSE].status == rows[_TRUE].status == "uninterpretable", rows


# F3 in graph notes: "we assume that⏎⏎$$b = 0.$$" is an assumption. By hand, g = xW + b (x a row), h = tanh(g):
# ∂h_1/∂x_1 = (1 − tanh²(g_1)) w_{11}, with g_1 = x_1 w_{11} + x_2 w_{21} + b_1; with b = 0 the first claim holds
# under the assumption (conditional), the second (w_{21} for w_{11}) is false under it too.
def test_an_assumption_across_a_blank_line(tmp_path):
    path = tmp_path / "graph.md"
    path.write_text(
        "# Graph\n\nLet $x$ be a row vector of length 2, $W$ a $2 \\times 2$ matrix, $b$ a row of length 2, and $t$ "
        "the target.\n\n$$g = x W + b$$\n\n$$h = \\tanh(g)$$\n\n$$L = \\frac{1}{2}\\|h - t\\|^2$$\n\n"
        "Throughout this section we assume that\n\n$$b = 0.$$\n\n"
        "$$\\frac{\\partial h_1}{\\partial x_1} = (1 - \\tanh^2(x_1 w_{11} + x_2 w_{21})) w_{11}$$\n\n"
        "$$\\frac{\\partial h_1}{\\partial x_1} = (1 - \\tanh^2(x_1 w_{11} + x_2 w_{21})) w_{21}$$\n")
    rows = {r.formula.text[-6:]: r.result for r in verify_notes(path).rows}
    assert rows[") w_{11}"[-6:]].status == "conditional", rows
    assert rows[") w_{21}"[-6:]].status == "refuted", rows


# F6: everyday phrasings, before and after.
@pytest.mark.parametrize("layout", [
    "It isn't true that\n$${f}$$\n\n", "It isn\u2019t true that\n$${f}$$\n\n", "It is untrue that\n$${f}$$\n\n",
    "Wrong!\n$${f}$$\n\n", "Avoid the following error:\n$${f}$$\n\n", "To je chyba:\n$${f}$$\n\n",
    "To jest błąd:\n$${f}$$\n\n", "The formula\n$${f}$$\nisn't correct.\n\n", "The formula\n$${f}$$\nisn't true.\n\n",
    "The formula\n$${f}$$\nis untrue.\n\n", "We could write\n$${f},$$\nwhich is wrong.\n\n"])
def test_everyday_denials(tmp_path, layout):
    _denied(_rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE)))


# Their look-alikes state the formula: chyba, błąd, ошибка also name the error δ ("the error of the output layer").
@pytest.mark.parametrize("layout", [
    "It isn't hard to see that\n$${f}$$\n\n", "Not wrong!\n$${f}$$\n\n", "To je chyba výstupní vrstvy:\n$${f}$$\n\n",
    "Chyba:\n$${f}$$\n\n", "To jest błąd warstwy wyjściowej:\n$${f}$$\n\n", "Błąd:\n$${f}$$\n\n",
    "To není chyba:\n$${f}$$\n\n", "To nie jest błąd:\n$${f}$$\n\n", "Это ошибка выходного слоя:\n$${f}$$\n\n",
    "The formula\n$${f}$$\nisn't wrong.\n\n"])
def test_everyday_look_alikes_state_the_formula(tmp_path, layout):
    _stated(_rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE)))


# F7: a denial under a condition symbp does not read: uninterpretable, naming both, for the true and the false X.
@pytest.mark.parametrize("layout", [
    "It is not true that $${f}$$ for the hidden layers.\n\n", "For the hidden layers it is wrong that $${f}$$.\n\n",
    "The formula $${f}$$ is wrong for the output layer.\n\n", "It is not true that\n\n$${f}$$\n\nfor the hidden layers.\n\n",
    "Není pravda, že $${f}$$ pro skryté vrstvy.\n\n"])
def test_a_denial_under_an_unread_condition_is_uninterpretable(tmp_path, layout):
    rows = _rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE))
    for f in (_FALSE, _TRUE):
        assert rows[f].status == "uninterpretable" and "under words symbp does not read" in rows[f].reason, rows[f]


def test_a_condition_stated_without_a_denial_is_judged_as_written(tmp_path):
    _stated(_rows(tmp_path, "For the hidden layers we also have $${f}$$.\n\n".format(f=_FALSE)
                  + "For the hidden layers we also have $${f}$$.\n\n".format(f=_TRUE)))


# F8: words after a display that go on its sentence and change the claim: uninterpretable, never holds.
@pytest.mark.parametrize("tail", [
    "multiplied by two.", "transposed.", "up to the factor $2$.", "when the cost has no factor one half.",
    "times $2$.", "divided by $2$.", "squared.", "plus $b^L$.", "minus $y$.", "except in the last layer.",
    "krát dvě.", "умноженное на два.", "razy dwa.", "+ $$a^L$$"])
def test_words_that_go_on_after_a_display(tmp_path, tail):
    rows = _rows(tmp_path, f"The error is\n$${_FALSE}$$\n{tail}\n\nThe error is\n$${_TRUE}$$\n{tail}\n")
    for f in (_FALSE, _TRUE):
        assert rows[f].status == "uninterpretable" and "the sentence goes on after the display" in rows[f].reason, \
            rows[f]


@pytest.mark.parametrize("tail", ["where $y$ is the target.", ", which is BP1.", "for every output neuron.",
                                  ", and we are done.", "."])
def test_harmless_words_after_a_display_change_nothing(tmp_path, tail):
    _stated(_rows(tmp_path, f"The error is\n$${_FALSE}$$\n{tail}\n\nThe error is\n$${_TRUE}$$\n{tail}\n"))


def test_a_cost_whose_sentence_goes_on_is_not_the_model(tmp_path):
    """C = ½‖a − y‖² "divided by n" is another cost: BP1 in the ½ cost is not checked against it (never holds)."""
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nWe use $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the cost\n"
                    "$$C = \\frac{1}{2}\\|a^L - y\\|^2$$\ndivided by $n$.\n\n$$" + _TRUE + "$$\n")
    rows = {r.formula.text: r.result for r in verify_notes(path).rows}
    assert rows[_TRUE].status == "uninterpretable", rows[_TRUE]


# Review 19 F6 (its side effect): a capitalised sentence on the line after a display ("If we had assumed …") begins the
# next sentence; it no longer goes on the display's (the loss's definition was uninterpretable). After a denial it
# still goes on: "It is not true that⏎$$…$$⏎Unless …" may deny the formula only under the condition.
@pytest.mark.parametrize("tail", ["If we had assumed more, the formula would be simpler.", "When in doubt, check it."])
def test_a_capitalised_sentence_after_a_display_is_its_own(tmp_path, tail):
    assert fd_delta_output(1.0, seed=11) and not fd_delta_output(2.0, seed=11)
    _stated(_rows(tmp_path, f"The error is\n$${_FALSE}$$\n{tail}\n\nThe error is\n$${_TRUE}$$\n{tail}\n"))


def test_a_capitalised_condition_after_a_denied_display_still_goes_on(tmp_path):
    rows = _rows(tmp_path, f"It is not true that\n$${_FALSE}$$\nUnless $n_L = 1$.\n\nIt is not true that\n$${_TRUE}$$\n"
                           "Unless $n_L = 1$.\n")
    for f in (_FALSE, _TRUE):
        assert rows[f].status == "uninterpretable" and "the sentence goes on after the display" in rows[f].reason, \
            rows[f]
