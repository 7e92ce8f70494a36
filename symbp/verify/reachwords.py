r"""Where the words around a definition say it starts and ends, and where they leave it unclear (review 19).

A definition of the cost, σ or a softmax output is in force from its line until the next one of its kind, and the
first one also before it (``model.Model.at``). The words around it move those bounds:

* **Its own sentence** says it starts there ("from now on", "switch to", "instead", "later", "starting with the
  next lecture", "only in chapter 3"; cs/ru/pl): it starts at those words. It says it holds everywhere
  ("throughout these notes", "in these notes", "everywhere"): it reaches back to the start, whatever other
  sentences say. "In this section" moves its start to the section's heading; "In this section *only*" also ends
  it with the section (the definition before it is in force again: a ``model.Restore``).
* **Another sentence** of its section, before it, with such words stops the reach back only when it speaks of the
  model (a cost, a loss, the activation, σ, a softmax, a cost named in words); "From now on we drop the word
  'vector'" is about notation. When it does not, the words leave unclear where the definition starts: the claims
  before them are read both ways (a ``Doubt``). So does "will" in its own sentence ("the cost will be …").
* **A change** of the cost or σ to another one with no heading, rule or bold title between them and no words of a
  switch in its sentence ("from now on", "now", "instead", "later", …), or in a sentence with a hypothetical or
  conditional word ("Compare with the cost $C = …$ of chapter 1", "Assume for a moment …", "If one switched to
  $C = …$", "$C = …$ would be the cost had we …"), may be a comparison: the claims after it are read under both. A later sentence going back that speaks of the model
  ("Back to our own cost") puts the earlier one in force again.
* "In this section" without "only": after the section the claims are read with and without the definition.
* **An aside**: a definition in a section headed "Aside: comparison", "Digression", … (``asideforms.ASIDE_TITLE``) is kept to its
  section as with "only"; with no definition of its kind outside an aside, the claims after it are read both ways.
  Words keeping a definition to its section may also stand in a sentence before it ("This section alone uses
  another cost. It is …").

A claim in a ``Doubt`` is checked under each reading (``read_both``); when the verdicts differ it is
``ambiguous``, the reason naming the line and the words: it is never judged under a guess.

>>> text = "# 1\n\nThe sigmoid.\n\n$$a$$\n\n# 2\n\nFrom now on we switch to\n\n$$C = 1$$\n"
>>> from symbp.verify.model import Definition, Model
>>> m = Model([Definition(11, "cost", "cross-entropy", "C = 1")]); settle(text, m, ()); m.reach
{'cost': 9}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .graphexamples import _HEADING, _locate
from .graphscope import _CONFINE, _PARAGRAPH, section_end
from .asideforms import ASIDE_TITLE, EXAMPLE, GENERAL, RUN_IN_HEAD, run_in_headings, sentence_asides
from .asidewords import KEPT_TO, LASTS, denies_aside, negated_before
from .grouping import verdict_words
from .inforce import _BACK, _COUNTERFACTUAL, _LATER, asserts_own, hypotheticals
from .model import Restore
from .sentences import HYPOTHETICAL, line_of, masked, position_of, prose, sentences
from .verdicts import Verification

#: Words in a definition's own sentence that say it starts only there, beside ``inforce._LATER``: later, starting
#: with, the next lecture, only in chapter 3 (review 19, F14).
_STARTS_LATER = re.compile(
    r"\blater\b|\bstarting\s+(?:with|from|in|at)\b|\bnext\s+(?:lecture|chapter|section|part|week|lesson|class|unit)"
    r"|\bonly\s+(?:in|from|for|after)\s+(?:the\s+)?(?:chapter|lecture|section|part|second|next|last)"
    r"|\bfrom\s+(?:chapter|lecture|section|part)\s+\S+\s+on|\bafterwards\b|\bsubsequently\b|\bsecond\s+half\b"
    r"|\bpozději\b|\bpočínaje\b|\bv\s+(?:příští|další|následující)\w*\s+(?:kapitol|přednáš|část|sekc|lekc)"
    r"|\b(?:pouze|jen|teprve)\s+v\s+(?:kapitol|přednáš|část|sekc|druhé)"
    r"|\bпозже\b|\bпозднее\b|\bначиная\s+с\b|\bв\s+следующ\w*|\b(?:только|лишь)\s+в\s+(?:глав|лекци|раздел|част|втор)"
    r"|\bpóźniej\b|\bpocząwszy\s+od\b|\bw\s+następn\w*|\b(?:dopiero|tylko)\s+w\s+(?:rozdzia|wykład|częś|sekcj|drug)",
    re.IGNORECASE)
#: Words in a definition's own sentence that say it holds everywhere: it reaches back to the start.
_THROUGHOUT = re.compile(
    r"\bthroughout\b|\b(?:in|for)\s+(?:all\s+(?:of\s+)?)?these\s+notes\b|\beverywhere\b|\bin\s+all\s+(?:chapters|sections|parts)"
    r"|\bv\s+cel(?:ém|ých)\s+(?:textu|poznámkách|kurzu)|\bv\s+těchto\s+poznámkách|\bvšude\b"
    r"|\bна\s+протяжении\b|\bво\s+всём\s+(?:тексте|курсе)|\bв\s+этих\s+(?:заметках|записях|лекциях)|\bвсюду\b|\bвезде\b"
    r"|\bw\s+całym\s+(?:tekście|kursie)|\bw\s+tych\s+notatkach|\bprzez\s+cały\b|\bwszędzie\b", re.IGNORECASE)
#: "Will" in a definition's own sentence ("the cost will be …"): when it starts is unclear.
_FUTURE = re.compile(r"\bwill\b|\bshall\b|\bbude(?:me|te)?\b|\bбуд(?:ет|ем|ут)\b|\bbędzie(?:my)?\b", re.IGNORECASE)
#: "Now" in a change's own sentence: a switch, not a comparison.
#: Words in a definition's own sentence that leave unclear whether it holds before its line: a comparison, an
#: exercise, an aside, a denial, "starting here", "so far … next" (review 22).
_HEDGED = re.compile(r"\bcompar\w*|\bexercise|\bhomework|\bappendix|\bturn\s+to\b|\bhaving\b|\balternative"
                     r"|\banother\b|\baside\b|\bexample\b|\bnot\b|\bnever\b|n['’]t\b|\bstarting\b"
                     r"|\bso\s+far\b|\bnext\b|\bhere\b|\buntil\b|\btemporar\w*|\bsrovnán\w*|\bporovnán\w*"
                     r"|\bcvičen\w*|\bpříklad\w*|\bne(?:použ|bud|ní\b|platí)\w*|\bсравнени\w*|\bупражнени\w*|\bпример\w*|\bне\b"
                     r"|\bporównani\w*|\bćwiczeni\w*|\bprzykład\w*|\bnie\b"
                     # "for the other network, the cost is" (rv52 A9): another model's, maybe not the earlier claims'
                     r"|\bother\b|\bsecond\b|\bjin(?:á|ou|ý|é|ého|ém)\b|\bдруг\w*|\binn(?:a|ej|y|ego|ym)\b",
                     re.IGNORECASE)
_NOW = re.compile(r"\bnow\b|\bnyní\b|\bteď\b|\bтеперь\b|\bсейчас\b|\bteraz\b", re.IGNORECASE)
#: "Only" beside "in this section": the definition ends with the section.
_ONLY = re.compile(r"\bonly\b|\balone\b|\bjust\b|\bjen\b|\bpouze\b|\bjedině\b|\bтолько\b|\bлишь\b|\btylko\b"
                   r"|\bwyłącznie\b|\bjedynie\b", re.IGNORECASE)
#: Words about the model (a cost, a loss, the activation, σ, the output layer): a sentence with them and "from now
#: on" speaks of the definition.
_ABOUT = re.compile(
    r"\bcosts?\b|\bloss\w*|\bobjective|\berror\s+function|\bcriterion|\bactivation|\bnon-?linearit|\btransfer\s+function"
    r"|\boutput\s+(?:layer|neuron|unit)|soft[-\s]?max|sigmoid|\btanh\b|\brelu\b|logisti|cross[-\s]*entrop|squared|\\sigma\b"
    r"|\bcen[auoyě]\b|\bcenov\w*|\bztrát\w*|\búčelov\w*|\bchybov\w*\s+funkc|\baktiva[cč]\w*|\bvýstupn\w*\s+vrstv"
    r"|\bстоимост\w*|\bпотер\w*|\bфункци\w*\s+ошибк|\bцелев\w*|\bактивац\w*|сигмоид|софтмакс|\bвыходн\w*\s+сло"
    r"|\bkoszt\w*|\bstrat\w*|\bfunkcj\w*\s+błędu|\bfunkcj\w*\s+celu|\baktywac\w*|\bwarstw\w*\s+wyjściow", re.IGNORECASE)
#: A sentence going back "to our own …": it speaks of the notes' model.
_OWN = re.compile(r"\b(?:our|own|original|previous|usual|first)\b|\bnaš\w*|\bpůvodn\w*|\bсво\w*|\bнаш\w*"
                  r"|\bисходн\w*|\bnasz\w*|\bpierwotn\w*|\bwłasn\w*", re.IGNORECASE)
#: What separates two parts of notes besides a heading: a horizontal rule, a bold title opening a line, a chapter.
_RULE = re.compile(r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$|^[ \t]*(?:\*\*|__)[^*_\n]+(?:\*\*|__)"
                   r"|\\(?:chapter|part)\*?\s*\{", re.MULTILINE)
#: The kinds a definition is of, for where it is in force.
_KINDS = {"cost": "cost", "own-cost": "cost", "activation": "activation", "own-activation": "activation",
          "softmax": "softmax"}
_END = 10 ** 9


@dataclass(frozen=True)
class Doubt:
    """Claims at ``first`` ≤ line < ``last`` are also read under the model ``variant(model)``: the words ``why``
    leave unclear which one is in force there. ``own``: the text of the definition the doubt is about (not itself read
    under the other reading)."""

    first: int
    last: int
    variant: object  # the model → the model of the other reading
    why: str
    own: str = ""

    def covers(self, line: int) -> bool:
        return self.first <= line < self.last


class _Words:
    """The notes' text, its sentences, headings and prose (formulas masked, hypotheticals blanked)."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentences(text)
        self.heads = [m.start() for m in _HEADING.finditer(text)]
        plain = masked(text)
        for h in hypotheticals(text):  # the words of a hypothetical start nothing
            plain = plain[:h.start] + " " * (h.end - h.start) + plain[h.end:]
        self.plain = plain
        self.asides = sentence_asides(text, self.heads)  # "For example, …", "A second network …" to their paragraph's end

    def pos(self, d) -> int:
        at = _locate(self.text, d.line, d.text)
        if at is not None:
            return at[0]
        # a line beyond the text (a notebook's cell line in its one-line JSON): its end, not a crash (issue 14)
        return position_of(self.text, d.line) if d.line <= self.text.count("\n") + 1 else len(self.text)

    def sentence(self, pos: int) -> "tuple[int, int]":
        return next(((a, b) for a, b in self.spans if a <= pos < b), (pos, pos))

    def section(self, pos: int) -> int:
        return max((h for h in self.heads if h <= pos), default=0)

    def line(self, pos: int) -> int:
        return line_of(self.text, pos)

    def said(self, a: int, b: int) -> str:
        """The words of ``text[a:b]``, in one line, at most 70 characters."""
        words = " ".join(prose(self.text[a:b], displays=False).split())
        return words[:70] + ("…" if len(words) > 70 else "")

    def separated(self, a: int, b: int) -> bool:
        """Is there a heading, a rule or a bold title between ``a`` and ``b``?"""
        return any(a < h < b for h in self.heads) or _RULE.search(self.text, a, b) is not None


def _confined(words: str):
    """ "In this section / part / chapter / example" in ``words`` (not "in this paragraph"), or other words that keep
    a definition to a stretch of the notes ("until the end of this section", "for the rest of this section", "this
    section alone", "just for this example", "temporarily", "here, and nowhere else": review 22 F10), or None."""
    m = _CONFINE.search(words)
    if m is None or m.group(0).split()[-1].lower() in _PARAGRAPH:
        m = KEPT_TO.search(words)
    if m is not None and negated_before(words[:m.start()]):
        return None  # "Not just for this section", "It is not true that only this section" (review 25 A5)
    return m


def _aside(w: "_Words", pos: int) -> str:
    """The heading of the section around ``pos`` when it says the section is an aside ("Aside: comparison"), or the
    sentence that makes an aside of its paragraph around ``pos`` ("For example, …", "A second network …"), else ''."""
    return _headed(w, pos) or _sentence_aside(w, pos)


def _headed(w: "_Words", pos: int) -> str:
    """The heading of the section around ``pos`` when it says the section is an aside, else ''."""
    head = w.section(pos)
    if not w.heads or head > pos or head not in w.heads:
        return ""
    title = w.text[head:].lstrip("\n").split("\n", 1)[0]
    run_in = title.startswith(RUN_IN_HEAD)
    if run_in:  # a run-in title: its bold words alone, not the sentence after them
        title = title[len(RUN_IN_HEAD):].split("**", 1)[0]
    bare = re.sub(r"^\s*\\(?:(?:sub)*section|paragraph)\*?\s*\{", "", title.lstrip("#").strip())  # \paragraph{…}
    # a heading at the very start titles the whole text ("# Exercises") unless another heading of its level or above
    # follows it ("# Example: …" then "# Backpropagation in general": rv53 F3)
    example = EXAMPLE.search(bare) is not None and (run_in or w.text[:head].strip() != ""
                                                     or section_end(w.text, head + 1) <= len(w.text))
    return title.strip() if (ASIDE_TITLE.search(title) or example) and not denies_aside(title) else ""


def _sentence_aside(w: "_Words", pos: int) -> str:
    """The sentence that makes an aside of its paragraph around ``pos`` (``asideforms.sentence_asides``), or ''."""
    return next((said for a, b, said in w.asides if a <= pos < b), "")


def _aside_end(w: "_Words", pos: int) -> int:
    """Where the aside around ``pos`` ends: its section's end, or its paragraph's for an aside sentence."""
    if _headed(w, pos):
        return section_end(w.text, pos)
    return next((b for a, b, _ in w.asides if a <= pos < b), section_end(w.text, pos))


def asides(text: str):
    """A function of a line: the heading of the example, exercise, note or aside it stands in, or the sentence that
    makes it one ("The other network has a linear output layer."; '' for none)."""
    w = _Words(run_in_headings(text))
    starts = [0] + [i + 1 for i, c in enumerate(w.text) if c == "\n"]

    def aside(line: int) -> str:
        if not 1 <= line <= len(starts):
            return ""
        a, b = starts[line - 1], (starts[line] if line < len(starts) else len(w.text) + 1)
        return _headed(w, a) or next((said for s, e, said in w.asides if s < b and e > a), "")
    return aside


def _confined_before(w: "_Words", a: int, pos: int, mentions: tuple) -> "tuple[int, int] | None":
    """The sentence of the section before the one at ``a`` (``pos``'s) that keeps a definition of the model to its
    section ("This section alone uses another cost. It is $$C = …$$": review 22 S1v4), as (start, end), or None."""
    section = w.section(pos)
    for sa, sb in reversed(w.spans):
        if sb > a or sb <= section:
            continue
        sa = max(sa, section)
        words = w.plain[sa:sb]
        if _confined(words) and not (_LATER.search(words) or _STARTS_LATER.search(words)) and _about(
                prose(w.text[sa:sb]), mentions, range(w.line(sa), w.line(sb) + 1)):
            return sa, sb
    return None


def _about(words: str, mentions: tuple, lines: range) -> bool:
    """Do ``words`` speak of the model (or name a cost or an activation on their ``lines``)?"""
    return bool(_ABOUT.search(words)) or any(m.line in lines for m in mentions)


def settle(text: str, model, mentions: tuple) -> None:
    """Set ``model.reach``, ``model.restores`` and ``model.doubts`` from the words around its definitions (see the
    module), with a line of the header for each restore and doubt (``model.hypotheticals``)."""
    w = _Words(run_in_headings(text))
    defs = [d for d in model.definitions if d.what in _KINDS]
    doubts: list = []
    firsts: dict = {}
    for d in defs:
        firsts.setdefault(_KINDS[d.what], d)
    model.reach = {}
    for kind, d in firsts.items():
        model.reach[kind], doubt = _reach(w, d, kind, mentions)
        if doubt is not None:
            doubts.append(doubt)
    for d in defs:  # "In this section only": it ends with its section
        restore, doubt = _confined_end(w, d, defs, mentions)
        if restore is not None:
            model.restores.append(restore)
            model.hypotheticals.append(f"line {restore.line}: the {d.what} of line {d.line} was for its section only "
                                       f"(\u201c{w.said(*w.sentence(w.pos(d)))}\u201d): "
                                       + (f"line {restore.prior.line} is in force again" if restore.prior else
                                          "none of the notes' definitions is in force after it"))
        if doubt is not None:
            doubts.append(doubt)
    for d in defs:  # "In general, for any activation, …" inside an example: not the example's claim alone
        doubts += _general(w, d)
    for kind in ("cost", "activation"):  # a change without words of a switch may be a comparison
        mine = [d for d in defs if _KINDS[d.what] == kind]
        for before, d, after in zip(mine, mine[1:], mine[2:] + [None]):
            doubts += _change(w, model, before, d, after, kind)
    model.doubts = doubts
    for d in model.doubts:
        model.hypotheticals.append(d.why + " (a claim whose verdict depends on it is ambiguous)")


def _general(w: _Words, d) -> list:
    """The doubts the claims in the aside of ``d`` leave whose sentence says they are general ("**Example.** Take
    $\\sigma(z) = z$. In general, for any activation, $\\delta^L = a^L - y$.", ``asideforms.GENERAL``: rv53 F3): read
    with and without ``d``."""
    pos = w.pos(d)
    aside = _aside(w, pos)
    if not aside:
        return []
    end, out = _aside_end(w, pos), []
    for sa, sb in w.spans:
        if sb <= pos or sa >= end:
            continue
        words = masked(w.text[max(sa, pos):sb]).lstrip("~")  # in its own sentence: the words after it
        m = GENERAL.search(words)
        if m is None or "~" not in words[m.start():] and "~" not in words[:m.start()]:
            continue
        first = w.line(max(sa, pos))
        why = (f"line {first}: \u201c{w.said(sa, sb)}\u201d speaks in general (\u201c{m.group(0)}\u201d) inside the "
               f"aside \u201c{aside[:50]}\u201d that defines the {_KINDS[d.what]} of line {d.line}: the claim is read "
               "with and without it")
        out.append(Doubt(first, w.line(max(sb - 1, sa)) + 1, lambda m, gone=d: replace(
            m, definitions=[e for e in m.definitions if e is not gone]), why, d.text))
    return out


def _reach(w: _Words, d, kind: str, mentions: tuple) -> tuple:
    """(the first line the first definition ``d`` of ``kind`` reaches back to, a ``Doubt`` or None)."""
    pos = w.pos(d)
    a, b = w.sentence(pos)
    own = w.plain[a:b]
    section = w.section(pos)
    later = _LATER.search(own) or _STARTS_LATER.search(own)
    if later is not None:
        return w.line(a + later.start()), None
    if _confined(own) or _headed(w, pos):  # "in this section", or a section headed "Aside: comparison"
        return (w.line(section) if section else 1), None
    if _THROUGHOUT.search(own):
        return 0, None
    at = 0
    for h in w.heads:  # a heading above which the notes name another cost or activation in words
        if h <= pos and any(m.line < w.line(h) and _another(m, kind, d.value) for m in mentions):
            at = max(at, w.line(h))
    unsure, said = 0, ""
    for sa, sb in w.spans:
        if sb > a or sb <= section:
            continue
        sa = max(sa, section)
        words = w.plain[sa:sb]
        m = _LATER.search(words) or _STARTS_LATER.search(words)
        where = w.line(sa + m.start()) if m is not None else (
            (w.line(section) if section else 1) if _confined(words) else 0)
        if not where:
            continue
        if _about(prose(w.text[sa:sb]), mentions, range(w.line(sa), w.line(sb) + 1)):
            at = max(at, where)
        elif where > unsure:
            unsure, said = where, w.said(sa, sb)
    if unsure > at:
        why = (f"line {unsure}: \u201c{said}\u201d may or may not say that the {kind} of line {d.line} starts only "
               f"there: the claims before it are read with and without it")
        return unsure, Doubt(at, unsure, lambda m, k=kind, r=at: replace(m, reach={**m.reach, k: r}), why)
    head = w.line(section) if section else 0
    if (_FUTURE.search(own) or _HEDGED.search(own) or HYPOTHETICAL.search(own) or _sentence_aside(w, pos)) and (
            w.line(a) > at):
        # "for comparison", "as an exercise", "which we do not use here", "Had the cost been", "So far … Next":
        # whether the definition is the notes' own before its line is not said (review 22 F4, F5, F11); not before
        # its section's heading either, where a sentence runs on over it (rv52 A9d: \section{…} has no full stop)
        why = (f"line {d.line}: \u201c{w.said(a, b)}\u201d leaves unclear whether the {kind} holds before it: the "
               f"claims before it are read with and without it")
        last = max(w.line(a), head)
        return at, Doubt(at, last, lambda m, k=kind, r=last: replace(m, reach={**m.reach, k: r}), why)
    if head > max(at, 1) and not asserts_own(w.plain[section:b]):  # "Our cost is", "We use": the notes' own
        # a first definition under a later heading (\section{Classification}: a softmax output) is not said to hold
        # in the sections before it (\section{Regression}): the claims there are read with and without it (rv52 A9c:
        # a true BP1 of the regression section was refuted at the softmax output)
        why = (f"line {d.line}: the {kind} is first defined under the heading of line {head} "
               f"(\u201c{w.said(section, min(len(w.text), section + 80))}\u201d), after the claims of the sections "
               "before it: they are read with and without it")
        return at, Doubt(at, head, lambda m, k=kind, r=head: replace(m, reach={**m.reach, k: r}), why)
    return at, None



def _confined_end(w: _Words, d, defs: list, mentions: tuple = ()) -> tuple:
    """(a ``Restore`` where a definition "for this section only" ends, a ``Doubt`` after a section without "only"),
    either None. The words may be in the definition's own sentence, in a sentence of its section before it that
    speaks of the model ("This section alone uses another cost. It is …"), or its section's heading may say it is an
    aside ("Aside: comparison"; then it is kept to its section as with "only", review 22 F15)."""
    kind = _KINDS[d.what]
    pos = w.pos(d)
    a, b = w.sentence(pos)
    aside = _aside(w, pos)
    lasts = LASTS.search(w.plain[a:b])  # "from now on" in its own sentence, under an aside or a confinement before
    if _confined(w.plain[a:b]):
        said, lasts = w.plain[a:b], None
    elif (before := _confined_before(w, a, pos, mentions)) is not None:
        a, b = before
        said = w.plain[a:b]
    elif aside:
        said = ""
    else:
        return None, None
    end = _aside_end(w, pos) if aside and not said else section_end(w.text, pos)
    if end >= len(w.text):
        return None, None
    line = w.line(end)
    same = [e for e in defs if _KINDS[e.what] == kind]
    nxt = next((e for e in same if e.line > d.line), None)
    if nxt is not None and nxt.line <= line:
        return None, None
    prior = next((e for e in reversed(same) if e.line < d.line and not _aside(w, w.pos(e))), None)
    restore = Restore(line, kind, prior)
    if aside and prior is None and _back_to(w, end, d, mentions):
        return None, None  # "# Zpět k sigmoidě" after the sigmoid of "# Cvičení": the notes say it is in force after
    if aside and prior is None:  # no cost of the notes' own: whether the aside's is theirs is unclear after it
        why = (f"line {line}: the {kind} of line {d.line} is defined in a section headed \u201c{aside[:50]}\u201d and "
               f"the notes define none of their own: the claims after it are read with and without it")
        return restore, Doubt(line, nxt.line if nxt else _END, lambda m, r=restore: replace(
            m, restores=[e for e in m.restores if e is not r]), why)
    if lasts is not None:  # "Aside" above "from now on, for the rest of the notes": which one holds is unclear
        why = (f"line {line}: the {kind} of line {d.line} is kept to its section by its heading or the words before "
               f"it, yet its own sentence says \u201c{lasts.group(0)}\u201d: the claims after the section are read "
               f"with and without it")
        return None, Doubt(line, nxt.line if nxt else _END,
                           lambda m, r=restore: replace(m, restores=[*m.restores, r]), why)
    if aside or _ONLY.search(said):
        return restore, None
    why = (f"line {line}: a new section after the {kind} of line {d.line}, given \u201c{w.said(a, b)}\u201d: whether "
           f"it is still in force is unclear, the claims after it are read with and without it")
    return None, Doubt(line, nxt.line if nxt else _END,
                       lambda m, r=restore: replace(m, restores=[*m.restores, r]), why)


def _back_to(w: _Words, end: int, d, mentions: tuple) -> bool:
    """Does the heading at ``end`` go back to what ``d`` defines, named in words ("# Zpět k sigmoidě")?"""
    title = w.text[end:].split("\n", 1)[0]
    line = w.line(end)
    return end in w.heads and bool(denies_aside(title) or _BACK.search(title)) and any(
        m.line == line and d.value and d.value in (m.activation, m.cost) for m in mentions)


def _change(w: _Words, model, before, d, after, kind: str) -> list:
    """The doubt a change from ``before`` to ``d`` (of ``kind``) leaves, and the restore of ``before`` where the notes
    go back to it (added to ``model``)."""
    if d.what != before.what or d.what.startswith("own") or d.value == before.value:
        return []
    pos = w.pos(d)
    a, b = w.sentence(pos)
    own = prose(w.text[a:b], displays=False)
    conditional = HYPOTHETICAL.search(own) is not None  # "if", "suppose", "would": a switch or a condition, unclear
    switch = not conditional and (w.separated(w.pos(before), pos) or _LATER.search(w.plain[a:b]) is not None
                                     or _STARTS_LATER.search(w.plain[a:b]) is not None or _NOW.search(own) is not None)
    stop = after.line if after is not None else _END
    back = None
    for sa, sb in w.spans:
        if sa < b or w.line(sa) >= stop:
            continue
        words = prose(w.text[sa:sb], displays=False)
        if _BACK.search(words) and (_ABOUT.search(words) or _OWN.search(words)) and not (
                HYPOTHETICAL.search(words) and _COUNTERFACTUAL.search(words)):
            back = sa
            break
    if back is not None:
        line = w.line(back)
        model.restores.append(Restore(line, kind, before))
        model.hypotheticals.append(f"line {line}: \u201c{w.said(*w.sentence(back))}\u201d: the {kind} of line "
                                   f"{before.line} is in force again")
        stop = line
    if switch or stop <= d.line:
        return []
    why = (f"lines {d.line}\u2013{stop - 1 if stop < _END else 'end'}: the {kind} of line {d.line} is not the one of "
           f"line {before.line}, with no heading or words of a switch before it (\u201c{w.said(a, b)}\u201d): it may be "
           "a comparison, the claims after it are read under both")
    if stop >= _END:
        why = why.replace(f"lines {d.line}\u2013end", f"line {d.line} on")
    return [Doubt(d.line, stop, lambda m, gone=d: replace(m, definitions=[e for e in m.definitions if e is not gone]),
                  why, d.text)]


def _another(m, kind: str, value) -> bool:
    """Does the mention ``m`` name another cost (activation, output) than ``value`` of ``kind``?"""
    if kind == "cost":
        named = "categorical" if m.cost == "softmax-cross-entropy" else m.cost
        return bool(named) and named != value
    if kind == "activation":
        return bool(m.activation) and m.activation != value
    return bool(m.activation) or bool(m.cost) and m.cost != "softmax-cross-entropy"


def covering(model, line: int) -> tuple:
    """The doubts of ``model`` at ``line`` (part of the setting a claim is read under: never folded across)."""
    return tuple((d.first, d.last, d.why) for d in getattr(model, "doubts", ()) if d.covers(line))


def read_both(result: Verification, text: str, line: int, model, settings: dict, setting_of, recheck) -> Verification:
    """``result`` (the claim ``text`` at ``line`` checked under ``settings``), or ``ambiguous`` when a reading a doubt
    leaves open (``setting_of(variant)``: its settings; ``recheck(settings)``: the verdict there) gives another
    verdict."""
    if result.status not in ("holds", "refuted", "conditional"):
        return result
    mine = [d for d in getattr(model, "doubts", ()) if d.covers(line) and text != d.own]
    # each other reading alone, and all of them together ("from now on …" before a cost and a σ: both reach back)
    for group in [[d] for d in mine] + ([mine] if len(mine) > 1 else []):
        variant = model
        for d in group:
            variant = d.variant(variant)
        other = setting_of(variant)
        if other == settings:
            continue
        r = recheck(other)
        if r.status == result.status:
            continue
        parts = (f"under the {settings['cost']} cost and σ {settings['activation']} it {verdict_words(result)}; "
                 f"under the {other['cost']} cost and σ {other['activation']} it {verdict_words(r)}")
        fields = {name: getattr(result, name) for name in result.__dataclass_fields__}
        fields.update(status="ambiguous", verdict="undecided", identity="", counterexample=None, diagnosis="",
                      corrected="", condition="", condition_met=None,
                      reason="ambiguous: the words leave unclear which definition is in force here ("
                             + "; ".join(d.why for d in group) + "): " + parts
                             + " (say which in a formula, or give --cost / --activation)")
        return Verification(**fields)
    return result


__all__ = ["Doubt", "covering", "read_both", "settle"]
