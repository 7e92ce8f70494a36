r"""A cost given as a bare expression in a sentence (``costbare``, review rv50 A1).

"The cost is $\|a^L - y\|^2$." gives the cost without the ½, so δ^L = 2(a^L − y) ⊙ σ'(z^L) and BP1 written with
(a^L − y) is false; before, the expression was prose and the default ½‖a − y‖² made BP1 hold. The truth is
checked below with ``sympy.diff`` of each cost on one output neuron.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

PRE = r"We use $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$. "
BP1 = "\n\nThe output error is\n$$\\delta^L = (a^L - y) \\odot \\sigma'(z^L).$$\n"


def _bp1(sentence: str):
    return next(row.result for row in _report(sentence).rows if "delta^L" in row.formula.text)


def _report(sentence: str):
    return verify_text(PRE + sentence + BP1, "nielsen")


def test_the_truth_by_sympy():
    # one output: δ^L = dC/da · σ'(z); C = (a − y)² gives 2(a − y) σ', ½(a − y)² gives (a − y) σ'
    a, y, z = sympy.symbols("a y z")
    sigma = sympy.Function("sigma")
    for cost, factor in (((a - y) ** 2, 2), (sympy.Rational(1, 2) * (a - y) ** 2, 1)):
        delta = sympy.diff(cost.subs(a, sigma(z)), z)
        assert sympy.simplify(delta - factor * (sigma(z) - y) * sympy.diff(sigma(z), z)) == 0


@pytest.mark.parametrize("sentence", [
    r"The cost is $\|a^L - y\|^2$.",
    r"We minimise the cost $\sum_j (a^L_j - y_j)^2$.",
    r"We minimise $\|a^L - y\|^2$ over the weights.",
    r"The cost is the squared Euclidean distance $\|a^L - y\|^2$ between output and target.",
    r"Ztrátová funkce je $\|a^L - y\|^2$.",
    r"Функция потерь равна $\|a^L - y\|^2$.",
    r"Funkcja kosztu to $\|a^L - y\|^2$.",
])
def test_a_bare_cost_without_the_half_refutes_bp1(sentence):
    v = _bp1(sentence)
    assert v.status == "refuted", (sentence, v.status, v.reason)
    # the bare expression is read as the cost's definition, and the row says it is one
    report = _report(sentence)
    defined = [f for f in report.skipped if f.text.startswith("C = ")]
    assert len(defined) == 1 and defined[0].kind == "definition", [(f.text, f.kind) for f in report.skipped]
    assert "as the cost C" in defined[0].reason
    assert any("the cost is squared-error" in line for line in report.header()), report.header()


def test_a_bare_cost_with_the_half_holds_bp1():
    v = _bp1(r"The cost is $\frac{1}{2}\|a^L - y\|^2$.")
    assert v.status == "holds", v.reason


@pytest.mark.parametrize("sentence", [
    r"The cost is $\|a^L - y\|^2$ summed over all training inputs.",
    r"The loss is $\|a^L - y\|^2$ plus a penalty on the weights.",
])
def test_words_after_the_bare_cost_leave_bp1_unjudged(sentence):
    v = _bp1(sentence)
    assert v.status not in ("holds", "refuted"), (sentence, v.status, v.reason)


@pytest.mark.parametrize("sentence", [
    r"The cost is the squared Euclidean distance between output and target.",
    r"The cost is the squared norm of the error vector.",
])
def test_a_cost_said_only_in_words_without_its_half_does_not_hold(sentence):
    # the squared distance has no ½: BP1 with (a − y) is false under it; symbp reads it as a squared error
    # whose ½ the words leave open: ambiguous, never holds
    v = _bp1(sentence)
    assert v.status != "holds", (sentence, v.reason)


@pytest.mark.parametrize("sentence", [
    r"The cost is not $\|a^L - y\|^2$ but half of it, $C = \frac{1}{2}\|a^L - y\|^2$.",
    r"If the cost were $\|a^L - y\|^2$, the factor would change. We use $C = \frac{1}{2}\|a^L - y\|^2$.",
])
def test_a_denied_or_supposed_bare_cost_is_not_the_notes_cost(sentence):
    v = _bp1(sentence)
    assert v.status == "holds", (sentence, v.status, v.reason)


def test_math_that_is_no_cost_stays_prose():
    # "The loss is $L$" names a letter; a^L − y without a square is no cost of symbp's kind: prose, as before
    report = verify_text(PRE + r"The loss is $\mathcal{L}$ and the error is $a^L - y$." + BP1, "nielsen")
    found = {f.text: f.kind for f in report.skipped + [row.formula for row in report.rows]}
    assert found.get(r"\mathcal{L}") == "prose" and found.get("a^L - y") == "prose", found
    assert not any(text.startswith("C =") for text in found), found


@pytest.mark.parametrize("sentence", [
    r"The gradient of the cost is $(a^L - y)^2$ here.",
    r"The derivative of the loss is $2(a^L - y)^2$.",
    r"Градиент функции потерь равен $\|a^L - y\|^2$.",
    r"Gradient funkcji kosztu jest $\|a^L - y\|^2$.",
])
def test_the_cost_as_another_things_complement_is_no_definition(sentence):
    # "the gradient of the cost is …" says what the gradient is, not the cost: no C = … is made
    report = _report(sentence)
    assert not any(f.text.startswith("C = ") for f in report.skipped), [(f.text, f.kind) for f in report.skipped]


def test_half_the_squared_distance_is_the_quadratic_cost():
    # ½‖a − y‖²: BP1 with (a^L − y) holds under it (test_the_truth_by_sympy)
    v = _bp1("The cost is half the squared distance between the output and the target.")
    assert v.status == "holds", (v.status, v.reason)
