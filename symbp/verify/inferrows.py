r"""Row vectors in ``--notation auto`` (``infer``): which side of the weights the notes multiply a vector on, and
the ``rowvector`` profile in the notes' own letters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..notation import PROFILES, Notation
from .otherloss import cost_definitions


# -- row or column vectors: which side of the weights a vector is multiplied on ------------------------------------

_VEC = (r"(?:\\(?:vec|mathbf|boldsymbol|bm)\s*\{\s*[a-z]\s*\}|[a-z])(?:\^\s*(?:\{[^{}]*\}|\S))?"
        r"|\(\s*[a-z]_\{?\d+\}?(?:\s*,\s*[a-z]_\{?\d+\}?)+\s*\)"  # (x_1, x_2)
        r"|\\begin\{[pb]matrix\}(?:(?!\\\\|\\end).)*&(?:(?!\\\\|\\end).)*\\end\{[pb]matrix\}")  # one row
_COLUMN = r"\\begin\{[pb]matrix\}(?:(?!&|\\end).)*\\\\(?:(?!&|\\end).)*\\end\{[pb]matrix\}"  # one column
_MAT = (r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Z]\s*\}|[A-Z]|\\Theta)(?:\^\s*(?:\{[^{}]*\}|\S))?"
        r"|\\begin\{[pb]matrix\}(?:(?!\\end).)*&(?:(?!\\end).)*\\\\(?:(?!\\end).)*\\end\{[pb]matrix\}")
_ROW_PRODUCT = re.compile(r"^\s*(?:" + _VEC + r")\s*=\s*(?:" + _VEC + r")\s*(?:\\cdot\s*)?(?:" + _MAT
                          + r")\s*(?:\+\s*\S+\s*)?$", re.S)
_COLUMN_PRODUCT = re.compile(r"^\s*(?:" + _VEC + "|" + _COLUMN + r")\s*=\s*(?:" + _MAT + r")\s*(?:\\cdot\s*)?(?:"
                             + _VEC + "|" + _COLUMN + r")\s*(?:\+\s*\S+\s*)?$", re.S)


def _products(texts) -> tuple[list, list]:
    r"""The definitions written as a vector times the weights (``g = x W``, ``(g_1, g_2) = (x_1, x_2) W``: rows)
    and as the weights times a vector (``y = W x``: columns), as (line, text).

    >>> _products([(3, r"(g_1, g_2, g_3) = (x_1, x_2) W", 1), (5, "x = Wy", 1), (7, "z^l = w^l a^{l-1} + b^l", 1)])
    ([(3, '(g_1, g_2, g_3) = (x_1, x_2) W')], [(5, 'x = Wy')])
    """
    rows, columns = [], []
    for line, text, _ in texts:
        if "\\partial" in text or "\\frac" in text:
            continue
        if _ROW_PRODUCT.match(text):
            rows.append((line, text))
        elif _COLUMN_PRODUCT.match(text):
            columns.append((line, text))
    return rows, columns


def _lines(found) -> str:
    return "; ".join(f"line {line}: {text if len(text) <= 50 else text[:47] + '…'}" for line, text in found[:3])


def _rowvector(sp, rows: list, texts) -> Notation:
    r"""The ``rowvector`` profile in the notes' own letters where the notes show them, else g, L, h.

    z is the letter the row products define (``z^l = a^{l-1} W^l + b^l``); the loss is the letter
    differentiated (unless the notes define L itself), else the one letter defined alone (``C = …``); the activation is the one whose derivative is
    written (σ', φ'), never g, which is the profile's weighted input. Only layered notes (a row product with
    a layer, ``z^l = …``) change letters.
    """
    base = PROFILES["rowvector"]
    firsts = {m.group(1) for _, text in rows if (m := re.match(r"\s*([A-Za-z])\s*\^", text))}
    if not firsts:
        return base  # graph notes (g = x W): the notes name their own nodes, the layered letters are not used
    own = {}
    # z^l = a^{l-1} W^l + b^l beside g^l = z^l W^l: the weighted input is the letter σ is applied to (g is then a
    # name of the notes' own, ``unknowns``)
    weighted = sp.z if sp.z in firsts and sp.applied else (next(iter(firsts)) if len(firsts) == 1 else "")
    if weighted in ("z", "Z"):
        own["z"] = weighted
    defined = set(cost_definitions([(line, text) for line, text, _ in texts]))
    if "cost" in sp.written and sp.cost != base.names["cost"] and base.names["cost"] not in defined:
        own["cost"] = sp.cost
    elif "cost" not in sp.written and len(defined) == 1 and defined != {base.names["cost"]}:
        own["cost"] = defined.pop()  # nothing differentiated: the letter the notes define as the cost
    if "activation" in sp.written and sp.activation != base.names["z"]:
        own["activation"] = sp.activation
    if sp.delta != base.names["delta"]:
        own["delta"] = sp.delta
    if not own:
        return base
    return replace(base, name="rowvector-own", names={**base.names, **own},
                   description=base.description + ", in the notes' own letters ("
                   + ", ".join(f"{_ROLE_WORDS[role]} {name}" for role, name in own.items()) + ")")


#: What each letter the notes may name stands for, in the evidence ("weighted input z", not "z z").
_ROLE_WORDS = {"z": "weighted input", "cost": "cost", "activation": "activation", "delta": "error"}
