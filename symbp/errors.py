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


def flag(value, name: str) -> bool:
    """``value`` as a yes/no option named ``name``: a real bool (or NumPy's), else ``SpecError``. A string such as
    "False" or "no", truthy in Python, silently switched an assumption on (rv54 F1: one_hot="False" made
    δ^L = a^L − y hold under the softmax cross-entropy as if Σ_k y_k = 1)."""
    if isinstance(value, bool) or type(value).__module__ == "numpy" and type(value).__name__ in ("bool", "bool_"):
        return bool(value)
    raise SpecError(f"{name} must be True or False, got {value!r} ({type(value).__name__}); a string such as 'False' "
                    "is not read as a yes/no")
