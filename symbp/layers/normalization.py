r"""Batch normalisation (training mode) and layer normalisation.

Batch norm normalises each feature c over the m samples of a mini-batch
(Ioffe and Szegedy, 2015, Algorithm 1); layer norm normalises each sample i
over its n features (Ba, Kiros and Hinton, 2016). With indices from 1, for
batch norm

.. math:: \mu_c = \frac1m \sum_i x_{i,c},\quad
          \sigma^2_c = \frac1m \sum_i (x_{i,c}-\mu_c)^2,\quad
          \hat x_{i,c} = \frac{x_{i,c}-\mu_c}{\sqrt{\sigma^2_c+\epsilon}},\quad
          y_{i,c} = \gamma_c \hat x_{i,c} + \beta_c,

and the same for layer norm with the roles of i and c exchanged (γ_c, β_c
still per feature). In the exact algebra 1/√(σ²+ε) is an atom u whose
derivative is −u³/2 · ∂(σ²+ε); μ and σ² are the polynomials of their
definitions.

The backward formulas: ∂L/∂γ_c = Σ_i g_{i,c} x̂_{i,c}, ∂L/∂β_c = Σ_i g_{i,c},
and the compact input gradient found in course notes,

.. math:: \frac{\partial L}{\partial x_{i,c}} = \frac{\gamma_c}{m\sqrt{\sigma^2_c+\epsilon}}
          \Big(m\, g_{i,c} - \sum_j g_{j,c} - \hat x_{i,c} \sum_j g_{j,c} \hat x_{j,c}\Big),

derived through the paper's staged gradients (∂L/∂x̂, ∂L/∂σ², ∂L/∂μ).

>>> batchnorm().leaf_count  # x and g (3 × 2 each), γ and β (2 each), ε
17
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .identity import LayerIdentity, Step
from .spec import LayerSpec, ShapeError, positions, validate

BN_SOURCE = "Ioffe and Szegedy, Batch Normalization (2015), §3 and Algorithm 1; the compact form as in course notes"
LN_SOURCE = "Ba, Kiros and Hinton, Layer Normalization (2016); the same derivation as batch normalisation, over features"

EPSILONS = tuple(Fraction(1, n) for n in (100, 10, 4, 2, 1))


class _Norm(LayerSpec):
    NAMES = {
        "x": ("x", "x"), "g": ("g", "g"), "y": ("y", "y"), "gamma": ("γ", r"\gamma"), "beta": ("β", r"\beta"),
        "eps": ("ε", r"\epsilon"), "xhat": ("x̂", r"\hat x"), "mu": ("μ", r"\mu"), "var": ("σ²", r"\sigma^2"),
        "u": ("1/√(σ²+ε)", r"(\sigma^2+\epsilon)^{-1/2}"),
    }
    PARAMS = {"batch": "pos", "features": "pos"}
    DOMAINS = {"eps": EPSILONS}
    #: over: which index is averaged (0: the samples, batch norm; 1: the features, layer norm)
    over = 0

    def check(self) -> None:
        validate(self)
        count = self.batch if self.over == 0 else self.features
        if count < 2:
            what = "the batch" if self.over == 0 else "the features"
            raise ShapeError(f"{self.kind}: {what} must have at least 2 entries (with 1, x̂ = 0 and the layer is constant)")

    def leaves(self) -> dict:
        return {
            "x": positions(self.batch, self.features),
            "gamma": positions(self.features),
            "beta": positions(self.features),
            "eps": [()],
            "g": self.outputs(),
        }

    def outputs(self) -> list:
        return positions(self.batch, self.features)

    def groups(self) -> list:
        """Each normalised group: (its key, the entries averaged together)."""
        if self.over == 0:
            return [((c,), [(i, c) for i in range(1, self.batch + 1)]) for c in range(1, self.features + 1)]
        return [((i,), [(i, c) for c in range(1, self.features + 1)]) for i in range(1, self.batch + 1)]

    def group_of(self, idx: tuple) -> tuple:
        return (idx[1],) if self.over == 0 else (idx[0],)

    @property
    def m(self) -> int:
        return self.batch if self.over == 0 else self.features

    def forward(self, tape) -> dict:
        x, gamma, beta, eps = (tape.leaves[n] for n in ("x", "gamma", "beta", "eps"))
        out = {}
        for key, members in self.groups():
            mu = tape.keep("mu", key, tape.sum(x[idx] for idx in members) / self.m)
            var = tape.keep("var", key, tape.sum((x[idx] - mu) * (x[idx] - mu) for idx in members) / self.m)
            u = tape.keep("u", key, tape.fn("rsqrt", key, var + eps[()]))
            for idx in members:
                xhat = tape.keep("xhat", idx, (x[idx] - mu) * u)
                c = (idx[1],)
                out[idx] = gamma[c] * xhat + beta[c]
        return out

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        y = {}
        for _, members in self.groups():
            xs = [values[("x", idx)] for idx in members]
            mean = mp.fsum(xs) / len(xs)
            variance = mp.fsum((v - mean) ** 2 for v in xs) / len(xs)
            scale = mp.sqrt(variance + values[("eps", ())])
            for idx, v in zip(members, xs):
                y[idx] = values[("gamma", (idx[1],))] * (v - mean) / scale + values[("beta", (idx[1],))]
        return y


@dataclass(frozen=True)
class BatchNorm(_Norm):
    """Batch normalisation of ``features`` features over a batch of ``batch`` samples (training mode)."""

    batch: int = 3
    features: int = 2

    kind = "batchnorm"
    over = 0


@dataclass(frozen=True)
class LayerNorm(_Norm):
    """Layer normalisation of each of ``batch`` samples over its ``features`` features."""

    batch: int = 2
    features: int = 3

    kind = "layernorm"
    over = 1


def batchnorm(batch: int = 3, features: int = 2) -> BatchNorm:
    """Batch norm, training mode: batch statistics, γ and β per feature, ε a positive symbol."""
    spec = BatchNorm(batch, features)
    spec.check()
    return spec


def layernorm(batch: int = 2, features: int = 3) -> LayerNorm:
    """Layer norm: statistics per sample over its features, γ and β per feature."""
    spec = LayerNorm(batch, features)
    spec.check()
    return spec


# -- the formulas ----------------------------------------------------------------------


def gamma_gradient(v) -> dict:
    xhat, spec = v["xhat"], v.spec
    return {("gamma", (c,)): v.total(v.g[(i, c)] * xhat[(i, c)] for i in range(1, spec.batch + 1))
            for c in range(1, spec.features + 1)}


def beta_gradient(v) -> dict:
    spec = v.spec
    return {("beta", (c,)): v.total(v.g[(i, c)] for i in range(1, spec.batch + 1)) for c in range(1, spec.features + 1)}


def _dxhat(v) -> dict:
    """∂L/∂x̂_{i,c} = γ_c g_{i,c}."""
    gamma = v["gamma"]
    return {idx: gamma[(idx[1],)] * v.g[idx] for idx in v.spec.outputs()}


def compact_input_gradient(v, *, with_m: bool = True, with_gamma: bool = True, with_xhat_term: bool = True) -> dict:
    spec, xhat, u = v.spec, v["xhat"], v["u"]
    gh = _dxhat(v) if with_gamma else dict(v.g)
    m = spec.m
    out = {}
    for key, members in spec.groups():
        s1 = v.total(gh[j] for j in members)
        s2 = v.total(gh[j] * xhat[j] for j in members)
        for idx in members:
            inner = m * gh[idx] - s1 - (xhat[idx] * s2 if with_xhat_term else 0)
            out[("x", idx)] = u[key] * inner / (m if with_m else 1)
    return out


def _chain(v) -> dict:
    spec = v.spec
    return v.chain("x", keep=lambda o, i: spec.group_of(o) == spec.group_of(i))


def _through_xhat(v) -> dict:
    spec, dxh = v.spec, _dxhat(v)
    return {("x", i): v.total(dxh[o] * v.d("xhat", o, "x", i) for o in spec.outputs() if spec.group_of(o) == spec.group_of(i))
            for i in spec.indices("x")}


def _staged(v) -> dict:
    # Ioffe and Szegedy's ∂L/∂σ², ∂L/∂μ, then ∂L/∂x_i = ∂L/∂x̂_i u + ∂L/∂σ² 2(x_i − μ)/m + ∂L/∂μ / m.
    spec, x, mu, u = v.spec, v["x"], v["mu"], v["u"]
    dxh, m, half = _dxhat(v), spec.m, v.const(Fraction(1, 2))
    out = {}
    for key, members in spec.groups():
        dvar = v.total(dxh[j] * (x[j] - mu[key]) for j in members) * (-half) * u[key] * u[key] * u[key]
        dmu = v.total(dxh[j] for j in members) * (-u[key]) + dvar * v.total(-2 * (x[j] - mu[key]) for j in members) / m
        for i in members:
            out[("x", i)] = dxh[i] * u[key] + dvar * 2 * (x[i] - mu[key]) / m + dmu / m
    return out


def _identities(kind: str, source: str, over_batch: bool) -> tuple:
    m, j = ("m", "j") if over_batch else ("n", "k")
    s = "c" if over_batch else "i"  # the index of the normalised group
    sig = rf"\sqrt{{\sigma^2_{s}+\epsilon}}"
    gsum = r"\sum_i" if over_batch else r"\sum_i"
    if over_batch:
        entry, other = "i,c", "j,c"
        ghat, ghat_j = "g_{i,c}", "g_{j,c}"
        front = rf"\frac{{\gamma_c}}{{m{sig}}}"
    else:
        entry, other = "i,c", "i,k"
        ghat, ghat_j = r"\gamma_c g_{i,c}", r"\gamma_k g_{i,k}"
        front = rf"\frac{{1}}{{n{sig}}}"
    compact = rf"{front}\Big({m}\, {ghat} - \sum_{j} {ghat_j} - \hat x_{{{entry}}} \sum_{j} {ghat_j}\, \hat x_{{{other}}}\Big)"
    gamma = LayerIdentity(
        name=f"{kind}-gamma-gradient", kind=kind, title="∂L/∂γ: g times x̂, summed over the samples",
        statement=rf"\frac{{\partial L}}{{\partial \gamma_c}} = {gsum} g_{{i,c}}\, \hat x_{{i,c}}", source=source,
        wrt=("gamma",), claim=gamma_gradient, lhs=r"\frac{\partial L}{\partial \gamma_c}", why="$y_{i,c} = \\gamma_c \\hat x_{i,c} + \\beta_c$",
    )
    beta = LayerIdentity(
        name=f"{kind}-beta-gradient", kind=kind, title="∂L/∂β: g summed over the samples",
        statement=rf"\frac{{\partial L}}{{\partial \beta_c}} = {gsum} g_{{i,c}}", source=source,
        wrt=("beta",), claim=beta_gradient, lhs=r"\frac{\partial L}{\partial \beta_c}", why="$\\partial y_{i,c}/\\partial \\beta_c = 1$",
    )
    dxhat = r"\frac{\partial L}{\partial \hat x}"
    inp = LayerIdentity(
        name=f"{kind}-input-gradient", kind=kind, title="the compact input gradient",
        statement=rf"\frac{{\partial L}}{{\partial x_{{{entry}}}}} = {compact}", source=source, wrt=("x",),
        claim=compact_input_gradient, lhs=rf"\frac{{\partial L}}{{\partial x_{{{entry}}}}}",
        why="collect the terms over one denominator",
        steps=(
            Step(rf"\sum_{j} g_{{{other}}} \frac{{\partial y_{{{other}}}}}{{\partial x_{{{entry}}}}}",
                 "chain rule; only the entries normalised together depend on $x_{i,c}$", _chain),
            Step(rf"\sum_{j} {dxhat}_{{{other}}} \frac{{\partial \hat x_{{{other}}}}}{{\partial x_{{{entry}}}}},"
                 rf"\quad {dxhat}_{{{other}}} = \gamma \, g_{{{other}}}", "differentiate $y = \\gamma \\hat x + \\beta$", _through_xhat),
            Step(rf"{dxhat}_{{{entry}}} \frac{{1}}{{{sig}}} + \frac{{\partial L}}{{\partial \sigma^2_{s}}} \frac{{2(x_{{{entry}}}-\mu_{s})}}{{{m}}}"
                 rf" + \frac{{\partial L}}{{\partial \mu_{s}}} \frac{{1}}{{{m}}}",
                 "Ioffe and Szegedy's staged gradients: $\\frac{\\partial L}{\\partial\\sigma^2} = -\\frac12 \\sum_j \\frac{\\partial L}{\\partial \\hat x_j} (x_j-\\mu)(\\sigma^2+\\epsilon)^{-3/2}$, "
                 "$\\frac{\\partial L}{\\partial\\mu} = -\\sum_j \\frac{\\partial L}{\\partial\\hat x_j} (\\sigma^2+\\epsilon)^{-1/2} + \\frac{\\partial L}{\\partial\\sigma^2} \\frac1m\\sum_j -2(x_j-\\mu)$",
                 _staged),
        ),
    )
    return gamma, beta, inp


BATCHNORM_GAMMA, BATCHNORM_BETA, BATCHNORM_INPUT = _identities("batchnorm", BN_SOURCE, over_batch=True)
LAYERNORM_GAMMA, LAYERNORM_BETA, LAYERNORM_INPUT = _identities("layernorm", LN_SOURCE, over_batch=False)
IDENTITIES = (BATCHNORM_GAMMA, BATCHNORM_BETA, BATCHNORM_INPUT, LAYERNORM_GAMMA, LAYERNORM_BETA, LAYERNORM_INPUT)
