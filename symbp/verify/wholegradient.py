r"""``\nabla C = \frac{1}{n}\sum_x \nabla C_x``: the gradient with respect to every parameter, written without a
subscript (review rv46 D3; before: unreadable, "∇ needs a subscript").

Unsubscripted, ∇C is the gradient by all the weights and biases at once (Nielsen, ch. 1). A claim whose every ∇ is
of the cost C or of one input's cost C_x is checked for each kind of parameter, ``\frac{\partial C}{\partial w^l}``
and ``\frac{\partial C}{\partial b^l}`` in their place, and holds only when both hold.

>>> by_parameter(r"\nabla C = \frac{1}{n}\sum_x \nabla C_x")[1]
'\\frac{\\partial C}{\\partial b^l} = \\frac{1}{n}\\sum_x \\frac{\\partial C_x}{\\partial b^l}'
>>> by_parameter(r"\nabla_a C = a^L - y"), by_parameter(r"\nabla C = \delta^L")
(None, None)
"""

from __future__ import annotations

import re

from .verdicts import Verification, replaced

#: ∇ without a subscript, of C or of one input's C_x (C_{x}, C_{X_j}).
_WHOLE = re.compile(r"\\nabla\s*(?!_)(?P<cost>C(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z]))?)(?![A-Za-z])")


def by_parameter(formula: str) -> "tuple[str, str] | None":
    """The claim for the weights and for the biases (∇ replaced by ∂/∂w^l, ∂/∂b^l); None unless every ∇ of the
    formula is an unsubscripted ∇ of the cost and it names no other quantity of the network."""
    if "=" not in formula or not _WHOLE.search(formula) or len(_WHOLE.findall(formula)) != formula.count("\\nabla"):
        return None
    rest = _WHOLE.sub(" ", formula)
    if re.search(r"\\(?:delta|partial|sigma)|(?<![A-Za-z\\])[azwbyW](?![A-Za-z])", rest):
        return None  # ∇C = δ^L, ∇C = a − y: a gradient by all parameters beside one layer's quantities, not read
    return tuple(_WHOLE.sub(lambda m, p=p: f"\\frac{{\\partial {m.group('cost')}}}{{\\partial {p}}}", formula)
                 for p in ("w^l", "b^l"))


def for_every_parameter(formula: str, by_w: Verification, by_b: Verification, seconds: float) -> Verification:
    """The verdict on a claim about ∇C from its verdicts for the weights and for the biases: it holds when both
    do; else the first that does not (a refutation first), naming the parameter."""
    both = (("the weights w^l", by_w), ("the biases b^l", by_b))
    failed = [(who, v) for who, v in both if v.status != "holds"]
    failed.sort(key=lambda p: p[1].status != "refuted")
    who, v = failed[0] if failed else both[0]
    words = "; ".join(f"for {w}: {r.reason or r.identity or r.status}" for w, r in both) if not failed else \
        f"∇C without a subscript is the gradient by every weight and bias; for {who}: {v.reason}"
    return replaced(v, formula=formula, reason=words, seconds=seconds)


__all__ = ["by_parameter", "for_every_parameter"]
