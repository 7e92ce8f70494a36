r"""One-hot targets said in words in layered notes (review 20, F1), against a hand derivation.

Hand: a_j = e^{z_j} / Σ_k e^{z_k}, C = −Σ_k y_k ln a_k, so ∂C/∂z_j = −Σ_k y_k (δ_jk − a_j) = a_j Σ_k y_k − y_j: it is
a_j − y_j for a one-hot y (Σ_k y_k = 1), not for every y. ``_truth`` computes the same with ``sympy.diff`` of the
composed expression (n = 3 outputs) and compares each claim's right side at every one-hot y and at a general y.
∂C/∂b^L_j = ∂C/∂z^L_j and ∂C/∂w^L_{jk} = a^{L-1}_k ∂C/∂z^L_j (z^L = w^L a^{L-1} + b^L).
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text

_N = 3

#: claim -> its right side as a function of (a, y, j, Σy), for ∂C/∂z^L_j (bias: the same; weights: times a^{L-1}_k)
CLAIMS = {
    r"\frac{\partial C}{\partial b^L_j} = a^L_j - y_j": lambda a, y, j: a[j] - y[j],
    r"\frac{\partial C}{\partial b^L_j} = y_j - a^L_j": lambda a, y, j: y[j] - a[j],
    r"\frac{\partial C}{\partial b^L_j} = (a^L_j - y_j)\, a^L_j (1 - a^L_j)": lambda a, y, j: (a[j] - y[j]) * a[j] * (1 - a[j]),
    r"\frac{\partial C}{\partial b^L_j} = a^L_j - 2 y_j": lambda a, y, j: a[j] - 2 * y[j],
}


def _truth(rhs, one_hot: bool) -> bool:
    z = sympy.symbols(f"z1:{_N + 1}")
    total = sum(sympy.exp(v) for v in z)
    a = [sympy.exp(v) / total for v in z]
    targets = ([[sympy.Integer(int(k == c)) for k in range(_N)] for c in range(_N)] if one_hot
               else [list(sympy.symbols(f"y1:{_N + 1}"))])
    point = {v: sympy.Rational(k + 2, 7) * (-1) ** k for k, v in enumerate(z)}
    for y in targets:
        cost = -sum(y[k] * sympy.log(a[k]) for k in range(_N))
        for j in range(_N):
            diff = sympy.diff(cost, z[j]) - rhs(a, y, j)
            at = diff.subs(point)
            others = {s: sympy.Rational(3 + i, 11) for i, s in enumerate(sorted(at.free_symbols, key=str))}
            if abs(sympy.N(at.subs(others), 30)) > 1e-20:
                return False
    return True


def test_the_hand_derivation():
    right = CLAIMS[r"\frac{\partial C}{\partial b^L_j} = a^L_j - y_j"]
    assert _truth(right, one_hot=True) and not _truth(right, one_hot=False)
    assert _truth(lambda a, y, j: a[j] * sum(y) - y[j], one_hot=False)


_NOTES = ("# Softmax\n\nThe hidden layers are $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$ for $l < L$; the output "
          "layer is a softmax, $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$, and the cost is\n"
          "$$C = -\\sum_k y_k \\ln(a^L_k)$$\n{words}\n$${claim}$$\n")

ONE_HOT = ["The target $y$ is a one-hot vector.", "We use the one-hot target $y$.",
           "The target $y$ is the one-hot vector with $y_c = 1$.", "Cíl $y$ je one-hot vektor.",
           "Zakładamy, że $y$ jest wektorem one-hot.", "Целевой вектор $y$ — one-hot вектор."]
NOTHING = ["The target $y$ is not a one-hot vector.", "The target $y$ need not be one-hot.",
           "If the target $y$ were one-hot, the formula below would hold.", "Suppose the target $y$ is one-hot.",
           "For example, the target $y$ may be a one-hot vector.", "Cíl $y$ není one-hot vektor.",
           "Nie zakładamy, że $y$ jest wektorem one-hot.", "The target $t$ is a one-hot vector.", ""]


def _notes(words: str, claim: str) -> str:
    return _NOTES.replace("{words}", words).replace("{claim}", claim)


def _verdict(words: str, claim: str):
    report = verify_text(_notes(words, claim), "auto")
    return next(r.result for r in report.rows if r.formula.text == claim)


@pytest.mark.parametrize("words", ONE_HOT)
@pytest.mark.parametrize("claim", list(CLAIMS))
def test_one_hot_words_are_the_assumption(words, claim):
    got = _verdict(words, claim)
    want = "holds" if _truth(CLAIMS[claim], one_hot=True) else "refuted"
    assert got.status == want, (words, claim, got.reason)
    if want == "holds":
        assert got.network.get("one_hot") is True  # checked under Σ_k y_k = 1, never for every y


@pytest.mark.parametrize("words", NOTHING)
@pytest.mark.parametrize("claim", list(CLAIMS))
def test_denied_doubted_or_supposed_words_assume_nothing(words, claim):
    assert not _truth(CLAIMS[claim], one_hot=False)
    # refuted; the counterfactual "If … were …, … would" leaves the notes' model unread around it: never holds
    want = {"refuted", "uninterpretable"} if "were" in words else {"refuted"}
    assert _verdict(words, claim).status in want, words


def test_the_words_are_in_force_from_their_line_on_and_named_in_the_model():
    claim = r"\frac{\partial C}{\partial b^L_j} = a^L_j - y_j"
    text = _notes(f"$${claim}$$\n\nThe target $y$ is a one-hot vector.", claim)
    report = verify_text(text, "auto")
    assert sorted(r.result.status for r in report.rows if r.formula.text == claim) == ["holds", "refuted"]
    assert any("one-hot, said in words" in line for line in report.model.lines())


def test_the_other_formulas_of_the_line_are_still_claims():
    # "… with $y_c = 1$": the words make no formula of their line an assumption (only Σ_k y_k = 1 is one)
    report = verify_text(_notes("The target $y$ is one-hot, and $\\delta^L = a^L + y$.", r"\delta^L = a^L - y"), "auto")
    rows = {r.formula.text: r.result.status for r in report.rows}
    assert rows[r"\delta^L = a^L + y"] == "refuted" and rows[r"\delta^L = a^L - y"] == "holds"


def test_the_log_likelihood_in_a_heading_beside_a_softmax_is_the_softmax_one():
    # "# Log-likelihood cost" above a softmax output: Nielsen's softmax log-likelihood (docs/verify.md), not the binary
    # cross-entropy: a^L_j's softmax definition holds, never "ambiguous" through the binary one
    text = "# Log-likelihood cost\n\n" + _notes("", r"\delta^L = a^L - y").split("\n", 2)[2]
    rows = {r.formula.text: r.result for r in verify_text(text, "auto").rows}
    softmax = r"a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}}"
    assert rows[softmax].status == "holds", rows[softmax].reason
    assert "cross-entropy cost (“Log" not in rows[r"\delta^L = a^L - y"].reason


def test_sigma_prime_at_a_hidden_layer_is_not_blamed_on_the_softmax_output():
    claim = r"\delta^{L-1} = \left((w^L)^T (a^L - y)\right) \odot \sigma'(z^{L-1})"
    got = _verdict("", claim)
    assert got.status == "refuted" and "softmax output layer L" not in got.reason  # the targets are why
    assert _verdict("The target $y$ is a one-hot vector.", claim).status == "holds"
    wrong = _verdict("", r"\delta^L = (a^L - y) \odot \sigma'(z^L)")
    assert wrong.status == "refuted" and "softmax output layer L" in wrong.reason


def test_under_exercises_found_once_agrees_with_scanning_from_the_start():
    # review rv43 C3: under_exercises scanned from the start of the notes for every sentence (quadratic in long notes);
    # its headings are now found once per text. Oracle: the old scan, at every position between headings.
    import re

    from symbp.verify.graphtargets import _EXERCISES, _HEADING, under_exercises

    text = ("# Notes\n\nSome words. $t$ is one-hot.\n\n## Exercises\n\n1. Assume $t$ is one-hot.\n\n"
            "\\section{Gradients}\nHere $y$ is one-hot.\n\n\\subsection*{Problems}\nA task.\n\n### Cvičení\nÚloha.\n")

    def scanned(pos):
        heads = list(_HEADING.finditer(text, 0, pos))
        return bool(heads) and _EXERCISES.search(heads[-1].group(1) or heads[-1].group(2) or "") is not None

    starts = [m.start() for m in re.finditer(r"(?<=\n\n)\S", text)]
    assert [under_exercises(text, p) for p in starts] == [scanned(p) for p in starts]
    assert [under_exercises(text, p) for p in starts].count(True) == 3  # Exercises, Problems, Cvičení
