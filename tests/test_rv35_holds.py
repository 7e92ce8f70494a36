r"""Review rv35: verdicts worked by hand for the readings added on 2 Dec (graph := steps, logs of negative numbers,
Jacobians weighed in three layouts).
"""

from __future__ import annotations

from symbp.verify import verify
from symbp.verify.notes import verify_text

# u := h + γ c defines u (γ scales c; u is no stepped copy of h): a = tanh(u), y = W_2 a, L = ½‖y − t‖², so by hand
# ∂L/∂h = ∂L/∂u = (1 − a²) ⊙ W_2^T (y − t) and ∂L/∂W_1 = ((1 − a²) ⊙ W_2^T (y − t)) x^T, which is not 0.
_GAMMA = r"""Let $x$ be a column vector with 3 entries, $c$ a column vector with 4 entries, $W_1$ is a $4 \times 3$ matrix
and $W_2$ is a $2 \times 4$ matrix. Let $h := W_1 x$, $u := h + \gamma c$, $a = \tanh(u)$, $y = W_2 a$ and
$L = \frac12 \|y - t\|^2$.
"""


def _column(preamble: str, *claims: str) -> dict:
    text = preamble + "".join(f"\n$${c}$$\n" for c in claims)
    return {row.formula.text: row.result for row in verify_text(text).rows if row.formula.text in claims}


def test_rv35_a_definition_with_a_scale_letter_and_colon_equals_is_no_update_rule():
    claims = {r"\frac{\partial L}{\partial W_1} = 0": "refuted",
              r"\frac{\partial L}{\partial h} = (1 - a^2) \odot (W_2^T (y - t))": "holds",
              r"\frac{\partial L}{\partial W_1} = ((1 - a^2) \odot (W_2^T (y - t))) x^T": "holds",
              r"\frac{\partial L}{\partial h} = W_2^T (y - t)": "refuted"}
    got = _column(_GAMMA, *claims)
    assert {c: r.status for c, r in got.items()} == claims, {c: r.reason for c, r in got.items()}


def test_rv35_a_definition_minus_a_scale_letter_is_no_update_rule_either():
    # u := h − γ c: ∂L/∂h = ∂L/∂u as above (the sign of γ c does not touch h), and ∂L/∂W_1 is still not 0
    claims = {r"\frac{\partial L}{\partial W_1} = 0": "refuted",
              r"\frac{\partial L}{\partial h} = (1 - a^2) \odot (W_2^T (y - t))": "holds"}
    got = _column(_GAMMA.replace(r"u := h + \gamma c", r"u := h - \gamma c"), *claims)
    assert {c: r.status for c, r in got.items()} == claims, {c: r.reason for c, r in got.items()}


def test_rv35_a_log_of_a_number_never_positive_is_not_judged():
    # −σ(z) < 0 for every z under the sigmoid: log(−σ(z)) is no real number, though SymPy's principal logs
    # (each log(σ) + iπ) make the difference log(−σ(z)) − log(−σ(−z)) − z vanish.
    v = verify(r"\log(-\sigma(z)) - \log(-\sigma(-z)) = z", "nielsen", activation="sigmoid")
    assert v.status == "uninterpretable", (v.status, v.reason)
    # the same identity of positive numbers is true: log σ(z) − log σ(−z) = log e^z = z
    assert verify(r"\log(\sigma(z)) - \log(\sigma(-z)) = z", "nielsen", activation="sigmoid").status == "holds"


def test_rv35_readings_conditional_alike_are_conditional_not_ambiguous():
    # ∂z^l/∂a^{l-1} = w^l (a row per entry of z^l): equals w^2 exactly where l = 2 is the only layer, L = 2; the
    # denominator reading (w^l)^T fits no non-square network. Conditional on L = 2 in each reading that fits.
    v = verify(r"\frac{\partial z^{l}}{\partial a^{l-1}} = w^2", "nielsen")
    assert v.status == "conditional" and "L = 2" in v.reason, (v.status, v.reason)
    assert verify(r"\frac{\partial z^{l}}{\partial a^{l-1}} = w^2", "nielsen", sizes=(3, 2)).status == "conditional"


_J = r"\frac{\partial z^l}{\partial a^{l-1}}"


def _claims(text: str) -> list:
    return [r.result for r in verify_text(text).rows if r.formula.kind == "claim"]


def test_rv35_notes_whose_jacobian_claims_hold_in_different_layouts_are_ambiguous():
    # z^l = w^l a^{l-1} + b^l: ∂z^l_j/∂a^{l-1}_k = w^l_{jk}. With a row per entry of z^l the Jacobian is w^l, with a
    # column per entry (the denominator layout) (w^l)^T: no one layout makes both claims true for a non-square w^l.
    text = f"The Jacobian is\n\n$${_J} = (w^l)^T$$\n\nand\n\n$${_J} = w^l$$\n"
    assert [r.status for r in _claims(text)] == ["ambiguous", "ambiguous"], [r.reason for r in _claims(text)]


def test_rv35_notes_whose_jacobian_claims_share_a_layout_still_hold():
    # ∂z^l/∂a^{l-1} = w^l (mixed or numerator) and the chain rule ∂C/∂a^{l-1} = (∂z^l/∂a^{l-1})^T ∂C/∂z^l (the mixed
    # convention: (w^l)^T δ^l, a column, as in Nielsen's BP2 step) both hold in the mixed convention.
    text = (f"The Jacobian is\n\n$${_J} = w^l$$\n\nso\n\n"
            rf"$$\frac{{\partial C}}{{\partial a^{{l-1}}}} = ({_J})^T \frac{{\partial C}}{{\partial z^l}}$$" + "\n")
    assert [r.status for r in _claims(text)] == ["holds", "holds"], [r.reason for r in _claims(text)]


def test_rv35_an_entry_of_the_gradient_by_a_without_a_layer_is_the_output_layers():
    # Nielsen's ∇_a C is the vector of ∂C/∂a^L_j; under C = ½‖a^L − y‖² its entry j is a^L_j − y_j.
    assert verify(r"(\nabla_{a} C)_j = a^L_j - y_j", "nielsen").status == "holds"
    assert verify(r"(\nabla_a C)_j = y_j - a^L_j", "nielsen").status == "refuted"


def test_rv35_a_fraction_closing_the_step_is_the_rates_as_a_number_is():
    # w − η δ_j a_k · ½ = w − (η/2) ∂C/∂w_{jk}: a gradient step with rate η/2 (BP4), as · 2 is one with rate 2η.
    for half in (r"\frac12", r"\frac{1}{2}"):
        v = verify(r"\tilde w^l_{jk} = w^l_{jk} - \eta \delta^l_j a^{l-1}_k \cdot " + half, "nielsen")
        assert v.status == "holds", (half, v.reason)
    # ½ of the wrong gradient (no δ) is still wrong, and · 0/2 is no step
    assert verify(r"\tilde w^l_{jk} = w^l_{jk} - \eta a^{l-1}_k \cdot \frac12", "nielsen").status == "refuted"
    assert verify(r"\tilde w^l_{jk} = w^l_{jk} - \eta \delta^l_j a^{l-1}_k \cdot \frac{0}{2}", "nielsen").status == "refuted"


def test_rv35_a_jacobian_the_notes_call_wrong_does_not_choose_their_layout():
    # The notes' claim ∂z^l/∂a^{l-1} = w^l holds with a row per entry of z^l; (w^l)^T, which they call wrong, holds only
    # with a column per entry (the denominator layout), where their claim does not: the claim holds, and the notes
    # calling (w^l)^T wrong is not refuted (in their layout it is wrong), but ambiguous.
    text = f"The Jacobian is\n\n$${_J} = w^l$$\n\nWrong:\n\n$${_J} = (w^l)^T$$\n"
    assert [r.status for r in _claims(text)] == ["holds", "ambiguous"], [r.reason for r in _claims(text)]


def test_rv35_a4_a_derivative_of_an_earlier_quantity_by_a_later_one_is_not_read():
    # z^l is computed before a^l = σ(z^l), a^{l-1} before z^l, z^l before z^{l+1}: none is a function of the later
    # one in the network, so "= 0" (through the graph) and "= 1/σ'(z)" (z = σ⁻¹(a)) are two readings; neither is
    # held. The derivatives the other way are judged (by hand: ∂z^{l+1}_k/∂z^l_j = w^{l+1}_{kj} σ'(z^l_j)).
    for claim in (r"\frac{\partial z^l}{\partial a^l} = 0", r"\frac{\partial z^l_j}{\partial a^l_j} = 0",
                  r"\frac{\partial a^{l-1}}{\partial z^l} = 0", r"\frac{\partial z^l_j}{\partial z^{l+1}_k} = 0"):
        v = verify(claim, "nielsen")
        assert v.status == "uninterpretable" and "earlier quantity by a later one" in v.reason, (claim, v.reason)
    assert verify(r"\frac{\partial z^{l+1}_k}{\partial z^l_j} = w^{l+1}_{kj} \sigma'(z^l_j)", "nielsen").status == "holds"
    assert verify(r"\frac{\partial z^{l+1}_k}{\partial z^l_j} = w^{l+1}_{jk} \sigma'(z^l_j)", "nielsen").status == "refuted"
    assert verify(r"\frac{\partial z^l_j}{\partial z^l_k} = 0", "nielsen").status == "refuted"  # 1 at j = k


def test_rv35_c2_a_rule_whose_value_side_has_more_terms_is_named_not_unreadable():
    # \tilde w = w − η δ a · 2 + η δ a equals w − η δ a (true, by hand), but its value side is not old ± one step: it
    # is not read, and the reason says why (it was "unknown macro \tilde", exit 2 as unreadable)
    for rule in (r"\tilde w^l_{jk} = w^l_{jk} - \eta \delta^l_j a^{l-1}_k \cdot 2 + \eta \delta^l_j a^{l-1}_k",
                 r"w^l \leftarrow w^l - \eta \nabla_{w^l} C - \eta \nabla_{w^l} C"):
        v = verify(rule, "nielsen")
        assert v.status == "uninterpretable" and "not read as the old value plus or minus one step" in v.reason, v
    assert verify(r"\tilde w^l_{jk} = w^l_{jk} - \eta \delta^l_j a^{l-1}_k", "nielsen").status == "holds"
