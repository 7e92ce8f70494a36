"""What an example, a note or a sentence about another network defines is not the notes' model, in every form
review rv53 found (F3, F9, F11, F14).

By hand: under the quadratic cost C = ½Σ_j (a^L_j − y_j)², δ^L = ∂C/∂z^L = (a^L − y) ⊙ σ'(z^L). With σ(z) = z
(σ' = 1) that is a^L − y; with the notes' generic σ it is not (σ'(z^L) ≠ 1), so "For the network of these notes,
δ^L = a^L − y" is false unless the notes themselves take σ(z) = z. Each text below takes σ(z) = z (or a linear output)
only inside an aside: the claim outside must never "hold" (it is ambiguous: read with and without the aside's σ, or
refuted, or not judged). The controls give the same definition outside any aside: there the claim holds.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

_MD = ("# Backpropagation\n\nWe use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$.\n\n{aside}\n\n"
       "## The output error\n\nFor the network of these notes, the output error is\n\n$$\\delta^L = a^L - y.$$\n")
_TEX = ("\\documentclass{{article}}\n\\usepackage{{amsmath,amsthm}}\n{preamble}\n\\begin{{document}}\n"
        "We use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$.\n\n{aside}\n\n\\section{{The output error}}\n"
        "For the network of these notes, the output error is\n\\begin{{equation}}\n\\delta^L = a^L - y.\n"
        "\\end{{equation}}\n\\end{{document}}\n")
_ID = "the identity activation $\\sigma(z) = z$"


def _delta(text: str, kind: str = "markdown") -> list:
    return [r.result.status for r in verify_text(text, "auto", kind=kind).rows if "delta" in r.formula.text]


@pytest.mark.parametrize("aside", [
    # a plain sentence that gives an example (F11 i7, i6)
    f"For example, take {_ID}.",
    f"Example: for a linear network, take {_ID}.",
    f"For instance, take {_ID}.",
    f"Take, e.g., {_ID}.",
    "Například vezměme identitu $\\sigma(z) = z$.",
    "Pro příklad vezměme aktivaci $\\sigma(z) = z$.",
    "Например, возьмём тождественную активацию $\\sigma(z) = z$.",
    "Na przykład weźmy aktywację $\\sigma(z) = z$.",
    "Przykładowo weźmy aktywację $\\sigma(z) = z$.",
    # GitHub alerts (F11 i3)
    f"> [!NOTE]\n> For a linear network, take {_ID}.",
    f"> [!TIP]\n> For a linear network, take {_ID}.",
    f"> [!IMPORTANT]\n> For a linear network, take {_ID}.",
    f"> [!WARNING]\n> For a linear network, take {_ID}.",
    f"> [!CAUTION]\n> For a linear network, take {_ID}.",
    # titles in other dress (F11 i11, i12)
    f"***Example.*** For a linear network, take {_ID}.",
    f"**_Example._** For a linear network, take {_ID}.",
    f"<b>Example.</b> For a linear network, take {_ID}.",
    f"<strong>Example.</strong> For a linear network, take {_ID}.",
    f"<i>Example.</i> For a linear network, take {_ID}.",
    f"<em>Remark.</em> For a linear network, take {_ID}.",
    # another network, others' practice (F9)
    "A second network uses the activation $\\sigma(z) = z$.",
    "Consider a different network, whose activation is $\\sigma(z) = z$.",
    "Students sometimes take the activation $\\sigma(z) = z$.",
    f"Some books take {_ID}.",
    "Many authors use the activation $\\sigma(z) = z$.",
    "In some texts the activation is $\\sigma(z) = z$.",
    "Někteří autoři berou aktivaci $\\sigma(z) = z$.",
    "Некоторые авторы берут активацию $\\sigma(z) = z$.",
    "Niektórzy autorzy przyjmują aktywację $\\sigma(z) = z$.",
    "The other network has a linear output layer.",
    "A second network has a linear output layer.",
    # a kind of network, not the notes' own (rv53 o4)
    "In a linear network the activation is $\\sigma(z) = z$.",
    "For a linear network we take the activation $\\sigma(z) = z$.",
    "V lineární síti je aktivace $\\sigma(z) = z$.",
    "В линейной сети активация $\\sigma(z) = z$.",
    "W sieci liniowej aktywacja to $\\sigma(z) = z$.",
])
def test_a_definition_in_an_aside_never_makes_the_notes_claim_hold(aside):
    rows = _delta(_MD.format(aside=aside))
    assert rows and "holds" not in rows, rows


@pytest.mark.parametrize("sentence", [
    f"Take {_ID}.", f"We use {_ID}.", "Our activation is $\\sigma(z) = z$.",
    "Over all training examples the activation is $\\sigma(z) = z$.",  # training examples: no example
    "In a given network the activation is $\\sigma(z) = z$.",  # the notes' network: no kind of network
])
def test_control_the_same_definition_outside_an_aside_is_the_notes_model(sentence):
    assert _delta(_MD.format(aside=sentence)) == ["holds"]  # σ' = 1: δ^L = a^L − y


@pytest.mark.parametrize("aside", [
    f"**Example.** Take {_ID}. In general, for any activation, $\\delta^L = a^L - y$.",  # F3 g7
    f"For example, take {_ID}. In general, for any activation, $\\delta^L = a^L - y$.",
    f"**Example.** Take {_ID}. For the network of these notes, $\\delta^L = a^L - y$.",
])
def test_a_general_claim_inside_an_example_is_read_both_ways(aside):
    text = "We use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$.\n\n" + aside + "\n"
    assert _delta(text) == ["ambiguous"]


def test_the_examples_own_claim_still_holds_in_it():
    text = (f"We use the quadratic cost $C = \\frac12\\sum_j (a^L_j - y_j)^2$.\n\nFor example, take {_ID}. Then\n"
            "$$\\delta^L = a^L - y.$$\n")
    assert _delta(text) == ["holds"]  # under the example's σ(z) = z


def test_a_true_general_claim_after_an_example_holds():
    # BP1 holds for every σ: with the example's σ(z) = z and without it
    text = _MD.format(aside=f"For example, take {_ID}.").replace("a^L - y.$$", "(a^L - y) \\odot \\sigma'(z^L).$$")
    assert _delta(text) == ["holds"]


def test_an_example_heading_at_the_start_followed_by_a_sibling_heading_is_an_aside():
    # F3 g1: "# Example: …" titles only its section when "# Backpropagation in general" follows
    text = ("# Example: the identity activation\n\nTake the identity activation $\\sigma(z) = z$ and the quadratic cost "
            "$C = \\frac12\\sum_j (a^L_j - y_j)^2$.\n\n# Backpropagation in general\n\nFor a general activation, the "
            "output error is\n\n$$\\delta^L = a^L - y.$$\n")
    assert _delta(text) == ["ambiguous"]
    # control: the same heading alone titles the whole text, whose σ is then the notes' own
    alone = text.replace("# Backpropagation in general\n\nFor a general activation, the output error is",
                         "The output error is")
    assert _delta(alone) == ["holds"]


@pytest.mark.parametrize("aside", [
    f"\\textbf{{Example.}} Take {_ID}.",  # F14 lt4
    f"\\noindent\\textit{{Example.}} Take {_ID}.",  # lt6
    f"\\emph{{Example.}} Take {_ID}.",
    f"{{\\bf Example.}} Take {_ID}.",
    f"\\begin{{ex}} Take {_ID}. \\end{{ex}}",  # lt2: \newtheorem{ex}{Example}
    f"\\begin{{rem}} Take {_ID}. \\end{{rem}}",  # \newtheorem*{rem}{Poznámka}
    f"\\begin{{upr}}\nTake {_ID}.\n\\end{{upr}}",  # \newtheorem{upr}{Упражнение}
    f"\\begin{{uw}} Take {_ID}. \\end{{uw}}",  # \newtheorem{uw}[ex]{Uwaga}
    f"\\begin{{exa}} Take {_ID}. \\end{{exa}}",  # \declaretheorem[name=Example]{exa}
    f"\\begin{{remark}} Take {_ID}. \\end{{remark}}",  # lt1
    f"\\subsection*{{Example}} Take {_ID}.",  # lt3
    f"For example, take {_ID}.",
])
def test_latex_asides_never_make_the_notes_claim_hold(aside):
    preamble = ("\\newtheorem{ex}{Example}\n\\newtheorem*{rem}{Poznámka}\n\\newtheorem{upr}{Упражнение}\n"
                "\\newtheorem{uw}[ex]{Uwaga}\n\\declaretheorem[name=Example]{exa}\n\\newtheorem{thm}{Theorem}")
    rows = _delta(_TEX.format(preamble=preamble, aside=aside), "latex")
    assert rows and "holds" not in rows, rows


@pytest.mark.parametrize("aside", [f"Take {_ID}.", f"\\begin{{thm}} Take {_ID}. \\end{{thm}}"])
def test_latex_control_the_same_definition_outside_an_aside_holds(aside):
    assert _delta(_TEX.format(preamble="\\newtheorem{thm}{Theorem}", aside=aside), "latex") == ["holds"]
