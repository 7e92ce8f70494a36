r"""A first definition under a later heading is not said to hold in the sections before it (rv52 A9c).

``\section{Regression}`` states BP1 with σ', true under symbp's default model (an elementwise output: by hand,
δ^L = ∂C/∂z^L = (a^L − y) ⊙ σ'(z^L) for C = ½‖a^L − y‖²); ``\section{Classification}`` then defines a softmax output.
The softmax reached back over the heading and refuted the regression section's true BP1. Now the claims before the
heading are read with and without the later definition: ambiguous when the two readings differ, never a refutation
(or a "holds") that rests on a definition made for another section. A definition whose own sentence says it is the
notes' own ("Our cost is", "We use") still reaches back to the start.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

BP1 = r"\delta^L = (a^L - y)\odot\sigma'(z^L)"
SOFTMAX = r"a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}}"


def _rows(text: str, kind: str = "markdown") -> dict:
    return {r.formula.text: r.result for r in verify_text(text, "auto", kind=kind).rows}


LATEX = ("\\section{Regression}\n\\begin{equation}\n" + BP1 + "\n\\end{equation}\n\\section{Classification}\n"
         "The output layer is a softmax,\n\\begin{equation}\n" + SOFTMAX + ",\n\\end{equation}\n"
         "with the cost $C = -\\sum_k y_k \\ln a^L_k$.\n")
MARKDOWN = ("# Regression\n\n$$" + BP1 + "$$\n\n# Classification\n\nThe output layer is a softmax,\n\n$$" + SOFTMAX
            + ",$$\n\nwith the cost $C = -\\sum_k y_k \\ln a^L_k$.\n")


@pytest.mark.parametrize("text, kind", [(LATEX, "latex"), (MARKDOWN, "markdown")])
def test_a_later_sections_softmax_does_not_refute_an_earlier_true_bp1(text, kind):
    result = _rows(text, kind)[BP1]
    assert result.status == "ambiguous", (result.status, result.reason)
    assert "first defined under the heading" in result.reason


def test_without_the_later_section_bp1_holds_and_under_the_softmax_it_is_refuted():
    # the two readings the ambiguous verdict names, each on its own
    assert _rows("# Regression\n\n$$" + BP1 + "$$\n")[BP1].status == "holds"
    assert _rows("The output layer is a softmax,\n\n$$" + SOFTMAX + ",$$\n\nwith the cost "
                 "$C = -\\sum_k y_k \\ln a^L_k$.\n\n$$" + BP1 + "$$\n")[BP1].status == "refuted"


def test_the_notes_own_words_still_reach_back_over_the_heading():
    text = ("# 1. Output error\n\n$$" + BP1 + "$$\n\n# 2. The output layer\n\nOur output layer is a softmax,\n\n$$"
            + SOFTMAX + ",$$\n\nwith the cost $C = -\\sum_k y_k \\ln a^L_k$.\n")
    assert _rows(text)[BP1].status == "refuted"
