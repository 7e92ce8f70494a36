r"""A layer formula restricted to the hidden layers by the words of its sentence (review 20, F2).

Notes write "The hidden layers are $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$ for $l < L$; the output layer
is a softmax, …": the restriction is in the sentence, not in the formula. Read alone, ``a^l = \sigma(z^l)`` is
refuted at l = L of a softmax output, and a correct file fails. So a formula with a layer variable (``z^l``,
``a^{[l]}``) in a clause of a sentence that restricts it is checked with that restriction as its own condition:

* a condition written in the clause that leaves out the output layer (``$l < L$``, ``$l \le L-1$``,
  ``$2 \le l \le L-1$``, ``$l = 2, \dots, L-1$``) is the formula's condition, read as ``\quad`` after it would be
  (``$l = 2, \dots, L$`` restricts nothing);
* "hidden layer(s)" (skryté vrstvy, скрытые слои, warstwy ukryte; any inflection) is ``l < L``;
* words that restrict it otherwise ("except the last", "all but", kromě, кроме, oprócz, z wyjątkiem, "inner
  layers") are not read exactly: the formula is then never refuted (``uninterpretable``) — nor is one whose written
  condition symbp cannot read.
* words that widen "hidden layers" ("not only in the hidden layers but in every layer", "as well as in the output
  layer", "and equally in the last one", nejen … ale, а также, jak i; review 23, F2) restrict nothing: the formula is
  checked at every layer as written; a comparison ("just as in the hidden layers") or widening words followed by the
  output layer's own formula are not read exactly; so are other words of the clause naming a layer besides the hidden
  ones ("and in the final layer alike", "at layer $L$", "beyond", "every layer"; review rv39).

A clause ends at ";" and where words name the output layer begin ("the output layer is …", výstupní vrstva,
выходной слой, warstwa wyjściowa), so "The hidden layers use $a^l = \sigma(z^l)$; the output layer has $\delta^l$ …"
restricts the first formula alone. A formula that already states a condition keeps its own.

>>> text = "The hidden layers are $a^l = \\sigma(z^l)$; the output layer is $a^L = z^L$."
>>> [(m.start, m.condition) for m in restricted_maths(text)]
[(22, 'hidden')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..errors import SymbpError
from .lexer import ReadError
from .nodes import Quantity, walk
from .reader import read_claim
from .sentences import FORMULA, masked, sentences

_HIDDEN = re.compile(r"\bhidden\s+layers?\b|\bskryt\w*\s+vrstv\w*|\bvrstv\w*\s+skryt\w*|\bскрыт\w*\s+сло\w*"
                     r"|\bukryt\w*\s+warstw\w*|\bwarstw\w*\s+ukryt\w*", re.I)
#: Words or math after a loose restriction that make it one of layers ("except the last layer", "kromě výstupní
#: vrstvy", "except for $l = L$"), not of neurons ("except for $j \neq k$").
_LAYERISH = re.compile(r"layer|last|output|vrstv|výstup|posledn|сло[йяеи]|выход|последн|warstw|wyjści|ostatni"
                       r"|\$[^$]*(?<![A-Za-z\\])[lL](?![A-Za-z])[^$]*\$", re.I)
_LOOSE = re.compile(r"\bexcept\b|\ball\s+but\b|\binner\s+layers?|\bintermediate\s+layers?|\bkromě\b|\bmimo\b"
                    r"|\bкроме\b|\bза\s+исключением\b|\boprócz\b|\bpoza\b|\bz\s+wyjątkiem\b", re.I)
#: Words naming the output layer: a clause starts there.
_OUTPUT = re.compile(r"\b(?:the\s+)?(?:output|last)\s+layer|\bthe\s+output\b|\bvýstupní\w*\s+vrstv\w*|\bvýstup\w*"
                     r"|\bposlední\w*\s+vrstv\w*|\bвыходн\w*|\bпоследн\w*\s+сло\w*|\bwarstw\w*\s+wyjściow\w*"
                     r"|\bwyjściow\w*|\bostatni\w*\s+warstw\w*", re.I)
#: Words that widen a restriction to the hidden layers to more layers (review 23, F2): "not only (in) the hidden
#: layers", "nejen ve skrytých vrstvách", "не только в скрытых слоях", "nie tylko w warstwach ukrytych" right before
#: the words; after them, "as well as (in) the output layer", "and equally in the last one", "and also", "including the
#: output layer", "the output layer too"; cs "i ve výstupní", "a také", "jakož i", "včetně"; ru "а также", "и в",
#: "включая", "но и"; pl "jak i", "oraz w", "a także", "łącznie z", "włącznie z", "ale także".
_NOT_ONLY = re.compile(r"(?:\bnot\s+(?:only|just|merely)|\bnejen|\bне\s+только|\bnie\s+tylko)\s+(?:\w+\s+){0,3}$"
                       r"|\bboth\s+(?:in|for|at|to)\s+(?:the\s+|all\s+)?$|\bzarówno\s+(?:\w+\s+){0,2}$", re.I)
#: "Just as in the hidden layers", "like the hidden layers", "stejně jako ve skrytých", "как и в скрытых", "jak w
#: ukrytych": a comparison, the formula speaks of other layers too (not read exactly).
_AS_IN = re.compile(r"(?:\bas\s+(?:in|for|with|at)|\blike(?:\s+(?:in|for))?|\bjako\s+(?:ve?|u|pro)|\bкак\s+(?:и\s+)?(?:в|во|для)"
                    r"|\bjak\s+(?:i\s+)?(?:w|we|dla))\s+(?:the\s+|all\s+)?$", re.I)
_WIDER = re.compile(
    r"(?:\bas\s+well\s+as|\band\s+(?:also|equally|likewise|even|too)|\bbut\s+(?:also|too|equally)|\bincluding|\btogether\s+with"
    r"|\balong\s+with|\bplus\b|\bequally|\blikewise|\bi\s+(?:ve?|pro|na|u)\b|\ba\s+(?:také|rovněž|též)|\bjakož\s+i|\bvčetně"
    r"|\bstejně\s+(?:tak|jako)|\bale\s+(?:i|také|rovněž)|\bа\s+также|\bи\s+(?:в|во|для|на)\b|\bвключая|\bно\s+и|\bравно\s+как"
    r"|\bjak\s+i|\boraz\b|\ba\s+także|\błącznie\s+z|\bwłącznie\s+z|\bale\s+(?:także|również|też|i)|\bi\s+(?:w|we|dla)\b)"
    r"\W+(?:\w+\W+){0,4}?(?:output|last|final|top|every|all|each|výstup|posledn|všech|každ|выход|последн|всех|во\s+всех|кажд"
    r"|wyjści|ostatni|wszystk|każd)"
    r"|\b(?:but|ale|но|lecz|ale)\s+(?:\w+\s+){0,2}?(?:every|all|each|všech|každ|всех|кажд|wszystk|każd)"
    r"|(?:output|last|final)\s+(?:layer|one)\s+(?:too|as\s+well|also|included)\b|\b(?:every|all|each)\s+layers?\s+(?:too|as\s+well)\b"
    r"|\b(?:the\s+)?(?:output|last|final)\s+(?:layer|one)\s+included\b", re.I)
#: Other words of the clause that name a layer besides the hidden ones, which the clause cuts do not split off ("the
#: hidden layers and the final layer alike", "… and at layer $L$", "beyond the hidden layers", "every layer"; review
#: rv39, A2): the formula may speak of the output layer too, so the restriction is not read exactly.
_ELSEWHERE = re.compile(r"\b(?:final|top|topmost|highest|uppermost|beyond|above)\b|\bsoft[-\s]?max\s+layer|\b(?:every|each|all)\s+(?:the\s+)?layers?\b"
                        r"|\blayers?\s+~|\bfinální|\bhorní|\bnejvyšší|\bkaždé\w*\s+vrstv|\bvšech\s+vrstv|\bvrstv\w*\s+~"
                        r"|\bфинальн|\bверхн|\bкаждом\s+сло|\bвсех\s+сло|\bсло\w*\s+~|\bkońcow|\bfinaln|\bgórn"
                        r"|\bnajwyższ|\bkażdej\s+warstw|\bwszystkich\s+warstw|\bwarstw\w*\s+~", re.I)
#: "not only $l < L$", "nejen pro $l < L$", "не только при $l < L$", "nie tylko dla $l < L$": the condition after them
#: is not the formula's restriction.
_NOT_ONLY_CONDITION = re.compile(r"(?:\bnot\s+(?:only|just|merely)|\bnejen|\bне\s+только|\bnie\s+tylko)\s+(?:\w+\s+){0,2}~",
                                 re.I)
#: A layer condition that takes the output layer in: "$l = L$", "$l \le L$", "$l \in \{2, \dots, L\}$" (review rv41 A1).
_AT_L = re.compile(r"^\s*[a-z]\s*(?:=|\\le|\\leq|\\in)\s*(?:[^=]*[,{]\s*)?L\s*\\?\}?\s*$")
#: "…, and the same formula holds in the output layer": what the sentence goes on to say of the output layer.
_SAME_AT_OUTPUT = re.compile(r"\bthe\s+same\s+(?:formula|relation|identity|equation|expression|holds|is\s+true|applies)"
                             r"[^;.]*?\b(?:output|last|final|top)\b", re.I)
#: After the widening words, a formula or a word naming another activation: the words speak of the output layer's own
#: formula ("and also the output layer uses the softmax $…$"), which the formula before them does not claim.
_OWN_AFTER = re.compile(r"~|soft[-\s]?max|софтмакс|linear|lineárn|линейн|liniow|identit|тождеств|tożsam|\btanh\b|relu"
                        r"|\b(?:another|different|its\s+own|other)\b|\bjin\w*|\bдруг\w*|\binn\w*", re.I)


#: An aside that names the output layer only to put it off: "(the output layer is treated below)", "(we treat the output
#: layer later)", "— the last layer comes later —"; cs "(výstupní vrstvu probereme níže)", ru "(выходной слой рассмотрим
#: ниже)", pl "(warstwę wyjściową omówimy później)". It is blanked out before the clauses are cut (review rv42 4: the
#: clause of the formula began at "the output layer", and the formula was refuted at the softmax output layer).
_PUT_OFF = (r"(?:below|later|afterwards|separately|next|elsewhere|further\s+on|in\s+(?:the\s+)?(?:next|following)\s+\w+"
            r"|níže|později|zvlášť|dále|ниже|позже|отдельно|далее|niżej|później|osobno|dalej)")
_DEFERRED = re.compile(r"\((?=[^()~]*(?:" + _OUTPUT.pattern + r"))(?=[^()~]*\b" + _PUT_OFF
                       + r"\b)[^()~]*\)|[—–]\s(?=[^—–~]*(?:" + _OUTPUT.pattern + r"))(?=[^—–~]*\b" + _PUT_OFF
                       + r"\b)[^—–~.;]*\s[—–]", re.I)
#: The sentence after the formula's that claims it for the output layer too: "The same is true for the output layer.",
#: "This also holds in the last layer.", "Totéž platí pro výstupní vrstvu.", "То же верно для выходного слоя.", "To samo
#: zachodzi dla warstwy wyjściowej." (review rv42 11: the formula held, restricted to l < L).
_SAME_START = re.compile(r"^\W*(?:the\s+same|this|that|it|likewise|similarly|equally|tot[éo]ž|stejně|то\s+же|аналогично"
                         r"|это|to\s+samo|podobnie|analogicznie)\b", re.I)
_NOT = re.compile(r"\b(?:not|never|no|except|but|ne|není|neplatí|не|нет|nie)\b|n['’]t\b", re.I)


_SAME_VERB = re.compile(r"\b(?:same|also|too|as\s+well|holds?|true|applies|platí|верн\w*|выполняется|справедлив\w*"
                        r"|zachodzi|obowiązuje|prawdziw\w*)\b", re.I)


def _same_next(sentence: str) -> str:
    """The words of ``sentence`` (the one after a formula's) when it claims the formula for the output layer too."""
    words = masked(sentence)
    if _SAME_START.match(words) and _SAME_VERB.search(words) and _OUTPUT.search(words) and not _NOT.search(words):
        return " ".join(words.split())
    return ""


def _widened(sentence_mask: str, at: int, end: int, clause_end: int, same: "list[tuple[int, int]]" = ()) -> "tuple[str, str]":
    """How the sentence (formulas masked by ``~``) widens the words "hidden layers" at ``at``–``end``, and the words
    that do: "wide" (the formula is claimed for every layer: checked as written), "loose" (a comparison, or widening
    words followed by the output layer's own formula: not read exactly), or ""."""
    before, after = sentence_mask[:at], sentence_mask[end:]
    hidden = " ".join(sentence_mask[at:end].split())
    if m := _AS_IN.search(before):
        return "loose", " ".join(m.group(0).split()) + " " + hidden
    if m := _NOT_ONLY.search(before):
        return "wide", " ".join(m.group(0).split()) + " " + hidden
    if m := _WIDER.search(after):
        start = end + m.end()
        plain = list(sentence_mask)
        for a, b in [(0, clause_end)] + list(same):  # the clause's own formulas, and each written again, are widened
            plain[a:b] = sentence_mask[a:b].replace("~", " ")
        rest = "".join(plain)[start:].split(";")[0]  # up to the next clause that says something else
        own = _OWN_AFTER.search(rest)
        return ("loose" if own else "wide"), " ".join(m.group(0).split())
    return "", ""


#: A condition on a layer variable written as inline math: l < L, l \le L-1, 2 \le l < L, l = 2, \dots, L-1, l \in …
_CONDITION = re.compile(r"^\s*(?:\d+\s*(?:<|\\le|\\leq|\\lt)\s*)?[a-z]\s*(?:<|\\lt|\\le|\\leq|\\in|=\s*\d+\s*,)"
                        r"[^=]*\bL\b[^=]*$")


#: ... that leaves out the output layer L: < L, \lt L, L-1 as its last layer ("l = 2, \dots, L" restricts nothing).
_BEFORE_L = re.compile(r"(?:<|\\lt)\s*L(?![-+\w])|\bL\s*-\s*1\b")


@dataclass(frozen=True)
class Restricted:
    """A formula (inline or display) at ``start``–``end`` of the notes, in a clause restricted by ``words``;
    ``condition`` is the condition written there (LaTeX), "hidden" (l < L), or "" (words not read exactly)."""

    start: int
    end: int
    condition: str
    words: str


def restricted_maths(text: str) -> list:
    """The formulas of ``text`` whose clause restricts the layers they speak of (see the module)."""
    out = []
    spans = list(sentences(text))
    for n, (s_start, s_end) in enumerate(spans):
        sentence = text[s_start:s_end]
        hidden_mask = _DEFERRED.sub(lambda m: " " * len(m.group(0)), masked(sentence))
        same_next = _same_next(text[spans[n + 1][0]:spans[n + 1][1]]) if n + 1 < len(spans) else ""
        outputs = {m.start() for m in _OUTPUT.finditer(hidden_mask)}
        cuts = sorted({0, len(sentence)} | {m.end() for m in re.finditer(";", hidden_mask)} | outputs)
        for lo, hi in zip(cuts, cuts[1:]):
            clause, words = sentence[lo:hi], hidden_mask[lo:hi]
            maths = [m for m in FORMULA.finditer(clause)]
            stated = [m for m in maths if not m.group(0).startswith("$$") and _CONDITION.match(_inner(m.group(0)))]
            conditions = [m for m in stated if _BEFORE_L.search(_inner(m.group(0)))]
            at_l = [m for m in maths if not m.group(0).startswith("$$") and _AT_L.match(_inner(m.group(0)))]
            if conditions and (len(stated) > len(conditions) or _NOT_ONLY_CONDITION.search(words) or at_l):
                # "For all $l \le L$ (not only $l < L$), …": another condition, or "not only" before it, takes the
                # output layer in too (review rv39, A2): the restriction is not read exactly
                conditions = conditions + conditions[:1]
            loose, hidden = _LOOSE.search(words), _HIDDEN.search(words)
            if loose and not _LAYERISH.search(clause[loose.start():loose.end() + 40]):
                loose = None  # "Except for $j \neq k$": a restriction of neurons, not of layers
            if not (conditions or loose or hidden):
                continue
            mine = {_plain(m.group(0)) for m in maths}
            again = [(k.start(), k.end()) for k in FORMULA.finditer(sentence) if k.start() >= hi and _plain(k.group(0)) in mine]
            widened = dict(_widened(hidden_mask, lo + h.start(), lo + h.end(), hi, again) for h in _HIDDEN.finditer(words))
            if "loose" in widened and not conditions:  # "just as in the hidden layers": not read exactly
                condition, said = "", widened["loose"]
            elif "wide" in widened and not (loose or conditions):
                condition, said = "wide", widened["wide"]  # "not only in the hidden layers": every layer, as written
            elif loose or len(conditions) > 1:
                condition, said = "", (loose.group(0) if loose else " and ".join(m.group(0) for m in conditions))
            elif conditions:
                condition, said = _inner(conditions[0].group(0)), conditions[0].group(0)
            elif at_l or _SAME_AT_OUTPUT.search(hidden_mask[lo:]) or same_next:
                # "For all hidden layers and also for $l = L$", "…, and the same formula holds in the output layer"
                # (review rv41 A1): the formula is claimed at L too
                condition, said = "", hidden.group(0) + (f" … {at_l[0].group(0)}" if at_l else f" … {same_next}" if same_next
                                                         else " … the same …")
            elif lo in outputs or _OUTPUT.search(_without(words, _HIDDEN)):
                # "Not only in the output layer but also in the hidden layers, $…$" (review rv40 A6): the clause that
                # names the hidden layers began with the output layer, so the formula may be claimed there too
                condition, said = "", f"{hidden.group(0)} … {(_OUTPUT.search(words) or hidden).group(0)}"
            elif elsewhere := _ELSEWHERE.search(_without(words, _HIDDEN)):
                condition, said = "", f"{hidden.group(0)} … {elsewhere.group(0)}"  # another layer named too
            else:
                condition, said = "hidden", hidden.group(0)
            for m in maths:
                if m not in conditions:
                    out.append(Restricted(s_start + lo + m.start(), s_start + lo + m.end(), condition,
                                          " ".join(said.split())))
    return out


def _without(words: str, pattern) -> str:
    """``words`` with the matches of ``pattern`` blanked out (the same length)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), words)


def restrict(text: str, items: list, notation) -> "tuple[dict, dict]":
    """({index in ``items``: the formula with its clause's condition after ``\\quad``, and the words},
    {index: the words, for a formula restricted by words that are not read exactly}): the claims of ``items`` with a
    layer variable, not negated, in a restricted clause of ``text`` (matched by line and text)."""
    exact, loose = {}, {}
    found = restricted_maths(text)
    for n, f in enumerate(items):
        if f.kind != "claim" or f.negated or f.cell is not None:
            continue
        written = " ".join((f.source or f.text).split())
        r = next((r for r in found if text.count("\n", 0, r.start) + 1 <= f.line <= text.count("\n", 0, r.end) + 1
                  and written and written in " ".join(text[r.start:r.end].split())), None)
        var = _layer_variable(f.text, notation) if r is not None and r.condition != "wide" else None
        if var is None:
            continue
        condition = f"{var} < L" if r.condition == "hidden" else r.condition
        new = f"{f.text} \\quad {condition}" if condition else ""
        if new and _reads_with_condition(new, notation):
            exact[n] = (new, r.words)
        else:
            loose[n] = r.words
    return exact, loose


def not_read(result, words: str):
    """``result`` (refuted or conditional) made ``uninterpretable``: its sentence restricts the layers by ``words``
    symbp does not read exactly, so the layer where it fails may be one the notes leave out."""
    return replace(result, status="uninterpretable", verdict="undecided", counterexample=None, diagnosis="",
                   corrected="", condition="", condition_met=None,
                   reason=f"the words “{words}” of its sentence restrict the layers it speaks of, and symbp does not read "
                          f"them exactly (write the condition, e.g. \\quad l < L); as written it {result.status}: "
                          f"{result.reason}")


def _layer_variable(formula: str, notation) -> "str | None":
    """The one layer variable of ``formula`` (l of z^l, a^{[l-1]}) when it reads and states no condition, else None."""
    try:
        claim = read_claim(formula, notation)
    except (ReadError, SymbpError, ValueError):
        return None
    if claim.conditions or claim.equation.where:
        return None
    names = {q.layer.var for q in walk(claim.equation) if isinstance(q, Quantity) and q.layer is not None
             and q.layer.var not in (None, "L")}
    return names.pop() if len(names) == 1 else None


def _reads_with_condition(formula: str, notation) -> bool:
    try:
        return bool(read_claim(formula, notation).conditions)
    except (ReadError, SymbpError, ValueError):
        return False


def _plain(math: str) -> str:
    return "".join(_inner(math).split()).rstrip(".,;")


def _inner(math: str) -> str:
    for open_, close in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if math.startswith(open_) and math.endswith(close) and len(math) >= len(open_) + len(close):
            return math[len(open_):len(math) - len(close)].strip()
    return math


__all__ = ["Restricted", "restrict", "restricted_maths"]


#: Words that deny a formula at some layers or at all ("holds for no $l$", "in no layer", "Never", "Dla $l = L$ nie
#: zachodzi", "Pro … neplatí", "не выполняется"), or a layer given as a formula ("is true for $l = L - 1$").
_LAYER_SAID = re.compile(
    r"\b(?:for|in|at)\s+no\b|\bnever\b|\bnot\b|n['’]t\b|\bnie\b|\bnigdy\b|\bnikdy\b|\bne(?:platí|ní)\b|\bне\b|\bнет\b"
    r"|\bникогда\b|\bžádn\w*|\bżadn\w*|\bни\s+(?:для|в|при)\b", re.IGNORECASE)
_LAYER_FORMULA = re.compile(r"\$\s*l\s*(?:=|<|>|\\(?:le|leq|ge|geq|neq|ne)(?![A-Za-z]))(?!\s*L\s*\$)[^$]*\$")  # not $l = L$


def layer_said(text: str, items: list, exact: "set | dict" = ()) -> dict:
    """{(line, text): words} for the claims of ``items`` whose sentence denies them at some layers or gives a layer
    as a formula, in words no reader turns into the claim's condition (review rv49 A9: with --sizes, "Dla $l = L$ nie
    zachodzi $$BP1$$", "$$BP1$$ holds for no $l$.", "… is true for $l = L - 1$." were "conditional (L = 2)", met).
    A conditional verdict there is not the notes' (``not_read``)."""
    from .graphexamples import _locate  # noqa: PLC0415 (graphexamples reads the notes' sentences too)
    from .sentences import sentence_span, with_dollars  # noqa: PLC0415
    out = {}
    for f in items:
        if f.kind != "claim" or f.negated or f.cell is not None or (f.line, f.text) in exact:
            continue
        at = _locate(text, f.line, f.source or f.text)
        if at is None:
            continue
        start, end = with_dollars(text, *at)
        first, stop = sentence_span(text, start, end)
        around = text[first:start] + " " + text[end:stop]
        m = _LAYER_SAID.search(masked(around)) or _LAYER_FORMULA.search(around)
        if m is not None:
            out[(f.line, f.text)] = " ".join(around.split())[:80]
    return out
