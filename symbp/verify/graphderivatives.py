r"""Derivatives in the notes' own terms, laid out by a layout convention: the derivative rules of the evaluator.

``Evaluator`` (``graphevaluate``) takes the value of a formula node by node; this module holds the rules for
the nodes that differentiate (∂F/∂V, dF/dV, a bar that evaluates a derivative at a point, ∇), as the mixin
``DerivativeRules``, and the words they share with the rest of the evaluator: the layouts, ``Misfit``, the
shape of a value. It is its own module because the layout conventions are decided here alone: the rest of the
evaluator only adds, multiplies and applies functions to the values (``Evaluator`` inherits these rules, and
imports the words from here, so this module never imports the evaluator). A derivative of vectors and matrices
is laid out by the *layout* convention:

* ``denominator``: ∂L/∂X of a scalar L has the shape of X (the gradient as X
  is written: a row for a row x, a column for a column y, W's shape for W); the
  derivative of an m-vector by an n-vector is n × m (one row per entry of the
  variable);
* ``numerator``: ∂L/∂X has the shape of X^T; the derivative of an m-vector by
  an n-vector is the Jacobian, m × n (one row per entry of the function);
* ``mixed`` (common in ML notes): ∂L/∂X of a scalar L has the shape of X, as in
  the denominator layout, and the derivative of a vector is the Jacobian, as in
  the numerator layout: dL/dy = (dz/dy)^T dL/dz with z = W y, dz/dy = W.
  It differs from both only in a formula with a gradient and a Jacobian
  (``kinds``).
"""

from __future__ import annotations

import sympy
from sympy.core.function import AppliedUndef

from .graphjacobians import named_value
from .graphmodel import Bar, Deriv, GraphUninterpretable, Model, Nabla, Sym, to_latex
from .graphunlinked import unlinked_words

LAYOUTS = ("denominator", "numerator")
#: The mixed convention, tried besides the two pure layouts when a formula has a gradient and a Jacobian.
MIXED = "mixed"
LAYOUT_WORDS = {
    "denominator": "denominator layout: ∂L/∂X has the shape of X, ∂y/∂x has a row per entry of x",
    "numerator": "numerator layout: ∂L/∂X has the shape of Xᵀ, ∂y/∂x is the Jacobian (a row per entry of y)",
    "mixed": "mixed layout: ∂L/∂X of a scalar has the shape of X, ∂y/∂x of a vector is the Jacobian (a row per entry of y)",
}


class Misfit(Exception):
    """Shapes that do not fit under this layout (a refutation with a reason, or another layout's chance)."""


def is_mat(v) -> bool:
    return isinstance(v, sympy.MatrixBase)


def shape_words(v) -> str:
    if not is_mat(v):
        return "a scalar"
    r, c = v.shape
    if c == 1:
        return f"a column vector of {r}"
    if r == 1:
        return f"a row vector of {c}"
    return f"a {r}×{c} matrix"


#: Letters read as constants (a learning rate, a noise scale, a count), not as quantities of the graph.
CONSTANTS = {"alpha", "eta", "xi", "epsilon", "varepsilon", "gamma", "lambda", "mu", "rho", "tau", "beta", "m", "n"}


def function_name(base: str) -> str:
    return base.lstrip("\\").replace("{", "").replace("}", "")


def is_node(g, model: Model) -> bool:
    return g in model.names


class DerivativeRules:
    """The derivative rules of ``Evaluator``: its values of ``Deriv``, ``Bar`` and ``Nabla`` nodes under
    ``self.layout``; ``self.value`` and ``self.targets`` are the evaluator's."""


    def _Deriv(self, node: Deriv):
        num, den = node.num, node.den
        if not isinstance(den, Sym):
            raise GraphUninterpretable(f"{to_latex(node)}: a derivative by something that is not a quantity")
        if den.base.lstrip("\\") in CONSTANTS and self.m.canonical(den.base) not in self.m.quantities:
            raise GraphUninterpretable(f"{to_latex(node)}: {den.base} is a constant of the notes, not a variable")
        var = self.targets(den)
        if isinstance(num, Sym) and num.base in self.m.functions and self.m.canonical(num.base) not in self.m.quantities:
            return self.function_derivative(num.base, var, node)
        f = self.value(num)
        if not node.total and not is_mat(f) and not is_mat(var):
            partial = self._direct_partial(f, var, node)
            if partial is not None:
                return partial
        return self.derivative(f, var, node)

    def _direct_partial(self, f, var, node):
        """∂L/∂x_1 of L = L(u_1, u_2, x_1) with u computed from x_1: the partial of the generic function in its
        argument x_1 when the claim also writes dL/dx_1 (the derivative through the graph). None when ∂ and d mean
        the same here (x_1 reaches L only as its own argument, or is no argument of it) or the claim writes ∂L/∂x_1
        alone, once (the notes' ∂ is the derivative through the graph)."""
        app = self.m.defs.get(f)
        if not isinstance(app, AppliedUndef) or var not in app.args:
            return None
        args = list(app.args)
        if not any(a != var and self.m.depends(a, var) for a in args):
            return None
        key = (to_latex(node.num), to_latex(node.den))
        partials, total = self.forms.get(key, (0, False))
        if total:
            return self.m.atoms.partial(function_name(app.func.__name__), args.index(var),
                                        tuple(self.m.full(a) for a in args))
        if partials > 1:
            raise GraphUninterpretable(
                f"{to_latex(node)}: {key[0]} is declared a function of {key[1]} directly and through other arguments "
                f"computed from it (line {self.m.where.get(f, '?')}); written twice with ∂ in one claim, it may be the "
                f"partial derivative in the argument {key[1]} or the derivative through the graph (write that one "
                f"with d)")
        return None

    def function_derivative(self, fname: str, var, node, point=None):
        # ∂h/∂g_1: the derivative of the notes' function h at g_1 (at the bar's point, if one is written)
        if is_mat(var):
            raise GraphUninterpretable(f"{to_latex(node)}: the derivative of the function {fname} by a vector")
        at = var if point is None else point
        arity = self.m.arity.get(fname, 1)
        if arity != 1:
            raise GraphUninterpretable(f"{to_latex(node)}: {fname} takes {arity} arguments; name the quantity")
        return self.m.atoms.partial(function_name(fname), 0, (self.m.full(at),))

    def derivative(self, f, var, node):
        what = to_latex(node)
        fs = list(f) if is_mat(f) else [f]
        vs = list(var) if is_mat(var) else [var]
        for v in vs:
            if v not in self.m.names:
                raise GraphUninterpretable(f"{what}: the derivative is by something that is not a quantity")
        for g in fs:
            for s in sympy.sympify(g).free_symbols:
                for v in vs:
                    if s in self.m.names and s != v and s not in self.m.defs and self.m.depends(v, s) \
                            and is_node(g, self.m):
                        raise GraphUninterpretable(
                            f"{what}: {s} is not a function of {v}: {v} is computed from {s} "
                            f"(line {self.m.where.get(v, '?')}), so ∂{s}/∂{v} is not a derivative of the notes' graph")
        unlinked = unlinked_words(self.m, f, var)  # ∂L/∂u with u never reaching L in the model (review rv45 A5)
        if unlinked and not self.opaque_covers(fs, vs):
            raise GraphUninterpretable(f"{what}: {unlinked}")
        grid = lambda fn, rows, cols: sympy.ImmutableMatrix(rows, cols, fn)  # noqa: E731
        d = self.d_or_opaque
        if not is_mat(f) and not is_mat(var):
            return d(f, var)
        if node.named:  # J_{ji} = ∂y_j/∂x_i: laid out as its entries say, whatever the layout (``graphjacobians``)
            return named_value(self.m.d, f, var, node, GraphUninterpretable, shape_words)
        if is_mat(f) and is_mat(var) and (min(f.shape) > 1 or min(var.shape) > 1):
            raise GraphUninterpretable(f"{what}: a derivative of {shape_words(f)} by {shape_words(var)} has more "
                                       "than two indices")
        self.layout_used = True
        if not is_mat(f):  # a scalar by a vector or a matrix
            self.kinds.add("gradient")
            g = var.applyfunc(lambda v: d(f, v))
            return g if self.layout in ("denominator", MIXED) else g.T
        self.kinds.add("jacobian")
        if not is_mat(var):  # a vector by a scalar
            g = f.applyfunc(lambda e: d(e, var))
            return g if self.layout in ("numerator", MIXED) else g.T
        fl, vl = list(f), list(var)
        jac = grid(lambda r, c: d(fl[r], vl[c]), len(fl), len(vl))
        return jac if self.layout in ("numerator", MIXED) else jac.T

    def _Bar(self, node: Bar):
        inner, at = node.arg, node.at
        var = None
        if isinstance(at, tuple):
            var, at = at  # |_{y = y_2}: the variable the bar names, and its value
        if not isinstance(inner, Deriv):
            raise GraphUninterpretable(f"{to_latex(node)}: a bar is read after a derivative only")
        if isinstance(inner.num, Sym) and inner.num.base in self.m.functions \
                and self.m.canonical(inner.num.base) not in self.m.quantities:
            point = self.value(at)  # h'(y_1): the notes' function h, differentiated at the bar's point
            if var is not None and var != inner.den:
                raise GraphUninterpretable(f"{to_latex(node)}: the bar sets {to_latex(var)}, but the derivative is "
                                           f"by {to_latex(inner.den)}")
            den = self.targets(inner.den) if isinstance(inner.den, Sym) else None
            if is_mat(den):  # ∂h/∂y|_{y_1} for z = h(y) entrywise: h' at the entry y_1 of y
                if is_mat(point) or point not in list(den):
                    raise GraphUninterpretable(f"{to_latex(node)}: {to_latex(at)} is not an entry of "
                                               f"{to_latex(inner.den)}")
                return self.function_derivative(inner.num.base, point, inner)
            return self.function_derivative(inner.num.base, den, inner, point)
        if var is not None and (var != inner.den or not isinstance(at, Sym)):
            return self._at_value(node, var, at)
        if at == inner.den:
            return self.value(inner)  # evaluated at the variable's own value: the derivative itself
        return self._entrywise_at(node, inner, at)

    def _entrywise_at(self, node: Bar, inner: Deriv, at):
        # ∂h/∂g|_{g_1} with h computed from g entry by entry (h_i from g_i alone): ∂h_1/∂g_1
        f = self.targets(inner.num) if isinstance(inner.num, Sym) else None
        var = self.targets(inner.den) if isinstance(inner.den, Sym) else None
        point = self.value(at) if isinstance(at, Sym) else None
        if not (is_mat(f) and is_mat(var) and point is not None and not is_mat(point) and point in list(var)
                and len(f) == len(var)):
            raise GraphUninterpretable(f"{to_latex(inner)} evaluated at {to_latex(at)} is not read")
        fs, vs = list(f), list(var)
        for i, fi in enumerate(fs):
            for j, vj in enumerate(vs):
                if i != j and self.m.full(self.m.d(fi, vj)) != 0:
                    raise GraphUninterpretable(
                        f"{to_latex(node)}: {to_latex(inner.num)} is not computed from {to_latex(inner.den)} entry "
                        f"by entry ({fi} depends on {vj}), so its derivative at the entry {to_latex(at)} is not one "
                        "number")
        k = vs.index(point)
        return self.m.d(fs[k], vs[k])

    def _at_value(self, node: Bar, var, at):
        # ∂u_1/∂w_{11}|_{x_1 = 0}: the derivative, then the input x_1 set to 0 (the claim is about that point)
        what = to_latex(node)
        if not isinstance(var, Sym):
            raise GraphUninterpretable(f"{what}: the bar sets something that is not a quantity")
        leaf = self.targets(var)
        if is_mat(leaf):
            raise GraphUninterpretable(f"{what}: the bar sets {shape_words(leaf)} {var.latex()}; only an entry is read")
        if leaf in self.m.defs:
            raise GraphUninterpretable(f"{what}: {var.latex()} is computed (line {self.m.where.get(leaf, '?')}); "
                                       "fixing a computed quantity at a value is not read")
        value = self.value(at)
        if is_mat(value):
            raise GraphUninterpretable(f"{what}: the value {to_latex(at)} is not a number")
        words = f"{var.latex()} = {to_latex(at)}"
        moved = getattr(self.m, "moved_to", None)
        if moved is not None:  # the numeric oracle: the derivative computed afresh at the point with the leaf moved
            self.points.append((leaf, value, words))
            sub = type(self)(moved(leaf, value), self.layout, self.bind)
            sub.forms = self.forms
            return sub.value(node.arg)
        value = self.m.full(value)
        if self.m.atoms.leaves(value):
            raise GraphUninterpretable(f"{what}: the value {to_latex(at)} is not a number")
        self.points.append((leaf, value, words))
        inner = self.value(node.arg)
        put = lambda e: self.m.atoms.substitute(self.m.full(e), {leaf: value})  # noqa: E731
        return inner.applyfunc(put) if is_mat(inner) else put(inner)

    def _Nabla(self, node: Nabla):
        of = node.of
        if of is None:
            if not self.m.loss:
                raise GraphUninterpretable(f"{to_latex(node)}: the notes define no cost to take the gradient of")
            of = Sym(self.m.loss)
        var = self.targets(node.wrt) if isinstance(node.wrt, Sym) else None
        if var is None:
            raise GraphUninterpretable(f"{to_latex(node)}: ∇ with respect to something that is not a quantity")
        f = self.value(of)
        if is_mat(f):  # review rv42c: ∇_x g of a vector (a transposed Jacobian in many notes) was refuted as a misfit
            raise GraphUninterpretable(f"{to_latex(node)}: the gradient of {shape_words(f)}, not of a number: which "
                                       "matrix of derivatives it stands for is a convention symbp does not read")
        unlinked = unlinked_words(self.m, f, var)  # ∇u with u never reaching L in the model (review rv45 A5)
        if unlinked and not self.opaque_covers([f], list(var) if is_mat(var) else [var]):
            raise GraphUninterpretable(f"{to_latex(node)}: {unlinked}")
        # ∇ is the gradient: it has the variable's shape whatever the layout
        return var.applyfunc(lambda v: self.d_or_opaque(f, v)) if is_mat(var) else self.d_or_opaque(f, var)

    def opaque_covers(self, fs: list, vs: list) -> bool:
        """Whether every ∂f/∂v here is an opaque gradient entry: an update rule's step on a parameter the model
        never connects to the loss, judged by its form (``graphopaque``)."""
        opaque = getattr(self, "opaque", {})
        return bool(opaque) and all((f, v) in opaque for f in fs for v in vs)

    def d_or_opaque(self, f, v):
        """∂f/∂v in the model, or the opaque symbol that stands for it (``graphopaque``)."""
        got = getattr(self, "opaque", {}).get((f, v))
        return self.m.d(f, v) if got is None else got


def derivative_forms(eq) -> dict:
    """(F, V) as written -> (how many times the claim writes ∂F/∂V, whether it writes dF/dV), for ``Evaluator.forms``."""
    from .graphnodes import walk

    out: dict = {}
    for n in walk(eq):
        if isinstance(n, Deriv):
            key = (to_latex(n.num), to_latex(n.den))
            count, total = out.get(key, (0, False))
            out[key] = (count + (not n.total), total or n.total)
    return out
