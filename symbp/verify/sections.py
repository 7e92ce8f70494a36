r"""Parts of a set of notes that state their own weight convention, each read under it (``--notation auto``).

``infer`` votes once over the whole file. Notes in two parts ("# Part A" with Nielsen's
``z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j``, "# Part B" saying "in this part $w^l_{jk}$ is the weight from
j to k" with three definitions in that order) would then have Part A's own definition read as a slip and its
claims judged in the other order: a claim with swapped indices holds there (review 18, F2).

Here the notes are cut at their headings (``#``, ``\section``, ``\chapter``, ``\part``, setext, ``<h2>``, a bold
title line ``**Part B: …**`` or a line in capitals alone in its paragraph) and at words that open a part ("In this
part", "In this section", v této části, в этом разделе, w tej części). Each part's own definitions of z (the table
``infer`` made: which structures each holds under) and its words about the weights (``partwords``) decide:

* a part whose words keep the notation ("we keep exactly the notation of Part A") is read as the part before it,
  one definition against it a slip (review 19 F9); against two or more, open;
* a part whose definitions agree with the structure it inherits (its enclosing part's, at the top the file's
  vote) is read under it, a single slip among them a slip as before (open if that one definition is all and its
  words name the other order);
* a part whose definitions all hold under another structure is read under that one when its evidence is firm:
  two definitions or more, or one and words naming that order ("$w^l_{jk}$ is the weight from j to k"); "in this
  part" alone is no evidence;
* other parts with one definition against the inherited structure, and, in notes read under two structures or more,
  a top-level part with no definition at all, are **open**: each claim there is checked under every structure the
  notes use; the verdict stands when they agree, else the claim is ``ambiguous``, naming each.

A part with no definition of its own inside a part that has some inherits that part's structure.
Only the structure (which weight index is the receiving neuron, the bias as column 0, w^l feeding layer l or
l + 1) is scoped; spelling (brackets, letters) is voted over the file. Notebooks are read whole.

>>> [(s.first, s.title, s.level) for s in sections_of("intro\n# A\ntext\n## B\n$x$\nIn this part, w is …\n# C\n")]
[(1, '', 0), (2, 'A', 1), (4, 'B', 2), (6, 'In this part, w is …', 3), (7, 'C', 1)]
>>> [(s.first, s.level, s.parent) for s in sections_of("$x$\nIn this part a.\n$y$\nIn this section b.\n")]
[(1, 0, None), (2, 1, 0), (4, 1, 0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .graphexamples import _HEADING
from .graphscope import _level
from .grouping import verdict_words
from .infer import Inferred, plainness, structure_words
from .partwords import part_words
from .verdicts import Verification

#: Words that open a part of the notes: "In this part", "In this section", … (not "in this example/paragraph").
_OPENS = re.compile(
    r"\bin this (?:section|subsection|chapter|part|lecture)\b|\bv (?:této|tomto) (?:části|sekci|kapitole|oddílu)"
    r"|\bв (?:этом|данном) (?:разделе|параграфе|пункте|части)|\bw (?:tej|tym) (?:sekcji|części|rozdziale|paragrafie)",
    re.I)


#: LaTeX's \\part and \\chapter (above \\section: a file with them has its sections one level lower).
_LATEX_PART = re.compile(r"^[ \t]*\\part\*?\s*(?:\[[^\]\n]*\])?\s*\{", re.M)
_LATEX_CHAPTER = re.compile(r"^[ \t]*\\chapter\*?\s*(?:\[[^\]\n]*\])?\s*\{", re.M)
#: A title word and a number or letter: "Part B", "Chapter 2", "Lecture IV", Část, Kapitola, Часть, Глава, Część …
_TITLE_WORD = (r"(?i:part|chapter|section|lecture|lesson|appendix|část|kapitola|oddíl|sekce|přednáška|příloha"
               r"|часть|глава|раздел|лекция|параграф|приложение|część|rozdział|sekcja|wykład|dodatek)"
               r"\s+(?:[A-Za-z]|[IVXivx]+|\d+(?:\.\d+)*)(?![^\W_])")
#: Headings ``graphexamples`` does not read: \\part{…}, \\chapter{…}, <h1>…</h6>, and (alone in their paragraph) a
#: bold title line (``**Part B: …**``, ``**2. The other convention**``) or a line in capitals (``PART B: …``).
_MORE_HEADINGS = re.compile(
    r"^[ \t]*(?:\\(?P<kind>part|chapter)\*?\s*(?:\[[^\]\n]*\])?\s*\{(?P<chap>[^{}\n]*)\}"
    r"|<h(?P<hn>[1-6])(?:\s[^>\n]*)?>(?P<html>[^<\n]*)</h(?P=hn)\s*>"
    r"|(?:\*\*|__)(?P<bold>(?:" + _TITLE_WORD + r"|\d+(?:\.\d+)*\.?\s+[^\W\d_])[^*_\n]*?)(?:\*\*|__)"
    r"|(?P<caps>[^\W\d_][^$\\\n*#|<>=_]{3,79}?))[ \t]*$", re.M)
#: A capitalised title: every letter upper case, a word of four letters or more ("PART B: THE OTHER CONVENTION").
_CAPS_WORD = re.compile(r"[^\W\d_]{4}")


@dataclass(frozen=True)
class Section:
    """A part of the notes: lines ``first``…``last``, its ``title`` (the heading, or the words that open it)."""

    first: int
    last: int
    title: str
    level: int  # 0 before any heading; 1 for # and \section, …; a part opened by words: one below its heading
    parent: "int | None"  # the index of the part around it
    scoped: bool  # its own words open it ("in this part"; where it starts only, no evidence of a convention)
    by_words: bool = False  # opened by such words, not by a heading


def sections_of(text: str) -> list[Section]:
    """The parts of ``text``, in order; every line in exactly one (the text before any heading is level 0)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line_of = lambda pos: next(n for n in range(len(starts), 0, -1) if starts[n - 1] <= pos)  # noqa: E731
    latex = (1 if _LATEX_PART.search(text) else 0) + (1 if _LATEX_CHAPTER.search(text) else 0)
    marks = [(line_of(m.start()), _level(m.group(0)) + (latex if m.group("tex") or m.group("par") else 0), _title(m),
              "") for m in _HEADING.finditer(text)]
    for m in _MORE_HEADINGS.finditer(text):
        line = line_of(m.start())
        if m.group("kind") or m.group("hn"):
            level = int(m.group("hn")) if m.group("hn") else 2 if m.group("kind") == "chapter" and latex == 2 else 1
            marks.append((line, level, (m.group("chap") or m.group("html") or "").strip(), ""))
        elif _alone(text, starts, line) and (m.group("bold") or m.group("caps").isupper()
                                              and _CAPS_WORD.search(m.group("caps"))):  # a bold or capitalised title line: one below the heading before it
            marks.append((line, None, (m.group("bold") or m.group("caps")).strip(), "title"))
    for m in _OPENS.finditer(text):
        line = line_of(m.start())
        if not any(at == line for at, _, _, _ in marks):
            marks.append((line, None, text[starts[line - 1]:].split("\n", 1)[0].strip(), "words"))
    marks.sort(key=lambda m: m[0])
    out = [Section(1, len(starts), "", 0, None, False)]
    for line, level, title, soft in marks:
        if level is None:
            around = out[-1]
            if soft == "words" and around.first < line and not _has_formula(text, starts, around.first, line):
                # "In this part …" before any formula of its part: the part's own words
                out[-1] = replace(around, scoped=True)
                continue
            level = _base_level(out) + 1
        parent = next((n for n in range(len(out) - 1, -1, -1) if out[n].level < level), 0)
        out[-1] = replace(out[-1], last=line - 1)
        out.append(Section(line, len(starts), title, level, parent, soft == "words", by_words=bool(soft)))
    return out  # (the part before a heading on line 1 is empty: first > last)


def _title(m) -> str:
    return next((g for g in (m.group("md"), m.group("tex"), m.group("par"), m.group("setext")) if g), "").strip()


def _alone(text: str, starts: list, line: int) -> bool:
    """Is ``line`` a paragraph of its own (blank or nothing on each side)?"""
    lines = text.split("\n")
    return (line == 1 or not lines[line - 2].strip()) and (line >= len(lines) or not lines[line].strip())


def _base_level(parts: list) -> int:
    """The level of the last part opened by a heading (a part opened by words sits one below it, beside the
    other parts opened by words there)."""
    return next((p.level for p in reversed(parts) if not p.by_words), 0)


def _has_formula(text: str, starts: list, first: int, line: int) -> bool:
    return "$" in text[starts[first - 1]:starts[line - 1]] or "\\begin{" in text[starts[first - 1]:starts[line - 1]]


@dataclass(frozen=True)
class Reading:
    """How one part is read: under ``key`` (a structure), or open (``key`` None: under each)."""

    section: Section
    key: "tuple | None"
    how: str  # "own" | "inherited" | "kept" | "file" | "open" | "weak" | "contested"
    lines: tuple = ()  # its own definitions that decided it (own), or that it could not rest on (weak)
    candidate: "tuple | None" = None  # weak, contested: the other structure its claims are checked under
    words_at: "int | None" = None  # the line of its words that keep the notation or name the order
    named: "str | None" = None  # contested: the order its words name, against its definitions' (``contradiction``)


@dataclass(frozen=True)
class Plan:
    """The parts of a set of notes and how each is read; ``keys`` the structures used, the file's vote first."""

    readings: tuple
    keys: tuple
    notations: dict
    definitions: frozenset = frozenset()  # every definition of z (line, text) ``infer`` voted with
    held: frozenset = frozenset()  # those that hold under some structure

    def reading_at(self, line: int) -> Reading:
        return next((r for r in reversed(self.readings) if r.section.first <= line), self.readings[0])

    @property
    def settles(self) -> bool:
        """Does every definition of z that holds under some structure lie in a part read under its own definitions
        (so a tie over the whole file is no conflict within any part)?"""
        return all(self.reading_at(at).how == "own" for at, _ in self.held)

    def elsewhere(self, line: int, text: str, key: tuple) -> bool:
        """Is (line, text) a definition of z in a part read under a structure other than ``key``?"""
        other = self.reading_at(line).key
        return other is not None and other != key and (line, text) in self.definitions

    def label_at(self, line: int) -> str:
        """What a formula at ``line`` is read under (part of the key that folds identical formulas)."""
        key = self.reading_at(line).key
        return "open" if key is None else ",".join(map(str, key))

    def contradiction(self) -> str:
        """Why the notes cannot be read, when a part's words name one weight order and its own definitions hold
        only in the other (one paragraph naming both lines), else ''."""
        r = next((r for r in self.readings if r.how == "contested" and r.named and r.lines and r.words_at), None)
        if r is None:
            return ""
        said = "from k to j" if r.named == "to,from" else "from j to k"
        title = f" ({r.section.title[:50]})" if r.section.title else ""
        return (f"the part of the notes at lines {r.section.first}–{r.section.last}{title} contradicts itself on its "
                f"weight convention: its words at line {r.words_at} say w_{{jk}} is the weight {said}, but its "
                f"definition of z ({_cite(r.lines)}) holds only with {structure_words(r.candidate)}. Correct the "
                "words or the definition, or give --notation.")

    def lines(self) -> list[str]:
        out = ["parts of the notes read in their own weight convention (review 18):"]
        for r in self.readings:
            if r.section.last < r.section.first:
                continue  # the heading on line 1: nothing before it
            where = f"lines {r.section.first}–{r.section.last}" if r.section is not self.readings[-1].section \
                else f"lines {r.section.first}–"
            title = f" ({r.section.title[:50]})" if r.section.title else ""
            out.append(f"  {where}{title}: {self._words(r)}")
        return out

    def _words(self, r: Reading) -> str:
        if r.how == "own":
            words = f" and the words naming it (line {r.words_at})" if r.words_at is not None else ""
            return f"{structure_words(r.key)}, from its own definitions ({_cite(r.lines)}){words}"
        if r.how == "kept":
            return f"{structure_words(r.key)}, as before it: its words keep the notation (line {r.words_at})"
        if r.how in ("inherited", "file"):  # (a part read under the file's vote is open once two are used)
            return structure_words(r.key) + (", as the part around it" if r.how == "inherited" else
                                              ", the notes' vote (no definition of its own)")
        return f"open: {_open_why(r)}; each claim is checked under " + " and under ".join(
            structure_words(k) for k in self.keys) + ", ambiguous where they disagree"


def plan_of(text: str, kind: str, inferred: "Inferred | None") -> "Plan | None":
    """How each part of ``text`` is read (see the module), or None when every part is read under the file's vote."""
    if inferred is None or inferred.structure is None or kind == "notebook":
        return None
    parts = sections_of(text)
    if len(parts) < 2:
        return None
    readings: list[Reading] = []
    for n, part in enumerate(parts):
        around = readings[part.parent] if part.parent is not None else None
        if (around is None or around.how == "file") and inferred.conflict:
            inherited, how = None, "open"  # a tie over the file: no vote to inherit
        elif around is None or around.how == "file":
            inherited, how = inferred.structure, "file"  # no part around it says anything: the notes' vote
        elif around.key is None:
            inherited, how = None, "open"
        else:
            inherited, how = around.key, "inherited"
        before = next((r.key for r in reversed(readings) if r.key is not None and r.section.last >= r.section.first),
                      None) if readings else None
        readings.append(_reading(part, parts, n, inferred, inherited, how, _words_of(text, part), before))
    # the structures used: each part's, and the one a lone definition of an open part holds under
    used = {r.key for r in readings if r.key is not None} | {r.candidate for r in readings if r.candidate is not None}
    keys = [inferred.structure] + sorted(used - {inferred.structure}, key=plainness)
    if len(keys) < 2:
        return None
    # a part with no definitions of its own and no part around it with some: open when the notes use two structures
    readings = [replace(r, key=None, how="open") if r.how == "file" and len(keys) > 1 else r for r in readings]
    notations = dict(inferred.profiles)
    return Plan(tuple(readings), tuple(keys), {k: notations[k] for k in keys}, frozenset(d for d, _ in inferred.table),
                frozenset(d for d, keys in inferred.table if keys))


def _words_of(text: str, part: Section) -> tuple:
    """(the line of the part's first sentence that keeps the notation, the order its words name, that line, the
    line of its first sentence changing the order without naming it)."""
    lines = text.split("\n")[part.first - 1:part.last]
    prose = "\n".join(lines)
    keep_at, order, named_at, changed_at = part_words(prose)
    line = lambda at: None if at is None else part.first + prose.count("\n", 0, at)  # noqa: E731
    return line(keep_at), order, line(named_at), line(changed_at)


def _reading(part: Section, parts: list, n: int, inferred: Inferred, inherited, how: str, words: tuple,
             before) -> Reading:
    """How ``part`` is read: by its own definitions (the table ``infer`` made) and its words (``partwords``), else
    as ``inherited`` says. ``before``: the structure of the part read before it (what words keeping the notation
    keep)."""
    nxt = parts[n + 1].first if n + 1 < len(parts) else None
    own = [(at, text, keys) for (at, text), keys in inferred.table if part.first <= at and (nxt is None or at < nxt)
           and keys]
    scores: dict = {}  # structure -> the definitions (line, text) that hold under it
    for at, text, keys in own:
        for key in keys:
            scores.setdefault(key, set()).add((at, text))
    keep_line, order, named_line, changed_line = words
    kept = before if before is not None else inherited
    if order is None and changed_line is not None and (kept if keep_line is not None else inherited) is not None:
        # "from now on we swap the indices": the other order than the one kept or inherited (review 22 F8)
        order, named_line = _other((kept if keep_line is not None else inherited)[0]), changed_line
    if keep_line is not None and kept is not None:  # "we keep the notation of Part A": its slips stay slips
        against = {(at, text) for at, text, keys in own if kept not in keys}
        if len(against) < 2 and (order is None or order == kept[0]):
            return Reading(part, kept, "kept", (keep_line,))
        if not against:  # words naming the other order beside them ("the same notation for the cost. … from j to k")
            return Reading(part, None, "contested", (), candidate=(order,) + kept[1:], words_at=named_line)
        other = min((k for k in scores if k != kept), key=lambda k: (-len(scores[k]), plainness(k)))
        return Reading(part, None, "contested", _lines(against), candidate=other, words_at=keep_line)
    best = max((len(v) for v in scores.values()), default=0)
    top = [k for k, v in scores.items() if len(v) == best]
    if not own and order is not None and inherited is not None and order != inherited[0]:
        # no definition, words naming (or changing to) the other order: open, never read in the inherited order
        # as if the words were not there (review 22 F16)
        return Reading(part, None, "contested", (), candidate=(order,) + inherited[1:], words_at=named_line)
    if not own or any(scores[k] != scores[top[0]] for k in top):  # none, or they conflict: they decide nothing
        return Reading(part, inherited, how)
    if inherited in top:  # a slip among them stays a slip, unless one definition is all and the words say otherwise
        if len(scores[inherited]) == 1 and order is not None and order != inherited[0]:
            return Reading(part, None, "contested", _lines(scores[inherited]), candidate=(order,) + inherited[1:],
                           words_at=named_line)
        return Reading(part, inherited, "own", _lines(scores[inherited]))
    key = min(top, key=plainness)
    if len(scores[key]) >= 2:
        return Reading(part, key, "own", _lines(scores[key]))
    if order is not None and order == key[0] and (inherited is None or inherited[0] != order):
        # one definition, and words of the part naming its order ("w^l_{jk} is the weight from j to k")
        return Reading(part, key, "own", _lines(scores[key]), words_at=named_line)
    if order is not None and order != key[0]:  # its words name one order, its own definitions hold in the other
        return Reading(part, None, "contested", _lines(scores[key]), candidate=key, words_at=named_line, named=order)
    return Reading(part, None, "weak", _lines(scores[key]), candidate=key, words_at=named_line)


def _other(order: str) -> str:
    return "from,to" if order == "to,from" else "to,from"


def _open_why(r: Reading) -> str:
    """Why the part of ``r`` (read open) is read under each structure, in words."""
    if r.how == "weak":
        return (f"one definition of its own ({_cite(r.lines)}) against the convention around it, and no words "
                "naming its weight convention (one definition may be a slip)")
    if r.how == "contested":
        defs = f" and definitions ({_cite(r.lines)})" if r.lines else ""
        return f"words (line {r.words_at}){defs} that disagree on its weight convention"
    return "no definition of its own"


def _lines(definitions: set) -> tuple:
    return tuple(sorted({at for at, _ in definitions}))


def _cite(lines: tuple) -> str:
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines[:6]))


def read_by_parts(plan: Plan, inferred: Inferred, items: list, read, row_type, on_row=None):
    """The report of notes whose parts use different weight conventions: ``read(items, notation, scope)`` reads the
    notes once under each structure used (identical formulas folded only within one part's reading, ``scope``),
    and each part's rows come from its own reading. Under one structure, the definitions of z of a part read under
    another are left out (they would stand there as a forward pass symbp has no model of)."""
    runs = {key: read([f for f in items if not plan.elsewhere(f.line, f.text, key)], nt, plan.label_at)
            for key, nt in plan.notations.items()}
    report = replace(runs[plan.keys[0]], inferred=with_parts(inferred, plan), parts=tuple(plan.lines()))
    report.rows, report.skipped = merged(plan, runs, row_type)
    for n, row in enumerate(report.rows, 1):
        if on_row is not None:
            on_row(row, n, len(report.rows))
    return report


def with_parts(inferred: Inferred, plan: Plan) -> Inferred:
    """``inferred`` with its list of errata cut to the definitions read as errata in their own part: a part's own
    definition in its own convention is none, nor one in an open part (each claim there is checked both ways)."""
    against = [(at, text) for (at, text), keys in inferred.table if inferred.structure not in keys
               and plan.reading_at(at).key == inferred.structure]
    evidence = [e for e in inferred.evidence if not e.startswith("against it (read as errata")]
    if against:
        evidence.append("against it (read as errata, not as another notation): " +
                        "; ".join(f"line {at}: {text[:60]}" for at, text in against[:4]))
    return replace(inferred, evidence=tuple(evidence))


def merged(plan: Plan, runs: dict, row_type) -> "tuple[list, list]":
    """(rows, skipped) of the notes from ``runs`` (structure -> the report read under it): each part's rows from
    its own run; an open part's rows from the run under the file's vote, ``ambiguous`` where another run's verdict
    differs."""
    rows, skipped = [], []
    first = runs[plan.keys[0]]
    others = {key: {_ident(r.formula): r for r in runs[key].rows} for key in plan.keys[1:]}
    for key in plan.keys:
        for r in runs[key].rows:
            reading = plan.reading_at(r.formula.line)
            if reading.key == key:
                rows.append(r)
            elif reading.key is None and runs[key] is first:
                rows.append(row_type(r.formula, _compare(r, plan, {k: o.get(_ident(r.formula)) for k, o in others.items()})))
        skipped += [f for f in runs[key].skipped if plan.reading_at(f.line).key == key
                    or plan.reading_at(f.line).key is None and runs[key] is first]
    order = lambda f: (f.cell or 0, f.line)  # noqa: E731
    return sorted(rows, key=lambda r: order(r.formula)), sorted(skipped, key=order)


def _ident(f) -> tuple:
    return (f.line, tuple(f.lines), " ".join(f.text.split()), f.negated)


def _compare(row, plan: Plan, others: dict) -> Verification:
    """The verdict of ``row`` (an open part, read under the file's vote) against the same claim under the notes'
    other structures: it stands when all agree, else ``ambiguous`` with each verdict."""
    result = row.result
    readings = [(plan.keys[0], result)] + [(k, o.result if o is not None else None) for k, o in others.items()]
    if all(v is not None and v.status == result.status for _, v in readings):
        if any(v.diagnosis != result.diagnosis or v.corrected != result.corrected for _, v in readings):
            # refuted under each, but the slip named (and its correction) is one convention's: neither is shown
            return replace(result, diagnosis="", corrected="", reason=f"{result.status} under each weight convention "
                           "the notes use (its part states none); " + result.reason)
        return result
    words = "; ".join(f"with {structure_words(k)} it " + (verdict_words(v) if v is not None else
                                                          "is not read alike (no row to compare)") for k, v in readings)
    where = plan.reading_at(row.formula.line)
    why = ("its part has " + _open_why(where) if where.how in ("weak", "contested")
           else "its part defines no convention of its own")
    return replace(result, status="ambiguous", verdict="undecided", identity="", counterexample=None, diagnosis="",
                   corrected="", condition="", condition_met=None,
                   reason=f"ambiguous: the notes use two weight conventions in different parts and {why}: {words} "
                          "(give --notation, or define z in this part)")
