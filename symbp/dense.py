r"""Dense products and powers through python-flint, where they win.

``algebra.Poly`` keeps a polynomial as a dictionary of monomials: the right
form for the ground truth of a network, whose products are sparse over
thousands of atoms. A *dense* product, few atoms and many terms colliding on
the same monomials (a power of a sum, :math:`(x_1 + \dots + x_6)^8`), is
where FLINT's ``fmpz_mpoly``/``fmpq_mpoly`` are hundreds of times faster.
This module hands such products to FLINT when python-flint (the optional
extra ``symbp[flint]``) is installed, and declines (returns ``None``) when it
is not or when the shape is sparse, so ``algebra`` does the work itself.
The result is the same polynomial either way: exact integer and rational
coefficients, the same monomials (tests/test_dense.py compares the two on
the whole catalogue and the verifier corpus).

The shape rule: a product goes to FLINT when it is large (``MIN_PRODUCT``
term pairs or more) over at most ``MAX_ATOMS`` atoms; a power ``p^n``
(n ≥ 2) when ``p`` has at most ``MAX_ATOMS`` atoms. Over more atoms the
conversion costs more than the product saves. The test ``p q = r s`` (two
rational functions compared by cross-multiplication) goes to FLINT whole when
its two products together have ``MIN_COMPARISON`` term pairs or more over at
most ``MAX_ATOMS`` atoms: only the answer (equal or not) comes back, so no
product is converted back into a dictionary.

>>> terms = {(0,): 1, (1,): 1}            # x_0 + x_1
>>> square = power(terms, 2)
>>> square is None or square == {(0, 0): 1, (0, 1): 2, (1, 1): 1}
True
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from fractions import Fraction
from math import comb

#: A product of ``len(a) * len(b)`` term pairs at least this many is considered.
MIN_PRODUCT = 4096
#: A comparison ``p q = r s`` of this many term pairs at least (both products together) is considered.
MIN_COMPARISON = 512
#: Past this many distinct atoms a product is sparse enough for the dictionaries.
MAX_ATOMS = 32

try:  # the optional extra
    import flint as _flint
except ImportError:  # pragma: no cover - depends on the install
    _flint = None

_STATE = {"enabled": _flint is not None and os.environ.get("SYMBP_FLINT", "1") != "0", "forced": False}


def available() -> bool:
    """True when python-flint is installed (whether or not it is switched on)."""
    return _flint is not None


def enabled() -> bool:
    """True when dense products are handed to FLINT (installed, and not switched off)."""
    return _STATE["enabled"]


@contextmanager
def policy(*, enabled: bool | None = None, forced: bool = False):
    """Within the block, switch FLINT on or off (``enabled``), or send it every
    product and power whatever its shape (``forced``, for the comparison tests)."""
    saved = dict(_STATE)
    if enabled is not None:
        _STATE["enabled"] = bool(enabled) and _flint is not None
    _STATE["forced"] = forced and _STATE["enabled"]
    try:
        yield
    finally:
        _STATE.update(saved)


def _atoms(*polys) -> list:
    seen: set = set()
    for terms in polys:
        if terms:
            seen.update(*terms)  # every monomial's atoms, in one call
    return sorted(seen)


def _context(terms_list, atoms):
    # integer coefficients take fmpz_mpoly (faster); any fraction fmpq_mpoly
    rational = any(type(c) is not int for terms in terms_list for c in terms.values())
    kind = _flint.fmpq_mpoly_ctx if rational else _flint.fmpz_mpoly_ctx
    return kind.get(("g", max(len(atoms), 1))), rational


def _to_flint(terms: dict, ctx, position: dict, k: int, rational: bool):
    out = {}
    for m, c in terms.items():
        vec = [0] * k
        for g in m:
            vec[position[g]] += 1
        if rational and type(c) is Fraction:
            c = _flint.fmpq(c.numerator, c.denominator)
        out[tuple(vec)] = c
    return ctx.from_dict(out)


def _from_flint(poly, atoms: list, rational: bool) -> dict:
    out = {}
    for vec, c in zip(poly.monoms(), poly.coeffs()):
        m = tuple(atoms[i] for i, e in enumerate(vec) for _ in range(e))
        if rational:
            num, den = int(c.p), int(c.q)
            out[m] = num if den == 1 else Fraction(num, den)
        else:
            out[m] = int(c)
    return out


def _fits(bound: int, max_terms: "int | None") -> bool:
    # A FLINT call cannot be interrupted: take it only when its answer fits
    # the size budget of the computation (``max_terms``, from algebra.limits),
    # else let the dictionary product run, which checks the budget as it goes.
    return max_terms is None or bound <= max_terms


def multiply(a: dict, b: dict, max_terms: "int | None" = None) -> "dict | None":
    """The product of two term dictionaries through FLINT, or ``None`` to decline."""
    if not _STATE["enabled"]:
        return None
    atoms = _atoms(a, b)
    if not _STATE["forced"] and (len(atoms) > MAX_ATOMS or len(a) * len(b) < MIN_PRODUCT):
        return None
    if not _fits(len(a) * len(b), max_terms):
        return None
    k = max(len(atoms), 1)
    ctx, rational = _context((a, b), atoms)
    position = {g: i for i, g in enumerate(atoms)}
    product = _to_flint(a, ctx, position, k, rational) * _to_flint(b, ctx, position, k, rational)
    return _from_flint(product, atoms, rational)


def products_equal(p: dict, q: dict, r: dict, s: dict, max_terms: "int | None" = None) -> "bool | None":
    """Is ``p q = r s`` (term dictionaries), decided exactly by FLINT; ``None`` to decline.

    >>> x, y = {(0,): 1}, {(1,): 1}
    >>> products_equal(x, y, y, x) in (True, None)
    True
    >>> products_equal(x, x, y, y) in (False, None)
    True
    """
    if not _STATE["enabled"]:
        return None
    atoms = _atoms(p, q, r, s)
    pairs = len(p) * len(q) + len(r) * len(s)
    if not _STATE["forced"] and (len(atoms) > MAX_ATOMS or pairs < MIN_COMPARISON):
        return None
    if not _fits(pairs, max_terms):
        return None
    k = max(len(atoms), 1)
    ctx, rational = _context((p, q, r, s), atoms)
    position = {g: i for i, g in enumerate(atoms)}
    fp, fq, fr, fs = (_converted(t, ctx, position, k, rational) for t in (p, q, r, s))
    return fp * fq == fr * fs


#: A polynomial compared again and again (one side's ground truth against several readings of the other) is
#: converted once: (atoms, rational, size, hash of its terms) -> (a copy of its terms, the FLINT polynomial).
_CONVERTED: dict = {}
#: Polynomials with fewer terms than this are converted afresh (cheaper than looking them up).
MIN_KEPT = 100
_MAX_KEPT = 256


def _converted(terms: dict, ctx, position: dict, k: int, rational: bool):
    """``_to_flint``, remembered for large polynomials. A hit is checked term by term against the copy kept, so
    a hash collision (or a dictionary changed since) cannot hand back another polynomial."""
    if len(terms) < MIN_KEPT:
        return _to_flint(terms, ctx, position, k, rational)
    key = (tuple(position), rational, len(terms), hash(frozenset(terms.items())))
    kept = _CONVERTED.get(key)
    if kept is not None and kept[0] == terms:
        return kept[1]
    poly = _to_flint(terms, ctx, position, k, rational)
    while len(_CONVERTED) >= _MAX_KEPT:
        del _CONVERTED[next(iter(_CONVERTED))]
    _CONVERTED[key] = (dict(terms), poly)
    return poly


def power(terms: dict, n: int, max_terms: "int | None" = None) -> "dict | None":
    """``terms`` to the power ``n`` (≥ 2) through FLINT, or ``None`` to decline."""
    if not _STATE["enabled"]:
        return None
    atoms = _atoms(terms)
    if not _STATE["forced"] and len(atoms) > MAX_ATOMS:
        return None
    # at most one term per way of choosing n of the terms (with repetition)
    if not _fits(comb(len(terms) + n - 1, n), max_terms):
        return None
    k = max(len(atoms), 1)
    ctx, rational = _context((terms,), atoms)
    position = {g: i for i, g in enumerate(atoms)}
    return _from_flint(_to_flint(terms, ctx, position, k, rational) ** n, atoms, rational)
