r"""A sum over the samples may use any letter no other meaning binds (``\sum_{k=1}^m L^{(k)}``), in graph notes.

Before, ``C = \frac{1}{m}\sum_{k=1}^m L^{(k)}`` and the claims summing over k were unreadable (k was read only as
a step of an update rule), while the same with i held. By hand, for ŷ = W x, L = ½‖ŷ − y‖², C the mean of L over
m samples: ∂C/∂W = (1/m) Σ_k (ŷ^{(k)} − y^{(k)}) x^{(k)T}, ∂C/∂W_{12} = (1/m) Σ_k (ŷ^{(k)}_1 − y^{(k)}_1) x^{(k)}_2;
without the 1/m it is m times that (differs at m = 2), with x^{(k)}_1 another entry's. A k that labels the
samples and indexes an entry in one claim is not read (which k is which is not said), never judged.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

NOTES = r"""# A linear model over a batch

Let $W$ be a $2 \times 3$ matrix. For a sample $x$ we compute $\hat y = W x$ and $L = \frac12 \|\hat y - y\|^2$.
The cost is $C = \frac{1}{m}\sum_{k=1}^m L^{(k)}$.
"""


def _verdict(claim: str, letter: str = "k"):
    notes = NOTES.replace("{k=1}^m L^{(k)}", f"{{{letter}=1}}^m L^{{({letter})}}")
    rows = {r.formula.text: r.result for r in verify_text(notes + f"\n$${claim}$$\n").rows}
    return rows[claim]


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C}{\partial W} = \frac1m \sum_{k=1}^m (\hat y^{(k)} - y^{(k)}) x^{(k)T}", "holds"),
    (r"\frac{\partial C}{\partial W} = \frac1m \sum_{k} (\hat y^{(k)} - y^{(k)}) x^{(k)T}", "holds"),
    (r"\frac{\partial C}{\partial W} = \sum_{k=1}^m (\hat y^{(k)} - y^{(k)}) x^{(k)T}", "refuted"),  # no 1/m
    (r"\frac{\partial C}{\partial W_{12}} = \frac1m \sum_{k=1}^m (\hat y^{(k)}_1 - y^{(k)}_1) x^{(k)}_2", "holds"),
    (r"\frac{\partial C}{\partial W_{12}} = \frac1m \sum_{k=1}^m (\hat y^{(k)}_1 - y^{(k)}_1) x^{(k)}_1", "refuted"),
    (r"\frac{\partial C}{\partial W_{12}} = \frac{1}{2m} \sum_{k=1}^m (\hat y^{(k)}_1 - y^{(k)}_1) x^{(k)}_2",
     "refuted"),
])
def test_sample_sum_over_k_is_judged(claim, status):
    got = _verdict(claim)
    assert got.status == status, got.reason
    assert "m = 1, 2, 3" in got.reason


def test_sample_sum_over_k_when_the_cost_sums_over_i():
    got = _verdict(r"\frac{\partial C}{\partial W} = \frac1m \sum_{k=1}^m (\hat y^{(k)} - y^{(k)}) x^{(k)T}", "i")
    assert got.status == "holds", got.reason


@pytest.mark.parametrize("claim", [
    # k the sample and k the column of W in one claim: not read, never held or refuted
    r"\frac{\partial C}{\partial W_{jk}} = \frac1m \sum_{k=1}^m (\hat y^{(k)}_j - y^{(k)}_j) x^{(k)}_k",
    r"\frac{\partial C}{\partial W_{jk}} = \frac1m \sum_{k=1}^m (\hat y^{(k)}_j - y^{(k)}_j) x^{(k)}_j",
])
def test_sample_letter_k_beside_an_entry_index_k_is_not_judged(claim):
    assert _verdict(claim).status in ("uninterpretable", "unreadable")


def test_entry_index_k_beside_samples_over_i_is_judged():
    right = r"\frac{\partial C}{\partial W_{jk}} = \frac1m \sum_{i=1}^m (\hat y^{(i)}_j - y^{(i)}_j) x^{(i)}_k"
    assert _verdict(right).status == "holds"
    assert _verdict(right.replace("x^{(i)}_k", "x^{(i)}_j")).status == "refuted"
