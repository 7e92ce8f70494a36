"""The exceptions symbp raises for input it cannot use.

Every error names the offending value and where it came from; the CLI prints
the message as one paragraph, without a traceback, and exits 2.
"""

from __future__ import annotations


class SymbpError(Exception):
    """Base class of every error symbp raises on purpose."""


class SpecError(SymbpError, ValueError):
    """A network specification (sizes, activation, cost, option) is unusable."""


class NotationError(SymbpError, ValueError):
    """A notation profile is unknown or malformed."""


class IdentityError(SymbpError, ValueError):
    """An identity is unknown or does not apply to the network asked for."""


class InputFileError(SymbpError, ValueError):
    """A file given to symbp (notes, a profile) is missing, a folder, binary, empty, too big or not UTF-8."""
