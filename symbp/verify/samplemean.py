r"""A sum over the inputs whose summand differentiates the mean cost itself (review rv45 A1).

With the cost the mean of the per-input costs, C = (1/n) Σ_x C_x, the derivative of C by a quantity of one
input x (its z^{x,l}, a^{x,l}, δ's argument) is 1/n of that input's own: ∂C/∂z^{x,l} = (1/n) ∂C_x/∂z^{x,l}. So

- ``\frac{\partial C}{\partial b^l} = \sum_x \frac{\partial C}{\partial z^{x,l}}`` holds: the sum of those is
  already the mean of the per-input gradients;
- ``\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \frac{\partial C}{\partial z^{x,l}}`` counts 1/n twice.

Read input by input (a network of one input, where C is C_x) both looked alike; this module keeps the 1/n.
"""

from __future__ import annotations

from .verdicts import Verification, replaced, since


def bare_mean(inner: Verification, mean, count: str, formula: str, words: dict, start: float) -> Verification:
    """The verdict on a mean claim (``samples.MeanClaim``) whose summand holds ``mean.bare``, from ``inner``, the
    verdict on its per-input claim (which, at a set of one input, is the claim itself): a claim that holds only
    where a condition is met (l = L) keeps its condition, unless the 1/n is counted twice, which no condition mends."""
    k = count or mean.size or "n"
    x = mean.var or "x"
    what = (f"{mean.bare} in the summand differentiates the cost C itself, the mean of the per-input costs "
            f"(1/{k}) Σ_{x} C_{x}, by a quantity of the one input {x}, so it is 1/{k} times ∂C_{x}/∂(…) of that input")
    if inner.status not in ("holds", "conditional"):  # at a set of one input, C = C_x and the claim is the per-input claim
        return replaced(inner, formula=formula, interpretation=words, seconds=since(start),
                        reason=f"{inner.reason} (at one input, where the mean cost is that input's cost; {what})")
    if mean.mean:
        return replaced(inner, formula=formula, status="refuted", verdict="refuted", interpretation=words,
                        identity="", seconds=since(start),
                        reason=f"{what}; with the 1/{k} before the sum too, the right side is 1/{k} of the mean "
                        "cost's gradient (the 1/" + k + " counted twice)",
                        diagnosis=f"the 1/{k} counted twice: write C_{x} in the summand, or drop the 1/{k}")
    return replaced(inner, formula=formula, interpretation=words, identity="", seconds=since(start),
                    reason=f"{inner.reason}; {what}: their sum over the inputs is the mean of the per-input gradients, the gradient "
                    "of the mean cost")
