r"""What a layer identity is, and how both of its sides are evaluated in a field.

A ``LayerIdentity`` says, for one layer kind, what the textbook's backward
formula gives for ∂L/∂(something): ``claim`` computes it from the forward
quantities (x, w, x̂, h_t, P, ...) and the upstream gradient g. The ground
truth is ∂L/∂(something) = Σ_o g_o ∂y_o/∂(something), each ∂y_o/∂(·) by
forward-mode differentiation of the layer's definition (``dual``): L is any
function of the layer's output y, and g = ∂L/∂y is what the next layer sends
back. A derivation (``steps``) lists intermediate lines between the two,
each checked against its neighbours.

>>> from symbp.layers.field import Symbolic
>>> from symbp.layers import dropout, get
>>> truth, claim, _ = evaluate(get("dropout-gradient"), dropout(features=2), Symbolic())
>>> all((truth[k] - claim[k]).is_zero() for k in truth)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .dual import Tape


class CannotForm(Exception):
    """A claim's formula cannot be formed on this shape (e.g. a product of matrices that do not fit)."""


@dataclass(frozen=True)
class Step:
    """One line of a derivation: its right side in LaTeX, why it follows, how to compute it."""

    tex: str
    why: str
    compute: Callable


@dataclass(frozen=True)
class LayerIdentity:
    """A catalogue entry about one layer kind.

    ``wrt`` names the quantities whose gradients the claim gives (leaves such
    as ``x``, ``w``, ``gamma``, or probes such as ``a`` for δ_t = ∂L/∂a_t);
    ``claim(v)`` returns {(name, index): value}; ``lhs`` is the left side in
    LaTeX, ``statement`` the whole formula as the documents print it.
    """

    name: str
    kind: str
    title: str
    statement: str
    source: str
    wrt: tuple
    claim: Callable
    lhs: str
    why: str = "the formula"
    steps: tuple = ()
    aliases: tuple = ()
    note: str = ""
    extra: tuple = ()  # intermediates the derivation's lines differentiate by (probes)
    entries: "Callable | None" = None  # spec -> the (name, index) entries claimed, when not every entry of ``wrt``

    def __repr__(self) -> str:
        return f"LayerIdentity({self.name!r}, kind={self.kind!r})"


class Values:
    """The forward quantities a claim is written in, as elements of one field.

    ``v["x"][(1, 2)]`` is an input entry, ``v["xhat"][(i, c)]`` a named
    intermediate, ``v.g[o]`` the upstream gradient; ``v.dL(name, idx)`` the
    ground truth and ``v.d(out, i, name, idx)`` the partial of a named
    intermediate (for the lines of a derivation).
    """

    def __init__(self, spec, field, leaves: dict, named: dict, outputs: dict):
        self.spec = spec
        self.field = field
        self._leaves = leaves
        self._named = named
        self._outputs = outputs
        self._cache: dict = {}  # primal values by name; "*" the ground truth of every entry
        # A loss layer (softmax + cross-entropy) is the end of the chain: g = 1.
        self.g = {o: leaves["g"][o].value if "g" in leaves else field.const(1) for o in spec.outputs()}

    def __getitem__(self, name: str) -> dict:
        if name not in self._cache:
            source = self._leaves.get(name) if name in self._leaves else self._named[name]
            self._cache[name] = {idx: d.value for idx, d in source.items()}
        return self._cache[name]

    def const(self, q):
        return self.field.const(q)

    def inv_sqrt_const(self, n: int):
        return self.field.inv_sqrt_const(n)

    @property
    def zero(self):
        return self.field.const(0)

    def total(self, terms):
        """Σ of field elements (0 for no terms)."""
        out = self.zero
        for t in terms:
            out = out + t
        return out

    def dL(self, name: str, idx: tuple):
        """Ground truth: Σ_o g_o ∂y_o/∂(name_idx), by differentiating the definition."""
        if "*" not in self._cache:
            self._cache["*"] = self.chain(name=None)
        return self._cache["*"].get((name, idx), self.zero)

    def chain(self, name: "str | None", keep=None) -> dict:
        """{(name, index): Σ_o g_o ∂y_o/∂(name_index)} over the outputs o that ``keep(o, index)`` allows.

        One pass over the outputs' partials (a line of a derivation that restricts the
        outputs, e.g. to one channel, is checked against the unrestricted ground truth).
        """
        out: dict = {}
        for o, y in self._outputs.items():
            g = self.g[o]
            for key, p in y.partials.items():
                if name is not None and (key[0] != name or (keep is not None and not keep(o, key[1]))):
                    continue
                term = g * p
                out[key] = out[key] + term if key in out else term
        if name is not None:
            for idx in self.spec.indices(name):
                out.setdefault((name, idx), self.zero)
        return out

    def d(self, out: str, out_idx: tuple, name: str, idx: tuple):
        """∂(named intermediate)/∂(name_idx), by differentiating the definition."""
        source = self._named[out] if out in self._named else self._outputs if out == "y" else self._leaves[out]
        p = source[out_idx].partials.get((name, idx))
        return self.zero if p is None else p


def run(spec, field, wrt: tuple, deadline: float | None = None):
    """Run ``spec``'s forward pass in ``field``, differentiating with respect to ``wrt``."""
    leaf_names = set(spec.leaves())
    track = {n for n in wrt if n in leaf_names}
    probes = {n for n in wrt if n not in leaf_names}
    tape = Tape(field, track=track, probes=probes, deadline=deadline)
    leaves = {name: {idx: tape.leaf(name, idx) for idx in idxs} for name, idxs in spec.leaves().items()}
    tape.leaves = leaves
    outputs = spec.forward(tape)
    return Values(spec, field, leaves, tape.named, outputs)


def evaluate(identity: LayerIdentity, spec, field, *, steps: bool = False, deadline: float | None = None):
    """(ground truth, claim, derivation lines) for every entry, as {(name, index): element}."""
    v = run(spec, field, identity.wrt + (identity.extra if steps else ()), deadline)
    if identity.entries is not None:
        keys = list(identity.entries(spec))
    else:
        keys = [(name, idx) for name in identity.wrt for idx in spec.indices(name)]
    truth = {k: v.dL(*k) for k in keys}
    claim = identity.claim(v)
    lines = [step.compute(v) for step in identity.steps] if steps else []
    return truth, claim, lines
