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
_COEF = r"(?:\\frac\s*\{\s*" + RATE + r"\s*\}\s*\{\s*[mnN]\s*\}|" + RATE + ")"
_BARE = re.compile(r"(?:\\tilde\s*\{[^{}]+\}|[A-Za-z]|\\(?:theta|Theta|vartheta)(?![A-Za-z]))(?:\s*[\^_]\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*(?:\s*')?")
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


_FRAC = r"\\[dt]?frac"
#: 1/m (or 1/n) as one factor of a step: \frac{1}{m}, \frac1m, (1/m), \left(\frac{1}{m}\right).
_INVERSE = re.compile(r"\s*(?:\\left\s*)?(?P<open>\()?\s*(?:" + _FRAC + r"\s*(?:\{\s*1\s*\}|1)\s*(?:\{\s*(?P<d>[mnN])\s*\}|"
                      r"(?P<d2>[mnN])(?![A-Za-z]))|1\s*/\s*(?P<d3>[mnN])(?![A-Za-z]))\s*(?:\\right\s*)?(?(open)\))")
#: The rate over m as one fraction: \frac{\eta}{m}, \frac\eta m, \eta/m.
_RATE_OVER = re.compile(r"\s*(?:" + _FRAC + r"\s*(?:\{\s*(?P<r>" + RATE + r")\s*\}|(?P<r2>" + RATE + r"))\s*"
                        r"(?:\{\s*(?P<d>[mnN])\s*\}|(?P<d2>[mnN])(?![A-Za-z]))|(?P<r3>" + RATE + r")\s*/\s*(?P<d3>[mnN])"
                        r"(?![A-Za-z]))")
_SUM = re.compile(r"\s*\\sum(?:\s*\\limits)?(?:\s*[_^]\s*(?:\{[^{}]*\}|[A-Za-z0-9])){0,2}")


def merge_scale(step: str) -> str:
    r"""``step`` with its learning rate and its 1/m (or 1/n) written as one coefficient ``\frac{\eta}{m}`` in front,
    however the two are written and ordered: ``\eta \frac{1}{m}``, ``\eta\cdot\frac1m``, ``\frac{1}{m}\eta``,
    ``(1/m)\eta``, ``\eta/m``, and either of them inside the sum (``\frac{1}{m}\sum_x \eta\,\delta^{x,l}``), so
    that every writing is judged by one rule; ``step`` itself when its leading factors are not one rate and one
    1/m.

    >>> merge_scale(r"\eta \frac{1}{m}\sum_x \delta^{x,l}"), merge_scale(r"\frac{1}{m}\sum_x \eta\,\delta^{x,l}")
    ('\\frac{\\eta}{m} \\sum_x \\delta^{x,l}', '\\frac{\\eta}{m} \\sum_x \\delta^{x,l}')
    >>> merge_scale(r"\eta \nabla C")
    '\\eta \\nabla C'
    """
    rates, dens, total, pos = [], [], "", 0
    text = re.sub(r"\\[,;:!](?![A-Za-z])", " ", step)
    while True:
        cdot = re.match(r"\s*\\cdot(?![A-Za-z])", text[pos:])
        at = pos + (cdot.end() if cdot else 0)
        m = _RATE_OVER.match(text, at)
        if m:
            rates.append(m.group("r") or m.group("r2") or m.group("r3"))
            dens.append(m.group("d") or m.group("d2") or m.group("d3"))
        else:
            m = _INVERSE.match(text, at)
            if m:
                dens.append(m.group("d") or m.group("d2") or m.group("d3"))
            else:
                m = re.compile(r"\s*(?P<r>" + RATE + ")").match(text, at)
                if m:
                    rates.append(m.group("r"))
                elif not total and not cdot and _SUM.match(text, at) and _SUM.match(text, at).end() > at:
                    m = _SUM.match(text, at)
                    total = m.group(0).strip()
                else:
                    break
        pos = m.end()
    if len(rates) != 1 or len(dens) != 1 or not text[pos:].strip():
        return step
    return rf"\frac{{{rates[0]}}}{{{dens[0]}}} " + (total + " " if total else "") + text[pos:].strip()


def stray_scale(body: str) -> str:
    r"""A factor 1/m or 1/n left in the gradient of a step (``\frac{1}{m}`` in ``\frac{\eta}{m}\frac{1}{m}\sum_x …``,
    ``2\eta\frac{1}{m}``), or '' when there is none: a scale that is not read as the step's mean.

    >>> stray_scale(r"\frac{1}{m}\sum_x \delta^{x,l}"), stray_scale(r"\delta^{x,l}")
    ('\\frac{1}{m}', '')
    """
    m = _INVERSE.search(body)
    return m.group(0).strip() if m else ""


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
    step, factors = numeric_factors(step)  # 2 · 3 η ∇C, η ∇C · 2 · 3: numbers the rate's, not the gradient's
    step = merge_scale(step)
    rate, body, slip, how, value = None, None, "", "", None
    m = re.match(r"\s*\(\s*-\s*(?P<coef>" + _COEF + r")\s*\)(?!\s*\^)\s*(?:\\cdot\s*)?(?P<body>.+)$", step, re.S)
    if m:  # (−η) ∇C
        sign, rate, body = _flip(sign), m.group("coef"), m.group("body")
    if rate is None:
        m = re.match(r"\s*(?P<coef>" + _COEF + r")\s*(?:\\cdot\s*)?(?P<body>.+)$", step, re.S)
        if m:
            rate, body = m.group("coef"), m.group("body")
    if rate is not None and "frac" not in rate:  # (−η) \frac{1}{m} Σ …: the 1/m after a bracketed rate
        merged = merge_scale(f"{rate} {body}")
        m = re.match(r"\s*(?P<coef>" + _COEF + r")\s*(?P<body>.+)$", merged, re.S)
        if merged != f"{rate} {body}" and m:
            rate, body = m.group("coef"), m.group("body")
    if rate is None:  # a rate written as an expression: (η − 1) ∇C, 2η ∇C
        m = re.match(r"\s*(?:\((?P<expr>[^()]*)\)(?:\s*\^\s*(?P<exp>\{\s*\d+\s*\}|\d))?|(?P<num>\d+(?:\.\d+)?)\s*"
                     r"(?P<r>" + RATE + r"))\s*(?:\\cdot\s*)?(?P<body>.+)$", step, re.S)
        if m is None:
            return None
        expr = m.group("expr") if m.group("expr") is not None else m.group("num") + m.group("r")
        if m.group("exp"):  # (−η)^2, (η + 1)^2: the power of the whole bracket (a sign inside it is no sign of the step)
            expr = "{" + expr + "}^{" + m.group("exp").strip("{} ") + "}"
        read = rate_expression(expr)
        if read is None:
            return None
        value, rate, words = read
        body = m.group("body")
    after, more = numeric_factors(body, closing=False)
    if more and not re.match(r"\s*[\^_]", after):  # η · 2 ∇C, (−η) 2 ∇C: a number right after the rate is the rate's too
        body, factors = after, factors + more
    if factors:  # η δ a · ½ is rate η/2 as · 2 is 2η (review rv35 B2); · 2 · 3 is 6η, not 3η of the gradient δ a · 2
        value = sympy.Mul(*(rate_expression("{" + f + r"}\eta")[0] / _ETA for f in factors),
                          value if value is not None else _coef_value(rate))
        words = rate_words(value)
    sign, body = _fold(sign, body)
    if value is not None:
        descent = value if sign == "-" else sympy.Mul(sympy.Integer(-1), value)  # what multiplies −∇C
        if rate_witness(descent) is True:
            sign = "-"
            how = "" if descent.is_Symbol else f"the learning rate is {rate_words(descent)}"
        elif rate_witness(_neg(descent)) is True:
            sign, how = "+", f"read as adding {rate_words(-descent)} times the gradient"
        else:  # a refutation with a witness η, or "undecided: …" (updates reads the prefix)
            slip = _bad_rate(descent, rate, rate_words(descent))
            if sign == "+":
                undecided = slip.startswith("undecided: ")
                slip = (("undecided: " if undecided else "") + f"adds ({words}) times the gradient: "
                        + slip.removeprefix("undecided: "))
    text = f"{old} {sign} {rate} {body.strip()}"
    if not how and (olds[0] != 0 or re.sub(r"\s+", "", text) != re.sub(r"\s+", "", side)):
        how = f"read as {text}"
    return text, slip, how


_NUMBER = (r"(?:(?P<num>\d+(?:\.\d+)?)(?![\d.])|\\[dt]?frac\s*(?:\{\s*(?P<p>\d+)\s*\}|(?P<p1>\d))\s*"
           r"(?:\{\s*(?P<q>\d+)\s*\}|(?P<q1>\d)))(?!\s*[\^_])")
_LEADING = re.compile(r"\s*" + _NUMBER + r"\s*(?:\\(?:cdot|times)(?![A-Za-z]))?", re.S)
_CLOSING = re.compile(r"(?P<body>.+?)\s*\\(?:cdot|times)(?![A-Za-z])\s*" + _NUMBER + r"\s*", re.S)
_ETA = sympy.Symbol("eta", positive=True)


def _number(found: re.Match) -> str:
    if found.group("num"):
        return found.group("num")
    return r"\frac{" + (found.group("p") or found.group("p1")) + "}{" + (found.group("q") or found.group("q1")) + "}"


def numeric_factors(step: str, closing: bool = True) -> "tuple[str, list[str]]":
    r"""``step`` without the numbers that open it (``2 \cdot 3 \eta …``, ``\frac12 \eta …``) or close it as factors
    (``… \cdot 2 \cdot 3``, ``… \times \frac{1}{2}``; not with ``closing`` False), and those numbers; (``step``, [])
    when there are none or their product is 0 (no step: left in the gradient, where it makes the gradient wrong).

    >>> numeric_factors(r"\eta \delta^l (a^{l-1})^T \cdot 2 \cdot \frac{1}{2}")
    ('\\eta \\delta^l (a^{l-1})^T', ['2', '\\frac{1}{2}'])
    >>> numeric_factors(r"2 \cdot 3\eta \nabla C"), numeric_factors(r"\eta \nabla C \cdot 0")
    (('\\eta \\nabla C', ['2', '3']), ('\\eta \\nabla C \\cdot 0', []))
    """
    factors, rest = [], step
    while (found := _LEADING.match(rest)) is not None and rest[found.end():].strip():
        factors.append(_number(found))
        rest = rest[found.end():]
    trailing = []
    while closing and (found := _CLOSING.fullmatch(rest)) is not None:
        trailing.insert(0, _number(found))
        rest = found.group("body")
    factors += trailing
    if not factors or any(rate_expression("{" + f + r"}\eta") is None for f in factors):
        return step, []  # a factor 0 (no rate in 0η): the numbers stay where they are written
    return rest.strip(), factors


def _coef_value(coef: str):
    r"""The value of a plain rate: η of ``\eta``, η/m of ``\frac{\eta}{m}`` (m a positive count)."""
    eta = sympy.Symbol(re.search(RATE, coef).group(0)[1:], positive=True)
    if not coef.lstrip().startswith("\\frac"):
        return eta
    return eta / sympy.Symbol(re.search(r"([mnN])\s*\}\s*$", coef).group(1), positive=True)


def _fold(sign: str, body: str) -> "tuple[str, str]":
    r"""``sign`` and ``body`` with every sign factor of the body folded into the sign: η (−∇C), (−η)(−∇C),
    η(−(−∇C)), η(−1)∇C, η∇(−C), η\frac{-∂C}{∂w}, \frac{η}{m}\sum_x(−∂C_x/∂w); a sign inside a power is not one.

    >>> _fold("+", r"(-1)\nabla_{w}C"), _fold("+", r"\sum_x\left(-\delta^{x,l}\right)")
    (('-', '\\nabla_{w}C'), ('-', '\\sum_x \\delta^{x,l}'))
    """
    prefix = ""
    while True:
        body = body.strip()
        m = re.match(r"(?:\\left\s*)?\(\s*-\s*1\s*(?:\\right\s*)?\)(?!\s*\^)\s*(?:\\cdot\s*)?(?P<rest>.+)$", body, re.S)
        if m:  # η(−1)∇C
            sign, body = _flip(sign), m.group("rest")
            continue
        m = re.fullmatch(r"(?P<op>\\nabla\s*(?:_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[A-Za-z]))?)\s*"
                         r"(?:\\left\s*)?\(\s*-\s*(?P<c>[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\\right\s*)?\)", body)
        if m:  # ∇(−C)
            sign, body = _flip(sign), f"{m.group('op')}{m.group('c')}"
            continue
        m = re.match(r"\\frac\s*\{\s*-(?P<rest>.+)$", body, re.S)
        if m and top_terms(_braced("{" + m.group("rest"))) == [("+", _braced("{" + m.group("rest")).strip())]:
            sign, body = _flip(sign), r"\frac{" + m.group("rest").lstrip()  # \frac{-∂C}{∂w}
            continue
        m = re.match(r"\\sum\s*(?:[_^]\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*){0,2}", body)
        if m and m.end() < len(body) and not prefix:  # \sum_x(−…): fold the summand
            prefix, body = m.group(0).strip() + " ", body[m.end():]
            continue
        inner = _unwrap(body)  # η (−∇C): a minus inside a bracket
        inside = top_terms(inner) if inner is not None else None
        if inside is None or len(inside) != 1:
            break
        sign, body = (_flip(sign) if inside[0][0] == "-" else sign), inside[0][1]
    return sign, prefix + body


def _braced(text: str) -> str:
    """The inside of the braces that open ``text`` (all of it when they never close)."""
    depth = 0
    for k, c in enumerate(text):
        depth += c == "{"
        depth -= c == "}"
        if depth == 0:
            return text[1:k]
    return text[1:]


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
    """Why the rate ``value`` is no learning rate: empty when it is positive for every η > 0; a refutation
    only with a witness η > 0 where it is zero or negative; "undecided: …" when neither is shown."""
    found = rate_witness(value)
    if found is True:
        return ""
    letter = _GREEK.get(rate[1:], rate)
    if found is None:
        return (f"undecided: the rate {words} is not shown to be positive for every learning rate {letter} > 0, "
                f"and no {letter} > 0 was found where it is zero or negative")
    trial, at = found
    how = "no step at all" if at == 0 else "a step uphill"
    where = rate_words(trial) if trial.is_Rational else f"the root ≈ {sympy.N(trial, 6)}"
    return (f"the rate is {words}, not a learning rate: with {letter} = {where} it is "
            f"{rate_words(at)}, {how}")


_TRIALS = (sympy.Rational(1, 2), sympy.Integer(1), sympy.Integer(2), sympy.Rational(1, 10), sympy.Integer(10))


def rate_witness(value):
    """True when the rate ``value`` (in one positive symbol η) is shown positive for every η > 0; (η, value)
    at an η > 0 where it is zero or negative, checked exactly; None when neither is shown.

    Beyond a few trial values, a rational rate is decided by the positive real roots of its numerator and
    denominator (SymPy's exact real roots): between them its sign does not change, so one rational point in
    each gap, and each root of the numerator, is tried; with no positive root, its value at 1 decides.

    >>> rate_witness(sympy.Symbol("eta", positive=True) ** 2 - sympy.Symbol("eta", positive=True) + 1)
    True
    >>> rate_witness(sympy.Symbol("eta", positive=True) - 1)
    (1/2, -1/2)
    """
    if value.is_positive:
        return True
    if len(value.free_symbols) != 1:
        return None
    (eta,) = value.free_symbols
    for trial in _TRIALS:
        at = value.subs(eta, trial)
        if at.is_nonpositive:
            return trial, at
    try:
        num, den = sympy.fraction(sympy.cancel(sympy.together(value)))
        polys = [sympy.Poly(num, eta), sympy.Poly(den, eta)]
        if any(p.degree() > 12 or not p.domain.is_QQ and not p.domain.is_ZZ for p in polys):
            return None
        roots = [[r for r in p.real_roots() if r.is_positive] for p in polys]
    except (sympy.PolynomialError, NotImplementedError, ValueError):
        return None
    for root in roots[0]:  # the numerator vanishes there (coprime to the denominator after cancel)
        return root, sympy.Integer(0)
    cuts = sorted({sympy.Rational(sympy.floor(sympy.N(r, 15) * 10 ** 6), 10 ** 6) for r in roots[1]})
    points = [sympy.Integer(1)] if not cuts else [c / 2 for c in cuts[:1]] + [c + 1 for c in cuts]
    points += [(a + b) / 2 for a, b in zip(cuts, cuts[1:])]
    signs = []
    for point in points:
        at = value.subs(eta, point)
        if at.is_nonpositive:
            return point, at
        signs.append(at.is_positive)
    if not roots[1] and all(signs):
        return True  # no sign change on η > 0 and positive at 1
    return None
