r"""A matrix the notes name by its entries as derivatives: ``J_{ji} = \frac{\partial y_j}{\partial x_i}``.

Such a definition fixes where each entry stands, whatever layout the notes use for ``\frac{\partial y}{\partial
x}``: with the numerator's index first (``J_{ji} = ∂y_j/∂x_i``) J is the Jacobian, a row per entry of y, i.e.
∂y/∂x in the numerator layout; with the denominator's index first (``J_{ij} = ∂y_j/∂x_i``) it is the transpose,
∂y/∂x in the denominator layout. A claim naming J (``\frac{\partial y}{\partial x} = J^T``) is then judged with J
that matrix, and only the claim's own ∂y/∂x turns with the layout (review: with J unread the definition was
refuted on its index ranges and every claim naming J uninterpretable; ``∂y/∂x = J^T`` holds only in the denominator
layout).

The name is written back into the claim as the derivative with its layout fixed (``Deriv.named``), so the
evaluator computes it from the model and every message still shows J.

>>> from symbp.verify.graphread import read_graph
>>> eq = read_graph(r"J_{ji} = \frac{\partial y_j}{\partial x_i}")
>>> named_matrix(eq)
('J', 'y', 'x', 'numerator')
>>> named_matrix(read_graph(r"J_{ij} = \frac{\partial y_j}{\partial x_i}"))[3]
'denominator'
>>> named_matrix(read_graph(r"J_{ii} = \frac{\partial y_i}{\partial x_i}")) is None
True
"""

from __future__ import annotations

from dataclasses import fields, replace

import sympy

from .graphnodes import Deriv, Equation, Sym


def _pair(sub: tuple) -> "tuple[str, str] | None":
    # the two index letters of J_{ji} or J_{j,i}: ("j", "i"); anything else (digits, one letter, three): None
    letters = tuple(sub[0]) if len(sub) == 1 else tuple(sub)
    if len(letters) == 2 and all(len(c) == 1 and c.isalpha() for c in letters) and letters[0] != letters[1]:
        return letters
    return None


def named_matrix(eq) -> "tuple[str, str, str, str] | None":
    r"""(name, numerator, denominator, layout) of a definition ``J_{ab} = \frac{\partial y_c}{\partial x_d}`` whose
    two index letters are the entry's two, else None; ``layout``: the layout in which ∂y/∂x is that matrix."""
    if not isinstance(eq, Equation) or len(eq.sides) != 2 or tuple(eq.rels) != ("=",):
        return None
    lhs, rhs = eq.sides
    if not isinstance(lhs, Sym) or lhs.sample or lhs.mark or not isinstance(rhs, Deriv):
        return None
    num, den = rhs.num, rhs.den
    if isinstance(num, Sym) and not num.sub and isinstance(den, Sym) and _pair(den.sub) is not None:
        # review rv42c: G_{ij} = ∂L/∂w_{ij}, a gradient by a matrix named by its entries, was refuted on its index
        # ranges: G is ∂L/∂W with W's shape (the denominator layout), G_{ji} its transpose (the numerator layout)
        at, entry = _pair(lhs.sub), _pair(den.sub)
        if at is None or lhs.base in (num.base, den.base) or num.base == den.base:
            return None
        layout = {entry: "denominator", entry[::-1]: "numerator"}.get(at)
        return None if layout is None else (lhs.base, num.base, den.base, layout)
    if not (isinstance(num, Sym) and isinstance(den, Sym)) or len(num.sub) != 1 or len(den.sub) != 1:
        return None
    at = _pair(lhs.sub)
    if at is None or lhs.base in (num.base, den.base) or num.base == den.base:
        return None
    entry = (num.sub[0], den.sub[0])
    layout = {entry: "numerator", entry[::-1]: "denominator"}.get(at)
    return None if layout is None else (lhs.base, num.base, den.base, layout)


def name_matrices(pieces: list, alone=lambda formula, name: True) -> "tuple[set, list, dict]":
    """Rewrite the pieces' claims (``graphnotes.Piece``, in place) with each named matrix as its derivative (see the
    module docstring); the definitions are taken out. Returns (the ids of the formulas that are such definitions,
    the model's words about them, name -> (numerator, denominator, layout) for ``written``). A name defined in any
    other way too (a formula with it on the left before or beside its entries' definition; those after it are
    claims about the derivative), or twice, or in a formula that is not all its sentence says (``alone``: "Define
    $G_{ij} = …$ for $i \ne j$", review rv44 B2), is left alone."""
    found: dict = {}
    first: dict = {}  # name -> the line of its entries' definition
    other: set = set()
    later: dict = {}  # name -> the lines of the other formulas with it on the left
    for p in pieces:
        for eq in p.eqs:
            got = named_matrix(eq)
            if got is not None and not alone(p.formula, got[0]):
                other.add(got[0])
            elif got is not None:
                kind = "gradient" if not eq.sides[1].num.sub else "jacobian"
                found.setdefault(got[0], set()).add((*got[1:], kind))
                first.setdefault(got[0], p.formula.line)
            elif isinstance(eq, Equation) and eq.sides and isinstance(eq.sides[0], Sym):
                later.setdefault(eq.sides[0].base, []).append(p.formula.line)
    # a formula for the name after its entries' definition is a claim about the derivative it names (G = dL/dy x^T
    # after G_{ij} = ∂L/∂w_{ij}: review rv48 D2); one before it, or on its line, defines the name another way
    other |= {n for n, lines in later.items() if n not in first or min(lines) <= first[n]}
    names = {n: next(iter(v)) for n, v in found.items() if len(v) == 1 and n not in other}
    if not names:
        return set(), [], {}
    defining = set()
    for p in pieces:
        kept = [eq for eq in p.eqs if (named_matrix(eq) or ("",))[0] not in names]
        if len(kept) != len(p.eqs):
            defining.add(id(p.formula))
        p.eqs = [written(eq, names) for eq in kept]
    words = [f"{n} is the matrix of the derivatives of {y} by {x}, laid out as ∂{y}/∂{x} in the {layout} layout "
             "(its entries' definition)" for n, (y, x, layout, _) in sorted(names.items())]
    return defining, words, names


def written(node, names: dict):
    """``node`` with each named matrix (and each of its entries) written as the derivative it names."""
    if isinstance(node, Sym) and node.base in names and not node.sample and not node.mark:
        y, x, layout = names[node.base][:3]
        if not node.sub:
            return Deriv(Sym(y), Sym(x), named=(node.latex(), layout))
        at = _pair(node.sub) if len(node.sub) == 1 and not node.sub[0].isdigit() else tuple(node.sub[0]) \
            if len(node.sub) == 1 and len(node.sub[0]) == 2 else tuple(node.sub) if len(node.sub) == 2 else None
        if at is None:
            return node  # J_{1} or J_{123}: left as written (the notes never define it so)
        row, col = at
        if len(names[node.base]) > 3 and names[node.base][3] == "gradient":
            # G_{12} of G_{ij} = ∂L/∂w_{ij}: ∂L/∂w_{12} (∂L/∂w_{21} when G is laid out as the transpose)
            return Deriv(Sym(y), Sym(x, (row + col if layout == "denominator" else col + row,)),
                         named=(node.latex(), layout))
        y_at, x_at = (row, col) if layout == "numerator" else (col, row)
        return Deriv(Sym(y, (y_at,)), Sym(x, (x_at,)), named=(node.latex(), layout))
    if isinstance(node, tuple):
        return tuple(written(x, names) for x in node)
    if not hasattr(node, "__dataclass_fields__"):
        return node
    return replace(node, **{f.name: written(getattr(node, f.name), names) for f in fields(node)})


def named_value(d, f, var, node, error, words):
    """The value of a named matrix (``Deriv.named``): the derivatives ``d`` of the vector ``f``'s entries by the
    vector ``var``'s, laid out as its entries' definition says and never turned by the claim's layout (so it does not
    make the layout matter). Anything but a vector by a vector raises ``error`` (``words`` describes a shape)."""
    if not hasattr(f, "shape") and hasattr(var, "shape"):  # G_{ij} = ∂L/∂w_{ij}: a number by a matrix
        grad = var.applyfunc(lambda v: d(f, v))
        return grad if node.named[1] == "denominator" else grad.T
    if not (hasattr(f, "shape") and hasattr(var, "shape")) or min(f.shape) > 1 or min(var.shape) > 1:
        raise error(f"{node.named[0]}: its entries are derivatives of {words(f)} by {words(var)}, not a matrix of a "
                    "vector's derivatives by a vector's")
    fl, vl = list(f), list(var)
    jac = sympy.ImmutableMatrix(len(fl), len(vl), lambda r, c: d(fl[r], vl[c]))
    return jac if node.named[1] == "numerator" else jac.T


__all__ = ["name_matrices", "named_matrix", "named_value", "written"]
