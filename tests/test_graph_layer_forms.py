r"""Graph notes whose linear layer is not the plain ``g = x W + b`` / ``g = W x + b`` (issue 12).

Before the fix the vector reading (``graphguess``) gave no shapes to ``x W^T``, ``W^T x``, ``2 x W``, ``3 W x`` or to
anything after ``h = 2\sigma(g)``: the notes were read as numbers, so ``\partial L/\partial W = x^T \partial L/\partial
g`` held under ``g = x W^T`` (its matrix answer is the transpose) and ``(h - y) \odot \sigma'(g)`` was refuted as an
entrywise product of numbers. Now these forms are read as matrices; a layer still left numbers in notes that speak of
vectors (``g = X W``, ``g = x (W + V)``) makes every claim uninterpretable, naming the definition.

The oracle: ``sympy.diff`` of L = ½‖h − y‖² composed from the layer by hand with explicit matrices (x of 3 entries, g
of 2, σ the polynomial s³ + s, whose derivative differs from it; the identities checked hold for every σ or fail for
this one), each claim's right side evaluated in the denominator layout (a gradient has the shape
of what it is taken in) and compared with the derivative.
"""

from __future__ import annotations

import functools

import pytest
import sympy

from symbp.verify.notes import verify_text

SIGMA = sympy.Function("sigma")  # generic, for the entrywise derivative


def _act(e):
    return e ** 3 + e  # σ of the oracle: a polynomial whose derivative 3e² + 1 is not itself, so σ for σ' is wrong


def _act_prime(e):
    return 3 * e ** 2 + 1


N, K = 3, 2  # the entries of x and of g


def _mat(name: str, rows: int, cols: int) -> sympy.Matrix:
    return sympy.Matrix(rows, cols, lambda i, j: sympy.Symbol(f"{name}{i}{j}"))


def _truth(layer: str, scale_h: int, claim) -> bool:
    """Whether ``claim(d)`` (d: the matrices of the layer and the true gradients) equals the gradient it names."""
    row = layer in ("xWT", "2xW", "xW")
    x = _mat("x", 1, N) if row else _mat("x", N, 1)
    w = {"xWT": _mat("w", K, N), "2xW": _mat("w", N, K), "xW": _mat("w", N, K),
         "WTx": _mat("w", N, K), "3Wx": _mat("w", K, N)}[layer]
    b = _mat("b", 1, K) if row else _mat("b", K, 1)
    y = _mat("y", 1, K) if row else _mat("y", K, 1)
    g = {"xWT": lambda: x * w.T + b, "2xW": lambda: 2 * x * w, "xW": lambda: x * w + b, "WTx": lambda: w.T * x + b,
         "3Wx": lambda: 3 * w * x}[layer]()
    gs = _mat("g", *g.shape)  # L as a function of g's entries, for the gradient at the node g

    def loss(of):
        return sum((scale_h * _act(e) - t) ** 2 for e, t in zip(of, y)) / 2

    at_g = dict(zip(gs, g))
    d = {"x": x, "W": w, "y": y, "g": g, "h": g.applyfunc(lambda e: scale_h * _act(e)),
         "sp": g.applyfunc(_act_prime), "sigma": g.applyfunc(_act),
         "dLdg": gs.applyfunc(lambda e: sympy.diff(loss(gs), e)).xreplace(at_g),
         "dLdW": w.applyfunc(lambda e: sympy.diff(loss(g), e)),
         "dLdx": x.applyfunc(lambda e: sympy.diff(loss(g), e))}
    try:
        name, rhs = claim(d)
    except sympy.ShapeError:  # the right side does not multiply: it is no gradient
        return False
    return rhs.shape == d[name].shape and (rhs - d[name]).expand() == sympy.zeros(*rhs.shape)


def _verdict(layer_tex: str, act_tex: str, claim_tex: str):
    return _verdicts(layer_tex, act_tex)[claim_tex]


@functools.cache
def _verdicts(layer_tex: str, act_tex: str) -> dict:
    """The verdicts on every claim of CASES of this layer, in one set of notes (all in the denominator layout)."""
    claims = [c[3] for c in CASES if c[1] == layer_tex] or [DG + r"(h - y) \odot \sigma'(g)", DG + r"(h - y) \odot \sigma(g)"]
    notes = ("# A computational graph\n\n$$" + layer_tex + r", \quad " + act_tex + "$$\n\n"
             + r"$$L = \frac{1}{2}\|h - y\|^2$$" + "\n\n" + "".join(f"$${c}$$\n\n" for c in claims))
    return {row.formula.text: row.result for row in verify_text(notes).rows}


DW = r"\frac{\partial L}{\partial W} = "
DX = r"\frac{\partial L}{\partial x} = "
DG = r"\frac{\partial L}{\partial g} = "
DLG = r"\frac{\partial L}{\partial g}"

# (layer key, layer, activation scale, claim, the claim for the oracle, true?): a true and a wrong claim per form
CASES = [
    ("xWT", r"g = x W^T + b", 1, DW + r"\left(x^T " + DLG + r"\right)^T", lambda d: ("dLdW", (d["x"].T * d["dLdg"]).T), True),
    ("xWT", r"g = x W^T + b", 1, DW + r"x^T " + DLG, lambda d: ("dLdW", d["x"].T * d["dLdg"]), False),
    ("xWT", r"g = x W^T + b", 1, DX + DLG + r" W", lambda d: ("dLdx", d["dLdg"] * d["W"]), True),
    ("xWT", r"g = x W^T + b", 1, DX + DLG + r" W^T", lambda d: ("dLdx", d["dLdg"] * d["W"].T), False),
    ("WTx", r"g = W^T x + b", 1, DW + r"x \left(" + DLG + r"\right)^T", lambda d: ("dLdW", d["x"] * d["dLdg"].T), True),
    ("WTx", r"g = W^T x + b", 1, DW + DLG + r" x^T", lambda d: ("dLdW", d["dLdg"] * d["x"].T), False),
    ("2xW", r"g = 2 x W", 1, DW + r"2 x^T " + DLG, lambda d: ("dLdW", 2 * d["x"].T * d["dLdg"]), True),
    ("2xW", r"g = 2 x W", 1, DW + r"x^T " + DLG, lambda d: ("dLdW", d["x"].T * d["dLdg"]), False),
    ("2xW", r"g = 2 x W", 1, DG + r"(h - y) \odot \sigma'(g)",
     lambda d: ("dLdg", (d["h"] - d["y"]).multiply_elementwise(d["sp"])), True),
    ("2xW", r"g = 2 x W", 1, DG + r"(h - y) \odot \sigma(g)",
     lambda d: ("dLdg", (d["h"] - d["y"]).multiply_elementwise(d["sigma"])), False),
    ("3Wx", r"g = 3 W x", 1, DW + r"3 " + DLG + r" x^T", lambda d: ("dLdW", 3 * d["dLdg"] * d["x"].T), True),
    ("3Wx", r"g = 3 W x", 1, DW + DLG + r" x^T", lambda d: ("dLdW", d["dLdg"] * d["x"].T), False),
    ("xW", r"g = x W + b", 2, DG + r"2 (h - y) \odot \sigma'(g)",
     lambda d: ("dLdg", 2 * (d["h"] - d["y"]).multiply_elementwise(d["sp"])), True),
    ("xW", r"g = x W + b", 2, DG + r"(h - y) \odot \sigma'(g)",
     lambda d: ("dLdg", (d["h"] - d["y"]).multiply_elementwise(d["sp"])), False),
    ("xW", r"g = x W + b", 2, DW + r"x^T " + DLG, lambda d: ("dLdW", d["x"].T * d["dLdg"]), True),
    ("xW", r"g = x W + b", 2, DW + DLG + r" x^T", lambda d: ("dLdW", d["dLdg"] * d["x"].T), False),
]


@pytest.mark.parametrize("layer, layer_tex, scale, claim_tex, claim, true", CASES,
                         ids=[f"{c[1]}|{c[2]}|{c[3]}" for c in CASES])
def test_layer_forms_are_read_as_matrices(layer, layer_tex, scale, claim_tex, claim, true):
    assert _truth(layer, scale, claim) is true
    act = r"h = \sigma(g)" if scale == 1 else rf"h = {scale}\sigma(g)"
    got = _verdict(layer_tex, act, claim_tex)
    assert got.status == ("holds" if true else "refuted"), got.reason


def test_square_transposed_layer_refutes_by_value():
    # x and W of one size (2, said): x^T ∂L/∂g has W's shape under g = x W^T, so only the values can refute it
    notes = ("Let $x$ be a row vector of 2 entries and $W$ a $2 \\times 2$ matrix.\n\n$$g = x W^T, \\quad h = "
             "\\sigma(g)$$\n\n$$L = \\frac{1}{2}\\|h - y\\|^2$$\n\n")
    right, wrong = DW + r"\left(x^T " + DLG + r"\right)^T", DW + r"x^T " + DLG
    rows = {r.formula.text: r.result for r in verify_text(notes + f"$${right}$$\n\n$${wrong}$$\n").rows}
    assert rows[right].status == "holds", rows[right].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason
    assert "the two sides differ" in rows[wrong].reason, rows[wrong].reason


@pytest.mark.parametrize("layer_tex", [r"g = X W", r"g = x (W + V)"])
def test_a_layer_left_numbers_leaves_every_claim_unjudged(layer_tex):
    # g = X W (two matrices) and x (W + V) are not read as matrices; in notes that multiply entrywise, a claim read
    # as numbers would be judged about numbers the notes do not mean: (h − y) ⊙ σ'(g) is true entrywise (the
    # derivative of ½‖σ(g) − y‖² in each entry of g), ⊙ σ(g) is wrong; neither is judged, the reason names line 3
    right, wrong = DG + r"(h - y) \odot \sigma'(g)", DG + r"(h - y) \odot \sigma(g)"
    s, y = sympy.symbols("s y")
    entry = sympy.diff((SIGMA(s) - y) ** 2 / 2, s)
    assert sympy.simplify(entry - (SIGMA(s) - y) * sympy.diff(SIGMA(s), s)) == 0
    assert sympy.simplify(entry - (SIGMA(s) - y) * SIGMA(s)) != 0
    for claim in (right, wrong):
        got = _verdict(layer_tex, r"h = \sigma(g)", claim)
        assert got.status == "uninterpretable", (claim, got.status, got.reason)
        assert "line 3" in got.reason and "not read" in got.reason, got.reason
