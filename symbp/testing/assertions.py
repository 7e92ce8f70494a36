r"""Assertion helpers that turn symbp's checks into ordinary tests.

A course or a team writes plain pytest functions::

    import symbp.testing as st

    @st.networks(sizes=[[2, 3, 2], [3, 4, 4, 2]], activations=["sigmoid", "generic"])
    def test_bp4(net):
        st.assert_identity("BP4", net)

Each helper passes silently or raises ``SymbpAssertionError`` (an
``AssertionError``) whose message shows the counterexample in the notation
asked for, never a SymPy repr. A verdict of ``undecided`` fails with its
reason, or skips the test when asked to (``undecided="skip"``, or the
plugin's ``--symbp-undecided=skip``). A usage error (an unknown identity,
notation or activation) fails the test with a one-line reason.

>>> from symbp import network
>>> assert_identity("BP2", network([2, 3, 2])).verdict
'proved'
"""

from __future__ import annotations

import functools
import inspect
import itertools
from dataclasses import dataclass
from typing import Iterable, Sequence


from .. import identities, layers
from ..certificate import Certificate
from ..errors import SpecError, SymbpError
from ..network import Network, network as build_network
from ..notation import profile
from ..prove import prove
from ..verify import verify
from .explain import explain, explain_formula

UNDECIDED_POLICIES = ("fail", "skip")


class SymbpAssertionError(AssertionError):
    """An identity or formula did not hold; ``certificate`` says why."""

    def __init__(self, message: str, certificate: "Certificate | None" = None):
        super().__init__(message)
        self.certificate = certificate


SymbpAssertionError.__module__ = "symbp.testing"  # what a failing course test prints: symbp.testing.SymbpAssertionError


class _Settings:
    # Set by the pytest plugin from --symbp-undecided and --symbp-require-proof; a keyword argument wins.
    undecided = "fail"
    require_proof = False


settings = _Settings()


# -- outcomes ------------------------------------------------------------------


def usage_error(exc: Exception):
    """Fail the running test with a one-line reason (no traceback)."""
    __tracebackhide__ = True
    message = " ".join(str(exc).split())
    try:
        import pytest
    except ImportError:  # used outside pytest: an ordinary exception
        raise exc
    failure = pytest.fail.Exception(f"symbp usage error: {message}", pytrace=False)
    failure.symbp_usage_error = True  # the plugin reports it as a failed test, even from a fixture
    failure.__cause__, failure.__suppress_context__ = None, True  # one line: no chained traceback
    raise failure


def _undecided(cert: Certificate, what: str, policy: "str | None"):
    __tracebackhide__ = True
    policy = policy or settings.undecided
    if policy not in UNDECIDED_POLICIES:
        usage_error(SpecError(f"undecided={policy!r}; use one of {', '.join(UNDECIDED_POLICIES)}"))
    message = f"{what}: undecided: {cert.reason or 'no reason given'}"
    if policy == "skip":
        import pytest

        pytest.skip(message)
    raise SymbpAssertionError(message, cert)


def check_certificate(cert: Certificate, *, notation="nielsen", undecided: "str | None" = None, what: str = "",
                      require_proof: "bool | None" = None) -> Certificate:
    """Pass a holding certificate through; raise for ``refuted``/``undecided``.

    With ``require_proof`` (or the plugin's ``--symbp-require-proof``) a
    ``probably-true`` certificate fails too: a random-point test is not a proof.
    """
    __tracebackhide__ = True  # a failure shows the user's test line, not symbp's source
    what = what or cert.identity
    required = settings.require_proof if require_proof is None else require_proof
    if cert.holds and not (required and not cert.is_proof):
        return cert
    if cert.holds:
        raise SymbpAssertionError(f"{what}: probably true, not a proof (a random-point identity test at "
                                  f"{cert.points} points, error bound {cert.error_bound or 'unknown'}); "
                                  "a proof is required (--symbp-require-proof)", cert)
    if cert.verdict == "undecided":
        _undecided(cert, what, undecided)
    raise SymbpAssertionError(explain(cert, notation), cert)


# -- assertions ----------------------------------------------------------------


def assert_identity(identity, net: Network, *, notation="nielsen", undecided: "str | None" = None, **prove_kwargs) -> Certificate:
    """Prove ``identity`` (a catalogue name or an ``Identity``) on ``net``; return the certificate.

    ``net`` may also be a layer from ``symbp.layers`` with one of its identities
    (``assert_identity("conv2d-input-gradient", layers.conv2d(stride=2))``).

    Raises ``SymbpAssertionError`` with the counterexample in ``notation``
    when it is refuted; ``undecided`` fails (or skips, ``undecided="skip"``).
    ``prove_kwargs`` go to ``symbp.prove.prove`` (``method``, ``budget``).
    """
    __tracebackhide__ = True  # a failure shows the user's test line, not symbp's source
    try:
        note = profile(notation)
        # A layer from symbp.layers (conv2d(...), batchnorm(...)) takes the layer identities.
        if isinstance(net, layers.LayerSpec):
            ident = layers.get(identity)
        elif hasattr(net, "prove_general") and not isinstance(identity, str):
            ident = identity  # a network of every size takes its own identities (an edited one too) or the core's
        else:
            ident = identities.get(identity)
        cert = prove(ident, net, **prove_kwargs)
    except SymbpError as exc:
        usage_error(exc)
    where = net.label() if hasattr(net, "label") else "networks of every size"
    return check_certificate(cert, notation=note, undecided=undecided, what=f"{ident.name} on {where}")


def assert_formula(latex: str, *, notation="nielsen", undecided: "str | None" = None, **verify_kwargs):
    r"""Verify a formula written in LaTeX (``symbp.verify``); return what it found.

    A refuted formula raises ``SymbpAssertionError`` showing the
    counterexample and the diagnosis in the formula's own notation; a formula
    that cannot be read fails with the reader's reason; ``undecided`` fails
    (or skips). ``verify_kwargs`` go to ``symbp.verify.verify`` (``activation``,
    ``cost``, ``one_hot``, ``budget``).
    """
    __tracebackhide__ = True  # a failure shows the user's test line, not symbp's source
    try:
        note = profile(notation)
        result = verify(latex, note, **verify_kwargs)
    except SymbpError as exc:
        usage_error(exc)
    text = " ".join(latex.split())
    status = getattr(result, "status", None) or ("holds" if result.holds else result.verdict)
    if status == "holds":
        return result
    if status == "conditional":
        if result.condition_met and not settings.require_proof:
            return result  # the network the test fixed (sizes=...) meets the condition
        raise SymbpAssertionError(f"formula {text}: conditional, not a claim about every network: {result.reason}"
                                  + ("" if result.condition_met is None else
                                     " (the network given " + ("meets" if result.condition_met else "does not meet")
                                     + " the condition)"), result)
    if status == "undecided" or getattr(result, "verdict", "") == "undecided":  # ambiguous too (exit 3)
        policy = undecided or settings.undecided
        said = "undecided" if status == "undecided" else f"{status} (undecided)"
        message = f"formula {text}: {said}: {result.reason or 'no reason given'}"
        if policy == "skip":
            import pytest

            pytest.skip(message)
        raise SymbpAssertionError(message, result)
    if status in ("unreadable", "uninterpretable"):
        raise SymbpAssertionError(f"formula {text}: {status}: {' '.join(str(result.reason).split())}", result)
    raise SymbpAssertionError(explain_formula(result, note), result)


# -- parametrisation -----------------------------------------------------------


@dataclass(frozen=True)
class NetworkSpec:
    """What to build; the network itself is built inside the test, so a bad
    name fails that test with a one-line reason instead of the collection."""

    sizes: tuple
    activation: str = "generic"
    cost: str = "quadratic"
    one_hot: bool = False

    @property
    def id(self) -> str:
        extra = "-one-hot" if self.one_hot else ""
        return f"{'x'.join(map(str, self.sizes))}-{self.activation}-{self.cost}{extra}"

    def build(self) -> Network:
        return build_network(list(self.sizes), self.activation, self.cost, one_hot=self.one_hot)


def network_specs(sizes: Iterable[Sequence[int]] = ((2, 3, 2),), activations: Iterable[str] = ("generic",),
                  costs: Iterable[str] = ("quadratic",), one_hot: bool = False) -> list[NetworkSpec]:
    """The cross product sizes × activations × costs as ``NetworkSpec`` values."""
    return [NetworkSpec(tuple(s), a, c, one_hot) for s, a, c in itertools.product(sizes, activations, costs)]


def networks(sizes=((2, 3, 2),), activations=("generic",), costs=("quadratic",), notations=None, *, one_hot=False, argname="net"):
    """Parametrise a test over sizes × activations × costs (× notations).

    The test receives the built ``Network`` as ``net`` (``argname``) and, when
    ``notations`` is given, the ``Notation`` profile as ``notation``.
    """
    import pytest

    specs = network_specs(sizes, activations, costs, one_hot)

    def decorate(test):
        params = inspect.signature(test).parameters
        if argname not in params:
            raise TypeError(f"@networks: {test.__name__} has no parameter {argname!r} to receive the network")
        if notations is not None and "notation" not in params:
            raise TypeError(f"@networks(notations=...): {test.__name__} has no parameter 'notation'")

        @functools.wraps(test)
        def wrapper(*args, **kwargs):
            __tracebackhide__ = True
            try:
                kwargs[argname] = kwargs[argname].build()
                if notations is not None:
                    kwargs["notation"] = profile(kwargs["notation"])
            except SymbpError as exc:
                usage_error(exc)
            return test(*args, **kwargs)

        wrapped = pytest.mark.parametrize(argname, specs, ids=[s.id for s in specs])(wrapper)
        if notations is not None:
            wrapped = pytest.mark.parametrize("notation", list(notations), ids=[str(n) for n in notations])(wrapped)
        return wrapped

    return decorate
