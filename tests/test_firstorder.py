r"""A first-order change of the cost, ΔC ≈ (∂C/∂z_i) Δz_i: seed 002, line 33 (and 91, 166, 270).

The oracle: finite differences of the cost of a one-layer sigmoid network in NumPy, moving one z_i alone.
"""

import numpy as np

from symbp.verify import verify
from symbp.verify.claims import classify
from symbp.verify.notes import verify_notes


def _first_order_slope(k, h=1e-6):
    # (C(z + h e_k) − C(z)) / h for C = ½‖σ(z) − y‖², and δ = (σ(z) − y) ⊙ σ'(z) at the same z
    z, y = np.array([0.4, -1.1]), np.array([0.2, 0.9])
    s = 1 / (1 + np.exp(-z))
    cost = lambda v: 0.5 * np.sum((1 / (1 + np.exp(-v)) - y) ** 2)  # noqa: E731
    step = np.zeros(2)
    step[k] = h
    return (cost(z + step) - cost(z)) / h, (s - y) * s * (1 - s)


def test_seed002_first_order_change_holds():
    slope, delta = _first_order_slope(0)
    assert np.isclose(slope, delta[0], atol=1e-5)  # oracle: ΔC/Δz_1 → δ_1
    result = verify(r"\Delta C \approx \frac{\partial C}{\partial z_i^{(l)}} \Delta z_i^{(l)}", "sokolinsky")
    assert result.status == "holds" and "first-order change" in result.reason
    assert verify(r"\Delta C \approx \delta^L_j \Delta z^L_j", "nielsen").status == "holds"


def test_first_order_change_with_the_other_neuron_refuted():
    slope, delta = _first_order_slope(0)
    assert not np.isclose(slope, delta[1], atol=1e-3)  # oracle: ΔC/Δz_1 is not δ_2
    result = verify(r"\Delta C \approx \delta^L_k \Delta z^L_j", "nielsen")
    assert result.status == "refuted"


def test_first_order_change_beside_cost_alias_and_sums_not_judged(tmp_path):
    # seed 002, lines 188-190: c = ‖a − y‖²/2 and ΔC ≈ ∂c/∂z Δz: the sign that c is C, not judged by itself
    kind, why = classify(r"\Delta C \approx \frac{\partial c}{\partial z_i^{(l)}} \Delta z_i^{(l)}")
    assert kind == "prose" and "c is their cost C" in why
    # a sum of changes, or a whole vector's change: not read as one entry's
    assert classify(r"\Delta C \approx \sum_j \frac{\partial C}{\partial z_j} \Delta z_j")[0] == "prose"
    assert classify(r"\Delta C \approx \nabla C \cdot \Delta v")[0] == "prose"
    path = tmp_path / "notes.md"
    path.write_text("Мера влияния нейрона\n\n$$C = \\frac{\\|a^{(L)} - y\\|^2}{2}$$\n\n"
                    "$$\\Delta C \\approx \\frac{\\partial C}{\\partial z_i^{(l)}} \\Delta z_i^{(l)}$$\n",
                    encoding="utf-8")
    rows = [r.result.status for r in verify_notes(path, "sokolinsky").rows]
    assert rows == ["holds", "holds"]


# -- a difference quotient for a derivative: seed 000, lines 417 and 421 ----------------------------------


def _quotient(moved, central=False, eps=1e-6):
    # the quotient of C(w) = w_1² w_2 + e^{w_2}, moving entry ``moved`` (0-based); the exact ∂C/∂w at the same w
    w = np.array([0.7, -0.3])
    cost = lambda v: v[0] ** 2 * v[1] + np.exp(v[1])  # noqa: E731
    e = np.eye(2)[moved]
    back = cost(w - eps * e) if central else cost(w)
    return (cost(w + eps * e) - back) / (eps * (2 if central else 1)), np.array([2 * w[0] * w[1], w[0] ** 2 + np.exp(w[1])])


def test_seed000_forward_and_central_quotients_hold():
    forward, exact = _quotient(0)
    central, _ = _quotient(0, central=True)
    assert np.isclose(forward, exact[0], atol=1e-5) and np.isclose(central, exact[0], atol=1e-8)  # oracle
    line_417 = r"\frac{\partial C}{\partial w_j} \approx \frac{C(w + \epsilon e_j) - C(w)}{\epsilon}"
    assert verify(line_417, "nielsen").status == "holds"
    assert classify(line_417) == ("claim", "")
    central_text = r"\frac{\partial C}{\partial w_j} \approx \frac{C(w + \epsilon e_j) - C(w - \epsilon e_j)}{2\epsilon}"
    assert verify(central_text, "nielsen").status == "holds"


def test_quotient_moving_another_weight_refuted():
    moved, exact = _quotient(1)
    assert not np.isclose(moved, exact[0], atol=1e-2)  # oracle: moving w_2 estimates ∂C/∂w_2, not ∂C/∂w_1
    result = verify(r"\frac{\partial C}{\partial w_i} \approx \frac{C(w + \epsilon e_j) - C(w)}{\epsilon}", "nielsen")
    assert result.status == "refuted" and result.diagnosis == "the index j should be i"


def test_seed000_line421_damaged_quotient_not_judged():
    # line 421 lost its minus, C(w + εe_j) C(w): a product, not read as the difference; a central difference over ε
    line_421 = r"\frac{\partial C}{\partial w_i} \approx \frac{C(w + \epsilon e_j) C(w)}{\epsilon}"
    assert classify(line_421)[0] == "prose"
    half = r"\frac{\partial C}{\partial w_j} \approx \frac{C(w + \epsilon e_j) - C(w - \epsilon e_j)}{\epsilon}"
    assert classify(half)[0] == "prose"
