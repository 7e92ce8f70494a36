r"""Which cost, activation and output are in force at a line: hypotheticals, and definitions that start later.

**Hypotheticals.** "If we used the quadratic cost $C = \frac12\|a^L - y\|^2$ instead, we would have …", "Had we
chosen $\sigma(z) = \tanh(z)$ …", "Imagine replacing the sigmoid by the identity, $\sigma(z) = z$", "Představte
si, že nahradíte sigmoid identitou …": a sentence with a word that makes it hypothetical (``sentences.HYPOTHETICAL``:
if, had, would, suppose, imagine, kdyby, бы, gdyby, představte si, …) and a word that makes it counterfactual
(would — not "would like" —, instead, imagine, replace, "had we", "were we", "if … had", "if … were"; kdyby,
bychom, místo, nahradit; бы, вместо, заменить; gdyby, zamiast, zastąpić) does not change the notes' model ("we
had defined $C = …$", "we could also write $C = …$", "we would like to minimise $C = …$" are no hypotheticals). Its scope runs from the first of those words to the
end of its paragraph (a paragraph that goes on in lower case, or a display after words that do not end, goes on
with it; a heading or a list item ends it), or, when a later sentence of the same section goes back ("Back to
our own cost", "Zpět k …", "in general"; not one that is counterfactual itself, "it would then be") with only
displays and connectives ("Then") before it, up to that sentence; a later sentence of its paragraph stating the
notes' own model ("Our cost is", "We use", "From now on"; not "then", "in that case") ends it there (``asserts_own``,
review 22 X5). The paragraph after it may go on with it ("In
that case … would", "With that cost, …": ``Hypothetical.follow``), unless it starts by going back or with a
heading: its claims, up to a definition of the model, are under the hypothetical too. A scope is *active* when it defines a cost, an
activation, a softmax output, the targets or δ (``model.definition``), redefines a quantity the notes define
elsewhere (graph notes: ``h = \sigma(g)`` beside ``h = \tanh(g)``), or names a cost or an activation in words
(``prosecost``); the formulas in an active scope are ``Formula.under`` it: its definitions are filed as
hypothetical definitions, its claims are uninterpretable (stated under the hypothetical, not of the notes'
network), and its words are no mention of a cost in force.

>>> text = "Our cost is $C = 1$.\n\nIf we used $D$ instead, we would get\n\n$$x = 1$$\n\nBack to $C$.\n"
>>> [(h.line, h.words) for h in hypotheticals(text)]
[(3, 'If we used $D$ instead, we would get')]
>>> h, = hypotheticals(text); text[h.start:h.end].strip().split("\n\n")[-1]
'$$x = 1$$'

**Reach back** (where a definition starts and ends, and where the words leave it unclear) is ``reachwords``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .graphexamples import _HEADING, _locate
from .graphscope import releases
from .sentences import HYPOTHETICAL, line_of, masked, position_of, prose, sentences
from .verdicts import Verification

#: Words that make a hypothetical counterfactual: the notes imagine another model, they do not switch to it.
_COUNTERFACTUAL = re.compile(
    r"\bwould\b(?!\s+(?:like|rather|love|prefer)\b)|\b(?:instead|imagin\w*|replac\w*)\b"
    r"|\b(?:had|were)\s+(?:we|I|one|you|to)\b|\bif\s+(?:\w+\s+){0,3}(?:had|were|used|chose|took|replaced)\b"
    r"|\b(?:kdyby\w*|bychom|byste|místo|nahra[dď]\w*|představ\w*)\b"
    r"|\b(?:бы|вместо|замен\w*|представ\w*)\b"
    r"|\b(?:gdyby\w*|byśmy|zamiast|zastąp\w*|zastąpi\w*|wyobraź\w*)\b", re.IGNORECASE)
#: Words that confine the sentence's model to its paragraph: "With $C = …$ instead (only in this paragraph), …" is a
#: supposition to the paragraph's end, not the notes' cost from its line on (review costsum 2: a claim after the
#: paragraph was judged under it, δ^L = (a^L − y) ⊙ σ'(z^L) held under the notes' cross-entropy).
_PARAGRAPH_ONLY = re.compile(
    r"\b(?:only|just|solely)\s+(?:in|for|within)\s+this\s+paragraph\b|\b(?:in|for|within)\s+this\s+paragraph\s+"
    r"(?:only|alone)\b|\bjen\s+(?:v\s+tomto|pro\s+tento)\s+odstav\w*|\bтолько\s+в\s+этом\s+абзаце\b"
    r"|\btylko\s+w\s+tym\s+akapicie\b", re.IGNORECASE)
#: Words that end a hypothetical: the notes go back to their own model.
_BACK = re.compile(r"\b(?:back\s+to|return(?:ing)?\s+to|zpět\s+k|zpátky\s+k|vraťme\s+se|вернёмся|вернемся|возвращаясь"
                   r"|wróćmy|wracając|powrót\s+do)\b", re.IGNORECASE)
#: Words that say a definition starts at them, not before: "from now on", "switch to", "instead", …
_LATER = re.compile(
    r"\bfrom\s+now\s+on\b|\bhenceforth\b|\bfrom\s+here\s+on\b|\bhereafter\b|\bswitch\w*\s+to\b|\binstead\b"
    r"|\bod\s+této\s+chvíle\b|\bod\s*teď\b|\bodnynějška\b|\bnadále\b|\bmísto\b|\bpřejdeme\b|\bpřecház\w*"
    r"|\bотныне\b|\bтеперь\b|\bс\s+этого\s+момента\b|\bвместо\b|\bпереход\w*"
    r"|\bod\s+teraz\b|\bodtąd\b|\bod\s+tej\s+chwili\b|\bzamiast\b|\bprzechodzimy\b", re.IGNORECASE)
#: Words of a counterfactual clause that change the notes' activation without a formula or a named one: "the
#: identity", "a linear activation" (cs, ru, pl alike). Its claims are then not the notes' (before: "Suppose we
#: replaced $\sigma$ by the identity; then δ^L = a^L − y" was refuted of the notes' network). Not a cost ("the cost
#: would change" after "if the output were a softmax" changes nothing the claims after it are about), nor a letter
#: replaced by data ("imagine replacing $t$ by a one-hot vector": review 19 F6, the claims are judged for every t).
_CHANGES = re.compile(r"\b(?:identity|linear|activation|identit\w*|lineární\w*|aktivac\w*|тождествен\w*|линейн\w*"
                      r"|активац\w*|identyczno\w*|tożsamoś\w*|liniow\w*|aktywacj\w*)", re.IGNORECASE)
#: Where the clause of a hypothetical word starts: "The cost is $C$, which we would minimise" supposes nothing of C.
_CLAUSE = re.compile(r"[,;:—–]")
_BLANK = re.compile(r"\n[ \t]*\n")
_ITEM = re.compile(r"\n[ \t]*(?:[-*+]|\d+[.)]|\\item)\s")
#: The name a formula defines: ``h = …``, ``h_1 = …``, ``\mathbf{h} = …``.
#: The parts of one display that define several names: "g = W x, \\quad h = \\tanh(g)".
_PARTS = re.compile(r"\\q?quad\b|,\s*(?=\\?[A-Za-z]\w*\s*(?:_\s*\S+\s*)?=)|;")
_NAME = re.compile(r"^\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*(?::=|=)")


@dataclass(frozen=True)
class Hypothetical:
    """A counterfactual sentence: its ``line``, its ``words``, and its scope ``start`` ≤ position < ``end``."""

    line: int
    words: str
    start: int
    end: int
    follow: int = 0  # the end of the paragraph after it, which may go on with it ("In that case …"; F4)
    changes: str = ""  # the words by which it changes the model without a formula ("replaced σ by the identity")

    def covers(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def followed_by(self, pos: int) -> bool:
        """Is ``pos`` in the paragraph right after the hypothetical, which may go on with it?"""
        return self.end <= pos < self.follow

    def lines(self, text: str) -> str:
        last = line_of(text, len(text[:self.end].rstrip()))
        return f"line {self.line}" if last == self.line else f"lines {self.line}–{last}"


def hypotheticals(text: str) -> list:
    """The counterfactual sentences of ``text`` with their scopes (see the module), in text order."""
    spans = sentences(text)
    heads = [m.start() for m in _HEADING.finditer(text)]
    out: list = []
    for k, (a, b) in enumerate(spans):
        if out and a < out[-1].end:
            continue  # in the scope of the one before
        words = masked(text[a:b])
        hyp, cf = HYPOTHETICAL.search(words), _COUNTERFACTUAL.search(words)
        if hyp is None and cf is not None:  # "could write" supposes nothing alone; beside "instead" it does
            hyp = re.search(r"\bcould\b", words, re.IGNORECASE)
        here = _PARAGRAPH_ONLY.search(words)
        if here is not None:  # the whole sentence, to its paragraph's end
            hyp = cf = here
        if hyp is None or cf is None:
            continue
        end, follow = _scope_end(text, spans, k, heads)
        if out and a < out[-1].follow:  # the paragraph after one goes on with it: "In that case … would be"
            out[-1] = replace(out[-1], end=end, follow=follow)
            continue
        first = 0 if here is not None else min(hyp.start(), cf.start())
        start = a + first
        phrase = " ".join(prose(text[start:b]).split())
        clause = max((m.end() for m in _CLAUSE.finditer(words, 0, first)), default=0)
        changed = _CHANGES.search(words, clause)
        out.append(Hypothetical(line_of(text, start), phrase[:80] + ("…" if len(phrase) > 80 else ""), start,
                                end, follow, changed.group(0) if changed else ""))
    return out


def _scope_end(text: str, spans: list, k: int, heads: list) -> "tuple[int, int]":
    """(where the hypothetical of sentence ``k`` ends, where the paragraph after it ends): a later sentence of its
    section that goes back (and is no counterfactual itself: "Back to the output error: it would then be" goes on),
    else the end of its paragraph; the paragraph after it may go on with it ("In that case the output error would
    be", "With that cost, …": review 19 F4) unless it starts by going back or with a heading (then, or when it
    ends at a sentence going back, a heading or a list item, the second is the first)."""
    section = next((h for h in heads if h > spans[k][0]), len(text))
    for a, b in spans[k + 1:]:
        if a >= section:
            break
        words = prose(text[a:b], displays=False)
        if (_BACK.search(words) or releases(words)) and not _counterfactual(words):
            end = a + len(text[a:b]) - len(text[a:b].lstrip())
            return end, end
        if (_LATER.search(words) or _counterfactual(words) or len(re.findall(r"\w+", words)) > 3):
            break  # a switch, another hypothetical or a sentence of its own ("Since …") first: to the paragraph's end
    end, why = _paragraph_end(text, len(text[:spans[k][1]].rstrip()), heads)
    for a, b in spans[k + 1:]:  # "… would be simpler. Our cost is $$…$$": the notes' own model again (review 22 X5)
        if a >= end:
            break
        words = prose(text[a:b], displays=False)
        if asserts_own(words):
            at = a + len(text[a:b]) - len(text[a:b].lstrip())
            return at, at
    if why != "blank":
        return end, end
    start = len(text) - len(text[end:].lstrip())
    first = next(((a, b) for a, b in spans if a <= start < b), (start, start))
    words = prose(text[start:first[1]], displays=False)
    if start in heads or start >= len(text) or (_BACK.search(words) or releases(words)) and not _counterfactual(words):
        return end, end
    return end, _paragraph_end(text, start, heads)[0]


#: Words by which a sentence states the notes' own model: "our cost", "we use", "in fact", a switch ("from now on").
_OWN_MODEL = re.compile(
    r"\b(?:our|ours|we\s+(?:use|take|work\s+with|choose|adopt|minimi[sz]e)|in\s+these\s+notes|actual(?:ly)?|in\s+fact"
    r"|in\s+reality|here\s+we\s+use)\b"
    r"|\b(?:na[šs]\w*|pou[žz][ií]v[aá]me|pou[žz]ijeme|ve\s+skute[čc]nosti|minimalizujeme)\b"
    r"|\b(?:наш\w*|мы\s+(?:используем|берём|берем|минимизируем)|используем|на\s+самом\s+деле)\b"
    r"|\b(?:nasz\w*|u[żz]ywamy|przyjmujemy|minimalizujemy|w\s+rzeczywisto[śs]ci|tak\s+naprawd[ęe])\b", re.IGNORECASE)
#: Words that go on with a hypothetical: "then", "in that case", "with that cost", "so".
_GOES_ON = re.compile(
    r"\b(?:then|in\s+that\s+case|with\s+(?:that|this|such)|so|thus|hence|that\s+cost|this\s+cost)\b"
    r"|\b(?:pak|potom|v\s+tom\s+p[řr][ií]pad[ěe]|s\s+touto|tedy)\b|\b(?:тогда|в\s+этом\s+случае|с\s+такой|значит)\b"
    r"|\b(?:wtedy|wówczas|w\s+takim\s+przypadku|z\s+t[ąa]|zatem)\b", re.IGNORECASE)


def asserts_own(words: str) -> bool:
    """Do ``words`` (a sentence after a hypothetical one, in its paragraph) state the notes' own model ("Our cost
    is", "We use", "From now on"), not going on with the hypothetical ("then", "in that case") nor being one?"""
    return not HYPOTHETICAL.search(words) and not _COUNTERFACTUAL.search(words) and not _GOES_ON.search(words) and (
        _OWN_MODEL.search(words) is not None or _LATER.search(words) is not None)


def _counterfactual(words: str) -> bool:
    return bool(HYPOTHETICAL.search(words) and _COUNTERFACTUAL.search(words))


def _paragraph_end(text: str, pos: int, heads: list) -> "tuple[int, str]":
    """(where the paragraph at ``pos`` ends, why: "blank", "item", "head" or "end"); a paragraph going on in lower
    case, or a display after words that do not end, goes on with it."""
    while True:
        blank = _BLANK.search(text, pos)
        stop = blank.start() if blank else len(text)
        item = _ITEM.search(text, pos, stop)
        head = next((h for h in heads if pos < h <= stop), None)
        if item is not None or head is not None:
            return min(p for p in (item and item.start() + 1, head, stop) if p is not None), "item"
        if blank is None:
            return stop, "end"
        after = text[blank.end():].lstrip()
        nxt = len(text) - len(after)
        before = text[:stop].rstrip()
        goes_on = after[:1].islower() or (after.startswith(("$$", "\\[", "\\begin"))
                                          and (before[-1:].isalpha() or before.endswith(",")))
        if not goes_on or nxt in heads:
            return stop, "blank"
        pos = nxt + 1


@dataclass
class Scopes:
    """The active hypotheticals of a set of notes: which formula is under which (``under``: id(formula) → words),
    which of them are the hypothetical definitions themselves (``defining``), and the header's lines."""

    under: dict
    defining: set  # (line, text) of each hypothetical definition
    header: list


def active(text: str, items: list, defines, spoken: tuple) -> "tuple[Scopes, tuple]":
    """(the active hypotheticals of the notes ``text`` over the formulas ``items``, the mentions ``spoken`` of a cost
    or activation in words outside them). ``defines(formula)`` says what a formula defines in symbp's model of the
    notes ("cost", "activation", …) or ''."""
    hyps = hypotheticals(text)
    if not hyps:
        return Scopes({}, set(), []), spoken
    where: dict = {}
    after: dict = {}  # the formulas of the paragraph right after a hypothetical, which may go on with it
    for f in items:
        if f.cell is not None or f.negated:
            continue
        at = _locate(text, f.line, f.source or f.text)
        h = next((h for h in hyps if at is not None and h.covers(at[0])), None)
        if h is not None:
            where[id(f)] = (f, h)
        elif at is not None and (h := next((h for h in hyps if h.followed_by(at[0])), None)) is not None:
            after[id(f)] = (f, h)
    outside = {m.group(1) for f in items if id(f) not in where and f.kind in ("claim", "definition")
               for part in _PARTS.split(f.source or f.text) if (m := _NAME.match(part))}
    scopes = Scopes({}, set(), [])
    kept = list(spoken)
    for h in hyps:
        mine = [f for f, g in where.values() if g is h]
        what = []
        for f in mine:
            said = defines(f) if f.kind in ("claim", "definition") else ""
            name = _NAME.match(f.source or f.text) if f.kind in ("claim", "definition") else None
            if not said and name is not None and name.group(1) in outside and not _derivative(f.text):
                said = f"definition of {name.group(1)}"
            if said:
                scopes.defining.add((f.line, f.text))
                what.append(said)
        named = [m for m in spoken if _in_scope(text, h, m)]
        if not what:  # only named: "If we used the cross-entropy instead, we would get …"
            what = [f"{m.cost or m.activation} (named in words)" for m in named]
        if not what and h.changes:  # "Suppose we replaced σ by the identity; then …"
            what = [f"activation (\u201c{h.changes}\u201d in words)"]
        if not what:
            continue
        kept = [m for m in kept if m not in named]
        words = (f"the hypothetical {', '.join(dict.fromkeys(what))} of line {h.line} (\u201c{h.words}\u201d)")
        for f in mine:
            scopes.under[id(f)] = words
        # the paragraph after it: its claims up to a definition of the model (which is the notes' own again)
        follow = sorted((f for f, g in after.values() if g is h and f.kind in ("claim", "definition")),
                        key=lambda f: f.line)
        stop = next((f.line for f in follow if defines(f)), None)
        then = [f for f in follow if f.kind == "claim" and (stop is None or f.line < stop)]
        for f in then:
            scopes.under[id(f)] = "right after " + words
        more = (f"; nor those of the paragraph after it (line {', '.join(str(f.line) for f in then)}), which may go "
                "on with it" if then else "")
        scopes.header.append(f"{h.lines(text)}: a hypothetical (\u201c{h.words}\u201d): "
                             f"{', '.join(dict.fromkeys(what))}; not the notes' model, its claims are not judged{more}")
    return scopes, tuple(kept)


def _derivative(text: str) -> bool:
    return "\\partial" in text or "'" in text.split("=")[0]


def _in_scope(text: str, h: Hypothetical, m) -> bool:
    """Is the mention ``m`` (a line and its words) said inside the hypothetical ``h``?"""
    if getattr(m, "at", -1) >= 0:
        return h.covers(m.at)
    lo, hi = position_of(text, m.line), position_of(text, m.line + 1) if m.line < text.count("\n") + 1 else len(text)
    at = text.find(m.words, lo, hi)
    return at >= 0 and h.covers(at)


def under_reason(words: str) -> str:
    """Why a claim stated under a hypothetical (or right after one) is not judged."""
    if words.startswith("right after "):
        return (f"stated {words}, in the paragraph after it, which may go on with it (\u201cIn that case …\u201d, "
                "\u201cthen\u201d, \u201cwith that cost\u201d): which model it is stated under is unclear, and it is "
                "not judged")
    if words.startswith("the supposition"):  # ``suppositions``: "If $b^l = 0$, then", "If $W$ were symmetric"
        return (f"stated under {words}: true or false only under what is supposed, so it is not judged (never "
                "refuted, never holds)")
    return (f"stated under {words}: the notes do not claim it of their own network, and it is not judged under "
            "their model")


def defined_reason(words: str) -> str:
    """Why a hypothetical definition is filed as a definition, not a row."""
    return (f"a hypothetical definition: {words}; it does not change the notes' model (not checked, and the "
            "claims stated under it are not judged)")


def stated_under(f, scopes: Scopes, notation: str):
    """A formula ``f`` under an active hypothetical: filed as a definition (``Formula``) when it is the hypothetical
    definition, or its verdict, uninterpretable (``Verification``)."""
    if (f.line, f.text) in scopes.defining and f.under.startswith("the supposition"):  # ``suppositions``
        return replace(f, kind="definition", reason=f"{f.under}; not a claim of the notes, and not checked")
    if (f.line, f.text) in scopes.defining:
        return replace(f, kind="definition", reason=defined_reason(f.under))
    if f.kind != "claim":
        return f
    return Verification(formula=f.text, status="uninterpretable", verdict="undecided", reason=under_reason(f.under),
                        notation=notation)


def after_graph(rows: list, skipped: list, scopes: Scopes, notation: str) -> tuple:
    """(rows, skipped) with each formula under a hypothetical as ``stated_under`` files it, whatever the reading in
    the notes' own terms made of it (it reads what the layered reading did not)."""
    out, files = [], list(skipped)
    for row in rows:
        if not row.formula.under or row.result.status == "unreadable" or row.formula.kind not in ("claim", "definition"):
            out.append(row)
            continue
        done = stated_under(row.formula, scopes, notation)
        if isinstance(done, Verification):
            out.append(type(row)(row.formula, done))
        else:
            files.append(done)
    return out, files


__all__ = ["Hypothetical", "Scopes", "active", "after_graph", "defined_reason", "hypotheticals", "stated_under",
           "under_reason"]
