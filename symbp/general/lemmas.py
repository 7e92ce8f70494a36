r"""The lemmas of the backpropagation proofs, for layers of symbolic size.

``Layers`` holds one generic layer l of a network of any depth: the sizes
n_{l-1}, n_l, n_{l+1}, n_L are positive-integer symbols, every weight,
activation and error is an ``Indexed`` quantity, and the definitions

.. math:: z^l_j = \sum_{k=1}^{n_{l-1}} w^l_{jk} a^{l-1}_k + b^l_j, \qquad
          z^{l+1}_i = \sum_{k=1}^{n_l} w^{l+1}_{ik} \sigma(z^l_k) + b^{l+1}_i

are SymPy ``Sum``\ s over those symbolic ranges (Nielsen's indexing; the
``sokolinsky-*`` lemmas restate them in seed 002's transposed indices).

A ``Lemma`` is an equality ``lhs = rhs`` whose left side is *computed* from
the definitions by ``sympy.diff`` and whose right side is the closed form the
notes claim; it is proved when ``reduction.remainder`` of the two is 0 under
the lemma's range facts (1 ≤ j ≤ n_l, ...).

>>> from symbp.general.reduction import remainder
>>> m = Layers()
>>> lem = LEMMAS["lemma-dz-dz"]
>>> remainder(lem.lhs(m), lem.rhs(m), lem.ranges(m))
0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

import sympy
from sympy import IndexedBase, KroneckerDelta, Sum

from ..functions import COSTS, generic_function
from .reduction import Range

_POS = {"integer": True, "positive": True}


class Layers:
    """Symbols and definitions of a generic layer l (and the output layer L)."""

    def __init__(self):
        self.sigma, self.sigma_prime = generic_function("sigma")
        S = sympy.Symbol
        self.n_prev, self.n, self.n_next, self.n_L = (
            S(name, **_POS) for name in ("n_{l-1}", "n_{l}", "n_{l+1}", "n_{L}")
        )
        self.i, self.j, self.k, self.p, self.q, self.r = sympy.symbols("i j k p q r", **_POS)
        self._s, self._s_next = sympy.Dummy("s", **_POS), sympy.Dummy("s", **_POS)
        B = IndexedBase
        self.w, self.w_next = B("w^{l}"), B("w^{l+1}")
        self.b, self.b_next = B("b^{l}"), B("b^{l+1}")
        self.a_prev, self.z, self.z_next = B("a^{l-1}"), B("z^{l}"), B("z^{l+1}")
        self.a_L, self.z_L, self.y = B("a^{L}"), B("z^{L}"), B("y")
        self.delta, self.delta_next, self.delta_L = B(r"\delta^{l}"), B(r"\delta^{l+1}"), B(r"\delta^{L}")
        self.nabla = B(r"\nabla_{a} C")
        # Opaque partial derivatives: what a chain-rule step produces before a
        # lemma says what they are. Printed as fractions by ``latex``.
        self.dC_dz, self.dC_dz_next, self.dC_dz_L = B("dC/dz^{l}"), B("dC/dz^{l+1}"), B("dC/dz^{L}")
        self.dC_da_L = B("dC/da^{L}")
        self.dz_db, self.dz_dw = B("dz^{l}/db^{l}"), B("dz^{l}/dw^{l}")
        self.dz_dz, self.da_dz_L = B("dz^{l+1}/dz^{l}"), B("da^{L}/dz^{L}")
        self.dz_da = B("dz^{l}/da^{l-1}")
        # The left sides of BP3, BP4 and input-gradient: derivatives of C itself
        self.dC_db, self.dC_dw, self.dC_da_prev = B("dC/db^{l}"), B("dC/dw^{l}"), B("dC/da^{l-1}")
        # a mini-batch of m samples x = 1..m (C = (1/m) Σ_x C_x); per-sample quantities
        self.m_batch, self.x = S("m", **_POS), S("x", **_POS)
        self.delta_x, self.a_prev_x = B(r"\delta^{x,l}"), B("a^{x,l-1}")
        self.dCx_dw, self.dCx_db = B("dC_x/dw^{l}"), B("dC_x/db^{l}")

    # -- definitions (Nielsen) ----------------------------------------------

    # Summation indices are Dummies: a free index named k (∂/∂a^{l-1}_k) can
    # never be captured by the sum of a definition. One Dummy per definition
    # (bound in each Sum separately), so that a derivative computed twice, by a
    # lemma and by ``meaning``, is the same expression.
    def z_def(self, j) -> sympy.Expr:
        k = self._s
        return Sum(self.w[j, k] * self.a_prev[k], (k, 1, self.n_prev)) + self.b[j]

    def z_next_def(self, i) -> sympy.Expr:
        k = self._s_next
        return Sum(self.w_next[i, k] * self.sigma(self.z[k]), (k, 1, self.n)) + self.b_next[i]

    def softmax(self, j) -> sympy.Expr:
        m = sympy.Symbol("m", **_POS)
        return sympy.exp(self.z_L[j]) / Sum(sympy.exp(self.z_L[m]), (m, 1, self.n_L))

    def cost(self, name: str, a: Callable) -> sympy.Expr:
        """C(a^L, y) of one sample with a^L_k = ``a(k)``, summed to symbolic n_L."""
        k = sympy.Symbol("c", **_POS)
        y = self.y[k]
        if name == "quadratic":
            return Sum((a(k) - y) ** 2, (k, 1, self.n_L)) / 2
        if name == "squared-error":  # the quadratic cost without its ½
            return Sum((a(k) - y) ** 2, (k, 1, self.n_L))
        if name == "cross-entropy":
            return -Sum(y * sympy.log(a(k)) + (1 - y) * sympy.log(1 - a(k)), (k, 1, self.n_L))
        if name == "softmax-cross-entropy":
            return -Sum(y * sympy.log(a(k)), (k, 1, self.n_L))
        raise KeyError(name)

    def sum_y(self) -> sympy.Expr:
        return Sum(self.y[self.r], (self.r, 1, self.n_L))

    @cached_property
    def definitions(self) -> dict:
        """Quantity -> the quantities its definition uses, read off the SymPy definitions.

        ``C`` stands for the cost and every layer past l+1: they are computed
        from a^{l+1} and parameters of their own only.
        """
        j = self.j
        defs = {
            "a^{l-1}": IndexedBase("z^{l-1}")[j],  # a^{l-1} = σ(z^{l-1}), or x when l = 2
            "z^{l}": self.z_def(j),
            "a^{l}": self.sigma(self.z[j]),
            "z^{l+1}": self.z_next_def(j).replace(
                lambda e: isinstance(e, self.sigma), lambda e: IndexedBase("a^{l}")[e.args[0].indices]
            ),
            "a^{l+1}": self.sigma(self.z_next[j]),
            "a^{L}": self.sigma(self.z_L[j]),
            "C": IndexedBase("a^{l+1}")[j] + IndexedBase("w^{l+2}")[j, j] + IndexedBase("b^{l+2}")[j]
            + IndexedBase("a^{L}")[j],
        }
        return {name: {str(x.base) for x in e.atoms(sympy.Indexed)} for name, e in defs.items()}

    def only_through(self, source: str, via: str) -> bool:
        """True when every dependency path from ``source`` to C passes through ``via``."""
        frontier, seen = [source], set()
        while frontier:
            q = frontier.pop()
            for name, uses in self.definitions.items():
                if q in uses and name not in seen:
                    if name == "C":
                        return False
                    seen.add(name)
                    if name != via:
                        frontier.append(name)
        return via in seen


@dataclass(frozen=True)
class Lemma:
    """``lhs = rhs`` under ``ranges``: lhs computed from the definitions, rhs claimed."""

    name: str
    statement: str  # LaTeX
    source: str
    lhs: Callable[[Layers], sympy.Expr]
    rhs: Callable[[Layers], sympy.Expr]
    ranges: Callable[[Layers], list]
    lhs_latex: str = ""
    hypotheses: Callable[[Layers], dict] = field(default=lambda m: {})
    costs: tuple = ()  # the costs it is about; () for every network


def _r(index, hi):
    return Range(index, sympy.Integer(1), hi)


#: The costs whose network computes a^L = σ(z^L) entrywise: lemma-da-dz is about these only.
_ELEMENTWISE_OUTPUT = tuple(name for name, entry in COSTS.items() if entry.output == "activation")


def _lemmas() -> dict[str, Lemma]:
    out = {}

    def add(**kw):
        out[kw["name"]] = Lemma(**kw)

    add(
        name="lemma-dz-db",
        statement=r"\frac{\partial z^l_j}{\partial b^l_i} = [i = j]",
        source="Nielsen, ch. 2 (proof of BP3); Sokolinsky, Lemma 3",
        lhs=lambda m: sympy.diff(m.z_def(m.j), m.b[m.i]),
        rhs=lambda m: KroneckerDelta(m.i, m.j),
        ranges=lambda m: [_r(m.i, m.n), _r(m.j, m.n)],
        lhs_latex=r"\frac{\partial z^{l}_{j}}{\partial b^{l}_{i}}",
    )
    add(
        name="lemma-dz-dw",
        statement=r"\frac{\partial z^l_j}{\partial w^l_{pq}} = [j = p]\, a^{l-1}_q",
        source="Nielsen, ch. 2 (proof of BP4); Sokolinsky, Lemma 4",
        lhs=lambda m: sympy.diff(m.z_def(m.j), m.w[m.p, m.q]),
        rhs=lambda m: KroneckerDelta(m.j, m.p) * m.a_prev[m.q],
        ranges=lambda m: [_r(m.j, m.n), _r(m.p, m.n), _r(m.q, m.n_prev)],
        lhs_latex=r"\frac{\partial z^{l}_{j}}{\partial w^{l}_{pq}}",
    )
    add(
        name="lemma-dz-da",
        statement=r"\frac{\partial z^l_j}{\partial a^{l-1}_k} = w^l_{jk}",
        source="Dyda (∂L/∂x = W^T δ); the computational-graph notes (linear layer, dL/dx = W^T dL/dy)",
        lhs=lambda m: sympy.diff(m.z_def(m.j), m.a_prev[m.k]),
        rhs=lambda m: m.w[m.j, m.k],
        ranges=lambda m: [_r(m.j, m.n), _r(m.k, m.n_prev)],
        lhs_latex=r"\frac{\partial z^{l}_{j}}{\partial a^{l-1}_{k}}",
    )
    add(
        name="lemma-dz-dz",
        statement=r"\frac{\partial z^{l+1}_i}{\partial z^l_j} = w^{l+1}_{ij}\, \sigma'(z^l_j)",
        source="Nielsen, ch. 2 (proof of BP2); Sokolinsky, Lemma 2",
        lhs=lambda m: sympy.diff(m.z_next_def(m.i), m.z[m.j]),
        rhs=lambda m: m.w_next[m.i, m.j] * m.sigma_prime(m.z[m.j]),
        ranges=lambda m: [_r(m.i, m.n_next), _r(m.j, m.n)],
        lhs_latex=r"\frac{\partial z^{l+1}_{i}}{\partial z^{l}_{j}}",
    )
    add(
        name="lemma-da-dz",
        statement=r"\frac{\partial a^L_k}{\partial z^L_j} = [k = j]\, \sigma'(z^L_j)",
        source="Nielsen, ch. 2 (proof of BP1): a^L = σ(z^L) elementwise",
        lhs=lambda m: sympy.diff(m.sigma(m.z_L[m.k]), m.z_L[m.j]),
        rhs=lambda m: KroneckerDelta(m.k, m.j) * m.sigma_prime(m.z_L[m.j]),
        ranges=lambda m: [_r(m.j, m.n_L), _r(m.k, m.n_L)],
        lhs_latex=r"\frac{\partial a^{L}_{k}}{\partial z^{L}_{j}}",
        costs=_ELEMENTWISE_OUTPUT,  # a softmax output's Jacobian is not diagonal (lemma-softmax-jacobian)
    )
    add(
        name="lemma-dC-da-quadratic",
        statement=r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j \quad (C = \tfrac12\|a^L - y\|^2)",
        source="Sokolinsky, Lemma 1; the formula sheet (∂C/∂a)",
        lhs=lambda m: sympy.diff(m.cost("quadratic", lambda k: m.a_L[k]), m.a_L[m.j]),
        rhs=lambda m: m.a_L[m.j] - m.y[m.j],
        ranges=lambda m: [_r(m.j, m.n_L)],
        lhs_latex=r"\frac{\partial C}{\partial a^{L}_{j}}",
        costs=("quadratic", "mean-quadratic"),
    )
    add(
        name="lemma-dC-da-cross-entropy",
        statement=r"\frac{\partial C}{\partial a^L_j} = \frac{a^L_j - y_j}{a^L_j (1 - a^L_j)}",
        source="binary cross-entropy C = −Σ [y ln a + (1 − y) ln(1 − a)]",
        lhs=lambda m: sympy.diff(m.cost("cross-entropy", lambda k: m.a_L[k]), m.a_L[m.j]),
        rhs=lambda m: (m.a_L[m.j] - m.y[m.j]) / (m.a_L[m.j] * (1 - m.a_L[m.j])),
        ranges=lambda m: [_r(m.j, m.n_L)],
        lhs_latex=r"\frac{\partial C}{\partial a^{L}_{j}}",
        costs=("cross-entropy",),
    )
    add(
        name="lemma-chain-bp2",
        statement=(
            r"\sum_{i=1}^{n_{l+1}} \delta^{l+1}_i \frac{\partial z^{l+1}_i}{\partial z^l_j}"
            r" = \sigma'(z^l_j) \sum_{i=1}^{n_{l+1}} w^{l+1}_{ij} \delta^{l+1}_i"
        ),
        source="Nielsen, ch. 2 (proof of BP2); Sokolinsky, the multivariable chain rule",
        # the Jacobian entries are differentiated from the definition here, not taken from lemma-dz-dz
        lhs=lambda m: Sum(m.delta_next[m.i] * sympy.diff(m.z_next_def(m.i), m.z[m.j]), (m.i, 1, m.n_next)),
        rhs=lambda m: m.sigma_prime(m.z[m.j]) * Sum(m.w_next[m.r, m.j] * m.delta_next[m.r], (m.r, 1, m.n_next)),
        ranges=lambda m: [_r(m.j, m.n)],
        lhs_latex=r"\sum_{i=1}^{n_{l+1}} \delta^{l+1}_{i} \frac{\partial z^{l+1}_{i}}{\partial z^{l}_{j}}",
    )
    add(
        name="lemma-softmax-jacobian",
        statement=r"\frac{\partial a^L_k}{\partial z^L_j} = a^L_k \big([k = j] - a^L_j\big), \quad a^L = \mathrm{softmax}(z^L)",
        source="Dyda (the softmax derivative)",
        lhs=lambda m: sympy.diff(m.softmax(m.k), m.z_L[m.j]),
        rhs=lambda m: m.softmax(m.k) * (KroneckerDelta(m.k, m.j) - m.softmax(m.j)),
        ranges=lambda m: [_r(m.j, m.n_L), _r(m.k, m.n_L)],
        lhs_latex=r"\frac{\partial a^{L}_{k}}{\partial z^{L}_{j}}",
        costs=("softmax-cross-entropy",),
    )
    add(
        name="lemma-dC-da-categorical",
        statement=r"\frac{\partial C}{\partial a^L_j} = -\frac{y_j}{a^L_j} \quad (C = -\sum_k y_k \ln a^L_k)",
        source="Dyda (categorical cross-entropy)",
        lhs=lambda m: sympy.diff(m.cost("softmax-cross-entropy", lambda k: m.a_L[k]), m.a_L[m.j]),
        rhs=lambda m: -m.y[m.j] / m.a_L[m.j],
        ranges=lambda m: [_r(m.j, m.n_L)],
        lhs_latex=r"\frac{\partial C}{\partial a^{L}_{j}}",
        costs=("softmax-cross-entropy",),
    )
    softmax_ce = lambda m: sympy.diff(m.cost("softmax-cross-entropy", m.softmax), m.z_L[m.j])  # noqa: E731
    add(
        name="lemma-softmax-ce",
        statement=r"\frac{\partial C}{\partial z^L_j} = \Big(\sum_k y_k\Big) a^L_j - y_j",
        source="Dyda (softmax + categorical cross-entropy, general y)",
        lhs=softmax_ce,
        rhs=lambda m: m.sum_y() * m.softmax(m.j) - m.y[m.j],
        ranges=lambda m: [_r(m.j, m.n_L)],
        lhs_latex=r"\frac{\partial C}{\partial z^{L}_{j}}",
        costs=("softmax-cross-entropy",),
    )
    add(
        name="lemma-softmax-ce-one-hot",
        statement=r"\sum_k y_k = 1 \implies \frac{\partial C}{\partial z^L_j} = a^L_j - y_j",
        source="Dyda (δ^L = a − y when Σ y = 1)",
        lhs=softmax_ce,
        rhs=lambda m: m.softmax(m.j) - m.y[m.j],
        ranges=lambda m: [_r(m.j, m.n_L)],
        hypotheses=lambda m: {m.sum_y(): 1},
        lhs_latex=r"\frac{\partial C}{\partial z^{L}_{j}}",
        costs=("softmax-cross-entropy",),
    )
    # Direct checks without the chain-rule axiom: differentiate the composed
    # quadratic cost of the last one or two layers and compare with BP1' / BP2.
    quad_L = lambda m: m.cost("quadratic", lambda k: m.sigma(m.z_L[k]))  # noqa: E731
    add(
        name="lemma-bp1-direct-quadratic",
        statement=r"\frac{\partial}{\partial z^L_j} \tfrac12 \sum_k (\sigma(z^L_k) - y_k)^2 = (\sigma(z^L_j) - y_j)\, \sigma'(z^L_j)",
        source="Sokolinsky (BP1'), checked by differentiating the composed cost",
        lhs=lambda m: sympy.diff(quad_L(m), m.z_L[m.j]),
        rhs=lambda m: (m.sigma(m.z_L[m.j]) - m.y[m.j]) * m.sigma_prime(m.z_L[m.j]),
        ranges=lambda m: [_r(m.j, m.n_L)],
        lhs_latex=r"\frac{\partial C}{\partial z^{L}_{j}}",
        costs=("quadratic", "mean-quadratic"),
    )

    def quad_two_layers(m):  # C with layer l+1 = L, as a function of z^l
        c = sympy.Symbol("c", **_POS)
        return Sum((m.sigma(m.z_next_def(c)) - m.y[c]) ** 2, (c, 1, m.n_next)) / 2

    add(
        name="lemma-bp2-direct-quadratic",
        statement=(r"L = l+1:\ \frac{\partial C}{\partial z^l_j} = \sigma'(z^l_j) \sum_i w^{l+1}_{ij}"
                   r" (\sigma(z^{l+1}_i) - y_i)\, \sigma'(z^{l+1}_i)"),
        source="Nielsen, ch. 2 / Sokolinsky (BP2 after BP1'), checked by differentiating the composed cost",
        lhs=lambda m: sympy.diff(quad_two_layers(m), m.z[m.j]),
        rhs=lambda m: m.sigma_prime(m.z[m.j]) * Sum(
            m.w_next[m.r, m.j] * (m.sigma(m.z_next_def(m.r)) - m.y[m.r]) * m.sigma_prime(m.z_next_def(m.r)),
            (m.r, 1, m.n_next),
        ),
        ranges=lambda m: [_r(m.j, m.n)],
        lhs_latex=r"\frac{\partial C}{\partial z^{l}_{j}}",
        costs=("quadratic", "mean-quadratic"),
    )
    # Sokolinsky (seed 002) writes w^{(l)}_{ji} for the weight from neuron j of
    # layer l-1 to neuron i of layer l: the transpose of Nielsen's w^l_{ij}.
    wS, wS_next = IndexedBase("w^{(l)}"), IndexedBase("w^{(l+1)}")
    bS, bS_next, aS_prev, zS = (IndexedBase(x) for x in ("b^{(l)}", "b^{(l+1)}", "a^{(l-1)}", "z^{(l)}"))

    def z_sok(m, i):
        k = sympy.Dummy("s", **_POS)
        return bS[i] + Sum(wS[k, i] * aS_prev[k], (k, 1, m.n_prev))

    def z_next_sok(m, i):
        k = sympy.Dummy("s", **_POS)
        return bS_next[i] + Sum(wS_next[k, i] * m.sigma(zS[k]), (k, 1, m.n))

    add(
        name="sokolinsky-lemma-1",
        statement=r"\frac{\partial C}{\partial a_i^{(L)}} = a_i^{(L)} - y_i",
        source="Sokolinsky, Lemma 1 (his indices)",
        lhs=lambda m: sympy.diff(m.cost("quadratic", lambda k: IndexedBase("a^{(L)}")[k]), IndexedBase("a^{(L)}")[m.i]),
        rhs=lambda m: IndexedBase("a^{(L)}")[m.i] - m.y[m.i],
        ranges=lambda m: [_r(m.i, m.n_L)],
        lhs_latex=r"\frac{\partial C}{\partial a_{i}^{(L)}}",
        costs=("quadratic", "mean-quadratic"),
    )
    add(
        name="sokolinsky-lemma-2",
        statement=r"\frac{\partial z_i^{(l+1)}}{\partial z_j^{(l)}} = w_{ji}^{(l+1)} \sigma'(z_j^{(l)})",
        source="Sokolinsky, Lemma 2 (his indices: w_{ji} from j in layer l to i in layer l+1)",
        lhs=lambda m: sympy.diff(z_next_sok(m, m.i), zS[m.j]),
        rhs=lambda m: wS_next[m.j, m.i] * m.sigma_prime(zS[m.j]),
        ranges=lambda m: [_r(m.i, m.n_next), _r(m.j, m.n)],
        lhs_latex=r"\frac{\partial z_{i}^{(l+1)}}{\partial z_{j}^{(l)}}",
    )
    add(
        name="sokolinsky-lemma-3",
        statement=r"\frac{\partial z_i^{(l)}}{\partial b_i^{(l)}} = 1",
        source="Sokolinsky, Lemma 3 (his indices)",
        lhs=lambda m: sympy.diff(z_sok(m, m.i), bS[m.i]),
        rhs=lambda m: sympy.Integer(1),
        ranges=lambda m: [_r(m.i, m.n)],
        lhs_latex=r"\frac{\partial z_{i}^{(l)}}{\partial b_{i}^{(l)}}",
    )
    add(
        name="sokolinsky-lemma-4",
        statement=r"\frac{\partial z_i^{(l)}}{\partial w_{ji}^{(l)}} = a_j^{(l-1)}",
        source="Sokolinsky, Lemma 4 (his indices)",
        lhs=lambda m: sympy.diff(z_sok(m, m.i), wS[m.j, m.i]),
        rhs=lambda m: aS_prev[m.j],
        ranges=lambda m: [_r(m.i, m.n), _r(m.j, m.n_prev)],
        lhs_latex=r"\frac{\partial z_{i}^{(l)}}{\partial w_{ji}^{(l)}}",
    )
    return out


#: Every lemma by name.
LEMMAS: dict[str, Lemma] = _lemmas()


def applies(lemma: Lemma, cost: str) -> bool:
    return not lemma.costs or cost in lemma.costs
