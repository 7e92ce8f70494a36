"""Suite-wide hooks.

- Every formula `symbp.verify` finds to hold is re-checked by the independent oracle.
  Issue 12 (item 7): a "holds" produced anywhere in the test suites is evaluated again at random
  points with every derivative taken from the composed network (``symbp.verify.recheck``); a
  disagreement fails the test that produced it.
- The last line says which SymPy the suite ran against (CI installs the newest release below 2).
"""

from __future__ import annotations

import platform

import pytest
import sympy

from symbp.verify import recheck as _recheck


def _oracle_agrees(result, notation):
    problems = _recheck.recheck(result, notation)
    if problems:
        raise AssertionError(f"symbp says {result.formula!r} {result.status}, but the oracle disagrees: {problems[0]}")


@pytest.fixture(autouse=True, scope="session")
def _recheck_every_holds():
    _recheck.HOOKS.append(_oracle_agrees)
    yield
    _recheck.HOOKS.remove(_oracle_agrees)


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"symbp's suite ran with SymPy {sympy.__version__} on Python {platform.python_version()}")
