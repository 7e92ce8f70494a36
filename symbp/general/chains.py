r"""BP1–BP4, their matrix forms and softmax-CE as chains of checked links.

An identity's proof is a chain ``lhs = e_1 = e_2 = ... = rhs`` over the
symbols of ``lemmas.Layers``. Each ``Link`` says why its equality holds:

* ``definition``: a name for the same quantity (δ^l_j ≡ ∂C/∂z^l_j); checked
  by replacing every δ and ∇_a C by the derivative it names (``links``);
* ``chain-rule``: the multivariable chain rule, taken from calculus. Checked:
  the line is its expansion, generated mechanically over every entry of the
  intermediate quantity (``links.chain_rule``), and its premise, that C depends on
  ``source`` only through ``via`` (read off the SymPy definitions of the layer);
* ``lemma``: the previous expression with a lemma's left side replaced by
  its right side must reduce to this one;
* ``identity``: an identity proved earlier in the same catalogue;
* the last step, to the claimed right side, is always a ``reduce``: the
  difference must reduce to 0 under the range facts.

Matrix forms are written with ``indexmat.Mat``, an index-level matrix whose
products are explicit sums, never ``MatrixSymbol``.

>>> m = Layers()
>>> sorted(IDENTITIES)[:4]
['BP1', 'BP1-matrix', 'BP1-quadratic', 'BP2']

"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import sympy
from sympy import KroneckerDelta, Sum

from .indexmat import Mat, bp2_matrix, diag_prime, vector
from .lemmas import Layers
from .reduction import Range


@dataclass(frozen=True)
class Link:
    expr: Callable[[Layers], sympy.Expr]
    kind: str  # definition | chain-rule | lemma | identity | hypothesis
    why: str
    ref: str | tuple = ""


@dataclass(frozen=True)
class GeneralIdentity:
    """An identity for all sizes: ``lhs = rhs`` proved by ``chain`` under ``ranges``."""

    name: str
    statement: str
    source: str
    lhs: Callable[[Layers], sympy.Expr]
    rhs: Callable[[Layers], sympy.Expr]
    ranges: Callable[[Layers], list]
    chain: tuple = ()
    outputs: tuple = ("activation",)  # the output kinds it is about
    costs: tuple = ()  # () for every cost with a matching output
    # Writes a^L (and σ') out by their definitions before the last step.
    unfold: Callable[[Layers, sympy.Expr], sympy.Expr] = field(default=lambda m, e: e)
    hypotheses: Callable[[Layers], dict] = field(default=lambda m: {})
    depth: str = ""
    corroboration: tuple = ()  # lemmas that check the same claim another way (e.g. without the chain rule)
    activations: tuple = ()  # the named activations it is about; () for every σ
    needs_one_hot: bool = False  # its hypotheses hold only on a network with one_hot=True
    single_sample: bool = False  # about C's own parameters: not the mean over a mini-batch (see minibatch)
    rhs_latex: str = ""  # how the notes write the right side (matrix forms); else printed from rhs


#: How each lemma's left side appears, unevaluated, in a chain: the opaque
#: base and the lemma's index symbols, in the order of the opaque indices.
OPAQUE_LEMMAS = {
    "lemma-dz-db": (lambda m: m.dz_db, lambda m: (m.j, m.i)),
    "lemma-dz-dw": (lambda m: m.dz_dw, lambda m: (m.j, m.p, m.q)),
    "lemma-dz-dz": (lambda m: m.dz_dz, lambda m: (m.i, m.j)),
    "lemma-dz-da": (lambda m: m.dz_da, lambda m: (m.j, m.k)),
    "lemma-da-dz": (lambda m: m.da_dz_L, lambda m: (m.k, m.j)),
    "lemma-dC-da-quadratic": (lambda m: m.nabla, lambda m: (m.j,)),
    "lemma-dC-da-cross-entropy": (lambda m: m.nabla, lambda m: (m.j,)),
    "lemma-softmax-ce": (lambda m: m.dC_dz_L, lambda m: (m.j,)),
    "lemma-softmax-ce-one-hot": (lambda m: m.dC_dz_L, lambda m: (m.j,)),
    "lemma-softmax-jacobian": (lambda m: m.da_dz_L, lambda m: (m.k, m.j)),
    "lemma-dC-da-categorical": (lambda m: m.nabla, lambda m: (m.j,)),
}


def _r(index, hi):
    return Range(index, sympy.Integer(1), hi)


def _output_error_opening(through: str) -> tuple:
    # The first three steps of every output-error proof: δ^L_j by definition,
    # the chain rule through a^L, and the name ∇_a C for ∂C/∂a^L.
    return (
        Link(lambda m: m.dC_dz_L[m.j], "definition", r"definition of $\delta$: $\delta^L_j \equiv \partial C/\partial z^L_j$"),
        Link(
            lambda m: Sum(m.dC_da_L[m.k] * m.da_dz_L[m.k, m.j], (m.k, 1, m.n_L)),
            "chain-rule",
            f"multivariable chain rule: C depends on z^L only through {through}",
            ("z^{L}", "a^{L}"),
        ),
        Link(
            lambda m: Sum(m.nabla[m.k] * m.da_dz_L[m.k, m.j], (m.k, 1, m.n_L)),
            "definition",
            r"$(\nabla_a C)_k \equiv \partial C/\partial a^L_k$",
        ),
    )


def _identities() -> dict[str, GeneralIdentity]:
    out = {}

    def add(**kw):
        out[kw["name"]] = GeneralIdentity(**kw)

    bp1_rhs = lambda m: m.nabla[m.j] * m.sigma_prime(m.z_L[m.j])  # noqa: E731
    add(
        name="BP1",
        statement=r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)",
        source="Nielsen, ch. 2 (BP1 and its proof); Sokolinsky (BP1)",
        lhs=lambda m: m.delta_L[m.j],
        rhs=bp1_rhs,
        ranges=lambda m: [_r(m.j, m.n_L)],
        chain=(
            *_output_error_opening("a^L"),
            Link(
                lambda m: Sum(m.nabla[m.k] * KroneckerDelta(m.k, m.j) * m.sigma_prime(m.z_L[m.j]), (m.k, 1, m.n_L)),
                "lemma",
                "lemma-da-dz",
                "lemma-da-dz",
            ),
        ),
        depth="any L: the proof involves the output layer L only",
    )
    add(
        name="BP1-quadratic",
        statement=r"\delta^L_j = (a^L_j - y_j)\, \sigma'(z^L_j) \quad (C = \tfrac12\|a^L - y\|^2)",
        source="Sokolinsky (BP1' with Lemma 1); the formula sheet",
        lhs=lambda m: m.delta_L[m.j],
        rhs=lambda m: (m.a_L[m.j] - m.y[m.j]) * m.sigma_prime(m.z_L[m.j]),
        ranges=lambda m: [_r(m.j, m.n_L)],
        chain=(
            Link(bp1_rhs, "identity", "BP1", "BP1"),
            Link(
                lambda m: (m.a_L[m.j] - m.y[m.j]) * m.sigma_prime(m.z_L[m.j]),
                "lemma",
                "Lemma 1 (lemma-dC-da-quadratic)",
                "lemma-dC-da-quadratic",
            ),
        ),
        costs=("quadratic", "mean-quadratic"),
        depth="any L: the proof involves the output layer L only",
        corroboration=("lemma-bp1-direct-quadratic",),
    )
    bp2_rhs = lambda m: m.sigma_prime(m.z[m.j]) * Sum(m.w_next[m.r, m.j] * m.delta_next[m.r], (m.r, 1, m.n_next))  # noqa: E731
    add(
        name="BP2",
        statement=r"\delta^l_j = \sigma'(z^l_j) \sum_{i} w^{l+1}_{ij} \delta^{l+1}_i",
        source="Nielsen, ch. 2 (BP2 and its proof); Sokolinsky (BP2, Lemma 2, chain rule)",
        lhs=lambda m: m.delta[m.j],
        rhs=bp2_rhs,
        ranges=lambda m: [_r(m.j, m.n)],
        chain=(
            Link(lambda m: m.dC_dz[m.j], "definition", r"definition of $\delta$: $\delta^l_j \equiv \partial C/\partial z^l_j$"),
            Link(
                lambda m: Sum(m.dC_dz_next[m.i] * m.dz_dz[m.i, m.j], (m.i, 1, m.n_next)),
                "chain-rule",
                "multivariable chain rule: C depends on z^l only through z^{l+1}",
                ("z^{l}", "z^{l+1}"),
            ),
            Link(
                lambda m: Sum(m.delta_next[m.i] * m.dz_dz[m.i, m.j], (m.i, 1, m.n_next)),
                "definition",
                r"definition of $\delta^{l+1}$",
            ),
            Link(
                lambda m: Sum(m.delta_next[m.i] * m.w_next[m.i, m.j] * m.sigma_prime(m.z[m.j]), (m.i, 1, m.n_next)),
                "lemma",
                "lemma-dz-dz (Sokolinsky, Lemma 2)",
                "lemma-dz-dz",
            ),
        ),
        depth="any L, any 2 ≤ l < L: the proof involves layers l and l+1 only",
        corroboration=("lemma-chain-bp2", "lemma-bp2-direct-quadratic"),
        outputs=("activation", "softmax"),
    )
    add(
        name="BP3",
        single_sample=True,
        statement=r"\frac{\partial C}{\partial b^l_j} = \delta^l_j",
        source="Nielsen, ch. 2 (BP3 and its proof); Sokolinsky (BP3, Lemma 3)",
        lhs=lambda m: sympy.IndexedBase("dC/db^{l}")[m.j],
        rhs=lambda m: m.delta[m.j],
        ranges=lambda m: [_r(m.j, m.n)],
        chain=(
            Link(
                lambda m: Sum(m.dC_dz[m.i] * m.dz_db[m.i, m.j], (m.i, 1, m.n)),
                "chain-rule",
                "multivariable chain rule: C depends on b^l only through z^l",
                ("b^{l}", "z^{l}"),
            ),
            Link(lambda m: Sum(m.delta[m.i] * m.dz_db[m.i, m.j], (m.i, 1, m.n)), "definition", r"definition of $\delta^l$"),
            Link(
                lambda m: Sum(m.delta[m.i] * KroneckerDelta(m.j, m.i), (m.i, 1, m.n)),
                "lemma",
                "lemma-dz-db (Sokolinsky, Lemma 3)",
                "lemma-dz-db",
            ),
        ),
        depth="any L, any 2 ≤ l ≤ L: the proof involves layer l only",
        outputs=("activation", "softmax"),
    )
    add(
        name="BP4",
        single_sample=True,
        statement=r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",
        source="Nielsen, ch. 2 (BP4 and its proof); Sokolinsky (BP4, Lemma 4)",
        lhs=lambda m: sympy.IndexedBase("dC/dw^{l}")[m.j, m.k],
        rhs=lambda m: m.a_prev[m.k] * m.delta[m.j],
        ranges=lambda m: [_r(m.j, m.n), _r(m.k, m.n_prev)],
        chain=(
            Link(
                lambda m: Sum(m.dC_dz[m.i] * m.dz_dw[m.i, m.j, m.k], (m.i, 1, m.n)),
                "chain-rule",
                "multivariable chain rule: C depends on w^l only through z^l",
                ("w^{l}", "z^{l}"),
            ),
            Link(lambda m: Sum(m.delta[m.i] * m.dz_dw[m.i, m.j, m.k], (m.i, 1, m.n)), "definition", r"definition of $\delta^l$"),
            Link(
                lambda m: Sum(m.delta[m.i] * KroneckerDelta(m.i, m.j) * m.a_prev[m.k], (m.i, 1, m.n)),
                "lemma",
                "lemma-dz-dw (Sokolinsky, Lemma 4)",
                "lemma-dz-dw",
            ),
        ),
        depth="any L, any 2 ≤ l ≤ L: the proof involves layers l−1 and l only",
        outputs=("activation", "softmax"),
    )
    add(
        name="input-gradient",
        single_sample=True,
        statement=r"\frac{\partial C}{\partial a^{l-1}_k} = \sum_j w^l_{jk} \delta^l_j \quad (\nabla_{a^{l-1}} C = (w^l)^T \delta^l)",
        source="Dyda (∂L/∂x = W^T δ); the computational-graph notes (dL/dx = W^T dL/dy)",
        lhs=lambda m: sympy.IndexedBase("dC/da^{l-1}")[m.k],
        rhs=lambda m: (Mat(m.n, m.n_prev, lambda i, j: m.w[i, j], "w^{l}").T @ vector(m.delta, m.n, "δ^{l}")).entry(m.k, 1),
        ranges=lambda m: [_r(m.k, m.n_prev)],
        chain=(
            Link(
                lambda m: Sum(m.dC_dz[m.i] * m.dz_da[m.i, m.k], (m.i, 1, m.n)),
                "chain-rule",
                "multivariable chain rule: C depends on a^{l-1} only through z^l",
                ("a^{l-1}", "z^{l}"),
            ),
            Link(lambda m: Sum(m.delta[m.i] * m.dz_da[m.i, m.k], (m.i, 1, m.n)), "definition", r"definition of $\delta^l$"),
            Link(
                lambda m: Sum(m.delta[m.i] * m.w[m.i, m.k], (m.i, 1, m.n)),
                "lemma",
                "lemma-dz-da",
                "lemma-dz-da",
            ),
        ),
        outputs=("activation", "softmax"),
        depth="any L, any 2 ≤ l ≤ L: the proof involves layers l−1 and l only",
        rhs_latex=r"\left((w^{l})^T \delta^{l}\right)_{k}",
    )
    for name, lhs_base, per_sample_base, rhs, bp, stmt in (
        ("minibatch", "dC/dw^{l}", "dCx_dw",
         lambda m: sympy.Rational(1) / m.m_batch * Sum(m.delta_x[m.x, m.j] * m.a_prev_x[m.x, m.k], (m.x, 1, m.m_batch)),
         "BP4", r"\frac{\partial C}{\partial w^l} = \frac{1}{m} \sum_x \delta^{x,l} (a^{x,l-1})^T"),
        ("minibatch-bias", "dC/db^{l}", "dCx_db",
         lambda m: sympy.Rational(1) / m.m_batch * Sum(m.delta_x[m.x, m.j], (m.x, 1, m.m_batch)),
         "BP3", r"\frac{\partial C}{\partial b^l} = \frac{1}{m} \sum_x \delta^{x,l}"),
    ):
        weight = name == "minibatch"
        add(
            name=name,
            statement=stmt,
            source="the formula sheet (mini-batch backprop, \"kuchařka\")",
            lhs=(lambda b, w: lambda m: sympy.IndexedBase(b)[(m.j, m.k) if w else (m.j,)])(lhs_base, weight),
            rhs=rhs,
            ranges=(lambda w: lambda m: [_r(m.j, m.n)] + ([_r(m.k, m.n_prev)] if w else []))(weight),
            chain=(
                Link(
                    (lambda pb, w: lambda m: sympy.Rational(1) / m.m_batch * Sum(
                        getattr(m, pb)[(m.x, m.j, m.k) if w else (m.x, m.j)], (m.x, 1, m.m_batch)))(per_sample_base, weight),
                    "linearity",
                    "C = (1/m) Σ_x C_x, and the derivative of a sum is the sum of the derivatives",
                    per_sample_base,
                ),
                Link(rhs, "per-sample", f"{bp} for each sample's cost C_x", bp),
            ),
            outputs=("activation",),
            costs=("mean-quadratic",),
            depth="any L, any 2 ≤ l ≤ L, any batch size m",
            rhs_latex=r"\left(\frac{1}{m} \sum_{x=1}^{m} \delta^{x,l} (a^{x,l-1})^T\right)_{jk}" if weight else "",
        )
    add(
        name="BP1-matrix",
        statement=r"\delta^L = \Sigma'(z^L)\, \nabla_a C",
        source="Nielsen, ch. 2 (matrix form of BP1)",
        lhs=lambda m: m.delta_L[m.j],
        rhs=lambda m: (diag_prime(m, m.z_L, m.n_L, "Σ'(z^L)") @ vector(m.nabla, m.n_L, "∇_a C")).entry(m.j, 1),
        ranges=lambda m: [_r(m.j, m.n_L)],
        chain=(Link(bp1_rhs, "identity", "BP1", "BP1"),),
        depth="any L",
        rhs_latex=r"\left(\Sigma'(z^{L}) \nabla_a C\right)_{j}",
    )
    add(
        name="BP2-matrix",
        statement=r"\delta^l = \Sigma'(z^l)\, (w^{l+1})^T \delta^{l+1}",
        source="Nielsen, ch. 2 (matrix form of BP2)",
        lhs=lambda m: m.delta[m.j],
        rhs=lambda m: bp2_matrix(m, m.delta_next).entry(m.j, 1),
        ranges=lambda m: [_r(m.j, m.n)],
        chain=(Link(bp2_rhs, "identity", "BP2", "BP2"),),
        rhs_latex=r"\left(\Sigma'(z^{l}) (w^{l+1})^T \delta^{l+1}\right)_{j}",
        outputs=("activation", "softmax"),
        depth="any L, any 2 ≤ l < L",
    )
    add(
        name="ce-sigmoid",
        statement=r"\delta^L_j = a^L_j - y_j \quad (\sigma \text{ the sigmoid, binary cross-entropy})",
        source="Nielsen, ch. 3 (used in the logistic example of the computational-graph notes)",
        lhs=lambda m: m.delta_L[m.j],
        rhs=lambda m: m.a_L[m.j] - m.y[m.j],
        ranges=lambda m: [_r(m.j, m.n_L)],
        chain=(
            Link(bp1_rhs, "identity", "BP1", "BP1"),
            Link(
                lambda m: (m.a_L[m.j] - m.y[m.j]) / (m.a_L[m.j] * (1 - m.a_L[m.j])) * m.sigma_prime(m.z_L[m.j]),
                "lemma",
                "lemma-dC-da-cross-entropy",
                "lemma-dC-da-cross-entropy",
            ),
        ),
        costs=("cross-entropy",),
        activations=("sigmoid",),
        # a^L_j = σ(z^L_j) with σ the sigmoid and σ' its derivative, written out
        unfold=lambda m, e: e.xreplace({
            m.a_L[m.j]: 1 / (1 + sympy.exp(-m.z_L[m.j])),
            m.sigma_prime(m.z_L[m.j]): sympy.exp(-m.z_L[m.j]) / (1 + sympy.exp(-m.z_L[m.j])) ** 2,
        }),
        depth="any L: the proof involves the output layer L only",
    )
    def sm_unfold(m, e):  # every a^L_x is softmax(z^L)_x
        return e.replace(lambda x: isinstance(x, sympy.Indexed) and x.base == m.a_L, lambda x: m.softmax(x.indices[0]))

    for name, rhs, one_hot, stmt in (
        ("softmax-ce", lambda m: m.sum_y() * m.a_L[m.j] - m.y[m.j], False,
         r"\delta^L_j = \Big(\sum_k y_k\Big) a^L_j - y_j"),
        # As in the core catalogue, Σ_k y_k = 1 is an assumption of the network
        # (one_hot=True); asked of a network without it, the claim is refuted.
        ("softmax-ce-one-hot", lambda m: m.a_L[m.j] - m.y[m.j], True,
         r"\delta^L_j = a^L_j - y_j \quad \text{when } \sum_k y_k = 1"),
    ):
        add(
            name=name,
            statement=stmt,
            source="Dyda (softmax + categorical cross-entropy)",
            lhs=lambda m: m.delta_L[m.j],
            rhs=rhs,
            ranges=lambda m: [_r(m.j, m.n_L)],
            chain=(
                *_output_error_opening("a^L = softmax(z^L)"),
                Link(
                    lambda m: Sum(-m.y[m.k] / m.a_L[m.k] * m.da_dz_L[m.k, m.j], (m.k, 1, m.n_L)),
                    "lemma",
                    "lemma-dC-da-categorical",
                    "lemma-dC-da-categorical",
                ),
                Link(
                    lambda m: Sum(-m.y[m.k] / m.a_L[m.k] * m.softmax(m.k) * (KroneckerDelta(m.k, m.j) - m.softmax(m.j)),
                                  (m.k, 1, m.n_L)),
                    "lemma",
                    "lemma-softmax-jacobian",
                    "lemma-softmax-jacobian",
                ),
            ),
            outputs=("softmax",),
            unfold=sm_unfold,
            hypotheses=(lambda m: {m.sum_y(): 1}) if one_hot else (lambda m: {}),
            needs_one_hot=one_hot,
            # the same claim by differentiating the composed cost directly
            corroboration=("lemma-softmax-ce", "lemma-softmax-ce-one-hot") if one_hot else ("lemma-softmax-ce",),
            depth="any L: the proof involves the output layer L only",
        )
    return out


#: The identities proved by chains (the product formula is proved by induction in ``general``).
IDENTITIES: dict[str, GeneralIdentity] = _identities()
