r"""The mean cost written with the letter of the per-sample loss, ``L = \frac1m\sum_i L^{(i)}``, in graph notes.

Before, the definition was uninterpretable ("the notes' definitions are of one sample and do not tell the samples
apart") and so was every claim about L. Read now: bare L is the mean over a mini-batch, L^{(i)} the loss of sample
i, when the notes define the loss of one sample only with its label (L^{(i)} = …). When they also define a bare
L = … of one sample, a claim's L may mean either: uninterpretable, with that reason, never judged.

By hand, ŷ = W x, L^{(i)} = ½‖ŷ^{(i)} − y^{(i)}‖², L = (1/m) Σ_i L^{(i)}: ∂L/∂W = (1/m) Σ_i (ŷ^{(i)} − y^{(i)})
x^{(i)T} (without 1/m: m times it, differs at m = 2); ∂L^{(i)}/∂W = (ŷ^{(i)} − y^{(i)}) x^{(i)T} (one sample's, no
1/m); ∂L/∂ŷ^{(i)} = (ŷ^{(i)} − y^{(i)})/m.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

LABELLED = r"""# The mean under the loss's own letter

Let $W$ be a $2 \times 3$ matrix. For a sample $x$ we compute $\hat y = W x$.
The loss of sample $i$ is $L^{(i)} = \frac12 \|\hat y^{(i)} - y^{(i)}\|^2$ and the cost is $L = \frac1m\sum_i L^{(i)}$.
"""
BARE = r"""# The loss of one sample and the mean, both L

Let $W$ be a $2 \times 3$ matrix. For a sample $x$ we compute $\hat y = W x$ and $L = \frac12 \|\hat y - y\|^2$.
Over a mini-batch the cost is $L = \frac1m\sum_i L^{(i)}$.
"""


def _verdict(notes: str, claim: str):
    return {r.formula.text: r.result for r in verify_text(notes + f"\n$${claim}$$\n").rows}[claim]


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial L}{\partial W} = \frac1m \sum_{i=1}^m (\hat y^{(i)} - y^{(i)}) x^{(i)T}", "holds"),
    (r"\frac{\partial L}{\partial W} = \sum_{i=1}^m (\hat y^{(i)} - y^{(i)}) x^{(i)T}", "refuted"),
    (r"\frac{\partial L}{\partial W} = \frac1m \sum_{i=1}^m \frac{\partial L^{(i)}}{\partial W}", "holds"),
    (r"\frac{\partial L}{\partial W} = \sum_{i=1}^m \frac{\partial L^{(i)}}{\partial W}", "refuted"),
    (r"\frac{\partial L^{(i)}}{\partial W} = (\hat y^{(i)} - y^{(i)}) x^{(i)T}", "holds"),
    (r"\frac{\partial L^{(i)}}{\partial W} = \frac1m (\hat y^{(i)} - y^{(i)}) x^{(i)T}", "refuted"),
    (r"\frac{\partial L}{\partial \hat y^{(i)}} = \frac1m (\hat y^{(i)} - y^{(i)})", "holds"),
    (r"\frac{\partial L}{\partial \hat y^{(i)}} = \hat y^{(i)} - y^{(i)}", "refuted"),
])
def test_mean_and_per_sample_loss_share_a_letter(claim, status):
    got = _verdict(LABELLED, claim)
    assert got.status == status, got.reason


@pytest.mark.parametrize("claim", [
    r"\frac{\partial L}{\partial W} = \frac1m \sum_{i=1}^m (\hat y^{(i)} - y^{(i)}) x^{(i)T}",
    r"\frac{\partial L}{\partial W} = \sum_{i=1}^m (\hat y^{(i)} - y^{(i)}) x^{(i)T}",
])
def test_bare_loss_beside_the_mean_is_ambiguous(claim):
    got = _verdict(BARE, claim)
    assert got.status == "uninterpretable", got.reason
    assert "names both the cost of one sample" in got.reason
