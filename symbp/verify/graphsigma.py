r"""What σ is in notes written in their own terms: generic, or the function the notes (or the user) name.

In order, the first that applies:

1. the activation given on the command line (``--activation sigmoid``, ``tanh``,
   ``softplus``, ``identity``; ``generic`` keeps σ generic, ``relu`` is not
   differentiable and is not read here);
2. a written-out definition of σ in the notes, ``\sigma(t) = \frac{1}{1+e^{-t}}``
   or ``\sigma(t) = 1/(1+\exp(-t))`` (recognised by the layered model's
   ``definition``, whatever the argument's letter);
3. prose that names σ in one sentence: "σ is the logistic sigmoid",
   "with the logistic sigmoid σ", "σ = tanh" in words.

A definition the notes write but that is none of those (σ(t) = max(0, t), a
function of their own, words naming two functions, a definition ``h(t) = …``
of another function they apply) is *unread*: a refutation that needs that
function to be generic is not issued (``blocked``), it is undecided, naming the
unread definition. Nothing is guessed: a σ the notes never define stays generic,
and the verdict says so.

>>> r = sigma_reading([], "We compute $h = \\sigma(g)$, where $\\sigma$ is the logistic sigmoid.", None)
>>> r.kind, r.source
('sigmoid', 'line 1: the notes call σ the logistic sigmoid in words')
>>> sigma_reading([], "", "tanh").kind
'tanh'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy

from ..notation import profile
from .model import definition

#: The activations the reading in the notes' own terms has, as functions of one SymPy expression.
FUNCTIONS = {
    "sigmoid": lambda e: 1 / (1 + sympy.exp(-e)),
    "tanh": sympy.tanh,
    "softplus": lambda e: sympy.log(1 + sympy.exp(e)),
    "identity": lambda e: e,
}
_NAMES = {"sigmoid": "the logistic sigmoid", "tanh": "tanh", "softplus": "softplus", "identity": "the identity"}

#: f(t) = …: the head of a definition of a function of one bare variable.
_HEAD = re.compile(r"^\s*(?P<f>\\[A-Za-z]+|[A-Za-z])\s*\(\s*(?P<v>[A-Za-z])\s*\)\s*(?:=|:=|\\equiv|\\coloneqq)")
#: Words that name an activation, in the languages notes come in (English, Czech, Russian, Polish).
_WORDS = {
    "sigmoid": re.compile(r"logisti|sigmoid|логистическ|сигмоид|logistyczn", re.I),
    "tanh": re.compile(r"\\tanh\b|\btanh\b|hyperbolic\s+tangent|hyperbolick|гиперболическ|hiperboliczn", re.I),
    "relu": re.compile(r"\brelu\b|rectif", re.I),
    "softplus": re.compile(r"softplus", re.I),
}
_SIGMA = re.compile(r"\$[^$]*\\sigma\b[^$]*\$")


@dataclass(frozen=True)
class SigmaReading:
    kind: str = "generic"  # generic | sigmoid | tanh | softplus | identity
    source: str = ""  # where the reading comes from, in words
    unread: dict = field(default_factory=dict)  # function name (σ is "sigma") -> words naming an unread definition
    lines: tuple = ()  # the lines of the formulas read as σ's definition (definitions, not claims)

    def function(self):
        """σ as a function of a SymPy expression, or None when σ is generic."""
        return FUNCTIONS.get(self.kind)

    def words(self) -> str:
        """The reading, for the interpretation of a verdict ('' when σ is generic and nothing is unread)."""
        if self.kind != "generic":
            return f"σ is {_NAMES[self.kind]} ({self.source})"
        return ""


def sigma_reading(items: list, text: str, given: str | None) -> SigmaReading:
    """The reading of σ (see the module docstring) from the formulas ``items`` (``extract.Formula``), the notes'
    ``text`` and the activation ``given`` on the command line (None: not given)."""
    written = _written(items)
    notes_kind, notes_source, unread = _from_notes(written, text)
    lines = tuple(line for line, name, kind, _ in written if name == "sigma" and kind == notes_kind and kind)
    if given:
        g = given.strip().lower()
        said = f"; the notes define σ otherwise ({notes_source})" if notes_source and notes_kind != g else ""
        if g in FUNCTIONS:
            return SigmaReading(g, f"--activation {g} given on the command line{said}", _others(unread),
                                lines if g == notes_kind else ())
        if g == "generic":
            return SigmaReading("generic", f"--activation generic given on the command line{said}", _others(unread))
        return SigmaReading("generic", "", {**unread, "sigma": f"σ is {g} (--activation {g}), which the reading in "
                                                            "the notes' own terms does not have (not differentiable)"})
    if notes_kind in FUNCTIONS:
        return SigmaReading(notes_kind, notes_source, _others(unread), lines)
    return SigmaReading("generic", "", unread)


def _others(unread: dict) -> dict:
    return {k: v for k, v in unread.items() if k != "sigma"}


def _written(items: list) -> list:
    """[(line, name, kind or None, text)]: every formula that starts as a definition f(t) = … of a function."""
    out = []
    nielsen = profile("nielsen")
    for f in items:
        m = _HEAD.match(f.text)
        if m is None:
            continue
        name = m.group("f").lstrip("\\")
        kind = None
        if name == "sigma":
            try:
                d = definition(f.text, nielsen, f.line)
            except Exception:  # noqa: BLE001 - a definition that does not read is unread, never fatal
                d = None
            if d is not None and d.what == "activation":
                kind = d.value
        out.append((f.line, name, kind, " ".join(f.text.split())[:70]))
    return out


def _from_notes(written: list, text: str) -> tuple[str, str, dict]:
    """(kind, source, unread) from the notes alone."""
    unread: dict = {}
    kinds = {}
    for line, name, kind, shown in written:
        if name == "sigma" and kind in FUNCTIONS:
            kinds.setdefault(kind, f"line {line}: {shown}")
        else:
            unread.setdefault(name, f"the notes define {_shown(name)} at line {line} ({shown}), which is not read "
                                    "as a function symbp knows")
    loose = ""
    for line, sentence in _sentences(text):
        named = [k for k, w in _WORDS.items() if w.search(sentence)]
        if not named:
            continue
        words = f"the notes name an activation in words at line {line} (\"{' '.join(sentence.split())[:70]}\")"
        if not _SIGMA.search(sentence):
            loose = loose or words + ", which is not read as σ's definition"
        elif len(named) == 1 and named[0] in FUNCTIONS:
            kinds.setdefault(named[0], f"line {line}: the notes call σ {_NAMES[named[0]]} in words")
        else:
            unread.setdefault("sigma", words + ", which is not read as σ's definition")
    if loose and not kinds:  # "activation: sigmoid" beside no definition of σ: what σ is stays unread
        unread.setdefault("sigma", loose)
    if len(kinds) == 1 and "sigma" not in unread:
        (kind, source), = kinds.items()
        return kind, source, unread
    if kinds:
        unread.setdefault("sigma", "the notes define σ in more than one way: " + "; ".join(kinds.values()))
    return "", "", unread


def _shown(name: str) -> str:
    return "σ" if name == "sigma" else name


def _sentences(text: str):
    """(line, sentence) of the prose, formulas kept in."""
    for n, line in enumerate(text.splitlines(), start=1):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯČŘŠŽ])", line):
            if s.strip():
                yield n, s


def blocking(functions, reading: SigmaReading) -> str:
    """Why a refutation with the generic ``functions`` (atom names: "sigma", "h") taken as generic is not issued
    (the notes define one of them in a way that is not read), or ''."""
    for name in functions:
        if name in reading.unread:
            return reading.unread[name]
    return ""


__all__ = ["FUNCTIONS", "SigmaReading", "blocking", "sigma_reading"]
