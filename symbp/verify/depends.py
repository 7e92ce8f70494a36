r"""Declarations of what a network quantity depends on: ``C = C(a^L)``, ``a^l = a^l(z^l)``, ``a^L = a^L(y)``.

Notes write ``X = X(A, B)`` to say that X is a function of A and B. When X and
every argument are quantities of the layered network (w, b, z, a, x, y, C in
the notes' notation) and the declaration writes a layer, symbp knows what X is
computed from, and checks it.

*Depends on* means through chains: B is among the quantities X is computed
from, directly or through others. The network computes z^l from w^l, b^l and
a^{l-1}; a^l from z^l (entry by entry; a softmax output from every entry of
z^L); the cost C from the output a^L and the target y; the input layer's a is
x; the target y is the label of the input x (Nielsen's y = y(x)); weights,
biases and x depend on nothing. So C depends on a^L, z^L, w^l, b^l, x and y,
and a^L depends on x but not on y. For a generic activation this is the same
as ∂X/∂B not being identically zero. A declaration need not list every
argument (``C = C(a^L)`` leaves y out); each argument it lists must be one X
depends on, for every value of its free layer variables and neuron indices, on
every network of the family (a quantity without its layer, ``C = C(w, b)``,
means the weights of any layer). An argument ``\dots`` stands for the ones
left out and is not checked.

Declarations of δ, of names that are not the network's (``J = J(o_1, o_2)``)
and without any layer (``y_1 = y_1(x_1, x_2)``, the notes' own computational
graph, ``graphnotes``) are not checked here: ``check_declaration`` returns None.

>>> check_declaration(r"C = C(a^L)", "nielsen")[0]
'holds'
>>> status, why, _ = check_declaration(r"a^L = a^L(y)", "nielsen")
>>> status, why.split(":")[0]
('refuted', 'a^L does not depend on y')
>>> check_declaration(r"J = J(o_1, o_2)", "nielsen") is None
True
"""

from __future__ import annotations

import re

from ..network import network
from ..notation import Notation, profile
from .claimlinks import declaration
from .context import Context, slots
from .family import family
from .instances import index_bindings, layer_bindings
from .lexer import ReadError
from .nodes import Equation, Mul, Quantity, to_latex
from .reader import read
from .values import LayerOutOfRange, ShapeMismatch, Uninterpretable

#: What each quantity is computed from, in words (the reason of a refutation says it).
RULES = ("z^l is computed from w^l, b^l and a^{l-1}; a^l from z^l (entry by entry, a softmax output from all of "
         "z^L); C from a^L and the target y; y is the target of the input x; w, b and x depend on nothing")

_ROLES = ("w", "W", "b", "z", "a", "x", "y", "C")
#: The learning rate as an argument (``a^l = a^l(\eta)``).
_RATE = re.compile(r"\\eta(?![A-Za-z])")


def check_declaration(text: str, notation: "str | Notation" = "nielsen", *,
                      cost: str = "quadratic") -> "tuple[str, str, tuple] | None":
    """(status, reason, networks checked) of the declaration ``text`` (``holds``, ``refuted``, ``uninterpretable``),
    or None when it is not a declaration about the layered network's quantities (see the module docstring).
    The networks are ``Verification.checked`` rows: sizes, L, status there, instances."""
    nt = profile(notation)
    found = declaration(text)
    if found is None or nt.vectors == "row":
        return None
    name, args = found
    rate = [a for a in args if _RATE.fullmatch(a)]
    try:
        target = _quantity(name, nt)
        wanted = [_quantity(a, nt) for a in args if a not in rate]
    except ReadError:
        return None
    if rate and target.role not in ("w", "W", "b"):
        # a^l = a^l(\eta): the forward pass and the cost never use the learning rate (only the update of w and b
        # does, so w = w(\eta) is not judged here)
        t = to_latex(target)
        return "refuted", (f"{t} does not depend on the learning rate {rate[0]}: the rate enters only the update of the "
                           f"weights and biases, not the computation of {t} ({RULES})"), ()
    if not wanted or all(q.layer is None for q in (target, *wanted)):
        return None  # every argument is \dots; or no layer written: perhaps the notes' own graph (y_1 = y_1(x_1))
    # the instances range over the layers and indices written; a quantity without its layer (w) is every layer's
    eq = Equation((target, Mul(tuple(wanted))), ("=",))
    kept = tuple(q for q in (target, *wanted) if q.layer is not None or q.role in ("C", "x", "y"))
    layered = Equation(kept, ("=",) * (len(kept) - 1))
    nets, _ = family(eq, nt)
    instances, checked = 0, []
    for _, sizes in nets:
        ctx = Context(network(list(sizes), cost=cost), nt)
        graph = _Graph(ctx.net, softmax=cost == "softmax-cross-entropy")
        before = instances
        try:
            for layers, ranges, outside in layer_bindings(layered, ctx, same_ranges=False):
                if outside is not None:
                    continue
                for bind in index_bindings(layers, ranges):
                    ctx.bind = dict(bind)
                    mine = _nodes(target, ctx)
                    for arg in wanted:
                        theirs = _nodes(arg, ctx)
                        if not graph.depends(mine, theirs) and graph.depends(theirs, mine):
                            return "uninterpretable", _reversed(target, arg), ()
                        if not graph.depends(mine, theirs):
                            checked.append(_row(sizes, nt, "fails", instances - before))
                            return "refuted", _refutation(target, arg, sizes, bind), tuple(checked)
                    instances += 1
        except (Uninterpretable, ShapeMismatch, LayerOutOfRange) as exc:
            return "uninterpretable", f"a declaration of what {to_latex(target)} depends on, not checked: {exc}", ()
        checked.append(_row(sizes, nt, "holds", instances - before))
    if instances == 0:
        return "uninterpretable", (f"a declaration of what {to_latex(target)} depends on, not checked: no network "
                                   "has every layer it names"), ()
    listed = ", ".join(to_latex(a) for a in wanted)
    return "holds", (f"checked: {to_latex(target)} depends on {listed}, directly or through the quantities between, "
                     f"on every network of the family ({instances} instances)"), tuple(checked)


def _reversed(target: Quantity, arg: Quantity) -> str:
    """The reason for a declaration that reverses the network's direction (``z^l = z^l(a^l)``): X is not computed
    from A but A from X; X is a function of A only if that computation can be undone (σ invertible), which the notes
    do not say, so it is neither refuted nor filed."""
    t, a = to_latex(target), to_latex(arg)
    return (f"a declaration of what {t} depends on, not checked: {t} is not computed from {a}, {a} is computed from "
            f"{t}; {t} is a function of {a} only where the computation from {t} to {a} can be undone (an invertible "
            "σ, and weights between), which symbp does not assume")


def _row(sizes: tuple, nt: Notation, status: str, instances: int) -> dict:
    return {"sizes": list(sizes), "depth": len(sizes), "L": len(sizes) + nt.layer_shift, "status": status, "instances": instances, "layers": [],
            "outside": []}


def _quantity(text: str, nt: Notation) -> Quantity:
    """The network quantity ``text`` names; ReadError for anything else (δ, an expression, a letter of no role)."""
    eq = read(text, nt)
    q = eq.sides[0] if len(eq.sides) == 1 else None
    if not isinstance(q, Quantity) or q.role not in _ROLES or (q.layer is None and q.indices and q.role not in "xy"):
        raise ReadError(f"{text} is not a quantity of the network whose dependencies symbp knows")
    return q


def _refutation(target: Quantity, arg: Quantity, sizes: tuple, bind: dict) -> str:
    where = f"on the network {list(sizes)}" + "".join(f", {k} = {v}" for k, v in bind.items())
    return (f"{to_latex(target)} does not depend on {to_latex(arg)}: {where}, {to_latex(arg)} is not among the "
            f"quantities {to_latex(target)} is computed from, directly or through others ({RULES})")


# -- the network's quantities as nodes: ("w", l, j, k), ("b", l, j), ("z", l, j), ("a", l, j), ("y", j), ("C",) --


def _nodes(q: Quantity, ctx: Context) -> list:
    """The nodes (Nielsen numbering) of the entries ``q`` names under ``ctx.bind``."""
    net, nt = ctx.net, ctx.notation
    if q.role == "C":
        return [("C",)]
    if q.role in ("y", "x") and q.layer is None:
        n, kind = (net.n(net.L), "y") if q.role == "y" else (net.n(1), "x")
        picked = _picked(q, ctx) or [(j,) for j in range(1, n + 1)]
        return [("y", j) if kind == "y" else ("a", 1, j) for (j,) in picked]
    if q.layer is None:  # w, b, z, a without a layer: every layer's
        first = 1 if q.role == "a" else 2
        return [node for l in range(first, net.L + 1) for node in _layer_nodes(q.role, l, net)]
    l = ctx.quantity_layer(q, to_latex(q))
    picked = _picked(q, ctx)
    if q.role in ("w", "W"):
        if not picked:
            return _layer_nodes("w", l, net) + (_layer_nodes("b", l, net) if nt.bias_column else [])
        p, r = picked[0]
        j, k = (p, r) if nt.weight_order == "to,from" else (r, p)
        return [("b", l, j) if k == 0 else ("w", l, j, k)]
    role = "a" if q.role == "x" else q.role  # Dyda's x^{[l]} = [1; a^{[l]}]: entry 0 is the constant 1
    if not picked:
        return _layer_nodes(role, l, net)
    return [("one",) if picked[0][0] == 0 else (role, l, picked[0][0])]


def _picked(q: Quantity, ctx: Context) -> list:
    """[(the entry's index values)] when ``q`` is written with its indices, else []."""
    found = slots(q, ctx)
    if not found:
        return []
    return [tuple(ctx.index(i, n, what, lo) for i, lo, n, what in found)]


def _layer_nodes(role: str, l: int, net) -> list:
    if role in ("w", "W"):
        return [("w", l, j, k) for j in range(1, net.n(l) + 1) for k in range(1, net.n(l - 1) + 1)]
    return [(role, l, j) for j in range(1, net.n(l) + 1)]


class _Graph:
    """What each node of one network is computed from, and the nodes reachable back from a node."""

    def __init__(self, net, *, softmax: bool):
        self.net, self.softmax = net, softmax
        self._memo: dict = {}

    def parents(self, node: tuple) -> list:
        net, kind = self.net, node[0]
        if kind == "C":
            return [("a", net.L, j) for j in range(1, net.n(net.L) + 1)] + [
                ("y", j) for j in range(1, net.n(net.L) + 1)]
        if kind == "y":  # the target of the input x
            return [("a", 1, k) for k in range(1, net.n(1) + 1)]
        if kind == "z":
            _, l, j = node
            return ([("w", l, j, k) for k in range(1, net.n(l - 1) + 1)] + [("b", l, j)]
                    + [("a", l - 1, k) for k in range(1, net.n(l - 1) + 1)])
        if kind == "a" and node[1] > 1:
            _, l, j = node
            if self.softmax and l == net.L:
                return [("z", l, i) for i in range(1, net.n(l) + 1)]
            return [("z", l, j)]
        return []  # w, b, the input, the constant 1

    def ancestors(self, node: tuple) -> frozenset:
        if node not in self._memo:
            out: set = set()
            for p in self.parents(node):
                out |= {p} | self.ancestors(p)
            self._memo[node] = frozenset(out)
        return self._memo[node]

    def depends(self, targets: list, args: list) -> bool:
        """Does some entry of ``targets`` depend on some entry of ``args`` (an entry depends on itself)?"""
        wanted = set(args)
        return any(t in wanted or self.ancestors(t) & wanted for t in targets)


#: The network's own quantities (and δ), whose declarations ``depends`` checks or leaves uninterpretable; other names
#: (J = J(o_1, o_2)) are the notes' own graph.
_NETWORK_NAME = re.compile(r"(?:[CazwWbxy]|\\delta)(?![A-Za-z])")


def network_declaration(formula: str) -> bool:
    r"""Is ``formula`` a declaration ``X = X(A, …)`` of one of the network's own quantities (C, a, z, w, b, x, y, δ)?

    >>> network_declaration(r"C = C(y_7)"), network_declaration(r"J = J(o_1, o_2)")
    (True, False)
    """
    found = declaration(formula)
    return found is not None and bool(_NETWORK_NAME.match(found[0]))


__all__ = ["check_declaration", "network_declaration", "RULES"]
