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
import random
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

from .. import identities, layers
from ..certificate import Certificate
from ..errors import SpecError, SymbpError
from ..network import Network, network as build_network
from ..notation import Notation, profile
from ..prove import prove
from ..quantities import Exact, PointQuantities
from ..verify import verify

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


# -- rendering a refutation in a notation ---------------------------------------


def _leaf_names(net: Network, note: Notation) -> dict:
    """Network symbol name (as a counterexample stores it) -> LaTeX in ``note``."""
    out = {}
    for key in net.parameters():
        if key[0] == "w":
            out[str(net.weight(*key[1:]))] = note.weight(*key[1:])
        else:
            out[str(net.bias(*key[1:]))] = note.bias(*key[1:])
    for s in net.samples:
        sample = f"^{{({s})}}" if net.batch != 1 else ""
        for k in range(1, net.n(1) + 1):
            out[str(net.x(k, s))] = note.neuron("a", 1, k) + sample
        for j in range(1, net.n(net.L) + 1):
            out[str(net.y(j, s))] = note.target(j) + sample
    return out


def _entry(cert: Certificate, net: "Network | None", note: Notation) -> str:
    """The failing entry named in the notation, from the statement's left side."""
    cx = cert.counterexample
    l, idx = cx.layer, tuple(cx.indices)
    if l is None or not idx:
        return ""
    lhs = cert.statement.split("=", 1)[0]
    cost = note.cost
    if len(idx) == 2:
        j, k = idx
        if k == 0:  # Dyda's bias column
            return rf"\partial {cost}/\partial {note.bias(l, j)}"
        if "partial w" in lhs or "partial W" in lhs or "partial \\mathbf" in lhs:
            return rf"\partial {cost}/\partial {note.weight(l, j, k)}"
        return f"entry ({j}, {k}) of layer {note.layer(l)}"
    (j,) = idx
    if lhs.strip().startswith(r"\delta"):
        return note.neuron("delta", l, j)
    if r"\partial b" in lhs:
        return rf"\partial {cost}/\partial {note.bias(l, j)}"
    if lhs.strip().startswith(r"\nabla"):
        return rf"\partial {cost}/\partial {note.neuron('a', l, j)}"
    return f"entry {j} of layer {note.layer(l)}"


def explain(cert: Certificate, notation="nielsen", net: "Network | None" = None) -> str:
    r"""A refutation as readable text: statement, where it fails, the point, both values.

    Quantities are written in ``notation`` (a profile name or ``Notation``):
    in Sokolinsky's profile Nielsen's w^3_{12} prints as ``w^{(3)}_{21}``.
    """
    note = profile(notation)
    if net is None and "sizes" in cert.network:
        net = _network_from_description(cert.network)
    lines = [f"{cert.identity}: {cert.verdict} (notation {note.name})", f"  statement: {_in_notation(cert.statement, note)}"]
    if cert.network.get("sizes"):
        lines.append(f"  network: {_describe(cert.network)}")
    if cert.network.get("layer"):
        lines[1] = f"  statement: {cert.statement}"
        shape = cert.network.get("shape", "")
        if isinstance(shape, dict):
            shape = ", ".join(f"{k}={'x'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in shape.items())
        lines.append(f"  layer: {cert.network['layer']} ({shape})")
    cx = cert.counterexample
    if cx is None:
        lines.append(f"  reason: {cert.reason}")
        return "\n".join(lines)
    if cx.reason:  # e.g. a product of matrices whose shapes do not fit
        lines.append(f"  {cx.reason}")
        return "\n".join(lines)
    entry = _entry(cert, net, note) if net is not None else ""
    # One notation per message: the entry in the notation asked for; Nielsen's instance only when that is it.
    where = entry if entry and note.name != "nielsen" else (f"{entry} ({cx.instance})" if entry else cx.instance)
    lines.append(f"  fails at {where}")
    if cx.activation:
        lines.append(f"  with {cx.activation}")
    names = _leaf_names(net, note) if net is not None else {}
    point = ", ".join(f"{names.get(k, k)} = {v}" for k, v in cx.point.items())
    lines.append(f"  at the point {point}")
    lines.append(f"  ground truth (differentiation): {cx.lhs}")
    lines.append(f"  the formula gives:              {cx.rhs}")
    return "\n".join(lines)


def _in_notation(statement: str, note: Notation) -> str:
    """The catalogue's (Nielsen) statement re-indexed into ``note``, or as written when it cannot be."""
    from ..latex.retarget import NotConvertible, retarget

    if note.name == "nielsen" or not statement:
        return statement
    try:
        return retarget(statement, note)
    except (NotConvertible, SymbpError):
        return f"{statement} (as the catalogue writes it: it has no form in the notation {note.name})"


def _family_leaf_names(result, note: Notation) -> dict:
    """Leaf names of every network of a verification's family, in ``note``."""
    names: dict = {}
    setting = getattr(result, "network", None) or {}
    for sizes in getattr(result, "family", ()) or ():
        try:
            net = build_network(list(sizes), setting.get("activation", "generic"), setting.get("cost", "quadratic"),
                                one_hot=setting.get("one_hot", False))
        except SymbpError:
            continue
        names.update(_leaf_names(net, note))
    return names


def _describe(d: dict) -> str:
    acts = d.get("activations", [])
    act = acts[0] if len(set(acts)) == 1 else ",".join(acts)
    extra = " one-hot" if d.get("one_hot") else ""
    extra += f" m={d['batch']}" if d.get("batch") else ""
    return f"[{','.join(map(str, d['sizes']))}] {act} {d.get('cost', '')}{extra}"


def _network_from_description(d: dict) -> "Network | None":
    try:
        overrides = {tuple(int(v) for v in key.split(",")): name for key, name in d.get("overrides", {}).items()}
        return build_network(d["sizes"], d["activations"], d["cost"], one_hot=d.get("one_hot", False),
                             batch=d.get("batch"), overrides=overrides)
    except (SymbpError, KeyError, ValueError):
        return None


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
        ident = layers.get(identity) if isinstance(net, layers.LayerSpec) else identities.get(identity)
        cert = prove(ident, net, **prove_kwargs)
    except SymbpError as exc:
        usage_error(exc)
    return check_certificate(cert, notation=note, undecided=undecided, what=f"{ident.name} on {net.label()}")


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


def explain_formula(result, notation="nielsen") -> str:
    """A refuted formula: what it was read as, where it fails, the values, the diagnosis."""
    note = profile(notation)
    status = getattr(result, "status", "") or "refuted"
    lines = [f"formula {' '.join(result.formula.split())}: {status} (notation {note.name})"]
    words = (getattr(result, "interpretation", None) or {}).get("words")
    if words:
        lines.append(f"  read as: {words}")
    cx = result.counterexample
    if result.reason:
        lines.append(f"  reason: {result.reason}")
    if cx is not None and not cx.reason:
        lines.append(f"  fails {cx.instance}" if cx.instance.startswith(("on ", "at ")) else f"  fails at {cx.instance}")
        if cx.activation:
            lines.append(f"  with {cx.activation}")
        if cx.point:
            names = _family_leaf_names(result, note)
            lines.append(f"  at the point ({note.name} notation) " + ", ".join(f"{names.get(k, k)} = {v}" for k, v in cx.point.items()))
        lines.append(f"  left side:  {cx.lhs}")
        lines.append(f"  right side: {cx.rhs}")
    if getattr(result, "diagnosis", ""):
        lines.append(f"  diagnosis: {result.diagnosis}")
    if getattr(result, "corrected", ""):
        lines.append(f"  corrected: {result.corrected}")
    return "\n".join(lines)


def assert_gradient(fn: Callable, net: Network, *, points: int = 3, rtol: float = 1e-6, atol: float = 1e-9,
                    seed: int = 0, scale: float = 1.0) -> None:
    r"""Check a numeric gradient function against symbp's ground truth at random points.

    ``fn(weights, biases, x, y)`` follows Nielsen's ``network.py``:
    ``weights[i]`` is w^{i+2} (shape n_{l} × n_{l-1}), ``biases[i]`` is b^{i+2}
    (shape n_l × 1), ``x`` is n_1 × m and ``y`` is n_L × m (a column per
    sample, m = the network's batch). It returns ``(nabla_b, nabla_w)`` of the
    same shapes. The ground truth is forward-mode differentiation of the cost
    over the definitions (``symbp.quantities``), never backprop. Every entry
    must satisfy |fn − truth| ≤ atol + rtol·|truth|.
    """
    __tracebackhide__ = True  # a failure shows the user's test line, not symbp's source
    if any(net.activation(l, j).is_generic for l in net.layers for j in range(1, net.n(l) + 1)):
        usage_error(SpecError(f"assert_gradient needs a concrete activation (sigmoid, tanh, ...); {net.label()} has a generic σ"))
    rng = random.Random(seed)
    for point in range(points):
        values = {}

        def leaf(key):
            v = rng.uniform(-scale, scale)
            if key[0] == "y" and net.output_softmax:
                v = abs(v)
            values[key] = v
            return v

        def neuron(s, l, j, z):
            act = net.activation(l, j)
            return float(act.numpy(np.float64(z))), float(act.numpy_prime(np.float64(z)))

        q = None
        for _ in range(20):  # a point where the cost is undefined (log 0 at a dead relu output): draw again
            try:
                q = PointQuantities(net, _FloatField(), leaf, neuron, output_exp=lambda s, j, z: float(np.exp(z)))
                break
            except ZeroDivisionError:
                continue
        if q is None:
            raise SymbpAssertionError(f"no random point where the cost of {net.label()} is defined was found")
        weights = [np.array(q.W_[l], dtype=float) for l in net.layers]
        biases = [np.array(q.b_[l], dtype=float).reshape(-1, 1) for l in net.layers]
        x = np.array([[q._leaf[("x", s, k)] for s in net.samples] for k in range(1, net.n(1) + 1)])
        y = np.array([[float(q.Y_[s][j - 1]) for s in net.samples] for j in range(1, net.n(net.L) + 1)])
        try:
            got = fn([w.copy() for w in weights], [b.copy() for b in biases], x.copy(), y.copy())
            nabla_b, nabla_w = got
        except (TypeError, ValueError) as exc:
            raise SymbpAssertionError(f"the gradient function must return (nabla_b, nabla_w); calling it failed: {exc}")
        _compare_gradients(net, q, nabla_b, nabla_w, rtol, atol, point)


class _FloatField(Exact):
    # Plain floats for PointQuantities: the oracle of assert_gradient.
    name = "float"

    def coeff(self, c):
        return float(c)


def _compare_gradients(net, q, nabla_b, nabla_w, rtol, atol, point):
    __tracebackhide__ = True
    layers = list(net.layers)
    if len(nabla_b) != len(layers) or len(nabla_w) != len(layers):
        raise SymbpAssertionError(
            f"expected one gradient per layer 2..{net.L} ({len(layers)}), got {len(nabla_b)} for b and {len(nabla_w)} for w"
        )
    worst = []
    for i, l in enumerate(layers):
        truth_w = np.array(q.dC_dw(l).rows, dtype=float)
        truth_b = np.array(q.dC_db(l).rows, dtype=float)
        for what, got, truth in (("w", nabla_w[i], truth_w), ("b", nabla_b[i], truth_b)):
            got = np.asarray(got, dtype=float)
            if got.size != truth.size:
                raise SymbpAssertionError(f"∂C/∂{what}^{l} has shape {got.shape}, expected {truth.shape}")
            got = got.reshape(truth.shape)
            bad = np.abs(got - truth) > atol + rtol * np.abs(truth)
            for r, c in zip(*np.nonzero(bad)):
                name = f"w^{l}_{{{r + 1}{c + 1}}}" if what == "w" else f"b^{l}_{{{r + 1}}}"
                worst.append(f"  ∂C/∂{name}: got {got[r, c]:.12g}, ground truth {truth[r, c]:.12g}")
    if worst:
        raise SymbpAssertionError(
            f"the gradient of {net.label()} is wrong at random point {point + 1} (tolerance {atol:g} + {rtol:g}·|truth|):\n"
            + "\n".join(worst[:12]) + (f"\n  ... and {len(worst) - 12} more" if len(worst) > 12 else "")
        )


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
