r"""Environments symbp does not read, found by what is in them: ``\begin{myeq} a = b \end{myeq}`` is reported.

The scanner reads the math environments it knows (``equation``, ``align``, …)
and reports a fixed list of display environments it does not read
(``numcases``, ``mathpar``, …). Every other ``\begin{NAME}`` … ``\end{NAME}``
is looked at here: when its body holds math that no segment covers (a
relation, ``^``, ``_``, ``\frac``, a Greek letter, … outside every ``$…$``,
``\[…\]`` and known environment, outside comments and code), it is an
environment symbp cannot read, and the scanner reports it as unreadable
rather than dropping it. Text environments (``itemize``, ``theorem``,
``proof``, ``figure``, ``tikzpicture``, …) are never reported: their math is
inline math, found on its own. A theorem-like environment of the notes' own
(``\newtheorem{thm}{Theorem}``) is not reported either as long as its math is
all inside ``$…$``: its prose has no math of its own. The arguments environments take after their name
(``\begin{alignat}{2}``) are found here too (``environment_arguments``).

>>> unread_environments(r"\begin{myeq} a = b \end{myeq}", [(0, 12, "begin", "myeq"), (19, 29, "end", "myeq")], [])
[(0, 12, 19, 'myeq', True)]
>>> unread_environments(r"\begin{thm} Let $a = b$. \end{thm}", [(0, 11, "begin", "thm"), (25, 34, "end", "thm")],
...                     [(16, 23)])
[]
"""

from __future__ import annotations

import bisect
import re

#: Environments whose body is prose (its math is inline math, found on its own), a picture, a table, a listing
#: of steps or code: never reported. With and without a star.
TEXT_ENVIRONMENTS = frozenset(f"{name}{star}" for star in ("", "*") for name in (
    "document", "abstract", "proof", "theorem", "lemma", "corollary", "proposition", "definition", "remark",
    "example", "examples", "exercise", "exercises", "note", "claim", "conjecture", "fact", "observation",
    "notation", "assumption", "assumptions", "problem", "solution", "answer", "question", "questions", "hint",
    "summary", "parts", "itemize", "enumerate", "description", "list", "compactitem", "compactenum", "quote",
    "quotation", "verse", "center", "flushleft", "flushright", "figure", "table", "subfigure", "subtable",
    "wrapfigure", "wraptable", "tabular", "tabularx", "tabulary", "longtable", "tabu", "minipage", "multicols",
    "frame", "block", "alertblock", "exampleblock", "columns", "column", "onlyenv", "overprint", "titlepage",
    "thebibliography", "appendix", "appendices", "sloppypar", "tiny", "scriptsize", "footnotesize", "small",
    "normalsize", "large", "Large", "LARGE", "huge", "Huge", "tikzpicture", "pgfpicture", "scope", "axis",
    "semilogxaxis", "semilogyaxis", "loglogaxis", "groupplot", "algorithm", "algorithmic", "framed", "mdframed",
    "tcolorbox", "shaded", "leftbar", "adjustbox", "landscape", "spacing", "singlespace", "onehalfspace",
    "doublespace", "letter", "keywords", "acknowledgments", "acknowledgements", "otherlanguage", "CJK",
    "python", "pycode", "pyblock", "sageblock", "sagesilent", "tcblisting",  # code: its = and _ are not math
))

#: The arguments each environment takes after its name: ``[`` an optional one, ``{`` a mandatory one. They are
#: never part of the math (``\begin{alignat}{2}``: 2 is the number of column pairs, not a factor).
ENVIRONMENT_ARGUMENTS = {
    **{name: "{" for name in ("alignat", "alignat*", "xalignat", "xalignat*", "xxalignat")},
    "alignedat": "[{", "aligned": "[", "gathered": "[", "lgathered": "[", "rgathered": "[", "split": "",
    "IEEEeqnarray": "[{", "IEEEeqnarray*": "[{", "IEEEeqnarraybox": "[{", "darray": "{[", "darray*": "{[",
    "dmath": "[", "dmath*": "[", "dseries": "[", "dseries*": "[", "dgroup": "[", "dgroup*": "[",
    "empheq": "[{", "array": "[{", "subarray": "{", "numcases": "{", "subnumcases": "{", "multlined": "[[",
}
#: Commands whose arguments are names, references, files or settings, never math (``\label{eq:bp_1}``).
_NAMES = re.compile(r"\\(?:label|ref|eqref|cref|Cref|autoref|pageref|nameref|cite[A-Za-z]*|url|href|includegraphics|"
                    r"input|include|index|hyperlink|hypertarget|hyperref|lstinputlisting|inputminted|usepackage|"
                    r"bibliography|bibliographystyle|setlength|setcounter|addtocounter|hspace|vspace|color|"
                    r"textcolor|colorbox|newtheorem|newcommand|renewcommand|caption|title|author|date)"
                    r"(?![A-Za-z])\*?\s*(?:\[[^\]\n]*\]\s*)*(?:\{(?:[^{}]|\{[^{}]*\})*\}\s*)*")
#: A command's optional argument (``\item[(a)]``, ``\node[draw=red]``), except after delimiters and ``\sqrt``.
_OPTION = re.compile(r"\\(?!(?:left|right|[bB]igg?[lrm]?|sqrt)(?![A-Za-z]))[A-Za-z]+\*?\s*\[[^\]\n]*\]")
#: An escaped character, an accent or a spacing command (``\_``, ``\^o``, ``\=a``, ``\\``, ``\,``).
_ESCAPE = re.compile(r"\\[^A-Za-z]")
#: What only math has: a relation, a script, a math command.
_MATH = re.compile(
    r"[=<>^_]|\\(?:frac|dfrac|tfrac|sum|prod|int|oint|partial|nabla|sqrt|cdot|cdots|times|odot|otimes|oplus|circ|"
    r"leq?|geq?|neq?|approx|equiv|sim|simeq|propto|to|mapsto|rightarrow|leftarrow|Rightarrow|Leftrightarrow|"
    r"implies|iff|in|notin|subset|subseteq|cup|cap|infty|mathbf|mathrm|mathcal|mathbb|mathit|boldsymbol|bm|"
    r"operatorname|left|right|hat|tilde|bar|vec|overline|log|exp|ln|sin|cos|tanh|max|min|arg|lim|det|"
    r"alpha|beta|gamma|Gamma|delta|Delta|epsilon|varepsilon|zeta|eta|theta|Theta|vartheta|iota|kappa|lambda|"
    r"Lambda|mu|nu|xi|Xi|pi|Pi|rho|varrho|sigma|Sigma|tau|upsilon|phi|Phi|varphi|chi|psi|Psi|omega|Omega)"
    r"(?![A-Za-z])")


def environment_arguments(name: str, text: str, pos: int) -> tuple[int, list[str]]:
    r"""Where the arguments of the environment ``name`` opened just before ``pos`` end, and the arguments.

    >>> environment_arguments("alignat", r"\begin{alignat}{2} a &= b", 15)
    (18, ['2'])
    >>> environment_arguments("empheq", r"\begin{empheq}[box={\fbox}]{align} a", 14)
    (34, ['box={\\fbox}', 'align'])
    >>> environment_arguments("equation", "[a, b] = c", 0)
    (0, [])
    """
    found: list[str] = []
    for opener in ENVIRONMENT_ARGUMENTS.get(name, ""):
        closer = "]" if opener == "[" else "}"
        j = pos
        while j < len(text) and text[j] in " \t\n" and text.count("\n", pos, j + 1) < 2:
            j += 1
        if j >= len(text) or text[j] != opener:
            if opener == "{":
                break  # a mandatory argument missing: nothing more is an argument
            continue
        depth, k = 0, j + 1
        while k < len(text) and k - j < 500:
            c = text[k]
            if c == "\\":
                k += 2
                continue
            if c == "{":
                depth += 1
            elif c == "}" and depth:
                depth -= 1
            elif c == closer and depth == 0:
                break
            k += 1
        if k >= len(text) or text[k] != closer:
            break
        found.append(text[j + 1:k])
        pos = k + 1
    return pos, found


def unread_environments(text: str, environments: list[tuple], covered: list[tuple[int, int]]) -> list[tuple]:
    r"""The environments of ``text`` to report: ``(begin, after the \begin{…}, end, name, closed)`` each, ``end``
    where its ``\end{…}`` starts (for one never closed, where the paragraph ends).

    ``environments`` are the ``(position, end, 'begin' or 'end', name)`` of every ``\begin{NAME}`` and
    ``\end{NAME}`` the scanner met outside comments and code and did not read; ``covered`` the spans already
    read (segments) or not rendered (comments, code). An environment is reported when what is left of its body
    after those spans, its own arguments and the environments inside it already reported has math in it. An
    environment never closed is looked at up to the next blank line.
    """
    spans = _union(covered)
    pairs: list[tuple] = []
    stack: list[tuple] = []
    for pos, end, what, name in environments:
        if _inside(spans, pos):
            continue  # in a formula (\begin{cases} in $$ … $$): part of it
        if what == "begin":
            stack.append((pos, end, name))
            continue
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][2] == name), None)
        if depth is None:
            continue  # an \end without its \begin: nothing to read
        for begin, begin_end, opened in stack[depth + 1:]:
            pairs.append((begin, begin_end, _paragraph_end(text, begin_end), opened, False))
        begin, begin_end, _ = stack[depth]
        pairs.append((begin, begin_end, pos, name, True))
        del stack[depth:]
    pairs += [(begin, begin_end, _paragraph_end(text, begin_end), opened, False) for begin, begin_end, opened in stack]
    pairs.sort(key=lambda p: (p[2], -p[0]))  # the inner ones first
    reported: list[tuple] = []
    taken: list[tuple[int, int]] = []  # the spans of those reported, in order
    for begin, begin_end, end, name, closed in pairs:
        if name in TEXT_ENVIRONMENTS:
            continue
        start = _skip_arguments(text, begin_end)
        inner = [s for s in taken[bisect.bisect_left(taken, (begin, -1)):bisect.bisect_left(taken, (end, -1))]
                 if s[1] <= end]
        cover = spans
        if inner:  # the spans in this body, and the environments in it already reported
            first = max(bisect.bisect_right(spans, (start, float("inf"))) - 1, 0)
            cover = _union(spans[first:bisect.bisect_left(spans, (end, -1))] + inner)
        body = _left_over(text, start, end, cover)
        if _MATH.search(_ESCAPE.sub(" ", _OPTION.sub(" ", _NAMES.sub(" ", body)))):
            reported.append((begin, begin_end, end, name, closed))
            bisect.insort(taken, (begin, end))
    return sorted(reported)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _left_over(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the (disjoint, sorted) ``spans``."""
    pieces, at = [], start
    k = max(bisect.bisect_right(spans, (start, float("inf"))) - 1, 0)
    for a, b in spans[k:]:
        if a >= end:
            break
        if b <= at:
            continue
        pieces.append(text[at:max(a, at)])
        at = max(at, b)
    pieces.append(text[at:end] if at < end else "")
    return " ".join(pieces)


def _skip_arguments(text: str, pos: int) -> int:
    r"""Where the arguments right after ``\begin{NAME}`` end (``[Chain rule]``, ``{0.5\textwidth}``, ``[title=…]``)."""
    while True:
        j = pos
        while j < len(text) and text[j] in " \t":
            j += 1
        if j >= len(text) or text[j] not in "[{":
            return pos
        closer, depth, k = "]" if text[j] == "[" else "}", 0, j + 1
        while k < len(text) and k - j < 500:
            c = text[k]
            if c == "\\":
                k += 2
                continue
            if c == closer and depth == 0:
                break
            if c == "{":
                depth += 1
            elif c == "}" and depth:
                depth -= 1
            k += 1
        if k >= len(text) or k - j >= 500 or text[k] != closer:
            return pos
        pos = k + 1


def _paragraph_end(text: str, pos: int) -> int:
    m = re.compile(r"\n[ \t\r]*\n").search(text, pos)
    return len(text) if m is None else m.start()
