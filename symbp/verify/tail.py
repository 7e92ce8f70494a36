r"""A formula with what is written after it: tags label it, conditions restrict it.

Notes write ``\delta^L = \nabla_a C \odot \sigma'(z^L) \quad (\text{BP1})`` or
``\delta^l = \dots, \quad l = 2, \dots, L-1``. Nothing after the formula is
dropped: a tag (``\tag{…}``, ``(\text{BP1})``) is kept as a label (``labels``); a condition
(``\quad l = L``, ``\text{for } l < L``, ``2 \le l \le L-1``,
``j = 1, \dots, n_l``) restricts the claim to those values, and the verdict
says so; anything else is an error naming its position.

>>> from symbp.verify.reader import read_claim
>>> c = read_claim(r"\delta^l = \nabla_a C, \quad l = L")
>>> [w.text for w in c.conditions], c.labels
(['l = L'], ())
>>> read_claim(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j \tag{BP3}").labels
('BP3',)
>>> read_claim(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j, \quad j = 2 \delta^l_j")
Traceback (most recent call last):
...
symbp.verify.lexer.ReadError: unexpected input after the condition j = 2 (a condition ends at \quad, a comma or the end of the formula) at position 60 (found “\delta”) in “\frac{\partial C}{\partial b^l_j} = \delta^l_j, \quad j = 2 \delta^l_j”
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import _key, _label_words, _tag
from .lexer import NO_NUMBER, ReadError, _layer, _size
from .nodes import Equation, Index, Layer, Where

_OPS = {"=": "=", "<": "<", ">": ">", "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥",
        "geqslant": "≥", "lt": "<", "gt": ">", "neq": "≠", "ne": "≠"}
_LEADS = ("for all", "for every", "for each", "for any", "for", "if", "where", "when", "with", "and", "only for",
          "only if", "only when",
          # Czech, Russian, Polish: if, when, where, for (all); the condition after them is read like the English one
          "pokud", "když", "jestliže", "je-li", "kde", "pro", "pro všechna", "pro každé", "pro každý",
          "если", "когда", "где", "при", "для", "для всех", "для каждого",
          "jeśli", "jeżeli", "gdy", "kiedy", "gdzie", "dla", "dla wszystkich", "dla każdego")


@dataclass(frozen=True)
class Claim:
    """A formula (``equation``), its labels (tags) and its conditions (``Where``s, as written)."""

    equation: Equation
    labels: tuple = ()
    conditions: tuple = ()

    def describe(self) -> str:
        """Words for the report: what the tags and conditions did."""
        out = []
        spaces = [w for w in self.conditions if w.kind == "space"]
        if spaces:
            out.append(f"Its value is said to be {', '.join(w.text for w in spaces)}: a column vector of that size, "
                       "checked on every instance.")
        if len(spaces) < len(self.conditions):
            texts = ", ".join(w.text for w in self.conditions if w.kind != "space")
            out.append(f"The claim is restricted by its condition{'s' if len(self.conditions) - len(spaces) > 1 else ''} {texts}: "
                       "values outside it are not claimed (they are listed as outside the formula's domain).")
        if self.labels:
            out.append(f"Labelled {', '.join(self.labels)} (a label, not checked).")
        return " ".join(out)


_TAIL_WORDS = ("only", "all", "every", "each") + tuple(w for w in _LEADS if " " not in w)


def is_tail_text(words: str) -> bool:
    """A ``\\text{…}`` that starts a remark (for …, if …, pokud …, (BP1)), not a quantity's name."""
    first = words.strip().lower().split(" ", 1)[0] if words.strip() else ""
    return words.strip().startswith("(") or first in _TAIL_WORDS


def _lead_and_letter(words: str) -> tuple[str, str | None]:
    """``if``, or ``když j`` (a lead with the condition's first letter typed inside the text): (lead, letter)."""
    lead = " ".join(words.lower().split())
    head, _, last = lead.rpartition(" ")
    if lead not in _LEADS and head in _LEADS and len(last) == 1 and last.isalpha() and last.isascii():
        return head, words.split()[-1]
    return lead, None


# -- the tail: separators, labels and conditions ---------------------------------------------


#: ``n_L = 1`` after a formula: a condition on the number of output neurons, not a second formula.
_OUTPUT_SIZE = re.compile(r"n\s*[_^]\s*\{?\s*[\[(]?\s*L\s*[\])]?\s*\}?\s*=\s*\d")


def read_tail(p) -> tuple[list, list]:
    """The labels and conditions after a formula (the parser stands just after it)."""
    labels, conditions = [], []
    while True:
        t = p.peek()
        if t.kind == "end":
            return labels, conditions
        if (t.kind == "char" and t.text in ",;.") or (t.kind == "macro" and t.text in ("quad", "qquad")):
            p.next()
            continue
        if t.kind == "macro" and t.text == "label":
            labels.append(_key(p))  # \label{eq:bp3}: a cross-reference key, not rendered
            continue
        if t.kind == "macro" and t.text == "tag":
            labels.append(_tag(p))
            continue
        if t.kind == "macro" and (t.text in NO_NUMBER or (t.text == "\\" and p.peek(1).kind == "end")):
            p.next()  # no number for this line; a line break at the very end
            continue
        if t.kind == "macro" and t.text == "in":
            conditions.append(_space(p))  # "… \in \mathbb{R}^{n_l}": what the formula is, checked
            continue
        words = p.text_at()
        if t.kind == "char" and t.text == "(" and p.peek(1).kind == "num" and p.peek(2).text == ")":
            p.next()  # "\quad (2)": an equation number set apart from the formula
            labels.append(p.next().text)
            p.expect(")")
            continue
        if t.kind == "char" and t.text == "(" and p.text_at(1) is None:
            p.next()  # "(l < L)": a condition in parentheses
            conditions.append(_condition(p))
            p.expect(")")
            continue
        if t.kind == "char" and t.text == "(" and p.text_at(1) is not None:
            p.next()
            labels.append(_label_words(p, p.text_at(), p.peek()))
            _skip_text(p)
            p.expect(")")
            continue
        if words is not None and words.strip().startswith("("):
            tok = p.peek()
            _skip_text(p)
            labels.append(_label_words(p, words.strip()[1:-1] if words.strip().endswith(")") else words, tok))
            continue
        if t.kind == "char" and t.text.isalpha() and p.peek(1).kind == "char" and p.peek(1).text in "^_'(" \
                and not _OUTPUT_SIZE.match(p.text, t.pos):
            p.fail("a \\quad separates two formulas here; give them one at a time", t)
        if words is not None or (t.kind == "macro" and t.text == "forall") or (t.kind == "char" and t.text.isalpha()) \
                or t.kind == "num":
            conditions.append(_condition(p))
            continue
        if t.kind == "macro":
            p.fail("a \\quad separates two formulas here, or a remark symbp does not read follows the formula; "
                   "give formulas one at a time (a tag reads \\tag{BP1}, a condition \\quad l = L)", t)
        p.fail("unexpected input after the formula (only a tag such as \\tag{BP1} or a condition such as "
               "\\quad l = L may follow it)", t)


def _space(p) -> Where:
    """``\\in \\mathbf{R}^{n^{[0]}}`` after a formula: its value is a column of n^{[0]} real numbers.

    Only the reals to the power of one layer size are read (a column vector of that layer's
    size); ℝ alone, ℝ^{m \\times n} or any other set is not read, rather than ignored.
    """
    start = p.next()  # \in
    if p.peek().kind == "macro" and p.peek().text in ("mathbf", "mathbb", "mathrm", "Bbb", "mathcal"):
        p.next()
        raw = p.script()
    else:
        raw = [p.next().text]
    if raw != ["R"] or not p.at("^"):
        p.fail("after \\in symbp reads only the reals to the power of a layer size, as in \\mathbb{R}^{n_l}", start)
    stok = p.next()
    layer = _size(p.script(), stok, p)
    text = p.text[start.pos:p.peek().pos].strip().rstrip(",;.").strip()
    end = p.peek()
    if not (end.kind == "end" or (end.kind == "char" and end.text in ",;.") or end.text in ("quad", "qquad", "tag")):
        p.fail(f"unexpected input after {text} (a formula's space ends it)", end)
    return Where("", Index(size=layer), None, "space", text)


def _skip_text(p) -> None:
    p.next()  # \text
    p.script()  # its braced words



def _condition(p) -> Where:
    start = p.peek()
    words = p.text_at()
    letter = None  # "\\text{když j} \\neq k": the condition's letter typed inside the words
    if words is not None:
        lead, letter = _lead_and_letter(words)
        if lead not in _LEADS:
            p.fail(f"the words \\text{{{words}}} after the formula are not a condition symbp reads "
                   "(for, if, where, when; pokud, když, kde, pro; если, при, где, для; jeśli, gdy, gdzie, dla)", start)
        _skip_text(p)
    lead_forall = p.at("forall")
    if lead_forall:
        p.next()
    first = p.peek()
    items, ops = [("var", letter) if letter else _value(p)], []
    if items[0][0] == "var" and _op(p.peek()) is None and not p.at("in") and (words is not None or lead_forall):
        # "for all l", "\forall l": the claim's own quantifier, restricting nothing (the letter must be the formula's).
        return Where(items[0][1], None, None, "", p.text[start.pos:p.peek().pos].strip().rstrip(",;.").strip())
    while True:
        t = p.peek()
        op = _op(t)
        if op is None:
            break
        p.next()
        ops.append(op)
        items.append(_value(p))
        if op == "=" and p.at(","):
            items[-1] = _listed(p, items[-1])
    if p.at("in"):
        p.next()
        if not p.at("{"):
            p.fail("expected \\{ after \\in", p.peek())
        p.next()
        ops.append("=")
        items.append(_listed(p, _value(p)))
        if not p.at("}"):
            p.fail("expected \\} to close the set", p.peek())
        p.next()
    end = p.peek()
    text = p.text[first.pos:end.pos].strip().rstrip(",;.").strip()
    if letter:
        text = f"{letter} {text}"
    if not (end.kind == "end" or (end.kind == "char" and end.text in ",;.()") or end.text in ("quad", "qquad", "tag")
            or p.text_at() is not None):
        p.fail(f"unexpected input after the condition {p.text[first.pos:end.pos].strip()} (a condition ends at "
               "\\quad, a comma or the end of the formula)", end)
    return _where(p, items, ops, text, first)


def _op(t) -> str | None:
    if t.kind == "char" and t.text in "=<>":
        return t.text
    if t.kind == "macro" and t.text in _OPS:
        return _OPS[t.text]
    return None


def _value(p):
    """('num', n) | ('L', offset) | ('var', name) | ('size', Layer) | ('dots',)."""
    words = p.text_at()
    if words is not None and len(words.strip()) == 1 and words.strip().isalpha():
        _skip_text(p)  # "\\text{k}": a letter typed in the words of the condition
        return ("var", words.strip())
    t = p.next()
    if t.kind == "num":
        if not t.text.isdigit():
            p.fail("a layer or a neuron in a condition is a whole number", t)
        return ("num", int(t.text))
    if t.kind == "macro" and t.text in ("dots", "ldots", "cdots"):
        return ("dots",)
    if t.kind == "char" and t.text.isalpha():
        if t.text == "n" and (p.at("_") or p.at("^")):
            stok = p.next()
            return ("size", _layer(p.script(), stok, p))
        offset = 0
        if p.at("+") or p.at("-"):
            sign = p.peek()
            if p.peek(1).kind == "num" and p.peek(1).text.isdigit():
                p.next()
                offset = int(p.next().text) * (1 if sign.text == "+" else -1)
        if t.text == "L":
            return ("L", offset)
        if offset:
            p.fail(f"a condition on {t.text}{'+' if offset > 0 else '-'}{abs(offset)} is not read; "
                   f"write it on {t.text} itself", t)
        return ("var", t.text)
    p.fail("expected a layer (2, L, L-1), a layer size n_l or the variable of a condition", t)


def _listed(p, first):
    """``2, 3, \\dots, L-1`` after ``l =``: the range it spells (consecutive values only)."""
    values = [first]
    while p.at(","):
        nxt = p.peek(1)
        if not (nxt.kind == "num" or (nxt.kind == "macro" and nxt.text in ("dots", "ldots", "cdots"))
                or (nxt.kind == "char" and nxt.text in ("L", "n"))):
            break
        p.next()
        values.append(_value(p))
    if len(values) == 1:
        return first
    dots = [i for i, v in enumerate(values) if v == ("dots",)]
    if len(dots) > 1 or (dots and dots[0] in (0, len(values) - 1)):
        p.fail("a list of layers must read like 2, 3, \\dots, L-1", p.peek())
    written = values[: dots[0]] if dots else values
    last = values[-1]
    if _downwards(written, last):  # L-1, \dots, 2 (also L, L-1, \dots, 2; 4, 3, 2): an algorithm's backward loop
        return ("range", last, written[0])
    nums = [v for v in written if v[0] == "num"]
    if len(nums) != len(written) or any(b[1] != a[1] + 1 for a, b in zip(nums, nums[1:])):
        p.fail("a list of layers must be consecutive, like 2, 3, \\dots, L-1", p.peek())
    if not dots and last[0] != "num":
        p.fail("a list of layers must read like 2, 3, \\dots, L-1", p.peek())
    return ("range", written[0], last)


def _downwards(written: list, last: tuple) -> bool:
    """Do the values ``written`` before the dots (or all of them) count down by one, each a layer L − k or all
    numbers, to the number ``last`` below them (``L-1, \\dots, 2``; ``3, 2, 1``)?"""
    if last[0] != "num" or not written or any(v[0] != written[0][0] or v[0] not in ("L", "num") for v in written):
        return False
    steps = all(b[1] == a[1] - 1 for a, b in zip(written, written[1:]))
    if written[0][0] == "L":
        return steps
    return steps and (written[-1][1] > last[1] or (len(written) > 1 and written[-1] is last))


def _where(p, items: list, ops: list, text: str, tok) -> Where:
    vars_ = [i for i, v in enumerate(items) if v[0] == "var"]
    if not vars_ and any(v[0] == "size" for v in items):  # "\\text{for } n_L = 1": the number of output neurons
        return _outputs(p, items, ops, text, tok)
    if not vars_:  # "L = 3", "L \\ge 3": a condition on the depth itself
        vars_ = [i for i, v in enumerate(items) if v == ("L", 0)]
        if len(vars_) == 1:
            items = list(items)
            items[vars_[0]] = ("var", "L")
    if "≠" in ops:  # j \\neq k: two neuron indices that differ (the only inequality read)
        if ops != ["≠"] or len(vars_) != 2:
            p.fail(f"cannot read the condition {text!r} (≠ is read between two indices, as in j \\neq k)", tok)
        return Where(items[0][1], None, None, "", rf"{items[0][1]} \neq {items[1][1]}", differs=items[1][1])
    if len(vars_) != 1 or not ops:
        p.fail(f"cannot read the condition {text!r} (expected one variable, as in l = L or 2 \\le l \\le L-1)", tok)
    k = vars_[0]
    var = items[k][1]
    lo = hi = None
    for i, op in enumerate(ops):
        left, right = items[i], items[i + 1]
        if i != k and i + 1 != k:
            p.fail(f"cannot read the condition {text!r}", tok)
        if op == "=":
            other = left if i + 1 == k else right
            if other[0] == "range":
                lo, hi = other[1], other[2]
            else:
                lo = hi = other
            continue
        # Normalise to "var op value".
        if i + 1 == k:  # value op var: flip
            left, right, op = right, left, {"<": ">", ">": "<", "≤": "≥", "≥": "≤"}[op]
        value = right
        if op in ("<", "≤"):
            hi = _shift(value, -1 if op == "<" else 0, p, tok)
        else:
            lo = _shift(value, 1 if op == ">" else 0, p, tok)
    return Where(var, _bound(lo), _bound(hi), "", text)


def _outputs(p, items: list, ops: list, text: str, tok) -> Where:
    """``n_L = 1`` (also ``1 = n_L``): the claim is about networks with that many output neurons (kind "outputs",
    the count in ``lo`` and ``hi``); a condition on another layer's size, or an inequality, is not read."""
    sizes = [v for v in items if v[0] == "size"]
    nums = [v for v in items if v[0] == "num"]
    if ops != ["="] or len(sizes) != 1 or len(nums) != 1:
        p.fail(f"cannot read the condition {text!r} (a layer size is read in a condition only as the number of "
               "output neurons, as in n_L = 1)", tok)
    layer = sizes[0][1]
    if layer.var != "L" or layer.offset != 0:
        p.fail(f"cannot read the condition {text!r}: only the output layer's size n_L is read in a condition "
               "(as in n_L = 1)", tok)
    if nums[0][1] < 1:
        p.fail(f"cannot read the condition {text!r}: a layer has at least one neuron", tok)
    return Where("n_L", nums[0][1], nums[0][1], "outputs", text)


def _shift(value, by: int, p, tok):
    if value[0] == "num":
        return ("num", value[1] + by)
    if value[0] == "L":
        return ("L", value[1] + by)
    if value[0] == "size" and by == 0:
        return value
    p.fail("a condition compares a variable with a number or L (<, >, ≤, ≥), or a neuron index with a layer "
           "size (≤ n_l or = 1, \\dots, n_l)", tok)


def _bound(value):
    if value is None:
        return None
    kind = value[0]
    if kind == "num":
        return Layer(None, value[1])
    if kind == "L":
        return Layer("L", value[1])
    if kind == "size":
        return Index(size=value[1])
    raise ReadError(f"a condition cannot use {value[0]} as a bound")
