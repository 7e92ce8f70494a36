r"""Per-sample notation: quantities of one training input x, in every profile.

Notes that teach mini-batches label each quantity with the training input it
belongs to: ``\delta^{x,l}``, ``a^{x,l-1}``, ``z^{x,L}``, ``a^L(x)``, ``y(x)``,
``y^{(t)}``, ``C_x``. A claim all of whose labels name the *same* input x is a
claim about one input, for every input: the network's quantities for input x
are its quantities (the input and the target are free symbols), so it is
checked with the labels taken off and says so. Quantities without a label
beside labelled ones (``a^l = \sigma(z^{x,l})``) are read as those of the same
input. Labels naming two different inputs are not read (uninterpretable).

>>> per_sample(r"\delta^{x,l}=\left(\left(w^{l+1}\right)^T\delta^{x,l+1}\right)\odot\sigma'\left(z^{x,l}\right)").text
"\\delta^{l}=\\left(\\left(w^{l+1}\\right)^T\\delta^{l+1}\\right)\\odot\\sigma'\\left(z^{l}\\right)"
>>> per_sample(r"z^l = w^l a^{l-1} + b^l") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexer import ReadError
from .nodes import walk
from .reader import read_claim
from .samplelabels import SAMPLE_LETTERS, input_factor, label_first
from .setwords import set_name
from .stepsums import mixed_cost


#: ^{x,l-1}, ^{(t),L}, and ^{x_i,(l)}: the i-th input of a mini-batch x_1 … x_m (its label x_i, review rv34)
_SUPER = re.compile(r"\^\{\s*\(?\s*([" + SAMPLE_LETTERS + r"](?:_\{?[a-z]\}?(?![A-Za-z]))?)\s*\)?\s*,\s*([^{}]+?)\s*\}")
_PAREN_SUPER = re.compile(r"\^\{\s*\(\s*([" + SAMPLE_LETTERS + r"])\s*\)\s*\}")  # y^{(t)}
_ARG = re.compile(r"(?<=[A-Za-z}])\s*\(\s*([" + SAMPLE_LETTERS + r"])\s*\)")  # y(x), a^L(x)
#: C_x, C_{x}: the cost of one input (a brace taken only with the one that opens it: ``\partial C_x}`` keeps its ``}``).
_COST = re.compile(r"(C|L|J|E)_(?:\{\s*([" + SAMPLE_LETTERS + r"])\s*\}|([" + SAMPLE_LETTERS + r"]))(?![A-Za-z0-9_^])")


def _label(m: re.Match) -> str:
    """The input a match of ``_COST`` names."""
    return m.group(2) or m.group(3)


@dataclass(frozen=True)
class PerSample:
    text: str  # the claim with its sample labels taken off
    sample: str  # the input's letter
    words: str  # how it was read


#: A quantity of one training input (δ, a, z, y) with its layer, indices, and a label or argument after it.
_PER_INPUT = re.compile(r"(?:\\delta|(?<![A-Za-z\\])[azxy])(?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w))*"
                        r"(?:\s*\(\s*(?:[A-Za-z]|x\s*\^\s*\{\s*\(\s*[A-Za-z]\s*\)\s*\}|x\s*\^\s*\(\s*[A-Za-z]\s*\)|"
                        r"x\s*_\s*\{?[A-Za-z0-9]\}?)\s*\))?")


def unlabelled(body: str, label: str) -> str:
    r"""The first quantity of one training input in ``body`` that does not carry the label ``label`` (``(a^{l-1})``
    in ``\delta^{(t),l} (a^{l-1})^T``), or '' when all do (or none is labelled at all).

    >>> unlabelled(r"\delta^{(t),l} (a^{l-1})^T", "t"), unlabelled(r"\delta^{(t),l} (a^{(t),l-1})^T", "t")
    ('a^{l-1}', '')
    >>> unlabelled(r"\delta^l(x^{(t)}) (a^{l-1}(x^{(t)}))^T", "t"), unlabelled(r"\delta^{l}", "x")
    ('', '')
    """
    found = [m.group(0) for m in _PER_INPUT.finditer(body)]
    letter = re.compile(rf"(?<![A-Za-z\\]){re.escape(label)}(?![A-Za-z])")
    labelled = [q for q in found if letter.search(q)]
    if not labelled:
        return ""
    return next((q for q in found if not letter.search(q)), "")


_COST_SUPER = re.compile(r"(?<![A-Za-z\\])(?P<c>C|L|J|E)\s*\^\s*"
                         r"(?:\{\s*\(\s*(?P<a>[xt])\s*\)\s*\}|\{\s*(?P<b>[xt])\s*\}|\(\s*(?P<d>[xt])\s*\)|(?P<e>[xt])(?![A-Za-z]))")


def cost_superscripts(formula: str) -> str:
    r"""``formula`` with the cost of one training input written as a superscript (``C^{(t)}``, ``C^{x}``,
    ``L^{(t)}``) written as the subscript the rest of symbp reads (``C_t``, ``C_x``): the same per-sample cost.

    >>> cost_superscripts(r"C = \frac{1}{m}\sum_{t=1}^{m} C^{(t)}")
    'C = \\frac{1}{m}\\sum_{t=1}^{m} C_{t}'
    >>> cost_superscripts(r"\delta^{x,L} = \nabla_a C^x \odot \sigma'(z^{x,L})")
    "\\delta^{x,L} = \\nabla_a C_{x} \\odot \\sigma'(z^{x,L})"
    """
    def sub(m: re.Match) -> str:
        return f"{m.group('c')}_{{{m.group('a') or m.group('b') or m.group('d') or m.group('e')}}}"

    return _COST_SUPER.sub(sub, label_first(formula))


def per_sample(formula: str) -> "PerSample | None":
    """The single-input reading of a claim with per-sample labels, or None if it has none.

    Raises ``ValueError`` when the labels name different inputs.
    """
    formula = label_first(formula)
    labels = set()
    for pattern in (_SUPER, _PAREN_SUPER):
        labels |= {m.group(1) for m in pattern.finditer(formula)}
    args = {m.group(1) for m in _ARG.finditer(formula) if _is_data_call(formula, m)}
    costs = {_label(m) for m in _COST.finditer(formula)}
    found = labels | args | costs
    if not labels and not args:
        return None  # C_x alone is read by the reader itself (the cost of one sample)
    if len(found) > 1:
        raise ValueError(f"the formula names several training inputs ({', '.join(sorted(found))}); a claim "
                         "about one input at a time is read")
    (letter,) = found
    text = _SUPER.sub(lambda m: "^{" + m.group(2) + "}", input_factor(formula))
    text = _PAREN_SUPER.sub("", text)
    text = _ARG.sub(lambda m: "" if _is_data_call(text, m) else m.group(0), text)
    words = (f"per sample: every quantity labelled {letter} is of one training input {letter} (for every input; "
             "quantities without a label beside them are of the same input)")
    if args:
        words += (f"; ({letter}) after a quantity (a^L({letter}), z^L({letter}), y({letter})) is that label, dropped, "
                  f"not a product with the input {letter}")
    return PerSample(text, letter, words)


_LAYER_ARG = re.compile(r"(?P<q>\\delta|[az])\s*\^\s*(?:\{(?P<l1>[^{}]+)\}|(?P<l2>[A-Za-z0-9]))\s*\(\s*(?P<s>["
                        + SAMPLE_LETTERS + r"])\s*\)")


def as_superscripts(formula: str) -> str:
    r"""``formula`` with each layered quantity's sample argument written as a superscript (``a^L(x)`` as
    ``a^{x,L}``) and the target's argument taken off (``y(x)`` as ``y``): the reader's form of the labels.

    >>> as_superscripts(r"a^L(x) = \sigma(z^{x,L})")
    'a^{x,L} = \\sigma(z^{x,L})'
    """
    text = _LAYER_ARG.sub(lambda m: f"{m.group('q')}^{{{m.group('s')},{m.group('l1') or m.group('l2')}}}", formula)
    return re.sub(r"(?<![A-Za-z\\])(y(?:_\{?[A-Za-z0-9]+\}?)?)\s*\(\s*[" + SAMPLE_LETTERS + r"]\s*\)", r"\1", text)


_BY_INPUT = r"(?:a|z|\\delta|g|h)(?![A-Za-z])"  # a quantity of the one input (its labels taken off)
_NABLA_C = r"\\nabla_\s*(?:\{\s*" + _BY_INPUT + r"[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|" + _BY_INPUT + r")\s*(?P<c>C|L|J|E)(?![A-Za-z_])"
_PARTIAL_C = (r"\\frac\s*\{\s*\\partial\s*(?P<d>C|L|J|E)\s*\}\s*\{\s*\\partial\s*" + _BY_INPUT
              + r"[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def over_inputs(text: str, cost: str, n: int) -> "str | None":
    r"""A per-input claim (labels taken off) whose bare cost ``cost`` is the mean over ``n`` inputs: each
    derivative of it by a quantity of the one input becomes 1/n of the per-input cost's (the other inputs'
    costs do not depend on it). None when the cost appears otherwise (by a weight or bias the inputs share,
    or undifferentiated): that needs the other inputs.

    >>> over_inputs(r"\delta^{L} = \nabla_a C \odot \sigma'(z^{L})", "C", 2)
    "\\delta^{L} = \\frac{1}{2}\\nabla_a C \\odot \\sigma'(z^{L})"
    >>> over_inputs(r"\frac{\partial C}{\partial b^l_j} = \delta^{l}_j", "C", 2) is None
    True
    """
    out, count = re.subn(_NABLA_C + "|" + _PARTIAL_C, lambda m: rf"\frac{{1}}{{{n}}}" + m.group(0)
                         if (m.group("c") or m.group("d")) == cost else m.group(0), text)
    rest = re.sub(r"[_^]\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\S)", "", re.sub(_NABLA_C + "|" + _PARTIAL_C, "", text))
    if not count or re.search(r"(?<![A-Za-z\\])" + re.escape(cost) + r"(?![A-Za-z_])", rest):
        return None
    return out


def bare_cost(body: str, cost: str) -> str:
    r"""The first derivative, in a per-sample ``body``, of the cost itself (C or the profile's ``cost``, without a
    sample's label) by a quantity of that one sample (``\frac{\partial C}{\partial z^{x,l}}``: 1/count of the
    sample's own when C is the mean cost), or '' (none, or ``body`` names no sample).

    >>> bare_cost(r"\frac{\partial C}{\partial z^{x,l}} (a^{x,l-1})^T", "C"), bare_cost(r"\delta^{x,l}", "C")
    ('\\frac{\\partial C}{\\partial z^{l}}', '')
    """
    try:
        single = per_sample(body)
    except ValueError:
        return ""
    if single is None:
        return ""
    return next((b.group(0) for b in re.finditer(_NABLA_C + "|" + _PARTIAL_C, single.text)
                 if (b.group("c") or b.group("d")) in {cost, "C"}), "")


def with_label(formula: str, cost: str, sample: str) -> str:
    r"""``formula`` with each derivative of the bare cost by a quantity of the input written of that input's cost.

    >>> with_label(r"\delta^{x,L} = \nabla_a L \odot h'(g^{x,L})", "L", "x")
    "\\delta^{x,L} = \\nabla_a L_x \\odot h'(g^{x,L})"
    """
    def label(m: re.Match) -> str:
        if (m.group("c") or m.group("d")) != cost:
            return m.group(0)
        at = m.start("c" if m.group("c") else "d") - m.start()
        return m.group(0)[:at + 1] + f"_{sample}" + m.group(0)[at + 1:]

    return re.sub(_NABLA_C + "|" + _PARTIAL_C, label, formula)


def _is_data_call(text: str, m: re.Match) -> bool:
    # y(x) and a^L(x) name the input; σ(x) or f(x) would be a function of x
    before = text[:m.start()].rstrip()
    if re.search(r"(?:^|[^A-Za-z\\])[ya](?:[_^]\{?[A-Za-z0-9+\-()\[\]]*\}?){0,2}$", before):  # y_j(x)
        return True
    # z^L(x), \delta^l_j(x): a layered quantity of the input x, never the product z^L · x (unless a ^ or _
    # follows the bracket, as in \delta^l (x)_j; ^T, ^{T} or ^\top after it is the per-sample quantity transposed)
    layered = re.search(r"(?:^|[^A-Za-z\\])(?:z|\\delta)\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?\^\s*(?:\{[^{}]*\}|"
                        r"[A-Za-z0-9])(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?$", before)
    after = text[m.end():]
    transposed = re.match(r"\s*\^\s*(?:\{\s*(?:T|\\top)\s*\}|T(?![A-Za-z])|\\top(?![A-Za-z]))", after)
    return bool(layered) and (not re.match(r"\s*[\^_']", after) or bool(transposed))


_MEAN = re.compile(
    r"^\s*(?P<lhs>\\frac\s*\{\s*\\partial\s*(?P<cost>C|L|J|E)\s*\}\s*\{\s*\\partial\s*(?P<by>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}"
    r"|\\nabla_\s*\{?(?P<by2>[^{}\s]+(?:\{[^{}]*\})?)\}?\s*(?P<cost2>C|L|J|E))\s*=\s*"
    r"(?P<scale>\\frac\s*\{\s*(?P<numer>[1-9]\d?)\s*\}\s*\{\s*(?P<coef>[1-9]\d?)?\s*(?P<size>[mnN])\s*\})?\s*"
    r"\\sum\s*(?:_\s*(?:\{\s*(?P<var>[A-Za-z])(?:\s*=\s*(?P<lower>[^{}]+?))?(?:\s*\\in\s*(?P<within>(?:[^{}]|\{[^{}]*\})*))?\s*\}|(?P<var2>[A-Za-z])))?"
    r"(?:\s*\^\s*(?:\{(?P<upper>[^{}]*)\}|(?P<upper2>[A-Za-z0-9])))?\s*(?P<body>.+?)\s*$", re.S)


@dataclass(frozen=True)
class MeanClaim:
    per_input: str  # the claim for one input: ∂C/∂P = the summand, labels taken off
    mean: bool  # written with 1/n (or 1/m): the gradient of the mean cost
    words: str
    var: str = ""  # the sum's index (x, t), '' when not written
    lower: str = ""  # the sum's bounds as written ('' when not written)
    upper: str = ""
    size: str = ""  # m or n of 1/m, 1/n ('' without it)
    unread: str = ""  # why the summand is not a per-input quantity of the sum's input (a label missing), else ''
    bare: str = ""  # a derivative of the averaged cost itself by a quantity of one input in the summand, else ''
    within: str = ""  # the set of \sum_{x \in B} (B), '' when the sum names none


def mean_claim(formula: str) -> "MeanClaim | None":
    r"""``\frac{\partial C}{\partial w^l} = \frac{1}{n} \sum_x \delta^{x,l} (a^{x,l-1})^T``: the gradient of the cost
    over the inputs as the mean of per-input gradients. It holds for every set of inputs exactly when, for each
    input x, ∂C_x/∂P equals the summand (a set of one input shows it): that per-input claim is what is checked.

    >>> mean_claim(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}").per_input
    '\\frac{\\partial C}{\\partial b^l} = \\delta^{l}'
    """
    mixed = mixed_cost(formula)  # ∂C/∂b = ∂C_x/∂b: the mean cost's gradient is not one input's (review rv46 A5)
    if mixed:
        return MeanClaim("", False, mixed, unread=mixed)
    m = _MEAN.match(braced_count(formula))
    if m is None or m.group("body").lstrip()[:1] in ("_", "^"):
        return None  # a sum over something else than the inputs (\sum_{i=1}^{n_l} …)
    by = (m.group("by") or m.group("by2") or "").strip()
    cost = m.group("cost") or m.group("cost2")
    body = m.group("body")
    try:
        single = per_sample(body)
    except ValueError:
        return None
    var = m.group("var") or m.group("var2") or ""
    if single is None and not var:
        return None  # \sum without an index and without a per-input label: not a sum over the inputs
    if var and var not in "xt" and (single is None or _indexed(single.sample) != f"x_{var}"):
        return None  # \sum_i over anything but the inputs x_i (\sum_j w_{jk} δ_j: over neurons), as before
    label = single.sample if single is not None else var
    costs = {_label(c) for c in _COST.finditer(body)}
    letters = {c.group(1) for c in _COST.finditer(body)}
    unread = ""
    # \sum_{x \in B}: the mean cost averages over all its inputs, and whether B is all of them is the notes' to say
    # (review rv45 A3; ``setwords.within_verdict``, rv48 D4)
    if var not in ("", "x", "t") and re.search(rf"(?<![A-Za-z\\]){var}(?![A-Za-z])",
                                               re.sub(rf"x_\{{?\s*{var}\s*\}}?", "", body) + " " + by):
        unread = (f"the sum's letter {var} labels the inputs x_{var} and also indexes an entry in the same claim: "
                  "which is which is not read")
    elif letters - {cost}:  # ∂J/∂b = (1/m) Σ_t ∂L^{(t)}/∂g^{(t)}: J's definition is not the profile's cost
        unread = (f"the claim differentiates {cost} but its sum adds the per-sample costs of "
                  f"{', '.join(sorted(letters - {cost}))}: which cost {cost} averages is not read here")
    elif single is None and costs:  # Σ_t ∂C_t/∂b^l: labelled by the per-input cost alone
        if costs != {var}:
            unread = f"the sum runs over {var} but its summand is of the input {', '.join(sorted(costs))}"
        single = PerSample(_COST.sub(lambda c: c.group(1), body), var, "")
    elif single is None:
        unread = (f"the sum over the inputs adds {body.strip()}, which carries no label of the input {var}: read as "
                  "written it is the same in every term, one input's gradient added over and over, not the mean of "
                  "the per-input gradients; label every quantity of the input")
    elif var and single.sample != var and _indexed(single.sample) != f"x_{var}":
        unread = f"the sum runs over {var} but its summand is of the input {single.sample}"
    elif unlabelled(body, label):
        unread = (f"in the sum over the inputs, {unlabelled(body, label)} carries no label of the input {label}: a "
                  "factor that does not change from input to input is taken out of the sum, so it is not the mean of "
                  "the per-input gradients; label every quantity of the input")
    inner = single.text if single is not None else body
    numer, coef = m.group("numer") or "1", m.group("coef") or "1"
    if (numer, coef) != ("1", "1"):  # \frac{1}{2n} Σ_x: the per-input claim keeps the factor 1/2
        inner = rf"\frac{{{numer}}}{{{coef}}} \left({inner}\right)"
    per_input = rf"\frac{{\partial {cost}}}{{\partial {by}}} = {inner}"
    size = m.group("size")
    # review rv45 A1: ∂C/∂z^{x,l} of the MEAN cost C is (1/n) ∂C_x/∂z^{x,l}; read per input it lost that 1/n
    bare = next((b.group(0) for b in re.finditer(_NABLA_C + "|" + _PARTIAL_C, inner)
                 if (b.group("c") or b.group("d")) == cost), "")  # (``bare_cost`` for one step's gradient)
    words = (f"the gradient of the cost over the inputs, {cost} = (1/{size or 'n'}) Σ_x {cost}_x (the mean of the "
             f"per-input costs): it equals the {'mean' if size else 'sum'} of the summands for every set of inputs "
             f"exactly when ∂{cost}_x/∂{by} equals the summand for each input x, which is what is checked")
    return MeanClaim(per_input, bool(size), words, var or label, (m.group("lower") or "").strip(),
                     (m.group("upper") or m.group("upper2") or "").strip(), size or "", unread, bare,
                     (m.group("within") or "").strip())


def _indexed(label: str) -> str:
    # x_{i} is x_i: the i-th input of the set summed over (its sum's letter i)
    return label.replace("{", "").replace("}", "").replace(" ", "")


def braced_count(formula: str) -> str:
    r"""``formula`` with ``\frac1m`` (``\frac 1n``, ``\frac1N``) written ``\frac{1}{m}``: the same 1/count.

    >>> braced_count(r"C = \frac1m\sum_x C_x")
    'C = \\frac{1}{m}\\sum_x C_x'
    """
    return re.sub(r"\\frac\s*1\s*([mnN])(?![A-Za-z])", r"\\frac{1}{\1}", formula)


def mean_count(formula: str, sets: tuple = ()) -> str:
    r"""The count letter of a definition of the cost as the mean of the per-input costs (``C = \frac{1}{m}\sum_x
    C_x``, ``L = \frac1N\sum_{t=1}^N L^{(t)}``): m, n or N, the number of inputs of the set summed over; '' for
    another formula (a sum without 1/count, a mean of something else).

    >>> mean_count(r"C = \frac{1}{m}\sum_x C_x"), mean_count(r"C = \frac1N\sum_{t=1}^N C^{(t)}")
    ('m', 'N')
    >>> mean_count(r"C = \sum_x C_x"), mean_count(r"\frac{\partial C}{\partial b} = \frac{1}{m}\sum_x \delta^x")
    ('', '')
    >>> mean_count(r"C = \frac{1}{m}\sum_{x \in B} C_x"), mean_count(r"C = \frac{1}{m}\sum_{x \in B} C_x", (("B", "m"),))
    ('', 'm')
    """
    m = _MEAN_COST.match(braced_count(cost_superscripts(formula)))
    if m is None or m.group("each") != m.group("cost"):
        quadratic = _mean_quadratic(formula)
        return quadratic.group("size") if quadratic else ""
    if m.group("within") and not _counted(m, sets):  # C = (1/m) Σ_{x∈B} C_x: m counts B only if the notes say so
        return ""
    return m.group("size") or ""


def _counted(m: re.Match, sets: tuple) -> bool:
    # Σ_{x ∈ B} under 1/m: the words name B with its m inputs ("a mini-batch $B$ of $m$ inputs"; ``setwords``)
    return bool(m.group("size")) and dict(sets).get(set_name(m.group("within"))) == m.group("size")


# -- the cost written over the inputs: C = (1/n) Σ_x C_x, C_x = ½‖y(x) − a^L(x)‖² -------------------------

_HALF = r"(?:\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}|\\frac\s*12|\\tfrac\s*\{\s*1\s*\}\s*\{\s*2\s*\}|\\tfrac\s*12)"
_LABEL = r"(?:_\s*\{?\s*[xt]\s*\}?)"
_MEAN_COST = re.compile(r"^\s*(?P<cost>C|L|J|E)\s*(?:\(\s*w\s*,\s*b\s*\))?\s*(?:=|\\equiv)\s*"
                        r"(?P<scale>\\frac\s*\{\s*1\s*\}\s*\{\s*(?P<size>[mnN])\s*\})?\s*"
                        r"\\sum\s*(?:_\s*(?:\{\s*(?P<var>[xt])(?:\s*=\s*(?P<lower>[^{}]+?))?"
                        r"(?:\s*\\in\s*(?P<within>(?:[^{}]|\{[^{}]*\})+?))?\s*\}|(?P<var2>[xt])))"
                        r"(?:\s*\^\s*(?:\{(?P<upper>[^{}]*)\}|(?P<upper2>[A-Za-z0-9])))?"
                        r"\s*(?P<each>C|L|J|E)_\s*\{?\s*(?P<label>[xt])\s*\}?\s*$")
_NORM = r"\\(?:\||lVert|rVert)"
_Y = r"(?:y\s*\(\s*[xt]\s*\)|y\s*\^\s*\{\s*\(\s*[xt]\s*\)\s*\}|y\s*\^\s*\{\s*[xt]\s*\})"
_A = r"a\s*\^\s*\{?\s*L\s*\}?\s*\(\s*[xt]\s*\)|a\s*\^\s*\{\s*\(?\s*[xt]\s*\)?\s*,\s*L\s*\}"
_ONE_COST = re.compile(r"^\s*(?P<cost>C|L|J|E)" + _LABEL + r"\s*=\s*(?P<half>" + _HALF + r")?\s*(?:\\left)?" + _NORM
                       + r"\s*(?:" + _Y + r"\s*-\s*(?:" + _A + r")|(?:" + _A + r")\s*-\s*" + _Y + r")\s*(?:\\right)?"
                       + _NORM + r"\s*\^\s*\{?\s*2\s*\}?\s*$")

#: Nielsen's eq. (6): C = 1/(2n) Σ_x ‖y(x) − a^L(x)‖², the mean over the inputs of the quadratic cost, in one.
_MEAN_QUADRATIC = re.compile(r"^\s*(?P<cost>C|L|J|E)\s*(?:\(\s*w\s*,\s*b\s*\))?\s*(?:=|\\equiv)\s*"
                             r"\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*(?P<size>[mnN])\s*\}\s*"
                             r"\\sum\s*_\s*(?:\{\s*(?P<var>[xt])\s*\}|(?P<var2>[xt]))\s*(?P<norm>(?:\\left)?" + _NORM
                             + r"\s*(?:" + _Y + r"\s*-\s*(?:" + _A + r")|(?:" + _A + r")\s*-\s*" + _Y
                             + r")\s*(?:\\right)?" + _NORM + r")\s*\^\s*\{?\s*2\s*\}?\s*$")


def _mean_quadratic(formula: str) -> "re.Match | None":
    r"""The match of Nielsen's eq. (6) when its sum's index labels y and a^L (not another input), else None.

    >>> _mean_quadratic(r"C = \frac{1}{2n}\sum_x \|y(x) - a^L(x)\|^2").group("size")
    'n'
    >>> _mean_quadratic(r"C = \frac{1}{2n}\sum_x \|y(t) - a^L(t)\|^2") is None
    True
    """
    m = _MEAN_QUADRATIC.match(formula)
    if m is None:
        return None
    var = m.group("var") or m.group("var2")
    labels = set(re.findall(r"(?<![A-Za-z\\])([xt])(?![A-Za-z])", m.group("norm")))
    return m if labels == {var} else None


def cost_definition(formula: str, cost: str, bounds=None, sets: tuple = ()) -> "tuple[str, str] | None":
    r"""The verdict on the cost written over the training inputs, or None for other formulas: the profile's
    cost is the mean of the per-input costs, C = (1/n) Σ_x C_x, and the quadratic one is C_x = ½‖y(x) − a^L(x)‖².
    A definition that differs from the cost in use is not wrong, so it is undecided with the difference said.
    The per-input cost may be labelled C_x, C_t (C^{(t)} as ``cost_superscripts`` writes it) and the sum may
    give its bounds (Σ_{t=1}^{m}); ``bounds(var, lower, upper, size)`` is the verdict on bounds that are not
    exactly the size samples (None when they are). A sum over a named set (Σ_{x ∈ B}) is the mean over it when
    ``sets`` (set, count) says B holds that count of inputs, else it is not judged.

    >>> cost_definition(r"C = \frac{1}{n}\sum_x C_x", "quadratic")[0]
    'holds'
    >>> cost_definition(r"C_x = \frac12\|y(x) - a^L(x)\|^2", "quadratic")[0]
    'holds'
    >>> cost_definition(r"C_x = \|y(x) - a^L(x)\|^2", "quadratic")[0]
    'undecided'
    """
    m = _MEAN_COST.match(braced_count(formula))
    if m is not None:
        c = m.group("cost")
        var = m.group("var") or m.group("var2")
        if m.group("each") != c:
            return "uninterpretable", (f"{c} is defined as the mean of the per-sample costs {m.group('each')}_{var}: "
                                       f"symbp reads the mean cost under the letter of the per-sample costs "
                                       f"({m.group('each')} = (1/m) Σ_{var} {m.group('each')}_{var}), so claims about "
                                       f"{c} are not read")
        if m.group("label") != var:
            return "uninterpretable", (f"the sum runs over {var} but adds {c}_{m.group('label')}, the cost of the one "
                                       f"input {m.group('label')}: label the cost by the sum's index ({c}_{var})")
        if m.group("within") and not _counted(m, sets):
            within = m.group("within").strip()
            return "uninterpretable", (f"{c} is defined as {'1/' + m.group('size') + ' times ' if m.group('size') else ''}"
                                       f"the sum of the per-input costs over the inputs in {within}, but the notes do not "
                                       f"say that {within} holds {m.group('size') or 'that many'} inputs, so whether it is "
                                       "their mean is not read")
        lower, upper = (m.group("lower") or "").strip(), (m.group("upper") or m.group("upper2") or "").strip()
        off = bounds(var, lower, upper, m.group("size") or (upper if upper in ("m", "n") else "n")) if bounds is not None and (lower or upper) else None
        if off is not None:
            return off[0], f"the cost over the inputs, {c} = (1/{m.group('size') or 'n'}) Σ {c}_{var}: {off[1]}"
        if m.group("size"):
            over = f" over the {m.group('size')} inputs of {m.group('within').strip()}" if m.group("within") else ""
            return "holds", (f"the cost over the inputs as the mean of the per-input costs{over}, {c} = "
                             f"(1/{m.group('size')}) Σ_{var} {c}_{var}: the cost every gradient here is taken of")
        return "undecided", (f"the notes define {c} as the sum of the per-input costs, n times their mean (1/n) Σ_x "
                             f"{c}_x, which is symbp's cost: a claim about {c} is not judged under the sum (with "
                             "--cost, against the mean)")
    m = _mean_quadratic(formula)
    if m is not None:
        c, size, var = m.group("cost"), m.group("size"), m.group("var") or m.group("var2")
        if cost != "quadratic":
            return "undecided", (f"the notes define {c} = 1/(2{size}) Σ_{var} ‖y({var}) − a^L({var})‖², the mean of the "
                                 f"quadratic cost, but the cost in use is {cost}")
        return "holds", (f"the cost over the inputs as the mean of the quadratic cost, {c} = (1/{size}) Σ_{var} "
                         f"{c}_{var} with {c}_{var} = ½‖y({var}) − a^L({var})‖² (Nielsen's eq. (6)): the cost every "
                         "gradient here is taken of")
    m = _ONE_COST.match(formula)
    if m is None:
        return None
    try:
        per_sample(formula)
    except ValueError as exc:  # C_x = ½‖y^{(t)} − a^{(t),L}‖²: two inputs named
        return "uninterpretable", str(exc)
    c = m.group("cost")
    if cost != "quadratic":
        return "undecided", (f"the notes define the quadratic cost {c}_x = ½‖y(x) − a^L(x)‖², but the cost in use "
                             f"is {cost}")
    if not m.group("half"):
        return "undecided", (f"the notes define {c}_x = ‖y(x) − a^L(x)‖² without the ½ of the quadratic cost in use "
                             "(its gradients are twice those checked here)")
    return "holds", f"the quadratic cost of one input, {c}_x = ½‖y(x) − a^L(x)‖², the cost in use"


# -- what the reader says about the labels ------------------------------------------------------------------


def total_cost(text: str, nt) -> str:
    """The cost letter when ``text`` (a per-sample claim with its labels taken off) names the cost without a
    sample (C rather than C_x), else ''."""
    try:
        eq = read_claim(text, nt).equation
    except ReadError:
        return ""
    for q in walk(eq):
        if getattr(q, "role", None) == "C" and "_" not in q.base:
            return q.base.split("(")[0]
    return ""


def sample_slip(formula: str, nt) -> str:
    """The reader's reason when per-sample superscripts ``^{x,l}`` break its rules (two samples, a sample on w
    or b), else ''. An a, z or δ left without the label beside labelled ones is of the same input: no slip."""
    try:
        read_claim(as_superscripts(formula), nt)
    except ReadError as exc:
        one = re.search(r"different samples \([a-z], none\)", str(exc))  # a, z, δ left unlabelled: the same input
        return str(exc) if "sample" in str(exc) and not one else ""
    return ""
