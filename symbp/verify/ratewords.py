r"""The learning rate's value or sign the notes state, and gradient ascent said in words, for their update rules
(review rv40 A9, rv42).

A step ``w \to w - \eta \frac{\partial C}{\partial w}`` is a step of gradient descent only for η > 0. symbp refutes
a rate ≤ 0 written into a rule (``\cdot(-2)``, ``\cdot 0``: ``steprate``); the notes may set it instead:
"with the learning rate $\eta = -0.1$" (also ``:=``, ``\coloneqq``, ``-10^{-2}``, ``−0.1``), "$\eta < 0$",
"$\eta \le 0$", "$\eta \in (-1, 0)$", "$\eta = 0$", or in words: "a learning rate $\eta$ of −0.1", "a negative
learning rate", "se záporným $\eta$", "с отрицательным $\eta$", "z ujemnym $\eta$". A statement in a "where …"
right after the rule (or after it in its sentence) decides; else the last statement of that rate before the rule
(one in words only from the sentence before the rule's or its own), never one in a sentence that only supposes it
("if $\eta = 0$, …") or rules it out ("$\eta \le 0$ is never used"). A rule that held as a descent step by that
rate is then refuted, "the step goes uphill" (η < 0) or "makes no step" (η = 0). A positive value ("$\eta = 0.1$",
"$\eta = 5 \cdot 10^{-3}$", "$\eta > 0$") changes nothing, nor does advice that says no sign ("$\eta$ as large as
possible").

Review rates3: the rate is whatever letter multiplies the rule's gradient (``\rho`` too: ``ratestated``), statements
are read in displays, chains and Unicode, with more numbers (``ratenumber``) and words (``ratephrases``), and only the
clause that supposes or rules out a value is dropped. A statement no reader reads (``\eta = -\epsilon``, "a learning
rate below the noise floor", a table) leaves a rule that held uninterpretable, the statement named, where a read one
would decide.

A rule whose sentence (or, when its sentence says nothing of descent, the sentence before it or its heading) speaks
of gradient **ascent** or of maximising the cost ("Gradient ascent (we maximise $C$)",
vzestup, maximalizujeme, подъём, максимизируем, wznoszenie, maksymalizujemy), or of descent on the cost's negative
("gradient descent on $-C$"), is not judged as a descent step: uninterpretable, with the words named (the step that
maximises C is w + η ∂C/∂w).

>>> rates("With $\\eta = -0.1$: $$w \\to w - \\eta g$$")
[(5, '\\eta', '=', -0.1, False)]
>>> rates("A negative learning rate: $$w \\to w - \\eta g$$")
[(2, None, '<', 0.0, True)]
>>> rates("If $\\eta = 0$, then nothing moves.")
[]
"""

from __future__ import annotations

import re
from dataclasses import replace

from .graphexamples import _locate
from .ratenumber import MINUS
from .ratephrases import said as said_in
from .ratestated import pieces, plain, rule_rates, statements, symbol
from .sentences import FORMULA, masked, sentences

_MACROS = r"\\(?:eta|alpha|epsilon|varepsilon|gamma|lambda|mu|xi)(?![A-Za-z])"
#: Words of gradient ascent or of maximising (en, cs, ru, pl); descent on the cost's negative ("gradient descent on
#: $-C$", "minimise $-L$") is the same ascent (review rv42).
_ASCENT = re.compile(r"\bascent\b|\bmaximi[sz]\w*|\bvzestup\w*|\bmaximaliz\w*|\bподъ[её]м\w*|\bмаксимиз\w*"
                     r"|\bwznosz\w*|\bmaksymaliz\w*", re.I)
_DESCENT_ON_NEGATIVE = re.compile(r"\b(?:descent|minimi[sz]\w*|sestup\w*|minimaliz\w*|спуск\w*|минимиз\w*|spad\w*)"
                                  r"\s+(?:(?:on|of|for|na|pro|по|для|dla)\s+)?(?:the\s+)?(?:\w+\s+)?"
                                  r"\$\s*" + MINUS + r"\s*\\?[A-Za-z]+[^$]*\$", re.I)
_DESCENT = re.compile(r"\bdescent\b|\bminimi[sz]\w*|\bsestup\w*|\bminimaliz\w*|\bспуск\w*|\bминимиз\w*|\bspad\w*",
                      re.I)
#: A sentence that starts by saying what the rule before it means: "where $\eta = -0.1$" (review rv42: a rate set
#: after its rule was passed over).
_CLOSING = re.compile(r"(?:\s|\$|\\\]|\\end\s*\{[A-Za-z*]+\}|[,.;])*")  # a display's end, then punctuation
_WHERE = re.compile(r"^\s*[,;:]?\s*(?:where|here|with|kde|přičemž|где|здесь|gdzie|przy)\b", re.I)


def _stated(formula: str) -> "tuple[str, str, float] | None":
    """(rate macro, relation, number) of a formula that sets one of the usual rate letters, bounds it or puts it in
    an interval."""
    found = [s for s in statements(formula) if s[1] != "unread" and re.fullmatch(_MACROS, s[0])]
    return found[0] if len(found) == 1 else None


def setting(formula: str) -> str:
    r"""What a formula that sets a learning rate says, as a definition's reason (``\eta = 5 \cdot 10^{-3}``: the
    rate 0.005, which the update rules after it use), or '' for another formula.

    >>> setting(r"\eta = 5 \cdot 10^{-3}")
    'a definition: the learning rate \\eta = 0.005 (positive: the update rules that use it are steps of gradient descent)'
    """
    found = _stated(formula)
    if found is None:
        return ""
    rate, op, v = found
    if op == "in":
        return (f"a definition: the learning rate {rate} in an interval from {v:g} (its sign left open: an update "
                "rule that uses it is a step of gradient descent only for a positive rate)")
    shown = {"<=": "\\le", ">=": "\\ge"}.get(op, op)
    why = _nonpositive(op, v)
    sign = ("not positive: an update rule that subtracts it times the gradient is no step of gradient descent" if why
            else "positive: the update rules that use it are steps of gradient descent" if (op == ">" and v >= 0) or (
                op in ("=", ">=") and v > 0) else "its sign left open")
    return f"a definition: the learning rate {rate} {shown} {v:g} ({sign})"


def rates(text: str) -> list:
    """[(position, rate, relation, value, in words)] for each statement of a rate's value or bound in ``text``
    outside a clause that only supposes it or rules it out; the rate is None for "the learning rate" said in words;
    the relation is ``unread`` (the value: the words) for a statement symbp does not read (``ratephrases``)."""
    out = []
    for a, b in sentences(text):
        sentence = text[a:b]
        ascent = _ascent(sentence) is not None  # "gradient ascent takes a negative rate": said of ascent, not of a rule
        out.extend((a + k, rate, op, v, words) for k, rate, op, v, words in said_in(sentence)
                   if not (words and ascent))
    return sorted(out, key=lambda s: s[0])


def _ascent(sentence: str) -> "str | None":
    """The words of a sentence that speak of gradient ascent, or None."""
    found = _ASCENT.search(masked(sentence)) or _DESCENT_ON_NEGATIVE.search(sentence)
    return found.group(0) if found else None


def said(text: str) -> bool:
    """Do the notes state a rate's value or bound, or speak of gradient ascent (their rules may be judged again)?"""
    return bool(rates(text) or _ASCENT.search(masked(text)) or _DESCENT_ON_NEGATIVE.search(text)
                or any(_ascent(m.group(0)) for m in _HEADING.finditer(text)) or _reassigned(text, len(text), None))


def _nonpositive(op: str, v) -> "str | None":
    """'no step' (η = 0), 'uphill' (η < 0 or η ≤ 0), 'sign open' (η in an interval reaching below 0, η ≈ 0),
    'unread' (a statement symbp does not read) or None (η may be positive)."""
    if op in ("in", "unread"):
        return "sign open" if op == "in" else "unread"
    if op == "≈":
        return "sign open" if v == 0 else "uphill" if v < 0 else None
    if op == "=":
        return "no step" if v == 0 else "uphill" if v < 0 else None
    if op in ("<", "<="):
        return "uphill" if v <= 0 else None
    return None


def _rule_rates(source: str) -> set:
    """The rates of a rule: the letters before its gradient (``ratestated.rule_rates``), else the usual rate letters
    in it."""
    found = rule_rates(source)
    return found or {symbol(m.group(0)) for m in re.finditer(_MACROS, source)}


def _rule_like(text: str) -> bool:
    r"""``W \gets W - \rho \nabla_W L``: a step by a rate letter outside the usual ones (read by the graph notes)."""
    return bool(re.search(r"\\gets|\\leftarrow|\\to(?![A-Za-z])|\\rightarrow|:=|=", text)) and bool(rule_rates(text))


def _for_rule(stated: list, text: str, spans: list, at: "tuple[int, int]", source: str) -> list:
    """The statements of the rate that decide for the rule at ``at``: those after it in its own formula or sentence
    or in a "where …" sentence right after it, else the last one before it (one in words only from the sentence
    before the rule's or the rule's own: "a negative learning rate" is said of what follows it)."""
    start, end = at
    k = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    # "w \to w - \eta g, \quad \eta = -0.1": the rest of the rule's own formula says what it means
    own = next(((m.start(), m.end()) for m in FORMULA.finditer(text) if m.start() <= start < m.end()), (end, end))
    after_from, after_until = min(own[0], end), own[1]
    tail = text[end:spans[k][1]] if k is not None else ""
    tail = masked(tail[_CLOSING.match(tail).end():])  # past the display's closing $$, \] or \end{…}
    filled = [i for i, (a, b) in enumerate(spans) if text[a:b].strip()]  # blank lines are no sentences
    nxt = next((i for i in filled if k is not None and i > k), None)
    if _WHERE.match(tail):
        after_until = max(after_until, spans[k][1])
    elif k is not None and not tail.strip() and nxt is not None and _WHERE.match(masked(text[slice(*spans[nxt])])):
        after_until = spans[nxt][1]
    before = [i for i in filled if k is not None and i < k]
    near = spans[before[-1]][0] if before else spans[k][0] if k is not None else start
    rates = _rule_rates(source)
    bases = {re.sub(r"_.*", "", r) for r in rates}

    def used(rate):  # None is the learning rate said in words: the rule's rate whatever its letter
        return rate is None or rate in rates or rate in bases

    def key(rate):  # "a learning rate less than zero", then "$\eta = 0.5$": the later one decides
        return None if rate is None or len(rates) == 1 else rate

    where = [(rate, op, v) for p, rate, op, v, _ in stated if after_from <= p < after_until and used(rate)]
    if where:
        return where
    last = {}
    for p, rate, op, v, words in stated:
        if p < start and (not words or p >= near) and used(rate):
            last[key(rate)] = (rate, op, v)
    return list(last.values())


_HEADING = re.compile(r"^[ \t]*(?:#{1,6}\s[^\n]*|\\(?:sub)*section\*?\s*\{[^\n]*)$", re.M)


def _ascent_near(text: str, spans: list, start: int) -> "str | None":
    """Ascent said for the rule at ``start``: in its sentence; if that sentence says nothing of descent, in the
    sentence before it or the heading of its section ("We maximise $C$. The step is …", "## Maximising the cost")."""
    k = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    if k is None:
        return None
    own = text[slice(*spans[k])]
    if (found := _ascent(own)) or _DESCENT.search(masked(own)):
        return found
    before = [i for i in range(k) if text[slice(*spans[i])].strip()]
    if before and (found := _ascent(text[slice(*spans[before[-1]])])):
        return found
    heading = [m for m in _HEADING.finditer(text, 0, start)]
    return _ascent(heading[-1].group(0)) if heading else None


def judge(text: str, rows: list, row_type, is_rule) -> list:
    """``rows`` with each update rule that holds as a step of gradient descent refuted when the notes set its rate
    ≤ 0 (before it, or in a "where" after it), and uninterpretable when they speak of gradient ascent for it or
    state something of its rate symbp does not read (see the module)."""
    stated = rates(text)
    spans = sentences(text)
    out = []
    for row in rows:
        f, r = row.formula, row.result
        if r.status != "holds" or "descent" not in r.reason or not (is_rule(f.text) or _rule_like(f.text)):
            out.append(row)
            continue
        at = _locate(text, f.line, f.source or f.text)
        ascent = _ascent_near(text, spans, at[0]) if at is not None else None
        if ascent:
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"the notes speak of gradient ascent here (\u201c{ascent}\u201d): the step that maximises "
                f"the cost adds η times the gradient, and this rule is not judged as the descent step it would "
                f"otherwise be ({r.reason})"))))
            continue
        again = _reassigned(text, at[0], f.source or f.text) if at is not None else ""
        if again:  # "G \gets -G" before "W \gets W - \eta G": the step's G is not the gradient the notes named
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"the notes assign a new value to a name the rule steps by before it (\u201c{again}\u201d): which "
                f"value the rule uses is not read, so the rule is not judged ({r.reason})"))))
            continue
        decide = _for_rule(stated, text, spans, at, f.source or f.text) if at is not None else []
        bad = [(rate, op, v, why) for rate, op, v in decide if (why := _nonpositive(op, v))
               and not (why == "uphill" and _even_power(f.source or f.text, rate))]
        if not bad:
            out.append(row)
            continue
        rate, op, v, why = bad[0]
        if why == "unread":  # "$\eta = -\epsilon$", "a learning rate below the noise floor": read by no reader
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"the notes state something of the learning rate{' ' + rate if rate else ''} that symbp does not "
                f"read (\u201c{v}\u201d, line {text.count(chr(10), 0, _where(stated, v)) + 1}): whether the rate is "
                f"positive, as a step of gradient descent needs, is not known, so the rule is not judged "
                f"({r.reason})"))))
            continue
        if why == "sign open":  # η ∈ (−1, 1): a descent step for some of its rates, uphill for others
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"the notes put the learning rate {rate} {'near 0' if op == '≈' else f'in an interval from {v:g}'}"
                f", so its sign is left open: the rule is a step of gradient descent only for a positive rate, and is "
                f"not judged ({r.reason})"))))
            continue
        shown = {"<=": "\\le", ">=": "\\ge", "≈": "\\approx"}.get(op, op)
        effect = ("makes no step (the parameter stays where it is)" if why == "no step"
                  else "goes uphill (it adds a positive multiple of the gradient: gradient ascent)")
        said_as = (f"set the learning rate {rate} {shown} {v:g}" if rate else "say the learning rate is negative"
                   if (op, v) == ("<", 0.0) else f"set the learning rate to {v:g}" if op == "=" else
                   f"say the learning rate is {'at most' if op == '<=' else 'less than'} {v:g}")
        out.append(row_type(f, replace(r, status="refuted", verdict="refuted", reason=(
            f"the notes {said_as}: with that rate the rule {effect}, "
            f"not a step of gradient descent (read with a positive rate: {r.reason})"))))
    return out


_NAME = r"(?<![\\A-Za-z])[A-Za-z](?:_\{?\w+\}?)?(?![A-Za-z])"


def _reassigned(text: str, start: int, source: "str | None") -> str:
    """A formula before ``start`` that gives a name of the rule's step a new value in terms of itself (``G \\gets
    -G``, ``g := -g``; of any name when ``source`` is None), or ''."""
    rest = re.split(r"\\gets|\\leftarrow|\\to(?![A-Za-z])|\\rightarrow|:=|=", source or "", maxsplit=1)[-1]
    rate = re.search(r"\\[A-Za-z]+", rest)
    names = None if source is None else {re.sub(r"[{}\s]", "", m.group(0))
                                         for m in re.finditer(_NAME, rest[rate.end():] if rate else "")}
    for m in FORMULA.finditer(text, 0, start):
        for _, piece in pieces(plain(m.group(0))):
            a = re.match(r"\s*(" + _NAME + r")\s*(?:\\gets|\\leftarrow|:=|=)(.*)$", piece, re.S)
            if a and (names is None or re.sub(r"[{}\s]", "", a.group(1)) in names) and re.search(
                    r"(?<![\\A-Za-z])" + re.escape(a.group(1).strip()) + r"(?![A-Za-z_])(?!\s*(?:\\left\s*)?\()",
                    a.group(2)) \
                    and not rule_rates(piece):
                return " ".join(piece.split())
    return ""


def _even_power(source: str, rate: "str | None") -> bool:
    r"""Does the rule step by an even power of the rate (``\eta^2``)? Then a negative η still gives a positive rate
    η² and the step is descent (review rates3: refuted "uphill" with η = −0.1)."""
    letters = [rate] if rate else sorted(_rule_rates(source))
    for letter in letters:
        found = re.search(re.escape(letter) + r"(?![A-Za-z])\s*\^\s*\{?\s*(\d+)\s*\}?", source)
        if found and int(found.group(1)) % 2 == 0:
            return True
    return False


def _where(stated: list, value) -> int:
    """The position of the unread statement ``value``."""
    return next((p for p, _, op, v, _ in stated if op == "unread" and v is value), 0)


__all__ = ["judge", "rates", "said", "setting"]
