r"""Notes that declare two layouts: a switch from one to the other, or one layout for Jacobians and the other for
gradients (issue 14, item 2).

Notes that declare both layouts used to declare neither (review 22). Two readings are clear enough to follow:

* a **switch**: a later sentence declares the other layout with words that start it where it stands ("From now on we
  use the denominator layout", "Henceforth …", "From here on …"). Each declaration governs the claims from its line
  to the next one. The sentence must be a declaration on its own (``graphownlayout``: not hedged, supposed, deferred
  ("we will switch to …"), confined, someone else's, nor in an exercise): those still declare nothing. A second
  declaration without such words ("Now we use …", "We use the denominator layout.") is still a contradiction: neither.
* the **mixed convention** said in two sentences: "Jacobians use the numerator layout. Gradients use the denominator
  layout." Each sentence is about one kind of derivative; together they declare the mixed layout (a Jacobian ∂z/∂x
  is n_z × n_x, a gradient ∂L/∂x is shaped like x), from the first of them on. The reverse pairing (Jacobians in
  the denominator layout, gradients in the numerator) is no convention we know: neither.

A candidate is (line, layout, by orientation, says row/column, unsure, words), as ``graphownlayout._candidates``
finds them; ``settle`` returns the declarations the notes make, and the line of the contradiction, if any.

>>> c = lambda line, layout, words: (line, layout, False, False, False, words)
>>> settle([c(1, "numerator", "We use the numerator layout."),
...         c(5, "denominator", "From now on we use the denominator layout.")])
([(1, 'numerator', False, False), (5, 'denominator', False, False)], None)
>>> settle([c(1, "numerator", "We use the numerator layout."), c(5, "denominator", "Now we use the denominator layout.")])
([], 5)
>>> settle([c(1, "numerator", "We use the numerator layout."), c(5, "denominator", "From now on we use the denominator "
...         "layout."), c(9, "numerator", "We use the numerator layout.")])
([], 5)
>>> settle([c(2, "numerator", "Jacobians use the numerator layout."),
...         c(3, "denominator", "Gradients use the denominator layout.")])
([(2, 'mixed', False, False)], None)
"""

from __future__ import annotations

import re

#: The layout name of the mixed convention (``graphderivatives.MIXED``): Jacobians in the numerator layout, gradients in
#: the denominator layout.
MIXED = "mixed"

#: Words that start a declaration where it stands and say it replaces what was before (en/cs/ru/pl).
_SWITCH = re.compile(r"\b(?:from\s+now\s+on|from\s+here\s+on|from\s+this\s+point\s+on|henceforth|hereafter"
                     r"|for\s+the\s+rest\s+of\s+(?:the|these)\s+(?:notes|chapter|text)|od\s+této\s+chvíle|odteď"
                     r"|od\s+teď|отныне|с\s+этого\s+момента|odtąd|od\s+teraz|od\s+tej\s+chwili)\b"
                     r"|\bswitch(?:es|ed)?\s+to\b|\bpřecházíme\s+na\b|\bprzechodzimy\s+na\b|\bпереходим\s+к\b",
                     re.IGNORECASE)
#: Words that leave the layout a sentence names ("we no longer use …", "we abandon …", "we stop using …", "we switch
#: away from …", "we now leave … behind", "leaving …"): the notes used it until here, and another one from here on
#: (review rv37 A1). Naming the next layout as well ("leaving the numerator layout, we use the denominator layout")
#: is a switch to it.
LEAVES = re.compile(r"\b(?:no\s+longer|any\s*more|abandon\w*|stop(?:s|ped)?\s+(?:using|writing)|(?:switch|mov)\w*\s+away"
                    r"|leave|leaving|give\s+up|giving\s+up|už\s+ne\w*|opouštíme|opustíme|больше\s+не"
                    r"|отказываемся|оставляем|покидаем|już\s+nie|porzucamy|opuszczamy|zostawiamy)\b", re.IGNORECASE)
#: The kind of derivative a sentence is about: Jacobians, or gradients. Not "Jacobian layout/formulation" (the
#: numerator layout's other name) nor "gradient layout/formulation" (the denominator's).
_NAMING = r"(?!\s+(?:layout|formulation|convention))"
JACOBIANS = re.compile(r"\b(?:jacobi\w*|jakobi\w*|якоби\w*)\b" + _NAMING, re.IGNORECASE)
_GRADIENTS = re.compile(r"\b(?:gradient\w*|градиент\w*)\b" + _NAMING, re.IGNORECASE)
_KINDS = (("jacobian", JACOBIANS), ("gradient", _GRADIENTS))
#: The layout each kind of derivative takes in the mixed convention.
_MIXED_PARTS = {"jacobian": "numerator", "gradient": "denominator"}


def about(words: str) -> str:
    """The one kind of derivative a sentence declares a layout for ("jacobian", "gradient"), else ''.

    >>> about("Jacobians are written in the numerator layout."), about("We use the Jacobian formulation.")
    ('jacobian', '')
    """
    kinds = [k for k, pattern in _KINDS if pattern.search(words)]
    return kinds[0] if len(kinds) == 1 else ""


def kinds_at(words: str, start: int, end: int) -> "list[tuple[int, str]]":
    """(offset, kind) of each word naming a kind of derivative in ``words[start:end]``, in order.

    >>> kinds_at("Jacobians by rows, gradients as columns", 0, 40)
    [(0, 'jacobian'), (19, 'gradient')]
    """
    return sorted((m.start(), kind) for kind, pattern in _KINDS for m in pattern.finditer(words, start, end))


def switches(words: str) -> bool:
    """Do the words of a declaration start it where it stands, replacing the layout before it? Words that leave a
    layout do, in a sentence that names the layout it switches to (``graphownlayout`` gives the one that leaves a
    layout and names no other none: never a switch)."""
    return bool(_SWITCH.search(words) or LEAVES.search(words))


def settle(candidates: list) -> "tuple[list, int | None]":
    """(the declarations: (line, layout, by orientation, says row/column), the line of the first declaration that
    contradicts an earlier one, else None) of the notes whose sure ``candidates`` (see the module docstring) these
    are; notes that contradict themselves declare nothing."""
    sure = [d for d in candidates if not d[4]]
    if len({d[1] for d in sure}) < 2:
        return [d[:4] for d in sure], None
    mixed = _mixed(sure)
    if mixed is not None:
        return [mixed], None
    changes = [d for before, d in zip(sure, sure[1:]) if d[1] != before[1]]
    if all(switches(d[5]) for d in changes):
        return [d[:4] for d in sure], None
    # a change without the words of a switch, even after a genuine one: the notes contradict themselves from their
    # first change of layout on (a later sentence may have undone the switch; the layout between is not sure)
    return [], changes[0][0]


def one_kind(candidates: list) -> "int | None":
    """The line of the first of the sure ``candidates`` when every one is about one kind of derivative and gives it
    the layout the mixed convention does ("Jacobians use the numerator layout.", nothing said of gradients): the
    mixed convention may be meant as well as the pure layout (review rv37 A5, B1); else None.

    >>> one_kind([(3, "denominator", False, False, False, "Gradients use the denominator layout.")])
    3
    >>> one_kind([(3, "denominator", False, False, False, "We use the denominator layout.")]) is None
    True
    """
    sure = [d for d in candidates if not d[4]]
    kinds = {about(d[5]) for d in sure}
    if len(kinds) != 1 or "" in kinds or any(_MIXED_PARTS[about(d[5])] != d[1] for d in sure):
        return None
    return sure[0][0]


def _mixed(sure: list):
    # every sentence is about one kind of derivative, and gives it the layout the mixed convention does
    kinds = [about(d[5]) for d in sure]
    if not all(kinds) or any(_MIXED_PARTS[k] != d[1] for k, d in zip(kinds, sure)) or len(set(kinds)) < 2:
        return None
    first = sure[0]
    return (first[0], MIXED, any(d[2] for d in sure), any(d[3] for d in sure))


__all__ = ["JACOBIANS", "LEAVES", "MIXED", "about", "kinds_at", "one_kind", "settle", "switches"]
