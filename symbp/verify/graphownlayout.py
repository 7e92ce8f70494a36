r"""The notes' own layout in graph notes: the one they declare in words ("we write derivatives in the numerator
layout"), and claims that contradict each other's layout.

Whether ∂L/∂y of a column y is a column or a row is a convention (``graphcheck``). A claim that fits in one layout
only is judged in it; a claim that fits in both, where the verdicts differ, is judged in the notes' own layout.
Without words, that is the layout the notes' other claims single out by their shapes. With words, it is the layout
the notes name: a sentence that names one layout (and not the other), with words that say the notes use it, declares
it from its line on. A sentence that doubts, denies, supposes, sets it aside, defers or confines it ("we do not use
the numerator layout", "if we used …", "unlike …", "we will switch to …", "in this section only …") declares
nothing, nor does one that names both layouts, nor one in an exercise or an aside (a section so headed, a paragraph
that starts "Exercise"); notes that declare both layouts declare neither. A claim well-shaped only
in the layout the notes do not declare is ambiguous, never holds (``graphcheck``). Where nothing is declared and the
notes write Jacobians, or the gradient by one matrix, in both layouts (∂s/∂h = V on one line, V^T on another, each
well-shaped in one layout only), the claims that hold that way are ambiguous (``contradicting``).

>>> text = "# Part 2\n\nFrom now on we write derivatives in the numerator layout (Jacobians).\n\n$$x$$\n"
>>> declared_layouts(text)
[(3, 'numerator')]
>>> layout_at(declared_layouts(text), 5), layout_at(declared_layouts(text), 1)
(DeclaredLayout(line=3, layout='numerator', explicit=False), None)
>>> declared_layouts("We never use the numerator layout.\n"), declared_layouts("If we used the denominator layout, …\n")
([], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .asidewords import denies_aside
from .layoutswitch import LEAVES as _LEAVES
from .layoutswitch import MIXED, about, one_kind, settle, switches
from .layoutwords import clauses, jacobian_entries, transposed
from .sentences import HYPOTHETICAL, doubts, line_of, masked, sentences

#: The words naming each layout (English, Czech, Russian, Polish). "Jacobian formulation" is the numerator layout's
#: other name, "gradient layout" the denominator's.
_NAMES = {
    "numerator": re.compile(
        r"\bnumerator[\s-]+(?:layout|convention|notation)\b|\bjacobian\s+(?:layout|formulation|convention)\b"
        r"|\bčitatelov\w*\s+(?:uspořádání|rozložení|konvenc\w*|notac\w*)\b|\b(?:uspořádání|rozložení)\s+čitatele\b"
        r"|\bраскладк\w*\s+числител\w*|\bчислительн\w*\s+раскладк\w*|\bukład\w*\s+licznik\w*"
        r"|\blicznikow\w*\s+układ\w*", re.IGNORECASE),
    "denominator": re.compile(
        r"\bdenominator[\s-]+(?:layout|convention|notation)\b|\bgradient\s+(?:layout|formulation|convention)\b"
        r"|\bhessian\s+formulation\b"
        r"|\bjmenovatelov\w*\s+(?:uspořádání|rozložení|konvenc\w*|notac\w*)\b|\b(?:uspořádání|rozložení)\s+jmenovatele\b"
        r"|\bраскладк\w*\s+знаменател\w*|\bзнаменательн\w*\s+раскладк\w*|\bukład\w*\s+mianownik\w*"
        r"|\bmianownikow\w*\s+układ\w*", re.IGNORECASE),
}
LAYOUT_NAMES = _NAMES


@dataclass(frozen=True)
class DeclaredLayout:
    """The layout the notes name in words at ``line``: ``graphcheck`` judges a claim that fits both layouts in it."""

    line: int
    layout: str
    explicit: bool = False  # the declaring sentence says which way a gradient points ("… is a row vector")
    #: the sentence says only which way every gradient points ("gradients are rows"): no layout of Jacobians
    gradients_only: bool = field(default=False, repr=False)
    mixed: bool = field(default=False, repr=False)  # the pure layout the mixed convention declared on ``line`` is for this claim (``for_kinds``)

    def words(self) -> str:
        if self.layout == MIXED or self.mixed:
            return (f"the notes' own (declared in words from line {self.line}: Jacobians in the numerator layout, "
                    "gradients in the denominator layout)")
        return f"the notes' own (declared in words on line {self.line})"

    def for_kinds(self, kinds: set) -> "DeclaredLayout":
        """The pure layout the mixed convention is for a claim of gradients only (the denominator layout) or of
        Jacobians only (the numerator layout); the convention says which way each points. Else itself."""
        pure = {frozenset({"gradient"}): "denominator", frozenset({"jacobian"}): "numerator"}.get(frozenset(kinds))
        return replace(self, layout=pure, explicit=True, mixed=True) if self.layout == MIXED and pure else self


def contradicting(results: dict, declared: list, by_matrix=None) -> None:
    """Claims that hold, each in the one layout its shapes fit, where the notes write Jacobians in both layouts, or
    the gradient by one matrix in both (∂L/∂W as W's shape on one line and as Wᵀ's on another: review 22 F14), and
    declare none: each such claim becomes ambiguous, naming the lines on either side (review 20 F0: ∂s/∂h = V on one
    line and V^T on the next both held; their entries differ). Gradients by a vector written as a row in one place
    and a column in another have the same entries, a loose habit of many notes (seed 004): they are judged each in
    its layout. ``results`` maps a formula to (piece, outcomes), as ``graphnotes`` keeps them; ``by_matrix(piece,
    k)`` names the matrix the k-th claim of the piece is a gradient by ('' if none)."""
    def group(p, k, r) -> str:
        if r.status != "holds" or not r.consistent_layouts():
            return ""
        if r.kinds == ("jacobian",):
            return "jacobian"
        matrix = by_matrix(p, k) if by_matrix is not None and r.kinds == ("gradient",) else ""
        return f"gradient by {matrix}" if matrix else ""

    seen: dict = {}  # (group, layout) -> lines; the claims under a declaration count, and keep their verdicts
    for p, outcomes in results.values():
        for k, r in enumerate(outcomes):
            if group(p, k, r):
                seen.setdefault((group(p, k, r), r.layout), []).append(p.formula.line)
    for kind in sorted({g for g, _ in seen}):
        lines = {layout: seen.get((kind, layout), []) for layout in ("numerator", "denominator")}
        if not all(lines.values()):
            continue
        both = "; ".join(f"the {layout} layout on line{'s' if len(at) > 1 else ''} {', '.join(map(str, at))}"
                         for layout, at in lines.items())
        what = "Jacobians" if kind == "jacobian" else f"the {kind}"
        for p, outcomes in results.values():
            if layout_at(declared, p.formula.line) is not None:
                continue
            for k, r in enumerate(outcomes):
                if group(p, k, r) == kind and p.formula.line in lines.get(r.layout, ()):
                    outcomes[k] = replace(r, status="ambiguous", reason=(
                        f"the notes write {what} in both layouts and declare neither ({both}): in which one this "
                        f"claim is meant is not said; {r.reason}"))


#: The words of a sentence that declares the layout the notes write in: "we use", "are written in", "throughout";
#: cs/pl/ru "používáme", "píšeme", "stosujemy", "używamy", "piszemy", "используем", "пишем".
_DECLARES = re.compile(r"\b(?:we\s+(?:use|write|adopt|work|follow|take)|(?:jacobian|gradient)s?\s+(?:use|follow|take)|(?:is|are)\s+(?:written|given|taken|in)"
                       r"|throughout|all\s+derivatives|every\s+derivative|convention\s+is|from\s+now\s+on)\b"
                       r"|\b(?:používáme|píšeme|pracujeme|budeme\s+(?:používat|psát|pracovat)|od\s+této\s+chvíle|stosujemy|używamy|piszemy"
                       r"|используем|пишем|работаем)\b", re.IGNORECASE)
#: Words that name a layout to set it aside, to say when it will apply, or to confine it (review 22: "unlike the
#: numerator layout", "we avoid …", "instead of …", "in Part 2 we will switch to …", "in this section only …").
_ASIDE = re.compile(r"\b(?:unlike|instead|rather|contrast|contrary|other|alternative|will|might|could|perhaps|maybe|possibly"
                    r"|later|next|only|except|místo|na\s+rozdíl|narozdíl|jinak|budeme|později|jen|pouze|zamiast"
                    r"|przeciwieństwie|będziemy|później|tylko|вместо|отличие|будем|позже|только)\b", re.IGNORECASE)
#: Words that confine a layout to a part of the notes ("in this section …"): a switch so confined is not the notes'
#: layout after the part ends (review rv37 A3); the first layout the notes name so is theirs.
_CONFINED = re.compile(r"\b(?:in|for|within|throughout)\s+this\s+(?:section|subsection|chapter|part|lecture|example"
                       r"|paragraph|proof|derivation)\b|\bv\s+této\s+(?:kapitole|části|sekci)\b|\bw\s+tej\s+(?:sekcji|części)\b"
                       r"|\bв\s+этом\s+(?:разделе|параграфе)\b", re.IGNORECASE)
#: Words that deny the layout a sentence names ("we avoid …", "… is wrong", "nepoužíváme …").
_DENY = re.compile(r"\b(?:avoid\w*|wrong|incorrect)\b|\bne(?:použ|píš|pracuj|bud)\w*", re.IGNORECASE)


#: A row or a column vector (English, Czech, Russian, Polish).
_ROW = r"(?:row\s+vectors?|řádkov\w*\s+vektor\w*|vektor\w*\s+řádk\w*|вектор\w*[\s-]+строк\w*|wektor\w*\s+wierszow\w*" \
    r"|wierszow\w*\s+wektor\w*)"
_COLUMN = r"(?:column\s+vectors?|sloupcov\w*\s+vektor\w*|vektor\w*\s+sloupc\w*|вектор\w*[\s-]+столб\w*" \
    r"|wektor\w*\s+kolumnow\w*|kolumnow\w*\s+wektor\w*)"
#: A row or a column without "vector" ("we write gradients as rows", "gradienty píšeme jako řádky", "градиенты — строки",
#: "gradienty zapisujemy jako wiersze"): never the rows of something ("… are the rows of W", "řádky matice W").
_OF = r"(?!\s+(?:of|matice|macierzy|матриц\w*)\b)"
_ROWS = r"(?:rows?|řádk\w*|řádek|строк\w*|wiersz\w*)\b" + _OF
_COLUMNS = r"(?:columns?|sloupc\w*|sloupec|столбц\w*|столбец|kolumn\w*)\b" + _OF
#: What may stand between "gradient" and the vector it is said to be ("every gradient is a row vector", "gradients
#: are row vectors", "we write the gradient as a row vector", "gradient je řádkový vektor", "градиент — вектор-строка",
#: "gradient jest wektorem wierszowym"): a verb of being or writing, "always", an article, a dash; never "of"
#: (the gradient of the scalar L: one gradient's shape) nor a word of denial.
_LINK = (r"(?:\s+(?:is|are|always|as|written|taken|je|jsou|vždy|jako|píšeme|zapisujeme|jest|są|zawsze"
         r"|zapisujemy|piszemy|является|являются|всегда|как|записываем|пишем)\b|\s*[—–:-])+(?:\s+(?:a|an)\b)?\s*")
#: Words that deny what every gradient is said to be ("no gradient is a row vector", "gradients are never rows").
_DENIED = re.compile(r"\b(?:no|not|never|none|neither|nor|žádn\w*|není|nejsou|nikdy|не|ни|никогда|нет|nie|żaden"
                     r"|żadn\w*|nigdy)\b", re.IGNORECASE)
#: The orientation of every gradient, said in words, and the layout it is (with column vectors: ``declared_layouts``).
_GRADIENTS = {orient: re.compile(r"\b(?:gradient|градиент)\w*" + _LINK + words, re.IGNORECASE)
              for orient, words in (("row", f"(?:{_ROW}|{_ROWS})"), ("column", f"(?:{_COLUMN}|{_COLUMNS})"))}


#: Every gradient said to have the shape of what it is by ("gradients have the shape of the variable", "… are shaped
#: like the variable"): the denominator layout; of its transpose, the numerator layout (review rv40 A4).
_SHAPED = re.compile(r"\b(?:gradient|градиент)\w*\s+(?:always\s+|now\s+)?(?:(?:have|has|take|takes|keep|keeps|share|shares)"
                     r"\s+the\s+(?:same\s+)?shape|(?:are|is)\s+(?:always\s+)?shaped)\s+(?:of|as|like)\b([^.;]{0,60})",
                     re.IGNORECASE)


#: Words about the shape or orientation of gradients that ``_by_shape`` and ``_GRADIENTS`` may not read: in a
#: sentence that starts something from here on, the layout in force is no longer sure.
_RESHAPED = re.compile(r"\b(?:gradient|градиент)\w*\b.*\b(?:shape\w*|laid\s+out|orient\w*|transpos\w*|rows?|columns?)\b"
                       r"|\b(?:shape\w*|laid\s+out|orient\w*|transpos\w*|rows?|columns?)\b.*\b(?:gradient|градиент)\w*\b",
                       re.IGNORECASE)


def _by_shape(words: str) -> list[str]:
    found = _SHAPED.search(words)
    if found is None:
        return []
    if _DENIED.search(words):
        return ["neither"]
    return ["numerator" if re.search(r"transpos", found.group(1), re.IGNORECASE) else "denominator"]


def _by_orientation(words: str, vectors: str) -> list[str]:
    # a gradient by a column vector is a row in the numerator layout (the shape of xᵀ), by a row vector a column
    said = [orient for orient, pattern in _GRADIENTS.items() if pattern.search(words)]
    shaped = _by_shape(words)
    if shaped:  # the shape of the variable: a layout whichever way the notes' vectors point
        return shaped if not said else ["neither"]
    if said and _DENIED.search(words):
        return ["neither"]
    if not vectors:
        return ["neither"] if said else []  # rows and columns both differentiated by: the words fix no one layout
    return ["numerator" if (orient == "row") == (vectors == "column") else "denominator" for orient in said]


#: A heading, Markdown or LaTeX: its title.
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+)$|\\(?:sub)*section\*?\{([^{}]*)\}|\\paragraph\*?\{([^{}]*)\}", re.M)
#: What an exercise, a problem or an aside is called (en/cs/ru/pl): a layout declared in one, under a heading so
#: named or in a paragraph that starts so ("Exercise 3. Use the numerator layout …"), is the exercise's, not the
#: notes'.
_ELSEWHERE = re.compile(r"\b(?:exercises?|homework|aside|digression|excursus|side\s*note"
                        r"|cvičení|úloh\w*|odbočk\w*|vsuvk\w*|exkurz\w*|упражнени\w*|задач\w*|отступлени\w*"
                        r"|экскурс\w*|ćwiczeni\w*|zadani\w*|dygresj\w*|ekskurs\w*)\b", re.IGNORECASE)
#: The same words at the start of a title or a paragraph, and "Problem", "Assignment" numbered or alone ("Problem 3.",
#: not "Problem setup" nor "the vanishing gradient problem").
_OPENS = re.compile(r"\W*(?:(?:problem|assignment)s?(?:\s+\d+\w*|\s*[.:)]|\s*$)|" + _ELSEWHERE.pattern + ")",
                    re.IGNORECASE)


def _elsewhere(text: str, start: int) -> bool:
    r"""Is the sentence at ``start`` in an exercise or an aside: a section whose heading names one (not "Not an
    aside"), or a paragraph that starts with the word?

    >>> _elsewhere("## Exercise\nUse the numerator layout.\n", 3), _elsewhere("# Notes\n\nWe use it.\n", 9)
    (True, False)
    """
    heads = [m for m in _HEADING.finditer(text) if m.start() <= start]
    if heads:
        title = next(g for g in heads[-1].groups() if g is not None)
        if (_ELSEWHERE.search(title) or _OPENS.match(title)) and not denies_aside(title):
            return True
    paragraph = max(text.rfind("\n\n", 0, start + 1), heads[-1].end() if heads else -1, 0)
    opening = re.sub(r"^[\s*_#>]*(?:\\textbf\{|\\emph\{)?", "", text[paragraph:paragraph + 80])
    return bool(_OPENS.match(opening))


#: Words that leave unclear whether the layout a sentence names is the notes' own (review rv32 F2): it is said to be
#: someone else's ("many textbooks use …", "Goodfellow et al. write …", "it is common to …"), tempting, an exercise
#: for the reader, or asked about ("we use the numerator layout?"). Such a sentence declares nothing, but the
#: layout it names may be meant: ``unsure_layouts``.
_UNSURE = re.compile(r"\?|\b(?:textbooks?|books?|authors?|texts|literature|references?|et\s+al|many|some|most|several"
                     r"|writes|wrote|according\s+to|quot\w*"
                     r"|people|tempting|common(?:ly)?|usual(?:ly)?|often|popular|exercise|učebnic\w*|autoř\w*"
                     r"|mnoh\w*|někte\w*|podręcznik\w*|autor\w*|wiel\w*|niektó\w*|учебник\w*|автор\w*|мног\w*"
                     r"|некотор\w*|часто)\b", re.IGNORECASE)


#: The words of the candidate a sentence that leaves a layout makes for the other one (``_candidates``): none, so
#: that it is never a switch; ``leavings`` finds it by them.
LEFT = ""


def _candidates(text: str, vectors: str) -> list[tuple[int, str, bool, bool, bool, str]]:
    """(line, layout, by the orientation of every gradient, says a row or a column vector, unsure, the sentence's
    words) of each sentence that names one layout with words that say it is used (``_declarations``); ``unsure``:
    words leave unclear whether the notes use it (``_UNSURE``)."""
    out = []
    for start, end in sentences(text):
        while (head := _HEADING.match(text, start + len(text[start:end]) - len(text[start:end].lstrip()))) and \
                head.end() < end:  # a heading with no blank line after it is not part of the sentence's words
            start = head.end()
        words = masked(text[start:end])
        named = {layout for layout, pattern in _NAMES.items() if pattern.search(words)}
        oriented = _by_orientation(words, vectors)
        entries = jacobian_entries(text[start:end])  # "the Jacobian (∂y_i/∂x_j)_{ij}": a layout for Jacobians
        layouts = named | set(oriented) | ({entries} if entries else set())
        leaves = _LEAVES.search(words)
        if leaves and len(named) == 2 and not oriented:
            # "Leaving the numerator layout, we use the denominator layout": the one named right after the words
            # that leave it is left, the other one is switched to (``layoutswitch.switches`` reads the words)
            left = min(named, key=lambda n: (m.start() if (m := _NAMES[n].search(words, leaves.end())) else len(words)))
            named = layouts = named - {left}
            leaves = None
        if layouts and not oriented and len(named) == 1 and leaves and not (
                HYPOTHETICAL.search(words) or _elsewhere(text, start)):
            # "from now on we no longer use the numerator layout": the notes leave it, for a layout they do not
            # name (review rv37 A1: read as declaring the layout it leaves); the other one, never as a switch (a
            # contradiction: ``layoutswitch``), nor declared where no layout was before (the mixed one may be meant)
            other = ({"numerator", "denominator"} - named).pop()
            out.append((line_of(text, _NAMES[next(iter(named))].search(text, start, end).start()), other, False, False,
                        not any(not d[4] for d in out), LEFT))
            continue
        sure = [d for d in out if not d[4]]
        if not layouts and sure and switches(words) and _RESHAPED.search(words) and not (
                HYPOTHETICAL.search(words) or _elsewhere(text, start)):
            # "From now on, gradients are laid out like …", words symbp does not read: the layout in force may have
            # changed here, so none is declared from this line on (review rv40 A4: the old one was kept silently)
            other = "numerator" if sure[-1][1] == "denominator" else "denominator"
            out.append((line_of(text, start), other, False, False, False, LEFT))
            continue
        if (not layouts or "neither" in oriented or HYPOTHETICAL.search(words)
                or not (_DECLARES.search(words) or oriented or entries or switches(words))
                or _elsewhere(text, start)):
            continue
        denied = doubts(words) or _DENY.search(words)
        if denied and len(layouts) == 1:  # "we never use the numerator layout": the notes do not
            continue
        if not entries and not oriented and re.search(r"layout|uspořádání|раскладк|układ", words, re.IGNORECASE) \
                and re.search(r"transpos|transponov|транспон|transponowan", words, re.IGNORECASE):
            continue  # "the numerator layout, transposed" is not the numerator layout (review rv42c 5): nothing read
        # both layouts named ("we use the numerator layout, not the denominator layout"), or one set aside,
        # deferred or confined ("we will use …", "in this section only …"), or someone else's: it may be meant
        confined = _CONFINED.search(words) and any(not d[4] and d[1] not in layouts for d in out)
        # "Many texts use the Jacobian …; we use its transpose": the clause that says the notes' is what counts
        own = words[transposed(words) or 0:] if entries else words
        doubtful = bool(denied or confined or _ASIDE.search(own) or _UNSURE.search(own)
                        or re.search(r"\bet\s+al\.\s*$", text[max(0, start - 12):start]))
        parts = clauses(words, _NAMES) if len(named) > 1 and not (doubtful or oriented or entries) else None
        if parts:
            # "Jacobians use the numerator layout and gradients the denominator layout": one clause per kind of
            # derivative, each a declaration of its own (``layoutswitch`` makes the mixed convention of them, or
            # finds the sentence contradicting itself: "Jacobians use the numerator layout, and Jacobians use …")
            for (at, _, layout), after in zip(parts, [p[0] for p in parts[1:]] + [len(words)]):
                found = _NAMES[layout].search(text, start + at, start + after)
                out.append((line_of(text, found.start() if found else start), layout, False, False, False,
                            words[at:after]))
            continue
        unsure = doubtful or len(layouts) > 1
        if len(layouts) > 1 and oriented == ["denominator"] and named == {"numerator"} and not doubtful:
            # "Jacobians in the numerator layout, and every gradient is a column vector" (the mixed convention): a
            # gradient is what the words say it is. The reverse ("Jacobians use the denominator layout, while
            # gradients are written as rows") is no convention symbp reads: both layouts are named, neither declared
            # (review rv40 A8: it was read as the numerator layout, and ∂z^l/∂a^{l-1} = w^l held)
            layouts = set(oriented)
        said = bool(oriented) or bool(re.search(_ROW + "|" + _COLUMN, words, re.IGNORECASE))
        for layout in sorted(layouts, reverse=True):  # the numerator layout first
            found = _NAMES[layout].search(text, start, end) if layout in named else None
            out.append((line_of(text, found.start() if found else start), layout, bool(oriented), said, unsure,
                        words))
    return out


def _declarations(text: str, vectors: str) -> list[tuple[int, str, bool, bool]]:
    """(line, layout, by the orientation of every gradient, says a row or a column vector) of each sentence that
    declares a layout (``declared_layouts``); notes that declare both declare neither, unless the second is a switch
    or the two are the mixed convention (``layoutswitch``)."""
    return settle(_candidates(text, vectors))[0]


def unsure_layouts(text: str, vectors: str = "column") -> list[tuple[int, str]]:
    r"""(line, layout) of each sentence whose layout the notes may mean but do not declare (review rv32): one that
    names it as someone else's, tempting, an exercise or a question (``_UNSURE``), and, in notes that declare both
    layouts, every declaration from the first that names the other layout on (before it, the first layout is the
    only one the notes have named).

    >>> unsure_layouts("Many textbooks use the numerator layout throughout.\n")
    [(1, 'numerator')]
    >>> unsure_layouts("We use the numerator layout.\n\nNow we use the denominator layout.\n")
    [(3, 'denominator')]
    >>> unsure_layouts("We use the numerator layout.\n\nFrom now on we use the denominator layout.\n")  # a switch
    []
    >>> unsure_layouts("We use the numerator layout throughout.\n")
    []
    """
    found = _candidates(text, vectors)
    switch = settle(found)[1]  # the first declaration that contradicts another: not a switch, not the mixed one
    # sentences about one kind of derivative only, each in its layout of the mixed convention: that may be meant
    mixed = [(line, MIXED)] if switch is None and (line := one_kind(found)) is not None else []
    return sorted([(d[0], d[1]) for d in found if d[4] or (switch is not None and d[0] >= switch)] + mixed)


def contradictions(text: str, vectors: str = "column") -> list[tuple[int, str]]:
    r"""(line, kind of derivative) where the notes give one kind of derivative both layouts on one line ("Jacobians
    use the numerator layout, and Jacobians use the denominator layout"): a sentence that contradicts itself
    declares neither layout (``settle``), and the report says why.

    >>> contradictions("Jacobians use the numerator layout, and Jacobians use the denominator layout.\n")
    [(1, 'jacobian')]
    >>> contradictions("Jacobians use the numerator layout and gradients the denominator layout.\n")
    []
    """
    said: dict = {}
    for d in _candidates(text, vectors):
        if not d[4] and about(d[5]):
            said.setdefault((d[0], about(d[5])), set()).add(d[1])
    return sorted(key for key, layouts in said.items() if len(layouts) > 1)


def first_layout(text: str, vectors: str = "column") -> list[tuple[int, str]]:
    r"""(line, layout) of the declarations of notes that declare both layouts, up to the first that names the
    other one: before it, only the first layout has been declared (``declared_layouts`` is then empty).

    >>> first_layout("We use the numerator layout.\n\nNow we use the denominator layout.\n")
    [(1, 'numerator')]
    """
    found = _candidates(text, vectors)
    sure = [d for d in found if not d[4]]
    if settle(found)[1] is None:  # one layout, a switch or the mixed convention: ``declared_layouts`` has them
        return []
    return [(d[0], d[1]) for d in sure if d[1] == sure[0][1] and d[0] < next(e[0] for e in sure if e[1] != d[1])]


def by_gradients(text: str, vectors: str = "column") -> list[int]:
    r"""The lines of the declarations that say what every gradient is ("every gradient is a row vector"): there the
    gradient ∇C too is read in the layout (``gradlayout``), not only ∂C/∂x.

    >>> by_gradients("Every gradient is a row vector.\n"), by_gradients("We use the numerator layout.\n")
    ([1], [])
    """
    return [d[0] for d in _candidates(text, vectors) if d[2]]  # also the unsure ones: ``unsure_layouts``


def gradient_only_lines(text: str, vectors: str = "column") -> list[int]:
    r"""The lines of the declarations that say which way every gradient points and nothing else: no layout named, no
    Jacobian ("we write gradients as row vectors"). In notes of row vectors that is the denominator layout or the
    mixed convention (gradients shaped as their variable, Jacobians in the numerator layout) alike, so it says
    nothing about a Jacobian (review, layouts finding 3: ∂g/∂x = Wᵀ of g = x W was refuted under it).

    >>> gradient_only_lines("We write gradients as row vectors.\n", "row"), gradient_only_lines(
    ...     "We use the numerator layout: every gradient is a row vector.\n")
    ([1], [])
    """
    return [d[0] for d in _candidates(text, vectors) if d[2] and isinstance(d[5], str)
            and not any(p.search(d[5]) for p in _NAMES.values()) and not _JACOBIAN_WORD.search(d[5])]


_JACOBIAN_WORD = re.compile(r"jacobi|jakobi|якоби", re.IGNORECASE)


def explicit_lines(text: str, vectors: str = "column") -> list[int]:
    r"""The lines of the declarations that say which way a gradient points: "every gradient is a row vector", or
    "the numerator layout: the derivative of a scalar by a column vector is a row vector". Where the notes only
    name the numerator layout, a gradient written as a column may still be meant (the mixed convention, Jacobians
    in the numerator layout and gradients as columns): a claim well-shaped only so is ambiguous; where they say
    it, the claim is refuted.

    >>> explicit_lines("We use the numerator layout: the gradient of a scalar is a row vector.\n")
    [1]
    >>> explicit_lines("We use the numerator layout.\n")
    []
    """
    return [d[0] for d in _candidates(text, vectors) if d[3]]  # also the unsure ones: ``unsure_layouts``


def declared_layouts(text: str, vectors: str = "column") -> list[tuple[int, str]]:
    r"""(line, layout) for each sentence of the prose that declares a layout, in the order of the notes. A sentence
    declares one layout when it names it (and not the other) with words that say the notes use it, and no words
    that set it aside, defer or confine it, doubt or suppose it. Saying what every gradient is names a layout too
    (review F19): "every gradient is a row vector" is the numerator layout where the notes' ``vectors`` are columns
    (∂L/∂x has the shape of xᵀ), the denominator where they are rows; where they are both ("") it declares
    nothing. Notes that declare both layouts (in different sentences: "Jacobians in the numerator layout.
    Gradients in the denominator layout.") declare neither: which one a claim is in is then left to its shapes
    (review 22).

    >>> declared_layouts("Every gradient is a row vector.\n"), declared_layouts("Gradients are row vectors.\n", "row")
    ([(1, 'numerator')], [(1, 'denominator')])
    >>> declared_layouts("The gradient of the scalar $L$ is a row vector.\n")
    []
    """
    return [(d[0], d[1]) for d in _declarations(text, vectors)]


def vectors_of(model) -> str:
    """"row" or "column": the orientation of every vector of the notes' ``model`` (unsaid: a column), or "" when
    some are rows and some columns; what "every gradient is a row vector" declares depends on it."""
    found = {"row" if q.orient == "row" else "column" for q in model.quantities.values() if q.rank == 1}
    return found.pop() if len(found) == 1 else "column" if not found else ""


def layout_at(declared: list, line: int, explicit=(), gradients_only=()) -> "DeclaredLayout | None":
    """The layout declared last before ``line``; None when no declaration comes before it, or the last is the end
    of the declared ones (layout ''; ``layouts_in_force``). ``explicit``: the lines of the declarations that say which way
    a gradient points (``explicit_lines``), ``gradients_only`` of those that say nothing else
    (``gradient_only_lines``)."""
    before = [d for d in declared if d[0] <= line]
    if not before or not before[-1][1]:
        return None
    return DeclaredLayout(*before[-1][:2], before[-1][0] in explicit, gradients_only=before[-1][0] in gradients_only)


def layouts_in_force(text: str, vectors: str = "column") -> list[tuple[int, str]]:
    r"""The declarations in force, for ``layout_at``: ``declared_layouts``, or in notes that contradict themselves
    the first layout up to the line of the contradiction, then (line, '') — no layout is declared from there on
    ("We use the numerator layout. … From now on we no longer use the numerator layout.": the claims before the
    second sentence are in the numerator layout, those after it in none the notes name).

    >>> layouts_in_force("We use the numerator layout.\n\nFrom now on we no longer use the numerator layout.\n")
    [(1, 'numerator'), (3, '')]
    """
    found = _candidates(text, vectors)
    declared, until = settle(found)
    if until is None:
        return [(d[0], d[1]) for d in declared]
    return first_layout(text, vectors) + [(until, "")]


def leavings(text: str, vectors: str = "column") -> list[tuple[int, str]]:
    r"""(line, the layout it leaves) of each sentence that leaves a layout without naming the next one ("from now on
    we no longer use the numerator layout"), for the words of the report.

    >>> leavings("We use the numerator layout.\n\nWe now leave the numerator layout behind.\n")
    [(3, 'numerator')]
    """
    return [(d[0], "numerator" if d[1] == "denominator" else "denominator") for d in _candidates(text, vectors)
            if d[5] == LEFT and d[1] in ("numerator", "denominator")]


__all__ = ["LAYOUT_NAMES", "DeclaredLayout", "by_gradients", "contradicting", "contradictions", "declared_layouts",
           "explicit_lines", "first_layout", "gradient_only_lines", "layout_at", "layouts_in_force", "leavings", "unsure_layouts", "vectors_of"]
