r"""Judging one value side of an update rule that ``updates`` read: *old − coefficient · gradient*.

The old value must be the parameter itself, the sign a minus, the coefficient a positive rate (divided by
the mini-batch's m or the n inputs when the gradient is summed over them), the gradient the per-sample
cost's with respect to the same parameter, or a value in the network's quantities that ``check_gradient``
checks as the claim ∂C/∂P = value. ``sum_bounds`` says whether a sum's bounds run over the count the
coefficient divides by.

>>> from symbp.verify.updates import read_rule
>>> rule = read_rule(r"b_l \to \tilde{b_l} = w_k - \frac{\xi}{m} \nabla C_{i_j}^{(l)}")
>>> judge_step(rule, rule.steps[0], check_gradient=None)
('refuted', 'starts from w_k instead of b_l', 'starts from w_k instead of b_l')
"""

from __future__ import annotations

import re

import sympy

from .samples import bare_cost, per_sample
from .setwords import other_count
from .samples import unlabelled as _unlabelled
from .steprate import stray_scale
from .stepsums import captured, sum_letter, sum_set
from .updates import Rule, Step, norm


_PER_SAMPLE_COST = re.compile(r"C_\{?\s*(?P<label>[A-Za-z](?:_\{?[a-z]\}?)?)\s*\}?")


def _cost_pattern(cost: str) -> str:
    """C, or the profile's own cost letter (L, \\mathbf{L}: any spacing)."""
    letters = {"C", cost}
    return "(?:" + "|".join(r"\s*".join(re.escape(c) for c in name.replace(" ", "")) for name in sorted(letters)) + ")"


def judge_step(rule: Rule, step: Step, check_gradient, cost: str = "C", count: str = "",
               unequal: str = "", shapes: tuple = ("", ""), batches: bool = True) -> tuple[str, str, str]:
    r"""(status, words, diagnosis) of one value side; ``check_gradient(param, body)`` -> (status, words) checks a
    gradient written in the network's quantities; ``cost`` is the profile's cost letter. A side written in
    another order (``-\eta\nabla C + w``) is judged by its value, and the words say how it was read. ``count``
    is the letter of the notes' mean cost C = (1/count) Σ_x C_x ('' when they define none): a step that divides
    by another letter is not judged (refuted when the notes say the counts differ: ``unequal`` holds the letters
    written ≠ count). ``shapes``: why a step by ∂C/∂P (first) or by ∇_P C (second) is not in the shape of the
    parameter in the layout the notes declare ('' where it is: ``layeredlayout.step_shape``). ``batches``: False
    when the notes never introduce a mini-batch: η/m under their mean over n is then no mini-batch step (rv46 A4)."""
    status, words, diagnosis = _judge(rule, step, check_gradient, cost, count, unequal, shapes, batches)
    if step.note and not step.slip:
        words = f"{words} ({step.note})"
    return status, words, diagnosis


def _judge(rule: Rule, step: Step, check_gradient, cost: str, count: str = "",
           unequal: str = "", shapes: tuple = ("", ""), batches: bool = True) -> tuple[str, str, str]:
    p = norm(rule.param)
    if step.slip.startswith("undecided: "):  # a rate neither shown positive nor shown to fail at some η > 0
        return "undecided", step.slip.removeprefix("undecided: "), ""
    if step.slip:
        return "refuted", step.slip, step.slip
    if step.sign == "+":
        return _added(rule, step, check_gradient, cost)
    if _iterates(step.old, rule.param):
        return "uninterpretable", (f"{rule.param} and {step.old.strip()} may be two iterates of one parameter (then "
                                   "the rule is a step from one to the next) or two of its layers (then it starts "
                                   "from another layer's value): which the notes mean is not read"), ""
    if norm(step.old) != p:
        old = step.old.strip() or "something other than the old value"  # never an empty name
        slip = f"starts from {old} instead of {rule.param}"
        return "refuted", slip, slip
    body = step.body
    clash = captured(rule.param, step.sum_var, body)  # Σ_j δ^{x_j,l}_j for b^l_j (review rv45 A2)
    if clash:
        return "uninterpretable", clash, ""
    scale = stray_scale(body)
    if scale:
        return "uninterpretable", (f"the factor {scale} stands inside the step's gradient ({body}), where it is not "
                                   "read as the mean over the samples: write the step as a rate over the size times "
                                   "the sum of the per-sample gradients (\\frac{\\eta}{m}\\sum_x …)"), ""
    grad = re.fullmatch(r"\\nabla\s*C_\{?(?P<label>[^{}^]+)\}?\s*\^\s*\{?\(?(?P<comp>[A-Za-z0-9]+)\)?\}?", body) or \
        re.fullmatch(r"\\nabla\s*C_\{?(?P<label>[^{}^]+)\}?", body)
    c = _cost_pattern(cost)
    whole = re.fullmatch(r"\\nabla\s*(?:_\s*\{?\s*(?P<by>[^{}]+?)\s*\}?\s*)?" + c, body) or \
        re.fullmatch(r"\\frac\s*\{\s*\\partial\s*" + c + r"\s*\}\s*\{\s*\\partial\s*(?P<by>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}",
                     body)
    written = whole or grad or _partial_of_sample(body)
    by = written.groupdict().get("by") if written else None
    off = _transposed_step(rule, body, shapes) if written and (not by or norm(by) == p) else None
    if off is not None:
        return off
    if whole is not None:  # the cost C itself (the notes' mean over the training inputs), not one sample's
        if whole.group("by") and norm(whole.group("by")) != p:
            other = _other_variable(rule, whole.group("by"), body, check_gradient)
            if other is not None:
                return other
        if step.sum_var is not None or step.over:
            return "undecided", (f"the gradient of the whole cost C is {'summed' if step.sum_var is not None else ''}"
                                 f"{' and ' if step.sum_var is not None and step.over else ''}"
                                 f"{'divided by ' + step.over if step.over else ''}: which cost this descends is "
                                 "not clear"), ""
        name = "C" if re.search(r"(?<![A-Za-z\\])C(?![A-Za-z])", body) else cost
        return "holds", (f"a step of gradient descent on the cost {name}: {rule.param} − {step.rate} "
                         f"∂{name}/∂{rule.param}"), ""
    partial = _partial_of_sample(body)
    label = None
    if grad is not None:
        label = grad.group("label").strip()
        comp = grad.groupdict().get("comp")
        index = re.search(r"_\{?(\w)\}?$", rule.param)
        if comp and index and comp != index.group(1):
            return "refuted", f"the gradient's component ({comp}) is not the parameter's ({index.group(1)})", \
                f"the gradient is taken for the component {comp}, not {index.group(1)}"
        gwords = f"∂C_{{{label}}}/∂{rule.param}"
    elif partial is not None:
        label = partial.group("label").strip()
        if norm(partial.group("by")) != p:
            other = _other_variable(rule, partial.group("by"), body, check_gradient)
            if other is not None:
                return other
        gwords = f"∂C_{{{label}}}/∂{rule.param}"
    else:
        status, words = check_gradient(rule.param, body)
        if status != "holds":
            return status, f"the per-sample gradient {body}: {words}", ""
        label = _sample_label(body)
        bare = bare_cost(body, cost)
        if bare:
            return _bare_step(rule, step, bare, label, count)
        if step.sum_var is not None and not _labelled(body):
            return "uninterpretable", (f"the sum over the inputs adds {body}, which carries no label of the input "
                                       f"{sum_letter(step.sum_var) or label}: read as written it is the same in every term, one "
                                       "input's gradient added m times, not the mean of the per-sample gradients; "
                                       f"label every quantity ({_labelled_example(sum_letter(step.sum_var) or label, body)})"), ""
        bare = _unlabelled(body, label)
        if bare and step.sum_var is not None:
            return "uninterpretable", (f"in the sum over the inputs, {bare} carries no label of the input {label}: a "
                                       "factor that does not change from input to input is taken out of the sum, so "
                                       "the step is not the mean of the per-sample gradients; label every "
                                       f"quantity ({_labelled_example(label)})"), ""
        gwords = f"∂C_{label if len(label) == 1 else '{' + label + '}'}/∂{rule.param} ({words})"
    return _mean(rule, step, label, gwords, count, unequal, batches)


def _bare_step(rule: Rule, step: Step, bare: str, label: str, count: str) -> tuple[str, str, str]:
    r"""A step whose per-sample gradient differentiates the mean cost C itself by a quantity of one sample
    (``\frac{\partial C}{\partial z^{x,l}}``: 1/count of ∂C_x/∂z^{x,l}, review rv45 A1), the rest of it checked
    right: summed without a 1/size it is the step on the mean cost; with one, the 1/size is counted twice."""
    k = count or step.over or "m"
    what = (f"{bare} differentiates the cost C itself, the mean of the per-sample costs (1/{k}) Σ C_x, by a quantity "
            f"of the one sample {label}, so it is 1/{k} of that sample's ∂C_{label}/∂(…)")
    if step.sum_var is not None and not step.over:
        return "holds", (f"a step of gradient descent on the mean cost: {rule.param} − {step.rate} Σ over the samples "
                         f"of the summand, which is already the mean of the per-sample gradients ({what})"), ""
    if step.sum_var is not None:
        return "refuted", (f"{what}; divided by {step.over} too, the step is 1/{k} of a step on the mean cost (the "
                           f"1/{k} counted twice)"), f"the 1/{k} counted twice: write C_{label} in the summand"
    return "uninterpretable", (f"{what}: a step by one sample's share of the mean cost's gradient, neither one "
                               "sample's gradient nor the mean's; write C_" + label), ""


def _iterates(old: str, param: str) -> bool:
    r"""``W^{(0)}`` and ``W^{(1)}``: the same letter with consecutive numbers in brackets, read as iterates or as layers
    (before: refuted, "starts from W^{(0)} instead of W^{(1)}", though W^{(1)} := W^{(0)} − η ∇L(W^{(0)}) is the first
    step of gradient descent)."""
    a = re.fullmatch(r"\s*([A-Za-z])\s*\^\s*\{\s*\(\s*(\d+)\s*\)\s*\}\s*", old)
    b = re.fullmatch(r"\s*([A-Za-z])\s*\^\s*\{\s*\(\s*(\d+)\s*\)\s*\}\s*", param)
    return bool(a and b and a.group(1) == b.group(1) and int(b.group(2)) == int(a.group(2)) + 1)


def _added(rule: Rule, step: Step, check_gradient, cost: str) -> tuple[str, str, str]:
    r"""A step that adds: uphill when what it adds is the gradient; the step of gradient descent when it adds minus
    the gradient, written out (the delta rule ``W \gets W + \eta (t - h) x^T`` on ½‖t − h‖², h = W x: before,
    refuted unread, "adds the gradient"); else what checking it said."""
    uphill = ("refuted", "adds the gradient: a step uphill", "the sign: subtract the gradient")
    body = step.body
    c = _cost_pattern(cost)
    if check_gradient is None or re.match(r"\s*(?:\\nabla|\\frac\s*\{\s*\\partial)", body) or re.search(
            r"\\partial\s*" + c, body):
        return uphill  # ∇C, ∂C/∂w written whole: the gradient itself
    status, words = check_gradient(rule.param, body)
    if status == "holds":
        return uphill
    if status == "refuted":
        minus, how = check_gradient(rule.param, f"-\\left({body}\\right)")
        if minus == "holds":
            return "holds", (f"a step of gradient descent: {rule.param} + {step.rate} ({body}) adds minus the gradient "
                             f"({how})"), ""
        return "refuted", f"adds {body}, which is neither the gradient nor minus the gradient ({words})", ""
    return status, f"the step adds {body}: {words}", ""


def _partial_of_sample(body: str):
    r"""``\frac{\partial C_x}{\partial P}``: the per-sample cost's derivative, written whole."""
    return re.fullmatch(r"\\frac\s*\{\s*\\partial\s*C_\{?(?P<label>[^{}]+?)\}?\s*\}\s*\{\s*\\partial\s*"
                        r"(?P<by>[^{}]+(?:\{[^{}]*\}[^{}]*)*)\}", body)  # w^{(l)}: braces in the parameter too


def _transposed_step(rule: Rule, body: str, shapes: tuple) -> "tuple[str, str, str] | None":
    """A step by a derivative written whole that, in the layout the notes declare, has the shape of the parameter
    transposed (∂C/∂w^l under the numerator layout): refuted, naming the layout; None when it has the shape."""
    why = shapes[1] if body.lstrip().startswith("\\nabla") else shapes[0]
    if not why:
        return None
    slip = (f"the step {body} is not in the shape of {rule.param}: {why}, so the step of gradient descent is by its "
            "transpose")
    return "refuted", slip, f"a missing transpose: step by ({body})^T"


def _labelled(body: str) -> bool:
    r"""Whether a gradient in the network's quantities names the training input it is of (``\delta^{x,l}``,
    ``\delta^{(t),l}``, ``\delta^l(x^{(t)})``); ``\delta^l`` names none.

    >>> _labelled(r"\delta^{x,l}"), _labelled(r"\delta^l(x^{(t)})"), _labelled(r"\delta^{l}(a^{l-1})^T")
    (True, True, False)
    >>> _labelled(r"\nabla_{w^l} C_x")
    True
    """
    if re.search(r"(?<![A-Za-z\\])(?:C|L|J|E|\\ell)_\s*\{?\s*[A-Za-z]", body):
        return True  # the cost of one sample, C_x, C_{i_j}
    try:
        return per_sample(body) is not None
    except ValueError:
        return True  # several inputs named: labelled, and the check of the gradient has said so


def _labelled_example(label: str, body: str = "a") -> str:
    mark = label if label == "x" else f"({label})"
    delta = f"\\delta^{{{mark},l}}"
    return f"{delta} (a^{{{mark},l-1}})^T" if re.search(r"(?<![A-Za-z\\])a", body) else delta


def _sample_label(body: str) -> str:
    r"""The training input a gradient in the network's quantities is of: its per-sample label (``t`` in
    ``\delta^{(t),l}``, ``\delta^l(x^{(t)})``, ``C^{(t)}``), else x (quantities without a label are of one input x).

    >>> _sample_label(r"\delta^{(t),l} (a^{(t),l-1})^T"), _sample_label(r"\delta^{x,l}"), _sample_label(r"\delta^l")
    ('t', 'x', 'x')
    """
    try:
        found = per_sample(body)
    except ValueError:
        return "x"  # two inputs named: the check of the gradient has said so already
    return found.sample if found is not None else "x"


def _other_variable(rule: Rule, by: str, body: str, check_gradient) -> "tuple[str, str, str] | None":
    """A gradient by another variable than the parameter: right when the two gradients are equal (∂C/∂z^l is
    ∂C/∂b^l), which the layered verifier decides; None when they are, else the verdict with the slip."""
    slip = f"the gradient is with respect to {by.strip()}, not {rule.param}"
    if re.fullmatch(re.escape(rule.param.strip()) + r"_\{?\s*\d+\s*\}?", by.strip()):  # W_2 of W_2 := W_1 - η G (rv40 A10)
        slip += (f" ({by.strip()} is an iterate of {rule.param}: gradient descent takes the gradient at the iterate "
                 "the step starts from)")
    if re.match(r"\s*(?:[wWbB](?![A-Za-z])|\\[Tt]heta)", by):
        return "refuted", slip, slip  # another parameter's gradient: the cost depends on each on its own
    status, words = check_gradient(rule.param, body)
    if status == "holds":
        return None
    return (status, slip, slip) if status == "refuted" else (status, f"{slip}? {words}", "")


def _mean(rule: Rule, step: Step, label: str, gwords: str, count: str = "",
          unequal: str = "", batches: bool = True) -> tuple[str, str, str]:
    letters = set(re.findall(r"[A-Za-z]", label))
    var, within = sum_letter(step.sum_var), sum_set(step.sum_var)  # x and X of \sum_{x \in X} (review rv45 B4)
    summed = step.sum_var is not None and (var == "" or var in letters or var == label)
    if step.sum_var is not None and not summed:
        return "refuted", f"the sum runs over {var}, which the per-sample cost C_{{{label}}} does not name", \
            f"sum over the samples of the mini-batch, not over {var}"
    if within and step.over in ("n", "N"):
        return "uninterpretable", (f"the sum runs over the inputs {var} in {within} and divides by {step.over}: a step "
                                   f"on the mean cost over the {step.over} training inputs sums over all of them, and "
                                   f"whether {within} is all of them is not said"), ""
    rate = step.rate
    batch = step.over == "m" and count not in ("", "m") and batches  # Nielsen's eq. (20)–(21): a batch of the n inputs
    if step.over == "N" and count != "N":
        return "uninterpretable", (f"the step divides by N, but {_no_count(count)}: which set of inputs N counts is "
                                   "not read"), ""
    off = None if batch else other_count(step.over, count, unequal, "step")  # the notes' mean is over m, the step's 1/n
    if off is not None:
        return off
    counts = ("m", "n", count) if count else ("m", "n")
    if step.over and step.sum_upper in counts and step.sum_upper != step.over and step.sum_lower in ("", "1"):
        slip = f"sums over {_SIZE[step.sum_upper]} but divides by {step.over}"
        return "refuted", slip, f"divide by {step.sum_upper}"
    if step.over and summed:
        bounds = sum_bounds(var, step.sum_lower, step.sum_upper, step.over)
        if bounds is not None:
            return bounds
    if step.over == "m" and not summed:
        return _unsummed(rule, step, label, gwords, count)
    if step.over == "m":
        how = (f"summed over the mini-batch {within}, read as a mini-batch of m inputs (as the 1/m says)" if within
               else "summed over the mini-batch")
        whose = (f"the mini-batch cost (1/m) Σ C_x over the m samples of the batch, drawn from the notes' {count} "
                 f"inputs: an estimate of the gradient of C = (1/{count}) Σ_x C_x, as in Nielsen's eq. (20)–(21)"
                 if batch else "the mean cost of the m samples")
        return "holds", (f"a step of mini-batch gradient descent: {rule.param} − ({rate}/m) Σ over the mini-batch of "
                         f"{gwords}, the gradient of {whose} ({how})"), ""
    if step.over in ("n", "N"):
        size = step.over
        if not summed:
            return "refuted", (f"divides one sample's gradient by {size}: the sum over the {size} training inputs is "
                               "missing"), "sum the gradient over the training inputs"
        if not step.sum_upper and re.fullmatch(r"[A-Za-z]_\{?[a-z]\}?", label):
            # Σ_j ∂C_{X_j}: X_1, …, X_m are Nielsen's mini-batch; without bounds the sum may run over it (then the
            # 1/n is a slip for 1/m) or over all n inputs, and which is not said
            return "uninterpretable", (f"the sum over the samples {label} has no bounds: whether it runs over the {size} "
                                       f"training inputs (a step on the mean cost) or over a mini-batch "
                                       f"{label.split('_')[0]}_1, …, {label.split('_')[0]}_m (then divide by m, "
                                       "Nielsen's eq. (20)) is not said; write the bounds"), ""
        return "holds", (f"a step of gradient descent on the mean cost over the {size} training inputs: {gwords} "
                         "summed"), ""
    if summed:
        return "refuted", (f"sums {gwords} over the mini-batch without dividing by its size: the gradient of the sum, "
                           "not of the mean cost"), f"divide the sum by {'m' if batches or not count else count}"
    return "holds", f"a step of stochastic gradient descent on one sample: {rule.param} − {rate} {gwords}", ""


def _unsummed(rule: Rule, step: Step, label: str, gwords: str, count: str) -> tuple[str, str, str]:
    r"""A step by one sample's gradient divided by m without a sum (``b^l \to b^l - \frac{\eta}{m}\delta^{x,l}``,
    review rv46 A1; before: read as summed over the mini-batch, and held). The 1/m is the mean over a mini-batch of
    m: refuted when the notes' cost is a mean over the inputs or another side of the rule sums the same 1/m (then
    the sum is plainly missing, as with 1/n); else not judged: a step on one sample has no 1/m, and which of the two
    steps is meant is not said."""
    missing = (f"divides one sample's gradient {gwords} by m: the mean over a mini-batch of m sums the m samples' "
               f"gradients, ({step.rate}/m) Σ_{{{label}}} ∂C_{{{label}}}/∂{rule.param}, and the sum is missing")
    beside = any(s is not step and s.over == "m" and s.sum_var is not None for s in rule.steps)
    if count or beside:
        why = (f"the notes' cost is the mean over the inputs, C = (1/{count}) Σ_x C_x" if count else
               "another side of the rule sums over the mini-batch with the same 1/m")
        return "refuted", f"{missing} ({why})", "sum the gradient over the mini-batch"
    return "uninterpretable", (f"the step {missing}, or else it is a step on the one sample {label}, which has no "
                               "1/m; which is meant is not said (the notes define no mean cost over the inputs)"), ""


_SIZE = {"m": "the mini-batch of m", "n": "the n training inputs", "N": "the N training inputs"}


def _no_count(count: str) -> str:
    if count:
        return f"the notes define the cost as the mean over their {count} inputs, C = (1/{count}) Σ_x C_x"
    return "the notes define no mean cost C = (1/N) Σ_x C_x"


def _bound(text: str, size: str):
    """A bound of a sum as a SymPy integer expression in the size letter (``m - 1``, ``2m``, ``3``); None when
    it names anything else (another letter, a macro)."""
    tokens = re.findall(r"\d+|[A-Za-z]|[-+]|\S", text.replace(" ", ""))
    if not tokens or any(not re.fullmatch(r"\d+|[-+]", t) and t != size for t in tokens):
        return None
    m = sympy.Symbol(size, positive=True, integer=True)
    total, sign, factor, pending = sympy.Integer(0), 1, None, False
    for t in tokens + ["+"]:
        if t in "+-":
            if not pending:
                if t == "-" and factor is None and total == 0 and sign == 1:
                    sign = -1
                    continue
                return None
            total, sign, factor, pending = total + sign * factor, (1 if t == "+" else -1), None, False
        elif t.isdigit():
            if pending:
                return None  # 2 3: not a bound
            factor, pending = sympy.Integer(int(t)), True
        else:
            factor, pending = (factor if pending else sympy.Integer(1)) * m, True
    return total


def sum_bounds(var: str, lower: str, upper: str, size: str) -> "tuple[str, str, str] | None":
    r"""None when a sum over the samples divided by ``size`` (m or n) runs over exactly the ``size`` samples:
    no bounds (``\sum_x``, the samples of the mini-batch), or from 1 to the size (from 0 to size − 1); else the
    verdict: refuted when it provably sums another number of terms (m − 1, m + 1, 2m, 3), undecided when it sums
    the right number of samples numbered otherwise, uninterpretable when a bound is not read as a number of
    samples (another letter).

    >>> sum_bounds("j", "1", "m", "m") is None, sum_bounds("x", "", "", "m") is None
    (True, True)
    >>> sum_bounds("x", "1", "m-1", "m")[1]
    'sums m − 1 terms (x = 1 … m − 1) but divides by m: not the mean over the mini-batch of m, which sums the m samples x = 1 … m'
    >>> sum_bounds("j", "1", "B", "m")[0]
    'uninterpretable'
    """
    if not lower and not upper:
        return None
    what = _SIZE[size]
    shown = f"{var} = {lower or '?'} … {upper or '?'}"
    if not lower or not upper:
        return "uninterpretable", (f"the sum over {var} writes only one of its bounds ({shown}): which samples it "
                                   f"runs over is not clear, and the mean over {what} sums exactly its {size} samples"), ""
    lo, hi = _bound(lower, size), _bound(upper, size)
    if lo is None or hi is None:
        other = upper if hi is None else lower
        return "uninterpretable", (f"the sum runs over {shown}, and {other} is not read as a number of samples of "
                                   f"{what}: the step descends the mean over the {size} samples only when it sums "
                                   f"exactly those ({var} = 1 … {size})"), ""
    count = sympy.expand(hi - lo + 1)
    m = sympy.Symbol(size, positive=True, integer=True)
    if sympy.expand(count - m) == 0:
        if lo in (0, 1):
            return None
        return "undecided", (f"the sum runs over {shown}, {size} terms but not numbered as {what} ({var} = 1 … "
                             f"{size}): which samples it means is not clear"), ""
    terms = _words(count)
    slip = (f"sums {terms} term{'s' if count != 1 else ''} ({var} = {_words(lo)} … {_words(hi)}) but divides by "
            f"{size}: not the mean over {what}, which sums the {size} samples {var} = 1 … {size}")
    return "refuted", slip, f"sum {var} = 1 … {size}"


def _words(value) -> str:
    return sympy.sstr(value).replace("*", "").replace(" - ", " − ").replace("-", "−")
