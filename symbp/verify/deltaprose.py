r"""δ given another meaning in words, by any wording: "In these notes $\delta^l$ is the derivative of $C$ by the
activation $a^l$", "We define the error $\delta^l$ as the negative gradient of $C$ with respect to $z^l$".

symbp's δ is δ^l ≡ ∂C/∂z^l. ``deltawords`` reads δ defined by set phrases (a formula δ = … after "where", "Let
$\delta^l$ denote …"); a sentence worded otherwise ("is", "by", "the activations" without the symbol, "minus",
"divided by two") was not read, and Nielsen's BP formulas held under a δ the notes had defined otherwise (review rv54
F6, F7). Natural language is open-ended, so the rule is broad: a sentence that

* names δ (the notation's error letter written without a relation, "$\delta^l$", or the words "the error"; cs chyba,
  ru ошибка, pl błąd) before a word for a derivative, or calls the derivative so ("… is what we call $\delta^l$",
  "… we denote by"): not "this partial derivative is computed from the neuron's error and the activation" (BP4 in
  words, seed 000),
* with a word for a derivative (derivative, gradient, partial, rate of change, "measured"; ∂ or ∇ in a formula; cs
  derivace, ru производная, pl pochodna),
* and either the activations (the activation letter in a formula, "activation(s)", "output of the neuron(s)"; cs
  aktivac, ru активац, pl aktywac) or a sign or a scale (minus, negative, opposite, half, divided by, times, twice,
  scaled, a minus sign or a number's fraction \frac{1}{…} in a formula; cs mínus, záporn, polovin; ru минус,
  отрицательн, половин; pl minus, ujemn, połow)

defines δ otherwise than δ ≡ ∂C/∂z: a ``model`` definition of kind "own-delta" with no value from its sentence on, so
each claim about δ after it is not judged (``Model.own_terms``), the reason quoting the words. A sentence that says
exactly symbp's δ ("$\delta^l$ is the derivative of $C$ by $z^l$", "the error is $\partial C/\partial z^l$") has
neither, and the claims stay judged. A sentence with a formula δ = … (or :=, \equiv) is left to ``deltawords`` and
``model``, which read the formula, unless its words give δ another sign or scale ("Our $\delta^l = \partial
C/\partial z^l$ up to the opposite sign"); so is one ``deltawords`` already read (``taken``: its lines).

>>> from symbp.notation import profile
>>> [d.text for d in meant("Here $\\delta^l$ is the gradient of $C$ by the activations.", profile("nielsen"))]
['“$\\delta^l$ is the gradient of $C$ by the activations”']
>>> meant("Here $\\delta^l$ is the derivative of $C$ by $z^l$.", profile("nielsen"))
[]
"""

from __future__ import annotations

import re

from ..notation import Notation
from .model import Definition
from .sentences import FORMULA, line_of, sentences

#: Words that name δ without its letter: "the error" (cs chyba, ru ошибка, pl błąd).
_ERROR = re.compile(r"\berrors?\b|\bchyb[auy]?\b|ошибк|\bbł[ąę]d", re.IGNORECASE)
#: Words for a derivative (and "measured … after the activation": where δ is taken).
_DERIVATIVE = re.compile(r"derivative|gradient|\bpartial|rate\s+of\s+change|\bmeasured\b|derivac|производн|градиент"
                         r"|pochodn|\bdifferentia", re.IGNORECASE)
#: A derivative in a formula.
_DERIVATIVE_FORMULA = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*d\b|\bd\s*C\b|∂|∇")
#: Words that call a derivative named first δ: "… is what we call $\delta^l$", "… we denote by $\delta^l$".
_CALLED = re.compile(r"\b(?:call(?:ed|s)?|denot\w*|name[ds]?|write|written|refer\w*|known\s+as|nazýv\w*|označ\w*"
                     r"|называ\w*|обознача\w*|nazyw\w*|oznacza\w*)\b", re.IGNORECASE)
#: Words for the activations (what δ^l ≡ ∂C/∂z^l does not differentiate by).
_ACTIVATION = re.compile(r"activation|outputs?\s+of\s+(?:the\s+|each\s+|a\s+)?(?:neurons?|units?|nodes?|layers?)"
                         r"|neurons?['’]s?\s+outputs?|aktivac|активац|aktywac", re.IGNORECASE)
#: Words for a sign or a scale.
_SCALE = re.compile(r"\bminus\b|negative|opposite|\bhalf\b|\bhalved\b|divided\s+by|\btimes\b|\btwice\b|\bscaled\b"
                    r"|\bmultiplied\b|\bfactor\b|−|mínus|záporn|polovin|děleno|минус|отрицательн|половин|делённ|деленн"
                    r"|ujemn|połow|podzielon", re.IGNORECASE)
#: Words for another sign or scale that hold beside a formula δ = … too ("Our $\delta^l = \partial C/\partial z^l$
#: with the opposite sign"): not "times", which BP1 in words has.
_SIGN = re.compile(r"\bminus\b|negative|opposite|\bhalf\b|\bhalved\b|divided\s+by|\btwice\b|\bscaled\b|mínus"
                   r"|záporn|polovin|děleno|минус|отрицательн|половин|делённ|деленн|ujemn|połow|podzielon", re.IGNORECASE)
#: A sign or a number's fraction in a formula (scripts such as z^{l-1} taken out first).
_SCALE_FORMULA = re.compile(r"[-−]|\\frac\s*\{?\s*\d|\d\s*/|\\tfrac|\\dfrac\s*\{?\s*\d")
_SCRIPT = re.compile(r"[_^]\s*(?:\{[^{}]*\}|\S)")
#: A relation in a formula: δ = …, δ := …, δ ≡ … are read as formulas elsewhere.
_RELATION = re.compile(r"=|\\equiv|\\coloneqq|\\triangleq|\\eqqcolon|\\approx")


def _letter(name: str) -> re.Pattern:
    return re.compile(re.escape(name) + (r"(?![A-Za-z])" if name[-1:].isalpha() else ""))


def meant(text: str, nt: Notation, taken: "set | frozenset" = frozenset()) -> list:
    """The ``Definition``s (kind "own-delta", no value) of the sentences of ``text`` that define δ otherwise than
    δ ≡ ∂C/∂z in words (see the module); none on the lines ``taken`` (read by ``deltawords``)."""
    delta = _letter(nt.names["delta"])
    act = re.compile(r"(?<![A-Za-z\\])" + re.escape(nt.names["a"]) + r"(?![A-Za-z])") \
        if nt.names["a"].isalpha() else _letter(nt.names["a"])
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        formulas = [m.group(0) for m in FORMULA.finditer(sentence)]
        related = any(delta.search(f) and _RELATION.search(f) for f in formulas)
        if related and not _SIGN.search(FORMULA.sub(" ", sentence)):
            continue  # δ = … in a formula: ``deltawords``, ``model`` read it (unless words give δ another sign)
        first, last = line_of(text, start + len(sentence) - len(sentence.lstrip())), line_of(text, end)
        if any(first <= line <= last for line in taken):
            continue
        words = FORMULA.sub(lambda m: " " * len(m.group(0)), sentence)  # the positions kept
        named_at = [m.start() for m in FORMULA.finditer(sentence) if delta.search(m.group(0))] + [
            m.start() for m in _ERROR.finditer(words)]
        others = [delta.sub(" ", f) for f in formulas]
        derived_at = [m.start() for m in _DERIVATIVE.finditer(words)] + [
            m.start() for m in FORMULA.finditer(sentence) if _DERIVATIVE_FORMULA.search(delta.sub(" ", m.group(0)))]
        if not named_at or not derived_at or min(named_at) > max(derived_at) and not _CALLED.search(words):
            continue  # δ is what the derivative is said of (or is called so), not a derivative used beside it
        if (_ACTIVATION.search(words) or any(act.search(f) for f in others) or _SCALE.search(words)
                or any(_SCALE_FORMULA.search(_SCRIPT.sub(" ", f)) for f in others)):
            out.append(Definition(first, "own-delta", None, _quoted(sentence, [] if related else formulas, delta)))
    return out


def _quoted(sentence: str, formulas: list, delta: re.Pattern) -> str:
    # the words from δ (or from the sentence's start) on, in quotes: the reason shows what the notes said
    at = next((sentence.find(f) for f in formulas if delta.search(f)), -1)
    said = " ".join((sentence[at:] if at >= 0 else sentence).split()).rstrip(".;:!? ")
    return f"“{said if len(said) <= 56 else said[:55] + '…'}”"  # whole within the 60 characters a reason shows


def added(definitions: list, text: str, nt: Notation, taken: "set | frozenset" = frozenset()) -> list:
    """``definitions`` with the δ given another meaning in words (``meant``) in, sorted by line."""
    return sorted(definitions + meant(text, nt, taken), key=lambda d: d.line)


__all__ = ["added", "meant"]
