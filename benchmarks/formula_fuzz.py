r"""Random LaTeX through the reader, ``verify`` and the CLI (issue 7, fuzzing).

Three kinds of input: well-formed formulas over a notation's quantities
(layer expressions, indices, transposes, ⊙, fractions of partials, sums,
powers), token soup (LaTeX tokens of the notes in random order), and raw
garbage (any unicode, control characters, decoded random bytes).

Invariants checked for each input:

* ``read`` returns or raises ``ReadError`` (a ``SymbpError``): nothing else;
* ``verify`` returns a result whose status is one of the five, within its
  budget plus a margin, and never raises;
* ``symbp verify TEXT`` exits 0, 1, 2 or 3 (argparse's own usage error is 2).

    python benchmarks/formula_fuzz.py --examples 10000
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from collections import Counter

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from hypothesis import strategies as st

from symbp.errors import SymbpError

PROFILES = ("nielsen", "sokolinsky", "dyda")
STATUSES = ("holds", "conditional", "refuted", "undecided", "unreadable", "uninterpretable")

# -- well-formed formulas ----------------------------------------------------------------

_LAYER = st.sampled_from(["l", "l+1", "l-1", "L", "L-1", "2", "3"])
_INDEX = st.sampled_from(["j", "k", "i"])


def _layer_script(draw, brackets: tuple[str, str]) -> str:
    return "{" + brackets[0] + draw(_LAYER) + brackets[1] + "}"


@st.composite
def atoms(draw, brackets=("", "")):
    """One quantity of the notes: w, δ, a, z, b, σ'(z), ∇_a C, Σ'(z), y, x, partials, numbers."""
    lay = lambda: _layer_script(draw, brackets)  # noqa: E731
    idx = lambda: draw(_INDEX)  # noqa: E731
    choice = draw(st.integers(0, 13))
    if choice == 0:
        return f"w^{lay()}" + (f"_{{{idx()}{idx()}}}" if draw(st.booleans()) else "")
    if choice == 1:
        return rf"\delta^{lay()}" + (f"_{idx()}" if draw(st.booleans()) else "")
    if choice == 2:
        return f"a^{lay()}" + (f"_{idx()}" if draw(st.booleans()) else "")
    if choice == 3:
        return f"z^{lay()}" + (f"_{idx()}" if draw(st.booleans()) else "")
    if choice == 4:
        return f"b^{lay()}" + (f"_{idx()}" if draw(st.booleans()) else "")
    if choice == 5:
        return rf"\sigma'(z^{lay()})"
    if choice == 6:
        return r"\nabla_a C"
    if choice == 7:
        return rf"\Sigma'(z^{lay()})"
    if choice == 8:
        return draw(st.sampled_from(["y", f"y_{idx()}", f"x_{idx()}", "x"]))
    if choice == 9:
        return rf"\frac{{\partial C}}{{\partial w^{lay()}_{{{idx()}{idx()}}}}}"
    if choice == 10:
        return rf"\frac{{\partial C}}{{\partial b^{lay()}_{idx()}}}"
    if choice == 11:
        return rf"(w^{lay()})^T"
    if choice == 12:
        return rf"\frac{{\partial C}}{{\partial a^{lay()}_{idx()}}}"
    return draw(st.sampled_from(["2", r"\frac{1}{2}", "1", "0"]))


@st.composite
def expressions(draw, depth: int = 3, brackets=("", ""), max_power: int = 9):
    if depth == 0 or draw(st.integers(0, 2)) == 0:
        return draw(atoms(brackets))
    a = draw(expressions(depth - 1, brackets, max_power))
    b = draw(expressions(depth - 1, brackets, max_power))
    op = draw(st.sampled_from([" + ", " - ", " ", r" \odot ", r" \cdot "]))
    out = f"{a}{op}{b}"
    wrap = draw(st.integers(0, 5))
    if wrap == 0:
        out = f"({out})"
    elif wrap == 1:
        out = f"-{out}"
    elif wrap == 2:
        out = rf"\left({out}\right)^T"
    elif wrap == 3:
        out = rf"\sum_{{{draw(_INDEX)}}} {out}"
    elif wrap == 4:
        out = f"({out})^{{{draw(st.integers(0, max_power))}}}"
    return out


@st.composite
def well_formed(draw, max_power: int = 9):
    """(formula, profile) over a notation's quantities."""
    name = draw(st.sampled_from(PROFILES))
    brackets = {"nielsen": ("", ""), "sokolinsky": ("(", ")"), "dyda": ("[", "]")}[name]
    sides = draw(st.lists(expressions(3, brackets, max_power), min_size=2, max_size=3))
    return " = ".join(sides), name


# -- garbage --------------------------------------------------------------------------------

_TOKENS = ["\\frac", "\\partial", "\\delta", "\\sigma", "'", "\\odot", "\\nabla", "\\Sigma", "\\sum", "\\left(",
           "\\right)", "\\cdots", "^", "_", "{", "}", "(", ")", "[", "]", "=", "+", "-", "T", "w", "a", "z", "b", "l", "L",
           "j", "k", "1", "2", "\\", "$", "&", "\\\\", "\\text{", "\\mathbf", "\\quad", "%", "#", "~", "δ", "∂", "⊙", "σ"]


@st.composite
def token_soup(draw):
    return "".join(draw(st.lists(st.sampled_from(_TOKENS), max_size=60))), draw(st.sampled_from(PROFILES))


@st.composite
def garbage(draw):
    kind = draw(st.integers(0, 2))
    if kind == 0:
        text = draw(st.text(max_size=200))
    elif kind == 1:
        text = draw(st.binary(max_size=200)).decode("utf-8", errors="replace")
    else:
        text = draw(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x7F), max_size=300))
    return text, draw(st.sampled_from(PROFILES))


def any_input(max_power: int = 9):
    return st.one_of(well_formed(max_power), token_soup(), garbage())


# -- the invariants ----------------------------------------------------------------------------


class Tally(Counter):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.slowest = 0.0


def verify_status(text: str, notation: str, budget: float) -> str:
    """verify's status (module level: runs in the sandbox's worker)."""
    from symbp.verify import verify

    return verify(text, notation, budget=budget).status


def cli_exit(text: str, notation: str, budget: float) -> tuple:
    """``symbp verify`` in-process: (exit code, stderr); argparse's usage errors give their code."""
    from symbp.cli import main as cli_main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(["verify", "--notation", notation, "--budget", str(budget), "--", text])
    except SystemExit as exc:
        code = exc.code
    return code, err.getvalue()


def check(text: str, notation: str, tally: Tally, *, sandbox, budget: float = 5.0, margin: float = 5.0, cli: bool = True) -> None:
    """Reader, verify and CLI on one input; problems are recorded, never raised.

    verify and the CLI run in ``sandbox`` (a ``symbp.testing.sandbox.Sandbox``) with a
    hard limit of budget + margin, so an input that runs past its budget is
    recorded as a problem and the run continues.
    """
    from symbp.verify.reader import read

    shown = repr(text[:120])
    try:
        read(text, notation)
        tally["read ok"] += 1
    except SymbpError:
        tally["read error"] += 1
    except Exception as exc:  # noqa: BLE001 - this is what the fuzzing looks for
        tally.problems.append(f"read raised {type(exc).__name__}: {exc} on {shown}")
    out = sandbox.run(verify_status, text, notation, budget, timeout=budget + margin)
    tally.slowest = max(tally.slowest, out.seconds)
    if out.status == "timeout":
        tally.problems.append(f"verify ran past its budget of {budget} s (stopped at {budget + margin:g} s) on {shown}")
        tally["verify past budget"] += 1
        return
    if not out.ok:
        tally.problems.append(f"verify failed ({out.status}): {out.reason.splitlines()[0]} on {shown}")
        return
    if out.value not in STATUSES:
        tally.problems.append(f"verify status {out.value!r} on {shown}")
    tally[f"verify {out.value}"] += 1
    if not cli:
        return
    out = sandbox.run(cli_exit, text, notation, budget, timeout=budget + margin)
    if not out.ok:
        tally.problems.append(f"CLI {out.status}: {out.reason.splitlines()[0]} on {shown}")
        return
    code, err = out.value
    tally[f"exit {code}"] += 1
    if code not in (0, 1, 2, 3):
        tally.problems.append(f"CLI exit code {code!r} on {shown}")
    if "Traceback" in err:
        tally.problems.append(f"CLI printed a traceback on {shown}")


def run(examples: int, *, cli: bool = True, seed: int = 0) -> Tally:
    from hypothesis import HealthCheck, given, settings

    from symbp.testing.sandbox import Sandbox

    tally = Tally()
    start = time.perf_counter()
    with Sandbox(timeout=10, memory_mb=2048) as box:

        @settings(max_examples=examples, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
        @given(any_input())
        def one(case):
            text, notation = case
            tally["inputs"] += 1
            check(text, notation, tally, sandbox=box, cli=cli)
            if tally["inputs"] % 1000 == 0:
                print(f"  ... {tally['inputs']} inputs in {time.perf_counter() - start:.0f} s, problems {len(tally.problems)}",
                      flush=True)

        one()
    return tally


def main_text(examples: int) -> str:
    start = time.perf_counter()
    t = run(examples)
    seconds = time.perf_counter() - start
    lines = [f"formulas: {t['inputs']} random inputs in {seconds:.1f} s ({1000 * seconds / max(t['inputs'], 1):.1f} ms each), "
             f"slowest verify {t.slowest:.2f} s"]
    for key in sorted(k for k in t if k != "inputs"):
        lines.append(f"  {key:40} {t[key]}")
    lines.append(f"  problems: {len(t.problems)}")
    lines += [f"    {p}" for p in t.problems[:30]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description="fuzz the reader, verify and the CLI")
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    text = main_text(args.examples)
    print(text)
    sys.exit(1 if "problems: 0" not in text else 0)
