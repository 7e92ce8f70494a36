r"""verify(formula) -> Verification: is a formula from someone's notes right?

The formula is read in its notation (``symbp.latex.reader``), then both sides
are evaluated (``symbp.interpret``) on a *family* of concrete networks of
different, non-square shapes, for every valid value of its free layer
variables (l) and neuron indices (i, j, k). Each side is an exact element of
``symbp.algebra`` computed from the ground truth (δ ≡ ∂C/∂z by
differentiation). The verdicts:

* ``proved`` (on that family): every instance's difference is exactly 0;
* ``refuted``: shapes or indices that cannot match (with the reason), or a
  difference with a concrete counterexample at an exact point;
* ``undecided``: a nonzero difference without a counterexample, or the budget
  ran out;
* ``unreadable`` / ``uninterpretable``: the reason, in words.

>>> v = verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j")
>>> v.verdict, v.identity
('proved', 'BP3')
>>> verify(r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j").verdict
'refuted'
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field

from . import algebra, derive
from .certificate import Certificate, Counterexample
from .errors import SymbpError
from .describe import describe, identify
from .instances import _quantities, bindings
from .interpret import Context, LayerOutOfRange, Mat, ShapeMismatch, Uninterpretable, evaluate
from .latex.nodes import Cdots, Equation, Nabla, Partial, to_latex, walk
from .latex.reader import ReadError, read
from .network import network
from .scalar import check_scalar, is_scalar
from .notation import Notation, profile

#: The default family: different depths, no square weight matrices.
FAMILY = ((2, 3, 2), (3, 2, 4), (2, 3, 4, 2))
#: Added for a product chain with \cdots, so it has layers to fill in.
DEEP = (3, 2, 4, 2, 3)

STATUS_EXIT = {"holds": 0, "refuted": 1, "unreadable": 2, "uninterpretable": 2, "undecided": 3}


@dataclass(frozen=True)
class Verification:
    """What symbp made of one formula."""

    formula: str
    status: str  # holds | refuted | undecided | unreadable | uninterpretable
    verdict: str  # one of certificate.VERDICTS
    reason: str = ""
    notation: str = "nielsen"
    family: tuple = ()
    instances: int = 0
    identity: str = ""
    interpretation: dict = field(default_factory=dict)
    counterexample: Counterexample | None = None
    diagnosis: str = ""
    corrected: str = ""
    seconds: float = 0.0
    network: dict = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return STATUS_EXIT[self.status]

    def certificate(self) -> Certificate:
        """The core's ``Certificate`` of this check (the network field names the family)."""
        return Certificate(
            identity=self.identity or "formula", network={**self.network, "notation": self.notation,
                                                         "family": [list(s) for s in self.family]},
            method="exact", verdict=self.verdict, instances=self.instances, seconds=self.seconds,
            statement=self.formula, source="symbp verify", counterexample=self.counterexample,
            reason=self.reason, details={"status": self.status, "interpretation": dict(self.interpretation),
                                         "diagnosis": self.diagnosis, "corrected": self.corrected},
        )

    def to_dict(self) -> dict:
        d = asdict(self)
        d["family"] = [list(s) for s in self.family]
        if self.counterexample is not None:
            d["counterexample"]["indices"] = list(self.counterexample.indices)
        return d


@dataclass(frozen=True)
class Setting:
    """The network assumptions a formula is checked under."""

    notation: Notation
    activation: str = "generic"
    cost: str = "quadratic"
    one_hot: bool = False
    family: tuple = FAMILY


_CONTEXTS: dict = {}


def _context(sizes: tuple, activation: str, cost: str, one_hot: bool, notation: Notation) -> Context:
    # Ground truth is memoised per network, so the formulas of one set of notes share it.
    key = (sizes, activation, cost, one_hot, json.dumps(notation.to_dict(), sort_keys=True))
    if key not in _CONTEXTS:
        if len(_CONTEXTS) > 64:
            _CONTEXTS.clear()
        net = network(list(sizes), activation=activation, cost=cost, one_hot=one_hot)
        _CONTEXTS[key] = Context(net, notation)
    return _CONTEXTS[key]


def verify(
    formula: str,
    notation: "str | Notation" = "nielsen",
    *,
    activation: str = "generic",
    cost: str = "quadratic",
    one_hot: bool = False,
    family: tuple = FAMILY,
    budget: float = 30.0,
    diagnose: bool = True,
) -> Verification:
    """Verify one formula; see the module docstring for the verdicts."""
    start = time.perf_counter()
    nt = profile(notation)
    setting = Setting(nt, activation, cost, one_hot, tuple(tuple(s) for s in family))
    base = dict(formula=formula, notation=nt.name, family=setting.family,
                network={"activation": activation, "cost": cost, "one_hot": one_hot})
    if getattr(nt, "vectors", "column") != "column":
        # Row-vector layouts (seed 004's g = x W) would need every vector and gradient transposed;
        # rather than misread them, say so (`symbp prove --notation rowvector` checks seed 004's statements).
        return Verification(status="uninterpretable", verdict="undecided", reason=f"the notation {nt.name!r} "
                            "writes vectors as rows, which verify does not read yet; see `symbp prove --notation "
                            f"{nt.name}`", **base)
    try:
        eq = read(formula, nt)
    except ReadError as exc:
        return Verification(status="unreadable", verdict="undecided", reason=str(exc), **base)
    if cost == "mean-quadratic":
        return Verification(status="uninterpretable", verdict="undecided", reason="verify reads single-sample costs; "
                            "the mini-batch cost mean-quadratic is not read (per-sample notation x,l is not read)", **base)
    if is_scalar(eq):
        try:
            return _verify_scalar(eq, setting, start, base)
        except (SymbpError, ArithmeticError) as exc:
            return Verification(status="uninterpretable", verdict="undecided", reason=str(exc),
                                seconds=_since(start), **base)
    if _data_only(eq):
        return Verification(status="uninterpretable", verdict="undecided", reason="a statement about the data "
                            "(targets y, inputs x) alone: an assumption or a definition, which no network "
                            "determines (for Σ_k y_k = 1 use --one-hot)", interpretation=describe(eq, setting), **base)
    try:
        outcome = check(eq, setting, budget)
    except Uninterpretable as exc:
        return Verification(status="uninterpretable", verdict="undecided", reason=str(exc), seconds=_since(start),
                            interpretation=describe(eq, setting), **base)
    except SymbpError as exc:
        return Verification(status="uninterpretable", verdict="undecided", reason=str(exc), seconds=_since(start), **base)
    result = Verification(
        status=outcome.status, verdict=_VERDICT[outcome.status], reason=outcome.reason, instances=outcome.instances,
        identity=identify(eq, setting) if outcome.status == "holds" else "", interpretation=describe(eq, setting),
        counterexample=outcome.counterexample, seconds=_since(start), **base,
    )
    if outcome.status == "refuted" and diagnose:
        from .diagnose import diagnose as _diagnose

        remaining = max(1.0, budget - (time.perf_counter() - start))
        if len(eq.sides) == 2:
            found = _diagnose(eq, setting, outcome, budget=remaining)
            if found is not None:
                result = _replace(result, diagnosis=found[0], corrected=to_latex(found[1]), seconds=_since(start))
        else:
            result = _diagnose_chain(eq, setting, outcome, remaining, result, start)
    return result


def _diagnose_chain(eq: Equation, setting: Setting, outcome: Outcome, budget: float, result, start: float):
    """Diagnose each failing side of a chain as its own claim ``side 1 = side k``."""
    from .diagnose import diagnose as _diagnose

    words, sides, complete = [], list(eq.sides), True
    for k in outcome.failed_sides:
        found = _diagnose(Equation((eq.sides[0], eq.sides[k]), ("=",)), setting, outcome, budget=budget / 2)
        if found is None:
            complete = False
            continue
        fixed = found[1]
        words.append(f"side {k + 1}: {found[0]} (corrected: {to_latex(fixed)})")
        if fixed.sides[0] == eq.sides[0]:
            sides[k] = fixed.sides[1]
        else:
            complete = False
    if not words:
        return result
    corrected = to_latex(Equation(tuple(sides), eq.rels)) if complete else ""
    return _replace(result, diagnosis="; ".join(words), corrected=corrected, seconds=_since(start))


def _verify_scalar(eq: Equation, setting: Setting, start: float, base: dict) -> Verification:
    status, reason, cx = check_scalar(eq, setting.activation)
    identity = ""
    if status == "holds" and setting.activation in ("sigmoid", "tanh") and any(
            getattr(n, "primes", 0) == 1 for n in walk(eq)):
        identity = f"{setting.activation}-prime"
    base = dict(base, family=())
    return Verification(status=status, verdict=_VERDICT[status], reason=reason, instances=1, identity=identity,
                        interpretation={"words": f"a scalar identity of the activation in a free real z, "
                                        f"with σ = {setting.activation}; σ' by differentiating σ's definition",
                                        "latex": to_latex(eq)},
                        counterexample=cx, seconds=_since(start), **base)


_VERDICT = {"holds": "proved", "refuted": "refuted", "undecided": "undecided"}


def _data_only(eq: Equation) -> bool:
    qs = [q for n in walk(eq) for q in _quantities(n)]
    return bool(qs) and all(q.role in ("y",) or (q.role == "x" and q.layer is None) for q in qs) and not any(
        isinstance(n, (Partial, Nabla)) for n in walk(eq))


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 4)


def _replace(v: Verification, **kw) -> Verification:
    d = {f: getattr(v, f) for f in v.__dataclass_fields__}
    d.update(kw)
    return Verification(**d)


# -- checking on the family ----------------------------------------------------------------


@dataclass
class Outcome:
    status: str
    reason: str = ""
    instances: int = 0
    counterexample: Counterexample | None = None
    failure: tuple | None = None  # (context, bindings, lhs value, rhs value, side)
    side: int = 0
    failed_sides: tuple = ()


def claims(eq: Equation) -> list[tuple[object, object, int]]:
    """The claims of a chain ``A = B = C``: every side against the first (⋯ sides skipped)."""
    sides = [(i, s) for i, s in enumerate(eq.sides) if not isinstance(s, Cdots)]
    if len(sides) < 2:
        raise Uninterpretable("this is not an equation (no '=' between two expressions)")
    first = sides[0][1]
    return [(first, s, i) for i, s in sides[1:]]


#: No polynomial of a check may grow past this many terms (memory).
MAX_TERMS = 1_000_000


def check(eq: Equation, setting: Setting, budget: float = 30.0, *, find_counterexample: bool = True) -> Outcome:
    """Evaluate every claim of ``eq`` (each side against the first) on the family.

    All failing claims of a chain are reported; the counterexample is the first one found.
    """
    deadline = time.perf_counter() + budget
    total, failures = 0, []
    for lhs, rhs, side in claims(eq):
        claim = Equation((lhs, rhs), ("=",))
        # Every product inside is held to the deadline and a size cap, so one
        # huge expansion (a power of a long sum) cannot outrun the budget.
        with algebra.limits(deadline=deadline, max_terms=MAX_TERMS):
            out = check_claim(claim, side, setting, deadline, find_counterexample)
        total += out.instances
        if out.status != "holds":
            out.side = side
            failures.append(out)
            if not find_counterexample:
                break
    if not failures:
        return Outcome("holds", f"exact on {total} instances", total)
    status = "refuted" if any(f.status == "refuted" for f in failures) else "undecided"
    first = next(f for f in failures if f.status == status)
    if len(eq.sides) > 2:
        reason = "; ".join(f"side {f.side + 1}: {f.reason}" for f in failures)
    else:
        reason = first.reason
    cx = next((f.counterexample for f in failures if f.counterexample is not None), None)
    out = Outcome(status, reason, total, counterexample=cx, failure=first.failure)
    out.failed_sides = tuple(f.side for f in failures if f.status == "refuted")
    return out


def check_claim(eq: Equation, side: int, setting: Setting, deadline: float, find_counterexample: bool) -> Outcome:
    """One claim ``lhs = rhs`` on every network of the family and every instance."""
    lhs, rhs = eq.sides
    has_cdots = any(isinstance(n, Cdots) for s in eq.sides for n in walk(s))
    family = setting.family + ((DEEP,) if has_cdots and DEEP not in setting.family else ())
    instances, skipped_reason = 0, ""
    for sizes in family:
        ctx = _context(tuple(sizes), setting.activation, setting.cost, setting.one_hot, setting.notation)
        ctx.gt.budget = derive.Budget(max(0.01, deadline - time.perf_counter()))
        ctx.skipped = ""
        bind: dict = {}
        try:
            for bind in bindings(eq, ctx):
                if time.perf_counter() > deadline:
                    raise derive.BudgetExceeded("the time budget ran out")
                ctx.bind = dict(bind)
                try:
                    lv, rv = evaluate(lhs, ctx), evaluate(rhs, ctx)
                except LayerOutOfRange as exc:
                    skipped_reason = str(exc)
                    continue
                instances += 1
                bad = compare(lv, rv, lhs, rhs)
                if bad is True:
                    continue
                if isinstance(bad, str):
                    return Outcome("refuted", f"{_where(ctx, bind)}: {bad}", instances)
                failure = (ctx, dict(bind), bad[0], bad[1], side, bad[2])
                if not find_counterexample:
                    return Outcome("refuted", "differs", instances, failure=failure)
                return _refute(failure, instances)
        except ShapeMismatch as exc:
            where = _where(ctx, bind) + ": " if bind and "network" not in str(exc) else ""
            return Outcome("refuted", f"{where}{exc}", instances)
        except derive.BudgetExceeded as exc:
            return Outcome("undecided", f"{exc} after {instances} instances", instances)
        finally:
            skipped_reason = skipped_reason or ctx.skipped
            ctx.bind = {}
    if instances == 0:
        if skipped_reason:
            return Outcome("refuted", f"no instance of the formula makes sense on the family: {skipped_reason}")
        raise Uninterpretable("the formula has no instance on the family of networks")
    return Outcome("holds", f"exact on {instances} instances", instances)


def compare(lv, rv, lhs, rhs):
    """True if equal; a reason string for a shape mismatch; else (l, r, entry) of a differing entry."""
    if isinstance(lv, Mat) != isinstance(rv, Mat) or (
        isinstance(lv, Mat) and (lv.rows, lv.cols) != (rv.rows, rv.cols)
    ):
        from .interpret import shape_of

        return f"the left side {to_latex(lhs)} is {shape_of(lv)} but the right side {to_latex(rhs)} is {shape_of(rv)}"
    if isinstance(lv, Mat):
        for r in range(lv.rows):
            for c in range(lv.cols):
                if not (lv.entries[r][c] - rv.entries[r][c]).is_zero():
                    return lv.entries[r][c], rv.entries[r][c], (r + 1, c + 1)
        return True
    return True if (lv - rv).is_zero() else (lv, rv, ())


def _where(ctx: Context, bind: dict) -> str:
    vals = ", ".join(f"{k} = {v}" for k, v in sorted(bind.items()))
    return f"on the network {list(ctx.net.sizes)}" + (f" with {vals}" if vals else "")


def _refute(failure, instances: int) -> Outcome:
    from .counterexample import find_counterexample  # the core's exact-point search

    ctx, bind, lv, rv, side, entry = failure
    label = _where(ctx, bind) + (f", entry {entry}" if entry else "")
    layer = next((v for k, v in bind.items() if k in ("l", "L")), None)
    cx = find_counterexample(ctx.net, lv, rv, label, layer, tuple(bind.values()), 0)
    if cx is None:
        return Outcome("undecided", f"the two sides differ symbolically {label}, but no concrete point separating "
                       "them was found", instances, failure=failure)
    return Outcome("refuted", f"the two sides differ {label}", instances, counterexample=cx, failure=failure)
