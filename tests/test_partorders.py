r"""Two parts, each naming its weight index order in words and by a defining formula (review 24 C1).

Hand: with z^l_j = Σ_k w^l_{jk} a^{l-1}_k + b^l_j (w_{jk} from k to j), ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j; with
z^l_k = Σ_j w^l_{jk} a^{l-1}_j + b^l_k (from j to k), ∂C/∂w^l_{jk} = a^{l-1}_j δ^l_k. Each part's claims are
judged in its own order (the right one holds, the other refuted); the run stops (NotationError, exit 2) only when
one part's words and definition disagree, with one paragraph naming both lines."""

from __future__ import annotations

import pytest

from symbp.errors import NotationError
from symbp.verify.notes import verify_text
from symbp.verify.partwords import named_order

NIELSEN_A = (r"We use $w^l_{jk}$ to denote the weight for the connection from the $k^{\rm th}$ neuron in the "
             r"$(l-1)^{\rm th}$ layer to the $j^{\rm th}$ neuron in the $l^{\rm th}$ layer.")
NIELSEN_B = (r"In this part $w^l_{jk}$ is the weight for the connection from the $j^{\rm th}$ neuron in the "
             r"$(l-1)^{\rm th}$ layer to the $k^{\rm th}$ neuron in the $l^{\rm th}$ layer.")
INTO_A = r"The weight $w^l_{jk}$ goes into the $j$-th neuron of layer $l$ from the $k$-th neuron of layer $l-1$."
INTO_B = r"Now the weight $w^l_{jk}$ goes from the $j^{th}$ neuron of layer $l-1$ to the $k^{th}$ neuron of layer $l$."
TO_J = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"
TO_K = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k"


def _notes(words_a: str, words_b: str, inline: bool = False) -> str:
    def_a, def_b = r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j", r"z^l_k = \sum_j w^l_{jk} a^{l-1}_j + b^l_k"
    if inline:  # the defining formula in the sentence of the words
        a, b = words_a[:-1] + f": ${def_a}$.\n", words_b[:-1] + f": ${def_b}$.\n"
    else:
        a, b = words_a + f"\n\n$${def_a}$$\n", words_b + f"\n\n$${def_b}$$\n"
    return (f"# Part A\n\n{a}\n$${TO_J}$$\n\n$${TO_K}$$\n\n"
            f"# Part B\n\n{b}\n$${TO_K}$$\n\n$${TO_J}$$\n")


@pytest.mark.parametrize("words", [(NIELSEN_A, NIELSEN_B), (INTO_A, INTO_B)])
@pytest.mark.parametrize("inline", [False, True])
def test_two_parts_each_in_its_own_named_order_run_and_are_judged_in_it(words, inline):
    text = _notes(*words, inline=inline)
    rows = [(r.formula.line, r.formula.text, r.result.status) for r in verify_text(text, "auto").rows]
    b = text.split("\n").index("# Part B") + 1
    for line, formula, status in rows:
        if formula in (TO_J, TO_K):
            right = TO_J if line < b else TO_K
            assert status == ("holds" if formula == right else "refuted"), (line, formula, status)
    assert sum(1 for _, f, _ in rows if f in (TO_J, TO_K)) == 4


def test_words_and_definition_disagreeing_in_one_part_stop_the_run_naming_both_lines():
    text = _notes(NIELSEN_A, NIELSEN_A.replace("We use", "In this part we use"))
    with pytest.raises(NotationError) as err:
        verify_text(text, "auto")
    msg = str(err.value)
    b = text.split("\n").index("# Part B") + 1
    assert f"words at line {b + 2}" in msg and f"(line {b + 4})" in msg and "from k to j" in msg, msg


@pytest.mark.parametrize("sentence, order", [
    (NIELSEN_A, "to,from"), (NIELSEN_B, "from,to"), (INTO_A, "to,from"), (INTO_B, "from,to"),
    (r"Here $w^l_{jk}$ is the weight from the $k^{th}$ neuron to the $j^{\text{th}}$ neuron.", "to,from"),
    (r"Here $w^l_{jk}$ is the weight from neuron $k$ to neuron $j$.", "to,from"),
])
def test_ordinal_index_words_name_the_order(sentence, order):
    assert named_order(sentence) == order
