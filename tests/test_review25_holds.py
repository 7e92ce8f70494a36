"""Review 25's false holds in ``verify --notes`` (A1–A5, B4): each case is a set of notes whose claim is false
(or not known to be true) under the notes' own words, so it must never be a plain hold.

Truths by hand:
* Sigmoid σ with C = (1/n)‖a^L − y‖² (n outputs, or a count of samples): ∂C/∂a_j = (2/n)(a_j − y_j), so
  δ^L = (2/n)(a^L − y) ⊙ σ'(z^L); (a^L − y) ⊙ σ'(z^L) is false for n ≠ 2. With n read as a count of samples the
  per-sample cost left is ‖a − y‖², no ½, and BP1 is a factor 2 short all the same.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

FORWARD = r"$$z^l = w^l a^{l-1} + b^l, \quad a^l = \sigma(z^l)$$"
BP1 = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"


def _result(text: str, claim: str):
    return {row.formula.text: row.result for row in verify_text(text).rows}[claim]


@pytest.mark.parametrize("cost", [
    r"C = \frac{1}{n}\|a^L - y\|^2",
    r"C = \frac{1}{m}\|a^L - y\|^2",
    r"C = \frac{1}{n}\sum_{j=1}^{n} (a^L_j - y_j)^2",
    r"C = \frac{1}{2n}\|a^L - y\|^2",
])
def test_an_unread_cost_with_one_over_n_or_m_blocks_bp1(cost):
    # review 25 A2: 1/n, 1/m were taken for a mean over the samples and the unread line did not block
    text = f"$${cost}$$\n{FORWARD}\n$${BP1}$$\n"
    result = _result(text, BP1)
    assert result.status != "holds" and result.status == "uninterpretable", result


def test_prose_mse_over_n_outputs_before_the_unread_cost_blocks_bp1():
    text = f"We use the mean squared error over the $n$ outputs:\n$$C = \\frac{{1}}{{n}}\\|a^L - y\\|^2$$\n{FORWARD}\n$${BP1}$$\n"
    assert _result(text, BP1).status not in ("holds", "refuted")


def test_a_mean_over_the_inputs_with_the_half_still_holds():
    # C = (1/n) Σ_x ½‖y(x) − a^L(x)‖² and Nielsen's eq. (6): per input ½‖y − a‖², BP1 true (by hand)
    for cost in (r"C = \frac{1}{2n}\sum_x \|y(x) - a^L(x)\|^2",):
        assert _result(f"$${cost}$$\n{FORWARD}\n$${BP1}$$\n", BP1).status == "holds"


# A1. By hand: C = ‖a^L − y‖² (no ½) gives ∂C/∂a = 2(a − y), so δ^L = 2(a^L − y) ⊙ σ'(z^L) and BP1 without the 2
# is false wherever a ≠ y: never a plain hold after words that leave the ½ out.
@pytest.mark.parametrize("words", [
    "We use the squared error, without the factor one half.",
    r"The cost is the plain sum of squared errors, $\sum_j (a^L_j - y_j)^2$, with no $\frac12$ in front.",
    r"The cost is the sum of squares (we drop the usual factor $\frac{1}{2}$).",
    r"Cena je součet čtverců chyb bez faktoru $\frac12$.",
    "Cena je součet čtverců chyb bez jedné poloviny.",
    r"Our loss is the squared error $\|a^L - y\|^2$.",
])
def test_a_squared_error_named_without_the_half_is_not_the_half_cost(words):
    result = _result(f"{words}\n{FORWARD}\n$${BP1}$$\n", BP1)
    assert result.status in ("ambiguous", "refuted"), result
    two = r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)"
    assert _result(f"{words}\n{FORWARD}\n$${two}$$\n", two).status != "refuted"


@pytest.mark.parametrize("words", [
    r"Our loss is the squared error $\frac12\|a^L - y\|^2$.",
    "We use the quadratic cost.",
])
def test_a_squared_error_named_with_the_half_is_the_half_cost(words):
    assert _result(f"{words}\n{FORWARD}\n$${BP1}$$\n", BP1).status == "holds"


# A3/A5. Section 1: quadratic cost, sigmoid, BP1; section 2 defines the cross-entropy with the words below; section 3
# claims BP1. By hand: under the cross-entropy with sigmoid δ^L = a^L − y, so BP1 (a factor σ' ≤ ¼) is false in
# section 3 whenever the cross-entropy is in force there: never a plain hold.
SECTIONS = r"""# Section 1

The network computes $z^l = w^l a^{{l-1}} + b^l$ and $a^l = \sigma(z^l)$ with $\sigma(z) = \frac{{1}}{{1 + e^{{-z}}}}$. The cost is $C = \frac{{1}}{{2}}\|a^L - y\|^2$.

$$\delta^L = (a^L - y) \odot \sigma'(z^L)$$

# {heading}

{words}
$$C = -\sum_j \left[ y_j \ln(a^L_j) + (1 - y_j) \ln (1 - a^L_j) \right]$$

$$\delta^L = a^L - y$$

# Section 3

$$\delta^L = (a^L - y) \odot \sigma'(z^L)$$
"""


def _section3(heading: str, words: str):
    report = verify_text(SECTIONS.format(heading=heading, words=words))
    rows = [row for row in report.rows if row.formula.text == BP1]  # one row when sections 1 and 3 agree
    return max(rows, key=lambda row: row.formula.line).result


@pytest.mark.parametrize("heading, words", [
    ("Section 2 (not an aside)", "From now on the cost is"),
    ("Section 2: no digression", "From now on the cost is"),
    ("End of the digression", "From now on the cost is"),
    ("Back from the aside: the real cost", "The cost of these notes is"),
    ("Odbočka končí", "Od teď až do konce textu je cena"),
    ("Section 2", "Not just for this section: from now on the cost is"),
    ("Section 2", "It is not true that only this section uses a different cost. It is"),
    ("Section 2", "Не только в этом разделе используется другая стоимость. Она равна"),
    ("Section 2", "Nie tylko w tej sekcji używamy innego kosztu. Jest to"),
])
def test_a_cost_that_is_not_kept_to_its_section_is_in_force_after_it(heading, words):
    assert _section3(heading, words).status == "refuted"


@pytest.mark.parametrize("heading, words", [
    ("Aside: the cost from now on", "From now on, for the rest of these notes, the cost is the cross-entropy:"),
    ("Aside", "This aside changes the cost for the rest of the notes:"),
    ("Section 2", "In this section only, we plot the cost. From now on the cost is"),
])
def test_an_aside_or_confinement_against_lasting_words_is_read_both_ways(heading, words):
    assert _section3(heading, words).status in ("ambiguous", "refuted")


def test_an_aside_heading_still_keeps_its_cost_to_its_section():
    # the contrast: "Aside: comparison" with no lasting words keeps the quadratic cost in force in section 3 (BP1 true)
    assert _section3("Aside: comparison", "For comparison, the cost is").status == "holds"


# A4. By hand: softmax with C = −Σ_k y_k ln a^L_k gives ∂C/∂b^L_j = a_j Σ_k y_k − y_j, which is a_j − y_j only when
# Σ y = 1. A one-hot target put elsewhere ("only in the exercises", "in the next chapter") is not assumed here.
SOFTMAX = (r"The hidden layers are $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ for $l < L$; the output layer is a "
           r"softmax, $a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}}$, and the cost is" "\n"
           r"$$C = -\sum_k y_k \ln(a^L_k)$$" "\n{words}\n"
           r"$$\frac{\partial C}{\partial b^L_j} = a^L_j - y_j$$" "\n")
BP3_SOFT = r"\frac{\partial C}{\partial b^L_j} = a^L_j - y_j"


@pytest.mark.parametrize("words", [
    "The target $y$ is one-hot only in the exercises, so we do not use that here.",
    "Cíl $y$ je one-hot jen ve cvičeních, takže to zde nepoužíváme.",
    "Cel $y$ jest one-hot tylko w ćwiczeniach, więc tu tego nie używamy.",
    "Целевой вектор $y$ является one-hot только в упражнениях, поэтому здесь мы это не используем.",
    "The target $y$ is one-hot in the next chapter, so we do not use it now.",
])
def test_a_one_hot_target_put_elsewhere_is_not_assumed_here(words):
    assert _result(SOFTMAX.replace("{words}", words), BP3_SOFT).status != "holds"


@pytest.mark.parametrize("words", [
    "The target $y$ is one-hot, so we do not need the other terms.",
    "The target $y$ is a one-hot vector.",
])
def test_a_one_hot_target_said_here_is_still_assumed(words):
    assert _result(SOFTMAX.replace("{words}", words), BP3_SOFT).status == "holds"



# A4 in graph notes. By hand: u = Wx, y = softmax(u), L = −Σ_k t_k log y_k give ∂L/∂u_j = y_j Σ_k t_k − t_j, which is
# y_j − t_j only when Σ t = 1. The graph reader read "t is one-hot" in a sentence that puts it elsewhere as an assumption.
GRAPH_SOFTMAX = ("# Softmax\n\nLet $x$ be a column vector with entries $x_1, x_2$ and $W$ a $3 \\times 2$ matrix. "
                 r"Let $u = W x$ and $y = \operatorname{softmax}(u)$, with the loss $L = -\sum_k t_k \log y_k$." "\n\n"
                 "{words}\n\n" r"$$\frac{\partial L}{\partial u} = y - t$$" "\n")
GRAPH_CLAIM = r"\frac{\partial L}{\partial u} = y - t"


@pytest.mark.parametrize("words", [
    "The target $t$ is one-hot only in the exercises, so we do not use that here.",
    "Cíl $t$ je one-hot jen ve cvičeních, takže to zde nepoužíváme.",
    "The target $t$ is one-hot in the next chapter, so we do not use it now.",
])
def test_graph_notes_do_not_assume_a_one_hot_target_put_elsewhere(words):
    result = _result(GRAPH_SOFTMAX.replace("{words}", words), GRAPH_CLAIM)
    assert result.status == "refuted", result


@pytest.mark.parametrize("words", ["The target $t$ is a one-hot vector.",
                                   "The target $t$ is one-hot, so we do not need the other terms."])
def test_graph_notes_still_assume_a_one_hot_target_said_here(words):
    result = _result(GRAPH_SOFTMAX.replace("{words}", words), GRAPH_CLAIM)
    assert result.status == "conditional" and "one-hot" in result.condition, result

# B4. By hand: J = (1/m) Σ_t L^{(t)} gives ∂J/∂W = (1/m) Σ_t ∂L^{(t)}/∂W, which is (1/4) Σ_t … only when m = 4. A size
# the notes deny or set aside is not their m: the claim is checked for every m and refuted.
BATCH = "\n".join([
    r"Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \times 2$ matrix.",
    r"$$h = \tanh(g), \quad g = W x$$", r"$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$",
    r"$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$", "{words}",
    r"$$\frac{\partial J}{\partial W} = \frac{1}{4}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}$$", ""])
BATCH_CLAIM = r"\frac{\partial J}{\partial W} = \frac{1}{4}\sum_{t=1}^{m} \frac{\partial L^{(t)}}{\partial W}"


@pytest.mark.parametrize("words", [
    "Nebereme $m = 4$.", "Rather than $m = 4$, we use any $m$.", "Instead of $m = 4$ we leave $m$ free.",
    "Nobody uses $m = 4$.", "Other courses use $m = 4$; we keep $m$ arbitrary.",
    "The PyTorch example uses $m = 4$, but the derivation is for any $m$.",
])
def test_a_batch_size_set_aside_is_not_the_notes_m(words):
    assert _result(BATCH.replace("{words}", words), BATCH_CLAIM).status == "refuted"


def test_a_batch_size_asserted_is_the_notes_m():
    assert _result(BATCH.replace("{words}", "Each mini-batch has $m = 4$ samples."), BATCH_CLAIM).status != "refuted"
