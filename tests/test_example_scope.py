"""What an example, an exercise or a note defines is its own; a definition for "the other network" is not the
earlier claims' (review rv52 A9, A10, A11).

Each text below gives δ^L = a^L − y (or BP1) for one setting and then claims it in general or for another setting.
By hand: δ^L = (a^L − y) ⊙ σ'(z^L) under the quadratic cost, so δ^L = a^L − y holds only for σ(z) = z (or the
sigmoid under the cross-entropy), never for any activation; BP1 holds for a generic σ, not at a softmax output.
Before, the example's σ or the later network's cost was in force for the whole file and the general claim held (or a
true BP1 was refuted). Now the claim outside is read under both and is ambiguous: never a verdict under a guess.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

NOTES = {
    'n28.md': 'The cost is $C = \\frac12\\|a^L - y\\|^2$.\n\n**Example.** Take the identity activation $\\sigma(z) = z$. Then\n$$\\delta^L = a^L - y.$$\n\n**Main result.** For any activation,\n$$\\delta^L = a^L - y.$$\n',
    'n29.md': 'The cost is $C = \\frac12\\|a^L - y\\|^2$.\n\n## Example\n\nTake the identity activation, $\\sigma(z) = z$. Then\n$$\\delta^L = a^L - y.$$\n\n## Back to the general case\n\nFor a general activation we have\n$$\\delta^L = a^L - y.$$\n',
    'n30.md': '**Example.** For the logistic output $\\sigma(z) = \\frac{1}{1+e^{-z}}$ with the cross-entropy cost\n$$C = -\\sum_j \\left[y_j \\ln a^L_j + (1-y_j)\\ln(1-a^L_j)\\right]$$\nthe output error simplifies to\n$$\\delta^L = a^L - y.$$\n\n**In general**, for any cost and any activation, the output error is\n$$\\delta^L = a^L - y.$$\n',
    'n32.md': 'The cost is $C = \\frac12\\|a^L - y\\|^2$.\n\n> Note: for a linear network, $\\sigma(z) = z$.\n\nThe output error is\n$$\\delta^L = a^L - y.$$\n',
    'n33.md': 'The cost is $C = \\frac12\\|a^L - y\\|^2$.\n\n**Exercise 3.** Show that for $\\sigma(z) = z$ the output error is $a^L - y$.\n\n**Theorem (BP1).** The output error is\n$$\\delta^L = a^L - y.$$\n',
    'n17.md': 'The activation is $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\nFor the first network the output error is\n$$\\delta^L = a^L - y.$$\n\nFor the other network, the cost is\n$$C = -\\sum_j \\left[y_j \\ln a^L_j + (1-y_j)\\ln(1-a^L_j)\\right].$$\n',
    'n22.md': "For the first network the output error is\n$$\\delta^L = (a^L - y)\\odot\\sigma'(z^L).$$\n\nThe second network has a softmax output layer,\n$$a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}},$$\nand the cost $C = -\\sum_k y_k \\ln a^L_k$.\n",
    'n26.tex': 'The activation is $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\\section{Regression}\nFor regression the output error is\n\\begin{equation}\n\\delta^L = a^L - y\n\\end{equation}\n\\section{Classification}\nHere the cost is\n\\begin{equation}\nC = -\\sum_j \\left[y_j \\ln a^L_j + (1-y_j)\\ln(1-a^L_j)\\right].\n\\end{equation}\n',
}

#: (the file, the line of the example's own claim or None, the line of the claim outside it)
CASES = [("n28.md", 4, 7), ("n29.md", 6, 11), ("n30.md", 4, 7), ("n32.md", None, 6), ("n33.md", None, 6),
         ("n17.md", None, 4), ("n22.md", None, 2), ("n26.tex", None, 5)]


@pytest.mark.parametrize("name, own, outside", CASES)
def test_a_definition_kept_to_its_example_or_network_is_not_guessed_outside_it(name, own, outside):
    kind = "latex" if name.endswith(".tex") else "markdown"
    rows = {r.formula.lines[-1] if r.formula.lines else r.formula.line: r.result for r in
            verify_text(NOTES[name], "auto", kind=kind).rows}
    assert rows[outside].status == "ambiguous", rows[outside].reason
    if own is not None:
        assert rows[own].status == "holds"  # inside the example its own σ (or cost) is in force


def test_a_sheet_of_exercises_under_one_title_keeps_its_model():
    # "# Exercises" heading the whole text is no aside: its definitions are the notes' own
    text = ("# Exercises\n\nThe activation is $\\sigma(z) = z$ and the cost $C = \\frac12\\|a^L - y\\|^2$.\n\n"
            "$$\\delta^L = a^L - y$$\n")
    assert [r.result.status for r in verify_text(text, "auto").rows if "delta" in r.formula.text] == ["holds"]


_TEMPLATE = ("# Backpropagation\n\nWe use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$.\n\n{example}\n\n"
             "## The output error\n\nFor the network of these notes, the output error is\n\n$$\\delta^L = a^L - y.$$\n")


@pytest.mark.parametrize("example", [
    "**Example.** Take a network whose output layer is linear.",
    "### Example\n\nTake a network whose output layer is linear.",
    "**Example 2 (linear output).** Take a network whose output layer is linear.",
    "> Note: take a network whose output layer is linear.",
    "*Example.* Take a network whose output layer is linear.",
    "__Example__ Take a network whose output layer is linear.",
    "*Example.* Take the identity activation $\\sigma(z) = z$.",
    "__Example.__ Take the identity activation $\\sigma(z) = z$.",
    "**Пример.** Пусть выходной слой линейный.",
])
def test_an_example_in_any_dress_keeps_its_model(example):
    # review rv53 F2, F3: δ^L = a^L − y holds only under the example's linear output or σ(z) = z; outside it σ is
    # generic, where it is false, so it is never "holds"
    rows = [r.result.status for r in verify_text(_TEMPLATE.format(example=example), "auto").rows
            if "delta" in r.formula.text]
    assert rows and "holds" not in rows and "refuted" not in rows, rows


@pytest.mark.parametrize("example", [
    "\\paragraph{Example} Take the identity activation $\\sigma(z) = z$.",
    "\\begin{example} Take the identity activation $\\sigma(z) = z$. \\end{example}",
])
def test_latex_examples_keep_their_model(example):
    text = ("\\documentclass{article}\n\\begin{document}\nWe use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$."
            f"\n\n{example}\n\n\\section{{The output error}}\nThe output error is\n\\begin{{equation}}\n"
            "\\delta^L = a^L - y\n\\end{equation}\n\\end{document}\n")
    rows = [r.result.status for r in verify_text(text, "auto", kind="latex").rows if "delta" in r.formula.text]
    assert rows == ["ambiguous"], rows
