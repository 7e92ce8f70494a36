r"""Interpretation: the value of a read formula on one concrete network.

A formula tree (``nodes``) is evaluated on a ``Network`` for one
choice of its free variables (layers such as l, neurons such as j, k). Every
network quantity becomes an exact element of ``symbp.algebra``:
w, b, x, y are atoms; a^l_j is the atom σ(z^l_j); σ'(z^l_j) is its derivative
atom; δ^l_j and every ∂C/∂(…) come from ``GroundTruth`` (direct
differentiation, never the backprop recursion). Vectors and matrices are
``Mat`` values with their shapes checked as they combine, so ``(w^{l+1})``
without its transpose is a shape error on a non-square network, not a crash.

Indices follow the notation profile; internally everything is Nielsen's:
user layer u is Nielsen layer u − ``layer_shift``.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from ..algebra import Poly, RatFunc
from .sums import index_range  # noqa: F401  (registers the rules of sums, bracket vectors and matrices)
from .measures import cost_value  # (registers the rule of norms)
from .entries import entry_slots  # noqa: F401  (registers the rule of an entry of a bracket, (a^L - y)_j)
from .cdots import expand_cdots
from .outputact import at_output
from .cancel import defined_number, opposite_pairs
from .gradlayout import transposed
from .context import ONE, RULES, Context, evaluate, is_kronecker, kronecker, slots  # noqa: F401  (the API)
from .nodes import (Add, Apply, Cdots, Derivative, Div, Hadamard, Layer, Mul, Nabla, Neg, Num, Partial, Pow, Quantity,
                    Transpose, latex_of, to_latex, walk)
from .values import (  # noqa: F401  (re-exported: the names verify and diagnose use)
    LayerOutOfRange, Mat, OutsideDomain, ShapeMismatch, Uninterpretable, _broadcast_constant, _elementwise, _lift, bias_fit,
    one_entry, multiply, shape_of,
)


def _num(node: Num, ctx):
    return Poly.const(node.value)


def _vector(values: list, ctx: Context) -> Mat:
    """A vector in the profile's orientation: a column (z = W a + b) or a row (g = x W + b)."""
    col = Mat.column(values)
    return col.T() if ctx.notation.vectors == "row" else col


def _quantity(q: Quantity, ctx: Context):
    model, net, nt = ctx.model, ctx.net, ctx.notation
    what = latex_of(q)
    if q.role == "C":
        return cost_value(ctx, what)
    if is_kronecker(q):
        return kronecker(q, ctx)
    sl = slots(q, ctx)
    if q.role == "y":
        n = net.n(net.L)
        if q.indices:
            return model.target(ctx.index(q.indices[0], n, what), 1)
        return _vector([model.target(j, 1) for j in range(1, n + 1)], ctx)
    if q.role == "x" and q.layer is None:
        n = net.n(1)
        if q.indices:
            return model.atom(("x", 1, ctx.index(q.indices[0], n, what)))
        return _vector([model.atom(("x", 1, k)) for k in range(1, n + 1)], ctx)
    l = ctx.quantity_layer(q, what)
    if q.role == "x":
        column = [ONE] + list(model.A[1][l])  # x_0 = 1, then a^{[l]} (Dyda)
        if q.indices:
            return column[ctx.index(q.indices[0], net.n(l), what, 0)]
        return _vector(column, ctx)
    if q.role in ("w", "W"):
        if q.indices:
            (i0, lo0, n0, _), (i1, lo1, n1, _) = sl
            p, r = ctx.index(i0, n0, what, lo0), ctx.index(i1, n1, what, lo1)
            j, k = (p, r) if nt.weight_order == "to,from" else (r, p)
            return model.atom(("b", l, j)) if k == 0 else model.atom(("w", l, j, k))
        rows = [[model.atom(("w", l, j, k)) for k in range(1, net.n(l - 1) + 1)] for j in range(1, net.n(l) + 1)]
        if nt.bias_column:  # column 0 is the bias (x_0 = 1); beside n entries W is its weight columns (``bias_fit``)
            rows = [[model.atom(("b", l, j))] + row for j, row in enumerate(rows, start=1)]
        m = Mat(net.n(l), len(rows[0]), rows, bias_col=nt.bias_column)
        return m if nt.weight_order == "to,from" else m.T()  # rows follow the first index
    values = {
        "b": lambda j: model.atom(("b", l, j)),
        "z": lambda j: model.Z[1][l][j - 1],
        "a": lambda j: model.A[1][l][j - 1],
        "delta": lambda j: ctx.d_cost(("z", 1, l, j)),
    }[q.role]
    if q.indices:
        idx = q.indices[0]
        if (nt.bias_column and not nt.unit_zero and q.role == "a"
                and (idx.value if idx.name is None else ctx.bind.get(idx.name)) == 0):
            # Dyda: x_0 = 1 is the constant input and a has entries 1..n; a_0 is not defined (review 24 R3: read as
            # out of range it refuted BP4 of the bias column, δ_j a_0, whose author means x_0)
            raise Uninterpretable(f"{what}: a has no entry 0 in the {nt.name} notation; the constant input of the "
                                  f"bias column is x_0 = 1 (write x_0)")
        (_, lowest, _, _), = sl
        if q.role == "a" and lowest == 1 and idx.name is None and idx.size is None and idx.value == 0:
            # a^{l-1}_0 where the notes do not write the bias as weight 0 (review 25 B3: "we do not set a^{l-1}_0 = 1"
            # was refuted as an index out of range): a name these notes do not define, not a false claim
            raise Uninterpretable(f"{what}: a has no entry 0 in these notes (they do not write the bias as weight 0 "
                                  "with a constant input a_0 = 1)")
        j = ctx.index(idx, net.n(l), what, lowest)
        return ONE if j == 0 else values(j)  # a^{l-1}_0 = 1: the constant the bias column multiplies
    out = _vector([values(j) for j in range(1, net.n(l) + 1)], ctx)
    return out.T() if q.role == "delta" and transposed("delta") else out  # δ^l as the notes define it (``gradlayout``)


def _seed(q: Quantity, ctx: Context, entry: tuple) -> tuple:
    """The GroundTruth seed for one entry of the quantity ∂/∂q (Nielsen indices)."""
    l = ctx.quantity_layer(q, to_latex(q)) if q.layer is not None else None
    if q.role in ("w", "W"):
        j, k = entry
        return ("b", l, j) if k == 0 else ("w", l, j, k)
    if q.role == "b":
        return ("b", l, entry[0])
    if q.role in ("z", "a"):
        return (q.role, 1, l, entry[0])
    if q.role == "x" and q.layer is not None:
        if entry[0] == 0:
            # Dyda's x_0 = 1 is a constant: ∂/∂x_j ranges over the variable entries j ≥ 1.
            raise OutsideDomain(f"∂/∂{to_latex(q)} is about the variable entries j ≥ 1; entry 0 is the constant "
                                "x_0 = 1, which is not differentiated")
        return ("a", 1, l, entry[0])
    if q.role == "x":
        return ("x", 1, entry[0])
    raise Uninterpretable(f"symbp does not differentiate with respect to {to_latex(q)}")


def _entries(q: Quantity, ctx: Context):
    """Nielsen entries of q: a single tuple if fully indexed, else the grid with its matrix layout."""
    net, nt = ctx.net, ctx.notation
    what = to_latex(q)
    sl = slots(q, ctx)
    if q.indices:
        vals = [ctx.index(i, n, w, lo) for (i, lo, n, w) in sl]
        if q.role in ("w", "W") and nt.weight_order != "to,from":
            vals = vals[::-1]
        return tuple(vals), None
    if q.role in ("w", "W"):
        l = ctx.quantity_layer(q, what)
        first = 0 if nt.bias_column else 1
        grid = [[(j, k) for k in range(first, net.n(l - 1) + 1)] for j in range(1, net.n(l) + 1)]
        return None, grid if nt.weight_order == "to,from" else [list(r) for r in zip(*grid)]
    row = nt.vectors == "row"  # the gradient of a row vector is a row
    if q.role == "x" and q.layer is None:
        cells = [(k,) for k in range(1, net.n(1) + 1)]
        return None, [cells] if row else [[c] for c in cells]
    l = ctx.quantity_layer(q, what)
    # The augmented vector x = (1; a) (Dyda): its derivative ranges over the variable entries j ≥ 1 only.
    cells = [(j,) for j in range(1, net.n(l) + 1)]
    return None, [cells] if row else [[c] for c in cells]


#: Where the text being checked writes the bias through z (b^l_k = z^l_k − Σ_j w^l_{kj} a^{l-1}_j, at fixed
#: w and a), as "line 302"; "" when it does not. Only then has ∂b/∂z a meaning: b is a parameter of the network.
_BIAS_THROUGH_Z: ContextVar[str] = ContextVar("bias_through_z", default="")


@contextmanager
def bias_through_z(where: str):
    r"""Within the block, ∂b^l_k/∂z^l_j is read as [j = k]: the text checked writes b through z at ``where``.

    >>> from symbp.verify import verify
    >>> verify(r"\frac{\partial b^l_j}{\partial z^l_j} = 1").status
    'uninterpretable'
    >>> with bias_through_z("line 3"):
    ...     verify(r"\frac{\partial b^l_j}{\partial z^l_j} = 1").status
    'holds'
    """
    token = _BIAS_THROUGH_Z.set(where)
    try:
        yield
    finally:
        _BIAS_THROUGH_Z.reset(token)


def _partial(node: Partial, ctx: Context, kind: str = "partial"):
    """∂num/∂den: a number, or for ∂C/∂ of a vector or a matrix the grid of its entries in Nielsen's orientation,
    transposed where the layout the notes declare says so (``gradlayout``; ``kind`` "nabla" for ∇)."""
    num, den = node.num, node.den
    if den.role == "C" or den.role in ("y", "delta"):
        raise Uninterpretable(f"∂/∂{to_latex(den)} is not a derivative symbp checks")
    if den.layer is None and den.role not in ("x",):
        raise Uninterpretable(f"∂/∂{to_latex(den)} needs a layer on {to_latex(den)}")
    entry, grid = _entries(den, ctx)
    if num.role == "C":
        fn = lambda e: ctx.d_cost(_seed(den, ctx, e))  # noqa: E731
    elif num.role in ("z", "a") and num.indices:
        if grid is not None:
            raise Uninterpretable(f"∂{to_latex(num)}/∂{to_latex(den)} of a node by a vector is a Jacobian; write one entry")
        node_value = _quantity(num, ctx)
        nl = ctx.layer(num.layer, to_latex(num))
        node = (num.role, nl, ctx.index(num.indices[0], ctx.net.n(nl), to_latex(num)))
        fn = lambda e: _d_node(ctx, node, node_value, _seed(den, ctx, e))  # noqa: E731
    elif num.role in ("z", "a") and not num.indices and num.layer is not None and grid is not None:
        return _jacobian(num, den, grid, ctx)
    elif num.role == "b" and num.indices and den.role == "z" and den.layer is not None:
        # The notes' step for BP3: at fixed w^l and a^{l-1}, b^l_k = z^l_k − Σ_j w^l_{kj} a^{l-1}_j, so
        # ∂b^l_k/∂z^l_j = [j = k]; by a z of another layer the bias is not a function, and is not read.
        if not _BIAS_THROUGH_Z.get():
            raise Uninterpretable(f"∂{to_latex(num)}/∂{to_latex(den)}: the bias is a parameter of the network, not a "
                                  "function of z; the derivative has a meaning only where b is written through z "
                                  "(b^l_k = z^l_k − Σ_j w^l_{kj} a^{l-1}_j at fixed w and a), which is not written here")
        bl = ctx.quantity_layer(num, to_latex(num))
        bk = ctx.index(num.indices[0], ctx.net.n(bl), to_latex(num))
        if grid is not None or _seed(den, ctx, entry)[2] != bl:
            raise Uninterpretable(f"∂{to_latex(num)}/∂{to_latex(den)} is read only between one bias and one z "
                                  "of the same layer")
        fn = lambda e: ONE if e[0] == bk else Poly()  # noqa: E731
    else:
        raise Uninterpretable(f"symbp checks ∂C/∂(…) and ∂z/∂(…), ∂a/∂(…), not ∂{to_latex(num)}/∂(…)")
    if grid is None:
        return fn(entry)
    out = Mat(len(grid), len(grid[0]), [[fn(e) for e in row] for row in grid])
    if num.role == "C" and transposed(kind):
        if den.role == "x" and den.layer is not None:
            raise Uninterpretable(f"{to_latex(node)}: the gradient by the augmented vector x = (1; a) is not read in "
                                  "the numerator layout")
        return out.T()
    if den.role == "x" and den.layer is not None:
        out.variable_rows = 1  # rows are x_1 … x_n: the constant x_0 has no derivative
    return out


def _jacobian(num: Quantity, den: Quantity, grid: list, ctx: Context) -> Mat:
    """∂z^l/∂a^{l-1} (of a vector z or a by a vector): the matrix of ∂num_r/∂den_c, a row per entry of ``num`` (the
    numerator layout), transposed in the denominator layout (``gradlayout``)."""
    # the entries of the vector ``den``: a column (Nielsen's a^{l-1}) or a row (row-vector notes, z = a W)
    vector = den.role not in ("w", "W")  # a matrix of one row (w^l of a one-neuron layer) is still a matrix
    entries = ([row[0] for row in grid] if len(grid[0]) == 1 else grid[0] if len(grid) == 1 and vector else None)
    if entries is None:
        raise Uninterpretable(f"∂{to_latex(num)}/∂{to_latex(den)}: the derivative of a vector by a matrix has three "
                              "indices; write one entry")
    nl = ctx.layer(num.layer, to_latex(num))
    values = ctx.model.Z[1][nl] if num.role == "z" else ctx.model.A[1][nl]
    rows = [[_d_node(ctx, (num.role, nl, r), values[r - 1], _seed(den, ctx, e)) for e in entries]
            for r in range(1, ctx.net.n(nl) + 1)]
    out = Mat(len(rows), len(entries), rows)
    return out.T() if transposed("jacobian") else out


def _derivative(node: Derivative, ctx: Context):
    """∂/∂Y applied to an expression: its total derivative through the network's graph."""
    value = evaluate(node.arg, ctx)
    if isinstance(value, Mat):
        raise Uninterpretable(f"{to_latex(node)}: ∂/∂(…) of a vector or matrix is a Jacobian; write one entry")
    entry, grid = _entries(node.den, ctx)
    if grid is not None:
        raise Uninterpretable(f"{to_latex(node)}: differentiate by one entry of {to_latex(node.den)}")
    if ctx.opaque:  # the oracle's atoms are derivatives of nodes, not of expressions built from them
        raise Uninterpretable(f"{to_latex(node)}: the independent oracle does not evaluate ∂/∂(…) of an expression")
    return ctx.gt.d_node(value, _seed(node.den, ctx, entry))


def _d_node(ctx: Context, node: tuple, value, seed: tuple):
    # ∂z^l_j/∂z^m_i: 1 on itself, 0 below or beside it (GroundTruth differentiates
    # a node's definition, which would give 0 for the node itself).
    role, nl, j = node
    if seed[0] in ("z", "a") and (seed[2] > nl or (seed[2] == nl and (role, seed[0]) == ("z", "a"))):
        # ∂z^l/∂a^l, ∂a^{l-1}/∂z^l: the node is computed before the seed, so it is no function of it in the network
        # (0 through the graph, 1/σ'(z) if z = σ⁻¹(a) were meant): not read (review rv35 A4: 0 held)
        raise Uninterpretable(f"{role} of layer {nl} is computed before {seed[0]} of layer {seed[2]} (Nielsen's "
                              "numbering), so it is no function of it: a derivative of an earlier quantity by a later "
                              "one is not read")
    if seed[0] == "z" and role == "z" and seed[2] == nl:
        return ONE if seed[3] == j else Poly()
    return ctx.d_node(node, value, seed)


def _nabla(node: Nabla, ctx: Context):
    wrt = node.wrt
    if wrt.role == "a" and wrt.layer is None:
        wrt = Quantity("a", wrt.base, Layer("L", 0))
    if wrt.role not in ("a", "z", "w", "W", "b") or wrt.indices or wrt.layer is None:
        raise Uninterpretable(f"∇_{{{to_latex(node.wrt)}}} C is read for the vectors a^l, z^l, b^l and the matrix w^l")
    return _partial(Partial(node.of, wrt), ctx, "nabla")


def _neuron_of(value, ctx: Context, what: str):
    pos = ctx._z_index.get(value) if isinstance(value, Poly) else None
    if pos is None:
        raise Uninterpretable(f"{what} is applied to something that is not z^l_j of any neuron")
    return pos


def _writes_neuron_numbers(node) -> bool:
    """Does ``node`` name neurons by number (x_3, w^2_{13}), as a worked example does?"""
    return any(isinstance(q, Quantity) and any(i.name is None and i.size is None for i in q.indices)
               for q in walk(node))


def _apply(node: Apply, ctx: Context):
    arg = evaluate(node.arg, ctx)
    net, model = ctx.net, ctx.model
    what = to_latex(node)
    if node.func in ("f", "g") and not any(a == f"generic:{node.base}" for a in net.activations):
        raise Uninterpretable(f"{node.base} is not the network's activation (use --activation generic:{node.base})")

    if node.func in ("cosh", "sinh", "sech"):
        # Not a polynomial in the network's tanh atom: only sech^2 = 1 − tanh^2 (and its powers) is (see _pow).
        raise Uninterpretable(f"{what}: {node.func} is read only as sech^2(z) = 1 - tanh^2(z) of a tanh network "
                              "(or in a formula of the bare z)")
    if node.func == "log":
        return arg.map(ctx.log_atom) if isinstance(arg, Mat) else ctx.log_atom(arg)
    if node.func == "diag":
        if not isinstance(arg, Mat) or arg.cols != 1:
            raise ShapeMismatch(f"{what}: diag needs a column vector, got {shape_of(arg)}")
        n = arg.rows
        return Mat(n, n, [[arg.entries[r][0] if r == c else Poly() for c in range(n)] for r in range(n)])

    def one(v):
        try:
            l, j = _neuron_of(v, ctx, what)
        except Uninterpretable:
            if _writes_neuron_numbers(node.arg):
                # A worked example (σ(w_11 x_1 + w_12 x_2 + w_13 x_3 + b_1)) names the neurons of a network
                # of its own sizes: on a network with other sizes it is outside the formula's domain.
                raise OutsideDomain(f"{what} is no neuron's z on the network {list(net.sizes)}: the formula "
                                    "writes the neurons of a network of other sizes") from None
            raise
        name = net.activation(l, j).name
        if name == "generic" and getattr(ctx, "activation", None) == "tanh" and not net.overrides:
            name = "tanh"  # a tanh network is built with a generic σ and the rule tanh' = 1 − tanh² (network_check)
        if node.func in ("tanh", "relu") and net.output_softmax and l == net.L:
            raise Uninterpretable(f"{what}: the output layer is a softmax, not {node.func}")
        if node.func in ("tanh", "relu") and name != node.func:
            raise Uninterpretable(f"{what}: {node.func} is not the activation of the network (use --activation "
                                  f"{node.func})")
        at_output(ctx, l, node.func, what)  # σ at an output layer the notes' words make another: not judged there
        if node.func == "exp":
            if not (net.output_softmax and l == net.L):
                raise Uninterpretable(f"{what}: exp is read only as exp(z^L_j) of a softmax output")
            return model.atom(("E", 1, j))
        if net.output_softmax and l == net.L:
            return _sigma_at_softmax(ctx, j, node.primes)
        return model.A[1][l][j - 1] if node.primes == 0 else model.D[1][l][j - 1]

    if node.func == "Sigma":
        if not isinstance(arg, Mat) or (arg.cols != 1 and arg.rows != 1):
            raise ShapeMismatch(f"{what}: Σ' needs a vector, got {shape_of(arg)}")
        diag = [one(v) for r in arg.entries for v in r]
        n = len(diag)
        return Mat(n, n, [[diag[r] if r == c else Poly() for c in range(n)] for r in range(n)])
    return arg.map(one) if isinstance(arg, Mat) else one(arg)


def _sigma_at_softmax(ctx: Context, j: int, primes: int):
    # A softmax output computes a^L = softmax(z^L), not σ entrywise: σ(z^L_j) there is the hidden layers' σ of z^L_j, a
    # value the network does not compute (its own atom), so a^L = σ(z^L) or BP1 with σ'(z^L) fails there, not skipped.
    ctx.sigma_at_softmax = True
    model, net = ctx.model, ctx.net
    s_atom = model.atom(("S", 1, net.L, j))
    if primes == 0:
        return s_atom
    act = net.activation(net.L, j)
    if act.prime_of_value is not None:
        return Poly.const(1) * act.prime_of_value(s_atom)
    return model.atom(("D", 1, net.L, j))


def _add(node: Add, ctx: Context):
    pairs = opposite_pairs(node.terms)  # t and −t: left out unexpanded where t is a number (``cancel``, rv50 D1)
    if pairs:
        rest = tuple(t for k, t in enumerate(node.terms) if k not in pairs)
        total = _sum(rest, node, ctx) if rest else Poly()
        if not isinstance(total, Mat) and all(defined_number(node.terms[k], ctx) for k in pairs):
            return total
    return _sum(node.terms, node, ctx)


def _sum(terms: tuple, node: Add, ctx: Context):
    total = evaluate(terms[0], ctx)
    for t in terms[1:]:
        v = evaluate(t, ctx)
        # a row times a column is a number: w^L a^{L-1} on one output neuron beside the bias b^L, a column of 1
        total, v = bias_fit(*one_entry(*_broadcast_constant(total, v)))
        _lift(total, v, "add", lambda: to_latex(node))
        total = _elementwise(total, v, lambda x, y: x + y)
    return total


def _neg(node: Neg, ctx):
    v = evaluate(node.arg, ctx)
    return v.map(lambda x: -x) if isinstance(v, Mat) else -v


def _mul(node: Mul, ctx: Context):
    factors = expand_cdots(node, ctx) if any(isinstance(f, Cdots) for f in node.factors) else node.factors
    value = evaluate(factors[0], ctx)
    for k, f in enumerate(factors[1:], start=1):
        # Name the factor where the shapes stop fitting (after \cdots it may be one symbp filled in).
        def where(f=f):
            return f"{to_latex(node)}, at the factor {to_latex(f)}" + (" (filled in for \\cdots)" if f not in node.factors else "")

        value = multiply(value, evaluate(f, ctx), where, _one_output(ctx))
    return value


def _one_output(ctx: Context) -> bool:
    """Is ``ctx``'s network one with a single output neuron and no other layer of one (a 1 × 1 value there is an
    output vector, a number: ``values.multiply``)?"""
    net = ctx.net
    return net.n(net.L) == 1 and all(net.n(layer) > 1 for layer in range(1, net.L))


def _hadamard(node: Hadamard, ctx: Context):
    a, b = bias_fit(evaluate(node.left, ctx), evaluate(node.right, ctx))  # (W^T δ) ⊙ φ'(net): W's weight columns
    _lift(a, b, "multiply entrywise (⊙)", lambda: to_latex(node))
    return _elementwise(a, b, lambda x, y: x * y)


def _div(node: Div, ctx: Context):
    num, den = evaluate(node.num, ctx), evaluate(node.den, ctx)
    _divisor_vanishing(node, den, ctx)
    if isinstance(den, Mat):
        # Notes divide vectors entry by entry (∇_a C = −y/a + (1 − y)/(1 − a)); a number over a vector is 1/a_j.
        num, den = _broadcast_constant(num, den)
        _lift(num, den, "divide entry by entry", to_latex(node))
        if any(x.is_zero() for row in den.entries for x in row):
            raise ShapeMismatch(f"{to_latex(node)}: division by zero")
        return _elementwise(num, den, lambda x, y: (RatFunc(x) if isinstance(x, Poly) else x) / y)
    if den.is_zero():
        raise ShapeMismatch(f"{to_latex(node)}: division by zero")
    inv = lambda x: RatFunc(x) / den if isinstance(x, Poly) else x / den  # noqa: E731
    return num.map(inv) if isinstance(num, Mat) else inv(num)


def _divisor_vanishing(node: Div, den, ctx: Context) -> None:
    # A relu network's a^l_j and σ'(z^l_j) are 0 for every z^l_j ≤ 0, an open set: a formula dividing by them is
    # undefined on it, and a 0/0 there is no value. Noted on ``ctx`` (the check makes an instance that would hold
    # undecided); a division by z^l_j, or by tanh's a^l_j, fails only where z^l_j = 0 and is read where defined.
    # A generic σ may be flat on an interval (σ'(z) = 0 there): a division by σ'(z^l_j) is as undefined (review
    # rv42a A3: δ^l_j/σ'(z^l_j) = ∂C/∂a^l_j held for every differentiable σ).
    model = getattr(ctx, "model", None)
    if not (getattr(model, "idempotent", None) or getattr(model, "flat", None)) or not hasattr(ctx, "undefined"):
        return
    entries = [x for row in den.entries for x in row] if isinstance(den, Mat) else [den]
    if model.idempotent and any(model.zero_on_region(x) for x in entries):
        ctx.undefined.append(f"it divides by {to_latex(node.den)}, which relu makes 0 on an open set of inputs "
                             "(relu(z) = relu'(z) = 0 for every z ≤ 0): the formula is undefined there, and symbp "
                             "does not read 0/0 as a value")
    elif model.flat and getattr(ctx, "prime_rule", None) is None and any(model.zero_where_flat(x) for x in entries):
        # (a sigmoid or tanh network is built generic and its σ' = rule(σ) put in later: that σ' is never 0)
        ctx.undefined.append(f"it divides by {to_latex(node.den)}, which is 0 wherever σ is flat (a generic σ is "
                             "every differentiable function, and one constant on an interval has σ'(z) = 0 there, "
                             "on an open set of inputs): the two sides agree only where it is not 0, and symbp does "
                             "not read 0/0 as a value; with a σ whose σ' is never 0 (--activation sigmoid, tanh) it "
                             "is decided")
    elif model.flat and getattr(ctx, "prime_rule", None) is None and (at := next(
            (w for w in map(model.constant_where_flat, entries) if w), None)):
        ctx.undefined.append(f"it divides by {to_latex(node.den)}, which is 0 where σ is constant on an interval "
                             f"({at} there; a generic σ is every differentiable function, and one such is among "
                             "them, on an open set of inputs): the two sides agree only where it is not 0, and symbp "
                             "does not read 0/0 as a value; with --activation sigmoid or tanh it is decided")


def _pow(node: Pow, ctx: Context):
    base = node.base
    if isinstance(base, Apply) and base.func == "sech" and base.primes == 0 and node.exp % 2 == 0:
        # sech^2(z) = 1 − tanh^2(z): the network's tanh, with tanh's own checks (the activation, a softmax output)
        t = evaluate(Apply("tanh", 0, base.arg, r"\tanh"), ctx)
        k = node.exp // 2
        return t.map(lambda x: (1 - x**2) ** k) if isinstance(t, Mat) else (1 - t**2) ** k
    v = evaluate(node.base, ctx)
    if node.exp <= 0 and not (isinstance(v, Mat) and v.rows == v.cols and v.rows > 1) and any(
            x == 0 if isinstance(x, (int, float)) else x.is_zero()
            for x in ([y for row in v.entries for y in row] if isinstance(v, Mat) else [v])):
        # 0^0 has no value, as 0/0 has none (review rv42a A2: δ · 0^0 held, read as δ · 1)
        raise ShapeMismatch(f"{to_latex(node)}: a power 0^{node.exp} of zero, which has no value")
    if isinstance(v, Mat) and (v.rows == 1 or v.cols == 1) and node.exp >= 0:
        # A power of a vector, entry by entry, as notes divide vectors (tanh' = 1 − (a^l)^2): the square of a
        # vector has no other meaning as a vector; ‖a‖² and aᵀa are written otherwise.
        return v.map(lambda x: x**node.exp)
    if isinstance(v, Mat) and v.rows == v.cols and v.rows > 1 and node.exp == 0:
        return Mat(v.rows, v.cols, [[1 if i == j else 0 for j in range(v.cols)] for i in range(v.rows)])  # M⁰ = I
    if isinstance(v, Mat) and v.rows == v.cols and isinstance(node.exp, int) and node.exp >= 1:
        # A power of a square matrix is the matrix power, M² = M M: Σ'(z)² (review rv38: called ill-shaped)
        power = v
        for _ in range(node.exp - 1):
            power = multiply(power, v, to_latex(node))
        return power
    if isinstance(v, Mat):
        raise ShapeMismatch(f"{to_latex(node)}: a power of {v.shape}")
    return v**node.exp


def _transpose(node: Transpose, ctx: Context):
    v = evaluate(node.arg, ctx)
    return v.T() if isinstance(v, Mat) else v


RULES.update({
    Num: _num, Quantity: _quantity, Partial: _partial, Derivative: _derivative, Nabla: _nabla, Apply: _apply, Add: _add,
    Neg: _neg,
    Mul: _mul, Hadamard: _hadamard, Div: _div, Pow: _pow, Transpose: _transpose,
})


