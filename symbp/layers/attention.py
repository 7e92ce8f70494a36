r"""Single-head scaled dot-product attention: O = softmax(Q K^T / √d) V.

Queries Q (T_q × d), keys K (T_k × d), values V (T_k × d_v), indices from 1
(Vaswani et al., *Attention Is All You Need*, 2017, eq. 1):

.. math:: S_{ij} = \frac{1}{\sqrt d} \sum_a Q_{ia} K_{ja},\qquad
          P_{ij} = \frac{e^{S_{ij}}}{\sum_{j'} e^{S_{ij'}}},\qquad
          O_{ib} = \sum_j P_{ij} V_{jb}.

With G = ∂L/∂O from above, the backward pass (as in Dao et al.,
*FlashAttention*, 2022, Appendix B):

.. math:: \frac{\partial L}{\partial V} = P^{\mathsf T} G,\quad
          dP = G V^{\mathsf T},\quad
          dS = P \odot \big(dP - \mathrm{rowsum}(dP \odot P)\big),\quad
          \frac{\partial L}{\partial Q} = \frac{1}{\sqrt d}\, dS\, K,\quad
          \frac{\partial L}{\partial K} = \frac{1}{\sqrt d}\, dS^{\mathsf T} Q.

The dS line is the softmax's backward pass of each row (``softmax``). In the
exact algebra e^{S_{ij}} and 1/Σ_j e^{S_{ij}} are atoms, and 1/√d is
rational when d is a square and an atom otherwise.

>>> attention().leaf_count
24
"""

from __future__ import annotations

from dataclasses import dataclass

from .identity import CannotForm, LayerIdentity, Step
from .softmax import probabilities, vjp
from .spec import LayerSpec, positions, validate

SOURCE = "Vaswani et al., Attention Is All You Need (2017); the backward pass as in Dao et al., FlashAttention (2022), Appendix B"


@dataclass(frozen=True)
class Attention(LayerSpec):
    """softmax(Q K^T/√d) V with ``queries`` = T_q, ``keys`` = T_k, ``dim`` = d, ``values`` = d_v."""

    queries: int = 3
    keys: int = 3
    dim: int = 2
    values: int = 2

    kind = "attention"
    PARAMS = {"queries": "pos", "keys": "pos", "dim": "pos", "values": "pos"}
    NAMES = {"Q": ("Q", "Q"), "K": ("K", "K"), "V": ("V", "V"), "g": ("G", "G"), "S": ("S", "S"), "P": ("P", "P"),
             "O": ("O", "O")}
    PROBES = ("S",)

    def check(self) -> None:
        validate(self)

    def leaves(self) -> dict:
        return {
            "Q": positions(self.queries, self.dim),
            "K": positions(self.keys, self.dim),
            "V": positions(self.keys, self.values),
            "g": self.outputs(),
        }

    def outputs(self) -> list:
        return positions(self.queries, self.values)

    def probe_indices(self, name: str) -> list:
        if name == "S":
            return positions(self.queries, self.keys)
        raise KeyError(name)

    def forward(self, tape) -> dict:
        Q, K, V = (tape.leaves[n] for n in ("Q", "K", "V"))
        scale = tape.inv_sqrt_const(self.dim)
        out = {}
        for i in range(1, self.queries + 1):
            S = []
            for j in range(1, self.keys + 1):
                s = tape.sum(Q[(i, a)] * K[(j, a)] for a in range(1, self.dim + 1)) * scale.value
                S.append(tape.keep("S", (i, j), tape.probe("S", (i, j), s)))
            for j, p in enumerate(probabilities(tape, S, (i,)), start=1):
                tape.keep("P", (i, j), p)
            for b in range(1, self.values + 1):
                out[(i, b)] = tape.sum(tape.named["P"][(i, j)] * V[(j, b)] for j in range(1, self.keys + 1))
        return out

    def reference(self, values: dict, probes: dict, mp, activation: str) -> dict:
        O = {}
        for i in range(1, self.queries + 1):
            scores = []
            for j in range(1, self.keys + 1):
                dot = mp.fsum(values[("Q", (i, a))] * values[("K", (j, a))] for a in range(1, self.dim + 1))
                scores.append(dot / mp.sqrt(self.dim) + probes.get(("S", (i, j)), 0))
            weights = [mp.exp(s) for s in scores]
            total = mp.fsum(weights)
            for b in range(1, self.values + 1):
                O[(i, b)] = mp.fsum(w / total * values[("V", (j, b))] for j, w in enumerate(weights, start=1))
        return O


def attention(queries: int = 3, keys: int = 3, dim: int = 2, values: int = 2) -> Attention:
    """Scaled dot-product attention of ``queries`` queries over ``keys`` keys (Q, K: d = ``dim``; V: ``values``)."""
    spec = Attention(queries, keys, dim, values)
    spec.check()
    return spec


# -- the formulas --------------------------------------------------------------------------


def _matmul(v, A: dict, B: dict, rows: int, inner: int, cols: int, inner_b: int, what: str) -> dict:
    if inner != inner_b:
        raise CannotForm(f"{what}: a {rows}×{inner} matrix times a {inner_b}×{cols} matrix")
    return {(r, c): v.total(A[(r, k)] * B[(k, c)] for k in range(1, inner + 1)) for r in range(1, rows + 1) for c in range(1, cols + 1)}


def _T(A: dict) -> dict:
    return {(c, r): x for (r, c), x in A.items()}


def _dS(v, *, rowsum: bool = True) -> dict:
    spec, P, V = v.spec, v["P"], v["V"]
    dP = _matmul(v, v.g, _T(V), spec.queries, spec.values, spec.keys, spec.values, "dP = G V^T")
    out = {}
    for i in range(1, spec.queries + 1):
        row_p = [P[(i, j)] for j in range(1, spec.keys + 1)]
        row_g = [dP[(i, j)] for j in range(1, spec.keys + 1)]
        row = vjp(v, row_p, row_g) if rowsum else [p * g for p, g in zip(row_p, row_g)]
        for j, x in enumerate(row, start=1):
            out[(i, j)] = x
    return out


def value_rule(v, *, transposed: bool = True) -> dict:
    spec, P = v.spec, v["P"]
    if transposed:
        dV = _matmul(v, _T(P), v.g, spec.keys, spec.queries, spec.values, spec.queries, "P^T G")
    else:
        dV = _matmul(v, P, v.g, spec.queries, spec.keys, spec.values, spec.queries, "P G")
    return {("V", k): x for k, x in dV.items()}


def query_rule(v, *, scaled: bool = True, rowsum: bool = True) -> dict:
    spec = v.spec
    dQ = _matmul(v, _dS(v, rowsum=rowsum), v["K"], spec.queries, spec.keys, spec.dim, spec.keys, "dS K")
    c = v.inv_sqrt_const(spec.dim) if scaled else 1
    return {("Q", k): x * c for k, x in dQ.items()}


def key_rule(v, *, scaled: bool = True, transposed: bool = True) -> dict:
    spec, dS = v.spec, _dS(v)
    if transposed:
        dK = _matmul(v, _T(dS), v["Q"], spec.keys, spec.queries, spec.dim, spec.queries, "dS^T Q")
    else:
        dK = _matmul(v, dS, v["Q"], spec.queries, spec.keys, spec.dim, spec.queries, "dS Q")
    c = v.inv_sqrt_const(spec.dim) if scaled else 1
    return {("K", k): x * c for k, x in dK.items()}


def _through_scores(v, name: str) -> dict:
    # Σ_{i,j} (∂L/∂S_ij, by differentiation) (∂S_ij/∂name): the chain rule through the scores.
    spec = v.spec
    return {(name, idx): v.total(v.dL("S", s) * v.d("S", s, name, idx) for s in spec.probe_indices("S"))
            for idx in spec.indices(name)}


def _scores_lemma(v, name: str) -> dict:
    # ∂L/∂S by differentiation, then ∂S_ij/∂Q_ia = K_ja/√d (or ∂S_ij/∂K_ja = Q_ia/√d) read off the definition.
    spec = v.spec
    c = v.inv_sqrt_const(spec.dim)
    other = v["K"] if name == "Q" else v["Q"]
    out = {}
    for (r, a) in spec.indices(name):
        if name == "Q":
            out[("Q", (r, a))] = v.total(v.dL("S", (r, j)) * other[(j, a)] for j in range(1, spec.keys + 1)) * c
        else:
            out[("K", (r, a))] = v.total(v.dL("S", (i, r)) * other[(i, a)] for i in range(1, spec.queries + 1)) * c
    return out


def _chain_v(v) -> dict:
    return v.chain("V")


VALUE = LayerIdentity(
    name="attention-value-gradient", kind="attention", title="attention: ∂L/∂V = P^T G",
    statement=r"\frac{\partial L}{\partial V} = P^{\mathsf T} G", source=SOURCE, wrt=("V",), claim=value_rule,
    lhs=r"\frac{\partial L}{\partial V_{jb}}", why=r"$\partial O_{ib}/\partial V_{jb} = P_{ij}$",
    steps=(Step(r"\sum_{i,b'} G_{ib'} \frac{\partial O_{ib'}}{\partial V_{jb}}", "chain rule", _chain_v),),
)
QUERY = LayerIdentity(
    name="attention-query-gradient", kind="attention", title="attention: ∂L/∂Q = dS K/√d",
    statement=r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt d}\, dS\, K,\quad dS = P \odot \big(dP - \mathrm{rowsum}(dP \odot P)\big),\ dP = G V^{\mathsf T}",
    source=SOURCE, wrt=("Q",), claim=query_rule, lhs=r"\frac{\partial L}{\partial Q_{ia}}",
    why=r"$\partial L/\partial S = dS$: each row's softmax backward pass (softmax-backward)",
    steps=(
        Step(r"\sum_{i',j} \frac{\partial L}{\partial S_{i'j}} \frac{\partial S_{i'j}}{\partial Q_{ia}}", "chain rule through the scores",
             lambda v: _through_scores(v, "Q")),
        Step(r"\frac{1}{\sqrt d} \sum_j \frac{\partial L}{\partial S_{ij}} K_{ja}", r"$S_{ij} = \frac{1}{\sqrt d}\sum_a Q_{ia}K_{ja}$",
             lambda v: _scores_lemma(v, "Q")),
    ),
    extra=("S",),
)
KEY = LayerIdentity(
    name="attention-key-gradient", kind="attention", title="attention: ∂L/∂K = dS^T Q/√d",
    statement=r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt d}\, dS^{\mathsf T} Q", source=SOURCE, wrt=("K",), claim=key_rule,
    lhs=r"\frac{\partial L}{\partial K_{ja}}", why=r"$\partial L/\partial S = dS$: each row's softmax backward pass (softmax-backward)",
    steps=(
        Step(r"\sum_{i,j'} \frac{\partial L}{\partial S_{ij'}} \frac{\partial S_{ij'}}{\partial K_{ja}}", "chain rule through the scores",
             lambda v: _through_scores(v, "K")),
        Step(r"\frac{1}{\sqrt d} \sum_i \frac{\partial L}{\partial S_{ij}} Q_{ia}", r"$S_{ij} = \frac{1}{\sqrt d}\sum_a Q_{ia}K_{ja}$",
             lambda v: _scores_lemma(v, "K")),
    ),
    extra=("S",),
)
IDENTITIES = (VALUE, QUERY, KEY)
