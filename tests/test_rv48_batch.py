r"""Review rv48 D3, D4, D6 and a leftover: how many inputs the mean cost averages, said in words, and sums over a named
set of inputs (``setwords``, ``meanclaims``); a number for a sum's bound (``numericsums``).

Verdicts decided by hand before running, each with a wrong variant that must not hold:

- D3: "a mini-batch $B$ of $m$ inputs" names B's count, so C = (1/m) Σ_{x∈B} C_x is the mean over B (holds), and
  the gradient (1/m) Σ_{x∈B} δ^{x,l} is BP3's mean (holds); 1/n (n never introduced) is not judged. Without the
  words, m is not said to count B: the cost is not read and no claim under it holds.
- D3: ∂C/∂z^{x,l}_j = (1/n) δ^{x,l}_j holds under C = (1/n) Σ_x C_x over "all $n$ training inputs" (only C_x
  depends on z^{x,l}); 1/m there (m < n), 2/n, or δ^{x,l+1} do not hold; with no count said, it is not judged.
- D3: a sum over the named training set ("the training set $\mathcal{X}$ of $n$ inputs") is the sum over all.
- D4: "mini-batches $B$ of $m$ training inputs, drawn from the $n$ training inputs, with $m < n$": the gradient of
  C = (1/n) Σ_x C_x is not (1/n) Σ_{x∈B} δ^{x,l} nor (1/m) Σ_{x∈B} δ^{x,l} (the estimate): refuted; the step
  b → b − (η/m) Σ_{x∈B} δ^{x,l} is SGD's step (holds). Without m < n, B may be all of them: not judged.
- D6: BP2 written with a number for the sum's bound, Σ_{k=1}^{2} w^3_{k1} δ^3_k: conditional on n_3 = 2 with
  --sizes 2,2,2 (met); a partial sum where the bound is not the layer's size (refuted on [3, 2, 3], the sum to 1,
  swapped indices); not judged without --sizes.
- leftover: notes that never say how many inputs C averages: neither (1/m) Σ_x δ^{x,l} nor (1/n) Σ_x δ^{x,l} holds
  (before, both held); the mini-batch step with η/m still holds.
"""

from pathlib import Path

from symbp.verify import verify
from symbp.verify.countwords import said_counts
from symbp.verify.notes import verify_notes
from symbp.verify.setwords import named_sets


def _rows(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return {r.formula.line: r.result for r in verify_notes(path).rows if r.formula.kind != "prose"}


def _lines(*formulas: str) -> str:
    return "".join(f"$${f}$$\n\n" for f in formulas)


FORWARD = _lines(r"z^{x,l} = w^l a^{x,l-1} + b^l", r"a^{x,l} = \sigma(z^{x,l})",
                 r"C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2")  # lines 3, 5, 7 after a first line and a blank


def test_rv48_d3_mean_over_a_named_mini_batch_is_the_cost(tmp_path):
    # hand (probe rv48 mb/m1.md): 11 holds (the mean over B of m); 13 holds (BP3); 15 not judged (n never said);
    # 17 refuted (BP3 off by a layer); 19 refuted (1/m counted twice: ∂C/∂z^{x,l} is already (1/m) δ^{x,l});
    # 21 holds (the sum of those is the mean)
    rows = _rows(tmp_path, "For every input $x$ of a mini-batch $B$ of $m$ inputs the network computes\n\n" + FORWARD
                 + _lines(r"C = \frac{1}{m}\sum_{x \in B} C_x",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{x \in B} \delta^{x,l}",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_{x \in B} \delta^{x,l}",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{x \in B} \delta^{x,l+1}",
                          r"\frac{\partial C}{\partial w^l} = \frac{1}{m}\sum_{x \in B} \frac{\partial C}{\partial z^{x,l}} (a^{x,l-1})^T",
                          r"\frac{\partial C}{\partial w^l} = \sum_{x \in B} \frac{\partial C}{\partial z^{x,l}} (a^{x,l-1})^T"))
    assert rows[9].status == "holds" and "of B" in rows[9].reason
    assert rows[11].status == "holds"
    assert rows[13].status == "uninterpretable" and "divides by n" in rows[13].reason
    assert rows[15].status == "refuted"
    assert rows[17].status == "refuted" and "counted twice" in rows[17].reason
    assert rows[19].status == "holds"


def test_rv48_d3_mean_over_a_batch_of_unsaid_size_is_not_read(tmp_path):
    # hand: nothing says B has m inputs: C = (1/m) Σ_{x∈B} C_x may be no mean; the gradient claims are not judged
    rows = _rows(tmp_path, "For every input $x$ of a mini-batch $B$ the network computes\n\n" + FORWARD
                 + _lines(r"C = \frac{1}{m}\sum_{x \in B} C_x",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{x \in B} \delta^{x,l}"))
    assert 9 not in rows  # filed as the notes' own definition of C, none of symbp's costs (``unknowns``)
    assert rows[11].status not in ("holds", "refuted")
    assert verify(r"C = \frac{1}{m}\sum_{x \in B} C_x").status == "uninterpretable"


N_SAID = ("For every training input $x$ the network computes\n\n" + FORWARD
          + "and the total cost is the average over all $n$ training inputs:\n\n")  # line 9


def test_rv48_d3_per_input_claim_with_the_said_count(tmp_path):
    # hand (probe h1 l.39): ∂C/∂z^{x,l}_j = (1/n) δ^{x,l}_j holds (C = (1/n) Σ_x C_x, only C_x depends on z^{x,l});
    # 2/n: twice it (refuted); δ^{x,l+1}: another layer (refuted); ∂C_x/∂z^{x,l}_j = (1/n) δ: C_x's is δ (refuted);
    # 1/m with m < n said: not the notes' count (never holds)
    rows = _rows(tmp_path, N_SAID + _lines(
        r"C = \frac{1}{n}\sum_x C_x",
        r"\frac{\partial C}{\partial z^{x,l}_j} = \frac{1}{n}\delta^{x,l}_j",
        r"\frac{\partial C}{\partial z^{x,l}_j} = \frac{2}{n}\delta^{x,l}_j",
        r"\frac{\partial C}{\partial z^{x,l}_j} = \frac{1}{n}\delta^{x,l+1}_j",
        r"\frac{\partial C_x}{\partial z^{x,l}_j} = \frac{1}{n}\delta^{x,l}_j",
        r"\frac{\partial C}{\partial z^{x,l}_j} = \frac{1}{m}\delta^{x,l}_j") + "with mini-batches of $m$ inputs, $m < n$.\n")
    assert rows[11].status == "holds"
    assert rows[13].status == "holds" and "for n = 2" in rows[13].reason
    assert rows[15].status != "holds"
    assert rows[17].status == "refuted"
    assert rows[19].status == "refuted"
    assert rows[21].status != "holds"


def test_rv48_d3_per_input_claim_without_a_count_is_not_judged(tmp_path):
    # hand: no count of the inputs anywhere: the 1/n is no known count, so the claim is not judged
    rows = _rows(tmp_path, "For every input $x$:\n\n" + FORWARD
                 + _lines(r"\frac{\partial C}{\partial z^{x,l}_j} = \frac{1}{n}\delta^{x,l}_j"))
    assert rows[9].status in ("unreadable", "uninterpretable")


def test_rv48_d3_sum_over_the_named_training_set(tmp_path):
    # hand: "the training set X of n inputs", C = (1/n) Σ_{x∈X} C_x (holds): (1/n) Σ_{x∈X} δ^{x,l} is BP3's mean
    # (holds), with δ^{x,l+1} refuted, with 1/m (m never said) not judged
    rows = _rows(tmp_path, "For every input $x$ of the training set $\\mathcal{X}$ of $n$ inputs:\n\n" + FORWARD
                 + _lines(r"C = \frac1n\sum_{x\in\mathcal X} C_x",
                          r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{x\in\mathcal X} \delta^{x,l}",
                          r"\frac{\partial C}{\partial b^l} = \frac1n\sum_{x\in\mathcal X} \delta^{x,l+1}",
                          r"\frac{\partial C}{\partial b^l} = \frac1m\sum_{x\in\mathcal X} \delta^{x,l}"))
    assert rows[9].status == "holds"
    assert rows[11].status == "holds"
    assert rows[13].status == "refuted"
    assert rows[15].status == "uninterpretable"


BATCHES = ("We train on mini-batches $B$ of $m$ training inputs, drawn from the $n$ training inputs{unequal}. "
           "Restricted to the batch,\n\n")  # line 13


def test_rv48_d4_gradient_over_a_strict_mini_batch_is_refuted_its_step_holds(tmp_path):
    # hand (probe h1 l.43, 47, 49): with m < n, (1/n) Σ_{x∈B} δ^{x,l} leaves out the other inputs (refuted), and so
    # does the estimate (1/m) Σ_{x∈B} δ^{x,l} as an equality (refuted); the SGD steps hold (minus) / are refuted (plus)
    rows = _rows(tmp_path, N_SAID + _lines(r"C = \frac{1}{n}\sum_x C_x") + BATCHES.format(unequal=", with $m < n$")
                 + _lines(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_{x \in B} \delta^{x,l}",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{x \in B} \delta^{x,l}",
                          r"b^l \to b^l - \frac{\eta}{m}\sum_{x \in B} \delta^{x,l}",
                          r"b^l \to b^l + \frac{\eta}{m}\sum_{x \in B} \delta^{x,l}",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}"))
    assert rows[15].status == "refuted" and "leaves out the other inputs" in rows[15].reason
    assert rows[17].status == "refuted"
    assert rows[19].status == "holds"
    assert rows[21].status == "refuted"
    assert rows[23].status == "holds"  # the batch's m does not become the count of the cost (said_counts)


def test_rv48_d4_mini_batch_that_may_be_all_inputs_is_not_judged(tmp_path):
    # hand: without m < n, B may hold all n inputs (m = n): the claim over B is neither refuted nor held
    rows = _rows(tmp_path, N_SAID + _lines(r"C = \frac{1}{n}\sum_x C_x") + BATCHES.format(unequal="")
                 + _lines(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_{x \in B} \delta^{x,l}"))
    assert rows[15].status == "uninterpretable" and "not said" in rows[15].reason


def test_rv48_no_count_said_leaves_one_over_m_and_n_unjudged(tmp_path):
    # hand: nothing says over how many inputs C averages: neither 1/m nor 1/n is known to be the mean's (before,
    # both held); the mini-batch step with η/m is a step on the batch's own mean cost (holds)
    rows = _rows(tmp_path, "For every input $x$:\n\n" + FORWARD
                 + _lines(r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_x \delta^{x,l}",
                          r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}",
                          r"b^l \to b^l - \frac{\eta}{m}\sum_x \delta^{x,l}"))
    assert rows[9].status == "uninterpretable" and "never say" in rows[9].reason
    assert rows[11].status == "uninterpretable" and "never say" in rows[11].reason
    assert rows[13].status == "holds"


def test_rv48_single_formula_keeps_reading_the_count_as_the_mean():
    # hand: outside notes there are no words to go by: (1/n) Σ_x δ^{x,l} is BP3's mean, as before
    assert verify(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}").status == "holds"


def test_rv48_batch_size_is_no_count_of_the_cost():
    text = "over all $n$ training inputs.\nWe use mini-batches $B$ of $m$ training inputs.\n"
    assert said_counts(text) == ((1, "n"),)
    assert named_sets(text) == ((2, "B", "m"),)


# -- D6: a number for a sum's upper bound (``numericsums``) ------------------------------------------------------

BP2_TWO = r"\delta^2_1 = \sigma'(z^2_1)\sum_{k=1}^{2} w^3_{k1}\delta^3_k"


def test_rv48_d6_numeric_bound_is_the_whole_sum_on_a_network_of_that_size():
    # hand: on [2, 2, 2] the sum to 2 over layer 3's neurons is BP2 written out: conditional on n_3 = 2, met
    v = verify(BP2_TWO, sizes=(2, 2, 2))
    assert v.status == "conditional" and v.condition == "n_3 = 2" and v.exit_code == 0


def test_rv48_d6_numeric_bound_short_of_the_layer_is_a_partial_sum():
    # hand: on [3, 2, 3] layer 3 has 3 neurons: the sum to 2 leaves one out (refuted, never read as the full sum);
    # the sum to 1 on [2, 2, 2] too; the sum to 3 on [2, 2, 2] runs past the layer (never holds); w^3_{1k}: swapped
    assert verify(BP2_TWO, sizes=(3, 2, 3)).status == "refuted"
    assert verify(BP2_TWO.replace("^{2}", "^{1}"), sizes=(2, 2, 2)).status == "refuted"
    assert verify(BP2_TWO.replace("^{2}", "^{3}"), sizes=(2, 2, 2)).status not in ("holds", "conditional")
    assert verify(BP2_TWO.replace("w^3_{k1}", "w^3_{1k}"), sizes=(2, 2, 2)).status == "refuted"
    assert verify(BP2_TWO.replace("^{2}", "^{3}"), sizes=(3, 2, 3)).status == "conditional"


def test_rv48_d6_numeric_bound_without_sizes_is_not_judged(tmp_path):
    # hand: without a network the claim names a size it does not fix: not judged (neither the conditional nor a
    # refutation on the larger layers); in notes, a forward pass written so blocks nothing (BP3 still holds)
    v = verify(BP2_TWO)
    assert v.status == "uninterpretable" and "--sizes" in v.reason
    rows = _rows(tmp_path, "A small network.\n\n" + _lines(r"z^2_j = \sum_{k=1}^{2} w^2_{jk} a^1_k + b^2_j",
                                                           r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"))
    assert rows[3].status == "uninterpretable"
    assert rows[5].status == "holds"
