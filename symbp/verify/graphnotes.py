r"""Notes in their own terms: the model from the notes' definitions, and each claim checked on it.

``graph_rows`` takes the formulas of a set of notes (``extract``) and its text:

1. every formula is read in the notes' own terms (``graphread``); trailing
   words (``- \text{…}``, a brace of remarks) are taken off and listed, a
   trailing ``=`` (the chain goes on in the next display) is dropped, ``;``
   and the rows of an ``array`` separate claims;
2. the definitions (``g = x W``, ``z_1 = h(y_1)``, ``L = L(y_1, y_2)``) and the
   prose ("a row vector", "a 2 × 3 matrix", "A — это $…$") give the model
   (``graphbuild``); a cycle of definitions that exchanging two vectors' names
   in one linear definition resolves (and every declaration agrees with) is
   read that way and that line is reported as refuted;
3. each claim is checked (``graphcheck``); the notes' own layout is the one
   most of their claims fit only in.

The result is one ``Verification`` per formula the model reads (others are
left to the layered verifier) and the formulas that are definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract import Formula
from .graphbuild import build, is_declaration, is_definition, open_dims
from .graphcheck import GraphOutcome, check_graph
from .graphevaluate import Evaluator, Misfit
from .graphmodel import LOSS_NAMES, Bar, Call, Deriv, GraphError, GraphUninterpretable, Model, Mul, Sym, to_latex
from .graphnodes import Add, Div, Equation, Mat, Neg, Num, walk
from .graphread import read_graph
from .graphsigma import SigmaReading, blocking, sigma_reading
from .graphsingle import has_layers
from .graphundefined import contradicted_declaration, input_names, involved, make_generic, undefined_nodes
from .graphundefined import words as undefined_words
from .graphupdate import check_update, is_update, step_free
from .lexer import ReadError
from .verification import Verification

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


#: How the error of a model that a definition without meaning stopped begins (each row then says so; the run goes on).
UNINTERPRETABLE = "a definition has no meaning here: "


@dataclass
class GraphNotes:
    model: Model | None
    error: str = ""
    results: dict = field(default_factory=dict)  # id(formula) -> (status, reason, outcome, texts)
    definitions: set = field(default_factory=set)  # id(formula) of the model's definitions
    refuted_definitions: dict = field(default_factory=dict)  # id(formula) -> reason
    layout: tuple = ()  # the evidence of the notes' own layout (``_notes_layout``)
    pieces: dict = field(default_factory=dict)  # id(formula) -> Piece
    values: dict = field(default_factory=dict)  # id(formula) -> why a value given to a leaf is not in the model
    sigma: SigmaReading = field(default_factory=SigmaReading)  # what σ is (``graphsigma``)


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


_NAME = r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\$"
_ROW_VECTOR = re.compile(_NAME + r"[^$.]{0,60}?\b(row|column|строк\w*|столб\w*|wiersz\w*|kolumn\w*)")
_MATRIX_WORD = r"(?:matrix|матриц|macierz)"
_SIZE = re.compile(_NAME + r"[^$.]{0,40}?\$?\s*(\d+)\s*(?:\\times|×|x)\s*(\d+)\s*\$?\s*" + _MATRIX_WORD)
# the size after the word: "$W$ — матрица $2 \times 3$", "macierzą $2 \times 3$", "a matrix of size $2 \times 3$"
_SIZE_AFTER = re.compile(_NAME + r"[^$.]{0,20}?" + _MATRIX_WORD + r"\w*[^$.]{0,20}?\$\s*(\d+)\s*(?:\\times|×)\s*(\d+)\s*\$")
_MATRIX = re.compile(_NAME + r"[^$.]{0,20}?\b" + _MATRIX_WORD)  # "$W$ a matrix": a matrix of open size
_VECTOR_SIZE = re.compile(_NAME + r"[^$.]{0,60}?\bvector\s+(?:of\s+(?:size|length|dimension)\s+|with\s+)\$?(\d+)")
_IN_R = re.compile(r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^"
                   r"\s*\{?\s*(\d+)\s*(?:\\times\s*(\d+))?\s*\}?")
_PROSE_DEF = re.compile(r"(?<![A-Za-z$\\])([A-Z])\s*(?:-|—|–)\s*(?:это|is)\s*\$([^$]+)\$")


def hints_and_prose(text: str) -> tuple[list, list]:
    """Shapes said in words [(line, name, orient, dims)] and definitions in words [(line, equation text)]."""
    hints, defs = [], []
    for m in _ROW_VECTOR.finditer(text):
        word = m.group(2)
        orient = "row" if word.startswith(("row", "строк", "wiersz")) else "col"
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), orient, ()))
    for m in [*_SIZE.finditer(text), *_SIZE_AFTER.finditer(text)]:
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "", (int(m.group(2)), int(m.group(3)))))
    for m in _MATRIX.finditer(text):
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "matrix", ()))
    for m in _VECTOR_SIZE.finditer(text):
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "", (int(m.group(2)),)))
    for m in _IN_R.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if m.group(3):  # R^{1×n} is a row, R^{n×1} a column, else a matrix
            r, c = int(m.group(2)), int(m.group(3))
            if r == 1 or c == 1:
                hints.append((line, m.group(1), "row" if r == 1 else "col", (max(r, c),)))
            else:
                hints.append((line, m.group(1), "", (r, c)))
        else:
            hints.append((line, m.group(1), "", (int(m.group(2)),)))
    for m in _PROSE_DEF.finditer(text):
        defs.append((text.count("\n", 0, m.start()) + 1, f"{m.group(1)} = {m.group(2)}"))
    return hints, defs


def graph_notes(items: list, text: str, budget: float = 30.0, activation: str | None = None) -> GraphNotes:
    """Read and check the notes' formulas in their own terms (see the module docstring); σ is what the notes
    or ``activation`` (given on the command line) say it is (``graphsigma``), else generic."""
    reading = sigma_reading(items, text, activation)
    sigma = reading.function()
    pieces, mentions = [], []
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
                eqs.append(read_graph(t))
            except ReadError as exc:
                error = str(exc)
                eqs = []
                break
        pieces.append(Piece(f, texts, eqs, removed, error))
    hints, prose = hints_and_prose(text)
    defs, claims = [], []
    for p in pieces:
        for eq in p.eqs:
            if is_declaration(eq) or is_definition(eq):
                defs.append((p.formula.line, eq, p))
            else:
                claims.append((p, eq))
    for line, src in prose:
        try:
            eq = read_graph(src)
        except ReadError:
            continue
        if is_definition(eq):
            defs.append((line, eq, None))
    defs, values = _split_values(defs)
    out = GraphNotes(None, sigma=reading)
    out.pieces = {id(p.formula): p for p in pieces}
    out.values = {id(p.formula): VALUE_WORDS for _, _, p in values
                  if p is not None and all(any(e is v for _, v, _ in values) for e in p.eqs)}
    if not defs:
        return out
    all_eqs = [step_free(eq) for p in pieces for eq in p.eqs] + mentions
    model, error, repaired = _model(defs, all_eqs, hints, claims, sigma=sigma)
    out.model = model
    opened = bool(open_dims([(ln, e) for ln, e, _ in defs], all_eqs, hints))
    family = [model]
    if model is not None and opened:  # sizes the notes leave open: a second member with other sizes
        other, _, _ = _model(defs, all_eqs, hints, claims, start=1, sigma=sigma)
        if other is not None:
            family.append(other)
            model.notes.append("sizes the notes leave open are checked at two choices (starting at 2 and at 3)")
    if model is None:
        out.error = error
        return out
    if reading.words():
        model.notes.append(reading.words())
    for line, eq, _ in defs:  # u_1 = u_1(x_1) beside u = x W: a declaration the definitions contradict
        why = contradicted_declaration(eq, model) if is_declaration(eq) else ""
        if why:
            out.model, out.error = None, f"line {line}: {to_latex(eq)}: {why}"
            return out
    undefined = undefined_nodes(model, input_names(defs, hints, model))
    twins = []
    if undefined:  # each member with the nodes the notes never define made generic (graphundefined)
        for k in range(len(family)):
            twin, _, _ = _model(defs, all_eqs, hints, claims, start=k, sigma=sigma)
            if twin is None:
                undefined, twins = [], []
                break
            make_generic(twin, undefined)
            twins.append(twin)
    check = lambda eq, budget, layout="": _undefined_check(eq, family, twins, undefined, budget, layout)  # noqa: E731
    for line, eq, p in defs:
        if p is not None:
            out.definitions.add(id(p.formula))
    for p in repaired:
        out.definitions.discard(id(p.formula))
        words = next(w for ln, w in model.repairs if ln == p.formula.line)
        eq = next(e for e in p.eqs if _exchange(e) is not None)
        out.refuted_definitions[id(p.formula)] = words.replace("<old>", to_latex(eq)).replace(
            "<new>", to_latex(_exchange(eq)))
    del line
    outcomes = {}
    for p in pieces:
        if p.error or not p.eqs or all(is_declaration(e) or is_definition(e) for e in p.eqs):
            continue
        outcomes[id(p.formula)] = (p, [check(eq, budget) for eq in p.eqs
                                       if not (is_declaration(eq) or is_definition(eq))])
    out.layout = _notes_layout(outcomes)
    for key, (p, results) in outcomes.items():
        if out.layout and any(r.status == "ambiguous" for r in results):
            results = [check(eq, budget, out.layout) for eq in p.eqs
                       if not (is_declaration(eq) or is_definition(eq))]
        out.results[key] = (p, [_unblocked(r, reading) for r in results])
    if values:
        _at_values(out, defs, values, all_eqs, hints, claims, budget, sigma)
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
                        outcome.verdicts, None, outcome.instances, outcome.generic)


def _is_value(eq: Equation, defined: set) -> bool:
    """``x_1 = 0``, ``b_1 := 0``, ``x = (0, 0)``: a number (or numbers) given to a name no definition of the notes
    computes (an input or a parameter, a leaf of the graph)."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if len(eq.sides) != 2 or eq.rels[0] not in ("=", ":=", r"\equiv") or not isinstance(lhs, Sym):
        return False
    if any(not isinstance(n, (Num, Neg, Div, Add, Mul, Mat)) for n in walk(rhs)):  # x_1 = 0, x = (0, 0)
        return False
    return lhs.base.lower() not in defined and lhs.base.upper() not in defined


def _split_values(defs: list) -> tuple[list, list]:
    """(the model's definitions, the values given to leaves): a value given to an input or a parameter is an
    example or a starting value ("for example take x_1 = 0", "initially b = 0"), not part of the model; claims
    are checked for every value of it. A leaf is a name no other definition computes (``x = (x_1, x_2)`` only
    names x's entries)."""
    computed = set()
    for _, eq, _ in defs:
        if _is_value(eq, set()):
            continue
        lhs = eq.sides[0]
        cells = [c for row in lhs.rows for c in row] if isinstance(lhs, Mat) else [lhs]
        bases = {c.base for c in cells if isinstance(c, Sym)}
        named = [n for n in walk(eq.sides[-1]) if isinstance(n, Sym)]
        if named and all(n.base in bases and n.sub for n in named) and not is_declaration(eq):
            continue  # x = (x_1, x_2): the entries named, nothing computed
        computed |= bases | {b.lower() for b in bases} | {b.upper() for b in bases}
    kept, values = [], []
    for d in defs:
        (values if _is_value(d[1], computed) else kept).append(d)
    return kept, values


VALUE_WORDS = ("a value given to an input or a parameter (an example or a starting value): not part of the model, "
               "the claims are checked for every value")


def _at_values(out: GraphNotes, defs: list, values: list, all_eqs: list, hints: list, claims: list,
               budget: float, sigma=None) -> None:
    """A refuted claim that holds at the notes' example values says so, naming their lines."""
    model, _, _ = _model(defs + values, all_eqs, hints, claims, sigma=sigma)
    if model is None:
        return
    where = "; ".join(f"{to_latex(eq)} on line {line}" for line, eq, _ in values)
    for p, results in out.results.values():
        for r, eq in zip(results, [e for e in p.eqs if not (is_declaration(e) or is_definition(e))]):
            if r.status == "refuted" and _check(eq, model, budget / 4).status == "holds":
                r.reason += (f"; it holds only at the example values ({where}), which are not part of the model")


def _undefined_check(eq: Equation, family: list, twins: list, undefined: list, budget: float,
                     layout: str = "") -> GraphOutcome:
    """A claim that reaches a node the notes never define holds only if it holds however that node is computed
    (on the generic twins); otherwise it is uninterpretable, naming the node. Other claims: ``_family_check``."""
    reached = involved(eq, family[0], undefined) if twins else []
    if not reached:
        return _family_check(eq, family, budget, layout)
    out = _family_check(eq, twins, budget, layout)
    names = undefined_words(reached)
    if out.status == "holds":
        out.reason += f" (however the notes compute {names}, which they never define)"
        return out
    return GraphOutcome("uninterpretable", f"{to_latex(eq)}: the claim depends on {names}, which the notes name but "
                        f"never define, so they never say how it is computed")


def _family_check(eq: Equation, family: list, budget: float, layout: str = "") -> GraphOutcome:
    """The verdict on every model of the family: holds only if it holds on each, else the first other verdict."""
    outs = [_check(eq, m, budget / len(family), layout) for m in family]
    for o in outs:
        if o.status != "holds":
            if o.status == "refuted":
                _diagnose(eq, family, o, budget, layout)
            return o
    return outs[0]


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
    if all(_check(fixed, m, budget / len(family), layout).status == "holds" for m in family):
        outcome.reason = (f"the left side differentiates {to_latex(left.num)}, not {inner.num.base}"
                          f"({to_latex(left.den)}): {to_latex(fixed)} holds; " + outcome.reason)


def _check(eq: Equation, model: Model, budget: float, layout: str = "") -> GraphOutcome:
    try:
        if is_update(eq):
            return check_update(eq, model)
        return check_graph(eq, model, budget, layout)
    except GraphUninterpretable as exc:
        return GraphOutcome("uninterpretable", str(exc))


def _notes_layout(outcomes: dict) -> tuple:
    """The evidence of the notes' own layout: for each claim that fits in one layout only, the layouts it is
    consistent with (``GraphOutcome.consistent_layouts``); ``check_graph`` weighs it among the layouts a claim fits."""
    return tuple(frozenset(c) for _, results in outcomes.values() for r in results
                 if (c := r.consistent_layouts()))


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


def _model(defs, all_eqs, hints, claims, start: int = 0, sigma=None):
    """(model, error, repaired pieces): the model of the definitions, a cycle repaired if one exchange does it."""
    plain = [(line, eq) for line, eq, _ in defs]
    sizes = {"start": start}
    try:
        first = build(plain, all_eqs, hints, sizes=sizes, sigma=sigma)
        return build(plain, all_eqs, hints, _differentiated(claims, first), sizes, sigma), "", []
    except GraphUninterpretable as exc:  # a definition with no meaning in the model (\sum_w w^2): not a contradiction
        return None, UNINTERPRETABLE + str(exc), []
    except GraphError as exc:
        if "circle" not in str(exc):
            return None, str(exc), []
        error = str(exc)
    tried = set()
    for line, eq, piece in defs:
        if line in tried or _exchange(eq) is None:
            continue
        tried.add(line)
        trial = [(ln, _exchange(e) if ln == line and _exchange(e) is not None else e) for ln, e, _ in defs]
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
        return model, "", [p for ln, e, p in defs if ln == line and p is not None and _exchange(e) is not None]
    return None, error, []


def _exchange(eq: Equation):
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


__all__ = ["GraphNotes", "clean", "graph_notes", "hints_and_prose", "GraphError", "Misfit"]


# -- into the notes' report -------------------------------------------------------------------------


def apply_graph(report, text: str, notation_name: str, budget: float = 30.0, activation: str | None = None):
    """Give the notes' formulas that the layered reading cannot read (or every formula, for the row-vector
    profile) their verdict in the notes' own terms; definitions of the model go to the definitions (σ's too, when
    it is read: ``graphsigma``); ``activation`` is the one given on the command line (None: not given)."""
    formulas = sorted([r.formula for r in report.rows] + list(report.skipped), key=lambda f: f.line)
    g = graph_notes(formulas, text, budget, activation)
    report.graph = g
    if g.model is None and not g.error:
        return report
    rows, skipped = [], list(report.skipped)
    everything = notation_name == "rowvector"
    if g.model is None and g.error and everything and not g.error.startswith(UNINTERPRETABLE) and any(_graph_form(r.formula.text) for r in report.rows):
        raise GraphError(f"{report.path}: the notes' definitions contradict each other: {g.error}")
    # in a layered profile the graph reading is a fallback: its failure leaves those formulas uninterpretable
    # with the reason (below) instead of stopping the whole run (C = 1/n Σ_x C_x is not a vector C)
    for row in report.rows:
        f, layered = row.formula, row.result
        key = id(f)
        open_ = everything or layered.status in ("unreadable", "uninterpretable")
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
        if key in g.values and open_:
            skipped.append(_as_kind(f, "definition", g.values[key]))
            continue
        if key in g.definitions and open_:
            skipped.append(_as_kind(f, "definition", "a definition in the notes' own terms (the model: "
                                    + "; ".join(g.model.lines()) + ")"))
            continue
        if key in g.refuted_definitions and open_:
            rows.append(type(row)(f, Verification(formula=f.text, status="refuted", verdict="refuted",
                                                  reason=g.refuted_definitions[key], notation=notation_name)))
            continue
        piece = g.pieces.get(key)
        if piece is not None and piece.error and everything:
            rows.append(type(row)(f, Verification(formula=f.text, status="unreadable", verdict="undecided",
                                                  reason=piece.error, notation=notation_name)))
            continue
        if key in g.results and open_:
            p, results = g.results[key]
            rows.append(type(row)(f, _verification(f, p, results, g, notation_name)))
            continue
        rows.append(row)
    report.rows, report.skipped = rows, skipped
    return report


def _graph_form(text: str) -> bool:
    return not has_layers(text)


def _as_kind(f: Formula, kind: str, reason: str) -> Formula:
    d = {name: getattr(f, name) for name in f.__dataclass_fields__}
    d.update(kind=kind, reason=reason)
    return Formula(**d)


_ORDER = ("refuted", "undecided", "ambiguous", "uninterpretable", "holds")


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
    verdict = {"holds": "proved", "refuted": "refuted"}.get(status, "undecided")
    removed = tuple(p.removed)
    if removed:
        reason += " (not part of the claim: " + "; ".join(removed) + ")"
    return Verification(formula=f.text, status=status, verdict=verdict, reason=reason, notation=notation_name,
                        instances=sum(r.instances for r in results), counterexample=cx,
                        interpretation={"words": words, "latex": " ; ".join(p.texts), "layout": _layout_words(results)})


def _layout_words(results: list) -> str:
    names = sorted({r.layout for r in results if r.layout})
    if not names:
        return "no vector derivative: the layout does not matter"
    if names == ["both"]:
        return "the same in the denominator and the numerator layout"
    return " and ".join(f"{n.replace('+', ' and ')} layout" for n in names if n != "both") + " (" + "; ".join(
        r.reason for r in results if r.layout and r.layout != "both") + ")"
