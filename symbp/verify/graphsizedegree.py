r"""How many sizes of a letter a claim of the notes' own terms needs to be checked at.

A sum to a size the notes name with a letter (``\sum_{j=1}^{k}``) makes a claim's value a polynomial in that size:
one sum is of degree 1, ``(\sum_j … - 2)(\sum_j … - 3)`` of degree 2, which is 0 at k = 2 and k = 3 and at no other
size (review rv42c 2: it held, checked at the two sizes 2 and 3 only). A polynomial of degree d is 0 for every size if
it is 0 at d + 1 of them, so a claim that holds on the family of open sizes holds for every size only when each
letter took more sizes there than its degree (``graphfamily`` says undecided otherwise, naming the sizes). A sum inside
a function other than a quotient's parts (``e^{\sum_j …}``) is no polynomial: its degree is ``NO_POLYNOMIAL``.

>>> from symbp.verify.graphread import read_graph
>>> letter_degrees(read_graph(r"L = (\sum_{j=1}^{k} h_j - 2)(\sum_{i=1}^{k} h_i - 3) + \sum_{i=1}^{n} x_i"))
{'k': 2, 'n': 1}
"""

from __future__ import annotations

from .graphnodes import Add, Call, Div, Mul, Pow, Sum, Sym, _children, walk

#: The degree given to a sum a function other than a quotient holds: more than any family of sizes pins.
NO_POLYNOMIAL = 99
#: The letter of a sum written without its bound (``\sum_j h_j``): it runs to the size of whatever its index indexes,
#: one of the open sizes (review rv44 A6: such sums evaded the count, and a claim true only at k = 2, 3, 4 held).
UNBOUNDED = "?"


def letter_degrees(node) -> dict:
    """letter -> the degree of ``node``'s value in the size that letter names, through the sums bounded by it."""
    if isinstance(node, Sum):
        out = dict(letter_degrees(node.body))
        for letter in _letters(node.upper) if node.upper is not None else [UNBOUNDED]:
            out[letter] = out.get(letter, 0) + 1
        return out
    if isinstance(node, Call):
        inner = _merge([letter_degrees(a) for a in node.args], max)
        return {k: NO_POLYNOMIAL for k in inner}
    if isinstance(node, Pow):
        return {k: v * max(1, abs(int(node.exp))) for k, v in letter_degrees(node.base).items()}
    parts = [letter_degrees(c) for c in _children(node)]
    if isinstance(node, (Mul, Div)):  # a quotient counts both parts (P/Q − R has P − RQ on top)
        return _merge(parts, lambda a, b: a + b)
    if isinstance(node, Add):
        return _merge(parts, max)
    return _merge(parts, max)


def _letters(bound) -> list:
    if bound is None:
        return []
    return sorted({n.base for n in walk(bound) if isinstance(n, Sym) and not n.sub and len(n.base) == 1
                   and n.base.isalpha()})


def _merge(parts: list, combine) -> dict:
    out: dict = {}
    for part in parts:
        for k, v in part.items():
            out[k] = combine(out[k], v) if k in out else v
    return out


__all__ = ["NO_POLYNOMIAL", "UNBOUNDED", "letter_degrees"]
