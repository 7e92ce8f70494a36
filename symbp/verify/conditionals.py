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

import bisect
import re
from dataclasses import dataclass, field

from .delimiters import _DEFINED_AS, VERBATIM_ENVIRONMENTS, _Lexer, _line, _line_starts
from .scan import _pair

#: TeX's own conditionals (and e-TeX's, pdfTeX's): a test whose value symbp does not work out.
PRIMITIVES = frozenset({
    "if", "ifcat", "ifx", "ifnum", "ifdim", "ifodd", "ifcase", "ifvmode", "ifhmode", "ifmmode", "ifinner", "ifvoid",
    "ifhbox", "ifvbox", "ifeof", "ifdefined", "ifcsname", "iffontchar", "ifincsname", "ifpdfprimitive", "ifabsnum",
    "ifabsdim", "ifpdf", "ifxetex", "ifluatex", "ifPDFTeX", "ifXeTeX", "ifLuaTeX",
})
#: Control words starting with "if" that are not conditionals: ``\iff`` (⟺) and the like.
NOT_CONDITIONALS = frozenset({"iff"})
#: Macros after which ``\ifx…`` is a name being defined, not a conditional that opens.
_DEFINERS = frozenset({"newif", "let", "def", "gdef", "edef", "xdef", "newcommand", "renewcommand",
                       "providecommand", "DeclareRobustCommand"})

_TOKEN = re.compile(r"\\([A-Za-z]+)|\\.|%|[{}]", re.S)


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


@dataclass
class _Open:
    name: str  # the control word, "ifsigmoid"
    value: "bool | None"
    why: str  # what decided the value, or why it is unknown
    typeset: bool  # whether the conditional itself is in typeset text
    tokens: list  # (start, end) of \if…, \else, \or, \fi
    branches: list  # (start, end) of each branch
    start: int  # where the branch being read starts


def read(text: str) -> Conditionals:
    """The notes ``text`` with every branch of a conditional not known to be typeset blanked (see the module)."""
    if "\\if" not in text:  # most notes: nothing to do, not even the scan of their math
        return Conditionals(text)
    starts = _line_starts(text)
    math = _math_spans(text, starts)
    switches: dict[str, tuple] = {}  # the switch's name ("sigmoid") -> (value or None, why)
    stack: list[_Open] = []
    done: list[_Open] = []
    depth = 0
    tokens = list(_tokens(text))
    consumed: set[int] = set()  # the tokens a definition took (\\newif\\ifsigmoid, \\let\\ifsigmoid\\iftrue)
    k = 0
    while k < len(tokens):
        word, a, b = tokens[k]
        k += 1
        if k - 1 in consumed:
            continue
        typeset = all(_taken(o) for o in stack)  # every branch around it is typeset
        unknown = any(o.value is None for o in stack)
        if word == "{":
            depth += 1
        elif word == "}":
            depth = max(0, depth - 1)
        elif word in _DEFINERS:
            j = k + 1 if k + 1 < len(tokens) and tokens[k][0] == "{" else k  # \\newcommand{\\ifdraft}
            if j < len(tokens) and tokens[j][0].startswith("if") and tokens[j][0] not in NOT_CONDITIONALS:
                name = tokens[j][0][2:]
                line = _line(starts, tokens[j][1])
                consumed.add(j)  # a name being defined, not a conditional that opens
                if word == "newif":
                    value, why = False, f"declared by \\newif at line {line}, false until set"
                elif word == "let" and j + 1 < len(tokens) and tokens[j + 1][0] in ("iftrue", "iffalse"):
                    value, why = tokens[j + 1][0] == "iftrue", f"\\let\\if{name}\\{tokens[j + 1][0]} at line {line}"
                    consumed.add(j + 1)
                else:
                    value, why = None, f"\\if{name} is defined by \\{word} at line {line}"
                if typeset or unknown:
                    switches[name] = _set(value, why, typeset, depth, line)
        elif word.endswith(("true", "false")) and (word[:-4] if word.endswith("true") else word[:-5]) in switches:
            name, value = (word[:-4], True) if word.endswith("true") else (word[:-5], False)
            if typeset or unknown:
                switches[name] = _set(value, f"\\{word} at line {_line(starts, a)}", typeset, depth,
                                      _line(starts, a))
        elif word in ("iftrue", "iffalse") and _DEFINED_AS.search(text, max(0, a - 80), a):
            continue  # \def\ifdraft{\iffalse}: the value a definition gives, not a conditional that opens (rv53 F7)
        elif word.startswith("if") and word not in NOT_CONDITIONALS:
            value, why = _value(word, switches, text, b)
            if value == "not a conditional":
                continue
            stack.append(_Open(word, value, why, typeset and not _inside(math, a), [(a, b)], [], b))
        elif word in ("else", "or") and stack:
            top = stack[-1]
            top.branches.append((top.start, a))
            top.tokens.append((a, b))
            top.start = b
        elif word == "fi" and stack:
            top = stack.pop()
            top.branches.append((top.start, a))
            top.tokens.append((a, b))
            done.append(top)
    for top in reversed(stack):  # never closed: its last branch runs to the end
        top.branches.append((top.start, len(text)))
        done.append(top)
    return _blanked(text, [o for o in done if o.typeset])


def _tokens(text: str):
    """(control word or '{', '}', start, end), comments and verbatim environments skipped."""
    i = 0
    while True:
        m = _TOKEN.search(text, i)
        if m is None:
            return
        i = m.end()
        if m.group(0) == "%":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if m.group(0) in "{}":
            yield m.group(0), m.start(), m.end()
            continue
        word = m.group(1)
        if word is None:
            continue
        if word == "begin":
            env = re.compile(r"\s*\{([A-Za-z]+\*?)\}").match(text, i)
            if env and env.group(1) in VERBATIM_ENVIRONMENTS:
                close = text.find(f"\\end{{{env.group(1)}}}", env.end())
                i = len(text) if close < 0 else close + len(env.group(1)) + 6
                continue
        if word in ("verb",) and i < len(text) and text[i] not in " \n":
            close = text.find(text[i], i + 1)
            i = i + 1 if close < 0 else close + 1
            continue
        yield word, m.start(), m.end()


def _set(value, why: str, typeset: bool, depth: int, line: int) -> tuple:
    # A switch set where it may or may not run (in a group or a macro's body, in a branch symbp cannot decide) has
    # no known value after it.
    if not typeset:
        return None, f"it is set at line {line} in a branch whose condition symbp cannot tell"
    if depth > 0:
        return None, f"it is set at line {line} inside braces (a group or a macro's definition)"
    return value, why


def _value(word: str, switches: dict, text: str, end: int) -> tuple:
    if word == "iftrue":
        return True, "\\iftrue"
    if word == "iffalse":
        return False, "\\iffalse"
    if word in PRIMITIVES:
        return None, f"\\{word} is a test of TeX's that symbp does not evaluate"
    name = word[2:]
    if name in switches:
        return switches[name]
    if re.compile(r"\s*[{\[]").match(text, end):  # \ifthenelse{…}{…}{…}, \ifdef{…}: a macro with arguments
        return "not a conditional", ""
    return None, f"\\{word} is not declared with \\newif in these notes"


def _taken(o: _Open) -> bool:
    # the branch being read is typeset: the first of a true switch, the second of a false one
    return o.value is not None and len(o.branches) == (0 if o.value else 1)


def _math_spans(text: str, starts: list) -> list:
    zeros = [0] * len(starts)
    return [(a, b) for a, b, _ in _pair(text, _Lexer(text, "latex", starts, zeros, zeros).events(), starts, None,
                                        zeros)]


def _inside(spans: list, pos: int) -> bool:
    # the spans are in order and do not overlap: the last one starting before pos is the only candidate
    k = bisect.bisect_left(spans, (pos,)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _blanked(text: str, decided: list) -> Conditionals:
    chars = list(text)
    branches: list[Branch] = []
    for o in decided:
        for a, b in o.tokens:
            _blank(chars, a, b)
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
