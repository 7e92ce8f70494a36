r"""How far a layer formula's indices reach, and the shapes that check it beyond that reach.

An entry outside an array is 0 (``\delta_{T+1} = 0``), so a formula can only be told from the truth on a
shape large enough that every entry it names exists. ``\sum_{t=T-4}^{T}`` (truncated BPTT), ``\sum_{j=1}^{5}``
or ``+ g_{i+5}`` agree with the truth on every shape whose sizes are at most 5: a sum bound of 5 is "all" there, and
g_{i+5} is 0. So every dimension of an array that an index with a literal number reaches (directly, or through a
summation index whose bound has one) is checked on shapes where it is past the largest such number plus one
(``reach + 2``), on as many different sizes as the degree argument of ``layer_sizes`` needs (at least two).
A formula that would need a size beyond what is checked here is refuted if a shape within reach refutes it, and
otherwise uninterpretable, with the reason.

>>> from symbp.verify.layer_reader import read_layer_formula as r
>>> literals(*r(r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=T-4}^{T} \delta_t h_{t-1}^{\mathsf T}"))
4
"""

from __future__ import annotations

import sympy

from .layer_nodes import Deriv, INum, IOp, Sum, Sym, Var, index_letters
from .layer_values import Uninterpretable

_NORM = {"x": ("batch", "features"), "g": ("batch", "features"), "y": ("batch", "features"), "xhat": ("batch", "features"),
         "gamma": ("features",), "beta": ("features",)}
_CONV = {"x": ("in_channels", "input"), "xpad": ("in_channels", "input"), "w": ("in_channels", "out_channels", "kernel"),
         "g": ("out_channels", "output"), "y": ("out_channels", "output"), "b": ("out_channels",)}
_STEPS = ("steps", "hidden")

#: Each array's dimensions, by the shape parameter that sets its length (conv: input, kernel, output per axis).
DIMS = {
    "batchnorm": dict(_NORM, mu=("features",), var=("features",)),
    "layernorm": dict(_NORM, mu=("batch",), var=("batch",)),
    "conv1d": _CONV,
    "conv2d": {k: v + v[-1:] if v[-1] in ("input", "kernel", "output") else v for k, v in _CONV.items()},
    "rnn": {"x": ("steps", "inputs"), "g": _STEPS, "h": _STEPS, "a": _STEPS, "delta": _STEPS, "dphi": _STEPS,
            "W_hh": ("hidden", "hidden"), "W_xh": ("hidden", "inputs"), "b": ("hidden",)},
    "attention": {"Q": ("queries", "dim"), "K": ("keys", "dim"), "V": ("keys", "values"), "g": ("queries", "values"),
                  "y": ("queries", "values"), "P": ("queries", "keys"), "S": ("queries", "keys")},
    "softmax": {"z": ("size",), "g": ("size",), "p": ("size",)},
    "softmax-ce": {"z": ("classes",), "p": ("classes",), "t": ("classes",)},
    "dropout": {"x": ("features",), "g": ("features",), "r": ("features",), "y": ("features",)},
    "residual": {"x": ("features",), "g": ("features",), "y": ("features",), "J": ("features", "features")},
}

#: The largest length a dimension is widened to (the exact proof on the widened shape stays within seconds).
LIMIT = {"size": 16, "classes": 16, "features": 16, "kernel": 5, "input": 10, "output": 8, "in_channels": 6,
         "out_channels": 6}
_LIMIT_NORM = 10  # batch and layer norm: 1/√(σ²+ε) multiplies out over the whole batch
DEFAULT_LIMIT = 10


def _limit(kind: str, dim: str) -> int:
    return _LIMIT_NORM if kind in ("batchnorm", "layernorm") else LIMIT.get(dim, DEFAULT_LIMIT)


def _poly(e):
    if isinstance(e, INum):
        return sympy.Integer(e.value)
    if isinstance(e, Var):
        return sympy.Symbol(e.name)
    a, b = _poly(e.a), _poly(e.b)
    return a + b if e.op == "+" else a - b if e.op == "-" else a * b


def offset(e) -> int:
    """How far a whole number in an index takes it from its letters: the constant term's size, plus how much each
    coefficient stretches its letter (``i+3+4``: 7; ``2i``: 1; ``s(p-1)+i`` = sp − s + i: 0)."""
    if e is None or isinstance(e, Var):
        return 0
    expr = sympy.expand(_poly(e))
    if not expr.free_symbols:
        return abs(int(expr))
    out = 0
    for monomial, c in sympy.Poly(expr, *sorted(expr.free_symbols, key=str)).terms():
        out += abs(int(c)) if not any(monomial) else abs(int(c)) - 1
    return out


def _iliterals(e) -> list:
    n = offset(e)
    return [n] if n else []


def walk(node):
    """Every value node of the tree (symbols inside derivatives and function calls too)."""
    yield node
    for attr in ("a", "b", "base", "arg", "body", "of", "num"):
        child = getattr(node, attr, None)
        if child is not None and not isinstance(child, (Var, INum, IOp)):
            yield from walk(child)
    for _, term in getattr(node, "terms", ()):
        yield from walk(term)


def literals(lhs, rhs) -> int:
    """The largest ``offset`` of an index or a sum's bound (0 if none)."""
    out = [0]
    for node in [*walk(lhs), *walk(rhs)]:
        if isinstance(node, Sym):
            out += [n for e in node.sub or () for n in _iliterals(e)]
        if isinstance(node, Sum):
            out += [n for e in (node.lo, node.hi) if e is not None for n in _iliterals(e)]
    return max(out)


def reached(meaning, lhs, rhs) -> set:
    """The dimensions (shape parameters) that an index with a literal number reaches, directly or through a
    summation index whose bound has one (a nonzero ``offset``)."""
    bounded = set()
    for node in walk(rhs):
        if isinstance(node, Sum) and any(_iliterals(e) for e in (node.lo, node.hi) if e is not None):
            bounded |= set(node.index)
    return _dims_of(meaning, [lhs, rhs], lambda e: bool(_iliterals(e) or index_letters(e) & bounded))


def cross_reach(meaning, rhs, sizes: dict) -> tuple:
    r"""A sum whose bound is the size of another dimension (``\sum_{i=1}^{d+1}`` over queries): the reach of its
    bound at the largest value the letter takes on the shapes (``sizes``: letter -> (its dimension, that value)),
    and the dimensions it sums over. Such a sum is cut on a shape only where the summed dimension is longer."""
    reach, dims = 0, set()
    for node in walk(rhs):
        if not isinstance(node, Sum):
            continue
        bounds = [e for e in (node.lo, node.hi) if e is not None]
        letters = set().union(set(), *(index_letters(e) for e in bounds)) & set(sizes)
        summed = _dims_of(meaning, [node.body], lambda e, i=set(node.index): bool(index_letters(e) & i))
        far = [sizes[letter][1] for letter in letters if sizes[letter][0] not in summed]
        if far and summed:
            reach = max(reach, sum(far) + max(offset(e) for e in bounds))
            dims |= summed
    return reach, dims


def _positions(meaning, roots: list):
    """(name, its dimension at that position, the index expression) for each subscript position of every indexed
    name in ``roots`` that has a dimension (a subscript symbp cannot read is passed over)."""
    dims = DIMS[meaning.kind]
    for node in [n for root in roots for n in walk(root)]:
        for name, sub in _indexed(meaning, node):
            table = dims.get(name)
            if table is None:
                continue
            try:
                sub = meaning.subscripts(Sym("_", tuple(sub)), name, len(table))
            except Uninterpretable:
                continue
            for pos, e in enumerate(sub):
                if pos < len(table):
                    yield name, table[pos], e


def _dims_of(meaning, roots: list, marks) -> set:
    """The dimensions at whose positions an index expression satisfies ``marks``."""
    return {dim for _, dim, e in _positions(meaning, roots) if marks(e)}


def reached_all(meaning, lhs, rhs, sizes: dict) -> tuple:
    """(the dimensions to check beyond the formula's entries, the reach they must pass): ``reached`` with
    ``literals``, and ``cross_reach`` (``sizes``: each size letter used -> its dimension and largest value)."""
    far, far_dims = cross_reach(meaning, rhs, sizes)
    return reached(meaning, lhs, rhs) | far_dims, max(literals(lhs, rhs), far)


_DIM_WORDS = {"batch": "samples", "features": "features"}
_GREEK = {"gamma": "γ", "beta": "β", "mu": "μ", "sigma^2": "σ²", "hat x": "x̂", "epsilon": "ε"}


def one_dimension_per_letter(meaning, lhs, rhs) -> None:
    """Raise ``Uninterpretable`` where a normalisation formula writes one index letter for the samples in one place
    and for the features in another (layer norm's per-feature γ_c indexed by the sample, γ_s): the entry it names
    exists only by accident of the shape (where it does not, it would be read as 0), so no verdict is given."""
    if meaning.kind not in ("batchnorm", "layernorm"):
        return
    seen: dict = {}
    shown = {name: _GREEK.get(latex, latex) for latex, name in meaning.notation["symbols"].items()}
    for name, here, e in _positions(meaning, [lhs, rhs]):
        if not isinstance(e, Var) or e.name in meaning.notation["constants"] or e.name == "•":
            continue
        dim, where = seen.setdefault(e.name, (here, name))
        if dim != here:
            raise Uninterpretable(
                f"the index {e.name} stands for the {_DIM_WORDS.get(dim, dim)} in {shown.get(where, where)} and for "
                f"the {_DIM_WORDS.get(here, here)} in {shown.get(name, name)}; in "
                f"{meaning.kind.replace('norm', ' norm')} "
                + ", ".join(f"{shown.get(a, a)} has one entry per {_DIM_WORDS.get(d[0], d[0])[:-1]}"
                            for a, d in DIMS[meaning.kind].items() if len(d) == 1 and a in (where, name))
                + ": write each index for the dimension it runs over")


def letters_used(lhs, rhs) -> set:
    """Every letter the formula writes, in an index or as a number (a size letter is one of them)."""
    out = set()
    for node in [*walk(lhs), *walk(rhs)]:
        if isinstance(node, Sym):
            out |= {node.name} if not node.sub else set().union(*(index_letters(e) for e in node.sub))
            if node.sub and len(node.sub) == 1 and isinstance(node.sub[0], Var):  # s_h written as a number
                out.add(f"{node.name}_{node.sub[0].name}")
        if isinstance(node, Sum):
            out |= set().union(*(index_letters(e) for e in (node.lo, node.hi) if e is not None))
    return out


def _indexed(meaning, node) -> list:
    # (array name, subscripts) of a symbol, or of the residual block's ∂F_i/∂x_k (the Jacobian J_{i,k})
    if isinstance(node, Deriv) and node.num is not None:
        return [("J", tuple(node.num.sub or ()) + tuple(node.of.sub or ()))]
    if isinstance(node, Deriv):  # the left side: the array it differentiates by
        return [(meaning.target, tuple(node.of.sub or ()))] if node.of.sub else []
    if not isinstance(node, Sym) or not node.sub:
        return []
    if node.name == "delta" and meaning.kind == "rnn":
        return [("delta", node.sub)]
    try:
        return [(meaning.array_name(node), node.sub)]
    except Uninterpretable:
        return []


def extent(spec, dim: str) -> int:
    """The length of a dimension on one shape (the smaller axis for 2-D sizes)."""
    if dim == "output":
        return min(spec.out)
    value = getattr(spec, dim)
    return min(value) if isinstance(value, tuple) else value


def widened(spec, dims: set, n: int):
    """``spec`` with every dimension in ``dims`` at least ``n`` long (None when that is no shape)."""
    changes = {}
    for dim in sorted(dims - {"output", "input", "kernel"}):
        changes[dim] = max(getattr(spec, dim), n)
    if "kernel" in dims:
        changes["kernel"] = tuple(max(k, n) for k in spec.kernel)
    kernel = changes.get("kernel", getattr(spec, "kernel", None))
    if dims & {"input", "output", "kernel"}:
        need_in = n if "input" in dims else 1
        need_out = n if "output" in dims else 1
        changes["input"] = tuple(max(i, need_in, (need_out - 1) * s + k - 2 * p)
                                 for i, k, s, p in zip(spec.input, kernel, spec.stride, spec.padding))
    try:
        return spec.with_shape(**changes)
    except ValueError:
        return None


def shape_text(spec) -> str:
    return ",".join(f"{k}={'x'.join(map(str, v)) if isinstance(v, tuple) else v}" for k, v in spec.shape().items())


def beyond(kind: str, family: tuple, reach: int, dims: set, count: int, layer, usable) -> tuple:
    """Shapes (as text) to add to ``family`` so that ``count`` shapes, with different sizes, have every
    dimension in ``dims`` at least ``reach + 2`` long. ``layer(text)`` builds a shape; ``usable(spec)`` says
    whether the formula means something on it (one stride letter s needs equal strides). Returns the shapes and,
    where the sizes needed pass what is checked here, why the formula cannot hold (else "")."""
    if not dims or reach == 0:
        return (), ""
    low = reach + 2
    specs = [s for s in (layer(t) for t in family) if usable(s)]
    if not specs:
        return (), ""
    seen = {tuple(extent(s, d) for d in sorted(dims)) for s in specs if all(extent(s, d) >= low for d in dims)}
    base = min(specs, key=lambda s: s.leaf_count)
    added, n = [], low
    while len(seen) < max(count, 2):
        over = [d for d in sorted(dims) if n > _limit(kind, d)]
        if over:  # the shapes up to the limit are still checked: a counterexample there refutes
            return tuple(added), (f"the formula names entries up to index {reach} (in an index or a sum's bound): it "
                                  f"holds only if checked on {max(count, 2)} sizes beyond them, and that needs {over[0]} = "
                                  f"{n}, more than checked here (up to {_limit(kind, over[0])})")
        spec = widened(base, dims, n)
        n += 1
        if spec is None or not usable(spec):
            continue
        key = tuple(extent(spec, d) for d in sorted(dims))
        if key not in seen:
            seen.add(key)
            added.append(shape_text(spec))
    return tuple(added), ""

