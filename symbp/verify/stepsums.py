r"""The letter and the set of a sum over the inputs, in update rules and gradient claims (reviews rv45 A2, A3, B4,
rv46 A5, B1).

- ``\sum_{x \in X}``: the letter is x, the set X (a mini-batch when the step divides by m);
- ``b^l_j \to b^l_j - \frac{\eta}{m}\sum_{j=1}^m \delta^{x_j,l}_j``: the sum's letter j also indexes the parameter,
  so the sum is δ^{x_1}_1 + δ^{x_2}_2 + …, not the mini-batch sum of δ^{x_i}_j: not read;
- ``\frac{\partial C}{\partial b} = \frac{\partial C_x}{\partial b}``: C beside C_x is the mean cost, whose gradient
  is the mean of the per-input gradients, not one of them: not read.
"""

from __future__ import annotations

import re

_IN = re.compile(r"^\s*(?P<letter>[A-Za-z])\s*\\in\s*(?P<set>.+?)\s*$")
#: x_j, X_{k}, x_{(i)}: an input labelled by a letter (the letter of the sum that runs over them).
_INPUT_LABEL = re.compile(r"(?<![A-Za-z\\])[xX]\s*_\s*\{?\s*\(?\s*(?P<l>[a-z])\s*\)?\s*\}?")


def sum_letter(sum_var: "str | None") -> str:
    r"""The letter a sum runs over: ``x`` of ``x \in X`` and of ``x``; '' without one.

    >>> sum_letter(r"x \in X"), sum_letter("j"), sum_letter(""), sum_letter(None)
    ('x', 'j', '', '')
    """
    if not sum_var:
        return ""
    found = _IN.match(sum_var)
    return found.group("letter") if found else sum_var.strip()


def sum_set(sum_var: "str | None") -> str:
    r"""The set a sum is restricted to: ``X`` of ``x \in X``, '' when none is written.

    >>> sum_set(r"x \in B_k"), sum_set("x")
    ('B_k', '')
    """
    found = _IN.match(sum_var or "")
    return found.group("set") if found else ""


def _free_letters(param: str) -> set:
    rest = re.sub(r"^\s*(?:\\[A-Za-z]+|[A-Za-z])", "", param)  # the parameter's own name
    rest = re.sub(r"\\[A-Za-z]+", "", rest)
    return set(re.findall(r"[A-Za-z]", rest))


def captured(param: str, sum_var: "str | None", body: str) -> str:
    r"""Why a step's sum over the inputs is not read: its letter (or, for a sum without one, the letter of the
    inputs x_j it adds) also indexes the parameter or names its layer; '' when it does not.

    >>> captured("b^l_j", "j", r"\delta^{x_j,l}_j")[:24], captured("b^l_j", "", r"\delta^{x_j,l}_j")[:24]
    ('the sum over the inputs ', 'the sum over the inputs ')
    >>> captured("b^l_j", "i", r"\delta^{x_i,l}_j"), captured("w^l", r"x \in X", r"\delta^{x,l}")
    ('', '')
    >>> captured("b^l", "i", r"\delta^{x_i,i}")[:38]
    'the sum over the inputs runs over the '
    """
    if sum_var is None:
        return ""
    letter = sum_letter(sum_var)
    letters = {letter} if letter else {m.group("l") for m in _INPUT_LABEL.finditer(body)}
    clash = sorted(letters & _free_letters(param))
    if not clash:
        return _layer_or_entry(param, letters, body)
    k = clash[0]
    return (f"the sum over the inputs runs over the letter {k}, which also indexes {param} (its entry or its layer): "
            f"read as written the sum adds input {k}'s gradient at index {k} (x_1's at 1, x_2's at 2, …), the same "
            f"sum for every {param}, not the sum of the per-input gradients of {param}; give the sum its own letter "
            f"(\\sum_{{i=1}}^m … x_i …)")


def _layer_or_entry(param: str, letters: set, body: str) -> str:
    # Σ_{i=1}^m δ^{x_i,i}: the letter labelling the inputs also stands in the summand outside its label (here the
    # layer slot), so the terms are δ^{x_1,1}, δ^{x_2,2}, …: input i's gradient at layer (or index) i, no gradient step
    # on any network (review rv48 A3). The gradient claim is unread the same way (``samples.mean_claim``).
    for k in sorted(letters):
        labels = [m for m in _INPUT_LABEL.finditer(body) if m.group("l") == k]
        if not labels:
            continue
        rest = _INPUT_LABEL.sub(lambda m: "" if m.group("l") == k else m.group(0), body)
        if re.search(rf"(?<![A-Za-z\\]){k}(?![A-Za-z])", rest):
            return (f"the sum over the inputs runs over the letter {k}, which labels the inputs x_{k} and also stands "
                    f"elsewhere in its summand {body.strip()} (a layer or an index): read as written the sum adds "
                    f"input {k}'s gradient at layer or index {k} (x_1's at 1, x_2's at 2, …), not the per-input "
                    f"gradients of {param}; give the layer or index its own letter")
    return ""


_WHOLE = re.compile(r"^\s*(?:\\frac\s*\{\s*\\partial\s*(?P<c>[CLJE])\s*\}|\\nabla\s*(?:_\s*(?:\{[^{}]*\}|\S)\s*)?"
                    r"(?P<d>[CLJE])(?![_A-Za-z]))")


def mixed_cost(formula: str) -> str:
    r"""Why a claim setting the gradient of the cost C beside the gradient of one input's cost C_x, without a sum, is
    not read ('' otherwise): once the inputs are told apart, C is their mean cost (1/n) Σ_x C_x.

    >>> mixed_cost(r"\frac{\partial C}{\partial b^l_j} = \frac{\partial C_x}{\partial b^l_j}")[:20]
    'the claim sets the g'
    >>> mixed_cost(r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \frac{\partial C_x}{\partial b^l_j}")
    ''
    """
    if "=" not in formula or "\\sum" in formula:
        return ""
    lhs, rhs = formula.split("=", 1)
    whole = _WHOLE.match(lhs)
    if whole is None or not lhs.rstrip().endswith("}") and whole.group("c"):
        return ""
    cost = whole.group("c") or whole.group("d")
    one = re.search(r"(?<![A-Za-z\\])" + cost + r"\s*_\s*(\{[^{}]*\}|[A-Za-z])", rhs)
    if one is None:
        return ""
    x = one.group(1).strip("{}").strip()
    by = re.search(r"\\partial\s*(?P<by>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*$", lhs.strip())
    if by is None or by.group("by").strip().replace(" ", "") not in rhs.replace(" ", "").replace("{" + x + "}", x):
        return ""  # only ∂C/∂P = ∂C_x/∂P itself (the per-input claim of a mean keeps C_x by other variables)
    return (f"the claim sets the gradient of the cost {cost} equal to that of one input's cost {cost}_{x}: once the "
            f"inputs are told apart, {cost} is their mean (1/n) Σ_{x} {cost}_{x}, whose gradient is the mean of the "
            f"per-input gradients, not one of them; write {cost}_{x} on the left, or (1/n) Σ_{x} on the right")


__all__ = ["captured", "mixed_cost", "sum_letter", "sum_set"]
