r"""The learning rate's value or sign the notes state, and gradient ascent said in words, for their update rules
(review rv40 A9).

A step ``w \to w - \eta \frac{\partial C}{\partial w}`` is a step of gradient descent only for η > 0. symbp refutes
a rate ≤ 0 written into a rule (``\cdot(-2)``, ``\cdot 0``: ``steprate``); the notes may set it instead before the
rule: "with the learning rate $\eta = -0.1$", "$\eta < 0$", "$\eta \le 0$", "$\eta = 0$". The last such statement
before the rule (not one in a sentence that only supposes it: "if $\eta = 0$, …") decides: a rule that held as a
descent step by that rate is then refuted, "the step goes uphill" (η < 0) or "makes no step" (η = 0). A positive
value ("$\eta = 0.1$", "$\eta > 0$") changes nothing.

A rule whose sentence speaks of gradient **ascent** or of maximising the cost ("Gradient ascent (we maximise $C$)",
vzestup, maximalizujeme, подъём, максимизируем, wznoszenie, maksymalizujemy) is not judged as a descent step:
uninterpretable, with the words named (the step that maximises C is w + η ∂C/∂w).

>>> rates("With $\\eta = -0.1$: $$w \\to w - \\eta g$$")
[(5, '\\eta', '=', -0.1)]
>>> rates("If $\\eta = 0$, then nothing moves.")
[]
"""

from __future__ import annotations

import re
from dataclasses import replace

from .graphexamples import _locate
from .sentences import FORMULA, HYPOTHETICAL, masked, sentences

_MACROS = r"\\(?:eta|alpha|epsilon|varepsilon|gamma|lambda|mu|xi)(?![A-Za-z])"
#: ``\eta = -0.1``, ``\eta < 0``, ``\eta \le 0``, ``\eta \leq 0``, ``\eta > 0``: a rate set to a number or bounded by one.
_STATED = re.compile(r"^\s*(?P<r>" + _MACROS + r")\s*(?P<op>=|<|>|\\le(?:q|qslant)?(?![A-Za-z])|\\ge(?:q|qslant)?"
                     r"(?![A-Za-z]))\s*(?P<v>-?\s*\d+(?:\.\d+)?|-?\s*\\frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\})\s*[.,;]?\s*$")
#: Words of gradient ascent or of maximising (en, cs, ru, pl).
_ASCENT = re.compile(r"\bascent\b|\bmaximi[sz]\w*|\bvzestup\w*|\bmaximaliz\w*|\bподъ[её]м\w*|\bмаксимиз\w*"
                     r"|\bwznosz\w*|\bmaksymaliz\w*", re.I)


def _number(v: str) -> float:
    v = v.replace(" ", "")
    m = re.fullmatch(r"(-?)\\frac\{(\d+)\}\{(\d+)\}", v)
    if m:
        return (-1 if m.group(1) else 1) * int(m.group(2)) / int(m.group(3))
    return float(v)


#: Words that rule a value out rather than state it: a negation, "uphill", "makes no sense" (cs, ru, pl too).
_RULED_OUT = re.compile(r"\b(?:not|never|no|cannot|avoid\w*|uphill|ne|nikdy|není|nemá|не|никогда|нельзя|nie|nigdy)\b"
                        r"|n['’]t\b|\bnie\s+ma\s+sensu|\bnemá\s+smysl|\bне\s+имеет\s+смысла", re.I)


def rates(text: str) -> list:
    """[(position, rate macro, relation, number)] for each inline statement of a rate's value or bound in ``text``
    outside a sentence that only supposes it."""
    out = []
    for a, b in sentences(text):
        sentence = text[a:b]
        if HYPOTHETICAL.search(masked(sentence)) or _RULED_OUT.search(masked(sentence)):
            continue  # "if $\eta = 0$", "$\eta \le 0$ is never used", "Skoro $\eta < 0$ nie ma sensu" (review rv41 B4)
        for m in FORMULA.finditer(sentence):
            s = m.group(0)
            if s.startswith(("$$", "\\[", "\\begin")):
                continue
            found = _STATED.match(s.strip("$").removeprefix("\\(").removesuffix("\\)"))
            if found:
                op = found.group("op")
                op = "<=" if op.startswith("\\le") else ">=" if op.startswith("\\ge") else op
                out.append((a + m.start(), found.group("r"), op, _number(found.group("v"))))
    return out


def said(text: str) -> bool:
    """Do the notes state a rate's value or bound, or speak of gradient ascent (their rules may be judged again)?"""
    return bool(rates(text) or _ASCENT.search(masked(text)))


def _nonpositive(op: str, v: float) -> "str | None":
    """'no step' (η = 0), 'uphill' (η < 0 or η ≤ 0) or None (η may be positive)."""
    if op == "=":
        return "no step" if v == 0 else "uphill" if v < 0 else None
    if op in ("<", "<="):
        return "uphill" if v <= 0 else None
    return None


def judge(text: str, rows: list, row_type, is_rule) -> list:
    """``rows`` with each update rule that holds as a step of gradient descent refuted when the notes set its rate
    ≤ 0 before it, and uninterpretable when its sentence speaks of gradient ascent (see the module)."""
    stated = rates(text)
    spans = sentences(text)
    out = []
    for row in rows:
        f, r = row.formula, row.result
        if r.status != "holds" or "descent" not in r.reason or not is_rule(f.text):
            out.append(row)
            continue
        at = _locate(text, f.line, f.source or f.text)
        pos = at[0] if at is not None else None
        sentence = next((text[a:b] for a, b in spans if pos is not None and a <= pos < b), "")
        ascent = _ASCENT.search(masked(sentence))
        if ascent:
            out.append(row_type(f, replace(r, status="uninterpretable", verdict="undecided", reason=(
                f"its sentence speaks of gradient ascent (\u201c{ascent.group(0)}\u201d): the step that maximises "
                f"the cost adds η times the gradient, and this rule is not judged as the descent step it would "
                f"otherwise be ({r.reason})"))))
            continue
        source = f.source or f.text
        last = {}
        for p, rate, op, v in stated:
            if pos is not None and p < pos and re.search(re.escape(rate) + r"(?![A-Za-z])", source):
                last[rate] = (p, op, v)
        bad = [(rate, op, v, why) for rate, (p, op, v) in last.items() if (why := _nonpositive(op, v))]
        if not bad:
            out.append(row)
            continue
        rate, op, v, why = bad[0]
        shown = {"<=": "\\le", ">=": "\\ge"}.get(op, op)
        effect = ("makes no step (the parameter stays where it is)" if why == "no step"
                  else "goes uphill (it adds a positive multiple of the gradient: gradient ascent)")
        out.append(row_type(f, replace(r, status="refuted", verdict="refuted", reason=(
            f"the notes set the learning rate {rate} {shown} {v:g} before this rule: with that rate the rule {effect}, "
            f"not a step of gradient descent (read with a positive rate: {r.reason})"))))
    return out


__all__ = ["judge", "rates", "said"]
