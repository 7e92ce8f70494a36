"""The computational graph of a network (the computational-graph notes' picture), and Graphviz drawings of it.

``computational`` builds the graph (nodes, edges, local derivatives, values at
a point); ``graphviz`` writes it as DOT text and draws it with ``dot``.
"""

from .computational import Edge, Graph, GraphError, Node, computational_graph, edge_count, node_count
from .graphviz import render, svg, to_dot

# A notebook draws a Graph with Graphviz. ``computational`` cannot import ``graphviz`` (which builds on it),
# so the method is attached here, where both are known.
Graph._repr_svg_ = svg

__all__ = ["Edge", "Graph", "GraphError", "Node", "computational_graph", "edge_count", "node_count", "render", "svg", "to_dot"]
