"""``symbp verify``: check a formula (or every formula of a set of notes) in its notation.

    symbp verify '\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)'
    symbp verify --notes lecture.tex --report report.md [--strict]
    cat lecture.md | symbp verify -          # a formula or notes, from standard input

Exit codes: 0 holds, 1 refuted, 3 undecided; 2 bad input (and, for a single
formula, unreadable or uninterpretable; for notes only with ``--strict``);
70 internal error (``symbp.cli``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import NotationError, SpecError
from ..files import MAX_NOTES_BYTES, check_output, read_text
from .common import check_budget, error_paragraph


def register(sub) -> None:
    p = sub.add_parser("verify", help="check a LaTeX formula, or every formula in a set of notes, in their notation")
    p.add_argument("formula", nargs="?",
                   help=r"a LaTeX formula, e.g. '\delta^L = \nabla_a C \odot \sigma'\''(z^L)'; "
                        "'-' reads a formula or notes from standard input")
    p.add_argument("--notation", default=None,
                   help="notation profile: auto (inferred from the notes' definitions; the default with --notes), "
                        "nielsen (the default for one formula), sokolinsky, dyda, or a TOML file")
    p.add_argument("--activation", default=None,
                   help="activation: generic (every differentiable σ), sigmoid, tanh, relu, softplus, identity; "
                        "default: the notes' own definition with --notes, else generic")
    p.add_argument("--cost", default=None, help="cost: quadratic, cross-entropy, softmax-cross-entropy; default: the "
                                                "notes' own definition with --notes, else quadratic")
    p.add_argument("--one-hot", action="store_true", default=None,
                   help="assume Σ_k y_k = 1 (softmax-cross-entropy only); with --notes also when the notes assume it")
    p.add_argument("--notes", metavar="FILE",
                   help="verify every formula in a .tex, .md, .txt or .ipynb file ('-': standard input)")
    p.add_argument("--report", metavar="FILE", help="with --notes: write a markdown report (one row per formula)")
    p.add_argument("--junit", metavar="FILE", help="with --notes: write a JUnit XML report, one test case per formula")
    p.add_argument("--json", action="store_true", help="print one JSON object per formula (a JSON list)")
    p.add_argument("--strict", action="store_true",
                   help="with --notes: unreadable or uninterpretable formulas fail the run (exit 2)")
    p.add_argument("--cross-check", metavar="READER", choices=("latex2sympy2",),
                   help="also read a scalar formula with latex2sympy2 (an optional extra) and compare the readings; "
                        "advice only, it never changes the verdict")
    p.add_argument("--budget", type=float, default=30.0, metavar="SECONDS", help="time budget per formula (default 30)")
    p.add_argument("--sizes", default=None, metavar="N1,N2,...",
                   help="your network (layer sizes, input first): checked too, and a formula that holds only "
                        "for some depths (conditional) exits 0 when your network meets its condition")
    p.add_argument("--require-proof", action="store_true",
                   help="only a proof passes: a formula that is only probably true (random points) or "
                        "conditional exits 3")
    p.add_argument("--layer", metavar="KIND",
                   help="the formula is about a layer (batchnorm, layernorm, conv1d, conv2d, rnn, attention, softmax, "
                        "softmax-ce, dropout, residual), in the notation of docs/layers.md")
    p.set_defaults(func=run)


def _notation(value: str):
    from ..notation import PROFILES, load

    if value.strip().lower() == "auto":
        return "auto"
    if value.strip().lower() in PROFILES:
        return value.strip().lower()
    if value.endswith(".toml") or Path(value).exists():
        return load(value)
    raise NotationError(f"--notation {value!r} is neither a known profile ({', '.join(PROFILES)}) nor a TOML file")


def run(args) -> int:
    if args.layer:
        from . import verify_layers

        return verify_layers.run(args)
    from ..network import network
    from ..verify import notes as notes_module
    from ..verify import verify
    from ..verify.scan import guess_kind, scan

    if (args.formula is None) == (args.notes is None):
        raise SpecError("give either a formula or --notes FILE (exactly one of them; '-' reads standard input)")
    check_budget(args.budget)
    stdin_text = None
    if args.formula == "-" or args.notes == "-":
        stdin_text = read_text("-", what="the input", limit=MAX_NOTES_BYTES, stream=sys.stdin.buffer)
        if args.formula == "-" and scan(stdin_text, guess_kind(stdin_text)):
            args.formula, args.notes = None, "-"  # math delimiters: notes, not one formula
        elif args.formula == "-":
            args.formula = stdin_text.strip()
    notes_mode = args.notes is not None
    if args.cross_check and notes_mode:
        raise SpecError("--cross-check reads one scalar formula; give the formula, not --notes")
    for option in ("report", "junit", "strict"):
        if getattr(args, option) and not notes_mode:
            raise SpecError(f"--{option} needs --notes FILE")
    inputs = [args.notes, args.notation if args.notation and Path(args.notation).is_file() else None]
    if args.report:
        _check_output_folder(args.report, "--report")
        check_output(args.report, what="the report", inputs=inputs)
    if args.junit:
        _check_output_folder(args.junit, "--junit")
        check_output(args.junit, what="the JUnit report", inputs=inputs)
    nt = _notation(args.notation or ("auto" if notes_mode else "nielsen"))
    network([2, 2], activation=args.activation or "generic", cost=args.cost or "quadratic",
            one_hot=bool(args.one_hot) and args.cost is not None)  # validates the options given
    if args.one_hot and args.cost is None and not notes_mode:
        network([2, 2], cost="quadratic", one_hot=True)  # --one-hot needs the softmax cost: the same error as before
    options = dict(activation=args.activation, cost=args.cost, one_hot=args.one_hot, budget=args.budget)
    if args.sizes is not None:
        from ..network import parse_sizes

        sizes = parse_sizes(args.sizes)
        network(sizes, activation=args.activation or "generic", cost=args.cost or "quadratic",
                one_hot=bool(args.one_hot) and args.cost is not None)  # validates them
        options["sizes"] = tuple(sizes)
    if notes_mode:
        if stdin_text is not None:
            report = notes_module.verify_text(stdin_text, nt, path="standard input", kind=guess_kind(stdin_text),
                                              strict=args.strict, **options)
        else:
            report = notes_module.verify_notes(args.notes, nt, strict=args.strict, **options)
        return _proof_required(_print_notes(report, args, inputs), [r.result for r in report.rows], args.require_proof)
    if nt == "auto":
        from ..verify.infer import infer

        nt = infer([(1, args.formula, 1)]).notation
    options.update(activation=args.activation or "generic", cost=args.cost or "quadratic", one_hot=bool(args.one_hot))
    result = verify(args.formula, nt, **options)
    second = None
    if args.cross_check:
        from ..verify.crosscheck import cross_check

        second = cross_check(args.formula, nt, options["activation"], args.cross_check)
    if args.json:
        obj = _json(result)
        if second is not None:
            obj["cross_check"] = second.to_dict()
        print(json.dumps([obj], ensure_ascii=False, indent=2))
    elif result.status in ("unreadable", "uninterpretable"):
        # Input symbp cannot use: one paragraph on stderr, like every other bad input.
        what = "cannot read the formula" if result.status == "unreadable" else "cannot interpret the formula"
        print(error_paragraph(f"{what}: {result.reason}"), file=sys.stderr)
    else:
        print(_long(result))
        if second is not None:
            print(f"cross-check ({second.reader}): {second.status}: {second.words}")
    return _proof_required(result.exit_code, [result], args.require_proof)


def _proof_required(code: int, results: list, required: bool) -> int:
    # --require-proof: a verdict that is not a proof (probably-true, a conditional that the
    # user's network meets) does not pass; it is reported as undecided (3).
    if required and code == 0 and any(r.verdict not in ("proved", "proved-for-all-sizes") and r.status in
                                       ("holds", "conditional") for r in results):
        return 3
    return code


def _check_output_folder(path: str, option: str) -> None:
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise SpecError(f"{option} {path!r}: the folder {str(folder)!r} does not exist")


def _print_notes(report, args, inputs) -> int:
    from ..files import write_atomic
    from ..verify import notes as notes_module

    if args.report:
        write_atomic(args.report, notes_module.to_markdown(report), what="the report", inputs=inputs)
    if args.junit:
        from ..verify import junit

        cases = [(f"{r.formula.where}: {r.formula.text}", r.result) for r in report.rows]
        junit.write(args.junit, cases, suite=str(report.path), inputs=[i for i in inputs if i],
                    require_proof=args.require_proof)
    if args.json:
        items = [_json(r.result, r.formula) for r in report.rows]
        items += [_skipped_json(f) for f in report.skipped]
        items.sort(key=lambda d: (d.get("cell") or 0, d["line"]))
        print(json.dumps(items, ensure_ascii=False, indent=2))
        for line in report.header():
            print(line, file=sys.stderr)
        print(report.account_line(), file=sys.stderr)
    else:
        for line in report.header():
            print(line)
        for row in report.rows:
            print(_line(row.result, row.formula))
        print(report.account_line())
    return report.exit_code


def _json(result, formula=None) -> dict:
    d = result.to_dict()
    if formula is not None:
        d.update(line=formula.line, lines=list(formula.lines), bucket=_bucket(result), source=formula.source,
                 removed=list(formula.removed), repaired=formula.repaired)
        if formula.cell is not None:
            d["cell"] = formula.cell
    return d


def _bucket(result) -> str:
    from ..verify.notes import bucket

    return bucket(result)


def _skipped_json(f) -> dict:
    d = {"formula": f.text, "status": f.kind, "bucket": f.kind, "reason": f.reason, "line": f.line,
         "lines": list(f.lines), "source": f.source}
    if f.cell is not None:
        d["cell"] = f.cell
    return d


def _line(r, formula) -> str:
    extra = r.identity or r.diagnosis or r.reason
    if r.remark:
        extra = f"{extra}; {r.remark}" if extra else r.remark
    status = r.status + (f" ({r.condition})" if r.condition else "")
    return f"{formula.where}: {status}: {r.formula}" + (f"  [{extra}]" if extra else "")


def _long(r) -> str:
    out = [f"{r.status}" + (f" ({r.verdict})" if r.verdict not in (r.status, "proved") else "")
           + (f": matches {r.identity}" if r.identity else "")]
    if r.interpretation:
        out.append(f"read as: {r.interpretation.get('latex', '')}")
        if r.interpretation.get("nielsen"):
            out.append(f"in Nielsen's notation: {r.interpretation['nielsen']}")
        out.append(r.interpretation.get("words", ""))
    if r.reason:
        out.append(("proved on every network below: " if r.status == "holds" else "reason: ") + r.reason)
    if r.status == "conditional":
        met = {True: "your network meets it", False: "your network does not meet it", None: "no network was fixed "
               "(give yours with --sizes)"}[r.condition_met]
        out.append(f"condition: {r.condition} ({met})")
    if r.checked:
        out.append("checked:")
        out.extend("  " + line for line in r.checked_text().splitlines())
    if r.counterexample is not None:
        cx = r.counterexample
        out.append(f"counterexample: {cx.instance}")
        out.append(f"  left  = {cx.lhs}")
        out.append(f"  right = {cx.rhs}")
        if cx.activation:
            out.append(f"  activation: {cx.activation}")
        out.append("  point: " + ", ".join(f"{k} = {v}" for k, v in cx.point.items()))
        if cx.oracle:
            out.append(f"  confirmed: {cx.oracle}")
    if r.diagnosis:
        out.append(f"diagnosis: {r.diagnosis}")
        out.append(f"corrected: {r.corrected}")
    return "\n".join(out)
