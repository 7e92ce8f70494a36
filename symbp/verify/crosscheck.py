r"""A second reading of scalar formulas by latex2sympy2 (``symbp verify --cross-check latex2sympy2``).

For a scalar formula (σ'(z) = σ(z)(1 − σ(z)), tanh'(z) = 1 − tanh²(z),
∂/∂a ½(a − y)² = a − y) each side is read twice: by symbp's reader and by
latex2sympy2 (an optional extra: ``pip install symbp[latex2sympy2]``; its
1.9.1 needs ``antlr4-python3-runtime==4.7.2``). latex2sympy2 solves an
equation instead of reading it, so the sides are given to it one at a time.
Both readings become SymPy expressions under the same activation (its
``\sigma(z)`` mapped to symbp's σ) and are compared side by side, exactly
(the difference written through t = e^z must cancel to 0).

The result is advice only: agreement is reported, a disagreement is shown
with both readings, and neither ever changes symbp's verdict. Whatever
latex2sympy2 prints while parsing is captured and dropped, so it never
reaches ``--json``.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

import sympy

from .. import functions
from ..errors import SymbpError
from ..general.reduction import ReductionTimeout, deadline
from .lexer import ReadError
from .reader import read
from .scalar import SCALARS, _canonical_zero, is_scalar, sympy_sides

#: The second readers symbp can ask.
READERS = ("latex2sympy2",)


@dataclass(frozen=True)
class CrossCheck:
    """``status``: agrees | disagrees | not-read (latex2sympy2 failed) | not-applicable | not-installed."""

    reader: str
    status: str
    words: str
    theirs: tuple = ()  # their reading of each side, as text

    def to_dict(self) -> dict:
        return {"reader": self.reader, "status": self.status, "words": self.words, "theirs": list(self.theirs)}


def cross_check(formula: str, notation, activation: str = "generic", reader: str = "latex2sympy2",
                budget: float = 10.0) -> CrossCheck:
    """Compare symbp's reading of the scalar ``formula`` with ``reader``'s (see the module)."""
    if reader not in READERS:
        raise SymbpError(f"unknown cross-check reader {reader!r}; known: {', '.join(READERS)}")
    try:
        eq = read(formula, notation)
    except ReadError as exc:
        return CrossCheck(reader, "not-applicable", f"symbp does not read the formula: {exc}")
    if not is_scalar(eq):
        return CrossCheck(reader, "not-applicable", "only scalar formulas (σ, σ', tanh', ∂/∂a of a scalar cost) are "
                          "cross-checked: latex2sympy2 knows no layers, no ⊙ and no w^l_{jk}")
    parse = _latex2sympy2()
    if parse is None:
        return CrossCheck(reader, "not-installed", "latex2sympy2 is not installed (pip install symbp[latex2sympy2]; "
                          "it needs antlr4-python3-runtime==4.7.2)")
    ours = sympy_sides(eq, activation)
    texts = _side_texts(formula)
    if len(texts) != len(ours):
        return CrossCheck(reader, "not-read", "the formula's sides could not be given to latex2sympy2 one at a time")
    theirs = []
    for text in texts:
        try:
            theirs.append(_quietly(parse, text))
        except Exception as exc:  # noqa: BLE001  (any failure of the other reader is its not reading the side)
            return CrossCheck(reader, "not-read", f"latex2sympy2 does not read {text!r}: {_first_line(exc)}")
    mapped = [_ours_from_theirs(t, activation) for t in theirs]
    shown = tuple(sympy.sstr(t) for t in theirs)
    differ = []
    try:
        with deadline(budget):
            for k, (a, b) in enumerate(zip(ours, mapped), start=1):
                d = a - b
                if not (d == 0 or sympy.expand(d) == 0 or _canonical_zero(d)):
                    differ.append(k)
    except ReductionTimeout:
        return CrossCheck(reader, "not-read", f"comparing the two readings ran past {budget:g} s", shown)
    if differ:
        parts = [f"side {k}: symbp reads {sympy.sstr(ours[k - 1])}, latex2sympy2 reads {shown[k - 1]}" for k in differ]
        return CrossCheck(reader, "disagrees", "; ".join(parts), shown)
    return CrossCheck(reader, "agrees", "latex2sympy2 reads every side as symbp does", shown)


def _latex2sympy2():
    try:
        with _silenced():
            from latex2sympy2 import latex2sympy
    except Exception:  # noqa: BLE001  (missing, or broken by another antlr runtime: not installed for us)
        return None
    return latex2sympy


@contextlib.contextmanager
def _silenced():
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield


def _quietly(parse, text: str):
    with _silenced():
        return parse(text)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]


def _side_texts(formula: str) -> list[str]:
    """The sides of ``formula`` at its top-level '=' signs (braces and parentheses respected)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(formula):
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif c == "=" and depth == 0:
            out.append(formula[start:i].strip())
            start = i + 1
    out.append(formula[start:].strip())
    return out


def _ours_from_theirs(expr, activation: str):
    """Their symbols and their σ as symbp's: z, a, y by name; ``\\sigma(x)`` applied as our σ."""
    act = functions.activation(activation)
    names = {str(v): v for v in SCALARS.values()}
    expr = expr.xreplace({s: names[s.name] for s in expr.free_symbols if s.name in names})
    sigma = [f for f in expr.atoms(sympy.Function) if type(f).__name__ in ("\\sigma", "sigma")]
    for f in sigma:
        expr = expr.xreplace({f: act.expr(f.args[0])})
    return expr.doit() if expr.has(sympy.Derivative) else expr
