r"""Review rv37: layout switches, the mixed convention said in two sentences, Jacobians under no declared layout.

Truth by hand (Nielsen's w^l: n_l × n_{l-1}, a^{l-1} a column of n_{l-1}, δ^l a column of n_l):

* ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j. The denominator layout shapes ∂C/∂w^l like w^l: δ^l (a^{l-1})^T (BP4); the
  numerator layout like (w^l)^T: a^{l-1} (δ^l)^T. Each is false in the other layout (on [3, 2] the shapes 2×3 and
  3×2 differ).
* ∂z^l/∂a^{l-1} = w^l where a Jacobian has a row per entry of z^l (the numerator layout, the mixed convention);
  (w^l)^T in the denominator layout.

So under a declared layout each of these claims holds in one layout only, and a claim must never hold where the
words of the notes leave its layout open.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_text

NUM_BP4 = r"\frac{\partial C}{\partial w^l} = a^{l-1} (\delta^l)^T"  # true in the numerator layout only
DEN_BP4 = r"\frac{\partial C}{\partial w^l} = \delta^l (a^{l-1})^T"  # true in the denominator layout only
JAC = r"\frac{\partial z^l}{\partial a^{l-1}} = w^l"  # true with Jacobians by rows only
JAC_T = r"\frac{\partial z^l}{\partial a^{l-1}} = (w^l)^T"  # true in the denominator layout only


def _verdicts(prose: str, *claims: str) -> dict:
    text = "# Notes\n\n" + prose + "\n" + "".join(f"\n$${c}$$\n" for c in claims)
    return {row.formula.text: row.result for row in verify_text(text, "auto").rows}


def _after(second: str, claim: str, first: str = "We use the numerator layout."):
    return _verdicts(f"{first}\n\n{second}\n", claim)[claim]


# -- A1: a sentence that leaves the numerator layout was read as declaring it again --------------------------------

@pytest.mark.parametrize("leaving", [
    "From now on we no longer use the numerator layout.",
    "From now on we abandon the numerator layout.",
    "From here on we stop using the numerator layout.",
    "From now on we switch away from the numerator layout.",
    "We do not use the numerator layout any more.",
])
def test_rv37_leaving_the_numerator_layout_does_not_keep_it(leaving):
    assert _after(leaving, NUM_BP4).status != "holds"


def test_rv37_leaving_a_layout_is_not_read_where_it_is_only_named():
    # a sentence that names the numerator layout only to use it still declares it
    assert _after("From now on we keep using the numerator layout.", NUM_BP4).status == "holds"


# -- A2, A3, A4: a switch hedged, confined to its section, or in someone else's words switches nothing -------------

@pytest.mark.parametrize("switch", [
    "From now on one might use the denominator layout.",
    "From now on we perhaps use the denominator layout.",
    "In this section, from now on we use the denominator layout.",
    'As Goodfellow writes: "from now on we use the denominator layout".',
])
def test_rv37_a_switch_that_is_not_the_notes_own_does_not_hold_the_other_layout(switch):
    assert _after(switch, DEN_BP4).status != "holds"


def test_rv37_a_switch_confined_to_a_section_does_not_reach_the_next_one():
    text = ("# Notes\n\nWe use the numerator layout.\n\n## Part 2\n\nIn this section we switch to the denominator "
            f"layout.\n\n## Part 3\n\n$${DEN_BP4}$$\n")
    rows = verify_text(text, "auto").rows
    assert [row.formula.line for row in rows] == [11]
    assert rows[0].result.status != "holds"


def test_rv37_a_genuine_switch_still_governs():
    assert _after("From now on we use the denominator layout.", DEN_BP4).status == "holds"
    assert _after("From now on we use the denominator layout.", NUM_BP4).status == "refuted"


# -- A5, B1: a sentence about one kind of derivative only leaves the other kind's layout open ------------------------
# "Jacobians use the numerator layout." says nothing of gradients: ∂C/∂a^{l-1} = (δ^l)^T w^l (a row) holds in the
# numerator layout but is refuted in the mixed convention (gradients as columns). "Gradients use the denominator
# layout." says nothing of Jacobians: ∂z^l/∂a^{l-1} = w^l is refuted in the denominator layout, true in the mixed one.

def test_rv37_jacobians_said_alone_leave_a_row_gradient_ambiguous():
    claim = r"\frac{\partial C}{\partial a^{l-1}} = (\delta^l)^T w^l"
    got = _verdicts("Jacobians use the numerator layout.", JAC, claim)
    assert got[JAC].status == "holds"
    assert got[claim].status == "ambiguous"


def test_rv37_gradients_said_alone_do_not_refute_a_jacobian_by_rows():
    claim = r"\frac{\partial C}{\partial a^{l-1}} = (w^l)^T \delta^l"
    got = _verdicts("Jacobians might use the numerator layout. Gradients use the denominator layout.", JAC, claim)
    assert got[JAC].status == "ambiguous"
    assert got[claim].status == "holds"


def test_rv37_the_mixed_convention_said_in_full_still_holds_both():
    claim = r"\frac{\partial C}{\partial a^{l-1}} = (w^l)^T \delta^l"
    got = _verdicts("Jacobians use the numerator layout. Gradients use the denominator layout.", JAC, claim, JAC_T)
    assert (got[JAC].status, got[claim].status, got[JAC_T].status) == ("holds", "holds", "refuted")


# -- A6: the reverse pairing names the denominator layout for Jacobians; w^l is false there -------------------------

def test_rv37_reverse_pairing_leaves_a_jacobian_by_rows_ambiguous():
    got = _verdicts("Jacobians use the denominator layout. Gradients use the numerator layout.", JAC)
    assert got[JAC].status == "ambiguous"


def test_rv37_a_jacobian_with_no_layout_named_still_holds():
    assert _verdicts("We study a layered network.", JAC)[JAC].status == "holds"


# -- A7: a step whose gradient is taken at another parameter's point ------------------------------------------------
# Hand: θ_{t+1} = θ_t − η ∇C(θ_t) descends C; ∇C(w_t) is the gradient at the point w_t, not θ's current value (θ
# is all parameters, w only the weights: ∇C(w_t) is not even θ's shape), and b_{t+1} = b_t − η ∇C(w_t) steps b by
# the gradient at w's point. Neither is Nielsen's step; neither may hold.

MEAN = r"""The cost is $C = \frac{1}{n}\sum_x C_x$, with $C_x = \frac{1}{2}\|y(x) - a^L(x)\|^2$.
"""


@pytest.mark.parametrize("claim, status", [
    (r"\theta_{t+1} = \theta_{t} - \eta \nabla C(w_t)", None),
    (r"w_{t+1} = w_t - \eta \nabla C(\theta_t)", None),
    (r"b_{t+1} = b_t - \eta \nabla C(w_t)", None),
    (r"\theta_{t+1} = \theta_t - \eta \nabla C(\theta_t)", "holds"),
    (r"b_{t+1} = b_t - \eta \nabla C(b_t)", "holds"),
    (r"w^{(l)}_{t+1} = w^{(l)}_t - \eta \nabla C(w^{(l)}_t)", "holds"),
])
def test_rv37_step_gradient_at_another_parameters_point(claim, status):
    got = verify_text(MEAN + f"\n$${claim}$$\n", "auto").rows[-1].result
    assert got.status == status if status else got.status not in ("holds", "refuted")


def test_rv37_the_first_layout_named_for_a_chapter_is_still_declared():
    got = _verdicts("In this chapter we use the numerator layout.", NUM_BP4, DEN_BP4)
    assert (got[NUM_BP4].status, got[DEN_BP4].status) == ("holds", "ambiguous")
