r"""The tree of a formula about a layer, as ``layer_reader`` builds it and ``layer_check`` evaluates it.

Index expressions (``Var``, ``INum``, ``IOp``: the ``s(p-1)+i`` of a
subscript) and value nodes (a symbol ``Sym`` with its subscripts,
superscript and accent; numbers, sums, products, quotients, powers,
transposes, square roots, sums over indices, function calls and derivatives
∂L/∂x). Each is a frozen dataclass built with its constructor, never from
the user's text by evaluation.

>>> Sym("x", (IOp("+", Var("t"), INum(1)),))
Sym(name='x', sub=(IOp(op='+', a=Var(name='t'), b=INum(value=1)),), sup=None, accent='')
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction



@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class INum:
    value: int


@dataclass(frozen=True)
class IOp:
    op: str  # '+', '-', '*'
    a: object
    b: object


@dataclass(frozen=True)
class Sym:
    name: str  # 'x', 'gamma', 'W_hh', 'sigma^2', ...
    sub: "tuple | None"  # index expressions, or None
    sup: object = None
    accent: str = ""  # 'hat', 'tilde'


@dataclass(frozen=True)
class Num:
    value: Fraction


@dataclass(frozen=True)
class Add:
    terms: tuple  # ((+1 | -1, node), ...)


@dataclass(frozen=True)
class Mul:
    op: str  # 'mul' or 'odot'
    a: object
    b: object


@dataclass(frozen=True)
class Div:
    a: object
    b: object


@dataclass(frozen=True)
class Pow:
    base: object
    exp: Fraction


@dataclass(frozen=True)
class Transpose:
    base: object


@dataclass(frozen=True)
class Sqrt:
    arg: object


@dataclass(frozen=True)
class Sum:
    index: tuple  # letters summed over
    lo: object  # an index expression or None
    hi: object
    body: object


@dataclass(frozen=True)
class Call:
    fname: str  # "varphi'", 'rowsum'
    arg: object


@dataclass(frozen=True)
class Deriv:
    loss: str  # 'L', 'C', or the numerator's symbol for ∂F_i/∂x_k
    of: Sym
    num: "Sym | None" = None


def index_letters(e) -> set:
    """The letters an index expression uses (``s(p-1)+i``: {s, p, i})."""
    if isinstance(e, Var):
        return {e.name}
    if isinstance(e, IOp):
        return index_letters(e.a) | index_letters(e.b)
    return set()
