"""The ``symbp`` command: a thin shell over the public API.

Exit codes everywhere (``commands.common``): 0 holds / done, 1 refuted,
3 undecided: only a verdict gives these. 2 is bad input (one paragraph on
stderr, no traceback). 70 is an internal error, a bug in symbp: it prints
"internal error" and the file the traceback was written to, and is never
mistaken for a verdict. 130 is Ctrl-C; 141 a closed output pipe.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from importlib.metadata import version as _version

from . import __version__
from .commands import COMMANDS
from .commands.common import EXIT_BAD_INPUT, EXIT_INTERNAL, error_paragraph, with_examples
from .errors import SymbpError
from .files import write_atomic


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="symbp",
        description="Derive, prove and check backpropagation symbolically. A bare `symbp` runs `symbp prove`: "
                    "BP1-BP4 and the rest of the catalogue on the network [2,3,2] with any differentiable σ.",
        epilog=with_examples(
            "symbp                                   # the same as `symbp prove`",
            "symbp prove --list                      # the catalogue",
            "symbp verify --notes examples/lecture.tex --report report.html",
            "symbp COMMAND --help                    # a command's options, examples and exit codes",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version",
                        version=f"symbp {__version__} (SymPy {_version('sympy')}); a bare `symbp` runs `symbp prove`")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.command is None:
        # `symbp` alone runs the main job: prove BP1-BP4 on the default network.
        args = parser.parse_args(["prove"])
    try:
        return int(args.func(args))
    except SymbpError as exc:
        print(error_paragraph(str(exc)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("symbp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `symbp ... | head`: the reader left; say nothing more, and claim no verdict.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - a bug in symbp must not look like a verdict
        return internal_error(exc, argv if argv is not None else sys.argv[1:])


def internal_error(exc: BaseException, argv: list[str]) -> int:
    """Write the traceback to a file under the temp folder, say where, and return ``EXIT_INTERNAL``."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    report = f"symbp {__version__}\nargv: {argv!r}\npython: {sys.version}\n\n{text}"
    where = "(could not be written)"
    try:
        fd, name = tempfile.mkstemp(prefix="symbp-internal-error-", suffix=".txt")
        os.close(fd)
        where = str(write_atomic(name, report, what="the traceback"))
    except (OSError, SymbpError):
        pass
    first = (str(exc).splitlines() or [""])[0][:200]
    print(error_paragraph(
        f"internal error (exit code {EXIT_INTERNAL}): {type(exc).__name__}" + (f": {first}" if first else "")
        + f". This is a bug in symbp, not a verdict on your input; the traceback was written to {where}"
    ).replace("symbp: error: ", "symbp: ", 1), file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
