"""Suite-wide: say which SymPy the suite ran against (CI installs the newest release below 2)."""

from __future__ import annotations

import platform

import sympy


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"symbp's suite ran with SymPy {sympy.__version__} on Python {platform.python_version()}")
