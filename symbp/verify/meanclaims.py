r"""Claims about the mean cost C = (1/count) Σ_x C_x over the training inputs: mean claims (a gradient of C as a sum
of per-input gradients) and per-input claims that write the count itself (review rv48 D3, D4).

``judge_mean`` judges ``\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}`` by its per-input claim
(``samples.mean_claim``), once the count and the set summed over are the notes' own: a sum over a named set
``\sum_{x \in B}`` is read against what the notes say of B (``setwords.within_verdict``), and in notes that say
nowhere how many inputs their cost averages (``uncounted``) neither 1/m nor 1/n is taken for the mean.

``counted_per_input`` judges a per-input claim that writes the notes' count, ``\frac{\partial C}{\partial
z^{x,l}_j} = \frac{1}{n}\delta^{x,l}_j``: with 1/n put in for each number of inputs N = 2, 3, …, and ∂C/∂(a quantity
of input x) = (1/N) ∂C_x/∂(it) (``samples.over_inputs``), both sides are polynomials in 1/N whose degree is at most
the number of places 1/n and ∂ or ∇ are written; one more value of N than that degree that holds shows it for
every n, one that fails refutes it.

>>> from symbp.notation import profile
>>> v = counted_per_input(r"\frac{\partial C}{\partial z^{x,l}_j} = \frac{1}{n}\delta^{x,l}_j", "n", profile("nielsen"),
...                       dict(diagnose=False), 0.0, __import__("symbp.verify", fromlist=["verify"]).verify)
>>> v.status
'holds'
"""

from __future__ import annotations

from .rulecheck import Check, other_count_verdict, sample_count
from .samplemean import bare_mean
from .samples import braced_count, mean_claim, over_inputs, per_sample, total_cost
from .setwords import within_verdict
from .updatejudge import sum_bounds
from .verdicts import VERDICT_OF, Verification, replaced, since


def _unsaid_count(mean) -> "tuple[str, str, str] | None":
    # notes that never say how many inputs their cost averages: 1/m or 1/n is not known to be the mean's (rv48)
    if not mean.size:
        return None
    return "uninterpretable", (f"the claim divides by {mean.size}, but the notes never say over how many inputs their "
                               f"cost averages (no C = (1/{mean.size}) Σ_x C_x, no \"the {mean.size} training "
                               f"inputs\"): that {mean.size} is that count is not said, so the claim is not judged"), ""


def judge_mean(formula: str, labelled: str, nt, again: dict, base: dict, start: float, verify: Check, count: str,
               differ: str, sets: tuple = (), uncounted: bool = False) -> "Verification | None":
    """The verdict on a mean claim (``samples.mean_claim``), None when ``labelled`` is none."""
    mean = mean_claim(labelled)
    if mean is None:
        return None
    off = None
    if mean.unread:
        off = ("uninterpretable", mean.unread, "")
    elif uncounted and not count:
        off = _unsaid_count(mean)
    if off is None and mean.within:
        off = within_verdict(mean.within, count, differ, sets,
                             lambda: verify(mean.per_input, nt, **again).status == "holds")
    off = off or (other_count_verdict(mean, count, differ, nt, again, verify) or
                  sum_bounds(mean.var, mean.lower, mean.upper, mean.size or count or sample_count(mean.upper)))
    if off:
        return Verification(status=off[0], verdict=VERDICT_OF.get(off[0], "undecided"), reason=off[1],
                            diagnosis=off[2], interpretation={"words": mean.words, "latex": formula},
                            seconds=since(start), **base)
    inner = verify(mean.per_input, nt, **again)
    words = dict(inner.interpretation, per_sample=mean.words)
    k = count or sample_count(mean.upper)
    if mean.bare and inner.status in ("holds", "refuted", "conditional"):
        return bare_mean(inner, mean, k, formula, words, start)
    if inner.status == "holds" and not mean.mean:
        return replaced(inner, formula=formula, status="refuted", verdict="refuted", interpretation=words,
                        identity="", reason=f"the sum over the inputs without 1/{k}: the mean cost's gradient is the "
                        f"mean of the per-input gradients (the sum is {k} times it)", diagnosis=f"a missing 1/{k}",
                        seconds=since(start))
    if inner.status == "holds" and len({" ".join(side.split()) for side in mean.per_input.split(" = ", 1)}) == 1:
        # ∂C/∂b = (1/n) Σ_x ∂C_x/∂b: the derivative of the mean is the mean of the derivatives, no identity of BP
        return replaced(inner, formula=formula, interpretation=words, identity="", seconds=since(start),
                        reason="the derivative of the mean cost is the mean of the per-input derivatives")
    return replaced(inner, formula=formula, interpretation=words, seconds=since(start))


def counted_per_input(formula: str, count: str, nt, again: dict, start: float, verify: Check) -> "Verification | None":
    """The verdict on a per-input claim that writes 1/``count``, the notes' count of inputs (see the module), or
    None when it writes none (or names no one input)."""
    one = rf"\frac{{1}}{{{count}}}"
    try:
        sample = per_sample(braced_count(formula))
    except ValueError:
        return None
    if not count or sample is None or one not in braced_count(sample.text) or r"\sum" in sample.text:
        return None  # (a sum over the inputs beside one input's label is no per-input claim)
    text = braced_count(sample.text)
    degree = text.count(one) + text.count(r"\partial") + text.count(r"\nabla")
    total = total_cost(text.replace(one, r"\frac{1}{2}"), nt)
    inner = None
    for n in range(2, degree + 3):
        few = text.replace(one, rf"\frac{{1}}{{{n}}}")
        if total:
            few = over_inputs(few, total, n)
            if few is None:  # the cost by a weight or a bias the inputs share: that needs the other inputs
                return None
        inner = verify(few, nt, **dict(again, diagnose=False))
        if inner.status != "holds":
            break
    how = (f"{sample.words}; 1/{count} is the notes' 1/{count}, their cost C = (1/{count}) Σ_x C_x"
           + (f", whose derivative by a quantity of input {sample.sample} is (1/{count}) times C_{sample.sample}'s" if total
              else "") + (f": checked with {count} = {n} ({few})" if inner.status != "holds" else
                          f": checked for {count} = 2 … {n}, enough for every {count}"))
    if inner.status not in ("holds", "refuted"):
        return replaced(inner, formula=formula, interpretation=dict(inner.interpretation, per_sample=how),
                        reason=f"{inner.reason} ({how})", seconds=since(start))
    return replaced(inner, formula=formula, interpretation=dict(inner.interpretation, per_sample=how),
                    reason=f"{inner.reason}; {how}" if inner.reason else how, seconds=since(start),
                    **({"identity": ""} if inner.status == "holds" else {}))
