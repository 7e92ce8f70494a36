"""symbp's pytest plugin: hooks and fixtures only (the assertions live in ``symbp.testing``).

Registered through the ``pytest11`` entry point, or with ``-p symbp.testing.plugin``.

* ``--symbp-undecided=fail|skip`` (ini: ``symbp_undecided``): what an
  ``undecided`` verdict does to a test (default: fail with its reason).
* ``--symbp-require-proof`` (ini: ``symbp_require_proof``): only a proof
  passes; ``probably-true`` (a random-point identity test) fails the test.
* fixture ``symbp_network``: a ``Network`` built from the ``symbp_network``
  marker (``@pytest.mark.symbp_network([2, 3, 2], activation="tanh")``) or
  from ``--symbp-sizes``/``--symbp-activation``/``--symbp-cost``; an unknown
  activation or cost fails that test with a one-line reason.
* fixture ``symbp_notation``: the ``Notation`` named by the ``symbp_notation``
  marker or ``--symbp-notation`` (default ``nielsen``).
* a usage error raised inside a test (an unknown activation, notation or
  identity: any ``SymbpError``) fails it with one line naming the test's own
  line, not a traceback through symbp.
* fixture ``symbp_layer``: a layer from ``symbp.layers`` built from the
  ``symbp_layer`` marker (``@pytest.mark.symbp_layer("conv2d", "stride=2,input=5x5")``
  or ``@pytest.mark.symbp_layer("batchnorm", batch=4)``), for ``assert_identity``.
"""

from __future__ import annotations

import os

import pytest

from . import assertions as testing
from ..errors import SymbpError


def pytest_addoption(parser):
    group = parser.getgroup("symbp", "symbolic backpropagation checks")
    group.addoption("--symbp-undecided", choices=testing.UNDECIDED_POLICIES, default=None,
                    help="an undecided verdict fails the test (default) or skips it")
    group.addoption("--symbp-notation", default=None, help="notation profile of the symbp_notation fixture (default nielsen)")
    group.addoption("--symbp-sizes", default=None, help="layer sizes of the symbp_network fixture, e.g. 2,3,2")
    group.addoption("--symbp-activation", default=None, help="activation of the symbp_network fixture (default generic)")
    group.addoption("--symbp-cost", default=None, help="cost of the symbp_network fixture (default quadratic)")
    group.addoption("--symbp-require-proof", action="store_true", default=None,
                    help="only a proof passes: a probably-true verdict (random points) fails the test")
    parser.addini("symbp_undecided", "fail or skip on an undecided verdict", default="fail")
    parser.addini("symbp_require_proof", "fail a probably-true verdict (only proofs pass)", type="bool", default=False)
    parser.addini("symbp_notation", "default notation profile", default="nielsen")


def pytest_configure(config):
    config.addinivalue_line("markers", "symbp_network(sizes, activation='generic', cost='quadratic', one_hot=False): "
                                       "the network of the symbp_network fixture")
    config.addinivalue_line("markers", "symbp_notation(name): the profile of the symbp_notation fixture")
    config.addinivalue_line("markers", "symbp_layer(kind, shape='', **sizes): the layer of the symbp_layer fixture")
    policy = config.getoption("--symbp-undecided") or config.getini("symbp_undecided")
    if policy not in testing.UNDECIDED_POLICIES:
        raise pytest.UsageError(f"symbp_undecided = {policy!r}; use one of {', '.join(testing.UNDECIDED_POLICIES)}")
    config._symbp_previous_undecided = testing.settings.undecided  # restored at unconfigure (nested sessions)
    config._symbp_previous_require_proof = testing.settings.require_proof
    testing.settings.undecided = policy
    testing.settings.require_proof = bool(config.getoption("--symbp-require-proof") or config.getini("symbp_require_proof"))


def pytest_unconfigure(config):
    previous = getattr(config, "_symbp_previous_undecided", None)
    if previous is not None:
        testing.settings.undecided = previous
        testing.settings.require_proof = config._symbp_previous_require_proof


def pytest_report_header(config):
    return (f"symbp: undecided verdicts {'skip' if testing.settings.undecided == 'skip' else 'fail'}"
            + ("; only proofs pass (probably-true fails)" if testing.settings.require_proof else ""))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    # Bad input to symbp inside a test body: one line, at the test's own line.
    try:
        return (yield)
    except SymbpError as exc:
        if isinstance(exc, AssertionError):
            raise
        message = " ".join(str(exc).split())
        where = _test_line(exc, item)
        failure = pytest.fail.Exception(f"symbp usage error{where}: {message}", pytrace=False)
        failure.symbp_usage_error = True
        raise failure from None


def _test_line(exc: BaseException, item) -> str:
    # The last frame of the traceback inside the test's file: " at test_x.py:12".
    path = os.path.abspath(str(getattr(item, "path", "") or getattr(item, "fspath", "")))
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == path:
            found = f" at {os.path.basename(path)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # A usage error raised while a fixture is set up (unknown notation,
    # activation, cost) is the test's failure, not an error of the session.
    outcome = yield
    report = outcome.get_result()
    if call.when == "setup" and call.excinfo is not None and getattr(call.excinfo.value, "symbp_usage_error", False):
        report.when = "call"


@pytest.fixture
def symbp_notation(request):
    """The notation profile for this test (marker, then option, then ini)."""
    from ..notation import profile

    marker = request.node.get_closest_marker("symbp_notation")
    name = marker.args[0] if marker and marker.args else (
        request.config.getoption("--symbp-notation") or request.config.getini("symbp_notation"))
    try:
        return profile(name)
    except SymbpError as exc:
        testing.usage_error(exc)


@pytest.fixture
def symbp_network(request):
    """The network for this test (marker, then options)."""
    from ..network import network, parse_sizes

    marker = request.node.get_closest_marker("symbp_network")
    config = request.config
    try:
        if marker is not None:
            args, kwargs = list(marker.args), dict(marker.kwargs)
            sizes = args.pop(0) if args else kwargs.pop("sizes", [2, 3, 2])
            return network(sizes, *args, **kwargs)
        sizes = parse_sizes(config.getoption("--symbp-sizes") or "2,3,2")
        return network(sizes, config.getoption("--symbp-activation") or "generic", config.getoption("--symbp-cost") or "quadratic")
    except SymbpError as exc:
        testing.usage_error(exc)
    except TypeError as exc:
        testing.usage_error(TypeError(f"bad symbp_network marker: {exc}"))


@pytest.fixture
def symbp_layer(request):
    """The layer for this test, from the ``symbp_layer`` marker (kind, then a shape text or keyword sizes)."""
    from .. import layers

    marker = request.node.get_closest_marker("symbp_layer")
    if marker is None or not marker.args:
        testing.usage_error(TypeError("the symbp_layer fixture needs @pytest.mark.symbp_layer(kind, ...)"))
    try:
        kind, *rest = marker.args
        if marker.kwargs:
            return layers.kind(kind).build(**marker.kwargs)
        return layers.layer(kind, rest[0] if rest else "")
    except SymbpError as exc:
        testing.usage_error(exc)
    except TypeError as exc:
        testing.usage_error(TypeError(f"bad symbp_layer marker: {exc}"))
