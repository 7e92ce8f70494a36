"""``symbp latex``: proof documents and worked examples as LaTeX, in a notation.

    symbp latex --notation nielsen --out bp.tex          # the whole catalogue
    symbp latex --notation sokolinsky --identity BP2 --pdf
    symbp latex --sizes 2,3,2 --activation sigmoid --worked-example --out example.tex
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import SpecError
from ..files import check_output, write_atomic
from .latex_layers import build as build_layers, wanted as layers_wanted
from .common import EXIT_OK, check_budget, with_examples


def register(sub) -> None:
    p = sub.add_parser(
        "latex", help="write the derivations (or a worked example) as a LaTeX document",
        description="Write proof documents as LaTeX in a notation: the whole catalogue (with a table of "
                    "contents), one identity, or a worked example with numbers. Every line of a proof is a step "
                    "the prover checked; a refuted or undecided identity shows its verdict, never a proof.",
        epilog=with_examples(
            "symbp latex --notation nielsen --out bp.tex                 # the whole catalogue",
            "symbp latex --notation sokolinsky --identity BP2 --pdf      # one identity, compiled",
            "symbp latex --sizes 2,3,2 --activation sigmoid --worked-example --out example.tex",
            exits="0 the document was written; 2 bad input (one paragraph, no traceback); "
                  "70 an internal error (a bug in symbp)",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--notation", default="nielsen",
                   help="nielsen, sokolinsky, dyda, or a profile's TOML file (default nielsen)")
    p.add_argument("--identity", action="append", metavar="NAME",
                   help="one identity's document (repeatable; default: the whole catalogue)")
    p.add_argument("--out", metavar="FILE.tex", help="where to write (default: standard output; with --pdf, NAME-NOTATION.tex)")
    p.add_argument("--pdf", action="store_true", help="also compile the document with pdflatex (or latexmk)")
    p.add_argument("--worked-example", action="store_true",
                   help="a worked example with numbers on the network given by --sizes/--activation/--cost")
    p.add_argument("--sizes", help="layer sizes, input first: prove (or work the example) on this network")
    p.add_argument("--activation", help="sigmoid, tanh, relu, softplus, identity, generic (default generic; sigmoid for --worked-example)")
    p.add_argument("--cost", help="quadratic, mean-quadratic, cross-entropy, softmax-cross-entropy (default quadratic)")
    p.add_argument("--one-hot", action="store_true", help="assume Σ_k y_k = 1 (softmax-cross-entropy)")
    p.add_argument("--seed", type=int, default=0, help="seed of the worked example's numbers (default 0)")
    p.add_argument("--budget", type=float, default=60.0, metavar="SECONDS", help="time budget per identity (default 60)")
    p.add_argument("--layer", metavar="KIND", help="the document of a layer kind (conv2d, batchnorm, rnn, ...; see symbp prove --list)")
    p.add_argument("--shape", metavar="KEY=VALUE,...", help="prove the layer identities on this shape, e.g. stride=2,input=5x5")
    p.set_defaults(func=run)


def _notation(value: str):
    from .. import notation

    if value.endswith(".toml") or Path(value).is_file():
        return notation.load(value)
    return notation.profile(value)


def _network(args, default_activation: str):
    from ..network import network, parse_sizes

    return network(
        parse_sizes(args.sizes or "2,3,2"), args.activation or default_activation, args.cost or "quadratic",
        one_hot=args.one_hot,
    )


def build(args) -> tuple[str, str, list]:
    """The document, a default file stem and the certificates in it, from the parsed arguments."""
    from .. import identities
    from ..latex import catalogue, document, worked, worked_page
    from ..prove import prove

    p = _notation(args.notation)
    if layers_wanted(args):  # the layers have one notation of their own (see docs/layers.md)
        return build_layers(args)
    if args.worked_example:
        if args.identity:
            raise SpecError("--worked-example and --identity do not go together: a worked example covers the whole network")
        net = _network(args, "sigmoid")
        ex = worked.worked_example(net, seed=args.seed)
        stem = f"worked-{'-'.join(map(str, net.sizes))}-{net.activations[0]}-{p.name}"
        return worked_page.worked_document(ex, p), stem, []
    if args.sizes or args.activation or args.cost or args.one_hot:
        net = _network(args, "generic")
        certs = [prove(i, _within_assumption(i, net), budget=args.budget)
                 for i in identities.applicable(net, args.identity)]
    else:
        grouped = catalogue.groups(args.identity, budget=args.budget)
        certs = [c for cs in grouped.values() for c in cs]
        if len(grouped) == 1 and certs:
            (name,) = grouped
            return document.identity_document(certs, p, name=name), f"{_slug(name)}-{p.name}", certs
        return document.catalogue_document(grouped, p), f"catalogue-{p.name}", certs
    if args.identity and len({c.identity for c in certs}) == 1:
        return document.identity_document(certs, p), f"{_slug(certs[0].identity)}-{p.name}", certs
    return document.catalogue_document(certs, p), f"catalogue-{p.name}", certs


def _within_assumption(ident, net):
    # softmax-ce-one-hot states δ^L = a^L − y *when* Σ_k y_k = 1: checked on targets that
    # break its own hypothesis it would print a "counterexample" that is none (rv45 B5), so
    # it is checked on the same network with one-hot targets, which the network line says.
    if ident.name == "softmax-ce-one-hot" and not net.one_hot:
        from dataclasses import replace

        return replace(net, one_hot=True)
    return net


def _slug(name: str) -> str:
    return name.replace("'", "-prime").replace(" ", "-")


def run(args) -> int:
    from ..latex import engine

    check_budget(args.budget)
    if args.pdf and engine.find_engine() is None:
        raise engine.LatexError("--pdf needs pdflatex or latexmk, and neither is installed (Debian: texlive-latex-base)")
    p = _notation(args.notation)  # a bad notation fails before any proving
    if not layers_wanted(args):
        from ..latex.symbols import check_printable

        check_printable(p)  # a profile whose statements cannot be written truly (rv45 A4)
    notation_file = args.notation if Path(args.notation).is_file() else None
    if args.out:
        check_output(args.out, what="the document", inputs=[notation_file])
    tex, stem, certs = build(args)
    out = args.out or (f"{stem}.tex" if args.pdf else None)
    if out is None:
        print(tex, end="")
        return EXIT_OK
    path = write_atomic(out, tex, what="the document", inputs=[notation_file])
    written = f"{path} and {engine.compile_pdf(path)}" if args.pdf else str(path)
    # Writing the document is the job, so the exit code is 0; the verdicts are said.
    print(f"wrote {written}" + (f" ({_tally(certs)})" if certs else ""))
    return EXIT_OK


def _tally(certs) -> str:
    counts: dict[str, int] = {}
    for c in certs:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
