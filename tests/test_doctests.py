"""The examples in the core modules' docstrings run as written."""

import doctest
import importlib

import pytest

CORE = ["symbp", "symbp.algebra", "symbp.functions", "symbp.notation", "symbp.network", "symbp.derive",
        "symbp.certificate", "symbp.backprop", "symbp.identities", "symbp.prove", "symbp.counterexample", "symbp.mutants"]


@pytest.mark.parametrize("name", CORE)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no runnable example"
