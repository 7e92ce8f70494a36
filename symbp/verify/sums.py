r"""Values built by running an index: sums, Dyda's bracket vectors, written-out matrices.

``\\sum_k`` runs k over its bounds or, without them, over the neurons of the
layer it indexes (every place must agree); ``[ … ]_{k=1,\\dots,n^{[l]}}`` and
``\\begin{pmatrix} first \\\\ \\vdots \\\\ last \\end{pmatrix}`` build a column
vector entry by entry. Their rules join ``context.RULES``.
"""

from __future__ import annotations

from ..algebra import Poly
from .cdots import expand_vector, pattern_end
from .context import RULES, Context, evaluate, slots
from .entries import entry_slots
from .nodes import Cdots, Comprehension, Entry, Layer, Matrix, Num, Partial, Quantity, Sum, latex_of, to_latex, walk
from .values import LayerOutOfRange, Mat, ShapeMismatch, Uninterpretable, _elementwise, _lift


def _sum(node: Sum, ctx: Context):
    var = node.var
    if var is None:
        raise Uninterpretable(f"{to_latex(node)}: a sum needs its index (write \\sum_k)")
    if var in ctx.bind and var not in getattr(ctx, "_summing", ()):
        if any(isinstance(q, Quantity) and q.layer is not None and q.layer.var == var for q in walk(node.body)):
            # Σ_l over neurons with l the layer of its own terms: the summation letter slipped, whatever the reading
            raise ShapeMismatch(f"{to_latex(node)}: the summation index {var} is already the layer variable {var} "
                                "of the formula")
        # Σ_k inside a formula free in k binds its own k in some texts and is a slip in others: not a refutation
        raise Uninterpretable(f"{to_latex(node)}: the summation index {var} is also a free index of the formula, "
                              f"so which {var} each place means is ambiguous (rename the summation index)")
    if node.upper is not None:
        lo = 1 if node.lower is None else node.lower
        hi = ctx.net.n(_upper_layer(node.upper, ctx, node))
        values = range(lo, hi + 1)
    else:
        values = index_range(var, node.body, ctx, to_latex(node))
    saved = ctx.bind.get(var)
    total = None
    ctx._summing = getattr(ctx, "_summing", ()) + (var,)
    try:
        for v in values:
            ctx.bind[var] = v
            term = evaluate(node.body, ctx)
            total = term if total is None else _elementwise(*_lift(total, term, "add", lambda: to_latex(node)), lambda x, y: x + y)
    finally:
        ctx._summing = ctx._summing[:-1]
        if saved is None:
            ctx.bind.pop(var, None)
        else:
            ctx.bind[var] = saved
    return total if total is not None else Poly()


def _comprehension(node: Comprehension, ctx: Context):
    var = node.var
    if var in ctx.bind:
        raise Uninterpretable(f"{to_latex(node)}: the index {var} is also a free index of the formula, so which "
                              f"{var} each place means is ambiguous (rename one)")
    hi = ctx.net.n(_upper_layer(node.upper, ctx, node))
    columns = [(None, None)]
    if node.columns is not None:
        cvar, clow, cup = node.columns
        if cvar in ctx.bind or cvar == var:
            raise Uninterpretable(f"{to_latex(node)}: the index {cvar} is also a free index of the formula, so "
                                  f"which {cvar} each place means is ambiguous (rename one)")
        columns = [(cvar, c) for c in range(clow, ctx.net.n(_upper_layer(cup, ctx, node)) + 1)]
    rows = []
    try:
        for v in range(node.lower, hi + 1):
            ctx.bind[var] = v
            row = []
            for cvar, c in columns:
                if cvar is not None:
                    ctx.bind[cvar] = c
                value = evaluate(node.body, ctx)
                if isinstance(value, Mat):
                    raise ShapeMismatch(f"{to_latex(node)}: each entry must be a number, got {value.shape}")
                row.append(value)
            rows.append(row)
    finally:
        ctx.bind.pop(var, None)
        if node.columns is not None:
            ctx.bind.pop(node.columns[0], None)
    return Mat(len(rows), len(columns), rows)


def _matrix(node: Matrix, ctx: Context):
    cells = list(node.entries)
    if any(isinstance(c, Cdots) for c in cells) and min(node.rows, node.cols) > 1:
        return _grid(node, cells, ctx)
    if any(isinstance(c, Cdots) for c in cells):
        cells = _vdots_vector(node, cells, ctx)
        rows, cols = (len(cells), 1) if node.cols == 1 else (1, len(cells))
    else:
        rows, cols = node.rows, node.cols
    values = [evaluate(c, ctx) for c in cells]
    if any(isinstance(v, Mat) for v in values):
        return _blocks(node, [values[r * cols:(r + 1) * cols] for r in range(rows)])
    return Mat(rows, cols, [values[r * cols:(r + 1) * cols] for r in range(rows)])


def _blocks(node: Matrix, grid: list) -> Mat:
    """A matrix written with vectors or matrices as its entries (Dyda's (1; a^{[l]}), the bias trick (w^l  b^l)):
    the blocks side by side and one under another, a number a 1×1 block. The blocks of a row must have one
    height, those of a column one width; else the matrix is ill-shaped."""
    what = to_latex(node)
    blocks = [[v if isinstance(v, Mat) else Mat(1, 1, [[v]]) for v in row] for row in grid]
    if any(b.variable_rows for row in blocks for b in row):
        raise Uninterpretable(f"{what}: a block that is itself an augmented vector (1; a) is not read")
    heights = [{b.rows for b in row} for row in blocks]
    widths = [{row[c].cols for row in blocks} for c in range(len(blocks[0]))]
    for r, h in enumerate(heights):
        if len(h) != 1:
            raise ShapeMismatch(f"{what}: the entries of row {r + 1} are blocks of different heights "
                                f"({', '.join(b.shape for b in blocks[r])})")
    for c, w in enumerate(widths):
        if len(w) != 1:
            raise ShapeMismatch(f"{what}: the entries of column {c + 1} are blocks of different widths "
                                f"({', '.join(row[c].shape for row in blocks)})")
    entries = [[v for b in row for v in b.entries[i]] for row in blocks for i in range(row[0].rows)]
    return Mat(len(entries), len(entries[0]), entries)


def _vdots_vector(node: Matrix, cells: list, ctx: Context) -> list:
    """(prefix…, first, second, …, ⋮, last): literal prefix, then the pattern from first to last."""
    if min(node.rows, node.cols) != 1 or len(cells) < 3 or not isinstance(cells[-2], Cdots) or any(
            isinstance(c, Cdots) for c in cells[:-2] + cells[-1:]):
        raise Uninterpretable(r"an ellipsis is read only in a vector written (first, …, \vdots, last)")
    written, last = cells[:-2], cells[-1]
    for p, first in enumerate(written):
        try:
            start, end = pattern_end(first, last)
        except Uninterpretable:
            continue
        count = ctx.index(end, 10**6, to_latex(node), start)
        pattern = expand_vector(first, last, start, count)
        if written[p:] != pattern[: len(written) - p]:
            raise Uninterpretable(f"{to_latex(node)}: the entries written before the ellipsis do not follow its pattern")
        return written[:p] + pattern
    raise Uninterpretable(f"{to_latex(node)}: no written entry before the ellipsis follows the pattern of the last one")


def _grid(node: Matrix, cells: list, ctx: Context):
    r"""A matrix written with ⋯, ⋮ and ⋱: a diagonal (σ'(z_1) … ⋱ … σ'(z_n), zeros or blanks elsewhere), or the
    corners pattern (w_{11} ⋯ w_{1n} / ⋮ ⋱ ⋮ / w_{m1} ⋯ w_{mn}), the entry (i, j) following its corners."""
    what = to_latex(node)
    r, c = node.rows, node.cols
    grid = [cells[i * c:(i + 1) * c] for i in range(r)]
    first, last = grid[0][0], grid[-1][-1]
    if first is None or last is None or isinstance(first, Cdots) or isinstance(last, Cdots):
        raise Uninterpretable(f"{what}: a matrix with ellipses needs its first and last entries written")
    others = [x for i, row in enumerate(grid) for j, x in enumerate(row) if (i, j) not in ((0, 0), (r - 1, c - 1))]
    diagonal = any(isinstance(x, Cdots) and x.kind == "ddots" for x in cells) and all(
        x is None or isinstance(x, Cdots) or (isinstance(x, Num) and x.value == 0) for x in others)
    if diagonal:
        start, end = pattern_end(first, last)
        n = ctx.index(end, 10**6, what, start)
        values = [evaluate(e, ctx) for e in expand_vector(first, last, start, n)]
        k = len(values)
        return Mat(k, k, [[values[i] if i == j else Poly() for j in range(k)] for i in range(k)])
    shape = [[type(x).__name__ if isinstance(x, Cdots) else "x" for x in row] for row in grid]
    if (r, c) != (3, 3) or shape[0][1] != "Cdots" or shape[1][0] != "Cdots" or shape[1][1] != "Cdots" \
            or shape[1][2] != "Cdots" or shape[2][1] != "Cdots":
        raise Uninterpretable(f"{what}: a matrix with ellipses is read as a diagonal (with ⋱ and zeros) or as "
                              "first ⋯ last / ⋮ ⋱ ⋮ / first ⋯ last")
    (c0, cend), (r0, rend) = pattern_end(grid[0][0], grid[0][2]), pattern_end(grid[0][0], grid[2][0])
    ncols, nrows = ctx.index(cend, 10**6, what, c0), ctx.index(rend, 10**6, what, r0)
    top = expand_vector(grid[0][0], grid[0][2], c0, ncols)
    bottom = expand_vector(grid[2][0], grid[2][2], c0, ncols)
    if len(top) != len(bottom):
        raise Uninterpretable(f"{what}: the first and last rows do not follow one pattern")
    columns = [expand_vector(t, b, r0, nrows) for t, b in zip(top, bottom)]
    values = [[evaluate(columns[j][i], ctx) for j in range(len(columns))] for i in range(len(columns[0]))]
    if any(isinstance(v, Mat) for row in values for v in row):
        raise ShapeMismatch(f"{what}: every entry of a written-out matrix must be a number")
    return Mat(len(values), len(values[0]), values)


def _upper_layer(layer: Layer, ctx: Context, node) -> int:
    l = ctx.layer(layer, latex_of(node))
    if not (1 <= l <= ctx.net.L):
        raise LayerOutOfRange(f"{latex_of(node)} sums over layer {layer.latex()}, which does not exist")
    return l


def index_range(var: str, body, ctx: Context, what: str) -> range:
    """The values of index ``var`` from where it stands in ``body`` (all places must agree)."""
    found = None
    for node in walk(body):
        if isinstance(node, Sum) and node.var == var:
            break
        if isinstance(node, (Quantity,)):
            qs = [slots(node, ctx)]
        elif isinstance(node, Partial):
            qs = [slots(node.num, ctx), slots(node.den, ctx)]
        elif isinstance(node, Entry):  # ((a^L - y)_j)^2: j runs over the entries of the bracket
            qs = [entry_slots(node, ctx)]
        else:
            continue
        for places in qs:
            for idx, lo, n, where in places:
                if idx.name != var:
                    continue
                if found is None:
                    found = (lo, n, where)
                elif (lo, n) != found[:2]:
                    raise ShapeMismatch(
                        f"the index {var} runs over {found[0]}..{found[1]} in {found[2]} but over {lo}..{n} in "
                        f"{where} (network {list(ctx.net.sizes)}): the shapes do not match"
                    )
    if found is None:
        raise Uninterpretable(f"{what}: the index {var} does not appear, so its range is unknown")
    return range(found[0], found[1] + 1)


RULES.update({Sum: _sum, Comprehension: _comprehension, Matrix: _matrix})
