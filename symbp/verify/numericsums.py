r"""A sum with a number for its upper bound, ``\sum_{k=1}^{2} w^3_{k1}\delta^3_k`` (review rv48 D6).

A number is no layer size: the sum runs over the first two neurons, which is the whole layer only on networks
whose layer has two neurons. It is read as the sum it writes out, ``w^3_{11}\delta^3_1 + w^3_{21}\delta^3_2``, and
judged as written-out sums are (``sizecondition``): on the network the user fixes (--sizes) it holds, conditional
on that layer's size (``n_3 = 2``), when the bound is the size of the layer its letter indexes; where it is not,
the sum is a partial sum, judged as written (refuted when the rest of the layer counts). Without a fixed network
it is not judged (``unfixed``): a number in the bound names a size the claim does not fix, and read on every
network the partial sums of the larger layers would refute a claim the notes make about their own small network.

>>> from symbp.verify.reader import read
>>> from symbp.verify.nodes import to_latex
>>> to_latex(read(r"\delta^2_1 = \sigma'(z^2_1)\sum_{k=1}^{2} w^3_{k1}\delta^3_k"))
"\\delta^2_1 = \\sigma'(z^2_1) \\left(w^3_{11} \\delta^3_1 + w^3_{21} \\delta^3_2\\right)"
>>> unfixed(r"\sum_{k=1}^{2} w^3_{k1}\delta^3_k")[:40], unfixed(r"\sum_{k=1}^{n_3} w^3_{k1}\delta^3_k")
('the sum \\sum_{k=1}^{2} runs to the numbe', '')
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from .nodes import Add, Index, Quantity, Sum, rebuild, walk

#: The most terms a numeric bound is written out to.
MOST_TERMS = 9

_NUMERIC = re.compile(r"\\sum\s*_\s*\{\s*[A-Za-z]\s*=\s*\d+\s*\}\s*\^\s*(?:\{\s*\d+\s*\}|\d)")


def written_out(var: str, lower: int, upper: int, body):
    """The terms of ``\\sum_{var=lower}^{upper} body`` added, ``var`` put in as each number; raises ValueError with
    the reason when it is not written out (a layer or a sum of the same letter in the body, too many terms)."""
    if not 1 <= upper - lower + 1 <= MOST_TERMS:
        raise ValueError(f"a sum from {lower} to {upper}: only sums of 1 to {MOST_TERMS} terms with a number for "
                         "their bound are read")
    for node in walk(body):
        if isinstance(node, Quantity) and node.layer is not None and node.layer.var == var:
            raise ValueError(f"the sum's letter {var} is a layer in its body: a sum over layers is not read")
        if isinstance(node, Sum) and node.var == var:
            raise ValueError(f"a sum over {var} inside a sum over {var} is not read")

    def put(value: int):
        def fix(node):
            changed = {f.name: tuple(Index(None, value) if isinstance(i, Index) and i.name == var and i.size is None
                                     else i for i in getattr(node, f.name))
                       for f in fields(node) if isinstance(getattr(node, f.name), tuple)
                       and any(isinstance(i, Index) for i in getattr(node, f.name))}
            return replace(node, **changed) if changed else None
        return fix

    terms = tuple(rebuild(body, put(v)) for v in range(lower, upper + 1))
    return terms[0] if len(terms) == 1 else Add(terms)


def unfixed(formula: str) -> str:
    """Why ``formula``, which has a sum with a number for its bound, is not judged without a fixed network; ''
    when it has none."""
    m = _NUMERIC.search(formula)
    if m is None:
        return ""
    return (f"the sum {m.group(0)} runs to the number {re.sub(r'[^0-9]', '', m.group(0).split('^')[-1])}, not to a "
            "layer's size: it is the whole sum only on networks whose layer it runs over has that many neurons, which "
            "the claim does not fix; give the notes' network with --sizes to check it there (holds there, "
            "conditional on that size, or a partial sum refuted)")


__all__ = ["MOST_TERMS", "unfixed", "written_out"]
