r"""Whole notes: verify every formula found in a file, account for every one, write the report.

Finding the formulas is ``scan``'s and ``extract``'s job; each claim is
verified on its own (``verification``). Every formula found ends in exactly
one bucket of the account: judged (holds, refuted), undecided, uninterpretable,
definition, prose, unreadable; the run prints it as one line::

    found 69 formulas: 47 judged (31 holds, 16 refuted), 4 uninterpretable, 6 definitions, 12 prose, 18 unreadable

The exit code (``NotesReport.exit_code``): 1 if any claim is refuted, else 3
if any is undecided, else 0. Unreadable and uninterpretable formulas are in
the account and the report but fail the run only with ``strict=True`` (then 2).
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..errors import InputFileError, NotationError
from ..files import MAX_NOTES_BYTES, read_text
from ..notation import profile
from .extract import fold, formulas
import symbp.verify.conditionals as conditionals  # \ifsigmoid … \else … \fi: which branch is typeset
import symbp.verify.unrendered as unrendered  # comments and hidden branches: blanked before any reader
from .graphreport import apply_graph
from .graphsingle import has_layers
from .infer import Inferred, infer
from .sections import plan_of, read_by_parts
from .interpret import bias_through_z
from .totalbudget import total_budget as notes_budget
from .model import defines_activation, model_of
from .prosecost import beside_softmax, checked_under_each, mentions, named_since
from .regularizer import about_weights, in_definitions, regularizers, since_line
from .layerwords import layer_said, not_read, restrict
from .macrodefs import unread_redefined
from .activationwords import activation_said, activation_switched, beside_formulas
import symbp.verify.layoutmix as layoutmix  # by module: claims that need different layouts
from .layeredlayout import NotesLayout, doubted, notes_layout, weigh
from .jacobianlayout import MIXED, agreeing
from .targetwords import one_hot_said, sum_doubted
from .costsignature import blocking as blocking_signature, unread as unread_signatures
from .hypothesis import written_out
from .names import names_output
from .negverdict import GOES_ON_MARK, negated_verdict
from .cellwords import read_words
from .questions import answered, questions, supposing_questions
from .scan import guess_kind, kind_of, scan
from .definition_kinds import COST_DEFINITION, over_samples, candidate, defines_delta, delta_claim, output_gradient_slip
from .samples import mean_count
from .countwords import batches_allowed, said_counts
from .setwords import named_sets
from .sumcost import said_summed
from .updates import is_rule, read_rule
from .notesrewrite import rewritten
from .updateiterates import implicit_at, is_iterate_step, undefined_name
from .verification import Verification
from .notesrows import (  # the steps of each row
    _Once, _WORDS_AMBIGUOUS, _about_cost, _ahead, _as_definition, _declared, _defines, _in_general, _known_definition,
    _other_letter, _outputs, _own_terms, _reached_back, _setting, _slip, _unread_cost, _with_remark,
)
from .notesreport import ACCOUNT_ORDER, NotesReport, Row, bucket, bucket_of_status, to_markdown  # noqa: F401 (the API)
import symbp.verify.costsupposed as costsupposed  # "If the cost were $…$, then": another cost, by a formula
import symbp.verify.ratewords as ratewords  # the rate's value or sign the notes state; gradient ascent
import symbp.verify.suppositions as suppositions  # "If $b^l = 0$, then": a condition, not a claim
import symbp.verify.inforce as inforce  # by module: hypotheticals, and where a first definition reaches back
import symbp.verify.reachwords as reachwords  # by module: where a definition starts and ends, and where unclear
import symbp.verify.outputwords as outputwords  # by module: the output layer's kind said in words
import symbp.verify.outputact as outputact  # by module: the output layer's own activation honoured
import symbp.verify.otherloss as otherloss  # by module: a loss letter beside the notes' cost
import symbp.verify.unknowns as unknowns  # by module: the notes' own definitions symbp has no model of
import symbp.verify.unreadwords as unreadwords  # by module: words around a claim no reader reads: not judged
import symbp.verify.conventionwords as conventionwords  # by module: a layer convention said only in words (rv54)
import symbp.verify.deltawords as deltawords  # by module: δ defined in words ("where $\\delta^L = …$")

def verify_notes(path: "str | Path", notation="auto", *, kind: str | None = None, strict: bool = False,
                 stream: "io.BufferedIOBase | None" = None, on_row=None, **options) -> NotesReport:
    """Verify every claim in the notes at ``path`` (or read from the binary ``stream``; ``path`` is then its name).

    ``kind`` ('latex', 'markdown', 'notebook') defaults to the file's suffix
    (guessed from the text for a stream). Bad files (missing, a folder,
    binary, not UTF-8, empty, past ``files.MAX_NOTES_BYTES``) raise
    ``InputFileError``; unreadable formulas are reported, not fatal.
    """
    text = read_text(path, what="the notes", limit=MAX_NOTES_BYTES, stream=stream)
    if kind is None:
        kind = guess_kind(text) if stream is not None else kind_of(str(path))
    name = str(path) if stream is None else "standard input"
    try:
        return verify_text(text, notation, path=name, kind=kind, strict=strict, on_row=on_row, **options)
    except InputFileError as exc:  # a broken notebook: say which file (review rv43 C4)
        if name in str(exc):
            raise
        raise InputFileError(f"{name}: {exc}") from None


def verify_text(text: str, notation="auto", *, path: str = "notes", kind: str = "markdown",
                on_row: "Callable[[Row, int, int], None] | None" = None, **options) -> NotesReport:
    """Verify every claim of the notes ``text`` (see ``verify_notes`` and ``_verify_text``).

    In LaTeX, a branch of ``\\ifsigmoid … \\else … \\fi`` that is not typeset is read as blank, its formulas
    reported as not shown; a branch whose condition symbp cannot tell, its formulas unjudged (``conditionals``);
    comments (``%``, ``<!-- -->``) are blanked first: no reader takes their words (``unrendered``)."""
    text, decided = unrendered.typeset(text, kind)
    report = _verify_text(decided.text, notation, path=path, kind=kind, on_row=on_row, **options)
    return conditionals.reported(text, decided, report, on_row)


def _verify_text(text: str, notation="auto", *, path: str = "notes", kind: str = "markdown",
                 strict: bool = False, activation: str | None = None, cost: str | None = None,
                 one_hot: bool | None = None, on_row: "Callable[[Row, int, int], None] | None" = None,
                 total_budget: "float | None" = None, **options) -> NotesReport:
    """Verify every claim of the notes ``text`` (see ``verify_notes``).

    ``notation="auto"`` infers the profile from the notes' definitions
    (``infer``); ``activation``, ``cost`` and ``one_hot`` left at None come
    from the notes' own definitions in force at each line (``model``), else
    the defaults (generic, quadratic); given, they override the notes, and a
    claim checked under a cost or activation the notes define otherwise says so.
    ``on_row(row, done, total)`` is called as each row is finished (to print it at once, or move a
    progress bar); ``total`` is the number of rows the report will have at most. Rows the reading in the
    notes' own terms may still change (unread ones; every row in the row-vector profile) come after it,
    and those it finds to be definitions are not rows. ``total_budget`` (seconds, None: none) bounds the whole file.
    """
    items = _read(text, kind)
    # ∂b/∂z has a meaning only in notes that write the bias through z (b = z − Σ w a, at fixed w and a)
    where = next((f"line {f.line}" for f in items if _BIAS_THROUGH_Z.search(f.text)), "")
    with bias_through_z(where), notes_budget(total_budget):  # formulas past the total are undecided
        inferred = None
        if isinstance(notation, str) and notation.strip().lower() == "auto":
            inferred = _inferred(items)
            plan = plan_of(text, kind, inferred)
            if inferred.conflict and (plan is None or not plan.settles):
                # a tie over the file that no part settles; a part whose words and definition disagree is named
                raise NotationError((plan.contradiction() if plan is not None else "") or inferred.conflict)
            if plan is not None:  # parts in two weight conventions: each read under its own (review 18, F2)
                return read_by_parts(plan, inferred, items, lambda chosen, nt, scope: _verify_items(
                    text, chosen, nt, path, kind, strict, activation, cost, one_hot, None, options, scope=scope),
                    Row, on_row)
        if isinstance(notation, str) and notation.strip().lower() == "rowvector":
            # --notation rowvector on layered row notes in their own letters (z^l = a^{l-1} W^l + b^l, C, σ): the
            # same profile in those letters, as auto finds it; read in g, L they had no quantity z or C (review rv34)
            own = _inferred(items)
            inferred = own if own.notation.name == "rowvector-own" else None
        return _verify_items(text, items, inferred or notation, path, kind, strict, activation, cost, one_hot, on_row,
                             options, inferred=inferred)


def notes_notation(text: str, kind: str = "markdown") -> Inferred:
    """What ``notation="auto"`` infers for the notes ``text`` (evidence; a tie in ``conflict``), checking no formula."""
    return _inferred(_read(unrendered.typeset(text, kind)[1].text, kind))


def _read(text: str, kind: str) -> list:
    """The notes' formulas, each with its words read (called false: ``negation``; asked; marked wrong; written out)."""
    items = read_words(formulas(scan(text, kind)), text, kind)
    items = questions(items, text)  # "Exercise: what changes with $h = σ(g)$?": asked, not stated (``questions``)
    items = unread_redefined(items, text, kind)  # \renewcommand{\odot}{+}: not read as ⊙ (``macrodefs``)
    return written_out(items)  # h_{W,b}(x) = a^{(n_l)}: the notes' name for the output, written out


def _inferred(items: list) -> Inferred:
    return infer([(f.line, f.text, 1) for f in items if f.kind != "unreadable"], ties=True)


#: m < n, m \ll n, N \neq m: the notes say two counts of inputs differ (a mini-batch of m out of n inputs).
_UNEQUAL_COUNTS = re.compile(r"^\s*([mnN])\s*(?:<|>|\\ll|\\gg|\\lt|\\gt|\\neq|\\ne)(?![A-Za-z])\s*([mnN])\s*[.,;]?\s*$")


#: b^l_j = z^l_j − Σ_k w^l_{jk} a^{l-1}_k (any scripts): the bias written through z.
_BIAS_THROUGH_Z = re.compile(r"(?<![A-Za-z\\])b\s*(?:[_^]\s*(?:\{[^{}=]*\}|[A-Za-z0-9])\s*){0,2}=\s*z\s*"
                             r"(?:[_^]\s*(?:\{[^{}=]*\}|[A-Za-z0-9])\s*){0,2}-")


def _verify_items(text, items, notation, path, kind, strict, activation, cost, one_hot, on_row,
                  options, inferred: "Inferred | None" = None, scope=None) -> NotesReport:
    """The report of ``items`` read in ``notation`` (the inferred one when ``inferred``); ``scope(line)``, when
    given, names what the part of the line is read under (formulas fold only within one)."""
    nt = inferred.notation if inferred is not None else profile(notation)
    # the notes' own ways of writing a claim, rewritten as one (``notesrewrite``): a bare cost, new values and
    # iterates of update rules, the cost's other letter, assignments in steps and backpropagation's step
    items, gradient_named, renamed, alias = rewritten(text, items, nt)
    multiples = {}
    # "The hidden layers are $a^l = \sigma(z^l)$ for $l < L$": the sentence's restriction is the formula's condition
    restricted, loosely = restrict(text, items, nt)
    for n, (new, words) in restricted.items():
        items[n] = replace(items[n], text=new, source=items[n].source or items[n].text)
    restricted = {(items[n].line, items[n].text): words for n, (_, words) in restricted.items()}
    loosely = {(items[n].line, items[n].text): words for n, words in loosely.items()}
    denied_at = layer_said(text, items, restricted)
    # L = 2C beside the notes' cost C: ∂L/∂X checked as 2 ∂C/∂X; L never defined: a claim about it is not read as C
    pairs = [(f.line, f.text) for f in items if f.kind != "prose" and not f.negated]  # not one the notes call false
    beside = otherloss.beside(pairs, nt.names["cost"])
    cost_at = otherloss.cost_definitions(pairs).get(nt.names["cost"], 0)
    for n, f in enumerate(items):
        for other in beside.values() if not f.negated else ():
            if other.factor is not None and otherloss.defines_multiple(f.text, other):
                items[n] = f = _as_definition(f, "a definition: " + other.words(nt.names["cost"]))
            elif other.factor is not None and f.kind == "claim":
                as_c = otherloss.as_multiple(f.text, other, nt.names["cost"])
                if as_c != f.text:
                    items[n] = f = renamed[(f.line, as_c)] = replace(f, text=as_c, source=f.source or f.text)
                    multiples[(f.line, as_c)] = other
    outputs, said = _outputs(text, options)  # "one output neuron": the notes' own n_L = 1, where the prose says so
    # "If we used … instead, we would …": a hypothetical model, not the notes'; costs named in words outside them
    scopes, spoken = inforce.active(text, items, lambda f: _defines(f, nt, outputs.fixed(f.line)), mentions(text))
    # "If $b^l = 0$, then …", "If $W$ were symmetric, we would have …": a supposition, not the notes' model
    supposed, conditions, said_header = suppositions.under(text, items, scopes.under)
    scopes.under.update(supposed)
    scopes.defining |= conditions
    scopes.header += said_header
    # "If the cost were $\\frac12\\|a^L - y\\|^2$, then …": a cost given by a bare formula, not the notes' (rv40 A7)
    supposed, said_header = costsupposed.under(text, items, scopes.under, nt, outputs.fixed)
    scopes.under.update(supposed)
    scopes.header += said_header
    # "What is $\\delta^L$ if the output layer is linear? Answer: $$…$$": the answer is the question's (review costsum 3)
    supposed, said_header = answered(text, items, scopes.under)
    scopes.under.update(supposed)
    scopes.header += said_header
    items = [replace(f, under=scopes.under[id(f)]) if id(f) in scopes.under else f for f in items]
    model = model_of([(f.line, f.text) for f in items if not f.negated and not f.under and (
                      f.kind in ("claim", "definition") or f.kind == "unreadable" and defines_activation(f.text, nt))],
                     nt, outputs.fixed)
    # Σ_k y_k = 1 in a clause whose words doubt it ("does not hold", "need not", "we cannot assume"): not assumed;
    # a "not" in a consequence after it ("…; this does not change the network") is not about it (``clauses``)
    lines = text.splitlines()
    model.definitions = [d for d in model.definitions if not (d.what == "one-hot" and any(
        sum_doubted(lines[k], k == d.line - 1) for k in range(max(0, d.line - 1), min(len(lines), d.line + 1))))]
    model.hypotheticals = scopes.header
    # "The output layer is a softmax layer", "… is linear (no activation)": the output layer's kind said in words
    # (not in a question that supposes it: "What is $\\delta^L$ with a linear output layer?" asks, review costsum 3)
    asking = {line for _, _, (line, _) in supposing_questions(text)}
    output_said = [s for s in outputwords.said(text) if s.line not in asking]
    model.definitions = sorted(model.definitions + outputwords.softmax_definitions(output_said), key=lambda d: d.line)
    spoken = beside_softmax(spoken, lambda line: "softmax_line" in model.at(line))  # the log-likelihood of a softmax
    # "The target $y$ is a one-hot vector.": the assumption Σ_k y_k = 1 said in words (review 20, F1)
    model.definitions = sorted(model.definitions + said + one_hot_said(text, nt.names["target"]), key=lambda d: d.line)
    # "where $\sigma$ is the logistic sigmoid": the activation letter bound to a named activation in words (review 23);
    # "from now on we use tanh instead of the sigmoid": a change of σ in words, not read as which one (review rv38 F5)
    model.definitions += beside_formulas(activation_said(text, nt.names["activation"]), model.definitions)
    model.definitions = sorted(model.definitions + activation_switched(text, model.definitions), key=lambda d: d.line)
    reachwords.settle(text, model, spoken)  # not back over "from now on"; where the words leave it unclear
    worded = outputact.worded(output_said, activation, model, reachwords.asides(text))  # "the output is linear"
    # "we use the numerator layout": from its line on, ∂C/∂a^l is a row and ∂C/∂w^l has the shape of (w^l)^T
    own_layout = notes_layout(text, [(f.line, f.text) for f in items if f.kind in ("claim", "definition")
                                     and not f.negated and not f.under], nt)
    model.definitions = [d for d in model.definitions if not (d.what == "own-delta"
                                                              and own_layout.reads_delta(d.line, d.text, nt))]
    sets = tuple((name, count) for _, name, count in named_sets(text))
    given = {"activation": activation, "cost": cost, "one_hot": one_hot, "outputs": outputs, "layout": own_layout,
             "output": outputact.honoured(worded),  # "the output layer is linear / uses tanh" (issue 12/14)
             # C = (1/m) Σ_x C_x: the count letter of the notes' mean cost from its line on (a claim with 1/n is
             # not judged against it)
             "counts": tuple(sorted(tuple((f.line, mean_count(f.text, sets)) for f in items if f.kind in ("claim", "definition")
                                          and not f.negated and not f.under and mean_count(f.text, sets))
                                    + said_counts(text))),  # "over all $n$ training inputs" (review rv46 A3)
             "sets": sets,  # "a mini-batch $B$ of $m$ inputs": Σ_{x ∈ B} read against the count (rv48 D3, D4)
             # no count and no cost over the inputs of their own (C = Σ_x C_x is ``unknowns``'): 1/m, 1/n no mean (rv48)
             "uncounted": not any(COST_DEFINITION.match(f.text) and over_samples(f.text) and "\\sum" in f.text
                                  for f in items),
             "batches": batches_allowed(text),  # η/m under a mean over n: a mini-batch only if they speak of one
             "unequal": frozenset(frozenset(m.groups()) for f in items
                                  if not f.negated and (m := _UNEQUAL_COUNTS.match(f.text)))}
    unread_cost = _unread_cost([f for f in items if (not f.negated or f.negated.startswith(GOES_ON_MARK)) and not f.under],
                               model, given["cost"], nt, sets)
    report = NotesReport(path, kind=kind, strict=strict, notation=nt, inferred=inferred, model=model,
                         layout=own_layout.summary())
    stated = [(f.line, f.text) for f in items if f.kind != "prose" and not f.negated and not f.under]
    # J(W,b;x,y) read as the cost beside J(W,b) = … not read: a claim about J(W,b) (or J alone) is about the other one
    signatures = unread_signatures(stated, {d.line for d in model.definitions if d.what == "cost"})
    regularized = regularizers(text) + in_definitions(  # "the cost also contains an L2 term", J = … + λ/2 ‖W‖²
        [(line, t) for line, t in stated if line not in signatures.values()], COST_DEFINITION.match)
    once = _Once(nt, options)  # a formula written again under the same setting is checked once
    # the definitions whose verdict decides what the claims mean (a cost, σ, the forward pass), checked first
    ahead = {(f.line, f.text): _ahead(f, _setting(model, f.line, given)[0], once) for f in items
             if f.kind in ("claim", "definition", "unreadable") and not model.assumption_at(f.line)
             and not f.negated and not f.under and candidate(f.text, nt)}
    unknown = unknowns.find([(f, ahead[(f.line, f.text)]) for f in items if (f.line, f.text) in ahead], model, nt,
                            given, recheck=lambda text, line: once(text, _setting(model, line, given)[0]))
    if why := outputact.unjudged(worded, model) or outputact.later(worded, model):  # honoured from their line on
        unknown.append(unknowns.Unknown(*outputact.where(worded, given["output"]), f"“{worded[0][2]}”", why))
    if not given.get("cost"):  # "the total cost is the sum of the per-sample costs": not the mean symbp's C is
        unknown = unknowns.rescaled(unknown + [unknowns.Unknown(line, "cost", f"“{words}”", unknowns.SUM_OF_INPUTS,
                                                               nt.names["cost"]) for line, words in said_summed(text)],
                                    text, nt.names["cost"], items)  # "Let us drop the ½ from the cost" (issue 12)
    # δ^L ≡ ∇_a C beside δ ≡ ∂C/∂z that holds: a slip (a refuted row), not δ defined otherwise from its line on (one
    # for every layer, δ^l ≡ −∂C/∂z^l, may be a change of meaning and still blocks the claims after it)
    model.definitions = [d for d in model.definitions if not (
        d.what == "own-delta" and output_gradient_slip(delta_claim(d.text), nt)
        and any(u.what == "slip" and u.letter == "δ" and u.line == d.line for u in unknown))]
    # δ defined from a loss letter the notes never define (δ^l ≡ ∂L/∂z^l beside C): what δ means is not known
    unknown += [unknowns.Unknown(f.line, "delta", f.text, f"it differentiates {other.letter}, which the notes never "
                                 "define") for f in items if f.kind in ("claim", "definition") and defines_delta(f.text, nt)
                and (other := _other_letter(f, beside, nt)) is not None]
    # "Let $\\delta^L$ denote the output error, where $\\delta^L = \\frac{\\partial C}{\\partial a^L}$": δ defined in
    # words; one that does not hold as δ ≡ ∂C/∂z is the notes' own δ, not refuted (review rv44 A9, B4: ``deltawords``)
    # "Let $\delta^L$ denote $\frac{\partial C}{\partial a^L}$": named with no equals sign, δ = Y (review rv47 A2)
    for n, w in (worded := {**deltawords.worded(text, items, nt), **deltawords.named(text, items, nt)}).items():
        f, said = items[n], w.formula or items[n].text
        if w.unread or (v := ahead.get((f.line, said)) or once(said, _setting(model, f.line, given)[0])).status != "holds":
            model.definitions = deltawords.added(model.definitions, f, w)
            items[n] = f if w.row or f.kind == "prose" else _as_definition(f, deltawords.reason(w, v))
    model.definitions = deltawords.in_prose(model.definitions, text, nt, {items[n].line for n in worded})  # rv54 F6/F7
    put_in = {}  # the claims after it whose only δ is the one defined: checked with the notes' δ put in
    for n, (new, words) in deltawords.put_in(items, model.definitions, nt, worded).items():
        items[n] = replace(items[n], text=new, source=items[n].source or items[n].text)
        put_in[(items[n].line, new)] = words
    # a formula written again after the notes define a cost or σ symbp does not know is another claim: identical
    # formulas fold only under the same setting and the same unknown definitions in force (and the same layout
    # declared in words, for graph notes)
    # "Had we used $C = |a - y|$ as the cost, … would be $…$", "The second of these is wrong.": words no reader
    # consumed around a claim leave it unjudged (``unreadwords``); such a formula folds only with its like
    unsure = {**conventionwords.hazards(text, items, nt), **unreadwords.hazards(text, items, model, {**restricted, **loosely}, spoken)}
    found = list(fold(items, context=lambda f: (unsure.get((f.line, f.text)),tuple(sorted(_setting(model, f.line, given)[0].items())),
                                                unknowns.in_force(unknown, f.line, model), (f.line, f.text) in renamed,
                                                model.own_terms(f.line, given["cost"]),
                                                scope(f.line) if scope is not None else None,
                                                named_since(spoken, model.at(f.line), f.line,
                                                            _setting(model, f.line, given)[0], given),
                                                reachwords.covering(model, f.line) if f.kind != "prose" else (),
                                                _reached_back(model.at(f.line), f.line) if f.kind == "claim" else (),
                                                own_layout.at(f.line), own_layout.doubt(f.line))))
    total = sum(1 for f in found if f.kind == "unreadable" or (f.kind == "claim" and not model.assumption_at(f.line)))
    shown, streamed, everything = set(), 0, nt.vectors == "row"
    rate_said = ratewords.said(text)  # a rate ≤ 0 or gradient ascent in the prose: rules are shown after ``judge``
    for f in found:
        if f.under and f.kind in ("claim", "definition"):  # stated under a hypothetical model: not judged
            done = inforce.stated_under(f, scopes, nt.name)
            if isinstance(done, Verification):
                report.rows.append(Row(f, done))
            else:
                report.skipped.append(done)
            continue
        if f.kind == "claim" and model.assumption_at(f.line):
            report.skipped.append(_as_definition(f, "an assumption on the data (Σ_k y_k = 1): the claims after it "
                                                 "are checked with it"))
            continue
        slip = unknowns.slip_of(f, unknown) if f.kind in ("claim", "definition") and not f.negated else None
        if slip is not None:
            # a definition contradicting one that holds: reported with its verdict as a claim, never silent
            result = ahead.get((f.line, f.text)) or once(f.text, _setting(model, f.line, given)[0])
            report.rows.append(Row(f, _slip(result, slip)))
        elif f.kind == "claim" and (other := _other_letter(f, beside, nt)) is not None:
            report.rows.append(Row(f, Verification(formula=f.text, status="uninterpretable", verdict="undecided",
                                                   reason=other.reason(nt.names["cost"], cost_at),
                                                   notation=nt.name)))
        elif f.kind == "claim":
            settings, remark = _setting(model, f.line, given)
            result = ahead.get((f.line, f.text)) or once(f.text, settings)
            # refuted in the numerator layout named alone, holding with gradients as columns: ambiguous
            result = weigh(result, settings.get("layout"), lambda text=f.text, s=settings: once(
                text, {**s, "layout": MIXED}))
            # a layout the notes name without declaring it, or switch to: ambiguous where it decides (review rv32)
            result = doubted(result, f.line, own_layout, settings, lambda s, text=f.text: once(text, s))
            if not (given["cost"] and given["activation"]):  # a cost or σ named in words: checked under it too
                result = checked_under_each(result, f.line, settings, model.at(f.line), given, spoken,
                                            lambda other, text=f.text: once(text, other))
                result = reachwords.read_both(result, f.text, f.line, model, settings,
                                              lambda variant, line=f.line: _setting(variant, line, given)[0],
                                              lambda other, text=f.text: once(text, other))
            # one output fixed by the prose: checked on several outputs too, conditional unless it holds there
            result, general = _in_general(f, result, settings, lambda other, text=f.text, line=f.line: (
                once(text, other) if given["cost"] and given["activation"] else checked_under_each(
                    once(text, other), line, other, model.at(line), given, spoken, lambda o: once(text, o))),
                given, options)
            if result.status != "unreadable" and not general and given["outputs"].condition(f.line):  # under n_L = 1
                remark = "; ".join(filter(None, (remark, given["outputs"].condition(f.line))))
            if (f.line, f.text) in multiples:
                remark = "; ".join(filter(None, (remark, multiples[(f.line, f.text)].words(nt.names["cost"]))))
                # the slip is named for the text checked (2 ∂C/∂z), not for the notes' ∂L/∂z: not shown
                result = replace(result, diagnosis="", corrected="")
            elif f.assigned:
                remark = "; ".join(filter(None, (remark, f"{f.assigned} assigned by the notes (← or :=), checked as "
                                                 "the equation the assignment states")))
            elif (f.line, f.text) in renamed:
                remark = "; ".join(filter(None, (remark, f"{alias} is the notes' cost {nt.names['cost']}: they write "
                                                 f"\\Delta {nt.names['cost']} \\approx \\frac{{\\partial {alias}}}{{\\partial z}} \\Delta z")))
            elif (f.line, f.text) in restricted:
                remark = "; ".join(filter(None, (remark, f"restricted by the words “{restricted[(f.line, f.text)]}” "
                                                 "of its sentence")))
            if (f.line, f.text) in put_in:
                remark = "; ".join(filter(None, (remark, put_in[(f.line, f.text)])))
            if result.interpretation.get("layout") and (result.identity or result.diagnosis):
                # shown instead of the reason, which names the layout
                remark = "; ".join(filter(None, (remark, result.interpretation["layout"])))
            if (f.line, f.text) in loosely and result.status in ("refuted", "conditional", "ambiguous"):
                result = not_read(result, loosely[(f.line, f.text)])
            elif result.status == "conditional" and (f.line, f.text) in denied_at:  # "holds for no $l$" (rv49 A9)
                result = not_read(result, denied_at[(f.line, f.text)])
            if remark:
                result = _with_remark(result, remark)
            own = model.own_terms(f.line, given["cost"], f.text) or unread_cost
            if own and "a softmax" in own and result.status == "ambiguous" and _WORDS_AMBIGUOUS in result.reason:
                own = ""  # "the softmax output layer with the log-likelihood cost": read under the cost the words name
            if own and result.status not in ("unreadable", "uninterpretable") and _about_cost(f.text, nt, own):
                result = _own_terms(result, own)
            u = unknowns.blocking(f, result, unknown, nt, model)
            if u is not None and unknowns.is_definition_row(f, u) and not f.negated:
                report.skipped.append(_as_definition(f, unknowns.as_definition_reason(u) + (
                    "; an update rule that subtracts it is checked as the step by the derivative it names"
                    if (f.line, f.text) in gradient_named else "")))
                continue
            if u is not None:
                result = _own_terms(result, u.reason(delta=u.letter == nt.names["cost"]), undecided=u.undecided)
            if result.status == "unreadable" and _known_definition(model, f, given) and not f.negated:
                report.skipped.append(_as_definition(f, _known_definition(model, f, given)))
                continue
            if result.status == "unreadable" and not f.negated and (rate := ratewords.setting(f.text)):
                report.skipped.append(_as_definition(f, rate))  # η = 5·10⁻³: the learning rate's value (rv42)
                continue
            if result.status == "unreadable" and names_output(f.text, nt) and not f.negated:
                report.skipped.append(_as_definition(f, f"a definition: the notes name the network's output a^L as a "
                                                        f"function {names_output(f.text, nt)} of its input"))
                continue
            reg = since_line(regularized, f.line)
            if reg is not None and result.status != "unreadable" and about_weights(
                    f.text, nt.names["weight"], nt.names["weight_matrix"]):
                result = Verification(formula=f.text, status="uninterpretable", verdict="undecided",
                                      reason=reg.reason(), notation=nt.name)
            if result.status != "unreadable" and (why := blocking_signature(f.text, signatures)):
                result = Verification(formula=f.text, status="uninterpretable", verdict="undecided", reason=why,
                                      notation=nt.name)
            report.rows.append(Row(f, result))
        elif f.kind == "unreadable" and _known_definition(model, f, given) and not f.negated:
            report.skipped.append(_as_definition(f, _known_definition(model, f, given)))
            continue
        elif f.kind == "unreadable":
            report.rows.append(Row(f, Verification(formula=f.text, status="unreadable", verdict="undecided",
                                                   reason=f.reason)))
        elif f.kind == "definition" and (declared := _declared(f, nt, model, given, once)) is not None:
            if declared.status == "holds":  # a^l = a^l(z^l): true, filed as a declaration with what was checked
                report.skipped.append(_as_definition(f, f"{f.reason} ({declared.reason})"))
                continue
            report.rows.append(Row(f, declared))  # a^L = a^L(y): refuted, never filed unchecked
        else:
            report.skipped.append(f)
            continue
        row = report.rows[-1]
        # a row the reading in the notes' own terms may still change (``graphnotes``; a definition the layered
        # reading calls a slip may be one of the notes' own model: ``graphreport``), or one the notes call
        # false, is shown after it
        # (an update rule under a layout declared in words too, or one without layers, whose layouts may disagree:
        # the layered reading takes ∂C/∂W in W's shape; a claim fitting some layouts only, which ``layoutmix`` may warn)
        if on_row is not None and not (everything or row.result.status in ("unreadable", "uninterpretable")
                                       or row.result.reason.startswith("a slip:") or f.negated
                                       or (f.line, f.text) in unsure  # ``unreadwords`` may take its verdict back
                                       or row.result.interpretation.get("fits")
                                       or ((own_layout.at(f.line) or not has_layers(f.text))
                                                        and read_rule(f.text))
                                       or rate_said and (is_rule(f.text) or is_iterate_step(f.text))):
            streamed += 1
            shown.add(id(row.formula))
            on_row(row, streamed, total)
    report.rows = agreeing(report.rows, Row)  # Jacobian claims of the notes that hold in layouts that differ (rv35)
    report = apply_graph(report, text, nt.name.lower(), activation=activation, everything=nt.vectors == "row",
                         row_type=Row, layered=nt.name == "rowvector-own")
    texts = [f.text for f in items]
    for k, row in enumerate(report.rows):  # W := W - η G, G nowhere defined: a step by an unknown G (``updateiterates``)
        name = undefined_name(row.result.status, row.result.reason, row.formula.text, texts) if (
            is_rule(row.formula.text) or is_iterate_step(row.formula.text)) else ""
        if name:
            report.rows[k] = Row(row.formula, replace(row.result, status="uninterpretable", reason=(
                f"{name} is never defined: the step subtracts a multiple of {name}, which the notes do not say is the "
                f"gradient or anything else ({row.result.reason})")))
    for k, row in enumerate(report.rows):  # W_2 := W_1 - η ∇L(W_2): the gradient at the new value (review rv42)
        at = implicit_at(row.formula.source or row.formula.text) if row.result.status == "holds" else ""
        if at:
            report.rows[k] = Row(row.formula, replace(row.result, status="refuted", verdict="refuted", reason=(
                f"the gradient is evaluated at {at}, the new value: an implicit step, solved for {at}, not a step of "
                f"gradient descent, which takes the gradient where the step starts (read at the start: "
                f"{row.result.reason})")))
    # "the learning rate $\\eta = -0.1$", "gradient ascent": not a descent step (``ratewords``, rv40 A9)
    report.rows = ratewords.judge(text, report.rows, Row, lambda t: is_rule(t) or is_iterate_step(t))
    if report.graph is not None and getattr(report.graph, "results", None) and report.graph.declared:
        said = tuple(d for d in report.graph.declared if d[1])  # without the end of the declared ones (layouts_in_force)
        ended = len(said) < len(report.graph.declared)
        report.layout = NotesLayout(said, unsure=own_layout.unsure if ended else (),  # as the notes' own terms read them
                                    leaves=own_layout.leaves if ended else ()).summary()
    elif report.graph is not None and getattr(report.graph, "results", None):
        report.layout = "; ".join(filter(None, (report.layout, layoutmix.summary(report.graph.results,
                                                                                 report.graph.declared))))
    if not own_layout.declared:  # layered claims with Jacobians that need different layouts: said
        report.rows, mixed = layoutmix.warn_rows(report.rows)
        report.layout = "; ".join(filter(None, (report.layout, mixed)))
    # the notes' own terms judge what the layered reading did not read: a formula under a hypothetical stays unjudged
    report.rows, report.skipped = inforce.after_graph(report.rows, report.skipped, scopes, nt.name)
    # the verdict on the notes' statement that a formula they call false is false (after the graph reading, which
    # needs the layered verdict of the formula itself)
    report.rows = unreadwords.unjudged(report.rows, unsure, Row)
    report.rows = [Row(r.formula, negated_verdict(r.result, r.formula.negated)) if r.formula.negated else r
                   for r in report.rows]
    if on_row is not None:
        for row in report.rows:
            if id(row.formula) not in shown:  # held, a claim unfolded per assumption, or a declaration ``graphdeclare`` checked
                streamed += 1
                on_row(row, streamed, total)
    return report
