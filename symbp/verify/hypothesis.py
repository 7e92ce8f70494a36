r"""The notes' own name for the network's output applied to the input: UFLDL's ``h_{W,b}(x) = a^{(n_l)}``.

Ng's UFLDL notes write the network's function as the hypothesis h_{W,b}(x), define it as the output
``h_{W,b}(x) = a^{(n_l)}`` and write their cost through it, ``J = \frac{1}{2}\|h_{W,b}(x) - y\|^2``. With the notes'
own definition the name is the output a^L, so every other formula is read with it written out (the cost above is
``J = \frac{1}{2}\|a^{(n_l)} - y\|^2``, which ``model`` then reads as the notes' cost) and the definition itself is
filed as a definition. Only on the notes' own evidence:

* one formula ``NAME = OUTPUT`` (or ``OUTPUT = NAME``), NAME a letter with an optional subscript applied to the input
  x (``h_{W,b}(x)``, ``h_\theta(x)``, ``f(x)``), OUTPUT the output layer's activations with no neuron index
  (``a^{(n_l)}``, ``a^{(L)}``, ``a^L``, ``a^{[L]}``);
* the letter is never written otherwise in the notes' formulas (a letter also used as a quantity, ``h^{(l)}``, or
  applied to another argument, ``h(z)``, is not renamed);
* the name is defined once (two different outputs: neither is read).

>>> found = names([(3, r"h_{W,b}(x) = a^{(n_l)}"), (5, r"J = \frac{1}{2}\|h_{W,b}(x) - y\|^2")])
>>> found.line, found.output
(3, 'a^{(n_l)}')
>>> found.rewrite(r"J = \frac{1}{2}\|h_{W,b}(x) - y\|^2")
'J = \\frac{1}{2}\\|a^{(n_l)} - y\\|^2'
>>> names([(3, r"h_{W,b}(x) = a^{(n_l)}"), (5, r"h^{(l)} = f(z^{(l)})")]) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

#: The output layer's activations, no neuron index: a^L, a^{(L)}, a^{[L]}, a^{(n_l)} (UFLDL's layer count).
_OUTPUT = (r"(?:\\mathbf\s*\{\s*a\s*\}|\\boldsymbol\s*\{\s*a\s*\}|a)\s*\^\s*(?:L|\{\s*(?:\(\s*(?:L|n_\{?l\}?)\s*\)"
           r"|\[\s*L\s*\]|L|n_\{?l\}?)\s*\})")
#: A letter with an optional subscript, applied to the input x: h_{W,b}(x), h_\theta(x), h(x).
_NAME = (r"(?P<letter>[A-Za-z]|\\[a-zA-Z]+)(?P<sub>\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?"
         r"\s*(?:\\left\s*)?\(\s*x\s*(?:\\right\s*)?\)")
_DEFINES = (re.compile(r"^\s*(?P<name>" + _NAME + r")\s*(?:=|:=|\\equiv|\\coloneqq)\s*(?P<out>" + _OUTPUT
                       + r")\s*[.,;]?\s*$"),
            re.compile(r"^\s*(?P<out>" + _OUTPUT + r")\s*(?:=|:=|\\equiv|\\coloneqq)\s*(?P<name>" + _NAME
                       + r")\s*[.,;]?\s*$"))
#: Letters that are functions or quantities symbp reads in any notation: never the notes' new name.
_TAKEN = {"a", "z", "w", "W", "b", "x", "y", "C", "L", "J", "E", "\\sigma", "\\delta", "\\exp", "\\log", "\\ln",
          "\\tanh", "\\nabla", "\\partial", "\\sum"}


@dataclass(frozen=True)
class OutputName:
    """``name`` (as written) is the output ``output`` by the notes' definition at ``line``."""

    line: int
    name: str
    output: str
    pattern: re.Pattern

    def rewrite(self, text: str) -> str:
        """``text`` with the name written out as the output (the text itself when it does not use the name)."""
        return self.pattern.sub(lambda _m: self.output, text)

    def defines(self, text: str) -> bool:
        """Is ``text`` the definition of the name (either way round)?"""
        return any((m := d.match(text)) is not None and _spaced(m.group("name")) == _spaced(self.name)
                   for d in _DEFINES)


def names(formulas: "list[tuple[int, str]]") -> "OutputName | None":
    """The one name the notes define as their output (see the module), or None."""
    found = {}
    for line, text in formulas:
        for d in _DEFINES:
            m = d.match(text)
            if m is not None and m.group("letter") not in _TAKEN:
                found.setdefault((m.group("letter"), _spaced(m.group("name"))), []).append(
                    (line, m.group("name"), _spaced(m.group("out"))))
    if len(found) != 1:
        return None  # none, or two names (or one letter with two subscripts): not guessed between
    (letter, _), defs = next(iter(found.items()))
    if len({out for _, _, out in defs}) != 1:
        return None  # defined as two outputs
    line, name, _ = defs[0]
    output = next(d.match(t) for ln, t in formulas if ln == line for d in _DEFINES if d.match(t)).group("out").strip()
    pattern = re.compile(r"(?<![A-Za-z\\])" + r"\s*".join(re.escape(c) for c in name if not c.isspace()))
    # the letter anywhere else than in the name: another use of it, so the name is not read
    bare = re.compile(r"(?<![A-Za-z\\])" + re.escape(letter) + (r"(?![A-Za-z])" if letter.startswith("\\") else ""))
    for _, text in formulas:
        if bare.search(pattern.sub(" ", text)):
            return None
    return OutputName(line, name.strip(), output, pattern)


def written_out(items: list) -> list:
    """The notes' formulas ``items`` (``extract.Formula``) with their own name for the output written out as that
    output in every other formula (the text as written kept as its source), and its definition filed as one."""
    name = names([(f.line, f.text) for f in items if f.kind in _READ])
    if name is None:
        return items
    out = []
    for f in items:
        if f.kind in _READ and name.defines(f.text):
            f = replace(f, kind="definition", reason=f"a definition: the notes name the network's output {name.output} "
                        f"{name.name}; it is written out so in their other formulas")
        elif f.kind in ("claim", "definition") and (new := name.rewrite(f.text)) != f.text:
            f = replace(f, text=new, source=f.source or f.text)
        out.append(f)
    return out


#: The kinds of formula read (prose and the rest are not).
_READ = ("claim", "definition", "unreadable")


def _spaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


__all__ = ["OutputName", "names", "written_out"]
