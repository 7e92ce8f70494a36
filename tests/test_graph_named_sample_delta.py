r"""A per-sample quantity the notes name, ``d^{(t)} = (h^{(t)} - y^{(t)}) \odot \sigma'(g^{(t)})``, inside a sum over
a mini-batch (review rv45 B3).

Before, the textbook mini-batch gradient written with the named d^{(t)} was refuted even at m = 1: σ'(g) is an
atom of a generic function at a point in the leaves, and the copy of d for sample k kept the base sample's x inside
it (the counterexample had both x_1^{(1)} and a bare x_1). Written out inline the same claim held.

By hand (x a column of 2, W 3×2, g = W x (+ b), h = σ(g), L^{(t)} = ½‖h^{(t)} − y^{(t)}‖², J = (1/m) Σ_t L^{(t)}):
∂J/∂W = (1/m) Σ_t d^{(t)} x^{(t)T} with d^{(t)} = (h^{(t)} − y^{(t)}) ⊙ σ'(g^{(t)}); without 1/m it is m times that
(differs at m = 2); ∂J/∂b = (1/m) Σ_t d^{(t)}; ∂J/∂g^{(t)} = d^{(t)}/m (not d^{(t)}); ∂L^{(t)}/∂W = d^{(t)} x^{(t)T}.
A step W − (η/m) Σ_t d^{(t)} x^{(t)T} goes downhill; with + it goes uphill.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

NOTES = r"""Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $3 \times 2$ matrix.
$$h = \sigma(g), \quad g = W x + b$$
$$L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2$$
$$J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}$$
$$d^{(t)} = (h^{(t)} - y^{(t)}) \odot \sigma'(g^{(t)})$$
"""


def _verdict(claim: str):
    return {r.formula.text: r.result for r in verify_text(NOTES + f"\n$${claim}$$\n").rows}[claim]


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^m d^{(t)} (x^{(t)})^T", "holds"),
    (r"\frac{\partial J}{\partial W} = \sum_{t=1}^m d^{(t)} (x^{(t)})^T", "refuted"),
    (r"\frac{\partial J}{\partial W} = \frac{1}{m}\sum_{t=1}^m (h^{(t)} - y^{(t)}) (x^{(t)})^T", "refuted"),
    (r"\frac{\partial J}{\partial b} = \frac{1}{m}\sum_{t=1}^m d^{(t)}", "holds"),
    (r"\frac{\partial J}{\partial b} = \frac{1}{m}\sum_{t=1}^m (h^{(t)} - y^{(t)})", "refuted"),
    (r"\frac{\partial J}{\partial g^{(t)}} = \frac{1}{m} d^{(t)}", "holds"),
    (r"\frac{\partial J}{\partial g^{(t)}} = d^{(t)}", "refuted"),
    (r"\frac{\partial L^{(t)}}{\partial W} = d^{(t)} (x^{(t)})^T", "holds"),
    (r"W \leftarrow W - \frac{\eta}{m}\sum_{t=1}^m d^{(t)} (x^{(t)})^T", "holds"),
    (r"W \leftarrow W + \frac{\eta}{m}\sum_{t=1}^m d^{(t)} (x^{(t)})^T", "refuted"),
])
def test_named_per_sample_delta_in_a_batch_sum(claim, status):
    got = _verdict(claim)
    assert got.status == status, got.reason
