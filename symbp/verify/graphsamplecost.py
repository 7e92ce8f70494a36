r"""A cost subscripted by a sample, ``C_x`` of ``C = \frac{1}{n}\sum_x C_x``: one training input's cost, not an
entry of a vector C (review rv46 C1, D4).

Notes in Nielsen's style write the cost of one training input x as ``C_x`` and the cost over the inputs as
``C = \frac{1}{n}\sum_x C_x``. Read as entries, ``C_x`` would make C a vector and the loss a vector, and every
formula of the notes unjudged. A loss letter (``LOSS_NAMES``) with one letter below it is one sample's cost, read
as ``C^{(x)}`` (``graphbatch``), when that letter

- is the letter of a sum the subscripted cost is summed in (``\sum_x C_x``), or
- names a quantity of the notes (``u = W x`` beside ``C_x = \frac{1}{2}\|h - t\|^2``: a vector's name is no index),

and the notes never use it as an index of anything else (``L = \sum_i L_i`` with ``L_i = \frac{1}{2}(y_i - t_i)^2``
sums over the entries i of y: those L_i stay entries). The cost keeps its spelling in what is printed (``C_x``).

>>> from symbp.verify.graphread import read_graph as r
>>> from symbp.verify.graphnodes import to_latex
>>> eqs = [r(r"C_x = \frac{1}{2}\|h - y\|^2"), r(r"C = \frac{1}{n}\sum_x C_x")]
>>> sample_costs(eqs)
{('C', 'x')}
>>> to_latex(relabel(eqs[1], sample_costs(eqs)).sides[1].factors[1].body)
'C_x'
>>> relabel(eqs[1], sample_costs(eqs)).sides[1].factors[1].body.sample
'x'
>>> sample_costs([r(r"L = \sum_i L_i"), r(r"L_i = \frac{1}{2}(y_i - t_i)^2")])  # i indexes y: entries
set()
"""

from __future__ import annotations

from dataclasses import fields, replace

from .graphmodel import LOSS_NAMES, Sum, Sym
from .graphnodes import walk


def _letter(sym: Sym) -> str:
    """The one letter below a loss name (``C_x``, ``C_{x}``), '' for anything else."""
    if not (isinstance(sym, Sym) and sym.base in LOSS_NAMES and len(sym.sub) == 1 and not sym.sample):
        return ""
    letter = sym.sub[0]
    return letter if len(letter) == 1 and letter.isalpha() and letter not in ("l", "L") else ""


def sample_costs(eqs: list) -> set:
    """{(loss name, sample letter)} of the costs the notes subscript by a sample (see the module docstring)."""
    nodes = [n for eq in eqs for n in walk(eq)]
    summed = {(s.base, s.sub[0]) for n in nodes if isinstance(n, Sum) and n.var is not None
              for s in walk(n.body) if _letter(s) and s.sub[0] == n.var.strip()}
    named = {n.base for n in nodes if isinstance(n, Sym) and not n.sub and not n.sample}
    candidates = {(n.base, n.sub[0]) for n in nodes if _letter(n)}
    found = {pair for pair in candidates if pair in summed or pair[1] in named}
    # a letter that indexes anything but such a cost (y_i, w_{ix}) is an index: its costs stay entries
    indexing = {letter for n in nodes if isinstance(n, Sym) and n.sub and not _letter(n)
                for part in n.sub for letter in part}
    return {pair for pair in found if pair[1] not in indexing}


def relabel(node, pairs: set):
    """``node`` with every cost of ``pairs`` (``C_x``) read as that sample's cost (``C^{(x)}``, printed ``C_x``)."""
    if not pairs:
        return node
    if isinstance(node, Sym):
        if (node.base, node.sub[0] if len(node.sub) == 1 else None) in pairs and not node.sample:
            return replace(node, sub=(), sample=node.sub[0], below=True)
        return node
    if isinstance(node, tuple):
        return tuple(relabel(x, pairs) for x in node)
    if not hasattr(node, "__dataclass_fields__"):
        return node
    return replace(node, **{f.name: relabel(getattr(node, f.name), pairs) for f in fields(node)})


def relabelled(pieces: list, mentions: list, conditions: dict, prose_eqs: list) -> tuple:
    """(mentions, conditions, prose definitions) with the notes' per-sample costs relabelled (``relabel``); the
    pieces' equations (``graphnotes.Piece``) are relabelled in place, a claim's own condition follows its equation."""
    eqs = [eq for p in pieces for eq in p.eqs] + list(mentions) + [eq for _, eq in prose_eqs]
    pairs = sample_costs(eqs)
    if not pairs:
        return mentions, conditions, prose_eqs
    moved = {}
    for p in pieces:
        new = [relabel(eq, pairs) for eq in p.eqs]
        for old, eq in zip(p.eqs, new):
            if id(old) in conditions:
                line, cond = conditions[id(old)]
                moved[id(eq)] = (line, relabel(cond, pairs))
        p.eqs = new
    return ([relabel(eq, pairs) for eq in mentions], moved,
            [(line, relabel(eq, pairs)) for line, eq in prose_eqs])


def words(pairs: set) -> str:
    """How the notes' subscripted costs are read, in words ('' when none)."""
    return "; ".join(f"{base}_{letter} is the cost of one training input {letter}, not an entry of {base}"
                     for base, letter in sorted(pairs))


__all__ = ["relabel", "relabelled", "sample_costs", "words"]
