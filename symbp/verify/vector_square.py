r"""The square of a vector: entry by entry, or the inner product.

``(a^l)^2`` is read entry by entry (``interpret``: tanh' = 1 − (a^l)^2), the
usual reading. Some notes mean the inner product (a^l)^T a^l (the squared
norm: ``C = \frac12 (y - a^L)^2``). When the entrywise reading is ill-shaped
(refuted by shapes, or well-shaped only with one output neuron), the formula
is checked again with every square of a vector read as the inner product:

* well-shaped there and not refuted: the formula is *ambiguous*, and both
  readings are named with their verdicts (``(a^l)^2 = (a^l)^T a^l`` holds as
  an inner product, and is ill-shaped entry by entry);
* refuted there too: it stays refuted, and the reason says both readings fail;
* holding there, while the entrywise reading holds only with one output neuron and the network the user fixed
  (``--sizes``) has one: the readings agree on that network, the verdict stays conditional (met).

A formula whose entrywise reading is well-shaped keeps it: the inner product is
written otherwise (``\|a\|^2``, ``a^T a``).

>>> from symbp.verify import verify
>>> v = verify(r"(a^l)^2 = (a^l)^T a^l")
>>> v.status, "inner product" in v.reason
('ambiguous', True)
>>> verify(r"(a^l)^2 = 2 (a^l)^T a^l").status
'refuted'
"""

from __future__ import annotations

from .grouping import verdict_words
from .nodes import Equation, Mul, Pow, Transpose, rebuild, to_latex, walk


def inner_reading(eq: Equation, rows: bool = False) -> "Equation | None":
    """``eq`` with every square read as an inner product (xᵀx; x xᵀ for ``rows`` vectors), or None if it has none.
    A square of a number reads the same either way (its transpose is itself)."""
    if not any(isinstance(n, Pow) and n.exp == 2 for n in walk(eq)):
        return None

    def inner(node):  # bottom-up (``rebuild``): a square inside the base is read already
        if isinstance(node, Pow) and node.exp == 2:
            return Mul((node.base, Transpose(node.base)) if rows else (Transpose(node.base), node.base))
        return None

    return rebuild(eq, inner)


def entrywise_ill_shaped(outcome, condition: str) -> bool:
    """Is the usual (entrywise) reading ill-shaped: refuted by shapes, or well-shaped only under ``condition``
    (one output neuron)?"""
    return (outcome.status == "refuted" and outcome.shape) or (outcome.status == "conditional"
                                                               and outcome.condition == condition)


def readings(eq: Equation, usual, inner_eq: Equation, inner) -> "tuple[str, str] | None":
    """('ambiguous', words), or ('refuted' / 'agree' / 'note', words to add to the usual reason), from the
    entrywise outcome ``usual`` and the inner-product outcome ``inner``; None when the inner product is ill-shaped
    too (the usual verdict stands)."""
    if inner.status == "refuted" and inner.shape:
        return None
    entrywise = (f"read entry by entry, {to_latex(eq)}, it holds only when {usual.condition} ({usual.reason})"
                 if usual.status == "conditional" else
                 f"read entry by entry, {to_latex(eq)}, it is ill-shaped ({usual.reason})")
    as_inner = f"read as the inner product, {to_latex(inner_eq)}, it " + verdict_words(inner)
    if inner.status == "refuted" and usual.status == "conditional":  # entry by entry it holds with one output
        return "note", f"; {as_inner}"
    if inner.status == "refuted":
        return "refuted", f"; {as_inner}, so it fails in both readings of the square of a vector"
    if usual.status == "conditional" and usual.condition_met and inner.status == "holds":
        return "agree", f"; {as_inner} too, and on your network the two readings are the same"
    return "ambiguous", ("ambiguous: the square of a vector means its entries squared or the inner product "
                         f"xᵀx, and the readings disagree: {entrywise}; {as_inner}")


__all__ = ["entrywise_ill_shaped", "inner_reading", "readings"]
