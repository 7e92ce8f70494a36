r"""The name of the new value in a layered update rule: ``w^{l,\text{new}} = w^l - …`` as ``w^l`` and ``w^l - …``.

Layered notes name the value a step of gradient descent gives in many ways: ``w^{l,\text{new}}``,
``(w^l)^{\text{new}}``, ``w^l_{\text{new}}``, ``w^{l}_{(t+1)}``, ``W^{l,(t+1)}``, ``W^{(t+1)}``,
``\tilde{b}^l``, ``\tilde{b^l}``, ``w'^l_{jk}``. Each is the parameter itself (``w^l``, ``b^l``,
``w^l_{jk}``) with a mark that says "the value after the step". The marks are those the graph
reader knows (``graphtokens.NEW_OLD``, ``graphtokens.STEP_MARK``, ``graphmodel.untilded``); here they are
taken off a name written with a layer and entry indices, and the old value's own mark (``w^{l,\text{old}}``,
``w^{l}_{(t)}``, ``W^{(t)}`` beside ``W^{(t+1)}``) is taken off wherever the rule writes it, so the rule
reads as ``w^l \to w^l - …`` and ``updates`` judges it. A step superscript is never a power, a layer
or a sample label: ``^{(l+1)}`` is a layer (l, L are never step letters) and a rule whose step letter also
labels a training input (``\delta^{(t),l}`` beside ``w^{l}_{(t+1)}``) is not read (``StepRead.unread``).

>>> read_new(r"w^{l,\text{new}} = w^{l,\text{old}} - \eta \frac{\partial C}{\partial w^l}")
StepRead(param='w^{l}', rest='w^{l} - \\eta \\frac{\\partial C}{\\partial w^l}', unread='')
>>> read_new(r"w'^l_{jk} = w^l_{jk} - \eta \delta^l_j a^{l-1}_k").param
'w^l_{jk}'
>>> read_new(r"w^l = \sigma(z^l)") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .graphmodel import Sym, untilded
from .graphtokens import NEW_OLD, STEP_MARK

_SCRIPT = r"(?:\s*[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]|\\prime(?![A-Za-z]))|\s*')"
#: A name with its scripts and primes: ``w^{l,\text{new}}``, ``w'^l_{jk}``, ``\tilde{b}^l``, ``(w^l)^{\text{new}}``.
_NAME = re.compile(r"(?P<paren>\(\s*(?P<inner>[A-Za-z](?:" + _SCRIPT + r")*)\s*\))(?P<outer>(?:" + _SCRIPT + r")+)"
                   r"|(?P<tilde>\\(?:tilde|widetilde)\s*\{\s*(?P<under>[A-Za-z](?:" + _SCRIPT + r")*)\s*\})"
                   r"(?P<after>(?:" + _SCRIPT + r")*)"
                   r"|(?<![A-Za-z\\])(?P<letter>[A-Za-z])(?P<scripts>(?:" + _SCRIPT + r")*)")
#: The cost and the quantities of one training input: a label on them names the input, never a step.
_OF_ONE_INPUT = re.compile(r"[CLJExyaz](?![A-Za-z])")
_ONE_SCRIPT = re.compile(r"\s*(?:(?P<kind>[\^_])\s*(?:\{(?P<braced>(?:[^{}]|\{[^{}]*\})*)\}|(?P<bare>[A-Za-z0-9]|"
                         r"\\prime(?![A-Za-z])))|(?P<prime>'))")


@dataclass(frozen=True)
class StepRead:
    param: str  # the parameter the rule updates, its marks taken off (w^{l}, b^{l}_{j})
    rest: str  # the value side(s), the old value's marks taken off
    unread: str = ""  # why the step letter is not read (it also labels a training input), else ''


def mark(part: str) -> tuple:
    r"""What one comma-separated part of a script says: ("new",), ("old",), ("step", letter, offset) for
    ``(t+1)`` (1), ``(t)`` (0), ``(t-1)`` (−1); () for a layer or an index.

    >>> mark(r"\text{new}"), mark("(t+1)"), mark("(l+1)"), mark("l")
    (('new',), ('step', 't', 1), (), ())
    """
    text = re.sub(r"\s+", "", part)
    if NEW_OLD.fullmatch(text) and text.count("{") == text.count("}"):
        return ("new",) if "new" in text else ("old",)
    step = STEP_MARK.fullmatch(text)
    if step:
        return ("step", step.group(1), int(step.group(2) or 0))
    return ()


def _split(scripts: str) -> "tuple[str, list] | None":
    """(the scripts without their marks, the marks: ("prime",) for a prime); None if they do not read."""
    kept, marks, pos = "", [], 0
    while pos < len(scripts.rstrip()):
        m = _ONE_SCRIPT.match(scripts, pos)
        if m is None or m.end() == pos:
            return None
        pos = m.end()
        if m.group("prime") or m.group("bare") == "\\prime":
            marks.append(("prime",))
            continue
        parts = [p for p in re.split(r",", m.group("braced")) if p.strip()] if m.group("braced") is not None \
            else [m.group("bare")]
        if m.group("braced") is not None and m.group("braced").strip() == "\\prime":
            marks.append(("prime",))
            continue
        found = [mark(p) for p in parts]
        marks += [f for f in found if f]
        rest = [p.strip() for p, f in zip(parts, found) if not f]
        if rest and len(rest) == len(parts):
            kept += m.group(0).strip()  # no mark in it: the script as written (w^l stays w^l)
        elif rest:
            kept += f"{m.group('kind')}{{{','.join(rest)}}}"
    return kept, marks


def name_marks(text: str) -> "tuple[str, list] | None":
    r"""(the name without its marks, its marks) of a name written whole in ``text``; None if ``text`` is not one.

    >>> name_marks(r"(w^l)^{\text{new}}"), name_marks(r"\tilde{b}^l")
    (('w^l', [('new',)]), ('b^l', [('tilde',)]))
    """
    m = _NAME.fullmatch(text.strip())
    return None if m is None else _of(m)


def _of(m: re.Match) -> "tuple[str, list] | None":
    if m.group("paren"):
        inner, outer = name_marks(m.group("inner")), _split(m.group("outer"))
        if inner is None or outer is None or outer[0]:
            return None  # (w^l)^T: a transpose, not a mark
        return inner[0], inner[1] + outer[1]
    if m.group("tilde"):
        under = untilded(Sym(f"\\tilde{{{m.group('under')}}}"))
        inner = name_marks(under.base) if under is not None else None
        after = _split(m.group("after"))
        if inner is None or after is None:
            return None
        return inner[0] + after[0], [("tilde",)] + inner[1] + after[1]
    split = _split(m.group("scripts"))
    if split is None:
        return None
    return m.group("letter") + split[0], split[1]


def _top_eq(text: str) -> int:
    depth = 0
    for k, c in enumerate(text):
        depth += c in "{(["
        depth -= c in "})]"
        if c == "=" and depth == 0 and text[k - 1:k] not in (":", "<", ">", "!"):
            return k
    return -1


def read_new(text: str) -> "StepRead | None":
    r"""The parameter and the value side of ``new = old - …`` when the left side names the parameter's new value
    (a tilde, a prime, new, a step ``(t+1)``, or ``(t)`` beside an old value at ``(t-1)``); None for other text.

    >>> read_new(r"W^{(t+1)} = W^{(t)} - \eta \frac{\partial C}{\partial W^{(t)}}").rest
    'W - \\eta \\frac{\\partial C}{\\partial W}'
    >>> read_new(r"w^{l}_{(t+1)} = w^{l}_{(t)} - \eta \delta^{(t),l}").unread
    't numbers the steps of w^{l} here (w^{l}_{(t+1)}), and also labels \\delta^{(t),l}: a training sample or a step, the notes do not say'
    """
    at = _top_eq(text)
    if at < 0:
        return None
    left, rest = text[:at].strip(), text[at + 1:]
    named = name_marks(left)
    if named is None or len(named[1]) != 1:
        return None
    param, (kind,) = named
    if kind in (("new",), ("tilde",), ("prime",)):
        before = {("old",)}
        letter = ""
    elif kind[0] == "step" and kind[2] in (0, 1):
        letter = kind[1]
        before = {("step", letter, kind[2] - 1)}
    else:
        return None  # w^{\text{old}} = …: not the new value of anything

    def unmark(m: re.Match) -> str:
        found = _of(m)
        if found is None or not found[1] or any(f not in before for f in found[1]) or (
                _OF_ONE_INPUT.match(found[0]) and found[0][0] != param[0]):
            return m.group(0)  # C^{(t)}, x^{(t)}: the cost or a quantity of one input, labelled (never a step)
        return found[0]

    value = _NAME.sub(unmark, rest).strip()
    if kind[0] == "step" and kind[2] == 0 and value == rest.strip():
        return None  # W^{(t)} = …: a step only beside W^{(t-1)}
    unread = also_labels(value, letter, param, left) if letter else ""
    return StepRead(param, value, unread)


def also_labels(value: str, letter: str, param: str, left: str) -> str:
    r"""Why the step letter of a rule is not read when the value side also writes it on another quantity, else ''.

    >>> also_labels(r"b^l - \eta \delta^l_t", "t", "b^l", "b^l_{t+1}")
    't numbers the steps of b^l here (b^l_{t+1}), and also labels \\delta^l_t: a training sample or a step, the notes do not say'
    >>> also_labels(r"b^l - \eta \delta^l", "t", "b^l", "b^l_{t+1}")
    ''
    """
    # δ^{(t),l}, δ_t, and δ^l_t after a superscript (review 23 p22: b^l_{t+1} = b^l_t − η δ^l_t read t as a neuron)
    label = re.search(r"(?:\\delta|(?<![A-Za-z\\])[A-Za-z])\s*(?:\^\s*\{\s*\(\s*" + letter + r"\s*\)\s*(?:,[^{}]*)?\}"
                      r"|(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?_\{?\s*" + letter + r"(?![A-Za-z+\-]))", value)
    if label is None:
        return ""
    return (f"{letter} numbers the steps of {param} here ({left}), and also labels {label.group(0)}: a training "
            "sample or a step, the notes do not say")
