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

A rule whose sentence speaks of gradient **ascent** or of maximising the cost ("Gradient ascent (we maximise $C$)",
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
from .sentences import FORMULA, HYPOTHETICAL, masked, sentences

_MACROS = r"\\(?:eta|alpha|epsilon|varepsilon|gamma|lambda|mu|xi)(?![A-Za-z])"
_MINUS = "[-\u2212]"
#: A number as notes write a rate: ``-0.1``, ``−0.1`` (U+2212), ``\frac{1}{2}``, ``-10^{-2}``, ``5 \cdot 10^{-3}``,
#: ``5 \times 10^{-3}``, ``5e-3`` (review rv42: before only ``-0.1`` and ``\frac`` were read, so ``\eta = -10^{-2}``
#: held the rule as a descent step, and ``\eta = 5 \cdot 10^{-3}`` was passed over, leaving an earlier ``\eta = -1``
#: to decide).
_NUMBER = re.compile(
    r"(?P<sign>" + _MINUS + r")?\s*(?:(?:(?P<num>\d+(?:\.\d+)?)(?:[eE](?P<e>" + _MINUS + r"?\d+))?"
    r"|\\[dt]?frac\s*\{\s*(?P<p>\d+)\s*\}\s*\{\s*(?P<q>\d+)\s*\})"
    r"(?:\s*(?:\\cdot|\\times)\s*10\s*\^\s*\{?\s*(?P<x>" + _MINUS + r"?\s*\d+)\s*\}?)?"
    r"|10\s*\^\s*\{?\s*(?P<x2>" + _MINUS + r"?\s*\d+)\s*\}?)")
_OPEN, _CLOSE = r"(?:\\left\s*)?[(\[]", r"(?:\\right\s*)?[)\]]"
#: ``\eta = -0.1``, ``\eta := -0.1``, ``\eta < 0``, ``\eta \le 0``, ``\eta > 0``: a rate set to a number or bounded by
#: one; ``\eta \in (-1, 0)``: put in an interval (its upper end decides the sign).
_STATED = re.compile(r"^\s*(?P<r>" + _MACROS + r")\s*(?:(?P<op>:=|\\coloneqq(?![A-Za-z])|=|<|>"
                     r"|\\le(?:q|qslant)?(?![A-Za-z])|\\ge(?:q|qslant)?(?![A-Za-z]))\s*(?P<v>[^,;]*?)"
                     r"|\\in(?![A-Za-z])\s*" + _OPEN + r"\s*(?P<lo>[^,;]*?)\s*,\s*(?P<hi>[^,;]*?)\s*(?P<end>" + _CLOSE
                     + r"))\s*[.,;]?\s*$")
#: Words of gradient ascent or of maximising (en, cs, ru, pl); descent on the cost's negative ("gradient descent on
#: $-C$", "minimise $-L$") is the same ascent (review rv42).
_ASCENT = re.compile(r"\bascent\b|\bmaximi[sz]\w*|\bvzestup\w*|\bmaximaliz\w*|\bподъ[её]м\w*|\bмаксимиз\w*"
                     r"|\bwznosz\w*|\bmaksymaliz\w*", re.I)
_DESCENT_ON_NEGATIVE = re.compile(r"\b(?:descent|minimi[sz]\w*|sestup\w*|minimaliz\w*|спуск\w*|минимиз\w*|spad\w*)"
                                  r"\s+(?:(?:on|of|for|na|pro|по|для|dla)\s+)?(?:the\s+)?(?:\w+\s+)?"
                                  r"\$\s*" + _MINUS + r"\s*\\?[A-Za-z]+[^$]*\$", re.I)


def _number(v: str) -> "float | None":
    """The value of a number written as in ``_NUMBER``, or None (not a number: ``\\eta = \\eta_0``)."""
    m = _NUMBER.fullmatch(v.strip())
    if m is None:
        return None
    if m.group("x2") is not None:
        value = 10.0 ** int(re.sub(r"\s", "", m.group("x2")).replace("\u2212", "-"))
        return -value if m.group("sign") else value
    value = (float(m.group("num")) if m.group("num") is not None else int(m.group("p")) / int(m.group("q")))
    if m.group("e") is not None:
        value *= 10.0 ** int(m.group("e").replace("\u2212", "-"))
    if m.group("x") is not None:
        value *= 10.0 ** int(re.sub(r"\s", "", m.group("x")).replace("\u2212", "-"))
    return -value if m.group("sign") else value


#: Words that rule a value out rather than state it: a negation, "uphill", "makes no sense" (cs, ru, pl too).
_RULED_OUT = re.compile(r"\b(?:not|never|no|cannot|avoid\w*|uphill|ne|nikdy|není|nemá|не|никогда|нельзя|nie|nigdy)\b"
                        r"|n['’]t\b|\bnie\s+ma\s+sensu|\bnemá\s+smysl|\bне\s+имеет\s+смысла", re.I)
#: The learning rate named in words (en, cs, ru, pl), for "a learning rate $\eta$ of $-0.1$", "a negative learning
#: rate" (review rv42).
_RATE_NOUN = (r"(?:learning\s+rate|step\s+(?:size|length)|rate|rychlost\w*\s+učení|krok\w*\s+učení|скорост\w*\s+обучения"
              r"|шаг\w*\s+обучения|темп\w*\s+обучения|współczynnik\w*\s+uczenia|krok\w*\s+uczenia|tempo\s+uczenia)")
#: "negative", "non-positive" (not "non-negative") and their cs, ru, pl forms.
_NEGATIVE = (r"(?<![-\w])(?:negative|non-?positive|záporn\w*|nekladn\w*|отрицательн\w*|неположительн\w*|ujemn\w*"
             r"|niedodatni\w*)")
#: Prose that states the rate: "a learning rate $\eta$ of $-0.1$", "the learning rate is −0.1" (the number in words
#: or in a formula, ``~`` where ``masked`` hid a formula), "a negative learning rate", "$\eta$ is negative".
_RATE_OF = re.compile(r"\b" + _RATE_NOUN + r"\s*(?P<f>~+\s*)?(?:of|is|equals?|equal\s+to|set\s+to|=|:|je|jest|wynosi"
                      r"|равн\w*|составляет)\s*(?P<n>" + _MINUS + r"\s*\d+(?:\.\d+)?\b|~+)", re.I)
_RATE_NEGATIVE = re.compile(_NEGATIVE + r"\s+(?!of\b)(?:\w+\s+)?(?P<a>" + _RATE_NOUN + r"|~+)"
                            r"|(?P<b>\b" + _RATE_NOUN + r"|~+)\s+(?:(?:is|be|are|was|je|jest|есть|является)\s+"
                            r"(?:(?:strictly|always|chosen|taken|set|here|zde|tu|здесь|tutaj)\s+)?)?" + _NEGATIVE, re.I)
#: A sentence that starts by saying what the rule before it means: "where $\eta = -0.1$" (review rv42: a rate set
#: after its rule was passed over).
_CLOSING = re.compile(r"(?:\s|\$|\\\]|\\end\s*\{[A-Za-z*]+\}|[,.;])*")  # a display's end, then punctuation
_WHERE = re.compile(r"^\s*[,;:]?\s*(?:where|here|with|kde|přičemž|где|здесь|gdzie|przy)\b", re.I)


def _stated(formula: str) -> "tuple[str, str, float] | None":
    """(rate macro, relation, number) of an inline formula that sets a rate, bounds it or puts it in an interval."""
    found = _STATED.match(formula.strip("$").removeprefix("\\(").removesuffix("\\)"))
    if found is None:
        return None
    if found.group("op") is not None:
        v = _number(found.group("v"))
        op = found.group("op")
        op = "=" if op in (":=", "\\coloneqq") else "<=" if op.startswith("\\le") else ">=" if op.startswith(
            "\\ge") else op
        return (found.group("r"), op, v) if v is not None else None
    hi, lo = _number(found.group("hi")), _number(found.group("lo"))
    if hi is None or lo is None:
        return None
    if lo < 0 < hi:  # η ∈ (−1, 1): negative rates allowed, the sign left open (review rates helper, rv42)
        return found.group("r"), "in", lo
    return found.group("r"), "<" if found.group("end").endswith(")") else "<=", hi  # η ∈ (lo, hi): η < hi


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


def _macro(formula: str) -> "str | None":
    """The rate macro a formula is (``$\\eta$``), or None."""
    m = re.fullmatch(r"\s*(" + _MACROS + r")\s*", formula.strip().strip("$").removeprefix("\\(").removesuffix("\\)"))
    return m.group(1) if m else None


def _said_in_words(sentence: str, hidden: str) -> list:
    """[(offset, rate macro or None, relation, number)] for a rate stated in words: None is the learning rate
    whatever its letter."""
    out = []
    for m in _RATE_OF.finditer(hidden):
        rate = _macro(sentence[m.start("f"):m.end("f")]) if m.group("f") else None
        v = _number(sentence[m.start("n"):m.end("n")].strip("$").removeprefix("\\(").removesuffix("\\)"))
        if v is not None and (m.group("f") is None or rate is not None):
            out.append((m.start(), rate, "=", v))
    for m in _RATE_NEGATIVE.finditer(hidden):
        g = "a" if m.group("a") is not None else "b"
        rate = _macro(sentence[m.start(g):m.end(g)]) if m.group(g).startswith("~") else None
        if m.group(g).startswith("~") and rate is None:
            continue  # "negative $g$", "$\\eta = 0.1$ negative": not a rate said to be negative
        out.append((m.start(), rate, "<", 0.0))
    return out


def rates(text: str) -> list:
    """[(position, rate macro, relation, number, in words)] for each statement of a rate's value or bound in ``text``
    outside a sentence that only supposes it; the macro is None for "the learning rate" said in words."""
    out = []
    for a, b in sentences(text):
        sentence = text[a:b]
        hidden = masked(sentence)
        if HYPOTHETICAL.search(hidden) or _RULED_OUT.search(hidden):
            continue  # "if $\eta = 0$", "$\eta \le 0$ is never used", "Skoro $\eta < 0$ nie ma sensu" (review rv41 B4)
        for m in FORMULA.finditer(sentence):
            s = m.group(0)
            if s.startswith(("$$", "\\[", "\\begin")):
                continue
            found = _stated(s)
            if found:
                out.append((a + m.start(), *found, False))
        if _ascent(sentence) is None:  # "gradient ascent takes a negative rate": said of ascent, not of a rule
            out.extend((a + k, rate, op, v, True) for k, rate, op, v in _said_in_words(sentence, hidden))
    return sorted(out, key=lambda s: s[0])


def _ascent(sentence: str) -> "str | None":
    """The words of a sentence that speak of gradient ascent, or None."""
    found = _ASCENT.search(masked(sentence)) or _DESCENT_ON_NEGATIVE.search(sentence)
    return found.group(0) if found else None


def said(text: str) -> bool:
    """Do the notes state a rate's value or bound, or speak of gradient ascent (their rules may be judged again)?"""
    return bool(rates(text) or _ASCENT.search(masked(text)) or _DESCENT_ON_NEGATIVE.search(text))


def _nonpositive(op: str, v: float) -> "str | None":
    """'no step' (η = 0), 'uphill' (η < 0 or η ≤ 0), 'sign open' (η in an interval reaching below 0) or None (η
    may be positive)."""
    if op == "in":
        return "sign open"
    if op == "=":
        return "no step" if v == 0 else "uphill" if v < 0 else None
    if op in ("<", "<="):
        return "uphill" if v <= 0 else None
    return None


def _for_rule(stated: list, text: str, spans: list, at: "tuple[int, int]", source: str) -> list:
    """The statements of the rate that decide for the rule at ``at``: those after it in its own sentence or in a
    "where …" sentence right after it, else the last one of each rate before it (one in words only from the sentence
    before the rule's or the rule's own: "a negative learning rate" is said of what follows it)."""
    start, end = at
    k = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    after_until = end  # "…, where $\eta = -0.1$" in the rule's sentence, or the next sentence opening with "where"
    tail = text[end:spans[k][1]] if k is not None else ""
    tail = masked(tail[_CLOSING.match(tail).end():])  # past the display's closing $$, \] or \end{…}
    if _WHERE.match(tail):
        after_until = spans[k][1]
    elif k is not None and not tail.strip() and k + 1 < len(spans) and _WHERE.match(
            masked(text[spans[k + 1][0]:spans[k + 1][1]])):
        after_until = spans[k + 1][1]
    near = spans[max(k - 1, 0)][0] if k is not None else start

    def used(rate):  # None is the learning rate said in words: the rule's rate whatever its letter
        return re.search((re.escape(rate) if rate else _MACROS) + r"(?![A-Za-z])", source)

    where = [(rate, op, v) for p, rate, op, v, _ in stated if end <= p < after_until and used(rate)]
    if where:
        return where
    last = {}
    for p, rate, op, v, words in stated:
        if p < start and (not words or p >= near) and used(rate):
            last[rate] = (rate, op, v)
    return list(last.values())


def judge(text: str, rows: list, row_type, is_rule) -> list:
    """``rows`` with each update rule that holds as a step of gradient descent refuted when the notes set its rate
    ≤ 0 (before it, or in a "where" after it), and uninterpretable when its sentence speaks of gradient ascent (see the
    module)."""
    stated = rates(text)
    spans = sentences(text)
    out = []
    for row in rows:
        f, r = row.formula, row.result
        if r.status != "holds" or "descent" not in r.reason or not is_rule(f.text):
            out.append(row)
            continue
        at = _locate(text, f.line, f.source or f.text)
        sentence = next((text[a:b] for a, b in spans if at is not None and a <= at[0] < b), "")
        ascent = _ascent(sentence)
        if ascent:
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"its sentence speaks of gradient ascent (\u201c{ascent}\u201d): the step that maximises "
                f"the cost adds η times the gradient, and this rule is not judged as the descent step it would "
                f"otherwise be ({r.reason})"))))
            continue
        decide = _for_rule(stated, text, spans, at, f.source or f.text) if at is not None else []
        bad = [(rate, op, v, why) for rate, op, v in decide if (why := _nonpositive(op, v))]
        if not bad:
            out.append(row)
            continue
        rate, op, v, why = bad[0]
        if why == "sign open":  # η ∈ (−1, 1): a descent step for some of its rates, uphill for others
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"the notes put the learning rate {rate} in an interval from {v:g}, so its sign is left open: the rule "
                f"is a step of gradient descent only for a positive rate, and is not judged ({r.reason})"))))
            continue
        shown = {"<=": "\\le", ">=": "\\ge"}.get(op, op)
        effect = ("makes no step (the parameter stays where it is)" if why == "no step"
                  else "goes uphill (it adds a positive multiple of the gradient: gradient ascent)")
        said_as = (f"set the learning rate {rate} {shown} {v:g}" if rate else "say the learning rate is negative"
                   if (op, v) == ("<", 0.0) else f"set the learning rate {shown} {v:g}")
        out.append(row_type(f, replace(r, status="refuted", verdict="refuted", reason=(
            f"the notes {said_as}: with that rate the rule {effect}, "
            f"not a step of gradient descent (read with a positive rate: {r.reason})"))))
    return out


__all__ = ["judge", "rates", "said", "setting"]
