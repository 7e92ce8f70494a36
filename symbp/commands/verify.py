"""``symbp verify``: check a formula (or every formula of a set of notes) in its notation.

    symbp verify '\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)'
    symbp verify --notes lecture.tex --report report.md [--strict]
    cat lecture.md | symbp verify -          # a formula or notes, from standard input

Exit codes: 0 holds, 1 refuted, 3 undecided (for notes also: claims found and
none judged); 2 bad input (and, for a single formula, unreadable or
uninterpretable; for notes only with ``--strict``); 70 internal error
(``symbp.cli``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import NotationError, SpecError
from ..files import MAX_NOTES_BYTES, check_output, read_text
from .common import check_budget, error_paragraph, with_examples


#: Default of --total-budget: seconds for a whole notes file (the slowest seed takes about a minute).
TOTAL_BUDGET = 600.0


def register(sub) -> None:
    p = sub.add_parser(
        "verify", help="check a LaTeX formula, or every formula in a set of notes, in their notation",
        description="Read a formula (or every formula of a set of notes) in its notation, check it against the "
                    "ground truth on a family of networks, and for a wrong one show a counterexample, name the "
                    "slip and print the corrected formula. With --notes, each formula's row is printed as soon as "
                    "it is checked, then one line accounts for every formula found.",
        epilog=with_examples(
            "symbp verify '\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j'",
            "symbp verify --notation sokolinsky '\\frac{\\partial C}{\\partial w_{ji}^{(l)}} = \\delta_i^{(l)} a_j^{(l-1)}'",
            "symbp verify --notes examples/lecture.tex --report report.html   # .html, .md; or --junit FILE.xml",
            "cat notes.md | symbp verify -                                       # a formula or notes on stdin",
            exits="0 holds; 1 refuted; 2 bad input (and an unreadable single formula; for notes with --strict); "
                  "3 undecided (notes: also when no claim could be judged); 70 an internal error (a bug in symbp; the traceback goes to a file)",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    p.add_argument("--report", metavar="FILE",
                   help="with --notes: write a report, one row per formula: .html (one self-contained page, "
                        "formulas typeset) or .md (Markdown)")
    p.add_argument("--junit", metavar="FILE", help="with --notes: write a JUnit XML report, one test case per formula")
    p.add_argument("--json", action="store_true", help="print one JSON object per formula (a JSON list)")
    p.add_argument("--strict", action="store_true",
                   help="with --notes: unreadable or uninterpretable formulas fail the run (exit 2)")
    p.add_argument("--cross-check", metavar="READER", choices=("latex2sympy2",),
                   help="also read a scalar formula with latex2sympy2 (an optional extra) and compare the readings; "
                        "advice only, it never changes the verdict")
    p.add_argument("--budget", type=float, default=30.0, metavar="SECONDS", help="time budget per formula (default 30)")
    p.add_argument("--total-budget", type=float, default=TOTAL_BUDGET, metavar="SECONDS",
                   help=f"with --notes: time budget for the whole file (default {TOTAL_BUDGET:g}); the formulas still "
                        "unchecked when it runs out are reported undecided (the notes' total budget ran out)")
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
        from .verify_layers import run as run_layers

        return run_layers(args)
    from ..network import network
    from ..verify import notes as notes_module
    from ..verify import verify
    from ..verify.scan import guess_kind, scan

    if (args.formula is None) == (args.notes is None):
        raise SpecError("give either a formula or --notes FILE (exactly one of them; '-' reads standard input)")
    check_budget(args.budget)
    check_budget(args.total_budget, "--total-budget")
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
        if args.report and Path(args.report).resolve() == Path(args.junit).resolve():
            raise SpecError(f"--report and --junit both name {args.junit}: one would overwrite the other; give two "
                            "files")
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
        if args.report:
            report_format(args.report)  # an unknown suffix is bad input, before any work
        with _Rows(print_rows=not args.json) as rows:
            options["total_budget"] = args.total_budget
            if stdin_text is not None:
                report = notes_module.verify_text(stdin_text, nt, path="standard input", kind=guess_kind(stdin_text),
                                                  strict=args.strict, on_row=rows, **options)
            else:
                report = notes_module.verify_notes(args.notes, nt, strict=args.strict, on_row=rows, **options)
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


class _Rows:
    # Prints each row of the notes as soon as it is checked, under a progress bar (on a terminal).
    def __init__(self, *, print_rows: bool):
        from .colour import colour_on

        self.print_rows, self.bar, self.colour = print_rows, None, colour_on()

    def __call__(self, row, done: int, total: int) -> None:
        from ..display.progress import Progress

        if self.bar is None:
            self.bar = Progress(total, "verifying", "formula")
        if self.print_rows:
            self.bar.print(_line(row.result, row.formula, colour=self.colour))
        self.bar.update()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()


#: Report formats by file suffix.
REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "markdown"}


def report_format(path: str) -> str:
    """'html' or 'markdown', from the suffix of ``path``; another suffix is bad input."""
    fmt = REPORT_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise SpecError(f"--report {path}: the format comes from the suffix, and {Path(path).suffix or 'no suffix'} "
                        "is not one; use .html (a page with typeset formulas) or .md (Markdown)")
    return fmt


def _check_output_folder(path: str, option: str) -> None:
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise SpecError(f"{option} {path!r}: the folder {str(folder)!r} does not exist")


def _print_notes(report, args, inputs) -> int:
    from ..files import write_atomic
    from ..verify import notes as notes_module

    if args.report:
        if report_format(args.report) == "html":
            from ..verify.html import to_html

            setting = f"activation {args.activation}, cost {args.cost}" + (", one-hot targets" if args.one_hot else "")
            text = to_html(report, setting=setting)
        else:
            text = notes_module.to_markdown(report)
        write_atomic(args.report, text, what="the report", inputs=inputs)
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
        for line in report.header():  # the rows were printed as they were checked
            print(line)
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


def _line(r, formula, *, colour: bool = False) -> str:
    from .colour import paint

    extra = r.identity or r.diagnosis or r.reason
    if r.remark:
        extra = f"{extra}; {r.remark}" if extra else r.remark
    status = r.status + (f" ({r.condition})" if r.condition else "")
    return f"{formula.where}: {paint(status, r.status, on=colour)}: {r.formula}" + (f"  [{extra}]" if extra else "")


def _long(r) -> str:
    from .colour import paint

    out = [paint(r.status, r.status) + (f" ({r.verdict})" if r.verdict not in (r.status, "proved") else "")
           + (f": matches {r.identity}" if r.identity else "")]
    if r.interpretation:
        out.append(f"read as: {r.interpretation.get('latex', '')}")
        if r.interpretation.get("nielsen"):
            out.append(f"in Nielsen's notation: {r.interpretation['nielsen']}")
        out.append(r.interpretation.get("words", ""))
        if r.interpretation.get("per_sample"):
            out.append(r.interpretation["per_sample"])
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
        if r.corrected:
            out.append(f"corrected: {r.corrected}")
    return "\n".join(out)
