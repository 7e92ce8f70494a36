r"""The time budget of a whole set of notes (``verify --notes --total-budget``).

Each formula has its own budget (``verify(budget=…)``), but a file of many slow formulas took n times it
(rv50 D1: four 30 s formulas, 126 s). ``total_budget(seconds)`` sets a deadline for everything checked inside
it; ``clip(budget)`` gives a formula the smaller of its own budget and the time left, and once the time is
gone every formula still to check is undecided, with ``RAN_OUT`` as its reason: reported, never skipped.

>>> with total_budget(None):
...     clip(30.0)
(30.0, False)
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

#: Past this little time left a formula is not started (no check finishes in it).
_LEAST = 0.05
#: The reason of a formula not checked, or cut short, because the whole file's time ran out.
RAN_OUT = "the notes' total budget of {seconds:g} s ran out (give a larger --total-budget)"

_DEADLINE: ContextVar = ContextVar("notes_deadline", default=None)


@contextmanager
def total_budget(seconds: "float | None"):
    """Everything checked inside shares ``seconds`` (None: no total, each formula has only its own budget)."""
    token = _DEADLINE.set(None if seconds is None else (time.perf_counter() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def clip(budget: float) -> "tuple[float | None, bool]":
    """(the budget a formula gets now, whether the total cut it): None when no time is left."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return budget, False
    left = deadline[0] - time.perf_counter()
    if left < _LEAST:
        return None, True
    return (left, True) if left < budget else (budget, False)


def ran_out() -> str:
    """The reason of a formula the total budget left undecided."""
    deadline = _DEADLINE.get()
    return RAN_OUT.format(seconds=deadline[1] if deadline else 0)
