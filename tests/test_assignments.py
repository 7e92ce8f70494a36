r"""An algorithm's assignments read as the equations they state (review 20, F4.1): ``\delta^l \gets …``.

Truth by hand (Nielsen, ch. 2): with C = ½‖a^L − y‖², a^l = σ(z^l), z^l = w^l a^{l-1} + b^l,
BP1 δ^L = (a^L − y) ⊙ σ'(z^L) and BP2 δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l) for l = L−1, …, 2. The slips
below (σ for σ', σ'(z^{l+1}) for σ'(z^l), (w^l)^T for (w^{l+1})^T, a^l for a^{l-1} in z^l) make them false; the
truth of BP1 and BP2 and the falsity of two slips are checked first by direct differentiation of the composed
cost of a [2, 3, 2] network (SymPy, independent of symbp's reader and verifier).
Before: a step written with ← was filed as "prose: no equation" (a wrong one left the run at exit 0), a
"definition" δ^l := ((w^{l+1})^T δ^{l+1}) ⊙ … made every other δ claim uninterpretable, and z^l ← … was
"unknown macro \gets".
"""

from __future__ import annotations

import random

import pytest
import sympy

from symbp.notation import profile
from symbp.verify import verify
from symbp.verify.assignments import equations, recursion_claim
from symbp.verify.notes import verify_text

# -- the oracle: δ by direct differentiation ---------------------------------------------------------------


def _network(sizes=(2, 3, 2), seed=5):
    """(z per layer as functions of free symbols z_l, the cost C, the weights, the symbols) of a sigmoid network
    with numbers for its weights, biases, input and target; every z^l a symbol the layers above are built on."""
    rnd = random.Random(seed)
    sig = lambda t: 1 / (1 + sympy.exp(-t))  # noqa: E731
    a = sympy.Matrix([sympy.Rational(rnd.randint(-9, 9), 7) for _ in range(sizes[0])])
    zs, ws, exprs = {}, {}, {}
    for l in range(1, len(sizes)):
        w = sympy.Matrix(sizes[l], sizes[l - 1], lambda i, j: sympy.Rational(rnd.randint(-9, 9), 5))
        b = sympy.Matrix([sympy.Rational(rnd.randint(-9, 9), 5) for _ in range(sizes[l])])
        z = sympy.Matrix(sympy.symbols(f"z{l + 1}_0:{sizes[l]}"))
        ws[l + 1], zs[l + 1], exprs[l + 1] = w, z, w * a + b
        a = z.applyfunc(sig)
    y = sympy.Matrix([sympy.Rational(rnd.randint(0, 9), 9) for _ in range(sizes[-1])])
    return zs, exprs, ws, (a - y).dot(a - y) / 2, y, sig


def _deltas():
    """δ^l = ∂C/∂z^l by differentiating C composed down to z^l, and the values of z at the network's point."""
    zs, exprs, ws, cost, y, sig = _network()
    top = max(zs)  # L
    values = {}
    for l in range(2, top + 1):
        values.update(dict(zip(zs[l], exprs[l].subs(values))))
    deltas, composed = {}, cost
    for l in range(top, 1, -1):
        deltas[l] = sympy.Matrix([sympy.diff(composed, s) for s in zs[l]]).subs(values)
        if l > 2:
            composed = composed.subs(dict(zip(zs[l], exprs[l])))
    return zs, ws, deltas, values, y, sig


def test_bp1_and_bp2_and_two_slips_by_direct_differentiation():
    zs, ws, deltas, values, y, sig = _deltas()
    d_sig = lambda t: sig(t) * (1 - sig(t))  # noqa: E731
    top = max(zs)
    assert top == 3
    z_l, z_top = zs[2].subs(values), zs[top].subs(values)
    a_top = z_top.applyfunc(sig)
    bp1 = (a_top - y).multiply_elementwise(z_top.applyfunc(d_sig))
    assert sympy.N((deltas[top] - bp1).norm()) < 1e-12
    sigma_for_prime = (a_top - y).multiply_elementwise(z_top.applyfunc(sig))
    assert sympy.N((deltas[top] - sigma_for_prime).norm()) > 1e-6
    bp2 = (ws[top].T * deltas[top]).multiply_elementwise(z_l.applyfunc(d_sig))
    assert sympy.N((deltas[2] - bp2).norm()) < 1e-12
    # σ'(z^{l+1}) for σ'(z^l): the shapes differ here (3 against 2), as symbp says
    assert (ws[top].T * deltas[top]).shape != z_top.shape


# -- reading ---------------------------------------------------------------------------------------------

def test_what_is_read_as_an_equation_and_what_keeps_its_arrow():
    assert equations(r"\delta^L \gets (a^L - y) \odot \sigma'(z^L)")[0] == r"\delta^L = (a^L - y) \odot \sigma'(z^L)"
    assert equations(r"z^l \longleftarrow w^l a^{l-1} + b^l")[1] == ("z^l",)
    # a step of gradient descent, an accumulation, a derivative on the left: the arrow is theirs
    for kept in (r"w^l \gets w^l - \eta\, \delta^l (a^{l-1})^T", r"b_i^{(l)} \leftarrow w_{ji}^{(l)} - \eta\, \delta_i^{(l)}",
                 r"G \gets G + \delta^l (a^{l-1})^T", r"\frac{\partial B}{\partial A} \leftarrow \frac{\partial L}{\partial B}",
                 r"a \Leftarrow b"):
        assert equations(kept) == (kept, ()), kept


def test_a_definition_of_delta_by_the_delta_of_another_layer_is_a_claim():
    nt = profile("nielsen")
    assert recursion_claim(r"\delta^l := ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})", nt) == \
        r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})"
    # what δ means (a derivative), a δ of no layer, and δ of the same layer stay definitions
    for text in (r"\delta^l := \frac{\partial C}{\partial z^l}", r"\delta^l \equiv -\nabla_{z^l} C",
                 r"\delta^L := (a^L - y) \odot \sigma'(z^L)", r"\delta := a - y"):
        assert recursion_claim(text, nt) is None, text


# -- verdicts ----------------------------------------------------------------------------------------------

_SETTING = r"""# Algorithm

Quadratic cost $C = \frac12\|a^L - y\|^2$, $z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$.

"""


def _rows(body: str, notation: str = "nielsen"):
    report = verify_text(_SETTING + body, notation)
    return {r.formula.text: r.result for r in report.rows}, report


@pytest.mark.parametrize("line, claim, status", [
    (r"$$\delta^L \gets (a^L - y) \odot \sigma'(z^L)$$", r"\delta^L = (a^L - y) \odot \sigma'(z^L)", "holds"),
    (r"$$\delta^L \gets (a^L - y) \odot \sigma(z^L)$$", r"\delta^L = (a^L - y) \odot \sigma(z^L)", "refuted"),
    (r"$$\delta^l \gets ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)$$",
     r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", "holds"),
    (r"$$\delta^l \leftarrow ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$$",
     r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})", "refuted"),
    (r"$$\delta^l \longleftarrow ((w^{l})^T \delta^{l+1}) \odot \sigma'(z^l)$$",
     r"\delta^l = ((w^{l})^T \delta^{l+1}) \odot \sigma'(z^l)", "refuted"),
    # δ := by the δ of the next layer: backpropagation's step, a claim (not a δ of the notes' own)
    (r"$$\delta^l := ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)$$",
     r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", "holds"),
    (r"$$\delta^l := ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$$",
     r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})", "refuted"),
    # inline, in a numbered step, under the loop's range (read as the claim's condition, also backwards)
    (r"4. For $l = L-1, \dots, 2$: $\delta^l \gets ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)$.",
     r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l) \quad \text{for } l = L-1, \dots, 2", "holds"),
    (r"4. For $l = L-1, \dots, 2$: $\delta^l \gets ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$.",
     r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1}) \quad \text{for } l = L-1, \dots, 2", "refuted"),
    (r"2. For $l = 2, \dots, L$: $z^l \gets w^l a^{l-1} + b^l$, $a^l \gets \sigma(z^l)$.",
     r"a^l = \sigma(z^l) \quad \text{for } l = 2, \dots, L", "holds"),
])
def test_an_assignment_is_judged_as_the_equation_it_states(line, claim, status):
    rows, report = _rows(line + "\n")
    assert rows[claim].status == status, (claim, rows[claim].reason, list(rows))
    assert "assigned by the notes" in rows[claim].remark
    assert not any(f.kind == "prose" for f in report.skipped), report.skipped
    assert report.exit_code == (1 if status == "refuted" else 0)


def test_the_forward_pass_by_an_arrow_is_read_as_its_definition():
    # f23 line 6: before, "unknown macro \gets"; a wrong one is a slip against line 3's definition, refuted
    rows, _ = _rows("2. For $l = 2, \\dots, L$: $z^l \\gets w^l a^{l-1} + b^l$.\n"
                    "$$z^l \\gets w^l a^{l} + b^l$$\n")
    assert rows[r"z^l = w^l a^{l-1} + b^l \quad \text{for } l = 2, \dots, L"].status == "holds"
    assert rows[r"z^l = w^l a^{l} + b^l"].status == "refuted"


def test_review_20_probe_p4_four_wrong_delta_steps_are_refuted():
    # p4_gets.md: σ for σ' in BP1; σ'(z^{l+1}) in BP2 with ←, \leftarrow, := and = (before: 3 prose, exit 0)
    rows, report = _rows(r"""$$\delta^L \gets (a^L - y) \odot \sigma(z^L)$$
$$\delta^l \gets ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$$
$$\delta^l \leftarrow ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$$
$$\delta^l := ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$$
4. For $l = L-1, \dots, 2$: $\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$.
""")
    deltas = {text: r for text, r in rows.items() if text.startswith(r"\delta")}
    assert len(deltas) >= 2 and all(r.status == "refuted" for r in deltas.values()), deltas
    assert report.exit_code == 1


@pytest.mark.parametrize("notation, step, status", [
    ("sokolinsky", r"\delta_j^{(l)} \gets \left(\sum_i w_{ji}^{(l+1)} \delta_i^{(l+1)}\right) \sigma'(z_j^{(l)})", "holds"),
    ("sokolinsky", r"\delta_j^{(l)} \gets \left(\sum_i w_{ij}^{(l+1)} \delta_i^{(l+1)}\right) \sigma'(z_j^{(l)})", "refuted"),
    ("nielsen", r"\delta^l_j \gets \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)", "holds"),
    ("nielsen", r"\delta^l_j \gets \sum_k w^{l+1}_{jk} \delta^{l+1}_k \sigma'(z^l_j)", "refuted"),
])
def test_a_single_formula_with_an_arrow_reads_the_same(notation, step, status):
    assert equations(step)[1]
    got = verify(step, notation)
    assert got.status == status and got.formula == step, got.reason


def test_a_quantity_computed_in_steps_is_not_read_as_one_equation():
    # δ^l ← (w^{l+1})^T δ^{l+1}, then δ^l ← δ^l ⊙ σ'(z^l): the first value is not δ^l yet (BP2 needs the σ'), so
    # reading it as δ^l = (w^{l+1})^T δ^{l+1} would refute a right algorithm; both are reported as not read
    rows, report = _rows("1. $\\delta^L \\gets (a^L - y) \\odot \\sigma'(z^L)$.\n"
                         "2. For $l = L-1, \\dots, 2$: $\\delta^l \\gets (w^{l+1})^T \\delta^{l+1}$, then "
                         "$\\delta^l \\gets \\delta^l \\odot \\sigma'(z^l)$.\n")
    assert rows[r"\delta^L = (a^L - y) \odot \sigma'(z^L)"].status == "holds"
    steps = [r for text, r in rows.items() if text.startswith(r"\delta^l")]
    assert len(steps) == 2 and all(r.status == "unreadable" and "computed in steps" in r.reason for r in steps)
    assert report.exit_code == 0
