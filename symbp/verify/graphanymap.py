r"""A function the notes call "any map" is no function applied entry by entry.

``z = F(y)`` of a vector y is read as F applied to every entry (``z_k = F(y_k)``), so ∂z/∂y is diagonal. When the
prose says F is any map, a general function, or not entrywise ("Here $F$ is any map from $\mathbb{R}^2$ to
$\mathbb{R}^2$"), that reading is not the notes' (review rv42c 4: ``\frac{\partial z}{\partial y} =
\operatorname{diag}(F'(y))`` held). Such a definition is left unread (``graphlocal``): z is a quantity computed in a
way not read, so a claim through it holds only if it holds however z is computed, and its line says why.

>>> from symbp.verify.graphread import read_graph
>>> defs = [(3, read_graph("z = F(y)"), None), (5, read_graph("g = x W"), None)]
>>> kept, general = general_maps(defs, "Here $F$ is any map from $\\mathbb{R}^2$ to $\\mathbb{R}^2$.")
>>> [ln for ln, _, _ in kept], [(d[0], name) for d, name, _ in general]
([5], [(3, 'z')])
"""

from __future__ import annotations

import re

from .graphmodel import Call, Sym

_GENERAL = (r"(?:any|an?\s+arbitrary|arbitrary|a\s+general|general|a\s+generic|generic)\s+(?:\w+\s+)?"
            r"(?:map|mapping|function|transformation)")
_NOT_ENTRYWISE = (r"not\s+(?:necessarily\s+)?(?:applied\s+)?(?:entrywise|entry-wise|elementwise|element-wise|"
                  r"componentwise|component-wise|entry\s+by\s+entry|element\s+by\s+element)")


def _named_general(text: str) -> dict:
    # letter -> line of a sentence that names $F$ and calls it any map, or not entrywise
    out: dict = {}
    for m in re.finditer(r"[^.!?\n]*(?:\n(?!\n)[^.!?\n]*)*", text):
        sentence = m.group(0)
        if not re.search(_GENERAL + "|" + _NOT_ENTRYWISE, sentence, re.IGNORECASE):
            continue
        if not re.search(_NOT_ENTRYWISE, sentence, re.IGNORECASE) and re.search(
                r"entrywise|entry-wise|elementwise|element-wise|componentwise|entry by entry|to each entry",
                sentence, re.IGNORECASE):
            continue  # "any differentiable function applied entrywise": entry by entry, as read
        for name in re.findall(r"\$\s*([A-Za-z]|\\[A-Za-z]+)\s*\$", sentence):
            out.setdefault(name.lstrip("\\"), text.count("\n", 0, m.start()) + 1)
    return out


def general_maps(defs: list, text: str) -> tuple[list, list]:
    """(the definitions kept, [(definition, name, reason)] of those ``name = F(v)`` whose F the prose calls any map)."""
    named = _named_general(text)
    kept, general = [], []
    for d in defs:
        eq = d[1]
        lhs, rhs = eq.sides[0], eq.sides[-1]
        f = rhs.func if isinstance(rhs, Call) else None
        if (isinstance(lhs, Sym) and not lhs.sub and isinstance(f, Sym) and f.base.lstrip("\\") in named
                and len(rhs.args) == 1 and isinstance(rhs.args[0], Sym) and not rhs.args[0].sub):
            general.append((d, lhs.base, f"line {named[f.base.lstrip(chr(92))]} says {f.base} is any map, not one "
                                         f"applied entry by entry, and a general map of a vector is not read"))
        else:
            kept.append(d)
    return kept, general


__all__ = ["general_maps"]
