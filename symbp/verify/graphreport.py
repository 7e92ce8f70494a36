r"""The notes' formulas read in their own terms, into the notes' report (``graphnotes`` does the reading).

``apply_graph`` gives the formulas the layered reading cannot read (or every
formula, for the row-vector profile) their verdict in the notes' own terms:
definitions of the model go to the definitions, values the prose gives to
inputs and parameters (examples, assumptions) are filed with their words, and
each claim gets one ``Verification`` (a formula of several claims: the worst
verdict, each claim's given).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .claimlinks import declaration
from .graphexamples import _locate
from .sentences import masked, sentences
from .extract import Formula
from .graphmodel import GraphError, Sym
from .graphnodes import walk
from .graphfamily import UNINTERPRETABLE
from .graphnotes import GraphNotes, Piece, graph_notes
from .graphownlayout import layout_at
from .graphsingle import has_layers
from .graphupdate import is_update, steps_computed
from .regularizer import about_parameters, regularizers, since_line
from .verification import UNCHECKED_DECLARATION, Verification


def apply_graph(report, text: str, notation_name: str, budget: float = 30.0, activation: str | None = None,
                everything: bool = False, row_type=None, layered: bool = False):
    """Give the notes' formulas that the layered reading cannot read (or ``everything``, for a profile of row
    vectors) their verdict in the notes' own terms; definitions of the model go to the definitions (σ's too, when
    it is read: ``graphsigma``); ``activation`` is the one given on the command line (None: not given). A
    declaration that restates the graph (``graphdeclare``) is checked: filed with what was checked when it holds,
    else a row (made by ``row_type``, the report's row type) with its verdict. ``layered``: row-form notes with
    layers (``z^l = a^{l-1} W^l + b^l``); a formula with layers keeps its layered verdict (the notes' own terms
    read no layers: ``L = 2C`` beside them must not make every formula unreadable)."""
    formulas = sorted([r.formula for r in report.rows] + list(report.skipped), key=lambda f: f.line)
    layered_notes = layered
    g = graph_notes(formulas, text, budget, activation)
    report.graph = g
    if g.model is None and not g.error:
        return report
    rows, skipped = [], list(report.skipped)
    if g.model is None and g.error and everything and not g.error.startswith(UNINTERPRETABLE) and any(_graph_form(r.formula.text) for r in report.rows):
        raise GraphError(f"{report.path}: the notes' definitions contradict each other: {g.error}")
    # in a layered profile the graph reading is a fallback: its failure leaves those formulas uninterpretable
    # with the reason (below) instead of stopping the whole run (C = 1/n Σ_x C_x is not a vector C)
    # in a layered profile, a declaration of the cost, of δ or of a layer's quantity that ``depends`` does not check
    # (C = C(y_7)) is the notes' own graph only when that graph judges some claim; else it is a row saying why it is
    # not checked (y_1 = y_1(x_1, x_2), no layer written, stays the notes' own graph)
    regularized = _regularized(text, g)
    unused = not everything and not any(id(r.formula) in g.results and r.result.status in ("unreadable", "uninterpretable")
                                        and id(r.formula) not in g.definitions for r in report.rows)
    for row in report.rows:
        f, layered = row.formula, row.result
        key = id(f)
        read_in_layers = layered_notes and has_layers(f.text)
        open_ = not read_in_layers and (everything or layered.status in ("unreadable", "uninterpretable")
                                        or _declared_step(key, f, g) or _own_definition(key, layered, g)
                                        or (key in g.plain_steps and key in g.definitions)
                                        or _computed_step(key, g))
        if g.model is None:
            if open_ and _graph_form(f.text) and everything:
                row = type(row)(f, Verification(formula=f.text, status="uninterpretable", verdict="undecided",
                                                reason=g.error, notation=notation_name))
            elif open_ and _graph_form(f.text):  # the layered reading's own reason first, then the graph's
                row = type(row)(f, Verification(formula=f.text, status=layered.status, verdict="undecided",
                                                reason=f"{layered.reason}; in the notes' own terms: {g.error}",
                                                notation=notation_name))
            rows.append(row)
            continue
        if f.line in g.sigma.lines and open_ and layered.status in ("unreadable", "uninterpretable"):
            skipped.append(_as_kind(f, "definition", f"a definition: {g.sigma.words()}; the claims in the notes' "
                                    "own terms are checked with it"))
            continue
        if key in g.denied and open_:  # "we do not assume, here, that $w_{12} = w_{21}$": prose, never the model
            skipped.append(_as_kind(f, "prose", g.denied[key]))
            continue
        if key in g.values and open_:
            skipped.append(_as_kind(f, "definition", g.values[key]))
            continue
        if key in g.definitions and open_ and not (unused and _layered_declaration(f.text, layered)):
            skipped.append(_as_kind(f, "definition", "a definition in the notes' own terms (the model: "
                                    + "; ".join(g.model.lines()) + ")"))
            continue
        if key in g.refuted_definitions and open_:
            rows.append(type(row)(f, Verification(formula=f.text, status="refuted", verdict="refuted",
                                                  reason=g.refuted_definitions[key], notation=notation_name)))
            continue
        piece = g.pieces.get(key)
        if piece is not None and piece.error and everything and not read_in_layers:
            rows.append(type(row)(f, Verification(formula=f.text, status="unreadable", verdict="undecided",
                                                  reason=piece.error, notation=notation_name)))
            continue
        if piece is not None and piece.error and open_ and layered.status == "unreadable":
            # notes in their own terms (a model was built): why their reading stops first, the layered one after
            rows.append(type(row)(f, Verification(formula=f.text, status="unreadable", verdict="undecided",
                                                  reason=f"in the notes' own terms: {piece.error}; read in layers: "
                                                         f"{layered.reason}", notation=notation_name)))
            continue
        if key in g.unfolded and open_:  # one claim per set of assumptions in force at its lines
            rows += [type(row)(u, _beside(text, u, regularized(u, _verification(u, *g.results[id(u)], g, notation_name))))
                     for u in g.unfolded[key]]
            continue
        if key in g.results and open_:
            p, results = g.results[key]
            verification = _beside(text, f, regularized(f, _verification(f, p, results, g, notation_name)))
            if key in g.declarations and verification.status == "holds" and not f.negated:
                skipped.append(_checked(f, verification))
            else:
                rows.append(type(row)(f, verification))
            continue
        rows.append(row)
    if g.model is not None and row_type is not None:
        for k, f in enumerate(skipped):  # a declaration the layered reading filed unchecked (y_1 = y_1(L))
            named = id(f) in g.about_named  # J = W^T after J_{ij} = ∂y_j/∂x_i: a claim about ∂y/∂x (rv48 D2)
            if (id(f) not in g.declarations and not named) or id(f) not in g.results or not _graph_form(f.text):
                continue
            p, results = g.results[id(f)]
            verification = _beside(text, f, regularized(f, _verification(f, p, results, g, notation_name)))
            if verification.status == "holds" and not named:
                skipped[k] = _checked(f, verification)
            else:
                skipped[k] = None
                rows.append(row_type(f, verification))
        skipped = [f for f in skipped if f is not None]
        rows.sort(key=lambda r: r.formula.line)
    report.rows, report.skipped = rows, skipped
    return report


def _own_definition(key: int, layered: Verification, g: GraphNotes) -> bool:
    """Whether the notes' own terms read the formula as a definition of the model that judges their claims, where
    the layered reading only called it a slip against another definition (``z^{(1)} = W^{(1)} x + b^{(1)}`` beside
    ``z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}``: x is the input, not a layer the layered reading knows)."""
    if not (g.model is not None and key in g.definitions and layered.status == "undecided"
            and layered.reason.startswith("a slip:") and bool(g.results)):
        return False
    piece = g.pieces.get(key)  # the slip is the layered reading's only when every name of it has its layer
    return piece is not None and any(_layer_from_input(eq, g.model) for eq in piece.eqs)


def _layer_from_input(eq, model) -> bool:
    """Whether a definition gives a layer's quantity (``z^{(1)}``) from a name with no layer (the input x)."""
    lhs = eq.sides[0] if getattr(eq, "sides", None) else None
    if not (isinstance(lhs, Sym) and "^{" in lhs.base):
        return False
    return any(isinstance(n, Sym) and "^{" not in n.base and not n.sample and n.base not in model.functions
               and model.canonical(n.base) in model.quantities for n in walk(eq.sides[-1]))


def _declared_step(key: int, f: Formula, g: GraphNotes) -> bool:
    """Whether the formula is an update rule the notes' own terms judged in the layout the notes declare in words
    before its line, or found ambiguous because the layouts disagree and none is declared: the layered reading
    takes ∂C/∂W to have W's shape whatever the notes say (review F18: under "we use the numerator layout",
    W ← W − η ∂L/∂W held for a square W, a step by the gradient transposed; issue 14: with no layout declared it
    held for a square W, where the numerator layout's step differs)."""
    if key not in g.results:
        return False
    p, results = g.results[key]
    if not (any(r.kinds for r in results) and any(is_update(e) for e in p.eqs)):
        return False
    return layout_at(g.declared, f.line) is not None or (
        not has_layers(f.text) and any(r.status == "ambiguous" and r.kinds for r in results))


def _computed_step(key: int, g: GraphNotes) -> bool:
    """Whether the formula is an update rule of a name the notes compute (``v := v - η ∂L/∂v`` beside ``v = W x``):
    the layered reading takes v for a parameter; in the notes' own terms it is a node of the graph."""
    p = g.pieces.get(key)
    return key in g.results and p is not None and g.model is not None and any(
        steps_computed(e, g.model) for e in p.eqs)


def _regularized(text: str, g: GraphNotes):
    """What a regularization term the notes name in words (``regularizer``) does to a verdict in their own terms:
    a claim that differentiates by a quantity the graph does not compute (a weight, ∂L/∂w_{12}, ∂J/∂W) or steps
    one (W ← W − η …), from the words' line on (from the start when stated for the whole notes), is
    uninterpretable, naming the words; the derivatives by computed nodes (∂L/∂h) keep their verdict."""
    found = regularizers(text)
    model = g.model
    computed = {model.names[s][0] for s in model.defs} | {model.loss} if model is not None else set()

    def by_computed(name: str) -> bool:
        name = name.lstrip("\\")
        return name in computed or (model is not None and model.canonical(name) in computed)

    def apply(f: Formula, v: Verification) -> Verification:
        reg = since_line(found, f.line)
        if reg is None or v.status == "unreadable" or not about_parameters(f.text, by_computed):
            return v
        return Verification(formula=v.formula, status="uninterpretable", verdict="undecided", reason=reg.reason(),
                            notation=v.notation, interpretation=v.interpretation)
    return apply


def _checked(f: Formula, verification) -> Formula:
    """A declaration that holds, filed as one with what was checked (as the layered ``C = C(a^L)``)."""
    return _as_kind(f, "definition", f"a declaration of what the quantity depends on, not a claim "
                    f"({verification.reason})")


def _layered_declaration(text: str, layered: Verification) -> bool:
    """Is ``text`` a declaration of the cost C, of δ or of a quantity with its layer that ``depends`` left
    unchecked (``layered``: its verdict in the layered reading)?"""
    found = declaration(text)
    return (layered.reason == UNCHECKED_DECLARATION and found is not None
            and (found[0] in ("C", "\\delta") or "^" in found[0]))


def _graph_form(text: str) -> bool:
    return not has_layers(text)


def _as_kind(f: Formula, kind: str, reason: str) -> Formula:
    d = {name: getattr(f, name) for name in f.__dataclass_fields__}
    d.update(kind=kind, reason=reason)
    return Formula(**d)


#: Words of a remark after a formula that name a layout (``graphreport._verification``).
_LAYOUT_WORDS = re.compile(r"layout|numerator|denominator|jacobian|transpos|uspořádání|раскладк|układ", re.IGNORECASE)

_ORDER = ("refuted", "undecided", "ambiguous", "uninterpretable", "conditional", "holds")


def _verification(f: Formula, p: Piece, results: list, g: GraphNotes, notation_name: str):
    status = next(s for s in _ORDER if any(r.status == s for r in results) or s == "holds")
    if len(results) == 1:
        reason = results[0].reason
    else:
        reason = "; ".join(f"claim {k + 1} ({p.texts[k] if k < len(p.texts) else ''}): {r.status}, {r.reason}"
                           for k, r in enumerate(results))
    cx = next((r.counterexample for r in results if r.counterexample is not None), None)
    layouts = sorted({r.layout for r in results if r.layout})
    words = "in the notes' own terms: " + "; ".join(g.model.lines())
    if layouts:
        words += "; layout: " + ", ".join(layouts)
    verdict = {"holds": "proved", "refuted": "refuted", "conditional": "conditional"}.get(status, "undecided")
    condition = "; ".join(dict.fromkeys(r.condition for r in results if r.status == "conditional"))
    removed = tuple(p.removed)
    named = [x for x in removed if _LAYOUT_WORDS.search(x)]
    if named and layouts and status != "uninterpretable" and not (status == "refuted" and layouts == ["both"]):
        # review rv42c 5: "- \text{in the numerator layout}" was taken off and the claim judged in the layout its
        # shapes fit (the denominator): words after a formula that name a layout are never ignored
        status, verdict = "uninterpretable", "undecided"
        reason = (f"the words after the formula ({'; '.join(named)}) name a layout, and a layout written beside one "
                  f"formula is not read; without them: {reason}")
        removed = tuple(x for x in removed if x not in named)
    if removed:
        reason += " (not part of the claim: " + "; ".join(removed) + ")"
    return Verification(formula=f.text, status=status, verdict=verdict, reason=reason, notation=notation_name,
                        instances=sum(r.instances for r in results), counterexample=cx, condition=condition,
                        interpretation={"words": words, "latex": " ; ".join(p.texts), "layout": _layout_words(results)})


def _layout_words(results: list) -> str:
    names = sorted({r.layout for r in results if r.layout})
    if not names:
        return "no vector derivative: the layout does not matter"
    if names == ["both"]:
        return "the same in the denominator and the numerator layout"
    return " and ".join(f"{n.replace('+', ' and ')} layout" for n in names if n != "both") + " (" + "; ".join(
        r.reason for r in results if r.layout and r.layout != "both") + ")"


#: A layout named in words (en, cs, ru, pl); the Jacobian is the numerator layout (rows are the outputs).
_NAMED_LAYOUT = re.compile(r"\b(?:(?P<n>numerator|čitatel\w*|числител\w*|licznik\w*|jacobian\w*|jakobián\w*|якобиан\w*"
                           r"|jakobian\w*)|(?P<d>denominator|jmenovatel\w*|знаменател\w*|mianownik\w*))", re.IGNORECASE)


def _beside(text: str, f: Formula, v):
    """``v`` left uninterpretable when the claim's own sentence (or, for a formula that ends its sentence, the next
    one) names a layout other than the one it was judged in (review rv44 A7: "In the numerator layout,
    $\\frac{\\partial g}{\\partial x} = W$." held in the denominator layout; only a declaration before it was read)."""
    layout = (v.interpretation or {}).get("layout", "") if v.status in ("holds", "refuted", "conditional") else ""
    if not layout or layout.startswith(("no vector", "the same in")):
        return v
    at = _locate(text, f.line, f.source or f.text)
    spans = sentences(text)
    k = next((i for i, (a, b) in enumerate(spans) if at is not None and a <= at[0] < b), None)
    if k is None:
        return v
    start, end = spans[k]
    if not masked(text[at[1]:end]).strip(" \t\n.,;:!?") and k + 1 < len(spans):
        end = spans[k + 1][1]  # "$$…$$ ⏎ in the numerator layout."
    words = masked(text[start:end])
    named = {"numerator" if m.group("n") else "denominator" for m in _NAMED_LAYOUT.finditer(words)}
    used = {n for n in ("denominator", "numerator") if n in layout.split("(")[0]}
    if not named or named == used:
        return v
    return replace(v, status="uninterpretable", verdict="undecided", counterexample=None, reason=(
        f"the words beside it name the {' and the '.join(sorted(named))} layout, and a layout named beside one "
        f"formula is not read (judged in the {' and '.join(sorted(used))} layout: {v.status}, {v.reason})"))
