r"""A derivative of the loss by a quantity the notes' model never connects to it: not judged.

In the model symbp reads, ∂L/∂u is 0 when no definition it read makes L depend on u. That zero is a fact about
the model, not about the notes, when the notes' link from u to L is written in math symbp did not read, or only in
words (seed 004: A = σ(Σ u_i g_i) and L through B(A) are prose and half-read; ``\vec{u} = \vec{u} + α∇\vec{u}``,
gradient *ascent*, held as "a step of gradient descent", and ∂L/∂u_1 = 0 held: review rv45 A5). So a derivative of
the loss, a gradient or an update step, by a quantity none of whose entries reaches the loss in the model is
uninterpretable, naming the quantity; it never holds, and it is never refuted for a zero the model made up.
(A quantity some of whose entries reach the loss is read: a zero by another entry is the model's own.)

>>> from symbp.verify.graphbuild import build
>>> from symbp.verify.graphread import read_graph as r
>>> m = build([(1, r("g = x W")), (2, r("L = L(g)")), (3, r("x = (x_1, x_2)")), (4, r("A = u g"))])
>>> m.loss = "L"
>>> print(unlinked_words(m, m.node("L"), m.node("u")))
the notes' model never says how L depends on u (no definition it reads connects u to L), so a derivative of L by u is not judged
>>> unlinked_words(m, m.node("L"), m.node("x", (1,)))
''
"""

from __future__ import annotations

import sympy

from .graphmodel import LOSS_NAMES, Model


def _is_loss(model: Model, f) -> bool:
    name = model.names.get(f, ("",))[0] if isinstance(f, sympy.Symbol) else ""
    if not name:
        return False
    q = model.quantities.get(name)
    return (name == model.loss or name in LOSS_NAMES) and (q is None or q.rank == 0)


def unlinked_words(model: Model, f, var) -> str:
    """Why ∂f/∂var is not judged, or '' when it is: ``f`` the loss node, and no entry of the quantity ``var``
    belongs to reaches it in the model."""
    if not _is_loss(model, f):
        return ""
    vs = list(var) if isinstance(var, sympy.MatrixBase) else [var]
    names = {model.names[v][0] for v in vs if v in model.names}
    loss = model.names[f][0]
    for name in sorted(names):
        if name == loss:
            return ""
        q = model.quantities.get(name)
        try:
            entries = model.entries(name) if q is not None else vs
        except (KeyError, IndexError, TypeError):
            entries = vs
        cells = list(entries) if isinstance(entries, sympy.MatrixBase) else [entries]
        if any(model.depends(f, c) for c in cells + vs):
            return ""
    if not names:
        return ""
    shown = ", ".join(sorted(names))
    return (f"the notes' model never says how {loss} depends on {shown} (no definition it reads connects {shown} "
            f"to {loss}), so a derivative of {loss} by {shown} is not judged")
