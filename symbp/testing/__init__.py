r"""Symbolic checks as ordinary tests: assertion helpers, the pytest plugin, the sandbox.

``assertions`` holds the helpers a course's tests call (``assert_identity``,
``assert_formula``, the ``networks`` decorator), ``gradients`` ``assert_gradient``, ``explain``
how a refutation is shown in the course's notation;
``plugin`` is the pytest plugin (hooks and fixtures only); ``sandbox`` runs a
symbolic step in a worker process under a time and memory limit.

>>> import symbp.testing as st
>>> from symbp import network
>>> st.assert_identity("BP2", network([2, 3, 2])).verdict
'proved'
"""

from .assertions import (
    UNDECIDED_POLICIES, NetworkSpec, SymbpAssertionError, assert_formula, assert_identity, check_certificate,
    network_specs, networks, settings, usage_error,
)
from .explain import explain, explain_formula
from .gradients import assert_gradient

__all__ = [
    "NetworkSpec", "SymbpAssertionError", "UNDECIDED_POLICIES", "assert_formula", "assert_gradient", "assert_identity",
    "check_certificate", "explain", "explain_formula", "network_specs", "networks", "settings", "usage_error",
]
