r"""Update rules of gradient descent in layered notes: ``w_k \to \tilde{w}_k = w_k - \frac{\eta}{m} \sum_j …``.

Read forms: ``P \to P - …``, ``P \to \tilde{P} = P - …`` (a chain: every value
side is checked), ``P \rightarrow``, ``P \leftarrow``, ``P \gets``, ``P := P - …``,
``P' = P - …``, ``P_{t+1} = P_t - …`` (the parameter at step t). Each value side must read
*old − coefficient · gradient*, where

* the old value is the parameter itself (else: "starts from w_k instead of b_l");
* the coefficient is a learning rate (η, ξ, α, …), divided by m for the mean over
  a mini-batch of m or by n for the mean over n training inputs;
* the gradient is the per-sample cost's (C_x, C_{i_j}, C_{X_j}) with respect to
  the same parameter, summed over the mini-batch (Σ_x, Σ_{j=1}^m, Σ_{i=1}^m over
  C_{i_j}) when the coefficient divides by m or n; a per-sample gradient written
  without the sum next to 1/m (``\frac{\eta}{m} \nabla C_{i_j}``) is read as
  summed over the mini-batch, and the verdict says so;
* a gradient written in the network's quantities (``\delta^{x,l} (a^{x,l-1})^T``)
  is checked as the claim ∂C/∂P = that expression for one input (``samples``) by
  the layered verifier.

>>> rule = read_rule(r"b_l \to \tilde{b_l} = w_k - \frac{\xi}{m} \nabla C_{i_j}^{(l)}")
>>> rule.param, [s.old for s in rule.steps]
('b_l', ['w_k'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass


from .steprate import canonical
from .updatenames import also_labels, read_new

ARROW = r"\\(?:to|rightarrow|longrightarrow|leftarrow|gets|longleftarrow|coloneqq?)(?![A-Za-z])|:="
#: Greek letters that name the parameters as a whole (θ), read as a parameter like w^l.
GREEK_PARAM = r"\\(?:theta|Theta|vartheta)(?![A-Za-z])"
RATES = r"\\(?:eta|xi|alpha|epsilon|varepsilon|gamma|lambda|mu)"
_STEP = re.compile(
    r"^\s*(?P<old>.+?)\s*(?P<sign>[-+])\s*(?P<coef>\\frac\s*\{\s*(?P<rate>" + RATES + r")\s*\}\s*\{\s*(?P<den>[mnN])\s*\}"
    r"|(?P<rate2>" + RATES + r"))\s*(?:\\cdot\s*)?(?P<sum>\\sum(?:\s*\\limits)?(?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9])){0,2})?"
    r"\s*(?P<body>.+?)\s*$", re.S)
_NEW_NAME = re.compile(r"^\s*(\\tilde\s*\{[^{}]+\}(_\{?\w+\}?)?|[A-Za-z]'(_\{?\w+\}?)?|[A-Za-z](_\{?\w+\}?)?'|[A-Za-z](\^\{?\([^{}]*\)\}?)?_\{?[a-z]\+1\}?)\s*$")


@dataclass(frozen=True)
class Step:
    text: str
    old: str
    sign: str
    rate: str
    over: str  # "m", "n" or ""
    sum_var: str | None  # None: no sum; "" a sum without an index
    sum_upper: str
    body: str
    slip: str = ""  # a wrong step found while reading (a rate that is not a learning rate)
    note: str = ""  # how a reordered or regrouped side was read (w^l + η(−∇C) as w^l − η∇C)
    canon: str = ""  # the side in the order old − rate · gradient
    sum_lower: str = ""  # where the sum's index starts (1 in \\sum_{j=1}^m); "" when not written


@dataclass(frozen=True)
class Rule:
    param: str
    steps: tuple
    unread: str = ""  # why the rule's step letter is not read (it also labels a training input), else ''
    misnamed: str = ""  # the parameter a new value's name marks when it is not ``param`` (w \to \tilde{b} = …)


#: A name with its scripts in either order (``w^l_{jk}``, ``w_{ji}^{(l)}``, ``b_l``).
_SCRIPTED = re.compile(r"(?:[A-Za-z]|" + GREEK_PARAM + r")(?:\s*[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]))*")
#: The marks of a new value: a tilde over the name or a prime after it (``\tilde{w}^l_{jk}``, ``b^l_j'``).
_TILDE = re.compile(r"\\(?:tilde|widetilde)\s*\{\s*([^{}]+?)\s*\}")
_PRIME_MARK = re.compile(r"'|\^\s*\{?\s*\\prime\s*\}?|\{\s*\}")


def new_value_of(side: str) -> "str | None":
    r"""The parameter a side that names the new value marks (``\tilde{w}^l_{jk}``, ``\tilde{b_l}``, ``b^l_j'``:
    ``w^l_{jk}``, ``b_l``, ``b^l_j``), None when the side is not such a name.

    >>> new_value_of(r"\tilde{w}^l_{jk}"), new_value_of("b^l_j'"), new_value_of(r"w^l_{jk} - \eta x")
    ('w^l_{jk}', 'b^l_j', None)
    """
    text = side.strip()
    if not (_TILDE.search(text) or _PRIME_MARK.search(text)):
        return None
    under = _PRIME_MARK.sub("", _TILDE.sub(r"\1", text)).strip()
    return under if _SCRIPTED.fullmatch(under) else None


def norm(s: str) -> str:
    s = re.sub(r"\\tilde\s*\{([^{}]+)\}", r"\1", s)
    s = re.sub(r"\s+|\\[,;!]|\\left|\\right", "", s)
    return re.sub(r"_\{(\w)\}", r"_\1", s).replace("{", "").replace("}", "")


_PARAM = r"(?:[A-Za-z]|\\(?:theta|Theta|vartheta)(?![A-Za-z]))(?:\^\{?[A-Za-z0-9()\[\]+\-]+\}?)?"  # θ_{t+1} too
_NEXT = re.compile(r"^\s*(?P<p>" + _PARAM + r")_\{\s*(?P<t>[a-z])\s*\+\s*1\s*\}\s*=(?P<rest>.*)$", re.S)
_NOW = re.compile(r"^\s*(?P<p>" + _PARAM + r")_(?:\{\s*(?P<t>[a-z])\s*\}|(?P<t2>[a-z]))\s*=(?P<rest>.*)$", re.S)
_LOW = r"_\{?[A-Za-z0-9]+\}?"
_PRIME = re.compile(r"^\s*(?:\(\s*(?P<q>" + _PARAM + "(?:" + _LOW + r")?)\s*\)\s*'|(?P<p>[A-Za-z])"
                    r"(?P<up>\^\{?[A-Za-z0-9()\[\]+\-]+\}?)?(?P<low>" + _LOW + r")?(?:\{\s*\}\s*)?"
                    r"(?:'|\^\s*\{?\s*\\prime\s*\}?)(?P<low2>" + _LOW + r")?)\s*=(?P<rest>.*)$", re.S)


def _next_step(text: str):
    """``w_{t+1} = w_t - …`` as (``w``, ``w - …``): the parameter at step t; None for other text.

    >>> _next_step("b_{t+1} = b_t - C"), _next_step(r"w_{t+1} = w_t - \\eta \\nabla C(w_t)")
    (('b', 'b - C'), ('w', 'w - \\\\eta \\\\nabla C'))
    """
    m = _NEXT.match(text)
    if m is None:
        return None
    p, t, rest = m.group("p"), m.group("t"), m.group("rest")
    old = re.match(r"\s*(?P<q>" + _PARAM + r")_(?:\{\s*" + t + r"\s*\}|" + t + r"(?![A-Za-z0-9]))", rest)
    if old is None:  # w_{t+1} = w_{t-1} - …: a step from another iterate, refuted "starts from" (review rv46 D5)
        other = re.match(r"\s*" + re.escape(p) + r"_\{\s*" + t + r"\s*[-+]\s*\d+\s*\}", rest)
        return (p, rest.strip()) if other else None
    # \nabla C(w_t): the gradient at the current step's point, what the rule means without the argument; only at
    # the parameter the rule steps (θ_{t+1} = θ_t − η ∇C(w_t) held: review rv37 A7)
    after = re.sub(r"(?<=[CLJE])\s*(?:\\left\s*)?\(\s*(?:" + re.escape(p) + r")_(?:\{\s*" + t + r"\s*\}|" + t
                   + r"(?![A-Za-z0-9]))\s*(?:\\right\s*)?\)", "", rest[old.end():])
    return p, (old.group("q") + after).strip()  # b_{t+1} = w_t - …: starts from w


def _other_steps(text: str):
    r"""``w_t = w_{t-1} - …`` (the step before) and ``w' = w - …`` (``w_k'``, ``(w^l)'``, ``w^{\prime}``) as
    (``w``, ``w - …``); None for other text.

    >>> _other_steps("w_t = w_{t-1} - C"), _other_steps("w_k' = w_k - C"), _other_steps("(w^l)' = w^l - C")
    (('w', 'w - C'), ('w_k', 'w_k - C'), ('w^l', 'w^l - C'))
    """
    m = _NOW.match(text)
    if m is not None:
        t, rest = m.group("t") or m.group("t2"), m.group("rest")
        old = re.match(r"\s*(?P<q>" + _PARAM + r")_\{\s*" + t + r"\s*-\s*1\s*\}", rest)
        if old is not None:
            return m.group("p"), (old.group("q") + rest[old.end():]).strip()
        return None
    m = _PRIME.match(text)
    if m is None:
        return None
    param = m.group("q") or (m.group("p") + (m.group("up") or "") + (m.group("low") or m.group("low2") or ""))
    return param, m.group("rest").strip()


#: A name in a font (the cost's letters C, L, J, E keep theirs: a profile's cost may be \mathbf{L}).
_FONTED = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathit)\s*\{\s*((?![CLJE]\s*\})[A-Za-z]|\\[A-Za-z]+)\s*\}")


#: ``\tilde w`` without braces, as ``\tilde{w}`` (review 23 b08: unreadable, "unknown macro \tilde").
_BARE_TILDE = re.compile(r"\\(tilde|widetilde)\s+([A-Za-z])(?![A-Za-z])")


def plain(text: str) -> str:
    r"""``text`` with a name in bold or with an arrow read as the name itself (``\mathbf{W}``, ``\boldsymbol{\theta}``,
    ``\vec{w}``), as the notes' quantities are read; a cost letter keeps its font (a profile's cost may be ``\mathbf{L}``).

    >>> plain(r"\mathbf{w}^l \to \mathbf{w}^l - \eta \nabla_{\boldsymbol{w}^l} C")
    'w^l \\to w^l - \\eta \\nabla_{w^l} C'
    >>> plain(r"\tilde w^l = w^l - \eta \delta^l")
    '\\tilde{w}^l = w^l - \\eta \\delta^l'
    >>> plain(r"\frac{\partial \mathbf{L}}{\partial \mathbf{W}}")
    '\\frac{\\partial \\mathbf{L}}{\\partial W}'
    """
    return _BARE_TILDE.sub(r"\\\1{\2}", _FONTED.sub(r"\1", text))


def is_rule(text: str) -> bool:
    """Whether ``text`` reads as an update rule with an arrow, := or a step index (``w_{t+1} = w_t - …``)."""
    text = plain(text)
    return bool(re.search(ARROW, text) or _next_step(text) or _other_steps(text) or read_new(text)) \
        and ("-" in text or "+" in text) and read_rule(text) is not None


def read_rule(text: str) -> "Rule | None":
    r"""The parameter and the value sides of an update rule (None if it is not one); the new value may be named
    by an arrow, a step index, a prime, a tilde or a mark (``w^{l,\text{new}}``, ``w^{l}_{(t+1)}``: ``updatenames``).

    >>> read_rule(r"\tilde{b}^l = b^l - \eta \frac{\partial C}{\partial b^l}").param
    'b^l'
    """
    text = source = plain(text)
    marked = read_new(text) if not re.search(ARROW, text) else None
    stepped = (_next_step(text) or _other_steps(text) or (marked and (marked.param, marked.rest))) \
        if not re.search(ARROW, text) else None
    parts = list(stepped) if stepped else re.split(ARROW, text, maxsplit=1)
    if len(parts) != 2:
        return None
    param = parts[0].strip()
    if not re.fullmatch(r"(?:[A-Za-z]|" + GREEK_PARAM + r")(?:(\^\{?[A-Za-z0-9()\[\]+\-]+\}?)?(_\{?[A-Za-z0-9]+\}?)?|"
                        r"_\{?[A-Za-z0-9]+\}?\^\{?[A-Za-z0-9()\[\]+\-]+\}?)", param):  # w^l_{jk}, w_{ji}^{(l)}
        return None
    sides = [s for s in _split_eq(parts[1])]
    steps, misnamed = [], ""
    for side in sides:
        new = new_value_of(side)
        if new is not None and len(sides) > 1:  # w^l_{jk} \to \tilde{w}^l_{jk} = …: the new value's name
            misnamed = misnamed or (new if norm(new) != norm(param) else "")
            continue
        if _NEW_NAME.match(side):
            continue
        canon = canonical(side)
        if canon is None:
            # \tilde w = w - η δ a · 2 + η δ a: a rule (a rate in it), its value side not read (review rv35 C2)
            if re.search(RATES + r"(?![A-Za-z])", side) and not steps:
                return Rule(param, (), f"the value side {side.strip()} is not read as the old value plus or minus one "
                                       "step (a learning rate times a gradient): write it as old − rate · gradient")
            return None
        text, slip, note = canon
        m = _STEP.match(text)
        if m is None:
            return None
        upper = lower = ""
        var = None
        if m.group("sum"):
            sub = re.search(r"_\s*(\{[^{}]*\}|[A-Za-z0-9])", m.group("sum"))
            index = sub.group(1).strip("{}").split("=", 1) if sub else [""]
            var = index[0].strip()
            lower = index[1].strip() if len(index) > 1 else ""
            sup = re.search(r"\^\s*(\{[^{}]*\}|[A-Za-z0-9])", m.group("sum"))
            upper = sup.group(1).strip("{}").strip() if sup else ""
        steps.append(Step(side.strip(), m.group("old").strip(), m.group("sign"), m.group("rate") or m.group("rate2"),
                          m.group("den") or "", var, upper, m.group("body").strip().rstrip(",."), slip=slip,
                          note=note, canon=text, sum_lower=lower))
    unread = marked.unread if marked and stepped and stepped[0] == marked.param else ""
    step = None if marked or not stepped else (_NEXT.match(source) or _NOW.match(source))
    if step is not None and not unread:  # b^l_{t+1} = b^l_t − η δ^l_t: t is a step here, and on δ?
        letter = step.group("t") or step.groupdict().get("t2")
        unread = also_labels(stepped[1], letter, stepped[0], source.split("=", 1)[0].strip())
    return Rule(param, tuple(steps), unread, misnamed) if steps else None


def _split_eq(text: str) -> list:
    out, depth, cur = [], 0, ""
    for c in text:
        depth += c in "{("
        depth -= c in "})"
        if c == "=" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
    return out + [cur]
