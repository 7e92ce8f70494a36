r"""The values the notes give (examples, assumptions) and what they do to the model and to the claims.

``graph_notes`` (``graphnotes``) takes from the definitions the values the prose gives to inputs and parameters
(``graphexamples``); this module decides what each one is and what follows from it: what the words around a
value say it is (``value_kind``: an example, an assumption, a condition), a value the words deny
(``denied_values``), a definition that follows from the others only with the values (``consequences``), and
the verdict on a claim refuted for every value under the assumptions in force at its line (``under_values``).
It is its own module because it is one step of reading the notes, run after the model is built and before the
report, and needs none of ``graph_notes``' other steps.
"""

from __future__ import annotations

from .graphbuild import build
from .graphcheck import GraphOutcome
from .graphcondition import prose_condition, under_prose_condition
from .graphexamples import (by_tied, denies, display_words, is_given, is_tie, is_value, is_value_expression, listed,
                            prose_words, ties, with_values)
from .graphfamily import check_claim, checker, notes_model
from .graphmodel import GraphError, Sym, is_declaration, is_definition, to_latex
from .graphnodes import walk
from .graphscope import in_force, releases_itself
from .suppositions import supposed_values


def value_kind(text: str, p, let: bool = True, part: bool = True) -> str:
    """What the prose around a value's formula says it is: 'example', 'assumption', 'condition' (supposed after
    "if", ``suppositions``: a value of its sentence's claims, read as an example elsewhere) or 'neither' (a value
    written several times: an assumption only if every place says so, an example if any place does)."""
    if p is None or p.formula.cell is not None:  # a notebook's lines are its cells': the words are not found
        return "neither"
    f = p.formula
    alone = len(set((f.line,) + tuple(f.lines))) == 1  # written once: its display's words are its words
    here = display_words(f.source, f.text) if f.display and f.source and alone else None
    if here is not None:  # "A = 0 \quad \text{when, from now on, we assume } w_{21} = 0": the display's own words
        return "neither" if here == "negated" else here
    lines = list(dict.fromkeys((f.line,) + tuple(f.lines)))
    lines = [ln for ln in lines if not releases_itself(text, ln, f.source or f.text)] or lines  # withdrawn there
    said = {prose_words(text, line, f.source or f.text, let, part) for line in lines}
    if "example" in said:
        return "example"
    if said == {"assumption"}:
        return "assumption"
    return "condition" if supposed_values(text, p.eqs, lines, f.source or f.text) else "neither"  # rv39 A3


def denied_values(defs: list, text: str) -> tuple[list, dict]:
    """(the definitions, id(formula) -> why it is prose): a value, a tie or an expression given to a leaf in a
    sentence that says it is not assumed ("we do not assume, for now, that the matrix is symmetric, $w_{12} =
    w_{21}$": a negation and an assumption word before it, ``denies``) never enters the model (``negation`` takes
    those the words govern before this)."""
    valued = lambda e: is_value(e, set()) or is_tie(e, set()) or (is_given(e) and is_value_expression(e))  # noqa: E731
    computed = {e.sides[0].base.lower() for _, e, _ in defs if isinstance(e.sides[0], Sym) and not valued(e)}
    kept, denied = [], {}
    for d in defs:
        line, eq, p = d
        f = None if p is None else p.formula
        if (f is not None and f.cell is None and all(valued(e) and e.sides[0].base.lower() not in computed
                                                      for e in p.eqs)
                and all(denies(text, ln, f.source or f.text) for ln in dict.fromkeys((f.line,) + tuple(f.lines)))):
            denied[id(p.formula)] = ("the notes say they do not assume it: it is neither a claim nor part of the "
                                     "model")
            continue
        kept.append(d)
    return kept, denied


def consequences(defs: list, values: list, all_eqs: list, hints: list, claims: list,
                  budget: float, sigma=None) -> tuple[list, list]:
    """(the model's definitions, those taken out of it): a definition that contradicts another only without the
    values (g_1 = x_1 w_{11} + x_2 w_{21} beside g = x W + b and "there is no bias: b = 0") follows from them; it is
    checked as a claim (it holds only under the values), not a second definition of g_1. Taken out only if it
    holds on the model with the values; otherwise the contradiction stands."""
    plain = lambda ds: [(ln, e) for ln, e, _ in ds]  # noqa: E731
    if not values:
        return defs, []
    named = {n.base.lower() for _, eq, _ in values for n in walk(eq.sides[0]) if isinstance(n, Sym)}
    kept, out = list(defs), []
    for _ in range(len(defs)):
        try:
            build(plain(kept), all_eqs, hints)
            break
        except GraphError as exc:
            lines = exc.lines
        # the consequence: a definition on one of the two lines, first one that does not name the values' leaves
        cands = sorted((d for d in kept if d[0] in lines and d[2] is not None and is_definition(d[1])
                        and not is_declaration(d[1])),
                       key=lambda d: (any(isinstance(n, Sym) and n.base.lower() in named for n in walk(d[1])), -d[0]))
        for d in cands:
            trial = [k for k in kept if k is not d]
            try:
                build(plain(trial), all_eqs, hints)
            except GraphError as exc:
                if exc.lines == lines:
                    continue
            kept = trial
            out.append(d)
            break
        else:
            return defs, []
    else:
        return defs, []
    if not out:
        return defs, []
    model = notes_model(with_values(kept, values), all_eqs, hints, claims, sigma=sigma)[0]
    if model is None or any(check_claim(eq, model, budget / 4).status != "holds" for _, eq, _ in out):
        return defs, []
    return kept, out


def under_values(out, defs: list, values: list, kinds: dict, spans: dict, rest: tuple, budget: float,
                  is_claim, sigma=None, unread=None, text: str = "") -> None:
    """In ``out`` (the ``GraphNotes``), a claim refuted for every value: under the notes' assumptions in force at
    its line (``spans``) it is conditional if it holds there (naming them), else their verdict; one that holds
    only at the example values says so, naming their lines."""
    examples = [v for v in values if kinds[id(v[1])] != "assumption"]
    models: dict = {}  # the assumptions in force -> (check under them, why not, the model with the examples too)
    for p, results in out.results.values():
        here = in_force(spans, p.formula.line)
        assumed = [v for v in values if id(v[1]) in here]
        if here not in models:
            under, error = None, ""
            if assumed:
                _, error, _, under = checker(with_values(defs, assumed), *rest, sigma, unread)
                error = "" if under is not None else error or "the model cannot be built with them"
            both = notes_model(with_values(defs, examples + assumed), *rest, sigma=sigma)[0] if examples else None
            models[here] = (under, error, both)
        under, error, both = models[here]
        tied = ties(assumed)
        for k, eq in enumerate([e for e in p.eqs if is_claim(e)]):
            r = results[k]
            if r.status != "refuted":
                continue  # holds for every value, or not judged: the assumptions change nothing
            if assumed:
                results[k] = r = _assumed(eq, r, assumed, under, error, tied, budget, out.own_layout(p.formula.line))
            said = prose_condition(text, p.formula, examples) if r.status == "refuted" and text else None
            if said is not None:  # "If $w_{21} = 0$, then $$…$$": the claim states its condition
                results[k] = under_prose_condition(eq, r, said, lambda vs: checker(with_values(defs, assumed + vs),
                                                                                   *rest, sigma, unread),
                                                   budget / 2, out.own_layout(p.formula.line))
                continue
            if r.status == "refuted" and both is not None and check_claim(eq, both, budget / 4).status == "holds":
                r.reason += f"; it holds only at the example values ({listed(examples)}), which are not part of the model"


def _assumed(eq, general: GraphOutcome, assumed: list, under, error: str, tied: set, budget: float,
             layout: str) -> GraphOutcome:
    """The verdict on a claim refuted for every value, under the notes' assumptions ``assumed``."""
    said = listed(assumed)
    if under is None:
        return GraphOutcome("uninterpretable", f"{general.reason}; the notes assume {said}, which does not fit their "
                            f"model ({error}), so whether the claim holds under it is not decided")
    var = by_tied(eq, tied)
    if var:
        return GraphOutcome("uninterpretable", f"{general.reason}; the notes assume {said}, which ties {var} to "
                            f"another entry: whether the derivative by {var} follows the tie is not said")
    r = under(eq, budget / 2, layout)
    if r.status == "holds":
        return GraphOutcome("conditional", f"it holds under the notes' assumption {said}, not for every value: "
                            f"without it, {general.reason}", r.layout, r.verdicts, general.counterexample,
                            r.instances, condition="; ".join(f"{to_latex(e)} (assumed on line {ln})"
                                                             for ln, e, _ in assumed))
    r.reason += f" (under the notes' assumption {said})"
    return r
