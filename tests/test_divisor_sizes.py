r"""Review 38, F3 and F4: a division by what relu makes 0, and a polynomial in a layer size.

F3: for relu, a^L_j = relu(z^L_j) = 0 for every z^L_j ≤ 0, so a^L_j / a^L_j is undefined on half of
every neuron's inputs; read as 1 it would say σ' ≡ 1 (false: σ'(z) = 0 for z < 0). Never "holds".
F4: Σ_{k=1}^{n_L} 1 = n_L, so adding (n_L − 2)(n_L − 3)(n_L − 4) to BP1 is false for n_L = 1 and
n_L ≥ 5 (n_L = 1: −6; n_L = 5: +6), though it vanishes on every output layer of 2, 3 or 4 neurons.
"""

from symbp.verify import verify

A_OVER_A = r"\frac{a^L_j}{a^L_j}"


def test_relu_sigma_prime_as_a_over_a_is_not_holds():
    # σ'(z) = a/a: undefined for z ≤ 0 (0/0), where relu' = 0; never holds.
    v = verify(r"\sigma'(z^L_j) = " + A_OVER_A, activation="relu")
    assert v.status == "undecided"
    assert "divides by a^L_j" in v.reason and "relu" in v.reason


def test_relu_bp1_with_a_over_a_is_not_holds():
    # (a − y)·a/a would be a − y: BP1 without σ', false for relu wherever z < 0.
    v = verify(r"\delta^L_j = (a^L_j - y_j)" + A_OVER_A, activation="relu")
    assert v.status == "undecided"
    assert "divides by a^L_j" in v.reason


def test_relu_a_over_a_equal_one_is_not_holds():
    v = verify(A_OVER_A + " = 1", activation="relu")
    assert v.status == "undecided"


def test_relu_division_wrong_where_defined_is_refuted():
    # 2a/a = 2 ≠ 1 = σ'(z) for every z > 0, where both sides are defined.
    v = verify(r"\sigma'(z^L_j) = \frac{2 a^L_j}{a^L_j}", activation="relu")
    assert v.status == "refuted"


def test_relu_a_over_z_holds_where_defined():
    # relu(z)/z = [z > 0] = relu'(z) for every z ≠ 0: the divisor is 0 only on the hyperplane z = 0.
    v = verify(r"\frac{\partial a^l_j}{\partial z^l_j} = \frac{a^l_j}{z^l_j}", activation="relu")
    assert v.status == "holds"


def test_tanh_a_over_a_is_one_but_not_sigma_prime():
    # tanh(z) = 0 only at z = 0: a/a = 1 wherever defined; tanh' = 1 − a² is not 1.
    assert verify(A_OVER_A + " = 1", activation="tanh").status == "holds"
    assert verify(r"\sigma'(z^L_j) = " + A_OVER_A, activation="tanh").status == "refuted"


def test_sigmoid_division_holds_and_generic_is_undecided():
    # Sigmoid's a is never 0: a·(a − y)/a is a − y, and BP1 with it is the plain BP1.
    bp1 = r"\delta^L_j = \frac{a^L_j (a^L_j - y_j)}{a^L_j}\sigma'(z^L_j)"
    assert verify(bp1, activation="sigmoid").status == "holds"
    # A generic σ may be 0 on an interval (as relu is for z ≤ 0), so a^L_j may be 0 on an open set of inputs:
    # the division is undefined there, as for relu (review rv44 A5; this test said "holds" before).
    v = verify(bp1)
    assert v.status == "undecided" and "divides by a^L_j" in v.reason, v.reason


# -- F4: sums to a layer size -------------------------------------------------------------------

BP1 = r"\delta^L_j = (a^L_j - y_j)\sigma'(z^L_j)"
N_L = r"\sum_{k=1}^{n_L} 1"  # = n_L


def test_polynomial_in_output_size_vanishing_on_2_3_4_is_refuted():
    # BP1 + (n_L − 2)(n_L − 3)(n_L − 4): +6 with five outputs.
    v = verify(BP1 + f" + ({N_L} - 2)({N_L} - 3)({N_L} - 4)")
    assert v.status == "refuted" and v.counterexample is not None


def test_polynomial_in_output_size_written_as_a_cube_is_refuted():
    # (n − 3)^3 − (n − 3) = (n − 2)(n − 3)(n − 4): two sums, degree 3 through the power.
    v = verify(BP1 + f" + ({N_L} - 3)^3 - ({N_L} - 3)")
    assert v.status == "refuted"


def test_polynomial_in_output_size_through_an_implicit_sum_is_refuted():
    # Σ_k (a^L_k + 1 − a^L_k) = n_L as well: the sum's range is read from a^L_k.
    n = r"\sum_k (a^L_k + 1 - a^L_k)"
    v = verify(BP1 + f" + ({n} - 2)({n} - 3)({n} - 4)")
    assert v.status == "refuted"


def test_bp2_times_polynomial_in_hidden_size_is_refuted():
    # δ^l_j · (1 + (n_l − 2)(n_l − 3)(n_l − 4)): 7·δ^l_j on a hidden layer of five neurons.
    n = r"\sum_{k=1}^{n_l} 1"
    v = verify(r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j) \cdot "
               f"(1 + ({n} - 2)({n} - 3)({n} - 4))")
    assert v.status == "refuted"


def test_fixed_network_counterexample_refutes_not_a_depth_condition():
    # On [2, 3, 5] the term is +6: the user's network is a counterexample, and other networks of
    # depth 3 hold, so "holds only when L ∈ {2} or L ≥ 4" would be a false condition.
    v = verify(BP1 + f" + ({N_L} - 2)({N_L} - 3)({N_L} - 4)", sizes=(2, 3, 5))
    assert v.status == "refuted" and v.exit_code == 1


def test_a_size_as_a_plain_letter_is_not_read():
    # n_L outside a sum bound is no quantity: an error, never a silent reading.
    v = verify(BP1 + r" + (n_L - 2)(n_L - 3)(n_L - 4)")
    assert v.status in ("unreadable", "uninterpretable") and v.exit_code == 2


def test_true_polynomial_in_size_still_holds():
    # (n_L − 2)² − (n_L² − 4 n_L + 4) = 0 for every n_L: degree 2 in n_L, so three output sizes at every depth.
    v = verify(BP1 + f" + ({N_L} - 2)({N_L} - 2) - {N_L}{N_L} + 4 {N_L} - 4")
    assert v.status == "holds"
    for depth in range(2, 7):
        assert len({c["sizes"][-1] for c in v.checked if c["depth"] == depth}) >= 3, depth


def test_one_sum_formulas_add_no_networks():
    # Degree ≤ 1 in each size: the family's sizes pin it, nothing is added (BP1–BP4 keep their cost).
    from symbp.notation import profile
    from symbp.verify.reader import read
    from symbp.verify.sizegrid import size_grid

    for text in (BP1, r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)",
                 r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",
                 r"\delta^L_j = a^L_j \sum_k y_k - y_j"):
        assert size_grid(read(text), profile("nielsen"), {2: (3, 2), 3: (2, 3, 2)}) == ((), True)
