r"""What a formula of the notes states about a learning rate, and which letter is the rate of an update rule
(review rates3).

A statement is a relation with the rate alone on one side: ``\eta = -0.1``, ``0 > \eta``, ``0 < \eta < 1``,
``\eta \approx -0.1``, ``\eta \in (-\infty, 0)``, ``\eta \gets -0.1``, in Unicode too (``η = -0.1``), in a display or
in a piece of one (``w \to w - \eta g, \quad \eta = -0.1``). ``statements`` reads each into (rate, relation, value);
one it cannot read is ``("unread", the piece)`` unless it cannot make the rate ≤ 0: an upper bound, or an equation to
an expression with no minus sign that is not another letter (``\eta = \epsilon / \|\nabla C\|``, ``\eta \le 1/L``).

The rate of a rule is whatever multiplies its gradient: ``\rho`` in ``W \gets W - \rho \nabla_W L``, ``\eta`` in
``w - \frac{\eta}{m} \sum_x …`` (``rule_rates``).

>>> statements(r"0 > \eta"), statements(r"0 < \eta < 1"), statements(r"\eta \in (-\infty, 0)")
([('\\eta', '<', 0.0)], [('\\eta', '>', 0.0)], [('\\eta', '<', 0.0)])
>>> statements(r"\eta = -\epsilon"), statements(r"\eta = \epsilon / \|\nabla C\|")
([('\\eta', 'unread', '\\eta = -\\epsilon')], [])
>>> sorted(rule_rates(r"W \gets W - \rho \nabla_W L")), sorted(rule_rates(r"w \to w - \frac{\eta}{m}\sum_x \delta"))
(['\\rho'], ['\\eta'])
"""

from __future__ import annotations

import re

from .ratenumber import MINUS, number

_UNICODE = {"α": "alpha", "β": "beta", "γ": "gamma", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta", "η": "eta",
            "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ρ": "rho", "τ": "tau", "ω": "omega"}
#: Greek letters a rate may be written with (never δ, σ, π, θ: the notes' error, activation, number, parameter)
_GREEK = (r"\\(?:alpha|beta|gamma|epsilon|varepsilon|zeta|eta|kappa|lambda|mu|nu|xi|rho|varrho|tau|omega|upsilon|chi"
          r"|iota)(?![A-Za-z])")
SYMBOL = _GREEK + r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
_OPS = [(r":=|\\coloneqq(?![A-Za-z])|\\gets(?![A-Za-z])|\\leftarrow(?![A-Za-z])|←|=(?!=)", "="),
        (r"\\le(?:q|qslant)?(?![A-Za-z])|≤|<=", "<="), (r"\\ge(?:q|qslant)?(?![A-Za-z])|≥|>=", ">="),
        (r"<|\\lt(?![A-Za-z])", "<"), (r">|\\gt(?![A-Za-z])", ">"),
        (r"\\approx(?![A-Za-z])|\\simeq(?![A-Za-z])|\\sim(?![A-Za-z])|≈", "≈"), (r"\\in(?![A-Za-z])|∈", "in"),
        (r"\\neq?(?![A-Za-z])|≠", "≠"), (r"\\to(?![A-Za-z])|\\rightarrow(?![A-Za-z])|→", "→")]
_OP = re.compile("|".join(f"(?P<o{k}>{p})" for k, (p, _) in enumerate(_OPS)))
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "=", "≈": "≈", "≠": "≠"}


def plain(formula: str) -> str:
    """``formula`` without its delimiters, its Unicode Greek written as macros (η as ``\\eta``)."""
    f = formula.strip()
    for a, b in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if f.startswith(a) and f.endswith(b) and len(f) >= len(a) + len(b):
            f = f[len(a):len(f) - len(b)]
            break
    return "".join(f"\\{_UNICODE[c]} " if c in _UNICODE else c for c in f).strip()


def symbol(text: str) -> str:
    """A rate's letter written one way: ``\\eta_{t}`` and ``\\eta_t`` alike."""
    return re.sub(r"[\s{}]", "", text)


def _sides(piece: str) -> "tuple[list, list]":
    """The sides of ``piece`` and the relations between them, at the top level of its brackets."""
    sides, ops, depth, start, k = [], [], 0, 0, 0
    while k < len(piece):
        c = piece[k]
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif depth <= 0 and (m := _OP.match(piece, k)) is not None:
            if piece.startswith("\\left", k) or piece.startswith("\\right", k):
                pass
            else:
                sides.append(piece[start:k].strip())
                ops.append(next(_OPS[int(n[1:])][1] for n, v in m.groupdict().items() if v is not None))
                start = k = m.end()
                continue
        k += 1
    sides.append(piece[start:].strip())
    return sides, ops


_INTERVAL = re.compile(r"^(?:\\left\s*)?(?P<open>[(\[\]])\s*(?P<lo>.+?)\s*,\s*(?P<hi>.+?)\s*(?:\\right\s*)?"
                       r"(?P<end>[)\]\[])\s*[.,;]?$")


def _bound(text: str) -> "float | None":
    t = re.sub(r"\s", "", text)
    if re.fullmatch(r"\+?\\infty", t):
        return float("inf")
    if re.fullmatch(MINUS + r"\\infty", t):
        return float("-inf")
    return number(text)


def _interval(rate: str, text: str) -> "tuple | None":
    m = _INTERVAL.match(text.strip())
    if m is None:
        return None
    lo, hi = _bound(m.group("lo")), _bound(m.group("hi"))
    if lo is None or hi is None:
        return None
    if lo < 0 < hi:  # η ∈ (−1, 1): negative rates allowed, the sign left open (review rates helper, rv42)
        return rate, "in", lo
    if lo >= 0:
        return rate, ">=" if m.group("open") == "[" else ">", lo
    return rate, "<" if m.group("end") in ")[" else "<=", hi  # η ∈ (lo, hi): η < hi


def _harmless(op: str, other: str) -> bool:
    """A relation no reader read that cannot make the rate ≤ 0: an upper bound, or an equation (≈) to an expression
    without a minus sign that is not a letter of its own (``\\eta = \\epsilon`` names another rate: not harmless)."""
    if op in ("<", "<=", "≠", "→"):
        return True
    if op in ("=", "≈", ">", ">="):
        return not re.search(MINUS + r"|\\(?:minus|pm|mp)(?![A-Za-z])", other) and not re.fullmatch(
            r"\s*(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*", other) and number(other) is None
    return False


def statements(piece: str) -> list:
    """[(rate, relation, value)] for each rate alone on a side of ``piece`` (see the module); the relation is
    ``unread`` (the value: the piece) when no reader reads it and it may make the rate ≤ 0."""
    text = plain(piece).rstrip(".,; ")
    if not re.search(SYMBOL, text):
        return []
    sides, ops = _sides(text)
    if not ops:
        return []
    out = []
    for i, side in enumerate(sides):
        if not re.fullmatch(SYMBOL, side):
            continue
        rate, read, unread = symbol(side), [], False
        for other, op in ((sides[i - 1], _FLIP.get(ops[i - 1])) if i > 0 else (None, None),
                          (sides[i + 1], ops[i]) if i < len(ops) else (None, None)):
            if other is None or op is None:
                continue
            if op == "in":
                found = _interval(rate, other)
                if found:
                    read.append(found)
                else:
                    unread = True
                continue
            v = number(other)
            if v is not None and op not in ("≠", "→"):
                read.append((rate, "≈" if op == "≈" else op, v))
            elif not _harmless(op, other):
                unread = True
        if unread and not any(_settles(s) for s in read):
            out.append((rate, "unread", text))
        else:
            out.extend(_combine(read))
    return out


def _settles(s: tuple) -> bool:
    """Whether one statement fixes the rate's sign by itself (η > 0, η = −0.1): then an unread other side of the
    chain (``0 < \\eta < \\frac{2}{L}``) changes nothing."""
    _, op, v = s
    return op in ("=", "≈") or (op in (">", ">=") and v >= 0) or (op in ("<", "<=") and v <= 0)


def _combine(read: list) -> list:
    """One statement of a chain: a lower bound ≥ 0 or an upper bound ≤ 0 decides the sign; both, one each side of 0:
    the sign left open."""
    if len(read) < 2:
        return read
    lows = [s for s in read if s[1] in (">", ">=")]
    highs = [s for s in read if s[1] in ("<", "<=")]
    if lows and highs and lows[0][2] < 0 < highs[0][2]:
        return [(lows[0][0], "in", lows[0][2])]
    if lows and lows[0][2] >= 0:
        return lows[:1]
    if highs and highs[0][2] <= 0:
        return highs[:1]
    return [s for s in read if s[1] in ("=", "≈")][:1] or read[:1]


#: where a display holds several formulas: ``\quad``, a top-level comma or semicolon, ``\\``, ``&``, ``\text{…}``
_PIECE = re.compile(r"\\q?quad(?![A-Za-z])|\\\\|&|\\text\s*\{[^{}]*\}|[,;]")


def pieces(formula: str) -> list:
    """[(offset, piece)] of ``formula`` cut at its top-level separators (see ``_PIECE``), offsets into ``formula``."""
    out, depth, start, k = [], 0, 0, 0
    while k < len(formula):
        c = formula[k]
        depth += c in "{(["
        depth -= c in "})]"
        m = _PIECE.match(formula, k) if depth <= 0 else None
        if m and not (m.group(0) == "," and re.match(r"\d", formula[m.end():m.end() + 1]) and re.search(
                r"\d$", formula[:k])):  # 0,1: a decimal comma
            out.append((start, formula[start:k]))
            start = k = m.end()
            continue
        k += 1
    out.append((start, formula[start:]))
    return [(a, p) for a, p in out if p.strip()]


#: where a rule's gradient starts: the rate stands before it
_GRADIENT = re.compile(r"\\(?:nabla|partial|delta|Delta|sum|sigma|mathbf|boldsymbol|operatorname)(?![A-Za-z])"
                       r"|(?<![\\A-Za-z_^{])[A-Za-z](?![A-Za-z])")


def rule_rates(rule: str) -> set:
    """The letters that multiply the gradient in the update rule ``rule`` (its rates), e.g. {'\\rho'}."""
    text = plain(rule)
    out = set()
    for side in re.split(r"\\to(?![A-Za-z])|\\gets(?![A-Za-z])|\\leftarrow(?![A-Za-z])|\\rightarrow(?![A-Za-z])"
                         r"|:=|=", text)[1:]:
        side = re.sub(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{[^{}]*\}", r"(\1)", side)  # \frac{\eta}{m}: its numerator
        for term in re.split(r"(?<![\^_{(])\s*[-+]\s*", side):
            head = term[:m.start()] if (m := _GRADIENT.search(term)) else term
            out |= {symbol(s.group(0)) for s in re.finditer(SYMBOL, head)}
    return out


__all__ = ["SYMBOL", "pieces", "plain", "rule_rates", "statements", "symbol"]
