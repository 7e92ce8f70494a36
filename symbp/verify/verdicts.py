r"""What symbp made of one formula: ``Verification``, its exit code and the networks it was checked on.

``verification.verify`` builds one; the notes, the HTML and JUnit reports and the CLI read it.
``STATUS_EXIT`` maps a status to the exit code of ``symbp verify`` (0 holds, 1 refuted,
2 unreadable, 3 undecided), and ``VERDICT_OF`` a status to the certificate's verdict.

>>> v = Verification(formula="x", status="conditional", verdict="conditional", condition="L = 4")
>>> v.exit_code, replaced(v, condition_met=True).exit_code
(3, 0)
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

from ..certificate import Certificate, Counterexample, finite_values

STATUS_EXIT = {"holds": 0, "refuted": 1, "unreadable": 2, "uninterpretable": 2, "undecided": 3, "ambiguous": 3,
               "conditional": 3}


@dataclass(frozen=True)
class Verification:
    """What symbp made of one formula.

    ``checked`` lists every network the formula was checked on, with its
    verdict there, the layer values checked and those outside the formula's
    domain (with the reason). A ``conditional`` formula holds only under
    ``condition`` (say "L = 4"); ``condition_met`` says whether the network the
    user fixed (``sizes``) meets it.
    """

    formula: str
    status: str  # holds | conditional | refuted | undecided | unreadable | uninterpretable
    verdict: str  # one of certificate.VERDICTS
    reason: str = ""
    notation: str = "nielsen"
    family: tuple = ()
    instances: int = 0
    identity: str = ""
    interpretation: dict = field(default_factory=dict)
    counterexample: Counterexample | None = None
    diagnosis: str = ""
    corrected: str = ""
    seconds: float = 0.0
    network: dict = field(default_factory=dict)
    remark: str = ""  # with --notes: a cost or activation given that contradicts the notes' own definition
    condition: str = ""
    condition_met: bool | None = None
    checked: tuple = ()

    @property
    def exit_code(self) -> int:
        """0 holds, 1 refuted, 2 unreadable, 3 undecided; conditional: 0 only on a fixed network meeting it."""
        if self.status == "conditional" and self.condition_met:
            return 0
        return STATUS_EXIT[self.status]

    def checked_text(self) -> str:
        """The networks and layer values checked, one line per network (what the verdict rests on)."""
        return checked_lines(self.checked)

    def certificate(self) -> Certificate:
        """The core's ``Certificate`` of this check (the network field names the family)."""
        return Certificate(
            identity=self.identity or "formula", network={**self.network, "notation": self.notation,
                                                         "family": [list(s) for s in self.family]},
            method="exact", verdict=self.verdict, instances=self.instances, seconds=self.seconds,
            statement=self.formula, source="symbp verify", counterexample=self.counterexample,
            reason=self.reason, details={"status": self.status, "interpretation": dict(self.interpretation),
                                         "diagnosis": self.diagnosis, "corrected": self.corrected,
                                         "condition": self.condition, "condition_met": self.condition_met,
                                         "checked": list(self.checked)},
        )

    def _repr_html_(self) -> str:
        """The verdict, the reading, the counterexample and the corrected formula, typeset (notebooks)."""
        from .html import verification_html

        return verification_html(self)

    def _repr_latex_(self) -> str:
        from .html import verification_latex

        return verification_latex(self)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["family"] = [list(s) for s in self.family]
        d["checked"] = [dict(c) for c in self.checked]
        if self.counterexample is not None:
            d["counterexample"]["indices"] = list(self.counterexample.indices)
            finite_values(d["counterexample"])  # (99999999^8)^8 is past a float: null, never -Infinity in JSON
        return d

VERDICT_OF = {"holds": "proved", "refuted": "refuted", "undecided": "undecided", "conditional": "conditional",
            "uninterpretable": "undecided"}


def checked_lines(checked) -> str:
    """One line per network: its sizes, verdict there, layer values checked and those outside the domain."""
    lines = []
    for c in checked:
        line = f"{c['sizes']} (L = {c['L']}): {c['status']}"
        if c["instances"]:
            line += f", {c['instances']} instance{'s' if c['instances'] != 1 else ''}"
        if c["layers"] and c["layers"] != ["(no layer variable)"]:
            line += f"; {'held at ' if c.get('failed_at') else ''}layers {'; '.join(c['layers'])}"
        if c.get("failed_at") and c["failed_at"] != ["(no layer variable)"]:
            line += f"; failed at {'; '.join(c['failed_at'])}"
        if c["outside"]:
            line += "; outside the formula's domain: " + "; ".join(f"{o['layers']} ({o['reason']})" for o in c["outside"])
        lines.append(line)
    return "\n".join(lines)


def since(start: float) -> float:
    return round(time.perf_counter() - start, 4)


def replaced(v: Verification, **kw) -> Verification:
    d = {f: getattr(v, f) for f in v.__dataclass_fields__}
    d.update(kw)
    return Verification(**d)
