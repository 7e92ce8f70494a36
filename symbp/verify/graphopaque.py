r"""A step on a parameter the notes' model never connects to the loss, judged by its form alone.

Seed 004 updates ``\vec{u} = \vec{u} - \alpha \nabla \vec{u}`` while the model symbp reads never makes L depend on
u (the notes say it in half-read words, through A and a B they never define), so ∂L/∂u is not judged
(``graphunlinked``). A step of gradient descent is a statement about its form, though: the new value is the old one
minus a positive rate times the gradient of the loss, whatever that gradient is. So the rule is checked with each
entry of ∂L/∂u an opaque symbol of its own (no value, and no zero the model made up):

- written with that very gradient (∇u, ∂L/∂u) and a positive rate, it holds, however L depends on u;
- a plus sign (a step uphill), a start from another parameter, or shapes that do not fit are slips whatever the
  gradient is, and stay refuted;
- any other step (by A's derivative, by ∇W) might be right for a link the model does not know: uninterpretable,
  with the unlinked reason.

>>> import sympy
>>> u1, u2, L = sympy.symbols("u_1 u_2 L")
>>> o = opaque_entries(L, sympy.ImmutableMatrix([u1, u2]))
>>> opaque_gradient(o, L, sympy.ImmutableMatrix([u1, u2])).T
Matrix([[\partial L/\partial u_1, \partial L/\partial u_2]])
"""

from __future__ import annotations

import sympy

from .graphderivatives import is_mat
from .graphmodel import GraphUninterpretable

#: What a verdict with an opaque gradient adds: the step's form is judged, not how the loss depends on the parameter.
NOTE = ("the gradient taken as it is written (the notes' model never says how the loss depends on this parameter, "
        "so only the step's form is judged)")
#: Refutations that are slips whatever the gradient is (``graphupdate``'s reasons).
_SLIPS = ("adds ", "starts from ")


class Opaque(sympy.Symbol):
    """An entry of a gradient the model does not know: it varies with the notes' quantities and has no value."""


def opaque_entries(loss, target) -> dict:
    """(loss, entry of ``target``) -> an opaque symbol standing for ∂loss/∂entry."""
    entries = list(target) if is_mat(target) else [target]
    return {(loss, v): Opaque(f"\\partial {loss}/\\partial {v}") for v in entries}


def opaque_gradient(opaque: dict, loss, target):
    """The gradient of ``loss`` by ``target`` in the target's shape, each entry its opaque symbol."""
    if is_mat(target):
        return target.applyfunc(lambda v: opaque[(loss, v)])
    return opaque[(loss, target)]


def judged_form(out, unlinked: str):
    """The verdict on a step whose gradient is opaque: a step that holds (with ``NOTE``), a slip whatever the
    gradient, a misfit of shapes; any other refutation may be the model's ignorance: uninterpretable."""
    if out.status == "holds":
        out.reason = NOTE
        return out
    if out.status == "misfit" or (out.status == "refuted" and out.reason.startswith(_SLIPS)):
        return out
    raise GraphUninterpretable(unlinked)


def varies(sym) -> bool:
    """Whether ``sym`` is an opaque gradient entry (a function of the notes' quantities, never a constant rate)."""
    return isinstance(sym, Opaque)
