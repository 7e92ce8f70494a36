r"""A value written as a claim's own condition in its display: ``\frac{\partial h_1}{\partial x_2} = 0 \quad
\text{when } w_{21} = 0``.

The condition restricts that one claim, as ``\quad \text{for } l = L`` restricts a
claim about layers: the claim is checked on the notes' model with the value put
in (an input or a parameter, a leaf of the graph), and its verdict is its own,
neither conditional (it states its condition) nor "holds only at the example
values" (the value is not an example of the prose). The value never enters the
model the notes' other claims are checked on. A condition that does not fit the
model (a value for a quantity the notes compute) leaves the claim
uninterpretable, naming it. A condition that is not one value (``w_{21} = 0
\text{ or } x_1 = 5``, a list) is unreadable with that reason, never cut into a
claim and a value. A value after other words in the display (``\text{at }
w_{11} = 0``: neither a condition, an example nor an assumption,
``graphexamples.display_words``) leaves a claim of that display that holds with
the value, and not for every value, uninterpretable (``unsaid``).

>>> own_condition(r"\frac{\partial h_1}{\partial x_2} = 0 \quad \text{when } w_{21} = 0")
('\\frac{\\partial h_1}{\\partial x_2} = 0', 'w_{21} = 0')
>>> own_condition(r"g = x W + b")
('g = x W + b', None)
"""

from __future__ import annotations

import re

from .graphcheck import GraphOutcome
from .graphexamples import by_tied, display_words, is_given, ties, words_before
from .graphnodes import Sym, to_latex, walk
from .lexer import ReadError

#: ``, \quad \text{when } NAME = value`` at the end of a claim (when, whenever, if, for, provided; pro, když,
#: pokud, если, при, для, dla, gdy, jeśli), the value one equation of a name.
_LEAD = (r"\s*,?\s*(?:\\q?quad(?![A-Za-z])|\\[,;: ]|\s)*\\(?:text|textrm|mbox|textnormal)\s*\{\s*,?\s*"
         r"(?:when|whenever|if|for|provided(?: that)?|pro|když|pokud|если|при|для|dla|gdy|jeśli|jeżeli)\s*\}")
_CONDITION = re.compile(_LEAD + r"\s*(?P<cond>[^=<>]+=[^=<>]+?)\s*[.,;]?\s*$", re.I)
#: The words of a condition followed by more than one value (parts joined by "or", "and", a list, a claim after it).
_ANY_CONDITION = re.compile(_LEAD + r"\s*(?P<cond>[^=<>]+=.*?)\s*[.,;]?\s*$", re.I)


def own_condition(text: str) -> tuple:
    """(the claim, the text of the value it is stated under) when ``text`` ends with a value condition, else
    (``text``, None). The conditions of a case split (a ``cases`` environment: "… & if i = j") are its own."""
    if "\\begin{cases}" in text:
        return text, None
    m = _CONDITION.search(text)
    if m is None or "=" not in text[:m.start()]:
        several = _ANY_CONDITION.search(text)
        if several is not None and "=" in text[:several.start()]:
            raise ReadError(f"the condition '{' '.join(several.group('cond').split())}' after the claim is not one "
                            "value given to one name (parts joined by 'or' or 'and', a list, or a claim written after "
                            "the condition): it is not read, and the display is not cut into a claim and a value; "
                            "write one value per condition, and each claim in a display of its own")
        return text, None
    return text[:m.start()].rstrip(), m.group("cond").strip()


def under_own(check, conditions: dict, checker_with):
    """``check`` (eq, budget, layout) with the claims of ``conditions`` (id(eq) -> (line, condition equation))
    checked under their own condition; ``checker_with(values)`` gives (model, error, repaired, check) of the notes'
    definitions with ``values`` [(line, eq, piece)] put in."""
    made: dict = {}

    def checked(eq, budget: float, layout: str = "") -> GraphOutcome:
        if id(eq) not in conditions:
            return check(eq, budget, layout)
        line, cond = conditions[id(eq)]
        shown = to_latex(cond)
        on_indices = index_condition(eq, cond)
        if on_indices:
            return GraphOutcome("uninterpretable", f"the claim is stated under the condition {shown}, a condition on "
                                f"its index letters ({on_indices}), which symbp does not read as a value: the claim is not "
                                "checked under it (write the claim for the entries it is about, e.g. w_{11})")
        if not is_given(cond):
            return GraphOutcome("uninterpretable", f"the claim is stated under the condition {shown}, which is not a "
                                "value given to an input or a parameter; the claim is not checked under it")
        if shown not in made:
            _, error, _, under = checker_with([(line, cond, None)])
            made[shown] = (under, error)
        under, error = made[shown]
        if under is None:
            return GraphOutcome("uninterpretable", f"the claim is stated under the condition {shown}, which does not "
                                f"fit the notes' model ({error or 'the model cannot be built with it'}); the claim is "
                                "not checked under it")
        r = under(eq, budget, layout)
        r.reason += f" (checked under the claim's own condition {shown})"
        return r

    return checked


def index_condition(eq, cond) -> str:
    r"""The index letters of the claim ``eq`` that its condition ``cond`` names (``\text{when } j = k`` beside
    w_{jk}), joined by ", "; empty when the condition names none. Such a condition restricts which entries the
    claim is about, not the value of a leaf: putting it in the model as a value of a node j left every pair
    (j, k) checked, and a claim true on the diagonal refuted at j = 1, k = 2 (review 31 F1).

    >>> from symbp.verify.graphread import read_graph as r
    >>> index_condition(r(r"\frac{\partial L}{\partial w_{jk}} = x_k \frac{\partial L}{\partial g_j}"), r("j = k"))
    'j, k'
    >>> index_condition(r(r"\frac{\partial h_1}{\partial x_2} = 0"), r("w_{21} = 0"))
    ''
    """
    letters = {ch for n in walk(eq) if isinstance(n, Sym) for part in n.sub for ch in part if ch.isalpha()}
    named = [n.base for n in walk(cond) if isinstance(n, Sym) and not n.sub and n.base in letters]
    return ", ".join(dict.fromkeys(named))


def unsaid_values(values: list) -> dict:
    """(line, display as written) -> (why, the value): a value written in a claim's display after words that make it
    neither a condition of the claim (when, if, for), an example nor an assumption (``A = 0 \\quad \\text{at }
    w_{11} = 0``). Whether the claim is meant under the value is not said (``unsaid``)."""
    out = {}
    for value in values:
        _, eq, p = value
        f = p.formula if p is not None else None
        if f is None or not f.display or not f.source or len(set((f.line,) + tuple(f.lines))) != 1:
            continue
        if display_words(f.source, f.text) == "neither":
            words = " ".join(words_before(f.source, f.text).split())
            out[(f.line, f.source)] = (f"its display gives {to_latex(eq)} after the words '{words}', which make it "
                                       "neither a condition of the claim (when, if, for), an example nor an "
                                       "assumption, and the claim holds with that value but not for every value: "
                                       "which is meant is not said, so it is not judged (write \\text{when } before "
                                       "a condition, or the value in a sentence of its own)", value)
    return out


def unsaid(results: list, eqs: list, why: str, under) -> list:
    """The verdicts ``results`` on the claims ``eqs`` of a display with an unsaid value (``unsaid_values``): a claim
    refuted for every value that holds with the value put in (``under(eq)``, its check there) is uninterpretable with
    ``why``; one that holds for every value, or fails with the value too, keeps its verdict (both readings agree)."""
    out = []
    for r, eq in zip(results, eqs):
        if r.status == "refuted" and under is not None and under(eq).status == "holds":
            r = GraphOutcome("uninterpretable", why)
        out.append(r)
    return out


#: Words that make a value of the prose a condition of what follows it in the sentence: "If $w_{21} = 0$, then $$…$$".
_IF = re.compile(r"\b(?:if|when|whenever|provided|suppose|supposing|assuming|pokud|když|jestliže|kdyby|kdybychom"
                 r"|если|когда|jeśli|jeżeli|gdy|gdyby|gdybyśmy)\b|^\W*(?:had|were)\b"
                 r"|^\W*(?:for\s+(?:an?|any)|pro|для|dla)\s", re.I)  # "For a symmetric matrix, $w_{12} = w_{21}$"
#: The opening of a sentence that goes on from a condition in the sentence before: "Then", "In that case".
_THEN = re.compile(r"^\W*(?:then|in\s+(?:that|this)\s+case|so|hence|thus|pak|potom|тогда|wtedy|wówczas)\b", re.I)


def prose_condition(text: str, claim, examples: list):
    r"""The value of ``examples`` [(line, equation, piece)] the prose makes a condition of the claim ``claim`` (a
    ``Formula``): the value after a condition word earlier in the claim's sentence ("If $w_{21} = 0$, then $$…$$"),
    or in the sentence right before, when the claim's sentence opens with "Then", "In that case"; else None.

    >>> from symbp.verify.extract import Formula
    >>> from symbp.verify.graphread import read_graph
    >>> text = "If $w_{21} = 0$, then\n$$a = b$$\n"
    >>> v = (1, read_graph("w_{21} = 0"), type("P", (), {"formula": Formula(1, "w_{21} = 0", False)})())
    >>> prose_condition(text, Formula(2, "a = b", True), [v]) is v
    True
    """
    from .graphexamples import _locate
    from .sentences import sentence_span

    at = _locate(text, claim.line, claim.source or claim.text) if claim.cell is None else None
    if at is None:
        return None
    opening = text[:at[0]].rstrip()
    # the sentence of a display is found from its $$ (review 31 F2: "If $w_{21} = 0$, then⏎⏎$$…$$" lost its condition)
    start = len(opening) - 2 if opening.endswith("$$") else at[0]
    first, _ = sentence_span(text, start, at[1])
    for value in examples:
        f = value[2].formula if value[2] is not None else None
        where = _locate(text, f.line, f.source or f.text) if f is not None and f.cell is None else None
        if where is None or where[0] >= at[0]:
            continue
        if first <= where[0] and _IF.search(text[first:where[0]]):
            return value
        start, stop = sentence_span(text, where[0], where[1])
        if start <= where[0] and _IF.search(text[start:where[0]]) and not text[stop:first].strip(" \t\n.!?,;:") \
                and _THEN.search(text[first:at[0]]):
            return value
    return None


#: How a claim checked under the values its sentence supposes says so (``unreadwords``: the supposing words are read).
SENTENCE_CONDITION = "its sentence states"


def under_prose_condition(eq, general: GraphOutcome, value, checker_with, budget: float, layout: str) -> GraphOutcome:
    """The verdict on a claim refuted for every value whose sentence states it under ``value`` (``prose_condition``):
    its own verdict with the value put in, as a display's ``\\text{when } w_{21} = 0``."""
    line, cond, _ = value
    shown = to_latex(cond)
    tied = by_tied(eq, ties([value]))
    if tied:  # "If $w_{12} = w_{21}$, then ∂g_1/∂w_{12} = …": whether the derivative follows the tie is not said
        return GraphOutcome("uninterpretable", f"{general.reason}; the claim is stated under the condition {shown} "
                            f"of its sentence (line {line}), which ties {tied} to another entry: whether the "
                            f"derivative by {tied} follows the tie is not said")
    _, error, _, under = checker_with([value])
    if under is None:
        return GraphOutcome("uninterpretable", f"{general.reason}; the claim is stated under the condition {shown} "
                            f"of its sentence (line {line}), which does not fit the notes' model "
                            f"({error or 'the model cannot be built with it'}): not checked under it")
    r = under(eq, budget, layout)
    r.reason += f" (checked under the condition {shown} {SENTENCE_CONDITION}, line {line})"
    return r


__all__ = ["SENTENCE_CONDITION", "index_condition", "own_condition", "prose_condition", "unsaid", "unsaid_values", "under_own", "under_prose_condition"]
