r"""Softmax: its backward pass alone (as inside attention), and with cross-entropy at the output.

With p = softmax(z), p_j = e^{z_j} / Σ_k e^{z_k}: in the exact algebra each
e^{z_j} is an atom E_j (derivative E_j) and 1/Σ_k E_k an atom R (derivative
−R²), so p_j = E_j R is a polynomial.

* ``softmax-backward``: for an upstream g = ∂L/∂p, the Jacobian of softmax,
  ∂p_j/∂z_k = p_j([j = k] − p_k), gives
  ∂L/∂z_k = p_k (g_k − Σ_j g_j p_j), i.e. p ⊙ (g − ⟨g, p⟩) — the step
  "dS = P ⊙ (dP − rowsum(dP ⊙ P))" of attention's backward pass.
* ``softmax-ce-gradient``: with C = −Σ_k y_k ln p_k (the layer's output is
  the loss itself, so nothing comes back from above: g = 1),
  ∂C/∂z_j = (Σ_k y_k) p_j − y_j, which is p_j − y_j exactly when
  Σ_k y_k = 1 (one-hot targets). These are the core catalogue's
  ``softmax-ce`` and ``softmax-ce-one-hot`` (seed 003), stated for the layer
  alone; ln p_k is written ln p_k = z_k − ln Σ_j e^{z_j}.

With ``targets="sum-to-one"`` (the default) the last target is
y_K = 1 − Σ_{k<K} y_k; with ``targets="free"`` every y_k is a symbol, and
``softmax-ce-gradient`` (p − y) is refuted, as it should be.

>>> softmax_ce(classes=3).leaf_count
5
"""

from __future__ import annotations

from dataclasses import dataclass

from .identity import LayerIdentity, Step
from .spec import LayerSpec, positions, validate

SOURCE = "Goodfellow, Bengio and Courville, Deep Learning (2016), §6.2.2.3; the core catalogue's softmax-ce (Dyda)"
JACOBIAN_SOURCE = ("the softmax Jacobian ∂p_j/∂z_k = p_j([j = k] − p_k); the attention backward pass as in "
                   "Dao et al., FlashAttention (2022), Appendix B")


def probabilities(tape, z: list, key: tuple) -> list:
    """softmax(z) as Dual numbers: E_j = e^{z_j} and R = 1/Σ E, both atoms; p_j = E_j R."""
    E = [tape.fn("exp", (*key, j), zj) for j, zj in enumerate(z, start=1)]
    R = tape.fn("recip", key, tape.sum(E))
    return [e * R for e in E]


def vjp(v, p: list, g: list) -> list:
    """p ⊙ (g − ⟨g, p⟩): the softmax's backward pass for an upstream g."""
    inner = v.total(gj * pj for gj, pj in zip(g, p))
    return [pk * (gk - inner) for pk, gk in zip(p, g)]


@dataclass(frozen=True)
class Softmax(LayerSpec):
    """p = softmax(z) on ``size`` entries; g = ∂L/∂p comes from above."""

    size: int = 3

    kind = "softmax"
    PARAMS = {"size": "pos"}
    NAMES = {"z": ("z", "z"), "g": ("g", "g"), "p": ("p", "p")}

    def check(self) -> None:
        validate(self)

    def leaves(self) -> dict:
        return {"z": positions(self.size), "g": self.outputs()}

    def outputs(self) -> list:
        return positions(self.size)

    def forward(self, tape) -> dict:
        z = [tape.leaves["z"][(j,)] for j in range(1, self.size + 1)]
        p = probabilities(tape, z, ())
        return {(j,): tape.keep("p", (j,), pj) for j, pj in enumerate(p, start=1)}

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        e = [mp.exp(values[("z", (j,))]) for j in range(1, self.size + 1)]
        total = mp.fsum(e)
        return {(j,): e[j - 1] / total for j in range(1, self.size + 1)}


@dataclass(frozen=True)
class SoftmaxCE(LayerSpec):
    """Softmax output over ``classes`` classes with the categorical cross-entropy as the loss."""

    classes: int = 3
    targets: str = "sum-to-one"

    kind = "softmax-ce"
    LOSS = "C"
    PARAMS = {"classes": "pos", "targets": "choice:sum-to-one|free"}
    NAMES = {"z": ("z", "z"), "y": ("y", "y"), "p": ("p", "p"), "t": ("y", "y")}

    def check(self) -> None:
        validate(self)

    def leaves(self) -> dict:
        last = self.classes - (1 if self.targets == "sum-to-one" else 0)
        return {"z": positions(self.classes), "y": positions(last)}

    def outputs(self) -> list:
        return [()]

    def targets_of(self, y: dict, one) -> list:
        ys = [y[(k,)] for k in range(1, len(y) + 1)]
        if self.targets == "sum-to-one":
            ys.append(one - sum(ys[1:], ys[0]) if ys else one)
        return ys

    def forward(self, tape) -> dict:
        z = [tape.leaves["z"][(j,)] for j in range(1, self.classes + 1)]
        ys = self.targets_of(tape.leaves["y"], tape.const(1))
        for k, yk in enumerate(ys, start=1):
            tape.keep("t", (k,), yk)
        p = probabilities(tape, z, ())
        for j, pj in enumerate(p, start=1):
            tape.keep("p", (j,), pj)
        log_total = tape.fn("log", (), tape.sum(tape.fn("exp", (j,), zj) for j, zj in enumerate(z, start=1)))
        return {(): -tape.sum(yk * (zk - log_total) for yk, zk in zip(ys, z))}

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        z = [values[("z", (j,))] for j in range(1, self.classes + 1)]
        free = [values[("y", (k,))] for k in range(1, len(self.leaves()["y"]) + 1)]
        ys = free + ([1 - mp.fsum(free)] if self.targets == "sum-to-one" else [])
        e = [mp.exp(v) for v in z]
        p = [v / mp.fsum(e) for v in e]
        return {(): -mp.fsum(yk * mp.log(pk) for yk, pk in zip(ys, p))}


def softmax(size: int = 3) -> Softmax:
    """A softmax on ``size`` entries (the backward pass inside attention)."""
    spec = Softmax(size)
    spec.check()
    return spec


def softmax_ce(classes: int = 3, targets: str = "sum-to-one") -> SoftmaxCE:
    """Softmax + categorical cross-entropy; ``targets`` ``sum-to-one`` (one-hot-like) or ``free``."""
    spec = SoftmaxCE(classes, targets)
    spec.check()
    return spec


# -- the formulas ----------------------------------------------------------------------


def backward_rule(v, *, rowsum: bool = True) -> dict:
    n = v.spec.size
    p = [v["p"][(j,)] for j in range(1, n + 1)]
    g = [v.g[(j,)] for j in range(1, n + 1)]
    dz = vjp(v, p, g) if rowsum else [pk * gk for pk, gk in zip(p, g)]
    return {("z", (k,)): d for k, d in enumerate(dz, start=1)}


def _jacobian_line(v) -> dict:
    n, p = v.spec.size, v["p"]
    return {("z", (k,)): v.total(v.g[(j,)] * p[(j,)] * ((1 if j == k else 0) - p[(k,)]) for j in range(1, n + 1))
            for k in range(1, n + 1)}


def ce_rule(v, *, assume_one_hot: bool = False) -> dict:
    K, p, t = v.spec.classes, v["p"], v["t"]
    total = v.total(t[(k,)] for k in range(1, K + 1))
    return {("z", (j,)): (p[(j,)] if assume_one_hot else total * p[(j,)]) - t[(j,)] for j in range(1, K + 1)}


def _ce_chain(v) -> dict:
    K, p, t = v.spec.classes, v["p"], v["t"]
    return {("z", (j,)): v.total(-t[(k,)] * ((1 if j == k else 0) - p[(j,)]) for k in range(1, K + 1)) for j in range(1, K + 1)}


SOFTMAX_BACKWARD = LayerIdentity(
    name="softmax-backward", kind="softmax", title="softmax's backward pass: p ⊙ (g − ⟨g, p⟩)",
    statement=r"\frac{\partial L}{\partial z_k} = p_k \Big(g_k - \sum_j g_j p_j\Big)", source=JACOBIAN_SOURCE,
    wrt=("z",), claim=backward_rule, lhs=r"\frac{\partial L}{\partial z_k}", why="expand and collect $p_k$",
    steps=(Step(r"\sum_j g_j\, p_j \big([j = k] - p_k\big)", "the softmax Jacobian (checked: differentiate $E_j R$)", _jacobian_line),),
)
SOFTMAX_CE = LayerIdentity(
    name="softmax-ce-gradient", kind="softmax-ce", title="softmax + cross-entropy: ∂C/∂z = p − y (targets sum to 1)",
    statement=r"\frac{\partial C}{\partial z_j} = p_j - y_j", source=SOURCE, wrt=("z",),
    claim=lambda v: ce_rule(v, assume_one_hot=True), lhs=r"\frac{\partial C}{\partial z_j}",
    why=r"$\sum_k y_k = 1$", steps=(Step(r"-\sum_k y_k \big([j = k] - p_j\big)", r"$\partial \ln p_k/\partial z_j = [j = k] - p_j$", _ce_chain),),
    aliases=("softmax-ce-layer",),
)
SOFTMAX_CE_GENERAL = LayerIdentity(
    name="softmax-ce-gradient-general", kind="softmax-ce", title="softmax + cross-entropy: ∂C/∂z = (Σ y) p − y",
    statement=r"\frac{\partial C}{\partial z_j} = \Big(\sum_k y_k\Big) p_j - y_j", source=SOURCE, wrt=("z",),
    claim=ce_rule, lhs=r"\frac{\partial C}{\partial z_j}", why="collect $p_j$",
    steps=(Step(r"-\sum_k y_k \big([j = k] - p_j\big)", r"$\partial \ln p_k/\partial z_j = [j = k] - p_j$", _ce_chain),),
)
IDENTITIES = (SOFTMAX_BACKWARD, SOFTMAX_CE, SOFTMAX_CE_GENERAL)
