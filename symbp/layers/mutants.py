r"""The usual slips in the layers' backward formulas, as deliberately wrong identities.

Each mutant is a catalogue identity with its formula replaced by a wrong one
(and its statement saying so), together with a shape on which it is wrong
(a slip about the stride needs a stride > 1). They exist to show that symbp
refutes them, each with a counterexample at an exact point confirmed by the
independent oracle; none is part of the catalogue.

>>> from symbp.layers.prover import prove_layer
>>> m = get("batchnorm-input-gradient without 1/m")
>>> prove_layer(m.identity, m.spec).verdict
'refuted'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from ..errors import IdentityError
from .conv import CONV1D_INPUT, CONV2D_INPUT, CONV2D_WEIGHT, conv1d, conv2d, input_gradient, positions
from .normalization import (
    BATCHNORM_GAMMA, BATCHNORM_INPUT, LAYERNORM_INPUT, batchnorm, beta_gradient, compact_input_gradient, layernorm,
)
from .pooling import AVGPOOL_INPUT, MAXPOOL_INPUT, _routed, avgpool, maxpool
# These modules share their names with their builders (``layers.rnn(...)``): import from them by name.
from .attention import KEY, QUERY, VALUE, attention, key_rule, query_rule, value_rule
from .dropout import DROPOUT, dropout, inverted_rule
from .residual import RESIDUAL, residual, skip_rule
from .rnn import BPTT, WEIGHTS, bptt_deltas, rnn, weight_rule
from .softmax import SOFTMAX_BACKWARD, SOFTMAX_CE, backward_rule, softmax, softmax_ce
from .identity import LayerIdentity
from .spec import LayerSpec


@dataclass(frozen=True)
class Mutant:
    """A wrong identity and a layer on which it is wrong."""

    identity: LayerIdentity
    spec: LayerSpec
    slip: str

    @property
    def name(self) -> str:
        n = self.identity.name
        return n if n.endswith(self.slip) else f"{n} {self.slip}"


def _mutant(base: LayerIdentity, slip: str, statement: str, claim, spec: LayerSpec) -> Mutant:
    if "=" not in statement:
        statement = f"{base.lhs} = {statement}"
    ident = replace(base, name=f"{base.name} {slip}", statement=statement, claim=claim, steps=(), aliases=(), extra=())
    return Mutant(ident, spec, slip)


def _max_average(v):
    spec = v.spec
    return _routed(v, lambda c, p, u: v.const(Fraction(1, spec.kernel[0] * spec.kernel[1])))


def _max_overwrite(v):
    # Assignment instead of accumulation: the last window holding u (row-major) wins.
    spec, e = v.spec, v["e"]
    out = {("x", idx): v.zero for idx in spec.indices("x")}
    for (c, *p) in spec.outputs():
        p = tuple(p)
        for u in spec.window(p):
            out[("x", (c, *u))] = v.g[(c, *p)] * e[(c, *p, *u)]
    return out


def _avg_unscaled(v):
    return _routed(v, lambda c, p, u: v.const(1))


def _bn_constants(v):
    # μ and σ² treated as constants: only the direct path through x̂_i.
    spec, u, gamma = v.spec, v["u"], v["gamma"]
    return {("x", idx): gamma[(idx[1],)] * v.g[idx] * u[spec.group_of(idx)] for idx in spec.outputs()}


def _bn_gamma_without_xhat(v):
    return {("gamma", k[1]): x for k, x in beta_gradient(v).items()}


def _conv_weight_undilated(v):
    # The stride forgotten in the correlation: Σ_p g_{k,p} x̃_{c, p+i−1}.
    spec, x, zero = v.spec, v["x"], v.zero
    out = {}
    for (c, k, *i) in spec.indices("w"):
        pos = lambda p: tuple(a + b - 1 for a, b in zip(p, i))  # noqa: E731
        out[("w", (c, k, *i))] = v.total(v.g[(k, *p)] * spec.padded(x, c, pos(p), zero) for p in positions(*spec.out))
    return out


def _all() -> tuple:
    c2 = conv2d(in_channels=2, out_channels=2, kernel=(2, 3), stride=2, padding=1, input=(5, 5))
    c1 = conv1d(in_channels=1, out_channels=2, kernel=3, stride=2, padding=1, input=6)
    mp_overlap = maxpool(channels=1, kernel=2, stride=1, input=(3, 3))
    bn, ln = batchnorm(batch=3, features=2), layernorm(batch=2, features=3)
    net = rnn(inputs=2, hidden=2, steps=3)
    att = attention(queries=3, keys=3, dim=2, values=2)
    att_rect = attention(queries=2, keys=3, dim=2, values=2)
    return (
        _mutant(CONV2D_INPUT, "without the 180° rotation",
                r"\frac{\partial L}{\partial x} = \sum_k \mathrm{pad}(\hat g_k) \star w_{c,k}",
                lambda v: input_gradient(v, rotate=False), c2),
        _mutant(CONV2D_INPUT, "without dilating g", r"\frac{\partial L}{\partial x} = \sum_k \mathrm{pad}(g_k) \star \mathrm{rot}_{180}(w_{c,k})",
                lambda v: input_gradient(v, dilated=False), c2),
        _mutant(CONV1D_INPUT, "without the 180° rotation", r"\frac{\partial L}{\partial x} = \sum_k \mathrm{pad}(\hat g_k) \star w_{c,k}",
                lambda v: input_gradient(v, rotate=False), c1),
        _mutant(CONV2D_WEIGHT, "without the stride", r"\frac{\partial L}{\partial w_{c,k,i,j}} = \sum_{p,q} g_{k,p,q} \tilde x_{c,p+i-1,q+j-1}",
                _conv_weight_undilated, c2),
        _mutant(MAXPOOL_INPUT, "spread like an average", r"\frac{\partial L}{\partial x_{c,u}} = \sum_p \frac{g_{c,p}}{k_h k_w}",
                _max_average, maxpool(channels=2, kernel=2, stride=2, input=(4, 4))),
        _mutant(MAXPOOL_INPUT, "overwritten, not summed, over overlapping windows",
                r"\frac{\partial L}{\partial x_{c,u}} = g_{c,p^*}\, [u = \arg\max]", _max_overwrite, mp_overlap),
        _mutant(AVGPOOL_INPUT, "without 1/(k_h k_w)", r"\frac{\partial L}{\partial x_{c,u}} = \sum_p g_{c,p}",
                _avg_unscaled, avgpool(channels=1, kernel=2, stride=1, padding=1, input=(3, 4))),
        _mutant(BATCHNORM_INPUT, "without 1/m",
                r"\frac{\gamma}{\sqrt{\sigma^2+\epsilon}}\big(m g_i - \sum_j g_j - \hat x_i \sum_j g_j \hat x_j\big)",
                lambda v: compact_input_gradient(v, with_m=False), bn),
        _mutant(BATCHNORM_INPUT, "without γ",
                r"\frac{1}{m\sqrt{\sigma^2+\epsilon}}\big(m g_i - \sum_j g_j - \hat x_i \sum_j g_j \hat x_j\big)",
                lambda v: compact_input_gradient(v, with_gamma=False), bn),
        _mutant(BATCHNORM_INPUT, "without the x̂ term",
                r"\frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}\big(m g_i - \sum_j g_j\big)",
                lambda v: compact_input_gradient(v, with_xhat_term=False), bn),
        _mutant(BATCHNORM_INPUT, "with μ and σ² held constant", r"\frac{\gamma\, g_i}{\sqrt{\sigma^2+\epsilon}}",
                _bn_constants, bn),
        _mutant(BATCHNORM_GAMMA, "without x̂", r"\frac{\partial L}{\partial \gamma_c} = \sum_i g_{i,c}",
                _bn_gamma_without_xhat, bn),
        _mutant(LAYERNORM_INPUT, "without γ",
                r"\frac{1}{n\sqrt{\sigma^2+\epsilon}}\big(n g_{i,c} - \sum_k g_{i,k} - \hat x_{i,c} \sum_k g_{i,k} \hat x_{i,k}\big)",
                lambda v: compact_input_gradient(v, with_gamma=False), ln),
        _mutant(RESIDUAL, "without the skip", r"\frac{\partial L}{\partial x} = J_F^{\mathsf T} g",
                lambda v: skip_rule(v, skip=False), residual(3)),
        _mutant(RESIDUAL, "through the skip only", r"\frac{\partial L}{\partial x} = g",
                lambda v: skip_rule(v, block=False), residual(3)),
        _mutant(DROPOUT, "without the 1/(1 − p) scaling", r"\frac{\partial L}{\partial x_i} = r_i g_i",
                lambda v: inverted_rule(v, scaled=False), dropout(3)),
        _mutant(BPTT, "with W_hh not transposed", r"\delta_t = \varphi'(a_t) \odot (g_t + W_{hh} \delta_{t+1})",
                lambda v: {("a", k): d for k, d in bptt_deltas(v, transposed=False).items()}, net),
        _mutant(BPTT, "without g_t", r"\delta_t = \varphi'(a_t) \odot W_{hh}^{\mathsf T} \delta_{t+1}",
                lambda v: {("a", k): d for k, d in bptt_deltas(v, direct=False).items()}, net),
        _mutant(WEIGHTS, "with h_t for h_{t−1}", r"\frac{\partial L}{\partial W_{hh}} = \sum_t \delta_t h_t^{\mathsf T}",
                lambda v: weight_rule(v, previous=False), net),
        _mutant(WEIGHTS, "from the last step only", r"\frac{\partial L}{\partial W_{hh}} = \delta_T h_{T-1}^{\mathsf T}",
                lambda v: weight_rule(v, every_step=False), net),
        _mutant(QUERY, "without 1/√d", r"\frac{\partial L}{\partial Q} = dS\, K", lambda v: query_rule(v, scaled=False), att),
        _mutant(QUERY, "without the rowsum term", r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt d} (P \odot dP) K",
                lambda v: query_rule(v, rowsum=False), att),
        _mutant(VALUE, "without the transpose", r"\frac{\partial L}{\partial V} = P G", lambda v: value_rule(v, transposed=False), att),
        _mutant(VALUE, "without the transpose (T_q ≠ T_k)", r"\frac{\partial L}{\partial V} = P G",
                lambda v: value_rule(v, transposed=False), att_rect),
        _mutant(KEY, "without the transpose of dS", r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt d} dS\, Q",
                lambda v: key_rule(v, transposed=False), att),
        _mutant(SOFTMAX_BACKWARD, "without ⟨g, p⟩", r"\frac{\partial L}{\partial z_k} = p_k g_k",
                lambda v: backward_rule(v, rowsum=False), softmax(3)),
        Mutant(SOFTMAX_CE, softmax_ce(3, targets="free"), "with targets that need not sum to 1"),
    )


#: Every mutant, in catalogue order.
ALL: tuple = _all()


def get(name: str) -> Mutant:
    """The mutant called ``name`` (e.g. ``"batchnorm-input-gradient without 1/m"``)."""
    for m in ALL:
        if m.name == name:
            return m
    raise IdentityError(f"no mutant {name!r}; known: {'; '.join(m.name for m in ALL)}")
