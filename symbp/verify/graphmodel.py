r"""The model of notes written in their own terms: quantities, shapes and definitions as a graph.

Built from the notes' definitions (``g = x W``, ``g_j = \sum_i x_i w_{ij}``,
``z = h(y)``, ``L = L(y_1, y_2)``, ``(g_1, g_2, g_3) = (x_1, x_2) W``) and from
the prose words that give a shape ("row vector", "2 × 3 matrix"). Every entry
of every quantity is a node (``graphvalues``); a node is a leaf or has a
one-level definition. ∂F/∂V is taken in the graph: V is held as a variable,
everything not computed from V stays fixed (the derivative backpropagation
means), by the chain rule over the one-level definitions; generic functions
stay generic (atoms). Nothing of the notes' text is evaluated.

Contradictory definitions (g = x W at one line, g = W x at another) are a
``GraphError`` naming both lines. Definitions that form a cycle (x = W y with
y_1 = y_1(x_1, x_2) declared) are an error too, unless exchanging the two
vectors' names in the linear definition agrees with every declaration (the
slip of seed 004, line 71): then that reading is used and ``repairs`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy
from sympy.core.function import AppliedUndef

from ..errors import SymbpError
from .graphnodes import Add, Bar, Call, Deriv, Div, Dots, Equation, Had, Mat, Mul, Nabla, Neg, Norm, Num, Pow, Sum, Sym, T
from .graphnodes import to_latex, walk
from .graphvalues import Atoms


class GraphError(SymbpError, ValueError):
    """The notes' definitions contradict each other (the message names both lines; ``lines`` holds them when one
    name is defined twice)."""

    def __init__(self, message: str = "", lines: tuple = ()):
        super().__init__(message)
        self.lines = tuple(lines)


class GraphUninterpretable(SymbpError, ValueError):
    """A formula that reads but has no meaning in the notes' model (the reason names the quantity)."""


KNOWN = {"tanh": sympy.tanh, "exp": sympy.exp, "log": sympy.log, "cosh": sympy.cosh, "sinh": sympy.sinh,
         "sech": sympy.sech}
#: Letters notes use for the loss.
LOSS_NAMES = ("L", "C", "E", "J", r"\mathcal{L}", r"\ell")


@dataclass
class Quantity:
    name: str
    rank: int  # 0 scalar, 1 vector, 2 matrix
    orient: str = ""  # vectors: "row" or "col" ("" = not said: taken as a column)
    dims: tuple = ()
    why: str = ""  # where the shape comes from

    @property
    def shape(self) -> tuple:
        if self.rank == 0:
            return (1, 1)
        if self.rank == 1:
            return (1, self.dims[0]) if self.orient == "row" else (self.dims[0], 1)
        return self.dims

    def describe(self) -> str:
        if self.rank == 0:
            return f"{self.name} a scalar"
        if self.rank == 1:
            kind = {"row": "a row vector", "col": "a column vector"}.get(self.orient, "a vector (taken as a column)")
            return f"{self.name} {kind} of {self.dims[0]}"
        return f"{self.name} a {self.dims[0]}×{self.dims[1]} matrix"


@dataclass
class Model:
    """Quantities, nodes and their one-level definitions."""

    quantities: dict = field(default_factory=dict)  # canonical name -> Quantity
    defs: dict = field(default_factory=dict)  # node symbol -> one-level sympy expression
    where: dict = field(default_factory=dict)  # node symbol -> line of its definition
    nodes: dict = field(default_factory=dict)  # (name, idx) -> symbol
    names: dict = field(default_factory=dict)  # symbol -> (name, idx)
    functions: set = field(default_factory=set)  # generic functions the notes use (h, L, sigma)
    applied: set = field(default_factory=set)  # the functions the definitions apply (h in z = h(y)), not claims
    atoms: Atoms = field(default_factory=Atoms)
    repairs: list = field(default_factory=list)  # (line, words)
    notes: list = field(default_factory=list)  # how the model was read, in words
    loss: str = ""
    arity: dict = field(default_factory=dict)  # generic function -> number of arguments
    known: set = field(default_factory=set)  # names the definitions mention (others are never defined)
    declared: dict = field(default_factory=dict)  # node -> [declared arguments, lines]
    letters: dict = field(default_factory=dict)  # a size the prose names with a letter -> [(quantity, axis)]
    open_ranks: set = field(default_factory=set)  # names nothing says are scalars, vectors or matrices
    vector_reading: bool = False  # those names read as vectors and matrices by their products (``graphshapes``)
    guessed: dict = field(default_factory=dict)  # name -> what the vector reading made it, in words
    sigma_is_generic: bool = True
    sigma: object = sympy.Function("sigma")
    batch: object = None  # a model of a mini-batch (``graphbatch.Batch``): which nodes are of which sample
    one_entry: set = field(default_factory=set)  # names the notes' own shapes make one entry (``graphoneentry``)
    sizes_open: bool = False  # the notes leave some sizes open (checked on a family of them: ``graphfamily``)
    family_start: int = 0  # which member of the family of open sizes (``graphshapes.FAMILY_CYCLES``)
    _full: dict = field(default_factory=dict)
    _d: dict = field(default_factory=dict)

    # -- names --------------------------------------------------------------------------

    def canonical(self, base: str) -> str:
        """The quantity an entry letter belongs to: w_{12} to W when W is a matrix."""
        if base in self.quantities:
            return base
        for cand in (base.upper(), base.lower()):
            q = self.quantities.get(cand)
            if q is not None and q.rank == 2 and cand != base:
                return cand
        return base

    def node(self, name: str, idx: tuple = ()) -> sympy.Symbol:
        key = (name, tuple(idx))
        if key not in self.nodes:
            q = self.quantities.get(name)
            shown = name.lower() if q is not None and q.rank == 2 and name.isupper() and len(name) == 1 else name
            shown = f"({shown})" if idx and "_" in shown else shown  # an entry of W_1, a name of its own: (W_1)_{2,3}
            label = shown + ("_{" + ",".join(str(i) for i in idx) + "}" if idx else "")
            s = sympy.Symbol(label, real=True)
            self.nodes[key] = s
            self.names[s] = key
        return self.nodes[key]

    def entries(self, name: str):
        """The matrix of a quantity's entry nodes, in its written orientation."""
        q = self.quantities[name]
        if q.rank == 0:
            return self.node(name)
        if q.rank == 1:
            cells = [self.node(name, (i,)) for i in range(1, q.dims[0] + 1)]
            return sympy.ImmutableMatrix([cells]) if q.orient == "row" else sympy.ImmutableMatrix([[c] for c in cells])
        return sympy.ImmutableMatrix([[self.node(name, (i, j)) for j in range(1, q.dims[1] + 1)]
                                      for i in range(1, q.dims[0] + 1)])

    def define(self, sym: sympy.Symbol, expr, line: int, text: str) -> None:
        expr = sympy.sympify(expr)
        if expr == sym:
            return  # x = (x_1, x_2): the entries are named, not defined
        if sym in self.defs:
            if sympy.expand(self.defs[sym] - expr) != 0 and not _same_generic(self.defs[sym], expr):
                raise GraphError(
                    f"the notes define {sym} twice, differently: at line {self.where[sym]} and at line {line} "
                    f"({text}); one definition per quantity", lines=(self.where[sym], line))
            return
        self.defs[sym] = expr
        self.where[sym] = line

    # -- values -------------------------------------------------------------------------

    def depends(self, sym, target, seen=None) -> bool:
        """Whether node ``sym`` is computed (directly or not) from node ``target``."""
        if sym == target:
            return True
        if sym not in self.defs:
            return False
        return any(self.depends(s, target) for s in self.defs[sym].free_symbols if s in self.names)

    def full(self, expr) -> sympy.Expr:
        """``expr`` (in node symbols, with generic applications) in leaves and atoms only, expanded."""
        expr = sympy.sympify(expr)
        repl = {}
        for d in expr.atoms(sympy.Derivative):
            app = d.expr
            var = d.variables[0]
            k = list(app.args).index(var)
            repl[d] = self.atoms.partial(app.func.__name__, k, tuple(self.full(a) for a in app.args))
        expr = expr.xreplace(repl) if repl else expr
        repl = {}
        for app in expr.atoms(AppliedUndef):
            repl[app] = self.atoms.value(app.func.__name__, tuple(self.full(a) for a in app.args))
        expr = expr.xreplace(repl) if repl else expr
        subs = {}
        for s in expr.free_symbols:
            if s in self.defs:
                if s not in self._full:
                    self._full[s] = self.full(self.defs[s])
                subs[s] = self._full[s]
        return sympy.expand(expr.xreplace(subs)) if subs else sympy.expand(expr)

    def d(self, expr, target: sympy.Symbol):
        """∂expr/∂target in the graph (target held as a variable), in node symbols."""
        expr = sympy.sympify(expr)
        out = sympy.Integer(0)
        for s in expr.free_symbols:
            if s == target:
                ds = sympy.Integer(1)
            elif s in self.defs:
                key = (s, target)
                if key not in self._d:
                    self._d[key] = self.d(self.defs[s], target)
                ds = self._d[key]
            else:
                continue
            if ds != 0:
                out += sympy.diff(expr, s) * ds
        return out

    def defs_names(self) -> set:
        """The names some definition gives a value."""
        return {self.names[s][0] for s in self.defs}

    def lines(self) -> list[str]:
        out = [q.describe() + (f" ({q.why})" if q.why else "") for q in self.quantities.values() if q.rank]
        for letter, dims in self.letters.items():
            sizes = sorted({self.quantities[n].dims[a] for n, a in dims if n in self.quantities
                            and a < len(self.quantities[n].dims)})
            if sizes:
                out.append(f"{letter} = {', '.join(map(str, sizes))} (the size of "
                           + ", ".join(dict.fromkeys(n for n, _ in dims)) + ")")
        return out + [f"line {line}: {words}" for line, words in self.repairs] + self.notes


def _same_generic(a, b) -> bool:
    return isinstance(a, AppliedUndef) and isinstance(b, AppliedUndef) and a.func == b.func


# -- reading the shapes ---------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def split_index(sub: tuple, rank: int) -> tuple:
    """A subscript as indices for a quantity of ``rank``: ("12",) is (1, 2) for a matrix, (12,) for a vector."""
    if len(sub) == 1 and rank == 2:
        s = sub[0]
        if len(s) == 2:
            return tuple(int(c) if c.isdigit() else c for c in s)
        return ()
    if len(sub) == 1 and rank <= 1:
        s = sub[0]
        return (int(s) if s.isdigit() else s,)
    return tuple(int(s) if s.isdigit() else s for s in sub)


def is_matrix_letter(base: str) -> bool:
    """W, V, w: a letter whose entries have two indices; W^{(1)}, W^{[2]} too (a layer's own matrix)."""
    base = re.sub(r"\^\{[(\[]\d+[)\]]\}$", "", base)
    return len(base) == 1 and base.isupper() or base in ("w", "W")


def function_names(eqs) -> set:
    """Names applied like functions: h in z = h(y), L in L = L(y_1, y_2) (not products x(…) of known vectors)."""
    out = set()
    for eq in eqs:
        for n in walk(eq):
            if isinstance(n, Call) and isinstance(n.func, Sym):
                out.add(n.func.base)
            if isinstance(n, Deriv) and isinstance(n.num, Sym) and not n.num.sub:
                pass
    return out


def uses(eqs) -> dict:
    """base -> set of subscripts used (as tuples) across the formulas."""
    out: dict = {}
    for eq in eqs:
        for n in walk(eq):
            if isinstance(n, Sym):
                out.setdefault(n.base, set()).add(n.sub)
            if isinstance(n, Call) and isinstance(n.func, Sym):
                out.setdefault(n.func.base, set()).add(n.func.sub)
            if isinstance(n, (Deriv,)):
                for part in (n.num, n.den):
                    if isinstance(part, Sym):
                        out.setdefault(part.base, set()).add(part.sub)
    return out


def literal_shape(node) -> tuple | None:
    """(rows, cols) of a written matrix, a trailing row or column of only ⋯ dropped (the pattern continues)."""
    if not isinstance(node, Mat):
        return None
    rows = [r for r in node.rows if not all(isinstance(c, Dots) for c in r)]
    cols = len(rows[0]) if rows else 0
    if rows and all(isinstance(r[-1], Dots) for r in rows):
        cols -= 1
    return len(rows), cols


def literal_cells(node: Mat) -> list:
    rows = [r for r in node.rows if not all(isinstance(c, Dots) for c in r)]
    if rows and all(isinstance(r[-1], Dots) for r in rows):
        rows = [r[:-1] for r in rows]
    return [list(r) for r in rows]


#: The letters of a learning rate: a term with one of them (or a gradient) is the step of an update rule.
RATES = ("\\eta", "\\xi", "\\alpha", "\\epsilon", "\\varepsilon", "\\gamma", "\\lambda", "\\mu")


def is_self_step(eq) -> bool:
    """``w_{21} := w_{21} - \\eta x_2 (h_1 - t_1)(1 - h_1^2)`` (or with ←, →, =; or ``\\tilde{w}_{21} = w_{21} - …``,
    ``w'_{21} = w_{21} - \\eta …``, ``W_{t+1} = W_t - \\eta …``): the name on the left (under its tilde, without its
    prime or its step index) is a term of the right, a step of an update rule with the gradient written out, not a
    definition of the name (which would go round in a circle, or define it twice). A prime names the new value only
    beside a rate or a gradient (``h' = h - \\eta …``); ``x' = x + 1`` stays the definition of a name x'.

    >>> w, g = Sym("w", ("2", "1")), Sym("g")
    >>> is_self_step(Equation((w, Add((w, Neg(g)))), (":=",))), is_self_step(Equation((g, Add((w, w))), ("=",)))
    (True, False)
    >>> step = Neg(Mul((Sym(r"\\eta"), g)))
    >>> is_self_step(Equation((Sym("w'", ("2", "1")), Add((w, step))), ("=",)))
    True
    >>> is_self_step(Equation((Sym("W", ("t+1",)), Add((Sym("W", ("t",)), step))), ("=",)))
    True
    >>> is_self_step(Equation((Sym("x'"), Add((Sym("x"), Num(1)))), ("=",)))
    False
    """
    if len(eq.sides) != 2 or not isinstance(eq.sides[0], Sym) or not isinstance(eq.sides[1], Add):
        return False
    lhs, terms = eq.sides[0], eq.sides[1].terms
    if len(terms) < 2:
        return False
    if (untilded(lhs) or lhs) in terms:  # \tilde{w}_{12} = w_{12} - …: the new value of w_{12}
        return True
    if unprimed(lhs) is not None and unprimed(lhs) in terms:
        return any(_rated(t) for t in terms if t != unprimed(lhs))
    return any(isinstance(t, Sym) and stepped(lhs, t) for t in terms)


def untilded(sym: Sym) -> "Sym | None":
    """The name under a tilde (``\\tilde{w}_{12}`` names the new value of w_{12}), or None without one."""
    if sym.base.startswith("\\tilde{") and sym.base.endswith("}"):
        return Sym(sym.base[7:-1], sym.sub)
    return None


def unprimed(sym: Sym) -> "Sym | None":
    """The name without its prime (``w'_{12}`` and ``w_{12}'`` may name the new value of w_{12}; ``W'`` of W), or
    None without one. Whether it does is the rule's to say (``is_self_step``): h' is also a derivative."""
    if sym.base.endswith("'") and not sym.base.endswith("''") and not sym.mark and len(sym.base) > 1:
        return Sym(sym.base[:-1], sym.sub)
    return None


def stepped(new: Sym, old: Sym) -> bool:
    """Is ``new`` the value after the step of ``old``: ``W_{t+1}`` after ``W_t``, ``w_{12,t+1}`` after ``w_{12,t}``
    (the step index last, a letter)?"""
    return (bool(new.sub) and bool(old.sub) and new.base == old.base and new.sub[:-1] == old.sub[:-1]
            and new.sub[-1].replace(" ", "") == f"{old.sub[-1]}+1" and old.sub[-1].isalpha())


def _rated(term) -> bool:
    """Does ``term`` carry a learning rate (η, α, …) or a gradient?"""
    return any(isinstance(n, (Deriv, Nabla)) or (isinstance(n, Sym) and n.base in RATES) or (
        isinstance(n, Call) and isinstance(n.func, Sym) and n.func.base in RATES) for n in walk(term))


def _rate_step(rhs) -> bool:
    """Does ``rhs`` subtract a learning rate (η, ξ, α) times something, as the new value of an update rule does?"""
    return isinstance(rhs, Add) and any(isinstance(t, Neg) and any(
        isinstance(n, Sym) and n.base in ("\\eta", "\\xi", "\\alpha") for n in walk(t)) for t in rhs.terms)


def has_derivative(node) -> bool:
    return any(isinstance(n, (Deriv, Nabla, Bar)) for n in walk(node))


def is_declaration(eq) -> bool:
    """``y_1 = y_1(x_1, x_2)``, ``L = L(y_1, y_2)``: the quantity depends on these."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    return len(eq.sides) == 2 and isinstance(lhs, Sym) and isinstance(rhs, Call) and rhs.func == lhs


def is_definition(eq) -> bool:
    """An equation that defines a quantity: a symbol, an entry or a written vector of entries on the left,
    no derivative anywhere."""
    if len(eq.sides) != 2 or has_derivative(eq) or is_self_step(eq) or eq.rels[0] in ("\\to", "\\leftarrow"):
        return False  # b_1 \leftarrow w_{11} - …: an assignment of a step (a slip to name), never a definition
    if eq.rels[0] == ":=" and _rate_step(eq.sides[1]):
        return False  # v := x - \eta (p - y) h, W_2 := W_1 - \eta \delta_2 a^T: a step from the wrong name (rv33 O3, rv34)
    lhs = eq.sides[0]
    if isinstance(lhs, Sym):
        return not lhs.mark  # W^{(t+1)}, w^{\text{new}}: a value in an update rule, never the quantity's definition
    return isinstance(lhs, Mat) and all(isinstance(c, Sym) for row in lhs.rows for c in row)


__all__ = [
    "Add", "Bar", "Call", "Deriv", "Div", "Dots", "Equation", "GraphError", "GraphUninterpretable", "Had", "KNOWN",
    "LOSS_NAMES", "Mat", "Model", "Mul", "Nabla", "Neg", "Norm", "Num", "Pow", "Quantity", "Sum", "Sym", "T",
    "RATES", "function_names", "has_derivative", "is_declaration", "is_definition", "is_matrix_letter",
    "is_self_step", "stepped", "unprimed", "untilded",
    "literal_cells", "literal_shape", "split_index",
    "to_latex", "uses",
]
