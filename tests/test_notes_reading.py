"""Reading real lecture notes as they are written (issue 13): spellings, the notation and the model from the
notes, diagnosis, all sizes, the latex2sympy2 cross-check.

Sources: the seeds (../shared/seeds beside the checkout), the formulas quoted in issue 13 from public notes (a Markdown README,
blog posts, Nielsen's chapter 2 in translation, Ng's and UFLDL's course notes). Every new meaning is checked
against an independent computation: SymPy's own differentiation of the composed network (``net.forward``,
``sympy.diff``), or the tree of the plain spelling the new one must equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy

from symbp.errors import NotationError
from symbp.network import network
from symbp.notation import from_mapping
from symbp.verify import bias_through_z, verify, verify_notes
from symbp.verify.grouping import Reading, choose
from symbp.verify.nodes import Equation, Num
from symbp.verify.notes import notes_notation, verify_text
from symbp.verify.sections import plan_of
from symbp.verify.reader import read

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"  # beside the checkout


# -- spellings that render the same read the same -----------------------------------------------------------

SAME = [
    # (as written in notes, the plain spelling it renders as, notation)
    (r"z_k^{l+1}=\sum_j{w_{kj}^{l+1}a_j^l+b_k^{l+1}}", r"z_k^{l+1}=\sum_j w_{kj}^{l+1}a_j^l+b_k^{l+1}", "nielsen"),
    (r"\color{green}{\delta^L} = \nabla_a C", r"\delta^L = \nabla_a C", "nielsen"),
    (r"\textcolor{red}{\delta^L} = \nabla_a C", r"\delta^L = \nabla_a C", "nielsen"),
    (r"\frac{\partial {\cal C}}{\partial b^l_j} = \delta^l_j", r"\frac{\partial \mathcal{C}}{\partial b^l_j} = \delta^l_j", "nielsen"),
    (r"\delta^l = \sigma^{\prime}(z^l)", r"\delta^l = \sigma'(z^l)", "nielsen"),
    (r"\delta^l = \sigma^\prime(z^l)", r"\delta^l = \sigma'(z^l)", "nielsen"),
    (r"a\_j^l = \sigma(z\_j^l)", r"a_j^l = \sigma(z_j^l)", "nielsen"),
    (r"\frac \partial {\partial a^L_j} C = a^L_j - y_j", r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j", "nielsen"),
    (r"\frac{\partial}{\partial a^L_j} C = a^L_j - y_j", r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j", "nielsen"),
    (r"\partial C / \partial a^L_j = a^L_j - y_j", r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j", "nielsen"),
    ("∂C/∂a^L_j = a^L_j - y_j", r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j", "nielsen"),
    (r"\frac{\partial C}{\partial \boldsymbol{w^L}} = 0", r"\frac{\partial C}{\partial w^L} = 0", "nielsen"),
    (r"\delta^l = \operatorname{diag}(\sigma'(z^l)) \delta^l", r"\delta^l = \Sigma'(z^l) \delta^l", "nielsen"),
    (r"x = \sum_{k=1, \dots, n^{[l]}} a_k^{[l]}", r"x = \sum_{k=1}^{n^{[l]}} a_k^{[l]}", "dyda"),
    (r"C = a_j^{(L)2}", r"C = (a_j^{(L)})^2", "sokolinsky"),
    (r"C = \tfrac12 x_1", r"C = \frac{1}{2} x_1", "nielsen"),
    # Nielsen's per-sample superscripts (seed 001, lines 42-44): for one sample x, z^{x,l} is z^l as C_x is C.
    (r"z^{x,l}=w^la^{x,l-1}+b^l", r"z^l=w^la^{l-1}+b^l", "nielsen"),
    (r"\delta^{x,l}=((w^{l+1})^T\delta^{x,l+1})\odot\sigma'(z^{x,l})",
     r"\delta^l=((w^{l+1})^T\delta^{l+1})\odot\sigma'(z^l)", "nielsen"),
]


def _plain(eq):
    """The tree with the spelling of quantities forgotten (\\boldsymbol{w} and w are the same weight)."""
    from dataclasses import replace

    from symbp.verify.nodes import Quantity, rebuild

    return rebuild(eq, lambda n: replace(n, base=n.role) if isinstance(n, Quantity) else None)


@pytest.mark.parametrize("written,plain,notation", SAME)
def test_spellings_that_render_alike_read_alike(written, plain, notation):
    assert _plain(read(written, notation)) == _plain(read(plain, notation))


def test_octave_elementwise_product_is_the_hadamard_product():
    # Ng's course writes .* for ⊙; the verdict is the one of \odot (BP1, proved by direct differentiation).
    assert verify(r"\delta^L = (a^L - y) .* \sigma'(z^L)").status == "holds"
    assert verify(r"\delta^L = (a^L - y) .* \sigma(z^L)").status == "refuted"


@pytest.mark.parametrize("text", [
    r"\frac{\partial L}{\partial w^l_{jk}} = \frac{\partial C}{\partial w^l_{jk}}",  # two loss letters
    r"\hat{x} = a^L",  # a hat on something that is not the target
    r"C = \|a^L - y\|",  # a norm that is not squared reads, but means a square root: not read as a value
])
def test_what_is_not_read_says_why_and_never_guesses(text):
    v = verify(text)
    assert v.status in ("unreadable", "uninterpretable"), (v.status, v.reason)
    assert v.reason


@pytest.mark.parametrize("text,why", [
    (r"\delta^{x,L} = \nabla_a C \odot \sigma'(z^{t,L})", "different samples (t, x)"),
    (r"w^{x,l} = w^l", "weights and biases are the same for every sample"),
])
def test_per_sample_superscripts_that_do_not_name_one_sample_are_unreadable(text, why):
    v = verify(text)
    assert v.status == "unreadable" and why in v.reason


@pytest.mark.parametrize("text", [
    r"\frac{\partial C}{\partial w^l} = \sum_x \delta^{x,l} (a^{x,l-1})^T",
    r"\frac{\partial C}{\partial b^l} = \sum \delta^{x,l}",
])
def test_a_sum_over_the_samples_is_never_a_sum_over_neurons(text):
    # seed 001's mini-batch sums run over the training inputs: read as the gradient of the mean cost over them
    # (``samples.mean_claim``), whose summands are right but lack the 1/n (Nielsen, ch. 2: C = 1/n Σ_x C_x)
    v = verify(text)
    assert v.status == "refuted" and "without 1/n" in v.reason


def test_per_sample_bp1_holds_and_its_slip_is_refuted():
    assert verify(r"\delta^{x,L} = \nabla_a C_x \odot \sigma'(z^{x,L})").status == "holds"
    assert verify(r"\delta^{x,L} = 2\nabla_a C_x \odot \sigma'(z^{x,L})").status == "refuted"
    # the bare C beside input x is the mean cost (1/n) Σ_x C_x: 1/n of C_x's gradient (tests/test_persample.py)
    assert verify(r"\delta^{x,L} = \nabla_a C \odot \sigma'(z^{x,L})").status == "refuted"


# -- new meanings, against SymPy's own differentiation -------------------------------------------------------------


def _sympy_value(net, expr_of):
    """SymPy's value of a quantity of the composed network (forward, then sympy.diff where asked)."""
    zs, acts = net.forward()
    return expr_of(zs, acts)


def test_elementwise_division_of_vectors_is_the_gradient_of_the_cross_entropy():
    # Issue 13: "cannot divide by a column vector". ∇_a C for C = −Σ [y ln a + (1 − y) ln(1 − a)].
    good = r"\nabla_a C = \frac{-y}{a^L}+\frac{1-y}{1-a^L}"
    assert verify(good, activation="sigmoid", cost="cross-entropy").status == "holds"
    assert verify(r"\nabla_a C = \frac{y}{a^L}+\frac{1-y}{1-a^L}", activation="sigmoid",
                  cost="cross-entropy").status == "refuted"
    # Independent: SymPy's derivative of the cost at a point equals −y/a + (1 − y)/(1 − a).
    a, y = sympy.Rational(1, 3), sympy.Rational(1, 4)
    s = sympy.Symbol("s")
    cost = -(y * sympy.log(s) + (1 - y) * sympy.log(1 - s))
    assert sympy.diff(cost, s).subs(s, a) == -y / a + (1 - y) / (1 - a)


def test_squared_norm_and_the_cost_value():
    assert verify(r"C = \frac{1}{2}\|a^L - y\|^2").status == "holds"
    assert verify(r"C = \frac12 \left\| y - a^L \right\|_2^2").status == "holds"
    assert verify(r"C = \|a^L - y\|^2").status == "refuted"
    # Independent: the network's composed cost is ½ Σ (a_j − y_j)².
    net = network([2, 3, 2])
    zs, acts = net.forward()
    L = net.L
    half_norm = sympy.Rational(1, 2) * sum((acts[L][j - 1] - net.y(j)) ** 2 for j in (1, 2))
    assert sympy.expand(net.composed_cost() - half_norm) == 0


def test_the_cost_with_arguments_and_the_prediction_hat_y():
    # UFLDL writes J(W,b;x,y) = ½‖h_{W,b}(x) − y‖²; blog posts write ŷ for the output a^L.
    assert verify(r"J(W,b;x,y) = \frac{1}{2}\left\| \hat{y} - y \right\|^2").status == "holds"
    assert verify(r"\frac{\partial J(W,b;x,y)}{\partial b^l_j} = \delta^l_j").status == "holds"
    assert verify(r"\frac{\partial \mathbf{L}(y, a^{[L]})}{\partial a_k^{[L]}} = a_k^{[L]} - y_k", "dyda").status == "holds"
    assert verify(r"\frac{\partial E}{\partial \hat{y}_j} = \hat{y}_j - y_j").status == "holds"
    assert verify(r"\frac{\partial E}{\partial \hat{y}_j} = y_j - \hat{y}_j").status == "refuted"


def test_operator_derivative_of_an_expression_is_its_total_derivative():
    # ∂/∂w^L_11 of ½(a^L_1 − y_1)² written out; SymPy differentiates the composed expression independently.
    text = r"\frac{\partial}{\partial w^L_{11}} \frac12 (a^L_1 - y_1)^2 = a^{L-1}_1 \delta^L_1"
    assert verify(text).status == "holds"
    # The slip differs exactly, but a refutation needs the independent oracle's confirmation, and the oracle
    # has values for nodes' derivatives only, not for ∂/∂(…) of an expression: undecided, never holds.
    wrong = verify(text.replace(r"a^{L-1}_1", r"a^{L-1}_2"))
    assert wrong.status == "undecided" and "no concrete point" in wrong.reason
    net = network([2, 3, 2], activation="sigmoid")
    zs, acts = net.forward()
    w = net.weight(3, 1, 1)
    lhs = sympy.diff(sympy.Rational(1, 2) * (acts[3][0] - net.y(1)) ** 2, w)
    delta = sympy.diff(net.composed_cost(), w) / acts[2][0]  # δ^3_1 = ∂C/∂w^3_11 / a^2_1 (BP4, one term)
    point = {s: sympy.Rational(k + 1, 7) for k, s in enumerate(sorted(lhs.free_symbols | delta.free_symbols, key=str))}
    assert abs(sympy.N((lhs - acts[2][0] * delta).subs(point), 30)) < 1e-25


def test_explicit_neuron_numbers_choose_networks_where_they_exist():
    # Issue 13: refuted on [2,3,2] before; it speaks of a third input.
    good = r"a_1^2=\sigma(z_1^2)=\sigma(w_{11}^2x_1 + w_{12}^2x_2 + w_{13}^2x_3 + b_1^{2})"
    assert verify(good, activation="sigmoid").status == "holds"
    assert verify(good.replace("a_1^2", "a_2^2"), activation="sigmoid").status == "refuted"
    four = r"a_1^2=\sigma(w_{11}^2x_1 + w_{12}^2x_2 + w_{13}^2x_3 + w_{14}^2x_4 + b_1^{2})"
    assert verify(four, activation="sigmoid").status == "holds"  # no network of the family has 4 inputs: grown
    # Independent: on a 3-input network, σ(Σ_k w^2_1k x_k + b^2_1) is a^2_1 (the forward pass).
    net = network([3, 2, 4], activation="sigmoid")
    zs, acts = net.forward()
    z = sum(net.weight(2, 1, k) * net.x(k) for k in (1, 2, 3)) + net.bias(2, 1)
    assert sympy.expand(zs[2][0] - z) == 0


def test_dyda_derivative_by_the_augmented_vector_ranges_over_its_variable_entries():
    # Seed 003 lines 73-77 and 123: x^{[l]} = (1; a^{[l]}); x_0 = 1 is a constant and is not differentiated.
    assert verify(r"\frac{\partial \mathbf{L}}{\partial x^{[l-1]}} = (W^{[l]})^T \cdot \delta^{[l]}", "dyda").status == "holds"
    assert verify(r"\frac{\partial \mathbf{L}}{\partial x^{[l-1]}} = W^{[l]} \cdot \delta^{[l]}", "dyda").status == "refuted"
    entry = r"\frac{\partial \mathbf{L}}{\partial x_{j_0}^{[l-1]}} = \sum_{k=1}^{n^{[l]}} w_{k, j_0}^{[l]} \delta_k^{[l]}"
    assert verify(entry, "dyda").status == "holds"
    assert verify(entry.replace("w_{k, j_0}", "w_{j_0, k}"), "dyda").status in ("refuted",)


def test_bias_by_its_own_z_is_one_where_b_is_written_through_z():
    # Seed 000 line 311: ∂b^l_k/∂z^l_j = [j = k] at fixed w^l and a^{l-1}, the step of BP3's proof; it has
    # that meaning because the seed writes b = z − Σ w a (line 302). Alone, b is a parameter (issue 14).
    chain = (r"\delta_j^l = \frac{\partial C}{\partial z_j^l} = \sum_{k=1}^{n_l} \frac{\partial C}{\partial b_k^l}"
             r" \frac{\partial b_k^l}{\partial z_j^l} = \frac{\partial C}{\partial b_j^l}")
    for formula in (r"\frac{\partial b^l_j}{\partial z^l_j} = 1", chain):
        v = verify(formula)
        assert v.status == "uninterpretable" and "the bias is a parameter" in v.reason, v.reason
    with bias_through_z("line 302"):
        assert verify(r"\frac{\partial b^l_j}{\partial z^l_j} = 1").status == "holds"
        assert verify(r"\frac{\partial b^l_k}{\partial z^l_j} = 1").status == "refuted"
        assert verify(chain).status == "holds"
    assert verify(r"\frac{\partial b^l_j}{\partial z^l_j} = 1").status == "uninterpretable"  # not left behind


def test_bias_by_z_in_notes_needs_the_notes_to_write_b_through_z(tmp_path):
    claim = r"\frac{\partial b^l_j}{\partial z^l_j} = 1"
    path = tmp_path / "n.md"
    path.write_text(f"$${claim}$$\n")
    assert [r.result.status for r in verify_notes(path).rows] == ["uninterpretable"]
    path.write_text(f"$${claim}$$\n\n$$b^l_j = z^l_j - \\sum_k w^l_{{jk}} a^{{l-1}}_k$$\n")
    assert [r.result.status for r in verify_notes(path).rows] == ["holds", "holds"]
    assert verify(claim).status == "uninterpretable"  # the notes' reading does not outlive their run


def test_matrices_written_with_ellipses():
    diag = (r"\delta^L = \begin{pmatrix} \sigma'(z_1^L) & 0 & \cdots & 0 \\ 0 & \ddots & & \vdots \\ "
            r"0 & \cdots & 0 & \sigma'(z_{n_L}^L) \end{pmatrix} \nabla_a C")
    assert verify(diag).status == "holds"  # BP1 in matrix form, seed 000 line 332 without its damage
    assert verify(diag.replace(r"\nabla_a C", r"\nabla_a C \cdot 2")).status == "refuted"
    w = (r"w^l = \begin{pmatrix} w^l_{11} & \cdots & w^l_{1n_{l-1}} \\ \vdots & \ddots & \vdots \\ "
         r"w^l_{n_l 1} & \cdots & w^l_{n_l n_{l-1}} \end{pmatrix}")
    assert verify(w).status == "holds"
    assert verify(w.replace("w^l =", "(w^l)^T =")).status == "refuted"
    assert verify(r"a^L = \left( \begin{array}{c} a^L_1 \\ \vdots \\ a^L_{n_L} \end{array} \right)").status == "holds"


def test_profile_with_a_macro_letter_and_a_weight_layer_offset():
    # Ng: Θ^{(l)} maps layer l to layer l + 1; UFLDL's W^{(l)}, b^{(l)} likewise, and • is elementwise.
    ng = from_mapping({"name": "ng", "layer_brackets": ["(", ")"], "weight_layer_offset": 1,
                       "names": {"weight": r"\Theta", "weight_matrix": r"\Theta", "cost": "J", "activation": "g"}})
    assert verify(r"\delta^{(l)} = (\Theta^{(l)})^T \delta^{(l+1)} .* g'(z^{(l)})", ng).status == "holds"
    assert verify(r"\delta^{(l)} = (\Theta^{(l-1)})^T \delta^{(l+1)} .* g'(z^{(l)})", ng).status == "refuted"
    assert verify(r"\frac{\partial}{\partial \Theta^{(l)}_{ij}} J(\Theta) = a^{(l)}_j \delta^{(l+1)}_i", ng).status == "holds"
    ufldl = from_mapping({"name": "ufldl", "layer_brackets": ["(", ")"], "weight_layer_offset": 1,
                          "names": {"weight_matrix": "W", "cost": "J", "activation": "f"}})
    assert verify(r"z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}", ufldl).status == "holds"
    assert verify(r"\delta^{(l)} = \left((W^{(l)})^T \delta^{(l+1)}\right) \bullet f'(z^{(l)})", ufldl).status == "holds"
    with pytest.raises(NotationError, match="weight_layer_offset"):
        from_mapping({"name": "x", "weight_layer_offset": 2})


# -- groupings of ⊙ ---------------------------------------------------------------------------------------------


def test_the_only_well_shaped_grouping_is_used_and_named():
    v = verify(r"\frac{\partial C}{\partial w^L} = (a^L-y)\odot\sigma'(z^L)(a^{L-1})^T")
    assert v.status == "holds" and "only this one is well-shaped" in v.interpretation["grouping"]


def test_groupings_that_disagree_are_ambiguous_with_both_verdicts():
    class O:  # an outcome as check returns it
        def __init__(self, status, shape=False, reason=""):
            self.status, self.shape, self.reason = status, shape, reason

    eq = Equation((Num(1), Num(1)), ("=",))
    chosen, words = choose([Reading("loose", eq, O("holds")), Reading("level", eq, O("refuted", reason="differs"))])
    assert chosen is None and "ambiguous" in words and "holds" in words and "refuted" in words
    chosen, _ = choose([Reading("loose", eq, O("refuted", shape=True)), Reading("level", eq, O("holds"))])
    assert chosen.grouping == "level"
    chosen, words = choose([Reading("loose", eq, O("holds")), Reading("level", eq, O("refuted", shape=True))])
    assert chosen.grouping == "loose" and words == ""


# -- diagnosis ------------------------------------------------------------------------------------------------------


def test_dc_dz_written_for_dc_da_is_diagnosed_and_no_definition_is_offered():
    v = verify(r"\delta^L_j = \frac{\partial C}{\partial z^L_j} \sigma'(z^L_j)")
    assert v.status == "refuted" and "∂C/∂a" in v.diagnosis
    assert v.corrected == r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)"
    # never the definition of δ restated as a "correction"
    for text in (r"\delta^L = \frac{\partial C}{\partial z^L} \odot \sigma'(z^L)",
                 r"\delta^L = \nabla_{z^L} C \odot \sigma'(z^L)"):
        w = verify(text)
        assert w.corrected != r"\delta^L = \frac{\partial C}{\partial z^L}" and "z^L}" not in w.corrected.split("=")[1][:40]


def test_the_half_of_the_cost_kept_is_a_missing_factor_two():
    v = verify(r"\frac{\partial C}{\partial a^L_j} = \frac{1}{2}(a^L_j-y_j)")
    assert v.status == "refuted" and "missing factor 2" in v.diagnosis and "drop" not in v.diagnosis
    assert verify(v.corrected).status == "holds"
    w = verify(r"\frac{\partial C}{\partial a^L_j} = 2(a^L_j-y_j)")
    assert "drop it" in w.diagnosis


def test_corrections_keep_the_authors_letters():
    v = verify(r"\delta^{[L]} = \left[ a_k^{[L]} - y_k \right]_{k=1, \dots, n^{[L]}}", "dyda")
    assert r"\varphi'" in v.corrected and "[L]" in v.corrected


# -- all sizes -----------------------------------------------------------------------------------------------------


def test_a_catalogue_identity_in_any_notation_is_proved_for_all_sizes():
    assert verify(r"\frac{\partial C}{\partial w_{ji}^{(l)}} = \delta_i^{(l)} \cdot a_j^{(l-1)}", "sokolinsky").verdict \
        == "proved-for-all-sizes"
    assert verify(r"\sigma'(z^L) \odot \nabla_a C = \delta^L").verdict == "proved-for-all-sizes"
    # True on the family but not an identity of the catalogue: proved there only.
    assert verify(r"z^l = w^l a^{l-1} + b^l").verdict == "proved"
    # Matched on the interpreted form: a sum bound that is not the index's own range is not the identity.
    assert verify(r"\delta^l_j = \sum_{k=1}^{n_{l+1}} w_{kj}^{l+1} \delta^{l+1}_k \sigma'(z^l_j)").verdict \
        == "proved-for-all-sizes"


# -- the notation and the model from the notes ------------------------------------------------------------------------


@pytest.mark.parametrize("seed,name", [("000", "nielsen"), ("001", "nielsen"), ("002", "sokolinsky"), ("003", "dyda")])
def test_seed_notation_is_inferred(seed, name):
    # the inference alone (notes_notation), as verify_text reads the notes: one profile, no tie, no parts
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    text = path.read_text(encoding="utf-8")
    inferred = notes_notation(text)
    assert inferred.notation.name == name and not inferred.conflict
    assert inferred.evidence  # printed with its evidence
    assert plan_of(text, "markdown", inferred) is None  # one convention over the whole file


_BIAS_COLUMN_NOTES = r"""Warstwy $l = 0, \dots, L$; wejście to warstwa $0$.

$$x^{[l]} = \begin{bmatrix} 1 \\ a^{[l]} \end{bmatrix}$$

$$z^{[l]} = W^{[l]} x^{[l-1]}$$

$$a^{[l]} = \varphi(z^{[l]})$$

$$\mathbf{L} = \frac{1}{2}\|a^{[L]} - y\|^2$$

$$\frac{\partial \mathbf{L}}{\partial w^{[l]}_{k,j}} = \delta^{[l]}_k x^{[l-1]}_j$$

$$\frac{\partial \mathbf{L}}{\partial w^{[l]}_{k,j}} = \delta^{[l]}_j x^{[l-1]}_k$$

$$\frac{\partial \mathbf{L}}{\partial w^{[l]}_{k,0}} = \delta^{[l]}_k$$

$$\frac{\partial \mathbf{L}}{\partial W^{[l]}} = \delta^{[l]} (a^{[l-1]})^T$$
"""


def test_an_augmented_input_with_a_layer_is_read_with_the_input_as_layer_0():
    # Review 18 M5: layer 0 said in words only ("l = 0, …, L"), never written a^0: before, the notes were read
    # with the input as layer 1, where x^{[l-1]} is unreadable, and 1 of 21 formulas was judged.
    report = verify_text(_BIAS_COLUMN_NOTES, "auto")
    assert report.notation.layer_shift == -1 and report.notation.bias_column
    assert any("the input is layer 0" in fact for fact in report.inferred.evidence)
    statuses = {r.formula.lines[0]: r.result.status for r in report.rows}
    # by hand: z_k = Σ_{j≥0} w_{k,j} x_j with x_0 = 1, so ∂L/∂w_{k,j} = δ_k x_j, ∂L/∂w_{k,0} = δ_k; ∂L/∂W has the
    # bias column, one more than a^{[l-1]} has entries
    assert [statuses[line] for line in (11, 13, 15, 17)] == ["holds", "refuted", "holds", "refuted"]
    assert statuses[5] == "holds"  # the forward pass itself
    # the same notes with nothing but a^{[l-1]}: no x with a layer, no reason to move the input layer
    plain = verify_text(_BIAS_COLUMN_NOTES.replace("x^{[l-1]}", "a^{[l-1]}").split("$$x^{[l]}")[0]
                        + _BIAS_COLUMN_NOTES.split("\\end{bmatrix}$$")[1].replace("x^{[l-1]}", "a^{[l-1]}"), "auto")
    assert plain.notation.layer_shift == 0


def test_conflicting_definitions_are_an_error_listing_the_candidates():
    notes = ("$$z_j^l = \\sum_k w_{jk}^l a_k^{l-1} + b_j^l$$\n\n$$z_i^{l} = \\sum_j w_{ji}^{l} a_j^{l-1} + b_i^{l}$$\n")
    with pytest.raises(NotationError, match="Candidates"):
        verify_text(notes, "auto")


def test_model_from_the_notes_scoped_by_line_and_flagged_when_overridden():
    path = next(SEEDS.glob("003_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    # lines 111-124 (the ∂L/∂x display and its words, the slowest formulas of the seed, checked by the seed runs)
    # are blanked: the model this test is about is defined before and after them, and line numbers stay
    assert lines[112].startswith("$$\\begin{aligned}") and "\\partial x" in lines[122]
    text = "\n".join(lines[:110] + [""] * 14 + lines[124:])
    report = verify_text(text, "auto", path=str(path))
    assert report.notation.name == "dyda" and report.inferred.evidence
    assert report.model.at(50).get("cost") == "quadratic"
    assert report.model.at(130) == {**report.model.at(130), "cost": "softmax-cross-entropy", "one_hot": True}
    line_105 = [r for r in report.rows if 105 in r.formula.lines][0]
    assert line_105.result.status == "holds"  # δ^L = ((Σ_j y_j) a_k − y_k)_k under the notes' own softmax cost
    forced = verify_text(text, "auto", cost="quadratic")
    flagged = [r for r in forced.rows if 105 in r.formula.lines][0]
    assert "the notes define the cost as softmax-cross-entropy" in flagged.result.remark


def test_activation_definition_configures_the_check():
    notes = "$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\nthen\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
    report = verify_text(notes, "auto")
    assert [r.result.status for r in report.rows] == ["holds", "holds"]
    assert verify_text(notes.split("then")[1], "auto").rows[0].result.status == "refuted"  # generic σ


def test_stray_dollars_in_a_table_cell_lose_nothing():
    # The example: before, `[]` and exit 0.
    text = "| c | g |\n|---|---|\n| x | $$ |\n\n$$\n\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j\n$$\n"
    report = verify_text(text, "auto", kind="markdown")
    statuses = [r.result.status for r in report.rows]
    assert "holds" in statuses and "unreadable" in statuses


# -- the latex2sympy2 cross-check --------------------------------------------------------------------------------------


def test_cross_check_reports_agreement_and_disagreement_and_never_changes_a_verdict(capsys):
    pytest.importorskip("latex2sympy2")  # the optional extra, in the test extra too
    from symbp.cli import main
    from symbp.verify.crosscheck import cross_check

    assert cross_check(r"\sigma(z) = \frac{1}{1+e^{-z}}", "nielsen", "sigmoid").status == "agrees"
    assert cross_check(r"\frac{\partial}{\partial a} \frac{1}{2}(a-y)^2 = a - y", "nielsen").status == "agrees"
    # latex2sympy2 reads σ'(z) as the product σ·z: shown, and the verdict stays symbp's
    diff = cross_check(r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "nielsen", "sigmoid")
    assert diff.status == "disagrees" and "sigma*z" in diff.words
    assert cross_check(r"\delta^L = \nabla_a C \odot \sigma'(z^L)", "nielsen").status == "not-applicable"
    code = main(["verify", "--json", "--activation", "sigmoid", "--cross-check", "latex2sympy2",
                 r"\sigma'(z) = \sigma(z)(1 - \sigma(z))"])
    out = capsys.readouterr().out
    obj = json.loads(out)[0]  # nothing but JSON on standard output
    assert code == 0 and obj["status"] == "holds" and obj["cross_check"]["status"] == "disagrees"


@pytest.mark.parametrize("notes, code, ends", [
    # every claim unreadable or uninterpretable: nothing was checked, so the run is not a pass
    ("$$\\frac{\\partial C}{\\partial q} = 1$$\n\n$$x^{L} = \\int f$$\n", 3, "; nothing was judged"),
    # definitions and prose only: nothing to check, exit 0
    ("The cost is $C = \\frac{1}{2}\\|a^L - y\\|^2$, the activation $a^l = \\sigma(z^l)$.\n", 0, ""),
    # one claim judged beside an unreadable one: the ordinary exit code
    ("$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$$\n\n$$x^{L} = \\int f$$\n", 0, ""),
    # review 20 (lo1): the softmax definition holds because the model is built from it; the one claim is stated
    # under a hypothetical: no claim of the notes was judged
    ("The output layer is a softmax, $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$, and the cost is $C = -\\sum_j y_j "
     "\\ln(a^L_j)$.\nIf the targets were one-hot we would have $\\sum_k y_k = 1$.\nThen the output error is\n"
     "$$\\delta^L = a^L - y$$\n", 3, "; no claim was judged beyond the definitions the model is built from"),
    # review 22 X1: the forward pass holds because the notation is inferred from it
    ("$z^l = w^l a^{l-1} + b^l$, $a^l = \\sigma(z^l)$.\n\n$$\\frac{\\partial C}{\\partial q} = 1$$\n", 3,
     "; no claim was judged beyond the definitions the model is built from"),
])
def test_a_run_that_judged_nothing_exits_3(tmp_path, notes, code, ends):
    path = tmp_path / "notes.md"
    path.write_text(notes)
    report = verify_notes(path)
    assert report.exit_code == code, [(r.formula.text, r.result.status) for r in report.rows]
    assert report.account_line().endswith(ends) if ends else "nothing was judged" not in report.account_line()
    if code == 3:
        assert verify_notes(path, strict=True).exit_code == 2
