r"""The matrix of entries: ``w^l = [w^l_{jk}]``, Dyda's ``W^{[l]} = [w_{k,j}^{[l]}]`` (review 20, F3).

``[w^l_{jk}]`` is the usual notation for the matrix whose (j, k) entry is w^l_{jk}: the first index names the row. It
is read as the bracketed matrix with its ranges written out, the rows over the neurons the first index runs over,
the columns over the second's (the notation's weight order; Dyda's column 0, the bias, included):
``w^l = [w^l_{jk}]_{j=1,\dots,n_{l}; k=1,\dots,n_{l-1}}``, and checked like any formula (so ``w^l = [w^{l-1}_{jk}]``
is refuted).

Which letter is the row is what the notation's own spelling says (``w^l_{jk}`` in Nielsen's, ``w_{k,j}`` in Dyda's):
written with those letters in that order, the formula is read; with the letters swapped (``[w^l_{kj}]`` where the
notation writes w^l_{jk}) it may mean the same matrix (j, k bound) or its transpose (k, of layer l−1, as the row),
and with other letters which one is the row is not said: both are ``uninterpretable``, never held.

>>> from symbp.notation import profile
>>> entry_matrix(r"w^l = [w^l_{jk}]", profile("nielsen"))[0]
'w^l = [w^l_{jk}]_{j=1,\\dots,n_{l}; k=1,\\dots,n_{l-1}}'
>>> entry_matrix(r"w^l = [w^l_{kj}]", profile("nielsen"))[0]
''
>>> entry_matrix(r"W^{[l]} = [w_{k,j}^{[l]}]", profile("dyda"))[0]
'W^{[l]} = [w_{k,j}^{[l]}]_{k=1,\\dots,n_{[l]}; j=0,\\dots,n_{[l-1]}}'
"""

from __future__ import annotations

import re

from ..errors import SymbpError
from ..notation import Notation
from .lexer import ReadError
from .nodes import Equation, Layer, Quantity
from .reader import read

#: X = [entry] (or \left[ … \right]), a full stop or comma after it.
_FORM = re.compile(r"^\s*(?P<lhs>[^=]+?)\s*=\s*(?:\\left\s*)?\[\s*(?P<entry>[^=]+?)\s*(?:\\right\s*)?\]\s*[.,;]?\s*$")
#: The entry's letters in a profile's description: w^l_{jk}, w^{(l)}_{ji}, [w_{k,j}].
_LETTERS = re.compile(r"w[^_\s]*_\{\s*([a-z])\s*,?\s*([a-z])\s*\}")


def entry_matrix(formula: str, notation: Notation) -> "tuple[str, str]":
    """(the formula with the ranges written out, the words saying how it was read) for a matrix-of-entries formula
    in the notation's letters; ("", why it is not decided) with other letters; ("", "") for any other formula."""
    m = _FORM.match(formula)
    if not m:
        return "", ""
    try:
        eq = read(f"{m.group('lhs')} = {m.group('entry')}", notation)
    except (ReadError, SymbpError, ValueError):
        return "", ""
    matrix, entry = eq.sides if isinstance(eq, Equation) and len(eq.sides) == 2 else (None, None)
    if not (isinstance(matrix, Quantity) and isinstance(entry, Quantity) and matrix.role in ("w", "W")
            and not matrix.indices and entry.role == "w" and len(entry.indices) == 2 and entry.layer is not None
            and all(i.name and len(i.name) == 1 for i in entry.indices)):
        return "", ""
    first, second = (i.name for i in entry.indices)
    said = _LETTERS.search(notation.description or "")
    shown = f"[{m.group('entry')}]"
    if said is None or {first, second} != set(said.groups()):
        return "", (f"{shown}: which index of the entry names the row is not said by the notation ({notation.name} "
                    "writes no entry with these letters); write the ranges, [w_{jk}]_{j=…; k=…}")
    if (first, second) != said.groups():
        return "", (f"{shown}: the letters are swapped from the notation's {said.group(0)}: it is the same matrix "
                    f"(the letters bound) or its transpose ({first} as the row, as the notation's {first}); which one "
                    "is not decided")
    to = Layer(entry.layer.var, entry.layer.offset + notation.weight_layer_offset, entry.layer.brackets)
    source = Layer(to.var, to.offset - 1, to.brackets)
    rows, columns = (to, source) if notation.weight_order == "to,from" else (source, to)
    low = (1, 0 if notation.bias_column else 1) if notation.weight_order == "to,from" else (
        0 if notation.bias_column else 1, 1)
    text = (f"{m.group('lhs').strip()} = [{m.group('entry').strip()}]_{{{first}={low[0]},\\dots,n_{{{rows.latex()}}}; "
            f"{second}={low[1]},\\dots,n_{{{columns.latex()}}}}}")
    return text, (f"{shown} read as the matrix whose ({first}, {second}) entry is {m.group('entry').strip()}, {first} "
                  "naming the row (the notation's order)")


__all__ = ["entry_matrix"]
