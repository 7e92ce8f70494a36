r"""A convention of the layers said only in words, against the one symbp reads the notes under (rv54 F8–F10).

symbp takes the notes' convention from a formula (the weighted input they define, a layer 0 they write) or from a
profile (``--notation``: ``weight_layer_offset``, ``layer_shift``, ``vectors``); notes that define no weighted input
are read under Nielsen's (w^l feeding layer l from layer l − 1, one row per neuron of layer l, column vectors, the
input layer 1 unless a ^0 is written). Words that state another convention are not read as one: the claims they bear
on are left unjudged (uninterpretable), never judged under a convention the notes say is not theirs. Four kinds:

* **feeds** — w^l or b^l (θ, W) said to belong to layer l + 1: "between layer $l$ and layer $l+1$", "from … layer
  $l$ to … layer $l+1$", "the bias of layer $l+1$", "added in the next layer": the claims with a weight or a bias;
* **numbering** — the layers numbered from 0: "layer 0", "from zero", "counted from 0", "the input is layer 0"
  (vrstva 0, od nuly; слой 0, с нуля; warstwa 0, od zera) while no layer 0 is written: the claims with a layer's
  number or x;
* **shape** — w^l said to have one row per neuron of layer l − 1 (or l + 1), the shape n_{l−1} × n_l, or stored
  transposed: the claims with a weight;
* **rows** — the vectors said to be row vectors ("All vectors … are row vectors"; řádkové vektory; вектор-строки;
  wektory wierszowe), a transpose not in the sentence ("(a^{l-1})^T is a row vector" says nothing of the convention):
  the claims with a weight or a transpose.

Words that agree ("w^l connects layer l − 1 to layer l", "the input is layer 1", "one row per neuron of layer l"),
denied ("there is no layer 0"), or in a supposition or about other texts ("If we numbered …", "some books …") change
nothing.

>>> [s.kind for s in said("Here $w^l$ is the matrix of weights between layer $l$ and layer $l+1$.")]
['feeds']
>>> said("The weights $w^l$ connect layer $l-1$ to layer $l$.")
[]
>>> [s.kind for s in said("We number the layers from zero: the input layer is layer $0$.")]
['numbering']
>>> [s.kind for s in said("The matrix $w^l$ has one row per neuron of layer $l-1$.")], said("$w^l$ has one row per neuron of layer $l$.")
(['shape'], [])
>>> [s.kind for s in said("All vectors in these notes are row vectors.")], said("Here $(a^{l-1})^T$ is a row vector.")
(['rows'], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .graphsingle import has_layers
from .sentences import line_of, prose, sentences


@dataclass(frozen=True)
class Said:
    """A sentence stating a convention of ``kind`` (feeds, numbering, shape, rows) at ``line``, as ``words``."""

    kind: str
    line: int
    words: str


#: What symbp assumed, per kind, as the reason says it.
_ASSUMED = {
    "feeds": "w^l and b^l feeding layer l from layer l \u2212 1",
    "numbering": "the input as layer 1 (no layer 0 is written)",
    "shape": "w^l with one row per neuron of layer l and one column per neuron of layer l \u2212 1",
    "rows": "column vectors",
}
#: The profile keys that state each convention.
_KEY = {"feeds": "weight_layer_offset = 1", "numbering": "layer_shift = -1", "shape": "vectors = \"row\" (w^l of "
        "shape n_{l\u22121} \u00d7 n_l, as --notation rowvector)", "rows": "vectors = \"row\""}

#: A supposition, a denial, or words about other texts: the sentence fixes no convention of the notes.
_NOT_THEIRS = re.compile(
    r"\b(?:if|would|were|suppose|supposing|imagine|instead|some\s+(?:books|authors|texts|courses)|other\s+(?:books|"
    r"authors|texts|courses)|not|no|never|neither|nor|kdyby|pokud|nen[ií]|ne|если|бы|не|нет|gdyby|je[śs]li|nie)\b"
    r"|n[\u2019']t\b",
    re.IGNORECASE)
#: A weight or a bias labelled l (not l ± 1): w^l, W^{(l)}, b^{[l]}, \theta^l, w^l_{jk}.
_LABELLED_L = re.compile(r"(?<![A-Za-z\\])(?:w|W|b|\\theta|\\Theta)\s*(?:_\s*[a-z]{1,2}\s*)?\^\s*[(\[]?\s*l\s*[)\]]?"
                         r"(?!\s*[+\-]|[A-Za-z0-9])")
_LAYER_NEXT = re.compile(r"\blayers?\s*\(?\s*l\s*\+\s*1|\blayers?\s+l\s*(?:and|to)\s*(?:layer\s*)?\(?\s*l\s*\+\s*1"
                         r"|\b(?:next|following|subsequent|succeeding)\s+layer", re.IGNORECASE)
_NUMBERING = re.compile(
    r"\blayer\s*\(?\s*0\b|\blayer\s+zero\b|\bzeroth\s+layer|\b(?:from|at)\s+(?:zero|0)\b"
    r"|\bvrstv\w*\s*0\b|\bod\s+nuly\b|\bnult\w*\s+vrstv"
    r"|\bсло\w*\s*0\b|\bс\s+нуля\b|\bот\s+0\b|\bнулев\w*\s+сло"
    r"|\bwarstw\w*\s*0\b|\bod\s+zera\b|\bzerow\w*\s+warstw|\bod\s+0\b", re.IGNORECASE)
#: The layers' numbering the sentence is about (not "from 0 to 1" of a value).
_ABOUT_LAYERS = re.compile(r"\blayer|\binput|vrstv|сло|warstw", re.IGNORECASE)
_WEIGHTS = re.compile(r"(?<![A-Za-z\\])(?:w|W|\\theta|\\Theta)(?![A-Za-z])|\bweight|\bmatri", re.IGNORECASE)
_SHAPE = re.compile(
    r"n\s*_\s*\(?\s*l\s*-\s*1\s*\)?\s*(?:\\times|\u00d7|x|\\cdot)\s*n\s*_\s*\(?\s*l(?!\s*[+\-])"  # n_{l−1} × n_l
    r"|\b(?:stored|kept|written|given|held)\s+(?:as\s+)?transposed\b", re.IGNORECASE)
_ROWS = re.compile(r"\brow[\s-]+vectors?\b|\b[řr][áa]dkov\w*|\bвектор\w*[\s-]+строк|\bстрок\w*\s+вектор"
                   r"|\bwektor\w*\s+wierszow|\bwierszow\w*\s+wektor", re.IGNORECASE)
#: Words about derivatives' layout ("the derivative by a column vector is a row vector", numerator layout): read by
#: ``layoutwords``, not a convention of the network's vectors or weights.
_LAYOUT = re.compile(r"layout|numerator|denominator|gradient|derivative|jacobian|\\partial|\\nabla|derivac|[čc]itatel"
                     r"|jmenovatel|производн|градиент|якоби|числител|знаменател|pochodn|licznik|mianownik",
                     re.IGNORECASE)
_TRANSPOSE = re.compile(r"\^\s*(?:T\b|\\top|\\intercal|\\mathsf\s*T)|transpos", re.IGNORECASE)


def _plain(words: str) -> str:
    """The sentence's words and inline formulas, without $, braces and font macros, in one line."""
    out = re.sub(r"\\(?:mathrm|text|textrm|rm|mathbf|boldsymbol|left|right|mathit)\b|[{}$]|\\[()]", " ", words)
    return " ".join(out.replace("\u2212", "-").split())


def said(text: str) -> list:
    """The sentences of ``text`` (display formulas taken out) that state a convention of the layers (the module)."""
    out = []
    for start, end in sentences(text):
        words = _plain(prose(text[start:end]))
        if not words or _NOT_THEIRS.search(words):
            continue
        quoted = " ".join(text[start:end].split())[:160]
        line = line_of(text, start + len(text[start:end]) - len(text[start:end].lstrip()))
        if _LABELLED_L.search(words) and _LAYER_NEXT.search(words):
            out.append(Said("feeds", line, quoted))
        if _NUMBERING.search(words) and _ABOUT_LAYERS.search(words):
            out.append(Said("numbering", line, quoted))
        if _LAYOUT.search(words):
            continue  # the layout of derivatives (``layoutwords``), or words about a gradient's shape
        if _WEIGHTS.search(words) and (_SHAPE.search(words) or _rows_of(words)):
            out.append(Said("shape", line, quoted))
        if _ROWS.search(words) and not _TRANSPOSE.search(words):
            out.append(Said("rows", line, quoted))
    return out


#: "one row per neuron of layer l − 1", "its columns … layer l": the layer the rows (columns) are said to run over.
_ROW_OR_COLUMN = re.compile(r"\b(rows?|columns?)\b[^.;]*?\blayer\s*\(?\s*(l\s*[+\-]\s*1|l)(?![A-Za-z0-9])", re.IGNORECASE)


def _rows_of(words: str) -> bool:
    """Whether the words give w^l's rows a layer other than l, or its columns layer l (Nielsen's: rows l, columns
    l − 1); each "row"/"column" is taken with the first layer named after it."""
    for m in _ROW_OR_COLUMN.finditer(words):
        first = re.search(r"\b(?:rows?|columns?)\b", m.group(0)[1:], re.IGNORECASE)  # another before the layer
        if first is not None:
            continue
        plain = m.group(2).replace(" ", "") == "l"
        if m.group(1).lower().startswith("row") != plain:
            return True
    return False


def _differs(kind: str, nt) -> bool:
    """Whether symbp's reading (the profile ``nt``) differs from, or may differ from, what words of ``kind`` say."""
    if kind == "feeds":
        return nt.weight_layer_offset == 0
    if kind == "numbering":
        return nt.layer_shift == 0
    return nt.vectors == "column"


_HAS_WEIGHT = re.compile(r"(?<![A-Za-z\\])(?:w|W)(?![A-Za-z])|\\(?:theta|Theta)(?![A-Za-z])")
_HAS_BIAS = re.compile(r"(?<![A-Za-z\\])b(?![A-Za-z])")
_HAS_X = re.compile(r"(?<![A-Za-z\\])x(?![A-Za-z])")
#: A layer's number: a letter of a layer quantity with a digit for its layer (a^1, w^{2}, z^{(3)}, \delta^{[2]}).
_HAS_NUMBER = re.compile(r"(?<![A-Za-z\\])(?:a|z|w|W|b|x|\\delta)\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?\^\s*\{?"
                         r"\s*[(\[]?\s*\d")


def bears(kind: str, formula: str) -> bool:
    """Whether a claim ``formula`` depends on a convention of ``kind``."""
    if kind == "feeds":
        return bool(_HAS_WEIGHT.search(formula) or _HAS_BIAS.search(formula))
    if kind == "numbering":
        return bool(_HAS_NUMBER.search(formula) or _HAS_X.search(formula))
    if kind == "shape":
        return bool(_HAS_WEIGHT.search(formula))
    return bool(_HAS_WEIGHT.search(formula) or _TRANSPOSE.search(formula))


@dataclass(frozen=True)
class Hazard:
    """A convention said in words (``said``) that symbp did not read, for a claim it bears on (``unreadwords.unjudged``
    makes the claim uninterpretable with ``reason``)."""

    kind: str
    line: int
    words: str
    wrong: bool = False
    right: bool = False

    def reason(self, result) -> str:
        return (f"the notes say in words (line {self.line}) \u201c{self.words}\u201d, a convention symbp does not read "
                f"from words: it read the notes under {_ASSUMED[self.kind]}, which the words contradict or may "
                f"contradict, so the formula is not judged; symbp reads this convention only from a formula (the "
                f"weighted input z defined from w and a, a layer 0 written) or a profile (--notation, a TOML profile "
                f"with {_KEY[self.kind]}; see docs/verify.md); as read it {result.status}"
                + (f" ({result.reason})" if result.reason else ""))


def hazards(text: str, items: list, nt) -> dict:
    """{(line, text): Hazard} for the claims and definitions of ``items`` that a convention said in words bears on,
    where it differs from the profile ``nt`` symbp reads the notes under (the first such words)."""
    found = [s for s in said(text) if _differs(s.kind, nt)]
    # only layered notes: graph notes ("Let $x$ be a row vector and $W$ a $2 \times 3$ matrix") declare their own
    # shapes, which the graph reading reads (``graphprose``)
    layered = found and any(has_layers(f.source or f.text) for f in items if f.kind != "unreadable")
    out = {}
    for f in items if layered else ():
        if f.kind not in ("claim", "definition") or f.negated or f.under:
            continue
        written = f.source or f.text
        for s in found:
            if bears(s.kind, written) and (s.kind == "numbering" or has_layers(written)):
                out[(f.line, f.text)] = Hazard(s.kind, s.line, s.words)
                break
    return out


__all__ = ["Hazard", "Said", "bears", "hazards", "said"]
