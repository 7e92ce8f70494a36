r"""What an all-sizes statement claims: its quantities, their indices, its layers.

A statement ``lhs = rhs`` for the index ranges ``ranges`` (``chains``) is a
claim about every network, every layer l where the quantities it names exist,
and every index in range. This module reads that claim off the expressions,
so nothing about it is taken from a name or a free-text field:

* ``domain_problems``: every index of every quantity lies in its range, under
  the statement's range facts and the ranges of the sums around it
  (a^{l-1}_j with 1 ≤ j ≤ n_l is not defined for every size);
* ``layers_of``: the layers the expressions mention (w^{l+1}, or n_{l+1} as a
  size, is layer l+1), from which ``quantifier`` says which l the claim is
  about and ``layer_values`` lists them on a network of depth L;
* ``render``: the statement as LaTeX, from the expressions themselves.

>>> from symbp.general.lemmas import Layers
>>> from symbp.general.reduction import Range
>>> m = Layers()
>>> domain_problems(m, m.a_prev[m.j], [Range(m.j, 1, m.n)])
['a^{l-1}_{j} needs 1 ≤ j ≤ n_{l-1}; the ranges give only 1 ≤ j ≤ n_{l}']
>>> domain_problems(m, m.a_prev[m.j], [Range(m.j, 1, m.n_prev)])
[]
>>> quantifier(layers_of([m.delta[m.j], m.w_next[m.i, m.j]]))
'any L, any 2 ≤ l < L'
>>> list(layer_values(["l", "l+1"], 4))
[2, 3]
"""

from __future__ import annotations

import re

import sympy

from .lemmas import Layers
from .meaning import dims
from .printing import latex
from .reduction import Range, in_range

#: the layer names of the model, and the layer each size symbol belongs to
LAYERS = ("l-1", "l", "l+1", "L")


def _size_layers(m: Layers) -> dict:
    return {m.n_prev: "l-1", m.n: "l", m.n_next: "l+1", m.n_L: "L"}


def _bounds(facts) -> str:
    return ", ".join(f"{latex(f.lo)} ≤ {latex(f.index)} ≤ {latex(f.hi)}" for f in facts)


def domain_problems(m: Layers, expr: sympy.Expr, facts) -> list[str]:
    """Each quantity in ``expr`` whose indices are not provably in range (empty when all are)."""
    table, out = dims(m), []

    def walk(e, known):
        if isinstance(e, sympy.Sum):
            inner = list(known)
            for v, lo, hi in e.limits:
                walk(lo, inner)
                walk(hi, inner)
                inner.append(Range(v, lo, hi))
            walk(e.function, inner)
            return
        if isinstance(e, sympy.Indexed):
            shape = table.get(e.base)
            if shape is None:
                out.append(f"{latex(e)}: the all-sizes model has no quantity {e.base}")
            elif len(e.indices) != len(shape):
                out.append(f"{latex(e)} has {len(e.indices)} indices; {e.base} takes {len(shape)}")
            else:
                for x, n in zip(e.indices, shape):
                    if not in_range(x, sympy.Integer(1), n, known):
                        mine = [f for f in known if f.index in getattr(x, "free_symbols", ())]
                        given = f"the ranges give only {_bounds(mine)}" if mine else f"no range is given for {latex(x)}"
                        out.append(f"{latex(e)} needs 1 ≤ {latex(x)} ≤ {latex(n)}; {given}")
            for x in e.indices:
                walk(x, known)
            return
        for a in e.args:
            walk(a, known)

    walk(expr, list(facts))
    return out


def range_problems(m: Layers, ranges) -> list[str]:
    """Ranges that would restrict the sizes or repeat an index (a claim "for all sizes" quantifies indices only)."""
    sizes = set(_size_layers(m)) | {m.m_batch}
    out, seen = [], set()
    for r in ranges:
        if r.index in sizes:
            out.append(f"the range {r.latex()} restricts the size {latex(r.index)}, which is claimed to be any size")
        elif r.index in seen:
            out.append(f"{latex(r.index)} has two ranges")
        elif r.index in getattr(r.lo, "free_symbols", set()) | getattr(r.hi, "free_symbols", set()):
            out.append(f"the range {r.latex()} bounds {latex(r.index)} by itself")
        seen.add(r.index)
    return out


def layers_of(exprs, m: Layers | None = None) -> list[str]:
    """The layer superscripts of every quantity in ``exprs`` (and, with ``m``, of every size symbol)."""
    found = set()
    sizes = _size_layers(m) if m is not None else {}
    for e in exprs:
        for x in e.atoms(sympy.Indexed):
            found.update(label.split(",")[-1] for label in re.findall(r"\^\{([^}]*)\}", str(x.base)))
        found.update(sizes[s] for s in e.free_symbols if s in sizes)
    return sorted(found)


def quantifier(layers, batch: bool = False) -> str:
    """The depths and layers a claim mentioning ``layers`` is about, in words."""
    text = "any L"
    if "l+1" in layers:
        text += ", any 2 ≤ l < L"
    elif set(layers) & {"l-1", "l"}:
        text += ", any 2 ≤ l ≤ L"
    return text + (", any batch size m" if batch else "")


def layer_values(layers, L: int) -> range:
    """The layers l at which the claim is stated on a network of depth L (l = L when it names only L)."""
    if not set(layers) & {"l-1", "l", "l+1"}:
        return range(L, L + 1)
    return range(2, L) if "l+1" in layers else range(2, L + 1)


def render(lhs_tex: str, rhs_tex: str, ranges, hypotheses: dict | None = None) -> str:
    """``lhs = rhs`` for the ranges (and under the hypotheses), as LaTeX."""
    text = f"{lhs_tex} = {rhs_tex}"
    if ranges:
        text += r" \quad (" + ", ".join(r.latex() for r in ranges) + ")"
    if hypotheses:
        text += r" \quad \text{when } " + ", ".join(f"{latex(k)} = {latex(v)}" for k, v in hypotheses.items())
    return text
