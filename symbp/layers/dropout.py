r"""Dropout with a fixed mask and inverted scaling.

During training each entry is kept (r_i = 1) or dropped (r_i = 0), and the
kept ones are scaled by 1/(1 − p) so that the expected output is x
("inverted dropout", as in Stanford CS231n's notes; Srivastava et al.,
2014, scale at test time instead):

.. math:: y_i = \frac{r_i\, x_i}{1-p}, \qquad \frac{\partial L}{\partial x_i} = \frac{r_i\, g_i}{1-p}.

The mask is fixed during the backward pass; in the exact algebra its entries
are atoms (so a proof holds for every mask), at a concrete point they are
0 or 1, and the drop rate p is a symbol (1/(1 − p) an atom).

>>> dropout().leaf_count
10
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .identity import LayerIdentity, Step
from .spec import LayerSpec, positions, validate

SOURCE = "Srivastava, Hinton, Krizhevsky, Sutskever and Salakhutdinov, Dropout (2014); inverted scaling as in Stanford CS231n"


@dataclass(frozen=True)
class Dropout(LayerSpec):
    """Inverted dropout on ``features`` entries with a fixed mask r and drop rate p."""

    features: int = 3

    kind = "dropout"
    PARAMS = {"features": "pos"}
    NAMES = {"x": ("x", "x"), "g": ("g", "g"), "y": ("y", "y"), "r": ("r", "r"), "p": ("p", "p"),
             "scale": ("1/(1−p)", r"\frac{1}{1-p}")}
    DOMAINS = {"r": (0, 1), "p": tuple(Fraction(a, b) for a, b in ((1, 4), (1, 3), (1, 2), (2, 3), (3, 4)))}

    def check(self) -> None:
        validate(self)

    def leaves(self) -> dict:
        return {"x": positions(self.features), "r": positions(self.features), "p": [()], "g": self.outputs()}

    def outputs(self) -> list:
        return positions(self.features)

    def forward(self, tape) -> dict:
        x, r, p = tape.leaves["x"], tape.leaves["r"], tape.leaves["p"][()]
        scale = tape.keep("scale", (), tape.fn("recip", ("keep",), 1 - p))
        return {i: r[i] * x[i] * scale for i in self.outputs()}

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        keep = 1 - values[("p", ())]
        return {i: values[("r", i)] * values[("x", i)] / keep for i in self.outputs()}


def dropout(features: int = 3) -> Dropout:
    """Inverted dropout on ``features`` entries (mask and drop rate are symbols)."""
    spec = Dropout(features)
    spec.check()
    return spec


def inverted_rule(v, *, scaled: bool = True) -> dict:
    r, scale = v["r"], v["scale"][()]
    return {("x", i): r[i] * v.g[i] * (scale if scaled else 1) for i in v.spec.outputs()}


def _chain(v) -> dict:
    return v.chain("x")


DROPOUT = LayerIdentity(
    name="dropout-gradient", kind="dropout", title="dropout: g masked and scaled by 1/(1 − p)",
    statement=r"\frac{\partial L}{\partial x_i} = \frac{r_i\, g_i}{1-p}", source=SOURCE, wrt=("x",), claim=inverted_rule,
    lhs=r"\frac{\partial L}{\partial x_i}", why=r"$\partial y_j/\partial x_i = [i = j]\, r_i/(1-p)$; the mask is fixed",
    steps=(Step(r"\sum_j g_j \frac{\partial y_j}{\partial x_i}", "chain rule", _chain),),
)
IDENTITIES = (DROPOUT,)
