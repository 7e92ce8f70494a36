r"""A layout said only by the way gradients point ("we write gradients as row vectors"), weighed for a Jacobian.

In notes of row vectors, gradients as rows are the denominator layout's and the mixed convention's alike (the mixed
convention: a gradient shaped as its variable, a Jacobian in the numerator layout): such words fix no layout of a
Jacobian, and a claim with one is judged in the two (review, layouts finding 3: ``\frac{\partial g}{\partial x} =
W^T`` of ``g = x W`` was refuted in the denominator layout alone, though it holds in the mixed convention). In notes
of columns, gradients as rows are the numerator layout's only (a Jacobian in the denominator layout beside them is
no convention symbp reads, review rv40 A8), so nothing changes there.
"""

from __future__ import annotations

from .layoutswitch import MIXED


def gradients_only(verdicts: dict, kinds: set, notes_layout, combine):
    """The outcome of a claim with a Jacobian under a declaration that says only which way gradients point and
    means the denominator layout or the mixed convention, judged in those two (``combine`` with no layout of the
    notes: ambiguous where they disagree, saying why); None when that is not the case, or neither fits."""
    if not (getattr(notes_layout, "gradients_only", False) and "jacobian" in kinds
            and notes_layout.layout == "denominator"):
        return None
    # a claim of Jacobians only has no mixed reading of its own: its numerator reading is the mixed convention's
    allowed = {k: v for k, v in verdicts.items() if k in ("denominator", MIXED) or kinds == {"jacobian"}}
    if all(v.status == "misfit" for v in allowed.values()):
        return None
    out = combine(allowed, kinds, "")
    if out.status == "ambiguous":
        out.reason = (f"line {notes_layout.line} says only which way gradients point, which the denominator layout "
                      "and the mixed convention (Jacobians in the numerator layout) share; " + out.reason)
    return out


__all__ = ["gradients_only"]
