r"""The residual connection y = x + F(x), for every differentiable block F.

The block F: ℝ^n → ℝ^n is arbitrary: in the exact algebra F_i(x) and its
Jacobian entries J_{i,k} = ∂F_i/∂x_k are atoms of their own (so a proof
holds for every block at once); at a concrete point the stand-in
F_i(x) = x_i²/2 + Σ_k x_k/(i + 2k) is used (its Jacobian not symmetric). The textbook statement (He,
Zhang, Ren and Sun, *Identity Mappings in Deep Residual Networks*, 2016,
eq. 5): the gradient adds through the skip,

.. math:: \frac{\partial L}{\partial x_k} = g_k + \sum_i \frac{\partial F_i}{\partial x_k}\, g_i,
          \qquad\text{i.e.}\qquad \nabla_x L = g + J_F^{\mathsf T} g.

>>> residual(features=2).leaf_count
4
"""

from __future__ import annotations

from dataclasses import dataclass

from .field import block_value
from .identity import LayerIdentity, Step
from .spec import LayerSpec, positions, validate

SOURCE = "He, Zhang, Ren and Sun, Identity Mappings in Deep Residual Networks (2016), eq. (5)"


@dataclass(frozen=True)
class Residual(LayerSpec):
    """y = x + F(x) on ``features`` entries, F any differentiable block."""

    features: int = 3

    kind = "residual"
    PARAMS = {"features": "pos"}
    NAMES = {"x": ("x", "x"), "g": ("g", "g"), "y": ("y", "y"), "J": ("∂F/∂x", r"J")}

    def check(self) -> None:
        validate(self)

    def leaves(self) -> dict:
        return {"x": positions(self.features), "g": self.outputs()}

    def outputs(self) -> list:
        return positions(self.features)

    def forward(self, tape) -> dict:
        x = tape.leaves["x"]
        args = [x[(k,)] for k in range(1, self.features + 1)]
        out = {}
        for i in range(1, self.features + 1):
            f, jac = tape.block("F", i, args)
            for k, j in enumerate(jac, start=1):
                tape.keep("J", (i, k), j)
            out[(i,)] = x[(i,)] + f
        return out

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        xs = [values[("x", (k,))] for k in range(1, self.features + 1)]
        return {(i,): xs[i - 1] + block_value(i, xs) for i in range(1, self.features + 1)}


def residual(features: int = 3) -> Residual:
    """A residual connection around an arbitrary block F of ``features`` inputs and outputs."""
    spec = Residual(features)
    spec.check()
    return spec


def skip_rule(v, *, skip: bool = True, block: bool = True) -> dict:
    J, n = v["J"], v.spec.features
    out = {}
    for k in range(1, n + 1):
        through = v.total(J[(i, k)] * v.g[(i,)] for i in range(1, n + 1))
        out[("x", (k,))] = (v.g[(k,)] if skip else v.zero) + (through if block else v.zero)
    return out


def _chain(v) -> dict:
    return v.chain("x")


RESIDUAL = LayerIdentity(
    name="residual-gradient", kind="residual", title="the gradient adds through the skip: g + J_F^T g",
    statement=r"\frac{\partial L}{\partial x_k} = g_k + \sum_i \frac{\partial F_i}{\partial x_k}\, g_i",
    source=SOURCE, wrt=("x",), claim=skip_rule, lhs=r"\frac{\partial L}{\partial x_k}",
    why=r"$\partial y_i/\partial x_k = [i = k] + \partial F_i/\partial x_k$",
    steps=(Step(r"\sum_i g_i \frac{\partial y_i}{\partial x_k}", "chain rule", _chain),),
)
IDENTITIES = (RESIDUAL,)
