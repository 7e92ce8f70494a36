"""A grammar fuzzer for update rules and per-sample labels (issue 14), each case carrying its own meaning.

Update rules are assembled from parts whose meaning is known by construction: the parameter (w_k, b_l, w^l,
b^l), the arrow (\\to, \\rightarrow, \\leftarrow, :=, or a new name \\tilde{P} between), the old value (the
parameter, or another one; in layered notes also a new value named w^{l,\\text{new}}, (w^l)^{\\text{new}},
w^l_{\\text{new}}, w^{l}_{(t+1)} beside w^{l}_{(t)}, \\tilde{w}^l or w'^l), the sign, the rate (η, η/m, η/n),
the sum (none, over the mini-batch Σ_{j=1}^m of C_{X_j}, over the inputs Σ_x), numbers written as factors before the
rate or after the gradient (2 · 3, ½; a factor 0 is no step) and the gradient (of the
per-sample cost by the parameter or by another one; for w^l and b^l also written in the network's quantities,
δ^{x,l} (a^{x,l-1})^T and δ^{x,l}, or their slips a^{x,l-1} (δ^{x,l})^T). A rule holds exactly when it starts
from the parameter, subtracts, and its rate and sum are one of: η with one sample, η/m with the mini-batch's
sum (or a per-sample gradient beside 1/m, read as summed), η/n with the sum over the inputs; and its gradient
is the parameter's (BP3 and BP4 give the network forms). ``verify``'s verdict is compared with that meaning.

Per-sample labels: BP1–BP4 and their usual slips written with and without the labels x (δ^{x,l}, a^{x,l-1},
z^{x,L}); the labelled claim must get the verdict of the same claim without labels, and a claim naming two
inputs must not be judged.

    python benchmarks/update_fuzz.py --examples 400
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
from symbp.verify import verify  # noqa: E402

PARAMS = {  # parameter, another parameter, correct network gradient (for layered ones) and its slip
    "w_k": ("b_l", None, None),
    "b_l": ("w_k", None, None),
    "w^l": ("b^l", r"\delta^{x,l} \left(a^{x,l-1}\right)^T", r"a^{x,l-1} \left(\delta^{x,l}\right)^T"),
    "b^l": ("w^l", r"\delta^{x,l}", r"\sigma'(z^{x,l})"),
}


FACTORS = [("", r" \cdot 2 \cdot 3"), ("", r" \cdot \frac12"), ("", r" \times 2 \times \frac{1}{2}"), ("", r" \cdot 2 \cdot 0"),
           (r"2 \cdot 3 ", ""), (r"\frac12 ", r" \cdot 4"), ("3 ", "")]


def rule(rng: random.Random) -> tuple[str, bool]:
    p = rng.choice(list(PARAMS))
    other, good, slip = PARAMS[p]
    arrow = rng.choice([r"\to", r"\rightarrow", r"\leftarrow", ":="])
    named = arrow != ":=" and rng.random() < 0.3
    old_ok = rng.random() < 0.8
    minus = rng.random() < 0.85
    rate = rng.choice(["eta", "eta/m", "eta/n"])
    summed = rng.choice(["none", "batch", "inputs"])
    grad_kind = rng.choice(["own", "own", "other"] + (["net", "net", "slip"] if good else []))
    coef = {"eta": r"\eta", "eta/m": r"\frac{\eta}{m}", "eta/n": r"\frac{\eta}{n}"}[rate]
    label = {"none": "x", "batch": "X_j", "inputs": "x"}[summed]
    if grad_kind in ("own", "other"):
        by = p if grad_kind == "own" else other
        grad = rf"\frac{{\partial C_{{{label}}}}}{{\partial {by}}}"
    else:
        grad = good if grad_kind == "net" else slip
    total = {"none": "", "batch": r"\sum_{j=1}^m ", "inputs": r"\sum_x "}[summed]
    start = p if old_ok else other
    head = f"{p} {arrow} " + (rf"\tilde{{{p}}} = " if named else "")
    if arrow == ":=" and not old_ok:
        head = f"{p} {arrow} "
    if "^" in p and rng.random() < 0.3:  # the new value named without an arrow (``updatenames``)
        head, start = _new_name(rng, p, start)
    # numbers written as factors (before the rate, after the gradient) are the rate's; a factor 0 leaves no step
    lead, tail = rng.choice(FACTORS) if rng.random() < 0.25 else ("", "")
    value = f"{start} {'-' if minus else '+'} {lead}{coef} {total}{grad}{tail}"
    text = head + value
    gradient_ok = grad_kind in ("own", "net")
    if grad_kind == "net" and summed == "batch":
        gradient_ok = False  # the network form is labelled x, the batch sum runs over j: not the same samples
    mean_ok = (rate == "eta" and summed == "none") or (rate == "eta/m" and summed in ("batch", "none")) or (
        rate == "eta/n" and summed == "inputs") or (rate == "eta/m" and summed == "inputs")
    return text, old_ok and minus and gradient_ok and mean_ok and r"\cdot 0" not in tail


def _new_name(rng: random.Random, p: str, start: str) -> tuple[str, str]:
    r"""(``NEW = ``, the old value) for a layered parameter: w^{l,\text{new}}, (w^l)^{\text{new}}, w^l_{\text{new}},
    w^{l}_{(t+1)} beside w^{l}_{(t)}, \tilde{w}^l, w'^l; the old value keeps its letter (another parameter's: a slip)."""
    letter, start_letter = p[0], start[0]
    kind = rng.choice(["new", "paren", "sub", "step", "tilde", "prime"])
    if kind == "step":
        return f"{letter}^{{l}}_{{(t+1)}} = ", f"{start_letter}^{{l}}_{{(t)}}"
    head = {"new": rf"{letter}^{{l,\text{{new}}}}", "paren": rf"({p})^{{\text{{new}}}}",
            "sub": rf"{p}_{{\text{{new}}}}", "tilde": rf"\tilde{{{letter}}}^l", "prime": f"{letter}'^l"}[kind]
    return head + " = ", start


LABELLED = [
    # the cost of input x is C_x (a bare C beside input x is the mean cost over the inputs: tests/test_persample.py)
    (r"\delta^{x,L} = \nabla_a C_x \odot \sigma'(z^{x,L})", r"\delta^{L} = \nabla_a C \odot \sigma'(z^{L})"),
    (r"\delta^{x,L} = \nabla_a C_x \sigma'(z^{x,L})", r"\delta^{L} = \nabla_a C \sigma'(z^{L})"),
    (r"\delta^{x,l} = \left(\left(w^{l+1}\right)^T \delta^{x,l+1}\right) \odot \sigma'(z^{x,l})",
     r"\delta^{l} = \left(\left(w^{l+1}\right)^T \delta^{l+1}\right) \odot \sigma'(z^{l})"),
    (r"\delta^{x,l} = \left(w^{l+1} \delta^{x,l+1}\right) \odot \sigma'(z^{x,l})",
     r"\delta^{l} = \left(w^{l+1} \delta^{l+1}\right) \odot \sigma'(z^{l})"),
    (r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_k \delta^{x,l}_j", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^{l}_j"),
    (r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_j \delta^{x,l}_k", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^{l}_k"),
    (r"z^{x,l} = w^l a^{x,l-1} + b^l", r"z^{l} = w^l a^{l-1} + b^l"),
    (r"z^{x,l} = \left(w^l\right)^T a^{x,l-1} + b^l", r"z^{l} = \left(w^l\right)^T a^{l-1} + b^l"),
    (r"a^{x,l} = \sigma(z^{x,l})", r"a^{l} = \sigma(z^{l})"),
]


def run(examples: int, seed: int = 0) -> Counter:
    rng = random.Random(seed)
    tally: Counter = Counter()
    memo: dict = {}
    for k in range(examples):
        if k % 3 == 2:
            labelled, plain = rng.choice(LABELLED)
            if rng.random() < 0.2:
                two = labelled.replace("x,", "t,", 1)
                v = verify(two, "nielsen")
                tally["two inputs " + v.status] += 1
                if v.status in ("holds", "refuted"):
                    tally["MISREAD"] += 1
                    print("MISREAD two inputs:", two, v.status)
                continue
            if plain not in memo:
                memo[plain] = verify(plain, "nielsen").status
            got = verify(labelled, "nielsen").status
            tally["labelled " + got] += 1
            if got != memo[plain]:
                tally["MISREAD"] += 1
                print("MISREAD:", labelled, got, "vs", memo[plain])
            continue
        text, truth = rule(rng)
        got = verify(text, "nielsen").status
        tally[got] += 1
        if got == "holds" and not truth:
            tally["UNSOUND"] += 1
            print("UNSOUND:", text)
        elif got == "refuted" and truth:
            tally["FALSE REFUTATION"] += 1
            print("FALSE REFUTATION:", text)
        elif got not in ("holds", "refuted"):
            print("not judged:", text, got)
    return tally


def main(argv=None) -> int:
    return fuzz_cli.main(run, __doc__.splitlines()[0], 300, ("UNSOUND", "FALSE REFUTATION", "MISREAD"), argv)


if __name__ == "__main__":
    sys.exit(main())
