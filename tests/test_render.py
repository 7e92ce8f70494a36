"""Rendering in a notation profile (symbp.latex.render, symbp.latex.retarget).

The checks are parse-free: they look for the quantity each profile's own data
says it should print, in the index order the seeds use (seed 000 Nielsen
w^l_{jk} to j from k; seed 002 Sokolinsky w^{(l)}_{ji} from j to i; seed 003
Dyda w^{[l]}_{k,j} with layers from 0 and the bias as column 0).
"""

from __future__ import annotations

import pytest
import sympy

from symbp import identities
from symbp.certificate import Certificate
from symbp.derive import GroundTruth
from symbp.errors import NotationError
from symbp.functions import generic_function
from symbp.latex import document, render
from symbp.network import network
from symbp.notation import PROFILES, profile
from symbp.prove import prove

NOTATIONS = tuple(PROFILES)


def test_weight_index_order_follows_each_seed():
    # w from neuron 2 of layer 2 to neuron 1 of layer 3 (Nielsen w^3_{12}).
    assert render.weight(3, 1, 2, "nielsen") == "w^{3}_{12}"  # seed 000: to, from
    assert render.weight(3, 1, 2, "sokolinsky") == "w^{(3)}_{21}"  # seed 002: from, to
    assert render.weight(3, 1, 2, "dyda") == "w^{[2]}_{1,2}"  # seed 003: to, from; input is layer 0


def test_bias_is_column_zero_in_dyda_and_b_elsewhere():
    assert render.bias(3, 2, "nielsen") == "b^{3}_{2}"
    assert render.bias(3, 2, "sokolinsky") == "b^{(3)}_{2}"
    assert render.bias(3, 2, "dyda") == "w^{[2]}_{2,0}"


@pytest.mark.parametrize("name", NOTATIONS)
def test_network_symbols_render_as_the_profile_says(name):
    p = profile(name)
    net = network([2, 3, 2])
    expr = net.weight(3, 1, 2) * net.a(2, 2) + net.bias(3, 1) + net.z(3, 2) * net.y(1) * net.x(2)
    out = render.latex(expr, name)
    for piece in (p.weight(3, 1, 2), p.bias(3, 1), p.neuron("a", 2, 2), p.neuron("z", 3, 2), p.target(1)):
        assert piece in out, (piece, out)
    assert f"{p.names['input']}_{{2}}" in out
    assert "w^2" not in out and "z^3_2" not in out  # no raw symbol names left


def test_generic_activation_prints_as_phi_and_loss_as_bold_L_in_dyda():
    sigma, sigma_prime = generic_function("sigma")
    net = network([1, 1])
    out = render.latex(sigma(net.z(2, 1)) + sigma_prime(net.z(2, 1)), "dyda")
    assert r"\varphi\left(\mathrm{net}^{[1]}_{1}\right)" in out
    assert r"\varphi'\left(\mathrm{net}^{[1]}_{1}\right)" in out
    assert render.cost("dyda") == r"\mathbf{L}"


def test_transpose_and_hadamard_and_sigma_prime_matrix():
    assert render.matrix("l+1", "nielsen", transpose=True) == "(w^{l+1})^T"
    # Sokolinsky's matrix is indexed from,to: Nielsen's transpose is his plain matrix.
    assert render.matrix("l+1", "sokolinsky", transpose=True) == "w^{(l+1)}"
    assert render.matrix(3, "dyda", transpose=True) == "(W^{[2]})^T"
    assert render.hadamard("u", "v") == r"u \odot v"
    assert render.sigma_prime_matrix("l", "dyda") == r"\Sigma'(\mathrm{net}^{[l]})"


@pytest.mark.parametrize("name", NOTATIONS)
def test_retarget_of_nielsen_latex_agrees_with_direct_rendering(name):
    # Oracle: the same ground-truth derivative rendered straight into the profile.
    net = network([2, 3, 2])
    gt = GroundTruth(net)
    for key in (("w", 2, 1, 2), ("b", 3, 2), ("w", 3, 2, 3)):
        nielsen = render.element_latex(net, gt.d_cost(key), "nielsen")
        direct = render.element_latex(net, gt.d_cost(key), name)
        assert render.retarget(nielsen, name) == direct


@pytest.mark.parametrize("ident", ["BP1", "BP2", "BP2-matrix", "BP3", "BP4", "product-formula", "softmax-ce"])
def test_retarget_to_sokolinsky_and_back_is_the_identity(ident):
    statement = identities.get(ident).statement
    there = render.retarget(statement, "sokolinsky")
    assert render.source_notation(there).name == "sokolinsky"
    assert there != statement
    assert _same_quantities(render.retarget(there, "nielsen"), statement)


def _same_quantities(a: str, b: str) -> bool:
    # Braces around single-character scripts are the only allowed difference.
    import re

    norm = lambda s: re.sub(r"([\^_])\{(\w)\}", r"\1\2", s)  # noqa: E731
    return norm(a) == norm(b)


def test_sokolinsky_lemma_2_reads_correctly_in_nielsen_and_dyda():
    # Seed 002: ∂z^{(l+1)}_i/∂z^{(l)}_j = w^{(l+1)}_{ji} σ'(z^{(l)}_j), w_{ji} from j to i.
    lemma = identities.get("lemma-2").statement
    nielsen = render.retarget(lemma, "nielsen")
    assert "w^{l+1}_{ij}" in nielsen  # Nielsen: to i from j
    assert "w^{[l+1]}_{i,j}" in render.retarget(lemma, "dyda")


def test_numeric_layers_shift_in_dyda_but_symbolic_names_are_kept():
    out = render.retarget(r"\delta^{2} = ((w^{3})^T \delta^{3}) \odot \sigma'(z^{2}) \quad \delta^l", "dyda")
    assert r"\delta^{[1]}" in out and "(W^{[2]})^T" in out and r"\mathrm{net}^{[1]}" in out
    assert r"\delta^{[l]}" in out
    assert r"\varphi'" in out


def test_sample_superscript_keeps_the_sample_and_shifts_the_layer():
    out = render.retarget(r"\frac{1}{m}\sum_x \delta^{x,2} (a^{x,1})^T", "dyda")
    assert r"\delta^{x,[1]}" in out and "a^{x,[0]}" in out


def test_dyda_folded_bias_formula_is_not_converted_into_other_notations():
    with pytest.raises(render.NotConvertible) as info:
        render.retarget(r"\partial L/\partial W^{[1]} = \delta^{[1]} (x^{[0]})^T", "nielsen")
    assert info.value.source.name == "dyda"
    # ... but is kept as written for a Dyda reader.
    assert render.retarget(r"(W^{[2]})^T \delta^{[2]}", "dyda") == r"(W^{[2]})^T \delta^{[2]}"


def test_unreadable_weight_subscript_is_an_error_not_a_leftover():
    with pytest.raises(NotationError, match="two indices"):
        render.retarget(r"w^{3}_{123}", "sokolinsky")


def test_text_words_are_not_mistaken_for_quantities():
    out = render.retarget(r"a^{2}_{1} \text{ for a_1 and w^2 } \nabla_a C", "sokolinsky")
    assert out.startswith("a^{(2)}_{1}")
    assert r"\text{ for a_1 and w^2 }" in out
    assert r"\nabla_a C" in out


def test_certificate_latex_of_a_proved_certificate_lists_every_step():
    cert = prove(identities.BP4, network([2, 3, 2]))
    out = cert.to_latex(notation="sokolinsky")
    assert out.startswith(r"\begin{align*}")
    for step in cert.steps:
        assert render.retarget(step.rhs, "sokolinsky") in out
    assert cert._repr_latex_() == cert.to_latex()


def test_certificate_latex_of_a_refuted_certificate_shows_no_steps():
    cert = prove(identities.SOFTMAX_CE_ONE_HOT, network([2, 2], cost="softmax-cross-entropy"))
    assert cert.verdict == "refuted"
    out = document.certificate_latex(cert, "nielsen")
    assert "refuted" in out and r"\text{LHS}" in out
    assert "&=" not in out  # nothing typeset as an equation that holds
    forged = Certificate(cert.identity, cert.network, "exact", "undecided", reason="budget")
    assert "undecided" in document.certificate_latex(forged, "dyda")


def test_sympy_printer_keeps_ordinary_functions():
    z = sympy.Symbol("z")
    assert render.latex(sympy.exp(-z), "dyda") == "e^{- z}"


@pytest.mark.parametrize(
    "name", ["render", "retarget", "typeset", "document", "worked", "catalogue"]
)
def test_docstring_examples_of_the_latex_modules_run(name):
    import doctest
    import importlib

    module = importlib.import_module(f"symbp.latex.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0, f"symbp.latex.{name} has no runnable example"


@pytest.mark.parametrize("name", NOTATIONS)
def test_wide_layers_get_unambiguous_indices(name):
    # With 10 neurons, w^3_{110} could be w_{1,10} or w_{11,0}: a comma separates them.
    net = network([2, 10, 2])
    expr = net.weight(3, 1, 10) * net.a(2, 10) + net.weight(2, 10, 1) * net.x(2) + net.bias(2, 10)
    direct = render.latex(expr, name)
    assert "110}" not in direct and "101}" not in direct
    assert render.neuron("a", 2, 10, name) in direct
    assert render.retarget(render.latex(expr, "nielsen"), name) == direct
