r"""A certificate's steps typeset the way a textbook writes a proof.

Each checked step is one line of an ``align*``, its justification short and
set to the right (``\tag*{(chain rule)}``). The lemmas an all-sizes proof
uses become numbered ``lemma`` environments (amsthm), each proved before the
theorem that uses it, once per document; a step that substitutes one says
"Lemma 2". What the machine did for each line (the instances, the ranges,
the check used) is not printed under the lines: it is collected in
``Checks`` and set as a table at the end of the document.

>>> from symbp.certificate import Step
>>> lemmas, checks = Lemmas(), Checks()
>>> tex = align([Step(r"\delta^{2}", r"x", "multivariable chain rule: C depends on z^l only through z^{l+1}",
...                   "expansion compared")], "nielsen", lemmas, checks, "BP2")
>>> r"\tag*{(chain rule)}" in tex, len(checks.blocks)
(True, 1)
"""

from __future__ import annotations

import re
from typing import Sequence

from ..notation import Notation, profile
from .typeset import math, text

#: Short justifications: a prover's words (a regular expression on the part before any ':') -> the tag.
_SHORT = (
    (r"multivariable chain rule", "chain rule"),
    (r"ground truth by differentiation vs\. the formula, layer (\d+)", r"differentiation, layer \1"),
    (r"ground truth by differentiation vs\. the formula", "differentiation"),
    (r"differentiate the definition of (\w+)", r"definition of \1"),
    (r"differentiate the definition.*", "differentiate the definition"),
    (r"collapse each Kronecker-delta sum.*", "Kronecker delta"),
    (r"algebra.*", "algebra"),
    (r"\$\(\\nabla_a C\)_k \\equiv.*", r"definition of $\\nabla_a C$"),
    (r"(definition of \$\\delta[^$]*\$).*", r"\1"),
    (r"base case.*", "base case"),
    (r"step l\+1 → l.*", "induction step"),
    (r"induction hypothesis.*", "induction hypothesis"),
    (r"unrolled at.*", "unrolled once"),
    (r"σ := (\w+).*", r"$\\sigma$ = \1"),
)
_MAX_TAG = 32  # characters of a tag past which it is cut at a comma or a parenthesis


class Lemmas:
    """The lemmas proved in one document, numbered in the order they are proved."""

    def __init__(self):
        self.numbers: dict[str, int] = {}

    def number(self, name: str) -> "int | None":
        return self.numbers.get(name)

    def add(self, name: str) -> int:
        self.numbers.setdefault(name, len(self.numbers) + 1)
        return self.numbers[name]

    def cite(self, words: str) -> str:
        """``words`` with every lemma's internal name replaced by 'Lemma n'."""
        for name in sorted(self.numbers, key=len, reverse=True):
            words = words.replace(name, f"Lemma {self.numbers[name]}")
        return words


class Checks:
    """What the machine did for each line, per proof, for the table at the end of the document."""

    def __init__(self):
        self.blocks: list[tuple[str, list[tuple[str, str, str]]]] = []

    def add(self, title: str, rows: list) -> None:
        if rows:
            self.blocks.append((title, rows))

    def section(self, heading: str, intro: str, notation) -> str:
        """The appendix: one small table per proof (line, justification in full, how it was checked)."""
        if not self.blocks:
            return ""
        out = [f"\\section*{{{heading}}}", intro]
        for title, rows in self.blocks:
            out.append(f"\\subsubsection*{{{text(title)}}}")
            body = " \\\\\n".join(f"{n} & {text(why, notation)} & {text(how, notation)}" for n, why, how in rows)
            out.append("{\\small\n\\begin{tabular}{@{}r@{\\quad}>{\\raggedright\\arraybackslash}p{0.36\\textwidth}"
                       "@{\\quad}>{\\raggedright\\arraybackslash}p{0.54\\textwidth}@{}}\n"
                       + body + "\n\\end{tabular}}")
        return "\n".join(out) + "\n"


def short_why(why: str, lemmas: Lemmas) -> str:
    r"""A short tag for a justification: 'chain rule', 'Lemma 2', 'definition of $\delta$'.

    >>> short_why("multivariable chain rule: C depends on b^l only through z^l", Lemmas())
    'chain rule'
    >>> lemmas = Lemmas(); _ = lemmas.add("lemma-dz-dz")
    >>> short_why("lemma-dz-dz (Sokolinsky, Lemma 2)", lemmas)
    'Lemma 1'
    """
    words = why.strip()
    for name, n in lemmas.numbers.items():
        if words.startswith(name) or words.endswith(f"({name})"):
            return f"Lemma {n}"
    for pattern, replacement in _SHORT:
        m = re.match(pattern, words, re.S)
        if m:
            return m.expand(replacement)
    words = lemmas.cite(words)
    head = words.split(": ")[0] if ": " in words and "$" not in words.split(": ")[0][-1:] else words
    if len(head) > _MAX_TAG:
        head = re.split(r",| \(|; ", head)[0]
    return head if len(head) <= _MAX_TAG else head[: _MAX_TAG - 1].rstrip() + "…"


def align(steps: Sequence, notation, lemmas: Lemmas, checks: Checks, title: str, *, justify=None) -> str:
    """The steps as an ``align*``, one line each with its short tag; the full words and checks go to ``checks``."""
    p = profile(notation)
    justify = justify or (lambda w: w)
    lines, rows, previous = [], [], None
    for n, step in enumerate(steps, start=1):
        lhs = "" if previous is not None and step.lhs.strip() == previous else math(step.lhs, p)
        why = justify(step.why)
        tag = text(short_why(why, lemmas), p)
        lines.append(rf"{lhs} &= {math(step.rhs, p)} \tag*{{({tag})}}")
        rows.append((str(n), lemmas.cite(why), lemmas.cite(_how(step.checked))))
        previous = step.rhs.strip()
    checks.add(title, rows)
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"


def _how(checked: str) -> str:
    # The prover's record of a check, in words a reader knows.
    if checked.strip() == "sympy.diff":
        return "the definition differentiated symbolically (SymPy, through the sums)"
    return checked or "as stated"


def split_lemmas(cert) -> tuple[list[tuple[str, list]], list]:
    """An all-sizes certificate's steps split into its lemmas' proofs (name, steps) and the main proof."""
    names = list((cert.details or {}).get("lemmas") or [])
    by_name: dict[str, list] = {}
    main = []
    for step in cert.steps:
        for name in names:
            if step.why.startswith(f"{name}: "):
                by_name.setdefault(name, []).append(type(step)(step.lhs, step.rhs, step.why[len(name) + 2:],
                                                               step.checked))
                break
        else:
            main.append(step)
    return [(n, by_name[n]) for n in names if n in by_name], main


def lemma_environments(cert, notation: Notation, lemmas: Lemmas, checks: Checks, *, justify=None) -> str:
    """The lemmas of ``cert`` not yet proved in this document, each as a numbered lemma with its proof."""
    from ..general.lemmas import LEMMAS

    out = []
    proofs, _ = split_lemmas(cert)
    for name, steps in proofs:
        if lemmas.number(name) is not None:
            continue
        n = lemmas.add(name)
        known = LEMMAS.get(name)
        statement = known.statement if known else f"{steps[0].lhs} = {steps[-1].rhs}"
        source = f"[{text(known.source)}]" if known and known.source else ""
        body = align(steps, notation, lemmas, checks, f"Lemma {n}", justify=justify)
        out.append(f"\\begin{{lemma}}{source}\\label{{lemma:{name}}}\n\\[ {math(statement, notation)} \\]\n"
                   f"\\end{{lemma}}\n\\begin{{proof}}\n{body}\n\\end{{proof}}")
    return "\n\n".join(out)
