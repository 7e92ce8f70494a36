r"""Certificates: the immutable, JSON-serialisable result of every check.

A certificate says what was checked (identity, network), how (method), what
came out (verdict) and why (steps, counterexample or reason).

>>> c = Certificate(identity="BP3", network={"sizes": [2, 3, 2]}, method="exact",
...                 verdict="proved", instances=9)
>>> Certificate.from_json(c.to_json()) == c
True
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

#: The verdicts of DESIGN.md, strongest first. ``conditional``: holds only under a condition
#: the user did not fix (a depth, say); never counted as holding.
VERDICTS = ("proved-for-all-sizes", "proved", "probably-true", "conditional", "refuted", "undecided")
#: The verdicts that are proofs; ``probably-true`` (a random-point identity test) is not one.
PROOFS = ("proved-for-all-sizes", "proved")

#: How a certificate becomes LaTeX. Typesetting belongs to ``symbp.latex``, a
#: layer above this module, so it registers its writer here (on ``import symbp``)
#: instead of this module importing upward.
LATEX_WRITERS: dict = {}


@dataclass(frozen=True)
class Step:
    """One checked equality of a proof: ``lhs = rhs`` because ``why``.

    ``lhs`` and ``rhs`` are LaTeX strings; ``checked`` says how the equality
    was established (e.g. "difference reduced to 0").
    """

    lhs: str
    rhs: str
    why: str
    checked: str = ""


@dataclass(frozen=True)
class Counterexample:
    """An instance where an identity fails, with an exact point.

    ``point`` maps each quantity (named in Nielsen indexing, e.g. ``w^3_12``)
    to an exact value as a string; ``activation`` says which concrete function
    stood in for a generic σ. ``lhs``/``rhs`` are the two values, exact and
    as decimals; ``oracle`` what the independent oracle (``symbp.oracle``)
    computed there when it confirmed the difference.
    """

    instance: str
    layer: int | None
    indices: tuple
    point: dict
    lhs: str
    rhs: str
    lhs_value: float
    rhs_value: float
    activation: str = ""
    reason: str = ""
    oracle: str = ""  # what the independent oracle computed at the point, when it confirmed the difference


def finite_values(cx: dict) -> dict:
    """A counterexample's dict with ``lhs_value``/``rhs_value`` past a float's range (±inf, NaN) made None: JSON has
    no Infinity, and ``lhs``/``rhs`` keep the number as text (``≈ 1.00e4301``)."""
    for key in ("lhs_value", "rhs_value"):
        if isinstance(cx.get(key), float) and not math.isfinite(cx[key]):
            cx[key] = None
    return cx


@dataclass(frozen=True)
class Certificate:
    identity: str
    network: dict
    method: str
    verdict: str
    instances: int = 0
    seconds: float = 0.0
    statement: str = ""
    source: str = ""
    steps: tuple = ()
    counterexample: Counterexample | None = None
    reason: str = ""
    error_bound: str = ""
    points: int = 0
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        assert self.verdict in VERDICTS, self.verdict

    @property
    def holds(self) -> bool:
        """True for proved, proved-for-all-sizes and probably-true."""
        return self.verdict in ("proved", "proved-for-all-sizes", "probably-true")

    @property
    def is_proof(self) -> bool:
        """True only for proved and proved-for-all-sizes (``probably-true`` is evidence, not a proof)."""
        return self.verdict in PROOFS

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["steps"] = [asdict(s) for s in self.steps]
        if self.counterexample is not None:
            d["counterexample"]["indices"] = list(self.counterexample.indices)
            finite_values(d["counterexample"])
        return d

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, d: dict) -> "Certificate":
        d = dict(d)
        d["steps"] = tuple(Step(**s) for s in d.get("steps", ()))
        cx = d.get("counterexample")
        if cx is not None:
            cx = dict(cx)
            cx["indices"] = tuple(cx["indices"])
            d["counterexample"] = Counterexample(**cx)
        return cls(**d)

    @classmethod
    def from_json(cls, text: str) -> "Certificate":
        return cls.from_dict(json.loads(text))

    def to_latex(self, notation="nielsen") -> str:
        """The certificate as LaTeX in ``notation``: its checked steps, or its verdict.

        The writing is the documents layer's (``symbp.latex.certificate_latex``,
        which registers itself in ``LATEX_WRITERS`` when ``symbp`` is imported).
        """
        return LATEX_WRITERS["certificate"](self, notation)

    def _repr_latex_(self) -> str:
        return self.to_latex()

    def __repr__(self) -> str:
        sizes = self.network.get("sizes")
        return (
            f"Certificate(identity={self.identity!r}, verdict={self.verdict!r}, method={self.method!r}, "
            f"network={sizes}, instances={self.instances})"
        )


#: Background colours of the verdicts in HTML (green holds, red refuted, amber undecided).
VERDICT_COLOURS = {"proved-for-all-sizes": "#1a7f37", "proved": "#1a7f37", "probably-true": "#0969da",
                   "refuted": "#cf222e", "undecided": "#9a6700"}


class Certificates(list):
    r"""A list of certificates (what ``prove_all`` returns) that a notebook shows as a table.

    >>> cs = Certificates([Certificate("BP3", {"sizes": [2, 2]}, "exact", "proved", instances=2)])
    >>> "BP3" in cs._repr_html_() and "proved" in cs._repr_latex_()
    True
    """

    def _repr_html_(self) -> str:
        from html import escape

        from .display.mathml import mathml

        rows = []
        for c in self:
            colour = VERDICT_COLOURS.get(c.verdict, "#6e7781")
            note = c.reason or (c.error_bound if c.verdict == "probably-true" else "")
            cx = c.counterexample
            if cx is not None and cx.lhs and cx.rhs:
                note = (note + "; " if note else "") + f"at {cx.instance}: {cx.lhs_value:.6g} ≠ {cx.rhs_value:.6g}"
            rows.append(
                f"<tr><td>{escape(c.identity)}</td><td>{mathml(c.statement, display=False) if c.statement else ''}</td>"
                f'<td><span style="background:{colour};color:#fff;padding:0 .4em;border-radius:3px">'
                f"{escape(c.verdict)}</span></td><td>{escape(c.method)}</td><td>{c.instances}</td>"
                f"<td>{c.seconds:.3f}</td><td>{escape(note)}</td></tr>"
            )
        head = "".join(f"<th>{h}</th>" for h in ("identity", "statement", "verdict", "method", "instances", "seconds", ""))
        return f"<table><tr>{head}</tr>{''.join(rows)}</table>"

    def _repr_latex_(self) -> str:
        def word(s: str) -> str:
            return s.replace("\\", "").replace("_", r"\_").replace("{", "").replace("}", "")

        rows = [rf"\text{{{word(c.identity)}}} & {c.statement or ''} & \text{{{word(c.verdict)}}}" for c in self]
        return "$$\\begin{array}{lll}\n" + " \\\\\n".join(rows) + "\n\\end{array}$$"
