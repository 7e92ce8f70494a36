"""A grammar fuzzer for notes in their own terms (issue 14): random graph notes, random claims, an oracle.

Each case is a small set of notes in row form (g = x W, x a row) or column form (g = W x, x a column),
with a named activation (tanh) or a generic one (h), a generic loss L of the activations, sizes drawn
from 2..3, and one claim from a grammar of derivative claims: entries (∂g_j/∂w_{ik} = x_i or 0),
the chain rule written out, gradients as matrices (∂L/∂W = x^T ∂L/∂g, ∂L/∂W = ∂L/∂g x^T,
∂L/∂x = ∂L/∂g W^T, W^T ∂L/∂g …, some with their transpose or their indices swapped), and update rules
(W ← W ∓ η ∂L/∂W, W_{t+1} = W_t ∓ …, W' = W ∓ …, W := W ∓ …, W̃ = W ∓ …, w_{jk} ← w_{jk} ∓ …), also on notes that leave the sizes
open ("$W$ a matrix"; claims without entries there). The truth of a claim is decided by the oracle alone (``graphoracle``: the notes'
definitions at random points, every derivative a central difference in 50 digits, generic functions
through stand-ins); verify's verdict is compared with it:

* UNSOUND: verify says holds where the oracle finds the sides differ (in the layout verify used);
* FALSE REFUTATION: verify says refuted where the oracle finds the sides equal at every point, in a
  layout where the shapes fit.

    python benchmarks/graph_fuzz.py --examples 300
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fuzz_cli  # noqa: E402
from symbp.verify.graphevaluate import Misfit  # noqa: E402
from symbp.verify.graphmodel import GraphUninterpretable  # noqa: E402
from symbp.verify.graphnotes import graph_notes  # noqa: E402
from symbp.verify.graphoracle import oracle_sides  # noqa: E402
from symbp.verify.extract import extract_all  # noqa: E402


def notes(rng: random.Random) -> tuple[str, dict]:
    form = rng.choice(["row", "column", "open row", "open column"])
    n, m = rng.choice([2, 3]), rng.choice([2, 3])
    act = rng.choice([r"\tanh", "h"])
    xs = ", ".join(f"x_{i}" for i in range(1, n + 1))
    if form.startswith("open"):  # sizes left open: verify chooses them (two choices), claims without entries
        row = form == "open row"
        text = (f"Let $x$ be a {'row' if row else 'column'} vector and $W$ a matrix.\n"
                f"We compute $g = {'x W' if row else 'W x'}$, $a = {act}(g)$ and $L = L(a)$.\n")
        return text, dict(form=form, n=n, m=m, act=act)
    if form == "row":
        text = (f"Let $x = ({xs})$ be a row vector and $W$ a ${n} \\times {m}$ matrix.\n"
                f"We compute $g = x W$, $a = {act}(g)$ and $L = L({', '.join(f'a_{j}' for j in range(1, m + 1))})$.\n")
    else:
        col = r" \\ ".join(f"x_{i}" for i in range(1, n + 1))
        text = (f"Let $x = \\begin{{pmatrix}} {col} \\end{{pmatrix}}$ and $W$ a ${m} \\times {n}$ matrix.\n"
                f"We compute $g = W x$, $a = {act}(g)$ and $L = L({', '.join(f'a_{j}' for j in range(1, m + 1))})$.\n")
    return text, dict(form=form, n=n, m=m, act=act)


UPDATES = [r"W \leftarrow W {sign} \eta \frac{{\partial L}}{{\partial W}}",
           r"W_{{t+1}} = W_t {sign} \eta \frac{{\partial L}}{{\partial W}}",
           r"W' = W {sign} \eta \frac{{\partial L}}{{\partial W}}",
           r"W := W {sign} \alpha \frac{{\partial L}}{{\partial W}}",
           r"\tilde{{W}} = W {sign} \eta \frac{{\partial L}}{{\partial W}}",
           r"w_{{jk}} \leftarrow w_{{jk}} {sign} \eta \frac{{\partial L}}{{\partial w_{{jk}}}}"]


#: update rules whose meaning is known by construction: claim -> whether it is a step of gradient descent
STEPS: dict = {}


def claim(rng: random.Random, spec: dict) -> str:
    if spec["form"].startswith("open"):
        row = spec["form"] == "open row"
        choices = [
            r"\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}",
            r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial g} x^T",
            r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial g}^T x",
            r"\frac{\partial L}{\partial W} = x \frac{\partial L}{\partial g}^T",
            r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T",
            r"\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial g}",
            r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W",
            r"\frac{\partial L}{\partial x} = W \frac{\partial L}{\partial g}",
        ]
        # steps written with the gradient worked out: x^T ∂L/∂g (row form) and ∂L/∂g x^T (column form) are
        # ∂L/∂W; their transposes are not (by hand: ∂L/∂w_ij = x_i ∂L/∂g_j, resp. ∂L/∂g_i x_j)
        right = rf"W_{{t+1}} = W_t - \eta {'x^T' if row else ''} \frac{{\partial L}}{{\partial g}} {'' if row else 'x^T'}"
        wrong = rf"W_{{t+1}} = W_t - \eta {'' if row else 'x'} \frac{{\partial L}}{{\partial g}}^T {'x' if row else ''}"
        STEPS[right], STEPS[wrong] = True, False
        choices += [right, wrong]
        if spec["act"] == "h":
            choices += [r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial a} \odot h'(g)",
                        r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial a} \odot h(g)"]
        else:
            choices += [r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial a} \odot (1 - a^2)",
                        r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial a} \odot (1 - a)"]
        return rng.choice(choices + [rng.choice(UPDATES).format(sign=rng.choice("-+"))] * 2)
    n, m, row = spec["n"], spec["m"], spec["form"] == "row"
    i, j, k = rng.randint(1, n), rng.randint(1, m), rng.randint(1, n)
    w = (lambda a, b: f"w_{{{a}{b}}}") if row else (lambda a, b: f"w_{{{b}{a}}}")  # W[input][output] or [output][input]
    choices = [
        rf"\frac{{\partial g_{j}}}{{\partial {w(i, j)}}} = x_{i}",
        rf"\frac{{\partial g_{j}}}{{\partial {w(i, j)}}} = x_{k}",
        rf"\frac{{\partial g_{j}}}{{\partial {w(i, 1 + j % m)}}} = x_{i}",
        rf"\frac{{\partial L}}{{\partial x_{i}}} = \sum_j \frac{{\partial L}}{{\partial g_j}} {w(i, 'j')}",
        rf"\frac{{\partial L}}{{\partial x_{i}}} = \sum_j \frac{{\partial L}}{{\partial g_j}} {w('j', i) if n == m else w(i, 'j')}",
        r"\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}",
        r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial g} x^T",
        r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial g} x",
        r"\frac{\partial L}{\partial W} = x \frac{\partial L}{\partial g}",
        r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T",
        r"\frac{\partial L}{\partial x} = W^T \frac{\partial L}{\partial g}",
        r"\frac{\partial L}{\partial x} = W \frac{\partial L}{\partial g}",
        r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W",
        rf"\frac{{\partial L}}{{\partial g_{j}}} = \frac{{\partial L}}{{\partial a_{j}}} \frac{{\partial a_{j}}}{{\partial g_{j}}}",
        rf"\frac{{\partial L}}{{\partial g_{j}}} = \frac{{\partial L}}{{\partial a_{1 + j % m}}} \frac{{\partial a_{j}}}{{\partial g_{j}}}",
        rng.choice(UPDATES).format(sign="-"),
        rng.choice(UPDATES).format(sign="+"),
    ]
    if spec["act"] == r"\tanh":
        choices += [rf"\frac{{\partial a_{j}}}{{\partial g_{j}}} = 1 - a_{j}^2",
                    rf"\frac{{\partial a_{j}}}{{\partial g_{j}}} = 1 - a_{j}"]
    else:
        choices += [rf"\frac{{\partial a_{j}}}{{\partial g_{j}}} = \frac{{\partial h}}{{\partial g_{j}}}\Big|_{{g_{j}}}",
                    rf"\frac{{\partial a_{j}}}{{\partial g_{j}}} = h'(g_{j})",
                    rf"\frac{{\partial a_{j}}}{{\partial g_{j}}} = h(g_{j})",
                    r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial a} \odot h'(g)"]
    return rng.choice(choices)


def truth(eq, model, layout: str, points: int = 2) -> str:
    """'equal' or 'differ' by the oracle alone (or 'misfit' when the shapes do not fit in that layout)."""
    for seed in range(points):
        try:
            sides = oracle_sides(eq, model, layout, {}, seed=seed)
        except Misfit:
            return "misfit"
        except GraphUninterpretable:
            return "n/a"
        first = sides[0] if isinstance(sides[0], list) else [sides[0]]
        for other in sides[1:]:
            other = other if isinstance(other, list) else [other]
            if len(other) != len(first):
                return "misfit"
            for a, b in zip(first, other):
                if abs(a - b) > 1e-15 * (1 + abs(a) + abs(b)):
                    return "differ"
    return "equal"


def run(examples: int, seed: int = 0) -> Counter:
    rng = random.Random(seed)
    tally: Counter = Counter()
    for _ in range(examples):
        text, spec = notes(rng)
        c = claim(rng, spec)
        doc = text + f"\n$${c}$$\n"
        g = graph_notes(extract_all(doc), doc)
        results = [res for _, (p, res) in g.results.items()]
        if g.model is None or not results:
            tally["not read"] += 1
            continue
        outcome = results[0][0]
        tally[outcome.status] += 1
        if outcome.status not in ("holds", "refuted"):
            continue
        p = next(p for p, _ in g.results.values())
        eq = p.eqs[0]
        if c.startswith(("W", "\\tilde", "w_{jk} \\leftarrow")):
            # an update rule's meaning is its sign: W − η ∂L/∂W descends, W + η ∂L/∂W does not
            truth_holds = STEPS.get(c, " - " in c)
            if (outcome.status == "holds") != truth_holds:
                tally["UNSOUND" if outcome.status == "holds" else "FALSE REFUTATION"] += 1
                print("UPDATE RULE misjudged:", spec, c, outcome.status)
            continue
        layouts = [outcome.layout] if outcome.layout in ("denominator", "numerator") else ["denominator", "numerator"]
        if outcome.status == "holds":
            for lay in layouts:
                t = truth(eq, g.model, lay)
                if t == "differ":
                    tally["UNSOUND"] += 1
                    print("UNSOUND:", spec, c, lay)
        else:
            fits = [lay for lay in ("denominator", "numerator") if truth(eq, g.model, lay) == "equal"]
            if fits:
                tally["FALSE REFUTATION"] += 1
                print("FALSE REFUTATION:", spec, c, fits)
    return tally


def main(argv=None) -> int:
    return fuzz_cli.main(run, __doc__.splitlines()[0], 200, ("UNSOUND", "FALSE REFUTATION"), argv)


if __name__ == "__main__":
    sys.exit(main())
