r"""Notes in conventions a held-out review found unjudged (helper reach20): UFLDL's layers 1 … n_l and hypothesis
h_{W,b}(x), the quadratic cost without its ½, the Kronecker delta δ_{jk} beside the error δ^l_j.

Each convention has claims that hold and WRONG variants that must be refuted; the truth is worked by hand (and by
SymPy where a derivative decides it) in the comments and in the tests themselves.
"""

from __future__ import annotations

import pytest
import sympy

from symbp.verify.notes import verify_text


def _status(notes: str) -> dict:
    """{line: status} of the rows of ``notes`` read with the notation inferred."""
    return {r.formula.line: r.result.status for r in verify_text(notes, "auto").rows}


# -- the quadratic cost without its ½ -------------------------------------------------------------------------------
# C = ‖a^L − y‖² = Σ_j (a^L_j − y_j)²: ∂C/∂a^L_j = 2(a^L_j − y_j) (SymPy below), so δ^L = 2(a^L − y) ⊙ σ'(z^L) and
# the ½-cost's a^L − y, (a^L − y) ⊙ σ'(z^L) are a factor 2 short; BP2 and BP3 do not depend on the cost.

def test_squared_error_derivative_by_sympy():
    a, y = sympy.symbols("a y")
    assert sympy.diff((a - y) ** 2, a) == 2 * (a - y)


@pytest.mark.parametrize("cost", [r"C = \|a^L - y\|^2", r"C = \sum_j (a^L_j - y_j)^2", r"C = \|y - a^L\|^2"])
def test_cost_without_the_half_is_read_as_its_own_cost(cost):
    claims = [(r"\delta^L = 2(a^L - y) \odot \sigma'(z^L)", "holds"),
              (r"\frac{\partial C}{\partial a^L_j} = 2(a^L_j - y_j)", "holds"),
              (r"\nabla_a C = 2(a^L - y)", "holds"),
              (r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", "holds"),
              (r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", "holds"),
              (r"\delta^L = (a^L - y) \odot \sigma'(z^L)", "refuted"),
              (r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j", "refuted"),
              (r"\delta^L_j = 4(a^L_j - y_j) \sigma'(z^L_j)", "refuted")]
    notes = f"We use the cost\n$${cost}$$\n$$z^l = w^l a^{{l-1}} + b^l, \\quad a^l = \\sigma(z^l)$$\n" + "".join(
        f"$${c}$$\n" for c, _ in claims)
    status = _status(notes)
    assert status[2] == "holds"
    for k, (claim, truth) in enumerate(claims):
        assert status[4 + k] == truth, (cost, claim, status)


def test_half_cost_then_cost_without_half_leaves_the_claims_open():
    # two costs symbp knows, one after the other with no words of a switch: which one the claims are about is not
    # clear, so a claim true under one and false under the other is ambiguous, never held (a − y holds under ½‖a − y‖²
    # only, 2(a − y) under ‖a − y‖² only)
    notes = ("$$C = \\frac{1}{2}\\|a^L - y\\|^2$$\n$$C = \\|a^L - y\\|^2$$\n"
             "$$\\frac{\\partial C}{\\partial a^L} = a^L - y$$\n$$\\frac{\\partial C}{\\partial a^L} = 2(a^L - y)$$\n")
    status = _status(notes)
    assert status[3] == status[4] == "ambiguous", status


def test_squared_error_beside_another_cost_letter_is_not_read_as_the_cost():
    # E = ½Σ(a − y)² and C = Σ(a − y)²: one model cost cannot stand for both letters; the claims about E are judged
    # (∂E/∂a_j = a_j − y_j holds, 2(a_j − y_j) is refuted), those about C stay unjudged
    notes = ("The loss is $E = \\frac{1}{2}\\sum_j (a^L_j - y_j)^2$, and we also write $C = \\sum_j (a^L_j - y_j)^2$.\n"
             "$$\\frac{\\partial C}{\\partial a^L_j} = 2(a^L_j - y_j)$$\n$$\\frac{\\partial E}{\\partial a^L_j} = a^L_j - y_j$$\n"
             "$$\\frac{\\partial E}{\\partial a^L_j} = 2(a^L_j - y_j)$$\n")
    status = _status(notes)
    assert (status[2], status[3], status[4]) == ("uninterpretable", "holds", "refuted"), status
