r"""The syntax tree of formulas written in the notes' own terms, and its printer.

Notes that teach backpropagation as a walk through a computational graph name
their quantities freely (``g = x W``, ``h = \tanh(g)``, ``L = L(y_1, y_2)``);
``graphread`` reads such formulas into these frozen nodes. A symbol is a name
with an optional subscript; whether it is a scalar, a vector, a matrix, an
entry or a function is decided by the model (``graphmodel``), not here.

>>> to_latex(Deriv(Sym("L"), Sym("w", ("1", "2")), False))
'\\frac{\\partial L}{\\partial w_{12}}'
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True)
class Sym:
    """A name as written: ``base`` (``x``, ``W``, ``\\alpha``, ``\\tilde{w}``) and its subscript parts."""

    base: str
    sub: tuple = ()  # ("1", "2") for w_{12} or w_{1,2}; ("ij",) for w_{ij}; ("i_j",) for C_{i_j}
    sample: str = ""  # a training input named in a superscript: y^{(t)}
    mark: str = ""  # a new or old value, or a step, as written: "^{\\text{new}}", "_{old}", "^{(t+1)}" (update rules)
    below: bool = field(default=False, compare=False, repr=False)  # the sample written as a subscript: C_x (``graphsamplecost``)

    def latex(self) -> str:
        out = self.base
        if self.sample and self.below and not self.sub:
            out += "_" + (self.sample if len(self.sample) == 1 else "{" + self.sample + "}")
        elif self.sample:
            out += "^{(" + self.sample + ")}"
        if self.sub:
            inner = ",".join(self.sub) if any(len(s) > 1 for s in self.sub) and len(self.sub) > 1 else "".join(self.sub)
            out += "_" + (inner if len(inner) == 1 else "{" + inner + "}")
        return out + self.mark


@dataclass(frozen=True)
class Num:
    value: Fraction


@dataclass(frozen=True)
class Add:
    terms: tuple


@dataclass(frozen=True)
class Neg:
    arg: object


@dataclass(frozen=True)
class Mul:
    factors: tuple


@dataclass(frozen=True)
class Had:
    """The entrywise product ``\\odot``."""

    left: object
    right: object


@dataclass(frozen=True)
class Div:
    num: object
    den: object


@dataclass(frozen=True)
class Pow:
    base: object
    exp: int


@dataclass(frozen=True)
class T:
    """A transpose ``X^T``."""

    arg: object


@dataclass(frozen=True)
class Call:
    """``f(args)``: a known function (tanh, cosh, sinh, sech, sigma, exp, log, diag, softmax) or a name the model
    resolves (h, L, y_1)."""

    func: object  # a str for known functions, a Sym otherwise
    args: tuple
    primes: int = 0
    written: str = ""  # "e": the exponential written as a power of e, e^{u_i} (the model checks e is no quantity)


@dataclass(frozen=True)
class Deriv:
    r"""``\frac{\partial num}{\partial den}`` (``total``: written with d)."""

    num: object
    den: object
    total: bool = False
    #: (the name as written, the layout in which ∂num/∂den is that matrix): a matrix the notes name by its entries
    #: (``J_{ji} = \frac{\partial y_j}{\partial x_i}``), laid out so whatever the claim's layout (``graphjacobians``)
    named: tuple = ()


@dataclass(frozen=True)
class Bar:
    r"""``expr \big|_{at}``: evaluated at a point (``at`` a symbol, or a (symbol, value) pair)."""

    arg: object
    at: object


@dataclass(frozen=True)
class Mat:
    """A written-out matrix or vector, rows of cells; a cell ``Dots()`` is ⋯, ⋮."""

    rows: tuple
    tuple_form: bool = False  # written (a, b, c): a row vector


@dataclass(frozen=True)
class Dots:
    """``\\dots``, ``\\vdots``, ``\\cdots`` in a matrix or a sum."""


@dataclass(frozen=True)
class Sum:
    var: str | None
    lower: object  # a node or None
    upper: object
    body: object


@dataclass(frozen=True)
class Nabla:
    r"""``\nabla_{wrt} of`` or the shorthand ``\nabla wrt`` (``of`` None: the notes' cost)."""

    wrt: object
    of: object = None


@dataclass(frozen=True)
class Norm:
    arg: object


@dataclass(frozen=True)
class Equation:
    sides: tuple
    rels: tuple


def walk(node):
    """Every node of the tree, parents before children."""
    yield node
    for child in _children(node):
        yield from walk(child)


def _children(node) -> list:
    if isinstance(node, (Sym, Num, Dots)) or node is None or isinstance(node, str):
        return []
    if isinstance(node, Mat):
        return [c for row in node.rows for c in row]
    if isinstance(node, Equation):
        return list(node.sides)
    out = []
    for name in node.__dataclass_fields__:
        v = getattr(node, name)
        if isinstance(v, tuple):
            out.extend(x for x in v if hasattr(x, "__dataclass_fields__"))
        elif hasattr(v, "__dataclass_fields__"):
            out.append(v)
    return out


_FUNCS = {"tanh": r"\tanh", "sigma": r"\sigma", "exp": r"\exp", "log": r"\log", "cosh": r"\cosh", "sinh": r"\sinh",
          "sech": r"\operatorname{sech}", "diag": r"\operatorname{diag}", "softmax": r"\operatorname{softmax}"}


def to_latex(node) -> str:
    """LaTeX for a tree (the notes' spelling of names is kept)."""
    if isinstance(node, Equation):
        out = to_latex(node.sides[0])
        for rel, side in zip(node.rels, node.sides[1:]):
            out += f" {rel} {to_latex(side)}"
        return out
    if isinstance(node, Sym):
        return node.latex()
    if isinstance(node, Num):
        v = node.value
        return str(v.numerator) if v.denominator == 1 else rf"\frac{{{v.numerator}}}{{{v.denominator}}}"
    if isinstance(node, Add):
        out = to_latex(node.terms[0])
        for t in node.terms[1:]:
            out += (" - " + _factor(t.arg)) if isinstance(t, Neg) else (" + " + to_latex(t))
        return out
    if isinstance(node, Neg):
        return "-" + _factor(node.arg)
    if isinstance(node, Mul):
        # a sum runs to the end of its product: one that is not the last factor keeps its brackets
        last = len(node.factors) - 1
        return " ".join(_bracket(f) if isinstance(f, Sum) and k < last else _factor(f) for k, f in enumerate(node.factors))
    if isinstance(node, Had):
        left = _bracket(node.left) if isinstance(node.left, Sum) else _factor(node.left)
        return f"{left} \\odot {_factor(node.right)}"
    if isinstance(node, Div):
        return rf"\frac{{{to_latex(node.num)}}}{{{to_latex(node.den)}}}"
    if isinstance(node, Pow):
        # (Σ_i h_i)^2 is not Σ_i h_i^2, (a b)^2 not a b^2: only a base that ends where its power starts goes bare
        base = node.base
        bare = (isinstance(base, Sym) and not (base.sample or base.mark)) or isinstance(base, (Call, Norm, Mat)) \
            or (isinstance(base, Num) and base.value.denominator == 1 and base.value >= 0)
        return f"{to_latex(base) if bare else _bracket(base)}^{{{node.exp}}}"
    if isinstance(node, T):
        inner = _factor(node.arg, atoms_only=True)
        arg = node.arg
        layer = not arg.sample and re.search(r"\^\{[(\[]\d+[)\]]\}$", inner) if isinstance(arg, Sym) else False
        if isinstance(arg, Sym) and not (arg.sub or arg.mark) and inner == arg.latex() and (layer or arg.sample):
            return inner[:-1] + "T}"  # W^{(2)T}, x^{(i)T}: a layer's or a sample's name transposed, as written
        return f"{inner}^T"
    if isinstance(node, Call) and node.written == "e":
        return "e^{" + to_latex(node.args[0]) + "}"
    if isinstance(node, Call):
        name = _FUNCS.get(node.func, node.func) if isinstance(node.func, str) else node.func.latex()
        return name + "'" * node.primes + "(" + ", ".join(to_latex(a) for a in node.args) + ")"
    if isinstance(node, Deriv) and node.named:
        return node.named[0]
    if isinstance(node, Deriv):
        d = "d" if node.total else r"\partial "
        return rf"\frac{{{d}{to_latex(node.num)}}}{{{d}{to_latex(node.den)}}}"
    if isinstance(node, Bar):
        at = node.at
        point = f"{to_latex(at[0])} = {to_latex(at[1])}" if isinstance(at, tuple) else to_latex(at)
        return rf"\left. {to_latex(node.arg)} \right|_{{{point}}}"
    if isinstance(node, Mat):
        if node.tuple_form:
            return "(" + ", ".join(to_latex(c) for c in node.rows[0]) + ")"
        return r"\begin{pmatrix} " + r" \\ ".join(" & ".join(to_latex(c) for c in row) for row in node.rows) + \
            r" \end{pmatrix}"
    if isinstance(node, Dots):
        return r"\dots"
    if isinstance(node, Sum):
        out = r"\sum"
        if node.var:
            out += "_{" + node.var + (f"={to_latex(node.lower)}" if node.lower is not None else "") + "}"
        if node.upper is not None:
            out += "^{" + to_latex(node.upper) + "}"
        body = node.body  # Σ_i (h_i + 1) is not Σ_i h_i + 1
        return out + " " + (_bracket(body) if isinstance(body, (Add, Had)) else to_latex(body))
    if isinstance(node, Nabla):
        if node.of is None:
            return rf"\nabla {to_latex(node.wrt)}"
        return rf"\nabla_{{{to_latex(node.wrt)}}} {to_latex(node.of)}"
    if isinstance(node, Norm):
        return rf"\|{to_latex(node.arg)}\|"
    if isinstance(node, str):
        return node
    raise TypeError(f"cannot print {type(node).__name__}")


def _bracket(node) -> str:
    return rf"\left({to_latex(node)}\right)"


def _factor(node, atoms_only: bool = False) -> str:
    s = to_latex(node)
    simple = isinstance(node, (Sym, Num, Mat, Call, Deriv, Norm))
    if atoms_only:
        return s if simple else rf"\left({s}\right)"
    return rf"\left({s}\right)" if isinstance(node, (Add, Neg, Had)) else s
