r"""Claims checked by turning them into derivative claims: update rules and per-input claims on a mean cost.

An update rule of gradient descent (``w \\to w - \\eta \\nabla C``, read by ``updates``) holds when
each new value is the old one minus a rate times the gradient the notes' cost has; each gradient
is checked as the claim ``∂C/∂w = …`` by ``verify``, which the caller passes in (``verification``
calls these, and they call it back). A per-input claim naming the bare cost is checked on two and
three inputs of the mean cost, and a mean over another count than the notes' is judged here too.

>>> from symbp.notation import profile
>>> computed_role("a^l", profile("nielsen")), computed_role("w^l_{jk}", profile("nielsen"))
('the activation, computed from the weights and biases', '')
"""

from __future__ import annotations

import re
from typing import Callable

from .layeredlayout import gradient_claim, step_shape
from .samples import over_inputs, per_sample, with_label
from .setwords import other_count
from .stepsums import mixed_cost
from .updatejudge import judge_step
from .updates import read_rule
from .verdicts import STATUS_EXIT, VERDICT_OF, Verification, replaced, since

#: ``verification.verify``: a claim's text, the notation and options -> its Verification.
Check = Callable[..., Verification]


def other_count_verdict(mean, count: str, differ: str, nt, again: dict, verify: Check) -> "tuple[str, str, str] | None":
    """The verdict on a mean claim whose 1/count is not the notes' (``other_count``): refuted only when the notes
    say the counts differ and the summand is the per-input gradient (then the claim is size/count times the true
    mean); a summand that is not (n/m δ^x under 1/n) may make it true again, so it is not judged."""
    off = other_count(mean.size, count, differ)
    if off is None or off[0] != "refuted" or verify(mean.per_input, nt, **again).status == "holds":
        return off
    return "uninterpretable", other_count(mean.size, count)[1], ""


def sample_count(upper: str) -> str:
    """The letter a sum's upper bound counts the samples with (m, n), n when it is not one of them."""
    return upper if upper in ("m", "n", "N") else "n"


def mean_cost(formula: str, sample, total: str, nt, again: dict, base: dict, start: float, verify: Check) -> Verification:
    """A per-input claim that names the bare cost: once a formula tells the inputs apart, the cost is their mean
    (1/n) Σ_x C_x. A derivative of it by a quantity of input x is 1/n of C_x's, so two inputs already give a
    refutation when the claim fails with the ½ (``over_inputs``); otherwise (a weight's or a bias's gradient,
    which needs the other inputs) it is not read."""
    x = sample.sample
    mixed = (f"the formula mixes the total cost {total} with quantities of input {x}: once a formula tells the "
             f"inputs apart, {total} is the mean cost (1/n) Σ_{x} {total}_{x} and its gradients are means over the "
             f"inputs; write {total}_{x} for the cost of input {x}")
    for n in (2, 3):
        few = over_inputs(sample.text, total, n)
        inner = verify(few, nt, **dict(again, diagnose=False)) if few else None
        if inner is not None and inner.status == "refuted":
            break
    else:
        return Verification(status="uninterpretable", verdict="undecided", reason=mixed, seconds=since(start), **base)
    words = dict(inner.interpretation, per_sample=sample.words + f"; {total} is the mean cost over the inputs: for "
                 f"{n} inputs ∂{total}/∂(a quantity of input {x}) = (1/{n}) ∂{total}_{x}/∂(it), checked as {few}")
    return replaced(inner, formula=formula, interpretation=words, diagnosis=f"{total} should be {total}_{x}",
                    corrected=with_label(formula, total, x),
                    reason=f"{mixed}. With {n} inputs: {inner.reason}", seconds=since(start))


#: Names a rule cannot update: what the network computes from the parameters, and the data's targets.
COMPUTED = {"z": "the weighted input, computed from the weights and biases",
             "a": "the activation, computed from the weights and biases",
             "delta": "the error δ, computed from the weights, the biases and the data",
             "target": "the target, given by the data", "cost": "the cost, computed from the network's output"}


def computed_role(param: str, nt) -> str:
    r"""What the updated name of a rule is when the network computes it or the data fix it (the weighted input,
    the activation, δ, the target, the cost), '' for a weight, a bias or an input (gradient descent may update an
    input: ``x \to x - \eta \nabla_x C``).

    >>> from symbp.notation import profile
    >>> computed_role("a^l", profile("nielsen")), computed_role("w^l_{jk}", profile("nielsen"))
    ('the activation, computed from the weights and biases', '')
    """
    letter = re.match(r"\\[A-Za-z]+|[A-Za-z]", param)
    if letter is None:
        return ""
    roles = {role: name for role, name in nt.names.items() if name not in (nt.names["weight"], nt.names["bias"],
                                                                             nt.names["weight_matrix"])}
    return next((COMPUTED[role] for role in COMPUTED if roles.get(role) == letter.group(0)), "")


def verify_rule(formula: str, nt, again: dict, base: dict, start: float, verify: Check, count: str = "",
                differ: str = "", batches: bool = True) -> Verification:
    """An update rule of gradient descent (``updates``): every value side against the notes' cost."""
    rule = read_rule(formula)
    words = {"words": "an update rule: each new value must be the old value of the same parameter minus a learning "
                      "rate times the gradient of the cost (one sample, the mean over a mini-batch of m, or the mean "
                      "over n training inputs)", "latex": formula}
    if rule.unread:  # w^{l}_{(t+1)} = w^{l}_{(t)} - η δ^{(t),l}: the step letter also labels a sample
        return Verification(status="uninterpretable", verdict="undecided", reason=rule.unread, interpretation=words,
                            seconds=since(start), **dict(base, family=()))
    computed = computed_role(rule.param, nt)
    if computed:  # a^l → a^l − η ∂C/∂a^l: the network computes a^l from the weights, gradient descent cannot set it
        return Verification(status="uninterpretable", verdict="undecided", interpretation=words,
                            reason=(f"{rule.param} is {computed}: gradient descent updates the parameters (the "
                                    f"weights and biases), and a step on {rule.param} is not a step of the notes' "
                                    "network"),
                            seconds=since(start), **dict(base, family=()))

    conditions: list = []  # (condition, met) of each per-sample gradient that holds only on some networks

    def gradient(param: str, body: str):
        try:
            sample = per_sample(body)
        except ValueError as exc:  # δ^{x,l} (a^{t,l-1})^T: two inputs in one sample's gradient (exit 70, review rv34)
            return "uninterpretable", str(exc)
        # in the parameter's shape: (∂C/∂w^l)^T where the notes declare the numerator layout (``layeredlayout``)
        claim = f"{gradient_claim(nt.cost, param, nt)} = {sample.text if sample else body}"
        own = None if sample else re.search(r"(?<![A-Za-z\\])" + re.escape(nt.cost) + r"\s*_\s*(\{[^{}]*\}|[A-Za-z])", body)
        if own and mixed_cost(claim):  # ∇_{b^l} C_x: the summand is one input's gradient, ∂C_x/∂b^l (its sum and
            claim = f"{gradient_claim(nt.cost + '_' + own.group(1), param, nt)} = {body}"  # rate: judge_step)
        v = verify(claim, nt, **again)
        if v.status == "conditional":
            conditions.append((v.condition, v.condition_met))
        return v.status, (f"{claim}: " + (v.identity or v.reason or v.status))

    shapes = step_shape(rule.param, nt)
    results = [judge_step(rule, step, gradient, nt.cost, count, differ, shapes, batches) for step in rule.steps]
    # w^l_{jk} \to \tilde{b}^l_j = …: the new value is named for another parameter
    misnamed = f"names the new value of {rule.misnamed}, not of {rule.param}" if rule.misnamed else ""
    bad = [(k, r) for k, r in enumerate(results) if r[0] != "holds"]
    several = len(results) > 1
    reason = "; ".join([misnamed] * bool(misnamed) + [(f"side {k + 2}: " if several else "") + r[1]
                                                      for k, r in enumerate(results)])
    if not bad and not misnamed:
        return Verification(status="holds", verdict="proved", reason=reason, instances=len(results),
                            interpretation=words, seconds=since(start), **dict(base, family=()))
    status = "refuted" if misnamed or any(r[0] == "refuted" for _, r in bad) else bad[0][1][0]
    if status not in STATUS_EXIT:
        status = "undecided"
    condition, met = _condition(conditions) if status == "conditional" else ("", None)
    if status == "conditional" and not condition:  # a conditional verdict always says its condition (review rv48 C1)
        status, reason = "undecided", reason + "; the condition under which it holds is not stated"
    diagnosis = misnamed or next((r[2] for _, r in bad if r[2]), "")
    corrected = formula
    for k, r in bad:
        step = rule.steps[k]
        if r[1].startswith("starts from"):
            corrected = corrected.replace(step.text, rule.param + step.canon[len(step.old):], 1)
    return Verification(status=status, verdict=VERDICT_OF.get(status, "undecided"), reason=reason,
                        instances=len(results), interpretation=words, diagnosis=diagnosis,
                        corrected=corrected if corrected != formula else "", seconds=since(start),
                        condition=condition, condition_met=met, **dict(base, family=()))


def _condition(conditions: list) -> tuple:
    # The condition of a rule whose per-sample gradients hold only on some networks: theirs, met where each is met
    # (None without a fixed network); '' when one of them states none.
    if not conditions or any(not c for c, _ in conditions):
        return "", None
    text = " and ".join(dict.fromkeys(c for c, _ in conditions))
    mets = [m for _, m in conditions]
    return text, (None if None in mets else all(mets))
