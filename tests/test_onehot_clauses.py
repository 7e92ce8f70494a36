r"""A one-hot assumption beside an unrelated negation in its sentence (review 24 R4), against a hand derivation.

Hand: a_j = e^{z_j} / Σ_k e^{z_k}, C = −Σ_k y_k ln a_k, so ∂C/∂z_j = a_j Σ_k y_k − y_j: a_j − y_j exactly when the
targets sum to one (``_truth`` checks it with sympy.diff at every one-hot y of 3 outputs and at a general y). A
"not" in a consequence ("…, so we do not need the other terms", "…; this does not change the network") does not
take the assumption back; one in its own clause ("y is not one-hot", "we do not assume one-hot targets") or in a
later clause about its truth ("…, which does not hold in general") does."""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.clauses import own_clause, taken_back
from symbp.verify.notes import verify_text
from symbp.verify.sentences import doubts


def _truth(rhs, one_hot: bool) -> bool:
    z = sympy.symbols("z1:4")
    a = [sympy.exp(v) / sum(sympy.exp(w) for w in z) for v in z]
    targets = [[sympy.Integer(int(k == c)) for k in range(3)] for c in range(3)] if one_hot else [list(sympy.symbols("y1:4"))]
    point = {v: sympy.Rational(k + 2, 7) * (-1) ** k for k, v in enumerate(z)}
    for y in targets:
        cost = -sum(y[k] * sympy.log(a[k]) for k in range(3))
        for j in range(3):
            at = (sympy.diff(cost, z[j]) - rhs(a, y, j)).subs(point)
            at = at.subs({s: sympy.Rational(3 + i, 11) for i, s in enumerate(sorted(at.free_symbols, key=str))})
            if abs(sympy.N(at, 30)) > 1e-20:
                return False
    return True


LAYERED = ("The hidden layers are $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$ for $l < L$; the output "
           "layer is a softmax, $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$, and the cost is\n"
           "$$C = -\\sum_k y_k \\ln(a^L_k)$$\n{words}\n$${claim}$$\n")
RIGHT = r"\frac{\partial C}{\partial b^L_j} = a^L_j - y_j"
WRONG = r"\frac{\partial C}{\partial b^L_j} = a^L_j - 2 y_j"
SIDES = {RIGHT: lambda a, y, j: a[j] - y[j], WRONG: lambda a, y, j: a[j] - 2 * y[j]}

ASSUMED = ["The target $y$ is a one-hot vector, so we do not need the other terms.",
           "The target $y$ is one-hot; we do not use a bias in the last layer.",
           "We assume one-hot targets; this does not change the network.",
           r"Assume $\sum_k y_k = 1$; this does not change the network.",
           r"We assume $\sum_k y_k = 1$, so we do not need the other terms.",
           "Cíl $y$ je one-hot vektor, takže ostatní členy nepotřebujeme.",
           "Zakładamy, że $y$ jest wektorem one-hot; to nie zmienia sieci.",
           "Целевой вектор $y$ — one-hot вектор, поэтому остальные члены не нужны."]
NOT_ASSUMED = ["The target $y$ is not one-hot, so we need all the terms.",
               "We do not assume one-hot targets; the network is as above.",
               "We do not assume one-hot targets.",
               r"Assume $\sum_k y_k = 1$, which does not hold in general.",
               "Nie zakładamy, że $y$ jest wektorem one-hot; to nie zmienia sieci.",
               "Cíl $y$ není one-hot vektor, takže potřebujeme všechny členy."]


def _status(words: str, claim: str) -> str:
    report = verify_text(LAYERED.replace("{words}", words).replace("{claim}", claim), "auto")
    return next(r.result.status for r in report.rows if r.formula.text == claim)


def test_softmax_gradient_is_a_minus_y_only_for_one_hot_targets():
    assert _truth(SIDES[RIGHT], True) and not _truth(SIDES[RIGHT], False)
    assert not _truth(SIDES[WRONG], True)


@pytest.mark.parametrize("words", ASSUMED)
@pytest.mark.parametrize("claim", [RIGHT, WRONG])
def test_layered_one_hot_beside_an_unrelated_negation_is_assumed(words, claim):
    assert _status(words, claim) == ("holds" if _truth(SIDES[claim], one_hot=True) else "refuted"), words


@pytest.mark.parametrize("words", NOT_ASSUMED)
def test_layered_one_hot_negated_in_its_own_clause_is_not_assumed(words):
    assert _status(words, RIGHT) == "refuted", words


GRAPH = r"""Let $u \in \mathbb{R}^n$ be the scores and $t$ the targets. The output is

$$y = \operatorname{softmax}(u)$$

and the loss is the cross-entropy

$$L = -\sum_{k=1}^{n} t_k \log y_k$$

{words}

$$\frac{\partial L}{\partial u} = y - t$$
"""


@pytest.mark.parametrize("words, status", [
    ("Here $t$ is a one-hot vector, so we do not need the other terms.", "conditional"),
    ("The one-hot target $t$ marks the class; this does not change the network.", "conditional"),
    (r"We assume $\sum_k t_k = 1$; this does not change the network.", "conditional"),
    ("Zakładamy, że $t$ jest wektorem one-hot; to nie zmienia sieci.", "conditional"),
    ("Here $t$ is not one-hot, so we need all the terms.", "refuted"),
    (r"We assume $\sum_k t_k = 1$, which does not hold in general.", "refuted"),
    ("We do not assume that $t$ is one-hot; this does not change the network.", "refuted"),
])
def test_graph_one_hot_beside_an_unrelated_negation(words, status):
    claim = r"\frac{\partial L}{\partial u} = y - t"
    report = verify_text(GRAPH.replace("{words}", words), "auto")
    assert next(r.result.status for r in report.rows if r.formula.text == claim) == status, words


def test_clauses_cut_at_consequences_not_at_but():
    s = "We would like to assume that $t$ is one-hot, but we cannot."
    assert taken_back(s, s.index("one-hot"), s.index("one-hot") + 7, doubts)
    s = "Cíl $y$ je one-hot vektor, takže ostatní členy nepotřebujeme."
    assert own_clause(s, 0, 3) == "Cíl $y$ je one-hot vektor"
