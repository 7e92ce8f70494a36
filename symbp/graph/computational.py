r"""A concrete network as a computational graph (seed 004's picture).

Seed 004 teaches backpropagation as a walk back through a graph: every node
(z^l_j, a^l_j, the cost) knows its forward value, every edge carries its
*local* derivative (∂z^l_j/∂a^{l-1}_k = w^l_{jk}, ∂a^l_j/∂z^l_j = σ'(z^l_j),
∂C/∂a^L_j), "and all the rest is obtained by a pass through the graph".

``computational_graph`` builds that graph for a ``Network``. With a point
(exact rationals for x, y, w, b, given or drawn at random) each node also
carries its forward value and its gradient ∂C/∂(node). The gradients come
from the ground truth (``derive.GroundTruth``, forward-mode differentiation of
the definitions) evaluated at the point, never from a backward pass of ours,
so the picture can be used to *check* a backward pass. ``to_dot`` writes
Graphviz text; ``render`` calls Graphviz's ``dot`` for SVG/PNG/PDF.

>>> from symbp.network import network
>>> g = computational_graph(network([2, 3, 1], "sigmoid", "cross-entropy"), point="random")
>>> len(g.nodes), len(g.edges)
(11, 14)
>>> [n.id for n in g.nodes if n.kind == "z"]
['z2_1', 'z2_2', 'z2_3', 'z3_1']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import sympy

from ..derive import Budget, BudgetExceeded, GroundTruth, from_sympy
from ..errors import SpecError
from ..network import Network
from ..notation import Notation, profile
from ..point import Point, atom_values, cost_digits, evaluate, make_point

#: Past this many nodes (or edges) a neuron-level picture is unreadable; collapse layers.
MAX_NODES = 200
MAX_EDGES = 400
#: Values at a point come from the exact ground truth, whose polynomials grow
#: fast with size: [6,8,8,4] (164 parameters) takes ~20 s, [10,20,20,5] runs
#: out of a minute and 2 GB. Past this many parameters, draw without values.
MAX_POINT_PARAMETERS = 200


class GraphError(SpecError):
    """A graph that cannot be built or written (too large, bad output path)."""


@dataclass(frozen=True)
class Node:
    """One node: ``kind`` is "x", "z", "a" or "C"; ``index`` is None when collapsed.

    ``value`` and ``grad`` are mpmath numbers (tuples of them for a collapsed
    layer), or None without a point.
    """

    id: str
    kind: str
    layer: int | None
    index: int | None
    value: object = None
    grad: object = None


@dataclass(frozen=True)
class Edge:
    """tail → head, labelled with the local derivative ∂head/∂tail.

    ``local`` names it: ("w", l, j, k), ("sigma_prime", l, j),
    ("softmax", i, j) for ∂a^L_j/∂z^L_i, ("nabla_a", j), or for a collapsed
    graph ("W", l), ("Sigma_prime", l), ("softmax_jacobian",), ("nabla_a_C",).
    ``param`` is the weight the edge carries (a → z edges) and ``param_grad``
    its ∂C/∂w from the ground truth.
    """

    tail: str
    head: str
    local: tuple
    local_value: object = None
    param: tuple | None = None
    param_grad: object = None


@dataclass(frozen=True)
class Graph:
    network: Network
    notation: Notation
    nodes: tuple
    edges: tuple
    point: Point | None = None
    collapsed: bool = False
    bias_grads: Mapping = field(default_factory=dict)

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def out_edges(self, node_id: str) -> list:
        return [e for e in self.edges if e.tail == node_id]


def node_count(net: Network) -> int:
    """Nodes of the neuron-level graph: inputs, z and a of every layer, the cost."""
    return net.n(1) + 2 * sum(net.n(l) for l in net.layers) + 1


def edge_count(net: Network) -> int:
    """Edges of the neuron-level graph: weights, activations (softmax: n²), cost inputs."""
    out = net.n(net.L)
    for l in net.layers:
        out += net.n(l) * net.n(l - 1)
        out += net.n(l) ** 2 if (l == net.L and net.output_softmax) else net.n(l)
    return out


def node_id(kind: str, l: int | None = None, j: int | None = None) -> str:
    if kind == "C":
        return "C"
    if kind == "x" and j is not None:
        return f"x_{j}"
    if j is None:
        return f"{kind}{l}" if kind != "x" else "x"
    return f"{kind}{l}_{j}"


def computational_graph(
    net: Network,
    *,
    notation: "str | Notation" = "nielsen",
    point: "str | Point | Mapping | None" = None,
    seed: int = 0,
    collapse: bool = False,
    budget_seconds: float | None = 60.0,
    max_nodes: int = MAX_NODES,
) -> Graph:
    """The computational graph of ``net`` (one sample), with values at ``point``.

    ``point`` is None (labels only), ``"random"`` (exact rationals drawn with
    ``seed``), a mapping {("w", 2, 1, 1): Fraction(1, 2), ...} (the rest random)
    or a ``Point``. ``collapse`` draws one node per layer (matrix-valued).
    """
    notation = profile(notation)
    if net.batch != 1:
        raise GraphError(f"a graph draws one sample; the network {net.label()} has a mini-batch of {net.batch}")
    if not collapse and node_count(net) > max_nodes:
        raise GraphError(
            f"the network {net.label()} has {node_count(net)} nodes (inputs, z and a of every neuron, the cost), "
            f"past {max_nodes}, too many to draw legibly; use --collapse-layers for one node per layer"
        )
    if not collapse and edge_count(net) > MAX_EDGES:
        raise GraphError(
            f"the network {net.label()} has {edge_count(net)} edges (one per weight), past {MAX_EDGES}, "
            "too many labels to draw legibly; use --collapse-layers for one node per layer"
        )
    pt = None
    if point is not None and not (isinstance(point, str) and point == "none"):
        if net.parameter_count > MAX_POINT_PARAMETERS:
            raise GraphError(
                f"values at a point come from the exact ground truth, practical up to {MAX_POINT_PARAMETERS} "
                f"parameters; {net.label()} has {net.parameter_count}. Draw it without values (--point none)"
            )
        pt = make_point(net, point, seed=seed)
    if collapse and pt is None:
        # Nothing per neuron to compute: a collapsed picture of any size is cheap.
        nodes, edges = _collapse(net, None)
        return Graph(net, notation, tuple(nodes), tuple(edges), None, True, {})
    try:
        digits = cost_digits(net, pt) if pt is not None else 0
        nodes, edges, bias_grads = _build(net, pt, Budget(budget_seconds), digits)
    except BudgetExceeded as exc:
        raise GraphError(
            f"the ground truth of {net.label()} at the point ran out of budget ({exc}); "
            "draw it without values (--point none) or take a smaller network"
        ) from None
    if collapse:
        nodes, edges = _collapse(net, nodes)
    return Graph(net, notation, tuple(nodes), tuple(edges), pt, collapse, bias_grads)


def _build(net: Network, pt: Point | None, budget: Budget, digits: int):
    # ``digits``: the working precision ``cost_digits`` chose (saturated cross-entropy outputs need more).
    model = net.atoms
    gt = GroundTruth(net, budget)
    vals = atom_values(net, pt, digits) if pt is not None else None
    L, s = net.L, 1

    def at(element):
        return None if vals is None else evaluate(element, vals, digits)

    def grad(seed):
        if vals is None:
            return None
        if seed[0] == "a" and seed[2] == L and net.output_softmax:
            return at(_softmax_output_gradient(net, seed[3]))
        return at(gt.d_cost(seed))

    nodes, edges, bias_grads = [], [], {}
    for k in range(1, net.n(1) + 1):
        value = None if pt is None else pt.values[("x", s, k)]
        nodes.append(Node(node_id("x", 1, k), "x", 1, k, value, grad(("x", s, k))))
    for l in net.layers:
        for j in range(1, net.n(l) + 1):
            z = model.Z[s][l][j - 1]
            nodes.append(Node(node_id("z", l, j), "z", l, j, at(z), grad(("z", s, l, j))))
            for k in range(1, net.n(l - 1) + 1):
                # The local derivative straight from z's definition: ∂z^l_j/∂a^{l-1}_k.
                tail = model.A[s][l - 1][k - 1]
                local = z.diff(next(iter(tail.gens())))
                edges.append(
                    Edge(node_id("x" if l == 2 else "a", l - 1, k), node_id("z", l, j), ("w", l, j, k),
                         at(local), ("w", l, j, k), grad(("w", l, j, k)))
                )
            if vals is not None:
                bias_grads[(l, j)] = grad(("b", l, j))
        softmax = l == L and net.output_softmax
        for j in range(1, net.n(l) + 1):
            a = model.A[s][l][j - 1]
            nodes.append(Node(node_id("a", l, j), "a", l, j, at(a), grad(("a", s, l, j))))
            if softmax:
                for i in range(1, net.n(l) + 1):
                    local = gt.d_node(a, ("z", s, l, i))
                    edges.append(Edge(node_id("z", l, i), node_id("a", l, j), ("softmax", i, j), at(local)))
            else:
                edges.append(Edge(node_id("z", l, j), node_id("a", l, j), ("sigma_prime", l, j),
                                  at(model.D[s][l][j - 1])))
    cost_value = None
    if vals is not None:
        cost_value = pt.cost_value(net, digits)
    nodes.append(Node("C", "C", None, None, cost_value, None if vals is None else 1))
    for j in range(1, net.n(L) + 1):
        edges.append(Edge(node_id("a", L, j), "C", ("nabla_a", j), grad(("a", s, L, j))))
    return nodes, edges, bias_grads


def _softmax_output_gradient(net: Network, j: int):
    # ∂C/∂a^L_j with C a function of a^L: the cost's own partial derivative.
    # GroundTruth.nabla_a gives 0 at a softmax output (seeding a^L_j does not
    # reach a^L, which is built from exp(z^L) atoms), so take it from the cost.
    model = net.atoms
    n = net.n(net.L)
    a_syms = [sympy.Symbol(f"_a{i}") for i in range(1, n + 1)]
    y_syms = [sympy.Symbol(f"_y{i}") for i in range(1, n + 1)]
    mapping = {a: model.A[1][net.L][i] for i, a in enumerate(a_syms)}
    mapping.update({y: model.target(i + 1, 1) for i, y in enumerate(y_syms)})
    return from_sympy(net.cost_entry.grad(a_syms, y_syms)[j - 1], mapping)


def _collapse(net: Network, nodes: list | None):
    """One node per layer: the neurons' values (if any) become tuples, the edges matrices."""
    by_id = {n.id: n for n in nodes} if nodes is not None else None

    def layer(kind, l, n):
        if by_id is None:
            return Node(node_id(kind, l), kind, l, None)
        members = [by_id[node_id(kind, l, j)] for j in range(1, n + 1)]
        value = None if members[0].value is None else tuple(m.value for m in members)
        grad = None if members[0].grad is None else tuple(m.grad for m in members)
        return Node(node_id(kind, l), kind, l, None, value, grad)

    out_nodes = [layer("x", 1, net.n(1))]
    out_edges = []
    for l in net.layers:
        out_nodes += [layer("z", l, net.n(l)), layer("a", l, net.n(l))]
        out_edges.append(Edge(node_id("x" if l == 2 else "a", l - 1), node_id("z", l), ("W", l)))
        local = ("softmax_jacobian",) if l == net.L and net.output_softmax else ("Sigma_prime", l)
        out_edges.append(Edge(node_id("z", l), node_id("a", l), local))
    out_nodes.append(by_id["C"] if by_id is not None else Node("C", "C", None, None))
    out_edges.append(Edge(node_id("a", net.L), "C", ("nabla_a_C",)))
    return out_nodes, out_edges
