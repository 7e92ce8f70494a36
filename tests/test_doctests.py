"""The examples in the modules' docstrings run as written."""

import doctest
import importlib
import pkgutil

import pytest

import symbp

CORE = ["symbp", "symbp.algebra", "symbp.functions", "symbp.notation", "symbp.network", "symbp.derive",
        "symbp.certificate", "symbp.backprop", "symbp.identities.mlp", "symbp.identities.catalogue", "symbp.prove",
        "symbp.counterexample", "symbp.mutants", "symbp.files"]

#: Every module of the package (its optional pieces included: their imports are guarded).
EVERY = sorted(m.name for m in pkgutil.walk_packages(symbp.__path__, "symbp."))


@pytest.mark.parametrize("name", CORE)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no runnable example"


@pytest.mark.parametrize("name", EVERY)
def test_every_module_imports_and_its_examples_pass(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
