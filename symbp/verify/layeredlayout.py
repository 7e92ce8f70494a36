r"""The layout layered notes declare (w^l, b^l, z^l, a^l, δ^l, C), applied to their claims (issue 14, item 2).

The words are read once for layered and graph notes alike (``graphownlayout.declared_layouts``: a sentence that
says the notes use one layout; not one in an exercise, an aside, a hypothetical or a denial). From its line on, each
layered claim is read in that layout (``gradlayout``): under the numerator layout ∂C/∂a^l is a row, ∂C/∂w^l has the
shape of (w^l)^T, ∇_a C stays a column unless the notes say every gradient is a row vector, and δ^l is what the
notes define it as (∂C/∂z^l as written: a row; (∂C/∂z^l)^T: a column; no definition, or one entry by entry:
Nielsen's column). An update rule steps a parameter by its gradient in the parameter's shape: under the numerator
layout ``w^l \to w^l - \eta \frac{\partial C}{\partial w^l}`` needs the transpose (``step_shape``).

>>> from symbp.notation import profile
>>> text = "We use the numerator layout throughout.\n\n$$\\delta^l \\equiv \\frac{\\partial C}{\\partial z^l}$$\n"
>>> found = notes_layout(text, [(3, r"\delta^l \equiv \frac{\partial C}{\partial z^l}")], profile("nielsen"))
>>> found.at(3)
GradientLayout(layout='numerator', line=1, gradient_rows=False, delta_row=True, explicit=False, vectors='column')
>>> found.at(1) is None, found.summary()
(False, 'layout: the numerator layout, declared in words on line 1')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import SymbpError
from .definition_kinds import defines_delta
from .gradlayout import GradientLayout, active, transposed
from .graphownlayout import (by_gradients, contradictions, declared_layouts, explicit_lines, first_layout, layout_at,
                             leavings, unsure_layouts)
from .nodes import Nabla, Partial, Quantity, Transpose
from .reader import ReadError, read, read_claim
from .verdicts import Verification, replaced


@dataclass(frozen=True)
class NotesLayout:
    """The layouts the notes declare (``declared``: (line, layout)), the lines where they say every gradient is a
    row vector, and their definitions of δ ((line, how it writes the vector δ^l: ``_delta_orientation``))."""

    declared: tuple = ()
    gradient_rows: tuple = ()
    deltas: tuple = ()
    explicit: tuple = ()  # the lines of the declarations that say which way a gradient points
    unsure: tuple = ()  # (line, layout) the notes may mean from the line on but do not declare (``unsure_layouts``)
    reaching: tuple = ()  # the lines of declarations whose words may reach back ("throughout", "these notes")
    vectors: str = "column"  # the notes' vectors: "row" in row-vector notes (the words of a verdict follow them)
    names: tuple = ("C", "w", "z")  # the notes' cost, weights and weighted input, for the words of a verdict
    contradicts: tuple = ()  # (line, kind) where one line gives a kind of derivative both layouts (``contradictions``)
    leaves: tuple = ()  # (line, layout) where a sentence leaves a layout and names no other (``leavings``)

    def named_at(self, line: int, layout: str) -> str:
        """Why the notes' ``layout`` named on ``line`` is not declared, in words for a verdict."""
        kinds = [kind for at, kind in self.contradicts if at == line]
        left = [layout for at, layout in self.leaves if at == line]
        if left:
            return (f"line {line} leaves the {left[0]} layout and does not say which layout the notes use after it")
        if kinds:
            what = {"jacobian": "Jacobians", "gradient": "gradients"}[kinds[0]]
            return (f"line {line} gives {what} both the numerator and the denominator layout, contradicting "
                    "itself, so it declares neither")
        return f"{_named(layout)} on line {line} is named without being declared, switched to after another, or " \
            "declared after the claim in words that may reach back"

    def at(self, line: int) -> "GradientLayout | None":
        """The layout a claim at ``line`` is read in: the one declared last before it, else None (Nielsen's)."""
        return self._layout(layout_at(list(self.declared), line), line)

    def doubt(self, line: int) -> "GradientLayout | None":
        """The layout the notes may mean at ``line`` besides ``at(line)``: one named (unsure) after the last
        declaration before the line, and other than it; None when there is none."""
        said, last = layout_at(list(self.declared), line), layout_at(list(self.unsure), line)
        if said is None and last is None:
            # "throughout these notes we use the numerator layout" after the claim: it may reach back (review rv32)
            later = [d for d in self.declared if d[0] in self.reaching and d[1] == "numerator"]
            return self._layout(layout_at(later[:1], later[0][0]), line) if later else None
        if last is None or (said is not None and said.line > last.line):
            return None
        # the layouts named on the last such line (both, where a sentence names both), other than the one in force
        # (Nielsen's, the denominator layout, where none is declared)
        others = [d for d in self.unsure if d[0] == last.line and d[1] != (said.layout if said else "denominator")]
        return self._layout(layout_at(others, line), line) if others else None

    def _layout(self, said, line: int) -> "GradientLayout | None":
        if said is None:
            return None
        rows = said.line in self.gradient_rows
        # the definition of δ in force: the last one before the line, else the first (it reaches back)
        before = [how for at, how in self.deltas if at <= line] or [how for _, how in self.deltas[:1]]
        delta_row = bool(before) and before[-1] is not None and (rows or not before[-1][0]) != before[-1][1]
        return GradientLayout(said.layout, said.line, rows, delta_row and said.layout == "numerator",
                              said.line in self.explicit, self.vectors, self.names)

    def reads_delta(self, line: int, text: str, nt) -> bool:
        """Is the definition of δ ``text`` at ``line`` Nielsen's δ in the layout in force there: (∂C/∂z^l)^T under
        the numerator layout (the model, which knows no layout, takes it for a δ of the notes' own)?"""
        said = self.at(line)
        return said is not None and said.layout == "numerator" and transposed_delta(text, nt)

    def summary(self) -> str:
        """The line of the report's header: which layout the notes declare, and where ('' if none)."""
        if not self.declared:  # only a layout other than Nielsen's, named without a declaration, matters
            if self.contradicts:
                return f"layout: none declared ({self.named_at(self.contradicts[0][0], '')})"
            named = [d for d in self.unsure if d[1] == "numerator"]
            return "" if not named else (f"layout: none declared (the numerator layout named on line {named[0][0]} "
                                         "without declaring it as the notes' own)")
        lines = ", ".join(str(line) for line, _ in self.declared)
        named = {layout for _, layout in self.declared}
        if len(named) > 1:  # a switch (``layoutswitch``): each layout from its line on
            said = "; ".join(f"the {layout} layout from line {line}" for line, layout in self.declared)
        elif named == {"mixed"}:
            said = (f"the mixed convention (Jacobians in the numerator layout, gradients in the denominator layout), "
                    f"declared in words from line {self.declared[0][0]}")
        else:
            said = (f"the {self.declared[0][1]} layout, declared in words on line{'s' if len(self.declared) > 1 else ''}"
                    f" {lines}")
        first = self.unsure[0] if self.unsure else None
        unsure = ("" if first is None else f"; {self.named_at(first[0], '')}" if first[0] in dict(self.leaves)
                  else f"; {_named(first[1])} named on line {first[0]} (not declared)")
        return (f"layout: {said}" + (f" (every gradient is a {self._orientation()} vector)" if self.gradient_rows else "")
                + unsure)


    def _orientation(self) -> str:
        # which way the notes say every gradient points: a row in the numerator layout of column-vector notes, a
        # column in their denominator layout ("gradients are columns": not "every gradient is a row vector")
        layout = next((d[1] for d in self.declared if d[0] == self.gradient_rows[0]), "numerator")
        return "row" if (layout == "numerator") == (self.vectors != "row") else "column"


def notes_layout(text: str, formulas: list, nt) -> NotesLayout:
    """The layouts the notes ``text`` declare in words, with ``formulas`` ((line, text) of their definitions and
    claims, not those they deny or suppose) for their definition of δ; ``nt`` is their notation."""
    vectors = nt.vectors if nt.vectors in ("row", "column") else "column"
    declared = tuple(declared_layouts(text, vectors) or first_layout(text, vectors))
    unsure = tuple(unsure_layouts(text, vectors))
    if not declared and not unsure:
        return NotesLayout()
    contradicts = tuple(contradictions(text, vectors))
    leaves = tuple(leavings(text, vectors))
    deltas = tuple((line, _delta_orientation(t, nt)) for line, t in formulas if defines_delta(t, nt))
    lines = text.splitlines()
    reaching = tuple(line for line, _ in declared if line <= len(lines) and _REACHES.search(lines[line - 1])
                     and not _ONWARDS.search(lines[line - 1]))
    return NotesLayout(declared, tuple(by_gradients(text, vectors)), deltas, tuple(explicit_lines(text, vectors)),
                       unsure, reaching, vectors, _names(nt), contradicts, leaves)


def _names(nt) -> tuple:
    # the letters the notes write the cost, the weights and z with (L, W and g in row-vector notes); Nielsen's else
    names = getattr(nt, "names", None) or {}
    return tuple(str(names.get(key) or default) for key, default in (("cost", "C"), ("weight_matrix", "w"),
                                                                      ("z", "z")))


#: Words by which a declaration may be about the claims before it too, and words that start it where it stands.
_REACHES = re.compile(r"\b(?:throughout|these\s+notes|all\s+derivatives|every\s+derivative|celý\w*|všechny|во\s+всех"
                      r"|везде|wszystkie|całym)\b", re.IGNORECASE)
_ONWARDS = re.compile(r"\b(?:from\s+now\s+on|from\s+here|below|hereafter|in\s+what\s+follows|od\s+této\s+chvíle"
                      r"|dále|далее|odtąd|poniżej)\b", re.IGNORECASE)


def doubted(result: Verification, line: int, own: NotesLayout, settings: dict, check) -> Verification:
    """A claim at ``line`` whose verdict differs in a layout the notes may mean there (``NotesLayout.doubt``: named
    as someone else's, asked about, or switched to after another was declared) from the one it was judged in
    (``settings["layout"]``, else Nielsen's): ambiguous, naming both, never holds nor refuted on a reading the words
    do not fix (review rv32). ``check(settings)`` verifies the claim under other settings."""
    unfit = _unfit(result, line, own, settings)
    if unfit is not None:
        return unfit
    other = own.doubt(line)
    if other is None or result.status not in ("holds", "refuted"):
        return result
    second = check({**settings, "layout": other})
    if second.status == result.status or second.status not in ("holds", "refuted"):
        return result
    judged = settings.get("layout")
    first = judged.words(("partial", "nabla", "delta")) if judged is not None else "in Nielsen's (denominator) layout"
    return replaced(result, status="ambiguous", verdict="undecided", diagnosis="", corrected="", identity="",
                    reason=(f"the notes' words leave open which layout this claim is in ("
                            f"{own.named_at(other.line, other.layout)}): {first} it {_said(result.status)} "
                            f"({result.reason}); {other.words(('partial', 'nabla', 'delta'))} it "
                            f"{_said(second.status)} ({second.reason})"))


def _unfit(result: Verification, line: int, own: NotesLayout, settings: dict) -> "Verification | None":
    # a Jacobian claim weighed in each layout for want of a declared one, holding only in those its shapes fit
    # (``jacobianlayout``), where the notes name, without declaring it, a layout its shapes do not fit ("Jacobians
    # use the denominator layout. Gradients use the numerator layout.": ∂z^l/∂a^{l-1} = w^l held; review rv37 A6)
    fits = result.interpretation.get("fits")
    if result.status != "holds" or not fits or settings.get("layout") is not None:
        return None
    named = sorted({(at, layout) for at, layout in own.unsure if at <= line and layout in ("numerator", "denominator")
                    and layout not in fits})
    if not named:
        return None
    at, layout = named[-1]
    why = f" ({own.named_at(at, layout)})" if any(line == at for line, _ in own.contradicts) else ""
    return replaced(result, status="ambiguous", verdict="undecided", diagnosis="", corrected="", identity="",
                    reason=(f"the notes name the {layout} layout on line {at} without declaring it{why}, and this claim's "
                            f"shapes do not fit it (its two sides differ in shape there); {result.reason}"))


def _named(layout: str) -> str:
    return "the mixed convention" if layout == "mixed" else f"the {layout} layout"


def _said(status: str) -> str:
    return "holds" if status == "holds" else f"is {status}"


def weigh(result: Verification, layout: "GradientLayout | None", plain) -> Verification:
    """A claim refuted in the numerator layout the notes name without saying which way a gradient points, that
    holds with gradients as columns (``plain()``: its verdict in Nielsen's reading, the mixed convention's for
    gradients): ambiguous, naming both, never refuted on a reading the words do not fix. Else ``result``."""
    if layout is None or layout.layout != "numerator" or layout.explicit or result.status != "refuted" \
            or not result.interpretation.get("layout"):
        return result
    other = plain()
    if other.status != "holds":
        return result
    shaped = f"gradients as {layout.vectors}s, shaped like the vectors they are by"  # the mixed convention
    return replaced(result, status="ambiguous", verdict="undecided", diagnosis="", corrected="", identity="",
                    reason=(f"the notes declare the numerator layout on line {layout.line} but do not say which way a "
                            f"gradient points, and {shaped} (the mixed convention), may be meant: in the "
                            f"numerator layout it is refuted ({result.reason}); with {layout.vectors}s, as in the "
                            f"denominator layout, it holds ({other.reason})"))


def _delta_orientation(text: str, nt) -> "tuple[bool, bool] | None":
    """How a definition of δ writes the vector δ^l: (by ∇ rather than ∂, transposed); δ^l is then Nielsen's column
    transposed when it is ∂C/∂z^l as written under the numerator layout, or ∇_z C where every gradient is a row.
    None when it is not read, or defines the entries δ^l_j (the vector of them is Nielsen's column)."""
    try:
        eq = read_claim(text, nt).equation
    except (ReadError, SymbpError, ValueError):
        return None
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if not isinstance(lhs, Quantity) or lhs.role != "delta" or lhs.indices:
        return None
    flipped = isinstance(rhs, Transpose)
    rhs = rhs.arg if flipped else rhs
    return (isinstance(rhs, Nabla), flipped) if isinstance(rhs, (Partial, Nabla)) else None


def transposed_delta(text: str, nt) -> bool:
    """Is ``text`` the definition δ^l = (∂C/∂z^l)^T (or (∇_{z^l} C)^T), at δ's own layer and indices? Under the
    numerator layout that is Nielsen's δ, a column, which the model would take for a δ of the notes' own."""
    try:
        eq = read_claim(text, nt).equation
    except (ReadError, SymbpError, ValueError):
        return False
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if len(eq.sides) != 2 or not isinstance(lhs, Quantity) or lhs.role != "delta" or not isinstance(rhs, Transpose):
        return False
    inner = rhs.arg
    num, den = (inner.num, inner.den) if isinstance(inner, Partial) else (inner.of, inner.wrt) if isinstance(
        inner, Nabla) else (None, None)
    return (isinstance(num, Quantity) and num.role == "C" and isinstance(den, Quantity) and den.role == "z"
            and den.layer == lhs.layer and den.indices == lhs.indices)


def step_shape(param: str, nt) -> tuple[str, str]:
    r"""Why a step by ``\frac{\partial C}{\partial P}`` (first) or by ``\nabla_P C`` (second) is not in the shape of
    the parameter ``param`` in the layout in force ('' where it is: Nielsen's, an entry, a gradient that is a
    column). The layout is recorded as used (``gradlayout``) when the parameter is a vector or a matrix.

    >>> from symbp.notation import profile
    >>> from symbp.verify.gradlayout import layout_in_force
    >>> with layout_in_force(GradientLayout("numerator", 2)):
    ...     step_shape("w^l", profile("nielsen"))[0][:60], step_shape("w^l_{jk}", profile("nielsen"))
    ('in the numerator layout the notes declare on line 2 (∂C/∂ of', ('', ''))
    """
    layout = active()
    if layout is None or _entry(param, nt):
        return "", ""
    return tuple(layout.words({kind}) if transposed(kind) else "" for kind in ("partial", "nabla"))


def gradient_claim(cost: str, param: str, nt) -> str:
    r"""The left side of the claim that a step's body is the gradient of ``cost`` by ``param`` in the parameter's
    shape: ∂C/∂P, transposed where the layout in force writes it in the shape of Pᵀ."""
    plain = rf"\frac{{\partial {cost}}}{{\partial {param}}}"
    return rf"\left({plain}\right)^T" if step_shape(param, nt)[0] else plain


def _entry(param: str, nt) -> bool:
    """Is ``param`` one entry (w^l_{jk}, b^l_j) rather than a vector or a matrix? Unread: not known, not one."""
    try:
        q = read(f"{param} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        return False
    return isinstance(q, Quantity) and bool(q.indices)


__all__ = ["NotesLayout", "doubted", "gradient_claim", "notes_layout", "step_shape", "transposed_delta", "weigh"]
