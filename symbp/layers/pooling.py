r"""Pooling in two dimensions: max and average, with channels, stride and padding.

Indices are 1-based; window p of channel c covers the padded positions
s(p − 1) + i, i = 1..k per dimension (as for ``conv``).

*Max pooling* takes the largest entry of the window; padding adds no
entries (as if it were −∞). On the open set where every window has a unique
maximum (every point but a set of measure zero),

.. math:: y_{c,p} = \sum_{u \in \mathrm{window}(p)} e_{c,p,u}\, x_{c,u},

with e_{c,p,u} = 1 when u is the arg-max and 0 otherwise; the indicators
are locally constant there, so their derivative is 0. The textbook rule
routes g to the arg-max: ∂L/∂x_{c,u} = Σ_p g_{c,p} e_{c,p,u}.
**Ties** (convention): where the maximum is not unique it is not
differentiable; g then goes to the *first* maximal entry of the window in
row-major order, which is what PyTorch does and is one element of the
subdifferential. The exact proofs treat the indicators as atoms, so they
hold whichever entry is the maximum.

*Average pooling* divides the window's sum by k_h·k_w, padded zeros
included (PyTorch's default ``count_include_pad=True``); the rule spreads
g_{c,p}/(k_h k_w) over the window.

>>> maxpool().out
(2, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from .identity import LayerIdentity, Step
from .spec import LayerSpec, ShapeError, dims, positions, validate

SOURCE = "Stanford CS231n course notes (backpropagation through pooling); Goodfellow, Bengio and Courville, Deep Learning (2016), §9.3"

TIES = ("at a tie the maximum is not differentiable: g goes to the first maximal entry of the window in row-major "
        "order (as PyTorch does), one element of the subdifferential; the proof covers every point where each "
        "window's maximum is unique")


@dataclass(frozen=True)
class _Pool(LayerSpec):
    # The fields both poolings have (each subclass is a frozen dataclass over them, adding none).
    channels: int = 1
    kernel: tuple = (2, 2)
    stride: tuple = (2, 2)
    padding: tuple = (0, 0)
    input: tuple = (4, 4)

    NAMES = {"x": ("x", "x"), "g": ("g", "g"), "y": ("y", "y"), "e": ("e", "e")}
    PARAMS = {"channels": "pos", "kernel": "pos2", "stride": "pos2", "padding": "nat2", "input": "pos2"}

    def check(self) -> None:
        validate(self)
        for d, (n, k, p) in enumerate(zip(self.input, self.kernel, self.padding)):
            if k > n + 2 * p:
                raise ShapeError(f"{self.kind}: the kernel ({k}) is larger than the padded input ({n} + 2·{p} = {n + 2 * p}) "
                                 f"in dimension {d + 1}")
            if 2 * p > k:
                raise ShapeError(f"{self.kind}: padding {p} is more than half the kernel ({k}) in dimension {d + 1}; "
                                 "a window would hold padding only")

    @property
    def out(self) -> tuple:
        return tuple((n + 2 * p - k) // s + 1 for n, k, s, p in zip(self.input, self.kernel, self.stride, self.padding))

    def leaves(self) -> dict:
        return {"x": [(c, *u) for c in range(1, self.channels + 1) for u in positions(*self.input)], "g": self.outputs()}

    def outputs(self) -> list:
        return [(c, *p) for c in range(1, self.channels + 1) for p in positions(*self.out)]

    def window(self, p: tuple) -> list:
        """The input positions (unpadded, 1-based) of window p, row-major; padding omitted."""
        out = []
        for i in positions(*self.kernel):
            u = tuple(s * (a - 1) + b - pad for s, a, b, pad in zip(self.stride, p, i, self.padding))
            if all(1 <= a <= n for a, n in zip(u, self.input)):
                out.append(u)
        return out


@dataclass(frozen=True)
class MaxPool(_Pool):
    """2-D max pooling (build it with ``maxpool``)."""

    kind = "maxpool"

    def forward(self, tape) -> dict:
        x = tape.leaves["x"]
        out = {}
        for (c, *p) in self.outputs():
            p = tuple(p)
            win = self.window(p)
            values = [x[(c, *u)] for u in win]
            terms = []
            for n, u in enumerate(win):
                e = tape.keep("e", (c, *p, *u), tape.indicator((c, *p, *u), values, n))
                terms.append(e * x[(c, *u)])
            out[(c, *p)] = tape.sum(terms)
        return out

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        y = {}
        for c in range(1, self.channels + 1):
            for p in product(*(range(1, m + 1) for m in self.out)):
                y[(c, *p)] = max(values[("x", (c, *u))] for u in self.window(p))
        return y

    def draw(self, rng) -> dict:
        # Distinct inputs, so that every window has a unique maximum (the maximum is differentiable there).
        xs = self.leaves()["x"]
        pool = rng.sample(range(-4 * len(xs) - 8, 4 * len(xs) + 8), len(xs))
        point = {("x", idx): Fraction(v, 4) for idx, v in zip(xs, pool)}
        point.update({("g", o): Fraction(rng.choice((-4, -3, -2, -1, 1, 2, 3, 4)), 4) for o in self.outputs()})
        return point


@dataclass(frozen=True)
class AvgPool(_Pool):
    """2-D average pooling, padded zeros counted (build it with ``avgpool``)."""

    kind = "avgpool"

    @property
    def area(self) -> int:
        return self.kernel[0] * self.kernel[1]

    def forward(self, tape) -> dict:
        x = tape.leaves["x"]
        return {(c, *p): tape.sum(x[(c, *u)] for u in self.window(tuple(p))) / self.area for (c, *p) in self.outputs()}

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        y = {}
        for c in range(1, self.channels + 1):
            for p in product(*(range(1, m + 1) for m in self.out)):
                total = mp.mpf(0)
                for i in product(*(range(1, k + 1) for k in self.kernel)):
                    u = (self.stride[0] * (p[0] - 1) + i[0] - self.padding[0], self.stride[1] * (p[1] - 1) + i[1] - self.padding[1])
                    if 1 <= u[0] <= self.input[0] and 1 <= u[1] <= self.input[1]:
                        total += values[("x", (c, *u))]
                y[(c, *p)] = total / (self.kernel[0] * self.kernel[1])
        return y


def _build(cls, channels, kernel, stride, padding, input):
    spec = cls(channels, dims(kernel, 2), dims(stride if stride is not None else kernel, 2), dims(padding, 2), dims(input, 2))
    spec.check()
    return spec


def maxpool(channels: int = 1, kernel=(2, 2), stride=None, padding=0, input=(4, 4)) -> MaxPool:
    """2-D max pooling; ``stride`` defaults to the kernel size.

    >>> maxpool(kernel=3, stride=1, input=(4, 5)).out
    (2, 3)
    """
    return _build(MaxPool, channels, kernel, stride, padding, input)


def avgpool(channels: int = 1, kernel=(2, 2), stride=None, padding=0, input=(4, 4)) -> AvgPool:
    """2-D average pooling; ``stride`` defaults to the kernel size."""
    return _build(AvgPool, channels, kernel, stride, padding, input)


# -- the textbook rules --------------------------------------------------------------------


def _routed(v, weight) -> dict:
    """∂L/∂x_{c,u} = Σ over the windows p holding u of g_{c,p} · weight(c, p, u)."""
    spec = v.spec
    out = {("x", idx): v.zero for idx in spec.indices("x")}
    for (c, *p) in spec.outputs():
        p = tuple(p)
        for u in spec.window(p):
            out[("x", (c, *u))] = out[("x", (c, *u))] + v.g[(c, *p)] * weight(c, p, u)
    return out


def max_rule(v) -> dict:
    e = v["e"]
    return _routed(v, lambda c, p, u: e[(c, *p, *u)])


def average_rule(v) -> dict:
    return _routed(v, lambda c, p, u: v.const(Fraction(1, v.spec.area)))


def _chain(v) -> dict:
    return v.chain("x", keep=lambda o, idx: o[0] == idx[0])


MAXPOOL_INPUT = LayerIdentity(
    name="maxpool-input-gradient", kind="maxpool", title="max pooling routes g to the arg-max of each window",
    statement=r"\frac{\partial L}{\partial x_{c,u}} = \sum_{p:\ u \in \mathrm{window}(p)} g_{c,p}\, [u = \arg\max_{\mathrm{window}(p)} x_c]",
    source=SOURCE, wrt=("x",), claim=max_rule, lhs=r"\frac{\partial L}{\partial x_{c,u}}",
    why=r"$\partial y_{c,p}/\partial x_{c,u} = e_{c,p,u}$, the arg-max indicator", note=TIES,
    steps=(Step(r"\sum_{p} g_{c,p} \frac{\partial y_{c,p}}{\partial x_{c,u}}", "chain rule; channel $c$ only", _chain),),
)
AVGPOOL_INPUT = LayerIdentity(
    name="avgpool-input-gradient", kind="avgpool", title="average pooling spreads g/(k_h k_w) over each window",
    statement=r"\frac{\partial L}{\partial x_{c,u}} = \sum_{p:\ u \in \mathrm{window}(p)} \frac{g_{c,p}}{k_h k_w}",
    source=SOURCE, wrt=("x",), claim=average_rule, lhs=r"\frac{\partial L}{\partial x_{c,u}}",
    why=r"each window divides its sum by $k_h k_w$ (padded zeros counted)",
    steps=(Step(r"\sum_{p} g_{c,p} \frac{\partial y_{c,p}}{\partial x_{c,u}}", "chain rule; channel $c$ only", _chain),),
)
IDENTITIES = (MAXPOOL_INPUT, AVGPOOL_INPUT)
