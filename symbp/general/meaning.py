r"""What the symbols of an all-sizes proof mean on a given network.

``lemmas.Layers`` only *names* quantities. A proof step is sound only if the
facts it uses are facts of the network asked about, so this module says, for
a ``GeneralNetwork`` (output kind, cost, activation, assumptions):

* ``dims``: the range of each index of each quantity (w^l_{jk}: 1 ≤ j ≤ n_l,
  1 ≤ k ≤ n_{l-1}), so a statement about w^l_{jk} with k up to n_l is caught;
* ``meaning``: the derivative an opaque symbol of a chain stands for on this
  network. ∂a^L_k/∂z^L_j is the derivative of σ(z^L_k) for an elementwise
  output but of softmax(z^L)_k for a softmax one, so lemma-da-dz may stand in
  for it only on the first; ∂C/∂a^L_j depends on the cost;
* ``written_out``: a^L (and, for a named activation, σ and σ') as the network
  defines them, the yardstick for an identity's ``unfold``;
* ``assumptions``: what the network assumes (Σ_k y_k = 1 with ``one_hot``).

σ stays the undefined function in ``meaning``: the proofs are for every σ and
a named activation is a special case (``proofs._specialise``).

>>> from symbp.general.lemmas import Layers
>>> m = Layers()
>>> dims(m)[m.w]
(n_{l}, n_{l-1})
>>> meaning(m, m.dz_da, (m.j, m.k), output="activation", cost="quadratic")
Sum(KroneckerDelta(_s, k)*w^{l}[j, _s], (_s, 1, n_{l-1}))
"""

from __future__ import annotations

import sympy

from ..functions import activation as activation_named
from .lemmas import Layers


def dims(m: Layers) -> dict:
    """Each quantity of the model -> the upper end of each of its indices (each starts at 1)."""
    return {
        m.w: (m.n, m.n_prev), m.w_next: (m.n_next, m.n), m.b: (m.n,), m.b_next: (m.n_next,),
        m.a_prev: (m.n_prev,), m.z: (m.n,), m.z_next: (m.n_next,),
        m.a_L: (m.n_L,), m.z_L: (m.n_L,), m.y: (m.n_L,), m.nabla: (m.n_L,),
        m.delta: (m.n,), m.delta_next: (m.n_next,), m.delta_L: (m.n_L,),
        m.dC_dz: (m.n,), m.dC_dz_next: (m.n_next,), m.dC_dz_L: (m.n_L,), m.dC_da_L: (m.n_L,),
        m.dC_db: (m.n,), m.dC_dw: (m.n, m.n_prev), m.dC_da_prev: (m.n_prev,),
        m.dz_db: (m.n, m.n), m.dz_dw: (m.n, m.n, m.n_prev), m.dz_da: (m.n, m.n_prev),
        m.dz_dz: (m.n_next, m.n), m.da_dz_L: (m.n_L, m.n_L),
        m.delta_x: (m.m_batch, m.n), m.a_prev_x: (m.m_batch, m.n_prev),
        m.dCx_dw: (m.m_batch, m.n, m.n_prev), m.dCx_db: (m.m_batch, m.n),
    }


def per_sample_cost(cost: str) -> str:
    """The cost of one sample: the mean-quadratic cost averages quadratic ones."""
    return "quadratic" if cost == "mean-quadratic" else cost


def is_batch_mean(cost: str) -> bool:
    """True when C = (1/m) Σ_x C_x over a mini-batch of m samples."""
    return cost == "mean-quadratic"


def output_of(m: Layers, output_kind: str, k) -> sympy.Expr:
    """a^L_k as the network computes it from z^L (σ generic)."""
    return m.softmax(k) if output_kind == "softmax" else m.sigma(m.z_L[k])


def meaning(m: Layers, base, idx: tuple, *, output: str, cost: str) -> sympy.Expr | None:
    """The derivative the opaque ``base[idx]`` names on a network with this output and cost, or None."""
    cost = per_sample_cost(cost)
    rules = {
        m.dz_db: lambda j, i: sympy.diff(m.z_def(j), m.b[i]),
        m.dz_dw: lambda j, p, q: sympy.diff(m.z_def(j), m.w[p, q]),
        m.dz_da: lambda j, k: sympy.diff(m.z_def(j), m.a_prev[k]),
        m.dz_dz: lambda i, j: sympy.diff(m.z_next_def(i), m.z[j]),
        m.da_dz_L: lambda k, j: sympy.diff(output_of(m, output, k), m.z_L[j]),
        m.nabla: lambda j: sympy.diff(m.cost(cost, lambda k: m.a_L[k]), m.a_L[j]),
        m.dC_da_L: lambda j: sympy.diff(m.cost(cost, lambda k: m.a_L[k]), m.a_L[j]),
        m.dC_dz_L: lambda j: sympy.diff(m.cost(cost, lambda k: output_of(m, output, k)), m.z_L[j]),
    }
    rule = rules.get(base)
    if rule is None or rule.__code__.co_argcount != len(idx):
        return None
    return rule(*idx)


def written_out(m: Layers, gnet, expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with every a^L_x written as the network defines it, and a named σ, σ' as functions of z."""
    expr = expr.replace(lambda e: isinstance(e, sympy.Indexed) and e.base == m.a_L,
                        lambda e: output_of(m, gnet.output, e.indices[0]))
    act = activation_named(gnet.activation)
    if not act.is_generic:
        expr = expr.replace(lambda e: isinstance(e, m.sigma), lambda e: act.expr(e.args[0]))
        expr = expr.replace(lambda e: isinstance(e, m.sigma_prime), lambda e: act.prime(e.args[0]))
    return expr


def assumptions(m: Layers, gnet) -> dict:
    """What the network assumes of its data: Σ_k y_k = 1 when ``one_hot``."""
    return {m.sum_y(): sympy.Integer(1)} if gnet.one_hot else {}
