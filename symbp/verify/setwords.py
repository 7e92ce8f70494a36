r"""Sets of training inputs the notes name in words, with the count of their inputs (review rv48 D3, D4).

"a mini-batch $B$ of $m$ inputs", "mini-batches $B$ of $m$ training inputs", "the training set $\mathcal X$ of
$n$ inputs": the set's letter and how many inputs it holds. A sum over such a set, ``\sum_{x \in B}``, is then
read against the notes' mean cost C = (1/count) Σ_x C_x (``within``):

- the set holds the count of inputs the cost averages (B of m under C = (1/m) Σ_{x∈B} C_x, X of n under the
  mean over all n training inputs): the sum runs over all of them, and the claim is read as a mean claim;
- the notes say the two counts differ (m < n): the sum leaves inputs out, so a gradient claim that sums the
  per-input gradients over B alone is refuted (over B it is the mini-batch *estimate* of the gradient, which
  the step b → b − (η/m) Σ_{x∈B} ∂C_x/∂b uses; ``updatejudge`` judges steps);
- otherwise (the set's count is not said, or not said to equal or differ from the cost's): not judged.

The size of a mini-batch is not the number of inputs the cost averages: "mini-batches $B$ of $m$ training inputs"
is no count of the cost's (``countwords.said_counts`` leaves it out).

>>> named_sets("For every input $x$ of a mini-batch $B$ of $m$ inputs the network computes")
((1, 'B', 'm'),)
>>> named_sets("the training set $\\mathcal{X}$ of $n$ inputs"), named_sets("over all $n$ training inputs")
(((1, '\\mathcalX', 'n'),), ())
>>> within_verdict("B", "n", "m", (("B", "m"),), lambda: True)[0], within_verdict("B", "m", "", (("B", "m"),), bool)
('refuted', None)
"""

from __future__ import annotations

import re

_NOUN = r"(?:mini[-\s]?batch(?:es)?|minibatch(?:es)?|batch(?:es)?|(?:training\s+)?set|sample)"
_INPUTS = r"(?:training\s+)?(?:inputs|examples|samples|data\s+points)"
#: "a mini-batch $B$ of $m$ inputs", "the training set $\mathcal X$ of all $n$ examples"
_NAMED = re.compile(_NOUN + r"\s+\$\s*(?P<name>[^$]{1,30}?)\s*\$\s*,?\s+(?:of|with|containing|holding)\s+(?:the\s+|all\s+)?"
                    r"\$\s*(?P<count>[mnN])\s*\$\s+" + _INPUTS, re.I)
#: "a mini-batch of $m$ inputs", "mini-batches $B$ of $m$ training inputs": a batch's size
_BATCH_SIZE = re.compile(r"(?:mini[-\s]?batch(?:es)?|minibatch(?:es)?|batch(?:es)?)\s+(?:\$[^$]{1,30}\$\s*,?\s+)?"
                         r"(?:of|with|containing|holding)\s+\$\s*[mnN]\s*\$\s+" + _INPUTS, re.I)


def set_name(text: str) -> str:
    r"""A set's letter as compared: ``\mathcal{X}``, ``\mathcal X`` and ``\mathcal X`` are one (spaces and braces
    taken off)."""
    return re.sub(r"[\s{}]", "", text)


def named_sets(text: str) -> tuple:
    """(line, set letter, count letter) of every set of inputs the notes name with its count in words."""
    found = []
    for k, line in enumerate(text.splitlines(), start=1):
        for m in _NAMED.finditer(line):
            found.append((k, set_name(m.group("name")), m.group("count")))
    return tuple(found)


def batch_size_spans(line: str) -> list:
    """The spans of ``line`` that give a mini-batch's size ("a mini-batch $B$ of $m$ inputs")."""
    return [m.span() for m in _BATCH_SIZE.finditer(line)]


def within_verdict(within: str, count: str, differ: str, sets: tuple, summand_holds) -> "tuple | None":
    r"""The verdict (status, reason, diagnosis) on a gradient claim of the mean cost that sums over the inputs x
    in the set ``within`` (``\sum_{x \in B}``), None when the set is all the inputs the cost averages (the claim is
    then read as a mean claim). ``count``: the letter of the notes' mean cost (C = (1/count) Σ_x C_x), '' if not
    said; ``differ``: the letters the notes say differ from it (m < n); ``sets``: (set, count) named in words;
    ``summand_holds()``: whether the summand is the per-input gradient (only then is leaving inputs out a slip of
    its own: another summand may make it true again).
    """
    size = dict(sets).get(set_name(within))
    unsaid = f"the sum runs over the inputs x in {within}, but the cost's gradient is the mean over all the inputs it averages"
    if size is None:
        return "uninterpretable", (f"{unsaid}, and whether {within} is all of them is not said (the notes name no "
                                   f"count of the inputs in {within})"), ""
    if not count:
        return "uninterpretable", (f"{unsaid}: {within} has {size} inputs, but the notes do not say over how many "
                                   "inputs the cost averages, so whether it is all of them is not said"), ""
    if size == count:
        return None
    if size in differ and summand_holds():
        return "refuted", (f"{unsaid}, C = (1/{count}) Σ_x C_x over all {count} of them, and {within} has {size} "
                           f"inputs with {size} ≠ {count}: the sum over {within} leaves out the other inputs' "
                           f"gradients (it is the mini-batch estimate of the gradient that a step of stochastic "
                           f"gradient descent uses, not the gradient)"), \
            f"sum over all {count} inputs for the gradient; over {within} it is the mini-batch estimate"
    if size in differ:
        return "uninterpretable", (f"{unsaid}, and {within} has {size} ≠ {count} inputs; its summand is not the "
                                   "per-input gradient, so the claim is not judged"), ""
    return "uninterpretable", (f"{unsaid}, C = (1/{count}) Σ_x C_x, and {within} has {size} inputs: that {size} = "
                               f"{count} (all of them) is not said"), ""


def other_count(size: str, count: str, unequal: str = "", what: str = "claim") -> "tuple[str, str, str] | None":
    r"""The verdict (status, reason, diagnosis) on a ``what`` (claim, step) that divides by 1/``size`` in notes
    whose mean cost divides by 1/``count`` (C = (1/m) Σ_x C_x, a claim with 1/n); None when the letters are the
    same or either is not written. The two letters name counts the notes do not say are equal: uninterpretable,
    naming both; refuted when the notes say they differ (``unequal`` holds the letters written ≠ ``count``, as in
    m < n), since then the claim is size/count times the mean's gradient (the step that multiple of the rate).

    >>> other_count("n", "m")[1][:62]
    'the claim divides by n, but the notes define the cost as the m'
    >>> other_count("n", "m", "n")[0], other_count("m", "m"), other_count("", "m"), other_count("n", "")
    ('refuted', None, None, None)
    """
    if not size or not count or size == count:
        return None
    mean = f"the notes define the cost as the mean over their {count} inputs, C = (1/{count}) Σ_x C_x"
    if size in unequal:
        scaled = "its right side is" if what == "claim" else "it subtracts the learning rate times"
        return ("refuted", f"the {what} divides by {size}, but {mean}, and they say {count} ≠ {size}: {scaled} "
                f"{count}/{size} times the mean's gradient (1/{count}) Σ_x", f"divide by {count}, not {size}")
    return ("uninterpretable", f"the {what} divides by {size}, but {mean}: its gradient is the mean (1/{count}) "
            f"Σ_x; that {size} equals {count} is not written, so the {what} with 1/{size} is not judged", "")


__all__ = ["batch_size_spans", "named_sets", "other_count", "set_name", "within_verdict"]
