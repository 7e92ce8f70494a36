r"""The softmax in the notes' own terms, and the sizes an index letter shares.

``y = \operatorname{softmax}(u)`` (also ``\mathrm``, ``\text``) makes y a vector of u's size and orientation with
y_i = e^{u_i} / Σ_j e^{u_j}; the entrywise definition ``y_i = \frac{e^{u_i}}{\sum_j e^{u_j}}`` says the same
entry by entry. For the entrywise form, and for a cross-entropy ``L = -\sum_k t_k \log y_k``, the sizes of the
vectors come from the one index letter they share: y_i beside u_i, t_k beside y_k have one size
(``share_index_sizes``), so a size the notes give one of them (``u \in \mathbb{R}^n``, u_1, u_2, u_3 written) is
the size of the others.

>>> u = sympy.ImmutableMatrix([[sympy.Symbol("a")], [sympy.Symbol("b")]])
>>> softmax_of(u)[0]
exp(a)/(exp(a) + exp(b))
"""

from __future__ import annotations

import sympy

from .graphmodel import Model, Sym, is_declaration, is_definition, split_index
from .graphnodes import Sum, walk


def softmax_of(v) -> sympy.ImmutableMatrix:
    """The softmax of a vector ``v`` (a column or a row, kept): entry i is exp(v_i) / Σ_j exp(v_j)."""
    exps = [sympy.exp(e) for e in v]
    total = sympy.Add(*exps)
    return sympy.ImmutableMatrix(v.shape[0], v.shape[1], [e / total for e in exps])


def share_index_sizes(m: Model, defs, claims=()) -> None:
    """Give an open vector the size of another one an index letter ties it to in a definition: the letter of an
    entry definition (y_i = e^{u_i} / …: y has u's size) and the index of a sum (Σ_k t_k log y_k: t has y's size);
    in the other formulas ``claims`` too (p_k (g_k − Σ_j g_j p_j) with g named nowhere else: g has p's size, not
    another size the notes never said). Only sizes still open are set; two sizes already given that differ are
    left for the definitions (or the claim's verdict) to report."""
    groups = []
    for _, eq in defs:
        if is_declaration(eq) or not is_definition(eq):
            continue
        groups += [_indexed(m, node.body, node.var) for node in walk(eq) if isinstance(node, Sum) and node.var]
        lhs = eq.sides[0]
        if isinstance(lhs, Sym) and len(lhs.sub) == 1 and lhs.sub[0].isalpha() and len(lhs.sub[0]) == 1:
            letter = lhs.sub[0]
            free = [n for n in walk(eq.sides[-1]) if not _bound_in(eq.sides[-1], n, letter)]
            groups.append(_indexed(m, lhs, letter) | {q for n in free for q in _indexed(m, n, letter, deep=False)})
    _share(m, groups, None)
    # a claim sizes only the vectors no definition names (the definitions' products size the others: z = W x + b
    # makes z as long as W's rows even where a claim, wrongly, runs one index over z_j and x_j)
    named = {m.canonical(n.base) for _, eq in defs for n in walk(eq) if isinstance(n, Sym)}
    groups = []
    for eq in claims:
        groups += [_indexed(m, node.body, node.var) for node in walk(eq) if isinstance(node, Sum) and node.var]
        for letter in {n.sub[0] for n in walk(eq) if isinstance(n, Sym) and len(n.sub) == 1 and len(n.sub[0]) == 1
                       and n.sub[0].isalpha()}:
            groups.append({q for n in walk(eq) if not _bound_in(eq, n, letter)
                           for q in _indexed(m, n, letter, deep=False)})
    _share(m, groups, named)


def _share(m: Model, groups: list, fixed: set | None) -> None:
    # each group of vectors with one size given: the open ones (none of ``fixed``) take it
    for names in groups:
        sizes = {m.quantities[n].dims[0] for n in names if m.quantities[n].dims and m.quantities[n].dims[0]}
        if len(sizes) != 1:
            continue
        size = sizes.pop()
        for n in names:
            q = m.quantities[n]
            if (not q.dims or not q.dims[0]) and (fixed is None or n not in fixed):
                q.dims, q.why = (size,), q.why or "the size of the vector its index runs with"


def _indexed(m: Model, node, letter: str, deep: bool = True) -> set:
    """The vectors of ``node`` written with the single index ``letter`` (u_i, t_k)."""
    out = set()
    for n in (walk(node) if deep else [node]):
        if isinstance(n, Sym) and n.sub:
            q = m.quantities.get(m.canonical(n.base))
            if q is not None and q.rank == 1 and split_index(n.sub, 1) == (letter,):
                out.add(q.name)
    return out


def _bound_in(root, target, letter: str) -> bool:
    """Is ``target`` inside a sum of ``root`` that binds ``letter`` (Σ_i e^{u_i} in y_i = e^{u_i} / Σ_i e^{u_i})?"""
    for node in walk(root):
        if isinstance(node, Sum) and node.var == letter and any(n is target for n in walk(node.body)):
            return True
    return False


__all__ = ["share_index_sizes", "softmax_of"]
