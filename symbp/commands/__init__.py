"""One module per ``symbp`` subcommand; each has ``register(subparsers)``.

``register`` adds its parser and sets ``func`` to a ``run(args) -> int``
that returns the exit code. Modules are thin: they parse, call the public
API and print; the heavy imports happen inside ``run``, so ``symbp --help``
stays quick.
"""

from . import bench, derive, graph, latex, prove, train, verify

#: Subcommands in the order ``symbp --help`` lists them.
COMMANDS = (prove, derive, verify, latex, graph, train, bench)
