r"""More ways notes show a wrong formula on purpose (issue 14): words that deny it, words that leave it unclear, a
formula joined to others by "neither … nor" or "exactly one of", and a notebook's code comment beside it.

Verdicts decided by hand: under the quadratic cost C = ½‖a^L − y‖² with a^L = σ(z^L) (the sigmoid; the notes here are
symbp's default model, σ generic, or, in the notebooks, define it in their first cell),
δ^L = ∂C/∂z^L = (a^L − y) ⊙ σ'(z^L) (BP1, TRUE) and δ^L = a^L − y is FALSE (σ' ≤ ¼ never equals 1); both checked by
central differences below, independently of symbp.

* A denial (A, D): the notes claim the formula is false. Their statement holds for the slip and is refuted for BP1
  (before, none of these words was read: the slip was refuted as the notes' own claim, BP1 held; "is erroneous",
  "is mistaken", "неверна" were left uninterpretable by the catch-all, "One cannot conclude that" was read as a
  denial).
* Unclear words (B), "neither … nor", "exactly one of" (C), a comment over code beside the cell (D): whether the
  notes state the formula, deny it, or say something else of it is not read, so neither formula is judged
  (uninterpretable, the words quoted).
* Controls: ordinary sentences with look-alike words keep the formula the notes' claim (BP1 holds, the slip is
  refuted).
"""

import json

import numpy as np
import pytest

from symbp.cli import main
from symbp.verify.notes import verify_text

from negation_cases import CALLED, HEAD, TRUE, fd_delta_output

SLIP = r"\delta^L = a^L - y"


def _slip_is_the_gradient(seed: int = 7) -> bool:
    # δ^L = a^L − y against ∂C/∂z^L by central differences (sigmoid, 3 outputs)
    rng = np.random.default_rng(seed)
    z, y = rng.normal(size=3), rng.uniform(size=3)

    def cost(t):
        return 0.5 * np.sum((1 / (1 + np.exp(-t)) - y) ** 2)

    h = 1e-6
    fd = np.array([(cost(z + h * e) - cost(z - h * e)) / (2 * h) for e in np.eye(3)])
    return bool(np.allclose(fd, 1 / (1 + np.exp(-z)) - y, rtol=1e-6, atol=1e-9))


def test_the_truth_of_bp1_and_of_the_slip_by_finite_differences():
    assert fd_delta_output(1.0) and not _slip_is_the_gradient()


def _row(text: str):
    # the δ row of notes that are only ``text``, under symbp's default model (z^l = w^l a^{l-1} + b^l, a^l = σ(z^l),
    # C = ½‖a^L − y‖²; σ generic: BP1 holds for every σ, the slip fails for the sigmoid, so in general)
    rows = [r for r in verify_text(text + "\n").rows if r.formula.text.startswith("\\delta")]
    assert len(rows) == 1, [r.formula.text for r in rows]
    return rows[0].result


def _both(sentence: str):
    return _row(sentence.replace("{f}", SLIP)), _row(sentence.replace("{f}", TRUE))


def _denied(sentence: str, quoted: str) -> None:
    slip, bp1 = _both(sentence)
    assert slip.status == "holds" and slip.reason.startswith(CALLED) and f"\u201c{quoted}\u201d" in slip.reason, slip
    assert bp1.status == "refuted" and f"\u201c{quoted}\u201d" in bp1.reason, bp1


def _unjudged(sentence: str, quoted: str) -> None:
    for result in _both(sentence):
        assert result.status == "uninterpretable", (sentence, result)
        assert f"\u201c{quoted}\u201d" in result.reason, result.reason


@pytest.mark.parametrize("words", [
    "Avoid writing", "Never claim that", "By no means", "We disprove", "We disprove the claim that",
    "Refuted:", "Fallacy:", "Myth:", "Omyl:", "Заблуждение:", "Mylne przekonanie:", "Je mylné se domnívat, že",
])
def test_a_denial_before_the_display_turns_the_verdict(words):
    _denied(f"{words}\n$${{f}}$$", words)


@pytest.mark.parametrize("label", ["**Myth:**", "**Wrong:**", "__Fallacy:__", "__Wrong:__"])
def test_a_bold_label_denies_the_display_after_it(label):
    # "**Wrong:**" was left uninterpretable ("**" read as another subject), "__Wrong:__" judged as stated
    _denied(f"{label} $${{f}}$$", label.strip("*_"))


@pytest.mark.parametrize("words", [
    "is a fallacy", "cannot hold", "is violated", "is not what one gets", "is erroneous", "is mistaken",
    "je omyl", "является ошибкой", "jest błędem", "неверна",
])
def test_a_denial_after_the_display_turns_the_verdict(words):
    _denied(f"$${{f}}$$ {words}.", words)


@pytest.mark.parametrize("heading", ["### Myth:", "### Refuted", "### Fallacy:", "### Omyl:", "### Заблуждение:",
                                     "### Mylne przekonanie:"])
def test_a_heading_of_myths_leaves_the_display_under_it_unjudged(heading):
    # a section: what of it the notes deny (this formula, or something said of it) is not read
    for result in _both(f"{heading}\n\n$${{f}}$$"):
        assert result.status == "uninterpretable" and "heading" in result.reason, result


@pytest.mark.parametrize("sentence, quoted", [
    ("One cannot conclude that $${f}$$", "One cannot conclude"),
    ("It does not follow that $${f}$$", "It does not follow"),
    ("There is no reason to believe that $${f}$$", "There is no reason to believe"),
    ("A common trap: $${f}$$", "A common trap"),
    ("$${f}$$ is a common trap.", "is a common trap"),
    ("$${f}$$ je bez sensu.", "je bez sensu"),
    ("$${f}$$ nemá smysl.", "nemá smysl"),
    ("Z toho nevyplývá, že $${f}$$", "Z toho nevyplývá"),
    ("Отсюда не следует, что $${f}$$", "Отсюда не следует"),
    ("$${f}$$ не имеет смысла.", "не имеет смысла"),
    ("Nie wynika z tego, że $${f}$$", "Nie wynika z tego"),
    ("$${f}$$ nie ma sensu.", "nie ma sensu"),
])
def test_unclear_words_leave_the_formula_unjudged(sentence, quoted):
    _unjudged(sentence, quoted)


@pytest.mark.parametrize("sentence, quoted", [
    ("Neither ${f}$ nor $b^L = 0$ holds.", "Neither … nor"),
    ("Neither $b^L = 0$ nor ${f}$ holds.", "Neither … nor"),
    ("Exactly one of ${f}$ and $b^L = 0$ holds.", "Exactly one of"),
    ("Exactly one of the following holds:\n$$b^L = 0$$\n$${f}$$", "Exactly one of"),
    ("Neplatí ani ${f}$, ani $b^L = 0$.", "ani … ani"),
    ("Platí právě jeden ze vztahů ${f}$ a $b^L = 0$.", "právě jeden ze"),
    ("Не выполняется ни ${f}$, ни $b^L = 0$.", "ни … ни"),
    ("Верно ровно одно из равенств ${f}$ и $b^L = 0$.", "ровно одно из"),
    ("Nie zachodzi ani ${f}$, ani $b^L = 0$.", "ani … ani"),
    ("Prawdziwy jest dokładnie jeden z wzorów ${f}$ i $b^L = 0$.", "dokładnie jeden z"),
])
def test_neither_nor_and_exactly_one_of_leave_the_formula_unjudged(sentence, quoted):
    _unjudged(sentence, quoted)


@pytest.mark.parametrize("sentence", [
    "This layout does not follow the usual convention: $${f}$$",
    "It does not follow the usual convention, but $${f}$$",
    "Neither the weights nor the biases are touched here, so the output error is $${f}$$",
    "We can conclude that $${f}$$",
    "In the past: $${f}$$",
    "One of the four equations is $${f}$$",
    "Exactly one of the outputs is one, so the output error is $${f}$$",
    "$${f}$$ является ошибкой выходного слоя.",
    "$${f}$$ jest błędem warstwy wyjściowej.",
    "Z toho plyne, že $${f}$$",
])
def test_look_alike_sentences_keep_the_formula_the_notes_claim(sentence):
    slip, bp1 = _both(sentence)
    assert (slip.status, bp1.status) == ("refuted", "holds"), (sentence, slip, bp1)


# -- notebooks: a code cell's comment beside the formula's markdown cell (D) ------------------------------------

def _notebook_rows(tmp_path, capsys, *cells, head: bool = False) -> list:
    # ``verify --notes`` on a notebook of (cell type, source) cells, written on one line as json.dumps does (with
    # ``head``, a first cell that defines the model: before, a definition's cell line beyond the JSON's one line
    # crashed, exit 70): the δ rows, each its status and reason
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": [{"cell_type": k, "source": s, "metadata": {},
                                           **({"outputs": [], "execution_count": None} if k == "code" else {})}
                                          for k, s in ((("markdown", HEAD),) if head else ()) + cells],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    capsys.readouterr()
    assert main(["verify", "--notes", str(path), "--json"]) in (0, 1, 3)  # holds, refuted, undecided: never an internal error
    rows = json.loads(capsys.readouterr().out)
    return [(r["status"], r.get("reason", "")) for r in rows if r["formula"].startswith("\\delta")]


@pytest.mark.parametrize("where, comment, quoted", [
    ("before", "# wrong:", "wrong:"),
    ("before", "x = 1\n# wrong:", "wrong:"),
    ("before", "# chybně:", "chybně:"),
    ("before", "# неверно:", "неверно"),
    ("before", "# błędnie:", "błędnie:"),
    ("after", "# this is incorrect", "this is incorrect"),
    ("after", "# The formula above is wrong.", "The formula above is wrong"),
])
def test_a_code_comment_denies_the_formula_beside_it(tmp_path, capsys, where, comment, quoted):
    for formula, expected in ((SLIP, "holds"), (TRUE, "refuted")):
        cells = [("code", comment), ("markdown", f"$${formula}$$")]
        got = _notebook_rows(tmp_path, capsys, *(cells if where == "before" else cells[::-1]))
        assert len(got) == 1 and got[0][0] == expected and f"\u201c{quoted}\u201d" in got[0][1], (comment, got)


@pytest.mark.parametrize("where, comment", [
    ("after", "# this is incorrect\nd = a - y"),  # about the code, or the formula?
    ("after", "# the wrong way, kept for comparison:\nd = a - y"),
    ("before", "d = a - y\n# this version is wrong"),
    ("before", "d = a - y\n# this is incorrect:"),  # "this" may be the code: a subject before "incorrect:"
])
def test_a_code_comment_that_may_be_about_the_code_leaves_the_formula_unjudged(tmp_path, capsys, where, comment):
    for formula in (SLIP, TRUE):
        cells = [("code", comment), ("markdown", f"$${formula}$$")]
        got = _notebook_rows(tmp_path, capsys, *(cells if where == "before" else cells[::-1]))
        assert len(got) == 1 and got[0][0] == "uninterpretable", (comment, got)


def test_plain_comments_and_a_colon_pointing_on_keep_the_formula_the_notes_claim(tmp_path, capsys):
    for formula, expected in ((SLIP, "refuted"), (TRUE, "holds")):
        got = _notebook_rows(tmp_path, capsys, ("markdown", f"$${formula}$$"), ("code", "# compute delta\nd = a - y"),
                             head=True)
        assert [s for s, _ in got] == [expected], got
        # "# wrong:" points at the cell after it: the display before it stays the notes' claim
        got = _notebook_rows(tmp_path, capsys, ("markdown", f"$${formula}$$"), ("code", "# wrong:"),
                             ("markdown", "Some text."))
        assert [s for s, _ in got] == [expected], got


def test_underscore_bold_after_the_display_denies_it():
    # "is __wrong__": no word boundary after "__" (it was judged as the notes' claim); asked, it stays unjudged
    _denied("$${f}$$ is __wrong__.", "is wrong")
    for result in _both("$${f}$$ is __wrong__? No."):
        assert result.status == "uninterpretable", result
