r"""Segments joined into formulas: one formula written across two displays, table cells or a prose condition.

A formula split across two displays (one that starts with an operator, or
follows one that ends with ``=`` or an operator) is joined when only spacing,
punctuation or a short connective stands between; with text between, both
halves are unreadable: half a formula is never judged. A formula set across
the cells of one Markdown table row (``| $\delta^L$ | $= …$ |``) is one
formula; a cell that starts with an operator after a cell that is a formula of
its own may continue it or stand beside it, so neither is judged. An index
condition in prose that opens its sentence ("For $j \neq k$ we get $…$", and
the cs/ru/pl lead words) restricts the inline claim after it, and a second
claim joined by "and"; a lead word under other words ("Except for") is not
taken, since those turn the condition around.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .assignments import LEFT_ARROW
from .claimlinks import links
from .claims import starts_with_operator, trim
from .denials import FALSE_BEFORE
from .rows import LEAD, housekeeping
from .scan import Segment

#: A display that ends with a relation or an operator (``$$a^L_j =$$``, ``$$C = … +$$``): the next display goes on.
_OPEN_END = re.compile(r"(?:=|\\equiv|\\coloneqq|\\triangleq|\+|-|\*|/|\\(?:times|cdot|odot|otimes|oplus|circ|pm|mp|"
                       r"div|ast)(?![A-Za-z]))$")
#: What may stand between two halves of one formula: nothing, punctuation or a short connective in words.
_SHORT_BETWEEN = re.compile(r"[\s,;:]*(?:(?:and|or|then|i\.e\.|that is|so|plus|minus|times)[\s,;:]*)?", re.I)
def joined_segments(segments: list[Segment]) -> list[tuple]:
    """(segment, lines joined into it, why it is unreadable or '') for each segment, after joining each display
    that continues the display before it: one that starts with an operator (``$$\\qquad \\times 2.$$``), or
    follows one that ends with a relation or an operator (``$$a^L_j =$$``). Joined when only spacing, punctuation
    or a short connective stands between; otherwise both halves are unreadable, never judged apart."""
    out: list[list] = []
    condition = None  # the prose condition of the last inline claim: "For $j \neq k$ we get $A$ and $B$" puts it on B
    for seg in segments:
        prev = out[-1] if out else None
        if condition is not None and prev is not None and not prev[2] and _and_then(prev[0], seg):
            out.append([replace(seg, body=f"{seg.body.strip()} \\quad \\text{{for }} {condition.body.strip()}"),
                        (condition.line,) if condition.line != seg.line else (), ""])
            continue
        condition = None
        if prev is not None and not prev[2] and _continues(prev[0], seg):
            a = prev[0]
            if _SHORT_BETWEEN.fullmatch(seg.before or ""):
                gap = seg.body_line - (a.body_line + a.body.count("\n"))
                body = a.body.rstrip() + ("\n" * gap if gap > 0 else " ") + LEAD.sub("", seg.body)
                prev[0] = replace(a, body=body)
                prev[1] = prev[1] + (seg.line,)
                continue
            words = " ".join((seg.before or "").split())[:40]
            prev[2] = (f"the formula goes on in the display at line {seg.line}, with text between ({words}): not "
                       "judged on its first half")
            out.append([seg, (), f"continues the formula at line {a.line} (text between: {words}); not joined"])
            continue
        if prev is not None and not prev[2] and not prev[1] and _prose_condition(prev[0], seg):
            # "For $j \neq 1$ we get $\partial h_j / \partial u_1 = 0$": the claim under the condition the prose puts
            condition = prev[0]
            prev[0] = replace(seg, body=f"{seg.body.strip()} \\quad \\text{{for }} {condition.body.strip()}")
            prev[1] = (condition.line,) if condition.line != seg.line else ()
            continue
        if prev is not None and not prev[2] and _table_cells(prev[0], seg):
            # | $\delta^L$ | $= (a^L - y) \odot \sigma'(z^L)$ |: one formula set in the cells of a table row
            prev[0] = replace(prev[0], body=f"{prev[0].body.rstrip()} {seg.body.strip()}")
            prev[1] = prev[1] + (seg.line,)
            continue
        if prev is not None and not prev[2] and _stranded(prev[0], seg):
            # "$$… = δ$$", a blank line, "$$\\cdot\\,2$$" (or "$…$ $\\times 2$"): not joined, never judged apart
            prev[2] = (f"the formula may go on in the formula at line {seg.line}, which starts with an operator: not "
                       "judged on its first half")
            out.append([seg, (), f"starts with an operator after the formula at line {prev[0].line}; not joined"])
            continue
        out.append([seg, (), ""])
    return [tuple(x) for x in out]


def _continues(a: Segment, b: Segment) -> bool:
    """Does the display ``b`` continue the display ``a`` right before it (same cell, both read)?"""
    if not (a.display and b.display) or a.problem or b.problem or a.cell != b.cell or b.before is None:
        return False
    if re.search(r"\n[ \t]*\n", b.before):
        return False  # a blank line between: another paragraph, not the same formula
    head = LEAD.sub("", b.body).strip()
    tail = trim(" ".join(housekeeping(a.body, a.body_line)[0].split()))
    if _OPEN_END.search(tail):
        return bool(head)
    # "$$-\\nabla C = …$$" with its own relation is an equation of its own (a sign, not an operator on the last side)
    return starts_with_operator(head) and not (head[0] in "+-" and links(head))


#: A relation at the start of a piece of math: it goes on from the piece before it.
LEADING_RELATION = re.compile(r"(?:=|:=|\\equiv|\\coloneqq|\\triangleq)(?![A-Za-z])")


#: An index or layer condition alone in inline math: $j \neq 1$, $l = L$, $l < L$, $2 \le l \le L - 1$,
#: $l = 2, \dots, L$ (an algorithm's loop, also backwards: $l = L-1, \dots, 2$).
_INDEX_CONDITION = re.compile(r"\s*(?:\d\s*\\le(?:q)?\s*)?[ijklmpqst](?:_\{?\d\}?)?\s*(?:=|<|>|\\neq?|\\leq?|\\geq?)"
                              r"\s*[A-Za-z0-9+\-\s]{1,12}(?:\\leq?\s*[A-Za-z0-9+\-\s]{1,8})?"
                              r"(?:\s*,\s*(?:\\[lc]?dots|[A-Za-z0-9+\-\s]{1,8}))*")  # a list: l = L-1, \dots, 2
#: The words that lead a condition in prose ("For $j \neq 1$", "Pro $l = L$", "Если $l < L$", "Dla $j = k$")…
#: The lead word opens its sentence, at most after a connective ("Thus, for"): "Except for" puts it under other words,
#: which turn the condition around, so they are not read; after words that deny ("It is not true that for", "Neplatí,
#: že pro") it is read (``_denied_lead``): the claim under it is what they deny.
_CONDITION_LEAD = re.compile(r"(?:\A|[.!?;:]|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+\.)[ \t])\s*"
                             r"(?:(?:thus|hence|so|then|therefore|also|similarly|now|and|tedy|proto|takže|potom|a|i|"
                             r"тогда|итак|значит|и|więc|zatem|czyli|teraz)\s*,?\s*)?"
                             r"(?:for|if|when|whenever|pro|pokud|když|jestliže|для|если|при|dla|gdy|jeśli|jeżeli|przy)"
                             r"\s*$", re.I)
#: The lead word of a condition at the end of the words before it.
_LEAD_WORD = re.compile(r"(?<!\w)(?:for|if|when|whenever|pro|pokud|když|jestliže|для|если|при|dla|gdy|jeśli|jeżeli|przy)"
                        r"\s*$", re.I)
#: Between two inline claims of one sentence, the second under the same condition: "… $A$ and $B$", "$A$, $B$".
_AND = re.compile(r"[ \t]*(?:,|,?\s*(?:and|a|i|и|oraz|také|also))[ \t]*", re.I)
#: … and the words between it and the claim it restricts ("we get", "platí", "получаем", "mamy").
_CONDITION_THEN = re.compile(r"[\s,:]*(?:(?:then|we\s+(?:get|have|obtain|find)|one\s+(?:gets|has)|it\s+holds(?:\s+that)?|"
                             r"holds|dostaneme|dostáváme|máme|platí|je|получаем|имеем|выполняется|mamy|otrzymujemy|"
                             r"zachodzi|jest)[\s,:]*)*", re.I)


def _prose_condition(a: Segment, b: Segment) -> bool:
    """Is ``a`` an index condition in prose that leads the inline claim ``b`` ("For $j \neq 1$ we get $…$")?"""
    if a.display or b.display or a.problem or b.problem or a.cell != b.cell or a.before is None or b.before is None:
        return False
    if re.search(r"\n[ \t]*\n", b.before) or not _INDEX_CONDITION.fullmatch(a.body):
        return False
    return (_CONDITION_LEAD.search(a.before) is not None or _denied_lead(a.before)) \
        and _CONDITION_THEN.fullmatch(b.before) is not None


def _denied_lead(before: str) -> bool:
    """Does the lead word of a condition follow words that call what comes after false ("It is not true that for
    $l = L$ we have $…$", "Neplatí, že pro …")? The claim under the condition is what they deny: it is read so, and
    ``negation`` reads the words (review guard5: the claim was judged without its condition and without them)."""
    m = _LEAD_WORD.search(before)
    return m is not None and FALSE_BEFORE.search(before, 0, m.start()) is not None


def _and_then(a: Segment, b: Segment) -> bool:
    """Is ``b`` an inline claim right after the inline claim ``a`` in one sentence ("$A$ and $B$")?"""
    if a.display or b.display or b.problem or a.cell != b.cell or b.before is None:
        return False
    return _AND.fullmatch(b.before) is not None and bool(_RELATION_IN.search(b.body) or LEFT_ARROW.search(b.body))


#: An equation's relation anywhere in a piece of math.
_RELATION_IN = re.compile(r"(?<![<>!:=\\])=(?![:=])")


def _table_cells(a: Segment, b: Segment) -> bool:
    """Are ``a`` and ``b`` inline math in neighbouring cells of one Markdown table row (``| $a$ | $= b$ |``), ``b``
    going on from ``a`` (it starts with a relation, or ``a`` ends with a relation or an operator)?"""
    if a.display or b.display or a.problem or b.problem or a.cell != b.cell or b.before is None:
        return False
    if a.line != b.line or not re.fullmatch(r"[ \t]*\|[ \t]*", b.before):
        return False
    head = LEAD.sub("", b.body).strip()
    tail = trim(" ".join(a.body.split()))
    # a cell that starts with an operator after a cell that is a formula of its own ("| $∂C/∂b = 2δ$ | $-δ$ |") may
    # go on from it or stand beside it: not joined, and neither judged (``_stranded``)
    return bool(head) and bool(tail) and (LEADING_RELATION.match(head) is not None or _OPEN_END.search(tail) is not None)


def _stranded(a: Segment, b: Segment) -> bool:
    """Does ``b`` start with an operator right after ``a`` though ``_continues`` does not join them: a display after
    a blank line, or an inline formula after an inline formula with only spaces between?"""
    if a.problem or b.problem or a.cell != b.cell or b.before is None or a.display != b.display:
        return False
    if a.display and not re.fullmatch(r"\s*", b.before):
        return False
    if not a.display and not re.fullmatch(r"[ \t]*(?:\|[ \t]*)?", b.before):  # side by side, or neighbouring cells
        return False
    head = LEAD.sub("", b.body).strip()
    return bool(head) and starts_with_operator(head) and not (head[0] in "+-" and links(head))
