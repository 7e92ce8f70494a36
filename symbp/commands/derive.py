"""``symbp derive``: print the ground-truth derivative of the cost."""

from __future__ import annotations

import argparse
import re

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
            plain = _in_profile(sympy.factor_terms(expr), profile, render)
            print(f"∂{_plain(profile.cost)}/∂{_plain(render.symbol_latex(str(name), profile) or str(name))} = {plain}")
    return EXIT_OK


_GREEK = {r"\sigma": "σ", r"\varphi": "φ", r"\phi": "φ", r"\langle": "⟨", r"\rangle": "⟩"}


def _plain(tex: str) -> str:
    """A symbol's LaTeX in plain text: ``w^{(2)}_{21}`` → ``w^(2)_21``, ``\\mathbf{L}`` → ``L``."""
    text = re.sub(r"\\(?:mathrm|mathbf|operatorname|boldsymbol)\s*", "", tex)
    for macro, letter in _GREEK.items():
        text = re.sub(re.escape(macro) + r"(?![A-Za-z])\s*", letter, text)
    return text.replace("{", "").replace("}", "")


def _in_profile(expr, profile, render) -> str:
    """``expr`` as SymPy's plain text with the network's symbols and σ named as ``profile`` writes them."""
    names = {s: sympy.Symbol(_plain(render.symbol_latex(s.name, profile) or s.name)) for s in expr.free_symbols}
    text = sympy.sstr(expr.xreplace(names))
    sigma = _plain(profile.sigma)
    return re.sub(r"\bsigma_prime\(", f"{sigma}'(", re.sub(r"\bsigma\(", f"{sigma}(", text))
