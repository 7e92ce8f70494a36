r"""A vanilla recurrent network unrolled over T steps, and backpropagation through time.

With indices from 1, inputs x_t ∈ ℝ^{n_x}, hidden states h_t ∈ ℝ^{n_h}, the
initial state h_0 a leaf, and one set of weights shared by every step:

.. math:: a_t = W_{hh} h_{t-1} + W_{xh} x_t + b, \qquad h_t = \varphi(a_t), \qquad t = 1..T.

The loss L is any function of h_1, …, h_T; g_t = ∂L/∂h_t is its *direct*
gradient at step t (through that step's output only), as the layers above
send it back. δ_t ≡ ∂L/∂a_t, the total derivative, is obtained by
differentiating L as a function of a_t (a probe added to a_t). BPTT
(Goodfellow, Bengio and Courville, *Deep Learning*, 2016, §10.2.2):

.. math:: \delta_T = \varphi'(a_T) \odot g_T, \qquad
          \delta_t = \varphi'(a_t) \odot \big(g_t + W_{hh}^{\mathsf T} \delta_{t+1}\big),

.. math:: \frac{\partial L}{\partial W_{hh}} = \sum_t \delta_t h_{t-1}^{\mathsf T},\quad
          \frac{\partial L}{\partial W_{xh}} = \sum_t \delta_t x_t^{\mathsf T},\quad
          \frac{\partial L}{\partial b} = \sum_t \delta_t,\quad
          \frac{\partial L}{\partial x_t} = W_{xh}^{\mathsf T}\delta_t,\quad
          \frac{\partial L}{\partial h_0} = W_{hh}^{\mathsf T}\delta_1.

φ is generic by default (φ(a) and φ'(a) atoms: the proof holds for every
differentiable activation), or ``tanh`` (φ' = 1 − h²).

>>> rnn().leaf_count
24
"""

from __future__ import annotations

from dataclasses import dataclass

from .field import activation_value
from .identity import LayerIdentity, Step
from .spec import LayerSpec, positions, validate

SOURCE = "Goodfellow, Bengio and Courville, Deep Learning (2016), §10.2.2 (back-propagation through time)"


@dataclass(frozen=True)
class RNN(LayerSpec):
    """An Elman RNN: ``inputs`` = n_x, ``hidden`` = n_h, ``steps`` = T."""

    inputs: int = 2
    hidden: int = 2
    steps: int = 3
    activation: str = "generic"

    kind = "rnn"
    PARAMS = {"inputs": "pos", "hidden": "pos", "steps": "pos", "activation": "choice:generic|tanh"}
    NAMES = {
        "x": ("x", "x"), "g": ("g", "g"), "h": ("h", "h"), "h0": ("h_0", "h_0"), "a": ("a", "a"),
        "W_hh": ("W_hh", "W_{hh}"), "W_xh": ("W_xh", "W_{xh}"), "b": ("b", "b"), "dphi": ("φ'(a)", r"\varphi'(a)"),
    }
    PROBES = ("a", "h")  # δ_t = ∂L/∂a_t, and ∂L/∂h_t (t ≥ 1: the total derivative, through the later steps too)

    @property
    def generic_activation(self) -> bool:  # type: ignore[override]
        return self.activation == "generic"

    def check(self) -> None:
        validate(self)

    def leaves(self) -> dict:
        nh, nx, T = self.hidden, self.inputs, self.steps
        return {
            "x": positions(T, nx),
            "h0": positions(nh),
            "W_hh": positions(nh, nh),
            "W_xh": positions(nh, nx),
            "b": positions(nh),
            "g": self.outputs(),
        }

    def outputs(self) -> list:
        return positions(self.steps, self.hidden)

    def probe_indices(self, name: str) -> list:
        if name in ("a", "h"):
            return positions(self.steps, self.hidden)
        raise KeyError(name)

    def forward(self, tape) -> dict:
        L = tape.leaves
        nh, nx = self.hidden, self.inputs
        h = {j: tape.keep("h", (0, j), L["h0"][(j,)]) for j in range(1, nh + 1)}
        out = {}
        for t in range(1, self.steps + 1):
            new = {}
            for j in range(1, nh + 1):
                a = tape.sum([L["W_hh"][(j, l)] * h[l] for l in range(1, nh + 1)]
                             + [L["W_xh"][(j, k)] * L["x"][(t, k)] for k in range(1, nx + 1)]) + L["b"][(j,)]
                a = tape.keep("a", (t, j), tape.probe("a", (t, j), a))
                if self.activation == "tanh":
                    hj = tape.fn("tanh", (t, j), a)
                    tape.keep("dphi", (t, j), 1 - hj * hj)
                else:
                    hj = tape.fn("phi", (t, j), a)
                    tape.keep("dphi", (t, j), tape.const(0) + tape.field.function("phi'", (t, j), a.value))
                new[j] = tape.keep("h", (t, j), tape.probe("h", (t, j), hj))
                out[(t, j)] = new[j]  # y_t = h_t, probe and all
            h = new
        return out

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        act = "tanh" if self.activation == "tanh" else activation
        nh, nx = self.hidden, self.inputs
        h = [values[("h0", (j,))] for j in range(1, nh + 1)]
        y = {}
        for t in range(1, self.steps + 1):
            a = []
            for j in range(1, nh + 1):
                total = values[("b", (j,))] + probes.get(("a", (t, j)), 0)
                total += mp.fsum(values[("W_hh", (j, l))] * h[l - 1] for l in range(1, nh + 1))
                total += mp.fsum(values[("W_xh", (j, k))] * values[("x", (t, k))] for k in range(1, nx + 1))
                a.append(total)
            h = [activation_value(act, v, mp) + probes.get(("h", (t, j)), 0) for j, v in enumerate(a, start=1)]
            for j in range(1, nh + 1):
                y[(t, j)] = h[j - 1]
        return y


def rnn(inputs: int = 2, hidden: int = 2, steps: int = 3, activation: str = "generic") -> RNN:
    """A vanilla RNN unrolled over ``steps`` time steps (activation ``generic`` or ``tanh``)."""
    spec = RNN(inputs, hidden, steps, activation)
    spec.check()
    return spec


# -- BPTT -------------------------------------------------------------------------------


def bptt_deltas(v, *, transposed: bool = True, direct: bool = True) -> dict:
    """δ_t by the recursion, from t = T down to 1 (the claim of ``rnn-bptt``)."""
    spec, W, dphi = v.spec, v["W_hh"], v["dphi"]
    nh = spec.hidden
    delta: dict = {}
    for t in range(spec.steps, 0, -1):
        for j in range(1, nh + 1):
            back = v.zero
            if t < spec.steps:
                back = v.total((W[(l, j)] if transposed else W[(j, l)]) * delta[(t + 1, l)] for l in range(1, nh + 1))
            delta[(t, j)] = dphi[(t, j)] * ((v.g[(t, j)] if direct else v.zero) + back)
    return delta


def bptt_rule(v) -> dict:
    return {("a", k): d for k, d in bptt_deltas(v).items()}


def weight_rule(v, *, previous: bool = True, every_step: bool = True) -> dict:
    spec, x, h = v.spec, v["x"], v["h"]
    delta = bptt_deltas(v)
    steps = range(1, spec.steps + 1) if every_step else (spec.steps,)
    out = {}
    for (j, l) in spec.indices("W_hh"):
        out[("W_hh", (j, l))] = v.total(delta[(t, j)] * h[(t - 1 if previous else t, l)] for t in steps)
    for (j, k) in spec.indices("W_xh"):
        out[("W_xh", (j, k))] = v.total(delta[(t, j)] * x[(t, k)] for t in steps)
    for (j,) in spec.indices("b"):
        out[("b", (j,))] = v.total(delta[(t, j)] for t in steps)
    return out


def input_rule(v) -> dict:
    spec, Wx, Wh = v.spec, v["W_xh"], v["W_hh"]
    delta = bptt_deltas(v)
    out = {}
    for (t, k) in spec.indices("x"):
        out[("x", (t, k))] = v.total(Wx[(j, k)] * delta[(t, j)] for j in range(1, spec.hidden + 1))
    for (l,) in spec.indices("h0"):
        out[("h0", (l,))] = v.total(Wh[(j, l)] * delta[(1, j)] for j in range(1, spec.hidden + 1))
    return out


def _delta_chain(v) -> dict:
    # δ_t = φ'(a_t) ⊙ g_t + (∂a_{t+1}/∂a_t)^T δ_{t+1}: the chain rule through h_t, with δ_{t+1}
    # and the Jacobian ∂a_{t+1}/∂a_t both by differentiation.
    spec, dphi = v.spec, v["dphi"]
    out = {}
    for (t, j) in spec.probe_indices("a"):
        back = v.zero
        if t < spec.steps:
            back = v.total(v.dL("a", (t + 1, i)) * v.d("a", (t + 1, i), "a", (t, j)) for i in range(1, spec.hidden + 1))
        out[("a", (t, j))] = dphi[(t, j)] * v.g[(t, j)] + back
    return out


def _weights_chain(v) -> dict:
    # Σ_t δ_t (local ∂a_t/∂W): the weights are shared by every step; δ_t by differentiation.
    spec, x, h = v.spec, v["x"], v["h"]
    steps = range(1, spec.steps + 1)
    out = {}
    for (j, l) in spec.indices("W_hh"):
        out[("W_hh", (j, l))] = v.total(v.dL("a", (t, j)) * h[(t - 1, l)] for t in steps)
    for (j, k) in spec.indices("W_xh"):
        out[("W_xh", (j, k))] = v.total(v.dL("a", (t, j)) * x[(t, k)] for t in steps)
    for (j,) in spec.indices("b"):
        out[("b", (j,))] = v.total(v.dL("a", (t, j)) for t in steps)
    return out


BPTT = LayerIdentity(
    name="rnn-bptt", kind="rnn", title="backpropagation through time: the recursion for δ_t = ∂L/∂a_t",
    statement=r"\delta_t = \varphi'(a_t) \odot \big(g_t + W_{hh}^{\mathsf T} \delta_{t+1}\big),\quad \delta_T = \varphi'(a_T) \odot g_T",
    source=SOURCE, wrt=("a",), claim=bptt_rule, lhs=r"\delta_t \equiv \frac{\partial L}{\partial a_t}",
    why="the recursion, run from $t = T$ down to 1",
    steps=(Step(r"\varphi'(a_t) \odot g_t + \Big(\frac{\partial a_{t+1}}{\partial a_t}\Big)^{\mathsf T} \delta_{t+1}",
                r"chain rule: $a_t$ reaches $L$ through $h_t$ directly ($g_t$) and through $a_{t+1}$", _delta_chain),),
)
WEIGHTS = LayerIdentity(
    name="rnn-weight-gradients", kind="rnn", title="backpropagation through time: the weight gradients, summed over the steps",
    statement=(r"\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta_t h_{t-1}^{\mathsf T},\ "
               r"\frac{\partial L}{\partial W_{xh}} = \sum_{t=1}^{T} \delta_t x_t^{\mathsf T},\ "
               r"\frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta_t"),
    source=SOURCE, wrt=("W_hh", "W_xh", "b"), claim=weight_rule,
    lhs=r"\frac{\partial L}{\partial W_{hh}},\ \frac{\partial L}{\partial W_{xh}},\ \frac{\partial L}{\partial b}",
    why=r"$\partial a_{t,j}/\partial (W_{hh})_{j,l} = h_{t-1,l}$, with $\delta_t$ from the recursion",
    steps=(Step(r"\sum_{t=1}^{T} \frac{\partial L}{\partial a_t} h_{t-1}^{\mathsf T},\ \dots",
                r"chain rule: the weights are shared, so every step contributes its local $\partial a_t/\partial W$", _weights_chain),),
    extra=("a",),
)
INPUTS = LayerIdentity(
    name="rnn-input-gradient", kind="rnn", title="backpropagation through time: the gradients of the inputs and of the initial state",
    statement=r"\frac{\partial L}{\partial x_t} = W_{xh}^{\mathsf T} \delta_t,\quad \frac{\partial L}{\partial h_0} = W_{hh}^{\mathsf T} \delta_1",
    source=SOURCE, wrt=("x", "h0"), claim=input_rule, lhs=r"\frac{\partial L}{\partial x_t},\ \frac{\partial L}{\partial h_0}",
    why=r"$x_t$ enters only $a_t$; $h_0$ only $a_1$",
)
IDENTITIES = (BPTT, WEIGHTS, INPUTS)
