r"""The orientation of a layered gradient under the layout the notes declare (issue 14, item 2).

Nielsen's reading, symbp's default, is the denominator layout: ∂C/∂a^l, ∂C/∂b^l, ∂C/∂z^l are columns like a^l, and
∂C/∂w^l has the shape of w^l (n_l × n_{l-1}). Notes that declare the numerator layout ("we use the numerator layout:
the derivative of a scalar by a column vector is a row vector") mean the transpose of each: a row ∂C/∂a^l, and
∂C/∂w^l of n_{l-1} × n_l. The gradient ∇_a C stays a column (it is one by definition) unless the notes say every
gradient is a row vector, and δ^l is what the notes define it as: ∂C/∂z^l as written (a row under the numerator
layout) or (∂C/∂z^l)^T (a column). An entry (∂C/∂w^l_{jk}, δ^l_j) is a number in every layout.

``interpret`` asks ``transposed`` whether a value it computed in Nielsen's orientation is to be transposed; the
layout is in force within ``layout_in_force`` (``verification.verify`` takes it from the notes, ``layeredlayout``).
Each use is recorded, so that a verdict says the layout it was made in only when the layout decided something.

>>> transposed("partial")
False
>>> with layout_in_force(GradientLayout("numerator", 3)) as used:
...     transposed("partial"), transposed("nabla"), transposed("delta")
(True, False, False)
>>> sorted(used)
['delta', 'nabla', 'partial']
>>> GradientLayout("numerator", 3).words({"partial"})
'in the numerator layout the notes declare on line 3 (∂C/∂ of a column vector is a row vector, ∂C/∂w^l has the shape of (w^l)^T)'
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GradientLayout:
    """The layout in force at a claim: ``layout`` "numerator" or "denominator", declared on ``line``;
    ``gradient_rows``: the notes say every gradient is a row vector (∇ too is the transpose of Nielsen's);
    ``delta_row``: the notes define δ^l as ∂C/∂z^l as written (a row under the numerator layout); ``explicit``: the
    declaring sentence says which way a gradient points (else gradients as columns may still be meant:
    ``layeredlayout.weigh``)."""

    layout: str
    line: int = 0
    gradient_rows: bool = False
    delta_row: bool = False
    explicit: bool = False
    vectors: str = "column"  # the notes' vectors: "row" in row-vector notes (g = x W), where the words flip
    names: tuple = field(default=("C", "w", "z"), repr=False)  # the notes' cost, weights and weighted input

    def transposes(self, kind: str) -> bool:
        """Does this layout transpose Nielsen's value of ``kind``: "partial" (∂C/∂ of a vector or a matrix),
        "nabla" (∇ of one), "delta" (the vector δ^l)?"""
        if kind == "jacobian":  # ∂z^l/∂a^{l-1}: a row per entry of z^l, except in the denominator layout
            return self.layout == "denominator"
        if self.layout != "numerator":
            return False
        return {"partial": True, "nabla": self.gradient_rows, "delta": self.delta_row}.get(kind, False)

    def words(self, used=("partial", "nabla", "delta")) -> str:
        """Which layout a verdict was made in, where the notes say so, and what it means for the kinds of value
        ``used`` ("partial", "nabla", "delta": ``transposed``)."""
        where = f" the notes declare on line {self.line}" if self.line else ""
        cost, w, z = self.names
        flips = self.layout == "numerator"  # a gradient in the shape of the transpose of what it is by
        vec, other = (self.vectors, "column" if self.vectors == "row" else "row")
        how = []
        if self.layout == "mixed":
            how.append("Jacobians in the numerator layout, gradients in the denominator layout")
        if "partial" in used:
            how.append(f"∂{cost}/∂ of a {vec} vector is a {other if flips else vec} vector, ∂{cost}/∂{w}^l has the "
                       f"shape of " + (f"({w}^l)^T" if flips else f"{w}^l"))
        if "nabla" in used:
            how.append(f"every gradient ∇{cost} is a {other} vector" if self.transposes("nabla")
                       else f"the gradient ∇{cost} is a {vec}")
        if "jacobian" in used:
            how.append(f"a Jacobian such as ∂{z}^l/∂a^{{l-1}} has " + ("a column" if self.transposes("jacobian")
                                                                       else "a row") + f" per entry of its numerator {z}^l")
        if "delta" in used:
            how.append(f"δ^l = ∂{cost}/∂{z}^l as the notes define it, a {other}" if self.transposes("delta")
                       else f"δ^l is a {vec}")
        name = "the mixed convention" if self.layout == "mixed" else f"the {self.layout} layout"
        return f"in {name}{where}" + (f" ({'; '.join(how)})" if how else "")


def label(identity: str, kind: str) -> str:
    """The label of a claim that instantiates Nielsen's ``identity`` (BP1', BP3, …) and whose left side is a value
    of ``kind`` ("partial", "nabla", "delta"; '' for an entry): where the layout in force transposes that kind, the
    claim is the transpose of Nielsen's statement, and the label says so; else the label as it is.

    >>> with layout_in_force(GradientLayout("numerator", 3)):
    ...     label("BP1'", "partial"), label("BP1", "delta"), label("BP4", "")
    ("BP1', transposed (the numerator layout)", 'BP1', 'BP4')
    >>> label("BP1'", "partial")
    "BP1'"
    """
    layout = active()
    if not identity or not kind or layout is None or not layout.transposes(kind):
        return identity
    return f"{identity}, transposed (the {layout.layout} layout)"


_ACTIVE: ContextVar = ContextVar("gradient_layout", default=None)  # (GradientLayout, set of kinds used) or None


@contextmanager
def layout_in_force(layout: "GradientLayout | None"):
    """Within the block, ``interpret`` reads gradients in ``layout`` (None: Nielsen's, the denominator layout).
    Yields the set of the kinds of value the layout was asked about ("partial", "nabla", "delta")."""
    used: set = set()
    token = _ACTIVE.set((layout, used) if layout is not None else None)
    try:
        yield used
    finally:
        _ACTIVE.reset(token)


def active() -> "GradientLayout | None":
    """The layout in force, or None (Nielsen's)."""
    state = _ACTIVE.get()
    return state[0] if state is not None else None


def transposed(kind: str) -> bool:
    """Is Nielsen's value of ``kind`` (see ``GradientLayout.transposes``) to be transposed in the layout in force?
    Each question asked under a layout is recorded: the verdict depends on the layout. With no layout in force a
    Jacobian ("jacobian") is read in the numerator layout, and the question is recorded for ``jacobians_watched``."""
    state = _ACTIVE.get()
    if state is None:
        seen = _JACOBIANS.get()
        if kind == "jacobian" and seen is not None:
            seen.add(kind)
        return False
    state[1].add(kind)
    return state[0].transposes(kind)


def entries_in_layout(eq):
    r"""``eq`` with each entry of a gradient matrix, ``(\frac{\partial C}{\partial w^l})_{jk}``, read as the derivative
    by the weight it is in the layout in force: ∂C/∂w^l_{jk} in Nielsen's (the denominator layout), ∂C/∂w^l_{kj} where
    ∂C/∂w^l has the shape of (w^l)^T (the indices are swapped, and ``to_latex`` writes them back as the notes do)."""
    from dataclasses import replace

    from .nodes import Partial, rebuild

    def swap(node):
        if isinstance(node, Partial) and node.entry_of in ("partial", "nabla") and len(node.den.indices) == 2 \
                and transposed(node.entry_of):
            return replace(node, den=replace(node.den, indices=node.den.indices[::-1]), entry_of=node.entry_of + "^T")
        return None
    return rebuild(eq, swap)


_JACOBIANS: ContextVar = ContextVar("jacobians_seen", default=None)


@contextmanager
def jacobians_watched():
    """Within the block, a Jacobian read with no layout in force is recorded in the set yielded: Nielsen's notes
    have no layout for it, so the verdict is weighed in both (``verification``)."""
    seen: set = set()
    token = _JACOBIANS.set(seen)
    try:
        yield seen
    finally:
        _JACOBIANS.reset(token)


def decided() -> bool:
    """Has a value been read in the layout in force so far in the block (is the verdict the layout's)?"""
    state = _ACTIVE.get()
    return state is not None and bool(state[1])


__all__ = ["GradientLayout", "active", "decided", "entries_in_layout", "jacobians_watched", "label", "layout_in_force",
           "transposed"]
