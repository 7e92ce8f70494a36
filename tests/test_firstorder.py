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
