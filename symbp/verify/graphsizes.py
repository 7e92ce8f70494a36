r"""Sizes the notes name with letters, and the bounds of their sums.

"Let $x$ be a row vector of $n$ entries and $W$ an $n \times k$ matrix": n is the number of x's entries and of W's
rows, k the number of W's columns. ``size_letters`` finds these words in the prose (hints for ``graphbuild`` whose
orientation is ``"letters"``); the model gives one letter one size (``open_size``: the dimensions a letter names
are opened together, and two letters are given different sizes, so a sum to the wrong one shows); and a bound of
a sum written with letters (``\sum_{j=1}^{k}``, ``\sum_{j=1}^{k-1}``) is the number those sizes make (``bound``).
A letter the notes never give a size is no bound: the sum is uninterpretable, naming it.

>>> size_letters(r"Let $x$ be a row vector of $n$ entries and $W$ an $n \times k$ matrix.")
[(1, 'W', 'letters', ('n', 'k')), (1, 'x', 'letters', ('n',))]
"""

from __future__ import annotations

import re
from fractions import Fraction

from .graphmodel import (Add, GraphUninterpretable, Model, Mul, Neg, Num, Sum, Sym, is_declaration, is_definition,
                         split_index, to_latex)
from .graphnodes import walk

_NAME = r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\$"
_MATRIX_WORD = r"(?:matrix|matic|матриц|macierz)"
_LETTER = r"\$\s*([A-Za-z])\s*\$"
_BY = r"\$\s*([A-Za-z]|\d+)\s*(?:\\times|×)\s*([A-Za-z]|\d+)\s*\$"
# "$x$ … a row vector of $n$ entries", "a vector of length $n$", "a vector with $n$ entries"; "vektor o $n$
# složkách", "vektor délky $n$", "вектор длины $n$", "вектор из $n$ компонент", "wektor o $n$ składowych"
_VECTOR = re.compile(_NAME + r"[^$.]{0,60}?\b(?:vector|vektor|вектор|wektor)[\w-]*\s+"
                     r"(?:of\s+(?:size\s+|length\s+|dimension\s+)?|with\s+|o\s+|délky\s+|dimenze\s+|velikosti\s+"
                     r"|длины\s+|размерности\s+|размера\s+|из\s+|długości\s+|wymiaru\s+|rozmiaru\s+)" + _LETTER)
# "$W$ an $n \times k$ matrix", "$W$ — матрица $k \times n$"
_MATRIX = re.compile(_NAME + r"[^$.]{0,40}?" + _BY + r"\s*" + _MATRIX_WORD)
_MATRIX_AFTER = re.compile(_NAME + r"[^$.]{0,20}?" + _MATRIX_WORD + r"\w*[^$.]{0,20}?" + _BY)
# "$x \in \mathbb{R}^{n}$", "$W \in \mathbb{R}^{n \times k}$", "$x \in \mathbb{R}^{1 \times n}$"
_IN_R = re.compile(r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^"
                   r"\s*\{?\s*([A-Za-z]|\d+)\s*(?:(?:\\times|×)\s*([A-Za-z]|\d+))?\s*\}?")


def size_letters(text: str) -> list:
    """The sizes the prose names with letters, as hints [(line, quantity, "letters", letters)] (one letter a vector,
    rows and columns a matrix)."""
    out = []

    def line(m):
        return text.count("\n", 0, m.start()) + 1

    for m in _VECTOR.finditer(text):
        out.append((line(m), m.group(1), "letters", (m.group(2),)))
    for m in [*_MATRIX.finditer(text), *_MATRIX_AFTER.finditer(text)]:
        dims = (m.group(2), m.group(3))
        if any(d.isalpha() for d in dims):  # "an n × k matrix", "a 2 × n matrix" (two numbers: graphnotes)
            out.append((line(m), m.group(1), "letters", tuple(d if d.isalpha() else int(d) for d in dims)))
    for m in _IN_R.finditer(text):
        first, second = m.group(2), m.group(3)
        if second is None:
            dims = (first,)
        elif first == "1" or second == "1":
            dims = (second if first == "1" else first,)
        else:
            dims = (first, second)
        if any(d.isalpha() for d in dims):
            out.append((line(m), m.group(1), "letters", tuple(d if d.isalpha() else int(d) for d in dims)))
    return sorted(out)


def letter_sizes(m: Model, letter: str) -> set:
    """The sizes the model gives the dimensions ``letter`` names (one, if the notes agree with themselves)."""
    out = set()
    for name, axis in m.letters.get(letter, ()):
        q = m.quantities.get(name)
        if q is not None and q.rank and axis < len(q.dims) and q.dims[axis]:
            out.add(q.dims[axis])
    return out


def open_size(m: Model, name: str, axis: int, default: int) -> int:
    """The size for an open dimension: the size its letter already has, else ``default``, moved past the sizes of
    the other letters (n and k of an n × k matrix differ, so a sum to n where k is meant is seen)."""
    letter = next((ltr for ltr, dims in m.letters.items() if (name, axis) in dims), None)
    if letter is None:
        return default
    known = letter_sizes(m, letter)
    if known:
        return min(known)
    taken = set().union(*(letter_sizes(m, other) for other in m.letters if other != letter))
    size = default
    while size in taken:
        size += 1
    return size


def add_letters(m: Model, hints) -> None:
    """``Model.letters`` from the hints of ``size_letters``: letter -> [(quantity, axis)]."""
    for _, name, orient, dims in hints:
        if orient != "letters":
            continue
        for axis, d in enumerate(dims):
            if isinstance(d, str):
                m.letters.setdefault(d, [])
                key = (m.canonical(name), axis)
                if key not in m.letters[d]:
                    m.letters[d].append(key)


def bound(m: Model, node, where: str, used: dict | None = None) -> int:
    """The number a bound of a sum stands for: a whole number, or letters the notes give sizes (``k - 1``);
    ``used`` collects the letters and their sizes."""
    if isinstance(node, Num):
        if node.value.denominator != 1:
            raise GraphUninterpretable(f"{where}: the bound {to_latex(node)} is not a whole number")
        return int(node.value)
    if isinstance(node, Sym) and not node.sub and node.base in m.letters:
        sizes = letter_sizes(m, node.base)
        if len(sizes) != 1:
            said = ", ".join(f"{name}" for name, _ in m.letters[node.base])
            raise GraphUninterpretable(f"{where}: the notes give {node.base} (the size of {said}) "
                                       + (f"the sizes {sorted(sizes)}" if sizes else "no size"))
        if used is not None:
            used[node.base] = min(sizes)
        return min(sizes)
    if isinstance(node, Add):
        return sum(bound(m, t, where, used) for t in node.terms)
    if isinstance(node, Neg):
        return -bound(m, node.arg, where, used)
    if isinstance(node, Mul):
        value = Fraction(1)
        for f in node.factors:
            value *= bound(m, f, where, used)
        return int(value)
    letters = sorted({to_latex(n) for n in _syms(node) if n.sub or n.base not in m.letters})
    named = f"{', '.join(letters)}: the notes never say what {'it stands' if len(letters) == 1 else 'they stand'} " \
            "for" if letters else "it is not a size the notes give"
    said = "; the sizes they name are " + ", ".join(sorted(m.letters)) if m.letters else ""
    raise GraphUninterpretable(f"{where}: the bound {to_latex(node)} is not read ({named}{said})")


def _syms(node):
    return [n for n in walk(node) if isinstance(n, Sym)]


def sum_bounds(m: Model, defs, rank: int) -> list:
    r"""(quantity, axis, bound) for each entry a sum of the definitions runs over with whole-number bounds from 1:
    in ``L = -\sum_{k=1}^{2} t_k \log y_k`` the index k of t_k takes 1 and 2, so the bound sizes t as a written
    t_2 would (review 15). A bound that is a letter is read by ``graphsizes``; a sum from 0 sizes nothing here.

    >>> from symbp.verify.graphread import read_graph
    >>> from symbp.verify.graphmodel import Quantity
    >>> m = Model()
    >>> m.quantities["t"] = Quantity("t", 1)
    >>> sum_bounds(m, [(1, read_graph(r"L = \sum_{k=1}^{2} t_k"))], 1)
    [('t', 0, 2)]
    """
    out = []
    for _, eq in defs:
        if is_declaration(eq) or not is_definition(eq):
            continue
        for node in walk(eq):
            if not (isinstance(node, Sum) and node.var and isinstance(node.lower, Num) and isinstance(node.upper, Num)):
                continue
            low, top = node.lower.value, node.upper.value
            if low.denominator != 1 or top.denominator != 1 or low < 1 or top < low:
                continue
            for n in walk(node.body):
                q = m.quantities.get(m.canonical(n.base)) if isinstance(n, Sym) and n.sub else None
                if q is None or q.rank != rank:
                    continue
                for axis, i in enumerate(split_index(n.sub, q.rank)[:q.rank]):
                    if i == node.var:
                        out.append((q.name, axis, int(top)))
    return out


def letter_words(used: dict) -> str:
    """``n = 3, k = 2``: the sizes the letters of a sum's bounds had where a claim was checked."""
    return ", ".join(f"{k} = {v}" for k, v in sorted(used.items()))


__all__ = ["add_letters", "bound", "letter_sizes", "letter_words", "open_size", "size_letters", "sum_bounds"]
