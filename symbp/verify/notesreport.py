r"""The report of a run over whole notes: its rows, the account of every formula, the exit code, the Markdown.

Every formula found ends in exactly one bucket of the account: judged (holds, refuted), undecided,
uninterpretable, definition, prose, not shown (a TeX branch not typeset: ``conditionals``), unreadable
(``NotesReport.account_line``). The exit code
(``NotesReport.exit_code``): 1 if any claim is refuted, else 3 if any is undecided (or the notes state claims and
none was judged), else 0; unreadable and uninterpretable formulas fail the run only with ``strict=True`` (then 2).

>>> NotesReport("notes.md").account_line(), NotesReport("notes.md").exit_code
('found no formulas', 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..notation import Notation
from .definition_kinds import forward_kind
from .extract import Formula
from .infer import Inferred
from .model import Model, definition_text
from .verification import Verification


#: The order of the buckets in the account line.
ACCOUNT_ORDER = ("judged", "undecided", "uninterpretable", "definition", "prose", "not shown", "unreadable")
_PLURAL = {"definition": "definitions"}


@dataclass(frozen=True)
class Row:
    formula: Formula
    result: Verification


@dataclass
class NotesReport:
    """Every formula of a set of notes: ``rows`` were checked, ``skipped`` are definitions and prose."""

    path: str
    rows: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # Formula objects of the buckets 'definition', 'prose', 'not shown'
    kind: str = "markdown"
    strict: bool = False
    graph: object = None  # the notes' own model (graphnotes.GraphNotes), when they define quantities of their own
    notation: "Notation | None" = None
    inferred: "Inferred | None" = None  # with notation "auto": the profile chosen and its evidence
    parts: tuple = ()  # parts of the notes read in their own weight convention (``sections``), one line each
    model: Model = field(default_factory=Model)  # the notes' own definitions: cost, activation, …
    layout: str = ""  # the layout the notes declare in words, and where (``layeredlayout``); '' if none

    def header(self) -> list[str]:
        """What the formulas were read as: the notation (with its evidence when inferred) and the notes' model."""
        out = self.inferred.lines() if self.inferred else ([f"notation: {self.notation.name}"] if self.notation else [])
        out += list(self.parts)
        if self.layout:
            out.append(self.layout)
        defs = self.model.lines()
        if defs:
            out += ["model from the notes' definitions:"] + [f"  {d}" for d in defs]
        return out

    @property
    def exit_code(self) -> int:
        # Refuted first, then undecided (a conditional verdict that no fixed network meets included).
        codes = {r.result.exit_code for r in self.rows}
        if 1 in codes:
            return 1
        if 3 in codes:
            return 3
        if self.strict and 2 in codes:
            return 2
        if self.claimed_any() and not self.judged_any():
            return 3  # claims, none of them judged: a run that checked nothing is not a pass
        return 0

    def judged_any(self) -> bool:
        """Whether some claim got a verdict (holds, refuted, conditional) or was checked and left undecided. A
        definition the notes' model was built from (a^L = softmax(z^L), σ(z) = 1/(1 + e^{−z})) holds by that
        construction and judges nothing of the notes' claims (review 20: notes whose one claim was uninterpretable
        exited 0 on their softmax definition)."""
        return any(bucket(r.result) in ("judged", "undecided") and not self._builds_model(r) for r in self.rows)

    def _builds_model(self, row) -> bool:
        """Is ``row`` a definition that holds because the model was built from it: the cost, σ, a softmax output, or
        the forward pass (z^l = w^l a^{l-1} + b^l, a^l = σ(z^l): the notation is inferred from it; review 22 X1)?"""
        if row.result.status != "holds":
            return False
        # as the model read it: C_x = ½‖y(x) − a^{x,L}‖² is kept with its labels taken off (review rv48 C3)
        read = definition_text(row.formula.text, self.notation).strip() if self.notation else None
        if any(d.line in row.formula.lines and d.text.strip() in (row.formula.text.strip(), read)
               for d in (self.model.definitions if self.model else ())):
            return True
        return self.notation is not None and forward_kind(row.formula.text, self.notation) in ("z", "a")

    def claimed_any(self) -> bool:
        """Whether the notes state something besides the definitions their model is built from."""
        return any(not self._builds_model(r) for r in self.rows)

    def counts(self) -> dict:
        """Statuses of the checked rows (holds, refuted, undecided, unreadable, uninterpretable, …)."""
        out: dict[str, int] = {}
        for r in self.rows:
            out[r.result.status] = out.get(r.result.status, 0) + 1
        return out

    def account(self) -> dict:
        """Every formula found in exactly one bucket: judged, undecided, uninterpretable, definition, prose, not shown,
        unreadable."""
        out = dict.fromkeys(ACCOUNT_ORDER, 0)
        for r in self.rows:
            out[bucket(r.result)] += 1
        for f in self.skipped:
            out[f.kind] += 1
        return out

    def account_line(self) -> str:
        """'found 69 formulas: 58 judged (50 holds, 8 refuted), 6 definitions, 5 unreadable'."""
        acc = self.account()
        total = sum(acc.values())
        if total == 0:
            return "found no formulas"
        judged = {s: n for s, n in sorted(self.counts().items()) if bucket_of_status(s) == "judged"}
        parts = []
        for name in ACCOUNT_ORDER:
            n = acc[name]
            if not n:
                continue
            word = _PLURAL.get(name, name) if n != 1 else name
            text = f"{n} {word}"
            if name == "judged" and judged:
                text += " (" + ", ".join(f"{k} {s}" for s, k in judged.items()) + ")"
            parts.append(text)
        line = f"found {total} formula{'s' if total != 1 else ''}: " + ", ".join(parts)
        if self.claimed_any() and not self.judged_any():
            line += ("; nothing was judged" if not acc["judged"] else
                     "; no claim was judged beyond the definitions the model is built from")
        return line


def bucket_of_status(status: str) -> str:
    if status in ("holds", "refuted", "conditional"):
        return "judged"
    if status in ("unreadable", "uninterpretable"):
        return status
    return "undecided"


def bucket(result: Verification) -> str:
    return bucket_of_status(result.status)


def _cell(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def _where(f: Formula) -> str:
    lines = ", ".join(str(x) for x in f.lines[:6]) + (" …" if len(f.lines) > 6 else "")
    return (f"cell {f.cell}: " if f.cell is not None else "") + lines


def to_markdown(report: NotesReport, title: str | None = None) -> str:
    """The report as Markdown: the account, then one row per checked formula (the text checked beside the
    source when they differ), then the definitions and prose that were not checked."""
    lines = [
        f"## {title or report.path}",
        "",
        f"{report.account_line()[0].upper()}{report.account_line()[1:]}.",
        "",
        *([_cell(h) + "  " for h in report.header()] + [""] if report.header() else []),
        "| line | formula | verdict | diagnosis / reason |",
        "|---|---|---|---|",
    ]
    for row in report.rows:
        f, r = row.formula, row.result
        verdict = r.status + (f" ({r.identity})" if r.identity else "") + (f" ({r.condition})" if r.condition else "")
        why = r.diagnosis and f"**{r.diagnosis}**; corrected: `{r.corrected}`" or ""
        if r.remark:
            why = (why + "; " if why else "") + f"**{r.remark}**"
        if r.status != "holds":
            why = (why + "; " if why else "") + r.reason
            if r.counterexample is not None:
                cx = r.counterexample
                why += f"; counterexample: left {cx.lhs[:40]} ≠ right {cx.rhs[:40]}" + (
                    f" ({cx.activation})" if cx.activation else "")
        elif f.negated:  # the notes call the formula false, and it is: why is the point
            why = r.reason
        elif r.instances:
            why = f"exact on {r.instances} instances"
        else:  # holds with no instances to count (an update rule, a difference quotient's limit): what holds, why
            why = r.reason
        if r.status == "holds" and r.interpretation.get("layout"):
            why += f"; {r.interpretation['layout']}"  # notes in their own terms: the layout of the verdict
        lines.append(f"| {_where(f)} | {_formula_cell(f)} | {verdict} | {_cell(why)} |")
    if report.skipped:
        lines += ["", "Not checked (definitions, math in prose, formulas not typeset):", "",
                  "| line | formula | why |", "|---|---|---|"]
        for f in report.skipped:
            lines.append(f"| {_where(f)} | `{_cell(f.text)}` | {_cell(f.reason)} |")
    return "\n".join(lines) + "\n"


def _formula_cell(f: Formula) -> str:
    text = f"`{_cell(f.text)}`"
    if f.source and " ".join(f.source.split()) != " ".join(f.text.split()):
        text += f" (checked) from `{_cell(f.source)}` (as written)"
    if f.removed:
        text += " (not part of the claim: " + "; ".join(f"`{_cell(x)}`" for x in f.removed) + ")"
    if f.repaired:
        text += " (repaired extraction damage)"
    return text


__all__ = ["ACCOUNT_ORDER", "NotesReport", "Row", "bucket", "bucket_of_status", "to_markdown"]
