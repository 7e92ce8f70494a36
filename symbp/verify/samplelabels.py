r"""Per-sample labels written in other orders than the one ``samples`` reads (review 24 R1, R2).

``\\delta^{l,(t)}`` puts the layer before the input's label: it is ``\\delta^{(t),l}``, the same quantity of input t.
``\\delta^{(t),1} (x^{(t)})^T`` has a quantity that already names its input before a bracket holding the input: the
bracket is a factor (x^{(t)} transposed), never the quantity's argument as in ``\\delta^l(x^{(t)})``.
"""

from __future__ import annotations

import re

#: Letters that name a training input in a superscript ``^{x,l}`` or an argument ``(x)`` (``samples`` reads them too).
SAMPLE_LETTERS = "xt"


#: A layer before the input's label, ``^{l,(t)}``, ``^{l-1,(t)}``, ``^{L,(x)}`` (the label in parentheses).
_LAYER_FIRST = re.compile(r"\^\s*\{\s*(?P<l>[A-Za-z0-9+\-\s]+?)\s*,\s*\(\s*(?P<s>[" + SAMPLE_LETTERS
                          + r"])\s*\)\s*\}")


def label_first(formula: str) -> str:
    r"""``formula`` with a layer written before the input's label (``\delta^{l,(t)}``) written label first, the
    form the rest of symbp reads (``\delta^{(t),l}``): the same quantity of input t (review 24 R1).

    >>> label_first(r"\delta^{l,(t)} (a^{l-1,(t)})^T"), label_first(r"(a^{L(t)}_j - y^{(t)}_j) \sigma'(z^{L(t)}_j)")
    ('\\delta^{(t),l} (a^{(t),l-1})^T', "(a^{(t),L}_j - y^{(t)}_j) \\sigma'(z^{(t),L}_j)")
    """
    text = _LAYER_FIRST.sub(lambda m: f"^{{({m.group('s')}),{m.group('l').strip()}}}", formula)
    return _LAYER_THEN_LABEL.sub(lambda m: f"{m.group('q')}^{{({m.group('s')}),{m.group('l').strip()}}}", text)


#: ``a^{L(t)}``, ``z^{l-1(t)}``, ``\delta^{l(t)}``: an activation, weighted input or error with its layer and then,
#: without a comma, the input's label in parentheses (Ng's a^{[l](i)} in symbp's letters): ``^{(t),L}`` (review rv34:
#: a^{L(t)} lost its label as an argument a^L(t) while σ'(z^{L(t)}) stayed unreadable).
_LAYER_THEN_LABEL = re.compile(r"(?P<q>(?<![A-Za-z\\])[az]|\\delta(?![A-Za-z]))\s*\^\s*\{\s*(?P<l>[A-Za-z](?:\s*[+-]\s*\d)?)"
                               r"\s*\(\s*(?P<s>[" + SAMPLE_LETTERS + r"])\s*\)\s*\}")


#: A quantity labelled with its input (``\delta^{(t),1}``, ``\delta^{x,l}_j``) before a bracket holding the input
#: itself (``(x^{(t)})``, ``(x)``): the bracket is a factor, the input, never the quantity's argument.
_INPUT_FACTOR = re.compile(r"(?P<q>\^\s*\{\s*\(?\s*[" + SAMPLE_LETTERS + r"]\s*\)?\s*,[^{}]+\}"
                           r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*\(\s*(?P<x>x(?:\s*\^\s*\{\s*\(\s*["
                           + SAMPLE_LETTERS + r"]\s*\)\s*\})?)\s*\)")


def input_factor(formula: str) -> str:
    r"""``formula`` with the input in a bracket after a quantity that already names its input written as a factor
    (review 24 R2: ``\delta^{(t),1} (x^{(t)})^T`` lost the bracket as δ's argument and read as (δ^1)^T).

    >>> input_factor(r"\delta^{(t),1} (x^{(t)})^T"), input_factor(r"\delta^{1}(x^{(t)})")
    ('\\delta^{(t),1} \\left(x^{(t)}\\right)^T', '\\delta^{1}(x^{(t)})')
    """
    return _INPUT_FACTOR.sub(lambda m: m.group("q") + r" \left(" + m.group("x") + r"\right)", formula)


__all__ = ["input_factor", "label_first"]
