"""The formula reader: notation-aware, no evaluation, clear errors with positions.

Formulas are taken from the seeds (../shared/seeds, beside the checkout); the defects listed are
the ones measured in latex2sympy2 and SymPy's parse_latex (issue 5).
"""

from __future__ import annotations


import pytest

from symbp.verify.nodes import Apply, Cdots, Index, Layer, Mul, Partial, Pow, Quantity, Sum, Transpose, to_latex, walk
from symbp.verify.reader import ReadError, read


def _quantities(eq):
    return [n for n in walk(eq) if isinstance(n, Quantity)]


def test_layer_superscript_is_a_layer_not_a_power():
    # seed 000: w^{l+1}_{jk} became a power in the parsers we measured.
    eq = read(r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)")
    w = next(q for q in _quantities(eq) if q.role == "w")
    assert w.layer == Layer("l", 1) and w.indices == (Index("k"), Index("j"))
    assert not any(isinstance(n, Pow) for n in walk(eq))


def test_index_order_is_kept_so_wjk_and_wkj_differ():
    a = read(r"\frac{\partial C}{\partial w^l_{jk}} = 0")
    b = read(r"\frac{\partial C}{\partial w^l_{kj}} = 0")
    assert a != b


@pytest.mark.parametrize("text,notation,layer", [
    (r"\delta^{(l)}_i = 0", "sokolinsky", Layer("l", 0, ("(", ")"))),
    (r"\delta^{[L]}_k = 0", "dyda", Layer("L", 0, ("[", "]"))),
    (r"\delta^{l+1}_k = 0", "nielsen", Layer("l", 1)),
    (r"\delta^{L-1} = 0", "nielsen", Layer("L", -1)),
])
def test_layer_brackets_of_each_notation(text, notation, layer):
    assert _quantities(read(text, notation))[0].layer == layer


def test_comma_index_list_of_dyda():
    q = _quantities(read(r"\frac{\partial \mathbf{L}}{\partial w_{k_0, j_0}^{[l]}} = 0", "dyda"))
    w = next(x for x in q if x.role == "w")
    assert w.indices == (Index("k0"), Index("j0")) and w.sep == ","


def test_power_on_an_unlayered_symbol():
    eq = read(r"C = y_1^2")
    assert isinstance(eq.sides[1], Pow) and eq.sides[1].exp == 2


def test_transpose_marks():
    for mark in ("T", r"\top"):
        eq = read(rf"\delta^l = (w^{{l+1}})^{mark} \delta^{{l+1}}")
        assert any(isinstance(n, Transpose) for n in walk(eq))


def test_sigma_prime_is_a_derivative_not_a_product():
    # Measured defect: \sigma'(z) lost its prime or became sigma*z.
    eq = read(r"\delta^L = \nabla_a C \odot \sigma'(z^L)")
    app = next(n for n in walk(eq) if isinstance(n, Apply))
    assert app.func == "sigma" and app.primes == 1


def test_capital_sigma_prime_is_the_diagonal():
    eq = read(r"\delta^L = \Sigma'(z^L) \nabla_a C")
    assert any(isinstance(n, Apply) and n.func == "Sigma" for n in walk(eq))


def test_partial_derivative_reads_network_quantities():
    eq = read(r"\frac{\partial C}{\partial b_j^l} = \delta_j^l")
    assert isinstance(eq.sides[0], Partial) and eq.sides[0].den.role == "b"


def test_sum_with_and_without_bounds():
    a = read(r"\delta^l_j = \sum_{k=1}^{n_{l+1}} w^{l+1}_{kj} \delta^{l+1}_k")
    b = read(r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k")
    sa, sb = (next(n for n in walk(e) if isinstance(n, Sum)) for e in (a, b))
    assert (sa.var, sa.lower, sa.upper) == ("k", 1, Layer("l", 1)) and (sb.var, sb.upper) == ("k", None)


def test_cdots_stays_a_marker_in_the_product_chain():
    # Measured defect: \cdots became \cdot s.
    eq = read(r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^L) \nabla_a C")
    assert isinstance(eq.sides[1], Mul) and any(isinstance(f, Cdots) for f in eq.sides[1].factors)


def test_text_and_mathbf_name_quantities_of_dyda():
    eq = read(r"a^{[l]} = \varphi(\text{net}^{[l]})", "dyda")
    assert [q.role for q in _quantities(eq)] == ["a", "z"]


def test_trailing_tag_is_dropped():
    eq = read(r"\frac{\partial C}{\partial b_i^{(l)}} = \delta_i^{(l)} \quad (\text{BP3})", "sokolinsky")
    assert len(eq.sides) == 2


def test_printing_round_trips_through_the_reader():
    text = r"\delta^l = \Sigma'(z^l) \left(w^{l+1}\right)^T \delta^{l+1}"
    eq = read(text)
    assert read(to_latex(eq)) == eq


@pytest.mark.parametrize("text,fragment", [
    (r"\foo + 1", r"unknown macro \foo at position 0"),
    (r"\delta^L = q", "the letter 'q' at position 11"),
    (r"\delta^L = ", "empty"),
    (r" = \delta^L", "empty"),
    (r"\frac{}{} = 1", "numerator of \\frac is empty"),
    (r"\delta^L } = 1", "stray '}' at position 9"),
    (r"\delta^{L = 1", "never closed"),
    ("{" * 201 + "1" + "}" * 201 + " = 1", "deeper than 200"),
    ("x_1 + " * 700 + "x_1 = 1", "past the limit of 4000"),
    (r"\delta^{l,x} = 1", "cannot read the layer 'l,x'"),
    (r"C = y_1^{99}", "past the cap"),
])
def test_bad_input_is_a_clear_error_with_its_position(text, fragment):
    # The time it takes (target < 100 ms) is measured in benchmarks/verify_speed.py, not asserted here.
    with pytest.raises(ReadError) as info:
        read(text)
    assert fragment in str(info.value)


def test_nothing_typed_is_evaluated():
    # A Python expression is just an unknown letter sequence to the reader.
    with pytest.raises(ReadError):
        read("__import__('os') = 1")


def test_quad_between_two_formulas_is_an_error_not_a_product():
    # Read as one product, "A = B \quad C = D" would check A = B·C = D.
    with pytest.raises(ReadError, match="quad"):
        read(r"\delta^L = \nabla_a C \quad z^l = w^l a^{l-1}")


def test_profile_activation_letter_and_multi_letter_names(tmp_path):
    from symbp.notation import load

    path = tmp_path / "ng.toml"
    path.write_text('name = "ng"\nlayer_shift = -1\nlayer_brackets = ["[", "]"]\n'
                    '[names]\nz = "Z"\na = "A"\ndelta = "dZ"\nweight_matrix = "W"\nactivation = "g"\n', encoding="utf-8")
    eq = read(r"dZ^{[l]} = g'(Z^{[l]})", load(path))
    assert [q.role for q in _quantities(eq)] == ["delta", "z"]
    assert isinstance(eq.sides[1], Apply) and eq.sides[1].primes == 1


def test_pmatrix_with_vdots_reads_the_last_index_as_a_layer_size():
    from symbp.verify.nodes import Matrix

    # Seed 000, line 94: (σ'(z^L_1), ⋮, σ'(z^L_n)) — the bare n is n_L.
    eq = read(r"\delta^L = \begin{pmatrix} \sigma'(z_1^L) \\ \vdots \\ \sigma'(z_n^L) \end{pmatrix}")
    m = eq.sides[1]
    assert isinstance(m, Matrix) and (m.rows, m.cols) == (3, 1)
    last = next(q for q in _quantities(m.entries[2]))
    assert last.indices == (Index(size=Layer("L", 0)),)


def test_unbalanced_matrix_rows_are_an_error():
    with pytest.raises(ReadError, match="different lengths"):
        read(r"\delta^L = \begin{pmatrix} 1 & 2 \\ 3 \end{pmatrix}")


@pytest.mark.parametrize("text,notation", [
    (r"\delta_k^{[L]} = \left( \sum_{j=1}^{n^{[L]}} y_j \right) \cdot a_k^{[L]} - y_k", "dyda"),
    (r"\delta_j^{(l)} = \sigma'(z_j^{(l)}) \sum_i w_{ji}^{(l+1)} \delta_i^{(l+1)}", "sokolinsky"),
    (r"\delta^l = \Sigma'(z^l) \left(w^{l+1}\right)^T \cdots \Sigma'(z^{L-1}) \left(w^L\right)^T \Sigma'(z^L) \nabla_a C",
     "nielsen"),
    (r"\frac{\partial \mathbf{L}}{\partial a^{[L]}} = \left[ a_k^{[L]} - y_k \right]_{k=1, \dots, n^{[L]}}", "dyda"),
    (r"\delta^L = \begin{pmatrix} \sigma'(z_1^L) \\ \vdots \\ \sigma'(z_n^L) \end{pmatrix} \odot \nabla_a C", "nielsen"),
])
def test_printed_formula_reads_back_to_the_same_tree(text, notation):
    # The corrected formula of a diagnosis is printed, so printing must not change the meaning.
    eq = read(text, notation)
    assert read(to_latex(eq), notation) == eq


@pytest.mark.parametrize("text", [
    "(" * 199 + "x_1" + ")" * 199 + " = x_1",
    "- " * 1900 + "x_1 = x_1",
    r"\sum_k " * 600 + "x_k = 1",
    r"\sigma(" * 400 + "z^2_1" + ")" * 400 + " = 1",
])
def test_deep_input_is_read_or_refused_never_a_recursion_error(text):
    try:
        read(text)
    except ReadError as exc:
        assert str(exc)  # refused with a reason; any other exception fails the test


def test_a_layer_typed_inside_the_subscript_is_read_as_the_quantitys_layer():
    # Seed 000 lines 211-235: z_{j^L} renders as z with j^L below it; read as z^L_j.
    from symbp.verify import verify

    eq = read(r"\frac{\partial a_k^L}{\partial z_{j^L}} = 0")
    z = [q for q in _quantities(eq) if q.role == "z"][0]
    assert z.layer == Layer("L", 0) and [i.name for i in z.indices] == ["j"]
    assert verify(r"\frac{\partial C}{\partial b_{j^l}} = \delta_{j^l}").status == "holds"
    assert verify(r"\frac{\partial C}{\partial b_{j^l}} = \delta_{k^l}").status == "refuted"  # negative
    with pytest.raises(ReadError):
        read(r"z_{j^{l}}^{l} = 1")  # a layer inside the subscript and another above it: not guessed


def test_a_derivative_whose_denominator_lost_its_partial_is_read_as_one():
    # Seed 000 lines 302, 309: \frac{\partial b_j^l}{z_j^l} = 1 renders ∂b/z, read as ∂b^l_j/∂z^l_j.
    from symbp.verify import verify

    assert to_latex(read(r"\frac{\partial b_j^l}{z_j^l} = 1")) == r"\frac{\partial b^l_j}{\partial z^l_j} = 1"
    from symbp.verify import bias_through_z

    with bias_through_z("line 302"):  # the seed writes b = z − Σ w a there; alone ∂b/∂z has no meaning
        assert verify(r"\frac{\partial b_j^l}{z_j^l} = 1").status == "holds"
        assert verify(r"\frac{\partial b_j^l}{z_j^l} = 0").status == "refuted"  # negative: the reading is not vacuous
    with pytest.raises(ReadError):
        read(r"\frac{\partial b_j^l}{z_j^l a_j^l} = 1")  # a product below: not one quantity, not guessed
    assert not any(isinstance(n, Partial) for n in walk(read(r"\frac{b_j^l}{z_j^l} = 1")))  # no ∂: a quotient


def test_hyperbolic_functions_and_their_powers():
    # \tanh^2(z) is (tanh z)^2, never tanh∘tanh; \operatorname{sech}, \cosh, \sinh are named functions
    eq = read(r"\tanh^2(z^l_j) = \operatorname{sech}^2(z^l_j)")
    left, right = eq.sides
    assert isinstance(left, Pow) and left.exp == 2 and isinstance(left.base, Apply) and left.base.func == "tanh"
    assert isinstance(left.base.arg, Quantity)  # the argument is z, not another tanh
    assert isinstance(right, Pow) and right.base.func == "sech"
    assert to_latex(right) == r"\left(\operatorname{sech}(z^l_j)\right)^{2}"
    assert {n.func for n in walk(read(r"a = \cosh(z) + \mathrm{sinh}(z)")) if isinstance(n, Apply)} == {"cosh", "sinh"}
    with pytest.raises(ReadError, match="inverse"):
        read(r"a = \tanh^{-1}(z)")


@pytest.mark.parametrize("bare,parenthesised", [
    (r"C = -\sum_j y_j \ln a^L_j", r"C = -\sum_j y_j \ln(a^L_j)"),
    (r"C = -\sum_j [y_j \ln a^L_j + (1-y_j)\ln(1-a^L_j)]", r"C = -\sum_j [y_j \ln(a^L_j) + (1-y_j)\ln(1-a^L_j)]"),
    (r"C = -\ln a^L_y", r"C = -\ln(a^L_y)"),
    (r"C = -\log a^L_j \cdot y_j", r"C = -\log(a^L_j) \cdot y_j"),
])
def test_a_logarithm_of_one_letter_without_parentheses(bare, parenthesised):
    # Nielsen writes \ln a (review 20: 14 claims of three notes were blocked by the cost's \ln a^L_j)
    assert read(bare) == read(parenthesised)


@pytest.mark.parametrize("text", [
    r"C = -\sum_j \ln a^L_j y_j",  # ln(a) y or ln(a y): not clear
    r"C = \ln^2 a^L_j",  # a power of the logarithm of a bare letter
    r"C = \tanh z^L_j",  # only the logarithm is read bare
    r"C = \ln 2 a^L_j",
])
def test_a_bare_logarithm_that_could_take_more_is_unreadable(text):
    with pytest.raises(ReadError):
        read(text)


@pytest.mark.parametrize("text", [
    r"z^l_j = \sum_{k=1}^{n_l - 1} w^l_{jk} a^{l-1}_k + b^l_j",  # n_l − 1 neurons, not n_{l-1}
    r"z^l_j = \sum_{k=1}^{n_l-1} w^l_{jk} a^{l-1}_k + b^l_j",
    r"z^L_j = \sum_{k=1}^{n_L - 1} w^L_{jk} a^{L-1}_k + b^L_j",
    r"z^l_j = \sum_{k=1}^{n_{l}-{1}} w^l_{jk} a^{l-1}_k + b^l_j",
])
def test_a_sum_bound_of_a_size_minus_one_is_not_the_size_of_the_layer_before(text):
    # review rv43 A1: the bound n_l - 1 was read as n_{l-1}, so a sum over all but the last input held
    with pytest.raises(ReadError, match="upper bound"):
        read(text)


@pytest.mark.parametrize("bound, layer", [(r"n_{l-1}", Layer("l", -1)), (r"n_l", Layer("l", 0)),
                                          (r"n_{L}", Layer("L", 0)), (r"n^{[l+1]}", Layer("l", 1))])
def test_a_braced_or_one_token_size_bound_names_its_layer(bound, layer):
    eq = read(r"z^l_j = \sum_{k=1}^{" + bound + r"} w^l_{jk} a^{l-1}_k + b^l_j")
    s = next(n for n in walk(eq) if isinstance(n, Sum))
    assert (s.upper.var, s.upper.offset) == (layer.var, layer.offset)
