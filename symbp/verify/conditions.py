r"""Conditions after a formula, applied: the claim restricted to the values they allow.

``\\quad l = L`` (one value) puts that layer in place of l; a range such as
``2 \\le l \\le L-1`` or ``j = 1, \\dots, n_l`` stays on the equation
(``Equation.where``) for the check to respect, and the values it excludes are
reported as outside the claim. A condition on a letter the formula does not
use is an error, never a remark to ignore.

>>> from symbp.verify.reader import read
>>> from symbp.verify.nodes import to_latex
>>> to_latex(apply_conditions(read(r"\delta^l = \nabla_a C \odot \sigma'(z^l), \quad l = L")))
"\\delta^L = \\nabla_{a} C \\odot \\sigma'(z^L)"
"""

from __future__ import annotations

from dataclasses import replace

from .instances import layer_vars
from .nodes import Comprehension, Equation, Index, Layer, Quantity, Sum, rebuild, walk
from .values import Uninterpretable


def apply_conditions(eq: Equation) -> Equation:
    """``eq`` restricted by the conditions written after it (idempotent)."""
    if all(w.kind for w in eq.where):
        return eq
    _one_value_alone(eq.where)
    lvars = layer_vars(eq)
    indices = {i.name for n in walk(eq) if isinstance(n, Quantity) for i in n.indices if i.name}
    where = []
    for w in eq.where:
        if w.kind:
            where.append(w)
        elif w.differs:
            missing = [v for v in (w.var, w.differs) if v not in indices]
            if missing:
                raise Uninterpretable(f"the condition {w.text} is about {', '.join(missing)}, which is not a free "
                                      "neuron index of the formula")
            where.append(replace(w, kind="differs"))
        elif w.var == "L":
            for b in (w.lo, w.hi):
                if b is not None and not (isinstance(b, Layer) and b.var is None):
                    raise Uninterpretable(f"the condition {w.text}: the depth L is compared with a number only")
            where.append(replace(w, kind="depth"))
        elif w.var in lvars:
            for b in (w.lo, w.hi):
                if b is not None and not isinstance(b, Layer):
                    raise Uninterpretable(f"the condition {w.text}: the layer {w.var} is compared with a layer size")
            if w.lo is not None and w.lo == w.hi:
                eq = _substitute(eq, w.var, w.lo)
                continue
            where.append(replace(w, kind="layer"))
        elif w.var in indices:
            for b in (w.lo, w.hi):
                if b is not None and isinstance(b, Layer) and b.var is not None:
                    raise Uninterpretable(f"the condition {w.text}: the neuron index {w.var} is compared with a layer")
            where.append(replace(w, kind="index", lo=_as_index(w.lo), hi=_as_index(w.hi)))
        else:
            raise Uninterpretable(f"the condition {w.text} is about {w.var}, which is not a free layer variable "
                                  "or neuron index of the formula")
    return Equation(eq.sides, eq.rels, tuple(where))


def output_condition(eq: Equation) -> "tuple[Equation, int | None]":
    """(``eq`` without its condition on the number of output neurons, that number), or (``eq``, None).

    ``\\delta^L = (a^L - y) \\sigma'(z^L) \\quad \\text{for } n_L = 1`` is a claim about networks with one output
    neuron: it is checked on those (``Setting.outputs``), as when the notes' prose fixes one output neuron.

    >>> from symbp.verify.reader import read_claim
    >>> from symbp.notation import profile
    >>> eq, n = output_condition(read_claim(r"\\delta^L = (a^L - y) \\sigma'(z^L) \\quad \\text{for } n_L = 1",
    ...                                     profile("nielsen")).equation)
    >>> n, eq.where
    (1, ())
    """
    counts = [w for w in eq.where if w.kind == "outputs"]
    if not counts:
        return eq, None
    if len({w.lo for w in counts}) > 1:
        raise Uninterpretable(f"the conditions {', '.join(w.text for w in counts)} give the output layer two sizes")
    return Equation(eq.sides, eq.rels, tuple(w for w in eq.where if w.kind != "outputs")), counts[0].lo


def _one_value_alone(where) -> None:
    """Two conditions on one letter are read together only as a range (``l \\ge 2, l \\le L-1``).

    ``l = L \\quad l = L-1`` may mean both values or neither (an empty claim), and
    ``l = L \\quad l \\ge 2`` repeats or contradicts itself: such a claim is not read,
    rather than one of its conditions dropped.
    """
    for i, w in enumerate(where):
        for v in where[i + 1:]:
            if v.var == w.var and any(c.lo is not None and c.lo == c.hi for c in (w, v)):
                raise Uninterpretable(f"the conditions {w.text} and {v.text} both restrict {w.var}, and one of them "
                                      f"gives it a single value: whether the claim is meant for each value or only "
                                      f"where both hold is not clear; write one condition per letter")


def _as_index(b):
    if isinstance(b, Layer) and b.var is None:
        return Index(value=b.offset)
    return b


def _substitute(eq: Equation, var: str, value: Layer) -> Equation:
    def fix(x):
        if isinstance(x, Quantity) and x.layer is not None and x.layer.var == var:
            x = replace(x, layer=_moved(x.layer, value))
        if isinstance(x, Quantity) and any(i.size is not None and i.size.var == var for i in x.indices):
            return replace(x, indices=tuple(replace(i, size=_moved(i.size, value)) if i.size is not None
                                            and i.size.var == var else i for i in x.indices))
        if isinstance(x, Quantity):
            return x
        if isinstance(x, (Sum, Comprehension)) and x.upper is not None and x.upper.var == var:
            return replace(x, upper=_moved(x.upper, value))
        return None

    return rebuild(eq, fix)


def _moved(layer: Layer, value: Layer) -> Layer:
    return Layer(value.var, value.offset + layer.offset, layer.brackets)
