r"""verify(formula) -> Verification: is a formula from someone's notes right?

The formula is read in its notation (``reader``; tags label it, conditions restrict it), then both sides are evaluated
(``interpret``) on concrete networks of every depth from 2 up to one where each layer it names has taken every role
(``family``), for every valid value of its free layer variables (l) and neuron indices (i, j, k). Each side is an exact
element of ``symbp.algebra`` computed from the ground truth (δ ≡ ∂C/∂z by differentiation). The verdicts:

* ``proved``: every instance's difference is exactly 0, on every network checked;
* ``proved-for-all-sizes``: proved, and the formula *is* an identity of the
  catalogue (``allsizes``), which ``symbp.general`` proves for every layer
  size and depth;
* ``conditional``: it holds at some depths only; ``condition`` says which
  (``L = 4``), and it is never a plain "holds";
* ``refuted``: shapes or indices that cannot match (with the reason), or a
  difference with a concrete counterexample that the independent oracle confirms;
* ``undecided``: a difference without a confirmed counterexample, or the budget
  ran out;
* ``unreadable`` / ``uninterpretable``: the reason, in words.

>>> v = verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j")
>>> v.verdict, v.identity
('proved-for-all-sizes', 'BP3')
>>> verify(r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j").verdict
'refuted'
>>> v = verify(r"\delta^4 = (a^4 - y) \odot \sigma'(z^4)", diagnose=False)
>>> v.verdict, v.condition, v.exit_code
('conditional', 'L = 4', 3)
"""

from __future__ import annotations

import time

from ..errors import SpecError, SymbpError, flag
from ..network import network, whole_sizes
from ..notation import Notation, profile
from .chainrule import chain_rule
from .check import Outcome, Setting, check
from .describe import describe, identify
from .diagnose import diagnose as _diagnose
from .allsizes import proved_for_all_sizes
from .apiargs import check_notes_arguments
from .gradlayout import GradientLayout, decided as layout_decided, jacobians_watched, label, layout_in_force
import symbp.verify.jacobianlayout as jacobianlayout  # by module: the layouts a Jacobian is weighed in
from .grouping import Reading, alternatives, choose, dot_readings, dotted_vectors, writes_odot
from .forms import LOSS_LETTERS
from .instances import _quantities
from .interpret import Uninterpretable
from .entrymatrix import entry_matrix
from .nodes import Apply, Equation, Nabla, Partial, Quantity, to_latex, walk
from .conditions import apply_conditions, output_condition
from .claimlinks import declaration
from .claims import UNEQUAL, unequal
from .depends import check_declaration, network_declaration
from .reader import ReadError, read_claim
from .lexer import plain_style
from .wholegradient import by_parameter, for_every_parameter
from .recheck import HOOKS
from .sizecondition import size_conditional
from .graphsingle import check_single, has_layers
from .names import schematic
from .numericsums import unfixed
from .meanclaims import counted_per_input, judge_mean
from .neuronsum import one_neuron
from .firstorder import first_order
from .samples import cost_definition, cost_superscripts, per_sample, sample_slip, total_cost
from .scalar import check_scalar, is_scalar
from .scalarletter import as_z
from .single_output import CONDITION as SINGLE, single_output
from .vector_square import entrywise_ill_shaped, inner_reading, readings
from .updatejudge import sum_bounds
from .assignments import equations
from .updates import is_rule
from .rulecheck import mean_cost, verify_rule
from .verdicts import STATUS_EXIT, VERDICT_OF, Verification, replaced, since

#: Why a declaration ``X = X(A, …)`` is not judged when ``depends`` does not check it.
UNCHECKED_DECLARATION = ("a declaration of what a quantity depends on that symbp cannot check: it checks those whose "
                         "name and arguments are the layered network's quantities with a layer written (C = C(a^L), "
                         "a^l = a^l(z^l)), and the notes' own graph with --notes")


def verify(
    formula: str,
    notation: "str | Notation" = "nielsen",
    *,
    activation: str = "generic",
    cost: str = "quadratic",
    one_hot: bool = False,
    family: tuple = (),
    sizes: "tuple | list | None" = None,
    budget: float = 30.0,
    diagnose: bool = True,
    outputs: "int | None" = None,
    count: str = "",
    differ: str = "",
    layout: "GradientLayout | None" = None,
    batches: bool = True,
    sets: tuple = (),
    uncounted: bool = False,
    output: "tuple | None" = None,
) -> Verification:
    """Verify one formula; see the module docstring for the verdicts.

    ``family``: networks checked besides the standard ones (every depth the
    formula needs). ``sizes``: the network the user fixed; it is checked too,
    and a ``conditional`` formula whose condition it meets exits 0. ``outputs``:
    the number of output neurons the notes fix ("one output neuron"): every
    network checked has that many, so a claim true only with one output holds.
    ``count``: the letter (m, n, N) the notes write the number of inputs of their mean cost
    C = (1/count) Σ_x C_x with; a mean claim or an update step that divides by another letter is not judged
    (the notes' own count is not known to equal it), or refuted when ``differ`` holds its letter (the notes
    say m < n). '' (the default): 1/m and 1/n are both the mean. ``layout``: the layout the notes declare
    (``gradlayout``): ∂C/∂ of a vector or a matrix is read in it, and a verdict that depends on it says so.
    ``batches``: False when the notes never introduce a mini-batch: η/m is then no mini-batch step (rv46 A4).
    ``sets``: (set, count) of the sets of inputs the notes name in words ("a mini-batch $B$ of $m$ inputs"): a sum
    over one, Σ_{x ∈ B}, is read against the notes' count (``setwords``). ``uncounted``: the notes never say how many
    inputs their cost averages, so a mean claim with 1/m or 1/n is not judged (rv48). ``output``: ``outputact``'s.
    """
    if not isinstance(formula, str):
        raise SpecError(f"verify takes the formula as a str of LaTeX; got {type(formula).__name__} {formula!r:.60}")
    if not isinstance(cost, str):
        raise SpecError(f"cost must be the name of a cost (a str such as 'quadratic'); got {cost!r}")
    check_notes_arguments(outputs=outputs, count=count, differ=differ, sets=sets)
    one_hot = flag(one_hot, "one_hot")
    options = dict(activation=activation, cost=cost, one_hot=one_hot, family=family, sizes=sizes, budget=budget,
                   diagnose=diagnose, outputs=outputs, count=count, differ=differ, batches=batches,
                   sets=sets, uncounted=uncounted, output=output)
    if layout is None:
        with jacobians_watched() as seen:
            result = _verify(formula, notation, **options)
        if not seen:
            return result
        readings = [(result, jacobianlayout.MIXED)]
        for other in (jacobianlayout.DENOMINATOR, jacobianlayout.NUMERATOR):
            with layout_in_force(other):
                readings.append((_verify(formula, notation, **options), other))
        return jacobianlayout.weigh(readings)
    with layout_in_force(layout) as used:
        result = _verify(formula, notation, **options)
    if layout.layout == "mixed" and "jacobian" not in used:
        return result  # the mixed convention reads gradients as Nielsen does: nothing to say without a Jacobian
    return _in_layout(result, layout, used) if used else result


def _kind_of(side) -> str:
    # the kind of value (``gradlayout.transposes``) a left side is: a whole ∂C/∂v, ∇_v C or δ^l; '' for an entry
    if isinstance(side, Partial) and isinstance(side.num, Quantity) and side.num.role == "C":
        return "" if isinstance(side.den, Quantity) and side.den.indices else "partial"
    if isinstance(side, Nabla):
        return "" if isinstance(side.wrt, Quantity) and side.wrt.indices else "nabla"
    return "delta" if isinstance(side, Quantity) and side.role == "delta" and not side.indices else ""


def _in_layout(result: Verification, layout: "GradientLayout", used: set) -> Verification:
    """A verdict that depended on the layout the notes declare, saying which one it was made in."""
    words = layout.words(used)
    reason = result.reason
    if f"in the {layout.layout} layout" not in reason:  # (an update rule's may say it already)
        reason = f"{reason} ({words})" if reason else words
    return replaced(result, reason=reason, interpretation=dict(result.interpretation, layout=words))


def _verify(formula: str, notation: "str | Notation", **options) -> Verification:
    # \displaystyle and its kin change only the typesetting (review rv46 D7): read without, quoted as written
    plain = plain_style(formula)
    result = _verify_plain(plain, notation, **options)
    return result if plain == formula else replaced(result, formula=formula)


def _verify_plain(formula: str, notation: "str | Notation", *, activation: str, cost: str, one_hot: bool, family: tuple,
            sizes: "tuple | list | None", budget: float, diagnose: bool, outputs: "int | None", count: str,
            differ: str, batches: bool = True, sets: tuple = (), uncounted: bool = False, output=None) -> Verification:
    start = time.perf_counter()
    nt = profile(notation)
    if isinstance(budget, bool) or not isinstance(budget, (int, float)) or not 0 < budget <= 86_400 \
            or budget != budget:  # the CLI's --budget check (commands.common.check_budget): exit 2 there
        raise SpecError(f"budget must be a positive number of seconds up to 86400 (a day), got {budget!r}")
    if not isinstance(activation, str) or "," in activation:
        raise SpecError(f"verify checks networks of every depth, so it takes one activation for every layer, "
                        f"got {activation!r}")
    extra = tuple(tuple(int(n) for n in s) for s in family)
    fixed = tuple(whole_sizes(sizes)) if sizes is not None else None  # "232", 2.5: an error (review rv42a C2)
    for s in extra + ((fixed,) if fixed else ()):
        network(list(s), activation=activation, cost=cost, one_hot=one_hot)  # a bad network is bad input
    if outputs is not None and fixed is not None and fixed[-1] != outputs:
        raise SpecError(f"the network {list(fixed)} has {fixed[-1]} output neurons, but {outputs} were fixed as the "
                        "notes' own")
    setting = Setting(nt, activation, cost, one_hot, extra, fixed, outputs, output)
    base = dict(formula=formula, notation=nt.name, family=(),
                network={"activation": activation, "cost": cost, "one_hot": one_hot,
                         **({"output_activation": output[0]} if output else {}),
                         **({"sizes": list(fixed)} if fixed else {}), **({"outputs": outputs} if outputs else {})})
    again = dict(activation=activation, cost=cost, one_hot=one_hot, family=family, sizes=sizes, budget=budget,
                 diagnose=diagnose, outputs=outputs, output=output)
    if (neuron := one_neuron(formula, activation)) is not None:  # σ(z) = 1/(1+e^{-(Σ_i^n w_i x_i + b)}): seed 001
        return replaced(neuron, notation=nt.name, network=base["network"], seconds=since(start))
    changed = first_order(formula, lambda stated: verify(stated, nt, **again))  # ΔC ≈ X Δz_i: ∂C/∂z_i = X
    if changed is not None:
        return replaced(changed, notation=nt.name, seconds=since(start))
    if is_rule(formula):
        ruled = verify_rule(formula, nt, again, base, start, verify, count, differ, batches)
        if nt.vectors == "row" and ruled.status in ("unreadable", "uninterpretable"):
            return _own_layer(formula, base, start, budget)
        return ruled
    whole = by_parameter(formula)  # ∇C = (1/n) Σ_x ∇C_x: for the weights and for the biases (review rv46 D3)
    if whole is not None:
        return for_every_parameter(formula, *(verify(t, nt, **again) for t in whole), since(start))
    stated, assigned = equations(formula)  # an algorithm's δ^l ← …: the equation it states (``assignments``)
    if assigned:
        return replaced(verify(stated, nt, **again), formula=formula, seconds=since(start))
    if unequal(formula):  # a ≠ b: not silently read as something else, not an error of the reader either
        return Verification(status="unreadable", verdict="undecided", reason=UNEQUAL, **base)
    declared = check_declaration(formula, nt, cost=cost)  # C = C(a^L): what a quantity depends on (``depends``)
    if declared is not None:
        status, reason, checked = declared
        return Verification(status=status, verdict=VERDICT_OF[status], reason=reason, seconds=since(start),
                            interpretation={"words": "a declaration of what a quantity depends on", "latex": formula},
                            checked=checked, instances=sum(c["instances"] for c in checked),
                            **dict(base, family=tuple(tuple(c["sizes"]) for c in checked)))
    if network_declaration(formula) or (declaration(formula) or ("",))[0] in LOSS_LETTERS:
        # X = X(A, …) that ``depends`` does not check (an argument that is no quantity of the network, δ, a name
        # of the notes' own; J = J(\eta), the loss by another letter): never read as the product X · (A) or the
        # equation X = X (C = C(\eta) and J = J(\eta) held)
        return Verification(status="uninterpretable", verdict="undecided", reason=UNCHECKED_DECLARATION,
                            interpretation={"words": "a declaration of what a quantity depends on", "latex": formula},
                            seconds=since(start), **base)
    labelled = cost_superscripts(formula)  # C^{(t)}: the cost of input t, C_t
    defined = cost_definition(labelled, cost, sum_bounds, sets)
    if defined is not None:
        status, reason = defined
        return Verification(status=status, verdict=VERDICT_OF.get(status, "undecided"), reason=reason,
                            interpretation={"words": reason, "latex": formula}, seconds=since(start), **base)
    judged = judge_mean(formula, labelled, nt, again, base, start, verify, count, differ, sets, uncounted)
    if judged is not None:  # ∂C/∂b = (1/n) Σ_x δ^{x,l}: the mean cost's gradient (``meanclaims``)
        return judged
    try:
        sample = per_sample(labelled)
    except ValueError as exc:
        slip = sample_slip(formula, nt)
        return Verification(status="unreadable" if slip else "uninterpretable", verdict="undecided",
                            reason=slip or str(exc), **base)
    if sample is not None:
        slip = sample_slip(formula, nt)
        if slip:  # the reader's rules for ^{x,l} are stricter: every a, z, δ names the one sample
            return Verification(status="unreadable", verdict="undecided", reason=slip, **base)
        counted = counted_per_input(labelled, count, nt, again, start, verify)  # ∂C/∂z^{x,l} = (1/n) δ^{x,l} (rv48 D3)
        if counted is not None:
            return counted
        total = total_cost(sample.text, nt)
        if total:
            return mean_cost(formula, sample, total, nt, again, base, start, verify)
        inner = verify(sample.text, nt, **again)
        words = dict(inner.interpretation, per_sample=sample.words)
        return replaced(inner, formula=formula, interpretation=words, seconds=since(start))
    entries, how = entry_matrix(formula, nt)  # w^l = [w^l_{jk}]: the matrix whose (j, k) entry is w^l_{jk}
    if entries:
        inner = verify(entries, nt, **again)
        return replaced(inner, formula=formula, interpretation=dict(inner.interpretation, per_sample=how),
                        reason=f"{inner.reason} ({how})", seconds=since(start))
    if how:
        return Verification(status="uninterpretable", verdict="undecided", reason=how,
                            interpretation={"words": how, "latex": formula}, seconds=since(start), **base)
    written_out = schematic(formula, nt)
    if written_out is not None:  # Nielsen's ∂C/∂w = a_in δ_out: checked with the indices it stands for
        inner = verify(written_out[0], nt, **again)
        words = dict(inner.interpretation, per_sample=written_out[1])
        return replaced(inner, formula=formula, interpretation=words, seconds=since(start))
    try:
        claim = read_claim(formula, nt)
    except ReadError as exc:
        if nt.vectors == "row" and not has_layers(formula):
            return _own_layer(formula, base, start, budget)
        scalar = _in_z(formula, nt, again, start)  # \sigma'(t) = \sigma(t)(1-\sigma(t)): σ's variable t is z
        if scalar is not None:
            return scalar
        ruled = chain_rule(formula)  # ∂f/∂x = ∂f/∂g · ∂g/∂x: letters that are no network quantity
        if ruled is not None:
            status, why = ruled
            return Verification(status=status, verdict=VERDICT_OF[status], reason=why, seconds=since(start),
                                interpretation={"words": "read as the chain rule, f and g arbitrary differentiable "
                                                "functions (f of the inner functions g, each g of x)", "latex": formula},
                                **base)
        return Verification(status="unreadable", verdict="undecided", reason=str(exc), **base)
    eq = claim.equation
    if fixed is None and unfixed(formula):  # \sum_{k=1}^{2}: a size the claim does not fix (rv48 D6)
        return Verification(status="uninterpretable", verdict="undecided", reason=unfixed(formula),
                            seconds=since(start), **base)
    try:
        eq, own_outputs = output_condition(eq)  # "\\quad \\text{for } n_L = 1": checked on networks with one output
    except Uninterpretable as exc:
        return Verification(status="uninterpretable", verdict="undecided", reason=str(exc), **base)
    own_words = own_by = ""
    if own_outputs is not None:
        own_by = f"as the claim's own condition n_L = {own_outputs} says"
        if outputs is not None and outputs != own_outputs:
            return Verification(status="uninterpretable", verdict="undecided", reason=(
                f"the claim's condition n_L = {own_outputs} contradicts the notes, which fix n_L = {outputs}: the "
                "claim is about no network of the notes"), **base)
        own_words = (f"checked only on networks with {own_outputs} output neuron{'s' if own_outputs != 1 else ''}, "
                     f"the claim's own condition n_L = {own_outputs}")
        if fixed is not None and fixed[-1] != own_outputs:
            own_words += (f"; your network {list(fixed)} has {fixed[-1]} output neurons, so the condition excludes it "
                          "and it is not checked")
            fixed = None
        setting = Setting(nt, activation, cost, one_hot, extra, fixed, own_outputs, output)
    if cost == "mean-quadratic":
        return Verification(status="uninterpretable", verdict="undecided", reason="verify reads single-sample costs; "
                            "the mini-batch cost mean-quadratic is not read (per-sample notation x,l is not read)", **base)
    if is_scalar(eq):
        if claim.conditions:
            return Verification(status="uninterpretable", verdict="undecided", reason="a condition on layers "
                                f"({claim.conditions[0].text}) means nothing for a scalar identity of σ", **base)
        try:
            return _verify_scalar(eq, setting, start, base, budget)
        except (SymbpError, ArithmeticError) as exc:
            return Verification(status="uninterpretable", verdict="undecided", reason=str(exc),
                                seconds=since(start), **base)
    if _data_only(eq):
        return Verification(status="uninterpretable", verdict="undecided", reason="a statement about the data "
                            "(targets y, inputs x) alone: an assumption or a definition, which no network "
                            "determines (for Σ_k y_k = 1 use --one-hot)", interpretation=describe(eq, setting, own_by), **base)
    try:
        eq = apply_conditions(eq)
        outcome = check(eq, setting, budget)
        eq, outcome, grouping, reading = _grouped(formula, eq, outcome, setting, budget, start)
        if outcome is not None and outcome.status == "refuted" and outcome.shape and own_outputs is None:
            # C = ½(y − a^L)²: one output (a claim that states its own n_L is checked on those networks alone)
            outcome = single_output(eq, outcome, setting, max(1.0, budget - since(start))) or outcome
        squared = inner_reading(eq, nt.vectors == "row") if outcome is not None and entrywise_ill_shaped(
            outcome, SINGLE) else None
        if squared is not None:  # (a^l)^2 = (a^l)^T a^l: the square of a vector as the inner product too
            found = readings(eq, outcome, squared, check(squared, setting, max(1.0, budget - since(start))))
            if found is not None and found[0] == "ambiguous":
                outcome, grouping = None, found[1]
            elif found is not None:  # refuted in both readings, or both hold on the user's one-output network
                outcome.reason += found[1]
    except Uninterpretable as exc:
        if nt.vectors == "row" and not any(getattr(q, "layer", None) for q in walk(eq)):
            return _own_layer(formula, base, start, budget)
        return Verification(status="uninterpretable", verdict="undecided", reason=str(exc), seconds=since(start),
                            interpretation=describe(eq, setting, own_by), **base)
    except SymbpError as exc:
        return Verification(status="uninterpretable", verdict="undecided", reason=str(exc), seconds=since(start), **base)
    if outcome is None:  # several well-shaped groupings of ⊙ that disagree
        return Verification(status="ambiguous", verdict="undecided", reason=grouping, seconds=since(start),
                            interpretation=describe(eq, setting, own_by), **base)
    outcome = size_conditional(eq, outcome, setting)  # refuted elsewhere, holds on the user's --sizes: conditional
    interpretation = describe(eq, setting, own_by)
    if grouping:
        interpretation["grouping"] = grouping
        interpretation["reading"] = reading  # the grouping's name, for a second reading (``recheck``)
        interpretation["words"] = grouping[0].upper() + grouping[1:] + ". " + interpretation["words"]
    if claim.labels or claim.conditions:
        interpretation["words"] += " " + claim.describe()
    verdict, identity, reason = VERDICT_OF[outcome.status], "", outcome.reason
    if own_words:
        reason += f" ({own_words})"
    if outcome.status != "holds" and setting.cost == "softmax-cross-entropy" and _sigma_may_be_at_output(eq):
        reason += _SOFTMAX_SIGMA
    if outcome.status == "holds":
        # Nielsen's label names his statement: a left side the layout in force transposes makes the claim its
        # transpose (``gradlayout.label``)
        identity = label(identify(eq, setting), _kind_of(eq.sides[0]))
        # A claim restricted by a condition is never matched as an identity of every size.
        # (nor one read in a layout the notes declare: the catalogue's statements are in Nielsen's, ``gradlayout``; nor
        # one under an output activation of its own, ``outputact``: symbp.general's networks have σ at every layer)
        general = () if (claim.conditions or eq.where or layout_decided() or output) else proved_for_all_sizes(
            eq, nt, activation, cost, one_hot)
        if general:
            verdict, identity = "proved-for-all-sizes", identity or ", ".join(general)
            reason += (f"; and it is {', '.join(general)} (matched on its form in Nielsen's notation), which symbp.general "
                       "proves for every layer size and depth")
    base["family"] = outcome.networks
    result = Verification(
        status=outcome.status, verdict=verdict, reason=reason, instances=outcome.instances,
        identity=identity, interpretation=interpretation,
        counterexample=outcome.counterexample, seconds=since(start), condition=outcome.condition,
        condition_met=outcome.condition_met, checked=outcome.checked, **base,
    )
    if outcome.status in ("holds", "conditional"):
        for hook in HOOKS:  # a second opinion the test suites install (``recheck``)
            hook(result, nt)
    if outcome.status in ("refuted", "conditional") and diagnose and not claim.conditions:
        remaining = max(1.0, budget - (time.perf_counter() - start))
        if len(eq.sides) == 2:
            found = _diagnose(eq, setting, outcome, budget=remaining)
            if found is not None:
                fixed = "" if found[1] == eq else to_latex(found[1])  # Σy = 1 only: said, not a "correction"
                result = replaced(result, diagnosis=found[0], corrected=fixed, seconds=since(start))
        else:
            result = _diagnose_chain(eq, setting, outcome, remaining, result, start)
    return result


def _grouped(formula: str, eq: Equation, outcome: Outcome, setting: Setting, budget: float, start: float):
    """(equation, outcome, words, name): the grouping of ⊙ the shapes allow (``grouping``); outcome None if ambiguous."""
    others = alternatives(formula, setting.notation, eq)
    if outcome.status == "refuted" and outcome.shape and dotted_vectors(outcome.reason):
        others += [o for o in dot_readings(formula, setting.notation) if all(o[1] != x for _, x in others)]
    if not others:
        return eq, outcome, "", "loose"
    readings = [Reading("loose", eq, outcome)]
    for name, other in others:
        remaining = max(0.5, budget - (time.perf_counter() - start))
        try:
            readings.append(Reading(name, other, check(other, setting, remaining)))
        except Uninterpretable:
            continue
    chosen, words = choose(readings, odot_written=writes_odot(formula))
    if chosen is None:
        return eq, None, words, ""
    return chosen.equation, chosen.outcome, words, chosen.grouping


def _diagnose_chain(eq: Equation, setting: Setting, outcome: Outcome, budget: float, result, start: float):
    """Diagnose each failing side of a chain as its own claim ``side 1 = side k``."""
    words, sides, complete = [], list(eq.sides), True
    for k in outcome.failed_sides:
        found = _diagnose(Equation((eq.sides[0], eq.sides[k]), ("=",)), setting, outcome, budget=budget / 2)
        if found is None:
            complete = False
            continue
        fixed = found[1]
        same = fixed == Equation((eq.sides[0], eq.sides[k]), ("=",))  # an assumption only: no "correction"
        words.append(f"side {k + 1}: {found[0]}" + ("" if same else f" (corrected: {to_latex(fixed)})"))
        if fixed.sides[0] == eq.sides[0]:
            sides[k] = fixed.sides[1]
        else:
            complete = False
    if not words:
        return result
    corrected = to_latex(Equation(tuple(sides), eq.rels)) if complete else ""
    return replaced(result, diagnosis="; ".join(words), corrected=corrected, seconds=since(start))


def _in_z(formula: str, nt, again: dict, start: float) -> "Verification | None":
    # review (layouts, finding 7): a scalar identity of σ in a letter of its own, read as the same identity in z
    # (``scalarletter``); None when the renamed formula is not such an identity
    # the notation's own letters and the scalar reader's; Dyda's z is no quantity (its weighted input is net)
    known = set("ayCWbwxL") | {v for v in nt.names.values() if len(v) == 1}
    renamed = as_z(formula, known if nt.names["z"] == "z" else known - {"z"}, sigma=nt.sigma, z=nt.names["z"])
    if renamed is None:
        return None
    try:
        if not is_scalar(read_claim(renamed[0], nt).equation):
            return None
    except (ReadError, SymbpError):
        return None
    inner = verify(renamed[0], nt, **again)
    words = f"read with {renamed[1]} as σ's variable {nt.names['z']}"
    return replaced(inner, formula=formula, reason=f"{inner.reason} ({words})" if inner.reason else words,
                    interpretation=dict(inner.interpretation, scalar_letter=words), seconds=since(start))


def _verify_scalar(eq: Equation, setting: Setting, start: float, base: dict, budget: float) -> Verification:
    status, reason, cx = check_scalar(eq, setting.activation, budget=budget)
    identity = ""
    if status == "holds" and setting.activation in ("sigmoid", "tanh") and any(
            getattr(n, "primes", 0) == 1 for n in walk(eq)):
        identity = f"{setting.activation}-prime"
    base = dict(base, family=())
    return Verification(status=status, verdict=VERDICT_OF[status], reason=reason, instances=1, identity=identity,
                        interpretation={"words": f"a scalar identity of the activation in a free real z, "
                                        f"with σ = {setting.activation}; σ' by differentiating σ's definition",
                                        "latex": to_latex(eq)},
                        counterexample=cx, seconds=since(start), **base)


_SOFTMAX_SIGMA = (" (σ and σ' written at the softmax output layer L are read as the hidden layers' activation "
                  "applied entrywise: the network computes a^L = softmax(z^L) there, and its derivative is the "
                  "Jacobian ∂a^L_j/∂z^L_k = a^L_j(δ_jk − a^L_k), not σ'(z^L))")

def _sigma_may_be_at_output(eq: Equation) -> bool:
    """Is σ or σ' applied in ``eq`` at a layer that may be the output layer L (z^L, z^l, z^{l+1}, a fixed number, no
    layer), so that the softmax output may be why it fails? σ'(z^{L-1}), σ'(z^{l-1}) are at a hidden layer: not
    (review 20, F1: the reason blamed σ' there when the targets were why)."""
    for n in walk(eq):
        if isinstance(n, Apply) and n.func in ("sigma", "Sigma"):
            layers = [getattr(q, "layer", None) for q in walk(n.arg) if isinstance(q, Quantity)]
            if not layers or any(lay is None or lay.offset >= 0 for lay in layers):
                return True
    return False


def _own_layer(formula: str, base: dict, start: float, budget: float) -> Verification:
    """A formula without layers in the row-vector profile: read in the profile's own layer (``graphsingle``)."""
    status, reason, outcome = check_single(formula, budget)
    if status not in STATUS_EXIT:
        status = "undecided"
    return Verification(status=status, verdict=VERDICT_OF.get(status, "undecided"), reason=reason,
                        instances=getattr(outcome, "instances", 0), counterexample=getattr(outcome, "counterexample", None),
                        interpretation={"words": reason, "latex": formula}, seconds=since(start), **dict(base, family=()))



def _data_only(eq: Equation) -> bool:
    qs = [q for n in walk(eq) for q in _quantities(n)]
    return bool(qs) and all(q.role in ("y",) or (q.role == "x" and q.layer is None) for q in qs) and not any(
        isinstance(n, (Partial, Nabla)) for n in walk(eq))
