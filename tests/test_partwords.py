r"""Words of a part about its weight convention (``symbp/verify/partwords.py``, review 19 F9): "In this part" alone
is no evidence; words keeping the notation keep it; words naming the order ("from j to k") make one definition a
convention.

Every expected verdict is backed by ``test_sections._truth``, which builds one layer in the given index order with
SymPy and differentiates the quadratic cost of the composed expression directly.
"""

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.partwords import kept, named_order
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
