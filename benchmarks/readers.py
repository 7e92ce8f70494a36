"""How many formulas of the test corpus each LaTeX reader reads, and reads with the right meaning.

    python benchmarks/readers.py [--python-latex2sympy2 PY] [--python-extended PY] [--python-sympy PY]

Readers: symbp's own, latex2sympy2 1.9.1 (it needs antlr4-python3-runtime 4.7.2),
latex2sympy2_extended (it needs a runtime >= 4.9.3, so never in the same
environment as latex2sympy2) and ``sympy.parsing.latex`` (lark backend). Each
foreign reader runs in a child process of the Python given (default: this
one); one that does not import there is reported as not installed.

The corpus: every formula of tests/data/verify_corpus.toml (seed formulas in
their notations, and their mutants), and scalar formulas of the activation and
the cost with their meaning built here from SymPy constructors.

* *read*: every side of the formula parses (the sides are given one at a time:
  latex2sympy2 solves an equation instead of reading it).
* *right meaning*: for a scalar formula, every side equals the expected SymPy
  expression (its σ mapped to the sigmoid, exactly). For a network formula,
  symbp's verdict is the expected one (holds for the seed's formula, refuted
  for a mutant); a foreign reader knows no notation, so only a necessary
  condition is counted: no layer superscript read as a power and no ⊙, Σ or
  prime dropped (an upper bound on what it gets right).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Scalar formulas and their meaning (sides), σ = sigmoid; built in ``_expected``.
SCALAR = [
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "sigmoid-prime"),
    (r"\sigma(z) = \frac{1}{1+e^{-z}}", "sigmoid"),
    (r"\tanh'(z) = 1 - \tanh^2(z)", "tanh-prime"),
    (r"\frac{\partial}{\partial a} \frac{1}{2}(a-y)^2 = a - y", "quadratic-da"),
    (r"\frac{d}{dz} \log(1 + e^{z}) = \sigma(z)", "softplus-prime"),
]
READERS = ("symbp", "latex2sympy2", "latex2sympy2_extended", "sympy.parsing.latex")


def _expected(name: str):
    import sympy

    z, a, y = (sympy.Symbol(n, real=True) for n in "zay")
    s = 1 / (1 + sympy.exp(-z))
    return {
        "sigmoid-prime": [sympy.diff(s, z), s * (1 - s)],
        "sigmoid": [s, 1 / (1 + sympy.exp(-z))],
        "tanh-prime": [sympy.diff(sympy.tanh(z), z), 1 - sympy.tanh(z) ** 2],
        "quadratic-da": [sympy.diff(sympy.Rational(1, 2) * (a - y) ** 2, a), a - y],
        "softplus-prime": [sympy.diff(sympy.log(1 + sympy.exp(z)), z), s],
    }[name]


def corpus() -> list[dict]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    data = tomllib.loads((ROOT / "tests" / "data" / "verify_corpus.toml").read_text(encoding="utf-8"))
    out = []
    for entry in data["correct"]:
        options = {k: entry[k] for k in ("cost", "one_hot", "activation") if k in entry}
        out.append({"formula": entry["formula"], "notation": entry["notation"], "expect": "holds", "options": options})
        for mutant, _ in entry["mutants"]:
            out.append({"formula": mutant, "notation": entry["notation"], "expect": "refuted", "options": options})
    for formula, name in SCALAR:
        out.append({"formula": formula, "scalar": name})
    return out


def sides(formula: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, c in enumerate(formula):
        depth += c in "{(["
        depth -= c in "})]"
        if c == "=" and depth == 0:
            out.append(formula[start:i].strip())
            start = i + 1
    return out + [formula[start:].strip()]


# -- one reader, in this process ------------------------------------------------------------


def _parser(name: str):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        if name == "latex2sympy2":
            from latex2sympy2 import latex2sympy
            return latex2sympy
        if name == "latex2sympy2_extended":
            from latex2sympy2_extended import latex2sympy
            return latex2sympy
        from sympy.parsing.latex import parse_latex
        return lambda text: parse_latex(text, backend="lark")


def _same(expr, want) -> bool:
    import sympy

    names = {"z": sympy.Symbol("z", real=True), "a": sympy.Symbol("a", real=True), "y": sympy.Symbol("y", real=True)}
    expr = expr.xreplace({s: names[s.name] for s in expr.free_symbols if s.name in names})
    s = 1 / (1 + sympy.exp(-names["z"]))
    expr = expr.replace(lambda e: isinstance(e, sympy.Function) and type(e).__name__ in ("\\sigma", "sigma"),
                        lambda e: s.subs(names["z"], e.args[0]))
    if expr.has(sympy.Derivative):
        expr = expr.doit()
    d = sympy.simplify(expr - want)
    return d == 0


def _network_meaning(exprs) -> bool:
    """Necessary only: no power with a letter as exponent (a layer read as a power), no symbol named odot."""
    import sympy

    for e in exprs:
        for p in e.atoms(sympy.Pow):
            if p.exp.free_symbols:
                return False
        if any(s.name in ("odot", "circ", "sum", "prime") for s in e.free_symbols):
            return False
    return True


def run_foreign(name: str, items: list[dict]) -> dict:
    try:
        parse = _parser(name)
    except Exception as exc:  # noqa: BLE001
        return {"installed": False, "why": f"{type(exc).__name__}: {str(exc).splitlines()[0][:100] if str(exc) else ''}"}
    read = right = 0
    start = time.perf_counter()
    for item in items:
        parsed = []
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                for side in sides(item["formula"]):
                    parsed.append(parse(side))
        except Exception:  # noqa: BLE001  (not reading a side is the measurement)
            continue
        read += 1
        if "scalar" in item:
            want = _expected(item["scalar"])
            right += len(want) == len(parsed) and all(_same(p, w) for p, w in zip(parsed, want))
        else:
            right += _network_meaning(parsed)
    return {"installed": True, "read": read, "right": right, "seconds": time.perf_counter() - start}


def run_symbp(items: list[dict]) -> dict:
    from symbp.verify import verify
    from symbp.verify.reader import ReadError, read
    from symbp.verify.scalar import sympy_sides

    read_count = right = 0
    start = time.perf_counter()
    for item in items:
        notation = item.get("notation", "nielsen")
        try:
            eq = read(item["formula"], notation)
        except ReadError:
            continue
        read_count += 1
        if "scalar" in item:
            ours = sympy_sides(eq, "sigmoid")
            want = _expected(item["scalar"])
            right += len(ours) == len(want) and all(_same(o, w) for o, w in zip(ours, want))
        else:
            v = verify(item["formula"], notation, diagnose=False, **item["options"])
            right += v.status == item["expect"]
    return {"installed": True, "read": read_count, "right": right, "seconds": time.perf_counter() - start}


# -- the table --------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", choices=READERS[1:], help=argparse.SUPPRESS)
    for name in READERS[1:]:
        ap.add_argument(f"--python-{name.split('.')[0].replace('_', '-')}", default=sys.executable,
                        help=f"the Python that has {name} installed (default: this one)")
    args = ap.parse_args()
    items = corpus()
    if args.child:
        print(json.dumps(run_foreign(args.child, items)))
        return
    results = {"symbp": run_symbp(items)}
    for name in READERS[1:]:
        python = getattr(args, f"python_{name.split('.')[0]}")
        out = subprocess.run([python, __file__, "--child", name], capture_output=True, text=True, timeout=3600)
        try:
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            results[name] = {"installed": False, "why": (out.stderr.strip().splitlines() or ["no output"])[-1][:100]}
    scalar = sum("scalar" in i for i in items)
    print(f"corpus: {len(items)} formulas ({len(items) - scalar} network formulas of tests/data/verify_corpus.toml, "
          f"{scalar} scalar formulas)\n")
    print("| reader | read | right meaning | seconds |")
    print("|---|---|---|---|")
    for name, r in results.items():
        if not r.get("installed"):
            print(f"| {name} | not installed ({r.get('why', '')}) | | |")
            continue
        print(f"| {name} | {r['read']} / {len(items)} | {r['right']} / {len(items)} | {r['seconds']:.1f} |")
    print("\nright meaning: scalar formulas exactly; network formulas by verdict for symbp, and for the others only "
          "a necessary condition (no layer read as a power, no ⊙ or Σ lost), an upper bound.")


if __name__ == "__main__":
    main()
