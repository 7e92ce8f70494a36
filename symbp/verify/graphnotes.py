r"""Notes in their own terms: the model from the notes' definitions, and each claim checked on it.

``graph_rows`` takes the formulas of a set of notes (``extract``) and its text:

1. every formula is read in the notes' own terms (``graphread``); trailing
   words (``- \text{…}``, a brace of remarks) are taken off and listed, a
   trailing ``=`` (the chain goes on in the next display) is dropped, ``;``
   and the rows of an ``array`` separate claims;
2. the definitions (``g = x W``, ``z_1 = h(y_1)``, ``L = L(y_1, y_2)``) and the
   prose ("a row vector", "a 2 × 3 matrix", "A — это $…$") give the model
   (``graphbuild``, ``graphfamily``); a cycle of definitions that exchanging
   two vectors' names in one linear definition resolves (and every declaration
   agrees with) is read that way and that line is reported as refuted;
3. each claim is checked on every member of the model's family
   (``graphfamily``, ``graphcheck``); the notes' own layout is the one most of
   their claims fit only in; values the prose gives (``graphexamples``) make a
   claim refuted for every value conditional, or say where it holds (an
   assumption is in force where ``graphscope`` says; ``graphassumed``).

The result is one ``Verification`` per formula the model reads (others are
left to the layered verifier) and the formulas that are definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .extract import Formula
from .graphassumed import consequences, denied_values, under_values, value_kind
from .graphcheck import GraphOutcome
from .graphdeclare import listed_entries, restated
from .graphcdot import dotted
from .graphentrydefs import stands_alone, unread_entries
from .graphjacobians import name_matrices, written
from .graphcondition import own_condition, under_own, unsaid, unsaid_values
from .graphexamples import ASSUMPTION_WORDS, EXAMPLE_WORDS, split_values, with_values
from .graphfamily import checker, exchanged
from .graphbatch import batch_sizes, given_size, samples_of, size_words, unsaid_words
from .graphbatchinline import inline_split
from .graphanymap import general_claims, general_functions, general_maps, map_line
from .graphlosswords import worded_claims
from .graphlocal import checked_locally, name_unread, unread_outcome
from .graphlayerform import numbers_layer, unjudged
from .graphundefined import input_names, undefined_nodes
from .suppositions import CONDITION_WORDS
from .graphownlayout import (contradicting, explicit_lines, gradient_only_lines, layout_at, layouts_in_force,
                             vectors_of)
from .layoutmix import warn as warn_mixed_layouts
from .graphmodel import Model, Sym, is_declaration, is_definition, to_latex
from .graphstepdef import read_as_definitions
from .graphnodes import Deriv, walk
from .graphread import read_graph
from .graphscope import assumption_spans, in_force
from .graphsigma import SigmaReading, blocking, sigma_reading
from .graphprose import hints_and_prose
from .graphshapes import called_functions
from .graphsizes import size_letters
from .graphsamplecost import relabelled as sample_cost_pieces
from .graphsubnames import own_names, split_name
from .graphtargets import WORDS as TARGET_WORDS
from .graphtargets import apply_targets, imagined_claims, one_hot_words, target_formulas
from .graphupdate import step_free
from .lexer import ReadError

_TRAIL = [
    re.compile(r"\s*-\s*(\\text\s*\{[^{}]*\}\s*)+$"),  # "- \text{this is the propagation}"
    re.compile(r"\s*\\q?quad\s*\\left\.\s*\\begin\{array\}\{[a-z]*\}(\s*\\text\s*\{[^{}]*\}\s*(\\\\)?)*\s*"
               r"\\end\{array\}\s*\\right\\\}\s*$"),  # "\quad \left. \begin{array}{l} \text{…} \end{array} \right\}"
    re.compile(r"\s*\\text\s*\{[^{}]*[^\x00-\x7f][^{}]*\}.*$"),  # words in another alphabet and what follows
]


@dataclass
class Piece:
    formula: Formula
    texts: list  # the claims of the formula, as read
    eqs: list
    removed: tuple = ()
    error: str = ""


@dataclass
class GraphNotes:
    model: Model | None
    error: str = ""
    results: dict = field(default_factory=dict)  # id(formula) -> (status, reason, outcome, texts)
    definitions: set = field(default_factory=set)  # id(formula) of the model's definitions
    refuted_definitions: dict = field(default_factory=dict)  # id(formula) -> reason
    layout: tuple = ()  # the evidence of the notes' own layout (``_notes_layout``)
    declared: list = field(default_factory=list)  # (line, layout) the notes declare in words (``graphownlayout``)
    explicit: list = field(default_factory=list)  # the lines of those that say which way a gradient points
    gradients_only: list = field(default_factory=list)  # … and nothing else (``gradient_only_lines``)
    pieces: dict = field(default_factory=dict)  # id(formula) -> Piece
    values: dict = field(default_factory=dict)  # id(formula) -> why a value given to a leaf is not in the model
    sigma: SigmaReading = field(default_factory=SigmaReading)  # what σ is (``graphsigma``)
    unfolded: dict = field(default_factory=dict)  # id(formula) -> its formulas, one per set of assumptions in force
    declarations: set = field(default_factory=set)  # id(formula) of declarations checked as claims (``graphdeclare``)
    denied: dict = field(default_factory=dict)  # id(formula) -> why a value the notes say they do not assume is prose
    plain_steps: set = field(default_factory=set)  # id(formula) of a := the letters made a step (``graphstepdef``)
    about_named: set = field(default_factory=set)  # id(formula) of a claim about a matrix named by its entries (J = W^T)

    def own_layout(self, line: int):
        """The notes' own layout at ``line``: the one declared in words before it, else the evidence of the
        claims' shapes (``graphcheck`` weighs it)."""
        return layout_at(self.declared, line, self.explicit, self.gradients_only) or self.layout


def clean(text: str) -> tuple[list, tuple]:
    """The claims of one formula and what was taken off (trailing words)."""
    removed = []
    t = text.strip()
    for pattern in _TRAIL:
        m = pattern.search(t)
        if m and "=" in t[:m.start()]:
            removed.append(" ".join(m.group(0).split()))
            t = t[:m.start()].rstrip()
    t = re.sub(r"\s*=\s*$", "", t)  # "… =" goes on in the next display
    parts = _split_top(t, ";")
    out = []
    for p in parts:
        rows = _array_rows(p)
        out += rows if rows is not None else [p]
    return [p for p in out if p.strip()], tuple(removed)


def _split_top(text: str, sep: str) -> list:
    out, depth, cur = [], 0, ""
    for c in text:
        depth += c in "{(["
        depth -= c in "})]"
        if c == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
    return out + [cur]


def _array_rows(text: str):
    """The rows of ``array`` environments holding equations (one claim a row, ⋮ rows skipped); None if none."""
    arrays = re.findall(r"\\begin\{array\}\{[a-z]*\}(.*?)\\end\{array\}", text, re.S)
    rest = re.sub(r"\\begin\{array\}\{[a-z]*\}(.*?)\\end\{array\}|\\q?quad", " ", text, flags=re.S)
    if not arrays or rest.strip() or not any("=" in a or "leftarrow" in a for a in arrays):
        return None
    rows = []
    for body in arrays:
        if "=" not in body and "leftarrow" not in body:
            continue  # a column of expressions beside the equations: no claim
        for r in body.split("\\\\"):
            r = r.strip()
            if r and not re.fullmatch(r"\\[vcl]?dots", r):
                rows.append(r)
    return rows


def graph_notes(items: list, text: str, budget: float = 30.0, activation: str | None = None) -> GraphNotes:
    """Read and check the notes' formulas in their own terms (see the module docstring); σ is what the notes
    or ``activation`` (given on the command line) say it is (``graphsigma``), else generic."""
    reading = sigma_reading(items, text, activation)
    sigma = reading.function()
    pieces, mentions, conditions, listed = [], [], {}, []
    for f in items:
        if f.kind == "prose":
            try:
                mentions.append(read_graph(f.text, expression=True))
            except ReadError:
                pass
        if f.kind not in ("claim", "definition"):
            continue
        texts, removed = clean(f.text)
        eqs, error = [], ""
        for t in texts:
            try:
                t, cond = own_condition(t)  # "… \quad \text{when } w_{21} = 0": that claim's own value (graphcondition)
                eq, words = listed_entries(read_graph(t))  # L = L(h_1, \dots, h_k): the entries of h
                eqs.append(eq)
                if words:
                    listed.append(f"line {f.line}: {words}")
                if cond is not None:
                    conditions[id(eqs[-1])] = (f.line, read_graph(cond))
            except ReadError as exc:
                error = str(exc)
                eqs = []
                break
        pieces.append(Piece(f, texts, eqs, removed, error))
    hints, prose = hints_and_prose(text)
    hints += size_letters(text)
    prose_eqs = _prose_definitions(prose)
    # C_x of C = (1/n) Σ_x C_x: one input's cost, not an entry of C (``graphsamplecost``, rv46 C1)
    mentions, conditions, prose_eqs = sample_cost_pieces(pieces, mentions, conditions, prose_eqs)
    subnames = own_names([eq for p in pieces for eq in p.eqs] + mentions + [eq for _, eq in prose_eqs], hints,
                         called_functions([eq for p in pieces for eq in p.eqs]))
    mentions, conditions = subnames.rename_pieces(pieces, mentions, conditions)  # W_1, δ_2: names of their own
    plain_steps = read_as_definitions(pieces)  # u := h - \alpha c (α a leak's slope): no step (rv36 A1)
    named, named_words, matrices = name_matrices(pieces, lambda f, n: stands_alone(f, text, n))  # J_{ji} = ∂y_j/∂x_i (``graphjacobians``)
    mentions, hints = [written(eq, matrices) for eq in mentions], [h for h in hints if h[1] not in matrices]
    prose_eqs, hints = [(line, subnames.rename(eq)) for line, eq in prose_eqs], subnames.hints(hints)
    defs, claims = [], []
    for p in pieces:
        for eq in p.eqs:
            if (is_declaration(eq) or is_definition(eq)) and not p.formula.negated and not p.formula.under:
                defs.append((p.formula.line, eq, p))
            else:  # a formula the notes call false, or one under a hypothetical (``inforce``), is never the model
                claims.append((p, eq))
    for line, eq in prose_eqs:
        if is_definition(eq):
            defs.append((line, eq, None))
    defs, restating = restated(defs)  # L = L(x_1, x_2) after L = L(y_1, y_2): a claim about the graph
    claims += [(p, eq) for _, eq, p in restating]
    defs, denied = denied_values(defs, text)
    defs, costs, batched = inline_split(defs)  # J = \frac1m \sum_t L^{(t)}: a cost over a mini-batch (``graphbatch``)
    defs, counted, not_said = batch_sizes(defs, costs, text)  # "Each mini-batch has $m = 32$ samples": the notes' m
    positive = [c for c in claims if not c[0].formula.negated]  # a value written backwards is taken from these
    defs, values, kinds = split_values(defs, positive, lambda line, p: value_kind(text, p),
                                       lambda line, p, part: value_kind(text, p, let=False, part=part))
    claims[:] = [c for c in claims if c[0].formula.negated or any(c is k for k in positive)]
    spans = assumption_spans(text, values, kinds)
    imagined: list = []  # "If we had assumed that $t$ is one-hot": no assumption; the claims in its scope are under it
    targets = target_formulas(pieces, defs, text, imagined, denied)  # \sum_k t_k = 1 of an input t (graphtargets)
    assumed_targets = sorted([a for a, _ in targets] + one_hot_words(text, imagined), key=lambda a: (a.line, a.name))
    spans.update({id(a): [(a.line, 10 ** 9)] for a in assumed_targets})  # a claim written before and after: two
    unsaid_display = unsaid_values(values)  # "A = 0 \\quad \\text{at } w_{11} = 0": what is meant is not said
    pieces, unfolded = _unfold(pieces, claims, spans)
    all_eqs = [step_free(eq) for p in pieces for eq in p.eqs] + mentions
    defs, demoted = consequences(defs, values, all_eqs, hints, claims, budget, sigma)
    claims += [(p, eq) for _, eq, p in demoted]
    as_claims = ({id(eq) for _, eq, _ in demoted} | {id(eq) for _, eq, _ in restating}
                 | {id(eq) for p, eq in claims if p.formula.negated})
    as_target = {id(p.eqs[0]) for _, p in targets}
    is_claim = lambda eq: id(eq) not in as_target and (  # noqa: E731
        id(eq) in as_claims or not (is_declaration(eq) or is_definition(eq)))
    out = GraphNotes(None, sigma=reading, unfolded=unfolded, denied=denied, plain_steps=plain_steps)
    out.pieces = {id(p.formula): p for p in pieces}
    out.definitions |= named
    out.about_named = {id(p.formula) for p in pieces if id(p.formula) not in named and any(  # rv48 D2
        isinstance(n, Deriv) and n.named for eq in p.eqs for n in walk(eq))}
    out.declarations = {id(p.formula) for _, _, p in restating
                        if p is not None and all(any(e is r for _, r, _ in restating) for e in p.eqs)}
    for _, _, p in values:
        if p is not None and all(any(e is v for _, v, _ in values) for e in p.eqs):
            assumed = all(kinds[id(e)] == "assumption" for e in p.eqs)
            supposed = not assumed and value_kind(text, p) == "condition"  # "If $w_{12} = w_{21}$, then": rv39 A3
            out.values[id(p.formula)] = ASSUMPTION_WORDS if assumed else CONDITION_WORDS if supposed else EXAMPLE_WORDS
    for _, p in targets:
        out.values[id(p.formula)] = TARGET_WORDS
    for line, eq, p in counted + not_said:
        if p is not None:  # "we do not take $m = 4$", "suppose $m = 4$": no m of the notes' (review 22 X3)
            out.values[id(p.formula)] = size_words(counted, costs) if any(d[1] is eq for d in counted) else unsaid_words(line)
    if not defs:
        return out
    unread = unread_definitions(items, pieces)
    # z = F(y) with F "any map", or anything said of F but that it acts entrywise: not entry by entry (rv42c 4, rv44 A8)
    maps = general_functions(text, [d[1] for d in defs] + [eq for p in pieces for eq in p.eqs],
                             [(f.line, f.text) for f in items if f.kind == "unreadable"]
                             + [(p.formula.line, p.formula.text) for p in pieces if p.error], [d[1] for d in defs])
    defs, general = general_maps(defs, maps)
    for d, name, _ in general:  # z = F(y): z is computed from y alone, in a way not read (rv48 D1)
        unread.setdefault(name, map_line(d, maps))
    if not defs:
        return out
    samples = samples_of(costs, [eq for p in pieces for eq in p.eqs], given_size(counted))
    for cost in (c for c in costs.values() if c.name != c.sample_cost):  # never an input of the one-sample model
        unread.setdefault(cost.name, cost.line)  # (K = 2J beside it); L = (1/m) Σ_t L^{(t)}: L^{(t)} is that model's
    # a definition with no meaning here is left unread on its own line, the rest judged (``graphlocal``)
    model, error, repaired, check, defs, dropped = checked_locally(defs, all_eqs, hints, claims, sigma, unread,
                                                                   samples)
    dropped = [*general, *dropped]
    if model is not None and conditions:
        check = under_own(check, conditions, lambda vs: checker(with_values(defs, vs), all_eqs, hints, claims, sigma,
                                                                unread))
    out.model = model
    if model is None:
        out.error = error
        return out
    if reading.words():
        model.notes.append(reading.words())
    if subnames.words():
        model.notes.append(subnames.words())
    model.notes += listed
    model.notes += named_words
    for line, eq, p in defs:
        if p is not None and not any(id(e) in as_claims for e in p.eqs):
            out.definitions.add(id(p.formula))
    for d, _, why in dropped:
        if d[2] is not None:
            out.definitions.discard(id(d[2].formula))
    for d, cost in batched:
        if d[2] is not None and not any(id(e) in as_claims for e in d[2].eqs):
            out.definitions.add(id(d[2].formula))
        model.notes.append(cost.words() + ": a claim about it is checked on mini-batches of several sizes")
    for p in repaired:
        out.definitions.discard(id(p.formula))
        words = next(w for ln, w in model.repairs if ln == p.formula.line)
        eq = next(e for e in p.eqs if exchanged(e) is not None)
        out.refuted_definitions[id(p.formula)] = words.replace("<old>", to_latex(eq)).replace(
            "<new>", to_latex(exchanged(eq)))
    outcomes = {}
    out.declared = layouts_in_force(text, vectors_of(model))  # (line, ''): none from a sentence that leaves the layout on
    out.explicit = explicit_lines(text, vectors_of(model))
    out.gradients_only = gradient_only_lines(text, vectors_of(model))  # "gradients are rows": no Jacobians' layout
    for p in pieces:
        if p.error or not p.eqs or not any(is_claim(e) for e in p.eqs):
            continue
        said = layout_at(out.declared, p.formula.line, out.explicit, out.gradients_only) or ""  # declared in words, else none yet
        outcomes[id(p.formula)] = (p, [check(eq, budget, said) for eq in p.eqs if is_claim(eq)])
    out.layout = _notes_layout(outcomes)
    for key, (p, results) in outcomes.items():
        own = out.own_layout(p.formula.line)
        if own and any(r.status == "ambiguous" for r in results):
            results = [check(eq, budget, own) for eq in p.eqs if is_claim(eq)]
        # \cdot between two columns of one size: ⊙, as the layered reader reads it (``graphcdot``)
        texts = [t for t, e in zip(p.texts, p.eqs) if is_claim(e)] if len(p.texts) == len(p.eqs) else []
        if len(texts) == len(results):
            results = [dotted(t, r, lambda e, own=own: check(e, budget, own)) for t, r in zip(texts, results)]
        out.results[key] = (p, [_unblocked(r, reading) for r in results])
        said = unsaid_display.get((p.formula.line, p.formula.source))
        if said is not None:  # "A = 0 \\quad \\text{at } w_{11} = 0": judged only where both readings agree
            under = checker(with_values(defs, [said[1]]), all_eqs, hints, claims, sigma)[3]
            out.results[key] = (p, unsaid(out.results[key][1], [e for e in p.eqs if is_claim(e)], said[0],
                                          under and (lambda eq, u=under: u(eq, budget / 2))))
    contradicting(out.results, out.declared, lambda p, k: _by_matrix([e for e in p.eqs if is_claim(e)], k, model))
    warn_mixed_layouts(out.results, out.declared)  # claims that need different layouts: said (``layoutmix``)
    if values:
        under_values(out, defs, values, kinds, spans, (all_eqs, hints, claims), budget, is_claim, sigma, unread, text)
    for p, results in out.results.values():
        for r in results:
            name_unread(r, dropped)
    for d, _, why in dropped:  # the line of a definition left unread: uninterpretable with the reason
        if d[2] is not None:
            p = d[2]
            earlier = out.results.get(id(p.formula), (p, []))[1]
            if not any(r.reason.startswith(to_latex(d[1]) + ": the definition is not read") for r in earlier):
                out.results[id(p.formula)] = (p, earlier + [unread_outcome(d, why)])
    if assumed_targets:  # "t is one-hot", \sum_k t_k = 1: a claim refuted for every t checked again under it
        apply_targets(out.results, assumed_targets, lambda imposed: checker(
            defs, all_eqs, hints, claims, sigma, unread, samples, impose=imposed)[3], budget, out.own_layout, is_claim)
    if imagined:
        imagined_claims(out.results, imagined, text)
    _undecided_names(out.results, subnames, defs + [d for d, _, _ in dropped], is_claim)
    general_claims(out.results, maps, is_claim)  # F'(y) of a general F in a claim: not judged (``graphanymap``)
    unread_entries(out.results, model, is_claim)  # G_{ij} = 2 ∂L/∂w_{ij}: a definition not read (``graphentrydefs``)
    undefined = undefined_nodes(model, input_names(defs, hints, model) - {model.canonical(n) for n in unread})
    worded_claims(out.results, model, text, is_claim, undefined)  # ∂L/∂u_2 tied to L in words only (rv48 A5)
    layer = numbers_layer(model, defs, all_eqs)  # g = X W left numbers in notes of matrices: nothing judged (issue 12)
    if layer is not None:
        unjudged(out.results, layer)
    return out


def _prose_definitions(prose: list) -> list:
    """[(line, equation)] of the definitions the prose states in words ("A — это $…$") that read."""
    out = []
    for line, src in prose:
        try:
            out.append((line, read_graph(src)))
        except ReadError:
            continue
    return out


def _undecided_names(results: dict, own, defs: list, is_claim) -> None:
    """A claim that uses a subscripted name the notes use both as a whole and as an entry (``graphsubnames``), or a
    name the definitions compute from it, is not judged: uninterpretable, naming both uses."""
    if not own.ambiguous:
        return
    tainted = own.tainted([eq for _, eq, _ in defs])
    for p, outcomes in results.values():
        claims = [e for e in p.eqs if is_claim(e)]
        for k, eq in enumerate(claims[:len(outcomes)]):
            why = own.mentioned(eq, tainted)
            if why:
                outcomes[k] = GraphOutcome("uninterpretable", f"{why}: whether it is a name of its own or an entry is "
                                           "not said, so the claim is not judged")


#: The name a definition gives, at its start: ``y = …``, ``\mathbf{y} = …``, ``y_k = …`` (its entries).
_DEFINED_NAME = re.compile(r"\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*(_\s*(?:\{[^{}]*\}|\w))?"
                           r"\s*(?::=|=)")


def unread_definitions(items: list, pieces: list) -> dict:
    r"""name -> line of each definition symbp cannot read (``y = \operatorname{sparsemax}(u)``): its name is not an
    input of the notes but a quantity they compute in a way not read, so a claim that reaches it is never judged
    as if it were free (review 15 r1: every claim on y was refuted with y an input).

    >>> f = Formula(5, "y = \\operatorname{sparsemax}(u)", True, kind="unreadable")
    >>> unread_definitions([f], [])
    {'y': 5}
    """
    failed = [f for f in items if f.kind == "unreadable"] + [p.formula for p in pieces if p.error and not p.eqs]
    out: dict = {}
    for f in sorted(failed, key=lambda f: f.line):
        m = _DEFINED_NAME.match(f.text)
        if m:
            out.setdefault(m.group(1), f.line)
            if m.group(2) and split_name(m.group(1) + m.group(2)):  # h_1 = …: also h_1, if a name of its own
                out.setdefault("_".join(split_name(m.group(1) + m.group(2))), f.line)
    return out


def _unblocked(outcome: GraphOutcome, reading: SigmaReading) -> GraphOutcome:
    """A refutation (or a disagreement of the layouts) that takes a function as generic which the notes define in
    a way not read is not issued: undecided, naming the definition (σ(t) = max(0, t), a function in words)."""
    if outcome.status not in ("refuted", "ambiguous"):
        return outcome
    why = blocking(outcome.generic, reading)
    if not why:
        return outcome
    shown = ", ".join("σ" if n == "sigma" else n for n in outcome.generic if n in reading.unread)
    return GraphOutcome("undecided", f"{outcome.status} only with {shown} taken as a generic function, but {why}; "
                        f"the claim is not judged against another function ({outcome.reason})", outcome.layout,
                        outcome.verdicts, None, outcome.instances, outcome.generic, outcome.kinds)


def _unfold(pieces: list, claims: list, spans: dict) -> tuple[list, dict]:
    """(the pieces, id(formula) -> its new formulas): a claim written on several lines (folded by ``extract``) is
    one claim per set of the notes' assumptions in force at its lines (``in_force``); ``claims`` follow."""
    out, unfolded = [], {}
    for p in pieces:
        f = p.formula
        groups: dict = {}
        for line in dict.fromkeys((f.line,) + tuple(f.lines)):
            groups.setdefault(in_force(spans, line), []).append(line)
        if len(groups) < 2 or p.error or not p.eqs or not all(any(c is p and d is e for c, d in claims) for e in p.eqs):
            out.append(p)
            continue
        parts = [Piece(replace(f, line=lines[0], lines=tuple(lines)), p.texts, list(p.eqs), p.removed)
                 for lines in groups.values()]
        claims[:] = [c for c in claims if c[0] is not p] + [(q, e) for q in parts for e in q.eqs]
        unfolded[id(f)] = [q.formula for q in parts]
        out += parts
    return out, unfolded


def _by_matrix(claims: list, k: int, model: Model) -> str:
    """The matrix the k-th of ``claims`` is a gradient by (∂L/∂W with W a matrix of the model), else ''."""
    if k >= len(claims) or not isinstance(claims[k].sides[0], Deriv) or not isinstance(claims[k].sides[0].den, Sym):
        return ""
    den = claims[k].sides[0].den
    q = model.quantities.get(model.canonical(den.base)) if model is not None and not den.sub else None
    return den.base if q is not None and q.rank == 2 else ""


def _notes_layout(outcomes: dict) -> tuple:
    """The evidence of the notes' own layout: for each claim that fits in one layout only, the layouts it is
    consistent with (``GraphOutcome.consistent_layouts``); ``check_graph`` weighs it among the layouts a claim fits."""
    return tuple(frozenset(c) for _, results in outcomes.values() for r in results
                 if (c := r.consistent_layouts()))


__all__ = ["GraphNotes", "Piece", "clean", "graph_notes", "hints_and_prose", "unread_definitions"]
