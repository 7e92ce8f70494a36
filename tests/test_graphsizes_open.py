r"""Graph notes whose sizes or orientation symbp only guesses are never called self-contradictory (review 18 M2).

``g = x W``, ``h = \tanh(g)``, ``u = h V``, ``L = ½‖u − t‖²`` and no sentence about sizes: x is any row vector, W
and V matrices. symbp read the names without entries as numbers, and ``u_i`` in the prose made u a vector, so
"u = h V makes u a scalar" stopped the run (exit 2). Now a reading symbp only guessed is tried the other way (the
vector reading, ``graphguess``), sizes stay open, and the size sentences in Czech, Russian and Polish are read like
the English one (``graphprose``). Each claim's verdict below is decided by hand in the denominator layout (∂L/∂X
has X's shape) and checked against an independent computation: SymPy differentiates the composed loss entry by
entry at sizes x: 1×2, W: 2×3, V: 3×4 and compares the claimed right side built from SymPy matrices.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import pytest
import sympy

from symbp.verify.graphmodel import GraphError
from symbp.verify.graphprose import hints_and_prose
from symbp.verify.notes import verify_notes

_DEFS = ("$$g = x W$$\n\n$$h = \\tanh(g)$$\n\n$$u = h V$$\n\n$$L = \\frac{1}{2}\\|u - t\\|^2$$\n\n")
#: the sentence that made u a vector (review 18 n41, line 20): $u_i$ written in the prose
_U_ENTRIES = "The derivative $\\frac{\\partial u}{\\partial h}$ has a row for every $u_i$.\n\n"
_CZECH = "Nechť $x$ je řádkový vektor délky 2, $W$ a $V$ matice $2 \\times 2$, $t$ cíl.\n\n"


@functools.lru_cache(maxsize=1)
def _oracle():
    """The loss composed in SymPy at distinct sizes, and its gradients by entry (denominator layout), at a point
    of small fractions (every leaf a different one)."""
    n, m, k = 2, 3, 4
    x = sympy.Matrix(1, n, lambda i, j: sympy.Symbol(f"x{j}"))
    W = sympy.Matrix(n, m, lambda i, j: sympy.Symbol(f"W{i}{j}"))
    V = sympy.Matrix(m, k, lambda i, j: sympy.Symbol(f"V{i}{j}"))
    t = sympy.Matrix(1, k, lambda i, j: sympy.Symbol(f"t{j}"))
    g = x * W
    h = g.applyfunc(sympy.tanh)
    u = h * V
    loss = sum((u - t).applyfunc(lambda e: e ** 2)) / 2
    H, G, U = (sympy.Matrix(1, q, lambda i, j, s=s: sympy.Symbol(f"{s}{j}")) for s, q in (("h", m), ("g", m), ("u", k)))
    # ∂L/∂u, ∂L/∂h, ∂L/∂g with u, h, g as the variables of the graph (the chain through the later nodes only)
    lu = sum((U - t).applyfunc(lambda e: e ** 2)) / 2
    lh = sum((H * V - t).applyfunc(lambda e: e ** 2)) / 2
    lg = sum((G.applyfunc(sympy.tanh) * V - t).applyfunc(lambda e: e ** 2)) / 2
    at = {**{H[j]: h[j] for j in range(m)}, **{G[j]: g[j] for j in range(m)}, **{U[j]: u[j] for j in range(k)}}
    grad = {
        "u": U.applyfunc(lambda s: sympy.diff(lu, s)).subs(at),
        "h": H.applyfunc(lambda s: sympy.diff(lh, s)).subs(at),
        "g": G.applyfunc(lambda s: sympy.diff(lg, s)).subs(at),
        "V": V.applyfunc(lambda s: sympy.diff(loss, s)),
        "W": W.applyfunc(lambda s: sympy.diff(loss, s)),
        "x": x.applyfunc(lambda s: sympy.diff(loss, s)),
    }
    values = {"x": x, "W": W, "V": V, "t": t, "g": g, "h": h, "u": u, "dh": grad["h"], "dg": grad["g"]}
    leaves = sorted(set().union(*(q.free_symbols for q in (x, W, V, t))), key=str)
    point = {s: sympy.Rational(Fraction(k + 1, 7 + k % 5)) * (-1) ** k for k, s in enumerate(leaves)}
    at_point = lambda q: q.subs(point)  # noqa: E731
    return {k: at_point(q) for k, q in grad.items()}, {k: at_point(q) for k, q in values.items()}


def _oracle_holds(by: str, rhs) -> bool:
    grad, v = _oracle()
    try:
        value = rhs(v)
    except (sympy.ShapeError, ValueError, TypeError):
        return False  # the right side cannot be formed: the claim is false
    if not isinstance(value, sympy.MatrixBase) or value.shape != grad[by].shape:
        return False
    return all(abs(sympy.N(e, 30)) < sympy.Float("1e-25") for e in (value - grad[by]))


def _ones(q):
    return sympy.ones(*q.shape)


def _had(a, b):
    return a.multiply_elementwise(b)


#: (claim, the gradient it names, its right side in SymPy, the verdict decided by hand)
CLAIMS = [
    (r"\frac{\partial L}{\partial u} = u - t", "u", lambda v: v["u"] - v["t"], "holds"),
    (r"\frac{\partial L}{\partial u} = t - u", "u", lambda v: v["t"] - v["u"], "refuted"),  # sign
    (r"\frac{\partial L}{\partial h} = (u - t) V^T", "h", lambda v: (v["u"] - v["t"]) * v["V"].T, "holds"),
    (r"\frac{\partial L}{\partial h} = (u - t) V", "h", lambda v: (v["u"] - v["t"]) * v["V"], "refuted"),  # no ᵀ
    (r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial h} \odot (1 - h^2)", "g",
     lambda v: _had(v["dh"], _ones(v["h"]) - _had(v["h"], v["h"])), "holds"),
    (r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial h} \odot (1 - g^2)", "g",  # tanh' at g, not at h
     lambda v: _had(v["dh"], _ones(v["g"]) - _had(v["g"], v["g"])), "refuted"),
    (r"\frac{\partial L}{\partial V} = h^T (u - t)", "V", lambda v: v["h"].T * (v["u"] - v["t"]), "holds"),
    (r"\frac{\partial L}{\partial V} = (u - t)^T h", "V", lambda v: (v["u"] - v["t"]).T * v["h"], "refuted"),
    (r"\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial g}", "W", lambda v: v["x"].T * v["dg"], "holds"),
    (r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial g} x^T", "W", lambda v: v["dg"] * v["x"].T,
     "refuted"),
    (r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W^T", "x", lambda v: v["dg"] * v["W"].T, "holds"),
    (r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial g} W", "x", lambda v: v["dg"] * v["W"], "refuted"),
]


@pytest.mark.parametrize("claim, by, rhs, truth", CLAIMS)
def test_the_hand_verdicts_agree_with_sympy(claim, by, rhs, truth):
    assert _oracle_holds(by, rhs) == (truth == "holds"), claim


def _run(tmp_path, text):
    path = tmp_path / "notes.md"
    path.write_text(text)
    report = verify_notes(path)
    return report, {r.formula.text: r.result for r in report.rows}


def _claims_text() -> str:
    return "".join(f"$${claim}$$\n\n" for claim, _, _, _ in CLAIMS)


@pytest.mark.parametrize("preamble", ["", _U_ENTRIES, _CZECH],
                         ids=["no-sizes", "u-entries-in-prose", "czech-sizes"])
def test_open_sizes_give_the_hand_verdicts(tmp_path, preamble):
    report, rows = _run(tmp_path, preamble + _DEFS + _claims_text())
    for claim, _, _, truth in CLAIMS:
        assert rows[claim].status == truth, (preamble, claim, rows[claim].reason)
    assert report.exit_code == 1  # refuted claims in the file


def test_true_claims_alone_exit_zero(tmp_path):
    true = "".join(f"$${c}$$\n\n" for c, _, _, truth in CLAIMS if truth == "holds")
    report, rows = _run(tmp_path, _U_ENTRIES + _DEFS + true)
    assert {r.status for r in rows.values()} == {"holds"}
    assert report.exit_code == 0


# review 18 n41 (no sizes) and n40 (Czech sizes): both rejected with exit 2 before. Part 1 writes gradients as
# rows (lines 12, 14, 16 true in the denominator layout, the only one their shapes fit); ∂u/∂h = V is V in the
# denominator layout and Vᵀ in the numerator layout, which the notes declare in words: refuted in it.
_N41 = ("# Část 1: gradienty jako řádky\n\n\n" + _DEFS
        + "$$\\frac{\\partial L}{\\partial u} = u - t$$\n\n$$\\frac{\\partial L}{\\partial h} = (u - t) V^T$$\n\n"
        "$$\\frac{\\partial L}{\\partial g} = \\frac{\\partial L}{\\partial h} \\odot (1 - h^2)$$\n\n"
        "# Část 2: Jacobiány\n\nOd této chvíle píšeme derivace v čitatelovém uspořádání (Jacobiány): "
        "$\\frac{\\partial u}{\\partial h}$ má řádek pro každé $u_i$.\n\n$$\\frac{\\partial u}{\\partial h} = V$$\n")


@pytest.mark.parametrize("preamble", ["", _CZECH], ids=["n41", "n40-czech"])
def test_review_notes_are_read_not_rejected(tmp_path, preamble):
    report, rows = _run(tmp_path, preamble + _N41)
    assert rows[r"\frac{\partial L}{\partial u} = u - t"].status == "holds"
    assert rows[r"\frac{\partial L}{\partial h} = (u - t) V^T"].status == "holds"
    assert rows[r"\frac{\partial L}{\partial g} = \frac{\partial L}{\partial h} \odot (1 - h^2)"].status == "holds"
    # u = h V (rows): ∂u_j/∂h_i = V_ij, so the Jacobian with a row per u_j, the layout part 2 declares, is V^T
    assert rows[r"\frac{\partial u}{\partial h} = V"].status == "refuted"
    assert "declared in words on line" in rows[r"\frac{\partial u}{\partial h} = V"].reason
    assert report.exit_code == 1


def test_czech_sizes_are_the_english_ones():
    cz = sorted(hints_and_prose(_CZECH)[0])
    en = sorted(hints_and_prose("Let $x$ be a row vector of length 2, $W$ and $V$ be $2 \\times 2$ matrices.")[0])
    assert set(en) <= set(cz), (cz, en)


@pytest.mark.parametrize("sentence, hints", [
    (r"Nechť $x$ je sloupcový vektor délky $3$ a $W$ je matice $2 \times 3$.",
     {("x", "col", ()), ("x", "", (3,)), ("W", "", (2, 3))}),
    (r"Nechť $x$ je řádkový vektor o 2 složkách.", {("x", "row", ()), ("x", "", (2,))}),
    (r"Пусть $x$ — вектор-строка длины 2, $W$ и $V$ — матрицы $2 \times 2$.",
     {("x", "row", ()), ("x", "", (2,)), ("W", "", (2, 2)), ("V", "", (2, 2))}),
    (r"Пусть $x$ — вектор-столбец размерности 3.", {("x", "col", ()), ("x", "", (3,))}),
    (r"Niech $x$ będzie wektorem wierszowym długości 2, a $W$ i $V$ macierzami $2 \times 2$.",
     {("x", "row", ()), ("x", "", (2,)), ("W", "", (2, 2)), ("V", "", (2, 2))}),
    (r"Niech $x$ będzie wektorem kolumnowym o 3 składowych, $W$ macierzą $2 \times 3$.",
     {("x", "col", ()), ("x", "", (3,)), ("W", "", (2, 3))}),
])
def test_size_prose_in_czech_russian_polish(sentence, hints):
    got = {h[1:] for h in hints_and_prose(sentence)[0]}
    assert hints <= got, got


@pytest.mark.parametrize("sentence", [
    "Matice $W$ má řádek pro každý výstup.",  # W has a row for every output
    # review 20 p11: a Jacobian's rows and columns, and the gradient *of* L, say nothing of s's or L's own shape
    "The Jacobian $J$ has one row for each entry of $s$\nand one column for each entry of $h$.",
    "the gradient of the scalar $L$ is a row vector.",
    "Macierz $W$ ma jedną kolumnę dla każdego wejścia.",  # a column (noun) per input
])
def test_a_noun_row_is_no_orientation(sentence):
    assert not [h for h in hints_and_prose(sentence)[0] if h[2] in ("row", "col")]


@pytest.mark.parametrize("preamble", [_CZECH.replace("řádkový", "sloupcový"),
                                      "Let $x$ be a column vector of length 2 and $W$ a $2 \\times 2$ matrix.\n\n"],
                         ids=["czech", "english"])
def test_words_that_force_a_contradiction_still_stop_the_run(tmp_path, preamble):
    # x a column and W a matrix said in words, g = x W a row product: the notes' own words and definition disagree
    # (exit 2), both lines named
    path = tmp_path / "notes.md"
    path.write_text(preamble + _DEFS + "$$\\frac{\\partial L}{\\partial u} = u - t$$\n")
    with pytest.raises(GraphError) as err:
        verify_notes(path, notation="rowvector")
    assert "line 1" in str(err.value) and "g = x W" in str(err.value), str(err.value)


# The output neuron of the seed's classifier, A = h u with u never given a shape: in the vector reading u is a
# column (h a row), so A, B and the loss stay numbers; a reading that made the loss a vector is never used. By hand
# (denominator layout, checked below with SymPy): ∂L/∂A = B − t, ∂L/∂h = (B − t) uᵀ, ∂L/∂u = hᵀ (B − t).
_NEURON = ("Here $\\sigma$ is the logistic sigmoid, $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.\n\n$$g = x W$$\n\n"
           "$$h = \\tanh(g)$$\n\n$$A = h u$$\n\n$$B = \\sigma(A)$$\n\n"
           "$$L = -t \\log B - (1 - t) \\log(1 - B)$$\n\n")
NEURON_CLAIMS = [
    (r"\frac{\partial L}{\partial A} = B - t", "holds"),
    (r"\frac{\partial L}{\partial A} = t - B", "refuted"),
    (r"\frac{\partial L}{\partial h} = (B - t) u^T", "holds"),
    (r"\frac{\partial L}{\partial h} = (B - t) u^T \odot (1 - h^2)", "refuted"),  # that is ∂L/∂g
]


def test_the_neuron_verdicts_agree_with_sympy():
    x = sympy.Matrix([[sympy.Rational(1, 3), -sympy.Rational(2, 5)]])
    R = sympy.Rational
    W = sympy.Matrix([[R(1, 2), -1, R(1, 4)], [R(2, 3), R(1, 5), -2]])
    u = sympy.Matrix([[sympy.Rational(3, 4)], [-sympy.Rational(1, 3)], [sympy.Rational(1, 2)]])
    t = sympy.Rational(1)
    H = sympy.Matrix(1, 3, lambda i, j: sympy.Symbol(f"h{j}"))
    a, U = sympy.Symbol("a"), sympy.Matrix(3, 1, lambda i, j: sympy.Symbol(f"u{i}"))
    h = (x * W).applyfunc(sympy.tanh)

    def loss(A):
        B = 1 / (1 + sympy.exp(-A))
        return -t * sympy.log(B) - (1 - t) * sympy.log(1 - B)

    A = (h * u)[0]
    B = 1 / (1 + sympy.exp(-A))
    dA = sympy.diff(loss(a), a).subs(a, A)
    dh = H.applyfunc(lambda s: sympy.diff(loss((H * u)[0]), s)).subs(dict(zip(H, h)))
    du = U.applyfunc(lambda s: sympy.diff(loss((h * U)[0]), s)).subs(dict(zip(U, u)))
    close = lambda p, q: p.shape == q.shape and all(abs(sympy.N(e, 30)) < 1e-25 for e in p - q)  # noqa: E731
    assert abs(sympy.N(dA - (B - t), 30)) < 1e-25 and abs(sympy.N(dA - (t - B), 30)) > 1e-3
    assert close(dh, (B - t) * u.T)
    assert not close(dh, ((B - t) * u.T).multiply_elementwise(sympy.ones(1, 3) - h.multiply_elementwise(h)))
    assert close(du, h.T * (B - t))  # ∂L/∂u = hᵀ (B − t): u's shape, a column


def test_the_loss_stays_a_number_in_the_vector_reading(tmp_path):
    text = (_NEURON + "".join(f"$${c}$$\n\n" for c, _ in NEURON_CLAIMS)
            + "$$\\frac{\\partial L}{\\partial u} = h^T (B - t)$$\n")
    report, rows = _run(tmp_path, text)
    for claim, truth in NEURON_CLAIMS:
        got = rows[claim]
        busy = got.status == "undecided" and "time budget ran out" in got.reason  # a loaded machine: never refuted
        assert got.status == truth or (truth == "holds" and busy), (claim, got.reason)
    assert rows[r"\frac{\partial L}{\partial u} = h^T (B - t)"].status in ("holds", "undecided")  # never refuted
    assert report.exit_code == 1
