"""What the two negation suites share: the notes' head, BP1 and twice BP1, and the oracle that tells them apart.

``test_negation_words.py`` and ``test_negation_layout.py`` check how the words around a display decide whether the
notes state a formula or deny it. Both use one true formula (BP1 under the quadratic cost) and one false one (twice
BP1); ``fd_delta_output`` decides which is which by central differences, independently of symbp.
"""

from __future__ import annotations

import numpy as np

HEAD = ("# Notes\n\nWe use $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$, with the cost "
        "$C = \\frac{1}{2}\\|a^L - y\\|^2$.\n\n")
TRUE = r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
FALSE = r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)"
CALLED = "the notes call this formula wrong"


def fd_delta_output(factor: float, seed: int = 7) -> bool:
    """Whether δ^L = factor·(a^L − y) ⊙ σ'(z^L) is ∂C/∂z^L by central differences (sigmoid, 3 outputs)."""
    rng = np.random.default_rng(seed)
    z, y = rng.normal(size=3), rng.uniform(size=3)

    def sig(t):
        return 1 / (1 + np.exp(-t))

    def cost(t):
        return 0.5 * np.sum((sig(t) - y) ** 2)

    h = 1e-6
    fd = np.array([(cost(z + h * e) - cost(z - h * e)) / (2 * h) for e in np.eye(3)])
    claimed = factor * (sig(z) - y) * sig(z) * (1 - sig(z))
    return bool(np.allclose(fd, claimed, rtol=1e-6, atol=1e-9))
