r"""Cutting one row of a display into claims, and sorting each piece into a bucket.

A row is split only *between two complete claims*: at ``\\quad``, prose
(``\\text{ and }``) or ``\\implies`` with an equation on both sides that is
not a condition on an index. Anything else after a claim stays attached to it
(the reader reads it as a condition, or reports the formula unreadable).
Equation numbers (``\\quad (0.1)``, ``(\\text{BP1})``) and ``// comments`` in
words (letters only: no macro, no operator) are taken off and returned, to be listed beside the claim.

>>> pieces(r"z^l = w^l a^{l-1} + b^l \quad a^l = \sigma(z^l)")
[('z^l = w^l a^{l-1} + b^l', ()), ('a^l = \\sigma(z^l)', ())]
>>> pieces(r"a = b \text{ plus } c")
[('a = b \\text{ plus } c', ())]
>>> classify(r"l = 2, \dots, L")
('definition', 'a range or condition on an index, not a claim')
"""

from __future__ import annotations

import re
import unicodedata

from .claimlinks import DECLARATION, KNOWN_SIDE, NOT_EQUATION
from .firstorder import other_cost, reads

_RELATION = re.compile(r"(?<![<>!:=])=(?![:=])|\\equiv(?![A-Za-z])")
_DEFINITION = re.compile(r":=|=:|::=|\\coloneqq|\\eqqcolon|\\triangleq|\\stackrel\s*\{[^{}]*\}\s*\{?=|"
                         r"\\overset\s*\{[^{}]*\}\s*\{?=|\\doteq|\\defeq")
# Connectives at depth 0 that may separate two claims.
_CONNECTIVE = re.compile(
    r"\\q?quad(?![A-Za-z])|\\(?:implies|Rightarrow|Longrightarrow|iff|Leftrightarrow|Longleftrightarrow|Leftarrow)"
    r"(?![A-Za-z])|\\(?:text|textrm|mbox|textnormal|mathrm)\s*\{(?P<words>[^{}]*)\}|//"
)
# Equation numbers and labels written after a formula: (0.1), (3), (\text{BP1}), \text{BP1'}, (BP2a).
_TAG = re.compile(r"\s*(?:(?<!\\)[,;.])?\s*(\(\s*(\\text\s*\{\s*)?[A-Za-z]{0,4}\s*\d+(\.\d+)*[a-z']*\s*\}?\s*\)|"
                  r"\\text\s*\{\s*\(?[A-Z]{1,4}\d+[a-z']*\)?\s*\})\s*[,;.]?\s*")
# An index condition or range: l = L, k = 1, \dots, n, j \geq 1 (a lowercase index letter on the left).
_CONDITION = re.compile(r"\s*[,;]?\s*[ijklmpqst](_\{?\d\}?)?\s*(=|<|>|\\(?:le|leq|ge|geq|neq|ne|in)(?![A-Za-z]))")
_RANGE = re.compile(r"\\l?c?dots|\\ldots|\.\.\.|…")


#: An update rule written with an arrow: a parameter (a letter or a Greek one, \theta), \to / \rightarrow / \leftarrow /
#: \gets, a new value with a minus; or with ``:=`` and the same parameter anywhere on the right
#: (``w := \eta\nabla_w C + w``), or another name ± a learning rate times a derivative or gradient
#: (``A := p - \alpha \frac{\partial J}{\partial p}``: a step that starts from the wrong quantity is still a step).
_RATE = r"(?:\\frac\s*\{\s*)?\(?\s*-?\s*\\(?:eta|xi|alpha|epsilon|varepsilon|gamma|lambda|mu)(?![A-Za-z])"
#: A parameter in bold or with an arrow (``\mathbf{W}``, ``\boldsymbol{\theta}``, ``\vec{w}``) is the parameter itself.
_ASSIGN = r"(?::=|\\coloneqq?(?![A-Za-z]))"  # := and its macros \coloneqq, \coloneq
_FONT = r"\\(?:mathbf|boldsymbol|bm|vec|mathit)\s*\{\s*"
#: ``v := x - \eta (p - y) h``: a name := something minus a learning rate (η, ξ, α) times something, a step that
#: starts from the wrong quantity (review rv34: in graph notes it was filed as a definition of v, which broke the model).
_STEP_RATE = r"(?:\\frac\s*\{\s*)?\\(?:eta|xi|alpha)(?![A-Za-z])"
UPDATE_RULE = re.compile(r"\s*(?P<p>(?:[A-Za-z]|\\(?:theta|Theta|vartheta|omega|phi|psi|beta)(?![A-Za-z])|" + _FONT
                         + r"(?:[A-Za-z]|\\(?:theta|Theta|vartheta|omega|phi|psi|beta)(?![A-Za-z]))\s*\})"
                         r"(?:(\^\{?[A-Za-z0-9()\[\]+\-]+\}?)?(_\{?[A-Za-z0-9]+\}?)?|_\{?[A-Za-z0-9]+\}?\^\{?[A-Za-z0-9()\[\]+\-]+\}?))"
                         r"\s*(\\(?:to|rightarrow|"
                         r"longrightarrow|leftarrow|gets|longleftarrow)(?![A-Za-z]).*[-+]|" + _ASSIGN + r"\s*(?P=p)\s*[-+]|"
                         + _ASSIGN + r"(?=.*[-+]).*(?<![A-Za-z\\])(?P=p)(?![A-Za-z0-9^_])|"
                         + _ASSIGN + r"[^=]*[-+]\s*" + _RATE + r"[^=]*(?:(?:\\nabla|\\partial)(?![A-Za-z])|"
                         r"\\frac\s*\{\s*d\s*(?:[A-Za-z]|\\[A-Za-z]+)[^{}]*\}\s*\{\s*d)[^=]*$|"
                         + _ASSIGN + r"[^=]*-\s*" + _STEP_RATE + r"[^=]*$)")

#: ``b^{(l)} := w^{(l)} - \eta\, \delta^{(l)}``: a parameter (w, W, b, θ) assigned with := from a parameter ± a learning
#: rate times something: a step of an update rule that may start from the wrong parameter, never a definition (review 23).
_PARAM = (r"(?:" + _FONT + r")?(?:[wWbB]|\\(?:theta|Theta|vartheta)(?![A-Za-z]))\s*\}?"
          r"(?:\s*[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]))*")
PARAMETER_STEP = re.compile(r"\s*" + _PARAM + r"\s*" + _ASSIGN + r"\s*" + _PARAM + r"\s*[-+]\s*" + _RATE + r"(?![A-Za-z])")


def trim(text: str) -> str:
    """Spacing and punctuation at either end taken off ('…, \\quad', '\\, x.')."""
    while True:
        t = re.sub(r"^(\s|\\[,;:! ]|\\q?quad(?![A-Za-z]))+", "", text)
        t = re.sub(r"(\s|\\[,;:! ]|\\q?quad(?![A-Za-z])|(?<!\\)[,;.])+$", "", t)
        while t.endswith("\\") and not t.endswith("\\\\"):  # a line break "\\\\" cut in half
            t = t[:-1].rstrip()
        if t == text:
            return t
        text = t


def starts_with_relation(text: str) -> bool:
    return bool(re.match(r"(=|\\equiv(?![A-Za-z])|\\approx(?![A-Za-z]))", text))


def starts_with_operator(text: str) -> bool:
    """A row that starts with ``+``, ``-``, ``\\times``, ``\\cdot``…: it continues the row before it."""
    return bool(re.match(r"(\+|-|\*|/|\\(?:times|cdot|odot|otimes|oplus|circ|pm|mp|div|ast)(?![A-Za-z]))", text))


def first_side(text: str) -> str:
    """The text before the first top-level '=' (or ≡) of a claim."""
    depth = 0
    for i, c in enumerate(text):
        if c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif depth == 0 and c == "=" and (i == 0 or text[i - 1] not in ":<>!"):
            return text[:i].strip()
        elif depth == 0 and text.startswith("\\equiv", i):
            return text[:i].strip()
    return text


def _top_level(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each connective outside braces and environments."""
    out = []
    depth, envs, i = 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == "\\" and text.startswith("\\begin", i):
            envs += 1
        elif c == "\\" and text.startswith("\\end", i):
            envs = max(0, envs - 1)
        if depth == 0 and envs == 0 and c in "\\/":
            m = _CONNECTIVE.match(text, i)
            if m and (c == "\\" or (i == 0 or text[i - 1] != "\\")):
                words = m.group("words")
                if words is None or _is_prose(words) or m.group(0).startswith("//"):
                    out.append((m.start(), m.end(), m.group(0)))
                    i = m.end()
                    continue
            if c == "\\":
                i += 2
                continue
        i += 1
    return out


def _is_prose(words: str) -> bool:
    """``\\text{…}`` holding words (not a symbol such as \\text{net}): spaces, letters beyond ASCII, a connective."""
    w = words.strip()
    return (not w) or bool(re.search(r"\s|[^\x00-\x7f]|//|^[,;.:]", words)) or w in _WORDS or opens_clause(w)


_WORDS = {"and", "or", "if", "for", "where", "with", "hence", "so", "then", "i.e.", "thus", "since", "because",
          "oraz", "i", "a", "tedy", "kde", "gdzie", "где", "и"}

#: Words that open a clause of their own after a claim (because …, i.e. …, hence …): what follows them is a
#: new sentence, never a condition on the claim before (compared with diacritics and TeX accents taken off).
_CLAUSE_OPENERS = {
    "because", "since", "i.e.", "i.e", "hence", "thus", "therefore", "whereby",
    "protoze", "neboli", "tedy", "tj.", "pritom", "proto", "tudiz", "cili", "jelikoz", "nebot",
    "pitom",  # přitom with its ř lost in extraction (p\'itom renders “pítom”)
    "потому", "поскольку", "т.е.", "поэтому", "значит", "следовательно", "причем", "откуда",
    "poniewaz", "czyli", "wiec", "zatem", "tzn.", "stad",
}
_CLAUSE_PHRASES = ("that is ", "то есть", "так как ", "a tedy ", "przy czym ")


def opens_clause(words: str) -> bool:
    """Does ``\\text{words}`` open a clause of its own (``\\text{protože}``, ``\\text{, i.e.}``)?"""
    bare = re.sub(r"\\[`'^\"~=.]|\\[uvHcdbrk](?=[{\s])|[{}]", "", words)  # TeX accents: p\'itom, p\v{r}itom
    bare = "".join(c for c in unicodedata.normalize("NFKD", bare) if not unicodedata.combining(c))
    bare = " ".join(bare.strip(" ,;:").lower().split())
    return bare.split(" ", 1)[0] in _CLAUSE_OPENERS or bare.startswith(_CLAUSE_PHRASES)


def pieces(text: str) -> list[tuple[str, tuple]]:
    """Split a row between two complete claims; keep everything else attached; strip tags and // comments."""
    cuts = _top_level(text)
    if not cuts:
        text, tags = _strip_tag(text)
        return [(text, tags)]
    # Alternate math and runs of connectives (connectives with only spaces between them form one run).
    chunks: list[list] = [["math", text[:cuts[0][0]]]]
    end = cuts[0][0]
    for a, b, _ in cuts:
        between = text[end:a]
        if chunks[-1][0] == "run" and not between.strip():
            chunks[-1][1] += between + text[a:b]
        else:
            if chunks[-1][0] == "run":
                chunks.append(["math", between])
            chunks.append(["run", text[a:b]])
        end = b
    chunks.append(["math", text[end:]])
    groups: list[list] = []  # [text, removed]
    first = chunks[0][1]
    if first.strip():
        groups.append([first, ()])
    k, condition = 1, False
    while k < len(chunks):
        run, nxt = chunks[k][1], chunks[k + 1][1] if k + 1 < len(chunks) else ""
        k += 2
        if condition and groups and _after_condition(run, nxt):
            # "A = B \quad \text{when } w_{21} = 0, \quad \frac{\partial g_1}{\partial x_2} = w_{21}": a derivative
            # set apart by spacing alone is no part of a value condition: a claim of its own, the condition staying
            # on the claim before
            condition = False
            groups.append([nxt, ()])
            continue
        if condition and groups:
            # "… \text{when } w_{21} = 0 \text{ or } x_1 = 5": a condition goes on to its end; "or"/"and" after it
            # joins parts of the condition, never a claim or a value of its own (what is not read makes the whole
            # display unreadable)
            groups[-1][0] += f" {run} {nxt}"
            continue
        condition = bool(groups) and _conditions(run) and bool(nxt.strip())
        if "//" in run:
            rest = run[run.index("//"):] + nxt + "".join(c for _, c in chunks[k:])
            if groups and _in_words(rest[2:]):
                groups[-1][0] += " " + run[:run.index("//")]
                groups[-1][1] += (" ".join(rest.split()),)  # a // comment in words, after the formula
                break
        if not groups or (_starts_claim(nxt, groups[-1][0]) and not _conditions(run)):
            if nxt.strip():
                groups.append([nxt, ()])  # a new claim (the connective between claims is not part of either)
            continue
        if _opens_clause(run):
            # "A = B, \text{protože} b_k \text{závisí jen na} z_k": the clause is a sentence of its own (its
            # math is prose); it is put back on the claim below if it holds a relation (it might restrict it).
            groups.append([nxt, (), run])
            continue
        tagless, tags = _strip_tag("x = " + nxt) if nxt.strip() else ("", ())
        prose = bool(re.search(r"\\(text|textrm|mbox|textnormal|mathrm)", run))
        if tags and tagless.strip() == "x =":
            groups[-1][1] += tags  # "\quad (0.1)": an equation number
            if prose:
                groups[-1][0] += " " + run
        elif nxt.strip() or prose:
            groups[-1][0] += f" {run} {nxt}"  # stays attached: read as a condition, or unreadable
    groups = _rejoin_clauses(groups)
    out = []
    for g_text, removed in groups:
        g_text, tags = _strip_tag(g_text)
        g_text = trim(" ".join(g_text.split()))
        if g_text:
            out.append((g_text, removed + tags))
    return out or [(" ".join(text.split()), ())]


#: Words that make what follows them a condition on the claim before (``\\quad \\text{when } w_{21} = 0``), never a
#: claim of its own.
_CONDITION_WORDS = re.compile(r"\s*,?\s*(?:when|whenever|if|for|provided(?: that)?|pro|když|pokud|если|при|для|dla|gdy|"
                              r"jeśli|jeżeli)\s*", re.I)


def _conditions(run: str) -> bool:
    """Does the run of connectives end with a condition word (``\\quad \\text{when }``)?"""
    words = [m.group("words") for m in _CONNECTIVE.finditer(run)]
    return bool(words) and words[-1] is not None and _CONDITION_WORDS.fullmatch(words[-1]) is not None


def _after_condition(run: str, nxt: str) -> bool:
    """After a condition, is ``nxt`` a claim of its own? Only when spacing alone (``\\quad``, no words) sets it
    apart and it is an equation with a derivative or a gradient, which no condition (a value given to an input or
    a parameter, a range of an index) is; ``x_1 = 5`` there may be a second part of the condition."""
    return (all(m.group("words") is None and not m.group(0).startswith("//") for m in _CONNECTIVE.finditer(run))
            and _starts_claim(nxt) and KNOWN_SIDE.search(nxt) is not None)


def _opens_clause(run: str) -> bool:
    return any(opens_clause(m.group("words")) for m in _CONNECTIVE.finditer(run) if m.group("words") is not None)


def _rejoin_clauses(groups: list) -> list:
    """Clauses split off after a claim (``\\text{because} …``) that hold a relation go back on the claim."""
    out: list = []
    for g in groups:
        if len(g) == 3:
            text, removed, run = g
            if out and (_RELATION.search(text) or NOT_EQUATION.search(text) or _operator_tail(text)):
                out[-1] = [f"{out[-1][0]} {run} {text}", out[-1][1] + removed]
                continue
            g = [text, removed]
        out.append(g)
    return out


def _operator_tail(text: str) -> bool:
    """A clause that starts or ends with a binary operator (``\\times 2``, ``+ 2\\delta^L``) continues the
    formula's math: it stays on the claim (which it makes unreadable), never filed as prose."""
    bare = _strip_text(text).strip()
    return starts_with_operator(bare) or bool(_BINARY_BEFORE.search(bare))


def _in_words(comment: str) -> bool:
    """Is the text after ``//`` a comment in words (``// see chapter 2``), not math (``// + \\delta^l_j``)?"""
    bare = _strip_text(comment)
    return bool(re.search(r"[A-Za-z]{2}", comment)) and not re.search(r"[\\^_{}+*/=<>|]", bare)


def _starts_claim(chunk: str, before: str = "") -> bool:
    """A complete claim (an equation that is not a condition on an index of the claim ``before`` it) starts this
    chunk."""
    c = chunk.strip()
    return bool(c) and bool(_RELATION.search(c)) and not _index_condition(c, before) and not starts_with_relation(c)


#: What an index is set to in a condition: a number or a letter (l = L, k = 1, j = n_l, l = L - 1), then the end, a
#: comma or a range; ``s = V h``, ``p = \operatorname{softmax}(u)`` (review 20) define a quantity, never an index.
_INDEX_VALUE = re.compile(r"\s*[-+]?\s*(?:\d+|[A-Za-z](?:_\{?\w+\}?)?)(?:\s*[-+]\s*\d+)?\s*(?:$|[,;.]|\\[lc]?dots"
                          r"|\\ldots|\\q?quad(?![A-Za-z])|\\text)")


def _index_condition(chunk: str, before: str = "") -> bool:
    """Does ``chunk`` start with a condition on an index (``l = 2, \\dots, L``, ``j \\le n``, or any ``j = …`` where
    j is an index of the claim ``before`` it), not a definition of a quantity named by an index letter (``s = V h``)?
    A condition in brackets (``\\quad (j = k)``) is one too (review 31 F1: it was cut off as a claim of its own, and
    the claim before it refuted for every j and k)."""
    inner = re.fullmatch(r"\s*(?:\\left)?\(\s*(.*?)\s*(?:\\right)?\)\s*[,;.]?\s*", chunk)
    if inner is not None and "(" not in inner.group(1) and _index_condition(inner.group(1), before):
        return True
    m = _CONDITION.match(chunk)
    if m is None or m.group(2) != "=" or _INDEX_VALUE.match(chunk, m.end()) is not None:
        return m is not None
    letter = chunk.lstrip(" ,;")[0]
    return re.search(rf"[_^]\s*\{{?[^{{}}=]*(?<![A-Za-z\\]){letter}(?![A-Za-z])", before) is not None


def _strip_text(s: str) -> str:
    return re.sub(r"\\(text|textrm|mbox)\s*\{[^{}]*\}", " ", s)


def _strip_tag(text: str) -> tuple[str, tuple]:
    """An equation number at the end, like ', (0.1)' or '(\\text{BP1})', taken off and returned."""
    offset = max(0, len(text) - 120)  # tags are short: look at the end only (and stay linear)
    for m in re.finditer(r"(\\q?quad\s*)?" + _TAG.pattern + r"$", text[offset:]):
        start = offset + m.start()
        if start > 0 and _RELATION.search(text[:start]) and not _operand(text[:start], m.group(0)):
            return trim(text[:start]), (" ".join(m.group(0).split()),)
    return text, ()


#: Text before a parenthesised group that makes the group an operand, never an equation number: a binary
#: operator (``\cdot (2)``), or, with nothing between, a letter, prime, brace or bracket (``\sigma'(2g)``, ``y(2)``).
_BINARY_BEFORE = re.compile(r"(\\(?:cdot|times|odot|otimes|oplus|circ|ast|div|pm|mp|bullet)|[-+*/⊙×·])\s*$")
_ADJACENT_BEFORE = re.compile(r"[A-Za-z0-9'}\])|]$")


def _operand(before: str, tag: str) -> bool:
    """Is the group ``tag`` after ``before`` math (a factor or an argument) rather than an equation number?

    >>> _operand(r"b = \\delta \\cdot ", "(2)"), _operand(r"h = \\sigma", "(2g)"), _operand("b = a ", "(2)")
    (True, True, False)
    """
    if not tag.lstrip().startswith("(") and not tag.startswith(("\\quad", "\\qquad")):
        return False  # \text{BP1}: a label in words
    if _BINARY_BEFORE.search(before):
        return True
    if re.search(r"\\[A-Za-z]+\s*$", before) and tag.lstrip().startswith("("):
        return True  # \sigma (2g): a control word's argument (TeX eats the space after it)
    return tag.startswith("(") and bool(_ADJACENT_BEFORE.search(before))


#: A composition written as a definition, the setting of a chain rule: f(x) = f(g(x)), f(x) = f\left(\sum g_i(x)\right).
_COMPOSITION = re.compile(r"\s*f\s*\(\s*x\s*\)\s*=\s*f\s*(\\left)?\s*\((?=.*\bg(_\{?[a-z]\}?)?\s*\(\s*x\s*\)).*\)\s*$")


#: ≠ (\\neq, \\ne, ≠): a statement symbp does not check; alone in a display it is reported, never filed as prose.
_UNEQUAL = re.compile(r"\\(?:neq|ne)(?![A-Za-z])|≠")
_INDEX_UNEQUAL = re.compile(r"\s*[ijklmpqst](_\{?\d\}?)?\s*(\\(?:neq|ne)(?![A-Za-z])|≠)\s*[A-Za-z0-9+\-\s]{1,8}")
UNEQUAL = "symbp checks equations only; ≠ is not checked"


def unequal(piece: str) -> bool:
    r"""Is ``piece`` a statement with ≠ and no equation, other than a condition on an index (``j \neq k``)?

    >>> unequal(r"\delta^L \neq \nabla_a C"), unequal(r"j \neq k"), unequal(r"a^l = b^l")
    (True, False, False)
    """
    return (bool(_UNEQUAL.search(piece)) and not _RELATION.search(piece)
            and not _INDEX_UNEQUAL.fullmatch(piece))


def classify(piece: str) -> tuple[str, str]:
    """The bucket of one piece ('claim', 'definition', 'prose') and why it is not judged ('' for a claim)."""
    text = piece.strip()
    if _COMPOSITION.match(text):
        return "definition", "f written as a function of x through g: the composition a chain rule speaks of"
    if DECLARATION.fullmatch(text):
        return "definition", "a declaration of what the quantity depends on, not a claim"
    if UPDATE_RULE.match(text) or PARAMETER_STEP.match(text):
        return "claim", ""  # w \to w - \eta \nabla C, W := W - \eta …: an update rule, checked
    if _DEFINITION.search(text) or (re.search(r"\\equiv(?![A-Za-z])", text) and not re.search(
            r"(?<![<>!:=])=(?![:=])", text)):
        return "definition", "a definition (:=, =:, ≡), not a claim"
    if reads(text):  # ΔC ≈ X Δz_i, checked as ∂C/∂z_i = X; ∂C/∂w_j ≈ (C(w + εe_j) − C(w))/ε (``firstorder``)
        return "claim", ""
    if other_cost(text):
        return "prose", (f"math in prose: ΔC ≈ ∂{other_cost(text)}/∂q Δq writes the cost {other_cost(text)} beside "
                         f"ΔC, the notes' sign that {other_cost(text)} is their cost C: not judged by its own evidence")
    if not _RELATION.search(text):
        what = "a statement that is not an equation" if NOT_EQUATION.search(text) else "no equation"
        return "prose", f"math in prose: {what}"
    if _CONDITION.match(text) and (_RANGE.search(text) or re.fullmatch(
            r"\s*[ijklmpqst](_\{?\d\}?)?\s*=\s*[A-Za-z0-9+\-\s]{1,8}", text)):
        return "definition", "a range or condition on an index, not a claim"
    return "claim", ""
