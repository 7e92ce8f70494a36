r"""One output neuron in the prose (``symbp/verify/single_output.py``) and products with a 1 × 1 output vector
(``values.multiply``, review 19 M2; "one output" without "neuron", review 18 F9).

The oracle builds the last layer of a network with three neurons before it and one output with SymPy:
z = Σ_k w_k a_k + b, C = ½(σ(z) − y)², and differentiates C by each weight directly; a claim about ∂C/∂w^L (a
1 × 3 matrix, the shape of w^L) is true when its matrix, with δ^L the number ∂C/∂z, has that shape and entries.
"""

import pytest
import sympy as sp

from symbp.verify.notes import verify_text
from symbp.verify.single_output import prose_outputs

A = sp.Matrix(sp.symbols("a0:3"))  # a^{L-1}, a column of 3
Z, Y, B = sp.symbols("z y b")
S = sp.Function("s")
W = sp.Matrix([sp.symbols("w0:3")])  # w^L: one row of 3


def _gradient() -> sp.Matrix:
    z = (W * A)[0, 0] + B
    cost = (S(z) - Y) ** 2 / 2
    return sp.Matrix([[sp.diff(cost, w) for w in W]])


def _delta() -> sp.Matrix:
    z = (W * A)[0, 0] + B
    return sp.Matrix([[sp.diff((S(Z) - Y) ** 2 / 2, Z).subs(Z, z)]])  # δ^L = ∂C/∂z^L, a 1 × 1 vector


def _claimed(form: str) -> sp.Matrix:
    """The claim's right side with δ^L a number (a 1 × 1 vector read as its entry where the shapes ask for it)."""
    d = _delta()[0, 0]
    a_out = sp.Matrix([[S((W * A)[0, 0] + B)]])
    return {"aT d": A.T * d, "d aT": d * A.T, "dT a": d * A, "d a": d * A, "a d": A * d, "aLT d": a_out.T * d,
            "2 aT d": 2 * A.T * d}[form]


def _true(form: str) -> bool:
    claimed, grad = _claimed(form), _gradient()
    return claimed.shape == grad.shape and sp.simplify(claimed - grad) == sp.zeros(*grad.shape)


CLAIMS = {  # form -> the claim as written
    "aT d": r"\frac{\partial C}{\partial w^L} = (a^{L-1})^T \delta^L",
    "d aT": r"\frac{\partial C}{\partial w^L} = \delta^L (a^{L-1})^T",
    "dT a": r"\frac{\partial C}{\partial w^L} = (\delta^L)^T a^{L-1}",
    "d a": r"\frac{\partial C}{\partial w^L} = \delta^L a^{L-1}",
    "a d": r"\frac{\partial C}{\partial w^L} = a^{L-1} \delta^L",
    "aLT d": r"\frac{\partial C}{\partial w^L} = (a^{L})^T \delta^L",
    "2 aT d": r"\frac{\partial C}{\partial w^L} = 2 (a^{L-1})^T \delta^L",
}


def test_the_oracle():
    assert _true("aT d") and _true("d aT")
    assert not any(_true(f) for f in ("dT a", "d a", "a d", "aLT d", "2 aT d"))


@pytest.mark.parametrize("words", [
    "Our network has a single output neuron.", "Our network has one output.", "Síť má jeden výstupní neuron.",
    "Síť má jeden výstup.", "Сеть имеет один выходной нейрон.", "У сети один выход.", "Sieć ma jedno wyjście.",
])
def test_a_row_times_the_one_output_error(words):
    """/tmp/rv19/one1.md (was: refuted, "a row vector of 3 times a column vector of 1 does not multiply"): with one
    output δ^L is a number, (a^{L-1})^T δ^L the gradient, true; it holds on one output and fails with several, so it
    is conditional on n_L = 1, as the one-output rule says. The wrong variants stay refuted."""
    text = "\n".join(["# One output", "", words] + [f"$${c}$$" for c in CLAIMS.values()] + [""])
    report = verify_text(text)
    status = {r.formula.text: r.result for r in report.rows}
    for form, claim in CLAIMS.items():
        result = status[claim]
        if _true(form):
            assert result.status in ("conditional", "holds"), (form, result.reason)
            assert result.status == "holds" or result.condition == "n_L = 1"
        else:
            assert result.status == "refuted", (form, result.status, result.reason)
    assert status[CLAIMS["aT d"]].status == "conditional"  # false with several outputs (a row times a column)


def test_without_the_prose_the_row_stays_refuted():
    report = verify_text(f"# General\n\n$${CLAIMS['aT d']}$$\n")
    assert report.rows[0].result.status == "refuted"


@pytest.mark.parametrize("sentence", [
    "A neuron has one output.", "The network has one output layer.", "There is one output per class.",
    "Each layer has one output value.", "The network has more than one output.",
])
def test_one_output_that_fixes_nothing(sentence):
    assert prose_outputs(sentence) is None
