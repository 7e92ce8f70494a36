r"""A softmax and its cross-entropy in notes written in their own terms (symbp issue 14).

Every verdict is compared with an independent computation made here: the composed expression
y_i = exp(u_i) / Σ_j exp(u_j), L = -Σ_k t_k log(y_k), built with SymPy's own constructors at n = 2 and 3, differentiated
with ``sympy.diff`` and compared with the claim's right side (written out by hand below) at random points in 40 digits.
Every "holds" is also re-checked by the numeric oracle (``graphoracle``: central differences of the notes'
definitions), and the gradient ∂L/∂u = y − t is never "holds": it is y Σ_k t_k − t, so it is refuted unless the notes
assume targets that sum to one (then conditional, naming the assumption).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import pytest
import sympy

from symbp.verify.extract import formulas
from symbp.verify.graphcheck import free_indices
from symbp.verify.graphnodes import to_latex
from symbp.verify.graphnotes import graph_notes
from symbp.verify.graphoracle import oracle_sides
from symbp.verify.graphread import read_graph
from symbp.verify.notes import verify_text
from symbp.verify.scan import scan

# -- the independent computation ----------------------------------------------------------------------


def _composed(n: int, one_hot: int | None = None, sum_one: bool = False):
    """(u, t, y, L, J) with J[i][j] = ∂y_i/∂u_j and L differentiated by sympy.diff, built from sympy.exp and sympy.log;
    t summing to one (its last entry 1 minus the others) or one-hot at class ``one_hot``."""
    u = [sympy.Symbol(f"u{k}", real=True) for k in range(1, n + 1)]
    t = [sympy.Symbol(f"t{k}", real=True) for k in range(1, n + 1)]
    if sum_one:
        t[-1] = 1 - sympy.Add(*t[:-1])
    if one_hot is not None:
        t = [sympy.Integer(int(k == one_hot)) for k in range(1, n + 1)]
    total = sympy.Add(*[sympy.exp(v) for v in u])
    y = [sympy.exp(v) / total for v in u]
    loss = -sympy.Add(*[tk * sympy.log(yk) for tk, yk in zip(t, y)])
    jac = [[sympy.diff(y[i], u[j]) for j in range(n)] for i in range(n)]
    grad = [sympy.diff(loss, u[j]) for j in range(n)]
    return u, t, y, loss, jac, grad


def _zero(expr, symbols, points: int = 4) -> bool:
    """Is ``expr`` 0 at ``points`` random rational points (40 digits)?"""
    rng = random.Random(3)
    for _ in range(points):
        at = {s: sympy.Rational(rng.randint(-9, 9), rng.randint(2, 7)) for s in symbols}
        if abs(sympy.N(expr.xreplace(at), 40)) > 1e-30:
            return False
    return True


def _delta(i, j):
    return int(i == j)


#: claim -> its right side entry (i, j) of ∂y/∂u (or None: the shapes differ from the Jacobian's)
JACOBIAN_CLAIMS = {
    r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)": lambda y, i, j: y[i] * (_delta(i, j) - y[j]),
    r"\frac{\partial y_i}{\partial u_j} = y_i([i = j] - y_j)": lambda y, i, j: y[i] * (_delta(i, j) - y[j]),
    (r"\frac{\partial y_i}{\partial u_j} = \begin{cases} y_i(1 - y_i) & \text{if } i = j \\ -y_i y_j & "
     r"\text{otherwise} \end{cases}"): lambda y, i, j: y[i] * (1 - y[i]) if i == j else -y[i] * y[j],
    (r"\frac{\partial y_i}{\partial u_j} = \begin{cases} -y_i y_j & i \neq j \\ y_i(1 - y_j) & i = j "
     r"\end{cases}"): lambda y, i, j: y[i] * (1 - y[j]) if i == j else -y[i] * y[j],
    r"\frac{\partial y}{\partial u} = \operatorname{diag}(y) - y y^T": lambda y, i, j: _delta(i, j) * y[i] - y[i] * y[j],
    # review 19 M1: the i ≠ j case first, "otherwise" the i = j case (was unreadable with the layered reader's reason)
    (r"\frac{\partial y_i}{\partial u_j} = \begin{cases} -y_i y_j & \text{if } i \neq j \\ y_i(1 - y_i) & "
     r"\text{otherwise} \end{cases}"): lambda y, i, j: y[i] * (1 - y[i]) if i == j else -y[i] * y[j],
    (r"\frac{\partial y_i}{\partial u_j} = \begin{cases} y_i(1 - y_i) & \text{if } i \neq j \\ -y_i y_j & "
     r"\text{otherwise} \end{cases}"): lambda y, i, j: -y[i] * y[j] if i == j else y[i] * (1 - y[i]),
    # the wrong variants
    r"\frac{\partial y}{\partial u} = \operatorname{diag}(y)": lambda y, i, j: _delta(i, j) * y[i],
    r"\frac{\partial y}{\partial u} = y y^T - \operatorname{diag}(y)": lambda y, i, j: y[i] * y[j] - _delta(i, j) * y[i],
    r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} + y_j)": lambda y, i, j: y[i] * (_delta(i, j) + y[j]),
    r"\frac{\partial y_i}{\partial u_j} = y_i(1 - y_j)": lambda y, i, j: y[i] * (1 - y[j]),
    r"\frac{\partial y_i}{\partial u_j} = y_i(1 - y_i)": lambda y, i, j: y[i] * (1 - y[i]),
    r"\frac{\partial y_i}{\partial u_j} = -y_i y_j": lambda y, i, j: -y[i] * y[j],
    r"\frac{\partial y}{\partial u} = y \odot (1 - y)": None,  # y(1 − y) entrywise: a vector, not the Jacobian
}

#: claim -> its right side entry j of ∂L/∂u (t and y the lists of _composed)
GRADIENT_CLAIMS = {
    r"\frac{\partial L}{\partial u} = y - t": lambda y, t, j: y[j] - t[j],
    r"\frac{\partial L}{\partial u_j} = y_j - t_j": lambda y, t, j: y[j] - t[j],
    r"\frac{\partial L}{\partial u} = t - y": lambda y, t, j: t[j] - y[j],
    r"\frac{\partial L}{\partial u} = -y - t": lambda y, t, j: -y[j] - t[j],
    r"\frac{\partial L}{\partial u_j} = y_j \sum_k t_k - t_j": lambda y, t, j: y[j] * sympy.Add(*t) - t[j],
    r"\frac{\partial L}{\partial u} = y - t \odot t": lambda y, t, j: y[j] - t[j] ** 2,
}

CHAIN = r"\frac{\partial L}{\partial u_j} = \sum_i \frac{\partial L}{\partial y_i}\frac{\partial y_i}{\partial u_j}"


def _jacobian_truth(claim: str) -> bool:
    rhs = JACOBIAN_CLAIMS[claim]
    if rhs is None:
        return False
    for n in (2, 3):
        u, _, y, _, jac, _ = _composed(n)
        if not all(_zero(jac[i][j] - rhs(y, i, j), u) for i in range(n) for j in range(n)):
            return False
    return True


def _gradient_truth(claim: str, **target) -> bool:
    rhs = GRADIENT_CLAIMS[claim]
    for n in (2, 3):
        for one_hot in (range(1, n + 1) if target.get("one_hot") else [None]):
            u, t, y, _, _, grad = _composed(n, one_hot, target.get("sum_one", False))
            symbols = u + [s for s in t if isinstance(s, sympy.Symbol)] + [
                s for e in t for s in sympy.sympify(e).free_symbols]
            if not all(_zero(grad[j] - rhs(y, t, j), symbols) for j in range(n)):
                return False
    return True


def test_the_independent_computation_knows_the_textbook_results():
    # hand: ∂y_i/∂u_j = y_i(δ_ij − y_j); ∂L/∂u_j = y_j Σ t − t_j, which is y_j − t_j only when Σ t = 1
    assert _jacobian_truth(r"\frac{\partial y}{\partial u} = \operatorname{diag}(y) - y y^T")
    assert not _jacobian_truth(r"\frac{\partial y_i}{\partial u_j} = y_i(1 - y_j)")
    assert not _gradient_truth(r"\frac{\partial L}{\partial u} = y - t")
    assert _gradient_truth(r"\frac{\partial L}{\partial u} = y - t", sum_one=True)
    assert _gradient_truth(r"\frac{\partial L}{\partial u} = y - t \odot t", one_hot=True)
    assert not _gradient_truth(r"\frac{\partial L}{\partial u} = y - t \odot t", sum_one=True)


# -- the notes ---------------------------------------------------------------------------------------------

SOFTMAX = r"""Let $u \in \mathbb{R}^n$ be the scores and $t$ the targets. The output is

$$y = \operatorname{softmax}(u)$$

and the loss is the cross-entropy

$$L = -\sum_{k=1}^{n} t_k \log y_k$$
"""


def _notes(preamble: str, claims) -> str:
    return preamble + "".join(f"\n$${c}$$\n" for c in claims)


@lru_cache(maxsize=None)
def _results(text: str) -> dict:
    report = verify_text(text, "auto")
    return {(row.formula.line, row.formula.text): row.result for row in report.rows}


def _by_text(text: str) -> dict:
    out: dict = {}
    for (_, claim), result in sorted(_results(text).items()):
        out.setdefault(claim, result)
    return out


def _model(text: str):
    return graph_notes(formulas(scan(text, "markdown")), text).model


@pytest.mark.parametrize("claim", list(JACOBIAN_CLAIMS))
def test_jacobian_claims_agree_with_sympy_diff_of_the_composed_softmax(claim):
    got = _by_text(_notes(SOFTMAX, JACOBIAN_CLAIMS))[claim]
    assert got.status == ("holds" if _jacobian_truth(claim) else "refuted"), (claim, got.status, got.reason)


@pytest.mark.parametrize("claim", [c for c in GRADIENT_CLAIMS] + [CHAIN])
def test_gradient_claims_without_an_assumption_on_the_targets(claim):
    # no one-hot and no Σ t = 1 in the notes: y − t is refuted (it is y Σ t − t), and nothing says "holds" wrongly
    got = _by_text(_notes(SOFTMAX, [*GRADIENT_CLAIMS, CHAIN]))[claim]
    truth = True if claim == CHAIN else _gradient_truth(claim)
    assert got.status == ("holds" if truth else "refuted"), (claim, got.status, got.reason)
    if got.status == "refuted":
        assert got.counterexample is not None, claim


def test_y_minus_t_is_refuted_with_a_counterexample_whose_targets_do_not_sum_to_one():
    got = _by_text(_notes(SOFTMAX, [r"\frac{\partial L}{\partial u} = y - t"]))[r"\frac{\partial L}{\partial u} = y - t"]
    assert got.status == "refuted"
    ts = [sympy.Rational(v) for k, v in got.counterexample.point.items() if k.startswith("t_")]
    assert ts and sum(ts) != 1  # the counterexample lies where the assumption the claim needs fails


def test_every_softmax_holds_agrees_with_the_numeric_oracle():
    claims = [c for c in JACOBIAN_CLAIMS if _jacobian_truth(c)] + [
        r"\frac{\partial L}{\partial u_j} = y_j \sum_k t_k - t_j", CHAIN]
    text = _notes(SOFTMAX, claims)
    model = _model(text)
    got = _by_text(text)
    checked = 0
    for claim in claims:
        assert got[claim].status == "holds", claim
        eq = read_graph(claim)
        ranges = free_indices(eq, model)
        names = sorted(ranges)
        combos = [dict(zip(names, c)) for c in __import__("itertools").product(
            *(range(1, ranges[n] + 1) for n in names))]
        for bind in combos:
            for layout in ("denominator", "numerator"):  # the Jacobian of a softmax is symmetric: both layouts
                for seed in range(2):
                    left, right = oracle_sides(eq, model, layout, bind, seed=seed)
                    left, right = (left, right) if isinstance(left, list) else ([left], [right])
                    assert len(left) == len(right)
                    for a, b in zip(left, right):
                        assert abs(a - b) < 1e-20 * (1 + abs(a)), (claim, bind, a, b)
        checked += 1
    assert checked == len(claims)


# -- the spellings of the definitions ---------------------------------------------------------------------

DEFINITIONS = [
    r"y = \operatorname{softmax}(u)",
    r"y = \mathrm{softmax}(u)",
    r"y = \text{softmax}(u)",
    r"y_i = \frac{e^{u_i}}{\sum_j e^{u_j}}",
    r"y_i = \frac{\exp(u_i)}{\sum_{k=1}^{n} \exp(u_k)}",
    r"y_j = \frac{e^{u_j}}{\sum_{k=1}^{n} e^{u_k}}",
]
LOSSES = [r"L = -\sum_k t_k \log y_k", r"L = -\sum_{k=1}^{n} t_k \ln y_k", r"L = - \sum_{k=1}^{n} t_k \log(y_k)"]
CORE = [r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)",
        r"\frac{\partial y}{\partial u} = \operatorname{diag}(y) - y y^T",
        r"\frac{\partial y_i}{\partial u_j} = y_i(1 - y_j)",
        r"\frac{\partial L}{\partial u} = y - t",
        r"\frac{\partial L}{\partial u} = t - y",
        r"\frac{\partial L}{\partial u_j} = y_j \sum_k t_k - t_j"]


@pytest.mark.parametrize("definition, loss", [(d, LOSSES[k % len(LOSSES)]) for k, d in enumerate(DEFINITIONS)])
def test_every_spelling_of_the_softmax_and_the_loss_is_read(definition, loss):
    text = (r"Let $u \in \mathbb{R}^n$ be the scores and $t$ the targets." "\n\n"
            f"$${definition}$$\n\n$${loss}$$\n" + "".join(f"\n$${c}$$\n" for c in CORE))
    got = _by_text(text)
    for claim in CORE:
        truth = _jacobian_truth(claim) if claim in JACOBIAN_CLAIMS else _gradient_truth(claim)
        assert got[claim].status == ("holds" if truth else "refuted"), (definition, claim, got[claim].reason)
    lines = "; ".join(_model(text).lines())
    assert re.search(r"\by a [^;]*vector[^;]* of 2\b", lines) and re.search(r"\bt a [^;]*vector[^;]* of 2\b", lines)
    assert "checked at two choices" in lines  # n open: the claims hold at n = 2 and at n = 3


def test_sizes_come_from_the_notes_through_the_shared_index():
    # u has three entries written out; y (entrywise definition) and t (the loss's sum) share its size
    text = (r"Let $u = (u_1, u_2, u_3)$ be the scores and $t$ the targets." "\n\n"
            r"$$y_i = \frac{e^{u_i}}{\sum_j e^{u_j}}$$" "\n\n" r"$$L = -\sum_k t_k \log y_k$$" "\n\n"
            r"$$\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)$$" "\n")
    lines = "; ".join(_model(text).lines())
    assert re.search(r"\by a [^;]*vector[^;]* of 3\b", lines) and re.search(r"\bt a [^;]*vector[^;]* of 3\b", lines)
    got = _by_text(text)[r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)"]
    assert got.status == "holds" and "9 instances" in got.reason  # i, j in 1..3


# -- the assumption on the targets ----------------------------------------------------------------------------

ONE_HOT_CLAIMS = [r"\frac{\partial L}{\partial u} = y - t", r"\frac{\partial L}{\partial u} = t - y",
                  r"\frac{\partial L}{\partial u} = y - t \odot t", r"\frac{\partial L}{\partial u} = -y - t"]


@pytest.mark.parametrize("words, target", [
    ("From here on $t$ is a one-hot vector.", {"one_hot": True}),
    ("The one-hot target $t$ marks the class.", {"one_hot": True}),
    ("Cíl $t$ je one-hot vektor.", {"one_hot": True}),  # review 20 F1: Czech and Polish were missed
    ("Zakładamy, że $t$ jest wektorem one-hot.", {"one_hot": True}),
    ("Целевой вектор $t$ — one-hot вектор.", {"one_hot": True}),
    (r"The targets satisfy $$\sum_k t_k = 1$$", {"sum_one": True}),
    (r"We assume $$\sum_{k=1}^{n} t_k = 1.$$", {"sum_one": True}),
])
def test_claims_under_the_notes_assumption_on_the_targets_are_conditional_never_holds(words, target):
    text = SOFTMAX + "\n" + words + "\n" + "".join(f"\n$${c}$$\n" for c in ONE_HOT_CLAIMS)
    got = _by_text(text)
    for claim in ONE_HOT_CLAIMS:
        assert not _gradient_truth(claim)  # none holds for every t
        want = "conditional" if _gradient_truth(claim, **target) else "refuted"
        assert got[claim].status == want, (words, claim, got[claim].status, got[claim].reason)
        if want == "conditional":
            assert "assumed on line" in got[claim].reason and got[claim].verdict == "conditional"


@pytest.mark.parametrize("words", ["We do not assume that $t$ is one-hot.", "Here $t$ is never one-hot.",
                                   "Cíl $t$ není one-hot vektor.", "Nie zakładamy, że $t$ jest wektorem one-hot.",
                                   r"We do not assume $$\sum_k t_k = 1$$"])
def test_a_negated_assumption_assumes_nothing(words):
    claim = r"\frac{\partial L}{\partial u} = y - t"
    got = _by_text(SOFTMAX + "\n" + words + "\n" + f"\n$${claim}$$\n")
    assert got[claim].status == "refuted", got[claim].reason


def test_the_assumption_is_in_force_only_after_it_is_said():
    claim = r"\frac{\partial L}{\partial u} = y - t"
    text = SOFTMAX + f"\n$${claim}$$\n\nFrom now on $t$ is one-hot.\n\n$${claim}$$\n"
    rows = {line: r.status for (line, c), r in _results(text).items() if c == claim}
    assert sorted(rows.values()) == ["conditional", "refuted"]
    first, second = sorted(rows)
    assert rows[first] == "refuted" and rows[second] == "conditional"


def test_the_sum_to_one_formula_is_the_assumption_not_a_claim():
    text = SOFTMAX + "\n" + r"Assume $$\sum_k t_k = 1$$" + "\n"
    report = verify_text(text, "auto")
    assert not any("t_k = 1" in row.formula.text for row in report.rows)  # no verdict: it is not refuted as a claim


def test_a_derivative_by_the_targets_is_not_judged_under_the_tie():
    claim = r"\frac{\partial L}{\partial t_k} = \log y_k"  # wrong: it is −log y_k
    got = _by_text(SOFTMAX + "\nFrom now on $t$ is one-hot.\n" + f"\n$${claim}$$\n")[claim]
    assert got.status == "uninterpretable" and "ties the entries of t" in got.reason
    right = r"\frac{\partial L}{\partial t_k} = -\log y_k"
    assert _by_text(SOFTMAX + f"\n$${right}$$\n")[right].status == "holds"


# -- reading ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, shown", [
    (r"a_{ij} = [i = j]", r"a_{ij} = \delta_{ij}"),
    (r"a_{ij} = [i \neq j]", r"a_{ij} = 1 - \delta_{ij}"),
    (r"y_i = e^{u_i}", r"y_i = e^{u_i}"),
    (r"y = \text{softmax}(u)", r"y = \operatorname{softmax}(u)"),
    (r"a_{ij} = \begin{cases} 1 & i = j \\ 0 & \text{otherwise} \end{cases}",
     r"a_{ij} = \delta_{ij} 1 + \left(1 - \delta_{ij}\right) 0"),
])
def test_the_reader_spellings(text, shown):
    assert to_latex(read_graph(text)) == shown


@pytest.mark.parametrize("text", [
    r"a_{ij} = \begin{cases} 1 & i = j \\ 0 & i = k \end{cases}",  # not i = j against i ≠ j
    r"a_{ij} = \begin{cases} 1 & i > j \\ 0 & \text{otherwise} \end{cases}",
    r"a_{ij} = \begin{cases} 1 & i = j \\ 2 & i \neq j \\ 3 & \text{otherwise} \end{cases}",
    r"y = \operatorname{softmax}'(u)",
])
def test_what_the_reader_does_not_take(text):
    from symbp.verify.lexer import ReadError

    with pytest.raises(ReadError):
        read_graph(text)


def test_e_to_a_power_is_not_the_exponential_when_e_is_a_quantity_of_the_notes():
    text = (r"Let $u \in \mathbb{R}^n$ and $e = u + u$." "\n\n" r"$$y_i = \frac{e^{u_i}}{\sum_j e^{u_j}}$$" "\n\n"
            r"$$\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)$$" "\n")
    got = _by_text(text)[r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)"]
    assert got.status not in ("holds", "refuted"), got.reason


def test_a_loss_without_its_minus_sign_flips_the_gradient():
    # L = Σ_k t_k log y_k (the minus forgotten): ∂L/∂u_j = t_j − y_j Σ t by sympy.diff, so neither y − t nor t − y
    # holds for every t, and y_j Σ t − t_j is refuted while its negative holds
    text = (r"Let $u \in \mathbb{R}^n$ be the scores and $t$ the targets." "\n\n" r"$$y = \operatorname{softmax}(u)$$"
            "\n\n" r"$$L = \sum_k t_k \log y_k$$" "\n")
    claims = {r"\frac{\partial L}{\partial u} = y - t": lambda y, t, j: y[j] - t[j],
              r"\frac{\partial L}{\partial u} = t - y": lambda y, t, j: t[j] - y[j],
              r"\frac{\partial L}{\partial u_j} = y_j \sum_k t_k - t_j": lambda y, t, j: y[j] * sympy.Add(*t) - t[j],
              r"\frac{\partial L}{\partial u_j} = t_j - y_j \sum_k t_k": lambda y, t, j: t[j] - y[j] * sympy.Add(*t)}
    got = _by_text(_notes(text, claims))
    for claim, rhs in claims.items():
        truth = True
        for n in (2, 3):
            u, t, y, _, _, grad = _composed(n)
            truth = truth and all(_zero(-grad[j] - rhs(y, t, j), u + t) for j in range(n))
        assert got[claim].status == ("holds" if truth else "refuted"), (claim, got[claim].reason)
    assert got[r"\frac{\partial L}{\partial u_j} = t_j - y_j \sum_k t_k"].status == "holds"


# -- review 19 ---------------------------------------------------------------------------------------------------

DECLARED = "Let $u$ be a column vector with entries $u_1, u_2, u_3$.\n"


def _bounded_softmax_jacobian(n: int, top: int):
    """∂y_i/∂u_j of y_i = e^{u_i} / Σ_{j=1}^{top} e^{u_j} with u of n entries, by sympy.diff (what the notes'
    definition computes when the bound is taken as written)."""
    u = [sympy.Symbol(f"u{k}", real=True) for k in range(1, n + 1)]
    total = sympy.Add(*[sympy.exp(v) for v in u[:top]])
    y = [sympy.exp(v) / total for v in u]
    return u, y, [[sympy.diff(y[i], u[j]) for j in range(n)] for i in range(n)]


def test_review19_f19_a_sum_bound_against_the_declared_size_is_uninterpretable_naming_both():
    # u has three entries written out; the softmax normalises by e^{u_1} + e^{u_2} only. Read as written the textbook
    # Jacobian is false (∂y_1/∂u_3 = 0, not −y_1 y_3: checked here by sympy.diff), read at the bound's size it would
    # hold: the notes contradict themselves, so no verdict may be "holds"
    u, y, jac = _bounded_softmax_jacobian(3, 2)
    assert not _zero(jac[0][2] - y[0] * (0 - y[2]), u)
    claim = r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)"
    for top in ("2", "4"):
        text = DECLARED + r"$$y_i = \frac{e^{u_i}}{\sum_{j=1}^{" + top + r"} e^{u_j}}$$" + f"\n$${claim}$$\n"
        got = _by_text(text)[claim]
        assert got.status in ("uninterpretable", "unreadable"), (top, got.status, got.reason)
        assert f"the sum runs to {top}" in got.reason and "u has 3 entries (said on line 1)" in got.reason, got.reason
    # the bound equal to the declared size: the Jacobian holds (at n = 3, 9 instances), the wrong one is refuted
    text = DECLARED + r"$$y_i = \frac{e^{u_i}}{\sum_{j=1}^{3} e^{u_j}}$$" + f"\n$${claim}$$\n" \
        + "\n$$\\frac{\\partial y_i}{\\partial u_j} = y_i(1 - y_j)$$\n"
    got = _by_text(text)
    assert _jacobian_truth(claim) and got[claim].status == "holds" and "9 instances" in got[claim].reason
    assert got[r"\frac{\partial y_i}{\partial u_j} = y_i(1 - y_j)"].status == "refuted"


def test_review19_entries_written_out_in_the_prose_size_the_vector():
    # "with entries $u_1, u_2, u_3$": u has 3 entries (it was checked at 2 only)
    claim = r"\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)"
    text = DECLARED + r"$$y_i = \frac{e^{u_i}}{\sum_{j} e^{u_j}}$$" + f"\n$${claim}$$\n"
    assert re.search(r"\bu a [^;]*vector[^;]* of 3\b", "; ".join(_model(text).lines()))
    assert _by_text(text)[claim].status == "holds" and "9 instances" in _by_text(text)[claim].reason


S0 = DECLARED + "$$y = \\operatorname{softmax}(u)$$\n$$L = -\\sum_k t_k \\log y_k$$\n"
NOT_MADE = [
    "If we had assumed that $t$ is a one-hot vector, the gradient would simplify.",
    "We would like to assume that $t$ is a one-hot vector, but we cannot.",
    r"If the targets were one-hot, we would have $\sum_k t_k = 1$.",
    r"It is not the case that $\sum_k t_k = 1$.",
    r"Note that $\sum_k t_k = 1$ fails in general.",
    r"Imagine replacing $t$ by a one-hot vector, so that $\sum_k t_k = 1$.",
    r"Only for a one-hot target would $\sum_k t_k = 1$ hold.",
    "We drop the assumption that $t$ is a one-hot vector.",
    r"In general $\sum_k t_k \neq 1$; the one-hot target $t$ is the exception.",
]


@pytest.mark.parametrize("words", NOT_MADE)
def test_review19_f6_words_that_imagine_or_doubt_the_assumption_make_none(words):
    # a paragraph of its own after them: each claim judged for every t, against sympy.diff of the composed loss
    claims = ONE_HOT_CLAIMS + [r"\frac{\partial L}{\partial u_j} = y_j \sum_k t_k - t_j"]
    got = _by_text(S0 + words + "\n\n" + "".join(f"$${c}$$\n" for c in claims))
    for claim in claims:
        want = "holds" if _gradient_truth(claim) else "refuted"
        assert got[claim].status == want, (words, claim, got[claim].status, got[claim].reason)


@pytest.mark.parametrize("words", [w for w in NOT_MADE if re.search(r"If|Imagine|would", w) and "cannot" not in w])
def test_review19_f6_a_claim_in_the_scope_of_an_imagined_assumption_is_stated_under_it(words):
    # right after the hypothetical, in its paragraph: stated under it, never conditional nor holds (as in layered notes)
    claim = r"\frac{\partial L}{\partial u} = y - t"
    got = _by_text(S0 + words + f"\n$${claim}$$\n")[claim]
    assert got.status == "uninterpretable" and "stated under the hypothetical" in got.reason, (got.status, got.reason)
    assert not any("goes on" in r.reason for r in _results(S0 + words + f"\n$${claim}$$\n").values())


def test_review19_m1_a_case_split_not_read_says_why_in_the_notes_own_terms():
    claim = (r"\frac{\partial y_i}{\partial u_j} = \begin{cases} -y_i y_j & \text{if } i \neq j \\ y_i(1 - y_i) & "
             r"\text{if } i = j \\ 0 & \text{otherwise} \end{cases}")
    got = _by_text(S0 + f"\n$${claim}$$\n")[claim]
    assert got.status == "unreadable" and got.reason.startswith("in the notes' own terms: a case split of 3 cases"), \
        got.reason
