"""symbp.dense: python-flint's products are symbp.algebra's products (issue 17).

The oracle for FLINT is symbp's own dictionary arithmetic (and it, in turn,
sympy.expand in tests/test_algebra.py): with FLINT forced onto every product
and power, the polynomials, the whole catalogue's certificates
(tests/data/catalogue_certificates.json) and the verifier corpus's
verdicts must come out identical. Without python-flint these tests skip with
a note; the default install never needs it.
"""

from __future__ import annotations

import dataclasses
import importlib
import random
from fractions import Fraction

import pytest

from symbp import algebra, dense
from symbp.algebra import Poly, RatFunc

needs_flint = pytest.mark.skipif(
    not dense.available(), reason="python-flint is not installed (the optional extra symbp[flint]); nothing to compare"
)


def _random_poly(rng: random.Random, atoms: int, terms: int, degree: int, rational: bool) -> Poly:
    p = Poly()
    for _ in range(terms):
        mono = Poly.const(Fraction(rng.randint(-9, 9), rng.randint(1, 4)) if rational else rng.randint(-9, 9))
        for _ in range(rng.randint(0, degree)):
            mono = mono * Poly.gen(rng.randrange(atoms))
        p = p + mono
    return p


def test_without_flint_nothing_is_handed_over():
    with dense.policy(enabled=False):
        assert dense.multiply({(0,): 1}, {(1,): 1}) is None
        assert dense.power({(0,): 1, (1,): 1}, 3) is None
        s = Poly.gen(0) + Poly.gen(1)
        assert (s**2).terms == {(0, 0): 1, (0, 1): 2, (1, 1): 1}  # (x + y)² by hand


@needs_flint
@pytest.mark.parametrize("seed", range(12))
def test_products_and_powers_agree_with_the_dictionaries(seed):
    rng = random.Random(seed)
    rational = seed % 2 == 1
    a = _random_poly(rng, atoms=rng.randint(1, 40), terms=rng.randint(1, 30), degree=4, rational=rational)
    b = _random_poly(rng, atoms=rng.randint(1, 40), terms=rng.randint(1, 30), degree=4, rational=rational)
    n = rng.randint(2, 5)
    with dense.policy(enabled=False):
        want_product, want_power = (a * b).terms, (a**n).terms
    with dense.policy(forced=True):
        got_product, got_power = (a * b).terms, (a**n).terms
    assert got_product == want_product and got_power == want_power
    # the same kinds of coefficient: int where integral, Fraction otherwise
    for got, want in ((got_product, want_product), (got_power, want_power)):
        assert {m: type(c) for m, c in got.items()} == {m: type(c) for m, c in want.items()}


@needs_flint
def test_six_term_sum_to_the_eighth_is_chosen_for_flint_and_right():
    # (x1 + … + x6)^8 has C(13, 5) = 1287 terms; the coefficient of x1^2 x2^2 x3^2 x4 x5 is 8!/(2!2!2!) = 5040
    s = sum((Poly.gen(i) for i in range(6)), Poly())
    calls = []
    original = dense.power

    def spy(*args, **kwargs):
        out = original(*args, **kwargs)
        calls.append(out is not None)
        return out

    dense.power = spy
    try:
        p = s**8
    finally:
        dense.power = original
    assert calls == [True]  # the shape rule picked FLINT by itself
    assert len(p) == 1287 and p.terms[(0, 0, 1, 1, 2, 2, 3, 4)] == 5040


@needs_flint
def test_rational_functions_agree():
    x, y = Poly.gen(0), Poly.gen(1)
    r = RatFunc(x + y, x * y + 1) ** 3 - RatFunc(Poly.const(Fraction(1, 3)), y)
    with dense.policy(enabled=False):
        want = (r.num.terms, r.den.terms)
    with dense.policy(forced=True):
        r = RatFunc(x + y, x * y + 1) ** 3 - RatFunc(Poly.const(Fraction(1, 3)), y)
        assert (r.num.terms, r.den.terms) == want


@needs_flint
def test_the_whole_catalogue_gives_the_same_certificates_through_flint():
    from golden_certificates import cases, certificate_dict, golden

    stored = golden()
    with dense.policy(forced=True):
        for label, net, ident, method in cases():
            if method == "exact":
                assert certificate_dict(net, ident, method) == stored[label], label


@needs_flint
def test_the_verifier_corpus_gives_the_same_verdicts_through_flint():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    from pathlib import Path

    from symbp.verify import verify

    check = importlib.import_module("symbp.verify.check")

    corpus = tomllib.loads((Path(__file__).parent / "data" / "verify_corpus.toml").read_text(encoding="utf-8"))
    jobs = []
    for e in corpus["correct"]:
        options = dict(cost=e.get("cost", "quadratic"), one_hot=e.get("one_hot", False), activation=e.get("activation", "generic"))
        jobs.append((e["formula"], e["notation"], options))
        jobs += [(m, e["notation"], options) for m, _ in e["mutants"]]
    jobs += [(e["formula"], e["notation"], dict(cost=e.get("cost", "quadratic"))) for e in corpus["wrong"]]

    def run_all():
        out = []
        for formula, notation, options in jobs:
            check._CONTEXTS.clear()  # the ground truth computed afresh in this mode
            v = dataclasses.asdict(verify(formula, notation, **options))
            v.pop("seconds")
            out.append(v)
        return out

    with dense.policy(enabled=False):
        plain = run_all()
    with dense.policy(forced=True):
        through_flint = run_all()
    assert through_flint == plain
    assert {v["status"] for v in plain} >= {"holds", "refuted"}


@needs_flint
@pytest.mark.parametrize("seed", range(8))
def test_cross_multiplied_comparison_agrees_with_the_dictionaries(seed):
    # p q = r s decided whole by FLINT (no product converted back) against the dictionary products: with
    # q = s t and r = p t the two products are equal; r plus one term makes them differ. Each is compared
    # twice, so the second answer comes from the kept conversions.
    rng = random.Random(100 + seed)
    rational = seed % 2 == 1
    p = _random_poly(rng, atoms=8, terms=rng.randint(120, 200), degree=3, rational=rational)
    s0 = _random_poly(rng, atoms=8, terms=rng.randint(3, 8), degree=2, rational=rational)
    t = _random_poly(rng, atoms=8, terms=rng.randint(2, 4), degree=1, rational=rational)
    q, r = s0 * t, p * t  # p q = p s0 t = r s0
    off = r + Poly.gen(rng.randrange(8))
    with dense.policy(enabled=False):
        assert algebra.products_equal(p, q, r, s0) is True
        assert algebra.products_equal(p, q, off, s0) is False
    for _ in range(2):
        assert dense.products_equal(p.terms, q.terms, r.terms, s0.terms) is True
        assert dense.products_equal(p.terms, q.terms, off.terms, s0.terms) is False
        assert algebra.products_equal(p, q, r, s0) is True and algebra.products_equal(p, q, off, s0) is False


@needs_flint
def test_a_kept_conversion_is_never_handed_back_for_another_polynomial(monkeypatch):
    # every hash the same: a kept conversion must still be checked term by term before it is used
    monkeypatch.setattr(dense, "_CONVERTED", {})
    x = [Poly.gen(i) for i in range(4)]
    big = (x[0] + x[1] + x[2] + x[3] + 1) ** 8  # C(12, 4) = 495 terms
    other = big + x[0]
    assert len(big.terms) >= dense.MIN_KEPT and 2 * len(big.terms) >= dense.MIN_COMPARISON
    assert len(other.terms) == len(big.terms)  # the same size too: only the terms tell them apart
    monkeypatch.setattr(dense, "hash", lambda value: 7, raising=False)
    one = Poly.const(1)
    assert dense.products_equal(big.terms, one.terms, big.terms, one.terms) is True
    assert dense.products_equal(other.terms, one.terms, big.terms, one.terms) is False
    assert dense.products_equal(big.terms, one.terms, other.terms, one.terms) is False
