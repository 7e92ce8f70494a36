r"""The notes' model and every claim checked on it: the model of the definitions (a circle of definitions that
exchanging two vectors' names in one linear definition resolves is read that way), a second member of the family at
other sizes when the notes leave sizes open, twins where the nodes the notes never define are generic, and the
verdict on a claim, which holds only if it holds on each member.

>>> from symbp.verify.graphread import read_graph
>>> eq = read_graph("x = W y")
>>> from symbp.verify.graphnodes import to_latex
>>> to_latex(exchanged(eq))
'y = W x'
"""

from __future__ import annotations

import itertools

import sympy
from dataclasses import fields, replace

from .graphbatchform import MAX_SIZE, NotLinear, sizes_for
from .graphbatch import (SIZES, Samples, batch_model, claim_batch, free_samples, rate_batch, sample_sums,
                         split_words, two_samples, unsummed_words)
from .graphbuild import build
from .graphcheck import GraphOutcome, check_graph
from .graphdeclare import check_declared
from .graphevaluate import Evaluator, Misfit
from .graphmodel import LOSS_NAMES, Bar, Call, Deriv, GraphError, GraphUninterpretable, Model, Mul, Sym, is_declaration
from .graphnodes import Equation, Mat, T, to_latex, walk
from .graphshapes import FAMILY_CYCLES, open_dims
from .graphsizedegree import NO_POLYNOMIAL, UNBOUNDED, letter_degrees
from .graphsizes import letter_sizes
from .graphundefined import input_names, involved, make_generic, twin_verdict, undefined_nodes
from .graphundefined import words as undefined_words
from .graphupdate import is_update, rate_words, step_free
from .graphupdatelayout import check_update, check_update_on

#: The member of the family of open sizes with a size 1 (``graphshapes.FAMILY_CYCLES``): there a 1×1 matrix is not
#: told from a number and a layout may fit that fits nowhere else, so only a refutation by values in the layouts the
#: first member fits counts; any other verdict there is passed over.
SIZE_ONE = (3, 4)

#: How the error of a model that a definition without meaning stopped begins (each row then says so; the run goes on).
UNINTERPRETABLE = "a definition has no meaning here: "


def checker(defs: list, all_eqs: list, hints: list, claims: list, sigma=None, unread: dict | None = None,
            samples: Samples | None = None, impose=None):
    """(model, error, repaired pieces, check): the model of ``defs`` and the check of a claim on it (on every
    member of the family of open sizes, the nodes the notes never define made generic); ``sigma``: σ when the
    notes say what it is (``graphsigma``), None: generic; ``unread``: name -> line of a definition not read (its
    nodes are never inputs: a claim that reaches them is judged only if it holds however they are computed);
    ``samples``: the notes' costs over a mini-batch (``graphbatch``), checked on batches of several sizes;
    ``impose``: a change made to every model once built (an assumption on the targets, ``graphtargets``)."""
    model, error, repaired = notes_model(defs, all_eqs, hints, claims, sigma=sigma, impose=impose)
    if model is None:
        return None, error, [], None
    vectors = model.vector_reading  # every member read as the first (``graphguess``)
    opened = bool(open_dims([(ln, e) for ln, e, _ in defs], all_eqs, hints, vectors))
    family, starts = [model], [0]
    model.sizes_open = opened
    if opened:  # sizes the notes leave open: members with other sizes (``graphshapes.FAMILY_CYCLES``)
        other, error2, _ = notes_model(defs, all_eqs, hints, claims, start=1, sigma=sigma, impose=impose, vectors=vectors)
        if other is None and error2:  # the definitions contradict each other at the other sizes: not hidden
            return None, error2 + " (at the second choice of the sizes the notes leave open)", [], None
        if other is not None:
            family.append(other)
            starts.append(1)
        # review rv42c 2: 2 and 3 alone let a claim true only there hold (a sum to an open size); 1 and 4 too
        skipped = []
        for start in (2, *SIZE_ONE):
            more, _, _ = notes_model(defs, all_eqs, hints, claims, start=start, sigma=sigma, impose=impose,
                                     vectors=vectors)
            if more is None:
                skipped.append(start)
            else:
                family.append(more)
                starts.append(start)
                more.family_start = start
        if len(family) > 1:
            later = ", ".join("starting at " + "-".join(map(str, FAMILY_CYCLES[k])) for k in starts[2:])
            model.notes.append("sizes the notes leave open are checked at two choices (starting at 2 and at 3)"
                               + (f", then {later}" if later else "")
                               + ("; at a size 1 only a difference of values refutes" if set(SIZE_ONE) & set(starts)
                                  else "")
                               + (f"; the definitions do not fit at "
                                  f"{' and '.join('-'.join(map(str, FAMILY_CYCLES[k])) for k in skipped)}"
                                  if skipped else ""))
    unread = {model.canonical(name): line for name, line in (unread or {}).items()}
    undefined = undefined_nodes(model, input_names(defs, hints, model) - set(unread))
    twins = []
    if undefined:  # each member with the nodes the notes never define made generic (graphundefined)
        for k in starts:
            twin, _, _ = notes_model(defs, all_eqs, hints, claims, start=k, sigma=sigma, impose=impose, vectors=vectors)
            if twin is None:
                undefined, twins = [], []
                break
            make_generic(twin, undefined, unread)
            twin.family_start = k  # a twin at a size 1 refutes by values only, as its member
            twins.append(twin)
    return model, "", repaired, lambda eq, budget, layout="": _undefined_check(eq, family, twins, undefined, budget,
                                                                                layout, unread, samples)


def _undefined_check(eq: Equation, family: list, twins: list, undefined: list, budget: float,
                     layout: str = "", unread: dict | None = None, samples: Samples | None = None) -> GraphOutcome:
    """A claim that reaches a node the notes never define holds only if it holds however that node is computed
    (on the generic twins); otherwise it is uninterpretable, naming the node (``twin_verdict``). Other claims:
    ``_family_check``."""
    reached = involved(eq, family[0], undefined) if twins else []
    if not reached:
        return _family_check(eq, family, budget, layout, samples)
    if is_declaration(eq):  # what a node the notes never define is computed from is not said: no twin decides it
        return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the declaration reaches "
                            f"{undefined_words(reached)}, which the notes name but never define, so what it depends "
                            "on is not said")
    return twin_verdict(eq, _family_check(eq, twins, budget, layout, samples), reached, family[0], unread)


def _family_check(eq: Equation, family: list, budget: float, layout: str = "",
                  samples: Samples | None = None) -> GraphOutcome:
    """The verdict on every model of the family: holds only if it holds on each, else the first other verdict (a
    claim about a cost over a mini-batch: on batches of several sizes, ``_batch_check``)."""
    if samples is not None:
        out = _batch_check(eq, family, budget, layout, samples)
        if out is not None:
            return out
    outs, held, timed_out = [], [], []
    for m in family:  # in turn: the first member that does not hold gives the verdict
        o = check_claim(eq, m, budget / min(len(family), 2), layout)  # each as the two first had (flaky else)
        if m.family_start in SIZE_ONE and outs and not _value_refutation(o, outs[0]):
            continue
        if m.family_start >= 2 and outs and o.status == "undecided" and "time budget" in o.reason:
            # an extra member (sizes 4, 5, …) whose time ran out adds nothing, as before it was checked; said below
            timed_out.append("-".join(map(str, FAMILY_CYCLES[m.family_start])))
            continue
        if o.status != "holds":
            if o.status == "refuted":
                _diagnose(eq, family, o, budget, layout)
            return o
        outs.append(o)
        held.append(m)
    out = _pinned(eq, held, outs[0])
    if timed_out and out.status == "holds":
        out = replace(out, reason=out.reason + f" (the open sizes starting at {', '.join(timed_out)} were not checked: "
                      "the time budget ran out)")
    return out


def _pinned(eq: Equation, held: list, out: GraphOutcome) -> GraphOutcome:
    # review rv42c 2: a claim whose sums to a letter's size make it a polynomial of degree d in that size holds for
    # every size only if it held at d + 1 sizes of the letter; else undecided, naming the sizes it held at
    for letter, degree in sorted(letter_degrees(eq).items()):
        sums = f"its sums to {letter}"
        if letter == UNBOUNDED:  # a sum without its bound runs to some open size: the one with fewest sizes checked
            if not getattr(held[0], "sizes_open", False):
                continue
            taken = [(sorted(set().union(*(letter_sizes(m, x) for m in held))), x) for x in held[0].letters]
            taken = [t for t in taken if t[0]]
            if not taken:
                continue
            sizes, letter = min(taken, key=lambda t: len(t[0]))
            sums = f"its sums written without a bound (each may run to an open size such as {letter})"
        else:
            sizes = sorted(set().union(*(letter_sizes(m, letter) for m in held)))
        if sizes and len(sizes) <= degree:
            what = ("a function of its size that is no polynomial" if degree >= NO_POLYNOMIAL else
                    f"a polynomial of degree {degree} in its size, which needs {degree + 1} sizes")
            return GraphOutcome("undecided", f"it holds where {letter} = "
                                f"{', '.join(map(str, sizes))}, but {sums} make it {what}; "
                                "other sizes are not checked", out.layout, out.verdicts, kinds=out.kinds)
    return out


def _value_refutation(o: GraphOutcome, first: GraphOutcome) -> bool:
    # a refutation at a size 1 by values, with the claim's shapes fitting the layouts they fit in the first member
    if o.status != "refuted" or o.counterexample is None:
        return False
    fits = {k: v.status != "misfit" for k, v in first.verdicts.items()}
    return fits == {k: v.status != "misfit" for k, v in o.verdicts.items()}


def _batch_check(eq: Equation, family: list, budget: float, layout: str, samples: Samples) -> GraphOutcome | None:
    """A claim about a cost over a mini-batch, on batch models of m = 1, 2, 3 samples (``graphbatch``), every free
    sample letter at every sample; None for a claim about one sample (the one-sample model judges it)."""
    try:
        cost = claim_batch(eq, samples.costs) if samples.costs else None
    except GraphUninterpretable as exc:
        return GraphOutcome("uninterpretable", str(exc))
    one = rate_batch(eq, samples.costs) if cost is None and is_update(eq) else None  # W ← W − (η/m)(…)^{(t)}
    cost = cost or one
    if cost is None:
        mixed = two_samples(eq)
        if mixed:
            return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the claim names the samples {mixed}; the notes' "
                                "definitions are of one sample, and no cost over a mini-batch ties the samples together")
        return None
    both = sorted({n.sample for n in walk(eq) if isinstance(n, Sym) and n.sample}
                  & {c for n in walk(eq) if isinstance(n, Sym) for part in n.sub for c in part if c.isalpha()})
    if both:  # w_{ij} beside x^{(i)}: an entry's index or a sample, the claim does not say
        return GraphOutcome("uninterpretable", f"{to_latex(eq)}: {', '.join(both)} labels a sample (the letter of "
                            "the samples) and indexes an entry in the same claim, so which one it is, is not clear "
                            "(name the samples with another letter)")
    if any(isinstance(n, Call) and isinstance(n.func, Sym) and n.func.base == cost.count for n in walk(eq)):
        return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the size {cost.count} of the mini-batch is written "
                            f"before a bracket, {cost.count}(…), which reads as a function; write {cost.count} \\cdot "
                            "(…) or put the factor after the bracket")
    free = free_samples(step_free(eq) if is_update(eq) else eq)  # W^{(t)} beside W^{(t+1)} numbers a step
    if cost.count and cost.count in free:  # L^{(m)}: the last sample of a batch of m, not any sample m
        return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the label ^{{({cost.count})}} uses the letter of the "
                            f"batch size {cost.count}; the m-th (last) sample of the mini-batch is not read, and "
                            f"{cost.count} is not a sample letter free to be any sample")
    ends = sorted(set(free) & {s.var for s in sample_sums(eq)})
    if ends:  # \sum_t a^{(t)} \odot b^{(t)} read as (Σ_t a^{(t)}) ⊙ b^{(t)}: where the sum ends is not clear
        return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the sample {', '.join(ends)} is named inside a sum "
                            "over the samples and after it ends (as read), so where the sum ends is not clear; "
                            "put the whole summand in brackets")
    try:  # the sizes that decide the claim for every m (``graphbatchform``)
        sizes, unread = sizes_for(eq, cost, len(free), is_update(eq)), ""
    except NotLinear as exc:
        sizes, unread = SIZES, str(exc)
    given = samples.size  # the notes' own m ("Each mini-batch has $m = 4$ samples"): checked too when small
    if given is not None and given[0] <= MAX_SIZE and given[0] not in sizes:
        sizes = tuple(sorted(sizes + (given[0],)))
    runs = [(m, size, combo) for m in family for size in sizes
            for combo in itertools.product(range(1, size + 1), repeat=len(free))]
    models, wheres = [], []
    for m, size, combo in runs:
        try:
            bm = batch_model(m, cost, size, samples.shared, samples.labels)
        except GraphUninterpretable as exc:
            return GraphOutcome("uninterpretable", f"{to_latex(eq)}: {exc}")
        bm.batch.fixed = dict(zip(free, combo))
        models.append(bm)
        wheres.append(f"on a mini-batch of {cost.count or 'm'} = {size} sample{'s' if size > 1 else ''}" + "".join(
            f", sample {t} = {k}" for t, k in zip(free, combo)))
    said = (f"checked on mini-batches of {cost.count or 'm'} = {', '.join(map(str, sizes))} samples"
            + (f", every sample {', '.join(free)} of each" if free else "")
            + f" ({cost.words()}; {split_words(family[0], samples.shared, samples.labels)})")

    def verdict(found: list) -> GraphOutcome:
        return _batch_verdict(eq, list(zip(wheres, found)), runs, cost, (given, unread, said))

    if is_update(eq):  # each layout's verdict over every size (its rate must be one), then the layouts weighed
        try:
            out = check_update_on(bracket_products(eq, models[0]), models, layout, verdict, budget)
        except GraphUninterpretable as exc:
            return GraphOutcome("uninterpretable", str(exc))
        out.reason = f"{unsummed_words(one, free)}; {out.reason}" if one and free and out.status == "refuted" else out.reason
        return out
    return verdict([check_claim(eq, bm, budget / len(runs), layout) for bm in models])


def _batch_verdict(eq: Equation, outs: list, runs: list, cost, context: tuple) -> GraphOutcome:
    """The verdict over the mini-batches of ``runs`` from the verdict ``outs`` (where, outcome) on each: an update
    rule's rate must be the same at every size; else the worst verdict, with where it was found."""
    given, unread, said = context
    rates = {size: o.rate for (where, o), (_, size, _) in zip(outs, runs) if o.status == "holds"}
    if is_update(eq) and len(rates) == len(outs) and len({str(r) for r in rates.values()}) > 1:
        # η Σ_t ∂L^{(t)}/∂W: a positive multiple of ∂J/∂W at every size, but m η, a rate that grows with the batch
        shown = "; ".join(f"{rate_words(r)} at {cost.count or 'm'} = {k}" for k, r in sorted(rates.items()))
        slip = _rate_slip(rates, cost)
        status = "uninterpretable" if "once more" in slip else "refuted"  # a second 1/m: as in layered notes
        return GraphOutcome(status, f"the step is a multiple of the gradient of {cost.name} that changes with the "
                            f"size of the mini-batch ({shown}): the rate is not one learning rate"
                            + slip
                            + f"; {said}")
    for status in ("refuted", "ambiguous", "undecided", "uninterpretable", "conditional"):
        for where, o in outs:
            if o.status == status:
                o.reason = f"{where}: {o.reason}; {said}" if status == "refuted" else f"{o.reason} ({where}; {said})"
                return _at_given(o, outs, runs, cost, given) if status in ("refuted", "uninterpretable") \
                    else _every_m(o, eq, unread, said)
    first = outs[0][1]
    first.reason = f"{first.reason}; {said}" + ("" if given is None or unread else
                                                f" (so also for the notes' {cost.count} = {given[0]}, line {given[1]})")
    first.instances = sum(o.instances for _, o in outs)
    return _every_m(first, eq, unread, said)


def _every_m(out: GraphOutcome, eq: Equation, unread: str, said: str) -> GraphOutcome:
    """A claim that holds (or is conditional) on every size checked holds for every m only when its dependence on m
    is read (``graphbatchform``); else it is uninterpretable, saying where m is not read."""
    if out.status not in ("holds", "conditional") or not unread:
        return out
    return GraphOutcome("uninterpretable", f"{to_latex(eq)}: it {out.status.replace('conditional', 'holds under an assumption')}"
                        f" on the mini-batches checked, but {unread}, so whether it holds for every batch size is "
                        f"not known ({said})")


def _at_given(out: GraphOutcome, outs: list, runs: list, cost, given) -> GraphOutcome:
    """A claim refuted on some size, in notes that give their own m: conditional on that m if it holds there,
    undecided if that m is too large to check (it may be what the claim is about), refuted if it fails there too."""
    if given is None:
        return out
    m, line = given
    if m > MAX_SIZE and out.status == "refuted":
        return GraphOutcome("undecided", f"{out.reason}; the notes give {cost.count} = {m} (line {line}), a mini-batch "
                            f"too large to check here, so whether the claim holds for their {cost.count} is not decided")
    there = [o for (where, o), (_, size, _) in zip(outs, runs) if size == m]
    if there and all(o.status == "holds" for o in there):
        other = f" only, not for every {cost.count}" if out.status == "refuted" else "; on other sizes it is not read"
        return GraphOutcome("conditional", f"it holds for the notes' mini-batch of {cost.count} = {m} (line {line})"
                            f"{other}: {out.reason}", there[0].layout, there[0].verdicts,
                            out.counterexample, sum(o.instances for o in there),
                            condition=f"{cost.count} = {m} (line {line})")
    return out


def _rate_slip(rates: dict, cost) -> str:
    """Why the rate of a step changes with the batch size: m η (a sum without 1/m) or η/m (1/m twice)."""
    low = min(rates)
    ratios = {k: sympy.simplify(sympy.sympify(rates[k]) / sympy.sympify(rates[low])) for k in rates}
    if not (cost.mean and cost.count):
        return ""
    if all(r == sympy.Rational(k, low) for k, r in ratios.items()):
        return f" (a sum over the samples without 1/{cost.count})"
    if all(r == sympy.Rational(low, k) for k, r in ratios.items()):
        return f" (divided by {cost.count} once more than the mean {cost.name} already is: a second 1/{cost.count})"
    return ""


def _diagnose(eq: Equation, family: list, outcome: GraphOutcome, budget: float, layout: str) -> None:
    """∂g_1/∂g_1 = ∂h/∂g_1|_{g_1}: the left side differentiates g_1 itself, not h(g_1); said when ∂h(g_1)/∂g_1
    (the function of the right side applied to the variable) makes the claim hold."""
    if len(eq.sides) != 2 or not isinstance(eq.sides[0], Deriv) or not isinstance(eq.sides[0].den, Sym):
        return
    rhs = eq.sides[1]
    inner = rhs.arg if isinstance(rhs, Bar) else rhs
    if not (isinstance(inner, Deriv) and isinstance(inner.num, Sym) and inner.num.base in family[0].functions):
        return
    left = eq.sides[0]
    fixed = Equation((Deriv(Call(inner.num, (left.den,)), left.den, left.total), rhs), eq.rels)
    if all(check_claim(fixed, m, budget / len(family), layout).status == "holds" for m in family):
        outcome.reason = (f"the left side differentiates {to_latex(left.num)}, not {inner.num.base}"
                          f"({to_latex(left.den)}): {to_latex(fixed)} holds; " + outcome.reason)


def check_claim(eq: Equation, model: Model, budget: float, layout: str = "") -> GraphOutcome:
    sliced = next((n for n in walk(eq) if isinstance(n, Sym) and any(
        ":" in part or "*" in part or "\\cdot" in part or "\\bullet" in part for part in n.sub)), None)
    if sliced is not None:  # review rv42c: W_{:,1} was read with ":" an index letter (= 1), a number: refuted;
        # rv44 B3: the same for W_{*,1}
        return GraphOutcome("uninterpretable", f"{sliced.latex()}: a slice (a whole row or column: ':', '*', "
                            "'\\cdot') is not read")
    try:
        eq = bracket_products(eq, model)
        if is_update(eq):
            return check_update(eq, model, layout, budget)
        if is_declaration(eq):  # L = L(x_1, x_2) restating the graph (``graphdeclare``)
            return check_declared(eq, model)
        return check_graph(eq, model, budget, layout)
    except GraphUninterpretable as exc:
        return GraphOutcome("uninterpretable", str(exc))


def bracket_products(node, model: Model):
    r"""``node`` with each quantity of the model written before a bracketed expression read as the product
    (``W \left((h - t) \odot (1 - h^2)\right)`` is W times the bracket, ``x \left(v\right)^T`` is x times
    v^T): the notes' definitions use the name as a quantity and never apply it, so a claim does not make it a
    function. A bracket of names (``y_1(x_1, x_2)``, ``L(h(x))``) still says what the quantity depends on; a
    transposed bracket of one name after a quantity is the product (``\delta^{(t)} (x^{(t)})^T`` is δ^{(t)} times
    x^{(t)} transposed, review 24 R2: it was read as δ^{(t)} of x^{(t)}, transposed), unless the name is a plain
    one the quantity is computed from (``h(x)^T``: h times x^T or h of x, transposed; uninterpretable)."""

    def product(call):
        if not (isinstance(call, Call) and isinstance(call.func, Sym) and not call.primes and len(call.args) == 1
                and not call.func.sub and model.canonical(call.func.base) in model.quantities
                and call.func.base not in model.applied and not isinstance(call.args[0], (Sym, Call))):
            return None
        return call.func, bracket_products(call.args[0], model)

    if isinstance(node, tuple):
        return tuple(bracket_products(x, model) for x in node)
    if isinstance(node, T) and product(node.arg) is not None:
        name, arg = product(node.arg)
        return Mul((name, T(arg)))  # x \left(v\right)^T: the transpose is the bracket's
    if isinstance(node, T) and _transposed_name(node.arg, model):
        return Mul((node.arg.func, T(node.arg.args[0])))  # \delta^{(t)} (x^{(t)})^T
    if product(node) is not None:
        return Mul(product(node))
    if not hasattr(node, "__dataclass_fields__") or isinstance(node, Sym):
        return node
    return replace(node, **{f.name: bracket_products(getattr(node, f.name), model) for f in fields(node)})


def _transposed_name(call, model: Model) -> bool:
    """Whether ``call``, the inside of ``f(v)^T``, is a quantity f times one name v transposed: f is a quantity of
    the notes they never apply as a function and v one name that is a quantity too. Raises when v is a plain name
    f is computed from (f of v, then transposed, is as well read)."""
    if not (isinstance(call, Call) and isinstance(call.func, Sym) and not call.primes and len(call.args) == 1
            and isinstance(call.args[0], Sym) and model.canonical(call.func.base) in model.quantities
            and call.func.base not in model.applied and model.canonical(call.args[0].base) in model.quantities):
        return False
    f, v = call.func, call.args[0]
    if f.sample or v.sample or f.sub or v.sub or f.mark or v.mark:
        return True  # a label or an index says which quantity: never a list of what f depends on
    mine = [s for s, (n, _) in model.names.items() if n == model.canonical(f.base)]
    theirs = [s for s, (n, _) in model.names.items() if n == model.canonical(v.base)]
    if any(model.depends(a, b) for a in mine for b in theirs):
        raise GraphUninterpretable(f"{to_latex(T(call))}: {f.latex()} times {v.latex()}^T, or {f.latex()} (a "
                                   f"function of {v.latex()}) transposed: which is not said (write "
                                   f"{f.latex()} {v.latex()}^T or {f.latex()}^T)")
    return True


def _differentiated(claims: list, model: Model) -> dict:
    """loss name -> the nodes the notes differentiate it by."""
    out: dict = {}
    for _, eq in claims:
        for n in walk(eq):
            if isinstance(n, Deriv) and isinstance(n.num, Sym) and n.num.base in LOSS_NAMES and not n.num.sub:
                try:
                    t = Evaluator(model, "denominator").targets(n.den)
                except (GraphUninterpretable, Misfit):
                    continue
                nodes = list(t) if hasattr(t, "shape") else [t]
                out.setdefault(n.num.base, [])
                out[n.num.base] += [s for s in nodes if s not in out[n.num.base]]
    return out


def notes_model(defs, all_eqs, hints, claims, start: int = 0, sigma=None, impose=None, vectors=None):
    """(model, error, repaired pieces): the model of the definitions, a cycle repaired if one exchange does it;
    ``impose(model)`` changes the model once built (a ``GraphError`` from it: no model); ``vectors``: whether the
    names the notes give no shape are read as vectors and matrices (None: as numbers unless that makes the
    definitions contradict each other, ``graphbuild.build``)."""
    if impose is not None:
        model, error, repaired = notes_model(defs, all_eqs, hints, claims, start, sigma, vectors=vectors)
        if model is None:
            return model, error, repaired
        try:
            impose(model)
        except GraphError as exc:
            return None, str(exc), []
        return model, error, repaired
    plain = [(line, eq) for line, eq, _ in defs]
    sizes = {"start": start} if vectors is None else {"start": start, "vectors": vectors}
    try:
        first = build(plain, all_eqs, hints, sizes=sizes, sigma=sigma)
        sizes = {**sizes, "vectors": first.vector_reading}
        return build(plain, all_eqs, hints, _differentiated(claims, first), sizes, sigma), "", []
    except GraphUninterpretable as exc:  # a definition with no meaning in the model (\sum_w w^2): not a contradiction
        return None, UNINTERPRETABLE + str(exc), []
    except GraphError as exc:
        if "circle" not in str(exc):
            return None, str(exc), []
        error = str(exc)
    tried = set()
    for line, eq, piece in defs:
        if line in tried or exchanged(eq) is None:
            continue
        tried.add(line)
        trial = [(ln, exchanged(e) if ln == line and exchanged(e) is not None else e) for ln, e, _ in defs]
        try:
            first = build(trial, all_eqs, hints, sizes=sizes, sigma=sigma)
            model = build(trial, all_eqs, hints, _differentiated(claims, first), sizes, sigma)
        except GraphError:
            continue
        if not _declarations_agree(model):
            continue
        words = (f"<old> contradicts the notes' other definitions ({error}); with the two vectors' names "
                 f"exchanged, <new>, every declaration agrees, so the claims are checked with it")
        model.repairs.append((line, words))
        return model, "", [p for ln, e, p in defs if ln == line and p is not None and exchanged(e) is not None]
    return None, error, []


def exchanged(eq: Equation):
    """x = W y -> y = W x (also the written-out form (x_1; x_2) = W (y_1; y_2))."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if len(eq.sides) != 2 or not isinstance(rhs, Mul) or len(rhs.factors) != 2:
        return None
    mat, vec = rhs.factors
    if isinstance(lhs, Sym) and isinstance(vec, Sym) and not lhs.sub and not vec.sub:
        return Equation((vec, Mul((mat, lhs))), eq.rels)
    if isinstance(lhs, Mat) and isinstance(vec, Mat):
        return Equation((vec, Mul((mat, lhs))), eq.rels)
    return None


def _declarations_agree(model: Model) -> bool:
    for target, (args, _lines) in model.declared.items():
        if target in model.defs and not all(model.depends(target, a) for a in args):
            return False
    return True


__all__ = ["UNINTERPRETABLE", "check_claim", "checker", "exchanged", "notes_model"]
