"""The chain rule written in function letters (seed 002, lines 205-246 and 295-410, Sokolinsky).

The oracle: f and g concrete (f(u) = u², g(x) = x² + 1) and the derivative of f(g(x)) by hand,
2 g(x) g'(x) = 5/2 at x = 1/2; the claims are compared with that, never with themselves.
"""

from __future__ import annotations

import pytest

from symbp.verify import verify
from symbp.verify.chainrule import chain_rule
from symbp.verify.extract import extract_all

ONE = r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial g} \cdot \frac{\partial g}{\partial x}"
MANY = r"\frac{\partial f}{\partial x} = \sum_i \frac{\partial f}{\partial g_i} \cdot \frac{\partial g_i}{\partial x}"


@pytest.mark.parametrize("formula", [ONE, MANY, ONE.replace(r" \cdot", "")])
def test_the_chain_rule_holds_in_the_seeds_letters(formula):
    r = verify(formula, "sokolinsky")
    assert r.status == "holds" and "chain rule" in r.interpretation["words"]


@pytest.mark.parametrize("formula,left,right", [
    # d/dx f(g(x)) = 2 g g' = 2 · 5/4 · 1 = 5/2; ∂f/∂g + ∂g/∂x = 2 g + 2x = 5/2 + 1 = 7/2
    (r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial g} + \frac{\partial g}{\partial x}", "5/2", "7/2"),
    # Σ_i ∂g_i/∂x without ∂f/∂g_i: at m = 1, g'(1/2) = 1
    (r"\frac{\partial f}{\partial x} = \sum_i \frac{\partial g_i}{\partial x}", "5/2", "1"),
])
def test_a_wrong_chain_rule_is_refuted_with_concrete_functions(formula, left, right):
    status, why = chain_rule(formula)
    assert status == "refuted"
    assert f"left side is {left} and the right side {right}" in why
    assert verify(formula, "sokolinsky").status == "refuted"


def test_the_sum_is_checked_for_several_inner_functions():
    # Σ_i with only the first inner function's derivative: right at m = 1, wrong at m = 2
    one_term = r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial g_1} \cdot \frac{\partial g_1}{\partial x}"
    assert chain_rule(one_term) is None  # g_1 outside a sum: not the form read here (left unreadable)
    status, why = chain_rule(MANY.replace(r"\cdot \frac{\partial g_i}{\partial x}", r"\cdot \frac{\partial g_i}{\partial x} \cdot \frac{\partial g_i}{\partial x}"))
    assert status == "refuted"


@pytest.mark.parametrize("formula", [
    r"\frac{\partial f}{\partial x} = \sum_i \frac{\partial f}{\partial g_i} + \frac{\partial g_i}{\partial x}",  # g_i free
    r"\frac{\partial f}{\partial x} = \sum_{i=1}^{n} \frac{\partial f}{\partial g_i} \frac{\partial g_i}{\partial x}",
    r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial h} \cdot \frac{\partial g}{\partial x}",  # two inner letters
    r"\frac{\partial C}{\partial x} = \frac{\partial C}{\partial g} \frac{\partial g}{\partial x}",
])
def test_what_is_not_the_chain_rules_form_is_not_read_here(formula):
    assert chain_rule(formula) is None
    assert verify(formula, "sokolinsky").status == "unreadable"


def test_the_composition_before_it_is_a_definition():
    rows = [(f.kind, f.text) for f in extract_all(r"$$f(x) = f(g(x))$$ and $$f(x) = f\left(\sum g_i(x)\right)$$")]
    assert [k for k, _ in rows] == ["definition", "definition"]
    assert [f.kind for f in extract_all("$$f(x) = f(x) + 1$$")] == ["claim"]


# Found by the reader fuzzer in CI: text that ends before the parser expects it ('{') crashed with an IndexError.
@pytest.mark.parametrize("formula", ["{", r"\frac{\partial f}{\partial x} =", r"\sum_i"])
def test_text_that_ends_early_is_not_the_chain_rule(formula):
    assert chain_rule(formula) is None
    assert verify(formula, "nielsen").status == "unreadable"
