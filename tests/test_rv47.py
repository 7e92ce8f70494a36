r"""Review rv47: "the first of these" after words that introduce new formulas (A1, B1); δ named with no equals sign
(A2); a δ = … the words derive, not define (A3).

Held-out notes written for the review (/tmp/rv47) and these tests; verdicts decided by hand, in symbp's default
model (quadratic cost, sigmoid, Nielsen's notation, δ^l ≡ ∂C/∂z^l):

* ∂C/∂b^l_j = δ^l_j is BP3 (true); ∂C/∂b^l_j = δ^{l+1}_j is a slip (false); ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j is BP4
  (true), ∂C/∂w^l_{jk} = a^l_k δ^l_j a slip (false). The notes' "X is wrong" holds when X is false.
* Under the notes' δ^L = ∂C/∂a^L: ∂C/∂b^L = ∂C/∂z^L = ∂C/∂a^L ⊙ σ'(z^L), so ∂C/∂b^L = δ^L is false and
  ∂C/∂b^L = δ^L ⊙ σ'(z^L) true. Under symbp's δ the first is BP3 (true), the second false (σ' twice).
* δ^L = ∂C/∂a^L as a claim about symbp's δ is false (σ'(z^L) missing).
"""

import pytest

from symbp.verify.notes import verify_text

BIAS_SLIP = r"\frac{\partial C}{\partial b^l_j} = \delta^{l+1}_j"
BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
W_SLIP = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l}_k \delta^l_j"
BP4 = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"


def _by_line(text: str) -> dict:
    return {r.formula.line: r.result.status for r in verify_text(text).rows}


def _candidates(bias: str, verdict: str = "The first of these is wrong.", intro: str = "and for the weight we "
                "consider two candidates:") -> str:
    return (f"The gradient for the bias is\n$${bias}$$\n{intro}\n$${W_SLIP}$$\n$${BP4}$$\n{verdict}\n")


def test_rv47_a1_slip_before_the_candidates_is_refuted_on_its_own():
    # o13.md: "these" are the two weight candidates; the bias slip (line 2) is judged as written: refuted (before,
    # it held as "the notes call this formula wrong"); line 4 is the slip the notes call wrong: their statement holds
    got = _by_line(_candidates(BIAS_SLIP))
    assert got == {2: "refuted", 4: "holds", 5: "uninterpretable"}, got


def test_rv47_b1_bp3_before_the_candidates_holds():
    # o7.md: BP3 before the words that introduce the candidates is not "the first of these" (before: refuted)
    got = _by_line(_candidates(BP3))
    assert got == {2: "holds", 4: "holds", 5: "uninterpretable"}, got


def test_rv47_a1_second_of_the_candidates_called_wrong_is_refuted():
    # BP4 (line 5) called wrong: the notes' statement is false; the slip before the candidates never holds
    got = _by_line(_candidates(BIAS_SLIP, "The second of these is wrong."))
    assert got == {2: "refuted", 4: "uninterpretable", 5: "refuted"}, got


@pytest.mark.parametrize("intro", ["and the following:", "and for the weight there are two candidates",
                                   "a pro váhu uvažujme dva kandidáty:"])
def test_rv47_a1_other_words_that_introduce_close_the_group(intro):
    got = _by_line(_candidates(BIAS_SLIP, intro=intro))
    assert got == {2: "refuted", 4: "holds", 5: "uninterpretable"}, (intro, got)


def test_rv47_a1_words_between_that_do_not_introduce_leave_all_unjudged():
    # "Next we have" neither joins nor introduces: is "the first of these" the bias slip or the weight slip? Neither is
    # judged, and the bias slip never holds
    got = _by_line(_candidates(BIAS_SLIP, intro="Next we have"))
    assert got == {2: "uninterpretable", 4: "uninterpretable", 5: "uninterpretable"}, got


def test_rv47_a1_displays_joined_by_and_stay_one_group():
    # "$$A$$ and $$B$$ The first of these is wrong.": "these" are A and B (A the slip: the notes' statement holds)
    text = f"$${W_SLIP}$$\nand\n$${BP4}$$\nThe first of these is wrong.\n"
    assert _by_line(text) == {1: "holds", 3: "uninterpretable"}


def test_rv47_a1_candidates_after_a_sentence_of_their_own_are_counted_from_the_introduction():
    # the bias slip's sentence ends; "these" are the displays after the colon: line 4 is the first of them
    text = (f"The gradient for the bias is\n$${BIAS_SLIP}.$$\nFor the weight we consider two candidates:\n"
            f"$${W_SLIP}$$\n$${BP4}$$\nThe first of these is wrong.\n")
    got = _by_line(text)
    assert got[4] == "holds" and got[5] == "uninterpretable" and got[2] != "holds", got


DA = r"\frac{\partial C}{\partial a^L}"
DB = r"\frac{\partial C}{\partial b^L}"


@pytest.mark.parametrize("sentence", [
    rf"Let $\delta^L$ denote ${DA}$.",  # d7.md
    rf"Denote by $\delta^L$ ${DA}$.",
    rf"We write $\delta^L$ for ${DA}$.",
    rf"Here $\delta^L$ denotes ${DA}$.",
    rf"Let $\delta^L$ denote the error ${DA}$ of the output layer.",
    rf"Nechť $\delta^L$ označuje ${DA}$.",
])
def test_rv47_a2_delta_named_as_a_formula_is_the_notes_delta(sentence):
    # under the notes' δ^L = ∂C/∂a^L: ∂C/∂b^L = δ^L is false (before: held as BP3), δ^L ⊙ σ'(z^L) true
    got = _by_line(f"{sentence}\n$${DB} = \\delta^L$$\n$${DB} = \\delta^L \\odot \\sigma'(z^L)$$\n")
    assert got == {2: "refuted", 3: "holds"}, (sentence, got)


def test_rv47_a2_entries_named_as_a_formula():
    # d6.md: δ^L_j named ∂C/∂a^L_j; ∂C/∂b^L_j = δ^L_j false under it (before: held); δ^l_j not said: unjudged
    text = (r"Let $\delta^L_j$ denote $\frac{\partial C}{\partial a^L_j}$." + "\n"
            r"$$\frac{\partial C}{\partial b^L_j} = \delta^L_j$$" + "\n" + f"$${BP3}$$\n")
    assert _by_line(text) == {2: "refuted", 3: "uninterpretable"}


@pytest.mark.parametrize("sentence", [
    r"Let $\delta^L$ denote the gradient $\nabla_{a^L} C$ of the cost with respect to the output activations.",  # d8
    r"Let $\delta^L$ denote the gradient of the cost with respect to the output activations.",
    r"We write $\delta^L$ for the derivative of the cost by the output activations.",
])
def test_rv47_a2_delta_named_in_words_not_read_leaves_delta_claims_unjudged(sentence):
    # what δ is is said in words symbp does not turn into a formula: never checked against ∂C/∂z (before: held)
    got = _by_line(f"{sentence}\n$${DB} = \\delta^L$$\n$${DB} = \\delta^L \\odot \\sigma'(z^L)$$\n")
    assert got == {2: "uninterpretable", 3: "uninterpretable"}, (sentence, got)


@pytest.mark.parametrize("sentence", [r"Let $\delta^L$ denote the output error.",
                                      r"Let $\delta^l_j$ denote the error of neuron $j$ in layer $l$.",
                                      r"Let $\delta^L$ denote $\frac{\partial C}{\partial z^L}$."])
def test_rv47_a2_delta_named_the_error_or_dc_dz_is_symbps(sentence):
    # "the error" (Nielsen's δ ≡ ∂C/∂z) or ∂C/∂z itself: symbp's δ; BP3 holds, the variant with σ' twice is refuted
    got = _by_line(f"{sentence}\n$${DB} = \\delta^L$$\n$${DB} = \\delta^L \\odot \\sigma'(z^L)$$\n")
    assert got == {2: "holds", 3: "refuted"}, (sentence, got)


@pytest.mark.parametrize("words, own", [("where by the chain rule", "refuted"), ("where it follows that", "refuted"),
                                       ("where we get", "refuted"),
                                       # no "where": the naming guard's ("Let … denote" around it), never a definition
                                       ("so that by the chain rule", "uninterpretable"), ("and so", "uninterpretable")])
def test_rv47_a3_delta_derived_in_words_is_a_claim(words, own):
    # d4.md: the words tell how δ^L = ∂C/∂a^L came: a claim, the slip refuted (before: filed as a definition, never
    # refuted, and ∂C/∂b^L = δ^L ⊙ σ'(z^L) held with it put in); that claim is refuted under symbp's δ
    text = (rf"Let $\delta^L$ denote the output error, {words} $\delta^L = {DA}$." + "\n"
            rf"$${DB} = \delta^L \odot \sigma'(z^L)$$" + "\n")
    assert _by_line(text) == {1: own, 2: "refuted"}, words


def test_rv47_a3_delta_defined_by_where_stays_a_definition():
    # the right variant: "where" alone defines; the definition is no row, the claim after it holds with it put in
    text = (rf"Let $\delta^L$ denote the output error, where $\delta^L = {DA}$." + "\n"
            rf"$${DB} = \delta^L \odot \sigma'(z^L)$$" + "\n")
    assert _by_line(text) == {2: "holds"}
