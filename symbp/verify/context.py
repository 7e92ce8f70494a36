r"""The evaluation context of a read formula: one network, its ground truth, the bindings.

``evaluate`` dispatches on the node's type through ``RULES``; the rules
themselves are registered by ``interpret`` (quantities, derivatives,
arithmetic) and ``sums`` (sums, bracket vectors, written-out matrices).
"""

from __future__ import annotations

from ..algebra import Poly
from ..derive import GroundTruth
from ..network import Network
from ..notation import Notation
from .nodes import Index, Layer, Quantity, latex_of, to_latex
from .values import LayerOutOfRange, OutsideDomain, ShapeMismatch, Uninterpretable

ONE = Poly.const(1)


class Context:
    """One network, its ground truth (memoised) and the current bindings."""

    def __init__(self, net: Network, notation: Notation, gt: GroundTruth | None = None, *, opaque: bool = False):
        self.net = net
        self.notation = notation
        self.gt = gt or GroundTruth(net)
        self.model = net.atoms
        self.bind: dict[str, int] = {}
        self._cost_memo: dict = {}
        # Opaque: every derivative is an atom of its own (("G", seed) for ∂C/∂seed, ("N", node,
        # seed) for ∂node/∂seed), so a side is a small polynomial whose derivative atoms an
        # independent oracle can value at a point (``confirm``).
        self.opaque = opaque
        self.sigma_at_softmax = False  # set when σ is applied at a softmax output layer
        # Why the current instance is undefined on an open set of inputs (a division by relu's a^l_j), if it is.
        self.undefined: list[str] = []
        self._z_index = {}
        for l in net.layers:
            for j in range(1, net.n(l) + 1):
                self._z_index[self.model.Z[1][l][j - 1]] = (l, j)

    # -- layers and indices ----------------------------------------------------

    @property
    def user_L(self) -> int:
        return self.net.L + self.notation.layer_shift

    def layer(self, layer: Layer, what: str) -> int:
        """Nielsen layer number of a user's layer label under the bindings."""
        if layer.var is None:
            u = layer.offset
        elif layer.var == "L":
            u = self.user_L + layer.offset
        elif layer.var in self.bind:
            u = self.bind[layer.var] + layer.offset
        else:
            raise Uninterpretable(f"the layer variable {layer.var!r} in {what} is not bound")
        return u - self.notation.layer_shift

    def quantity_layer(self, q: Quantity, what: str) -> int:
        """Nielsen layer of quantity ``q``: a weight or bias labelled l is of layer l + ``weight_layer_offset``
        (Ng's Θ^{(l)} and UFLDL's W^{(l)}, b^{(l)} map layer l to layer l + 1)."""
        l = self.layer(q.layer, what)
        if q.role in ("w", "W", "b"):
            l += self.notation.weight_layer_offset
        return l

    def index(self, idx: Index, size: int, what: str, lowest: int = 1) -> int:
        if idx.size is not None:
            v = self.size(idx.size, what)
        elif idx.name is None:
            v = idx.value
        elif idx.name in self.bind:
            v = self.bind[idx.name]
        else:
            raise Uninterpretable(f"the index {idx.latex()} in {what} is not bound")
        if idx.name is None and idx.size is None and v > size:
            # A written number past the layer's size: this network lacks that neuron; a bigger one has it.
            raise OutsideDomain(f"{what} names neuron {v} of a layer with {size} on the network "
                                f"{list(self.net.sizes)}")
        if not (lowest <= v <= size):
            raise ShapeMismatch(
                f"{what} needs its index {idx.latex()} in {lowest}..{size}, but the formula sets it to {v} "
                f"(on the network {list(self.net.sizes)})"
            )
        return v

    def size(self, layer: Layer, what: str) -> int:
        """n_{layer}: the number of neurons of a layer."""
        l = self.layer(layer, what)
        if not (1 <= l <= self.net.L):
            raise LayerOutOfRange(f"{what} names the size of layer {layer.latex()}, which does not exist")
        return self.net.n(l)

    def log_atom(self, value):
        """log(value) as an atom of its own, named by the value: only for recognising a cost (``model``),
        with ``self.logs`` set; a verdict never rests on it."""
        if not getattr(self, "logs", False) or not isinstance(value, Poly):
            raise Uninterpretable("a logarithm is not a polynomial; symbp reads it only in scalar formulas")
        return self.model.atom(("LOG", frozenset(value.terms.items())))

    # -- cached ground truth -----------------------------------------------------

    def d_cost(self, seed: tuple):
        """∂C/∂(seed): exact ground truth, or an opaque atom."""
        if self.opaque:
            return self.model.atom(("G", seed))
        if seed not in self._cost_memo:
            self.gt.budget.check()
            self._cost_memo[seed] = self.gt.d_cost(seed)
        return self._cost_memo[seed]

    def d_node(self, node: tuple, value, seed: tuple):
        """∂(node)/∂(seed) for node = (role, layer, neuron) with exact value ``value``."""
        if self.opaque:
            return self.model.atom(("N", node, seed))
        return self.gt.d_node(value, seed)


# -- what a quantity's index positions range over ------------------------------------------


def is_kronecker(q: Quantity) -> bool:
    r"""Is ``q`` the Kronecker delta δ_{jk}: δ with no layer (none written, none implied) and two neuron letters?

    The error δ^l_j has a layer and one neuron index; δ_{jk} with two index letters and no layer can only be
    Kronecker's (1 where j = k, else 0), as in ∂a^L_j/∂z^L_k = a^L_j(δ_{jk} − a^L_k).
    """
    return (q.role == "delta" and q.layer is None and not q.implicit_layer and len(q.indices) == 2
            and all(i.name is not None and i.size is None for i in q.indices))


def kronecker(q: Quantity, ctx: "Context"):
    """The value of the Kronecker delta ``q`` under the index bindings: 1 or 0."""
    what = latex_of(q)
    values = []
    for idx in q.indices:
        if idx.name not in ctx.bind:
            raise Uninterpretable(f"the index {idx.latex()} in {what} is not bound")
        values.append(ctx.bind[idx.name])
    return Poly.const(1 if values[0] == values[1] else 0)


def slots(q: Quantity, ctx: Context) -> list[tuple[Index, int, int, str]]:
    """(index, lowest, size, description) for each index of ``q`` under the layer bindings."""
    net, nt = ctx.net, ctx.notation
    what = latex_of(q)  # remembered: the same few quantities on every instance and network
    if q.role == "C":
        return []
    if q.role in ("y",):
        return [(q.indices[0], 1, net.n(net.L), what)] if q.indices else []
    if q.role == "x" and q.layer is None:
        return [(q.indices[0], 1, net.n(1), what)] if q.indices else []
    if q.role == "x":  # Dyda's x^{[l]} = [1; a^{[l]}]: index 0 is the constant 1
        l = ctx.quantity_layer(q, what)
        if not (1 <= l <= net.L):
            raise LayerOutOfRange(f"{what} names a layer the network {list(net.sizes)} does not have")
        return [(q.indices[0], 0, net.n(l), what)] if q.indices else []
    if is_kronecker(q):
        return []  # δ_{jk}: its letters range as the quantities beside it say (unbound alone: not read)
    if q.layer is None:
        raise Uninterpretable(f"{what} needs a layer")
    l = ctx.quantity_layer(q, what)
    check_layer(q, l, ctx)
    if q.role in ("w", "W"):
        if not q.indices:
            return []
        if len(q.indices) != 2:
            raise Uninterpretable(f"{what}: a weight has two neuron indices in this notation, got {len(q.indices)}, "
                                  "so the formula does not say which weights it means")
        to_pos = 0 if nt.weight_order == "to,from" else 1
        low_from = 0 if nt.bias_column else 1
        out = [None, None]
        out[to_pos] = (q.indices[to_pos], 1, net.n(l), what)
        out[1 - to_pos] = (q.indices[1 - to_pos], low_from, net.n(l - 1), what)
        return out
    if q.indices and len(q.indices) != 1:
        raise Uninterpretable(f"{what}: a neuron quantity has one index in this notation, got {len(q.indices)}, "
                              "so the formula does not say which neuron it means")
    # a^{l-1}_0 = 1 beside w^l_{j0}, the bias as weight 0, where the notes say so (``unit_zero``): below the output only
    lowest = 0 if q.role == "a" and nt.bias_column and nt.unit_zero and l < net.L else 1
    return [(q.indices[0], lowest, net.n(l), what)] if q.indices else []


def check_layer(q: Quantity, l: int, ctx: Context) -> None:
    lowest = 1 if q.role in ("a",) else 2
    if not (lowest <= l <= ctx.net.L):
        u = l + ctx.notation.layer_shift
        raise LayerOutOfRange(f"{to_latex(q)} names layer {u}, which the network {list(ctx.net.sizes)} does not have")


# -- evaluation -------------------------------------------------------------------------------


#: Evaluation rules by node type, filled by ``interpret`` and ``sums``.
RULES: dict = {}


def evaluate(node, ctx: Context):
    """The value (algebra element or ``Mat``) of ``node`` under ``ctx.bind``."""
    rule = RULES.get(type(node))
    if rule is None:
        raise Uninterpretable(f"symbp cannot evaluate {type(node).__name__} nodes")
    return rule(node, ctx)
