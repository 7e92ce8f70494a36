"""The ``symbp`` command: a thin shell over the public API.

Exit codes everywhere: 0 holds / done, 1 refuted, 2 bad input (one paragraph,
no traceback), 3 undecided (``commands.common``).
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .commands import COMMANDS
from .commands.common import EXIT_BAD_INPUT, error_paragraph
from .errors import SymbpError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="symbp", description="Derive, prove and check backpropagation symbolically.")
    parser.add_argument("--version", action="version", version=f"symbp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
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
        # `symbp ... | head`: the reader left; say nothing more.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
