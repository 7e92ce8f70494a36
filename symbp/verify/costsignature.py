r"""The cost letter with two argument lists: UFLDL's J(W,b;x,y) (one sample) and J(W,b) (the regularized mean).

symbp reads any ``J(…)`` as the cost, whatever its arguments. Notes that define the letter twice with different
arguments — ``J(W,b;x,y) = \frac12\|h_{W,b}(x) - y\|^2``, which symbp reads as the quadratic cost, and
``J(W,b) = [\frac1m \sum_i J(W,b;x^{(i)},y^{(i)})] + \frac{\lambda}{2}\sum (W^{(l)}_{ji})^2``, which it does not — name
two costs. A claim about the one not read (``\frac{\partial}{\partial b^{(l)}_i} J(W,b) = \delta^{(l+1)}_i``, false
for the mean over m samples) would otherwise be checked against the one read. Such a claim is not judged: it names
the definition (``blocking``).

>>> sigs = unread([(7, r"J(W,b; x,y) = \frac12\|a - y\|^2"), (9, r"J(W,b) = \frac{1}{m}\sum_i J_i")], {7})
>>> sigs
{('J', 'W,b'): 9}
>>> blocking(r"\frac{\partial}{\partial b_i} J(W,b) = \delta_i", sigs) is not None
True
>>> blocking(r"\frac{\partial}{\partial b_i} J(W, b; x, y) = \delta_i", sigs) is None
True
>>> blocking(r"\frac{\partial J}{\partial b_i} = \delta_i", sigs) is not None
True
"""

from __future__ import annotations

import re

#: A cost letter applied to arguments: J(W,b;x,y), C(w, b), E(θ).
_APPLIED = re.compile(r"(?<![A-Za-z\\])(?P<letter>[CEJL])\s*(?:\\left\s*)?\((?P<args>[^()=]*)(?:\\right\s*)?\)")
#: A definition of it: the applied letter, then =, :=, \equiv.
_DEFINES = re.compile(r"^\s*" + _APPLIED.pattern + r"\s*(?:=|:=|\\equiv|\\coloneqq)")


def _key(args: str) -> str:
    return re.sub(r"\s+|\\[,;:! ]|\\right|\\left", "", args)


def unread(formulas: "list[tuple[int, str]]", read_lines: "set[int]") -> dict:
    """{(letter, arguments): line} of the definitions of a cost letter with arguments among ``formulas`` (line, text) that are
    not read as a cost (their line not in ``read_lines``), in notes that also define the letter with other
    arguments that are read; {} otherwise."""
    by_args: dict = {}
    for line, text in formulas:
        m = _DEFINES.match(text)
        if m is not None:
            by_args.setdefault((m.group("letter"), _key(m.group("args"))), []).append(line)
    read_letters = {letter for (letter, _), lines in by_args.items() if any(ln in read_lines for ln in lines)}
    return {(letter, args): lines[0] for (letter, args), lines in by_args.items()
            if letter in read_letters and not any(ln in read_lines for ln in lines)}


def blocking(text: str, signatures: dict) -> "str | None":
    """Why the claim ``text`` is not judged (it is about the cost with arguments not read, or about the letter alone,
    which may be either), or None."""
    for m in _APPLIED.finditer(text):
        line = signatures.get((m.group("letter"), _key(m.group("args"))))
        if line is not None:
            return (f"the claim is about {m.group(0)}, which the notes define at line {line} in a form symbp does not "
                    "read (another cost than the one it reads under the same letter with other arguments); it is "
                    "not checked against that one")
    for (letter, args), line in signatures.items():
        if re.search(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])(?!\s*(?:\\left\s*)?\()", text):
            return (f"the claim is about {letter} with no arguments, and the notes define two costs under that letter "
                    f"({letter}({args}) at line {line}, which symbp does not read, and one it reads): which one is not "
                    "told")
    return None


__all__ = ["blocking", "unread"]
