r"""A linear layer the notes' model leaves as numbers, in notes that speak of vectors and matrices.

Notes that transpose, multiply entrywise or take a norm (``speaks_of_vectors``) speak of vectors and matrices, and
a definition that multiplies a capital letter by another bare letter (``g = x W^T + b``, ``g = X W``) is then a
layer: a matrix times a vector, or two matrices. The vector reading (``graphguess``) gives such names their shapes
from the products they stand in; when it cannot (a form it does not read), the model falls back to numbers, and a
claim judged there is judged about numbers: ``\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}``
held under ``g = x W^T`` (as numbers x W^T is W x, whose derivative in W is x), where the matrix answer is its
transpose, and ``(h - y) \odot \sigma'(g)`` was refuted as an entrywise product of numbers (issue 12).

``numbers_layer`` finds that definition; ``unjudged`` makes every claim judged in that model uninterpretable, with a
reason naming the definition whose shapes were not read, never a verdict about numbers the notes do not mean.

>>> from symbp.verify.graphbuild import build
>>> from symbp.verify.graphread import read_graph as r
>>> defs = [(1, r("g = X W")), (2, r("h = \\sigma(g)"))]
>>> m = build(defs, [r("\\frac{\\partial L}{\\partial g} = h \\odot h")])
>>> numbers_layer(m, defs, [r("\\frac{\\partial L}{\\partial g} = h \\odot h")])[0]
1
"""

from __future__ import annotations

from .graphcheck import GraphOutcome
from .graphguess import scaled, speaks_of_vectors
from .graphmodel import LOSS_NAMES, Add, Model, Mul, Sym, to_latex
from .graphnodes import walk
from .graphsubnames import written_letter

#: The verdicts a claim judged in a model of numbers loses (the others say already that it is not judged).
JUDGED = ("holds", "refuted", "ambiguous", "conditional", "undecided")


def _number_letter(m: Model, node) -> str:
    """The single letter ``node`` is when it is a bare name the model leaves a number it was never told to be
    ('' otherwise): ``x`` and ``W`` of ``x W^T`` read as numbers."""
    node, _ = scaled(node)
    if not isinstance(node, Sym) or node.sub:
        return ""
    letter = written_letter(node.base)
    name = m.canonical(node.base)
    q = m.quantities.get(name)
    if (len(letter) != 1 or not letter.isalpha() or q is None or q.rank != 0 or name not in m.open_ranks
            or name in LOSS_NAMES or name in m.functions):
        return ""
    return letter


def _terms(factor) -> tuple:
    """The terms of a factor that is a sum (``x (W + V)``: W and V), else the factor alone."""
    factor, _ = scaled(factor)
    return factor.terms if isinstance(factor, Add) else (factor,)


def numbers_layer(m: Model, defs: list, eqs: list) -> tuple | None:
    """(line, definition, [names]) of the first definition that multiplies a capital letter and another bare letter,
    both left numbers by the model ``m``, in notes whose formulas ``eqs`` speak of vectors; None when there is none
    (or the notes never speak of vectors: then numbers are a reading of their own)."""
    if not speaks_of_vectors(list(eqs) + [d[1] for d in defs]):
        return None
    for d in defs:
        line, eq = d[0], d[1]
        if not getattr(eq, "sides", None):
            continue
        for node in walk(eq.sides[-1]):
            if not isinstance(node, Mul):
                continue
            terms = [t for f in node.factors for t in _terms(f)]
            letters = [(scaled(t)[0].base, a) for t, a in ((t, _number_letter(m, t)) for t in terms) if a]
            if len(letters) >= 2 and any(a.isupper() for _, a in letters):
                return line, eq, list(dict.fromkeys(name for name, _ in letters))
    return None


def unjudged(results: dict, found: tuple) -> None:
    """Every claim of ``results`` (id -> (piece, [GraphOutcome])) judged in the model of numbers made uninterpretable,
    the reason naming the layer definition ``found`` (``numbers_layer``) whose shapes were not read."""
    line, eq, names = found
    reason = (f"line {line}: {to_latex(eq)}: the notes speak of vectors and matrices (they transpose, multiply "
              f"entrywise or take a norm), but the shapes of {', '.join(names)} in this definition are not read; as "
              "numbers, a claim would be judged about numbers the notes do not mean, so it is not judged")
    for key, (p, outcomes) in results.items():
        results[key] = (p, [GraphOutcome("uninterpretable", reason) if o.status in JUDGED else o for o in outcomes])


__all__ = ["JUDGED", "numbers_layer", "unjudged"]
