r"""TeX's conditionals in LaTeX notes: which branch of ``\ifsigmoid … \else … \fi`` is typeset.

``\newif\ifsigmoid`` declares a switch, false until set; ``\sigmoidtrue`` and
``\sigmoidfalse`` set it (``\let\ifsigmoid\iftrue`` too). Where the value at a
conditional is known, only the branch taken is typeset: the other one's
formulas are not checked, and are reported as not shown, with the switch and
the line that set it. Where it is not known (a switch set inside a group or a
macro, one never declared in the notes, a primitive test like ``\ifx`` or
``\ifnum``), neither branch is known to be typeset: the formulas of both are
reported unjudged, with the reason. ``\iftrue`` and ``\iffalse`` are switches
with a fixed value (``\iffalse … \fi`` hides its text; an ``\else`` after it is
typeset).

``read(text)`` gives the notes with every branch not known to be typeset
blanked out (each character but a newline made a space, so lines and
positions stay where they were), the conditionals' own tokens blanked too, and
the branches blanked. A conditional that opens inside a formula is left as
written (the formula is then unreadable, never read shorter).

>>> notes = "\\newif\\ifsig\n\\sigfalse\n\\ifsig\n$$a = 1$$\n\\else\n$$a = 2$$\n\\fi\n"
>>> out = read(notes)
>>> [line.strip() for line in out.text.splitlines()]
['\\newif\\ifsig', '\\sigfalse', '', '', '', '$$a = 2$$', '']
>>> [(b.state, b.reason) for b in out.branches]
[('hidden', 'not typeset: it is in the branch of \\ifsig taken when it is true, and it is false here (\\sigfalse at line 2)')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .conditionreader import PRIMITIVES, _Open, _Reader

#: What a text needs for ``read`` to have anything to do: a conditional, or a definition that may stand for one.
_CUES = ("\\if", "\\If", "\\notbool", "\\nottoggle", "\\newcommand", "\\renewcommand", "\\providecommand",
         "def", "\\let", "\\csname", "environment")


@dataclass(frozen=True)
class Branch:
    """The text of one branch, ``start`` to ``end`` in the notes: 'hidden' (not typeset) or 'unknown'."""

    start: int
    end: int
    state: str
    reason: str


@dataclass
class Conditionals:
    """The notes with the branches not known to be typeset blanked (``text``), and those ``branches``."""

    text: str
    branches: list = field(default_factory=list)


def read(text: str) -> Conditionals:
    """The notes ``text`` with every branch of a conditional not known to be typeset blanked (see the module)."""
    if not any(cue in text for cue in _CUES):  # most notes: nothing to do, not even the scan of their math
        return Conditionals(text)
    return _blanked(text, [o for o in _Reader(text).run() if o.typeset])


def _blanked(text: str, decided: list) -> Conditionals:
    chars = list(text)
    branches: list[Branch] = []
    for o in decided:
        for a, b in o.tokens:
            _blank(chars, a, b)
        if o.kind != "tex":
            for n, ((a, b), state) in enumerate(o.arguments):
                _blank(chars, a, b)
                branches.append(Branch(a, b, state, _argument_reason(o, state)))
            continue
        for n, (a, b) in enumerate(o.branches):
            shown = o.value is not None and n == (0 if o.value else 1)
            if shown:
                continue
            _blank(chars, a, b)
            if o.value is None:
                reason = (f"typeset only if \\{o.name} is {'true' if n == 0 else 'false'}, which symbp cannot tell "
                          f"({o.why}): not judged")
            elif o.name in ("iftrue", "iffalse"):
                reason = (f"not typeset: it is between \\iffalse and its \\{'else' if len(o.branches) > 1 else 'fi'} "
                          "(text TeX skips, like a comment)" if o.value is False
                          else "not typeset: it is in the \\else branch of \\iftrue (text TeX skips)")
            elif n == 0:
                reason = (f"not typeset: it is in the branch of \\{o.name} taken when it is true, and it is false "
                          f"here ({o.why})")
            else:
                reason = (f"not typeset: it is in the \\else branch of \\{o.name}, taken when it is false, and it "
                          f"is true here ({o.why})")
            branches.append(Branch(a, b, "unknown" if o.value is None else "hidden", reason))
    branches.sort(key=lambda br: br.start)
    return Conditionals("".join(chars), branches)


def _argument_reason(o: _Open, state: str) -> str:
    if o.kind == "environment":
        return (f"it is in the environment {o.name}, whose definition (line {o.line}) opens a conditional or a "
                "comment: what it typesets symbp cannot tell, not judged")
    if o.kind == "macro":
        if state == "hidden":
            return (f"not typeset: it is an argument of \\{o.name}, whose definition (line {o.line}) does not use "
                    "it")
        return (f"it is an argument of \\{o.name}, whose definition (line {o.line}) typesets it under a condition "
                "symbp does not evaluate: not judged")
    test = f"{{{o.test}}}" if o.test else ""
    if state == "hidden":
        return (f"not typeset: it is the branch of \\{o.name}{test} (line {o.line}) not taken ({o.why})")
    return (f"typeset only under the test of \\{o.name}{test} (line {o.line}), which symbp cannot tell ({o.why}): "
            "not judged")


def _blank(chars: list, a: int, b: int) -> None:
    for i in range(a, b):
        if chars[i] != "\n":
            chars[i] = " "


def branch_text(text: str, branch: Branch) -> str:
    """``text`` with everything outside ``branch`` blanked: its formulas, at their own lines."""
    chars = list(text)
    _blank(chars, 0, branch.start)
    _blank(chars, branch.end, len(text))
    return "".join(chars)


def reported(text: str, decided: Conditionals, report, on_row=None):
    """``report`` (of ``decided.text``) with the formulas of each branch of ``decided``: a hidden one's not shown
    (not checked, listed with the reason), an unknown one's uninterpretable rows (unjudged, with the reason)."""
    from dataclasses import replace

    from .extract import formulas
    from .notesreport import Row
    from .scan import scan
    from .verification import Verification

    extra = []
    for branch in decided.branches:
        for f in formulas(scan(branch_text(text, branch), "latex")):
            f = replace(f, reason=branch.reason)
            if branch.state == "hidden":
                report.skipped.append(replace(f, kind="not shown"))
            else:
                extra.append(Row(f, Verification(formula=f.text, status="uninterpretable", verdict="undecided",
                                                  reason=branch.reason)))
    if extra:
        report.rows = sorted(report.rows + extra, key=lambda r: (r.formula.cell or 0, r.formula.line))
    for k, row in enumerate(extra):
        if on_row is not None:
            on_row(row, k + 1, len(extra))
    return report


__all__ = ["Branch", "Conditionals", "PRIMITIVES", "branch_text", "read", "reported"]
