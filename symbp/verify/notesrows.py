r"""The steps each formula of a set of notes is judged with (``notes``): the setting a claim is read under (the notes'
model at its line, costs and activations named in words), a formula checked once per setting, and the rows' words.
"""

from __future__ import annotations

from typing import Callable

from ..notation import Notation
from .extract import Formula
from .model import Definition, Model, definition
from .single_output import OutputsAt, in_general
from .outputact import reaches
from .lexer import ReadError
from .nodes import Apply, Quantity, walk
from .reader import read
from .depends import check_declaration
from .definition_kinds import COST_DEFINITION, over_samples
from .samples import mean_count
from .depends import network_declaration
from .verification import Verification, verify
from .verdicts import replaced
import symbp.verify.totalbudget as totalbudget  # by module: the whole file's time
import symbp.verify.otherloss as otherloss  # by module: a loss letter beside the notes' cost
import symbp.verify.unknowns as unknowns  # by module: the notes' own definitions symbp has no model of


#: The reason ``prosecost.checked_under_each`` gives a claim whose verdict depends on a cost named in words.
_WORDS_AMBIGUOUS = "the notes name a cost or an activation in words"


def _reached_back(model_at: dict, line: int) -> tuple:
    """The kinds (cost, activation, softmax) the model takes at ``line`` from a definition given later (the first
    one reaches back): a claim read under a definition not yet made is not folded with the same text after it
    (review 18, M7)."""
    return tuple(kind for kind in ("cost", "activation", "softmax") if model_at.get(f"{kind}_line", 0) > line)


def _other_letter(f: Formula, beside: dict, nt: Notation) -> "otherloss.Other | None":
    """The loss letter beside the notes' cost that the claim ``f`` speaks of and that is not read (never defined, or
    a spelling of a multiple that is not rewritten), else None."""
    return next((other for letter, other in beside.items() if otherloss.about(f.text, letter, nt)), None)


def _defines(f: Formula, nt: Notation, outputs: "int | None") -> str:
    """What ``f`` defines in the notes' model (a cost, an activation, …, with symbp's name for it), or ''."""
    d = definition(f.text, nt, f.line, outputs)
    if d is None or d.what == "outputs":
        return ""
    what = {"own-cost": "cost", "own-activation": "activation", "softmax": "softmax output", "one-hot": "targets",
            "own-delta": "δ"}.get(d.what, d.what)
    return f"{what} ({d.value})" if isinstance(d.value, str) else what


def _outputs(text: str, options: dict) -> "tuple[OutputsAt, list]":
    """(the number of outputs at each line, the model's lines saying why) from the notes' prose ("one output
    neuron", ``single_output.OutputsAt``) and ``--sizes``."""
    sizes = options.get("sizes")
    outputs = OutputsAt(text, tuple(int(n) for n in sizes) if sizes is not None else None)
    return outputs, [Definition(line, "outputs", value, said) for line, value, said in outputs.said]


def _in_general(f: Formula, result: Verification, settings: dict, check: Callable[[dict], Verification],
                given: dict, options: dict) -> "tuple[Verification, bool]":
    """(the verdict, whether it holds in general) of a claim the notes' prose makes be checked on one output neuron
    alone (``settings["outputs"]``; not one on a --sizes network with one output): one that holds there is checked
    again on the usual networks (``check(settings)``), and is ``conditional`` on n_L = 1 unless it holds there too
    (``single_output.in_general``; review 16)."""
    sizes = options.get("sizes")
    if result.status != "holds" or not settings.get("outputs") or (sizes and int(list(sizes)[-1]) == 1):
        return result, False
    general = check({k: v for k, v in settings.items() if k != "outputs"})
    result = in_general(result, general, given["outputs"].words_at(f.line))
    return result, result.status == "holds"


def _setting(model: Model, line: int, given: dict) -> tuple[dict, str]:
    """(activation, cost, one_hot) at ``line``: given values first, then the notes' model, then the defaults;
    and the remark when a given value contradicts the notes' own definition."""
    m = model.at(line)
    settings = {
        "activation": given["activation"] or m.get("activation", "generic"),
        "cost": given["cost"] or m.get("cost", "quadratic"),
        "one_hot": given["one_hot"] if given["one_hot"] is not None else m.get("one_hot", False),
    }
    if reaches(given.get("output"), line) and given["output"][0] != settings["activation"]:
        settings["output"] = given["output"][:2]  # the output layer's activation said in words (``outputact``), from
        # their line on (a claim before them is not judged: ``outputact.later``)
    outputs = given.get("outputs")
    if outputs is not None and outputs.at(line):
        settings["outputs"] = outputs.at(line)  # one text under one output and in general: two claims, two rows
    count = [letter for at, letter in given.get("counts", ()) if at <= line]
    if count:  # the mean cost the notes define last before the line, C = (1/m) Σ_x C_x
        settings["count"] = count[-1]
        if not given.get("batches", True):  # no mini-batch in the notes: a step's η/m names no batch (rv46 A4)
            settings["batches"] = False
        settings["differ"] = "".join(sorted(next(iter(pair - {count[-1]})) for pair in given.get("unequal", ())
                                             if count[-1] in pair and len(pair) == 2))
    elif given.get("uncounted"):  # notes that never say how many inputs their cost averages: 1/m, 1/n no mean (rv48)
        settings["uncounted"] = True
    if given.get("sets"):  # "a mini-batch $B$ of $m$ inputs": a sum over B read against the count (rv48 D3, D4)
        settings["sets"] = given["sets"]
    layout = given["layout"].at(line) if given.get("layout") is not None else None
    if layout is not None:  # the layout the notes declare in words (``layeredlayout``)
        settings["layout"] = layout
    remarks = []
    for what in ("cost", "activation"):
        if given[what] and m.get(what) and given[what] != m[what]:
            remarks.append(f"checked under the {what} {given[what]} given on the command line, but the notes define "
                           f"the {what} as {m[what]} (line {m[what + '_line']})")
    return settings, "; ".join(remarks)


def _unread_cost(items: list, model: Model, given_cost: str | None, nt: Notation, sets: tuple = ()) -> str:
    """Why claims about C or δ cannot be checked when the notes define their cost in a form symbp cannot read
    (and define no cost it reads): the default cost would silently stand in for theirs."""
    if given_cost or any(d.what in ("cost", "own-cost") for d in model.definitions):
        return ""
    for f in items:
        if (f.kind in ("claim", "definition", "unreadable") and COST_DEFINITION.match(f.text)
                and not over_samples(f.text) and (f.negated or not _reads(f, nt))  # or words after it
                and not mean_count(f.text, sets)):  # C = (1/m) Σ_{x ∈ B} C_x over "a mini-batch $B$ of $m$" (rv48)
            return (f"the notes define their cost at line {f.line} in a form symbp cannot read ({f.text[:60]}); "
                    "a claim about C or δ is not checked against another cost (give --cost to check it under one)")
    return ""


class _Once:
    """``verify`` in one notation with the same options, each (formula, setting) checked once in a set of notes.

    The same text at several lines (folded later, or a definition checked ahead and then rechecked) gets the one
    verdict: ``verify`` depends on nothing else.
    """

    def __init__(self, nt: Notation, options: dict):
        self.nt, self.options, self.done = nt, options, {}

    def __call__(self, text: str, settings: dict) -> Verification:
        key = (text, tuple(sorted(settings.items())))
        if key not in self.done:
            options = self.options
            if settings.get("outputs") and options.get("sizes") and int(list(options["sizes"])[-1]) != settings["outputs"]:
                # a claim the notes state for one output: a --sizes network with several is not among its networks
                options = {k: v for k, v in options.items() if k != "sizes"}
            budget, cut = totalbudget.clip(options.get("budget", 30.0))
            if budget is None:  # the notes' total budget is spent: undecided, and said so (rv50 D1)
                return Verification(formula=text, status="undecided", verdict="undecided", reason=totalbudget.ran_out(),
                                    notation=self.nt.name)
            result = verify(text, self.nt, **settings, **dict(options, budget=budget))
            if cut and result.status == "undecided" and "time budget" in result.reason:  # cut short by the total
                result = replaced(result, reason=f"{totalbudget.ran_out()}; {result.reason}")
            self.done[key] = result
        return self.done[key]


def _ahead(f: Formula, settings: dict, once: _Once) -> Verification:
    """The verdict of a definition as a claim, checked before the claims whose meaning it decides."""
    if f.kind == "unreadable":
        return Verification(formula=f.text, status="unreadable", verdict="undecided", reason=f.reason)
    return once(f.text, settings)


def _declared(f: Formula, nt: Notation, model: Model, given: dict, once: _Once) -> "Verification | None":
    """The verdict on a declaration X = X(A, …) of a network quantity (``depends``; one it cannot check, C = C(y_7):
    uninterpretable, naming why, never filed silently), else None (J = J(o_1, o_2): the notes' own graph)."""
    settings = _setting(model, f.line, given)[0]
    if check_declaration(f.text, nt, cost=settings["cost"]) is not None or network_declaration(f.text):
        return once(f.text, settings)
    return None


def _known_definition(model: Model, f: Formula, given: dict) -> str:
    """Why an unread formula is a definition of the notes' model all the same (σ(z) = max(0, z) is relu, read whole
    by the model), or ''."""
    for d in model.definitions:
        if d.line == f.line and d.what == "activation" and d.value == "relu" and " ".join(d.text.split()) == " ".join(f.text.split()):
            under = f"; the claims are checked under --activation {given['activation']}" if given["activation"] else ""
            return f"the notes define σ as {d.value}: the claims are checked with it{under}"
    return ""


def _reads(f: Formula, nt: Notation) -> bool:
    if f.kind == "unreadable":
        return False
    try:
        read(f.text, nt)
    except ReadError:
        return False
    return True


def _about_cost(text: str, nt: Notation, why: str) -> bool:
    """Does the claim ``text`` speak of the cost (or of δ, when ``why`` is about δ)?  Unread: assume it does."""
    roles = {"delta"} if "define δ" in why else {"C", "delta"}
    try:
        eq = read(text, nt)
    except ReadError:
        return True
    if "a softmax" in why:
        # the output is not σ(z^L): a claim with σ, or with a that may be the output (a^L, a^l, a^{l+1}), is not
        # about symbp's elementwise output either
        return any(isinstance(q, Quantity) and (q.role in roles or q.role == "a" and _may_be_output(q))
                   or isinstance(q, Apply) and q.func in ("sigma", "Sigma") for q in walk(eq))
    return any(isinstance(q, Quantity) and q.role in roles for q in walk(eq))


def _may_be_output(q: Quantity) -> bool:
    return q.layer is None or q.implicit_layer or q.layer.var is not None and q.layer.offset >= 0


def _own_terms(v: Verification, why: str, undecided: bool = False) -> Verification:
    """``v`` made uninterpretable: it was checked against a cost (or a δ) other than the notes' own (``status``
    undecided: whether the notes' definition is symbp's own was not decided)."""
    d = {name: getattr(v, name) for name in v.__dataclass_fields__}
    d.update(status="undecided" if undecided else "uninterpretable", verdict="undecided", reason=why, identity="", counterexample=None,
             diagnosis="", corrected="", condition="", condition_met=None)
    return Verification(**d)


def _slip(v: Verification, slip: "unknowns.Unknown") -> Verification:
    """``v``, the verdict of a slipped definition as a claim, saying it is a slip (a verdict of holds is left as is)."""
    d = {name: getattr(v, name) for name in v.__dataclass_fields__}
    if v.status == "holds":
        return v
    if v.status in ("unreadable", "uninterpretable"):  # not read: it cannot be said to contradict anything
        d["reason"] = f"{v.reason}; {unknowns.slip_reason(slip, read=False)}"
    else:
        d["reason"] = unknowns.slip_reason(slip) + (f"; as a claim: {v.reason}" if v.reason else "")
    return Verification(**d)


def _with_remark(v: Verification, remark: str) -> Verification:
    d = {name: getattr(v, name) for name in v.__dataclass_fields__}
    d["remark"] = remark
    return Verification(**d)


def _as_definition(f: Formula, reason: str) -> Formula:
    d = {name: getattr(f, name) for name in f.__dataclass_fields__}
    d.update(kind="definition", reason=reason)
    return Formula(**d)
