"""The computational graph of a network (seed 004's picture), and Graphviz drawings of it.

``computational`` builds the graph (nodes, edges, local derivatives, values at
a point); ``graphviz`` writes it as DOT text and draws it with ``dot``.
"""

from .computational import Edge, Graph, GraphError, Node, computational_graph, edge_count, node_count
from .graphviz import render, to_dot

__all__ = ["Edge", "Graph", "GraphError", "Node", "computational_graph", "edge_count", "node_count", "render", "to_dot"]
