r"""Values the notes give to inputs and parameters in their prose: examples, starting values and assumptions.

Graph-style notes give numbers to the leaves of their graph (an input or a
parameter, a name no definition computes): "For example take $x_1 = 0$",
"Initially $b_1 := 0$", "We assume $w_{21} = 0$". None of them is part of the
model the claims are checked on; what the notes' words around the value say
decides what a claim that holds only with it is:

* an **example** or a starting value ("for example", "e.g.", "take", "say",
  "initially", "in the example", a section or an environment called Example;
  např., например, na przykład, …): claims are about every value, so a claim
  true only at the example is refuted, and the verdict says it holds only there;
* an **assumption** that fixes the value for the whole model ("we assume",
  "suppose", "throughout", "there is no bias", "for simplicity", "Let $…$";
  předpokládejme, nechť, пусть, положим, предположим, załóżmy, niech, …): a claim
  that holds only under it is ``conditional``, naming it and its line; never
  "holds" (it is not true for every value), never refuted (the notes said to
  assume it);
* words that say neither: an example (the safe direction is never "holds").

A value may be symbolic, a relation between entries of one leaf
(``w_{21} = w_{11}``, a *tie*), when the words say example or assumption;
without such words it stays a definition of the model, as before. Any other
expression given to a leaf (``w_{21} = b_1``, ``w_{21} = \tanh(0)``) is a value
when the words say example or assumption outright ("Let $…$" alone is not
enough: it may define a node). A value written backwards
(``0 = w_{21}``) is a value like ``w_{21} = 0``.

Where an assumed value is in force (from its line until words release it or its part ends) is
``graphscope``'s concern, built on the words read here.

>>> text = "We assume $w_{21} = 0$. For example take $x_1 = 1$. Here $b = 0$."
>>> [prose_kind(text, 1, s) for s in ("w_{21} = 0", "x_1 = 1", "b = 0")]
['assumption', 'example', 'example']
"""

from __future__ import annotations

import functools
import re

from .asidewords import LASTS
from .graphmodel import is_declaration
from .graphnodes import Add, Deriv, Div, Equation, Mat, Mul, Neg, Num, Sym, to_latex, walk
from .sentences import sentence_span

#: Words that make a value an example or a starting value, wherever they stand in its sentence (or its section).
_EXAMPLE = re.compile(
    r"for example|for instance|\be\.\s?g\.|\bexample|\binitial(?:ly|i[sz]e|i[sz]ed|i[sz]ation)?\b|\btake\b|\btaking\b"
    r"|\bsay\b|\bstarting (?:value|point)|\bstart (?:with|from)\b|\bat the start\b"
    r"|například|\bnapř\.|příklad|\bvezm\w*|\bna začátku|\bzpočátku|počáteční|inicializ"
    r"|например|\bнапр\.|пример|\bвозьм\w*|\bскажем|изначально|\bвначале|начальн|инициализ"
    r"|na przykład|\bnp\.|przykład|\bweźmy|\bpowiedzmy|początkow|\bna początku|inicjaliz",
    re.I)
#: Words after the value that make it an example: "$w_{21} = 0$, say".
_EXAMPLE_AFTER = re.compile(r"^\W*(?:say|for example|for instance|e\.\s?g\.|např\.|скажем|например|powiedzmy|"
                            r"na przykład)\b", re.I)
#: Words that fix the value for the whole model (an assumption), in the sentence before the value.
_ASSUMPTION = re.compile(
    r"\bassum|\bsuppos|\bthroughout\b|\bthere (?:is|are) no\b|\bno bias|\bwithout (?:a |any )?bias|\bfor simplicity"
    r"|\bfrom now on\b"
    r"|předpoklád|předpoklad|\bbez (?:biasu|prahu)|\bpro jednoduchost"
    r"|предполож|предполага|\bдопуска|\bбез смещени|\bдля простоты"
    r"|\bzałóżmy|\bzakład|założeni|\bbez (?:biasu|obciążenia)|\bdla uproszczenia",
    re.I)
#: Words that turn an assumption around: "we do not assume", "no longer", "without assuming", "for contradiction".
_NEGATED = re.compile(
    r"\bnot\b|n't\b|\bno longer\b|\bnever\b|\bnowhere\b|\b(?:wrong|incorrect|a mistake) to\b|\bwithout assum|\bno (?:assumption|reason)|\bfor (?:the sake of )?contradiction"
    r"|\bnepředpoklád|\bnebudeme|\bне\s+(?:предпола|полож|будем)|\bnie\s+(?:zakład|załóż|będziemy)"
    r"|\b(?:wrongly|mistakenly|incorrectly|erroneously|falsely|mistake|chybně|mylně|ошибочно|неверно|неправильно"
    r"|błędnie|mylnie)\b",  # "students wrongly assume", "a common mistake is to assume" (review 17)
    re.I)
#: Where a sentence turns to another clause: "we do not assume that W is symmetric, but we set $x_1 = 0$".
_CLAUSE = re.compile(r";|\b(?:but|however|yet|ale|však|но|однако|lecz|jednak)\b", re.I)
#: "Let $…$" and its kin (položme, положим, połóżmy: "let us put"), a few words at most before the value and
#: no other formula between; they may as well define a node, so alone they make only a number an assumption.
_LET = re.compile(r"(?:\blet|\bnechť|\bpoložme|\bпусть|\bположим|\bniech|\bpołóżmy)(?:[\s,]+[^\s$.,]+){0,3}[\s,]*$", re.I)
#: An example section or environment: the values under it are examples.
_HEADING = re.compile(r"^(?:#{1,6}\s+(?P<md>[^\n]*)|\s*\\(?:sub)*section\*?\s*\{(?P<tex>[^{}\n]*)\}"
                      r"|\s*\\paragraph\*?\s*\{(?P<par>[^{}\n]*)\}"
                      r"|(?P<setext>[^\s#>|$\\-][^\n]*)\n(?:=+|-{3,})[ \t]*$)", re.M)  # Title\n===== (level 1), -----
_EXAMPLE_ENV = re.compile(r"\\(begin|end)\s*\{(?:example|examples|exercise|příklad|пример|przykład)\*?\}", re.I)
_MATH = re.compile(r"\$\$?[^$]*\$\$?")


def _locate(text: str, line: int, source: str) -> "tuple[int, int] | None":
    """Where ``source`` (a formula as written, spaces collapsed) stands in ``text``, from ``line`` on. A claim that
    ``joining`` put under the prose condition leading it ("For $l = L$ we have $…$" read as ``… \\quad \\text{for }
    l = L``) stands where its claim as written stands, so the words of its sentence are read too (review guard5: "Not
    true: for $l = L$ we have $…$" held, its words never looked at)."""
    found = _located(text, line, source)
    if found is None and (m := JOINED_CONDITION.search(source)) is not None:
        found = _located(text, line, source[:m.start()])
    return found


#: The prose condition ``joining`` puts after the claim it leads: `` \quad \text{for } l = L`` at the end.
JOINED_CONDITION = re.compile(r"\s*\\quad \\text\{for \}\s*(?P<c>[^{}]*)$")


def _located(text: str, line: int, source: str) -> "tuple[int, int] | None":
    chunks = source.split()
    if not chunks:
        return None
    starts = _line_starts(text)
    if not 1 <= line < len(starts):
        return None
    lo, hi = starts[line - 1], min(starts[min(line + 3, len(starts) - 1)], len(text))
    first = None
    at = text.find(chunks[0], lo, hi)
    while at >= 0:  # the chunks in order, spaces (and an align's &: "a &= b" for a = b) between them
        end = at + len(chunks[0])
        for c in chunks[1:]:
            while end < hi and (text[end].isspace() or text[end] == "&"):
                end += 1
            if not text.startswith(c, end, hi):
                break
            end += len(c)
        else:
            if _WHOLE.match(text, end):
                return at, end
            first = first or (at, end)
        at = text.find(chunks[0], at + 1, hi)
    # only the start of a longer formula matched: "$\delta^L = \nabla_a C \odot …$ and …, but not $\delta^L =
    # \nabla_a C$" found the first (review rv42 1: the words of the longer formula's sentence were read as this one's)
    return first


#: What may follow a whole formula: its closing delimiter, a row's end, punctuation, a tag or a label.
_WHOLE = re.compile(r"\s*(?:\$|\\\]|\\\)|\\\\|\\end\b|&|[.,;:!?]|\\(?:tag|label|nonumber|notag|quad|qquad|text)\b|\Z)")


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> tuple:
    """Where each line of ``text`` starts, and one past its end (each formula of the notes looks its line up)."""
    return (0, *(m.end() for m in re.finditer("\n", text)), len(text) + 1)


def sentence_around(text: str, line: int, source: str) -> "tuple[str, str, int] | None":
    r"""(the words of its sentence before the formula ``source`` at ``line`` of ``text``, the text after it to the
    end of its sentence or paragraph, where the formula starts in ``text``) as written (math and delimiters of other formulas
    included, the formula's own ``$`` left out); None where the formula is not found as written. A display's sentence
    goes on over a blank line before it after words that cannot end there, and over a blank line after it into words
    that begin in lower case (``sentences``).

    >>> sentence_around("Hence. We do not assume $b = 0$ here. Next.", 1, "b = 0")[:2]
    (' We do not assume ', ' here')
    >>> sentence_around("It is not true that\n\n$$b = 0$$\n\nis wrong. Next.", 3, "b = 0")[:2]
    ('It is not true that\n\n', '\n\nis wrong')
    """
    at = _locate(text, line, source)
    if at is None:
        return None
    start, end = at
    while start > 0 and text[start - 1] in "$":
        start -= 1
    while end < len(text) and text[end] in "$":
        end += 1
    first, stop = sentence_span(text, start, end)
    return text[first:start], text[end:stop], start


def prose_kind(text: str, line: int, source: str) -> str:
    """'assumption' or 'example': what the words around the value ``source`` (at ``line`` of ``text``) make it
    (words that say neither: an example).

    >>> prose_kind("There is no bias: $b = 0$.", 1, "b = 0"), prose_kind("Assume, e.g., $b = 0$.", 1, "b = 0")
    ('assumption', 'example')
    >>> prose_kind("Пусть $w_{21} = 0$.", 1, "w_{21} = 0"), prose_kind("Niech na przykład $b = 0$.", 1, "b = 0")
    ('assumption', 'example')
    >>> prose_kind("We do not assume $b = 0$.", 1, "b = 0"), prose_kind("Nie zakładamy, że $b = 0$.", 1, "b = 0")
    ('example', 'example')
    """
    said = prose_words(text, line, source)
    return "assumption" if said == "assumption" else "example"


def prose_words(text: str, line: int, source: str, let: bool = True, part: bool = True) -> str:
    """'example', 'assumption' or 'neither': what the words around ``source`` (at ``line`` of ``text``) say
    (``let=False``: "Let $…$" alone, which may as well define a node, is not an assumption; ``part=False``: a
    heading or an environment that names an example does not count, only the sentence's own words)."""
    around = sentence_around(text, line, source)
    if around is None:
        return "neither"
    sentence, after, start = around
    after = re.split(r"\$|[.!?;](?=\s)", after, maxsplit=1)[0]
    words = _MATH.sub(" ", sentence)
    if _EXAMPLE.search(words) or _EXAMPLE_AFTER.search(after):
        return "example"
    if _NEGATED.search(_CLAUSE.split(words)[-1]):  # a negation in an earlier clause ("…, but we set") is not its
        return "neither"  # "we do not assume $w_{21} = 0$": not an assumption of the model
    if _ASSUMPTION.search(words) or LASTS.search(words) or re.search(r"\bthroughout\b", after, re.I):
        # "For the rest of these notes, $w_{12} = w_{21}$" lasts, as "from now on" does (review rv42 3: an example)
        return "assumption"  # its own words: an assumption even in an example part
    if part and _in_example_part(text[:start]):
        return "example"
    return "assumption" if let and _LET.search(sentence) else "neither"


def denies(text: str, line: int, source: str) -> bool:
    """The sentence before the value ``source`` (at ``line``) says it is not assumed: a negation and an assumption
    word ("we do not assume, for now, that the matrix is symmetric, $w_{12} = w_{21}$").

    >>> denies("We never assume that $W$ is symmetric, $w_{12} = w_{21}$.", 1, "w_{12} = w_{21}")
    True
    >>> denies("We assume $w_{12} = w_{21}$, not more.", 1, "w_{12} = w_{21}")
    False
    """
    around = sentence_around(text, line, source)
    if around is None:
        return False
    words = _CLAUSE.split(_MATH.sub(" ", around[0]))[-1]  # "We never assume symmetry; here $w_{12} = w_{21}$"
    return bool(_NEGATED.search(words) and _ASSUMPTION.search(words))


#: The words just before a value in a display: ``A = 0 \quad \text{when, from now on, we assume } w_{21} = 0``.
_DISPLAY_WORDS = re.compile(r"\\(?:text|textrm|mbox|textnormal)\s*\{(?P<words>[^{}]*)\}(?:\s|\\q?quad(?![A-Za-z])"
                            r"|\\[,;: ])*$")


def words_before(source: str, value: str) -> "str | None":
    r"""The words written inside a display just before the value ``value`` (``\text{…}`` with only spacing
    between), or None.

    >>> words_before(r"A = 0 \quad \text{at } w_{11} = 0", "w_{11} = 0"), words_before("x_1 = 1", "x_1 = 1")
    ('at ', None)
    """
    flat, want = " ".join(source.split()), " ".join(value.split())
    at = flat.rfind(want)
    if at <= 0:
        return None
    m = _DISPLAY_WORDS.search(flat[:at])
    return m.group("words") if m else None


def display_words(source: str, value: str) -> "str | None":
    r"""What the words written inside a display just before the value ``value`` say of it: 'example',
    'assumption', 'negated' (an assumption turned round: "where we do not assume") or 'neither' (words that say
    none of these, such as "at"); None when no words stand there (the display holds the value alone, or it follows
    a formula directly).

    >>> display_words(r"A = 0 \quad \text{when, from now on, we assume } w_{21} = 0", "w_{21} = 0")
    'assumption'
    >>> display_words(r"A = 0 \quad \text{for example } x_1 = 1", "x_1 = 1"), display_words("x_1 = 1", "x_1 = 1")
    ('example', None)
    """
    words = words_before(source, value)
    if words is None:
        return None
    if _EXAMPLE.search(words):
        return "example"
    if _NEGATED.search(words):
        return "negated"
    return "assumption" if _ASSUMPTION.search(words) else "neither"


def _in_example_part(before: str) -> bool:
    """Inside an example environment, or under a heading that names an example."""
    envs = _EXAMPLE_ENV.findall(before)
    if envs and envs[-1].lower() == "begin":
        return True
    heads = list(_HEADING.finditer(before))
    if not heads:
        return False
    title = next(g for g in heads[-1].groups() if g is not None)
    return bool(_EXAMPLE.search(title))


# -- which equations are values ---------------------------------------------------------------------

_ARITHMETIC = (Num, Neg, Div, Add, Mul, Mat)


def is_value(eq: Equation, defined: set) -> bool:
    """``x_1 = 0``, ``b_1 := 0``, ``x = (0, 0)``: a number (or numbers) given to a name no definition of the notes
    computes (an input or a parameter, a leaf of the graph)."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if len(eq.sides) != 2 or eq.rels[0] not in ("=", ":=", r"\equiv") or not isinstance(lhs, Sym):
        return False
    if any(not isinstance(n, _ARITHMETIC) for n in walk(rhs)):  # x_1 = 0, x = (0, 0)
        return False
    return not _computed(lhs, defined)


def is_tie(eq: Equation, defined: set) -> bool:
    """``w_{21} = w_{11}``, ``x_2 = 2 x_1``: an entry of a leaf given by numbers and other entries of the same
    quantity (``g_1 = x_1 w_{11}`` defines g_1, whatever the words around it)."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if len(eq.sides) != 2 or eq.rels[0] not in ("=", ":=", r"\equiv") or not isinstance(lhs, Sym) or not lhs.sub:
        return False
    named = [n for n in walk(rhs) if isinstance(n, Sym)]
    if not named or any(not isinstance(n, (*_ARITHMETIC, Sym)) for n in walk(rhs)) or lhs in named:
        return False
    return not _computed(lhs, defined) and all(n.sub and n.base.lower() == lhs.base.lower() for n in named)


def is_given(eq: Equation) -> bool:
    """``w_{21} = b_1``, ``w_{21} = x_1``, ``w_{21} = \\tanh(0)``, ``x_1 = 0^2``: a name set equal to an expression
    without itself and without derivatives. Such a formula is a value (an example or an assumption) when the words
    around it say so outright ("for example", "we assume"; not "Let $…$" alone, which may define a node): it must
    not become a definition of the model under example words (a claim true only with it held)."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if len(eq.sides) != 2 or eq.rels[0] not in ("=", ":=", r"\equiv") or not isinstance(lhs, Sym):
        return False
    nodes = list(walk(rhs))
    return not any(isinstance(n, Deriv) for n in nodes) and lhs not in nodes


def is_value_expression(eq: Equation) -> bool:
    """``w_{21} = \\tanh(0)``, ``x_1 = 0^2``, ``w_{21} = b_1``: an expression without names, or an entry set equal to
    an entry. A heading or an environment that names an example makes only these (and numbers, and ties) values;
    ``g = x W``, ``h = \\tanh(g)`` under it still define the model's nodes."""
    lhs, rhs = eq.sides[0], eq.sides[-1]
    named = [n for n in walk(rhs) if isinstance(n, Sym)]
    return not named or (isinstance(lhs, Sym) and bool(lhs.sub) and isinstance(rhs, Sym) and bool(rhs.sub))


def _outright(eq: Equation, line: int, p, outright) -> str:
    """What the words say of ``eq`` given outright: its sentence's own words, and an example part around it only
    for a value expression (``is_value_expression``)."""
    said = outright(line, p, False)
    return outright(line, p, True) if said == "neither" and is_value_expression(eq) else said


def _computed(sym: Sym, defined: set) -> bool:
    return sym.base.lower() in defined or sym.base.upper() in defined


def backwards(eq: Equation) -> "Equation | None":
    """``0 = w_{21}`` as ``w_{21} = 0`` (a number on the left, a name on the right); None for any other equation."""
    if len(eq.sides) != 2 or eq.rels[0] not in ("=", ":=", r"\equiv"):
        return None
    lhs, rhs = eq.sides
    if isinstance(rhs, Sym) and all(isinstance(n, _ARITHMETIC) for n in walk(lhs)):
        return Equation((rhs, lhs), eq.rels)
    return None


def chained_values(eq: Equation) -> "list[Equation] | None":
    """``x_1 = x_2 = 0``, ``x_1 = 0 = x_2``: names and one number, all equal, as one value per name; else None."""
    if len(eq.sides) < 3 or any(r != "=" for r in eq.rels):
        return None
    names = [s for s in eq.sides if isinstance(s, Sym)]
    numbers = [s for s in eq.sides if not isinstance(s, Sym) and all(isinstance(n, _ARITHMETIC) for n in walk(s))]
    if not names or not numbers or len(names) + len(numbers) != len(eq.sides):
        return None
    if len({to_latex(n) for n in numbers}) != 1:
        return None
    return [Equation((name, numbers[0]), ("=",)) for name in names]


def split_values(defs: list, claims: list, kind_of, outright=None) -> tuple[list, list, dict]:
    """(the model's definitions, the values given to leaves [(line, eq, piece)], id(eq) -> 'example' or
    'assumption'). ``defs`` are [(line, eq, piece)], ``claims`` [(piece, eq)] (a value written backwards,
    ``0 = w_{21}``, is taken from them: its piece's equation is turned round); ``kind_of(line, piece)`` says what
    the words around a value say (``prose_words``: 'example', 'assumption' or 'neither'); ``outright(line, piece,
    part)`` what they say outright (``part=False``: not counting an example heading or environment). A leaf is a name no other definition computes
    (``x = (x_1, x_2)`` only names x's entries); a tie (``w_{21} = w_{11}``) is a value only when the words say
    example or assumption outright, else it is a definition as before."""
    words = {id(eq): kind_of(line, p) for line, eq, p in defs if is_value(eq, set()) or is_tie(eq, set())}
    # any other name = expression the words call an example or an assumption outright (``is_given``)
    given = {id(eq): _outright(eq, line, p, outright) for line, eq, p in defs
             if outright is not None and id(eq) not in words and is_given(eq)}
    given = {k: v for k, v in given.items() if v != "neither"}
    words.update(given)
    computed = set()
    for line, eq, p in defs:
        if is_value(eq, set()) or ((is_tie(eq, set()) or id(eq) in given) and words[id(eq)] != "neither"):
            continue
        lhs = eq.sides[0]
        cells = [c for row in lhs.rows for c in row] if isinstance(lhs, Mat) else [lhs]
        bases = {c.base for c in cells if isinstance(c, Sym)}
        named = [n for n in walk(eq.sides[-1]) if isinstance(n, Sym)]
        if named and all(n.base in bases and n.sub for n in named) and not is_declaration(eq):
            continue  # x = (x_1, x_2): the entries named, nothing computed
        computed |= bases | {b.lower() for b in bases} | {b.upper() for b in bases}
    kept, values, kinds = [], [], {}
    for d in defs:
        line, eq, p = d
        said = words.get(id(eq), "neither")
        leaf = isinstance(eq.sides[0], Sym) and not _computed(eq.sides[0], computed)
        if is_value(eq, computed) or (said != "neither" and is_tie(eq, computed)) or (id(eq) in given and leaf):
            values.append(d)
            kinds[id(eq)] = "assumption" if said == "assumption" else "example"
        else:
            kept.append(d)
    for p, eq in list(claims):
        split = chained_values(eq)
        if split and all(is_value(v, computed) for v in split):
            # "For example $x_1 = x_2 = 0$": one value for each name, not a claim that x_1 = x_2
            at = p.eqs.index(eq)
            p.eqs[at:at + 1] = split
            claims.remove((p, eq))
            said = kind_of(p.formula.line, p)
            for v in split:
                values.append((p.formula.line, v, p))
                kinds[id(v)] = "assumption" if said == "assumption" else "example"
            continue
        turned = backwards(eq)
        if turned is None or not is_value(turned, computed):
            continue
        p.eqs[p.eqs.index(eq)] = turned
        claims.remove((p, eq))
        values.append((p.formula.line, turned, p))
        said = kind_of(p.formula.line, p)
        kinds[id(turned)] = "assumption" if said == "assumption" else "example"
    return kept, values, kinds


def with_values(defs: list, values: list) -> list:
    """``defs`` and ``values`` together, for the model under the values: a definition that only names a quantity's
    entries (``x = (x_1, x_2)``) gives way to a value of the whole quantity (``x = (0, 0)``)."""
    whole = {eq.sides[0].base for _, eq, _ in values if isinstance(eq.sides[0], Sym) and not eq.sides[0].sub}
    kept = []
    for d in defs:
        lhs = d[1].sides[0]
        named = [n for n in walk(d[1].sides[-1]) if isinstance(n, Sym)]
        if (isinstance(lhs, Sym) and not lhs.sub and lhs.base in whole and named
                and all(n.base == lhs.base and n.sub for n in named)):
            continue
        kept.append(d)
    return kept + list(values)


def ties(values: list) -> set:
    """The lower-case names of the quantities a tie among values relates (w for w_{21} = w_{11})."""
    out = set()
    for _, eq, _ in values:
        if any(isinstance(n, Sym) for n in walk(eq.sides[-1])):
            out |= {n.base.lower() for n in walk(eq) if isinstance(n, Sym)}
    return out


def by_tied(eq: Equation, tied: set) -> str:
    """The first derivative of ``eq`` taken by a quantity a tie relates, in LaTeX; '' if none."""
    for n in walk(eq):
        if isinstance(n, Deriv) and any(isinstance(s, Sym) and s.base.lower() in tied for s in walk(n.den)):
            return to_latex(n.den)
    return ""


def listed(values: list) -> str:
    """'w_{21} = 0 on line 6; b = 0 on line 3'."""
    return "; ".join(f"{to_latex(eq)} on line {line}" for line, eq, _ in values)


EXAMPLE_WORDS = ("a value given to an input or a parameter (an example or a starting value): not part of the model, "
                 "the claims are checked for every value")
ASSUMPTION_WORDS = ("an assumption of the notes, a value given to an input or a parameter for the whole model: the "
                    "claims are checked for every value, and one that holds only under it is conditional")

__all__ = ["ASSUMPTION_WORDS", "EXAMPLE_WORDS", "backwards", "by_tied", "chained_values", "denies", "display_words",
           "is_given", "is_tie", "is_value", "is_value_expression", "listed", "prose_kind", "prose_words",
           "sentence_around", "split_values", "ties", "with_values", "words_before"]
