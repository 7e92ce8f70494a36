r"""Whole notes: verify every formula found in a file, and write the report.

Finding the formulas is ``extract``'s job; each claim is verified on its own
(``verification``). Anything unreadable is reported with its line, and the
run goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SymbpError
from .extract import Formula, extract
from .verification import Verification, verify


@dataclass(frozen=True)
class Row:
    formula: Formula
    result: Verification


@dataclass
class NotesReport:
    path: str
    rows: list = field(default_factory=list)
    skipped: int = 0

    @property
    def exit_code(self) -> int:
        # Refuted first, then undecided (a conditional verdict included), then unreadable.
        codes = {r.result.exit_code for r in self.rows}
        return next((code for code in (1, 3, 2) if code in codes), 0)

    def counts(self) -> dict:
        out: dict[str, int] = {}
        for r in self.rows:
            out[r.result.status] = out.get(r.result.status, 0) + 1
        return out


def verify_notes(path: "str | Path", notation="nielsen", **options) -> NotesReport:
    """Verify every claim in the notes at ``path``; unreadable ones are reported, not fatal."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SymbpError(f"cannot read the notes file {str(path)!r}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise SymbpError(f"the notes file {str(path)!r} is not UTF-8 text (byte {exc.start})") from None
    report = NotesReport(str(path))
    for f in extract(source):
        report.rows.append(Row(f, verify(f.text, notation, **options)))
    return report


def _cell(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def to_markdown(report: NotesReport, title: str | None = None) -> str:
    counts = report.counts()
    lines = [
        f"## {title or report.path}",
        "",
        "Summary: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + f" ({len(report.rows)} claims).",
        "",
        "| line | formula | verdict | diagnosis / reason |",
        "|---|---|---|---|",
    ]
    for row in report.rows:
        f, r = row.formula, row.result
        where = ", ".join(str(x) for x in f.lines[:6]) + (" …" if len(f.lines) > 6 else "")
        verdict = r.status + (f" ({r.identity})" if r.identity else "") + (f" ({r.condition})" if r.condition else "")
        why = r.diagnosis and f"**{r.diagnosis}**; corrected: `{r.corrected}`" or ""
        if r.status != "holds":
            why = (why + "; " if why else "") + r.reason
            if r.counterexample is not None:
                cx = r.counterexample
                why += f"; counterexample: left {cx.lhs[:40]} ≠ right {cx.rhs[:40]}" + (f" ({cx.activation})" if cx.activation else "")
        elif r.instances:
            why = f"exact on {r.instances} instances"
        text = f"`{_cell(f.text)}`" + (" (repaired extraction damage)" if f.repaired else "")
        lines.append(f"| {where} | {text} | {verdict} | {_cell(why)} |")
    return "\n".join(lines) + "\n"
