"""``symbp graph``: draw a network as a computational graph (as the computational-graph notes do).

    symbp graph --sizes 2,3,1 --activation sigmoid --cost cross-entropy --point random --out graph.svg
    symbp graph --sizes 2,3,1 --out graph.dot
    symbp graph --sizes 784,30,10 --collapse-layers --out mnist.svg
"""

from __future__ import annotations

import argparse
import sys

from ..errors import SpecError
from ..point import exact_value
from .common import with_examples


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "graph",
        help="draw a network as a computational graph with local derivatives",
        description=(
            "Draw a concrete network as a computational graph: one node per z, a and the cost, each edge "
            "labelled with its local derivative. With --point, forward values and the gradients dC/d(node) "
            "from the ground truth. .svg/.png/.pdf need Graphviz's `dot`; without it the .dot text is written."
        ),
        epilog=with_examples(
            "symbp graph --sizes 2,3,1 --activation sigmoid --cost cross-entropy --point random --out graph.svg",
            "symbp graph --sizes 2,3,1 --set 'w^2_{1,2}=1/2' --out graph.svg   # one leaf fixed",
            "symbp graph --sizes 784,30,10 --collapse-layers --out mnist.svg",
            exits="0 the picture was written; 2 bad input (one paragraph, no traceback); "
                  "70 an internal error (a bug in symbp)",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--sizes", default="2,3,1", help="layer sizes, input first (default: 2,3,1, the logistic classifier of the computational-graph notes)")
    p.add_argument("--activation", default="sigmoid", help="one activation, or one per layer (default: sigmoid)")
    p.add_argument("--cost", default="cross-entropy", help="cost (default: cross-entropy)")
    p.add_argument("--notation", default="nielsen", help="notation profile (nielsen, rowvector, ...)")
    p.add_argument(
        "--point", default="none", help="'random' for values at an exact random point, 'none' for labels only"
    )
    p.add_argument(
        "--set", action="append", default=[], metavar="LEAF=VALUE",
        help="fix one leaf of the point, e.g. --set 'w^2_{1,2}=1/2' --set x_1=0.3 (repeatable; implies a point)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed of the point (default: 0)")
    p.add_argument("--collapse-layers", action="store_true", help="one node per layer (matrix-valued)")
    p.add_argument("--out", required=True, help="output file: .svg, .png, .pdf or .dot")
    p.set_defaults(func=run)


def _fixed_leaves(items: list[str]) -> dict:
    out = {}
    for item in items:
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise SpecError(f"--set takes LEAF=VALUE, like 'w^2_{{1,2}}=1/2', got {item!r}")
        # numbers only, within 10^±10000 and 1000 digits (``point.exact_value``): 1e1000000 ran for minutes
        out[name.strip()] = exact_value(value.strip(), f"--set {item!r}: the value")
    return out


def run(args: argparse.Namespace) -> int:
    from ..graph.computational import computational_graph
    from ..graph.graphviz import render
    from ..network import network, parse_sizes

    from pathlib import Path

    from ..files import check_output

    check_output(args.out, what="the picture", inputs=[args.notation if Path(args.notation).is_file() else None])
    net = network(parse_sizes(args.sizes), activation=args.activation, cost=args.cost, batch=1)
    if args.point not in ("none", "random"):
        raise SpecError(f"--point is 'random' or 'none', got {args.point!r}; fix single leaves with --set")
    fixed = _fixed_leaves(args.set)
    point = fixed if fixed else (None if args.point == "none" else "random")
    graph = computational_graph(
        net, notation=args.notation, point=point, seed=args.seed, collapse=args.collapse_layers
    )
    written = render(graph, args.out)
    if str(written) != str(args.out):
        print(
            f"symbp: Graphviz's `dot` is not installed, so {args.out} could not be drawn; "
            f"wrote the Graphviz text to {written} instead (install the graphviz package to draw it)",
            file=sys.stderr,
        )
    print(f"wrote {written}: {len(graph.nodes)} nodes, {len(graph.edges)} edges")
    return 0
