r"""The checks on ``verify``'s keyword arguments that describe the notes (their output count, their mean cost's
count letter, the letters said to differ from it, the sets of inputs named in words): a wrong value is a
``SpecError`` naming the argument and what it may be, never a value silently matched against nothing.

>>> check_notes_arguments(outputs=1, count="m", differ="n", sets=(("B", "m"),))
>>> check_notes_arguments(outputs=0, count="", differ="", sets=())
Traceback (most recent call last):
...
symbp.errors.SpecError: outputs must be None or a whole number ≥ 1 (the output neurons the notes fix), got 0
"""

from __future__ import annotations

from ..errors import SpecError

#: The letters a mean cost C = (1/m) Σ_x C_x writes its count of inputs with (``samples._MEAN_COST``).
COUNT_LETTERS = ("m", "n", "N")


def check_notes_arguments(*, outputs, count, differ, sets) -> None:
    """Raise ``SpecError`` for a value of ``outputs``, ``count``, ``differ`` or ``sets`` that ``verify`` cannot use."""
    if outputs is not None and (isinstance(outputs, bool) or not isinstance(outputs, int) or outputs < 1):
        raise SpecError(f"outputs must be None or a whole number ≥ 1 (the output neurons the notes fix), got {outputs!r}")
    letters = ", ".join(repr(c) for c in COUNT_LETTERS)
    if not isinstance(count, str) or count not in ("",) + COUNT_LETTERS:
        raise SpecError(f"count must be '' (not said) or the letter of the notes' count of inputs, one of {letters}; "
                        f"got {count!r}")
    if not isinstance(differ, str) or any(c not in COUNT_LETTERS or c == count for c in differ) or (differ and not count):
        raise SpecError(f"differ must be '' or count letters ({letters}) other than count={count!r}, the ones the notes "
                        f"say differ from it, and needs a count; got {differ!r}")
    if not isinstance(sets, (tuple, list)) or not all(
            isinstance(p, (tuple, list)) and len(p) == 2 and isinstance(p[0], str) and p[0].strip()
            and p[1] in COUNT_LETTERS for p in sets):
        raise SpecError(f"sets must be a tuple of (set, count) pairs, a set's letter and its count letter (one of "
                        f"{letters}), such as (('B', 'm'),); got {sets!r}")
