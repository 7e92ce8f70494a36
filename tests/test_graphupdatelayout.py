"""Update rules in graph notes honour the layout the notes declare (review F18), and "every gradient is a row vector"
declares one (review F19).

Truth by SymPy, independent of symbp: with g = x W + b, h = tanh(g), L = ½‖h − y‖², the gradient G (entries
∂L/∂w_ij, in W's shape) is differentiated directly; in the denominator layout ∂L/∂W is G, in the numerator layout
Gᵀ (the shape of Wᵀ), and the same for b. A step W − η X is gradient descent when X is a positive multiple of G in
W's shape: in the numerator layout (∂L/∂W)ᵀ is, ∂L/∂W is not (ill-shaped for W of 2×3; Gᵀ ≠ G for a square W)."""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.graphownlayout import declared_layouts
from symbp.verify.notes import verify_text

TRANSPOSED = r"W \gets W - \eta \left(\frac{\partial L}{\partial W}\right)^T"
PLAIN = r"W \gets W - \eta \frac{\partial L}{\partial W}"
B_TRANSPOSED = r"b \gets b - \eta \left(\frac{\partial L}{\partial b}\right)^T"
B_PLAIN = r"b \gets b - \eta \frac{\partial L}{\partial b}"


def _notes(words: str, n: int, m: int, orient: str = "row") -> str:
    product = "x W + b" if orient == "row" else "W x + b"
    rows, cols = (n, m) if orient == "row" else (m, n)
    return (f"{words}\n\nLet $x$ be a {orient} vector of length {n}, $W$ a ${rows} \\times {cols}$ matrix, $b$ a "
            f"{orient} vector of length {m}, $y$ a {orient} vector of length {m}.\n\n$$g = {product}$$\n\n"
            "$$h = \\tanh(g)$$\n\n$$L = \\frac{1}{2} \\|h - y\\|^2$$\n\n"
            + "".join(f"$${rule}$$\n\n" for rule in (TRANSPOSED, PLAIN, B_TRANSPOSED, B_PLAIN)))


def _truth(layout: str, transposed: bool, n: int, m: int, param: str = "W", orient: str = "row") -> str:
    """'holds', 'refuted' or 'misfit' (the step does not have the parameter's shape) of P − η X, by SymPy."""
    x = sympy.Matrix(1, n, sympy.symbols(f"x1:{n + 1}"))
    w = sympy.Matrix(n, m, sympy.symbols(f"w1:{n * m + 1}"))
    b = sympy.Matrix(1, m, sympy.symbols(f"b1:{m + 1}"))
    y = sympy.Matrix(1, m, sympy.symbols(f"y1:{m + 1}"))
    if orient != "row":  # g = W x + b of columns: the transposes of the row notes' quantities
        x, w, b, y = x.T, w.T, b.T, y.T
    g = x * w + b if orient == "row" else w * x + b
    loss = sum((sympy.tanh(gi) - yi) ** 2 for gi, yi in zip(g, y)) / 2
    p = w if param == "W" else b
    gradient = p.applyfunc(lambda v: sympy.diff(loss, v))  # in the parameter's shape
    derivative = gradient if layout == "denominator" else gradient.T
    step = derivative.T if transposed else derivative
    if step.shape != p.shape:
        return "misfit"
    difference = step - gradient
    if all(sympy.expand(e) == 0 for e in difference):
        return "holds"
    point = {v: sympy.Rational(k + 2, 7) for k, v in enumerate(sorted(loss.free_symbols, key=str))}
    return "refuted" if any(abs(sympy.N(e.xreplace(point), 30)) > 1e-20 for e in difference) else "undecided"


def _expected(declared: str, truths: dict) -> set:
    """The verdicts allowed: the declared layout's truth; ill-shaped there and holding in the other: ambiguous under
    the numerator layout named alone (gradients as columns, the mixed convention, may be meant), refuted under the
    denominator layout (no convention it allows writes a gradient as the parameter transposed: issue 14)."""
    here = truths[declared]
    if here == "misfit":
        return {"ambiguous"} if "holds" in truths.values() and declared == "numerator" else {"refuted"}
    return {here}


def _rows(text: str, notation: str = "rowvector") -> dict:
    return {r.formula.text: r.result for r in verify_text(text, notation).rows}


@pytest.mark.parametrize("n, m", [(2, 3), (2, 2)])
@pytest.mark.parametrize("declared", ["numerator", "denominator"])
def test_update_rules_under_a_declared_layout_are_judged_in_it(declared, n, m):
    # review F18: under "we use the numerator layout", W − η (∂L/∂W)ᵀ was refuted and W − η ∂L/∂W held
    rows = _rows(_notes(f"We use the {declared} layout.", n, m))
    for rule, transposed, param in ((TRANSPOSED, True, "W"), (PLAIN, False, "W"), (B_TRANSPOSED, True, "b"),
                                    (B_PLAIN, False, "b")):
        truths = {k: _truth(k, transposed, n, m, param) for k in ("numerator", "denominator")}
        result = rows[rule]
        assert result.status in _expected(declared, truths), (rule, truths, result.reason)
        assert f"the {declared} layout" in result.reason


def test_the_numerator_layout_transposed_step_holds_and_the_plain_one_never_does():
    rows = _rows(_notes("We use the numerator layout.", 2, 3))
    assert rows[TRANSPOSED].status == "holds" and rows[B_TRANSPOSED].status == "holds"
    plain = rows[PLAIN]
    assert plain.status == "ambiguous"
    assert "well-shaped only in the denominator layout, but the notes declare the numerator layout on line 1" \
        in plain.reason
    square = _rows(_notes("We use the numerator layout.", 2, 2))[PLAIN]
    assert square.status == "refuted" and "it is the gradient transposed" in square.reason


def test_column_notes_under_a_declared_numerator_layout_judge_the_plain_step_in_it():
    # the layered reading took ∂L/∂W in W's shape whatever the notes declare: W ← W − η ∂L/∂W held for a square W
    rows = _rows(_notes("We use the numerator layout.", 2, 2, "column"), "auto")
    assert _truth("numerator", False, 2, 2, orient="column") == "refuted"
    assert rows[PLAIN].status == "refuted"
    assert rows[TRANSPOSED].status == "holds"
    assert rows[B_PLAIN].status == "ambiguous"  # a row ∂L/∂b from a column b: ill-shaped in the declared layout
    assert rows[B_TRANSPOSED].status == "holds"


@pytest.mark.parametrize("words", [
    "",  # nothing declared
    "Unlike many texts, we avoid the numerator layout.",  # set aside
    # (Jacobians in one layout, gradients in the other, in two sentences: the mixed convention, which fixes the
    # gradient's shape: tests/test_layout_switch.py)
])
def test_update_rules_without_a_declared_layout_are_ambiguous_where_the_layouts_disagree(words):
    rows = _rows(_notes(words, 2, 2))
    truths = {k: _truth(k, False, 2, 2) for k in ("numerator", "denominator")}
    assert truths == {"numerator": "refuted", "denominator": "holds"}
    assert rows[PLAIN].status == "ambiguous" and rows[TRANSPOSED].status == "ambiguous"
    assert "the layouts disagree" in rows[PLAIN].reason
    # a shape fits one layout only: judged in it, as any claim
    assert rows[B_PLAIN].status == "holds" and rows[B_TRANSPOSED].status == "holds"


def test_an_update_rule_of_one_entry_keeps_its_verdict_under_a_declared_layout():
    text = _notes("We use the numerator layout.", 2, 3) + "$$w_{12} := w_{12} - \\eta \\frac{\\partial L}{\\partial " \
        "w_{12}}$$\n\n$$w_{12} := w_{12} + \\eta \\frac{\\partial L}{\\partial w_{12}}$$\n"
    rows = _rows(text)
    assert rows[r"w_{12} := w_{12} - \eta \frac{\partial L}{\partial w_{12}}"].status == "holds"
    assert rows[r"w_{12} := w_{12} + \eta \frac{\partial L}{\partial w_{12}}"].status == "refuted"


# -- review F19: what every gradient is, said in words, declares a layout ------------------------------------------

@pytest.mark.parametrize("sentence, orient", [
    ("Every gradient is a row vector.", "row"),
    ("Gradients are row vectors.", "row"),
    ("We write the gradient as a row vector.", "row"),
    ("Gradient je řádkový vektor.", "row"),
    ("Градиент — вектор-строка.", "row"),
    ("Gradient jest wektorem wierszowym.", "row"),
    ("Every gradient is a column vector.", "column"),
    ("Gradienty są wektorami kolumnowymi.", "column"),
])
def test_what_every_gradient_is_declares_a_layout(sentence, orient):
    # a gradient by a column vector is a row in the numerator layout (the shape of xᵀ), by a row vector a column
    assert declared_layouts(sentence + "\n") == [(1, "numerator" if orient == "row" else "denominator")]
    assert declared_layouts(sentence + "\n", "row") == [(1, "denominator" if orient == "row" else "numerator")]


@pytest.mark.parametrize("sentence", [
    "No gradient is a row vector.",
    "Gradients are not row vectors.",
    "If every gradient is a row vector, the chain rule reads backwards.",
    "Unlike other texts, every gradient is a row vector.",
    "The gradient of the scalar $L$ is a row vector.",  # one gradient's shape, about the gradient of L
    "Every gradient is a row vector. Every gradient is a column vector.",
])
def test_words_about_gradients_that_declare_nothing(sentence):
    assert declared_layouts(sentence + "\n") == []


@pytest.mark.parametrize("sentence, layout", [
    ("Every gradient is a row vector.", "numerator"),
    ("Градиент — вектор-строка.", "numerator"),
    ("Every gradient is a column vector.", "denominator"),
])
def test_a_gradient_orientation_decides_graph_claims_and_update_rules(sentence, layout):
    # column notes, W square: ∂g/∂x written as Wᵀ, and the step by (∂L/∂W)ᵀ, fit both layouts and differ
    text = (f"{sentence}\n\nLet $x$ be a column vector of length 2, $W$ a $2 \\times 2$ matrix.\n\n$$g = W x$$\n\n"
            "$$L = L(g)$$\n\n$$\\frac{\\partial g}{\\partial x} = \\begin{pmatrix} w_{11} & w_{21} \\\\ w_{12} & w_{22} "
            "\\end{pmatrix}$$\n\n$$" + TRANSPOSED + "$$\n")
    rows = [r.result for r in verify_text(text).rows]
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    jacobian = (w * sympy.Matrix(sympy.symbols("x1 x2"))).jacobian(sympy.symbols("x1 x2"))
    claimed = jacobian if layout == "numerator" else jacobian.T
    assert rows[1].status == ("holds" if layout == "numerator" else "refuted")
    if layout == "denominator":
        # review (layouts, finding 3): gradients as columns in column notes are the denominator layout or the mixed
        # convention, whose Jacobians differ: ∂g/∂x = Wᵀ is true in one, false in the other (before: refuted)
        assert rows[0].status == "ambiguous" and "says only which way gradients point" in rows[0].reason
        rows = rows[1:]
    else:
        assert rows[0].status == ("holds" if claimed == w.T else "refuted")
    assert all(f"in the {layout} layout, the notes' own (declared in words on line 1)" in r.reason for r in rows)


def test_a_gradient_orientation_in_row_notes_declares_the_denominator_layout():
    rows = _rows(_notes("Gradients are row vectors.", 2, 2))
    assert _truth("denominator", False, 2, 2) == "holds"
    assert rows[PLAIN].status == "holds" and rows[TRANSPOSED].status == "refuted"
    assert "in the denominator layout, the notes' own (declared in words on line 1)" in rows[PLAIN].reason
