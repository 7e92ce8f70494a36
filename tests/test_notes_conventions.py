r"""Notes in conventions a held-out review found unjudged (helper reach20): UFLDL's layers 1 … n_l and hypothesis
h_{W,b}(x), the quadratic cost without its ½, the Kronecker delta δ_{jk} beside the error δ^l_j.

Each convention has claims that hold and WRONG variants that must be refuted; the truth is worked by hand (and by
SymPy where a derivative decides it) in the comments and in the tests themselves.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text


def _status(notes: str) -> dict:
    """{line: status} of the rows of ``notes`` read with the notation inferred."""
    return {r.formula.line: r.result.status for r in verify_text(notes, "auto").rows}


# -- UFLDL ----------------------------------------------------------------------------------------------------------
# Layers 1 … n_l (layer 1 the input, n_l the output), W^{(l)}_{ij} from unit j of layer l to unit i of layer l + 1,
# z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}, a^{(l)} = f(z^{(l)}), J = ½‖a^{(n_l)} − y‖². By hand (chain rule):
# δ^{(n_l)}_i = ∂J/∂z^{(n_l)}_i = (a_i − y_i) f'(z^{(n_l)}_i) = −(y_i − a_i) f'(z_i);
# δ^{(l)}_i = Σ_j ∂J/∂z^{(l+1)}_j ∂z^{(l+1)}_j/∂a^{(l)}_i f'(z^{(l)}_i) = (Σ_j W^{(l)}_{ji} δ^{(l+1)}_j) f'(z^{(l)}_i);
# ∂J/∂W^{(l)}_{ij} = δ^{(l+1)}_i a^{(l)}_j (W^{(l)}_{ij} enters z^{(l+1)}_i only, times a^{(l)}_j); ∂J/∂b^{(l)}_i = δ^{(l+1)}_i.

_UFLDL = ("Layers are numbered $l = 1, \\dots, n_l$; layer $n_l$ is the output.\n\n"
          "$$z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}$$\n\n$$a^{(l+1)} = f(z^{(l+1)})$$\n\n{cost}\n\n")
_UFLDL_COST = "$$J = \\frac{1}{2}\\|a^{(n_l)} - y\\|^2$$"

_UFLDL_CLAIMS = [
    (r"\delta^{(n_l)}_i = -(y_i - a^{(n_l)}_i) f'(z^{(n_l)}_i)", "holds"),
    (r"\delta^{(n_l)} = (a^{(n_l)} - y) \odot f'(z^{(n_l)})", "holds"),
    (r"\delta^{(l)}_i = \left(\sum_{j=1}^{s_{l+1}} W^{(l)}_{ji}\delta^{(l+1)}_j\right) f'(z^{(l)}_i)", "holds"),
    (r"\frac{\partial}{\partial W^{(l)}_{ij}} J = a^{(l)}_j \delta^{(l+1)}_i", "holds"),
    (r"\frac{\partial}{\partial b^{(l)}_i} J = \delta^{(l+1)}_i", "holds"),
    # wrong: the sign, the output layer's f' taken one layer down, the index order of W, the layer of δ and of a
    (r"\delta^{(n_l)}_i = (y_i - a^{(n_l)}_i) f'(z^{(n_l)}_i)", "refuted"),
    (r"\delta^{(n_l)}_i = -(y_i - a^{(n_l)}_i) f'(z^{(n_l-1)}_i)", "refuted"),
    (r"\delta^{(l)}_i = \left(\sum_{j=1}^{s_{l+1}} W^{(l)}_{ij}\delta^{(l+1)}_j\right) f'(z^{(l)}_i)", "refuted"),
    (r"\frac{\partial}{\partial W^{(l)}_{ij}} J = a^{(l)}_i \delta^{(l+1)}_j", "refuted"),
    (r"\frac{\partial}{\partial b^{(l)}_i} J = \delta^{(l)}_i", "refuted"),
    (r"\frac{\partial}{\partial W^{(l)}_{ij}} J = a^{(l+1)}_j \delta^{(l+1)}_i", "refuted"),
]


def _ufldl(cost: str, claims) -> tuple[dict, int]:
    """(the statuses, the line of the first claim) of UFLDL notes with ``cost`` and one display per claim."""
    head = _UFLDL.replace("{cost}", cost)
    first = head.count("\n") + 1
    return _status(head + "".join(f"$${c}$$\n\n" for c, _ in claims)), first


def test_ufldl_output_layer_n_l_is_the_last_layer():
    status, first = _ufldl(_UFLDL_COST, _UFLDL_CLAIMS)
    for k, (claim, truth) in enumerate(_UFLDL_CLAIMS):
        assert status.get(first + 2 * k) == truth, (claim, status)


def test_ufldl_hypothesis_is_the_output_and_carries_the_cost():
    # h_{W,b}(x) = a^{(n_l)} names the output; J = ½‖h_{W,b}(x) − y‖² is then the quadratic cost, and without the ½
    # it is ‖a − y‖², under which δ^{(n_l)} = −(y − a) f'(z) is a factor 2 short (hand: ∂‖a − y‖²/∂a_i = 2(a_i − y_i))
    for cost, truths in ((r"J = \frac{1}{2}\|h_{W,b}(x) - y\|^2", ("holds", "refuted")),
                         (r"J = \|h_{W,b}(x) - y\|^2", ("refuted", "holds"))):
        notes = (_UFLDL.replace("{cost}", "$$h_{W,b}(x) = a^{(n_l)}$$\n\n$$" + cost + "$$")
                 + "$$\\delta^{(n_l)}_i = -(y_i - a^{(n_l)}_i) f'(z^{(n_l)}_i)$$\n\n"
                 + "$$\\delta^{(n_l)}_i = -2(y_i - h_{W,b}(x)_i) f'(z^{(n_l)}_i)$$\n")
        report = verify_text(notes, "auto")
        rows = {r.formula.line: r.result.status for r in report.rows}
        assert (rows[11], rows[13]) == truths, (cost, rows)
        assert rows[9] == "holds"  # the cost itself, read as the notes' cost
        assert any(d.what == "cost" and d.line == 9 for d in report.model.definitions)
        assert any(f.line == 7 and f.kind == "definition" for f in report.skipped)


def test_ufldl_hypothesis_letter_used_otherwise_is_not_renamed():
    # h is also a hidden layer's activation: h_{W,b}(x) is not read as the output, the cost through it stays unread
    notes = (_UFLDL.replace("{cost}", "$$h_{W,b}(x) = a^{(n_l)}$$\n\n$$J = \\|h_{W,b}(x) - y\\|^2$$")
             + "$$h^{(l)} = f(z^{(l)})$$\n\n$$\\delta^{(n_l)}_i = -(y_i - a^{(n_l)}_i) f'(z^{(n_l)}_i)$$\n")
    status = _status(notes)
    assert status[9] in ("unreadable", "uninterpretable")
    assert status[13] == "uninterpretable"  # J = ‖h − y‖² may be their cost without the ½: not the default one


_UFLDL_VECTORISED = r"""# UFLDL, vectorised

$$z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}$$

$$a^{(l+1)} = f(z^{(l+1)})$$

$$h_{W,b}(x) = a^{(n_l)}$$

$$J(W,b; x,y) = \frac{1}{2} \left\| h_{W,b}(x) - y \right\|^2$$

$$\delta^{(n_l)}_i = \frac{\partial}{\partial z^{(n_l)}_i} \frac{1}{2} \left\|y - h_{W,b}(x)\right\|^2 = - (y_i - a^{(n_l)}_i) \cdot f'(z^{(n_l)}_i)$$

$$\delta^{(n_l)} = -(y - a^{(n_l)}) \bullet f'(z^{(n_l)})$$

$$\delta^{(l)} = \left((W^{(l)})^T \delta^{(l+1)}\right) \bullet f'(z^{(l)})$$

$$\nabla_{W^{(l)}} J(W,b;x,y) = \delta^{(l+1)} (a^{(l)})^T$$

$$\nabla_{b^{(l)}} J(W,b;x,y) = \delta^{(l+1)}$$

$$\nabla_{W^{(l)}} J(W,b;x,y) = a^{(l)} (\delta^{(l+1)})^T$$

$$\delta^{(l)} = \left(W^{(l)} \delta^{(l+1)}\right) \bullet f'(z^{(l)})$$

$$\delta^{(n_l)} = (y - a^{(n_l)}) \bullet f'(z^{(n_l)})$$
"""


def test_ufldl_vectorised_notes_are_judged_whole():
    # the same by hand in vectors: δ^{(n_l)} = (a − y) • f'(z), δ^{(l)} = ((W^{(l)})^T δ^{(l+1)}) • f'(z^{(l)}),
    # ∇_{W^{(l)}} J = δ^{(l+1)} (a^{(l)})^T (W^{(l)}'s shape), ∇_{b^{(l)}} J = δ^{(l+1)}; wrong: a (δ)^T (the transpose's
    # shape), W without its transpose, the sign of y − a
    report = verify_text(_UFLDL_VECTORISED, "auto")
    status = {r.formula.line: r.result.status for r in report.rows}
    assert status == {3: "holds", 5: "holds", 9: "holds", 11: "holds", 13: "holds", 15: "holds", 17: "holds",
                      19: "holds", 21: "refuted", 23: "refuted", 25: "refuted"}, status
    assert any(f.line == 7 and f.kind == "definition" for f in report.skipped)


def test_ufldl_weight_decay_cost_is_another_cost_than_the_per_sample_one():
    # J(W,b) = [1/m Σ_i J(W,b;x^{(i)},y^{(i)})] + λ/2 Σ (W^{(l)}_{ji})²: by hand ∂J(W,b)/∂W^{(l)}_{ij} = [1/m Σ_i a_j δ_i]
    # + λ W^{(l)}_{ij}, so a^{(l)}_j δ^{(l+1)}_i alone is wrong for it; symbp reads no such cost, and the claim held
    # under the per-sample cost J(W,b;x,y) (also before reach20). δ does not depend on the term and stays judged.
    notes = _UFLDL.replace("{cost}", "$$h_{W,b}(x) = a^{(n_l)}$$\n\n"
                           "$$J(W,b; x,y) = \\frac{1}{2} \\left\\| h_{W,b}(x) - y \\right\\|^2$$\n\n"
                           "$$J(W,b) = \\left[ \\frac{1}{m} \\sum_{i=1}^m J(W,b;x^{(i)},y^{(i)}) \\right] + "
                           "\\frac{\\lambda}{2} \\sum_{l=1}^{n_l-1} \\sum_{i=1}^{s_l} \\sum_{j=1}^{s_{l+1}} "
                           "\\left( W^{(l)}_{ji} \\right)^2$$")
    claims = [(r"\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) = a^{(l)}_j \delta_i^{(l+1)}", "uninterpretable"),
              (r"\delta^{(n_l)}_i = -(y_i - a^{(n_l)}_i) f'(z^{(n_l)}_i)", "holds"),
              # by hand ∂J(W,b)/∂b^{(l)}_i = 1/m Σ_i δ^{(l+1)}_i: one sample's δ is not it
              (r"\frac{\partial}{\partial b_{i}^{(l)}} J(W,b) = \delta_i^{(l+1)}", "uninterpretable"),
              (r"\frac{\partial J}{\partial b_{i}^{(l)}} = \delta_i^{(l+1)}", "uninterpretable"),  # which J: not told
              # the per-sample cost J(W,b;x,y) is read: its gradients are judged, a wrong one refuted
              (r"\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b;x,y) = a^{(l)}_j \delta_i^{(l+1)}", "holds"),
              (r"\frac{\partial}{\partial b_{i}^{(l)}} J(W,b;x,y) = \delta_i^{(l+1)}", "holds"),
              (r"\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b;x,y) = a^{(l)}_i \delta_j^{(l+1)}", "refuted")]
    notes += "".join(f"$${c}$$\n\n" for c, _ in claims)
    status = _status(notes)
    for k, (claim, truth) in enumerate(claims):
        assert status[13 + 2 * k] == truth, (claim, status)


# -- the quadratic cost without its ½ -------------------------------------------------------------------------------
# C = ‖a^L − y‖² = Σ_j (a^L_j − y_j)²: ∂C/∂a^L_j = 2(a^L_j − y_j) (SymPy below), so δ^L = 2(a^L − y) ⊙ σ'(z^L) and
# the ½-cost's a^L − y, (a^L − y) ⊙ σ'(z^L) are a factor 2 short; BP2 and BP3 do not depend on the cost.

def test_squared_error_derivative_by_sympy():
    a, y = sympy.symbols("a y")
    assert sympy.diff((a - y) ** 2, a) == 2 * (a - y)


@pytest.mark.parametrize("cost", [r"C = \|a^L - y\|^2", r"C = \sum_j (a^L_j - y_j)^2", r"C = \|y - a^L\|^2"])
def test_cost_without_the_half_is_read_as_its_own_cost(cost):
    claims = [(r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)", "holds"),
              (r"\frac{\partial C}{\partial a^L_j} = 2(a^L_j - y_j)", "holds"),
              (r"\nabla_a C = 2(a^L - y)", "holds"),
              (r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", "holds"),
              (r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", "holds"),
              (r"\delta^L = (a^L - y) \odot \sigma'(z^L)", "refuted"),
              (r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j", "refuted"),
              (r"\delta^L_j = 4(a^L_j - y_j) \sigma'(z^L_j)", "refuted")]
    notes = f"We use the cost\n$${cost}$$\n$$z^l = w^l a^{{l-1}} + b^l, \\quad a^l = \\sigma(z^l)$$\n" + "".join(
        f"$${c}$$\n" for c, _ in claims)
    status = _status(notes)
    assert status[2] == "holds"
    for k, (claim, truth) in enumerate(claims):
        assert status[4 + k] == truth, (cost, claim, status)


def test_half_cost_then_cost_without_half_leaves_the_claims_open():
    # two costs symbp knows, one after the other with no words of a switch: which one the claims are about is not
    # clear, so a claim true under one and false under the other is ambiguous, never held (a − y holds under ½‖a − y‖²
    # only, 2(a − y) under ‖a − y‖² only)
    notes = ("$$C = \\frac{1}{2}\\|a^L - y\\|^2$$\n$$C = \\|a^L - y\\|^2$$\n"
             "$$\\frac{\\partial C}{\\partial a^L} = a^L - y$$\n$$\\frac{\\partial C}{\\partial a^L} = 2(a^L - y)$$\n")
    status = _status(notes)
    assert status[3] == status[4] == "ambiguous", status


def test_squared_error_beside_another_cost_letter_is_not_read_as_the_cost():
    # E = ½Σ(a − y)² and C = Σ(a − y)²: one model cost cannot stand for both letters; the claims about E are judged
    # (∂E/∂a_j = a_j − y_j holds, 2(a_j − y_j) is refuted), those about C stay unjudged
    notes = ("The loss is $E = \\frac{1}{2}\\sum_j (a^L_j - y_j)^2$, and we also write $C = \\sum_j (a^L_j - y_j)^2$.\n"
             "$$\\frac{\\partial C}{\\partial a^L_j} = 2(a^L_j - y_j)$$\n$$\\frac{\\partial E}{\\partial a^L_j} = a^L_j - y_j$$\n"
             "$$\\frac{\\partial E}{\\partial a^L_j} = 2(a^L_j - y_j)$$\n")
    status = _status(notes)
    assert (status[2], status[3], status[4]) == ("uninterpretable", "holds", "refuted"), status


# -- the Kronecker delta δ_{jk} in layered notes --------------------------------------------------------------------
# δ with no layer and two index letters is Kronecker's (1 where j = k, else 0), not the error δ^l_j. By hand: with
# a^L = σ(z^L) elementwise, ∂a^L_j/∂z^L_k = σ'(z^L_j) δ_{jk}; with a softmax output, ∂a_j/∂z_k = a_j(δ_{jk} − a_k),
# which is symmetric in j, k (a_j δ_{jk} − a_j a_k), so a_k(δ_{jk} − a_j) holds too; Σ_k δ_{jk} a_k = a_j.

def test_kronecker_delta_softmax_jacobian_by_sympy():
    z = sympy.symbols("z1:4")
    a = [sympy.exp(zi) / sum(sympy.exp(zk) for zk in z) for zi in z]
    for j in range(3):
        for k in range(3):
            jac = sympy.diff(a[j], z[k])
            assert sympy.simplify(jac - a[j] * (sympy.KroneckerDelta(j, k) - a[k])) == 0
            assert sympy.simplify(jac - a[k] * (sympy.KroneckerDelta(j, k) - a[j])) == 0
            if j != k:
                assert sympy.simplify(jac - a[j] * (1 - a[k])) != 0


_MODELS = {"elementwise": "$$z^l = w^l a^{l-1} + b^l, \\quad a^l = \\sigma(z^l)$$\n",
           "softmax": "$$a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$$\n$$C = -\\sum_k y_k \\ln a^L_k$$\n"}
_ELEMENTWISE, _SOFTMAX = "elementwise", "softmax"


@pytest.mark.parametrize("model, claim, truth", [
    (_ELEMENTWISE, r"\frac{\partial a^L_j}{\partial z^L_k} = \sigma'(z^L_j)\delta_{jk}", "holds"),
    (_ELEMENTWISE, r"\frac{\partial a^L_j}{\partial z^L_k} = \sigma'(z^L_k)\delta_{kj}", "holds"),
    (_ELEMENTWISE, r"\frac{\partial a^L_j}{\partial z^L_k} = \sigma'(z^L_k)(1 - \delta_{jk})", "refuted"),
    (_ELEMENTWISE, r"\frac{\partial a^L_j}{\partial z^L_k} = \sigma'(z^L_j)", "refuted"),
    (_ELEMENTWISE, r"\sum_k \delta_{jk} a^L_k = a^L_j", "holds"),
    (_ELEMENTWISE, r"\sum_k \delta_{jk} z^L_k = a^L_j", "refuted"),
    (_SOFTMAX, r"\frac{\partial a^L_j}{\partial z^L_k} = a^L_j(\delta_{jk} - a^L_k)", "holds"),
    (_SOFTMAX, r"\frac{\partial a^L_j}{\partial z^L_k} = a^L_k(\delta_{jk} - a^L_j)", "holds"),
    (_SOFTMAX, r"\frac{\partial a^L_j}{\partial z^L_k} = a^L_j(a^L_k - \delta_{jk})", "refuted"),
    (_SOFTMAX, r"\frac{\partial a^L_j}{\partial z^L_k} = a^L_j(1 - a^L_k)", "refuted"),
    (_SOFTMAX, r"\frac{\partial a^L_j}{\partial z^L_k} = \delta_{jk} - a^L_k", "refuted"),
    (_SOFTMAX, r"\frac{\partial C}{\partial z^L_j} = \sum_k \frac{\partial C}{\partial a^L_k} a^L_k(\delta_{kj} - a^L_j)",
     "holds"),
    (_SOFTMAX, r"\frac{\partial C}{\partial z^L_j} = \sum_k \frac{\partial C}{\partial a^L_k} a^L_k(1 - a^L_j)",
     "refuted"),
])
def test_kronecker_delta_without_a_layer_in_layered_notes(model, claim, truth):
    notes = _MODELS[model] + f"$${claim}$$\n"
    status = _status(notes)
    assert status[notes.count("\n")] == truth, status


def test_kronecker_delta_letters_bound_by_nothing_are_not_read():
    # δ_{jk} = 1 alone: nothing says what j and k range over (and it is no identity): never judged as the error δ
    status = _status(_MODELS["elementwise"] + "$$\\delta_{jk} = 1$$\n$$\\delta^l_{jk} = a^l_j$$\n")
    assert status[2] == "uninterpretable" and status[3] not in ("holds", "refuted"), status


# -- the bias as weight 0 in Nielsen's letters ----------------------------------------------------------------------
# a^{l-1}_0 = 1 and z^l_j = Σ_{k=0}^{n_{l-1}} w^l_{jk} a^{l-1}_k: w^l_{j0} is the bias b^l_j. By hand: ∂z^l_j/∂w^l_{jk} =
# a^{l-1}_k for every k ≥ 0, so ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j (k = 0: δ^l_j, BP3), not a^{l-1}_1 δ^l_j nor a^l_k δ^l_j;
# BP2 sums over the neurons 1 … n_{l+1} of layer l + 1 (it has no neuron 0).

_BIAS_ZERO = ("We set $a^{l-1}_0 = 1$ and write the bias as $w^l_{j0}$:\n"
              "$$z^l_j = \\sum_{k=0}^{n_{l-1}} w^l_{jk} a^{l-1}_k$$\n$$a^l_j = \\sigma(z^l_j)$$\n")


@pytest.mark.parametrize("claim, truth", [
    (r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "holds"),
    (r"\frac{\partial C}{\partial w^l_{j0}} = \delta^l_j", "holds"),
    (r"\frac{\partial C}{\partial w^l_{j0}} = a^{l-1}_0 \delta^l_j", "holds"),
    (r"\delta^l_j = \sum_{k=1}^{n_{l+1}} w^{l+1}_{kj}\delta^{l+1}_k \sigma'(z^l_j)", "holds"),
    (r"\frac{\partial C}{\partial w^l_{j0}} = a^{l-1}_1\delta^l_j", "refuted"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = a^l_k \delta^l_j", "refuted"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k", "refuted"),
    (r"\frac{\partial C}{\partial w^l_{j0}} = 0", "refuted"),
])
def test_bias_as_weight_zero_in_nielsen_letters(claim, truth):
    status = _status(_BIAS_ZERO + f"$${claim}$$\n")
    assert status[2] == status[3] == "holds", status  # the notes' forward pass, read under the bias as column 0
    assert status[4] == truth, status


def test_activation_zero_is_not_one_unless_the_notes_say_so():
    # without a^{l-1}_0 = 1 a sum from k = 0 over a^{l-1}_k names a neuron the layer lacks: nothing is judged
    # under a constant the notes never set (as before)
    notes = ("$$z^l_j = \\sum_{k=0}^{n_{l-1}} w^l_{jk} a^{l-1}_k$$\n$$a^l_j = \\sigma(z^l_j)$$\n"
             "$$\\frac{\\partial C}{\\partial w^l_{j0}} = \\delta^l_j$$\n")
    assert _status(notes)[3] != "holds"


def test_general_layers_know_the_squared_error_cost():
    # the all-sizes prover's cost of one sample: ‖a − y‖² is twice the quadratic ½‖a − y‖² (it raised KeyError)
    from symbp.general.lemmas import Layers
    m = Layers()
    quadratic, squared = (m.cost(name, lambda k: m.a_L[k]) for name in ("quadratic", "squared-error"))
    assert sympy.simplify(squared - 2 * quadratic) == 0


@pytest.mark.parametrize("lead", ["Unlike some texts, we do not set $a^{l-1}_0 = 1$; the bias is separate.",
                                  "Some texts set $a^{l-1}_0 = 1$. We keep the bias apart:"])
def test_a_zero_entry_of_a_where_the_bias_stays_apart_is_not_refuted(lead):
    # Review 25 B3: in notes that keep the bias apart (z^l_j = Σ_{k≥1} w^l_{jk} a^{l-1}_k + b^l_j), a^{l-1}_0 names
    # nothing; "a^{l-1}_0 = 1" set aside by the words was refuted as an index out of range, and notes whose claims
    # are all true exited 1. BP4 (by hand: ∂z^l_j/∂w^l_{jk} = a^{l-1}_k) still holds.
    status = _status(lead + "\n$$z^l_j = \\sum_{k=1}^{n_{l-1}} w^l_{jk} a^{l-1}_k + b^l_j$$\n$$a^l_j = \\sigma(z^l_j)$$\n"
                     "$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j$$\n")
    assert status[1] == "uninterpretable" and status[4] == "holds", status
