"""``symbp verify --layer KIND FORMULA``: a formula about a layer, in the notation of the layer documents.

    symbp verify --layer batchnorm '\\frac{\\partial L}{\\partial \\gamma} = \\sum_i g_i \\hat x_i'
    symbp verify --layer rnn '\\delta_t = \\varphi'"'"'(a_t) \\odot (g_t + W_{hh}^{\\mathsf T} \\delta_{t+1})'
"""

from __future__ import annotations

import json
import sys
import textwrap

from ..errors import SpecError
from .common import check_budget, error_paragraph


def run(args) -> int:
    from ..verify.layer_check import verify_layer

    if args.formula is None or args.notes or args.formula == "-":
        raise SpecError("--layer checks one formula given on the command line (--notes is for networks)")
    if args.report or args.junit or getattr(args, "strict", False):
        raise SpecError("--report, --junit and --strict go with --notes; --layer checks one formula")
    # Options about networks say nothing to a layer formula; ignored, they would seem to have been applied.
    ignored = [f"--{name.replace('_', '-')}" for name in ("notation", "activation", "cost", "sizes", "cross_check")
               if getattr(args, name, None) is not None]
    if args.one_hot and args.layer.strip().lower() != "softmax-ce":
        ignored.append("--one-hot")
    if ignored:
        raise SpecError(f"{', '.join(ignored)} {'does' if len(ignored) == 1 else 'do'} not apply to a formula about a "
                        "layer: --layer checks it on the layer's own definition (docs/layers.md); leave "
                        f"{'it' if len(ignored) == 1 else 'them'} out")
    check_budget(args.budget)
    result = verify_layer(args.layer, args.formula, budget=args.budget)
    if args.json:
        print(json.dumps([result.to_dict()], ensure_ascii=False, indent=2))
    elif result.status in ("unreadable", "uninterpretable"):
        what = "cannot read the formula" if result.status == "unreadable" else "cannot interpret the formula"
        print(error_paragraph(f"{what}: {result.reason}"), file=sys.stderr)
    else:
        print(describe(result))
    return result.exit_code


def describe(r) -> str:
    out = [f"{r.status} ({r.layer})", textwrap.fill(r.reason, width=100, subsequent_indent="  ")]
    cx = r.counterexample
    if cx is not None and not cx.reason:
        out.append(f"counterexample: {cx.instance}")
        out.append(f"  ground truth = {cx.lhs}")
        out.append(f"  the formula  = {cx.rhs}")
        if cx.activation:
            out.append(f"  activation: {cx.activation}")
        out.append(textwrap.fill("point: " + ", ".join(f"{k} = {v}" for k, v in cx.point.items()), width=100,
                                 initial_indent="  ", subsequent_indent="    "))
        if r.oracle:
            out.append(textwrap.fill(r.oracle, width=100, initial_indent="  ", subsequent_indent="    "))
    elif cx is not None:
        out.append(f"  {cx.reason}")
    return "\n".join(out)
