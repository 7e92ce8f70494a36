r"""Graphviz text for a computational graph, and pictures by calling ``dot``.

The ``.dot`` text is written here, by hand: HTML-like labels give the
notation's superscripts and subscripts. Forward values print in black under a
node's name, gradients ∂C/∂(node) in red; an edge carries its local
derivative and, on a weight's edge, ∂C/∂w in red.

>>> from symbp.network import network
>>> from symbp.graph import computational_graph
>>> text = to_dot(computational_graph(network([1, 1], "sigmoid")))
>>> text.splitlines()[0]
'digraph symbp {'
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

from ..display.bignum import decimal, ratio
from ..files import write_atomic
from .computational import Graph, GraphError

#: Output formats: by file suffix.
PICTURE_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
TEXT_FORMATS = (".dot", ".gv")

GRAD_COLOUR = "#b2182b"
LOCAL_COLOUR = "#2166ac"

_GREEK = {
    "sigma": "σ", "delta": "δ", "varphi": "φ", "phi": "φ", "alpha": "α", "beta": "β",
    "theta": "θ", "eta": "η", "nabla": "∇", "ell": "ℓ", "mathcal": "",
}


def html_symbol(latex: str) -> str:
    r"""A profile's LaTeX base symbol as Graphviz HTML: ``\sigma`` → σ, ``\mathbf{L}`` → bold L."""
    text = re.sub(r"\\mathbf\{([^}]*)\}", r"<B>\1</B>", latex)
    text = re.sub(r"\\math(?:rm|it|sf|cal)\{([^}]*)\}", r"\1", text)
    return re.sub(r"\\([A-Za-z]+)", lambda m: _GREEK.get(m.group(1), m.group(1)), text)


_SUPER = str.maketrans("0123456789()+-=", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁼")
_SUB = str.maketrans("0123456789()+-=", "₀₁₂₃₄₅₆₇₈₉₍₎₊₋₌")


def _script(text: str, table: dict, tag: str) -> str:
    # Unicode super/subscript digits keep a label one line high; Graphviz's
    # <SUP>/<SUB> stack a superscript over a subscript and crowd the line
    # above (seen in the [3,4,2] picture). Characters without a Unicode
    # script form (letters, brackets, commas) fall back to the HTML tags.
    if all(ord(c) in table for c in text):
        return text.translate(table)
    return f"<{tag}>{text}</{tag}>"


def _q(base: str, sup: "str | int | None" = None, sub: "str | int | None" = None) -> str:
    out = base
    if sup not in (None, ""):
        out += _script(str(sup), _SUPER, "SUP")
    if sub not in (None, ""):
        out += _script(str(sub), _SUB, "SUB")
    return out


def number(v, digits: int = 4) -> str:
    """A value as short text: exact fractions stay exact, others to ``digits`` figures."""
    if v is None:
        return ""
    if isinstance(v, (Fraction, int)):
        text = ratio(v)  # past bignum.SHOWN_DIGITS digits abbreviated: ≈ 1.00e4301 (Python prints no more)
    elif v == 0:
        text = "0"
    else:
        text = decimal(v, digits, min_fixed=-4, max_fixed=5)  # nstr, but never hours on e^(−10^10000)
        if text.endswith(".0"):
            text = text[:-2]  # 1.0 → 1: the point's weights are exact
    return text.replace("-", "−")


class _Names:
    """Node and edge names in one notation profile, as HTML."""

    def __init__(self, graph: Graph):
        self.n = graph.notation
        self.net = graph.network

    def layer(self, l: int) -> str:
        return self.n.layer(l)

    def node(self, kind: str, l, j) -> str:
        names = self.n.names
        if kind == "C":
            return html_symbol(names["cost"])
        if kind == "x":
            return _q(html_symbol(names["input"]), None, j)
        return _q(html_symbol(names[kind]), self.layer(l), j)

    def weight(self, l: int, j: int, k: int) -> str:
        p, q = self.n.weight_index(j, k)
        return _q(html_symbol(self.n.names["weight"]), self.layer(l), self.n.index_separator.join((str(p), str(q))))

    def bias(self, l: int, j: int) -> str:
        if self.n.bias_column:
            p, q = self.n.weight_index(j, 0)
            return _q(html_symbol(self.n.names["weight"]), self.layer(l), self.n.index_separator.join((str(p), str(q))))
        return _q(html_symbol(self.n.names["bias"]), self.layer(l), j)

    def partial(self, top: str, bottom: str) -> str:
        return f"∂{top}/∂{bottom}"

    def local(self, local: tuple) -> str:
        kind = local[0]
        sigma = html_symbol(self.n.names["activation"])
        L = self.net.L
        if kind == "w":
            return self.weight(*local[1:])
        if kind == "sigma_prime":
            _, l, j = local
            return f"{sigma}′({self.node('z', l, j)})"
        if kind == "softmax":
            _, i, j = local
            return self.partial(self.node("a", L, j), self.node("z", L, i))
        if kind == "nabla_a":
            return self.partial(self.node("C", None, None), self.node("a", L, local[1]))
        if kind == "W":
            l = local[1]
            rows, cols = (self.net.n(l), self.net.n(l - 1))
            if self.n.vectors == "row":
                rows, cols = cols, rows
            return f"{_q(html_symbol(self.n.names['weight_matrix']), self.layer(l))} ({rows}×{cols})"
        if kind == "Sigma_prime":
            l = local[1]
            return f"diag {sigma}′({_q(html_symbol(self.n.names['z']), self.layer(l))})"
        if kind == "softmax_jacobian":
            return f"∂{_q(html_symbol(self.n.names['a']), self.layer(L))}/∂{_q(html_symbol(self.n.names['z']), self.layer(L))}"
        if kind == "nabla_a_C":
            return f"∇<SUB>{html_symbol(self.n.names['a'])}</SUB>{html_symbol(self.n.names['cost'])}"
        raise AssertionError(f"no label for the local derivative {local!r}")


def _vector(values, limit: int = 4) -> str:
    shown = [number(v, 3) for v in values[:limit]]
    if len(values) > limit:
        shown.append("…")
    return "(" + ", ".join(shown) + ")"


def _node_label(names: _Names, graph: Graph, node) -> str:
    net = graph.network
    cost = html_symbol(names.n.names["cost"])
    if graph.collapsed and node.kind != "C":
        n = net.n(node.layer)
        symbol = (
            html_symbol(names.n.names["input"]) if node.kind == "x"
            else _q(html_symbol(names.n.names[node.kind]), names.layer(node.layer))
        )
        shape = f"1×{n}" if names.n.vectors == "row" else f"{n}×1"
        lines = [f"{symbol} ∈ ℝ<SUP>{shape}</SUP>"]
        if node.value is not None:
            lines.append(f"= {_vector(node.value)}")
        if node.grad is not None:
            lines.append(f'<FONT COLOR="{GRAD_COLOUR}">∂{cost}/∂{symbol} = {_vector(node.grad)}</FONT>')
        return "<BR/>".join(lines)
    symbol = names.node(node.kind, node.layer, node.index)
    lines = [f"<B>{symbol}</B>" if node.kind == "C" else symbol]
    if node.value is not None:
        lines[0] += f" = {number(node.value)}"
    if node.kind == "z" and graph.point is not None:
        bias = graph.point.values[("b", node.layer, node.index)]
        lines.append(f"({names.bias(node.layer, node.index)} = {number(bias)})")
    if node.kind == "C" and graph.point is not None:
        ys = ", ".join(number(graph.point.values[("y", 1, j)]) for j in range(1, net.n(net.L) + 1))
        lines.append(f"{html_symbol(names.n.names['target'])} = ({ys})")
    if node.grad is not None and node.kind != "C":
        lines.append(f'<FONT COLOR="{GRAD_COLOUR}">{names.partial(cost, symbol)} = {number(node.grad)}</FONT>')
    return "<BR/>".join(lines)


def _edge_label(names: _Names, graph: Graph, edge) -> str:
    text = names.local(edge.local)
    if edge.local_value is not None:
        text += f" = {number(edge.local_value)}"
    lines = [f'<FONT COLOR="{LOCAL_COLOUR}">{text}</FONT>']
    if edge.param_grad is not None:
        cost = html_symbol(names.n.names["cost"])
        lines.append(f'<FONT COLOR="{GRAD_COLOUR}">{names.partial(cost, names.weight(*edge.param[1:]))} = '
                     f"{number(edge.param_grad)}</FONT>")
    return "<BR/>".join(lines)


def to_dot(graph: Graph) -> str:
    """The graph as Graphviz text: left to right, one column (rank) per quantity."""
    names = _Names(graph)
    net = graph.network
    cost = html_symbol(graph.notation.names["cost"])
    title = f"{net.label()}, notation {graph.notation.name}. Blue, on each edge: the local derivative ∂head/∂tail"
    if graph.point is not None:
        title += f". Red: ∂{cost}/∂(·) from the ground truth at the point"
    title = title.replace("<B>", "").replace("</B>", "")
    lines = [
        "digraph symbp {",
        "  rankdir=LR; newrank=true; nodesep=0.35; ranksep=1.1;",
        f'  label="{title}"; labelloc=t; fontname="Helvetica"; fontsize=12;',
        '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11, margin="0.12,0.06"];',
        '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.6, color="#555555"];',
    ]
    columns: dict = {}
    for node in graph.nodes:
        shape = ', shape=ellipse' if node.kind == "C" else ""
        lines.append(f"  {node.id} [label=<{_node_label(names, graph, node)}>{shape}];")
        columns.setdefault((node.kind, node.layer), []).append(node.id)
    for members in columns.values():
        if len(members) > 1:
            # Same column, kept in neuron order (1 at the top) by invisible edges.
            chain = " -> ".join(members)
            lines.append(f"  {{ rank=same; {chain} [style=invis]; }}")
    for edge in graph.edges:
        # decorate: a thin line ties each label to its own edge, which matters
        # where the edges of a full layer cross.
        lines.append(f"  {edge.tail} -> {edge.head} [label=<{_edge_label(names, graph, edge)}>, decorate=true];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- writing files -------------------------------------------------------------


def _check_target(path: Path) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise GraphError(f"cannot write {str(path)!r}: the folder {str(parent)!r} does not exist")
    if path.is_dir():
        raise GraphError(f"cannot write {str(path)!r}: it is a folder")
    if not os.access(parent, os.W_OK):
        raise GraphError(f"cannot write {str(path)!r}: the folder {str(parent)!r} is not writable")


def dot_binary() -> str | None:
    """The path of Graphviz's ``dot``, or None when it is not installed."""
    return shutil.which("dot")


def svg(graph: Graph, *, dot: str | None = None) -> "str | None":
    """The graph drawn by Graphviz as SVG text, or None when ``dot`` is not installed (or fails).

    Notebooks show a ``Graph`` through this (``Graph._repr_svg_``); None lets them fall back to text.
    """
    dot = dot or dot_binary()
    if dot is None:
        return None
    try:
        done = subprocess.run([dot, "-Tsvg"], input=to_dot(graph).encode("utf-8"), capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8") if done.returncode == 0 and done.stdout else None


def render(graph: Graph, out: "str | Path", *, dot: str | None = None) -> Path:
    """Write ``graph`` to ``out`` (.svg, .png, .pdf via ``dot``; .dot/.gv as text).

    Returns the path written. When a picture is asked for and Graphviz is not
    installed, writes the ``.dot`` text next to it instead and returns that
    path. Nothing is half-written: every file goes through a temporary file
    and ``os.replace``.
    """
    path = Path(out)
    if path.is_dir():
        raise GraphError(f"cannot write {str(path)!r}: it is a folder; name a file ending in .svg, .png, .pdf or .dot")
    suffix = path.suffix.lower()
    if suffix not in PICTURE_FORMATS and suffix not in TEXT_FORMATS:
        raise GraphError(
            f"cannot tell the format of {str(path)!r}: end it with .svg, .png, .pdf or .dot"
        )
    _check_target(path)
    text = to_dot(graph)
    if suffix in TEXT_FORMATS:
        write_atomic(path, text, what="the graph")
        return path
    dot = dot or dot_binary()
    if dot is None:
        fallback = path.with_suffix(".dot")
        _check_target(fallback)
        write_atomic(fallback, text, what="the graph")
        return fallback
    try:
        done = subprocess.run(
            [dot, f"-T{PICTURE_FORMATS[suffix]}"], input=text.encode("utf-8"), capture_output=True, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GraphError(f"Graphviz ({dot}) could not draw {str(path)!r}: {exc}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise GraphError(f"Graphviz ({dot}) could not draw {str(path)!r}: {message}")
    write_atomic(path, done.stdout, what="the graph")
    return path
