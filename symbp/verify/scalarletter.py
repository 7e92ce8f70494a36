r"""A scalar identity of σ written in a letter of its own: ``\sigma'(t) = \sigma(t)(1-\sigma(t))``.

Formula sheets name σ's variable freely (t, u, s, x); the notations know z (review, layouts finding 7: the row
``$$\sigma(t) = \frac{1}{1+e^{-t}} \qquad \sigma'(t) = \sigma(t)(1-\sigma(t))$$`` was unreadable, "the letter 't' is
not a quantity"). A formula whose only letter is one the notation does not read, bare (no index, no layer), beside σ
or σ' and nothing else of a network, is the same identity in z: it is read with the letter renamed, and the verdict
says so. z written as well, a second letter, or the letter with an index: not renamed (left unreadable).

>>> as_z(r"\sigma'(t) = \sigma(t)(1-\sigma(t))")
("\\sigma'(z) = \\sigma(z)(1-\\sigma(z))", 't')
>>> as_z(r"\sigma(t) = \frac{1}{1+e^{-t}}")
('\\sigma(z) = \\frac{1}{1+e^{-z}}', 't')
>>> as_z(r"\sigma(t) = t a") is None, as_z(r"\sigma(t_1) = t_1") is None, as_z(r"f(t) = t") is None
(True, True, True)
"""

from __future__ import annotations

import re

#: A command (\sigma, \frac), whose letters are no variables.
_COMMAND = re.compile(r"\\[A-Za-z]+")
#: e as the base of a power: the exponential, not a variable.
_EXP = re.compile(r"(?<![A-Za-z\\])e(?=\s*\^)")
#: Letters the scalar reader knows, and the notations' network letters: never renamed, never beside the letter.
_KNOWN = set("zayCWbwxL")


def as_z(formula: str, known: "set | None" = None, *, sigma: str = r"\sigma", z: str = "z") -> "tuple[str, str] | None":
    r"""(the formula with its one unread letter written as z, that letter), or None (see the module docstring).
    ``known``: the letters the notation reads (default: Nielsen's and the scalar reader's); ``sigma``, ``z``: the
    notation's activation and weighted input (Dyda's \varphi and \mathrm{net}, where z is no quantity: rv48, the
    theorem sigmoid-prime that ``symbp latex`` prints in Dyda's notation, φ'(z) = φ(z)(1 − φ(z)), was unreadable).

    >>> as_z(r"\varphi'(z) = \varphi(z)(1 - \varphi(z))", set("ayLWbwx"), sigma=r"\varphi", z=r"\mathrm{net}")
    ("\\varphi'(\\mathrm{net}) = \\varphi(\\mathrm{net})(1 - \\varphi(\\mathrm{net}))", 'z')
    """
    own = re.compile(re.escape(sigma) + r"(?![A-Za-z])")
    if not (own.search(formula) or re.search(r"\\(?:sigma|tanh)\b", formula)):
        return None
    bare = _EXP.sub(" ", _COMMAND.sub(" ", own.sub(" ", formula)))
    letters = set(re.findall(r"[A-Za-z]", bare))
    if len(letters) != 1:
        return None
    (letter,) = letters
    if letter in (known or _KNOWN) or letter == "e":
        return None
    # the letter bare everywhere: no index or layer after it (t^2 is a power and stays)
    if re.search(rf"(?<![A-Za-z\\]){letter}\s*(?:_|\^\s*\{{?\s*[(\[A-Za-z])", formula):
        return None
    renamed = re.sub(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", lambda _: z, formula)
    return renamed, letter


__all__ = ["as_z"]
