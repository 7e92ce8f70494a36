r"""Seed 004's local statements, as identities the prover checks on concrete networks.

Seed 004 writes a layer with row vectors, g = x W (W of shape inputs ×
outputs), and derives backpropagation one local step at a time:

* a linear layer y = x W (row vectors):
  :math:`\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y} W^T` and
  :math:`\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial y}`;
* the same layer written with columns, x = W y (the seed's other page):
  :math:`\frac{\partial L}{\partial y} = W^T \frac{\partial L}{\partial x}` and
  :math:`\frac{\partial L}{\partial W} = \frac{\partial L}{\partial x} y^T`;
* an elementwise activation z = h(y):
  :math:`\frac{\partial L}{\partial y} = (\frac{dz}{dy})^T \frac{\partial L}{\partial z}`
  with dz/dy = diag h'(y) (the Jacobian itself is checked to be that diagonal);
* the one-hidden-layer logistic classifier: g = x W, h = σ(g), A = Σ_i u_i h_i,
  B = σ(A), L = cost(B), and
  :math:`\frac{\partial L}{\partial u_i} = \frac{\partial L}{\partial B}\frac{\partial B}{\partial A}\frac{\partial A}{\partial u_i}`.

How the seed's letters sit on a ``Network`` (Nielsen indexing, one sample):
for the layer l, x = a^{l-1} and y = z^l (the bias moves no derivative), the
row-vector W is the transpose of Nielsen's w^l (W_{kj} = w^l_{jk}), L = C.
In the column form the letters swap: x = z^l, y = a^{l-1}, W = w^l. In the
classifier ([n, m, 1]), g = z^2, h = a^2, u_i = w^3_{1i}, A = z^3_1, B = a^3_1.
(The seed's "A = σ(Σ u_i g_i)" is read as A = Σ u_i h_i and B = σ(A): that is
the only reading in which ∂B/∂A is a factor of its chain.)

Every left side is the ground truth (``derive``, by differentiation); every
right side is the seed's formula built from the same quantities. ``prove``
(the core prover) compares them exactly; the ``WRONG`` variants are the slips
a student makes with row vectors, and come out refuted: by a shape mismatch,
or by a counterexample at an exact point.

>>> from symbp.network import network
>>> from symbp.prove import prove
>>> net = network([2, 3, 1], "sigmoid", "cross-entropy")
>>> prove(ROWVECTOR_DW, net).verdict
'proved'
>>> prove(WRONG["rowvector-linear-dW-wrong-order"], net).verdict
'refuted'
"""

from __future__ import annotations

from ..backprop import Mat
from .identity import Comparison, Identity
from ..network import Network

SOURCE = "the computational-graph notes (row vectors)"


# -- the seed's letters -----------------------------------------------------------


def x_row(q, l: int, s: int = 1) -> Mat:
    """x = a^{l-1} as a row vector (1 × n_{l-1})."""
    return q.a(l - 1, s).T


def W_row(q, l: int) -> Mat:
    """The row-vector W of layer l (n_{l-1} × n_l): W_{kj} = w^l_{jk}."""
    return q.W(l).T


def dL_dy_row(q, l: int, s: int = 1) -> Mat:
    """∂L/∂y for y = x W: δ^l as a row."""
    return q.delta(l, s).T


def dL_dx_row(q, l: int, s: int = 1) -> Mat:
    """∂L/∂x for x = a^{l-1}: the ground truth ∂C/∂a^{l-1}, as a row."""
    return q.nabla_a(s, l - 1).T


def dL_dW_row(q, l: int) -> Mat:
    """∂L/∂W in the row-vector layout (n_{l-1} × n_l)."""
    return q.dC_dw(l).T


def _scalar(m: Mat):
    assert m.shape == (1, 1), m.shape
    return m.rows[0][0]


# -- applicability ----------------------------------------------------------------


def _single_sample(net: Network):
    if net.batch != 1:
        return f"it is stated for one sample; this network averages over a mini-batch of {net.batch}"
    return None


def _classifier(net: Network):
    if net.batch != 1 or net.L != 3 or net.n(3) != 1 or net.output_softmax:
        return (
            "it is about the classifier of the computational-graph notes, a network [n, m, 1] with one hidden layer and one "
            f"elementwise output neuron, not {net.label()}"
        )
    return None


def _elementwise_layers(q) -> list[int]:
    # A softmax output has no elementwise h; its Jacobian is not diagonal.
    return [l for l in range(2, q.L + 1) if not (l == q.L and q.net.output_softmax)]


# -- comparisons --------------------------------------------------------------------


def _linear_dx(q):
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, dL_dx_row(q, l), dL_dy_row(q, l) @ W_row(q, l).T,
                         r"\partial L/\partial x", r"\partial L/\partial y \; W^T", ("k",))


def _linear_dW(q):
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, dL_dW_row(q, l), x_row(q, l).T @ dL_dy_row(q, l),
                         r"\partial L/\partial W", r"x^T \; \partial L/\partial y", ("k", "j"))


def _column_dy(q):
    # Column form x = W y: the layer's input is y = a^{l-1}, its output x = z^l.
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, q.nabla_a(1, l - 1), q.W(l).T @ q.delta(l),
                         r"\partial L/\partial y", r"W^T \; \partial L/\partial x", ("k",))


def _column_dW(q):
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, q.dC_dw(l), q.delta(l) @ q.a(l - 1).T,
                         r"\partial L/\partial W", r"\partial L/\partial x \; y^T", ("j", "k"))


def _elementwise(q):
    # z = h(y) with y = z^l, z = a^l; dz/dy = diag h'(y), so (dz/dy)^T = dz/dy.
    for l in _elementwise_layers(q):
        dz_dy = Mat.diag(q.sigma_prime(l))
        yield Comparison(l, 1, q.delta(l), dz_dy.T @ q.nabla_a(1, l),
                         r"\partial L/\partial y", r"(dz/dy)^T \; \partial L/\partial z", ("j",))


def _jacobian_diagonal(q):
    # The Jacobian ∂a^l_j/∂z^l_i from the ground truth, entry by entry, against
    # diag σ'(z^l): exact only (a point check would restate the definition).
    for l in _elementwise_layers(q):
        yield Comparison(l, 1, q.da_dz(l), Mat.diag(q.sigma_prime(l)), r"dz/dy", r"\operatorname{diag} h'(y)", ("j", "i"))


def _chain_u(q):
    dL_dB = q.nabla_a(1, 3)  # ∂L/∂B, B = a^3_1
    dB_dA = q.sigma_prime(3)  # ∂B/∂A = σ'(A), A = z^3_1
    dA_du = q.a(2).T  # ∂A/∂u_i = h_i
    chain = dA_du.scale(_scalar(dL_dB) * _scalar(dB_dA))
    yield Comparison(3, 1, q.dC_dw(3), chain, r"\partial L/\partial u_i",
                     r"\partial L/\partial B \cdot \partial B/\partial A \cdot \partial A/\partial u_i", ("1", "i"))


def _chain_W(q):
    # ∂L/∂W_{kj} = ∂L/∂B · ∂B/∂A · ∂A/∂h_j · ∂h_j/∂g_j · ∂g_j/∂W_{kj}, with
    # ∂A/∂h_j = u_j, ∂h_j/∂g_j = σ'(g_j), ∂g_j/∂W_{kj} = x_k.
    c = _scalar(q.nabla_a(1, 3)) * _scalar(q.sigma_prime(3))
    through_h = q.W(3).hadamard(q.sigma_prime(2).T).scale(c)  # 1 × m: ∂L/∂g_j
    yield Comparison(2, 1, dL_dW_row(q, 2), q.a(1) @ through_h, r"\partial L/\partial W_{kj}",
                     r"\partial L/\partial B \cdot \partial B/\partial A \cdot \partial A/\partial h_j"
                     r" \cdot \partial h_j/\partial g_j \cdot \partial g_j/\partial W_{kj}", ("k", "j"))


def _identity(name, title, statement, compare, requires=_single_sample, **kw) -> Identity:
    # default=False: these join `symbp prove` when asked for by name, or by the
    # rowvector notation (see docs/graph.md), not in every default run.
    return Identity(name, title, statement, SOURCE, compare, requires, default=lambda net: False, **kw)


ROWVECTOR_DX = _identity(
    "rowvector-linear-dx", "input gradient of a row-vector layer y = xW",
    r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y} W^T \quad (y = xW)", _linear_dx)
ROWVECTOR_DW = _identity(
    "rowvector-linear-dW", "weight gradient of a row-vector layer y = xW",
    r"\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial y} \quad (y = xW)", _linear_dW)
COLUMN_DY = _identity(
    "column-linear-dy", "input gradient of a column-vector layer x = Wy",
    r"\frac{\partial L}{\partial y} = W^T \frac{\partial L}{\partial x} \quad (x = Wy)", _column_dy)
COLUMN_DW = _identity(
    "column-linear-dW", "weight gradient of a column-vector layer x = Wy",
    r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial x}\, y^T \quad (x = Wy)", _column_dW)
ELEMENTWISE = _identity(
    "elementwise-backprop", "gradient through an elementwise activation z = h(y)",
    r"\frac{\partial L}{\partial y} = \Big(\frac{dz}{dy}\Big)^T \frac{\partial L}{\partial z},"
    r"\ \frac{dz}{dy} = \operatorname{diag} h'(y)", _elementwise)
JACOBIAN_DIAGONAL = _identity(
    "elementwise-diagonal", "the Jacobian of an elementwise activation is diagonal",
    r"\frac{dz}{dy} = \operatorname{diag} h'(y) \quad (z = h(y))", _jacobian_diagonal, exact_only=True)
LOGISTIC_CHAIN_U = _identity(
    "logistic-chain-u", "chain rule for the output weights of the logistic classifier",
    r"\frac{\partial L}{\partial u_i} = \frac{\partial L}{\partial B}\frac{\partial B}{\partial A}\frac{\partial A}{\partial u_i}",
    _chain_u, _classifier)
LOGISTIC_CHAIN_W = _identity(
    "logistic-chain-W", "chain rule for the hidden weights of the logistic classifier",
    r"\frac{\partial L}{\partial W_{kj}} = \frac{\partial L}{\partial B}\frac{\partial B}{\partial A}"
    r"\frac{\partial A}{\partial h_j}\frac{\partial h_j}{\partial g_j}\frac{\partial g_j}{\partial W_{kj}}",
    _chain_W, _classifier)

#: Seed 004's statements, in the order of the notes.
IDENTITIES: dict[str, Identity] = {
    i.name: i
    for i in (ROWVECTOR_DX, ROWVECTOR_DW, COLUMN_DY, COLUMN_DW, ELEMENTWISE, JACOBIAN_DIAGONAL,
              LOGISTIC_CHAIN_U, LOGISTIC_CHAIN_W)
}


def applicable(net: Network) -> list[Identity]:
    """The seed 004 identities that apply to ``net`` (what ``--notation rowvector`` adds)."""
    return [i for i in IDENTITIES.values() if i.applies(net) is None]


# -- the slips, which must be refuted ------------------------------------------------


def _wrong_order(q):
    # dL/dy · x^T: the column-vector order (dL/dx · y^T) kept with row vectors.
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, dL_dW_row(q, l), dL_dy_row(q, l) @ x_row(q, l).T,
                         r"\partial L/\partial W", r"\partial L/\partial y \; x^T", ("k", "j"))


def _transposed(q):
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, dL_dW_row(q, l), dL_dy_row(q, l).T @ x_row(q, l),
                         r"\partial L/\partial W", r"(\partial L/\partial y)^T x", ("k", "j"))


def _no_transpose(q):
    for l in range(2, q.L + 1):
        yield Comparison(l, 1, dL_dx_row(q, l), dL_dy_row(q, l) @ W_row(q, l),
                         r"\partial L/\partial x", r"\partial L/\partial y \; W", ("k",))


def _forgotten_h_prime(q):
    for l in _elementwise_layers(q):
        yield Comparison(l, 1, q.delta(l), q.nabla_a(1, l), r"\partial L/\partial y", r"\partial L/\partial z", ("j",))


def _chain_u_missing(q):
    dA_du = q.a(2).T
    yield Comparison(3, 1, q.dC_dw(3), dA_du.scale(_scalar(q.nabla_a(1, 3))), r"\partial L/\partial u_i",
                     r"\partial L/\partial B \cdot \partial A/\partial u_i", ("1", "i"))


#: Wrong variants (not in any catalogue): each names its slip.
WRONG: dict[str, Identity] = {
    i.name: i
    for i in (
        _identity("rowvector-linear-dW-wrong-order", "dL/dW = dL/dy x^T with row vectors",
                  r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial y} x^T", _wrong_order),
        _identity("rowvector-linear-dW-transposed", "dL/dW = (dL/dy)^T x: the transpose of the answer",
                  r"\frac{\partial L}{\partial W} = \Big(\frac{\partial L}{\partial y}\Big)^T x", _transposed),
        _identity("rowvector-linear-dx-no-transpose", "dL/dx = dL/dy W: W where W^T belongs",
                  r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y} W", _no_transpose),
        _identity("elementwise-forgotten-h-prime", "dL/dy = dL/dz: h' left out",
                  r"\frac{\partial L}{\partial y} = \frac{\partial L}{\partial z}", _forgotten_h_prime),
        _identity("logistic-chain-u-missing-dB-dA", "dL/du_i = dL/dB dA/du_i: dB/dA left out",
                  r"\frac{\partial L}{\partial u_i} = \frac{\partial L}{\partial B}\frac{\partial A}{\partial u_i}",
                  _chain_u_missing, _classifier),
    )
}
