"""``symbp derive``: print the ground-truth derivative of the cost."""

from __future__ import annotations

import argparse

import sympy

from .common import EXIT_OK, add_network_arguments, network_from_args, with_examples


def register(sub) -> None:
    p = sub.add_parser(
        "derive", help="print ∂C/∂w or ∂C/∂b by direct differentiation (the ground truth)",
        description="Print the ground-truth derivative of the cost with respect to one weight or bias, obtained "
                    "by differentiating the composed cost (never by the backprop recursion).",
        epilog=with_examples(
            "symbp derive --sizes 2,3,2 --wrt 'w^2_{1,2}'",
            "symbp derive --sizes 2,3,2 --activation sigmoid --wrt 'b^3_1' --latex",
            "symbp derive --wrt 'w^3_{2,1}' --composed        # z^l_j replaced by its value",
            exits="0 printed; 2 bad input (one paragraph, no traceback); 70 an internal error (a bug in symbp)",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_network_arguments(p)
    p.add_argument("--wrt", required=True, action="append", metavar="PARAM",
                   help="parameter, e.g. 'w^2_{1,2}' or 'b^3_1' (repeatable)")
    p.add_argument("--latex", action="store_true", help="print LaTeX instead of plain text")
    p.add_argument("--composed", action="store_true", help="substitute z^l_j by its composed value")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import derive, notation
    from ..latex import render

    profile = notation.profile(args.notation)  # an unknown notation is bad input, before any work
    net = network_from_args(args)
    for wrt in args.wrt:
        key = derive._parameter_key(net, wrt)
        expr = derive.gradient(net, key)
        if args.composed:
            expr = derive.substitute_forward(net, expr)
        name = net.symbol(key)
        if args.latex:
            print(rf"\frac{{\partial {profile.cost}}}{{\partial {profile.quantity(str(name))}}} = {render.latex(expr, profile)}")
        else:
            print(f"∂C/∂{name} = {sympy.sstr(sympy.factor_terms(expr))}")
    return EXIT_OK
