r"""A number as notes write a learning rate's value, read to its sign and size (review rates3).

Spellings read: ``-0.1``, ``−0.1`` (U+2212), ``-0{,}1`` and ``-0,1`` (a decimal comma), ``\frac{1}{2}``,
``-\frac{1}{10}``, ``\frac{-1}{10}``, ``-1/10``, ``(-0.1)``, ``\left(-0.1\right)``, ``\num{-0.1}``, ``5e-3``,
``5 \cdot 10^{-3}``, ``5 \times 10^{-3}``, ``-10^{-2}``, ``10^{400}``. A value past the range of a float keeps its
sign: ``10^{400}`` is a huge positive rate (before: an OverflowError that ended the run), ``10^{-400}`` a tiny positive
one, never 0 (before: read as 0, "makes no step").

>>> number("-0{,}1"), number("-1/10"), number("(-0.1)"), number("\\num{-0.1}")
(-0.1, -0.1, -0.1, -0.1)
>>> number("10^{-400}") > 0, number("10^{400}") > 1e300, f"{number('10^{-400}'):g}"
(True, True, '10^{-400}')
>>> number("\\eta_0") is None
True
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MINUS = "[-\u2212\u2013]"
_DIGITS = r"\d+(?:(?:\.|\{,\}|,(?=\d))\d+)?"
_FRAC = r"\\[dt]?frac\s*(?:\{\s*(?P<p>" + MINUS + r"?\s*\d+)\s*\}|(?P<p1>\d))\s*(?:\{\s*(?P<q>\d+)\s*\}|(?P<q1>\d))"
_NUMBER = re.compile(
    r"(?P<sign>" + MINUS + r")?\s*(?:(?:(?P<num>" + _DIGITS + r")(?:\s*/\s*(?P<den>\d+))?(?:[eE](?P<e>" + MINUS
    + r"?\d+))?|" + _FRAC + r")"
    r"(?:\s*(?:\\cdot|\\times)\s*10\s*\^\s*\{?\s*(?P<x>" + MINUS + r"?\s*\d+)\s*\}?)?"
    r"|10\s*\^\s*\{?\s*(?P<x2>" + MINUS + r"?\s*\d+)\s*\}?)")
_WRAP = re.compile(r"^(?:\\left\s*)?\((?P<in>[^()]*?)(?:\\right\s*)?\)$|^\\(?:num|SI|mathrm|text)\s*\{(?P<in2>[^{}]*)\}"
                   r"(?:\s*\{[^{}]*\})?$|^\{(?P<in3>[^{}]*)\}$")


class Written(float):
    """A float too large or too small for its written value: shown as written (``10^{-400}``)."""

    written: str

    def __new__(cls, value: float, written: str) -> "Written":
        out = super().__new__(cls, value)
        out.written = written
        return out

    def __format__(self, spec: str) -> str:
        return self.written if spec in ("g", "") else super().__format__(spec)


def _int(text: str) -> int:
    return int(re.sub(r"\s", "", text).replace("\u2212", "-").replace("\u2013", "-"))


def number(v: str) -> "float | None":
    """The value of a number written as in the module's list, or None (not a number: ``\\eta_0``)."""
    v = re.sub(r"\\[,;:! ]|~", " ", v.strip().strip("$")).strip().rstrip(".,;").strip()
    while (w := _WRAP.match(v)) is not None:
        v = next(g for g in w.groups() if g is not None).strip()
    m = _NUMBER.fullmatch(v)
    if m is None:
        return None
    try:
        if m.group("x2") is not None:
            value = Decimal(10) ** _int(m.group("x2"))
        elif m.group("num") is not None:
            value = Decimal(re.sub(r"\{,\}|,", ".", m.group("num")))
            if m.group("den") is not None:
                if int(m.group("den")) == 0:
                    return None
                value /= Decimal(m.group("den"))
            if m.group("e") is not None:
                value *= Decimal(10) ** _int(m.group("e"))
        else:
            q = int(m.group("q") or m.group("q1"))
            if q == 0:
                return None
            value = Decimal(_int(m.group("p") or m.group("p1"))) / Decimal(q)
        if m.group("x") is not None:
            value *= Decimal(10) ** _int(m.group("x"))
    except (InvalidOperation, ValueError, OverflowError):
        return None
    if m.group("sign"):
        value = -value
    out = float(value)
    if out in (float("inf"), float("-inf")) or (out == 0) != (value == 0):  # past a float's range: keep the sign
        return Written(out if out != 0 else (5e-324 if value > 0 else -5e-324), v)
    return out


__all__ = ["MINUS", "Written", "number"]
