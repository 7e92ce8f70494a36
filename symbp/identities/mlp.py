r"""The fully connected network's identities: BP1–BP4, their matrix forms, the product
formula, the output errors of the usual costs, and the lemmas of the notes.

An identity compares, for every layer and sample it applies to, a
ground-truth quantity (left) with a formula (right), entry by entry. The
formulas are in ``backprop``; the ground truth comes from ``derive`` through
a quantities object (``quantities``).

>>> BP2.name, BP2.source
('BP2', 'Nielsen, ch. 2; Sokolinsky')
"""

from __future__ import annotations

from ..backprop import (
    augmented_input_gradient, augmented_weight_gradient, bp1, bp1_matrix, bp2, bp2_matrix, bp3, bp4, minibatch_bias_gradient,
    minibatch_weight_gradient, product_formula, quadratic_nabla,
)
from ..backprop import Mat
from ..network import Network
from .identity import Comparison, Identity


# -- applicability -------------------------------------------------------------


def _elementwise_output(net: Network):
    if net.output_softmax:
        return "its output layer is a softmax, whose Jacobian is not diagonal (use softmax-ce)"
    return None


def _single_sample(net: Network):
    if net.batch != 1:
        return f"it is stated for one sample; this network averages over a mini-batch of {net.batch} (use minibatch)"
    return None


def _all(*checks):
    def check(net):
        for c in checks:
            reason = c(net)
            if reason:
                return reason
        return None

    return check


def _hidden_layers(net: Network):
    if net.L < 3:
        return "it needs a hidden layer (at least 3 layers)"
    return None


def _cost(*names):
    def check(net):
        if net.cost not in names:
            return f"it is about the {' or '.join(names)} cost, not {net.cost}"
        return None

    return check


def _output_activation(name):
    def check(net):
        acts = {net.activation(net.L, j).name for j in range(1, net.n(net.L) + 1)}
        if acts != {name}:
            return f"it needs a {name} output layer, not {', '.join(sorted(acts))}"
        return None

    return check


# -- comparisons ----------------------------------------------------------------


def _each_sample(q):
    return list(q.samples)


def _bp1(q):
    for s in _each_sample(q):
        yield Comparison(q.L, s, q.delta(q.L, s), bp1(q, s), r"\delta^L", r"\nabla_a C \odot \sigma'(z^L)")


def _bp1_matrix(q):
    for s in _each_sample(q):
        yield Comparison(q.L, s, q.delta(q.L, s), bp1_matrix(q, s), r"\delta^L", r"\Sigma'(z^L)\,\nabla_a C")


def _bp2(q):
    for s in _each_sample(q):
        for l in range(q.L - 1, 1, -1):
            yield Comparison(
                l, s, q.delta(l, s), bp2(q, l, s), rf"\delta^{{{l}}}", rf"((w^{{{l + 1}}})^T \delta^{{{l + 1}}}) \odot \sigma'(z^{{{l}}})"
            )


def _bp2_matrix(q):
    for s in _each_sample(q):
        for l in range(q.L - 1, 1, -1):
            yield Comparison(
                l, s, q.delta(l, s), bp2_matrix(q, l, s), rf"\delta^{{{l}}}", rf"\Sigma'(z^{{{l}}})(w^{{{l + 1}}})^T \delta^{{{l + 1}}}"
            )


def _bp3(q):
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, q.dC_db(l), bp3(q, l), rf"\partial C/\partial b^{{{l}}}_j", rf"\delta^{{{l}}}_j")


def _bp4(q):
    for l in range(2, q.L + 1):
        yield Comparison(
            l, 1, q.dC_dw(l), bp4(q, l), rf"\partial C/\partial w^{{{l}}}_{{jk}}", rf"a^{{{l - 1}}}_k \delta^{{{l}}}_j", ("j", "k")
        )


def _product(q):
    for s in _each_sample(q):
        for l in range(q.L, 1, -1):
            chain = r"\,".join(rf"\Sigma'(z^{{{m}}})(w^{{{m + 1}}})^T" for m in range(l, q.L)) + r"\,\Sigma'(z^L)\,\nabla_a C"
            yield Comparison(l, s, q.delta(l, s), product_formula(q, l, s), rf"\delta^{{{l}}}", chain)


def _quadratic_nabla(q):
    for s in _each_sample(q):
        yield Comparison(q.L, s, q.nabla_a(s), quadratic_nabla(q, s), r"\nabla_a C", r"a^L - y")


def _output_error(rhs_fn, rhs_tex):
    def compare(q):
        for s in _each_sample(q):
            yield Comparison(q.L, s, q.delta(q.L, s), rhs_fn(q, s), r"\delta^L", rhs_tex)

    return compare


def _a_minus_y(q, s):
    return q.a(q.L, s) - q.y(s)


def _sum_y_a_minus_y(q, s):
    y = q.y(s)
    total = 0
    for row in y.rows:
        total = total + row[0]
    if q.mod is not None:
        total %= q.mod
    return q.a(q.L, s).scale(total) - y


def _minibatch(q):
    for l in range(2, q.L + 1):
        yield Comparison(
            l, 0, q.dC_dw(l), minibatch_weight_gradient(q, l),
            rf"\partial C/\partial w^{{{l}}}", rf"\frac{{1}}{{m}}\sum_x \delta^{{x,{l}}} (a^{{x,{l - 1}}})^T", ("j", "k"),
        )
        yield Comparison(
            l, 0, q.dC_db(l), minibatch_bias_gradient(q, l), rf"\partial C/\partial b^{{{l}}}", rf"\frac{{1}}{{m}}\sum_x \delta^{{x,{l}}}"
        )


def _dyda_weight(q):
    for l in range(2, q.L + 1):
        lhs = Mat.hstack(q.dC_db(l), q.dC_dw(l))
        yield Comparison(
            l, 1, lhs, augmented_weight_gradient(q, l), rf"\partial L/\partial W^{{[{l - 1}]}}", rf"\delta^{{[{l - 1}]}} (x^{{[{l - 2}]}})^T", ("k", "j"), 0
        )


def _dyda_input(q):
    for l in range(3, q.L + 1):
        yield Comparison(
            l, 1, q.nabla_a(1, l - 1), augmented_input_gradient(q, l), rf"\partial L/\partial x^{{[{l - 2}]}}", rf"(W^{{[{l - 1}]}})^T \delta^{{[{l - 1}]}}"
        )


def _lemma2(q):
    for s in _each_sample(q):
        for l in range(2, q.L):
            yield Comparison(
                l, s, q.dz_next_dz(l, s), q.W(l + 1) @ Mat.diag(q.sigma_prime(l, s)),
                rf"\partial z^{{({l + 1})}}_i/\partial z^{{({l})}}_j", rf"w^{{({l + 1})}}_{{ji}}\sigma'(z^{{({l})}}_j)", ("i", "j"),
            )


def _lemma3(q):
    for l in range(2, q.L + 1):
        n = q.net.n(l)
        eye = Mat([[1 if i == j else 0 for j in range(n)] for i in range(n)])
        yield Comparison(l, 1, q.dz_db(l), eye, rf"\partial z^{{({l})}}_i/\partial b^{{({l})}}_j", r"[i = j]", ("i", "j"))


def _lemma4(q):
    for l in range(2, q.L + 1):
        a = q.a(l - 1)
        rows = [[r[0] for r in a.rows] for _ in range(q.net.n(l))]
        yield Comparison(
            l, 1, q.dz_dw_own(l), Mat(rows), rf"\partial z^{{({l})}}_i/\partial w^{{({l})}}_{{ji}}", rf"a^{{({l - 1})}}_j", ("i", "j")
        )


_NIELSEN = "Nielsen, ch. 2"
_SOKOLINSKY = "Sokolinsky"

BP1 = Identity(
    "BP1", "output error", r"\delta^L = \nabla_a C \odot \sigma'(z^L)", f"{_NIELSEN}; {_SOKOLINSKY}", _bp1, _elementwise_output
)
BP1_MATRIX = Identity(
    "BP1-matrix", "output error, matrix form", r"\delta^L = \Sigma'(z^L)\,\nabla_a C", _NIELSEN, _bp1_matrix, _elementwise_output
)
BP2 = Identity(
    "BP2", "error of layer l from layer l+1", r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)",
    f"{_NIELSEN}; {_SOKOLINSKY}", _bp2, _all(_hidden_layers),
)
BP2_MATRIX = Identity(
    "BP2-matrix", "error of layer l, matrix form", r"\delta^l = \Sigma'(z^l)\,(w^{l+1})^T \delta^{l+1}", _NIELSEN, _bp2_matrix, _hidden_layers
)
BP3 = Identity(
    "BP3", "gradient of a bias", r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", f"{_NIELSEN}; {_SOKOLINSKY}", _bp3, _single_sample
)
BP4 = Identity(
    "BP4", "gradient of a weight", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", f"{_NIELSEN}; {_SOKOLINSKY}", _bp4, _single_sample
)
PRODUCT_FORMULA = Identity(
    "product-formula", "recursive product formula",
    r"\delta^l = \Sigma'(z^l)(w^{l+1})^T \Sigma'(z^{l+1}) \cdots (w^L)^T \Sigma'(z^L)\,\nabla_a C",
    _NIELSEN, _product, _elementwise_output,
)
BP1_QUADRATIC = Identity(
    "BP1'", "gradient of the quadratic cost (Sokolinsky's Lemma 1)", r"\nabla_a C = a^L - y",
    f"{_SOKOLINSKY}; the formula sheet", _quadratic_nabla, _cost("quadratic"), aliases=("lemma-1", "quadratic-nabla"),
)
SIGMOID_PRIME = Identity(
    "sigmoid-prime", "derivative of the sigmoid", r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "the formula sheet",
    function_rule="sigmoid", default=lambda net: False,
)
TANH_PRIME = Identity(
    "tanh-prime", "derivative of tanh", r"\tanh'(z) = 1 - \tanh^2(z)", "standard; used by the tanh networks",
    function_rule="tanh", default=lambda net: False,
)
CE_SIGMOID = Identity(
    "ce-sigmoid", "output error of sigmoid + binary cross-entropy", r"\delta^L = a^L - y", "Nielsen, ch. 3 (used in the logistic example of the computational-graph notes)",
    _output_error(_a_minus_y, r"a^L - y"), _all(_cost("cross-entropy"), _output_activation("sigmoid")),
)
SOFTMAX_CE = Identity(
    "softmax-ce", "output error of softmax + categorical cross-entropy", r"\delta^L = \Big(\sum_k y_k\Big) a^L - y",
    "Dyda, eq. (0.2)", _output_error(_sum_y_a_minus_y, r"\big(\textstyle\sum_k y_k\big) a^L - y"), _cost("softmax-cross-entropy"),
)
SOFTMAX_CE_ONE_HOT = Identity(
    "softmax-ce-one-hot", "softmax-CE output error when Σ_k y_k = 1", r"\delta^L = a^L - y \quad\text{when } \sum_k y_k = 1",
    "Dyda", _output_error(_a_minus_y, r"a^L - y"), _cost("softmax-cross-entropy"),
    default=lambda net: net.one_hot,
)
DYDA_WEIGHT = Identity(
    "dyda-weight-gradient", "weight gradient with the bias folded in", r"\frac{\partial \mathbf{L}}{\partial W^{[l]}} = \delta^{[l]} (x^{[l-1]})^T,\ x_0 = 1",
    "Dyda", _dyda_weight, _single_sample,
)
DYDA_INPUT = Identity(
    "dyda-input-gradient", "gradient with respect to a layer's input", r"\frac{\partial \mathbf{L}}{\partial x^{[l-1]}} = (W^{[l]})^T \delta^{[l]}\ (\text{rows } j \ge 1)",
    "Dyda", _dyda_input, _all(_single_sample, _hidden_layers),
)
MINIBATCH = Identity(
    "minibatch", "mini-batch gradient (\"kuchařka\")", r"\frac{\partial C}{\partial w^l} = \frac{1}{m}\sum_x \delta^{x,l} (a^{x,l-1})^T",
    "the formula sheet", _minibatch, _cost("mean-quadratic"),
)
LEMMA_2 = Identity(
    "lemma-2", "Sokolinsky's Lemma 2", r"\frac{\partial z^{(l+1)}_i}{\partial z^{(l)}_j} = w^{(l+1)}_{ji}\,\sigma'(z^{(l)}_j)",
    _SOKOLINSKY, _lemma2, _hidden_layers, exact_only=True,
)
LEMMA_3 = Identity(
    "lemma-3", "Sokolinsky's Lemma 3", r"\frac{\partial z^{(l)}_i}{\partial b^{(l)}_j} = [i = j]", _SOKOLINSKY, _lemma3, exact_only=True,
)
LEMMA_4 = Identity(
    "lemma-4", "Sokolinsky's Lemma 4", r"\frac{\partial z^{(l)}_i}{\partial w^{(l)}_{ji}} = a^{(l-1)}_j", _SOKOLINSKY, _lemma4, exact_only=True,
)


#: The fully connected network's identities by name.
IDENTITIES: dict[str, Identity] = {
    i.name: i
    for i in (
        BP1, BP1_MATRIX, BP2, BP2_MATRIX, BP3, BP4, PRODUCT_FORMULA, BP1_QUADRATIC, SIGMOID_PRIME, TANH_PRIME,
        CE_SIGMOID, SOFTMAX_CE, SOFTMAX_CE_ONE_HOT, DYDA_WEIGHT, DYDA_INPUT, MINIBATCH, LEMMA_2, LEMMA_3, LEMMA_4,
    )
}

#: What ``symbp prove`` checks when no ``--identity`` is given.
CORE = ("BP1", "BP2", "BP3", "BP4")
