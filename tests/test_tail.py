"""What is written after a formula: conditions in the notes' own language, and ``j \\neq k``.

Sources: seed 000 (Czech), lines 211-235 (∂a^L_k/∂z^L_j = 0 pokud j ≠ k: the output activation of
neuron k depends on z^L_k alone, so its derivative by any other z^L_j is 0) and lines 294-311
(∂b^l_k/∂z^l_j = 0 když j ≠ k, from z^l_j = Σ_k w^l_{jk} a^{l-1}_k + b^l_j at fixed w^l and a^{l-1}).
The verdicts are checked against direct differentiation (``symbp.verify``), and every "holds" is
re-checked by the oracle (tests/conftest.py).
"""

from __future__ import annotations

import pytest

from symbp.verify import bias_through_z, verify
from symbp.verify.nodes import to_latex
from symbp.verify.reader import ReadError, read, read_claim


@pytest.mark.parametrize("lead", [r"\text{if }", r"\text{pokud }", r"\text{když }", r"\text{если }",
                                  r"\text{при }", r"\text{gdy }", r"\text{jeśli }", r"\text{dla }"])
def test_a_condition_is_read_after_its_lead_word_in_each_language(lead):
    claim = read_claim(rf"\frac{{\partial a_k^L}}{{\partial z_j^L}} = 0 \quad {lead} j \neq k")
    assert [w.text for w in claim.conditions] == [r"j \neq k"]
    assert verify(rf"\frac{{\partial a_k^L}}{{\partial z_j^L}} = 0 \quad {lead} j \neq k").status == "holds"


def test_the_letter_typed_inside_the_words_is_the_conditions_letter():
    # Seed 000 line 300: \text{když j} \neq \text{k} renders "když j ≠ k". The seed writes b through z at
    # line 302 (b = z − Σ w a), which gives ∂b/∂z its meaning there.
    eq = read(r"\frac{\partial b_k^l}{\partial z_j^l} = 0 \, \text{když j} \neq \text{k}")
    assert to_latex(eq).endswith(r"j \neq k")
    with bias_through_z("line 302"):
        assert verify(r"\frac{\partial b_k^l}{\partial z_j^l} = 0 \, \text{když j} \neq \text{k}").status == "holds"


def test_a_wrong_formula_under_a_differs_condition_is_refuted():
    # The condition only removes j = k: everything else is still checked.
    r = verify(r"\frac{\partial a_k^L}{\partial z_j^L} = 1 \quad \text{pokud } j \neq k")
    assert r.status == "refuted"
    with bias_through_z("line 302"):
        r = verify(r"\frac{\partial b_k^l}{\partial z_j^l} = 1 \, \text{když j} \neq \text{k}")
        assert r.status == "refuted"
        # Without the condition the true statement is false at j = k (∂b^l_j/∂z^l_j = 1).
        assert verify(r"\frac{\partial b_k^l}{\partial z_j^l} = 0").status == "refuted"


def test_a_differs_condition_on_a_letter_the_formula_does_not_use_is_not_ignored():
    # Seed 000 line 294: the formula writes i and k, the condition j and k.
    r = verify(r"\frac{\partial b_k^l}{\partial z_i^l} = 0 \, \text{když j} \neq \text{k}")
    assert r.status == "uninterpretable" and "j" in r.reason


@pytest.mark.parametrize("text", [
    r"\frac{\partial a_k^L}{\partial z_j^L} = 0 \quad \text{pokud } j \neq 2",   # ≠ a number: not read
    r"\frac{\partial a_k^L}{\partial z_j^L} = 0 \quad \text{potom } j \neq k",   # "then": no condition word
    r"\frac{\partial a_k^L}{\partial z_j^L} = 0 \quad \text{pokud jj} \neq k",   # two letters in the words
])
def test_what_is_not_a_condition_stays_unreadable(text):
    with pytest.raises(ReadError):
        read(text)


def test_the_space_written_after_a_formula_is_checked():
    # Seed 003 line 11 (Dyda): the input written out, a column of n^{[0]} numbers.
    column = (r"a^{[0]} = \begin{bmatrix} a_1^{[0]} \\ a_2^{[0]} \\ \vdots \\ a_{n^{[0]}}^{[0]} \end{bmatrix} "
              r"\in \mathbf{R}^{n^{[0]}}")
    assert verify(column, "dyda").status == "holds"
    r = verify(column.replace(r"\mathbf{R}^{n^{[0]}}", r"\mathbb{R}^{n^{[1]}}"), "dyda")  # the wrong size
    assert r.status == "refuted" and "column vector of" in r.reason
    assert verify(r"a^{[1]} = a^{[1]} \in \mathbb{R}^{n^{[0]}}", "dyda").status == "refuted"  # negative: never vacuous


@pytest.mark.parametrize("text", [r"a^{[0]} = a^{[0]} \in \mathbb{R}", r"a^{[0]} = a^{[0]} \in \mathbb{R}^{m \times n}",
                                  r"a^{[0]} = a^{[0]} \in \mathbb{R}^{n^{[0]}} a^{[0]}"])
def test_a_space_symbp_does_not_read_is_not_ignored(text):
    with pytest.raises(ReadError):
        read(text, "dyda")


# Review 14 (s10): "\quad \text{for } n_L = 1" restricts the claim to networks with that many output neurons.
@pytest.mark.parametrize("text", [r"\delta^L = (a^L - y) \sigma'(z^L) \quad \text{for } n_L = 1",
                                  r"\delta^L = (a^L - y) \sigma'(z^L) \quad n_L = 1",
                                  r"\delta^L = (a^L - y) \sigma'(z^L), \quad \text{if } 1 = n_L"])
def test_a_condition_on_the_number_of_outputs_is_read(text):
    claim = read_claim(text)
    assert [(w.var, w.lo, w.kind) for w in claim.conditions] == [("n_L", 1, "outputs")]


@pytest.mark.parametrize("text", [r"\delta^L = (a^L - y) \sigma'(z^L) \quad \text{for } n_2 = 1",
                                  r"\delta^L = (a^L - y) \sigma'(z^L) \quad \text{for } n_L \ge 1",
                                  r"\delta^L = (a^L - y) \sigma'(z^L) \quad \text{for } n_L = 0",
                                  r"\delta^L = (a^L - y) \sigma'(z^L) \quad \text{for } n_{L-1} = 1"])
def test_a_size_condition_symbp_does_not_read_is_not_ignored(text):
    with pytest.raises(ReadError):
        read_claim(text)


def test_a_claims_output_count_against_the_notes_own():
    formula = r"\delta^L = (a^L - y) \sigma'(z^L) \quad \text{for } n_L = 1"
    assert verify(formula, outputs=1, diagnose=False).status == "holds"  # the notes fix the same n_L
    other = verify(formula.replace("n_L = 1", "n_L = 2"), outputs=1, diagnose=False)
    assert other.status == "uninterpretable" and "contradicts the notes" in other.reason


# Review 20 F4.1: an algorithm's backward loop, "for l = L-1, \dots, 2", is the range 2 … L−1 (before: "a list of
# layers must be consecutive"). BP2 holds there; σ'(z^{l+1}) for σ'(z^l) is refuted under it.
@pytest.mark.parametrize("written, lo, hi", [(r"l = L-1, \dots, 2", (None, 2), ("L", -1)),
                                             (r"l = L, L-1, \dots, 2", (None, 2), ("L", 0)),
                                             (r"l = 4, 3, 2", (None, 2), (None, 4)), (r"l = 3, \dots, 1", (None, 1), (None, 3))])
def test_a_backward_list_of_layers_is_read_as_its_range(written, lo, hi):
    claim = read_claim(rf"\delta^l = ((w^{{l+1}})^T \delta^{{l+1}}) \odot \sigma'(z^l) \quad \text{{for }} {written}")
    (where,) = claim.conditions
    assert ((where.lo.var, where.lo.offset), (where.hi.var, where.hi.offset)) == (lo, hi), where


@pytest.mark.parametrize("written", [r"l = L-1, \dots, 2", r"l = 2, \dots, L-1"])
def test_bp2_over_the_backward_loop(written):
    bp2 = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l) \quad \text{for } " + written
    assert verify(bp2).status == "holds"
    assert verify(bp2.replace("z^l)", "z^{l+1})")).status == "refuted"
    assert verify(bp2.replace("(w^{l+1})^T", "(w^{l})^T")).status == "refuted"


# a list that skips layers, or one of layers below L symbp does not spell out (L-1, …, L), is never read as a range
@pytest.mark.parametrize("written", [r"l = L-1, L-3, \dots, 2", r"l = 2, 4, \dots, L", r"l = L-1, \dots, L"])
def test_a_list_symbp_does_not_read_as_a_range_is_not_ignored(written):
    with pytest.raises(ReadError):
        read_claim(r"\delta^l = \delta^l \quad \text{for } " + written)
