r"""Convolution, 1-D and 2-D, with channels, stride and padding.

Indices are 1-based. With C input channels, K output channels, a kernel of
size k, stride s and zero padding P (per dimension), the padded input is
x̃_{c,u} = x_{c,u−P} for 1 ≤ u − P ≤ n and 0 elsewhere, and in two dimensions

.. math:: y_{k,p,q} = b_k + \sum_{c=1}^{C} \sum_{i=1}^{k_h} \sum_{j=1}^{k_w}
          w_{c,k,i,j}\, \tilde x_{c,\, s_h(p-1)+i,\, s_w(q-1)+j}

(w_{c,k,i,j}: the weight from input channel c to output channel k at kernel
row i, column j; deep-learning "convolution" is a cross-correlation). The
output has ⌊(n + 2P − k)/s⌋ + 1 entries per dimension.

The textbook backward formulas (Goodfellow, Bengio and Courville, *Deep
Learning*, 2016, §9.5; the course notes of Stanford's CS231n):

* weight gradient: the correlation of the padded input with g, g dilated by
  the stride (s − 1 zeros between its entries);
* bias gradient: the sum of g over the positions;
* input gradient: the *full* convolution of the dilated g with the kernel
  rotated by 180°, i.e. the dilated g padded by k − 1 zeros (and the
  positions no window reached) and correlated with the rotated kernel, then
  cropped by P on each side.

>>> conv2d().label()
'conv2d(in_channels=2, out_channels=3, kernel=2x2, stride=1x1, padding=1x1, input=4x4)'
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from .identity import LayerIdentity, Step
from .spec import LayerSpec, ShapeError, dims, positions, validate

SOURCE = "Goodfellow, Bengio and Courville, Deep Learning (2016), §9.5; Stanford CS231n course notes"


class _Conv(LayerSpec):
    NAMES = {"x": ("x", "x"), "w": ("w", "w"), "b": ("b", "b"), "g": ("g", "g"), "y": ("y", "y")}

    def check(self) -> None:
        validate(self)
        for d, (n, k, s, p) in enumerate(zip(self.input, self.kernel, self.stride, self.padding)):
            if k > n + 2 * p:
                raise ShapeError(
                    f"{self.kind}: the kernel ({k}) is larger than the padded input ({n} + 2·{p} = {n + 2 * p})"
                    + (f" in dimension {d + 1}" if len(self.input) > 1 else "")
                )

    @property
    def out(self) -> tuple:
        return tuple((n + 2 * p - k) // s + 1 for n, k, s, p in zip(self.input, self.kernel, self.stride, self.padding))

    def leaves(self) -> dict:
        C, K = self.in_channels, self.out_channels
        return {
            "x": [(c, *u) for c in range(1, C + 1) for u in positions(*self.input)],
            "w": [(c, k, *i) for c in range(1, C + 1) for k in range(1, K + 1) for i in positions(*self.kernel)],
            "b": [(k,) for k in range(1, K + 1)],
            "g": self.outputs(),
        }

    def outputs(self) -> list:
        return [(k, *p) for k in range(1, self.out_channels + 1) for p in positions(*self.out)]

    def padded(self, x: dict, c: int, u: tuple, zero):
        """x̃_{c,u}: the input shifted by the padding, 0 outside."""
        orig = tuple(ui - p for ui, p in zip(u, self.padding))
        if all(1 <= o <= n for o, n in zip(orig, self.input)):
            return x[(c, *orig)]
        return zero

    def window(self, p: tuple, i: tuple) -> tuple:
        """The padded-input position that kernel position i meets at output position p."""
        return tuple(s * (pd - 1) + id_ for s, pd, id_ in zip(self.stride, p, i))

    def forward(self, tape) -> dict:
        x, w, b = tape.leaves["x"], tape.leaves["w"], tape.leaves["b"]
        zero = tape.const(0)
        out = {}
        for (k, *p) in self.outputs():
            terms = [
                w[(c, k, *i)] * self.padded(x, c, self.window(tuple(p), i), zero)
                for c in range(1, self.in_channels + 1)
                for i in positions(*self.kernel)
            ]
            out[(k, *p)] = b[(k,)] + tape.sum(terms)
        return out

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        # The oracle: build the padded array explicitly, then slide the kernel.
        C, K = self.in_channels, self.out_channels
        big = tuple(n + 2 * p for n, p in zip(self.input, self.padding))
        xt = {}
        for c in range(1, C + 1):
            for u in product(*(range(1, m + 1) for m in big)):
                src = tuple(a - p for a, p in zip(u, self.padding))
                inside = all(1 <= a <= n for a, n in zip(src, self.input))
                xt[(c, *u)] = values[("x", (c, *src))] if inside else mp.mpf(0)
        y = {}
        for k in range(1, K + 1):
            for p in product(*(range(1, m + 1) for m in self.out)):
                acc = values[("b", (k,))]
                for c in range(1, C + 1):
                    for i in product(*(range(1, m + 1) for m in self.kernel)):
                        u = tuple(s * (a - 1) + b for s, a, b in zip(self.stride, p, i))
                        acc += values[("w", (c, k, *i))] * xt[(c, *u)]
                y[(k, *p)] = acc
        return y


@dataclass(frozen=True)
class Conv1d(_Conv):
    """A 1-D convolution layer (build it with ``conv1d``)."""

    in_channels: int = 2
    out_channels: int = 2
    kernel: tuple = (3,)
    stride: tuple = (1,)
    padding: tuple = (1,)
    input: tuple = (5,)

    kind = "conv1d"
    PARAMS = {"in_channels": "pos", "out_channels": "pos", "kernel": "pos1", "stride": "pos1", "padding": "nat1",
              "input": "pos1"}


@dataclass(frozen=True)
class Conv2d(_Conv):
    """A 2-D convolution layer (build it with ``conv2d``)."""

    in_channels: int = 2
    out_channels: int = 3
    kernel: tuple = (2, 2)
    stride: tuple = (1, 1)
    padding: tuple = (1, 1)
    input: tuple = (4, 4)

    kind = "conv2d"
    PARAMS = {"in_channels": "pos", "out_channels": "pos", "kernel": "pos2", "stride": "pos2", "padding": "nat2",
              "input": "pos2"}


def conv1d(in_channels: int = 2, out_channels: int = 2, kernel=3, stride=1, padding=1, input=5) -> Conv1d:
    """A 1-D convolution: sizes are ints (or 1-tuples).

    >>> conv1d(kernel=2, stride=2, input=6).out
    (4,)
    """
    spec = Conv1d(in_channels, out_channels, dims(kernel, 1), dims(stride, 1), dims(padding, 1), dims(input, 1))
    spec.check()
    return spec


def conv2d(in_channels: int = 2, out_channels: int = 3, kernel=(2, 2), stride=1, padding=1, input=(4, 4)) -> Conv2d:
    """A 2-D convolution: ``kernel``, ``stride``, ``padding``, ``input`` are (rows, columns) or one int for both.

    >>> conv2d(kernel=(3, 2), stride=2, padding=0, input=(5, 4)).out
    (2, 2)
    """
    spec = Conv2d(in_channels, out_channels, dims(kernel, 2), dims(stride, 2), dims(padding, 2), dims(input, 2))
    spec.check()
    return spec


# -- the textbook formulas ------------------------------------------------------------------


def dilate(spec: _Conv, g: dict, k: int, zero) -> dict:
    """ĝ_k: g_k with s − 1 zeros between its entries (size s(o − 1) + 1 per dimension)."""
    size = tuple(s * (o - 1) + 1 for s, o in zip(spec.stride, spec.out))
    out = {}
    for u in positions(*size):
        p = tuple((a - 1) // s + 1 for a, s in zip(u, spec.stride))
        on_grid = all((a - 1) % s == 0 for a, s in zip(u, spec.stride))
        out[u] = g[(k, *p)] if on_grid else zero
    return out


def correlate(a: dict, a_size: tuple, kernel: dict, k_size: tuple, zero, v, count: tuple | None = None) -> dict:
    """Valid cross-correlation (a ⋆ kernel)_u = Σ_i a_{u+i−1} kernel_i, for the first ``count`` positions."""
    count = count or tuple(n - m + 1 for n, m in zip(a_size, k_size))
    out = {}
    for u in positions(*count):
        out[u] = v.total(a.get(tuple(x + y - 1 for x, y in zip(u, i)), zero) * kernel[i] for i in positions(*k_size))
    return out


def weight_gradient(v) -> dict:
    spec, zero = v.spec, v.zero
    x, g = v["x"], v.g
    big = tuple(n + 2 * p for n, p in zip(spec.input, spec.padding))
    out = {}
    for c in range(1, spec.in_channels + 1):
        xt = {u: spec.padded(x, c, u, zero) for u in positions(*big)}
        for k in range(1, spec.out_channels + 1):
            gd = dilate(spec, g, k, zero)
            size = tuple(s * (o - 1) + 1 for s, o in zip(spec.stride, spec.out))
            corr = correlate(xt, big, gd, size, zero, v, count=spec.kernel)
            for i, val in corr.items():
                out[("w", (c, k, *i))] = val
    return out


def bias_gradient(v) -> dict:
    spec = v.spec
    return {("b", (k,)): v.total(v.g[(k, *p)] for p in positions(*spec.out)) for k in range(1, spec.out_channels + 1)}


def input_gradient(v, rotate: bool = True, dilated: bool = True) -> dict:
    spec, zero = v.spec, v.zero
    w, g = v["w"], v.g
    rem = tuple((n + 2 * p - k) % s for n, p, k, s in zip(spec.input, spec.padding, spec.kernel, spec.stride))
    full = {}
    for k in range(1, spec.out_channels + 1):
        if dilated:
            gd = dilate(spec, g, k, zero)
            size = tuple(s * (o - 1) + 1 for s, o in zip(spec.stride, spec.out))
        else:  # the slip: g used as it is, whatever the stride
            gd = {p: g[(k, *p)] for p in positions(*spec.out)}
            size = spec.out
        # Pad by k − 1 on both sides, and by the positions no window reached at the end.
        padded = {tuple(a + m - 1 for a, m in zip(u, spec.kernel)): val for u, val in gd.items()}
        psize = tuple(n + 2 * (m - 1) + r for n, m, r in zip(size, spec.kernel, rem))
        for c in range(1, spec.in_channels + 1):
            kern = {}
            for i in positions(*spec.kernel):
                src = tuple(m + 1 - a for a, m in zip(i, spec.kernel)) if rotate else i  # rot180
                kern[i] = w[(c, k, *src)]
            corr = correlate(padded, psize, kern, spec.kernel, zero, v)
            for u, val in corr.items():
                full[(c, u)] = full[(c, u)] + val if (c, u) in full else val
    out = {}
    for c in range(1, spec.in_channels + 1):
        for u in positions(*spec.input):
            cropped = tuple(a + p for a, p in zip(u, spec.padding))
            out[("x", (c, *u))] = full.get((c, cropped), zero)
    return out


# -- derivation lines (each checked against the next) ----------------------------------------


def _w_chain(v):
    # Only output channel k uses w_{c,k,·}: the line keeps the outputs of that channel alone.
    return v.chain("w", keep=lambda o, idx: o[0] == idx[1])


def _w_local(v):
    spec, x, zero = v.spec, v["x"], v.zero
    out = {}
    for (c, k, *i) in spec.indices("w"):
        out[("w", (c, k, *i))] = v.total(
            v.g[(k, *p)] * spec.padded(x, c, spec.window(p, tuple(i)), zero) for p in positions(*spec.out)
        )
    return out


def _x_chain(v):
    return v.chain("x")


def _x_scatter(v):
    # Every window p puts kernel entry i on the padded position s(p−1)+i: scatter g_{k,p} w_{c,k,i} there.
    spec, w = v.spec, v["w"]
    out = {("x", idx): v.zero for idx in spec.indices("x")}
    for c in range(1, spec.in_channels + 1):
        for k in range(1, spec.out_channels + 1):
            for p in positions(*spec.out):
                for i in positions(*spec.kernel):
                    u = tuple(a - pad for a, pad in zip(spec.window(p, i), spec.padding))
                    if ("x", (c, *u)) in out:
                        out[("x", (c, *u))] = out[("x", (c, *u))] + v.g[(k, *p)] * w[(c, k, *i)]
    return out


def _identities(kind: str, two: bool) -> tuple:
    ij = "i,j" if two else "i"
    pq = "p,q" if two else "p"
    uv = "u,v" if two else "u"
    win = r"s_h(p-1)+i,\, s_w(q-1)+j" if two else r"s(p-1)+i"
    sums = r"\sum_{p,q}" if two else r"\sum_{p}"
    weight = LayerIdentity(
        name=f"{kind}-weight-gradient", kind=kind,
        title="weight gradient: the padded input correlated with g (dilated by the stride)",
        statement=rf"\frac{{\partial L}}{{\partial w_{{c,k,{ij}}}}} = \left(\tilde x_c \star \hat g_k\right)_{{{ij}}} = {sums} g_{{k,{pq}}}\, \tilde x_{{c,\, {win}}}",
        source=SOURCE, wrt=("w",), claim=weight_gradient, lhs=rf"\frac{{\partial L}}{{\partial w_{{c,k,{ij}}}}}",
        why=r"correlation of the padded input with $\hat g_k$, $g_k$ dilated by the stride",
        steps=(
            Step(rf"{sums} g_{{k,{pq}}} \frac{{\partial y_{{k,{pq}}}}}{{\partial w_{{c,k,{ij}}}}}",
                 "chain rule; only output channel $k$ uses $w_{c,k,\\cdot}$", _w_chain),
            Step(rf"{sums} g_{{k,{pq}}}\, \tilde x_{{c,\, {win}}}", "differentiate the definition of $y_{k,\\cdot}$", _w_local),
        ),
    )
    bias = LayerIdentity(
        name=f"{kind}-bias-gradient", kind=kind, title="bias gradient: g summed over the positions",
        statement=rf"\frac{{\partial L}}{{\partial b_k}} = {sums} g_{{k,{pq}}}", source=SOURCE, wrt=("b",), claim=bias_gradient,
        lhs=r"\frac{\partial L}{\partial b_k}", why="each output of channel $k$ adds $b_k$ once",
    )
    inp = LayerIdentity(
        name=f"{kind}-input-gradient", kind=kind,
        title="input gradient: full convolution of the dilated g with the 180°-rotated kernel, cropped by the padding",
        statement=(rf"\frac{{\partial L}}{{\partial x_{{c,{uv}}}}} = \sum_k \left(\mathrm{{pad}}_{{k-1}}(\hat g_k) \star "
                   rf"\mathrm{{rot}}_{{180}}(w_{{c,k}})\right)_{{{uv.replace('u', 'u+P').replace('v', 'v+P')}}}"),
        source=SOURCE, wrt=("x",), claim=input_gradient, lhs=rf"\frac{{\partial L}}{{\partial x_{{c,{uv}}}}}",
        why=r"full convolution of $\hat g_k$ with the kernel rotated by $180^\circ$, cropped by $P$",
        steps=(
            Step(rf"\sum_k {sums} g_{{k,{pq}}} \frac{{\partial y_{{k,{pq}}}}}{{\partial x_{{c,{uv}}}}}", "chain rule over every output", _x_chain),
            Step(rf"\sum_k \sum_{{({pq}),({ij}):\ {win} = ({uv})+P}} g_{{k,{pq}}}\, w_{{c,k,{ij}}}",
                 "differentiate the definition: $x_{c,u}$ meets $w_{c,k,i}$ wherever the window puts it", _x_scatter),
        ),
    )
    return weight, bias, inp


CONV1D_WEIGHT, CONV1D_BIAS, CONV1D_INPUT = _identities("conv1d", two=False)
CONV2D_WEIGHT, CONV2D_BIAS, CONV2D_INPUT = _identities("conv2d", two=True)
IDENTITIES = (CONV1D_WEIGHT, CONV1D_BIAS, CONV1D_INPUT, CONV2D_WEIGHT, CONV2D_BIAS, CONV2D_INPUT)
