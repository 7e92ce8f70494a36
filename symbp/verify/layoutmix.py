r"""Claims of one set of notes that need different layouts (issue 14, item 2).

Where the notes declare no layout, a claim whose shapes fit one layout only is judged in it (``graphcheck``). Two
such claims may need different layouts: ∂L/∂x = (∂L/∂y)^T W fits only the numerator layout (a row), and
∂L/∂W = ∂L/∂y x^T (W's shape, W not square) only the denominator layout. Each is true in its own layout, and stays
so: the verdict is right about the formula, but the notes are not consistent, and the report says so: every claim
that fits no layout an earlier such claim fits gets a warning naming the earlier line, and ``summary`` gives the
header line. A claim of gradients only and one of Jacobians only may both fit the mixed convention (gradients as
columns, Jacobians by rows): they agree. Claims under a declared layout are judged in it and are left alone; so are
claims that fit several layouts (they follow the notes' own).

``results`` maps a formula to (piece, outcomes) as ``graphnotes`` keeps them; ``declared`` is the declarations'
(line, layout) list.

>>> from types import SimpleNamespace as NS
>>> from symbp.verify.graphcheck import GraphOutcome, LayoutVerdict
>>> def claim(line, layout, other):
...     r = GraphOutcome("holds", f"in the {layout} layout", layout, {layout: LayoutVerdict(layout, "holds"),
...                      other: LayoutVerdict(other, "misfit")}, kinds=("gradient",))
...     return NS(formula=NS(line=line)), [r]
>>> results = {1: claim(7, "denominator", "numerator"), 2: claim(9, "numerator", "denominator")}
>>> warn(results, [])
>>> results[2][1][0].reason[-96:]
'line 7 fits only the denominator layout or the mixed convention, and the notes declare no layout'
>>> summary(results, [])
'layout: none declared, and the claims need different layouts: the denominator layout on line 7; the numerator layout on line 9'
"""

from __future__ import annotations

from dataclasses import replace


def _forced(results: dict, declared: list) -> list:
    """(line, the layouts the claim fits only in, index into results) of each claim judged in one layout its shapes
    force, under no declared layout, ordered by line."""
    first = min((line for line, _ in declared), default=None)
    out = []
    for key, (p, outcomes) in results.items():
        line = p.formula.line
        if first is not None and line >= first:
            continue
        for k, r in enumerate(outcomes):
            fits = r.consistent_layouts() if r.status in ("holds", "refuted") else set()
            if fits:
                out.append((line, frozenset(fits), key, k))
    return sorted(out, key=lambda c: c[0])


def _clashes(results: dict, declared: list) -> list:
    """(claim, the earlier claim it shares no layout with) for each claim that fits no layout an earlier one fits."""
    return _disjoint(_forced(results, declared))


def _disjoint(forced: list) -> list:
    seen, out = [], []
    for c in forced:
        earlier = next((e for e in seen if not (e[1] & c[1])), None)
        if earlier is not None:
            out.append((c, earlier))
        seen.append(c)
    return out


def _words(fits: frozenset) -> str:
    names = [f"the {f} layout" for f in sorted(f for f in fits if f != "mixed")]
    return " or ".join(names + ["the mixed convention"] * ("mixed" in fits))


def warn(results: dict, declared: list) -> None:
    """Append to the reason of each claim that fits no layout an earlier claim fits (see the module docstring) the
    warning that names both; the verdicts stay."""
    for (line, fits, key, k), (before, other, _, _) in _clashes(results, declared):
        p, outcomes = results[key]
        r = outcomes[k]
        outcomes[k] = replace(r, reason=(f"{r.reason}; warning: this claim fits only {_words(fits)}, while the claim "
                                         f"on line {before} fits only {_words(other)}, and the notes declare no "
                                         "layout"))


def summary(results: dict, declared: list) -> str:
    """The header line when claims of the notes need different layouts ('' when they do not)."""
    return _summary(_forced(results, declared))


def _summary(forced: list) -> str:
    if not _disjoint(forced):
        return ""
    by: dict = {}
    for line, fits, _, _ in forced:
        for f in sorted(fits - {"mixed"}) if len(fits - {"mixed"}) == 1 else ():
            by.setdefault(f, []).append(line)
    parts = "; ".join(f"the {f} layout on line{'s' if len(lines) > 1 else ''} {', '.join(map(str, sorted(set(lines))))}"
                      for f, lines in sorted(by.items()))
    return f"layout: none declared, and the claims need different layouts: {parts}"


def _forced_rows(rows: list) -> list:
    # layered claims with a Jacobian weighed in each layout for want of a declared one (``jacobianlayout``): the
    # layouts their shapes fit, where not all do
    return [(row.formula.line, frozenset(row.result.interpretation["fits"]), k, 0) for k, row in enumerate(rows)
            if row.result.status in ("holds", "refuted") and row.result.interpretation.get("fits")]


def warn_rows(rows: list) -> "tuple[list, str]":
    """Layered rows (``notesreport.Row``) as ``warn`` does graph outcomes: (the rows, each that fits no layout an
    earlier one fits warned, naming it; the header line, '' when they agree). The verdicts stay."""
    forced = _forced_rows(rows)
    out = list(rows)
    for (line, fits, k, _), (before, other, _, _) in _disjoint(forced):
        r = out[k].result
        out[k] = replace(out[k], result=replace(r, reason=(
            f"{r.reason}; warning: this claim fits only {_words(fits)}, while the claim on line {before} fits only "
            f"{_words(other)}, and the notes declare no layout")))
    return out, _summary(forced)


__all__ = ["summary", "warn", "warn_rows"]
