r"""Checking a read formula on networks of every depth, against the ground truth.

Both sides are evaluated (``interpret``) on the networks ``family`` chooses
(every depth from 2 up to one where each layer the formula names has taken
every role), for every value of its free layer variables under which the
layers it names exist, and every value of its free neuron indices. Each value
is an exact ``symbp.algebra`` element computed by direct differentiation. A
layer value under which the formula names a layer the network lacks is outside
the formula's domain: it is listed, never dropped silently.

The verdict is judged depth by depth: a formula that holds at some depths and
fails at others is ``conditional`` ("holds only when L = 4"), never a plain
"holds". A difference that is not exactly zero counts as a failure only with
a concrete counterexample that an independent oracle confirms (``confirm``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from .. import algebra
from ..certificate import Counterexample
from .conditions import apply_conditions
from .confirm import confirm
from .family import MAX_DEPTH, distances, distinct_sizes, family, fitted, networks_of_depth, other_sizes, reach
from .interpret import Uninterpretable
from .outputact import NOT_JUDGED
from .network_check import _CONTEXTS, NetCheck, Setting, check_network  # noqa: F401  (the API of check)
from .nodes import Cdots, Equation, Quantity, walk
from .sizegrid import MAX_GRID, size_grid, sums_per_claim

#: The standard networks of depth 2 to 4 (deeper ones are added as a formula needs them).
FAMILY = ((3, 2), (2, 3, 2), (3, 2, 4), (2, 3, 4, 2))


# -- the whole formula: every claim, every depth ------------------------------------------------


@dataclass
class Outcome:
    """The verdict on a formula, with what was checked.

    ``status``: holds | conditional | refuted | undecided. ``condition`` (for
    conditional) says when it holds ("L = 4"); ``checked`` lists every network
    with its verdict, the layer values checked and those outside the domain.
    """

    status: str
    reason: str = ""
    instances: int = 0
    counterexample: Counterexample | None = None
    failure: tuple | None = None  # (ctx, bind, lhs value, rhs value, entry) of the first difference
    side: int = 0
    failed_sides: tuple = ()
    shape: bool = False  # refuted by shapes that do not fit (no value was compared)
    condition: str = ""
    condition_met: bool | None = None  # for a network the user fixed: does it satisfy the condition?
    fixed_holds: bool = False  # the network the user fixed holds on every side (``sizecondition``)
    checked: tuple = ()  # per network: dict(sizes, depth, status, instances, layers, outside)
    networks: tuple = ()  # the sizes of every network checked


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
    """Judge every claim of ``eq`` (each side against the first) at every depth.

    With ``find_counterexample=False`` (the diagnosis's quick test) the check
    stops at the first difference and says ``refuted`` without a counterexample;
    only a formula that holds on every network comes out ``holds``.
    """
    deadline = time.perf_counter() + budget
    eq = apply_conditions(eq)
    nets, limit = family(eq, setting.notation, setting.family + ((setting.fixed,) if setting.fixed else ()))
    # Networks grown to the neuron numbers the formula writes (a third input: x_3), beside the standard ones.
    grown = [s for s in fitted(eq, tuple(s for _, s in nets), setting.notation) if all(s != t for _, t in nets)]
    if grown:
        nets = tuple(sorted(nets + tuple((len(s), s) for s in grown), key=lambda item: item[0]))
    # Sums to a layer size make the value a polynomial in that size: enough sizes to pin its degree.
    grid, complete = size_grid(eq, setting.notation, {d: networks_of_depth(d)[0] for d in sorted({d for d, _ in nets})})
    if grid:
        nets = tuple(sorted(nets + tuple(item for item in grid if all(item[1] != s for _, s in nets)),
                            key=lambda item: item[0]))
    nets = with_outputs(nets, setting.outputs)
    pairs = claims(eq)
    results: dict = {}  # (side, sizes) -> NetCheck
    # Every product inside is held to the deadline and a size cap, so one
    # huge expansion (a power of a long sum) cannot outrun the budget.
    with algebra.limits(deadline=deadline, max_terms=MAX_TERMS):
        for depth, sizes in nets:
            for lhs, rhs, side in pairs:
                excluded = _excluded_depth(eq, depth + setting.notation.layer_shift)
                if excluded:
                    results[(side, sizes)] = NetCheck(depth, sizes, outside=[({}, excluded)])
                    continue
                # Once the formula has failed somewhere, the oracle looks first at the deeper networks,
                # where exact ground truth is dear: a clear difference there needs none.
                screen = find_counterexample and (depth >= 5 or (depth >= 4 and setting.cost == "softmax-cross-entropy")) \
                    and any(v.status == "fails" for v in results.values())
                nc = check_network(lhs, rhs, depth, sizes, setting, deadline, eq.where, screen=screen)
                results[(side, sizes)] = nc
                if nc.status == "fails" and not find_counterexample:
                    return Outcome("refuted", nc.reason, nc.instances, failure=nc.failure, side=side,
                                   shape=nc.failure is None)
                if nc.status == "undecided":
                    return _undecided(nc.reason, results, nets, setting.notation.layer_shift)
        nets = _second_networks(eq, pairs, nets, results, setting, deadline)
    if find_counterexample:
        _confirm_failures(pairs, results, deadline)
    outcome = _verdict(eq, pairs, nets, limit, results, setting)
    if not complete and outcome.status in ("holds", "conditional"):
        return Outcome("undecided", f"holds on every network checked, but its sums make its value a polynomial of "
                       f"degree {sums_per_claim(eq)} in the layer sizes they run to, which only more than the "
                       f"{MAX_GRID} networks of other sizes checked would pin down", outcome.instances,
                       checked=outcome.checked, networks=outcome.networks)
    return outcome


def _second_networks(eq, pairs, nets, results: dict, setting: Setting, deadline: float):
    """Where a formula holds at some depths and fails at others, check each holding depth again on
    networks with other sizes (``family.other_sizes``, and one where every two layers the formula
    names differ in size, ``family.distinct_sizes``): a truth of the sizes is no condition on L."""
    status = {d: {results[(side, s)].status for _, _, side in pairs for dd, s in nets if dd == d} for d, _ in nets}
    holding = [d for d, st in status.items() if st == {"holds"} or st == {"holds", "none"}]
    if not holding or not any("fails" in st for st in status.values()):
        return nets
    extra = []
    for depth, sizes in nets:
        if depth in holding:
            for other in (other_sizes(sizes), distinct_sizes(depth, distances(reach(eq, setting.notation), depth))):
                if all(other != s for _, s in nets + tuple(extra)):
                    extra.append((depth, other))
    extra = [item for item in with_outputs(tuple(extra), setting.outputs) if all(item[1] != s for _, s in nets)]
    for depth, sizes in extra:
        for lhs, rhs, side in pairs:
            excluded = _excluded_depth(eq, depth + setting.notation.layer_shift)
            results[(side, sizes)] = (NetCheck(depth, sizes, outside=[({}, excluded)]) if excluded else
                                      check_network(lhs, rhs, depth, sizes, setting, deadline, eq.where))
    return tuple(sorted(nets + tuple(extra), key=lambda item: item[0]))


def with_outputs(nets: tuple, outputs: "int | None") -> tuple:
    """``nets`` ((depth, sizes), …) with ``outputs`` neurons in every output layer (the notes fix n_L), each once.

    >>> with_outputs(((2, (3, 2)), (3, (2, 3, 2)), (3, (2, 3, 4))), 1)
    ((2, (3, 1)), (3, (2, 3, 1)))
    """
    if not outputs:
        return nets
    return tuple(dict.fromkeys((depth, tuple(sizes[:-1]) + (outputs,)) for depth, sizes in nets))


def _excluded_depth(eq: Equation, user_L: int) -> str:
    """Why a depth condition (``L = 3``, ``L \\ge 3``) excludes networks of L = user_L, or ''."""
    for w in eq.where:
        if w.kind == "depth" and not ((w.lo is None or user_L >= w.lo.offset) and (w.hi is None or user_L <= w.hi.offset)):
            return f"excluded by the claim's condition {w.text}"
    return ""


def _confirm_failures(pairs, results: dict, deadline: float) -> None:
    """Give numeric failures their counterexamples, confirmed by the oracle; an unconfirmed one is undecided.

    If no network holds, one confirmed counterexample refutes the formula; otherwise
    (a conditional verdict names every depth where it fails) each failure needs its own.
    """
    sides = {side: (lhs, rhs) for lhs, rhs, side in pairs}
    every = any(nc.status == "holds" for nc in results.values())
    # Shallowest first: the counterexample a refutation shows should be the smallest network's.
    for (side, sizes), nc in sorted(results.items(), key=lambda item: item[1].depth):
        if nc.status != "fails":
            continue
        if nc.failure is None:
            if not every:
                break  # a shape error refutes the formula with its reason
            continue
        if not every and nc.counterexample is not None:
            break  # refuted already, by the oracle's confirmed counterexample
        if nc.counterexample is not None:
            continue
        lhs, rhs = sides[side]
        ctx, bind, lv, rv, entry = nc.failure
        label = nc.reason.replace("the two sides differ ", "")
        cx = confirm(lhs, rhs, ctx, bind, entry, label, activation=getattr(ctx, "activation", None), deadline=deadline)
        if cx is None:
            nc.status = "undecided"
            nc.reason = (f"the two sides differ symbolically {label}, but no concrete point where an "
                         "independent evaluation separates them was found")
            if ctx.net.one_hot:  # (``confirm`` tries one-hot targets only: the claim's own)
                nc.reason = (f"the two sides differ symbolically {label} for a target whose entries sum to 1, but at "
                             "the one-hot targets tried no independent evaluation separates them: not shown either "
                             "way for one-hot targets")
        else:
            nc.counterexample = cx
            if not every:
                break


def _verdict(eq, pairs, nets, limit: int, results: dict, setting: Setting) -> Outcome:
    shift = setting.notation.layer_shift
    by_depth: dict[int, str] = {}
    per_depth: dict[int, set] = {}  # the statuses of the networks of each depth
    for depth, sizes in nets:
        statuses = {results[(side, sizes)].status for _, _, side in pairs}
        if "fails" in statuses:
            s = "fails"
        elif "undecided" in statuses:
            s = "undecided"
        elif "holds" in statuses:
            s = "holds"
        else:
            s = "none"
        # A depth fails if any of its networks fails, holds only if every one holds.
        per_depth.setdefault(depth, set()).add(s)
        prev = by_depth.get(depth)
        order = ("fails", "undecided", "holds", "none")
        by_depth[depth] = s if prev is None else min(prev, s, key=order.index)
    checked, total = _checked(nets, results, shift)
    networks = tuple(sizes for _, sizes in nets)
    fails = [results[(side, sizes)] for _, sizes in nets for _, _, side in pairs
             if results[(side, sizes)].status == "fails"]
    # The failure the verdict rests on: a shape error or a confirmed counterexample, first.
    first_fail = next((nc for nc in fails if nc.failure is None or nc.counterexample is not None),
                      fails[0] if fails else None)
    failed_sides = tuple(sorted({side for (side, _), nc in results.items() if nc.status == "fails"}))
    holding = sorted(d for d, s in by_depth.items() if s == "holds")
    failing = sorted(d for d, s in by_depth.items() if s == "fails")
    undecided = sorted(d for d, s in by_depth.items() if s == "undecided")
    fixed = _fixed_result(setting, pairs, results)
    common = dict(instances=total, checked=checked, networks=networks, fixed_holds=bool(fixed))
    if failing:
        first = first_fail
        cx = first.counterexample
        if len(eq.sides) > 2:
            reason = "; ".join(f"side {side + 1}: {nc.reason}" for (side, _), nc in results.items()
                               if nc.status == "fails" and nc is _first_of_side(results, nets, side))
        else:
            reason = first.reason
        # A side of a chain that fails and holds at no depth (where the other sides hold it has no
        # instance: a layer it names is missing) gives no evidence of a condition on the depth.
        vacuous = [side for side in failed_sides if not any(results[(side, s)].status == "holds" for _, s in nets)]
        # A depth where one network holds and another fails: the failure depends on the layer sizes, and no
        # condition on L says when the formula holds (review 38 F4: "L ∈ {2} or L ≥ 4" from a polynomial in n_L).
        mixed = [d for d, st in per_depth.items() if {"holds", "fails"} <= st]
        if mixed and holding and not undecided:
            at = [nc for (side, s), nc in results.items() if nc.status == "fails" and len(s) == mixed[0]
                  and (nc.counterexample is not None or nc.failure is None)]
            mine = [nc for nc in at if setting.fixed and nc.sizes == tuple(setting.fixed)]
            first = (mine or at or [first_fail])[0]
            why = (f"{first.reason}; at L = {mixed[0] + shift} other networks hold, so it is no condition on the "
                   "depth: the layer sizes decide")
            return Outcome("refuted", why, counterexample=first.counterexample, failure=first.failure,
                           side=_side_of(results, first), failed_sides=failed_sides,
                           condition_met=False if setting.fixed else None,
                           shape=first.failure is None, **common)
        if holding and vacuous and not undecided:
            return Outcome("refuted", reason, counterexample=cx, failure=first.failure, side=_side_of(results, first),
                           failed_sides=failed_sides, condition_met=False if setting.fixed else None,
                           shape=all(nc.failure is None for nc in fails), **common)
        # A depth condition stands only where two networks of that depth, of other sizes, both hold.
        lone = [d for d in holding if len({s for dd, s in nets if dd == d
                                           and all(results[(side, s)].status == "holds" for _, _, side in pairs)}) < 2]
        if holding and lone and not undecided:
            return Outcome("undecided", f"holds when {_condition(holding, sorted(by_depth), shift)} but fails when "
                           f"{_condition(failing, sorted(by_depth), shift)}; at L = "
                           f"{', '.join(str(d + shift) for d in lone)} only one network was checked, so whether that is "
                           f"a condition on the depth or a coincidence of layer sizes is not known: {reason}",
                           failure=first.failure, **common)
        if holding and not undecided and limit <= MAX_DEPTH:
            cond = _condition(holding, sorted(by_depth), shift)
            why = (f"holds only when {cond}; it fails when {_condition(failing, sorted(by_depth), shift)}: {reason}")
            return Outcome("conditional", why, counterexample=cx, failure=first.failure, side=_side_of(results, first),
                           failed_sides=failed_sides, condition=cond, condition_met=fixed, **common)
        if holding:
            return Outcome("undecided", f"holds when {_condition(holding, sorted(by_depth), shift)} but fails when "
                           f"{_condition(failing, sorted(by_depth), shift)}"
                           + (f" and is undecided when {_condition(undecided, sorted(by_depth), shift)}"
                              if undecided else "")
                           + (f" (and it names layers only a network deeper than {MAX_DEPTH} layers has)"
                              if limit > MAX_DEPTH else "") + f": {reason}", failure=first.failure, **common)
        return Outcome("refuted", reason, counterexample=cx, failure=first.failure, side=_side_of(results, first),
                       failed_sides=failed_sides, condition_met=False if setting.fixed else None,
                       shape=all(nc.failure is None for nc in fails), **common)
    if undecided:
        first = next(nc for nc in results.values() if nc.status == "undecided")
        return Outcome("undecided", first.reason, **common)
    if not holding:
        reasons = [why for nc in results.values() for _, why in nc.outside]
        if limit > MAX_DEPTH:
            return Outcome("undecided", f"the formula names layers only a network of more than {MAX_DEPTH} layers has; "
                           f"symbp checks networks of up to {MAX_DEPTH} layers", **common)
        if reasons and all(why.endswith(NOT_JUDGED) for why in reasons):  # σ at L, an output the words make another
            return Outcome("uninterpretable", reasons[0], **common)
        if reasons:  # an empty check refutes nothing
            never = any(k > 0 for k in reach(eq, setting.notation).from_output) or all(
                why.startswith("excluded by the claim's condition") for why in reasons) or below_every_network(
                eq, setting.notation)
            if never:  # layer L+1, or a condition no layer meets: no network of any depth has an instance
                return Outcome("uninterpretable", f"no network of any depth has an instance of the formula: "
                               f"{reasons[0]}", **common)
            return Outcome("undecided", f"no network checked has an instance of the formula: {reasons[0]}", **common)
        raise Uninterpretable("the formula has no instance on any network")
    if limit > MAX_DEPTH:
        return Outcome("undecided", f"holds on every network checked (depth 2 to {MAX_DEPTH}), but the formula names "
                       f"layers that take every role only in networks of {limit} layers, deeper than symbp builds",
                       **common)
    missing = _missing_on_fixed(setting, pairs, results)
    if missing:  # ∂C/∂b^3_j = δ^3_j with --sizes 3,3: no instance on the user's network (review rv48 C2)
        return Outcome("undecided", f"{missing}, so the formula says nothing about your network; it holds on every "
                       f"network checked that has that layer (exact on {total} instances)",
                       **common)
    # σ written at an output layer the notes' words make another (``outputact``): held below it, said, not dropped
    spared = next((why for nc in results.values() for _, why in nc.outside if why.endswith(NOT_JUDGED)), "")
    return Outcome("holds", f"exact on {total} instances" + (f"; at l = L it is not judged: {spared}" if spared else ""),
                   condition_met=True if setting.fixed else None, **common)


def _missing_on_fixed(setting: Setting, pairs, results: dict) -> str:
    # Why a formula without a layer variable (its layers numbers or L-relative, one instance per network) has no
    # instance on the network the user fixed: a layer it names is not there. '' when it has one, or has a layer
    # variable (BP2 on a network without hidden layers holds for every l there is: none).
    if not setting.fixed:
        return ""
    ncs = [results[(side, tuple(setting.fixed))] for _, _, side in pairs]
    if any(nc.status != "none" for nc in ncs):
        return ""
    outside = [(b, why) for nc in ncs for b, why in nc.outside]
    if not outside or any(b for b, _ in outside):
        return ""
    return outside[0][1].replace(f"the network {list(setting.fixed)}", f"your network {list(setting.fixed)}")


def below_every_network(eq: Equation, nt) -> bool:
    """Does ``eq`` name a fixed layer no network has at any depth: below the input, or z, b, δ or w of the input
    layer (it computes nothing: δ^{[0]} in Dyda's notes, δ^1 in Nielsen's)? (Nielsen numbers, the input is 1.)"""
    for q in walk(eq):
        if not isinstance(q, Quantity) or q.layer is None or q.layer.var is not None:
            continue
        n = q.layer.offset - nt.layer_shift + (nt.weight_layer_offset if q.role in ("w", "W", "b") else 0)
        if n < 1 or (n == 1 and q.role in ("z", "b", "delta", "w", "W")):
            return True
    return False


def _first_of_side(results: dict, nets, side: int):
    return next((results[(side, sizes)] for _, sizes in nets if results[(side, sizes)].status == "fails"), None)


def _side_of(results: dict, nc: NetCheck) -> int:
    return next(side for (side, _), v in results.items() if v is nc)


def _fixed_result(setting: Setting, pairs, results: dict):
    if not setting.fixed:
        return None
    return all(results[(side, tuple(setting.fixed))].status == "holds" for _, _, side in pairs)


def _undecided(reason: str, results: dict, nets, shift: int) -> Outcome:
    checked, total = _checked([(d, s) for d, s in nets if any(k[1] == s for k in results)], results, shift)
    return Outcome("undecided", reason, total, checked=checked, networks=tuple(s for _, s in nets))


def _checked(nets, results: dict, shift: int) -> tuple:
    out, total = [], 0
    for depth, sizes in nets:
        ncs = [nc for (side, s), nc in results.items() if s == sizes]
        if not ncs:
            continue
        order = ("fails", "undecided", "holds", "none")
        status = min((nc.status for nc in ncs), key=order.index)
        instances = sum(nc.instances for nc in ncs)
        total += instances
        layers, outside, failed = [], [], []
        for nc in ncs:
            layers += [_assignment(b) for b in nc.layers if _assignment(b) not in layers]
            outside += [(_assignment(b), why) for b, why in nc.outside if (_assignment(b), why) not in outside]
            failed += [_assignment(b) for b in getattr(nc, "failed", ()) if _assignment(b) not in failed]
        out.append({"sizes": list(sizes), "depth": depth, "L": depth + shift, "status": status, "instances": instances,
                    "layers": layers, "outside": [{"layers": b, "reason": why} for b, why in outside],
                    **({"failed_at": failed} if failed else {}),
                    **({"ill_shaped": True} if any(nc.ill_shaped for nc in ncs) else {})})
    return tuple(out), total


def _assignment(layers: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in layers.items()) or "(no layer variable)"


def _condition(holding: list, checked: list, shift: int) -> str:
    """'L = 4', 'L ≥ 5', 'L ∈ {2, 4}' for a set of depths (Nielsen), in the user's numbering of L."""
    users = [d + shift for d in holding]
    deepest = max(checked) + shift
    if users[-1] == deepest:
        # Holding at the deepest networks: it holds at every deeper one too (see ``family``).
        run = [u for u in users if all(v in users for v in range(u, deepest + 1))]
        start = min(run)
        rest = [u for u in users if u < start]
        tail = f"L ≥ {start}"
        return tail if not rest else f"L ∈ {{{', '.join(map(str, rest))}}} or {tail}"
    if len(users) == 1:
        return f"L = {users[0]}"
    return f"L ∈ {{{', '.join(map(str, users))}}}"
