r"""The value side of an update rule by its value, not its written shape: *old ± rate · gradient*.

Notes write the same step of gradient descent in several orders and groupings:
``w^l - \eta\nabla C``, ``-\eta\nabla C + w^l``, ``w^l + \eta(-\nabla C)``,
``w^l + (-\eta)\nabla C``. The new value minus the old one is what the rule
claims, so ``canonical`` splits the side into its top-level terms, finds the
one that is a bare parameter (the old value) and folds every sign of the other
term (``-\eta``, ``(-\eta)``, ``(-\nabla C)``) into one, giving the side in
the order ``old sign rate gradient`` that ``updates`` reads and diagnoses.

A rate written as an expression in the learning rate, ``(\eta - 1)``,
``(1 - \eta)``, ``2\eta``, is read too: if it is positive for every learning
rate η > 0 the step is gradient descent with that rate (the reading says so);
otherwise, for some η > 0 it is zero or negative, no step or a step uphill,
and the rule is refuted with the rate named.

>>> canonical(r"-\eta\nabla_{w^l}C + w^l")[0]
'w^l - \\eta \\nabla_{w^l}C'
>>> canonical(r"w^l + \eta(-\nabla_{w^l}C)")[0]
'w^l - \\eta \\nabla_{w^l}C'
>>> canonical(r"w - (\eta - 1)\nabla C")[1]
'the rate is η − 1, not a learning rate: with η = 1/2 it is −1/2, a step uphill'
"""

from __future__ import annotations

import re
from fractions import Fraction

import sympy

RATE = r"\\(?:eta|xi|alpha|epsilon|varepsilon|gamma|lambda|mu)(?![A-Za-z])"
_COEF = r"(?:\\frac\s*\{\s*" + RATE + r"\s*\}\s*\{\s*[mn]\s*\}|" + RATE + ")"
_BARE = re.compile(r"(?:\\tilde\s*\{[^{}]+\}|[A-Za-z])(?:\s*[\^_]\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*(?:\s*')?")
_GREEK = {"eta": "η", "xi": "ξ", "alpha": "α", "epsilon": "ε", "varepsilon": "ε", "gamma": "γ", "lambda": "λ",
          "mu": "μ"}


def top_terms(text: str) -> "list[tuple[str, str]] | None":
    r"""``text`` split at its top-level + and − as [(sign, term)]; None if its brackets do not balance.

    >>> top_terms(r"w^{l-1} - \frac{\eta}{m}\sum_{x} a")
    [('+', 'w^{l-1}'), ('-', '\\frac{\\eta}{m}\\sum_{x} a')]
    """
    out, depth, cur, sign = [], 0, "", "+"
    for c in text:
        depth += c in "{(["
        depth -= c in "})]"
        if depth < 0:
            return None
        if c in "+-" and depth == 0 and not cur.rstrip().endswith(("^", "_")):
            if cur.strip():
                out.append((sign, cur.strip()))
                cur, sign = "", c
            else:
                sign = "+" if (sign == "+") == (c == "+") else "-"
            continue
        cur += c
    if depth != 0 or not cur.strip():
        return None
    return out + [(sign, cur.strip())]


def _flip(sign: str) -> str:
    return "-" if sign == "+" else "+"


def _unwrap(text: str) -> "str | None":
    r"""The inside of ``(…)`` or ``\left(…\right)`` when the brackets enclose all of ``text``, else None."""
    t = text.strip()
    m = re.fullmatch(r"\\left\s*\((.*)\\right\s*\)", t, re.S) or re.fullmatch(r"\((.*)\)", t, re.S)
    if m is None or top_terms(m.group(1)) is None:
        return None
    return m.group(1).strip()


def canonical(side: str) -> "tuple[str, str, str] | None":
    """(``old sign rate gradient``, slip, note) of one value side, or None when it is not *old ± a step*.

    ``slip`` names a rate that is no learning rate (the rule is refuted for it); ``note`` says how the
    side was read when it was not written in that order (empty when it was).
    """
    side = re.sub(r"\\[,;:!](?![A-Za-z])|\\(?:quad|qquad)(?![A-Za-z])", " ", side)  # spacing: \, w^l - …
    terms = top_terms(side)
    if terms is None or len(terms) != 2:
        return None
    olds = [k for k, (_, t) in enumerate(terms) if _BARE.fullmatch(t)]
    if len(olds) != 1:
        return None
    (old_sign, old), (sign, step) = terms[olds[0]], terms[1 - olds[0]]
    if old_sign == "-":
        return None  # −w + …: not the old value plus a step
    rate, body, slip, how, value = None, None, "", "", None
    m = re.match(r"\s*\(\s*-\s*(?P<coef>" + _COEF + r")\s*\)\s*(?:\\cdot\s*)?(?P<body>.+)$", step, re.S)
    if m:  # (−η) ∇C
        sign, rate, body = _flip(sign), m.group("coef"), m.group("body")
    if rate is None:
        m = re.match(r"\s*(?P<coef>" + _COEF + r")\s*(?:\\cdot\s*)?(?P<body>.+)$", step, re.S)
        if m:
            rate, body = m.group("coef"), m.group("body")
    if rate is None:  # a rate written as an expression: (η − 1) ∇C, 2η ∇C
        m = re.match(r"\s*(?:\((?P<expr>[^()]*)\)|(?P<num>\d+(?:\.\d+)?)\s*(?P<r>" + RATE + r"))\s*(?:\\cdot\s*)?"
                     r"(?P<body>.+)$", step, re.S)
        if m is None:
            return None
        expr = m.group("expr") if m.group("expr") is not None else m.group("num") + m.group("r")
        read = rate_expression(expr)
        if read is None:
            return None
        value, rate, words = read
        body = m.group("body")
    while True:  # η (−∇C), (−η)(−∇C), η(−(−∇C)): each minus inside a bracket flips the sign
        inner = _unwrap(body)
        inside = top_terms(inner) if inner is not None else None
        if inside is None or len(inside) != 1:
            break
        sign, body = (_flip(sign) if inside[0][0] == "-" else sign), inside[0][1]
    if value is not None:
        descent = value if sign == "-" else sympy.Mul(sympy.Integer(-1), value)  # what multiplies −∇C
        if descent.is_positive:
            sign = "-"
            how = "" if descent.is_Symbol else f"the learning rate is {rate_words(descent)}"
        elif (-descent).is_positive:
            sign, how = "+", f"read as adding {rate_words(-descent)} times the gradient"
        else:
            slip = _bad_rate(descent, rate, rate_words(descent))
            if sign == "+":
                slip = f"adds ({words}) times the gradient: {slip}"
    text = f"{old} {sign} {rate} {body.strip()}"
    if not how and (olds[0] != 0 or re.sub(r"\s+", "", text) != re.sub(r"\s+", "", side)):
        how = f"read as {text}"
    return text, slip, how


def rate_expression(text: str) -> "tuple[sympy.Expr, str, str] | None":
    r"""(value, the rate's macro, words) of a rate written as an expression in one learning rate (η − 1,
    2η, η/2, \frac{\eta}{2}, η^2), built with SymPy's constructors; None if it is anything else.

    >>> rate_expression(r"\eta - 1")[2], rate_expression(r"2\eta")[2]
    ('η − 1', '2η')
    """
    tokens = re.findall(r"\\frac|" + RATE + r"|\d+(?:\.\d+)?|[-+/^{}]|\S", text)
    if "".join(tokens) != re.sub(r"\s+", "", text):
        return None
    rates = {t for t in tokens if t.startswith("\\") and t != "\\frac"}
    if len(rates) != 1:
        return None
    (rate,) = rates
    eta = sympy.Symbol(rate[1:], positive=True)
    pos = [0]

    def peek():
        return tokens[pos[0]] if pos[0] < len(tokens) else ""

    def take(want=None):
        t = peek()
        if want is not None and t != want:
            raise ValueError(t)
        pos[0] += 1
        return t

    def expr():
        total = _neg(term()) if peek() == "-" and take() else term()
        while peek() in ("+", "-"):
            total = sympy.Add(total, term() if take() == "+" else _neg(term()))
        return total

    def term():
        value = power()
        while peek() and peek() not in ("+", "-", "}"):
            if peek() == "/":
                take()
                value = sympy.Mul(value, sympy.Pow(power(), -1))
            else:
                value = sympy.Mul(value, power())
        return value

    def power():
        base = atom()
        if peek() == "^":
            take()
            exp = atom()
            if not exp.is_Integer:
                raise ValueError("exponent")
            base = sympy.Pow(base, exp)
        return base

    def atom():
        t = take()
        if t == rate:
            return eta
        if re.fullmatch(r"\d+(?:\.\d+)?", t):
            f = Fraction(t)
            return sympy.Rational(f.numerator, f.denominator)
        if t == "{":
            inner = expr()
            take("}")
            return inner
        if t == "\\frac":
            take("{")
            num = expr()
            take("}")
            take("{")
            den = expr()
            take("}")
            return sympy.Mul(num, sympy.Pow(den, -1))
        raise ValueError(t)

    try:
        value = expr()
    except (ValueError, ZeroDivisionError):
        return None
    if pos[0] != len(tokens) or value.has(sympy.zoo, sympy.nan) or eta not in value.free_symbols:
        return None  # a number alone (η − η, 2) is no rate in the learning rate: not read
    return value, rate, rate_words(value)


def _neg(x):
    return sympy.Mul(sympy.Integer(-1), x)


def rate_words(value) -> str:
    """A rate expression in the reader's notation: η − 1, 2η."""
    text = sympy.sstr(value)
    for name, letter in _GREEK.items():
        text = re.sub(rf"(?:\\)?\b{name}\b", letter, text)
    return text.replace("**", "^").replace("*", "").replace(" - ", " − ").replace("-", "−")


def _bad_rate(value, rate: str, words: str) -> str:
    """Why the rate ``value`` is no learning rate (empty when it is positive for every η > 0)."""
    eta = next(iter(value.free_symbols))
    if value.is_positive:
        return ""
    letter = _GREEK.get(rate[1:], rate)
    for trial in (sympy.Rational(1, 2), sympy.Integer(1), sympy.Integer(2), sympy.Rational(1, 10), sympy.Integer(10)):
        at = value.subs(eta, trial)
        if at.is_nonpositive:
            how = "no step at all" if at == 0 else "a step uphill"
            return (f"the rate is {words}, not a learning rate: with {letter} = {trial} it is "
                    f"{rate_words(at)}, {how}")
    return f"the rate is {words}, not {letter}: it is not positive for every learning rate {letter} > 0"
