r"""The value of a formula in the notes' own terms, under one layout convention.

Scalars are SymPy expressions in the model's node symbols, vectors and
matrices ``ImmutableMatrix`` in their written orientation. A derivative of
vectors and matrices is laid out by the *layout* convention (``LAYOUTS``,
``MIXED``); the conventions and the derivative rules are in
``graphderivatives``, which ``Evaluator`` inherits them from.

A shape that does not fit is a ``Misfit`` naming both shapes; a quantity the
notes never define is ``GraphUninterpretable``, naming it.
"""

from __future__ import annotations

import sympy

from .graphderivatives import CONSTANTS, DerivativeRules, Misfit, function_name, is_mat, shape_words
from .graphmodel import (KNOWN, Add, Call, Div, Dots, GraphUninterpretable, Had, Mat, Model, Mul, Neg, Norm, Num, Pow,
                         Sum, Sym, T, literal_cells, split_index, to_latex)
from .graphdelta import is_kronecker, kronecker
from .graphdigits import digit_split
from .graphoneentry import operands_one_entry
from .graphsizes import bound
from .graphsoftmax import softmax_of


class Evaluator(DerivativeRules):
    """Values of nodes under ``layout`` and the index bindings ``bind``."""

    def __init__(self, model: Model, layout: str, bind: dict | None = None):
        self.m = model
        self.layout = layout
        self.bind = dict(bind or {})
        self.layout_used = False  # whether a vector derivative made the layout matter
        self.kinds: set = set()  # "gradient" (a scalar by a vector or matrix), "jacobian" (a vector's derivative)
        self.loose = False  # in a definition: an entry beyond a quantity's size is a scalar of its own
        self.defining = False  # in a definition: a sum's bound that is not the size of what it runs over is no model
        self.letters_used: dict = {}  # the letters of sums' bounds and the sizes they stood for
        self.points: list = []  # (leaf, value, "x_1 = 0") for each bar that sets a leaf at a value
        self.forms: dict = {}  # (F, V) as written -> (times ∂F/∂V is written, whether dF/dV is): ``derivative_forms``
        self.opaque: dict = {}  # (loss, entry) -> the opaque symbol of an unlinked gradient (``graphopaque``)

    def value(self, node):
        rule = getattr(self, "_" + type(node).__name__, None)
        if rule is None:
            raise GraphUninterpretable(f"{type(node).__name__} is not read in the notes' own terms")
        return rule(node)

    # -- leaves -------------------------------------------------------------------------------

    def _Num(self, node: Num):
        return sympy.Rational(node.value.numerator, node.value.denominator)

    def index_value(self, i, size: int, what: str) -> int:
        if isinstance(i, int):
            v = i
        elif i in self.bind:
            v = self.bind[i]
        else:
            raise GraphUninterpretable(f"the index {i} in {what} is not bound")
        if not 1 <= v <= size:
            raise Misfit(f"{what} needs its index in 1..{size}, but it is {v}")
        return v

    def targets(self, sym: Sym):
        """The node (an entry) or the grid of nodes (a vector or matrix) a symbol names."""
        name = self.m.canonical(sym.base)
        q = self.m.quantities.get(name)
        what = sym.latex()
        if sym.mark:  # w^{\text{new}}, W^{(t+1)} outside an update rule that ties it to the parameter it updates
            raise GraphUninterpretable(f"{what}: a value of {sym.base} before or after a step of an update rule; "
                                       "it is read only as the new or old value in an update rule")
        if q is None or (self.m.known and name not in self.m.known):
            if sym.base in self.m.functions:
                raise GraphUninterpretable(f"{sym.base} is a function in the notes, not a quantity")
            raise GraphUninterpretable(f"{what}: the notes never define {sym.base}")
        if getattr(self.m, "batch", None) is not None:  # a mini-batch: the sample the label names (graphbatch)
            return self.m.batch.relabel(self._targets(sym, name, q, what), sym, self.bind)
        return self._targets(sym, name, q, what)

    def _targets(self, sym: Sym, name: str, q, what: str):
        if not sym.sub:
            return self.m.entries(name) if q.rank else self.m.node(name)
        if q.rank == 0:
            raise GraphUninterpretable(f"{what}: {q.name} is a scalar in the notes, it has no entries")
        idx = split_index(sym.sub, q.rank)
        if self.loose and len(idx) == q.rank and all(isinstance(i, int) for i in idx):
            return self.m.node(name, tuple(idx))  # w_{13} written in a matrix of its own, W being 2×2
        if q.rank == 2 and len(sym.sub) == 1 and sym.sub[0].isdigit() and q.dims and all(q.dims):
            idx = digit_split(sym.sub[0], q.dims, what, q.describe())  # W_{10}, W_{111}: which digits are which
        if len(idx) != q.rank:
            raise GraphUninterpretable(f"{what}: {q.describe()} needs {q.rank} index(es)")
        vals = tuple(self.index_value(i, d, what) for i, d in zip(idx, q.dims))
        return self.m.node(name, vals)

    def _Sym(self, sym: Sym):
        batch = getattr(self.m, "batch", None)
        if batch is not None and not sym.sub and not sym.sample and sym.base in ("m", "n", "N", "M") \
                and sym.base not in self.m.defs_names():
            return batch.count_value(sym)  # the size of the mini-batch
        if is_kronecker(sym, self.m.known):
            return kronecker(sym, self.bind)
        if not sym.sub and sym.base.lstrip("\\") in CONSTANTS and sym.base not in self.m.defs_names() and not \
                getattr(self.m.quantities.get(sym.base), "rank", 0):  # "a noise vector $\\xi$" is no constant
            return sympy.Symbol(sym.base, positive=True)  # a learning rate or another constant
        return self.targets(sym)

    # -- arithmetic ---------------------------------------------------------------------------

    def _Add(self, node: Add):
        total = self.value(node.terms[0])
        for t in node.terms[1:]:
            v = self.value(t)
            total, v = one_entry(total, v)  # y - η W^T δ of a y with one entry: numbers (review rv45 B2)
            total, v = _broadcast(total, v)
            if is_mat(total) != is_mat(v) or (is_mat(v) and total.shape != v.shape):
                raise Misfit(f"{to_latex(node)}: cannot add {shape_words(total)} and {shape_words(v)}")
            total = total + v
        return total

    def _Neg(self, node: Neg):
        return -self.value(node.arg)

    def _Mul(self, node: Mul):
        value = self.value(node.factors[0])
        for f in node.factors[1:]:
            value = self.times(value, self.value(f), node)
        return value

    def times(self, a, b, node):
        if is_mat(a) and is_mat(b):
            if a.shape[1] != b.shape[0]:
                raise Misfit(f"{to_latex(node)}: {shape_words(a)} times {shape_words(b)} does not multiply")
            out = a * b
            return out[0, 0] if out.shape == (1, 1) else out
        return a * b

    def _Had(self, node: Had):
        a, b = one_entry(self.value(node.left), self.value(node.right))
        if not is_mat(a) and not is_mat(b) and operands_one_entry(self.m, node.left, node.right):
            return a * b  # vectors of one entry the notes shape: ⊙ is the product (review rv45 B2, ``graphoneentry``)
        if not (is_mat(a) and is_mat(b) and a.shape == b.shape):
            raise Misfit(f"{to_latex(node)}: cannot multiply entrywise {shape_words(a)} and {shape_words(b)}")
        return sympy.ImmutableMatrix(a.shape[0], a.shape[1], lambda r, c: a[r, c] * b[r, c])

    def _Div(self, node: Div):
        num, den = self.value(node.num), self.value(node.den)
        if is_mat(den) and 1 in den.shape and not is_mat(num) and sympy.sympify(num).is_number \
                and all(e != 0 for e in den):  # \frac{1}{1 + e^{-g}}: a number over a vector, entry by entry
            return den.applyfunc(lambda e: num / e)
        if is_mat(den):
            raise Misfit(f"{to_latex(node)}: cannot divide by {shape_words(den)}")
        if den == 0:
            raise Misfit(f"{to_latex(node)}: division by zero")
        return num / den

    def _Pow(self, node: Pow):
        v = self.value(node.base)
        if is_mat(v) and 1 in v.shape:
            return v.applyfunc(lambda e: e**node.exp)  # h^2 of a vector: entry by entry (1 - h^2 for tanh')
        if is_mat(v) and v.shape[0] == v.shape[1]:
            # a square matrix's power is the matrix product, D^2 = D D (diag(1 - h^2)^2, (∂h/∂g)^2), never the
            # entries squared (W^2 is not [w_{ij}^2])
            out = v
            for _ in range(node.exp - 1):
                out = self.times(out, v, node)
            return out
        if is_mat(v):
            raise Misfit(f"{to_latex(node)}: a power of {shape_words(v)} (only a square matrix has powers)")
        return v**node.exp

    def _T(self, node: T):
        v = self.value(node.arg)
        return v.T if is_mat(v) else v

    def _Norm(self, node: Norm):
        v = self.value(node.arg)
        if not is_mat(v):
            return sympy.Abs(v)
        return sympy.sqrt(sum((e**2 for e in v), sympy.Integer(0)))

    def _Mat(self, node: Mat):
        cells = literal_cells(node)
        vals = [[self.value(c) for c in row] for row in cells]
        for row in vals:
            for v in row:
                if is_mat(v):
                    raise Misfit(f"{to_latex(node)}: a cell of a written matrix is {shape_words(v)}")
        if not vals or not vals[0]:
            raise GraphUninterpretable(f"{to_latex(node)}: an empty matrix")
        return sympy.ImmutableMatrix(vals)

    def _Dots(self, node: Dots):
        raise GraphUninterpretable("\\dots stands for entries that are not written out")

    def _Sum(self, node: Sum):
        batch = getattr(self.m, "batch", None)
        if batch is not None and node.var is not None and not _indexes(node.body, node.var) \
                and any(isinstance(n, Sym) and n.sample for n in _walk(node.body)):
            return batch.sample_sum(self, node)  # Σ over the samples of a mini-batch (graphbatch)
        var = node.var or _only_index(node.body, set(self.bind))
        if var is None:
            raise GraphUninterpretable(f"{to_latex(node)}: the summation index is not clear")
        if node.var is not None and not _indexes(node.body, var) and _labels(node.body, var):
            # Σ_{t=1}^{m} x^{(t)} ∂L^{(t)}/∂h^{(t)}: t names the training samples, which the notes' definitions (of
            # one sample) do not tell apart
            raise GraphUninterpretable(
                f"{to_latex(node)}: the sum runs over the training samples {var} ({', '.join(_labels(node.body, var))}),"
                f" but the notes' definitions are of one sample and do not tell the samples apart; a sum over the "
                f"samples is read only as the mean over a mini-batch, with the cost it averages")
        if node.var is not None and not _indexes(node.body, var):
            # Σ_{i=1}^{m} ∂L/∂W: the same term added again and again; a sum over the training samples needs the
            # quantities labelled by the sample, which the notes' own terms do not have
            raise GraphUninterpretable(f"{to_latex(node)}: the summation index {var} does not occur in the summand, "
                                       "so the sum adds one term over and over; which samples or entries it runs over "
                                       "is not clear")
        lo = bound(self.m, node.lower, to_latex(node), self.letters_used) if node.lower is not None else 1
        hi = self.sum_upper(node, var)
        total = sympy.Integer(0)
        saved = self.bind.get(var)
        try:
            for k in range(lo, hi + 1):
                self.bind[var] = k
                v = self.value(node.body)
                total = v if k == lo else total + v
        finally:
            if saved is None:
                self.bind.pop(var, None)
            else:
                self.bind[var] = saved
        return total

    def sum_upper(self, node: Sum, var: str) -> int:
        size = index_size(self.m, node.body, var)
        if node.upper is not None:  # a number, or the letters the notes name sizes with (k - 1)
            top = bound(self.m, node.upper, to_latex(node), self.letters_used)
            if self.defining and size is not None and top != size and isinstance(node.upper, (Num, Sym)) \
                    and (node.lower is None or (isinstance(node.lower, Num) and node.lower.value == 1)):
                # y_i = e^{u_i} / Σ_{j=1}^{2} e^{u_j} with u of 3 entries: which one the notes mean is not said
                exc = GraphUninterpretable(f"{to_latex(node)}: the sum runs to {top}, but "
                                           f"{_sized(self.m, node.body, var)}; the definition contradicts the size "
                                           "the notes give")
                exc.bound = True  # a restated definition reports it as two definitions (``graphbuild``)
                raise exc
            return top
        if size is None:
            raise GraphUninterpretable(f"{to_latex(node)}: the range of {var} is not clear")
        return size

    # -- functions ------------------------------------------------------------------------------

    def _Call(self, node: Call):
        if isinstance(node.func, Sym) and node.func.base.endswith("'"):
            return self._prime_call(node)
        if isinstance(node.func, Sym):
            base = node.func.base
            name = self.m.canonical(base)
            if self._product(node, name):
                return self.value(Mul((node.func, node.args[0])))
            if name in self.m.quantities and base not in self.m.functions - set(self.m.quantities):
                # y_1(x_1, x_2) in a claim: the quantity y_1 (its arguments say what it depends on)
                return self.value(node.func)
            if base not in self.m.functions:
                raise GraphUninterpretable(f"{base} is applied like a function, but the notes never define it")
            func = sympy.Function(function_name(base))
            args = [self.value(a) for a in node.args]
            if node.primes:
                raise GraphUninterpretable(f"{to_latex(node)}: write the derivative of {base} as ∂{base}/∂(…)")
            if len(args) == 1 and is_mat(args[0]):
                return args[0].applyfunc(lambda e: func(e))
            if any(is_mat(a) for a in args):
                raise Misfit(f"{to_latex(node)}: {base} of several vectors")
            return func(*args)
        if node.func == "diag":
            return self._diag(node)
        if node.func == "softmax":
            v = self.value(node.args[0])
            if not is_mat(v) or 1 not in v.shape:
                raise Misfit(f"{to_latex(node)}: softmax of {shape_words(v)}, not of a vector")
            return softmax_of(v)
        if node.written == "e" and "e" in self.m.quantities:
            raise GraphUninterpretable(f"{to_latex(node)}: the notes use a quantity e, so this is that quantity to "
                                       "a power or the exponential: which one is not said")
        fn = KNOWN.get(node.func)
        if node.func == "sigma":
            fn = self.m.sigma
        if fn is None:
            raise GraphUninterpretable(f"{node.func} is not read here")
        if node.primes:
            arg = self.value(node.args[0])
            if node.func == "sigma" and self.m.sigma_is_generic:
                one = lambda e: self.m.atoms.partial(function_name("sigma"), 0, (self.m.full(e),))  # noqa: E731
            else:  # tanh', exp', and σ' when the notes (or the user) say what σ is
                t = sympy.Symbol("t")
                deriv = sympy.diff(fn(t), t)
                one = lambda e: deriv.subs(t, e)  # noqa: E731
            return arg.applyfunc(one) if is_mat(arg) else one(arg)
        arg = self.value(node.args[0])
        return arg.applyfunc(fn) if is_mat(arg) else fn(arg)

    def _diag(self, node: Call):
        """diag(v): the square matrix with the entries of the vector v on its diagonal, zeros elsewhere."""
        v = self.value(node.args[0])
        if not is_mat(v) and operands_one_entry(self.m, node.args[0]):  # of one entry: the 1×1 matrix, a number
            return v
        if not is_mat(v) or 1 not in v.shape:
            raise Misfit(f"{to_latex(node)}: diag of {shape_words(v)}, not of a vector")
        entries = list(v)
        return sympy.ImmutableMatrix(len(entries), len(entries), lambda r, c: entries[r] if r == c else 0)

    def _product(self, node: Call, name: str) -> bool:
        """w_{12} (1 - h_2^2), x_3 (…): a quantity's entry before one bracket is a product, not an application
        (y_1(x_1), an entry some definition computes before a name, is that entry, the name saying what it depends
        on); when the notes' definitions also apply a function of that name, which one is meant is not said
        (uninterpretable, naming both)."""
        base = node.func.base
        if name not in self.m.quantities or len(node.args) != 1 or node.primes or not node.func.sub:
            return False
        if name in self.m.defs_names() and isinstance(node.args[0], Sym):
            return False
        if base in self.m.applied:
            raise GraphUninterpretable(f"{to_latex(node)}: the notes apply a function {base} and name a quantity "
                                       f"{node.func.latex()}, so this is {node.func.latex()} times the bracket or "
                                       f"{base} applied to it: ambiguous")
        return True

    def _prime_call(self, node: Call):
        # h'(g): the derivative of the notes' function h, entry by entry
        base = node.func.base.rstrip("'")
        primes = len(node.func.base) - len(base)
        if primes != 1 or base not in self.m.functions or self.m.canonical(base) in self.m.quantities:
            raise GraphUninterpretable(f"{to_latex(node)}: {node.func.base} is not the derivative of a function "
                                       "of the notes")
        if len(node.args) != 1:
            raise GraphUninterpretable(f"{to_latex(node)}: the derivative of {base} of several arguments")
        arg = self.value(node.args[0])
        one = lambda e: self.m.atoms.partial(function_name(base), 0, (self.m.full(e),))  # noqa: E731
        return arg.applyfunc(one) if is_mat(arg) else one(arg)


def one_entry(a, b) -> tuple:
    """(a, b) with a 1×1 matrix beside a number taken as that number: a vector of one entry (g = x W of a 3×1 W,
    a product the evaluator gives as a number) is its entry (review rv45 B2)."""
    if is_mat(a) and a.shape == (1, 1) and not is_mat(b):
        return a[0, 0], b
    if is_mat(b) and b.shape == (1, 1) and not is_mat(a):
        return a, b[0, 0]
    return a, b


def _broadcast(a, b):
    # "1 - h" in notes is the vector of ones minus h: only a number is spread over a vector
    if is_mat(a) and not is_mat(b) and sympy.sympify(b).is_number:
        return a, sympy.ImmutableMatrix(a.shape[0], a.shape[1], lambda r, c: b)
    if is_mat(b) and not is_mat(a) and sympy.sympify(a).is_number:
        return sympy.ImmutableMatrix(b.shape[0], b.shape[1], lambda r, c: a), b
    return a, b


def _indexes(body, var: str) -> bool:
    """Whether the index letter ``var`` occurs in ``body``: in a subscript, or as a name (Σ_w w²)."""
    from .graphnodes import walk

    return any(isinstance(n, Sym) and (n.base == var or any(var in part for part in n.sub)) for n in walk(body))


def _walk(node):
    from .graphnodes import walk

    return walk(node)


def _labels(body, var: str) -> list:
    """The quantities of ``body`` labelled as of the training sample ``var`` (``L^{(t)}``, ``x^{(t)}``), as written."""
    from .graphnodes import walk

    return list(dict.fromkeys(n.latex() for n in walk(body) if isinstance(n, Sym) and n.sample == var))


def _only_index(body, bound: set) -> str | None:
    from .graphnodes import walk

    letters = set()
    for n in walk(body):
        if isinstance(n, Sym):
            for part in n.sub:
                letters.update(c for c in part if c.isalpha())
    free = sorted(letters - bound)
    return free[0] if len(free) == 1 else None


def _sized(model: Model, node, var: str) -> str:
    """``u has 3 entries (said on line 1)``: the quantities the index ``var`` runs over in ``node``, with their size."""
    out = []
    for n in _walk(node):
        q = model.quantities.get(model.canonical(n.base)) if isinstance(n, Sym) and n.sub else None
        if q is None or not q.rank or not q.dims:
            continue
        for axis, i in enumerate(split_index(n.sub, q.rank)[:q.rank]):
            if i == var:
                what = f"{q.name} has {q.dims[0]} entries" if q.rank == 1 else \
                    f"{q.name} has {q.dims[axis]} {'rows' if axis == 0 else 'columns'}"
                out.append(what + (f" ({q.why})" if q.why else ""))
    return ", ".join(dict.fromkeys(out)) or f"{var} runs over another size"


def index_size(model: Model, node, var: str) -> int | None:
    """The range of an index letter from the quantities it indexes in ``node`` (None if none does)."""
    from .graphnodes import walk

    sizes = set()
    for n in walk(node):
        if isinstance(n, Sym) and n.sub:
            q = model.quantities.get(model.canonical(n.base))
            if q is None or q.rank == 0 or (model.known and model.canonical(n.base) not in model.known):
                continue  # a name the notes never define has a size guessed, never one to give an index (rv44 B2)
            idx = split_index(n.sub, q.rank)
            for i, dim in zip(idx, q.dims):
                if i == var:
                    sizes.add(dim)
    if len(sizes) > 1:
        raise Misfit(f"the index {var} runs over sizes {sorted(sizes)} in different places")
    return sizes.pop() if sizes else None
