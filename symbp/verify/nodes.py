r"""The syntax tree the formula reader builds, and its printer back to LaTeX.

Nodes are frozen dataclasses: a formula is data, never code. A quantity keeps
the user's own spelling (base letter, layer brackets, index separator) so a
corrected formula prints in the user's notation.

>>> q = Quantity("w", "w", Layer("l", 1), (Index("j"), Index("k")))
>>> to_latex(Transpose(q))
'\\left(w^{l+1}_{jk}\\right)^T'
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache
from fractions import Fraction


@dataclass(frozen=True)
class Layer:
    """A layer label: ``var + offset`` (``l+1`` is Layer('l', 1); ``2`` is Layer(None, 2))."""

    var: str | None
    offset: int = 0
    brackets: tuple = ("", "")

    def latex(self) -> str:
        if self.var is None:
            inner = str(self.offset)
        elif self.offset == 0:
            inner = self.var
        else:
            inner = f"{self.var}{'+' if self.offset > 0 else '-'}{abs(self.offset)}"
        return f"{self.brackets[0]}{inner}{self.brackets[1]}"


@dataclass(frozen=True)
class Index:
    """A neuron index: a letter (free or summed) or a fixed number."""

    name: str | None = None
    value: int | None = None
    size: "Layer | None" = None  # n_{L}: the last neuron of that layer

    def latex(self) -> str:
        if self.size is not None:
            return f"n_{{{self.size.latex()}}}"
        if self.name is None:
            return str(self.value)
        if len(self.name) > 1 and self.name[1:].isdigit():
            return f"{self.name[0]}_{self.name[1:]}"  # k0 was written k_0
        return self.name


@dataclass(frozen=True)
class Quantity:
    """A network quantity: ``role`` is one of w, W, b, z, a, x, y, delta, C."""

    role: str
    base: str
    layer: Layer | None = None
    indices: tuple = ()
    sep: str = ""
    implicit_layer: bool = False  # \hat{y} is a^L: its layer is not written


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
    """A product chain by juxtaposition or ``\\cdot``; may hold a ``Cdots``."""

    factors: tuple


@dataclass(frozen=True)
class Hadamard:
    left: object
    right: object
    op: str = r"\odot"


@dataclass(frozen=True)
class Div:
    num: object
    den: object


@dataclass(frozen=True)
class Pow:
    base: object
    exp: int


@dataclass(frozen=True)
class Transpose:
    arg: object
    mark: str = "T"


@dataclass(frozen=True)
class Apply:
    """``func`` is 'sigma' (the activation, under any of its names), 'Sigma' (diag σ'), 'exp'."""

    func: str
    primes: int
    arg: object
    base: str = r"\sigma"


@dataclass(frozen=True)
class Partial:
    num: Quantity
    den: Quantity
    entry_of: str = ""  # "partial" or "nabla": one entry of the gradient, written (∂C/∂w^l)_{jk} or (∇_w C)_{jk}


@dataclass(frozen=True)
class Entry:
    """``(E)_j``, ``(M)_{jk}``: one entry of the vector or matrix an expression is (``entries``), as the notes write
    it: the row first. An entry of a gradient, ``(∂C/∂w^l)_{jk}``, is a ``Partial`` with ``entry_of``."""

    arg: object
    indices: tuple
    sep: str = ""


@dataclass(frozen=True)
class Derivative:
    """The operator ∂/∂``den`` applied to an expression (``\\frac{\\partial}{\\partial w} X``)."""

    arg: object
    den: Quantity


@dataclass(frozen=True)
class Norm:
    """``\\|arg\\|^power``: the Euclidean norm of a vector, to a power."""

    arg: object
    power: int = 1


@dataclass(frozen=True)
class Nabla:
    wrt: Quantity
    of: Quantity


@dataclass(frozen=True)
class Sum:
    var: str | None
    lower: int | None
    upper: object  # a Layer (n_{layer}) or None
    body: object


@dataclass(frozen=True)
class Matrix:
    """``\\begin{pmatrix} … \\end{pmatrix}``, entries row by row; a ``Cdots`` entry is ⋮, ⋯ or ⋱."""

    rows: int
    cols: int
    entries: tuple
    env: str = "pmatrix"


@dataclass(frozen=True)
class Comprehension:
    """Dyda's column vector ``[ body ]_{k=1,…,n^{[l]}}``: body for each k."""

    body: object
    var: str
    lower: int
    upper: object  # a Layer: the size of that layer
    columns: tuple | None = None  # (var, lower, upper Layer) of a bracketed matrix's columns


@dataclass(frozen=True)
class Cdots:
    """The ``\\cdots`` of a product chain; ``cdots`` reads the pattern around it (``kind``: cdots, vdots, ddots)."""

    kind: str = "cdots"


@dataclass(frozen=True)
class Where:
    """A condition written after a formula: ``var`` runs from ``lo`` to ``hi`` (inclusive).

    For a layer variable the bounds are ``Layer``s (user numbering); for a
    neuron index they are ``Index``es (a number or a layer size n_l). ``text``
    is the condition as the user wrote it.
    """

    var: str
    lo: object
    hi: object
    kind: str  # "layer" | "index" | "depth" | "differs" | "space" (``\in \mathbb{R}^{n_l}``: lo is that size) |
    # "outputs" (``n_L = 1``: lo = hi = the number of output neurons, an int)
    text: str = ""
    differs: str = ""  # ``j \neq k``: the other neuron index var must differ from (lo, hi are None)


@dataclass(frozen=True)
class Equation:
    sides: tuple
    rels: tuple
    where: tuple = ()  # Where conditions that restrict the claim


# -- generic traversal ----------------------------------------------------------


def children(node) -> list:
    out = []
    for f in fields(node):
        v = getattr(node, f.name)
        if isinstance(v, tuple):
            out.extend(x for x in v if _is_node(x))
        elif _is_node(v):
            out.append(v)
    return out


def _is_node(x) -> bool:
    return hasattr(x, "__dataclass_fields__") and not isinstance(x, (Layer, Index))


def walk(node):
    """Every node of the tree, parents before children."""
    yield node
    for c in children(node):
        yield from walk(c)


def rebuild(node, fn):
    """Bottom-up rewrite: ``fn(node)`` returns a replacement or None to keep it."""
    if not _is_node(node):
        return node
    changes = {}
    for f in fields(node):
        v = getattr(node, f.name)
        if isinstance(v, tuple):
            new = tuple(rebuild(x, fn) for x in v)
            if new != v:
                changes[f.name] = new
        elif _is_node(v):
            new = rebuild(v, fn)
            if new is not v:
                changes[f.name] = new
    if changes:
        node = replace(node, **changes)
    out = fn(node)
    return node if out is None else out


# -- printing -------------------------------------------------------------------


def _wrap(s: str) -> str:
    return s if len(s) == 1 else "{" + s + "}"


@lru_cache(maxsize=4096)
def _quantity(q: Quantity) -> str:
    # Cached: every evaluation names its quantities (for messages), and quantities are few.
    out = q.base
    if q.layer is not None and not q.implicit_layer:
        out += "^" + _wrap(q.layer.latex())
    if q.indices:
        out += "_" + _wrap(q.sep.join(i.latex() for i in q.indices))
    return out


def _needs_parens(node) -> bool:
    return isinstance(node, (Add, Neg, Hadamard))


@lru_cache(maxsize=8192)
def latex_of(node) -> str:
    """``to_latex`` remembered: messages name the same few nodes on every instance and network."""
    return to_latex(node)


def to_latex(node) -> str:
    """LaTeX for a tree, in the notation it was read in."""
    if isinstance(node, Equation):
        parts = [to_latex(node.sides[0])]
        for rel, side in zip(node.rels, node.sides[1:]):
            parts.append(f" {rel} {to_latex(side)}")
        for w in node.where:
            parts.append((" " if w.kind == "space" else r", \quad ") + _where(w))
        return "".join(parts)
    if isinstance(node, Quantity):
        return _quantity(node)
    if isinstance(node, Num):
        v = node.value
        return str(v.numerator) if v.denominator == 1 else rf"\frac{{{v.numerator}}}{{{v.denominator}}}"
    if isinstance(node, Add):
        out = to_latex(node.terms[0])
        for t in node.terms[1:]:
            if isinstance(t, Neg):
                out += " - " + _factor(t.arg)
            else:
                out += " + " + to_latex(t)
        return out
    if isinstance(node, Neg):
        return "-" + _factor(node.arg)
    if isinstance(node, Mul):
        last = len(node.factors) - 1
        # A sum runs to the end of its product: one that is not the last factor needs parentheses.
        return " ".join(
            r"\cdots" if isinstance(f, Cdots)
            else rf"\left({to_latex(f)}\right)" if isinstance(f, Sum) and k < last else _factor(f)
            for k, f in enumerate(node.factors)
        )
    if isinstance(node, Hadamard):
        return f"{_factor(node.left)} {node.op} {_factor(node.right)}"
    if isinstance(node, Div):
        return rf"\frac{{{to_latex(node.num)}}}{{{to_latex(node.den)}}}"
    if isinstance(node, Pow):
        base = _factor(node.base)
        if (isinstance(node.base, Quantity) and (node.base.indices or node.base.layer is not None)) or (
                not isinstance(node.base, (Quantity, Num)) and not _needs_parens(node.base)):
            base = rf"\left({base}\right)"  # a^L_1 squared is (a^L_1)^2, not a^L_1^2; (∇_a C)^2, not ∇_a C^2
        return f"{base}^{{{node.exp}}}"
    if isinstance(node, Transpose):
        inner = to_latex(node.arg)
        return rf"\left({inner}\right)^{node.mark}" if not node.mark.startswith("\\") else rf"\left({inner}\right)^{{{node.mark}}}"
    if isinstance(node, Apply):
        if node.func == "relu":  # \max(0, z), as written
            return rf"\max(0, {to_latex(node.arg)})"
        name = {"exp": r"\exp"}.get(node.func, node.base)
        return f"{name}{chr(39) * node.primes}({to_latex(node.arg)})"  # as notes write it: \\sigma'(z^L)
    if isinstance(node, Partial) and node.entry_of:  # the entry of a gradient, as written
        bare = _quantity(replace(node.den, indices=()))
        grad = (rf"\frac{{\partial {_quantity(node.num)}}}{{\partial {bare}}}" if node.entry_of.startswith("partial")
                else rf"\nabla_{{{bare}}} {_quantity(node.num)}")
        written = node.den.indices[::-1] if node.entry_of.endswith("^T") else node.den.indices  # as the notes wrote it
        return rf"\left({grad}\right)_" + _wrap(node.den.sep.join(i.latex() for i in written))
    if isinstance(node, Entry):
        return rf"\left({to_latex(node.arg)}\right)_" + _wrap(node.sep.join(i.latex() for i in node.indices))
    if isinstance(node, Partial):
        return rf"\frac{{\partial {_quantity(node.num)}}}{{\partial {_quantity(node.den)}}}"
    if isinstance(node, Nabla):
        return rf"\nabla_{{{_quantity(node.wrt)}}} {_quantity(node.of)}"
    if isinstance(node, Derivative):
        return rf"\frac{{\partial}}{{\partial {_quantity(node.den)}}} {_factor(node.arg)}"
    if isinstance(node, Norm):
        return rf"\left\|{to_latex(node.arg)}\right\|" + (f"^{{{node.power}}}" if node.power != 1 else "")
    if isinstance(node, Sum):
        out = r"\sum"
        if node.var is not None:
            out += f"_{{{node.var}" + (f"={node.lower}" if node.lower is not None else "") + "}"
        if node.upper is not None:
            out += "^{" + _size(node.upper) + "}"
        return out + " " + to_latex(node.body)
    if isinstance(node, Matrix):
        rows = []
        for r in range(node.rows):
            cells = node.entries[r * node.cols:(r + 1) * node.cols]
            rows.append(" & ".join(_ellipsis(c, node) for c in cells))
        return rf"\begin{{{node.env}}} " + r" \\ ".join(rows) + rf" \end{{{node.env}}}"
    if isinstance(node, Comprehension):
        out = rf"\left[ {to_latex(node.body)} \right]_{{{node.var}={node.lower}, \dots, {_size(node.upper)}"
        if node.columns is not None:
            var, lower, upper = node.columns
            out += rf"; {var}={lower}, \dots, {_size(upper)}"
        return out + "}"
    if isinstance(node, Cdots):
        return r"\cdots"
    raise TypeError(f"cannot print {type(node).__name__}")


def _bound(b) -> str:
    return b.latex() if isinstance(b, (Layer, Index)) else str(b)


def _where(w: "Where") -> str:
    if w.differs:
        return rf"{w.var} \neq {w.differs}"
    if w.kind == "space":
        return rf"\in \mathbb{{R}}^{{{_size(w.lo.size)}}}"
    if w.lo is None and w.hi is None:
        return w.var
    if w.lo is None or w.hi is None:  # one bound only (l < L is read as l ≤ L − 1, from the first layer up)
        return rf"{w.var} \le {_bound(w.hi)}" if w.lo is None else rf"{w.var} \ge {_bound(w.lo)}"
    lo, hi = _bound(w.lo), _bound(w.hi)
    if lo == hi:
        return f"{w.var} = {lo}"
    return rf"{lo} \le {w.var} \le {hi}"


def _ellipsis(cell, node: "Matrix") -> str:
    if cell is None:
        return ""
    if isinstance(cell, Cdots) and cell.kind == "ddots":
        return r"\ddots"
    if isinstance(cell, Cdots):
        return r"\vdots" if node.cols == 1 or cell.kind == "vdots" else r"\cdots"
    return to_latex(cell)


def _size(layer: Layer) -> str:
    # Dyda writes the size of layer l as n^{[l]}, Nielsen as n_{l}.
    if layer.brackets == ("[", "]"):
        return f"n^{{{layer.latex()}}}"
    return f"n_{{{layer.latex()}}}"


def _factor(node) -> str:
    s = to_latex(node)
    return rf"\left({s}\right)" if _needs_parens(node) else s
