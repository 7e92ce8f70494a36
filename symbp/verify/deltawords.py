r"""δ defined by the notes in words: "Let $\delta^L$ denote the output error, where $\delta^L = …$".

symbp's δ is δ^l ≡ ∂C/∂z^l. Notes may mean another δ and say so in words instead of with ``:=`` or ``\equiv``
(which ``model`` reads): "where $\delta^L = \frac{\partial C}{\partial a^L}$", "The output error $\delta^L$ is
defined as $\delta^L = a^L - y$", "Denote by $\delta^L = a^L - y$ the output error". Such a formula is the notes'
definition, not a claim about symbp's δ: refuting it would judge a meaning the notes never gave δ, and judging the
claims after it against ∂C/∂z would too (review rv44 A9: ∂C/∂b^L = δ^L held beside δ^L = ∂C/∂a^L, where it lacks
σ'(z^L); B4: ∂C/∂b^L = δ^L ⊙ σ'(z^L) was refuted there, though true).

``worded`` finds the formulas δ = … (one equals sign, δ of a layer alone on the left) that words of their own
sentence make a definition:

* **"where"** (kde, где, gdzie) before the formula in its clause: "…, where $\delta^L = …$";
* **words that define** before it in its clause: "is defined as", "by definition", "let" (not "let us"), "we set";
  je definována jako, z definice, nechť; определяется, по определению, пусть, положим; jest zdefiniowana jako,
  z definicji, niech; "Define", "We define", "Set" opening the sentence (definujme, определим, zdefiniujmy): a
  definition of δ by the notes is their choice of notation, not a claim (review guard5; rv42 9 had taken "Define
  $\delta^L = \nabla_a C$" for a slip of BP1 and refuted it); "Denote", "Put", "Introduce" opening it (položme,
  zaveďme, введём, przyjmijmy, wprowadźmy: issue 12 A5/B2), but not "Put differently" nor "Introduce the output error
  $\delta^L = …$", which names δ ≡ ∂C/∂z. A claim ("By BP1, $\delta^L = \nabla_a C$") stays one;
* **words that name** it (``unreadwords.NAMING``) with the formula inside them: "Denote by $\delta^L = …$ the …",
  "Let $\delta^L = …$ denote …", "We write $\delta^L = …$ for …". The naming guard of ``unreadwords`` already leaves
  such a row unjudged; it is kept a row.

Words that tell how the formula came ("where by the chain rule $\delta^L = …$", "so", "it follows", "we get") make it a
claim, judged as written (review rv47 A3: the slip δ^L = ∂C/∂a^L after "by the chain rule" was filed as a definition).

``named`` reads δ named by words with no equals sign (review rv47 A2): "Let $\delta^L$ denote $Y$", "Denote by
$\delta^L$ $Y$", "We write $\delta^L$ for $Y$", "$\delta^L$ denotes $Y$" (nechť … označuje, пусть … обозначает, niech …
oznacza). When what it is named is a formula $Y$ (beside words that only call it an error: "the error $Y$ of neuron
$j$"), the sentence defines δ = Y, taken as the formulas δ = … above; when it is only "the (output) error (of neuron
$j$)", δ is symbp's; any other words ("the gradient of the cost with respect to the output activations") define a δ
that is not read, and no claim about δ from there on is checked (``Model.own_terms``).

A formula δ = … written without such words ("$\delta^L = a^L - y$.") stays a claim, refuted under a sigmoid and the
quadratic cost as before. The caller checks each found formula as the claim it states: one that holds (the notes'
δ agrees with ∂C/∂z: "where $\delta^L = (a^L - y) \odot \sigma'(z^L)$") is judged as before; one that does not is
the notes' own δ (``own``): a ``model`` definition of kind "own-delta" from its sentence on. A claim from there whose
every δ is the one defined is checked with the notes' δ put in (``put_in``: under δ^L = ∂C/∂a^L, ∂C/∂b^L = δ^L is
refuted and ∂C/∂b^L = δ^L ⊙ σ'(z^L) holds); any other claim about δ is not checked against another meaning
(``Model.own_terms``).

>>> from symbp.notation import profile
>>> text = "Let $\\delta^L$ denote the output error, where $\\delta^L = a^L - y$.\n"
>>> from symbp.verify.extract import formulas
>>> from symbp.verify.scan import scan
>>> items = formulas(scan(text))
>>> [(items[n].text, w.words, w.row) for n, w in worded(text, items, profile("nielsen")).items()]
[('\\delta^L = a^L - y', 'where', False)]
>>> worded("The error is $\\delta^L = a^L - y$.\n", formulas(scan("The error is $\\delta^L = a^L - y$.\n")),
...        profile("nielsen"))
{}
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import SymbpError
from ..notation import Notation
from .deltaprose import added as in_prose  # δ given another meaning by any wording (review rv54 F6, F7)
from .graphexamples import _locate
from .lexer import ReadError
from .model import Definition
from .nodes import Quantity, walk
from .reader import read
from .sentences import FORMULA, line_of, masked, sentence_span, with_dollars
from .unreadwords import NAMING

#: "where" before the formula, in its clause (no , ; . ! ? between: "Here, where the cost is quadratic, we get …"
#: is no definition).
_WHERE = re.compile(r"(?<!\bsee\s)(?<!\bshow\s)(?<!\bknow\s)(?<!\bis\s)\b(?:where|kde|где|gdzie)\b[^,.;:!?]{0,40}$",
                    re.IGNORECASE)  # not "we see where the factor goes: …", a clause of its own
#: Words that define, before the formula in its clause (a colon allowed: "is defined as follows: $$…$$").
_DEFINE = re.compile(
    r"(?:\b(?:is|are)\s+defined\s+(?:as|by|to\s+be)\b|\bdefined\s+(?:as|by)\b|\bby\s+definition\b"
    r"|\blet\b(?!\s+(?:us|me)\b|['’]s\b)|\bwe\s+set\b"
    # "Define $\delta^L = …$", "We define", "Set $\delta^L = …$" opening the sentence: the notes' notation, as "is
    # defined as" is (review guard5: "Define" was taken for a slip and refuted, rv42 9); definujme, определим, zdefiniujmy
    # — but "Define the output error $\delta^L = …$" names the error δ ≡ ∂C/∂z, so its formula is a claim (rv42 9)
    r"|\b(?:we\s+(?:now\s+)?)?define\b(?!\s+(?:the\s+)?(?:output\s+)?error)|^\s*set\b|\b(?:definujme|definujeme|definujem|определим|определяем|zdefiniujmy"
    r"|definiujemy|zdefiniujemy)\b"
    # "Denote $\delta^l = …$", "Put", "Introduce" opening the sentence (položme, zaveďme, введём, przyjmijmy, połóżmy,
    # wprowadźmy): the notes' notation as "Define" is (review issue 12 A5/B2: BP3 held after "Denote $\delta^l =
    # \partial C/\partial a^l$"); not "Put differently", and not "Introduce the output error $\delta^L = …$" (rv42 9)
    r"|^\s*(?:let\s+us\s+|let['’]s\s+|we\s+(?:now\s+)?)?(?:denote|introduce|put)\b(?!\s+(?:by\b|the\s+(?:output\s+)?error"
    r"|(?:output\s+)?error|differently|another|otherwise|simply|briefly|in\s+words))"
    r"|^\s*(?:položme|položíme|zaveďme|zavedeme|введ[её]м|положим|przyjmijmy|przyjmujemy|połóżmy|wprowadźmy"
    r"|wprowadzamy)\b"
    r"|\b(?:definován[aoy]?\s+jako|definuje\s+se|z\s+definice|nechť)\b"
    r"|\b(?:определяется|по\s+определению|пусть|положим)\b"
    r"|\b(?:zdefiniowan[aey]\s+jako|definiuje\s+się|z\s+definicji|niech)\b)"
    r"[^,.;!?]{0,80}$", re.IGNORECASE)
#: Between naming words and the formula they name: a few words, no clause break.
_NAMED = re.compile(r"[^,.;:!?]{0,60}$")


#: Words that tell how the formula came, between the words that define and it: a claim ("where by the chain rule",
#: "so", "it follows that", "we get"; cs, ru, pl alike).
_DERIVED = re.compile(
    r"\b(?:chain\s+rule|it\s+follows|follows|we\s+(?:get|obtain|find|have|see)|one\s+(?:gets|obtains|finds|has)"
    r"|so(?!\s+that)|hence|thus|therefore|consequently|gives|yields|implies|řetízk\w*|tedy|dostaneme|plyne|цепн\w*"
    r"|получаем|следовательно|откуда|значит|łańcuch\w*|otrzymujemy|więc|zatem|stąd)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Worded:
    """The words that make a formula the notes' definition of δ (as found), the sentence's first line, and whether
    it stays a row (the naming guard's). Named by words with no equals sign (``named``): ``formula`` the δ = Y they
    say, or ``unread`` when what they say is not a formula."""

    words: str
    first: int
    row: bool = False
    formula: str = ""
    unread: bool = False


def _spans(text: str, f) -> "tuple[int, int, int, int] | None":
    # where the formula ``f`` stands in ``text`` (with its $ delimiters) and the sentence around it; None if not found
    at = _locate(text, f.line, f.source or f.text)
    if at is None:
        return None
    start, end = with_dollars(text, *at)
    return (start, end, *sentence_span(text, start, end))


def worded(text: str, items: list, nt: Notation) -> dict:
    """{index in ``items``: ``Worded``} for each claim δ = … that words of its sentence make a definition of δ."""
    out = {}
    for n, f in enumerate(items):
        if f.kind != "claim" or f.negated or f.under or f.cell is not None or not _delta_alone(f.text, nt):
            continue
        spans = _spans(text, f)
        if spans is None:
            continue
        start, end, first, _ = spans
        before = masked(text[first:start])
        found = _words(before, masked(text[end:end + 200]))
        if found is not None:
            out[n] = Worded(found[0], line_of(text, first), found[1])
    return out


def _words(before: str, after: str) -> "tuple[str, bool] | None":
    """(the words, whether they name) that make the formula between ``before`` and ``after`` a definition, or None."""
    around = before + "~" + after  # "Let … denote", "We write … for": the naming's words after the formula too
    for m in NAMING.finditer(around):
        if m.end() <= len(before) and _NAMED.fullmatch(before, m.end()):
            return m.group(0), True
    for pattern in (_WHERE, _DEFINE):
        m = pattern.search(before)
        if m is not None:
            return None if _DERIVED.search(m.group(0)) else (" ".join(m.group(0).split()[:3]), False)
    return None


def _delta_alone(text: str, nt: Notation) -> bool:
    """Is ``text`` δ = … with one equals sign and δ of a layer (or of one neuron) alone on the left (not the
    Kronecker δ_{jk}, not a chain δ = X = Y, whose later equalities are claims of their own)?"""
    try:
        eq = read(text, nt)
    except (ReadError, SymbpError, ValueError):
        return False
    if len(eq.sides) != 2 or tuple(eq.rels) != ("=",):
        return False
    lhs = eq.sides[0]
    return isinstance(lhs, Quantity) and lhs.role == "delta" and not (lhs.layer is None and len(lhs.indices) >= 2)


#: Naming words before δ ("Let", "Denote by", "We write") with what must follow it ("denote", "for"), or after it
#: alone ("denotes", "stands for", "is defined as"): the groups ``lead`` and ``verb``.
_NAMING = (
    (re.compile(r"(?:\blet|\bnechť|\bпусть|\bniech)\s*$", re.IGNORECASE),
     re.compile(r"\s*(?:denote|stand\s+for|be\s+defined\s+as|be|označuje|značí|je|обозначает|будет|есть|oznacza|będzie"
                r"|jest)\b", re.IGNORECASE)),
    # "Define $\delta^l$ as $Y$", definujme … jako, определим … как, zdefiniujmy … jako (review rv49 A10/B6: the
    # claims after were judged with δ ≡ ∂C/∂z)
    (re.compile(r"\b(?:(?:we\s+)?define|definujme|definujeme|определим|определяем|zdefiniujmy|definiujemy|zdefiniujemy)"
                r"\s*$", re.IGNORECASE), re.compile(r"\s*(?:as|to\s+be|jako|как)\b", re.IGNORECASE)),
    # "By $\delta^l$ we mean $Y$", "Pod … rozumíme", "Под … будем понимать", "Przez … rozumiemy"
    (re.compile(r"(?:\bby|\bpod|\bпод|\bprzez)\s*$", re.IGNORECASE),
     re.compile(r"\s*(?:we\s+(?:mean|understand|denote)|rozumíme|budeme\s+rozumět|(?:будем\s+)?понима(?:ть|ем|ется)"
                r"|(?:будем\s+)?обозначать|rozumiemy|będziemy\s+rozumieć)(?!\w)", re.IGNORECASE)),
    (re.compile(r"\b(?:denote[sd]?\s+by|označme|označíme|обозначим(?:\s+через)?|oznaczmy(?:\s+przez)?)\s*$",
                re.IGNORECASE), re.compile(r"")),
    (re.compile(r"\bwrite\s*$", re.IGNORECASE), re.compile(r"\s*for\b", re.IGNORECASE)),
    (re.compile(r"(?:^|[^,]\s|\b(?:here|in\s+(?:these|our)\s+notes|in\s+this\s+(?:text|chapter|section)|throughout),\s)\s*$",
                re.IGNORECASE),
     re.compile(r"\s*(?:denotes|stands\s+for|is\s+defined\s+(?:as|to\s+be)|is\s+short\s+for|means|označuje|značí"
                r"|znamená|обозначает|означает|oznacza)(?!\w)", re.IGNORECASE)))
#: Where what δ is named ends: a clause break, "where", "which", "and".
_NAME_END = re.compile(r"[,;:.!?]|\s[-–—]\s|\b(?:and|where|which|i\.e|kde|který|která|где|который|которая|gdzie|który"
                       r"|która|a|и|i)\b", re.IGNORECASE)
#: Words that only call δ an error, of a neuron or a layer: δ is symbp's δ ≡ ∂C/∂z (Nielsen's "error").
_ERROR_ONLY = re.compile(
    r"(?:\s|~|-|th\b|the\b|an?\b|(?:output|hidden|local|backpropagated|vector|of|in|at|for|neuron|neurons|unit|units"
    r"|node|nodes|layer|layers|errors?|chyb[auy]?|výstupní|vrstvy|neuronu|ошибк[аиуой]|выходного|слоя|нейрона|błąd|błędu"
    r"|wyjściowej|warstwy|neuronu)\b)*", re.IGNORECASE)
#: A formula that only names an index or a layer ("$j$", "$l$-th", "$l+1$").
_INDEX = re.compile(r"[A-Za-z](?:\s*[+-]\s*1)?")


def named(text: str, items: list, nt: Notation) -> dict:
    """{index in ``items``: ``Worded``} for each δ written alone ("$\\delta^L$") that naming words with no equals
    sign define otherwise than as the error (see the module): ``formula`` the δ = Y they say, or ``unread``.
    Not where a formula δ = … of its sentence says what it is (``worded`` reads that one)."""
    out = {}
    for n, f in enumerate(items):
        if f.kind != "prose" or f.cell is not None or _alone(f.text, nt) is None:
            continue
        spans = _spans(text, f)
        if spans is None:
            continue
        start, end, first, stop = spans
        if any(g.kind != "prose" and _delta_alone(g.text, nt) and first <= _at(text, g) < stop for g in items):
            continue
        before, after = masked(text[first:start]), masked(text[end:stop])
        for lead, verb in _NAMING:
            if (m := lead.search(before)) is None or (v := verb.match(after)) is None:
                continue
            cut = _NAME_END.search(after, v.end() + 1)
            rest = text[end + v.end():end + (cut.start() if cut else len(after))]
            said = " ".join((m.group(0) + " " + f"${f.text}$" + text[end:end + v.end()] + rest).split())
            w = _what(f.text, rest, nt, said, line_of(text, first))
            if w is not None:
                out[n] = w
            break
    return out


def _at(text: str, g) -> int:
    at = _locate(text, g.line, g.source or g.text)
    return at[0] if at is not None else -1


def _what(delta: str, rest: str, nt: Notation, said: str, first: int) -> "Worded | None":
    # what the words name δ: a formula (δ = Y), the error (None: symbp's δ), or words not read
    formulas = [m for m in FORMULA.finditer(rest) if not _INDEX.fullmatch(_bare(m.group(0)))]
    words = masked(rest)
    for m in formulas:
        words = words[:m.start()] + words[m.end():]
    if not formulas and _ERROR_ONLY.fullmatch(words):
        return None if re.search(r"err|chyb|ошибк|błąd|błęd", words, re.IGNORECASE) else Worded(said, first, unread=True)
    if len(formulas) == 1 and _ERROR_ONLY.fullmatch(words):
        return Worded(said, first, formula=f"{delta} = {_bare(formulas[0].group(0))}")
    return Worded(said, first, unread=True)


def _bare(formula: str) -> str:
    return re.sub(r"^(?:\$+|\\\(|\\\[)|(?:\$+|\\\)|\\\])$", "", formula.strip()).strip()


def _alone(text: str, nt: Notation):
    """δ of a layer (or of one neuron) written alone, as a quantity; None for anything else."""
    q = _quantity(text, nt)
    return q if isinstance(q, Quantity) and q.role == "delta" and not (q.layer is None and len(q.indices) >= 2) \
        else None


def own(f, w: Worded) -> Definition:
    """The model's definition of the notes' own δ by the formula ``f`` that the words ``w`` make a definition and that
    does not hold as a claim about δ ≡ ∂C/∂z: in force from its sentence on (a claim before it in the sentence,
    "$$\\frac{\\partial C}{\\partial b^L} = \\delta^L,$$ where $\\delta^L = …$", is about it too); its value is the
    formula's own line."""
    if w.unread:  # named in words not read: what δ is is not known (its value None: ``Model.own_terms``)
        return Definition(w.first, "own-delta", None, w.words)
    return Definition(w.first, "own-delta", f.line, w.formula or f.text)


def added(definitions: list, f, w: Worded) -> list:
    """``definitions`` with the notes' own δ of ``f`` (``own``) in, sorted by line; a definition the model read from
    the same formula with no value (δ^l = ∂C/∂a^l for every layer: not put in) gives way to it, not listed twice."""
    new = own(f, w)
    kept = [d for d in definitions if not (d.what == "own-delta" and d.value is None and (d.line, d.text) == (
        new.line, new.text))]
    return sorted(kept + [new], key=lambda d: d.line)


#: δ with its scripts as written: \delta^L, \delta^{L}_j, \delta_j^L (a bold or other δ is not one: the claim is not read).
_DELTA = re.compile(r"\\delta(?![A-Za-z])(?:\s*[_^]\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*")


def put_in(items: list, definitions: list, nt: Notation, worded_at: "set | dict" = ()) -> dict:
    """{index in ``items``: (the claim with the notes' own δ put in, the words saying so)} for each claim from the
    sentence of a δ defined in words (``own``) on, while it is in force, whose every δ is the defined one exactly
    (δ^L for δ^L, δ^L_j for δ^L_j): "\\frac{\\partial C}{\\partial b^L} = \\delta^L" under δ^L = ∂C/∂a^L is checked as
    "\\frac{\\partial C}{\\partial b^L} = \\left(\\frac{\\partial C}{\\partial a^L}\\right)". A claim with another δ (δ^l,
    δ^{L-1}, δ^L_k) is left as it is, and unjudged (``Model.own_terms``); so is every claim after another definition of
    δ (``:=``, ``\\equiv``, or in words: ``worded_at``, the indices ``worded`` found), which may give δ another meaning."""
    own = sorted((d for d in definitions if d.what == "own-delta"), key=lambda d: d.line)
    others = [f.line for n, f in enumerate(items) if n in worded_at or f.kind == "definition" and _delta_alone(
        re.sub(r"::=|:=|\\equiv|\\coloneqq|\\triangleq", "=", f.text), nt)]
    out = {}
    for n, f in enumerate(items):
        if f.kind != "claim" or f.negated or f.under or n in worded_at:
            continue
        now = [d for d in own if d.line <= f.line]
        d = now[-1] if now else None
        if d is None or not isinstance(d.value, int) or any(d.value < line <= f.line for line in others):
            continue
        new = _substituted(f.text, d.text, nt)
        if new is not None:
            out[n] = (new, f"checked with the notes' own δ put in ({d.text}, line {d.value})")
    return out


def _substituted(text: str, definition: str, nt: Notation) -> "str | None":
    try:
        name, value = read(definition, nt).sides
        read(text, nt)
    except (ReadError, SymbpError, ValueError):
        return None
    rhs = definition.split("=", 1)[1].strip().rstrip(".,;").strip()
    found = list(_DELTA.finditer(text))
    if not found or any(_quantity(m.group(0), nt) != name for m in found):
        return None
    new = _DELTA.sub(lambda m: rf"\left({rhs}\right)", text)
    try:
        eq = read(new, nt)
    except (ReadError, SymbpError, ValueError):
        return None
    return None if any(isinstance(q, Quantity) and q.role == "delta" for q in walk(eq)) else new


def _quantity(written: str, nt: Notation):
    try:
        return read(f"{written} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        return None


def reason(w: Worded, result) -> str:
    """Why the formula is filed as a definition, with what it is as a claim about symbp's δ."""
    said = f" ({result.reason})" if result.reason else ""
    return (f"a definition: the words \u201c{w.words}\u201d make it the notes' own δ, which is not symbp's δ ≡ ∂C/∂z "
            f"(as a claim about that δ it is {result.status}{said}); the claims after it are checked with it put in "
            "where it is the only δ they name, else not judged")


__all__ = ["Worded", "added", "in_prose", "named", "own", "put_in", "reason", "worded"]
