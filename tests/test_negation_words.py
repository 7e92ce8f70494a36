"""The notes' own words that deny a formula, with words between their parts (negation.py, review 17).

"A common mistake for beginners is to write $$X$$", "A frequent error in exams is $$X$$", "Students often wrongly
write $$X$$" and their Czech, Russian and Polish kin call X false: the row is the verdict on "X is false". Words
that look alike but state X ("A common way to write it is $$X$$", "It is not hard to see that $$X$$", "This is not
a common mistake: $$X$$") leave X the notes' claim. The danger is a false X that the notes state read as denied:
it would hold. So each phrase is checked with a false X (the denial holds, the statement refuted) and a true X.

The truth of the two formulas is decided by hand and by finite differences (``negation_cases.fd_delta_output``): with the
quadratic cost C = ½‖a^L − y‖², δ^L = ∂C/∂z^L = (a^L − y) ⊙ σ'(z^L) (BP1, true); 2(a^L − y) ⊙ σ'(z^L) is twice
that (false wherever a^L ≠ y).
"""

from __future__ import annotations

import pytest

from symbp.verify import verify_notes
from symbp.verify.negation import negation

from negation_cases import CALLED as _CALLED
from negation_cases import FALSE as _FALSE
from negation_cases import HEAD as _HEAD
from negation_cases import TRUE as _TRUE
from negation_cases import fd_delta_output

_NO_T = r"\delta^l = w^{l+1} \delta^{l+1} \odot \sigma'(z^l)"  # no transpose: ill-shaped on [2, 3, 2]


def test_the_oracle_decides_the_two_formulas():
    assert fd_delta_output(1.0, seed=7) and not fd_delta_output(2.0, seed=7)


def _rows(tmp_path, body: str) -> dict:
    path = tmp_path / "notes.md"
    path.write_text(_HEAD + body)
    return {r.formula.text: r.result for r in verify_notes(path).rows if r.formula.line > 3}


# Words between the parts of a phrase that calls the formula a mistake: who makes it, where; "wrongly write".
_DENYING = [
    "A common mistake for beginners is to write", "A frequent error in exams is", "Students often wrongly write",
    "A common mistake that students make is to write", "The most common mistake here is to write",
    "One might mistakenly claim that", "It is, however, not true that",
    "Častou chybou začátečníků je psát", "Častá chyba studentů:", "Studenti často chybně píší",
    "Частая ошибка новичков — писать", "Частой ошибкой студентов является", "Студенты часто ошибочно пишут",
    "Częstym błędem początkujących jest pisanie", "Częsty błąd studentów to", "Studenci często błędnie piszą"]


# Words that deny a formula's generality, not the formula (review 22 R3): "It is not true in general that
# $$δ^L = a^L − y$$" is right where it holds only for the sigmoid and the cross-entropy. Which setting they mean is
# not said, so the row is never judged (never holds, never refuted).
@pytest.mark.parametrize("words", ["It is not always true that", "It is not true in general that",
                                   "Не всегда верно, что", "Nie zawsze jest prawdą, że"])
def test_a_denial_of_generality_is_not_judged(tmp_path, words):
    rows = _rows(tmp_path, f"{words}\n$${_FALSE}$$\n\n{words}\n$${_TRUE}$$\n")
    assert rows[_FALSE].status == rows[_TRUE].status == "uninterpretable", rows


@pytest.mark.parametrize("words", _DENYING)
def test_words_between_the_parts_deny_the_formula(tmp_path, words):
    rows = _rows(tmp_path, f"{words}\n$${_FALSE}$$\n\n{words}\n$${_TRUE}$$\n")
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


# Sentences that look alike but state the formula: it is judged as written (the false one refuted, never holds).
_STATING = [
    "A common way to write it is", "It is not hard to see that", "It is not only true that",
    "This is not a common mistake:", "It is not a common mistake for beginners to write",
    "The usual error here is", "The usual error is", "The most common error is", "A typical error term is", "A common error signal for beginners is",
    "Nobody would wrongly write", "Students often write", "Students often correctly write",
    "A common mistake is to forget that", "It is not true that this is hard:",
    "Častou volbou začátečníků je psát", "Není častou chybou začátečníků psát", "To není častá chyba studentů:",
    "Это не частая ошибка новичков:", "Частый выбор новичков — писать", "Ошибка новичков здесь",
    "To nie jest częsty błąd początkujących:", "Częstym wyborem początkujących jest pisanie"]


@pytest.mark.parametrize("words", _STATING)
def test_look_alike_words_state_the_formula(tmp_path, words):
    rows = _rows(tmp_path, f"{words}\n$${_FALSE}$$\n\n{words}\n$${_TRUE}$$\n")
    assert rows[_FALSE].status == "refuted", rows[_FALSE]
    assert rows[_TRUE].status == "holds", rows[_TRUE]
    assert not any(r.reason.startswith(_CALLED) for r in rows.values())


# "A common mistake in the output layer is to write $$X$$": a condition, not who makes it, so ``negation`` does not read
# the words (X is not taken as denied). They still call X a mistake: the notes' claim is "X is wrong", so the true X must
# not hold (it did, judged as written, until the ``vocabulary`` catch-all) and the false X must not be refuted. Neither
# is judged; the reason names the words (by hand: the notes deny BP1, a false statement, and 2·BP1, a true one).
def test_a_mistake_under_a_condition_is_not_judged(tmp_path):
    words = "A common mistake in the output layer is to write"
    rows = _rows(tmp_path, f"{words}\n$${_FALSE}$$\n\n{words}\n$${_TRUE}$$\n")
    for f in (_FALSE, _TRUE):
        assert rows[f].status == "uninterpretable" and "a verdict on a formula" in rows[f].reason, rows[f]


# A belief or a question reported in the clause before ("Students often think that $$X$$ is wrong", "We ask whether"),
# or a negation before words after the formula ("We cannot say that $$X$$ is false"), is not the notes' denial:
# judged as written. Before, "Students think that $$X$$ is wrong. It is right." made a false X hold.
@pytest.mark.parametrize("words", [
    "Students often think that $${f}$$ is wrong.", "Students often think it is not true that $${f}$$.",
    "We cannot say that $${f}$$ is false.", "We ask whether $${f}$$ is false.",
    "One might suspect that $${f}$$ does not hold.", "Студенты часто думают, что $${f}$$ неверно.",
    "Studenci często myślą, że $${f}$$ jest błędne."])
def test_a_reported_belief_is_not_the_notes_denial(tmp_path, words):
    rows = _rows(tmp_path, words.format(f=_FALSE) + " It is right.\n\n" + words.format(f=_TRUE) + " It is right.\n")
    assert rows[_FALSE].status == "refuted" and not rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "holds", rows[_TRUE]


def test_an_adverb_is_the_notes_own_word_in_a_belief(tmp_path):
    rows = _rows(tmp_path, f"One might mistakenly claim that $${_FALSE}$$.\n\nStudenci mogą błędnie pisać $${_TRUE}$$.\n")
    assert rows[_FALSE].status == "holds" and rows[_TRUE].status == "refuted", rows


# "… is wrong too" after another formula of the sentence the notes call false: a list of mistakes, each denied by its
# own words (review 17). Any other formula in the sentence may be a condition, so the words are not read there.
@pytest.mark.parametrize("body", [
    "It is not true that $${t}$$, and $${f}$$ is wrong too.\n",
    "$${t}$$ is wrong, and $${f}$$ is wrong too.\n",
    "$${f}$$ is wrong, and $${t}$$ does not hold either.\n",
    "It is not true that $${t}$$, and it is not true that $${f}$$.\n",
    "Similarly, $${t}$$ is wrong, and $${f}$$ is also wrong.\n"])
def test_a_list_of_formulas_called_false(tmp_path, body):
    rows = _rows(tmp_path, body.format(t=_NO_T, f=_FALSE))
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_NO_T].status == "holds" and "missing transpose" in rows[_NO_T].reason, rows[_NO_T]


@pytest.mark.parametrize("body, verdicts", [
    # another formula in the sentence may be a condition: a denial under it is not read, never holds (review 18 F7)
    ("$${t}$$ holds, and $${f}$$ is wrong too.\n", {"t": "holds", "f": "uninterpretable"}),
    ("$${f}$$ is wrong, and $${t}$$ is wrong when $L = 2$.\n", {"t": "uninterpretable", "f": "uninterpretable"}),
    ("It is not true that $${f}$$ does not hold, and $${t}$$ is wrong too.\n", {"t": "holds", "f": "refuted"}),
    ("$${t}$$ and $${f}$$.\n", {"t": "holds", "f": "refuted"})])
def test_a_sentence_with_a_formula_not_called_false_is_no_list(tmp_path, body, verdicts):
    rows = _rows(tmp_path, body.format(t=_TRUE, f=_FALSE))
    assert {k: rows[v].status for k, v in (("t", _TRUE), ("f", _FALSE))} == verdicts, rows


# The qualified negation of review 15, now after another formula: "For $j \neq k$, $$∂z_j/∂b_k = 0$$ is wrong too"
# is false prose (for j ≠ k the derivative is 0), and the formula as written is false at j = k: turned round it would
# hold. It is uninterpretable, naming the denial and the condition (review 18 F7; before, judged as written).
def test_a_condition_before_is_wrong_too_is_not_read(tmp_path):
    f = r"\frac{\partial z^l_j}{\partial b^l_k} = 0"
    for body in (f"For $j \\neq k$, $${f}$$ is wrong too.\n", f"$${_FALSE}$$ is wrong and, for $j \\neq k$, $${f}$$ "
                 "is wrong too.\n"):
        rows = _rows(tmp_path, body)
        assert rows[f].status == "uninterpretable" and "under words symbp does not read" in rows[f].reason, rows[f]


# Two formulas joined by words, "$X$ is not equal to $Y$", and a display stating ≠: not read as the denial of
# X = Y. "δ^L_j ≠ 0" claims the two sides differ at every point (false: δ^L_j = 0 where a^L_j = y_j), while the
# denial of δ^L_j = 0 only says they are not the same: turned round, it would hold. Prose and unreadable, as before.
def test_not_equal_between_two_formulas_is_not_a_denial(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(_HEAD + "$\\frac{\\partial C}{\\partial b^L}$ is not equal to $2\\delta^L$.\n\n"
                    "$$\\delta^L_j \\neq 0$$\n")
    report = verify_notes(path)
    rows = {r.formula.text: r.result for r in report.rows if r.formula.line > 3}
    assert rows == {"\\delta^L_j \\neq 0": rows["\\delta^L_j \\neq 0"]}
    assert rows["\\delta^L_j \\neq 0"].status == "unreadable" and "not checked" in rows["\\delta^L_j \\neq 0"].reason
    prose = {f.text for f in report.skipped if f.line == 5}
    assert prose == {"\\frac{\\partial C}{\\partial b^L}", "2\\delta^L"}, prose


# Update rules: a quoted wrong update ("the update" between the words and the formula) is denied; by hand
# w ← w + η ∂C/∂w steps uphill (false), b ← b − η δ is gradient descent (∂C/∂b^l = δ^l, true).
def test_a_quoted_wrong_update(tmp_path):
    wrong, right = r"w^l \to w^l + \eta \frac{\partial C}{\partial w^l}", r"b^l \to b^l - \eta \delta^l"
    path = tmp_path / "notes.md"
    path.write_text(_HEAD + f"A common mistake for beginners is to write the update $${wrong}.$$\n\n"
                    f"Students often wrongly write $${right}.$$\n\nA common way to write the update is $${wrong}.$$\n")
    rows = [(r.formula.line, r.formula.text, r.result.status, r.result.reason.startswith(_CALLED))
            for r in verify_notes(path).rows if r.formula.line > 3]
    assert sorted(rows) == [(5, wrong, "holds", True), (7, right, "refuted", True), (9, wrong, "refuted", False)], rows


# Graph notes: a tie the notes call an assumption beginners wrongly make is not assumed (prose); a definition they
# call a mistake is no part of the model. By hand with g = W x: ∂g_1/∂x_2 = w_{12} (w_{21} is false for general W).
_GRAPH = ("# Column-form graph\n\nLet $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \\times 2$ matrix.\n"
          "$$g = W x$$\n$$h = \\sigma(g)$$\n$$L = L(h_1, h_2)$$\n\n{prose}\n\n"
          "$$\\frac{{\\partial g_1}}{{\\partial x_2}} = {v}$$\n")


@pytest.mark.parametrize("prose", ["A common mistake for beginners is to assume that $w_{12} = w_{21}$.",
                                   "Students often wrongly assume $w_{12} = w_{21}$.",
                                   "Studenci często błędnie zakładają, że $w_{12} = w_{21}$.",
                                   "Students wrongly assume that $W$ is symmetric, $w_{12} = w_{21}$."])
@pytest.mark.parametrize("v, truth", [("w_{21}", "refuted"), ("w_{12}", "holds")])
def test_graph_a_tie_wrongly_assumed_is_prose(tmp_path, prose, v, truth):
    path = tmp_path / "notes.md"
    path.write_text(_GRAPH.format(prose=prose, v=v))
    report = verify_notes(path)
    (row,) = report.rows
    assert row.result.status == truth, (row.result.status, row.result.reason)
    (tie,) = [f for f in report.skipped if "w_{12} = w_{21}" in f.text]
    assert tie.kind == "prose" and "do not assume" in tie.reason, (tie.kind, tie.reason)


def test_graph_a_definition_called_a_mistake_is_not_the_model(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(_GRAPH.format(prose="A common mistake for beginners is to write $g = W^T x$.", v="w_{12}"))
    rows = {r.formula.text: r.result for r in verify_notes(path).rows}
    assert rows["g = W^T x"].status == "holds" and rows["g = W^T x"].reason.startswith(_CALLED), rows["g = W^T x"]
    assert rows[r"\frac{\partial g_1}{\partial x_2} = w_{12}"].status == "holds"


# One output neuron: words that call the assumption a mistake fix nothing ("A common mistake for beginners is to
# assume a single output neuron"); a later (a^L − y)σ'(z^L), a product of two vectors with several outputs, is
# refuted as a claim about every network (before, the sentence fixed n_L = 1 and it was conditional).
@pytest.mark.parametrize("words, truth", [
    ("A common mistake for beginners is to assume a single output neuron.", "refuted"),
    ("Students often wrongly assume one output neuron.", "refuted"),
    ("Частая ошибка новичков — считать, что у сети один выходной нейрон.", "refuted"),
    ("The network has a single output neuron.", "conditional")])
def test_a_single_output_called_a_mistake_fixes_nothing(tmp_path, words, truth):
    claim = r"\delta^L = (a^L - y)\sigma'(z^L)"
    rows = _rows(tmp_path, f"{words}\n\nThen $${claim}.$$\n")
    assert rows[claim].status == truth, rows[claim]


def test_the_words_read():
    said = negation("A common mistake for beginners is to write\n$$a = b$$\n", 2, "a = b")
    assert (said.kind, said.words) == ("false", "common mistake for beginners is to write")
    said = negation("Students often wrongly assume $a = b$.", 1, "a = b")
    assert (said.kind, said.words) == ("not assumed", "wrongly assume")


def test_graph_display_words_that_call_an_assumption_a_mistake():
    from symbp.verify.graphexamples import display_words
    src = r"\frac{\partial g_1}{\partial x_2} = 0 \quad \text{%s} w_{21} = 0"
    assert display_words(src % "where students wrongly assume ", "w_{21} = 0") == "negated"
    assert display_words(src % "where we assume ", "w_{21} = 0") == "assumption"


# Review 19 F8: a denial of something said *about* the formula ("It is not true that $$X$$ is restricted to …", "Do
# not write $$X$$ with …"), "… is wrong:" whose subject is something else ("Slide 12 is wrong:" before the notes'
# correction), or a denial asked as a question ("$$X$$ is false? No.") is not a plain denial of X. Before, X was taken as denied and a false X held. Now the row is
# uninterpretable, naming the words; the false X never holds, the true one is never refuted.
@pytest.mark.parametrize("layout", [
    "It is not true that $${f}$$ is restricted to the output layer; it holds in every layer.\n\n",
    "It is false that $${f}$$ needs a proof by induction.\n\n",
    "Slide 12 is wrong:\n$${f}$$\n\n", "The printed version of this step is wrong:\n$${f}$$\n\n",
    "Erratum. The printed formula was wrong:\n$${f}$$\n\n", "Nothing is wrong:\n$${f}$$\n\n",
    "We checked the derivation and it is correct, nothing false:\n$${f}$$\n\n",
    "None of this is a mistake:\n$${f}$$\n\n",
    "Do not write $${f}$$ with the layer index dropped.\n\n",
    "Never write $${f}$$ in matrix form without the transpose.\n\n",
    # a question is not the notes' denial: the answer after it may be either (review 19, na3, na5)
    "We have\n$${f}$$\nis false? No.\n\n", "We have\n$${f}$$\nis not true? It is.\n\n"])
def test_a_denial_of_something_said_about_the_formula_is_not_read(tmp_path, layout):
    rows = _rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE))
    for f in (_FALSE, _TRUE):
        assert rows[f].status == "uninterpretable" and "under words symbp does not read" in rows[f].reason, rows[f]


# The plain forms stay denials: the colon alone or after "The following formula is", and words after the formula
# that are only "in general", "too" or punctuation.
@pytest.mark.parametrize("layout", [
    "Wrong:\n$${f}$$\n\n", "The following formula is wrong:\n$${f}$$\n\n", "Do not write $${f}$$.\n\n",
    "It is not true that $${f}$$ in general.\n\n", "Never write\n\\[ {f} \\]\n\n"])
def test_a_plain_denial_before_the_formula_stays_read(tmp_path, layout):
    rows = _rows(tmp_path, layout.format(f=_FALSE) + layout.format(f=_TRUE))
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


# Review 22 F13: a denial as a sentence of its own right after the display ("This is incorrect.", "(wrong!)",
# "This formula does not hold.") or before it ("Beware: the following is wrong."). By the oracle above, a true
# formula so called wrong makes the notes' statement false (refuted), a false one true (holds).
@pytest.mark.parametrize("before, after", [
    ("", "This is incorrect."), ("", "(wrong!)"), ("", "This formula does not hold."),
    ("Beware: the following is wrong.\n", ""),
])
def test_a_denial_in_a_sentence_of_its_own_beside_the_display(tmp_path, before, after):
    assert fd_delta_output(1.0, seed=7) and not fd_delta_output(2.0, seed=7)
    for formula, truth in ((_TRUE, "refuted"), (_FALSE, "holds")):
        rows = _rows(tmp_path, f"{before}$${formula}$$\n{after}\n")
        assert rows[formula].status == truth and rows[formula].reason.startswith(_CALLED), rows[formula]


@pytest.mark.parametrize("words", ["does not even type-check.", "doesn't type-check.", "is ill-formed.",
                                   "is not even well-defined.", "does not make sense."])
def test_words_saying_a_formula_cannot_be_formed_deny_it(tmp_path, words):
    # Review 23 (b06): "Careful: writing … $$X$$ does not even type-check." calls X wrong; it was judged as written, so
    # notes that flag a slip correctly exited 1. X without its transpose cannot be formed (by hand: w^{l+1} is
    # n_{l+1} × n_l and δ^{l+1} has n_{l+1} entries, a product that fits only when n_l = n_{l+1}); the true BP1 so
    # called must be refuted.
    rows = _rows(tmp_path, f"Careful: writing\n$${_NO_T}$$\n{words}\n\nAlso\n$${_TRUE}$$\n{words}\n")
    assert rows[_NO_T].status == "holds" and _CALLED in rows[_NO_T].reason, rows[_NO_T]
    assert rows[_TRUE].status == "refuted" and _CALLED in rows[_TRUE].reason, rows[_TRUE]


# Words without a colon that call the next display wrong (review 31 leftover), and "Wrong:" on a line of its own
# right after another display (the display before it is its own sentence, not a condition of the denial).
@pytest.mark.parametrize("words", ["Špatně je", "Chybně je psát", "Źle jest napisać", "Błędnie jest"])
def test_a_verb_after_the_word_wrong_still_denies(tmp_path, words):
    rows = _rows(tmp_path, f"{words}\n$${_FALSE}$$\n\n{words}\n$${_TRUE}$$\n")
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


@pytest.mark.parametrize("wrong, right", [("Wrong:", "Right:"), ("Špatně je", "Správně je"),
                                          ("Źle jest", "Poprawnie jest")])
def test_a_denial_on_its_own_line_after_a_display(tmp_path, wrong, right):
    rows = _rows(tmp_path, f"Then\n$${_TRUE}.$$\n{wrong}\n$${_FALSE}.$$\n{right}\n$$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L).$$\n")
    rows = {k.rstrip("."): v for k, v in rows.items()}
    assert rows[_TRUE].status == "holds", rows
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows
    assert rows[r"\delta^L = \nabla_a C \odot \sigma'(z^L)"].status == "holds", rows


def test_the_words_on_their_own_line_must_start_a_sentence(tmp_path):
    # lower case: the sentence of the earlier display goes on, so the words are not read as a sentence of their own
    rows = _rows(tmp_path, f"Then for $l < L$\n$${_TRUE},$$\nwrong:\n$${_FALSE}$$\n")
    assert rows[_FALSE].status != "holds", rows


# Review rv39, A1/B2: Russian, Polish and Czech sentences that call the display before them (or after them, ending in a
# colon) wrong were not read, so a TRUE formula the notes deny held. Each is read now, on the next line or after a
# blank line as a paragraph of its own.
@pytest.mark.parametrize("words", ["Это неверно.", "Эта формула неверна.", "To nie jest prawda.", "Ten wzór jest błędny.",
                                   "To je špatně.", "Tento vzorec neplatí.", "This is incorrect.", "Tak nie jest.",
                                   "Так нельзя.", "This is a common mistake."])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_sentence_of_its_own_after_the_display_denies_it(tmp_path, words, gap):
    rows = _rows(tmp_path, f"$${_FALSE}$${gap}{words}\n\nNext.\n\n$${_TRUE}$${gap}{words}\n")
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


@pytest.mark.parametrize("words", ["This formula is wrong:", "Ten wzór jest błędny:", "Эта формула неверна:",
                                   "Tento vzorec je chybný:"])
def test_a_formula_called_wrong_before_a_colon(tmp_path, words):
    rows = _rows(tmp_path, f"{words}\n$${_FALSE}$$\n\n{words}\n$${_TRUE}$$\n")
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


# A paragraph after a blank line that says more than the denial (a condition, another subject) denies the display
# under words symbp does not read: neither formula is judged. Review guard5: this test pinned the false one refuted and
# the TRUE one (BP1, δ^L) "holds", though the notes call BP1 incorrect for the output layer, the very layer δ^L is
# about: "holds" hid that the notes contradict it. Whether the notes' words are right there is not read, so both are
# left unjudged with the reason, never "holds" (and the false one not "refuted" as if the notes claimed it).
@pytest.mark.parametrize("words", ["This is incorrect for the output layer.", "This is incorrect, as shown below.",
                                   "Это неверно для скрытых слоёв."])
def test_a_longer_paragraph_after_a_blank_line_is_not_judged(tmp_path, words):
    rows = _rows(tmp_path, f"$${_FALSE}$$\n\n{words}\n\n$${_TRUE}$$\n\n{words}\n")
    assert rows[_FALSE].status == rows[_TRUE].status == "uninterpretable", rows
    assert all(r.reason.startswith(_CALLED) and "not read" in r.reason for r in rows.values()), rows


def test_a_dash_then_a_common_mistake_denies_the_display(tmp_path):
    rows = _rows(tmp_path, f"$${_FALSE}$$ — this is a common mistake.\n\n$${_TRUE}$$ — this is a common mistake.\n")
    assert rows[_FALSE].status == "holds" and rows[_TRUE].status == "refuted", rows


# Review rv40 A2: "is not always true" after the formula denies its generality, not the formula: never judged.
@pytest.mark.parametrize("words", ["is not always true.", "does not always hold.", "не всегда верно.",
                                   "nie zawsze zachodzi.", "need not hold.", "can fail.", "holds only sometimes.",
                                   "is only occasionally true.", "nie zawsze jest prawdziwa."])  # rv41 A10
def test_not_always_after_the_formula_is_not_judged(tmp_path, words):
    rows = _rows(tmp_path, f"The identity $${_TRUE}$$ {words}\n\nThe identity $${_FALSE}$$ {words}\n")
    assert rows[_TRUE].status == rows[_FALSE].status == "uninterpretable", rows


# Review rv40 B6: an inline formula that ends its sentence, then a sentence that only calls it wrong (on the same
# line, the next, or after a blank line): the notes deny it.
@pytest.mark.parametrize("gap", [" ", "\n", "\n\n"])
@pytest.mark.parametrize("words", ["This is incorrect.", "Это неверно.", "To nie jest prawda."])
def test_a_sentence_after_an_inline_formula_denies_it(tmp_path, gap, words):
    rows = _rows(tmp_path, f"We could write ${_FALSE}$.{gap}{words}\n\nOne might write ${_TRUE}$.{gap}{words}\n")
    assert rows[_FALSE].status == "holds" and rows[_FALSE].reason.startswith(_CALLED), rows[_FALSE]
    assert rows[_TRUE].status == "refuted" and rows[_TRUE].reason.startswith(_CALLED), rows[_TRUE]


def test_a_sentence_with_two_inline_formulas_is_not_denied_by_the_next(tmp_path):
    rows = _rows(tmp_path, f"Compare $a^L = \\sigma(z^L)$ with ${_TRUE}$. This is incorrect.\n")
    assert rows[_TRUE].status == "holds", rows[_TRUE]
