r"""Update rules in notes with numbered iterates (W_1, W_2), a named gradient (G) and a computed name (v = W x).

Truth by hand, for L = ½‖W x − y‖² (so ∂L/∂W = (W x − y) x^T, a 2×3 matrix for x of 3 entries and y of 2):

* ``W_2 := W_1 − η G`` where no other formula names W_1 or W_2: W_1, W_2 are successive values of W, as W_t,
  W_{t+1}. With G = ∂L/∂W it is the step W − η ∂L/∂W (holds); with G never defined the step is unknown (neither
  true nor false: uninterpretable, naming G). Before, it was refuted, "starts from W_1 instead of W_2".
* in notes with two layers (h = W_1 x, y = W_2 h), W_1 and W_2 are two parameters: W_2 := W_1 − η ∂L/∂W_2 starts
  from the other layer's weights, refuted.
* v = W x is computed from W and x: a step v := … is no step of gradient descent on a parameter (review rv34; it
  held before, read as a step on v from its value W x).
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text
from symbp.verify.updateiterates import iterate_rewrites

_ONE = r"The loss is $L = \frac12 \|W x - y\|^2$"
_G = r" and $G = \frac{\partial L}{\partial W}$"
_TWO = r"Let $h = W_1 x$, $y = W_2 h$ and $L = \frac12 \|y - t\|^2$, and $G = \frac{\partial L}{\partial W_2}$."


def _rows(preamble: str, rule: str) -> list:
    text = preamble + ".\n\nGradient descent updates the weights:\n\n$" + rule + "$\n"
    return [r.result for r in verify_text(text).rows if r.formula.line == 5]


def test_numbered_iterates_with_an_undefined_gradient_name_it():
    for preamble in ("Some notes", _ONE):
        (v,) = _rows(preamble, r"W_2 := W_1 - \eta G")
        assert v.status == "uninterpretable" and "G" in v.reason and "never define" in v.reason, (preamble, v)
        assert "starts from" not in v.reason, v.reason


@pytest.mark.parametrize("rule", [r"W_2 := W_1 - \eta G", r"W_2 = W_1 - \eta G", r"W_{3} \leftarrow W_{2} - \eta G",
                                  r"W_2 := W_1 - 2 \eta G"])
def test_numbered_iterates_with_the_gradient_named_hold(rule):
    (v,) = _rows(_ONE + _G, rule)
    assert v.status == "holds", (rule, v.reason)


@pytest.mark.parametrize("rule, status", [
    (r"W_2 := W_3 - \eta G", "refuted"),   # starts from the later iterate W_3, not the previous one
    (r"W_3 := W_1 - \eta G", "refuted"),   # two steps apart: W_1 is not the value W_3 is stepped from
    (r"W_2 := W_1 + \eta G", "refuted"),   # uphill
    (r"W_2 := W_1 - \eta H", "uninterpretable"),  # H never defined
    (r"W_2 := W_1 - \eta x (W x - y)^T", "refuted"),  # the gradient transposed (3×2, W is 2×3)
])
def test_numbered_iterates_with_a_wrong_step_are_not_held(rule, status):
    (v,) = _rows(_ONE + _G, rule)
    assert v.status == status, (rule, v.status, v.reason)


def test_the_weights_of_two_layers_are_not_iterates():
    (v,) = _rows(_TWO.rstrip("."), r"W_2 := W_1 - \eta G")
    assert v.status == "refuted" and "starts from W_1 instead of W_2" in v.reason, v.reason
    (v,) = _rows(_TWO.rstrip("."), r"W_2 := W_2 - \eta G")  # the step on the second layer's weights
    assert v.status == "holds", v.reason


def test_iterate_rewrites_leaves_names_other_formulas_use():
    assert iterate_rewrites([r"W_2 := W_1 - \eta G", r"h = W_1 x"], [0]) == {}
    # a step of W_1 on its own makes W_1 a parameter; a step W_3 := W_2 - … is one more iterate
    assert iterate_rewrites([r"W_2 := W_1 - \eta G", r"W_1 := W_1 - \eta G"], [0, 1]) == {}
    assert set(iterate_rewrites([r"W_2 := W_1 - \eta G", r"W_3 := W_2 - \eta G"], [0, 1])) == {0, 1}
    assert iterate_rewrites([r"W_2 := W_1 - \eta G", r"G = \frac{\partial L}{\partial W}", "G = 2"], [0]) == {
        0: r"W := W - \eta G"}  # G defined twice: not read as the gradient's name
    # entries of a vector, Nielsen's weights w_k: x_2 := x_1 - … starts from another entry, never read as iterates
    assert iterate_rewrites([r"x_2 := x_1 - \eta G"], [0]) == {}
    assert iterate_rewrites([r"w_2 := w_1 - \eta G"], [0]) == {}
    # a gradient's name the notes call false names nothing
    assert iterate_rewrites([r"W_2 := W_1 - \eta G", r"G = \frac{\partial L}{\partial W}"], [0], denied=(1,)) == {
        0: r"W := W - \eta G"}


_V = r"Let $x$ be a column vector with 3 entries and $W$ a $2 \times 3$ matrix. Let $v = W x$ and " \
     r"$L = \frac12 \|v - y\|^2$"


@pytest.mark.parametrize("rule", [r"v := W x - \eta \frac{\partial L}{\partial v}",
                                  r"v := v - \eta \frac{\partial L}{\partial v}"])
def test_a_step_on_a_computed_name_is_not_read(rule):
    (v,) = _rows(_V, rule)
    assert v.status == "uninterpretable" and "v is computed from W and x, not a parameter" in v.reason, v


def test_a_step_on_the_parameter_beside_a_computed_name_is_still_judged():
    # ∂L/∂W = (v − y) x^T with v = W x
    assert _rows(_V, r"W := W - \eta (v - y) x^T")[0].status == "holds"
    assert _rows(_V, r"W := W + \eta (v - y) x^T")[0].status == "refuted"


# -- rv40 A10: gradient descent from W_1 takes the gradient at W_1 (∂L/∂W or ∂L/∂W_1), never at the new W_2 ------
# W_2 = W_1 − η ∇L(W_2) is an implicit (proximal) step, not a step of gradient descent from W_1. With L undefined
# the letter is a generic function: W_2 = W_1 − η ∂L/∂W_1 is a step of gradient descent on any L (holds).

@pytest.mark.parametrize("preamble", [_ONE + r" and $G = \frac{\partial L}{\partial W_2}$", "Some notes"])
@pytest.mark.parametrize("rule", [r"W_2 := W_1 - \eta G", r"W_2 := W_1 - \eta \frac{\partial L}{\partial W_2}"])
def test_rv40_a_gradient_at_the_new_iterate_is_no_descent_step(preamble, rule):
    if "G" in rule and preamble == "Some notes":
        preamble = r"Some notes, $G = \frac{\partial L}{\partial W_2}$"
    (v,) = _rows(preamble, rule)
    assert v.status == "refuted" and "W_2" in v.reason and "starts from" in v.reason, v


@pytest.mark.parametrize("preamble", [_ONE + r" and $G = \frac{\partial L}{\partial W_1}$",
                                      r"Some notes, $G = \frac{\partial L}{\partial W_1}$", _ONE])
def test_rv40_a_gradient_at_the_old_iterate_is_a_descent_step(preamble):
    rule = r"W_2 := W_1 - \eta G" if "G =" in preamble else r"W_2 := W_1 - \eta \frac{\partial L}{\partial W_1}"
    (v,) = _rows(preamble, rule)
    assert v.status == "holds", v
