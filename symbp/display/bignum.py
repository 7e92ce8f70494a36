r"""Numbers too long to print whole, abbreviated: ``≈ 1.23e4301 (an integer of 4302 digits)``.

Python refuses to turn an integer of more than 4300 digits into text (a
``ValueError`` since 3.11), and a report line holding thousands of digits helps
no reader anyway. ``whole`` and ``ratio`` print a number exactly while it has at
most ``SHOWN_DIGITS`` digits, and as a rounded mantissa and exponent past that,
without ever converting the whole integer to decimal: the exponent comes from
the bit length, the mantissa from the leading 64 bits.

>>> whole(12345)
'12345'
>>> whole(10 ** 4301)
'≈ 1.00e4301 (an integer of 4302 digits)'
>>> whole(-3 * 10 ** 5000)
'≈ −3.00e5000 (an integer of 5001 digits)'
>>> from fractions import Fraction
>>> ratio(Fraction(1, 3))
'1/3'
>>> ratio(Fraction(1, 7 ** 6000))
'≈ 2.58e-5071 (an exact fraction too long to print)'
"""

from __future__ import annotations

import math
from fractions import Fraction

#: Integers of up to this many digits print whole (Python's own limit is 4300).
SHOWN_DIGITS = 1000

_LOG10_2 = math.log10(2)


def _log10(n: int) -> float:
    """log10(n) for n > 0 from its leading 64 bits: never the decimal text of n."""
    shift = max(0, n.bit_length() - 64)
    return math.log10(n >> shift) + shift * _LOG10_2


def digits(n: int) -> int:
    """The number of decimal digits of ``abs(n)`` (1 for 0), without converting it to text.

    >>> digits(0), digits(9), digits(10), digits(10 ** 5000 - 1), digits(10 ** 5000)
    (1, 1, 2, 5000, 5001)
    """
    n = abs(n)
    if n < 10:
        return 1
    if n.bit_length() <= 3 * SHOWN_DIGITS:  # small enough to count exactly the cheap way
        return len(str(n))
    estimate = math.floor(_log10(n))
    # the float estimate can be off by one next to a power of ten: settle it exactly
    if n >= 10 ** (estimate + 1):
        estimate += 1
    elif n < 10 ** estimate:
        estimate -= 1
    return estimate + 1


def _scientific(log: float, negative: bool) -> str:
    exponent = math.floor(log)
    mantissa = 10 ** (log - exponent)
    if round(mantissa, 2) >= 10:  # 9.999… rounds up to the next power
        mantissa, exponent = 1.0, exponent + 1
    return f"≈ {'−' if negative else ''}{mantissa:.2f}e{exponent}"


def whole(n: int) -> str:
    """An integer as text: whole up to ``SHOWN_DIGITS`` digits, abbreviated past them."""
    n = int(n)
    if n.bit_length() <= 3 * SHOWN_DIGITS or digits(n) <= SHOWN_DIGITS:
        return str(n)
    return f"{_scientific(_log10(abs(n)), n < 0)} (an integer of {digits(n)} digits)"


def ratio(v: Fraction) -> str:
    """An exact fraction as ``p/q`` while both fit in ``SHOWN_DIGITS`` digits, else abbreviated (see ``whole``)."""
    v = Fraction(v)
    if v.denominator == 1:
        return whole(v.numerator)
    if max(abs(v.numerator).bit_length(), v.denominator.bit_length()) <= 3 * SHOWN_DIGITS or (
            digits(v.numerator) <= SHOWN_DIGITS and digits(v.denominator) <= SHOWN_DIGITS):
        return f"{v.numerator}/{v.denominator}"
    log = _log10(abs(v.numerator)) - _log10(v.denominator)
    return f"{_scientific(log, v < 0)} (an exact fraction too long to print)"


#: mpmath's ``nstr`` works out a power of ten as long as the number's exponent: past this many bits of exponent
#: (about 30,000 decimal digits) it would take minutes to hours, so the text comes from the exponent instead.
NSTR_EXPONENT_BITS = 100_000


def decimal(v, figures: int = 25, **options) -> str:
    """An mpmath number as ``mpmath.nstr(v, figures, **options)`` does, except one so large or so small that nstr
    would take hours (σ'(z) at z = −10^10000 is about e^(−10^10000)): then from its binary exponent.

    >>> import mpmath
    >>> decimal(mpmath.mpf(1) / 3, 5)
    '0.33333'
    >>> decimal(mpmath.mpf(2) ** -400_000)
    '≈ 1.00e-120412'
    >>> decimal(-mpmath.exp(mpmath.mpf(10) ** 100))
    '≈ −2^(1.44e100)'
    """
    import mpmath

    v = mpmath.mpf(v)
    if not v or not mpmath.isfinite(v):
        return mpmath.nstr(v, figures, **options)
    sign, man, exp, bc = v._mpf_
    top = exp + bc  # 2^(top − 1) ≤ |v| < 2^top
    if abs(top) <= NSTR_EXPONENT_BITS:
        return mpmath.nstr(v, figures, **options)
    if abs(top) < 10 ** 12:  # the float log10 still has its first figures right
        return _scientific(_log10(man) + exp * _LOG10_2, bool(sign))
    # the exponent itself too long to print: its own first figures
    return f"≈ {'−' if sign else ''}2^({_scientific(_log10(abs(top)), top < 0)[2:]})"


def fits(v) -> bool:
    """Whether the integer or fraction ``v`` prints whole (``whole``/``ratio`` do not abbreviate it)."""
    v = Fraction(v)
    return digits(v.numerator) <= SHOWN_DIGITS and digits(v.denominator) <= SHOWN_DIGITS


__all__ = ["NSTR_EXPONENT_BITS", "SHOWN_DIGITS", "decimal", "digits", "fits", "ratio", "whole"]
