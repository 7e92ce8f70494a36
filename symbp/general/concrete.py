r"""An all-sizes expression on a concrete network: the bridge the cross-checks cross.

``Translate`` turns an expression over the symbols of ``lemmas.Layers`` into
an element of the exact atom algebra of a concrete network (``network``), at
a given layer l and index values: w^{l+1}_{ij} becomes the atom of that
weight, δ^l_j the ground truth ∂C/∂z^l_j of ``derive.GroundTruth``, and so
on. Every index is checked against the network's sizes: a quantity that does
not exist there raises ``OutsideDomain``; an expression with no concrete
meaning (a free index, a function it does not know) raises ``TypeError`` or
``KeyError``. ``assignments`` enumerates a statement's index ranges at
concrete sizes, ``product_rhs`` the recursive product formula downwards.

>>> from symbp.general.lemmas import Layers
>>> from symbp.network import network
>>> from symbp.derive import GroundTruth
>>> m, net = Layers(), network([2, 3, 2])
>>> tr = Translate(m, net, GroundTruth(net), 2)
>>> tr.instantiate(m.a_prev[m.k], {m.k: sympy.Integer(2)}) == net.atoms.A[1][1][1]
True
>>> tr.instantiate(m.a_prev[m.k], {m.k: sympy.Integer(3)})
Traceback (most recent call last):
...
symbp.general.concrete.OutsideDomain: a^1_{3} does not exist (sizes [2, 3, 2])
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from ..algebra import Poly, RatFunc


class OutsideDomain(ValueError):
    """A quantity the statement names does not exist at this instance (e.g. a^{l-1}_3 when n_{l-1} = 2)."""


def _layer_range(head: str, L: int) -> tuple[int, int]:
    # a^1 = x is the input; z, w, b, δ exist from layer 2 on
    return (1, L) if head == "a" else (2, L)


class Translate:
    """An all-sizes expression at a concrete network and layer l, as an algebra element.

    Every quantity is looked up with its indices checked against the network's
    sizes: one that does not exist raises ``OutsideDomain``, never wraps around
    (Python's list[-1]) or borrows a neighbour. On a mini-batch network, δ, ∇_a C
    and ∂C/∂a, ∂C/∂z are of sample 1's own cost C_1, ∂C/∂w and ∂C/∂b of the mean.
    """

    def __init__(self, m, net, gt, l):
        self.m, self.net, self.gt, self.l = m, net, gt, l
        L = net.L
        self.model = net.atoms
        self.layer = {"l": l, "l+1": l + 1, "l-1": l - 1, "L": L}
        Z = sympy.Integer
        self.sizes = {m.n_prev: Z(net.n(l - 1)), m.n: Z(net.n(l)), m.n_L: Z(net.n(L)), m.m_batch: Z(net.batch)}
        if l < L:
            self.sizes[m.n_next] = Z(net.n(l + 1))
        self.batch = net.batch > 1

    def _role(self, name):
        head, _, sup = name.partition("^")
        sup = sup.strip("{}")
        if sup and sup not in self.layer:
            raise KeyError(name)
        return head, self.layer[sup] if sup else None

    def _need(self, what, layer, idx, shape):
        lo, hi = _layer_range(what, self.net.L)
        if layer is not None and not lo <= layer <= hi:
            raise OutsideDomain(f"layer {layer} has no {what} (the network has layers 1 to {self.net.L})")
        if len(idx) != len(shape) or any(not 1 <= i <= n for i, n in zip(idx, shape)):
            raise OutsideDomain(f"{what}^{layer}_{{{','.join(map(str, idx))}}} does not exist (sizes {list(self.net.sizes)})")

    def _n(self, layer):
        # the size of a layer that exists; never sizes[-1] for layer 0
        if layer is None or not 1 <= layer <= self.net.L:
            raise OutsideDomain(f"there is no layer {layer} (the network has layers 1 to {self.net.L})")
        return self.net.n(layer)

    def indexed(self, base: str, idx):
        model, gt, net, n = self.model, self.gt, self.net, self._n
        L = net.L
        if "^{x," in base:  # per-sample: the first index is the sample x
            head, _, layer = base.partition("^{x,")
            lay = self.layer.get(layer.rstrip("}"))
            if lay is None or head not in (r"\delta", "a"):
                raise KeyError(base)
            self._need(head, lay, idx, (net.batch, n(lay)))
            if head == r"\delta":
                return gt.delta(lay, idx[1], idx[0], per_sample=True)
            return model.A[idx[0]][lay][idx[1] - 1]
        if base.startswith(("dC/d", "dC_x/d")):
            return self._derivative(base, idx)
        if base == r"\nabla_{a} C":
            self._need("a", L, idx, (n(L),))
            return _nabla(gt, net, idx[0])
        if base == "y":
            self._need("y", None, idx, (n(L),))
            return model.target(idx[0], 1)
        head, layer = self._role(base)
        if head == "w":
            self._need("w", layer, idx, (n(layer), n(layer - 1)))
            return model.atom(("w", layer, *idx))
        if head == "b":
            self._need("b", layer, idx, (n(layer),))
            return model.atom(("b", layer, *idx))
        if head == "a":
            self._need("a", layer, idx, (n(layer),))
            return model.A[1][layer][idx[0] - 1]
        if head == "z":
            self._need("z", layer, idx, (n(layer),))
            return model.Z[1][layer][idx[0] - 1]
        if head == r"\delta":
            self._need("δ", layer, idx, (n(layer),))
            return gt.delta(layer, idx[0], 1, per_sample=self.batch)
        raise KeyError(base)

    def _derivative(self, base, idx):
        # ∂C/∂(quantity): the ground truth by differentiation (derive.GroundTruth)
        net, n = self.net, self._n
        per_sample = base.startswith("dC_x/d")
        head, layer = self._role(base.partition("/d")[2])
        if per_sample:
            s, idx = idx[0], idx[1:]
            if not 1 <= s <= net.batch:
                raise OutsideDomain(f"there is no sample {s} (batch of {net.batch})")
        else:
            s = 1
        if head == "z":
            self._need("z", layer, idx, (n(layer),))
            return self.gt.delta(layer, idx[0], s, per_sample=self.batch or per_sample)
        if head == "a":
            self._need("a", layer, idx, (n(layer),))
            if layer == net.L and not per_sample:
                return _nabla(self.gt, net, idx[0])
            return self.gt.d_cost(("a", s, layer, idx[0]), sample=s if (self.batch or per_sample) else None)
        if head in ("w", "b"):
            self._need(head, layer, idx, (n(layer), n(layer - 1)) if head == "w" else (n(layer),))
            return self.gt.d_cost((head, layer, *idx), sample=s if per_sample else None)
        raise KeyError(base)

    def __call__(self, e):
        if isinstance(e, sympy.Add):
            return sum((self(a) for a in e.args), Poly())
        if isinstance(e, sympy.Mul):
            out = Poly.const(1)
            for a in e.args:
                out = out * self(a)
            return out
        if isinstance(e, sympy.Pow) and e.exp.is_Integer:
            base = self(e.base)
            return base ** int(e.exp) if e.exp >= 0 else RatFunc(Poly.const(1)) / (base ** int(-e.exp))
        if isinstance(e, sympy.Rational):
            return Poly.const(Fraction(int(e.p), int(e.q)))
        if isinstance(e, sympy.KroneckerDelta) and all(x.is_Integer for x in e.args):
            a, b = (int(x) for x in e.args)
            return Poly.const(1 if a == b else 0)
        if isinstance(e, sympy.Sum):
            body = e.function
            for v, lo, hi in e.limits:  # innermost first; a sum with hi < lo is empty
                if not (lo.is_Integer and hi.is_Integer):
                    raise TypeError(f"a sum from {lo} to {hi}")
                body = sympy.Add(*[body.xreplace({v: k}) for k in range(int(lo), int(hi) + 1)])
            return self(body)
        if isinstance(e, sympy.Indexed):
            if not all(i.is_Integer for i in e.indices):
                raise TypeError(f"{e} has a free index")
            return self.indexed(str(e.base), [int(i) for i in e.indices])
        if isinstance(e, (self.m.sigma, self.m.sigma_prime)):
            z = e.args[0]
            if not (isinstance(z, sympy.Indexed) and str(z.base).startswith("z^") and z.indices[0].is_Integer):
                raise TypeError(f"σ of {z}")
            _, layer = self._role(str(z.base))
            j = int(z.indices[0])
            self._need("z", layer, [j], (self._n(layer),))
            if layer == self.net.L and self.net.output_softmax:
                raise OutsideDomain("σ and σ' of z^L mean nothing at a softmax output (a^L is the softmax of z^L)")
            table = self.model.A if isinstance(e, self.m.sigma) else self.model.D
            return table[1][layer][j - 1]
        if isinstance(e, sympy.exp) and self.net.output_softmax:
            z = e.args[0]
            if isinstance(z, sympy.Indexed) and str(z.base) == "z^{L}" and z.indices[0].is_Integer:
                self._need("z", self.net.L, [int(z.indices[0])], (self._n(self.net.L),))
                return self.model.atom(("E", 1, int(z.indices[0])))
        raise TypeError(f"no concrete meaning for {e}")

    def instantiate(self, expr, at: dict):
        expr = expr.xreplace(self.sizes)
        bound = {v for s in expr.atoms(sympy.Sum) for v, _, _ in s.limits}
        # subs keeps bound summation indices apart from the free ones; xreplace is enough otherwise
        return self(expr.subs(at) if bound & set(at) else expr.xreplace(at))


def _nabla(gt, net, j):
    # ∂C_1/∂a^{1,L}_j: of sample 1's own cost on a mini-batch network
    return gt.d_cost(("a", 1, net.L, j), sample=1) if net.batch > 1 else gt.nabla_a(j)


def _as_expr(v):
    return sympy.Integer(v) if isinstance(v, int) else v


def assignments(ranges, sizes: dict):
    """Every assignment of the range indices at concrete sizes (later ranges may use earlier indices)."""
    def rec(k, at):
        if k == len(ranges):
            yield dict(at)
            return
        r = ranges[k]
        lo, hi = (_as_expr(b).xreplace(sizes).xreplace(at) for b in (r.lo, r.hi))
        if not (lo.is_Integer and hi.is_Integer):
            raise TypeError(f"the range {r.latex()} has no concrete bounds")
        for v in range(int(lo), int(hi) + 1):
            at[r.index] = sympy.Integer(v)
            yield from rec(k + 1, at)
        at.pop(r.index, None)

    yield from rec(0, {})


def product_rhs(net, gt, l, j):
    # P^L_j = σ'(z^L_j)(∇_a C)_j, P^l_j = σ'(z^l_j) Σ_i w^{l+1}_{ij} P^{l+1}_i, computed downwards.
    model, L = net.atoms, net.L
    P = [model.D[1][L][i - 1] * _nabla(gt, net, i) for i in range(1, net.n(L) + 1)]
    for layer in range(L - 1, l - 1, -1):
        P = [model.D[1][layer][k - 1] * sum((model.atom(("w", layer + 1, i, k)) * P[i - 1]
                                             for i in range(1, net.n(layer + 1) + 1)), Poly())
             for k in range(1, net.n(layer) + 1)]
    return P[j - 1]
