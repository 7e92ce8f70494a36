"""The ``symbp`` command: a thin shell over the public API.

Exit codes everywhere: 0 holds / done, 1 refuted, 2 bad input (one paragraph,
no traceback), 3 undecided.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import textwrap

from . import __version__  # noqa: F401  (symbp --version)
from .commands import NAMES
from .errors import SymbpError

EXIT_OK, EXIT_REFUTED, EXIT_BAD_INPUT, EXIT_UNDECIDED = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="symbp", description="Derive, prove and check backpropagation symbolically.")
    parser.add_argument("--version", action="version", version=f"symbp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in NAMES:
        try:
            module = importlib.import_module(f"symbp.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"symbp.commands.{name}":
                continue  # that subcommand is not part of this build
            raise
        module.register(sub)
    return parser


def error_paragraph(message: str) -> str:
    return textwrap.fill(f"symbp: error: {message}", width=100, break_long_words=False, break_on_hyphens=False)


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
        # `symbp ... | head`: the reader left; say nothing more.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
