r"""prove(identity, layer) -> Certificate, for the layers beyond the MLP.

Methods, as for networks:

* ``exact``: every entry of the gradient is compared with the ground truth
  as exact polynomials in the layer's atoms; a zero difference everywhere is
  a proof (``proved``). The lines of the identity's derivation are checked
  the same way, each against the next.
* ``pit``: both sides at random points of 𝔽_p (p = 2^61 − 1), the atoms drawn
  independently; agreement gives ``probably-true`` with the Schwartz–Zippel
  bound (the degree is tracked during the evaluation), never ``proved``.
* ``auto``: ``exact`` up to ``AUTO_EXACT_LEAVES`` leaves and within the
  budget, else ``pit``.

``refuted`` always carries a counterexample at an exact point, confirmed by
the independent oracle (``refute``); without one the verdict is
``undecided``.

>>> from symbp.layers import conv2d
>>> prove_layer("conv2d-weight-gradient", conv2d()).verdict
'proved'
"""

from __future__ import annotations

import random
import time
from fractions import Fraction

from ..algebra import limits
from ..algebra import BudgetExceeded
from ..certificate import Certificate, Counterexample, Step
from ..errors import IdentityError, SpecError
from .refute import find as find_counterexample
from .catalogue import get
from .field import ModPrime, Symbolic, Zp
from .identity import CannotForm, LayerIdentity, evaluate
from .spec import LayerSpec

METHODS = ("auto", "exact", "pit")
#: ``auto`` tries ``exact`` up to this many leaves (inputs, parameters and g together).
AUTO_EXACT_LEAVES = 600
PIT_POINTS = 2
MAX_TERMS = 2_000_000


def prove_layer(identity, spec: LayerSpec, *, method: str = "auto", budget: float = 60.0, points: int = PIT_POINTS,
                seed: int = 0) -> Certificate:
    """Check ``identity`` (a name or a ``LayerIdentity``) on every entry of ``spec``'s gradient."""
    try:
        ident = get(identity)
    except IdentityError:
        if not isinstance(spec, LayerSpec):
            raise
        from .catalogue import identities_of

        names = ", ".join(i.name for i in identities_of(spec.kind))
        raise IdentityError(f"{getattr(identity, 'name', identity)!r} is not an identity of the {spec.kind} layer; "
                            f"its identities: {names}") from None
    if method not in METHODS:
        raise SpecError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    if not isinstance(spec, LayerSpec):
        raise SpecError(f"{ident.name} is about a {ident.kind} layer; give one from symbp.layers (e.g. layers.{ident.kind}())")
    if ident.kind != spec.kind:
        raise IdentityError(f"{ident.name} is about a {ident.kind} layer, but the layer given is {spec.label()}")
    if not (budget > 0):
        raise SpecError(f"the budget must be a positive number of seconds, got {budget}")
    start = time.perf_counter()
    if method == "exact" or (method == "auto" and spec.leaf_count <= AUTO_EXACT_LEAVES):
        try:
            with limits(deadline=start + budget, max_terms=MAX_TERMS):
                return _exact(ident, spec, start, budget, seed)
        except BudgetExceeded as exc:
            if method == "exact":
                return _certificate(ident, spec, "exact", "undecided", start, reason=f"exact check stopped: {exc}")
            remaining = max(budget - (time.perf_counter() - start), 1.0)
            cert = _pit(ident, spec, points, seed, start, time.perf_counter() + remaining)
            from dataclasses import replace

            return replace(cert, method="auto→pit", reason=(cert.reason + f" (exact ran out: {exc})").strip())
    return _pit(ident, spec, points, seed, start, start + budget)


def _certificate(ident: LayerIdentity, spec, method, verdict, start, **kw) -> Certificate:
    details = {"layer": spec.kind, "shape": spec.describe()["shape"], **kw.pop("details", {})}
    if ident.note:
        details["convention"] = ident.note
    return Certificate(
        identity=ident.name, network=spec.describe(), method=method, verdict=verdict,
        seconds=round(time.perf_counter() - start, 4), statement=ident.statement, source=ident.source,
        details=details, **kw,
    )


def _refutation(ident, spec, method, start, key, count, seed) -> Certificate:
    found = find_counterexample(ident, spec, prefer=key, seed=seed)
    where = f"∂{spec.LOSS}/∂{spec.symbol(*key)}"
    if found.counterexample is None:
        reason = found.bug or (f"at {where} the two sides differ as polynomials in the atoms, "
                               "but no concrete counterexample was confirmed")
        return _certificate(ident, spec, method, "undecided", start, instances=count, reason=reason)
    cx = found.counterexample
    return _certificate(ident, spec, method, "refuted", start, instances=count, counterexample=cx,
                        reason=f"fails at {cx.instance}", details={"oracle": found.oracle})


def _cannot_form(ident, spec, method, start, exc) -> Certificate:
    cx = Counterexample(instance=ident.name, layer=None, indices=(), point={}, lhs="", rhs="",
                        lhs_value=float("nan"), rhs_value=float("nan"), reason=f"the formula cannot be formed: {exc}")
    return _certificate(ident, spec, method, "refuted", start, counterexample=cx, reason=f"the formula cannot be formed: {exc}")


def _nothing_compared(ident, spec, method, start) -> Certificate:
    # No entry to compare on this shape (an identity of the user's own with no entries here): checked nowhere.
    return _certificate(ident, spec, method, "undecided", start, instances=0,
                        reason=f"{ident.name} gives no entry to compare on {spec.label()}: it was checked nowhere")


def _missing(spec, truth: dict, claim: dict) -> str:
    gone = [k for k in truth if k not in claim]
    extra = [k for k in claim if k not in truth]
    if gone:
        return f"it gives no value for ∂{spec.LOSS}/∂{spec.symbol(*gone[0])}" + (f" and {len(gone) - 1} more" if len(gone) > 1 else "")
    if extra:
        return f"it gives a value for {spec.symbol(*extra[0])}, which the layer does not have"
    return ""


# -- exact ----------------------------------------------------------------------------


def _exact(ident, spec, start, budget, seed) -> Certificate:
    field = Symbolic(spec.booleans())
    try:
        truth, claim, lines = evaluate(ident, spec, field, steps=True, deadline=start + budget)
    except CannotForm as exc:
        return _cannot_form(ident, spec, "exact", start, exc)
    missing = _missing(spec, truth, claim)
    if missing:
        return _cannot_form(ident, spec, "exact", start, missing)
    count = 0
    for key, t in truth.items():
        count += 1
        if time.perf_counter() > start + budget:
            raise BudgetExceeded(f"the time budget of {budget:g} s ran out")
        if not field.is_zero(t - claim[key]):
            return _refutation(ident, spec, "exact", start, key, count, seed)
    if count == 0:
        return _nothing_compared(ident, spec, "exact", start)
    steps = _checked_steps(ident, spec, field, truth, claim, lines)
    broken = [s for s in steps if s.checked.startswith("NOT")]
    details = {"entries": count, "atoms": len(field.keys)}
    if broken:  # the identity holds; a line of its derivation is wrong (a symbp defect, shown as such)
        details["derivation"] = f"{len(broken)} line(s) of the derivation did not check"
    return _certificate(ident, spec, "exact", "proved", start, instances=count, steps=tuple(steps), details=details)


def _checked_steps(ident, spec, field, truth, claim, lines) -> list:
    chain = [truth] + list(lines) + [claim]
    texts = [s.tex for s in ident.steps] + [ident.statement.split("=", 1)[-1].strip()]
    whys = [s.why for s in ident.steps] + [ident.why]
    out = []
    for k in range(1, len(chain)):
        prev, line = chain[k - 1], chain[k]
        bad = [key for key in truth if key not in line or not field.is_zero(prev[key] - line[key])]
        n = len(truth)
        zero = "difference is the zero polynomial" + (
            f" (with {', '.join(sorted(field.booleans))}² = {', '.join(sorted(field.booleans))}: 0 or 1)"
            if field.booleans else "")
        checked = (f"{n} entries on {spec.label()}: {zero}" if not bad
                   else f"NOT established: differs at ∂{spec.LOSS}/∂{spec.symbol(*bad[0])}")
        out.append(Step(lhs=ident.lhs if k == 1 else "", rhs=texts[k - 1], why=whys[k - 1], checked=checked))
    return out


# -- polynomial identity test ---------------------------------------------------------------


def _pit(ident, spec, points, seed, start, deadline) -> Certificate:
    rng = random.Random(seed)
    degree, count = 1, 0
    try:
        for trial in range(points):
            field = ModPrime(rng)
            try:
                truth, claim, _ = evaluate(ident, spec, field, deadline=deadline)
            except CannotForm as exc:
                return _cannot_form(ident, spec, "pit", start, exc)
            missing = _missing(spec, truth, claim)
            if missing:
                return _cannot_form(ident, spec, "pit", start, missing)
            for key, t in truth.items():
                diff = Zp._lift(t) - claim[key]
                degree = max(degree, diff.deg)
                if trial == 0:
                    count += 1
                if diff.v:
                    return _refutation(ident, spec, "pit", start, key, count, seed)
            if time.perf_counter() > deadline:
                raise BudgetExceeded("the time budget ran out")
    except BudgetExceeded as exc:
        return _certificate(ident, spec, "pit", "undecided", start, instances=count, reason=f"polynomial identity test stopped: {exc}")
    if count == 0:
        return _nothing_compared(ident, spec, "pit", start)
    p = Zp.p
    bound = (f"each entry: P(false agreement) ≤ ({degree}/p)^{points} < {float(Fraction(degree, p) ** points):.1e}, "
             f"p = 2^61 − 1 (Schwartz–Zippel; degree ≤ {degree} in the atoms)")
    step = Step(lhs=ident.lhs, rhs=ident.statement.split("=", 1)[-1].strip(), why="ground truth by differentiation vs. the formula",
                checked=f"{count} entries agree at {points} random points of 𝔽_p")
    return _certificate(ident, spec, "pit", "probably-true", start, instances=count, points=points, error_bound=bound,
                        steps=(step,), reason="both sides agree at every random point; strong evidence, not a proof")
