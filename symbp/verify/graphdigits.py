r"""A run of digits below a matrix's name, ``W_{12}``, ``W_{10}``, ``W_{111}``: which digits are the row, which the
column (issue 14: ``W_{10}`` was read as W_{1,0} and refuted for its column 0, where the notes may mean another thing).
"""

from __future__ import annotations

from .graphmodel import GraphUninterpretable


def digit_split(digits: str, dims: tuple, what: str, described: str) -> tuple:
    """The (row, column) a run of digits below a matrix's name (``W_{12}``, ``W_{10}``, ``W_{111}``) names: the one
    split whose indices both lie in the matrix's sizes. None fits (``W_{10}``: W_{1,0}, and W's indices start at 1)
    or several do (``W_{111}`` of a 12×12 W: W_{1,11} or W_{11,1}): uninterpretable, naming the readings.

    >>> digit_split("12", (2, 3), "W_{12}", "W a 2×3 matrix")
    (1, 2)
    >>> digit_split("111", (2, 12), "W_{111}", "W a 2×12 matrix")
    (1, 11)
    """
    splits = [(int(digits[:k]), int(digits[k:])) for k in range(1, len(digits))
              if not (digits[k] == "0" and k < len(digits) - 1)]  # W_{1,05} is no reading of W_{105}
    fits = [p for p in splits if 1 <= p[0] <= dims[0] and 1 <= p[1] <= dims[1]]
    if len(fits) == 1:
        return fits[0]
    readings = " or ".join(f"{what.split('_')[0]}_{{{a},{b}}}" for a, b in splits)
    if fits:
        raise GraphUninterpretable(f"{what}: {described}, so it may be {readings}; the notes do not say which "
                                   "(a comma between the indices would)")
    letter = what.split("_")[0]
    why = "; ".join(f"{letter}_{{{a},{b}}} is no entry of it" for a, b in splits)
    if int(digits) <= max(dims):
        why += f"; as one index, {digits} leaves the other index of {letter}_{{{digits}}} unsaid"
    raise GraphUninterpretable(f"{what}: {described}, whose indices run from 1 ({why}); it may name something "
                               f"else, as {letter}_{{{digits}}} the {digits}th of {letter}_1, {letter}_2, …, which "
                               "the notes do not define")


__all__ = ["digit_split"]
