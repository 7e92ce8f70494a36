r"""Words of a part about its weight convention (``symbp/verify/partwords.py``, review 19 F9): "In this part" alone
is no evidence; words keeping the notation keep it; words naming the order ("from j to k") make one definition a
convention.

Every expected verdict is backed by ``test_sections._truth``, which builds one layer in the given index order with
SymPy and differentiates the quadratic cost of the composed expression directly.
"""

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.partwords import changed, kept, named_order
from test_sections import BP4_FROM_TO, BP4_TO_FROM, _status, _truth

# -- the words ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "In this part we keep exactly the notation of Part A and apply it to a deeper network.",
    "We use the same notation as in Part A.", "The notation is unchanged.",
    "V této části ponecháme stejné značení jako v části A.", "Сохраняем те же обозначения, что и в части A.",
    "W tej części zachowujemy te same oznaczenia.",
])
def test_words_that_keep_the_notation(sentence):
    assert kept(sentence)


@pytest.mark.parametrize("sentence", [
    "In this part we apply the same formulas to a deeper network.", "In this part.",
    "We no longer keep the notation of Part A.", "We do not keep the same notation.",
    "We keep the notation, but with the roles of j and k swapped.", "Nezachováme značení části A.",
    "Мы не сохраняем обозначения.", "Nie zachowujemy oznaczeń.", "We keep the same notation except for the weights.",
])
def test_words_that_keep_nothing(sentence):
    assert not kept(sentence)


@pytest.mark.parametrize("sentence, order", [
    ("Here $w^l_{jk}$ is the weight from neuron k in layer l-1 to neuron j in layer l.", "to,from"),
    ("In this part $w^l_{jk}$ is the weight from neuron $j$ in layer $l-1$ to neuron $k$ in layer $l$:", "from,to"),
    ("The weight $w^{(l)}_{j,k}$ goes into neuron j from neuron k.", "to,from"),
    ("Váha $w^l_{jk}$ vede od neuronu k k neuronu j.", "to,from"),
    ("Váha $w^l_{jk}$ vede z neuronu $j$ do neuronu $k$.", "from,to"),
    ("Вес $w^l_{jk}$ идёт от нейрона j слоя l-1 к нейрону k слоя l.", "from,to"),
    ("Waga $w^l_{jk}$ prowadzi od neuronu k do neuronu j.", "to,from"),
    # the same in words, not an order: none
    ("In this part $w^l_{jk}$ is a weight.", None), ("The weight $w_{jk}$ connects neuron k to neuron j.", None),
    ("In Part A, $w^l_{jk}$ went from k to j; here it goes from j to k.", None),  # both orders named: none
    ("In this part $w^l_{jk}$ is the weight from neuron $j$:\n\n$$z^l_j = 1$$", None),  # no "to" (z is no word)
])
def test_words_that_name_the_order(sentence, order):
    assert named_order(sentence) == order


# -- review 19 F9: one slipped definition in a part that says it keeps the notation ------------------------------------

PART_A = "\n".join([
    "# Part A", "",  # 1
    "The weighted input is",  # 3
    r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$$",  # 4
    r"and $a^l_j = \sigma(z^l_j)$, in matrix form $z^l = w^l a^{l-1} + b^l$. Here $w^l_{jk}$ is the weight from "
    "neuron k in layer l-1 to neuron j in layer l.",  # 5
    f"$${BP4_TO_FROM}$$", "",  # 6
    "# Part B", "",  # 8
])
SLIP = r"z^l_k = \sum_j w^l_{jk} a^{l-1}_j + b^l_k"


def _part_b(words: str, *definitions: str) -> str:
    """/tmp/rv19/sc2.md with Part B's words (line 10), its definitions (from line 11) and the swapped BP4 after."""
    return PART_A + "\n" + "\n".join([words, *(f"$${d}$$" for d in definitions), f"$${BP4_FROM_TO}$$", ""])


def test_the_oracle_tells_the_two_readings_of_part_b_apart():
    assert _truth("to,from", "bp4 a_k delta_j") and not _truth("to,from", "bp4 a_j delta_k")
    assert _truth("from,to", "bp4 a_j delta_k")


@pytest.mark.parametrize("words", [
    "In this part we keep exactly the notation of Part A and apply it to a deeper network.",  # sc2.md
    "We keep exactly the notation of Part A and apply it to a deeper network.",  # sc4.md
    "V této části ponecháme stejné značení jako v části A.",
])
def test_a_part_keeping_the_notation_keeps_it(words):
    """sc2.md (was: lines 11, 12 hold, exit 0): the slip is refuted and so is the swapped BP4 (false in Part A's
    order, which the words keep)."""
    report = verify_text(_part_b(words, SLIP))
    assert _status(report, 6, BP4_TO_FROM) == "holds"
    assert _status(report, 11, SLIP) == "refuted"
    assert _status(report, 12, BP4_FROM_TO) == "refuted" and not _truth("to,from", "bp4 a_j delta_k")


@pytest.mark.parametrize("words", [
    "In this part we apply the same formulas to a deeper network.",  # sc3.md: "In this part" alone
    "In this part we no longer keep the notation of Part A.",
    "In this part $w^l_{jk}$ is a weight of a deeper network.",
])
def test_in_this_part_alone_makes_one_definition_no_convention(words):
    """sc3.md (was: holds, exit 0): one definition is weak evidence; the part is open, and the BP4 whose truth
    depends on the order is ambiguous (true in one, false in the other)."""
    report = verify_text(_part_b(words, SLIP))
    assert _truth("to,from", "bp4 a_j delta_k") != _truth("from,to", "bp4 a_j delta_k")
    assert _status(report, 12, BP4_FROM_TO) == "ambiguous"
    assert "one definition of its own (line 11)" in "\n".join(report.header())


def test_words_naming_the_order_make_one_definition_a_convention():
    """"In this part $w^l_{jk}$ is the weight from j to k" with its one definition: read in that order."""
    words = "In this part $w^l_{jk}$ is the weight from neuron j in layer l-1 to neuron k in layer l."
    report = verify_text(_part_b(words, SLIP, BP4_TO_FROM))
    assert _status(report, 11, SLIP) == "holds"
    assert _status(report, 12, BP4_TO_FROM) == "refuted" and not _truth("from,to", "bp4 a_k delta_j")
    assert _status(report, 13, BP4_FROM_TO) == "holds" and _truth("from,to", "bp4 a_j delta_k")
    assert _status(report, 6, BP4_TO_FROM) == "holds"
    assert "and the words naming it (line 10)" in "\n".join(report.header())


def test_words_keeping_the_notation_against_several_definitions_are_open():
    """The words keep Part A's order, three definitions are in the other: neither is guessed, the BP4 is
    ambiguous."""
    second = r"a^l_k = \sigma\Big(\sum_j w^l_{jk} a^{l-1}_j + b^l_k\Big)"
    report = verify_text(_part_b("We keep exactly the notation of Part A.", SLIP, second, r"z^l = (w^l)^T a^{l-1} + b^l"))
    assert _status(report, 14, BP4_FROM_TO) == "ambiguous"
    assert "disagree on its weight convention" in "\n".join(report.header())


def test_words_naming_another_order_than_the_one_definition_are_open():
    """Part B names the order j → k but its one definition is in Part A's order: which one slipped symbp cannot
    tell; the swapped BP4 (true j → k, false k → j) is ambiguous, never held under Part A's order."""
    words = "In this part $w^l_{jk}$ is the weight from neuron j in layer l-1 to neuron k in layer l."
    nielsen = r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j"
    report = verify_text(_part_b(words, nielsen).replace(f"$${BP4_FROM_TO}$$", f"$${BP4_TO_FROM}$$"))
    assert _truth("to,from", "bp4 a_k delta_j") != _truth("from,to", "bp4 a_k delta_j")
    assert _status(report, 12, BP4_TO_FROM) == "ambiguous"


def test_words_keeping_something_beside_words_naming_another_order_are_open():
    """"We keep the same notation for the cost." and, in the part, "$w^l_{jk}$ is the weight from j to k" with one
    definition in that order: the words disagree, the swapped BP4 (true j → k, false k → j) is ambiguous."""
    words = ("We keep the same notation for the cost. Here $w^l_{jk}$ is the weight from neuron j in layer l-1 to "
             "neuron k in layer l.")
    report = verify_text(_part_b(words, SLIP))
    assert _status(report, 12, BP4_FROM_TO) == "ambiguous"


# -- review 22 F8: words keeping the notation, then words swapping the order; F16: the order named in words only ---

def _part_b_status(report, text: str) -> str:
    """The verdict of the claim ``text`` written in Part B (after line 9; folded with Part A's, the row of both)."""
    rows = [r for r in report.rows if max(r.formula.lines or (r.formula.line,)) > 9
            and " ".join(r.formula.text.split()) == text]
    assert len(rows) == 1, [(r.formula.lines, r.formula.text) for r in report.rows]
    return rows[0].result.status


@pytest.mark.parametrize("words", [
    "We keep the same notation. But from now on $w^l_{jk}$ connects neuron $j$ in layer $l-1$ to neuron $k$ in "
    "layer $l$.",
    "We keep the same notation.\nFrom now on, however, we swap the indices of the weights.",
    "Notation as before. From now on the indices of $w^l_{jk}$ go the other way round.",
    "Ponecháme stejné značení. Od teď však prohodíme indexy vah.",
    "Сохраняем те же обозначения.\nНо теперь индексы весов поменяем местами.",
    "Zachowujemy te same oznaczenia. Ale odtąd zamieniamy indeksy wag.",
])
def test_words_swapping_the_order_after_words_keeping_the_notation_win(words):
    """Part B keeps the notation, then (a sentence later) swaps the weight's indices without naming the new order
    in from/to words (was: kept, the BP4 true only in Part A's order held): the part is open, the BP4 that is true
    k → j and false j → k is ambiguous, never held."""
    report = verify_text(_part_b(words).replace(f"$${BP4_FROM_TO}$$", f"$${BP4_TO_FROM}$$"))
    assert _truth("to,from", "bp4 a_k delta_j") and not _truth("from,to", "bp4 a_k delta_j")
    assert _part_b_status(report, BP4_TO_FROM) == "ambiguous"
    assert _status(report, 6, BP4_TO_FROM) == "holds"


def test_words_keeping_the_notation_and_denying_a_swap_keep_it():
    report = verify_text(_part_b("We keep the same notation. We do not swap the indices.", SLIP))
    assert _status(report, 11, SLIP) == "refuted" and _part_b_status(report, BP4_FROM_TO) == "refuted"


@pytest.mark.parametrize("words", [
    "In this part $w^l_{jk}$ is the weight from neuron $j$ in layer $l-1$ to neuron $k$ in layer $l$.",
    "From now on $w^l_{jk}$ is the weight\nfrom neuron $j$ to neuron $k$.",
    "Od teď je $w^l_{jk}$ váha od neuronu $j$ k neuronu $k$.",
    "W tej części $w^l_{jk}$ to waga od neuronu $j$ do neuronu $k$.",
    "From now on we swap the indices of the weights.",
])
def test_a_part_naming_its_order_in_words_only_is_not_read_in_the_inherited_one(words):
    """F16: Part B has no definition of z, only words naming (or swapping to) the order j → k (was: read in Part
    A's order k → j, its words ignored, the BP4 true only k → j held): the BP4 is ambiguous."""
    report = verify_text(_part_b(words).replace(f"$${BP4_FROM_TO}$$", f"$${BP4_TO_FROM}$$"))
    assert _part_b_status(report, BP4_TO_FROM) == "ambiguous"
    assert _status(report, 6, BP4_TO_FROM) == "holds"


def test_notes_naming_their_order_in_words_only_are_not_read_in_the_default_one():
    """F16 in notes with no definition of z at all: "w^l_{jk} is the weight from j to k" and a BP4 true only in
    the default order k → j (was: holds under the default); ambiguous."""
    text = ("# Backpropagation\n\nHere $w^l_{jk}$ is the weight from neuron $j$ in layer $l-1$ to neuron $k$ in "
            f"layer $l$.\n\n$${BP4_TO_FROM}$$\n\n$${BP4_FROM_TO}$$\n")
    report = verify_text(text)
    assert _status(report, 5, BP4_TO_FROM) == "ambiguous" and _status(report, 7, BP4_FROM_TO) == "ambiguous"
    same = verify_text(text.replace("from neuron $j$ in layer $l-1$ to neuron $k$", "from neuron $k$ in layer $l-1$ "
                                                                                     "to neuron $j$"))
    assert _status(same, 5, BP4_TO_FROM) == "holds" and _status(same, 7, BP4_FROM_TO) == "refuted"


@pytest.mark.parametrize("sentence, swaps", [
    ("From now on we swap the indices of the weights.", True), ("Od teraz role j i k są zamienione.", True),
    ("We swap the roles of j and k.", True), ("We do not swap the indices.", False),
    ("We transpose the weight matrix.", False), ("Here we reverse the order of the layers.", False),
    ("Now $w^l_{jk}$ is updated by gradient descent.", False),
])
def test_words_that_change_the_order_without_naming_it(sentence, swaps):
    assert changed(sentence) == swaps
