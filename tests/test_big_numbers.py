r"""Huge numbers never crash a report and never hang a command (issue 12, C1 and D1).

C1: Python refuses to print an integer of more than 4300 digits (``ValueError``), so a counterexample, a graph label
or a point holding one ended in an internal error (exit 70). D1: ``--set b^2_1=1e1000000`` ran for many minutes, and
nested powers of numbers in a formula (``(((99999999^8)^8)^8)^8``) outran ``--budget`` in one multiplication.
The commands that hung run in a subprocess with a generous timeout: a hang fails the test instead of the suite.
"""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest

from symbp.cli import main
from symbp.counterexample import point_text
from symbp.display.bignum import decimal, digits, ratio, whole
from symbp.network import network
from symbp.point import PointError, exact_value
from symbp.verify.confirm import _show
from symbp.verify.lexer import ReadError, number_bits
from symbp.verify.reader import read


def _symbp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symbp", *args], capture_output=True, text=True, timeout=60)


# -- C1: printing -------------------------------------------------------------------------------------------------


def test_whole_abbreviates_past_a_thousand_digits_with_the_exact_digit_count():
    # By hand: 10^4301 has 4302 digits, 10^4301 − 1 has 4301; 7^6000 has floor(6000·log10 7) + 1 = 5071.
    assert whole(10 ** 4301) == "≈ 1.00e4301 (an integer of 4302 digits)"
    assert digits(10 ** 4301 - 1) == 4301 and digits(10 ** 4301) == 4302
    assert digits(7 ** 6000) == 5071
    assert whole(-(10 ** 999) * 3) == "-3" + "0" * 999  # 1000 digits still print whole
    assert ratio(Fraction(1, 10 ** 5000)) == "≈ 1.00e-5000 (an exact fraction too long to print)"


def test_decimal_of_a_number_beyond_any_decimal_exponent_is_a_power_of_two():
    # e^(-10^10000) = 2^(-10^10000 / ln 2) = 2^(-1.44e10000): nstr would work out 10^(that) (hours).
    tiny = mpmath.mpf((0, 1, -(10 ** 10000), 1))
    assert decimal(tiny) == "≈ 2^(−1.00e10000)"
    assert decimal(mpmath.mpf(2) ** 400_000) == "≈ 9.96e120411"  # 400000·log10 2 = 120411.998…


def test_counterexample_values_and_points_past_4300_digits_print_abbreviated():
    with mpmath.workdps(50):  # the oracle's precision (oracle.DIGITS)
        assert _show(mpmath.mpf(10) ** 5000) == "1.0e+5000"
    assert _show(mpmath.mpf(9)) == "9"
    shown = point_text({("b", 2, 1): Fraction(10 ** 4400), ("w", 2, 1, 1): Fraction(1, 2)}, network([1, 1]))
    assert shown == {"b^2_1": "≈ 1.00e4400 (an integer of 4401 digits)", "w^2_11": "1/2"}


def test_graph_with_a_bias_of_4302_digits_draws_it_abbreviated(tmp_path, capsys):
    # the reviewer's command: exit 70 (ValueError in the label of b^2_1) before
    out = tmp_path / "g.dot"
    assert main(["graph", "--set", "b^2_1=1e4301", "--out", str(out)]) == 0
    assert "b²₁ = ≈ 1.00e4301 (an integer of 4302 digits)" in out.read_text()


# -- D1: bounds --------------------------------------------------------------------------------------------------


def test_exact_value_bounds():
    assert exact_value("1e10000") == 10 ** 10000 and exact_value("-1e-10000") == Fraction(-1, 10 ** 10000)
    assert exact_value("0e99") == 0
    for bad in ("1e10001", "1e-10001", "1e1000000000", "1" * 1001, 2 ** 40000):
        with pytest.raises(PointError, match="10\\^10000"):
            exact_value(bad)


def test_graph_set_with_a_huge_exponent_exits_2_at_once(tmp_path, capsys):
    # 1e1000000000 never ends in Fraction itself: in a subprocess; 1e1000000 ran for minutes (mpmath)
    done = _symbp("graph", "--set", "b^2_1=1e1000000000", "--out", str(tmp_path / "g.dot"))
    assert done.returncode == 2, done.stderr
    assert "past symbp's limit" in done.stderr and "Traceback" not in done.stderr
    assert main(["graph", "--set", "b^2_1=1e1000000", "--out", str(tmp_path / "g.dot")]) == 2
    assert "10^-10000 and 10^10000" in " ".join(capsys.readouterr().err.split())
    assert not (tmp_path / "g.dot").exists()


def test_number_bits_bounds_the_digits_of_nested_powers():
    # (99999999^8)^8 = 99999999^64 has 64·8 = 512 digits; the bound (27 bits for 99999999, plus 1) must cover it.
    eq = read(r"\frac{\partial C}{\partial b^l_j} = (99999999^8)^8 \delta^l_j")
    assert number_bits(eq) * 0.30103 >= len(str(99999999 ** 64)) == 512


def test_nested_powers_of_numbers_are_refused_before_any_algebra():
    with pytest.raises(ReadError, match="past the limit of 1000 digits"):
        read(r"\frac{\partial C}{\partial b^l_j} = (((99999999^8)^8)^8)^8 \delta^l_j")


def test_verify_of_nested_huge_powers_exits_2_not_after_the_budget():
    # 99999999^(8^7): 16.7 million digits, one multiplication that --budget 5 could not stop (24 s before)
    done = _symbp("verify", "--budget", "5",
                  r"\frac{\partial C}{\partial b^l_j} = ((((((99999999^8)^8)^8)^8)^8)^8)^8 \delta^l_j")
    assert done.returncode == 2 and "past the limit of 1000 digits" in " ".join(done.stderr.split())


def test_layer_formula_with_a_huge_exponent_exits_2():
    # x^{99999999} and 99999999^{99999999} in --layer formulas hung past --budget before
    done = _symbp("verify", "--budget", "5", "--layer", "batchnorm",
                  r"\frac{\partial L}{\partial \gamma} = 99999999^{99999999} \sum_i g_i \hat x_i")
    assert done.returncode == 2 and "past the cap of 8" in " ".join(done.stderr.split())


def test_notes_own_terms_with_nested_huge_powers_are_unreadable(tmp_path):
    # read in the notes' own terms (h = σ(g), L): a ValueError past 4300 digits after 44 s before
    notes = tmp_path / "own.md"
    notes.write_text("Let $g = x W$ and $h = \\sigma(g)$, with the loss $L = \\frac{1}{2}(h - y)^2$.\n\n"
                     "$$\\frac{\\partial L}{\\partial g} = ((((((99999999^8)^8)^8)^8)^8)^8)^8 (h - y) "
                     "\\sigma'(g)$$\n")
    done = _symbp("verify", "--budget", "5", "--notes", str(notes))
    assert done.returncode == 3, done.stderr  # nothing judged: the claim is unreadable
    assert "line 3: unreadable" in done.stdout and "past the limit of 1000 digits" in done.stdout


def test_a_value_past_a_float_is_text_in_json_and_null_as_a_float(capsys):
    # (99999999^8)^8 = 99999999^64 ≈ 1e512: its float was -Infinity, which no JSON reader accepts; the exact
    # digits past the oracle's 50 were printed as if known. By hand: right ≈ 0.99999936e512 · left, left ≈ −0.7589.
    import json

    assert main(["verify", "--json", r"\frac{\partial C}{\partial b^l_j} = (99999999^8)^8 \delta^l_j"]) == 1
    cx = json.loads(capsys.readouterr().out, parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))[0][
        "counterexample"]
    assert cx["rhs_value"] is None and cx["rhs"].startswith("-7.5886") and cx["rhs"].endswith("e+511")


def test_a_layer_shape_past_the_limit_exits_2_before_listing_its_positions(capsys):
    # input=99999999999999999999x2 overflowed listing positions (exit 70); 100000x100000 would list 10^10 of them
    for shape, entries in (("input=99999999999999999999x2", "199,999,999,999,999,999,998"),
                           ("input=100000x100000", "10,000,000,000")):
        assert main(["prove", "--layer", "conv2d", "--shape", shape]) == 2
        assert f"spans {entries} entries, past the limit of 200,000" in " ".join(capsys.readouterr().err.split())
